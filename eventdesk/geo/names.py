"""Place names as news text writes them: folding them to matching keys, and the words around them.

Owns `fold` (case, accents, apostrophes, punctuation and other scripts set aside), the looser
keys the index is also searched under (no leading "al-"/"el-"/"the", no "province" or "district",
no trailing "city", doubled letters single), the test of whether a span can be a place name at
all, the splitting of "Town, Province, Country" phrases into parts, and the word lists these
rules use. The longest list, English words that are also place names, is data:
`eventdesk/data/common_words.txt`, read on first use.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from difflib import SequenceMatcher

from eventdesk.data import COMMON_WORDS, reference_file

ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath", "the"})
ADMIN1_WORDS = frozenset(
    "province provinces provincia provinsi state region governorate oblast prefecture department departement"
    " departamento division territory muhafazat muhafazah wilayat wilaya ostan estado krai kray obl".split()
)
ADMIN2_WORDS = frozenset("district county rayon raion municipality municipio tehsil woreda subdistrict lga".split())
CONNECTORS = frozenset({"of", "e", "de", "del"})
# Spans that are never a place, whatever their case.
FUNCTION_WORDS = frozenset(
    "a an and are as at be been but by for from had has have he her his i if in into is it its me my no nor not"
    " of off on or our out over she so than that the their them then there these they this those to too under up"
    " upon us was we were what when where which while who whom why will with would you your".split()
)
# A bare direction is no place ("Central", "North-Western"), though some province has it as a name.
DIRECTIONS = frozenset(
    "north south east west northern southern eastern western central northeast northwest southeast southwest"
    " northeastern northwestern southeastern southwestern middle upper lower far greater".split()
)
# Upper-case abbreviations that name a country (ISO alpha-2); `Gazetteer.country()` accepts ISO codes too.
ABBREVIATIONS = {
    "US": "US", "USA": "US", "UK": "GB", "UAE": "AE", "DRC": "CD", "DPRK": "KP", "ROK": "KR", "PRC": "CN",
    "KSA": "SA", "CAR": "CF", "RSA": "ZA",
}
# Names of countries that news text uses and the bundled tables lack.
EXTRA_COUNTRY_NAMES = {
    "GB": ("Britain", "Great Britain"),
    "US": ("America", "United States of America"),
    "CD": ("Congo", "DR Congo", "Congo-Kinshasa", "Democratic Republic of Congo", "Zaire"),
    "CG": ("Congo-Brazzaville", "Republic of Congo"),
    "CI": ("Ivory Coast", "Cote d'Ivoire"),
    "BF": ("Burkina",),  # "Burkina police", "eastern Burkina"
    "MM": ("Burma",),
    "PK": ("Pak",),  # South Asian headlines: "militants killed in Pak", "Pak's tribal belt"
    "PS": ("Palestine", "Palestinian Territories"),
    "TL": ("East Timor", "Timor-Leste"),
    "CZ": ("Czech Republic",),
    "MK": ("Macedonia",),
    "SZ": ("Swaziland",),
    "CV": ("Cape Verde",),
    "TR": ("Turkiye",),
    "BA": ("Bosnia",),
    "VA": ("Vatican City", "Holy See"),
    "KR": ("Korea",),
    "NL": ("Holland",),
}
# The name a country is shown under, where the bundled tables' name is not the usual one.
COUNTRY_NAME_OVERRIDES = {"PS": "Palestine", "TL": "Timor-Leste"}

# --- folding ---------------------------------------------------------------------------------

_DELETE = str.maketrans("", "", "'\u2019\u2018\u02bc\u02bb\u02bf\u02be`\u00b4")
_LATIN_EXTRA = str.maketrans(
    {"ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
     "ı": "i", "ß": "ss", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ə": "e", "Ə": "E", "ħ": "h"}
)
_NON_WORD = re.compile(r"[\W_]+")
_MARKS = "\u2018\u2019\u02bc\u02bb\u02bf\u02be\u00b4"
# Letters outside the Latin script (Cyrillic, Arabic, CJK...): such names are not indexed.
NON_LATIN = re.compile(r"[^\x00-\u024f\u0300-\u036f\u02b0-\u02ff\u1e00-\u1eff\u2000-\u206f]")
_BEYOND_LATIN1 = re.compile(r"[^\x00-\xff]")


def fold_uncached(text: str) -> str:
    """`fold` without its cache: for the index build, which folds each of a million names once."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_LATIN_EXTRA)).encode("ascii", "ignore").decode()
    return _NON_WORD.sub(" ", text.translate(_DELETE).lower()).strip()


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Matching key of a name: lower case, no accents, apostrophes or punctuation; other scripts dropped.

    >>> fold("Mocímboa da Praia"), fold("TA'IZZ"), fold("Bobo-Dioulasso")
    ('mocimboa da praia', 'taizz', 'bobo dioulasso')
    """
    return fold_uncached(text)


_GENERIC = "|".join(sorted(ADMIN1_WORDS | ADMIN2_WORDS))
_LOOSE = re.compile(
    rf"^(?:{'|'.join(sorted(ARTICLES))}) (?=\S)"  # a leading article: "al mukalla"
    rf"|\b(?:{_GENERIC})\b(?: (?:{'|'.join(sorted(CONNECTORS))})\b)?"  # "kandahar province", "province of kandahar"
    r"|(?<=\S) city$"  # "marawi city"
)
_DOUBLED = re.compile(r"(.)\1+")


def core(key: str) -> str:
    """A folded key without a leading article, generic division words or a trailing "city"."""
    if " " not in key:
        return key
    stripped = _LOOSE.sub(" ", key)
    return key if stripped == key else " ".join(stripped.split()) or key


def loose(key: str) -> str:
    """The core of a folded key with doubled letters single ("shabeelle" and "shabelle", "taizz" and "taiz")."""
    return _DOUBLED.sub(r"\1", core(key))


# The Arabic article as transliterations write it, assimilated or not ("Jisr al-Shughur", "Jisr ash Shughur").
_ARTICLE_SPELLINGS = re.compile(r"\b(?:al|el|ul|ad|adh|an|ar|as|ash|at|ath|az|ez|es|ed|er|et)\s(?=\w)")


def squash(key: str) -> str:
    """A folded key without its spaces and with one spelling of the Arabic article ("jisr al shughur" and
    "jisr ash shughur" are "jisralshughur")."""
    return _ARTICLE_SPELLINGS.sub("al", key).replace(" ", "")


# How much less a match counts when the name is not the place's main name: the main name once "al-",
# "province", "city" were set aside; another spelling of it ("Sloviansk" of Slovyansk, which counts for
# more than another name: GeoNames gives "Sloviansk" to Nikopol too); another name ("San Miguel" is also
# an old name of San Diego).
LOOSE_PENALTY = 0.5
_SPELLING_PENALTY = 0.75
_SPELLING_RATIO = 0.8
_ALTERNATE_PENALTY = 1.0


def name_penalty(primary_name: str, key: str) -> float:
    """How much less a match under folded `key` counts for a place whose main name is `primary_name`."""
    primary = fold(primary_name)
    if primary == key:
        return 0.0
    if loose(primary) == loose(key):
        return LOOSE_PENALTY
    if SequenceMatcher(None, core(primary), core(key)).ratio() >= _SPELLING_RATIO:
        return _SPELLING_PENALTY
    return _ALTERNATE_PENALTY


def is_own_name(primary_name: str, key: str) -> bool:
    """Whether folded `key` is a place's main name, a spelling of it or its leading words ("Iguala" of
    Iguala de la Independencia), not another name GeoNames files it under ("Donbas" of Donetsk)."""
    primary = fold(primary_name)
    return primary.startswith(f"{key} ") or name_penalty(primary_name, key) < _ALTERNATE_PENALTY


def display_name(name: str) -> str:
    """A name for display: transliteration marks ("Kandahār", "Ta‘izz") dropped, Latin-1 accents kept."""
    if not _BEYOND_LATIN1.search(name):
        return name
    text = unicodedata.normalize("NFKD", name.translate(_LATIN_EXTRA))
    text = "".join(ch for ch in text if not unicodedata.combining(ch) and ch not in _MARKS)
    return unicodedata.normalize("NFC", text)


# --- what can be a name ----------------------------------------------------------------------

_PREFIX = re.compile(
    rf"^(?:(?:{'|'.join(sorted(ARTICLES - {'the'}))})[-\u2019' ]+|the\s+)", re.IGNORECASE
)


def strip_prefix(text: str) -> str:
    """Text without a leading "al-", "el-" or "the ", whose case says nothing about the name."""
    text = text.strip()
    rest = _PREFIX.sub("", text, count=1).strip()
    return rest or text


def is_plausible_name(text: str, text_is_upper: bool = False) -> bool:
    """Whether a span of text can be a place name.

    It must start with a capital (after an "al-" or "the"), unless the whole text is in capitals,
    and must not be a function word ("Of", "The"). Capitalised common words ("Police", "March")
    pass here; `Gazetteer.resolve` then asks the context for them.
    """
    rest = strip_prefix(text)
    if not rest or not rest[0].isalpha():
        return False
    if not text_is_upper and not rest[0].isupper():
        return False
    return fold(text) not in FUNCTION_WORDS


@functools.cache
def common_words() -> frozenset[str]:
    """English words that are also place names (`eventdesk/data/common_words.txt`), folded."""
    text = reference_file(COMMON_WORDS).read_text(encoding="utf-8")
    return frozenset(fold(line) for line in text.splitlines() if line.strip() and not line.startswith("#"))


def is_common(key: str) -> bool:
    """Whether a folded name is also an English word or a bare direction ("Central", "North-Western")."""
    rest = core(key)
    return rest in common_words() or all(word in DIRECTIONS for word in rest.split())


# --- phrases ---------------------------------------------------------------------------------

_LEAD = re.compile(
    r"^\s*(?:in\s+|near\s+)?(?:the\s+)?(?P<kind>village|town|city|area|outskirts|suburbs?|district|province"
    r"|state|region|governorate|county|department)\s+of\s+",
    re.IGNORECASE,
)
_OF_SPLIT = re.compile(
    r"^(?P<head>.+?\b(?:district|province|county|municipality|rayon|region|governorate|state|department))"
    r"\s+of\s+(?P<tail>.+)$",
    re.IGNORECASE,
)
_PART_EDGES = " \t\n-\u2013\u2014.;:()"


def phrase_parts(text: str) -> list[str]:
    """ "Dand district of Kandahar province, Afghanistan" -> ["Dand district", "Kandahar province", "Afghanistan"]."""
    lead = _LEAD.match(text)
    if lead:
        text = text[lead.end():]
        kind = lead.group("kind").lower()
        if kind in ADMIN1_WORDS or kind in ADMIN2_WORDS:  # "the province of Kandahar" -> "Kandahar province"
            head, sep, rest = text.partition(",")
            text = f"{head.strip()} {kind}{sep}{rest}"
    parts: list[str] = []
    for chunk in text.split(","):
        match = _OF_SPLIT.match(chunk.strip())
        parts.extend(match.group("head", "tail") if match else (chunk,))
    return [p.strip(_PART_EDGES) for p in parts if p.strip(_PART_EDGES)]
