"""An incident's row made from its member reports, and its casualty figures: every one kept, low, best, high.

`build_incidents` turns the reports of each incident (as `clusters.membership` assigns them) into
one row of the event table (schema.INCIDENT_COLUMNS): date and place from the founding report,
the most common specific type, actors and targets over the reports, the figures below, the
evidence of the report the best figure comes from, how many reports and outlets tell it, and
the country's ISO codes and the place's GeoNames id (`place_codes.py`).

Reports of one incident disagree: a first wire copy may say about 100 killed, the next day's
reports 80, later ones 90. Each report's figure stays in the store with its
source and report date (the article's publication date); an incident gets

- `low` and `high`: the lowest and highest figure any of its reports gives (as UCDP keeps them);
- `best`, by one of two rules:
  - `latest` (the default): the figure of the latest report. Among reports of the same date the
    most specific one wins: an exact figure before "about", "about" before "at least" or "at most",
    then the extractor's higher confidence, then the smaller report id, so the choice is stable.
    Death tolls are revised as bodies are counted and the wounded die, so the latest count is
    usually the best one; a figure whose report date is unknown counts as the oldest.
  - `conservative`: the lowest figure reported (ACLED's rule), among equal ones the latest report.

`best` is never a sum: reports of one incident are counts of the same people. The qualifier
that goes with `best` is the qualifier of the report it comes from.
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from eventdesk import schema
from eventdesk.schema import (
    ACTOR1,
    ACTOR1_TYPE,
    ACTOR2,
    ACTOR2_TYPE,
    CLAIMED_BY,
    EVENT_ID,
    EVENT_TYPE,
    PUBLISHED,
    REPORT_ID,
)
from eventdesk.store import place_codes
from eventdesk.store.clusters import EVENT_SEQ, MEMBER_RANK
from eventdesk.store.merge import NAMED_ACTOR_TYPES

RULES: tuple[str, ...] = ("latest", "conservative")
DEFAULT_RULE = "latest"
# How specific a qualified figure is: an exact count says more than "at least".
QUALIFIER_SCORE: dict[str, int] = {"exact": 3, "about": 2, "at_least": 1, "at_most": 1}

# Columns of the frames derived here (the tables' own names live in schema.py).
SCORE = "qualifier_score"
COUNT = "count"
VALUE = "value"
QUALIFIER = "qualifier"


class Figure(NamedTuple):
    """One casualty figure and the columns that carry it."""

    name: str  # how a reader calls it: "killed", "injured"
    reported: str  # the figure as one report gives it
    qualifier: str
    low: str
    best: str
    high: str


FIGURES: tuple[Figure, ...] = (
    Figure("killed", schema.KILLED, schema.KILLED_QUALIFIER, schema.KILLED_LOW, schema.KILLED_BEST, schema.KILLED_HIGH),
    Figure("injured", schema.INJURED, schema.INJURED_QUALIFIER, schema.INJURED_LOW, schema.INJURED_BEST,
           schema.INJURED_HIGH),
)


def check_rule(rule: str) -> str:
    """`rule` if it is one of RULES, else a ValueError that lists them."""
    if rule not in RULES:
        raise ValueError(f"unknown figure rule {rule!r}: use one of {', '.join(RULES)}")
    return rule


def best_reports(reports: pd.DataFrame, value: str, qualifier: str, rule: str = DEFAULT_RULE) -> pd.DataFrame:
    """For each incident (`event_id`) with a reported `value`, the report whose figure is best.

    Returns one row per incident: `event_id`, `report_id`, `value` and `qualifier`.
    """
    check_rule(rule)
    known = reports[reports[value].notna().to_numpy(dtype=bool)]
    ranked = pd.DataFrame({
        EVENT_ID: known[EVENT_ID].to_numpy(),
        REPORT_ID: known[REPORT_ID].to_numpy(),
        VALUE: known[value].astype("Int64").to_numpy(),
        QUALIFIER: known[qualifier].to_numpy(),
        PUBLISHED: known[PUBLISHED].fillna("").to_numpy(),
        SCORE: known[qualifier].map(QUALIFIER_SCORE).fillna(0).astype(int).to_numpy(),
        schema.CONFIDENCE: known[schema.CONFIDENCE].fillna(0).astype(float).to_numpy(),
    })
    # Sorted so that the best report of each incident comes last: `tail(1)` picks it.
    order = [EVENT_ID, PUBLISHED, SCORE, schema.CONFIDENCE, REPORT_ID]
    ascending = [True, True, True, True, False]
    if rule == "conservative":
        order.insert(1, VALUE)
        ascending.insert(1, False)
    ranked = ranked.sort_values(order, ascending=ascending, kind="stable")
    return ranked.groupby(EVENT_ID, sort=True).tail(1)[[EVENT_ID, REPORT_ID, VALUE, QUALIFIER]].reset_index(drop=True)


def summarise(reports: pd.DataFrame, rule: str = DEFAULT_RULE) -> pd.DataFrame:
    """low, best and high killed and injured, with the best figures' qualifiers, per incident.

    `reports` holds at least `event_id`, `report_id`, `published`, `confidence` and the reported
    figures with their qualifiers. Returns a frame indexed by event_id with the columns
    killed_low, killed_best, killed_high, killed_qualifier, killed (the best again, as the event
    table carries it) and the same for injured, plus `<best>_report`: the report the best comes from.
    """
    out = pd.DataFrame(index=pd.Index(sorted(reports[EVENT_ID].unique()), name=EVENT_ID))
    for figure in FIGURES:
        grouped = reports.groupby(EVENT_ID)[figure.reported]
        out[figure.low] = grouped.min().astype("Int64")
        out[figure.high] = grouped.max().astype("Int64")
        chosen = best_reports(reports, figure.reported, figure.qualifier, rule).set_index(EVENT_ID)
        out[figure.best] = chosen[VALUE].astype("Int64")
        out[figure.reported] = out[figure.best]
        out[figure.qualifier] = chosen[QUALIFIER].astype("string")
        out[best_report_column(figure.best)] = chosen[REPORT_ID].astype("string")
    return out


def best_report_column(best: str) -> str:
    """Name of the column of `summarise` that holds the report a best figure comes from."""
    return f"{best}_report"


def history(reports: pd.DataFrame) -> pd.DataFrame:
    """Every reported figure of one incident in report order (oldest first, undated reports last).

    Rows are the reports that give a killed or an injured figure, with their source, article,
    report date (`published`), figures, qualifiers and evidence.
    """
    columns = [REPORT_ID, schema.ARTICLE_ID, schema.SOURCE, PUBLISHED, schema.KILLED, schema.KILLED_QUALIFIER,
               schema.INJURED, schema.INJURED_QUALIFIER, schema.EVIDENCE]
    with_figures = reports[(reports[schema.KILLED].notna() | reports[schema.INJURED].notna()).to_numpy(dtype=bool)]
    ordered = with_figures.sort_values([PUBLISHED, REPORT_ID], na_position="last", kind="stable")
    return ordered[columns].reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# Incidents from their reports
# ---------------------------------------------------------------------------------------------

PLACE_COLUMNS = (schema.DATE, schema.DATE_PRECISION, schema.DATE_REASON, schema.DATE_UNTIL, schema.LOCATION,
                 schema.ADMIN1, schema.COUNTRY, schema.LAT, schema.LON, schema.GEO_PRECISION, schema.PLACE_REASON,
                 *(c.name for c in schema.CODE_COLUMNS))
SOURCE_COLUMNS = (schema.ARTICLE_ID, schema.SOURCE, schema.PUBLISHED, schema.EVIDENCE, schema.EVIDENCE_START,
                  schema.EVIDENCE_END, schema.CONFIDENCE)


def build_incidents(reports: pd.DataFrame, rule: str = DEFAULT_RULE) -> pd.DataFrame:
    """One row per incident (INCIDENT_COLUMNS) from its member reports.

    `reports` holds REPORT_COLUMNS plus `member_rank` and `event_seq`, and `linked_event_id`: the
    incident of each report's linked report. Date and place come from the founding report (the
    most specific); the event type is the most common specific type; actors are the founder's, a
    named perpetrator from another report filling an unnamed one; killed and injured are the best
    figures under `rule`, and the evidence (article, sentence, offsets) is that of the report that
    gives the best killed figure, else the best injured figure, else the founder's.
    """
    if reports.empty:
        return schema.empty_frame(schema.INCIDENT_COLUMNS)
    ordered = reports.sort_values([EVENT_SEQ, MEMBER_RANK], kind="stable")
    founders = ordered.drop_duplicates(EVENT_ID).set_index(EVENT_ID)
    out = founders.reindex(columns=[*PLACE_COLUMNS, EVENT_SEQ])  # reports of an older store have no codes
    out[EVENT_TYPE] = _main_type(ordered, founders)
    out[schema.EVENT_TYPE_REASON] = _type_reasons(ordered, out[EVENT_TYPE])
    out = out.join(_actors_of(ordered, founders))
    out[CLAIMED_BY] = ordered.dropna(subset=[CLAIMED_BY]).drop_duplicates(EVENT_ID).set_index(EVENT_ID)[CLAIMED_BY]
    linked = ordered[schema.LINKED_EVENT_ID]
    links = ordered[(linked.notna() & linked.ne(ordered[EVENT_ID]).fillna(False)).to_numpy(dtype=bool)]
    out[schema.LINKED_EVENT_ID] = links.drop_duplicates(EVENT_ID).set_index(EVENT_ID)[schema.LINKED_EVENT_ID]
    summary = summarise(ordered, rule)
    out = out.join(summary.drop(columns=[c for c in summary.columns if c.endswith("_report")]))
    out = out.join(_evidence_of(ordered, founders, summary))
    out = out.join(_reasons_of(ordered, summary))
    out = out.join(_counts(ordered))
    out = out.sort_values(EVENT_SEQ, kind="stable").reset_index()
    return schema.conform(place_codes.fill_place_codes(out), schema.INCIDENT_COLUMNS)


def _main_type(ordered: pd.DataFrame, founders: pd.DataFrame) -> pd.Series:
    """The most common specific type (a "bombing" over a generic "attack"); ties go to the earlier report."""
    specific = ordered[(ordered[EVENT_TYPE] != schema.GENERIC_ATTACK).to_numpy(dtype=bool)]
    counts = specific.groupby([EVENT_ID, EVENT_TYPE], sort=False).size().rename(COUNT).reset_index()
    ranked = counts.sort_values([EVENT_ID, COUNT], ascending=[True, False], kind="stable")
    main = ranked.drop_duplicates(EVENT_ID).set_index(EVENT_ID)[EVENT_TYPE]
    return main.reindex(founders.index).fillna(founders[EVENT_TYPE])


def _type_reasons(ordered: pd.DataFrame, types: pd.Series) -> pd.Series:
    """Why each incident has its type: the reason of its first report of that type."""
    firsts = ordered.drop_duplicates([EVENT_ID, EVENT_TYPE]).set_index([EVENT_ID, EVENT_TYPE])
    keys = pd.MultiIndex.from_arrays([types.index, types.to_numpy()])
    return pd.Series(firsts[schema.EVENT_TYPE_REASON].reindex(keys).to_numpy(), index=types.index, dtype="string")


def _actors_of(ordered: pd.DataFrame, founders: pd.DataFrame) -> pd.DataFrame:
    out = founders[[ACTOR1, ACTOR1_TYPE, schema.ACTOR1_REASON, ACTOR2, ACTOR2_TYPE, schema.ACTOR2_REASON]].copy()
    named = ordered[ordered[ACTOR1_TYPE].isin(NAMED_ACTOR_TYPES).fillna(False).to_numpy(dtype=bool)]
    first_named = named.drop_duplicates(EVENT_ID).set_index(EVENT_ID)
    unnamed = ~out[ACTOR1_TYPE].isin(NAMED_ACTOR_TYPES).fillna(False).astype(bool)
    fill = unnamed & out.index.isin(first_named.index)
    for column in (ACTOR1, ACTOR1_TYPE, schema.ACTOR1_REASON):
        out.loc[fill, column] = first_named.loc[out.index[fill], column].to_numpy()
    unnamed_target = out[ACTOR2].isna()
    firsts = ordered.dropna(subset=[ACTOR2]).drop_duplicates(EVENT_ID).set_index(EVENT_ID)
    for column in (ACTOR2, ACTOR2_TYPE, schema.ACTOR2_REASON):
        out.loc[unnamed_target, column] = firsts[column].reindex(out.index[unnamed_target]).to_numpy()
    out[schema.TARGETS] = _targets_of(ordered, out[ACTOR2])
    return out


def _targets_of(ordered: pd.DataFrame, main: pd.Series) -> pd.Series:
    """Every target the incident's reports name, its actor2 first, each once ("; "-joined)."""
    named = pd.concat([main.dropna().rename(schema.TARGETS).reset_index(),
                       ordered[[EVENT_ID, schema.TARGETS]].dropna()], ignore_index=True)
    if named.empty:
        return pd.Series(pd.NA, index=main.index, dtype="string")
    each = named.assign(**{schema.TARGETS: named[schema.TARGETS].str.split("; ")}).explode(schema.TARGETS)
    each = each.drop_duplicates([EVENT_ID, schema.TARGETS])
    return each.groupby(EVENT_ID, sort=False)[schema.TARGETS].agg("; ".join).reindex(main.index).astype("string")


