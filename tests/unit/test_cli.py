"""Tests for eventdesk.cli: --version, the documented extract formats, and one output line per input line."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

import eventdesk
from eventdesk import cli, schema

ROOT = Path(__file__).resolve().parents[2]

BOMBING = {"id": "wire-1", "text": "A roadside bomb killed three soldiers near Kandahar on Monday, officials said.",
           "published": "2024-01-08"}
SHOOTING = {"text": "Gunmen shot dead two police officers in Peshawar on Tuesday."}
QUIET = {"id": "wire-3", "text": "The council met on Friday to discuss the new budget for schools."}


def run_main(argv: list[str], stdin: str, monkeypatch, capsys) -> tuple[int, list[str], list[str]]:
    """(exit status, stdout lines, stderr lines) of `main(argv)` with this text on stdin."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    status = cli.main(argv)
    out, err = capsys.readouterr()
    return status, out.splitlines(), err.splitlines()


def test_version_prints_the_package_version(capsys):
    with pytest.raises(SystemExit) as stopped:
        cli.main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out == f"eventdesk {cli.package_version()}\n"


def test_the_version_comes_from_the_package_metadata(monkeypatch):
    monkeypatch.setattr(cli.metadata, "version", lambda name: "9.8.7" if name == "eventdesk" else None)
    assert cli.package_version() == "9.8.7"


def test_without_package_metadata_the_version_is_the_modules(monkeypatch):
    def not_installed(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(cli.metadata, "version", not_installed)
    assert cli.package_version() == eventdesk.__version__


def test_extract_help_documents_the_input_and_output_formats(capsys):
    with pytest.raises(SystemExit):
        cli.main(["extract", "--help"])
    text = capsys.readouterr().out
    for field in ("text", "id", "published", "source", "url", "title"):
        assert f"\n  {field} " in text, field
    assert "exactly one JSON line per input line, in the same order" in text
    assert '{"id": ID, "events": [EVENT, ...]}' in text
    assert '{"id": ID or null, "error": MESSAGE}' in text


def test_extract_gives_the_events_of_each_article(monkeypatch, capsys):
    stdin = "".join(json.dumps(record) + "\n" for record in (BOMBING, QUIET))
    status, out, err = run_main(["extract"], stdin, monkeypatch, capsys)
    bombing, quiet = (json.loads(line) for line in out)
    assert (status, err) == (0, [])
    assert bombing["id"] == "wire-1"
    (event,) = bombing["events"]
    assert (event[schema.EVENT_TYPE], event[schema.KILLED], event[schema.LOCATION], event[schema.DATE]) == (
        "bombing", 3, "Kandahar", "2024-01-08")
    assert quiet == {"id": "wire-3", "events": []}


BAD_LINES = [
    pytest.param('{"id": "x9", "title": "no text here"}', {"id": "x9", "error": "line 2: no text: each article "
                 "needs a non-empty 'text' field"}, id="no-text-with-id"),
    pytest.param('{"id": 42, "text": "   "}', {"id": "42", "error": "line 2: no text: each article needs a "
                 "non-empty 'text' field"}, id="blank-text-numeric-id"),
    pytest.param('{"text": "cut off', {"id": None, "error": "line 2: malformed JSON: Unterminated string "
                 "starting at (column 10)"}, id="malformed-json"),
    pytest.param('["a", "list"]', {"id": None, "error": "line 2: expected a JSON object with a 'text' field, "
                 "found an array"}, id="not-an-object"),
    pytest.param('"just a string"', {"id": None, "error": "line 2: expected a JSON object with a 'text' field, "
                 "found a string"}, id="a-string"),
    pytest.param("", {"id": None, "error": "line 2: empty line: expected a JSON object with a 'text' field"},
                 id="empty-line"),
]


@pytest.mark.parametrize(("bad", "record"), BAD_LINES)
def test_a_bad_line_gives_an_error_line_in_its_place(bad, record, monkeypatch, capsys):
    stdin = f"{json.dumps(BOMBING)}\n{bad}\n{json.dumps(SHOOTING)}\n"
    status, out, err = run_main(["extract"], stdin, monkeypatch, capsys)
    first, second, third = (json.loads(line) for line in out)
    assert status == 1
    assert first["id"] == "wire-1" and len(first["events"]) == 1
    assert second == record
    assert third["id"] == eventdesk.articles.content_id(SHOOTING["text"])
    assert [e[schema.KILLED] for e in third["events"]] == [2]
    assert err == [f"error: <stdin>:2: {record['error'].removeprefix('line 2: ')}"]


def test_every_input_line_has_its_output_line_in_order(monkeypatch, capsys):
    lines = [json.dumps(QUIET), "nonsense", json.dumps(BOMBING), "", json.dumps({"id": "q2", **SHOOTING}), "[]"]
    status, out, err = run_main(["extract"], "\n".join(lines) + "\n", monkeypatch, capsys)
    records = [json.loads(line) for line in out]
    assert status == 1
    assert [r["id"] for r in records] == ["wire-3", None, "wire-1", None, "q2", None]
    assert ["error" in r for r in records] == [False, True, False, True, False, True]
    assert [line.split(":")[2] for line in err] == ["2", "4", "6"]


def test_the_command_runs_from_any_folder(tmp_path):
    """`python -m eventdesk extract` as a consumer runs it: in another folder, input piped, output aligned."""
    stdin = f"{json.dumps(BOMBING)}\n{{broken\n"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "eventdesk", "extract"], input=stdin, capture_output=True,
                          text=True, cwd=tmp_path, env=env, timeout=600)
    first, second = (json.loads(line) for line in done.stdout.splitlines())
    assert done.returncode == 1
    assert first["events"][0][schema.KILLED] == 3
    assert second == {"id": None, "error": "line 2: malformed JSON: Expecting property name enclosed in double "
                                           "quotes (column 2)"}
    assert "error: <stdin>:2: malformed JSON" in done.stderr


def test_assets_go_next_to_the_dashboard_script_given(tmp_path, capsys):
    from eventdesk.dashboard import assets

    (tmp_path / "dashboard.py").write_text("", encoding="utf-8")
    assert cli.main(["assets", "--dir", str(tmp_path)]) == 0
    vendor = tmp_path / "static" / "vendor"
    assert assets.missing_assets(vendor) == []
    assert (vendor / "leaflet" / "leaflet.js").stat().st_size > 10_000
    assert capsys.readouterr().out == f"map assets in {vendor}\n"
    assert cli.main(["assets", "--dir", str(tmp_path / "dashboard.py")]) == 0  # the script names its folder
    assert capsys.readouterr().out == f"map assets in {vendor}\n"


def test_assets_by_default_go_next_to_this_checkouts_dashboard(capsys):
    from eventdesk.dashboard import assets

    assert assets.PROJECT_DIR == ROOT and (ROOT / "dashboard.py").exists()
    assert cli.main(["assets"]) == 0
    assert capsys.readouterr().out == f"map assets in {ROOT / 'static' / 'vendor'}\n"
    assert assets.missing_assets(ROOT / "static" / "vendor") == []


def test_assets_into_a_missing_folder_says_what_to_give(tmp_path, capsys):
    assert cli.main(["assets", "--dir", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'nowhere'}: no such folder" in err and "dashboard.py" in err
    assert not (tmp_path / "nowhere").exists()
