"""Where an event happened: the place names of its sentences (`place_names`) resolved with the gazetteer.

Names are resolved in the context of the countries and provinces the article mentions, and the
most specific resolvable place wins. The dateline is used only when the event's own sentences
name no place (a dateline often names the newsroom, not the scene).
"""

from __future__ import annotations

import re

from eventdesk.extract.place_names import PlaceName, dateline_end, find_dateline, find_place_names
from eventdesk.geo.gazetteer import Context, Gazetteer, Place

__all__ = ["PlaceName", "choose_place", "dateline_end", "find_dateline", "find_place_names", "incident_place",
           "place_context", "resolve_place"]

_FACILITY = re.compile(r"\s+(?:University|Airport|International Airport|Stadium|Hospital|Market|Square|Road|Street|"
                       r"Bridge|Mosque|Prison|Camp|Base|Air Base|Highway|Port|Station|Hotel|Province|District|"
                       r"Region|State|Governorate|County|Department)$")


def resolve_place(gazetteer: Gazetteer, name: PlaceName, context: Context) -> Place | None:
    """The place a name denotes, in context ("Dhaka University" is read as Dhaka when nothing else fits).

    A name that is no place as a whole ("Daraa al-Balad", and in all-capitals text "SAN
    SALVADOR TODAY") is read by its longest leading part that is one.
    """
    phrase = f"{name.text}, {name.context}" if name.context else name.text
    place = gazetteer.resolve_phrase(phrase, context)
    if name.context and (place is None or place.precision not in ("city", "point")):
        alone = gazetteer.resolve(name.text, context)
        if alone is not None and alone.is_town and (place is None or alone.country_code == place.country_code):
            return alone
    if place is None and _FACILITY.search(name.text):
        place = gazetteer.resolve(_FACILITY.sub("", name.text), context)
    if place is None:
        words = name.text.split()
        for size in range(len(words) - 1, 0, -1):
            place = gazetteer.resolve(" ".join(words[:size]), context)
            if place is not None:
                break
    return place


# Ranks of places, most specific first: a town, then a district, a province, a country.
_RANK = {"town": 0, "point": 0, "admin2": 1, "city": 1, "admin1": 2, "country": 3}


def _rank(place: Place) -> int:
    return _RANK.get(place.kind or place.precision, 4)


def choose_place(gazetteer: Gazetteer, names: list[PlaceName], context: Context) -> tuple[Place, PlaceName] | None:
    """The most specific resolvable place among the names (locative ones first, then text order)."""
    best: tuple[tuple[int, int, int], Place, PlaceName] | None = None
    for order, name in enumerate(names):
        place = resolve_place(gazetteer, name, context)
        if place is None:
            continue
        key = (_rank(place), 0 if name.locative else 1, order)
        if best is None or key < best[0]:
            best = (key, place, name)
    return (best[1], best[2]) if best else None


def place_context(gazetteer: Gazetteer, names: list[PlaceName], dateline: PlaceName | None,
                  text_is_upper: bool = False) -> Context:
    """What an article's place names say about where things are.

    Countries and provinces named count once per mention, a town's country a third; the
    dateline's place counts as its country named once. A name put in its province or country
    ("San Jose, Calif.") is bound to that place for the whole article.
    """
    everything = [*names, dateline] if dateline is not None else list(names)
    texts = [n.text for n in everything] + [n.context for n in everything if n.context]
    context = gazetteer.context(texts, text_is_upper)
    countries = dict(context.countries)
    for text in set(texts):
        place = gazetteer.resolve(text, context)
        if place is not None and place.precision in ("city", "point"):
            countries[place.country_code] = countries.get(place.country_code, 0.0) + 0.3
    context = Context(countries, context.admin1, text_is_upper)
    if dateline is not None:
        place = resolve_place(gazetteer, dateline, context)
        context = context.with_place(place) if place is not None else context
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


def _first_town(gazetteer: Gazetteer, names: list[PlaceName], context: Context, area: Place | None
                ) -> tuple[Place, PlaceName] | None:
    """The town named most often among the names (the earliest on a tie), inside `area` if given."""
    towns: dict[int | None, list] = {}
    for name in names:
        place = resolve_place(gazetteer, name, context)
        if place is not None and place.is_town and (area is None or _inside(place, area)):
            towns.setdefault(place.geonameid, [place, name, 0])[2] += 1
    if not towns:
        return None
    place, name, _count = max(towns.values(), key=lambda entry: entry[2])
    return place, name


def incident_place(gazetteer: Gazetteer, own: list[PlaceName], others: list[PlaceName],
                   dateline: PlaceName | None, context: Context) -> tuple[Place, PlaceName] | None:
    """Where an incident happened: its own sentences' place, made a town where the article allows.

    When its sentences name only a province or country, the dateline's town inside it is taken,
    else the town inside it that the rest of the article names most. When they name no place,
    the dateline is taken, else the town the article names most, else its likeliest place.
    """
    chosen = choose_place(gazetteer, own, context)
    datelines = [dateline] if dateline is not None else []
    if chosen is not None:
        if chosen[0].is_town or chosen[0].precision not in ("country", "admin1"):
            return chosen
        return (_first_town(gazetteer, datelines, context, chosen[0])
                or _first_town(gazetteer, others, context, chosen[0]) or chosen)
    return (choose_place(gazetteer, datelines, context) or _first_town(gazetteer, others, context, None)
            or choose_place(gazetteer, others, context))
