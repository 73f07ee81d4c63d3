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
    place = choose_place(gaz, names, geo.Context()).place
    assert (place.name, place.kind) == ("Miran Shah", "town")


# --- places on real reporting: the written chain, far-away false matches, streets, reasons ----------------

def article_place(text: str) -> dict:
    """The place columns of an article's main event, through the whole extractor."""
    from eventdesk import articles
    from eventdesk.extract import extract_articles

    (events,) = extract_articles([articles.make_article({"id": "t", "text": text})])
    assert events, f"no event read from {text!r}"
    return events[0]


WRITTEN_CHAINS = [
    # text, (location, admin1, country, geo_precision), words the reason must hold
    ("coder-narrative-unknown-village-in-province",
     "Assailants attacked a checkpoint in Tor Ghar village, Tani district, Khost province, Afghanistan, killing two "
     "soldiers.", ("Tor Ghar", "Khost", "Afghanistan", "admin1"),
     ("written-chain", "Tor Ghar is not in the gazetteer")),
    ("issue-chain-unknown-town-in-kunduz",
     "Gunmen killed five villagers in Godam, Qalay-i-Zal district, Kunduz, Afghanistan, on Monday.",
     ("Godam", "Kunduz", "Afghanistan", "admin1"), ("written-chain", "province Kunduz")),
    ("unknown-town-at-its-district",
     "Unknown gunmen killed a teacher in Sangar Bazar, Panjgur district, Balochistan, Pakistan, on 2 May.",
     ("Sangar Bazar", "Balochistan", "Pakistan", "city"), ("district",)),
    ("namesake-abroad-is-refused-by-the-written-country",
     "A drone struck a house in Mokha, Bajaur district, Khyber Pakhtunkhwa, Pakistan, killing a child.",
     ("Mokha", "Khyber Pakhtunkhwa", "Pakistan", "city"), ("Mokha is not in the gazetteer",)),
    ("headline-possessive-owner", "Shelling kills three civilians in Ukraine's Donetsk",
     ("Donetsk", None, "Ukraine", "city"), ("written-chain", "Donetsk, Ukraine")),
    ("us-local-news-state-abbreviation-in-text", "Two teenagers were shot in Englewood, Ill., on Sunday night, one "
     "fatally.", ("Englewood", "Illinois", "United States", "city"), ("Englewood, Illinois",)),
]


@pytest.mark.parametrize(("text", "expected", "reason_words"), [c[1:] for c in WRITTEN_CHAINS],
                         ids=[c[0] for c in WRITTEN_CHAINS])
def test_the_written_chain_places_the_event(text, expected, reason_words):
    row = article_place(text)
    location, admin1, country, precision = expected
    assert (row["location"], row["country"], row["geo_precision"]) == (location, country, precision)
    if admin1 is not None:
        assert row["admin1"] == admin1
    assert row["lat"] is not None and row["lon"] is not None
    for words in reason_words:
        assert words in row["place_reason"]


def test_an_unknown_town_keeps_the_coordinates_of_its_province(gaz):
    row = article_place("Gunmen killed five villagers in Godam, Qalay-i-Zal district, Kunduz, Afghanistan, on Monday.")
    province = gaz.admin1("Kunduz", "AF")
    assert (row["lat"], row["lon"]) == (province.lat, province.lon)


FAR_AWAY = [
    # text, country expected, a (location, country) that must not be given
    ("headline-district-of-a-myanmar-state",
     "Ta'ang villagers killed by army shelling in Muse District; Fighting spreads across Myanmar's Shan State",
     "Myanmar", ("Muse", "United States")),
    ("title-case-headline-name-with-event-word", "Five Aircraft Destroyed in Maiduguri Attack", "Nigeria",
     ("Boko", "Republic of the Congo")),
    ("mountain-range-is-no-leading-word", "Rebels say they repelled an army attack in Jebel Marra, Sudan", "Sudan",
     ("Jebel", "Turkmenistan")),
    ("group-name-is-no-town", "Nine killed in Boko Haram clash in NE Nigeria: sources", "Nigeria",
     ("Boko", "Republic of the Congo")),
]


