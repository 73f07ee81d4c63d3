"""event_detail.py: one incident's sources, merge reasons, figures and figure history, as the pages show them."""

from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from eventdesk import schema
from eventdesk.dashboard import counts, event_detail
from eventdesk.store import incidents as store_incidents
from eventdesk.store import tables


def reports(*rows: dict) -> pd.DataFrame:
    base = {schema.EVENT_ID: "i1", schema.ARTICLE_ID: "a", schema.EVENT_TYPE: "bombing", schema.DATE: "2024-03-12",
            schema.DATE_PRECISION: "day", schema.GEO_PRECISION: "city", schema.LOCATION: "Maiduguri",
            schema.EVIDENCE_START: 0, schema.EVIDENCE_END: 1, schema.CONFIDENCE: 0.9}
    return schema.conform(pd.DataFrame([{**base, schema.REPORT_ID: f"r{i}", **row} for i, row in enumerate(rows)]),
                          schema.REPORT_COLUMNS)


MAIDUGURI = reports(
    {schema.SOURCE: "Reuters", schema.PUBLISHED: "2024-03-12", schema.KILLED: 12, schema.KILLED_QUALIFIER: "at_least",
     schema.INJURED: 30, schema.INJURED_QUALIFIER: "exact", schema.MERGE_REASON: "founded the incident",
     schema.EVIDENCE: "At least 12 people were killed."},
    {schema.SOURCE: "AFP", schema.PUBLISHED: "2024-03-13", schema.KILLED: 19, schema.KILLED_QUALIFIER: "exact",
     schema.MERGE_REASON: "same kind (bombing)", schema.EVIDENCE: "The blast killed 19 <people>."},
    {schema.SOURCE: "Premium Times", schema.PUBLISHED: "2024-03-15", schema.KILLED: 17,
     schema.KILLED_QUALIFIER: "exact", schema.INJURED: 45, schema.INJURED_QUALIFIER: "exact",
     schema.MERGE_REASON: "same kind (bombing)", schema.EVIDENCE: "Seventeen died."},
    {schema.SOURCE: "Blog", schema.PUBLISHED: None, schema.KILLED: 20, schema.KILLED_QUALIFIER: "about",
     schema.MERGE_REASON: "same kind (bombing)", schema.EVIDENCE: "About 20 died."},
)


def event(**values) -> pd.Series:
    return pd.Series({schema.KILLED_QUALIFIER: "exact", schema.INJURED_QUALIFIER: "exact", **values})


def events(*rows: dict) -> pd.DataFrame:
    base = {schema.ARTICLE_ID: "a", schema.EVENT_TYPE: "bombing", schema.DATE_PRECISION: "day",
            schema.GEO_PRECISION: "city", schema.EVIDENCE: "s", schema.EVIDENCE_START: 0, schema.EVIDENCE_END: 1,
            schema.CONFIDENCE: 0.9, schema.N_SOURCES: 1}
    return schema.conform(pd.DataFrame([{**base, **row} for row in rows]), schema.INCIDENT_COLUMNS)


def test_table_counts_count_events_reports_and_merged_events():
    table = events({schema.EVENT_ID: "a", schema.N_REPORTS: 4}, {schema.EVENT_ID: "b", schema.N_REPORTS: 1})
    assert counts.table_counts(table) == counts.TableCounts(events=2, reports=5, merged=1)


def test_choices_put_the_most_reported_first_and_label_them():
    table = events(
        {schema.EVENT_ID: "one", schema.DATE: "2024-03-20", schema.LOCATION: "Kano", schema.COUNTRY: "Nigeria",
         schema.N_REPORTS: 1},
        {schema.EVENT_ID: "four", schema.DATE: "2024-03-12", schema.LOCATION: "Maiduguri", schema.COUNTRY: "Nigeria",
         schema.N_REPORTS: 4, schema.N_SOURCES: 3, schema.KILLED: 17},
        {schema.EVENT_ID: "undated", schema.N_REPORTS: 1},
    )
    choices = event_detail.event_choices(table)
    assert list(choices.index) == ["four", "one", "undated"]
    assert choices["four"] == "2024-03-12 · bombing · Maiduguri, Nigeria · 4 reports, 3 sources"
    assert choices["undated"] == "undated · bombing · (unknown place) · 1 report, 1 source"
    assert list(event_detail.event_choices(table, max_choices=1).index) == ["four"]
    assert list(event_detail.event_choices(table, with_figures=True).index) == ["four"]
    assert event_detail.event_row(table, "one")[schema.LOCATION] == "Kano"
    assert event_detail.event_row(table, "gone") is None


def test_a_row_of_the_stored_table_reads_missing_text_as_na(tmp_path):
    path = tmp_path / "events.parquet"
    events({schema.EVENT_ID: "one", schema.LOCATION: "Kano", schema.N_REPORTS: 1}).to_parquet(path, index=False)
    row = event_detail.event_row(tables.Table.from_parquet(path), "one")
    assert row[schema.LOCATION] == "Kano"
    assert row[schema.CLAIMED_BY] is pd.NA


