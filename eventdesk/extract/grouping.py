"""Sentences into incidents: which sentences report violence, how they group, which claim links to which.

The cheap passes (sentences, triggers, casualty figures, dates) have run on every sentence and the
statistical pipeline on the event sentences (`entities`). Mentions of violence are grouped into
incidents (later sentences that refer back, "the attack", "the explosion", join the incident they
refer to; a new date or place, or a background marker, starts a new one); a sentence about what
could happen, or one that looks back from a trial or a toll over years, starts none. Claims link to
the incident they claim (`link_claims`); `salience` orders the incidents, main one first.
"""

from __future__ import annotations

import re

from eventdesk.extract.agents import is_headline
from eventdesk.extract.casualty_reports import REPORT_BREAK
from eventdesk.extract.dates import best_date
from eventdesk.extract.events import Trigger
from eventdesk.extract.facts import Incident, Role, SentenceFacts
from eventdesk.extract.perpetrators import find_claimant, find_perpetrator
from eventdesk.extract.persons import find_person_target
from eventdesk.extract.targets import find_object_target

_BACKGROUND = re.compile(
    r"^Since\b|\b(?:earlier (?:this|that|last) (?:year|month|week)|last year|previous(?:ly)?|in the past|"
    r"since (?:19|20)\d\d|similar (?:attack|bombing|incident)s?|another (?:attack|bombing)|"
    r"a (?:string|series|spate|wave) of|"
    r"anniversary|years? ago|months? ago|recalled|reminiscent|prior attacks?|past attacks?|"
    r"history of|had (?:also )?(?:killed|attacked|carried out)|the deadliest since|(?:have|has) been killed since|"
    r"(?:has|have) (?:since )?(?:killed|claimed) (?:more than |at least |over |some )?[\d,]+|nationwide|in total|"
    r"so far this year|(?:this|that) year alone|in \d{4} alone|since (?:then|the start|the beginning)|"
    r"(?:has|have) killed (?:more than|at least|over|some|thousands|hundreds|tens)|"
    r"death toll (?:in|of) the (?:war|conflict))\b",
    re.IGNORECASE,
)
# Words that open the report of another incident ("In a separate attack, ...", "Meanwhile, ...").
_SEPARATE = re.compile(r"^\W*(?:meanwhile|elsewhere|separately|in (?:a|another) (?:separate|different|second|similar|"
                       r"later|related) (?:incident|attack|case|development)|in another (?:incident|attack|case)|"
                       r"in (?:a|another) separate)\b", re.IGNORECASE)
_RETROSPECTIVE = re.compile(
    r"\b(?:sentenc\w+|convict\w+|acquitt\w+|trial|court|verdict|indict\w+|charged|jailed|extradit\w+|"
    r"documentary|film|book|anniversary|memorial|commemorat\w+|remember\w*|mourn\w+|exhum\w+|mass graves?|"
    r"annual report|report said|years after|decades after|revisit\w*|in connection with|praising|praised|"
    r"reunited|freed|released|rescued|escaped|compensation|inquiry|investigation into|tribunal)\b",
    re.IGNORECASE,
)
_PAST_MARK = re.compile(r"\b(?:(?:19|20)\d\d|last (?:month|year)['’]s|at the time|years? ago|decades? ago)\b",
                        re.IGNORECASE)
_NOT_CONFLICT = re.compile(
    r"\b(?:earthquake|quake|flood\w*|landslide|mudslide|cyclone|hurricane|typhoon|tornado|avalanche|"
    r"storm(?!\s+(?:a|an|the|their|its|his|her)\b)|"
    r"accident|crash\w*|plunged|collided|collision|derail\w*|capsiz\w*|stampede|drown\w*|outbreak|epidemic|"
    r"disease|heatwave|heat wave|wildfire|fire broke out|lightning|building collapse|collapsed)\b",
    re.IGNORECASE,
)
# A haul of arms found, seized, bought or made is not an attack with them.
_WEAPON = re.compile(r"^(?:bombs?|grenades?|rifles?|firearms?|missiles?|rockets?|mortars?|explosive charges?|"
                     r"explosive devices?|landmines?|land mines?|artillery|machetes?|knives|knife|snipers?|"
                     r"weapons|air force|aircraft|helicopters?)$", re.IGNORECASE)
