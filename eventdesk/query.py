"""Filters and aggregations the dashboard pages use.

Owns the `Filter` (one per view, mirrored in the URL query string), `apply` to narrow the
event table, and every frame a page draws: headline figures, the timeline, casualties by
event, date, place and actor, the relations table and an actor's counterparts. Everything
is vectorised pandas over the event table declared in `schema.py`; nothing here draws.

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
from eventdesk.escaping import escape_series, wrap_series
from eventdesk.schema import (
    ACTOR1,
    ACTOR1_TYPE,
    ACTOR2,
    ACTOR2_TYPE,
    ADMIN1,
    ARTICLE_ID,
    CLAIMED_BY,
    COUNTRY,
    DATE,
    DATE_PRECISION,
    EVENT_ID,
    EVENT_TYPE,
    EVIDENCE,
    FIRST_DATE,
    FIRST_REPORTED,
    GEO_PRECISION,
    INJURED,
    INJURED_QUALIFIER,
    KILLED,
    KILLED_QUALIFIER,
    LAST_DATE,
    LAST_REPORTED,
    LAT,
    LINKED_EVENT_ID,
    LOCATION,
    LON,
    N_EVENTS,
    PUBLISHED,
    SOURCE,
)

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

SEARCH_COLUMNS: tuple[str, ...] = (EVENT_TYPE, ACTOR1, ACTOR2, CLAIMED_BY, LOCATION, ADMIN1, COUNTRY, SOURCE, EVIDENCE)
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


def filter_options(events: pd.DataFrame) -> FilterOptions:
    """Actors (initiators, targets and claimants), event types, countries and the date span of a table."""
    names = pd.concat([decode(events[c]) for c in (ACTOR1, ACTOR2, CLAIMED_BY)]).dropna().unique()
    present = set(events[EVENT_TYPE].dropna().unique())
    start, end = date_spans(events)
    return FilterOptions(
        actors=tuple(sorted(names, key=str.casefold)),
        event_types=tuple(t for t in schema.EVENT_TYPES if t in present),
        countries=tuple(sorted(events[COUNTRY].dropna().unique(), key=str.casefold)),
        first_date=None if start.isna().all() else start.min().date(),
        last_date=None if end.isna().all() else end.max().date(),
    )


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


def date_spans(events: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """First and last day each event's date may stand for ("2024-01" spans January); NaT when undated."""
    text = decode(events[DATE]).str.strip()
    size = text.str.len()
    padded = text.where(size != 4, text + "-01-01").where(size != 7, text + "-01")
    start = pd.to_datetime(padded, format="%Y-%m-%d", errors="coerce")
    end = start.where(size != 7, start + pd.offsets.MonthEnd(0))
    end = end.where(size != 4, start + pd.offsets.YearEnd(0))
    return start, end


def actor_mask(events: pd.DataFrame, actors: Sequence[str], role: str = "either") -> pd.Series:
    """Rows where one of `actors` acts in `role`; a claimant counts as an initiator."""
    initiator = events[ACTOR1].isin(actors) | events[CLAIMED_BY].isin(actors)
    target = events[ACTOR2].isin(actors)
    chosen = {"initiator": initiator, "target": target}.get(role, initiator | target)
    return chosen.fillna(False).astype(bool)


def text_mask(events: pd.DataFrame, text: str) -> pd.Series:
    """Rows where `text` occurs (case-insensitive) in the evidence, an actor, a place or the source."""
    mask = pd.Series(False, index=events.index)
    for name in SEARCH_COLUMNS:
        mask |= events[name].str.contains(text, case=False, regex=False, na=False).astype(bool)
    return mask


def date_mask(events: pd.DataFrame, date_from: dt.date | None, date_to: dt.date | None) -> pd.Series:
    """Rows whose date span overlaps the range; undated rows are left out once a range is set."""
    start, end = date_spans(events)
    mask = start.notna()
    if date_from:
        mask &= end >= pd.Timestamp(date_from)
    if date_to:
        mask &= start <= pd.Timestamp(date_to)
    return mask.fillna(False).astype(bool)


