"""Ingest: the test corpus merged into incidents, incremental re-runs, interruption, bad files, workers, Dask.

The corpus is described in conftest.py: a bombing in Maiduguri told by four outlets, two attacks on
police in Quetta a week apart, and an unrelated airstrike in Idlib.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import eventdesk.extract
from eventdesk import schema
from eventdesk.extract import facts, load_resources
from eventdesk.store import database, ingest, store

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
MAIDUGURI_SOURCES = ["Reuters", "AFP", "Al Jazeera", "Premium Times"]


def snapshot(folder: Path) -> dict[str, object]:
    """Everything an ingest leaves in a store: the files' bytes and the database tables' rows."""
    files = {name: (folder / name).read_bytes() for name in (store.EVENTS_CSV, store.REPORTS_CSV, store.RELATIONS_CSV)}
    with store.open_store(folder) as db:
        for table, key in ((database.ARTICLES, schema.ARTICLE_ID), (database.REPORTS, schema.REPORT_ID),
                           (database.MEMBERS, schema.REPORT_ID), (database.EVENTS, schema.EVENT_ID)):
            files[table] = db.frame(f"SELECT * FROM {table} ORDER BY {key}").to_dict("records")
    return files


@pytest.fixture(scope="module")
def events(corpus_ingest) -> pd.DataFrame:
    return store.load_events(corpus_ingest[0])


def incident_at(events: pd.DataFrame, location: str, date: str) -> pd.Series:
    rows = events[(events[schema.LOCATION] == location) & (events[schema.DATE] == date)]
    assert len(rows) == 1, f"expected one incident in {location} on {date}, found {len(rows)}"
    return rows.iloc[0]


def test_the_corpus_becomes_four_incidents(corpus_ingest, events):
    folder, result = corpus_ingest
    assert (result.articles_read, result.articles_new, result.articles_known, result.errors) == (8, 8, 0, [])
    assert (result.reports_new, result.events) == (8, 4)
    assert sorted(zip(events[schema.LOCATION], events[schema.DATE], events[schema.N_REPORTS], strict=True)) == [
        ("Idlib", "2024-03-12", 1), ("Maiduguri", "2024-03-12", 4), ("Quetta", "2024-03-04", 2),
        ("Quetta", "2024-03-11", 1)]


def test_four_outlets_reports_of_one_bombing_are_one_incident_with_its_figure_range(corpus_ingest, events):
    bombing = incident_at(events, "Maiduguri", "2024-03-12")
    assert bombing[schema.EVENT_TYPE] == "bombing"
    assert (bombing[schema.KILLED_LOW], bombing[schema.KILLED_BEST], bombing[schema.KILLED_HIGH]) == (12, 17, 19)
    assert (bombing[schema.INJURED_LOW], bombing[schema.INJURED_BEST], bombing[schema.INJURED_HIGH]) == (30, 45, 45)
    assert (bombing[schema.KILLED], bombing[schema.KILLED_QUALIFIER], bombing[schema.INJURED]) == (17, "exact", 45)
    assert (bombing[schema.N_REPORTS], bombing[schema.N_SOURCES]) == (4, 4)
    assert (bombing[schema.FIRST_REPORTED], bombing[schema.LAST_REPORTED]) == ("2024-03-12", "2024-03-15")
    assert bombing[schema.EVIDENCE].startswith("Seventeen people were killed and 45 injured")
    members = store.event_members(corpus_ingest[0], bombing[schema.EVENT_ID])
    assert sorted(members[schema.SOURCE]) == sorted(MAIDUGURI_SOURCES)
    reasons = members.set_index(schema.SOURCE)[schema.MERGE_REASON]
    assert reasons["Reuters"] == "founded the incident"
    assert reasons["AFP"] == ("same kind (bombing); dated 2024-03-12, the same day; Maiduguri, 0 km apart "
                              "(within 30 km at city precision); no conflicting actors; the same site (market)")


def test_the_history_of_the_bombing_figures(corpus_ingest, events):
    bombing = incident_at(events, "Maiduguri", "2024-03-12")
    history = store.figure_history(corpus_ingest[0], bombing[schema.EVENT_ID])
    assert list(history[schema.PUBLISHED]) == ["2024-03-12", "2024-03-13", "2024-03-13", "2024-03-15"]
    injured = history[schema.INJURED].astype(object).where(history[schema.INJURED].notna(), None)
    rows = zip(history[schema.PUBLISHED], history[schema.SOURCE], history[schema.KILLED],
               history[schema.KILLED_QUALIFIER], injured, strict=True)
    assert sorted(rows) == [
        ("2024-03-12", "Reuters", 12, "at_least", 30), ("2024-03-13", "AFP", 19, "exact", 42),
        ("2024-03-13", "Al Jazeera", 15, "at_least", None), ("2024-03-15", "Premium Times", 17, "exact", 45)]


def test_attacks_a_week_apart_in_one_city_and_an_unrelated_strike_stay_apart(events):
    first, second = incident_at(events, "Quetta", "2024-03-04"), incident_at(events, "Quetta", "2024-03-11")
    assert (first[schema.KILLED], first[schema.N_SOURCES], second[schema.KILLED], second[schema.N_SOURCES]) == (
        2, 2, 4, 1)
    strike = incident_at(events, "Idlib", "2024-03-12")
    assert (strike[schema.EVENT_TYPE], strike[schema.N_REPORTS]) == ("airstrike", 1)


def test_reports_csv_has_one_row_per_report_with_its_incident(corpus_ingest, events):
    reports = pd.read_csv(corpus_ingest[0] / store.REPORTS_CSV)
    assert list(reports.columns) == list(schema.REPORT_FIELDS)
    assert len(reports) == 8 and set(reports[schema.EVENT_ID]) == set(events[schema.EVENT_ID])
    assert list(pd.read_csv(corpus_ingest[0] / store.EVENTS_CSV).columns) == list(schema.INCIDENT_FIELDS)


def test_reingesting_the_same_folder_adds_nothing(tmp_path):
    ingest.ingest_paths([CORPUS], tmp_path, workers=1)
    before = snapshot(tmp_path)
    again = ingest.ingest_paths([CORPUS], tmp_path, workers=1)
    assert (again.articles_read, again.articles_new, again.articles_known, again.reports_new) == (8, 0, 8, 0)
    assert snapshot(tmp_path) == before


def test_the_same_text_or_the_same_url_is_not_processed_again(tmp_path):
    ingest.ingest_paths([CORPUS / "2024-03-12_idlib_airstrike.json"], tmp_path, workers=1)
    copy = (CORPUS / "2024-03-12_idlib_airstrike.json").read_bytes()
    same_url = copy.replace(b"around 12 militants", b"about a dozen militants")
    result = ingest.ingest_bytes([("copy.json", copy), ("same-url.json", same_url)], tmp_path, workers=1)
    assert (result.articles_read, result.articles_new, result.articles_known) == (2, 0, 2)
    title = "Airstrike kills militants in Syria's Idlib"
    assert result.skipped == [f"copy.json ({title})", f"same-url.json ({title})"]


class Interrupted(Exception):
    pass


def test_an_ingest_stopped_half_way_and_run_again_ends_as_an_uninterrupted_one(tmp_path):
    whole, halted = tmp_path / "whole", tmp_path / "halted"
    ingest.ingest_paths([CORPUS], whole, workers=1)
    done = []

    def stop_after_four(n: int) -> None:
        done.append(n)
        if sum(done) >= 4:
            raise Interrupted

    with pytest.raises(Interrupted):
        ingest.ingest_paths([CORPUS], halted, workers=1, batch_size=2, progress=stop_after_four)
    with store.open_store(halted) as db:
        assert db.count(database.ARTICLES) == 4
    resumed = ingest.ingest_paths([CORPUS], halted, workers=1, batch_size=2)
    assert (resumed.articles_new, resumed.articles_known) == (4, 4)
    assert snapshot(halted) == snapshot(whole)


def test_worker_processes_give_the_same_store(tmp_path, corpus_ingest):
    result = ingest.ingest_paths([CORPUS], tmp_path, workers=2, batch_size=3)
    assert (result.articles_new, result.events) == (8, 4)
    assert snapshot(tmp_path) == snapshot(corpus_ingest[0])


def test_bad_files_are_reported_by_name_and_nothing_stored_is_lost(tmp_path, corpus_ingest):
    folder = tmp_path / "input"
    shutil.copytree(CORPUS, folder)
    (folder / "broken.json").write_text('{"text": "Gunmen killed two', encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    shutil.copytree(corpus_ingest[0], tmp_path / "store")
    before = snapshot(tmp_path / "store")
    result = ingest.ingest_paths([folder], tmp_path / "store", workers=1)
    assert sorted(Path(e.path).name for e in result.errors) == ["binary.txt", "broken.json"]
    assert "malformed JSON" in str(next(e for e in result.errors if e.path.endswith("broken.json")))
    assert (result.articles_new, result.articles_known) == (0, 8)
    assert snapshot(tmp_path / "store") == before


def test_an_uploaded_file_adds_its_articles_and_events(tmp_path):
    ingest.ingest_paths([CORPUS / "2024-03-04_reuters_quetta.json"], tmp_path, workers=1)
    assert len(store.load_events(tmp_path)) == 1
    upload = [("kabul.txt", b"Blast in Kabul\nA car bomb killed nine people and wounded 20 in Kabul on Monday, "
                            b"police said.")]
    result = ingest.ingest_bytes(upload, tmp_path, workers=1)
    assert (result.articles_new, result.events, result.errors) == (1, 2, [])
    kabul = store.load_events(tmp_path).set_index(schema.LOCATION).loc["Kabul"]
    assert (kabul[schema.KILLED], kabul[schema.SOURCE]) == (9, "kabul.txt")


def test_an_article_id_given_twice_for_different_texts_is_refused(tmp_path):
    first = b'{"id": "wire-1", "text": "An airstrike killed five militants in Idlib on Tuesday."}'
    second = b'{"id": "wire-1", "text": "Gunmen killed two police officers in Quetta on Monday."}'
    ingest.ingest_bytes([("a.json", first)], tmp_path, workers=1)
    result = ingest.ingest_bytes([("b.json", second)], tmp_path, workers=1)
    assert [e.path for e in result.errors] == ["b.json"]
    assert "article id 'wire-1' is already stored for another text" in result.errors[0].message


WIRE_UPLOADS = [
    ("kabul.json", b'{"id": "kabul-1", "text": "A car bomb killed nine people and wounded 20 in Kabul on Monday, '
                   b'police said."}'),
    ("mosul.json", b'{"id": "mosul-1", "text": "Gunmen shot dead three soldiers at a checkpoint near Mosul on '
                   b'Friday, the army said."}'),
    ("goma.json", b'{"id": "goma-1", "text": "Rebels attacked a village outside Goma on Sunday, killing 14 '
                  b'civilians, local officials said."}'),
]


def test_a_batch_goes_through_the_model_at_once(tmp_path, monkeypatch):
    batches = []
    batched = eventdesk.extract.extract_articles

    def recording(articles, resources=None):
        batches.append([a.id for a in articles])
        return batched(articles, resources)

    monkeypatch.setattr(eventdesk.extract, "extract_articles", recording)
    result = ingest.ingest_bytes(WIRE_UPLOADS, tmp_path, workers=1)
    assert batches == [["kabul-1", "mosul-1", "goma-1"]]
    assert (result.articles_new, result.errors) == (3, [])


def test_one_bad_article_in_a_batch_costs_only_its_own_reports(tmp_path, monkeypatch):
    """When the batch fails, each article is extracted alone: the others are stored, the error names the bad one."""
    read_sentences = facts.read_sentences

    def failing_on_mosul(article):
        if article.id == "mosul-1":
            raise ValueError("unreadable sentence")
        return read_sentences(article)

    monkeypatch.setattr(facts, "read_sentences", failing_on_mosul)
    result = ingest.ingest_bytes(WIRE_UPLOADS, tmp_path, workers=1)
    assert (result.articles_new, [e.path for e in result.errors]) == (2, ["mosul.json"])
    assert "article mosul-1: extraction failed (ValueError: unreadable sentence)" in result.errors[0].message
    events = store.load_events(tmp_path)
    assert sorted(events[schema.LOCATION].dropna()) == ["Goma", "Kabul"]
    assert sorted(events.set_index(schema.LOCATION)[schema.KILLED].dropna().astype(int)) == [9, 14]


def test_the_dask_path_writes_a_partitioned_dataset_and_the_same_store(tmp_path, corpus_ingest):
    from distributed import LocalCluster

    with LocalCluster(processes=False, n_workers=1, threads_per_worker=1, dashboard_address=None) as cluster:
        result = ingest.ingest_dask([CORPUS], tmp_path, cluster.scheduler_address, n_partitions=3)
    assert (result.articles_read, result.articles_new, result.events, result.errors) == (8, 8, 4, [])
    parts = sorted(p.name for p in (tmp_path / ingest.DATASET / ingest.PART_REPORTS).glob("part-*.parquet"))
    assert len(parts) == 3
    assert snapshot(tmp_path) == snapshot(corpus_ingest[0])


def test_the_command_line_ingests_and_says_what_it_did(tmp_path):
    command = [sys.executable, "-m", "eventdesk", "ingest", str(CORPUS), "--store", str(tmp_path), "--workers", "1",
               "--figures", "conservative"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "8 articles read, 8 new (0 already stored), 8 new reports -> 4 events" in done.stdout
    bombing = incident_at(store.load_events(tmp_path), "Maiduguri", "2024-03-12")
    assert (bombing[schema.KILLED_BEST], bombing[schema.KILLED_QUALIFIER]) == (12, "at_least")


def test_the_seed_bombing_is_one_event(seed_table):
    bombings = seed_table[seed_table[schema.EVENT_TYPE] == "bombing"]
    assert len(bombings) == 1
    bombing = bombings.iloc[0]
    assert (bombing[schema.KILLED], bombing[schema.KILLED_QUALIFIER], bombing[schema.INJURED]) == (84, "at_least", 284)
    assert (bombing[schema.LOCATION], bombing[schema.N_REPORTS]) == ("Kerman", 1)


def test_an_ingest_that_releases_the_model_gives_the_same_store(tmp_path):
    """The command line frees the language model before the merge; the next extraction loads it again."""
    kept = ingest.ingest_paths([CORPUS], tmp_path / "kept", workers=1)
    released = ingest.ingest_paths([CORPUS], tmp_path / "released", workers=1, release_models=True)
    assert load_resources.cache_info().currsize == 0
    assert (released.events, released.reports_new) == (kept.events, kept.reports_new)
    pd.testing.assert_frame_equal(store.load_events(tmp_path / "released"), store.load_events(tmp_path / "kept"))
    assert load_resources() is not None
