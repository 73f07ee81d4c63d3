"""One incident as the Events and Casualties pages show it: its sources, why they were merged, its figures.

An incident (a row of the event table) is made of reports, each read from one article
(`store.event_members`). The frames here turn those reports into what a reader checks: which
outlet said what on which day, in which sentence, and why the report was merged into the
incident; the range of the casualty figures; the article of a report, with its evidence sentence
marked; the analyst's split and merge; and the history of the figures over report dates.
Nothing here reads the store or draws.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from eventdesk import schema
from eventdesk.dashboard import counts, filters, sql
from eventdesk.dashboard.escaping import escape_series, escape_text, wrap_series
from eventdesk.schema import (
    ACTOR1,
    ARTICLE_ID,
    CLAIMED_BY,
    DATE,
    EVENT_ID,
    EVENT_TYPE,
    EVIDENCE,
    EVIDENCE_END,
    EVIDENCE_START,
    INJURED,
    INJURED_QUALIFIER,
    KILLED,
    KILLED_QUALIFIER,
    MERGE_REASON,
    N_REPORTS,
    N_SOURCES,
    PUBLISHED,
    REPORT_ID,
    SOURCE,
)
from eventdesk.store.incidents import FIGURES

ID_SUFFIX = 8  # hex digits of an event id that tell two otherwise equal labels apart
MAX_CHOICES = 500  # events offered in a chooser: more than anyone scrolls through; the filter narrows the rest

# Columns of the frames derived here (the tables' own names live in schema.py).
FIGURE = "figure"
VALUE = "value"
SHOWN = "as reported"
HOVER = "hover"
REPORT_DATE = "report date"

SOURCE_COLUMNS: tuple[str, ...] = (
    SOURCE, PUBLISHED, counts.KILLED_SHOWN, counts.INJURED_SHOWN, EVIDENCE, MERGE_REASON, EVENT_TYPE, DATE,
    schema.LOCATION, schema.PLACE_REASON, ARTICLE_ID, REPORT_ID,
)
HISTORY_COLUMNS: tuple[str, ...] = (PUBLISHED, SOURCE, counts.KILLED_SHOWN, counts.INJURED_SHOWN, EVIDENCE, REPORT_ID)


# ---------------------------------------------------------------------------------------------
# Choosing an incident
# ---------------------------------------------------------------------------------------------


def _count(values: pd.Series, noun: str) -> pd.Series:
    numbers = values.astype("Int64").fillna(0)
    return numbers.astype("string") + (" " + noun) + numbers.ne(1).map({True: "s", False: ""}).astype("string")


def figure_labels(view: pd.DataFrame) -> pd.Series:
    """ "at least 84 killed, 284 injured" (or "no figures") for each row of a fetched frame."""
    killed = counts.format_counts(view[KILLED], view[KILLED_QUALIFIER])
    injured = counts.format_counts(view[INJURED], view[INJURED_QUALIFIER])
    both = (killed + " killed, " + injured + " injured").where((killed != "") & (injured != ""), None)
    one = (killed + " killed").where(killed != "", (injured + " injured").where(injured != "", "no figures"))
    return both.fillna(one).astype("string")


def _unique(labels: pd.Series, event_ids: pd.Series) -> pd.Series:
    """Labels that are still equal get the start of their event id, then the whole id if that is not enough."""
    repeated = labels.duplicated(keep=False).to_numpy(dtype=bool)
    short = labels.mask(repeated, labels + " · #" + event_ids.str.slice(0, ID_SUFFIX))
    still = short.duplicated(keep=False).to_numpy(dtype=bool)
    return short.mask(still, labels + " · #" + event_ids)


def event_labels(view: pd.DataFrame) -> pd.Series:
    """ "2024-03-12 · bombing · Maiduguri, Nigeria · Boko Haram · 17 killed, 45 injured · 4 reports", indexed by
    event id; labels that would be equal end with the start of the event id ("· #a7547e28")."""
    initiator = view[ACTOR1].astype("string").fillna(view[CLAIMED_BY].astype("string")).fillna(sql.UNKNOWN_ACTOR)
    label = (
        view[DATE].astype("string").fillna(sql.UNDATED) + " · " + view[EVENT_TYPE].astype("string") + " · "
        + sql.place_labels(view) + " · " + initiator + " · " + figure_labels(view) + " · "
        + _count(view[N_REPORTS], "report")
    )
    event_ids = view[EVENT_ID].astype("string")
    label = _unique(label.reset_index(drop=True), event_ids.reset_index(drop=True))
    return pd.Series(label.to_numpy(), index=pd.Index(event_ids, name=EVENT_ID))


_LABEL_COLUMNS = (EVENT_ID, DATE, EVENT_TYPE, schema.LOCATION, schema.COUNTRY, ACTOR1, CLAIMED_BY, KILLED,
                  KILLED_QUALIFIER, INJURED, INJURED_QUALIFIER, N_REPORTS, N_SOURCES)
# Attacks first (a claim, warning or accusation about one says less, and repeats its toll), the most
# reported of them first, then the newest.
_MOST_REPORTED = (f"{sql.VIOLENT_SQL} DESC, {N_REPORTS} DESC NULLS LAST, {N_SOURCES} DESC NULLS LAST, "
                  f"{DATE} DESC NULLS LAST, {EVENT_ID}")


def event_choices(view: filters.Events, max_choices: int = MAX_CHOICES, with_figures: bool = False) -> pd.Series:
    """Labels of the events to offer in a chooser, indexed by event id: the attacks with the most reports
    first, then the newest, then the other events; at most `max_choices`. `with_figures` keeps only events
    with a figure."""
    where = f"{KILLED} IS NOT NULL OR {INJURED} IS NOT NULL" if with_figures else "TRUE"
    rows = filters.as_view(view).rows(_LABEL_COLUMNS, _MOST_REPORTED, max_choices, where=where)
    return event_labels(rows)


def event_row(view: filters.Events, event_id: str) -> pd.Series | None:
    """The row of one event, or None when the view does not hold it."""
    rows = filters.as_view(view).rows(limit=1, where=f"{EVENT_ID} = $event_id", params={"event_id": event_id})
    return None if rows.empty else rows.iloc[0]


# Each value of an event beside the column that says why it is what it is (schema.py's reason columns).
VALUE_REASONS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("type", (schema.EVENT_TYPE,), (schema.EVENT_TYPE_REASON,)),
    ("date", (schema.DATE, schema.DATE_PRECISION), (schema.DATE_REASON,)),
    ("place", (schema.LOCATION, schema.COUNTRY, schema.GEO_PRECISION), (schema.PLACE_REASON,)),
    ("actor1", (schema.ACTOR1,), (schema.ACTOR1_REASON,)),
    ("actor2", (schema.ACTOR2,), (schema.ACTOR2_REASON,)),
    ("killed", (schema.KILLED, schema.KILLED_QUALIFIER), (schema.KILLED_RULE, schema.KILLED_SPAN)),
    ("injured", (schema.INJURED, schema.INJURED_QUALIFIER), (schema.INJURED_RULE, schema.INJURED_SPAN)),
)
VALUE, WHY = "value", "why"


def _joined(event: pd.Series, columns: tuple[str, ...], sep: str) -> str:
    parts = [str(event.get(c)) for c in columns if c in event.index and not pd.isna(event.get(c))]
    return sep.join(part for part in parts if part != "unknown")  # an "unknown" precision is no value


def value_reasons(event: pd.Series) -> pd.DataFrame:
    """One row per value of the event: the value as stored and why (the rule and the words it read); a value
    the extractor did not find says so instead of leaving a blank."""
    rows = []
    for label, values, reasons in VALUE_REASONS:
        value = _joined(event, values, " · ")
        why = _joined(event, reasons, ": ")
        rows.append({"": label, VALUE: value or "unknown", WHY: why or ("not read from the text" if not value else "")})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------------------------


def _int(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def figure_range(event: pd.Series, figure: str) -> tuple[int | None, int | None, int | None]:
    """(low, best, high) of "killed" or "injured" for one event (None where not reported)."""
    _, _, _, low, best, high = next(f for f in FIGURES if f[0] == figure)
    return _int(event.get(low)), _int(event.get(best)), _int(event.get(high))


def figure_ranges(event: pd.Series) -> dict[str, tuple[int | None, int | None, int | None]]:
    """{"killed": (low, best, high), "injured": (low, best, high)} of one event."""
    return {figure[0]: figure_range(event, figure[0]) for figure in FIGURES}


def figure_parts(event: pd.Series, figure: str) -> tuple[str, str]:
    """The best figure of "killed" or "injured" as reported ("at least 84", "17", "not reported") and, when the
    reports differ, their range ("reports: 12 to 19"; else "")."""
    _, _, qualifier, *_ = next(f for f in FIGURES if f[0] == figure)
    low, best, high = figure_range(event, figure)
    if best is None and low is None:
        return counts.NOT_REPORTED, ""
    shown = str(counts.Count(best, event.get(qualifier) or "exact")) if best is not None else "no best figure"
    if low is None or low == high:
        return shown, ""
    return shown, f"reports: {low:,} to {high:,}"


def figure_text(event: pd.Series, figure: str) -> str:
    """ "at least 84" when every report agrees, "17 (reports: 12 to 19)" when they differ."""
    shown, spread = figure_parts(event, figure)
    return f"{shown} ({spread})" if spread else shown


def event_figures(event: pd.Series, members: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """The headline figures of one event, label -> (value, note): killed and injured as reported, each with
    the range of the reports when they differ (a metric shows the short value whole, a caption the range),
    and the numbers of reports and sources."""
    sources = _int(event.get(N_SOURCES))
    if sources is None:
        sources = int(members[SOURCE].nunique())
    return {"Killed": figure_parts(event, "killed"), "Injured": figure_parts(event, "injured"),
            "Reports": (f"{len(members):,}", ""), "Sources": (f"{sources:,}", "")}


# ---------------------------------------------------------------------------------------------
# Sources and reasons
# ---------------------------------------------------------------------------------------------


def _with_shown(reports: pd.DataFrame) -> pd.DataFrame:
    killed, injured = counts.shown_figures(reports)
    return reports.assign(**{counts.KILLED_SHOWN: killed, counts.INJURED_SHOWN: injured})


def sources_table(members: pd.DataFrame) -> pd.DataFrame:
    """One row per member report of an incident, in the store's order (the founding report first):
    outlet, report date, figures as reported, why it was merged, and its evidence sentence."""
    return _with_shown(members)[list(SOURCE_COLUMNS)].reset_index(drop=True)


def report_labels(members: pd.DataFrame) -> pd.Series:
    """ "AFP, 2024-03-13: 19 killed, 42 injured", indexed by report id (to choose reports to split off)."""
    shown = _with_shown(members)
    figures = ("; " + shown[counts.KILLED_SHOWN] + " killed").where(shown[counts.KILLED_SHOWN] != "", "")
    figures = figures + (", " + shown[counts.INJURED_SHOWN] + " injured").where(shown[counts.INJURED_SHOWN] != "", "")
    label = (members[SOURCE].astype("string").fillna("(unknown source)") + ", "
             + members[PUBLISHED].astype("string").fillna("undated") + figures + " · " + members[REPORT_ID])
    return pd.Series(label.to_numpy(), index=pd.Index(members[REPORT_ID].astype("string"), name=REPORT_ID))


def merge_reasons(members: pd.DataFrame) -> pd.DataFrame:
    """Each distinct merge reason of an incident's reports with the outlets it applies to."""
    frame = pd.DataFrame({MERGE_REASON: members[MERGE_REASON].astype("string"),
                          SOURCE: members[SOURCE].astype("string").fillna("(unknown source)")})
    grouped = frame.groupby(MERGE_REASON, sort=False)[SOURCE].agg(lambda s: ", ".join(dict.fromkeys(s)))
    return grouped.reset_index()