# Text columns with few distinct values (outlets, types, actors, places, dates): the dashboard holds
# them as categories, an integer code per row, which at a million events saves about half the table.
CATEGORY_COLUMNS: tuple[str, ...] = (
    SOURCE, PUBLISHED, EVENT_TYPE, DATE, DATE_PRECISION, ACTOR1, ACTOR1_TYPE, ACTOR2, ACTOR2_TYPE, LOCATION,
    ADMIN1, COUNTRY, GEO_PRECISION, KILLED_QUALIFIER, INJURED_QUALIFIER, CLAIMED_BY, FIRST_REPORTED, LAST_REPORTED,
)


def compact(events: pd.DataFrame) -> pd.DataFrame:
    """`events` with its low-cardinality text columns (CATEGORY_COLUMNS) as categories, for a table held in memory."""
    return events.astype({c: "category" for c in CATEGORY_COLUMNS if c in events.columns})


def decode(values: pd.Series) -> pd.Series:
    """`values` as strings, whether held as strings or as categories."""
    if not isinstance(values.dtype, pd.CategoricalDtype):
        return values.astype("string")
    # Taking from the categories by code is about ten times faster than astype on a category column.
    taken = values.cat.categories.array.take(values.cat.codes.to_numpy(), allow_fill=True)
    return pd.Series(taken, index=values.index, name=values.name).astype("string")


def as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with its category columns back as strings, where they are filled in, joined or compared."""
    coded = [c for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)]
    return frame.assign(**{c: decode(frame[c]) for c in coded}) if coded else frame


def apply(events: pd.DataFrame, flt: Filter) -> pd.DataFrame:
    """The rows of `events` that the filter keeps, in their original order (always a new frame)."""
    if flt.is_empty:
        return events.copy(deep=False)
    mask = pd.Series(True, index=events.index)
    if flt.actors:
        mask &= actor_mask(events, flt.actors, flt.role)
    if flt.event_types:
        mask &= events[EVENT_TYPE].isin(flt.event_types).fillna(False).astype(bool)
    if flt.countries:
        mask &= events[COUNTRY].isin(flt.countries).fillna(False).astype(bool)
    if flt.date_from or flt.date_to:
        mask &= date_mask(events, flt.date_from, flt.date_to)
    if flt.text:
        mask &= text_mask(events, flt.text)
    return events[mask.to_numpy(dtype=bool)].reset_index(drop=True)


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


def combine_qualifiers(qualifiers: Iterable[str]) -> str:
    """The qualifier of a sum: exact if all parts are, the one loose qualifier if only one, else about."""
    loose = set(qualifiers) - {"exact"}
    if not loose:
        return "exact"
    return loose.pop() if len(loose) == 1 else "about"


def format_counts(values: pd.Series, qualifiers: pd.Series) -> pd.Series:
    """Figures as text with their qualifier ("at least 84"); empty where nothing was reported."""
    words = decode(qualifiers).map(QUALIFIER_WORDS).fillna("").astype("string")
    shown = words + values.astype("Int64").astype("string")
    return shown.fillna("")


def _rows_where(view: pd.DataFrame, mask: pd.Series, columns: Sequence[str] | None) -> pd.DataFrame:
    # Narrow the columns before the rows: taking rows copies every column taken, and a million
    # evidence sentences cost far more than the few columns an aggregation reads.
    frame = view if columns is None else view[list(dict.fromkeys(columns))]
    return frame[mask.to_numpy(dtype=bool)]


def casualty_rows(view: pd.DataFrame, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Events whose figures count towards totals: not the claims, warnings and statements about them
    (only `columns`, when given)."""
    return _rows_where(view, ~view[EVENT_TYPE].isin(schema.REPORT_TYPES).fillna(False), columns)


def _total(rows: pd.DataFrame, value: str, qualifier: str) -> Count:
    known = rows[value].notna().to_numpy(dtype=bool)
    if not known.any():
        return Count(None)
    qualifiers = rows.loc[known, qualifier].fillna("exact").unique()
    return Count(int(rows.loc[known, value].sum()), combine_qualifiers(qualifiers))


@dataclass(frozen=True)
class Headline:
    """The figures at the top of the overview."""

    events: int
    articles: int
    killed: Count
    injured: Count
    actors: int
    located: int = 0


