"""Timeline: events over time, one row per event type or per initiator."""

import streamlit as st

from eventdesk.dashboard import charts, query, ui

events = ui.load_events()
view = query.apply(events, ui.current_filter())

st.title("Timeline")
ui.filter_caption(view, events)
ui.stop_if_empty(view)

by = st.segmented_control(
    "One row per", query.TIMELINE_BY, key=ui.TIMELINE_BY_KEY, default=query.TIMELINE_BY[0], required=True,
    format_func={query.TIMELINE_BY[0]: "event type", query.TIMELINE_BY[1]: "initiator"}.get,
)
frame = query.timeline_frame(view, by=by)
st.plotly_chart(charts.timeline_figure(frame), key="timeline_chart")
if query.is_binned(frame):
    st.caption(
        f"With {len(view):,} events, each circle counts one row's events in a month (size follows the count); "
        "narrow the filter in the sidebar to see single events and their evidence."
    )
else:
    st.caption(
        "Filled circles: events dated to the day. Hollow circles on a bar: events dated only to a month or a "
        "year (the bar spans it). Dotted lines join linked events, such as an attack and its claim. "
        "Marker size follows the casualties."
    )
undated = query.count_undated(view)
if undated == 1:
    st.caption("1 event has no usable date and is not on the timeline (see the Events page).")
elif undated:
    st.caption(f"{undated:,} events have no usable date and are not on the timeline (see the Events page).")
