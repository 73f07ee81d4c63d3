"""The store's incidents rebuilt in its database: every report merged streamed, or one decision applied.

Every incident row is built with the analyst's corrections applied (`corrections.apply_stored`).

`rebuild_incidents` merges every stored report into incidents (`clusters.cluster_streamed`), applies the
analyst's decisions and rewrites the `members` and `events` tables; `apply_decision` regroups only
the incidents one new decision touches, and ends where a full rebuild would. Both leave the files
to `Store.export`.

The streamed merge keeps the corpus in the database, not in memory: the reports' merge order is
computed a page at a time into a temporary table, the reports are read back in that order, and the
clusters no later report can reach wait on a shelf, another temporary table, until the vaguer
reports take back those their dates reach. The result is what `clusters.assign_incidents` gives
in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

import pandas as pd

from eventdesk import schema
from eventdesk.schema import EVENT_ID, REPORT_ID
from eventdesk.store import clusters, corrections, decisions, incidents, merge
from eventdesk.store.clusters import EVENT_SEQ, MEMBER_RANK
from eventdesk.store.database import (
    CHUNK_ROWS,
    EVENTS,
    EXTRACTED_COLUMNS,
    MEMBER_COLUMNS,
    MEMBERS,
    REPORTS,
    WRITE_LOCK,
)

if TYPE_CHECKING:
    from eventdesk.store.store import Store

# Temporary tables of a streamed merge (see `rebuild_incidents`) and their internal columns.
MERGE_KEYS, MERGE_ORDER, MERGE_SHELF, MERGE_SPANS, MERGE_SEQ, MERGE_FINAL = (
    "merge_keys", "merge_order", "merge_shelf", "merge_spans", "merge_seq", "merge_final")
_MERGE_TABLES = (MERGE_KEYS, MERGE_ORDER, MERGE_SHELF, MERGE_SPANS, MERGE_SEQ, MERGE_FINAL)
_FIRST_DAY, _LAST_DAY, _POS, _NUMBER, _RANK, _REASON, _FOUNDER, _SIZE = (
    "first_day", "last_day", "pos", "number", "rank", "reason", "founder", "size")
# merge.processing_key's first five parts, then the first and last day the report's date can mean.
_KEY_COLUMNS = ("coarse", "undated", "day", "date_rank", "place_rank", _FIRST_DAY, _LAST_DAY)
_SHELF_COLUMNS = (REPORT_ID, _NUMBER, _RANK, _REASON)


def _grouped(frame: pd.DataFrame, key: str, family_of: Callable[[str], str]) -> dict[object, list[merge.Report]]:
    """The reports of `frame` (MATCH_COLUMNS, members in merge order) grouped by their incident (`key`)."""
    groups: dict[object, list[merge.Report]] = {}
    for incident, report in zip(frame[key], merge.to_reports(frame, family_of), strict=True):
        groups.setdefault(incident, []).append(report)
    return groups


class _TableShelf:
    """The streamed merge's shelf (`clusters.Shelf`): retired clusters' members in a temporary table."""

    def __init__(self, store: Store, family_of: Callable[[str], str]) -> None:
        self.store = store
        self.family_of = family_of
        self._pending: list[tuple[str, int, int, str]] = []
        self._spans = False
        columns = ", ".join(f"{c} {kind}" for c, kind in zip(_SHELF_COLUMNS, ("VARCHAR", "BIGINT", "BIGINT", "VARCHAR"),
                                                           strict=True))
        store.db.execute(f"CREATE OR REPLACE TEMP TABLE {MERGE_SHELF} ({columns})")

    def put(self, rows: Sequence[tuple[str, int, int, str]]) -> None:
        self._pending.extend(rows)
        if len(self._pending) >= CHUNK_ROWS:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            self.store.append(MERGE_SHELF, pd.DataFrame(self._pending, columns=list(_SHELF_COLUMNS)))
            self._pending = []

    def take(self, after: int | None, until: int, reach: int) -> Iterator[tuple[int, list[merge.Report]]]:
        self.flush()
        if not self._spans:  # the precise clusters, as they stand when the vaguer reports begin
            self.store.db.execute(
                f"CREATE OR REPLACE TEMP TABLE {MERGE_SPANS} AS SELECT s.{_NUMBER}, min(o.{_FIRST_DAY}) AS low, "
                f"max(o.{_LAST_DAY}) AS high FROM {MERGE_SHELF} s JOIN {MERGE_ORDER} o USING ({REPORT_ID}) "
                f"GROUP BY s.{_NUMBER} ORDER BY low")
            self._spans = True
        frame = self.store.frame(
            f"SELECT s.{_NUMBER}, {', '.join(f'o.{c}' for c in merge.MATCH_COLUMNS)} FROM {MERGE_SPANS} p "
            f"JOIN {MERGE_SHELF} s USING ({_NUMBER}) JOIN {MERGE_ORDER} o USING ({REPORT_ID}) "
            f"WHERE p.low > ? AND p.low <= ? AND p.high >= ? ORDER BY s.{_NUMBER}, s.{_RANK}",
            [0 if after is None else after, until, reach])  # day ordinals start at 1
        return iter(_grouped(frame.astype({_NUMBER: int}), _NUMBER, self.family_of).items())


def rebuild_incidents(store: Store, rule: str | None = None, family_of: Callable[[str], str] | None = None) -> int:
    """Merge every report into incidents, apply the decisions, rebuild the events table; returns its size.

    The merge streams (`clusters.cluster_streamed`): the reports are read in pages in the order they
    are merged, and the incidents no later report can reach wait in a temporary table, so memory
    holds the incidents of a few days (of a month or a year while the reports dated only that
    vaguely are merged), not the corpus. The result is what `clusters.assign_incidents` gives.
    """
    if rule is not None and rule != store.figure_rule():
        store.set_figure_rule(rule)
    rule = store.figure_rule()
    family_of = family_of or merge.registry_families()
    try:
        _order_reports(store, family_of)
        shelf = _TableShelf(store, family_of)
        clusters.cluster_streamed(_ordered_reports(store, family_of), shelf)
        shelf.flush()
        _apply_decisions(store, family_of)
        with WRITE_LOCK, store.transaction():
            store.db.execute(f"DELETE FROM {MEMBERS}")
            store.db.execute(f"DELETE FROM {EVENTS}")
            n_events = _write_members(store)
            for first in range(0, n_events, CHUNK_ROWS):
                where = f"m.{EVENT_SEQ} >= ? AND m.{EVENT_SEQ} < ?"
                _insert_incidents(store, _member_reports(store, where, [first, first + CHUNK_ROWS]), rule)
    finally:
        for table in _MERGE_TABLES:
            store.db.execute(f"DROP TABLE IF EXISTS {table}")
    return n_events


def _order_reports(store: Store, family_of: Callable[[str], str]) -> None:
    """Copy the reports' match columns into MERGE_ORDER, numbered (`pos`) in merge order.

    The order's keys are computed by `merge.processing_key` itself, a page of reports at a time,
    so the database sorts by exactly what the in-memory merge sorts by.
    """
    store.db.execute(f"CREATE OR REPLACE TEMP TABLE {MERGE_KEYS} ({REPORT_ID} VARCHAR, {_KEY_COLUMNS[0]} BOOLEAN, "
                     f"{', '.join(f'{c} BIGINT' for c in _KEY_COLUMNS[1:])})")
    last = store.db.execute(f"SELECT max(rowid) FROM {REPORTS}").fetchone()[0]
    for first in range(0, -1 if last is None else last + 1, CHUNK_ROWS):
        page = store.frame(f"SELECT {', '.join(merge.MATCH_COLUMNS)} FROM {REPORTS} WHERE rowid >= ? AND rowid < ?",
                           [first, first + CHUNK_ROWS])
        keys = [(r.report_id, *merge.processing_key(r)[:5], r.start, r.end)
                for r in merge.to_reports(page, family_of)]
        store.append(MERGE_KEYS, pd.DataFrame(keys, columns=[REPORT_ID, *_KEY_COLUMNS]))
    order = ", ".join(f"k.{c}" for c in _KEY_COLUMNS[:5])
    store.db.execute(
        f"CREATE OR REPLACE TEMP TABLE {MERGE_ORDER} AS SELECT row_number() OVER (ORDER BY {order}, "
        f"k.{REPORT_ID}) AS {_POS}, {', '.join(f'r.{c}' for c in merge.MATCH_COLUMNS)}, k.{_FIRST_DAY}, "
        f"k.{_LAST_DAY} FROM {REPORTS} r JOIN {MERGE_KEYS} k USING ({REPORT_ID}) ORDER BY {_POS}")
    store.db.execute(f"DROP TABLE {MERGE_KEYS}")


def _ordered_reports(store: Store, family_of: Callable[[str], str]) -> Iterator[merge.Report]:
    """The reports in merge order, read a page at a time."""
    count = store.count(MERGE_ORDER)
    for first in range(1, count + 1, CHUNK_ROWS):
        page = store.frame(f"SELECT {', '.join(merge.MATCH_COLUMNS)} FROM {MERGE_ORDER} WHERE {_POS} >= ? "
                           f"AND {_POS} < ? ORDER BY {_POS}", [first, first + CHUNK_ROWS])
        yield from merge.to_reports(page, family_of)


def _apply_decisions(store: Store, family_of: Callable[[str], str]) -> None:
    """Apply the analyst's decisions to the shelved incidents that hold their reports (no others change)."""
    made = store.decisions()
    if not made:
        return
    wanted = sorted({report_id for decision in made for report_id in decision.report_ids})
    touched = (f"SELECT {_NUMBER} FROM {MERGE_SHELF} WHERE {REPORT_ID} IN (SELECT unnest(?))")
    frame = store.frame(
        f"SELECT s.{_NUMBER}, s.{_REASON}, {', '.join(f'o.{c}' for c in merge.MATCH_COLUMNS)} FROM {MERGE_SHELF} s "
        f"JOIN {MERGE_ORDER} o USING ({REPORT_ID}) WHERE s.{_NUMBER} IN ({touched}) "
        f"ORDER BY s.{_NUMBER}, s.{_RANK}", [wanted])
    groups = _grouped(frame.astype({_NUMBER: int}), _NUMBER, family_of)
    reasons = dict(zip(frame[REPORT_ID].astype(str), frame[_REASON], strict=True))
    regrouped = decisions.apply_decisions(list(groups.values()), reasons, made)
    fresh = int(store.db.execute(f"SELECT max({_NUMBER}) + 1 FROM {MERGE_SHELF}").fetchone()[0])
    rows = [(r.report_id, fresh + n, rank, reasons[r.report_id])
            for n, group in enumerate(regrouped) for rank, r in enumerate(group)]
    store.db.execute(f"DELETE FROM {MERGE_SHELF} WHERE {_NUMBER} IN (SELECT unnest(?))", [list(groups)])
    store.append(MERGE_SHELF, pd.DataFrame(rows, columns=list(_SHELF_COLUMNS)))


