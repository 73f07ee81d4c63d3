"""The only module that imports streamlit: the cached loads, the one filter sidebar, and the actions
that write to the store (adding articles, splitting and merging events).

The sidebar's widgets keep their values in `st.session_state` (keys in `keys.py`); the filter is
mirrored in the URL query string (`filters.filter_to_params`), read once when a session starts.

Actions that change the store run as button callbacks, before the page is drawn again: they call
the library (`uploads.add_articles`, `store.split_event`, `store.merge_events`), keep what happened
in the session state for the page to show, and clear the cached loads so every page reads the new table.
A page draws them only when `may_write` allows (not on a read-only desk; after the editor password).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from eventdesk import schema
from eventdesk.dashboard import assets, counts, event_detail, filters, keys, query
from eventdesk.store import access, export, formats, store, tables, uploads

STORE_ENV = "EVENTDESK_STORE"  # the store folder; `data/` when unset
DEFAULT_STORE = "data"

NO_TABLE_HINT = "Add articles on the Upload page"
EMPTY_MESSAGE = (
    "No events match the current filter. Widen it in the sidebar: remove an actor, an event type "
    "or a country, widen the dates, or clear the search."
)


def store_dir() -> Path:
    """The store folder the dashboard reads (`$EVENTDESK_STORE`, else `data/`)."""
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE)


@st.cache_resource(show_spinner="Opening the event table…", max_entries=2)
def _load(folder: str, mtime_ns: int) -> tables.Table:
    # Keyed by the file's mtime (a new ingest is read on the next rerun); one database view for every session.
    path = Path(folder) / store.EVENTS_PARQUET
    hint = f"Rebuild it with 'python -m eventdesk ingest seeds --store {folder}'."
    try:
        return tables.Table.from_parquet(path, hint)
    except tables.TableError as err:
        raise store.StoreError(str(err)) from err


@st.cache_data(show_spinner=False, max_entries=2)
def _options(folder: str, mtime_ns: int) -> filters.FilterOptions:
    return filters.filter_options(_load(folder, mtime_ns))


def _table_key() -> tuple[str, int]:
    folder = store_dir()
    path = folder / store.EVENTS_PARQUET
    if not path.exists():
        st.error(
            f"There is no event table at `{path}` yet. {NO_TABLE_HINT}, or build it with "
            f"`python -m eventdesk ingest seeds --store {folder}` (or `make run`) and reload this page."
        )
        st.stop()
    return str(folder), path.stat().st_mtime_ns


def navigation_only() -> bool:
    """Switch off Streamlit's old discovery of the `pages/` folder for this server process; whether it was on.

    Until `st.navigation` has run once, Streamlit lists pages/ by file name and runs /map without dashboard.py.
    No setting turns that off in Streamlit 1.67: this sets the private flag `st.navigation` sets itself
    (`PagesManager.uses_pages_directory`; tests/unit/dashboard/test_navigation_only.py fails when it changes)."""
    was_on = bool(PagesManager.uses_pages_directory)
    PagesManager.uses_pages_directory = False
    return was_on


def serve(arguments: Sequence[str]) -> None:
    """`streamlit run ARGUMENTS` in this process, with the `pages/` discovery off before the first request, so
    the first page a new server sends already has the titled navigation (`python -m eventdesk serve`)."""
    from streamlit.web import cli

    navigation_only()
    cli.main(["run", *arguments], prog_name="streamlit")


def _leave_pages_folder_mode() -> None:
    # A server started by `streamlit run` (or AppTest, which resets the flag on every run) runs a page of
    # pages/ alone at first: leave that mode and run the request again through dashboard.py.
    if navigation_only():
        st.rerun()


def load_events() -> tables.Table:
    """The event table of the store (cached until the file changes); the page stops with a message
    saying what to do when the table is missing, unreadable or empty."""
    _leave_pages_folder_mode()
    key = _table_key()
    try:
        events = _load(*key)
    except store.StoreError as err:
        st.error(str(err))
        st.stop()
    if len(events) == 0:
        st.warning(f"The event table in `{key[0]}` holds no events yet. {NO_TABLE_HINT}, or ingest some with "
                   f"`python -m eventdesk ingest PATH --store {key[0]}`.")
        st.stop()
    return events


def has_events() -> bool:
    """Whether the store has an event table with rows (the frame draws the filter only then; the Upload
    page works on an empty store)."""
    _leave_pages_folder_mode()
    folder = store_dir()
    path = folder / store.EVENTS_PARQUET
    if not path.exists():
        return False
    try:
        return len(_load(str(folder), path.stat().st_mtime_ns)) > 0
    except store.StoreError:
        return False


def reports_file() -> Path:
    """The store's reports file (every report of every incident, with its article and outlet)."""
    return store_dir() / store.REPORTS_PARQUET


