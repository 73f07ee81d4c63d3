"""The pathological texts of the hostile-text benchmark extract (their timing is the benchmark's)."""

from __future__ import annotations

import pytest

from bench.hostile import pathological_texts
from eventdesk.articles import make_article
from eventdesk.extract import extract_articles

CASES = [(kind, variant, text) for kind, variants in pathological_texts().items() for variant, text in variants.items()]


@pytest.mark.parametrize("kind,variant,text", CASES, ids=[f"{k}: {v}" for k, v, _ in CASES])
def test_a_pathological_text_extracts(kind, variant, text):
    (events,) = extract_articles([make_article({"text": text})])
    assert isinstance(events, list)
    if variant == "after a report":  # the real report before the noise is still read
        assert [(e["event_type"], e["killed"], e["location"]) for e in events][:1] == [("armed_assault", 2, "Jos")]
