"""The analyst's splits and merges, applied after the automatic merge in the order they were made."""

from __future__ import annotations

from eventdesk.store import decisions
from eventdesk.store.decisions import MERGE, SPLIT, Decision


def ids(groups) -> list[list[str]]:
    return [[r.report_id for r in group] for group in groups]


def test_decisions_split_then_merge_in_the_order_they_were_made(rows):
    given = [rows.row("r1"), rows.row("r2"), rows.row("r3"), rows.row("k1", town="Kano")]
    split = Decision(1, SPLIT, ("r2", "r3"))
    table = rows.merged(*given, decisions=[split])
    assert rows.groups(table) == [["k1"], ["r1"], ["r2", "r3"]]
    assert rows.reason_of(table, "r3") == "split off from its incident by the analyst (decision 1)"
    joined = Decision(2, MERGE, ("k1", "r1"))
    table = rows.merged(*given, decisions=[joined, split])
    assert rows.groups(table) == [["k1", "r1"], ["r2", "r3"]]
    assert rows.reason_of(table, "r1") == "merged by the analyst (decision 2)"


def test_a_split_takes_its_reports_out_of_every_incident_into_one_of_their_own(rows):
    a1, a2, b1, b2 = rows.reports(rows.row("a1"), rows.row("a2"), rows.row("b1", "2024-03-20"),
                                  rows.row("b2", "2024-03-20"))
    reasons = {"a1": "founded", "a2": "same day", "b1": "founded", "b2": "same day"}
    after = decisions.apply_decisions([[a1, a2], [b1, b2]], reasons, [Decision(4, SPLIT, ("b2", "a2"))])
    assert ids(after) == [["a1"], ["b1"], ["a2", "b2"]]
    assert reasons == {"a1": "founded", "b1": "founded",
                       "a2": "split off from its incident by the analyst (decision 4)",
                       "b2": "split off from its incident by the analyst (decision 4)"}


def test_a_merge_joins_the_incidents_that_hold_its_reports_the_most_specific_first(rows):
    month, day, other = rows.reports(rows.row("m", "2024-03", date_precision="month"), rows.row("d"),
                                     rows.row("o", "2024-03-20"))
    reasons = {"m": "founded", "d": "founded", "o": "founded"}
    after = decisions.apply_decisions([[month], [day], [other]], reasons, [Decision(1, MERGE, ("m", "d"))])
    assert ids(after) == [["o"], ["d", "m"]]
    assert (reasons["d"], reasons["m"]) == ("founded", "merged by the analyst (decision 1)")


def test_a_decision_whose_reports_are_gone_changes_nothing(rows):
    first, second = rows.reports(rows.row("r1"), rows.row("r2"))
    reasons = {"r1": "founded", "r2": "same day"}
    after = decisions.apply_decisions([[first, second]], reasons, [Decision(1, SPLIT, ("deleted",)),
                                                                   Decision(2, MERGE, ("gone", "lost"))])
    assert ids(after) == [["r1", "r2"]]
    assert reasons == {"r1": "founded", "r2": "same day"}
