"""The trigger lexicon: event words declared as data, matched on words rather than surface forms.

`eventdesk/data/triggers.csv` lists every trigger once, by lemma, with its event type, its part of
speech, its strength and an example sentence: "kill" (a verb) stands for kill, kills, killed and
killing; "shoot ... dead" for shot dead, shoots two men dead and shooting him dead. A phrase is
written as words separated by spaces, where

    a/b        one word out of several ("drone/drones strike")
    ...        a gap of up to four words inside one clause ("set ... on fire")
    @class     any word of a class from `word_classes.csv` ("neutralise ... @combatant"; "#" in a class
               stands for any figure, so "@number dead" reads "3 dead" and "two dead")

and the part of speech says which word inflects: `verb` the first, `noun` the last, `verb@2` the
second, `fixed` none. Regular inflections are made here; irregular ones (shot, struck, blew) are
data in `inflections.csv`. Matching runs on lower-case word tokens, so it is one dictionary look-up
per word, cheap enough for every sentence of every article.

Strength says what a word reports alone: `act` an act of violence done ("ambushed", "shot dead",
"explosion"); `generic` violence without its method or its doing ("attack", "killing", "violence");
`instrument` a weapon or a force ("rifles", "drones"); `attacker` the people who attacked ("gunmen");
`outcome` that people died ("die", "3 dead"), which says violence only beside a casualty figure.
`accidents` marks words that accidents and disasters use too ("the flood killed", "lightning struck").
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from eventdesk.schema import EVENT_TYPES

GAP = "..."
FIGURE = "#"  # any figure ("3", "25"), in a word class
MAX_GAP = 4
STRENGTHS = ("act", "generic", "instrument", "attacker", "outcome")
_POS = re.compile(r"^(verb|noun|fixed)(?:@(\d))?$")
# A name glued to its verb in headline feeds ("Boko Haramkills 15") is two words: the name and "kills".
_TOKEN = re.compile(r"(?-i:[A-Z][a-z]{2,}?)(?=kill(?:s|ed)\b)|[^\W\d_]+(?:['’][^\W\d_]+)*|\d+")
_BREAK = re.compile(r"[,;:.!?()\[\]\"“”|]")
_VOWELS = "aeiou"
# Words before a noun: a form that can be either ("attack", "murders") is read as a noun after them.
_NOUN_BEFORE = frozenset(
    "a an the this that these those its their his her our my your another every each no any some such whose "
    "of in on at by for from with after before during against amid over following new fresh deadly "
    "one two three four five six seven eight nine ten several many".split())
_NOUN_AFTER = frozenset("of on against upon".split())
_DETERMINERS = frozenset("a an the this that these those its their his her our another every each such".split())
# Words a gap inside a phrase cannot hold: the gap is the object ("set the office on fire"), not a new phrase
# ("the pledge taken in Mexico City" does not take a city).
_NOT_IN_GAP = frozenset("in on at into onto from to during after before with by near for against that which who whom "
                        "when while where as because since".split())


@dataclass(frozen=True)
class Entry:
    """One line of the trigger lexicon."""

    name: str
    kind: str
    phrase: str
    pos: str
    strength: str
    accidents: bool
    example: str

    @property
    def noun(self) -> bool:
        return self.pos.startswith("noun")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    word: str  # lower case, without a possessive "'s"
    broken: bool  # a clause break (comma, colon, bracket) between this word and the one before
    possessed: bool = False  # the word before is a possessive plural ("the terrorists' attacks")


@dataclass(frozen=True)
class Hit:
    """A lexicon entry found in a text: its character span and its first and last token."""

    entry: Entry
    start: int
    end: int
    first: int
    last: int
    form: str = ""  # for a verb that inflects its first word: "base", "s", "ing" or "past" (see `verb_form`)

    @property
    def base(self) -> bool:
        """A verb in its base form ("kill", "attack"), as after "to" or a modal."""
        return self.form == "base"


def tokenize(text: str) -> list[Token]:
    """The words of a text with their offsets."""
    tokens, previous_end = [], 0
    for match in _TOKEN.finditer(text):
        word = match.group(0).lower().replace("’", "'")
        word = word[:-2] if word.endswith("'s") else word
        between = text[previous_end:match.start()]
        tokens.append(Token(match.start(), match.end(), word, bool(_BREAK.search(between)),
                            _possessive(text, tokens[-1] if tokens else None, between)))
        previous_end = match.end()
    return tokens


def _possessive(text: str, previous: Token | None, between: str) -> bool:
    """Whether the word before ends in a possessive apostrophe ("the terrorists' attacks"), not a closing quote
    ("'Russian forces' attack troops")."""
    if previous is None or not between.startswith(("'", "’")) or not previous.word.endswith("s"):
        return False
    opened = max(text.rfind(" '", 0, previous.start), text.rfind(" ‘", 0, previous.start))
    return opened < 0 and not text.startswith(("'", "‘"))


def _doubles(word: str) -> bool:
    """A short word ending consonant-vowel-consonant doubles its last letter (stab, stabbed)."""
    return (len(word) >= 3 and word[-1] not in _VOWELS + "wxy" and word[-2] in _VOWELS
            and word[-3] not in _VOWELS)


def _plural(word: str) -> str:
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith(("s", "sh", "ch", "x", "z", "o")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def verb_forms(lemma: str, irregular: dict[str, frozenset[str]]) -> frozenset[str]:
    """The forms of a verb: kill, kills, killed, killing (and any irregular forms)."""
    forms = {lemma, _plural(lemma) if not lemma.endswith("man") else lemma + "s"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", (lemma[:-2] + "ying") if lemma.endswith("ie") else lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        forms |= {lemma[:-1] + "ied", lemma + "ing"}
    else:
        forms |= {lemma + "ed", lemma + "ing"}
    if _doubles(lemma):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return frozenset(forms | irregular.get(lemma, frozenset()))


def verb_form(word: str, lemmas: frozenset[str]) -> str:
    """Which form of one of `lemmas` a word is: "base" (kill), "s" (kills), "ing" (killing) or "past" (killed, shot)."""
    if word in lemmas:
        return "base"
    if any(word == _plural(lemma) for lemma in lemmas):
        return "s"
    return "ing" if word.endswith("ing") else "past"


def _fixed_form(entry: Entry, word: str) -> str:
    """The form of the first word of a fixed phrase written as a verb ("torched", "caused ... deaths")."""
    if entry.pos != "fixed":
        return ""
    return "past" if word.endswith("ed") else "ing" if word.endswith("ing") else ""


def noun_forms(lemma: str, irregular: dict[str, frozenset[str]]) -> frozenset[str]:
    """The forms of a noun: attack, attacks (and any irregular forms)."""
    return frozenset({lemma, _plural(lemma)} | irregular.get(lemma, frozenset()))


def _read_csv(name: str) -> list[tuple[int, dict[str, str]]]:
    with resources.files("eventdesk").joinpath("data", name).open(encoding="utf-8", newline="") as handle:
        return list(enumerate(csv.DictReader(handle), start=2))


def _lexicon_error(line: int, message: str) -> ValueError:
    return ValueError(f"eventdesk/data/triggers.csv, line {line}: {message}; correct the line and run again")


def _entry(line: int, row: dict[str, str]) -> Entry:
    entry = Entry(row["name"], row["event_type"], row["phrase"], row["pos"], row["strength"],
                  row["accidents"] == "yes", row["example"])
    if entry.kind not in EVENT_TYPES:
        raise _lexicon_error(line, f"event type {entry.kind!r} is not one of {', '.join(EVENT_TYPES)}")
    if entry.strength not in STRENGTHS:
        raise _lexicon_error(line, f"strength {entry.strength!r} is not one of {', '.join(STRENGTHS)}")
    if not _POS.match(entry.pos):
        raise _lexicon_error(line, f"part of speech {entry.pos!r} is not verb, noun or fixed (with @N for the word)")
    if not entry.example or entry.phrase.split()[0] == GAP:
        raise _lexicon_error(line, "an entry needs an example and a phrase that starts with a word")
    return entry


@dataclass(frozen=True)
class _Pattern:
    entry: Entry
    slots: tuple[frozenset[str] | None, ...]  # None is a gap
    base: frozenset[str]  # the first word's base forms, for a verb that inflects its first word


class Lexicon:
    """The trigger entries compiled into word patterns, indexed by the forms of their first word."""

    def __init__(self, entries: list[Entry], irregular: dict[str, frozenset[str]],
                 classes: dict[str, frozenset[str]]):
        self.entries = tuple(entries)
        self._order = {entry.name: i for i, entry in enumerate(entries)}
        self._index: dict[str, list[_Pattern]] = defaultdict(list)
        for entry in entries:
            first = entry.phrase.lower().split()[0]
            base = frozenset(first.split("/")) if entry.pos == "verb" else frozenset()
            pattern = _Pattern(entry, _slots(entry, irregular, classes), base)
            for form in pattern.slots[0]:
                self._index[form].append(pattern)

    def find(self, text: str, tokens: list[Token] | None = None) -> list[Hit]:
        """Every entry found in `text`, longest first where two cover the same words."""
        tokens = tokenize(text) if tokens is None else tokens
        hits = []
        for i, token in enumerate(tokens):
            for pattern in self._index.get(_key(token.word), ()):
                last = _match(pattern.slots, tokens, 1, i)
                if last is not None:
                    entry = pattern.entry
                    form = verb_form(token.word, pattern.base) if pattern.base else _fixed_form(entry, token.word)
                    hits.append(Hit(pattern.entry, token.start, tokens[last].end, i, last, form))
        return _choose_readings(hits, tokens, self._order)


def _slots(entry: Entry, irregular, classes) -> tuple[frozenset[str] | None, ...]:
    words = entry.phrase.lower().split()
    kind, number = _POS.match(entry.pos).groups()
    plain = [i for i, word in enumerate(words) if word != GAP]
    head = None if kind == "fixed" else plain[int(number) - 1] if number else plain[0 if kind == "verb" else -1]
    inflect = verb_forms if kind == "verb" else noun_forms
    slots = []
    for i, word in enumerate(words):
        if word == GAP:
            slots.append(None)
        else:
            alternatives = word.split("/")
            slots.append(frozenset(f for w in alternatives for f in _forms(w, i == head, inflect, irregular, classes)))
    return tuple(slots)


def _forms(word: str, head: bool, inflect, irregular, classes) -> frozenset[str]:
    """The tokens one alternative of a phrase word stands for: a class's words, the inflections of the head
    word, or the word as written."""
    if word.startswith("@"):
        return frozenset(f for w in classes[word[1:]] for f in noun_forms(w, irregular))
    return inflect(word, irregular) if head else frozenset({word})


def _key(word: str) -> str:
    """A token as the patterns see it: any figure is "#" (the `number` class lists it)."""
    return FIGURE if word.isdigit() else word


def _match(slots, tokens: list[Token], slot: int, at: int) -> int | None:
    """The index of the last token of the longest match of slots[slot:] after token `at`, else None."""
    if slot == len(slots):
        return at
    if slots[slot] is None:
        for skip in range(MAX_GAP, -1, -1):
            end = _match(slots[slot + 1:], tokens, 0, at + skip) if _joined(tokens, at, at + skip) else None
            if end is not None:
                return end
        return None
    following = at + 1
    if following >= len(tokens) or tokens[following].broken or _key(tokens[following].word) not in slots[slot]:
        return None
    return _match(slots, tokens, slot + 1, following)


def _joined(tokens: list[Token], first: int, last: int) -> bool:
    """Whether tokens first+1..last exist, lie within one clause and can be a phrase's gap."""
    return last < len(tokens) and not any(tokens[i].broken or (tokens[i].word in _NOT_IN_GAP and not _quantifier(
        tokens, i)) for i in range(first + 1, last + 1))


