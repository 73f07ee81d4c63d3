"""The dashboard in a real browser: every page draws, the map pin shows offline, the filter and CSV work.

Screenshots of every page from the last run are kept in tests/browser/screenshots/ for a person to look at.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from playwright.sync_api import FrameLocator, Page, expect

from eventdesk import schema
from eventdesk.dashboard import area_map, filters, timeline
from eventdesk.dashboard.colours import event_colour
from eventdesk.store import uploads

PAGES = {"overview": "/", "timeline": "/timeline", "map": "/map", "casualties": "/casualties", "trends": "/trends",
         "actors": "/actors", "events": "/events", "upload": "/upload"}
TILE_HOST = "https://tile.openstreetmap.org/"
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
UPLOADS = Path(__file__).resolve().parents[1] / "fixtures" / "uploads"
DAWN = UPLOADS / "2024-02-09_dawn_peshawar.json"
AP = UPLOADS / "2024-02-10_ap_peshawar.csv"
# dashboard.py's titles
NAVIGATION = ["Overview", "Timeline", "Map", "Casualties", "Trends", "Actors", "Events", "Upload"]
INGEST_TIMEOUT_MS = 300_000  # the first ingest in a server process loads the extraction models
STILL_FRAMES = 10  # animation frames in a row with nothing moving: charts and maps have drawn
# What moves while a page draws: Plotly charts and their points, the map and its circles and popup.
MOVING = (".js-plotly-plot, .js-plotly-plot .point, .js-plotly-plot .textpoint, "
          ".leaflet-map-pane, .leaflet-interactive, .leaflet-popup")
STILL = """([moving, frames]) => {
    const shapes = (doc) => [...doc.querySelectorAll(moving)].map((e) => {
        const r = e.getBoundingClientRect();
        return [r.x, r.y, r.width, r.height].map(Math.round).join(",");
    });
    const frameDocs = [...document.querySelectorAll("iframe")].map((f) => {
        try { return f.contentDocument; } catch (e) { return null; }
    }).filter(Boolean);
    const busy = document.querySelector('[data-stale="true"]') || document.fonts.status !== "loaded";
    const now = busy ? null : [document, ...frameDocs].flatMap(shapes).join(";");
    const state = window.__eventdeskStill || (window.__eventdeskStill = {last: null, count: 0});
    state.count = now !== null && now === state.last ? state.count + 1 : 0;
    state.last = now;
    if (state.count < frames) return false;
    delete window.__eventdeskStill;
    return true;
}"""
# Every navigation menu the page shows, as the labels of its links, from the first one on.
RECORD_NAVIGATION = """
window.__eventdeskNavigations = [];
new MutationObserver(() => {
    const links = document.querySelectorAll('[data-testid="stSidebarNav"] a');
    const labels = [...links].map((a) => (a.querySelector('[data-testid="stMarkdownContainer"]') || a).innerText);
    const seen = window.__eventdeskNavigations;
    if (labels.length && JSON.stringify(labels) !== JSON.stringify(seen[seen.length - 1])) seen.push(labels);
}).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
"""


def wait_until_idle(page: Page) -> None:
    """Until the app's script has finished its run (the browser marks its state on the app's root)."""
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning")


def wait_until_still(page: Page) -> None:
    """Until the run is over and nothing on the page has moved for a few frames: no element left from the
    previous run, the fonts loaded, every chart and map drawn where it stays."""
    wait_until_idle(page)
    page.wait_for_function(STILL, arg=[MOVING, STILL_FRAMES], polling="raf")


def open_page(page: Page, server: str, name: str, query_string: str = "") -> None:
    page.goto(server + PAGES[name] + query_string)
    expect(page.get_by_role("heading", level=1)).to_have_text(name.capitalize())


def shoot(page: Page, screenshots: Path, name: str) -> None:
    wait_until_still(page)
    page.screenshot(path=screenshots / f"{name}.png", full_page=True)


def metric(page: Page, label: str):
    return page.get_by_test_id("stMetric").filter(has_text=label).get_by_test_id("stMetricValue")


def map_frame(page: Page) -> FrameLocator:
    return page.frame_locator(MAP_FRAME)


def open_popup(page: Page, pin, popup) -> None:
    """Click a circle once the map has stopped moving (it zooms to fit its markers), and wait for its popup.

    The map is scrolled wholly into view first: pressing a circle focuses it, and the browser scrolls a
    focused element's frame into view, so the release would land beside a circle seen in part."""
    page.locator(MAP_FRAME).evaluate("(frame) => frame.scrollIntoView({block: 'center'})")
    wait_until_still(page)
    box = pin.bounding_box()
    # The circle's left side: a smaller circle (the claim) may sit on its centre. Playwright clicks once the
    # circle itself is what receives the click there.
    pin.click(position={"x": box["width"] * 0.15, "y": box["height"] / 2})
    expect(popup).to_be_visible()


