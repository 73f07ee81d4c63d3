"""Adding articles from the dashboard: uploaded files and pasted text, read, ingested and summarised.

The Upload page hands over what the analyst gave it. This module reads it into articles with the
same reader as the command line (`articles.parse_bytes`), ingests them into the store
(`ingest.ingest_articles`: an article already stored is skipped, every batch is one transaction,
so a bad file never touches what is stored) and says what changed in the event table: how many
articles were new or skipped, how many incidents there are now, which incidents are new or grew.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from eventdesk import articles, schema
from eventdesk.articles import Article, ArticleError
from eventdesk.store import access, ingest, store

# Streamlit refuses bigger uploads (`server.maxUploadSize` in .streamlit/config.toml); the
# library refuses bigger files on its own (`articles.MAX_FILE_BYTES`), whatever the server allows.
MAX_UPLOAD_MB = articles.MAX_FILE_BYTES // 2**20
MAX_PASTED_CHARS = articles.MAX_TEXT_CHARS
FILE_TYPES: tuple[str, ...] = tuple(suffix.lstrip(".") for suffix in articles.SUFFIXES)
PASTED = "pasted text"
EARLIEST_PUBLISHED = dt.date(1900, 1, 1)  # the publication date picker's lower bound
# The kinds of notice an upload's outcome gives (`UploadOutcome.notices`), named as Streamlit's st.success etc.
SUCCESS, INFO, WARNING, ERROR = "success", "info", "warning", "error"
NOTICE_KINDS: tuple[str, ...] = (SUCCESS, INFO, WARNING, ERROR)
MAX_NAMED = 10  # articles named in the notice of those already stored; the others are counted

# The columns of the table of incidents an upload created or added reports to.
CHANGED_COLUMNS: tuple[str, ...] = (
    schema.DATE, schema.EVENT_TYPE, schema.LOCATION, schema.COUNTRY, schema.KILLED_LOW, schema.KILLED_BEST,
    schema.KILLED_HIGH, schema.INJURED_LOW, schema.INJURED_BEST, schema.INJURED_HIGH, schema.N_REPORTS,
    schema.N_SOURCES, schema.EVENT_ID,
)


@dataclass(frozen=True)
class Pasted:
    """One article pasted into the page, with its optional metadata."""

    text: str = ""
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: dt.date | str | None = None

    @property
    def is_blank(self) -> bool:
        return not (self.text.strip() or self.title or self.source or self.url)


def check_pasted_size(pasted: Pasted) -> None:
    """Refuse pasted text over the upload limit, as a file over it is refused: the page's own character
    limit is the browser's, and a client that ignores it still meets this one (a ValueError says so)."""
    size = sum(len(value.encode("utf-8")) for value in (pasted.text, pasted.title, pasted.source, pasted.url) if value)
    if size > articles.MAX_FILE_BYTES:
        raise ValueError(f"{size / 2**20:.1f} MB pasted, more than the upload limit of {MAX_UPLOAD_MB} MB (the same "
                         "as for a file): split it into several articles")


def pasted_article(pasted: Pasted) -> Article:
    """The pasted article; a ValueError says what is wrong with it (no text, more than the upload limit, more
    than MAX_PASTED_CHARS characters of text)."""
    check_pasted_size(pasted)
    published = pasted.published.isoformat() if isinstance(pasted.published, dt.date) else pasted.published
    return articles.make_article({"text": pasted.text, "title": pasted.title, "source": pasted.source,
                                  "url": pasted.url, "published": published})


def read_inputs(
    files: Iterable[tuple[str, bytes]], pasted: Pasted | None = None
) -> tuple[list[tuple[str, Article]], list[ArticleError]]:
    """(name, article) pairs from uploaded files and pasted text, and the errors of what could not be read."""
    items: list[tuple[str, Article]] = []
    errors: list[ArticleError] = []
    for name, data in files:
        loaded = articles.parse_bytes(data, name, source=Path(name).name)
        items.extend((name, article) for article in loaded.articles)
        errors.extend(loaded.errors)
    if pasted is not None and not pasted.is_blank:
        try:
            items.append((PASTED, pasted_article(pasted)))
        except ValueError as err:
            errors.append(ArticleError(PASTED, str(err)))
    return items, errors


