"""Events page, corrections: a corrected figure and town show in the table, marked, with the decision in the log;
an undo takes them back; the name is asked once a session on a desk without an editor password."""

from __future__ import annotations

from eventdesk import schema
from eventdesk.dashboard import correcting, keys
from eventdesk.store import store
from tests.app.actions import click


def field(app, name: str):
    """The correction form's widget for one column of the chosen event, in its current round."""
    key = correcting.widget_key(name, app.selectbox(key=keys.EVENT_KEY).value, app.session_state)
    return (app.selectbox if any(f.name == name and f.options for f in correcting.FORM_FIELDS) else app.text_input)(
        key=key)


def decision_log(app):
    """The page's decision log (the one table with its columns)."""
    (log,) = [d.value for d in app.dataframe if list(d.value.columns) == list(correcting.LOG_COLUMNS)]
    return log


def test_a_corrected_figure_and_town_show_in_the_table_marked(open_store_page, corpus_store, writable):
    folder = writable(corpus_store)
    app = open_store_page(folder, "events")
    event_id = app.selectbox(key=keys.EVENT_KEY).value
    assert field(app, schema.KILLED).value == "17" and field(app, schema.LOCATION).value == "Maiduguri"
    field(app, schema.KILLED).input("23")
    field(app, schema.LOCATION).input("Konduga")
    app.checkbox(key=correcting.widget_key(schema.VERIFIED, event_id, app.session_state)).check()
    app.text_input(key=correcting.note_key(app.session_state)).input("hospital register, 14 March")
    app.text_input(key=keys.ANALYST_NAME_KEY).input("Ana Ruiz")
    click(app, "Save the corrections")

    assert "Kept 5 decision(s) on event" in app.success[0].value
    table = app.dataframe[0].value.set_index(schema.EVENT_ID)
    assert table.loc[event_id, schema.KILLED] == 23 and table.loc[event_id, "place"].startswith("Konduga")
    assert table.loc[event_id, schema.CORRECTED] == "location,lat,lon,killed"
    assert table.loc[event_id, schema.VERIFIED] == "true"
    log = decision_log(app)
    assert set(log[schema.MADE_BY]) == {"Ana Ruiz"} and set(log[schema.NOTE].str[:16]) == {"hospital registe"}
    assert log.loc[log[schema.FIELD] == schema.KILLED, [schema.OLD_VALUE, schema.NEW_VALUE]].values.tolist() == [
        ["17", "23"]]
    # The form starts afresh from the corrected values, and the name is not asked again this session.
    assert field(app, schema.KILLED).value == "23" and not correcting.needs_name(app.session_state)
    assert keys.ANALYST_NAME_KEY not in [t.key for t in app.text_input]

    killed = int(log.loc[log[schema.FIELD] == schema.KILLED, schema.DECISION_ID].iloc[0])
    app.selectbox(key=keys.UNDO_KEY).set_value(killed).run()
    app.text_input(key=keys.UNDO_NOTE_KEY).input("the register counts the attackers")
    click(app, "Undo it")
    assert f"Decision {killed} undone" in app.success[0].value
    table = app.dataframe[0].value.set_index(schema.EVENT_ID)
    assert table.loc[event_id, schema.KILLED] == 17 and table.loc[event_id, schema.CORRECTED] == "location,lat,lon"
    undo = store.load_decisions(folder).iloc[-1]
    assert (undo[schema.ACTION], undo[schema.UNDOES], undo[schema.MADE_BY]) == ("undo", killed, "Ana Ruiz")


def test_a_bad_value_is_refused_with_the_reason_and_nothing_is_kept(open_store_page, corpus_store, writable):
    folder = writable(corpus_store)
    app = open_store_page(folder, "events")
    field(app, schema.KILLED).input("about twenty")
    click(app, "Save the corrections")
    assert [e.value for e in app.error] == ["killed must be a whole number of people (0 or more), or empty; "
                                            "not 'about twenty'"]
    assert store.load_decisions(folder).empty
