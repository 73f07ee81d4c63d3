"""Plotly figures of the frames `timeline`, `query` and `event_detail` derive: the timeline, the casualty bars and
the history of one incident's figures.

The timeline marks day-precision events as filled circles and events dated only to a month or
a year as a hollow circle on a bar spanning that month or year, so the difference is visible;
a dotted line joins linked events (an attack and its claim). The history draws each report's
figure at its report date as a step line, with the incident's low-high band and best figure.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from eventdesk.dashboard import counts, event_detail, timeline
from eventdesk.dashboard.colours import event_colour
from eventdesk.dashboard.escaping import escape_series, escape_text
from eventdesk.schema import EVENT_TYPE, INJURED, KILLED


def _segments(starts: pd.Series, ends: pd.Series) -> list:
    """start, end, None, start, end, None, ...: many segments in one trace."""
    values = np.empty(len(starts) * 3, dtype=object)
    values[0::3], values[1::3], values[2::3] = list(starts), list(ends), None
    return list(values)


def _span_trace(part: pd.DataFrame, colour: str, kind: str) -> go.Scatter:
    return go.Scatter(
        x=_segments(part[timeline.START], part[timeline.END]), y=_segments(part[timeline.ROW], part[timeline.ROW]),
        mode="lines", line={"color": colour, "width": 7}, opacity=0.35, hoverinfo="skip",
        legendgroup=kind, showlegend=False,
    )


def _point_trace(part: pd.DataFrame, colour: str, kind: str, precise: bool) -> go.Scatter:
    return go.Scatter(
        x=part[timeline.X], y=part[timeline.ROW], mode="markers", name=escape_text(kind), legendgroup=kind,
        showlegend=precise,
        marker={
            "size": part[timeline.SIZE], "color": colour, "symbol": "circle" if precise else "circle-open",
            "line": {"width": 1 if precise else 2.5, "color": "white" if precise else colour}, "opacity": 0.85,
        },
        hovertext=part[timeline.HOVER], hoverinfo="text",
    )


def _link_trace(frame: pd.DataFrame) -> go.Scatter | None:
    links = timeline.timeline_links(frame)
    if links.empty:
        return None
    return go.Scatter(
        x=_segments(links["x0"], links["x1"]), y=_segments(links["y0"], links["y1"]), mode="lines",
        line={"color": "#555", "width": 1.5, "dash": "dot"},
        name="linked events", hoverinfo="skip",
    )


def _padded_axis(first: pd.Timestamp, last: pd.Timestamp, share: float) -> dict:
    """A date range padded so edge markers are not cut, and day ticks (not hours) on short spans."""
    pad = max(pd.Timedelta(days=1), (last - first) * share)
    axis = {"range": [first - pad, last + pad]}
    if last - first < pd.Timedelta(days=21):
        axis |= {"dtick": 86_400_000, "tickformat": "%-d %b %Y"}
    return axis


def _date_axis(frame: pd.DataFrame) -> dict:
    if frame.empty:
        return {}
    return _padded_axis(frame[timeline.START].min(), frame[timeline.END].max(), 0.05)


def timeline_figure(frame: pd.DataFrame, height: int | None = None) -> go.Figure:
    """The timeline of a `timeline.timeline_frame`: one row per ROW value, oldest row on top."""
    figure = go.Figure()
    link = _link_trace(frame)
    if link is not None:
        figure.add_trace(link)
    for kind, part in frame.groupby(EVENT_TYPE, sort=True):
        colour = event_colour(kind)
        vague = part[~part[timeline.PRECISE].to_numpy(dtype=bool)]
        if len(vague):
            figure.add_trace(_span_trace(vague, colour, kind))
        figure.add_trace(_point_trace(part[part[timeline.PRECISE].to_numpy(dtype=bool)], colour, kind, True))
        if len(vague):
            figure.add_trace(_point_trace(vague, colour, kind, False))
    rows = frame.groupby(timeline.ROW, sort=False)[timeline.START].min().sort_values(kind="stable").index
    figure.update_yaxes(categoryorder="array", categoryarray=list(rows)[::-1], title=None)
    figure.update_xaxes(title=None, type="date", **_date_axis(frame))
    figure.update_layout(
        height=height or max(320, 90 + 46 * len(rows)), margin={"l": 10, "r": 10, "t": 30, "b": 10},
        hovermode="closest", legend={"orientation": "h", "y": 1.08, "x": 0},
        hoverlabel={"align": "left"},
    )
    return figure


def casualties_figure(table: pd.DataFrame, by: str, height: int = 360) -> go.Figure:
    """Grouped bars of killed and injured per value of `by` (a column of a `query.casualties_by_*` table)."""
    labels = escape_series(table[by].astype("string"))
    x = labels  # categories: dates of mixed precision ("2024", "2024-01", "2024-01-03") stay as written
    figure = go.Figure(
        [
            go.Bar(x=x, y=table[KILLED].astype("Float64").fillna(0), name="killed", marker_color="#b2182b",
                   hovertext=labels + ": killed " + table[counts.KILLED_SHOWN], hoverinfo="text"),
            go.Bar(x=x, y=table[INJURED].astype("Float64").fillna(0), name="injured", marker_color="#ef8a62",
                   hovertext=labels + ": injured " + table[counts.INJURED_SHOWN], hoverinfo="text"),
        ]
    )
    figure.update_layout(
        barmode="group", height=height, margin={"l": 10, "r": 10, "t": 30, "b": 10},
        legend={"orientation": "h", "y": 1.1, "x": 0}, bargap=0.6 if len(table) < 4 else 0.2,
    )
    figure.update_xaxes(type="category")
    return figure


HISTORY_COLOURS: dict[str, str] = {"killed": "#b2182b", "injured": "#ef8a62"}


def _history_trace(part: pd.DataFrame, figure: str) -> go.Scatter:
    return go.Scatter(
        x=part[event_detail.REPORT_DATE], y=part[event_detail.VALUE].astype("Float64"), name=f"{figure} as reported",
        mode="lines+markers", line={"shape": "hv", "color": HISTORY_COLOURS[figure], "width": 2},
        marker={"size": 10, "color": HISTORY_COLOURS[figure], "line": {"width": 1, "color": "white"}},
        hovertext=part[event_detail.HOVER], hoverinfo="text", legendgroup=figure,
    )


def _range_marks(figure: go.Figure, name: str, span: tuple[int | None, int | None, int | None]) -> None:
    low, best, high = span
    colour = HISTORY_COLOURS[name]
    if low is not None and high is not None and high > low:
        figure.add_hrect(y0=low, y1=high, fillcolor=colour, opacity=0.1, line_width=0,
                         annotation_text=f"{name} low {low:,} – high {high:,}", annotation_position="top left",
                         annotation_font_color=colour)
    if best is not None:
        figure.add_hline(y=best, line={"color": colour, "dash": "dash", "width": 1.5},
                         annotation_text=f"{name} best {best:,}", annotation_position="bottom right",
                         annotation_font_color=colour)


def history_figure(points: pd.DataFrame, ranges: dict[str, tuple[int | None, int | None, int | None]],
                   height: int = 380) -> go.Figure:
    """Killed and injured as each report gave them, over report dates (a step line: a figure holds until
    the next report), with the incident's low-high band and its best figure as a dashed line.

    `points` is an `event_detail.history_points` frame; `ranges` maps "killed"/"injured" to (low, best, high).
    """
    figure = go.Figure()
    for name in HISTORY_COLOURS:
        part = points[(points[event_detail.FIGURE] == name).to_numpy(dtype=bool)]
        if len(part):
            figure.add_trace(_history_trace(part, name))
            _range_marks(figure, name, ranges.get(name, (None, None, None)))
    figure.update_xaxes(title="report date", type="date", **_history_axis(points))
    figure.update_yaxes(title="people", rangemode="tozero")
    figure.update_layout(
        height=height, margin={"l": 10, "r": 10, "t": 30, "b": 10}, hovermode="closest",
        legend={"orientation": "h", "y": 1.1, "x": 0}, hoverlabel={"align": "left"},
    )
    return figure


def _history_axis(points: pd.DataFrame) -> dict:
    if points.empty:
        return {}
    return _padded_axis(points[event_detail.REPORT_DATE].min(), points[event_detail.REPORT_DATE].max(), 0.08)
