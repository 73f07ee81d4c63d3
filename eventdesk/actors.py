"""The actor registry: who can act in an event, under which names.

Owns `eventdesk/data/actors.csv` (one row per canonical actor: name, type, country, parent,
aliases) and `eventdesk/data/demonyms.csv` (demonym -> country), shipped inside the package and
read through `importlib.resources`: reading and validating them, exact alias lookup,
the spaCy EntityRuler patterns built from the aliases, and the parent chain ("Islamic State
Khorasan Province" belongs to the "Islamic State" family).

Matching rules, shared by `Registry.lookup` and the EntityRuler patterns:

- An alias with no lower-case letter ("US", "U.S.", "IS", "M23") or a short mixed-case
  abbreviation ("LeT", "JeM", "DoD") matches only as written.
- Any other alias matches regardless of case, accents and curly apostrophes, except that the
  first capitalised word of the alias (after a leading "The") must not be written wholly in
  lower case: "Turkey" matches "TURKEY" but not the bird, "Dawn" the newspaper but not
  "at dawn", while "Haqqani Network" still matches "Haqqani network".
- `lookup` also accepts a leading "the " and a trailing possessive ("the Kremlin's").

The registry is built once per path by `load_registry()`; nothing is read at import time.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from eventdesk.data import ACTORS, DEMONYMS, reference_file
from eventdesk.schema import ACTOR_TYPES

ACTOR_COLUMNS = ("name", "type", "country", "parent", "aliases")
DEMONYM_COLUMNS = ("demonym", "country")
# The other schema types (security_forces, civilians, unidentified) are descriptions the
# extractors assign to unnamed actors; they never have a registry row.
REGISTRY_TYPES: tuple[str, ...] = ACTOR_TYPES[:6]
ALIAS_SEPARATOR = "|"
# A national body one of whose names says it is the army (its units and branches have it as parent).
_ARMY_WORDS = re.compile(r"\b(?:armed forces|army|military|defen[cs]e forces)\b", re.IGNORECASE)
_POLICE_WORDS = re.compile(r"\bpolice\b", re.IGNORECASE)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})


@dataclass(frozen=True)
class Actor:
    """One canonical actor of the registry."""

    name: str
    type: str
    country: str | None
    parent: str | None


def _unify(text: str) -> str:
    """Straight apostrophes, single spaces."""
    return " ".join(text.translate(_APOSTROPHES).split())


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def _exact_key(text: str) -> str:
    return _strip_accents(_unify(text))


def _folded_key(text: str) -> str:
    return _exact_key(text).casefold()


def is_case_sensitive(alias: str) -> bool:
    """True for aliases that match only as written: no lower-case letter, or a short mixed-case form."""
    if not any(c.islower() for c in alias):
        return True
    return len(alias) <= 5 and any(c.isupper() for c in alias[1:])


def _first_capitalised(words: list[str]) -> int | None:
    """Position of the first word with a capital letter, a leading "The" aside."""
    for position, word in enumerate(words):
        if any(c.isupper() for c in word) and not (position == 0 and word.casefold() == "the"):
            return position
    return None


def _case_compatible(spelling: str, text: str) -> bool:
    """The alias's first capitalised word is not written wholly in lower case in the text."""
    alias_words, text_words = spelling.split(), text.split()
    position = _first_capitalised(alias_words)
    return position is None or position >= len(text_words) or not text_words[position].islower()


def _lookup_candidates(text: str) -> Iterator[str]:
    """The text as given, then without a leading "the " and a trailing possessive."""
    forms = [text]
    if text[:4].casefold() == "the ":
        forms.append(text[4:])
    for form in forms:
        yield form
        if form.endswith("'s"):
            yield form[:-2]
        elif form.endswith("s'"):
            yield form[:-1]


@dataclass
class _AliasIndex:
    """Aliases of all actors; `add` reports the actor an alias already belongs to."""

    exact: dict[str, str] = field(default_factory=dict)  # case-sensitive spelling -> actor
    folded: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # key -> (actor, spellings)
    exact_by_key: dict[str, set[str]] = field(default_factory=dict)  # folded key -> actors with that exact alias

    def add(self, alias: str, actor: str) -> str | None:
        key = _folded_key(alias)
        if is_case_sensitive(alias):
            return self._add_exact(_exact_key(alias), key, actor)
        owners = self.exact_by_key.get(key, set()) - {actor}
        if owners:
            return min(owners)
        owner, spellings = self.folded.setdefault(key, (actor, []))
        if owner != actor:
            return owner
        spellings.append(_exact_key(alias))
        return None

    def _add_exact(self, exact: str, key: str, actor: str) -> str | None:
        for owner in (self.exact.get(exact), self.folded.get(key, (None,))[0]):
            if owner is not None and owner != actor:
                return owner
        self.exact[exact] = actor
        self.exact_by_key.setdefault(key, set()).add(actor)
        return None

    def find(self, text: str) -> str | None:
        exact = _exact_key(text)
        if exact in self.exact:
            return self.exact[exact]
        owner, spellings = self.folded.get(exact.casefold(), (None, []))
        if owner is not None and any(_case_compatible(s, exact) for s in spellings):
            return owner
        return None


