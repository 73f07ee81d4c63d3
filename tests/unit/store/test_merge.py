"""Merging reports into incidents: kind, date window, distance, actors, vague reports, analyst decisions."""

from __future__ import annotations

import pandas as pd
import pytest

from eventdesk import schema
from eventdesk.store import merge

# Maiduguri, Borno; Quetta, Balochistan; Kano is about 500 km from Maiduguri.
MAIDUGURI = {"location": "Maiduguri", "admin1": "Borno", "country": "Nigeria", "lat": 11.8311, "lon": 13.1510}
KONDUGA = {"location": "Konduga", "admin1": "Borno", "country": "Nigeria", "lat": 11.6533, "lon": 13.4179}
KANO = {"location": "Kano", "admin1": "Kano", "country": "Nigeria", "lat": 12.0022, "lon": 8.5920}
DIFFA = {"location": "Diffa", "admin1": "Diffa", "country": "Niger", "lat": 13.3154, "lon": 12.6113}
QUETTA = {"location": "Quetta", "admin1": "Balochistan", "country": "Pakistan", "lat": 30.1798, "lon": 66.9750}


def report(report_id: str, date: str | None = "2024-03-12", place: dict | None = None, **values) -> dict:
    row = {name: None for name in merge.MATCH_COLUMNS}
    row.update(report_id=report_id, article_id=f"a-{report_id}", event_type="bombing", date=date,
               date_precision="day" if date else "unknown", geo_precision="city")
    row.update(MAIDUGURI if place is None else place)
    row.update(values)
    return row


def merged(*rows: dict, decisions=(), family_of=None) -> pd.DataFrame:
    return merge.merge_reports(pd.DataFrame(rows, columns=list(merge.MATCH_COLUMNS)), decisions, family_of)


def groups(table: pd.DataFrame) -> list[list[str]]:
    """Report ids grouped by incident, the founder first; incidents sorted by their first report id."""
    ordered = table.sort_values([merge.EVENT_SEQ, merge.MEMBER_RANK])
    return sorted(list(g[schema.REPORT_ID]) for _, g in ordered.groupby(merge.EVENT_SEQ, sort=True))


def reason_of(table: pd.DataFrame, report_id: str) -> str:
    return table.set_index(schema.REPORT_ID).loc[report_id, schema.MERGE_REASON]


def test_reports_of_one_bombing_from_four_outlets_merge_into_one_incident():
    table = merged(report("r1"), report("r2"), report("r3"), report("r4", event_type="attack"))
    assert groups(table) == [["r1", "r2", "r3", "r4"]]
    assert reason_of(table, "r1") == "founded the incident"
    assert reason_of(table, "r2") == (
        "same kind (bombing); dated 2024-03-12, the same day; Maiduguri, 0 km apart (within 30 km at city "
        "precision); no conflicting actors")
    assert reason_of(table, "r4").startswith("same kind (attack / bombing); ")


def test_one_day_apart_merges_two_days_apart_does_not():
    table = merged(report("r1"), report("r2", "2024-03-13"), report("r3", "2024-03-14"))
    assert groups(table) == [["r1", "r2"], ["r3"]]
    assert "dated 2024-03-13 / 2024-03-12, 1 day apart (window 1 day)" in reason_of(table, "r2")


def test_two_attacks_in_one_city_a_week_apart_stay_apart():
    table = merged(report("b1", "2024-03-04", QUETTA, event_type="armed_assault"),
                   report("b2", "2024-03-04", QUETTA, event_type="armed_assault"),
                   report("c1", "2024-03-11", QUETTA, event_type="armed_assault"))
    assert groups(table) == [["b1", "b2"], ["c1"]]


def test_a_town_35_km_away_is_too_far_for_two_points_but_within_a_province():
    assert merge.distance_km((11.8311, 13.1510), (11.6533, 13.4179)) == pytest.approx(35, abs=1)
    two_points = merged(report("r1", geo_precision="point"), report("r2", place=KONDUGA, geo_precision="point"))
    assert len(groups(two_points)) == 2
    table = merged(report("r1", geo_precision="point"), report("r2", place=KONDUGA, geo_precision="admin1"))
    assert groups(table) == [["r1", "r2"]]
    assert "35 km apart (within 200 km at admin1 precision)" in reason_of(table, "r2")


