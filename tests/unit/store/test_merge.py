"""The merge's rules: kind, date window, distance, actors; the order reports are merged in; rows read as reports."""

from __future__ import annotations

import pytest

from eventdesk.store import merge


def test_reports_of_one_bombing_from_four_outlets_merge_into_one_incident(rows):
    table = rows.merged(rows.row("r1"), rows.row("r2"), rows.row("r3"), rows.row("r4", event_type="attack"))
    assert rows.groups(table) == [["r1", "r2", "r3", "r4"]]
    assert rows.reason_of(table, "r1") == "founded the incident"
    assert rows.reason_of(table, "r2") == (
        "same kind (bombing); dated 2024-03-12, the same day; Maiduguri, 0 km apart (within 30 km at city "
        "precision); no conflicting actors")
    assert rows.reason_of(table, "r4").startswith("same kind (attack / bombing); ")


def test_compatible_says_why_for_every_rule_and_none_when_one_fails(rows):
    bombing, strike = rows.reports(rows.row("r1"), rows.row("r2", "2024-03-13", "Konduga", geo_precision="admin1"))
    assert merge.compatible(bombing, strike) == (
        "same kind (bombing); dated 2024-03-12 / 2024-03-13, 1 day apart (window 1 day); Maiduguri / Konduga, "
        "35 km apart (within 200 km at admin1 precision); no conflicting actors")
    protest, = rows.reports(rows.row("r3", event_type="protest"))
    assert merge.compatible(bombing, protest) is None


def test_one_day_apart_merges_two_days_apart_does_not(rows):
    table = rows.merged(rows.row("r1"), rows.row("r2", "2024-03-13"), rows.row("r3", "2024-03-14"))
    assert rows.groups(table) == [["r1", "r2"], ["r3"]]
    assert "dated 2024-03-13 / 2024-03-12, 1 day apart (window 1 day)" in rows.reason_of(table, "r2")


def test_two_attacks_in_one_city_a_week_apart_stay_apart(rows):
    table = rows.merged(rows.row("b1", "2024-03-04", "Quetta", event_type="armed_assault"),
                        rows.row("b2", "2024-03-04", "Quetta", event_type="armed_assault"),
                        rows.row("c1", "2024-03-11", "Quetta", event_type="armed_assault"))
    assert rows.groups(table) == [["b1", "b2"], ["c1"]]


def test_a_town_35_km_away_is_too_far_for_two_points_but_within_a_province(rows):
    assert merge.distance_km((11.8311, 13.1510), (11.6533, 13.4179)) == pytest.approx(35, abs=1)
    two_points = rows.merged(rows.row("r1", geo_precision="point"),
                             rows.row("r2", town="Konduga", geo_precision="point"))
    assert len(rows.groups(two_points)) == 2
    table = rows.merged(rows.row("r1", geo_precision="point"), rows.row("r2", town="Konduga", geo_precision="admin1"))
    assert rows.groups(table) == [["r1", "r2"]]
    assert "35 km apart (within 200 km at admin1 precision)" in rows.reason_of(table, "r2")


@pytest.mark.parametrize("town", ["Kano", "Diffa"], ids=["a-city-500-km-away", "across-a-border"])
def test_reports_from_far_away_stay_apart(rows, town):
    assert len(rows.groups(rows.merged(rows.row("r1"), rows.row("r2", town=town)))) == 2


def test_different_kinds_stay_apart_on_the_same_day_and_place(rows):
    table = rows.merged(rows.row("r1"), rows.row("r2", event_type="airstrike"), rows.row("r3", event_type="protest"))
    assert rows.groups(table) == [["r1"], ["r2"], ["r3"]]


