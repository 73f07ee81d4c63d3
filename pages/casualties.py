"""Casualties: killed and injured under the current filter, by event, date, place and actor, and the
history of one event's figures as its reports gave them."""

import streamlit as st

from eventdesk.dashboard import charts, counts, event_detail, filters, keys, query, ui

events = ui.load_events()
view = filters.apply(events, ui.current_filter())
ui.page_top("Casualties", view, events)

figures = counts.headline(view)
left, right = st.columns(2)
left.metric("Killed", str(figures.killed))
right.metric("Injured", str(figures.injured))
st.caption("Figures as reported, with their qualifier. Claims, warnings and statements repeat an attack's toll "
           "and are not counted again.")

by_event, by_date, by_place, by_actor, history_tab = st.tabs(
    ["By event", "By date", "By place", "By initiator", "History of one event"])
with by_event:
    ui.show_table(query.casualties_by_event(view, limit=ui.MAX_TABLE_ROWS))
with by_date:
    table = query.casualties_by_date(view)
    st.plotly_chart(charts.casualties_figure(table, query.PERIOD), key=keys.CASUALTIES_BY_DATE_KEY)
    ui.show_table(table)
with by_place:
    table = query.casualties_by_place(view)
    st.plotly_chart(charts.casualties_figure(table.head(30), query.PLACE), key=keys.CASUALTIES_BY_PLACE_KEY)
    ui.show_table(table)
with by_actor:
    table = query.casualties_by_actor(view)
    st.plotly_chart(charts.casualties_figure(table.head(30), query.ACTOR), key=keys.CASUALTIES_BY_ACTOR_KEY)
    ui.show_table(table)
with history_tab:
    choices = event_detail.event_choices(view, with_figures=True)
    if choices.empty:
        st.info("No event in this view reports killed or injured.")
    else:
        ui.keep_choice(keys.HISTORY_EVENT_KEY, choices.index)
        event_id = st.selectbox("Event", choices.index, format_func=choices.get, key=keys.HISTORY_EVENT_KEY,
                                help="Events with figures, those with the most reports first.")
        event = event_detail.event_row(view, event_id)
        history = ui.figure_history(event_id)
        gap = event_detail.history_gap(history)
        figures_read = (f"Killed: {event_detail.figure_text(event, 'killed')}. "
                        f"Injured: {event_detail.figure_text(event, 'injured')}.")
        if gap:
            st.info(gap, icon=":material/event_busy:")
            st.caption(figures_read)
        else:
            st.plotly_chart(charts.history_figure(event_detail.history_points(history),
                                                  event_detail.figure_ranges(event)), key=keys.HISTORY_CHART_KEY)
            st.caption(
                f"{figures_read} Each point is one report's figure at its report date (the article's publication "
                "date); the line holds it until the next report. The shaded band spans the lowest and highest "
                "figure reported, the dashed line is the best figure (by default the latest report's, never a "
                "sum of reports)."
            )
            undated = event_detail.count_undated(history)
            if undated:
                st.caption(f"{undated:,} report(s) have no report date and are only in the table below.")
        ui.show_table(event_detail.history_table(history), key=keys.HISTORY_TABLE_KEY)
