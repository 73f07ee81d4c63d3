"""The store under data/: its folder, the articles and reports added to it, the analyst's decisions, its files.

A store folder holds one database and the files made from it:

    eventdesk.duckdb    articles, reports, members (report -> incident, with the reason), events
                        (one row per incident), decisions (the analyst's splits and merges), settings
                        (its tables: `database.py`)
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
group-bys the pages need. The dashboard reads its tables from the Parquet files: DuckDB lets one
process write a database file at a time, and the files are replaced by an atomic rename, so a page
never sees a half-written table while an ingest runs. It opens the database only for what the
files do not hold: the analyst's decisions, and the text of the one article a reader opens.

`Store.refresh` re-merges the reports into incidents (`rebuild.py`) and rewrites the files
(`Store.export`). The analyst's decisions are kept by report id and applied after every automatic
merge, so a re-ingest, which may change the incidents around them, never undoes them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from eventdesk import schema
from eventdesk.schema import EVENT_ID, REPORT_ID, Column
from eventdesk.store import access, export, incidents, rebuild, tables
from eventdesk.store.clusters import EVENT_SEQ, MEMBER_RANK
from eventdesk.store.database import (
    ARTICLES,
    CHUNK_ROWS,
    DECISIONS,
    EVENTS,
    FIGURE_RULE,
    MEMBERS,
    REPORTS,
    SETTING,
    SETTINGS,
    TABLES,
    VALUE,
    WRITE_LOCK,
    StoreError,
    connect,
    create_tables,
)
from eventdesk.store.decisions import MERGE, SPLIT, Decision

DATABASE = "eventdesk.duckdb"
EVENTS_PARQUET = "events.parquet"
EVENTS_CSV = "events.csv"
REPORTS_PARQUET = "reports.parquet"
REPORTS_CSV = "reports.csv"
RELATIONS_CSV = "relations.csv"

LOCK_WAIT_S = 15.0
DUCKDB_MEMORY = "256MB"


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


class Store:
    """An open store database. Use `open_store()`; every write is one transaction."""

    def __init__(self, folder: Path, connection: duckdb.DuckDBPyConnection) -> None:
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

    def insert(self, table: str, frame: pd.DataFrame) -> None:
        """Add the rows of `frame` to one of the store's tables, conformed to its declared columns."""
        columns = TABLES[table][0]
        self.append(table, pa.Table.from_pandas(schema.conform(frame, columns), schema=schema.arrow_schema(columns),
                                                preserve_index=False))

    def append(self, table: str, rows: pd.DataFrame | pa.Table) -> None:
        """Add `rows` as they are to a table (a temporary one of this connection's), columns matched by name."""
        self.db.register("incoming", rows)
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
        with WRITE_LOCK, self.transaction():
            self.insert(ARTICLES, articles)
            if len(reports):
                self.insert(REPORTS, reports)

    # -- decisions ---------------------------------------------------------------------------

    def decisions(self) -> list[Decision]:
        """The analyst's splits and merges, oldest first (corrections: `corrections.stored`)."""
        rows = self.db.execute(
            f"SELECT {schema.DECISION_ID}, {schema.ACTION}, {schema.REPORT_IDS} FROM {DECISIONS} "
            f"WHERE {schema.ACTION} IN (?, ?) ORDER BY {schema.DECISION_ID}", [SPLIT, MERGE]).fetchall()
        return [Decision(int(n), action, tuple(ids.split())) for n, action, ids in rows]

    def add_decision(self, action: str, report_ids: Sequence[str], event_ids: Sequence[str], note: str | None,
                     by: str | None = None) -> int:
        """Record a split or merge, and who made it (`by`); returns its number."""
        number = int(self.db.execute(f"SELECT coalesce(max({schema.DECISION_ID}), 0) + 1 FROM {DECISIONS}")
                     .fetchone()[0])
        row = {
            schema.DECISION_ID: number, schema.ACTION: action, EVENT_ID: " ".join(event_ids),
            schema.REPORT_IDS: " ".join(sorted(report_ids)),
            schema.MADE_AT: dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), schema.NOTE: note,
            schema.MADE_BY: by,
        }
        with WRITE_LOCK, self.transaction():
            self.insert(DECISIONS, pd.DataFrame([row]))
        return number

    # -- settings ----------------------------------------------------------------------------

    def figure_rule(self) -> str:
        """The rule for best figures this store was last built with (incidents.RULES)."""
        row = self.db.execute(f"SELECT {VALUE} FROM {SETTINGS} WHERE {SETTING} = ?", [FIGURE_RULE]).fetchone()
        return row[0] if row else incidents.DEFAULT_RULE

    def set_figure_rule(self, rule: str) -> None:
        """Keep `rule` as the store's figure rule (it takes effect at the next rebuild)."""
        incidents.check_rule(rule)
        with WRITE_LOCK, self.transaction():
            self.db.execute(f"DELETE FROM {SETTINGS} WHERE {SETTING} = ?", [FIGURE_RULE])
            self.db.execute(f"INSERT INTO {SETTINGS} VALUES (?, ?)", [FIGURE_RULE, rule])

    # -- incidents and files -----------------------------------------------------------------

    def refresh(self, rule: str | None = None, family_of: Callable[[str], str] | None = None) -> int:
        """Re-merge every report into incidents (with the decisions, under figure `rule`, else the store's)
        and rewrite the files; returns the number of incidents."""
        n_events = rebuild.rebuild_incidents(self, rule, family_of)
        self.export()
        return n_events

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
    connection = connect(path, read_only, wait_s)
    try:
        # DuckDB's buffer pool would grow towards most of the machine's memory; it spills to disk past this.
        connection.execute(f"SET memory_limit = '{DUCKDB_MEMORY}'")
        if not read_only:
            create_tables(connection)
        yield Store(folder, connection)
    finally:
        connection.close()


