"""The phrasings of casualty figures, as named rules: the words they are made of and the patterns.

`casualties` reads mentions with these rules; each rule's name is the reason a figure carries.
The words they are made of (qualifiers, victims, verbs of death and injury) are in `casualty_words`;
the patterns read reports in the past tense ("were killed") and headlines in the present
("Gunmen kill 3 in Kaduna", "Shelling kills three civilians").
"""

from __future__ import annotations

import re

from eventdesk.extract.casualty_words import (
    HARM,
    HOW_BADLY,
    HURT_WORDS,
    KILL_WORDS,
    MODIFIERS,
    NUM,
    OF_GROUP,
    PERSON,
    QUAL,
    QUAL_PLAIN,
    STOPS,
    VICTIM_NOUNS,
    VICTIMS,
    WORD,
)
from eventdesk.extract.numbers import NUMBER
from eventdesk.extract.rules import rule

KILL_STEM = rule(
    "casualties.kill_stem",
    r"kill|dead|die[ds]?\b|slain|death|massacr|execut|perish|murder|lives|behead|gunned|guns? down|slaughter|"
    r"assassin|lynch|succumb|blew|fatal|mortal|\bkia\b|\bslay|\bslew|martyr|dismember|decapitat|"
    r"incompatible with life|deprived of (?:their|his|her) li",
    ["were killed", "shot to death", "fatally shot", "KIA", "guns down"],
    counterexamples=["wounded", "injured", "hurt", "WIA", "taken to hospital with gunshot wounds"])
# After a subject, "killed" followed by its own object is active: "security forces killed more than 100 militants";
# a number that is itself the subject of the next verb is not its object: "7 killed 1 injured".
_ACTIVE_AFTER = (rf"(?!\s+(?:{QUAL_PLAIN}(?:{NUMBER})|an?|the|his|her|their|its|all|dozens|scores|hundreds|several)\b"
                 r"(?!\s+(?:injured|wounded|hurt|killed|dead)\b))")
# "30 people killed and wounded": one figure for both, which is neither.
_NOT_BOTH = r"(?!\s+(?:and|or|&)\s+(?:wounded|injured|hurt|killed|dead)\b)"
_AUX = (r"were|was|have been|had been|has been|are|is|being|got|reportedly|also|later|all|may have|might have|"
        r"have|has|had|subsequently|confirmed|feared|believed to have been|left|lay|both|said|reported|found|"
        r"discovered")
# A quotation mark a headline puts around a figure: "kill 'at least 21'".
# "Five suspects in Yemen killed", "5 residents from Uruachi, Chihuahua, killed"
_IN_PLACE = r"(?:\s+(?:in|from)\s+(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+))?)?"
_QUOTE = r"['\"‘“]?"
PASSIVE = rule(
    "casualties.passive",
    rf"\b{QUAL}(?P<n>{NUMBER}|both)\s+(?:(?:of\s+(?:his|her|their|its|the|those)\s+|(?:wounded|injured)\s+)?{VICTIMS}{OF_GROUP}{_IN_PLACE}"
    rf"(?:,?\s+including\s+(?:{NUMBER}|an?)\s+[\w'-]+(?:\s+and\s+(?:{NUMBER}|an?)\s+[\w'-]+)?,?)?\s*)?"
    r"(?:\([^)]{0,40}\)\s*)?(?:,\s*[^,.;]{0,60},\s*)?"
    rf"(?:(?:{_AUX})\s+){{0,3}}"
    rf"(?P<verb>{KILL_WORDS}|{HURT_WORDS})\b{_ACTIVE_AFTER}{_NOT_BOTH}",
    ["At least 42 people were killed", "Seventeen people were killed and twenty-five wounded", "Two die in crossfire",
     "1 Dies in Communal Clash", "2 soldiers KIA, 5 WIA", "Five Colombian policemen said killed",
     "7 killed 1 injured at a motel", "Five Qaeda suspects in Yemen killed in strikes", "3 BIFF killed in clash",
     "At least 32 members of ISIS were killed", "16 members of the “Islamic State” organization were killed",
     "8 fighters of the factions are killed", "Two of the kidnappers were killed",
     "Five civilians including two children die in east Ukraine", "Two wounded soldiers die in hospital",
     "3 soldiers martyred in firing across the line", "5 residents from Uruachi, Chihuahua, killed by gunmen",
     "Three people are deprived of their lives in a house", "one soldier sustained injuries incompatible with life",
     "5 Tortured and Killed after refusing to work"],
    counterexamples=["police killed more than 60 gang members", "troops killed 12 militants",
                     "64 killed and wounded in aerial bombardment"])
# "Two drivers who tried to escape were shot dead": a relative clause between the group and its verb.
PASSIVE_RELATIVE = rule(
    "casualties.passive_relative",
    rf"\b{NUM}\s+{VICTIMS}\s+(?:who|that)\s+(?:(?!(?:{KILL_WORDS}|{HURT_WORDS}|shot)\b)[\w'-]+\s+){{1,6}}?"
    rf"(?P<verb>(?:were|was|had been|have been)\s+(?:(?:also|later|all)\s+)?(?:{KILL_WORDS}|{HURT_WORDS})"
    r"|died|perished)\b",
    ["Two aid workers who were travelling in the convoy died", "Three guards who tried to stop them were shot dead"])

