"""Ingesting articles into the store: incremental, streamed, on local worker processes or on Dask.

Articles are read file by file and taken in batches. An article whose content hash or URL is
already stored is skipped before extraction; the others are extracted (in worker processes
when `workers` > 1) and each batch is stored with its reports in one transaction. Memory holds
only the batches in flight, whatever the size of the corpus; an ingest that is stopped keeps the
batches it committed, and running it again carries on from there. After the last batch the
reports are merged into incidents (with the analyst's decisions) and the files are rewritten.

`extract_for_store` is the one extraction step: the local path maps it over batches, the Dask
path (`ingest_dask`) over partitions of files, each partition written as a Parquet part of a
dataset under `<store>/dataset/`, which is then loaded into the store the same way.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from eventdesk import articles as articles_mod
from eventdesk import schema
from eventdesk.articles import Article, ArticleError
from eventdesk.store import database, place_codes
from eventdesk.store import store as store_mod

DATASET = "dataset"
PART_ARTICLES, PART_REPORTS = "articles", "reports"

Progress = Callable[[int], None]


@dataclass
class IngestResult:
    """What an ingest did: counts, the incidents in the store after it, and the files or records it skipped."""

    articles_read: int = 0
    articles_new: int = 0
    articles_known: int = 0  # already stored (same content hash or URL) or repeated in the input
    skipped: list[str] = field(default_factory=list)  # those known articles, "file (title)", where ingest names them
    reports_new: int = 0
    events: int = 0
    errors: list[ArticleError] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        """Articles read per second."""
        return self.articles_read / self.seconds if self.seconds else 0.0


# ---------------------------------------------------------------------------------------------
# The extraction function
# ---------------------------------------------------------------------------------------------


def report_rows(events: Sequence[dict]) -> list[dict]:
    """The extractor's event rows as report rows (its event_id is the report id, its link a report's).
    A row that repeats an incident for a further target (`part_of`) is not a report: the incident's
    own row lists every target."""
    rows = []
    for event in events:
        if event.get(schema.PART_OF):
            continue
        row = {name: event.get(name) for name in schema.EVENT_FIELDS if name != schema.PART_OF}
        row[schema.REPORT_ID] = row.pop(schema.EVENT_ID)
        row[schema.LINKED_REPORT_ID] = row.pop(schema.LINKED_EVENT_ID)
        rows.append(row)
    return rows


def extract_for_store(articles: Sequence[Article]) -> tuple[list[dict], dict[str, str]]:
    """Report rows of the articles, and the articles whose extraction failed (id -> message).

    Each batch of `articles.BATCH_SIZE` goes through the model at once (`eventdesk.extract.extract_articles`);
    only a batch that fails is extracted again one article at a time, so that one bad article costs only its
    own reports.
    """
    from eventdesk.extract import load_resources

    resources = load_resources()
    rows: list[dict] = []
    failed: dict[str, str] = {}
    for batch in articles_mod.batched(articles, articles_mod.BATCH_SIZE):
        batch_rows, batch_failed = _extract_batch(batch, resources)
        rows.extend(batch_rows)
        failed.update(batch_failed)
    place_codes.code_rows(rows, resources.gazetteer)  # here, where the gazetteer is already loaded
    return rows, failed


def _extract_batch(batch: list[Article], resources) -> tuple[list[dict], dict[str, str]]:
    from eventdesk.extract import extract_articles

    try:
        return [row for events in extract_articles(batch, resources) for row in report_rows(events)], {}
    except Exception:  # some article of the batch broke it: find which one, keep the others
        pass
    rows: list[dict] = []
    failed: dict[str, str] = {}
    for article in batch:
        try:
            rows.extend(report_rows(extract_articles([article], resources)[0]))
        except Exception as err:  # one article's failure must not stop the others
            failed[article.id] = f"{type(err).__name__}: {err}"
    return rows, failed


def _warm() -> None:
    from eventdesk.extract import load_resources

    load_resources()


class _Inline(Executor):
    """Runs each task at once in this process (one worker)."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as err:
            future.set_exception(err)
        return future


@contextmanager
def _executor(workers: int) -> Iterator[Executor]:
    if workers <= 1:
        yield _Inline()
        return
    # forkserver: workers start from a clean process, not a fork of one holding DuckDB's threads.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method), initializer=_warm) as pool:
        yield pool


def default_workers() -> int:
    """All cores."""
    return os.cpu_count() or 1


# ---------------------------------------------------------------------------------------------
# Articles in, batches out
# ---------------------------------------------------------------------------------------------


