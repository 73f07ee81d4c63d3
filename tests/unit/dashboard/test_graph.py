"""graph.py: the directed actor graph and its plotly figure."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from eventdesk import schema
from eventdesk.dashboard import graph
from eventdesk.dashboard.colours import EVENT_TYPE_COLOURS


def _relations(*rows: tuple[str, str, str, int, int | None]) -> pd.DataFrame:
    names = [schema.ACTOR1, schema.ACTOR2, schema.EVENT_TYPE, schema.N_EVENTS, schema.KILLED]
    frame = pd.DataFrame(rows, columns=names)
    return schema.conform(frame, schema.RELATION_COLUMNS)


@pytest.fixture
def seed_like() -> pd.DataFrame:
    return _relations(
        ("United States", "Iran", "warning", 1, None),
        ("Iran", "United States", "accusation", 1, None),
        ("Islamic State", "civilians", "bombing", 1, 84),
        ("United States", "Iran", "statement", 2, None),
    )


def test_edges_run_from_initiator_to_target(seed_like):
    g = graph.build_graph(seed_like)
    assert set(g.edges) == {("United States", "Iran"), ("Iran", "United States"), ("Islamic State", "civilians")}
    assert g.is_directed()


def test_an_edge_carries_its_commonest_type_and_all_types(seed_like):
    edge = graph.build_graph(seed_like).edges["United States", "Iran"]
    assert edge[graph.KIND] == "statement"
    assert edge[graph.TYPES_LABEL] == "statement ×2, warning ×1"
    assert edge[schema.N_EVENTS] == 3


def test_node_size_comes_from_event_counts_when_given(seed_like):
    g = graph.build_graph(seed_like)
    assert g.nodes["Iran"][schema.N_EVENTS] == 4  # summed over its edges
    counted = graph.build_graph(seed_like, event_counts={"Iran": 7}, actor_types={"Iran": "state", "Nobody": "x"})
    assert counted.nodes["Iran"][schema.N_EVENTS] == 7
    assert counted.nodes["Iran"][graph.KIND] == "state"
    assert counted.nodes["Islamic State"][schema.N_EVENTS] == 1
    assert "Nobody" not in counted


def test_busiest_keeps_the_actors_with_most_events():
    rel = _relations(("A", "B", "attack", 5, None), ("A", "C", "attack", 1, None), ("D", "E", "attack", 1, None))
    kept = graph.busiest(graph.build_graph(rel), max_nodes=2)
    assert set(kept.nodes) == {"A", "B"}


def test_busiest_keeps_the_heaviest_links_among_them():
    rel = _relations(("A", "B", "attack", 5, None), ("B", "A", "attack", 1, None), ("A", "C", "threat", 3, None))
    kept = graph.busiest(graph.build_graph(rel), max_edges=2)
    assert set(kept.edges) == {("A", "B"), ("A", "C")}
    assert set(kept.nodes) == {"A", "B", "C"}
    assert kept.edges["A", "C"][graph.KIND] == "threat"
    assert kept.nodes["A"][schema.N_EVENTS] == 9


def test_busiest_drops_actors_left_without_a_link():
    rel = _relations(("A", "B", "attack", 5, None), ("C", "D", "attack", 1, None))
    kept = graph.busiest(graph.build_graph(rel), max_edges=1)
    assert set(kept.nodes) == {"A", "B"}


def test_an_initiator_whose_events_name_no_target_stands_alone_and_is_kept():
    # A claimed bombing whose victims are only counted: its claimant still acted, and is drawn.
    rel = _relations(("United States", "Iran", "warning", 1, None))
    g = graph.build_graph(rel, event_counts={"Islamic State": 2, "Iran": 1, "United States": 1},
                          initiators=["Islamic State", "United States"])
    assert g.nodes["Islamic State"] == {graph.LONE: True, schema.N_EVENTS: 2}
    assert g.degree("Islamic State") == 0 and not g.nodes["United States"].get(graph.LONE)
    kept = graph.busiest(g)
    assert set(kept.nodes) == {"Islamic State", "United States", "Iran"}
    hover = [h for t in graph.graph_figure(kept).data if t.mode == "markers+text" for h in t.hovertext]
    assert any("Islamic State" in h and "no named target" in h for h in hover)
    assert not any("United States" in h and "no named target" in h for h in hover)


def test_a_lone_initiator_is_still_cut_when_there_are_too_many_actors():
    rel = _relations(("A", "B", "attack", 5, None))
    g = graph.build_graph(rel, event_counts={"A": 5, "B": 5, "C": 1}, initiators=["A", "C"])
    assert set(graph.busiest(g, max_nodes=2).nodes) == {"A", "B"}


def test_empty_relations_give_an_empty_figure():
    g = graph.build_graph(_relations())
    assert g.number_of_nodes() == 0
    assert graph.graph_figure(g).data == ()


def _traces(figure, mode):
    return [t for t in figure.data if t.mode == mode]


def test_figure_colours_edges_by_relation_and_draws_arrowheads(seed_like):
    figure = graph.graph_figure(graph.build_graph(seed_like))
    lines = _traces(figure, "lines")
    assert {t.name: t.line.color for t in lines} == {
        k: EVENT_TYPE_COLOURS[k] for k in ("accusation", "bombing", "statement")
    }
    arrows = [t for t in figure.data if t.mode == "markers" and t.marker.symbol == "arrow"]
    assert sum(len(t.x) for t in arrows) == 3


def test_figure_labels_every_node_and_escapes_them():
    rel = _relations(("<b>Bold</b> Front", "Iran", "threat", 1, None))
    figure = graph.graph_figure(graph.build_graph(rel))
    labels = [label for t in _traces(figure, "markers+text") for label in t.text]
    assert sorted(labels) == ["&lt;b&gt;Bold&lt;/b&gt; Front", "Iran"]


def test_opposite_edges_bow_apart():
    starts, ends = np.array([[0.0, 0.0], [1.0, 0.0]]), np.array([[1.0, 0.0], [0.0, 0.0]])
    points, _ = graph._curves(starts, ends)
    middle = points[:, graph.CURVE_POINTS // 2, 1]
    assert middle[0] > 0.05 and middle[1] < -0.05


def test_arrowheads_point_along_the_edge_and_stop_at_the_target_node():
    g = graph.build_graph(_relations(("A", "B", "attack", 1, None)))
    pos = {"A": np.array([0.0, 0.0]), "B": np.array([1.0, 0.0])}
    sizes = {"A": 20.0, "B": 40.0}
    (arrows,) = [t for t in graph._edge_traces(g, pos, sizes) if t.marker.symbol == "arrow"]
    assert (arrows.x[0], arrows.y[0]) == (1.0, 0.0)
    # pointing right (90 degrees clockwise from up), give or take the bow
    assert 45 < float(arrows.marker.angle[0]) < 135
    assert float(arrows.marker.standoff[0]) == 21.0


def test_small_graphs_sit_on_a_circle_with_neighbours_together(seed_like):
    pos = graph.layout(graph.build_graph(seed_like))
    radii = {round(float(np.hypot(*xy)), 6) for xy in pos.values()}
    assert radii == {1.0}
    order = list(pos)
    assert abs(order.index("Iran") - order.index("United States")) == 1


def test_edge_hover_names_both_actors_and_all_types(seed_like):
    figure = graph.graph_figure(graph.build_graph(seed_like))
    hovers = [h for t in figure.data if t.hovertext is not None and t.mode == "markers" for h in t.hovertext]
    assert "United States → Iran<br>statement ×2, warning ×1<br>killed 0, injured 0" in hovers


def test_labels_sit_outside_the_layout():
    xy = np.array([[0.0, 1.0], [0.0, -1.0], [1.0, 0.1], [-1.0, 0.0]])
    assert graph.label_positions(xy) == ["top center", "bottom center", "middle right", "middle left"]


def test_the_graph_note_says_how_much_of_the_graph_is_drawn(seed_like):
    network = graph.build_graph(seed_like)
    note = graph.graph_note(network, graph.busiest(network, max_nodes=2))
    assert "Showing 2 of 4 actors and 2 of 3 links" in note