# One group of victims in a list: "two soldiers", "a civilian", "three of his guards", "one of them",
# "the other", "a third", "eight members of the security forces".
_GROUP_PATTERN = (
    rf"(?:(?:all|the)\s+)?{QUAL}(?P<n>{NUMBER}|an?|his|her|their|its|the|both)\s+"
    rf"(?:of\s+(?:his|her|their|its|the)\s+)?{VICTIMS}{OF_GROUP}"
)
# One person named bare, as headlines list them: "kill four soldiers, officer", "colonel, bodyguard gunned down".
_BARE_PERSON_PATTERN = (rf"(?P<one>(?:(?:his|her|their)\s+)?(?:(?!(?:{STOPS}|{NUMBER})\b)[\w'’-]+\s+){{0,2}}?"
                        rf"(?:{PERSON}))"
                        r"(?![\w'’-])")
_ITEM_PATTERN = (
    rf"(?:{_GROUP_PATTERN}"
    rf"|(?P<part>{NUMBER})\s+of\s+(?:them|whom|those)\b"
    r"|(?P<single>another|the other|an?\s+(?:second|third|fourth|fifth|sixth))"
    r"(?=\s*(?:[,.;]|$)|\s+(?:and|before|as|when|while|in|on|at|who|with|during|after|near)\b)"
    rf"|{_BARE_PERSON_PATTERN})"
)
ITEM = re.compile(_ITEM_PATTERN, re.IGNORECASE)
_ITEM = re.sub(r"\(\?P<\w+>", "(?:", _ITEM_PATTERN)
_GROUP = re.sub(r"\(\?P<\w+>", "(?:", _GROUP_PATTERN)
_BARE_PERSON = re.sub(r"\(\?P<\w+>", "(?:", _BARE_PERSON_PATTERN)
_JOIN = r"\s*(?:,|and|, and|as well as|plus)\s+"
# (Placed after a cheap look at the verb's first letter, so that the look-behinds run only where a verb can start.)
# A verb after "to", a modal or a negation tells what was not done: "money to murder the people", "not kill priests";
# what a side claims to have done is a report of it ("forces claim to kill two militants").
_DONE = (r"(?<!(?<!claim)(?<!claims)(?<!claimed)(?<!claiming)\sto\s)(?<!\bnot\s)(?<!n't\s)(?<!\bnever\s)"
         r"(?<!\bwill\s)(?<!\bcan\s)(?<!\bwould\s)"
         r"(?<!\bcould\s)(?<!\bshould\s)(?<!\bmight\s)(?<!\bmust\s)(?<!\bmay\s)")
_ITEM_FIRST = re.sub(r"\(\?P<\w+>", "(?:", _ITEM_PATTERN.replace(f"|{_BARE_PERSON_PATTERN}", ""))
# Verbs whose object is the victims, in the tenses of reports and of headlines. "shot" alone says they were hit.
_ACTIVE_VERBS = (
    r"killing|killed|kills|kill|left|leaving|leaves|leave|claimed the lives of|claiming the lives of|"
    r"claims the lives of|claim the lives of|injuring|injured|injures|injure|wounding|wounded|wounds|wound|"
    r"shot dead|shoots dead|shoot dead|shooting dead|shot and killed|shot and wounded|gunned down|guns down|gun down|"
    r"gunning down|massacred|massacres|massacre|slaughtered|slaughters|slaughter|executed|executes|execute|"
    r"beheaded|beheads|behead|beheading|assassinated|murdered|murders|murder|murdering|hacked to death|"
    r"hacks to death|hack to death|hacking to death|slew|slays|slay|slaying|shot|shooting|shoots|stabbed|stabbing|"
    r"stabs"
)
ACTIVE = rule(
    "casualties.active_list",
    rf"\b(?=(?:{_ACTIVE_VERBS})\b){_DONE}(?P<verb>{_ACTIVE_VERBS})\s+{_QUOTE}(?P<items>(?:{_GROUP}|{_ITEM_FIRST})(?:{_JOIN}{_ITEM})*)"
    rf"(?:\s+(?P<after>dead|to death|{HURT_WORDS}))?",
    ["Gunmen killed two police officers and wounded three others", "The ambush killed two soldiers and a civilian",
     "a man who stabbed two officers", "He shot two men to death", "Gunmen kill four soldiers, officer in raid",
     "Troops kill 15 rebels", "Shelling kills three civilians", "Gunmen shot two men outside a bar",
     "The attack left 5 people dead"],
    counterexamples=["kill 15 in Kaduna", "gave them money to murder the villagers", "vowed not to kill two hostages"])
PASSIVE_LIST = rule(
    "casualties.passive_list",
    rf"(?P<items>(?:\b{_GROUP}|(?:^|(?<=[,;:]\s)){_BARE_PERSON})(?:{_JOIN}(?:{_GROUP}|{_BARE_PERSON}))+),?\s+"
    r"(?:(?:were|have been|had been|have|has|had|are|also|later|all|reportedly|reported|said)\s+){0,3}"
    rf"(?P<verb>{KILL_WORDS}|{HURT_WORDS})\b{_ACTIVE_AFTER}{_NOT_BOTH}",
    ["Seven soldiers and 15 insurgents were killed", "Five troops, 19 civilians killed",
     "five peasants and four guerrillas have died", "Yemen police colonel, bodyguard gunned down",
     "15 terrorists, soldier killed in clashes", "Five troops, civilian reported killed",
     "Troops shell the town: colonel, bodyguard killed", "Five troops, 19 civilians, killed in east Ukraine"],
    counterexamples=["Two soldiers and a policeman killed three militants"])
