"""The Events page's corrections: the form's fields and their values, what a submitted form or an undo keeps
(through `store/corrections.py`), and the decision log as the page shows it.

No Streamlit here: the page draws the form and passes the session state (a mapping) and the loads to clear
to `submit` and `submit_undo`, which run as the form's and the undo button's callbacks, before the page
is drawn again. The editor's name is the signed-in one; on a desk without an editor password, the name the
form asked for once in the session, else "unknown".
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from eventdesk import schema
from eventdesk.dashboard import keys
from eventdesk.store import corrections
from eventdesk.store.database import StoreError

State = MutableMapping[str, object]
NONE = ""  # a chooser's "no value"


@dataclass(frozen=True)
class FormField:
    """One value of the form: its column, its label, and its choices (None: typed as text)."""

    name: str
    label: str
    options: tuple[str, ...] | None = None


FORM_FIELDS: tuple[FormField, ...] = (
    FormField(schema.EVENT_TYPE, "Event type", schema.EVENT_TYPES),
    FormField(schema.DATE, "Date (YYYY-MM-DD, YYYY-MM or YYYY)"),
    FormField(schema.DATE_PRECISION, "Date precision", schema.DATE_PRECISIONS),
    FormField(schema.LOCATION, "Location"),
    FormField(schema.ADMIN1, "Province (admin1)"),
    FormField(schema.COUNTRY, "Country"),
    FormField(schema.LAT, "Latitude"),
    FormField(schema.LON, "Longitude"),
    FormField(schema.ACTOR1, "Actor 1 (initiator)"),
    FormField(schema.ACTOR2, "Actor 2 (target)"),
    FormField(schema.KILLED, "Killed"),
    FormField(schema.KILLED_QUALIFIER, "Killed: qualifier", (NONE, *schema.QUALIFIERS)),
    FormField(schema.INJURED, "Injured"),
    FormField(schema.INJURED_QUALIFIER, "Injured: qualifier", (NONE, *schema.QUALIFIERS)),
)
LOG_COLUMNS: tuple[str, ...] = (schema.DECISION_ID, schema.MADE_AT, schema.MADE_BY, schema.ACTION, schema.EVENT_ID,
                                schema.FIELD, schema.OLD_VALUE, schema.NEW_VALUE, schema.UNDOES, schema.NOTE)
HELP = ("Change what is wrong and save: each changed value is kept in the store as a decision with your name, "
        "the time and the note, by the event's reports, so it survives re-ingest. A new place keeps the old "
        "coordinates unless you give them, or the gazetteer finds it in the country.")


def widget_key(field: str, event_id: str, state: State) -> str:
    """The key of one form widget for this event in this round (each save starts a round of fresh values)."""
    return keys.keyed(keys.CORRECTION_KEY, f"{field}_{event_id}_{state.get(keys.CORRECTION_ROUND_KEY, 0)}")


def current_value(event: pd.Series, field: str) -> str:
    """What the form shows first for one column: the event's value as text ("" for none)."""
    text = corrections.text_of(event.get(field))
    return NONE if text is None else text


def needs_name(state: State) -> bool:
    """Whether the form asks for a name: nobody signed in, and no name given yet in this session."""
    return not state.get(keys.EDITOR_KEY) and not state.get(keys.ANALYST_KEY)


def _editor(state: State) -> str:
    given = " ".join(str(state.get(keys.ANALYST_NAME_KEY) or "").split())[:80]
    if given and needs_name(state):
        state[keys.ANALYST_KEY] = given  # asked once a session
    return str(state.get(keys.EDITOR_KEY) or state.get(keys.ANALYST_KEY) or corrections.UNKNOWN_EDITOR)


def note_key(state: State) -> str:
    """The key of the form's note in this round."""
    return keys.keyed(keys.CORRECTION_NOTE_KEY, state.get(keys.CORRECTION_ROUND_KEY, 0))


