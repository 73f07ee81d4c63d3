"""Place-name candidates in text: locatives, appositions, attack objects, statistical entities and datelines.

Candidates come from the statistical NER (GPE, LOC, FAC), from capitalised names after a
locative word ("in Quetta, Pakistan", "near the town of X", "30 km south of Y") with the
written chain of divisions after them ("in Godam, Qalay-i-Zal district, Kunduz, Afghanistan"),
and from a wire dateline ("KABUL, Afghanistan —", "ALBUQUERQUE, N.M. —") or a headline's
place before a colon ("Hermosillo, Sonora: ..."). Resolving them is `eventdesk.extract.places`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from eventdesk.extract.rules import rule
from eventdesk.geo.names import ABBREVIATIONS

# A word of a name, with a lower-case Arabic article in front ("al-Mukalla", "Deir ez-Zor").
_WORD = r"(?:(?:al|el|ad|ar|as|ash|at|az|an|ez|es|ed|er|et|ul|ud)-)?[A-Z][\w'’.-]*"
_NAME = rf"{_WORD}(?:\s+(?:de|del|la|al|el|ad|as|an|bin|di|du|da|des|of)?\s*{_WORD}){{0,4}}"
# What may follow a name after a comma: "Pulwama, Jammu and Kashmir", "Kamsar, Boke prefecture".
_DIVISION_WORD = (r"(?:province|district|county|region|state|governorate|prefecture|department|division|"
                  r"municipality|oblast|Obl\.?|commune|LGA|woreda|zone|PROVINCE|DEPARTMENT)")
_CONTEXT = rf"{_NAME}(?:\s+and\s+{_NAME})?(?:\s+{_DIVISION_WORD})?"
# The written chain after a name, narrowest first: "Qalay-i-Zal district, Kunduz, Afghanistan".
_CHAIN = rf"{_CONTEXT}(?:\s*,\s*{_CONTEXT}){{0,3}}"
_ADJECTIVES = (r"(?:(?:central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|"
               r"south-?western|north-?east|north-?west|south-?east|south-?west|north|south|east|west|restive|"
               r"remote|neighbouring|neighboring|rural|downtown|old|coastal|northernmost|southernmost|"
               r"provincial|capital|border|central-?\w+|NE|NW|SE|SW)\s+)?")
_LOCATIVE = re.compile(
    r"\b(?:(?P<origin>from|FROM)|in|near|outside|at|around|across|into|toward|towards|next to|close to|"
    r"on the outskirts of|outskirts of|on the (?:edges?|fringes?) of|edges? of|south of|north of|"
    r"east of|west of|(?:south|north)-?(?:east|west) of|town of|city of|village of|district of|province of|"
    r"region of|state of|county of|municipality of|zone of|part of|parts of|area of|suburbs? of|centre of|"
    r"center of|heart of|(?:attacks?|assaults?|raids?|offensive|advance|strikes?|push|march) on|"
    r"IN|NEAR|OUTSIDE|AT|OF|TOWARD|TOWARDS|In|Near|Outside|At|Around|Across|Into|Toward|Towards|On)\s+"
    r"(?:(?:the|a|an|THE)\s+(?:(?![A-Z])[a-z]+(?:-[a-z]+)?\s+)?)?"
    r"(?:(?:town|city|village|district|province|region|state|county|area|municipality|capital|"
    r"TOWN|CITY|VILLAGE|DISTRICT|PROVINCE|DEPARTMENT)\s+(?:of\s+|OF\s+)?)?"
    rf"{_ADJECTIVES}(?P<name>{_NAME})"
    r"(?:\s+(?:village|town|city|area|locality|neighbourhood|neighborhood|commune|district|sub-?district|"
    r"governorate|province|region|county|department|municipality|woreda|tehsil|upazila))?"
    rf"(?:\s*,\s*(?P<ctx>{_CHAIN})|\s*\((?P<paren>[A-Z][^()]{{2,60}})\))?"
)
# "Tripoli, Lebanon's second city": a name put in its country anywhere in a sentence;
# "Shiraz, the capital of Fars province", "Bol, a town on the lake": a name said to be a place.
_APPOSITION = re.compile(
    rf"(?P<name>{_NAME}),\s+(?:(?P<ctx>{_NAME})['’]s\b|(?:the|a|an)\s+(?:[a-z-]+\s+){{0,3}}?"
    r"(?:capital|city|town|village|district|province|region|port|hub|stronghold)\b)"
)
# The object of an attack verb, named without an article: "struck Abha airport", "overran Kunduz".
_OBJECT = re.compile(rf"\b(?:attacked|stormed|raided|shelled|bombed|struck|overran|besieged|captured|seized|hit)"
                     rf"\s+(?P<name>{_NAME})(?:\s+(?:village|town|city|district|camp))?"
                     rf"(?:\s*,\s*(?P<ctx>{_CONTEXT}(?:\s*,\s*{_CONTEXT})?))?")
# Parts of a town, and streets or gates named after another town ("the Damascus Gate" is in Jerusalem).
_NOT_PLACES = frozenset({"old city", "old town", "city centre", "city center", "downtown", "green zone",
                         "red zone", "new city", "medina"})
_STREET_WORDS = (r"(?:Gate|Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Drive|Dr\.|Court|"
                 r"Ct\.|Way|Parkway|Pkwy\.?|Terrace|Circle|Trail|Pike|Alley|Place|Square|Highway|Hwy\.?)")
_STREET_AFTER = re.compile(rf"^['’]?s?\s+{_STREET_WORDS}(?![\w-])")
# A street, however named ("Oakmont Avenue", "on Main Street", "Bordeaux Ave."), is no town.
_STREET = re.compile(rf"(?:^|\s){_STREET_WORDS}$")
_DATELINE = re.compile(
    r"^\s*(?P<name>[A-Z][A-Z'’. -]{2,40}?)"
    r"(?:\s*\((?P<paren>[A-Z][A-Za-z'’. -]{2,30})\))?"  # ROME (ITALY)
    r"(?:\s*,\s*(?P<ctx>[A-Z][\w'’. -]{2,40}?))?"
    r"(?:\s*,?\s*(?:\d{1,2}\s+[A-Z][A-Za-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2})(?:,?\s+\d{2,4})?)?"  # 12 JAN 90
    r"\s*(?:\([^)]{1,40}\))?\s*(?:[—–-]{1,2}|:)\s?"
)
_TITLE_WORD = r"[A-Z][^\W\d_]*(?:['’.-][^\W\d_]+)*\.?"
_TITLE_NAME = rf"{_TITLE_WORD}(?:\s+(?:de|del|la|el|de la)?\s*{_TITLE_WORD}){{0,3}}"
# A local paper's dateline in title case, put in its state or country: "Englewood, Ill. —", "York, Pa. (AP) —".
_TITLE_DATELINE = re.compile(
    rf"^\s*(?P<name>{_TITLE_NAME}),\s*(?P<ctx>{_TITLE_NAME})\s*(?:\([^)]{{1,40}}\))?\s*[—–]\s?"
)
# A headline's place before a colon: "Hermosillo, Sonora: Armed group attacks...", "Tijuana: Two killed".
_HEADLINE_PLACE = re.compile(
    rf"^\s*(?P<name>{_TITLE_NAME})(?:\s*[,/]\s*(?P<ctx>{_TITLE_NAME}))?\s*:(?=\s*\S)\s*"
)


def _match_dateline(text: str) -> re.Match | None:
    return _DATELINE.match(text) or _TITLE_DATELINE.match(text) or _HEADLINE_PLACE.match(text)


_STOP_NAMES = {"The", "A", "An", "This", "That", "These", "Those", "He", "She", "It", "They", "We", "On", "In",
               "At", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
               "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December", "Police", "Army", "Security", "Government", "President", "Minister"}


SCANNED = "scan"


@dataclass(frozen=True)
class PlaceName:
    """A place name found in text; `context` is the name after a comma ("Quetta, Pakistan")."""

    text: str
    start: int
    end: int
    context: str | None = None
    locative: bool = False
    source: str = "text"  # text, ner, dateline, scan (SCANNED: found in the gazetteer by `place_scan`)
    owner: bool = False  # the context's last part was written as its owner ("Chittagong's Pahartali area")
    origin: bool = False  # written after "from": where the attackers or the fire came from, not the scene


# A name before these words names talks held there or a border, not where an attack happened ("ahead of
# the Minsk peace summit", "near the Mali border", "amid Rome peace talks").
_NO_SCENE_AFTER = rule(
    "place_names.talks_or_border_after",
    r"^['’]?s?\s+(?:peace\s+|ceasefire\s+|security\s+)?(?:talks|summit|agreements?|accords?|deal|process|conference|"
    r"negotiations|format|protocols?|border|frontier)\b",
    [" peace summit on Wednesday", " border, officials said", " peace talks resumed", " agreement was signed"],
    counterexamples=[" province on Sunday", " district, police said"],
)


def is_no_scene_before(text: str) -> bool:
    """Whether a text starts with words that make the name before it no scene of violence (see `_NO_SCENE_AFTER`)."""
    return bool(_NO_SCENE_AFTER.match(text))


def find_place_names(sentence: str, offset: int = 0, ner_spans: Iterable[tuple[str, int, int]] = ()) -> list[PlaceName]:
    """Place-name candidates in a sentence; offsets are article offsets.

    A name after "from" is an origin ("rockets fired from Gaza"), so it is not taken as locative;
    nor is a name in apposition ("Tripoli, Lebanon's second city") or a statistical entity.
    In the article's first sentence, the dateline is left out; so is a name of talks or of a border
    ("the Minsk peace summit", "near the Mali border") written without a chain of its own.
    """
    skip = 0
    if offset == 0:
        dateline = _match_dateline(sentence[:120])
        skip = dateline.end() if dateline else 0
    found: list[PlaceName] = []
    for match in _LOCATIVE.finditer(sentence, skip):
        context = match.group("ctx") or match.group("paren") or ""
        _add_name(found, match, offset, _trim_chain(context), locative=not match.group("origin"))
    for pattern in (_APPOSITION, _OBJECT):
        for match in pattern.finditer(sentence, skip):
            if not _covered(found, offset + match.start("name")):
                _add_name(found, match, offset, _trim_chain(match.groupdict().get("ctx") or ""), locative=False)
    for text, start, end in ner_spans:
        if start < skip or _covered(found, offset + start) or _STREET_AFTER.match(sentence[end:]):
            continue
        text = _trim(text)
        if text and _is_name(text) and not _is_acronym(text, sentence):
            found.append(PlaceName(text, offset + start, offset + start + len(text), None, False, "ner"))
    found = [p for p in found if p.context or not is_no_scene_before(sentence[p.end - offset:])]
    return sorted(found, key=lambda p: p.start)


def _trim_chain(chain: str) -> str:
    """Each part of a written chain trimmed ("Ill." read as Illinois); the empty parts dropped."""
    return ", ".join(part for part in (_trim(p) for p in chain.split(",")) if part)


def _covered(found: list[PlaceName], start: int) -> bool:
    return any(p.start <= start < p.end for p in found)


def _is_acronym(name: str, sentence: str) -> bool:
    """An organisation's initials in a mixed-case sentence ("NATO", "JFO", "LoC"), not a country's ("US")."""
    bare = name.replace(".", "")
    if " " in name or len(bare) > 5 or bare in ABBREVIATIONS or sum(c.isupper() for c in bare) < 2:
        return False
    letters = [c for c in sentence if c.isalpha()]
    return sum(c.isupper() for c in letters) < 0.6 * len(letters)


def is_street_before(text: str) -> bool:
    """Whether a text starts with a street word, so that the name before it names a street ("Oakmont| Avenue")."""
    return bool(_STREET_AFTER.match(text))


def is_place_name(name: str) -> bool:
    """Whether a span may be a place name at all (see `_is_name`)."""
    return _is_name(name)


def _is_name(name: str) -> bool:
    """Not a stop word, a part of a town ("the Old City"), a street or a two-letter acronym ("UN", "EU")."""
    if not name or name.split()[0] in _STOP_NAMES or _strip_article(name).lower() in _NOT_PLACES:
        return False
    if _STREET.search(name):
        return False
    return not (len(name) <= 2 and name.isupper())


def _strip_article(name: str) -> str:
    return name[4:] if name[:4].lower() == "the " else name


def _add_name(found: list[PlaceName], match: re.Match, offset: int, context: str, locative: bool) -> None:
    """The name of a match; one written in its owner's possessive ("Ukraine's Donetsk", "Aden's Mansoura
    district") is the name after it, in the owner."""
    written, start = match.group("name"), match.start("name")
    owner = _OWNER.match(written)
    if owner is not None:
        written, start = written[owner.end():], start + owner.end()
        context = ", ".join(p for p in (context, _trim(owner.group(1))) if p)
    name = _trim(written)
    street = _STREET_AFTER.match(match.string[start + len(name):])
    if _is_name(name) and not _is_acronym(name, match.string) and not street:
        found.append(PlaceName(name, offset + start, offset + start + len(name), context, locative,
                               owner=owner is not None, origin=_is_origin(match)))


