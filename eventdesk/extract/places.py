"""Where an event happened: the place names of its sentences (`place_names`) resolved with the gazetteer.

Names are resolved in the context of the countries and provinces the article mentions, and the
most specific resolvable place wins. The dateline is used only when the event's own sentences
name no place (a dateline often names the newsroom, not the scene).
"""

from __future__ import annotations

import dataclasses
import re
from typing import NamedTuple

from eventdesk.extract.place_names import SCANNED as SCAN
from eventdesk.extract.place_names import PlaceName, dateline_end, find_dateline, find_place_names
from eventdesk.geo.gazetteer import Context, Gazetteer, Place
from eventdesk.geo.names import FUNCTION_WORDS, fold, is_common, is_own_name

__all__ = ["PlaceChoice", "PlaceName", "choose_place", "dateline_end", "find_dateline", "find_place_names",
           "incident_place", "place_context", "place_fields", "resolve_place"]

_FACILITY = re.compile(r"\s+(?:University|Airport|International Airport|Stadium|Hospital|Market|Square|Bridge|"
                       r"Mosque|Prison|Camp|Camps|Base|Air Base|Airbase|Highway|Port|Station|Hotel|Province|District|"
                       r"Region|State|Governorate|County|Department|Dam|Valley|Mountains?|Desert|Sector|Junction|"
                       r"Crossing|Checkpoint|Bazaar|Town|Village|City|Township|LGA)$")
# The words a name may drop and still name the place its first words name: a lower-case tail or an
# Arabic article ("Daraa al-Balad" is Daraa). "Boko Haram", "Jebel Marra" and "Mir Ali" are not
# "Boko", "Jebel" and "Mir".
_ARTICLE_WORD = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ez|es|ed|er|et|ul|ud)-")
# The article is about a country from this weight up: two of a country, demonym or province written as a
# place name (1 each) and a dateline (1). A country named once in passing ("peace talks held in Tanzania")
# or a town's (0.3) do not make it so, nor do hints (`Context.hinted`: "French troops", an armed group's
# home country), which rank a country's towns first but do not refuse the towns of others.
SUPPORTED_WEIGHT = 1.9
# A town within this distance of a country the article names is no far-away false match: border
# towns are named beside the neighbour's name ("rockets fired from Gaza toward Sderot").
NEAR_KM = 300.0
# A name found only in the gazetteer stands in the article's leading country when that weighs this much
# (a demonym, an armed group's home); where the article points nowhere, a town this large.
SCAN_CONTEXT_WEIGHT = 0.5
SCAN_MIN_POPULATION = 100_000
# Capitalised words of title-case headlines that end a place name ("in Maiduguri Attack", "in Bama Wells As
# Boko Haram ..."): the name before them is read alone. Other capitalised words are part of the name.
_HEADLINE_WORDS = frozenset(
    "attack attacks clash clashes raid raids blast blasts bomb bombs bombing bombings ambush ambushes violence"
    " fighting shelling strike strikes airstrike airstrikes brigade offensive operation massacre killing killings"
    " battle explosion siege unrest protest protests riot riots suicide police army military community residents"
    " area region countryside outskirts suburb suburbs idps camp camps market prison hospital school college mosque"
    " church checkpoint highway road university shooting gunmen militants rebels troops soldiers forces fire firing"
    " curfew ceasefire talks crisis conflict war incident assault hostilities deaths dead killed toll funeral"
    " clinic farm farms mine mines village villages town towns city township little unknown more after amid over"
    " leaves kills killed dies dead militia militias bandits insurgents herdsmen fighters jihadists terrorists"
    " gang gangs".split()
    # and the compass words of Spanish and Philippine names ("Surigao Sur", "Agusan Norte", "Primo Tapia Poniente")
    + "sur norte oriental occidental poniente oriente centro".split()
)


