"""One article in, its events out.

The cheap passes (sentences, triggers, casualty figures, dates) run on every sentence; the
statistical pipeline runs only on sentences that carry an event trigger or a figure. Mentions
of violence are grouped into incidents (later sentences that refer back, "the attack", "the
explosion", join the incident they refer to; a new date or place, or a background marker,
starts a new one), claims link to the incident they claim, and every event keeps the sentence
it came from.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from eventdesk.actors import Registry
from eventdesk.articles import Article
from eventdesk.extract.casualties import figure_columns, total_casualties
from eventdesk.extract.dates import DateMention, best_date, date_columns
from eventdesk.extract.entities import add_entities, needs_model, tag_entities
from eventdesk.extract.events import Trigger, incident_type
from eventdesk.extract.facts import ActorSpan, Incident, Role, SentenceFacts, read_sentences
from eventdesk.extract.perpetrators import (
    PLACE_BEFORE,
    find_claimant,
    find_perpetrator,
    incident_perpetrator,
)
from eventdesk.extract.persons import find_person_target
from eventdesk.extract.places import PlaceName, find_dateline, incident_place, place_context
from eventdesk.extract.targets import find_object_target, incident_targets
from eventdesk.extract.text import Sentence
from eventdesk.geo.gazetteer import Context, Gazetteer, Place

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
    r"\b(?:earthquake|quake|flood\w*|landslide|mudslide|cyclone|hurricane|typhoon|storm|tornado|avalanche|"
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
_GENERIC = re.compile(r"\b(?:should|must|can|cannot|will|would|could|may|might|shall)\b")  # "May" is a month
_GENERIC_UPPER = re.compile(r"\b(?:SHOULD|MUST|CAN|CANNOT|WILL|WOULD|COULD|MIGHT|SHALL)\b")  # "MAY" is either
_EVENT_VERBS = {
    "warning": re.compile(r"\b(?:warned|warns|alerted|alerts|cautioned|tipped off)\b", re.IGNORECASE),
    "threat": re.compile(r"\b(?:threatened|threatens|vowed)\b", re.IGNORECASE),
    "accusation": re.compile(r"\b(?:accused|accuses|accusing|blamed|blames|alleged|alleges|charged that)\b",
                             re.IGNORECASE),
    "arrest": re.compile(r"\b(?:arrested|detained|apprehended|taken into custody)\b", re.IGNORECASE),
    "protest": re.compile(r"\b(?:protested|protesters|protestors|demonstrators|rallied|marched)\b", re.IGNORECASE),
}


def _is_generic(facts: SentenceFacts) -> bool:
    """A sentence about what could or should happen, or one that looks back on violence from a trial,
    an anniversary or a report, or a toll over a period (`_AGGREGATE`), or one about an accident or a disaster."""
    generic = _GENERIC_UPPER if facts.role_text != facts.text else _GENERIC
    if generic.search(facts.text) and not facts.casualties:
        return True
    if _RETROSPECTIVE.search(facts.text) and _PAST_MARK.search(facts.text) or _AGGREGATE.search(facts.text):
        return True
    violent = facts.violent()
    if violent and _ARMS_HAUL.search(facts.text) and all(_WEAPON.match(t.text) for t in violent):
        return True
    return bool(_NOT_CONFLICT.search(facts.text)) and all(t.accidents for t in violent)


def _starts_incident(facts: SentenceFacts) -> bool:
    # A claim that gives the toll ("X claimed it killed five soldiers") is the attack's report as well.
    violent = facts.violent() or ([_claim_trigger(facts)] if _claim_trigger(facts) and facts.casualties else [])
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
                or _names_victim(facts))


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


def _is_reference(facts: SentenceFacts) -> bool:
    return bool(re.search(r"\b(?:the|this|that|its|their)\s+(?:\w+\s+){0,2}?(?:attack|explosion|blast|bombing|"
                          r"incident|assault|raid|strike|ambush|shooting|violence)", facts.text, re.IGNORECASE))


def _refers_back(facts: SentenceFacts) -> bool:
    """A sentence about the incident before it: "the attack", "the device", "the bomb"."""
    return _is_reference(facts) or bool(re.search(r"\b(?:the|this|that)\s+(?:\w+\s+)?(?:device|bomb)\b", facts.text,
                                                  re.IGNORECASE))


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


def group_incidents(sentences: list[SentenceFacts]) -> list[Incident]:
    """Violent sentences grouped into incidents, in text order."""
    incidents: list[Incident] = []
    for facts in sentences:
        # "X claimed it killed five soldiers": a claim that gives the toll reports the attack as well, and so
        # does one that describes an attack no earlier sentence reported ("X claimed an IED attack on ...").
        claim_only = _claim_trigger(facts) and not (facts.casualties or (not incidents and facts.violent()))
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
            _is_reference(facts) or not _starts_incident(facts) or not background and not current.background
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


def _salience(incident: Incident) -> float:
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


def _claim_trigger(facts: SentenceFacts) -> Trigger | None:
    return next((t for t in facts.triggers if t.kind == "claim" and not t.hypothetical), None)


def _non_violent_frame(facts: SentenceFacts) -> str | None:
    """A sentence whose violence is reported inside a warning or accusation ("accused of attacks"). Blame for
    a violence the sentence presupposes ("blamed the rebels for the murder of ...") reports it, and names who."""
    for kind in ("warning", "accusation", "threat"):
        match = _EVENT_VERBS[kind].search(facts.text)
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
        trigger = _claim_trigger(facts)
        if trigger is None:
            continue
        claimant = find_claimant(facts.role_text, facts.actors, trigger.start)
        claims.append((facts, claimant))
        before = [i for i in incidents if i.facts[0].index <= facts.index and not i.background]
        target = before[-1] if before else next((i for i in incidents if not i.background), None)
        if target is not None and target.claim is None and claimant is not None:
            target.claim, target.claimant = facts, claimant
    return claims


def _incident_place(incident: Incident, gazetteer: Gazetteer, context: Context, dateline: PlaceName | None,
                    article_places: list[PlaceName]):
    own = [p for f in incident.facts for p in f.places]
    mine = {id(p) for p in own}
    others = [p for p in article_places if id(p) not in mine]
    return incident_place(gazetteer, own, others, dateline, context)


@dataclass
class Resources:
    """What extraction needs, loaded once: the pipeline, the actor registry and the gazetteer."""

    nlp: object
    registry: Registry
    gazetteer: Gazetteer


def _event_id(article_id: str, event_type: str, start: int) -> str:
    return hashlib.sha256(f"{article_id}|{event_type}|{start}".encode()).hexdigest()[:16]


def _base_row(article: Article, event_type: str, evidence: Sentence, confidence: float) -> dict:
    return {
        "event_id": _event_id(article.id, event_type, evidence.start),
        "article_id": article.id,
        "source": article.source,
        "published": article.published,
        "event_type": event_type,
        "evidence": evidence.text,
        "evidence_start": evidence.start,
        "evidence_end": evidence.end,
        "confidence": confidence,
        "date_precision": "unknown",
        "geo_precision": "unknown",
    }


def _put_place(row: dict, place: Place | None) -> None:
    if place is None:
        return
    row.update(location=place.name if place.precision in ("city", "point") else None, admin1=place.admin1,
               country=place.country, lat=place.lat, lon=place.lon, geo_precision=place.precision)
    if place.precision == "admin1":
        row["location"] = place.admin1 or place.name


def _put_date(row: dict, mention: DateMention | None) -> None:
    row.update(date_columns(mention))


def _put_role(row: dict, prefix: str, role: Role | None) -> None:
    if role is not None:
        row[prefix] = role.name
        row[f"{prefix}_type"] = role.type


def _incident_evidence(incident: Incident) -> Sentence:
    with_figures = [f for f in incident.facts if f.casualties]
    return (with_figures or incident.facts)[0].sentence


def incident_row(article: Article, incident: Incident, res: Resources, context: Context,
                 dateline: PlaceName | None, article_places: list[PlaceName], groups: tuple[str, ...] = ()
                 ) -> tuple[dict, list[tuple[Role, SentenceFacts | None]]]:
    """The event-table row of one incident and its further targets (`dyad_rows`); `groups` are the armed
    groups the article names."""
    triggers = [t for f in incident.facts for t in f.violent()]
    event_type = incident_type(triggers, " ".join(f.text for f in incident.facts)) or "attack"
    row = _base_row(article, event_type, _incident_evidence(incident), 0.5)
    figures = [c for f in incident.facts for c in f.casualties]
    for kind in ("killed", "injured"):
        row.update(figure_columns(total_casualties(figures, kind), kind, article.text))
    _put_date(row, best_date(incident.dates()))
    chosen = _incident_place(incident, res.gazetteer, context, dateline, article_places)
    _put_place(row, chosen[0] if chosen else None)
    perpetrator = incident_perpetrator(incident, res.registry, groups, row.get("country"))
    _put_role(row, "actor1", perpetrator)
    targets = incident_targets(incident, perpetrator)
    _put_role(row, "actor2", targets[0][0] if targets else None)
    row["targets"] = "; ".join(role.name for role, _ in targets) or None
    if incident.claimant is not None:
        row["claimed_by"] = incident.claimant.name
    grounded = sum(bool(row.get(k)) for k in ("date", "lat", "killed", "actor1"))
    row["confidence"] = round(min(0.95, 0.55 + 0.1 * grounded - (0.2 if incident.background else 0)), 2)
    return row, targets[1:]


def dyad_rows(article: Article, row: dict, further: list[tuple[Role, SentenceFacts | None]]) -> list[dict]:
    """One row per further target of an incident (one row per initiator-target pair, as the conflict
    datasets code dyads): the incident's row with that target as actor2 and its own evidence sentence,
    `part_of` the incident's main row, and no casualty figures, so that sums over rows stay right."""
    rows = []
    for role, facts in further:
        evidence = facts.sentence if facts is not None else None
        dyad = dict(row, part_of=row["event_id"], linked_event_id=None, **figure_columns(None, "killed"),
                    **figure_columns(None, "injured"))
        if evidence is not None:
            dyad.update(evidence=evidence.text, evidence_start=evidence.start, evidence_end=evidence.end)
        dyad["event_id"] = _event_id(article.id, f"{row['event_type']}|{role.name}", dyad["evidence_start"])
        dyad["actor2"], dyad["actor2_type"] = role.name, role.type
        rows.append(dyad)
    return rows


