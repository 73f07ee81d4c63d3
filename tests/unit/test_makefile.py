"""The Makefile: `make run` serves the dashboard on 127.0.0.1 unless HOST says otherwise."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def serve_line(*assignments: str) -> str:
    """The command `make run` would start the dashboard with (`make -n` prints it and runs nothing)."""
    if shutil.which("make") is None:
        pytest.fail("The Makefile tests need `make` (apt-get install make).")
    done = subprocess.run(["make", "-n", "run", *assignments], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    (line,) = [line for line in done.stdout.splitlines() if " -m eventdesk serve " in line]
    return line


def test_make_run_listens_on_localhost_only_by_default():
    assert "--server.address 127.0.0.1 " in serve_line()


def test_host_opens_it_to_the_network_when_asked():
    assert "--server.address 0.0.0.0 --server.port 8600" in serve_line("HOST=0.0.0.0", "PORT=8600")
