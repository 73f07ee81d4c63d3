"""What extraction needs, loaded once: the spaCy pipeline, the actor registry and the gazetteer.

`load_resources()` builds them on first use and keeps them for the process; `release_resources()`
hands their memory back for a process that has finished extracting.
"""

from __future__ import annotations

import atexit
import ctypes
import gc
from dataclasses import dataclass
from functools import lru_cache

from eventdesk.actors import Registry, load_registry
from eventdesk.extract.entities import load_nlp
from eventdesk.geo import load_gazetteer
from eventdesk.geo.gazetteer import Gazetteer


@dataclass
class Resources:
    """The pipeline, the actor registry and the gazetteer."""

    nlp: object
    registry: Registry
    gazetteer: Gazetteer


@lru_cache(maxsize=1)
def load_resources() -> Resources:
    """The pipeline, registry and gazetteer, built once per process."""
    resources = Resources(nlp=load_nlp(), registry=load_registry(), gazetteer=load_gazetteer())
    # Millions of long-lived objects (the gazetteer's index above all): keep the cyclic garbage collector
    # from walking them again on every full collection while articles are read.
    gc.freeze()
    atexit.register(gc.unfreeze)  # so that extension types are released at exit, not reported as leaks
    return resources


def release_resources() -> None:
    """Forget the pipeline, registry and gazetteer, and hand their memory back to the system: for a
    process that has finished extracting and has other work to do (a command-line ingest's merge)."""
    for cached in (load_resources, load_nlp, load_registry, load_gazetteer):
        cached.cache_clear()
    gc.unfreeze()
    gc.collect()
    try:  # glibc keeps freed memory for reuse unless asked to return it
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
