"""Who did it to whom: the initiator (actor1) and the target (actor2) of an event.

Actors are spans already recognised in a sentence (the EntityRuler's ACTOR entities, with
their canonical names from the registry). Roles come from the words around them:
- a claim ("X claimed responsibility", "responsibility was claimed by X") names the perpetrator;
- an attribution by officials ("police blamed X", "attributed the attack to X", "carried out by X");
- the narrator's plain statement ("ISWAP fighters attacked ...", "Russian warplanes struck ...");
- a hedge ("suspected X militants", "police suspected X", "believed to be X") names nobody;
- descriptions ("gunmen", "unidentified assailants") stand in when no group is named.
Targets are a person named with a title who was killed, kidnapped or shot ("assassinated presidential
candidate X"), what an attack verb acts on ("dynamited two power pylons", "the killing of the
mayor"), a named actor or a description after the trigger ("a police checkpoint", "a village
elder"), the subject of a passive attack verb ("the retired colonel was shot"), or the victims of
the casualty figures; `clean_target` drops phrases that name no one ("by the rebels", "a month ago")
and clauses that are not noun phrases ("were visiting the city").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS

from eventdesk.extract.facts import ActorSpan, Role

_GROUP_NOUNS = (r"infiltrators?|gunman|militant|fighter|sniper|suicide attackers?|air ?strikes?|drones?|"
                r"drone strikes?|shells|rockets|missiles|artillery|snipers|gunmen|cadres|fighters|militants|"
                r"insurgents|members|jihadists|rebels|militiamen|militia|elements|"
                r"terrorists|operatives|guerrillas|forces|troops|soldiers|police|commandos|jets|warplanes|"
                r"aircraft|units|supporters|loyalists|suicide bombers?|bombers?|attackers|assailants|"
                r"men|group|movement|army|military|fronts?|columns?|cells?|squads?|brigades?|battalions?|gangs?|"
                r"gang federation|federation|cartel|factions?|network|"
                r"detachments?|patrols?")
_SUBJECT_VERB = re.compile(
    rf"^\s*(?:[\])]\s*)?(?:[\[(][^)\]]{{0,40}}[)\]]\s*)?(?:'s\s+)?(?:,[^,]{{0,60}},\s*(?!\w+ing\b))?"
    rf"(?:(?:\w+\s+)?(?:{_GROUP_NOUNS})\s+(?:(?:in|on|from|aboard|with) (?:\w+\s+){{0,2}}?\w+\s+)?)?"
    r"(?:(?:who|that)\s+(?=(?:have|has|had)\s))?"
    r"(?:(?:have|has|had|reportedly|allegedly|also|then|on \w+|tried to|attempted to|today|yesterday|tonight|"
    r"last night|this (?:morning|afternoon|evening)|early (?:today|yesterday)|later)\s+)*"
    r"(?:attack\w*|struck|strike|stormed|raided|triggered|set off|ambush\w*|kill\w*|shot|shoot|opened fire|"
    r"fired|bomb\w*|"
    r"shell\w*|launched|abduct\w*|kidnapp\w*|seized|captured|overran|torched|burn\w*|set fire|detonated|"
    r"carried out|conducted|targeted|hit|besieged|executed|beheaded|massacred|clashed|fought|assassinated|murdered|"
    r"blew|exploded|planted|rammed|hit|slammed|landed|invaded|assaulted|pounded|bombarded|stopped|blocked|hurled|threw|stabbed|"
    r"machine-?gunned|strafed|dynamited|riddled|sprayed|burst into|broke into|intercepted|rounded up|dragged|"
    r"tortured|raped|beat|lynched|hacked|decapitated|forced|sabotaged|"
    r"doused|fired on|fired at|seized|took|ransacked|looted|overran|surrounded|entered|arrived|descended|"
    r"on motorcycles|on motorbikes|riding|armed with|wielding|in (?:a|two|several) (?:vehicles|pickups|trucks)|"
    r"(?:ordered|masterminded|planned|organi[sz]ed) (?:the )?(?:assassination|killing|murder|kidnapping|"
    r"abduction|attack|bombing|massacre))",
    re.IGNORECASE,
)
_CLAIM_AFTER = re.compile(r"^\s*(?:[\])]\s*)?(?:[\[(][^)\]]{0,40}[)\]]\s*)?"
                          r"(?:,[^,]{0,140},\s*)?(?:(?:spokes(?:man|person|woman)|commander|"
                          r"leader|leadership)\s+(?:[A-Z][\w-]+\s+){0,3})?(?:(?:has|have|had|later|quickly|swiftly|"
                          r"also|reportedly|subsequently|formally)\s+)*(?:claimed|claims|said it|said (?:in|on|that)|"
                          r"took|accepted|issued)",
                          re.IGNORECASE)
_CLAIM_BEFORE = re.compile(r"(?:claimed by|claim(?:ed)? on behalf of|responsibility (?:was|has been) claimed by|"
                           r"statement (?:from|by|issued by)|via|through)\s+(?:the\s+)?$", re.IGNORECASE)
# "by" names the perpetrator after a violent verb or noun ("killed by", "an attack by"), not after
# "backed by", "requested by" or "headed by".
# Up to two adverbials between a verb and "by" ("kidnapped on 27 March near his home by"), holding no verb.
_ADVERBIALS = (r"(?:,?\s+(?:on|in|near|at|outside|inside|during|after|last|early|late|yesterday|today|overnight)"
               r"(?:\s+(?!(?:was|were|is|are|been|being|has|have|had)\b|[\w'-]+ed\b)[\w'-]+){0,4}?,?){0,2}")
_VIOLENT_BY = (r"(?:kill|attack|murder|kidnapp|abduct|shot|shoot|ambush|struck|hit|bomb|shell|target|seiz|storm|raid|"
               r"torch|burn|destroy|damag|wound|injur|assassinat|execut|massacr|detonat|plant|plac|fir|launch|"
               r"carried out|perpetrat|commit|stag|conduct|caus|claim|organi[sz]|orchestrat|mastermind|dynamit|"
               r"blown up|set off|strike|airstrike|air strike|assault|offensive|operation|gunfire|rocket|missile|"
               r"drone|hijack|occup|overr[au]n|captur|ransack|loot|ram|stabb|beat|tortur|harass)\w*"
               r"(?:\s+(?:dead|to death|down))?" + _ADVERBIALS + r"\s+by")
_ATTRIBUTION_BEFORE = re.compile(
    rf"(?:blamed|blame|blaming|attributed (?:\w+ ){{0,3}}to(?: (?:a|an|the) (?:[\w-]+ ){{0,2}}(?:between|among|"
    rf"within) (?:[\w-]+ ){{0,2}}(?:of|in))?|{_VIOLENT_BY}(?:\s+(?:a\s+)?(?:group\s+of\s+)?"
    rf"(?:\w+\s+)?(?:{_GROUP_NOUNS})\s+(?:of|from))?|responsible (?:was|were)|behind it was|"
    r"accused|accusing|pointed to|belong(?:ed|s|ing)? to|(?:were|was) members of)\s+(?:the\s+|a\s+|an\s+)?"
    rf"(?:[\w-]+\s+)?[\"\u201c']?$|{_VIOLENT_BY}\s+(?:the\s+|a\s+|an\s+)?(?:self-styled|so-called)\s+(?:[\w-]+\s+){{0,2}}$",
    re.IGNORECASE,
)
_BEHIND_AFTER = re.compile(rf"^\s*(?:[\])]\s*)?(?:[\[(][^)\]]{{0,60}}[)\]]\s*)?(?:(?:{_GROUP_NOUNS})\s+)?"
                           r"(?:,[^,]{0,80},\s*)?"
                           r"(?:was|were|is|are|had been|have been|has been)\s+(?:\w+\s+){0,2}(?:behind|responsible)|"
                           r"^\s*(?:,[^,]{0,80},\s*)?had carried out", re.IGNORECASE)
_MEMBERS_BEFORE = re.compile(r"\b(?:members|fighters|militants|gunmen|elements|operatives|cadres|insurgents|"
                             r"guerrillas|supporters|terrorists|commandos|units|men|rebels) (?:of|from) (?:the\s+)?$",
                             re.IGNORECASE)
_HEDGE_BEFORE = re.compile(
    r"(?:suspected|suspect|alleged|possible|presumed|purported|believed to be|thought to be|likely|"
    r"may have been|might have been|suspicion (?:fell )?on|suspected of being|linked to|affiliated with|"
    r"sympathi[sz]ers of|inspired by|loyal to|praised|welcomed|hailed|denied|deny|"
    r"(?:preposterous|absurd|false|wrong|unfair|ridiculous|not|never) to blame)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_HEDGE_SENTENCE = re.compile(r"\b(?:suspect(?:ed|s)?|believed|may have|might have|possibly|probably|likely)\b",
                             re.IGNORECASE)
_NO_CLAIM = re.compile(r"\bno (?:group|one|organi[sz]ation|party)\b[^.]{0,40}\b(?:claimed|has claimed|took)|"
                       r"\b(?:has|had|have) not (?:yet )?(?:been )?claimed|\bunclaimed\b|\bnobody (?:has )?claimed",
                       re.IGNORECASE)
_REPORTER_AFTER = re.compile(r"^\s*(?:'s\s+\w+\s+)?(?:(?:have|has|had)\s+(?:also\s+)?)?"
                             r"(?:said|says|reported|reports|told|confirmed|announced|stated|"
                             r"added|noted|quoted|spokesman|spokesperson|officials? said)", re.IGNORECASE)
_DESCRIPTOR = re.compile(
    r"\b(?:(?:unidentified|unknown|suspected|armed|masked|heavily armed|suspected \w+|urban|rural)\s+)?"
    r"(?:gunmen|gunman|assailants?|attackers?|militants|insurgents|bandits|armed (?:men|individuals|persons)|"
    r"rebels|jihadists|terrorists|a suicide bomber|suicide bombers?|rioters|a mob|mobs?|extremists|a lone attacker|"
    r"separatists|fighters|kidnappers|abductors|pirates|guerrillas|guerrilla (?:commandos?|groups?|columns?|units?)|"
    r"subversives|death squads?|"
    r"hit ?men|hired killers|assassins|narco-?terrorists|drug traffickers|(?:unidentified|unknown) "
    r"(?:men|individuals|persons|people|armed groups?)|armed groups?|"
    r"(?:two|three|four|five|several|hooded|masked|young) (?:\w+ )?"
    r"(?:men|individuals|persons)|individuals|commandos?|paramilitary (?:groups?|squads?)|mercenaries)\b",
    re.IGNORECASE,
)
# Unnamed state forces are a perpetrator only as the subject of the attack ("soldiers opened fire on").
_STATE_DESCRIPTOR = re.compile(r"\b(?:soldiers|troops|army troops|policemen|police officers|security forces|"
                               r"paramilitaries|paramilitary (?:troops|forces|men)|national guardsmen|"
                               r"(?<=the )(?:army|military|armed forces|air force|navy|police)|"
                               r"(?:(?<=^)|(?<=, )|(?<=by ))police|government forces)\b",
                               re.IGNORECASE)
# The state's own forces among those descriptions: named after the incident's country (`national_forces`).
_NATIONAL = re.compile(r"^(?:soldiers|troops|army troops|security forces|national guardsmen|army|military|"
                       r"armed forces|air force|navy|government forces)$", re.IGNORECASE)
_NATIONAL_POLICE = re.compile(r"^(?:policemen|police officers|police)$", re.IGNORECASE)
_VICTIM_BEFORE = re.compile(r"\b(?:kill\w*|wound\w*|injur\w*|arrest\w*|captur\w*|neutrali[sz]\w*|against|"
                            r"on|at|of|from|and|with|between)\s+(?:the\s+|a\s+|\w+\s+){0,2}$", re.IGNORECASE)
_VICTIM_AFTER = re.compile(r"^(?:\s+\w+){0,2}\s+(?:were|was|had been|have been|are|died)\b(?:\s+(?:killed|wounded|"
                           r"injured|arrested|captured|shot|neutrali[sz]ed|dead))?", re.IGNORECASE)
_NON_PERPETRATOR_TYPES = {"media", "international_org"}


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
    if subject and not _REPORTER_AFTER.match(sentence[subject[-1].end:]):
        last = subject[-1]
        return Role(last.name, last.type, "claim", last.start, last.end)
    return None


def no_claim(sentence: str) -> bool:
    """True when the sentence says nobody claimed the attack."""
    return bool(_NO_CLAIM.search(sentence))


def find_perpetrator(sentence: str, actors: list[ActorSpan]) -> Role | None:
    """The initiator of a violent event stated in this sentence, or a hedge, or None."""
    for actor in actors:
        before = sentence[max(0, actor.start - 90):actor.start]
        # An alliance's forces ("the Saudi-led coalition") can strike, a newspaper cannot; a backer did not lead.
        if actor.type == "media" or _BACKER_BEFORE.search(before):
            continue
        after = sentence[actor.end:actor.end + 140]
        if _HEDGE_BEFORE.search(before):
            return Role(actor.name, actor.type, "hedge", actor.start, actor.end)
        if (_ATTRIBUTION_BEFORE.search(before) or _BEHIND_AFTER.match(after)) and not (
                actor.type in _STATE_TYPES and _ARRESTED_BY.search(before)):
            return Role(actor.name, actor.type, "official", actor.start, actor.end)
        if _HELD_BY.search(before) and actor.type not in _STATE_TYPES:
            return Role(actor.name, actor.type, "narrator", actor.start, actor.end)
        subject = _SUBJECT_VERB.match(after) or (_MEMBERS_BEFORE.search(before) and _SUBJECT_VERB.match(
            re.sub(r"^\s*\([^)]*\)", "", after)))
        if subject and not _REPORTER_AFTER.match(after) and not PLACE_BEFORE.search(before):
            return Role(actor.name, actor.type, "narrator", actor.start, actor.end)
    return None


# Who held a hostage: "was released on 19 February by the ELN", "held captive by the FARC". A state force that
# frees a hostage rescued them.
_HELD_BY = re.compile(r"\b(?:released|freed|set free|held|kept)(?:\s+(?:hostage|captive|prisoner))?" + _ADVERBIALS +
                      r"\s+by\s+(?:the\s+)?$", re.IGNORECASE)
_STATE_TYPES = {"state", "security_forces", "government_body"}
# A suspect "captured by the U.S. Secret Service" was arrested: the state that caught him did not attack.
_ARRESTED_BY = re.compile(r"\b(?:captur|arrest|detain|seiz|apprehend|intercept)\w*\b[^.;]{0,40}\bby\s+(?:the\s+)?"
                          r"(?:[\w.-]+\s+)?$", re.IGNORECASE)
_BACKER_BEFORE = re.compile(r"\b(?:backed|supported|aided|assisted|accompanied|helped) by\s+(?:the\s+)?$",
                            re.IGNORECASE)
# "a bomb ... in northeast Nigeria on Tuesday killed 19": a country after a locative is the place, not the subject.
PLACE_BEFORE = re.compile(r"\b(?:in|near|at|across|outside|inside|into)\s+(?:(?:the|northern|southern|"
                           r"eastern|western|central|north-?\w*|south-?\w*|east|west|northeast|northwest|southeast|"
                           r"southwest)\s+)*$", re.IGNORECASE)


def find_attribution(sentence: str, actors: list[ActorSpan], narrator: bool = False) -> Role | None:
    """An official attribution in a sentence that reports no violence itself ("Police blamed X"); with
    `narrator`, also a plain statement in a sentence that refers back to the incident ("members of X had
    planted the device")."""
    role = find_perpetrator(sentence, actors)
    bases = ("official", "hedge", "narrator") if narrator else ("official", "hedge")
    return role if role is not None and role.basis in bases else None


_FORCES = re.compile(
    r"\b(?P<who>[A-Z][a-z]+|[a-z]+)\s+(?:(?:air|military|army|government|security|armed|naval|special|federal|"
    r"state|regime|pro-government)\s+)?(?P<what>troops|soldiers|forces|army|military|warplanes|war planes|jets|"
    r"fighter jets|aircraft|drones?|air ?strikes?|artillery|police|policemen|gendarmes|navy|helicopters?|"
    r"missiles?|shells|tanks|commandos|special forces|paratroopers|marines|border guards)\b"
)
_POLICE = re.compile(r"police|gendarme", re.IGNORECASE)


# What the forces own or hold when they are the target: "a Syrian army vehicle", "an Afghan police checkpoint".
_FORCES_PROPERTY = re.compile(r"^\s+(?:vehicles?|convoys?|bases?|posts?|checkpoints?|patrols?|positions?|camps?|"
                              r"barracks|outposts?|trucks?|helicopters?|headquarters|stations?)\b", re.IGNORECASE)
_FORCES_TARGETED = re.compile(r"\b(?:targeting|targeted|against|on|at|attacked|ambushed|hit|struck)\s+"
                              r"(?:an?\s+|the\s+)?$", re.IGNORECASE)


def _forces_attacked(sentence: str, match: re.Match) -> bool:
    """Whether the forces a demonym names are what was attacked ("targeting a Syrian army vehicle")."""
    before = sentence[max(0, match.start() - 30):match.start()]
    return bool(_FORCES_PROPERTY.match(sentence[match.end():]) or _FORCES_TARGETED.search(before))


_WEAPONRY = re.compile(r"warplanes|war planes|jets|fighter jets|aircraft|drones?|air ?strikes?|artillery|missiles?|"
                       r"shells|tanks|helicopters?", re.IGNORECASE)


def _acts(sentence: str, match: re.Match) -> bool:
    """Whether the forces a demonym names do the violence: their weapons ("Russian warplanes"), the subject
    of an attack verb ("Somali troops attacked", "Somali troops backed by ... attacked") or the agent after "by"."""
    if _WEAPONRY.fullmatch(match.group("what")):  # "an Israeli air strike", "Russian aircraft": the act itself
        return True
    after = sentence[match.end():match.end() + 120]
    return bool(_SUBJECT_VERB.match(after) or _AGENT_BY.search(sentence[max(0, match.start() - 90):match.start()])
                or _SUBJECT_VERB.match(re.sub(r"^\s*(?:,[^,]{0,80},|(?:backed|supported|aided|led) by [\w\s-]{0,40}?"
                                              r"(?=\s(?:attack|struck|kill|bomb|shell|raid|launch)))", "", after)))


def find_state_forces(sentence: str, before: int, country_of, armed_forces_of=None) -> Role | None:
    """State forces named by a demonym before position `before` ("Russian warplanes", "Somali troops").

    Soldiers are the country's armed forces as the registry names them (`armed_forces_of`, country ->
    actor), so "Salvadoran troops" and "the Salvadoran army" are one actor; else, and for the police,
    "Military Forces of X" and "Police Forces of X", as the conflict datasets name them.
    """
    for match in _FORCES.finditer(sentence[: before + 40]):
        country = country_of(match.group("who"))
        if country is None or _REPORTER_AFTER.match(sentence[match.end():]) or _forces_attacked(sentence, match) \
                or not _acts(sentence, match):
            continue
        return _forces_role(match, country, armed_forces_of, "narrator")
    return None


def find_blamed_forces(sentence: str, country_of, armed_forces_of=None) -> Role | None:
    """State forces named by a demonym that a sentence blames ("Baku blamed Armenian forces")."""
    for match in _FORCES.finditer(sentence):
        before = sentence[max(0, match.start() - 60):match.start()]
        country = country_of(match.group("who"))
        if country is not None and _ATTRIBUTION_BEFORE.search(before) and not _HEDGE_BEFORE.search(before):
            return _forces_role(match, country, armed_forces_of, "official")
    return None


def _forces_role(match: re.Match, country: str, armed_forces_of, basis: str) -> Role:
    """The police or the armed forces of `country` as the registry (or the conflict datasets) name them."""
    if _POLICE.search(match.group("what")):
        return Role(f"Police Forces of {country}", "security_forces", basis, *match.span())
    known = armed_forces_of(country) if armed_forces_of is not None else None
    if known is not None:
        return Role(known.name, known.type, basis, *match.span())
    return Role(f"Military Forces of {country}", "security_forces", basis, *match.span())


def national_forces(role: Role | None, country: str | None, armed_forces_of=None) -> Role | None:
    """An unnamed state force ("soldiers", "the army", "police") as the conflict datasets code it: the
    forces of the country the incident is in ("Military Forces of Nigeria", or the registry's name for
    its armed forces via `armed_forces_of`; "Police Forces of Kenya"). Other roles are returned as they are."""
    if role is None or country is None or role.basis != "description":
        return role
    if _NATIONAL_POLICE.match(role.name):
        return replace(role, name=f"Police Forces of {country}", type="security_forces")
    if not _NATIONAL.match(role.name):
        return role
    known = armed_forces_of(country) if armed_forces_of is not None else None
    if known is not None:
        return replace(role, name=known.name, type=known.type)
    return replace(role, name=f"Military Forces of {country}", type="security_forces")


# What was done to a victim, as a participle: "was shot", "a rancher kidnapped in ...".
_DONE_TO = (r"shot|killed|murdered|assassinated|kidnapped|abducted|wounded|injured|stabbed|executed|gunned down|"
            r"taken hostage")
# The end of a victim's description: "X, a leader of the M-19 guerrilla group, was shot".
_VICTIM_APPOSITION = re.compile(rf"^[^,.;]{{0,40}},\s*(?:who\s+)?(?:was|were|has been|had been)\s+(?:\w+\s+)?"
                                rf"(?:{_DONE_TO}|attacked)\b", re.IGNORECASE)
# Who tells of the attack, not who made it: "according to the guerrillas, ...".
_SOURCE_BEFORE = re.compile(r"\b(?:according to|quoting|cited|citing|told by|said by)\s+(?:the\s+)?(?:\w+\s+)?$",
                            re.IGNORECASE)


def find_descriptor(sentence: str, agents_only: bool = False) -> Role | None:
    """A described but unnamed attacker ("unidentified gunmen"), preferring the subject of the attack
    ("armed men stormed ...", "killed by guerrillas") to one that is a victim ("killing three militants");
    with `agents_only`, only a subject or an agent."""
    matches = list(_DESCRIPTOR.finditer(sentence))
    agents = [m for m in matches + list(_STATE_DESCRIPTOR.finditer(sentence)) if _is_agent(sentence, m)]
    others = [m for m in matches if not _VICTIM_BEFORE.search(sentence[max(0, m.start() - 40):m.start()])
              and not _VICTIM_AFTER.match(sentence[m.end():m.end() + 40])
              and not _SOURCE_BEFORE.search(sentence[max(0, m.start() - 40):m.start()])
              and not _VICTIM_APPOSITION.match(sentence[m.end():m.end() + 120])]
    if agents:
        chosen = min(agents, key=lambda m: m.start())
    else:
        chosen = None if agents_only or not others else others[0]
    if chosen is None:
        return None
    # A count says how many, not who: "two men" is the same unknown perpetrator as "men". Under a hedge
    # the qualifier is what is suspected, and names nobody: "suspected separatist insurgents" -> "suspected insurgents".
    name = re.sub(r"^(?:a|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+", "", chosen.group(0).lower())
    name = re.sub(r"^suspected \S+ (?=\S+$)", "suspected ", name)
    return Role(name, "unidentified", "description", *chosen.span())


# The agent of a violent verb ("killed by the rebels"), not of any verb ("the reports received by the police").
_AGENT_BY = re.compile(rf"{_VIOLENT_BY}\s+(?:the\s+|a\s+|a group of\s+|some\s+|\w+\s+)?$", re.IGNORECASE)


def _is_agent(sentence: str, match: re.Match) -> bool:
    """A description that does the violence: the subject of an attack verb, or the agent after "by"."""
    before = sentence[max(0, match.start() - 90):match.start()]
    if _AGENT_BY.search(before):
        return True
    after = sentence[match.end():match.end() + 80]
    return bool(_SUBJECT_VERB.match(after)) and not _REPORTER_AFTER.match(after)


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
_TARGET = re.compile(rf"\b(?:{TARGET_NOUNS})\b")
_TARGET_LEAD = re.compile(
    r"\b(?:attack\w*|struck|stormed|raided|ambush\w*|targeted|targeting|hit|shot|shot dead|killed|killing|"
    r"kidnapp\w*|abduct\w*|seized|bomb\w*|shelled|shelling|torched|burned|set fire to|assassinated|"
    r"against|on|at|in|near|outside|inside)\s+(?:(?:a|an|the|two|three|several|his|her|their|its|\d+)\s+)?$",
    re.IGNORECASE,
)
_MODIFIER = re.compile(r"(?:\b(?!(?:a|an|the|his|her|their|its|on|at|in|of|and|killing|killed|attacked|near|dead|"
                       r"one|two|three|four|five|six|seven|eight|nine|ten|several|dozens|scores|\d+)\b)"
                       r"[A-Za-z][\w-]*\s+){0,3}$", re.IGNORECASE)
_NOT_TARGET_LEAD = re.compile(r"\b(?:said|told|by|according to|from|of)\s+(?:a|an|the)?\s*$", re.IGNORECASE)


def find_target(sentence: str, actors: list[ActorSpan], after: int) -> Role | None:
    """The target named or described after position `after` (the trigger) in the sentence."""
    return next(described_targets(sentence, actors, after), None)


def described_targets(sentence: str, actors: list[ActorSpan], after: int) -> Iterator[Role]:
    """Every target named or described after position `after`, named actors first."""
    for actor in actors:
        if actor.start >= after and actor.type not in ("media",) and \
                _TARGET_LEAD.search(sentence[max(0, actor.start - 30):actor.start]):
            yield Role(actor.name, actor.type, "named", actor.start, actor.end)
    for match in _TARGET.finditer(sentence, after):
        head = sentence[max(0, match.start() - 80):match.start()]
        modifiers = _MODIFIER.search(head)
        for cut in range(len(modifiers.group(0)), -1, -1):
            start = match.start() - cut
            lead = sentence[max(0, start - 40):start]
            if (cut == 0 or sentence[start - 1].isspace()) and _TARGET_LEAD.search(lead) \
                    and not _NOT_TARGET_LEAD.search(lead):
                yield Role(sentence[start:match.end()].strip(), "target", "description", start, match.end())
                break


_OBJECT_VERB = re.compile(
    r"\b(?:dynamited|dynamiting|blew up|blown up|machine-?gunned|murdered|assassinated|sabotaged|sabotaging|"
    r"attacked|attacking|struck|hit|stormed|storming|raided|raiding|ambushed|ambushing|targeted|targeting|bombed|"
    r"shelled|shelling|torched|burned|burnt|set fire to|set alight|abducted|abducting|kidnapped|kidnapping|seized|"
    r"stabbed|shot at|opened fire (?:on|at|in|inside)|fired on|fired at|fired (?:\w+ )?(?:rockets|shells|mortars?)"
    r"(?: \w+)? (?:at|on|into|toward|towards)|rammed(?: \w+)? into|flattened|destroyed|overran|besieged|"
    r"exploded (?:at|near|outside|inside|in front of|next to|under|in)|(?:went off|detonated) (?:at|near|outside|"
    r"inside|in front of|next to|in)|slammed into|crashed into|tore through|ripped through|"
    r"dropped (?:[\w-]+ ){0,2}(?:bombs?|shells?|explosives|barrels?) on|"
    r"attack on|attacks on|assault on|raid on|strike on|"
    r"ambush on|blast at|explosion at|bombing (?:of|at)|(?:assassination|murder|massacre|killing|kidnapping|"
    r"abduction|execution|slaying) of)\s+",
    re.IGNORECASE,
)
_LEADING = re.compile(
    r"^(?:(?:a|an|the|his|her|their|its|at least|about|some|more than|around|nearly|several|dozens of|scores of|"
    r"hundreds of|all|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d[\d,]*|[\w-]+-storey|one of)\s+)+",
    re.IGNORECASE,
)
_PHRASE_END = re.compile(
    r"\s+(?:in|on|at|near|outside|inside|from|of|with|during|as|after|before|who|which|that|and|while|when|"
    r"killing|wounding|injuring|leaving|belonging|carrying|guarding|used|where|to|for|by|into|across|along|"
    r"is|was|were|are|has|have|had|will|would|could|said|says|yesterday|today|tonight|this|last|early|late)\b|"
    r"[,;:()\u2014\u2013]|\.(?!\w|\s+[a-z])|$",
    re.IGNORECASE,
)
_NOT_HEADS = {"him", "her", "them", "it", "himself", "themselves", "people", "one", "others", "area", "way", "fire",
              "responsibility", "control", "part", "place", "hundred", "hundreds", "thousand", "thousands", "dozens",
              "whereabouts", "death", "blood", "day", "night", "morning", "afternoon", "evening", "week", "month",
              "year", "time", "times", "suspicions", "regardless", "peace", "freedom", "sovereignty",
              "stability", "dignity"}
# An adverbial or passive phrase after the verb ("kidnapped by ...", "stabbed to death", "attacked on Monday")
# is not its object.
_NOT_OBJECT = re.compile(r"^(?:by|to|in|on|at|during|while|from|with|for|as|after|before|when|since|into|near|"
                         r"there|here|again|also|yesterday|today|tonight|this|last|early|late|later|earlier|once|twice|"
                         r"same|over|under|"
                         r"because|and|or|but)\b|^\d", re.IGNORECASE)


def find_object_target(sentence: str, after: int = 0) -> Role | None:
    """What an attack verb acts on ("stormed a beachfront hotel", "exploded outside the courthouse")."""
    return next(object_targets(sentence, after), None)


# What an attack damaged besides what it was aimed at ("the blast damaged a wall"): further targets only.
_DAMAGE_VERB = re.compile(r"\b(?:destroying|damaged|damaging|wrecked|wrecking|demolished|razed|gutted)\s+",
                          re.IGNORECASE)


def object_targets(sentence: str, after: int = 0, damage: bool = False) -> Iterator[Role]:
    """What every attack verb acts on, with the further items of a list ("dynamited a bank, a store and
    two pylons" -> bank, store, pylons); with `damage`, also what it damaged."""
    verbs = sorted([*_OBJECT_VERB.finditer(sentence, max(0, after - 40)),
                    *(_DAMAGE_VERB.finditer(sentence, max(0, after - 40)) if damage else ())], key=lambda m: m.start())
    for verb in verbs:
        start, rest = _phrase_start(sentence, verb.end())
        if _NOT_OBJECT.match(rest):
            continue
        rest = rest[:finite.start()] if (finite := _FINITE.search(rest)) else rest  # "the murder of X sought ..."
        end = _PHRASE_END.search(rest)
        words = rest[:end.start()].split()[-4:] if end else []
        if words and words[-1].lower() in _PARTS and (whole := _whole_of(sentence, start + end.start())):
            start, rest, end, words = whole  # "the entrance of a mosque" -> mosque
        if not words or _not_a_head(words) or all(w[:1].isupper() for w in words):
            continue
        words = [w for w in words if not w[:1].isupper() or w.lower() != w] if len(words) > 1 else words
        yield Role(" ".join(words), "target", "object", verb.end(), verb.end() + len(rest))
        yield from _list_items(sentence, start + end.start())


# Parts of a building or a place: what was hit is the whole ("the entrance of a mosque", "the offices of a
# television station", "the parking lot of a church").
_PARTS = {"entrance", "entrances", "gate", "gates", "door", "doors", "wall", "walls", "front", "offices", "office",
          "premises", "compound", "stairwell", "lobby", "roof", "lot", "courtyard", "yard", "grounds", "facade",
          "outskirts", "vicinity", "branch", "branches"}


def _whole_of(sentence: str, position: int):
    """The noun phrase after "of" at `position`: (start, rest, end, words), or None."""
    joint = re.match(r"\s+of\s+", sentence[position:])
    if joint is None:
        return None
    start, rest = _phrase_start(sentence, position + joint.end())
    end = _PHRASE_END.search(rest)
    words = rest[:end.start()].split()[-4:] if end else []
    return (start, rest, end, words) if words and not _not_a_head(words) else None


def _not_a_head(words: list[str]) -> bool:
    """A head noun that names no target alone ("the area"), unless it is qualified ("a residential area")."""
    head = words[-1].lower()
    return head in _NOT_HEADS and not (head == "area" and len(words) > 1)


def _phrase_start(sentence: str, position: int) -> tuple[int, str]:
    """Where a noun phrase starts after its determiners and counts, and the text from there (80 characters)."""
    rest = sentence[position:position + 80]
    lead = _LEADING.match(rest)
    return (position + lead.end(), rest[lead.end():]) if lead else (position, rest)


# The next item of a list of objects: ", a store", " and two pylons", ", the bank's offices".
_LIST_ITEM = re.compile(r"^(?:,\s*(?:and\s+)?|\s+and\s+)(?=(?:a|an|the|his|her|their|its|two|three|four|five|several|"
                        r"\d+)\s)", re.IGNORECASE)


def _list_items(sentence: str, position: int, limit: int = 5) -> Iterator[Role]:
    """The items after the first of a coordinated list of objects, each ending as the first did."""
    for _ in range(limit):
        joint = _LIST_ITEM.match(sentence[position:])
        if joint is None:
            return
        start, rest = _phrase_start(sentence, position + joint.end())
        end = _PHRASE_END.search(rest)
        words = rest[:end.start()].split()[-4:] if end else []
        if not words or words[-1].lower() in _NOT_HEADS or _FINITE.search(" ".join(words)):
            return
        yield Role(" ".join(words), "target", "object", start, start + end.start())
        position = start + end.start()


_TIME_WORDS = {"ago", "hours", "hour", "days", "weeks", "months", "years", "minutes", "percent", "lately", "occurred",
               "january", "february", "march", "april", "june", "july", "august", "september", "october",
               "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_LEADING_FUNCTION = re.compile(r"^(?:by|to|in|on|at|from|during|while|that|which|who|when|where|as|for|with|"
                               r"between|the past|past|last|this|next)\b", re.IGNORECASE)
_LEADING_NOISE = {"of", "and", "or", "at", "least", "about", "nearly", "approximately", "some", "around", "against",
                  "including"}
_TRAILING_NOISE = {"almost", "next", "full", "located", "lately", "there", "but"}


def clean_target(name: str) -> str | None:
    """A target phrase trimmed of the words around its noun ("of the driver" -> "driver", "officer who"
    -> "officer"), or None when it names no one and nothing: an agent ("by the rebels"), a time ("a month
    ago", "Friday"), a number or a verb ("was")."""
    main, paren, rest = name.partition("(")
    main = _RELATIVE.sub("", main)
    if _FINITE.search(main):  # a clause ("were visiting the city", "fighters had died"), not a noun phrase
        return None
    main = re.split(r"\s(?:between|without|at the time)\s", main, maxsplit=1)[0]  # "area between rebels and ..."
    words = re.sub(r"\[[^\]]*\]?", " ", main).strip(" \"'-\u2014").split()
    if words and words[0].lower() in ("not", "no", "none", "nobody", "them", "him", "her", "it", "us", "me", "you"):
        return None
    while words and (words[0].lower() in _LEADING_NOISE or re.fullmatch(r"[\d,.]+", words[0])):
        words = words[1:]
    while words and (words[-1].lower() in STOP_WORDS or words[-1].lower() in _TRAILING_NOISE):
        words = words[:-1]
    if not words or _LEADING_FUNCTION.match(" ".join(words)):
        return None
    head = words[-1].lower()
    if head in _TIME_WORDS or not re.fullmatch(r"[a-z][a-z'-]+[a-z]", head):
        return None
    if head.endswith("ly") and len(head) > 5 and head not in ("family", "assembly"):
        return None
    if len(words) > 1 and words[0].lower() in ("a", "an", "the"):  # "a policeman" and "the policeman" are one target
        words = words[1:]
    return " ".join(words) + (f" ({rest}" if paren else "")


_PASSIVE = re.compile(
    r"\b(?:was|were|has been|have been|had been)\s+(?:(?!not\b|never\b)\w+\s+)?(?:shot|killed|murdered|assassinated|"
    r"kidnapped|"
    r"abducted|attacked|wounded|injured|stabbed|executed|beheaded|bombed|burned|burnt|torched|destroyed|damaged|"
    r"dynamited|blown up|machine-?gunned|ambushed|targeted|hit|struck|seized|taken hostage)\b",
    re.IGNORECASE,
)
# The words must end at a word boundary: "as" is not the start of "assistant", nor "who" of "whose".
_SUBJECT_START = re.compile(r".*(?:^|[,;:\]\"\u2014]|\((?![^)]*\))|\s--|\b(?:that|which|who|whom|whose|when|after|"
                            r"while|where|said|reported|because|as|but|and then)\b)\s*", re.IGNORECASE)
# A finite verb or an auxiliary inside a candidate subject: the phrase is a clause, not a noun phrase.
_FINITE = re.compile(r"\b(?:was|were|is|are|am|be|been|being|had|has|have|did|does|do|will|would|could|should|"
                     r"shall|may|might|must|can|died|dies|sought|said|says|became|remained|lived|worked)\b",
                     re.IGNORECASE)
_RELATIVE = re.compile(r"\s+(?:who|whom|whose|which|that)\s+\S.*$", re.IGNORECASE)


def find_passive_target(sentence: str) -> Role | None:
    """The subject of a passive attack verb ("a bus carrying workers was attacked", "the mayor was shot")."""
    return next(passive_targets(sentence), None)


def passive_targets(sentence: str) -> Iterator[Role]:
    """The subject of every passive attack verb in the sentence."""
    for verb in _PASSIVE.finditer(sentence):
        clause = sentence[max(0, verb.start() - 80):verb.start()]
        if verb.start() > 80 and sentence[verb.start() - 81].isalnum():  # no half word at the start
            clause = re.sub(r"^[\w'-]+", lambda m: " " * len(m.group(0)), clause)
        offset, subject = _passive_subject(clause)
        words = subject.split()[-8:]
        start = verb.start() - len(clause) + offset
        if not words:
            words = _apposition(clause)
            start = verb.start() - len(clause) + clause.rstrip().rstrip(",").rfind(",") + 1
        if words and words[-1].lower() not in _NOT_HEADS:
            yield Role(" ".join(words), "target", "passive", start, verb.start())


# A victim named by a reduced relative clause: "a rancher kidnapped in Arauca", "two policemen killed during ...".
_REDUCED_RELATIVE = re.compile(
    r"\b(?:a|an|the|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+((?:[a-z][\w'-]*\s+){0,2}?"
    rf"[a-z][\w'-]*)\s+(?:{_DONE_TO})\s+"
    r"(?:in|on|by|last|yesterday|during|near|at|when|while|earlier|this)\b", re.IGNORECASE)


def reduced_relative_targets(sentence: str) -> Iterator[Role]:
    """The victims a reduced relative clause names ("a rancher kidnapped in Arauca")."""
    for match in _REDUCED_RELATIVE.finditer(sentence):
        if match.group(1).split()[-1].lower() not in _NOT_HEADS:
            yield Role(match.group(1), "target", "passive", *match.span(1))


def _passive_subject(clause: str) -> tuple[int, str]:
    """Where the noun phrase before a passive verb starts in `clause`, and its words without the clause
    around them: "soldiers who were visiting the town were attacked" -> "soldiers", "the guards were asleep
    and were shot" -> "the guards"."""
    start = _SUBJECT_START.match(clause).end()
    subject = clause[start:]
    finite = _FINITE.search(subject)
    if finite is not None and not subject[:finite.start()].strip():  # a relative clause: its head is before it
        relative = re.search(r"\b(?:who|whom|which|that)\s*$", clause[:start], re.IGNORECASE)
        if relative is None:
            return start, ""
        head = clause[:relative.start()]
        start = _SUBJECT_START.match(head).end()
        subject = head[start:]
    elif finite is not None:  # a first verb that this subject shares with the passive one
        subject = subject[:finite.start()]
    return start, _RELATIVE.sub("", subject)


def _apposition(clause: str) -> list[str]:
    """The description set off by commas before a passive verb ("Name, a local reporter, was shot")."""
    parts = clause.rstrip().rstrip(",").rsplit(",", 1)
    if len(parts) < 2 or not clause.rstrip().endswith(","):
        return []
    if re.match(r"\s*(?:who|whom|whose|which|that)\b", parts[1], re.IGNORECASE):  # "the driver, whom police ..."
        head = parts[0][_SUBJECT_START.match(parts[0]).end():]
        return [] if _FINITE.search(head) else head.split()[-6:]
    phrase = re.split(r"\s+(?:from|of|with|in|at|for|who|which)\s+", parts[1].strip(), maxsplit=1)[0]
    return phrase.split()[-6:]


def victims_role(victims: str | None) -> Role | None:
    """A target from the victims of a casualty figure ("84 lives" -> civilians)."""
    if not victims:
        return None
    word = victims.lower().strip()
    if word in ("people", "lives", "others", "persons", "individuals", "victims"):
        return Role("civilians", "civilians", "victims")
    return Role(word, "target", "victims")



# Words that title a person ("presidential candidate", "former defence minister", "Msgr"): in upper-case wire
# copy, read in lower case, a title is what tells a name ("judge maria perez") from a phrase ("judge the case").
_TITLES = (r"mayor|judge|magistrate|prosecutor|attorney|lawyer|priest|father|monsignor|msgr|archbishop|bishop|"
           r"cardinal|pastor|reverend|rev|imam|cleric|sheikh|nun|sister|candidate|hopeful|minister|leader|chief|"
           r"journalist|reporter|newsman|correspondent|editor|photographer|cameraman|businessman|businesswoman|"
           r"banker|industrialist|magnate|tycoon|landowner|rancher|senator|deputy|congressman|congresswoman|"
           r"lawmaker|legislator|mp|governor|councilman|councilwoman|councillor|councilor|colonel|general|major|"
           r"captain|lieutenant|sergeant|commander|commandant|officer|inspector|president|vice-president|director|"
           r"secretary|ambassador|consul|diplomat|official|activist|unionist|chairman|chairwoman|spokesman|"
           r"politician|professor|teacher|doctor|dr|mr|mrs|ms|engineer|rector|student|elder|chieftain|headman|"
           r"economist|analyst|manager|executive|owner|founder|member|aide|adviser|advisor|bodyguard|driver|jesuit|"
           r"son|daughter|wife|husband|brother|mother|nephew|niece|cousin|uncle|aunt")
_TITLE = re.compile(rf"\b(?:{_TITLES})s?\b\.?", re.IGNORECASE)
_PERSON_LEAD = re.compile(
    r"\b(?:killed|killing|murdered|murdering|assassinated|assassinating|kidnapped|kidnapping|abducted|abducting|"
    r"shot|shot dead|shooting|executed|executing|gunned down|stabbed|wounded|wounding|injured|injuring|ambushed|"
    r"fired at|fired on|opened fire on|shot at|took as hostages?|taking as hostages?|"
    r"(?:to|tried to|attempted to) (?:kill|kidnap|murder|assassinate|abduct)|"
    r"(?:murders?|assassinations?|killings?|kidnappings?|abductions?|deaths?|slayings?|executions?|shooting|life|"
    r"lives|attempt on the life) of|(?:attack|attempt) (?:on|against))\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:(?:former|late|then|retired|ex)\s+)?$",
    re.IGNORECASE,
)
_PERSON_AFTER = re.compile(
    r"^(?:'s\s+(?:murder|assassination|killing|kidnapping|abduction|death|slaying|execution)|"
    r"\s*(?:,[^,]{0,90},\s*)?(?:(?:was|were|has been|had been|is)\s+(?:\w+\s+)?(?:shot|killed|murdered|"
    r"assassinated|kidnapped|abducted|executed|stabbed|gunned down|wounded|injured)|died|was found dead)\b|"
    r",\s*(?:who (?:was|were) )?(?:kidnapped|abducted|murdered|assassinated|shot dead)\b)",
    re.IGNORECASE,
)
_NAME_STOP = re.compile(rf"^(?:{_TITLES}|{TARGET_NOUNS}|\w+ing|\w+ly)$", re.IGNORECASE)
_MODIFIER_WORD = re.compile(r"^[a-z][\w'.-]*$", re.IGNORECASE)


def find_person_target(sentence: str) -> Role | None:
    """The first of `person_targets`."""
    return next(person_targets(sentence), None)


def person_targets(sentence: str) -> Iterator[Role]:
    """A named or titled person who was killed, kidnapped or shot: the object of the attack ("assassinated
    presidential candidate Luis Gomez", "the kidnapping of businessman Juan Diaz"), the subject of its passive
    ("judge ana ruiz was shot"), or its possessor ("the archbishop's murder"); each person of a list
    ("photographers Ana Ruiz and Luis Gil were shot", "the murders of judge X, colonel Y and senator Z")."""
    mixed = sentence != sentence.lower() and sentence != sentence.upper()
    done = 0
    for title in _TITLE.finditer(sentence):
        if title.start() < done:
            continue
        start = _title_start(sentence, title.start())
        end = _title_end(sentence, title.end())
        name_end = _name_end(sentence, end, mixed)
        if name_end == end and not sentence.startswith("'s", end):
            continue  # a title without a name ("the mayor"): the other finders describe it as well
        if re.fullmatch(r"general|major", title.group(0), re.IGNORECASE) and end == title.end() \
                and len(sentence[end:name_end].split()) < 2:
            continue  # "the general staff", "a major attack"
        people = [(start, name_end), *_listed_people(sentence, name_end, mixed)]
        last = people[-1][1]
        if _PERSON_LEAD.search(sentence[max(0, start - 40):start]) or \
                _PERSON_AFTER.match(sentence[last:last + 120]):
            done = last
            for first, stop in people:
                yield Role(sentence[first:stop].strip(), "target", "person", first, stop)


_POSSESSIVES = {"his", "her", "their", "its", "the", "a", "an"}
_LIST_JOINT = re.compile(r"^(?:\s*,(?:\s*and)?|\s+and)(?=\s)")


def _listed_people(sentence: str, position: int, mixed: bool, limit: int = 8) -> Iterator[tuple[int, int]]:
    """The spans of further people in a list after a titled name: each a title with a name, or a name
    of two words or more."""
    for _ in range(limit):
        joint = _LIST_JOINT.match(sentence[position:])
        if joint is None:
            return
        start = position + joint.end()  # at the space before the next item
        title = _TITLE.search(sentence, start, start + 50)
        lead = sentence[start:title.start()].split() if title else []
        if title and len(lead) <= 3 and all(_MODIFIER_WORD.match(w) and (w.lower() not in STOP_WORDS or
                                                                        w.lower() in _POSSESSIVES) for w in lead):
            end = _title_end(sentence, title.end())
        else:
            end = start
        stop = _name_end(sentence, end, mixed)
        if stop == end or (end == start and len(sentence[start:stop].split()) < 2):
            return
        yield start + 1, stop
        position = stop


# Who the victims were, named after the report: "the dead were identified as Ana Ruiz and Luis Gil".
_IDENTIFIED = re.compile(
    r"\b(?:identified as|(?:victims|dead|deceased|injured|wounded|hostages|those killed|those injured|those wounded)"
    r"(?: \w+)? (?:were|are|included|include)|(?:they|the victims) (?:are|were))\s*:?(?=\s)",
    re.IGNORECASE,
)


_SUSPECTS = re.compile(r"\b(?:arrest|detain|suspect|captur|accused|charged|perpetrator|attacker|assailant|gunm[ae]n|"
                       r"kidnapper|killer)", re.IGNORECASE)


def identified_people(sentence: str) -> Iterator[Role]:
    """The people a sentence names as the victims ("the victims were identified as ..."), each of a list."""
    mixed = sentence != sentence.lower() and sentence != sentence.upper()
    for lead in _IDENTIFIED.finditer(sentence):
        if _SUSPECTS.search(sentence[:lead.start()]):  # "the arrested men were identified as ...": not victims
            continue
        offset = lead.end() - 1  # "," stands before the list, so that its first name is read as a further one
        for start, stop in _listed_people("," + sentence[lead.end():], 0, mixed):
            yield Role(sentence[offset + start:offset + stop].strip(), "target", "identified", offset + start,
                       offset + stop)


_QUALIFIERS = {"former", "late", "ex", "then", "retired", "slain", "murdered", "kidnapped"}


def _title_start(sentence: str, position: int) -> int:
    """The start of the words that qualify a title ("former peruvian defense minister")."""
    start = position
    for word in reversed(sentence[max(0, position - 50):position].split()[-3:]):
        bare = word.lower()
        if _PERSON_LEAD.search(sentence[max(0, start - 40):start]) or not _MODIFIER_WORD.match(word) \
                or (bare in STOP_WORDS and bare not in _QUALIFIERS) or _FINITE.match(bare) or bare == "dead":
            break
        start = sentence.rfind(word, 0, start)
    return start


def _title_end(sentence: str, position: int) -> int:
    """The end of a title with its chained titles ("defense minister general", "minister of defence")."""
    while (more := re.match(rf"\s+(?:of\s+(?:the\s+)?[\w-]+\s+)?(?:{_TITLES})\b\.?", sentence[position:],
                            re.IGNORECASE)):
        position += more.end()
    return position


def _name_end(sentence: str, position: int, mixed: bool) -> int:
    """The end of the name after a title: capitalised words in mixed-case text, in lower-cased capitals
    up to four words that are neither function words nor verbs nor nouns of the target list."""
    end = position
    for _ in range(5):
        word = re.match(r" +([\w'.-]+)", sentence[end:])
        if word is None or not _name_word(word.group(1), mixed):
            break
        end += len(word.group(0).rstrip(".")) if word.group(0).endswith(".") else word.end()
    return end


def _name_word(text: str, mixed: bool) -> bool:
    bare = text.rstrip(".").lower()
    if mixed and not text[:1].isupper():
        return False
    verb = len(bare) > 4 and bare.endswith("ed") and not bare.endswith(("eed", "hmed", "mmed", "ved", "yed"))
    return bare.isalpha() and not (bare in STOP_WORDS or bare in _TIME_WORDS or verb or _FINITE.match(bare)
                                   or _NAME_STOP.match(bare))
