"""Casualty figures on real-style sentences, with qualifiers, sums, tolls and negatives."""

import pytest

from eventdesk.extract import casualties, rules
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
    ("stabbed-victim-and-attacker-wounded",
     "A knifeman stabbed a passer-by before he was himself shot and wounded by officers.", (None, None, 2, "exact")),
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
    # headlines: present tense, no articles
    ("headline-kill-bare-number", "Gunmen kill 3 in Kaduna", (3, "exact", None, None)),
    ("headline-kills-victims", "Shelling kills three civilians in Donetsk", (3, "exact", None, None)),
    ("headline-kills-and-injures", "Suicide bomber kills six, injures 11 in market: police", (6, "exact", 11, "exact")),
    ("headline-vague-wounded-not-counted", "Blasts kill one, wound dozens near shrine", (1, "exact", None, None)),
    ("headline-die", "Two die in crossfire between troops and rebels", (2, "exact", None, None)),
    ("headline-quoted-figure", "Militants kill 'at least 21' in border villages", (21, "at_least", None, None)),
    ("headline-figure-before-colon", "Roadside bomb kills four: officials", (4, "exact", None, None)),
    ("headline-bare-singular-victim", "Army officer shot dead in southern town", (1, "exact", None, None)),
    ("headline-bare-singular-object", "Gunmen kill district official in Zamfara", (1, "exact", None, None)),
    ("headline-singular-and-group", "Rebel killed, 2 soldiers injured in Samar clash", (1, "exact", 2, "exact")),
    ("headline-singular-after-comma", "Troops shell a village, militiaman killed", (1, "exact", None, None)),
    ("headline-age-as-object", "Stray bullet kills 8-year-old in market", (1, "exact", None, None)),
    ("headline-found-dead", "Teenager found dead in a car near the border", (1, "exact", None, None)),
    ("kia-wia", "Two soldiers KIA, five WIA in mortar attack", (2, "exact", 5, "exact")),
    ("to-death-split", "Cultists stab a youth to death in Lagos", (1, "exact", None, None)),
    ("to-death-after-group", "Gunmen stabbed two men to death.", (2, "exact", None, None)),
    ("place-between-victims-and-verb", "Five Qaeda suspects in Yemen killed in drone strike", (5, "exact", None, None)),
    ("killed-then-injured-figures", "7 killed 1 injured at motel attack", (7, "exact", 1, "exact")),
    ("left-dead-no-noun", "Clashes in the town leave at least 2 dead, 10 injured", (2, "at_least", 10, "exact")),
    # bodies found
    ("bodies-counted", "Police find 4 bodies dumped on the highway", (4, "exact", None, None)),
    ("bodies-of", "The bodies of 9 men were found in a ravine.", (9, "exact", None, None)),
    ("body-of-a-man", "They find the body of a young man near the river", (1, "exact", None, None)),
    ("find-a-man-murdered", "They find a man murdered on the road to the dam", (1, "exact", None, None)),
    # shootings
    ("shot-to-death", "A 19-year-old man was shot to death outside a store on Tuesday.", (1, "exact", None, None)),
    ("shot-one-fatally", "Four teenagers were shot, one fatally, near a park late Friday.", (1, "exact", 3, "exact")),
    ("shot-two-of-them-fatally", "Three people were shot, two of them fatally, outside a nightclub.",
     (2, "exact", 1, "exact")),
    ("shooting-one-fatally", "A gunman opened fire at a party, shooting five people, one fatally.",
     (1, "exact", 4, "exact")),
    ("shot-fate-untold", "Two men were shot Saturday night on Elm Street.", (None, None, 2, "exact")),
    ("shot-and-one-died", "Two people were shot and one of them later died.", (1, "exact", 1, "exact")),
    ("shot-and-died-at-scene", "The victim, a 23-year-old man, was shot multiple times and died at the scene.",
     (1, "exact", None, None)),
    ("fatally-shot", "Police said a man was fatally shot early Sunday.", (1, "exact", None, None)),
    ("shot-in-the-leg", "A man was shot in the leg Tuesday, police said.", (None, None, 1, "exact")),
    ("had-been-shot", "Officers found a 40-year-old man who had been shot.", (None, None, 1, "exact")),
    ("named-victim", "On Oct. 23, 40-year-old John Smith was shot and killed in his driveway.",
     (1, "exact", None, None)),
    ("wounded-and-shot-dead", "A woman was shot and wounded and a man was shot dead.", (1, "exact", 1, "exact")),
    ("aged-victim", "Maria Lopez, 34, was wounded in the leg.", (None, None, 1, "exact")),
    ("apposed-victim", "Ana Ruiz, a union leader, died in the raid.", (1, "exact", None, None)),
    ("died-later-in-hospital", "He died hours later at Mercy Hospital.", (1, "exact", None, None)),
    ("part-of-a-group", "Two of the kidnappers were killed, but the others escaped.", (2, "exact", None, None)),
    ("list-have-died", "Five peasants and four guerrillas have died in the fighting.", (9, "exact", None, None)),
    ("toll-before-what-it-counts", "This brings to 21 the number of guerrillas killed in the area.",
     (21, "exact", None, None)),
    ("unknown-plural-after-murdering", "They were found guilty of murdering six nuns.", (6, "exact", None, None)),
    ("upper-case-part-of-group", "TWO OF THE KIDNAPPERS WERE KILLED.", (2, "exact", None, None)),
    ("unknown-plural-before-verb", "Nine suspected FARC dissidents killed in military operation",
     (9, "exact", None, None)),
    ("including-between-group-and-verb", "Five civilians including two children die in the east",
     (5, "exact", None, None)),
    ("lives-of", "The massacre claims the lives of 16 civilians", (16, "exact", None, None)),
    ("claim-to-have-killed", "Security forces claim to kill two suspected militants", (2, "exact", None, None)),
    ("headline-list-of-bare-persons", "Gunmen kill judge, his son in the capital", (2, "exact", None, None)),
    ("headline-group-and-bare-person", "Gunmen kill four soldiers, officer in checkpoint raid",
     (5, "exact", None, None)),
    ("headline-bare-persons-before-verb", "Police colonel, bodyguard gunned down in the south",
     (2, "exact", None, None)),
    ("headline-phrase-after-head", "Commander of rebel group killed in clash with troops", (1, "exact", None, None)),
    ("headline-participle-after-head", "Policeman escorting vaccinators killed in the north", (1, "exact", None, None)),
    ("headline-participle-after-object", "Mine blast kills woman searching for her husband", (1, "exact", None, None)),
    ("headline-age-in-words", "Five-year-old girl killed by shelling", (1, "exact", None, None)),
    ("headline-is-murdered", "Man is murdered in the Villa del Sol neighbourhood", (1, "exact", None, None)),
    ("headline-fatally-wounded", "Soldier fatally wounded amid enemy attacks", (1, "exact", None, None)),
    ("martyred", "3 soldiers martyred in firing across the border", (3, "exact", None, None)),
    ("wounded-who-die", "Two wounded soldiers die in hospital", (2, "exact", None, None)),
    ("pronoun-object-present", "They kill him with bullets in the market", (1, "exact", None, None)),
    ("couple-object", "They murder a couple in the neighbourhood", (2, "exact", None, None)),
    ("couple-subject", "Couple who owned a restaurant shot and killed by gunmen", (2, "exact", None, None)),
    ("outcome-adjectives", "A dead civilian and an injured policeman, the toll of the night's attacks",
     (1, "exact", 1, "exact")),
    ("colon-before-figure", "Hermosillo, Sonora:2 killed in armed attack", (2, "exact", None, None)),
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
    # captions, clocks, schedules, ages and addresses are not figures
    ("video-caption", "Video (0:52): injured officer recalls the ambush"),
    ("clock-time-and-address", "At 9:30 p.m. police were called to the 4500 block of Elm Street."),
    ("schedule", "The clinic treats the wounded 24/7 and has 40 beds."),
    ("age-before-name", "A 40-year-old injured worker sued the firm."),
    ("plural-object-without-figure", "Troops kill rebels in overnight raid"),
    ("shot-at", "Two men shot at police officers but missed."),
    ("body-not-a-corpse", "The student body was found to be divided over the strike."),
    ("toll-of-a-war", "Those who massacred 70,000 peasants still hold power."),
    ("infinitive", "The junta gave them money to murder the villagers."),
    ("negated", "The rebels vowed not to kill two hostages."),
    ("plural-subject-died", "They offered resistance and died in the confrontation."),
    ("the-plural-not-one", "Soldiers rounded up the villagers and killed the men."),
    ("killed-and-wounded-together", "64 killed and wounded in aerial bombardment"),
]


