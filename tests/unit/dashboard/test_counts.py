"""counts.py: figures with their qualifiers, their sums and the headline counts of a view."""

from __future__ import annotations

import pandas as pd
import pytest

from eventdesk import schema
from eventdesk.dashboard import counts, filters
from eventdesk.dashboard.counts import Count
from eventdesk.dashboard.filters import Filter
from eventdesk.store import tables

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


def test_headline_tells_attacks_from_the_events_about_them(small):
    figures = counts.headline(small)
    assert (figures.attacks, figures.events, figures.reports) == (2, 5, 5)
    assert figures.types == (("bombing", 1), ("armed_assault", 1), ("warning", 1), ("claim", 1), ("accusation", 1))
    assert counts.headline_note(figures) == (
        "Attacks (violent events): bombing 1, armed_assault 1. Other events: warning 1, claim 1, accusation 1. "
        "Read from 3 articles of 0 sources (5 reports).")


def test_a_view_of_claims_only_has_no_attacks(small):
    figures = counts.headline(filters.apply(small, Filter(event_types=("claim", "warning"))))
    assert (figures.attacks, figures.events) == (0, 2)
    assert counts.headline_note(figures).startswith("Attacks (violent events): none. Other events: warning 1, claim 1.")


@pytest.fixture
def merged(tmp_path, make_events):
    """One incident of two reports (Dawn and AP) and a single-report incident, with the store's reports file."""
    incidents = make_events(
        {schema.EVENT_TYPE: "bombing", schema.ARTICLE_ID: "dawn-1", schema.SOURCE: "Dawn", schema.KILLED: 11,
         schema.KILLED_QUALIFIER: "exact"},
        {schema.EVENT_TYPE: "claim", schema.ARTICLE_ID: "dawn-1", schema.SOURCE: "Dawn"},
    ).assign(**{schema.N_REPORTS: [2, 1], schema.N_SOURCES: [2, 1]})
    incidents = schema.conform(incidents, schema.INCIDENT_COLUMNS)
    reports = pd.DataFrame({
        schema.REPORT_ID: ["r1", "r2", "r3"], schema.EVENT_ID: ["e1", "e1", "e2"],
        schema.ARTICLE_ID: ["dawn-1", "ap-7", "dawn-1"], schema.SOURCE: ["Dawn", "AP", "Dawn"],
    })
    path = tmp_path / "reports.parquet"
    reports.to_parquet(path, index=False)
    return incidents, path


def test_articles_and_sources_count_every_report_of_a_merged_incident(merged):
    incidents, reports = merged
    figures = counts.headline(filters.apply(incidents, Filter(event_types=("bombing",))), reports)
    assert (figures.attacks, figures.events, figures.articles, figures.sources, figures.reports) == (1, 1, 2, 2, 2)
    assert counts.headline(incidents, reports).articles == 2


def test_without_a_reports_file_the_rows_are_the_reports(merged, tmp_path):
    incidents, _ = merged
    figures = counts.headline(incidents, tmp_path / "missing.parquet")
    assert (figures.articles, figures.sources) == (1, 1)


def test_an_unreadable_reports_file_is_named(merged, tmp_path):
    incidents, _ = merged
    broken = tmp_path / "reports.parquet"
    broken.write_bytes(b"not parquet")
    with pytest.raises(tables.TableError, match="reports.parquet: cannot read the reports"):
        counts.headline(incidents, broken)


def test_headline_of_the_seed_bombing(small):
    figures = counts.headline(filters.apply(small, Filter(actors=("Islamic State",))))
    assert str(figures.killed) == "at least 84"
    assert str(figures.injured) == "284"