def _note(state: State, key: str) -> str | None:
    return " ".join(str(state.get(key) or "").split()) or None


def option_index(field: FormField, value: str) -> int:
    """Where a chooser starts: at the event's value (the first choice when it has none of them)."""
    return field.options.index(value) if field.options and value in field.options else 0


def is_verified(event: pd.Series) -> bool:
    """Whether an analyst marked the event verified."""
    return event.get(schema.VERIFIED) == corrections.TRUE


def submit(folder: Path, event_id: str, state: State, reload: Callable[[], None]) -> None:
    """The form's callback: keep the values changed for `event_id` (and the verification) as decisions, say what
    was kept (or what is wrong) under `keys.DECISION_OUTCOME_KEY`, and `reload` the pages' loads."""
    values = {f.name: state.get(widget_key(f.name, event_id, state)) for f in FORM_FIELDS}
    values = {name: value for name, value in values.items() if value is not None}
    verify = bool(state.get(widget_key(schema.VERIFIED, event_id, state)))
    try:
        numbers = corrections.correct_event(folder, event_id, values, _note(state, note_key(state)), _editor(state),
                                              verify)
    except (corrections.CorrectionError, StoreError) as err:
        state[keys.DECISION_OUTCOME_KEY] = ("error", str(err))
        return
    state[keys.CORRECTION_ROUND_KEY] = int(state.get(keys.CORRECTION_ROUND_KEY, 0)) + 1
    state[keys.DECISION_OUTCOME_KEY] = ("success", f"Kept {len(numbers)} decision(s) on event {event_id} "
                                        f"(numbers {', '.join(map(str, numbers))}); the table shows them.")
    reload()


def submit_undo(folder: Path, state: State, reload: Callable[[], None]) -> None:
    """The undo button's callback: take back the correction or verification chosen in the log."""
    chosen = state.get(keys.UNDO_KEY)
    try:
        if chosen is None:
            raise corrections.CorrectionError("Choose the correction to undo first.")
        number = corrections.undo_decision(folder, int(chosen), _note(state, keys.UNDO_NOTE_KEY), _editor(state))
    except (corrections.CorrectionError, StoreError) as err:
        state[keys.DECISION_OUTCOME_KEY] = ("error", str(err))
        return
    state.pop(keys.UNDO_KEY, None)
    state[keys.UNDO_NOTE_KEY] = ""
    state[keys.DECISION_OUTCOME_KEY] = ("success", f"Decision {chosen} undone (the undo is decision {number}).")
    reload()


def decision_log(decisions: pd.DataFrame) -> pd.DataFrame:
    """The decision log as the page shows it: newest first, the columns a reader needs."""
    return decisions.reindex(columns=list(LOG_COLUMNS)).sort_values(schema.DECISION_ID, ascending=False,
                                                                    kind="stable").reset_index(drop=True)


def undo_choices(decisions: pd.DataFrame) -> pd.Series:
    """The corrections and verifications no undo has taken back, newest first, labelled for a chooser."""
    undone = set(decisions[schema.UNDOES].dropna().astype(int))
    live = decisions[decisions[schema.ACTION].isin([corrections.CORRECT, corrections.VERIFY]).fillna(False)
                     & ~decisions[schema.DECISION_ID].isin(undone)].sort_values(schema.DECISION_ID, ascending=False)
    labels = [f"#{r[schema.DECISION_ID]} {r[schema.EVENT_ID]} {r[schema.FIELD]}: {_shown(r[schema.OLD_VALUE])} → "
              f"{_shown(r[schema.NEW_VALUE])} ({r[schema.MADE_BY]}, {r[schema.MADE_AT]})" for _, r in live.iterrows()]
    return pd.Series(labels, index=[int(n) for n in live[schema.DECISION_ID]], dtype="string")


def _shown(value: object) -> str:
    return "(none)" if value is None or pd.isna(value) else str(value)
