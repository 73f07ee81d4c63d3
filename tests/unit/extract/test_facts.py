"""The cheap pass over an article's sentences, and what a sentence says about the incident before it."""

import pytest

from eventdesk.articles import Article
from eventdesk.extract.facts import read_sentences


def test_every_sentence_is_read_with_its_offsets():
    text = "A bomb killed four people in Quetta on Monday. The market reopened on Tuesday."
    first, second = read_sentences(Article(id="f", text=text, published="2024-03-06"))
    assert (first.index, second.index) == (0, 1)
    assert text[second.sentence.start:second.sentence.end] == second.sentence.text
    assert [(c.kind, c.count) for c in first.casualties] == [("killed", 4)]
    assert [d.value for d in first.dates] == ["2024-03-04"]
    assert [t.text for t in first.violent()] == ["bomb", "killed"]
    assert second.violent() == []


def test_a_datelines_date_is_the_report_date_not_the_events():
    (facts,) = read_sentences(Article(id="f", text="KABUL, 12 JAN 90 -- A BOMB KILLED TWO SOLDIERS YESTERDAY."))
    assert [d.value for d in facts.dates] == ["1990-01-11"]


def test_upper_case_copy_is_read_by_the_role_patterns_in_lower_case():
    (facts,) = read_sentences(Article(id="f", text="GUNMEN KILLED A JUDGE IN MEDELLIN."))
    assert facts.role_text == "gunmen killed a judge in medellin."


@pytest.mark.parametrize(("text", "reference", "refers_back"), [
    ("Police said the attack began at dawn.", True, True),
    ("Investigators said the device was hidden in a cart.", False, True),
    ("Gunmen stormed a hotel in the capital.", False, False),
], ids=["the-attack", "the-device", "a-new-incident"])
def test_a_sentence_that_refers_back(text, reference, refers_back):
    (facts,) = read_sentences(Article(id="f", text=text))
    assert (facts.is_reference(), facts.refers_back()) == (reference, refers_back)