# "killed the head of security ... and three of his guards": the owner of the guards died too.
WITH_OWNER = rule(
    "casualties.with_owner",
    r"\b(?P<verb>killing|killed|kills|kill|shot dead|shot and killed|gunned down|assassinated|murdered)\s+"
    r"(?:the|an?)\s+[^,.;]{1,80}?\s+and\s+"
    rf"{NUM}\s+of\s+(?:his|her)\s+(?P<v>{WORD})\b",
    ["killed a provincial council member and two of his guards"])
# A figure with no victim noun: "killing four and wounding nine", "Gunmen kill 15 in Kaduna", "kill 'at least 21'".
_BARE_VERBS = (r"killing|killed|kills|kill|wounding|wounds|wound|injuring|injures|injure|wounded|injured|shot dead|"
               r"dismembers|dismember|decapitates|decapitate|"
               r"shoots dead|shoot dead|gunned down|guns down|gun down|executes|execute|beheads|behead|massacres|"
               r"massacre|hacks to death|hack to death|slays|slay")
_BARE_AFTER = (r"(?=\s+(?:and|others|more|before|when|while|as|in|on|at|during|near|inside|outside|after|across|"
               r"including|since|over|from|with|overnight|among|amid|mostly|then|but)\b|\s*[,.;:()]|\s+[-–—]|\s*$|"
               r"\s+[\"“‘'](?=\w))")
BARE = rule(
    "casualties.bare_number",
    rf"\b(?=(?:{_BARE_VERBS})\b){_DONE}(?P<verb>{_BARE_VERBS})\s+(?:all\s+)?{_QUOTE}{QUAL}(?P<n>{NUMBER}){_QUOTE}{_BARE_AFTER}",
    ["killing four and wounding nine", "Gunmen kill 15 in northeast Nigeria", "Soldiers raid a hideout, kill two",
     "Blasts kill one, wound dozens", "kill 'at least 21' in NE Nigeria", "Drone strike kills three - official",
     "Gunbattle kills four: separatist leader", "Ambush kills about 10 \"fighters\" on the road",
     "Cartel dismembers two in Celaya"],
    counterexamples=["killed 2015 people", "killing four soldiers"])
# Any plural group after a number, for victims the lexicon does not know: "killing four loggers".
_NOT_PEOPLE = (r"years?|months?|days?|weeks?|hours?|minutes?|seconds?|times|kilometres|kilometers|km|miles|metres|"
               r"meters|percent|per cent|cattle|cows|goats|sheep|camels|animals|livestock|donkeys|horses|dogs|"
               r"birds|elephants|rhinos")
BARE_PLURAL = rule(
    "casualties.bare_plural",
    rf"\b(?=[a-z]){_DONE}(?P<verb>killing|killed|kills|kill|wounding|injuring|wounded|injured|shot dead|gunned down|"
    r"beheading|beheaded|beheads|murdering|murdered|massacring|massacred|assassinating|assassinated|executing|executed|"
    r"slaughtering|slaughtered)\s+"
    rf"(?:all\s+)?{NUM}\s+(?P<v>(?:(?!(?-i:{STOPS}|{_NOT_PEOPLE})\b)[a-z'-]+\s+){{0,2}}"
    rf"(?!(?:{_NOT_PEOPLE})\b)[a-z'-]+s)\b(?!['-])",
    ["The ambush killed four loggers", "guilty of murdering six jesuits and two others"],
    counterexamples=["The explosion killed 40 cattle"])
# Any plural group before its verb, for victims the lexicon does not know: "Nine suspected FARC dissidents killed".
PASSIVE_PLURAL = rule(
    "casualties.passive_plural",
    rf"\b{NUM}\s+(?P<v>(?:(?!(?:{STOPS}|{_NOT_PEOPLE})\b)[\w'-]+\s+){{0,2}}(?!(?:{_NOT_PEOPLE})\b)[a-z'-]+s)\s+"
    rf"(?:(?:were|have been|had been|are|reportedly|also|all)\s+){{0,2}}(?P<verb>{KILL_WORDS}|{HURT_WORDS})\b"
    rf"{_ACTIVE_AFTER}{_NOT_BOTH}",
    ["Nine suspected FARC dissidents killed in Colombia", "Three loggers were killed near the camp"],
    counterexamples=["40 cattle were killed", "Five years ago, troops killed"])
ATTACKER_KILLED = rule(
    "casualties.attacker_killed",
    r"\b(?:shot|gunned) (?:him|her) dead|\bbefore (?:being|he was|she was) (?:shot dead|killed|gunned down)|"
    r"\b(?:he|she) was (?:later |also |himself |herself )?(?:shot dead|killed)\b|\bblew (?:himself|herself) up|"
    r"\bkilling (?:himself|herself)\b",
    ["before being shot dead by police", "the bomber blew himself up"])