# A compass word before a name says which part of the place ("E. Ukraine", "N. Darfur", "Eastern Ghouta",
# "South Yemen"): when the whole is no name the gazetteer knows, the place is the name after it.
_DIRECTION = re.compile(r"^(?:[NSEW]\.|[NS][EW]\.?|(?:North|South|East|West|Central|Upper|Lower)(?:ern)?|"
                        r"(?:North|South)-?(?:east|west)(?:ern)?|Mid|Middle|Greater)$", re.IGNORECASE)


class Resolved(NamedTuple):
    """A name read as a place: the gazetteer's place, and the written town kept as the location when the
    gazetteer knows only a division of the chain it is written in ("Godam, Qalay-i-Zal district, Kunduz")."""

    place: Place
    how: str  # chain, name, facility, spelled-out, part-of, leading-part
    written: str | None = None


def resolve_name(gazetteer: Gazetteer, name: PlaceName, context: Context) -> Resolved | None:
    """The place a name denotes in context, and how it was read (see `resolve_place`)."""
    found = _resolve_written(gazetteer, name, context)
    if name.source == SCAN and found is not None and not _scan_supported(found, name, context):
        return None
    if found is None or found.how == "chain" or name.source == "dateline":
        return found  # a chain, or a dateline, is its own support
    return None if _unsupported(gazetteer, found.place, context) or _outside_area(found.place, context) else found


def _scan_supported(found: Resolved, name: PlaceName, context: Context) -> bool:
    """Whether a name found only in the gazetteer (`place_scan`) may stand: read as a whole, and in the
    country the article's context weighs most; in an article that points nowhere, a country, a province
    or a town of `SCAN_MIN_POPULATION`, by its own name or a spelling of it, not by another name."""
    place = found.place
    if found.how != "name":
        return False
    weight = context.countries.get(place.country_code, 0.0)
    top = max(context.countries.values(), default=0.0)
    if top >= SCAN_CONTEXT_WEIGHT and weight < top:
        return False
    if weight >= SCAN_CONTEXT_WEIGHT:
        return True
    if not is_own_name(place.name, fold(name.text)):
        return False
    return place.kind in ("country", "admin1") or place.population >= SCAN_MIN_POPULATION


def resolve_place(gazetteer: Gazetteer, name: PlaceName, context: Context) -> Place | None:
    """The place a name denotes, in context ("Dhaka University" is read as Dhaka when nothing else fits).

    A name written in a chain ("Godam, Qalay-i-Zal district, Kunduz, Afghanistan") is looked for inside
    the chain's divisions only; when it is not found there, the narrowest division the gazetteer knows
    stands for it. A name that is no place as a whole ("Daraa al-Balad", and in all-capitals text "SAN
    SALVADOR TODAY") is read by its longest leading part that is one. A town in a country the article
    does not name, when it names another, is refused: a wrong country is worse than none.
    """
    found = resolve_name(gazetteer, name, context)
    return found.place if found else None


def _outside_area(place: Place, context: Context) -> bool:
    """Whether a place lies in another province of the country whose province the dateline writes out
    ("YORK, Pa. —"), one the article does not name."""
    if context.area is None or place.country_code != context.area[0] or place.kind == "country":
        return False
    return place.admin1 != context.area[1] and context.weighs(place)[1] < 0.9


def _unsupported(gazetteer: Gazetteer, place: Place, context: Context) -> bool:
    """Whether a place lies in a country the article does not name, far from every country it names."""
    named = [cc for cc in context.countries if context.named_weight(cc) >= SUPPORTED_WEIGHT]
    if place.kind == "country" or not named or place.country_code in named:
        return False
    if place.lat is None or place.lon is None:
        return True
    distances = (gazetteer.km_to_country(place.lat, place.lon, cc) for cc in named)
    return not any(d is not None and d <= NEAR_KM for d in distances)


