"""What the extractors found, as the rest of the extraction reads it.

`read_sentences` is the cheap pass over every sentence of an article: triggers, casualty figures,
dates and place names (`SentenceFacts`); `entities.add_entities` later adds the actors the model and
the registry recognise (`ActorSpan`). `grouping` gathers the sentences into an `Incident`;
`perpetrators` and `targets` give it its `Role`s: who did it, and to whom.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from eventdesk.articles import Article
from eventdesk.extract.casualties import Casualty, find_casualties
from eventdesk.extract.dates import DateMention, DateReader, best_date
from eventdesk.extract.events import Trigger, find_triggers
from eventdesk.extract.places import PlaceName, dateline_end, find_place_names
from eventdesk.extract.rules import rule
from eventdesk.extract.text import Sentence, is_noise, is_upper_case, split_sentences


@dataclass(frozen=True)
class ActorSpan:
    """A recognised actor in a sentence: offsets are relative to the sentence."""

    start: int
    end: int
    name: str
    type: str
    text: str


@dataclass(frozen=True)
class Role:
    """An actor in an event (perpetrator or target) and why: `basis` is the finder that read it (claim,
    official, narrator, hedge, description, ...; a target the name of the rule that read it, such as
    "targets.object_verb"); offsets are the span in the sentence, -1 when the role is not one span of it."""

    name: str
    type: str
    basis: str
    start: int = -1
    end: int = -1


# "the attack", "this explosion", "their raid": a sentence about an incident already told.
_REFERENCE = rule(
    "facts.reference",
    r"\b(?:the|this|that|its|their)\s+(?:\w+\s+){0,2}?(?:attack|explosion|blast|bombing|incident|assault|raid|strike|"
    r"ambush|shooting|violence)",
    ["Police said the attack began shortly after dawn.", "No group has claimed this latest bombing."],
    counterexamples=["Gunmen stormed a hotel in the capital."],
)
_DEVICE = rule(
    "facts.device_reference",
    r"\b(?:the|this|that)\s+(?:\w+\s+)?(?:device|bomb)\b",
    ["Investigators said the device was hidden in a cart.", "The homemade bomb was packed with nails."],
    counterexamples=["A bomb exploded near the bus station."],
)


@dataclass
class SentenceFacts:
    """What the cheap and statistical passes found in one sentence."""

    index: int
    sentence: Sentence
    triggers: list[Trigger]
    casualties: list[Casualty]
    dates: list[DateMention]
    actors: list[ActorSpan] = field(default_factory=list)
    places: list[PlaceName] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The sentence on one line (same offsets as the article): hard-wrapped copy breaks lines
        in mid-phrase, and the patterns read "armed men", not "armed\\nmen"."""
        return self.sentence.text.replace("\n", " ")

    @property
    def role_text(self) -> str:
        """The text the role patterns read: an upper-case sentence in lower case (same offsets), so that
        their capitalisation cues (names are capitalised, descriptions are not) keep their meaning."""
        text = self.text
        lowered = text.lower()
        return lowered if is_upper_case(text) and len(lowered) == len(text) else text

    def violent(self) -> list[Trigger]:
        """The real violent triggers; none when they only name weapons, forces or deaths and no figure is given."""
        real = [t for t in self.triggers if t.violent and not t.hypothetical]
        return real if self.casualties or not all(t.needs_toll for t in real) else []

    def is_reference(self) -> bool:
        """A sentence that names an incident as one already told ("the attack", "this explosion")."""
        return bool(_REFERENCE.search(self.text))

    def refers_back(self) -> bool:
        """A sentence about the incident before it: "the attack", "the device", "the bomb"."""
        return self.is_reference() or bool(_DEVICE.search(self.text))


@dataclass
class Incident:
    """One incident an article reports: the sentences that tell it, the later ones that may attribute
    it (`context`), whether the article recalls it as background, and the claim linked to it."""

    facts: list[SentenceFacts] = field(default_factory=list)
    context: list[SentenceFacts] = field(default_factory=list)
    background: bool = False
    claim: SentenceFacts | None = None
    claimant: Role | None = None

    def dates(self) -> list[DateMention]:
        return [d for f in self.facts for d in f.dates]


def _report_date(article: Article, dateline: int) -> str | None:
    """The publication date, else the day a wire dateline gives ("KABUL, 12 JAN 90 --")."""
    if article.published or not dateline:
        return article.published
    found = best_date(DateReader(None).read(article.text[:dateline]))
    return found.value if found is not None and found.precision == "day" else None


def read_sentences(article: Article) -> list[SentenceFacts]:
    """The cheap pass over every sentence of an article. A dateline's date is the report's date
    (relative dates count from it), not the event's."""
    dateline = dateline_end(article.text)
    reader = DateReader(_report_date(article, dateline))
    facts = []
    for index, sentence in enumerate(split_sentences(article.text)):
        flat = sentence.text.replace("\n", " ")
        if is_noise(flat):
            facts.append(SentenceFacts(index, sentence, [], [], [], places=[]))
            continue
        dates = [d for d in reader.read(flat, sentence.start) if d.start >= dateline]
        figures = find_casualties(flat, sentence.start)
        facts.append(SentenceFacts(index, sentence, find_triggers(flat), figures, dates,
                                   places=find_place_names(flat, sentence.start)))
    return facts