def _write_members(store: Store) -> int:
    """Write the shelved membership to MEMBERS, incidents in table order (by their founder's date, undated
    last, then its id, as `clusters.assign_incidents` numbers them); returns the number of incidents."""
    store.db.execute(
        f"CREATE OR REPLACE TEMP TABLE {MERGE_SEQ} AS SELECT s.{_NUMBER}, s.{REPORT_ID} AS {_FOUNDER}, "
        f"row_number() OVER (ORDER BY o.{_FIRST_DAY} IS NULL, coalesce(o.{_FIRST_DAY}, 0), s.{REPORT_ID}) - 1 "
        f"AS {EVENT_SEQ} FROM {MERGE_SHELF} s JOIN {MERGE_ORDER} o USING ({REPORT_ID}) WHERE s.{_RANK} = 0")
    store.db.execute(f"DROP TABLE {MERGE_ORDER}")
    store.db.execute(
        f"CREATE OR REPLACE TEMP TABLE {MERGE_FINAL} AS SELECT s.{REPORT_ID}, q.{_FOUNDER}, s.{_REASON}, "
        f"s.{_RANK}, q.{EVENT_SEQ}, count(*) OVER (PARTITION BY s.{_NUMBER}) AS {_SIZE} "
        f"FROM {MERGE_SHELF} s JOIN {MERGE_SEQ} q USING ({_NUMBER}) ORDER BY q.{EVENT_SEQ}, s.{_RANK}")
    n_events = store.count(MERGE_SEQ)
    for first in range(0, n_events, CHUNK_ROWS):
        page = store.frame(f"SELECT * FROM {MERGE_FINAL} WHERE {EVENT_SEQ} >= ? AND {EVENT_SEQ} < ? "
                           f"ORDER BY {EVENT_SEQ}, {_RANK}", [first, first + CHUNK_ROWS])
        reasons = [clusters.member_reason(why, size) for why, size in zip(page[_REASON], page[_SIZE], strict=True)]
        store.insert(MEMBERS, pd.DataFrame({
            REPORT_ID: page[REPORT_ID],
            EVENT_ID: [clusters.incident_id(founder) for founder in page[_FOUNDER]], schema.MERGE_REASON: reasons,
            MEMBER_RANK: page[_RANK], EVENT_SEQ: page[EVENT_SEQ],
        }))
    return n_events


