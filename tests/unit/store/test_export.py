"""export.py: the one CSV writer, compared byte for byte, with formula cells neutralised."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from eventdesk import schema
from eventdesk.dashboard import filters, query
from eventdesk.store import export


def test_csv_bytes_exactly():
    frame = pd.DataFrame(
        {
            "name": pd.Series(["Islamic State", None, 'say "hi", then go'], dtype="string"),
            "count": pd.Series([84, None, -3], dtype="Int64"),
            "value": pd.Series([30.2832, None, -1.5], dtype="Float64"),
        }
    )
    assert export.to_csv_bytes(frame) == (
        b'name,count,value\r\nIslamic State,84,30.2832\r\n,,\r\n"say ""hi"", then go",-3,-1.5\r\n'
    )


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=HYPERLINK(\"http://x\")", b"\"'=HYPERLINK(\"\"http://x\"\")\""),
        ("+1+1", b"'+1+1"),
        ("-2+3", b"'-2+3"),
        ("@SUM(A1:A2)", b"'@SUM(A1:A2)"),
        ("\tcmd", b"'\tcmd"),
        ("\rcmd", b"\"'\rcmd\""),  # quoted: a bare CR would end the row
        ("line one\nline two", b"\"line one\nline two\""),
        ("a = b", b"a = b"),
        ("2024-01-03", b"2024-01-03"),
    ],
    ids=["equals", "plus", "minus", "at", "tab", "carriage-return", "newline", "inner-equals", "date"],
)
def test_formula_cells_get_a_leading_apostrophe(cell, written):
    data = export.to_csv_bytes(pd.DataFrame({"evidence": pd.Series([cell], dtype="string")}))
    assert data == b"evidence\r\n" + written + b"\r\n"


def test_numeric_columns_are_untouched():
    frame = pd.DataFrame({"count": pd.Series([-5], dtype="Int64"), "value": [-57.07], "note": ["-5"]})
    assert export.to_csv_bytes(frame) == b"count,value,note\r\n-5,-57.07,'-5\r\n"


def test_object_columns_are_neutralised_too():
    frame = pd.DataFrame({"x": ["=1", None, 3], "y": [1, 2, 3]})
    assert export.to_csv_bytes(frame) == b"x,y\r\n'=1,1\r\n,2\r\n3,3\r\n"


def test_neutralising_does_not_change_the_input():
    frame = pd.DataFrame({"x": pd.Series(["=1"], dtype="string")})
    export.to_csv_bytes(frame)
    assert frame.loc[0, "x"] == "=1"


def test_utf8_text_is_kept():
    frame = pd.DataFrame({"x": pd.Series(["Soleimani’s burial site — Kermān"], dtype="string")})
    assert export.to_csv_bytes(frame) == "x\r\nSoleimani’s burial site — Kermān\r\n".encode()


def test_a_download_starts_with_the_utf8_byte_order_mark():
    frame = pd.DataFrame({"place": pd.Series(["Kermān", "Zahedan"], dtype="string")})
    assert export.to_csv_bytes(frame, bom=True) == b"\xef\xbb\xbfplace\r\nKerm\xc4\x81n\r\nZahedan\r\n"
    assert export.to_csv_bytes(frame, bom=True).decode("utf-8-sig") == "place\r\nKermān\r\nZahedan\r\n"


def test_a_download_in_parts_has_one_mark_and_one_header():
    parts = [pd.DataFrame({"x": pd.Series(["Kermān"], dtype="string")}),
             pd.DataFrame({"x": pd.Series(["Quetta"], dtype="string")})]
    assert export.csv_bytes_of_frames(parts, bom=True) == b"\xef\xbb\xbfx\r\nKerm\xc4\x81n\r\nQuetta\r\n"
    assert export.csv_bytes_of_frames(parts) == b"x\r\nKerm\xc4\x81n\r\nQuetta\r\n"


def test_write_csv_writes_the_same_bytes_and_leaves_no_temp_file(tmp_path: Path):
    frame = pd.DataFrame({"x": pd.Series(["@a", "b"], dtype="string")})
    target = export.write_csv(frame, tmp_path / "out" / "events.csv")
    assert target.read_bytes() == export.to_csv_bytes(frame)
    assert [p.name for p in target.parent.iterdir()] == ["events.csv"]


def test_write_csv_keeps_the_old_file_when_writing_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    target = tmp_path / "events.csv"
    target.write_bytes(b"old\n")

    def broken(_frame: pd.DataFrame, header: bool = True) -> bytes:
        raise RuntimeError("disk full")

    monkeypatch.setattr(export, "to_csv_bytes", broken)
    with pytest.raises(RuntimeError):
        export.write_csv(pd.DataFrame({"x": [1]}), target)
    assert target.read_bytes() == b"old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]


def test_events_csv_round_trips_the_filtered_rows(seed_table: pd.DataFrame):
    view = filters.apply(seed_table, filters.Filter(actors=("Islamic State",)))
    parsed = pd.read_csv(io.BytesIO(query.events_csv(view)), dtype=str, keep_default_na=False)
    assert list(parsed.columns) == list(schema.INCIDENT_FIELDS)
    assert sorted(parsed[schema.EVENT_ID]) == sorted(view.to_frame()[schema.EVENT_ID])
    assert query.events_csv(view).startswith(export.BOM)
    assert export.to_csv_bytes(query.events_table(view), bom=True) == query.events_csv(view)
    assert set(parsed[schema.EVENT_TYPE]) >= {"bombing", "claim"}


def test_written_files_are_readable_by_others(tmp_path):
    target = export.write_csv(pd.DataFrame({"x": [1]}), tmp_path / "events.csv")
    assert target.stat().st_mode & 0o044 == 0o044
