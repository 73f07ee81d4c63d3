"""The geo wing: place names read in news text to places with coordinates, offline.

`names` folds names and holds the word lists; `gazetteer` resolves and ranks names and owns
`distance_km`; `build` makes the index from bundled tables and caches it; `online` is the
opt-in geocoder. The names most callers need are here.
"""

from eventdesk.geo.build import load_gazetteer
from eventdesk.geo.gazetteer import Context, Gazetteer, Place, distance_km

__all__ = ["Context", "Gazetteer", "Place", "distance_km", "load_gazetteer"]
