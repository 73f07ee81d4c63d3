"""The tables and aggregations the dashboard pages draw, read from a filtered view of the event table.

Owns the short tables (latest events, an actor's events), the Events page's table and its CSV,
casualties by event, date, place and initiator, the relations table and an actor's counterparts,
and the map's places. The counting, grouping and sorting run in the database over the store's
Parquet file (`store/tables.py`), so a page holds only what it draws; pandas finishes the few
hundred rows that come back. Nothing here draws. The filter is `filters.py`; figures and their
qualifiers are `counts.py`; the timeline is `timeline.py`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from eventdesk import schema
from eventdesk.dashboard import counts, filters, sql
from eventdesk.schema import (
    ACTOR1,
    ACTOR1_TYPE,
    ACTOR2,
    ACTOR2_TYPE,
    CLAIMED_BY,
    COUNTRY,
    DATE,
    EVENT_ID,
    EVENT_TYPE,
    EVIDENCE,
    FIRST_DATE,
    GEO_PRECISION,
    INJURED,
    INJURED_QUALIFIER,
    KILLED,
    KILLED_QUALIFIER,
    LAST_DATE,
    LAT,
    LOCATION,
    LON,
    N_EVENTS,
    N_REPORTS,
    N_SOURCES,
    SOURCE,
)
from eventdesk.store import export, tables

# Columns of the frames this module derives (the event table's own names live in schema.py).
PERIOD = "period"
PLACE = "place"
ACTOR = "actor"
COUNTERPART = "counterpart"
DIRECTION = "direction"
EVENT_TYPES = "event types"

# The columns of the short tables (latest events, casualties by event, an actor's events): the
# evidence sentence comes right after the figures, where a reader checks them.
TABLE_COLUMNS: tuple[str, ...] = (
    DATE, EVENT_TYPE, ACTOR1, ACTOR2, counts.KILLED_SHOWN, counts.INJURED_SHOWN, EVIDENCE, LOCATION, COUNTRY,
    CLAIMED_BY, SOURCE,
)

# The Events page's table opens on what an analyst reads first: when, what, where, who to whom, the
# toll and the sentence that says so, and what an analyst corrected or verified; the other declared columns
# are one click away, and in the CSV.
EVENTS_PAGE_COLUMNS: tuple[str, ...] = (
    DATE, EVENT_TYPE, PLACE, ACTOR1, ACTOR2, KILLED, INJURED, EVIDENCE, schema.CORRECTED, schema.VERIFIED,
    KILLED_QUALIFIER, INJURED_QUALIFIER, CLAIMED_BY, N_REPORTS, N_SOURCES, SOURCE, EVENT_ID,
)


# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------

TOTAL = "total"  # frame.attrs key: how many rows there were before a table was cut to its first ones


def blank_missing_text(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as a table shows it: a missing text (no date, no source) is an empty cell, not "None",
    which reads as a value; missing numbers stay missing, so the columns still sort as numbers."""
    shown = frame.copy()
    for name in shown.columns:
        if pd.api.types.is_string_dtype(shown[name]) or shown[name].dtype == object:
            shown[name] = shown[name].astype("string").fillna("")
    shown.attrs = dict(frame.attrs)
    return shown


def _with_total(frame: pd.DataFrame, total: int) -> pd.DataFrame:
    frame.attrs[TOTAL] = total
    return frame


_TABLE_SOURCE_COLUMNS = [c for c in TABLE_COLUMNS if c not in (counts.KILLED_SHOWN, counts.INJURED_SHOWN)] + list(
    (KILLED, KILLED_QUALIFIER, INJURED, INJURED_QUALIFIER))


def _short_table(view: tables.View, order: str, limit: int | None, where: str = "TRUE",
                 params: Mapping[str, object] | None = None) -> pd.DataFrame:
    rows = view.rows(list(dict.fromkeys(_TABLE_SOURCE_COLUMNS)), order, limit, where, params)
    table = counts.with_count_labels(rows)[list(TABLE_COLUMNS)].reset_index(drop=True)
    return _with_total(table, view.count(where, params) if limit is not None and len(rows) == limit else len(rows))