# The attacker with the victims in one list: "killing himself and two soldiers", "killing two soldiers and himself".
SELF_AND_OTHERS = rule(
    "casualties.self_and_others",
    rf"\bkill(?:ing|ed) (?P<self>himself|herself) (?:and|as well as|along with) {NUM}\s+{VICTIMS}",
    ["killing himself and nine guests"])
OTHERS_AND_SELF = rule(
    "casualties.others_and_self",
    rf"\bkill(?:ing|ed) {NUM}\s+{VICTIMS}\s+(?:and|as well as) (?P<self>himself|herself)\b",
    ["killing four worshippers and himself"])
ATTACKER_HURT = rule(
    "casualties.attacker_hurt",
    r"\b(?:himself|herself) (?:shot and )?(?:wounded|injured)|\bshot and wounded (?:him|her)\b|"
    r"\b(?:he|she) was (?:also |later |himself |herself )?(?:shot and )?wounded",
    ["before he was himself shot and wounded by officers"])
# "Two suicide bombers blew themselves up": the attackers' own deaths.
SELF_KILLED = rule(
    "casualties.self_killed",
    rf"\b{NUM}\s+{VICTIMS}\s+(?:[^.;]{{0,80}}?\s)?(?:blew themselves up|detonated themselves|"
    r"detonated their (?:explosive |suicide )?(?:vests|belts)|(?:killing|killed|shot) themselves)",
    ["Three bombers blew themselves up at a bus station"])
# "killing 18 people, not counting the two bombers": attackers stated beside the victims.
BESIDES = rule(
    "casualties.besides",
    rf"\b(?:not counting|excluding|in addition to|besides|plus)\s+(?:the\s+)?{NUM}\s+{VICTIMS}",
    ["killing 23 people, not counting the three attackers"])
TOLL = rule(
    "casualties.toll",
    r"\b(?:death toll|toll|number of (?:dead|deaths|fatalities|people killed)|fatalities|deaths)"
    r"[\s,]+(?:[\w,'’-]+\s+){0,16}?"
    r"(?:rose|rises|rise|climbed|climbs|jumped|increased|reached|stood|stands|stand|is|was|has risen|had risen|hit|"
    r"hits|tops|topped|to|at)\s+"
    rf"(?:to\s+|at\s+)?{NUM}\b",
    ["The death toll from Sunday's bombing rose to 26", "Death toll in school attack rises to 130",
     "Toll from botched air strike rises to 90"])
# "This brings to 21 the number of guerrillas killed": a toll stated before what it counts.
TOLL_BROUGHT = rule(
    "casualties.toll_brought",
    rf"\b(?:brings?|brought|bringing|raises?|raised|raising)\s+to\s+{NUM}\s+the\s+(?:number|total)\s+of\s+"
    r"(?:[\w'-]+\s+){0,3}?(?:killed|dead|deaths|victims)\b",
    ["This brings to 21 the number of guerrillas killed in the area"])
# A later update of a toll already named in the sentence: "... put the toll at nine, but it had risen to 19".
TOLL_UPDATE = rule("casualties.toll_update", rf"\b(?:risen|rose|climbed|jumped|increased)\s+to\s+{NUM}\b",
                   ["but officials later said it had risen to 12"])
LIVES = rule(
    "casualties.lives",
    rf"\b(?:loss of|claimed|claims|claim|took|takes|cost|costs|costing|claiming|taking)\s+(?:the\s+)?{NUM}\s+lives\b",
    ["the tragic loss of at least 84 lives", "Triple suicide attacks claim 13 lives"])
LIVES_OF = rule(
    "casualties.lives_of",
    rf"\b(?:claimed|claims|claim|took|takes|cost|costs|costing|claiming|taking)\s+the\s+lives\s+of\s+{NUM}\b",
    ["Massacre claims the lives of 16 civilians"])
DEAD_NOUN = rule(
    "casualties.dead_noun",
    rf"\b{NUM}\s+(?:more\s+)?(?:(?:people|persons)\s+)?(?P<verb>dead|deaths|fatalities|martyrs)\b{_NOT_BOTH}",
    ["25 dead in fresh violence", "at least 10 people dead", "Thirteen martyrs in air strikes",
     "Eight more dead found in a ravine"])
# "Clashes leave at least 2 dead, 10 injured": a result with no victim noun.
LEFT_DEAD = rule(
    "casualties.left_dead",
    rf"\b(?:left|leaving|leaves|leave)\s+{NUM}\s+(?:(?:others|more)\s+)?(?P<verb>dead|injured|wounded|hurt)\b",
    ["Clashes in the town leave at least 2 dead", "leaving 12 injured"])
ZERO_BOTH = rule(
    "casualties.zero_both",
    r"\bno (?:casualties|one was (?:killed or (?:injured|wounded|hurt)|hurt|harmed)|injuries or deaths|"
    r"deaths or injuries|one was killed or hurt|loss of life or injur|(?:immediate )?reports? of casualties)|"
    r"causing (?:damage but )?no (?:casualties|injuries)|"
    r"without (?:causing )?(?:any )?casualties|no one was (?:injured|hurt|wounded) or killed|"
    r"\bnobody was (?:killed or )?(?:hurt|injured|harmed)",
    ["but no casualties were reported", "no one was hurt"])
