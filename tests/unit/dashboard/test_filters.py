"""filters.py: the filter, narrowing the table to it, its URL round trip and the sidebar's widget values."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pandas.testing as pdt
import pytest

from eventdesk import schema
from eventdesk.dashboard import filters, keys
from eventdesk.dashboard.filters import Filter
from eventdesk.store import tables


def _types(view: tables.View | pd.DataFrame) -> list[str]:
    frame = view.to_frame() if isinstance(view, tables.View) else view
    return list(frame[schema.EVENT_TYPE])


# --- the filter -------------------------------------------------------------------------------


def test_filter_normalises_lists_and_swaps_reversed_dates():
    flt = Filter(actors=["Iran", " Iran ", ""], date_from=dt.date(2024, 2, 1), date_to=dt.date(2024, 1, 1))
    assert flt.actors == ("Iran",)
    assert (flt.date_from, flt.date_to) == (dt.date(2024, 1, 1), dt.date(2024, 2, 1))


def test_filter_rejects_an_unknown_role():
    with pytest.raises(ValueError, match="role must be one of"):
        Filter(role="victim")


def test_empty_filter_keeps_every_row_in_table_order(small):
    view = filters.apply(small, Filter())
    assert len(view) == 5
    pdt.assert_frame_equal(view.to_frame(), small)


@pytest.mark.parametrize(
    ("actor", "role", "expected"),
    [
        ("Islamic State", "either", ["bombing", "claim"]),
        ("Islamic State", "target", []),
        ("Iran", "initiator", ["accusation"]),
        ("Iran", "target", ["warning"]),
        ("Iran", "either", ["warning", "accusation"]),
        ("Hezbollah", "either", []),
    ],
    ids=["is-either", "is-as-target", "iran-initiator", "iran-target", "iran-either", "no-events"],
)
def test_apply_by_actor_and_role(small, actor, role, expected):
    assert _types(filters.apply(small, Filter(actors=(actor,), role=role))) == expected


def test_a_claimant_counts_as_initiator(small):
    events = small.assign(**{schema.ACTOR1: small[schema.ACTOR1].where(small[schema.EVENT_TYPE] != "bombing")})
    assert _types(filters.apply(events, Filter(actors=("Islamic State",), role="initiator"))) == ["bombing", "claim"]


def test_apply_by_type_and_country(small):
    assert _types(filters.apply(small, Filter(event_types=("claim", "warning")))) == ["claim", "warning"]
    assert _types(filters.apply(small, Filter(countries=("Nigeria",)))) == ["armed_assault"]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (dt.date(2024, 1, 4), None, ["claim", "warning"]),  # January 2024 overlaps the 4th onwards
        (None, dt.date(2023, 6, 30), ["armed_assault"]),  # "2023" spans the whole year
        (dt.date(2024, 1, 3), dt.date(2024, 1, 3), ["bombing", "warning"]),
        (dt.date(2025, 1, 1), None, []),
    ],
    ids=["from-4-jan", "until-mid-2023", "one-day", "future"],
)
def test_apply_by_dates_keeps_overlapping_spans_and_drops_undated(small, start, end, expected):
    assert _types(filters.apply(small, Filter(date_from=start, date_to=end))) == expected


def test_apply_text_search_is_case_insensitive_over_evidence_actors_and_places(small):
    assert _types(filters.apply(small, Filter(text="CLAIMED"))) == ["claim"]
    assert _types(filters.apply(small, Filter(text="kano"))) == ["armed_assault"]
    assert _types(filters.apply(small, Filter(text="united states"))) == ["warning", "accusation"]


def test_apply_combines_fields_and_resets_the_index(small):
    view = filters.apply(small, Filter(actors=("Iran",), event_types=("accusation",))).to_frame()
    assert list(view.index) == [0]
    assert list(view[schema.EVENT_ID]) == ["e4"]


def test_filter_options_lists_what_the_table_holds(small):
    options = filters.filter_options(small)
    assert options.actors == ("civilians", "Gunmen", "Iran", "Islamic State", "police", "United States")
    assert options.event_types == ("bombing", "armed_assault", "warning", "claim", "accusation")
    assert options.countries == ("Iran", "Nigeria")
    assert (options.first_date, options.last_date) == (dt.date(2023, 1, 1), dt.date(2024, 1, 31))


# --- the URL ----------------------------------------------------------------------------------

ROUND_TRIPS = [
    Filter(),
    Filter(actors=("Islamic State",)),
    Filter(actors=("Iran", "United States"), role="target", event_types=("warning", "accusation")),
    Filter(date_from=dt.date(2024, 1, 3), date_to=dt.date(2024, 1, 31), countries=("Iran",)),
    Filter(text="burial site & 84 = lives?", actors=("Al-Shabaab",), role="initiator"),
]


@pytest.mark.parametrize("flt", ROUND_TRIPS, ids=["empty", "one-actor", "targets", "dates", "escaping"])
def test_filter_round_trips_through_the_query_string(flt):
    assert filters.from_query_string(filters.to_query_string(flt)) == flt
    assert filters.filter_from_params(filters.filter_to_params(flt)) == flt


def test_query_string_is_readable_and_leaves_out_defaults():
    flt = Filter(actors=("Islamic State", "Iran"), event_types=("bombing",), date_from=dt.date(2024, 1, 3))
    assert filters.to_query_string(flt) == "actor=Islamic+State&actor=Iran&type=bombing&from=2024-01-03"
    assert filters.to_query_string(Filter()) == ""


def test_a_whole_dashboard_url_gives_its_filter():
    url = "http://localhost:8501/events?actor=Islamic+State&country=Iran&from=2024-01-01"
    assert filters.from_query_string(url) == Filter(actors=("Islamic State",), countries=("Iran",),
                                                    date_from=dt.date(2024, 1, 1))


def test_unknown_query_parameters_are_named():
    assert filters.unknown_params("?actor=Iran&countries=Iraq&tpye=bombing&q=") == ["countries", "tpye"]
    assert filters.unknown_params("http://localhost:8501/map?role=target&to=2024-02-01") == []


def test_malformed_query_values_are_ignored():
    flt = filters.from_query_string("?role=victim&type=bombing&type=picnic&from=2024-13-45&to=2024-02-01&q=")
    assert flt == Filter(event_types=("bombing",), date_to=dt.date(2024, 2, 1))


def test_single_string_params_are_accepted():
    assert filters.filter_from_params({"actor": "Iran", "role": "target"}) == Filter(actors=("Iran",), role="target")




# --- the sidebar's widget values --------------------------------------------------------------

OPTIONS = filters.FilterOptions(actors=("Iran", "Islamic State"), event_types=("bombing", "claim"),
                                countries=("Iran",), first_date=dt.date(2024, 1, 3), last_date=dt.date(2024, 1, 31))


def test_sidebar_values_show_a_filter_and_drop_what_the_table_does_not_offer():
    flt = Filter(actors=("Hezbollah",), role="target", event_types=("bombing", "riot"), countries=("Chad", "Iran"),
                 date_from=dt.date(2023, 12, 1), text="market")
    assert filters.sidebar_values(flt, OPTIONS) == {
        keys.ACTORS_KEY: ["Hezbollah"], keys.ROLE_KEY: "target", keys.TYPES_KEY: ["bombing"],
        keys.COUNTRIES_KEY: ["Iran"], keys.TEXT_KEY: "market",
        keys.DATES_KEY: (dt.date(2024, 1, 3), dt.date(2024, 1, 31)),  # clamped to the table's range
    }


def test_dates_at_the_edges_of_the_table_do_not_filter():
    values = {keys.ACTORS_KEY: ["Iran"], keys.DATES_KEY: (dt.date(2024, 1, 3), dt.date(2024, 1, 20))}
    assert filters.filter_of_sidebar(values, OPTIONS) == Filter(actors=("Iran",), date_to=dt.date(2024, 1, 20))
    assert filters.filter_of_sidebar({keys.DATES_KEY: (dt.date(2024, 1, 3),)}, OPTIONS) == Filter()


@pytest.mark.parametrize(
    ("flt",),
    [(Filter(),), (Filter(actors=("Iran",), role="initiator", event_types=("claim",), text="x"),),
     (Filter(date_from=dt.date(2024, 1, 5), date_to=dt.date(2024, 1, 9), countries=("Iran",)),)],
    ids=["empty", "actor-type-text", "dates-country"],
)
def test_a_filter_survives_the_round_trip_through_the_widgets(flt):
    assert filters.filter_of_sidebar(filters.sidebar_values(flt, OPTIONS), OPTIONS) == flt


@pytest.mark.parametrize(
    ("chosen", "followed"),
    [((dt.date(2024, 1, 3), dt.date(2024, 1, 31)), (dt.date(2024, 1, 3), dt.date(2024, 2, 10))),
     ((dt.date(2024, 1, 5), dt.date(2024, 1, 9)), (dt.date(2024, 1, 5), dt.date(2024, 1, 9)))],
    ids=["end-at-the-edge-moves", "inner-range-stays"],
)
def test_the_dates_follow_a_table_that_grew(chosen, followed):
    old, new = (dt.date(2024, 1, 3), dt.date(2024, 1, 31)), (dt.date(2024, 1, 3), dt.date(2024, 2, 10))
    assert filters.followed_dates(chosen, old, new) == followed


def test_the_dates_stay_when_the_table_range_did_not_move():
    span = (dt.date(2024, 1, 3), dt.date(2024, 1, 31))
    assert filters.followed_dates(span, span, span) is None
    assert filters.followed_dates(span, None, span) is None
