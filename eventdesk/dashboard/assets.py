"""The map's JavaScript and CSS, served by the app itself so the map works with no internet.

Leaflet, jQuery and Leaflet.markercluster come from their XStatic packages (installed from the
package index with the rest of requirements.txt) and are copied into `static/vendor/`, which
Streamlit serves at `/app/static/vendor/` (`server.enableStaticServing` in .streamlit/config.toml).
folium's other defaults (Bootstrap, Font Awesome, awesome-markers) are not needed: the map uses
circle markers only, and `mapview` drops them from the page. The country outlines drawn when the
tiles cannot load are installed by `basemap` into `static/vendor/basemap/`.
"""

from __future__ import annotations

import filecmp
import shutil
import sys
from pathlib import Path

import xstatic.pkg.jquery as xs_jquery
import xstatic.pkg.leaflet as xs_leaflet
import xstatic.pkg.leaflet_markercluster as xs_markercluster

from eventdesk.dashboard import basemap

PROJECT_DIR = Path(__file__).resolve().parents[2]  # where dashboard.py is


def vendor_dir(app_dir: Path = PROJECT_DIR) -> Path:
    """Where the assets go for a dashboard script in `app_dir`: Streamlit serves the `static/` folder next
    to the script it runs."""
    return Path(app_dir) / "static" / "vendor"


VENDOR_DIR = vendor_dir()
VENDOR_URL = "/app/static/vendor"

# folder under vendor/ -> (package data folder, files to copy; a folder is copied whole)
_PACKAGES: dict[str, tuple[str, tuple[str, ...]]] = {
    "leaflet": (xs_leaflet.BASE_DIR, ("leaflet.js", "leaflet.css", "images")),
    "jquery": (xs_jquery.BASE_DIR, ("jquery.min.js",)),
    "markercluster": (
        xs_markercluster.BASE_DIR,
        ("leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css"),
    ),
}

LEAFLET_JS = f"{VENDOR_URL}/leaflet/leaflet.js"
LEAFLET_CSS = f"{VENDOR_URL}/leaflet/leaflet.css"
JQUERY_JS = f"{VENDOR_URL}/jquery/jquery.min.js"
MARKERCLUSTER_JS = f"{VENDOR_URL}/markercluster/leaflet.markercluster.js"
MARKERCLUSTER_CSS = f"{VENDOR_URL}/markercluster/MarkerCluster.css"
MARKERCLUSTER_DEFAULT_CSS = f"{VENDOR_URL}/markercluster/MarkerCluster.Default.css"
BASEMAP_URL = f"{VENDOR_URL}/basemap/{basemap.FILE_NAME}"


def _copy(source: Path, target: Path) -> None:
    if source.is_dir():
        for child in source.iterdir():
            _copy(child, target / child.name)
        return
    if target.exists() and filecmp.cmp(source, target, shallow=False):
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def install_assets(vendor_dir: Path = VENDOR_DIR, with_basemap: bool = True) -> Path:
    """Copy the map's JavaScript and CSS into `vendor_dir` (only what changed) and return it; with
    `with_basemap`, also the country outlines (fetched from the npm registry if not installed yet)."""
    for folder, (base, names) in _PACKAGES.items():
        for name in names:
            _copy(Path(base) / name, Path(vendor_dir) / folder / name)
    if not with_basemap:
        return Path(vendor_dir)
    try:
        basemap.install_basemap(Path(vendor_dir))
    except basemap.BasemapError as error:
        print(f"eventdesk assets: {error}", file=sys.stderr)
    return Path(vendor_dir)


def has_basemap(vendor_dir: Path = VENDOR_DIR) -> bool:
    """Whether the country outlines are installed (`install_assets` with access to the npm registry)."""
    return (Path(vendor_dir) / "basemap" / basemap.FILE_NAME).exists()


def missing_assets(vendor_dir: Path = VENDOR_DIR) -> list[Path]:
    """The vendor files that are not installed yet."""
    wanted = [Path(vendor_dir) / folder / name for folder, (_, names) in _PACKAGES.items() for name in names]
    return [path for path in wanted if not path.exists()]
