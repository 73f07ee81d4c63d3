"""Counts and casualty figures with their qualifiers: how a figure reads, how figures add up, and the
headline counts of a view (the figures at the top of the Overview, the size of the store's table).

Casualty figures keep their qualifier: a sum of "at least 84" and "3" is "at least 87",
a sum that mixes qualifiers is "about". Claims, warnings and statements repeat an attack's toll
and are left out of a sum. Nothing here draws.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from eventdesk.dashboard import filters, sql
from eventdesk.schema import ARTICLE_ID, INJURED, INJURED_QUALIFIER, KILLED, KILLED_QUALIFIER, N_REPORTS

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


@dataclass(frozen=True)
class Headline:
    """The figures at the top of the overview."""

    events: int
    articles: int
    killed: Count
    injured: Count
    actors: int
    located: int = 0


def _count_of(row: pd.Series, value: str, qualifier: str) -> Count:
    total = row[value]
    return Count(None) if pd.isna(total) else Count(int(total), str(row[qualifier]))


def headline(events: filters.Events) -> Headline:
    """Events, articles, killed, injured and distinct actors in the view (claims and other reports
    about an attack repeat its toll and are not summed)."""
    view = filters.as_view(events)
    sums = (f"{sum_sql(KILLED, KILLED_QUALIFIER, sql.COUNTED_SQL)}, "
            f"{sum_sql(INJURED, INJURED_QUALIFIER, sql.COUNTED_SQL)}")
    row = view.fetch(
        f"SELECT count(*) AS events, count(DISTINCT {ARTICLE_ID}) AS articles, {sums}, "
        f"count(*) FILTER (WHERE {sql.LOCATED_SQL}) AS located FROM {{rows}}"
    ).iloc[0]
    actors = view.scalar(f"SELECT count(DISTINCT name) FROM ({sql.ACTORS_SQL})")
    return Headline(
        events=int(row["events"]),
        articles=int(row["articles"]),
        killed=_count_of(row, KILLED, KILLED_QUALIFIER),
        injured=_count_of(row, INJURED, INJURED_QUALIFIER),
        actors=int(actors),
        located=int(row["located"]),
    )


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
