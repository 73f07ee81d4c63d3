"""Actors: who did what to whom, as a directed graph and a table; one actor's events and counterparts."""

import streamlit as st

from eventdesk.dashboard import graph, query, ui

events = ui.load_events()
view = query.apply(events, ui.current_filter())

st.title("Actors")
ui.filter_caption(view, events)
ui.stop_if_empty(view)

relations = query.relations(view)
network = graph.build_graph(relations, query.actor_event_counts(view), query.actor_types(view))
shown = graph.busiest(network)
if network.number_of_nodes():
    st.plotly_chart(graph.graph_figure(shown), key="actor_graph")
    st.caption(
        f"Arrows run from the initiator to the target; colour is the relation (event type), node size the "
        f"number of events. Showing {shown.number_of_nodes()} of {network.number_of_nodes()} actors and "
        f"{shown.number_of_edges()} of {network.number_of_edges()} links: the busiest actors and the links "
        f"with the most events among them."
    )
else:
    st.info("No event in this view names both an initiator and a target, so there is no graph to draw.")

st.subheader("Relations")
ui.show_table(relations)
ui.download_csv(relations, "Download relations (CSV)", "relations.csv", key="download_relations")

st.subheader("One actor")
actor = st.selectbox("Actor", query.filter_options(view).actors, key=ui.ACTOR_PAGE_KEY, index=None,
                     placeholder="Choose an actor to see its events and counterparts")
if actor:
    st.markdown("**Counterparts**")
    ui.show_table(query.counterparts(view, actor))
    st.markdown("**Events**")
    ui.show_table(query.actor_events(view, actor, limit=ui.MAX_TABLE_ROWS))
