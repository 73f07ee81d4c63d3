"""What a report tells of its incident beyond kind, date and place, read for the merge from its stored columns.

An analyst told two reports apart, or put them together, by what they share: the victims (their
names, their ages), the site that was attacked (a market, a checkpoint, a gas station), and whether
a report tells of an earlier incident (a toll update, "Monday's bombing at the bus station", a
claim, "the shooting that killed a 15-year-old") and so may carry the date it was written rather
than the incident's. These are read from the report's `targets` and `evidence` sentence (no
article text), by named rules, so every value the merge uses says where it comes from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventdesk.extract.rules import Rule, rule

# Heads of the names of places that are attacked; people ("civilians", "two men") are not sites.
SITE_HEADS = frozenset({
    "market", "marketplace", "station", "checkpoint", "post", "base", "camp", "barracks", "mosque", "church",
    "temple", "shrine", "school", "university", "college", "hospital", "clinic", "bus", "minibus", "convoy",
    "wedding", "funeral", "hotel", "restaurant", "cafe", "bar", "nightclub", "club", "bank", "bridge", "airport",
    "embassy", "consulate", "prison", "jail", "court", "courthouse", "compound", "residence", "home", "house",
    "building", "office", "headquarters", "store", "shop", "mall", "factory", "warehouse", "party", "lot", "stop",
    "park", "hall", "stadium", "playground", "gate", "square", "pipeline", "plant", "apartment", "motel",
})
_SITE_WORDS = "|".join(sorted(SITE_HEADS, key=len, reverse=True))
_ATTACKS = r"bombing|attack|shooting|blast|explosion|killing|killings|assault|raid|ambush|massacre|stabbing|strike"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAYS = "|".join(WEEKDAYS)

AGE = rule("merge_victim_age", r"\b(\d{1,2})-year-old\b",
           ("A 17-year-old was shot and killed", "the shooting that killed a 15-year-old boy"),
           counterexamples=("a 20-year war",))
NAMED_AGE = rule("merge_victim_named_age", r"\b([A-Z][a-z]+(?: [A-Z][a-z'-]+){1,2}), (\d{1,2})(?=[,. ]|$)",
                 ("Police arrested Carlos Brooks in the fatal shooting of Tamika Simmons, 28, outside",),
                 flags=0, counterexamples=("on March 12, 2024",))
SITE = rule("merge_site", rf"\b(?:at|outside|near|inside|in|on|targeting|struck|hit)\s+(?:a|an|the)\s+"
                          rf"(?:[a-z]+\s+){{0,2}}({_SITE_WORDS})s?\b",
            ("Two people were shot dead on Saturday at a gas station in Philadelphia",
             "A suicide bomber killed 12 people at a crowded bus station in Maiduguri"),
            counterexamples=("shot dead in a hail of bullets",))
PERSON = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z'-]+){1,2}")
LATER: tuple[Rule, ...] = (
    rule("merge_later_weekday_possessive", rf"\b({_WEEKDAYS}|yesterday|last night|last week|weekend)'s\s+"
                                           rf"(?:[a-z-]+\s+){{0,2}}(?:{_ATTACKS})\b",
         ("The death toll from Sunday's bombing at a police checkpoint in Kabul has risen to 14",
          "Monday's suicide attack on the bus station")),
    rule("merge_later_claim", r"\bclaimed responsibility for\b",
         ("Islamic State on Sunday claimed responsibility for the bombing at a crowded market",)),
    rule("merge_later_toll", r"\b(?:death\s+)?toll\b[^.]{0,80}?\b(?:rose|risen|rises|climbed|climbs|reached|"
                             r"now stands|grew)\b|\b(?:officials|police|authorities) now (?:say|said|put)\b",
         ("The death toll from the bombing has risen to 14", "which officials now say killed 20 people")),
    rule("merge_later_follow_up", rf"\bthe (?:fatal |deadly )?(?:{_ATTACKS}) (?:that|which) (?:killed|left)\b|"
                                  rf"\b(?:arrested|charged|searching for|hunt for)\b[^.]{{0,80}}\b(?:in|for|over|after)"
                                  rf" the (?:fatal |deadly )?(?:{_ATTACKS}|death)\b",
         ("Police are still searching for the gunman in the shooting that killed a 22-year-old",
          "Police arrested Carlos Brooks in the fatal shooting of Tamika Simmons")),
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """What one report says of its incident's victims and site, and whether it tells of an earlier one."""

    victims: frozenset[str] = frozenset()  # names of people, as written
    ages: frozenset[int] = frozenset()
    sites: frozenset[str] = frozenset()  # heads: "market", "checkpoint"
    later: str | None = None  # why it tells of an earlier incident: 'rule "words"'
    weekday: int | None = None  # the weekday it names the incident by ("Monday's bombing": 0)


NONE = Evidence()


def _entries(targets: str | None) -> list[str]:
    return [re.sub(r"\s*\(.*?\)\s*$", "", part).strip() for part in (targets or "").split(";") if part.strip()]


def _site_head(entry: str) -> str | None:
    words = entry.lower().split()
    if not words:
        return None
    head = words[-1]
    if head not in SITE_HEADS and head.endswith("s") and head[:-1] in SITE_HEADS:
        head = head[:-1]
    return head if head in SITE_HEADS else None


def _is_person(entry: str, actors: frozenset[str]) -> bool:
    if entry in actors or not PERSON.fullmatch(entry):
        return False
    return not any(word.lower() in SITE_HEADS for word in entry.split())


def _later(event_type: str, evidence: str) -> tuple[str | None, int | None]:
    if event_type == "claim":
        return "a claim", None
    for later in LATER:
        found = later.search(evidence)
        if found:
            day = found.group(1).lower() if later is LATER[0] else None
            return f'{later.name} "{found.group(0)}"', WEEKDAYS.index(day) if day in WEEKDAYS else None
    return None, None


def read_evidence(event_type: str, targets: str | None, evidence: str | None,
                  actors: frozenset[str] = frozenset()) -> Evidence:
    """The victims, ages and sites a report's targets and evidence sentence name, and whether it is a later
    report; names in `actors` (the registry's, the report's own actors) are no victims."""
    text = evidence or ""
    entries = _entries(targets)
    victims = {entry for entry in entries if _is_person(entry, actors)}
    ages = {int(found.group(1)) for found in AGE.finditer(" ; ".join([text, *entries]))}
    for found in NAMED_AGE.finditer(text):
        if _is_person(found.group(1), actors):
            victims.add(found.group(1))
            ages.add(int(found.group(2)))
    sites = {head for head in map(_site_head, entries) if head}
    sites |= {found.group(1).lower() for found in SITE.finditer(text)}
    if not (victims or ages or sites or text):
        return NONE
    return Evidence(frozenset(victims), frozenset(ages), frozenset(sites), *_later(event_type, text))