@pytest.mark.parametrize("place", [KANO, DIFFA], ids=["a-city-500-km-away", "across-a-border"])
def test_reports_from_far_away_stay_apart(place):
    assert len(groups(merged(report("r1"), report("r2", place=place)))) == 2


def test_different_kinds_stay_apart_on_the_same_day_and_place():
    table = merged(report("r1"), report("r2", event_type="airstrike"), report("r3", event_type="protest"))
    assert groups(table) == [["r1"], ["r2"], ["r3"]]


def test_a_generic_attack_joins_an_airstrike_and_the_incident_keeps_the_specific_type():
    table = merged(report("r1", event_type="attack"), report("r2", event_type="airstrike"))
    assert groups(table) == [["r1", "r2"]]
    assert reason_of(table, "r2").startswith("a generic attack and an event of kind airstrike; ")


@pytest.mark.parametrize(
    ("second", "together"),
    [
        ({"actor1": "Boko Haram", "actor1_type": "armed_group"}, False),
        ({"actor1": "Islamic State West Africa Province", "actor1_type": "armed_group"}, True),
        ({"actor1": "gunmen", "actor1_type": "unidentified"}, True),
        ({"claimed_by": "Islamic State"}, True),
    ],
    ids=["another-named-group", "a-province-of-the-same-group", "an-unnamed-attacker", "the-same-claimant"],
)
def test_named_perpetrators_must_not_conflict(second, together):
    families = {"Islamic State West Africa Province": "Islamic State"}
    first = report("r1", actor1="Islamic State", actor1_type="armed_group")
    table = merged(first, report("r2", **second), family_of=lambda name: families.get(name, name))
    assert (len(groups(table)) == 1) is together


def test_the_two_sides_of_a_battle_may_be_named_either_way_round():
    taliban = {"actor1": "Taliban", "actor1_type": "armed_group"}
    pakistan = {"actor1": "Pakistan", "actor1_type": "state"}
    table = merged(
        report("r1", event_type="battle", **taliban, actor2="Pakistan", actor2_type="state"),
        report("r2", event_type="battle", **pakistan, actor2="Taliban", actor2_type="armed_group"),
    )
    assert groups(table) == [["r1", "r2"]]
    assert "the same two sides" in reason_of(table, "r2")


def test_a_month_dated_report_joins_the_only_incident_of_that_month():
    table = merged(report("r1"), report("r2", "2024-03", date_precision="month"))
    assert groups(table) == [["r1", "r2"]]
    assert reason_of(table, "r2").startswith("the only incident this vaguer report fits: ")
    assert "2024-03 / 2024-03-12: the month contains the other date" in reason_of(table, "r2")


def test_a_vague_report_that_fits_two_incidents_stays_apart():
    table = merged(report("b1", "2024-03-04", QUETTA), report("c1", "2024-03-11", QUETTA),
                   report("v1", "2024-03", QUETTA, date_precision="month"))
    assert groups(table) == [["b1"], ["c1"], ["v1"]]
    assert reason_of(table, "v1") == "a single report: it is too vague to choose among the 2 incidents it fits"


def test_a_report_without_a_date_is_never_merged_automatically():
    table = merged(report("r1"), report("r2", None))
    assert groups(table) == [["r1"], ["r2"]]
    assert reason_of(table, "r2") == "a single report: its date is unknown, so it is never merged automatically"


def test_a_report_without_a_place_needs_the_same_named_perpetrator():
    unplaced = {"location": None, "admin1": None, "country": None, "lat": None, "lon": None}
    named = {"actor1": "Boko Haram", "actor1_type": "armed_group"}
    assert len(groups(merged(report("r1"), report("r2", place=unplaced, geo_precision="unknown")))) == 2
    table = merged(report("r1", **named), report("r2", place=unplaced, geo_precision="unknown", **named))
    assert groups(table) == [["r1", "r2"]]
    assert "place unknown in one report, both name Boko Haram" in reason_of(table, "r2")


def test_every_member_must_fit_not_only_the_first():
    # r2 is a day after r1 and r3 a day after r2: r3 is two days from r1, so it starts its own incident.
    table = merged(report("r1", "2024-03-11"), report("r2", "2024-03-12"), report("r3", "2024-03-13"))
    assert groups(table) == [["r1", "r2"], ["r3"]]


