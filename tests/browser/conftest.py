"""Browser fixtures: the real `streamlit run dashboard.py` on a free port, and Debian's Chromium.

The browser may only reach the app itself: every other request is aborted and recorded, so a
map that still needs a CDN fails here the way it would on a machine with no internet.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from eventdesk import assets, ui

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
START_TIMEOUT_S = 90


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_health(url: str, process: subprocess.Popen, log: Path, timeout_s: float = START_TIMEOUT_S) -> None:
    """Wait until `url`/_stcore/health answers ok; fail with the server's log if it does not."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"streamlit exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.read().strip() == b"ok":
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    pytest.fail(f"streamlit did not answer {url}/_stcore/health within {timeout_s} s:\n{log.read_text()}")


def start_streamlit(store: Path, log: Path, port: int | None = None) -> tuple[subprocess.Popen, str]:
    """`streamlit run dashboard.py` against `store` on a free port: the process and its base URL."""
    port = port or free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
        "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
    ]
    env = {**os.environ, ui.STORE_ENV: str(store)}
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    wait_for_health(url, process, log)
    return process, url


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=15)


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


@pytest.fixture
def context(browser: Browser, server: str, outside: Outside) -> Iterator[BrowserContext]:
    ctx = browser.new_context(viewport={"width": 1440, "height": 1300}, accept_downloads=True)

    def only_the_app(route):
        if route.request.url.startswith(server):
            route.continue_()
        else:
            outside.urls.append(route.request.url)
            route.abort()

    ctx.route("**/*", only_the_app)
    ctx.set_default_timeout(30_000)
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