def _frame_actors(facts: SentenceFacts, match: re.Match) -> tuple[ActorSpan | None, ActorSpan | None]:
    """The actors before and after a frame's verb; a country after a locative ("operating in Colombia") is
    a place, not an actor."""
    text = facts.role_text
    actors = [a for a in facts.actors if a.type != "media" and not (
        a.type == "state" and PLACE_BEFORE.search(text[max(0, a.start - 40):a.start]))]
    before = [a for a in actors if a.end <= match.start()]
    after = [a for a in actors if a.start >= match.end()]
    return (before[-1] if before else None), (after[0] if after else None)


def frame_rows(article: Article, sentences: list[SentenceFacts]) -> list[dict]:
    """Warnings, threats, accusations, arrests and protests stated with a verb."""
    rows = []
    for facts in sentences:
        for kind, regex in _EVENT_VERBS.items():
            match = regex.search(facts.text)
            if match is None or (kind != "accusation" and _GENERIC.search(facts.text[:match.start()][-40:])):
                continue
            first, second = _frame_actors(facts, match)
            if kind == "accusation" and re.search(r"\b(?:has|have|had|was|were|been|is|are) (?:been )?accused",
                                                   facts.text):
                first, second = _accused_frame(facts, match)
            if first is None and second is None:
                continue
            row = _base_row(article, kind, facts.sentence, 0.6)
            _put_role(row, "actor1", Role(first.name, first.type, "frame") if first else None)
            _put_role(row, "actor2", Role(second.name, second.type, "frame") if second else None)
            _put_date(row, best_date(facts.dates))
            rows.append(row)
            break
    return rows