# ---------------------------------------------------------------------------------------------
# The article of a report, its evidence sentence highlighted
# ---------------------------------------------------------------------------------------------

_LINKABLE = ("https://", "http://")  # an article's own address may be anything; only web links become links
MARK = '<mark style="background-color: #ffe58a; padding: 0 2px;">'


@dataclass(frozen=True)
class ArticleView:
    """A report's article for reading: `html` (every piece of article text escaped) and whether the
    evidence sentence is highlighted in it; `note` says why not, when it is not."""

    html: str
    highlighted: bool
    note: str = ""


def article_choices(members: pd.DataFrame, event: pd.Series | None) -> pd.Series:
    """`report_labels` of an incident's reports, the report of the incident's own evidence sentence first."""
    labels = report_labels(members)
    if event is None:
        return labels
    same = (members[ARTICLE_ID].astype("string") == event.get(ARTICLE_ID)) & (
        members[EVIDENCE_START].astype("Int64") == event.get(EVIDENCE_START))
    first = same.fillna(False).to_numpy(dtype=bool)
    return pd.concat([labels[first], labels[~first]])


def member(members: pd.DataFrame, report_id: str | None) -> pd.Series | None:
    """One report of an incident by its id (None when it is not one of them)."""
    rows = members[(members[REPORT_ID] == report_id).fillna(False).to_numpy(dtype=bool)]
    return None if rows.empty else rows.iloc[0]


