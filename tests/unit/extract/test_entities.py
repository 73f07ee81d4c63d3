"""The pipeline: the phrase-matcher component finds exactly what the registry's EntityRuler patterns
find; which sentences the model sees, and the actors it leaves in them."""

import pytest
import spacy

from eventdesk.actors import load_registry
from eventdesk.articles import Article
from eventdesk.extract import entities
from eventdesk.extract.entities import add_actor_matcher
from eventdesk.extract.facts import read_sentences
from eventdesk.geo import load_gazetteer

SENTENCES = [
    "Daesh fighters and the U.S. military clashed near the border, while al-Shabaab stayed out.",
    "Officials in Turkey said turkey prices rose; the Kremlin denied it.",
    "IS claimed the attack, the ministry said, but the report is unverified.",
    "Militants of the Islamic State Khorasan Province (ISKP) attacked a mosque.",
    "A spokesman for Ansar Allah said the Houthis fired two drones.",
]


def actors(nlp, text):
    return [(e.text, e.ent_id_) for e in nlp(text).ents if e.label_ == "ACTOR"]


def test_same_matches_as_the_entity_ruler():
    registry = load_registry()
    fast = spacy.blank("en")
    add_actor_matcher(fast, registry)
    slow = spacy.blank("en")
    slow.add_pipe("entity_ruler").add_patterns(registry.entity_ruler_patterns())
    for sentence in SENTENCES:
        assert actors(fast, sentence) == actors(slow, sentence), sentence


def test_case_rules():
    nlp = spacy.blank("en")
    add_actor_matcher(nlp, load_registry())
    assert actors(nlp, "Officials in Turkey said turkey prices rose.") == [("Turkey", "Turkey")]
    assert actors(nlp, "IS claimed it; what is known is little.") == [("IS", "Islamic State")]


# ---------------------------------------------------------------------------------------------
# Sentences through the pipeline: which sentences the model sees, and the actors it leaves
# ---------------------------------------------------------------------------------------------



def facts_of(text: str):
    return read_sentences(Article(id="e", text=text))


@pytest.mark.parametrize(("text", "expected"), [
    ("A car bomb exploded outside the ministry.", True),
    ("Officials blamed the Haqqani network for it.", True),
    ("The market reopened on Sunday after repairs.", False),
], ids=["trigger", "attribution-words", "nothing-to-read"])
def test_needs_model(text, expected):
    (facts,) = facts_of(text)
    assert entities.needs_model(facts) is expected


def test_a_sentence_placed_in_a_known_town_skips_the_statistical_ner():
    gazetteer = load_gazetteer()
    placed, unplaced = facts_of("A bomb exploded in Quetta on Monday, killing four people. "
                                "A bomb exploded in Zorbatiya on Monday, killing four people.")
    assert not entities.needs_ner(placed, gazetteer)
    assert entities.needs_ner(unplaced, gazetteer)


def actors_of(text: str) -> list[tuple[str, str]]:
    nlp, registry, gazetteer = entities.load_nlp(), load_registry(), load_gazetteer()
    sentences = facts_of(text)
    for facts, doc in zip(sentences, entities.tag_entities(sentences, nlp, gazetteer), strict=True):
        entities.add_entities(facts, doc, registry)
    return [(a.text, a.name) for f in sentences for a in f.actors]


def test_an_abbreviation_that_is_a_word_names_an_actor_in_capitals_only_in_brackets():
    assert actors_of("GUERRILLAS OF THE REBEL ARMED FORCES (FAR) ATTACKED A POLICE POST.") == [
        ("REBEL ARMED FORCES (FAR)", "Rebel Armed Forces (FAR)")]
    assert actors_of("THE GUERRILLAS OF FAR ATTACKED A POLICE POST.") == []
    assert actors_of("THE GUERRILLAS CAME FROM FAR AWAY AND ATTACKED A POLICE POST.") == []


def test_aliases_become_the_canonical_actor():
    assert actors_of("ISIS fighters attacked a checkpoint, the US military said.") == [
        ("ISIS", "Islamic State"), ("US military", "United States Armed Forces")]
