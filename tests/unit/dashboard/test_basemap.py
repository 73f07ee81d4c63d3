"""basemap.py: Natural Earth's country outlines from world-atlas's TopoJSON, and the map layer drawing them."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import tarfile
from pathlib import Path

import pytest

from eventdesk.dashboard import assets, basemap, mapview

# Two squares sharing their middle edge, quantized as TopoJSON quantizes: arc 0 is the shared edge,
# the right square walks it backwards (~0). Scale 0.5 and translate (10, 20) put the left square on
# longitudes 10-12 and latitudes 20-22.
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
    "arcs": [
        [[4, 0], [0, 4]],                      # (12,20) -> (12,22)
        [[4, 4], [-4, 0], [0, -4], [4, 0]],    # (12,22) -> (10,22) -> (10,20) -> (12,20)
        [[4, 0], [4, 0], [0, 4], [-4, 0]],     # (12,20) -> (14,20) -> (14,22) -> (12,22)
    ],
    "objects": {"countries": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "id": "001", "arcs": [[0, 1]], "properties": {"name": "Westland"}},
        {"type": "Polygon", "id": "002", "arcs": [[2, -1]], "properties": {"name": "Eastland"}},
        {"type": None, "id": "003", "properties": {"name": "Nowhere"}},
    ]}},
}


def _tarball(topology: dict) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        data = json.dumps(topology).encode()
        info = tarfile.TarInfo(basemap.MEMBER)
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def _integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def test_arcs_are_dequantized_and_delta_decoded():
    arcs = basemap.decode_arcs(TOPOLOGY)
    assert arcs[0] == [(12.0, 20.0), (12.0, 22.0)]
    assert arcs[1] == [(12.0, 22.0), (10.0, 22.0), (10.0, 20.0), (12.0, 20.0)]


def test_a_reversed_arc_is_walked_backwards_and_shared_points_are_not_repeated():
    features = {f["properties"]["name"]: f for f in basemap.country_features(TOPOLOGY)}
    assert set(features) == {"Westland", "Eastland"}  # a geometry with no type is no country
    east = features["Eastland"]["geometry"]["coordinates"][0][0]
    assert east == [[12, 20], [14, 20], [14, 22], [12, 22], [12, 20]]
    west = features["Westland"]["properties"]
    assert (west["label_lon"], west["label_lat"]) == (11.0, 21.0)


def test_a_ring_cut_at_the_antimeridian_is_labelled_on_the_land():
    # A country from 170°E to 170°W written as one ring along the cut (as Natural Earth writes Russia's).
    ring = [(170.0, 60.0), (180.0, 60.0), (180.0, 70.0), (170.0, 70.0), (170.0, 60.0)]
    ring_east = [(-180.0, 60.0), (-170.0, 60.0), (-170.0, 70.0), (-180.0, 70.0)]
    whole = basemap.unwrapped(ring + ring_east)
    assert min(x for x, _ in whole) == 170.0 and max(x for x, _ in whole) == 190.0
    assert basemap.unwrapped(ring) == ring


@pytest.mark.parametrize(("name", "width", "zoom"), [("Russia", 150.0, 1), ("Iran", 20.0, 2), ("Luxembourg", 0.6, 8)])
def test_a_name_shows_from_the_zoom_at_which_it_fits_its_country(name: str, width: float, zoom: int):
    assert basemap.label_min_zoom(name, width) == zoom
    text_px = basemap.LABEL_PX_PER_CHAR * len(name) + basemap.LABEL_MARGIN_PX
    assert basemap.TILE_PX * 2**zoom * width / 360 >= text_px  # it fits at that zoom ...
    if zoom > basemap.MIN_ZOOM:
        assert basemap.TILE_PX * 2 ** (zoom - 1) * width / 360 < text_px  # ... and not one level out


def test_install_writes_one_feature_per_country_from_a_checked_tarball(tmp_path: Path, monkeypatch):
    data = _tarball(TOPOLOGY)
    monkeypatch.setattr(basemap, "INTEGRITY", _integrity(data))
    path = basemap.install_basemap(tmp_path, tarball=data)
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert path == tmp_path / "basemap" / basemap.FILE_NAME
    assert [f["id"] for f in collection["features"]] == ["001", "002"]
    assert "Natural Earth" in collection["source"]
    assert assets.has_basemap(tmp_path)
    assert basemap.install_basemap(tmp_path, tarball=b"not read again") == path


def test_a_tarball_that_is_not_the_pinned_one_is_refused_and_nothing_is_written(tmp_path: Path):
    with pytest.raises(basemap.BasemapError, match="pinned sha512"):
        basemap.install_basemap(tmp_path, tarball=_tarball(TOPOLOGY))
    assert not assets.has_basemap(tmp_path)


def test_an_unreachable_registry_is_a_message_saying_what_to_do(tmp_path: Path, monkeypatch, capsys):
    def refuse(url, timeout):
        raise OSError("network is unreachable")

    monkeypatch.setattr(basemap.urllib.request, "urlopen", refuse)
    assets.install_assets(tmp_path)
    message = capsys.readouterr().err
    assert "eventdesk assets" in message and "without country outlines" in message
    assert assets.missing_assets(tmp_path) == [] and not assets.has_basemap(tmp_path)


def test_the_map_loads_the_outlines_from_the_app(seed_table, monkeypatch):
    monkeypatch.setattr(assets, "has_basemap", lambda vendor_dir=assets.VENDOR_DIR: True)
    page = mapview.build_map(seed_table).get_root().render()
    assert f'fetch("{assets.BASEMAP_URL}")' in page
    assert "tileerror" in page and "eventdesk-country-label" in page
    assert not re.search(r"https?://[^\"']*(countries|topojson|geojson)", page)


def test_without_the_outlines_the_map_does_not_ask_for_them(seed_table, monkeypatch):
    monkeypatch.setattr(assets, "has_basemap", lambda vendor_dir=assets.VENDOR_DIR: False)
    assert assets.BASEMAP_URL not in mapview.build_map(seed_table).get_root().render()
