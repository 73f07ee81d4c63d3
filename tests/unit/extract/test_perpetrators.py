"""Who did it: claimants, perpetrators, descriptions and state forces from the words around actors."""

import re

import pytest

from eventdesk.extract.facts import ActorSpan, Role
from eventdesk.extract.perpetrators import (
    find_claimant,
    find_descriptor,
    find_perpetrator,
    national_forces,
    no_claim,
)


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


DESCRIPTIONS = [
    ("subject", "Armed men stormed a bus station and shot dead two guards.", "armed men"),
    ("agent-after-by", "Two mayors were kidnapped by guerrillas on the road to Tamba.", "guerrillas"),
    ("state-subject", "Soldiers opened fire on a crowd of traders in Korbo, killing five.", "soldiers"),
    ("victims-skipped", "Police said three militants were killed after gunmen attacked the post.", "gunmen"),
    ("urban", "Urban guerrillas dynamited two power pylons outside the capital.", "urban guerrillas"),
]


@pytest.mark.parametrize("sentence,expected", [c[1:] for c in DESCRIPTIONS], ids=[c[0] for c in DESCRIPTIONS])
def test_described_attacker(sentence, expected):
    assert find_descriptor(sentence).name == expected


@pytest.mark.parametrize("sentence", [
    "Troops killed four militants in a raid on a hideout.",
    "Police said three militants were killed in the operation.",
], ids=["militants-are-victims", "passive-victims"])
def test_victims_are_not_the_described_attacker(sentence):
    role = find_descriptor(sentence)
    assert role is None or role.name != "militants"


def test_backed_by_is_not_an_attribution():
    sentence = "The minister blamed gangs backed by Belgrade for the shooting."
    assert find_perpetrator(sentence, spans(sentence, {"Belgrade": ("Serbia", "state")})) is None


@pytest.mark.parametrize("sentence", [
    "The councillor was kidnapped on Friday near his farm by al-Shabaab, police said.",
    "Two teachers were shot in the market yesterday by al-Shabaab.",
    "A trader was abducted, overnight, by al-Shabaab.",
], ids=["on-day-near-place", "in-place-yesterday", "overnight-commas"])
def test_violent_verb_then_time_or_place_then_by(sentence):
    role = find_perpetrator(sentence, spans(sentence, {"al-Shabaab": SHABAAB}))
    assert (role.name, role.basis) == ("al-Shabaab", "official")


def test_killed_by_is_an_attribution():
    sentence = "Four farmers were killed by al-Shabaab near the river."
    role = find_perpetrator(sentence, spans(sentence, {"al-Shabaab": SHABAAB}))
    assert (role.name, role.basis) == ("al-Shabaab", "official")


def test_claim_by_spokesman():
    sentence = "A Taliban spokesman claimed the killing."
    taliban = ("Taliban", "armed_group")
    role = find_claimant(sentence, spans(sentence, {"Taliban": taliban}), sentence.index("claimed"))
    assert (role.name, role.basis) == ("Taliban", "claim")


def test_members_with_apposition_attacked():
    sentence = "Members of the Sahel Brigade, a splinter faction, ambushed a convoy near Dori."
    brigade = ("Sahel Brigade", "armed_group")
    role = find_perpetrator(sentence, spans(sentence, {"Sahel Brigade": brigade}))
    assert (role.name, role.basis) == ("Sahel Brigade", "narrator")


# Upper-case wire copy reaches the role patterns in lower case (see SentenceFacts.role_text).
FRONT = ("Popular Resistance Front", "armed_group")

WIRE_PERPETRATORS = [
    ("abbreviation-in-brackets", "the popular resistance front [prf] attacked a bus on the highway.",
     {"popular resistance front": FRONT}, ("Popular Resistance Front", "narrator")),
    ("held-responsible", "no one was hurt in the blast, for which the prf guerrillas are being held responsible.",
     {"prf": FRONT}, ("Popular Resistance Front", "official")),
    ("by-members-of", "the mayor was killed by terrorists of the prf in the town square.",
     {"prf": FRONT}, ("Popular Resistance Front", "official")),
    ("by-self-styled", "two monks were murdered by a self-styled northern popular resistance front cell.",
     {"popular resistance front": FRONT}, ("Popular Resistance Front", "official")),
]


@pytest.mark.parametrize("sentence,actors,expected", [c[1:] for c in WIRE_PERPETRATORS],
                         ids=[c[0] for c in WIRE_PERPETRATORS])
def test_wire_perpetrator(sentence, actors, expected):
    role = find_perpetrator(sentence, spans(sentence, actors))
    assert (role.name, role.basis) == expected


DESCRIPTORS = [
    ("count-dropped", "two individuals opened fire on the bus.", "individuals"),
    ("hooded-men", "three hooded men dragged the farmer from his house and shot him.", "hooded men"),
    ("guerrilla-column", "a guerrilla column attacked the post.", "guerrilla column"),
    ("armed-group-tried", "an unidentified armed group tried to attack the residence of the consul.",
     "unidentified armed group"),
]


@pytest.mark.parametrize("sentence,expected", [c[1:] for c in DESCRIPTORS], ids=[c[0] for c in DESCRIPTORS])
def test_descriptor(sentence, expected):
    assert find_descriptor(sentence).name == expected


@pytest.mark.parametrize(
    ("name", "country", "expected"),
    [
        ("soldiers", "Chad", "Military Forces of Chad"),
        ("the army", "Chad", "the army"),  # descriptions are bare words ("army"); this one is not one
        ("police", "Chad", "Police Forces of Chad"),
        ("gunmen", "Chad", "gunmen"),
        ("soldiers", None, "soldiers"),
    ],
)
def test_national_forces(name, country, expected):
    assert national_forces(Role(name, "unidentified", "description"), country).name == expected


PASSIVE_BLAME = [
    ("blamed-for", "Hezbollah is blamed for the rocket fire on northern Israel.",
     {"Hezbollah": ("Hezbollah", "armed_group")}, ("Hezbollah", "official")),
    ("blamed-by-the-accuser", "Russia has been blamed by Ukraine for the missile strike on Kharkiv.",
     {"Russia": ("Russia", "state"), "Ukraine": ("Ukraine", "state")}, ("Russia", "official")),
    ("relative-clause", "The bombing was the work of al-Shabaab, which has been accused of similar attacks.",
     {"al-Shabaab": SHABAAB}, ("al-Shabaab", "official")),
]


@pytest.mark.parametrize("sentence,actors,expected", [c[1:] for c in PASSIVE_BLAME], ids=[c[0] for c in PASSIVE_BLAME])
def test_the_subject_of_a_passive_blame_is_the_perpetrator_not_the_accuser(sentence, actors, expected):
    role = find_perpetrator(sentence, spans(sentence, actors))
    assert (role.name, role.basis) == expected