@pytest.mark.parametrize(("text", "country", "wrong"), [c[1:] for c in FAR_AWAY], ids=[c[0] for c in FAR_AWAY])
def test_far_away_namesakes_lose_to_the_article_s_country(text, country, wrong):
    row = article_place(text)
    assert row["country"] == country
    assert (row["location"], row["country"]) != wrong


def test_a_town_in_a_country_the_article_does_not_name_is_refused_when_it_names_another_twice(gaz):
    names = [PlaceName("Muse", 40, 44, None, True)]
    context = geo.Context(countries={"MM": 2.0})
    assert resolve_place(gaz, names[0], context) is None
    assert resolve_place(gaz, names[0], geo.Context()).country == "United States"


def test_a_border_town_across_from_the_named_country_stands(gaz):
    context = geo.Context(countries={"PS": 2.0})
    place = resolve_place(gaz, PlaceName("Sderot", 0, 6, None, True), context)
    assert (place.name, place.country) == ("Sderot", "Israel")


STREETS = [
    ("avenue", "A man was shot on Oakmont Avenue late on Friday."),
    ("avenue-named-after-a-city", "Police said two men were wounded near Bordeaux Avenue."),
    ("main-street", "Officers found a woman stabbed on Main Street after midnight."),
    ("abbreviated-street", "A driver was shot at the corner of Paris Ave. and 5th Street."),
]


@pytest.mark.parametrize("sentence", [c[1] for c in STREETS], ids=[c[0] for c in STREETS])
def test_streets_are_no_towns(sentence):
    ner = [(w, sentence.index(w), sentence.index(w) + len(w)) for w in ("Oakmont Avenue", "Bordeaux Avenue",
                                                                        "Main Street", "Paris Ave.") if w in sentence]
    assert [p.text for p in find_place_names(sentence, 1, ner)] == []


def test_every_placed_event_says_why():
    row = article_place("KANDAHAR, Afghanistan (Reuters) — A roadside bomb killed four policemen on Sunday.")
    assert (row["location"], row["country"]) == ("Kandahar", "Afghanistan")
    assert row["place_reason"].startswith('dateline: "KANDAHAR, Afghanistan" at 0-8')


LOCAL_DATELINES = [
    # text, (location, admin1, country)
    ("us-dateline-state-abbreviation-keeps-the-town-in-its-state",
     "ALBUQUERQUE, N.M. — A man was shot and killed in Los Altos on Saturday, police said.",
     ("Albuquerque", "New Mexico", "United States")),
    ("us-dateline-title-case", "Englewood, Ill. — Two teens were shot Sunday night, one fatally, police said.",
     ("Englewood", "Illinois", "United States")),
    ("us-dateline-with-station", "YORK, Pa. (WGAL) — A 19-year-old was shot dead near Oakmont Avenue on Tuesday.",
     ("York", "Pennsylvania", "United States")),
    ("headline-colon-place", "Hermosillo, Sonora: Armed group kills three at a car wash",
     ("Hermosillo", "Sonora", "Mexico")),
    ("headline-colon-place-without-comma", "Ensenada Baja California: 4 bodies found on the highway",
     ("Ensenada", "Baja California", "Mexico")),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in LOCAL_DATELINES], ids=[c[0] for c in LOCAL_DATELINES])
def test_local_datelines_and_headline_places(text, expected):
    row = article_place(text)
    assert (row["location"], row["admin1"], row["country"]) == expected
    assert row["place_reason"].startswith("dateline: ")


def test_a_town_of_the_dateline_s_state_is_read_in_it():
    row = article_place("YORK, Pa. — Police said a woman was killed in Harrisburg late on Friday.")
    assert (row["location"], row["admin1"]) == ("Harrisburg", "Pennsylvania")
    assert row["place_reason"] == 'in-sentence: "Harrisburg" at 46-56'


def test_an_organisation_s_initials_are_no_town():
    sentence = "Thirteen insurgents were killed in a NATO drone strike in Kunduz, officials said."
    assert [p.text for p in find_place_names(sentence, 1)] == ["Kunduz"]
    assert [p.text.split()[0] for p in find_place_names("A SOLDIER WAS KILLED IN LIMA TODAY.", 1)] == ["LIMA"]


def test_a_south_asian_headline_s_abbreviation_of_pakistan():
    row = article_place("Two soldiers killed in cross-border firing in Pak")
    assert (row["country"], row["geo_precision"]) == ("Pakistan", "country")


