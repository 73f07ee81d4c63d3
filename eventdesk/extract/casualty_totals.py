"""How the casualty mentions of one incident combine into its killed and injured figures.

A `Casualty` is one mention (`casualties.find_casualties` reads them); `total_casualties` combines the
mentions of one incident: the latest toll wins, separately stated groups of one statement add up, subsets
do not, attackers count, later deaths of the wounded are added (a death told twice is counted once), and
an explicit "no casualties" gives zero. Several headlines of one event in one text are reports of it:
their middle figure is taken, never their sum. People shot whose fate is told apart ("two men were shot;
one died") are injured only if they did not die, and the fates told after them are parts of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from eventdesk import schema

ATTACKER = re.compile(r"attacker|assailant|gunm[ae]n|bomber|militant|insurgent|terrorist|jihadist|fighter|rebel|"
                       r"themselves|perpetrator|kidnapper|abductor|gang members|suspect|shooter|knifeman|hijacker|"
                       r"raider",
                       re.IGNORECASE)
_OTHERS = re.compile(r"\b(?:others|more)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Casualty:
    """One reported figure: `kind` is "killed" or "injured"; `later` marks a wounded victim who died after;
    `shot` people hit by gunfire whose fate is told apart. `rule` names the rule that read it; `report` is where
    the headline it was read from begins (a title line, or one of several headlines joined in one text), None in
    running prose. `period` marks a headline's toll over days or more ("72 killed this year"): not one event's."""

    kind: str
    count: int
    qualifier: str
    start: int
    end: int
    victims: str | None = None
    toll: bool = False
    subset: bool = False
    later: bool = False
    shot: bool = False
    rule: str | None = None
    report: int | None = None
    period: bool = False



@dataclass(frozen=True)
class Total:
    """An incident's figure of one kind, and the mentions it was made of (its reasons)."""

    count: int | None
    qualifier: str | None
    mentions: tuple[Casualty, ...] = ()


_FIGURE_COLUMNS = {
    "killed": (schema.KILLED, schema.KILLED_QUALIFIER, schema.KILLED_RULE, schema.KILLED_SPAN),
    "injured": (schema.INJURED, schema.INJURED_QUALIFIER, schema.INJURED_RULE, schema.INJURED_SPAN),
}


def figure_columns(total: Total | None, kind: str, text: str = "") -> dict:
    """The event-table columns of a figure: count, qualifier, the rules that read it and the words they read in
    `text` (the article the mentions' offsets refer to). None gives the columns empty."""
    count, qualifier, rule, span = _FIGURE_COLUMNS[kind]
    if total is None or total.count is None:
        return dict.fromkeys((count, qualifier, rule, span))
    rules = list(dict.fromkeys(m.rule for m in total.mentions if m.rule))
    spans = list(dict.fromkeys(" ".join(text[m.start:m.end].split()) for m in total.mentions if m.end > m.start))
    return {count: total.count, qualifier: total.qualifier, rule: "; ".join(rules) or None,
            span: " | ".join(s for s in spans if s) or None}


def total_casualties(mentions: Iterable[Casualty], kind: str) -> Total:
    """Combine the mentions of one incident (in text order) into one figure.

    The last toll ("the death toll rose to 26") wins. Otherwise groups stated together add up
    ("seven soldiers and 15 insurgents"), repeated figures are not added again (the largest
    statement is kept), deaths among the attackers, usually stated apart ("the bomber also
    died"), are added to those of their victims, and so are later deaths of the wounded.
    Several reports of one event (headlines joined in one text, a title over its article) each
    give a figure: the middle one is the event's, never their sum.
    """
    every = list(mentions)
    chosen = [m for m in every if m.kind == kind and not m.period and not (m.subset and _whole_before(m, every))]
    if kind == "injured":
        chosen = _survivors(chosen, every)
    else:
        chosen = _of_the_wounded(chosen, every)
    if not chosen:
        return Total(None, None)
    reports = sorted({m.report for m in chosen if m.report is not None})
    if not reports:
        return _combined(chosen)
    figures = [_combined([m for m in chosen if m.report == start]) for start in reports]
    prose = [m for m in chosen if m.report is None]
    figures += [_combined(prose)] if prose else []
    return _best_report(figures)