def _articles_from_paths(paths: Iterable[str | Path], result: IngestResult) -> Iterator[tuple[str, Article]]:
    for path in articles_mod.iter_files(paths):
        loaded = articles_mod.load_file(path)
        result.errors.extend(loaded.errors)
        for article in loaded.articles:
            yield str(path), article


def _articles_from_bytes(files: Iterable[tuple[str, bytes]], result: IngestResult) -> Iterator[tuple[str, Article]]:
    for name, data in files:
        loaded = articles_mod.parse_bytes(data, name, source=articles_mod.printable(Path(name).name))
        result.errors.extend(loaded.errors)
        for article in loaded.articles:
            yield name, article


@dataclass
class _Batch:
    names: list[str]
    articles: list[Article]
    hashes: list[str]
    future: Future | None = None


class _Keys:
    """Content hashes, URLs and ids of the batches extracted but not yet committed."""

    def __init__(self) -> None:
        self.hashes: set[str] = set()
        self.urls: set[str] = set()
        self.ids: set[str] = set()

    def add(self, article: Article, content_hash: str) -> None:
        self.hashes.add(content_hash)
        self.ids.add(article.id)
        if article.url:
            self.urls.add(article.url)

    def discard(self, batch: _Batch) -> None:
        for article, content_hash in zip(batch.articles, batch.hashes, strict=True):
            self.hashes.discard(content_hash)
            self.ids.discard(article.id)
            self.urls.discard(article.url)


def _fresh(items: list[tuple[str, Article]], db: store_mod.Store, pending: _Keys, result: IngestResult) -> _Batch:
    """The articles of `items` that are neither stored nor in flight."""
    hashes = [articles_mod.content_id(article.text) for _, article in items]
    stored = db.stored_keys(hashes, [a.url for _, a in items], [a.id for _, a in items])
    batch = _Batch([], [], [])
    for (name, article), content_hash in zip(items, hashes, strict=True):
        result.articles_read += 1
        known_url = article.url is not None and (article.url in stored[schema.URL] or article.url in pending.urls)
        if content_hash in stored[schema.CONTENT_HASH] or content_hash in pending.hashes or known_url:
            result.articles_known += 1
            result.skipped.append(f"{name} ({article.title})" if article.title else name)
            continue
        if article.id in stored[schema.ARTICLE_ID] or article.id in pending.ids:
            result.errors.append(ArticleError(name, f"article id {article.id!r} is already stored for another text: "
                                                    "give this article another id (or none, to use its content hash)"))
            continue
        pending.add(article, content_hash)
        batch.names.append(name)
        batch.articles.append(article)
        batch.hashes.append(content_hash)
    return batch


def article_frame(batch_articles: Sequence[Article], hashes: Sequence[str]) -> pd.DataFrame:
    """Article rows (ARTICLE_COLUMNS) for the store."""
    return pd.DataFrame([
        {schema.ARTICLE_ID: a.id, schema.CONTENT_HASH: h, schema.URL: a.url, schema.TITLE: a.title,
         schema.SOURCE: a.source, schema.PUBLISHED: a.published, schema.TEXT: a.text}
        for a, h in zip(batch_articles, hashes, strict=True)
    ], columns=list(schema.ARTICLE_FIELDS))


def _report_frame(rows: list[dict], failed: dict[str, str]) -> pd.DataFrame:
    """The report rows of the articles whose extraction did not fail, as a frame of EXTRACTED_COLUMNS."""
    return pd.DataFrame([r for r in rows if r[schema.ARTICLE_ID] not in failed],
                        columns=[c.name for c in database.EXTRACTED_COLUMNS])


def _commit(batch: _Batch, db: store_mod.Store, pending: _Keys, result: IngestResult) -> None:
    rows, failed = batch.future.result()
    keep = [i for i, a in enumerate(batch.articles) if a.id not in failed]
    for i, article in enumerate(batch.articles):
        if article.id in failed:
            result.errors.append(ArticleError(batch.names[i], f"article {article.id}: extraction failed "
                                                              f"({failed[article.id]}); it was not stored"))
    reports = _report_frame(rows, failed)
    db.add(article_frame([batch.articles[i] for i in keep], [batch.hashes[i] for i in keep]), reports)
    pending.discard(batch)
    result.articles_new += len(keep)
    result.reports_new += len(reports)


