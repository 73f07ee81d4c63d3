"""Map: one circle per located event, coloured by event type, with its evidence in the popup."""

import streamlit as st
from streamlit_folium import st_folium

from eventdesk.dashboard import filters, keys, mapview, ui

events = ui.load_events()
view = filters.apply(events, ui.current_filter())
ui.page_top("Map", view, events)

plan = mapview.plan_map(view)
st_folium(mapview.draw_map(plan), key=keys.MAP_KEY, height=560, use_container_width=True, returned_objects=[])
st.html(mapview.legend_html(filters.filter_options(view).event_types))
st.caption(f"{plan.note} Map tiles need the internet; without it, country outlines (Natural Earth) are drawn "
           "instead, and the circles and their popups work the same.")