def _member_reports(store: Store, where: str, parameters: Sequence) -> pd.DataFrame:
    """Reports of the incidents `where` (over the membership `m`) picks, with membership and linked incident."""
    extracted = ", ".join(f"r.{c.name}" for c in EXTRACTED_COLUMNS)
    frame = store.frame(
        f"SELECT {extracted}, m.{EVENT_ID}, m.{schema.MERGE_REASON}, m.{MEMBER_RANK}, m.{EVENT_SEQ}, "
        f"l.{EVENT_ID} AS {schema.LINKED_EVENT_ID} FROM {REPORTS} r JOIN {MEMBERS} m USING ({REPORT_ID}) "
        f"LEFT JOIN {MEMBERS} l ON l.{REPORT_ID} = r.{schema.LINKED_REPORT_ID} "
        f"WHERE {where} ORDER BY m.{EVENT_SEQ}, m.{MEMBER_RANK}",
        parameters,
    )
    out = schema.conform(frame, (*schema.REPORT_COLUMNS, *MEMBER_COLUMNS[3:]))
    out[schema.LINKED_EVENT_ID] = frame[schema.LINKED_EVENT_ID].astype("string")
    return out


def _insert_incidents(store: Store, reports: pd.DataFrame, rule: str) -> None:
    rows = corrections.apply_stored(store, incidents.build_incidents(reports, rule))
    rows[EVENT_SEQ] = reports.drop_duplicates(EVENT_ID).set_index(EVENT_ID).loc[rows[EVENT_ID], EVENT_SEQ].to_numpy()
    store.insert(EVENTS, rows)


