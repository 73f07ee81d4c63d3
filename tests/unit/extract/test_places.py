"""Tests for eventdesk.extract.places: place-name candidates in sentences and the place of an incident."""

from __future__ import annotations

import pytest

from eventdesk import geo
from eventdesk.extract.places import (
    PlaceName,
    choose_place,
    find_dateline,
    find_place_names,
    incident_place,
    place_context,
    resolve_place,
)


@pytest.fixture(scope="module")
def gaz() -> geo.Gazetteer:
    return geo.load_gazetteer()


def names_in(sentence: str) -> list[tuple[str, str, bool]]:
    return [(p.text, p.context or "", p.locative) for p in find_place_names(sentence, offset=500)]


CANDIDATES = [
    ("edge-of", "Fighters raided a hamlet on the edge of Macomia, burning twelve houses.", [("Macomia", "", True)]),
    ("next-to", "A mortar round landed next to Kidal airport on Sunday.", [("Kidal", "", True)]),
    ("toward", "Drones were launched from the Gaza Strip toward Ashkelon overnight.",
     [("Gaza Strip", "", False), ("Ashkelon", "", True)]),
    ("determiner-adjective", "A bomb went off in a crowded Quetta bazaar, police said.", [("Quetta", "", True)]),
    ("arabic-article", "Clashes broke out in the countryside west of Deir ez-Zor.", [("Deir ez-Zor", "", True)]),
    ("state-with-and", "An ambush near the village of Kupwara, Jammu and Kashmir, killed two.",
     [("Kupwara", "Jammu and Kashmir", True)]),
    ("division-word-in-context", "Gunmen shot a trader in Fada village, Gourma province, on Monday.",
     [("Fada", "Gourma province", True)]),
    ("parenthesis", "Militants burned a school in Gwoza (Borno) at dawn.", [("Gwoza", "Borno", True)]),
    ("district-then-parenthesis", "A landmine killed a herder in Tuban district (Lahij) on Sunday.",
     [("Tuban", "Lahij", True)]),
    ("attack-on", "The Taliban launched an assault on Ghazni before dawn.", [("Ghazni", "", True)]),
    ("verb-object", "A missile struck Marib airport late on Friday.", [("Marib", "", False)]),
    ("verb-object-with-its-division-and-country", "Gunmen attacked Dar village, Seno province, Niger, at dawn.",
     [("Dar", "Seno province, Niger", False)]),
    ("apposition-country", "Mosul, Iraq's second city, was retaken in 2017.", [("Mosul", "Iraq", False)]),
    ("apposition-capital", "Mekelle, the capital of Tigray region, came under air attack.", [("Mekelle", "", False)]),
    ("upper-case-department", "THE ATTACK TOOK PLACE IN USULUTAN DEPARTMENT.", [("USULUTAN DEPARTMENT", "", True)]),
]


@pytest.mark.parametrize(("sentence", "expected"), [c[1:] for c in CANDIDATES], ids=[c[0] for c in CANDIDATES])
def test_place_names_in_a_sentence(sentence, expected):
    assert names_in(sentence) == expected


NO_PLACES = [
    ("old-city", "A man stabbed a guard in the Old City on Friday."),
    ("acronym", "Rockets hit the UN base at dawn."),
    ("weekday", "The convoy was ambushed on Tuesday in the early hours."),
    ("object-with-article", "Insurgents attacked a Taliban checkpoint overnight."),
]


@pytest.mark.parametrize("sentence", [c[1] for c in NO_PLACES], ids=[c[0] for c in NO_PLACES])
def test_no_place_names(sentence):
    assert names_in(sentence) == []


def test_a_gate_named_after_another_town_is_not_that_town():
    sentence = "Two officers were stabbed near Herod's Gate and the Damascus Gate."
    ner = [("Damascus", sentence.index("Damascus"), sentence.index("Damascus") + 8)]
    assert find_place_names(sentence, 1, ner) == []


def test_the_dateline_is_not_a_place_of_the_first_sentence():
    sentence = "MAIDUGURI, Nigeria — Gunmen killed four farmers in Konduga on Sunday."
    ner = [("MAIDUGURI", 0, 9), ("Nigeria", 11, 18)]
    assert [p.text for p in find_place_names(sentence, 0, ner)] == ["Konduga"]


DATELINES = [
    ("wire", "KANDAHAR, Afghanistan (Reuters) — A bomb ...", ("KANDAHAR", "Afghanistan")),
    ("us-state-abbreviation", "DAYTON, Ohio — Police said ...", ("DAYTON", "Ohio")),
    ("upper-with-date", "TEGUCIGALPA, 14 FEB 90 (ACAN-EFE) -- [TEXT] A BOMB", ("TEGUCIGALPA", None)),
    ("upper-with-country-in-parentheses", "CARACAS (VENEZUELA), 3 MAR 90 -- [TEXT] POLICE", ("CARACAS", "VENEZUELA")),
    ("date-in-words", "GAO, Mali, March 3 (AFP) - Gunmen ...", ("GAO", "Mali")),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in DATELINES], ids=[c[0] for c in DATELINES])
