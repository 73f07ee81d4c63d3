"""Casualty mentions read from a sentence, with their qualifiers.

A mention is one phrase that reports deaths or injuries ("at least 40 lives", "left 120
others injured", "the death toll rose to 26", "shot dead a police officer", "no one was hurt"),
read by one of the named rules of `casualty_rules` (the mention keeps the rule's name).
`find_casualties` reads the mentions of a sentence; `total_casualties` (from `casualty_totals`,
where the combining lives) makes the killed and injured figures of one incident from them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from eventdesk.extract import casualty_bodies as cb
from eventdesk.extract import casualty_reports as reports
from eventdesk.extract import casualty_rules as cr
from eventdesk.extract.casualty_totals import (
    ATTACKER,
    Casualty,
    Total,
    attacker_deaths,
    figure_columns,
    total_casualties,
)
from eventdesk.extract.casualty_words import QUALIFIER_OF
from eventdesk.extract.numbers import NUMBER, parse_number
from eventdesk.extract.rules import Rule, rule
from eventdesk.extract.text import is_upper_case

_DETERMINERS = {"a", "an", "his", "her", "their", "its", "the"}
_SHOT_VERBS = {"shot", "shooting", "shoots"}
# Ten thousand dead or more is the toll of a war or a campaign ("massacred 70,000 Salvadorans"), not of one incident.
_MOST_IN_ONE_INCIDENT = 10_000
__all__ = ["Casualty", "Total", "attacker_deaths", "figure_columns", "find_casualties", "total_casualties"]
_PLURAL = re.compile(r"(?:people|men|women|children|police|troops|personnel|staff|crew|forces|[^s]s)$", re.IGNORECASE)


def _kind(verb: str) -> str:
    return "killed" if cr.KILL_STEM.search(verb) else "injured"


def _is_shot(verb: str) -> bool:
    """ "shot" or "was shot" with no word of its outcome: hit, not said to be dead or wounded."""
    words = verb.lower().split()
    return bool(words) and words[-1] in _SHOT_VERBS and not cr.KILL_STEM.search(verb)


def _qualifier(match: re.Match) -> str:
    word = (match.group("q") or "").lower()
    return QUALIFIER_OF.get(word, "exact")


def _is_subset(text: str, start: int, end: int) -> bool:
    return bool(cr.SUBSET_BEFORE.search(text[max(0, start - 25):start]) or cr.SUBSET_AFTER.match(text[end:end + 20]))


def _mention(text: str, kind: str, match: re.Match, count: int | None, **extra) -> Casualty | None:
    if count is None:
        return None
    start, end = match.span()
    return Casualty(kind, count, _qualifier(match) if "q" in match.re.groupindex else "exact", start, end,
                    subset=_is_subset(text, start, end), **extra)


def _item_count(item: re.Match) -> int | None:
    if item.group("single") or item.group("one"):
        return 1
    if item.group("part"):
        return parse_number(item.group("part"))
    raw = item.group("n")
    if raw.lower() in _DETERMINERS:  # "the driver" is one; "the villagers" are not counted
        return None if _PLURAL.search(item.group("v")) else 1
    return parse_number(raw)


def _list_kind(match: re.Match) -> str | None:
    verb = match.group("verb").lower()
    after = (match.group("after") or "").lower() if "after" in match.re.groupindex else ""
    if verb.startswith(("lea", "left")) and not after:
        return None
    return _kind(after or verb)


def _list_mentions(text: str, match: re.Match) -> Iterator[Casualty]:
    kind = _list_kind(match)
    if kind is None:
        return
    shot = _is_shot(match.group("verb")) and not match.group("after")
    offset = match.start("items")
    for index, item in enumerate(cr.ITEM.finditer(match.group("items"))):
        count = _item_count(item)
        if count is None:
            continue
        start, end = offset + item.start(), offset + item.end()
        # "nine people, five of them soldiers": a part named after the whole is a subset.
        part_of_earlier = index > 0 and bool(item.group("part"))
        yield Casualty(kind, count, _qualifier(item), start, end, item.group("v") or item.group("one"),
                       subset=part_of_earlier or _is_subset(text, start, end), shot=shot)


def _counted(text: str, match: re.Match) -> Iterator[Casualty]:
    raw = match.group("n")
    count = parse_number(raw)
    if count is not None and not _looks_like_year(raw, count):
        yield _mention(text, _kind(match.group("verb")), match, count, victims=match.group("v"))


def _with_owner(text: str, match: re.Match) -> Iterator[Casualty]:
    count = parse_number(match.group("n"))
    if count is not None:
        yield _mention(text, _kind(match.group("verb")), match, count + 1, victims=match.group("v"))


def _toll(text: str, match: re.Match) -> Iterator[Casualty]:
    yield _mention(text, "killed", match, parse_number(match.group("n")), toll=True)
    for update in cr.TOLL_UPDATE.finditer(text, match.end()):
        yield _mention(text, "killed", update, parse_number(update.group("n")), toll=True)


def _lives(text: str, match: re.Match) -> Iterator[Casualty]:
    yield _mention(text, "killed", match, parse_number(match.group("n")), victims="people")


def _figure(text: str, match: re.Match) -> Iterator[Casualty]:
    yield _mention(text, "killed", match, parse_number(match.group("n")))


def _single(text: str, match: re.Match) -> Iterator[Casualty]:
    verb = match.group("verb")
    yield Casualty(_kind(verb), 1, "exact", *match.span(), victims=match.group("v"),
                   subset=_is_subset(text, *match.span()), shot=_is_shot(verb))


def _couple(text: str, match: re.Match) -> Iterator[Casualty]:
    yield Casualty(_kind(match.group("verb")), 2, "exact", *match.span(), victims="couple",
                   subset=_is_subset(text, *match.span()))


def _listed(text: str, match: re.Match) -> Iterator[Casualty]:
    """A headline's bare person and those listed after it: "Gunmen kill judge, his son" (two)."""
    count = 1 + len(re.findall(r",|\band\b|&", match.group("more")))
    yield Casualty(_kind(match.group("verb")), count, "exact", *match.span(), victims=match.group("v"),
                   subset=_is_subset(text, *match.span()))


