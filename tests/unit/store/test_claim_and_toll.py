"""A claim that is also a toll update joins the bombing it claims, through the real pipeline and store."""

from __future__ import annotations

import json

from eventdesk import schema
from eventdesk.store import ingest, store

ARTICLES = {
    "2024-02-10_reuters.json": {
        "source": "Reuters", "published": "2024-02-10", "title": "Suicide bomber kills 12 at Maiduguri bus station",
        "text": "MAIDUGURI, Nigeria (Reuters) - A suicide bomber killed 12 people and wounded 30 at a crowded bus "
                "station in the northeastern Nigerian city of Maiduguri on Saturday, police said. No group "
                "immediately claimed responsibility."},
    "2024-02-11_local.json": {
        "source": "Daily Trust", "published": "2024-02-11", "title": "Borno bus station blast",
        "text": "At least 14 people died when explosives went off at the bus station in Maiduguri, Borno, on "
                "February 10, a hospital official said."},
    "2024-02-14_ap.json": {
        "source": "AP", "published": "2024-02-14", "title": "Boko Haram claims Maiduguri bombing",
        "text": "Boko Haram on Wednesday claimed responsibility for the bombing at the bus station in Maiduguri on "
                "February 10, which officials now say killed 20 people."},
}


def test_the_claim_and_toll_report_joins_the_bombing_with_its_claimant_and_latest_figure(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, article in ARTICLES.items():
        (corpus / name).write_text(json.dumps(article), encoding="utf-8")
    ingest.ingest_paths([corpus], tmp_path / "store", workers=1)
    events = store.load_events(tmp_path / "store")
    bombings = events[events[schema.EVENT_TYPE] == "bombing"]
    assert len(bombings) == 1
    bombing = bombings.iloc[0]
    assert (bombing[schema.N_REPORTS], bombing[schema.DATE], bombing[schema.LOCATION]) == (3, "2024-02-10", "Maiduguri")
    assert (bombing[schema.KILLED_LOW], bombing[schema.KILLED_BEST], bombing[schema.KILLED_HIGH]) == (12, 20, 20)
    assert bombing[schema.CLAIMED_BY] == "Boko Haram" and bombing[schema.ACTOR1] == "Boko Haram"
    reasons = store.event_members(tmp_path / "store", bombing[schema.EVENT_ID]).set_index(schema.SOURCE)
    assert reasons.loc["AP", schema.MERGE_REASON].startswith(
        'the only incident this vaguer report fits: same kind (bombing); dated 2024-02-14, a later report '
        '(merge_later_claim "claimed responsibility for"): within 7 days after 2024-02-10')
    claims = events[events[schema.EVENT_TYPE] == "claim"]
    assert list(claims[schema.LINKED_EVENT_ID]) == [bombing[schema.EVENT_ID]]
