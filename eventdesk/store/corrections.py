"""The analyst's corrections: a value of an incident changed, or the incident marked verified, and taken back.

A correction is a decision (the `decisions` table, schema.DECISION_COLUMNS) with who made it, when, the
column, its old and new value and a note. Like a split or a merge it names the incident's reports, not the
incident, whose id may change when the reports are merged again: whenever incidents are built (`rebuild.py`),
a correction applies to the incident that now holds most of its reports (on a tie, the one holding the first
of them in id order), so it survives a re-ingest of the same articles, a re-merge and new articles joining the
incident. A later correction of the same column wins. An undo is a decision too (`undoes` names the one it
takes back); nothing is ever deleted. A corrected figure is the incident's figure: killed (injured) and its
low, best and high become it; the reports keep their own figures (reports.csv, the figure history). A
corrected place keeps the old coordinates unless they are given, or unless the gazetteer finds the new place
name in the (corrected) country without doubt; a corrected actor takes its type from the actor registry.
Corrections move between stores as CSV (`correction_csv.py`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from eventdesk import schema
from eventdesk.schema import EVENT_ID, REPORT_ID
from eventdesk.store import access, place_codes
from eventdesk.store.database import DECISIONS, EVENTS, MEMBERS, WRITE_LOCK

if TYPE_CHECKING:
    from eventdesk.store.store import Store

CORRECT, VERIFY, UNDO = "correct", "verify", "undo"
ACTIONS: tuple[str, ...] = (CORRECT, VERIFY, UNDO)
# The columns an analyst may correct; the types, geo precision and place codes follow from the others.
FIELDS: tuple[str, ...] = (
    schema.EVENT_TYPE, schema.DATE, schema.DATE_PRECISION, schema.LOCATION, schema.ADMIN1, schema.COUNTRY,
    schema.LAT, schema.LON, schema.GEO_PRECISION, schema.ACTOR1, schema.ACTOR1_TYPE, schema.ACTOR2,
    schema.ACTOR2_TYPE, schema.KILLED, schema.KILLED_QUALIFIER, schema.INJURED, schema.INJURED_QUALIFIER,
)
PLACE_FIELDS = (schema.LOCATION, schema.ADMIN1, schema.COUNTRY)
_FIGURES = {schema.KILLED: (schema.KILLED, schema.KILLED_LOW, schema.KILLED_BEST, schema.KILLED_HIGH),
            schema.INJURED: (schema.INJURED, schema.INJURED_LOW, schema.INJURED_BEST, schema.INJURED_HIGH)}
_ACTOR_TYPES = {schema.ACTOR1: schema.ACTOR1_TYPE, schema.ACTOR2: schema.ACTOR2_TYPE}
_VOCABULARIES = {schema.EVENT_TYPE: schema.EVENT_TYPES, schema.DATE_PRECISION: schema.DATE_PRECISIONS,
                 schema.GEO_PRECISION: schema.GEO_PRECISIONS, schema.KILLED_QUALIFIER: schema.QUALIFIERS,
                 schema.INJURED_QUALIFIER: schema.QUALIFIERS, schema.ACTOR1_TYPE: schema.ACTOR_TYPES,
                 schema.ACTOR2_TYPE: schema.ACTOR_TYPES}
_DATE_SHAPES = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}
_DATE_WRITTEN = {"day": "YYYY-MM-DD", "month": "YYYY-MM", "year": "YYYY"}
TRUE, FALSE, UNKNOWN_EDITOR = "true", "false", "unknown"
RESOLVED_NOTE = "(coordinates from the gazetteer for the corrected place)"
REGISTRY_NOTE = "(type from the actor registry)"


class CorrectionError(ValueError):
    """A correction cannot be made or read; the message says what is wrong and what to do."""


@dataclass(frozen=True)
class Correction:
    """One correction, verification or undo, kept by report id."""

    decision_id: int
    action: str
    report_ids: tuple[str, ...]
    field: str | None
    new_value: str | None
    undoes: int | None = None


# Values


def checked_value(field: str, value: object) -> str | None:
    """A correction's value for `field` as text (None: no value); CorrectionError says what is wrong."""
    if field not in FIELDS:
        raise CorrectionError(f"{field!r} cannot be corrected: correct one of {', '.join(FIELDS)}")
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = " ".join(str(value).split())
    if not text:
        return None
    if field in _FIGURES:
        if not re.fullmatch(r"\d+", text):
            raise CorrectionError(f"{field} must be a whole number of people (0 or more), or empty; not {text!r}")
        return str(int(text))
    if field in (schema.LAT, schema.LON):
        return _degrees(field, text)
    allowed = _VOCABULARIES.get(field)
    if allowed is not None and text not in allowed:
        raise CorrectionError(f"{field} must be one of {', '.join(allowed)}; not {text!r}")
    if field == schema.DATE and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        raise CorrectionError(f"date must be YYYY-MM-DD, YYYY-MM or YYYY; not {text!r}")
    return text


