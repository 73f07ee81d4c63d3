"""Tests for eventdesk.extract.place_hints: the countries demonyms and national forces point to."""

from __future__ import annotations

import pytest

from eventdesk import geo
from eventdesk.extract.place_hints import DEMONYM_WEIGHT, FORCE_WEIGHT, country_hints
from tests.unit.extract.test_places import article_place


@pytest.fixture(scope="module")
def gaz() -> geo.Gazetteer:
    return geo.load_gazetteer()


HINTS = [
    # sentence, [(country, weight, words)]
    ("national-forces", "Somali troops repelled an assault on a base overnight",
     [("Somalia", FORCE_WEIGHT, "Somali troops")]),
    ("forces-with-a-qualifier", "Malian security forces said four attackers died",
     [("Mali", FORCE_WEIGHT, "Malian security forces")]),
    ("title-case-forces", "Two Iraqi Soldiers Killed In Roadside Blast",
     [("Iraq", FORCE_WEIGHT, "Iraqi Soldiers")]),
    ("two-word-demonym", "South Sudanese rebels seized a river port",
     [("South Sudan", DEMONYM_WEIGHT, "South Sudanese")]),
    ("country-name-before-forces", "Chad army says it killed 40 insurgents",
     [("Chad", FORCE_WEIGHT, "Chad army")]),
    ("plain-nationality", "Gunmen abduct a Kenyan engineer",
     [("Kenya", DEMONYM_WEIGHT, "Kenyan")]),
    ("aircraft-are-no-forces-at-home", "Turkish jets hit positions overnight",
     [("Turkey", DEMONYM_WEIGHT, "Turkish")]),
]


@pytest.mark.parametrize(("sentence", "expected"), [c[1:] for c in HINTS], ids=[c[0] for c in HINTS])
def test_country_hints(gaz, sentence, expected):
    hints = country_hints(sentence, gaz, offset=100)
    assert [(h.country.name, h.weight, h.words) for h in hints] == expected
    assert all(sentence[h.start - 100:h.start - 100 + len(h.words)] == h.words for h in hints)


def test_a_country_name_alone_is_no_hint(gaz):
    assert country_hints("Talks on Chad resumed in the capital", gaz) == []


@pytest.mark.parametrize(("text", "country"), [
    ("Gunmen kill four Somali soldiers near a checkpoint", "Somalia"),
    ("Suspected jihadists kill 12 Malian troops in an ambush", "Mali"),
    ("Nigerien army says 20 bandits killed in clashes", "Niger"),
], ids=["victims-forces", "forces-beside-an-armed-group", "army-of-a-neighbour"])
def test_an_incident_without_a_place_takes_its_forces_country_without_a_pin(text, country):
    row = article_place(text)
    assert (row["country"], row["geo_precision"], row["lat"]) == (country, "country", None)
    assert row["place_reason"].startswith(f"article-country: {country}")
    assert '"' in row["place_reason"]  # the words it was read from


def test_the_forces_of_one_country_outweigh_a_nationality_of_another():
    row = article_place("Somali troops kill three Kenyan militants in a raid")
    assert row["country"] == "Somalia"


def test_two_countries_weighing_alike_give_no_country():
    row = article_place("Kenyan police and Somali troops clashed with gunmen, killing two")
    assert row["country"] is None


def test_foreign_forces_do_not_refuse_the_towns_of_the_country_they_fight_in():
    row = article_place("Chadian troops have served in the north since 2013, and Chad said this year that it "
                        "would bring them home. On Sunday rockets struck the camp next to Tessalit airport, "
                        "killing two peacekeepers.")
    assert (row["location"], row["country"]) == ("Tessalit", "Mali")