@pytest.mark.parametrize(("text", "town"), [
    ("Police vow justice for a farmer shot dead in Surigao Sur", "Surigao"),
    ("Three Killed in Maiduguri Market Blast", "Maiduguri"),
    ("Three Soldiers Killed As Army Imposes Curfew On Maiduguri", "Maiduguri"),
], ids=["compass-word-of-a-province", "title-case-headline", "title-case-preposition"])
def test_a_name_read_by_its_leading_part_before_a_common_word(text, town):
    assert article_place(text)["location"] == town


def test_an_incident_with_no_resolvable_name_takes_the_armed_group_s_home_country_without_a_pin():
    row = article_place("Three villagers were beheaded in a Boko Haram raid overnight, residents said.")
    assert (row["country"], row["geo_precision"], row["lat"], row["lon"]) == ("Nigeria", "country", None, None)
    assert row["place_reason"].startswith("article-country: Nigeria")


@pytest.mark.parametrize(("text", "expected", "how"), [
    ("Three soldiers killed in an ambush in S. Kordofan", ("South Kordofan", "Sudan", "admin1"), "spelled out"),
    ("Rebels shell a market in E. Congo, killing five", (None, "Democratic Republic of the Congo", "country"),
     "a part of"),
    ("Clashes kill six in Northern Somalia", (None, "Somalia", "country"), "a part of"),
], ids=["abbreviated-compass-word", "abbreviated-part-of-a-country", "part-of-a-country"])
def test_a_compass_word_before_a_name(text, expected, how):
    row = article_place(text)
    assert (row["location"], row["country"], row["geo_precision"]) == expected
    assert how in row["place_reason"]


def test_a_compass_word_in_a_written_chain():
    row = article_place("Militia fighters burned a village in West Tawila, N. Darfur")
    assert (row["location"], row["admin1"], row["country"]) == ("West Tawila", "North Darfur", "Sudan")


def test_a_list_of_countries_is_no_written_chain():
    row = article_place("Bishops condemn attacks in Kenya, Somalia, Ethiopia")
    assert row["country"] == "Kenya"
    assert "not in the gazetteer" not in row["place_reason"]


def test_of_equally_specific_names_the_article_s_weightier_country_wins():
    row = article_place("Germany pledges help to Mali after JNIM raid kills 12")  # JNIM's home weighs for Mali
    assert row["country"] == "Mali"


def test_a_place_inside_an_armed_group_s_name_is_no_scene():
    row = article_place("Fighters of the Islamic State in the Greater Sahara killed four herders")
    assert row["location"] != "Greater Sahara" and row["country"] != "Yemen"


def test_an_origin_is_no_scene_but_a_distance_from_a_town_places_it():
    row = article_place("Militants operating from Afghanistan killed a Tajik border guard")
    assert row["country"] == "Tajikistan"
    row = article_place("Gunmen burned a market in a village about 30 kilometres from Dori, local sources said.")
    assert (row["location"], row["country"]) == ("Dori", "Burkina Faso")


@pytest.mark.parametrize(("text", "location", "country"), [
    ("Al-Shabaab Kills Two Elders, Baidoa's Mayor Condemns Attack", "Baidoa", "Somalia"),
    ("Mortar fire in Kenya's Mandera County Leaves Three Dead", "Mandera", "Kenya"),
], ids=["headline-clause-before-an-owner", "division-then-headline-words"])
def test_a_location_is_a_place_name_never_the_words_of_a_clause(text, location, country):
    row = article_place(text)
    assert (row["location"], row["country"]) == (location, country)


def test_a_written_town_of_a_few_proper_words_stands():
    row = article_place("Gunmen killed a trader in Santa Rosa Chacalapa, Oaxaca, on Monday.")
    assert (row["location"], row["admin1"]) == ("Santa Rosa Chacalapa", "Oaxaca")


@pytest.mark.parametrize(("text", "location"), [
    ("Nine Dead in North Kivu Militia Raid", "Nord-Kivu"),
    ("Gunmen torched a police post in Monywa Township on Sunday", "Monywa"),
], ids=["headline-word-after-a-province", "township"])
def test_a_name_before_a_headline_word_or_a_township(text, location):
    assert article_place(text)["location"] == location