def _person(text: str, match: re.Match) -> Iterator[Casualty]:
    count = 2 if match.group("also") else 1
    yield Casualty(_kind(match.group("verb")), count, "exact", *match.span(), victims=match.group("v"),
                   subset=_is_subset(text, *match.span()))


def _bare(text: str, match: re.Match) -> Iterator[Casualty]:
    raw = match.group("n")
    count = parse_number(raw)
    if count is not None and not _looks_like_year(raw, count):
        yield _mention(text, _kind(match.group("verb")), match, count)


def _result(text: str, match: re.Match) -> Iterator[Casualty]:
    yield _mention(text, _kind(match.group("verb")), match, parse_number(match.group("n")))


def _one_dead(text: str, match: re.Match) -> Iterator[Casualty]:
    victims = next((match.group(g) for g in ("v", "w") if g in match.re.groupindex and match.group(g)), None)
    yield Casualty("killed", 1, "exact", *match.span(), victims=victims, subset=_is_subset(text, *match.span()))


def _found_several(text: str, match: re.Match) -> Iterator[Casualty]:
    yield _mention(text, "killed", match, parse_number(match.group("n")), victims=match.group("v"))


def _found_hurt(text: str, match: re.Match) -> Iterator[Casualty]:
    count = parse_number(match.group("n")) if match.group("n") else 1
    yield _mention(text, "injured", match, count, victims=match.group("v") or "person")


def _to_death(text: str, match: re.Match) -> Iterator[Casualty]:
    count = 1 if match.group("one") or match.group("det") else parse_number(match.group("n"))
    yield _mention(text, "killed", match, count, victims=match.group("v") or match.group("one"))


def _some_fatally(text: str, match: re.Match) -> Iterator[Casualty]:
    """ "four teenagers were shot, one fatally": the dead, and the rest of those shot as injured."""
    shot, dead = parse_number(match.group("n")), parse_number(match.group("m"))
    if shot is None or dead is None or dead > shot:
        return
    victims = match.group("v") if "v" in match.re.groupindex else None
    yield Casualty("killed", dead, "exact", *match.span(), victims=victims)
    if shot > dead:
        yield Casualty("injured", shot - dead, _qualifier(match), *match.span(), victims=victims)


