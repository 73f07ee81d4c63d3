"""The merge on what reports share: victims, ages, sites, later reports, publication dates, nearby towns."""

from __future__ import annotations

from eventdesk.store import merge

# Camden, New Jersey lies across the Delaware from Philadelphia, 5 km away.
PHILADELPHIA = {"location": "Philadelphia", "admin1": "Pennsylvania", "country": "United States",
                "lat": 39.9526, "lon": -75.1652}
CAMDEN = {"location": "Camden", "admin1": "New Jersey", "country": "United States", "lat": 39.9259, "lon": -75.1196}
CHICAGO = {"location": "Chicago", "admin1": "Illinois", "country": "United States", "lat": 41.8781, "lon": -87.6298}

GAS_STATION = ("PHILADELPHIA (AP) - Two people were shot dead and two wounded Saturday night at a gas station in "
               "Philadelphia, police said.")
FOLLOW_UP = ("Police are still searching for the gunman in the shooting that killed a 22-year-old at a gas station in "
             "Philadelphia, officials said.")


def shooting(rows, report_id, date, town, evidence, targets=None, published=None, **values):
    return rows.row(report_id, date, None, event_type="armed_assault", evidence=evidence, targets=targets,
                    published=published or date, geo_precision="city", **town, **values)


def test_an_undated_follow_up_joins_the_shooting_at_its_site_published_within_a_week(rows):
    wire = shooting(rows, "w1", "2024-03-16", PHILADELPHIA, GAS_STATION, "civilians; Brandon Porter", killed=2)
    later = shooting(rows, "f1", None, PHILADELPHIA, FOLLOW_UP, published="2024-03-18", date_precision="unknown")
    table = rows.merged(wire, later)
    assert rows.groups(table) == [["w1", "f1"]]
    assert rows.reason_of(table, "f1") == (
        "the only incident this vaguer report fits: same kind (armed_assault); undated, published 2024-03-18: "
        "within 7 days after 2024-03-16; Philadelphia, 0 km apart (within 30 km at city precision); "
        "no conflicting actors; the same site (station)")


def test_an_undated_report_published_weeks_later_or_sharing_nothing_stays_apart(rows):
    wire = shooting(rows, "w1", "2024-03-16", PHILADELPHIA, GAS_STATION, "civilians; Brandon Porter")
    late = shooting(rows, "f1", None, PHILADELPHIA, FOLLOW_UP, published="2024-03-30", date_precision="unknown")
    vague = shooting(rows, "f2", None, PHILADELPHIA, "Police said they were investigating a shooting.",
                     published="2024-03-17", date_precision="unknown")
    assert rows.groups(rows.merged(wire, late, vague)) == [["f1"], ["f2"], ["w1"]]


def test_two_shootings_on_one_night_in_one_city_stay_apart_and_each_report_finds_its_own(rows):
    night = "2024-10-19"
    club = shooting(rows, "a1", night, CHICAGO, "A 17-year-old was shot and killed Saturday night outside a "
                                                "nightclub in Chicago, Illinois, police said.")
    stop = shooting(rows, "b1", night, CHICAGO, "A 34-year-old was shot and killed Saturday night at a bus stop in "
                                                "Chicago, Illinois, police said.")
    club_wire = shooting(rows, "a2", night, CHICAGO, "CHICAGO (AP) - One person was shot dead Saturday night outside "
                                                     "a nightclub in Chicago, police said.", "person; Marcus Hill")
    stop_wire = shooting(rows, "b2", night, CHICAGO, "CHICAGO (AP) - Two people were shot Saturday night, one of "
                                                     "them a 34-year-old man, police said.")
    unsure = shooting(rows, "c1", night, CHICAGO, "One person was killed in a shooting in Chicago, police said.")
    table = rows.merged(club, stop, club_wire, stop_wire, unsure)
    assert rows.groups(table) == [["a1", "a2"], ["b1", "b2"], ["c1"]]
    assert rows.reason_of(table, "b2").endswith("; victims of the same age (34)")
    assert rows.reason_of(table, "c1") == ("a single report: it fits 2 incidents as near as each other and agrees "
                                           "with none of them more than another")


def test_reports_that_name_different_victims_stay_apart_on_the_same_night(rows):
    first = shooting(rows, "a1", "2024-10-19", CHICAGO, "Two men were shot dead on Saturday, police said.",
                     "Marcus Hill; DeShawn Carter")
    second = shooting(rows, "a2", "2024-10-19", CHICAGO, "A man was shot dead on Saturday, police said.",
                      "Jerome Price")
    assert rows.groups(rows.merged(first, second)) == [["a1"], ["a2"]]
    assert merge.agreement(*rows.reports(first, second))[1] == "victims named differently"


def test_a_city_and_its_suburb_across_a_state_line_merge_only_on_their_victims(rows):
    city = shooting(rows, "p1", "2024-10-12", PHILADELPHIA, GAS_STATION, "civilians; Angel Russell")
    suburb = shooting(rows, "c1", "2024-10-12", CAMDEN, "CAMDEN, N.J. (AP) - A man was shot dead Saturday night at a "
                                                        "gas station in Camden, police said.")
    assert rows.groups(rows.merged(city, suburb)) == [["c1"], ["p1"]]  # a gas station in each: two shootings
    named = shooting(rows, "c2", "2024-10-12", CAMDEN, "Angel Russell, 39, was shot dead at a gas station in Camden.",
                     "Angel Russell")
    table = rows.merged(city, named)
    assert rows.groups(table) == [["c2", "p1"]]
    assert rows.reason_of(table, "p1") == (
        "same kind (armed_assault); dated 2024-10-12, the same day; Philadelphia / Camden, 5 km apart (within 30 km "
        "at city precision), two towns; no conflicting actors; the same victims (Angel Russell); the same site "
        "(station)")


def test_a_toll_update_dated_the_day_it_was_written_joins_the_bombing_it_refers_back_to(rows):
    bombing = rows.row("b1", "2024-02-10", evidence="A suicide bomber killed 12 people and wounded 30 at a crowded "
                                                    "bus station in Maiduguri on Saturday, police said.",
                       targets="people (civilians); crowded bus; civilians", published="2024-02-11", killed=12)
    toll = rows.row("t1", "2024-02-12", evidence="The death toll from Saturday's bombing at the bus station in "
                                                 "Maiduguri has risen to 18, officials said on Monday.",
                    targets="bus station", published="2024-02-12", killed=18)
    another = rows.row("n1", "2024-02-12", evidence="A bomb exploded at a bus station in Maiduguri on Monday.",
                       published="2024-02-12")
    table = rows.merged(bombing, toll, another)
    assert rows.groups(table) == [["b1", "t1"], ["n1"]]
    assert ('dated 2024-02-12, a later report (merge_later_weekday_possessive "Saturday\'s bombing"): within 7 days '
            'after 2024-02-10') in rows.reason_of(table, "t1")


def test_candidates_stay_within_the_country_and_the_week(rows):
    toll = rows.reports(rows.row("t1", "2024-02-12", evidence="The death toll from Saturday's bombing at the market "
                                                              "has risen to 18.", published="2024-02-12"))[0]
    assert (toll.first, toll.last) == (toll.start - merge.LOOKBACK_DAYS, toll.start) and toll.coarse
    plain = rows.reports(rows.row("p1", "2024-02-12", published="2024-02-13"))[0]
    assert (plain.first, plain.last, plain.coarse) == (plain.start, plain.end, False)