@pytest.mark.parametrize("sentence", [c[1] for c in NEGATIVES], ids=[c[0] for c in NEGATIVES])
def test_numbers_that_are_not_casualties(sentence):
    assert find_casualties(sentence) == []


def read_lines(*lines: str) -> list:
    """The mentions of several lines, with offsets as in one article."""
    mentions, offset = [], 0
    for line in lines:
        mentions += find_casualties(line, offset)
        offset += len(line) + 1
    return mentions


@pytest.mark.parametrize("text,killed", [
    pytest.param("31 killed in market bombing;Bomb at market kills 35;Market blast kills 33 traders", 33,
                 id="three-reports-middle-figure-not-sum"),
    pytest.param("Four killed in twin blasts; Four killed in blasts at Maiduguri market", 4,
                 id="repeated-report-counted-once"),
    pytest.param("72 soldiers killed in the war this year;One soldier killed in mortar attack", 1,
                 id="toll-over-a-year-is-not-the-event"),
    pytest.param("Gunmen kill 12, the second attack this week", 12, id="this-week-is-not-a-period-toll"),
    pytest.param("Three dead in clashes, worst violence in weeks", 3, id="in-weeks-is-no-period"),
    pytest.param("At least 25 killed over bloody weekend;Gunmen kill 4 at a bar", 4, id="weekend-toll"),
])
def test_several_headlines_of_one_event(text, killed):
    assert total_casualties(find_casualties(text), "killed").count == killed


