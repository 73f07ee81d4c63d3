"""Exports that plug into other tools: the event table (or a filtered view of it) as one file.

    csv      every column of the event table (schema.INCIDENT_COLUMNS)
    acled    ACLED-shaped CSV (schema.ACLED_COLUMNS): types through eventdesk/data/acled_crosswalk.csv
    ucdp     UCDP GED-shaped CSV (schema.UCDP_COLUMNS)
    geojson  one Feature per event with coordinates (its properties: GEOJSON_PROPERTIES), for QGIS and web maps
    xlsx     every column on the sheet "events", what each means on the sheet "columns" (openpyxl)

Every format holds the view's rows (the GeoJSON those with coordinates) in table order (by date,
undated last) and neutralises the same cells: text that a spreadsheet would run as a formula gets a leading apostrophe
(`export.neutralise_formulas`), in the GeoJSON properties and the workbook's cells as in the CSV.
The CSV files are the store's CSV (UTF-8, CRLF) with a byte-order mark, as the dashboard's downloads.
Rows are read from the database a batch at a time (`View.batches`) and written as they come.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pandas as pd

from eventdesk import schema
from eventdesk.data import reference_file
from eventdesk.extract import lexicon
from eventdesk.schema import Column
from eventdesk.store import export, tables

CROSSWALK = "acled_crosswalk.csv"
# ACLED codes an attack on organised armed people (soldiers, police, an armed group) as a battle: a
# target is armed when the registry says so, or when its description names such people.
ARMED_TARGET_TYPES = frozenset({"state", "security_forces", "armed_group"})
ARMED_TARGET_WORDS = (
    r"\b(?:police|policem[ae]n|soldiers?|troops|army|military|security forces|militiam[ae]n|"
    r"(?:" + "|".join(lexicon.COMBATANTS + lexicon.IRREGULARS) + r")s?)\b"
)
# Unarmed people as a report names them ("crowded market (people)", "worshippers"): ACLED's civilian targeting,
# unless the target is also armed.
CIVILIANS = "civilians"
CIVILIAN_WORDS = (r"\b(?:civilians?|people|persons|villagers?|residents|worshipp?ers|pilgrims|mourners|students|"
                  r"pupils|children|women|passengers|shoppers|commuters|farmers|herders|fishermen|traders|"
                  r"journalists?|aid workers?|health workers?|family|families|crowds?|protesters|demonstrators|"
                  r"bystanders|passers-by|guests|spectators)\b")
ANY_TARGET, ARMED_TARGET = "any", "armed"
ACLED_TIME_PRECISION = {"day": 1, "month": 3}
ACLED_GEO_PRECISION = {"point": 1, "city": 1, "admin1": 3}
UCDP_DATE_PRECISION = {"day": 1, "month": 4, "year": 5}
UCDP_WHERE_PRECISION = {"point": 1, "city": 1, "admin1": 4, "country": 6}
XLSX_MAX_ROWS = 1_048_575  # a worksheet's rows, less the header
XLSX_MAX_TEXT = 32_767  # characters in one cell
XLSX_EVENTS_SHEET, XLSX_COLUMNS_SHEET = "events", "columns"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

_READ = (*schema.INCIDENT_FIELDS, tables.START_SQL, tables.END_SQL)


class ExportError(ValueError):
    """The view cannot be written in the format asked for; the message says what to do."""


# ---------------------------------------------------------------------------------------------
# The ACLED crosswalk
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Crosswalk:
    """One row of the crosswalk: our type (for a target of this kind) as ACLED's type and sub-type."""

    event_type: str
    target: str
    acled_event_type: str
    acled_sub_event_type: str
    note: str


@functools.lru_cache(maxsize=1)
def read_crosswalk() -> dict[tuple[str, str], Crosswalk]:
    """The crosswalk by (our event type, "any" or "armed"); every type of the taxonomy has an "any" row."""
    with reference_file(CROSSWALK).open(encoding="utf-8", newline="") as handle:
        rows = [Crosswalk(**row) for row in csv.DictReader(handle)]
    table = {(row.event_type, row.target): row for row in rows}
    missing = [t for t in schema.EVENT_TYPES if (t, ANY_TARGET) not in table]
    if missing:
        raise RuntimeError(f"{CROSSWALK}: no row for the event types {', '.join(missing)}")
    return table