def changed_incidents(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """Incidents of `after` that are not in `before` with the same number of reports: new ones, or ones
    that gained reports (CHANGED_COLUMNS, most reports first)."""
    old = pd.MultiIndex.from_arrays([before[schema.EVENT_ID].astype("string"),
                                     before[schema.N_REPORTS].astype("Int64")])
    new = pd.MultiIndex.from_arrays([after[schema.EVENT_ID].astype("string"),
                                     after[schema.N_REPORTS].astype("Int64")])
    changed = after[~new.isin(old)]
    ordered = changed.sort_values([schema.N_REPORTS, schema.DATE, schema.EVENT_ID], ascending=[False, True, True],
                                  na_position="last", kind="stable")
    return ordered[list(CHANGED_COLUMNS)].reset_index(drop=True)


@dataclass
class UploadOutcome:
    """What adding articles did to the store."""

    files: int = 0
    articles_read: int = 0
    articles_new: int = 0
    articles_known: int = 0
    reports_new: int = 0
    events_before: int = 0
    events_after: int = 0
    changed: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(CHANGED_COLUMNS)))
    errors: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # the articles already stored, "file (title)"
    refused: str | None = None  # why the store took nothing (read-only, in use by another process)
    chosen: bool = True  # False when the analyst gave neither files nor text

    @property
    def merged(self) -> int:
        """Incidents new or grown by this upload that hold more than one report."""
        return int((self.changed[schema.N_REPORTS].astype("Int64") > 1).sum())

    @property
    def nothing_read(self) -> bool:
        return self.articles_read == 0

    def summary(self) -> str:
        """One sentence for the page."""
        if not self.chosen:
            return "Nothing to add: choose files or paste an article's text first."
        if self.refused:
            return f"Nothing was added: {self.refused}. The store is unchanged."
        if self.nothing_read:
            return "Nothing was added: no article could be read. The store is unchanged."
        return (
            f"{_plural(self.articles_new, 'new article')} stored, {self.articles_known:,} skipped as already stored; "
            f"{_plural(self.reports_new, 'event report')} read from them. The table now holds "
            f"{_plural(self.events_after, 'event')} (was {self.events_before:,}); "
            f"{_plural(len(self.changed), 'event')} new or with new reports, "
            f"{self.merged:,} of them merged from several reports."
        )


    def notices(self) -> list[tuple[str, str]]:
        """What the page says, as (kind, text), kind one of NOTICE_KINDS: a success only when articles were
        stored; a notice naming the articles already stored; an error naming what could not be read and why."""
        if not self.chosen:
            return [(WARNING, self.summary())]
        notes = [(SUCCESS, self.summary())] if self.articles_new else []
        if self.skipped:
            head = "" if self.articles_new else "Nothing new was added: "
            notes.append((INFO, f"{head}{_plural(len(self.skipped), 'article')} already in the store (same text or "
                                f"same URL), not added again: {_first_names(self.skipped)}."))
        if self.refused:
            notes.append((ERROR, self.summary()))
        elif self.errors:
            lines = "\n".join(f"- {error}" for error in self.errors)
            notes.append((ERROR, f"{self.summary() if self.nothing_read else 'Some input could not be read:'}\n\n"
                                 f"{lines}\n\nFix these files (or the pasted text) and add them again; nothing "
                                 "already stored was changed."))
        return notes


def _first_names(names: list[str]) -> str:
    """The first MAX_NAMED names, '; '-joined, and how many more (a re-uploaded CSV may hold thousands)."""
    shown = "; ".join(names[:MAX_NAMED])
    return shown if len(names) <= MAX_NAMED else f"{shown}; and {len(names) - MAX_NAMED:,} more"


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def add_articles(files: Iterable[tuple[str, bytes]], pasted: Pasted | None, folder: Path,
                 rule: str | None = None) -> UploadOutcome:
    """Read the uploaded files and the pasted text, ingest what could be read into the store at `folder`.

    A file that cannot be read becomes an error naming it; the others are still ingested. When
    nothing can be read the store is not touched at all. A store held by another process, or a
    read-only desk (`access.read_only`), gives the outcome's `refused` reason, not an exception.
    """
    files = list(files)
    folder = Path(folder)
    if not files and (pasted is None or pasted.is_blank):
        return UploadOutcome(chosen=False)
    items, errors = read_inputs(files, pasted)
    before = store.load_events(folder)
    outcome = UploadOutcome(files=len(files), events_before=len(before), events_after=len(before),
                            errors=[str(e) for e in errors])
    if not items:
        return outcome
    try:
        access.check_writable(f"adding {_plural(len(items), 'article')} to {folder}")
        result = ingest.ingest_articles(items, folder, workers=1, rule=rule)
    except store.StoreError as err:
        outcome.refused = str(err)
        return outcome
    after = store.load_events(folder)
    outcome.articles_read, outcome.articles_new = result.articles_read, result.articles_new
    outcome.articles_known, outcome.reports_new = result.articles_known, result.reports_new
    outcome.skipped = list(result.skipped)
    outcome.events_after = len(after)
    outcome.changed = changed_incidents(before, after)
    outcome.errors += [str(e) for e in result.errors]
    return outcome
