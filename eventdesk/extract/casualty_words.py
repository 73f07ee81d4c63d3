"""The words casualty figures are made of: qualifiers, victims, and the verbs of death and injury.

Shared fragments of the `casualty_rules` patterns (as spaCy composes its punctuation rules from
shared character classes): "at least", "a former rebel commander", "were killed", "suffered burns".
"""

from __future__ import annotations

import re

from eventdesk.extract.numbers import NUMBER

QUALIFIER_WORDS = {
    "at_least": ("at least", "more than", "over", "upwards of", "no fewer than", "not less than",
                 "in excess of", "a minimum of", "scores of"),
    "about": ("about", "around", "approximately", "roughly", "some", "an estimated", "nearly", "almost",
              "close to", "estimated", "perhaps", "reportedly"),
    "at_most": ("up to", "as many as", "at most", "no more than", "fewer than", "less than"),
}
QUALIFIER_OF = {w: q for q, words in QUALIFIER_WORDS.items() for w in words}
QUAL = r"(?:(?P<q>" + "|".join(sorted(map(re.escape, QUALIFIER_OF), key=len, reverse=True)) + r")\s+)?"
QUAL_PLAIN = QUAL.replace("?P<q>", "")

# A word of a noun phrase; ages ("a 17-year-old boy") are modifiers too.
WORD = r"(?:[A-Za-z'-]+|\d{1,3}-year-old)"
SMALL_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|dozens|twenty|thirty|forty|"
                "fifty|hundred|hundreds|several|many|some")
VICTIM_NOUNS = (
    r"people|persons|person|civilians?|soldiers?|troops|servicemen|servicemembers|service members|"
    r"policemen|policeman|police officers?|police|officers?|cops|gendarmes?|militants?|fighters?|"
    r"insurgents?|rebels?|attackers?|assailants?|gunmen|gunman|bombers?|jihadists?|terrorists?|"
    r"extremists?|children|child|kids|boys?|girls?|women|woman|men|man|students?|pupils?|teachers?|"
    r"worshippers|worshipers|pilgrims|mourners|others|members?|villagers?|passengers?|workers?|guards?|"
    r"personnel|staff|residents?|farmers?|miners?|herders?|herdsmen|traders?|shoppers|officials?|militiamen|"
    r"militia members|protesters|protestors|demonstrators|rioters|bystanders|passers-by|passersby|"
    r"individuals|victims|family members|relatives|journalists?|reporters?|doctors?|nurses?|aid workers|"
    r"peacekeepers?|contractors?|employees?|customers?|guests|tourists?|detainees|prisoners|inmates|hostages|"
    r"recruits|cadets|sailors|pilots?|crew members|crew|commanders?|leaders?|elders?|chiefs?|"
    r"security personnel|security forces|Taliban|Shabaab|lives|drivers?|bodyguards?|passer-by|passerby|bystander|"
    r"judges?|prosecutors?|headman|headmen|activists?|politicians?|lawmakers?|mayors?|governors?|clerics?|"
    r"imams?|priests?|pastors?|monks?|nuns?|councillors?|councilors?|candidates?|wife|husband|sons?|"
    r"daughters?|brothers?|sisters?|fathers?|mothers?|vendors?|merchants?|shopkeepers?|labou?rers?|hunters?|"
    r"fishermen|fisherman|shepherds?|motorists?|commuters?|travell?ers?|pedestrians?|spectators?|patients?|"
    r"refugees?|migrants?|infants?|babies|baby|toddlers?|teenagers?|teens|youths?|adults|citizens?|nationals?|"
    r"foreigners?|engineers?|volunteers?|vigilantes?|rangers?|agents?|paramilitaries|guardsmen|conscripts|"
    r"colonels?|generals?|captains?|sergeants?|lieutenants?|majors?|corporals?|commissioners?|directors?|"
    r"administrators?|ministers?|deputies|deputy|aides?|escorts?|secretar(?:y|ies)|"
    r"fishers|bandits?|kidnappers?|abductors?|smugglers?|suspects?|marines?|protesters?|protestors?|demonstrators?|"
    r"peasants?|campesinos?|guerrillas?|subversives?|combatants?|tribesm[ae]n|herdsman|villagers?|settlers?|"
    r"missionar(?:y|ies)|diplomats?|businessm[ae]n|industrialists?|bankers?|ranchers?|landowners?|"
    r"militiaman|troopers?|operatives?|cultists?|kingpins?|photographers?|cameram[ae]n|motorcyclists?|serviceman|"
    r"assassins?|killers?|murderers?|hitm[ae]n|gangsters?|gang members|criminals?|sicarios?|traffickers?|"
    r"(?-i:[A-Z][a-z]+s)|(?-i:[A-Z]{2,6})(?![\w'-])|['‘](?-i:[A-Z])[\w-]*['’]"
)
# One person, named by what they are: the head of a headline's bare noun phrase ("Yemen soldier killed").
PERSON = (
    r"police officer|policeman|policewoman|officer|cop|soldier|serviceman|servicemember|trooper|militiaman|"
    r"gendarme|civilian|man|woman|child|boy|girl|baby|infant|toddler|teenager|teen|youth|student|pupil|teacher|"
    r"driver|bodyguard|guard|passer-by|passerby|bystander|journalist|reporter|photographer|cameraman|judge|"
    r"prosecutor|lawyer|official|commander|leader|elder|chief|chieftain|kingpin|headman|activist|politician|"
    r"lawmaker|legislator|senator|mayor|governor|cleric|imam|priest|pastor|monk|nun|worker|farmer|herder|herdsman|"
    r"trader|resident|villager|doctor|nurse|pilot|member|councillor|councilor|candidate|colonel|general|captain|"
    r"sergeant|lieutenant|major|corporal|commissioner|employee|vendor|shopkeeper|merchant|businessman|"
    r"businesswoman|engineer|contractor|peacekeeper|ranger|agent|operative|shepherd|fisherman|hunter|miner|"
    r"motorist|motorcyclist|pedestrian|passenger|pilgrim|worshipper|volunteer|vigilante|tribesman|"
    r"son|daughter|brother|sister|father|mother|wife|husband|rebel|militant|insurgent|fighter|guerrilla|jihadist|"
    r"terrorist|extremist|gunman|attacker|assailant|bomber|suspect|bandit|kidnapper|smuggler|cultist|constable|expert|"
    r"grandson|granddaughter|nephew|niece|cousin|uncle|aunt|grandfather|grandmother|minor|aide|"
    r"boyfriend|girlfriend|fiancée?|friend|neighbou?r|roommate|companion|partner|director|founder|informant|"
    r"extortionist|sympathi[sz]er|warlord|"
    r"\d{1,2}-year-old"
)
STOPS = (r"and|or|of|them|whom|with|the|their|his|her|its|including|in|at|on|to|by|were|was|is|are|had|has|have|"
          r"years?|months?|weeks?|days?|hours?|"
          r"been|said|says|told|reported|killed|killing|dead|died|wounded|wounding|injured|injuring|shot|near|"
          r"outside|inside|during|after|before|as|while|when|from|who|that|which|into|for|across|among|both|"
          rf"a|an|{SMALL_WORDS}")
