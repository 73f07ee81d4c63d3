"""The exports (store/formats.py) and `eventdesk export`, each file read back as a user would read it.

The corpus store (four incidents: two attacks on police in Quetta, a bombing in Maiduguri reported
four times with 12 to 19 killed, an airstrike on militants in Idlib) gives the real rows; small
tables of incidents written here give the shapes the corpus lacks (a date known to the month, a
place known to the province or the country, a cell that a spreadsheet would run as a formula).
"""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from eventdesk import cli, schema
from eventdesk.dashboard import filters
from eventdesk.store import formats, incidents, store, tables

QUETTA = "3ceb5a35cff2fced"  # the first attack on police in Quetta (2 killed, 3 wounded)


@pytest.fixture
def corpus_view(corpus_ingest) -> tables.View:
    table = tables.Table.from_parquet(corpus_ingest[0] / store.EVENTS_PARQUET)
    yield table.view()
    table.close()


def _incident(**values) -> dict:
    row = {
        "event_id": "e1", "article_id": "a1", "source": "Example Wire", "published": "2023-06-20",
        "event_type": "armed_assault", "date": "2023-06-18", "date_precision": "day", "actor1": "al-Shabaab",
        "actor1_type": "armed_group", "actor2": "villagers", "actor2_type": "civilians", "location": "Mogadishu",
        "admin1": "Banaadir", "country": "Somalia", "lat": 2.03711, "lon": 45.34375, "geo_precision": "city",
        "killed": 5, "killed_qualifier": "at_least", "evidence": "Militants killed at least five villagers.",
        "evidence_start": 0, "evidence_end": 41, "confidence": 0.9,
    }
    row.update(values)
    return row


def _view(*rows: dict) -> tables.View:
    frame = schema.validate(incidents.single_incidents(pd.DataFrame(list(rows))), schema.INCIDENT_COLUMNS)
    return tables.Table.from_frame(frame).view()


def _csv(view: tables.View, name: str) -> pd.DataFrame:
    data = formats.export_bytes(view, name)
    assert data.startswith(b"\xef\xbb\xbf")  # the byte-order mark, for Excel
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype={"event_id": str, "id": str,
                                                                     "event_id_cnty": str})


# ---------------------------------------------------------------------------------------------
# CSV in our own columns
# ---------------------------------------------------------------------------------------------


def test_csv_holds_every_column_of_every_event(corpus_view):
    table = _csv(corpus_view, "csv")
    assert list(table.columns) == list(schema.INCIDENT_FIELDS)
    assert len(table) == 4
    maiduguri = table.set_index(schema.LOCATION).loc["Maiduguri"]
    assert (maiduguri[schema.KILLED_LOW], maiduguri[schema.KILLED_BEST], maiduguri[schema.KILLED_HIGH]) == (12, 17, 19)
    assert (maiduguri[schema.COUNTRY_ISO3], maiduguri[schema.GEONAMEID]) == ("NGA", 2331447)


def test_csv_of_a_filter_holds_its_rows_only(corpus_view):
    view = filters.apply(corpus_view, filters.from_query_string("?country=Pakistan"))
    table = _csv(view, "csv")
    assert set(table[schema.LOCATION]) == {"Quetta"} and len(table) == 2


def test_formula_cells_are_neutralised_in_the_csvs():
    view = _view(_incident(actor1="=HYPERLINK(\"http://x\")", evidence="+41 killed, police said.", source="@wire"))
    for name, columns in (("csv", ("actor1", "evidence", "source")), ("acled", ("actor1", "notes", "source")),
                          ("ucdp", ("side_a", "source_office"))):
        row = _csv(view, name).iloc[0]
        assert all(str(row[c]).startswith("'") for c in columns), name


# ---------------------------------------------------------------------------------------------
# ACLED
# ---------------------------------------------------------------------------------------------


