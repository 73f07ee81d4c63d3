"""Killed and injured counts, with their qualifiers, from the sentences of one incident.

A mention is one phrase that reports deaths or injuries ("at least 84 lives", "left 284
others injured", "the death toll rose to 26", "shot dead a police officer", "no one was hurt").
`find_casualties` reads mentions from a sentence; `total_casualties` combines the mentions
of one incident: the latest toll wins, separately stated groups add up, subsets do not,
attackers count, and an explicit "no casualties" gives zero.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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

_SMALL_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|dozens|twenty|thirty|forty|"
                "fifty|hundred|hundreds|several|many|some")
VICTIM_NOUNS = (
    r"people|persons|person|civilians?|soldiers?|troops|servicemen|servicemembers|service members|"
    r"policemen|policeman|police officers?|police|officers?|cops|gendarmes|militants?|fighters?|"
    r"insurgents?|rebels?|attackers?|assailants?|gunmen|gunman|bombers?|jihadists?|terrorists?|"
    r"extremists?|children|child|kids|boys?|girls?|women|woman|men|man|students?|pupils|teachers?|"
    r"worshippers|worshipers|pilgrims|mourners|others|members|villagers|passengers|workers|guards?|"
    r"personnel|staff|residents|farmers|miners|herders|traders|shoppers|officials?|militiamen|"
    r"militia members|protesters|protestors|demonstrators|rioters|bystanders|passers-by|passersby|"
    r"individuals|victims|family members|relatives|journalists?|doctors?|nurses?|aid workers|"
    r"peacekeepers?|contractors|employees|customers|guests|tourists|detainees|prisoners|inmates|"
    r"recruits|cadets|sailors|pilots?|crew members|crew|commanders?|leaders?|elders?|chiefs?|"
    r"security personnel|security forces|Taliban|Shabaab|lives|drivers?|bodyguards?|passer-by|passerby|bystander|"
    r"judges?|prosecutors?|headman|activists?|politicians?|lawmakers?|mayors?|governors?|clerics?|imams?|priests?|"
    r"councillors?|councilors?|candidates?|employees?|wife|husband|sons?|daughters?|brothers?|"
    r"[A-Z][a-z]+(?:is|ans|ians|ese|ns|ks|s)"
)
_MODIFIERS = (r"(?:(?!(?:and|or|of|them|whom|with|the|their|including|in|at|on|to|by|were|was|said|says|told|"
              rf"reported|killed|killing|{_SMALL_WORDS})\b)[A-Za-z'-]+\s+){{0,3}}?")
VICTIMS = rf"(?P<v>{_MODIFIERS}(?:{VICTIM_NOUNS}))"
NUM = rf"{QUAL}(?P<n>{NUMBER})"

KILL_WORDS = (r"killed|dead|died|slain|shot dead|massacred|executed|perished|murdered|"
              r"lost their lives|beheaded|burned to death|burnt to death|gunned down|stabbed to death")
HURT_WORDS = r"injured|wounded|hurt|maimed"
_PASSIVE = re.compile(
    rf"\b{NUM}\s+(?:{VICTIMS}\s*)?(?:\([^)]{{0,40}}\)\s*)?(?:,\s*[^,.;]{{0,60}},\s*)?"
    r"(?:(?:were|was|have been|had been|has been|are|is|being|got|reportedly|also|later|all|may have|"
    r"might have|have|has|had|subsequently|confirmed|feared|believed to have been|left|lay)\s+){0,3}"
    rf"(?P<verb>{KILL_WORDS}|{HURT_WORDS})\b",
    re.IGNORECASE,
)
_ITEM = rf"(?:(?:all\s+)?{QUAL.replace('?P<q>', '')}(?:{NUMBER}|an?|his|her|their|its|the)\s+{_MODIFIERS}(?:{VICTIM_NOUNS}))"
_ACTIVE = re.compile(
    r"\b(?P<verb>killing|killed|kills|kill|left|leaving|leave|claimed the lives of|claiming the lives of|"
    r"injuring|injured|wounding|wounded|wounds|injures|shot dead|shot and killed|gunned down|"
    r"massacred|slaughtered|executed|beheaded)\s+"
    rf"(?P<items>{_ITEM}(?:\s*(?:,|and|, and|as well as|plus)\s+{_ITEM})*)"
    rf"(?:\s+(?P<after>dead|{HURT_WORDS}))?",
    re.IGNORECASE,
)
_ITEM_RE = re.compile(rf"{QUAL}(?P<n>{NUMBER}|an?|his|her|their|its|the)\s+{VICTIMS}", re.IGNORECASE)
_PASSIVE_LIST = re.compile(
    rf"(?P<items>{_ITEM}(?:\s*(?:,|and|, and|as well as|plus)\s+{_ITEM})+)\s+"
    r"(?:(?:were|have been|had been|are|also|later|all|reportedly)\s+){0,3}"
    rf"(?P<verb>{KILL_WORDS}|{HURT_WORDS})\b",
    re.IGNORECASE,
)
_DETERMINERS = {"a", "an", "his", "her", "their", "its", "the"}
_BARE = re.compile(
    r"\b(?P<verb>killing|killed|wounding|injuring|wounded|injured)\s+(?:all\s+)?"
    rf"{QUAL}(?P<n>{NUMBER})\b(?=\s+(?:and|others|before|when|while|as|in|on|at|during|near|inside|outside)\b|\s*[,.;])",
    re.IGNORECASE,
)
_ATTACKER_KILLED = re.compile(
    r"\b(?:shot|gunned) (?:him|her) dead|\bbefore (?:being|he was|she was) (?:shot dead|killed|gunned down)|"
    r"\b(?:he|she) was (?:later |also )?(?:shot dead|killed)\b|\bblew (?:himself|herself) up",
    re.IGNORECASE,
)
_ATTACKER_HURT = re.compile(r"\b(?:himself|herself) (?:shot and )?(?:wounded|injured)|"
                            r"\bshot and wounded (?:him|her)\b|\b(?:he|she) was (?:shot and )?wounded", re.IGNORECASE)
_TOLL = re.compile(
    r"\b(?:death toll|toll|number of (?:dead|deaths|fatalities|people killed)|fatalities|deaths)"
    r"\s+(?:[\w,'-]+\s+){0,6}?"
    rf"(?:rose|climbed|jumped|increased|reached|stood|stands|stand|is|was|has risen|had risen|hit|to|at)\s+"
    rf"(?:to\s+|at\s+)?{NUM}\b",
    re.IGNORECASE,
)
_LIVES = re.compile(rf"\b(?:loss of|claimed|took|cost|costing|claiming|taking)\s+(?:the\s+)?{NUM}\s+lives\b",
                    re.IGNORECASE)
_DEAD_NOUN = re.compile(rf"\b{NUM}\s+(?:(?:people|persons)\s+)?(?P<verb>dead|deaths|fatalities)\b", re.IGNORECASE)
_ZERO_BOTH = re.compile(
    r"\bno (?:casualties|one was (?:killed or (?:injured|wounded|hurt)|hurt|harmed)|injuries or deaths|"
    r"deaths or injuries|one was killed or hurt|loss of life or injur)|causing (?:damage but )?no (?:casualties|injuries)|"
    r"without (?:causing )?(?:any )?casualties|no one was (?:injured|hurt|wounded) or killed",
    re.IGNORECASE,
)
_ZERO_KILLED = re.compile(r"\bno (?:one|body|deaths|fatalities|one was) ?(?:was )?(?:killed|died)?\b(?=[^.]{0,30}"
                          r"(?:killed|died|reported|\.))|\bno (?:deaths|fatalities) (?:were|was) reported",
                          re.IGNORECASE)
_ZERO_HURT = re.compile(r"\bno (?:injuries|one was (?:injured|hurt|wounded))|\bcausing (?:damage but )?no injuries",
                        re.IGNORECASE)
_SINGLE = re.compile(
    r"\b(?P<verb>shot dead|shot and killed|killed|killing|gunned down|assassinated|stabbed to death|beheaded|"
    r"murdered|wounded|wounding|injured|injuring)\s+(?:a|an|one|the|his|her|their|its)\s+"
    r"(?P<v>(?:[A-Za-z'-]+\s+){0,3}?(?:police officer|policeman|officer|soldier|civilian|man|woman|child|boy|girl|"
    r"student|teacher|driver|bodyguard|guard|passer-by|passerby|bystander|journalist|judge|prosecutor|official|"
    r"commander|leader|elder|chief|headman|activist|politician|lawmaker|mayor|governor|cleric|imam|priest|"
    r"worker|farmer|trader|resident|villager|doctor|nurse|pilot|member|councillor|councilor|security guard|"
    r"candidate|colonel|general|captain|sergeant|lieutenant|major|employee|tribal leader|village elder))\b",
    re.IGNORECASE,
)
_SINGLE_PASSIVE = re.compile(
    r"\b(?:a|an|one|the|his|her)\s+(?P<v>(?:[A-Za-z'-]+\s+){0,2}?(?:attacker|assailant|gunman|bomber|suicide bomber|"
    r"police officer|policeman|soldier|civilian|officer|driver|guard|bodyguard|passer-by|child|man|woman|"
    r"boy|girl|militant|fighter|insurgent))\s+(?:was|were|is|also|later|reportedly|\s)*"
    rf"(?:\s*also\s+)?(?P<verb>{KILL_WORDS}|{HURT_WORDS}|blew himself up|blew herself up)\b",
    re.IGNORECASE,
)
_SUBSET_BEFORE = re.compile(r"(?:including|among them|among whom|of them|of whom|of those|among the dead|"
                            r"among the victims)\s*$", re.IGNORECASE)
_SUBSET_AFTER = re.compile(r"^\s*(?:of them|of whom|among them|of the dead|of the victims)", re.IGNORECASE)
_ATTACKER = re.compile(r"attacker|assailant|gunm[ae]n|bomber|militant|insurgent|terrorist|jihadist|fighter|rebel|"
                       r"themselves|perpetrator|kidnapper|abductor|gang members",
                       re.IGNORECASE)


@dataclass(frozen=True)
class Casualty:
    """One reported figure: `kind` is "killed" or "injured"."""

    kind: str
    count: int
    qualifier: str
    start: int
    end: int
    victims: str | None = None
    toll: bool = False
    subset: bool = False


def _kind(verb: str) -> str:
    return "injured" if re.fullmatch(HURT_WORDS + r"|injuring|wounding|wounds|injures", verb, re.IGNORECASE) \
        else "killed"


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


def _item_count(raw: str) -> int | None:
    return 1 if raw.lower() in _DETERMINERS else parse_number(raw)


def _list_mentions(text: str) -> list[Casualty]:
    found = []
    for match in list(_ACTIVE.finditer(text)) + list(_PASSIVE_LIST.finditer(text)):
        verb = match.group("verb").lower()
        after = (match.group("after") or "").lower() if "after" in match.re.groupindex else ""
        if verb.startswith("lea") and not after:
            continue
        kind = _kind(after) if after and after != "dead" else _kind(verb)
        for item in _ITEM_RE.finditer(match.group("items")):
            count = _item_count(item.group("n"))
            if count is None or count > 100000:
                continue
            start = match.start("items") + item.start()
            end = match.start("items") + item.end()
            found.append(Casualty(kind, count, _qualifier(item), start, end, item.group("v"),
                                  subset=_is_subset(text, start, end)))
    return found


def find_casualties(text: str) -> list[Casualty]:
    """Every casualty mention in a sentence, in text order (overlaps resolved, first kept)."""
    found: list[Casualty] = _zeros(text) + _list_mentions(text)
    for match in _PASSIVE.finditer(text):
        verb = match.group("verb")
        count = parse_number(match.group("n"))
        if count is not None and count < 100000 and not _looks_like_year(match.group("n"), count):
            found.append(_mention(text, _kind(verb), match, count, victims=match.group("v")))
    for match in _TOLL.finditer(text):
        found.append(_mention(text, "killed", match, parse_number(match.group("n")), toll=True))
    for match in _LIVES.finditer(text):
        found.append(_mention(text, "killed", match, parse_number(match.group("n")), victims="people"))
    for match in _DEAD_NOUN.finditer(text):
        found.append(_mention(text, "killed", match, parse_number(match.group("n"))))
    for pattern in (_SINGLE, _SINGLE_PASSIVE):
        for match in pattern.finditer(text):
            found.append(Casualty(_kind(match.group("verb").split()[0]), 1, "exact", *match.span(),
                                  victims=match.group("v"), subset=_is_subset(text, *match.span())))
    for match in _BARE.finditer(text):
        found.append(_mention(text, _kind(match.group("verb")), match, parse_number(match.group("n"))))
    for pattern, kind in ((_ATTACKER_KILLED, "killed"), (_ATTACKER_HURT, "injured")):
        for match in pattern.finditer(text):
            found.append(Casualty(kind, 1, "exact", *match.span(), victims="attacker"))
    return _drop_overlaps([m for m in found if m is not None])


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
    for mention in mentions:  # in order of the patterns' priority
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
    statement is kept), and deaths among the attackers, usually stated apart ("the bomber also
    died"), are added to those of their victims.
    """
    chosen = [m for m in mentions if m.kind == kind and not m.subset]
    if not chosen:
        return Total(None, None)
    tolls = [m for m in chosen if m.toll]
    if tolls:
        return Total(tolls[-1].count, tolls[-1].qualifier, (tolls[-1],))
    groups = _group_sums(chosen)
    parts = []
    for attackers in (False, True):
        sums = [[m for m in g if _is_attacker(m) == attackers] for g in groups]
        best = max(sums, key=lambda g: sum(m.count for m in g))
        parts.extend(best)
    if not parts:
        return Total(None, None)
    count = sum(m.count for m in parts)
    qualifiers = {m.qualifier for m in parts}
    qualifier = "exact" if qualifiers == {"exact"} else next(q for q in ("at_least", "about", "at_most")
                                                             if q in qualifiers)
    return Total(count, qualifier, tuple(parts))


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