def _degrees(field: str, text: str) -> str:
    limit = 90 if field == schema.LAT else 180
    try:
        number = float(text)
    except ValueError:
        number = float("nan")
    if not -limit <= number <= limit:
        raise CorrectionError(f"{field} must be a number of degrees from -{limit} to {limit}; not {text!r}")
    return repr(number)


def text_of(value: object) -> str | None:
    """A table cell as a correction keeps it: text, None for no value."""
    if value is None or pd.isna(value):
        return None
    return repr(float(value)) if isinstance(value, float) else str(value)


def _date_problem(row: Mapping[str, object]) -> str | None:
    date, precision = row.get(schema.DATE), row.get(schema.DATE_PRECISION)
    if precision in _DATE_SHAPES and (date is None or not re.fullmatch(_DATE_SHAPES[precision], str(date))):
        return f"a date at {precision} precision is written {_DATE_WRITTEN[precision]}"
    if precision == "unknown" and date is not None:
        return "a date of unknown precision has no date: choose day, month or year"
    if date is not None and precision == "day":
        try:
            dt.date.fromisoformat(str(date))
        except ValueError:
            return f"{date} is no day of the calendar"
    return None


# Applying corrections to incidents


def active(made: Sequence[Correction]) -> list[Correction]:
    """The corrections and verifications no undo takes back, oldest first."""
    undone = {c.undoes for c in made if c.action == UNDO}
    return sorted((c for c in made if c.action != UNDO and c.decision_id not in undone), key=lambda c: c.decision_id)


def target_of(correction: Correction, incident_of: Mapping[str, str]) -> str | None:
    """The incident that holds most of the correction's reports (on a tie, the first report's), or None."""
    held = [incident_of[r] for r in sorted(correction.report_ids) if r in incident_of]
    if not held:
        return None
    counts = pd.Series(held).value_counts(sort=False)
    return str(counts.index[counts.to_numpy().argmax()])


def apply_corrections(rows: pd.DataFrame, made: Sequence[Correction], incident_of: Mapping[str, str]) -> pd.DataFrame:
    """Incident rows (INCIDENT_COLUMNS) with the active corrections applied and marked (`corrected`,
    `verified`); `incident_of` maps a report to its incident. Place codes follow a corrected place."""
    out = rows.copy()
    out[schema.VERIFIED] = FALSE
    out[schema.CORRECTED] = pd.Series(pd.NA, index=out.index, dtype="string")
    position = {event_id: n for n, event_id in enumerate(out[EVENT_ID])}
    corrected: dict[int, list[str]] = {}
    for correction in active(made):
        where = position.get(target_of(correction, incident_of))
        if where is None:
            continue
        if correction.action == VERIFY:
            out.loc[out.index[where], schema.VERIFIED] = TRUE
            continue
        _set(out, out.index[where], correction)
        fields = corrected.setdefault(where, [])
        fields.extend([correction.field] if correction.field not in fields else [])
    for where, fields in corrected.items():
        out.loc[out.index[where], schema.CORRECTED] = ",".join(f for f in FIELDS if f in fields)
    moved = [out.index[w] for w, fields in corrected.items() if set(fields) & {*PLACE_FIELDS, schema.LAT, schema.LON,
                                                                               schema.GEO_PRECISION}]
    if moved:
        coded = place_codes.add_place_codes(out.loc[moved])
        for column in schema.CODE_COLUMNS:
            out.loc[moved, column.name] = coded[column.name]
    return schema.conform(out, schema.INCIDENT_COLUMNS)


