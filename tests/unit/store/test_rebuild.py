"""Incidents rebuilt in the store's database: the streamed merge, and one decision applied to its incidents alone."""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd

from eventdesk import schema
from eventdesk.store import clusters, database, merge, rebuild, store
from eventdesk.store.decisions import MERGE, SPLIT, Decision


def incident(folder: Path, location: str, date: str) -> pd.Series:
    events = store.load_events(folder)
    return events[(events[schema.LOCATION] == location) & (events[schema.DATE] == date)].iloc[0]


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


def test_a_split_touches_only_its_incident_and_gives_what_a_full_rebuild_gives(corpus_copy):
    bombing = incident(corpus_copy, "Maiduguri", "2024-03-12")
    others = store.load_events(corpus_copy).query(f"{schema.EVENT_ID} != '{bombing[schema.EVENT_ID]}'")
    members = store.event_members(corpus_copy, bombing[schema.EVENT_ID]).set_index(schema.SOURCE)[schema.REPORT_ID]
    store.split_event(corpus_copy, bombing[schema.EVENT_ID], [members["AFP"]])
    after = store.load_events(corpus_copy).set_index(schema.EVENT_ID)
    pd.testing.assert_frame_equal(after.loc[others[schema.EVENT_ID]].reset_index(), others.reset_index(drop=True))
    _assert_as_rebuilt(corpus_copy)


def test_a_merge_then_a_split_give_what_a_full_rebuild_gives(corpus_copy):
    quetta = [incident(corpus_copy, "Quetta", day)[schema.EVENT_ID] for day in ("2024-03-04", "2024-03-11")]
    merged = store.merge_events(corpus_copy, quetta)
    _assert_as_rebuilt(corpus_copy)
    founder = store.event_members(corpus_copy, merged)[schema.REPORT_ID].iloc[0]
    store.split_event(corpus_copy, merged, [founder])  # the founder leaves: both parts get new founders and places
    _assert_as_rebuilt(corpus_copy)


# (location, admin1, country, lat, lon): two towns 35 km apart, a town across the border, another country.
TOWNS = [("Maiduguri", "Borno", "Nigeria", 11.8311, 13.1510), ("Konduga", "Borno", "Nigeria", 11.6533, 13.4179),
         ("Diffa", "Diffa", "Niger", 13.3154, 12.6113), ("Quetta", "Balochistan", "Pakistan", 30.1798, 66.9750)]


def generated_reports(n_incidents: int, seed: int = 3) -> pd.DataFrame:
    """One to five reports of each incident, over eight years in three countries: some reports dated only to
    the month or the year or not at all, some placed only at the province or the country or not at all, some
    later reports (a toll update dated the day it was published), some naming the site attacked."""
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
            published = day + pd.Timedelta(days=rng.randint(0, 3))
            evidence, site = f"Report {number}.", rng.choice([None, "market", "police checkpoint"])
            if rng.random() < 0.1:  # a later report, dated when it was written
                date = (f"{published:%Y-%m-%d}", "day")
                evidence = f"The death toll from Monday's bombing at the {site or 'bus station'} has risen to 9."
            rows.append({
                schema.REPORT_ID: f"r{number:05d}", schema.ARTICLE_ID: f"a{number:05d}", schema.SOURCE: "AP",
                schema.PUBLISHED: f"{published:%Y-%m-%d}", schema.EVENT_TYPE: kind, schema.DATE: date[0],
                schema.DATE_PRECISION: date[1], schema.ACTOR1: actor[0], schema.ACTOR1_TYPE: actor[1],
                schema.LOCATION: location if geo == "city" else None, schema.LAT: lat if geo == "city" else None,
                schema.LON: lon if geo == "city" else None, schema.ADMIN1: admin1 if geo != "unknown" else None,
                schema.COUNTRY: country if geo != "unknown" else None, schema.GEO_PRECISION: geo,
                schema.KILLED: rng.randrange(20),
                schema.TARGETS: site, schema.EVIDENCE: evidence, schema.EVIDENCE_START: 0, schema.EVIDENCE_END: 10,
                schema.CONFIDENCE: 0.9,
            })
    return pd.DataFrame(rows, columns=[c.name for c in database.EXTRACTED_COLUMNS])


def test_the_streamed_rebuild_gives_the_membership_of_the_merge_in_memory(tmp_path):
    reports = generated_reports(1000)
    articles = pd.DataFrame({schema.ARTICLE_ID: reports[schema.ARTICLE_ID],
                             schema.CONTENT_HASH: reports[schema.ARTICLE_ID], schema.TEXT: reports[schema.EVIDENCE]})
    decisions = [Decision(1, SPLIT, ("r00010", "r00011")), Decision(2, MERGE, ("r00002", "r02000"))]
    with store.open_store(tmp_path) as db:
        db.add(articles, reports)
        for decision in decisions:
            db.add_decision(decision.action, decision.report_ids, [], None)
        n_events = rebuild.rebuild_incidents(db, family_of=str)
        stored = db.frame(f"SELECT * FROM {database.MEMBERS} ORDER BY {clusters.EVENT_SEQ}, {clusters.MEMBER_RANK}")
    expected = clusters.assign_incidents(merge.to_reports(reports), decisions)
    expected = expected.sort_values([clusters.EVENT_SEQ, clusters.MEMBER_RANK], ignore_index=True)
    pd.testing.assert_frame_equal(stored[list(expected.columns)].astype(expected.dtypes.to_dict()), expected)
    assert n_events == expected[clusters.EVENT_SEQ].nunique() < len(reports) * 2 // 3  # the corpus does merge
    reasons = expected[schema.MERGE_REASON]
    # Vaguer reports met the precise incidents that had been shelved and taken back.
    assert reasons.str.startswith("the only incident this vaguer report fits").sum() >= 5
    assert reasons.str.contains("too vague to choose").sum() > 300
    assert reasons.str.contains("this vaguer report agrees with most").sum() > 200
    # Later reports and undated ones reached back to the incidents of the week before their publication.
    assert reasons.str.contains(r"a later report \(merge_later_weekday_possessive").sum() > 20
    assert reasons.str.contains("undated, published").sum() > 20
    assert reasons.str.startswith("merged by the analyst").any() and reasons.str.startswith("split off").any()




def test_a_store_without_reports_rebuilds_to_no_incidents(tmp_path):
    with store.open_store(tmp_path) as db:
        assert rebuild.rebuild_incidents(db, family_of=str) == 0
        db.export()
        assert (db.count(database.MEMBERS), db.count(database.EVENTS)) == (0, 0)
    assert store.load_events(tmp_path).empty
    assert (tmp_path / store.EVENTS_CSV).read_bytes() == (",".join(schema.INCIDENT_FIELDS) + "\r\n").encode()
