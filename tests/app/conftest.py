"""AppTest fixtures: the dashboard run against the seed store, or against a copy of a store a test may change.

Every run waits for the script to finish, up to APP_TIMEOUT_S (AppTest's own default is 3 s): a busy machine,
a first import of the library or a first ingest that loads the extraction models stay well inside it.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from eventdesk.dashboard import ui

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = ROOT / "dashboard.py"
APP_TIMEOUT_S = 300


@pytest.fixture
def dashboard() -> Callable[[], AppTest]:
    """`dashboard()`: the dashboard as an AppTest, not run yet; each run waits up to APP_TIMEOUT_S."""
    return lambda: AppTest.from_file(str(DASHBOARD), default_timeout=APP_TIMEOUT_S)


@pytest.fixture
def open_page(seed_store: Path, monkeypatch: pytest.MonkeyPatch, dashboard) -> Callable[..., AppTest]:
    """`open_page("map", actor="Islamic State")`: the dashboard on a page, with URL query parameters."""
    monkeypatch.setenv(ui.STORE_ENV, str(seed_store))

    def _open(page: str = "overview", **params: str | list[str]) -> AppTest:
        app = dashboard()
        for name, value in params.items():
            app.query_params[name] = value
        app.switch_page(f"pages/{page}.py")
        app.run()
        assert not app.exception, [e.value for e in app.exception]
        return app

    return _open


CORPUS = ROOT / "tests" / "fixtures" / "corpus"
UPLOADS = ROOT / "tests" / "fixtures" / "uploads"


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test corpus (reports of a few incidents from several outlets) ingested by the library, once."""
    from eventdesk.store import ingest

    folder = tmp_path_factory.mktemp("corpus-store")
    ingest.ingest_paths([CORPUS], folder, workers=1)
    return folder


@pytest.fixture
def writable(tmp_path: Path) -> Callable[[Path], Path]:
    """`writable(store)`: a copy of a store that a test may write to (uploads, splits, merges)."""

    def _copy(folder: Path) -> Path:
        target = tmp_path / f"store-{folder.name}"
        shutil.copytree(folder, target)
        return target

    return _copy


@pytest.fixture
def open_store_page(monkeypatch: pytest.MonkeyPatch, dashboard) -> Callable[..., AppTest]:
    """`open_store_page(folder, "upload")`: the dashboard on a page, reading the store at `folder`."""

    def _open(folder: Path, page: str = "overview") -> AppTest:
        monkeypatch.setenv(ui.STORE_ENV, str(folder))
        app = dashboard()
        app.switch_page(f"pages/{page}.py")
        app.run()
        assert not app.exception, [e.value for e in app.exception]
        return app

    return _open

