"""The words around a name that say it did the violence, or only tells of it."""

import pytest

from eventdesk.extract import agents


@pytest.mark.parametrize(("after", "acts"), [
    (" fighters attacked a military base near the town", True),
    (", who came on motorbikes, stormed the school", True),
    (" have reportedly carried out the raid", True),
    (" said four people were killed", False),
    (" fighters were seen near the town", False),
], ids=["group-noun-verb", "aside", "auxiliaries", "reporter", "no-attack-verb"])
def test_the_subject_of_an_attack_verb(after, acts):
    assert bool(agents.SUBJECT_VERB.match(after)) is acts


@pytest.mark.parametrize(("before", "agent"), [
    ("Four farmers were killed by ", True),
    ("The councillor was kidnapped on Friday near his farm by ", True),
    ("The convoy was attacked, overnight, by ", True),
    ("The reports were received by ", False),
    ("The troops were backed by ", False),
], ids=["killed-by", "adverbials", "commas", "not-violent", "backed-by"])
def test_the_agent_after_by(before, agent):
    assert bool(agents.AGENT_BY.search(before)) is agent


@pytest.mark.parametrize(("before", "expected"), [
    ("Police blamed ", "attribution"),
    ("The governor attributed the attack to ", "attribution"),
    ("Suspected ", "hedge"),
    ("The attackers were believed to be ", "hedge"),
], ids=["blamed", "attributed-to", "suspected", "believed-to-be"])
def test_attribution_and_hedge(before, expected):
    found = ("attribution" if agents.ATTRIBUTION_BEFORE.search(before) else
             "hedge" if agents.HEDGE_BEFORE.search(before) else None)
    assert found == expected


@pytest.mark.parametrize("after", [" said the attack killed four", "'s ministry reported the toll",
                                   " has also confirmed the figures"], ids=["said", "possessive", "auxiliary"])
def test_a_reporter(after):
    assert agents.REPORTER_AFTER.match(after)