def ingest_articles(
    items: Iterable[tuple[str, Article]],
    folder: Path,
    *,
    workers: int = 1,
    batch_size: int = articles_mod.BATCH_SIZE,
    rule: str | None = None,
    progress: Progress | None = None,
    result: IngestResult | None = None,
    release_models: bool = False,
) -> IngestResult:
    """Store (file name, article) pairs that are new, extract and merge them, rewrite the store's files.

    `progress(n)` is called as articles are done (stored or skipped); `rule` is the figure rule
    (`incidents.RULES`, kept in the store; default: the store's, else "latest"). `release_models` frees the
    language model and gazetteer before the merge when extraction ran in this process (for a process
    that extracts nothing after; the dashboard keeps them for the next upload).
    """
    result = result or IngestResult()
    started = time.perf_counter()
    pending = _Keys()
    in_flight: deque[_Batch] = deque()
    with store_mod.open_store(folder) as db:
        with _executor(workers) as pool:
            for items_batch in articles_mod.batched(items, batch_size):
                known_before = result.articles_known
                batch = _fresh(items_batch, db, pending, result)
                _report(progress, result.articles_known - known_before)
                if batch.articles:
                    batch.future = pool.submit(extract_for_store, batch.articles)
                    in_flight.append(batch)
                while in_flight and (len(in_flight) > 2 * workers or in_flight[0].future.done()):
                    _commit_next(in_flight, db, pending, result, progress)
            while in_flight:
                _commit_next(in_flight, db, pending, result, progress)
        # The workers (and their language models) are gone before the merge, which needs the memory.
        if release_models and workers <= 1:
            from eventdesk.extract import release_resources

            release_resources()
        result.events = db.refresh(rule)
    result.seconds = time.perf_counter() - started
    return result


def _commit_next(in_flight: deque[_Batch], db, pending: _Keys, result: IngestResult, progress: Progress | None) -> None:
    batch = in_flight.popleft()
    _commit(batch, db, pending, result)
    _report(progress, len(batch.articles))


def _report(progress: Progress | None, n: int) -> None:
    if progress is not None and n:
        progress(n)


def ingest_paths(paths: Iterable[str | Path], folder: Path, **options) -> IngestResult:
    """Ingest the article files and folders at `paths` into the store at `folder` (options: see ingest_articles)."""
    result = IngestResult()
    return ingest_articles(_articles_from_paths(paths, result), folder, result=result, **options)


def ingest_bytes(files: Iterable[tuple[str, bytes]], folder: Path, **options) -> IngestResult:
    """Ingest uploaded files, given as (file name, bytes) pairs, into the store at `folder`.

    Each file is read as its suffix says (`articles.SUFFIXES`, at most `articles.MAX_FILE_BYTES`);
    a bad file becomes an error naming it and nothing stored is lost. `workers` defaults to 1:
    extraction in this process, which is what a Streamlit server should use.
    """
    result = IngestResult()
    return ingest_articles(_articles_from_bytes(files, result), folder, result=result, **options)


def ingest_text(text: str, folder: Path, *, title: str | None = None, source: str | None = None,
                url: str | None = None, published: str | None = None, **options) -> IngestResult:
    """Ingest one pasted article (with optional metadata); a ValueError says what is wrong with it."""
    article = articles_mod.make_article(
        {"text": text, "title": title, "source": source, "url": url, "published": published})
    return ingest_articles([("pasted text", article)], folder, **options)


# ---------------------------------------------------------------------------------------------
# Dask
# ---------------------------------------------------------------------------------------------