def armed_targets(targets: pd.Series, target_types: pd.Series) -> pd.Series:
    """Whether each row's target (actor2) is organised armed people, by its registry type or its description."""
    named = target_types.isin(ARMED_TARGET_TYPES).fillna(False).astype(bool)
    described = targets.astype("string").str.contains(ARMED_TARGET_WORDS, case=False, regex=True)
    return named | described.fillna(False).astype(bool)


def civilian_targets(targets: pd.Series, target_types: pd.Series) -> pd.Series:
    """Whether each row's target is civilians, by its registry type or its description ("market (civilians)")."""
    named = target_types.eq(CIVILIANS).fillna(False).astype(bool)
    described = targets.astype("string").str.contains(CIVILIAN_WORDS, case=False, regex=True)
    return named | described.fillna(False).astype(bool)


def acled_types(event_types: pd.Series, armed_target: pd.Series) -> tuple[pd.Series, pd.Series]:
    """ACLED's event type and sub-event type of each row, by its event type and whether its target is armed."""
    table = read_crosswalk()
    armed = armed_target.to_numpy(dtype=bool)
    rows = [table.get((kind, ARMED_TARGET)) if hard else None for kind, hard in zip(event_types, armed, strict=True)]
    rows = [row or table.get((kind, ANY_TARGET)) for row, kind in zip(rows, event_types, strict=True)]
    index = event_types.index
    return (pd.Series([r.acled_event_type if r else pd.NA for r in rows], index=index, dtype="string"),
            pd.Series([r.acled_sub_event_type if r else pd.NA for r in rows], index=index, dtype="string"))


# ---------------------------------------------------------------------------------------------
# The shapes
# ---------------------------------------------------------------------------------------------


def _day(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values).dt.strftime("%Y-%m-%d").astype("string")


def _coded(values: pd.Series, codes: dict[str, int]) -> pd.Series:
    return values.map(codes).astype("Int64")


def _declared(shaped: pd.DataFrame, columns: tuple[Column, ...]) -> pd.DataFrame:
    """`shaped` in the declared columns' order and types; a name not declared in schema.py fails loudly."""
    odd = set(shaped.columns) ^ {c.name for c in columns}
    if odd:
        raise RuntimeError(f"export columns out of step with schema.py: {sorted(odd)}")
    return schema.conform(shaped, columns)


def _marks(rows: pd.DataFrame) -> dict[str, pd.Series]:
    """What an analyst corrected or verified, carried by every shaped export under our own names."""
    return {c.name: rows[c.name] for c in schema.MARK_COLUMNS}


def acled_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """Event rows (with `_start`) in ACLED's columns (schema.ACLED_COLUMNS)."""
    precision, geo = rows[schema.DATE_PRECISION], rows[schema.GEO_PRECISION]
    located = geo.isin(list(ACLED_GEO_PRECISION)).fillna(False)
    armed = armed_targets(rows[schema.ACTOR2], rows[schema.ACTOR2_TYPE])
    event_type, sub_event_type = acled_types(rows[schema.EVENT_TYPE], armed)
    shaped = pd.DataFrame({
        "event_id_cnty": rows[schema.EVENT_ID],
        "event_date": _day(rows[tables.START_SQL]).where(precision.isin(list(ACLED_TIME_PRECISION))),
        "year": pd.to_datetime(rows[tables.START_SQL]).dt.year.astype("Int64"),
        "time_precision": _coded(precision, ACLED_TIME_PRECISION),
        "event_type": event_type, "sub_event_type": sub_event_type,
        "actor1": rows[schema.ACTOR1], "actor2": rows[schema.ACTOR2],
        "civilian_targeting": pd.Series("Civilian targeting", index=rows.index, dtype="string").where(
            civilian_targets(rows[schema.ACTOR2], rows[schema.ACTOR2_TYPE]) & ~armed
            & rows[schema.EVENT_TYPE].isin(schema.VIOLENT_TYPES).fillna(False).astype(bool)),
        "country": rows[schema.COUNTRY], "admin1": rows[schema.ADMIN1], "location": rows[schema.LOCATION],
        "latitude": rows[schema.LAT].where(located), "longitude": rows[schema.LON].where(located),
        "geo_precision": _coded(geo, ACLED_GEO_PRECISION),
        "source": rows[schema.SOURCE], "notes": rows[schema.EVIDENCE], "fatalities": rows[schema.KILLED_LOW],
        **_marks(rows),
    }, index=rows.index)
    return _declared(shaped, schema.ACLED_COLUMNS)


