"""The actor registry: alias lookup, case rules, the CSV checks and the EntityRuler patterns."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import spacy
from spacy.lang.en.stop_words import STOP_WORDS

from eventdesk.actors import REGISTRY_TYPES, Registry, is_case_sensitive, load_registry


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


@pytest.fixture(scope="module")
def ruler_nlp(registry: Registry):
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(registry.entity_ruler_patterns())
    return nlp


@pytest.mark.parametrize(("text", "name"), [
    pytest.param("ISIS", "Islamic State", id="ISIS"),
    pytest.param("ISIL", "Islamic State", id="ISIL"),
    pytest.param("Daesh", "Islamic State", id="Daesh"),
    pytest.param("Islamic State group", "Islamic State", id="Islamic-State-group"),
    pytest.param("the Islamic State", "Islamic State", id="leading-the"),
    pytest.param("ISIS-K", "Islamic State Khorasan Province", id="ISIS-K"),
    pytest.param("ISKP", "Islamic State Khorasan Province", id="ISKP"),
    pytest.param("Islamic State’s Khorasan Province", "Islamic State Khorasan Province", id="curly-apostrophe"),
    pytest.param("ISWAP", "Islamic State West Africa Province", id="ISWAP"),
    pytest.param("Islamic State in the Greater Sahara", "Islamic State Sahel Province", id="ISGS-long-form"),
    pytest.param("U.S.", "United States", id="U.S."),
    pytest.param("the U.S.", "United States", id="the-U.S."),
    pytest.param("Washington", "United States", id="Washington"),
    pytest.param("Tehran", "Iran", id="Tehran"),
    pytest.param("the Kremlin", "Russia", id="the-Kremlin"),
    pytest.param("the Kremlin's", "Russia", id="possessive"),
    pytest.param("Iranian authorities", "Iran", id="Iranian-authorities"),
    pytest.param("Burma", "Myanmar", id="Burma"),
    pytest.param("Pakistani Taliban", "Tehrik-i-Taliban Pakistan", id="Pakistani-Taliban"),
    pytest.param("Afghan Taliban", "Taliban", id="Afghan-Taliban"),
    pytest.param("Harakat al-Shabaab al-Mujahideen", "Al-Shabaab", id="Shabaab-long-form"),
    pytest.param("Houthis'", "Houthis", id="plural-possessive"),
    pytest.param("Haqqani network", "Haqqani Network", id="lower-case-common-noun"),
    pytest.param("Ejercito de Liberacion Nacional", "National Liberation Army (ELN)", id="accents-dropped"),
    pytest.param("SHINING PATH", "Shining Path", id="upper-case-wire"),
    pytest.param("LeT", "Lashkar-e-Taiba", id="LeT"),
    pytest.param("JeM", "Jaish-e-Mohammed", id="JeM"),
])
def test_lookup_collapses_aliases(registry: Registry, text: str, name: str) -> None:
    actor = registry.lookup(text)
    assert actor is not None
    assert actor.name == name


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("IS", "Islamic State", id="IS"),
    pytest.param("is", None, id="is"),
    pytest.param("Is", None, id="Is"),
    pytest.param("US", "United States", id="US"),
    pytest.param("us", None, id="us"),
    pytest.param("NPA", "New People's Army", id="NPA"),
    pytest.param("npa", None, id="npa"),
    pytest.param("PDF", "People's Defence Force", id="PDF"),
    pytest.param("pdf", None, id="pdf"),
    pytest.param("let", None, id="let-is-a-word"),
    pytest.param("Turkey", "Turkey", id="Turkey"),
    pytest.param("TURKEY", "Turkey", id="TURKEY"),
    pytest.param("turkey", None, id="turkey-the-bird"),
    pytest.param("dawn", None, id="dawn-the-hour"),
    pytest.param("Congo", None, id="ambiguous-Congo"),
])
def test_lookup_case_rules(registry: Registry, text: str, expected: str | None) -> None:
    actor = registry.lookup(text)
    assert (actor.name if actor else None) == expected


@pytest.mark.parametrize(("alias", "expected"), [
    pytest.param("US", True, id="all-caps"),
    pytest.param("U.S.", True, id="dotted"),
    pytest.param("M23", True, id="letter-digits"),
    pytest.param("LeT", True, id="short-mixed-case"),
    pytest.param("Isis", False, id="title-case"),
    pytest.param("al-Shabaab", False, id="name"),
])
def test_is_case_sensitive(alias: str, expected: bool) -> None:
    assert is_case_sensitive(alias) is expected


@pytest.mark.parametrize(("name", "family"), [
    pytest.param("Islamic State Khorasan Province", "Islamic State", id="ISKP"),
    pytest.param("Islamic State West Africa Province", "Islamic State", id="ISWAP"),
    pytest.param("Allied Democratic Forces", "Islamic State", id="ADF-via-ISCAP"),
    pytest.param("Al-Shabaab", "Al-Qaeda", id="Shabaab"),
    pytest.param("Estado Mayor Central", "FARC dissidents", id="EMC"),
    pytest.param("Islamic State", "Islamic State", id="top-is-itself"),
    pytest.param("Tehrik-i-Taliban Pakistan", "Tehrik-i-Taliban Pakistan", id="TTP-not-Taliban"),
])
def test_family(registry: Registry, name: str, family: str) -> None:
    assert registry.family(name) == family


def test_actor_fields(registry: Registry) -> None:
    iskp = registry.lookup("ISKP")
    assert iskp is not None
    assert (iskp.name, iskp.type, iskp.country, iskp.parent) == (
        "Islamic State Khorasan Province", "armed_group", "Afghanistan", "Islamic State")
    iran = registry.lookup("Tehran")
    assert iran is not None
    assert (iran.type, iran.country, iran.parent) == ("state", "Iran", None)


@pytest.mark.parametrize(("actor_type", "minimum"), [
    pytest.param("state", 195, id="states"),
    pytest.param("armed_group", 200, id="armed-groups"),
    pytest.param("international_org", 40, id="international-orgs"),
    pytest.param("media", 40, id="media"),
    pytest.param("government_body", 24, id="government-bodies"),
])
def test_counts(registry: Registry, actor_type: str, minimum: int) -> None:
    assert len(registry.by_type(actor_type)) >= minimum


def test_registry_types_are_the_first_six_schema_types() -> None:
    assert REGISTRY_TYPES == ("state", "armed_group", "government_body", "international_org", "media", "person")


def test_by_type_rejects_unknown_type(registry: Registry) -> None:
    with pytest.raises(ValueError, match="unknown actor type 'rebel'"):
        registry.by_type("rebel")


def test_every_alias_names_its_own_actor(registry: Registry) -> None:
    wrong = {}
    for name, spellings in registry.aliases.items():
        for spelling in spellings:
            actor = registry.lookup(spelling)
            if actor is None or actor.name != name:
                wrong[spelling] = (name, actor.name if actor else None)
    assert wrong == {}


def test_every_parent_and_country_exists(registry: Registry) -> None:
    states = {a.name for a in registry.by_type("state")}
    assert {a.parent for a in registry.actors.values() if a.parent} <= set(registry.actors)
    assert {a.country for a in registry.actors.values() if a.country} <= states
    assert all(a.country == a.name for a in registry.by_type("state"))


def test_no_case_insensitive_alias_is_a_stop_word(registry: Registry) -> None:
    loose = {s for spellings in registry.aliases.values() for s in spellings if not is_case_sensitive(s)}
    assert {s for s in loose if s.casefold() in STOP_WORDS} == set()


@pytest.mark.parametrize(("word", "country"), [
    pytest.param("Afghan", "Afghanistan", id="Afghan"),
    pytest.param("Afghans", "Afghanistan", id="Afghans"),
    pytest.param("Iraqis", "Iraq", id="Iraqis"),
    pytest.param("nigerian", "Nigeria", id="lower-case"),
    pytest.param("Nigerien", "Niger", id="Nigerien"),
    pytest.param("Burkinabè", "Burkina Faso", id="accent"),
    pytest.param("Filipinos", "Philippines", id="Filipinos"),
    pytest.param("Congolese", None, id="ambiguous-Congolese"),
    pytest.param("Kurdish", None, id="not-a-country"),
])
def test_country_of_demonym(registry: Registry, word: str, country: str | None) -> None:
    assert registry.country_of_demonym(word) == country


def test_entity_ruler_finds_aliases_with_canonical_ids(ruler_nlp) -> None:
    doc = ruler_nlp("Daesh and al-Shabaab fighters were named in a report the U.S. embassy released on Monday.")
    found = [(e.text, e.label_, e.ent_id_) for e in doc.ents]
    assert found == [
        ("Daesh", "ACTOR", "Islamic State"),
        ("al-Shabaab", "ACTOR", "Al-Shabaab"),
        ("U.S.", "ACTOR", "United States"),
    ]


def test_entity_ruler_prefers_the_longest_alias(ruler_nlp) -> None:
    doc = ruler_nlp("Islamic State Khorasan Province, not the Pakistani Taliban, was blamed.")
    assert [(e.text, e.ent_id_) for e in doc.ents] == [
        ("Islamic State Khorasan Province", "Islamic State Khorasan Province"),
        ("Pakistani Taliban", "Tehrik-i-Taliban Pakistan"),
    ]


def test_entity_ruler_leaves_ordinary_words_alone(ruler_nlp) -> None:
    doc = ruler_nlp("Let us say it is a turkey farm, raided at dawn.")
    assert [e.text for e in doc.ents] == []


def test_entity_ruler_patterns_ids_are_actors(registry: Registry) -> None:
    patterns = registry.entity_ruler_patterns()
    assert {p["id"] for p in patterns} == set(registry.actors)
    assert {p["label"] for p in patterns} == {"ACTOR"}


def _write_registry(folder: Path, rows: list[list[str]], demonyms: list[list[str]] | None = None) -> Path:
    path = folder / "actors.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["name", "type", "country", "parent", "aliases"], *rows])
    with (folder / "demonyms.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["demonym", "country"], *(demonyms or [])])
    return path


def test_small_valid_registry_loads(tmp_path: Path) -> None:
    path = _write_registry(tmp_path, [
        ["Mali", "state", "Mali", "", "Bamako"],
        ["Katiba Macina", "armed_group", "Mali", "", "Macina Liberation Front"],
    ], [["Malian", "Mali"]])
    registry = load_registry(path)
    assert sorted(registry.actors) == ["Katiba Macina", "Mali"]
    assert registry.lookup("Bamako").name == "Mali"
    assert registry.country_of_demonym("Malian") == "Mali"


@pytest.mark.parametrize(("rows", "line", "message"), [
    pytest.param([["Mali", "state", "Mali", "", ""], ["Ansar Dine", "rebels", "Mali", "", ""]],
                 3, "unknown type 'rebels' for 'Ansar Dine'", id="bad-type"),
    pytest.param([["Mali", "state", "Mali", "", "Bamako"], ["Ansar Dine", "armed_group", "Mali", "", "bamako"]],
                 3, "duplicate alias 'bamako' of 'Ansar Dine' already names 'Mali' (line 2)", id="duplicate-alias"),
    pytest.param([["Mali", "state", "Mali", "", ""], ["Ansar Dine", "armed_group", "Mali", "JNIM", ""]],
                 3, "parent 'JNIM' of 'Ansar Dine' does not exist", id="missing-parent"),
    pytest.param([["Ansar Dine", "armed_group", "Mali", "", ""]],
                 2, "country 'Mali' of 'Ansar Dine' is not a state", id="unknown-country"),
    pytest.param([["Mali", "state", "Mali", "", "Mali|"]],
                 2, "empty alias", id="stray-separator"),
])
def test_malformed_registry_names_file_and_line(tmp_path: Path, rows: list[list[str]], line: int,
                                                 message: str) -> None:
    path = _write_registry(tmp_path, rows)
    with pytest.raises(ValueError) as caught:
        load_registry(path)
    assert str(caught.value).startswith(f"{path}:{line}: {message}")


def test_wrong_header_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "actors.csv"
    path.write_text("name,kind\nMali,state\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"actors\.csv:1: header must be name,type,country,parent,aliases"):
        load_registry(path)


def test_ambiguous_demonym_is_reported(tmp_path: Path) -> None:
    path = _write_registry(tmp_path, [["Niger", "state", "Niger", "", ""], ["Nigeria", "state", "Nigeria", "", ""]],
                           [["Nigerien", "Niger"], ["Nigerien", "Nigeria"]])
    with pytest.raises(ValueError) as caught:
        load_registry(path)
    assert str(caught.value).startswith(f"{tmp_path / 'demonyms.csv'}:3: demonym 'Nigerien' already names 'Niger'")


@pytest.mark.parametrize(
    ("country", "name"),
    [
        ("El Salvador", "Salvadoran Armed Forces"),
        ("Russia", "Russian Armed Forces"),  # its parent is a ministry, not an army
        ("Israel", "Israel Defense Forces"),
        ("Atlantis", None),
    ],
)
def test_armed_forces_of_a_country(registry: Registry, country: str, name: str | None) -> None:
    actor = registry.armed_forces_of(country)
    assert (actor.name if actor else None) == name
