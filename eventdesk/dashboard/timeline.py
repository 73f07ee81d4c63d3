"""The timeline: one point per dated event (or per row and month in a large view), the links between a
claim and its attack, and the events that cannot be placed on it. Nothing here draws (`charts.py` does).

A point sits on a row (its event type, or its initiator), spans the days its date stands for
("2024-01" spans January) and carries an escaped hover text; above `max_points` events the
database counts them per row and month instead.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from eventdesk.dashboard import counts, filters, sql
from eventdesk.dashboard.escaping import escape_series, wrap_series
from eventdesk.schema import (
    ACTOR1,
    ACTOR2,
    CLAIMED_BY,
    COUNTRY,
    DATE,
    DATE_PRECISION,
    EVENT_ID,
    EVENT_TYPE,
    EVIDENCE,
    INJURED,
    INJURED_QUALIFIER,
    KILLED,
    KILLED_QUALIFIER,
    LINKED_EVENT_ID,
    LOCATION,
    N_EVENTS,
    SOURCE,
)
from eventdesk.store import tables

# Columns of the timeline frame.
ROW = "row"
START = "start"
END = "end"
X = "x"
PRECISE = "precise"
SIZE = "size"
HOVER = "hover"
CASUALTIES = "casualties"
INITIATOR = "actor"  # the rows of a timeline by initiator

TIMELINE_BY = (EVENT_TYPE, INITIATOR)
TIMELINE_BY_LABELS: dict[str, str] = {EVENT_TYPE: "event type", INITIATOR: "initiator"}


def _hover(view: pd.DataFrame) -> pd.Series:
    actors = view[ACTOR1].fillna(view[CLAIMED_BY]).fillna("?") + " → " + view[ACTOR2].fillna("?")
    killed, injured = counts.shown_figures(view)
    figures = "killed " + killed.replace("", "?") + ", injured " + injured.replace("", "?")
    return (
        "<b>" + escape_series(view[EVENT_TYPE]) + "</b> · " + escape_series(view[DATE].fillna(sql.UNDATED))
        + " (" + escape_series(view[DATE_PRECISION]) + ")<br>" + escape_series(actors)
        + "<br>" + escape_series(sql.place_labels(view)) + "<br>" + figures
        + "<br><i>" + wrap_series(view[EVIDENCE]) + "</i><br>" + escape_series(view[SOURCE].fillna(""))
    )


def _row_sql(view: tables.View, by: str, max_rows: int) -> tuple[str, dict[str, object]]:
    """The timeline row of each event (SQL): its type or initiator when among the `max_rows` commonest,
    else "(other N)"."""
    key = EVENT_TYPE if by == EVENT_TYPE else sql.INITIATOR_SQL
    counts = view.fetch(
        f"SELECT {key} AS name, count(*) AS n, min({tables.ROW_SQL}) AS first FROM {{rows}} "
        f"GROUP BY ALL ORDER BY n DESC, first", where=sql.DATED_SQL,
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
        f"FROM {{rows}} GROUP BY ALL ORDER BY _first", params, where=sql.DATED_SQL,
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
    dated = view.rows([*_TIMELINE_COLUMNS, f"{row} AS {ROW}"], where=sql.DATED_SQL, params=params)
    start, end = sql.date_spans(dated)
    casualties = dated[KILLED].fillna(0) + dated[INJURED].fillna(0)
    return pd.DataFrame(
        {
            ROW: dated[ROW], EVENT_TYPE: dated[EVENT_TYPE], START: start, END: end,
            X: start + (end - start) / 2, PRECISE: (end == start).to_numpy(dtype=bool),
            N_EVENTS: 1, CASUALTIES: casualties, SIZE: _sizes(casualties, 3.0), HOVER: _hover(dated),
            EVENT_ID: dated[EVENT_ID], LINKED_EVENT_ID: dated[LINKED_EVENT_ID],
        }
    )


def timeline_frame(events: filters.Events, by: str = EVENT_TYPE, max_points: int = 2000,
                   max_rows: int = 25) -> pd.DataFrame:
    """One point per dated event (or per row and month when there are more than `max_points`).

    Columns: ROW (event type or initiator), EVENT_TYPE, START/END of the date's span, X (where the
    point sits: the day, or the middle of a month or year), PRECISE (a day-precision date),
    N_EVENTS, CASUALTIES, SIZE (marker size), HOVER (escaped HTML), EVENT_ID, LINKED_EVENT_ID.
    """
    view = filters.as_view(events)
    row, params = _row_sql(view, by, max_rows)
    if view.count(sql.DATED_SQL) > max_points:
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


def count_undated(events: filters.Events) -> int:
    """Events with no usable date (they cannot sit on a timeline)."""
    return filters.as_view(events).count(f"{tables.START_SQL} IS NULL")


def reading_note(frame: pd.DataFrame, n_events: int) -> str:
    """How to read a timeline frame's chart (one circle per event, or per row and month)."""
    if is_binned(frame):
        return (f"With {n_events:,} events, each circle counts one row's events in a month (size follows the "
                "count); narrow the filter in the sidebar to see single events and their evidence.")
    return ("Filled circles: events dated to the day. Hollow circles on a bar: events dated only to a month or a "
            "year (the bar spans it). Dotted lines join linked events, such as an attack and its claim. "
            "Marker size follows the casualties.")


def undated_note(n_undated: int) -> str | None:
    """What the page says about the events missing from the timeline (None when every event is on it)."""
    if n_undated == 0:
        return None
    events = "1 event has" if n_undated == 1 else f"{n_undated:,} events have"
    return f"{events} no usable date and {'is' if n_undated == 1 else 'are'} not on the timeline (see the Events page)."