def test_acled_rows_of_the_corpus(corpus_view):
    table = _csv(corpus_view, "acled").set_index("event_id_cnty")
    assert list(table.columns) == [c.name for c in schema.ACLED_COLUMNS[1:]]
    quetta = table.loc[QUETTA]
    # gunmen against a police checkpoint: organised armed people on both sides
    assert (quetta["event_type"], quetta["sub_event_type"]) == ("Battles", "Armed clash")
    assert (quetta["event_date"], quetta["time_precision"], quetta["geo_precision"]) == ("2024-03-04", 1, 1)
    assert quetta["fatalities"] == 2 and quetta["source"] == "Dawn"
    assert quetta["notes"].startswith("Two policemen were killed and three others wounded")
    bombing = table[table["location"] == "Maiduguri"].iloc[0]
    assert (bombing["event_type"], bombing["sub_event_type"]) == (
        "Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert bombing["fatalities"] == 12  # ACLED's rule: the lowest figure reported (12 to 19)
    assert bombing["civilian_targeting"] == "Civilian targeting"  # "crowded market (people)": unarmed people
    airstrike = table[table["location"] == "Idlib"].iloc[0]
    assert airstrike["sub_event_type"] == "Air/drone strike" and pd.isna(airstrike["civilian_targeting"])


@pytest.mark.parametrize(("target", "civilian"), [
    ("crowded market (people)", True), ("worshippers", True), ("a wedding party (guests)", True),
    ("civilians and soldiers", False), ("police officers", False), ("the power station", False)])
def test_unarmed_people_as_the_report_names_them_are_civilian_targeting(target: str, civilian: bool):
    view = _view(_incident(event_id="attack", actor2=target, actor2_type="target"))
    marked = _csv(view, "acled").set_index("event_id_cnty")["civilian_targeting"]
    assert bool(marked["attack"] == "Civilian targeting") is civilian


def test_civilian_targeting_marks_violence_against_civilians_only():
    view = _view(_incident(event_id="attack"), _incident(event_id="claim", event_type="claim"),
                 _incident(event_id="police", actor2="police officers", actor2_type="target"))
    marked = _csv(view, "acled").set_index("event_id_cnty")["civilian_targeting"]
    assert marked["attack"] == "Civilian targeting"
    assert pd.isna(marked["claim"]) and pd.isna(marked["police"])


def test_every_event_type_has_an_acled_type():
    crosswalk = formats.read_crosswalk()
    for event_type in schema.EVENT_TYPES:
        row = crosswalk[(event_type, formats.ANY_TARGET)]
        assert row.acled_event_type and row.acled_sub_event_type and row.note, event_type


@pytest.mark.parametrize(("actor2", "actor2_type", "expected"), [
    ("villagers", "civilians", ("Violence against civilians", "Attack")),
    ("a group of soldiers", "target", ("Battles", "Armed clash")),
    ("Military Forces of Mali", "security_forces", ("Battles", "Armed clash")),
    ("rival militants", "target", ("Battles", "Armed clash")),
    ("a wedding party", "target", ("Violence against civilians", "Attack")),
], ids=["civilians", "soldiers described", "security forces", "militants", "unknown kind"])
def test_an_armed_assault_is_a_battle_only_against_armed_people(actor2, actor2_type, expected):
    row = _csv(_view(_incident(actor2=actor2, actor2_type=actor2_type)), "acled").iloc[0]
    assert (row["event_type"], row["sub_event_type"]) == expected


def test_acled_dates_and_places_at_their_precision():
    view = _view(
        _incident(event_id="month", date="2023-06", date_precision="month"),
        _incident(event_id="year", date="2023", date_precision="year"),
        _incident(event_id="province", location="Lower Shabelle", admin1="Lower Shabelle", lat=1.8, lon=44.5,
                  geo_precision="admin1"),
        _incident(event_id="country", location="Somalia", admin1=None, lat=2.03711, lon=45.34375,
                  geo_precision="country", killed=None, killed_qualifier=None),
    )
    table = _csv(view, "acled").set_index("event_id_cnty")
    assert (table.loc["month", "event_date"], table.loc["month", "time_precision"]) == ("2023-06-01", 3)
    assert pd.isna(table.loc["year", "event_date"]) and pd.isna(table.loc["year", "time_precision"])
    assert table.loc["year", "year"] == 2023
    assert (table.loc["province", "geo_precision"], table.loc["province", "latitude"]) == (3, 1.8)
    country = table.loc["country"]
    # only the country is known: no point that QGIS would draw as the capital
    assert pd.isna(country["geo_precision"]) and pd.isna(country["latitude"]) and pd.isna(country["longitude"])
    assert pd.isna(country["fatalities"])  # no figure reported: unknown, not zero


# ---------------------------------------------------------------------------------------------
# UCDP
# ---------------------------------------------------------------------------------------------


def test_ucdp_rows_of_the_corpus(corpus_view):
    table = _csv(corpus_view, "ucdp")
    assert list(table.columns) == [c.name for c in schema.UCDP_COLUMNS]
    bombing = table[table["where_coordinates"] == "Maiduguri"].iloc[0]
    assert (bombing["best"], bombing["low"], bombing["high"]) == (17, 12, 19)
    assert (bombing["date_start"], bombing["date_end"], bombing["date_prec"]) == ("2024-03-12", "2024-03-12", 1)
    assert (bombing["country"], bombing["adm_1"], bombing["where_prec"]) == ("Nigeria", "Borno", 1)
    assert bombing["latitude"] == pytest.approx(11.84692)
    quetta = table.set_index("id").loc[QUETTA]
    assert (quetta["side_a"], quetta["side_b"]) == ("gunmen", "police checkpoint (policemen)")


def test_ucdp_dates_span_their_month_and_places_their_precision():
    view = _view(_incident(event_id="month", date="2024-02", date_precision="month", geo_precision="admin1"),
                 _incident(event_id="country", date="2023", date_precision="year", geo_precision="country"))
    table = _csv(view, "ucdp").set_index("id")
    assert table.loc["month", ["date_start", "date_end", "date_prec", "where_prec"]].tolist() == [
        "2024-02-01", "2024-02-29", 4, 4]
    assert table.loc["country", ["date_start", "date_end", "date_prec", "where_prec"]].tolist() == [
        "2023-01-01", "2023-12-31", 5, 6]


# ---------------------------------------------------------------------------------------------
# GeoJSON
# ---------------------------------------------------------------------------------------------


def _no_constant(name: str) -> None:
    raise AssertionError(f"{name} is not JSON")


def _geojson(view: tables.View) -> dict:
    return json.loads(formats.export_bytes(view, "geojson").decode("utf-8"), parse_constant=_no_constant)


def test_geojson_has_a_point_feature_per_event_of_the_corpus(corpus_view):
    collection = _geojson(corpus_view)
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 4
    bombing = next(f for f in collection["features"] if f["properties"]["location"] == "Maiduguri")
    assert bombing["geometry"] == {"type": "Point", "coordinates": [13.15712, 11.84692]}  # longitude first
    properties = bombing["properties"]
    assert bombing["id"] == properties["event_id"]
    assert (properties["killed_low"], properties["killed_best"], properties["killed_high"]) == (12, 17, 19)
    assert (properties["geo_precision"], properties["country_iso2"], properties["geonameid"]) == ("city", "NG", 2331447)
    assert properties["evidence"].startswith("Seventeen people") and properties["source"] == "Premium Times"
    assert set(properties) == set(formats.GEOJSON_PROPERTIES)


def test_geojson_leaves_out_events_without_coordinates_and_neutralises_formulas():
    view = _view(_incident(event_id="placed", actor2="-rival fighters", killed=None, killed_qualifier=None),
                 _incident(event_id="unplaced", location=None, admin1=None, country=None, lat=None, lon=None,
                           geo_precision="unknown"))
    features = _geojson(view)["features"]
    assert [f["id"] for f in features] == ["placed"]
    properties = features[0]["properties"]
    assert properties["actor2"] == "'-rival fighters" and properties["killed"] is None
    assert properties["country_iso3"] == "SOM" and properties["geonameid"] == 53654


def test_geojson_of_an_empty_view_is_an_empty_collection(corpus_view):
    view = filters.apply(corpus_view, filters.from_query_string("country=Chile"))
    assert _geojson(view) == {"type": "FeatureCollection", "features": []}


# ---------------------------------------------------------------------------------------------
# XLSX
# ---------------------------------------------------------------------------------------------


def _workbook(view: tables.View):
    return openpyxl.load_workbook(io.BytesIO(formats.export_bytes(view, "xlsx")))


def test_xlsx_holds_the_events_and_what_each_column_means(corpus_view):
    book = _workbook(corpus_view)
    assert book.sheetnames == ["events", "columns"]
    rows = list(book["events"].values)
    assert list(rows[0]) == list(schema.INCIDENT_FIELDS) and len(rows) == 5
    bombing = dict(zip(rows[0], next(r for r in rows[1:] if "Maiduguri" in r), strict=True))
    assert (bombing["killed_low"], bombing["killed_best"], bombing["killed_high"]) == (12, 17, 19)
    assert bombing["lat"] == pytest.approx(11.84692) and bombing["country_iso3"] == "NGA"
    assert bombing["claimed_by"] is None  # an empty cell, not the text "nan"
    meanings = {name: (kind, meaning) for name, kind, meaning in list(book["columns"].values)[1:]}
    assert list(meanings) == list(schema.INCIDENT_FIELDS)
    assert meanings["geonameid"][0] == "Int64" and "GeoNames id" in meanings["geonameid"][1]


def test_xlsx_reads_back_with_pandas(corpus_view):
    table = pd.read_excel(io.BytesIO(formats.export_bytes(corpus_view, "xlsx")), sheet_name="events")
    assert table.set_index(schema.LOCATION).loc["Idlib", schema.KILLED] == 12
    assert sorted(table[schema.SOURCE]) == ["AP", "Dawn", "Premium Times", "Reuters"]


def test_xlsx_cells_are_text_not_formulas_and_hold_no_control_characters():
    view = _view(_incident(actor1="=cmd|' /C calc'!A0", evidence="Gunmen\x0b killed five\x00 villagers."))
    book = _workbook(view)
    header = [cell.value for cell in book["events"][1]]
    row = {name: cell for name, cell in zip(header, book["events"][2], strict=True)}
    assert row["actor1"].data_type == "s" and row["actor1"].value == "'=cmd|' /C calc'!A0"
    assert row["evidence"].value == "Gunmen killed five villagers."


def test_xlsx_refuses_more_rows_than_a_worksheet_holds(corpus_ingest, tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setitem(formats.FORMATS, "xlsx", dataclasses.replace(formats.FORMATS["xlsx"], max_rows=3))
    out = tmp_path / "events.xlsx"
    status = cli.main(["export", "--format", "xlsx", "--out", str(out), "--store", str(corpus_ingest[0])])
    assert status == 1 and not out.exists() and list(tmp_path.iterdir()) == []
    assert "4 events do not fit in one Excel workbook (at most 3): narrow the filter" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------
# The command line
# ---------------------------------------------------------------------------------------------


def test_export_command_writes_the_filtered_events(corpus_ingest, tmp_path: Path, capsys):
    out = tmp_path / "nigeria.csv"
    status = cli.main(["export", "--format", "acled", "--out", str(out), "--store", str(corpus_ingest[0]),
                       "--filter", "http://localhost:8501/events?country=Nigeria&type=bombing"])
    assert status == 0
    assert capsys.readouterr().out.strip() == f"1 of 4 events -> {out} (acled)"
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert table["location"].tolist() == ["Maiduguri"]


def test_export_command_refuses_an_unknown_filter_parameter(corpus_ingest, tmp_path: Path, capsys):
    out = tmp_path / "events.csv"
    status = cli.main(["export", "--format", "csv", "--out", str(out), "--store", str(corpus_ingest[0]),
                       "--filter", "countries=Nigeria"])
    assert status == 2 and not out.exists()
    assert "unknown parameter(s) countries" in capsys.readouterr().err


def test_export_command_without_a_store_says_how_to_make_one(tmp_path: Path, capsys):
    status = cli.main(["export", "--format", "ucdp", "--out", str(tmp_path / "x.csv"), "--store", str(tmp_path)])
    assert status == 1
    err = capsys.readouterr().err
    assert "events.parquet: no event table" in err and "eventdesk ingest" in err
