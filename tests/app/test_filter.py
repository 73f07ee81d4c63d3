"""The one filter sidebar: shared by every page, kept across page switches, mirrored in the URL."""

from __future__ import annotations

import datetime as dt

from eventdesk import schema
from eventdesk.dashboard import keys, ui
from eventdesk.store import store

PAGES = ["overview", "timeline", "map", "casualties", "actors", "events"]


def test_every_page_draws_the_same_sidebar(open_page):
    for page in PAGES:
        app = open_page(page)
        shown = [w.key for w in app.sidebar if getattr(w, "key", None)]
        assert shown == [keys.ACTORS_KEY, keys.ROLE_KEY, keys.TYPES_KEY, keys.DATES_KEY, keys.COUNTRIES_KEY,
                         keys.TEXT_KEY], page


def test_choosing_an_actor_updates_the_url_and_the_counts(open_page):
    app = open_page("overview")
    before = {m.label: m.value for m in app.metric}["All events"]
    app.sidebar.multiselect(key=keys.ACTORS_KEY).set_value(["United States"]).run()
    assert app.query_params == {"actor": "United States"}
    after = {m.label: m.value for m in app.metric}["All events"]
    assert int(after) < int(before)


def test_the_filter_survives_a_page_switch(open_page):
    app = open_page("overview")
    app.sidebar.multiselect(key=keys.ACTORS_KEY).set_value(["Islamic State"]).run()
    app.switch_page("pages/events.py").run()
    assert app.sidebar.multiselect(key=keys.ACTORS_KEY).value == ["Islamic State"]
    assert app.query_params == {"actor": "Islamic State"}
    assert "warning" not in set(app.dataframe[0].value[schema.EVENT_TYPE])


def test_a_link_reproduces_the_view(open_page):
    app = open_page("events", actor="Iran", role="target")
    assert app.sidebar.multiselect(key=keys.ACTORS_KEY).value == ["Iran"]
    assert app.sidebar.radio(key=keys.ROLE_KEY).value == "target"
    # Iran is warned, and accused ("Iran has been accused of ..."); it is the initiator of neither.
    assert sorted(app.dataframe[0].value[schema.EVENT_TYPE]) == ["accusation", "warning"]
    assert app.query_params == {"actor": "Iran", "role": "target"}


def test_a_date_in_the_link_sets_the_date_range(open_page):
    app = open_page("events", to="2024-01-03")
    assert app.sidebar.date_input(key=keys.DATES_KEY).value == (dt.date(2024, 1, 3), dt.date(2024, 1, 3))
    assert list(app.dataframe[0].value[schema.EVENT_TYPE]) == ["bombing"]
    assert app.query_params == {"to": "2024-01-03"}


def test_clearing_the_filter_empties_the_url(open_page):
    app = open_page("overview", actor="Iran", type="warning")
    app.sidebar.button[0].click().run()
    assert app.query_params == {}
    assert app.sidebar.multiselect(key=keys.ACTORS_KEY).value == []


def test_a_missing_store_says_how_to_build_it(monkeypatch, tmp_path, dashboard):
    monkeypatch.setenv(ui.STORE_ENV, str(tmp_path / "nowhere"))
    app = dashboard()
    app.run()
    (error,) = app.error
    assert "There is no event table at" in error.value and "python -m eventdesk ingest seeds" in error.value
    assert len(app.metric) == 0


def test_an_empty_store_says_so(monkeypatch, tmp_path, dashboard):
    store.write_events(schema.empty_frame(), tmp_path)
    monkeypatch.setenv(ui.STORE_ENV, str(tmp_path))
    app = dashboard()
    app.run()
    assert "holds no events yet" in app.warning[0].value
