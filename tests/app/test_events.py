"""Events page: the filtered table with every column, and its CSV downloads."""

from __future__ import annotations

import io

import pandas as pd

from eventdesk import schema
from eventdesk.dashboard import filters, query, ui
from eventdesk.store import export


def test_the_table_has_every_column_and_every_event(open_page, seed_table):
    table = open_page("events").dataframe[0].value
    assert tuple(table.columns) == schema.INCIDENT_FIELDS
    assert sorted(table[schema.EVENT_ID]) == sorted(seed_table[schema.EVENT_ID])


def test_download_buttons_exist(open_page):
    labels = [b.proto.label for b in open_page("events").get("download_button")]
    assert labels[:2] == ["Download events (CSV)", "Download relations (CSV)"]


def test_the_csv_holds_exactly_the_filtered_rows(open_page, seed_table):
    app = open_page("events", actor="Islamic State")
    shown = app.dataframe[0].value
    view = filters.apply(seed_table, filters.Filter(actors=("Islamic State",)))
    data = export.to_csv_bytes(query.events_table(view))
    parsed = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
    assert list(parsed.columns) == list(schema.INCIDENT_FIELDS)
    assert list(parsed[schema.EVENT_ID]) == list(shown[schema.EVENT_ID])
    assert {"bombing", "claim"} <= set(parsed[schema.EVENT_TYPE])
    assert len(parsed) < len(seed_table)


def test_text_search_narrows_the_table(open_page):
    table = open_page("events", q="claimed responsibility").dataframe[0].value
    assert list(table[schema.EVENT_TYPE]) == ["claim"]


def test_an_actor_with_no_events_empties_the_table_and_says_so(open_page):
    app = open_page("events", actor="Hezbollah")
    assert len(app.dataframe) == 0
    assert [i.value for i in app.info] == [ui.EMPTY_MESSAGE]
    assert len(app.get("download_button")) == 0
