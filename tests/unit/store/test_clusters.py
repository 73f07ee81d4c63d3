"""Grouping reports into incidents: the nearest fit, vague reports, undated ones, ids, the streamed merge."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from eventdesk import schema
from eventdesk.store import clusters, merge


def test_a_month_dated_report_joins_the_only_incident_of_that_month(rows):
    table = rows.merged(rows.row("r1"), rows.row("r2", "2024-03", date_precision="month"))
    assert rows.groups(table) == [["r1", "r2"]]
    assert rows.reason_of(table, "r2").startswith("the only incident this vaguer report fits: ")
    assert "2024-03 / 2024-03-12: the month contains the other date" in rows.reason_of(table, "r2")


def test_a_vague_report_that_fits_two_incidents_stays_apart(rows):
    table = rows.merged(rows.row("b1", "2024-03-04", "Quetta"), rows.row("c1", "2024-03-11", "Quetta"),
                        rows.row("v1", "2024-03", "Quetta", date_precision="month"))
    assert rows.groups(table) == [["b1"], ["c1"], ["v1"]]
    assert rows.reason_of(table, "v1") == "a single report: it is too vague to choose among the 2 incidents it fits"


def test_a_precise_report_that_fits_two_incidents_joins_the_nearer(rows):
    # Maiduguri and Konduga are 35 km apart, too far for one incident; the third report is 26 km from
    # Maiduguri and 9 km from Konduga, within reach of both. A place of another name needs the same
    # victims: all three name the same man.
    between = {"location": "Mafa road", "lat": 11.70, "lon": 13.35}
    market = {"targets": "market; Abubakar Musa"}
    table = rows.merged(rows.row("a", **market), rows.row("b", town="Konduga", **market),
                        rows.row("c", **between, **market))
    assert rows.groups(table) == [["a"], ["b", "c"]]
    assert "Mafa road / Konduga, 9 km apart (within 30 km at city precision), two towns" in rows.reason_of(table, "c")
    assert rows.reason_of(table, "c").endswith("; the same victims (Abubakar Musa); the same site (market)")
    alone = rows.merged(rows.row("a"), rows.row("b", town="Konduga"), rows.row("c", **between))
    assert rows.groups(alone) == [["a"], ["b"], ["c"]]  # nothing shared: another town is another incident


def test_a_report_without_a_date_is_never_merged_automatically(rows):
    table = rows.merged(rows.row("r1"), rows.row("r2", None))
    assert rows.groups(table) == [["r1"], ["r2"]]
    assert rows.reason_of(table, "r2") == "a single report: its date is unknown, so it is never merged automatically"


def test_every_member_must_fit_not_only_the_first(rows):
    # r2 is a day after r1 and r3 a day after r2: r3 is two days from r1, so it starts its own incident.
    table = rows.merged(rows.row("r1", "2024-03-11"), rows.row("r2", "2024-03-12"), rows.row("r3", "2024-03-13"))
    assert rows.groups(table) == [["r1", "r2"], ["r3"]]


def test_the_result_does_not_depend_on_the_input_order(rows):
    given = [rows.row("r1"), rows.row("r2", "2024-03-13"), rows.row("b1", "2024-03-04", "Quetta"),
             rows.row("v1", "2024-03", date_precision="month"), rows.row("r3", event_type="attack")]
    expected = rows.merged(*given)
    for order in ([4, 3, 2, 1, 0], [2, 0, 4, 1, 3]):
        pd.testing.assert_frame_equal(rows.merged(*[given[i] for i in order]), expected)


def test_incident_ids_are_stable_hashes_of_the_first_report(rows):
    table = rows.merged(rows.row("r1"), rows.row("r2"))
    assert set(table[schema.EVENT_ID]) == {clusters.incident_id("r1")}
    more = rows.merged(rows.row("r1"), rows.row("r2"), rows.row("r0", "2024-03", date_precision="month"))
    assert set(more[schema.EVENT_ID]) == {clusters.incident_id("r1")}


def test_the_membership_numbers_incidents_by_their_first_reports_date_undated_last(rows):
    table = rows.merged(rows.row("late", "2024-03-20"), rows.row("undated", None), rows.row("early", "2024-03-01"))
    ordered = table.sort_values(clusters.EVENT_SEQ)
    assert list(ordered[schema.REPORT_ID]) == ["early", "late", "undated"]
    assert list(ordered[clusters.EVENT_SEQ]) == [0, 1, 2] and set(table[clusters.MEMBER_RANK]) == {0}


@pytest.mark.parametrize(
    ("clustered", "size", "kept"),
    [
        ("founded the incident", 1, "a single report: no other report fits it"),
        ("founded the incident", 3, "founded the incident"),
        ("founded the incident: its date is unknown, so it is never merged automatically", 1,
         "a single report: its date is unknown, so it is never merged automatically"),
        ("merged by the analyst (decision 2)", 2, "merged by the analyst (decision 2)"),
    ],
    ids=["a-founder-alone", "a-founder-with-members", "an-undated-founder-alone", "a-member"],
)
def test_the_reason_kept_with_a_member_reads_back_as_the_clusterings(clustered, size, kept):
    assert clusters.member_reason(clustered, size) == kept
    assert clusters.stored_reason(kept) == clustered


# ---------------------------------------------------------------------------------------------
# The streamed merge: the same incidents as the merge in memory, with most of them on a shelf
# ---------------------------------------------------------------------------------------------

GROUPS = [None, None, ("Boko Haram", "armed_group"), ("Islamic State", "armed_group"), ("gunmen", "unidentified")]


def generated_corpus(rows, n: int, seed: int = 7) -> list[dict]:
    """Reports of one year in three countries: most dated to the day and placed at a town, some to a
    month or a year, some undated, some placed only at a province or country, some not at all."""
    rng = random.Random(seed)
    generated = []
    for number in range(n):
        town, day = rng.choice(list(rows.towns)), rng.randrange(1, 366)
        date = (pd.Timestamp("2024-01-01") + pd.Timedelta(days=day - 1)).strftime("%Y-%m-%d")
        values = {"event_type": rng.choice(["bombing", "attack", "armed_assault", "airstrike", "protest"])}
        draw = rng.random()
        if draw < 0.08:
            values.update(date=date[:7], date_precision="month")
        elif draw < 0.11:
            values.update(date=date[:4], date_precision="year")
        elif draw < 0.14:
            values.update(date=None, date_precision="unknown")
        else:
            values.update(date=date)
        draw = rng.random()
        if draw < 0.08:
            town, values["geo_precision"] = None, "unknown"
        elif draw < 0.16:
            values["geo_precision"] = rng.choice(["admin1", "country"])
        group = rng.choice(GROUPS)
        if group:
            values.update(actor1=group[0], actor1_type=group[1])
        generated.append(rows.row(f"r{number:04d}", values.pop("date", date), town, **values))
    return generated


class ListShelf:
    """A shelf in a list, as the store keeps one in a table."""

    def __init__(self, reports: list[merge.Report]) -> None:
        self.by_id = {r.report_id: r for r in reports}
        self.rows: list[tuple[str, int, int, str]] = []
        self.precise: dict[int, list[merge.Report]] | None = None

    def put(self, rows):
        self.rows.extend(rows)

    def take(self, after, until, reach):
        if self.precise is None:  # the clusters as they stand when the vaguer reports begin
            self.precise = {}
            for report_id, number, _rank, _reason in sorted(self.rows, key=lambda row: (row[1], row[2])):
                self.precise.setdefault(number, []).append(self.by_id[report_id])
        for number, members in self.precise.items():
            low, high = min(m.start for m in members), max(m.end for m in members)
            if (after is None or low > after) and low <= until and high >= reach:
                yield number, members


def test_the_streamed_merge_gives_the_incidents_and_reasons_of_the_merge_in_memory(rows):
    reports = rows.reports(*generated_corpus(rows, 1500))
    incidents, reasons = clusters.cluster(reports)
    shelf = ListShelf(reports)
    assert clusters.cluster_streamed(sorted(reports, key=merge.processing_key), shelf) == len(incidents)
    streamed: dict[int, list[tuple[int, str, str]]] = {}
    for report_id, number, rank, reason in shelf.rows:
        streamed.setdefault(number, []).append((rank, report_id, reason))
    expected = {number: [(rank, r.report_id, reasons[r.report_id]) for rank, r in enumerate(members)]
                for number, members in enumerate(incidents)}
    assert {number: sorted(found) for number, found in streamed.items()} == expected
    assert len(shelf.rows) == len(reports)  # every member shelved once
    assert sum(len(members) > 1 for members in incidents) > 100  # the corpus does merge
    assert any(r.startswith("the only incident this vaguer report fits") for r in reasons.values())


def test_the_streamed_merge_needs_its_reports_in_processing_order(rows):
    reports = rows.reports(rows.row("r1", "2024-03-12"), rows.row("r2", "2024-03-10"))
    with pytest.raises(ValueError, match="out of processing order"):
        clusters.cluster_streamed(reports, ListShelf(reports))
