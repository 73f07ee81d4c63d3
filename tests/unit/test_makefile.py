"""The Makefile: `make run` serves the dashboard on 127.0.0.1 unless HOST says otherwise."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
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


def listening_addresses(port: int) -> set[str]:
    """The local addresses with a socket listening on `port`, read from the kernel's tables as `ss -ltn` does."""
    found = set()
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state != "0A" or int(hex_port, 16) != port:  # 0A: LISTEN
                continue
            if width == 8:
                found.add(".".join(str(b) for b in reversed(bytes.fromhex(address))))
            else:
                found.add("::" if int(address, 16) == 0 else f"ipv6:{address}")
    return found


def test_make_run_really_listens_on_127_0_0_1_only(tmp_path: Path):
    from bench.server import free_port

    port = free_port()
    log = tmp_path / "make-run.log"
    with log.open("wb") as out:
        process = subprocess.Popen(["make", "run", f"PORT={port}"], cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        deadline = time.monotonic() + 600  # a first `make run` ingests the seeds before it serves
        while not listening_addresses(port):
            assert process.poll() is None, f"make run exited with {process.returncode}:\n{log.read_text()}"
            assert time.monotonic() < deadline, f"make run did not listen on {port}:\n{log.read_text()}"
            time.sleep(0.5)
        assert listening_addresses(port) == {"127.0.0.1"}
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)
