"""Who did it: the initiator (actor1) of an incident and the claimant of a claim.

Actors are spans already recognised in a sentence (`entities`: the registry's ACTOR entities, with
their canonical names). A perpetrator comes from the words around them:
- a claim ("X claimed responsibility", "responsibility was claimed by X") names the perpetrator;
- an attribution by officials ("police blamed X", "attributed the attack to X", "carried out by X");
- the narrator's plain statement ("ISWAP fighters attacked ...", "Russian warplanes struck ...");
- a hedge ("suspected X militants", "police suspected X", "believed to be X") names nobody;
- descriptions ("gunmen", "unidentified assailants") stand in when no group is named;
- state forces named by a demonym ("Somali troops") or left unnamed ("soldiers") are the forces of
  their country as the registry, else the conflict datasets, name them.
`incident_perpetrator` reads them in that order of trust over an incident's sentences.
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventdesk.actors import Registry
from eventdesk.extract.agents import (
    ACCUSED_PASSIVE,
    ACCUSED_SUBJECT,
    ADVERBIALS,
    AGENT_BY,
    ATTRIBUTION_BEFORE,
    GROUP_NOUNS,
    HEADLINE_PASSIVE,
    HEADLINE_SUBJECT_VERB,
    HEDGE_BEFORE,
    REPORTER_AFTER,
    SUBJECT_VERB,
    is_headline,
)
from eventdesk.extract.facts import ActorSpan, Incident, Role
from eventdesk.extract.forces import FORCES, find_blamed_forces, find_state_forces, forces_role, national_forces
from eventdesk.extract.lexicon import ASSAILANTS, COMBATANTS, DONE_TO, nouns
from eventdesk.extract.rules import rule

_CLAIM_AFTER = rule(
    "perpetrators.claim_after",
    r"^\s*(?:[\])]\s*)?(?:[\[(][^)\]]{0,40}[)\]]\s*)?"
    r"(?:,[^,]{0,140},\s*)?(?:(?:spokes(?:man|person|woman)|commander|"
    r"leader|leadership)\s+(?:[A-Z][\w-]+\s+){0,3})?(?:(?:has|have|had|later|quickly|swiftly|"
    r"also|reportedly|subsequently|formally)\s+)*(?:claimed|claims|said it|said (?:in|on|that)|"
    r"took|accepted|issued)",
    [" claimed responsibility for the bombing", ", which is active in the region, has claimed the attack",
     " spokesman Abu Omar said it carried out the raid", " later took responsibility for the killings"],
    counterexamples=[" fighters attacked the base", " was blamed for the attack"],
)
_CLAIM_BEFORE = rule(
    "perpetrators.claim_before",
    r"(?:claimed by|claim(?:ed)? on behalf of|responsibility (?:was|has been) claimed by|"
    r"statement (?:from|by|issued by)|via|through)\s+(?:the\s+)?$",
    ["Responsibility was claimed by the ", "The attack was claimed in a statement issued by "],
    counterexamples=["The bomb was planted by the "],
)
_BEHIND_AFTER = rule(
    "perpetrators.behind_after",
    rf"^\s*(?:[\])]\s*)?(?:[\[(][^)\]]{{0,60}}[)\]]\s*)?(?:(?:{GROUP_NOUNS})\s+)?"
    r"(?:,[^,]{0,80},\s*)?"
    r"(?:was|were|is|are|had been|have been|has been)\s+(?:\w+\s+){0,2}(?:behind|responsible)|"
    r"^\s*(?:,[^,]{0,80},\s*)?had carried out",
    [" was behind the attack", " fighters were responsible for it", ", officials said, had carried out"],
    counterexamples=[" was seen near the market"],
)
_MEMBERS_BEFORE = rule(
    "perpetrators.members_before",
    r"\b(?:members|fighters|militants|gunmen|elements|operatives|cadres|insurgents|"
    r"guerrillas|supporters|terrorists|commandos|units|men|rebels) (?:of|from) (?:the\s+)?$",
    ["Police said members of the ", "The attack was made by fighters from "],
    counterexamples=["members of parliament said "],
)
_NO_CLAIM = rule(
    "perpetrators.no_claim",
    r"\bno (?:group|one|organi[sz]ation|party)\b[^.]{0,40}\b(?:claimed|has claimed|took)|"
    r"\b(?:has|had|have) not (?:yet )?(?:been )?claimed|\bunclaimed\b|\bnobody (?:has )?claimed",
    ["No group has claimed responsibility for the bombing.", "The attack has not yet been claimed.",
     "Nobody claimed the blast."],
    counterexamples=["Islamic State claimed the attack a day later."],
)
_NON_PERPETRATOR_TYPES = {"media", "international_org"}
# Who held a hostage: "was released on 19 February by the ELN", "held captive by the FARC". A state force that
# frees a hostage rescued them.
_HELD_BY = rule(
    "perpetrators.held_by",
    r"\b(?:released|freed|set free|held|kept)(?:\s+(?:hostage|captive|prisoner))?" + ADVERBIALS +
    r"\s+by\s+(?:the\s+)?$",
    ["The engineer was released on 19 February by the ", "The priest had been held captive by "],
    counterexamples=["The engineer was kidnapped by the "],
)
_STATE_TYPES = {"state", "security_forces", "government_body"}
# A suspect "captured by the U.S. Secret Service" was arrested: the state that caught him did not attack.
_ARRESTED_BY = rule(
    "perpetrators.arrested_by",
    r"\b(?:captur|arrest|detain|seiz|apprehend|intercept)\w*\b[^.;]{0,40}\bby\s+(?:the\s+)?(?:[\w.-]+\s+)?$",
    ["The suspect was captured by the U.S. ", "He was arrested at the border crossing by "],
    counterexamples=["The convoy was ambushed by the "],
)
_BACKER_BEFORE = rule(
    "perpetrators.backer_before",
    r"\b(?:backed|supported|aided|assisted|accompanied|helped) by\s+(?:the\s+)?$",
    ["Government troops backed by the ", "The militia, supported by "],
    counterexamples=["The soldiers were killed by the "],
)
# "a bomb ... in northeast Nigeria on Tuesday killed 19": a country after a locative is the place, not the subject.
PLACE_BEFORE = rule(
    "perpetrators.place_before",
    r"\b(?:in|near|at|across|outside|inside|into)\s+(?:(?:the|northern|southern|"
    r"eastern|western|central|north-?\w*|south-?\w*|east|west|northeast|northwest|southeast|"
    r"southwest)\s+)*$",
    ["A bomb exploded at a market in northeast ", "Clashes broke out near the "],
    counterexamples=["Fighters of the "],
)
# A bracketed aside after a name: "members of the Islamic State (IS) attacked".
_BRACKETED = rule("perpetrators.bracketed_aside", r"^\s*\([^)]*\)", [" (ISWAP) attacked the base"],
                  counterexamples=[" attacked the base (at dawn)"])


def find_claimant(sentence: str, actors: list[ActorSpan], trigger_start: int) -> Role | None:
    """The actor that claims responsibility in a claim sentence."""
    if _NO_CLAIM.search(sentence):
        return None
    for actor in actors:
        if actor.type in _NON_PERPETRATOR_TYPES:
            continue
        after = sentence[actor.end:actor.end + 90]
        before = sentence[max(0, actor.start - 50):actor.start]
        if (actor.end <= trigger_start and _CLAIM_AFTER.match(after)) or _CLAIM_BEFORE.search(before):
            return Role(actor.name, actor.type, "claim", actor.start, actor.end)
    subject = [a for a in actors if a.end <= trigger_start and a.type not in _NON_PERPETRATOR_TYPES]
    if subject and not REPORTER_AFTER.match(sentence[subject[-1].end:]):
        last = subject[-1]
        return Role(last.name, last.type, "claim", last.start, last.end)
    return None


def no_claim(sentence: str) -> bool:
    """True when the sentence says nobody claimed the attack."""
    return bool(_NO_CLAIM.search(sentence))


def find_perpetrator(sentence: str, actors: list[ActorSpan]) -> Role | None:
    """The initiator of a violent event stated in this sentence, or a hedge, or None."""
    headline = is_headline(sentence)
    for actor in actors:
        before = sentence[max(0, actor.start - 90):actor.start]
        # An alliance's forces ("the Saudi-led coalition") can strike, a newspaper cannot; a backer did not lead.
        if actor.type == "media" or _BACKER_BEFORE.search(before):
            continue
        after = sentence[actor.end:actor.end + 140]
        if HEDGE_BEFORE.search(before):
            return Role(actor.name, actor.type, "hedge", actor.start, actor.end)
        if (ATTRIBUTION_BEFORE.search(before) or _BEHIND_AFTER.match(after) or _blamed(after)) and not (
                actor.type in _STATE_TYPES and _ARRESTED_BY.search(before)):
            return Role(actor.name, actor.type, "official", actor.start, actor.end)
        if _HELD_BY.search(before) and actor.type not in _STATE_TYPES:
            return Role(actor.name, actor.type, "narrator", actor.start, actor.end)
        subject_verb = HEADLINE_SUBJECT_VERB if headline else SUBJECT_VERB
        subject = subject_verb.match(after) or (_MEMBERS_BEFORE.search(before) and subject_verb.match(
            _BRACKETED.sub("", after)))
        # "killed in a Boko Haram attack": after a locative, a country is the place, a group the attacker
        placed = actor.type == "state" and (PLACE_BEFORE.search(before) or _IRREGULARS_AFTER.match(after))
        if subject and not REPORTER_AFTER.match(after) and not placed and not HEADLINE_PASSIVE.match(after):
            return Role(actor.name, actor.type, "narrator", actor.start, actor.end)
    return None


# A country before irregular fighters names where they are, not who they are: "Yemen gunmen kill a judge",
# "Central African Republic rebels kill 26 villagers".
_IRREGULARS_AFTER = rule(
    "perpetrators.irregulars_after_country",
    r"^['’]?s?\s+(?:[\w-]+\s+)?(?:gunm[ae]n|militants?|rebels?|insurgents?|fighters?|jihadists?|terrorists?|"
    r"(?:suicide\s+)?bombers?|attackers|assailants|separatists|bandits|gangs?|militia(?:men)?|cells?|cultists|"
    r"herdsmen|herders|hitmen|gangsters)\b",
    [" gunmen kill a judge and his son", " rebels kill 26 villagers", "'s suicide bomber kills 33"],
    counterexamples=[" troops attack a rebel base", " army shells the town"],
)
# A side of a fight the narrator names ("clashes between X and ...", "troops die in a clash with X"): in a
# two-sided fight either side may have opened it, and the first named stands for the fight.
_BATTLE_SIDE = rule(
    "perpetrators.battle_side",
    r"\b(?:clash(?:es)?|fighting|fights?|battles?|gun ?battles?|gunfights?|firefights?|confrontations?|"
    r"skirmish(?:es)?|encounters?)\s+(?:\w+\s+){0,2}?(?:between|with)\s+(?:the\s+)?['‘\"“]?$",
    ["Fighting intensifies between ", "Police officers die in a clash with '", "Heavy clashes with the "],
    counterexamples=["Troops clashed with rebels near ", "There has been fighting against "],
)


def _blamed(after: str) -> bool:
    """The actor is the subject of a passive blame: "X was blamed (by Y) for the attack", "X, which has been
    accused of the bombing"."""
    passive = ACCUSED_PASSIVE.search(after)
    return passive is not None and bool(ACCUSED_SUBJECT.match(after[:passive.start()]))


