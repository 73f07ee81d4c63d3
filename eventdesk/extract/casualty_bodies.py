"""The dead named by what was found or what was done to them: bodies and remains, people found dead,
"the execution of 4 persons", "three slaughtered women". Rules of `casualties`, as in `casualty_rules`.
"""

from __future__ import annotations

from eventdesk.extract.casualty_words import HARM, MODIFIERS, NUM, PERSON, SMALL_WORDS, STOPS, VICTIM_NOUNS, VICTIMS
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
    rf"\b{_FIND}\s+(?:a|an|the|one|another)\s+(?:[\w-]+\s+){{0,3}}?(?:body|corpse)\b(?!\s+(?:armou?r|camera|count|bag))|"
    r"\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:body|corpse)\s+(?:of\s+(?:a|an)\b|(?:was\s+)?"
    r"(?:found|discovered|located|dumped|recovered|left|abandoned)\b(?!\s+to\b))|"
    r"^(?:[\w-]+\s+){0,3}?(?:body|corpse)\s+(?:was\s+)?(?:found|discovered|located|dumped|recovered|left|abandoned)\b"
    r"(?!\s+to\b)|"
    r"\b(?:leave|leaves|left|dumps?|dumped|abandons?|abandoned|throws?|threw|hangs?|hung)\s+(?:a|an|another|one)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:body|corpse|(?:human|severed) head)\b(?!\s+(?:armou?r|camera|count|bag))",
    ["They find the body of a young man near the river", "Abandoned body found in Uruapan",
     "Police find the wrapped body of a musician", "a corpse was dumped on the road",
     "Police locate another body on the highway", "They leave a decapitated body on a road",
     "Gang throws a human head in the market area", "Lifeless body was abandoned in a field"],
    counterexamples=["the student body was found to be divided", "a body of water", "his body armour"])
FOUND_DEAD = rule(
    "casualties.found_dead",
    rf"\b{_FIND}\s+(?:(?:a|an|the|one|his|her|their)\s+(?:(?:[\w-]+\s+)?(?:{_DEAD_STATE})\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?P<v>{PERSON})\b|(?P<w>(?:[\w-]+\s+){{0,2}}?(?:{PERSON}))\s+{_DEAD_STATE}\b)|(?:him|her)\s+dead\b)",
    ["They locate a lifeless man in the river", "They find a man murdered on the road", "He finds his son dead",
     "Police found a murdered woman", "They find a semi-calcined lifeless young man", "they found him dead"],
    counterexamples=["They find a man who had been missing"])
# A person found dead, the finding told in the passive: "Lifeless man found on a street", "Murdered woman located in a
# ditch", "Body of a man found in a canal".
FOUND_DEAD_PASSIVE = rule(
    "casualties.found_dead_passive",
    rf"(?:^|(?<=[;:])\s*)(?:a\s+|an\s+|the\s+|one\s+)?(?:{_DEAD_STATE})\s+(?:[\w-]+\s+){{0,2}}?(?P<v>{PERSON})\s+"
    r"(?:(?:is|was|has been)\s+)?(?:found|located|discovered|recovered)\b",
    ["Lifeless man found on a street in the north", "Murdered woman located in a ditch",
     "Police report; Dead teenager found in a car"],
    counterexamples=["Police say a lifeless man was carried out", "Wounded man found hiding"])
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

# One victim named with "a" or after a conjunction, where a headline keeps them: "A commander assassinated in the
# city", "An aide of the governor killed in an ambush", "Envoy summoned after man killed in border firing".
_ONE_DEATH = (r"(?P<verb>killed|shot dead|slain|murdered|assassinated|executed|beheaded|lynched|gunned down|"
              r"stabbed to death|hacked to death|beaten to death)\b")
