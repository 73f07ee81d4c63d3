"""mapview.py and assets.py: the offline folium map of located events."""

from __future__ import annotations

import re
from pathlib import Path

import folium
import pandas as pd
import pytest
from folium.plugins import MarkerCluster

from eventdesk import schema
from eventdesk.dashboard import assets, mapview
from eventdesk.dashboard.escaping import escape_text

KERMAN = (30.2832, 57.0788)


def _events(*rows: dict) -> pd.DataFrame:
    base = {schema.ARTICLE_ID: "a1", schema.DATE_PRECISION: "day", schema.GEO_PRECISION: "city",
            schema.EVIDENCE: "sentence", schema.EVIDENCE_START: 0, schema.EVIDENCE_END: 8, schema.CONFIDENCE: 0.9,
            schema.EVENT_TYPE: "bombing", schema.DATE: "2024-01-03"}
    return schema.validate(pd.DataFrame([{**base, schema.EVENT_ID: f"e{i}", **row} for i, row in enumerate(rows)]))


def _page(fmap: folium.Map) -> str:
    return fmap.get_root().render()


def _circles(fmap: folium.Map, kind: type) -> list:
    return [c for c in mapview._walk(fmap) if type(c) is kind]


def test_the_page_loads_scripts_and_styles_from_the_app_only(seed_table):
    page = _page(mapview.build_map(seed_table))
    urls = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)
    assert urls and all(url.startswith(assets.VENDOR_URL + "/") for url in urls), urls
    assert "cdn" not in page.lower().replace("tile.openstreetmap", "")


def near_kerman(lat: float, lon: float) -> bool:
    return abs(lat - KERMAN[0]) < 0.05 and abs(lon - KERMAN[1]) < 0.05


def test_the_kerman_bombing_is_a_circle_marker_at_its_coordinates(seed_table):
    fmap = mapview.build_map(seed_table)
    coordinates = mapview.component_coordinates(fmap)
    assert coordinates and all(near_kerman(*xy) for xy in coordinates)
    colours = [m.options["fillColor"] for m in _circles(fmap, folium.CircleMarker)]
    assert colours[0] == "#d62728"  # the bombing, the biggest circle, is drawn first


def test_small_circles_are_drawn_over_big_ones_at_the_same_place():
    events = _events({schema.LAT: 1.0, schema.LON: 2.0, schema.EVENT_TYPE: "claim"},
                     {schema.LAT: 1.0, schema.LON: 2.0, schema.KILLED: 84, schema.INJURED: 284})
    radii = list(mapview.marker_frame(events)[mapview.RADIUS])
    assert radii == sorted(radii, reverse=True) and radii[0] > radii[1]


def test_the_popup_has_type_date_figures_actors_evidence_and_source(seed_table):
    bombing = seed_table[seed_table[schema.EVENT_TYPE] == "bombing"]
    popup = mapview.event_popups(bombing).iloc[0]
    evidence = escape_text(bombing[schema.EVIDENCE].iloc[0])[:30]
    for part in ("<b>bombing</b>", "2024-01-03", "at least 84", "284", "Islamic State", "Kerman, Iran",
                 evidence, "Source: "):
        assert part in popup, part


def test_popup_text_is_escaped_even_inside_javascript_template_literals():
    events = _events({schema.LAT: 1.0, schema.LON: 2.0, schema.EVIDENCE: "<script>x()</script> ${alert(1)} `t`",
                      schema.ACTOR1: "<b>Front</b>"})
    page = _page(mapview.build_map(events))
    assert "<script>x()" not in page and "${alert(1)}" not in page and "<b>Front</b>" not in page
    assert "&lt;script&gt;x()&lt;/script&gt; &#36;{alert(1)} &#96;t&#96;" in page


def test_country_level_events_are_large_dashed_translucent_circles():
    events = _events({schema.LAT: 32.0, schema.LON: 53.0, schema.GEO_PRECISION: "country", schema.COUNTRY: "Iran"})
    (circle,) = _circles(mapview.build_map(events), folium.Circle)
    assert circle.options["radius"] == mapview.VAGUE_RADIUS_M["country"]
    assert circle.options["dashArray"] == "8 6"
    assert circle.options["fillOpacity"] < 0.2
    assert _circles(mapview.build_map(events), folium.CircleMarker) == []


