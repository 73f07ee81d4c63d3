"""The actor relationship graph: a networkx DiGraph built from the relations table, drawn with plotly.

An edge runs from the initiator to the target; its colour is the event type that most of its
events share, its hover lists every type. Node size follows the number of events an actor takes
part in, node colour its registry type. The figure is plain plotly (drawn by Streamlit's bundled
plotly.js), so it needs no CDN. Edges are curved so that A -> B and B -> A stay apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import networkx as nx
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from eventdesk.dashboard.colours import actor_colour, event_colour
from eventdesk.dashboard.escaping import escape_text
from eventdesk.schema import ACTOR1, ACTOR2, EVENT_TYPE, INJURED, KILLED, N_EVENTS

MAX_NODES = 40
MAX_EDGES = 120
CIRCLE_UP_TO = 12
TYPES_LABEL = "types"  # edge attribute: "warning ×2, statement ×1"
KIND = "kind"  # edge attribute: the commonest event type; node attribute: the actor type
LONE = "lone"  # node attribute: an initiator none of whose events in the view names a target
CURVE_POINTS = 24
BEND = 0.18  # how far an edge bows out, as a share of its length


def _edges(relations: pd.DataFrame) -> pd.DataFrame:
    """One row per (initiator, target): events, killed, injured, commonest type and a types label."""
    rel = relations.sort_values([N_EVENTS, EVENT_TYPE], ascending=[False, True], kind="stable")
    label = rel[EVENT_TYPE] + " ×" + rel[N_EVENTS].astype("string")
    pairs = pd.DataFrame({ACTOR1: rel[ACTOR1], ACTOR2: rel[ACTOR2], EVENT_TYPE: rel[EVENT_TYPE], TYPES_LABEL: label})
    pairs[N_EVENTS] = rel[N_EVENTS].astype("int64")
    pairs[KILLED] = rel[KILLED].astype("Float64").fillna(0).astype("int64")
    pairs[INJURED] = rel[INJURED].astype("Float64").fillna(0).astype("int64")
    grouped = pairs.groupby([ACTOR1, ACTOR2], sort=False).agg(
        **{
            KIND: (EVENT_TYPE, "first"),
            TYPES_LABEL: (TYPES_LABEL, ", ".join),
            N_EVENTS: (N_EVENTS, "sum"),
            KILLED: (KILLED, "sum"),
            INJURED: (INJURED, "sum"),
        }
    )
    return grouped.reset_index()


def build_graph(
    relations: pd.DataFrame,
    event_counts: Mapping[str, int] | pd.Series | None = None,
    actor_types: Mapping[str, str] | pd.Series | None = None,
    initiators: Iterable[str] = (),
) -> nx.DiGraph:
    """The directed actor graph of a relations table (schema.RELATION_COLUMNS).

    Edge attributes: KIND (commonest event type), TYPES_LABEL, N_EVENTS, KILLED, INJURED.
    Node attributes: N_EVENTS (from `event_counts`, else the sum over its edges) and KIND (actor type).
    An initiator of `initiators` with no relation (its events name no target, as a claimed bombing whose
    victims are only counted) is a node of its own, marked LONE, so the graph still shows who acted.
    """
    edges = _edges(relations)
    graph = nx.from_pandas_edgelist(
        edges, source=ACTOR1, target=ACTOR2, edge_attr=[KIND, TYPES_LABEL, N_EVENTS, KILLED, INJURED],
        create_using=nx.DiGraph,
    )
    touching = pd.concat([edges[[ACTOR1, N_EVENTS]].rename(columns={ACTOR1: ACTOR2}), edges[[ACTOR2, N_EVENTS]]])
    counts = touching.groupby(ACTOR2)[N_EVENTS].sum()
    if event_counts is not None:
        counts = pd.Series(event_counts, dtype="int64").reindex(counts.index).fillna(counts).astype("int64")
    for name in initiators:
        if name not in graph:
            graph.add_node(name, **{LONE: True})
    if event_counts is not None:
        lone = [n for n, is_lone in graph.nodes(data=LONE, default=False) if is_lone]
        counts = pd.concat([counts, pd.Series(event_counts, dtype="int64").reindex(lone).dropna()])
    nx.set_node_attributes(graph, counts.astype("int64").to_dict(), N_EVENTS)
    if actor_types is not None:
        nx.set_node_attributes(graph, {k: v for k, v in dict(actor_types).items() if k in graph}, KIND)
    return graph


def busiest(graph: nx.DiGraph, max_nodes: int = MAX_NODES, max_edges: int = MAX_EDGES) -> nx.DiGraph:
    """The `max_nodes` actors with the most events and the `max_edges` heaviest relations among them
    (an actor left without any of those relations is dropped too, but not a LONE initiator)."""
    counts = pd.Series(dict(graph.nodes(data=N_EVENTS, default=0)), dtype="float64")
    keep = counts.sort_values(ascending=False, kind="stable").index[:max_nodes]
    shown = graph.subgraph(keep).copy()
    if shown.number_of_edges() > max_edges:
        weights = pd.Series({(u, v): n for u, v, n in shown.edges(data=N_EVENTS)}, dtype="float64")
        lightest = weights.sort_values(ascending=False, kind="stable").index[max_edges:]
        shown.remove_edges_from(lightest)
    shown.remove_nodes_from([n for n in nx.isolates(shown) if not shown.nodes[n].get(LONE)])
    return shown


def graph_note(graph: nx.DiGraph, shown: nx.DiGraph) -> str:
    """How to read the graph, and how much of `graph` the drawn part `shown` holds."""
    return (
        f"Arrows run from the initiator to the target; colour is the relation (event type), node size the "
        f"number of events. Showing {shown.number_of_nodes()} of {graph.number_of_nodes()} actors and "
        f"{shown.number_of_edges()} of {graph.number_of_edges()} links: the busiest actors and the links "
        f"with the most events among them. An initiator drawn without arrows names no target in this view."
    )


def layout(graph: nx.DiGraph, seed: int = 7) -> dict[str, np.ndarray]:
    """Node positions (deterministic for a given graph).

    Small or dense graphs sit on a circle (neighbours next to each other, labels outside), where
    every edge stays long enough to read; larger sparse graphs use a spring layout.
    """
    if graph.number_of_nodes() == 0:
        return {}
    dense = graph.number_of_edges() > 2 * graph.number_of_nodes()
    if graph.number_of_nodes() <= CIRCLE_UP_TO or dense:
        groups = sorted(nx.weakly_connected_components(graph), key=lambda group: (-len(group), min(group)))
        order = [node for group in groups for node in sorted(group, key=lambda n: (-graph.degree(n), n))]
        circle = nx.circular_layout(order)
        if len(order) <= CIRCLE_UP_TO:
            return circle
        # Many actors: an ellipse as wide as the chart leaves more room between labels at top and bottom.
        return {node: xy * np.array([1.6, 1.0]) for node, xy in circle.items()}
    return nx.spring_layout(graph.to_undirected(), seed=seed, k=2.5 / np.sqrt(graph.number_of_nodes()), iterations=200)


def _curves(starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Quadratic curves from `starts` to `ends` (E x 2): points (E x T x 2) and tangents (E x T x 2)."""
    mid = (starts + ends) / 2
    delta = ends - starts
    normal = np.stack([-delta[:, 1], delta[:, 0]], axis=1)
    control = mid + BEND * normal
    t = np.linspace(0.0, 1.0, CURVE_POINTS)[None, :, None]
    p0, c, p2 = starts[:, None, :], control[:, None, :], ends[:, None, :]
    points = (1 - t) ** 2 * p0 + 2 * (1 - t) * t * c + t**2 * p2
    tangents = 2 * (1 - t) * (c - p0) + 2 * t * (p2 - c)
    return points, tangents


