"""Casualty figures on real-style sentences, with qualifiers, sums, tolls and negatives."""

import pytest

from eventdesk.extract.casualties import find_casualties, total_casualties


def figures(sentence: str) -> tuple:
    mentions = find_casualties(sentence)
    killed = total_casualties(mentions, "killed")
    injured = total_casualties(mentions, "injured")
    return killed.count, killed.qualifier, injured.count, injured.qualifier


CASES = [
    ("loss-of-lives-and-left-injured",
     "The explosion resulted in the tragic loss of at least 84 lives and left 284 others injured.",
     (84, "at_least", 284, "exact")),
    ("gunmen-killed-and-wounded",
     "Gunmen killed two police officers and wounded three others in Quetta on Tuesday.",
     (2, "exact", 3, "exact")),
    ("airstrike-around", "An airstrike killed around 12 militants near the city of Marib.", (12, "about", None, None)),
    ("more-than-a-dozen", "More than a dozen people were injured when the grenade went off.",
     (None, None, 12, "at_least")),
    ("toll-rose", "The death toll from Sunday's bombing rose to 26, a hospital official said.",
     (26, "exact", None, None)),
    ("implicit-singular", "Militants shot dead a police officer in the provincial capital.", (1, "exact", None, None)),
    ("singular-and-driver", "Gunmen shot and killed a judge and his driver on the highway.", (2, "exact", None, None)),
    ("sum-of-groups-passive", "Seven soldiers and 15 insurgents were killed in the fighting.",
     (22, "exact", None, None)),
    ("sum-of-groups-active", "The ambush killed two soldiers and a civilian.", (3, "exact", None, None)),
    ("subset-not-added", "At least 42 people, including 11 police officers, were killed in the blast.",
     (42, "at_least", None, None)),
    ("number-words", "Seventeen people were killed and twenty-five wounded.", (17, "exact", 25, "exact")),
    ("two-dozen", "The shelling killed two dozen villagers.", (24, "exact", None, None)),
    ("no-casualties", "The device exploded near the checkpoint but no casualties were reported.",
     (0, "exact", 0, "exact")),
    ("attacker-killed", "The attacker was also killed by return fire.", (1, "exact", None, None)),
    ("wounded-only", "The grenade attack wounded four civilians at the market.", (None, None, 4, "exact")),
    ("killed-and-injured-compact", "Police said 14 people were killed and 30 wounded in the attack.",
     (14, "exact", 30, "exact")),
    ("up-to", "Up to 30 people may have died in the fire.", (30, "at_most", None, None)),
    ("thousands-separator", "Officials said 1,200 people were killed in the offensive.",
     (1200, "exact", None, None)),
]


@pytest.mark.parametrize("sentence,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_figures(sentence, expected):
    assert figures(sentence) == expected


NEGATIVES = [
    ("troops-and-vehicles", "Some 5,000 troops and 300 armoured vehicles were deployed to the region in 2019."),
    ("ages", "The 34-year-old commander has led the brigade for 12 years."),
    ("population", "The town of 40,000 people lies 25 km north of the capital."),
    ("hostages", "The kidnappers are holding 12 hostages in the forest."),
    ("year-not-count", "In 2015 the group was founded by 300 fighters."),
]


@pytest.mark.parametrize("sentence", [c[1] for c in NEGATIVES], ids=[c[0] for c in NEGATIVES])
def test_numbers_that_are_not_casualties(sentence):
    assert find_casualties(sentence) == []


def test_latest_toll_wins_across_sentences():
    mentions = find_casualties("A bomb killed 22 people at the market.") + \
        find_casualties("By evening the death toll had risen to 26.")
    assert total_casualties(mentions, "killed").count == 26


def test_mentions_keep_their_offsets():
    sentence = "The blast killed at least 9 people."
    (mention,) = find_casualties(sentence)
    assert sentence[mention.start:mention.end].startswith("at least 9")
