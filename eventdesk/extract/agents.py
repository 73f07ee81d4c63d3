"""The words around a name that say it did the violence, or only tells of it.

The subject of an attack verb ("ISWAP fighters attacked ..."), the agent after "by" ("killed by the
rebels"), an official's attribution ("police blamed ..."), a hedge ("suspected ...") and a reporter
("... said"): the phrases `perpetrators` reads around a named actor, a description and a state force.
"""

from __future__ import annotations

from eventdesk.extract.casualty_reports import HEADLINE_END
from eventdesk.extract.rules import rule
from eventdesk.extract.text import is_upper_case


def is_headline(sentence: str) -> bool:
    """A headline, not prose: no closing stop, and not upper-case wire copy (whose lines run on)."""
    return bool(HEADLINE_END.search(sentence)) and not is_upper_case(sentence)


# What follows a name when the named group acts: "ISWAP fighters attacked", "the Houthi movement launched".
GROUP_NOUNS = (r"infiltrators?|gunman|militant|fighter|sniper|suicide attackers?|air ?strikes?|drones?|"
              r"drone strikes?|shells|rockets|missiles|artillery|snipers|gunmen|cadres|fighters|militants|"
              r"insurgents|members|jihadists|rebels|militiamen|militia|elements|"
              r"terrorists|operatives|guerrillas|forces|troops|soldiers|police|commandos|jets|warplanes|"
              r"aircraft|units|supporters|loyalists|suicide bombers?|bombers?|attackers|assailants|"
              r"men|group|movement|army|military|fronts?|columns?|cells?|squads?|brigades?|battalions?|gangs?|"
              r"gang federation|federation|cartel|factions?|network|"
              r"detachments?|patrols?|sect")
# What may stand between a name and its verb: an aside, the group's fighters, an auxiliary or a time.
_SUBJECT_BEFORE_VERB = (
    rf"^['’\"”]?\s*(?:[\])]\s*)?(?:[\[(][^)\]]{{0,40}}[)\]]\s*)?(?:'s\s+)?(?:,[^,]{{0,60}},\s*(?!\w+ing\b))?"
    rf"(?:(?:\w+\s+)?(?:{GROUP_NOUNS})['’\"”]?\s+(?:(?:in|on|from|aboard|with) (?:\w+\s+){{0,2}}?\w+\s+)?)?"
    r"(?:(?:who|that)\s+(?=(?:have|has|had)\s))?"
    r"(?:(?:have|has|had|reportedly|allegedly|also|then|on \w+|tried to|attempted to|today|yesterday|tonight|"
    r"last night|this (?:morning|afternoon|evening)|early (?:today|yesterday)|later)\s+)*")
_ATTACK_VERBS = (
    r"(?:attack\w*|struck|strike|stormed|raided|triggered|set off|ambush\w*|kill\w*|shot|shoot|opened fire|"
    r"fired|bomb\w*|"
    r"shell\w*|launched|abduct\w*|kidnapp\w*|seized|captured|overran|torched|burn\w*|set fire|detonated|"
    r"carried out|conducted|targeted|hit|besieged|executed|beheaded|massacred|clashed|fought|assassinated|murdered|"
    r"blew|exploded|planted|rammed|hit|slammed|landed|invaded|assaulted|pounded|bombarded|stopped|blocked|hurled|"
    r"threw|stabbed|"
    r"machine-?gunned|strafed|dynamited|riddled|sprayed|burst into|broke into|intercepted|rounded up|dragged|"
    r"tortured|raped|beat|lynched|hacked|decapitated|forced|sabotaged|"
    r"doused|fired on|fired at|seized|took|ransacked|looted|overran|surrounded|entered|arrived|descended|"
    r"on motorcycles|on motorbikes|riding|armed with|wielding|in (?:a|two|several) (?:vehicles|pickups|trucks)|"
    r"(?:ordered|masterminded|planned|organi[sz]ed) (?:the )?(?:assassination|killing|murder|kidnapping|"
    r"abduction|attack|bombing|massacre))")
# The present of a headline ("Boko Haram storm a college", "Army clashes with rebels", "Troops raid a camp").
_HEADLINE_VERBS = (
    r"(?:storms?|raids?|strikes|shoots|ambush(?:es)?|abducts?|kidnaps?|seizes?|captures?|overruns?|torch(?:es|ed)?|"
    r"burns?|sets? (?:ablaze|fire)|detonates?|executes?|beheads?|massacres?|clash(?:es|ed)?|fights?|battles?|"
    r"assassinates?|murders?|hits|invades?|assaults?|pounds?|bombards?|stabs?|lynch(?:es)?|hacks?|tortures?|"
    r"rapes?|beats?|opens? fire|fires? (?:on|at)|guns? down|targets?|repel(?:s|led)?|repulsed?|neutrali[sz]e[sd]?|"
    r"destroy(?:s|ed)?|raze[sd]?|overpowers?|overpowered|down(?:s|ed)?|ston(?:es|ed))\b")
