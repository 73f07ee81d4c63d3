"""The command line: a thin shell over the library.

    eventdesk ingest PATH... [--store DIR] [--workers N] [--dask-scheduler ADDRESS]
                                               articles -> the store in data/: events.{parquet,csv},
                                               reports.{parquet,csv}, relations.csv
    eventdesk extract < articles.jsonl         one JSON line of events per input line, in order
    eventdesk export --format FORMAT --out FILE [--store DIR] [--filter QUERY]
                                               the events (or those a dashboard URL's filter keeps)
                                               as csv, acled, ucdp, geojson or xlsx
    eventdesk corrections export|import FILE [--store DIR]
                                               the analyst's corrections, verifications and undos
                                               to or from a CSV file (another store's, say)
    eventdesk assets [--dir DIR]               copy the map's JavaScript into DIR/static/vendor (DIR: the
                                               folder of the served dashboard.py; default this checkout's)
    eventdesk serve dashboard.py [OPTIONS]     the dashboard: `streamlit run dashboard.py [OPTIONS]`
                                               with the titled navigation from the first request
    eventdesk --version

`eventdesk` is the installed command; `python -m eventdesk` is the same from a checkout.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from importlib import metadata
from pathlib import Path

import eventdesk
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


EXTRACT_FORMATS = """\
input: one JSON object per line (JSONL), with the fields
  text       the article text (required, non-empty)
  id         a string; default: the first 16 hex digits of the text's SHA-256
  published  the publication date, YYYY-MM-DD (an ISO date-time is cut to its date); relative
             dates in the text ("on Monday") are resolved against it
  source     the outlet, e.g. "Reuters"
  url        where the article was published
  title      the headline
  other keys are ignored.

