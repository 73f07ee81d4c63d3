"""Trends: attacks, killed and injured by province, country or initiator over time, the latest period against before."""

import streamlit as st

from eventdesk.dashboard import filters, keys, trends, ui

events = ui.load_events()
view = filters.apply(events, ui.current_filter())
ui.page_top("Trends", view, events)

left, middle, right = st.columns(3)
with left:
    level = st.segmented_control("Area", list(trends.LEVELS), format_func=trends.LEVELS.get, required=True,
                                 default=next(iter(trends.LEVELS)), key=keys.TRENDS_LEVEL_KEY)
with middle:
    period = st.segmented_control("Period", list(trends.PERIODS), format_func=trends.PERIODS.get, required=True,
                                  default=next(iter(trends.PERIODS)), key=keys.TRENDS_PERIOD_KEY)
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