def test_overview_shows_the_seed_figures(page, server, screenshots, seed_table):
    open_page(page, server, "overview")
    expect(metric(page, "Killed")).to_have_text("at least 84")
    expect(metric(page, "Injured")).to_have_text("284")
    expect(metric(page, "Attacks")).to_have_text("1")
    expect(metric(page, "All events")).to_have_text(str(len(seed_table)))
    expect(metric(page, "Articles")).to_have_text("1")
    expect(metric(page, "Sources")).to_have_text("1")
    expect(page.get_by_test_id("stDataFrame")).to_be_visible()
    shoot(page, screenshots, "overview")


def test_timeline_draws_a_point_per_event(page, server, screenshots, seed_table):
    open_page(page, server, "timeline")
    points = page.locator(".js-plotly-plot .scatterlayer .trace .points path")
    expect(points.first).to_be_visible()
    wait_until_still(page)
    assert points.count() >= len(seed_table) - timeline.count_undated(seed_table)
    expect(page.locator(".js-plotly-plot .ytick text").filter(has_text="bombing")).to_have_count(1)
    shoot(page, screenshots, "timeline")


def test_map_pin_is_visible_offline_and_opens_its_popup(page, server, screenshots, outside):
    open_page(page, server, "map")
    frame = map_frame(page)
    pin = frame.locator(f'path.leaflet-interactive[fill="{event_colour("bombing")}"]')
    expect(pin).to_be_visible()
    popup = frame.locator(".leaflet-popup-content")
    open_popup(page, pin, popup)
    expect(popup).to_contain_text("at least 84")
    expect(popup).to_contain_text("Kerman")
    shoot(page, screenshots, "map")
    assert all(url.startswith(TILE_HOST) for url in outside.urls), outside.urls


def test_map_draws_country_outlines_and_names_when_the_tiles_cannot_load(page, server, screenshots, outside):
    open_page(page, server, "map")
    frame = map_frame(page)
    # The network is blocked, so every tile fails: the land is filled and the country names are shown.
    expect(frame.locator(".leaflet-container.eventdesk-offline")).to_be_visible()
    outlines = frame.locator("path.eventdesk-country")
    expect(outlines.first).to_be_attached()
    assert outlines.count() > 100
    expect(outlines.first).to_have_attribute("fill", "#f4f1ea")
    expect(frame.locator(".eventdesk-country-label", has_text="Iran")).to_be_attached()
    expect(frame.locator(".eventdesk-where")).to_have_text("Centre of the map: Iran")
    expect(frame.locator(f'path.leaflet-interactive[fill="{event_colour("bombing")}"]')).to_be_visible()
    shoot(page, screenshots, "map-offline-outlines")
    assert all(url.startswith(TILE_HOST) for url in outside.urls), outside.urls


def test_casualties_page_shows_qualified_totals_and_bars(page, server, screenshots):
    open_page(page, server, "casualties")
    expect(metric(page, "Killed")).to_have_text("at least 84")
    page.get_by_role("tab", name="By date").click()
    expect(page.locator(".js-plotly-plot .barlayer .point").first).to_be_visible()
    shoot(page, screenshots, "casualties")