output: exactly one JSON line per input line, in the same order, flushed as each batch is done:
  {"id": ID, "events": [EVENT, ...]}    for an article (an empty list: no event found)
  {"id": ID or null, "error": MESSAGE}  for a line that is no article (malformed JSON, not an
                                        object, no text, an empty line); the id is given when
                                        the line has one. A message naming the line goes to stderr.
  EVENT has the columns of the event table (see the README's column table).

exit status: 0, or 1 when a line was no article.
"""


def _extract_line(number: int, line: str) -> articles_mod.Article | dict:
    """An Article, or the error record that stands for a line that is not one."""
    try:
        return articles_mod.parse_json_line(line)
    except articles_mod.RecordError as err:
        print(f"error: <stdin>:{number}: {err}", file=sys.stderr)
        return {"id": err.record_id, "error": f"line {number}: {err}"}


def cmd_extract(args: argparse.Namespace) -> int:
    from eventdesk.extract import extract_articles

    size = 1 if sys.stdin.isatty() else articles_mod.BATCH_SIZE  # answer at once when typed, batch when piped
    failures = 0
    for chunk in articles_mod.batched(enumerate(sys.stdin, start=1), size):
        parsed = [_extract_line(number, line) for number, line in chunk]
        good = [item for item in parsed if isinstance(item, articles_mod.Article)]
        results = iter(extract_articles(good)) if good else iter(())
        for item in parsed:
            if isinstance(item, articles_mod.Article):
                record = {"id": item.id, "events": next(results)}
            else:
                failures += 1
                record = item
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 1 if failures else 0


def cmd_export(args: argparse.Namespace) -> int:
    from eventdesk.dashboard import filters
    from eventdesk.store import formats, store, tables

    path = args.store / store.EVENTS_PARQUET
    build = f"eventdesk ingest ARTICLES --store {args.store}"
    if not path.exists():
        print(f"error: {path}: no event table; build it with '{build}'", file=sys.stderr)
        return 1
    try:
        table = tables.Table.from_parquet(path, hint=f"Rebuild it with '{build}'.")
    except tables.TableError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    unknown = filters.unknown_params(args.filter)
    if unknown:
        print(f"error: --filter: unknown parameter(s) {', '.join(unknown)}; the dashboard's URL uses "
              f"{', '.join(filters.PARAMETERS)}", file=sys.stderr)
        return 2
    try:
        view = filters.apply(table, filters.from_query_string(args.filter))
        formats.write_export(view, args.format, args.out)
        print(f"{len(view):,} of {len(table):,} events -> {args.out} ({args.format})")
    except (formats.ExportError, OSError) as err:
        print(f"error: {args.out}: {err}", file=sys.stderr)
        return 1
    finally:
        table.close()
    return 0


def cmd_corrections(args: argparse.Namespace) -> int:
    from eventdesk.store import correction_csv, corrections, store

    try:
        if args.direction == "export":
            print(f"{correction_csv.export_corrections(args.store, args.file):,} corrections -> {args.file}")
            return 0
        done = correction_csv.import_corrections(args.store, args.file)
    except (corrections.CorrectionError, store.StoreError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    waiting = f"; {done.waiting:,} wait for their reports to be ingested" if done.waiting else ""
    print(f"{done.added:,} corrections added to {args.store}/, {done.known:,} were there already{waiting}")
    return 0


def package_version() -> str:
    """The installed package's version; eventdesk.__version__ when run from a checkout that is not installed."""
    try:
        return metadata.version("eventdesk")
    except metadata.PackageNotFoundError:
        return eventdesk.__version__


def cmd_assets(args: argparse.Namespace) -> int:
    from eventdesk.dashboard.assets import PROJECT_DIR, install_assets, vendor_dir

    app_dir = Path(args.dir) if args.dir else PROJECT_DIR
    app_dir = app_dir.parent if app_dir.is_file() else app_dir  # the dashboard script itself names its folder
    if not app_dir.is_dir():
        print(f"error: {args.dir}: no such folder; give the folder of the dashboard script that is served "
              "(the one holding dashboard.py)", file=sys.stderr)
        return 2
    print(f"map assets in {install_assets(vendor_dir(app_dir))}")
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
    from eventdesk.store import formats, incidents

    parser = argparse.ArgumentParser(prog="eventdesk", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
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
    extract = sub.add_parser(
        "extract", help="JSONL articles on stdin -> one JSON line of events per input line on stdout",
        description="Extract events from articles: JSON lines in on stdin, one JSON line out per line in, in order.",
        epilog=EXTRACT_FORMATS, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.set_defaults(func=cmd_extract)
    export = sub.add_parser("export", help="the store's events as CSV, ACLED- or UCDP-shaped CSV, GeoJSON or XLSX")
    export.add_argument("--format", required=True, choices=list(formats.FORMATS), help="the file's format")
    export.add_argument("--out", required=True, type=Path, help="the file to write (replaced whole, never in part)")
    export.add_argument("--store", default=DEFAULT_STORE, type=Path, help="store folder (default: data/)")
    export.add_argument("--filter", default="", metavar="QUERY",
                        help="a dashboard URL's query string, e.g. 'actor=Islamic+State&from=2024-01-01' "
                             "(default: every event)")
    export.set_defaults(func=cmd_export)
    fixes = sub.add_parser("corrections", help="move the analyst's corrections between stores as CSV")
    fixes.add_argument("direction", choices=("export", "import"), help="write the store's to FILE, or add FILE's")
    fixes.add_argument("file", type=Path, metavar="FILE", help="the corrections CSV")
    fixes.add_argument("--store", default=DEFAULT_STORE, type=Path, help="store folder (default: data/)")
    fixes.set_defaults(func=cmd_corrections)
    assets = sub.add_parser("assets", help="install the map's JavaScript and CSS for offline use")
    assets.add_argument("--dir", default=None, metavar="DIR",
                        help="the folder of the served dashboard script: the files go to DIR/static/vendor, which "
                             "Streamlit serves (default: the folder of this checkout's dashboard.py)")
    assets.set_defaults(func=cmd_assets)
    serve = sub.add_parser("serve", help="start the dashboard: the arguments of `streamlit run`")
    serve.add_argument("arguments", nargs=argparse.REMAINDER, help="dashboard.py, then Streamlit's options")
    serve.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)
