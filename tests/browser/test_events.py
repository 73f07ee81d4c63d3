"""The Events page in a real browser, as an analyst reads it: the table's first columns, the attack shown first,
whole figure metrics, the article with its evidence sentence marked, and the split-and-merge box.

Screenshots from the last run are kept in tests/browser/screenshots/ (events-analyst.png, events-article.png,
events-merge.png) for a person to look at.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
from playwright.sync_api import Locator, Page, expect

from eventdesk import schema
from eventdesk.dashboard import keys, query
from tests.browser.test_dashboard import metric, open_page, shoot, wait_until_idle, wait_until_still

ARTICLE = f".st-key-{keys.ARTICLE_VIEW_KEY}"
# A metric whose value does not fit is cut with an ellipsis: an element drawn with one whose text is wider.
TRUNCATED = """() => [...document.querySelectorAll('[data-testid="stMetricValue"], [data-testid="stMetricValue"] *')]
    .filter((e) => getComputedStyle(e).textOverflow === "ellipsis")
    .map((e) => [e.innerText, e.scrollWidth > e.clientWidth])"""


# Counts the changes of the app's run state from now on: a rerun has happened once it is above zero.
COUNT_RUNS = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    window.__eventdeskRuns = 0;
    new MutationObserver((records) => { window.__eventdeskRuns += records.length; })
        .observe(app, {attributes: true, attributeFilter: ["data-test-script-state"]});
}"""


def after_the_rerun(page: Page, action: Callable[[], None]) -> None:
    """Do `action`, which makes the app run again, and wait until that run has started and finished (an open
    list or a click during the run would be lost when it redraws)."""
    page.evaluate(COUNT_RUNS)
    action()
    page.wait_for_function("() => window.__eventdeskRuns > 0")
    wait_until_idle(page)


def shown_columns(page: Page) -> list[str]:
    """The columns the events table shows, as its own "Show/hide columns" menu lists them (the table is a canvas)."""
    table = page.get_by_test_id("stDataFrame").first
    table.hover()
    # The grid's scroller lies over its toolbar while the pointer moves, so the click is sent to the button itself.
    table.get_by_role("button", name="Show/hide columns").dispatch_event("click")
    menu = page.get_by_test_id("stDataFrameColumnVisibilityMenu")
    expect(menu.get_by_text("date", exact=True)).to_be_visible()
    names = [box.get_attribute("aria-label") for box in menu.get_by_role("checkbox", checked=True).all()]
    page.keyboard.press("Escape")
    expect(menu).to_have_count(0)
    return [name for name in names if name != "Select all"]


def chooser(page: Page, label: str) -> Locator:
    """The text box of the selectbox with this label (it holds the chosen option's label)."""
    return page.get_by_role("combobox", name=label, exact=True)


def test_the_events_page_opens_on_the_attack_with_the_analysts_columns_and_its_article(page, server, screenshots,
                                                                                       seed_table):
    open_page(page, server, "events")
    wait_until_idle(page)
    assert shown_columns(page) == list(query.EVENTS_PAGE_COLUMNS)
    assert shown_columns(page)[:8] == [schema.DATE, schema.EVENT_TYPE, query.PLACE, schema.ACTOR1, schema.ACTOR2,
                                       schema.KILLED, schema.INJURED, schema.EVIDENCE]

    # The attack, not its claim (dated a day later) nor the warning or the accusation ("not reported").
    expect(chooser(page, "Event")).to_have_value(
        "2024-01-03 · bombing · Kerman, Iran · Islamic State · at least 84 killed, 284 injured · 1 report")
    expect(metric(page, "Killed")).to_have_text("at least 84")
    expect(metric(page, "Injured")).to_have_text("284")
    cut = page.evaluate(TRUNCATED)
    assert cut and not any(overflows for _, overflows in cut), cut

    bombing = seed_table[seed_table[schema.EVENT_TYPE] == "bombing"].iloc[0]
    article = page.locator(ARTICLE)
    expect(article.locator("mark")).to_have_text(bombing[schema.EVIDENCE])
    expect(article.locator("mark")).to_have_count(1)
    expect(article).to_contain_text("US Secretly Warned Iran of Potential ISIS Attack")
    expect(article).to_contain_text("the need for constant vigilance in addressing this ongoing threat.")
    shoot(page, screenshots, "events-analyst")
    article.scroll_into_view_if_needed()
    article.screenshot(path=screenshots / "events-article.png")  # Streamlit scrolls inside its own container

    after_the_rerun(page, page.get_by_text("Show all columns", exact=True).click)
    every = shown_columns(page)
    assert every[:len(query.EVENTS_PAGE_COLUMNS)] == list(query.EVENTS_PAGE_COLUMNS)
    assert set(schema.INCIDENT_FIELDS) <= set(every)


def choose(page: Page, label: str, option: str, typed: str) -> None:
    """Choose the option that holds `option` in a selectbox, typing `typed` first: typing opens the list
    (again, should a run have closed it) and keeps only the options that match."""
    box = chooser(page, label)
    box.click()
    box.press_sequentially(typed)
    wanted = page.get_by_role("option").filter(has_text=option)
    expect(wanted).to_have_count(1)
    after_the_rerun(page, wanted.click)


def test_the_split_and_merge_box_stays_open_and_starts_afresh_after_a_merge(new_context, writable_server,
                                                                            screenshots, tmp_path: Path):
    url, folder = writable_server
    page = new_context(url).new_page()
    open_page(page, url, "events")
    # The expander keeps its state on the server: opening it runs the page again.
    after_the_rerun(page, page.get_by_text("Wrongly merged? Split reports off, or merge with another event").click)
    note = page.get_by_role("textbox", name="Note (kept with the decision)")
    note.fill("the claim is of this attack")
    after_the_rerun(page, lambda: note.press("Enter"))
    merge = page.get_by_role("button", name="Merge the two events")
    expect(merge).to_be_visible()  # Enter ran the page again and the box stayed open
    expect(note).to_have_value("the claim is of this attack")

    try:
        choose(page, "Event to merge this one with", "· claim ·", "claim")
    except AssertionError:
        page.screenshot(path=screenshots / "events-merge-failed.png")  # what the page showed, for a person
        raise
    after_the_rerun(page, merge.click)
    expect(page.get_by_test_id("stAlertContentSuccess")).to_contain_text("Merged the two events")
    events = pd.read_parquet(folder / "events.parquet")
    assert sorted(events[schema.EVENT_TYPE]) == ["accusation", "bombing", "warning"]
    expect(metric(page, "Reports")).to_have_text("2")

    # The box starts afresh: no event chosen, the claim merged away is not offered, the note is empty.
    merge_with = chooser(page, "Event to merge this one with")
    expect(merge_with).to_have_value("")
    expect(merge_with).to_have_attribute("placeholder", "Choose an event")
    expect(note).to_have_value("")
    wait_until_still(page)
    # Typing opens the list (again, should a late redraw have closed it); every event's label holds " · ".
    merge_with.click()
    merge_with.press_sequentially(" · ")
    options = page.get_by_role("option")
    expect(options).to_have_count(2)
    assert not any("· claim ·" in text for text in options.all_inner_texts())
    page.keyboard.press("Escape")
    expect(options).to_have_count(0)
    after_the_rerun(page, merge.click)
    expect(page.get_by_test_id("stAlertContentError")).to_have_text("Choose the event to merge this one with first.")
    box = page.get_by_test_id("stExpander").filter(has_text="Wrongly merged?")
    box.screenshot(path=screenshots / "events-merge.png")
