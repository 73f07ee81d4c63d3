"""Numbers as digits and words, and the digits that are never a count (clocks, ages, addresses)."""

import pytest

from eventdesk.extract.numbers import NUMBER_RE, parse_number


@pytest.mark.parametrize("text,value", [
    pytest.param("84", 84, id="digits"),
    pytest.param("1,200", 1200, id="thousands-separator"),
    pytest.param("Seventeen", 17, id="capitalised-word"),
    pytest.param("twenty-five", 25, id="hyphenated-tens"),
    pytest.param("two dozen", 24, id="dozens"),
    pytest.param("half a dozen", 6, id="half-a-dozen"),
    pytest.param("four hundred and ten", 410, id="hundreds"),
    pytest.param("three thousand", 3000, id="thousands"),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_a_word_that_is_no_number():
    assert parse_number("several") is None


@pytest.mark.parametrize("sentence,found", [
    pytest.param("Police said 14 people were killed.", "14", id="a-count"),
    pytest.param("Gunmen kill 11: witnesses", "11", id="before-a-colon-and-space"),
    pytest.param("The blast wounded twenty-two.", "twenty-two", id="words"),
])
def test_counts_are_found(sentence, found):
    assert NUMBER_RE.search(sentence).group(0) == found


@pytest.mark.parametrize("sentence", [
    pytest.param("Watch the video (0:52) of the scene", id="video-length"),
    pytest.param("Officers arrived at 9:30 p.m. on Friday", id="clock-time"),
    pytest.param("The pharmacy is open 24/7", id="schedule"),
    pytest.param("The raid took place on 20/06", id="day-and-month"),
    pytest.param("a 40-year-old man", id="age-in-digits"),
    pytest.param("a forty-year-old man", id="age-in-words"),
    pytest.param("in the 4500 block of Main Street", id="street-block"),
    pytest.param("a 12-hour siege", id="duration"),
    pytest.param("a $40 fine", id="money"),
    pytest.param("a 2.5 magnitude tremor", id="decimal"),
    pytest.param("at 1600 GMT", id="wire-time"),
    pytest.param("the G7 summit", id="part-of-a-name"),
    pytest.param("20 percent of the vote", id="percentage"),
])
def test_digits_that_are_not_counts(sentence):
    assert NUMBER_RE.search(sentence) is None