def test_a_generic_attack_joins_an_airstrike_and_the_incident_keeps_the_specific_type(rows):
    table = rows.merged(rows.row("r1", event_type="attack"), rows.row("r2", event_type="airstrike"))
    assert rows.groups(table) == [["r1", "r2"]]
    assert rows.reason_of(table, "r2").startswith("a generic attack and an event of kind airstrike; ")


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
def test_named_perpetrators_must_not_conflict(rows, second, together):
    families = {"Islamic State West Africa Province": "Islamic State"}
    first = rows.row("r1", actor1="Islamic State", actor1_type="armed_group")
    table = rows.merged(first, rows.row("r2", **second), family_of=lambda name: families.get(name, name))
    assert (len(rows.groups(table)) == 1) is together


def test_the_two_sides_of_a_battle_may_be_named_either_way_round(rows):
    taliban = {"actor1": "Taliban", "actor1_type": "armed_group"}
    pakistan = {"actor1": "Pakistan", "actor1_type": "state"}
    table = rows.merged(
        rows.row("r1", event_type="battle", **taliban, actor2="Pakistan", actor2_type="state"),
        rows.row("r2", event_type="battle", **pakistan, actor2="Taliban", actor2_type="armed_group"),
    )
    assert rows.groups(table) == [["r1", "r2"]]
    assert "the same two sides" in rows.reason_of(table, "r2")


def test_a_report_without_a_place_needs_the_same_named_perpetrator(rows):
    named = {"actor1": "Boko Haram", "actor1_type": "armed_group"}
    assert len(rows.groups(rows.merged(rows.row("r1"), rows.row("r2", town=None)))) == 2
    table = rows.merged(rows.row("r1", **named), rows.row("r2", town=None, **named))
    assert rows.groups(table) == [["r1", "r2"]]
    assert "place unknown in one report, both name Boko Haram" in rows.reason_of(table, "r2")


def test_date_interval_reads_each_precision():
    assert merge.date_interval("2024-02", "month") == (738917, 738945)  # 2024 is a leap year
    assert merge.date_interval("2024", "year")[1] - merge.date_interval("2024", "year")[0] == 365
    assert merge.date_interval("2024-13-01", "day") is None
    assert merge.date_interval("2024-03-12", "unknown") is None


def test_distance_between_london_and_paris():
    assert merge.distance_km((51.5074, -0.1278), (48.8566, 2.3522)) == pytest.approx(344, abs=1)


def test_nearness_is_days_then_km_from_the_founder(rows):
    founder, later, unplaced = rows.reports(rows.row("f"), rows.row("r", "2024-03-13", "Konduga"),
                                            rows.row("u", "2024-03-14", None))
    days, km = merge.nearness(later, founder)
    assert (days, round(km)) == (1, 35)
    assert merge.nearness(unplaced, founder) == (2, 0.0)


def test_reports_are_merged_most_specific_first_then_by_date_then_id(rows):
    reports = rows.reports(
        rows.row("undated", None), rows.row("month", "2024-03", date_precision="month"),
        rows.row("province", "2024-03-01", geo_precision="admin1"), rows.row("b", "2024-03-12"),
        rows.row("a", "2024-03-12"), rows.row("early", "2024-03-02"),
    )
    order = [r.report_id for r in sorted(reports, key=merge.processing_key)]
    assert order == ["early", "a", "b", "province", "month", "undated"]


def test_a_row_reads_as_a_report_with_its_named_perpetrator_as_a_registry_family(rows):
    families = {"ISWAP": "Islamic State"}
    claimed, unnamed = rows.reports(
        rows.row("c", "2024-03", date_precision="month", claimed_by="ISWAP", actor2="Nigeria", actor2_type="state"),
        rows.row("u", actor1="gunmen", actor1_type="unidentified"),
        family_of=lambda name: families.get(name, name))
    assert (claimed.perpetrator, claimed.target, claimed.family) == ("Islamic State", "Nigeria", "attack")
    assert (claimed.start, claimed.end, claimed.coarse) == (738946, 738976, True)
    assert (claimed.place, claimed.coords) == (("Maiduguri", "Borno", "Nigeria"), (11.8311, 13.1510))
    assert (unnamed.perpetrator, unnamed.target, unnamed.coarse) == (None, None, False)
