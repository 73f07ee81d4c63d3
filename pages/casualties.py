"""Casualties: killed and injured under the current filter, by event, date, place and actor."""

import streamlit as st

from eventdesk import charts, query, ui

events = ui.load_events()
view = query.apply(events, ui.current_filter())

st.title("Casualties")
ui.filter_caption(view, events)
ui.stop_if_empty(view)

figures = query.headline(view)
left, right = st.columns(2)
left.metric("Killed", str(figures.killed))
right.metric("Injured", str(figures.injured))
st.caption("Figures as reported, with their qualifier. Claims, warnings and statements repeat an attack's toll "
           "and are not counted again.")

by_event, by_date, by_place, by_actor = st.tabs(["By event", "By date", "By place", "By initiator"])
with by_event:
    ui.show_table(query.casualties_by_event(view))
with by_date:
    table = query.casualties_by_date(view)
    st.plotly_chart(charts.casualties_figure(table, query.PERIOD), key="casualties_by_date")
    ui.show_table(table)
with by_place:
    table = query.casualties_by_place(view)
    st.plotly_chart(charts.casualties_figure(table.head(30), query.PLACE), key="casualties_by_place")
    ui.show_table(table)
with by_actor:
    table = query.casualties_by_actor(view)
    st.plotly_chart(charts.casualties_figure(table.head(30), query.ACTOR), key="casualties_by_actor")
    ui.show_table(table)
