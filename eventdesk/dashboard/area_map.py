"""Totals by area drawn on the map: one proportional circle per province or country of the view.

An area's circle sits at the median of its located attacks' coordinates (where its attacks are, not
the centre of its outline), and its area, not its radius, is proportional to the chosen measure, so
that twice the killed reads as twice the ink. Its popup gives the area's attacks, killed and injured
over the view and, for the chosen measure, the latest period beside the one before. Areas none of
whose attacks is located are not drawn; `AreaTotals.unlocated` counts them for the caption. The
sums are DuckDB's, as on the rest of the Trends page; nothing here draws with Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

import folium
import pandas as pd

from eventdesk.dashboard import assets, basemap, filters, mapview, sql
from eventdesk.dashboard.escaping import escape_series
from eventdesk.dashboard.trends import (
    AREA,
    ATTACKS,
    INITIATOR,
    LATEST,
    MEASURES,
    PREVIOUS,
    area_sql,
)
from eventdesk.schema import INJURED, KILLED, LAT, LON

MAX_RADIUS_PX = 40.0  # the largest area's circle
MIN_RADIUS_PX = 4.0  # an area with one attack and nobody killed still shows
MAX_AREAS = 300  # folium writes one object per circle: the areas with the most attacks are drawn, up to this
COLOUR = "#b2182b"


@dataclass(frozen=True)
class AreaTotals:
    """The areas of a view with their totals; `unlocated`: areas whose attacks have no coordinates;
    `left_out`: located areas beyond MAX_AREAS, not drawn."""

    areas: pd.DataFrame
    unlocated: int
    left_out: int = 0


def area_totals(events: filters.Events, level: str, max_areas: int = MAX_AREAS) -> AreaTotals:
    """AREA, LAT, LON (median of the located attacks), ATTACKS, KILLED and INJURED per area of `level`
    (a province or a country; initiators are not places), the largest by attacks first."""
    if level == INITIATOR:
        raise ValueError("initiators are not places: choose the province or the country level for the map")
    view = filters.as_view(events)
    frame = view.fetch(
        f"SELECT {AREA}, median({LAT}) FILTER (WHERE {sql.LOCATED_SQL}) AS {LAT}, "
        f"median({LON}) FILTER (WHERE {sql.LOCATED_SQL}) AS {LON}, count(*) AS {ATTACKS}, "
        f"coalesce(sum({KILLED}), 0) AS {KILLED}, coalesce(sum({INJURED}), 0) AS {INJURED} "
        f"FROM (SELECT {area_sql(level)} AS {AREA}, {LAT}, {LON}, {KILLED}, {INJURED} FROM {{rows}}) "
        f"GROUP BY {AREA} ORDER BY {ATTACKS} DESC, {AREA}",
        where=sql.VIOLENT_SQL,
    )
    for column in (ATTACKS, KILLED, INJURED):
        frame[column] = frame[column].astype("int64")
    located = frame[LAT].notna() & frame[LON].notna()
    drawn = frame[located].reset_index(drop=True)
    return AreaTotals(drawn.head(max_areas), int((~located).sum()), max(len(drawn) - max_areas, 0))


def radii(values: pd.Series, max_radius: float = MAX_RADIUS_PX, min_radius: float = MIN_RADIUS_PX) -> pd.Series:
    """Circle radii in pixels whose areas are proportional to `values` (the largest gets `max_radius`)."""
    largest = float(values.max()) if len(values) else 0.0
    if largest <= 0:
        return pd.Series(min_radius, index=values.index, dtype="float64")
    scaled = max_radius * (values.astype("float64").clip(lower=0) / largest) ** 0.5
    return scaled.clip(lower=min_radius)


def _popups(areas: pd.DataFrame, measure: str, changes: pd.DataFrame) -> pd.Series:
    shown = areas.merge(changes[[AREA, LATEST, PREVIOUS]], on=AREA, how="left") if not changes.empty else areas
    text = ("<b>" + escape_series(areas[AREA]) + "</b><br>attacks " + areas[ATTACKS].astype("string")
            + "<br>killed " + areas[KILLED].astype("string") + "<br>injured " + areas[INJURED].astype("string"))
    if LATEST in shown:  # an area with no dated attack precise enough for the period is in no period
        latest = shown[LATEST].astype("Int64").astype("string")
        previous = (", " + shown[PREVIOUS].astype("Int64").astype("string") + " in the one before").fillna("")
        change = ("<br>" + MEASURES[measure].lower() + ": " + latest + " in the latest period" + previous).fillna("")
        text = text + change.to_numpy()
    return text


def draw_area_map(totals: AreaTotals, measure: str, changes: pd.DataFrame | None = None) -> folium.Map:
    """The offline map with one circle per located area, sized by `measure` over the view."""
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; choose one of {', '.join(MEASURES)}")
    fmap = mapview.offline_map(location=(25.0, 20.0), zoom_start=2, tiles="OpenStreetMap", control_scale=True)
    if assets.has_basemap():
        basemap.BasemapLayer(assets.BASEMAP_URL).add_to(fmap)
    areas = totals.areas
    if areas.empty:
        return fmap
    value = areas[measure]
    popups = _popups(areas, measure, pd.DataFrame() if changes is None else changes)
    tooltips = escape_series(areas[AREA]) + ": " + value.astype("string") + " " + MEASURES[measure].lower()
    for row, radius, popup, tooltip in zip(areas.itertuples(index=False), radii(value), popups, tooltips,
                                           strict=True):
        folium.CircleMarker(
            location=(getattr(row, LAT), getattr(row, LON)), radius=float(radius), color=COLOUR, weight=1,
            fill=True, fill_color=COLOUR, fill_opacity=0.45,
            popup=folium.Popup(popup, parse_html=False, max_width=320), tooltip=tooltip,
        ).add_to(fmap)
    fmap.fit_bounds([[areas[LAT].min() - 1, areas[LON].min() - 1], [areas[LAT].max() + 1, areas[LON].max() + 1]],
                    max_zoom=6)
    return fmap


def map_note(totals: AreaTotals, measure: str) -> str:
    """What the circles stand for and what is not drawn."""
    note = (f"One circle per area, its size proportional to the {MEASURES[measure].lower()} over the view, at "
            "the median of its located attacks.")
    if totals.unlocated:
        note += f" {totals.unlocated} area{'s' if totals.unlocated != 1 else ''} with no located attack not drawn."
    if totals.left_out:
        note += (f" Only the {len(totals.areas)} areas with the most attacks are drawn; {totals.left_out} more are "
                 "in the table above.")
    return note