def test_the_result_does_not_depend_on_the_input_order():
    rows = [report("r1"), report("r2", "2024-03-13"), report("b1", "2024-03-04", QUETTA),
            report("v1", "2024-03", date_precision="month"), report("r3", event_type="attack")]
    expected = merged(*rows)
    for order in ([4, 3, 2, 1, 0], [2, 0, 4, 1, 3]):
        pd.testing.assert_frame_equal(merged(*[rows[i] for i in order]), expected)


def test_incident_ids_are_stable_hashes_of_the_first_report():
    table = merged(report("r1"), report("r2"))
    assert set(table[schema.EVENT_ID]) == {merge.incident_id("r1")}
    more = merged(report("r1"), report("r2"), report("r0", "2024-03", date_precision="month"))
    assert set(more[schema.EVENT_ID]) == {merge.incident_id("r1")}


def test_decisions_split_then_merge_in_the_order_they_were_made():
    rows = [report("r1"), report("r2"), report("r3"), report("k1", place=KANO)]
    split = merge.Decision(1, merge.SPLIT, ("r2", "r3"))
    table = merged(*rows, decisions=[split])
    assert groups(table) == [["k1"], ["r1"], ["r2", "r3"]]
    assert reason_of(table, "r3") == "split off from its incident by the analyst (decision 1)"
    joined = merge.Decision(2, merge.MERGE, ("k1", "r1"))
    table = merged(*rows, decisions=[joined, split])
    assert groups(table) == [["k1", "r1"], ["r2", "r3"]]
    assert reason_of(table, "r1") == "merged by the analyst (decision 2)"


def test_date_interval_reads_each_precision():
    assert merge.date_interval("2024-02", "month") == (738917, 738945)  # 2024 is a leap year
    assert merge.date_interval("2024", "year")[1] - merge.date_interval("2024", "year")[0] == 365
    assert merge.date_interval("2024-13-01", "day") is None
    assert merge.date_interval("2024-03-12", "unknown") is None


def test_distance_between_london_and_paris():
    assert merge.distance_km((51.5074, -0.1278), (48.8566, 2.3522)) == pytest.approx(344, abs=1)


def member(report_id: str, rank: int, **values) -> dict:
    row = {name: None for name in schema.REPORT_FIELDS}
    row.update(report(report_id))
    row.update({schema.EVENT_ID: "e1", schema.MERGE_REASON: "r", merge.MEMBER_RANK: rank, merge.EVENT_SEQ: 0,
                schema.SOURCE: "Reuters", schema.PUBLISHED: "2024-03-12", schema.CONFIDENCE: 0.9,
                schema.EVIDENCE: f"sentence of {report_id}", schema.EVIDENCE_START: 0, schema.EVIDENCE_END: 10,
                schema.LINKED_EVENT_ID: None})
    row.update(values)
    return row


def test_an_incident_takes_place_from_its_first_report_and_figures_from_the_rule():
    reports = pd.DataFrame([
        member("r1", 0, event_type="attack", killed=12, killed_qualifier="at_least", injured=30),
        member("r2", 1, source="AFP", published="2024-03-13", killed=19, injured=42,
               actor1="Boko Haram", actor1_type="armed_group"),
        member("r3", 2, source="AFP", published="2024-03-15", location="Maiduguri town", killed=17, injured=45,
               killed_qualifier="exact", linked_event_id="claim-incident"),
    ])
    row = merge.build_incidents(reports).iloc[0]
    assert row[schema.EVENT_TYPE] == "bombing"
    assert row[schema.LOCATION] == "Maiduguri"
    assert (row[schema.ACTOR1], row[schema.ACTOR1_TYPE]) == ("Boko Haram", "armed_group")
    assert (row[schema.KILLED], row[schema.KILLED_QUALIFIER], row[schema.INJURED]) == (17, "exact", 45)
    assert (row[schema.KILLED_LOW], row[schema.KILLED_HIGH], row[schema.INJURED_LOW]) == (12, 19, 30)
    assert row[schema.EVIDENCE] == "sentence of r3" and row[schema.ARTICLE_ID] == "a-r3"
    assert (row[schema.N_REPORTS], row[schema.N_SOURCES]) == (3, 2)
    assert (row[schema.FIRST_REPORTED], row[schema.LAST_REPORTED]) == ("2024-03-12", "2024-03-15")
    assert row[schema.LINKED_EVENT_ID] == "claim-incident"
    conservative = merge.build_incidents(reports, rule="conservative").iloc[0]
    assert (conservative[schema.KILLED], conservative[schema.KILLED_QUALIFIER]) == (12, "at_least")
    assert conservative[schema.EVIDENCE] == "sentence of r1"


