"""Event triggers: the words that say what happened, mapped to the event taxonomy.

`find_triggers` returns every trigger in a sentence with its type; `incident_type` picks the
type of an incident from the triggers of its sentences (the specific method beats the
generic "attack"; assassination and kidnapping beat the method, as the coding rules of the
conflict datasets do). Hypothetical mentions ("a potential attack", "plans to strike") are
marked so that they do not become events.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from eventdesk.extract.rules import rule
from eventdesk.extract.text import is_upper_case
from eventdesk.schema import VIOLENT_TYPES

# (event type, pattern). Order inside a type does not matter; words are matched case-insensitively.
_LEXICON: dict[str, str] = {
    "assassination": r"assassinat\w*|targeted killing",
    "kidnapping": r"kidnap\w*|abduct\w*|taken hostage|took \w+ hostage|hostages? were|held hostage|"
                  r"hostage-taking|seized \w+ (?:hostages|passengers|workers)|hijack\w*",
    "airstrike": r"air ?strikes?|air-strikes?|air raids?|drone strikes?|drone attacks?|airstrikes|"
                 r"warplanes?|fighter jets?|jets? (?:struck|bombed|pounded)|helicopter gunships?|"
                 r"aerial (?:bombardment|attack|strike)s?|bombed from the air|armed drones?|"
                 r"drones? (?:struck|hit|attacked)|"
                 r"kamikaze drones?|(?:military |war)?planes? (?:struck|bombed)|drones?|aircraft dropped|"
                 r"dropped (?:\w+ )?bombs|(?:strategic|heavy|B-52|\w+-\d+) bombers?|bombers (?:dropped|pounded)|"
                 r"air force",
    "shelling": r"shell(?:ing|ed|s)|artillery|mortars?(?: rounds?| shells?| fire| attack)?|"
                r"rockets? (?:fire|attacks?|struck|hit|landed)|"
                r"fired rockets?|rocket-propelled|missiles? (?:strike|attack|struck|hit|landed)s?|ballistic missiles?|"
                r"cruise missiles?|katyusha|grad rockets?|barrage|bombardment|rockets?|missiles?|projectiles?|"
                r"howitzers?|multiple rocket launchers?",
    "bombing": r"bomb(?:s|ing|ings|ed|er|ers)?|explosions?|explod\w*|blasts?|detonat\w*|IEDs?|"
               r"improvised explosive|explosive devices?|car bomb|suicide (?:bomb\w*|attack\w*|vest)|"
               r"grenades?|landmines?|land mines?|roadside bomb|blew (?:himself|herself|themselves) up|"
               r"booby-trap\w*|motorcycle bomb|VBIED|self-detonat\w*|dynamit\w*|explosive charges?|blew up|blown up|"
               r"blowing up",
    "arson": r"set (?:fire|ablaze)|set \w+ (?:on fire|ablaze)|torch(?:ed|ing)|burn(?:ed|t|ing) down|arson\w*|"
             r"set alight|firebomb\w*|petrol bombs?|molotov|"
             r"burn(?:ed|t) (?:down )?(?:(?:a|an|the|two|three|four|five|several|some|\d+)\s+)?(?:[\w-]+\s+)?"
             r"(?:vehicles?|cars?|buses|bus|trucks?|lorries|houses?|homes?|huts?|buildings?|offices?|shops?|stores?|"
             r"churche?s?|schools?|warehouses?|factories|factory|crops|fields)",
    "battle": r"clash(?:es|ed)?|fighting|gunfights?|gun battles?|firefights?|exchange of fire|exchanged fire|"
              r"battles?|battled|fought|offensive|skirmish\w*|counter-?attack\w*|repelled|repulsed",
    "armed_assault": r"gunmen|gunman|shot|shoot\w*|opened fire|open fire|gunfire|ambush\w*|stormed|storming|"
                     r"raid(?:s|ed|ing)?|massacre\w*|stabb\w*|knife attack|machetes?|with guns|armed with|"
                     r"hacked to death|"
                     r"rammed|ramming|mass shooting|gunned down|fired on|fired at|sprayed bullets|killing spree|"
                     r"beheaded|executed|slaughter\w*|overran|drove (?:a|an|his|her|the) (?:\w+ )?(?:car|truck|"
                     r"vehicle|van|lorry|suv|pickup truck|pickup) (?:into|onto|through|at)|knife|knives|"
                     r"firearms?|rifles?|gunshots?|snipers?|sniper fire|machine-?gunn(?:ed|ing)|straf(?:ed|ing)|"
                     r"riddled with bullets|bullet-riddled|bullet wounds?|gunshot wounds?",
    "riot": r"riot\w*|mobs?|lynch\w*|violent (?:protest|demonstration)s?|vigilantes?|looting|looted|"
            r"rampag\w*|stone-pelting|pelted",
    "attack": r"attack(?:s|ed|ing|ers?)?|assault(?:s|ed)?|struck|strike|killed|killing|murder\w*|"
              r"violence|insurgent attack|terror(?:ist)? attack|incident|sabotag(?:e|ed|ing)",
    "claim": r"claimed (?:the )?responsibility|claims? of responsibility|claimed (?:the |both |two )?"
             r"(?:attacks?|bombings?|killings?|assault|blasts?|strikes?|assassination|ambush|explosion|kidnapping|abduction|shooting|raid|"
             r"massacre)|claiming responsibility|said it (?:had )?(?:carried out|was behind)|"
             r"claimed (?:it|they) (?:had )?(?:carried out|fired|launched|attacked|targeted|struck|killed|shot)|"
             r"claimed to have (?:carried out|fired|launched|attacked|targeted|struck|killed|shot|ambushed|stormed|"
             r"abducted|kidnapped)|"
             r"said (?:[\w ,]{0,60} )?(?:that )?its (?:fighters|militants|members|men|units|forces) had (?:carried out|"
             r"attacked|killed|launched|targeted|struck|ambushed|stormed)|took responsibility|accepted responsibility|"
             r"claim(?:ed|ing|s)? (?:the )?credit|took (?:the )?credit",
    "warning": r"warn(?:ed|s|ing)?|alert(?:ed|s)|cautioned|tipped off",
    "threat": r"threaten\w*|vowed (?:to|revenge)",
    "accusation": r"accus\w*|blam(?:ed|es|ing)|alleg(?:ed|es|ing)|charged that",
    "arrest": r"arrest\w*|detain\w*|apprehend\w*|taken into custody|captured",
    "protest": r"protest\w*|demonstrat(?:ion|ions|ors|ed)|rall(?:y|ies|ied)|march(?:ed|es)|sit-in|strike action",
}
_REGEX = {kind: re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE) for kind, pattern in _LEXICON.items()}

# Most specific first: an incident takes the first of these its triggers carry.
TYPE_PRIORITY: tuple[str, ...] = (
    "assassination", "kidnapping", "airstrike", "shelling", "bombing", "arson", "armed_assault",
    "battle", "riot", "attack",
)
# Arson is searched before bombing so that "petrol bombs" is fire, not an explosive device.
_SEARCH_ORDER = ("claim", "assassination", "kidnapping", "airstrike", "shelling", "arson", "bombing", "armed_assault",
                 "battle", "riot", "attack", "warning", "threat", "accusation", "arrest", "protest")
_HYPOTHETICAL_WORDS = (
    r"\b(?:potential|possible|planned|plann(?:ing|ed)|plots?|plotting|would|could|might|may|threat of|risk of|"
    r"prevent\w*|thwart\w*|foil\w*|avert\w*|future|imminent|impending|fear(?:s|ed)? of|against|counter|"
    r"anti-|efforts? to|aimed at|intended|hoax|fake|drills?|exercises?|simulat\w*|Potential|Possible|Future|"
    r"stop|end|halt|renounc\w*|ban on|banned from|condemn\w*|suspicion of|accused of|charged with|convicted of)"
    r"\W+(?:\w+\W+){0,3}$"
)
_HYPOTHETICAL = re.compile(_HYPOTHETICAL_WORDS)  # case-sensitive: "may" is a modal, "May" a month
# Upper-case copy is read in lower case, where "MAY" cannot tell the modal from the month: it is left out.
_HYPOTHETICAL_UPPER = re.compile(_HYPOTHETICAL_WORDS.replace("|may|", "|"))
_FIGURATIVE = rule(
    "events.figurative_before",
    r"\b(?:harshly|sharply|verbally|bitterly|publicly|openly|strongly|social|population|demographic)\s+$",
    ["the senator harshly ", "fears of a social "], counterexamples=["gunmen "])
_NOT_DONE_AFTER = rule(
    "events.not_done_after",
    r"[\s-]+(?:threats?|scares?|alerts?|hoax(?:es)?|warnings?|disposal|squad)\b",
    [" threat forced the evacuation", "-disposal team"], counterexamples=[" exploded"])
_NEGATED = re.compile(r"\b(?:no|not|never|without|denied|deny|denies)\W+(?:\w+\W+){0,2}$", re.IGNORECASE)


# Words that name a weapon, a force or trouble in general, not an act: "the air force general", "300 missiles",
# "the violence". They type an incident that another word or a casualty figure reports, and report none alone.
_INSTRUMENT = re.compile(r"(?:air force|warplanes?|fighter jets?|helicopter gunships?|(?:armed |kamikaze )?drones?|"
                   r"artillery|mortars?|rockets?|missiles?|projectiles?|howitzers?|ballistic missiles?|"
                   r"cruise missiles?|multiple rocket launchers?|knife|knives|firearms?|rifles?|snipers?|machetes?|"
                   r"gunmen|gunman|armed with|with guns|mobs?|vigilantes?|violence|incident)",
                   re.IGNORECASE)


@dataclass(frozen=True)
class Trigger:
    kind: str
    start: int
    end: int
    text: str
    hypothetical: bool = False

    @property
    def violent(self) -> bool:
        return self.kind in VIOLENT_TYPES

    @property
    def instrument(self) -> bool:
        """A weapon, a force or trouble in general: it types an incident, reports none alone (`_INSTRUMENT`)."""
        return bool(_INSTRUMENT.fullmatch(self.text))


def find_triggers(sentence: str) -> list[Trigger]:
    """Every trigger word in a sentence, in text order; a span carries its most specific type."""
    found: list[Trigger] = []
    upper = is_upper_case(sentence)
    hypothetical = _HYPOTHETICAL_UPPER if upper else _HYPOTHETICAL
    for kind in _SEARCH_ORDER:
        for match in _REGEX[kind].finditer(sentence):
            if any(t.start < match.end() and match.start() < t.end for t in found):
                continue
            before = sentence[max(0, match.start() - 60):match.start()]
            before = before.lower() if upper else before
            unreal = bool(hypothetical.search(before) or _NEGATED.search(before) or _FIGURATIVE.search(before)
                          or _NOT_DONE_AFTER.match(sentence, match.end()))
            found.append(Trigger(kind, match.start(), match.end(), match.group(0), unreal))
    return sorted(found, key=lambda t: t.start)


_TARGETED_PERSON = re.compile(
    r"\b(?:(?:shot dead|shot and killed|killed|gunned down|assassinated|murdered|stabbed to death|targeted)\s+"
    r"(?:a|an|the)|(?:murder|killing|slaying) of(?: a| an| the)?)\s+(?:[\w'-]+\s+){0,4}?"
    r"(?:headman|mukhtar|prosecutor|judge|commander|leader|politician|lawmaker|"
    r"official|commissioner|governor|mayor|chief|activist|organi[sz]er|investigator|cleric|imam|candidate|"
    r"councillor|councilor|legislator|minister|senator|parliamentarian|MP|journalist|editor|general|colonel|"
    r"head of [\w ]+|deputy|spokesman|spokesperson|elder|chairman|director|trade unionist|magistrate|analyst|"
    r"priest|bishop|archbishop|businessman|industrialist|diplomat|ambassador|union leader)\b",
    re.IGNORECASE,
)
_CROWD = re.compile(r"\b(?:protesters|protestors|demonstrators|rioters|mobs?|supporters of|rival (?:groups|parties|"
                    r"factions|students|gangs)|communal|sectarian clashes|crowds?|students|villagers clashed|"
                    r"youths)\b", re.IGNORECASE)
_TWO_SIDED = re.compile(r"\b(?:clash(?:es|ed)? (?:with|between)|fighting between|fought|battled|gun battles?|"
                        r"exchanged fire|exchange of fire|offensive|clashes erupted|clashes broke out|heavy fighting|"
                        r"(?:sparking|triggering|prompting|provoking|setting off|leading to)\s+(?:a\s+|an\s+)?"
                        r"(?:[\w-]+\s+){0,2}?(?:clash\w*|gunfights?|firefights?|gun ?battles?|fighting|"
                        r"exchange of fire)|"
                        r"(?:in|during) the (?:ensuing |subsequent )?fighting|days? of fighting|"
                        r"attacked (?:[\w'-]+\s+){0,6}?positions|launched an? (?:[\w-]+\s+)?(?:military |security )?"
                        r"(?:operation|offensive|assault) (?:against|on)|recaptured|retook|"
                        r"seized control|took control)\b", re.IGNORECASE)
# Words that name the attackers, not the method ("gunmen set fire to ..." is arson).
_ATTACKER_WORD = re.compile(r"^(?:gunmen|gunman)$", re.IGNORECASE)


def incident_type(triggers: Iterable[Trigger], text: str = "") -> str | None:
    """The type of an incident from its triggers (in text order) and its sentences' text.

    Assassination (a named or described individual singled out) and kidnapping beat the method;
    a crowd's violence is a riot; a fight between two organised sides is a battle, a one-sided
    attack by armed men an armed assault; the weapon decides otherwise (air, artillery, explosives,
    fire); "attack" is left for incidents whose method the text does not give.
    """
    real = [t for t in triggers if t.violent and not t.hypothetical]
    kinds = {t.kind for t in real}
    if not kinds:
        return None
    if "assassination" in kinds:
        return "assassination"
    if "kidnapping" in kinds:
        return "kidnapping"
    if _TARGETED_PERSON.search(text):
        return "assassination"
    crowd = bool(_CROWD.search(text))
    if "riot" in kinds or (crowd and kinds & {"battle", "arson"} and not kinds & {"bombing", "airstrike"}):
        return "riot"
    for kind in ("airstrike", "shelling", "bombing"):
        if kind in kinds:
            return kind
    return _ground_type(real, kinds, text)


def _ground_type(real: list[Trigger], kinds: set[str], text: str) -> str:
    """Fire, a two-sided fight, a one-sided attack with guns or blades, or an attack of unstated method."""
    methods = [t for t in real if not _ATTACKER_WORD.match(t.text)]
    method_kinds = {t.kind for t in methods}
    if "arson" in kinds and methods and methods[0].kind in ("arson", "attack") and "armed_assault" not in method_kinds:
        return "arson"
    if kinds & {"battle", "attack", "armed_assault"} and _TWO_SIDED.search(text):
        return "battle"
    if kinds & {"armed_assault", "battle", "arson"}:
        return "armed_assault"
    return "attack"
