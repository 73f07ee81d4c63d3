"""counts.py: figures with their qualifiers, their sums and the headline counts of a view."""

from __future__ import annotations

import pandas as pd
import pytest

from eventdesk import schema
from eventdesk.dashboard import counts, filters
from eventdesk.dashboard.counts import Count
from eventdesk.dashboard.filters import Filter

# --- counts -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "shown"),
    [(Count(84, "at_least"), "at least 84"), (Count(284), "284"), (Count(12, "about"), "about 12"),
     (Count(5, "at_most"), "at most 5"), (Count(12345), "12,345"), (Count(None), "not reported")],
    ids=["at-least", "exact", "about", "at-most", "thousands", "none"],
)
def test_count_reads_with_its_qualifier(count, shown):
    assert str(count) == shown


@pytest.mark.parametrize(
    ("parts", "combined"),
    [(["exact", "exact"], "exact"), (["at_least", "exact"], "at_least"), (["at_most"], "at_most"),
     (["at_least", "about"], "about"), (["at_least", "at_most"], "about")],
)
def test_a_sum_keeps_the_qualifier_of_its_parts(parts, combined, make_events):
    events = make_events(*({schema.EVENT_TYPE: "bombing", schema.KILLED: 1, schema.KILLED_QUALIFIER: q} for q in parts))
    assert counts.headline(events).killed == Count(len(parts), combined)


def test_format_counts_is_empty_where_nothing_was_reported():
    values = pd.Series([84, None, 3], dtype="Int64")
    qualifiers = pd.Series(["at_least", None, None], dtype="string")
    assert list(counts.format_counts(values, qualifiers)) == ["at least 84", "", "3"]


def test_headline_counts_an_attack_once_not_again_through_its_claim(small):
    figures = counts.headline(small)
    assert (figures.events, figures.articles, figures.actors, figures.located) == (5, 3, 6, 1)
    assert figures.killed == Count(86, "at_least")
    assert figures.injured == Count(287, "about")


def test_headline_of_the_seed_bombing(small):
    figures = counts.headline(filters.apply(small, Filter(actors=("Islamic State",))))
    assert str(figures.killed) == "at least 84"
    assert str(figures.injured) == "284"