def _shot(text: str, match: re.Match) -> Iterator[Casualty]:
    raw = match.group("n")
    count = parse_number(raw)
    if count is not None and not _looks_like_year(raw, count):
        yield _mention(text, "injured", match, count, victims=match.group("v"), shot=True)


def _attackers_killed(text: str, match: re.Match) -> Iterator[Casualty]:
    count = parse_number(match.group("n"))
    if count is not None and ATTACKER.search(match.group("v")):
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
    count = parse_number(match.group("n")) if "n" in match.re.groupindex else 1
    if count is not None:
        yield Casualty("killed", count, "exact", *match.span(), later=True)


def _zero_both(text: str, match: re.Match) -> Iterator[Casualty]:
    yield Casualty("killed", 0, "exact", *match.span())
    yield Casualty("injured", 0, "exact", *match.span())


def _zero_killed(text: str, match: re.Match) -> Iterator[Casualty]:
    yield Casualty("killed", 0, "exact", *match.span())


def _zero_hurt(text: str, match: re.Match) -> Iterator[Casualty]:
    yield Casualty("injured", 0, "exact", *match.span())


_Reader = Callable[[str, re.Match], Iterator[Casualty]]
# In order of priority: where two mentions of one kind overlap, the earlier reader's is kept.
_READERS: tuple[tuple[Rule, _Reader], ...] = (
    (cr.ZERO_BOTH, _zero_both),
    (cr.ZERO_KILLED, _zero_killed),
    (cr.ZERO_HURT, _zero_hurt),
    (cr.SHOT_SOME_FATALLY, _some_fatally),
    (cr.SHOOTING_SOME_FATALLY, _some_fatally),
    (cr.WITH_OWNER, _with_owner),
    (cr.ACTIVE, _list_mentions),
    (cr.PASSIVE_LIST, _list_mentions),
    (cr.PASSIVE_RELATIVE, _counted),
    (cr.PASSIVE, _counted),
    (cr.TOLL, _toll),
    (cr.TOLL_BROUGHT, _toll),
    (cr.LIVES, _lives),
    (cr.LIVES_OF, _lives),
    (cr.DEAD_NOUN, _figure),
    (cr.LEFT_DEAD, _result),
    (cr.SINGLE, _single),
    (cr.SINGLE_PERSON, _person),
    (cr.SINGLE_PRONOUN, _single),
    (cr.SINGLE_PASSIVE, _single),
    (cr.NAMED_VICTIM, _single),
    (cr.AGED_VICTIM, _single),
    (cr.APPOSED_VICTIM, _single),
    (cr.ANOTHER, _single),
    (cr.LEFT_PERSON, _single),
    (cr.ELLIPTICAL, _single),
    (cr.HEADLINE_VICTIM, _single),
    (cr.HEADLINE_OBJECT, _listed),
    (cr.TO_DEATH, _to_death),
    (cr.OUTCOME_ADJECTIVE, _single),
    (cr.COUPLE_OBJECT, _couple),
    (cr.COUPLE_VICTIM, _couple),
    (cb.BODIES_COUNTED, _figure),
    (cb.BODIES_OF, _figure),
    (cb.A_BODY, _one_dead),
    (cb.FOUND_DEAD, _one_dead),
    (cb.FOUND_DEAD_PASSIVE, _one_dead),
    (cb.FOUND_SEVERAL_DEAD, _found_several),
    (cb.FOUND_HURT, _found_hurt),
    (cb.KILLING_OF, _figure),
    (cb.DEAD_ADJECTIVE, _figure),
    (cb.ONE_VICTIM, _single),
    (cb.KILLING_OF_ONE, _one_dead),
    (cb.DEAD_ADJECTIVE_ONE, _one_dead),
    (cb.NICKNAMED_VICTIM, _one_dead),
    (cr.BARE, _bare),
    (cr.BARE_PLURAL, _counted),
    (cr.PASSIVE_PLURAL, _counted),
    (cr.SHOT, _shot),
    (cr.SELF_AND_OTHERS, _self_and_others),
    (cr.OTHERS_AND_SELF, _self_and_others),
    (cr.SELF_KILLED, _attackers_killed),
    (cr.BESIDES, _attackers_killed),
    (cr.ATTACKER_KILLED, _attacker_killed),
    (cr.ATTACKER_HURT, _attacker_hurt),
    (cr.DIED_OF_THEM, _later_death),
    (cr.PRONOUNCED_DEAD, _later_death),
    (cr.LATER_DEATH, _later_death),
)