def _set(out: pd.DataFrame, index: object, correction: Correction) -> None:
    value = correction.new_value
    for column in _FIGURES.get(correction.field, (correction.field,)):
        out.loc[index, column] = pd.NA if value is None else _typed(column, value)
    if correction.field in (schema.DATE, schema.DATE_PRECISION):
        out.loc[index, schema.DATE_REASON] = f"corrected by the analyst (decision {correction.decision_id})"


def _typed(column: str, value: str) -> object:  # a correction's text as its column's type
    kind = next(c.dtype for c in schema.INCIDENT_COLUMNS if c.name == column)
    return int(float(value)) if kind == "Int64" else float(value) if kind == "Float64" else value


def stored(store: Store) -> list[Correction]:
    """Every correction, verification and undo in the store, oldest first."""
    rows = store.db.execute(
        f"SELECT {schema.DECISION_ID}, {schema.ACTION}, {schema.REPORT_IDS}, {schema.FIELD}, {schema.NEW_VALUE}, "
        f"{schema.UNDOES} FROM {DECISIONS} WHERE {schema.ACTION} IN (SELECT unnest(?)) ORDER BY {schema.DECISION_ID}",
        [list(ACTIONS)]).fetchall()
    return [Correction(int(n), action, tuple(ids.split()), field, value, None if undoes is None else int(undoes))
            for n, action, ids, field, value, undoes in rows]


def incidents_of(store: Store, report_ids: Sequence[str]) -> dict[str, str]:
    """The incident each of these reports is in now (reports the store does not hold are left out)."""
    rows = store.db.execute(f"SELECT {REPORT_ID}, {EVENT_ID} FROM {MEMBERS} WHERE {REPORT_ID} IN (SELECT unnest(?))",
                            [sorted(set(report_ids))]).fetchall()
    return dict(rows)


def apply_stored(store: Store, rows: pd.DataFrame) -> pd.DataFrame:
    """Incident rows just built from the store's membership, with the store's corrections applied."""
    made = stored(store)
    wanted = [r for c in active(made) for r in c.report_ids]
    return apply_corrections(rows, made, incidents_of(store, wanted) if wanted else {})


def targets(store: Store, made: Sequence[Correction]) -> list[str]:
    """The incidents these corrections apply to now."""
    incident_of = incidents_of(store, [r for c in made for r in c.report_ids])
    return sorted({t for c in made if (t := target_of(c, incident_of)) is not None})


# Making corrections


def _event_row(store: Store, event_id: str) -> dict[str, object]:
    frame = store.frame(f"SELECT * FROM {EVENTS} WHERE {EVENT_ID} = ?", [event_id])
    if frame.empty:
        raise CorrectionError(f"there is no incident {event_id!r} in {store.folder} now (a split, merge or re-ingest "
                              "may have changed it): choose it again")
    row = schema.conform(frame, schema.INCIDENT_COLUMNS).iloc[0]
    return {name: text_of(row[name]) for name in schema.INCIDENT_FIELDS}


def _members(store: Store, event_id: str) -> tuple[str, ...]:
    rows = store.db.execute(f"SELECT {REPORT_ID} FROM {MEMBERS} WHERE {EVENT_ID} = ? ORDER BY {REPORT_ID}",
                            [event_id]).fetchall()
    return tuple(row[0] for row in rows)


