"""Markup injected into an article (its text, title, source or file name) never runs on any page.

Each payload sets a window flag when it runs; after the upload, every page is visited (the map's popups
opened, the timeline's points hovered) and the flag must stay unset in the page and in every frame of it.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.test_dashboard import INGEST_TIMEOUT_MS, PAGES, map_frame, metric, wait_until_idle, wait_until_still

FLAG = "__eventdesk_injected"
IMG = f'<img src=x onerror="window.{FLAG}=1">'
SCRIPT = f"<script>window.{FLAG}=1</script>"
FILE_NAME = f"<img src=x onerror=window.{FLAG}=1>.txt"

FRONT_MATTER_ARTICLE = (
    f"---\npublished: 2024-05-06\nsource: Wire {IMG} {SCRIPT}\n---\n"
    f"Gunmen kill five in Bannu {SCRIPT}\n\n"
    f"Gunmen killed five police officers at a checkpoint in Bannu on Monday, officials said. {IMG} {SCRIPT} "
    "Two other officers were wounded.")
NAMED_ARTICLE = (
    f"Bomb hits market in Quetta {IMG}\n\n"
    f"A bomb exploded in a market in Quetta on Sunday, killing three people, police said. {SCRIPT}")


def flags(page: Page) -> list[object]:
    """The flag in the page and in each of its frames (the map is drawn in a frame of its own)."""
    return [frame.evaluate(f"window.{FLAG} === undefined ? null : window.{FLAG}") for frame in page.frames]


def test_injected_markup_never_runs_on_any_page(new_context, writable_server):
    url, _folder = writable_server
    page = new_context(url).new_page()
    page.goto(url + "/upload")
    expect(page.get_by_role("heading", level=1)).to_have_text("Upload")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files([
        {"name": "bannu.txt", "mimeType": "text/plain", "buffer": FRONT_MATTER_ARTICLE.encode()},
        {"name": FILE_NAME, "mimeType": "text/plain", "buffer": NAMED_ARTICLE.encode()},
    ])
    expect(page.get_by_test_id("stFileChipIconSpinner")).to_have_count(0)
    expect(page.get_by_test_id("stFileChipName")).to_have_count(2)
    wait_until_idle(page)
    page.get_by_role("button", name="Add to the store").click()
    expect(metric(page, "New articles")).to_have_text("2", timeout=INGEST_TIMEOUT_MS)
    assert set(flags(page)) == {None}

    seen = {}
    for name, path in PAGES.items():
        page.goto(url + path)
        wait_until_still(page)
        seen[name] = flags(page)
    assert all(set(values) == {None} for values in seen.values()), seen

    page.goto(url + PAGES["map"])
    wait_until_still(page)
    pins = map_frame(page).locator("path.leaflet-interactive")
    expect(pins.first).to_be_visible()
    popups = []
    for index in range(pins.count()):
        pins.nth(index).click(force=True)
        pins.nth(index).hover(force=True)
        popup = map_frame(page).locator(".leaflet-popup-content")
        expect(popup.first).to_be_visible()
        popups += popup.all_inner_texts()
    assert set(flags(page)) == {None}
    # The payloads reached the page, as text: the file name is the source of the article that has no other.
    assert any(FILE_NAME in text for text in popups), popups
    assert any(IMG in text for text in popups), popups
    # The timeline's hover labels show the source as text and do not run it (the Quetta report is undated).
    page.goto(url + PAGES["timeline"])
    wait_until_still(page)
    points = page.locator(".js-plotly-plot .scatterlayer .trace .points path")
    expect(points.first).to_be_visible()
    labels = []
    for index in range(points.count()):
        points.nth(index).hover(force=True)
        label = page.locator(".js-plotly-plot .hoverlayer .hovertext")
        expect(label.first).to_be_visible()
        labels += label.all_text_contents()
    assert set(flags(page)) == {None}
    # Quotes too are shown as written (an entity plotly does not know would show as "&quot;").
    assert any(f"Wire {IMG}" in text for text in labels), labels

    # The probe reads what a payload would set, in the page and in the map's frame.
    for frame in page.frames:
        frame.evaluate(f"window.{FLAG} = 1")
    assert set(flags(page)) == {1}