_ARMS_HAUL = re.compile(r"\b(?:found|seized|seizure|confiscat\w*|recovered|discovered|cache|arsenal|haul|"
                        r"stockpile\w*|consignment|shipment|smuggl\w*|bought|buying|purchas\w*|sold|selling|"
                        r"manufactur\w*|produc\w*|export\w*|import\w*|supplied|supplying|fitted with|equipped with)\b",
                        re.IGNORECASE)
# A toll over a period or over many incidents ("127 people have been killed since the fighting began",
# "killed in more than 600 clashes", "the war has left 70,000 dead"): a statistic, not an incident.
_AGGREGATE = re.compile(
    r"\bin the (?:past|last) (?:[\d,]+|few|several) (?:days|weeks|months|years)\b[^.;]{0,80}?\b(?:have|has) "
    r"(?:been killed|died|been wounded|been injured)\b|"
    r"\bin (?:more than |over |some |at least |nearly |about |almost )?[\d,]+ (?:separate |different )?(?:clashes|"
    r"attacks|massacres|incidents|bombings|operations|actions|confrontations|skirmishes|ambushes|raids)\b|"
    r"\b(?:have|has) (?:been killed|died|been murdered|been wounded|been injured|left|claimed)\b[^.;]{0,80}?"
    r"(?:\bsince the\b|\bduring the (?:recent|past|last)\b|\bover the (?:past|last)\b|"
    r"\bin the (?:past|last) (?:\w+ )?(?:years|months|decades?)\b)|"
    r"\b(?:the|this|its) (?:\d{4} )?(?:war|conflict|insurgency|armed struggle|civil war)\b[^.;]{0,80}?"
    r"\b(?:(?:has|have|had) |which |that )(?:left|claimed|killed|caused)\b|"
    r"\bsince (?:the (?:start|beginning|outbreak) of|the (?:war|conflict|fighting|offensive|insurgency) "
    r"(?:began|started))",
    re.IGNORECASE,
)
MODAL = re.compile(r"\b(?:should|must|can|cannot|will|would|could|may|might|shall)\b")  # "May" is a month
MODAL_UPPER = re.compile(r"\b(?:SHOULD|MUST|CAN|CANNOT|WILL|WOULD|COULD|MIGHT|SHALL)\b")  # "MAY" is either
FRAME_VERBS = {
    "warning": re.compile(r"\b(?:warned|warns|alerted|alerts|cautioned|tipped off)\b", re.IGNORECASE),
    "threat": re.compile(r"\b(?:threatened|threatens|vowed)\b", re.IGNORECASE),
    "accusation": re.compile(r"\b(?:accused|accuses|accusing|blamed|blames|alleged|alleges|charged that)\b",
                             re.IGNORECASE),
    "arrest": re.compile(r"\b(?:arrested|detained|apprehended|taken into custody)\b", re.IGNORECASE),
    "protest": re.compile(r"\b(?:protested|protesters|protestors|demonstrators|rallied|marched)\b", re.IGNORECASE),
}


def _is_generic(facts: SentenceFacts) -> bool:
    """A sentence about what could or should happen, or one that looks back on violence from a trial,
    an anniversary or a report, or a toll over a period (`_AGGREGATE`), or one about an accident or a disaster.
    Headlines joined by semicolons are reports of their own: the text is generic only when every report that
    tells of violence is ("Court jails a leader over the 1971 war; 12 die in clashes" reports the clashes)."""
    modal = MODAL_UPPER if facts.role_text != facts.text else MODAL
    pieces = _reports(facts)
    reports = [r for r in pieces if r[2] or r[3]]
    if len(pieces) < 2 or not reports:
        return _generic_text(facts.text, bool(facts.casualties), facts.violent(), modal)
    return all(_generic_text(text, bool(casualties), violent, modal) for text, _, violent, casualties in reports)


def _reports(facts: SentenceFacts) -> list[tuple[str, int, list[Trigger], list]]:
    """Each report of a sentence that joins headlines (`REPORT_BREAK`): its text, start, violent triggers and
    casualty mentions."""
    text, base = facts.text, facts.sentence.start
    cuts = [(0, len(text))]
    # upper-case wire copy joins the clauses of its prose with semicolons before capitals: one report
    for found in () if facts.role_text != text else REPORT_BREAK.finditer(text):
        cuts[-1] = (cuts[-1][0], found.start())
        cuts.append((found.end(), len(text)))
    violent = facts.violent()
    return [(text[start:end], start, [t for t in violent if start <= t.start < end],
             [c for c in facts.casualties if start <= c.start - base < end]) for start, end in cuts]


