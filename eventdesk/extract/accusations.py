"""Who accuses whom: the accuser (actor1) and the accused (actor2) of an accusation.

Active: "Y accused X of ...", "Y has accused X", "Y blamed X for ...", "Y blamed the attack on X",
"Y alleged that X ..." -> Y accuses X.
Passive: "X has been accused of ...", "X was accused by Y of ...", "X is blamed for ...", "X, which has
been accused of ...", "X, accused by Y of ...", the headline "X accused of ..." -> X is the accused; the
accuser is the agent after "by", else unknown, and never X itself.
"""

from __future__ import annotations

from eventdesk.extract.agents import ACCUSED_PASSIVE, ACCUSED_SUBJECT, ACCUSER_BY
from eventdesk.extract.facts import ActorSpan, Role, SentenceFacts
from eventdesk.extract.perpetrators import PLACE_BEFORE
from eventdesk.extract.rules import rule

# The accused of an active accusation is its object, named before what it is accused of ("of attacking",
# "for the attack"); "blamed the attack on X" names it after "on"; "alleged that X" as the clause's subject.
ACCUSED_OBJECT = rule(
    "accusations.accused_object",
    r"^(?:\s+(?:(?:members|leaders|fighters|militants|elements|supporters|commanders|forces|units|cells?|officials)"
    r"\s+of|(?!(?:of|for|over|in|with|after|on|at|to|from|that|and|but)\b)[\w'-]+)){0,3}\s+$|"
    r"^(?:\s+(?!(?:of|for)\b)[\w'-]+){1,4}\s+on\s+(?:the\s+)?$|^\s+that\s+(?:the\s+)?$",
    [" ", " the ", " the leaders of ", " the attack on the ", " that the "],
    counterexamples=[" Iran of attacking ", " the rebels for the attack on ", " X of the bombing, and "],
)
# A backer named in the accused's place is not the accused: "accused Iran-backed militias of ...".
_BACKER_AFTER = rule("accusations.backer_after", r"^-?(?:backed|led|sponsored|aligned|allied|supported)\b",
                     ["-backed militias", "-led coalition"], counterexamples=[" of attacking ships"])


def _candidates(facts: SentenceFacts) -> list[ActorSpan]:
    """The actors that may accuse or be accused: no newspaper that tells of it, no country after a locative."""
    text = facts.role_text
    return [a for a in facts.actors if a.type != "media" and not (
        a.type == "state" and PLACE_BEFORE.search(text[max(0, a.start - 40):a.start]))]


def _role(actor: ActorSpan | None, basis: str) -> Role | None:
    return Role(actor.name, actor.type, basis, actor.start, actor.end) if actor is not None else None


def accusation_roles(facts: SentenceFacts, verb_start: int, verb_end: int) -> tuple[Role | None, Role | None]:
    """(accuser, accused) of the accusation whose verb is at `verb_start:verb_end` of the sentence: either
    may be None (unknown), and they are never one actor."""
    text = facts.role_text
    passive = next((m for m in ACCUSED_PASSIVE.finditer(text) if m.end() == verb_end), None)
    if passive is not None:
        return _passive_roles(facts, passive.start(), passive.end())
    return _active_roles(facts, verb_start, verb_end)


def _passive_roles(facts: SentenceFacts, start: int, end: int) -> tuple[Role | None, Role | None]:
    """ "X has been accused (by Y) of ...": Y (or nobody) accuses X."""
    text, actors = facts.role_text, _candidates(facts)
    before = [a for a in actors if a.end <= start]
    accused = before[-1] if before and ACCUSED_SUBJECT.match(text[before[-1].end:start]) else None
    agent = next((a for a in actors if a.start >= end and ACCUSER_BY.match(text[end:a.start])), None)
    if accused is not None and agent is not None and agent.name == accused.name:
        agent = None
    return _role(agent, ACCUSER_BY.name), _role(accused, ACCUSED_SUBJECT.name)


def _active_roles(facts: SentenceFacts, start: int, end: int) -> tuple[Role | None, Role | None]:
    """ "Y accused X of ...": the subject before the verb accuses its object."""
    text, actors = facts.role_text, _candidates(facts)
    before = [a for a in actors if a.end <= start]
    accuser = before[-1] if before else None
    accused = next((a for a in actors if a.start >= end and (accuser is None or a.name != accuser.name)
                    and ACCUSED_OBJECT.search(text[end:a.start]) and not _BACKER_AFTER.match(text[a.end:])), None)
    return _role(accuser, "accusations.accuser_subject"), _role(accused, ACCUSED_OBJECT.name)