def latest_events(events: filters.Events, n: int = 10) -> pd.DataFrame:
    """The `n` most recent events, newest first, with figures written out."""
    return _short_table(filters.as_view(events), sql.NEWEST_FIRST, n)


def _table_columns(view: tables.View) -> list[str]:
    """Every declared column the table has: an incident table (the store's) keeps its figure columns
    (killed_low/best/high, ..., n_sources) after the event columns; a table of single reports has none."""
    return [name for name in schema.INCIDENT_FIELDS if name in view.columns or name in schema.EVENT_FIELDS]


def events_table(events: filters.Events, limit: int | None = None) -> pd.DataFrame:
    """The view with every declared column, newest first (its first `limit` rows): what `events_csv` writes."""
    view = filters.as_view(events)
    rows = view.rows(_table_columns(view), sql.NEWEST_FIRST, limit).reset_index(drop=True)
    return _with_total(rows, len(view) if limit is not None and len(rows) == limit else len(rows))


def events_page_table(events: filters.Events, limit: int | None = None, all_columns: bool = False) -> pd.DataFrame:
    """The Events page's table, newest first (its first `limit` rows): the EVENTS_PAGE_COLUMNS the view has,
    with the place written out ("Kerman, Iran"); with `all_columns`, every declared column after them."""
    view = filters.as_view(events)
    first = [name for name in EVENTS_PAGE_COLUMNS if name == PLACE or name in view.columns]
    rest = [name for name in _table_columns(view) if name not in first] if all_columns else []
    cells = [f"{sql.PLACE_SQL} AS {PLACE}" if name == PLACE else name for name in first + rest]
    rows = view.rows(cells, sql.NEWEST_FIRST, limit).reset_index(drop=True)
    return _with_total(rows, len(view) if limit is not None and len(rows) == limit else len(rows))


def events_csv(events: filters.Events) -> bytes:
    """The download of the whole view: every declared column, newest first, read from the database a
    batch at a time, as CSV with a UTF-8 byte-order mark (so that Excel keeps the accents)."""
    view = filters.as_view(events)
    return export.csv_bytes_of_frames(view.batches(_table_columns(view), sql.NEWEST_FIRST), bom=True)


# ---------------------------------------------------------------------------------------------
# Casualties
# ---------------------------------------------------------------------------------------------

MAX_DATE_BARS = 120


def _casualty_table(view: tables.View, groups: Mapping[str, str], order: str) -> pd.DataFrame:
    """Events and figures per group of `groups` (name -> SQL), over the events with a reported figure."""
    names = ", ".join(f"{expression} AS \"{name}\"" for name, expression in groups.items())
    table = view.fetch(
        f"SELECT {names}, count(*) AS {N_EVENTS}, {counts.SUMS_SQL}, min({tables.ROW_SQL}) AS _first "
        f"FROM {{rows}} GROUP BY ALL ORDER BY {order}, _first",
        where=sql.REPORTED_SQL,
    ).drop(columns="_first")
    return counts.with_count_labels(table).reset_index(drop=True)


def casualties_by_event(events: filters.Events, limit: int | None = None) -> pd.DataFrame:
    """The events with a reported figure, deadliest first (the first `limit` of them)."""
    view = filters.as_view(events)
    columns = [EVENT_ID, *TABLE_COLUMNS, KILLED, INJURED]
    source = list(dict.fromkeys([EVENT_ID, *_TABLE_SOURCE_COLUMNS]))
    rows = view.rows(source, f"{sql.BY_TOLL}, {tables.ROW_SQL}", limit, where=sql.REPORTED_SQL)
    table = counts.with_count_labels(rows)[columns].reset_index(drop=True)
    complete = limit is None or len(rows) < limit
    return _with_total(table, len(rows) if complete else view.count(sql.REPORTED_SQL))


