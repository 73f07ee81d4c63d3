"""Events page: the filtered table (the analyst's columns first, every column one click away), and its CSV downloads."""

from __future__ import annotations

import io

import pandas as pd

from eventdesk import schema
from eventdesk.dashboard import escaping, filters, keys, query, ui
from eventdesk.store import export, store


def test_the_table_opens_on_the_analysts_columns_and_every_event(open_page, seed_table):
    table = open_page("events").dataframe[0].value
    assert tuple(table.columns) == query.EVENTS_PAGE_COLUMNS
    assert list(table.columns[:8]) == [schema.DATE, schema.EVENT_TYPE, query.PLACE, schema.ACTOR1, schema.ACTOR2,
                                       schema.KILLED, schema.INJURED, schema.EVIDENCE]
    assert sorted(table[schema.EVENT_ID]) == sorted(seed_table[schema.EVENT_ID])
    bombing = table[table[schema.EVENT_TYPE] == "bombing"].iloc[0]
    assert (bombing[query.PLACE], bombing[schema.KILLED]) == ("Kerman, Iran", 84)


def test_every_column_is_one_click_away(open_page):
    app = open_page("events")
    app.toggle(key=keys.SHOW_ALL_COLUMNS_KEY).set_value(True).run()
    table = app.dataframe[0].value
    assert tuple(table.columns[:len(query.EVENTS_PAGE_COLUMNS)]) == query.EVENTS_PAGE_COLUMNS
    assert set(schema.INCIDENT_FIELDS) <= set(table.columns)


def test_download_buttons_exist(open_page):
    labels = [b.proto.label for b in open_page("events").get("download_button")]
    assert labels[:2] == ["Download events (CSV)", "Download relations (CSV)"]


def test_the_csv_holds_exactly_the_filtered_rows(open_page, seed_table):
    app = open_page("events", actor="Islamic State")
    shown = app.dataframe[0].value
    view = filters.apply(seed_table, filters.Filter(actors=("Islamic State",)))
    data = export.to_csv_bytes(query.events_table(view))
    parsed = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
    assert list(parsed.columns) == list(schema.INCIDENT_FIELDS)
    assert list(parsed[schema.EVENT_ID]) == list(shown[schema.EVENT_ID])
    assert {"bombing", "claim"} <= set(parsed[schema.EVENT_TYPE])
    assert len(parsed) < len(seed_table)


def test_text_search_narrows_the_table(open_page):
    table = open_page("events", q="claimed responsibility").dataframe[0].value
    assert list(table[schema.EVENT_TYPE]) == ["claim"]


def test_an_actor_with_no_events_empties_the_table_and_says_so(open_page):
    app = open_page("events", actor="Hezbollah")
    assert len(app.dataframe) == 0
    assert [i.value for i in app.info] == [ui.EMPTY_MESSAGE]
    assert len(app.get("download_button")) == 0


def test_the_event_shown_first_is_the_attack_not_its_claim(open_page, seed_table):
    app = open_page("events")
    chooser = app.selectbox(key=keys.EVENT_KEY)
    bombing = seed_table[seed_table[schema.EVENT_TYPE] == "bombing"].iloc[0]
    assert chooser.value == bombing[schema.EVENT_ID]
    assert chooser.options[0] == ("2024-01-03 · bombing · Kerman, Iran · Islamic State · at least 84 killed, "
                                  "284 injured · 1 report")
    assert len(set(chooser.options)) == len(chooser.options) == len(seed_table)


def test_the_article_of_the_evidence_is_shown_whole_with_the_sentence_marked(open_page, seed_store, seed_table):
    app = open_page("events")
    (shown,) = [h.proto.body for h in app.get("html")]
    text = store.load_article(seed_store, seed_table.iloc[0][schema.ARTICLE_ID])[schema.TEXT]
    assert "US Secretly Warned Iran of Potential ISIS Attack" in shown
    assert shown.count("<mark") == 1
    marked = shown.split("<mark", 1)[1].split(">", 1)[1].split("</mark>")[0]
    assert marked == "The explosion resulted in the tragic loss of at least 84 lives and left 284 others injured."
    assert escaping.escape_text(text[-120:]) in shown  # the whole text, to its last words
    assert "<a href" not in shown  # the seed article has no address