def _quantifier(tokens: list[Token], i: int) -> bool:
    """A preposition that belongs to a figure ("up to 40 servicemen", "at least 12")."""
    before = tokens[i - 1].word if i else ""
    after = tokens[i + 1].word if i + 1 < len(tokens) else ""
    return (tokens[i].word, before) == ("to", "up") or (tokens[i].word == "at" and after in ("least", "most"))


def _noun_reading(tokens: list[Token], first: int, last: int) -> bool:
    """Whether a form that can be a noun or a verb ("attacks", "murder") reads as a noun here."""
    after = tokens[last + 1].word if last + 1 < len(tokens) else ""
    if first == 0 or after in _NOUN_AFTER or tokens[first].possessed:  # "Attack on a convoy kills 5"
        return True
    if tokens[first].broken:  # after a comma, a participle (", killing three") more often than a noun
        return False
    before = tokens[first - 1].word
    if before in _NOUN_BEFORE or before.isdigit():
        return True
    # "the La Tablada attack", but "the rebels attack the town": a determiner shortly before, and no plural subject
    clause = [t for t in tokens[max(0, first - 3):first]]
    joined = not any(t.broken for t in tokens[max(1, first - 2):first + 1])
    return joined and any(t.word in _DETERMINERS for t in clause) and not before.endswith("s")