ZERO_KILLED = rule(
    "casualties.zero_killed",
    r"\bno(?: one|body)(?: was| were| had been| has been)? (?:killed|died|dead)\b|"
    r"\bno (?:deaths|fatalities|lives were lost)\b(?! or)|\bno loss of life\b",
    ["No one was killed", "there were no fatalities"])
ZERO_HURT = rule("casualties.zero_hurt",
                 r"\bno (?:injuries|one was (?:injured|hurt|wounded))|\bcausing (?:damage but )?no injuries",
                 ["no one was injured"])
SINGLE = rule(
    "casualties.single",
    rf"\b{_DONE}(?P<verb>shot dead|shot and killed|killed|killing|kills|kill|gunned down|guns down|gun down|"
    r"assassinated|assassinates|assassinate|stabbed to death|beheaded|beheads|behead|murdered|murders|murder|"
    r"executes|execute|wounded|wounding|wounds|wound|injured|injuring|injures|injure)\s+"
    r"(?:a|an|one|the|his|her|their|its)\s+"
    rf"(?P<v>(?:{WORD}\s+){{0,3}}?(?:security guard|tribal leader|village elder|{PERSON}))\b",
    ["Militants shot dead a police officer", "The grenade wounded a passer-by", "Sniper kills one soldier",
     "Suspected militants kill one policewoman", "unidentified gunmen assassinate a commander of the factions"],
    counterexamples=["a hit squad would murder the novelist", "they attempted to murder a former soldier"])
# Verbs whose object can only be a person: "shot dead a village mukhtar who ...".
SINGLE_PERSON = rule(
    "casualties.single_person",
    r"\b(?P<verb>shot dead|shot and killed|gunned down|assassinated|stabbed to death|hacked to death|beheaded|"
    r"murdered|lynched)\s+(?:a|an|the|his|her|their)\s+"
    rf"(?P<v>(?:(?!(?-i:{STOPS})\b){WORD}\s+){{0,3}}?(?!(?-i:{STOPS})\b){WORD})"
    rf"(?P<also>\s+and\s+(?:his|her)\s+{MODIFIERS}(?:{VICTIM_NOUNS})\b)?"
    r"(?=\s*[,.;:(]|\s*$|\s+(?:who|as|in|on|at|near|outside|inside|while|when|after|before|from|with|during|"
    r"for|and|late|early|last|this)\b)",
    ["Militants shot dead a village mukhtar who had refused", "gunned down a retired army colonel and his son near"])
# One person named before, as a pronoun: "attacked a vehicle carrying a judge, wounding him".
SINGLE_PRONOUN = rule(
    "casualties.single_pronoun",
    rf"\b(?=[a-z]){_DONE}(?P<verb>shot dead|shot and killed|shot and wounded|killed|killing|kills|kill|gunned down|"
    r"assassinated|murdered|murders|murder|executes|execute|executed|stabbed to death|beheaded|wounded|wounding|"
    r"injured|injuring)\s+(?P<v>him|her)\b(?!\s+and\b)",
    ["exploded in Herat, wounding him", "They kill him with bullets in the market", "They execute him at his door"],
    counterexamples=["threats of killing him and his family"])
# One person as the subject: "the assailant was also killed", "His brother, who was with him, was wounded",
# "A 25-year-old man was shot Tuesday" (hit, his fate told apart).
SINGLE_PASSIVE = rule(
    "casualties.single_passive",
    r"\b(?:a|an|the|his|her)\s+"
    rf"(?P<v>(?:(?!(?-i:{STOPS})\b){WORD}\s+){{0,2}}?(?!(?-i:{STOPS})\b){WORD})"
    r"(?:\s*,\s*[^,.;]{1,50},)?(?:\s+who)?\s+"
    rf"(?P<verb>(?:(?:was|is|also|later|reportedly|subsequently|himself|herself|found|had been|has been)\s+){{1,3}}"
    r"(?:(?:raped|abducted|kidnapped|tortured|robbed|beaten|attacked|ambushed)\s+and\s+)?"
    rf"(?:shot and killed|shot and wounded|{KILL_WORDS}|{HURT_WORDS}"
    r"|shot(?!\s+(?:at|and|dead|to death)\b)(?!,\s*(?:police|officials|authorities) said))"
    r"|(?:(?:also|later|reportedly|subsequently)\s+){0,2}(?:died|perished|blew himself up|blew herself up)"
    rf"|(?:suffered|sustained|received)\s+{HARM}(?:\s+incompatible with life)?)\b",
    ["The assailant was also killed", "His nephew, who was driving the car, was wounded",
     "A second man suffered non-life-threatening injuries", "the driver sustained a gunshot wound to the arm",
     "A 17-year-old boy was critically wounded",
     "The victim, a 23-year-old man, was shot multiple times", "where a 40-year-old man had been shot",
     "A 25-year-old man was shot Tuesday night", "a woman was shot to death"],
    counterexamples=["a man was shot at but missed"])
# One more victim after a group: "two civilians were killed and another injured", "a third was wounded".
ANOTHER = rule(
    "casualties.another",
    r"\b(?P<v>another|the other|an?\s+(?:second|third|fourth|fifth|sixth))\s+"
    rf"(?:(?:was|is|has been|had been|also|later)\s+){{0,2}}(?P<verb>{KILL_WORDS}|{HURT_WORDS})\b",
    ["Three men were shot dead and a fourth was wounded", "One person is dead and another is injured"])
