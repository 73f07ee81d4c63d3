"""uploads.py: reading uploaded files and pasted text, ingesting them, and saying what changed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from eventdesk import schema
from eventdesk.store import store, uploads

UPLOADS = Path(__file__).resolve().parents[2] / "fixtures" / "uploads"
DAWN = UPLOADS / "2024-02-09_dawn_peshawar.json"
AP = UPLOADS / "2024-02-10_ap_peshawar.csv"


def files(*paths: Path) -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in paths]


def incidents(*rows: tuple[str, int]) -> pd.DataFrame:
    return pd.DataFrame({schema.EVENT_ID: [r[0] for r in rows], schema.N_REPORTS: [r[1] for r in rows]}).reindex(
        columns=list(schema.INCIDENT_FIELDS))


def test_the_stated_limits_are_the_librarys():
    assert uploads.MAX_UPLOAD_MB == 50
    assert uploads.FILE_TYPES == ("txt", "md", "html", "htm", "json", "jsonl", "csv")


def test_files_and_pasted_text_are_read_into_articles_with_their_metadata():
    pasted = uploads.Pasted("Gunmen killed three guards.", title="Guards killed", source="IRNA",
                            url="https://news.example/a", published=dt.date(2024, 4, 3))
    items, errors = uploads.read_inputs(files(DAWN, AP), pasted)
    assert errors == []
    assert [(name, a.source, a.published) for name, a in items] == [
        ("2024-02-09_dawn_peshawar.json", "Dawn", "2024-02-09"), ("2024-02-10_ap_peshawar.csv", "AP", "2024-02-10"),
        ("pasted text", "IRNA", "2024-04-03")]
    assert (items[2][1].title, items[2][1].url) == ("Guards killed", "https://news.example/a")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        pytest.param("broken.json", b'{"text": "A bomb', "broken.json: malformed JSON at line 1", id="bad-json"),
        pytest.param("latin1.txt", "Explosión en el mercado".encode("latin-1"), "latin1.txt: not UTF-8", id="not-utf8"),
        pytest.param("report.pdf", b"%PDF-1.7", "report.pdf: unsupported file type .pdf", id="wrong-type"),
        pytest.param("rows.csv", b"title\nBlast\n", "rows.csv: CSV has no 'text' column", id="csv-no-text"),
    ],
)
def test_a_bad_file_becomes_an_error_naming_it(name, data, message):
    items, errors = uploads.read_inputs([(name, data)])
    assert items == []
    assert str(errors[0]).startswith(message)


def test_pasted_metadata_without_text_is_an_error_and_blank_input_is_nothing():
    items, errors = uploads.read_inputs([], uploads.Pasted("  ", title="A title"))
    assert items == []
    assert [str(e) for e in errors] == ["pasted text: no text: each article needs a non-empty 'text' field"]
    assert uploads.read_inputs([], uploads.Pasted()) == ([], [])


def test_changed_incidents_are_the_new_ones_and_those_that_gained_reports():
    before = incidents(("a", 1), ("b", 2))
    after = incidents(("a", 1), ("b", 3), ("c", 1))
    assert list(uploads.changed_incidents(before, after)[schema.EVENT_ID]) == ["b", "c"]
    assert uploads.changed_incidents(after, after).empty


def test_adding_two_reports_of_one_incident_to_an_empty_store(tmp_path):
    outcome = uploads.add_articles(files(DAWN, AP), None, tmp_path)
    assert (outcome.articles_new, outcome.articles_known, outcome.reports_new) == (2, 0, 2)
    assert (outcome.events_before, outcome.events_after, outcome.merged) == (0, 1, 1)
    row = outcome.changed.iloc[0]
    assert (row[schema.LOCATION], row[schema.KILLED_LOW], row[schema.KILLED_BEST], row[schema.INJURED_HIGH]) == (
        "Peshawar", 7, 11, 26)
    assert outcome.summary() == (
        "2 new articles stored, 0 skipped as already stored; 2 event reports read from them. The table now holds "
        "1 event (was 0); 1 event new or with new reports, 1 of them merged from several reports.")
    again = uploads.add_articles(files(DAWN, AP), None, tmp_path)
    assert (again.articles_new, again.articles_known, again.events_after, len(again.changed)) == (0, 2, 1, 0)


def test_nothing_readable_leaves_the_store_untouched(tmp_path):
    outcome = uploads.add_articles([("broken.json", b"{")], None, tmp_path)
    assert outcome.nothing_read and outcome.errors[0].startswith("broken.json: malformed JSON")
    assert outcome.summary() == "Nothing was added: no article could be read. The store is unchanged."
    ((kind, text),) = outcome.notices()
    assert kind == uploads.ERROR and text.startswith(outcome.summary() + "\n\n- broken.json: malformed JSON")
    assert list(tmp_path.iterdir()) == []


def test_nothing_chosen_is_said_so(tmp_path):
    outcome = uploads.add_articles([], uploads.Pasted(), tmp_path)
    assert not outcome.chosen
    assert outcome.summary() == "Nothing to add: choose files or paste an article's text first."


def test_a_store_in_use_is_an_error_not_an_exception(tmp_path, monkeypatch):
    def busy(*args, **kwargs):
        raise store.StoreError(f"{tmp_path / store.DATABASE}: the store is in use by another process")

    monkeypatch.setattr(uploads.ingest, "ingest_articles", busy)
    outcome = uploads.add_articles(files(DAWN), None, tmp_path)
    assert outcome.refused == f"{tmp_path / store.DATABASE}: the store is in use by another process"
    assert outcome.articles_new == 0
    assert outcome.notices() == [(uploads.ERROR, f"Nothing was added: {outcome.refused}. The store is unchanged.")]


def test_pasted_text_over_the_upload_limit_is_refused_naming_the_limit():
    big = uploads.Pasted("Gunmen attacked a convoy. " * (uploads.articles.MAX_FILE_BYTES // 26 + 1), title="Convoy")
    items, errors = uploads.read_inputs([], big)
    assert items == []
    assert [str(e) for e in errors] == [
        "pasted text: 50.0 MB pasted, more than the upload limit of 50 MB (the same as for a file): split it into "
        "several articles"]


def test_pasted_text_over_the_character_limit_is_refused_naming_the_limit():
    long_text = "Militants shelled the village of Kafr Nabl overnight. " * (uploads.MAX_PASTED_CHARS // 54 + 1)
    items, errors = uploads.read_inputs([], uploads.Pasted(long_text))
    assert items == []
    assert [str(e) for e in errors] == ["pasted text: text longer than 2,000,000 characters: split the article"]
    _, fine = uploads.read_inputs([], uploads.Pasted(long_text[: uploads.MAX_PASTED_CHARS]))
    assert fine == []


def test_an_upload_of_stored_articles_is_a_notice_naming_them_not_a_success(tmp_path):
    uploads.add_articles(files(DAWN), None, tmp_path)
    again = uploads.add_articles(files(DAWN, AP), None, tmp_path)
    kinds = [kind for kind, _ in again.notices()]
    assert kinds == [uploads.SUCCESS, uploads.INFO]
    assert again.notices()[1][1] == ("1 article already in the store (same text or same URL), not added again: "
                                     "2024-02-09_dawn_peshawar.json (Bomb kills seven at Peshawar market).")
    third = uploads.add_articles(files(DAWN, AP), None, tmp_path)
    assert [kind for kind, _ in third.notices()] == [uploads.INFO]
    assert third.notices()[0][1].startswith("Nothing new was added: 2 articles already in the store")
    assert "Peshawar market bombing toll rises to 11" in third.notices()[0][1]


def test_a_large_repeat_names_the_first_articles_and_counts_the_others(tmp_path):
    rows = "\r\n".join(f'"Gunmen killed {n} herders near Jos, Plateau state, police said.",Herders {n}'
                        for n in range(2, 26))
    data = ("text,title\r\n" + rows + "\r\n").encode()
    uploads.add_articles([("herders.csv", data)], None, tmp_path)
    again = uploads.add_articles([("herders.csv", data)], None, tmp_path)
    ((kind, text),) = again.notices()
    assert kind == uploads.INFO and text.startswith("Nothing new was added: 24 articles already in the store")
    assert "herders.csv (Herders 2); herders.csv (Herders 3);" in text and "(Herders 11)" in text
    assert "(Herders 12)" not in text and text.endswith("herders.csv (Herders 11); and 14 more.")


def test_a_bad_file_beside_a_good_one_is_an_error_beside_the_success(tmp_path):
    outcome = uploads.add_articles([("broken.json", b"{"), *files(DAWN)], None, tmp_path)
    (success, error) = outcome.notices()
    assert success[0] == uploads.SUCCESS and success[1].startswith("1 new article stored")
    assert error[0] == uploads.ERROR
    assert error[1].startswith("Some input could not be read:\n\n- broken.json: malformed")
