"""Loading articles from files, folders and uploads, and taking them a batch at a time.

An article is text plus metadata (title, publication date, source, url). Files may be
`.txt`/`.md` (first line is the title), `.html`, `.json`/`.jsonl` or `.csv` with the fields
`id`, `title`, `text`, `published`, `source`, `url` (only `text` is required). A file that
cannot be read yields an `ArticleError` naming the file (and line) and what to do; it never
stops the other files.

A `.txt`/`.md` article may start with a front matter block: a first line `---`, then one
`key: value` line per field, then a line `---`::

    ---
    published: 2024-01-04
    source: Example Wire
    url: https://example.org/news/1
    ---
    Headline of the article

    Text of the article...

Keys (lower case): `id`, `title`, `published` (YYYY-MM-DD), `source`, `url`, each at most
once; blank lines inside the block are skipped and an empty value means "not given". After the
block, the first non-empty line is the title as usual, unless the block gives `title`: then
all that follows is text. `source` defaults to the file name. Only this delimited form is read:
a bare leading "Key: value" line is a headline ("Nigeria: gunmen kill 12"), not metadata. A
block that is not closed, a line that is not `key: value`, an unknown or repeated key, or a
`published` that is not a date gives an error naming the file, the line and the fix.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import errno
import hashlib
import io
import json
import os
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
        path = printable(self.path)
        where = f"{path}:{self.line}" if self.line else path
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


class RecordError(ValueError):
    """A record (a JSON line, a JSON or CSV row) that is no article; `record_id` is its id when it has one."""

    def __init__(self, message: str, record_id: str | None = None) -> None:
        super().__init__(message)
        self.record_id = record_id


_JSON_KINDS = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "true or false",
               type(None): "null"}


def article_from_record(record: object) -> Article:
    """An Article from one decoded record; RecordError if it is not an object with a non-empty `text`."""
    if not isinstance(record, dict):
        kind = _JSON_KINDS.get(type(record), type(record).__name__)
        raise RecordError(f"expected a JSON object with a 'text' field, found {kind}")
    try:
        return make_article(record)
    except ValueError as err:
        given = record.get("id")
        known = str(given) if isinstance(given, str | int) and given != "" and not isinstance(given, bool) else None
        raise RecordError(str(err), known) from None


def parse_json_line(line: str) -> Article:
    """An Article from one line of JSONL; RecordError saying what is wrong (empty, malformed, no object, no text)."""
    line = line.rstrip("\r\n")  # so that a message speaks of the line itself
    if not line.strip():
        raise RecordError("empty line: expected a JSON object with a 'text' field")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise RecordError(f"malformed JSON: {err.msg} (column {err.colno})") from None
    except RecursionError:
        raise RecordError("malformed JSON: nested too deeply") from None
    return article_from_record(record)


def _clean(value: object) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def printable(name: str) -> str:
    """A file name fit for a one-line message or a stored value: control characters (a newline in the
    name) written as escapes, bytes that are not UTF-8 (kept by the file system) as U+FFFD."""
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], name)


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, name: str) -> str:
    """Decode bytes as UTF-8 text (or UTF-16/32 with a byte-order mark), refusing binary data clearly."""
    if not data.strip():
        raise ValueError("the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as err:
                raise ValueError(f"broken {encoding.upper()} text (byte {err.start}): "
                                 "re-save the file as UTF-8") from err
    head = data[:4096]
    if b"\x00" in head:
        if head[1::2].count(0) > len(head) // 4 or head[0::2].count(0) > len(head) // 4:
            raise ValueError("UTF-16 text without a byte-order mark: re-save the file as UTF-8 "
                             "(e.g. iconv -f utf-16le -t utf-8)")
        raise ValueError("the file is binary, not text: give a .txt, .md, .html, .json, .jsonl or .csv file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ValueError(
            f"not UTF-8 (byte {err.start}): re-save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)"
        ) from err


class FrontMatterError(ValueError):
    """A front matter block that cannot be read; `line` is its line in the file."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"front matter: {message}")
        self.line = line


FRONT_MATTER_KEYS = ("id", "title", "published", "source", "url")
_FENCE = "---"
_KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s?(?P<value>.*)$")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """(front matter fields, the rest of the text) of a .txt/.md article; ({}, text) without a block."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None or lines[start].strip() != _FENCE:
        return {}, text
    fields: dict[str, str] = {}
    for index in range(start + 1, len(lines)):
        line = lines[index].strip()
        if line == _FENCE:
            return fields, "\n".join(lines[index + 1:])
        if line:
            _add_field(fields, index + 1, line)
    raise FrontMatterError(start + 1, f"the block opened by '{_FENCE}' on line {start + 1} is not closed: "
                                      f"end it with a line '{_FENCE}'")


