"""Event triggers: the words that say what happened, mapped to the event taxonomy.

`find_triggers` returns every trigger in a sentence with its type and the name of the lexicon
entry or rule that found it. The words are declared as data (`eventdesk/data/triggers.csv`, read
by `triggers.py`) and matched on their lemma, so "kill", "kills", "killed" and "killing" are one
trigger; the few shapes a word list cannot state (claims of responsibility, a vehicle driven into
a crowd, a body found with marks of violence) are named rules here. Hypothetical, negated,
figurative and judged mentions ("a potential attack", "no one was killed", "a heart attack",
"sentenced for the bombing") are marked so that they do not become events.

`incident_type` picks the type of an incident from the triggers of its sentences (the specific
method beats the generic "attack"; assassination and kidnapping beat the method, as the coding
rules of the conflict datasets do); `explain_type` also says which trigger or rule decided it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace

from eventdesk.extract.rules import Rule, rule
from eventdesk.extract.text import is_upper_case
from eventdesk.extract.triggers import Hit, Token, load_lexicon, tokenize
from eventdesk.schema import VIOLENT_TYPES

# Most specific first: an incident takes the first of these its triggers carry.
TYPE_PRIORITY: tuple[str, ...] = (
    "assassination", "kidnapping", "airstrike", "shelling", "bombing", "arson", "armed_assault",
    "battle", "riot", "attack",
)


@dataclass(frozen=True)
class Trigger:
    kind: str
    start: int
    end: int
    text: str
    hypothetical: bool = False
    rule: str = ""  # the lexicon entry ("triggers:kill") or the rule ("events.claim_attack") that found it
    strength: str = "act"  # see triggers.STRENGTHS
    accidents: bool = False  # accidents and disasters use the word too

    @property
    def violent(self) -> bool:
        return self.kind in VIOLENT_TYPES

    @property
    def instrument(self) -> bool:
        """A weapon, a force or the attackers: it types an incident, reports none alone."""
        return self.strength in ("instrument", "attacker")

    @property
    def needs_toll(self) -> bool:
        """A word that reports violence only beside a casualty figure: a weapon, the attackers, or that
        people died ("the Liberator died" is no incident; "five civilians die in shelling" is)."""
        return self.instrument or self.strength == "outcome"

    @property
    def weak(self) -> bool:
        """A word that does not say an act was done ("attack", "violence", "rifles"): it needs the
        sentence to say more (a toll, a date and a place) before it reports an incident."""
        return self.strength != "act"

    @property
    def attacker(self) -> bool:
        return self.strength == "attacker"


# Shapes a word list cannot state: (rule, event type, strength, accidents).
_CLAIM_WORDS = (r"(?:attacks?|bombings?|killings?|assaults?|blasts?|strikes?|assassinations?|ambush(?:es)?|"
                r"explosions?|kidnappings?|abductions?|shootings?|raids?|massacres?)")
_DONE = r"(?:carried out|fired|launched|attacked|targeted|struck|killed|shot|ambushed|stormed|abducted|kidnapped)"
_SHAPES: tuple[tuple[Rule, str, str, bool], ...] = (
    (rule("events.claim_responsibility",
          r"\b(?:claim(?:ed|s|ing)?|took|takes?|taking|accept(?:ed|s)?) (?:the |full )?(?:responsibility|credit)\b|"
          r"\bclaims? of responsibility\b",
          ["The group claimed responsibility for the blast in a statement.", "Rebels take responsibility for raid",
           "THE REBELS HAVE CLAIMED CREDIT FOR THE BLAST."],
          counterexamples=["Police took the bodies to the morgue."]), "claim", "act", False),
    (rule("events.claim_attack",
          rf"\bclaim(?:ed|s|ing)? (?:the|this|that|its|both|last \w+'s)(?: \w+)? {_CLAIM_WORDS}\b",
          ["The Taliban claimed both bombings.", "AQIM claimed the attack at the time."],
          counterexamples=["An attack claimed the lives of nine people"]), "claim", "act", False),
    # A claim of an attack not reported before ("Rebels claim attack on army base"): the claim ends before the
    # attack word, which stays a trigger of its own (made an act by `_claimed_acts`).
    (_CLAIM_NEW := rule("events.claim_new_attack",
                        rf"\bclaim(?:ed|s|ing)?(?= (?:a |an |twin |deadly |new |latest |two |three )*{_CLAIM_WORDS}\b)",
                        ["Al-Shabaab claims deadly attack on army base", "Rebels claim attack on garrison"],
                        counterexamples=["An attack claimed the lives of nine people", "They claimed the attack."]),
     "claim", "act", False),
    (rule("events.claim_done",
          rf"\bsaid it (?:had )?(?:carried out|was behind)\b|\bclaim(?:ed|s)? (?:that )?(?:it|they) (?:had )?{_DONE}\b|"
          rf"\bclaimed to have {_DONE}\b|"
          rf"\bsaid (?:[\w ,]{{0,60}} )?(?:that )?its (?:fighters|militants|members|men|units|forces) had {_DONE}\b",
          ["The movement said it was behind the ambush.", "The rebels claimed they had shot down a helicopter.",
           "The group said in a statement that its fighters had stormed the post."],
          counterexamples=["The army said it had opened an inquiry."]), "claim", "act", False),
    (rule("events.vehicle_ramming",
          r"\b(?:drove|drives|driven|driving) (?:a|an|his|her|the) (?:\w+ )?(?:car|truck|vehicle|van|lorry|suv|"
          r"pickup truck|pickup) (?:into|onto|through|at)\b",
          ["A man drove a van into pedestrians on the promenade, killing three."],
          counterexamples=["She drove a van to the market."]), "armed_assault", "act", False),
)
# A body found or left with marks of violence reports a killing ("a bound body", "bodies dumped on the highway").
_BODY = rule(
    "events.body",
    r"\b(?:bod(?:y|ies)|corpses?|cadavers?|human remains|remains of (?:\w+ ){0,2}(?:people|persons?|m[ae]n|"
    r"wom[ae]n|victims?)|(?:human|severed|decapitated) heads?|(?:lifeless|dead)(?: and \w+)? (?:young )?(?:m[ae]n|"
    r"wom[ae]n|person|people|teenagers?|couple|boy|girl))\b",
    ["Headless body found in a ravine", "They find human remains in a field", "Two severed heads left at a bridge",
     "They locate a lifeless and handcuffed man"],
    counterexamples=["The head of the regional council resigned"])
# The dead found ("They locate a lifeless man in the river", "Police find him dead", "Bodies found in a
# ravine"): a killing the coders count, though an accident can leave the dead too.
_FOUND_DEAD = rule(
    "events.found_dead",
    r"\b(?:lifeless|without life)\s+(?:(?:young|elderly|old)\s+)?(?:m[ae]n|wom[ae]n|person|people|bod(?:y|ies)|"
    r"couple|boy|girl|teenagers?|youths?)\b|"
    r"\b(?:find|finds|found|locate[sd]?|discover(?:s|ed)?)\s+(?:[\w'-]+\s+){1,4}?dead\b|"
    r"\b(?:dead|bod(?:y|ies)|corpses?|remains)\s+(?:[\w'-]+\s+){0,4}?(?:(?:are|is|was|were)\s+)?"
    r"(?:found|located|discovered|recovered)\b",
    ["They locate a lifeless man in the river", "Police find the farmer dead in his house",
     "Corpses of two men found on a dirt road", "Eight more dead found in a ravine"],
    counterexamples=["The dead were buried on Sunday.", "They found the missing boy alive."])
_MARKS = rule(
    "events.marks_of_violence",
    r"\b(?:tortur\w*|(?:traces|signs) of (?:violence|torture|blows)|bound|tied|gagged|blindfold\w*|taped|handcuff\w*|"
    r"bullets?|gunshots?|shot|stab\w*|knife|machete|rope|decapitated|beheaded|headless|dismembered|severed|"
    r"mutilated|skinned|executed|narco[ -]?messages?|message|bagged|bags?|suitcase|wrapped|trunk|"
    r"clandestine graves?|buried|dump\w*|throw\w*|threw|thrown|abandoned|left|leaves?|dispos\w+|"
    r"burned|burnt|charred|(?:semi-)?calcined|human remains|(?:human|severed) heads?)\b",
    ["Headless body found in a ravine", "bodies bound hand and foot", "a body wrapped in plastic bags",
     "Gang dumps four corpses in a ditch", "Human remains found in a field"],
    counterexamples=["They find the body of a man in the river"])

_HYPOTHETICAL_WORDS = (
    r"\b(?:potential|possible|plans?|planned|plann(?:ing|ed)|plots?|plotting|intends?|intending|would|could|"
    r"might|may|threat of|risk of|"
    r"prevent\w*|thwart\w*|foil\w*|avert\w*|future|imminent|impending|fear(?:s|ed)? of|against|counter|"
    r"anti-|efforts? to|aimed at|intended|hoax|fake|drills?|exercises?|simulat\w*|Potential|Possible|Future|"
    r"stop|end|halt|renounc\w*|ban on|banned from|suspicion of|accused of|charged with|convicted of|"
    r"wants? to|threaten(?:s|ed)? to|vow(?:s|ed)? to|pledge[sd]? to|promise[sd]? to|ready to|attempt to|"
    r"reject\w*|denounc\w*|neutrali[sz]e|neutrali[sz]ing)"
    r"\W+(?:\w+\W+){0,3}$"
)
_HYPOTHETICAL = rule("events.hypothetical_before", _HYPOTHETICAL_WORDS,
                     ["Officials warned of a potential ", "The units are meant to prevent "],
                     flags=0, counterexamples=["On 5 May a "])  # case-sensitive: "may" is a modal, "May" a month
# Upper-case copy is read in lower case, where "MAY" cannot tell the modal from the month: it is left out.
_HYPOTHETICAL_UPPER = rule("events.hypothetical_before_upper_case", _HYPOTHETICAL_WORDS.replace("|may|", "|"),
                           ["the group is planning an "], flags=0, counterexamples=["on 5 may a "])
_NEGATED = rule("events.negated_before", r"\b(?:no|not|never|without|denied|deny|denies)\W+(?:\w+\W+){0,2}$",
                ["No one was ", "The army denied "], counterexamples=["Nobody knows why the "])
_JUDGED = rule(
    "events.judged_before",
    r"\b(?:sentenc\w+|convict\w*|acquitt\w+|tried|indict\w*|prosecuted|(?:found|pleaded) guilty|trial|jailed|"
    r"imprisoned)\b"
    r"(?:\W+\w+){0,4}?\W+(?:for|of|over|in)\W+(?:\w+\W+){0,3}$",
    ["A court sentenced five men to death for the ", "He was found guilty of the "],
    counterexamples=["Police arrested three men after the ", "the prosecutor in charge of investigating the ",
                     "those guilty of the "])
_STATISTIC = rule(
    "events.statistic_before",
    r"\b(?:rise|increase|surge|fall|drop|decline|decrease|number|rate|statistics|figures|tally|count)\s+"
    r"(?:in|of|on)\s+(?:\w+\W+){0,2}$",
    ["noted a sharp rise in targeted ", "the number of "],
    counterexamples=["a spate of "])
_REMEMBERED = rule(
    "events.remembered_before",
    r"\b(?:anniversar(?:y|ies)|commemorat\w+|memorial|remember\w*|years? (?:since|after)|decades? (?:since|after))"
    r"\W+(?:\w+\W+){0,3}$",
    ["Hundreds marked the anniversary of the ", "Twenty years after the "],
    counterexamples=["Two days after the "])
_FIGURATIVE = rule(
    "events.figurative_before",
    r"\b(?:harshly|sharply|verbally|bitterly|publicly|openly|strongly|social|population|demographic|heart|panic|"
    r"asthma|anxiety|cyber|online|verbal|personal|rhetorical|hunger|media|price)[\s-]+$",
    ["the senator harshly ", "fears of a social ", "died of a heart "], counterexamples=["gunmen "])
_FIGURATIVE_PHRASE = rule(
    "events.figurative_phrase",
    r"\b(?:(?:go|goes|went|gone|going|are|were|is|was|be|been) on strike|general strike|"
    r"shot to (?:fame|stardom|the top)|photo ?shoots?|(?:shoot|shot|shoots|shooting) (?:a |the )?(?:film|video|"
    r"movie|scene|footage|pictures?|photos?)|kill(?:s|ed|ing)? (?:the |a |off )?(?:bill|deal|plan|proposal|motion|"
    r"time|mood|engine|lights?|story|idea|talks)|explosions? of (?:interest|growth|popularity|demand|colou?r|"
    r"laughter|joy|anger)|price (?:war|strike)|"
    r"(?:strike|strikes|striking|struck) (?:a|the) (?:\w+ )?(?:deal|balance|chord|pose|note))\b",
    ["Teachers went on strike on Monday.", "The singer shot to fame in 2010.", "The senate killed the bill."],
    counterexamples=["Gunmen shot the driver.", "Militants killed the mayor."])
_NATURAL_DEATH_AFTER = rule(
    "events.natural_death_after",
    r"\s+(?:of|from|after (?:a |an )?(?:long |short |brief )?(?:illness|battle with)|peacefully|naturally|aged|"
    r"in (?:his|her|their) sleep)\b",
    [" of cholera in the camp", " peacefully at home"], counterexamples=[" in an ambush"])
# A catalogue of wrongs ("torture, murder, rape and disappearances") names kinds of crime, not one that happened.
_WRONGS = (r"(?:torture|rapes?|persecution|disappearances?|exiled?|imprison\w*|repression|corruption|chaos|"
           r"subversion|coups?|extortion|robber(?:y|ies)|thefts?|intimidat\w*|harassment|abuses?|discrimination|"
           r"poverty|hunger|drug trafficking|terrorism)")
_CATALOGUE_BEFORE = rule(
    "events.catalogue_before", rf"\b{_WRONGS}\s*(?:,\s*|\s(?:and|or)\s+)(?:\w+\s*,\s*)*(?:and\s+|or\s+)?$",
    ["Torture, ", "sowing chaos and ", "state of siege, persecution, "], counterexamples=["After the rape the "])
_CATALOGUE_AFTER = rule(
    "events.catalogue_after", rf"^\s*(?:,|\s(?:and|or)\b)\s*(?:\w+\s*,\s*)*(?:and\s+|or\s+)?{_WRONGS}\b",
    [", rape and disappearances", " and extortion"], counterexamples=[" and wounded three", " and arrests"])
_DIES = re.compile(r"\b(?:die|dies|died|dying)$", re.IGNORECASE)
_NOT_DONE_AFTER = rule(
    "events.not_done_after",
    r"[\s\])\"'-]+(?:threats?|scares?|alerts?|hoax(?:es)?|warnings?|disposal|squad|cases?|charges?|trials?|"
    r"convictions?|suspects? (?:arrested|detained|held|charged|jailed)|figures|lists?|counts?|rates?)\b",
    [" threat forced the evacuation", "-disposal team", " charges against the officer"],
    counterexamples=[" exploded"])


def find_triggers(sentence: str) -> list[Trigger]:
    """Every trigger in a sentence, in text order, each with the entry or rule that found it; where two
    overlap, a claim ("claimed it had fired rockets"), else the one that covers more words ("petrol bomb"
    is arson, not a bomb)."""
    tokens = tokenize(sentence)
    candidates = [_from_hit(hit, tokens) for hit in load_lexicon().find(sentence, tokens)] + _shape_triggers(sentence)
    starts, ends = [t.start for t in tokens], [t.end for t in tokens]
    candidates.sort(key=lambda t: (t.kind != "claim", -_words(starts, ends, t), t.start - t.end, t.start))
    chosen = _without_overlaps(candidates)
    figurative = [m.span() for m in _FIGURATIVE_PHRASE.finditer(sentence)]
    marked = sorted((_marked(sentence, t, figurative) for t in chosen), key=lambda t: t.start)
    return _deaths_in_violence(_claimed_acts(marked))


def _claimed_acts(triggers: list[Trigger]) -> list[Trigger]:
    """A generic word that a claim names ("Rebels claim attack on army base") is one specific act."""
    claims = [t for t in triggers if t.rule == _CLAIM_NEW.name and not t.hypothetical]
    return [replace(t, strength="act", rule=f"{t.rule}+{_CLAIM_NEW.name}")
            if t.strength == "generic" and t.violent and any(0 <= t.start - c.end <= 40 for c in claims) else t
            for t in triggers]


def _deaths_in_violence(triggers: list[Trigger]) -> list[Trigger]:
    """A death stated beside a generic word of violence ("a commander dies in fighting", "two dead in the
    violence") reports that violence as an act: the generic word is made an act, naming both reasons."""
    death = next((t for t in triggers if t.strength == "outcome" and not t.hypothetical), None)
    if death is None:
        return triggers
    return [replace(t, strength="act", rule=f"{t.rule}+{death.rule}")
            if t.strength == "generic" and t.violent and not t.hypothetical else t for t in triggers]


def _in_catalogue(sentence: str, trigger: Trigger, before: str) -> bool:
    """Whether a trigger is one item of a list of wrongs; a participle ("tortured and killed") reports an act."""
    if sentence[trigger.start:trigger.end].lower().endswith("ed"):
        return False
    return bool(_CATALOGUE_BEFORE.search(before) or _CATALOGUE_AFTER.match(sentence[trigger.end:trigger.end + 80]))


# "tried to kill", "claims to have killed": an attempt, or a claim that it was done, not an intention.
_DONE_TO = frozenset("tried attempted attempt attempts attempting claim claims claimed claiming managed forced".split())


# "Gunmen entered a house to kill a man": the purpose of a way in that was made, told as done.
_ENTERED = frozenset("entered enter enters broke breaks burst bursts stormed storm storms barged".split())


def _entered_to(tokens: list[Token], to: int) -> bool:
    """Whether a "to" closes an entry just told ("entered a house to", "broke into his home to")."""
    return any(t.word in _ENTERED for t in tokens[max(0, to - 5):to]) and not any(
        t.broken for t in tokens[max(1, to - 4):to + 1])


def _from_hit(hit: Hit, tokens: list[Token]) -> Trigger:
    """A trigger from a lexicon entry; a verb after "to" ("vowed to kill", "plans to attack") is an intention."""
    entry = hit.entry
    intended = hit.base and hit.first > 0 and tokens[hit.first - 1].word == "to" and not (
        hit.first > 1 and tokens[hit.first - 2].word in _DONE_TO) and not _entered_to(tokens, hit.first - 1)
    return Trigger(entry.kind, hit.start, hit.end, "", intended, rule=f"triggers:{entry.name}",
                   strength=_aspect_strength(hit, tokens), accidents=entry.accidents)


# The present perfect and progressive ("have been killed", "are killing"), and the present in a relative clause
# ("the militias who attack the villages"), describe a state or a habit, not one occurrence: such a verb says no
# more than a generic word until the sentence gives a toll, a date and a place.
_ASPECT_BEFORE = {
    "past": rule("events.perfect_before", r"\b(?:have|has)\s+(?:(?:also|already|ever|since|not|been|"
                 r"reportedly|allegedly|repeatedly|systematically)\s+)*$",
                 ["Many soldiers have been ", "they have also "], counterexamples=["Gunmen on Monday "]),
    "ing": rule("events.progressive_before", r"\b(?:am|is|are|keep|keeps|continue|continues|continued)\s+"
                r"(?:\w+ly\s+)?$", ["a country that is ", "who continue "],
                counterexamples=["an explosion, ", "the planes that had been "]),
    "base": rule("events.habitual_before", r"\b(?:who|which|that)\s+(?:\w+ly\s+)?$",
                 ["the criminals who "], counterexamples=["Gunmen "]),
}
_ASPECT_BEFORE["s"] = _ASPECT_BEFORE["base"]
_BEING = rule("events.passive_progressive_before", r"\b(?:am|is|are|from)\s+being\s+$",
              ["judges from being ", "civilians are being "], counterexamples=["man dies after being "])


def _aspect_strength(hit: Hit, tokens: list[Token]) -> str:
    """The entry's strength, made generic for an act verb in the perfect, the progressive or a habit."""
    if hit.entry.strength != "act" or not hit.form or hit.entry.kind == "kidnapping":  # captivity lasts
        return hit.entry.strength
    before = " ".join(t.word for t in tokens[max(0, hit.first - 4):hit.first]) + " "
    if _ASPECT_BEFORE[hit.form].search(before) or (hit.form == "past" and _BEING.search(before)):
        return "generic"
    return hit.entry.strength


def _shape_triggers(sentence: str) -> list[Trigger]:
    found = [Trigger(kind, m.start(), m.end(), "", rule=made.name, strength=strength, accidents=accidents)
             for made, kind, strength, accidents in _SHAPES for m in made.finditer(sentence)]
    body = _BODY.search(sentence)
    if body is not None and _MARKS.search(sentence):
        found.append(Trigger("attack", body.start(), body.end(), "", rule=f"{_BODY.name}+{_MARKS.name}",
                             accidents=True))
    elif (dead := _FOUND_DEAD.search(sentence)) is not None:
        found.append(Trigger("attack", dead.start(), dead.end(), "", rule=_FOUND_DEAD.name, accidents=True))
    return found


def _words(starts: list[int], ends: list[int], trigger: Trigger) -> int:
    """How many tokens (given by their sorted starts and ends) lie inside the trigger."""
    return max(0, bisect_right(ends, trigger.end) - bisect_left(starts, trigger.start))


def _without_overlaps(candidates: list[Trigger]) -> list[Trigger]:
    """The candidates, in order of preference, that overlap none preferred before them.

    The chosen spans are kept sorted (they never overlap), so each candidate is checked against its two
    neighbours only: a sentence of thousands of triggers costs n log n, not n squared."""
    chosen: list[Trigger] = []
    spans: list[tuple[int, int]] = []
    for candidate in candidates:
        at = bisect_left(spans, (candidate.start, candidate.end))
        if at and spans[at - 1][1] > candidate.start or at < len(spans) and spans[at][0] < candidate.end:
            continue
        spans.insert(at, (candidate.start, candidate.end))
        chosen.append(candidate)
    return chosen


_CLAUSE_BREAK = re.compile(r"[;:]|\s[-–—]\s")


def _marked(sentence: str, trigger: Trigger, figurative: list[tuple[int, int]]) -> Trigger:
    """The trigger with its text, marked hypothetical where its context says it did not (or not yet) happen."""
    upper = is_upper_case(sentence)
    before = _CLAUSE_BREAK.split(sentence[max(0, trigger.start - 60):trigger.start])[-1]  # cues of its own clause
    before = before.lower() if upper else before
    hypothetical = _HYPOTHETICAL_UPPER if upper else _HYPOTHETICAL
    unreal = bool(
        trigger.hypothetical or any(s < trigger.end and trigger.start < e for s, e in figurative)
        or any(check.search(before) for check in (hypothetical, _NEGATED, _FIGURATIVE, _JUDGED, _REMEMBERED,
                                                  _STATISTIC))
        or _NOT_DONE_AFTER.match(sentence, trigger.end)
        or _in_catalogue(sentence, trigger, before)
        or (_DIES.search(sentence, trigger.start, trigger.end) and _NATURAL_DEATH_AFTER.match(sentence, trigger.end)))
    return Trigger(trigger.kind, trigger.start, trigger.end, sentence[trigger.start:trigger.end], unreal,
                   trigger.rule, trigger.strength, trigger.accidents)


_TARGETED_PERSON = rule(
    "events.targeted_person",
    r"\b(?:(?:shot dead|shot and killed|killed|gunned down|assassinated|murdered|stabbed to death|targeted)\s+"
    r"(?:a|an|the)|(?:murder|killing|slaying) of(?: a| an| the)?)\s+(?:[\w'-]+\s+){0,4}?"
    r"(?:headman|mukhtar|prosecutor|judge|commander|leader|politician|lawmaker|"
    r"official|commissioner|governor|mayor|chief|activist|organi[sz]er|investigator|cleric|imam|candidate|"
    r"councillor|councilor|legislator|minister|senator|parliamentarian|MP|journalist|editor|general|colonel|"
    r"head of [\w ]+|deputy|spokesman|spokesperson|elder|chairman|director|trade unionist|magistrate|analyst|"
    r"priest|bishop|archbishop|businessman|industrialist|diplomat|ambassador|union leader)\b",
    ["Gunmen shot dead a district judge outside his home.", "the murder of a local councillor"],
    counterexamples=["Gunmen shot dead two farmers."])
_CROWD = rule(
    "events.crowd",
    r"\b(?:protesters|protestors|demonstrators|rioters|mobs?|supporters of|rival (?:groups|parties|factions|"
    r"students|gangs)|communal|sectarian clashes|crowds?|students|villagers clashed|youths)\b",
    ["Rioters set fire to a police station.", "supporters of rival parties clashed"],
    counterexamples=["Troops clashed with rebels."])
_TWO_SIDED = rule(
    "events.two_sided",
    r"\b(?:clash(?:es|ed)? (?:with|between)|fighting between|fought|battled|gun battles?|"
    r"exchanged fire|exchange of fire|offensive|clashes erupted|clashes broke out|heavy fighting|"
    r"(?:sparking|triggering|prompting|provoking|setting off|leading to)\s+(?:a\s+|an\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:clash\w*|gunfights?|firefights?|gun ?battles?|fighting|exchange of fire)|"
    r"(?:in|during) the (?:ensuing |subsequent )?fighting|days? of fighting|"
    r"attacked (?:[\w'-]+\s+){0,6}?positions|launched an? (?:[\w-]+\s+)?(?:military |security )?"
    r"(?:operation|offensive|assault) (?:against|on)|recaptured|retook|seized control|took control)\b",
    ["Troops clashed with rebels near the border.", "Rebels attacked army positions outside Tabora."],
    counterexamples=["Gunmen attacked a police post."])


def incident_type(triggers: Iterable[Trigger], text: str = "") -> str | None:
    """The type of an incident from its triggers (in text order) and its sentences' text (see `explain_type`)."""
    return explain_type(triggers, text)[0]


def explain_type(triggers: Iterable[Trigger], text: str = "") -> tuple[str | None, str | None]:
    """The type of an incident and the trigger rule or type rule that decided it.

    Assassination (a named or described individual singled out) and kidnapping beat the method;
    a crowd's violence is a riot; a fight between two organised sides is a battle, a one-sided
    attack by armed men an armed assault; the weapon decides otherwise (air, artillery, explosives,
    fire); "attack" is left for incidents whose method the text does not give.
    """
    real = [t for t in triggers if t.violent and not t.hypothetical]
    kinds = {t.kind for t in real}
    if not kinds:
        return None, None
    for kind in ("assassination", "kidnapping"):
        if kind in kinds:
            return kind, _first_rule(real, kind)
    if _TARGETED_PERSON.search(text):
        return "assassination", _TARGETED_PERSON.name
    crowd = bool(_CROWD.search(text))
    if "riot" in kinds:
        return "riot", _first_rule(real, "riot")
    if crowd and kinds & {"battle", "arson"} and not kinds & {"bombing", "airstrike"}:
        return "riot", _CROWD.name
    for kind in ("airstrike", "shelling", "bombing"):
        if kind in kinds:
            return kind, _first_rule(real, kind)
    return _ground_type(real, kinds, text)


def _attacking(trigger: Trigger) -> bool:
    """A word of attacking ("attacked", "an attack"), not of dying ("killed", which accidents use too)."""
    return trigger.kind == "attack" and not trigger.accidents


def _first_rule(triggers: list[Trigger], kind: str) -> str:
    return next(t.rule for t in triggers if t.kind == kind)


def _ground_type(real: list[Trigger], kinds: set[str], text: str) -> tuple[str, str]:
    """Fire, a two-sided fight, a one-sided attack with guns or blades, or an attack of unstated method."""
    methods = [t for t in real if not t.attacker]
    method_kinds = {t.kind for t in methods}
    if "arson" in kinds and methods and methods[0].kind in ("arson", "attack") and "armed_assault" not in method_kinds:
        return "arson", _first_rule(real, "arson")
    if kinds & {"battle", "attack", "armed_assault"} and _TWO_SIDED.search(text):
        return "battle", _TWO_SIDED.name
    if "battle" in method_kinds and "armed_assault" not in kinds and not any(_attacking(t) for t in real):
        return "battle", _first_rule(real, "battle")  # combat words, and no word of a one-sided attack
    for kind in ("armed_assault", "battle", "arson"):
        if kind in kinds:
            return "armed_assault", _first_rule(real, kind)
    return "attack", _first_rule(real, "attack")
