"""An incident's row from its reports, and its casualty figures: low, best (latest or conservative), high, history."""

from __future__ import annotations

import pandas as pd
import pytest

from eventdesk import schema
from eventdesk.store import clusters, incidents

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
    row = incidents.summarise(frame(KERMAN)).loc["e1"]
    assert (row[schema.KILLED_LOW], row[schema.KILLED_BEST], row[schema.KILLED_HIGH]) == (84, 91, 103)
    assert row[schema.KILLED_QUALIFIER] == "exact"
    assert (row[schema.INJURED_LOW], row[schema.INJURED_BEST], row[schema.INJURED_HIGH]) == (211, 284, 284)
    assert row[incidents.best_report_column(schema.KILLED_BEST)] == "k4"


def test_conservative_rule_takes_the_lowest_figure_and_among_equals_the_exact_one():
    row = incidents.summarise(frame(KERMAN), rule="conservative").loc["e1"]
    assert row[schema.KILLED_BEST] == 84
    assert row[incidents.best_report_column(schema.KILLED_BEST)] == "k3"
    assert row[schema.INJURED_BEST] == 211


def test_on_the_same_report_date_an_exact_figure_beats_at_least():
    row = incidents.summarise(frame(KERMAN[:3])).loc["e1"]
    assert row[schema.KILLED_BEST] == 84 and row[schema.KILLED_QUALIFIER] == "exact"


def test_best_is_never_a_sum_of_the_reports():
    two = [("a", "2024-05-01", 10, "exact", None, None), ("b", "2024-05-01", 10, "exact", None, None)]
    row = incidents.summarise(frame(two)).loc["e1"]
    assert (row[schema.KILLED_LOW], row[schema.KILLED_BEST], row[schema.KILLED_HIGH]) == (10, 10, 10)


def test_an_incident_without_figures_has_none():
    row = incidents.summarise(frame([("a", "2024-05-01", None, None, None, None)])).loc["e1"]
    assert pd.isna(row[schema.KILLED_BEST]) and pd.isna(row[schema.KILLED_LOW])


def test_each_incident_gets_its_own_figures():
    both = pd.concat([frame(KERMAN[:2], "e1"), frame([("q1", "2024-03-04", 2, "exact", 3, "exact")], "e2")])
    table = incidents.summarise(both)
    assert list(table[schema.KILLED_BEST]) == [84, 2]


def test_history_lists_every_figure_oldest_report_first_and_undated_last():
    table = incidents.history(frame(KERMAN))
    assert list(table[schema.REPORT_ID]) == ["k1", "k2", "k3", "k4", "k5"]
    assert list(table[schema.KILLED]) == [103, 84, 84, 91, 95]
    assert list(table.columns) == [schema.REPORT_ID, schema.ARTICLE_ID, schema.SOURCE, schema.PUBLISHED,
                                   schema.KILLED, schema.KILLED_QUALIFIER, schema.INJURED,
                                   schema.INJURED_QUALIFIER, schema.EVIDENCE]


def test_an_unknown_rule_is_refused_with_the_known_ones():
    with pytest.raises(ValueError, match="use one of latest, conservative"):
        incidents.summarise(frame(KERMAN), rule="median")


def member(rows, report_id: str, rank: int, **values) -> dict:
    row = {name: None for name in schema.REPORT_FIELDS}
    row.update(rows.row(report_id))
    row.update({schema.EVENT_ID: "e1", schema.MERGE_REASON: "r", clusters.MEMBER_RANK: rank, clusters.EVENT_SEQ: 0,
                schema.SOURCE: "Reuters", schema.PUBLISHED: "2024-03-12", schema.CONFIDENCE: 0.9,
                schema.EVIDENCE: f"sentence of {report_id}", schema.EVIDENCE_START: 0, schema.EVIDENCE_END: 10,
                schema.LINKED_EVENT_ID: None})
    row.update(values)
    return row