def _mtime(name: str) -> int:
    path = store_dir() / name
    return path.stat().st_mtime_ns if path.exists() else 0


def clear_loads() -> None:
    """Forget every cached read of the store, so the next run of any page reads what is there now."""
    for cached in (_load, _options, _members, _history, _decisions, _article):
        cached.clear()


@st.cache_resource(show_spinner=False)
def ensure_assets() -> Path:
    """Install the map's JavaScript and CSS under static/vendor/ once per server process."""
    return assets.install_assets()


# ---------------------------------------------------------------------------------------------
# The filter sidebar
# ---------------------------------------------------------------------------------------------


def _set_widgets(flt: filters.Filter, options: filters.FilterOptions) -> None:
    """Put a filter into the sidebar widgets' state (values the table does not offer are dropped)."""
    st.session_state.update(filters.sidebar_values(flt, options))


def _read_url_once(options: filters.FilterOptions) -> None:
    if st.session_state.get(keys.URL_READ_KEY):
        return
    st.session_state[keys.URL_READ_KEY] = True
    params = {name: st.query_params.get_all(name) for name in st.query_params}
    _set_widgets(filters.filter_from_params(params), options)


def _write_url(flt: filters.Filter) -> None:
    wanted = filters.filter_to_params(flt)
    current = {name: st.query_params.get_all(name) for name in st.query_params}
    if current != wanted:
        st.query_params.from_dict(wanted)


def _draw_widgets(options: filters.FilterOptions) -> None:
    st.multiselect("Actors", options.actors, key=keys.ACTORS_KEY, accept_new_options=True, placeholder="Any actor",
                   help="Canonical actor names; a claimant counts as an initiator.")
    st.radio("Actor role", filters.ROLES, key=keys.ROLE_KEY, format_func=filters.ROLE_LABELS.get, horizontal=True)
    st.multiselect("Event types", options.event_types, key=keys.TYPES_KEY, placeholder="Any event type")
    span = filters.full_range(options)
    if span:
        st.date_input("Dates", key=keys.DATES_KEY, min_value=span[0], max_value=span[1], format="YYYY-MM-DD",
                      help="Events dated only to a month or a year are kept when that span overlaps the range.")
    st.multiselect("Countries", options.countries, key=keys.COUNTRIES_KEY, placeholder="Any country")
    st.text_input("Search", key=keys.TEXT_KEY, placeholder="Words in the evidence, actors, places, source")
    st.button("Clear the filter", on_click=_set_widgets, args=(filters.Filter(), options), width="stretch")


def _follow_span(options: filters.FilterOptions) -> None:
    """Keep the dates widget on the table's whole range when the range grows (articles were added)."""
    state = st.session_state
    span = filters.full_range(options)
    followed = filters.followed_dates(tuple(state.get(keys.DATES_KEY) or ()), state.get(keys.DATES_SPAN_KEY), span)
    if followed:
        state[keys.DATES_KEY] = followed
    state[keys.DATES_SPAN_KEY] = span


def sidebar() -> filters.Filter:
    """Draw the one filter sidebar, sync it with the URL and return the filter it describes."""
    options = _options(*_table_key())
    _read_url_once(options)
    _follow_span(options)
    with st.sidebar:
        st.subheader("Filter")
        _draw_widgets(options)
    flt = filters.filter_of_sidebar(st.session_state, options)
    st.session_state[keys.FILTER_KEY] = flt
    _write_url(flt)
    return flt


def current_filter() -> filters.Filter:
    """The filter the sidebar describes on this run (no filter before the sidebar has run)."""
    return st.session_state.get(keys.FILTER_KEY) or filters.Filter()


def page_top(title: str, view: tables.View, events: tables.Table) -> None:
    """The page's title and how much of the table the filter keeps; the page stops, saying why, when
    the filter keeps nothing."""
    st.title(title)
    filter_caption(view, events)
    stop_if_empty(view)


