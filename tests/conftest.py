"""Shared fixtures: the seed event table, made by the real pipeline, and the store folder holding it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from eventdesk.store import store

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def build_seed_store(folder: Path) -> Path:
    """Ingest `seeds/` into `folder` with the command line, as `make run` does, and return the folder."""
    command = [sys.executable, "-m", "eventdesk", "ingest", str(SEEDS), "--store", str(folder)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    if done.returncode != 0 or not (folder / store.EVENTS_PARQUET).exists():
        pytest.fail(
            f"`{' '.join(command)}` failed with exit status {done.returncode}; the page and export tests "
            f"need the seed table.\n{done.stdout}\n{done.stderr}"
        )
    return folder


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_seed_store(tmp_path_factory.mktemp("seed-store"))


@pytest.fixture(scope="session")
def seed_table(seed_store: Path) -> pd.DataFrame:
    return store.load_events(seed_store)
