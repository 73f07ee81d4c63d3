"""Reading numbers written as digits or words ("84", "1,200", "twenty-five", "two dozen").

A count is never part of a clock time ("9:30 p.m.", a video length "0:52"), a ratio or a
schedule ("24/7", "20/06"), a decimal or an amount ("2.5", "$40"), an age ("a 40-year-old"),
a street address ("the 4500 block") or a word ("G7"): `NUMBER` refuses digits in those places,
so that no pattern built on it reads them as people.
"""

from __future__ import annotations

import re

from eventdesk.extract.rules import rule

UNITS = {
    "zero": 0, "no": 0, "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "both": 2, "couple": 2,
}
SCALES = {"hundred": 100, "thousand": 1000}
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SMALL = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen"
)
# Digits that are a count: not glued to a letter, a clock, a slash, a decimal point or a currency sign, and
# not followed by what makes them a time, an age, a span or an address ("9:30", "40-year-old", "4500 block").
_NOT_BEFORE = r"(?<![\w.$£€#+-])(?<!\d[:/])"
_NOT_AFTER = (r"(?!\w|[:/.,]\d|-(?:year|month|week|day|hour|minute|second|storey|story|km|kilomet|mile|metre|meter|"
              r"point|man|member|strong|seat)|\s*(?:%|percent|per cent|[ap]\.?m\b\.?|GMT\b|hrs\b|"
              r"(?:block|years?\s+old|years?\s+ago)\b))")
_DIGITS = rf"{_NOT_BEFORE}(?:\d{{1,3}}(?:,\d{{3}})+|\d+){_NOT_AFTER}"
# A number: digits, or words up to the thousands, or "(a|two) dozen".
NUMBER = (
    rf"(?:{_DIGITS}"
    rf"|(?:(?:{_TENS})(?:[- ](?:{_SMALL}))?|{_SMALL}|a|an)\s+(?:hundred|thousand)(?:\s+(?:and\s+)?"
    rf"(?:(?:{_TENS})(?:[- ](?:{_SMALL}))?|{_SMALL}))?"
    rf"|(?:a|two|three|four|half\s+a)\s+dozen|dozen(?![\w-])"
    rf"|(?:{_TENS})(?:[- ](?:{_SMALL}))?(?!-year)|(?:{_SMALL})(?!-year))"
)
NUMBER_RE = rule(
    "numbers.count", rf"(?<![\w-]){NUMBER}(?![\w-])",
    ["84 people", "1,200 residents", "twenty-five soldiers", "two dozen villagers", "four hundred and ten",
     "killed 3.", "(12)", "Gunmen kill 11: witnesses", "Hermosillo, Sonora:2 killed",
     "airstrikes kill dozen Houthi rebels"],
    counterexamples=["a video of 0:52", "at 9:30 p.m. on Friday", "open 24/7", "on 20/06", "a 40-year-old man",
                     "a forty-year-old man", "in the 4500 block of Main Street", "a 2.5 magnitude", "$40",
                     "the G7 summit", "at 1600 GMT", "a 12-hour siege", "20 percent"])


def parse_number(text: str) -> int | None:
    """The integer a number phrase denotes, or None ("84" -> 84, "two dozen" -> 24)."""
    cleaned = text.strip().lower().replace(",", "")
    if cleaned.isdigit():
        return int(cleaned)
    if cleaned == "half a dozen":
        return 6
    total, current = 0, 0
    for word in re.split(r"[\s-]+", cleaned):
        if word == "and":
            continue
        if word in UNITS:
            value = UNITS[word]
            current = current * value if word == "dozen" and current else current + value
        elif word in SCALES:
            current = max(current, 1) * SCALES[word]
            if SCALES[word] == 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current
