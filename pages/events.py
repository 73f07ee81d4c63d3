"""Events: the filtered table with every column and its evidence sentence, and the CSV downloads."""

import streamlit as st

from eventdesk import query, ui

events = ui.load_events()
view = query.apply(events, ui.current_filter())

st.title("Events")
ui.filter_caption(view, events)
ui.stop_if_empty(view)

table = query.events_table(view)
ui.show_table(table)
left, right, _ = st.columns([1, 1, 2])
with left:
    ui.download_csv(table, "Download events (CSV)", "events.csv", key="download_events")
with right:
    ui.download_csv(query.relations(view), "Download relations (CSV)", "relations.csv", key="download_events_relations")
st.caption("Search the evidence, actors, places and source with the Search box in the sidebar.")