def resolved_place(location: str | None, admin1: str | None, country: str | None):
    """The gazetteer's place for a corrected place, when it is beyond doubt (in the given country), else None."""
    from eventdesk import geo

    gazetteer = geo.load_gazetteer()
    name = location or admin1 or country
    if name is None:
        return None
    nation = gazetteer.country(country) if country else None
    found = gazetteer.resolve(name, gazetteer.context([n for n in (admin1, country) if n]))
    elsewhere = bool(country) and (nation is None or found is None or found.country_code != nation.country_code)
    if found is None or found.lat is None or elsewhere:
        return None
    return found


def _derived(row: Mapping[str, object], wanted: dict[str, str | None]) -> dict[str, str | None]:
    """The values that follow from the corrected ones: a place's point and precision, an actor's type."""
    out: dict[str, str | None] = {}
    if set(wanted) & set(PLACE_FIELDS) and not set(wanted) & {schema.LAT, schema.LON}:
        place = {f: wanted.get(f, row.get(f)) for f in PLACE_FIELDS}
        found = resolved_place(place[schema.LOCATION], place[schema.ADMIN1], place[schema.COUNTRY])
        if found is not None:
            out |= {schema.LAT: repr(float(found.lat)), schema.LON: repr(float(found.lon)),
                    schema.GEO_PRECISION: found.precision}
            if schema.ADMIN1 not in wanted and found.admin1 and found.precision != "country":
                out[schema.ADMIN1] = found.admin1
    for actor, kind in _ACTOR_TYPES.items():
        if actor in wanted and kind not in wanted:
            from eventdesk.actors import load_registry

            known = load_registry().lookup(wanted[actor]) if wanted[actor] else None
            out[kind] = known.type if known else None
            if known and known.name != wanted[actor]:
                wanted[actor] = known.name
    return {f: v for f, v in out.items() if v != row.get(f)}


def _last_number(store: Store) -> int:
    return int(store.db.execute(f"SELECT coalesce(max({schema.DECISION_ID}), 0) FROM {DECISIONS}").fetchall()[0][0])


def _record(store: Store, action: str, report_ids: Sequence[str], event_id: str | None,
            changes: Sequence[tuple[str, str | None, str | None, str | None]], by: str | None,
            undoes: int | None = None) -> list[int]:
    """Add one decision per (field, old value, new value, note) change; returns their numbers."""
    first = _last_number(store) + 1
    made_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    rows = [{schema.DECISION_ID: first + n, schema.ACTION: action, EVENT_ID: event_id,
             schema.REPORT_IDS: " ".join(sorted(report_ids)), schema.MADE_AT: made_at, schema.NOTE: note,
             schema.MADE_BY: by or UNKNOWN_EDITOR, schema.FIELD: field, schema.OLD_VALUE: old, schema.NEW_VALUE: new,
             schema.UNDOES: undoes} for n, (field, old, new, note) in enumerate(changes)]
    store.insert(DECISIONS, pd.DataFrame(rows))
    return [row[schema.DECISION_ID] for row in rows]


def _rebuilt(store: Store, event_ids: Sequence[str]) -> None:
    from eventdesk.store import rebuild

    rebuild.rebuild_events(store, event_ids)


