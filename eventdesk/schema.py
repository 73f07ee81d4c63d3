"""The event and relations tables, declared once.

Every column has a dtype and a one-line description here; validation, CSV column
order, the Parquet schema and the README's column table are all derived from it.
Other modules refer to columns through these declarations, never by retyping a list.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str  # a pandas extension dtype name
    description: str
    required: bool = False


EVENT_TYPES: tuple[str, ...] = (
    "bombing", "armed_assault", "assassination", "kidnapping", "arson", "airstrike",
    "shelling", "battle", "riot", "attack", "protest", "warning", "threat", "claim",
    "accusation", "arrest", "statement", "other",
)
VIOLENT_TYPES: frozenset[str] = frozenset(EVENT_TYPES[:10])
# Kinds of event that reports of one incident may disagree on: one outlet's "bombing" is another's
# "attack". Reports merge only within a family; the generic "attack" joins any violent family.
TYPE_FAMILIES: dict[str, str] = {
    "bombing": "attack", "armed_assault": "attack", "assassination": "attack", "arson": "attack", "attack": "attack",
    "airstrike": "strike", "shelling": "strike", "battle": "battle", "kidnapping": "kidnapping",
    "riot": "unrest", "protest": "unrest",
    **{name: name for name in EVENT_TYPES[11:]},
}
GENERIC_ATTACK = "attack"
DATE_PRECISIONS: tuple[str, ...] = ("day", "month", "year", "unknown")
GEO_PRECISIONS: tuple[str, ...] = ("point", "city", "admin1", "country", "unknown")
QUALIFIERS: tuple[str, ...] = ("exact", "at_least", "about", "at_most")
ACTOR_TYPES: tuple[str, ...] = (
    "state", "armed_group", "government_body", "international_org", "media", "person",
    "security_forces", "civilians", "unidentified",
)

EVENT_COLUMNS: tuple[Column, ...] = (
    Column("event_id", "string", "Stable id: hash of article id, event type and evidence offsets.", True),
    Column("article_id", "string", "Id of the article the event was read from.", True),
    Column("source", "string", "Outlet or file the article came from."),
    Column("published", "string", "Publication date of the article (YYYY-MM-DD), when known."),
    Column("event_type", "string", "One of the event taxonomy: bombing, armed_assault, ..., statement, other.", True),
    Column("event_type_reason", "string", "Why the type: the trigger entry or type rule that decided it and the "
           "trigger's words."),
    Column("date", "string", "Date of the event at its precision: YYYY-MM-DD, YYYY-MM or YYYY."),
    Column("date_precision", "string", "day, month, year or unknown.", True),
    Column("date_reason", "string", "Why the event has its date: the date rule and the words it read, with their "
           "offsets in the article, then in brackets what the date is when it is not the event's own day (the day "
           "of a statement about it, the start of a period); for a claim with no date of its own, that it is its "
           "linked attack's date."),
    Column("date_until", "string", "Last day (YYYY-MM-DD) when the date is a range (\"over 24-26 June\"): `date` is "
           "its first day."),
    Column("actor1", "string", "Initiator: attacker, warner, claimant, accuser (canonical name)."),
    Column("actor1_type", "string", "Type of actor1 in the actor registry."),
    Column("actor1_reason", "string", "Why actor1: the finder that read it (claim, official, narrator, frame, an "
           "accusation rule, ...) and its words where it is one span of a sentence."),
    Column("actor2", "string", "Target, victim or recipient (canonical name or description)."),
    Column("actor2_type", "string", "Type of actor2."),
    Column("actor2_reason", "string", "Why actor2: the rule that read the target and its words in its sentence."),
    Column("targets", "string", "Every target of the incident, actor2 first, '; '-joined."),
    Column("location", "string", "Most specific place name of the event."),
    Column("admin1", "string", "First-level administrative division (province, state)."),
    Column("country", "string", "Country of the event."),
    Column("lat", "Float64", "Latitude in decimal degrees (WGS84)."),
    Column("lon", "Float64", "Longitude in decimal degrees (WGS84)."),
    Column("geo_precision", "string", "point, city, admin1, country or unknown.", True),
    Column("place_reason", "string", "Why the place: the rule that chose it (`extract.places.PLACE_RULES`), the "
           "written name with its article offsets, and what the gazetteer did not know."),
    Column("killed", "Int64", "People killed, as reported."),
    Column("killed_qualifier", "string", "exact, at_least, about or at_most."),
    Column("injured", "Int64", "People injured, as reported."),
    Column("injured_qualifier", "string", "exact, at_least, about or at_most."),
    Column("killed_rule", "string", "The rule(s) that read the killed figure, '; '-joined when stated groups add up."),
    Column("killed_span", "string", "The words the killed figure was read from, as written, ' | '-joined."),
    Column("injured_rule", "string", "The rule(s) that read the injured figure, '; '-joined when stated groups add "
           "up."),
    Column("injured_span", "string", "The words the injured figure was read from, as written, ' | '-joined."),
    Column("claimed_by", "string", "Actor that claimed responsibility, through a linked claim."),
    Column("linked_event_id", "string", "Event this one refers to (a claim's attack, an attack's claim)."),
    Column("part_of", "string", "For a row that repeats an incident with one of its further targets as actor2: "
           "the event_id of the incident's row. Such rows carry no casualty figures."),
    Column("evidence", "string", "The sentence the event was read from.", True),
    Column("evidence_start", "Int64", "Character offset where the evidence starts in the article text.", True),
    Column("evidence_end", "Int64", "Character offset where the evidence ends in the article text.", True),
    Column("confidence", "Float64", "Extractor's confidence in the event, 0 to 1.", True),
)

RELATION_COLUMNS: tuple[Column, ...] = (
    Column("actor1", "string", "Initiator.", True),
    Column("actor2", "string", "Target or recipient.", True),
    Column("event_type", "string", "Type of the events between the two.", True),
    Column("n_events", "Int64", "Number of events.", True),
    Column("first_date", "string", "Earliest event date."),
    Column("last_date", "string", "Latest event date."),
    Column("killed", "Int64", "People killed in those events."),
    Column("injured", "Int64", "People injured in those events."),
)

# What the analyst changed of an incident's values or confirmed (store/corrections.py): kept as decisions
# by the incident's reports, applied whenever the incidents are rebuilt.
MARK_COLUMNS: tuple[Column, ...] = (
    Column("corrected", "string", "The columns an analyst corrected (comma-separated); empty when none was."),
    Column("verified", "string", "true when an analyst marked the incident verified, else false."),
)

# The shaped exports (store/formats.py): the columns of ACLED's and UCDP GED's own files that an
# incident fills, named as those datasets name them, each with how it is read from the event table.
ACLED_COLUMNS: tuple[Column, ...] = (
    Column("event_id_cnty", "string", "The incident's event_id (ACLED's own ids are per country)."),
    Column("event_date", "string", "The event's day, YYYY-MM-DD; the month's first day for a date known to the "
           "month; empty for a date known only to the year or not at all."),
    Column("year", "Int64", "Year of the event."),
    Column("time_precision", "Int64", "ACLED's 1 (the day is known) or 3 (only the month); empty otherwise."),
    Column("event_type", "string", "ACLED's event type, through the crosswalk in eventdesk/data/acled_crosswalk.csv."),
    Column("sub_event_type", "string", "ACLED's sub-event type, through the same crosswalk."),
    Column("actor1", "string", "Initiator (our actor1)."),
    Column("actor2", "string", "Target (our actor2)."),
    Column("civilian_targeting", "string", "'Civilian targeting' for violence against civilians (actor2 by its "
           "registry type, or a description naming unarmed people: civilians, people, worshippers, passengers, ...; "
           "and not armed people), else empty; never on a claim or statement."),
    Column("country", "string", "Country of the event."),
    Column("admin1", "string", "First-level administrative division."),
    Column("location", "string", "Most specific place name."),
    Column("latitude", "Float64", "Latitude (WGS84); empty when only the country is known."),
    Column("longitude", "Float64", "Longitude (WGS84); empty when only the country is known."),
    Column("geo_precision", "Int64", "ACLED's 1 (the town or a point) or 3 (only the province: its middle); "
           "empty when only the country or nothing is known."),
    Column("source", "string", "Outlet of the evidence sentence's article."),
    Column("notes", "string", "The evidence sentence."),
    Column("fatalities", "Int64", "People killed by ACLED's rule, the lowest figure any report gives "
           "(killed_low); empty when no report gives one."),
    *MARK_COLUMNS,
)
UCDP_COLUMNS: tuple[Column, ...] = (
    Column("id", "string", "The incident's event_id."),
    Column("year", "Int64", "Year of the event."),
    Column("date_prec", "Int64", "UCDP's date precision: 1 (the day is known), 4 (the month), 5 (the year)."),
    Column("date_start", "string", "First day the event's date may stand for, YYYY-MM-DD."),
    Column("date_end", "string", "Last day the event's date may stand for (the month's last day for a month)."),
    Column("side_a", "string", "Initiator (our actor1)."),
    Column("side_b", "string", "Target (our actor2)."),
    Column("country", "string", "Country of the event."),
    Column("adm_1", "string", "First-level administrative division."),
    Column("where_coordinates", "string", "The place the coordinates stand for (our location)."),
    Column("latitude", "Float64", "Latitude (WGS84)."),
    Column("longitude", "Float64", "Longitude (WGS84)."),
    Column("where_prec", "Int64", "UCDP's place precision: 1 (a town or a point), 4 (a province, at its middle), "
           "6 (only the country, at its capital); empty when unknown."),
    Column("best", "Int64", "Best number killed (killed_best)."),
    Column("low", "Int64", "Lowest number killed any report gives (killed_low)."),
    Column("high", "Int64", "Highest number killed any report gives (killed_high)."),
    Column("source_office", "string", "Outlet of the evidence sentence's article."),
    Column("source_date", "string", "Publication date of that article."),
    *MARK_COLUMNS,
)

# The store (eventdesk/store.py): articles, the reports read from them, the incidents the reports
# are merged into (events.csv, events.parquet), and the analyst's split and merge decisions.

ARTICLE_COLUMNS: tuple[Column, ...] = (
    Column("article_id", "string", "Id of the article (given in the input, else its content hash).", True),
    Column("content_hash", "string", "First 16 hex digits of the SHA-256 of the stripped article text.", True),
    Column("url", "string", "Address of the article, when given."),
    Column("title", "string", "Title of the article."),
    Column("source", "string", "Outlet or file the article came from."),
    Column("published", "string", "Publication date of the article (YYYY-MM-DD), when known."),
    Column("text", "string", "The article text the evidence offsets refer to.", True),
)

# A report is one event as one article tells it: the extractor's row (its event_id becomes the
# report_id), with the incident it was merged into and why.
_LINKED_REPORT = Column(
    "linked_report_id", "string", "Report this one refers to (a claim's attack, an attack's claim).")
# Codes that join a place to other data, derived by the store from the place's country and its
# gazetteer match (store/place_codes.py): for each report as it is extracted, and kept with the
# place when an incident takes its report's place.
CODE_COLUMNS: tuple[Column, ...] = (
    Column("country_iso2", "string", "ISO 3166-1 alpha-2 code of the country (IR, NG), from the gazetteer."),
    Column("country_iso3", "string", "ISO 3166-1 alpha-3 code of the country (IRN, NGA), from the gazetteer."),
    Column("geonameid", "Int64", "GeoNames id of the place the location matched in the gazetteer (town, district, "
           "province or country, as geo_precision says); empty when it matched none."),
)

REPORT_COLUMNS: tuple[Column, ...] = (
    Column("report_id", "string", "Stable id of the report: hash of article id, event type and evidence offset.", True),
    Column("event_id", "string", "Incident the report is merged into (a row of events.csv).", True),
    Column("merge_reason", "string", "Why the report belongs to its incident, or that it founded it.", True),
    *(_LINKED_REPORT if c.name == "linked_event_id" else c for c in EVENT_COLUMNS[1:] if c.name != "part_of"),
    *CODE_COLUMNS,
)

FIGURE_COLUMNS: tuple[Column, ...] = (
    Column("killed_low", "Int64", "Lowest number killed among the incident's reports."),
    Column("killed_best", "Int64", "Best number killed under the figure rule (default: the latest report's)."),
    Column("killed_high", "Int64", "Highest number killed among the incident's reports."),
    Column("injured_low", "Int64", "Lowest number injured among the incident's reports."),
    Column("injured_best", "Int64", "Best number injured under the figure rule (default: the latest report's)."),
    Column("injured_high", "Int64", "Highest number injured among the incident's reports."),
    Column("n_reports", "Int64", "Number of reports merged into the incident.", True),
    Column("n_sources", "Int64", "Number of distinct outlets among those reports.", True),
    Column("first_reported", "string", "Publication date of the earliest dated report."),
    Column("last_reported", "string", "Publication date of the latest dated report."),
)


# events.csv and events.parquet: one row per incident. The event columns keep their meaning, read
# from the incident's reports (killed and injured are the best figures, evidence the sentence
# that gives the best killed figure), followed by the figures over every report.
_INCIDENT_MEANINGS: dict[str, str] = {
    "event_id": "Stable id of the incident: hash of the report that founded it.",
    "article_id": "Article of the evidence sentence.",
    "killed": "People killed: the best figure among the incident's reports (killed_best).",
    "killed_qualifier": "Qualifier of the best killed figure: exact, at_least, about or at_most.",
    "injured": "People injured: the best figure among the incident's reports (injured_best).",
    "injured_qualifier": "Qualifier of the best injured figure: exact, at_least, about or at_most.",
    "linked_event_id": "Incident this one refers to (a claim's attack, an attack's claim).",
    "evidence": "The sentence of the best killed figure (else injured figure, else of the first report).",
    "targets": "Every target the incident's reports name, actor2 first, '; '-joined.",
}
INCIDENT_COLUMNS: tuple[Column, ...] = (
    *(replace(c, description=_INCIDENT_MEANINGS.get(c.name, c.description)) for c in EVENT_COLUMNS
      if c.name != "part_of"),
    *FIGURE_COLUMNS,
    *CODE_COLUMNS,
    *MARK_COLUMNS,
)

DECISION_COLUMNS: tuple[Column, ...] = (
    Column("decision_id", "Int64", "Order in which the analyst made the decision.", True),
    Column("action", "string", "split (the reports leave their incident together), merge, correct (a value), "
           "verify (the incident) or undo (an earlier correction or verification).", True),
    Column("event_id", "string", "Incident(s) the decision was made on, as they were then."),
    Column("report_ids", "string", "The reports it applies to, space-separated.", True),
    Column("made_at", "string", "When the decision was made (ISO 8601, UTC).", True),
    Column("note", "string", "The analyst's note."),
    Column("made_by", "string", "The editor who made it: the name given at sign-in (empty on a desk without "
                                "an editor password)."),
    Column("field", "string", "The column a correction changes (verified for a verification)."),
    Column("old_value", "string", "The column's value before the correction, as text."),
    Column("new_value", "string", "The value the correction gives it, as text (empty: no value)."),
    Column("undoes", "Int64", "For an undo: the decision_id of the correction or verification it takes back."),
)

EVENT_FIELDS: tuple[str, ...] = tuple(c.name for c in EVENT_COLUMNS)
RELATION_FIELDS: tuple[str, ...] = tuple(c.name for c in RELATION_COLUMNS)
ARTICLE_FIELDS: tuple[str, ...] = tuple(c.name for c in ARTICLE_COLUMNS)
REPORT_FIELDS: tuple[str, ...] = tuple(c.name for c in REPORT_COLUMNS)
INCIDENT_FIELDS: tuple[str, ...] = tuple(c.name for c in INCIDENT_COLUMNS)
DECISION_FIELDS: tuple[str, ...] = tuple(c.name for c in DECISION_COLUMNS)

# Column names for code that refers to one column (`frame[schema.KILLED]`): one constant per declared
# column, its name in upper case, made from the declarations above so that no name is typed twice.
_DECLARED: tuple[Column, ...] = (*EVENT_COLUMNS, *RELATION_COLUMNS, *ARTICLE_COLUMNS, *REPORT_COLUMNS,
                                 *INCIDENT_COLUMNS, *DECISION_COLUMNS)
COLUMN_NAMES: dict[str, str] = {c.name.upper(): c.name for c in _DECLARED}
globals().update(COLUMN_NAMES)

# Event types that report on another event (a claim restates its attack's toll): casualty
# totals leave them out so one attack is not counted twice.
REPORT_TYPES: frozenset[str] = frozenset({"claim", "warning", "threat", "accusation", "statement"})

_ALLOWED: dict[str, tuple[str, ...]] = {
    "event_type": EVENT_TYPES,
    "date_precision": DATE_PRECISIONS,
    "geo_precision": GEO_PRECISIONS,
    "killed_qualifier": QUALIFIERS,
    "injured_qualifier": QUALIFIERS,
}


class SchemaError(ValueError):
    """A table does not match its declaration."""


def empty_frame(columns: tuple[Column, ...] = EVENT_COLUMNS) -> pd.DataFrame:
    """An empty table with the declared columns and dtypes."""
    return pd.DataFrame({c.name: pd.Series(dtype=c.dtype) for c in columns})


def conform(frame: pd.DataFrame, columns: tuple[Column, ...] = EVENT_COLUMNS) -> pd.DataFrame:
    """Return `frame` with exactly the declared columns, in order, cast to their dtypes.

    Missing optional columns are added as nulls; extra columns are dropped.
    """
    out = pd.DataFrame(index=frame.index)
    for col in columns:
        values = frame[col.name] if col.name in frame.columns else pd.Series(pd.NA, index=frame.index)
        if col.dtype == "Int64":
            values = pd.to_numeric(values, errors="coerce").round().astype("Int64")
        elif col.dtype == "Float64":
            values = pd.to_numeric(values, errors="coerce").astype("Float64")
        else:
            values = values.astype("string")
        out[col.name] = values
    return out.reset_index(drop=True)


def validate(frame: pd.DataFrame, columns: tuple[Column, ...] = EVENT_COLUMNS) -> pd.DataFrame:
    """Conform `frame` and check required values and vocabularies; raise SchemaError on failure."""
    missing = [c.name for c in columns if c.required and c.name not in frame.columns]
    if missing:
        raise SchemaError(f"missing required columns: {', '.join(missing)}")
    out = conform(frame, columns)
    for col in columns:
        if col.required and out[col.name].isna().any():
            raise SchemaError(f"column {col.name!r} has empty values in {int(out[col.name].isna().sum())} rows")
        allowed = _ALLOWED.get(col.name)
        if allowed is not None and col.name in out.columns:
            bad = out[col.name].dropna()
            bad = bad[~bad.isin(allowed)]
            if len(bad):
                raise SchemaError(f"column {col.name!r} has unknown values: {sorted(set(bad))[:5]}")
    return out


# The SQL type of each dtype, for the store's tables and the dashboard's view of them.
SQL_TYPES: dict[str, str] = {"string": "VARCHAR", "Int64": "BIGINT", "Float64": "DOUBLE"}


def arrow_schema(columns: tuple[Column, ...] = EVENT_COLUMNS):
    """The Parquet (Arrow) schema of a table."""
    import pyarrow as pa

    kinds = {"string": pa.string(), "Int64": pa.int64(), "Float64": pa.float64()}
    return pa.schema([pa.field(c.name, kinds[c.dtype], nullable=not c.required) for c in columns])


def markdown_table(columns: tuple[Column, ...] = EVENT_COLUMNS) -> str:
    """The README's column table."""
    rows = ["| column | type | description |", "|---|---|---|"]
    rows += [f"| `{c.name}` | {c.dtype} | {c.description} |" for c in columns]
    return "\n".join(rows)


