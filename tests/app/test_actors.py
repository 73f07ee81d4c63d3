"""Actors page: the relation graph, the relations table and one actor's counterparts."""

from __future__ import annotations

import json

from eventdesk import schema
from eventdesk.dashboard import keys, query


def test_the_graph_draws_every_actor_pair(open_page):
    app = open_page("actors")
    (chart,) = app.get("plotly_chart")
    spec = json.loads(chart.proto.spec)
    labels = {label for t in spec["data"] if t.get("mode") == "markers+text" for label in t["text"]}
    assert {"United States", "Iran"} <= labels
    relations = {t["name"] for t in spec["data"] if t.get("mode") == "lines"}
    assert "warning" in relations
    # The seed names no target of the bombing ("84 lives") and no accuser ("Iran has been accused of ..."):
    # neither is an edge to an actor the text does not name.
    assert "civilians" not in labels and "accusation" not in relations


def test_the_relations_table_has_the_warning_from_the_united_states_to_iran(open_page):
    relations = open_page("actors").dataframe[0].value
    pairs = set(zip(relations[schema.ACTOR1], relations[schema.ACTOR2], relations[schema.EVENT_TYPE], strict=True))
    assert ("United States", "Iran", "warning") in pairs
    assert not any(first == "Iran" for first, _, _ in pairs)  # Iran is accused, not the accuser
    assert not any(second == "civilians" for _, second, _ in pairs)


def test_choosing_an_actor_shows_its_counterparts_and_events(open_page):
    app = open_page("actors")
    app.selectbox(key=keys.ACTOR_PAGE_KEY).set_value("Iran").run()
    counterparts, events = app.dataframe[1].value, app.dataframe[2].value
    assert "United States" in set(counterparts[query.COUNTERPART])
    assert {"warning"} <= set(events[schema.EVENT_TYPE])


def test_the_relations_download_is_offered(open_page):
    assert [b.proto.label for b in open_page("actors").get("download_button")] == ["Download relations (CSV)"]
