"""The gazetteer the geo tests share: the real one, built from the bundled tables (or read from its cache)."""

from __future__ import annotations

import pytest

from eventdesk.geo import Gazetteer, load_gazetteer


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return load_gazetteer()