def test_trends_page_draws_the_area_lines_the_change_table_and_the_area_map(page, server, screenshots, outside):
    open_page(page, server, "trends")
    expect(page.locator(".js-plotly-plot .scatterlayer .trace .points path").first).to_be_visible()
    expect(page.locator(".js-plotly-plot .legendtext").filter(has_text="Kerman, Iran")).to_have_count(1)
    expect(page.get_by_test_id("stDataFrame")).to_be_visible()
    expect(page.get_by_test_id("stSidebar").get_by_text("Period")).to_be_visible()
    # Kerman's circle on the country outlines (the network is blocked), with its totals in the popup.
    frame = map_frame(page)
    expect(frame.locator("path.eventdesk-country").first).to_be_attached()
    circle = frame.locator(f'path.leaflet-interactive[fill="{area_map.COLOUR}"]')
    expect(circle).to_have_count(1)
    popup = frame.locator(".leaflet-popup-content")
    open_popup(page, circle, popup)
    expect(popup).to_contain_text("Kerman, Iran")
    expect(popup).to_contain_text("killed 84")
    shoot(page, screenshots, "trends")


def test_trends_shows_the_killed_per_province_in_the_last_30_days_against_the_30_before(page, server, screenshots):
    open_page(page, server, "trends")
    wait_until_still(page)  # a click during a run is lost when the run redraws the page
    page.get_by_test_id("stSidebar").get_by_text("30 days", exact=True).click()
    expect(page.get_by_text("the 30 days up to the latest dated attack in this view")).to_be_visible()
    wait_until_still(page)
    page.get_by_test_id("stMain").get_by_text("Killed", exact=True).click()
    expect(page.locator(".js-plotly-plot .ytitle").filter(has_text="Killed")).to_have_count(1)
    wait_until_still(page)
    # The table is a canvas: its columns are read from its own "Show/hide columns" menu.
    table = page.get_by_test_id("stDataFrame")
    table.hover()
    table.get_by_role("button", name="Show/hide columns").dispatch_event("click")
    menu = page.get_by_test_id("stDataFrameColumnVisibilityMenu")
    expect(menu.get_by_role("checkbox", name="latest (2023-12-05 to 2024-01-03)")).to_be_attached()
    page.keyboard.press("Escape")
    expect(menu).to_have_count(0)
    circle = map_frame(page).locator(f'path.leaflet-interactive[fill="{area_map.COLOUR}"]')
    popup = map_frame(page).locator(".leaflet-popup-content")
    open_popup(page, circle, popup)
    expect(popup).to_contain_text("killed: 84 in the latest period")
    shoot(page, screenshots, "trends-30-days-killed")


def test_actor_graph_draws_labelled_nodes_and_arrows(page, server, screenshots):
    open_page(page, server, "actors")
    graph = page.locator(".js-plotly-plot").first
    for actor in ("United States", "Iran"):  # the seed's bombing names no target, so it is no edge
        expect(graph.locator(".textpoint text").filter(has_text=re.compile(f"^{actor}$"))).to_have_count(1)
    expect(graph.locator(".scatterlayer .trace .points path").first).to_be_visible()
    shoot(page, screenshots, "actors")


def test_events_page_shows_the_table_and_downloads(page, server, screenshots):
    open_page(page, server, "events")
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible()
    expect(page.get_by_test_id("stDownloadButton")).to_have_count(6)  # events, relations and four exports
    shoot(page, screenshots, "events")


def choose_actor(page: Page, actor: str) -> None:
    box = page.get_by_test_id("stSidebar").get_by_role("combobox", name="Actors")
    box.click()
    box.fill(actor)
    page.get_by_role("option", name=actor, exact=True).click()
    page.keyboard.press("Escape")


