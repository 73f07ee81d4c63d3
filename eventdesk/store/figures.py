"""Casualty figures of an incident from its reports: every figure kept, low, best and high derived.

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

import pandas as pd

from eventdesk import schema
from eventdesk.schema import EVENT_ID, PUBLISHED, REPORT_ID

RULES: tuple[str, ...] = ("latest", "conservative")
DEFAULT_RULE = "latest"
# How specific a qualified figure is: an exact count says more than "at least".
QUALIFIER_SCORE: dict[str, int] = {"exact": 3, "about": 2, "at_least": 1, "at_most": 1}

# Columns of the frames derived here (the tables' own names live in schema.py).
SCORE = "qualifier_score"
VALUE = "value"
QUALIFIER = "qualifier"

FIGURES: tuple[tuple[str, str, str, str, str], ...] = (
    # (reported, qualifier, low, best, high)
    (schema.KILLED, schema.KILLED_QUALIFIER, schema.KILLED_LOW, schema.KILLED_BEST, schema.KILLED_HIGH),
    (schema.INJURED, schema.INJURED_QUALIFIER, schema.INJURED_LOW, schema.INJURED_BEST, schema.INJURED_HIGH),
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
    for reported, qualifier, low, best, high in FIGURES:
        grouped = reports.groupby(EVENT_ID)[reported]
        out[low] = grouped.min().astype("Int64")
        out[high] = grouped.max().astype("Int64")
        chosen = best_reports(reports, reported, qualifier, rule).set_index(EVENT_ID)
        out[best] = chosen[VALUE].astype("Int64")
        out[reported] = out[best]
        out[qualifier] = chosen[QUALIFIER].astype("string")
        out[best_report_column(best)] = chosen[REPORT_ID].astype("string")
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
