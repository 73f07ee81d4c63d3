"""Casualty figures over an incident's reports: low, best (latest or conservative), high, and the history."""

from __future__ import annotations

import pandas as pd
import pytest

from eventdesk import schema
from eventdesk.store import figures

# The Kerman bombing as it was reported: about 103 killed on the day, 84 the next day, 91 later.
KERMAN = [
    ("k1", "2024-01-03", 103, "about", 211, "exact"),
    ("k2", "2024-01-04", 84, "at_least", 284, "exact"),
    ("k3", "2024-01-04", 84, "exact", None, None),
    ("k4", "2024-01-06", 91, "exact", None, None),
    ("k5", None, 95, "exact", None, None),
]


def frame(rows, event_id: str = "e1") -> pd.DataFrame:
    return pd.DataFrame({
        schema.EVENT_ID: event_id,
        schema.REPORT_ID: [r[0] for r in rows],
        schema.ARTICLE_ID: [f"a-{r[0]}" for r in rows],
        schema.SOURCE: [f"outlet {r[0]}" for r in rows],
        schema.PUBLISHED: pd.array([r[1] for r in rows], dtype="string"),
        schema.KILLED: pd.array([r[2] for r in rows], dtype="Int64"),
        schema.KILLED_QUALIFIER: pd.array([r[3] for r in rows], dtype="string"),
        schema.INJURED: pd.array([r[4] for r in rows], dtype="Int64"),
        schema.INJURED_QUALIFIER: pd.array([r[5] for r in rows], dtype="string"),
        schema.CONFIDENCE: 0.9,
        schema.EVIDENCE: [f"sentence of {r[0]}" for r in rows],
    })


def test_low_best_high_under_the_latest_rule():
    row = figures.summarise(frame(KERMAN)).loc["e1"]
    assert (row[schema.KILLED_LOW], row[schema.KILLED_BEST], row[schema.KILLED_HIGH]) == (84, 91, 103)
    assert row[schema.KILLED_QUALIFIER] == "exact"
    assert (row[schema.INJURED_LOW], row[schema.INJURED_BEST], row[schema.INJURED_HIGH]) == (211, 284, 284)
    assert row[figures.best_report_column(schema.KILLED_BEST)] == "k4"


def test_conservative_rule_takes_the_lowest_figure_and_among_equals_the_exact_one():
    row = figures.summarise(frame(KERMAN), rule="conservative").loc["e1"]
    assert row[schema.KILLED_BEST] == 84
    assert row[figures.best_report_column(schema.KILLED_BEST)] == "k3"
    assert row[schema.INJURED_BEST] == 211


def test_on_the_same_report_date_an_exact_figure_beats_at_least():
    row = figures.summarise(frame(KERMAN[:3])).loc["e1"]
    assert row[schema.KILLED_BEST] == 84 and row[schema.KILLED_QUALIFIER] == "exact"


def test_best_is_never_a_sum_of_the_reports():
    two = [("a", "2024-05-01", 10, "exact", None, None), ("b", "2024-05-01", 10, "exact", None, None)]
    row = figures.summarise(frame(two)).loc["e1"]
    assert (row[schema.KILLED_LOW], row[schema.KILLED_BEST], row[schema.KILLED_HIGH]) == (10, 10, 10)


def test_an_incident_without_figures_has_none():
    row = figures.summarise(frame([("a", "2024-05-01", None, None, None, None)])).loc["e1"]
    assert pd.isna(row[schema.KILLED_BEST]) and pd.isna(row[schema.KILLED_LOW])


def test_each_incident_gets_its_own_figures():
    both = pd.concat([frame(KERMAN[:2], "e1"), frame([("q1", "2024-03-04", 2, "exact", 3, "exact")], "e2")])
    table = figures.summarise(both)
    assert list(table[schema.KILLED_BEST]) == [84, 2]


def test_history_lists_every_figure_oldest_report_first_and_undated_last():
    table = figures.history(frame(KERMAN))
    assert list(table[schema.REPORT_ID]) == ["k1", "k2", "k3", "k4", "k5"]
    assert list(table[schema.KILLED]) == [103, 84, 84, 91, 95]
    assert list(table.columns) == [schema.REPORT_ID, schema.ARTICLE_ID, schema.SOURCE, schema.PUBLISHED,
                                   schema.KILLED, schema.KILLED_QUALIFIER, schema.INJURED,
                                   schema.INJURED_QUALIFIER, schema.EVIDENCE]


def test_an_unknown_rule_is_refused_with_the_known_ones():
    with pytest.raises(ValueError, match="use one of latest, conservative"):
        figures.summarise(frame(KERMAN), rule="median")