def plan_partitions(paths: Iterable[str | Path], n_partitions: int) -> list[tuple[str, list[str]]]:
    """Article files in `n_partitions` groups, each named by a hash of its files' paths, sizes and times.

    A partition whose files have not changed keeps its name, so its Parquet part is reused when an
    interrupted Dask ingest is run again.
    """
    files = [str(p) for p in articles_mod.iter_files(paths)]
    size = max(1, -(-len(files) // max(1, n_partitions)))
    plan = []
    for first in range(0, len(files), size):
        group = files[first:first + size]
        digest = hashlib.sha256()
        for name in group:
            stat = os.stat(name) if os.path.exists(name) else None
            digest.update(f"{name}|{stat.st_size if stat else -1}|{stat.st_mtime_ns if stat else -1}\n".encode())
        plan.append((f"part-{digest.hexdigest()[:16]}", group))
    return plan


def extract_partition(
    paths: Sequence[str], part: str, known: frozenset[str], dataset: str
) -> tuple[int, int, list[str]]:
    """Read, deduplicate and extract one partition of files; write its articles and reports as Parquet parts.

    `known` holds the content hashes and URLs already stored. Returns the number of articles read,
    how many of them were known, and the errors as text.
    """
    result = IngestResult()
    seen = set(known)
    names, fresh, hashes = [], [], []
    for name, article in _articles_from_paths(paths, result):
        content_hash = articles_mod.content_id(article.text)
        if content_hash in seen or (article.url and article.url in seen):
            result.articles_known += 1
            continue
        seen.update(filter(None, (content_hash, article.url)))
        names.append(name)
        fresh.append(article)
        hashes.append(content_hash)
    rows, failed = extract_for_store(fresh)
    keep = [i for i, a in enumerate(fresh) if a.id not in failed]
    errors = [str(e) for e in result.errors]
    errors += [f"{names[i]}: article {a.id}: extraction failed ({failed[a.id]})" for i, a in enumerate(fresh)
               if a.id in failed]
    reports = _report_frame(rows, failed)
    frames = ((PART_ARTICLES, article_frame([fresh[i] for i in keep], [hashes[i] for i in keep]),
               schema.ARTICLE_COLUMNS), (PART_REPORTS, reports, database.EXTRACTED_COLUMNS))
    for kind, frame, columns in frames:  # reports last: a part is complete once its reports file exists
        store_mod.write_parquet(Path(dataset) / kind / f"{part}.parquet", columns, [frame])
    read = len(fresh) + result.articles_known
    return read, read - len(fresh), errors


def _load_part(db: store_mod.Store, dataset: Path, part: str, result: IngestResult) -> int:
    articles = pq.read_table(dataset / PART_ARTICLES / f"{part}.parquet").to_pandas()
    reports = pq.read_table(dataset / PART_REPORTS / f"{part}.parquet").to_pandas()
    stored = db.stored_keys(articles[schema.CONTENT_HASH].tolist(), articles[schema.URL].dropna().tolist(),
                            articles[schema.ARTICLE_ID].tolist())
    fresh = ~(articles[schema.CONTENT_HASH].isin(stored[schema.CONTENT_HASH])
              | articles[schema.URL].isin(stored[schema.URL])
              | articles[schema.ARTICLE_ID].isin(stored[schema.ARTICLE_ID]))
    result.articles_known += int((~fresh).sum())
    articles = articles[fresh.to_numpy(dtype=bool)]
    reports = reports[reports[schema.ARTICLE_ID].isin(articles[schema.ARTICLE_ID]).to_numpy(dtype=bool)]
    db.add(articles, reports)
    result.articles_new += len(articles)
    result.reports_new += len(reports)
    return len(articles)


def ingest_dask(
    paths: Iterable[str | Path],
    folder: Path,
    address: str,
    *,
    n_partitions: int | None = None,
    rule: str | None = None,
    progress: Progress | None = None,
) -> IngestResult:
    """Extract on the Dask cluster at `address`, one task per partition of files, then load the parts.

    The workers need eventdesk installed and the files at the same paths (a shared file system);
    the dataset is written under `<folder>/dataset/` ({articles,reports}/part-*.parquet).
    """
    from distributed import Client, as_completed

    started = time.perf_counter()
    folder, result = Path(folder), IngestResult()
    dataset = folder / DATASET
    with store_mod.open_store(folder) as db:
        known = frozenset(row[0] for row in db.db.execute(
            f"SELECT {schema.CONTENT_HASH} FROM {database.ARTICLES} UNION "
            f"SELECT {schema.URL} FROM {database.ARTICLES} WHERE {schema.URL} IS NOT NULL").fetchall())
    with Client(address) as client:
        plan = plan_partitions(paths, n_partitions or 4 * max(1, len(client.scheduler_info()["workers"])))
        _drop_stale_parts(dataset, {part for part, _ in plan})
        todo = [(part, group) for part, group in plan if not (dataset / PART_REPORTS / f"{part}.parquet").exists()]
        [shared] = client.scatter([known], broadcast=True)
        futures = client.map(extract_partition, [group for _, group in todo], [part for part, _ in todo],
                             known=shared, dataset=str(dataset), key=[f"eventdesk-{part}" for part, _ in todo])
        for future in as_completed(futures):
            read, known_here, errors = future.result()
            result.articles_read += read
            result.articles_known += known_here
            result.errors.extend(_as_error(text) for text in errors)
    with store_mod.open_store(folder) as db:
        for part, _group in plan:
            _report(progress, _load_part(db, dataset, part, result))
        result.events = db.refresh(rule)
    result.seconds = time.perf_counter() - started
    return result


def _as_error(text: str) -> ArticleError:
    path, _, message = text.partition(": ")
    return ArticleError(path, message)


def _drop_stale_parts(dataset: Path, current: set[str]) -> None:
    for kind in (PART_ARTICLES, PART_REPORTS):
        for path in (dataset / kind).glob("part-*.parquet") if (dataset / kind).exists() else ():
            if path.stem not in current:
                path.unlink()
