"""timeline.py: one point per dated event (or per row and month), the links, what is left off."""

from __future__ import annotations

import pandas as pd
import pytest

from eventdesk import schema
from eventdesk.dashboard import timeline

# --- timeline ---------------------------------------------------------------------------------


def test_timeline_frame_marks_precision_and_centres_vague_dates(small):
    frame = timeline.timeline_frame(small)
    by_type = frame.set_index(schema.EVENT_TYPE)
    assert list(frame[schema.EVENT_TYPE]) == ["armed_assault", "warning", "bombing", "claim"]  # the undated is left out
    assert bool(by_type.loc["bombing", timeline.PRECISE]) and not bool(by_type.loc["warning", timeline.PRECISE])
    assert by_type.loc["warning", timeline.START] == pd.Timestamp("2024-01-01")
    assert by_type.loc["warning", timeline.END] == pd.Timestamp("2024-01-31")
    assert by_type.loc["warning", timeline.X] == pd.Timestamp("2024-01-16")
    assert by_type.loc["bombing", timeline.SIZE] > by_type.loc["claim", timeline.SIZE]
    assert "at least 84" in by_type.loc["bombing", timeline.HOVER]
    assert timeline.count_undated(small) == 1


def test_timeline_rows_by_initiator(small):
    frame = timeline.timeline_frame(small, by=timeline.INITIATOR)
    assert sorted(set(frame[timeline.ROW])) == ["Gunmen", "Islamic State", "United States"]


def test_timeline_hover_escapes_article_text(make_events):
    events = make_events(
        {schema.EVENT_TYPE: "attack", schema.DATE: "2024-01-01", schema.EVIDENCE: "<img src=x onerror=alert(1)>"}
    )
    hover = timeline.timeline_frame(events)[timeline.HOVER].iloc[0]
    assert "<img" not in hover and "&lt;img src=x onerror=alert(1)&gt;" in hover


def test_timeline_links_join_a_claim_to_its_attack_once(small):
    links = timeline.timeline_links(timeline.timeline_frame(small))
    assert len(links) == 1
    assert sorted([links.loc[0, "y0"], links.loc[0, "y1"]]) == ["bombing", "claim"]


def test_timeline_bins_by_month_above_max_points(make_events):
    days = [f"2024-0{m}-{d:02d}" for m in (1, 2) for d in range(1, 11)]
    events = make_events(*({schema.EVENT_TYPE: "attack", schema.DATE: day, schema.KILLED: 1} for day in days))
    frame = timeline.timeline_frame(events, max_points=5)
    assert timeline.is_binned(frame) and not timeline.is_binned(timeline.timeline_frame(events))
    assert list(frame[timeline.START]) == [pd.Timestamp("2024-01-01"), pd.Timestamp("2024-02-01")]
    assert list(frame[schema.N_EVENTS]) == [10, 10]
    assert list(frame[timeline.CASUALTIES]) == [10, 10]




@pytest.mark.parametrize(
    ("n_undated", "note"),
    [(0, None), (1, "1 event has no usable date and is not on the timeline (see the Events page)."),
     (1203, "1,203 events have no usable date and are not on the timeline (see the Events page).")],
    ids=["none", "one", "many"],
)
def test_the_undated_note_counts_what_is_left_off(n_undated, note):
    assert timeline.undated_note(n_undated) == note


def test_the_reading_note_says_when_a_circle_is_a_month(small, make_events):
    note = timeline.reading_note(timeline.timeline_frame(small), 5)
    assert note.startswith("Filled circles: events dated to the day")
    many = make_events(*({schema.EVENT_TYPE: "bombing", schema.DATE: f"2024-01-{d:02d}"} for d in range(1, 6)))
    binned = timeline.timeline_frame(many, max_points=2)
    assert timeline.reading_note(binned, 5).startswith("With 5 events, each circle counts one row's events in a month")
