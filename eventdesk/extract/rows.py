"""Incidents, claims and framed statements into typed report rows: one dict per event, keyed by the
schema's column constants (`schema.EVENT_COLUMNS`).

`incident_row` gives an incident its type, toll, date, place and roles; `dyad_rows` repeat it once per
further target; `claim_rows` link each claim to the attack it claims; `frame_rows` read warnings, threats,
accusations, arrests and protests stated with a verb.
"""

from __future__ import annotations

import hashlib
import re

from eventdesk import schema as s
from eventdesk.actors import Registry
from eventdesk.articles import Article
from eventdesk.extract.accusations import accusation_roles
from eventdesk.extract.casualties import figure_columns, total_casualties
from eventdesk.extract.dates import DateMention, best_date, date_columns
from eventdesk.extract.events import explain_type
from eventdesk.extract.facts import ActorSpan, Incident, Role, SentenceFacts
from eventdesk.extract.grouping import FRAME_VERBS, MODAL, claim_trigger
from eventdesk.extract.perpetrators import PLACE_BEFORE, incident_perpetrator
from eventdesk.extract.place_hints import country_hints
from eventdesk.extract.places import PlaceName, incident_place, place_context, place_fields
from eventdesk.extract.resources import Resources
from eventdesk.extract.targets import incident_targets
from eventdesk.extract.text import Sentence
from eventdesk.geo.gazetteer import Context, Gazetteer

_ROLE_COLUMNS = {s.ACTOR1: (s.ACTOR1_TYPE, s.ACTOR1_REASON), s.ACTOR2: (s.ACTOR2_TYPE, s.ACTOR2_REASON)}


def _incident_place(incident: Incident, gazetteer: Gazetteer, context: Context, dateline: PlaceName | None,
                    article_places: list[PlaceName]):
    own = [p for f in incident.facts for p in f.places]
    mine = {id(p) for p in own}
    others = [p for p in article_places if id(p) not in mine]
    return incident_place(gazetteer, own, others, dateline, context)


def _event_id(article_id: str, event_type: str, start: int) -> str:
    return hashlib.sha256(f"{article_id}|{event_type}|{start}".encode()).hexdigest()[:16]


def _put_evidence(row: dict, evidence: Sentence) -> None:
    row.update({s.EVIDENCE: evidence.text, s.EVIDENCE_START: evidence.start, s.EVIDENCE_END: evidence.end})


def _base_row(article: Article, event_type: str, evidence: Sentence, confidence: float) -> dict:
    row = {
        s.EVENT_ID: _event_id(article.id, event_type, evidence.start),
        s.ARTICLE_ID: article.id,
        s.SOURCE: article.source,
        s.PUBLISHED: article.published,
        s.EVENT_TYPE: event_type,
        s.CONFIDENCE: confidence,
        s.DATE_PRECISION: "unknown",
        s.GEO_PRECISION: "unknown",
    }
    _put_evidence(row, evidence)
    return row


# The start of the date reason of a claim dated by the attack it claims.
LINKED_ATTACK_DATE = "linked attack's date"


def _put_date(row: dict, mention: DateMention | None) -> None:
    row.update(date_columns(mention))


def role_reason(role: Role, sentence: str | None = None) -> str:
    """The finder or rule that read a role, and its words when it is one span of `sentence`."""
    if sentence is not None and 0 <= role.start < role.end <= len(sentence):
        return f'{role.basis} "{sentence[role.start:role.end]}"'
    return role.basis


def _put_role(row: dict, column: str, role: Role | None, sentence: str | None = None) -> None:
    if role is not None:
        type_column, reason_column = _ROLE_COLUMNS[column]
        row[column], row[type_column], row[reason_column] = role.name, role.type, role_reason(role, sentence)


def type_reason(triggers: list, event_type: str | None, rule: str | None) -> str | None:
    """The trigger entry or type rule that decided an incident's type, with the first trigger's words of that type."""
    if rule is None:
        return None
    words = next((t.text for t in triggers if t.kind == event_type and not t.hypothetical), None)
    return f'{rule} "{words}"' if words else rule


def _incident_evidence(incident: Incident) -> Sentence:
    with_figures = [f for f in incident.facts if f.casualties]
    return (with_figures or incident.facts)[0].sentence


def incident_row(article: Article, incident: Incident, res: Resources, context: Context,
                 dateline: PlaceName | None, article_places: list[PlaceName], groups: tuple[str, ...] = ()
                 ) -> tuple[dict, list[tuple[Role, SentenceFacts | None]]]:
    """The event-table row of one incident and its further targets (`dyad_rows`); `groups` are the armed
    groups the article names."""
    triggers = [t for f in incident.facts for t in f.violent()]
    event_type, rule = explain_type(triggers, " ".join(f.text for f in incident.facts))
    row = _base_row(article, event_type or s.GENERIC_ATTACK, _incident_evidence(incident), 0.5)
    row[s.EVENT_TYPE_REASON] = type_reason(triggers, event_type, rule)
    figures = [c for f in incident.facts for c in f.casualties]
    for kind in ("killed", "injured"):
        row.update(figure_columns(total_casualties(figures, kind), kind, article.text))
    _put_date(row, best_date(incident.dates()))
    chosen = _incident_place(incident, res.gazetteer, context, dateline, article_places)
    row.update(place_fields(chosen))
    perpetrator = incident_perpetrator(incident, res.registry, groups, row.get(s.COUNTRY))
    _put_role(row, s.ACTOR1, perpetrator)
    targets = incident_targets(incident, perpetrator)
    if targets:
        role, facts = targets[0]
        _put_role(row, s.ACTOR2, role, facts.text if facts is not None else None)
    row[s.TARGETS] = "; ".join(role.name for role, _ in targets) or None
    if incident.claimant is not None:
        row[s.CLAIMED_BY] = incident.claimant.name
    grounded = sum(bool(row.get(k)) for k in (s.DATE, s.LAT, s.KILLED, s.ACTOR1))
    row[s.CONFIDENCE] = round(min(0.95, 0.55 + 0.1 * grounded - (0.2 if incident.background else 0)), 2)
    return row, targets[1:]


