"""Upload page: files and pasted text go into the store, every page then shows them; bad files are named."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from eventdesk import schema
from eventdesk.dashboard import keys
from eventdesk.store import store, uploads
from tests.app.actions import click, metrics

UPLOADS = Path(__file__).resolve().parents[1] / "fixtures" / "uploads"
DAWN = UPLOADS / "2024-02-09_dawn_peshawar.json"
AP = UPLOADS / "2024-02-10_ap_peshawar.csv"
BROKEN = ("broken.json", b'{"title": "Blast", "text": "A bomb exploded', "application/json")


def upload(app: AppTest, *files: tuple[str, bytes, str]) -> AppTest:
    uploader = app.file_uploader[0]
    for name, data, mime in files:
        uploader.upload(name, data, mime)
    return click(app, "Add to the store")


def as_upload(path: Path) -> tuple[str, bytes, str]:
    return path.name, path.read_bytes(), "text/plain"


def peshawar(events: pd.DataFrame) -> pd.DataFrame:
    return events[(events[schema.LOCATION] == "Peshawar").fillna(False).to_numpy(dtype=bool)]


def test_the_page_states_the_limits_and_the_store_size(open_store_page, seed_store, seed_table):
    app = open_store_page(seed_store, "upload")
    limits = " ".join(c.value for c in app.caption)
    assert f"up to {uploads.MAX_UPLOAD_MB} MB each" in limits and ".jsonl" in limits
    assert metrics(app)["Events in the store"] == str(len(seed_table))
    assert app.file_uploader[0].allowed_type == [".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv"]


def test_two_uploaded_reports_of_one_incident_become_one_merged_event(open_store_page, seed_store, writable):
    folder = writable(seed_store)
    before = store.load_events(folder)
    app = open_store_page(folder, "upload")
    upload(app, as_upload(DAWN), as_upload(AP))

    shown = metrics(app)
    assert shown["New articles"] == "2" and shown["Skipped (already stored)"] == "0"
    assert shown["Events"] == str(len(before) + 1)
    assert shown["Events in the store"] == str(len(before) + 1)
    assert shown["Merged incidents"] == "1"
    assert "2 new articles stored" in app.success[0].value
    changed = app.dataframe[0].value
    assert list(changed[schema.LOCATION]) == ["Peshawar"]
    assert changed.iloc[0][[schema.KILLED_LOW, schema.KILLED_BEST, schema.KILLED_HIGH, schema.N_SOURCES]].tolist() \
        == [7, 11, 11, 2]
    assert len(app.file_uploader[0].value) == 0  # the uploader is emptied for the next files

    after = store.load_events(folder)
    assert len(after) == len(before) + 1
    assert set(before[schema.EVENT_ID]) <= set(after[schema.EVENT_ID])
    app.switch_page("pages/events.py")
    app.session_state[keys.SHOW_ALL_COLUMNS_KEY] = True  # the incident's figure columns are among all columns
    app.run()
    app.toggle[0].set_value(True).run()  # every column, as the CSV has them
    table = app.dataframe[0].value
    assert list(peshawar(table)[schema.EVENT_ID]) == list(peshawar(after)[schema.EVENT_ID])
    assert peshawar(table).iloc[0][[schema.KILLED_BEST, schema.INJURED_BEST, schema.N_REPORTS]].tolist() == [11, 26, 2]


def test_uploading_the_same_files_again_adds_nothing(open_store_page, seed_store, writable):
    folder = writable(seed_store)
    app = open_store_page(folder, "upload")
    upload(app, as_upload(DAWN), as_upload(AP))
    n_events = len(store.load_events(folder))
    upload(app, as_upload(DAWN), as_upload(AP))
    shown = metrics(app)
    assert (shown["New articles"], shown["Skipped (already stored)"], shown["Events"]) == ("0", "2", str(n_events))
    assert len(app.success) == 0  # nothing new is no success
    (notice,) = app.info
    assert notice.value.startswith("Nothing new was added: 2 articles already in the store")
    assert "2024-02-09_dawn_peshawar.json (Bomb kills seven at Peshawar market)" in notice.value
    assert "2024-02-10_ap_peshawar.csv (Peshawar market bombing toll rises to 11)" in notice.value


def test_a_pasted_article_already_stored_is_a_notice(open_store_page, seed_store, writable):
    folder = writable(seed_store)
    app = open_store_page(folder, "upload")
    text = "Security forces killed four suspected kidnappers in a shootout in Zamfara state, police said on Sunday."
    for _ in range(2):
        app.text_area[0].input(text)
        click(app, "Add to the store")
    assert len(app.success) == 0
    assert [i.value for i in app.info] == [
        "Nothing new was added: 1 article already in the store (same text or same URL), not added again: pasted text."]


def test_pasted_text_over_the_limit_is_refused_by_the_app_and_kept(open_store_page, seed_store, writable):
    folder = writable(seed_store)
    before = (folder / store.EVENTS_PARQUET).read_bytes()
    app = open_store_page(folder, "upload")
    long_text = "Unidentified gunmen opened fire on a minibus near Bamenda. " * (uploads.MAX_PASTED_CHARS // 58 + 1)
    app.text_area[0].input(long_text)
    click(app, "Add to the store")
    (error,) = app.error
    assert "pasted text: text longer than 2,000,000 characters" in error.value
    assert len(app.success) == 0
    assert app.text_area[0].value == long_text  # kept, to be shortened
    assert (folder / store.EVENTS_PARQUET).read_bytes() == before


def test_a_bad_file_is_named_and_the_table_is_unchanged(open_store_page, seed_store, writable):
    folder = writable(seed_store)
    events_file = folder / store.EVENTS_PARQUET
    before, stamp = events_file.read_bytes(), events_file.stat().st_mtime_ns
    app = open_store_page(folder, "upload")
    upload(app, BROKEN)
    (error,) = app.error
    assert "broken.json: malformed JSON at line 1" in error.value
    assert "Fix these files" in error.value and "nothing already stored was changed" in error.value
    assert "Nothing was added" in error.value
    assert len(app.success) == 0
    assert events_file.read_bytes() == before and events_file.stat().st_mtime_ns == stamp


def test_a_bad_file_does_not_stop_the_good_one(open_store_page, seed_store, writable):
    folder = writable(seed_store)
    n_before = len(store.load_events(folder))
    app = open_store_page(folder, "upload")
    upload(app, BROKEN, as_upload(DAWN))
    assert metrics(app)["New articles"] == "1"
    assert "broken.json: malformed JSON" in app.error[0].value
    assert len(store.load_events(folder)) == n_before + 1


def test_pasted_text_is_added_with_its_metadata(open_store_page, seed_store, writable):
    folder = writable(seed_store)
    app = open_store_page(folder, "upload")
    app.text_area[0].input("Gunmen killed three border guards in an attack near Zahedan, Iran, on Tuesday, "
                           "officials said.")
    for label, value in (("Title", "Border guards killed near Zahedan"), ("Source", "IRNA"),
                         ("URL", "https://news.example/irna/zahedan")):
        (box,) = [t for t in app.text_input if t.label == label]
        box.input(value)
    app.date_input[0].set_value(dt.date(2024, 4, 3))
    click(app, "Add to the store")
    assert metrics(app)["New articles"] == "1"
    reports = store.load_reports(folder)
    pasted = reports[(reports[schema.SOURCE] == "IRNA").to_numpy(dtype=bool)].iloc[0]
    assert (pasted[schema.PUBLISHED], pasted[schema.LOCATION], pasted[schema.KILLED]) == ("2024-04-03", "Zahedan", 3)
    assert pasted[schema.DATE] == "2024-04-02"  # "on Tuesday" read against the publication date
    assert app.text_area[0].value == ""  # the fields are emptied once the article is stored
    assert {t.label: t.value for t in app.main.text_input} == {"Title": "", "Source": "", "URL": ""}
    assert app.main.date_input[0].value is None
    assert app.session_state[keys.PASTE_TEXT_KEY] == ""  # set empty, so the browser's widget is emptied too


def test_adding_nothing_says_what_to_do(open_store_page, seed_store):
    app = click(open_store_page(seed_store, "upload"), "Add to the store")
    assert [w.value for w in app.warning] == ["Nothing to add: choose files or paste an article's text first."]


def test_an_empty_store_opens_the_upload_page_and_fills_from_it(open_store_page, tmp_path):
    folder = tmp_path / "empty"
    app = open_store_page(folder, "upload")
    assert "The store holds no events yet" in app.info[0].value
    assert len(app.sidebar.multiselect) == 0  # no filter without a table
    upload(app, as_upload(DAWN), as_upload(AP))
    assert metrics(app)["Events in the store"] == "1"
    app.switch_page("pages/overview.py")
    app.run()
    assert metrics(app)["All events"] == "1"
    assert (metrics(app)["Articles"], metrics(app)["Sources"]) == ("2", "2")  # the incident's two reports
    assert metrics(app)["Killed"] == "11"


def test_the_other_pages_of_an_empty_store_point_to_the_upload_page(open_store_page, tmp_path):
    app = open_store_page(tmp_path / "empty", "overview")
    assert "Add articles on the Upload page" in app.error[0].value
