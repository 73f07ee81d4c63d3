"""Actors: who did what to whom, as a directed graph and a table; one actor's events and counterparts."""

import streamlit as st

from eventdesk.dashboard import filters, graph, keys, query, ui

events = ui.load_events()
view = filters.apply(events, ui.current_filter())
ui.page_top("Actors", view, events)

relations = query.relations(view)
network = graph.build_graph(relations, query.actor_event_counts(view), query.actor_types(view), query.initiators(view))
shown = graph.busiest(network)
if network.number_of_nodes():
    st.plotly_chart(graph.graph_figure(shown), key=keys.ACTOR_GRAPH_KEY)
    st.caption(graph.graph_note(network, shown))
else:
    st.info("No event in this view names an initiator, so there is no graph to draw.")

st.subheader("Relations")
ui.show_table(relations)
ui.download_csv(relations, "Download relations (CSV)", "relations.csv", key=keys.RELATIONS_DOWNLOAD_KEY)

st.subheader("One actor")
actor = st.selectbox("Actor", filters.filter_options(view).actors, key=keys.ACTOR_PAGE_KEY, index=None,
                     placeholder="Choose an actor to see its events and counterparts")
if actor:
    st.markdown("**Counterparts**")
    ui.show_table(query.counterparts(view, actor))
    st.markdown("**Events**")
    ui.show_table(query.actor_events(view, actor, limit=ui.MAX_TABLE_ROWS))
