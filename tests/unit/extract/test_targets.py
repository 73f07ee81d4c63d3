"""To whom: the targets an attack verb, a description, a passive or a reduced relative names, and how a
target phrase is trimmed."""

import re

import pytest

from eventdesk.articles import Article
from eventdesk.extract import extract_articles
from eventdesk.extract.persons import person_targets
from eventdesk.extract.rules import registered
from eventdesk.extract.targets import (
    clean_target,
    described_targets,
    find_object_target,
    find_passive_target,
    find_target,
    object_targets,
    passive_targets,
    reduced_relative_targets,
)

TARGETS = [
    ("checkpoint", "Militants attacked a police checkpoint, killing three.", "police checkpoint"),
    ("elder", "Gunmen shot dead a village elder outside his home.", "village elder"),
    ("school", "Armed men stormed a school in the district.", "school"),
    ("party-offices", "A grenade was thrown at the headquarters of the ruling party.", "headquarters"),
    ("official-without-name", "A roadside bomb killed a district commissioner and two of his bodyguards.",
     "district commissioner"),
    ("three-modifiers", "An infiltrator shot dead the Kandahar provincial intelligence chief and two of his guards.",
     "Kandahar provincial intelligence chief"),
    ("dozens-of", "Gunmen have killed dozens of civilians in a northwestern area of the country.", "civilians"),
    ("headline-present-tense", "Militia arrests and shoots villagers near the border", "villagers"),
]


@pytest.mark.parametrize("sentence,expected", [c[1:] for c in TARGETS], ids=[c[0] for c in TARGETS])
def test_described_target(sentence, expected):
    role = find_target(sentence, [], 0)
    assert role.name == expected


OBJECTS = [
    ("object-after-count", "the rebels dynamited two power pylons near the dam", "power pylons"),
    ("nominal-trigger", "he condemned the assassination of the provincial governor in the capital",
     "provincial governor"),
    ("upper-case-lowered", "urban commandos bombed the electricity substation yesterday", "electricity substation"),
    ("ends-at-a-verb", "the assassination of the governor became a turning point in the war", "governor"),
    ("abbreviation-is-no-sentence-end", "rebels attacked two u.s. diplomats near the embassy", "u.s. diplomats"),
]


@pytest.mark.parametrize("sentence,expected", [c[1:] for c in OBJECTS], ids=[c[0] for c in OBJECTS])
def test_object_target(sentence, expected):
    assert find_object_target(sentence).name == expected


@pytest.mark.parametrize("sentence,expected", [
    ("rebels dynamited a bank, a store and two power pylons in the town.", ["bank", "store", "power pylons"]),
    ("guerrillas burned three buses, destroyed a bridge and attacked the barracks.", ["buses", "bridge", "barracks"]),
    ("they attacked the police station and the mayor's office, killing two.", ["police station", "mayor's office"]),
    ("gunmen attacked the convoy and fled into the hills.", ["convoy"]),
], ids=["listed-objects", "one-per-verb", "possessive-item", "a-verb-after-and-is-no-item"])
def test_every_object_of_the_attack(sentence, expected):
    assert [role.name for role in object_targets(sentence)] == expected


@pytest.mark.parametrize("sentence,expected", [
    ("a rancher kidnapped in arauca on sunday was freed on tuesday.", ["rancher"]),
    ("Two policemen killed during the raid were buried on Friday.", ["policemen"]),
    ("The attack killed two policemen.", []),
], ids=["kidnapped-in", "killed-during", "active-verb"])
def test_victims_named_by_a_reduced_relative(sentence, expected):
    assert [role.name for role in reduced_relative_targets(sentence)] == expected


@pytest.mark.parametrize("sentence,expected", [
    ("Someone set fire to the entrance of a mosque in San Jose early Tuesday.", "mosque"),
    ("a bomb exploded outside the offices of a private television station in Athens.", "private television station"),
    ("An explosion tore through the stairwell of an apartment building in Uppsala.", "apartment building"),
    ("Russian aircraft dropped guided bombs on an industrial area of Zaporizhzhia.", "industrial area"),
    ("A gunman opened fire in the parking lot of a church in Paris, Texas.", "church"),
], ids=["part-of-a-building", "offices-of", "tore-through", "dropped-bombs-on", "opened-fire-in"])
def test_what_was_hit_is_the_whole_not_its_part(sentence, expected):
    assert find_object_target(sentence).name == expected


def test_the_area_alone_is_no_target():
    assert find_object_target("rebels attacked the area at dawn.") is None


def test_what_an_attack_damaged_is_a_further_target_only():
    sentence = "a car bomb exploded at the police post, damaging a school and two houses."
    assert [role.name for role in object_targets(sentence)] == ["police post"]
    assert [role.name for role in object_targets(sentence, damage=True)] == ["police post", "school", "houses"]


@pytest.mark.parametrize("sentence", [
    "the judge was kidnapped by rebels",
    "the guard was stabbed to death in his cell",
    "gunmen attacked on monday",
], ids=["passive-agent", "manner", "time"])
def test_no_object_target(sentence):
    assert find_object_target(sentence) is None


