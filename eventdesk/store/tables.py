"""The event table as the database sees it, a filter on it as SQL, and the relations over it.

A `Table` is a DuckDB view over the store's `events.parquet` (or over a frame, for tests and for
tables built in memory); `Table.view(flt)` narrows it to a `View`, the rows a `query.Filter` keeps,
written as a WHERE clause with named parameters. The dashboard never holds the table: a page asks
its view for what it draws (a count, a few hundred groups, the first rows in some order) and the
database reads only the columns that answer needs, so a million events cost the server what the
answers cost.

Every declared column is there whether or not the file has it (older files read as nulls), cast to
its declared type; `_start` and `_end`, the first and last day an event's date may stand for
("2024-01" spans January), and `_row`, the row's place in the table, are derived once here.
Queries write `{rows}` where the view's rows go.

`relations` (who did what to whom) is aggregated here, over a view, because both sides need it:
the store writes it as relations.csv over the events file it has just written, and the dashboard's
query layer answers the Actors page with it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import duckdb
import pandas as pd

from eventdesk import schema
from eventdesk.schema import (
    ACTOR1,
    ACTOR2,
    CLAIMED_BY,
    COUNTRY,
    DATE,
    EVENT_TYPE,
    FIRST_DATE,
    INJURED,
    KILLED,
    LAST_DATE,
    N_EVENTS,
)

# The derived columns (a leading underscore keeps them apart from the declared ones).
START_SQL, END_SQL, ROW_SQL = "_start", "_end", "_row"
_COLUMNS: dict[str, schema.Column] = {c.name: c for c in (*schema.EVENT_COLUMNS, *schema.INCIDENT_COLUMNS)}
# The declared type of every column a query may return (the relations table adds n_events, first_date, ...).
_KINDS: dict[str, str] = {c.name: c.dtype for c in (*schema.RELATION_COLUMNS, *_COLUMNS.values())}
# The server shares one connection among its sessions: two threads, and a bound on what it may hold.
_SETTINGS = ("SET threads = 2", "SET memory_limit = '512MB'", "SET preserve_insertion_order = true")
FETCH_ROWS = 50_000  # rows per batch when a whole view is written out


class TableError(ValueError):
    """The table cannot be read; the message names the file and what to do."""


def sql_text(value: str) -> str:
    """A string literal for SQL (only for the project's own constants; user values go in parameters)."""
    return "'" + str(value).replace("'", "''") + "'"


def sql_list(values: Sequence[str]) -> str:
    """`['a', 'b']`: a list literal of the project's own constants."""
    return "[" + ", ".join(sql_text(v) for v in values) + "]"


def _select_list(present: Sequence[str]) -> str:
    cells = []
    for column in _COLUMNS.values():
        kind = schema.SQL_TYPES[column.dtype]
        source = f'"{column.name}"' if column.name in present else "NULL"
        cells.append(f"CAST({source} AS {kind}) AS {column.name}")
    return ", ".join(cells)


def _dated(source: str) -> str:
    """Add `_start` and `_end` to the rows of `source` (which has `date` and `_row`)."""
    day = "trim(date)"
    start = (
        f"CAST(CASE length({day}) WHEN 10 THEN try_strptime({day}, '%Y-%m-%d') "
        f"WHEN 7 THEN try_strptime({day} || '-01', '%Y-%m-%d') "
        f"WHEN 4 THEN try_strptime({day} || '-01-01', '%Y-%m-%d') END AS DATE)"
    )
    spanned = (
        f"CASE length({day}) WHEN 7 THEN last_day({START_SQL}) "
        f"WHEN 4 THEN make_date(year({START_SQL}), 12, 31) ELSE {START_SQL} END"
    )
    return (f"SELECT *, {spanned} AS {END_SQL} FROM (SELECT *, {start} AS {START_SQL} FROM ({source}))")


class Table:
    """The event table in DuckDB: `len(table)`, `table.view(flt)`, and SQL over its rows."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, columns: Sequence[str], origin: str,
                 shared: bool = True) -> None:
        self._connection = connection
        self._lock = threading.Lock()
        self.columns: tuple[str, ...] = tuple(columns)  # the declared columns the source really has
        self.origin = origin
        self.shared = shared  # whether other connections (cursors) see its view: not for a registered frame
        self._length: int | None = None

    @classmethod
    def from_parquet(cls, path: Path, hint: str = "") -> Table:
        """The table of one Parquet file; TableError names the file when it cannot be read."""
        path = Path(path)
        connection = _connect()
        source = f"read_parquet({sql_text(str(path))}, file_row_number = true)"
        try:
            present = [row[0] for row in connection.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()]
            rows = f"SELECT {_select_list(present)}, file_row_number AS {ROW_SQL} FROM {source}"
            connection.execute(f"CREATE VIEW events AS {_dated(rows)}")
            table = cls(connection, [c for c in _COLUMNS if c in present], str(path))
            len(table)
        except duckdb.Error as err:
            connection.close()
            reason = str(err).splitlines()[0]
            raise TableError(f"{path}: cannot read the event table ({reason}). {hint}".strip()) from err
        return table

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> Table:
        """The table of an event frame held in memory (its order is the table's order)."""
        connection = _connect()
        numbered = frame.reset_index(drop=True).assign(**{ROW_SQL: range(len(frame))})
        connection.register("frame", numbered)
        rows = f"SELECT {_select_list(list(frame.columns))}, {ROW_SQL} FROM frame"
        connection.execute(f"CREATE VIEW events AS {_dated(rows)}")
        return cls(connection, [c for c in _COLUMNS if c in frame.columns], "a frame", shared=False)

    def __len__(self) -> int:
        if self._length is None:
            self._length = int(self.scalar("SELECT count(*) FROM events"))
        return self._length

    def view(self, flt: object | None = None) -> View:
        """The rows a `query.Filter` keeps (all of them without one)."""
        where, params = filter_sql(flt) if flt is not None else ("TRUE", {})
        return View(self, where, params)

    def fetch(self, sql: str, params: Mapping[str, object] | None = None) -> pd.DataFrame:
        """The result of `sql` as a frame, text columns as pandas strings and counts as Int64."""
        with self._lock:
            frame = self._connection.execute(sql, dict(params or {})).df()
        return _typed(frame)

    def scalar(self, sql: str, params: Mapping[str, object] | None = None) -> object:
        with self._lock:
            row = self._connection.execute(sql, dict(params or {})).fetchone()
        return None if row is None else row[0]

    def batches(self, sql: str, params: Mapping[str, object] | None = None, size: int = FETCH_ROWS
                ) -> Iterator[pd.DataFrame]:
        """The result of `sql` in frames of `size` rows, for results too big to hold at once."""
        if not self.shared:  # a frame in memory: its result is no bigger than the frame
            whole = self.fetch(sql, params)
            for start in range(0, max(len(whole), 1), size):
                yield whole.iloc[start:start + size]
            return
        with self._lock:
            cursor = self._connection.cursor()
        try:
            result = cursor.execute(sql, dict(params or {}))
            while True:
                part = result.fetch_df_chunk(max(1, size // 2048))
                if part.empty:
                    break
                yield _typed(part)
        finally:
            cursor.close()

    def close(self) -> None:
        self._connection.close()


def _connect() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(":memory:")
    for setting in _SETTINGS:
        connection.execute(setting)
    return connection


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    kinds = {}
    for name in frame.columns:
        declared = _KINDS.get(name)
        if declared is not None and declared != "string":
            kinds[name] = declared
        elif pd.api.types.is_string_dtype(frame[name]) or frame[name].dtype == object:
            kinds[name] = "string"
    return frame.astype(kinds) if kinds else frame


# ---------------------------------------------------------------------------------------------
# The filter as SQL
# ---------------------------------------------------------------------------------------------

SEARCH_COLUMNS: tuple[str, ...] = (
    EVENT_TYPE, ACTOR1, ACTOR2, CLAIMED_BY, schema.LOCATION, schema.ADMIN1, COUNTRY, schema.SOURCE, schema.EVIDENCE,
)


def _in(column: str, parameter: str) -> str:
    return f"coalesce(list_contains(${parameter}, {column}), false)"


def actor_sql(role: str, parameter: str = "actors") -> str:
    """Rows where one of the actors in `$parameter` acts in `role`; a claimant counts as an initiator."""
    initiator = f"({_in(ACTOR1, parameter)} OR {_in(CLAIMED_BY, parameter)})"
    target = _in(ACTOR2, parameter)
    return {"initiator": initiator, "target": target}.get(role, f"({initiator} OR {target})")


def filter_sql(flt) -> tuple[str, dict[str, object]]:
    """The WHERE clause and named parameters of a `query.Filter`; undated rows leave once dates are set."""
    clauses, params = ["TRUE"], {}
    if flt.actors:
        clauses.append(actor_sql(flt.role))
        params["actors"] = list(flt.actors)
    if flt.event_types:
        clauses.append(_in(EVENT_TYPE, "types"))
        params["types"] = list(flt.event_types)
    if flt.countries:
        clauses.append(_in(COUNTRY, "countries"))
        params["countries"] = list(flt.countries)
    if flt.date_from or flt.date_to:
        clauses.append(f"{START_SQL} IS NOT NULL")
    if flt.date_from:
        clauses.append(f"{END_SQL} >= $date_from")
        params["date_from"] = flt.date_from
    if flt.date_to:
        clauses.append(f"{START_SQL} <= $date_to")
        params["date_to"] = flt.date_to
    if flt.text:
        found = " OR ".join(f"contains(lower(coalesce({name}, '')), $text)" for name in SEARCH_COLUMNS)
        clauses.append(f"({found})")
        params["text"] = flt.text.lower()
    return " AND ".join(clauses), params


class View:
    """The rows of a table that a filter keeps. `len(view)` counts them; `fetch` runs SQL over them."""

    def __init__(self, table: Table, where: str, params: Mapping[str, object]) -> None:
        self.table = table
        self.where = where
        self.params = dict(params)
        self._length: int | None = None

    @property
    def columns(self) -> tuple[str, ...]:
        return self.table.columns

    def rows_sql(self, where: str = "TRUE") -> str:
        """A subquery of the view's rows (and only those where `where` also holds)."""
        return f"(SELECT * FROM events WHERE ({self.where}) AND ({where}))"

    def _sql(self, sql: str, where: str) -> str:
        return sql.replace("{rows}", self.rows_sql(where))

    def fetch(self, sql: str, params: Mapping[str, object] | None = None, where: str = "TRUE") -> pd.DataFrame:
        """Run `sql`, with `{rows}` standing for the view's rows, as a frame."""
        return self.table.fetch(self._sql(sql, where), {**self.params, **(params or {})})

    def scalar(self, sql: str, params: Mapping[str, object] | None = None, where: str = "TRUE") -> object:
        return self.table.scalar(self._sql(sql, where), {**self.params, **(params or {})})

    def count(self, where: str = "TRUE", params: Mapping[str, object] | None = None) -> int:
        """Rows of the view where `where` holds."""
        return int(self.scalar("SELECT count(*) FROM {rows}", params, where))

    def __len__(self) -> int:
        if self._length is None:
            self._length = self.count()
        return self._length

    def rows(
        self, columns: Sequence[str] | None = None, order: str = ROW_SQL, limit: int | None = None,
        where: str = "TRUE", params: Mapping[str, object] | None = None,
    ) -> pd.DataFrame:
        """The view's rows (only `columns`, else the table's own), in `order`, at most `limit`."""
        names = ", ".join(columns or self.columns)
        bound = f" LIMIT {int(limit)}" if limit is not None else ""
        return self.fetch(f"SELECT {names} FROM {{rows}} ORDER BY {order}{bound}", params, where)

    def batches(self, columns: Sequence[str] | None = None, order: str = ROW_SQL) -> Iterator[pd.DataFrame]:
        """All the view's rows in frames of FETCH_ROWS, for writing out a view of any size."""
        names = ", ".join(columns or self.columns)
        return self.table.batches(self._sql(f"SELECT {names} FROM {{rows}} ORDER BY {order}", "TRUE"), self.params)

    def to_frame(self) -> pd.DataFrame:
        """The view's rows as an event frame, in table order (for tests and small views)."""
        return self.rows()


# ---------------------------------------------------------------------------------------------
# Relations
# ---------------------------------------------------------------------------------------------


def relations(view: View, where: str = "TRUE", params: Mapping[str, object] | None = None) -> pd.DataFrame:
    """Who did what to whom: one row per (actor1, actor2, event type) of the view's rows where both actors
    are known (and `where` holds), with the number of events, first and last date and summed figures,
    the busiest first (RELATION_COLUMNS). The store writes it as relations.csv; the Actors page shows it."""
    table = view.fetch(
        f"SELECT {ACTOR1}, {ACTOR2}, {EVENT_TYPE}, count(*) AS {N_EVENTS}, min({DATE}) AS {FIRST_DATE}, "
        f"max({DATE}) AS {LAST_DATE}, sum({KILLED}) AS {KILLED}, sum({INJURED}) AS {INJURED} FROM {{rows}} "
        f"GROUP BY ALL ORDER BY {N_EVENTS} DESC, {ACTOR1}, {ACTOR2}, {EVENT_TYPE}",
        params, where=f"{ACTOR1} IS NOT NULL AND {ACTOR2} IS NOT NULL AND ({where})",
    )
    return schema.conform(table, schema.RELATION_COLUMNS)