# "40 kilometres from Fada", "not far from Gao": a distance from a place says where, not whence.
_DISTANCE_BEFORE = re.compile(r"(?:\b(?:km|kms|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|minutes|hours|drive|"
                              r"walk)|\b(?:away|far|not far|short distance))\s*$", re.IGNORECASE)


def _is_origin(match: re.Match) -> bool:
    """Whether a name is written after "from" as where something came from ("rockets fired from Gaza")."""
    return bool(match.groupdict().get("origin")) and not _DISTANCE_BEFORE.search(match.string[:match.start()])


_OWNER = re.compile(r"^([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)['’]s\s+(?=[A-Z])")


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


# "Donetsk Obl Sept 12": a date after a chain is no part of it.
_MONTH_ABBREVIATION = re.compile(r"^(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?$")


def _trim(name: str) -> str:
    name = _POSSESSIVE.sub("", name)  # "Aden's Mansoura district" -> "Aden"
    name = US_STATE_ABBREVIATIONS.get(name.strip(), name)
    words = name.split()
    while words and (words[-1] in _STOP_NAMES or words[-1].lower() in ("of", "de", "al", "el", "the")
                     or _MONTH_ABBREVIATION.match(words[-1])):
        words.pop()
    return " ".join(words).rstrip(".,'’")


def dateline_end(text: str) -> int:
    """Where a wire dateline ("GAO, Mali, March 3 (AFP) -") ends, or 0 when the text has none."""
    match = _match_dateline(text[:160])
    return match.end() if match else 0


def find_dateline(text: str) -> PlaceName | None:
    """The dateline place of a wire report ("KABUL, Afghanistan (AP) —", "Englewood, Ill. —"), or of a headline
    before its colon ("Hermosillo, Sonora: ...")."""
    match = _match_dateline(text[:120])
    if not match:
        return None
    name = match.group("name").strip()
    groups = match.groupdict()
    context = _trim((groups["ctx"] or groups.get("paren") or "").strip()) or None
    return PlaceName(name, match.start("name"), match.start("name") + len(name), context, False, "dateline")
