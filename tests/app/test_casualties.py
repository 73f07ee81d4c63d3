"""Casualties page: killed and injured by event, date, place and initiator, with qualifiers."""

from __future__ import annotations

from eventdesk.dashboard import counts, query


def test_casualties_show_the_qualified_totals(open_page):
    app = open_page("casualties")
    assert {m.label: m.value for m in app.metric} == {"Killed": "at least 84", "Injured": "284"}


def test_every_breakdown_shows_at_least_84(open_page):
    app = open_page("casualties")
    by_event, by_date, by_place, by_actor, history = (frame.value for frame in app.dataframe)
    assert by_event[counts.KILLED_SHOWN].iloc[0] == "at least 84"
    assert by_date[[query.PERIOD, counts.KILLED_SHOWN]].iloc[0].tolist() == ["2024-01-03", "at least 84"]
    assert by_place[[query.PLACE, counts.INJURED_SHOWN]].iloc[0].tolist() == ["Kerman, Iran", "284"]
    assert by_actor[[query.ACTOR, counts.KILLED_SHOWN]].iloc[0].tolist() == ["Islamic State", "at least 84"]
    assert history[[counts.KILLED_SHOWN, counts.INJURED_SHOWN]].iloc[0].tolist() == ["at least 84", "284"]
    assert len(app.get("plotly_chart")) == 4


def test_casualties_follow_the_filter(open_page):
    app = open_page("casualties", type="warning")
    assert {m.label: m.value for m in app.metric} == {"Killed": "not reported", "Injured": "not reported"}
