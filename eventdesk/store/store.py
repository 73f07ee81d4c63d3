"""The store under data/: articles, the reports read from them, incidents, and the analyst's decisions.

A store folder holds one database and the files made from it:

    eventdesk.duckdb    articles, reports, members (report -> incident, with the reason), events
                        (one row per incident), decisions (the analyst's splits and merges), settings
    events.parquet      one row per incident (schema.INCIDENT_COLUMNS): what the dashboard reads
    events.csv          the same rows for spreadsheets
    reports.parquet     one row per report (schema.REPORT_COLUMNS) with its incident and reason
    reports.csv         the same rows for spreadsheets
    relations.csv       who did what to whom, over the incidents

Why DuckDB and Parquet: the database is one embedded file with ACID transactions, so a batch of
articles and their reports is stored whole or not at all, and an interrupted ingest resumes from
the last committed batch; it is a column store that aggregates a million rows in milliseconds,
which the dashboard's query layer can use in place of pandas, and it reads and writes Parquet
natively, which is also the format of the Dask path's partitioned output. SQLite would give the
same transactions from the standard library, but as a row store it is far slower at the
group-bys the pages need. The dashboard reads the Parquet files, never the database: DuckDB lets
one process write a database file at a time, and the files are replaced by an atomic rename, so
a page never sees a half-written table while an ingest runs.

The analyst's decisions are kept by report id and applied after every automatic merge, so a
re-ingest, which may change the incidents around them, never undoes them.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from eventdesk import schema
from eventdesk.schema import EVENT_ID, REPORT_ID, Column
from eventdesk.store import clusters, export, incidents, merge, tables
from eventdesk.store.clusters import EVENT_SEQ, MEMBER_RANK
from eventdesk.store.decisions import MERGE, SPLIT, Decision, apply_decisions

DATABASE = "eventdesk.duckdb"
EVENTS_PARQUET = "events.parquet"
EVENTS_CSV = "events.csv"
REPORTS_PARQUET = "reports.parquet"
REPORTS_CSV = "reports.csv"
RELATIONS_CSV = "relations.csv"

# Tables of the database.
ARTICLES, REPORTS, MEMBERS, EVENTS, DECISIONS, SETTINGS = (
    "articles", "reports", "members", "events", "decisions", "settings")
# Internal columns (the tables' own columns are declared in schema.py).
SETTING, VALUE = "setting", "value"
FIGURE_RULE = "figure_rule"

CHUNK_ROWS = 5_000  # rows per step when incidents are built and files exported
LOCK_WAIT_S = 15.0
DUCKDB_MEMORY = "256MB"

# The extractor's rows become reports: its event_id is the report's id, its link a report's id.
EXTRACTED_COLUMNS = tuple(c for c in schema.REPORT_COLUMNS if c.name not in (EVENT_ID, schema.MERGE_REASON))
_MEMBER_COLUMNS = (
    Column(REPORT_ID, "string", "", True), Column(EVENT_ID, "string", "", True),
    Column(schema.MERGE_REASON, "string", "", True), Column(MEMBER_RANK, "Int64", "", True),
    Column(EVENT_SEQ, "Int64", "", True),
)
_EVENT_TABLE_COLUMNS = (*schema.INCIDENT_COLUMNS, Column(EVENT_SEQ, "Int64", "", True))
_SETTING_COLUMNS = (Column(SETTING, "string", "", True), Column(VALUE, "string", ""))
_TABLES: dict[str, tuple[tuple[Column, ...], str | None]] = {
    ARTICLES: (schema.ARTICLE_COLUMNS, schema.ARTICLE_ID),
    REPORTS: (EXTRACTED_COLUMNS, REPORT_ID),
    MEMBERS: (_MEMBER_COLUMNS, REPORT_ID),
    EVENTS: (_EVENT_TABLE_COLUMNS, EVENT_ID),
    DECISIONS: (schema.DECISION_COLUMNS, schema.DECISION_ID),
    SETTINGS: (_SETTING_COLUMNS, SETTING),
}

# Temporary tables of a streamed merge (see `Store.rebuild`) and their internal columns.
MERGE_KEYS, MERGE_ORDER, MERGE_SHELF, MERGE_SPANS, MERGE_SEQ, MERGE_FINAL = (
    "merge_keys", "merge_order", "merge_shelf", "merge_spans", "merge_seq", "merge_final")
_MERGE_TABLES = (MERGE_KEYS, MERGE_ORDER, MERGE_SHELF, MERGE_SPANS, MERGE_SEQ, MERGE_FINAL)
_FIRST_DAY, _LAST_DAY, _POS, _NUMBER, _RANK, _REASON, _FOUNDER, _SIZE = (
    "first_day", "last_day", "pos", "number", "rank", "reason", "founder", "size")
# merge.processing_key's first five parts, then the first and last day the report's date can mean.
_KEY_COLUMNS = ("coarse", "undated", "day", "date_rank", "place_rank", _FIRST_DAY, _LAST_DAY)
_SHELF_COLUMNS = (REPORT_ID, _NUMBER, _RANK, _REASON)

# One writer at a time inside a process (the dashboard serves several sessions from threads);
# DuckDB's file lock keeps other processes out.
_WRITE_LOCK = threading.RLock()


class StoreError(RuntimeError):
    """The store cannot be read or written: the message names the file and what to do."""


# ---------------------------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------------------------


def write_parquet(path: Path, columns: tuple[Column, ...], frames: Iterable[pd.DataFrame]) -> None:
    arrow = schema.arrow_schema(columns)

    def write(tmp: Path) -> None:
        with pq.ParquetWriter(tmp, arrow) as writer:
            for frame in frames:
                writer.write_table(pa.Table.from_pandas(schema.conform(frame, columns), schema=arrow,
                                                        preserve_index=False))

    export.atomic_write(path, write)


def write_events(events: pd.DataFrame, store: Path) -> pd.DataFrame:
    """Write an event table as the store's events.parquet, events.csv and relations.csv; returns the relations.

    A table without the incident columns (figures, n_reports, n_sources) is read as incidents of
    one report each. This writes the files only, not the database: `ingest` keeps both in step.
    """
    store = Path(store)
    rows = schema.validate(incidents.single_incidents(events), schema.INCIDENT_COLUMNS)
    relations = _relations_of(tables.Table.from_frame(rows))
    write_parquet(store / EVENTS_PARQUET, schema.INCIDENT_COLUMNS, [rows])
    export.write_csv(rows, store / EVENTS_CSV)
    export.write_csv(relations, store / RELATIONS_CSV)
    return relations


def _relations_of(table: tables.Table) -> pd.DataFrame:
    """The relations of an event table (RELATION_COLUMNS); the table is closed after."""
    try:
        return schema.validate(tables.relations(table.view()), schema.RELATION_COLUMNS)
    finally:
        table.close()


def _read_parquet(path: Path, store: Path, columns: tuple[Column, ...], filters=None) -> pd.DataFrame:
    if not path.exists():
        return schema.empty_frame(columns)
    try:
        frame = pq.read_table(path, filters=filters).to_pandas()
    except (pa.ArrowInvalid, OSError) as err:
        raise StoreError(f"{path}: cannot read the table ({err}); rebuild it with "
                         f"'python -m eventdesk ingest seeds --store {store}'") from err
    return schema.conform(frame, columns)


def load_events(store: Path) -> pd.DataFrame:
    """The event table (one row per incident, INCIDENT_COLUMNS) of `store`; empty when there is none yet."""
    store = Path(store)
    return _read_parquet(store / EVENTS_PARQUET, store, schema.INCIDENT_COLUMNS)


def load_reports(store: Path, event_ids: Sequence[str] | None = None) -> pd.DataFrame:
    """The reports (REPORT_COLUMNS) of `store`, or only those of the given incidents, in incident order."""
    store = Path(store)
    filters = [(EVENT_ID, "in", list(event_ids))] if event_ids is not None else None
    return _read_parquet(store / REPORTS_PARQUET, store, schema.REPORT_COLUMNS, filters)


def event_members(store: Path, event_id: str) -> pd.DataFrame:
    """The reports merged into one incident, with their sources, evidence and merge reasons."""
    return load_reports(store, [event_id])


def figure_history(store: Path, event_id: str) -> pd.DataFrame:
    """Every killed and injured figure reported for one incident, oldest report first."""
    return incidents.history(event_members(store, event_id))


# ---------------------------------------------------------------------------------------------
# The database
# ---------------------------------------------------------------------------------------------


def _ddl(table: str, columns: tuple[Column, ...], key: str | None) -> str:
    cells = [f"{c.name} {schema.SQL_TYPES[c.dtype]}{' PRIMARY KEY' if c.name == key else ''}" for c in columns]
    return f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(cells)})"


def _add_new_columns(connection, table: str, columns: tuple[Column, ...]) -> None:
    """Columns declared since the store was made (nullable ones only) join its table, empty."""
    present = {row[0] for row in connection.execute(f"DESCRIBE {table}").fetchall()}
    for column in columns:
        if column.name not in present:
            connection.execute(f"ALTER TABLE {table} ADD COLUMN {column.name} {schema.SQL_TYPES[column.dtype]}")


def _connect(path: Path, read_only: bool, wait_s: float):
    import duckdb

    deadline = time.monotonic() + wait_s
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as err:
            if "lock" not in str(err).lower() or time.monotonic() >= deadline:
                raise StoreError(
                    f"{path}: the store is in use by another process (an ingest, or the dashboard saving "
                    f"an upload or a decision); wait for it to finish and try again ({err})") from err
            time.sleep(0.2)


def _grouped(frame: pd.DataFrame, key: str, family_of: Callable[[str], str]) -> dict[object, list[merge.Report]]:
    """The reports of `frame` (MATCH_COLUMNS, members in merge order) grouped by their incident (`key`)."""
    groups: dict[object, list[merge.Report]] = {}
    for incident, report in zip(frame[key], merge.to_reports(frame, family_of), strict=True):
        groups.setdefault(incident, []).append(report)
    return groups


class _TableShelf:
    """The streamed merge's shelf (`clusters.Shelf`): retired incidents' members in a temporary table."""

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
            self.store._register_insert(MERGE_SHELF, pd.DataFrame(self._pending, columns=list(_SHELF_COLUMNS)))
            self._pending = []

    def take(self, after: int | None, until: int, reach: int) -> Iterator[tuple[int, list[merge.Report]]]:
        self.flush()
        if not self._spans:  # the precise incidents, as they stand when the vaguer reports begin
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


class Store:
    """An open store database. Use `open_store()`; every write is one transaction."""

    def __init__(self, folder: Path, connection) -> None:
        self.folder = folder
        self.db = connection

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything inside is committed together, or rolled back on any exception."""
        self.db.begin()
        try:
            yield
        except BaseException:
            self.db.rollback()
            raise
        self.db.commit()

    def _insert(self, table: str, frame: pd.DataFrame) -> None:
        columns = _TABLES[table][0]
        arrow = pa.Table.from_pandas(schema.conform(frame, columns), schema=schema.arrow_schema(columns),
                                     preserve_index=False)
        self.db.register("incoming", arrow)
        try:
            self.db.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming")
        finally:
            self.db.unregister("incoming")

    def frame(self, sql: str, parameters: Sequence | None = None) -> pd.DataFrame:
        """The result of a query as a frame."""
        return self.db.execute(sql, parameters or []).df()

    def count(self, table: str) -> int:
        """Number of rows in one of the store's tables."""
        return int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    # -- articles and reports ----------------------------------------------------------------

    def stored_keys(self, hashes: Sequence[str], urls: Sequence[str], ids: Sequence[str]) -> dict[str, set[str]]:
        """Which of these content hashes, urls and article ids the store already holds."""
        found = {}
        for column, values in ((schema.CONTENT_HASH, hashes), (schema.URL, urls), (schema.ARTICLE_ID, ids)):
            values = sorted({v for v in values if v})
            rows = self.db.execute(
                f"SELECT DISTINCT {column} FROM {ARTICLES} WHERE {column} IN (SELECT unnest(?))", [values]
            ).fetchall() if values else []
            found[column] = {row[0] for row in rows}
        return found

    def add(self, articles: pd.DataFrame, reports: pd.DataFrame) -> None:
        """Store articles (ARTICLE_COLUMNS) and their reports in one transaction."""
        with _WRITE_LOCK, self.transaction():
            self._insert(ARTICLES, articles)
            if len(reports):
                self._insert(REPORTS, reports)

    # -- decisions ---------------------------------------------------------------------------

    def decisions(self) -> list[Decision]:
        """The analyst's decisions, oldest first."""
        rows = self.db.execute(
            f"SELECT {schema.DECISION_ID}, {schema.ACTION}, {schema.REPORT_IDS} FROM {DECISIONS} "
            f"ORDER BY {schema.DECISION_ID}").fetchall()
        return [Decision(int(n), action, tuple(ids.split())) for n, action, ids in rows]

    def add_decision(self, action: str, report_ids: Sequence[str], event_ids: Sequence[str], note: str | None) -> int:
        """Record a split or merge; returns its number."""
        number = int(self.db.execute(f"SELECT coalesce(max({schema.DECISION_ID}), 0) + 1 FROM {DECISIONS}")
                     .fetchone()[0])
        row = {
            schema.DECISION_ID: number, schema.ACTION: action, EVENT_ID: " ".join(event_ids),
            schema.REPORT_IDS: " ".join(sorted(report_ids)),
            schema.MADE_AT: dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), schema.NOTE: note,
        }
        with _WRITE_LOCK, self.transaction():
            self._insert(DECISIONS, pd.DataFrame([row]))
        return number

    # -- settings ----------------------------------------------------------------------------

    def figure_rule(self) -> str:
        """The rule for best figures this store was last built with (incidents.RULES)."""
        row = self.db.execute(f"SELECT {VALUE} FROM {SETTINGS} WHERE {SETTING} = ?", [FIGURE_RULE]).fetchone()
        return row[0] if row else incidents.DEFAULT_RULE

    def set_figure_rule(self, rule: str) -> None:
        """Keep `rule` as the store's figure rule (it takes effect at the next rebuild)."""
        incidents.check_rule(rule)
        with _WRITE_LOCK, self.transaction():
            self.db.execute(f"DELETE FROM {SETTINGS} WHERE {SETTING} = ?", [FIGURE_RULE])
            self.db.execute(f"INSERT INTO {SETTINGS} VALUES (?, ?)", [FIGURE_RULE, rule])

    # -- incidents ---------------------------------------------------------------------------

    def rebuild(self, rule: str | None = None, family_of: Callable[[str], str] | None = None) -> int:
        """Merge every report into incidents, apply the decisions, rebuild the events table; returns its size.

        The merge streams (`clusters.cluster_streamed`): the reports are read in pages in the order they
        are merged, and the incidents no later report can reach wait in a temporary table, so memory
        holds the incidents of a few days (of a month or a year while the reports dated only that
        vaguely are merged), not the corpus. The result is what `clusters.assign_incidents` gives.
        """
        if rule is not None and rule != self.figure_rule():
            self.set_figure_rule(rule)
        rule = self.figure_rule()
        family_of = family_of or merge.registry_families()
        try:
            self._order_reports(family_of)
            shelf = _TableShelf(self, family_of)
            clusters.cluster_streamed(self._ordered_reports(family_of), shelf)
            shelf.flush()
            self._apply_decisions(family_of)
            with _WRITE_LOCK, self.transaction():
                self.db.execute(f"DELETE FROM {MEMBERS}")
                self.db.execute(f"DELETE FROM {EVENTS}")
                n_events = self._write_members()
                for first in range(0, n_events, CHUNK_ROWS):
                    where = f"m.{EVENT_SEQ} >= ? AND m.{EVENT_SEQ} < ?"
                    self._insert_incidents(self._member_reports(where, [first, first + CHUNK_ROWS]), rule)
        finally:
            for table in _MERGE_TABLES:
                self.db.execute(f"DROP TABLE IF EXISTS {table}")
        return n_events

    def _order_reports(self, family_of: Callable[[str], str]) -> None:
        """Copy the reports' match columns into MERGE_ORDER, numbered (`pos`) in merge order.

        The order's keys are computed by `merge.processing_key` itself, a page of reports at a time,
        so the database sorts by exactly what the in-memory merge sorts by.
        """
        self.db.execute(f"CREATE OR REPLACE TEMP TABLE {MERGE_KEYS} ({REPORT_ID} VARCHAR, {_KEY_COLUMNS[0]} BOOLEAN, "
                        f"{', '.join(f'{c} BIGINT' for c in _KEY_COLUMNS[1:])})")
        last = self.db.execute(f"SELECT max(rowid) FROM {REPORTS}").fetchone()[0]
        for first in range(0, -1 if last is None else last + 1, CHUNK_ROWS):
            page = self.frame(f"SELECT {', '.join(merge.MATCH_COLUMNS)} FROM {REPORTS} WHERE rowid >= ? AND rowid < ?",
                              [first, first + CHUNK_ROWS])
            keys = [(r.report_id, *merge.processing_key(r)[:5], r.start, r.end)
                    for r in merge.to_reports(page, family_of)]
            self._register_insert(MERGE_KEYS, pd.DataFrame(keys, columns=[REPORT_ID, *_KEY_COLUMNS]))
        order = ", ".join(f"k.{c}" for c in _KEY_COLUMNS[:5])
        self.db.execute(
            f"CREATE OR REPLACE TEMP TABLE {MERGE_ORDER} AS SELECT row_number() OVER (ORDER BY {order}, "
            f"k.{REPORT_ID}) AS {_POS}, {', '.join(f'r.{c}' for c in merge.MATCH_COLUMNS)}, k.{_FIRST_DAY}, "
            f"k.{_LAST_DAY} FROM {REPORTS} r JOIN {MERGE_KEYS} k USING ({REPORT_ID}) ORDER BY {_POS}")
        self.db.execute(f"DROP TABLE {MERGE_KEYS}")

    def _register_insert(self, table: str, frame: pd.DataFrame) -> None:
        self.db.register("incoming", frame)
        try:
            self.db.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming")
        finally:
            self.db.unregister("incoming")

    def _ordered_reports(self, family_of: Callable[[str], str]) -> Iterator[merge.Report]:
        """The reports in merge order, read a page at a time."""
        count = self.count(MERGE_ORDER)
        for first in range(1, count + 1, CHUNK_ROWS):
            page = self.frame(f"SELECT {', '.join(merge.MATCH_COLUMNS)} FROM {MERGE_ORDER} WHERE {_POS} >= ? "
                              f"AND {_POS} < ? ORDER BY {_POS}", [first, first + CHUNK_ROWS])
            yield from merge.to_reports(page, family_of)

    def _apply_decisions(self, family_of: Callable[[str], str]) -> None:
        """Apply the analyst's decisions to the shelved incidents that hold their reports (no others change)."""
        made = self.decisions()
        if not made:
            return
        wanted = sorted({report_id for decision in made for report_id in decision.report_ids})
        touched = (f"SELECT {_NUMBER} FROM {MERGE_SHELF} WHERE {REPORT_ID} IN (SELECT unnest(?))")
        frame = self.frame(
            f"SELECT s.{_NUMBER}, s.{_REASON}, {', '.join(f'o.{c}' for c in merge.MATCH_COLUMNS)} FROM {MERGE_SHELF} s "
            f"JOIN {MERGE_ORDER} o USING ({REPORT_ID}) WHERE s.{_NUMBER} IN ({touched}) "
            f"ORDER BY s.{_NUMBER}, s.{_RANK}", [wanted])
        groups = _grouped(frame.astype({_NUMBER: int}), _NUMBER, family_of)
        reasons = dict(zip(frame[REPORT_ID].astype(str), frame[_REASON], strict=True))
        regrouped = apply_decisions(list(groups.values()), reasons, made)
        fresh = int(self.db.execute(f"SELECT max({_NUMBER}) + 1 FROM {MERGE_SHELF}").fetchone()[0])
        rows = [(r.report_id, fresh + n, rank, reasons[r.report_id])
                for n, group in enumerate(regrouped) for rank, r in enumerate(group)]
        self.db.execute(f"DELETE FROM {MERGE_SHELF} WHERE {_NUMBER} IN (SELECT unnest(?))", [list(groups)])
        self._register_insert(MERGE_SHELF, pd.DataFrame(rows, columns=list(_SHELF_COLUMNS)))

    def _write_members(self) -> int:
        """Write the shelved membership to MEMBERS, incidents in table order (by their founder's date, undated
        last, then its id, as `clusters.assign_incidents` numbers them); returns the number of incidents."""
        self.db.execute(
            f"CREATE OR REPLACE TEMP TABLE {MERGE_SEQ} AS SELECT s.{_NUMBER}, s.{REPORT_ID} AS {_FOUNDER}, "
            f"row_number() OVER (ORDER BY o.{_FIRST_DAY} IS NULL, coalesce(o.{_FIRST_DAY}, 0), s.{REPORT_ID}) - 1 "
            f"AS {EVENT_SEQ} FROM {MERGE_SHELF} s JOIN {MERGE_ORDER} o USING ({REPORT_ID}) WHERE s.{_RANK} = 0")
        self.db.execute(f"DROP TABLE {MERGE_ORDER}")
        self.db.execute(
            f"CREATE OR REPLACE TEMP TABLE {MERGE_FINAL} AS SELECT s.{REPORT_ID}, q.{_FOUNDER}, s.{_REASON}, "
            f"s.{_RANK}, q.{EVENT_SEQ}, count(*) OVER (PARTITION BY s.{_NUMBER}) AS {_SIZE} "
            f"FROM {MERGE_SHELF} s JOIN {MERGE_SEQ} q USING ({_NUMBER}) ORDER BY q.{EVENT_SEQ}, s.{_RANK}")
        n_events = self.count(MERGE_SEQ)
        for first in range(0, n_events, CHUNK_ROWS):
            page = self.frame(f"SELECT * FROM {MERGE_FINAL} WHERE {EVENT_SEQ} >= ? AND {EVENT_SEQ} < ? "
                              f"ORDER BY {EVENT_SEQ}, {_RANK}", [first, first + CHUNK_ROWS])
            reasons = [clusters.member_reason(why, size) for why, size in zip(page[_REASON], page[_SIZE], strict=True)]
            self._insert(MEMBERS, pd.DataFrame({
                REPORT_ID: page[REPORT_ID],
                EVENT_ID: [clusters.incident_id(founder) for founder in page[_FOUNDER]], schema.MERGE_REASON: reasons,
                MEMBER_RANK: page[_RANK], EVENT_SEQ: page[EVENT_SEQ],
            }))
        return n_events

    def _member_reports(self, where: str, parameters: Sequence) -> pd.DataFrame:
        """Reports of the incidents `where` (over the membership `m`) picks, with membership and linked incident."""
        extracted = ", ".join(f"r.{c.name}" for c in EXTRACTED_COLUMNS)
        frame = self.frame(
            f"SELECT {extracted}, m.{EVENT_ID}, m.{schema.MERGE_REASON}, m.{MEMBER_RANK}, m.{EVENT_SEQ}, "
            f"l.{EVENT_ID} AS {schema.LINKED_EVENT_ID} FROM {REPORTS} r JOIN {MEMBERS} m USING ({REPORT_ID}) "
            f"LEFT JOIN {MEMBERS} l ON l.{REPORT_ID} = r.{schema.LINKED_REPORT_ID} "
            f"WHERE {where} ORDER BY m.{EVENT_SEQ}, m.{MEMBER_RANK}",
            parameters,
        )
        out = schema.conform(frame, (*schema.REPORT_COLUMNS, *_MEMBER_COLUMNS[3:]))
        out[schema.LINKED_EVENT_ID] = frame[schema.LINKED_EVENT_ID].astype("string")
        return out

    def _insert_incidents(self, reports: pd.DataFrame, rule: str) -> None:
        rows = incidents.build_incidents(reports, rule)
        rows[EVENT_SEQ] = reports.drop_duplicates(EVENT_ID).set_index(EVENT_ID).loc[
            rows[EVENT_ID], EVENT_SEQ].to_numpy()
        self._insert(EVENTS, rows)

    def _regrouped(self, decision: Decision, event_ids: Sequence[str],
                   family_of: Callable[[str], str] | None) -> tuple[pd.DataFrame, list[str]]:
        """The membership one decision gives the incidents it touches, and those incidents' reports."""
        stored = self.frame(
            f"SELECT m.{EVENT_ID}, m.{schema.MERGE_REASON}, {', '.join(f'r.{c}' for c in merge.MATCH_COLUMNS)} "
            f"FROM {MEMBERS} m JOIN {REPORTS} r USING ({REPORT_ID}) WHERE m.{EVENT_ID} IN (SELECT unnest(?)) "
            f"ORDER BY m.{EVENT_SEQ}, m.{MEMBER_RANK}", [list(event_ids)])
        report_ids = list(stored[REPORT_ID])
        groups = list(_grouped(stored, EVENT_ID, family_of or merge.registry_families()).values())
        reasons = dict(zip(report_ids, map(clusters.stored_reason, stored[schema.MERGE_REASON]), strict=True))
        # Numbered below zero until `_renumber` gives every incident its place in the table.
        return clusters.membership(apply_decisions(groups, reasons, [decision]), reasons, -len(groups)), report_ids

    def apply_decision(self, decision: Decision, event_ids: Sequence[str],
                       family_of: Callable[[str], str] | None = None) -> list[str]:
        """Apply one new decision to the incidents it touches, and rebuild only those (and the incidents
        that link to their reports); the result is what `rebuild` gives. Returns the new incidents' ids."""
        members, report_ids = self._regrouped(decision, event_ids, family_of)
        linking = [row[0] for row in self.db.execute(
            f"SELECT DISTINCT m.{EVENT_ID} FROM {REPORTS} r JOIN {MEMBERS} m USING ({REPORT_ID}) "
            f"WHERE r.{schema.LINKED_REPORT_ID} IN (SELECT unnest(?))", [report_ids]).fetchall()]
        new_ids = list(dict.fromkeys(members[EVENT_ID]))
        with _WRITE_LOCK, self.transaction():
            self.db.execute(f"DELETE FROM {MEMBERS} WHERE {EVENT_ID} IN (SELECT unnest(?))", [list(event_ids)])
            self._insert(MEMBERS, members)
            self._renumber()
            rebuilt = sorted(set(new_ids) | set(linking) - set(event_ids))
            self.db.execute(f"DELETE FROM {EVENTS} WHERE {EVENT_ID} IN (SELECT unnest(?))",
                            [sorted(set(event_ids) | set(rebuilt))])
            self._insert_incidents(self._member_reports(f"m.{EVENT_ID} IN (SELECT unnest(?))", [rebuilt]),
                                   self.figure_rule())
        return new_ids

    def _renumber(self) -> None:
        """Number the incidents in table order (by their founding report's date, undated last, then its id),
        as `clusters.assign_incidents` does."""
        date, precision = f"r.{schema.DATE}", f"r.{schema.DATE_PRECISION}"
        start = (f"CASE {precision} WHEN 'day' THEN try_cast(left({date}, 10) AS DATE) "
                 f"WHEN 'month' THEN try_cast(left({date}, 7) || '-01' AS DATE) "
                 f"WHEN 'year' THEN try_cast(left({date}, 4) || '-01-01' AS DATE) END")
        self.db.execute(
            f"CREATE OR REPLACE TEMP TABLE numbering AS SELECT m.{EVENT_ID}, row_number() OVER "
            f"(ORDER BY {start} IS NULL, {start}, m.{REPORT_ID}) - 1 AS seq FROM {MEMBERS} m "
            f"JOIN {REPORTS} r USING ({REPORT_ID}) WHERE m.{MEMBER_RANK} = 0"
        )
        for table in (MEMBERS, EVENTS):
            self.db.execute(f"UPDATE {table} SET {EVENT_SEQ} = n.seq FROM numbering n "
                            f"WHERE {table}.{EVENT_ID} = n.{EVENT_ID}")
        self.db.execute("DROP TABLE numbering")

    # -- exports -----------------------------------------------------------------------------

    def _batches(self, sql: str, columns: tuple[Column, ...]) -> Iterator[pd.DataFrame]:
        reader = self.db.sql(sql).to_arrow_reader(CHUNK_ROWS)
        empty = True
        for batch in reader:
            empty = False
            yield schema.conform(batch.to_pandas(), columns)
        if empty:  # the header still goes out
            yield schema.empty_frame(columns)

    def export(self) -> pd.DataFrame:
        """Write the events, reports and relations files from the database; returns the relations."""
        events_sql = f"SELECT * EXCLUDE ({EVENT_SEQ}) FROM {EVENTS} ORDER BY {EVENT_SEQ}"
        reports_sql = (
            f"SELECT m.{REPORT_ID}, m.{EVENT_ID}, m.{schema.MERGE_REASON}, r.* EXCLUDE ({REPORT_ID}) "
            f"FROM {MEMBERS} m JOIN {REPORTS} r USING ({REPORT_ID}) ORDER BY m.{EVENT_SEQ}, m.{MEMBER_RANK}"
        )
        for sql, columns, parquet, csv in (
            (events_sql, schema.INCIDENT_COLUMNS, EVENTS_PARQUET, EVENTS_CSV),
            (reports_sql, schema.REPORT_COLUMNS, REPORTS_PARQUET, REPORTS_CSV),
        ):
            write_parquet(self.folder / parquet, columns, self._batches(sql, columns))
            export.write_csv_frames(self._batches(sql, columns), self.folder / csv)
        # Relations are aggregated by the database over the file just written: no incident is read into memory.
        relations = _relations_of(tables.Table.from_parquet(self.folder / EVENTS_PARQUET))
        export.write_csv(relations, self.folder / RELATIONS_CSV)
        return relations


