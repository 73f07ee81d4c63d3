"""The folium map of located events, loading its JavaScript from the app instead of CDNs.

One circle per located event, coloured by event type, with a popup holding the type, date,
figures, actors, evidence sentence and source (all escaped). Events placed only at country or
province level are drawn as large dashed, translucent circles so that they do not read as a
precise point. Many pins are clustered; very many events are grouped by place first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import folium
import pandas as pd
from folium.plugins import MarkerCluster

from eventdesk.dashboard import assets, basemap, counts, filters, query, sql
from eventdesk.dashboard.colours import EVENT_TYPE_COLOURS, event_colour
from eventdesk.dashboard.escaping import escape_series, escape_text, shorten_series
from eventdesk.schema import (
    ACTOR1,
    ACTOR2,
    CLAIMED_BY,
    DATE,
    DATE_PRECISION,
    EVENT_TYPE,
    EVIDENCE,
    FIRST_DATE,
    GEO_PRECISION,
    INJURED,
    KILLED,
    LAST_DATE,
    LAT,
    LON,
    N_EVENTS,
    SOURCE,
)

MAX_MARKERS = 500  # above this many located events, one marker per place; never more markers than this
CLUSTER_ABOVE = 40  # precise markers are clustered when there are more than this
# Radius in metres of the circle standing for an event known only to a province or a country.
VAGUE_RADIUS_M: dict[str, float] = {"admin1": 60_000.0, "country": 300_000.0}
POPUP = "popup"
TOOLTIP = "tooltip"
RADIUS = "radius"
COLOUR = "colour"


def offline_map(**kwargs: object) -> folium.Map:
    """A folium Map whose page loads Leaflet and jQuery from `/app/static/vendor/` only."""
    fmap = folium.Map(**kwargs)
    fmap.default_js = [("leaflet", assets.LEAFLET_JS), ("jquery", assets.JQUERY_JS)]
    fmap.default_css = [("leaflet_css", assets.LEAFLET_CSS)]
    return fmap


def offline_cluster(**kwargs: object) -> MarkerCluster:
    """A MarkerCluster whose script and styles come from `/app/static/vendor/`."""
    cluster = MarkerCluster(**kwargs)
    cluster.default_js = [("markerclusterjs", assets.MARKERCLUSTER_JS)]
    cluster.default_css = [
        ("markerclustercss", assets.MARKERCLUSTER_CSS),
        ("markerclusterdefaultcss", assets.MARKERCLUSTER_DEFAULT_CSS),
    ]
    return cluster


def _line(label: str, value: pd.Series) -> pd.Series:
    shown = escape_series(value)
    return ("<b>" + label + ":</b> " + shown + "<br>").where(shown != "", "")


def event_popups(rows: pd.DataFrame) -> pd.Series:
    """The popup HTML of each event (every value escaped)."""
    actors = rows[ACTOR1].fillna("?") + " → " + rows[ACTOR2].fillna("?")
    place = sql.place_labels(rows) + " (" + rows[GEO_PRECISION].fillna("unknown") + " precision)"
    figures = counts.with_count_labels(rows)
    return (
        "<div style='min-width:240px'><b>" + escape_series(rows[EVENT_TYPE]) + "</b> · "
        + escape_series(rows[DATE].fillna(sql.UNDATED)) + " (" + escape_series(rows[DATE_PRECISION]) + ")<br>"
        + _line("Actors", actors) + _line("Claimed by", rows[CLAIMED_BY]) + _line("Place", place)
        + _line("Killed", figures[counts.KILLED_SHOWN]) + _line("Injured", figures[counts.INJURED_SHOWN])
        + "<i>“" + escape_series(shorten_series(rows[EVIDENCE])) + "”</i><br>"
        + "<small>Source: " + escape_series(rows[SOURCE].fillna("unknown")) + "</small></div>"
    )


def place_popups(places: pd.DataFrame) -> pd.Series:
    """The popup HTML of each place of `query.map_places` (every value escaped)."""
    dates = places[FIRST_DATE].fillna("?") + " to " + places[LAST_DATE].fillna("?")
    return (
        "<div style='min-width:220px'><b>" + escape_series(places[query.PLACE]) + "</b> ("
        + escape_series(places[GEO_PRECISION]) + " precision)<br>"
        + _line("Events", places[N_EVENTS].astype("string")) + _line("Most often", places[EVENT_TYPE])
        + _line("Dates", dates) + _line("Killed", places[counts.KILLED_SHOWN])
        + _line("Injured", places[counts.INJURED_SHOWN]) + "</div>"
    )


@dataclass(frozen=True)
class MapPlan:
    """What the map will draw (one row per marker, see `marker_frame`) and a sentence saying so."""

    markers: pd.DataFrame
    note: str


def _place_rows(rows: filters.Events, max_markers: int) -> tuple[pd.DataFrame, str]:
    # Counting the places first spares building tens of thousands of them only to throw them away.
    if query.count_places(rows) <= max_markers:
        places, how = query.map_places(rows), "each circle stands for one place"
    else:
        places, how = query.map_places(rows, decimals=1), "each circle stands for the events within about 10 km"
    if len(places) > max_markers:
        how += f"; the {max_markers:,} busiest of {len(places):,} such places are shown"
        places = places.head(max_markers)
    return places, how


def _marker_columns(rows: pd.DataFrame, popups: pd.Series, tooltips: pd.Series, amount: pd.Series) -> pd.DataFrame:
    markers = pd.DataFrame(
        {
            LAT: rows[LAT].astype("float64"),
            LON: rows[LON].astype("float64"),
            GEO_PRECISION: rows[GEO_PRECISION].fillna("unknown").astype(str),
            COLOUR: rows[EVENT_TYPE].map(EVENT_TYPE_COLOURS).fillna(event_colour(None)).astype(str),
            RADIUS: (7 + 2.5 * amount.astype("float64").pow(0.5)).clip(upper=26),
            POPUP: popups.astype(str),
            TOOLTIP: tooltips.astype(str),
        }
    )
    # Big circles first, so a small one at the same place (a claim on its attack) stays on top and clickable.
    return markers.sort_values(RADIUS, ascending=False, kind="stable").reset_index(drop=True)


def plan_map(events: filters.Events, max_markers: int = MAX_MARKERS) -> MapPlan:
    """One marker per located event up to `max_markers`; beyond that one per place, the busiest first."""
    view = filters.as_view(events)
    n_located = query.count_located(view)
    placed = f"{n_located:,} of {len(view):,} events have a place on the map"
    if n_located <= max_markers:
        rows = query.located(view)
        tooltips = escape_series(rows[EVENT_TYPE] + " · " + rows[DATE].fillna(sql.UNDATED))
        tooltips = tooltips + " · " + escape_series(sql.place_labels(rows))
        amount = (rows[KILLED].fillna(0) + rows[INJURED].fillna(0)) / 10
        return MapPlan(_marker_columns(rows, event_popups(rows), tooltips, amount), placed + ".")
    places, how = _place_rows(view, max_markers)
    tooltips = escape_series(places[query.PLACE]) + " · " + places[N_EVENTS].astype("string") + " events"
    markers = _marker_columns(places, place_popups(places), tooltips, places[N_EVENTS])
    return MapPlan(markers, f"{placed}; {how}.")


def marker_frame(view: filters.Events, max_markers: int = MAX_MARKERS) -> pd.DataFrame:
    """What to draw: LAT, LON, GEO_PRECISION, COLOUR, RADIUS (pixels), POPUP and TOOLTIP per marker."""
    return plan_map(view, max_markers).markers


def _precise_marker(row: pd.Series) -> folium.CircleMarker:
    return folium.CircleMarker(
        location=(row[LAT], row[LON]), radius=float(row[RADIUS]), color=row[COLOUR], weight=2,
        fill=True, fill_color=row[COLOUR], fill_opacity=0.75,
        popup=folium.Popup(row[POPUP], parse_html=False, max_width=380), tooltip=row[TOOLTIP],
    )


def _vague_circle(row: pd.Series) -> folium.Circle:
    return folium.Circle(
        location=(row[LAT], row[LON]), radius=VAGUE_RADIUS_M[row[GEO_PRECISION]], color=row[COLOUR], weight=2,
        dash_array="8 6", fill=True, fill_color=row[COLOUR], fill_opacity=0.08,
        popup=folium.Popup(row[POPUP], parse_html=False, max_width=380),
        tooltip=row[TOOLTIP] + " (placed at " + escape_text(row[GEO_PRECISION]) + " level only)",
    )


def _fit(fmap: folium.Map, markers: pd.DataFrame) -> None:
    south, north = markers[LAT].min(), markers[LAT].max()
    west, east = markers[LON].min(), markers[LON].max()
    fmap.fit_bounds([[south - 1, west - 1], [north + 1, east + 1]], max_zoom=7)


def draw_map(plan: MapPlan, cluster_above: int = CLUSTER_ABOVE) -> folium.Map:
    """The folium map of a plan (an empty world map when nothing is located)."""
    markers = plan.markers
    fmap = offline_map(location=(25.0, 20.0), zoom_start=2, tiles="OpenStreetMap", control_scale=True)
    if assets.has_basemap():
        basemap.BasemapLayer(assets.BASEMAP_URL).add_to(fmap)
    if markers.empty:
        return fmap
    vague = markers[GEO_PRECISION].isin(list(VAGUE_RADIUS_M)).to_numpy(dtype=bool)
    precise = markers[~vague]
    layer: folium.Map | MarkerCluster = fmap
    if len(precise) > cluster_above:
        layer = offline_cluster(name="events").add_to(fmap)
    # folium needs one object per marker; plan_map caps the markers at MAX_MARKERS.
    for _, row in precise.iterrows():
        _precise_marker(row).add_to(layer)
    for _, row in markers[vague].iterrows():
        _vague_circle(row).add_to(fmap)
    _fit(fmap, markers)
    return fmap


def build_map(view: filters.Events, max_markers: int = MAX_MARKERS, cluster_above: int = CLUSTER_ABOVE) -> folium.Map:
    """The map of the located events in `view`."""
    return draw_map(plan_map(view, max_markers), cluster_above)


def legend_html(event_types: Iterable[str]) -> str:
    """A one-line legend of the event-type colours."""
    chips = [
        f"<span style='white-space:nowrap;margin-right:12px'><span style='display:inline-block;width:11px;"
        f"height:11px;border-radius:50%;background:{event_colour(t)};margin-right:4px'></span>{escape_text(t)}</span>"
        for t in event_types
    ]
    dashed = (
        "<span style='white-space:nowrap'><span style='display:inline-block;width:13px;height:13px;border-radius:50%;"
        "border:2px dashed #555;margin-right:4px'></span>placed at province or country level only</span>"
    )
    return "<div style='font-size:0.85rem;line-height:1.8'>" + "".join(chips) + dashed + "</div>"


def component_coordinates(fmap: folium.Map) -> list[tuple[float, float]]:
    """The coordinates of every circle on a map (for tests and checks)."""
    found = []
    for child in _walk(fmap):
        if isinstance(child, (folium.CircleMarker, folium.Circle)):
            found.append((float(child.location[0]), float(child.location[1])))
    return found


def _walk(element: folium.Element) -> Iterable[folium.Element]:
    for child in element._children.values():
        yield child
        yield from _walk(child)

