"""Every session-state key of the dashboard, in one place: the sidebar's widgets, each page's controls
and the keys of the charts and tables a page draws (Streamlit keeps a keyed element's state under its key).

A key that ends in `_ROUND_KEY` counts the rounds of a set of widgets: the widgets' own keys carry
the round (`keyed(UPLOAD_FILES_KEY, round)`), so a new round gives fresh, empty widgets.
"""

from __future__ import annotations

# The sidebar filter.
ACTORS_KEY = "filter_actors"
ROLE_KEY = "filter_role"
TYPES_KEY = "filter_event_types"
DATES_KEY = "filter_dates"
COUNTRIES_KEY = "filter_countries"
TEXT_KEY = "filter_text"
URL_READ_KEY = "filter_url_read"
FILTER_KEY = "filter_current"
DATES_SPAN_KEY = "filter_dates_span"  # the table's date range the dates widget was last set against

# Timeline, Map, Actors.
TIMELINE_BY_KEY = "timeline_by"
TIMELINE_CHART_KEY = "timeline_chart"
TRENDS_LEVEL_KEY = "trends_level"
TRENDS_PERIOD_KEY = "trends_period"
TRENDS_MEASURE_KEY = "trends_measure"
TRENDS_CHART_KEY = "trends_chart"
TRENDS_TABLE_KEY = "trends_table"
TRENDS_MAP_KEY = "trends_map"
MAP_KEY = "events_map"
ACTOR_GRAPH_KEY = "actor_graph"
ACTOR_PAGE_KEY = "actors_page_actor"
RELATIONS_DOWNLOAD_KEY = "download_relations"

# Casualties.
CASUALTIES_BY_DATE_KEY = "casualties_by_date"
CASUALTIES_BY_PLACE_KEY = "casualties_by_place"
CASUALTIES_BY_ACTOR_KEY = "casualties_by_actor"
HISTORY_EVENT_KEY = "casualties_page_event"
HISTORY_CHART_KEY = "figure_history"
HISTORY_TABLE_KEY = "figure_history_table"

# Events: the table, its downloads, one event, its article, the analyst's split and merge.
EVENTS_TABLE_KEY = "events_table"
SHOW_ALL_COLUMNS_KEY = "events_page_all_columns"
EVENTS_DOWNLOAD_KEY = "download_events"
EVENTS_RELATIONS_DOWNLOAD_KEY = "download_events_relations"
EXPORT_DOWNLOAD_KEY = "download_export"  # one button per export format: download_export_acled, ...
EVENT_KEY = "events_page_event"
SOURCES_TABLE_KEY = "event_sources"
ARTICLE_REPORT_KEY = "events_page_article_report"
ARTICLE_VIEW_KEY = "events_page_article"
DECISIONS_OPEN_KEY = "events_page_decisions_open"  # the split-and-merge expander stays open across reruns
DECISION_FORM_KEY = "events_page_decision_form"
DECISION_ROUND_KEY = "events_page_decision_round"
SPLIT_KEY = "events_page_split_reports"
MERGE_WITH_KEY = "events_page_merge_with"
NOTE_KEY = "events_page_note"
SPLIT_BUTTON_KEY = "split_button"
MERGE_BUTTON_KEY = "merge_button"
DECISION_OUTCOME_KEY = "events_page_decision"
DECISIONS_TABLE_KEY = "decisions"
# Events: the analyst's corrections of one event (widgets keyed by column, event and round), undo, the log.
CORRECTIONS_OPEN_KEY = "events_page_corrections_open"
CORRECTION_FORM_KEY = "events_page_correction_form"
CORRECTION_ROUND_KEY = "events_page_correction_round"
CORRECTION_KEY = "events_page_correct"  # events_page_correct_killed_<event>_<round>, ...
CORRECTION_NOTE_KEY = "events_page_correction_note"
CORRECTION_SAVE_KEY = "correction_save_button"
ANALYST_KEY = "analyst_name_given"  # the name given once a session on a desk without an editor password
ANALYST_NAME_KEY = "analyst_name"
UNDO_KEY = "events_page_undo"
UNDO_NOTE_KEY = "events_page_undo_note"
UNDO_BUTTON_KEY = "undo_button"
DECISION_LOG_KEY = "decision_log"

# Upload.
UPLOAD_ROUND_KEY = "upload_round"
UPLOAD_FILES_KEY = "upload_files"
PASTE_TEXT_KEY = "paste_text"
PASTE_TITLE_KEY = "paste_title"
PASTE_SOURCE_KEY = "paste_source"
PASTE_URL_KEY = "paste_url"
PASTE_DATE_KEY = "paste_published"
UPLOAD_OUTCOME_KEY = "upload_outcome"

# Signing in to edit (a desk with an editor password).
EDITOR_KEY = "editor_signed_in"  # the editor's name once the password was right, for the session
EDITOR_NAME_KEY = "editor_name"
EDITOR_PASSWORD_KEY = "editor_password"
SIGN_IN_FORM_KEY = "editor_sign_in"
SIGN_IN_ERROR_KEY = "editor_sign_in_error"


def keyed(key: str, round_number: int | str) -> str:
    """The key of a widget in its round: `upload_files_2`."""
    return f"{key}_{round_number}"
