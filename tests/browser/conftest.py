"""Browser fixtures: the real `streamlit run dashboard.py` on a free port, and Debian's Chromium.

The browser may only reach the app itself: every other request is aborted and recorded, so a
map that still needs a CDN fails here the way it would on a machine with no internet.

Every wait is a wait on a condition (an element, a chart's points, the app's run state), with time limits
a busy machine stays well inside: assertions and actions wait up to a minute, never Playwright's 5 s.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, expect, sync_playwright

from bench import server as bench_server
from bench.server import CHROMIUM, CHROMIUM_ARGS, stop
from eventdesk.dashboard import assets, ui

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
START_TIMEOUT_S = 180  # a new server imports the whole library before it answers
WAIT_MS = 60_000  # the longest an assertion or an action waits for the page (a first ingest waits longer)

expect.set_options(timeout=WAIT_MS)


def start_streamlit(store: Path, log: Path) -> tuple[subprocess.Popen, str]:
    """`streamlit run dashboard.py` against `store` on a free port (the benchmarks' starter); a server
    that does not come up fails the test with its log."""
    try:
        return bench_server.start(store, log, ui.STORE_ENV, timeout_s=START_TIMEOUT_S)
    except RuntimeError as err:
        pytest.fail(str(err))


@pytest.fixture(scope="session")
def server(seed_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    assets.install_assets()
    process, url = start_streamlit(seed_store, tmp_path_factory.mktemp("streamlit") / "server.log")
    yield url
    stop(process)


@pytest.fixture
def fresh_server(seed_store: Path, tmp_path: Path) -> Iterator[str]:
    """A server of its own, that no page has been requested from yet."""
    process, url = start_streamlit(seed_store, tmp_path / "server.log")
    yield url
    stop(process)


def launch_chromium(playwright: Playwright) -> Browser:
    if not CHROMIUM.exists():
        pytest.fail(f"The browser tests need {CHROMIUM}: run `make browser` (apt-get install chromium) first.")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@dataclass
class Outside:
    """Requests the page tried to send anywhere but the app (all aborted)."""

    urls: list[str] = field(default_factory=list)


@pytest.fixture
def outside() -> Outside:
    return Outside()


def app_only_context(browser: Browser, app: str, outside: Outside | None = None) -> BrowserContext:
    """A browser context that may reach the app at `app` only (other requests are aborted, and kept in
    `outside`), and whose actions wait as long as its assertions."""
    ctx = browser.new_context(viewport={"width": 1440, "height": 1300}, accept_downloads=True)

    def only_the_app(route):
        if route.request.url.startswith(app):
            route.continue_()
        else:
            if outside is not None:
                outside.urls.append(route.request.url)
            route.abort()

    ctx.route("**/*", only_the_app)
    ctx.set_default_timeout(WAIT_MS)
    ctx.set_default_navigation_timeout(WAIT_MS)
    return ctx


@pytest.fixture
def new_context(browser: Browser) -> Iterator:
    """`new_context(app)`: a context of its own for a server of its own, closed after the test."""
    made: list[BrowserContext] = []

    def _new(app: str) -> BrowserContext:
        made.append(app_only_context(browser, app))
        return made[-1]

    yield _new
    for ctx in made:
        ctx.close()


@pytest.fixture
def context(browser: Browser, server: str, outside: Outside) -> Iterator[BrowserContext]:
    ctx = app_only_context(browser, server, outside)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def writable_server(seed_store: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A server of its own on a copy of the seed store, for tests that add to the store: (its URL, the store)."""
    folder = tmp_path / "store"
    shutil.copytree(seed_store, folder)
    process, url = start_streamlit(folder, tmp_path / "server.log")
    yield url, folder
    stop(process)
