"""Overview: headline figures for the current filter and the latest events."""

import streamlit as st

from eventdesk.dashboard import query, ui

events = ui.load_events()
view = query.apply(events, ui.current_filter())

st.title("Overview")
ui.filter_caption(view, events)
ui.stop_if_empty(view)

figures = query.headline(view)
columns = st.columns([1, 1, 1.7, 1.7, 1])
columns[0].metric("Events", f"{figures.events:,}")
columns[1].metric("Articles", f"{figures.articles:,}")
summed = "Summed over attacks; claims and warnings repeat an attack's toll and are not counted again."
columns[2].metric("Killed", str(figures.killed), help=summed)
columns[3].metric("Injured", str(figures.injured), help=summed)
columns[4].metric("Actors", f"{figures.actors:,}")

st.subheader("Latest events")
ui.show_table(query.latest_events(view))
