"""One incident as the Events and Casualties pages show it: its sources, why they were merged, its figures.

An incident (a row of the event table) is made of reports, each read from one article
(`store.event_members`). The frames here turn those reports into what a reader checks: which
outlet said what on which day, in which sentence, and why the report was merged into the
incident; the range of the casualty figures; and the history of the figures over report dates.
Nothing here reads the store or draws.
"""

from __future__ import annotations

import pandas as pd

from eventdesk import schema
from eventdesk.dashboard import counts, filters, sql
from eventdesk.dashboard.escaping import escape_series, wrap_series
from eventdesk.schema import (
    ARTICLE_ID,
    DATE,
    EVENT_ID,
    EVENT_TYPE,
    EVIDENCE,
    INJURED,
    INJURED_QUALIFIER,
    KILLED,
    KILLED_QUALIFIER,
    MERGE_REASON,
    N_REPORTS,
    N_SOURCES,
    PUBLISHED,
    REPORT_ID,
    SOURCE,
)
from eventdesk.store.incidents import FIGURES

MAX_CHOICES = 500  # events offered in a chooser: more than anyone scrolls through; the filter narrows the rest

# Columns of the frames derived here (the tables' own names live in schema.py).
FIGURE = "figure"
VALUE = "value"
SHOWN = "as reported"
HOVER = "hover"
REPORT_DATE = "report date"

SOURCE_COLUMNS: tuple[str, ...] = (
    SOURCE, PUBLISHED, counts.KILLED_SHOWN, counts.INJURED_SHOWN, EVIDENCE, MERGE_REASON, EVENT_TYPE, DATE,
    schema.LOCATION, schema.PLACE_REASON, ARTICLE_ID, REPORT_ID,
)
HISTORY_COLUMNS: tuple[str, ...] = (PUBLISHED, SOURCE, counts.KILLED_SHOWN, counts.INJURED_SHOWN, EVIDENCE, REPORT_ID)


# ---------------------------------------------------------------------------------------------
# Choosing an incident
# ---------------------------------------------------------------------------------------------


def _count(values: pd.Series, noun: str) -> pd.Series:
    numbers = values.astype("Int64").fillna(0)
    return numbers.astype("string") + (" " + noun) + numbers.ne(1).map({True: "s", False: ""}).astype("string")


def event_labels(view: pd.DataFrame) -> pd.Series:
    """ "2024-03-12 · bombing · Maiduguri, Nigeria · 4 reports, 4 sources", indexed by event id."""
    label = (
        view[DATE].astype("string").fillna("undated") + " · " + view[EVENT_TYPE].astype("string") + " · "
        + sql.place_labels(view) + " · " + _count(view[N_REPORTS], "report") + ", "
        + _count(view[N_SOURCES], "source")
    )
    return pd.Series(label.to_numpy(), index=pd.Index(view[EVENT_ID].astype("string"), name=EVENT_ID))


_LABEL_COLUMNS = (EVENT_ID, DATE, EVENT_TYPE, schema.LOCATION, schema.COUNTRY, N_REPORTS, N_SOURCES)
_MOST_REPORTED = f"{N_REPORTS} DESC NULLS LAST, {DATE} DESC NULLS LAST, {EVENT_ID}"


def event_choices(view: filters.Events, max_choices: int = MAX_CHOICES, with_figures: bool = False) -> pd.Series:
    """Labels of the events to offer in a chooser, indexed by event id: the ones with the most reports
    first, then the newest; at most `max_choices`. `with_figures` keeps only events with a figure."""
    where = f"{KILLED} IS NOT NULL OR {INJURED} IS NOT NULL" if with_figures else "TRUE"
    rows = filters.as_view(view).rows(_LABEL_COLUMNS, _MOST_REPORTED, max_choices, where=where)
    return event_labels(rows)


def event_row(view: filters.Events, event_id: str) -> pd.Series | None:
    """The row of one event, or None when the view does not hold it."""
    rows = filters.as_view(view).rows(limit=1, where=f"{EVENT_ID} = $event_id", params={"event_id": event_id})
    return None if rows.empty else rows.iloc[0]


# ---------------------------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------------------------