def article_of(report: pd.Series | None) -> str | None:
    """The article id of a report (None for no report)."""
    return None if report is None or pd.isna(report.get(ARTICLE_ID)) else str(report[ARTICLE_ID])


def evidence_span(text: str, start: object, end: object, evidence: object) -> tuple[int, int] | None:
    """Where the evidence sentence is in the article text: at its stored offsets when the text there is the
    sentence, else where the sentence occurs once; None when it cannot be found (never a guess)."""
    sentence = "" if evidence is None or evidence is pd.NA else str(evidence)
    begin, stop = _int(start), _int(end)
    if sentence and begin is not None and stop is not None and text[begin:stop] == sentence:
        return begin, stop
    if sentence and text.count(sentence) == 1:
        found = text.index(sentence)
        return found, found + len(sentence)
    return None


def _byline(article: pd.Series) -> str:
    parts = [escape_text(article.get(part)) for part in (SOURCE, PUBLISHED) if escape_text(article.get(part))]
    url = escape_text(article.get(schema.URL))
    if url.lower().startswith(_LINKABLE):
        parts.append(f'<a href="{url}" rel="noopener noreferrer">{url}</a>')
    elif url:
        parts.append(url)
    return " · ".join(parts) or "(unknown source)"


def article_view(article: pd.Series | None, report: pd.Series | None) -> ArticleView:
    """The article of one report as HTML: its title, outlet, date and address (a link when it is a web
    address), and its full text with the report's evidence sentence marked (`<mark>`)."""
    if article is None or report is None:
        return ArticleView("", False, "The store does not hold this report's article text.")
    text = str(article.get(schema.TEXT) or "")
    span = evidence_span(text, report.get(EVIDENCE_START), report.get(EVIDENCE_END), report.get(EVIDENCE))
    if span is None:
        body, note = escape_text(text), "The evidence sentence could not be found in this text, so it is not marked."
    else:
        body = (escape_text(text[:span[0]]) + MARK + escape_text(text[span[0]:span[1]]) + "</mark>"
                + escape_text(text[span[1]:]))
        note = ""
    title = escape_text(article.get(schema.TITLE)) or "(untitled article)"
    html = (f'<div class="eventdesk-article"><h4>{title}</h4><p>{_byline(article)}</p>'
            f'<div style="white-space: pre-wrap; line-height: 1.6;">{body}</div></div>')
    return ArticleView(html, span is not None, note)


