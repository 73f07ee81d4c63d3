"""Extraction: articles in, their events out, one module per kind of value.

`extract_articles(articles)` is the one entry point. It reads every sentence of a batch of articles
with the cheap passes (`facts.read_sentences`), runs the statistical model once over the event
sentences of the whole batch (`entities`), groups each article's sentences into incidents and links
its claims (`grouping`), and builds the rows (`rows`): per article, a list of plain dicts with the
event-table columns, main incident first. `extract_events` gives the validated table of many articles.
The pipeline, registry and gazetteer are loaded once (`resources.load_resources`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import pandas as pd

from eventdesk import schema
from eventdesk.articles import BATCH_SIZE, Article, batched
from eventdesk.extract.resources import Resources, load_resources, release_resources

__all__ = ["Resources", "extract_articles", "extract_events", "load_resources", "release_resources"]


def extract_articles(articles: Sequence[Article], resources: Resources | None = None) -> list[list[dict]]:
    """The events of each article, in order, as plain dicts with the event-table columns (JSON-ready);
    the statistical model sees the event sentences of the whole batch at once."""
    from eventdesk.extract.entities import add_entities, needs_model, tag_entities
    from eventdesk.extract.facts import read_sentences

    res = resources or load_resources()
    read = [read_sentences(article) for article in articles]
    chosen = [f for sentences in read for f in sentences if needs_model(f)]
    for facts, doc in zip(chosen, tag_entities(chosen, res.nlp, res.gazetteer), strict=True):
        add_entities(facts, doc, res.registry)
    return [_records(_article_rows(article, sentences, res)) for article, sentences in zip(articles, read, strict=True)]


def _article_rows(article: Article, sentences, res: Resources) -> list[dict]:
    """Events of an article whose sentences have been read; main incident first, then claims, framed
    statements and the rows of further targets."""
    from eventdesk.extract import grouping, rows
    from eventdesk.extract.place_scan import add_scanned_names
    from eventdesk.extract.places import find_dateline

    dateline = find_dateline(article.text)
    add_scanned_names(sentences, res.gazetteer)
    context = rows.article_context(sentences, res.gazetteer, dateline, res.registry)
    incidents = grouping.group_incidents(sentences)
    claims = grouping.link_claims(sentences, incidents)
    ordered = sorted(incidents, key=grouping.salience, reverse=True)
    article_places = [p for f in sentences for p in f.places]
    groups = tuple(dict.fromkeys(a.name for f in sentences for a in f.actors if a.type == "armed_group"))
    made = {id(i): rows.incident_row(article, i, res, context, dateline, article_places, groups) for i in ordered}
    by_incident = {key: row for key, (row, _) in made.items()}
    events = [by_incident[id(i)] for i in ordered]
    dyads = [d for i in ordered for d in rows.dyad_rows(article, by_incident[id(i)], made[id(i)][1])]
    events += rows.claim_rows(article, claims, incidents, by_incident)
    events += rows.frame_rows(article, sentences)
    return events + dyads


def _records(rows: list[dict]) -> list[dict]:
    return [{name: _plain(row.get(name)) for name in schema.EVENT_FIELDS} for row in rows]


def _plain(value):
    if isinstance(value, float) and value != value:
        return None
    return value


def extract_events(articles: Iterable[Article], progress: Callable[[Article], None] | None = None) -> pd.DataFrame:
    """The validated event table of many articles, extracted in batches."""
    resources = load_resources()
    rows: list[dict] = []
    for batch in batched(articles, BATCH_SIZE):
        for article, events in zip(batch, extract_articles(batch, resources), strict=True):
            rows.extend(events)
            if progress is not None:
                progress(article)
    frame = pd.DataFrame(rows, columns=list(schema.EVENT_FIELDS)) if rows else schema.empty_frame()
    return schema.validate(frame)
