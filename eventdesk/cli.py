"""The command line: a thin shell over the library.

    python -m eventdesk ingest PATH... [--store DIR] [--workers N] [--dask-scheduler ADDRESS]
                                                        articles -> the store in data/: events.{parquet,csv},
                                                        reports.{parquet,csv}, relations.csv
    python -m eventdesk extract < articles.jsonl        one JSON line of events per article
    python -m eventdesk assets                          copy the map's JavaScript into static/vendor
    python -m eventdesk serve dashboard.py [OPTIONS]    the dashboard: `streamlit run dashboard.py [OPTIONS]`
                                                        with the titled navigation from the first request
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from eventdesk import articles as articles_mod

DEFAULT_STORE = Path("data")


def _progress():
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(unit="article", desc="ingesting", file=sys.stderr, smoothing=0.1)


def cmd_ingest(args: argparse.Namespace) -> int:
    from eventdesk.store import ingest, store

    bar = _progress()
    options = {"rule": args.figures, "progress": bar.update if bar else None}
    try:
        if args.dask_scheduler:
            result = ingest.ingest_dask(args.paths, args.store, args.dask_scheduler, **options)
        else:
            # The process ends after the merge: the language model can go before it.
            result = ingest.ingest_paths(args.paths, args.store, workers=args.workers or ingest.default_workers(),
                                         batch_size=args.batch_size, release_models=True, **options)
    except store.StoreError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"\ninterrupted: the batches already stored in {args.store}/ are kept; run the same command "
              "again to carry on", file=sys.stderr)
        return 130
    finally:
        if bar:
            bar.close()
    for error in result.errors:
        print(f"error: {error}", file=sys.stderr)
    print(_summary(result, args.store))
    if not result.articles_read:
        print("nothing ingested: no readable article in " + ", ".join(map(str, args.paths)), file=sys.stderr)
        return 1
    if result.errors:
        print(f"{len(result.errors)} file(s) or record(s) skipped: see the errors above", file=sys.stderr)
    return 2 if result.errors else 0


def _summary(result, folder: Path) -> str:
    return (f"{result.articles_read} articles read, {result.articles_new} new ({result.articles_known} already "
            f"stored), {result.reports_new} new reports -> {result.events} events in {folder}/ "
            f"({result.rate:,.1f} articles/s)")


def _parse_line(number: int, line: str):
    """An Article, or an (error message, known id) pair for a line that is not one."""
    try:
        return articles_mod.make_article(json.loads(line))
    except (json.JSONDecodeError, ValueError, AttributeError, TypeError) as err:
        return f"error: <stdin>:{number}: {err}", _safe_id(line)


def cmd_extract(args: argparse.Namespace) -> int:
    from eventdesk.extract import pipeline

    size = 1 if sys.stdin.isatty() else pipeline.BATCH_SIZE  # answer at once when typed, batch when piped
    lines = ((n, line) for n, line in enumerate(sys.stdin, start=1) if line.strip())
    failures = 0
    for chunk in pipeline.batched(lines, size):
        parsed = [_parse_line(n, line) for n, line in chunk]
        good = [p for p in parsed if isinstance(p, articles_mod.Article)]
        results = iter(pipeline.batch_events(good)) if good else iter(())
        for item in parsed:
            if isinstance(item, articles_mod.Article):
                record = {"id": item.id, "events": next(results)}
            else:
                failures += 1
                print(item[0], file=sys.stderr)
                if item[1] is None:
                    continue
                record = {"id": item[1], "events": []}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 1 if failures else 0


def _safe_id(line: str) -> str | None:
    try:
        value = json.loads(line).get("id")
    except (json.JSONDecodeError, AttributeError):
        return None
    return value if isinstance(value, str) else None


def cmd_assets(args: argparse.Namespace) -> int:
    from eventdesk.dashboard.assets import install_assets

    print(f"map assets in {install_assets()}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    # Loaded before the server has started, the dashboard's caches warn that there is no runtime yet: they
    # find it when they are first called, in a page.
    logging.disable(logging.WARNING)
    try:
        from eventdesk.dashboard import ui
    finally:
        logging.disable(logging.NOTSET)
    ui.serve(args.arguments)
    return 0


def build_parser() -> argparse.ArgumentParser:
    from eventdesk.store import incidents

    parser = argparse.ArgumentParser(prog="python -m eventdesk", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ingest = sub.add_parser("ingest", help="extract events from article files and folders into the store")
    ingest.add_argument("paths", nargs="+", type=Path, help=".txt .md .html .json .jsonl .csv files or folders")
    ingest.add_argument("--store", default=DEFAULT_STORE, type=Path, help="store folder (default: data/)")
    ingest.add_argument("--workers", type=int, default=None,
                        help="local worker processes for extraction (default: all cores; 1: in this process)")
    ingest.add_argument("--batch-size", type=int, default=articles_mod.BATCH_SIZE,
                        help="articles per transaction (default: %(default)s)")
    ingest.add_argument("--figures", choices=incidents.RULES, default=None,
                        help="rule for an incident's best casualty figure: the latest report's, or the lowest "
                             "reported (ACLED's); kept in the store (default: the store's, else latest)")
    ingest.add_argument("--dask-scheduler", metavar="ADDRESS", default=None,
                        help="extract on this Dask cluster (e.g. tcp://host:8786) instead of local processes")
    ingest.set_defaults(func=cmd_ingest)
    extract = sub.add_parser("extract", help="JSONL articles on stdin -> JSONL events on stdout")
    extract.set_defaults(func=cmd_extract)
    assets = sub.add_parser("assets", help="install the map's JavaScript and CSS for offline use")
    assets.set_defaults(func=cmd_assets)
    serve = sub.add_parser("serve", help="start the dashboard: the arguments of `streamlit run`")
    serve.add_argument("arguments", nargs=argparse.REMAINDER, help="dashboard.py, then Streamlit's options")
    serve.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)
