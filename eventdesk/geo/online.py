"""The optional online geocoder: a name looked up in OpenStreetMap's Nominatim, used only on request.

Nothing in eventdesk calls it unless the user asks for online geocoding explicitly; geopy is
imported only then. Answers, misses included, are kept in a JSON file so that a name is asked
for once.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

from eventdesk.geo.gazetteer import Place
from eventdesk.geo.names import fold

_NOMINATIM_PRECISION = {
    "country": "country", "state": "admin1", "province": "admin1", "region": "admin1",
    "city": "city", "town": "city", "village": "city", "hamlet": "city", "municipality": "city",
    "county": "city", "suburb": "city", "neighbourhood": "city",
}


def geocode_online(name: str, cache_path: Path, user_agent: str = "eventdesk", min_delay_seconds: float = 1.0
                   ) -> Place | None:
    """Look a name up in OpenStreetMap's Nominatim, through a JSON file cache (misses are cached too).

    Uses the network only for a name not in the cache, one request a second at most. Nothing in
    eventdesk calls this unless the user asks for online geocoding explicitly.
    """
    cache = _read_geocode_cache(cache_path)
    key = fold(name)
    if key in cache:
        return Place(**cache[key]) if cache[key] else None
    location = _nominatim(user_agent, min_delay_seconds)(name, addressdetails=True, language="en")
    place = _place_from_nominatim(location.raw) if location is not None else None
    cache[key] = asdict(place) if place else None
    cache_path.parent.mkdir(parents=True, exist_ok=True)
    partial = cache_path.with_suffix(".partial")
    partial.write_text(json.dumps(cache, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    partial.replace(cache_path)
    return place


def _read_geocode_cache(path: Path) -> dict[str, dict | None]:
    if not path.exists():
        return {}
    try:
        cache = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        message = f"{path}:{error.lineno}: not valid JSON ({error.msg}); delete the file to start a new cache"
        raise ValueError(message) from None
    if not isinstance(cache, dict):
        raise ValueError(f"{path}:1: expected a JSON object of name -> place; delete the file to start a new cache")
    return cache


@functools.lru_cache(maxsize=4)
def _nominatim(user_agent: str, min_delay_seconds: float) -> Callable[..., Any]:
    """Nominatim's geocode, one call a second at most (geopy is imported only when this is used)."""
    from geopy.extra.rate_limiter import RateLimiter
    from geopy.geocoders import Nominatim

    # Errors must reach the caller: swallowed, they would be cached as "no such place".
    geocode = Nominatim(user_agent=user_agent).geocode
    return RateLimiter(geocode, min_delay_seconds=min_delay_seconds, swallow_exceptions=False)


def _place_from_nominatim(raw: Mapping) -> Place:
    address = raw.get("address", {})
    kind = raw.get("addresstype") or raw.get("type", "")
    return Place(
        name=raw.get("name") or raw.get("display_name", "").split(",")[0],
        admin1=address.get("state") or address.get("province") or address.get("region"),
        admin2=address.get("county") or address.get("state_district"),
        country=address.get("country", ""),
        country_code=address.get("country_code", "").upper(),
        lat=float(raw["lat"]),
        lon=float(raw["lon"]),
        precision=_NOMINATIM_PRECISION.get(kind, "point"),
    )