# The text after an actor that makes it the subject of an attack verb.
SUBJECT_VERB = rule(
    "agents.subject_verb",
    _SUBJECT_BEFORE_VERB + _ATTACK_VERBS,
    [" fighters attacked a military base near the town", " (ISWAP) militants stormed the village at dawn",
     ", which is active in the north, has carried out the raid", " gunmen on motorbikes opened fire on the crowd",
     " ordered the assassination of the judge", "' kills an intelligence officer", " attack' kills 20 soldiers"],
    counterexamples=[" said four people were killed", ", the group said, was not involved", " fighters in the area"],
)
# The same in a headline, whose present tense names its initiator too: "Boko Haram storm a college".
HEADLINE_SUBJECT_VERB = rule(
    "agents.headline_subject_verb",
    _SUBJECT_BEFORE_VERB + rf"(?:{_ATTACK_VERBS}|{_HEADLINE_VERBS})",
    [" storm a college dormitory", " clashes with rebels in the north", " Raid a Hideout, Kill Two",
     " sect kills three in a raid", " fighters stones a man to death"],
    counterexamples=[" said four people were killed", " fighters in the area"],
)
# A headline's passive without its auxiliary names the victims: "Two militants killed in an air strike", "NPA rebel
# slain in a clash", "Soldiers killed by a roadside bomb"; "Gunmen killed three" is active.
HEADLINE_PASSIVE = rule(
    "agents.headline_passive",
    rf"^['’\"”]?(?:\s+(?:(?:{GROUP_NOUNS})\b|[\w'-]+)){{0,2}}?\s+(?:(?:were|was|are|is|reportedly|allegedly)\s+)?"
    r"(?:killed|shot dead|slain|dead|die[sd]?|wounded|injured|hurt|captured|arrested|neutrali[sz]ed|executed|"
    r"beheaded|gunned down|abducted|kidnapped)\b"
    r"(?=\s*(?:$|[,;:.(\-–—])|\s+(?:in|at|on|near|during|after|as|while|when|by|amid|outside|inside|from|over|"
    r"following|since|last|yesterday|today|trying|despite)\b)",
    [" militants killed in an air strike", " rebel slain in a clash", " killed by a roadside bomb",
     " members killed, two captured", " fighters die in infighting"],
    counterexamples=[" killed three soldiers in an ambush", " killed a policeman", " fighters attacked the base"],
)
# "by" names the perpetrator after a violent verb or noun ("killed by", "an attack by"), not after
# "backed by", "requested by" or "headed by".
# Up to two adverbials between a verb and "by" ("kidnapped on 27 March near his home by"), holding no verb.
ADVERBIALS = (r"(?:,?\s+(?:on|in|near|at|outside|inside|during|after|last|early|late|yesterday|today|overnight)"
              r"(?:\s+(?!(?:was|were|is|are|been|being|has|have|had)\b|[\w'-]+ed\b)[\w'-]+){0,4}?,?){0,2}")
VIOLENT_BY = (r"(?:kill|attack|murder|kidnapp|abduct|shot|shoot|ambush|struck|hit|bomb|shell|target|seiz|storm|raid|"
              r"torch|burn|destroy|damag|wound|injur|assassinat|execut|massacr|detonat|plant|plac|fir|launch|"
              r"carried out|perpetrat|commit|stag|conduct|caus|claim|organi[sz]|orchestrat|mastermind|dynamit|"
              r"blown up|set off|strike|airstrike|air strike|assault|offensive|operation|gunfire|rocket|missile|"
              r"drone|hijack|occup|overr[au]n|captur|ransack|loot|ram|stabb|beat|tortur|harass)\w*"
              r"(?:\s+(?:dead|to death|down))?" + ADVERBIALS + r"\s+by")
