"""Trends: attacks, killed and injured by province, country or initiator over time, the latest period against
before, and the totals by area drawn on the map."""

import streamlit as st
from streamlit_folium import st_folium

from eventdesk.dashboard import area_map, filters, keys, trends, ui

events = ui.load_events()
view = filters.apply(events, ui.current_filter())
ui.page_top("Trends", view, events)

with st.sidebar:
    period = st.segmented_control("Period", list(trends.PERIODS), format_func=trends.PERIODS.get, required=True,
                                  default=next(iter(trends.PERIODS)), key=keys.TRENDS_PERIOD_KEY,
                                  help="Each area's latest period is set beside the one before it.")
left, right = st.columns(2)
with left:
    level = st.segmented_control("Area", list(trends.LEVELS), format_func=trends.LEVELS.get, required=True,
                                 default=next(iter(trends.LEVELS)), key=keys.TRENDS_LEVEL_KEY)
with right:
    measure = st.segmented_control("Measure", list(trends.MEASURES), format_func=trends.MEASURES.get, required=True,
                                   default=next(iter(trends.MEASURES)), key=keys.TRENDS_MEASURE_KEY)

table = trends.trend_table(view, level, period, measure)
if table.changes.empty:
    st.info("No attack in this view has a date precise enough for this period. Try a longer period, or clear "
            "the filter.")
else:
    st.plotly_chart(trends.trend_figure(table, period, measure), key=keys.TRENDS_CHART_KEY)
    ui.show_table(trends.shown_table(table, period), key=keys.TRENDS_TABLE_KEY)
st.caption(trends.reading_note(table, period, measure))

if level != trends.INITIATOR:
    st.subheader("Totals by area")
    totals = area_map.area_totals(view, level)
    st_folium(area_map.draw_area_map(totals, measure, table.changes), key=keys.TRENDS_MAP_KEY, height=480,
              use_container_width=True, returned_objects=[])
    st.caption(area_map.map_note(totals, measure))