# "Shooting leaves man dead": a headline's bare person left dead or hurt.
LEFT_PERSON = rule(
    "casualties.left_person",
    rf"\b(?:left|leaves|leave|leaving)\s+(?:an?\s+|one\s+)?(?P<v>(?:(?!(?-i:{STOPS})\b){WORD}\s+){{0,2}}?(?:{PERSON}))"
    r"\s+(?P<verb>dead|injured|wounded|hurt|critically (?:injured|wounded))\b",
    ["Shooting in Southwest Philadelphia leaves man dead", "Crash leaves teen critically injured"],
    counterexamples=["The gunman left the house dead quiet"])
# "Both victims were pronounced dead": later deaths of a group named before.
PRONOUNCED_DEAD = rule(
    "casualties.pronounced_dead",
    rf"\b(?P<n>{NUMBER}|both)\s+(?:of\s+(?:them|the\s+victims)\s+|{VICTIMS}\s+)?(?:were|have been|had been)\s+"
    r"(?:later\s+)?pronounced\s+dead\b",
    ["Both victims were pronounced dead at the scene", "Two of them were pronounced dead at the hospital"])
# A second person in a clause without its verb: "A woman was killed and her boyfriend critically injured".
ELLIPTICAL = rule(
    "casualties.elliptical",
    r"\b(?:was|were)\s+(?:[\w-]+\s+){1,3}?(?:and|while)\s+(?:a|an|the|his|her|their)\s+"
    rf"(?P<v>(?:(?!(?-i:{STOPS})\b){WORD}\s+){{0,2}}?(?:{PERSON}))\s+"
    rf"(?P<verb>{HOW_BADLY}(?:injured|wounded|hurt)|killed)\b{_ACTIVE_AFTER}",
    ["A woman was killed and her boyfriend critically injured", "the driver was killed and a passenger wounded"],
    counterexamples=["The officer was attacked and the gunman killed three people"])
# A wounded victim who died afterwards: "the policeman later succumbed to his injuries".
LATER_DEATH = rule(
    "casualties.later_death",
    r"\b(?:later |subsequently )?(?:succumbed to (?:(?:his|her|their) )?(?:injuries|wounds)|"
    r"died (?:later )?(?:of|from) (?:his|her) (?:injuries|wounds)|"
    r"died\b(?:\s+[\w-]+){0,4}?\s+(?:in|at)\s+(?:the\s+|a\s+)?(?:[\w'-]+\s+){0,2}?hospital|"
    r"(?:was|were) pronounced dead|\bwhere (?:he|she|they|the victim) (?:later |subsequently )?died\b|"
    r"\b(?:shot|wounded|injured|stabbed|hit|struck)\b[^.;]{0,40}?\band (?:later |then )?"
    r"died\b|died (?:at the scene|on the spot|on the way to "
    r"(?:the |a )?hospital|shortly (?:after|afterwards)))",
    ["A farmer wounded in the raid succumbed to his injuries", "He later died at the hospital",
     "and was pronounced dead at the scene", "was shot multiple times and died at the scene",
     "He died a few minutes ago at Rosales Hospital", "He was taken to a local hospital, where he died"],
    counterexamples=["They offered resistance and died in the confrontation"])
# "Two people were shot and one of them later died": some of a group named before died afterwards.
DIED_OF_THEM = rule(
    "casualties.died_of_them",
    rf"\b(?P<n>{NUMBER})\s+of\s+(?:them|whom|the (?:wounded|injured)(?:\s+[\w-]+)?|the victims)\s+"
    r"(?:(?:later|subsequently|also)\s+)?"
    r"(?:died|succumbed|(?:was|were) (?:later )?pronounced dead)\b",
    ["Two people were shot and one of them later died", "one of the wounded died overnight",
     "Two of the wounded subversives died later at the hospital"])
# A person named as the subject: "John Smith was shot and killed", "Maria Lopez, 34, was wounded".
NAMED_VICTIM = rule(
    "casualties.named_victim",
    r"\b(?P<v>(?-i:[A-Z][a-z'’-]+(?:\s+(?:[A-Z]\.|[A-Z][a-z'’-]+)){1,2}))(?:\s*,\s*\d{1,3}\s*,)?\s+"
    r"(?:was|has been|had been)\s+(?:(?:also|later|reportedly)\s+)?"
    r"(?P<verb>shot and killed|shot dead|shot to death|fatally shot|killed|murdered|assassinated|stabbed to death|"
    r"beaten to death|gunned down|shot and wounded|wounded|injured|shot(?!\s+(?:at|and|dead|to death)\b))\b",
    ["On Oct. 23, 40-year-old John Smith was shot and killed", "Maria Lopez, 34, was wounded in the leg"],
    counterexamples=["The Taliban was blamed", "Police were called"])

# One person described between commas: "Maria Lopez, 34, was wounded", "Ana Ruiz, a union leader, died".
_FATE = (r"(?:(?:was|had been|has been)\s+)?(?:(?:also|later|reportedly)\s+)?(?P<verb>shot and killed|shot dead|"
         r"shot to death|fatally shot|killed|died|murdered|assassinated|stabbed to death|beaten to death|gunned down|"
         r"shot and wounded|wounded|injured)\b")
