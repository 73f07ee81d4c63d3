"""Victims named as people: a titled or named person who was killed, kidnapped or shot."""

import pytest

from eventdesk.extract.persons import find_person_target, identified_people, person_targets

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