def ucdp_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """Event rows (with `_start` and `_end`) in UCDP GED's columns (schema.UCDP_COLUMNS)."""
    shaped = pd.DataFrame({
        "id": rows[schema.EVENT_ID],
        "year": pd.to_datetime(rows[tables.START_SQL]).dt.year.astype("Int64"),
        "date_prec": _coded(rows[schema.DATE_PRECISION], UCDP_DATE_PRECISION),
        "date_start": _day(rows[tables.START_SQL]), "date_end": _day(rows[tables.END_SQL]),
        "side_a": rows[schema.ACTOR1], "side_b": rows[schema.ACTOR2],
        "country": rows[schema.COUNTRY], "adm_1": rows[schema.ADMIN1], "where_coordinates": rows[schema.LOCATION],
        "latitude": rows[schema.LAT], "longitude": rows[schema.LON],
        "where_prec": _coded(rows[schema.GEO_PRECISION], UCDP_WHERE_PRECISION),
        "best": rows[schema.KILLED_BEST], "low": rows[schema.KILLED_LOW], "high": rows[schema.KILLED_HIGH],
        "source_office": rows[schema.SOURCE], "source_date": rows[schema.PUBLISHED],
        **_marks(rows),
    }, index=rows.index)
    return _declared(shaped, schema.UCDP_COLUMNS)


# A GeoJSON Feature's properties: what the event is, its place and precision, its figures, its evidence and source.
GEOJSON_PROPERTIES: tuple[str, ...] = (
    schema.EVENT_ID, schema.EVENT_TYPE, schema.DATE, schema.DATE_PRECISION, schema.ACTOR1, schema.ACTOR1_TYPE,
    schema.ACTOR2, schema.ACTOR2_TYPE, schema.CLAIMED_BY, schema.LOCATION, schema.ADMIN1, schema.COUNTRY,
    schema.COUNTRY_ISO2, schema.COUNTRY_ISO3, schema.GEONAMEID, schema.GEO_PRECISION,
    schema.KILLED, schema.KILLED_QUALIFIER, schema.KILLED_LOW, schema.KILLED_BEST, schema.KILLED_HIGH,
    schema.INJURED, schema.INJURED_QUALIFIER, schema.INJURED_LOW, schema.INJURED_BEST, schema.INJURED_HIGH,
    schema.N_REPORTS, schema.N_SOURCES, schema.SOURCE, schema.PUBLISHED, schema.ARTICLE_ID,
    schema.EVIDENCE, schema.EVIDENCE_START, schema.EVIDENCE_END, *(c.name for c in schema.MARK_COLUMNS),
)
_GEOJSON_COLUMNS = tuple(c for c in schema.INCIDENT_COLUMNS if c.name in GEOJSON_PROPERTIES)


def geojson_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows with coordinates: their GeoJSON properties (GEOJSON_PROPERTIES), then lat and lon."""
    located = rows[(rows[schema.LAT].notna() & rows[schema.LON].notna()).to_numpy(dtype=bool)]
    return schema.conform(located, (*_GEOJSON_COLUMNS, *(c for c in schema.INCIDENT_COLUMNS
                                                          if c.name in (schema.LAT, schema.LON))))


def event_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """Event rows in the event table's own columns (schema.INCIDENT_COLUMNS)."""
    return schema.conform(rows, schema.INCIDENT_COLUMNS)


# ---------------------------------------------------------------------------------------------
# The writers
# ---------------------------------------------------------------------------------------------


def _write_csv(frames: Iterable[pd.DataFrame], out: BinaryIO) -> None:
    out.write(export.BOM)
    for number, frame in enumerate(frames):
        out.write(export.to_csv_bytes(frame, header=number == 0))


def _records(frame: pd.DataFrame) -> list[dict]:
    """The rows as dicts of plain values, formulas neutralised and missing values None."""
    cells = export.neutralise_formulas(frame).astype(object)
    return cells.where(frame.notna(), None).to_dict("records")


def _feature(record: dict) -> dict:
    lon, lat = record.pop(schema.LON), record.pop(schema.LAT)
    return {"type": "Feature", "id": record[schema.EVENT_ID], "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": record}


def _write_geojson(frames: Iterable[pd.DataFrame], out: BinaryIO) -> None:
    """A FeatureCollection (RFC 7946: WGS84, longitude first), written a feature at a time."""
    out.write(b'{"type": "FeatureCollection", "features": [')
    separator = b"\n"
    for frame in frames:
        for record in _records(frame):
            out.write(separator + json.dumps(_feature(record), ensure_ascii=False).encode("utf-8"))
            separator = b",\n"
    out.write(b"\n]}\n")


