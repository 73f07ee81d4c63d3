"""Casualties page: killed and injured by event, date, place and initiator, with qualifiers."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk import schema
from eventdesk.dashboard import counts, query
from eventdesk.store import ingest

UNDATED = """Two soldiers killed in roadside blast near Gao

Two Malian soldiers were killed and four wounded when their vehicle struck a roadside bomb near Gao,
the army said in a statement. No group has claimed the attack.
"""


@pytest.fixture(scope="module")
def undated_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of one article without a publication date (a .txt file with no front matter)."""
    articles = tmp_path_factory.mktemp("undated-articles")
    (articles / "gao.txt").write_text(UNDATED, encoding="utf-8")
    folder = tmp_path_factory.mktemp("undated-store")
    ingest.ingest_paths([articles], folder, workers=1)
    return folder


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
    # by date, place and initiator; the seed's one report has no publication date, so no history chart
    assert len(app.get("plotly_chart")) == 3


def test_casualties_follow_the_filter(open_page):
    app = open_page("casualties", type="warning")
    assert {m.label: m.value for m in app.metric} == {"Killed": "not reported", "Injured": "not reported"}


def test_an_event_without_dated_reports_says_so_instead_of_an_empty_chart(open_store_page, undated_store):
    app = open_store_page(undated_store, "casualties")
    notes = [i.value for i in app.info]
    assert any(n.startswith("No dated reports for this event") for n in notes), notes
    assert len(app.get("plotly_chart")) == 3  # by date, place and initiator: no history chart
    history = app.dataframe[-1].value
    assert history[counts.KILLED_SHOWN].tolist() == ["2"] and history[schema.PUBLISHED].isna().all()


def test_an_event_with_dated_reports_draws_its_history(open_store_page, corpus_store):
    app = open_store_page(corpus_store, "casualties")
    assert not any(i.value.startswith("No dated reports") for i in app.info)
    assert len(app.get("plotly_chart")) == 4
    assert any(c.value.startswith("Killed: ") and "Each point is one report's figure" in c.value for c in app.caption)
    assert app.dataframe[-1].value[schema.PUBLISHED].notna().all()  # the most reported event: every report dated