def stop_if_empty(view: tables.View) -> None:
    """Say plainly that nothing matches, and stop the page, instead of drawing empty charts."""
    if len(view) == 0:
        st.info(EMPTY_MESSAGE, icon=":material/filter_alt_off:")
        st.stop()


def headline_metrics(figures: counts.Headline) -> None:
    """The counts of the headline, each saying what it counts."""
    columns = st.columns(5)
    columns[0].metric("Attacks", f"{figures.attacks:,}", help="Violent events: " + ", ".join(
        kind for kind in schema.EVENT_TYPES if kind in schema.VIOLENT_TYPES) + ".")
    columns[1].metric("All events", f"{figures.events:,}",
                      help="Attacks and the claims, warnings, threats, accusations, statements, protests and "
                           "arrests about them or beside them.")
    columns[2].metric("Articles", f"{figures.articles:,}", help="Every article the events were read from.")
    columns[3].metric("Sources", f"{figures.sources:,}", help="The outlets of those articles.")
    columns[4].metric("Actors", f"{figures.actors:,}", help="Initiators, targets and claimants.")


def caption_if(text: str | None) -> None:
    """A caption, when there is something to say."""
    if text:
        st.caption(text)


def filter_caption(view: tables.View, events: tables.Table) -> None:
    """A one-line reminder of how much of the table the filter keeps."""
    flt = current_filter()
    if flt.is_empty:
        st.caption(f"All {len(events):,} events in the table.")
    else:
        st.caption(f"{len(view):,} of {len(events):,} events match the filter in the sidebar.")


# Columns a casualty table carries for charts; the "(as reported)" columns say the same to a reader.
_CHART_ONLY = (schema.KILLED, schema.KILLED_QUALIFIER, schema.INJURED, schema.INJURED_QUALIFIER)
MAX_TABLE_ROWS = 5_000  # more rows than anyone reads on screen, and a browser stays quick; the CSV has all


def show_table(frame: pd.DataFrame, key: str | None = None, max_rows: int = MAX_TABLE_ROWS) -> None:
    """A dataframe (its first `max_rows` rows) with room for the evidence sentence; chart-only
    figure columns are hidden. A table the query cut to its first rows says how many there were."""
    total = int(frame.attrs.get(query.TOTAL, len(frame)))
    if total > min(len(frame), max_rows):
        st.caption(f"Showing the first {min(len(frame), max_rows):,} of {total:,} rows.")
        frame = frame.head(max_rows)
    config: dict[str, object] = {schema.EVIDENCE: st.column_config.TextColumn(width="large")}
    if counts.KILLED_SHOWN in frame.columns:
        config |= {name: None for name in _CHART_ONLY if name in frame.columns}
    st.dataframe(query.blank_missing_text(frame), hide_index=True, column_config=config, key=key)


def download_csv(data: pd.DataFrame | Callable[[], bytes], label: str, file_name: str, key: str) -> None:
    """A download button for a frame as CSV, or for the CSV bytes a function makes (`query.events_csv`
    writes a whole view); the bytes are made only when it is clicked. Every download starts with a
    UTF-8 byte-order mark, so Excel keeps the accents."""
    make = functools.partial(export.to_csv_bytes, data, bom=True) if isinstance(data, pd.DataFrame) else data
    st.download_button(label, data=make, file_name=file_name, mime="text/csv", key=key, on_click="ignore",
                       icon=":material/download:")


def download_exports(view: tables.View) -> None:
    """A row of download buttons, one per export format but the events' own CSV (`download_csv`), for the whole
    view; each file is made when clicked. A format the view does not fit in (a worksheet's rows) is disabled."""
    shaped = [fmt for name, fmt in formats.FORMATS.items() if name != "csv"]
    for column, fmt in zip(st.columns(len(shaped)), shaped, strict=True):
        column.download_button(f"Download {fmt.label}", data=functools.partial(formats.export_bytes, view, fmt.name),
                               file_name=fmt.file_name(), mime=fmt.mime, key=keys.keyed(keys.EXPORT_DOWNLOAD_KEY,
                               fmt.name), on_click="ignore", icon=":material/download:",
                               disabled=not formats.fits(view, fmt.name))


# ---------------------------------------------------------------------------------------------
# One event: its reports, the history of its figures, the analyst's decisions
# ---------------------------------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=64)
def _members(folder: str, mtime_ns: int, event_id: str) -> pd.DataFrame:
    return store.event_members(Path(folder), event_id)


