"""Loading articles from files, folders and uploads, and taking them a batch at a time.

An article is text plus metadata (title, publication date, source, url). Files may be
`.txt`/`.md` (first line is the title), `.html`, `.json`/`.jsonl` or `.csv` with the fields
`id`, `title`, `text`, `published`, `source`, `url` (only `text` is required). A file that
cannot be read yields an `ArticleError` naming the file (and line) and what to do; it never
stops the other files.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv")
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_TEXT_CHARS = 2_000_000
FIELDS = ("id", "title", "text", "published", "source", "url")
# Articles taken together: through the language model at once, and into the store in one transaction.
BATCH_SIZE = 64
_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    source: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class ArticleError:
    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    errors: list[ArticleError] = field(default_factory=list)


def content_id(text: str) -> str:
    """A stable id from the article text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:16]


def normalise_date(value: object) -> str | None:
    """YYYY-MM-DD from an ISO-like date string, else None."""
    if value is None:
        return None
    match = _DATE.match(str(value))
    return "-".join(match.groups()) if match else None


def make_article(record: dict, default_source: str | None = None) -> Article:
    """Build an Article from a mapping with at least a non-empty `text`."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("no text: each article needs a non-empty 'text' field")
    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(f"text longer than {MAX_TEXT_CHARS:,} characters: split the article")
    given = record.get("id")
    return Article(
        id=str(given) if given not in (None, "") else content_id(text),
        text=text,
        title=_clean(record.get("title")),
        published=normalise_date(record.get("published")),
        source=_clean(record.get("source")) or default_source,
        url=_clean(record.get("url")),
    )


def _clean(value: object) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def decode(data: bytes, name: str) -> str:
    """Decode bytes as UTF-8 text, refusing binary data with a clear message."""
    if not data.strip():
        raise ValueError("the file is empty")
    if b"\x00" in data[:4096]:
        raise ValueError("the file is binary, not text: give a .txt, .md, .html, .json, .jsonl or .csv file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ValueError(
            f"not UTF-8 (byte {err.start}): re-save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)"
        ) from err


def parse_text(text: str, name: str, source: str | None = None) -> Article:
    """A .txt/.md article: the first non-empty line is the title."""
    lines = text.strip().splitlines()
    title = lines[0].lstrip("# ").strip()
    body = "\n".join(lines[1:]).strip() or title
    return make_article({"title": title, "text": body}, default_source=source)


def parse_html(text: str, name: str, source: str | None = None) -> Article:
    """An .html article: main text through trafilatura."""
    import trafilatura

    body = trafilatura.extract(text, include_comments=False, include_tables=False)
    meta = trafilatura.extract_metadata(text)
    if not body:
        raise ValueError("no article text found in the HTML page")
    return make_article(
        {
            "text": body,
            "title": getattr(meta, "title", None),
            "published": getattr(meta, "date", None),
            "source": getattr(meta, "sitename", None),
            "url": getattr(meta, "url", None),
        },
        default_source=source,
    )


def _records_from_json(text: str, name: str) -> Iterator[tuple[int | None, object]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"malformed JSON at line {err.lineno}, column {err.colno}: {err.msg}") from err
    items = data if isinstance(data, list) else [data]
    for item in items:
        yield None, item


def _records_from_jsonl(text: str, name: str) -> Iterator[tuple[int | None, object]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as err:
            yield number, ValueError(f"malformed JSON: {err.msg} (column {err.colno})")


def _records_from_csv(text: str, name: str) -> Iterator[tuple[int | None, object]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "text" not in [f.strip() for f in reader.fieldnames]:
        raise ValueError("CSV has no 'text' column: the header must name at least 'text'")
    try:
        for row in reader:
            if None in row:
                yield reader.line_num, ValueError("more cells than header columns: check quoting")
                continue
            yield reader.line_num, {k.strip(): v for k, v in row.items() if k}
    except csv.Error as err:
        raise ValueError(f"malformed CSV at line {reader.line_num}: {err}") from err


_RECORD_READERS = {".json": _records_from_json, ".jsonl": _records_from_jsonl, ".csv": _records_from_csv}


def parse_bytes(data: bytes, name: str, source: str | None = None) -> LoadResult:
    """Articles from the bytes of one file (or upload) called `name`."""
    result = LoadResult()
    suffix = Path(name).suffix.lower()
    try:
        if suffix not in SUFFIXES:
            raise ValueError(f"unsupported file type {suffix or '(none)'}: use one of {', '.join(SUFFIXES)}")
        if len(data) > MAX_FILE_BYTES:
            raise ValueError(f"file larger than {MAX_FILE_BYTES // 2**20} MB: split it into smaller files")
        text = decode(data, name)
        if suffix in (".txt", ".md"):
            result.articles.append(parse_text(text, name, source))
        elif suffix in (".html", ".htm"):
            result.articles.append(parse_html(text, name, source))
        else:
            _collect_records(_RECORD_READERS[suffix](text, name), name, result)
    except ValueError as err:
        result.errors.append(ArticleError(name, str(err)))
    return result


def _collect_records(records: Iterable[tuple[int | None, object]], name: str, result: LoadResult) -> None:
    for line, record in records:
        if isinstance(record, ValueError):
            result.errors.append(ArticleError(name, str(record), line))
            continue
        if not isinstance(record, dict):
            result.errors.append(ArticleError(name, "expected an object with a 'text' field", line))
            continue
        try:
            result.articles.append(make_article(record))
        except ValueError as err:
            result.errors.append(ArticleError(name, str(err), line))


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Article files under the given files and folders, in a stable order."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            yield path


def load_paths(paths: Iterable[str | Path]) -> LoadResult:
    """Articles from files and folders; unreadable files become errors, not exceptions."""
    result = LoadResult()
    for path in iter_files(paths):
        try:
            data = path.read_bytes()
        except OSError as err:
            result.errors.append(ArticleError(str(path), f"cannot read: {err.strerror}"))
            continue
        part = parse_bytes(data, str(path), source=path.name)
        result.articles.extend(part.articles)
        result.errors.extend(part.errors)
    return result


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Lists of up to `size` items, in order."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