def _evidence_of(ordered: pd.DataFrame, founders: pd.DataFrame, summary: pd.DataFrame) -> pd.DataFrame:
    chosen = summary[best_report_column(schema.KILLED_BEST)].fillna(
        summary[best_report_column(schema.INJURED_BEST)]).reindex(founders.index)
    chosen = chosen.fillna(founders[REPORT_ID].astype("string"))
    by_report = ordered.drop_duplicates(REPORT_ID).set_index(REPORT_ID)
    picked = by_report.loc[chosen.to_numpy(), list(SOURCE_COLUMNS)]
    picked.index = founders.index
    return picked


# The rule and words of each figure come from the report that gives the best figure.
_REASON_COLUMNS = {schema.KILLED_BEST: (schema.KILLED_RULE, schema.KILLED_SPAN),
                   schema.INJURED_BEST: (schema.INJURED_RULE, schema.INJURED_SPAN)}


def _reasons_of(ordered: pd.DataFrame, summary: pd.DataFrame) -> pd.DataFrame:
    by_report = ordered.drop_duplicates(REPORT_ID).set_index(REPORT_ID)
    out = pd.DataFrame(index=summary.index)
    for best, columns in _REASON_COLUMNS.items():
        chosen = summary[best_report_column(best)].dropna()
        for column in columns:
            values = by_report[column] if column in by_report.columns else pd.Series(dtype="string")
            out[column] = pd.Series(values.reindex(chosen.to_numpy()).to_numpy(), index=chosen.index,
                                    dtype="string").reindex(summary.index)
    return out


