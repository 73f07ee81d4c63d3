"""query.py: the filter, its URL round trip and the frames each page draws."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pandas.testing as pdt
import pytest

from eventdesk import schema
from eventdesk.dashboard import query
from eventdesk.dashboard.query import Count, Filter
from eventdesk.store import tables


def _events(*rows: dict) -> pd.DataFrame:
    """A small event table: each row names only the columns it needs."""
    base = {schema.ARTICLE_ID: "a1", schema.DATE_PRECISION: "day", schema.GEO_PRECISION: "unknown",
            schema.EVIDENCE: "sentence", schema.EVIDENCE_START: 0, schema.EVIDENCE_END: 8, schema.CONFIDENCE: 0.9}
    full = [{**base, schema.EVENT_ID: f"e{i}", **row} for i, row in enumerate(rows, start=1)]
    return schema.validate(pd.DataFrame(full))


@pytest.fixture
def small() -> pd.DataFrame:
    return _events(
        {schema.EVENT_TYPE: "bombing", schema.DATE: "2024-01-03", schema.ACTOR1: "Islamic State",
         schema.ACTOR2: "civilians", schema.COUNTRY: "Iran", schema.LOCATION: "Kerman", schema.KILLED: 84,
         schema.KILLED_QUALIFIER: "at_least", schema.INJURED: 284, schema.INJURED_QUALIFIER: "exact",
         schema.CLAIMED_BY: "Islamic State", schema.LINKED_EVENT_ID: "e2", schema.LAT: 30.2832, schema.LON: 57.0788,
         schema.GEO_PRECISION: "city", schema.EVIDENCE: "At least 84 people were killed in Kerman."},
        {schema.EVENT_TYPE: "claim", schema.DATE: "2024-01-04", schema.ACTOR1: "Islamic State",
         schema.LINKED_EVENT_ID: "e1", schema.KILLED: 84, schema.KILLED_QUALIFIER: "at_least",
         schema.EVIDENCE: "ISIS claimed responsibility for the attack a day later."},
        {schema.EVENT_TYPE: "warning", schema.DATE: "2024-01", schema.DATE_PRECISION: "month",
         schema.ACTOR1: "United States", schema.ACTOR2: "Iran", schema.EVIDENCE: "The US warned Iran."},
        {schema.EVENT_TYPE: "accusation", schema.ACTOR1: "Iran", schema.ACTOR2: "United States",
         schema.DATE_PRECISION: "unknown", schema.ARTICLE_ID: "a2", schema.EVIDENCE: "Iran was accused of attacks."},
        {schema.EVENT_TYPE: "armed_assault", schema.DATE: "2023", schema.DATE_PRECISION: "year",
         schema.ACTOR1: "Gunmen", schema.ACTOR2: "police", schema.COUNTRY: "Nigeria", schema.LOCATION: "Kano",
         schema.KILLED: 2, schema.KILLED_QUALIFIER: "exact", schema.INJURED: 3, schema.INJURED_QUALIFIER: "about",
         schema.ARTICLE_ID: "a3", schema.EVIDENCE: "Gunmen killed two police officers in Kano."},
    )


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
    view = query.apply(small, Filter())
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
    assert _types(query.apply(small, Filter(actors=(actor,), role=role))) == expected


def test_a_claimant_counts_as_initiator(small):
    events = small.assign(**{schema.ACTOR1: small[schema.ACTOR1].where(small[schema.EVENT_TYPE] != "bombing")})
    assert _types(query.apply(events, Filter(actors=("Islamic State",), role="initiator"))) == ["bombing", "claim"]


def test_apply_by_type_and_country(small):
    assert _types(query.apply(small, Filter(event_types=("claim", "warning")))) == ["claim", "warning"]
    assert _types(query.apply(small, Filter(countries=("Nigeria",)))) == ["armed_assault"]


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
    assert _types(query.apply(small, Filter(date_from=start, date_to=end))) == expected


def test_apply_text_search_is_case_insensitive_over_evidence_actors_and_places(small):
    assert _types(query.apply(small, Filter(text="CLAIMED"))) == ["claim"]
    assert _types(query.apply(small, Filter(text="kano"))) == ["armed_assault"]
    assert _types(query.apply(small, Filter(text="united states"))) == ["warning", "accusation"]


def test_apply_combines_fields_and_resets_the_index(small):
    view = query.apply(small, Filter(actors=("Iran",), event_types=("accusation",))).to_frame()
    assert list(view.index) == [0]
    assert list(view[schema.EVENT_ID]) == ["e4"]


def test_filter_options_lists_what_the_table_holds(small):
    options = query.filter_options(small)
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
    assert query.from_query_string(query.to_query_string(flt)) == flt
    assert query.filter_from_params(query.filter_to_params(flt)) == flt


def test_query_string_is_readable_and_leaves_out_defaults():
    flt = Filter(actors=("Islamic State", "Iran"), event_types=("bombing",), date_from=dt.date(2024, 1, 3))
    assert query.to_query_string(flt) == "actor=Islamic+State&actor=Iran&type=bombing&from=2024-01-03"
    assert query.to_query_string(Filter()) == ""


def test_malformed_query_values_are_ignored():
    flt = query.from_query_string("?role=victim&type=bombing&type=picnic&from=2024-13-45&to=2024-02-01&q=")
    assert flt == Filter(event_types=("bombing",), date_to=dt.date(2024, 2, 1))


def test_single_string_params_are_accepted():
    assert query.filter_from_params({"actor": "Iran", "role": "target"}) == Filter(actors=("Iran",), role="target")


# --- counts -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "shown"),
    [(Count(84, "at_least"), "at least 84"), (Count(284), "284"), (Count(12, "about"), "about 12"),
     (Count(5, "at_most"), "at most 5"), (Count(12345), "12,345"), (Count(None), "not reported")],
    ids=["at-least", "exact", "about", "at-most", "thousands", "none"],
)
def test_count_reads_with_its_qualifier(count, shown):
    assert str(count) == shown


@pytest.mark.parametrize(
    ("parts", "combined"),
    [(["exact", "exact"], "exact"), (["at_least", "exact"], "at_least"), (["at_most"], "at_most"),
     (["at_least", "about"], "about"), (["at_least", "at_most"], "about")],
)
def test_a_sum_keeps_the_qualifier_of_its_parts(parts, combined):
    events = _events(*({schema.EVENT_TYPE: "bombing", schema.KILLED: 1, schema.KILLED_QUALIFIER: q} for q in parts))
    assert query.headline(events).killed == Count(len(parts), combined)


def test_format_counts_is_empty_where_nothing_was_reported():
    values = pd.Series([84, None, 3], dtype="Int64")
    qualifiers = pd.Series(["at_least", None, None], dtype="string")
    assert list(query.format_counts(values, qualifiers)) == ["at least 84", "", "3"]


def test_headline_counts_an_attack_once_not_again_through_its_claim(small):
    figures = query.headline(small)
    assert (figures.events, figures.articles, figures.actors, figures.located) == (5, 3, 6, 1)
    assert figures.killed == Count(86, "at_least")
    assert figures.injured == Count(287, "about")


def test_headline_of_the_seed_bombing(small):
    figures = query.headline(query.apply(small, Filter(actors=("Islamic State",))))
    assert str(figures.killed) == "at least 84"
    assert str(figures.injured) == "284"


# --- casualties -------------------------------------------------------------------------------


def test_casualties_by_event_is_deadliest_first_with_qualifiers(small):
    table = query.casualties_by_event(small)
    assert list(table[schema.EVENT_ID]) == ["e1", "e5"]
    assert list(table[query.KILLED_SHOWN]) == ["at least 84", "2"]
    assert list(table[query.INJURED_SHOWN]) == ["284", "about 3"]


def test_casualties_by_place_sums_with_qualifiers():
    events = _events(
        {schema.EVENT_TYPE: "bombing", schema.LOCATION: "Kerman", schema.COUNTRY: "Iran", schema.KILLED: 84,
         schema.KILLED_QUALIFIER: "at_least", schema.INJURED: 284, schema.INJURED_QUALIFIER: "exact"},
        {schema.EVENT_TYPE: "attack", schema.LOCATION: "Kerman", schema.COUNTRY: "Iran", schema.KILLED: 3,
         schema.KILLED_QUALIFIER: "exact"},
        {schema.EVENT_TYPE: "shelling", schema.COUNTRY: "Syria", schema.INJURED: 10, schema.INJURED_QUALIFIER: "about"},
    )
    expected = pd.DataFrame(
        {
            query.PLACE: pd.Series(["Kerman, Iran", "Syria"], dtype="string"),
            schema.N_EVENTS: pd.Series([2, 1], dtype="Int64"),
            schema.KILLED: pd.Series([87, None], dtype="Int64"),
            schema.KILLED_QUALIFIER: pd.Series(["at_least", "exact"], dtype="string"),
            schema.INJURED: pd.Series([284, 10], dtype="Int64"),
            schema.INJURED_QUALIFIER: pd.Series(["exact", "about"], dtype="string"),
            query.KILLED_SHOWN: pd.Series(["at least 87", ""], dtype="string"),
            query.INJURED_SHOWN: pd.Series(["284", "about 10"], dtype="string"),
        }
    )
    pdt.assert_frame_equal(query.casualties_by_place(events), expected)


def test_casualties_by_actor_uses_the_claimant_when_no_perpetrator_is_named(small):
    events = small.assign(**{schema.ACTOR1: small[schema.ACTOR1].where(small[schema.EVENT_TYPE] != "bombing")})
    table = query.casualties_by_actor(events)
    assert list(table[query.ACTOR]) == ["Islamic State", "Gunmen"]
    assert list(table[query.KILLED_SHOWN]) == ["at least 84", "2"]


def test_casualties_by_date_is_oldest_first(small):
    table = query.casualties_by_date(small)
    assert list(table[query.PERIOD]) == ["2023", "2024-01-03"]
    assert list(table[schema.KILLED]) == [2, 84]


def test_casualties_by_date_falls_back_to_months_when_there_are_many_dates():
    days = pd.date_range("2024-01-01", periods=query.MAX_DATE_BARS + 10, freq="D").strftime("%Y-%m-%d")
    events = _events(*({schema.EVENT_TYPE: "attack", schema.DATE: d, schema.KILLED: 1} for d in days))
    table = query.casualties_by_date(events)
    assert list(table[query.PERIOD]) == ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05"]
    assert int(table[schema.KILLED].sum()) == len(days)


# --- timeline ---------------------------------------------------------------------------------


def test_timeline_frame_marks_precision_and_centres_vague_dates(small):
    frame = query.timeline_frame(small)
    by_type = frame.set_index(schema.EVENT_TYPE)
    assert list(frame[schema.EVENT_TYPE]) == ["armed_assault", "warning", "bombing", "claim"]  # the undated is left out
    assert bool(by_type.loc["bombing", query.PRECISE]) and not bool(by_type.loc["warning", query.PRECISE])
    assert by_type.loc["warning", query.START] == pd.Timestamp("2024-01-01")
    assert by_type.loc["warning", query.END] == pd.Timestamp("2024-01-31")
    assert by_type.loc["warning", query.X] == pd.Timestamp("2024-01-16")
    assert by_type.loc["bombing", query.SIZE] > by_type.loc["claim", query.SIZE]
    assert "at least 84" in by_type.loc["bombing", query.HOVER]
    assert query.count_undated(small) == 1


def test_timeline_rows_by_initiator(small):
    frame = query.timeline_frame(small, by=query.ACTOR)
    assert sorted(set(frame[query.ROW])) == ["Gunmen", "Islamic State", "United States"]


def test_timeline_hover_escapes_article_text():
    events = _events(
        {schema.EVENT_TYPE: "attack", schema.DATE: "2024-01-01", schema.EVIDENCE: "<img src=x onerror=alert(1)>"}
    )
    hover = query.timeline_frame(events)[query.HOVER].iloc[0]
    assert "<img" not in hover and "&lt;img src=x onerror=alert(1)&gt;" in hover


def test_timeline_links_join_a_claim_to_its_attack_once(small):
    links = query.timeline_links(query.timeline_frame(small))
    assert len(links) == 1
    assert sorted([links.loc[0, "y0"], links.loc[0, "y1"]]) == ["bombing", "claim"]


def test_timeline_bins_by_month_above_max_points():
    days = [f"2024-0{m}-{d:02d}" for m in (1, 2) for d in range(1, 11)]
    events = _events(*({schema.EVENT_TYPE: "attack", schema.DATE: day, schema.KILLED: 1} for day in days))
    frame = query.timeline_frame(events, max_points=5)
    assert query.is_binned(frame) and not query.is_binned(query.timeline_frame(events))
    assert list(frame[query.START]) == [pd.Timestamp("2024-01-01"), pd.Timestamp("2024-02-01")]
    assert list(frame[schema.N_EVENTS]) == [10, 10]
    assert list(frame[query.CASUALTIES]) == [10, 10]


# --- relations and actors ---------------------------------------------------------------------


def test_relations_groups_pairs_and_types(small):
    expected = pd.DataFrame(
        {
            schema.ACTOR1: ["Gunmen", "Iran", "Islamic State", "United States"],
            schema.ACTOR2: ["police", "United States", "civilians", "Iran"],
            schema.EVENT_TYPE: ["armed_assault", "accusation", "bombing", "warning"],
            schema.N_EVENTS: [1, 1, 1, 1],
            schema.FIRST_DATE: ["2023", None, "2024-01-03", "2024-01"],
            schema.LAST_DATE: ["2023", None, "2024-01-03", "2024-01"],
            schema.KILLED: [2, None, 84, None],
            schema.INJURED: [3, None, 284, None],
        }
    )
    pdt.assert_frame_equal(query.relations(small), schema.conform(expected, schema.RELATION_COLUMNS))


def test_relations_sum_repeated_events_and_sort_busiest_first():
    strike = {schema.EVENT_TYPE: "airstrike", schema.ACTOR1: "A", schema.ACTOR2: "B"}
    events = _events(
        {**strike, schema.DATE: "2024-02-01", schema.KILLED: 4},
        {**strike, schema.DATE: "2024-01-05", schema.KILLED: 1},
        {schema.EVENT_TYPE: "statement", schema.ACTOR1: "B", schema.ACTOR2: "A", schema.DATE: "2024-03-01"},
        {schema.EVENT_TYPE: "protest", schema.ACTOR1: "C"},
    )
    rel = query.relations(events)
    pairs = list(zip(rel[schema.ACTOR1], rel[schema.ACTOR2], rel[schema.N_EVENTS], strict=True))
    assert pairs == [("A", "B", 2), ("B", "A", 1)]
    first = rel.iloc[0]
    assert (first[schema.FIRST_DATE], first[schema.LAST_DATE], first[schema.KILLED]) == ("2024-01-05", "2024-02-01", 5)


def test_relations_of_an_empty_table_has_the_declared_columns():
    rel = query.relations(schema.empty_frame())
    assert tuple(rel.columns) == schema.RELATION_FIELDS and rel.empty


def test_counterparts_show_both_directions(small):
    table = query.counterparts(small, "Iran")
    assert list(table[query.COUNTERPART]) == ["United States", "United States"]
    assert sorted(table[query.EVENT_TYPES]) == ["accusation", "warning"]
    assert sorted(table[query.DIRECTION]) == ["Iran → counterpart", "counterpart → Iran"]


def test_actor_events_include_claims(small):
    assert list(query.actor_events(small, "Islamic State")[schema.EVENT_TYPE]) == ["claim", "bombing"]


def test_actor_event_counts_and_types(small):
    counts = query.actor_event_counts(small)
    assert counts["Islamic State"] == 2 and counts["Iran"] == 2
    events = small.assign(**{schema.ACTOR1_TYPE: "state"})
    assert query.actor_types(events)["Iran"] == "state"


# --- map --------------------------------------------------------------------------------------


def test_map_places_groups_located_events():
    events = _events(
        {schema.EVENT_TYPE: "bombing", schema.LAT: 30.2832, schema.LON: 57.0788, schema.LOCATION: "Kerman",
         schema.COUNTRY: "Iran", schema.GEO_PRECISION: "city", schema.KILLED: 84, schema.KILLED_QUALIFIER: "at_least",
         schema.DATE: "2024-01-03"},
        {schema.EVENT_TYPE: "bombing", schema.LAT: 30.2832, schema.LON: 57.0788, schema.LOCATION: "Kerman",
         schema.COUNTRY: "Iran", schema.GEO_PRECISION: "city", schema.KILLED: 1, schema.DATE: "2024-02-01"},
        {schema.EVENT_TYPE: "attack", schema.LAT: 32.0, schema.LON: 53.0, schema.COUNTRY: "Iran",
         schema.GEO_PRECISION: "country"},
        {schema.EVENT_TYPE: "claim"},
    )
    places = query.map_places(events)
    assert list(places[query.PLACE]) == ["Kerman, Iran", "Iran"]
    assert list(places[schema.N_EVENTS]) == [2, 1]
    assert places.loc[0, query.KILLED_SHOWN] == "at least 85"
    assert (places.loc[0, schema.FIRST_DATE], places.loc[0, schema.LAST_DATE]) == ("2024-01-03", "2024-02-01")
    assert list(places[schema.GEO_PRECISION]) == ["city", "country"]
    assert query.count_places(events) == 2
    nearby = events.assign(**{schema.LAT: [30.2832, 30.2911, 32.0, None], schema.GEO_PRECISION: "city"})
    assert (query.count_places(nearby), query.count_places(nearby, decimals=1)) == (3, 2)


def test_events_table_has_every_declared_column_newest_first(small):
    table = query.events_table(small)
    # every event column an incident keeps (a dyad row's `part_of` is not one), in declared order
    assert tuple(table.columns) == tuple(name for name in schema.EVENT_FIELDS if name != schema.PART_OF)
    assert list(table[schema.EVENT_ID]) == ["e2", "e1", "e3", "e5", "e4"]


def test_events_table_keeps_an_incident_tables_figure_columns(small):
    incidents = schema.conform(small.assign(**{schema.N_REPORTS: 1, schema.N_SOURCES: 1}), schema.INCIDENT_COLUMNS)
    table = query.events_table(incidents)
    assert tuple(table.columns) == schema.INCIDENT_FIELDS
    assert list(table[schema.EVENT_ID]) == ["e2", "e1", "e3", "e5", "e4"]


@pytest.fixture
def stored(small, tmp_path) -> tables.Table:
    """The small table as the dashboard reads it: a Parquet file in the database."""
    path = tmp_path / "events.parquet"
    small.to_parquet(path, schema=schema.arrow_schema(schema.EVENT_COLUMNS), index=False)
    return tables.Table.from_parquet(path)


@pytest.mark.parametrize(
    "derive",
    [
        query.relations, query.timeline_frame, query.casualties_by_actor, query.casualties_by_place,
        query.casualties_by_date, query.map_places, query.latest_events, query.events_table,
        lambda view: query.counterparts(view, "Iran"), lambda view: query.apply(view, Filter(text="kerman")).to_frame(),
    ],
    ids=["relations", "timeline", "by-actor", "by-place", "by-date", "map-places", "latest", "events-table",
         "counterparts", "text-search"],
)
def test_the_parquet_file_gives_the_same_frames(small, stored, derive):
    pdt.assert_frame_equal(derive(stored), derive(small))


@pytest.mark.parametrize(
    "derive",
    [query.headline, query.filter_options, query.actor_event_counts, query.actor_types],
    ids=["headline", "filter-options", "actor-counts", "actor-types"],
)
def test_the_parquet_file_gives_the_same_figures(small, stored, derive):
    plain, read = derive(small), derive(stored)
    if isinstance(plain, pd.Series):
        pdt.assert_series_equal(read, plain)
    else:
        assert read == plain


def test_a_file_that_is_not_parquet_is_named_in_the_error(tmp_path):
    path = tmp_path / "events.parquet"
    path.write_bytes(b"not a table")
    with pytest.raises(tables.TableError, match="events.parquet: cannot read the event table"):
        tables.Table.from_parquet(path)


def test_a_file_without_some_columns_reads_them_as_nulls(small, tmp_path):
    path = tmp_path / "events.parquet"
    small.drop(columns=[schema.CLAIMED_BY, schema.LAT]).to_parquet(path, index=False)
    table = tables.Table.from_parquet(path)
    assert len(table) == 5 and schema.CLAIMED_BY not in table.columns
    assert query.count_located(table) == 0
    assert _types(query.apply(table, Filter(actors=("Islamic State",)))) == ["bombing", "claim"]


def test_the_whole_view_downloads_as_csv_newest_first(small):
    text = query.events_csv(query.apply(small, Filter(countries=("Iran",)))).decode()
    lines = text.splitlines()
    assert lines[0].split(",")[0] == schema.EVENT_FIELDS[0] and len(lines) == 2
    assert "Kerman" in lines[1]