def test_many_pins_are_clustered_with_the_apps_own_markercluster():
    events = _events(*({schema.LAT: 30.0 + i / 10, schema.LON: 57.0} for i in range(mapview.CLUSTER_ABOVE + 1)))
    fmap = mapview.build_map(events)
    (cluster,) = [c for c in mapview._walk(fmap) if isinstance(c, MarkerCluster)]
    assert [url for _, url in cluster.default_js] == [assets.MARKERCLUSTER_JS]
    assert len(_circles(fmap, folium.CircleMarker)) == mapview.CLUSTER_ABOVE + 1
    assert "/app/static/vendor/markercluster/MarkerCluster.css" in _page(fmap)


def test_very_many_events_are_grouped_by_place():
    events = _events(*({schema.LAT: 30.0 + (i % 3), schema.LON: 57.0, schema.KILLED: 1} for i in range(30)))
    plan = mapview.plan_map(events, max_markers=10)
    assert len(plan.markers) == 3
    assert all("Events:</b> 10" in p for p in plan.markers[mapview.POPUP])
    assert plan.note == "30 of 30 events have a place on the map; each circle stands for one place."


def test_too_many_places_are_merged_then_cut_to_the_busiest():
    rows = [{schema.LAT: 30.0 + i / 1000, schema.LON: 57.0} for i in range(12)]  # 12 places within 1.2 km
    rows += [{schema.LAT: 10.0 + 5 * i, schema.LON: 10.0} for i in range(3)]  # 3 places far apart
    plan = mapview.plan_map(_events(*rows), max_markers=2)
    assert len(plan.markers) == 2
    assert "within about 10 km" in plan.note and "the 2 busiest of 4 such places" in plan.note
    assert plan.markers[mapview.RADIUS].iloc[0] > plan.markers[mapview.RADIUS].iloc[1]


def test_events_without_coordinates_give_an_empty_world_map():
    fmap = mapview.build_map(_events({schema.LOCATION: "somewhere"}))
    assert mapview.component_coordinates(fmap) == []
    assert fmap.location == [25.0, 20.0]


def test_legend_lists_types_and_the_dashed_ring():
    html = mapview.legend_html(["bombing", "<claim>"])
    assert "#d62728" in html and "&lt;claim&gt;" in html and "dashed" in html


def test_install_assets_copies_what_the_map_loads_and_is_idempotent(tmp_path: Path):
    target = assets.install_assets(tmp_path / "vendor", with_basemap=False)
    assert assets.missing_assets(target) == []
    for url in (assets.LEAFLET_JS, assets.LEAFLET_CSS, assets.JQUERY_JS, assets.MARKERCLUSTER_JS,
                assets.MARKERCLUSTER_CSS, assets.MARKERCLUSTER_DEFAULT_CSS):
        assert (target / url.removeprefix(assets.VENDOR_URL + "/")).stat().st_size > 500, url
    assert (target / "leaflet" / "images" / "layers.png").exists()
    stamp = (target / "leaflet" / "leaflet.js").stat().st_mtime_ns
    assets.install_assets(target, with_basemap=False)
    assert (target / "leaflet" / "leaflet.js").stat().st_mtime_ns == stamp


def test_install_assets_repairs_a_damaged_file(tmp_path: Path):
    target = assets.install_assets(tmp_path, with_basemap=False)
    (target / "leaflet" / "leaflet.js").write_text("broken")
    assets.install_assets(target, with_basemap=False)
    assert (target / "leaflet" / "leaflet.js").stat().st_size > 1000


@pytest.mark.parametrize("missing", ["jquery/jquery.min.js", "markercluster/MarkerCluster.css"])
def test_missing_assets_names_what_is_not_installed(tmp_path: Path, missing: str):
    target = assets.install_assets(tmp_path, with_basemap=False)
    (target / missing).unlink()
    assert assets.missing_assets(target) == [target / missing]