def _accused_frame(facts: SentenceFacts, match: re.Match) -> tuple[ActorSpan | None, ActorSpan | None]:
    """ "X has been accused of attacking Y": the accused is the alleged initiator, Y the target."""
    accused, target = _frame_actors(facts, match)
    later = [a for a in facts.actors if a.start >= match.end() and a.name != (accused.name if accused else None)]
    return accused, (later[0] if later else target)


def claim_rows(article: Article, claims, incidents: list[Incident], rows: dict[int, dict]) -> list[dict]:
    """One claim event per claim sentence, linked to the attack it claims."""
    out = []
    for facts, claimant in claims:
        row = _base_row(article, "claim", facts.sentence, 0.7 if claimant else 0.4)
        _put_role(row, "actor1", claimant)
        _put_date(row, best_date(facts.dates))
        linked = next((i for i in incidents if i.claim is facts), None)
        if linked is not None:
            attack = rows[id(linked)]
            row["linked_event_id"] = attack["event_id"]
            attack["linked_event_id"] = row["event_id"]
            if attack.get("country"):  # the claim concerns that country; it was not made at the scene
                row.update(country=attack["country"], geo_precision="country")
            row["claimed_by"] = claimant.name if claimant else None
            _put_role(row, "actor2", Role(attack["actor2"], attack["actor2_type"], "link")
                      if attack.get("actor2") else None)
        out.append(row)
    return out


