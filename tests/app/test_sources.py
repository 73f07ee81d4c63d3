"""Events page, one event: its sources and merge reasons, and the analyst's split and merge, kept in the store."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from eventdesk import schema
from eventdesk.dashboard import counts, event_detail, keys
from eventdesk.store import ingest, store
from tests.app.actions import click, metrics

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
# The Events page's dataframes, in order: all events, the chosen one's sources, the decisions.
SOURCES, DECISIONS = 1, 2
# The split-and-merge widgets of the first round (each decision starts a round of fresh widgets).
SPLIT, NOTE, MERGE_WITH = (keys.keyed(key, 0) for key in (keys.SPLIT_KEY, keys.NOTE_KEY, keys.MERGE_WITH_KEY))


def incident(events: pd.DataFrame, location: str, date: str) -> str:
    rows = events[((events[schema.LOCATION] == location) & (events[schema.DATE] == date)).fillna(False)]
    return rows.iloc[0][schema.EVENT_ID]


def test_the_event_with_most_reports_is_shown_with_its_sources_and_reasons(open_store_page, corpus_store):
    app = open_store_page(corpus_store, "events")
    chooser = app.selectbox(key=keys.EVENT_KEY)
    events = store.load_events(corpus_store)
    assert chooser.value == incident(events, "Maiduguri", "2024-03-12")
    assert metrics(app) == {"Killed": "17", "Injured": "45", "Reports": "4", "Sources": "4"}
    assert {"reports: 12 to 19", "reports: 30 to 45"} <= {c.value for c in app.caption}
    why, reasons = app.table[0].value.set_index(""), app.table[1].value
    sources = app.dataframe[SOURCES].value
    assert why.loc["killed", event_detail.VALUE] == "17 · exact" and why.loc["killed", event_detail.WHY]
    assert why.loc["type", event_detail.VALUE] == "bombing" and '"' in why.loc["type", event_detail.WHY]
    assert list(sources[schema.SOURCE]) == ["Reuters", "Al Jazeera", "AFP", "Premium Times"]
    assert list(sources[counts.KILLED_SHOWN]) == ["at least 12", "at least 15", "19", "17"]
    assert sources.iloc[0][schema.MERGE_REASON] == "founded the incident"
    assert sources.iloc[2][schema.EVIDENCE].startswith("A suicide bombing at a market in Maiduguri on Tuesday")
    assert reasons.iloc[0].tolist() == ["founded the incident", "Reuters"]
    assert all(r.startswith("same kind (bombing); dated 2024-03-12") for r in reasons[schema.MERGE_REASON][1:])


def test_the_article_view_links_to_the_address_and_follows_the_chosen_report(open_store_page, corpus_store):
    app = open_store_page(corpus_store, "events")
    members = store.event_members(corpus_store, app.selectbox(key=keys.EVENT_KEY).value).set_index(schema.SOURCE)
    report = app.selectbox(key=keys.ARTICLE_REPORT_KEY)
    assert report.value == members.loc["Premium Times", schema.REPORT_ID]  # the event's evidence: the best figure's
    report.set_value(members.loc["Reuters", schema.REPORT_ID]).run()
    (shown,) = [h.proto.body for h in app.get("html")]
    url = "https://wire.example/reuters/2024/03/12/nigeria-maiduguri-market-blast"
    assert f'<a href="{url}"' in shown and "Suicide bombing kills at least 12 at Nigerian market" in shown
    assert "<mark" in shown and shown.split("</mark>")[0].endswith(members.loc["Reuters", schema.EVIDENCE])
    assert "No group immediately claimed responsibility for the attack." in shown.split("</mark>")[1]


def test_the_table_carries_the_incident_figures(open_store_page, corpus_store):
    app = open_store_page(corpus_store, "events")
    app.toggle(key=keys.SHOW_ALL_COLUMNS_KEY).set_value(True).run()
    table = app.dataframe[0].value
    assert set(schema.INCIDENT_FIELDS) <= set(table.columns)
    row = table[table[schema.LOCATION] == "Maiduguri"].iloc[0]
    figures = [schema.KILLED_LOW, schema.KILLED_BEST, schema.KILLED_HIGH, schema.N_SOURCES]
    assert row[figures].tolist() == [12, 17, 19, 4]


def test_splitting_reports_off_makes_a_new_event_that_survives_reingest(open_store_page, corpus_store, writable):
    folder = writable(corpus_store)
    app = open_store_page(folder, "events")
    members = store.event_members(folder, app.selectbox(key=keys.EVENT_KEY).value).set_index(schema.SOURCE)
    leaving = [members.loc["AFP", schema.REPORT_ID], members.loc["Premium Times", schema.REPORT_ID]]
    app.multiselect(key=SPLIT).set_value(leaving)
    app.text_input(key=NOTE).input("the later toll is a second blast")
    click(app, "Split them off")

    assert "Split 2 report(s) off into a new event" in app.success[0].value
    assert len(store.load_events(folder)) == 5
    assert list(app.dataframe[SOURCES].value[schema.SOURCE]) == ["AFP", "Premium Times"]
    assert metrics(app)["Killed"] == "17"
    assert "reports: 17 to 19" in {c.value for c in app.caption}
    chooser = app.selectbox(key=keys.EVENT_KEY)
    halves = [label for label in chooser.options if "Maiduguri" in label]
    assert len(halves) == 2 and len(set(chooser.options)) == len(chooser.options)
    assert app.multiselect(key=keys.keyed(keys.SPLIT_KEY, 1)).value == []
    decisions = app.dataframe[DECISIONS].value
    assert decisions[[schema.ACTION, schema.NOTE]].values.tolist() == [["split", "the later toll is a second blast"]]

    again = ingest.ingest_paths([CORPUS], folder, workers=1)
    assert (again.articles_new, again.events) == (0, 5)
    app.run()
    assert len(app.dataframe[0].value) == 5


def _two_quetta_events_chosen_to_merge(open_store_page, corpus_store, writable):
    """A writable copy of the corpus store, its Events page on one Quetta event with the other chosen to merge."""
    folder = writable(corpus_store)
    events = store.load_events(folder)
    first, second = incident(events, "Quetta", "2024-03-04"), incident(events, "Quetta", "2024-03-11")
    app = open_store_page(folder, "events")
    app.selectbox(key=keys.EVENT_KEY).set_value(first).run()
    app.selectbox(key=MERGE_WITH).set_value(second).run()
    return folder, app, first, second


def test_merging_two_events_joins_their_sources(open_store_page, corpus_store, writable):
    folder, app, _, _ = _two_quetta_events_chosen_to_merge(open_store_page, corpus_store, writable)
    click(app, "Merge the two events")

    assert "Merged the two events" in app.success[0].value
    assert len(store.load_events(folder)) == 3
    sources = app.dataframe[SOURCES].value
    assert sorted(sources[schema.SOURCE]) == ["AP", "Dawn", "Reuters"]
    assert "merged by the analyst (decision 1)" in set(sources[schema.MERGE_REASON])
    assert metrics(app)["Killed"] == "4"  # the latest report's figure
    assert "reports: 2 to 4" in {c.value for c in app.caption}
    assert list(store.load_decisions(folder)[schema.ACTION]) == ["merge"]

    # The merge box starts afresh: the merged-away event is no longer offered, and a second click says what to do.
    merge_with = app.selectbox(key=keys.keyed(keys.MERGE_WITH_KEY, 1))
    assert merge_with.value is None
    assert len(merge_with.options) == 2 and not any("2024-03-11" in label for label in merge_with.options)
    click(app, "Merge the two events")
    assert [e.value for e in app.error] == ["Choose the event to merge this one with first."]
    assert list(store.load_decisions(folder)[schema.ACTION]) == ["merge"]


def test_a_merge_with_an_event_merged_away_meanwhile_is_refused_plainly(open_store_page, corpus_store, writable):
    folder, app, first, second = _two_quetta_events_chosen_to_merge(open_store_page, corpus_store, writable)
    store.merge_events(folder, [first, second])  # another session merges them first
    click(app, "Merge the two events")
    assert [e.value for e in app.error] == [event_detail.merge_problem(first, second, store.load_events(folder))]
    assert "no longer in the table" in app.error[0].value
    assert list(store.load_decisions(folder)[schema.ACTION]) == ["merge"]


def test_a_split_of_every_report_is_refused_with_the_reason(open_store_page, corpus_store, writable):
    folder = writable(corpus_store)
    app = open_store_page(folder, "events")
    chosen = app.selectbox(key=keys.EVENT_KEY).value
    app.multiselect(key=SPLIT).set_value(list(store.event_members(folder, chosen)[schema.REPORT_ID]))
    click(app, "Split them off")
    assert "choose some but not all of its reports" in app.error[0].value
    assert len(store.load_events(folder)) == 4


def test_a_merge_without_a_second_event_says_what_to_do(open_store_page, corpus_store):
    app = click(open_store_page(corpus_store, "events"), "Merge the two events")
    assert [e.value for e in app.error] == ["Choose the event to merge this one with first."]


def test_casualties_history_of_one_event(open_store_page, corpus_store):
    app = open_store_page(corpus_store, "casualties")
    assert app.selectbox(key=keys.HISTORY_EVENT_KEY).value == incident(store.load_events(corpus_store),
                                                                        "Maiduguri", "2024-03-12")
    history = app.dataframe[-1].value
    assert list(history[schema.PUBLISHED]) == ["2024-03-12", "2024-03-13", "2024-03-13", "2024-03-15"]
    assert list(history[counts.KILLED_SHOWN]) == ["at least 12", "at least 15", "19", "17"]
    chart = [c for c in app.get("plotly_chart") if "figure_history" in c.proto.id][0]
    assert '"killed as reported"' in chart.proto.spec and '"killed best 17"' in chart.proto.spec
