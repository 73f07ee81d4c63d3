"""The phrase-matcher component finds exactly what the registry's EntityRuler patterns find."""

import spacy

from eventdesk.actors import load_registry
from eventdesk.extract.actor_matcher import add_actor_matcher

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
