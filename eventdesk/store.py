"""Reading and writing the event store under data/.

The store is three files: `events.parquet` (the table, typed), `events.csv` (the same rows for
spreadsheets) and `relations.csv` (the derived actor relations). Every write goes to a temporary
file in the same folder and is renamed into place, so a crash never leaves a half-written table.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from eventdesk import export, query, schema

EVENTS_PARQUET = "events.parquet"
EVENTS_CSV = "events.csv"
RELATIONS_CSV = "relations.csv"


class StoreError(RuntimeError):
    """The store cannot be read: the message names the file and what to do."""


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Call `write(tmp)` on a temporary file next to `path`, then rename it over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_events(events: pd.DataFrame, store: Path) -> pd.DataFrame:
    """Write the event table and its relations to `store`; returns the relations table."""
    events = schema.validate(events)
    relations = schema.validate(query.relations(events), schema.RELATION_COLUMNS)
    table = pa.Table.from_pandas(events, schema=schema.arrow_schema(), preserve_index=False)
    atomic_write(store / EVENTS_PARQUET, lambda tmp: pq.write_table(table, tmp))
    export.write_csv(events, store / EVENTS_CSV)
    export.write_csv(relations, store / RELATIONS_CSV)
    return relations


def load_events(store: Path) -> pd.DataFrame:
    """The event table stored in `store` (an empty table when there is none yet)."""
    path = Path(store) / EVENTS_PARQUET
    if not path.exists():
        return schema.empty_frame()
    try:
        frame = pq.read_table(path).to_pandas()
    except (pa.ArrowInvalid, OSError) as err:
        raise StoreError(f"{path}: cannot read the event table ({err}); rebuild it with "
                         f"'python -m eventdesk ingest seeds --store {store}'") from err
    return schema.conform(frame)
