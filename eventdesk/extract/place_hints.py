"""What the words of an article say about its country without naming a place: demonyms and national forces.

"Yemeni troops kill two militants" names no place, yet the troops are Yemen's and most often fight at
home; "Nigerian Islamists kill 18" says less, but still points to Nigeria. Each such word is a hint, a
country with a weight and the words it was read from, which `rows.article_context` adds to the
article's context; `places` takes the country from it only when nothing else places the incident and
no other country weighs as much (see `places.incident_place`, rule "article-country").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from eventdesk.extract.rules import rule
from eventdesk.geo.gazetteer import Gazetteer, Place
from eventdesk.geo.names import ABBREVIATIONS

# A country's own forces or officials ("Yemeni troops", "Pak forces", "Afghan police") are most often
# at home: as much as a country named once. Aircraft and missiles fly abroad ("Turkish jets", "U.S.
# drone strike"), so their demonym counts as any other word of a nationality: half as much.
FORCE_WEIGHT = 1.0
DEMONYM_WEIGHT = 0.5

_FORCES = rule(
    "place_hints.national_forces",
    r"\s*(?:['’]s\s+)?(?:(?:security|government|state|border|special|federal|national|local|regular|riot|armed|"
    r"military|army|elite|paramilitary|anti-terror(?:ism)?|counter-terror(?:ism)?)\s+){0,2}"
    r"(?:troops?|soldiers?|forces?|army|army['’]s|military|military['’]s|police(?:men|man)?|policemen|"
    r"officers?|servicem[ae]n|gendarmes?|gendarmerie|guards?|marines?|navy|commandos?|paratroopers?|"
    r"officials?|authorities|government|intelligence|militiam[ae]n|personnel|sailors|units?|battalions?|"
    r"brigades?|squads?)\b",
    # what follows the nationality word: "Yemeni| troops kill two militants"
    [" troops kill two militants", " security forces repelled an attack", " police officers were wounded",
     " servicemen killed in shelling", "'s army shelled the town"],
    counterexamples=[" jets hit targets", " journalist killed", " Islamists kill 18"],
    flags=re.IGNORECASE,
)
# A country's forces named after it: "the Armed Forces of Ukraine", "troops of Mali".
_FORCES_OF = rule(
    "place_hints.forces_of_a_country",
    r"\b(?i:armed\s+forces|forces|army|military|troops|police|navy|government|gendarmerie)\s+(?i:of)\s+(?:(?i:the)\s+)?"
    r"(?P<country>[A-Z][a-zA-Z-]+(?:\s+[A-Z][a-zA-Z-]+){0,2})",
    ["two brigades of the Armed Forces of Ukraine lost", "the Army of Niger said", "troops of the Central African "
     "Republic"],
    counterexamples=["the army said", "forces in Mali"],
    flags=0,
)
# A nationality word before these speaks of a statement, not of where anything happened ("- Russian
# Defense Ministry", "Pakistani media reported").
_SPEAKER_AFTER = re.compile(r"\s*(?:\w+\s+)?(?:ministry|ministries|spokesm[ae]n|spokesperson|media|press|"
                            r"news|agency|television|TV|radio|embassy|diplomats?)\b", re.IGNORECASE)
# A word of a nationality ("Yemeni", "Pak"); two make one ("South Sudanese").
_WORD = re.compile(r"\b[A-Z][a-zA-Z-]+")


class Hint(NamedTuple):
    """A country an article's words point to: its weight and the words, at their article offsets."""

    country: Place
    weight: float
    words: str
    start: int

    @property
    def reason(self) -> str:
        return f'"{self.words}" at {self.start}-{self.start + len(self.words)}'


def country_hints(text: str, gazetteer: Gazetteer, offset: int = 0) -> list[Hint]:
    """The demonyms of a text ("Nigerian Islamists"), country names before a word for forces ("Pak
    forces", "Burkina police") and forces named after their country ("the Armed Forces of Ukraine"), each
    a hint of its country; a nationality that only says who speaks ("Russian Defense Ministry") is none."""
    hints = []
    words = list(_WORD.finditer(text))
    taken = -1
    for i, word in enumerate(words):
        if word.start() <= taken:
            continue
        pair = i + 1 < len(words) and text[word.end():words[i + 1].start()] == " "
        hint = (_hint(text, word.start(), words[i + 1].end(), gazetteer) if pair else None) or \
            _hint(text, word.start(), word.end(), gazetteer)
        if hint is not None:
            hints.append(hint._replace(start=offset + hint.start))
            taken = hint.start + len(hint.words)
    for match in _FORCES_OF.finditer(text):
        country = gazetteer.country(match.group("country"), iso_codes=False)
        if country is not None:
            hints.append(Hint(country, FORCE_WEIGHT, match.group(), offset + match.start()))
    return hints


def _hint(text: str, start: int, end: int, gazetteer: Gazetteer) -> Hint | None:
    """The hint of the words text[start:end]: a demonym, or a country's name before a word for forces."""
    words = text[start:end]
    demonym = gazetteer.demonym(words)
    forces = _FORCES.match(text, end)
    if demonym is None and forces is not None and words.replace(".", "") not in ABBREVIATIONS:
        demonym = gazetteer.country(words, iso_codes=False)  # "Pak forces", "Burkina police"
    if demonym is None or (forces is None and _SPEAKER_AFTER.match(text, end)):
        return None
    weight = FORCE_WEIGHT if forces is not None else DEMONYM_WEIGHT
    return Hint(demonym, weight, text[start:forces.end() if forces else end].strip(), start)