AGED_VICTIM = rule(
    "casualties.aged_victim",
    rf"\b(?P<v>[\w'’-]+)\s*,\s*(?:aged\s+)?\d{{1,3}}\s*,\s+(?=was\b|had\b|has\b){_FATE}",
    ["Maria Lopez, 34, was wounded in the leg", "CITIZEN JOSE RODRIGUEZ, 42, WAS KILLED BY TWO BULLETS"],
    counterexamples=["In 2019, 34 people were killed"])
APPOSED_VICTIM = rule(
    "casualties.apposed_victim",
    rf",\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,4}}?(?P<v>{PERSON})\s*,\s+{_FATE}",
    ["Guillermo Rojas, the leftist trade union leader, died in Soyapango",
     "John Doe, a 34-year-old father, was shot and killed"],
    counterexamples=["In the capital, the army, killed three rebels"])

# Headlines drop their articles: "Yemen soldier killed in ambush", "Gunmen kill Yemeni intelligence officer".
# A bare singular noun phrase is one person, when it opens a headline (or a clause of one) as the victim, or
# follows a present-tense verb as its object.
_HEAD_WORD = r"(?!(?:" + STOPS + r")\b(?!-))(?!\d)[\w'’.-]+"
_PERSON_PHRASE = rf"(?P<v>(?:{_HEAD_WORD}\s+){{0,4}}?(?:ex-)?(?:{PERSON}))(?!['’]s\b)(?![\w-])['’\"”]?"
# What a headline says of the person before the verb: "Commander of rebel group killed", "Policeman escorting
# polio workers killed".
_HEAD_AFTER = (r"(?:\s+(?:of|in|from|with|(?!(?:kill|shoot|wound|injur))[a-z]+ing)\s+(?:the\s+)?"
               r"(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+)?")
# The name a headline gives after the noun: "Rebel leader Ali Karbino killed".
_NAME_AFTER = r"(?:\s+['‘\"“]?(?-i:[A-Z])[\w'’.-]*['’\"”]?){0,3}"
_CLAUSE_END = (r"(?=\s*[,.;:(]|\s*$|\s+[-–—]\s|\s+(?:who|as|in|on|at|near|outside|inside|while|when|after|before|from|"
               r"with|during|for|and|by|over|amid|despite)\b|\s+(?!(?:kill|shoot|wound|injur))[a-z]+ing\b)")
HEADLINE_VICTIM = rule(
    "casualties.headline_victim",
    rf"(?:^|(?<=[,:;])\s*|(?<=\s[-–—])\s*){_PERSON_PHRASE}{_NAME_AFTER}{_HEAD_AFTER}\s+"
    r"(?:(?:reportedly|allegedly|also|found|is|was)\s+)?"
    r"(?P<verb>killed|dead|shot dead|fatally wounded|fatally shot|mortally wounded|martyred|shot to death|slain|dies|"
    r"died|gunned down|beheaded|murdered|executed|assassinated|"
    r"stabbed to death|hacked to death|lynched|wounded|injured|hurt|(?-i:KIA|WIA))\b"
    rf"{_ACTIVE_AFTER}(?!\s+(?:him|her|them|himself|herself)\b)",
    ["Yemen soldier killed in ambush", "Rebel killed, 2 soldiers injured in clash", "Teenager found dead in a car",
     "Female polio aid worker killed in northwest Pakistan", "Troops shell a village, militiaman killed",
     "Police officer killed, two injured", "Rebel leader Ali Karbino killed in North Darfur",
     "'Senior al-Qaeda member' killed in strike", "Tactical commander in ethnic army killed in battle",
     "Policeman escorting polio workers killed", "Man is murdered in the Villa del Prado",
     "Five-year-old Girl Killed by troops"],
    counterexamples=["Gunman killed three people", "soldiers killed in ambush", "Police killed in an attack",
                     "A farmer wounded in the raid succumbed"])
HEADLINE_OBJECT = rule(
    "casualties.headline_object",
    rf"\b(?=[a-z]){_DONE}(?P<verb>kills|kill|shoots? dead|guns? down|hacks? to death|stabs? to death|beheads?|"
    r"executes?|assassinates?|murders?|slays?|lynch(?:es)?|injures?|wounds?)\s+"
    rf"{_PERSON_PHRASE}(?P<more>(?:\s*(?:,|and|&)\s+{_BARE_PERSON})*){_CLAUSE_END}",
    ["Gunmen kill Yemeni intelligence officer in Lahij", "Gunmen kill judge, his son in the capital",
     "Suspected militants kill Yemeni colonel",
     "Troops Kill Top Boko Haram Commander", "Suspected rebel kills ex-cop in town",
     "combat vehicle kills 8-year-old - TV"],
    counterexamples=["Gunmen kill 15 in Kaduna", "Troops kill rebels", "kill a soldier's wife"])

# "A dead civilian and an injured policeman": the outcome as an adjective of one person.
OUTCOME_ADJECTIVE = rule(
    "casualties.outcome_adjective",
    rf"\b(?:a|an|one)\s+(?P<verb>dead|injured|wounded)\s+(?P<v>{PERSON})\b(?!['’]s\b)",
    ["A dead civilian and an injured policeman, balance of attacks"], counterexamples=["a dead man's switch"])
