"""A desk that is safe to share: a read-only desk shows no write on any page, and an editor password gates
every write, once a session, with the editor's name kept on each decision."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from eventdesk import schema
from eventdesk.dashboard import keys
from eventdesk.store import access, store
from tests.app.actions import click

UPLOADS = Path(__file__).resolve().parents[1] / "fixtures" / "uploads"
DAWN = UPLOADS / "2024-02-09_dawn_peshawar.json"
PAGES = ("overview", "timeline", "map", "casualties", "actors", "events", "upload")
WRITE_BUTTONS = {"Add to the store", "Split them off", "Merge the two events", "Save the corrections", "Undo it"}
PASSWORD = "correct horse battery staple"


def write_widgets(app: AppTest) -> list[str]:
    """What on the page could change the store: its uploader, paste box and write buttons."""
    found = [f"uploader {u.label}" for u in app.file_uploader] + [f"text area {t.label}" for t in app.text_area]
    found += [f"button {b.label}" for b in app.button if b.label in WRITE_BUTTONS]
    return found + [f"expander {e.label}" for e in app.expander if "Split" in e.label or "Correct" in e.label]


def sign_in(app: AppTest, name: str, password: str) -> AppTest:
    app.text_input(key=keys.EDITOR_NAME_KEY).input(name)
    app.text_input(key=keys.EDITOR_PASSWORD_KEY).input(password)
    return click(app, "Sign in to edit")


@pytest.mark.parametrize("page", PAGES)
def test_a_read_only_desk_shows_no_write_on_any_page(page, open_store_page, corpus_store, monkeypatch):
    monkeypatch.setenv(access.READONLY_ENV, "1")
    app = open_store_page(corpus_store, page)
    assert write_widgets(app) == []
    if page in ("upload", "events"):
        assert access.READ_ONLY_MESSAGE in [i.value for i in app.info]


def test_the_same_pages_show_their_writes_on_an_ordinary_desk(open_store_page, corpus_store):
    assert write_widgets(open_store_page(corpus_store, "upload")) == [
        "uploader Article files", "text area Article text", "button Add to the store"]
    assert write_widgets(open_store_page(corpus_store, "events")) == [
        "button Split them off", "button Merge the two events", "button Save the corrections", "button Undo it",
        "expander Wrongly merged? Split reports off, or merge with another event",
        "expander A wrong value? Correct it, or mark the event verified"]


def test_the_upload_page_of_a_read_only_desk_says_so_and_still_counts_the_store(open_store_page, corpus_store,
                                                                                monkeypatch):
    monkeypatch.setenv(access.READONLY_ENV, "true")
    app = open_store_page(corpus_store, "upload")
    assert [i.value for i in app.info] == [access.READ_ONLY_MESSAGE]
    assert {m.label: m.value for m in app.metric}["Events in the store"] == "4"


def test_the_editor_password_gates_uploads_and_decisions_once_a_session(open_store_page, corpus_store, writable,
                                                                         monkeypatch):
    folder = writable(corpus_store)
    monkeypatch.setenv(access.PASSWORD_ENV, PASSWORD)
    app = open_store_page(folder, "upload")
    assert write_widgets(app) == []
    assert [b.label for b in app.main.button] == ["Sign in to edit"]

    sign_in(app, "Amina Yusuf", "correct horse")
    assert [e.value for e in app.error] == ["Wrong editor password. Ask whoever runs this desk for it."]
    assert write_widgets(app) == []
    assert app.text_input(key=keys.EDITOR_PASSWORD_KEY).value == ""  # not kept in the form

    sign_in(app, "Amina Yusuf", PASSWORD)
    assert len(app.error) == 0 and "uploader Article files" in write_widgets(app)
    app.file_uploader[0].upload(DAWN.name, DAWN.read_bytes(), "application/json")
    click(app, "Add to the store")
    assert "1 new article stored" in app.success[0].value

    app.switch_page("pages/events.py")
    app.run()  # the same session: no second sign-in
    assert "button Merge the two events" in write_widgets(app)
    assert "Sign in to edit" not in [b.label for b in app.button]
    events = store.load_events(folder)
    quetta = events[(events[schema.LOCATION] == "Quetta").fillna(False)][schema.EVENT_ID].tolist()
    app.selectbox(key=keys.EVENT_KEY).set_value(quetta[0]).run()
    app.selectbox(key=keys.keyed(keys.MERGE_WITH_KEY, 0)).set_value(quetta[1]).run()  # the first round
    click(app, "Merge the two events")
    assert "Merged the two events" in app.success[0].value
    decisions = store.load_decisions(folder)
    assert decisions[[schema.ACTION, schema.MADE_BY]].values.tolist() == [["merge", "Amina Yusuf"]]
    assert app.dataframe[-1].value[schema.MADE_BY].tolist() == ["Amina Yusuf"]  # the decisions shown


def test_a_new_session_asks_again(open_store_page, corpus_store, monkeypatch):
    monkeypatch.setenv(access.PASSWORD_ENV, PASSWORD)
    sign_in(open_store_page(corpus_store, "upload"), "Amina Yusuf", PASSWORD)
    again = open_store_page(corpus_store, "events")
    assert write_widgets(again) == [] and "Sign in to edit" in [b.label for b in again.button]


def test_signing_in_without_a_name_is_refused(open_store_page, corpus_store, monkeypatch):
    monkeypatch.setenv(access.PASSWORD_ENV, PASSWORD)
    app = sign_in(open_store_page(corpus_store, "upload"), "  ", PASSWORD)
    assert [e.value for e in app.error] == ["Give your name: it is kept with each decision you make."]
    assert write_widgets(app) == []


def test_the_password_may_come_from_streamlit_secrets(corpus_store, monkeypatch, dashboard):
    from eventdesk.dashboard import ui

    monkeypatch.setenv(ui.STORE_ENV, str(corpus_store))
    monkeypatch.delenv(access.PASSWORD_ENV, raising=False)
    app = dashboard()
    app.secrets[access.PASSWORD_SECRET] = PASSWORD
    app.switch_page("pages/upload.py")
    app.run()
    assert write_widgets(app) == [] and "Sign in to edit" in [b.label for b in app.button]
    sign_in(app, "Desk editor", PASSWORD)
    assert "uploader Article files" in write_widgets(app)


def test_a_broken_secrets_file_locks_the_writes_and_says_why(corpus_store, monkeypatch, dashboard, tmp_path):
    from streamlit import config

    from eventdesk.dashboard import ui

    broken = tmp_path / "secrets.toml"
    broken.write_text('editor_password = "unterminated\n', encoding="utf-8")
    monkeypatch.setenv(ui.STORE_ENV, str(corpus_store))
    monkeypatch.delenv(access.PASSWORD_ENV, raising=False)
    files = config.get_option("secrets.files")
    config.set_option("secrets.files", [str(broken)])
    try:
        app = dashboard()
        app.switch_page("pages/upload.py")
        app.run()
    finally:
        config.set_option("secrets.files", files)
    assert write_widgets(app) == []
    assert any(f"Error parsing secrets file at {broken}" in e.value for e in app.exception)
