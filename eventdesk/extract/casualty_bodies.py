"""The dead named by what was found or what was done to them: bodies and remains, people found dead,
"the execution of 4 persons", "three slaughtered women". Rules of `casualties`, as in `casualty_rules`.
"""

from __future__ import annotations

from eventdesk.extract.casualty_words import HARM, MODIFIERS, NUM, PERSON, STOPS, VICTIM_NOUNS, VICTIMS
from eventdesk.extract.rules import rule

# Bodies found are people killed: "4 bodies thrown on the highway", "the bodies of 9 decapitated men",
# "They find the body of a man", "Police locate a murdered man", "He finds his son dead".
BODIES_COUNTED = rule(
    "casualties.bodies_counted",
    rf"\b{NUM}\s+(?:more\s+)?(?:(?!(?:{STOPS})\b)[\w-]+\s+){{0,2}}?(?:dead\s+)?(?:bodies|corpses)\b",
    ["Police find 4 bodies on the highway", "Five dismembered corpses in Acapulco", "FOUR DEAD BODIES WERE LEFT"],
    counterexamples=["elections to the legislative bodies"])
BODIES_OF = rule("casualties.bodies_of", rf"\b(?:bodies|corpses|remains)\s+of\s+{NUM}\b",
                 ["The bodies of 9 decapitated men were found"], counterexamples=["the bodies of the victims"])
_FIND = r"(?:find|finds|found|locate|locates|located|discover|discovers|discovered|recover|recovers|recovered)"
_DEAD_STATE = (r"(?:lifeless|murdered|dead|decapitated|dismembered|executed|tortured|bullet-riddled|strangled|"
               r"shot dead|stabbed to death|beheaded|burned|charred)")
A_BODY = rule(
    "casualties.a_body",
    rf"\b{_FIND}\s+(?:a|an|the|one)\s+(?:[\w-]+\s+){{0,3}}?(?:body|corpse)\b(?!\s+(?:armou?r|camera|count|bag))|"
    r"\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:body|corpse)\s+(?:of\s+(?:a|an)\b|(?:was\s+)?"
    r"(?:found|discovered|located|dumped|recovered|left)\b(?!\s+to\b))|"
    r"^(?:[\w-]+\s+){0,3}?(?:body|corpse)\s+(?:was\s+)?(?:found|discovered|located|dumped|recovered|left)\b"
    r"(?!\s+to\b)",
    ["They find the body of a young man near the river", "Abandoned body found in Uruapan",
     "Police find the wrapped body of a musician", "a corpse was dumped on the road"],
    counterexamples=["the student body was found to be divided", "a body of water", "his body armour"])
FOUND_DEAD = rule(
    "casualties.found_dead",
    rf"\b{_FIND}\s+(?:a|an|the|one|his|her|their)\s+(?:(?:{_DEAD_STATE})\s+(?:[\w-]+\s+){{0,2}}?(?P<v>{PERSON})\b"
    rf"|(?P<w>(?:[\w-]+\s+){{0,2}}?(?:{PERSON}))\s+{_DEAD_STATE}\b)",
    ["They locate a lifeless man in the river", "They find a man murdered on the road", "He finds his son dead",
     "Police found a murdered woman"],
    counterexamples=["They find a man who had been missing"])
# Several found dead: "They find two men tortured and executed", "They find 5 dismembered in Acapulco".
FOUND_SEVERAL_DEAD = rule(
    "casualties.found_several_dead",
    rf"\b{_FIND}\s+{NUM}\s+(?:(?P<v>{MODIFIERS}(?:{VICTIM_NOUNS}))\s+)?(?:(?:who had been|who were)\s+)?"
    rf"(?P<verb>{_DEAD_STATE}|(?:tortured|bound|blindfolded|beaten)\s+and\s+(?:executed|killed|murdered|shot))\b",
    ["They find two men tortured and executed by asphyxiation", "They find 5 dismembered in Acapulco",
     "Police found three men dead in a car"],
    counterexamples=["They found two men hiding in the barn", "Rescuers found 12 survivors"])
# A noun of killing with its victims: "the execution of 4 persons", "the killing of 12 villagers".
KILLING_OF = rule(
    "casualties.killing_of",
    r"\b(?P<verb>killing|killings|murder|murders|execution|executions|massacre|slaughter|slaying|deaths|beheading)"
    rf"\s+of\s+{NUM}\s+{VICTIMS}",
    ["A video shows the execution of 4 persons", "the killing of 12 villagers by gunmen"],
    counterexamples=["the killing of the mayor"])
# The dead named by an adjective: "leaves a banner with three slaughtered women", "Four dead soldiers were found".
DEAD_ADJECTIVE = rule(
    "casualties.dead_adjective",
    rf"\b{NUM}\s+(?P<verb>dead|murdered|slaughtered|slain|executed|decapitated|dismembered|lifeless|charred|"
    rf"massacred)\s+{VICTIMS}",
    ["NCDJ leaves a banner with Three Slaughtered Women", "Four dead soldiers were found"],
    counterexamples=["two wounded soldiers die in hospital"])
# People found hurt: "Officers found a man with a gunshot wound", "found two men suffering from stab wounds".
FOUND_HURT = rule(
    "casualties.found_hurt",
    rf"\b{_FIND}\s+(?:(?:a|an|the|one)\s+(?:(?!(?-i:{STOPS})\b)[\w-]+\s+){{0,2}}?(?:{PERSON})|{NUM}\s+{VICTIMS})"
    rf"\s+(?:with|suffering(?:\s+from)?)\s+{HARM}\b",
    ["Officers found a man with a gunshot wound to the chest", "Deputies found two men suffering from stab wounds"],
    counterexamples=["They found a man with a knife"])
