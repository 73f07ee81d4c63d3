"""tables.py: the event table in the database, a view of it, and the relations aggregated over a view."""

from __future__ import annotations

import pandas as pd
import pandas.testing as pdt
import pytest

from eventdesk import schema
from eventdesk.store import tables


def events(*rows: dict) -> pd.DataFrame:
    base = {schema.ARTICLE_ID: "a1", schema.DATE_PRECISION: "day", schema.GEO_PRECISION: "unknown",
            schema.EVIDENCE: "sentence", schema.EVIDENCE_START: 0, schema.EVIDENCE_END: 8, schema.CONFIDENCE: 0.9}
    return schema.validate(pd.DataFrame([{**base, schema.EVENT_ID: f"e{i}", **row}
                                         for i, row in enumerate(rows, start=1)]))


STRIKE = {schema.EVENT_TYPE: "airstrike", schema.ACTOR1: "Russia", schema.ACTOR2: "rebels"}
CLASHES = [
    {**STRIKE, schema.DATE: "2024-02-01", schema.KILLED: 4},
    {**STRIKE, schema.DATE: "2024-01-05", schema.KILLED: 1, schema.INJURED: 6},
    {schema.EVENT_TYPE: "armed_assault", schema.ACTOR1: "rebels", schema.ACTOR2: "Russia", schema.DATE: "2024-03-01",
     schema.KILLED: 2},
    {schema.EVENT_TYPE: "protest", schema.ACTOR1: "students"},
]


@pytest.fixture
def view():
    table = tables.Table.from_frame(events(*CLASHES))
    yield table.view()
    table.close()


def test_relations_count_the_events_of_each_pair_and_kind_busiest_first(view):
    expected = pd.DataFrame({
        schema.ACTOR1: ["Russia", "rebels"], schema.ACTOR2: ["rebels", "Russia"],
        schema.EVENT_TYPE: ["airstrike", "armed_assault"], schema.N_EVENTS: [2, 1],
        schema.FIRST_DATE: ["2024-01-05", "2024-03-01"], schema.LAST_DATE: ["2024-02-01", "2024-03-01"],
        schema.KILLED: [5, 2], schema.INJURED: [6, None],
    })
    pdt.assert_frame_equal(tables.relations(view), schema.conform(expected, schema.RELATION_COLUMNS))


def test_relations_keep_only_the_rows_a_condition_picks(view):
    rel = tables.relations(view, f"{schema.ACTOR1} = $actor", {"actor": "rebels"})
    assert list(zip(rel[schema.ACTOR1], rel[schema.EVENT_TYPE], rel[schema.N_EVENTS], strict=True)) == [
        ("rebels", "armed_assault", 1)]


def test_a_row_without_both_actors_is_no_relation():
    table = tables.Table.from_frame(events(CLASHES[3], {schema.EVENT_TYPE: "bombing", schema.ACTOR2: "civilians"}))
    try:
        rel = tables.relations(table.view())
    finally:
        table.close()
    assert rel.empty and tuple(rel.columns) == schema.RELATION_FIELDS
