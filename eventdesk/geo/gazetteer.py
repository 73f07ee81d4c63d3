"""The offline gazetteer: place names read in news text to places with coordinates.

Owns `Place` and `Context`, the rules that pick one place for a name given the rest of the
text (a country named in the text first, then a province named in the text, then population),
the reading of "Town, Province, Country" phrases, and the one `distance_km` (haversine on the
mean Earth radius) that the rest of eventdesk uses.

The index itself is built from bundled tables, and cached, by `eventdesk.geo.build`
(`load_gazetteer()`); names are folded for matching by `eventdesk.geo.names`; the optional
online geocoder is `eventdesk.geo.online`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from eventdesk.geo.names import (
    ABBREVIATIONS,
    ADMIN1_WORDS,
    ADMIN2_WORDS,
    LOOSE_PENALTY,
    core,
    fold,
    is_common,
    is_plausible_name,
    loose,
    name_penalty,
    phrase_parts,
    squash,
)

EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)

# Kinds of entry in the index. A district (admin2) is returned with precision "city":
# its point, the middle of its towns, is good to a few tens of kilometres.
CITY, ADMIN2, ADMIN1, COUNTRY = "city", "admin2", "admin1", "country"
KINDS = (COUNTRY, ADMIN1, ADMIN2, CITY)

# Added to log10(population) when ranking: a division's population is the sum of its towns,
# so a town usually outranks the province or district named after it.
_KIND_BONUS = {COUNTRY: 0.0, ADMIN1: -1.0, ADMIN2: -1.5, CITY: 0.0}
# Names this long or longer are also matched with their spaces set aside: shorter ones would meet
# other names by chance ("Al Bu" and "Albu").
_SQUASHED_MIN_LETTERS = 7


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
    Calif." binds a later bare "San Jose" to California's): one sense per article. `area` is the
    province or state a dateline writes out ("YORK, Pa. —"), inside which a local paper's towns lie.
    """

    countries: Mapping[str, float] = field(default_factory=dict)
    admin1: Mapping[tuple[str, str], float] = field(default_factory=dict)
    text_is_upper: bool = False
    bindings: Mapping[str, Place] = field(default_factory=dict)
    area: tuple[str, str] | None = None  # (country code, province) a dateline writes out: "YORK, Pa. —"
    # Country code -> the words that made it weigh without being a place name ('"Yemeni troops"'), and
    # how much of its weight they make: a hint ranks a country's towns first, but names no place.
    reasons: Mapping[str, str] = field(default_factory=dict)
    hinted: Mapping[str, float] = field(default_factory=dict)

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
        return replace(self, countries=countries, admin1=admin1)

    def with_hint(self, place: Place, weight: float, words: str) -> Context:
        """This context plus `place`'s country at `weight`, for the reason `words` (a demonym, an actor)."""
        code = place.country_code
        reasons = {**self.reasons, code: "; ".join(filter(None, (self.reasons.get(code), words)))}
        hinted = {**self.hinted, code: self.hinted.get(code, 0.0) + weight}
        return replace(self.with_place(place, weight), reasons=reasons, hinted=hinted)

    def named_weight(self, country_code: str) -> float:
        """The weight of a country from the names of places alone, its hints set aside."""
        return self.countries.get(country_code, 0.0) - self.hinted.get(country_code, 0.0)

    def with_binding(self, name: str, place: Place) -> Context:
        """This context with `name` bound to `place` wherever it is read bare."""
        return replace(self, bindings={**self.bindings, fold(name): place})

    def with_area(self, place: Place) -> Context:
        """This context with the province of `place` as the one a dateline writes out."""
        area = (place.country_code, place.admin1) if place.admin1 else None
        return replace(self, area=area)

    def weighs(self, place: Place) -> tuple[float, float]:
        """The weights of `place`'s country and province in this context."""
        admin1 = self.admin1.get((place.country_code, place.admin1), 0.0) if place.admin1 else 0.0
        return self.countries.get(place.country_code, 0.0), admin1


def _admin_hint(key: str) -> str | None:
    """The kind of division a name says it is: "Borno State" is an admin1, "Dand district" an admin2."""
    words = set(key.split())
    if words & ADMIN1_WORDS:
        return ADMIN1
    if words & ADMIN2_WORDS:
        return ADMIN2
    return None


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


