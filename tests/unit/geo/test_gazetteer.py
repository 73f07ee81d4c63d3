"""Tests for eventdesk.geo.gazetteer: names as news text gives them -> places with coordinates."""

from __future__ import annotations

import pytest

from eventdesk import schema
from eventdesk.geo.gazetteer import Context, distance_km
from eventdesk.geo.names import fold


def cases(*rows: tuple) -> list:
    """Parameters with the first value, folded, as the test id: "Kerman, Iran" -> "kerman-iran"."""
    return [pytest.param(*row, id=fold(row[0]).replace(" ", "-")) for row in rows]


# Towns named without their country, as incident reports name them. Expected points are the
# towns' published coordinates (rounded); the gazetteer's must lie within 25 km of them.
TOWNS = [
    # name, country, ISO code, province, (lat, lon)
    ("Jalalabad", "Afghanistan", "AF", "Nangarhar", (34.43, 70.45)),
    ("Kandahar", "Afghanistan", "AF", "Kandahar", (31.61, 65.70)),
    ("Quetta", "Pakistan", "PK", "Balochistan", (30.18, 67.00)),
    ("Peshawar", "Pakistan", "PK", "Khyber Pakhtunkhwa", (34.01, 71.58)),
    ("Maiduguri", "Nigeria", "NG", "Borno", (11.83, 13.15)),
    ("Mogadishu", "Somalia", "SO", "Banaadir", (2.05, 45.32)),
    ("Kismayo", "Somalia", "SO", "Jubbada Hoose", (-0.36, 42.55)),
    ("Idlib", "Syria", "SY", "Idlib", (35.93, 36.63)),
    ("Mosul", "Iraq", "IQ", "Ninawa", (36.34, 43.13)),
    ("Aden", "Yemen", "YE", "Adan", (12.80, 45.03)),
    ("Zinjibar", "Yemen", "YE", "Abyan", (13.13, 45.38)),
    ("Gao", "Mali", "ML", "Gao", (16.27, -0.04)),
    ("Djibo", "Burkina Faso", "BF", "Sahel", (14.10, -1.63)),
    ("Beni", "Democratic Republic of the Congo", "CD", "Nord-Kivu", (0.49, 29.47)),
    ("Mocimboa da Praia", "Mozambique", "MZ", "Cabo Delgado", (-11.35, 40.35)),
    ("Cali", "Colombia", "CO", "Valle del Cauca", (3.42, -76.52)),
    ("Ayacucho", "Peru", "PE", "Ayacucho", (-13.16, -74.22)),
    ("Marawi", "Philippines", "PH", "Autonomous Region in Muslim Mindanao", (8.00, 124.29)),
    ("Sukma", "India", "IN", "Chhattisgarh", (18.39, 81.66)),
    ("Myitkyina", "Myanmar", "MM", "Kachin", (25.38, 97.40)),
    ("Bamenda", "Cameroon", "CM", "North-West", (5.96, 10.15)),
    ("Diffa", "Niger", "NE", "Diffa", (13.32, 12.61)),
    ("Bakhmut", "Ukraine", "UA", "Donetska oblast", (48.60, 38.00)),
    ("Kerman", "Iran", "IR", "Kerman", (30.28, 57.08)),
]


@pytest.mark.parametrize(("name", "country", "code", "admin1", "point"), TOWNS, ids=[t[0] for t in TOWNS])
def test_a_town_alone_gives_its_country(gaz, name, country, code, admin1, point):
    place = gaz.resolve(name)
    assert (place.country, place.country_code, place.admin1, place.precision) == (country, code, admin1, "city")
    assert distance_km(place, point) < 25


def test_san_miguel_with_el_salvador_in_the_text_is_the_salvadoran_city(gaz):
    place = gaz.resolve("San Miguel", gaz.context(["El Salvador"]))
    assert (place.name, place.admin1, place.country_code) == ("San Miguel", "San Miguel", "SV")
    assert distance_km(place, (13.48, -88.18)) < 25


@pytest.mark.parametrize(
    ("context_names", "code"),
    [(["Philippines"], "PH"), (["Argentina"], "AR")],
    ids=["philippines", "argentina"],
)
def test_san_miguel_follows_the_country_of_the_text(gaz, context_names, code):
    assert gaz.resolve("San Miguel", gaz.context(context_names)).country_code == code