def test_choosing_an_actor_changes_the_counts_and_survives_a_page_switch(page, server, screenshots, seed_table):
    open_page(page, server, "overview")
    expect(metric(page, "All events")).to_have_text(str(len(seed_table)))
    choose_actor(page, "United States")
    expected = len(filters.apply(seed_table, filters.Filter(actors=("United States",))))
    expect(metric(page, "All events")).to_have_text(str(expected))
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
    expected = filters.apply(seed_table, filters.Filter(actors=(actor,))).to_frame()
    assert info.value.suggested_filename == "events.csv"
    assert list(parsed.columns) == list(schema.INCIDENT_FIELDS)
    assert sorted(parsed[schema.EVENT_ID]) == sorted(expected[schema.EVENT_ID])
    assert {"bombing", "claim"} <= set(parsed[schema.EVENT_TYPE])


def test_download_the_filtered_events_as_acled_geojson_and_xlsx(page, server, tmp_path, seed_table):
    open_page(page, server, "events", "?country=Iran")
    expected = sorted(filters.apply(seed_table, filters.Filter(countries=("Iran",))).to_frame()[schema.EVENT_ID])
    files = {}
    for label, name in (("Download ACLED-shaped CSV", "events-acled.csv"), ("Download GeoJSON", "events.geojson"),
                        ("Download Excel workbook", "events.xlsx")):
        with page.expect_download() as info:
            page.get_by_role("button", name=label).click()
        assert info.value.suggested_filename == name
        files[name] = tmp_path / name
        info.value.save_as(files[name])
    acled = pd.read_csv(files["events-acled.csv"], encoding="utf-8-sig", dtype=str)
    assert sorted(acled["event_id_cnty"]) == expected and set(acled["country"]) == {"Iran"}
    features = json.loads(files["events.geojson"].read_text(encoding="utf-8"))["features"]
    assert {f["properties"]["country_iso3"] for f in features} == {"IRN"}
    book = openpyxl.load_workbook(files["events.xlsx"])
    assert book.sheetnames == ["events", "columns"]
    assert sorted(row[0] for row in list(book["events"].values)[1:]) == expected


def test_a_shared_link_as_the_first_request_to_a_new_server_shows_the_titled_menu(new_context, fresh_server,
                                                                                  screenshots):
    """Streamlit runs a pages/ folder as an old-style multipage app (the files by name, each page alone)
    until st.navigation has run once in the process; a link opened first after a restart must still get
    the dashboard's titled menu, its sidebar and filter, from the very first menu it shows."""
    page = new_context(fresh_server).new_page()
    page.add_init_script(RECORD_NAVIGATION)
    page.goto(fresh_server + "/map?actor=Islamic+State")
    expect(page.get_by_role("heading", level=1)).to_have_text("Map")
    menu = page.get_by_test_id("stSidebarNav").get_by_test_id("stSidebarNavLink")
    expect(menu.get_by_test_id("stMarkdownContainer")).to_have_text(NAVIGATION)
    expect(page.get_by_test_id("stSidebarNav").get_by_role("link", name="Map")).to_have_attribute(
        "aria-current", "page")
    expect(page.get_by_test_id("stSidebar").get_by_text("Islamic State", exact=True)).to_be_visible()
    expect(map_frame(page).locator("path.leaflet-interactive").first).to_be_visible()
    shoot(page, screenshots, "cold-start-map")
    assert page.evaluate("window.__eventdeskNavigations") == [NAVIGATION]  # no menu of file names, ever


