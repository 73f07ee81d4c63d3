"""Place names the gazetteer knows where neither a locative word nor the statistical NER put one.

Headlines often name the place without a preposition ("Donetsk shelling kills two", "Shells target
Aleppo", "Police officer killed in rebel attack;Sloviansk") and the small NER model misses or
mislabels such names. Runs of capitalised words are looked up in the gazetteer, longest first; a
name found this way is a weaker candidate than a written one: `places.resolve_name` keeps it only
where the article's context supports it (see `places.SCAN_MIN_POPULATION`). Capitalisation is no
evidence in a title-case headline, so common English words ("Shells", "Christmas") are never taken
alone, nor are actors' names ("Islamic State", "Boko Haram") or nationality words ("Yemeni").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from eventdesk.extract.entities import needs_model
from eventdesk.extract.facts import SentenceFacts
from eventdesk.extract.place_names import (
    SCANNED,
    PlaceName,
    dateline_end,
    is_no_scene_before,
    is_place_name,
    is_street_before,
)
from eventdesk.extract.places import is_droppable_word
from eventdesk.extract.text import is_upper_case
from eventdesk.geo.gazetteer import Gazetteer
from eventdesk.geo.names import fold, is_common

_MAX_WORDS = 4
# A sentence this short may be a bare place name (a joined headline's "Sloviansk"), so it is scanned
# though it tells of no event; longer ones are scanned only when they do.
_SHORT_WORDS = 6
# A word of a name: capitalised, or an Arabic article joined to one ("al-Bab", "Deir ez-Zor").
_WORD = re.compile(r"(?:(?:al|el|ad|ar|as|ash|at|az|an|ez|es|ed|er|et|ul|ud)-)?[A-Z][\w'’-]*")
# What may stand between two words of one name: a space, or a lower-case particle ("Jisr al Shughur").
# Words of the land that begin a name of their own: the name after them is no place by itself.
_FEATURE_WORDS = frozenset("lake mount mt river gulf sea jebel jabal jabel djebel wadi tal tall tell bay cape "
                           "mountains hills valley plain desert forest island islands sierra".split())
_PARTICLE = re.compile(r"\s+(?:al|el|ez|as|ash|ad|ar|de|del|la|da|do|dos|das|di|du|des|bin|ibn)\s+$")
_JOINER = re.compile(r"\s+(?:(?:al|el|ez|as|ash|ad|ar|de|del|la|da|do|dos|das|di|du|des|bin|ibn)\s+)?$")


def scan_names(text: str, offset: int, taken: Iterable[tuple[int, int]], gazetteer: Gazetteer) -> list[PlaceName]:
    """Names of places the gazetteer knows in a sentence, outside the spans `taken` (article offsets)."""
    spans = [(start - offset, end - offset) for start, end in taken]
    words = [w for w in _WORD.finditer(text) if not any(s < w.end() and w.start() < e for s, e in spans)]
    found: list[PlaceName] = []
    i = 0
    while i < len(words):
        size = 0 if i and _is_tail(text, words[i - 1], words[i]) else _longest_name(text, words, i, gazetteer)
        if size:
            start, end = words[i].start(), words[i + size - 1].end()
            found.append(PlaceName(text[start:end], offset + start, offset + end, None, False, SCANNED))
        i += max(size, 1)
    return found


def _is_tail(text: str, before: re.Match, word: re.Match) -> bool:
    """Whether a word is the tail of a longer name: after a particle ("San Marcos del| Valle") or a word of
    the land ("Lake| Chad", "Jebel| Marra")."""
    between = text[before.end():word.start()]
    return bool(_PARTICLE.match(between)) or (between.isspace() and fold(before.group()) in _FEATURE_WORDS)


def _longest_name(text: str, words: list[re.Match], i: int, gazetteer: Gazetteer) -> int:
    """How many words from `words[i]` make the longest name the gazetteer knows (0: none)."""
    last = i
    while last + 1 < len(words) and last + 1 - i < _MAX_WORDS and \
            _JOINER.match(text[words[last].end():words[last + 1].start()]):
        last += 1
    for end in range(last, i - 1, -1):
        name = text[words[i].start():words[end].end()]
        if is_street_before(text[words[end].end():]) or is_no_scene_before(text[words[end].end():]):
            continue
        if _worth_looking_up(name, gazetteer) and gazetteer.candidates(name):
            # "Santa Ana del Conde" is not Santa Ana: a name must end its run, or be followed by a word
            # of the headline ("Kandahar Blast Kills Three") or an acronym ("Kano PDP").
            following = words[end + 1].group() if end < last else ""
            return end - i + 1 if not following or following.isupper() or is_droppable_word(following) else 0
    return 0


def _worth_looking_up(name: str, gazetteer: Gazetteer) -> bool:
    key = fold(name)
    if not key or not is_place_name(name) or gazetteer.demonym(name) is not None:
        return False
    return " " in key or not is_common(key)


def add_scanned_names(sentences: Iterable[SentenceFacts], gazetteer: Gazetteer) -> None:
    """Each sentence's place names, less those inside an actor's name, with those the gazetteer knows added
    (not in an all-capitals text, where every word is capitalised), outside its actors, its dateline and
    the names the gazetteer reads (inside a name it cannot read, a known one may be: "in Front of North
    Darfur Prison")."""
    sentences = list(sentences)
    if any(is_upper_case(f.text) for f in sentences[:1]):
        return
    for facts in sentences:
        offset = facts.sentence.start
        facts.places = [p for p in facts.places if not _in_actor_name(p, facts)]
        if not (needs_model(facts) or len(facts.text.split()) <= _SHORT_WORDS):
            continue  # a sentence of no event, and no bare name of a place: not worth the lookups
        known = [p for p in facts.places if gazetteer.resolve(p.text) is not None or
                 (p.context and gazetteer.resolve_phrase(f"{p.text}, {p.context}") is not None)]
        taken = [(p.start, p.end) for p in known] + [(offset + a.start, offset + a.end) for a in facts.actors]
        if offset == 0:
            taken.append((0, dateline_end(facts.text)))  # the dateline is read as one (`find_dateline`)
        scanned = scan_names(facts.text, offset, taken, gazetteer)
        if scanned:
            facts.places = sorted([*facts.places, *scanned], key=lambda p: p.start)


def _in_actor_name(name: PlaceName, facts: SentenceFacts) -> bool:
    """Whether a place name is a word of an actor's name ("Islamic State in the Greater Sahara"); a state's
    own name ("Afghanistan") is also its place."""
    start, end = name.start - facts.sentence.start, name.end - facts.sentence.start
    return any(a.type != "state" and a.start <= start and end <= a.end and (a.start, a.end) != (start, end)
               for a in facts.actors)