def _counts(ordered: pd.DataFrame) -> pd.DataFrame:
    outlets = ordered[schema.SOURCE].fillna(ordered[schema.ARTICLE_ID])
    grouped = ordered.assign(**{schema.SOURCE: outlets}).groupby(EVENT_ID)
    return pd.DataFrame({
        schema.N_REPORTS: grouped.size(),
        schema.N_SOURCES: grouped[schema.SOURCE].nunique(),
        schema.FIRST_REPORTED: grouped[schema.PUBLISHED].min(),
        schema.LAST_REPORTED: grouped[schema.PUBLISHED].max(),
    })


def single_incidents(events: pd.DataFrame) -> pd.DataFrame:
    """An event table read as incidents of one report each (for tables made without the store)."""
    out = events.copy()
    for figure in FIGURES:
        for column in (figure.low, figure.best, figure.high):
            if column not in out.columns:
                out[column] = out[figure.reported] if figure.reported in out.columns else pd.NA
    defaults = {schema.N_REPORTS: 1, schema.N_SOURCES: 1}
    for column, value in defaults.items():
        if column not in out.columns:
            out[column] = value
    for column in (schema.FIRST_REPORTED, schema.LAST_REPORTED):
        if column not in out.columns:
            out[column] = out[schema.PUBLISHED] if schema.PUBLISHED in out.columns else pd.NA
    if schema.COUNTRY_ISO2 not in out.columns:
        out = place_codes.add_place_codes(out)
    return out
