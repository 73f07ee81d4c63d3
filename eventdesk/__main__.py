"""The command line: a thin shell over the library.

    python -m eventdesk ingest PATH... [--store DIR]   articles -> data/events.{parquet,csv}, relations.csv
    python -m eventdesk extract < articles.jsonl        one JSON line of events per article
    python -m eventdesk assets                          copy the map's JavaScript into static/vendor
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from eventdesk import articles as articles_mod

DEFAULT_STORE = Path("data")


def _progress(total: int):
    if total < 20 or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="article", desc="extracting", file=sys.stderr)


def cmd_ingest(args: argparse.Namespace) -> int:
    from eventdesk import pipeline, store

    loaded = articles_mod.load_paths(args.paths)
    for error in loaded.errors:
        print(f"error: {error}", file=sys.stderr)
    if not loaded.articles:
        print("nothing ingested: no readable article in " + ", ".join(map(str, args.paths)), file=sys.stderr)
        return 1
    bar = _progress(len(loaded.articles))
    events = pipeline.extract_events(loaded.articles, progress=(lambda _a: bar.update()) if bar else None)
    if bar:
        bar.close()
    relations = store.write_events(events, Path(args.store))
    located = int(events["lat"].notna().sum())
    print(f"{len(loaded.articles)} articles, {len(events)} events ({located} located), "
          f"{len(relations)} actor relations -> {args.store}/")
    if loaded.errors:
        print(f"{len(loaded.errors)} file(s) or record(s) skipped: see the errors above", file=sys.stderr)
    return 2 if loaded.errors else 0


def cmd_extract(args: argparse.Namespace) -> int:
    from eventdesk import pipeline

    failures = 0
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            article = articles_mod.make_article(record)
        except (json.JSONDecodeError, ValueError, AttributeError) as err:
            print(f"error: <stdin>:{number}: {err}", file=sys.stderr)
            failures += 1
            known_id = _safe_id(line)
            if known_id is not None:
                sys.stdout.write(json.dumps({"id": known_id, "events": []}) + "\n")
            continue
        events = pipeline.article_events(article)
        sys.stdout.write(json.dumps({"id": article.id, "events": events}, ensure_ascii=False) + "\n")
    return 1 if failures else 0


def _safe_id(line: str) -> str | None:
    try:
        value = json.loads(line).get("id")
    except (json.JSONDecodeError, AttributeError):
        return None
    return value if isinstance(value, str) else None


def cmd_assets(args: argparse.Namespace) -> int:
    from eventdesk.assets import install_assets

    print(f"map assets in {install_assets()}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m eventdesk", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ingest = sub.add_parser("ingest", help="extract events from article files and folders into the store")
    ingest.add_argument("paths", nargs="+", type=Path, help=".txt .md .html .json .jsonl .csv files or folders")
    ingest.add_argument("--store", default=DEFAULT_STORE, type=Path, help="store folder (default: data/)")
    ingest.set_defaults(func=cmd_ingest)
    extract = sub.add_parser("extract", help="JSONL articles on stdin -> JSONL events on stdout")
    extract.set_defaults(func=cmd_extract)
    assets = sub.add_parser("assets", help="install the map's JavaScript and CSS for offline use")
    assets.set_defaults(func=cmd_assets)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
