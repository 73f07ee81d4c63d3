"""Filters and aggregations the dashboard pages use.

Owns the `Filter` (one per view, mirrored in the URL query string), `apply` to narrow the
event table, and every frame a page draws: headline figures, the timeline, casualties by
event, date, place and actor, the relations table and an actor's counterparts. The counting,
grouping and sorting run in the database over the store's Parquet file (`tables.py`), so a page
holds only what it draws; pandas finishes the few hundred rows that come back. Nothing here draws.

Casualty figures keep their qualifier: a sum of "at least 84" and "3" is "at least 87",
a sum that mixes qualifiers is "about".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode

import numpy as np
import pandas as pd

from eventdesk import schema
from eventdesk.dashboard.escaping import escape_series, wrap_series
from eventdesk.schema import (
    ACTOR1,
    ACTOR1_TYPE,
    ACTOR2,
    ACTOR2_TYPE,
    ARTICLE_ID,
    CLAIMED_BY,
    COUNTRY,
    DATE,
    DATE_PRECISION,
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
    LINKED_EVENT_ID,
    LOCATION,
    LON,
    N_EVENTS,
    PUBLISHED,
    SOURCE,
)
from eventdesk.store import export, tables

# Columns of the frames this module derives (the event table's own names live in schema.py).
ROW = "row"
START = "start"
END = "end"
X = "x"
PRECISE = "precise"
SIZE = "size"
HOVER = "hover"
CASUALTIES = "casualties"
PERIOD = "period"
PLACE = "place"
ACTOR = "actor"
COUNTERPART = "counterpart"
DIRECTION = "direction"
EVENT_TYPES = "event types"
KILLED_SHOWN = "killed (as reported)"
INJURED_SHOWN = "injured (as reported)"

ROLES: tuple[str, ...] = ("either", "initiator", "target")
ROLE_LABELS: dict[str, str] = {"either": "either role", "initiator": "as initiator", "target": "as target"}
QUALIFIER_WORDS: dict[str, str] = {"exact": "", "at_least": "at least ", "about": "about ", "at_most": "at most "}
UNKNOWN_ACTOR = "(unknown)"
NOT_REPORTED = "not reported"
UNDATED = "undated"

# URL query-string parameter names.
P_ACTOR, P_ROLE, P_TYPE, P_FROM, P_TO, P_COUNTRY, P_TEXT = "actor", "role", "type", "from", "to", "country", "q"

# The columns of the short tables (latest events, casualties by event, an actor's events): the
# evidence sentence comes right after the figures, where a reader checks them.
TABLE_COLUMNS: tuple[str, ...] = (
    DATE, EVENT_TYPE, ACTOR1, ACTOR2, KILLED_SHOWN, INJURED_SHOWN, EVIDENCE, LOCATION, COUNTRY, CLAIMED_BY, SOURCE,
)


# ---------------------------------------------------------------------------------------------
# The filter
# ---------------------------------------------------------------------------------------------


def _clean_names(values: Iterable[object]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(str(v).strip() for v in values if v is not None and str(v).strip()))


@dataclass(frozen=True)
class Filter:
    """What the analyst narrowed the table to. Empty fields do not filter."""

    actors: tuple[str, ...] = ()
    role: str = "either"
    event_types: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    countries: tuple[str, ...] = ()
    text: str = ""

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}, not {self.role!r}")
        object.__setattr__(self, "actors", _clean_names(self.actors))
        object.__setattr__(self, "event_types", _clean_names(self.event_types))
        object.__setattr__(self, "countries", _clean_names(self.countries))
        object.__setattr__(self, "text", (self.text or "").strip())
        if self.date_from and self.date_to and self.date_from > self.date_to:
            start, end = self.date_to, self.date_from
            object.__setattr__(self, "date_from", start)
            object.__setattr__(self, "date_to", end)

    @property
    def is_empty(self) -> bool:
        return self == Filter()


@dataclass(frozen=True)
class FilterOptions:
    """The values the sidebar offers, read from the table."""

    actors: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    first_date: dt.date | None = None
    last_date: dt.date | None = None


def filter_to_params(flt: Filter) -> dict[str, list[str]]:
    """The URL query parameters of a filter (empty fields are left out)."""
    params: dict[str, list[str]] = {}
    if flt.actors:
        params[P_ACTOR] = list(flt.actors)
    if flt.role != "either":
        params[P_ROLE] = [flt.role]
    if flt.event_types:
        params[P_TYPE] = list(flt.event_types)
    if flt.date_from:
        params[P_FROM] = [flt.date_from.isoformat()]
    if flt.date_to:
        params[P_TO] = [flt.date_to.isoformat()]
    if flt.countries:
        params[P_COUNTRY] = list(flt.countries)
    if flt.text:
        params[P_TEXT] = [flt.text]
    return params


def _param_list(params: Mapping[str, str | Sequence[str]], name: str) -> list[str]:
    value = params.get(name, [])
    return [value] if isinstance(value, str) else list(value)


def _param_date(params: Mapping[str, str | Sequence[str]], name: str) -> dt.date | None:
    values = _param_list(params, name)
    try:
        return dt.date.fromisoformat(values[-1]) if values else None
    except ValueError:
        return None


def filter_from_params(params: Mapping[str, str | Sequence[str]]) -> Filter:
    """The filter a URL's query parameters describe; unknown or malformed values are ignored."""
    roles = [r for r in _param_list(params, P_ROLE) if r in ROLES]
    texts = _param_list(params, P_TEXT)
    return Filter(
        actors=tuple(_param_list(params, P_ACTOR)),
        role=roles[-1] if roles else "either",
        event_types=tuple(t for t in _param_list(params, P_TYPE) if t in schema.EVENT_TYPES),
        date_from=_param_date(params, P_FROM),
        date_to=_param_date(params, P_TO),
        countries=tuple(_param_list(params, P_COUNTRY)),
        text=texts[-1] if texts else "",
    )


