"""Overview: headline figures for the current filter and the latest events."""

import streamlit as st

from eventdesk.dashboard import counts, filters, query, ui

events = ui.load_events()
view = filters.apply(events, ui.current_filter())
ui.page_top("Overview", view, events)

figures = counts.headline(view, ui.reports_file())
ui.headline_metrics(figures)
st.caption(counts.headline_note(figures))
summed = "Summed over attacks; claims and warnings repeat an attack's toll and are not counted again."
left, right = st.columns(2)
left.metric("Killed", str(figures.killed), help=summed)
right.metric("Injured", str(figures.injured), help=summed)

st.subheader("Latest events")
ui.show_table(query.latest_events(view))
