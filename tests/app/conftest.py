"""AppTest fixtures: the dashboard run against the seed store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from eventdesk import ui

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = ROOT / "dashboard.py"


@pytest.fixture
def open_page(seed_store: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., AppTest]:
    """`open_page("map", actor="Islamic State")`: the dashboard on a page, with URL query parameters."""
    monkeypatch.setenv(ui.STORE_ENV, str(seed_store))

    def _open(page: str = "overview", **params: str | list[str]) -> AppTest:
        app = AppTest.from_file(str(DASHBOARD), default_timeout=60)
        for name, value in params.items():
            app.query_params[name] = value
        app.switch_page(f"pages/{page}.py")
        app.run()
        assert not app.exception, [e.value for e in app.exception]
        return app

    return _open