# --- the same name in several countries -------------------------------------------------------


def test_kerman_alone_is_the_most_populous_kerman_in_iran(gaz):
    place = gaz.resolve("Kerman")
    assert (place.country, place.admin1, place.precision) == ("Iran", "Kerman", "city")
    assert distance_km(place, (30.28, 57.08)) < 5


def test_kerman_with_iran_in_the_text_is_in_iran(gaz):
    assert gaz.resolve("Kerman", Context(countries={"IR": 1.0})).country_code == "IR"


def test_kerman_with_california_in_the_text_is_in_california(gaz):
    place = gaz.resolve("Kerman", gaz.context(["California"]))
    assert (place.country_code, place.admin1, place.admin2) == ("US", "California", "Fresno County")


def test_the_country_outweighs_a_province_named_elsewhere_in_the_text(gaz):
    context = Context(countries={"IR": 1.0}, admin1={("US", "California"): 1.0})
    assert gaz.resolve("Kerman", context).country_code == "IR"


@pytest.mark.parametrize(
    ("context_names", "expected"),
    [(["Texas"], ("US", "Texas")), (["France"], ("FR", "Île-de-France")), ([], ("FR", "Île-de-France"))],
    ids=["texas", "france", "no-context"],
)
def test_paris_follows_the_context(gaz, context_names, expected):
    place = gaz.resolve("Paris", gaz.context(context_names))
    assert (place.country_code, place.admin1) == expected


def test_candidates_lists_every_kerman_likeliest_first(gaz):
    assert [(p.country_code, p.precision) for p in gaz.candidates("Kerman")] == [
        ("IR", "city"), ("IR", "admin1"), ("US", "city"),
    ]


# --- provinces and countries ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code", "admin1"),
    cases(
        ("Kerman Province", "IR", "Kerman"),
        ("Borno State", "NG", "Borno"),
        ("Nangarhar", "AF", "Nangarhar"),
        ("Khyber Pakhtunkhwa", "PK", "Khyber Pakhtunkhwa"),
        ("Nineveh", "IQ", "Ninawa"),
        ("Anbar province", "IQ", "Al Anbar"),
        ("Lower Shabelle", "SO", "Shabeellaha Hoose"),
        ("Ituri", "CD", "Ituri"),
        ("Punjab", "PK", "Punjab"),
        ("Texas", "US", "Texas"),
    ),
)
def test_admin1_by_name(gaz, name, code, admin1):
    place = gaz.admin1(name)
    assert (place.country_code, place.admin1, place.name, place.precision) == (code, admin1, admin1, "admin1")


def test_admin1_keeps_to_the_country_asked_for(gaz):
    assert gaz.admin1("Punjab", country_code="IN").country_code == "IN"


@pytest.mark.parametrize(
    ("name", "precision", "admin1"),
    [
        ("Kerman Province", "admin1", "Kerman"),
        ("Borno State", "admin1", "Borno"),
        ("Texas", "admin1", "Texas"),  # not Texas City
        ("Taizz", "city", "Taizz"),  # the town, not its governorate of the same name
        ("Idlib", "city", "Idlib"),
    ],
    ids=["kerman-province", "borno-state", "texas", "taizz-town", "idlib-town"],
)
def test_resolve_tells_a_province_from_its_main_town(gaz, name, precision, admin1):
    place = gaz.resolve(name)
    assert (place.precision, place.admin1) == (precision, admin1)


def test_a_province_point_lies_within_it(gaz):
    assert distance_km(gaz.admin1("Kerman Province"), (30.28, 57.08)) < 150


@pytest.mark.parametrize(
    ("name", "code", "country"),
    cases(
        ("Britain", "GB", "United Kingdom"),
        ("UK", "GB", "United Kingdom"),
        ("US", "US", "United States"),
        ("U.S.", "US", "United States"),
        ("United States of America", "US", "United States"),
        ("DRC", "CD", "Democratic Republic of the Congo"),
        ("DR Congo", "CD", "Democratic Republic of the Congo"),
        ("Congo", "CD", "Democratic Republic of the Congo"),
        ("Republic of the Congo", "CG", "Republic of the Congo"),
        ("Ivory Coast", "CI", "Ivory Coast"),
        ("Côte d'Ivoire", "CI", "Ivory Coast"),
        ("Burma", "MM", "Myanmar"),
        ("the Philippines", "PH", "Philippines"),
        ("Iran", "IR", "Iran"),
        ("IRN", "IR", "Iran"),
        ("Palestine", "PS", "Palestine"),
    ),
)
def test_country_by_name_alternate_or_code(gaz, name, code, country):
    place = gaz.country(name)
    assert (place.country_code, place.country, place.name, place.precision) == (code, country, country, "country")


