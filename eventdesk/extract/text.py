"""Splitting article text into sentences with their character offsets.

A cheap rule splitter: it runs on every article, so it must be fast; the statistical
pipeline later runs only on the sentences that carry an event. A single line break starts a
sentence (a title, a list item) except in upper-case wire copy, whose lines are hard-wrapped
in mid-sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "pvt", "gov", "sen", "rep",
    "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "vs", "etc", "inc", "corp", "ltd", "co", "jr", "sr", "prof", "rev", "fr", "adm", "brig", "cmdr",
    "approx", "est", "km", "mt", "ft", "pres", "amb", "supt", "insp", "lt.-col",
}
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z\"“])")
_CLOSING = set(".!?\"'”’)]")
_INITIALS = re.compile(r"(?:\b[A-Z]\.){1,3}$")
_AGE = re.compile(r"(?:\d|\b)y\.\s?o\.$")  # "34y.o. Ivan Petrenko killed": an age, not a sentence end


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


def is_upper_case(text: str) -> bool:
    """Whether a text is written in capitals (wire copy of the 1980s and 1990s, some telex feeds)."""
    head = text[:400]
    letters = sum(map(str.isalpha, head))
    return letters >= 12 and sum(map(str.isupper, head)) > 0.8 * letters


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` with offsets such that text[start:end] == sentence.text."""
    sentences: list[Sentence] = []
    start = 0
    wrapped = is_upper_case(text)
    for match in _BOUNDARY.finditer(text):
        cut = match.start()
        if _is_abbreviation(text[start:cut]) and "\n" not in match.group(0):
            continue
        if wrapped and match.group(0) == "\n" and text[cut - 1:cut] not in _CLOSING:
            continue
        _append(sentences, text, start, cut)
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


def _is_abbreviation(chunk: str) -> bool:
    word = chunk.rsplit(None, 1)[-1] if chunk.strip() else ""
    if _INITIALS.search(word) and len(word) <= 6 or _AGE.search(word):
        return True
    return word.rstrip(".").lower() in _ABBREVIATIONS and word.endswith(".")


# A "sentence" longer than this (a page without punctuation, a run of digits) is read in pieces cut at a
# space, so that no rule or model sees more at once than a long real sentence.
MAX_SENTENCE_CHARS = 5_000


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        _append(sentences, text, start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        sentences.append(Sentence(text[start:end], start, end))


def is_noise(text: str) -> bool:
    """Whether a long sentence is no prose and reports nothing: one word or phrase said over and over
    ("bomb bomb bomb ...", fewer than one word in six differs from all before it), or a run of characters
    with hardly a space (words 40 characters long on average)."""
    words = text.split()
    if len(text) >= 1_000 and len(words) * 40 < len(text):
        return True
    return len(words) >= 100 and len(set(words)) * 6 < len(words)
