"""The shared word sets and the fragments made of them."""

import re

import pytest

from eventdesk.extract import lexicon


def test_nouns_singular_or_plural():
    assert lexicon.nouns(("attacker", "gunman")) == "attackers?|gunm[ae]n"
    assert lexicon.nouns(("attacker", "gunman"), plural_only=True) == "attackers|gunmen"


@pytest.mark.parametrize(("text", "found"), [
    ("Two gunmen opened fire on the bus.", True),
    ("A lone attacker stabbed a guard.", True),
    ("Two policemen were wounded.", False),
], ids=["gunmen", "attacker", "policemen"])
def test_attacker_words(text, found):
    assert bool(re.search(rf"\b(?:{lexicon.nouns(lexicon.ATTACKERS)})\b", text, re.IGNORECASE)) is found


@pytest.mark.parametrize(("text", "found"), [
    ("an engineer who worked for the company", True),
    ("the driver had died", True),
    ("a crowded market in the town", False),
], ids=["relative-clause", "auxiliary", "noun-phrase"])
def test_finite_verb(text, found):
    assert bool(lexicon.FINITE.search(text)) is found


def test_may_the_month_is_no_modal_verb():
    assert lexicon.MODAL.search("The bombing on 3 May killed nine people.") is None
    assert lexicon.MODAL.search("More bombings may follow.") is not None
    assert lexicon.MODAL_UPPER.search("THE BOMB EXPLODED ON 3 MAY") is None