@pytest.mark.parametrize("name", ["us", "uk", "in", "Kerman", "Texas"], ids=lambda v: v)
def test_country_refuses_lower_case_codes_and_non_countries(gaz, name):
    assert gaz.country(name) is None


def test_iso_codes_beyond_the_usual_abbreviations_only_on_request(gaz):
    assert gaz.country("IN").country_code == "IN"
    assert gaz.country("IN", iso_codes=False) is None


def test_a_country_point_is_its_capital(gaz):
    assert distance_km(gaz.country("Afghanistan"), (34.53, 69.17)) < 10


# --- how names are written --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("KABUL", "Kabul", id="upper-KABUL"),
        pytest.param("SAN SALVADOR", "San Salvador", id="upper-SAN-SALVADOR"),
        pytest.param("MAIDUGURI", "Maiduguri", id="upper-MAIDUGURI"),
        pytest.param("Kandahār", "Kandahar", id="macron-Kandahar"),
        pytest.param("Qandahar", "Kandahar", id="variant-Qandahar"),
        pytest.param("Mocímboa da Praia", "Mocímboa da Praia", id="acute-Mocimboa"),
        pytest.param("Taiz", "Taiz", id="Taiz"),
        pytest.param("Ta'izz", "Taiz", id="apostrophe-Taizz"),
        pytest.param("Tillaberi", "Tillabéri", id="unaccented-Tillaberi"),
        pytest.param("Ngaoundere", "Ngaoundéré", id="unaccented-Ngaoundere"),
        pytest.param("al-Mukalla", "Mukalla", id="al-hyphen-Mukalla"),
        pytest.param("Al Mukalla", "Mukalla", id="Al-space-Mukalla"),
        pytest.param("Mukalla", "Mukalla", id="no-al-Mukalla"),
        pytest.param("al-Raqqa", "Ar Raqqah", id="al-hyphen-Raqqa"),
        pytest.param("Raqqa", "Ar Raqqah", id="no-al-Raqqa"),
        pytest.param("el-Fasher", "El Fasher", id="el-hyphen-Fasher"),
        pytest.param("Fasher", "El Fasher", id="no-el-Fasher"),
        pytest.param("al-Qaim", "Al Qaim", id="al-hyphen-Qaim"),
        pytest.param("Gaza City", "Gaza", id="city-suffix-Gaza"),
    ],
)
def test_spellings_case_accents_and_prefixes(gaz, name, expected):
    assert gaz.resolve(name).name == expected


def test_an_all_capitals_text_may_give_any_name_in_capitals(gaz):
    assert gaz.resolve("MOSUL", Context(text_is_upper=True)).country_code == "IQ"


# --- words that are not places ----------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["attack", "police", "march", "nice", "mobile", "kabul", "Police", "March", "Nice", "Mobile", "Hit", "Bar",
     "Man", "Date", "Deal", "Of", "The", "Attack", "Reading", "Delta"],
    ids=lambda v: v,
)
def test_words_resolve_to_nothing_without_context(gaz, name):
    assert gaz.resolve(name) is None


@pytest.mark.parametrize("name", ["POLICE", "MARCH", "OF"], ids=lambda v: v)
def test_words_resolve_to_nothing_in_an_all_capitals_text(gaz, name):
    assert gaz.resolve(name, Context(text_is_upper=True)) is None


# "Police" capitalised may start a sentence ("Police said..."): it names the Polish town only
# when the text also names Poland (or its province). The same holds for every common word.
@pytest.mark.parametrize(
    ("name", "context_names", "code"),
    [
        ("Police", ["Poland"], "PL"),
        ("Hit", ["Iraq"], "IQ"),
        ("Nice", ["France"], "FR"),
        ("Mobile", ["Alabama"], "US"),
        ("Delta", ["Nigeria"], "NG"),
    ],
    ids=["police-poland", "hit-iraq", "nice-france", "mobile-alabama", "delta-nigeria"],
)
def test_a_common_word_names_a_place_in_a_country_of_the_text(gaz, name, context_names, code):
    assert gaz.resolve(name, gaz.context(context_names)).country_code == code


