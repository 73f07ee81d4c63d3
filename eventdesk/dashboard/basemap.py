"""Country outlines under the map's pins, so that a map with no tiles (no internet) still says where it is.

The outlines are Natural Earth's countries at 1:50m (public domain) as packaged by the npm registry's
`world-atlas` (TopoJSON). `install_basemap` runs at setup (`eventdesk assets`): it takes the package
from the registry once, checks it against its pinned integrity hash, decodes the TopoJSON and writes
one GeoJSON file into the served `static/vendor/basemap/`, each country with a label point and the
zoom level from which its name fits inside it. Nothing is fetched when the dashboard runs: the map's
page loads the file from the app itself (`BasemapLayer`). The outlines are always drawn, thin, above
the tiles; when a tile fails to load (offline), the land is filled and the country names appear.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import math
import tarfile
import urllib.request
from collections.abc import Iterable, Sequence
from pathlib import Path

from branca.element import MacroElement
from jinja2 import Template

PACKAGE = "world-atlas"
VERSION = "2.0.2"
TARBALL_URL = f"https://registry.npmjs.org/{PACKAGE}/-/{PACKAGE}-{VERSION}.tgz"
# npm's dist.integrity of world-atlas 2.0.2 (`npm view world-atlas@2.0.2 dist.integrity`)
INTEGRITY = "sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ=="
MEMBER = "package/countries-50m.json"
FILE_NAME = "countries.geojson"
DECIMALS = 3  # about 100 m: finer than the 1:50m outlines
MIN_ZOOM, MAX_ZOOM = 1, 8
LABEL_PX_PER_CHAR, LABEL_MARGIN_PX = 7.0, 12.0
TILE_PX = 256.0

Point = tuple[float, float]
Ring = list[Point]


class BasemapError(RuntimeError):
    """The outlines could not be installed; the message says why and what to do."""


def check_integrity(data: bytes, integrity: str | None = None) -> None:
    """Refuse a download whose sha512 is not the pinned one (`INTEGRITY`)."""
    algorithm, _, expected = (integrity or INTEGRITY).partition("-")
    digest = base64.b64encode(hashlib.new(algorithm, data).digest()).decode("ascii")
    if digest != expected:
        raise BasemapError(f"{TARBALL_URL} does not match its pinned {algorithm} hash; the download is refused")


def read_topology(tarball: bytes, member: str = MEMBER) -> dict:
    """The TopoJSON document `member` of an npm package tarball."""
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        handle = archive.extractfile(member)
        if handle is None:
            raise BasemapError(f"{member} is missing from {PACKAGE} {VERSION}")
        return json.load(handle)


def decode_arcs(topology: dict) -> list[Ring]:
    """Every arc as longitude/latitude points (quantized, delta-encoded arcs are undone)."""
    transform = topology.get("transform")
    arcs: list[Ring] = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y, *_ in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points: Ring = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indices: Iterable[int], arcs: Sequence[Ring]) -> Ring:
    ring: Ring = []
    for index in indices:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


def _polygons(geometry: dict, arcs: Sequence[Ring]) -> list[list[Ring]]:
    if geometry.get("type") == "Polygon":
        return [[_ring(ring, arcs) for ring in geometry["arcs"]]]
    if geometry.get("type") == "MultiPolygon":
        return [[_ring(ring, arcs) for ring in polygon] for polygon in geometry["arcs"]]
    return []


def ring_area_centroid(ring: Ring) -> tuple[float, Point]:
    """The absolute area (square degrees) and centroid of a ring (shoelace formula)."""
    area2 = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area2 += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area2) < 1e-12:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return 0.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    return abs(area2) / 2, (cx / (3 * area2), cy / (3 * area2))


def unwrapped(ring: Ring) -> Ring:
    """A ring cut at the antimeridian with its western longitudes moved past 180, so it is one piece."""
    xs = [x for x, _ in ring]
    if max(xs) - min(xs) <= 180:
        return ring
    return [(x + 360 if x < 0 else x, y) for x, y in ring]


def label_min_zoom(name: str, width_degrees: float) -> int:
    """The first zoom level at which `name` fits across a country `width_degrees` of longitude wide."""
    text_px = LABEL_PX_PER_CHAR * len(name) + LABEL_MARGIN_PX
    if width_degrees <= 0:
        return MAX_ZOOM + 1
    zoom = math.ceil(math.log2(text_px * 360.0 / (TILE_PX * width_degrees)))
    return max(MIN_ZOOM, zoom)


def _round(polygons: list[list[Ring]]) -> list:
    return [[[[round(x, DECIMALS), round(y, DECIMALS)] for x, y in ring] for ring in polygon] for polygon in polygons]


def country_features(topology: dict, object_name: str = "countries") -> list[dict]:
    """One GeoJSON Feature per country: its outline, name, label point and label zoom."""
    arcs = decode_arcs(topology)
    features = []
    for geometry in topology["objects"][object_name]["geometries"]:
        polygons = _polygons(geometry, arcs)
        if not polygons:
            continue
        name = str((geometry.get("properties") or {}).get("name") or "")
        # The label sits in the largest piece of the country, which also decides when the name fits.
        largest = max((unwrapped(polygon[0]) for polygon in polygons), key=lambda ring: ring_area_centroid(ring)[0])
        _, (lon, lat) = ring_area_centroid(largest)
        lon = (lon + 180) % 360 - 180
        width = max(x for x, _ in largest) - min(x for x, _ in largest)
        features.append({
            "type": "Feature",
            "id": geometry.get("id"),
            "properties": {"name": name, "label_lon": round(lon, 3), "label_lat": round(lat, 3),
                           "label_zoom": label_min_zoom(name, width)},
            "geometry": {"type": "MultiPolygon", "coordinates": _round(polygons)},
        })
    return features


def _download(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (a pinned https address)
            return response.read()
    except OSError as error:
        raise BasemapError(f"could not fetch {url} ({error}); the map works without country outlines, "
                           "run `eventdesk assets` again with access to the npm registry to add them") from error


def install_basemap(vendor_dir: Path, tarball: bytes | None = None) -> Path:
    """Write `vendor_dir/basemap/countries.geojson` unless it is there; return its path."""
    target = Path(vendor_dir) / "basemap" / FILE_NAME
    if target.exists():
        return target
    data = tarball if tarball is not None else _download(TARBALL_URL)
    check_integrity(data)
    collection = {"type": "FeatureCollection", "source": f"Natural Earth via {PACKAGE} {VERSION}",
                  "features": country_features(read_topology(data))}
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    partial.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    partial.replace(target)
    return target


_TEMPLATE = """
{% macro header(this, kwargs) %}
<style>
  .eventdesk-country-label { color: #4a5560; font: 600 11px/1.1 sans-serif; white-space: nowrap;
    text-shadow: 0 0 3px #fff, 0 0 3px #fff; transform: translate(-50%, -50%); pointer-events: none; }
  .leaflet-container.eventdesk-offline { background: #dce8f2; }
  .eventdesk-where { background: rgba(255, 255, 255, 0.9); padding: 2px 8px; border-radius: 4px;
    font: 600 12px/1.4 sans-serif; color: #333; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.3); }
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var pane = map.createPane("eventdeskBasemap");
  pane.style.zIndex = 250; pane.style.pointerEvents = "none";
  var offline = false, outlines = null, labels = [], features = [];
  var inside = function (ring, x, y) {
    var hit = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
      if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) { hit = !hit; }
    }
    return hit;
  };
  var countryAt = function (latlng) {
    var x = latlng.wrap().lng, y = latlng.lat;
    for (var k = 0; k < features.length; k++) {
      var polygons = features[k].geometry.coordinates;
      for (var m = 0; m < polygons.length; m++) {
        var inHole = polygons[m].slice(1).some(function (hole) { return inside(hole, x, y); });
        if (inside(polygons[m][0], x, y) && !inHole) {
          return features[k].properties.name;
        }
      }
    }
    return "";
  };
  // Offline, a box names the country at the centre of the map: the labels may all be out of view.
  var where = L.control({position: "topright"});
  where.onAdd = function () {
    var box = L.DomUtil.create("div", "eventdesk-where");
    box.style.display = "none";
    return box;
  };
  where.addTo(map);
  var showWhere = function () {
    var box = where.getContainer(), name = offline ? countryAt(map.getCenter()) : "";
    box.textContent = name ? "Centre of the map: " + name : "";
    box.style.display = name ? "" : "none";
  };
  var landStyle = function () {
    return offline ? {color: "#7b8794", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1}
                   : {color: "#7b8794", weight: 0.6, fill: false, opacity: 0.7};
  };
  var showLabels = function () {
    var zoom = map.getZoom();
    labels.forEach(function (label) {
      var shown = offline && zoom >= label.zoom;
      if (shown && !map.hasLayer(label.marker)) { label.marker.addTo(map); }
      if (!shown && map.hasLayer(label.marker)) { map.removeLayer(label.marker); }
    });
  };
  var goOffline = function () {
    if (offline) { return; }
    offline = true;
    map.getContainer().classList.add("eventdesk-offline");
    if (outlines) { outlines.setStyle(landStyle()); }
    showLabels();
    showWhere();
  };
  map.eachLayer(function (layer) { if (layer instanceof L.TileLayer) { layer.on("tileerror", goOffline); } });
  map.on("zoomend", showLabels);
  map.on("moveend", showWhere);
  fetch({{ this.url|tojson }}).then(function (response) { return response.json(); }).then(function (data) {
    outlines = L.geoJSON(data, {pane: "eventdeskBasemap", interactive: false, style: landStyle,
                                className: "eventdesk-country"}).addTo(map);
    features = data.features;
    data.features.forEach(function (feature) {
      var p = feature.properties, text = document.createElement("span");
      text.textContent = p.name;
      labels.push({zoom: p.label_zoom, marker: L.marker([p.label_lat, p.label_lon], {
        pane: "eventdeskBasemap", interactive: false, keyboard: false,
        icon: L.divIcon({className: "eventdesk-country-label", html: text, iconSize: null})})});
    });
    showLabels();
    showWhere();
  }).catch(function () {});
})();
{% endmacro %}
"""


class BasemapLayer(MacroElement):
    """The country outlines of `url` (a GeoJSON file served by the app) under the map's markers."""

    _template = Template(_TEMPLATE)

    def __init__(self, url: str) -> None:
        super().__init__()
        self._name = "EventdeskBasemap"
        self.url = url
