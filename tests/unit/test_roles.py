"""Perpetrators and targets from the words around recognised actors."""

import re

import pytest

from eventdesk.extract.roles import ActorSpan, find_claimant, find_descriptor, find_perpetrator, find_target, no_claim


def spans(sentence: str, actors: dict[str, tuple[str, str]]) -> list[ActorSpan]:
    """Actor spans for the given surface forms (form -> (canonical name, type))."""
    found = []
    for form, (name, kind) in actors.items():
        for match in re.finditer(re.escape(form), sentence):
            found.append(ActorSpan(match.start(), match.end(), name, kind, form))
    return sorted(found, key=lambda a: a.start)


IS = ("Islamic State", "armed_group")
SHABAAB = ("al-Shabaab", "armed_group")
REUTERS = ("Reuters", "media")


def test_claim_subject():
    sentence = "ISIS claimed responsibility for the attack a day later."
    role = find_claimant(sentence, spans(sentence, {"ISIS": IS}), sentence.index("claimed"))
    assert (role.name, role.basis) == ("Islamic State", "claim")


def test_claim_by_passive():
    sentence = "Responsibility was claimed by al-Shabaab in a radio broadcast."
    role = find_claimant(sentence, spans(sentence, {"al-Shabaab": SHABAAB}), sentence.index("claimed"))
    assert role.name == "al-Shabaab"


def test_no_group_claimed():
    sentence = "No group has claimed responsibility for the bombing."
    assert no_claim(sentence)
    assert find_claimant(sentence, [], sentence.index("claimed")) is None


PERPETRATORS = [
    ("narrator", "Al-Shabaab fighters attacked a military base near the town.", {"Al-Shabaab": SHABAAB},
     ("al-Shabaab", "narrator")),
    ("official-blame", "Police blamed al-Shabaab for the blast.", {"al-Shabaab": SHABAAB}, ("al-Shabaab", "official")),
    ("attributed-to", "The governor attributed the attack to Islamic State.", {"Islamic State": IS},
     ("Islamic State", "official")),
    ("hedge", "Suspected al-Shabaab militants stormed the hotel.", {"al-Shabaab": SHABAAB}, ("al-Shabaab", "hedge")),
]


@pytest.mark.parametrize("sentence,actors,expected", [c[1:] for c in PERPETRATORS], ids=[c[0] for c in PERPETRATORS])
def test_perpetrator(sentence, actors, expected):
    role = find_perpetrator(sentence, spans(sentence, actors))
    assert (role.name, role.basis) == expected


def test_reporting_outlet_is_not_the_perpetrator():
    sentence = "Reuters reported that a bomb killed four people."
    assert find_perpetrator(sentence, spans(sentence, {"Reuters": REUTERS})) is None


def test_unnamed_attackers_are_described():
    role = find_descriptor("Unidentified gunmen opened fire on worshippers.")
    assert (role.name, role.basis) == ("unidentified gunmen", "description")


TARGETS = [
    ("checkpoint", "Militants attacked a police checkpoint, killing three.", "police checkpoint"),
    ("elder", "Gunmen shot dead a village elder outside his home.", "village elder"),
    ("school", "Armed men stormed a school in the district.", "school"),
]


@pytest.mark.parametrize("sentence,expected", [c[1:] for c in TARGETS], ids=[c[0] for c in TARGETS])
def test_described_target(sentence, expected):
    role = find_target(sentence, [], 0)
    assert role.name == expected
