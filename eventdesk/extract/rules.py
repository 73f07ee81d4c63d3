"""Named extraction rules: a pattern with the sentences it is written for.

Every rule the extractors apply is a `Rule`: a name that says what the rule reads (it is the
reason a value carries, so that "why was this read as killed?" has an answer), the compiled
pattern, and examples of real phrasings it must match and, where a near miss is known, phrasings
it must not. `tests/unit/extract/test_rules.py` checks every registered rule against its examples,
so a rule cannot be changed into one that no longer reads what it was written for.

Shared fragments (a number, a list of attacker words) are plain strings composed into patterns,
as spaCy composes its punctuation rules from shared character classes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_REGISTRY: dict[str, Rule] = {}


@dataclass(frozen=True)
class Rule:
    """A named pattern and the phrasings it is written for."""

    name: str
    pattern: re.Pattern[str]
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...] = field(default=())

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return self.pattern.search(text, pos, len(text) if endpos is None else endpos)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.pattern.match(text, pos)

    def finditer(self, text: str, pos: int = 0):
        return self.pattern.finditer(text, pos)

    def sub(self, repl, text: str) -> str:
        return self.pattern.sub(repl, text)


def rule(name: str, regex: str, examples: tuple[str, ...] | list[str], *, flags: int = re.IGNORECASE,
         counterexamples: tuple[str, ...] | list[str] = ()) -> Rule:
    """Compile and register a rule; a name may be registered once (one definition per fact)."""
    if name in _REGISTRY:
        raise ValueError(f"rule {name!r} is defined twice")
    if not examples:
        raise ValueError(f"rule {name!r} has no example: write the phrasing it is for")
    made = Rule(name, re.compile(regex, flags), tuple(examples), tuple(counterexamples))
    _REGISTRY[name] = made
    return made


def registered() -> dict[str, Rule]:
    """Every rule defined so far, by name (the extract modules register theirs when imported)."""
    return dict(_REGISTRY)
