"""The SQL pieces the dashboard's queries share, and their twins for frames already fetched.

Which rows count (an attack's toll, not its claim's), which have coordinates or a date, who the
initiator of a row is, how a place is written ("Quetta, Pakistan") and the order of the tables
(newest first, deadliest first) are written here once, as SQL over `{rows}` (see
`store/tables.py`). A value the pages also derive for rows already fetched (the place label, the
span of days a date stands for) has its pandas twin next to its SQL.
"""

from __future__ import annotations

import pandas as pd

from eventdesk import schema
from eventdesk.schema import (
    ACTOR1,
    ACTOR2,
    CLAIMED_BY,
    COUNTRY,
    DATE,
    EVENT_ID,
    EVENT_TYPE,
    INJURED,
    KILLED,
    LAT,
    LOCATION,
    LON,
    PUBLISHED,
)
from eventdesk.store import tables

UNKNOWN_ACTOR = "(unknown)"
UNKNOWN_PLACE = "(unknown place)"
UNDATED = "undated"

# Every actor of every row, as (event_id, name, side): initiator, target, claimant.
ACTORS_SQL = " UNION ALL ".join(
    f"SELECT {EVENT_ID}, {name} AS name, {side} AS side, {tables.ROW_SQL} FROM {{rows}}"
    for side, name in enumerate((ACTOR1, ACTOR2, CLAIMED_BY))
)
# Rows whose figures count: not the claims, warnings and statements that repeat an attack's toll.
COUNTED_SQL = f"NOT coalesce(list_contains({tables.sql_list(sorted(schema.REPORT_TYPES))}, {EVENT_TYPE}), false)"
REPORTED_SQL = f"{COUNTED_SQL} AND ({KILLED} IS NOT NULL OR {INJURED} IS NOT NULL)"
# Attacks: the violent event types (bombings, armed assaults, ..., riots), as against reports about them.
VIOLENT_SQL = f"coalesce(list_contains({tables.sql_list(sorted(schema.VIOLENT_TYPES))}, {EVENT_TYPE}), false)"
LOCATED_SQL = f"{LAT} IS NOT NULL AND {LON} IS NOT NULL"
DATED_SQL = f"{tables.START_SQL} IS NOT NULL"
INITIATOR_SQL = f"coalesce({ACTOR1}, {CLAIMED_BY}, {tables.sql_text(UNKNOWN_ACTOR)})"
# "Quetta, Pakistan": the location and country, as far as known (as `place_labels` does for a frame).
PLACE_SQL = (
    f"CASE WHEN {LOCATION} IS NOT NULL AND {COUNTRY} IS NOT NULL AND lower({LOCATION}) <> lower({COUNTRY}) "
    f"THEN {LOCATION} || ', ' || {COUNTRY} ELSE coalesce({LOCATION}, {COUNTRY}, {tables.sql_text(UNKNOWN_PLACE)}) END"
)
NEWEST_FIRST = (f"{DATE} DESC NULLS LAST, {PUBLISHED} DESC NULLS LAST, {EVENT_ID} DESC NULLS LAST, "
                f"{tables.ROW_SQL}")
BY_TOLL = f"{KILLED} DESC NULLS LAST, {INJURED} DESC NULLS LAST"


def place_labels(frame: pd.DataFrame) -> pd.Series:
    """ "Quetta, Pakistan": the location and country of each row of a fetched frame, as far as known."""
    location, country = frame[LOCATION].astype("string"), frame[COUNTRY].astype("string")
    both = location + ", " + country
    same = location.str.lower() == country.str.lower()
    label = both.mask(same.fillna(False).astype(bool), location)
    return label.fillna(location).fillna(country).fillna(UNKNOWN_PLACE).astype("string")


def date_spans(events: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """First and last day each event's date may stand for ("2024-01" spans January); NaT when undated.
    (The database derives the same span as `_start` and `_end`; this is for frames already fetched.)"""
    text = events[DATE].astype("string").str.strip()
    size = text.str.len()
    padded = text.where(size != 4, text + "-01-01").where(size != 7, text + "-01")
    start = pd.to_datetime(padded, format="%Y-%m-%d", errors="coerce")
    end = start.where(size != 7, start + pd.offsets.MonthEnd(0))
    end = end.where(size != 4, start + pd.offsets.YearEnd(0))
    return start, end