def _resolve_written(gazetteer: Gazetteer, name: PlaceName, context: Context) -> Resolved | None:
    if name.context and gazetteer.country(name.text, iso_codes=False) is None:  # "Chad, Niger, Mali" is a list
        chained = _resolve_chain(gazetteer, name, context) or _resolve_undirected_chain(gazetteer, name, context)
        if chained is not None:
            return chained
    place = gazetteer.resolve(name.text, context)
    if place is not None:
        return Resolved(place, "name")
    if _FACILITY.search(name.text):
        place = gazetteer.resolve(_FACILITY.sub("", name.text), context)
        if place is not None:
            return Resolved(place, "facility")
    return (_resolve_directed(gazetteer, name.text, context) or _split_chain(gazetteer, name.text.split(), context)
            or _resolve_leading_part(gazetteer, name.text.split(), context))


def _resolve_leading_part(gazetteer: Gazetteer, words: list[str], context: Context) -> Resolved | None:
    """A name read by its longest leading part before a droppable word ("Maiduguri Market Blast")."""
    for size in range(len(words) - 1, 0, -1):
        if not (context.text_is_upper or _droppable(words[size])):
            continue
        place = gazetteer.resolve(" ".join(words[:size]), context)
        if place is not None:
            return Resolved(place, "leading-part")
    return None


def _resolve_directed(gazetteer: Gazetteer, text: str, context: Context) -> Resolved | None:
    """A name after a compass word: "N. Darfur" is North Darfur, "E. Ukraine" a part of Ukraine."""
    words = text.split()
    if len(words) < 2 or not _DIRECTION.match(words[0]):
        return None
    spelled = _spelled_out(text)
    place = gazetteer.resolve(spelled, context) if spelled != text else None
    if place is not None:
        return Resolved(place, "spelled-out")
    place = gazetteer.resolve(" ".join(words[1:]), context)
    return Resolved(place, "part-of") if place is not None else None


def _resolve_undirected_chain(gazetteer: Gazetteer, name: PlaceName, context: Context) -> Resolved | None:
    """A chain read without the compass words of its parts ("East Jebel Marra, N. Darfur")."""
    parts = [p.strip() for p in (name.text, *name.context.split(","))]
    for read in (_spelled_out, _without_direction):
        bare = [read(p) for p in parts]
        if bare != parts:
            found = _resolve_chain(gazetteer, dataclasses.replace(name, text=bare[0], context=", ".join(bare[1:])),
                                   context)
            if found is not None:
                return found
    return None


_COMPASS = {"n": "North", "s": "South", "e": "East", "w": "West"}


def _spelled_out(part: str) -> str:
    """A part with its abbreviated compass word spelled out: "N. Darfur" is North Darfur."""
    first, _, rest = part.partition(" ")
    key = first.lower().rstrip(".")
    if rest and first.endswith(".") and key in _COMPASS:
        return f"{_COMPASS[key]} {rest}"
    return part


def _without_direction(part: str) -> str:
    words = part.split()
    return " ".join(words[1:]) if len(words) > 1 and _DIRECTION.match(words[0]) else part


def _split_chain(gazetteer: Gazetteer, words: list[str], context: Context) -> Resolved | None:
    """A chain written without its comma ("Ensenada Baja California", "Hermosillo Sonora"): a town
    followed by the division or country it lies in."""
    for size in range(1, len(words)):
        head, rest = " ".join(words[:size]), " ".join(words[size:])
        area = gazetteer.resolve(rest, context)
        if area is None or area.is_town:
            continue
        place = gazetteer.resolve_phrase(f"{head}, {rest}", context)
        if place is not None and place.is_town and place.country_code == area.country_code and \
                place in gazetteer.candidates(head):
            return Resolved(place, "chain")
    return None


def is_droppable_word(word: str) -> bool:
    """Whether a capitalised word after a name may end it (see `_droppable`): "Maiduguri| Market Blast"."""
    return _droppable(word)


def _droppable(word: str) -> bool:
    """Whether a name may be cut before this word: an Arabic article ("al-Balad") or an English word."""
    key = fold(word)
    return bool(_ARTICLE_WORD.match(word)) or key in _HEADLINE_WORDS or key in FUNCTION_WORDS or is_common(key)


