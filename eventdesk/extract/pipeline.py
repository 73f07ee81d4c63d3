"""Articles in, a validated event table out.

`load_resources()` builds the spaCy pipeline, the actor registry and the gazetteer once;
`extract_events()` runs every article through the extractor and returns the event table
conformed to the schema, one row per event, main event of each article first.
"""

from __future__ import annotations

import atexit
import ctypes
import gc
from collections.abc import Callable, Iterable
from functools import lru_cache

import pandas as pd

from eventdesk import schema
from eventdesk.actors import load_registry
from eventdesk.articles import BATCH_SIZE, Article, batched
from eventdesk.extract.entities import load_nlp
from eventdesk.extract.extractor import Resources, extract_article, extract_articles
from eventdesk.geo import load_gazetteer


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


def _records(rows: list[dict]) -> list[dict]:
    return [{name: _plain(row.get(name)) for name in schema.EVENT_FIELDS} for row in rows]


def article_events(article: Article, resources: Resources | None = None) -> list[dict]:
    """The events of one article as plain dicts with the event-table columns (JSON-ready)."""
    return _records(extract_article(article, resources or load_resources()))


def batch_events(articles: list[Article], resources: Resources | None = None) -> list[list[dict]]:
    """`article_events` for a batch of articles, faster: the model runs once over the batch."""
    return [_records(rows) for rows in extract_articles(articles, resources or load_resources())]


def _plain(value):
    if isinstance(value, float) and value != value:
        return None
    return value


def extract_events(articles: Iterable[Article], progress: Callable[[Article], None] | None = None) -> pd.DataFrame:
    """The validated event table of many articles."""
    resources = load_resources()
    rows: list[dict] = []
    for batch in batched(articles, BATCH_SIZE):
        for article, events in zip(batch, batch_events(list(batch), resources), strict=True):
            rows.extend(events)
            if progress is not None:
                progress(article)
    frame = pd.DataFrame(rows, columns=list(schema.EVENT_FIELDS)) if rows else schema.empty_frame()
    return schema.validate(frame)