def _best_report(figures: list[Total]) -> Total:
    """The figure of several reports of one event: the middle one (the higher of two middles), which an early
    undercount or one inflated report does not move ("43 killed", "kill 47", "kill 45": 45)."""
    ranked = sorted(figures, key=lambda t: t.count)
    return ranked[len(ranked) // 2]


def _combined(chosen: list[Casualty]) -> Total:
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


def _survivors(injured: list[Casualty], every: list[Casualty]) -> list[Casualty]:
    """People shot, less those of them said to have died after ("Two men were shot. One died at the
    hospital."); a figure left with nobody is dropped."""
    kept = []
    for mention in injured:
        if mention.shot:
            # Those of them who died ("one of them died at the hospital") are a part of the people shot.
            dead = [m for m in every if m.kind == "killed" and m.end > mention.end and not _is_attacker(m)]
            died = _combined(dead).count if dead else 0
            if mention.count - died <= 0:
                continue
            mention = replace(mention, count=mention.count - died)
        kept.append(mention)
    return kept


def _of_the_wounded(killed: list[Casualty], every: list[Casualty]) -> list[Casualty]:
    """Later deaths ("he died at the hospital", "was pronounced dead") are of the wounded told before them: with
    nobody wounded before, they restate a death already counted ("A man was fatally shot. He was pronounced dead
    at the scene.") and are dropped, and they never outnumber the wounded."""
    kept = []
    for mention in killed:
        before = every[:next(i for i, m in enumerate(every) if m is mention)]  # mentions come in text order
        if mention.later and any(m.kind == "killed" and not m.later for m in before):
            hurt = sum(m.count for m in before if m.kind == "injured")
            if hurt <= 0:
                continue
            mention = replace(mention, count=min(mention.count, hurt))
        kept.append(mention)
    return kept


def _whole_before(part: Casualty, every: list[Casualty]) -> bool:
    """A part ("including 11 police officers", "four of them women") belongs to a figure stated before it; the dead
    among people shot ("two men were shot; one of them died") are the only figure of their kind."""
    earlier = [m for m in every if m.start < part.start and not m.subset]
    if part.kind == "killed" and any(m.shot for m in earlier) and not any(m.kind == "killed" for m in earlier):
        return False
    # With no figure before it, a part is all there is: "repelled the attack and killed 4 members of them".
    return bool(earlier)


def _is_attacker(mention: Casualty) -> bool:
    return bool(mention.victims and ATTACKER.search(mention.victims))


def _group_sums(mentions: list[Casualty]) -> list[list[Casualty]]:
    """Split mentions into runs that belong to one statement (nearby in the text, and not in two headlines) to
    add them up."""
    groups: list[list[Casualty]] = []
    for mention in mentions:
        last = groups[-1][-1] if groups else None
        # The fates of people shot, told after them ("Three people were shot. A man was critically wounded and
        # two women suffered minor injuries."), are parts of them, not more people: a new group.
        fate = last is not None and last.shot and not mention.shot and not _OTHERS.search(mention.victims or "")
        if last is not None and last.report == mention.report and 0 <= mention.start - last.end < 60 \
                and _victims_differ(groups[-1], mention) and not fate:
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


def _victims_differ(group: list[Casualty], mention: Casualty) -> bool:
    names = {(m.victims or "").lower() for m in group}
    return (mention.victims or "").lower() not in names


def attacker_deaths(mentions: Iterable[Casualty]) -> int:
    """Deaths among the attackers ("the assailant was also killed")."""
    return sum(m.count for m in mentions if m.kind == "killed" and m.victims and ATTACKER.search(m.victims))
