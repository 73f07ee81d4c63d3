"""Run the benchmarks: `python -m bench` runs them all, `python -m bench dashboard` only the named ones.

Each benchmark is a module of this package with a `run() -> list[bench.report.Result]` function;
add a new one to BENCHMARKS.
"""

from __future__ import annotations

import importlib
import sys

from bench.report import print_table

BENCHMARKS: dict[str, str] = {
    "dashboard": "bench.dashboard",
    "extraction": "bench.extraction",
    "hostile": "bench.hostile",
    "ingest": "bench.ingest",
    "merge": "bench.merge",
}


def main(argv: list[str]) -> int:
    unknown = [name for name in argv if name not in BENCHMARKS]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}", file=sys.stderr)
        return 2
    for name in argv or list(BENCHMARKS):
        module = importlib.import_module(BENCHMARKS[name])
        print_table(name, module.run())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
