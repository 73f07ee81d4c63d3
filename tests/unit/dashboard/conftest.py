"""Shared fixtures of the dashboard's unit tests: a small event table, built from real-shaped rows."""

from __future__ import annotations

import pandas as pd
import pytest

from eventdesk import schema


def _events(*rows: dict) -> pd.DataFrame:
    """A small event table: each row names only the columns it needs."""
    base = {schema.ARTICLE_ID: "a1", schema.DATE_PRECISION: "day", schema.GEO_PRECISION: "unknown",
            schema.EVIDENCE: "sentence", schema.EVIDENCE_START: 0, schema.EVIDENCE_END: 8, schema.CONFIDENCE: 0.9}
    full = [{**base, schema.EVENT_ID: f"e{i}", **row} for i, row in enumerate(rows, start=1)]
    return schema.validate(pd.DataFrame(full))


@pytest.fixture
def make_events():
    """`make_events(row, ...)`: a small event table whose rows name only the columns they need."""
    return _events


@pytest.fixture
def small() -> pd.DataFrame:
    return _events(
        {schema.EVENT_TYPE: "bombing", schema.DATE: "2024-01-03", schema.ACTOR1: "Islamic State",
         schema.ACTOR2: "civilians", schema.COUNTRY: "Iran", schema.LOCATION: "Kerman", schema.KILLED: 84,
         schema.KILLED_QUALIFIER: "at_least", schema.INJURED: 284, schema.INJURED_QUALIFIER: "exact",
         schema.CLAIMED_BY: "Islamic State", schema.LINKED_EVENT_ID: "e2", schema.LAT: 30.2832, schema.LON: 57.0788,
         schema.GEO_PRECISION: "city", schema.EVIDENCE: "At least 84 people were killed in Kerman."},
        {schema.EVENT_TYPE: "claim", schema.DATE: "2024-01-04", schema.ACTOR1: "Islamic State",
         schema.LINKED_EVENT_ID: "e1", schema.KILLED: 84, schema.KILLED_QUALIFIER: "at_least",
         schema.EVIDENCE: "ISIS claimed responsibility for the attack a day later."},
        {schema.EVENT_TYPE: "warning", schema.DATE: "2024-01", schema.DATE_PRECISION: "month",
         schema.ACTOR1: "United States", schema.ACTOR2: "Iran", schema.EVIDENCE: "The US warned Iran."},
        {schema.EVENT_TYPE: "accusation", schema.ACTOR1: "Iran", schema.ACTOR2: "United States",
         schema.DATE_PRECISION: "unknown", schema.ARTICLE_ID: "a2", schema.EVIDENCE: "Iran was accused of attacks."},
        {schema.EVENT_TYPE: "armed_assault", schema.DATE: "2023", schema.DATE_PRECISION: "year",
         schema.ACTOR1: "Gunmen", schema.ACTOR2: "police", schema.COUNTRY: "Nigeria", schema.LOCATION: "Kano",
         schema.KILLED: 2, schema.KILLED_QUALIFIER: "exact", schema.INJURED: 3, schema.INJURED_QUALIFIER: "about",
         schema.ARTICLE_ID: "a3", schema.EVIDENCE: "Gunmen killed two police officers in Kano."},
    )