def test_a_common_word_with_a_division_word_is_the_division(gaz):
    assert (gaz.resolve("Delta State").country_code, gaz.resolve("Delta State").precision) == ("NG", "admin1")


@pytest.mark.parametrize("name", ["Chad", "Turkey", "Jordan", "Georgia"], ids=lambda v: v)
def test_a_country_by_its_own_name_is_never_taken_for_a_word(gaz, name):
    assert gaz.resolve(name).precision == "country"


# --- phrases ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    cases(
        ("Kerman, Iran", ("Kerman", "Kerman", "IR", "city")),
        ("Kerman, California", ("Kerman", "California", "US", "city")),
        ("Paris, Texas", ("Paris", "Texas", "US", "city")),
        ("Hit, Iraq", ("Hit", "Al Anbar", "IQ", "city")),
        ("Jalalabad, Nangarhar, Afghanistan", ("Jalalabad", "Nangarhar", "AF", "city")),
        ("Mosul, Nineveh", ("Mosul", "Ninawa", "IQ", "city")),
        ("Beni, North Kivu", ("Beni", "Nord-Kivu", "CD", "city")),
        ("in the town of Damboa, Borno State", ("Damboa", "Borno", "NG", "city")),
        ("Nad Ali district of Helmand province", ("Nad Ali", "Helmand", "AF", "city")),
        ("in the province of Kandahar", ("Kandahar", "Kandahar", "AF", "admin1")),
        ("KABUL, Afghanistan \u2014", ("Kabul", "Kabul", "AF", "city")),
        ("SAN SALVADOR, 12 JAN 90", ("San Salvador", "San Salvador", "SV", "city")),
        ("State of Palestine", ("Palestine", None, "PS", "country")),
    ),
)
def test_resolve_phrase(gaz, text, expected):
    place = gaz.resolve_phrase(text)
    assert (place.name, place.admin1, place.country_code, place.precision) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zzyzxville, Iran", ("Iran", "country")),
        ("Dand district of Kandahar province", ("Kandahar", "admin1")),
    ],
    ids=["unknown-town-in-a-country", "unknown-district-in-a-province"],
)
def test_resolve_phrase_falls_back_to_what_contains_an_unknown_place(gaz, text, expected):
    place = gaz.resolve_phrase(text)
    assert (place.name, place.precision) == expected


def test_nad_ali_district_is_placed_among_its_towns(gaz):
    place = gaz.resolve_phrase("Nad Ali district of Helmand province")
    assert (place.admin2, place.geonameid) == ("Nad Ali", 7053029)
    assert distance_km(place, (31.64, 64.24)) < 25


# --- context ----------------------------------------------------------------------------------


def test_context_from_names_counts_countries_demonyms_and_provinces(gaz):
    context = gaz.with_demonyms([("Afghan", "Afghanistan")]).context(
        ["Texas", "police", "France", "Afghan", "Police", "Texas"]
    )
    assert context.countries == {"US": 2.0, "FR": 1.0, "AF": 1.0}
    assert context.admin1 == {("US", "Texas"): 2.0}


def test_context_from_places(gaz):
    context = Context.from_places([gaz.resolve("Maiduguri"), gaz.country("Nigeria")])
    assert (context.countries, context.admin1) == ({"NG": 2.0}, {("NG", "Borno"): 1.0})


# --- coordinates ------------------------------------------------------------------------------


def test_distance_km_is_haversine():
    assert distance_km((0.0, 0.0), (0.0, 1.0)) == pytest.approx(111.195, abs=0.001)
    assert distance_km((51.5, -0.12), (51.5, -0.12)) == 0.0


def test_distance_km_between_places(gaz):
    assert distance_km(gaz.resolve("Kabul"), gaz.resolve("Kandahar")) == pytest.approx(450, abs=20)