def _choose_readings(hits: list[Hit], tokens: list[Token], order: dict[str, int]) -> list[Hit]:
    """One hit per span of words: where a noun and a verb entry cover the same words, the reading the
    neighbouring words suggest; otherwise the entry listed first."""
    by_span: dict[tuple[int, int], list[Hit]] = defaultdict(list)
    for hit in hits:
        by_span[(hit.first, hit.last)].append(hit)
    chosen = []
    for (first, last), same in by_span.items():
        same.sort(key=lambda h: order[h.entry.name])
        if len({h.entry.noun for h in same}) > 1:
            noun = _noun_reading(tokens, first, last)
            same = [h for h in same if h.entry.noun == noun]
        chosen.append(same[0])
    return chosen


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The trigger lexicon from the package's data files, read once per process."""
    irregular = {row["lemma"]: frozenset(row["forms"].split("|")) for _, row in _read_csv("inflections.csv")}
    classes = {row["class"]: frozenset(row["words"].split("|")) for _, row in _read_csv("word_classes.csv")}
    return Lexicon(parse_entries(_read_csv("triggers.csv"), classes), irregular, classes)


def parse_entries(rows: Iterable[tuple[int, dict[str, str]]], classes: dict[str, frozenset[str]]) -> list[Entry]:
    """The entries of triggers.csv rows (line number, row), checked: a bad line is named with what to correct."""
    entries, names = [], set()
    for line, row in rows:
        entry = _entry(line, row)
        if entry.name in names:
            raise _lexicon_error(line, f"the name {entry.name!r} is used twice")
        unknown = [a[1:] for w in entry.phrase.split() for a in w.split("/")
                   if a.startswith("@") and a[1:] not in classes]
        if unknown:
            raise _lexicon_error(line, f"word class {unknown[0]!r} is not in word_classes.csv")
        names.add(entry.name)
        entries.append(entry)
    return entries