def _resolve_chain(gazetteer: Gazetteer, name: PlaceName, context: Context) -> Resolved | None:
    """A name read inside the divisions written after it; the written name kept when it is not found there."""
    place = gazetteer.resolve_phrase(f"{name.text}, {name.context}", context)
    if place is None:
        return None
    if place in gazetteer.candidates(name.text):
        return Resolved(place, "chain")
    alone = gazetteer.resolve(name.text, context)
    if alone is not None and alone.is_town and _inside(alone, place):
        return Resolved(alone, "chain")
    lead = _leading_division(gazetteer, name.text, place, context)
    if lead is not None:
        return Resolved(lead, "chain")
    if _is_written_town(name.text, context):
        owner = gazetteer.resolve(name.context.rsplit(",", 1)[-1], context) if name.owner else None
        if owner is not None and owner.is_town and _inside(owner, place):
            place = owner  # "Chittagong's Pahartali area" is a part of the town, not of its division
        return Resolved(place, "chain", written=name.text)
    return Resolved(place, "chain")


def _leading_division(gazetteer: Gazetteer, text: str, area: Place, context: Context) -> Place | None:
    """The division a title-case name begins with, inside the chain's place: "Chin State Condemns Army"
    is Chin State, "South Kordofan CR Dabanga" South Kordofan."""
    words = text.split()
    for size in range(len(words) - 1, 0, -1):
        place = gazetteer.resolve(" ".join(words[:size]), context)
        if place is not None and not place.is_town and place.country_code == area.country_code and \
                (area.kind == "country" or place.admin1 == area.admin1):
            return place
    return None


def _is_written_town(text: str, context: Context) -> bool:
    """Whether a name the gazetteer does not know may stand as the location: a proper name, not a
    division ("Bajaur district"), a word of an all-capitals text or the words of a title-case clause
    ("Haram Kills ANPP Youth Leader", "Bullets in Nyala": a headline word, an acronym, a function word)."""
    if context.text_is_upper or _DIVISION_NAME.search(text):
        return False
    words = text.split()
    return len(words) <= _WRITTEN_TOWN_WORDS and not any(
        _droppable(word) or (word.isupper() and len(word) > 1) for word in words[1:])


# A town the gazetteer does not know is written in at most this many words ("Santa Rosa Panzacola").
_WRITTEN_TOWN_WORDS = 4


_DIVISION_NAME = re.compile(r"\b(?:[Pp]rovince|[Dd]istrict|[Cc]ounty|[Rr]egion|[Ss]tate|[Gg]overnorate|[Dd]epartment|"
                            r"[Mm]unicipality|[Oo]blast|[Ss]ector)$")


# Ranks of places, most specific first: a town, then a district, a province, a country.
_RANK = {"town": 0, "point": 0, "admin2": 1, "city": 1, "admin1": 2, "country": 3}


def _rank(place: Place) -> int:
    return _RANK.get(place.kind or place.precision, 4)


class PlaceChoice(NamedTuple):
    """The place of an incident, the name it was read from and the rule that chose it (see `place_reason`)."""

    place: Place
    name: PlaceName
    rule: str
    resolved: Resolved

    @property
    def location(self) -> str | None:
        """The most specific place name: the written town, the town or district, or the province."""
        if self.resolved.written:
            return self.resolved.written
        if self.place.precision in ("city", "point"):
            return self.place.name
        return (self.place.admin1 or self.place.name) if self.place.precision == "admin1" else None


# What each rule of `incident_place` says, for the place_reason column.
PLACE_RULES = {
    "in-sentence": "named in the incident's sentences",
    "written-chain": "named with the chain of divisions written after it",
    "dateline-town-in-area": "the dateline's town inside the province or country the incident's sentences name",
    "article-town-in-area": "the article's most named town inside the province or country the incident's "
                            "sentences name",
    "dateline": "the dateline (the incident's sentences name no place)",
    "article-town": "the town the article names most (the incident's sentences name no place)",
    "article-place": "a place the article names (the incident's sentences name no place)",
    "article-country": "the one country the article's names and its armed groups' home countries point to "
                       "(no name of the article resolves)",
}
# The least weight for `article-country`: an armed group's home country (0.5) counts, a town's (0.3) not.
_COUNTRY_WEIGHT = 0.5