class Registry:
    """Canonical actors, their aliases and the demonyms that name a country. Build it with `load_registry`."""

    def __init__(self, actors: dict[str, Actor], aliases: dict[str, list[str]], index: _AliasIndex,
                 demonyms: dict[str, str]) -> None:
        self.actors = actors
        self.aliases = aliases  # canonical name -> every spelling, the name itself first
        self.demonyms = demonyms  # folded demonym -> country
        self._index = index
        self._patterns: list[dict] | None = None
        self._armed_forces: dict[str, Actor] | None = None

    def lookup(self, text: str) -> Actor | None:
        """The actor an exact alias names ("ISIL" -> Islamic State), or None."""
        for candidate in _lookup_candidates(_unify(text)):
            name = self._index.find(candidate)
            if name is not None:
                return self.actors[name]
        return None

    def entity_ruler_patterns(self) -> list[dict]:
        """spaCy EntityRuler token patterns, label "ACTOR", id = canonical name."""
        if self._patterns is None:
            self._patterns = _build_patterns(self.aliases)
        return list(self._patterns)

    def country_of_demonym(self, word: str) -> str | None:
        """The country a demonym names ("Afghans" -> Afghanistan), or None."""
        return self.demonyms.get(_folded_key(word))

    def armed_forces_of(self, country: str) -> Actor | None:
        """A country's national armed forces, when the registry holds them: "Salvadoran soldiers" then
        name the same actor as "the Salvadoran army" does."""
        if self._armed_forces is None:
            self._armed_forces = {}
            for actor in sorted(self.actors.values(), key=lambda a: a.name):
                # A unit's parent is the army itself; the army's parent, if any, is a ministry.
                top = actor.parent is None or not _ARMY_WORDS.search(actor.parent)
                national = actor.type == "government_body" and top and actor.country is not None
                spellings = " | ".join(self.aliases.get(actor.name, [actor.name]))
                if national and _ARMY_WORDS.search(spellings) and not _POLICE_WORDS.search(spellings):
                    self._armed_forces.setdefault(actor.country, actor)
        return self._armed_forces.get(country)

    def family(self, name: str) -> str:
        """Canonical name of the top of an actor's parent chain (itself when it has no parent)."""
        actor = self.actors[name]
        while actor.parent is not None:
            actor = self.actors[actor.parent]
        return actor.name

    def by_type(self, actor_type: str) -> list[Actor]:
        """All actors of one registry type, sorted by name."""
        if actor_type not in REGISTRY_TYPES:
            raise ValueError(f"unknown actor type {actor_type!r}; use one of: {', '.join(REGISTRY_TYPES)}")
        return sorted((a for a in self.actors.values() if a.type == actor_type), key=lambda a: a.name)


def _alias_variants(alias: str) -> set[str]:
    """The alias as written, without accents, and with curly apostrophes."""
    forms = {alias, _strip_accents(alias)}
    return forms | {f.replace("'", "\u2019") for f in forms}


def _token_pattern(tokens: list[str], case_sensitive: bool) -> list[dict]:
    if case_sensitive:
        return [{"ORTH": t} for t in tokens]
    pattern: list[dict] = [{"LOWER": t.lower()} for t in tokens]
    position = _first_capitalised(tokens)
    if position is not None:
        pattern[position]["IS_LOWER"] = False
    return pattern


def _build_patterns(aliases: dict[str, list[str]]) -> list[dict]:
    import spacy  # imported here: the registry itself does not need spaCy

    tokenizer = spacy.blank("en").tokenizer
    patterns, seen = [], set()
    for name, spellings in aliases.items():
        for spelling in spellings:
            for form in sorted(_alias_variants(spelling)):
                pattern = _token_pattern([t.text for t in tokenizer(form)], is_case_sensitive(spelling))
                marker = (name, repr(pattern))
                if marker not in seen:
                    seen.add(marker)
                    patterns.append({"label": "ACTOR", "pattern": pattern, "id": name})
    return patterns