def _add_field(fields: dict[str, str], number: int, line: str) -> None:
    match = _KEY_VALUE.match(line)
    if match is None:
        raise FrontMatterError(number, f"{line[:60]!r} is not a 'key: value' line; "
                                       f"write e.g. 'published: 2024-01-04', or close the block with '{_FENCE}'")
    key, value = match.group("key").lower(), match.group("value").strip()
    if key not in FRONT_MATTER_KEYS:
        raise FrontMatterError(number, f"unknown key {key!r}; use {', '.join(FRONT_MATTER_KEYS)}")
    if key in fields:
        raise FrontMatterError(number, f"{key!r} is given twice; keep one")
    if key == "published" and value and not _is_date(value):
        raise FrontMatterError(number, f"published {value!r} is not a date; write it as YYYY-MM-DD")
    fields[key] = value


def _is_date(value: str) -> bool:
    """Whether `value` is a calendar date written YYYY-MM-DD."""
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return normalise_date(value) == value


def parse_text(text: str, name: str, source: str | None = None) -> Article:
    """A .txt/.md article: an optional front matter block, then the title (first non-empty line) and text."""
    fields, rest = split_front_matter(text)
    lines = rest.strip().splitlines()
    if not lines:
        raise ValueError("no text after the front matter block: the article itself follows the closing '---'")
    title = fields.get("title") or lines[0].lstrip("# ").strip()
    body = rest.strip() if fields.get("title") else "\n".join(lines[1:]).strip() or title
    return make_article({**fields, "title": title, "text": body}, default_source=source)


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


_TOO_DEEP = "malformed JSON: nested too deeply; give each article as a flat object with a 'text' field"


def _records_from_json(text: str, name: str) -> Iterator[tuple[int | None, object]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"malformed JSON at line {err.lineno}, column {err.colno}: {err.msg}") from err
    except RecursionError:
        raise ValueError(_TOO_DEEP) from None
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
        except RecursionError:
            yield number, ValueError(_TOO_DEEP)


def _records_from_csv(text: str, name: str) -> Iterator[tuple[int | None, object]]:
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
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
            raise ValueError(_TOO_LARGE)
        text = decode(data, name)
        if suffix in (".txt", ".md"):
            result.articles.append(parse_text(text, name, source))
        elif suffix in (".html", ".htm"):
            result.articles.append(parse_html(text, name, source))
        else:
            _collect_records(_RECORD_READERS[suffix](text, name), name, result)
    except ValueError as err:
        result.errors.append(ArticleError(name, str(err), getattr(err, "line", None)))
    except RecursionError:  # a value nested too deeply for a step after the JSON parser
        result.errors.append(ArticleError(name, _TOO_DEEP))
    return result


def _collect_records(records: Iterable[tuple[int | None, object]], name: str, result: LoadResult) -> None:
    for line, record in records:
        if isinstance(record, ValueError):
            result.errors.append(ArticleError(name, str(record), line))
            continue
        try:
            result.articles.append(article_from_record(record))
        except RecordError as err:
            result.errors.append(ArticleError(name, str(err), line))


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Article files under the given files and folders, in a stable order.

    A link inside a folder is yielded when it names an article file, leads to a folder (which is not
    followed) or leads back to itself, so that reading it says what is wrong."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(_walk(path))
        else:
            yield path


def _walk(folder: Path) -> Iterator[Path]:
    """Candidates under a folder, never following a link to a folder (which may lead back up)."""
    for root, folders, files in os.walk(folder, followlinks=False):
        yield from (p for p in map(Path(root).joinpath, files) if _is_candidate(p))
        yield from (p for p in map(Path(root).joinpath, folders) if p.is_symlink())


def _is_candidate(path: Path) -> bool:
    if path.is_symlink():
        return path.suffix.lower() in SUFFIXES or path.is_dir() or _is_loop(path)
    return path.is_file() and path.suffix.lower() in SUFFIXES


def _is_loop(path: Path) -> bool:
    try:
        path.stat()
    except OSError as err:
        return err.errno == errno.ELOOP
    return False


def read_file(path: Path) -> bytes:
    """The bytes of an article file; a ValueError says what to do when it is a folder link, a loop, too large
    or unreadable. The size is checked before reading, and at most MAX_FILE_BYTES + 1 bytes are ever read."""
    try:
        if path.is_dir():
            raise ValueError("a link to a folder, not followed: give that folder itself to ingest its files")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ValueError(_TOO_LARGE)
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise ValueError("a symbolic link that leads back to itself: remove it or point it at an article "
                             "file") from None
        raise ValueError(f"cannot read: {err.strerror}: check that the file exists and is readable") from None
    if len(data) > MAX_FILE_BYTES:  # the file grew while it was read
        raise ValueError(_TOO_LARGE)
    return data


_TOO_LARGE = f"file larger than {MAX_FILE_BYTES // 2**20} MB: split it into smaller files"


def load_paths(paths: Iterable[str | Path]) -> LoadResult:
    """Articles from files and folders; unreadable files become errors, not exceptions."""
    result = LoadResult()
    for path in iter_files(paths):
        part = load_file(path)
        result.articles.extend(part.articles)
        result.errors.extend(part.errors)
    return result


def load_file(path: Path) -> LoadResult:
    """Articles from one file that `iter_files` found (a link to a folder is named, not followed)."""
    try:
        data = read_file(path)
    except ValueError as err:
        return LoadResult(errors=[ArticleError(str(path), str(err))])
    return parse_bytes(data, str(path), source=printable(path.name))


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Lists of up to `size` items, in order."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
