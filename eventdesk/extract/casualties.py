"""Killed and injured counts, with their qualifiers, from the sentences of one incident.

A mention is one phrase that reports deaths or injuries ("at least 40 lives", "left 120
others injured", "the death toll rose to 26", "shot dead a police officer", "no one was hurt").
`find_casualties` reads mentions from a sentence; `total_casualties` combines the mentions
of one incident: the latest toll wins, separately stated groups add up, subsets do not,
attackers count, later deaths of the wounded are added, and an explicit "no casualties"
gives zero.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from eventdesk.extract.numbers import NUMBER, parse_number

QUALIFIER_WORDS = {
    "at_least": ("at least", "more than", "over", "upwards of", "no fewer than", "not less than",
                 "in excess of", "a minimum of", "scores of"),
    "about": ("about", "around", "approximately", "roughly", "some", "an estimated", "nearly", "almost",
              "close to", "estimated", "perhaps", "reportedly"),
    "at_most": ("up to", "as many as", "at most", "no more than", "fewer than", "less than"),
}
_QUALIFIER_OF = {w: q for q, words in QUALIFIER_WORDS.items() for w in words}
QUAL = r"(?:(?P<q>" + "|".join(sorted(map(re.escape, _QUALIFIER_OF), key=len, reverse=True)) + r")\s+)?"
_QUAL_PLAIN = QUAL.replace("?P<q>", "")

# A word of a noun phrase; ages ("a 17-year-old boy") are modifiers too.
_WORD = r"(?:[A-Za-z'-]+|\d{1,3}-year-old)"
_SMALL_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|dozens|twenty|thirty|forty|"
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
    r"(?-i:[A-Z][a-z]+s)"
)
_STOPS = (r"and|or|of|them|whom|with|the|their|his|her|its|including|in|at|on|to|by|were|was|is|are|had|has|have|"
          r"years?|months?|weeks?|days?|hours?|"
          r"been|said|says|told|reported|killed|killing|dead|died|wounded|wounding|injured|injuring|shot|near|"
          r"outside|inside|during|after|before|as|while|when|from|who|that|which|into|for|across|among|both|"
          rf"a|an|{_SMALL_WORDS}")
# Greedy, so that "a former rebel commander" ends on its head noun; stop words keep it inside the phrase.
_MODIFIERS = rf"(?:(?!(?-i:{_STOPS})\b){_WORD}\s+){{0,3}}"
VICTIMS = rf"(?P<v>{_MODIFIERS}(?:{VICTIM_NOUNS})\b)"
NUM = rf"{QUAL}(?P<n>{NUMBER})"
# "eight members of the Afghan security forces"
_OF_GROUP = rf"(?:\s+of\s+(?:the\s+)?(?:[\w'-]+\s+){{0,3}}?(?:{VICTIM_NOUNS})\b)?"

KILL_WORDS = (r"killed|dead|died|slain|shot dead|massacred|executed|perished|murdered|"
              r"lost their lives|beheaded|burned to death|burnt to death|gunned down|stabbed to death")
_HARM = r"(?:[\w-]+\s+){0,2}?(?:burns|injuries|wounds)"
HURT_WORDS = (r"injured|wounded|hurt|maimed|hospitali[sz]ed|(?:suffered|sustained|treated for)\s+" + _HARM +
              r"|(?:taken|rushed|admitted|evacuated)\s+to\s+(?:a\s+|the\s+)?(?:[\w-]+\s+){0,3}?hospitals?"
              r"\s+with\s+" + _HARM)
_KILL_STEM = re.compile(r"kill|dead|died|slain|death|massacr|execut|perish|murder|lives|behead|gunned|slaughter|"
                        r"assassin|lynch|succumb|blew", re.IGNORECASE)
# After a subject, "killed" followed by its own object is active: "security forces killed more than 100 militants".
_ACTIVE_AFTER = rf"(?!\s+(?:{_QUAL_PLAIN}(?:{NUMBER})|an?|the|his|her|their|its|all|dozens|scores|hundreds|several)\b)"
_AUX = (r"were|was|have been|had been|has been|are|is|being|got|reportedly|also|later|all|may have|might have|"
        r"have|has|had|subsequently|confirmed|feared|believed to have been|left|lay|both")
_PASSIVE = re.compile(
    rf"\b{QUAL}(?P<n>{NUMBER}|both)\s+(?:(?:of\s+(?:his|her|their|its)\s+)?{VICTIMS}{_OF_GROUP}\s*)?"
    r"(?:\([^)]{0,40}\)\s*)?(?:,\s*[^,.;]{0,60},\s*)?"
    rf"(?:(?:{_AUX})\s+){{0,3}}"
    rf"(?P<verb>{KILL_WORDS}|{HURT_WORDS})\b{_ACTIVE_AFTER}",
    re.IGNORECASE,
)
# "Two drivers who tried to escape were shot dead": a relative clause between the group and its verb.
_PASSIVE_RELATIVE = re.compile(
    rf"\b{NUM}\s+{VICTIMS}\s+(?:who|that)\s+(?:(?!(?:{KILL_WORDS}|{HURT_WORDS}|shot)\b)[\w'-]+\s+){{1,6}}?"
    rf"(?P<verb>(?:were|was|had been|have been)\s+(?:(?:also|later|all)\s+)?(?:{KILL_WORDS}|{HURT_WORDS})"
    r"|died|perished)\b",
    re.IGNORECASE,
)

# One group of victims in a list: "two soldiers", "a civilian", "three of his guards", "one of them",
# "the other", "a third", "eight members of the security forces".
_GROUP_PATTERN = (
    rf"(?:(?:all|the)\s+)?{QUAL}(?P<n>{NUMBER}|an?|his|her|their|its|the|both)\s+"
    rf"(?:of\s+(?:his|her|their|its|the)\s+)?{VICTIMS}{_OF_GROUP}"
)
_ITEM_PATTERN = (
    rf"(?:{_GROUP_PATTERN}"
    rf"|(?P<part>{NUMBER})\s+of\s+(?:them|whom|those)\b"
    r"|(?P<single>another|the other|an?\s+(?:second|third|fourth|fifth|sixth))"
    r"(?=\s*(?:[,.;]|$)|\s+(?:and|before|as|when|while|in|on|at|who|with|during|after|near)\b))"
)
_ITEM = re.sub(r"\(\?P<\w+>", "(?:", _ITEM_PATTERN)
_GROUP = re.sub(r"\(\?P<\w+>", "(?:", _GROUP_PATTERN)
_ITEM_RE = re.compile(_ITEM_PATTERN, re.IGNORECASE)
_JOIN = r"\s*(?:,|and|, and|as well as|plus)\s+"
_ACTIVE = re.compile(
    r"\b(?P<verb>killing|killed|kills|kill|left|leaving|leave|claimed the lives of|claiming the lives of|"
    r"injuring|injured|wounding|wounded|wounds|injures|shot dead|shot and killed|gunned down|shot and wounded|"
    r"massacred|slaughtered|executed|beheaded|beheading|assassinated|murdered|murdering|hacked to death|"
    r"shooting dead|gunning down|hacking to death)\s+"
    rf"(?P<items>{_ITEM}(?:{_JOIN}{_ITEM})*)"
    rf"(?:\s+(?P<after>dead|{HURT_WORDS}))?",
    re.IGNORECASE,
)
_PASSIVE_LIST = re.compile(
    rf"\b(?P<items>(?:{_GROUP})(?:{_JOIN}(?:{_GROUP}))+)\s+"
    r"(?:(?:were|have been|had been|are|also|later|all|reportedly)\s+){0,3}"
    rf"(?P<verb>{KILL_WORDS}|{HURT_WORDS})\b{_ACTIVE_AFTER}",
    re.IGNORECASE,
)
# "killed the head of security ... and three of his guards": the owner of the guards died too.
_WITH_OWNER = re.compile(
    r"\b(?P<verb>killing|killed|shot dead|shot and killed|gunned down|assassinated|murdered)\s+"
    r"(?:the|an?)\s+[^,.;]{1,80}?\s+and\s+"
    rf"{NUM}\s+of\s+(?:his|her)\s+(?P<v>{_WORD})\b",
    re.IGNORECASE,
)
_DETERMINERS = {"a", "an", "his", "her", "their", "its", "the"}
_BARE = re.compile(
    r"\b(?P<verb>killing|killed|wounding|injuring|wounded|injured)\s+(?:all\s+)?"
    rf"{QUAL}(?P<n>{NUMBER})\b(?=\s+(?:and|others|before|when|while|as|in|on|at|during|near|inside|outside)\b|\s*[,.;])",
    re.IGNORECASE,
)
# Any plural group after a number, for victims the lexicon does not know: "killing four loggers".
_NOT_PEOPLE = (r"years?|months?|days?|weeks?|hours?|minutes?|seconds?|times|kilometres|kilometers|km|miles|metres|"
               r"meters|percent|per cent|cattle|cows|goats|sheep|camels|animals|livestock|donkeys|horses|dogs|"
               r"birds|elephants|rhinos")
_BARE_PLURAL = re.compile(
    r"\b(?P<verb>killing|killed|wounding|injuring|wounded|injured|shot dead|gunned down|beheading|beheaded)\s+"
    rf"(?:all\s+)?{NUM}\s+(?P<v>(?:(?!(?-i:{_STOPS}|{_NOT_PEOPLE})\b)[a-z'-]+\s+){{0,2}}"
    rf"(?!(?:{_NOT_PEOPLE})\b)[a-z'-]+s)\b(?!['-])",
    re.IGNORECASE,
)
_ATTACKER_KILLED = re.compile(
    r"\b(?:shot|gunned) (?:him|her) dead|\bbefore (?:being|he was|she was) (?:shot dead|killed|gunned down)|"
    r"\b(?:he|she) was (?:later |also |himself |herself )?(?:shot dead|killed)\b|\bblew (?:himself|herself) up|"
    r"\bkilling (?:himself|herself)\b",
    re.IGNORECASE,
)
# The attacker with the victims in one list: "killing himself and two soldiers", "killing two soldiers and himself".
_SELF_AND_OTHERS = re.compile(
    rf"\bkill(?:ing|ed) (?P<self>himself|herself) (?:and|as well as|along with) {NUM}\s+{VICTIMS}", re.IGNORECASE)
_OTHERS_AND_SELF = re.compile(
    rf"\bkill(?:ing|ed) {NUM}\s+{VICTIMS}\s+(?:and|as well as) (?P<self>himself|herself)\b", re.IGNORECASE)
_ATTACKER_HURT = re.compile(r"\b(?:himself|herself) (?:shot and )?(?:wounded|injured)|"
                            r"\bshot and wounded (?:him|her)\b|"
                            r"\b(?:he|she) was (?:also |later |himself |herself )?(?:shot and )?wounded",
                            re.IGNORECASE)
# "Two suicide bombers blew themselves up": the attackers' own deaths.
_SELF_KILLED = re.compile(
    rf"\b{NUM}\s+{VICTIMS}\s+(?:[^.;]{{0,80}}?\s)?(?:blew themselves up|detonated themselves|"
    r"detonated their (?:explosive |suicide )?(?:vests|belts)|(?:killing|killed|shot) themselves)",
    re.IGNORECASE,
)
# "killing 18 people, not counting the two bombers": attackers stated beside the victims.
_BESIDES = re.compile(
    rf"\b(?:not counting|excluding|in addition to|besides|plus)\s+(?:the\s+)?{NUM}\s+{VICTIMS}",
    re.IGNORECASE,
)
_TOLL = re.compile(
    r"\b(?:death toll|toll|number of (?:dead|deaths|fatalities|people killed)|fatalities|deaths)"
    r"[\s,]+(?:[\w,'’-]+\s+){0,16}?"
    rf"(?:rose|climbed|jumped|increased|reached|stood|stands|stand|is|was|has risen|had risen|hit|to|at)\s+"
    rf"(?:to\s+|at\s+)?{NUM}\b",
    re.IGNORECASE,
)
# A later update of a toll already named in the sentence: "... put the toll at nine, but it had risen to 19".
_TOLL_UPDATE = re.compile(rf"\b(?:risen|rose|climbed|jumped|increased)\s+to\s+{NUM}\b", re.IGNORECASE)
_LIVES = re.compile(rf"\b(?:loss of|claimed|took|cost|costing|claiming|taking)\s+(?:the\s+)?{NUM}\s+lives\b",
                    re.IGNORECASE)
_DEAD_NOUN = re.compile(rf"\b{NUM}\s+(?:(?:people|persons)\s+)?(?P<verb>dead|deaths|fatalities)\b", re.IGNORECASE)
_ZERO_BOTH = re.compile(
    r"\bno (?:casualties|one was (?:killed or (?:injured|wounded|hurt)|hurt|harmed)|injuries or deaths|"
    r"deaths or injuries|one was killed or hurt|loss of life or injur|(?:immediate )?reports? of casualties)|"
    r"causing (?:damage but )?no (?:casualties|injuries)|"
    r"without (?:causing )?(?:any )?casualties|no one was (?:injured|hurt|wounded) or killed|"
    r"\bnobody was (?:killed or )?(?:hurt|injured|harmed)",
    re.IGNORECASE,
)
_ZERO_KILLED = re.compile(
    r"\bno(?: one|body)(?: was| were| had been| has been)? (?:killed|died|dead)\b|"
    r"\bno (?:deaths|fatalities|lives were lost)\b(?! or)|\bno loss of life\b",
    re.IGNORECASE,
)
_ZERO_HURT = re.compile(r"\bno (?:injuries|one was (?:injured|hurt|wounded))|\bcausing (?:damage but )?no injuries",
                        re.IGNORECASE)
_SINGLE = re.compile(
    r"\b(?P<verb>shot dead|shot and killed|killed|killing|gunned down|assassinated|stabbed to death|beheaded|"
    r"murdered|wounded|wounding|injured|injuring)\s+(?:a|an|one|the|his|her|their|its)\s+"
    rf"(?P<v>(?:{_WORD}\s+){{0,3}}?(?:police officer|policeman|officer|soldier|civilian|man|woman|child|boy|girl|"
    r"student|teacher|driver|bodyguard|guard|passer-by|passerby|bystander|journalist|judge|prosecutor|official|"
    r"commander|leader|elder|chief|headman|activist|politician|lawmaker|mayor|governor|cleric|imam|priest|"
    r"worker|farmer|trader|resident|villager|doctor|nurse|pilot|member|councillor|councilor|security guard|"
    r"candidate|colonel|general|captain|sergeant|lieutenant|major|employee|tribal leader|village elder|vendor|"
    r"shopkeeper|merchant|pastor|teenager|youth|son|daughter|brother|wife|husband|engineer|contractor|"
    r"peacekeeper|gendarme|ranger|agent|shepherd|herder|fisherman|motorist|pedestrian|student))\b",
    re.IGNORECASE,
)
# Verbs whose object can only be a person: "shot dead a village mukhtar who ...".
_SINGLE_PERSON = re.compile(
    r"\b(?P<verb>shot dead|shot and killed|gunned down|assassinated|stabbed to death|hacked to death|beheaded|"
    r"murdered|lynched)\s+(?:a|an|the|his|her|their)\s+"
    rf"(?P<v>(?:(?!(?-i:{_STOPS})\b){_WORD}\s+){{0,3}}?(?!(?-i:{_STOPS})\b){_WORD})"
    rf"(?P<also>\s+and\s+(?:his|her)\s+{_MODIFIERS}(?:{VICTIM_NOUNS})\b)?"
    r"(?=\s*[,.;:(]|\s*$|\s+(?:who|as|in|on|at|near|outside|inside|while|when|after|before|from|with|during|"
    r"for|and|late|early|last|this)\b)",
    re.IGNORECASE,
)
# One person named before, as a pronoun: "attacked a vehicle carrying a judge, wounding him".
_SINGLE_PRONOUN = re.compile(
    r"\b(?P<verb>shot dead|shot and killed|shot and wounded|killed|killing|gunned down|assassinated|murdered|"
    r"stabbed to death|beheaded|wounded|wounding|injured|injuring)\s+(?P<v>him|her)\b(?!\s+and\b)",
    re.IGNORECASE,
)
# One person as the subject: "the assailant was also killed", "His brother, who was with him, was wounded".
_SINGLE_PASSIVE = re.compile(
    r"\b(?:a|an|the|his|her)\s+"
    rf"(?P<v>(?:(?!(?-i:{_STOPS})\b){_WORD}\s+){{0,2}}?(?!(?-i:{_STOPS})\b){_WORD})"
    r"(?:\s*,\s*(?:who|which)\s+[^,.;]{1,50},)?\s+"
    rf"(?P<verb>(?:(?:was|is|also|later|reportedly|subsequently|himself|herself)\s+){{1,3}}"
    r"(?:(?:raped|abducted|kidnapped|tortured|robbed|beaten|attacked|ambushed)\s+and\s+)?"
    rf"(?:shot and killed|shot and wounded|{KILL_WORDS}|{HURT_WORDS})"
    r"|(?:(?:also|later|reportedly|subsequently)\s+){0,2}(?:died|perished|blew himself up|blew herself up))\b",
    re.IGNORECASE,
)
# One more victim after a group: "two civilians were killed and another injured", "a third was wounded".
_ANOTHER = re.compile(
    r"\b(?P<v>another|the other|an?\s+(?:second|third|fourth|fifth|sixth))\s+"
    rf"(?:(?:was|also|later)\s+){{0,2}}(?P<verb>{KILL_WORDS}|{HURT_WORDS})\b",
    re.IGNORECASE,
)
# A wounded victim who died afterwards: "the policeman later succumbed to his injuries".
_LATER_DEATH = re.compile(
    r"\b(?:later |subsequently )?(?:succumbed to (?:(?:his|her|their) )?(?:injuries|wounds)|"
    r"died (?:later )?(?:of|from) (?:his|her) (?:injuries|wounds)|died (?:later )?in hospital)",
    re.IGNORECASE,
)
_SUBSET_BEFORE = re.compile(r"(?:including|includes|included|include|among them|among whom|of them|of whom|"
                            r"of those|among the dead|among the victims)\s*$", re.IGNORECASE)
_SUBSET_AFTER = re.compile(r"^\s*(?:of them|of whom|among them|of the dead|of the victims)", re.IGNORECASE)
_ATTACKER = re.compile(r"attacker|assailant|gunm[ae]n|bomber|militant|insurgent|terrorist|jihadist|fighter|rebel|"
                       r"themselves|perpetrator|kidnapper|abductor|gang members|suspect|shooter|knifeman|hijacker|"
                       r"raider",
                       re.IGNORECASE)


@dataclass(frozen=True)
class Casualty:
    """One reported figure: `kind` is "killed" or "injured"; `later` marks a wounded victim who died after."""

    kind: str
    count: int
    qualifier: str
    start: int
    end: int
    victims: str | None = None
    toll: bool = False
    subset: bool = False
    later: bool = False


def _kind(verb: str) -> str:
    return "killed" if _KILL_STEM.search(verb) else "injured"


def _qualifier(match: re.Match) -> str:
    word = (match.group("q") or "").lower()
    return _QUALIFIER_OF.get(word, "exact")


def _is_subset(text: str, start: int, end: int) -> bool:
    return bool(_SUBSET_BEFORE.search(text[max(0, start - 25):start]) or _SUBSET_AFTER.match(text[end:end + 20]))


def _mention(text: str, kind: str, match: re.Match, count: int | None, **extra) -> Casualty | None:
    if count is None:
        return None
    start, end = match.span()
    return Casualty(kind, count, _qualifier(match) if "q" in match.re.groupindex else "exact", start, end,
                    subset=_is_subset(text, start, end), **extra)


def _item_count(item: re.Match) -> int | None:
    if item.group("single"):
        return 1
    if item.group("part"):
        return parse_number(item.group("part"))
    raw = item.group("n")
    return 1 if raw.lower() in _DETERMINERS else parse_number(raw)


def _list_kind(match: re.Match) -> str | None:
    verb = match.group("verb").lower()
    after = (match.group("after") or "").lower() if "after" in match.re.groupindex else ""
    if verb.startswith("lea") and not after:
        return None
    return _kind(after or verb)


def _list_mentions(text: str, match: re.Match) -> Iterator[Casualty]:
    kind = _list_kind(match)
    if kind is None:
        return
    offset = match.start("items")
    for index, item in enumerate(_ITEM_RE.finditer(match.group("items"))):
        count = _item_count(item)
        if count is None or count > 100000:
            continue
        start, end = offset + item.start(), offset + item.end()
        # "nine people, five of them soldiers": a part named after the whole is a subset.
        part_of_earlier = index > 0 and bool(item.group("part"))
        yield Casualty(kind, count, _qualifier(item), start, end, item.group("v"),
                       subset=part_of_earlier or _is_subset(text, start, end))


def _counted(text: str, match: re.Match) -> Iterator[Casualty]:
    raw = match.group("n")
    count = parse_number(raw)
    if count is not None and count < 100000 and not _looks_like_year(raw, count):
        yield _mention(text, _kind(match.group("verb")), match, count, victims=match.group("v"))


def _with_owner(text: str, match: re.Match) -> Iterator[Casualty]:
    count = parse_number(match.group("n"))
    if count is not None:
        yield _mention(text, _kind(match.group("verb")), match, count + 1, victims=match.group("v"))


def _toll(text: str, match: re.Match) -> Iterator[Casualty]:
    yield _mention(text, "killed", match, parse_number(match.group("n")), toll=True)
    for update in _TOLL_UPDATE.finditer(text, match.end()):
        yield _mention(text, "killed", update, parse_number(update.group("n")), toll=True)


def _lives(text: str, match: re.Match) -> Iterator[Casualty]:
    yield _mention(text, "killed", match, parse_number(match.group("n")), victims="people")


def _figure(text: str, match: re.Match) -> Iterator[Casualty]:
    yield _mention(text, "killed", match, parse_number(match.group("n")))


def _single(text: str, match: re.Match) -> Iterator[Casualty]:
    yield Casualty(_kind(match.group("verb")), 1, "exact", *match.span(), victims=match.group("v"),
                   subset=_is_subset(text, *match.span()))


def _person(text: str, match: re.Match) -> Iterator[Casualty]:
    count = 2 if match.group("also") else 1
    yield Casualty(_kind(match.group("verb")), count, "exact", *match.span(), victims=match.group("v"),
                   subset=_is_subset(text, *match.span()))


def _bare(text: str, match: re.Match) -> Iterator[Casualty]:
    yield _mention(text, _kind(match.group("verb")), match, parse_number(match.group("n")))


def _attackers_killed(text: str, match: re.Match) -> Iterator[Casualty]:
    count = parse_number(match.group("n"))
    if count is not None and _ATTACKER.search(match.group("v")):
        # The span ends at the attackers, so that the victims named before their verb are kept too.
        yield Casualty("killed", count, _qualifier(match), match.start(), match.end("v"), match.group("v"))


def _self_and_others(text: str, match: re.Match) -> Iterator[Casualty]:
    count = parse_number(match.group("n"))
    if count is None:
        return
    yield Casualty("killed", 1, "exact", *match.span("self"), victims="attacker")
    yield Casualty("killed", count, _qualifier(match), match.start("n"), match.end("v"), match.group("v"))


def _attacker_killed(text: str, match: re.Match) -> Iterator[Casualty]:
    yield Casualty("killed", 1, "exact", *match.span(), victims="attacker")


def _attacker_hurt(text: str, match: re.Match) -> Iterator[Casualty]:
    yield Casualty("injured", 1, "exact", *match.span(), victims="attacker")


def _later_death(text: str, match: re.Match) -> Iterator[Casualty]:
    yield Casualty("killed", 1, "exact", *match.span(), later=True)


_Reader = Callable[[str, re.Match], Iterator[Casualty]]
# In order of priority: where two mentions of one kind overlap, the earlier reader's is kept.
_READERS: tuple[tuple[re.Pattern, _Reader], ...] = (
    (_WITH_OWNER, _with_owner),
    (_ACTIVE, _list_mentions),
    (_PASSIVE_LIST, _list_mentions),
    (_PASSIVE_RELATIVE, _counted),
    (_PASSIVE, _counted),
    (_TOLL, _toll),
    (_LIVES, _lives),
    (_DEAD_NOUN, _figure),
    (_SINGLE, _single),
    (_SINGLE_PERSON, _person),
    (_SINGLE_PRONOUN, _single),
    (_SINGLE_PASSIVE, _single),
    (_ANOTHER, _single),
    (_BARE, _bare),
    (_BARE_PLURAL, _counted),
    (_SELF_AND_OTHERS, _self_and_others),
    (_OTHERS_AND_SELF, _self_and_others),
    (_SELF_KILLED, _attackers_killed),
    (_BESIDES, _attackers_killed),
    (_ATTACKER_KILLED, _attacker_killed),
    (_ATTACKER_HURT, _attacker_hurt),
    (_LATER_DEATH, _later_death),
)


# Every reader needs one of these stems; most sentences have none and are skipped at once.
_ANY_CUE = re.compile(r"kill|dead|die[ds]?\b|wound|injur|hurt|casualt|toll|death|lives|fatalit|slain|massacr|execut|"
                      r"perish|murder|behead|gunned|gunning|burn|hospital|maim|assassin|lynch|succumb|blew|harm|"
                      r"detonat|slaughter|hacked|hacking|loss of life", re.IGNORECASE)


def find_casualties(text: str) -> list[Casualty]:
    """Every casualty mention in a sentence, in text order (overlaps resolved by the readers' priority)."""
    if not _ANY_CUE.search(text):
        return []
    found: list[Casualty | None] = list(_zeros(text))
    for pattern, read in _READERS:
        for match in pattern.finditer(text):
            found.extend(read(text, match))
    return _one_attacker(_drop_overlaps([m for m in found if m is not None]))


def _one_attacker(mentions: list[Casualty]) -> list[Casualty]:
    """A sentence that says twice that its attacker died ("blew herself up ..., killing two civilians and
    herself") counts that death once."""
    selves = [m for m in mentions if m.kind == "killed" and m.count == 1 and m.victims
              and (m.victims == "attacker" or _ATTACKER.search(m.victims))]
    return [m for m in mentions if m not in selves[1:]]


def _looks_like_year(raw: str, count: int) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1900 <= count <= 2100


def _zeros(text: str) -> list[Casualty]:
    out = []
    for match in _ZERO_BOTH.finditer(text):
        out += [Casualty("killed", 0, "exact", *match.span()), Casualty("injured", 0, "exact", *match.span())]
    for match in _ZERO_KILLED.finditer(text):
        out.append(Casualty("killed", 0, "exact", *match.span()))
    for match in _ZERO_HURT.finditer(text):
        out.append(Casualty("injured", 0, "exact", *match.span()))
    return out


def _drop_overlaps(mentions: list[Casualty]) -> list[Casualty]:
    kept: list[Casualty] = []
    for mention in mentions:  # in order of the readers' priority
        clash = any(k.kind == mention.kind and k.start < mention.end and mention.start < k.end for k in kept)
        if not clash:
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


@dataclass(frozen=True)
class Total:
    count: int | None
    qualifier: str | None
    mentions: tuple[Casualty, ...] = ()


def total_casualties(mentions: Iterable[Casualty], kind: str) -> Total:
    """Combine the mentions of one incident (in text order) into one figure.

    The last toll ("the death toll rose to 26") wins. Otherwise groups stated together add up
    ("seven soldiers and 15 insurgents"), repeated figures are not added again (the largest
    statement is kept), deaths among the attackers, usually stated apart ("the bomber also
    died"), are added to those of their victims, and so are later deaths of the wounded.
    """
    chosen = [m for m in mentions if m.kind == kind and not m.subset]
    if not chosen:
        return Total(None, None)
    tolls = [m for m in chosen if m.toll]
    if tolls:
        return Total(tolls[-1].count, tolls[-1].qualifier, (tolls[-1],))
    groups = _group_sums([m for m in chosen if not m.later])
    parts = [m for m in chosen if m.later]
    for attackers in (False, True):
        sums = [[m for m in g if _is_attacker(m) == attackers] for g in groups]
        parts.extend(max(sums, key=lambda g: sum(m.count for m in g), default=[]))
    count = sum(m.count for m in parts)
    qualifiers = {m.qualifier for m in parts}
    qualifier = "exact" if qualifiers == {"exact"} else next(q for q in ("at_least", "about", "at_most")
                                                             if q in qualifiers)
    return Total(count, qualifier, tuple(sorted(parts, key=lambda m: m.start)))


def _is_attacker(mention: Casualty) -> bool:
    return bool(mention.victims and _ATTACKER.search(mention.victims))


def _group_sums(mentions: list[Casualty]) -> list[list[Casualty]]:
    """Split mentions into runs that belong to one statement (nearby in the text) to add them up."""
    groups: list[list[Casualty]] = []
    for mention in mentions:
        if groups and 0 <= mention.start - groups[-1][-1].end < 60 \
                and _victims_differ(groups[-1], mention):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


def _victims_differ(group: list[Casualty], mention: Casualty) -> bool:
    names = {(m.victims or "").lower() for m in group}
    return (mention.victims or "").lower() not in names


def attacker_deaths(mentions: Iterable[Casualty]) -> int:
    """Deaths among the attackers ("the assailant was also killed")."""
    return sum(m.count for m in mentions if m.kind == "killed" and m.victims and _ATTACKER.search(m.victims))
