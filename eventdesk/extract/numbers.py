"""Reading numbers written as digits or words ("84", "1,200", "twenty-five", "two dozen")."""

from __future__ import annotations

import re

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
# A number: digits, or words up to the thousands, or "(a|two) dozen".
NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+"
    rf"|(?:(?:{_TENS})(?:[- ](?:{_SMALL}))?|{_SMALL}|a|an)\s+(?:hundred|thousand)(?:\s+(?:and\s+)?"
    rf"(?:(?:{_TENS})(?:[- ](?:{_SMALL}))?|{_SMALL}))?"
    rf"|(?:a|two|three|four|half\s+a)\s+dozen"
    rf"|(?:{_TENS})(?:[- ](?:{_SMALL}))?|{_SMALL}|ten)"
)
NUMBER_RE = re.compile(rf"\b{NUMBER}\b", re.IGNORECASE)


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
