"""Where an event happened: place names in its sentences, resolved with the gazetteer.

Candidates come from the statistical NER (GPE, LOC, FAC), from capitalised names after a
locative word ("in Kerman, Iran", "near the town of X", "30 km south of Y") and from a wire
dateline ("KABUL, Afghanistan —"), which is used only when the event's own sentences name
no place (a dateline often names the newsroom, not the scene). Names are resolved in the
context of the countries and provinces the article mentions, and the most specific
resolvable place wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from eventdesk.geo import Context, Gazetteer, Place

_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:de|del|la|al|el|ad|as|an|bin|di|du|da|des|of)?\s*[A-Z][\w'’-]*){0,3}"
_ADJECTIVES = (r"(?:(?:central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|"
               r"south-?western|north-?east|north-?west|south-?east|south-?west|north|south|east|west|restive|"
               r"remote|neighbouring|neighboring|rural|downtown|old|coastal|northernmost|southernmost|"
               r"provincial|capital|border|central-?\w+)\s+)?")
_LOCATIVE = re.compile(
    r"\b(?:in|near|outside|at|around|across|into|from|on the outskirts of|outskirts of|south of|north of|"
    r"east of|west of|(?:south|north)-?(?:east|west) of|town of|city of|village of|district of|province of|"
    r"region of|state of|county of|municipality of|zone of|part of|parts of|area of|suburbs? of|centre of|"
    r"center of|heart of|IN|NEAR|OUTSIDE|AT|OF)\s+(?:the\s+|THE\s+)?"
    r"(?:(?:town|city|village|district|province|region|state|county|area|municipality|capital|"
    r"TOWN|CITY|VILLAGE|DISTRICT|PROVINCE|DEPARTMENT)\s+(?:of\s+|OF\s+)?)?"
    rf"{_ADJECTIVES}(?P<name>{_NAME})(?:\s*,\s*(?P<ctx>{_NAME}))?"
)
_DATELINE = re.compile(
    r"^\s*(?P<name>[A-Z][A-Z'’. -]{2,40}?)(?:\s*,\s*(?P<ctx>[A-Z][\w'’. -]{2,40}?))?\s*(?:\([^)]{1,40}\))?\s*"
    r"(?:[—–-]{1,2}|:)\s"
)
_STOP_NAMES = {"The", "A", "An", "This", "That", "These", "Those", "He", "She", "It", "They", "We", "On", "In",
               "At", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
               "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December", "Police", "Army", "Security", "Government", "President", "Minister"}


@dataclass(frozen=True)
class PlaceName:
    """A place name found in text; `context` is the name after a comma ("Kerman, Iran")."""

    text: str
    start: int
    end: int
    context: str | None = None
    locative: bool = False
    source: str = "text"  # text, ner, dateline


def find_place_names(sentence: str, offset: int = 0, ner_spans: Iterable[tuple[str, int, int]] = ()) -> list[PlaceName]:
    """Place-name candidates in a sentence; offsets are article offsets."""
    found: list[PlaceName] = []
    for match in _LOCATIVE.finditer(sentence):
        name = _trim(match.group("name"))
        if name and name.split()[0] not in _STOP_NAMES:
            found.append(PlaceName(name, offset + match.start("name"), offset + match.start("name") + len(name),
                                   _trim(match.group("ctx") or ""), True))
    for text, start, end in ner_spans:
        if not any(p.start <= offset + start < p.end for p in found):
            text = _trim(text)
            if text:
                found.append(PlaceName(text, offset + start, offset + start + len(text), None, False, "ner"))
    return sorted(found, key=lambda p: p.start)


_POSSESSIVE = re.compile(r"['’]s\b.*$")
US_STATE_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey",
    "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma",
    "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "Tenn.": "Tennessee", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia",
    "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}


def _trim(name: str) -> str:
    name = _POSSESSIVE.sub("", name)  # "Aden's Mansoura district" -> "Aden"
    name = US_STATE_ABBREVIATIONS.get(name.strip(), name)
    words = name.split()
    while words and (words[-1] in _STOP_NAMES or words[-1].lower() in ("of", "de", "al", "el", "the")):
        words.pop()
    return " ".join(words).rstrip(".,'’")


def find_dateline(text: str) -> PlaceName | None:
    """The dateline place of a wire report ("KABUL, Afghanistan (AP) —")."""
    match = _DATELINE.match(text[:120])
    if not match:
        return None
    name = match.group("name").strip()
    context = _trim((match.group("ctx") or "").strip()) or None
    return PlaceName(name, match.start("name"), match.start("name") + len(name), context, False, "dateline")


_RANK = {"point": 0, "city": 0, "admin1": 1, "country": 2}


_FACILITY = re.compile(r"\s+(?:University|Airport|International Airport|Stadium|Hospital|Market|Square|Road|Street|"
                       r"Bridge|Mosque|Prison|Camp|Base|Air Base|Highway|Port|Station|Hotel|Province|District|"
                       r"Region|State|Governorate|County|Department)$")


def resolve_place(gazetteer: Gazetteer, name: PlaceName, context: Context) -> Place | None:
    """The place a name denotes, in context ("Dhaka University" is read as Dhaka when nothing else fits)."""
    phrase = f"{name.text}, {name.context}" if name.context else name.text
    place = gazetteer.resolve_phrase(phrase, context)
    if name.context and (place is None or place.precision not in ("city", "point")):
        alone = gazetteer.resolve(name.text, context)
        if alone is not None and alone.precision in ("city", "point"):
            return alone
    if place is None and _FACILITY.search(name.text):
        place = gazetteer.resolve(_FACILITY.sub("", name.text), context)
    return place


def choose_place(gazetteer: Gazetteer, names: list[PlaceName], context: Context) -> tuple[Place, PlaceName] | None:
    """The most specific resolvable place among the names (locative ones first, then text order)."""
    best: tuple[tuple[int, int, int], Place, PlaceName] | None = None
    for order, name in enumerate(names):
        place = resolve_place(gazetteer, name, context)
        if place is None:
            continue
        key = (_RANK.get(place.precision, 3), 0 if name.locative else 1, order)
        if best is None or key < best[0]:
            best = (key, place, name)
    return (best[1], best[2]) if best else None
