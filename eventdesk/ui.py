"""The only module that imports streamlit: the cached table load, the one filter sidebar, state keys.

The sidebar's widgets keep their values in `st.session_state` under the keys below; the filter
they describe is mirrored in the URL query string (`query.filter_to_params`), so a link
reproduces the view. The URL is read once, when a session starts; after that the widgets lead
and the URL follows, on every page.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from eventdesk import assets, export, query, schema, store

STORE_ENV = "EVENTDESK_STORE"  # the store folder; `data/` when unset
DEFAULT_STORE = "data"

# Session-state keys: the sidebar widgets, then the per-page controls.
ACTORS_KEY = "filter_actors"
ROLE_KEY = "filter_role"
TYPES_KEY = "filter_event_types"
DATES_KEY = "filter_dates"
COUNTRIES_KEY = "filter_countries"
TEXT_KEY = "filter_text"
URL_READ_KEY = "filter_url_read"
FILTER_KEY = "filter_current"
TIMELINE_BY_KEY = "timeline_by"
ACTOR_PAGE_KEY = "actors_page_actor"
MAP_KEY = "events_map"

EMPTY_MESSAGE = (
    "No events match the current filter. Widen it in the sidebar: remove an actor, an event type "
    "or a country, widen the dates, or clear the search."
)


def store_dir() -> Path:
    """The store folder the dashboard reads (`$EVENTDESK_STORE`, else `data/`)."""
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE)


@st.cache_resource(show_spinner="Loading the event table…", max_entries=2)
def _load(folder: str, mtime_ns: int) -> pd.DataFrame:
    # The file's mtime is part of the cache key: a new ingest is picked up on the next rerun.
    # cache_resource, not cache_data: cache_data unpickles a fresh copy of the whole table on every
    # call (twice a run), which at 100,000 events costs about 250 MB of server memory. Every session
    # shares this one frame, so nothing may modify it in place: the query functions return new frames
    # (`query.apply` a shallow copy under pandas' copy-on-write).
    return store.load_events(Path(folder))


@st.cache_data(show_spinner=False, max_entries=2)
def _options(folder: str, mtime_ns: int) -> query.FilterOptions:
    return query.filter_options(_load(folder, mtime_ns))


def _table_key() -> tuple[str, int]:
    folder = store_dir()
    path = folder / store.EVENTS_PARQUET
    if not path.exists():
        st.error(
            f"There is no event table at `{path}`. Build it with "
            f"`python -m eventdesk ingest seeds --store {folder}` (or `make run`), then reload this page."
        )
        st.stop()
    return str(folder), path.stat().st_mtime_ns


def _leave_pages_folder_mode() -> None:
    """Make sure the page runs inside dashboard.py, under st.navigation.

    Streamlit treats a `pages/` folder next to the entry script as an old-style multipage app
    until `st.navigation` has run once in the server process, so the very first request for,
    say, /map on a fresh server runs pages/map.py alone: no sidebar, no filter. Switching the
    process over and rerunning makes that request go through dashboard.py like every other.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def load_events() -> pd.DataFrame:
    """The event table of the store (cached until the file changes); the page stops with a message
    saying what to do when the table is missing, unreadable or empty."""
    _leave_pages_folder_mode()
    key = _table_key()
    try:
        events = _load(*key)
    except store.StoreError as err:
        st.error(str(err))
        st.stop()
    if events.empty:
        st.warning(f"The event table in `{key[0]}` holds no events yet: ingest some articles with "
                   f"`python -m eventdesk ingest PATH --store {key[0]}`.")
        st.stop()
    return events


@st.cache_resource(show_spinner=False)
def ensure_assets() -> Path:
    """Install the map's JavaScript and CSS under static/vendor/ once per server process."""
    return assets.install_assets()


# ---------------------------------------------------------------------------------------------
# The filter sidebar
# ---------------------------------------------------------------------------------------------


def _full_range(options: query.FilterOptions) -> tuple[dt.date, dt.date] | None:
    if options.first_date is None or options.last_date is None:
        return None
    return options.first_date, options.last_date


def _clamp(day: dt.date | None, low: dt.date, high: dt.date, default: dt.date) -> dt.date:
    return default if day is None else min(max(day, low), high)


def _set_widgets(flt: query.Filter, options: query.FilterOptions) -> None:
    """Put a filter into the sidebar widgets' state (values the table does not offer are dropped)."""
    state = st.session_state
    state[ACTORS_KEY] = list(flt.actors)
    state[ROLE_KEY] = flt.role
    state[TYPES_KEY] = [t for t in flt.event_types if t in options.event_types]
    state[COUNTRIES_KEY] = [c for c in flt.countries if c in options.countries]
    state[TEXT_KEY] = flt.text
    span = _full_range(options)
    if span:
        low, high = span
        state[DATES_KEY] = (_clamp(flt.date_from, low, high, low), _clamp(flt.date_to, low, high, high))