def find_attribution(sentence: str, actors: list[ActorSpan], narrator: bool = False) -> Role | None:
    """An official attribution in a sentence that reports no violence itself ("Police blamed X"); with
    `narrator`, also a plain statement in a sentence that refers back to the incident ("members of X had
    planted the device")."""
    role = find_perpetrator(sentence, actors)
    bases = ("official", "hedge", "narrator") if narrator else ("official", "hedge")
    return role if role is not None and role.basis in bases else None


# ---------------------------------------------------------------------------------------------
# Unnamed attackers, described ("unidentified gunmen")
# ---------------------------------------------------------------------------------------------

_DESCRIPTOR = rule(
    "perpetrators.descriptor",
    r"\b(?:(?:unidentified|unknown|suspected|armed|masked|heavily armed|suspected \w+|urban|rural)\s+)?"
    rf"(?:{nouns(ASSAILANTS)}|{nouns(COMBATANTS, plural_only=True)}|bandits|armed (?:men|individuals|persons)|"
    r"a suicide bomber|suicide bombers?|rioters|a mob|mobs?|extremists|a lone attacker|"
    r"separatists|kidnappers|abductors|pirates|guerrillas|guerrilla (?:commandos?|groups?|columns?|units?)|"
    r"subversives|death squads?|"
    r"hit ?men|hired killers|assassins|narco-?terrorists|drug traffickers|(?:unidentified|unknown) "
    r"(?:men|individuals|persons|people|armed groups?)|armed groups?|"
    r"(?:two|three|four|five|several|hooded|masked|young) (?:\w+ )?"
    r"(?:men|individuals|persons)|individuals|commandos?|paramilitary (?:groups?|squads?)|mercenaries)\b",
    ["Unidentified gunmen opened fire on worshippers.", "A suicide bomber blew himself up at the gate.",
     "Two masked men shot the driver.", "Suspected separatist insurgents ambushed the convoy."],
    counterexamples=["Police officers patrolled the market.", "A militant group was formed in 2009."],
)
# Unnamed state forces are a perpetrator only as the subject of the attack ("soldiers opened fire on").
_STATE_DESCRIPTOR = rule(
    "perpetrators.state_descriptor",
    r"\b(?:soldiers|troops|army troops|policemen|police officers|security forces|"
    r"paramilitaries|paramilitary (?:troops|forces|men)|national guardsmen|"
    r"(?<=the )(?:army|military|armed forces|air force|navy|police)|"
    r"(?:(?<=^)|(?<=, )|(?<=by ))police|(?:government|govt\.?|regime|junta) (?:forces|troops|shelling|air ?strikes?|"
    r"warplanes|jets|bombardment|artillery)|"
    r"(?:(?<=^)|(?<=[;:] )|(?<=[;:]))(?:army|military|armed forces|air force|navy|junta|regime)"
    r"(?!\s+(?:officials?|officers?|spokes\w+|chiefs?|commanders?|sources?|says?|said)\b))\b",
    ["Soldiers opened fire on the crowd.", "Witnesses said the army shelled the village.",
     "The protesters were dispersed by police.", "Army kills 50 insurgents in a raid",
     "Report; Military repels an attack on a base", "Govt forces clash with rebels"],
    counterexamples=["Army officials met on Monday."],
)
_VICTIM_BEFORE = rule(
    "perpetrators.victim_before",
    r"\b(?:kill\w*|wound\w*|injur\w*|arrest\w*|captur\w*|neutrali[sz]\w*|against|"
    r"on|at|of|from|and|with|between)\s+(?:the\s+|a\s+|\w+\s+){0,2}$",
    ["Troops killed four ", "an operation against the "],
    counterexamples=["Witnesses said "],
)
_VICTIM_AFTER = rule(
    "perpetrators.victim_after",
    r"^(?:\s+\w+){0,2}\s+(?:were|was|had been|have been|are|died)\b(?:\s+(?:killed|wounded|"
    r"injured|arrested|captured|shot|neutrali[sz]ed|dead))?",
    [" were killed in the raid", " who were arrested later"],
    counterexamples=[" opened fire on the crowd"],
)
# The end of a victim's description: "X, a leader of the M-19 guerrilla group, was shot".
_VICTIM_APPOSITION = rule(
    "perpetrators.victim_apposition",
    rf"^[^,.;]{{0,40}},\s*(?:who\s+)?(?:was|were|has been|had been)\s+(?:\w+\s+)?(?:{DONE_TO}|attacked)\b",
    [", was shot outside his home", " commander, who was kidnapped in 2019"],
    counterexamples=[", who stormed the building"],
)
# Who tells of the attack, not who made it: "according to the guerrillas, ...".
_SOURCE_BEFORE = rule(
    "perpetrators.source_before",
    r"\b(?:according to|quoting|cited|citing|told by|said by)\s+(?:the\s+)?(?:\w+\s+)?$",
    ["The toll was nine, according to the ", "a local newspaper citing "],
    counterexamples=["The post was overrun by "],
)
# A count says how many, not who: "two men" is the same unknown perpetrator as "men".
_COUNT = rule("perpetrators.count_before_description", r"^(?:a|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+",
              ["two masked men", "a suicide bomber"], counterexamples=["masked men"])
