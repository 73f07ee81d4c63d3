"""A fast spaCy component that marks the actor registry's aliases as ACTOR entities.

It does what an EntityRuler fed with `Registry.entity_ruler_patterns()` does, with two phrase
matchers instead of thousands of token patterns: one on exact spelling for the aliases that match
only as written ("IS", "US", "M23"), one on lower case for the others, which then must not have
their first capitalised word written wholly in lower case ("Turkey" the country, not the bird).
Each entity's `ent_id_` is the canonical actor name. Matches that overlap keep the longest.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from eventdesk.actors import Registry, _alias_variants, _first_capitalised, is_case_sensitive

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