def to_query_string(flt: Filter) -> str:
    """`actor=Islamic+State&type=bombing`: the query string that reproduces a filter."""
    return urlencode(filter_to_params(flt), doseq=True)


def from_query_string(query: str) -> Filter:
    """The filter of a query string (with or without its leading `?`)."""
    return filter_from_params(parse_qs(query.lstrip("?")))


# ---------------------------------------------------------------------------------------------
# Narrowing the table
# ---------------------------------------------------------------------------------------------

Events = tables.Table | tables.View | pd.DataFrame


def as_view(events: Events) -> tables.View:
    """`events` as a view: a table's every row, or a frame held in memory put in the database."""
    if isinstance(events, tables.View):
        return events
    if isinstance(events, pd.DataFrame):
        events = tables.Table.from_frame(events)
    return events.view()


def apply(events: Events, flt: Filter) -> tables.View:
    """The rows of `events` that the filter keeps (in the database: nothing is read until asked)."""
    table = as_view(events).table
    return table.view(flt)


def date_spans(events: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """First and last day each event's date may stand for ("2024-01" spans January); NaT when undated.
    (The database derives the same span as `_start` and `_end`; this is for frames already fetched.)"""
    text = events[DATE].astype("string").str.strip()
    size = text.str.len()
    padded = text.where(size != 4, text + "-01-01").where(size != 7, text + "-01")
    start = pd.to_datetime(padded, format="%Y-%m-%d", errors="coerce")
    end = start.where(size != 7, start + pd.offsets.MonthEnd(0))
    end = end.where(size != 4, start + pd.offsets.YearEnd(0))
    return start, end


def filter_options(events: Events) -> FilterOptions:
    """Actors (initiators, targets and claimants), event types, countries and the date span of a table."""
    view = as_view(events)
    names = view.fetch(f"SELECT DISTINCT name FROM ({_ACTORS_SQL}) WHERE name IS NOT NULL")["name"]
    types = set(view.fetch(f"SELECT DISTINCT {EVENT_TYPE} FROM {{rows}}")[EVENT_TYPE].dropna())
    countries = view.fetch(f"SELECT DISTINCT {COUNTRY} FROM {{rows}} WHERE {COUNTRY} IS NOT NULL")[COUNTRY]
    span = view.fetch(f"SELECT min({tables.START_SQL}) AS first, max({tables.END_SQL}) AS last FROM {{rows}}")
    first, last = span["first"].iloc[0], span["last"].iloc[0]
    return FilterOptions(
        actors=tuple(sorted(names, key=str.casefold)),
        event_types=tuple(t for t in schema.EVENT_TYPES if t in types),
        countries=tuple(sorted(countries, key=str.casefold)),
        first_date=None if pd.isna(first) else pd.Timestamp(first).date(),
        last_date=None if pd.isna(last) else pd.Timestamp(last).date(),
    )


# ---------------------------------------------------------------------------------------------
# SQL pieces
# ---------------------------------------------------------------------------------------------

# Every actor of every row, as (event_id, name, side): initiator, target, claimant.
_ACTORS_SQL = " UNION ALL ".join(
    f"SELECT {EVENT_ID}, {name} AS name, {side} AS side, {tables.ROW_SQL} FROM {{rows}}"
    for side, name in enumerate((ACTOR1, ACTOR2, CLAIMED_BY))
)
_COUNTED_SQL = f"NOT coalesce(list_contains({tables.sql_list(sorted(schema.REPORT_TYPES))}, {EVENT_TYPE}), false)"
_REPORTED_SQL = f"{_COUNTED_SQL} AND ({KILLED} IS NOT NULL OR {INJURED} IS NOT NULL)"
_LOCATED_SQL = f"{LAT} IS NOT NULL AND {LON} IS NOT NULL"
_INITIATOR_SQL = f"coalesce({ACTOR1}, {CLAIMED_BY}, {tables.sql_text(UNKNOWN_ACTOR)})"
# "Quetta, Pakistan": the location and country, as far as known (as `place_labels` does for a frame).
_PLACE_SQL = (
    f"CASE WHEN {LOCATION} IS NOT NULL AND {COUNTRY} IS NOT NULL AND lower({LOCATION}) <> lower({COUNTRY}) "
    f"THEN {LOCATION} || ', ' || {COUNTRY} ELSE coalesce({LOCATION}, {COUNTRY}, '(unknown place)') END"
)
_NEWEST_FIRST = (f"{DATE} DESC NULLS LAST, {PUBLISHED} DESC NULLS LAST, {EVENT_ID} DESC NULLS LAST, "
                 f"{tables.ROW_SQL}")
_BY_TOLL = f"{KILLED} DESC NULLS LAST, {INJURED} DESC NULLS LAST"


def _sum_sql(value: str, qualifier: str, where: str = "TRUE") -> str:
    """`value` summed over a group (null when no row reports it) and the qualifier of that sum:
    exact if every part is, the one loose qualifier when only one kind occurs, else about."""
    def has(kind: str) -> str:
        return f"coalesce(bool_or({value} IS NOT NULL AND {qualifier} = '{kind}') FILTER (WHERE {where}), false)"

    at_least, about, at_most = has("at_least"), has("about"), has("at_most")
    combined = (
        f"CASE WHEN NOT ({at_least} OR {about} OR {at_most}) THEN 'exact' "
        f"WHEN {at_least} AND NOT {about} AND NOT {at_most} THEN 'at_least' "
        f"WHEN {at_most} AND NOT {at_least} AND NOT {about} THEN 'at_most' ELSE 'about' END"
    )
    return f"sum({value}) FILTER (WHERE {where}) AS {value}, {combined} AS {qualifier}"


_SUMS_SQL = f"{_sum_sql(KILLED, KILLED_QUALIFIER)}, {_sum_sql(INJURED, INJURED_QUALIFIER)}"


# ---------------------------------------------------------------------------------------------
# Counts with their qualifiers
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Count:
    """A casualty figure as reported: `Count(84, "at_least")` reads "at least 84"."""

    value: int | None
    qualifier: str = "exact"

    def __str__(self) -> str:
        if self.value is None:
            return NOT_REPORTED
        return f"{QUALIFIER_WORDS.get(self.qualifier, '')}{self.value:,}"


def format_counts(values: pd.Series, qualifiers: pd.Series) -> pd.Series:
    """Figures as text with their qualifier ("at least 84"); empty where nothing was reported."""
    words = qualifiers.astype("string").map(QUALIFIER_WORDS).fillna("").astype("string")
    shown = words + values.astype("Int64").astype("string")
    return shown.fillna("")


@dataclass(frozen=True)
class Headline:
    """The figures at the top of the overview."""

    events: int
    articles: int
    killed: Count
    injured: Count
    actors: int
    located: int = 0


def _count_of(row: pd.Series, value: str, qualifier: str) -> Count:
    total = row[value]
    return Count(None) if pd.isna(total) else Count(int(total), str(row[qualifier]))


def headline(events: Events) -> Headline:
    """Events, articles, killed, injured and distinct actors in the view (claims and other reports
    about an attack repeat its toll and are not summed)."""
    view = as_view(events)
    sums = f"{_sum_sql(KILLED, KILLED_QUALIFIER, _COUNTED_SQL)}, {_sum_sql(INJURED, INJURED_QUALIFIER, _COUNTED_SQL)}"
    row = view.fetch(
        f"SELECT count(*) AS events, count(DISTINCT {ARTICLE_ID}) AS articles, {sums}, "
        f"count(*) FILTER (WHERE {_LOCATED_SQL}) AS located FROM {{rows}}"
    ).iloc[0]
    actors = view.scalar(f"SELECT count(DISTINCT name) FROM ({_ACTORS_SQL})")
    return Headline(
        events=int(row["events"]),
        articles=int(row["articles"]),
        killed=_count_of(row, KILLED, KILLED_QUALIFIER),
        injured=_count_of(row, INJURED, INJURED_QUALIFIER),
        actors=int(actors),
        located=int(row["located"]),
    )


def with_count_labels(view: pd.DataFrame) -> pd.DataFrame:
    """The rows with their figures written out with their qualifiers (`KILLED_SHOWN`, `INJURED_SHOWN`)."""
    return view.assign(
        **{
            KILLED_SHOWN: format_counts(view[KILLED], view[KILLED_QUALIFIER]),
            INJURED_SHOWN: format_counts(view[INJURED], view[INJURED_QUALIFIER]),
        }
    )


TOTAL = "total"  # frame.attrs key: how many rows there were before a table was cut to its first ones


def _with_total(frame: pd.DataFrame, total: int) -> pd.DataFrame:
    frame.attrs[TOTAL] = total
    return frame


_TABLE_SOURCE_COLUMNS = [c for c in TABLE_COLUMNS if c not in (KILLED_SHOWN, INJURED_SHOWN)] + list(
    (KILLED, KILLED_QUALIFIER, INJURED, INJURED_QUALIFIER))


def _short_table(view: tables.View, order: str, limit: int | None, where: str = "TRUE",
                 params: Mapping[str, object] | None = None) -> pd.DataFrame:
    rows = view.rows(list(dict.fromkeys(_TABLE_SOURCE_COLUMNS)), order, limit, where, params)
    table = with_count_labels(rows)[list(TABLE_COLUMNS)].reset_index(drop=True)
    return _with_total(table, view.count(where, params) if limit is not None and len(rows) == limit else len(rows))


def latest_events(events: Events, n: int = 10) -> pd.DataFrame:
    """The `n` most recent events, newest first, with figures written out."""
    return _short_table(as_view(events), _NEWEST_FIRST, n)


def _table_columns(view: tables.View) -> list[str]:
    """Every declared column the table has: an incident table (the store's) keeps its figure columns
    (killed_low/best/high, ..., n_sources) after the event columns; a table of single reports has none."""
    return [name for name in schema.INCIDENT_FIELDS if name in view.columns or name in schema.EVENT_FIELDS]


def events_table(events: Events, limit: int | None = None) -> pd.DataFrame:
    """The view with every declared column, newest first (its first `limit` rows): what the events page
    shows. `events_csv` writes all of it."""
    view = as_view(events)
    rows = view.rows(_table_columns(view), _NEWEST_FIRST, limit).reset_index(drop=True)
    return _with_total(rows, len(view) if limit is not None and len(rows) == limit else len(rows))


def events_csv(events: Events) -> bytes:
    """The whole view as CSV, newest first, read from the database a batch at a time."""
    view = as_view(events)
    return export.csv_bytes_of_frames(view.batches(_table_columns(view), _NEWEST_FIRST))


# ---------------------------------------------------------------------------------------------
# Casualties
# ---------------------------------------------------------------------------------------------

MAX_DATE_BARS = 120


def _casualty_table(view: tables.View, keys: Mapping[str, str], order: str) -> pd.DataFrame:
    """Events and figures per group of `keys` (name -> SQL), over the events with a reported figure."""
    names = ", ".join(f"{sql} AS \"{name}\"" for name, sql in keys.items())
    table = view.fetch(
        f"SELECT {names}, count(*) AS {N_EVENTS}, {_SUMS_SQL}, min({tables.ROW_SQL}) AS _first "
        f"FROM {{rows}} GROUP BY ALL ORDER BY {order}, _first",
        where=_REPORTED_SQL,
    ).drop(columns="_first")
    return with_count_labels(table).reset_index(drop=True)


def casualties_by_event(events: Events, limit: int | None = None) -> pd.DataFrame:
    """The events with a reported figure, deadliest first (the first `limit` of them)."""
    view = as_view(events)
    columns = [EVENT_ID, *TABLE_COLUMNS, KILLED, INJURED]
    source = list(dict.fromkeys([EVENT_ID, *_TABLE_SOURCE_COLUMNS]))
    rows = view.rows(source, f"{_BY_TOLL}, {tables.ROW_SQL}", limit, where=_REPORTED_SQL)
    table = with_count_labels(rows)[columns].reset_index(drop=True)
    complete = limit is None or len(rows) < limit
    return _with_total(table, len(rows) if complete else view.count(_REPORTED_SQL))


def casualties_by_date(events: Events) -> pd.DataFrame:
    """Killed and injured per date (per month when the view covers many dates), oldest first."""
    view = as_view(events)
    period = f"coalesce({DATE}, {tables.sql_text(UNDATED)})"
    if view.count(_REPORTED_SQL) and int(view.scalar(f"SELECT count(DISTINCT {period}) FROM {{rows}}",
                                                    where=_REPORTED_SQL)) > MAX_DATE_BARS:
        period = f"left({period}, 7)"
    table = _casualty_table(view, {PERIOD: period}, PERIOD)
    start, _ = date_spans(table.rename(columns={PERIOD: DATE}))
    order = pd.DataFrame({START: start, PERIOD: table[PERIOD]}).sort_values([START, PERIOD], na_position="last")
    return table.loc[order.index].reset_index(drop=True)


def _labels_of(location: pd.Series, country: pd.Series) -> pd.Series:
    both = location + ", " + country
    same = location.str.lower() == country.str.lower()
    label = both.mask(same.fillna(False).astype(bool), location)
    return label.fillna(location).fillna(country).fillna("(unknown place)")


def place_labels(frame: pd.DataFrame) -> pd.Series:
    """ "Quetta, Pakistan": the location and country of each row of a fetched frame, as far as known."""
    return _labels_of(frame[LOCATION].astype("string"), frame[COUNTRY].astype("string")).astype("string")


def casualties_by_place(events: Events) -> pd.DataFrame:
    """Killed and injured per place, deadliest first."""
    return _casualty_table(as_view(events), {PLACE: _PLACE_SQL}, _BY_TOLL)


def casualties_by_actor(events: Events) -> pd.DataFrame:
    """Killed and injured per initiator (perpetrator or claimant), deadliest first."""
    return _casualty_table(as_view(events), {ACTOR: _INITIATOR_SQL}, _BY_TOLL)


# ---------------------------------------------------------------------------------------------
# Timeline
# ---------------------------------------------------------------------------------------------

TIMELINE_BY = (EVENT_TYPE, ACTOR)
_DATED_SQL = f"{tables.START_SQL} IS NOT NULL"


def _hover(view: pd.DataFrame) -> pd.Series:
    actors = view[ACTOR1].fillna(view[CLAIMED_BY]).fillna("?") + " → " + view[ACTOR2].fillna("?")
    figures = "killed " + format_counts(view[KILLED], view[KILLED_QUALIFIER]).replace("", "?")
    figures = figures + ", injured " + format_counts(view[INJURED], view[INJURED_QUALIFIER]).replace("", "?")
    return (
        "<b>" + escape_series(view[EVENT_TYPE]) + "</b> · " + escape_series(view[DATE].fillna(UNDATED))
        + " (" + escape_series(view[DATE_PRECISION]) + ")<br>" + escape_series(actors)
        + "<br>" + escape_series(place_labels(view)) + "<br>" + figures
        + "<br><i>" + wrap_series(view[EVIDENCE]) + "</i><br>" + escape_series(view[SOURCE].fillna(""))
    )


def _row_sql(view: tables.View, by: str, max_rows: int) -> tuple[str, dict[str, object]]:
    """The timeline row of each event (SQL): its type or initiator when among the `max_rows` commonest,
    else "(other N)"."""
    key = EVENT_TYPE if by == EVENT_TYPE else _INITIATOR_SQL
    counts = view.fetch(
        f"SELECT {key} AS name, count(*) AS n, min({tables.ROW_SQL}) AS first FROM {{rows}} "
        f"GROUP BY ALL ORDER BY n DESC, first", where=_DATED_SQL,
    )
    top = [str(name) for name in counts["name"].head(max_rows)]
    other = f"(other {len(counts) - len(top)})"
    return f"CASE WHEN list_contains($top_rows, {key}) THEN {key} ELSE $other_row END", {
        "top_rows": top, "other_row": other}


def _sizes(amount: pd.Series, scale: float) -> pd.Series:
    return (12 + scale * np.sqrt(amount.astype("float64").fillna(0))).clip(upper=46)


_CASUALTIES_SQL = f"coalesce({KILLED}, 0) + coalesce({INJURED}, 0)"


def _binned_timeline(view: tables.View, row: str, params: Mapping[str, object]) -> pd.DataFrame:
    out = view.fetch(
        f"SELECT {row} AS {ROW}, {EVENT_TYPE}, CAST(date_trunc('month', {tables.START_SQL}) AS TIMESTAMP) AS {START}, "
        f"count(*) AS {N_EVENTS}, sum({_CASUALTIES_SQL}) AS {CASUALTIES}, min({tables.ROW_SQL}) AS _first "
        f"FROM {{rows}} GROUP BY ALL ORDER BY _first", params, where=_DATED_SQL,
    ).drop(columns="_first")
    out[START] = pd.to_datetime(out[START])
    out[END] = out[START]
    out[X] = out[START]
    out[PRECISE] = True
    # Months sit close together: sizes go from 4 to 18 pixels, relative to the busiest month.
    out[SIZE] = 4 + 14 * np.sqrt(out[N_EVENTS] / max(int(out[N_EVENTS].max()), 1))
    out[HOVER] = (
        "<b>" + out[N_EVENTS].astype("string") + " × " + escape_series(out[EVENT_TYPE]) + "</b><br>"
        + out[START].dt.strftime("%B %Y") + "<br>" + escape_series(out[ROW])
        + "<br>killed and injured: " + out[CASUALTIES].astype("Int64").astype("string")
    )
    out[EVENT_ID] = pd.NA
    out[LINKED_EVENT_ID] = pd.NA
    return out


_TIMELINE_COLUMNS = (EVENT_ID, LINKED_EVENT_ID, EVENT_TYPE, DATE, DATE_PRECISION, ACTOR1, ACTOR2, CLAIMED_BY,
                     LOCATION, COUNTRY, KILLED, KILLED_QUALIFIER, INJURED, INJURED_QUALIFIER, EVIDENCE, SOURCE)


def _event_timeline(view: tables.View, row: str, params: Mapping[str, object]) -> pd.DataFrame:
    dated = view.rows([*_TIMELINE_COLUMNS, f"{row} AS {ROW}"], where=_DATED_SQL, params=params)
    start, end = date_spans(dated)
    casualties = dated[KILLED].fillna(0) + dated[INJURED].fillna(0)
    return pd.DataFrame(
        {
            ROW: dated[ROW], EVENT_TYPE: dated[EVENT_TYPE], START: start, END: end,
            X: start + (end - start) / 2, PRECISE: (end == start).to_numpy(dtype=bool),
            N_EVENTS: 1, CASUALTIES: casualties, SIZE: _sizes(casualties, 3.0), HOVER: _hover(dated),
            EVENT_ID: dated[EVENT_ID], LINKED_EVENT_ID: dated[LINKED_EVENT_ID],
        }
    )


def timeline_frame(events: Events, by: str = EVENT_TYPE, max_points: int = 2000, max_rows: int = 25) -> pd.DataFrame:
    """One point per dated event (or per row and month when there are more than `max_points`).

    Columns: ROW (event type or initiator), EVENT_TYPE, START/END of the date's span, X (where the
    point sits: the day, or the middle of a month or year), PRECISE (a day-precision date),
    N_EVENTS, CASUALTIES, SIZE (marker size), HOVER (escaped HTML), EVENT_ID, LINKED_EVENT_ID.
    """
    view = as_view(events)
    row, params = _row_sql(view, by, max_rows)
    if view.count(_DATED_SQL) > max_points:
        out = _binned_timeline(view, row, params)
    else:
        out = _event_timeline(view, row, params)
    return out.sort_values([START, ROW], kind="stable").reset_index(drop=True)


def timeline_links(frame: pd.DataFrame) -> pd.DataFrame:
    """Pairs of linked points on a timeline frame (a claim and its attack): x0, y0 -> x1, y1."""
    points = frame[[EVENT_ID, ROW, X]].dropna(subset=[EVENT_ID])
    links = frame[[EVENT_ID, LINKED_EVENT_ID, ROW, X]].dropna(subset=[EVENT_ID, LINKED_EVENT_ID])
    pairs = links.merge(points, left_on=LINKED_EVENT_ID, right_on=EVENT_ID, suffixes=("1", "0"))
    # A claim links to its attack and the attack back to its claim: draw each pair once.
    first = pairs[EVENT_ID + "0"].where(pairs[EVENT_ID + "0"] < pairs[EVENT_ID + "1"], pairs[EVENT_ID + "1"])
    second = pairs[EVENT_ID + "0"].where(pairs[EVENT_ID + "0"] >= pairs[EVENT_ID + "1"], pairs[EVENT_ID + "1"])
    pairs = pairs[~pd.DataFrame({"a": first, "b": second}).duplicated().to_numpy(dtype=bool)]
    return pd.DataFrame(
        {"x0": pairs[X + "0"], "y0": pairs[ROW + "0"], "x1": pairs[X + "1"], "y1": pairs[ROW + "1"]}
    ).reset_index(drop=True)


def is_binned(frame: pd.DataFrame) -> bool:
    """Whether a timeline frame has one point per row and month rather than one per event."""
    return bool(len(frame)) and bool(frame[EVENT_ID].isna().all())


def count_undated(events: Events) -> int:
    """Events with no usable date (they cannot sit on a timeline)."""
    return as_view(events).count(f"{tables.START_SQL} IS NULL")


# ---------------------------------------------------------------------------------------------
# Actors and relations
# ---------------------------------------------------------------------------------------------


def relations(events: Events) -> pd.DataFrame:
    """Who did what to whom: one row per (actor1, actor2, event type) where both actors are known."""
    return tables.relations(as_view(events))


def actor_event_counts(events: Events) -> pd.Series:
    """Number of events each actor takes part in (as initiator, target or claimant), the busiest first."""
    counts = as_view(events).fetch(
        f"SELECT name AS {ACTOR}, count(DISTINCT {EVENT_ID}) AS count, min({tables.ROW_SQL}) AS first "
        f"FROM ({_ACTORS_SQL}) WHERE name IS NOT NULL GROUP BY name ORDER BY count DESC, first"
    )
    return counts.set_index(ACTOR)["count"].astype("int64")


def actor_types(events: Events) -> pd.Series:
    """The registry type of each actor, as the table gives it (actor name -> type; as initiator first)."""
    sides = " UNION ALL ".join(
        f"SELECT {name} AS name, {kind} AS kind, {side} AS side, {tables.ROW_SQL} FROM {{rows}} "
        f"WHERE {name} IS NOT NULL AND {kind} IS NOT NULL"
        for side, (name, kind) in enumerate(((ACTOR1, ACTOR1_TYPE), (ACTOR2, ACTOR2_TYPE)))
    )
    types = as_view(events).fetch(
        f"SELECT name AS {ACTOR}, arg_min(kind, (side, {tables.ROW_SQL})) AS {ACTOR1_TYPE} FROM ({sides}) "
        f"GROUP BY name ORDER BY min((side, {tables.ROW_SQL}))"
    )
    return types.set_index(ACTOR)[ACTOR1_TYPE]


def actor_events(events: Events, actor: str, limit: int | None = None) -> pd.DataFrame:
    """The events an actor takes part in, newest first, with figures written out."""
    view = as_view(events)
    return _short_table(view, _NEWEST_FIRST, limit, tables.actor_sql("either", "actor"), {"actor": [actor]})


def counterparts(events: Events, actor: str) -> pd.DataFrame:
    """Who an actor acted on and who acted on it: counterpart, direction, event types, counts, dates."""
    rel = tables.relations(as_view(events), f"{ACTOR1} = $actor OR {ACTOR2} = $actor", {"actor": actor})
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


def count_located(events: Events) -> int:
    """Events with coordinates."""
    return as_view(events).count(_LOCATED_SQL)


def located(events: Events, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Events with coordinates (only `columns`, when given), in table order."""
    return as_view(events).rows(columns, where=_LOCATED_SQL).reset_index(drop=True)


def count_places(events: Events, decimals: int = 3) -> int:
    """How many places `map_places` would give (counted in the database, without building them)."""
    return int(as_view(events).scalar(
        f"SELECT count(*) FROM (SELECT DISTINCT round({LAT}, {int(decimals)}), round({LON}, {int(decimals)}), "
        f"coalesce({GEO_PRECISION}, 'unknown') FROM {{rows}})", where=_LOCATED_SQL))


def map_places(events: Events, decimals: int = 3) -> pd.DataFrame:
    """Located events grouped by place (coordinates rounded to `decimals`) and geo precision.

    Columns: LAT, LON, GEO_PRECISION, PLACE, EVENT_TYPE (the most common), N_EVENTS, FIRST_DATE,
    LAST_DATE and the casualty sums with their qualifiers and written-out labels.
    """
    places = as_view(events).fetch(
        f"SELECT round({LAT}, {int(decimals)}) AS {LAT}, round({LON}, {int(decimals)}) AS {LON}, "
        f"coalesce({GEO_PRECISION}, 'unknown') AS {GEO_PRECISION}, count(*) AS {N_EVENTS}, {_SUMS_SQL}, "
        f"arg_min({_PLACE_SQL}, {tables.ROW_SQL}) AS {PLACE}, min({DATE}) AS {FIRST_DATE}, "
        f"max({DATE}) AS {LAST_DATE}, mode({EVENT_TYPE} ORDER BY {tables.ROW_SQL}) AS {EVENT_TYPE}, "
        f"min({tables.ROW_SQL}) AS _first FROM {{rows}} GROUP BY ALL ORDER BY {N_EVENTS} DESC, _first",
        where=_LOCATED_SQL,
    ).drop(columns="_first")
    return with_count_labels(places)
