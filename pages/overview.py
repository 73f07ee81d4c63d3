"""Overview: headline figures for the current filter and the latest events."""

import streamlit as st

from eventdesk.dashboard import counts, filters, query, ui

events = ui.load_events()
view = filters.apply(events, ui.current_filter())
ui.page_top("Overview", view, events)

figures = counts.headline(view)
columns = st.columns([1, 1, 1.7, 1.7, 1])
columns[0].metric("Events", f"{figures.events:,}")
columns[1].metric("Articles", f"{figures.articles:,}")
summed = "Summed over attacks; claims and warnings repeat an attack's toll and are not counted again."
columns[2].metric("Killed", str(figures.killed), help=summed)
columns[3].metric("Injured", str(figures.injured), help=summed)
columns[4].metric("Actors", f"{figures.actors:,}")

st.subheader("Latest events")
ui.show_table(query.latest_events(view))