def _read_url_once(options: query.FilterOptions) -> None:
    if st.session_state.get(URL_READ_KEY):
        return
    st.session_state[URL_READ_KEY] = True
    params = {name: st.query_params.get_all(name) for name in st.query_params}
    _set_widgets(query.filter_from_params(params), options)


def _dates_from_state(options: query.FilterOptions) -> tuple[dt.date | None, dt.date | None]:
    span = _full_range(options)
    chosen = st.session_state.get(DATES_KEY) or ()
    if span is None or not chosen:
        return None, None
    start = chosen[0]
    end = chosen[1] if len(chosen) > 1 else None
    return (None if start == span[0] else start), (None if end in (None, span[1]) else end)


def _filter_from_state(options: query.FilterOptions) -> query.Filter:
    state = st.session_state
    date_from, date_to = _dates_from_state(options)
    return query.Filter(
        actors=tuple(state.get(ACTORS_KEY) or ()),
        role=state.get(ROLE_KEY) or "either",
        event_types=tuple(state.get(TYPES_KEY) or ()),
        date_from=date_from,
        date_to=date_to,
        countries=tuple(state.get(COUNTRIES_KEY) or ()),
        text=state.get(TEXT_KEY) or "",
    )


def _write_url(flt: query.Filter) -> None:
    wanted = query.filter_to_params(flt)
    current = {name: st.query_params.get_all(name) for name in st.query_params}
    if current != wanted:
        st.query_params.from_dict(wanted)


def _reset(options: query.FilterOptions) -> None:
    _set_widgets(query.Filter(), options)


def _draw_widgets(options: query.FilterOptions) -> None:
    st.multiselect(
        "Actors", options.actors, key=ACTORS_KEY, accept_new_options=True, placeholder="Any actor",
        help="Canonical actor names; a claimant counts as an initiator.",
    )
    st.radio("Actor role", query.ROLES, key=ROLE_KEY, format_func=query.ROLE_LABELS.get, horizontal=True)
    st.multiselect("Event types", options.event_types, key=TYPES_KEY, placeholder="Any event type")
    span = _full_range(options)
    if span:
        st.date_input("Dates", key=DATES_KEY, min_value=span[0], max_value=span[1], format="YYYY-MM-DD",
                      help="Events dated only to a month or a year are kept when that span overlaps the range.")
    st.multiselect("Countries", options.countries, key=COUNTRIES_KEY, placeholder="Any country")
    st.text_input("Search", key=TEXT_KEY, placeholder="Words in the evidence, actors, places, source")
    st.button("Clear the filter", on_click=_reset, args=(options,), width="stretch")


def sidebar() -> query.Filter:
    """Draw the one filter sidebar, sync it with the URL and return the filter it describes."""
    options = _options(*_table_key())
    _read_url_once(options)
    with st.sidebar:
        st.subheader("Filter")
        _draw_widgets(options)
    flt = _filter_from_state(options)
    st.session_state[FILTER_KEY] = flt
    _write_url(flt)
    return flt


def current_filter() -> query.Filter:
    """The filter the sidebar describes on this run (no filter before the sidebar has run)."""
    return st.session_state.get(FILTER_KEY) or query.Filter()


def stop_if_empty(view: pd.DataFrame) -> None:
    """Say plainly that nothing matches, and stop the page, instead of drawing empty charts."""
    if len(view) == 0:
        st.info(EMPTY_MESSAGE, icon=":material/filter_alt_off:")
        st.stop()


def filter_caption(view: pd.DataFrame, events: pd.DataFrame) -> None:
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
    figure columns are hidden."""
    if len(frame) > max_rows:
        st.caption(f"Showing the first {max_rows:,} of {len(frame):,} rows.")
        frame = frame.head(max_rows)
    config: dict[str, object] = {
        schema.EVIDENCE: st.column_config.TextColumn(width="large"),
    }
    if query.KILLED_SHOWN in frame.columns:
        config |= {name: None for name in _CHART_ONLY if name in frame.columns}
    st.dataframe(frame, hide_index=True, column_config=config, key=key)


def download_csv(frame: pd.DataFrame, label: str, file_name: str, key: str) -> None:
    """A download button for `frame` as CSV (the bytes are made only when it is clicked)."""
    st.download_button(
        label, data=functools.partial(export.to_csv_bytes, frame), file_name=file_name, mime="text/csv",
        key=key, on_click="ignore", icon=":material/download:",
    )