PASSIVES = [
    ("title", "police said that the retired colonel was shot dead outside his home.", "the retired colonel"),
    ("vehicle", "a bus carrying farm workers was attacked near the border.", "a bus carrying farm workers"),
    ("apposition", "jan smit, a dutch reporter from a television channel, was killed today in a shootout.",
     "a dutch reporter"),
    # A word starting like a subject boundary ("as", "who") is not one: "assistant", "whose".
    ("as-is-not-assistant", "rosa vidal, assistant director of the clinic was shot outside her house.",
     "assistant director of the clinic"),
    ("who-is-not-whose", "the farmers' union, whose regional leaders were abducted last month, called a strike.",
     "regional leaders"),
    ("head-of-relative-clause", "a group of four tourists who were visiting the old town were attacked at noon.",
     "a group of four tourists"),
    ("shared-subject", "the night guards were asleep in the shed and were shot by the raiders.", "the night guards"),
    ("relative-after-comma", "the driver of the truck, whom police have not named, was also killed.",
     "the driver of the truck"),
    ("unclosed-bracket", "officials suspended the patrols (nine constables have been killed since may).",
     "nine constables"),
]


@pytest.mark.parametrize("sentence,expected", [c[1:] for c in PASSIVES], ids=[c[0] for c in PASSIVES])
def test_passive_target(sentence, expected):
    assert find_passive_target(sentence).name == expected


CLEANED = [
    ("of-phrase", "of the driver", "driver"),
    ("relative-pronoun", "officer who", "officer"),
    ("bracketed-gloss", "central bank [cb]", "central bank"),
    ("count", "784 farmers", "farmers"),
    ("victims-kept", "police van (policemen)", "police van (policemen)"),
    ("agent", "by the rebels", None),
    ("time", "a month ago", None),
    ("weekday", "friday (civilians)", None),
    ("verb", "was", None),
    ("pronoun", "he", None),
    ("negated", "not a single person", None),
    ("adverb", '"incessantly"', None),
    ("clause-with-auxiliary", "were visiting the city of the coast", None),
    ("clause-with-finite-verb", "three farmers had died", None),
    ("predicate", "is the busiest market in town", None),
    ("relative-clause-trimmed", "guards who were on duty", "guards"),
    ("including", "including a judge (civilians)", "judge (civilians)"),
    ("against", "against some shops", "shops"),
]


@pytest.mark.parametrize("name,expected", [c[1:] for c in CLEANED], ids=[c[0] for c in CLEANED])
def test_clean_target(name, expected):
    assert clean_target(name) == expected


SPANNED = [
    ("object-list", "Rebels dynamited a bank, a store and two power pylons in the town.", object_targets),
    ("damage", "A car bomb exploded at the police post, damaging a school and two houses.",
     lambda text: object_targets(text, damage=True)),
    ("description", "Militants attacked a police checkpoint outside the city.",
     lambda text: described_targets(text, [], 0)),
    ("passive", "A bus carrying farm workers was attacked near the border.", passive_targets),
    ("reduced-relative", "Relatives of a rancher kidnapped in Arauca asked for help.", reduced_relative_targets),
    ("titled-person", "Gunmen assassinated presidential candidate Luis Gomez in Bogota.", person_targets),
]


@pytest.mark.parametrize("sentence,finder", [c[1:] for c in SPANNED], ids=[c[0] for c in SPANNED])
def test_every_target_carries_its_span_and_rule(sentence, finder):
    roles = list(finder(sentence))
    assert roles, f"no target read in {sentence!r}"
    for role in roles:
        assert role.basis in registered(), f"{role.basis!r} is not a rule name"
        said = sentence[role.start:role.end].lower()
        assert 0 <= role.start < role.end and all(word.lower() in said for word in role.name.split()), (role, said)


def incident_targets_of(text: str) -> list[str]:
    """actor2 and every listed target of the text's attacks, its further targets' rows included."""
    events = [e for e in extract_articles([Article(id="t", text=text)])[0] if e["event_type"] not in
              ("claim", "warning", "threat", "accusation", "statement", "arrest", "protest")]
    assert events, f"no attack read in {text!r}"
    return [name for e in events for name in [e.get("actor2"), *(e.get("targets") or "").split("; ")] if name]


TEXT_ONLY = [
    ("upload-people", "A suicide bomber blew himself up at a market in Maiduguri, killing 12 people.",
     {"market (people)", "people"}),
    ("wire-lives", "MOGADISHU (Reuters) - A car bomb exploded outside a hotel in Mogadishu on Sunday, "
     "claiming at least 15 lives, police said.", {"hotel"}),
    ("headline", "Suicide bomber kills 12 at Maiduguri market", {"Maiduguri market"}),
    ("coder-note", "On 4 June 2023, unidentified gunmen killed 5 persons and injured 3 others in Gusau, "
     "Zamfara State.", {"persons"}),
    ("seed-shape", "The explosion near the shrine resulted in the tragic loss of at least 84 lives and left "
     "284 others injured. ISIS claimed responsibility for the attack a day later.", set()),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in TEXT_ONLY], ids=[c[0] for c in TEXT_ONLY])
def test_targets_come_only_from_words_in_the_text(text, expected):
    """No "civilians" where the text never says it: "12 people" are people, "84 lives" and "284 others" name
    nobody; every word of every target is the text's."""
    names = incident_targets_of(text)
    assert expected <= set(names)
    assert "civilians" not in names
    for name in names:
        for word in re.findall(r"[\w'-]+", name):
            assert word.lower() in text.lower(), f"target {name!r} has a word the text does not say"


def test_civilians_when_the_text_says_civilians():
    assert "civilians" in incident_targets_of("Russian warplanes struck a market in Idlib on 3 May 2021, killing "
                                              "9 civilians.")
