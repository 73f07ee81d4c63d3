"""Counts and casualty figures with their qualifiers: how a figure reads, how figures add up, and the
headline counts of a view (the figures at the top of the Overview, the size of the store's table).

Casualty figures keep their qualifier: a sum of "at least 84" and "3" is "at least 87",
a sum that mixes qualifiers is "about". Claims, warnings and statements repeat an attack's toll
and are left out of a sum. Nothing here draws.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from eventdesk import schema
from eventdesk.dashboard import filters, sql
from eventdesk.schema import (
    ARTICLE_ID,
    EVENT_ID,
    EVENT_TYPE,
    INJURED,
    INJURED_QUALIFIER,
    KILLED,
    KILLED_QUALIFIER,
    N_REPORTS,
    SOURCE,
)
from eventdesk.store import tables

QUALIFIER_WORDS: dict[str, str] = {"exact": "", "at_least": "at least ", "about": "about ", "at_most": "at most "}
NOT_REPORTED = "not reported"
# Columns of the frames that write figures out with their qualifier.
KILLED_SHOWN = "killed (as reported)"
INJURED_SHOWN = "injured (as reported)"


def sum_sql(value: str, qualifier: str, where: str = "TRUE") -> str:
    """`value` summed over a group (null when no row reports it) and the qualifier of that sum:
    exact if every part is, the one loose qualifier when only one kind occurs, else about."""
    def has(kind: str) -> str:
        return f"coalesce(bool_or({value} IS NOT NULL AND {qualifier} = '{kind}') FILTER (WHERE {where}), false)"

    at_least, about, at_most = has("at_least"), has("about"), has("at_most")
    combined = (
        f"CASE WHEN NOT ({at_least} OR {about} OR {at_most}) THEN 'exact' "
        f"WHEN {at_least} AND NOT {about} AND NOT {at_most} THEN 'at_least' "
        f"WHEN {at_most} AND NOT {at_least} AND NOT {about} THEN 'at_most' ELSE 'about' END"
    )
    return f"sum({value}) FILTER (WHERE {where}) AS {value}, {combined} AS {qualifier}"


SUMS_SQL = f"{sum_sql(KILLED, KILLED_QUALIFIER)}, {sum_sql(INJURED, INJURED_QUALIFIER)}"


@dataclass(frozen=True)
class Count:
    """A casualty figure as reported: `Count(84, "at_least")` reads "at least 84"."""

    value: int | None
    qualifier: str = "exact"

    def __str__(self) -> str:
        if self.value is None:
            return NOT_REPORTED
        return f"{QUALIFIER_WORDS.get(self.qualifier, '')}{self.value:,}"


def format_counts(values: pd.Series, qualifiers: pd.Series) -> pd.Series:
    """Figures as text with their qualifier ("at least 84"); empty where nothing was reported."""
    words = qualifiers.astype("string").map(QUALIFIER_WORDS).fillna("").astype("string")
    shown = words + values.astype("Int64").astype("string")
    return shown.fillna("")


def shown_figures(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The killed and the injured figures of each row as text with their qualifier (`format_counts`)."""
    return (format_counts(frame[KILLED], frame[KILLED_QUALIFIER]),
            format_counts(frame[INJURED], frame[INJURED_QUALIFIER]))


@dataclass(frozen=True)
class Headline:
    """The figures at the top of the overview. `attacks` are the violent events; `events` counts every
    row, the claims, warnings and accusations about an attack included. `articles` and `sources` count
    every article and outlet behind the events, not only the one of each event's evidence."""

    events: int
    attacks: int
    articles: int
    sources: int
    reports: int
    killed: Count
    injured: Count
    actors: int
    located: int = 0
    types: tuple[tuple[str, int], ...] = ()  # (event type, events), in the taxonomy's order


def _count_of(row: pd.Series, value: str, qualifier: str) -> Count:
    total = row[value]
    return Count(None) if pd.isna(total) else Count(int(total), str(row[qualifier]))