# Under a hedge the qualifier is what is suspected, and names nobody: "suspected separatist insurgents".
_SUSPECTED_KIND = rule("perpetrators.suspected_kind", r"^suspected \S+ (?=\S+$)", ["suspected separatist insurgents"],
                       counterexamples=["suspected insurgents"])


def find_descriptor(sentence: str, agents_only: bool = False) -> Role | None:
    """A described but unnamed attacker ("unidentified gunmen"), preferring the subject of the attack
    ("armed men stormed ...", "killed by guerrillas") to one that is a victim ("killing three militants");
    with `agents_only`, only a subject or an agent."""
    matches = list(_DESCRIPTOR.finditer(sentence))
    agents = [m for m in matches + list(_STATE_DESCRIPTOR.finditer(sentence)) if _is_agent(sentence, m)]
    others = [m for m in matches if not _VICTIM_BEFORE.search(sentence[max(0, m.start() - 40):m.start()])
              and not _VICTIM_AFTER.match(sentence[m.end():m.end() + 40])
              and not HEADLINE_PASSIVE.match(sentence[m.end():m.end() + 60])
              and not _SOURCE_BEFORE.search(sentence[max(0, m.start() - 40):m.start()])
              and not _VICTIM_APPOSITION.match(sentence[m.end():m.end() + 120])]
    if agents:
        chosen = min(agents, key=lambda m: m.start())
    else:
        chosen = None if agents_only or not others else others[0]
    if chosen is None:
        return None
    name = _SUSPECTED_KIND.sub("suspected ", _COUNT.sub("", chosen.group(0).lower()))
    return Role(name, "unidentified", "description", *chosen.span())