# Greedy, so that "a former rebel commander" ends on its head noun; stop words keep it inside the phrase.
MODIFIERS = rf"(?:(?!(?-i:{STOPS})\b){WORD}\s+){{0,3}}"
VICTIMS = rf"(?P<v>{MODIFIERS}(?:{VICTIM_NOUNS})\b)"
NUM = rf"{QUAL}(?P<n>{NUMBER})"
# "eight members of the Afghan security forces"
OF_GROUP = (rf"(?:\s+of\s+(?:the\s+)?(?:[\w'-]+\s+){{0,3}}(?:{VICTIM_NOUNS})\b"
             r"|\s+of\s+(?:the\s+)?(?:[“\"']?(?-i:[A-Z])[\w'’-]*[”\"']?\s+){0,3}?[“\"']?(?-i:[A-Z])[\w'’-]*[”\"']?"
             r"(?:\s+(?:organi[sz]ation|group|movement|militia|factions?|family|clan|cartel|gang))?(?![\w-])"
             r"|\s+of\s+the\s+(?:factions|organi[sz]ation|group|movement|militias?|army|regime forces))?")

# After a subject: said of people who died or were hurt. Headlines use the present ("Two die in crossfire").
KILL_WORDS = (r"killed|dead|died|dies|die|slain|martyred|shot dead|shot and killed|massacred|executed|perished|"
              r"murdered|lost their lives|beheaded|burned to death|burnt to death|gunned down|stabbed to death|"
              r"shot to death|beaten to death|hacked to death|stoned to death|lynched|assassinated|"
              r"(?:fatally|mortally)\s+(?:shot|wounded|injured|stabbed)|(?-i:KIA)|"
              r"(?:tortured|abducted|kidnapped|raped|beaten|robbed) and (?:killed|murdered|executed)|"
              r"deprived of (?:their|his|her) lives?|"
              r"(?:sustained|suffered|received) (?:[\w-]+ ){0,2}?injuries incompatible with life")
# How badly: "critically wounded", "seriously injured" (said of the living; "fatally" is a death).
HOW_BADLY = r"(?:(?:critically|seriously|gravely|severely|badly|slightly|lightly|moderately|grievously)\s+)?"
# How a patient is: "in critical condition", "in serious but stable condition".
CONDITION = r"in\s+(?:critical|serious|grave|stable|fair|guarded)(?:\s+but\s+stable)?\s+condition"
# "suffered non-life-threatening injuries", "sustained a gunshot wound to the leg"
HARM = r"(?:[\w-]+\s+){0,2}?(?:burns|injuries|injury|wounds|wound)"
HURT_WORDS = (HOW_BADLY + r"(?:injured|wounded)|hurt|maimed|hospitali[sz]ed|(?-i:WIA)|shot and (?:wounded|injured)|"
              r"(?:suffered|sustained|treated for|suffering(?:\s+from)?)\s+" + HARM +
              r"|(?:taken|rushed|admitted|evacuated|airlifted|transported|flown)\s+to\s+(?:a\s+|the\s+)?"
              r"(?:[\w'-]+\s+){0,3}?hospitals?(?:\s+with\s+" + HARM + r"|\s+" + CONDITION + ")"
              r"|(?:listed\s+)?" + CONDITION)
