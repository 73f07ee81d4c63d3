"""The dashboard in a real browser: every page draws, the map pin shows offline, the filter and CSV work.

Screenshots of every page from the last run are kept in tests/browser/screenshots/ for a person to look at.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import FrameLocator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from eventdesk import query, schema
from eventdesk.colours import event_colour

PAGES = {"overview": "/", "timeline": "/timeline", "map": "/map", "casualties": "/casualties",
         "actors": "/actors", "events": "/events"}
TILE_HOST = "https://tile.openstreetmap.org/"


def open_page(page: Page, server: str, name: str, query_string: str = "") -> None:
    page.goto(server + PAGES[name] + query_string)
    expect(page.get_by_role("heading", level=1)).to_have_text(name.capitalize())


def shoot(page: Page, screenshots: Path, name: str) -> None:
    page.wait_for_timeout(600)  # let charts finish their transitions
    page.screenshot(path=screenshots / f"{name}.png", full_page=True)


def metric(page: Page, label: str):
    return page.get_by_test_id("stMetric").filter(has_text=label).get_by_test_id("stMetricValue")


def map_frame(page: Page) -> FrameLocator:
    return page.frame_locator('iframe[title="streamlit_folium.st_folium"]')


def open_popup(pin, popup, attempts: int = 5) -> None:
    """Click a circle until its popup opens (the map may still be zooming to fit its markers)."""
    for _ in range(attempts):
        box = pin.bounding_box()
        # The circle's left side: a smaller circle (the claim) may sit on its centre.
        pin.click(position={"x": box["width"] * 0.15, "y": box["height"] / 2}, force=True)
        try:
            popup.wait_for(state="visible", timeout=2_000)
            return
        except PlaywrightTimeout:
            continue
    pytest.fail(f"no popup opened after {attempts} clicks on the map circle")


def test_overview_shows_the_seed_figures(page, server, screenshots, seed_table):
    open_page(page, server, "overview")
    expect(metric(page, "Killed")).to_have_text("at least 84")
    expect(metric(page, "Injured")).to_have_text("284")
    expect(metric(page, "Events")).to_have_text(str(len(seed_table)))
    expect(page.get_by_test_id("stDataFrame")).to_be_visible()
    shoot(page, screenshots, "overview")


def test_timeline_draws_a_point_per_event(page, server, screenshots, seed_table):
    open_page(page, server, "timeline")
    points = page.locator(".js-plotly-plot .scatterlayer .trace .points path")
    expect(points.first).to_be_visible()
    assert points.count() >= len(seed_table) - query.count_undated(seed_table)
    expect(page.locator(".js-plotly-plot .ytick text").filter(has_text="bombing")).to_have_count(1)
    shoot(page, screenshots, "timeline")


def test_map_pin_is_visible_offline_and_opens_its_popup(page, server, screenshots, outside):
    open_page(page, server, "map")
    frame = map_frame(page)
    pin = frame.locator(f'path.leaflet-interactive[fill="{event_colour("bombing")}"]')
    expect(pin).to_be_visible()
    popup = frame.locator(".leaflet-popup-content")
    open_popup(pin, popup)
    expect(popup).to_contain_text("at least 84")
    expect(popup).to_contain_text("Kerman")
    shoot(page, screenshots, "map")
    assert all(url.startswith(TILE_HOST) for url in outside.urls), outside.urls


def test_casualties_page_shows_qualified_totals_and_bars(page, server, screenshots):
    open_page(page, server, "casualties")
    expect(metric(page, "Killed")).to_have_text("at least 84")
    page.get_by_role("tab", name="By date").click()
    expect(page.locator(".js-plotly-plot .barlayer .point").first).to_be_visible()
    shoot(page, screenshots, "casualties")


def test_actor_graph_draws_labelled_nodes_and_arrows(page, server, screenshots):
    open_page(page, server, "actors")
    graph = page.locator(".js-plotly-plot").first
    for actor in ("Islamic State", "United States", "Iran"):
        expect(graph.locator(".textpoint text").filter(has_text=re.compile(f"^{actor}$"))).to_have_count(1)
    expect(graph.locator(".scatterlayer .trace .points path").first).to_be_visible()
    shoot(page, screenshots, "actors")


def test_events_page_shows_the_table_and_downloads(page, server, screenshots):
    open_page(page, server, "events")
    expect(page.get_by_test_id("stDataFrame")).to_be_visible()
    expect(page.get_by_test_id("stDownloadButton")).to_have_count(2)
    shoot(page, screenshots, "events")


def choose_actor(page: Page, actor: str) -> None:
    box = page.get_by_test_id("stSidebar").get_by_role("combobox", name="Actors")
    box.click()
    box.fill(actor)
    page.get_by_role("option", name=actor, exact=True).click()
    page.keyboard.press("Escape")


def test_choosing_an_actor_changes_the_counts_and_survives_a_page_switch(page, server, screenshots, seed_table):
    open_page(page, server, "overview")
    expect(metric(page, "Events")).to_have_text(str(len(seed_table)))
    choose_actor(page, "United States")
    expected = len(query.apply(seed_table, query.Filter(actors=("United States",))))
    expect(metric(page, "Events")).to_have_text(str(expected))
    expect(metric(page, "Killed")).to_have_text("not reported")
    expect(page).to_have_url(re.compile(r"\?actor=United\+States$"))
    shoot(page, screenshots, "overview-filtered")

    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Events").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Events")
    expect(page).to_have_url(re.compile(r"/events\?actor=United\+States$"))
    expect(page.get_by_test_id("stSidebar").get_by_text("United States", exact=True)).to_be_visible()
    expect(page.get_by_test_id("stCaptionContainer").first).to_contain_text(f"{expected} of {len(seed_table)} events")


def test_an_actor_with_no_events_says_so(page, server):
    open_page(page, server, "map", "?actor=Hezbollah")
    expect(page.get_by_text("No events match the current filter")).to_be_visible()
    expect(page.locator('iframe[title="streamlit_folium.st_folium"]')).to_have_count(0)


@pytest.mark.parametrize("actor", ["Islamic State"])
def test_download_the_filtered_events_csv(page, server, tmp_path, seed_table, actor):
    open_page(page, server, "events", "?actor=" + actor.replace(" ", "+"))
    with page.expect_download() as info:
        page.get_by_role("button", name="Download events (CSV)").click()
    target = tmp_path / "events.csv"
    info.value.save_as(target)
    parsed = pd.read_csv(target, dtype=str, keep_default_na=False)
    expected = query.apply(seed_table, query.Filter(actors=(actor,)))
    assert info.value.suggested_filename == "events.csv"
    assert list(parsed.columns) == list(schema.EVENT_FIELDS)
    assert sorted(parsed[schema.EVENT_ID]) == sorted(expected[schema.EVENT_ID])
    assert {"bombing", "claim"} <= set(parsed[schema.EVENT_TYPE])


def test_a_shared_link_works_as_the_first_request_to_a_fresh_server(browser, fresh_server):
    """Streamlit runs pages/ files on their own until st.navigation has run once in the process;
    the dashboard must still draw its sidebar and filter for a link opened first after a restart."""
    context = browser.new_context()
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(fresh_server)
                  else route.abort())
    page = context.new_page()
    page.goto(fresh_server + "/map?actor=Islamic+State")
    expect(page.get_by_role("heading", level=1)).to_have_text("Map")
    expect(page.get_by_test_id("stSidebar").get_by_text("Islamic State", exact=True)).to_be_visible()
    expect(map_frame(page).locator("path.leaflet-interactive").first).to_be_visible()
    context.close()