_LEVELS = {"town": "town", "admin2": "district", "admin1": "province", "country": "country"}


_HOW_READ = {"facility": "its place", "leading-part": "its leading part", "part-of": "the place it is a part of",
             "spelled-out": "its compass word spelled out"}


def place_reason(choice: PlaceChoice) -> str:
    """Why an incident is placed where it is: the rule, the written span and its offsets, and how it was read."""
    name, resolved = choice.name, choice.resolved
    if name.source == "context":
        weight = name.context or ""
        return f"{choice.rule}: {choice.place.name}, where the article's names and actors point (weight {weight})"
    phrase = f"{name.text}, {name.context}" if name.context else name.text
    reason = f'{choice.rule}: "{phrase}" at {name.start}-{name.end}'
    if resolved.how in _HOW_READ:
        reason += f" (read as {choice.place.name}, {_HOW_READ[resolved.how]})"
    if name.source == SCAN:
        reason += " (a name the gazetteer knows, after no locative word)"
    if resolved.written:
        level = _LEVELS.get(choice.place.kind, "place")
        reason += f"; {resolved.written} is not in the gazetteer, so the coordinates are those of the {level} " \
                  f"{choice.place.name}"
    return reason


def place_fields(choice: PlaceChoice | None) -> dict:
    """The event-table place columns of a choice (none when there is no place)."""
    if choice is None:
        return {}
    place = choice.place
    pinned = choice.rule != "article-country"  # a country inferred, not written, gets no pin at its capital
    return {"location": choice.location, "admin1": place.admin1, "country": place.country,
            "lat": place.lat if pinned else None, "lon": place.lon if pinned else None,
            "geo_precision": place.precision, "place_reason": place_reason(choice)}


def _choice(resolved: Resolved, name: PlaceName, rule: str) -> PlaceChoice:
    assert rule in PLACE_RULES, rule
    if rule == "in-sentence" and resolved.how == "chain":
        rule = "written-chain"
    return PlaceChoice(resolved.place, name, rule, resolved)


def _rank_of(resolved: Resolved) -> int:
    return 0 if resolved.written else _rank(resolved.place)


def _by_other_name(resolved: Resolved, name: PlaceName) -> int:
    """1 when a name was read as a place by another of its names: "Donbas", a region, is also an old name
    of Donetsk, so a town named by its own name ("near Svitlodarsk") is the likelier scene."""
    if resolved.written or resolved.how != "name":
        return 0
    return int(not is_own_name(resolved.place.name, fold(name.text)))


def choose_place(gazetteer: Gazetteer, names: list[PlaceName], context: Context, rule: str = "in-sentence"
                 ) -> PlaceChoice | None:
    """The most specific resolvable place among the names (those read by their own name first, then
    locative ones, then those in the country the article weighs most, then text order). A name written
    as an origin ("militants operating from Afghanistan") is no scene."""
    best: tuple[tuple[int, int, int, float, int], Resolved, PlaceName] | None = None
    for order, name in enumerate(names):
        resolved = resolve_name(gazetteer, name, context) if not name.origin else None
        if resolved is None:
            continue
        weight = -context.countries.get(resolved.place.country_code, 0.0)
        key = (_rank_of(resolved), _by_other_name(resolved, name), 0 if name.locative else 1, weight, order)
        if best is None or key < best[0]:
            best = (key, resolved, name)
    return _choice(best[1], best[2], rule) if best else None