def _is_agent(sentence: str, match: re.Match) -> bool:
    """A description that does the violence: the subject of an attack verb, or the agent after "by"."""
    before = sentence[max(0, match.start() - 90):match.start()]
    if AGENT_BY.search(before):
        return True
    after = sentence[match.end():match.end() + 80]
    subject_verb = HEADLINE_SUBJECT_VERB if is_headline(sentence) else SUBJECT_VERB
    return bool(subject_verb.match(after)) and not REPORTER_AFTER.match(after) and not HEADLINE_PASSIVE.match(after)


# ---------------------------------------------------------------------------------------------
# The perpetrator of an incident
# ---------------------------------------------------------------------------------------------


def incident_perpetrator(incident: Incident, registry: Registry, groups: tuple[str, ...],
                         country: str | None) -> Role | None:
    """Who did it: the claimant, else an attribution or the narrator's statement in the incident's sentences
    (or in the later ones that refer to it), else a description; a person who led it stands for their
    armed group, "the rebels" for the one armed group the article names (`groups`), and unnamed state
    forces for those of the incident's `country`."""
    role = _resolve_members(_incident_role(incident, registry), groups)
    return national_forces(_group_of_person(role, registry), country, registry.armed_forces_of)


def _incident_role(incident: Incident, registry: Registry) -> Role | None:
    """The perpetrator: a claim, else an attribution or the narrator, else a description."""
    if incident.claimant is not None:
        return incident.claimant
    hedged = None
    for facts in incident.facts:
        role = find_perpetrator(facts.role_text, facts.actors)
        violent = facts.violent()
        if role is None and violent:
            role = find_state_forces(facts.role_text, violent[0].start, registry.country_of_demonym,
                                     registry.armed_forces_of)
        if role is not None and role.basis != "hedge":
            return role
        hedged = hedged or role
    for facts in incident.context:
        role = find_attribution(facts.role_text, facts.actors, narrator=facts.refers_back()) or find_blamed_forces(
            facts.role_text, registry.country_of_demonym, registry.armed_forces_of)
        if role is not None and role.basis != "hedge":
            return role
        hedged = hedged or role
    if hedged is not None:
        return None
    return next(filter(None, (find_battle_party(f.role_text, f.actors, registry) for f in incident.facts)),
                None) or _described_attacker(incident)


