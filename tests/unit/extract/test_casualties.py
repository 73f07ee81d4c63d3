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
    # implicit singulars and owners
    ("shot-and-killed-officer", "Gunmen shot and killed a police officer at a checkpoint outside Kandi on Friday.",
     (1, "exact", None, None)),
    ("person-verb-unknown-noun", "Militants shot dead a village chief who had refused to pay them.",
     (1, "exact", None, None)),
    ("person-verb-unknown-noun-and-his", "Militants shot dead a village mukhtar and his brother near Hawija.",
     (2, "exact", None, None)),
    ("age-as-modifier", "Unidentified gunmen shot dead a 17-year-old boy in Ouahigouya.", (1, "exact", None, None)),
    ("age-single-passive", "A 45-year-old trader was shot dead outside his shop.", (1, "exact", None, None)),
    ("head-noun-of-phrase", "Gunmen gunned down a retired army colonel and his son near Dori.",
     (2, "exact", None, None)),
    ("owner-and-his-guards", "A roadside bomb killed a provincial council member and two of his guards near Ghazni.",
     (3, "exact", None, None)),
    ("owner-unknown-title", "The blast killed the head of the customs office in Tessalit and four of his aides.",
     (5, "exact", None, None)),
    ("single-passive-with-clause", "His nephew, who was driving the car, was wounded.", (None, None, 1, "exact")),
    # lists, parts and "the other"
    ("two-soldiers-and-a-civilian", "The raid killed two soldiers and a civilian, the army said.",
     (3, "exact", None, None)),
    ("one-of-them-and-the-other",
     "Gunmen attacked two guards at the depot, killing one of them and wounding the other.",
     (1, "exact", 1, "exact")),
    ("part-after-whole-not-added", "The attack killed 6 people, 4 of them women, and wounded 10.",
     (6, "exact", 10, "exact")),
    ("another-injured", "Two civilians were reportedly killed and another injured by shelling on Tuesday.",
     (2, "exact", 1, "exact")),
    ("a-fourth-wounded", "Three men were shot dead and a fourth was wounded.", (3, "exact", 1, "exact")),
    ("wounding-a-third", "The gunman killed two people and wounded a third before fleeing.",
     (2, "exact", 1, "exact")),
    ("members-of-group", "Eleven rebels and three members of the national guard were killed in the clashes.",
     (14, "exact", None, None)),
    ("capitalised-modifier", "Six IS fighters and two YPG members were killed near Hasakah.", (8, "exact", None, None)),
    ("three-of-its-fighters", "The group said three of its fighters were wounded in the raid.",
     (None, None, 3, "exact")),
    ("unknown-plural-victims", "The ambush killed four loggers, a spokesman said.", (4, "exact", None, None)),
    ("beheading-and-shooting-dead", "Insurgents raided Nangade, beheading three farmers and shooting dead five others.",
     (8, "exact", None, None)),
    ("killing-four-and-wounding-nine", "The gunman opened fire at a wedding, killing four and wounding nine.",
     (4, "exact", 9, "exact")),
    ("injuring-including-subset",
     "The grenade exploded in a market in Beni, injuring seven people, including two police officers.",
     (None, None, 7, "exact")),
    ("left-dead-and-injured", "The attack left 5 people dead and 12 injured.", (5, "exact", 12, "exact")),
    # relative clauses
    ("relative-clause-died", "Two aid workers who were travelling in the convoy died in the ambush.",
     (2, "exact", None, None)),
    ("relative-clause-shot-dead", "Three guards who tried to stop the robbers were shot dead.",
     (3, "exact", None, None)),
    # injuries described
    ("suffered-burns", "Four workers suffered burns when the tanker exploded.", (None, None, 4, "exact")),
    ("hospital-with-wounds", "Nine people were taken to hospital with gunshot wounds after the shooting.",
     (None, None, 9, "exact")),
    ("hospitalised", "No deaths were reported, but 6 people were hospitalised.", (0, "exact", 6, "exact")),
    # attackers
    ("assailant-also-killed", "The assailant was also killed in the exchange of fire.", (1, "exact", None, None)),
    ("in-addition-to-themselves", "Three bombers blew themselves up at a bus station in Gombe, killing 14 people in "
     "addition to themselves.", (17, "exact", None, None)),
    ("killing-themselves", "Two gunmen opened fire on worshippers at the mosque, killing 11 people before killing "
     "themselves.", (13, "exact", None, None)),
    ("not-counting-attackers", "The blast killed 23 people, not counting the three attackers, officials said.",
     (26, "exact", None, None)),
    ("only-themselves", "Two suicide bombers on foot blew themselves up at the gate, killing only themselves and "
     "injuring three guards.", (2, "exact", 3, "exact")),
    ("both-attackers-died", "Both gunmen were killed by police.", (2, "exact", None, None)),
    ("attacker-wounded-himself", "A knifeman stabbed a passer-by before he was himself shot and wounded by officers.",
     (None, None, 1, "exact")),
    ("police-shot-suspect", "Police shot dead the suspect after he had killed two people in the street.",
     (3, "exact", None, None)),
    # tolls and later deaths
    ("toll-with-clause", "The death toll, which includes the gunman, rose to 9 on Sunday.", (9, "exact", None, None)),
    ("toll-update-in-sentence", "Initial reports put the death toll at five, but officials later said it had risen "
     "to 12.", (12, "exact", None, None)),
    ("succumbed-later", "A farmer wounded in the raid succumbed to his injuries two days later.",
     (1, "exact", None, None)),
    ("wounded-one-later-died", "The blast wounded 12 people, and one of them later died in hospital.",
     (1, "exact", 12, "exact")),
    # explicit zero
    ("no-one-killed-or-injured", "Police said no one was killed or injured in the fire.", (0, "exact", 0, "exact")),
    ("troops-beside-zero", "The convoy of 12 vehicles carrying 40 soldiers was ambushed, but no one was hurt.",
     (0, "exact", 0, "exact")),
    ("subject-not-passive", "In the following two years police killed more than 60 suspected gang members.",
     (60, "at_least", None, None)),
    ("list-subject-not-passive", "Two soldiers and a policeman killed three militants at the roadblock.",
     (3, "exact", None, None)),
    ("troops-beside-figure", "About 300 troops and 40 armoured vehicles were sent to the district, where 6 villagers "
     "were killed.", (6, "exact", None, None)),
    ("pronoun-wounded", "A bomb stuck to the car of a prosecutor exploded in Herat, wounding him.",
     (None, None, 1, "exact")),
    ("pronoun-killed-later", "Gunmen abducted a shopkeeper in Kidal and killed her two days later.",
     (1, "exact", None, None)),
    ("attacker-then-victims", "A bomber set off his belt at a wedding hall in Kunduz, killing himself and nine guests.",
     (10, "exact", None, None)),
    ("victims-then-attacker", "A gunman fired on a prayer hall in Sokoto, killing four worshippers and himself.",
     (5, "exact", None, None)),
    ("two-verbs-passive", "In Walikale a trader was abducted and killed by armed men on Sunday.",
     (1, "exact", None, None)),
    ("attacker-dies-twice", "A bomber blew himself up at a bus stop in Maroua, killing three commuters and "
     "himself.", (4, "exact", None, None)),
    ("combatants-killed", "Three subversives were killed and seven others were wounded during clashes near the river.",
     (3, "exact", 7, "exact")),
    ("peasants-killed", "FIVE PEASANTS WERE KILLED AND TWO WERE WOUNDED IN THE RAID.", (5, "exact", 2, "exact")),
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
    ("claim-is-not-zero", "No one has claimed the attack."),
    ("kidnapped-not-casualties", "Bandits kidnapped 40 students from a school in Kebbi state."),
    ("displaced", "Some 2,000 families have been displaced by the fighting."),
    ("arrests", "Police arrested 14 suspects and recovered 3 rifles."),
    ("rescued", "The 23 miners were rescued after three days underground."),
    ("livestock", "The explosion killed 40 cattle and 12 goats near the village."),
    ("demonym-not-a-verb-object", "Some 200 Malians were deported from the border town of Gao."),
    ("subject-of-active-verb-background", "Over the next three years security forces detained hundreds of suspects."),
    ("who-had-killed", "Two men who had robbed a herder were arrested."),
    ("pronoun-with-others", "Threats of killing him and his family were sent to the editor."),
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


def test_self_killed_attackers_do_not_hide_their_victims():
    mentions = find_casualties("Two gunmen opened fire in the square, killing 5 people before killing themselves.")
    assert sorted((m.count, m.victims) for m in mentions if m.kind == "killed") == [(2, "gunmen"), (5, "people")]


def test_later_death_adds_to_the_incident():
    mentions = find_casualties("Militants killed two soldiers and wounded four in the raid on the base.") + \
        find_casualties("One of the wounded soldiers later succumbed to his injuries.")
    assert total_casualties(mentions, "killed").count == 3


def test_toll_named_far_from_its_figure():
    sentence = ("The death toll from Sunday's suicide bombing at a crowded bus station in the north of the "
                "province rose to 14 on Monday.")
    assert total_casualties(find_casualties(sentence), "killed").count == 14
