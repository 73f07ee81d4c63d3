"""access.py: the read-only desk and the editor password; the library's writes refuse on a read-only desk,
and each decision keeps who made it."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from eventdesk import schema
from eventdesk.store import access, store, uploads

UPLOADS = Path(__file__).resolve().parents[2] / "fixtures" / "uploads"
DAWN = UPLOADS / "2024-02-09_dawn_peshawar.json"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(None, False, id="unset"), pytest.param("", False, id="empty"),
        pytest.param("0", False, id="zero"), pytest.param(" False ", False, id="false"),
        pytest.param("off", False, id="off"), pytest.param("1", True, id="one"),
        pytest.param("true", True, id="true"), pytest.param("YES", True, id="yes"),
        pytest.param("readonly", True, id="anything-else-is-read-only"),
    ],
)
def test_the_desk_is_read_only_unless_the_variable_says_no(value, expected):
    environ = {} if value is None else {access.READONLY_ENV: value}
    assert access.read_only(environ) is expected


def test_a_write_on_a_read_only_desk_is_refused_saying_why():
    with pytest.raises(access.ReadOnlyError, match=r"^merging incidents a, b refused: the desk is read-only "
                                                   r"\(EVENTDESK_READONLY is set\)"):
        access.check_writable("merging incidents a, b", {access.READONLY_ENV: "1"})
    access.check_writable("merging incidents a, b", {})  # a writable desk: nothing raised
    assert issubclass(access.ReadOnlyError, store.StoreError)  # the pages' StoreError handling shows it


def test_the_editor_password_comes_from_the_environment_and_is_compared_exactly():
    assert access.editor_password({access.PASSWORD_ENV: "s3cret ünïcode"}) == "s3cret ünïcode"
    assert access.editor_password({access.PASSWORD_ENV: ""}) is None and access.editor_password({}) is None
    assert access.password_ok("s3cret ünïcode", "s3cret ünïcode")
    assert not access.password_ok("s3cret unicode", "s3cret ünïcode")
    assert not access.password_ok("s3cret ünïcode ", "s3cret ünïcode")
    assert not access.password_ok("", "s3cret ünïcode")


@pytest.mark.parametrize(
    ("name", "given", "message"),
    [
        pytest.param("  ", "pw", "Give your name", id="no-name"),
        pytest.param(None, "pw", "Give your name", id="name-missing"),
        pytest.param("x" * 81, "pw", "longer than 80 characters", id="name-too-long"),
        pytest.param("Amina Yusuf", "PW", "Wrong editor password", id="wrong-password"),
        pytest.param("Amina Yusuf", None, "Wrong editor password", id="no-password"),
    ],
)
def test_signing_in_needs_a_name_and_the_password(name, given, message):
    with pytest.raises(ValueError, match=message):
        access.sign_in(name, given, "pw")


def test_signing_in_gives_the_editors_name_tidied():
    assert access.sign_in("  Amina   Yusuf ", "pw", "pw") == "Amina Yusuf"


def test_split_and_merge_refuse_on_a_read_only_desk_and_change_nothing(corpus_copy, monkeypatch):
    events = store.load_events(corpus_copy)
    files = {name: (corpus_copy / name).read_bytes() for name in (store.EVENTS_PARQUET, store.REPORTS_PARQUET)}
    first, second = events[schema.EVENT_ID].iloc[0], events[schema.EVENT_ID].iloc[1]
    reports = store.event_members(corpus_copy, first)[schema.REPORT_ID].tolist()
    monkeypatch.setenv(access.READONLY_ENV, "1")
    with pytest.raises(access.ReadOnlyError, match=f"splitting incident {first} refused: the desk is read-only"):
        store.split_event(corpus_copy, first, reports[:1])
    with pytest.raises(access.ReadOnlyError, match="merging incidents .* refused: the desk is read-only"):
        store.merge_events(corpus_copy, [first, second])
    assert {name: (corpus_copy / name).read_bytes() for name in files} == files
    assert store.load_decisions(corpus_copy).empty


def test_an_upload_to_a_read_only_desk_is_refused_and_the_store_untouched(tmp_path, monkeypatch):
    monkeypatch.setenv(access.READONLY_ENV, "1")
    outcome = uploads.add_articles([(DAWN.name, DAWN.read_bytes())], None, tmp_path)
    assert outcome.refused.startswith("adding 1 article to ") and "the desk is read-only" in outcome.refused
    assert outcome.notices() == [(uploads.ERROR, f"Nothing was added: {outcome.refused}. The store is unchanged.")]
    assert list(tmp_path.iterdir()) == []


def test_each_decision_keeps_who_made_it(corpus_copy):
    events = store.load_events(corpus_copy).sort_values(schema.N_REPORTS, ascending=False)
    bombing = events[schema.EVENT_ID].iloc[0]
    leaving = store.event_members(corpus_copy, bombing)[schema.REPORT_ID].tolist()[-1:]
    kept, new = store.split_event(corpus_copy, bombing, leaving, note="a second blast", by="Amina Yusuf")
    store.merge_events(corpus_copy, [kept, new])
    decisions = store.load_decisions(corpus_copy)
    assert list(decisions[schema.ACTION]) == ["split", "merge"]
    assert decisions[schema.MADE_BY].tolist()[0] == "Amina Yusuf"
    assert decisions[schema.MADE_BY].isna().tolist() == [False, True]  # no editor named: left empty


def test_a_store_made_before_decisions_kept_their_editor_reads_them_without(corpus_copy):
    bombing = store.load_events(corpus_copy).sort_values(schema.N_REPORTS, ascending=False)[schema.EVENT_ID].iloc[0]
    store.split_event(corpus_copy, bombing, store.event_members(corpus_copy, bombing)[schema.REPORT_ID].tolist()[:1])
    with duckdb.connect(str(corpus_copy / store.DATABASE)) as db:
        db.execute(f"ALTER TABLE decisions DROP COLUMN {schema.MADE_BY}")
    old = store.load_decisions(corpus_copy)
    assert list(old[schema.ACTION]) == ["split"] and old[schema.MADE_BY].isna().all()
    events = store.load_events(corpus_copy)
    store.merge_events(corpus_copy, events[schema.EVENT_ID].iloc[:2].tolist(), by="Editor Two")
    assert store.load_decisions(corpus_copy)[schema.MADE_BY].tolist()[1] == "Editor Two"
