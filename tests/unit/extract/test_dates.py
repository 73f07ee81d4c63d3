"""Dates: absolute forms as written, relative forms against the right anchor, no false months."""

import pytest

from eventdesk.extract.dates import DateReader, best_date


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
    ("around-as-reported", "Around 9 May 2020 (as reported), gunmen killed a trader in Gao.", [("2020-05-09", "day")]),
    ("day-before-month-short-year", "Programme summary of the evening news 1600 gmt 31 Jan 13",
     [("2013-01-31", "day")]),
    ("age-is-not-a-year", "On Oct. 23, 2019, 40-year-old John Smith was shot.", [("2019-10-23", "day")]),
    ("upper-case-day-month-year", "ON 9 JAN 90 THE GUERRILLAS ATTACKED A POST.", [("1990-01-09", "day")]),
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
    ("age-after-day-and-month", "On Oct. 23, 40-year-old John Smith was shot.", "2021-11-01",
     [("2021-10-23", "day")]),
    ("figure-after-day-and-month", "On May 5, 12 people were killed.", "2021-06-01", [("2021-05-05", "day")]),
    ("day-slash-month", "On 20/06, militia members attacked a village.", "2020-07-01", [("2020-06-20", "day")]),
    ("day-slash-month-before-published", "On 20/06, militia members attacked a village.", "2021-03-01",
     [("2020-06-20", "day")]),
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
    ("schedule-not-day-and-month", "The clinic is open 24/7."),
    ("clock-time", "Updated 3:15 PM"),
]


@pytest.mark.parametrize("sentence", [c[1] for c in NOT_DATES], ids=[c[0] for c in NOT_DATES])
def test_words_that_are_not_dates(sentence):
    assert read(sentence, "2021-03-11") == []


def test_sentence_initial_day_later():
    reader = DateReader(None)
    reader.read("The ceasefire collapsed on 13 November 2023.")
    (mention,) = reader.read("A day later, fighters attacked two police posts.")
    assert mention.value == "2023-11-14"


def best(text: str, published: str | None = None):
    found = best_date(DateReader(published).read(text))
    return (found.value, found.role) if found else None


@pytest.mark.parametrize("text,published,expected", [
    pytest.param("Authorities said Wednesday that a woman died Tuesday after being shot.", "2021-11-04",
                 ("2021-11-02", "event"), id="event-day-not-statement-day"),
    pytest.param("Police on Wednesday said two men were shot Tuesday night.", "2021-11-04", ("2021-11-02", "event"),
                 id="statement-day-between-speaker-and-verb"),
    pytest.param("Police said Wednesday that two men were wounded.", "2021-11-04", ("2021-11-03", "statement"),
                 id="statement-day-when-nothing-else"),
    pytest.param("Posted: Monday, February 2, 2015 10:00 am", None, None, id="byline-is-never-the-event"),
    pytest.param("Security report - Week Ending 11 June 2016", None, None, id="bulletin-week-ending"),
    pytest.param("The toll rose to 506 since April 2018; three died on 12 March 2019.", None,
                 ("2019-03-12", "event"), id="since-is-a-period-start"),
])
def test_the_day_of_the_event(text, published, expected):
    assert best(text, published) == expected


def test_a_byline_is_the_anchor_of_relative_dates():
    reader = DateReader(None)
    reader.read("Posted: Monday, February 2, 2015 10:00 am")
    (mention,) = reader.read("Gunmen killed two men on Sunday.")
    assert (mention.value, mention.role) == ("2015-02-01", "event")


@pytest.mark.parametrize("text,expected", [
    pytest.param("Over 24-26 June 2020, clashes killed five.", ("2020-06-24", "day", "2020-06-26"), id="day-range"),
    pytest.param("Between 4 and 5 December 2021 the camp was shelled.", ("2021-12-04", "day", "2021-12-05"),
                 id="between-and"),
    pytest.param("Fighting on June 24-26, 2020 killed five.", ("2020-06-24", "day", "2020-06-26"),
                 id="month-first-range"),
])
def test_a_range_gives_its_first_day_and_its_last(text, expected):
    (mention,) = DateReader(None).read(text)
    assert (mention.value, mention.precision, mention.until) == expected


def test_a_date_names_the_rule_that_read_it():
    (mention,) = DateReader("2021-03-11").read("Gunmen killed two officers on Tuesday.")
    assert mention.rule == "dates.weekday"
