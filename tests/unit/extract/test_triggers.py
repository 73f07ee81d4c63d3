"""The trigger lexicon: inflections, word patterns with gaps and classes, noun or verb readings, file checks."""

import pytest

from eventdesk.extract.triggers import load_lexicon, noun_forms, parse_entries, tokenize, verb_forms

IRREGULAR = {"shoot": frozenset({"shot", "shoots", "shooting"}), "knife": frozenset({"knives"})}


@pytest.mark.parametrize("lemma,forms", [
    ("kill", {"kill", "kills", "killed", "killing"}),
    ("stab", {"stab", "stabs", "stabbed", "stabbing"}),
    ("defuse", {"defuse", "defuses", "defused", "defusing"}),
    ("ambush", {"ambush", "ambushes", "ambushed", "ambushing"}),
    ("rally", {"rally", "rallies", "rallied", "rallying"}),
    ("shoot", {"shoot", "shoots", "shot", "shooting"}),
], ids=["regular", "doubled", "silent-e", "sibilant", "consonant-y", "irregular"])
def test_verb_forms(lemma, forms):
    assert forms <= verb_forms(lemma, IRREGULAR)


@pytest.mark.parametrize("lemma,forms", [
    ("attack", {"attack", "attacks"}),
    ("gunman", {"gunman", "gunmen"}),
    ("knife", {"knife", "knives"}),
    ("clash", {"clash", "clashes"}),
], ids=["regular", "man-men", "irregular", "sibilant"])
def test_noun_forms(lemma, forms):
    assert forms <= noun_forms(lemma, IRREGULAR)


def test_tokens_keep_offsets_and_drop_possessives():
    tokens = tokenize("The army's raid, at dawn")
    assert [(t.word, t.start, t.broken) for t in tokens] == [
        ("the", 0, False), ("army", 4, False), ("raid", 11, False), ("at", 17, True), ("dawn", 20, False)]


def _names(text):
    return [(hit.entry.name, text[hit.start:hit.end]) for hit in load_lexicon().find(text)]


@pytest.mark.parametrize("text,found", [
    ("Police shot two suspects dead", [("shoot_dead", "shot two suspects dead")]),
    ("Rebels set the depot on fire", [("set_on_fire", "set the depot on fire")]),
    ("Troops neutralised six militants", [("neutralise", "neutralised six militants")]),
    ("Two dead in the village", [("dead", "Two dead")]),
    ("3 dead in the village", [("dead", "3 dead")]),
    ("They lost up to 40 servicemen", [("lose_troops", "lost up to 40 servicemen")]),
], ids=["gap-object", "gap-set-on-fire", "word-class", "number-word", "figure", "quantifier-in-gap"])
def test_phrases_with_gaps_and_classes(text, found):
    """`find` lists every entry found (shorter ones too: "shot"); `find_triggers` keeps the longest."""
    assert set(found) <= set(_names(text))


@pytest.mark.parametrize("text", [
    "Police shot, and the crowd ran dead ahead",  # a gap stays inside one clause
    "The pledge taken in Mexico City was kept",  # a gap holds an object, not a prepositional phrase
], ids=["clause-break", "preposition"])
def test_gaps_do_not_reach_across(text):
    assert [name for name, _ in _names(text) if name in ("shoot_dead", "capture_position")] == []


@pytest.mark.parametrize("text,name", [
    ("the attack on the convoy", "attack_noun"),
    ("They attack the convoy", "attack_verb"),
    ("Attack on a convoy kills five", "attack_noun"),
    ("the La Tablada attack", "attack_noun"),
    ("the rebels attack the town", "attack_verb"),
], ids=["before-on", "pronoun-subject", "headline-subject", "determiner-before-name", "plural-subject"])
def test_noun_or_verb_reading(text, name):
    assert [n for n, _ in _names(text) if n.startswith("attack")] == [name]


def _row(**changes):
    row = {"name": "kill", "event_type": "attack", "phrase": "kill", "pos": "verb", "strength": "act",
           "accidents": "yes", "example": "Militants kill 4 villagers in Dogo."}
    return {**row, **changes}


def test_entries_parse():
    (entry,) = parse_entries([(2, _row())], {})
    assert (entry.name, entry.kind, entry.accidents, entry.noun) == ("kill", "attack", True, False)


@pytest.mark.parametrize("row,message", [
    (_row(event_type="murder"), "line 7: event type 'murder' is not one of"),
    (_row(strength="strong"), "line 7: strength 'strong' is not one of"),
    (_row(pos="adverb"), "line 7: part of speech 'adverb'"),
    (_row(example=""), "line 7: an entry needs an example"),
    (_row(phrase="kill ... @victims"), "line 7: word class 'victims' is not in word_classes.csv"),
], ids=["type", "strength", "pos", "no-example", "unknown-class"])
def test_a_bad_line_is_named_with_what_to_correct(row, message):
    with pytest.raises(ValueError, match="eventdesk/data/triggers.csv, " + message.replace("(", r"\(")):
        parse_entries([(7, row)], {})


def test_a_name_is_used_once():
    with pytest.raises(ValueError, match="line 3: the name 'kill' is used twice"):
        parse_entries([(2, _row()), (3, _row())], {})


def test_the_shipped_lexicon_loads():
    entries = load_lexicon().entries
    assert len({e.name for e in entries}) == len(entries) > 200