# ---------------------------------------------------------------------------------------------
# The streamed merge: the same incidents as the merge in memory, with most of them on a shelf
# ---------------------------------------------------------------------------------------------

PLACES = [MAIDUGURI, KONDUGA, KANO, DIFFA, QUETTA]
UNPLACED = {"location": None, "admin1": None, "country": None, "lat": None, "lon": None}
GROUPS = [None, None, ("Boko Haram", "armed_group"), ("Islamic State", "armed_group"), ("gunmen", "unidentified")]


def generated_corpus(n: int, seed: int = 7) -> list[dict]:
    """Reports of one year in three countries: most dated to the day and placed at a town, some to a
    month or a year, some undated, some placed only at a province or country, some not at all."""
    import random

    rng = random.Random(seed)
    rows = []
    for number in range(n):
        place, day = dict(rng.choice(PLACES)), rng.randrange(1, 366)
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
            place, values["geo_precision"] = UNPLACED, "unknown"
        elif draw < 0.16:
            values["geo_precision"] = rng.choice(["admin1", "country"])
        group = rng.choice(GROUPS)
        if group:
            values.update(actor1=group[0], actor1_type=group[1])
        rows.append(report(f"r{number:04d}", values.pop("date", date), place, **values))
    return rows


class ListShelf:
    """A shelf in a list, as the store keeps one in a table."""

    def __init__(self, reports: list[merge.Report]) -> None:
        self.by_id = {r.report_id: r for r in reports}
        self.rows: list[tuple[str, int, int, str]] = []
        self.precise: dict[int, list[merge.Report]] | None = None

    def put(self, rows):
        self.rows.extend(rows)

    def take(self, after, until, reach):
        if self.precise is None:  # the incidents as they stand when the vaguer reports begin
            self.precise = {}
            for report_id, number, _rank, _reason in sorted(self.rows, key=lambda row: (row[1], row[2])):
                self.precise.setdefault(number, []).append(self.by_id[report_id])
        for number, members in self.precise.items():
            low, high = min(m.start for m in members), max(m.end for m in members)
            if (after is None or low > after) and low <= until and high >= reach:
                yield number, members


def test_the_streamed_merge_gives_the_incidents_and_reasons_of_the_merge_in_memory():
    reports = merge.to_reports(pd.DataFrame(generated_corpus(1500), columns=list(merge.MATCH_COLUMNS)))
    incidents, reasons = merge.cluster(reports)
    shelf = ListShelf(reports)
    assert merge.cluster_streamed(sorted(reports, key=merge.processing_key), shelf) == len(incidents)
    streamed: dict[int, list[tuple[int, str, str]]] = {}
    for report_id, number, rank, reason in shelf.rows:
        streamed.setdefault(number, []).append((rank, report_id, reason))
    expected = {number: [(rank, r.report_id, reasons[r.report_id]) for rank, r in enumerate(members)]
                for number, members in enumerate(incidents)}
    assert {number: sorted(rows) for number, rows in streamed.items()} == expected
    assert len(shelf.rows) == len(reports)  # every member shelved once
    assert sum(len(members) > 1 for members in incidents) > 100  # the corpus does merge
    assert any(r.startswith("the only incident this vaguer report fits") for r in reasons.values())


def test_the_streamed_merge_needs_its_reports_in_processing_order():
    reports = merge.to_reports(pd.DataFrame([report("r1", "2024-03-12"), report("r2", "2024-03-10")],
                                            columns=list(merge.MATCH_COLUMNS)))
    with pytest.raises(ValueError, match="out of processing order"):
        merge.cluster_streamed(reports, ListShelf(reports))