# How much an armed group's home country counts towards where the article's places are, against 1 for a
# country the text names: enough to read "Hays" as Yemen's beside the Houthis, not to outweigh the text.
GROUP_COUNTRY_WEIGHT = 0.5


def article_context(sentences: list[SentenceFacts], gazetteer: Gazetteer, dateline: PlaceName | None,
                    registry: Registry | None = None) -> Context:
    """What the article's place names (and the home countries of the armed groups it names) say about
    where things are (see `places.place_context`)."""
    letters = [c for f in sentences for c in f.text[:200] if c.isalpha()]
    upper = sum(c.isupper() for c in letters) > 0.6 * max(1, len(letters))
    context = place_context(gazetteer, [p for f in sentences for p in f.places], dateline, upper)
    groups = {a.name for f in sentences for a in f.actors if a.type == "armed_group"} if registry else set()
    for name in sorted(groups):
        home = registry.actors[name].country if name in registry.actors else None
        country = gazetteer.country(home, iso_codes=False) if home else None
        if country is not None:
            context = context.with_place(country, weight=GROUP_COUNTRY_WEIGHT)
    return context


def extract_from_facts(article: Article, sentences: list[SentenceFacts], res: Resources) -> list[dict]:
    """Events of an article whose sentences have been read; main incident first."""
    dateline = find_dateline(article.text)
    context = article_context(sentences, res.gazetteer, dateline, res.registry)
    incidents = group_incidents(sentences)
    claims = link_claims(sentences, incidents)
    ordered = sorted(incidents, key=_salience, reverse=True)
    article_places = [p for f in sentences for p in f.places]
    groups = tuple(dict.fromkeys(a.name for f in sentences for a in f.actors if a.type == "armed_group"))
    made = {id(i): incident_row(article, i, res, context, dateline, article_places, groups) for i in ordered}
    rows = {key: row for key, (row, _) in made.items()}
    events = [rows[id(i)] for i in ordered]
    dyads = [d for i in ordered for d in dyad_rows(article, rows[id(i)], made[id(i)][1])]
    events += claim_rows(article, claims, incidents, rows)
    events += frame_rows(article, sentences)
    return events + dyads


def extract_articles(articles: list[Article], res: Resources) -> list[list[dict]]:
    """The events of each article; the statistical model sees the event sentences of the whole batch at once."""
    read = [read_sentences(article) for article in articles]
    chosen = [f for sentences in read for f in sentences if needs_model(f)]
    for facts, doc in zip(chosen, tag_entities(chosen, res.nlp, res.gazetteer), strict=True):
        add_entities(facts, doc, res.registry)
    return [extract_from_facts(article, sentences, res) for article, sentences in zip(articles, read, strict=True)]


def extract_article(article: Article, res: Resources) -> list[dict]:
    """All events of one article (the statistical pipeline runs on event sentences only)."""
    return extract_articles([article], res)[0]