def _generic_text(text: str, counted: bool, violent: list[Trigger], modal) -> bool:
    if modal.search(text) and not counted:
        return True
    if _RETROSPECTIVE.search(text) and _PAST_MARK.search(text) or _AGGREGATE.search(text):
        return True
    if violent and _ARMS_HAUL.search(text) and all(_WEAPON.match(t.text) for t in violent):
        return True
    return bool(_NOT_CONFLICT.search(text)) and all(t.accidents for t in violent)


def _starts_incident(facts: SentenceFacts) -> bool:
    # A claim that gives the toll ("X claimed it killed five soldiers") is the attack's report as well.
    violent = facts.violent() or ([claim_trigger(facts)] if claim_trigger(facts) and facts.casualties else [])
    if not violent:
        # A headline that states deaths reports an incident even with no trigger word: "Security forces kill 12
        # militants", "Two die in crossfire".
        return any(c.kind == "killed" and c.count and c.report is not None for c in facts.casualties) \
            and not _is_generic(facts)
    if _is_generic(facts):
        return False
    strong = [t for t in violent if not t.weak]
    dated = any(d.value for d in facts.dates)
    placed = any(p.locative for p in facts.places)
    grounded = facts.casualties or dated or placed or facts.actors
    # A headline or lede reports its event by convention ("They murder a man inside his home"); a later
    # sentence needs a toll, a date, a place or an actor before its act starts an incident of its own.
    lede = facts.index == 0
    return bool((strong and (grounded or lede)) or facts.casualties or (dated and placed) or _names_attacker(facts)
                or _names_victim(facts) or (lede and placed and _one_killing(facts)))


# A headline that names one killing and where: "Murder in a market in Tijuana", "Homicide in the Centro district".
_ONE_KILLING = frozenset({"triggers:murder_noun", "triggers:homicide", "triggers:killing"})


def _one_killing(facts: SentenceFacts) -> bool:
    return is_headline(facts.text) and any(
        t.rule in _ONE_KILLING and not t.text.lower().endswith("s") for t in facts.violent())


def _names_victim(facts: SentenceFacts) -> bool:
    """A sentence that names whom a violence was done to ("the attack against attorney general X", "the
    murder of two American citizens"): it reports an incident even when its only trigger is a generic word."""
    text = facts.role_text
    return find_person_target(text) is not None or any(
        find_object_target(text, match.start()) is not None for match in _NOMINAL_VIOLENCE.finditer(text))


# A violence named by its victims: "the murder of two American citizens", "the kidnapping of an engineer".
_NOMINAL_VIOLENCE = re.compile(r"\b(?:assassination|murder|massacre|killing|kidnapping|abduction|execution|slaying)"
                               r"s? of\b", re.IGNORECASE)


def _names_attacker(facts: SentenceFacts) -> bool:
    """A sentence that says who attacked ("X guerrillas have carried out attacks in the south"): it reports
    an incident even when its only trigger is a generic word."""
    role = find_perpetrator(facts.role_text, facts.actors) if facts.actors else None
    return role is not None and role.basis in ("narrator", "official")


def _conflicts(incident: Incident, facts: SentenceFacts) -> bool:
    """A sentence dated differently from the incident (compared at the coarser of the two precisions).

    Relative dates ("six days later") count only for a sentence that reports a new attack, not
    for one that updates a toll ("the death toll rose to 26 on Tuesday").
    """
    mine = best_date(incident.dates())
    strong = any(not t.weak for t in facts.violent()) and not any(
        c.toll for c in facts.casualties)
    theirs = best_date([d for d in facts.dates if d.explicit or strong])
    if not (mine and theirs):
        return False
    width = min(len(mine.value), len(theirs.value))
    return mine.value[:width] != theirs.value[:width]


def _drop_retrospective_dates(facts: SentenceFacts) -> None:
    """In headlines joined by semicolons, the date of a report that only looks back ("Court jails a leader over
    the 1994 war; 9 die in clashes") is not the date of the violence the others report."""
    modal = MODAL_UPPER if facts.role_text != facts.text else MODAL
    pieces = _reports(facts)
    if len(pieces) < 2 or not facts.dates:
        return
    looking_back = [(start, start + len(text)) for text, start, violent, casualties in pieces
                    if _generic_text(text, bool(casualties), violent, modal)]
    if len(looking_back) < len(pieces):
        base = facts.sentence.start
        facts.dates = [d for d in facts.dates if not any(a <= d.start - base < b for a, b in looking_back)]