def place_context(gazetteer: Gazetteer, names: list[PlaceName], dateline: PlaceName | None,
                  text_is_upper: bool = False) -> Context:
    """What an article's place names say about where things are.

    Countries and provinces named count once per mention, a town's country a third; the
    dateline's place counts as its country named once. A name put in its province or country
    ("San Jose, Calif.") is bound to that place for the whole article.
    """
    everything = [*names, dateline] if dateline is not None else list(names)
    named = [n for n in everything if not n.origin]  # "operating from Afghanistan" says whence, not where
    texts = [n.text for n in named] + [n.context for n in named if n.context]
    context = gazetteer.context(texts, text_is_upper)
    countries = dict(context.countries)
    for text in set(texts):
        place = gazetteer.resolve(text, context)
        if place is not None and place.precision in ("city", "point"):
            countries[place.country_code] = countries.get(place.country_code, 0.0) + 0.3
    context = Context(countries, context.admin1, text_is_upper, reasons=context.reasons, hinted=context.hinted)
    if dateline is not None:
        place = resolve_place(gazetteer, dateline, context)
        context = context.with_place(place) if place is not None else context
        area = gazetteer.resolve(dateline.context, context) if dateline.context and place is not None else None
        if area is not None and area.kind == "admin1" and area.admin1 == place.admin1:
            context = context.with_area(area)
    for name in everything:
        if name.context:
            place = gazetteer.resolve_phrase(f"{name.text}, {name.context}", context)
            if place is not None and place.is_town and place != gazetteer.resolve(name.context, context):
                context = context.with_binding(name.text, place)
    return context


def _inside(place: Place, area: Place) -> bool:
    """Whether a town lies in a country or province (a district counts by its province)."""
    if not place.is_town or place.country_code != area.country_code:
        return False
    return area.precision == "country" or (area.admin1 is not None and place.admin1 == area.admin1)


def _first_town(gazetteer: Gazetteer, names: list[PlaceName], context: Context, area: Place | None, rule: str
                ) -> PlaceChoice | None:
    """The town named most often among the names (the earliest on a tie), inside `area` if given."""
    towns: dict[int | None, list] = {}
    for name in names:
        resolved = resolve_name(gazetteer, name, context)
        place = resolved.place if resolved is not None and not resolved.written else None
        if place is not None and place.is_town and (area is None or _inside(place, area)):
            towns.setdefault(place.geonameid, [resolved, name, 0])[2] += 1
    if not towns:
        return None
    resolved, name, _count = max(towns.values(), key=lambda entry: entry[2])
    return _choice(resolved, name, rule)


def incident_place(gazetteer: Gazetteer, own: list[PlaceName], others: list[PlaceName],
                   dateline: PlaceName | None, context: Context) -> PlaceChoice | None:
    """Where an incident happened: its own sentences' place, made a town where the article allows.

    When its sentences name only a province or country, the dateline's town inside it is taken,
    else the town inside it that the rest of the article names most. When they name no place,
    the dateline is taken, else the town the article names most, else its likeliest place.
    The choice's `rule` names which of these it was.
    """
    chosen = choose_place(gazetteer, own, context)
    datelines = [dateline] if dateline is not None else []
    if chosen is not None:
        if chosen.resolved.written or chosen.place.is_town or chosen.place.precision not in ("country", "admin1"):
            return chosen
        return (_first_town(gazetteer, datelines, context, chosen.place, "dateline-town-in-area")
                or _first_town(gazetteer, others, context, chosen.place, "article-town-in-area") or chosen)
    return (choose_place(gazetteer, datelines, context, "dateline")
            or _first_town(gazetteer, others, context, None, "article-town")
            or choose_place(gazetteer, others, context, "article-place")
            or _context_country(gazetteer, context))


def _context_country(gazetteer: Gazetteer, context: Context) -> PlaceChoice | None:
    """The country the article points to when none of its names resolves: the heaviest in the context,
    if it weighs enough and no other weighs as much."""
    ranked = sorted(context.countries.items(), key=lambda item: item[1], reverse=True)
    if not ranked or ranked[0][1] < _COUNTRY_WEIGHT or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    country = gazetteer.country(ranked[0][0])
    if country is None:
        return None
    said = context.reasons.get(ranked[0][0])
    name = PlaceName(country.name, 0, 0, f"{ranked[0][1]:g}" + (f": {said}" if said else ""), False, "context")
    return PlaceChoice(country, name, "article-country", Resolved(country, "context"))