@contextmanager
def open_store(folder: Path, read_only: bool = False, wait_s: float = LOCK_WAIT_S) -> Iterator[Store]:
    """The store database in `folder`, created when missing; closed on exit."""
    folder = Path(folder)
    path = folder / DATABASE
    if read_only and not path.exists():
        raise StoreError(f"{path}: there is no store here yet; build it with "
                         f"'python -m eventdesk ingest seeds --store {folder}'")
    folder.mkdir(parents=True, exist_ok=True)
    connection = _connect(path, read_only, wait_s)
    try:
        # DuckDB's buffer pool would grow towards most of the machine's memory; it spills to disk past this.
        connection.execute(f"SET memory_limit = '{DUCKDB_MEMORY}'")
        if not read_only:
            for table, (columns, key) in _TABLES.items():
                connection.execute(_ddl(table, columns, key))
                _add_new_columns(connection, table, columns)
        yield Store(folder, connection)
    finally:
        connection.close()


def refresh(folder: Path, rule: str | None = None) -> int:
    """Re-merge the store's reports (with the decisions) and rewrite its files; returns the number of incidents."""
    with open_store(folder) as store:
        n_events = store.rebuild(rule)
        store.export()
    return n_events


# ---------------------------------------------------------------------------------------------
# The analyst's decisions
# ---------------------------------------------------------------------------------------------


