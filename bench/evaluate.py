"""`make eval`: run the extractor over the development sets and score it.

Each gold file is fed through the same code as `python -m eventdesk extract`; the predictions
are written next to the store (data/eval/) and scored with the harness's own `score.py`, whose
SUMMARY line is printed per file. The harness lives outside the project; point `--eval-dir`
(or EVENTDESK_EVAL_DIR) at it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from eventdesk import articles
from eventdesk.extract import extract_articles, load_resources

DEFAULT_DIR = Path(os.environ.get("EVENTDESK_EVAL_DIR", "../shared/eval"))
GOLD_FILES = ("dev_synthetic.jsonl", "dev_muc4.jsonl", "dev_ucdp.jsonl")


def predict(gold: Path, out: Path) -> tuple[int, float]:
    """Write `extract`-format predictions for every record of `gold`; returns (records, seconds)."""
    resources = load_resources()
    started, count = time.perf_counter(), 0
    with gold.open(encoding="utf-8") as source, out.open("w", encoding="utf-8") as sink:
        for lines in articles.batched(source, articles.BATCH_SIZE):
            batch = [articles.make_article({k: json.loads(line).get(k) for k in ("id", "text", "published", "title")})
                     for line in lines]
            for article, events in zip(batch, extract_articles(batch, resources), strict=True):
                sink.write(json.dumps({"id": article.id, "events": events}, ensure_ascii=False) + "\n")
                count += 1
    return count, time.perf_counter() - started


def score(eval_dir: Path, gold: Path, pred: Path, full: bool = False) -> str:
    """The scorer's report (its last line is the SUMMARY)."""
    result = subprocess.run([sys.executable, str(eval_dir / "score.py"), str(gold), str(pred)],
                            capture_output=True, text=True, check=True)
    return result.stdout if full else result.stdout.strip().splitlines()[-1]


_GOLD_KEY = {"actor1": "perpetrator", "actor2": "target", "location": "city"}


def _matcher(eval_dir: Path, field: str):
    """The scorer's own comparison for a field, where it has one (else plain equality)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("score", eval_dir / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    if field == "actor1":
        return lambda g, p: scorer.actor_match(scorer.Actor(g or "Unknown"), scorer.Actor(p or "Unknown"))
    if field == "country":
        return lambda g, p: bool(p) and scorer.country_match(g, p)
    if field == "actor2":
        return lambda g, p: bool(scorer.target_tokens(g) & scorer.target_tokens(p))
    if field == "location":
        return lambda g, p: bool(p) and scorer.city_name_match(g, p)
    return lambda g, p: g == p


def show_errors(gold: Path, pred: Path, field: str, limit: int = 40, eval_dir: Path = DEFAULT_DIR) -> None:
    """Print records where the main event's `field` differs from the gold, with their text."""
    from eventdesk.schema import VIOLENT_TYPES

    same = _matcher(eval_dir, field)
    predictions = {}
    for line in pred.open(encoding="utf-8"):
        record = json.loads(line)
        main_event = next((e for e in record["events"] if e.get("event_type") in VIOLENT_TYPES), {})
        predictions[record["id"]] = main_event
    shown = 0
    for line in gold.open(encoding="utf-8"):
        record = json.loads(line)
        expected = (record.get("gold") or {}).get(_GOLD_KEY.get(field, field))
        got = predictions.get(record["id"], {}).get(field)
        if record.get("negative") or same(expected, got) or shown >= limit:
            continue
        shown += 1
        print(f"--- {record['id']} gold={expected!r} pred={got!r} published={record.get('published')}")
        print("   ", record["text"][:700].replace("\n", " "))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.evaluate", description=__doc__.split("\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--out", type=Path, default=Path("data/eval"))
    parser.add_argument("--full", action="store_true", help="print the scorer's whole report")
    parser.add_argument("--errors", metavar="FIELD", help="list records whose FIELD is wrong (record-mode files)")
    parser.add_argument("files", nargs="*", default=list(GOLD_FILES))
    args = parser.parse_args(argv)
    if not (args.eval_dir / "score.py").exists():
        print(f"no accuracy harness in {args.eval_dir}: set EVENTDESK_EVAL_DIR to the folder holding score.py",
              file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    for name in args.files:
        gold = args.eval_dir / name
        pred = args.out / name.replace(".jsonl", ".pred.jsonl")
        count, seconds = predict(gold, pred)
        print(score(args.eval_dir, gold, pred, args.full))
        if args.errors:
            show_errors(gold, pred, args.errors, eval_dir=args.eval_dir)
        print(f"  ({count} records in {seconds:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
