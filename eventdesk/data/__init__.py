"""Reference data shipped inside the package, found wherever eventdesk is installed.

`actors.csv` (the actor registry, read by `eventdesk.actors`), `demonyms.csv` (demonym ->
country, read by the actor registry and the gazetteer), `common_words.txt` (English words that
are also place names, read by `eventdesk.geo.names`) and `regions.csv` (regions that news text names
and the bundled administrative tables lack, "Darfur", "Waziristan", read by `eventdesk.geo.build`:
name, ISO alpha-2 country, the province it lies in if one, the region's rough middle, aliases).
Files are read through `importlib.resources`.
The generated store lives elsewhere: the `data/` folder of a checkout, or the folder given to
`eventdesk ingest --store`.
"""

from importlib import resources
from importlib.resources.abc import Traversable

ACTORS = "actors.csv"
DEMONYMS = "demonyms.csv"
COMMON_WORDS = "common_words.txt"
REGIONS = "regions.csv"


def reference_file(name: str) -> Traversable:
    """One file of the package's reference data, by name ("actors.csv")."""
    return resources.files(__name__).joinpath(name)
