"""The analyst's corrections between stores: a CSV of a store's corrections, verifications and undos, and its import.

The CSV has the decisions' own columns (schema.DECISION_COLUMNS) and goes through the one CSV writer, so a
cell a spreadsheet would run as a formula gets a leading apostrophe; the import takes that apostrophe off
again. An import is checked whole before anything is written (a bad file is refused with its name and
line, and nothing of it is kept); its decisions are renumbered after the store's own, those the store
holds already (same action, reports, column, value, time and editor; an undo: of the same decision) are
left out, so importing twice adds nothing, and the incidents they touch are rebuilt, in one transaction.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from eventdesk import schema
from eventdesk.store import access, export
from eventdesk.store.corrections import (
    ACTIONS,
    CORRECT,
    TRUE,
    UNDO,
    VERIFY,
    Correction,
    CorrectionError,
    checked_value,
    incidents_of,
    rebuild_targets,
)
from eventdesk.store.database import DECISIONS, WRITE_LOCK

CSV_FIELDS: tuple[str, ...] = schema.DECISION_FIELDS  # a corrections CSV has the decisions' own columns
_REQUIRED_CSV = (schema.DECISION_ID, schema.ACTION, schema.REPORT_IDS, schema.MADE_AT)

def export_corrections(folder: Path, path: Path) -> int:
    """Write the store's corrections, verifications and undos to `path` as CSV (the one CSV writer, formulas
    neutralised); returns how many."""
    from eventdesk.store.store import open_store

    with open_store(folder, read_only=True) as store:
        frame = store.frame(f"SELECT * FROM {DECISIONS} WHERE {schema.ACTION} IN (SELECT unnest(?)) "
                            f"ORDER BY {schema.DECISION_ID}", [list(ACTIONS)])
    export.write_csv(schema.conform(frame, schema.DECISION_COLUMNS), Path(path))
    return len(frame)


def _unneutralised(text: str) -> str:
    """A cell as it was before the CSV writer guarded it against spreadsheets (`export.neutralise_formulas`)."""
    return text[1:] if text.startswith("'") and re.match(export.FORMULA_START, text[1:]) else text


def _read_row(path: Path, line: int, raw: Mapping[str, str | None]) -> dict[str, object]:
    """One CSV row as a decision; CorrectionError names the file and the line."""
    cell = {k: (_unneutralised(v.strip()) if isinstance(v, str) else "") for k, v in raw.items() if k}
    row: dict[str, object] = {name: cell.get(name) or None for name in CSV_FIELDS}
    def fail(what: str) -> CorrectionError:
        return CorrectionError(f"{path}, line {line}: {what}; fix the file and import it again (nothing was imported)")

    if None in raw:
        raise fail("more cells than the header has columns")
    for name in (schema.DECISION_ID, schema.UNDOES):
        if row[name] is not None and not re.fullmatch(r"\d+", str(row[name])):
            raise fail(f"{name} must be a whole number, not {row[name]!r}")
        row[name] = None if row[name] is None else int(str(row[name]))
    if row[schema.ACTION] not in ACTIONS:
        raise fail(f"action must be {', '.join(ACTIONS)} (splits and merges stay in their store), "
                   f"not {row[schema.ACTION]!r}")
    empty = [name for name in _REQUIRED_CSV if row[name] is None]
    if empty:
        raise fail(f"{', '.join(empty)} empty")
    try:
        row[schema.NEW_VALUE] = _checked_decision(row)
    except CorrectionError as err:
        raise fail(str(err)) from err
    return row


def _checked_decision(row: Mapping[str, object]) -> str | None:
    """The new value of a read decision, checked for its action and column."""
    action = row[schema.ACTION]
    if action == UNDO and row[schema.UNDOES] is None:
        raise CorrectionError("an undo must name the decision it undoes (undoes)")
    if action == VERIFY and (row[schema.NEW_VALUE] != TRUE or row[schema.FIELD] != schema.VERIFIED):
        raise CorrectionError(f"a verification has field {schema.VERIFIED} and new_value {TRUE}")
    if action == CORRECT:
        return checked_value(str(row[schema.FIELD]), row[schema.NEW_VALUE])
    return row[schema.NEW_VALUE]


def read_corrections_csv(path: Path) -> list[dict[str, object]]:
    """The decisions of a corrections CSV, checked whole (CorrectionError names the file and line)."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in _REQUIRED_CSV if c not in (reader.fieldnames or [])]
            if missing:
                raise CorrectionError(f"{path}, line 1: no column {', '.join(missing)}: a corrections CSV has the "
                                      f"header {','.join(CSV_FIELDS)} (as 'eventdesk corrections export' writes it)")
            rows = [_read_row(path, reader.line_num, raw) for raw in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise CorrectionError(f"{path}: cannot read it as a UTF-8 CSV ({err})") from err
    ids = [r[schema.DECISION_ID] for r in rows]
    if len(set(ids)) != len(ids):
        raise CorrectionError(f"{path}: decision_id repeats ({sorted({i for i in ids if ids.count(i) > 1})[:5]}): "
                              "each decision has its own number")
    named = {r[schema.DECISION_ID]: r for r in rows}
    for row in rows:
        target = named.get(row[schema.UNDOES])
        if row[schema.ACTION] == UNDO and (target is None or target[schema.ACTION] == UNDO
                                           or row[schema.UNDOES] >= row[schema.DECISION_ID]):
            raise CorrectionError(f"{path}: decision {row[schema.DECISION_ID]} undoes {row[schema.UNDOES]}, which is "
                                  "no earlier correction or verification of the file; export the corrections whole")
    return sorted(rows, key=lambda r: r[schema.DECISION_ID])


_IDENTITY = (schema.ACTION, schema.REPORT_IDS, schema.FIELD, schema.NEW_VALUE, schema.MADE_AT, schema.MADE_BY)


def _identity(row: Mapping[str, object], by_id: Mapping[int, Mapping[str, object]]) -> tuple:
    """What makes a decision the same one in two stores: all but its number (an undo: what it undoes)."""
    own = tuple(None if pd.isna(row[k]) else str(row[k]) for k in _IDENTITY)
    undone = row.get(schema.UNDOES)
    return own + ((_identity(by_id[int(undone)], by_id),) if undone is not None and not pd.isna(undone) else ())


@dataclass(frozen=True)
class Imported:
    """What an import added: the new decisions, those the store held already, those of reports it lacks."""

    added: int
    known: int
    waiting: int


def import_corrections(folder: Path, path: Path) -> Imported:
    """Add a corrections CSV's decisions to the store (renumbered after its own; those it holds already are
    left out, so importing twice adds nothing) and rebuild the incidents they touch, all in one transaction."""
    from eventdesk.store.store import open_store

    rows = read_corrections_csv(path)
    access.check_writable(f"importing corrections from {path}")
    with open_store(folder) as store:
        held = schema.conform(store.frame(f"SELECT * FROM {DECISIONS} WHERE {schema.ACTION} IN (SELECT unnest(?))",
                                          [list(ACTIONS)]), schema.DECISION_COLUMNS).to_dict("records")
        held_by_id = {int(r[schema.DECISION_ID]): r for r in held}
        known = {_identity(r, held_by_id): int(r[schema.DECISION_ID]) for r in held}
        file_by_id = {int(r[schema.DECISION_ID]): r for r in rows}
        number = int(store.db.execute(f"SELECT coalesce(max({schema.DECISION_ID}), 0) FROM {DECISIONS}")
                     .fetchall()[0][0])
        renumbered, new = {}, []
        for row in rows:
            identity = _identity(row, file_by_id)
            if identity in known:
                renumbered[row[schema.DECISION_ID]] = known[identity]
                continue
            number += 1
            renumbered[row[schema.DECISION_ID]] = known[identity] = number
            undoes = row[schema.UNDOES]
            new.append({**row, schema.DECISION_ID: number,
                        schema.UNDOES: None if undoes is None else renumbered[undoes]})
        added = [Correction(r[schema.DECISION_ID], r[schema.ACTION], tuple(str(r[schema.REPORT_IDS]).split()),
                            r[schema.FIELD], r[schema.NEW_VALUE]) for r in new]
        with WRITE_LOCK, store.transaction():
            if new:
                store.insert(DECISIONS, pd.DataFrame(new))
                rebuild_targets(store, added)
        held_reports = incidents_of(store, [r for c in added for r in c.report_ids])
        waiting = sum(1 for c in added if not set(c.report_ids) & set(held_reports))
        if new:
            store.export()
    return Imported(len(new), len(rows) - len(new), waiting)