def rebuild_events(store: Store, event_ids: Sequence[str]) -> None:
    """Build the rows of these incidents again from their members (after a correction: their membership is
    unchanged); the caller holds the transaction."""
    store.db.execute(f"DELETE FROM {EVENTS} WHERE {EVENT_ID} IN (SELECT unnest(?))", [list(event_ids)])
    _insert_incidents(store, _member_reports(store, f"m.{EVENT_ID} IN (SELECT unnest(?))", [list(event_ids)]),
                      store.figure_rule())


def apply_decision(store: Store, decision: decisions.Decision, event_ids: Sequence[str],
                   family_of: Callable[[str], str] | None = None) -> list[str]:
    """Apply one new decision to the incidents it touches, and rebuild only those (and the incidents
    that link to their reports); the result is what `rebuild_incidents` gives. Returns the new incidents' ids."""
    members, report_ids = _regrouped(store, decision, event_ids, family_of)
    linking = [row[0] for row in store.db.execute(
        f"SELECT DISTINCT m.{EVENT_ID} FROM {REPORTS} r JOIN {MEMBERS} m USING ({REPORT_ID}) "
        f"WHERE r.{schema.LINKED_REPORT_ID} IN (SELECT unnest(?))", [report_ids]).fetchall()]
    new_ids = list(dict.fromkeys(members[EVENT_ID]))
    with WRITE_LOCK, store.transaction():
        store.db.execute(f"DELETE FROM {MEMBERS} WHERE {EVENT_ID} IN (SELECT unnest(?))", [list(event_ids)])
        store.insert(MEMBERS, members)
        _renumber(store)
        rebuilt = sorted(set(new_ids) | set(linking) - set(event_ids))
        store.db.execute(f"DELETE FROM {EVENTS} WHERE {EVENT_ID} IN (SELECT unnest(?))",
                         [sorted(set(event_ids) | set(rebuilt))])
        _insert_incidents(store, _member_reports(store, f"m.{EVENT_ID} IN (SELECT unnest(?))", [rebuilt]),
                          store.figure_rule())
    return new_ids