@pytest.mark.parametrize(
    ("values", "figure", "shown"),
    [
        pytest.param({schema.KILLED_LOW: 12, schema.KILLED_BEST: 17, schema.KILLED_HIGH: 19}, "killed",
                     "17 (reports: 12 to 19)", id="reports-differ"),
        pytest.param({schema.KILLED_LOW: 84, schema.KILLED_BEST: 84, schema.KILLED_HIGH: 84,
                      schema.KILLED_QUALIFIER: "at_least"}, "killed", "at least 84", id="reports-agree"),
        pytest.param({schema.INJURED_LOW: None, schema.INJURED_BEST: None}, "injured", "not reported", id="none"),
    ],
)
def test_figure_text_gives_the_best_figure_and_the_range(values, figure, shown):
    assert event_detail.figure_text(event(**values), figure) == shown


def test_figure_ranges_and_headline_figures_of_an_event():
    row = event(**{schema.KILLED_LOW: 12, schema.KILLED_BEST: 17, schema.KILLED_HIGH: 19, schema.N_SOURCES: 3})
    assert event_detail.figure_ranges(row) == {"killed": (12, 17, 19), "injured": (None, None, None)}
    assert event_detail.event_figures(row, MAIDUGURI) == {
        "Killed": "17 (reports: 12 to 19)", "Injured": "not reported", "Reports": "4", "Sources": "3"}


def test_sources_table_lists_each_report_with_its_figures_and_reason():
    table = event_detail.sources_table(MAIDUGURI)
    assert list(table.columns) == list(event_detail.SOURCE_COLUMNS)
    assert list(table[schema.SOURCE]) == ["Reuters", "AFP", "Premium Times", "Blog"]
    assert list(table[counts.KILLED_SHOWN]) == ["at least 12", "19", "17", "about 20"]
    assert list(table[counts.INJURED_SHOWN]) == ["30", "", "45", ""]
    assert list(table[schema.MERGE_REASON])[:2] == ["founded the incident", "same kind (bombing)"]


def test_report_labels_name_the_outlet_date_and_figures():
    labels = event_detail.report_labels(MAIDUGURI)
    assert labels["r0"] == "Reuters, 2024-03-12; at least 12 killed, 30 injured · r0"
    assert labels["r1"] == "AFP, 2024-03-13; 19 killed · r1"
    assert labels["r3"] == "Blog, undated; about 20 killed · r3"


def test_merge_reasons_group_the_outlets_by_reason():
    expected = pd.DataFrame({schema.MERGE_REASON: ["founded the incident", "same kind (bombing)"],
                             schema.SOURCE: ["Reuters", "AFP, Premium Times, Blog"]}).astype("string")
    assert_frame_equal(event_detail.merge_reasons(MAIDUGURI).astype("string"), expected)


def test_an_event_without_dated_reports_has_no_history_to_draw():
    undated = MAIDUGURI.assign(**{schema.PUBLISHED: None})
    gap = event_detail.history_gap(store_incidents.history(undated))
    assert gap.startswith("No dated reports for this event: none of its 4 report(s) with a figure has a publication")
    assert len(event_detail.history_points(store_incidents.history(undated))) == 0


def test_reports_without_figures_have_no_history_to_draw():
    no_figures = MAIDUGURI.assign(**{schema.KILLED: None, schema.INJURED: None})
    gap = event_detail.history_gap(store_incidents.history(no_figures))
    assert gap.startswith("No report of this event gives a killed or injured figure")


def test_one_dated_report_with_a_figure_is_a_history():
    assert event_detail.history_gap(store_incidents.history(MAIDUGURI)) is None
    assert event_detail.history_gap(store_incidents.history(MAIDUGURI.iloc[[3, 0]])) is None


def test_history_points_place_each_dated_figure_at_its_report_date():
    history = store_incidents.history(MAIDUGURI)
    points = event_detail.history_points(history)
    killed = points[points[event_detail.FIGURE] == "killed"]
    assert list(killed[event_detail.VALUE]) == [12, 19, 17]  # the undated Blog report has no place on the axis
    assert list(killed[event_detail.REPORT_DATE].dt.strftime("%Y-%m-%d")) == ["2024-03-12", "2024-03-13", "2024-03-15"]
    assert list(killed[event_detail.SHOWN]) == ["at least 12", "19", "17"]
    injured = points[points[event_detail.FIGURE] == "injured"]
    assert list(injured[event_detail.VALUE]) == [30, 45]
    assert "The blast killed 19 &lt;people&gt;." in killed.iloc[1][event_detail.HOVER]  # article text is escaped
    assert event_detail.count_undated(history) == 1
    assert list(event_detail.history_table(history)[schema.SOURCE]) == ["Reuters", "AFP", "Premium Times", "Blog"]