def test_an_incident_takes_place_from_its_first_report_and_figures_from_the_rule(rows):
    reports = pd.DataFrame([
        member(rows, "r1", 0, event_type="attack", killed=12, killed_qualifier="at_least", injured=30),
        member(rows, "r2", 1, source="AFP", published="2024-03-13", killed=19, injured=42,
               actor1="Boko Haram", actor1_type="armed_group"),
        member(rows, "r3", 2, source="AFP", published="2024-03-15", location="Maiduguri town", killed=17, injured=45,
               killed_qualifier="exact", linked_event_id="claim-incident"),
    ])
    row = incidents.build_incidents(reports).iloc[0]
    assert row[schema.EVENT_TYPE] == "bombing"
    assert row[schema.LOCATION] == "Maiduguri"
    assert (row[schema.ACTOR1], row[schema.ACTOR1_TYPE]) == ("Boko Haram", "armed_group")
    assert (row[schema.KILLED], row[schema.KILLED_QUALIFIER], row[schema.INJURED]) == (17, "exact", 45)
    assert (row[schema.KILLED_LOW], row[schema.KILLED_HIGH], row[schema.INJURED_LOW]) == (12, 19, 30)
    assert row[schema.EVIDENCE] == "sentence of r3" and row[schema.ARTICLE_ID] == "a-r3"
    assert (row[schema.N_REPORTS], row[schema.N_SOURCES]) == (3, 2)
    assert (row[schema.FIRST_REPORTED], row[schema.LAST_REPORTED]) == ("2024-03-12", "2024-03-15")
    assert row[schema.LINKED_EVENT_ID] == "claim-incident"
    conservative = incidents.build_incidents(reports, rule="conservative").iloc[0]
    assert (conservative[schema.KILLED], conservative[schema.KILLED_QUALIFIER]) == (12, "at_least")
    assert conservative[schema.EVIDENCE] == "sentence of r1"


def test_an_incident_lists_every_target_its_reports_name_once_its_actor2_first(rows):
    reports = pd.DataFrame([
        member(rows, "r1", 0, actor2="police", actor2_type="security_forces", targets="police; a market"),
        member(rows, "r2", 1, actor2="traders", actor2_type="civilians", targets="traders; police"),
    ])
    row = incidents.build_incidents(reports).iloc[0]
    assert (row[schema.ACTOR2], row[schema.TARGETS]) == ("police", "police; a market; traders")


def test_no_reports_make_no_incidents():
    built = incidents.build_incidents(pd.DataFrame(columns=[*schema.REPORT_FIELDS, clusters.MEMBER_RANK,
                                                            clusters.EVENT_SEQ]))
    assert built.empty and list(built.columns) == list(schema.INCIDENT_FIELDS)


def test_an_event_table_reads_as_incidents_of_one_report_each():
    events = pd.DataFrame({schema.EVENT_ID: ["e1", "e2"], schema.KILLED: pd.array([4, None], dtype="Int64"),
                           schema.PUBLISHED: pd.array(["2024-03-11", None], dtype="string"),
                           schema.N_SOURCES: [3, 1]})
    table = incidents.single_incidents(events)
    assert list(table[schema.KILLED_LOW]) == [4, pd.NA] and list(table[schema.KILLED_HIGH]) == [4, pd.NA]
    assert table[schema.INJURED_BEST].isna().all()
    assert list(table[schema.N_REPORTS]) == [1, 1] and list(table[schema.N_SOURCES]) == [3, 1]
    assert list(table[schema.FIRST_REPORTED]) == ["2024-03-11", pd.NA]
    assert list(events.columns) == [schema.EVENT_ID, schema.KILLED, schema.PUBLISHED, schema.N_SOURCES]


def test_an_incidents_figures_keep_the_rule_and_words_of_their_best_report(rows):
    reports = pd.DataFrame([
        member(rows, "r1", 0, killed=12, killed_rule="casualties.passive", killed_span="12 people were killed",
               injured=30, injured_rule="casualties.active_list", injured_span="30 others",
               date="2024-03-10", date_reason='dates.day_month "10-12 March" at 60-71', date_until="2024-03-12"),
        member(rows, "r2", 1, published="2024-03-15", killed=17, killed_rule="casualties.toll",
               killed_span="The death toll rose to 17"),
    ])
    row = incidents.build_incidents(reports).iloc[0]
    assert (row[schema.KILLED], row[schema.KILLED_RULE], row[schema.KILLED_SPAN]) == (
        17, "casualties.toll", "The death toll rose to 17")
    assert (row[schema.INJURED], row[schema.INJURED_RULE], row[schema.INJURED_SPAN]) == (
        30, "casualties.active_list", "30 others")
    assert (row[schema.DATE], row[schema.DATE_REASON], row[schema.DATE_UNTIL]) == (
        "2024-03-10", 'dates.day_month "10-12 March" at 60-71', "2024-03-12")