README_START = "<!-- columns:start -->"
README_END = "<!-- columns:end -->"


def readme_columns() -> str:
    """The README's column section: the event table, the reports, the relations, then the shaped exports."""
    report_own = (*REPORT_COLUMNS[:3], _LINKED_REPORT)
    return "\n".join([
        README_START, "",
        "Event table (`events.csv`, `events.parquet`): one row per incident. `extract` writes the columns up to "
        "`confidence` for each report, where `event_id` is the report's own id.", "",
        markdown_table(INCIDENT_COLUMNS), "",
        "`extract` also writes one row more for each further target of an incident (one row per "
        "initiator-target pair, as the conflict datasets code dyads), with one column more:", "",
        markdown_table(tuple(c for c in EVENT_COLUMNS if c.name == "part_of")), "",
        "Reports table (`reports.csv`, `reports.parquet`): one row per report, with these columns and the event "
        "table's from `article_id` to `confidence` (`linked_report_id` in place of `linked_event_id`) and its codes "
        "(`country_iso2`, `country_iso3`, `geonameid`, found for each report as it is stored):", "",
        markdown_table(report_own), "",
        "Relations table (`relations.csv`):", "", markdown_table(RELATION_COLUMNS), "",
        "ACLED-shaped export (`eventdesk export --format acled`), in ACLED's column names:", "",
        markdown_table(ACLED_COLUMNS), "",
        "UCDP-shaped export (`eventdesk export --format ucdp`), in UCDP GED's column names:", "",
        markdown_table(UCDP_COLUMNS), "", README_END,
    ])


def update_readme(path) -> bool:
    """Rewrite the column section of the README at `path`; True when it changed."""
    from pathlib import Path

    path = Path(path)
    text = path.read_text(encoding="utf-8")
    start, end = text.index(README_START), text.index(README_END) + len(README_END)
    updated = text[:start] + readme_columns() + text[end:]
    if updated != text:
        path.write_text(updated, encoding="utf-8")
    return updated != text


if __name__ == "__main__":
    import sys

    changed = update_readme(sys.argv[1] if len(sys.argv) > 1 else "README.md")
    print("README column tables updated" if changed else "README column tables already up to date")