# --- the gazetteer ---------------------------------------------------------------------------

# kind -> folded key -> the place, or places, filed under it (made by `eventdesk.geo.build`).
_Entry = Place | tuple[Place, ...]
Index = dict[str, dict[str, _Entry]]


class _Match(NamedTuple):
    """A place found under a name: what kind of entry it is and how well the name matched."""

    place: Place
    kind: str
    penalty: float

    def rank(self) -> float:
        return math.log10(self.place.population + 1) + _KIND_BONUS[self.kind] - self.penalty


class Gazetteer:
    """Countries, provinces, districts and towns by name; get the shared one with `eventdesk.geo.load_gazetteer()`."""

    def __init__(
        self, index: Index, codes: dict[str, Place], towns: list[Place], demonyms: Mapping[str, str] | None = None
    ) -> None:
        self._index = index
        self._codes = codes  # ISO alpha-2 and alpha-3 codes -> country
        self._towns = towns
        self._demonyms = dict(demonyms or {})  # folded demonym -> ISO alpha-2
        self._radians: tuple[object, object] | None = None  # for nearest(), made on first use
        self._squashed: dict[str, dict[str, str]] | None = None  # for _lookup(), made on first use

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_radians": None, "_squashed": None}  # made again on first use

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
        """Entries of these kinds under `key` or its loose form, each with how well it matched; failing
        that, under the same letters spaced otherwise ("Deir Ezzor" is "Deir ez-Zor", "Al Bab" "Albab")."""
        kinds = tuple(kinds)
        found = self._lookup_keys(key, dict.fromkeys((key, core(key), loose(key))), kinds, 0.0)
        if not found and len(key) >= _SQUASHED_MIN_LETTERS:
            squashed = self._squashed_keys()
            forms = (key.replace(" ", ""), squash(key))
            keys = {squashed[kind].get(form, "") for kind in kinds for form in forms} - {""}
            found = self._lookup_keys(key, dict.fromkeys(keys), kinds, LOOSE_PENALTY)
        return found

    def _lookup_keys(self, key: str, keys: Iterable[str], kinds: tuple[str, ...], penalty: float) -> list[_Match]:
        found: dict[int, _Match] = {}
        for kind in kinds:
            for place in (p for k in keys for p in self._get(kind, k)):
                match = _Match(place, kind, max(penalty, name_penalty(place.name, key)))
                if id(place) not in found or match.penalty < found[id(place)].penalty:
                    found[id(place)] = match
        return list(found.values())

    def _squashed_keys(self) -> dict[str, dict[str, str]]:
        """kind -> a key without its spaces -> the key (the first one filed, when two squash alike)."""
        if self._squashed is None:
            self._squashed = {kind: {} for kind in KINDS}
            for kind, bucket in self._index.items():
                table = self._squashed[kind]
                for key in (k for k in bucket if " " in k):  # a one-word key is found as it is
                    table.setdefault(key.replace(" ", ""), key)
                    table.setdefault(squash(key), key)
        return self._squashed

    def country(self, name: str, iso_codes: bool = True) -> Place | None:
        """The country `name` stands for: a name, a common alternate, an abbreviation, a demonym.

        "Britain", "UK", "DRC", "DR Congo", "Ivory Coast", "Burma", "the Philippines" all work.
        Abbreviations and codes count only in capitals ("US", not "us"); ISO codes other than
        the usual abbreviations ("US", "UK", "UAE", "DRC") only if `iso_codes`.
        """
        text = name.strip()
        code = text.replace(".", "")
        if text.isupper() and (code in ABBREVIATIONS or (iso_codes and code in self._codes)):
            return self._codes.get(ABBREVIATIONS.get(code, code))
        found = self._lookup(fold(text), (COUNTRY,))
        if found:
            return max(found, key=lambda m: (-m.penalty, m.place.population)).place
        return self._codes.get(self._demonyms.get(fold(text), ""))

    def demonym(self, word: str) -> Place | None:
        """The country a demonym names ("Yemeni", "Afghans", "South Sudanese"), or None for any other word."""
        return self._codes.get(self._demonyms.get(fold(word), ""))

    def admin1(self, name: str, country_code: str | None = None) -> Place | None:
        """The province, state or region called `name` ("Kandahar Province", "Borno State", "Nangarhar")."""
        found = [m for m in self._lookup(fold(name), (ADMIN1,)) if country_code in (None, m.place.country_code)]
        return max(found, key=_Match.rank).place if found else None

    def candidates(self, name: str) -> list[Place]:
        """Every country, province, district and town with this name or alternate name, likeliest first."""
        return [m.place for m in sorted(self._lookup(fold(name), KINDS), key=_Match.rank, reverse=True)]

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
        if not context.text_is_upper and name.strip().replace(".", "") in ABBREVIATIONS:
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
        common = hint is None and is_common(key)
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
        parts = phrase_parts(text)
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
        readings = [_Match(country, COUNTRY, 0.0)] if country is not None else []
        ranked = self._ranked(fold(part), _narrowed(context, within), within)
        readings += sorted(ranked, key=lambda m: KINDS.index(m.kind))
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
            return _Match(country, COUNTRY, 0.0)
        ranked = self._ranked(fold(part), _narrowed(context, within), within)
        return min(ranked, key=lambda m: KINDS.index(m.kind), default=None)

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
        common = _admin_hint(key) is None and is_common(key)
        abbreviation = name.strip().replace(".", "") in ABBREVIATIONS
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
        return province if best is not None and best.kind == ADMIN1 else None

    # -- coordinates --

    def _haversines(self, lat: float, lon: float):
        """The haversine of the angle from a point to every town (the index's arrays made on first use)."""
        import numpy as np

        if self._radians is None:
            self._radians = (
                np.radians(np.array([t.lat for t in self._towns])),
                np.radians(np.array([t.lon for t in self._towns])),
                np.array([t.country_code for t in self._towns]),
            )
        lats, lons, _codes = self._radians
        phi, lam = math.radians(lat), math.radians(lon)
        return np.sin((lats - phi) / 2) ** 2 + np.cos(lats) * math.cos(phi) * np.sin((lons - lam) / 2) ** 2

    def nearest(self, lat: float, lon: float) -> Place | None:
        """The town nearest to a point."""
        import numpy as np

        if not self._towns:
            return None
        return self._towns[int(np.argmin(self._haversines(lat, lon)))]

    def km_to_country(self, lat: float, lon: float, country_code: str) -> float | None:
        """Distance in kilometres from a point to the nearest town of a country (None if it has none)."""
        import numpy as np

        if not self._towns:
            return None
        h = self._haversines(lat, lon)
        inside = h[self._radians[2] == country_code]
        if inside.size == 0:
            return None
        return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(float(np.min(inside)))))


