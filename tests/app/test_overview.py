"""Overview page: headline figures and the latest events for the current filter."""

from __future__ import annotations

from eventdesk import schema
from eventdesk.dashboard import counts, keys, ui


def _metrics(app) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def test_overview_shows_84_killed_and_284_injured(open_page, seed_table):
    app = open_page("overview")
    figures = _metrics(app)
    assert figures["Killed"] == "at least 84"
    assert figures["Injured"] == "284"
    assert figures["All events"] == str(len(seed_table))
    assert (figures["Attacks"], figures["Articles"], figures["Sources"]) == ("1", "1", "1")


def test_the_counts_say_what_they_count(open_page):
    note = open_page("overview").caption[1].value
    assert note == ("Attacks (violent events): bombing 1. Other events: warning 1, claim 1, accusation 1. "
                    "Read from 1 article of 1 source (4 reports).")


def test_one_merged_attack_counts_its_every_article_and_source(open_store_page, corpus_store):
    app = open_store_page(corpus_store, "overview")
    app.sidebar.multiselect(key=keys.COUNTRIES_KEY).set_value(["Nigeria"]).run()
    figures = _metrics(app)
    assert (figures["Attacks"], figures["All events"], figures["Articles"], figures["Sources"]) == ("1", "1", "4", "4")
    assert figures["Killed"] == "17"


def test_latest_events_lists_the_bombing_with_its_figures(open_page):
    table = open_page("overview").dataframe[0].value
    bombing = table[table[schema.EVENT_TYPE] == "bombing"].iloc[0]
    assert bombing[schema.DATE] == "2024-01-03"
    assert bombing[counts.KILLED_SHOWN] == "at least 84"


def test_an_actor_with_no_events_empties_the_page_and_says_so(open_page):
    app = open_page("overview", actor="Hezbollah")
    assert [m.label for m in app.metric] == []
    assert [i.value for i in app.info] == [ui.EMPTY_MESSAGE]
    assert len(app.dataframe) == 0


def test_islamic_state_keeps_the_bombing_and_the_claim(open_page):
    app = open_page("overview", actor="Islamic State")
    types = set(app.dataframe[0].value[schema.EVENT_TYPE])
    assert {"bombing", "claim"} <= types
    assert "warning" not in types
    assert _metrics(app)["Killed"] == "at least 84"