def _members_of(store: Store, event_ids: Sequence[str]) -> list[str]:
    rows = store.db.execute(
        f"SELECT {REPORT_ID} FROM {MEMBERS} WHERE {EVENT_ID} IN (SELECT unnest(?)) ORDER BY {REPORT_ID}",
        [list(event_ids)],
    ).fetchall()
    return [row[0] for row in rows]


def _incident_of(store: Store, report_id: str) -> str:
    row = store.db.execute(f"SELECT {EVENT_ID} FROM {MEMBERS} WHERE {REPORT_ID} = ?", [report_id]).fetchone()
    return row[0]


def split_event(folder: Path, event_id: str, report_ids: Sequence[str], note: str | None = None) -> tuple[str, str]:
    """Take `report_ids` out of incident `event_id` into an incident of their own.

    The decision is kept in the store and survives re-ingest. Returns the ids of the incident the
    other reports stay in and of the new one.
    """
    with open_store(folder) as store:
        members = set(_members_of(store, [event_id]))
        leaving = set(report_ids)
        if not members:
            raise ValueError(f"there is no incident {event_id!r} in {folder}")
        if not leaving or not leaving <= members or leaving == members:
            raise ValueError(f"to split incident {event_id}, choose some but not all of its reports: "
                             f"{', '.join(sorted(members))}")
        number = store.add_decision(SPLIT, sorted(leaving), [event_id], note)
        store.apply_decision(Decision(number, SPLIT, tuple(sorted(leaving))), [event_id])
        store.export()
        return _incident_of(store, min(members - leaving)), _incident_of(store, min(leaving))


def merge_events(folder: Path, event_ids: Sequence[str], note: str | None = None) -> str:
    """Merge the given incidents into one; the decision is kept in the store. Returns the merged incident's id."""
    with open_store(folder) as store:
        reports = _members_of(store, event_ids)
        known = {_incident_of(store, r) for r in reports}
        missing = sorted(set(event_ids) - known)
        if missing or len(known) < 2:
            raise ValueError(f"to merge, name at least two incidents of {folder}; unknown: {', '.join(missing) or '-'}")
        number = store.add_decision(MERGE, reports, sorted(event_ids), note)
        store.apply_decision(Decision(number, MERGE, tuple(sorted(reports))), sorted(known))
        store.export()
        return _incident_of(store, reports[0])


def load_decisions(folder: Path) -> pd.DataFrame:
    """The analyst's decisions (DECISION_COLUMNS), oldest first."""
    with open_store(folder) as store:
        frame = store.frame(f"SELECT * FROM {DECISIONS} ORDER BY {schema.DECISION_ID}")
    return schema.conform(frame, schema.DECISION_COLUMNS)