def refresh(folder: Path, rule: str | None = None) -> int:
    """Re-merge the store's reports (with the decisions) and rewrite its files; returns the number of incidents."""
    with open_store(folder) as store:
        return store.refresh(rule)


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


def split_event(folder: Path, event_id: str, report_ids: Sequence[str], note: str | None = None,
                by: str | None = None) -> tuple[str, str]:
    """Take `report_ids` out of incident `event_id` into an incident of their own.

    The decision is kept in the store with who made it (`by`) and survives re-ingest. Returns the ids
    of the incident the other reports stay in and of the new one. A read-only desk refuses
    (`access.ReadOnlyError`).
    """
    access.check_writable(f"splitting incident {event_id}")
    with open_store(folder) as store:
        members = set(_members_of(store, [event_id]))
        leaving = set(report_ids)
        if not members:
            raise ValueError(f"there is no incident {event_id!r} in {folder}")
        if not leaving or not leaving <= members or leaving == members:
            raise ValueError(f"to split incident {event_id}, choose some but not all of its reports: "
                             f"{', '.join(sorted(members))}")
        number = store.add_decision(SPLIT, sorted(leaving), [event_id], note, by)
        rebuild.apply_decision(store, Decision(number, SPLIT, tuple(sorted(leaving))), [event_id])
        store.export()
        return _incident_of(store, min(members - leaving)), _incident_of(store, min(leaving))


def merge_events(folder: Path, event_ids: Sequence[str], note: str | None = None, by: str | None = None) -> str:
    """Merge the given incidents into one; the decision is kept in the store with who made it (`by`). Returns
    the merged incident's id. A read-only desk refuses (`access.ReadOnlyError`)."""
    access.check_writable(f"merging incidents {', '.join(event_ids)}")
    with open_store(folder) as store:
        reports = _members_of(store, event_ids)
        known = {_incident_of(store, r) for r in reports}
        missing = sorted(set(event_ids) - known)
        if missing or len(known) < 2:
            raise ValueError(f"to merge, name at least two incidents of {folder}; not in it now (a split or merge "
                             f"may have changed them): {', '.join(missing) or '-'}")
        number = store.add_decision(MERGE, reports, sorted(event_ids), note, by)
        rebuild.apply_decision(store, Decision(number, MERGE, tuple(sorted(reports))), sorted(known))
        store.export()
        return _incident_of(store, reports[0])


def load_article(folder: Path, article_id: str) -> pd.Series | None:
    """One stored article (ARTICLE_COLUMNS: its address, title, outlet, date and the text its reports'
    evidence offsets refer to), or None when the store does not hold it (or has no database: nothing is made)."""
    if not (Path(folder) / DATABASE).exists():
        return None
    with open_store(folder) as store:
        frame = store.frame(f"SELECT * FROM {ARTICLES} WHERE {schema.ARTICLE_ID} = ?", [article_id])
    frame = schema.conform(frame, schema.ARTICLE_COLUMNS)
    return None if frame.empty else frame.iloc[0]


def load_decisions(folder: Path) -> pd.DataFrame:
    """The analyst's decisions (DECISION_COLUMNS), oldest first."""
    with open_store(folder) as store:
        frame = store.frame(f"SELECT * FROM {DECISIONS} ORDER BY {schema.DECISION_ID}")
    return schema.conform(frame, schema.DECISION_COLUMNS)
