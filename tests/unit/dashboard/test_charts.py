"""charts.py: the timeline and casualty figures."""

from __future__ import annotations

import pandas as pd

from eventdesk import schema
from eventdesk.dashboard import charts, event_detail, query, timeline


def _events(*rows: dict) -> pd.DataFrame:
    base = {schema.ARTICLE_ID: "a1", schema.GEO_PRECISION: "unknown", schema.EVIDENCE: "s",
            schema.EVIDENCE_START: 0, schema.EVIDENCE_END: 1, schema.CONFIDENCE: 0.9}
    return schema.validate(pd.DataFrame([{**base, schema.EVENT_ID: f"e{i}", **row} for i, row in enumerate(rows)]))


def test_timeline_draws_day_dates_filled_and_month_dates_hollow_on_a_span():
    events = _events(
        {schema.EVENT_TYPE: "bombing", schema.DATE: "2024-01-03", schema.DATE_PRECISION: "day"},
        {schema.EVENT_TYPE: "warning", schema.DATE: "2024-01", schema.DATE_PRECISION: "month"},
    )
    figure = charts.timeline_figure(timeline.timeline_frame(events))
    symbols = {t.name: t.marker.symbol for t in figure.data if t.mode == "markers" and len(t.x)}
    assert symbols == {"bombing": "circle", "warning": "circle-open"}
    (span,) = [t for t in figure.data if t.mode == "lines"]
    assert list(span.x[:2]) == [pd.Timestamp("2024-01-01"), pd.Timestamp("2024-01-31")]


def test_timeline_rows_read_in_order_of_first_event():
    events = _events(
        {schema.EVENT_TYPE: "claim", schema.DATE: "2024-01-04", schema.DATE_PRECISION: "day"},
        {schema.EVENT_TYPE: "bombing", schema.DATE: "2024-01-03", schema.DATE_PRECISION: "day"},
        {schema.EVENT_TYPE: "warning", schema.DATE: "2024-01-02", schema.DATE_PRECISION: "day"},
    )
    figure = charts.timeline_figure(timeline.timeline_frame(events))
    assert list(figure.layout.yaxis.categoryarray) == ["claim", "bombing", "warning"]  # plotly draws bottom-up


def test_timeline_joins_linked_events_with_a_dotted_line():
    events = _events(
        {schema.EVENT_TYPE: "bombing", schema.DATE: "2024-01-03", schema.DATE_PRECISION: "day",
         schema.LINKED_EVENT_ID: "e1"},
        {schema.EVENT_TYPE: "claim", schema.DATE: "2024-01-04", schema.DATE_PRECISION: "day",
         schema.LINKED_EVENT_ID: "e0"},
    )
    figure = charts.timeline_figure(timeline.timeline_frame(events))
    (link,) = [t for t in figure.data if t.name == "linked events"]
    assert link.line.dash == "dot"
    assert list(link.y[:2]) in (["claim", "bombing"], ["bombing", "claim"])


def test_casualties_figure_has_killed_and_injured_bars():
    events = _events({schema.EVENT_TYPE: "bombing", schema.DATE: "2024-01-03", schema.DATE_PRECISION: "day",
                      schema.KILLED: 84, schema.KILLED_QUALIFIER: "at_least", schema.INJURED: 284})
    figure = charts.casualties_figure(query.casualties_by_date(events), query.PERIOD)
    assert [(t.name, list(t.y)) for t in figure.data] == [("killed", [84.0]), ("injured", [284.0])]
    assert "at least 84" in figure.data[0].hovertext[0]


def test_history_draws_each_figure_as_a_step_line_with_its_range_and_best():
    history = pd.DataFrame({
        schema.REPORT_ID: ["r1", "r2", "r3"], schema.SOURCE: ["Reuters", "AFP", "Premium Times"],
        schema.PUBLISHED: ["2024-03-12", "2024-03-13", "2024-03-15"], schema.KILLED: [12, 19, 17],
        schema.KILLED_QUALIFIER: ["at_least", "exact", "exact"], schema.INJURED: [30, None, 45],
        schema.INJURED_QUALIFIER: ["exact", None, "exact"], schema.EVIDENCE: ["a", "b", "c"],
    }).astype({schema.KILLED: "Int64", schema.INJURED: "Int64"})
    ranges = {"killed": (12, 17, 19), "injured": (30, 45, 45)}
    figure = charts.history_figure(event_detail.history_points(history), ranges)
    traces = {t.name: t for t in figure.data}
    assert set(traces) == {"killed as reported", "injured as reported"}
    assert traces["killed as reported"].line.shape == "hv"
    assert list(traces["killed as reported"].y) == [12, 19, 17]
    notes = [a.text for a in figure.layout.annotations]
    assert notes == ["killed low 12 – high 19", "killed best 17", "injured low 30 – high 45", "injured best 45"]
    assert [s.type for s in figure.layout.shapes] == ["rect", "line", "rect", "line"]
    agreed = charts.history_figure(event_detail.history_points(history), {"killed": (17, 17, 17)})
    assert [a.text for a in agreed.layout.annotations] == ["killed best 17"]  # no band when every report agrees
