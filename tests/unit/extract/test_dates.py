"""Dates: absolute forms as written, relative forms against the right anchor, no false months."""

import pytest

from eventdesk.extract.dates import DateReader


def read(sentence: str, published: str | None = None) -> list[tuple[str | None, str]]:
    return [(m.value, m.precision) for m in DateReader(published).read(sentence)]


ABSOLUTE = [
    ("month-day-year", "The attack in the city on January 3, 2024, killed dozens.", [("2024-01-03", "day")]),
    ("day-month-year", "On 28 April 2020, fighters attacked a base.", [("2020-04-28", "day")]),
    ("iso", "Reported 2021-07-14 by the local council.", [("2021-07-14", "day")]),
    ("month-year", "In March 2022 the rebels took the town.", [("2022-03", "month")]),
    ("year-only", "In 2008 a similar attack hit the hotel.", [("2008", "year")]),
    ("upper-case-wire", "SAN SALVADOR, 12 JAN 90 (RADIO) -- THE ARMY REPORTED", [("1990-01-12", "day")]),
    ("overnight-span", "On the night of 4 to 5 December 2021 the camp was shelled.", [("2021-12-04", "day")]),
    ("abbreviated-month", "The convoy was hit on Sept. 9, 2019.", [("2019-09-09", "day")]),
    ("slashes-month-first", "07/04/2019: Gunmen attacked a bus near Zalingei.", [("2019-07-04", "day")]),
    ("slashes-day-first-when-it-must-be", "On 23/08/2019 a mortar hit the camp.", [("2019-08-23", "day")]),
]


@pytest.mark.parametrize("sentence,expected", [c[1:] for c in ABSOLUTE], ids=[c[0] for c in ABSOLUTE])
def test_absolute_dates(sentence, expected):
    assert read(sentence) == expected


RELATIVE = [
    ("weekday-before-published", "Gunmen killed two officers on Tuesday.", "2021-03-11", [("2021-03-09", "day")]),
    ("weekday-same-day", "The blast happened late Thursday.", "2021-03-11", [("2021-03-11", "day")]),
    ("yesterday", "A bomb exploded yesterday.", "2021-03-11", [("2021-03-10", "day")]),
    ("today", "Police said today that three died.", "2021-03-11", [("2021-03-11", "day")]),
    ("last-week", "The raid took place last week.", "2021-03-18", [("2021-03", "month")]),
    ("last-month", "The village was attacked last month.", "2021-03-18", [("2021-02", "month")]),
    ("day-month-takes-published-year", "The attack on July 1 killed four.", "2021-08-02", [("2021-07-01", "day")]),
    ("no-anchor", "The attack happened on Friday.", None, [(None, "unknown")]),
    ("sentence-initial-last-week", "Last week, gunmen attacked a checkpoint.", "2023-06-14", [("2023-06", "month")]),
    ("sentence-initial-next-day", "The next day, rebels shelled the port.", "2023-06-14", [("2023-06-15", "day")]),
]


@pytest.mark.parametrize("sentence,published,expected", [c[1:] for c in RELATIVE], ids=[c[0] for c in RELATIVE])
def test_relative_dates(sentence, published, expected):
    assert read(sentence, published) == expected


def test_day_later_resolves_against_last_explicit_date():
    reader = DateReader(None)
    reader.read("The market was bombed on 14 June 2019.")
    (mention,) = reader.read("The group claimed the bombing a day later.")
    assert (mention.value, mention.precision) == ("2019-06-15", "day")


NOT_DATES = [
    ("no-such-slash-date", "The ratio was 13/13/2020 in the report."),
    ("modal-may", "The militants may strike again."),
    ("verb-march", "Protesters will march to the capital."),
    ("number-not-year", "Some 2500 troops were deployed."),
]


@pytest.mark.parametrize("sentence", [c[1] for c in NOT_DATES], ids=[c[0] for c in NOT_DATES])
def test_words_that_are_not_dates(sentence):
    assert read(sentence, "2021-03-11") == []


def test_sentence_initial_day_later():
    reader = DateReader(None)
    reader.read("The ceasefire collapsed on 13 November 2023.")
    (mention,) = reader.read("A day later, fighters attacked two police posts.")
    assert mention.value == "2023-11-14"