def test_datelines(text, expected):
    found = find_dateline(text)
    assert (found.text, found.context) == expected


def test_no_dateline_in_a_plain_sentence():
    assert find_dateline("On 4 May 2021, gunmen killed two men in Gao.") is None


def context_of(gaz, text: str, dateline_text: str | None = None):
    names = [p for sentence in text.split(". ") for p in find_place_names(sentence, 1)]
    dateline = find_dateline(dateline_text) if dateline_text else None
    return names, dateline, place_context(gaz, names, dateline, text.isupper())


def place_of(gaz, own_text: str, rest: str = "", dateline_text: str | None = None) -> geo.Place | None:
    own = find_place_names(own_text, 1)
    others, dateline, context = context_of(gaz, f"{own_text} {rest}", dateline_text)
    chosen = incident_place(gaz, own, [n for n in others if n not in own], dateline, context)
    return chosen[0] if chosen else None


INCIDENTS = [
    # own sentence, rest of the article, dateline, (town, country)
    ("a-town-put-in-its-state-binds-the-name", "Someone set fire to a church in Portland late on Sunday.", "",
     "PORTLAND, Ore. — ", ("Portland", "United States")),
    ("dateline-country-decides", "A parcel bomb exploded in Londonderry on Saturday.", "", "BELFAST — ",
     ("Derry", "United Kingdom")),
    ("province-made-a-town-by-the-dateline", "An air strike in Helmand province killed six people.", "",
     "LASHKAR GAH, Afghanistan — ", ("Lashkar Gah", "Afghanistan")),
    ("no-place-takes-the-dateline", "A grenade was thrown into a wedding party, killing three.",
     "The town of Jalalabad was quiet.", "KABUL — ", ("Kabul", "Afghanistan")),
    ("no-place-takes-the-article-town", "Gunmen opened fire at the shrine's gate, killing five.",
     "Karbala, the holy city south of Baghdad, draws millions. Pilgrims in Karbala were searched.", None,
     ("Karbala", "Iraq")),
    ("province-named-in-apposition", "A market bomb in Tripoli wounded nine.",
     "Tripoli, Lebanon's second city, is poor.", None, ("Tripoli", "Lebanon")),
    ("town-in-the-right-homonymous-region", "A bus hit a mine near Ouahigouya, Nord region, killing ten.", "", None,
     ("Ouahigouya", "Burkina Faso")),
    ("demonym-is-no-town", "Militants attacked a Chadian army post near Bol.", "", None, ("Bol", "Chad")),
]


@pytest.mark.parametrize(("own", "rest", "dateline", "expected"), [c[1:] for c in INCIDENTS],
                         ids=[c[0] for c in INCIDENTS])
def test_incident_place(gaz, own, rest, dateline, expected):
    place = place_of(gaz, own, rest, dateline)
    assert (place.name, place.country) == expected


def test_an_incident_with_no_place_anywhere_has_none(gaz):
    assert place_of(gaz, "Gunmen killed two guards at a checkpoint.", "Police said the attackers fled.") is None


UPPER = [
    ("department-and-town", "TERRORISTS KILLED TWO PEASANTS IN SAN VICENTE DEPARTMENT YESTERDAY.",
     "SAN SALVADOR, 3 FEB 90 -- ", ("San Vicente", "El Salvador")),
    ("name-running-into-the-next-words", "A BOMB EXPLODED IN MEDELLIN TODAY.", "BOGOTA, 2 FEB 90 -- ",
     ("Medellín", "Colombia")),
]


@pytest.mark.parametrize(("own", "dateline", "expected"), [c[1:] for c in UPPER], ids=[c[0] for c in UPPER])
def test_upper_case_wires(gaz, own, dateline, expected):
    place = place_of(gaz, own, "", dateline)
    assert (place.admin1 if place.precision == "admin1" else place.name, place.country) == expected


def test_a_common_word_in_upper_case_text_is_no_far_away_hamlet(gaz):
    context = geo.Context(countries={"SV": 1.0}, text_is_upper=True)
    assert resolve_place(gaz, PlaceName("MASSACRE", 0, 8), context) is None


def test_choose_place_prefers_a_town_to_a_district(gaz):
    names = [PlaceName("North Waziristan", 0, 16, None, True), PlaceName("Miranshah", 30, 39, None, True)]
    place, _name = choose_place(gaz, names, geo.Context())
    assert (place.name, place.kind) == ("Miran Shah", "town")