# A fight between two sides: "Three soldiers killed in fresh clashes", "2 rebels dead in an encounter with troops".
_FIGHT = rule(
    "perpetrators.fight",
    r"\b(?:clash(?:es|ed)?|fighting|battles?|gun ?battles?|gunfights?|firefights?|shoot-?outs?|encounters?|"
    r"skirmish(?:es)?|exchanges? of fire|crossfire)\b",
    ["Three soldiers killed in fresh clashes", "Two rebels dead in an encounter with troops"],
    counterexamples=["Gunmen kill three in an ambush"])


def find_battle_party(sentence: str, actors: list[ActorSpan], registry: Registry) -> Role | None:
    """In a headline's fight between two sides, a side it names among the dead ("Two NPA rebels killed in a clash",
    "Ukrainian soldiers killed in fresh fighting") or after "clashes with" or "fighting between": a party to the
    fight, which either side may have opened. Prose tells of its dead ("two soldiers died in the fighting") without
    making them a side."""
    # a described subject of the fight ("Govt forces clash with X") is its initiator, read as a description
    if not _FIGHT.search(sentence) or not is_headline(sentence) or find_descriptor(sentence, agents_only=True):
        return None
    for actor in actors:
        if actor.type in _NON_PERPETRATOR_TYPES or actor.type == "state":
            continue
        before = sentence[max(0, actor.start - 60):actor.start]
        if _among_dead(sentence, actor.end) or _BATTLE_SIDE.search(before):
            return Role(actor.name, actor.type, "battle", actor.start, actor.end)
    for match in FORCES.finditer(sentence):
        country = registry.country_of_demonym(match.group("who"))
        if country is not None and _among_dead(sentence, match.end()):
            return forces_role(match, country, registry.armed_forces_of, "battle")
    for match in _STATE_DESCRIPTOR.finditer(sentence):
        if _among_dead(sentence, match.end()):
            return Role(_COUNT.sub("", match.group(0).lower()), "unidentified", "description", *match.span())
    return None