ONE_VICTIM = rule(
    "casualties.one_victim",
    rf"(?:(?:^|(?<=[,:;])\s*)(?:a|an|one)\s+|\b(?:after|as|when)\s+(?:a\s+|an\s+)?)"
    rf"(?:(?!(?:{STOPS})\b)[\w'’.-]+\s+){{0,3}}?(?P<v>{PERSON}|founder|director|element)(?!['’]s\b)"
    r"(?:\s+of(?:\s+[\w'’&#;.-]+){1,4}?)?\s+(?:(?:was|is|reportedly)\s+)?"
    rf"{_ONE_DEATH}(?!\s+(?:\d|a|an|the|his|her|their|{SMALL_WORDS})\b)",
    ["A commander assassinated in the city and clashes nearby", "An aide of the governor killed in an ambush",
     "Envoy summoned after man killed in border firing", "A founder of the cartel killed in prison"],
    counterexamples=["A gunman killed three people", "after soldiers killed in an ambush were buried",
                     "A farmer wounded in the raid"])
# The victim of a noun of killing: "the mob killing of a Christian woman", "a photographer's killing".
KILLING_OF_ONE = rule(
    "casualties.killing_of_one",
    rf"\b(?:killing|murder|assassination|execution|slaying|beheading|lynching)\s+of\s+(?:(?:a|an|one|the)\s+)?"
    rf"(?:(?!(?:{STOPS})\b)[\w'’.-]+\s+){{0,3}}?(?P<v>{PERSON})\b(?!['’]s\b)(?![\w-])(?!\s+and\b)|"
    rf"\b(?:(?:a|an|the|over|for)\s+)(?:[\w'’-]+\s+){{0,2}}?(?P<w>{PERSON})['’]s\s+(?:[\w\"'“”-]+\s+)?"
    r"(?:killing|murder|assassination|execution|slaying|beheading|lynching)\b",
    ["Clerics condemn the mob killing of a Christian woman", "the murder of a local councillor",
     "Protest over a photographer's \"barbarous\" killing", "Russia protests over photographer's killing"],
    counterexamples=["the killing of 12 villagers", "the killing of a soldier's wife and children",
                     "the killing of the mayor and his guards"])
# One dead named by an adjective: "They leave an executed man tied", "family of slain cop".
DEAD_ADJECTIVE_ONE = rule(
    "casualties.dead_adjective_one",
    r"\b(?:a|an|one|of|for|over)\s+(?P<verb>murdered|slaughtered|slain|executed|decapitated|dismembered|charred|massacred|"
    rf"bullet-riddled|tortured and killed)\s+(?:[\w-]+\s+){{0,2}}?(?P<v>{PERSON})\b(?!['’]s\b)(?![\w-])",
    ["They leave an executed man tied hand and foot", "The chief condoles with the family of slain cop",
     "Police vow justice for slain farmer leader"],
    counterexamples=["a murdered man's widow"])
# One victim named by a nickname or a name with an age, as the crime pages write them: '"El Gordo" is murdered in
# the market', "Gunmen execute 'Carlos' in a bar", "34y.o. Ivan Petrenko killed in shelling".
NICKNAMED_VICTIM = rule(
    "casualties.nicknamed_victim",
    r"(?:^|(?<=[;:\]])\s*)[\"“'‘](?-i:[A-Z])[^\"”'’;]{1,30}[\"”'’]\s+(?:(?:is|was|has been)\s+)?"
    r"(?P<verb>killed|murdered|executed|shot dead|assassinated|slain|gunned down)\b|"
    r"\b(?P<active>kills?|executes?|murders?|assassinates?|shoots? dead|guns? down)\s+[\"“'‘](?-i:[A-Z])[^\"”'’;]{1,30}"
    r"[\"”'’](?!\s+(?:and|&)\b)|"
    r"\b\d{1,2}\s?y\.?\s?o\.?\s+(?:(?-i:[A-Z])[\w'’-]+\s+){1,3}(?:(?:was|is)\s+)?(?P<died>killed|died|dies|slain)\b",
    ['"El Gordo" is murdered in the market', "Gunmen execute 'Carlos' in a bar", "Cartel kills 'El Flaco' in Tecate",
     "34y.o. Ivan Petrenko killed in shelling near the town"],
    counterexamples=["'Qaeda' kills 20 soldiers", "Rebels kill 'at least 21' in a raid"])
