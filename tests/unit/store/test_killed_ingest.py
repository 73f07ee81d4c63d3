"""An ingest killed (SIGKILL) at several points resumes to the store an uninterrupted run gives, and two
ingests into one store at once serialise or the second says the store is busy.

The ingests are real `python -m eventdesk ingest` processes over the test corpus; each kill waits on a
condition of the store folder (a file appearing or growing), never on a fixed time.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from eventdesk.store import store
from tests.unit.store.test_ingest import snapshot

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
WAIT_S = 300  # generous: the machine is often fully loaded
WAL = store.DATABASE + ".wal"


def command(folder: Path) -> list[str]:
    return [sys.executable, "-m", "eventdesk", "ingest", str(CORPUS), "--store", str(folder), "--workers", "1",
            "--batch-size", "1"]


def start(folder: Path) -> subprocess.Popen:
    return subprocess.Popen(command(folder), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(condition: Callable[[], bool], process: subprocess.Popen) -> None:
    """Poll until `condition` holds, or fail if the process ends first or the wait is too long."""
    deadline = time.monotonic() + WAIT_S
    while not condition():
        assert process.poll() is None, f"the ingest ended before the point: {process.communicate()}"
        assert time.monotonic() < deadline, "the point was never reached"
        time.sleep(0.002)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


# Points of an ingest of the eight articles, one per batch: the tables just made; a few batches committed
# (each adds over 1 KB to the write-ahead log, which holds about 3.6 KB once the tables are made); the
# store's files being rewritten after the merge.
POINTS: dict[str, Callable[[Path], bool]] = {
    "store created": lambda folder: (folder / store.DATABASE).exists(),
    "batches committed": lambda folder: _size(folder / WAL) > 7_000,
    "files being written": lambda folder: any(folder.glob(".*.tmp")) or (folder / store.EVENTS_PARQUET).exists(),
}


@pytest.mark.parametrize("point", list(POINTS))
def test_a_killed_ingest_resumes_to_the_store_of_an_uninterrupted_one(tmp_path, corpus_ingest, point):
    folder = tmp_path / "store"
    process = start(folder)
    try:
        wait_for(lambda: POINTS[point](folder), process)
        process.send_signal(signal.SIGKILL)
    finally:
        process.communicate(timeout=WAIT_S)
    assert process.returncode == -signal.SIGKILL
    done = subprocess.run(command(folder), cwd=ROOT, capture_output=True, text=True, timeout=WAIT_S)
    assert done.returncode == 0, done.stderr
    assert "8 articles read" in done.stdout
    assert snapshot(folder) == snapshot(corpus_ingest[0])


def test_two_ingests_into_one_store_serialise_or_the_second_says_it_is_busy(tmp_path, corpus_ingest):
    folder = tmp_path / "store"
    first = start(folder)
    try:
        wait_for(lambda: (folder / store.DATABASE).exists(), first)  # the first holds the store's lock
        second = subprocess.run(command(folder), cwd=ROOT, capture_output=True, text=True, timeout=WAIT_S)
    finally:
        out, err = first.communicate(timeout=WAIT_S)
    assert first.returncode == 0, err
    if second.returncode == 0:  # it waited for the first: it finds every article stored
        assert "8 articles read, 0 new (8 already stored)" in second.stdout
    else:
        assert second.returncode == 1
        assert f"error: {folder / store.DATABASE}: the store is in use by another process" in second.stderr
        assert "wait for it to finish and try again" in second.stderr
    assert snapshot(folder) == snapshot(corpus_ingest[0])