def correct_event(folder: Path, event_id: str, changes: Mapping[str, object], note: str | None = None,
                  by: str | None = None, verify: bool = False) -> list[int]:
    """Correct values of incident `event_id` (column -> new value; None or "" for no value), and mark it verified
    when `verify`; kept as decisions by its reports, with who made them (`by`, else "unknown") and the note.
    Returns the decisions' numbers. Unchanged values are left out; CorrectionError says what is wrong."""
    from eventdesk.store.store import open_store

    access.check_writable(f"correcting incident {event_id}")
    with open_store(folder) as store:
        row = _event_row(store, event_id)
        wanted = {f: checked_value(f, v) for f, v in changes.items()}
        wanted = {f: v for f, v in wanted.items() if v != row[f]}
        derived = _derived(row, wanted)
        problem = _date_problem({**row, **wanted})
        if problem and set(wanted) & {schema.DATE, schema.DATE_PRECISION}:
            raise CorrectionError(f"date {wanted.get(schema.DATE, row[schema.DATE])} at "
                                  f"{wanted.get(schema.DATE_PRECISION, row[schema.DATE_PRECISION])} precision: "
                                  f"{problem}; correct both together")
        why = {f: note for f in wanted} | {f: " ".join(filter(None, (note, REGISTRY_NOTE if f in _ACTOR_TYPES.values()
                                                                     else RESOLVED_NOTE))) for f in derived}
        values = wanted | derived
        made = [(f, row[f], values[f], why[f]) for f in FIELDS if f in values]
        with WRITE_LOCK, store.transaction():
            numbers = _record(store, CORRECT, _members(store, event_id), event_id, made, by) if made else []
            if verify and row[schema.VERIFIED] != TRUE:
                numbers += _record(store, VERIFY, _members(store, event_id), event_id,
                                   [(schema.VERIFIED, row[schema.VERIFIED], TRUE, note)], by)
            if not numbers:
                raise CorrectionError("nothing to keep: every value given is the incident's own already"
                                      + (" and it is verified" if verify else ""))
            _rebuilt(store, [event_id])
        store.export()
    return numbers


def undo_decision(folder: Path, decision_id: int, note: str | None = None, by: str | None = None) -> int:
    """Take back correction or verification `decision_id`, with the values derived from it in the same save (a
    place's point, an actor's type), each undo itself a decision; returns the (first) undo's number."""
    from eventdesk.store.store import open_store

    access.check_writable(f"undoing decision {decision_id}")
    with open_store(folder) as store:
        made = {c.decision_id: c for c in stored(store)}
        undone = made.get(int(decision_id))
        if undone is None or undone.action == UNDO:
            raise CorrectionError(f"there is no correction or verification {decision_id} in {folder} to undo")
        live = active(list(made.values()))
        if undone not in live:
            raise CorrectionError(f"decision {decision_id} is undone already")
        with_it = [undone, *(made[n] for n in _derived_with(store, undone) if made.get(n) in live)]
        before = targets(store, [undone])
        with WRITE_LOCK, store.transaction():
            numbers = [_record(store, UNDO, c.report_ids, before[0] if before else None,
                               [(c.field, c.new_value, None, note)], by, undoes=c.decision_id)[0] for c in with_it]
            _rebuilt(store, before)
        store.export()
    return numbers[0]


def _derived_with(store: Store, undone: Correction) -> list[int]:
    """The decisions the library derived from `undone` when it was saved (same save, a derived column and note)."""
    follows = {**{f: (schema.LAT, schema.LON, schema.GEO_PRECISION, schema.ADMIN1) for f in PLACE_FIELDS},
               **{actor: (kind,) for actor, kind in _ACTOR_TYPES.items()}}.get(undone.field, ())
    rows = store.db.execute(
        f"SELECT d.{schema.DECISION_ID}, d.{schema.FIELD}, d.{schema.NOTE} FROM {DECISIONS} d JOIN {DECISIONS} u "
        f"ON d.{schema.MADE_AT} = u.{schema.MADE_AT} AND d.{schema.REPORT_IDS} = u.{schema.REPORT_IDS} "
        f"WHERE u.{schema.DECISION_ID} = ? AND d.{schema.ACTION} = ?", [undone.decision_id, CORRECT]).fetchall()
    return [int(n) for n, field, why in rows if field in follows and str(why or "").endswith((RESOLVED_NOTE,
                                                                                              REGISTRY_NOTE))]


def rebuild_targets(store: Store, made: Sequence[Correction]) -> None:
    """Rebuild the incidents these corrections apply to now (inside the caller's transaction)."""
    _rebuilt(store, targets(store, made))