def test_a_headline_over_its_article_is_not_added_to_it():
    mentions = read_lines("Gunmen kill 3 in Kaduna", "Gunmen kill 3 in Kaduna",
                          "Gunmen killed three villagers in Kaduna on Monday, police said.")
    assert total_casualties(mentions, "killed").count == 3


def test_groups_in_consecutive_sentences_of_prose_add_up():
    mentions = read_lines("A man attacked two guards before another guard shot and wounded him.",
                          "The two guards suffered stab wounds.")
    assert total_casualties(mentions, "injured").count == 3


def test_a_part_of_the_shot_who_died_is_counted_dead():
    mentions = read_lines("Two men were shot late Sunday on Elm Street.",
                          "One of them, a 40-year-old man, died at the hospital.")
    assert (total_casualties(mentions, "killed").count, total_casualties(mentions, "injured").count) == (1, 1)


def test_the_shot_who_died_later_are_not_injured():
    mentions = read_lines("Two men were shot on Elm Street on Saturday.", "Both men died at the hospital.")
    assert (total_casualties(mentions, "killed").count, total_casualties(mentions, "injured").count) == (2, None)


@pytest.mark.parametrize("sentence,rule", [
    pytest.param("Gunmen kill 3 in Kaduna", "casualties.bare_number", id="bare-number"),
    pytest.param("Yemen soldier killed in ambush", "casualties.headline_victim", id="headline-victim"),
    pytest.param("Four teenagers were shot, one fatally.", "casualties.shot_some_fatally", id="shot-fatally"),
    pytest.param("The death toll rose to 26.", "casualties.toll", id="toll"),
])
def test_a_figure_names_the_rule_that_read_it(sentence, rule):
    (mention,) = [m for m in find_casualties(sentence) if m.kind == "killed"]
    assert mention.rule == rule


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


def test_the_cheap_filters_never_hide_a_rule_from_its_own_examples():
    hidden = [(name, text) for name, needed in casualties._NEEDS_WORD.items()
              for text in rules.registered()[name].examples if not needed.search(text)]
    hidden += [(name, text) for name in casualties._NEEDS_FIGURE
               for text in rules.registered()[name].examples if not casualties._FIGURE.search(text)]
    assert hidden == []


def test_an_attacker_shot_dead_is_the_only_death():
    mentions = find_casualties("A man stabbed two officers near the gate before being shot dead by police.")
    assert total_casualties(mentions, "killed").count == 1
