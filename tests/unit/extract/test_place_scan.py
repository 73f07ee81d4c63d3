"""Tests for eventdesk.extract.place_scan: names the gazetteer knows, after no locative word."""

from __future__ import annotations

import pytest

from eventdesk import geo
from eventdesk.extract.place_scan import scan_names
from tests.unit.extract.test_places import article_place


@pytest.fixture(scope="module")
def gaz() -> geo.Gazetteer:
    return geo.load_gazetteer()


@pytest.mark.parametrize(("sentence", "names"), [
    ("Kandahar blast kills three policemen", ["Kandahar"]),
    ("Mortars target Homs and Hama overnight", ["Homs", "Hama"]),
    ("Roadside bomb wounds two;Jalalabad", ["Jalalabad"]),
    ("A driver was shot near Oakmont Avenue", []),
    ("Shells Fall As Fighting Rages On", []),
    ("Yemeni officials said two died", []),
], ids=["headline-subject", "verb-object", "joined-headline-segment", "street", "title-case-words", "demonym"])
def test_scanned_names(gaz, sentence, names):
    assert [p.text for p in scan_names(sentence, 0, [], gaz)] == names


def test_taken_spans_are_not_scanned(gaz):
    assert scan_names("Kandahar blast kills three", 40, [(40, 48)], gaz) == []


@pytest.mark.parametrize(("text", "location", "country"), [
    ("Two civilians killed in shelling of Kharkiv", "Kharkiv", "Ukraine"),
    ("Warplanes strike Deir Ezzor countryside, killing four", "Deir ez-Zor", "Syria"),
    ("Soldier killed in rebel attack in Afghanistan;Kunduz", "Kunduz", "Afghanistan"),
], ids=["shelling-of-a-city", "another-spelling", "segment-town-beats-the-country"])
def test_a_scanned_town_places_the_event(text, location, country):
    row = article_place(text)
    assert (row["location"], row["country"]) == (location, country)


def test_a_scanned_name_says_how_it_was_found():
    row = article_place("Two civilians killed in shelling of Kharkiv")
    assert row["place_reason"] == 'in-sentence: "Kharkiv" at 36-43 (a name the gazetteer knows, after no locative word)'


def test_a_town_abroad_is_refused_where_the_article_points_elsewhere():
    # "Lyon" is found only by the scan (the model tags no place there), so only the article's country can
    # vouch for it; the article points to Afghanistan.
    row = article_place("Afghan forces kill two insurgents;Lyon")
    assert (row["country"], row["location"]) == ("Afghanistan", None)
    assert row["place_reason"].startswith("article-country: Afghanistan")


@pytest.mark.parametrize(("text", "location"), [
    ("Gunmen kill a trader in the market of Iguala", "Iguala de la Independencia"),
    ("Two bodies found in San Marcos del Valle", None),
], ids=["leading-words-of-the-main-name", "a-longer-name-is-not-its-first-words"])
def test_a_scanned_name_is_the_place_s_own(text, location):
    assert article_place(text)["location"] == location


def test_a_name_the_place_goes_by_only_as_another_name_yields_to_its_own_name():
    row = article_place("A soldier was killed in Donbas near Avdiivka, the army said")
    assert row["location"] in ("Avdiivka", "Avdiyivka")


@pytest.mark.parametrize("sentence", [
    "Boats capsized on Lake Chad overnight",
    "Climbers were robbed on Mount Kenya",
], ids=["lake", "mountain"])
def test_a_name_after_a_word_of_the_land_is_no_place_by_itself(gaz, sentence):
    assert [p.text for p in scan_names(sentence, 0, [], gaz)] == []
