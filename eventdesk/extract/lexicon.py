"""Word sets that more than one extractor reads, declared once.

Who attacks (`ATTACKERS`, `COMBATANTS`, ...), what is done to a victim (`DONE_TO`), what a target
can be (`TARGET_NOUNS`), words of time (`TIME_WORDS`). A set is a tuple of words, or a regex fragment
where its words are patterns; `nouns()` makes the fragment of a tuple of nouns, which the modules
compose into their named rules (`rules.py`). The two rules here only find a word of a set: a finite
verb, a modal verb.
"""

from __future__ import annotations

from eventdesk.extract.rules import rule

# Who carried out an attack, named by the act: "the attackers", "a gunman".
ASSAILANTS: tuple[str, ...] = ("attacker", "assailant", "gunman")
ATTACKERS: tuple[str, ...] = (*ASSAILANTS, "bomber")
# Members of an armed group, named by what they are: "militants", "rebels".
COMBATANTS: tuple[str, ...] = ("militant", "insurgent", "terrorist", "jihadist", "fighter", "rebel")
# Armed men outside a state's forces that the coders count as combatants too.
IRREGULARS: tuple[str, ...] = ("guerrilla", "subversive", "combatant", "extremist", "militiaman")
# Who committed a crime, named by it: "the kidnappers", "a suspect".
OFFENDERS: tuple[str, ...] = ("perpetrator", "kidnapper", "abductor", "gang member", "suspect", "shooter", "knifeman",
                              "hijacker", "raider")


def nouns(words: tuple[str, ...], plural_only: bool = False) -> str:
    """A regex alternation of the nouns, singular or plural ("attackers?", "gunm[ae]n"), or plural only."""
    forms = []
    for word in words:
        if word.endswith("man"):
            forms.append(word[:-3] + ("men" if plural_only else "m[ae]n"))
        else:
            forms.append(word + ("s" if plural_only else "s?"))
    return "|".join(forms)


# What was done to a victim, as a participle: "was shot", "a rancher kidnapped in ...".
DONE_TO = (r"shot|killed|murdered|assassinated|kidnapped|abducted|wounded|injured|stabbed|executed|gunned down|"
           r"taken hostage")

# What (or who) an attack is aimed at: "a police checkpoint", "worshippers", "the power station".
TARGET_NOUNS = (
    r"police (?:checkpoint|station|post|patrol|convoy|vehicle|headquarters|officers?|officials?)|police|policem[ae]n|"
    r"army (?:base|post|convoy|checkpoint|patrol|camp)|military (?:base|post|convoy|checkpoint|patrol|camp|vehicle)s?|"
    r"security (?:forces|checkpoint|post|personnel|officials?)|checkpoints?|soldiers?|troops|servicemen|gendarmes?|"
    r"convoy|patrol|barracks|outpost|base|camp|civilians?|villagers?|residents|worshippers|worshipers|pilgrims|"
    r"mourners|mosque|church|temple|shrine|school|students|pupils|teachers?|university|hospital|market|marketplace|"
    r"bus|passengers|minibus|truck|vehicle|wedding|funeral|village elders?|elders?|tribal (?:leader|elder)s?|"
    r"village (?:chief|head|headman)|chief|headman|officials?|government (?:building|offices?|officials?)|"
    r"governor|mayor|judge|prosecutor|journalists?|aid workers?|health workers?|workers|farmers|herders|fishermen|"
    r"miners|traders|shoppers|commuters|crowd|protesters|demonstrators|rally|hotel|restaurant|cafe|"
    r"bank|pipeline|power (?:station|plant)|oil (?:facility|field|installation)|bridge|airport|embassy|"
    r"consulate|prison|jail|court|polling station|election office|displacement camp|IDP camp|refugee camp|"
    r"village|town|neighbou?rhood|district headquarters|compound|residence|home|house|family|children|women|"
    r"people|fighters|militants|rebels|positions|peacekeepers?|contractors|personnel|vessel|ship|tanker|"
    r"lawmaker|politician|candidate|activist|cleric|imam|priest|commander|leader|businessman|doctor|nurse|"
    r"commissioner|head of security|(?:security|intelligence|police|district) chief|"
    r"building|offices|headquarters|stores?|shops?|power (?:lines?|towers?|pylons?)|pylons?|substation|"
    r"transformers?|factory|warehouse|houses|homes|installations?|facilities"
)

# Words of time and measure that end no name and no target: "a month ago", "on Friday", "23 percent".
TIME_WORDS = frozenset({
    "ago", "hours", "hour", "days", "weeks", "months", "years", "minutes", "percent", "lately", "occurred",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})

# A finite verb or an auxiliary: a phrase that holds one is a clause, not a noun phrase.
FINITE = rule(
    "lexicon.finite_verb",
    r"\b(?:was|were|is|are|am|be|been|being|had|has|have|did|does|do|will|would|could|should|"
    r"shall|may|might|must|can|died|dies|sought|said|says|became|remained|lived|worked)\b",
    ["soldiers who were visiting the town", "the driver had died", "an engineer who worked for the company"],
    counterexamples=["two police officers", "a crowded market in the town"],
)
# A sentence about what could or should happen. "May" is a month, so the rule is case-sensitive.
MODAL = rule(
    "lexicon.modal_verb",
    r"\b(?:should|must|can|cannot|will|would|could|may|might|shall)\b",
    ["Such an attack could kill hundreds of people.", "Officials said more bombings may follow."],
    flags=0, counterexamples=["The bombing on 3 May killed nine people."],
)
# The same in upper-case wire copy, where "MAY" is either the month or the verb and is left out.
MODAL_UPPER = rule(
    "lexicon.modal_verb_upper",
    r"\b(?:SHOULD|MUST|CAN|CANNOT|WILL|WOULD|COULD|MIGHT|SHALL)\b",
    ["THE GUERRILLAS COULD ATTACK THE CAPITAL AGAIN"],
    flags=0, counterexamples=["THE BOMB EXPLODED ON 3 MAY", "The attack could happen again."],
)
