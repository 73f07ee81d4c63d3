"""Events page: the exports of the filtered events (ACLED, UCDP, GeoJSON, XLSX), each file read back.

The page's buttons make their files when clicked; here the files are taken from what each button
registered with Streamlit and read with pandas, json and openpyxl.
"""

from __future__ import annotations

import dataclasses
import io
import json
from collections.abc import Callable

import openpyxl
import pandas as pd
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from eventdesk import schema
from eventdesk.dashboard import filters
from eventdesk.store import formats

LABELS = ["Download ACLED-shaped CSV", "Download UCDP-shaped CSV", "Download GeoJSON", "Download Excel workbook"]


@pytest.fixture
def page_files(monkeypatch) -> dict[str, Callable[[], bytes]]:
    """The files the pages' download buttons offer, by file name: what a click would download."""
    offered: dict[str, Callable[[], bytes]] = {}
    register = MediaFileManager.add_deferred

    def recording(self, data_callable, mimetype, coordinates, file_name=None, **options):
        offered[file_name] = data_callable
        return register(self, data_callable, mimetype, coordinates, file_name, **options)

    monkeypatch.setattr(MediaFileManager, "add_deferred", recording)
    return offered


def test_the_events_page_offers_every_export(open_page):
    buttons = open_page("events").get("download_button")
    labels = [b.proto.label for b in buttons]
    assert labels[-4:] == LABELS
    assert not any(b.proto.disabled for b in buttons)


def test_the_exports_hold_the_filtered_events(open_page, page_files, seed_table):
    open_page("events", actor="Islamic State")
    view = filters.apply(seed_table, filters.Filter(actors=("Islamic State",)))
    expected = sorted(view.to_frame()[schema.EVENT_ID])
    acled = pd.read_csv(io.BytesIO(page_files["events-acled.csv"]()), encoding="utf-8-sig", dtype=str)
    assert sorted(acled["event_id_cnty"]) == expected
    assert set(acled["event_type"]) <= {"Explosions/Remote violence", "Battles", "Violence against civilians",
                                        "Strategic developments"}
    ucdp = pd.read_csv(io.BytesIO(page_files["events-ucdp.csv"]()), encoding="utf-8-sig", dtype=str)
    assert sorted(ucdp["id"]) == expected
    features = json.loads(page_files["events.geojson"]())["features"]
    located = view.to_frame().dropna(subset=[schema.LAT, schema.LON])
    assert sorted(f["id"] for f in features) == sorted(located[schema.EVENT_ID])
    book = openpyxl.load_workbook(io.BytesIO(page_files["events.xlsx"]()))
    rows = list(book["events"].values)
    assert sorted(r[0] for r in rows[1:]) == expected
    assert [r[0] for r in list(book["columns"].values)[1:]] == list(schema.INCIDENT_FIELDS)


def test_the_kerman_bombing_in_the_acled_file(open_page, page_files):
    open_page("events", country="Iran")
    acled = pd.read_csv(io.BytesIO(page_files["events-acled.csv"]()), encoding="utf-8-sig")
    kerman = acled[acled["location"] == "Kerman"]
    assert len(kerman) >= 1
    row = kerman.iloc[0]
    assert (row["country"], row["geo_precision"]) == ("Iran", 1)
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["fatalities"] > 0


def test_a_workbook_too_big_for_a_worksheet_is_not_offered(open_page, monkeypatch):
    monkeypatch.setitem(formats.FORMATS, "xlsx", dataclasses.replace(formats.FORMATS["xlsx"], max_rows=1))
    buttons = {b.proto.label: b.proto for b in open_page("events").get("download_button")}
    assert buttons["Download Excel workbook"].disabled
    assert not buttons["Download GeoJSON"].disabled