def casualties_by_date(events: filters.Events) -> pd.DataFrame:
    """Killed and injured per date (per month when the view covers many dates), oldest first."""
    view = filters.as_view(events)
    period = f"coalesce({DATE}, {tables.sql_text(sql.UNDATED)})"
    if view.count(sql.REPORTED_SQL) and int(view.scalar(f"SELECT count(DISTINCT {period}) FROM {{rows}}",
                                                    where=sql.REPORTED_SQL)) > MAX_DATE_BARS:
        period = f"left({period}, 7)"
    table = _casualty_table(view, {PERIOD: period}, PERIOD)
    start, _ = sql.date_spans(table.rename(columns={PERIOD: DATE}))
    order = pd.DataFrame({"_start": start, PERIOD: table[PERIOD]}).sort_values(["_start", PERIOD], na_position="last")
    return table.loc[order.index].reset_index(drop=True)


def casualties_by_place(events: filters.Events) -> pd.DataFrame:
    """Killed and injured per place, deadliest first."""
    return _casualty_table(filters.as_view(events), {PLACE: sql.PLACE_SQL}, sql.BY_TOLL)


def casualties_by_actor(events: filters.Events) -> pd.DataFrame:
    """Killed and injured per initiator (perpetrator or claimant), deadliest first."""
    return _casualty_table(filters.as_view(events), {ACTOR: sql.INITIATOR_SQL}, sql.BY_TOLL)


# ---------------------------------------------------------------------------------------------
# Actors and relations
# ---------------------------------------------------------------------------------------------


def relations(events: filters.Events) -> pd.DataFrame:
    """Who did what to whom: one row per (actor1, actor2, event type) where both actors are known."""
    return tables.relations(filters.as_view(events))


def initiators(events: filters.Events) -> list[str]:
    """Every initiator (actor1) and claimant of the view, the busiest first."""
    rows = filters.as_view(events).fetch(
        f"SELECT name, count(*) AS n FROM (SELECT {ACTOR1} AS name FROM {{rows}} UNION ALL "
        f"SELECT {CLAIMED_BY} AS name FROM {{rows}}) WHERE name IS NOT NULL GROUP BY name ORDER BY n DESC, name"
    )
    return [str(name) for name in rows["name"]]


def actor_event_counts(events: filters.Events) -> pd.Series:
    """Number of events each actor takes part in (as initiator, target or claimant), the busiest first."""
    counts = filters.as_view(events).fetch(
        f"SELECT name AS {ACTOR}, count(DISTINCT {EVENT_ID}) AS count, min({tables.ROW_SQL}) AS first "
        f"FROM ({sql.ACTORS_SQL}) WHERE name IS NOT NULL GROUP BY name ORDER BY count DESC, first"
    )
    return counts.set_index(ACTOR)["count"].astype("int64")


def actor_types(events: filters.Events) -> pd.Series:
    """The registry type of each actor, as the table gives it (actor name -> type; as initiator first)."""
    sides = " UNION ALL ".join(
        f"SELECT {name} AS name, {kind} AS kind, {side} AS side, {tables.ROW_SQL} FROM {{rows}} "
        f"WHERE {name} IS NOT NULL AND {kind} IS NOT NULL"
        for side, (name, kind) in enumerate(((ACTOR1, ACTOR1_TYPE), (ACTOR2, ACTOR2_TYPE)))
    )
    types = filters.as_view(events).fetch(
        f"SELECT name AS {ACTOR}, arg_min(kind, (side, {tables.ROW_SQL})) AS {ACTOR1_TYPE} FROM ({sides}) "
        f"GROUP BY name ORDER BY min((side, {tables.ROW_SQL}))"
    )
    return types.set_index(ACTOR)[ACTOR1_TYPE]


