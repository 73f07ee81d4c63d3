"""eventdesk dashboard: page config, the cached table, the one filter sidebar and the pages.

Run with `make run` (or `python -m eventdesk serve dashboard.py`, which is `streamlit run dashboard.py`
with the titled navigation from a new server's first request); the store folder is `$EVENTDESK_STORE`,
else `data/`.
"""

import streamlit as st

from eventdesk.dashboard import ui

# An emoji favicon is drawn in the browser; a Material one (or a page's icon, when page_icon is unset)
# would be fetched from fonts.gstatic.com, and the app must work offline.
st.set_page_config(page_title="eventdesk", page_icon="📰", layout="wide")
ui.ensure_assets()

pages = st.navigation(
    [
        st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
        st.Page("pages/timeline.py", title="Timeline", icon=":material/timeline:"),
        st.Page("pages/map.py", title="Map", icon=":material/map:"),
        st.Page("pages/casualties.py", title="Casualties", icon=":material/personal_injury:"),
        st.Page("pages/trends.py", title="Trends", icon=":material/trending_up:"),
        st.Page("pages/actors.py", title="Actors", icon=":material/hub:"),
        st.Page("pages/events.py", title="Events", icon=":material/table_rows:"),
        st.Page("pages/upload.py", title="Upload", icon=":material/upload_file:"),
    ]
)
if ui.has_events():  # an empty store still opens the Upload page; the other pages say what to do
    ui.load_events()
    ui.sidebar()
pages.run()