@pytest.mark.parametrize(
    ("point", "name"),
    [((30.3, 57.1), "Kerman"), ((34.53, 69.17), "Kabul"), ((11.85, 13.16), "Maiduguri")],
    ids=["kerman", "kabul", "maiduguri"],
)
def test_nearest_town(gaz, point, name):
    assert gaz.nearest(*point).name == name


def test_every_precision_is_one_of_the_schema(gaz):
    places = [gaz.resolve("Kabul"), gaz.admin1("Helmand"), gaz.country("Iran"), gaz.resolve("Nad Ali district")]
    assert {p.precision for p in places} <= set(schema.GEO_PRECISIONS) - {"unknown"}


# --- context from the names of an article -----------------------------------------------------


def test_a_bare_town_name_does_not_count_for_a_foreign_province_of_that_name(gaz):
    context = gaz.context(["Beni", "North Kivu"])
    assert ("BO", "El Beni") not in context.admin1
    assert gaz.resolve("Beni", context).country_code == "CD"


@pytest.mark.parametrize("name", ["North-western", "Central", "Southern"])
def test_a_bare_direction_is_no_province_in_context(gaz, name):
    assert gaz.context([name]).countries == {}


def test_a_bound_name_keeps_its_place(gaz):
    portland_oregon = gaz.resolve_phrase("Portland, Oregon")
    context = Context(countries={"JM": 5.0}).with_binding("Portland", portland_oregon)
    assert gaz.resolve("Portland", context) is portland_oregon


def test_a_demonym_is_no_town(gaz):
    assert gaz.resolve("Chadian") is None


PHRASES_IN_HOMONYMOUS_REGIONS = cases(
    ("Ouahigouya, Nord region", "Burkina Faso", "Ouahigouya"),
    ("Kaya, Centre-Nord", "Burkina Faso", "Kaya"),
    ("Bouar, Nana-Mambere", "Central African Republic", "Bouar"),
)


@pytest.mark.parametrize(("phrase", "country", "town"), PHRASES_IN_HOMONYMOUS_REGIONS)
def test_a_town_is_looked_for_in_every_region_of_that_name(gaz, phrase, country, town):
    place = gaz.resolve_phrase(phrase)
    assert (place.country, place.name, place.kind) == (country, town, "town")


def test_a_hamlet_named_like_a_word_needs_its_country_in_upper_case_text(gaz):
    assert gaz.resolve("MASSACRE", Context(text_is_upper=True)) is None
    assert gaz.resolve("Massacre", Context()).country_code == "DM"


@pytest.mark.parametrize(("written", "name", "country_code"), [
    ("Deir Ezzor", "Deir ez-Zor", "SY"),
    ("Jisr al-Shughur", "Jisr ash Shughur", "SY"),
    ("Khan Sheikhoun", "Khan Shaykhun", "SY"),
], ids=["spaced-otherwise", "arabic-article-assimilated", "alternate-spelling"])
def test_names_spelled_otherwise(gaz, written, name, country_code):
    place = gaz.resolve(written)
    assert (place.name, place.country_code) == (name, country_code)


def test_another_spelling_of_a_town_outranks_a_larger_town_s_other_name(gaz):
    place = gaz.resolve("Sloviansk")
    assert (place.name, place.admin1) == ("Slovyansk", "Donetska oblast")


def test_short_names_are_not_matched_with_their_spaces_set_aside(gaz):
    assert gaz.resolve("Homs").country_code == "SY"
    assert gaz.candidates("Ho Ms") == []


def test_demonyms_are_no_countries_by_name(gaz):
    assert gaz.demonym("Yemeni").name == "Yemen"
    assert gaz.demonym("Yemen") is None


@pytest.mark.parametrize(("name", "country_code", "province", "precision"), [
    ("Darfur", "SD", None, "admin1"),
    ("Waziristan", "PK", "Khyber Pakhtunkhwa", "city"),
    ("Ghouta", "SY", "Rif Dimashq", "city"),
], ids=["across-provinces", "inside-a-province", "alias"])
def test_regions_the_administrative_tables_lack(gaz, name, country_code, province, precision):
    place = gaz.resolve(name)
    assert (place.country_code, place.admin1, place.precision) == (country_code, province, precision)


def test_a_town_lies_in_a_region_across_provinces(gaz):
    place = gaz.resolve_phrase("Nyala, Darfur")
    assert (place.name, place.admin1) == ("Nyala", "South Darfur")