def find_casualties(text: str, offset: int = 0) -> list[Casualty]:
    """Every casualty mention in a sentence, in text order (overlaps resolved by the readers' priority), with
    offsets from `offset` on. A sentence that joins several headlines with semicolons is read headline by
    headline; a headline is a report of its own, never added to the figures of another. Upper-case wire copy is
    read in lower case."""
    if not cr.ANY_CUE.search(text):
        return []
    if is_upper_case(text):  # read in lower case (same offsets), where capitals no longer look like names
        lowered = text.lower()
        text = lowered if len(lowered) == len(text) else text
    text = GLUED_VERB.sub(lambda glued: glued.group(0)[:-1] + " ", text)
    breaks = list(reports.REPORT_BREAK.finditer(text))
    starts = [0] + [m.end() for m in breaks]
    ends = [m.start() for m in breaks] + [len(text)]
    headline = bool(breaks) or bool(reports.HEADLINE_END.search(text))
    found = []
    for start, end in zip(starts, ends, strict=True):
        piece = text[start:end]
        period = headline and bool(reports.OVER_A_PERIOD.search(piece))
        for mention in _statement_mentions(piece, headline):
            found.append(replace(mention, start=mention.start + start + offset, end=mention.end + start + offset,
                                 report=start + offset if headline else None, period=period))
    return found


# A name glued to its verb, as headline feeds write them ("Boko Haramkills 15"): the name's last letter is read
# as the space it lost, so that offsets stay those of the text.
GLUED_VERB = rule("casualties.glued_verb",
                  r"\b[A-Z][a-z]{2,}(?=kill(?:s|ed)\b|kill\s+(?:\d|two|three|four|five|six|seven|eight|nine|ten)\b)",
                  ["Boko Haramkills 15 in northeast Nigeria", "Al-Qaidakills 6 captured rebels",
                   "Boko Haramkill two soldiers"],
                  flags=0, counterexamples=["Skills killed", "unskilled workers", "Overkill", "Kills 5"])


# Rules that read a figure ("14 people", "both gunmen"): a sentence without one is not searched with them.
_NEEDS_FIGURE = frozenset(r.name for r in (
    cr.SHOT_SOME_FATALLY, cr.SHOOTING_SOME_FATALLY, cr.WITH_OWNER, cr.PASSIVE_RELATIVE, cr.PASSIVE, cr.TOLL,
    cr.TOLL_BROUGHT, cr.LIVES, cr.LIVES_OF, cr.DEAD_NOUN, cr.LEFT_DEAD, cb.BODIES_COUNTED, cb.BODIES_OF, cr.BARE,
    cr.BARE_PLURAL, cr.PASSIVE_PLURAL, cr.SHOT, cb.FOUND_SEVERAL_DEAD, cb.KILLING_OF, cb.DEAD_ADJECTIVE,
    cr.SELF_AND_OTHERS, cr.OTHERS_AND_SELF, cr.SELF_KILLED, cr.BESIDES, cr.DIED_OF_THEM))
_FIGURE = re.compile(rf"\b(?:{NUMBER})|\bboth\b", re.IGNORECASE)