# ---------------------------------------------------------------------------------------------
# The analyst's split and merge
# ---------------------------------------------------------------------------------------------

KEPT_NOTE = "The decision is kept in the store and survives re-ingest."


def split_message(n_reports: int, kept: str, new: str) -> str:
    """What a split did, for the analyst who made it."""
    return f"Split {n_reports} report(s) off into a new event ({new}); the others stay in {kept}. {KEPT_NOTE}"


def merge_message(merged: str) -> str:
    """What a merge did, for the analyst who made it."""
    return f"Merged the two events into {merged}. {KEPT_NOTE}"


def merge_problem(event_id: str, other: str | None, events: filters.Events) -> str | None:
    """Why `event_id` cannot be merged with `other` now (None when it can): no event chosen, the event itself,
    or an event the table no longer holds (a split or merge, maybe in another window, has changed it)."""
    if not other:
        return "Choose the event to merge this one with first."
    if other == event_id:
        return "Choose another event to merge this one with: an event cannot be merged with itself."
    if event_row(events, event_id) is None or event_row(events, other) is None:
        return ("One of the two events is no longer in the table: a split or merge has changed it since the page "
                "was drawn. Choose the events again.")
    return None


# ---------------------------------------------------------------------------------------------
# History of the figures
# ---------------------------------------------------------------------------------------------


