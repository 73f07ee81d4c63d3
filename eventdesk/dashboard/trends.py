"""Totals and change by area over time: attacks, the killed and the injured per province, country or
initiator and period (a week, a month, a year, or 30 days counted back from the latest dated attack),
each area's latest period beside the one before and the average of the periods before that, and
a line chart of the busiest areas.

An attack counts in a period only when its date is at least as precise as the period: an attack
known only to "2024" is in the year 2024 but in no month of it, so it is counted in the yearly
view and said to be left out of the monthly one (`TrendTable.coarser`). The killed are summed
over attacks only (a claim repeats its attack's toll). An area is the province with its country
("Kerman, Iran"), or the country alone; an event placed only at country level is in that
country's "(province unknown)". Nothing here draws with Streamlit: the page is `pages/trends.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from eventdesk.dashboard import filters, sql
from eventdesk.dashboard.escaping import escape_series, escape_text
from eventdesk.schema import ADMIN1, COUNTRY, DATE, INJURED, KILLED
from eventdesk.store import tables

INITIATOR = "initiator"
LEVELS: dict[str, str] = {ADMIN1: "Province or state", COUNTRY: "Country", INITIATOR: "Initiator"}
DAYS = "30 days"
PERIODS: dict[str, str] = {"month": "Month", DAYS: "30 days", "week": "Week", "year": "Year"}
WINDOW_DAYS = 30  # a DAYS period: the 30 days up to the view's latest dated attack, the 30 before, ...
MEASURES: dict[str, str] = {"attacks": "Attacks", "killed": "Killed", "injured": "Injured"}
# A period's date must be written at least this finely (length of the ISO date: 2024-01-03, 2024-01, 2024).
_DATE_LENGTH: dict[str, int] = {"week": 10, DAYS: 10, "month": 7, "year": 4}
BASELINE_PERIODS = 6  # the latest period is compared with the average of up to this many periods before it
CHART_AREAS = 8

# Columns of the frames derived here.
AREA, PERIOD, ATTACKS = "area", "period", "attacks"
LATEST, PREVIOUS, AVERAGE, CHANGE, TOTAL = "latest", "previous", "average before", "change", "total"


def area_sql(level: str) -> str:
    """The area of a row: "province, country", or the country, as far as known; or its initiator."""
    country = f"coalesce({COUNTRY}, {tables.sql_text(sql.UNKNOWN_PLACE)})"
    if level == COUNTRY:
        return country
    if level == INITIATOR:
        return sql.INITIATOR_SQL
    if level != ADMIN1:
        raise ValueError(f"unknown area level {level!r}; choose one of {', '.join(LEVELS)}")
    return (f"CASE WHEN {ADMIN1} IS NOT NULL THEN {ADMIN1} || ', ' || {country} "
            f"ELSE {country} || ' (province unknown)' END")


def _period_sql(period: str) -> str:
    if period not in PERIODS:
        raise ValueError(f"unknown period {period!r}; choose one of {', '.join(PERIODS)}")
    if period == DAYS:  # windows counted back from the latest day: the last one always ends on it
        latest = f"(max({tables.START_SQL}) OVER ())"
        back = f"(date_diff('day', {tables.START_SQL}, {latest}) // {WINDOW_DAYS})"
        return f"CAST({latest} - to_days(CAST({WINDOW_DAYS} * ({back} + 1) - 1 AS INTEGER)) AS DATE)"
    return f"date_trunc('{period}', {tables.START_SQL})"


def counts_by_area(events: filters.Events, level: str = ADMIN1, period: str = "month") -> pd.DataFrame:
    """AREA, PERIOD (the period's first day), ATTACKS, KILLED and INJURED for every area and period with an attack."""
    area, truncated = area_sql(level), _period_sql(period)
    view = filters.as_view(events)
    where = f"{sql.VIOLENT_SQL} AND {sql.DATED_SQL} AND length({DATE}) >= {_DATE_LENGTH[period]}"
    frame = view.fetch(
        f"SELECT {AREA}, {PERIOD}, count(*) AS {ATTACKS}, sum({KILLED}) AS {KILLED}, sum({INJURED}) AS {INJURED} "
        f"FROM (SELECT {area} AS {AREA}, {truncated} AS {PERIOD}, {KILLED}, {INJURED} FROM {{rows}}) "
        f"GROUP BY ALL ORDER BY {PERIOD}, {AREA}",
        where=where,
    )
    frame[PERIOD] = pd.to_datetime(frame[PERIOD])
    for figure in (KILLED, INJURED):
        frame[figure] = frame[figure].fillna(0).astype("int64")
    frame[ATTACKS] = frame[ATTACKS].astype("int64")
    return frame.reset_index(drop=True)


def _coarser(events: filters.Events, period: str) -> int:
    view = filters.as_view(events)
    where = f"{sql.VIOLENT_SQL} AND {sql.DATED_SQL} AND length({DATE}) < {_DATE_LENGTH[period]}"
    return int(view.count(where))


def _undated(events: filters.Events) -> int:
    return int(filters.as_view(events).count(f"{sql.VIOLENT_SQL} AND NOT ({sql.DATED_SQL})"))


def series(counts: pd.DataFrame, period: str, measure: str = ATTACKS) -> pd.DataFrame:
    """One column per area and one row per period from the first to the last, zero where nothing happened."""
    if counts.empty:
        return pd.DataFrame()
    wide = counts.pivot_table(index=PERIOD, columns=AREA, values=measure, aggfunc="sum", fill_value=0)
    frequency = {"week": "W-MON", "month": "MS", "year": "YS", DAYS: f"{WINDOW_DAYS}D"}[period]
    every = pd.date_range(wide.index.min(), wide.index.max(), freq=frequency)
    return wide.reindex(every, fill_value=0).rename_axis(PERIOD)


def change_table(counts: pd.DataFrame, period: str, measure: str = ATTACKS) -> pd.DataFrame:
    """Per area: the latest period's figure, the one before, the average of the periods before that one,
    the change against that average (a share; empty when there is no average to compare with) and
    the total, the areas with the largest totals first."""
    columns = [AREA, LATEST, PREVIOUS, AVERAGE, CHANGE, TOTAL]
    wide = series(counts, period, measure)
    if wide.empty:
        return pd.DataFrame(columns=columns)
    latest, before = wide.iloc[-1], wide.iloc[:-1].tail(BASELINE_PERIODS)
    average = before.mean() if len(before) else pd.Series(float("nan"), index=wide.columns)
    change = ((latest - average) / average).where(average > 0)
    table = pd.DataFrame({
        AREA: wide.columns, LATEST: latest.to_numpy(),
        PREVIOUS: wide.iloc[-2].to_numpy() if len(wide) > 1 else pd.NA,
        AVERAGE: average.round(1).to_numpy(), CHANGE: change.round(2).to_numpy(), TOTAL: wide.sum().to_numpy(),
    })
    return table.sort_values([TOTAL, LATEST, AREA], ascending=[False, False, True], kind="stable").reset_index(
        drop=True)[columns]


@dataclass(frozen=True)
class TrendTable:
    """What the Trends page shows for one choice of area level, period and measure."""

    counts: pd.DataFrame
    changes: pd.DataFrame
    latest_period: pd.Timestamp | None
    coarser: int  # attacks dated less precisely than the period, left out
    undated: int  # attacks with no date at all, left out


def trend_table(events: filters.Events, level: str = ADMIN1, period: str = "month",
                measure: str = ATTACKS) -> TrendTable:
    """Counts by area and period, the change table of `measure`, and what was left out."""
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; choose one of {', '.join(MEASURES)}")
    counts = counts_by_area(events, level, period)
    latest = None if counts.empty else counts[PERIOD].max()
    return TrendTable(counts, change_table(counts, period, measure), latest, _coarser(events, period),
                      _undated(events))


def change_text(latest: object, average: object, share: object) -> str:
    """ "+50%", "-20%", "steady", "new" (nothing before), or "" when there is nothing to compare."""
    if pd.isna(average):
        return ""
    if average == 0 or pd.isna(share):
        return "new" if latest else "steady"
    return "steady" if abs(float(share)) < 0.005 else f"{float(share):+.0%}"


def shown_table(trends: TrendTable, period: str) -> pd.DataFrame:
    """The change table as the page shows it: the latest period named, the change written out."""
    table = trends.changes.copy()
    table[CHANGE] = [change_text(*values) for values in zip(table[LATEST], table[AVERAGE], table[CHANGE],
                                                             strict=True)]
    # "None" in an empty cell reads as a value: nothing before the first period is written as nothing.
    table[PREVIOUS] = [("" if pd.isna(v) else f"{int(v):,}") for v in table[PREVIOUS]]
    table[AVERAGE] = [("" if pd.isna(v) else f"{float(v):,.1f}") for v in table[AVERAGE]]
    if trends.latest_period is not None:
        table = table.rename(columns={LATEST: f"{LATEST} ({period_label(trends.latest_period, period)})"})
    return table


def period_label(start: pd.Timestamp, period: str) -> str:
    """ "2024-01" for a month, "week of 2024-01-01", "2024" for a year, "2024-01-05 to 2024-02-03" for 30 days."""
    if period == DAYS:
        return f"{start:%Y-%m-%d} to {start + pd.Timedelta(days=WINDOW_DAYS - 1):%Y-%m-%d}"
    if period == "month":
        return start.strftime("%Y-%m")
    if period == "year":
        return start.strftime("%Y")
    return "week of " + start.strftime("%Y-%m-%d")


def reading_note(trends: TrendTable, period: str, measure: str) -> str:
    """A sentence saying what the table compares and what it leaves out."""
    unit = "day" if period == DAYS else period  # what an attack's date must name to be in a period
    if trends.latest_period is None:
        note = f"No attack in this view is dated to the {unit}."
    elif period == DAYS:
        note = (f"{LATEST.capitalize()}: {period_label(trends.latest_period, period)}, the {WINDOW_DAYS} days up to "
                f"the latest dated attack in this view; {PREVIOUS}: the {WINDOW_DAYS} days before; {AVERAGE}: the "
                f"mean of up to {BASELINE_PERIODS} such periods before the latest; ")
    else:
        note = (f"{LATEST.capitalize()}: {period_label(trends.latest_period, period)}, the latest {period} with an "
                f"attack in this view; {AVERAGE}: the mean of up to {BASELINE_PERIODS} {period}s before it; ")
    if trends.latest_period is not None:
        note += (f"{CHANGE}: the latest against that mean. Attacks only: claims and statements repeat an "
                 "attack's toll.")
    left_out = []
    if trends.coarser:
        left_out.append(f"{trends.coarser:,} attack(s) dated less precisely than a {unit}")
    if trends.undated:
        left_out.append(f"{trends.undated:,} undated attack(s)")
    return note + (" Left out: " + " and ".join(left_out) + "." if left_out else "")


def trend_figure(trends: TrendTable, period: str, measure: str = ATTACKS, n_areas: int = CHART_AREAS) -> go.Figure:
    """A line per area (the `n_areas` with the largest totals) of `measure` per period."""
    figure = go.Figure()
    wide = series(trends.counts, period, measure)
    # One category per period, so that a single month is "2024-01", not a time axis in milliseconds.
    labels = [period_label(start, period).removeprefix("week of ") for start in wide.index]
    for area in trends.changes[AREA].head(n_areas):
        values = wide[area]
        figure.add_trace(go.Scatter(
            x=labels, y=[int(v) for v in values], mode="lines+markers", name=escape_text(str(area)),
            hovertext=escape_series(pd.Series([f"{area}: {v:,} {measure}" for v in values], dtype="string")),
            hoverinfo="text+x",
        ))
    axis = "week starting" if period == "week" else period
    figure.update_layout(
        height=420, margin={"l": 10, "r": 10, "t": 30, "b": 10}, showlegend=True, legend={"title": {"text": "area"}},
        yaxis={"title": {"text": MEASURES[measure]}, "rangemode": "tozero"},
        xaxis={"title": {"text": axis}, "type": "category"},
    )
    return figure