def _provenance(view: tables.View, reports: Path | None) -> pd.Series:
    """Distinct articles and outlets behind the view's events: read from the store's reports file (every
    report of every incident) when there is one, else from the rows themselves (a table of single reports)."""
    if reports is None or not Path(reports).exists():
        return view.fetch(f"SELECT count(DISTINCT {ARTICLE_ID}) AS articles, count(DISTINCT {SOURCE}) AS sources "
                          "FROM {rows}").iloc[0]
    try:
        return view.fetch(
            f"SELECT count(DISTINCT {ARTICLE_ID}) AS articles, count(DISTINCT {SOURCE}) AS sources "
            f"FROM read_parquet($reports) WHERE {EVENT_ID} IN (SELECT {EVENT_ID} FROM {{rows}})",
            {"reports": str(reports)},
        ).iloc[0]
    except duckdb.Error as err:
        raise tables.TableError(f"{reports}: cannot read the reports ({str(err).splitlines()[0]}); rebuild the "
                                "store with 'python -m eventdesk ingest'") from err


def _types(view: tables.View) -> tuple[tuple[str, int], ...]:
    found = view.fetch(f"SELECT {EVENT_TYPE} AS kind, count(*) AS n FROM {{rows}} GROUP BY ALL")
    by_kind = dict(zip(found["kind"], found["n"].astype(int), strict=True))
    return tuple((kind, by_kind[kind]) for kind in schema.EVENT_TYPES if kind in by_kind)


def headline(events: filters.Events, reports: Path | None = None) -> Headline:
    """Attacks, events, articles, sources, killed, injured and distinct actors in the view (claims and other
    reports about an attack repeat its toll and are not summed). `reports` is the store's reports file,
    which knows every article behind a merged incident."""
    view = filters.as_view(events)
    sums = (f"{sum_sql(KILLED, KILLED_QUALIFIER, sql.COUNTED_SQL)}, "
            f"{sum_sql(INJURED, INJURED_QUALIFIER, sql.COUNTED_SQL)}")
    row = view.fetch(
        f"SELECT count(*) AS events, count(*) FILTER (WHERE {sql.VIOLENT_SQL}) AS attacks, "
        f"coalesce(sum(coalesce({N_REPORTS}, 1)), 0) AS reports, {sums}, "
        f"count(*) FILTER (WHERE {sql.LOCATED_SQL}) AS located FROM {{rows}}"
    ).iloc[0]
    provenance = _provenance(view, reports)
    return Headline(
        events=int(row["events"]), attacks=int(row["attacks"]), articles=int(provenance["articles"]),
        sources=int(provenance["sources"]), reports=int(row["reports"]),
        killed=_count_of(row, KILLED, KILLED_QUALIFIER), injured=_count_of(row, INJURED, INJURED_QUALIFIER),
        actors=int(view.scalar(f"SELECT count(DISTINCT name) FROM ({sql.ACTORS_SQL})")),
        located=int(row["located"]), types=_types(view),
    )


def _listed(pairs: Iterable[tuple[str, int]]) -> str:
    return ", ".join(f"{kind} {n:,}" for kind, n in pairs) or "none"


def plural(n: int, noun: str) -> str:
    """ "1 article", "3 articles"."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def headline_note(figures: Headline) -> str:
    """What the headline's counts are made of: the attacks and the other events by type, and the articles,
    reports and outlets they were read from."""
    attacks = [(kind, n) for kind, n in figures.types if kind in schema.VIOLENT_TYPES]
    others = [(kind, n) for kind, n in figures.types if kind not in schema.VIOLENT_TYPES]
    return (f"Attacks (violent events): {_listed(attacks)}. Other events: {_listed(others)}. "
            f"Read from {plural(figures.articles, 'article')} of {plural(figures.sources, 'source')} "
            f"({plural(figures.reports, 'report')}).")


def with_count_labels(view: pd.DataFrame) -> pd.DataFrame:
    """The rows with their figures written out with their qualifiers (`KILLED_SHOWN`, `INJURED_SHOWN`)."""
    return view.assign(
        **{
            KILLED_SHOWN: format_counts(view[KILLED], view[KILLED_QUALIFIER]),
            INJURED_SHOWN: format_counts(view[INJURED], view[INJURED_QUALIFIER]),
        }
    )


@dataclass(frozen=True)
class TableCounts:
    """How much the event table holds: events, the reports merged into them, events of several reports."""

    events: int
    reports: int
    merged: int


def table_counts(events: filters.Events) -> TableCounts:
    """Events, reports and merged events (more than one report) of an event table."""
    row = filters.as_view(events).fetch(
        f"SELECT count(*) AS events, coalesce(sum(coalesce({N_REPORTS}, 1)), 0) AS reports, "
        f"count(*) FILTER (WHERE {N_REPORTS} > 1) AS merged FROM {{rows}}"
    ).iloc[0]
    return TableCounts(events=int(row["events"]), reports=int(row["reports"]), merged=int(row["merged"]))
