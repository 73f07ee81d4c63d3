"""The victims of a casualty figure as a target, in the figure's own words.

A figure's victims are a target only as the text names them: "killing 12 people" gives "people" and
"killing nine civilians" "civilians"; "the loss of 84 lives" and "284 others" name nobody, and a word that
a casualty rule supplies in their place is not the text's. The role carries the rule that read the figure
and the victims' span in the sentence.
"""

from __future__ import annotations

import re

from eventdesk.extract.casualties import Casualty
from eventdesk.extract.facts import Role, SentenceFacts

# Victims a figure counts without naming them: "284 others" (others than whom?), "the loss of 84 lives".
_UNNAMED_VICTIMS = {"others", "lives"}


def victims_role(casualty: Casualty, facts: SentenceFacts) -> Role | None:
    """A target from the victims of a casualty figure, in the figure's own words and with their span in the
    sentence ("killing 12 people" -> people, "killing nine civilians" -> civilians): none when the figure names
    nobody ("84 lives", "284 others") or its words are not the text's (a rule's stand-in for them)."""
    word = (casualty.victims or "").strip()
    if not word or word.lower() in _UNNAMED_VICTIMS:
        return None
    offset = casualty.start - facts.sentence.start
    said = facts.role_text[offset:casualty.end - facts.sentence.start]
    found = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", said, re.IGNORECASE)
    if found is None:
        return None
    return Role(word.lower(), "target", casualty.rule or "casualties", offset + found.start(), offset + found.end())