_KIND_ORDER: dict[str | None, tuple[tuple[str, ...], ...]] = {
    None: (KINDS,),
    ADMIN1: ((ADMIN1,), (ADMIN2,), (CITY,)),
    ADMIN2: ((ADMIN2,), (ADMIN1,), (CITY,)),
}

# In all-capitals text every word may be a name: a town there must be in a country the text
# names, or be this large ("MASSACRE" is a hamlet in Dominica, "SAN SALVADOR" a capital).
_UPPER_TEXT_MIN_POPULATION = 100_000


def _admissible(match: _Match, context: Context, within: _Match | None, common_word: bool) -> bool:
    """Whether a match may stand: inside the containing place, if any; for a common word, in the context."""
    if within is not None and not _is_within(match, within):
        return False
    if match.kind == COUNTRY and match.penalty == 0:
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
    if best.kind == CITY or best.kind == COUNTRY:
        return ranked
    town = next((m for m in ranked if m.kind == CITY and _is_within(m, best)), None)
    if town is None or town.place.population * 50 < best.place.population:
        return ranked
    return [town, *(m for m in ranked if m is not town)]


def _is_within(match: _Match, container: _Match) -> bool:
    """Whether a match lies inside a container (a town standing for its province)."""
    place, box = match.place, container.place
    if place is box or place.country_code != box.country_code:
        return False
    if container.kind == COUNTRY:
        return True
    if container.kind == ADMIN2:
        return match.kind != ADMIN1 and place.admin1 == box.admin1 and place.admin2 == box.admin2
    return box.admin1 is None or place.admin1 == box.admin1


def _narrowed(context: Context, within: _Match | None) -> Context:
    """The context with the containing place weighing more than anything else the text says."""
    return context if within is None else context.with_place(within.place, weight=1000.0)