def actor_events(events: filters.Events, actor: str, limit: int | None = None) -> pd.DataFrame:
    """The events an actor takes part in, newest first, with figures written out."""
    view = filters.as_view(events)
    return _short_table(view, sql.NEWEST_FIRST, limit, tables.actor_sql("either", "actor"), {"actor": [actor]})


def counterparts(events: filters.Events, actor: str) -> pd.DataFrame:
    """Who an actor acted on and who acted on it: counterpart, direction, event types, counts, dates."""
    rel = tables.relations(filters.as_view(events), f"{ACTOR1} = $actor OR {ACTOR2} = $actor", {"actor": actor})
    outgoing = rel[(rel[ACTOR1] == actor).fillna(False).to_numpy(dtype=bool)]
    incoming = rel[(rel[ACTOR2] == actor).fillna(False).to_numpy(dtype=bool)]
    both = pd.concat(
        [
            outgoing.assign(**{COUNTERPART: outgoing[ACTOR2], DIRECTION: f"{actor} → counterpart"}),
            incoming.assign(**{COUNTERPART: incoming[ACTOR1], DIRECTION: f"counterpart → {actor}"}),
        ]
    )
    table = both.groupby([COUNTERPART, DIRECTION], sort=False).agg(
        **{
            EVENT_TYPES: (EVENT_TYPE, lambda types: ", ".join(sorted(set(types)))),
            N_EVENTS: (N_EVENTS, "sum"),
            FIRST_DATE: (FIRST_DATE, "min"),
            LAST_DATE: (LAST_DATE, "max"),
        }
    )
    return table.reset_index().sort_values([N_EVENTS, COUNTERPART], ascending=[False, True]).reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# Map
# ---------------------------------------------------------------------------------------------


def count_located(events: filters.Events) -> int:
    """Events with coordinates."""
    return filters.as_view(events).count(sql.LOCATED_SQL)


def located(events: filters.Events, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Events with coordinates (only `columns`, when given), in table order."""
    return filters.as_view(events).rows(columns, where=sql.LOCATED_SQL).reset_index(drop=True)


def count_places(events: filters.Events, decimals: int = 3) -> int:
    """How many places `map_places` would give (counted in the database, without building them)."""
    return int(filters.as_view(events).scalar(
        f"SELECT count(*) FROM (SELECT DISTINCT round({LAT}, {int(decimals)}), round({LON}, {int(decimals)}), "
        f"coalesce({GEO_PRECISION}, 'unknown') FROM {{rows}})", where=sql.LOCATED_SQL))


def map_places(events: filters.Events, decimals: int = 3) -> pd.DataFrame:
    """Located events grouped by place (coordinates rounded to `decimals`) and geo precision.

    Columns: LAT, LON, GEO_PRECISION, PLACE, EVENT_TYPE (the most common), N_EVENTS, FIRST_DATE,
    LAST_DATE and the casualty sums with their qualifiers and written-out labels.
    """
    places = filters.as_view(events).fetch(
        f"SELECT round({LAT}, {int(decimals)}) AS {LAT}, round({LON}, {int(decimals)}) AS {LON}, "
        f"coalesce({GEO_PRECISION}, 'unknown') AS {GEO_PRECISION}, count(*) AS {N_EVENTS}, {counts.SUMS_SQL}, "
        f"arg_min({sql.PLACE_SQL}, {tables.ROW_SQL}) AS {PLACE}, min({DATE}) AS {FIRST_DATE}, "
        f"max({DATE}) AS {LAST_DATE}, mode({EVENT_TYPE} ORDER BY {tables.ROW_SQL}) AS {EVENT_TYPE}, "
        f"min({tables.ROW_SQL}) AS _first FROM {{rows}} GROUP BY ALL ORDER BY {N_EVENTS} DESC, _first",
        where=sql.LOCATED_SQL,
    ).drop(columns="_first")
    return counts.with_count_labels(places)
