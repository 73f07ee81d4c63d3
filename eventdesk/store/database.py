"""The store's database: its tables and their columns, created and brought up to date, and connecting to it.

    articles     one row per article (schema.ARTICLE_COLUMNS), with its content hash
    reports      one row per report the extractor read (EXTRACTED_COLUMNS)
    members      report -> incident, with the reason, the report's rank in it and the incident's place
    events       one row per incident (schema.INCIDENT_COLUMNS and its place in the table)
    decisions    the analyst's splits, merges and corrections (schema.DECISION_COLUMNS)
    settings     the store's own settings (the figure rule it was built with)

A table gains the nullable columns declared since the store was made, empty, when the store is
opened for writing, so an older store reads as the current schema. DuckDB lets one process write
a database file at a time: `connect` waits a while for another process's lock and then says who
may hold it.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import duckdb

from eventdesk import schema
from eventdesk.schema import EVENT_ID, REPORT_ID, Column
from eventdesk.store.clusters import EVENT_SEQ, MEMBER_RANK

# Tables of the database.
ARTICLES, REPORTS, MEMBERS, EVENTS, DECISIONS, SETTINGS = (
    "articles", "reports", "members", "events", "decisions", "settings")
# Internal columns (the tables' own columns are declared in schema.py).
SETTING, VALUE = "setting", "value"
FIGURE_RULE = "figure_rule"

CHUNK_ROWS = 5_000  # rows per step when incidents are built and files exported

# The extractor's rows become reports: its event_id is the report's id, its link a report's id.
EXTRACTED_COLUMNS = tuple(c for c in schema.REPORT_COLUMNS if c.name not in (EVENT_ID, schema.MERGE_REASON))
MEMBER_COLUMNS = (
    Column(REPORT_ID, "string", "", True), Column(EVENT_ID, "string", "", True),
    Column(schema.MERGE_REASON, "string", "", True), Column(MEMBER_RANK, "Int64", "", True),
    Column(EVENT_SEQ, "Int64", "", True),
)
_EVENT_TABLE_COLUMNS = (*schema.INCIDENT_COLUMNS, Column(EVENT_SEQ, "Int64", "", True))
_SETTING_COLUMNS = (Column(SETTING, "string", "", True), Column(VALUE, "string", ""))
TABLES: dict[str, tuple[tuple[Column, ...], str | None]] = {
    ARTICLES: (schema.ARTICLE_COLUMNS, schema.ARTICLE_ID),
    REPORTS: (EXTRACTED_COLUMNS, REPORT_ID),
    MEMBERS: (MEMBER_COLUMNS, REPORT_ID),
    EVENTS: (_EVENT_TABLE_COLUMNS, EVENT_ID),
    DECISIONS: (schema.DECISION_COLUMNS, schema.DECISION_ID),
    SETTINGS: (_SETTING_COLUMNS, SETTING),
}

# One writer at a time inside a process (the dashboard serves several sessions from threads);
# DuckDB's file lock keeps other processes out.
WRITE_LOCK = threading.RLock()


class StoreError(RuntimeError):
    """The store cannot be read or written: the message names the file and what to do."""


def ddl(table: str, columns: tuple[Column, ...], key: str | None) -> str:
    """The CREATE TABLE statement of one table (kept as it is when the table exists)."""
    cells = [f"{c.name} {schema.SQL_TYPES[c.dtype]}{' PRIMARY KEY' if c.name == key else ''}" for c in columns]
    return f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(cells)})"


def _add_new_columns(connection: duckdb.DuckDBPyConnection, table: str, columns: tuple[Column, ...]) -> None:
    """Columns declared since the store was made (nullable ones only) join its table, empty."""
    present = {row[0] for row in connection.execute(f"DESCRIBE {table}").fetchall()}
    for column in columns:
        if column.name not in present:
            connection.execute(f"ALTER TABLE {table} ADD COLUMN {column.name} {schema.SQL_TYPES[column.dtype]}")


def create_tables(connection: duckdb.DuckDBPyConnection) -> None:
    """Make every table that is missing and add the columns declared since the others were made."""
    for table, (columns, key) in TABLES.items():
        connection.execute(ddl(table, columns, key))
        _add_new_columns(connection, table, columns)


def connect(path: Path, read_only: bool, wait_s: float) -> duckdb.DuckDBPyConnection:
    """A connection to the database file at `path`, waiting up to `wait_s` for another process's lock."""
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
