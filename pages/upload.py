"""Upload: add articles (files or pasted text) to the store; every page then reads the new table. A read-only
desk says so and offers no upload; a desk with an editor password asks for it first."""

import streamlit as st

from eventdesk.dashboard import counts, keys, ui
from eventdesk.store import uploads

st.title("Upload")
st.markdown(
    f"Add news articles to the store in `{ui.store_dir()}`. Each one is read, its events are extracted and "
    "merged with the events already stored (reports of one incident become one event), and every page "
    "shows the new table. An article already stored (same text or same URL) is skipped."
)
st.caption(
    f"Files: {', '.join('.' + t for t in uploads.FILE_TYPES)}, up to {uploads.MAX_UPLOAD_MB} MB each. "
    ".txt and .md: the first line is the title. .json, .jsonl and .csv: one article per object or row, with "
    "the fields text (required), title, source, url, published (YYYY-MM-DD) and id. Pasted text: up to "
    f"{uploads.MAX_PASTED_CHARS:,} characters, as for an article in a file."
)

if ui.has_events():
    size = counts.table_counts(ui.load_events())
    columns = st.columns(3)
    columns[0].metric("Events in the store", f"{size.events:,}")
    columns[1].metric("Reports", f"{size.reports:,}", help="Event reports read from the articles.")
    columns[2].metric("Merged events", f"{size.merged:,}", help="Events made of more than one report.")
else:
    st.info("The store holds no events yet: add articles below.", icon=":material/info:")

if not ui.may_write():  # a read-only desk, or the editor password not given yet: the page says which
    st.stop()

files_tab, paste_tab = st.tabs(["Files", "Paste text"])
with files_tab:
    st.file_uploader("Article files", type=list(uploads.FILE_TYPES), accept_multiple_files=True,
                     key=ui.upload_files_key())
with paste_tab:
    # No max_chars: Streamlit would cut longer text silently; the library refuses it and says why.
    st.text_area("Article text", key=keys.PASTE_TEXT_KEY, height=180, placeholder="Paste the text of one article")
    left, right = st.columns(2)
    left.text_input("Title", key=keys.PASTE_TITLE_KEY)
    right.text_input("Source", key=keys.PASTE_SOURCE_KEY, placeholder="Outlet, e.g. Reuters")
    left.text_input("URL", key=keys.PASTE_URL_KEY)
    right.date_input("Publication date", key=keys.PASTE_DATE_KEY, value=None, format="YYYY-MM-DD",
                     min_value=uploads.EARLIEST_PUBLISHED,
                     help="Relative dates in the text (\"on Tuesday\") are read against it.")

st.button("Add to the store", on_click=ui.add_uploads, type="primary", icon=":material/add:")

outcome: uploads.UploadOutcome | None = st.session_state.get(keys.UPLOAD_OUTCOME_KEY)
if outcome is not None:
    for kind, text in outcome.notices():
        getattr(st, kind)(text)  # st.success, st.info, st.warning or st.error
    if not outcome.nothing_read:
        columns = st.columns(4)
        columns[0].metric("New articles", f"{outcome.articles_new:,}")
        columns[1].metric("Skipped (already stored)", f"{outcome.articles_known:,}")
        columns[2].metric("Events", f"{outcome.events_after:,}", delta=outcome.events_after - outcome.events_before)
        columns[3].metric("Merged incidents", f"{outcome.merged:,}",
                          help="New or grown events made of more than one report.")
    if len(outcome.changed):
        st.markdown("**Events new or with new reports**")
        st.dataframe(outcome.changed, hide_index=True)
