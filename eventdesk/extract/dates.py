"""Dates of events: absolute dates as written and relative ones resolved against an anchor.

Absolute forms: "January 3, 2024", "3 January 2024", "Jan. 3", "12 JAN 90", "2024-01-03",
"on 20/06" (day and month, as coders write them), "in March 2022" (month precision), "in 2008"
(year precision); a range ("24-26 June", "between 4 and 5 December") gives its first day, and
its last as `until`. Relative forms: "today", "yesterday", "on Tuesday", "late Sunday", "a day
later", "the next day", "two days earlier", "last week", "earlier this month", "last month".
Weekdays, today and yesterday are resolved against the publication date (the most recent such
weekday on or before it); "later" and "earlier" against the last explicit date before them in the
text. Nothing resolves against the clock: with no anchor a relative date stays unknown.

Every mention names the rule that read it and its role: the day of the event, the day of a
statement about it ("authorities said Wednesday"), the start of a period ("since April 2018"),
or the date of the report (a byline, "Posted: Monday, February 2", or a bulletin's "week ending
11 June"), which is never the event's. `best_date` prefers the event's day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from eventdesk import schema
from eventdesk.extract.rules import Rule, rule

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_MONTH = (r"(?P<{g}>(?i:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec))\.?")
# A year: four digits, or two after an apostrophe, or two that end the date ("12 JAN 90 --"), never the start of
# what follows ("On Oct. 23, 40-year-old ...", "May 5, 12 people").
_YEAR = r"(?P<{g}>(?:19|20)\d\d(?![\d-])|'\d\d\b|\d\d(?=\s*(?:[,.;:()\[\]]|--|$)))"
# Wire copy writes "ON 9 JAN 90 THE GUERRILLAS ...": after a day and a month, two digits before a word in capitals.
_YEAR_AFTER_DAY = _YEAR.replace("|$)))", "|$)|\\s+[A-Z]{{2,}}\\b))")
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_SPAN = r"(?:\s*(?:-|–|to|and)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?)?"
_CASE = 0  # rules whose month names carry their own case: "May" is a month only as a name

_RULES: tuple[tuple[str, Rule], ...] = (
    ("iso", rule("dates.iso", r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b",
                 ["Reported 2021-07-14 by the council"])),
    # "05/06/2021": month first, as the Global Terrorism Database writes its summaries' dates, unless the
    # first number cannot be a month ("28/04/2020").
    ("slash", rule("dates.slash", r"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d)(?![\d/])",
                   ["07/04/2019: Gunmen attacked a bus", "On 23/08/2019 a mortar hit the camp"])),
    # Day before month first, so that "31 Jan 13" is not read as "Jan 13".
    ("dmy", rule("dates.day_month", rf"\b{_DAY.format(g='d')}{_SPAN}\s+(?:of\s+)?{_MONTH.format(g='mon')}"
                                    rf"(?:,?\s+{_YEAR_AFTER_DAY.format(g='y')})?\b",
                 ["On 28 April 2020, fighters attacked", "SAN SALVADOR, 12 JAN 90 (RADIO)", "over 24-26 June 2020",
                  "Around 9 May 2020 (as reported)", "ON 9 JAN 90 THE GUERRILLAS ATTACKED"], flags=_CASE)),
    ("mdy", rule("dates.month_day", rf"\b{_MONTH.format(g='mon')}\s+{_DAY.format(g='d')}{_SPAN}"
                                    rf"(?:,?\s+{_YEAR.format(g='y')})?\b",
                 ["on January 3, 2024", "on Sept. 9, 2019", "On Oct. 23, 40-year-old John Smith", "June 24-26"],
                 flags=_CASE)),
    # "on 20/06": day and month with no year, as coders' notes write them; only after a preposition, so that
    # "24/7" is no date.
    ("dm_slash", rule("dates.day_slash_month",
                      r"\b(?:on|since|from|until|by|dated|of|and|between)\s+(?P<d>[0-3]?\d)/(?P<m>[01]?\d)(?![\d/])",
                      ["On 20/06, militia members attacked a village"], counterexamples=["open 24/7"])),
    ("my", rule("dates.month_year",
                rf"\b(?i:in|during|since|of|early|late|mid-?|by|until)\s+(?i:early\s+|late\s+|mid-?)?"
                rf"{_MONTH.format(g='mon')},?\s+(?P<y>(?:19|20)\d\d)\b",
                ["In March 2022 the rebels took the town"], flags=_CASE)),
    ("my2", rule("dates.month_year_start", rf"^\s*{_MONTH.format(g='mon')},?\s+(?P<y>(?:19|20)\d\d)\b",
                 ["March 2022: clashes in the north"], flags=_CASE)),
    ("y", rule("dates.year", r"\b(?:[Ii]n|[Dd]uring|[Ss]ince)\s+(?P<y>(?:19|20)\d\d)\b(?!\s*[-/])",
               ["In 2008 a similar attack hit the hotel"], flags=_CASE)),
    ("rel_days", rule("dates.days_offset",
                      r"\b(?P<n>a|one|two|three|four|five|six|seven|\d)\s+days?\s+(?P<dir>later|after|earlier|before|ago)\b",
                      ["The group claimed the bombing a day later", "two days ago"])),
    ("next_day", rule("dates.next_day",
                      r"\b(?:the\s+(?:next|following)\s+(?:day|morning|evening|night)|the\s+day\s+after)\b",
                      ["The next day, rebels shelled the port"])),
    ("today", rule("dates.today", r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b",
                   ["Police said today that three died"])),
    ("yesterday", rule("dates.yesterday", r"\b(?:yesterday|last\s+night)\b", ["A bomb exploded yesterday"])),
    ("weekday", rule("dates.weekday",
                     r"\b(?:on\s+|late\s+|early\s+|last\s+|since\s+|during\s+|by\s+)?"
                     r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|"
                     r"THURSDAY|FRIDAY|SATURDAY|SUNDAY)\b",
                     ["Gunmen killed two officers on Tuesday", "The blast happened late Thursday"], flags=_CASE)),
    ("last_week", rule("dates.last_week", r"\blast\s+week\b", ["The raid took place last week"])),
    ("this_month", rule("dates.this_month", r"\bearlier\s+this\s+month\b", ["It happened earlier this month"])),
    ("last_month", rule("dates.last_month", r"\blast\s+month\b", ["The village was attacked last month"])),
)
_EXPLICIT = {"iso", "slash", "mdy", "dmy", "dm_slash", "my", "my2", "y"}
_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}

# "the toll rose to 506 since April 2018": the start of a period the text counts over.
SINCE = rule("dates.since", r"\b(?i:since|starting|from)\s+(?:early\s+|late\s+|mid-?)?$", ["506 dead since "],
             counterexamples=["killed on "])
# A date right after a verb of saying is the day something was said: "authorities said Wednesday that ...".
STATEMENT_BEFORE = rule(
    "dates.statement_before",
    r"\b(?:said|says|say|told|announced|reported|confirmed|stated|added|disclosed|revealed|noted|explained|"
    r"warned|claimed|denied|wrote|tweeted|posted|declared|insisted)\s+(?:on\s+|late\s+|early\s+|in\s+a\s+statement\s+)?$",
    ["Authorities said ", "the ministry announced on "], counterexamples=["she died "])
# "Police on Wednesday said": the date between the speaker and the verb of saying.
STATEMENT_AFTER = rule(
    "dates.statement_after",
    r"^\s*(?:morning|afternoon|evening|night)?\s*(?:said|says|told|announced|reported|confirmed|stated|disclosed)\b",
    [" said that two men were held", " morning told reporters"], counterexamples=[" gunmen attacked"])
# The date of the report, not of the event: a byline ("Posted: Monday, February 2", "Updated 3:15 PM ET Tuesday"),
# a bulletin's date ("week ending 11 June", "as of 19:30, 14 October", "issued on 18 May"). What precedes the date
# is the report's word and other parts of a date or a time.
REPORT_DATE = rule(
    "dates.report_date",
    r"(?:\b(?:Posted|Updated|Published|Last\s+[Uu]pdated|First\s+[Pp]ublished|Last\s+[Mm]odified|POSTED|UPDATED)\b"
    r"(?:\s+(?:on|at))?|\b(?i:week\s+ending|as\s+of|issued\s+on|updated\s+on|published\s+on))\s*:?\s*"
    r"(?:(?:\d{1,2}:\d\d|\d{1,4}|[AaPp]\.?[Mm]\.?|[A-Z][a-z]{2,8}\.?|[ECMP][SD]?T|GMT|UTC|BST),?\s*){0,6}$",
    ["Posted: ", "Updated 3:15 PM ", "Published Tuesday, ", "Updated 3:15 PM ET ", "Security report - Week Ending ",
     "based on information received as of 19:30, "], flags=_CASE,
    counterexamples=["Gunmen attacked the post on ", "Updated figures showed on "])


@dataclass(frozen=True)
class DateMention:
    """A date phrase: `value` is YYYY-MM-DD, YYYY-MM or YYYY; `precision` day, month, year or unknown; `until`
    the last day of a range; `rule` the rule that read it; `role` "event", "statement" (the day something was
    said), "since" (the start of a period counted over) or "report" (the date of the report: a byline, a
    bulletin's "as of")."""

    start: int
    end: int
    text: str
    value: str | None
    precision: str
    explicit: bool
    rule: str | None = None
    role: str = "event"
    until: str | None = None


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


def _role(sentence: str, start: int, end: int) -> str:
    before = sentence[max(0, start - 80):start]
    first_word = sentence[start:end].split(" ", 1)[0]  # a rule may hold the preposition: "since April 2018"
    if REPORT_DATE.search(before):
        return "report"
    if SINCE.search(before) or SINCE.search(f"{before}{first_word} "):
        return "since"
    if STATEMENT_BEFORE.search(before) or STATEMENT_AFTER.match(sentence[end:end + 30]):
        return "statement"
    return "event"


class DateReader:
    """Reads dates sentence by sentence, keeping the anchor for relative dates."""

    def __init__(self, published: str | None = None):
        self.published = date.fromisoformat(published) if published else None
        self.anchor: date | None = None

    def read(self, sentence: str, offset: int = 0) -> list[DateMention]:
        """Date mentions of one sentence, in text order; explicit full dates of the event become the anchor, and
        a report's date (a byline's) is the publication date when none is known."""
        mentions: list[DateMention] = []
        taken: list[tuple[int, int]] = []
        for kind, made in _RULES:
            for match in made.finditer(sentence):
                if any(s < match.end() and match.start() < e for s, e in taken):
                    continue
                mention = self._mention(kind, made, match, sentence, offset)
                if mention is not None:
                    taken.append(match.span())
                    mentions.append(mention)
        mentions.sort(key=lambda m: m.start)
        byline = next((m for m in mentions if m.role == "report" and m.precision == "day"), None)
        if byline is not None and self.published is None:
            # A byline and the story in one line ("Posted: Monday, February 2, 2015 A man was shot Sunday"):
            # the story's relative dates count from the byline's.
            self.published = date.fromisoformat(byline.value)
            return self.read(sentence, offset)
        for mention in mentions:
            if mention.explicit and mention.precision == "day" and mention.role != "report":
                self.anchor = date.fromisoformat(mention.value)
        return mentions

    def _mention(self, kind: str, made: Rule, match: re.Match, sentence: str, offset: int) -> DateMention | None:
        value, precision = self._resolve(kind, match, sentence)
        if precision is None:
            return None
        mention = DateMention(offset + match.start(), offset + match.end(), match.group(0), value, precision,
                              kind in _EXPLICIT, made.name, _role(sentence, *match.span()))
        return replace(mention, until=_until(match, value, precision))

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

    def _in_reference_year(self, year: int | None, month: int | None, day: int) -> tuple[str | None, str | None]:
        """A day and month, in the year written or else the reference year (a date after the publication moves to
        the year before)."""
        guessed = year is None
        year = year or self._base_year()
        found = _safe_date(year, month, day)
        if found is None:
            return (None, "unknown") if guessed else (None, None)
        if guessed and self.published and found > self.published:
            found = _safe_date(found.year - 1, found.month, found.day) or found
        return found.isoformat(), "day"

    def _day_month(self, match):
        return self._in_reference_year(_year(match.group("y"), None), _month(match.group("mon")), int(match.group("d")))

    _mdy = _day_month
    _dmy = _day_month

    def _dm_slash(self, match):
        day, month = int(match.group("d")), int(match.group("m"))
        if not 1 <= month <= 12:
            return None, None
        return self._in_reference_year(None, month, day)

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


def _until(match: re.Match, value: str | None, precision: str) -> str | None:
    """The last day of a range ("24-26 June" until the 26th), in the month and year of its first day."""
    if precision != "day" or not value or "d2" not in match.re.groupindex or not match.group("d2"):
        return None
    first = date.fromisoformat(value)
    last = _safe_date(first.year, first.month, int(match.group("d2")))
    return last.isoformat() if last is not None and last > first else None


_ROLE_RANK = {"event": 0, "statement": 1, "since": 2}
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


def best_date(mentions: list[DateMention]) -> DateMention | None:
    """The date of the event: the most precise resolved date of the event (earliest on ties), else the day of a
    statement about it, else the start of a period; never the date of a report."""
    resolved = [m for m in mentions if m.value and m.role != "report"]
    if not resolved:
        return None
    return min(resolved, key=lambda m: (_ROLE_RANK[m.role], _PRECISION_RANK.get(m.precision, 3), m.start))


# What a date that is not the event's own day stands for, said in its reason.
_ROLE_NOTE = {"statement": "the day of a statement about it", "since": "the start of the period it counts over"}


def date_reason(mention: DateMention) -> str:
    """Why an event has this date: the rule, the words it read and their offsets in the article, and the role
    of a date that is not the event's own day ('dates.weekday "on Tuesday" at 88-98 (the day of a statement
    about it)')."""
    reason = f'{mention.rule or "dates"} "{mention.text}" at {mention.start}-{mention.end}'
    note = _ROLE_NOTE.get(mention.role)
    return f"{reason} ({note})" if note else reason


def date_columns(mention: DateMention | None) -> dict:
    """The event-table columns of a date: value, precision, its reason (`date_reason`) and the last day of a
    range; none for no resolved date."""
    if mention is None or not mention.value:
        return {}
    return {schema.DATE: mention.value, schema.DATE_PRECISION: mention.precision,
            schema.DATE_REASON: date_reason(mention), schema.DATE_UNTIL: mention.until}