def headline(view: pd.DataFrame) -> Headline:
    """Events, articles, killed, injured and distinct actors in the view."""
    rows = casualty_rows(view, [KILLED, KILLED_QUALIFIER, INJURED, INJURED_QUALIFIER])
    actors = pd.concat([decode(view[c]) for c in (ACTOR1, ACTOR2, CLAIMED_BY)]).dropna()
    return Headline(
        events=len(view),
        articles=int(view[ARTICLE_ID].nunique()),
        killed=_total(rows, KILLED, KILLED_QUALIFIER),
        injured=_total(rows, INJURED, INJURED_QUALIFIER),
        actors=int(actors.nunique()),
        located=int((view[LAT].notna() & view[LON].notna()).sum()),
    )


def with_count_labels(view: pd.DataFrame) -> pd.DataFrame:
    """The view with its figures written out with their qualifiers (`KILLED_SHOWN`, `INJURED_SHOWN`)."""
    return view.assign(
        **{
            KILLED_SHOWN: format_counts(view[KILLED], view[KILLED_QUALIFIER]),
            INJURED_SHOWN: format_counts(view[INJURED], view[INJURED_QUALIFIER]),
        }
    )


def _newest_first(view: pd.DataFrame, n: int | None = None) -> pd.DataFrame:
    # Sort the three key columns only, then take the rows wanted: sorting the whole frame moves every column.
    keys = view[[DATE, PUBLISHED, EVENT_ID]].reset_index(drop=True)
    order = keys.sort_values([DATE, PUBLISHED, EVENT_ID], ascending=False, na_position="last", kind="stable").index
    return view.iloc[order if n is None else order[:n]]


