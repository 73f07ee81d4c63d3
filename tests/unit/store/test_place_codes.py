"""Country ISO codes and GeoNames ids of incidents' places, found again in the real gazetteer."""

from __future__ import annotations

import pandas as pd
import pytest

from eventdesk import schema
from eventdesk.store import place_codes, store

PLACES = {
    # a town named by the extractor, at the gazetteer's own point
    "town": (dict(location="Mogadishu", admin1="Banaadir", country="Somalia", lat=2.03711, lon=45.34375,
                  geo_precision="city"), ("SO", "SOM", 53654)),
    # a district and its one town share a point: the district's name gives the district
    "district": (dict(location="Nad Ali", admin1="Helmand", country="Afghanistan", lat=31.64286, lon=64.23982,
                      geo_precision="city"), ("AF", "AFG", 7053029)),
    # the same name as a town gives the province at the province's point
    "province": (dict(location="Kandahar", admin1="Kandahar", country="Afghanistan", lat=31.6411, lon=65.75388,
                      geo_precision="admin1"), ("AF", "AFG", 1138335)),
    "country": (dict(location="Mali", admin1=None, country="Mali", lat=12.60915, lon=-7.97522,
                     geo_precision="country"), ("ML", "MLI", 2453866)),
    # a point no gazetteer entry of that name holds (an online geocoder's): the country, no id
    "elsewhere": (dict(location="Kandahar", admin1="Kandahar", country="Afghanistan", lat=31.0, lon=66.5,
                       geo_precision="point"), ("AF", "AFG", None)),
    "no country": (dict(location=None, admin1=None, country=None, lat=None, lon=None, geo_precision="unknown"),
                   (None, None, None)),
    "unknown country": (dict(location="Springfield", admin1=None, country="Freedonia", lat=39.8, lon=-89.6,
                             geo_precision="city"), (None, None, None)),
}


@pytest.mark.parametrize("case", list(PLACES), ids=list(PLACES))
def test_codes_of_a_place(case):
    place, (iso2, iso3, geonameid) = PLACES[case]
    row = place_codes.add_place_codes(pd.DataFrame([place])).iloc[0]
    found = [None if pd.isna(row[c]) else row[c] for c in (schema.COUNTRY_ISO2, schema.COUNTRY_ISO3, schema.GEONAMEID)]
    assert found == [iso2, iso3, geonameid]


def test_every_row_of_a_place_gets_its_codes():
    rows = pd.DataFrame([PLACES["town"][0], PLACES["no country"][0], PLACES["town"][0]])
    out = place_codes.add_place_codes(rows)
    assert list(out[schema.COUNTRY_ISO3].fillna("-")) == ["SOM", "-", "SOM"]
    assert out[schema.GEONAMEID].dtype == "Int64"


def test_ingested_incidents_carry_the_codes(corpus_ingest):
    events = store.load_events(corpus_ingest[0]).set_index(schema.LOCATION)
    assert events.loc["Maiduguri", [schema.COUNTRY_ISO2, schema.COUNTRY_ISO3, schema.GEONAMEID]].tolist() == [
        "NG", "NGA", 2331447]
    assert set(events.loc["Quetta", schema.GEONAMEID]) == {1167528}
    assert events.loc["Idlib", schema.COUNTRY_ISO3] == "SYR"


def test_reports_are_coded_as_they_are_stored(corpus_ingest):
    reports = store.load_reports(corpus_ingest[0])
    maiduguri = reports[reports[schema.LOCATION].eq("Maiduguri").fillna(False)]
    assert len(maiduguri) >= 1
    assert set(zip(maiduguri[schema.COUNTRY_ISO2], maiduguri[schema.GEONAMEID], strict=True)) == {("NG", 2331447)}


def test_coded_rows_are_not_looked_up_again(monkeypatch):
    def no_gazetteer(*args, **kwargs):
        raise AssertionError("the gazetteer was loaded for rows that have their codes")

    monkeypatch.setattr(place_codes.geo, "load_gazetteer", no_gazetteer)
    rows = [dict(PLACES["town"][0]), dict(PLACES["no country"][0])]
    coded = pd.DataFrame(rows).assign(country_iso2=["SO", None], country_iso3=["SOM", None], geonameid=[53654, None])
    assert place_codes.fill_place_codes(coded) is coded


def test_code_rows_and_uncoded_rows_filled_later():
    rows = [dict(PLACES["town"][0]), dict(PLACES["country"][0]), dict(PLACES["no country"][0])]
    place_codes.code_rows(rows, place_codes.geo.load_gazetteer())
    assert [(r[schema.COUNTRY_ISO2], r[schema.GEONAMEID]) for r in rows] == [("SO", 53654), ("ML", 2453866),
                                                                             (None, None)]
    # A row whose codes were never computed (an older store's report) is looked up; the others are kept.
    frame = pd.DataFrame(rows)
    frame.loc[1, [schema.COUNTRY_ISO2, schema.COUNTRY_ISO3, schema.GEONAMEID]] = None
    filled = place_codes.fill_place_codes(frame)
    assert filled[schema.COUNTRY_ISO3].tolist()[:2] == ["SOM", "MLI"] and filled[schema.GEONAMEID][1] == 2453866