def _read_rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) pairs of a CSV file whose header must be exactly `columns`."""
    if not path.is_file():
        raise ValueError(f"{path}: file not found; the actor registry needs it")
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != columns:
            raise ValueError(f"{path}:1: header must be {','.join(columns)}; found {reader.fieldnames}")
        for row in reader:
            if None in row or any(v is None for v in row.values()):
                raise ValueError(f"{path}:{reader.line_num}: expected {len(columns)} fields; fix the quoting")
            yield reader.line_num, {k: v.strip() for k, v in row.items()}


def _parse_actor(path: Path, line: int, row: dict[str, str]) -> tuple[Actor, list[str]]:
    name, actor_type = row["name"], row["type"]
    if not name:
        raise ValueError(f"{path}:{line}: empty name; every row needs a canonical name")
    if actor_type not in REGISTRY_TYPES:
        raise ValueError(f"{path}:{line}: unknown type {actor_type!r} for {name!r}; "
                         f"use one of: {', '.join(REGISTRY_TYPES)}")
    aliases = [a.strip() for a in row["aliases"].split(ALIAS_SEPARATOR)] if row["aliases"] else []
    if "" in aliases:
        raise ValueError(f"{path}:{line}: empty alias in {row['aliases']!r}; remove the stray '|'")
    country = row["country"] or (name if actor_type == "state" else None)
    return Actor(name, actor_type, country, row["parent"] or None), [name, *aliases]


def _read_actors(path: Path) -> tuple[dict[str, Actor], dict[str, list[str]], _AliasIndex, dict[str, int]]:
    actors: dict[str, Actor] = {}
    aliases: dict[str, list[str]] = {}
    lines: dict[str, int] = {}
    index = _AliasIndex()
    for line, row in _read_rows(path, ACTOR_COLUMNS):
        actor, spellings = _parse_actor(path, line, row)
        if actor.name in actors:
            raise ValueError(f"{path}:{line}: duplicate actor {actor.name!r} (first on line {lines[actor.name]}); "
                             "merge the two rows")
        for spelling in spellings:
            owner = index.add(spelling, actor.name)
            if owner is not None:
                raise ValueError(f"{path}:{line}: duplicate alias {spelling!r} of {actor.name!r} already names "
                                 f"{owner!r} (line {lines[owner]}); keep it on one actor only")
        actors[actor.name], aliases[actor.name], lines[actor.name] = actor, spellings, line
    return actors, aliases, index, lines


def _check_links(path: Path, actors: dict[str, Actor], lines: dict[str, int]) -> None:
    """Every country is a state of the registry; every parent exists; no parent chain loops."""
    states = {a.name for a in actors.values() if a.type == "state"}
    for actor in actors.values():
        where = f"{path}:{lines[actor.name]}"
        if actor.country is not None and actor.country not in states:
            raise ValueError(f"{where}: country {actor.country!r} of {actor.name!r} is not a state in the "
                             "registry; use a state's canonical name")
        if actor.parent is not None and actor.parent not in actors:
            raise ValueError(f"{where}: parent {actor.parent!r} of {actor.name!r} does not exist; "
                             "add a row for it or clear the parent")
        seen = {actor.name}
        parent = actor.parent
        while parent is not None:
            if parent in seen:
                raise ValueError(f"{where}: the parent chain of {actor.name!r} loops back to {parent!r}")
            seen.add(parent)
            parent = actors[parent].parent


def _read_demonyms(path: Path, states: set[str]) -> dict[str, str]:
    demonyms: dict[str, str] = {}
    for line, row in _read_rows(path, DEMONYM_COLUMNS):
        key, country = _folded_key(row["demonym"]), row["country"]
        if not key:
            raise ValueError(f"{path}:{line}: empty demonym")
        if country not in states:
            raise ValueError(f"{path}:{line}: country {country!r} of {row['demonym']!r} is not a state "
                             "in the actor registry; use a state's canonical name")
        if key in demonyms and demonyms[key] != country:
            raise ValueError(f"{path}:{line}: demonym {row['demonym']!r} already names {demonyms[key]!r}; "
                             "an ambiguous demonym belongs in neither")
        demonyms[key] = country
    return demonyms


@functools.lru_cache(maxsize=8)
def load_registry(path: Path | None = None) -> Registry:
    """The registry read from `path` and demonyms.csv beside it, built once per path.

    Without a path, the package's own `eventdesk/data/actors.csv` and `demonyms.csv`.
    Raises ValueError naming the file and line of the first problem: unknown type, duplicate
    actor or alias, unknown parent or country, malformed header.
    """
    if path is not None:
        return _read_registry(Path(path), Path(path).parent / DEMONYMS)
    with resources.as_file(reference_file(ACTORS)) as actors, resources.as_file(reference_file(DEMONYMS)) as demonyms:
        return _read_registry(actors, demonyms)


def _read_registry(path: Path, demonyms_path: Path) -> Registry:
    actors, aliases, index, lines = _read_actors(path)
    _check_links(path, actors, lines)
    states = {a.name for a in actors.values() if a.type == "state"}
    demonyms = _read_demonyms(demonyms_path, states)
    return Registry(actors, aliases, index, demonyms)
