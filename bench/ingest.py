"""Ingest throughput and peak memory: synthetic wire reports through `python -m eventdesk ingest`.

Each size is ingested into a fresh store once in one process (`--workers 1`) and once with a
worker process per core, by the command line in a child process; the figures are the command's
own articles/s (reading, extraction, storing, merging and writing the files) and the peak
resident memory of the ingest process and of it together with its workers, sampled every 0.1 s.
Streaming shows as a peak that does not grow with the corpus: extraction holds only the batches
in flight, and the merge only the incidents a later report can still reach (a few days of them;
see `clusters.cluster_streamed`), reading and writing the rest through the store's database, whose
own cache is bounded by `store.DUCKDB_MEMORY`.

The articles are short wire reports, about 60 words each, three to four reports per incident
from different outlets on consecutive days with differing figures, generated from one seed.
Sizes come from EVENTDESK_BENCH_INGEST_SIZES (default "10000,100000"), worker counts from
EVENTDESK_BENCH_INGEST_WORKERS (default "1,all"). On 2 vCPUs the default takes about 45 minutes.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from bench.report import Result, print_table
from bench.synthetic import PLACES, SOURCES

ROOT = Path(__file__).resolve().parents[1]
SIZES = tuple(int(n) for n in os.environ.get("EVENTDESK_BENCH_INGEST_SIZES", "10000,100000").split(","))
WORKERS = tuple(os.environ.get("EVENTDESK_BENCH_INGEST_WORKERS", "1,all").split(","))
ARTICLES_PER_FILE = 5_000
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
LEADS = (
    "A suicide bombing killed {k} people and wounded {w} others at a market in {city} on {day}, police said.",
    "Gunmen killed {k} police officers and wounded {w} others in an attack on a checkpoint in {city} on {day}, "
    "officials said.",
    "An airstrike killed around {k} militants in {city} on {day}, a monitoring group said.",
    "A car bomb killed {k} people and wounded {w} near a government building in {city} on {day}, police said.",
)
FILLERS = (
    "No group immediately claimed responsibility for the attack.",
    "Residents said security forces sealed off the area after the attack.",
    "Hospital officials said several of the wounded were in critical condition.",
    "The government condemned the violence and promised an investigation.",
    "Witnesses described scenes of panic as people fled the area.",
)


def synthetic_articles(n: int, seed: int = 0) -> Iterator[dict]:
    """`n` short wire reports: incidents reported by three or four outlets over the following days."""
    rng = np.random.default_rng(seed)
    start = dt.date(2020, 1, 1)
    made = 0
    while made < n:
        city, _admin1, country, _lat, _lon = PLACES[int(rng.integers(len(PLACES)))]
        lead = LEADS[int(rng.integers(len(LEADS)))]
        day = start + dt.timedelta(days=int(rng.integers(0, 5 * 365)))
        killed = int(rng.integers(2, 60))
        for report in range(min(int(rng.integers(3, 5)), n - made)):
            published = day + dt.timedelta(days=report)
            # Outlets tell the day either way: a weekday (resolved against the publication date) or the date.
            when = f"{day:%B} {day.day}" if report % 2 else WEEKDAYS[day.weekday()]
            text = lead.format(k=killed + int(rng.integers(-2, 6)) * report, w=killed * 2 + report,
                               city=f"{city}, {country}," if report % 2 == 0 else city, day=when)
            fillers = rng.choice(len(FILLERS), 2, replace=False)
            yield {
                "id": f"syn-{made:07d}", "source": SOURCES[(made + report) % len(SOURCES)],
                "published": published.isoformat(), "title": f"Attack in {city}",
                "url": f"https://wire.example/{made:07d}",
                "text": " ".join([text, FILLERS[fillers[0]], FILLERS[fillers[1]]]),
            }
            made += 1


def write_corpus(n: int, folder: Path) -> Path:
    """The synthetic articles as JSONL files of ARTICLES_PER_FILE articles each."""
    folder.mkdir(parents=True, exist_ok=True)
    handle = None
    for number, article in enumerate(synthetic_articles(n)):
        if number % ARTICLES_PER_FILE == 0:
            if handle:
                handle.close()
            handle = (folder / f"wire-{number // ARTICLES_PER_FILE:03d}.jsonl").open("w", encoding="utf-8")
        handle.write(json.dumps(article) + "\n")
    if handle:
        handle.close()
    return folder


class PeakMemory:
    """Samples the resident memory of a process, and of it with its children, in a thread."""

    def __init__(self, pid: int) -> None:
        import psutil

        self.process = psutil.Process(pid)
        self.main_mb = 0.0
        self.tree_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                main = self.process.memory_info().rss
                tree = main + sum(c.memory_info().rss for c in self.process.children(recursive=True))
            except psutil.Error:
                break
            self.main_mb = max(self.main_mb, main / 2**20)
            self.tree_mb = max(self.tree_mb, tree / 2**20)
            time.sleep(0.1)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


RATE = re.compile(r"\(([\d,.]+) articles/s\)")


def ingest_once(corpus: Path, store: Path, workers: int) -> tuple[float, float, float, str]:
    """Run the command line once: (articles/s, peak MB of the ingest process, peak MB with workers, summary)."""
    command = [sys.executable, "-m", "eventdesk", "ingest", str(corpus), "--store", str(store),
               "--workers", str(workers)]
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = PeakMemory(child.pid)
    out, err = child.communicate()
    peak.stop()
    if child.returncode != 0:
        raise RuntimeError(f"`{' '.join(command)}` failed ({child.returncode}):\n{err[-2000:]}")
    rate = float(RATE.search(out).group(1).replace(",", ""))
    return rate, peak.main_mb, peak.tree_mb, out.strip()


def run() -> list[Result]:
    results = []
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="eventdesk-bench-ingest-") as tmp:
        for size in SIZES:
            corpus = write_corpus(size, Path(tmp) / f"corpus-{size}")
            label = f"{size:,} articles"
            for workers in sorted({cores if w == "all" else int(w) for w in WORKERS}):
                rate, main_mb, tree_mb, summary = ingest_once(corpus, Path(tmp) / f"store-{size}-{workers}", workers)
                events = re.search(r"-> (\d+) events", summary).group(1)
                case = f"ingest, {workers} worker{'s' if workers > 1 else ''}"
                results += [
                    Result(case, label, rate, "articles/s", note=f"{events} incidents"),
                    Result(f"{case}: peak memory, ingest process", label, main_mb, "MB"),
                    Result(f"{case}: peak memory, with its workers", label, tree_mb, "MB"),
                ]
    return results


if __name__ == "__main__":
    print_table("ingest", run())
