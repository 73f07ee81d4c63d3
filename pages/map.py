"""Map: one circle per located event, coloured by event type, with its evidence in the popup."""

import streamlit as st
from streamlit_folium import st_folium

from eventdesk.dashboard import mapview, query, ui

events = ui.load_events()
view = query.apply(events, ui.current_filter())

st.title("Map")
ui.filter_caption(view, events)
ui.stop_if_empty(view)

plan = mapview.plan_map(view)
st_folium(mapview.draw_map(plan), key=ui.MAP_KEY, height=560, use_container_width=True, returned_objects=[])
st.html(mapview.legend_html(query.filter_options(view).event_types))
st.caption(f"{plan.note} Map tiles need the internet; the circles and their popups do not.")
