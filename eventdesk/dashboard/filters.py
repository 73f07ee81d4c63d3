"""The filter: what the analyst narrowed the event table to, and everything that turns into it or out of it.

A `Filter` is one per view. It is mirrored in the URL query string (`filter_to_params`,
`filter_from_params`), so a link reproduces the view; it is held by the sidebar's widgets
(`sidebar_values`, `filter_of_sidebar`, under the keys of `keys.py`); and `apply` narrows the
event table to it, in the database (`store/tables.py` writes it as a WHERE clause).
`filter_options` reads what the sidebar offers from the table. Nothing here draws.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

import pandas as pd

from eventdesk import schema
from eventdesk.dashboard import keys, sql
from eventdesk.schema import COUNTRY, EVENT_TYPE
from eventdesk.store import tables

ROLES: tuple[str, ...] = ("either", "initiator", "target")
ROLE_LABELS: dict[str, str] = {"either": "either role", "initiator": "as initiator", "target": "as target"}

# URL query-string parameter names.
P_ACTOR, P_ROLE, P_TYPE, P_FROM, P_TO, P_COUNTRY, P_TEXT = "actor", "role", "type", "from", "to", "country", "q"
PARAMETERS: tuple[str, ...] = (P_ACTOR, P_ROLE, P_TYPE, P_FROM, P_TO, P_COUNTRY, P_TEXT)


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


def _query_part(query: str) -> str:
    """The query string of a whole dashboard URL, or `query` itself without its leading `?`."""
    return urlsplit(query).query if "://" in query else query.lstrip("?")


def from_query_string(query: str) -> Filter:
    """The filter of a query string (with or without its leading `?`, or a whole dashboard URL)."""
    return filter_from_params(parse_qs(_query_part(query)))


def unknown_params(query: str) -> list[str]:
    """The parameter names of a query string that no filter field reads (a typo would filter nothing)."""
    return [name for name in parse_qs(_query_part(query), keep_blank_values=True) if name not in PARAMETERS]


# ---------------------------------------------------------------------------------------------
# Narrowing the table, and what it offers to narrow it by
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


def filter_options(events: Events) -> FilterOptions:
    """Actors (initiators, targets and claimants), event types, countries and the date span of a table."""
    view = as_view(events)
    names = view.fetch(f"SELECT DISTINCT name FROM ({sql.ACTORS_SQL}) WHERE name IS NOT NULL")["name"]
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
# The sidebar's widgets (their values by session-state key)
# ---------------------------------------------------------------------------------------------

Span = tuple[dt.date, dt.date]


def full_range(options: FilterOptions) -> Span | None:
    """The table's first and last day, when it has dated events."""
    if options.first_date is None or options.last_date is None:
        return None
    return options.first_date, options.last_date


def _clamp(day: dt.date | None, low: dt.date, high: dt.date, default: dt.date) -> dt.date:
    return default if day is None else min(max(day, low), high)


def sidebar_values(flt: Filter, options: FilterOptions) -> dict[str, object]:
    """The widget values (by key) that show a filter; values the table does not offer are dropped."""
    values: dict[str, object] = {
        keys.ACTORS_KEY: list(flt.actors), keys.ROLE_KEY: flt.role,
        keys.TYPES_KEY: [t for t in flt.event_types if t in options.event_types],
        keys.COUNTRIES_KEY: [c for c in flt.countries if c in options.countries], keys.TEXT_KEY: flt.text,
    }
    span = full_range(options)
    if span:
        low, high = span
        values[keys.DATES_KEY] = (_clamp(flt.date_from, low, high, low), _clamp(flt.date_to, low, high, high))
    return values


def _dates_of(values: Mapping[str, object], options: FilterOptions) -> tuple[dt.date | None, dt.date | None]:
    span = full_range(options)
    chosen = tuple(values.get(keys.DATES_KEY) or ())
    if span is None or not chosen:
        return None, None
    start = chosen[0]
    end = chosen[1] if len(chosen) > 1 else None
    return (None if start == span[0] else start), (None if end in (None, span[1]) else end)


def filter_of_sidebar(values: Mapping[str, object], options: FilterOptions) -> Filter:
    """The filter the sidebar's widget values (by key) describe; dates at the table's edges do not filter."""
    date_from, date_to = _dates_of(values, options)
    return Filter(
        actors=tuple(values.get(keys.ACTORS_KEY) or ()), role=values.get(keys.ROLE_KEY) or "either",
        event_types=tuple(values.get(keys.TYPES_KEY) or ()), date_from=date_from, date_to=date_to,
        countries=tuple(values.get(keys.COUNTRIES_KEY) or ()), text=values.get(keys.TEXT_KEY) or "",
    )


def followed_dates(chosen: Sequence[dt.date], old: Span | None, new: Span | None) -> Span | None:
    """The dates widget's range once the table's range moved from `old` to `new` (articles were added):
    an end that sat at the old edge moves to the new edge, so new events are not filtered out; None
    when nothing has to change."""
    if not new or not old or tuple(new) == tuple(old) or len(chosen) != 2:
        return None
    start = new[0] if chosen[0] == old[0] else _clamp(chosen[0], *new, new[0])
    end = new[1] if chosen[1] == old[1] else _clamp(chosen[1], *new, new[1])
    return start, end
