"""The browser on a writable desk: an analyst corrects the chosen event's killed figure on the Events page, with a
note and a name, and sees it as the event's figure, in the store's table and marked corrected."""

from __future__ import annotations

from playwright.sync_api import expect

from eventdesk import schema
from eventdesk.store import store
from tests.browser.test_dashboard import metric, shoot, wait_until_idle, wait_until_still

SAVE_TIMEOUT_MS = 180_000  # the first save in a server process loads the gazetteer


def test_correct_a_figure_and_see_it_on_the_page(new_context, writable_server, screenshots):
    url, folder = writable_server
    page = new_context(url).new_page()
    page.goto(url + "/events")
    expect(page.get_by_role("heading", level=1)).to_have_text("Events")
    wait_until_idle(page)
    before = metric(page, "Killed").inner_text()
    corrected = "1" + "".join(ch for ch in before if ch.isdigit())  # a figure the event surely does not have yet

    page.get_by_text("A wrong value? Correct it, or mark the event verified").click()
    killed = page.get_by_label("Killed", exact=True)
    killed.scroll_into_view_if_needed()
    killed.fill(corrected)
    killed.press("Enter")  # Enter in the form saves nothing: the page does not run half a form
    page.get_by_label("Note (kept with each decision)").fill("the hospital's register")
    page.get_by_label("Your name (asked once; kept with each decision)").fill("Ana Ruiz")
    assert store.load_decisions(folder).empty
    page.get_by_role("button", name="Save the corrections").click()

    expect(page.get_by_test_id("stAlertContentSuccess")).to_contain_text("Kept 1 decision(s)",
                                                                         timeout=SAVE_TIMEOUT_MS)
    expect(metric(page, "Killed")).to_contain_text(corrected)
    wait_until_still(page)  # the run after the save has drawn the whole page (an element of the last run is gone)
    expect(page.get_by_text("Decision log: splits, merges, corrections")).to_be_visible()
    shoot(page, screenshots, "events-correction")
    events = store.load_events(folder)
    row = events[events[schema.CORRECTED].eq(schema.KILLED).fillna(False)]
    assert row[schema.KILLED].tolist() == [int(corrected)]
    log = store.load_decisions(folder)
    assert log[[schema.FIELD, schema.NEW_VALUE, schema.MADE_BY]].values.tolist() == [
        [schema.KILLED, corrected, "Ana Ruiz"]]
