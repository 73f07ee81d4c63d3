"""Timeline: events over time, one row per event type or per initiator."""

import streamlit as st

from eventdesk.dashboard import charts, filters, keys, timeline, ui

events = ui.load_events()
view = filters.apply(events, ui.current_filter())
ui.page_top("Timeline", view, events)

by = st.segmented_control("One row per", timeline.TIMELINE_BY, key=keys.TIMELINE_BY_KEY,
                          default=timeline.TIMELINE_BY[0], required=True, format_func=timeline.TIMELINE_BY_LABELS.get)
frame = timeline.timeline_frame(view, by=by)
st.plotly_chart(charts.timeline_figure(frame), key=keys.TIMELINE_CHART_KEY)
st.caption(timeline.reading_note(frame, len(view)))
ui.caption_if(timeline.undated_note(timeline.count_undated(view)))
