"""The store: files the dashboard reads, the analyst's split and merge decisions, locking, bad files."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from eventdesk import schema
from eventdesk.store import clusters, export, ingest, merge, store
from eventdesk.store.decisions import MERGE, SPLIT, Decision

CORPUS = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "corpus"
QUETTA_LATER = CORPUS / "2024-03-11_ap_quetta.json"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("store")
    ingest.ingest_paths([CORPUS], folder, workers=1)
    return folder


@pytest.fixture
def copy(built: Path, tmp_path: Path) -> Path:
    shutil.copytree(built, tmp_path / "store")
    return tmp_path / "store"


def incident(folder: Path, location: str, date: str) -> pd.Series:
    events = store.load_events(folder)
    return events[(events[schema.LOCATION] == location) & (events[schema.DATE] == date)].iloc[0]


def test_the_csv_files_are_the_one_csv_writers_output_of_the_tables(built):
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


def test_a_split_is_kept_and_survives_reingest(copy):
    bombing = incident(copy, "Maiduguri", "2024-03-12")
    members = store.event_members(copy, bombing[schema.EVENT_ID]).set_index(schema.SOURCE)[schema.REPORT_ID]
    leaving = [members["Premium Times"], members["AFP"]]
    stays, new = store.split_event(copy, bombing[schema.EVENT_ID], leaving, note="the revised toll is another blast")
    assert len(store.load_events(copy)) == 5
    split_off = store.event_members(copy, new)
    assert sorted(split_off[schema.SOURCE]) == ["AFP", "Premium Times"]
    assert set(split_off[schema.MERGE_REASON]) == {"split off from its incident by the analyst (decision 1)"}
    remaining = store.load_events(copy).set_index(schema.EVENT_ID).loc[stays]
    assert (remaining[schema.KILLED_LOW], remaining[schema.KILLED_HIGH], remaining[schema.N_SOURCES]) == (12, 15, 2)
    again = ingest.ingest_paths([CORPUS], copy, workers=1)
    assert (again.articles_new, again.events) == (0, 5)
    decisions = store.load_decisions(copy)
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


def _files(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame, bytes]:
    return store.load_events(folder), store.load_reports(folder), (folder / store.RELATIONS_CSV).read_bytes()


def _assert_as_rebuilt(folder: Path) -> None:
    """A decision applied to its incidents alone leaves the files a full re-merge writes."""
    events, reports, relations = _files(folder)
    store.refresh(folder)
    again = _files(folder)
    pd.testing.assert_frame_equal(events, again[0])
    pd.testing.assert_frame_equal(reports, again[1])
    assert relations == again[2]


def test_a_split_touches_only_its_incident_and_gives_what_a_full_rebuild_gives(copy):
    bombing = incident(copy, "Maiduguri", "2024-03-12")
    others = store.load_events(copy).query(f"{schema.EVENT_ID} != '{bombing[schema.EVENT_ID]}'")
    members = store.event_members(copy, bombing[schema.EVENT_ID]).set_index(schema.SOURCE)[schema.REPORT_ID]
    store.split_event(copy, bombing[schema.EVENT_ID], [members["AFP"]])
    after = store.load_events(copy).set_index(schema.EVENT_ID)
    pd.testing.assert_frame_equal(after.loc[others[schema.EVENT_ID]].reset_index(), others.reset_index(drop=True))
    _assert_as_rebuilt(copy)


def test_a_merge_then_a_split_give_what_a_full_rebuild_gives(copy):
    quetta = [incident(copy, "Quetta", day)[schema.EVENT_ID] for day in ("2024-03-04", "2024-03-11")]
    merged = store.merge_events(copy, quetta)
    _assert_as_rebuilt(copy)
    founder = store.event_members(copy, merged)[schema.REPORT_ID].iloc[0]
    store.split_event(copy, merged, [founder])  # the founder leaves: both parts get new founders and places
    _assert_as_rebuilt(copy)


def test_a_split_must_name_some_but_not_all_reports(copy):
    quetta = incident(copy, "Quetta", "2024-03-11")[schema.EVENT_ID]
    with pytest.raises(ValueError, match="choose some but not all of its reports"):
        store.split_event(copy, quetta, store.event_members(copy, quetta)[schema.REPORT_ID].tolist())
    with pytest.raises(ValueError, match="there is no incident 'nope'"):
        store.split_event(copy, "nope", ["x"])
    with pytest.raises(ValueError, match="name at least two incidents"):
        store.merge_events(copy, [quetta])


def test_the_figure_rule_is_kept_in_the_store(copy):
    store.refresh(copy, rule="conservative")
    assert incident(copy, "Maiduguri", "2024-03-12")[schema.KILLED_BEST] == 12
    store.refresh(copy)
    assert incident(copy, "Maiduguri", "2024-03-12")[schema.KILLED_BEST] == 12
    store.refresh(copy, rule="latest")
    assert incident(copy, "Maiduguri", "2024-03-12")[schema.KILLED_BEST] == 17


def test_a_store_held_by_another_process_gives_a_clear_error(copy):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True); "
                               "time.sleep(60)", str(copy / store.DATABASE)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(store.StoreError, match="the store is in use by another process"):
            with store.open_store(copy, wait_s=0.3):
                pass
        assert len(store.load_events(copy)) == 4  # the dashboard's files stay readable
    finally:
        holder.kill()
        holder.wait()


# (location, admin1, country, lat, lon): two towns 35 km apart, a town across the border, another country.
TOWNS = [("Maiduguri", "Borno", "Nigeria", 11.8311, 13.1510), ("Konduga", "Borno", "Nigeria", 11.6533, 13.4179),
         ("Diffa", "Diffa", "Niger", 13.3154, 12.6113), ("Quetta", "Balochistan", "Pakistan", 30.1798, 66.9750)]


def generated_reports(n_incidents: int, seed: int = 3) -> pd.DataFrame:
    """One to five reports of each incident, over eight years in three countries: some reports dated only to
    the month or the year or not at all, some placed only at the province or the country or not at all."""
    rng = random.Random(seed)
    rows = []
    for _ in range(n_incidents):
        location, admin1, country, lat, lon = rng.choice(TOWNS)
        day = pd.Timestamp("2017-01-01") + pd.Timedelta(days=rng.randrange(8 * 365))
        kind = rng.choice(["bombing", "attack", "airstrike"])
        actor = rng.choice([(None, None), ("gunmen", "unidentified"), ("Boko Haram", "armed_group")])
        for _ in range(rng.randint(1, 5)):
            number = len(rows)
            date = rng.choices([(f"{day + pd.Timedelta(days=rng.randint(0, 1)):%Y-%m-%d}", "day"),
                                (f"{day:%Y-%m}", "month"), (f"{day:%Y}", "year"), (None, "unknown")],
                               weights=[80, 10, 5, 5])[0]
            geo = rng.choices(["city", "admin1", "country", "unknown"], weights=[80, 8, 6, 6])[0]
            rows.append({
                schema.REPORT_ID: f"r{number:05d}", schema.ARTICLE_ID: f"a{number:05d}", schema.SOURCE: "AP",
                schema.PUBLISHED: f"{day:%Y-%m-%d}", schema.EVENT_TYPE: kind, schema.DATE: date[0],
                schema.DATE_PRECISION: date[1], schema.ACTOR1: actor[0], schema.ACTOR1_TYPE: actor[1],
                schema.LOCATION: location if geo == "city" else None, schema.LAT: lat if geo == "city" else None,
                schema.LON: lon if geo == "city" else None, schema.ADMIN1: admin1 if geo != "unknown" else None,
                schema.COUNTRY: country if geo != "unknown" else None, schema.GEO_PRECISION: geo,
                schema.KILLED: rng.randrange(20),
                schema.EVIDENCE: f"Report {number}.", schema.EVIDENCE_START: 0, schema.EVIDENCE_END: 10,
                schema.CONFIDENCE: 0.9,
            })
    return pd.DataFrame(rows, columns=[c.name for c in store.EXTRACTED_COLUMNS])


def test_the_streamed_rebuild_gives_the_membership_of_the_merge_in_memory(tmp_path):
    reports = generated_reports(1000)
    articles = pd.DataFrame({schema.ARTICLE_ID: reports[schema.ARTICLE_ID],
                             schema.CONTENT_HASH: reports[schema.ARTICLE_ID], schema.TEXT: reports[schema.EVIDENCE]})
    decisions = [Decision(1, SPLIT, ("r00010", "r00011")), Decision(2, MERGE, ("r00002", "r02000"))]
    with store.open_store(tmp_path) as db:
        db.add(articles, reports)
        for decision in decisions:
            db.add_decision(decision.action, decision.report_ids, [], None)
        n_events = db.rebuild(family_of=str)
        stored = db.frame(f"SELECT * FROM {store.MEMBERS} ORDER BY {clusters.EVENT_SEQ}, {clusters.MEMBER_RANK}")
    expected = clusters.assign_incidents(merge.to_reports(reports), decisions)
    expected = expected.sort_values([clusters.EVENT_SEQ, clusters.MEMBER_RANK], ignore_index=True)
    pd.testing.assert_frame_equal(stored[list(expected.columns)].astype(expected.dtypes.to_dict()), expected)
    assert n_events == expected[clusters.EVENT_SEQ].nunique() < len(reports) * 2 // 3  # the corpus does merge
    reasons = expected[schema.MERGE_REASON]
    # Vaguer reports met the precise incidents that had been shelved and taken back.
    assert reasons.str.startswith("the only incident this vaguer report fits").sum() >= 5
    assert reasons.str.contains("too vague to choose").sum() > 500
    assert reasons.str.startswith("merged by the analyst").any() and reasons.str.startswith("split off").any()


def test_an_incident_lists_every_target_and_its_further_target_rows_are_not_reports(tmp_path):
    ingest.ingest_text("On 4 June 2021, gunmen attacked a bank, a police post and two shops in Kirkuk, Iraq, "
                       "killing two policemen.", tmp_path, workers=1)
    events = store.load_events(tmp_path)
    attack = events[events[schema.EVENT_TYPE] == "armed_assault"].iloc[0]
    assert (attack[schema.TARGETS], attack[schema.N_REPORTS]) == ("bank (policemen); police post; shops; policemen", 1)
    assert len(store.load_reports(tmp_path)) == len(events)


def test_a_store_made_before_a_column_was_declared_gains_it_empty(tmp_path):
    import duckdb

    ingest.ingest_text("On 4 June 2021, gunmen attacked a bank in Kirkuk, Iraq.", tmp_path, workers=1)
    with duckdb.connect(str(tmp_path / store.DATABASE)) as db:
        db.execute(f"ALTER TABLE reports DROP COLUMN {schema.TARGETS}")
    ingest.ingest_text("On 5 June 2021, gunmen attacked a school in Mosul, Iraq.", tmp_path, workers=1)
    reports = store.load_reports(tmp_path)
    assert len(reports) == 2
    assert reports[schema.TARGETS].isna().sum() == 1