def _among_dead(sentence: str, end: int) -> bool:
    """Whether the words after a name are a headline's passive ("... killed in clash"), with no auxiliary: a report
    in prose ("3 soldiers were killed in the fighting") tells of its dead, not of a side."""
    passive = HEADLINE_PASSIVE.match(sentence[end:end + 80])
    return passive is not None and not _AUXILIARY.search(passive.group(0))


_AUXILIARY = rule("perpetrators.auxiliary", r"\b(?:were|was|are|is)\b", [" were killed"],
                  counterexamples=[" killed in a clash"])


def _described_attacker(incident: Incident) -> Role | None:
    """The description of an unnamed attacker in the incident's sentences, else the agent of a later one."""
    for facts in incident.facts:
        role = find_descriptor(facts.role_text)
        if role is not None:
            return role
    for facts in incident.context:
        role = find_descriptor(facts.role_text, agents_only=True)
        if role is not None:
            return role
    return None


# Descriptions that name the members of an organised group, not an unknown attacker.
_MEMBERS = rule(
    "perpetrators.group_members",
    r"^(?:\w+ )?(?:guerrillas|rebels|subversives|guerrilla (?:commandos?|groups?|columns?|units?)|"
    r"(?:urban )?commandos)$",
    ["rebels", "urban guerrillas", "guerrilla commandos"], flags=0, counterexamples=["unidentified gunmen"],
)


def _resolve_members(role: Role | None, groups: tuple[str, ...]) -> Role | None:
    """ "The rebels" in an article that names a single armed group are its members."""
    if role is None or role.basis != "description" or len(groups) != 1 or not _MEMBERS.match(role.name):
        return role
    return Role(groups[0], "armed_group", "coreference", role.start, role.end)


def _group_of_person(role: Role | None, registry: Registry) -> Role | None:
    """A person who led or ordered an attack stands for the armed group the registry puts them in
    ("Pablo Escobar ordered the assassination" -> Medellin Cartel), as the conflict datasets code it."""
    person = registry.actors.get(role.name) if role is not None and role.type == "person" else None
    group = registry.actors.get(person.parent) if person is not None and person.parent else None
    if group is None or group.type != "armed_group":
        return role
    return replace(role, name=group.name, type=group.type)
