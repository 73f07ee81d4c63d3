"""Perpetrators and targets from the words around recognised actors."""

import re

import pytest

from eventdesk.extract.roles import (
    ActorSpan,
    Role,
    clean_target,
    find_claimant,
    find_descriptor,
    find_object_target,
    find_passive_target,
    find_perpetrator,
    find_person_target,
    find_target,
    identified_people,
    national_forces,
    no_claim,
    object_targets,
    person_targets,
    reduced_relative_targets,
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


TARGETS = [
    ("checkpoint", "Militants attacked a police checkpoint, killing three.", "police checkpoint"),
    ("elder", "Gunmen shot dead a village elder outside his home.", "village elder"),
    ("school", "Armed men stormed a school in the district.", "school"),
    ("party-offices", "A grenade was thrown at the headquarters of the ruling party.", "headquarters"),
    ("official-without-name", "A roadside bomb killed a district commissioner and two of his bodyguards.",
     "district commissioner"),
    ("three-modifiers", "An infiltrator shot dead the Kandahar provincial intelligence chief and two of his guards.",
     "Kandahar provincial intelligence chief"),
]


@pytest.mark.parametrize("sentence,expected", [c[1:] for c in TARGETS], ids=[c[0] for c in TARGETS])
def test_described_target(sentence, expected):
    role = find_target(sentence, [], 0)
    assert role.name == expected


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



PERSONS = [
    ("title-and-name-lowered", "death squads assassinated presidential candidate tomas herrera on friday.",
     "presidential candidate tomas herrera"),
    ("qualified-title", "former defence minister general ruben salas okoro died today of wounds from the ambush.",
     "former defence minister general ruben salas okoro"),
    ("noun-of", "the kidnapping of businessman pedro alvarado shocked the port city.", "businessman pedro alvarado"),
    ("life-of", "a second attack took the life of senator ana beltran in the capital.", "senator ana beltran"),
    ("mixed-case", "Gunmen shot dead Mayor John Okafor outside his home in Onitsha on Monday.", "Mayor John Okafor"),
    ("mixed-case-passive", "Provincial Governor Amina Yusuf was killed when her convoy hit a mine.",
     "Provincial Governor Amina Yusuf"),
    ("possessive", "the party blamed the army for the archbishop's murder.", "archbishop"),
    ("participle", "industrialist hugo mena, kidnapped two weeks ago, was freed by police.", "industrialist hugo mena"),
    ("abbreviated-title", "Gunmen killed Dr. Farid Khan in his clinic.", "Dr. Farid Khan"),
]


@pytest.mark.parametrize("sentence,expected", [c[1:] for c in PERSONS], ids=[c[0] for c in PERSONS])
def test_person_target(sentence, expected):
    assert find_person_target(sentence).name == expected


@pytest.mark.parametrize("sentence,expected", [
    ("an air force member fired at photographers rosa navas and luis galdo, who work for a news agency.",
     ["photographers rosa navas", "luis galdo"]),
    ("the murders of magistrate pedro valle, police commander colonel juan quintana, and senator ana gil were "
     "condemned.", ["magistrate pedro valle", "police commander colonel juan quintana", "senator ana gil"]),
    ("Gunmen killed Mayor Ana Ruiz and her aide Juan Gil on Monday.", ["Mayor Ana Ruiz", "her aide Juan Gil"]),
    ("the rebels took as hostages engineers paulo cesar paim de souza and jose silva.",
     ["engineers paulo cesar paim de souza", "jose silva"]),
], ids=["plural-title", "titled-list", "mixed-case", "hostages"])
def test_every_person_of_a_list(sentence, expected):
    assert [role.name for role in person_targets(sentence)] == expected


@pytest.mark.parametrize("sentence,expected", [
    ("the dead were identified as ana ruiz, luis gil and pedro soto.", ["ana ruiz", "luis gil", "pedro soto"]),
    ("The civilian who was killed has been identified as Jose Gomez, a taxi driver.", ["Jose Gomez"]),
    ("The victims are teacher Ana Ruiz and her son Juan Ruiz.", ["teacher Ana Ruiz", "her son Juan Ruiz"]),
    ("The victims were taken to hospital.", []),
    ("The arrested men were identified as Diego Leon and Ernesto Gomez.", []),
], ids=["list", "apposition", "titled", "no-names", "suspects"])
def test_people_named_as_the_victims(sentence, expected):
    assert [role.name for role in identified_people(sentence)] == expected


@pytest.mark.parametrize("sentence", [
    "gunmen killed the mayor of the town yesterday.",
    "rebels shelled the general staff headquarters at dawn.",
    "a major attack killed two soldiers near the border.",
    "judge ana ruiz presided over the trial of the accused.",
    "Gunmen killed an official and two soldiers.",
], ids=["title-without-name", "general-staff", "major-attack", "no-violence-to-the-person", "common-noun"])
def test_no_person_target(sentence):
    assert find_person_target(sentence) is None


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
