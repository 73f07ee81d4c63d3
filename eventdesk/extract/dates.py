"""Dates of events: absolute dates as written and relative ones resolved against an anchor.

Absolute forms: "January 3, 2024", "3 January 2024", "Jan. 3", "12 JAN 90", "2024-01-03",
"in March 2022" (month precision), "in 2008" (year precision). Relative forms: "today",
"yesterday", "on Tuesday", "late Sunday", "a day later", "the next day", "two days earlier",
"last week", "earlier this month", "last month". Weekdays, today and yesterday are resolved
against the publication date (the most recent such weekday on or before it); "later" and
"earlier" against the last explicit date before them in the text. Nothing resolves against
the clock: with no anchor a relative date stays unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_MONTH = (r"(?P<{g}>(?i:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec))\.?")
_YEAR = r"(?P<{g}>(?:19|20)\d\d|'?\d\d)"
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"

_PATTERNS = [
    ("iso", r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    # "05/06/2021": month first, as the Global Terrorism Database writes its summaries' dates, unless the
    # first number cannot be a month ("28/04/2020").
    ("slash", r"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d)(?![\d/])"),
    ("mdy", rf"\b{_MONTH.format(g='mon')}\s+{_DAY.format(g='d')}(?:\s*(?:-|to|and)\s*[0-3]?\d)?"
            rf"(?:,?\s+{_YEAR.format(g='y')})?\b"),
    ("dmy", rf"\b{_DAY.format(g='d')}(?:\s*(?:-|to|and)\s*[0-3]?\d)?\s+(?:of\s+)?{_MONTH.format(g='mon')}"
            rf"(?:,?\s+{_YEAR.format(g='y')})?\b"),
    ("my", rf"\b(?i:in|during|since|of|early|late|mid-?|by|until)\s+(?i:early\s+|late\s+|mid-?)?"
           rf"{_MONTH.format(g='mon')}"
           rf",?\s+(?P<y>(?:19|20)\d\d)\b"),
    ("my2", rf"^\s*{_MONTH.format(g='mon')},?\s+(?P<y>(?:19|20)\d\d)\b"),
    ("y", r"\b(?:[Ii]n|[Dd]uring|[Ss]ince)\s+(?P<y>(?:19|20)\d\d)\b(?!\s*[-/])"),
    ("rel_days", r"\b(?P<n>a|one|two|three|four|five|six|seven|\d)\s+days?\s+"
                 r"(?P<dir>later|after|earlier|before|ago)\b"),
    ("next_day", r"\b(?:the\s+(?:next|following)\s+(?:day|morning|evening|night)|the\s+day\s+after)\b"),
    ("today", r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b"),
    ("yesterday", r"\b(?:yesterday|last\s+night)\b"),
    ("weekday", r"\b(?:on\s+|late\s+|early\s+|last\s+|since\s+|during\s+|by\s+)?"
                r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|"
                r"Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)\b"),
    ("last_week", r"\blast\s+week\b"),
    ("this_month", r"\bearlier\s+this\s+month\b"),
    ("last_month", r"\blast\s+month\b"),
]
_CASELESS = {"iso", "slash", "rel_days", "next_day", "today", "yesterday", "last_week", "this_month", "last_month"}
_REGEX = [(kind, re.compile(pattern, re.IGNORECASE if kind in _CASELESS else 0)) for kind, pattern in _PATTERNS]
_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


@dataclass(frozen=True)
class DateMention:
    """A date phrase: `value` is YYYY-MM-DD, YYYY-MM or YYYY; `precision` day, month, year or unknown."""

    start: int
    end: int
    text: str
    value: str | None
    precision: str
    explicit: bool


def _year(raw: str | None, fallback: int | None) -> int | None:
    if raw is None:
        return fallback
    raw = raw.lstrip("'")
    if len(raw) == 2:
        number = int(raw)
        return 1900 + number if number >= 40 else 2000 + number
    return int(raw)


def _month(raw: str) -> int | None:
    return MONTHS.get(raw.lower().rstrip("."))


def _safe_date(year: int | None, month: int | None, day: int | None) -> date | None:
    if not (year and month and day):
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_ok(match: re.Match, text: str) -> bool:
    """'May' and 'March' are months only next to a number; ALL-CAPS months need an all-caps text."""
    raw = match.group("mon")
    if raw.isupper() and not text.isupper():
        return False
    return raw[0].isupper()


class DateReader:
    """Reads dates sentence by sentence, keeping the anchor for relative dates."""

    def __init__(self, published: str | None = None):
        self.published = date.fromisoformat(published) if published else None
        self.anchor: date | None = None

    def read(self, sentence: str, offset: int = 0) -> list[DateMention]:
        """Date mentions of one sentence, in text order; explicit full dates become the anchor."""
        mentions: list[DateMention] = []
        taken: list[tuple[int, int]] = []
        flags_text = sentence
        for kind, regex in _REGEX:
            for match in regex.finditer(flags_text):
                if any(s < match.end() and match.start() < e for s, e in taken):
                    continue
                mention = self._mention(kind, match, sentence, offset)
                if mention is not None:
                    taken.append(match.span())
                    mentions.append(mention)
        mentions.sort(key=lambda m: m.start)
        for mention in mentions:
            if mention.explicit and mention.precision == "day":
                self.anchor = date.fromisoformat(mention.value)
        return mentions

    def _mention(self, kind: str, match: re.Match, sentence: str, offset: int) -> DateMention | None:
        value, precision = self._resolve(kind, match, sentence)
        if precision is None:
            return None
        explicit = kind in ("iso", "slash", "mdy", "dmy", "my", "my2", "y")
        return DateMention(offset + match.start(), offset + match.end(), match.group(0), value, precision, explicit)

    def _resolve(self, kind: str, match: re.Match, sentence: str) -> tuple[str | None, str | None]:
        if kind in ("mdy", "dmy", "my", "my2") and not _month_ok(match, sentence):
            return None, None
        handler = getattr(self, f"_{kind}")
        return handler(match)

    def _base_year(self) -> int | None:
        if self.published:
            return self.published.year
        return self.anchor.year if self.anchor else None

    def _iso(self, match):
        found = _safe_date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
        return (found.isoformat(), "day") if found else (None, None)

    def _slash(self, match):
        first, second = int(match.group("a")), int(match.group("b"))
        month, day = (second, first) if first > 12 else (first, second)
        found = _safe_date(int(match.group("y")), month, day)
        return (found.isoformat(), "day") if found else (None, None)

    def _day_month(self, match):
        year = _year(match.group("y"), None)
        guessed = year is None
        year = year or self._base_year()
        found = _safe_date(year, _month(match.group("mon")), int(match.group("d")))
        if found is None:
            return (None, "unknown") if guessed else (None, None)
        if guessed and self.published and found > self.published:
            found = _safe_date(found.year - 1, found.month, found.day) or found
        return found.isoformat(), "day"

    _mdy = _day_month
    _dmy = _day_month

    def _my(self, match):
        month = _month(match.group("mon"))
        return f"{int(match.group('y')):04d}-{month:02d}", "month"

    _my2 = _my

    def _y(self, match):
        return match.group("y"), "year"

    def _rel_days(self, match):
        base = self.anchor or self.published
        if base is None:
            return None, "unknown"
        count = _NUMBER_WORDS.get(match.group("n").lower()) or int(match.group("n"))
        sign = 1 if match.group("dir").lower() in ("later", "after") else -1
        if match.group("dir").lower() == "ago":
            base = self.published or base
        return (base + timedelta(days=sign * count)).isoformat(), "day"

    def _next_day(self, match):
        base = self.anchor or self.published
        return ((base + timedelta(days=1)).isoformat(), "day") if base else (None, "unknown")

    def _today(self, match):
        return (self.published.isoformat(), "day") if self.published else (None, "unknown")

    def _yesterday(self, match):
        return ((self.published - timedelta(days=1)).isoformat(), "day") if self.published else (None, "unknown")

    def _weekday(self, match):
        base = self.published or self.anchor
        if base is None:
            return None, "unknown"
        back = (base.weekday() - WEEKDAYS[match.group("wd").lower()]) % 7
        if match.group(0).lower().startswith("last") and back == 0:
            back = 7
        return (base - timedelta(days=back)).isoformat(), "day"

    def _last_week(self, match):
        if self.published is None:
            return None, "unknown"
        monday = self.published - timedelta(days=self.published.weekday() + 7)
        sunday = monday + timedelta(days=6)
        if monday.month != sunday.month:
            return None, "unknown"
        return monday.strftime("%Y-%m"), "month"

    def _this_month(self, match):
        return (self.published.strftime("%Y-%m"), "month") if self.published else (None, "unknown")

    def _last_month(self, match):
        if self.published is None:
            return None, "unknown"
        first = self.published.replace(day=1) - timedelta(days=1)
        return first.strftime("%Y-%m"), "month"


def best_date(mentions: list[DateMention]) -> DateMention | None:
    """The most precise resolved date among mentions (earliest on ties)."""
    rank = {"day": 0, "month": 1, "year": 2}
    resolved = [m for m in mentions if m.value]
    return min(resolved, key=lambda m: (rank.get(m.precision, 3), m.start)) if resolved else None
