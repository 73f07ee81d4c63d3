"""Timeline page: the plotly timeline of the filtered events."""

from __future__ import annotations

import json

from eventdesk import schema
from eventdesk.dashboard import query, timeline


def _spec(app) -> dict:
    (chart,) = app.get("plotly_chart")
    return json.loads(chart.proto.spec)


def _points(spec: dict) -> dict[str, list]:
    return {t["name"]: t["x"] for t in spec["data"] if t.get("mode") == "markers" and t.get("name")}


def test_timeline_has_a_row_per_event_type_with_the_bombing_on_3_january(open_page, seed_table):
    spec = _spec(open_page("timeline"))
    points = _points(spec)
    assert points["bombing"][0].startswith("2024-01-03")
    assert points["claim"][0].startswith("2024-01-04")
    dated = timeline.timeline_frame(seed_table)
    assert set(spec["layout"]["yaxis"]["categoryarray"]) == set(dated[schema.EVENT_TYPE])
    assert sum(len(x) for x in points.values()) == len(dated)
    hover = next(t for t in spec["data"] if t.get("name") == "bombing")["hovertext"][0]
    assert "at least 84" in hover and "Islamic State" in hover


def test_timeline_can_put_one_row_per_initiator(open_page, seed_table):
    app = open_page("timeline")
    app.button_group[0].set_value(query.ACTOR).run()
    rows = _spec(app)["layout"]["yaxis"]["categoryarray"]
    assert "Islamic State" in rows
    assert set(rows) == set(timeline.timeline_frame(seed_table, by=query.ACTOR)[timeline.ROW])


def test_timeline_joins_the_claim_to_the_bombing(open_page):
    spec = _spec(open_page("timeline"))
    (link,) = [t for t in spec["data"] if t.get("name") == "linked events"]
    assert sorted(link["y"][:2]) == ["bombing", "claim"]


def test_timeline_follows_the_filter(open_page):
    spec = _spec(open_page("timeline", type="claim"))
    assert set(_points(spec)) == {"claim"}


def test_the_timeline_counts_undated_events(open_page, seed_table):
    undated = timeline.count_undated(seed_table)
    captions = [c.value for c in open_page("timeline").caption]
    assert any(c.startswith(f"{undated} event") and "no usable date" in c for c in captions) == (undated > 0)