# A couple is two people: "They murder a couple in the neighbourhood", "Couple who owned a shop shot and killed".
COUPLE_OBJECT = rule(
    "casualties.couple_object",
    rf"\b(?=[a-z]){_DONE}(?P<verb>kills?|killed|killing|murders?|murdered|murdering|execute[sd]?|executing|shot dead|"
    r"shoots? dead|gunned down)\s+(?:a|the)\s+(?:[\w-]+\s+)?couple\b",
    ["They murder a couple in the neighbourhood"])
COUPLE_VICTIM = rule(
    "casualties.couple_victim",
    r"(?:^|\b(?:an?|the)\s+)(?:[\w-]+\s+)?couple\s+(?:who\s+[^,.;]{1,60}?\s+)?(?:(?:was|were|found)\s+){0,2}"
    r"(?P<verb>shot and killed|shot dead|killed|murdered|executed|dead)\b",
    ["Couple who owned a restaurant shot and killed by gunmen", "An elderly couple was found dead"])
# A verb and "to death" around its object: "Cultists stab a youth to death", "hacked 10 villagers to death".
TO_DEATH = rule(
    "casualties.to_death",
    r"\b(?P<verb>stab(?:s|bed)?|hack(?:s|ed)?|beat(?:s|en)?|burn(?:s|ed|t)?|ston(?:e|es|ed)|club(?:s|bed)?|"
    r"bludgeon(?:s|ed)?|shot|shoots?|starv(?:e|es|ed)|tortur(?:e|es|ed))\s+"
    rf"(?:(?P<one>him|her)|(?:(?P<det>an?|one|the|his|her|their)|{NUM})"
    rf"(?:\s+(?P<v>(?:{_HEAD_WORD}\s+){{0,3}}?{_HEAD_WORD}))?)\s+to\s+death\b",
    ["Cultists stab a youth to death, Lagos", "Militiamen hacked 10 villagers to death", "beat him to death"])
# Shootings: "four teenagers were shot, one fatally" (one killed, three hurt).
_FATALLY = (rf",\s*(?P<m>{NUMBER})\s+(?:of\s+(?:them|whom)\s+)?(?:fatally|mortally|"
            r"of\s+(?:them|whom)\s+(?:later\s+)?(?:died|(?:was|were)\s+killed))\b")
SHOT_SOME_FATALLY = rule(
    "casualties.shot_some_fatally",
    rf"\b{NUM}\s+(?:{VICTIMS}\s+)?(?:(?:were|have been|had been|was|got)\s+)?shot{_FATALLY}",
    ["Four teenagers were shot, one fatally", "5 people shot, 2 fatally", "Three men were shot, one of whom died"])
SHOOTING_SOME_FATALLY = rule(
    "casualties.shooting_some_fatally",
    rf"\b(?:shot|shooting|shoots)\s+{NUM}(?:\s+{VICTIMS})?{_FATALLY}",
    ["A gunman opened fire, shooting four people, two fatally"])
# "Two men were shot Saturday": hit by gunfire, fate told apart ("one died at the hospital").
SHOT = rule(
    "casualties.shot",
    rf"\b{NUM}\s+(?:{VICTIMS}\s+)?(?:(?:were|are|have been|had been|got)\s+)?shot\b"
    r"(?!\s+(?:at|dead|to death|down)\b|\s+and\s+(?:killed|wounded|injured)\b|\s*,\s*\w+\s+(?:fatally|mortally)|"
    r"\s+(?:an?|the|his|her|their)\s)",
    ["Two men were shot Saturday night", "3 shot in drive-by", "Two people were shot and one of them later died"],
    counterexamples=["Two men were shot dead", "Three were shot and killed", "two shot at police"])

SUBSET_BEFORE = rule(
    "casualties.subset_before",
    r"(?:including|includes|included|include|among them|among whom|of them|of whom|of those|among the dead|"
    r"among the victims)\s*$",
    ["42 people, including "])
SUBSET_AFTER = rule("casualties.subset_after", r"^\s*(?:of them|of whom|among them|of the dead|of the victims)",
                    [" of them women"])
# Every reader needs one of these stems; most sentences have none and are skipped at once.
ANY_CUE = rule(
    "casualties.any_cue",
    r"kill|dead|die[ds]?\b|wound|injur|hurt|casualt|toll|death|lives|fatalit|slain|massacr|execut|perish|murder|"
    r"behead|gunned|gunning|guns down|gun down|burn|hospital|maim|assassin|lynch|succumb|blew|harm|detonat|slaughter|"
    r"hacked|hacking|hacks|loss of life|\bshot\b|shoot|fatal|\bKIA\b|\bWIA\b|\bslay|\bslew|\bbod(?:y|ies)\b|corpse|"
    r"stab|martyr|dismember|decapitat|deprived of|incompatible with life|lifeless|without life|(?:human|severed) head|"
    r"(?:critical|serious|grave|stable|fair|guarded) condition",
    ["were killed", "Two die in crossfire", "Four teenagers were shot", "2 KIA", "They find the body of a man"],
    counterexamples=["Troops were deployed to the town"])