def _regrouped(store: Store, decision: decisions.Decision, event_ids: Sequence[str],
               family_of: Callable[[str], str] | None) -> tuple[pd.DataFrame, list[str]]:
    """The membership one decision gives the incidents it touches, and those incidents' reports."""
    stored = store.frame(
        f"SELECT m.{EVENT_ID}, m.{schema.MERGE_REASON}, {', '.join(f'r.{c}' for c in merge.MATCH_COLUMNS)} "
        f"FROM {MEMBERS} m JOIN {REPORTS} r USING ({REPORT_ID}) WHERE m.{EVENT_ID} IN (SELECT unnest(?)) "
        f"ORDER BY m.{EVENT_SEQ}, m.{MEMBER_RANK}", [list(event_ids)])
    report_ids = list(stored[REPORT_ID])
    groups = list(_grouped(stored, EVENT_ID, family_of or merge.registry_families()).values())
    reasons = dict(zip(report_ids, map(clusters.stored_reason, stored[schema.MERGE_REASON]), strict=True))
    regrouped = decisions.apply_decisions(groups, reasons, [decision])
    # Numbered below zero until `_renumber` gives every incident its place in the table.
    return clusters.membership(regrouped, reasons, -len(groups)), report_ids


def _renumber(store: Store) -> None:
    """Number the incidents in table order (by their founding report's date, undated last, then its id),
    as `clusters.assign_incidents` does."""
    date, precision = f"r.{schema.DATE}", f"r.{schema.DATE_PRECISION}"
    start = (f"CASE {precision} WHEN 'day' THEN try_cast(left({date}, 10) AS DATE) "
             f"WHEN 'month' THEN try_cast(left({date}, 7) || '-01' AS DATE) "
             f"WHEN 'year' THEN try_cast(left({date}, 4) || '-01-01' AS DATE) END")
    store.db.execute(
        f"CREATE OR REPLACE TEMP TABLE numbering AS SELECT m.{EVENT_ID}, row_number() OVER "
        f"(ORDER BY {start} IS NULL, {start}, m.{REPORT_ID}) - 1 AS seq FROM {MEMBERS} m "
        f"JOIN {REPORTS} r USING ({REPORT_ID}) WHERE m.{MEMBER_RANK} = 0"
    )
    for table in (MEMBERS, EVENTS):
        store.db.execute(f"UPDATE {table} SET {EVENT_SEQ} = n.seq FROM numbering n "
                         f"WHERE {table}.{EVENT_ID} = n.{EVENT_ID}")
    store.db.execute("DROP TABLE numbering")