@st.cache_data(show_spinner=False, max_entries=64)
def _history(folder: str, mtime_ns: int, event_id: str) -> pd.DataFrame:
    return store.figure_history(Path(folder), event_id)


@st.cache_data(show_spinner=False, max_entries=4)
def _decisions(folder: str, mtime_ns: int) -> pd.DataFrame:
    if not mtime_ns:  # no database yet: no decisions, and nothing to create by reading
        return schema.empty_frame(schema.DECISION_COLUMNS)
    return store.load_decisions(Path(folder))


@st.cache_data(show_spinner=False, max_entries=16)
def _article(folder: str, mtime_ns: int, article_id: str) -> pd.Series | None:
    return store.load_article(Path(folder), article_id)


def _read_or_stop(read, *args) -> pd.DataFrame:
    try:
        return read(*args)
    except store.StoreError as err:
        st.error(str(err))
        st.stop()


def event_members(event_id: str) -> pd.DataFrame:
    """The reports merged into one event (cached until the reports file changes)."""
    return _read_or_stop(_members, str(store_dir()), _mtime(store.REPORTS_PARQUET), event_id)


def figure_history(event_id: str) -> pd.DataFrame:
    """Every figure reported for one event, oldest report first (cached until the reports file changes)."""
    return _read_or_stop(_history, str(store_dir()), _mtime(store.REPORTS_PARQUET), event_id)


def article(article_id: str | None) -> pd.Series | None:
    """One stored article with the text its evidence offsets refer to, or None (cached until the database changes)."""
    return _read_or_stop(_article, str(store_dir()), _mtime(store.DATABASE), article_id)


def decisions() -> pd.DataFrame:
    """The analyst's splits and merges kept in the store, oldest first."""
    return _read_or_stop(_decisions, str(store_dir()), _mtime(store.DATABASE))


def keep_choice(key: str, options: object) -> None:
    """Drop a chooser's remembered value when it is no longer offered (an event merged away, say);
    for a multiselect, drop the values no longer offered."""
    state = st.session_state
    if key not in state:
        return
    offered = set(options)
    value = state[key]
    if isinstance(value, list):
        state[key] = [v for v in value if v in offered]
    elif value not in offered:
        del state[key]


def decision_key(key: str) -> str:
    """A split-and-merge widget's key in this round: each decision starts a round of fresh, empty widgets."""
    return keys.keyed(key, st.session_state.get(keys.DECISION_ROUND_KEY, 0))


def _decide(action, *args):
    """Run a split or merge through the library (as the signed-in editor); its result, or None (with the error
    kept for the page)."""
    state = st.session_state
    try:
        if not _signed_in():
            raise ValueError("Sign in to edit first (above).")
        with st.spinner("Saving the decision and re-merging the events…"):
            shown = action(store_dir(), *args, note=state.get(decision_key(keys.NOTE_KEY)) or None,
                           by=state.get(keys.EDITOR_KEY))
    except (ValueError, store.StoreError) as err:
        state[keys.DECISION_OUTCOME_KEY] = ("error", str(err))
        return None
    clear_loads()
    state[keys.DECISION_ROUND_KEY] = state.get(keys.DECISION_ROUND_KEY, 0) + 1
    return shown


def split_chosen(event_id: str) -> None:
    """Button callback: split the reports chosen on the Events page off `event_id` into a new event."""
    chosen = list(st.session_state.get(decision_key(keys.SPLIT_KEY)) or [])
    shown = _decide(store.split_event, event_id, chosen)
    if shown:
        st.session_state[keys.DECISION_OUTCOME_KEY] = ("success", event_detail.split_message(len(chosen), *shown))
        st.session_state[keys.EVENT_KEY] = shown[1]


def merge_chosen(event_id: str) -> None:
    """Button callback: merge `event_id` with the event chosen on the Events page, when both are still in the table."""
    other = st.session_state.get(decision_key(keys.MERGE_WITH_KEY))
    problem = event_detail.merge_problem(event_id, other, _load(*_table_key()))
    merged = None if problem else _decide(store.merge_events, [event_id, other])
    if problem:
        st.session_state[keys.DECISION_OUTCOME_KEY] = ("error", problem)
    elif merged:
        st.session_state[keys.DECISION_OUTCOME_KEY] = ("success", event_detail.merge_message(merged))
        st.session_state[keys.EVENT_KEY] = merged


