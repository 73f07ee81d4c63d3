"""The store: files the dashboard reads, the analyst's split and merge decisions, locking, bad files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from eventdesk import schema
from eventdesk.store import export, ingest, store

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"
QUETTA_LATER = CORPUS / "2024-03-11_ap_quetta.json"


def incident(folder: Path, location: str, date: str) -> pd.Series:
    events = store.load_events(folder)
    return events[(events[schema.LOCATION] == location) & (events[schema.DATE] == date)].iloc[0]


def test_the_csv_files_are_the_one_csv_writers_output_of_the_tables(corpus_ingest):
    built = corpus_ingest[0]
    events = store.load_events(built)
    assert (built / store.EVENTS_CSV).read_bytes() == export.to_csv_bytes(events)
    assert (built / store.REPORTS_CSV).read_bytes() == export.to_csv_bytes(store.load_reports(built))


def test_an_event_table_written_without_a_database_reads_as_single_report_incidents(tmp_path):
    events = schema.validate(pd.DataFrame([{
        schema.EVENT_ID: "e1", schema.ARTICLE_ID: "a1", schema.SOURCE: "AP", schema.PUBLISHED: "2024-03-11",
        schema.EVENT_TYPE: "armed_assault", schema.DATE_PRECISION: "day", schema.GEO_PRECISION: "city",
        schema.KILLED: 4, schema.EVIDENCE: "Gunmen killed four officers.", schema.EVIDENCE_START: 0,
        schema.EVIDENCE_END: 28, schema.CONFIDENCE: 0.8,
    }]))
    relations = store.write_events(events, tmp_path)
    row = store.load_events(tmp_path).iloc[0]
    assert (row[schema.KILLED_LOW], row[schema.KILLED_BEST], row[schema.KILLED_HIGH]) == (4, 4, 4)
    assert (row[schema.N_REPORTS], row[schema.N_SOURCES], row[schema.FIRST_REPORTED]) == (1, 1, "2024-03-11")
    assert relations.empty


def test_an_empty_folder_has_an_empty_event_table(tmp_path):
    events = store.load_events(tmp_path)
    assert events.empty and list(events.columns) == list(schema.INCIDENT_FIELDS)


def test_a_damaged_table_names_the_file_and_how_to_rebuild_it(tmp_path):
    (tmp_path / store.EVENTS_PARQUET).write_bytes(b"PAR1 not really")
    with pytest.raises(store.StoreError, match=r"events\.parquet: cannot read the table .*python -m eventdesk ingest"):
        store.load_events(tmp_path)


def test_an_articles_text_is_read_back_with_the_offsets_of_its_reports(corpus_ingest):
    built = corpus_ingest[0]
    for _, report in store.load_reports(built).iterrows():
        article = store.load_article(built, report[schema.ARTICLE_ID])
        assert article[schema.TEXT][report[schema.EVIDENCE_START]:report[schema.EVIDENCE_END]] == report[
            schema.EVIDENCE]
    reuters = store.load_reports(built)
    reuters = reuters[reuters[schema.SOURCE] == "Reuters"].iloc[0]
    assert store.load_article(built, reuters[schema.ARTICLE_ID])[schema.URL].startswith("https://wire.example/")
    assert store.load_article(built, "no-such-article") is None


def test_a_folder_with_only_the_table_files_has_no_article_and_gains_no_database(tmp_path):
    assert store.load_article(tmp_path, "a1") is None
    assert not (tmp_path / store.DATABASE).exists()


def test_a_split_is_kept_and_survives_reingest(corpus_copy):
    bombing = incident(corpus_copy, "Maiduguri", "2024-03-12")
    members = store.event_members(corpus_copy, bombing[schema.EVENT_ID]).set_index(schema.SOURCE)[schema.REPORT_ID]
    leaving = [members["Premium Times"], members["AFP"]]
    stays, new = store.split_event(corpus_copy, bombing[schema.EVENT_ID], leaving,
                                   note="the revised toll is another blast")
    assert len(store.load_events(corpus_copy)) == 5
    split_off = store.event_members(corpus_copy, new)
    assert sorted(split_off[schema.SOURCE]) == ["AFP", "Premium Times"]
    assert set(split_off[schema.MERGE_REASON]) == {"split off from its incident by the analyst (decision 1)"}
    remaining = store.load_events(corpus_copy).set_index(schema.EVENT_ID).loc[stays]
    assert (remaining[schema.KILLED_LOW], remaining[schema.KILLED_HIGH], remaining[schema.N_SOURCES]) == (12, 15, 2)
    again = ingest.ingest_paths([CORPUS], corpus_copy, workers=1)
    assert (again.articles_new, again.events) == (0, 5)
    decisions = store.load_decisions(corpus_copy)
    assert list(decisions[schema.ACTION]) == ["split"]
    assert decisions.iloc[0][schema.REPORT_IDS] == " ".join(sorted(leaving))


def test_a_merge_is_kept_and_survives_an_ingest_of_new_articles(tmp_path):
    ingest.ingest_paths([CORPUS / "2024-03-04_reuters_quetta.json", QUETTA_LATER], tmp_path, workers=1)
    first, second = (incident(tmp_path, "Quetta", day)[schema.EVENT_ID] for day in ("2024-03-04", "2024-03-11"))
    merged = store.merge_events(tmp_path, [first, second])
    assert list(store.load_events(tmp_path)[schema.EVENT_ID]) == [merged]
    result = ingest.ingest_paths([CORPUS / "2024-03-05_dawn_quetta.json"], tmp_path, workers=1)
    assert (result.articles_new, result.events) == (1, 1)
    row = store.load_events(tmp_path).iloc[0]
    assert (row[schema.N_REPORTS], row[schema.KILLED_LOW], row[schema.KILLED_HIGH]) == (3, 2, 4)
    reasons = set(store.event_members(tmp_path, row[schema.EVENT_ID])[schema.MERGE_REASON])
    assert "merged by the analyst (decision 1)" in reasons


def test_a_split_must_name_some_but_not_all_reports(corpus_copy):
    quetta = incident(corpus_copy, "Quetta", "2024-03-11")[schema.EVENT_ID]
    with pytest.raises(ValueError, match="choose some but not all of its reports"):
        store.split_event(corpus_copy, quetta, store.event_members(corpus_copy, quetta)[schema.REPORT_ID].tolist())
    with pytest.raises(ValueError, match="there is no incident 'nope'"):
        store.split_event(corpus_copy, "nope", ["x"])
    with pytest.raises(ValueError, match="name at least two incidents"):
        store.merge_events(corpus_copy, [quetta])


def test_the_figure_rule_is_kept_in_the_store(corpus_copy):
    store.refresh(corpus_copy, rule="conservative")
    assert incident(corpus_copy, "Maiduguri", "2024-03-12")[schema.KILLED_BEST] == 12
    store.refresh(corpus_copy)
    assert incident(corpus_copy, "Maiduguri", "2024-03-12")[schema.KILLED_BEST] == 12
    store.refresh(corpus_copy, rule="latest")
    assert incident(corpus_copy, "Maiduguri", "2024-03-12")[schema.KILLED_BEST] == 17


def test_a_store_held_by_another_process_gives_a_clear_error(corpus_copy):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True); "
                               "time.sleep(60)", str(corpus_copy / store.DATABASE)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(store.StoreError, match="the store is in use by another process"):
            with store.open_store(corpus_copy, wait_s=0.3):
                pass
        assert len(store.load_events(corpus_copy)) == 4  # the dashboard's files stay readable
    finally:
        holder.kill()
        holder.wait()


def test_an_incident_lists_every_target_and_its_further_target_rows_are_not_reports(tmp_path):
    ingest.ingest_text("On 4 June 2021, gunmen attacked a bank, a police post and two shops in Kirkuk, Iraq, "
                       "killing two policemen.", tmp_path, workers=1)
    events = store.load_events(tmp_path)
    attack = events[events[schema.EVENT_TYPE] == "armed_assault"].iloc[0]
    assert (attack[schema.TARGETS], attack[schema.N_REPORTS]) == ("bank (policemen); police post; shops; policemen", 1)
    assert len(store.load_reports(tmp_path)) == len(events)
