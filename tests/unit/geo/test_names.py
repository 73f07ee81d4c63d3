"""Tests for eventdesk.geo.names: folding names to keys, what can be a name, phrases and word lists."""

from __future__ import annotations

import pytest

from eventdesk.geo import names
from eventdesk.geo.names import fold, is_plausible_name


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        pytest.param("Mocímboa da Praia", "mocimboa da praia", id="accents"),
        pytest.param("TA'IZZ", "taizz", id="capitals-apostrophe"),
        pytest.param("Ta\u2018izz", "taizz", id="ayn-mark"),
        pytest.param("Bobo-Dioulasso", "bobo dioulasso", id="hyphen"),
        pytest.param("Kandahār", "kandahar", id="macron"),
        pytest.param("  Łódź ", "lodz", id="stroke-and-spaces"),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("text", "text_is_upper", "plausible"),
    [
        ("Kabul", False, True),
        ("kabul", False, False),
        ("KABUL", False, True),
        ("al-Qaim", False, True),
        ("the police", False, False),
        ("police", True, True),
        ("Of", False, False),
        ("12 JAN 90", True, False),
        ("", False, False),
    ],
    ids=["Kabul", "kabul", "KABUL", "al-Qaim", "the-police", "police-upper-text", "Of", "date", "empty"],
)
def test_is_plausible_name(text, text_is_upper, plausible):
    assert is_plausible_name(text, text_is_upper) is plausible


@pytest.mark.parametrize(
    ("key", "core", "loose"),
    [
        pytest.param("al mukalla", "mukalla", "mukala", id="leading-article"),
        pytest.param("kandahar province", "kandahar", "kandahar", id="province-after"),
        pytest.param("province of kandahar", "kandahar", "kandahar", id="province-of"),
        pytest.param("nad ali district", "nad ali", "nad ali", id="district"),
        pytest.param("marawi city", "marawi", "marawi", id="trailing-city"),
        pytest.param("shabeellaha hoose", "shabeellaha hoose", "shabelaha hose", id="doubled-letters"),
        pytest.param("taizz", "taizz", "taiz", id="one-word"),
        pytest.param("province", "province", "province", id="nothing-but-a-division-word"),
    ],
)
def test_core_and_loose_keys(key, core, loose):
    assert (names.core(key), names.loose(key)) == (core, loose)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        pytest.param("Kandahār", "Kandahar", id="macron"),
        pytest.param("Ta\u2018izz", "Taizz", id="ayn-mark"),
        pytest.param("Tillabéri", "Tillabéri", id="latin-1-accent-kept"),
        pytest.param("Łódź", "Lodz", id="beyond-latin-1"),
    ],
)
def test_display_name(name, shown):
    assert names.display_name(name) == shown


@pytest.mark.parametrize(
    ("text", "rest"),
    [("al-Qaim", "Qaim"), ("el-Fasher", "Fasher"), ("The Hague", "Hague"), ("Alabama", "Alabama"), ("al-", "al-")],
    ids=["al-hyphen", "el-hyphen", "the", "al-inside-a-word", "prefix-alone"],
)
def test_strip_prefix(text, rest):
    assert names.strip_prefix(text) == rest


@pytest.mark.parametrize(
    ("key", "common"),
    [
        ("police", True),
        ("march", True),
        ("reading", True),
        ("north western", True),
        ("central", True),
        ("kabul", False),
        ("maiduguri", False),
        ("delta state", True),  # the core is "delta"; `Gazetteer` asks the division word first
    ],
    ids=["police", "march", "reading", "north-western", "central", "kabul", "maiduguri", "delta-state"],
)
def test_is_common(key, common):
    assert names.is_common(key) is common


def test_the_common_words_come_from_the_packaged_list():
    words = names.common_words()
    assert {"police", "march", "nice", "mobile"} <= words
    assert "#" not in "".join(words) and "" not in words
    assert len(words) == 968
    assert {"christian", "christmas"} <= words  # adjectives of headlines ("at a Christian college")


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        pytest.param("Dand district of Kandahar province, Afghanistan",
                     ["Dand district", "Kandahar province", "Afghanistan"], id="district-of-province"),
        pytest.param("in the province of Kandahar", ["Kandahar province"], id="the-province-of"),
        pytest.param("in the town of Damboa, Borno State", ["Damboa", "Borno State"], id="the-town-of"),
        pytest.param("KABUL, Afghanistan \u2014", ["KABUL", "Afghanistan"], id="dateline-dash"),
        pytest.param(" , ", [], id="nothing"),
    ],
)
def test_phrase_parts(text, parts):
    assert names.phrase_parts(text) == parts