def test_upload_two_files_then_see_them_on_every_page_and_in_the_csv(new_context, writable_server, screenshots,
                                                                      tmp_path, seed_table):
    url, folder = writable_server
    page = new_context(url).new_page()
    page.goto(url + "/upload")
    expect(page.get_by_role("heading", level=1)).to_have_text("Upload")
    expect(page.get_by_text(f"up to {uploads.MAX_UPLOAD_MB} MB each", exact=False)).to_be_visible()
    expect(metric(page, "Events in the store")).to_have_text(str(len(seed_table)))

    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files([str(DAWN), str(AP)])
    expect(page.get_by_test_id("stFileChipName")).to_have_count(2)
    # A chip shows a spinner until its file is on the server; the app then runs with the files in its state.
    expect(page.get_by_test_id("stFileChipIconSpinner")).to_have_count(0)
    expect(page.get_by_test_id("stFileChipIconError")).to_have_count(0)
    wait_until_idle(page)
    page.get_by_role("button", name="Add to the store").click()
    expect(metric(page, "New articles")).to_have_text("2", timeout=INGEST_TIMEOUT_MS)
    expect(metric(page, "Events in the store")).to_have_text(str(len(seed_table) + 1))
    expect(metric(page, "Merged incidents")).to_have_text("1")
    expect(page.get_by_test_id("stAlertContentSuccess")).to_contain_text("2 new articles stored")
    shoot(page, screenshots, "upload")

    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Overview").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Overview")
    events_metric = page.get_by_test_id("stMetric").filter(
        has=page.get_by_test_id("stMetricLabel").get_by_text("All events", exact=True))
    expect(events_metric.get_by_test_id("stMetricValue")).to_have_text(str(len(seed_table) + 1))

    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Events").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Events")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download events (CSV)").click()
    info.value.save_as(tmp_path / "events.csv")
    parsed = pd.read_csv(tmp_path / "events.csv", dtype=str, keep_default_na=False)
    assert list(parsed.columns) == list(schema.INCIDENT_FIELDS)
    assert len(parsed) == len(seed_table) + 1
    new = parsed[~parsed[schema.EVENT_ID].isin(seed_table[schema.EVENT_ID])]
    assert new[[schema.LOCATION, schema.KILLED_LOW, schema.KILLED_BEST, schema.N_SOURCES]].values.tolist() == [
        ["Peshawar", "7", "11", "2"]]

    # The new event has the most reports, so it is the one shown with its sources.
    expect(metric(page, "Killed")).to_have_text("11")
    expect(page.get_by_text("Why these reports are one event")).to_be_visible()
    page.get_by_text("Why these reports are one event").scroll_into_view_if_needed()
    shoot(page, screenshots, "events-sources")
    page.get_by_text("Wrongly merged? Split reports off, or merge with another event").click()
    merge_button = page.get_by_role("button", name="Merge the two events")
    merge_button.scroll_into_view_if_needed()
    expect(merge_button).to_be_visible()
    expect(page.get_by_role("button", name="Split them off")).to_be_visible()
    # Streamlit scrolls inside its own container, which a full-page screenshot does not follow.
    page.get_by_test_id("stExpander").filter(has_text="Wrongly merged?").screenshot(
        path=screenshots / "events-split-merge.png")

    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Casualties").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Casualties")
    page.get_by_role("tab", name="History of one event").click()
    history = page.locator(".js-plotly-plot").filter(has_text="killed as reported")
    expect(history.locator(".scatterlayer .trace .points path").first).to_be_visible()
    shoot(page, screenshots, "casualties-history")


def test_a_pasted_article_empties_the_form_and_its_repeat_is_a_notice(new_context, writable_server, screenshots):
    url, folder = writable_server
    page = new_context(url).new_page()
    page.goto(url + "/upload")
    expect(page.get_by_role("heading", level=1)).to_have_text("Upload")
    page.get_by_role("tab", name="Paste text").click()
    text, title = page.get_by_label("Article text"), page.get_by_label("Title")
    for new in ("1", "0"):
        text.fill("Bandits killed six farmers in an attack on a village in Katsina state on Saturday, police said.")
        title.fill("Farmers killed in Katsina")
        title.press("Tab")
        wait_until_idle(page)
        page.get_by_role("button", name="Add to the store").click()
        expect(metric(page, "New articles")).to_have_text(new, timeout=INGEST_TIMEOUT_MS)
        expect(text).to_have_value("")
        expect(title).to_have_value("")
    expect(page.get_by_test_id("stAlertContentInfo")).to_contain_text(
        "Nothing new was added: 1 article already in the store (same text or same URL), not added again: pasted text")
    expect(page.get_by_test_id("stAlertContentSuccess")).to_have_count(0)
    shoot(page, screenshots, "upload-repeat")
