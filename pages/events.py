"""Events: the filtered table (what, when, where, who, the toll and its evidence first; every column one
click away) and the CSV downloads; one event's sources and why they were merged, a report's article with its
evidence sentence marked, the analyst's split and merge, corrections and verification, and the decision log."""

import functools

import streamlit as st

from eventdesk import schema
from eventdesk.dashboard import correcting, event_detail, filters, keys, query, ui

events = ui.load_events()
view = filters.apply(events, ui.current_filter())
ui.page_top("Events", view, events)

all_columns = st.toggle("Show all columns", key=keys.SHOW_ALL_COLUMNS_KEY,
                        help="Every column of the event table; the CSV download always has them all.")
ui.show_table(query.events_page_table(view, limit=ui.MAX_TABLE_ROWS, all_columns=all_columns))
left, right, _ = st.columns([1, 1, 2])
with left:
    ui.download_csv(functools.partial(query.events_csv, view), "Download events (CSV)", "events.csv",
                    key=keys.EVENTS_DOWNLOAD_KEY)
with right:
    ui.download_csv(query.relations(view), "Download relations (CSV)", "relations.csv",
                    key=keys.EVENTS_RELATIONS_DOWNLOAD_KEY)
st.caption("Search the evidence, actors, places and source with the Search box in the sidebar. Each row is one "
           "incident: killed and injured are its best figures (killed_qualifier says \"at least\" or \"about\"); "
           "with all columns, killed_low, killed_best and killed_high (and the same for injured) span its reports' "
           "figures. n_sources counts the outlets that reported it.")

st.header("One event: its sources")
ui.show_decision_outcome()
choices = event_detail.event_choices(view)
ui.keep_choice(keys.EVENT_KEY, choices.index)
event_id = st.selectbox("Event", choices.index, format_func=choices.get, key=keys.EVENT_KEY,
                        help=f"{len(choices):,} events of the view: the attacks with the most reports first, then "
                             "the claims, warnings and other events; narrow the filter to find others.")
event = event_detail.event_row(view, event_id)
members = ui.event_members(event_id)

figures = event_detail.event_figures(event, members)
for column, (label, (value, note)) in zip(st.columns([2, 2, 1, 1]), figures.items(), strict=True):
    with column:
        st.metric(label, value)
        ui.caption_if(note)

st.markdown("**Why these values** (the rule that read each, and its words in the article)")
st.table(event_detail.value_reasons(event), hide_index=True)
st.markdown("**Why these reports are one event**")
st.table(event_detail.merge_reasons(members), hide_index=True)  # a table wraps the long reasons
st.markdown("**Sources** (the report that founded the event first)")
ui.show_table(event_detail.sources_table(members), key=keys.SOURCES_TABLE_KEY)

st.markdown("**The article** (its evidence sentence marked)")
reports = event_detail.article_choices(members, event)
ui.keep_choice(keys.ARTICLE_REPORT_KEY, reports.index)
report = event_detail.member(members, st.selectbox("Report", reports.index, format_func=reports.get,
                                                   key=keys.ARTICLE_REPORT_KEY))
article = event_detail.article_view(ui.article(event_detail.article_of(report)), report)
ui.caption_if(article.note)
with st.container(border=True, key=keys.ARTICLE_VIEW_KEY):
    st.html(article.html)

if ui.may_write():  # not on a read-only desk; with an editor password, after signing in
    with st.expander("Wrongly merged? Split reports off, or merge with another event", key=keys.DECISIONS_OPEN_KEY,
                     on_change="rerun"):  # keyed: it stays open when Enter in the note runs the page again
        st.text_input("Note (kept with the decision)", key=ui.decision_key(keys.NOTE_KEY),
                      placeholder="Why, for whoever reads this later")
        labels = event_detail.report_labels(members)
        ui.keep_choice(ui.decision_key(keys.SPLIT_KEY), labels.index)
        st.multiselect("Reports to split off into a new event", labels.index, format_func=labels.get,
                       key=ui.decision_key(keys.SPLIT_KEY))
        st.button("Split them off", on_click=ui.split_chosen, args=(event_id,), icon=":material/call_split:",
                  disabled=len(members) < 2, key=keys.SPLIT_BUTTON_KEY)
        others = choices.drop(event_id)
        ui.keep_choice(ui.decision_key(keys.MERGE_WITH_KEY), others.index)
        st.selectbox("Event to merge this one with", others.index, format_func=others.get,
                     key=ui.decision_key(keys.MERGE_WITH_KEY), index=None, placeholder="Choose an event")
        st.button("Merge the two events", on_click=ui.merge_chosen, args=(event_id,),
                  icon=":material/call_merge:", key=keys.MERGE_BUTTON_KEY)
        st.caption("Decisions are kept in the store by report, so they survive re-ingest and new articles.")
        made = ui.decisions()
        if len(made):
            st.dataframe(made, hide_index=True, key=keys.DECISIONS_TABLE_KEY)
    with st.expander("A wrong value? Correct it, or mark the event verified", key=keys.CORRECTIONS_OPEN_KEY,
                     on_change="rerun"):
        with st.form(keys.CORRECTION_FORM_KEY, border=False, enter_to_submit=False):  # Enter saves nothing
            cells = st.columns(3)
            for n, field in enumerate(correcting.FORM_FIELDS):
                key, value = correcting.widget_key(field.name, event_id, st.session_state), correcting.current_value(
                    event, field.name)
                if field.options:
                    cells[n % 3].selectbox(field.label, field.options, index=correcting.option_index(field, value),
                                           key=key)
                else:
                    cells[n % 3].text_input(field.label, value=value, key=key)
            st.checkbox("Verified: its values are checked against the sources", value=correcting.is_verified(event),
                        disabled=correcting.is_verified(event), key=correcting.widget_key(
                            schema.VERIFIED, event_id, st.session_state))
            st.text_input("Note (kept with each decision)", key=correcting.note_key(st.session_state),
                          placeholder="Why, and from which source")
            if correcting.needs_name(st.session_state):
                st.text_input("Your name (asked once; kept with each decision)", key=keys.ANALYST_NAME_KEY)
            st.form_submit_button("Save the corrections", help=correcting.HELP, icon=":material/edit:",
                                  on_click=correcting.submit, key=keys.CORRECTION_SAVE_KEY,
                                  args=(ui.store_dir(), event_id, st.session_state, ui.clear_loads))
        undoable = correcting.undo_choices(ui.decisions())
        ui.keep_choice(keys.UNDO_KEY, undoable.index)
        st.selectbox("Correction or verification to undo", undoable.index, format_func=undoable.get, index=None,
                     key=keys.UNDO_KEY, placeholder="Choose one (newest first)")
        st.text_input("Why undo it", key=keys.UNDO_NOTE_KEY)
        st.button("Undo it", on_click=correcting.submit_undo, args=(ui.store_dir(), st.session_state, ui.clear_loads),
                  icon=":material/undo:", disabled=undoable.empty, key=keys.UNDO_BUTTON_KEY)

st.subheader("Decision log: splits, merges, corrections")
log = correcting.decision_log(ui.decisions())
st.dataframe(log, hide_index=True, key=keys.DECISION_LOG_KEY) if len(log) else st.caption("No decision yet.")

st.header("Exports")
st.caption("The filtered events for other tools: ACLED- and UCDP-shaped CSV (ACLED's event types through the "
           "crosswalk in eventdesk/data/acled_crosswalk.csv), GeoJSON for QGIS, and an Excel workbook whose second "
           "sheet says what each column means.")
ui.download_exports(view)
