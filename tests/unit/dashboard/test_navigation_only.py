"""`ui.navigation_only` leans on a private flag of Streamlit: these tests fail when Streamlit's behaviour changes.

If the first one fails, Streamlit no longer treats a `pages/` folder next to the entry script as an old-style
multipage app, and `navigation_only` (with `python -m eventdesk serve`) may go. If the second fails, setting the
flag no longer keeps a new session out of that mode, and a new server shows the file names again.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager

from eventdesk.dashboard import ui


@pytest.fixture
def entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """An entry script with a `pages/` folder beside it, in a process where no session has started yet."""
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "map.py").write_text("")
    script = tmp_path / "dashboard.py"
    script.write_text("")
    monkeypatch.setattr(PagesManager, "uses_pages_directory", None)
    return str(script)


def test_a_pages_folder_beside_the_entry_script_turns_the_old_discovery_on(entry):
    PagesManager(entry)  # what the first session of a new server makes
    assert PagesManager.uses_pages_directory is True
    assert ui.navigation_only() is True
    assert PagesManager.uses_pages_directory is False


def test_once_switched_off_a_new_session_keeps_the_old_discovery_off(entry):
    assert ui.navigation_only() is False  # nothing was on yet
    PagesManager(entry)
    assert PagesManager.uses_pages_directory is False
    PagesManager(entry)
    assert PagesManager.uses_pages_directory is False
    assert ui.navigation_only() is False