def show_decision_outcome() -> None:
    """What the last split or merge did (shown once)."""
    outcome = st.session_state.pop(keys.DECISION_OUTCOME_KEY, None)
    if outcome:
        kind, message = outcome
        (st.success if kind == "success" else st.error)(message)


# ---------------------------------------------------------------------------------------------
# Who may write: a read-only desk, the editor password (the rules are in store/access.py)
# ---------------------------------------------------------------------------------------------


def _editor_password() -> str | None:
    try:  # $EVENTDESK_EDITOR_PASSWORD, else editor_password in .streamlit/secrets.toml
        return access.editor_password() or str(st.secrets.get(access.PASSWORD_SECRET) or "") or None
    except FileNotFoundError:  # no secrets file; a broken one is raised: the writes stay locked, the page says why
        if any(Path(p).expanduser().exists() for p in st.get_option("secrets.files")):
            raise
        return None


def _signed_in() -> bool:
    return not access.read_only() and (not _editor_password() or bool(st.session_state.get(keys.EDITOR_KEY)))


def may_write() -> bool:
    """Whether this session may change the store; when not, says why: a read-only desk, or the editor
    password and name to give (once a session) before the first upload, split or merge."""
    if access.read_only():
        st.info(access.READ_ONLY_MESSAGE, icon=":material/lock:")
    elif not _signed_in():
        with st.form(keys.SIGN_IN_FORM_KEY):
            st.markdown("**Changes to the store need the editor password.** Your name is kept with each decision.")
            st.text_input("Your name", key=keys.EDITOR_NAME_KEY, max_chars=access.MAX_NAME_CHARS)
            st.text_input("Editor password", type="password", key=keys.EDITOR_PASSWORD_KEY)
            st.form_submit_button("Sign in to edit", on_click=_sign_in, icon=":material/key:")
        if error := st.session_state.pop(keys.SIGN_IN_ERROR_KEY, None):
            st.error(error)
    return _signed_in()


def _sign_in() -> None:
    state = st.session_state
    try:
        state[keys.EDITOR_KEY] = access.sign_in(state.get(keys.EDITOR_NAME_KEY), state.get(keys.EDITOR_PASSWORD_KEY),
                                                _editor_password() or "")
    except ValueError as err:
        state[keys.SIGN_IN_ERROR_KEY] = str(err)
    state[keys.EDITOR_PASSWORD_KEY] = ""


# ---------------------------------------------------------------------------------------------
# Adding articles
# ---------------------------------------------------------------------------------------------


def upload_files_key() -> str:
    """The file uploader's key for this round (each add starts a new round, which empties the uploader)."""
    return keys.keyed(keys.UPLOAD_FILES_KEY, st.session_state.get(keys.UPLOAD_ROUND_KEY, 0))


def _pasted() -> uploads.Pasted:
    state = st.session_state
    return uploads.Pasted(text=state.get(keys.PASTE_TEXT_KEY) or "", title=state.get(keys.PASTE_TITLE_KEY) or None,
                          source=state.get(keys.PASTE_SOURCE_KEY) or None, url=state.get(keys.PASTE_URL_KEY) or None,
                          published=state.get(keys.PASTE_DATE_KEY))


def add_uploads() -> None:
    """Button callback: ingest the uploaded files and the pasted text into the store, then reload every page."""
    state = st.session_state
    if not _signed_in():
        return
    files = [(f.name, f.getvalue()) for f in state.get(upload_files_key()) or []]
    with st.spinner("Reading, extracting and merging the articles…"):
        outcome = uploads.add_articles(files, _pasted(), store_dir())
    state[keys.UPLOAD_OUTCOME_KEY] = outcome
    if outcome.refused:  # the store took nothing: keep the files and the text for another try
        return
    state[keys.UPLOAD_ROUND_KEY] = state.get(keys.UPLOAD_ROUND_KEY, 0) + 1
    if not any(e.startswith(uploads.PASTED) for e in outcome.errors):
        for key in (keys.PASTE_TEXT_KEY, keys.PASTE_TITLE_KEY, keys.PASTE_SOURCE_KEY, keys.PASTE_URL_KEY):
            state[key] = ""  # set, not deleted: the browser's widgets are emptied too
        state[keys.PASTE_DATE_KEY] = None
    clear_loads()
