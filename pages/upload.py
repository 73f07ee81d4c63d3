"""Upload: add articles (files or pasted text) to the store; every page then reads the new table."""

import streamlit as st

from eventdesk.dashboard import keys, ui
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
    f"{uploads.MAX_PASTED_CHARS:,} characters."
)

ui.show_store_counts()

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
ui.show_upload_outcome()