def dyad_rows(article: Article, row: dict, further: list[tuple[Role, SentenceFacts | None]]) -> list[dict]:
    """One row per further target of an incident (one row per initiator-target pair, as the conflict
    datasets code dyads): the incident's row with that target as actor2 and its own evidence sentence,
    `part_of` the incident's main row, and no casualty figures, so that sums over rows stay right."""
    rows = []
    for role, facts in further:
        dyad = dict(row)
        dyad.update({s.PART_OF: row[s.EVENT_ID], s.LINKED_EVENT_ID: None})
        dyad.update({**figure_columns(None, "killed"), **figure_columns(None, "injured")})
        if facts is not None:
            _put_evidence(dyad, facts.sentence)
        dyad[s.EVENT_ID] = _event_id(article.id, f"{row[s.EVENT_TYPE]}|{role.name}", dyad[s.EVIDENCE_START])
        _put_role(dyad, s.ACTOR2, role, facts.text if facts is not None else None)
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


def _frame_role(actor: ActorSpan | None) -> Role | None:
    return Role(actor.name, actor.type, "frame", actor.start, actor.end) if actor is not None else None


def frame_rows(article: Article, sentences: list[SentenceFacts]) -> list[dict]:
    """Warnings, threats, accusations, arrests and protests stated with a verb."""
    rows = []
    for facts in sentences:
        for kind, regex in FRAME_VERBS.items():
            match = regex.search(facts.text)
            if match is None or (kind != "accusation" and MODAL.search(facts.text[:match.start()][-40:])):
                continue
            first, second = _frame_actors(facts, match)
            roles = (_frame_role(first), _frame_role(second))
            if kind == "accusation":
                roles = accusation_roles(facts, match.start(), match.end())
            if roles == (None, None):
                continue
            row = _base_row(article, kind, facts.sentence, 0.6)
            row[s.EVENT_TYPE_REASON] = f'grouping.frame_verbs.{kind} "{match.group(0)}"'
            _put_role(row, s.ACTOR1, roles[0], facts.text)
            _put_role(row, s.ACTOR2, roles[1], facts.text)
            _put_date(row, best_date(facts.dates))
            rows.append(row)
            break
    return rows


def claim_rows(article: Article, claims, incidents: list[Incident], rows: dict[int, dict]) -> list[dict]:
    """One claim event per claim sentence, linked to the attack it claims."""
    out = []
    for facts, claimant in claims:
        row = _base_row(article, "claim", facts.sentence, 0.7 if claimant else 0.4)
        trigger = claim_trigger(facts)
        row[s.EVENT_TYPE_REASON] = f'{trigger.rule or "claim"} "{trigger.text}"' if trigger else "claim"
        _put_role(row, s.ACTOR1, claimant, facts.text)
        linked = next((i for i in incidents if i.claim is facts), None)
        # A claim that also reports its attack ("X claimed Tuesday's bombing, which killed 12") dates the attack:
        # the claim takes that date from the attack's row, saying so.
        if linked is None or not any(f is facts for f in linked.facts):
            _put_date(row, best_date(facts.dates))
        if linked is not None:
            _link_claim(row, rows[id(linked)], claimant)
        out.append(row)
    return out


def _link_claim(row: dict, attack: dict, claimant: Role | None) -> None:
    """A claim and the attack it claims point at each other; the claim concerns the attack's country (it
    was not made at the scene) and its target, and when it gives no date of its own, the attack's date."""
    row[s.LINKED_EVENT_ID] = attack[s.EVENT_ID]
    attack[s.LINKED_EVENT_ID] = row[s.EVENT_ID]
    if attack.get(s.COUNTRY):
        row.update({s.COUNTRY: attack[s.COUNTRY], s.GEO_PRECISION: "country",
                    s.PLACE_REASON: f"linked attack's country: {attack.get(s.PLACE_REASON) or attack[s.COUNTRY]}"})
    row[s.CLAIMED_BY] = claimant.name if claimant else None
    if attack.get(s.ACTOR2):
        _put_role(row, s.ACTOR2, Role(attack[s.ACTOR2], attack[s.ACTOR2_TYPE], "the linked attack's target"))
    if not row.get(s.DATE) and attack.get(s.DATE):  # a claim is dated by what it claims, unless it says when
        row.update({s.DATE: attack[s.DATE], s.DATE_PRECISION: attack[s.DATE_PRECISION],
                    s.DATE_REASON: f"{LINKED_ATTACK_DATE}: {attack[s.DATE_REASON]}",
                    s.DATE_UNTIL: attack.get(s.DATE_UNTIL)})


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
            context = context.with_hint(country, GROUP_COUNTRY_WEIGHT, f"the home country of {name}")
    for hint in (h for f in sentences for h in country_hints(f.text, gazetteer, f.sentence.start)):
        context = context.with_hint(hint.country, hint.weight, hint.reason)
    return context