def group_incidents(sentences: list[SentenceFacts]) -> list[Incident]:
    """Violent sentences grouped into incidents, in text order."""
    incidents: list[Incident] = []
    for facts in sentences:
        _drop_retrospective_dates(facts)
        # "X claimed it killed five soldiers": a claim that gives the toll reports the attack as well, and so
        # does one that describes an attack no earlier sentence reported ("X claimed an IED attack on ...").
        claim_only = claim_trigger(facts) and not (facts.casualties or (not incidents and facts.violent()))
        if claim_only or _non_violent_frame(facts):
            if incidents:
                incidents[-1].context.append(facts)
            continue
        if not (facts.violent() or facts.casualties) or _is_generic(facts):
            if incidents:
                incidents[-1].context.append(facts)
            continue
        current = incidents[-1] if incidents else None
        background = bool(_BACKGROUND.search(facts.text))
        fresh = current is not None and bool(facts.casualties) and (
            current.background and not background or _grounds_better(current, facts))
        separate = bool(_SEPARATE.search(facts.text)) and _starts_incident(facts)
        joins = current is not None and not fresh and not separate and not _conflicts(current, facts) and (
            facts.is_reference() or not _starts_incident(facts) or not background and not current.background
            and not _new_place(current, facts))
        if joins:
            current.facts.append(facts)
        elif _starts_incident(facts):
            incidents.append(Incident([facts], background=background))
    return incidents


_PRECISION_SCORE = {"day": 3, "month": 2, "year": 0}


def _grounds_better(incident: Incident, facts: SentenceFacts) -> bool:
    """A dated report with a toll after a mention that had neither ("recovered from the 2014 onslaught,
    in which thousands were killed ... On 26 February 2022, a drone struck ..."): a new incident."""
    dated = any(d.value and d.precision == "day" for d in facts.dates)
    counted = any(c.count for c in facts.casualties)
    grounded = any(c.count for f in incident.facts for c in f.casualties) or best_date(incident.dates()) is not None
    return dated and counted and not grounded


def salience(incident: Incident) -> float:
    """How likely an incident is the one the article reports (not background)."""
    found = best_date(incident.dates())
    score = _PRECISION_SCORE.get(found.precision, 0) if found else 1
    score += 1 if any(c.count for f in incident.facts for c in f.casualties) else 0
    score += 1 if incident.claim is not None else 0
    score -= 4 if incident.background else 0
    return score - 0.01 * incident.facts[0].index


def _new_place(incident: Incident, facts: SentenceFacts) -> bool:
    mine = {p.text.lower() for f in incident.facts for p in f.places if p.locative}
    theirs = {p.text.lower() for p in facts.places if p.locative}
    return bool(mine and theirs and not mine & theirs and facts.casualties)


def claim_trigger(facts: SentenceFacts) -> Trigger | None:
    return next((t for t in facts.triggers if t.kind == "claim" and not t.hypothetical), None)


def _non_violent_frame(facts: SentenceFacts) -> str | None:
    """A sentence whose violence is reported inside a warning or accusation ("accused of attacks"). Blame for
    a violence the sentence presupposes ("blamed the rebels for the murder of ...") reports it, and names who."""
    for kind in ("warning", "accusation", "threat"):
        match = FRAME_VERBS[kind].search(facts.text)
        if match and not facts.casualties:
            violent = facts.violent()
            if violent and kind == "accusation" and _BLAMED_FOR.search(facts.text[match.start():violent[0].start]):
                return None
            if not violent or violent[0].start > match.start():
                return kind
    return None


_BLAMED_FOR = re.compile(r"^blam\w*\b.{0,80}\bfor (?:the|this|that|last \w+'s|\w+'s)\s+(?:\w+\s+){0,2}$",
                         re.IGNORECASE)


def link_claims(sentences: list[SentenceFacts], incidents: list[Incident]) -> list[tuple[SentenceFacts, Role | None]]:
    """Claims of responsibility, each linked to the incident before it (or the first incident)."""
    claims = []
    for facts in sentences:
        trigger = claim_trigger(facts)
        if trigger is None:
            continue
        claimant = find_claimant(facts.role_text, facts.actors, trigger.start)
        claims.append((facts, claimant))
        before = [i for i in incidents if i.facts[0].index <= facts.index and not i.background]
        target = before[-1] if before else next((i for i in incidents if not i.background), None)
        if target is not None and target.claim is None and claimant is not None:
            target.claim, target.claimant = facts, claimant
    return claims