# The word a rule cannot do without: a sentence without it is not searched with the rule (the rules run on
# every sentence that names a death or an injury, and most of them look for a phrase only a few sentences have).
_NEEDS_WORD = {made.name: re.compile(words, re.IGNORECASE) for made, words in (
    (cr.ZERO_BOTH, r"\bno\b|nobody|without"), (cr.ZERO_KILLED, r"\bno\b|nobody"), (cr.ZERO_HURT, r"\bno\b"),
    (cr.SHOT_SOME_FATALLY, r"fatally|mortally|of (?:them|whom)"), (cr.SHOOTING_SOME_FATALLY, r"fatally|mortally|of"),
    (cr.SHOT, r"\bshot\b"), (cr.SELF_KILLED, r"themselves"), (cr.BESIDES, r"counting|excluding|addition|besides|plus"),
    (cb.BODIES_COUNTED, r"bodies|corpses"), (cb.BODIES_OF, r"bodies|corpses|remains"), (cb.A_BODY, r"body|corpse|head"),
    (cr.COUPLE_OBJECT, r"couple"), (cr.COUPLE_VICTIM, r"couple"), (cr.LIVES, r"lives"), (cr.LIVES_OF, r"lives"),
    (cr.TO_DEATH, r"to death"), (cr.PRONOUNCED_DEAD, r"pronounced"), (cr.LEFT_PERSON, r"\blea?(?:ve|ft)"),
    (cr.ELLIPTICAL, r"\b(?:and|while)\b"), (cr.WITH_OWNER, r"of (?:his|her)"),
    (cb.FOUND_DEAD, r"find|found|locat|discover|recover"),
    (cb.FOUND_DEAD_PASSIVE, r"found|locat|discover|recover"),
    (cb.FOUND_SEVERAL_DEAD, r"find|found|locat|discover|recover"), (cb.KILLING_OF, r"\bof\b"),
    (cb.FOUND_HURT, r"find|found|locat|discover"),
    (cr.SELF_AND_OTHERS, r"himself|herself"), (cr.OTHERS_AND_SELF, r"himself|herself"),
    (cr.ATTACKER_KILLED, r"\b(?:him|her|he|she|himself|herself|being)\b"),
    (cr.ATTACKER_HURT, r"\b(?:him|her|he|she)\b|self"),
    (cr.PASSIVE_RELATIVE, r"\b(?:who|that)\b"), (cr.DIED_OF_THEM, r"\bof\b"),
    (cr.TOLL, r"toll|number|fatalities|deaths"), (cr.TOLL_BROUGHT, r"number|total"),
)}


# Rules for one victim as headlines name them ("A commander assassinated in ...", "mob killing of a trader"):
# prose names its victims with their verbs, and recalls past killings in these words.
_HEADLINE_ONLY = frozenset(r.name for r in (cb.ONE_VICTIM, cb.KILLING_OF_ONE, cb.DEAD_ADJECTIVE_ONE))


def _statement_mentions(text: str, headline: bool = True) -> list[Casualty]:
    found: list[Casualty] = []
    counted = bool(_FIGURE.search(text))
    for made, read in _READERS:
        needed = _NEEDS_WORD.get(made.name)
        if not counted and made.name in _NEEDS_FIGURE or needed is not None and not needed.search(text) \
                or not headline and made.name in _HEADLINE_ONLY:
            continue
        for match in made.finditer(text):
            found.extend(replace(m, rule=made.name) for m in read(text, match)
                         if m is not None and m.count < _MOST_IN_ONE_INCIDENT)
    return _one_attacker(_drop_overlaps(found))


def _one_attacker(mentions: list[Casualty]) -> list[Casualty]:
    """A sentence that says twice that its attacker died ("blew herself up ..., killing two civilians and
    herself") counts that death once."""
    selves = [m for m in mentions if m.kind == "killed" and m.count == 1 and m.victims
              and (m.victims == "attacker" or ATTACKER.search(m.victims))]
    return [m for m in mentions if m not in selves[1:]]


def _looks_like_year(raw: str, count: int) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1900 <= count <= 2100


def _drop_overlaps(mentions: list[Casualty]) -> list[Casualty]:
    kept: list[Casualty] = []
    for mention in mentions:  # in order of the readers' priority
        clash = any(k.kind == mention.kind and k.start < mention.end and mention.start < k.end for k in kept)
        if not clash:
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)
