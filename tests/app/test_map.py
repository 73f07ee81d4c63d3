"""Map page: the streamlit-folium component carries the Kerman pin and loads Leaflet from the app."""

from __future__ import annotations

import json
import re

from eventdesk.dashboard import assets

KERMAN = (30.2832, 57.0788)
CIRCLE = re.compile(r"L\.circleMarker\(\s*\[(-?[\d.]+), (-?[\d.]+)\]")


def _component_args(app) -> dict:
    (component,) = app.get("component_instance")
    return json.loads(component.proto.json_args)


def _circles(script: str) -> list[tuple[float, float]]:
    return [(float(lat), float(lon)) for lat, lon in CIRCLE.findall(script)]


def test_the_map_component_carries_the_kerman_coordinates(open_page):
    args = _component_args(open_page("map"))
    circles = _circles(args["script"])
    assert circles, "no circle marker in the map component"
    assert all(abs(lat - KERMAN[0]) < 0.05 and abs(lon - KERMAN[1]) < 0.05 for lat, lon in circles), circles
    assert "at least 84" in args["script"]


def test_the_map_loads_leaflet_from_the_app_not_a_cdn(open_page):
    args = _component_args(open_page("map"))
    assert args["js_links"] == [assets.LEAFLET_JS, assets.JQUERY_JS]
    assert args["css_links"] == [assets.LEAFLET_CSS]


def test_the_map_says_how_many_events_it_places(open_page):
    app = open_page("map", actor="United States")
    assert _circles(_component_args(app)["script"]) == []
    assert any(c.value.startswith("0 of ") for c in app.caption)