def _with_gaps(points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Flatten E curves into one x and one y array with a gap (NaN) between curves."""
    padded = np.concatenate([points, np.full((points.shape[0], 1, 2), np.nan)], axis=1)
    flat = padded.reshape(-1, 2)
    return flat[:, 0], flat[:, 1]


def node_sizes(graph: nx.DiGraph) -> dict[str, float]:
    """Marker diameter in pixels of each node: 16 to 50, by the square root of its events."""
    counts = pd.Series(dict(graph.nodes(data=N_EVENTS, default=0)), dtype="float64")
    if counts.empty:
        return {}
    top = max(float(counts.max()), 1.0)
    return (16 + 34 * np.sqrt(counts / top)).to_dict()


def _edge_traces(graph: nx.DiGraph, pos: Mapping[str, np.ndarray], sizes: Mapping[str, float]) -> list[go.Scatter]:
    edges = pd.DataFrame([(u, v, d) for u, v, d in graph.edges(data=True)], columns=["u", "v", "data"])
    if edges.empty:
        return []
    attrs = pd.DataFrame(list(edges["data"]))
    starts = np.array([pos[u] for u in edges["u"]], dtype=float)
    ends = np.array([pos[v] for v in edges["v"]], dtype=float)
    points, tangents = _curves(starts, ends)
    # The arrowhead sits on the target, pointing along the curve, and stands off by the node's radius.
    angles = np.degrees(np.arctan2(tangents[:, -1, 0], tangents[:, -1, 1]))
    standoff = np.array([sizes[v] / 2 + 1 for v in edges["v"]])
    middle = points[:, CURVE_POINTS // 2, :]
    hover = [
        f"{escape_text(u)} → {escape_text(v)}<br>{escape_text(label)}<br>killed {k}, injured {i}"
        for u, v, label, k, i in zip(
            edges["u"], edges["v"], attrs[TYPES_LABEL], attrs[KILLED], attrs[INJURED], strict=True
        )
    ]
    traces = []
    for kind in sorted(attrs[KIND].unique()):
        chosen = (attrs[KIND] == kind).to_numpy()
        xs, ys = _with_gaps(points[chosen])
        colour = event_colour(kind)
        traces.append(
            go.Scatter(
                x=xs, y=ys, mode="lines", line={"color": colour, "width": 2.5}, hoverinfo="skip",
                name=escape_text(kind), legendgroup=kind,
            )
        )
        traces.append(
            go.Scatter(
                x=ends[chosen, 0], y=ends[chosen, 1], mode="markers", legendgroup=kind, showlegend=False,
                marker={"symbol": "arrow", "size": 16, "angle": angles[chosen], "standoff": standoff[chosen],
                        "color": colour},
                hoverinfo="skip",
            )
        )
        traces.append(
            go.Scatter(
                x=middle[chosen, 0], y=middle[chosen, 1], mode="markers", legendgroup=kind, showlegend=False,
                marker={"size": 12, "color": colour, "opacity": 0.01},
                hovertext=[h for h, keep in zip(hover, chosen, strict=True) if keep], hoverinfo="text",
            )
        )
    return traces


def label_positions(xy: np.ndarray) -> list[str]:
    """Put each label on the outer side of its node (layouts are centred on the origin, and edges
    mostly run through the middle)."""
    centred = np.asarray(xy, dtype=float)
    sideways = np.abs(centred[:, 0]) > 1.5 * np.abs(centred[:, 1])
    vertical = np.where(centred[:, 1] >= 0, "top center", "bottom center")
    horizontal = np.where(centred[:, 0] >= 0, "middle right", "middle left")
    return list(np.where(sideways, horizontal, vertical))


def _node_traces(graph: nx.DiGraph, pos: Mapping[str, np.ndarray], sizes: Mapping[str, float]) -> list[go.Scatter]:
    nodes = pd.DataFrame(
        [(n, d.get(N_EVENTS, 0), d.get(KIND) or "unknown", bool(d.get(LONE))) for n, d in graph.nodes(data=True)],
        columns=["name", N_EVENTS, KIND, LONE],
    )
    traces = []
    for kind, group in nodes.groupby(KIND, sort=True):
        xy = np.array([pos[n] for n in group["name"]], dtype=float)
        labels = [escape_text(n) for n in group["name"]]
        traces.append(
            go.Scatter(
                x=xy[:, 0], y=xy[:, 1], mode="markers+text", text=labels, textposition=label_positions(xy),
                textfont={"size": 14}, name=f"{escape_text(kind)} (actor)", legendgroup=f"actor-{kind}",
                marker={"size": [sizes[n] for n in group["name"]], "color": actor_colour(kind), "opacity": 1,
                        "line": {"width": 1.5, "color": "white"}},
                hovertext=[
                    f"<b>{lab}</b><br>{escape_text(kind)}<br>{n} events" + ("<br>no named target" if lone else "")
                    for lab, n, lone in zip(labels, group[N_EVENTS], group[LONE], strict=True)
                ],
                hoverinfo="text",
            )
        )
    return traces


def graph_figure(graph: nx.DiGraph, height: int = 560) -> go.Figure:
    """A plotly figure of a graph: curved arrows coloured by relation, sized nodes, labels.

    Draw `busiest(graph)` rather than a whole large graph: a few dozen actors stay readable.
    """
    shown = graph
    pos = layout(shown)
    sizes = node_sizes(shown)
    figure = go.Figure(data=[*_edge_traces(shown, pos, sizes), *_node_traces(shown, pos, sizes)])
    figure.update_layout(
        height=height, margin={"l": 10, "r": 10, "t": 30, "b": 10}, hovermode="closest",
        legend={"groupclick": "toggleitem", "orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        plot_bgcolor="rgba(0,0,0,0)",
    )
    # Labels run sideways from the nodes on the left and right: leave them more room there.
    figure.update_xaxes(visible=False, range=_padded_range(pos, 0, share=0.3))
    figure.update_yaxes(visible=False, range=_padded_range(pos, 1), scaleanchor="x", scaleratio=1)
    return figure


def _padded_range(pos: Mapping[str, np.ndarray], axis: int, share: float = 0.18) -> list[float]:
    if not pos:
        return [-1.0, 1.0]
    values = np.array([p[axis] for p in pos.values()], dtype=float)
    low, high = float(values.min()), float(values.max())
    pad = max((high - low) * share, 0.35)
    return [low - pad, high + pad]
