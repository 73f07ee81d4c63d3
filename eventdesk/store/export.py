"""The one CSV writer: every download and the store's CSV files go through it.

Text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab
or a carriage return) get a leading apostrophe, as OWASP recommends against CSV injection.
Numeric columns are written as they are.

The dashboard's downloads start with a UTF-8 byte-order mark (`bom=True`): Excel reads a CSV
without one in the machine's legacy code page, so "Kermān" or "Soleimani’s" would come out
garbled; with it, Excel (and pandas, LibreOffice, DuckDB) reads UTF-8. The store's own CSV
files have no mark, for the tools that would take it for part of the first column's name.
"""

from __future__ import annotations

import codecs
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd

FORMULA_START = r"^[=+\-@\t\r]"
BOM = codecs.BOM_UTF8  # b"\xef\xbb\xbf"


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Return `frame` with formula-like text cells prefixed by an apostrophe."""
    out = frame.copy()
    for name in out.columns:
        column = out[name]
        if pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column):
            continue
        text = column.astype("string")
        risky = text.str.contains(FORMULA_START, regex=True).fillna(False).astype(bool)
        if risky.any():
            out[name] = text.mask(risky, "'" + text)
    return out


def to_csv_bytes(frame: pd.DataFrame, header: bool = True, bom: bool = False) -> bytes:
    """The CSV of `frame`: UTF-8, a header row (unless `header` is False), no index, formulas neutralised;
    with `bom`, a UTF-8 byte-order mark first (for a download that Excel opens).

    Rows end with CRLF as RFC 4180 asks; this also makes the writer quote any cell holding a bare
    carriage return, which a reader would otherwise take for the end of the row.
    """
    text = neutralise_formulas(frame).to_csv(index=False, header=header, lineterminator="\r\n").encode("utf-8")
    return BOM + text if bom else text


def atomic_write(path: Path, write: Callable[[Path], None]) -> Path:
    """Call `write(tmp)` on a temporary file next to `path`, then rename it over `path`, so a crash
    never leaves a half-written file. The file gets the usual permissions (0644 under the umask)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        write(Path(tmp))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def csv_bytes_of_frames(frames: Iterable[pd.DataFrame], bom: bool = False) -> bytes:
    """The CSV of consecutive parts of one table (the header, and with `bom` the byte-order mark, before
    the first part), as one download."""
    parts = (to_csv_bytes(frame, header=number == 0) for number, frame in enumerate(frames))
    return (BOM if bom else b"") + b"".join(parts)


def write_csv_frames(frames: Iterable[pd.DataFrame], path: Path) -> Path:
    """Write consecutive parts of one table as one CSV at `path`, atomically, holding one part at a time.

    The header comes from the first part (give an empty frame for an empty table).
    """
    def write(tmp: Path) -> None:
        with tmp.open("wb") as out:
            for number, frame in enumerate(frames):
                out.write(to_csv_bytes(frame, header=number == 0))

    return atomic_write(path, write)


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write `frame` as CSV to `path` atomically (a temp file in the same folder, then a rename)."""
    return write_csv_frames([frame], path)
