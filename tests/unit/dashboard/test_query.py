"""query.py: the tables and aggregations each page draws, the same from a frame and from the Parquet file."""

from __future__ import annotations

import pandas as pd
import pandas.testing as pdt
import pytest

from eventdesk import schema
from eventdesk.dashboard import counts, filters, query, timeline
from eventdesk.dashboard.filters import Filter
from eventdesk.store import tables


def _types(view: tables.View | pd.DataFrame) -> list[str]:
    frame = view.to_frame() if isinstance(view, tables.View) else view
    return list(frame[schema.EVENT_TYPE])


# --- casualties -------------------------------------------------------------------------------


def test_casualties_by_event_is_deadliest_first_with_qualifiers(small):
    table = query.casualties_by_event(small)
    assert list(table[schema.EVENT_ID]) == ["e1", "e5"]
    assert list(table[counts.KILLED_SHOWN]) == ["at least 84", "2"]
    assert list(table[counts.INJURED_SHOWN]) == ["284", "about 3"]


def test_casualties_by_place_sums_with_qualifiers(make_events):
    events = make_events(
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
            counts.KILLED_SHOWN: pd.Series(["at least 87", ""], dtype="string"),
            counts.INJURED_SHOWN: pd.Series(["284", "about 10"], dtype="string"),
        }
    )
    pdt.assert_frame_equal(query.casualties_by_place(events), expected)


def test_casualties_by_actor_uses_the_claimant_when_no_perpetrator_is_named(small):
    events = small.assign(**{schema.ACTOR1: small[schema.ACTOR1].where(small[schema.EVENT_TYPE] != "bombing")})
    table = query.casualties_by_actor(events)
    assert list(table[query.ACTOR]) == ["Islamic State", "Gunmen"]
    assert list(table[counts.KILLED_SHOWN]) == ["at least 84", "2"]


def test_casualties_by_date_is_oldest_first(small):
    table = query.casualties_by_date(small)
    assert list(table[query.PERIOD]) == ["2023", "2024-01-03"]
    assert list(table[schema.KILLED]) == [2, 84]


def test_casualties_by_date_falls_back_to_months_when_there_are_many_dates(make_events):
    days = pd.date_range("2024-01-01", periods=query.MAX_DATE_BARS + 10, freq="D").strftime("%Y-%m-%d")
    events = make_events(*({schema.EVENT_TYPE: "attack", schema.DATE: d, schema.KILLED: 1} for d in days))
    table = query.casualties_by_date(events)
    assert list(table[query.PERIOD]) == ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05"]
    assert int(table[schema.KILLED].sum()) == len(days)


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


def test_relations_sum_repeated_events_and_sort_busiest_first(make_events):
    strike = {schema.EVENT_TYPE: "airstrike", schema.ACTOR1: "A", schema.ACTOR2: "B"}
    events = make_events(
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


def test_map_places_groups_located_events(make_events):
    events = make_events(
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
    assert places.loc[0, counts.KILLED_SHOWN] == "at least 85"
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


PAGE_FIRST = (schema.DATE, schema.EVENT_TYPE, query.PLACE, schema.ACTOR1, schema.ACTOR2, schema.KILLED,
              schema.INJURED, schema.EVIDENCE)


def test_the_events_page_opens_on_date_type_place_actors_figures_and_evidence(small):
    incidents = schema.conform(small.assign(**{schema.N_REPORTS: 1, schema.N_SOURCES: 1}), schema.INCIDENT_COLUMNS)
    table = query.events_page_table(incidents)
    assert tuple(table.columns) == query.EVENTS_PAGE_COLUMNS
    assert tuple(table.columns[:8]) == PAGE_FIRST
    assert len(table.columns) < len(schema.INCIDENT_FIELDS) / 2
    kerman = table[table[schema.EVENT_ID] == "e1"].iloc[0]
    assert (kerman[query.PLACE], kerman[schema.KILLED], kerman[schema.KILLED_QUALIFIER]) == (
        "Kerman, Iran", 84, "at_least")
    assert list(table[schema.EVENT_ID]) == ["e2", "e1", "e3", "e5", "e4"]


def test_all_columns_are_every_declared_column_after_the_first_ones(small):
    incidents = schema.conform(small.assign(**{schema.N_REPORTS: 1, schema.N_SOURCES: 1}), schema.INCIDENT_COLUMNS)
    table = query.events_page_table(incidents, limit=2, all_columns=True)
    assert tuple(table.columns[:len(query.EVENTS_PAGE_COLUMNS)]) == query.EVENTS_PAGE_COLUMNS
    assert sorted(table.columns) == sorted([query.PLACE, *schema.INCIDENT_FIELDS])
    assert (len(table), table.attrs[query.TOTAL]) == (2, 5)


def test_a_table_of_single_reports_leaves_out_the_incident_columns(small):
    table = query.events_page_table(small)
    assert tuple(table.columns) == tuple(c for c in query.EVENTS_PAGE_COLUMNS
                                         if c not in (schema.N_REPORTS, schema.N_SOURCES, schema.CORRECTED,
                                                      schema.VERIFIED))


@pytest.fixture
def stored(small, tmp_path) -> tables.Table:
    """The small table as the dashboard reads it: a Parquet file in the database."""
    path = tmp_path / "events.parquet"
    small.to_parquet(path, schema=schema.arrow_schema(schema.EVENT_COLUMNS), index=False)
    return tables.Table.from_parquet(path)


@pytest.mark.parametrize(
    "derive",
    [
        query.relations, timeline.timeline_frame, query.casualties_by_actor, query.casualties_by_place,
        query.casualties_by_date, query.map_places, query.latest_events, query.events_table,
        lambda view: query.counterparts(view, "Iran"),
        lambda view: filters.apply(view, Filter(text="kerman")).to_frame(),
    ],
    ids=["relations", "timeline", "by-actor", "by-place", "by-date", "map-places", "latest", "events-table",
         "counterparts", "text-search"],
)
def test_the_parquet_file_gives_the_same_frames(small, stored, derive):
    pdt.assert_frame_equal(derive(stored), derive(small))


@pytest.mark.parametrize(
    "derive",
    [counts.headline, filters.filter_options, query.actor_event_counts, query.actor_types],
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
    assert _types(filters.apply(table, Filter(actors=("Islamic State",)))) == ["bombing", "claim"]


def test_the_whole_view_downloads_as_csv_newest_first(small):
    data = query.events_csv(filters.apply(small, Filter(countries=("Iran",))))
    assert data[:3] == b"\xef\xbb\xbf"  # the byte-order mark Excel needs to read UTF-8
    lines = data[3:].decode().splitlines()
    assert lines[0].split(",")[0] == schema.EVENT_FIELDS[0] and len(lines) == 2
    assert "Kerman" in lines[1]


def test_a_table_shows_missing_text_as_empty_and_keeps_numbers_numeric():
    frame = pd.DataFrame({"date": pd.array(["2024-01-03", None], dtype="string"), "source": [None, "AP"],
                          "killed": pd.array([84, None], dtype="Int64")})
    shown = query.blank_missing_text(frame)
    assert shown["date"].tolist() == ["2024-01-03", ""] and shown["source"].tolist() == ["", "AP"]
    assert shown["killed"].dtype == "Int64" and shown["killed"].isna().tolist() == [False, True]
    assert frame["date"].isna().tolist() == [False, True]  # the caller's frame is left as it was