def history_table(history: pd.DataFrame) -> pd.DataFrame:
    """A `store.incidents.history` frame for reading: report date, outlet, figures as reported, evidence."""
    return _with_shown(history)[list(HISTORY_COLUMNS)].reset_index(drop=True)


def history_points(history: pd.DataFrame) -> pd.DataFrame:
    """One row per dated report and figure ("killed", "injured") it gives: the points of the history chart.

    Columns: figure, report date (a timestamp), value, the figure as reported, source, and an
    escaped hover text; oldest report first. Undated reports are left out (see `count_undated`).
    """
    parts = []
    dates = pd.to_datetime(history[PUBLISHED], errors="coerce", format="%Y-%m-%d")
    for figure, reported, qualifier, *_ in FIGURES:
        known = (history[reported].notna() & dates.notna()).to_numpy(dtype=bool)
        rows = history[known]
        shown = counts.format_counts(rows[reported], rows[qualifier])
        hover = (
            escape_series(rows[SOURCE].astype("string").fillna("(unknown source)")) + ", "
            + rows[PUBLISHED].astype("string") + ": " + figure + " " + shown + "<br>" + wrap_series(rows[EVIDENCE])
        )
        parts.append(pd.DataFrame({
            FIGURE: figure, REPORT_DATE: dates[known].to_numpy(), VALUE: rows[reported].astype("Int64").to_numpy(),
            SHOWN: shown.to_numpy(), SOURCE: rows[SOURCE].to_numpy(), HOVER: hover.to_numpy(),
        }))
    points = pd.concat(parts, ignore_index=True)
    return points.sort_values([FIGURE, REPORT_DATE], kind="stable").reset_index(drop=True)


def history_gap(history: pd.DataFrame) -> str | None:
    """Why the history of an event cannot be drawn (none of its reports gives a figure at a report date), or
    None when it can: the page says this instead of drawing an empty chart on a made-up axis."""
    if len(history_points(history)):
        return None
    if history.empty:
        return "No report of this event gives a killed or injured figure, so there is no history to draw."
    return (f"No dated reports for this event: none of its {len(history):,} report(s) with a figure has a "
            "publication date, so the figures cannot be placed in time. They are in the table below.")


def count_undated(history: pd.DataFrame) -> int:
    """Reports in a history whose report date is unknown (they cannot be placed on the chart)."""
    dates = pd.to_datetime(history[PUBLISHED], errors="coerce", format="%Y-%m-%d")
    return int(dates.isna().sum())