def latest_events(view: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The `n` most recent events, newest first, with figures written out."""
    return with_count_labels(_newest_first(view, n))[list(TABLE_COLUMNS)].reset_index(drop=True)


def events_table(view: pd.DataFrame) -> pd.DataFrame:
    """The view with every declared column, newest first: what the events page shows and exports.

    An incident table (the store's) keeps its figure columns (killed_low/best/high, ..., n_sources)
    after the event columns, as in the store's events.csv; a table of single reports has none.
    """
    columns = [name for name in schema.INCIDENT_FIELDS if name in view.columns or name in schema.EVENT_FIELDS]
    return _newest_first(view[columns]).reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# Casualties
# ---------------------------------------------------------------------------------------------

MAX_DATE_BARS = 120


def _sum_with_qualifier(values: pd.Series, qualifiers: pd.Series, keys: list[pd.Series]) -> pd.DataFrame:
    """Per group: the sum of `values` and the qualifier of that sum."""
    known = values.notna()
    loose = decode(qualifiers).where(known)
    parts = pd.DataFrame(
        {
            "total": values.fillna(0),
            "known": known,
            "at_least": loose.eq("at_least").fillna(False).astype(bool),
            "about": loose.eq("about").fillna(False).astype(bool),
            "at_most": loose.eq("at_most").fillna(False).astype(bool),
        }
    )
    sums = parts.groupby(keys, dropna=False, sort=False).sum()
    at_least, about, at_most = (sums[name] > 0 for name in ("at_least", "about", "at_most"))
    qualifier = np.select(
        [~(at_least | about | at_most), at_least & ~about & ~at_most, at_most & ~at_least & ~about],
        ["exact", "at_least", "at_most"],
        default="about",
    )
    total = sums["total"].astype("Int64").where(sums["known"] > 0)
    return pd.DataFrame({"total": total, "qualifier": pd.Series(qualifier, index=sums.index, dtype="string")})


def _casualty_table(rows: pd.DataFrame, keys: dict[str, pd.Series]) -> pd.DataFrame:
    key_list = [series.rename(name) for name, series in keys.items()]
    killed = _sum_with_qualifier(rows[KILLED], rows[KILLED_QUALIFIER], key_list)
    injured = _sum_with_qualifier(rows[INJURED], rows[INJURED_QUALIFIER], key_list)
    counts = rows.groupby(key_list, dropna=False, sort=False).size()
    out = pd.DataFrame(
        {
            N_EVENTS: counts.astype("Int64"),
            KILLED: killed["total"],
            KILLED_QUALIFIER: killed["qualifier"],
            INJURED: injured["total"],
            INJURED_QUALIFIER: injured["qualifier"],
        }
    )
    out[KILLED_SHOWN] = format_counts(out[KILLED], out[KILLED_QUALIFIER])
    out[INJURED_SHOWN] = format_counts(out[INJURED], out[INJURED_QUALIFIER])
    return out.reset_index()


_FIGURES = (KILLED, KILLED_QUALIFIER, INJURED, INJURED_QUALIFIER)


def _reported(view: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """Casualty rows with a reported figure: `columns` and the figures with their qualifiers."""
    counted = ~view[EVENT_TYPE].isin(schema.REPORT_TYPES).fillna(False)
    known = view[KILLED].notna() | view[INJURED].notna()
    return _rows_where(view, counted & known, [*columns, *_FIGURES])


def _by_toll(table: pd.DataFrame) -> pd.DataFrame:
    order = table.sort_values([KILLED, INJURED], ascending=False, na_position="last", kind="stable")
    return order.reset_index(drop=True)


def casualties_by_event(view: pd.DataFrame) -> pd.DataFrame:
    """Every event with a reported figure, deadliest first."""
    columns = [EVENT_ID, *TABLE_COLUMNS, KILLED, INJURED]
    shown = {KILLED_SHOWN, INJURED_SHOWN}
    rows = with_count_labels(_reported(view, [c for c in columns if c not in shown]))
    return _by_toll(rows[columns])


def casualties_by_date(view: pd.DataFrame) -> pd.DataFrame:
    """Killed and injured per date (per month when the view covers many dates), oldest first."""
    rows = _reported(view, [DATE])
    period = decode(rows[DATE]).fillna(UNDATED)
    if period.nunique() > MAX_DATE_BARS:
        period = period.str.slice(0, 7)
    table = _casualty_table(rows, {PERIOD: period})
    start, _ = date_spans(table.rename(columns={PERIOD: DATE}))
    order = pd.DataFrame({START: start, PERIOD: table[PERIOD]}).sort_values([START, PERIOD], na_position="last")
    return table.loc[order.index].reset_index(drop=True)


def _labels_of(location: pd.Series, country: pd.Series) -> pd.Series:
    both = location + ", " + country
    same = location.str.casefold() == country.str.casefold()
    label = both.mask(same.fillna(False).astype(bool), location)
    return label.fillna(location).fillna(country).fillna("(unknown place)")


def place_labels(frame: pd.DataFrame) -> pd.Series:
    """ "Quetta, Pakistan": the location and country of each row, as far as known."""
    pairs = pd.DataFrame({LOCATION: decode(frame[LOCATION]), COUNTRY: decode(frame[COUNTRY])})
    # A table repeats a few thousand places: label each distinct pair once, then spread the labels.
    groups = pairs.groupby([LOCATION, COUNTRY], dropna=False, sort=False)
    distinct = groups.head(1)
    labels = _labels_of(distinct[LOCATION], distinct[COUNTRY]).to_numpy()
    return pd.Series(labels[groups.ngroup().to_numpy()], index=frame.index, dtype="string")


def casualties_by_place(view: pd.DataFrame) -> pd.DataFrame:
    """Killed and injured per place, deadliest first."""
    rows = _reported(view, [LOCATION, COUNTRY])
    return _by_toll(_casualty_table(rows, {PLACE: place_labels(rows)}))


def initiators(view: pd.DataFrame) -> pd.Series:
    """Who carried each event out: actor1, else the claimant, else "(unknown)"."""
    return decode(view[ACTOR1]).fillna(decode(view[CLAIMED_BY])).fillna(UNKNOWN_ACTOR)


def casualties_by_actor(view: pd.DataFrame) -> pd.DataFrame:
    """Killed and injured per initiator (perpetrator or claimant), deadliest first."""
    rows = _reported(view, [ACTOR1, CLAIMED_BY])
    return _by_toll(_casualty_table(rows, {ACTOR: initiators(rows)}))


# ---------------------------------------------------------------------------------------------
# Timeline
# ---------------------------------------------------------------------------------------------

TIMELINE_BY = (EVENT_TYPE, ACTOR)


def _hover(view: pd.DataFrame) -> pd.Series:
    view = as_text(view)
    actors = view[ACTOR1].fillna(view[CLAIMED_BY]).fillna("?") + " → " + view[ACTOR2].fillna("?")
    figures = "killed " + format_counts(view[KILLED], view[KILLED_QUALIFIER]).replace("", "?")
    figures = figures + ", injured " + format_counts(view[INJURED], view[INJURED_QUALIFIER]).replace("", "?")
    return (
        "<b>" + escape_series(view[EVENT_TYPE]) + "</b> · " + escape_series(view[DATE].fillna(UNDATED))
        + " (" + escape_series(view[DATE_PRECISION]) + ")<br>" + escape_series(actors)
        + "<br>" + escape_series(place_labels(view)) + "<br>" + figures
        + "<br><i>" + wrap_series(view[EVIDENCE]) + "</i><br>" + escape_series(view[SOURCE].fillna(""))
    )


def _rows_of(view: pd.DataFrame, by: str, max_rows: int) -> pd.Series:
    rows = decode(view[EVENT_TYPE]) if by == EVENT_TYPE else initiators(view)
    top = rows.value_counts().index[:max_rows]
    other = f"(other {rows.nunique() - len(top)})"
    return rows.where(rows.isin(top), other)


def _sizes(amount: pd.Series, scale: float) -> pd.Series:
    return (12 + scale * np.sqrt(amount.astype("float64").fillna(0))).clip(upper=46)


def _binned_timeline(dated: pd.DataFrame, start: pd.Series, rows: pd.Series) -> pd.DataFrame:
    month = start.dt.to_period("M").dt.start_time
    casualties = dated[KILLED].fillna(0) + dated[INJURED].fillna(0)
    parts = pd.DataFrame({ROW: rows, EVENT_TYPE: dated[EVENT_TYPE], START: month, CASUALTIES: casualties})
    out = parts.groupby([ROW, EVENT_TYPE, START], sort=False).agg(
        **{N_EVENTS: (CASUALTIES, "size"), CASUALTIES: (CASUALTIES, "sum")}
    ).reset_index()
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


def timeline_frame(
    view: pd.DataFrame, by: str = EVENT_TYPE, max_points: int = 2000, max_rows: int = 25
) -> pd.DataFrame:
    """One point per dated event (or per row and month when there are more than `max_points`).

    Columns: ROW (event type or initiator), EVENT_TYPE, START/END of the date's span, X (where the
    point sits: the day, or the middle of a month or year), PRECISE (a day-precision date),
    N_EVENTS, CASUALTIES, SIZE (marker size), HOVER (escaped HTML), EVENT_ID, LINKED_EVENT_ID.
    """
    start, end = date_spans(view)
    dated_mask = start.notna().to_numpy(dtype=bool)
    dated, start, end = view[dated_mask], start[dated_mask], end[dated_mask]
    rows = _rows_of(dated, by, max_rows)
    if len(dated) > max_points:
        out = _binned_timeline(dated, start, rows)
    else:
        casualties = dated[KILLED].fillna(0) + dated[INJURED].fillna(0)
        out = pd.DataFrame(
            {
                ROW: rows, EVENT_TYPE: dated[EVENT_TYPE], START: start, END: end,
                X: start + (end - start) / 2, PRECISE: (end == start).to_numpy(dtype=bool),
                N_EVENTS: 1, CASUALTIES: casualties, SIZE: _sizes(casualties, 3.0), HOVER: _hover(dated),
                EVENT_ID: dated[EVENT_ID], LINKED_EVENT_ID: dated[LINKED_EVENT_ID],
            }
        )
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


def count_undated(view: pd.DataFrame) -> int:
    """Events with no usable date (they cannot sit on a timeline)."""
    start, _ = date_spans(view)
    return int(start.isna().sum())


# ---------------------------------------------------------------------------------------------
# Actors and relations
# ---------------------------------------------------------------------------------------------


def relations(events: pd.DataFrame) -> pd.DataFrame:
    """Who did what to whom: one row per (actor1, actor2, event type) where both actors are known."""
    pairs = events[(events[ACTOR1].notna() & events[ACTOR2].notna()).to_numpy(dtype=bool)]
    pairs = pairs.assign(**{DATE: decode(pairs[DATE])})  # category dates have no order for min and max
    grouped = pairs.groupby([ACTOR1, ACTOR2, EVENT_TYPE], sort=False).agg(
        **{
            N_EVENTS: (EVENT_ID, "size"),
            FIRST_DATE: (DATE, "min"),
            LAST_DATE: (DATE, "max"),
            KILLED: (KILLED, "sum"),
            INJURED: (INJURED, "sum"),
            "killed_known": (KILLED, "count"),
            "injured_known": (INJURED, "count"),
        }
    )
    grouped[KILLED] = grouped[KILLED].where(grouped["killed_known"] > 0)
    grouped[INJURED] = grouped[INJURED].where(grouped["injured_known"] > 0)
    table = grouped.reset_index().sort_values(
        [N_EVENTS, ACTOR1, ACTOR2, EVENT_TYPE], ascending=[False, True, True, True], kind="stable"
    )
    return schema.conform(table, schema.RELATION_COLUMNS)


def actor_event_counts(view: pd.DataFrame) -> pd.Series:
    """Number of events each actor takes part in (as initiator, target or claimant)."""
    involved = pd.concat(
        [
            pd.DataFrame({EVENT_ID: view[EVENT_ID], ACTOR: decode(view[name])})
            for name in (ACTOR1, ACTOR2, CLAIMED_BY)
        ]
    ).dropna().drop_duplicates()
    return involved[ACTOR].value_counts()


def actor_types(view: pd.DataFrame) -> pd.Series:
    """The registry type of each actor, as the table gives it (actor name -> type)."""
    # Each side is cut to its distinct actors before the two are joined, and only those few rows become strings.
    named = pd.concat(
        [
            as_text(pd.DataFrame({ACTOR: view[name], ACTOR1_TYPE: view[kind]}).dropna().drop_duplicates(subset=[ACTOR]))
            for name, kind in ((ACTOR1, ACTOR1_TYPE), (ACTOR2, ACTOR2_TYPE))
        ]
    )
    return named.drop_duplicates(subset=[ACTOR]).set_index(ACTOR)[ACTOR1_TYPE]


def actor_events(view: pd.DataFrame, actor: str) -> pd.DataFrame:
    """The events an actor takes part in, newest first, with figures written out."""
    rows = view[actor_mask(view, [actor]).to_numpy(dtype=bool)]
    return with_count_labels(_newest_first(rows))[list(TABLE_COLUMNS)].reset_index(drop=True)


def counterparts(view: pd.DataFrame, actor: str) -> pd.DataFrame:
    """Who an actor acted on and who acted on it: counterpart, direction, event types, counts, dates."""
    rel = relations(view)
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


def located(view: pd.DataFrame, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Events with coordinates (only `columns`, when given)."""
    return _rows_where(view, view[LAT].notna() & view[LON].notna(), columns).reset_index(drop=True)


def map_places(view: pd.DataFrame, decimals: int = 3) -> pd.DataFrame:
    """Located events grouped by place (coordinates rounded to `decimals`) and geo precision.

    Columns: LAT, LON, GEO_PRECISION, PLACE, EVENT_TYPE (the most common), N_EVENTS, FIRST_DATE,
    LAST_DATE and the casualty sums with their qualifiers and written-out labels.
    """
    rows = as_text(located(view, [LAT, LON, schema.GEO_PRECISION, LOCATION, COUNTRY, DATE, EVENT_TYPE, *_FIGURES]))
    keys = {
        LAT: rows[LAT].round(decimals),
        LON: rows[LON].round(decimals),
        schema.GEO_PRECISION: rows[schema.GEO_PRECISION].fillna("unknown"),
    }
    table = _casualty_table(rows, keys)
    key_names = list(keys)
    spans = pd.DataFrame({**keys, PLACE: place_labels(rows), DATE: rows[DATE]}).groupby(key_names, dropna=False)
    extra = spans.agg(**{PLACE: (PLACE, "first"), FIRST_DATE: (DATE, "min"), LAST_DATE: (DATE, "max")})
    types = pd.DataFrame({**keys, EVENT_TYPE: rows[EVENT_TYPE]}).value_counts().reset_index()
    commonest = types.drop_duplicates(subset=key_names).set_index(key_names)[EVENT_TYPE]
    table = table.join(extra, on=key_names).join(commonest, on=key_names)
    return table.sort_values(N_EVENTS, ascending=False, kind="stable").reset_index(drop=True)