# The text before an actor that attributes the attack to it.
ATTRIBUTION_BEFORE = rule(
    "agents.attribution_before",
    rf"(?:blamed|blame|blaming|attributed (?:\w+ ){{0,3}}to(?: (?:a|an|the) (?:[\w-]+ ){{0,2}}(?:between|among|"
    rf"within) (?:[\w-]+ ){{0,2}}(?:of|in))?|{VIOLENT_BY}(?:\s+(?:a\s+)?(?:group\s+of\s+)?"
    rf"(?:\w+\s+)?(?:{GROUP_NOUNS})\s+(?:of|from))?|responsible (?:was|were)|behind it was|"
    r"accused|accusing|pointed to|belong(?:ed|s|ing)? to|(?:were|was) members of)\s+(?:the\s+|a\s+|an\s+)?"
    rf"(?:(?!by\b)[\w-]+\s+)?[\"\u201c']?$|{VIOLENT_BY}\s+(?:the\s+|a\s+|an\s+)?(?:self-styled|so-called)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    ["Police blamed the ", "The governor attributed the attack to ", "The convoy was ambushed by ",
     "Two engineers were kidnapped on 27 March near their camp by ", "killed by a group of fighters from the "],
    counterexamples=["The talks were backed by the ", "The report was welcomed by ", "Russia has been blamed by "],
)
HEDGE_BEFORE = rule(
    "agents.hedge_before",
    r"(?:suspected|suspect|alleged|possible|presumed|purported|believed to be|thought to be|likely|"
    r"may have been|might have been|suspicion (?:fell )?on|suspected of being|linked to|affiliated with|"
    r"sympathi[sz]ers of|inspired by|loyal to|praised|welcomed|hailed|denied|deny|"
    r"(?:preposterous|absurd|false|wrong|unfair|ridiculous|not|never) to blame)\s+(?:\w+\s+){0,2}$",
    ["Suspected ", "The attackers were believed to be ", "A spokesman denied that ", "It would be wrong to blame "],
    counterexamples=["Police blamed "],
)
# The text after an actor that makes it who reports the attack.
REPORTER_AFTER = rule(
    "agents.reporter_after",
    r"^\s*(?:'s\s+\w+\s+)?(?:(?:have|has|had)\s+(?:also\s+)?)?"
    r"(?:said|says|reported|reports|told|confirmed|announced|stated|"
    r"added|noted|quoted|spokesman|spokesperson|officials? said)",
    [" said four people were killed", "'s ministry reported the attack", " has also confirmed the toll"],
    counterexamples=[" fighters attacked the base"],
)
# The agent of a violent verb ("killed by the rebels"), not of any verb ("the reports received by the police").
AGENT_BY = rule(
    "agents.agent_by",
    rf"{VIOLENT_BY}\s+(?:the\s+|a\s+|a group of\s+|some\s+|\w+\s+)?$",
    ["Two mayors were kidnapped by ", "The guard was shot dead by a group of "],
    counterexamples=["The report was welcomed by "],
)
# The accusation verb in the passive: an auxiliary before it, or no object after it ("Iran accused of ...").
ACCUSED_PASSIVE = rule(
    "agents.accused_passive",
    r"\b(?:(?:has|have|had)\s+(?:(?:also|long|repeatedly|often|widely|previously|now|again)\s+)?been|is|are|was|"
    r"were|being|been|stands?|stood|remains?|get|gets|got)\s+(?:(?:also|long|repeatedly|often|widely|"
    r"reportedly|previously|now|again|openly|publicly|formally)\s+)?(?:accused|blamed|alleged)\b|"
    r"\b(?:accused|blamed)(?=\s+(?:of|for|by)\b)",
    ["Iran has been accused of orchestrating attacks", "the Houthis were accused by the government of shelling",
     "Hezbollah is blamed for the rocket fire", "Iran accused of arming rebels", "Iran stands accused of",
     "the group, which has long been accused of kidnapping"],
    counterexamples=["The United States accused Iran of attacking ships", "Israel has accused Hamas of",
                     "Police blamed the rebels for the attack"],
)
# What may stand between the accused and its passive verb: an aside, a relative pronoun, the group's fighters.
ACCUSED_SUBJECT = rule(
    "agents.accused_subject",
    rf"^\s*(?:[\])]\s*)?(?:\([^)]{{0,40}}\)\s*)?(?:'s\s+(?:[\w-]+\s+)?)?(?:(?:{GROUP_NOUNS})\s+)?"
    r"(?:,\s*(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?)?(?:which|who|that)\s+|(?:which|who|that)\s+|"
    r",[^,]{0,80},\s*|,\s*)?$",
    [" ", " militants ", ", which ", ", a group which ", " (IRGC) ", ", the US said, "],
    counterexamples=["-backed militias ", " and the rebels said the army ", " talks ended and the group "],
)
# The agent of a passive accusation: "accused by the Yemeni government of", "blamed on Monday by".
ACCUSER_BY = rule(
    "agents.accuser_by",
    r"^(?:\s+(?:on|in|last|yesterday|today|earlier|again|publicly|repeatedly)(?:\s+[\w'-]+){0,3}?,?)?"
    r"\s+by\s+(?:the\s+|a\s+|an\s+)?(?:[\w'-]+\s+){0,2}$",
    [" by the ", " by ", " on Monday by the ", " by the leaders of "],
    counterexamples=[" of supplying drones to ", " for the rocket fire on "],
)