def _int(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def figure_range(event: pd.Series, figure: str) -> tuple[int | None, int | None, int | None]:
    """(low, best, high) of "killed" or "injured" for one event (None where not reported)."""
    _, _, _, low, best, high = next(f for f in FIGURES if f[0] == figure)
    return _int(event.get(low)), _int(event.get(best)), _int(event.get(high))


def figure_ranges(event: pd.Series) -> dict[str, tuple[int | None, int | None, int | None]]:
    """{"killed": (low, best, high), "injured": (low, best, high)} of one event."""
    return {figure[0]: figure_range(event, figure[0]) for figure in FIGURES}


def figure_text(event: pd.Series, figure: str) -> str:
    """ "at least 84" when every report agrees, "17 (reports: 12 to 19)" when they differ."""
    _, _, qualifier, *_ = next(f for f in FIGURES if f[0] == figure)
    low, best, high = figure_range(event, figure)
    if best is None and low is None:
        return counts.NOT_REPORTED
    shown = str(counts.Count(best, event.get(qualifier) or "exact")) if best is not None else "no best figure"
    if low is None or low == high:
        return shown
    return f"{shown} (reports: {low:,} to {high:,})"


def event_figures(event: pd.Series, members: pd.DataFrame) -> dict[str, str]:
    """The headline figures of one event: killed and injured (with their range), reports and sources."""
    sources = _int(event.get(N_SOURCES))
    if sources is None:
        sources = int(members[SOURCE].nunique())
    return {"Killed": figure_text(event, "killed"), "Injured": figure_text(event, "injured"),
            "Reports": f"{len(members):,}", "Sources": f"{sources:,}"}


# ---------------------------------------------------------------------------------------------
# Sources and reasons
# ---------------------------------------------------------------------------------------------


def _with_shown(reports: pd.DataFrame) -> pd.DataFrame:
    return reports.assign(**{
        counts.KILLED_SHOWN: counts.format_counts(reports[KILLED], reports[KILLED_QUALIFIER]),
        counts.INJURED_SHOWN: counts.format_counts(reports[INJURED], reports[INJURED_QUALIFIER]),
    })


def sources_table(members: pd.DataFrame) -> pd.DataFrame:
    """One row per member report of an incident, in the store's order (the founding report first):
    outlet, report date, figures as reported, why it was merged, and its evidence sentence."""
    return _with_shown(members)[list(SOURCE_COLUMNS)].reset_index(drop=True)


def report_labels(members: pd.DataFrame) -> pd.Series:
    """ "AFP, 2024-03-13: 19 killed, 42 injured", indexed by report id (to choose reports to split off)."""
    shown = _with_shown(members)
    figures = ("; " + shown[counts.KILLED_SHOWN] + " killed").where(shown[counts.KILLED_SHOWN] != "", "")
    figures = figures + (", " + shown[counts.INJURED_SHOWN] + " injured").where(shown[counts.INJURED_SHOWN] != "", "")
    label = (members[SOURCE].astype("string").fillna("(unknown source)") + ", "
             + members[PUBLISHED].astype("string").fillna("undated") + figures + " · " + members[REPORT_ID])
    return pd.Series(label.to_numpy(), index=pd.Index(members[REPORT_ID].astype("string"), name=REPORT_ID))


def merge_reasons(members: pd.DataFrame) -> pd.DataFrame:
    """Each distinct merge reason of an incident's reports with the outlets it applies to."""
    frame = pd.DataFrame({MERGE_REASON: members[MERGE_REASON].astype("string"),
                          SOURCE: members[SOURCE].astype("string").fillna("(unknown source)")})
    grouped = frame.groupby(MERGE_REASON, sort=False)[SOURCE].agg(lambda s: ", ".join(dict.fromkeys(s)))
    return grouped.reset_index()


# ---------------------------------------------------------------------------------------------
# History of the figures
# ---------------------------------------------------------------------------------------------


def history_table(history: pd.DataFrame) -> pd.DataFrame:
    """A `store.incidents.history` frame for reading: report date, outlet, figures as reported, evidence."""
    return _with_shown(history)[list(HISTORY_COLUMNS)].reset_index(drop=True)


def history_points(history: pd.DataFrame) -> pd.DataFrame:
    """One row per dated report and figure ("killed", "injured") it gives: the points of the history chart.

    Columns: figure, report date (a timestamp), value, the figure as reported, source, and an
    escaped hover text; oldest report first. Undated reports are left out (see `count_undated`).
    """
    parts = []
    dates = pd.to_datetime(history[PUBLISHED], errors="coerce", format="%Y-%m-%d")
    for figure, reported, qualifier, *_ in FIGURES:
        known = (history[reported].notna() & dates.notna()).to_numpy(dtype=bool)
        rows = history[known]
        shown = counts.format_counts(rows[reported], rows[qualifier])
        hover = (
            escape_series(rows[SOURCE].astype("string").fillna("(unknown source)")) + ", "
            + rows[PUBLISHED].astype("string") + ": " + figure + " " + shown + "<br>" + wrap_series(rows[EVIDENCE])
        )
        parts.append(pd.DataFrame({
            FIGURE: figure, REPORT_DATE: dates[known].to_numpy(), VALUE: rows[reported].astype("Int64").to_numpy(),
            SHOWN: shown.to_numpy(), SOURCE: rows[SOURCE].to_numpy(), HOVER: hover.to_numpy(),
        }))
    points = pd.concat(parts, ignore_index=True)
    return points.sort_values([FIGURE, REPORT_DATE], kind="stable").reset_index(drop=True)


def count_undated(history: pd.DataFrame) -> int:
    """Reports in a history whose report date is unknown (they cannot be placed on the chart)."""
    dates = pd.to_datetime(history[PUBLISHED], errors="coerce", format="%Y-%m-%d")
    return int(dates.isna().sum())