def _xlsx_cell(value: object) -> object:
    """A value as a worksheet cell takes it: text without the control characters XML forbids, cut to a
    cell's 32,767 characters."""
    if not isinstance(value, str):
        return value
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    return text if len(text) <= XLSX_MAX_TEXT else text[:XLSX_MAX_TEXT - 1] + "…"


def _write_xlsx(frames: Iterable[pd.DataFrame], out: BinaryIO) -> None:
    """A workbook: the rows on the sheet "events", what each column means on the sheet "columns"."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet, meanings = book.create_sheet(XLSX_EVENTS_SHEET), book.create_sheet(XLSX_COLUMNS_SHEET)
    for number, frame in enumerate(frames):
        if number == 0:
            sheet.append(list(frame.columns))
        for record in _records(frame):
            sheet.append([_xlsx_cell(value) for value in record.values()])
    meanings.append(["column", "type", "meaning"])
    for column in schema.INCIDENT_COLUMNS:
        meanings.append([column.name, column.dtype, column.description])
    book.save(out)


@dataclass(frozen=True)
class Format:
    """One export format: its file, and the rows it holds."""

    name: str
    label: str  # the download button's words
    suffix: str
    mime: str
    columns: tuple[Column, ...]  # what each row holds (the XLSX's second sheet says what they mean)
    shape: Callable[[pd.DataFrame], pd.DataFrame]
    write: Callable[[Iterable[pd.DataFrame], BinaryIO], None]
    max_rows: int | None = None  # the most rows the file can hold

    def file_name(self, stem: str = "events") -> str:
        return f"{stem}{self.suffix}"


FORMATS: dict[str, Format] = {
    "csv": Format("csv", "CSV", ".csv", "text/csv", schema.INCIDENT_COLUMNS, event_rows, _write_csv),
    "acled": Format("acled", "ACLED-shaped CSV", "-acled.csv", "text/csv", schema.ACLED_COLUMNS, acled_rows,
                    _write_csv),
    "ucdp": Format("ucdp", "UCDP-shaped CSV", "-ucdp.csv", "text/csv", schema.UCDP_COLUMNS, ucdp_rows, _write_csv),
    "geojson": Format("geojson", "GeoJSON", ".geojson", "application/geo+json", _GEOJSON_COLUMNS, geojson_rows,
                      _write_geojson),
    "xlsx": Format("xlsx", "Excel workbook", ".xlsx", XLSX_MIME, schema.INCIDENT_COLUMNS, event_rows, _write_xlsx,
                   XLSX_MAX_ROWS),
}


def format_of(name: str) -> Format:
    """The export format called `name`; an ExportError lists them when there is none."""
    if name not in FORMATS:
        raise ExportError(f"unknown export format {name!r}: use one of {', '.join(FORMATS)}")
    return FORMATS[name]


def fits(view: tables.View, name: str) -> bool:
    """Whether the view's rows fit in a file of the format (a worksheet holds 1,048,575)."""
    limit = format_of(name).max_rows
    return limit is None or len(view) <= limit


def _checked(view: tables.View, name: str) -> Format:
    fmt = format_of(name)
    if not fits(view, name):
        raise ExportError(f"{len(view):,} events do not fit in one {fmt.label} (at most {fmt.max_rows:,}): "
                          "narrow the filter, or export CSV")
    return fmt


def _shaped(view: tables.View, fmt: Format) -> Iterator[pd.DataFrame]:
    """The view's rows in the format's shape, a batch at a time (an empty frame for an empty view)."""
    empty = True
    for batch in view.batches(list(_READ), order=tables.ROW_SQL):
        empty = False
        yield fmt.shape(batch.reset_index(drop=True))
    if empty:
        yield schema.empty_frame(fmt.columns)


def export_bytes(view: tables.View, name: str) -> bytes:
    """The view as one file of the format called `name`, in memory (a download)."""
    fmt = _checked(view, name)
    out = io.BytesIO()
    fmt.write(_shaped(view, fmt), out)
    return out.getvalue()


def write_export(view: tables.View, name: str, path: Path) -> Path:
    """Write the view as a file of the format called `name` at `path`, atomically (a crash leaves no half file)."""
    fmt = _checked(view, name)

    def write(tmp: Path) -> None:
        with tmp.open("wb") as out:
            fmt.write(_shaped(view, fmt), out)

    return export.atomic_write(Path(path), write)
