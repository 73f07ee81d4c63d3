"""The victims of a casualty figure as a target: in the figure's own words, with their span and rule, or none."""

import pytest

from eventdesk.articles import Article
from eventdesk.extract.facts import read_sentences
from eventdesk.extract.rules import registered
from eventdesk.extract.victims import victims_role


def victims(sentence: str) -> list:
    """The victims role of every figure of a one-sentence text, after a first sentence (so that offsets in the
    article and in the sentence differ)."""
    facts = read_sentences(Article(id="v", text="The report was published on Friday. " + sentence))[-1]
    assert facts.casualties, f"no figure read in {sentence!r}"
    return [(victims_role(c, facts), facts) for c in facts.casualties]


NAMED = [
    ("upload-people", "A suicide bomber blew himself up at a market in Maiduguri, killing 12 people.", "people"),
    ("wire-civilians", "Russian warplanes struck a market in Idlib on 3 May 2021, killing 9 civilians.", "civilians"),
    ("coder-persons", "On 4 June, unidentified gunmen killed 5 persons in Zamfara State.", "persons"),
    ("headline-villagers", "Bandits kill 17 villagers in Katsina raid", "villagers"),
]


@pytest.mark.parametrize("sentence,expected", [c[1:] for c in NAMED], ids=[c[0] for c in NAMED])
def test_the_victims_are_named_as_the_figure_names_them(sentence, expected):
    roles = [(role, facts) for role, facts in victims(sentence) if role is not None and role.name == expected]
    assert len(roles) == 1  # (the bomber who died is a figure too; the incident's targets leave attackers out)
    role, facts = roles[0]
    assert facts.text[role.start:role.end].lower() == expected
    assert role.basis in registered(), f"{role.basis} is not a rule"


UNNAMED = [
    ("seed-lives", "The explosion resulted in the tragic loss of at least 84 lives and left 284 others injured."),
    ("others", "Two soldiers died and four others were wounded in the ambush."),
    ("lives-claimed", "The bombing claimed 31 lives in the town on Sunday."),
]


@pytest.mark.parametrize("sentence", [c[1] for c in UNNAMED], ids=[c[0] for c in UNNAMED])
def test_a_figure_that_names_nobody_gives_no_target(sentence):
    names = [role.name for role, _ in victims(sentence) if role is not None]
    assert "civilians" not in names and "people" not in names and "others" not in names and "lives" not in names
