"""A generated corpus for the merge benchmark: articles about known incidents, several per incident.

Each incident (a shooting in a US city or one of its suburbs, a bombing in a city abroad) is told by
one to five articles in the styles of a wire service (a dateline, "on Saturday"), local news (the
victims' names and ages, "Saturday night"), an analyst's coder notes (terse, the date written out)
and later reports: a toll update ("Monday's bombing at the bus station ... has risen to 20"), a
claim that is also a toll ("X claimed responsibility for the bombing at the bus station on
February 10, which officials now say killed 20"), a follow-up with no date at all ("the shooting
that killed a 15-year-old"). Figures differ between outlets and grow in later reports. Some nights
in a big city see several shootings, told apart only by their victims and places; suburbs lie
within a few km of their city, some across a state line.

Everything is drawn from one `random.Random(seed)`: the same seed gives the same corpus.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


@dataclass(frozen=True)
class Town:
    name: str
    region: str  # a US state, or a province abroad
    country: str
    dateline: str  # as a dateline spells it
    metro: str  # the big city it belongs to (itself for a big city)


US_TOWNS = (
    Town("Chicago", "Illinois", "United States", "CHICAGO", "Chicago"),
    Town("Cicero", "Illinois", "United States", "CICERO, Ill.", "Chicago"),
    Town("Evanston", "Illinois", "United States", "EVANSTON, Ill.", "Chicago"),
    Town("Gary", "Indiana", "United States", "GARY, Ind.", "Chicago"),
    Town("St. Louis", "Missouri", "United States", "ST. LOUIS", "St. Louis"),
    Town("East St. Louis", "Illinois", "United States", "EAST ST. LOUIS, Ill.", "St. Louis"),
    Town("Philadelphia", "Pennsylvania", "United States", "PHILADELPHIA", "Philadelphia"),
    Town("Camden", "New Jersey", "United States", "CAMDEN, N.J.", "Philadelphia"),
    Town("Houston", "Texas", "United States", "HOUSTON", "Houston"),
    Town("Pasadena", "Texas", "United States", "PASADENA, Texas", "Houston"),
    Town("Memphis", "Tennessee", "United States", "MEMPHIS, Tenn.", "Memphis"),
)
ABROAD = (
    (Town("Maiduguri", "Borno", "Nigeria", "MAIDUGURI, Nigeria", "Maiduguri"), "Boko Haram"),
    (Town("Mogadishu", "Banadir", "Somalia", "MOGADISHU, Somalia", "Mogadishu"), "al-Shabaab"),
    (Town("Kabul", "Kabul", "Afghanistan", "KABUL, Afghanistan", "Kabul"), "Islamic State"),
    (Town("Peshawar", "Khyber Pakhtunkhwa", "Pakistan", "PESHAWAR, Pakistan", "Peshawar"),
     "Tehrik-i-Taliban Pakistan"),
    (Town("Baghdad", "Baghdad", "Iraq", "BAGHDAD, Iraq", "Baghdad"), "Islamic State"),
)
BIG_CITIES = ("Chicago", "Philadelphia", "Houston")
SHOOTING_SITES = ("outside a convenience store", "at a gas station", "at a block party", "outside a nightclub",
                  "in a parking lot", "at a bus stop", "near a basketball court", "outside an apartment building")
BOMBING_SITES = ("the bus station", "a crowded market", "a mosque", "a police checkpoint", "a wedding hall",
                 "a cattle market", "a government office")
FIRST_NAMES = ("Marcus", "DeShawn", "Tyrell", "Jamal", "Andre", "Carlos", "Luis", "Kevin", "Brandon", "Jerome",
               "Terrence", "Malik", "Darius", "Angel", "Jose", "Keisha", "Tamika", "Maria", "Aaliyah", "Jasmine")
LAST_NAMES = ("Hill", "Carter", "Johnson", "Williams", "Brooks", "Reed", "Hayes", "Price", "Gomez", "Rivera",
              "Bennett", "Coleman", "Foster", "Jenkins", "Porter", "Simmons", "Wallace", "Sanders", "Russell")
ABROAD_NAMES = ("Abubakar Musa", "Ibrahim Bukar", "Hassan Abdi", "Ahmed Nur", "Abdul Wahid", "Gul Khan",
                "Zia Rahman", "Ali Hussein", "Omar Farouk", "Yusuf Ali")


@dataclass(frozen=True)
class Incident:
    """One incident as it happened: what every article about it is generated from."""

    number: int
    kind: str  # "shooting" or "bombing"
    town: Town
    day: dt.date
    site: str
    killed: int
    injured: int
    final_killed: int
    victims: tuple[tuple[str, int], ...]  # (name, age) of the dead the news names
    perpetrator: str | None  # a group (bombings) or a named suspect (shootings)


@dataclass(frozen=True)
class Article:
    """A generated article and the incident it tells of."""

    record: dict  # id, source, published, title, text (as `articles.make_article` takes them)
    incident: int


def _weekday(day: dt.date) -> str:
    return WEEKDAYS[day.weekday()]


def _written(day: dt.date) -> str:
    return f"{day:%B} {day.day}"


def _count(n: int) -> str:
    return NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else str(n)


def _victim_names(rng: random.Random, n: int, abroad: bool) -> tuple[tuple[str, int], ...]:
    if abroad:
        return tuple((rng.choice(ABROAD_NAMES), rng.randint(18, 60)) for _ in range(min(n, 1)))
    return tuple((f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}", rng.randint(14, 45)) for _ in range(n))


def _shooting(rng: random.Random, number: int, town: Town, day: dt.date) -> Incident:
    killed = rng.choice((1, 1, 1, 2, 2, 3))
    suspect = f"{rng.choice(FIRST_NAMES[:15])} {rng.choice(LAST_NAMES)}" if rng.random() < 0.3 else None
    return Incident(number, "shooting", town, day, rng.choice(SHOOTING_SITES), killed, rng.randint(0, 4),
                    killed + (rng.random() < 0.2), _victim_names(rng, killed, False), suspect)


def _bombing(rng: random.Random, number: int, town: Town, group: str, day: dt.date) -> Incident:
    killed = rng.randint(3, 40)
    return Incident(number, "bombing", town, day, rng.choice(BOMBING_SITES), killed, killed * 2 + rng.randint(0, 9),
                    killed + rng.randint(0, 12), _victim_names(rng, 1, True), group if rng.random() < 0.7 else None)


def incidents(rng: random.Random, n_incidents: int) -> list[Incident]:
    """The incidents: shootings in US cities and suburbs (some nights several in one big city), bombings abroad."""
    made: list[Incident] = []
    start = dt.date(2024, 1, 1)
    while len(made) < n_incidents:
        day = start + dt.timedelta(days=rng.randrange(0, 300))
        draw = rng.random()
        if draw < 0.2:  # a violent night in a big city: several shootings, one of them perhaps in a suburb
            city = rng.choice([t for t in US_TOWNS if t.name in BIG_CITIES])
            suburbs = [t for t in US_TOWNS if t.metro == city.metro and t is not city]
            for _ in range(rng.randint(2, 4)):
                town = rng.choice(suburbs) if rng.random() < 0.25 else city
                made.append(_shooting(rng, len(made), town, day))
        elif draw < 0.65:
            made.append(_shooting(rng, len(made), rng.choice(US_TOWNS), day))
        else:
            town, group = rng.choice(ABROAD)
            made.append(_bombing(rng, len(made), town, group, day))
    return made[:n_incidents]


# ---------------------------------------------------------------------------------------------
# Article styles: each takes the incident, the draw and the publication date, returns (source, title, text)
# ---------------------------------------------------------------------------------------------


def _who(incident: Incident) -> str:
    return " and ".join(f"{name}, {age}" for name, age in incident.victims)


def _wire_shooting(i: Incident, rng: random.Random, published: dt.date) -> tuple[str, str, str]:
    when = f"{_weekday(i.day)} night" if rng.random() < 0.5 else f"on {_weekday(i.day)}"
    killed = f"{_count(i.killed).capitalize()} {'person was' if i.killed == 1 else 'people were'} shot dead"
    wounded = f" and {_count(i.injured)} wounded" if i.injured else ""
    text = (f"{i.town.dateline} (AP) - {killed}{wounded} {when} {i.site} in {i.town.name}, police said. "
            f"The dead were identified as {_who(i)}. No arrests have been made.")
    return rng.choice(("AP", "Reuters")), f"{_count(i.killed).capitalize()} killed in {i.town.name} shooting", text


def _local_shooting(i: Incident, rng: random.Random, published: dt.date) -> tuple[str, str, str]:
    name, age = i.victims[0]
    others = {1: "", 2: " Another man was also killed."}.get(i.killed, f" {_count(i.killed - 1).capitalize()} other "
                                                               "people were also killed.")
    hurt = f" Police said {_count(i.injured)} more were taken to hospital." if i.injured else ""
    text = (f"A {age}-year-old was shot and killed {_weekday(i.day)} night {i.site} in {i.town.name}, "
            f"{i.town.region}, police said. {name} was pronounced dead at the scene.{others}{hurt}")
    if i.perpetrator:
        text += f" Police later arrested {i.perpetrator} in connection with the killing."
    return "local news", f"{name}, {age}, shot dead in {i.town.name}", text


def _coder_shooting(i: Incident, rng: random.Random, published: dt.date) -> tuple[str, str, str]:
    killed = max(i.killed - rng.randint(0, 1), 1)
    name, age = i.victims[0]
    if rng.random() < 0.6:
        text = (f"{i.day.day} {i.day:%B %Y}, {i.town.name} ({i.town.region}): gunman opened fire {i.site}. "
                f"{killed} killed, {i.injured} injured. Victim: {name}, {age}.")
    else:  # the terse form, which names the place and the date only in a heading
        text = (f"{i.day.day} {i.day:%B %Y}. {i.town.name}, {i.town.region}. Shooting {i.site}; {killed} killed, "
                f"{i.injured} injured. Victim: {name} ({age}).")
    return "coder notes", f"Shooting, {i.town.name}", text


def _followup_shooting(i: Incident, rng: random.Random, published: dt.date) -> tuple[str, str, str]:
    name, age = i.victims[0]
    if i.perpetrator:
        text = (f"Police arrested {i.perpetrator} in the fatal shooting of {name}, {age}, {i.site} in "
                f"{i.town.name}, officials said.")
    else:
        text = (f"Police are still searching for the gunman in the shooting that killed a {age}-year-old {i.site} "
                f"in {i.town.name}, officials said. Relatives identified the victim as {name}.")
    return "local news", f"Search goes on after {i.town.name} shooting", text


def _wire_bombing(i: Incident, rng: random.Random, published: dt.date) -> tuple[str, str, str]:
    when = f"on {_weekday(i.day)}" if rng.random() < 0.6 else f"on {_written(i.day)}"
    text = (f"{i.town.dateline} (Reuters) - A suicide bomber killed {i.killed} people and wounded {i.injured} at "
            f"{i.site} in {i.town.name} {when}, police said. No group immediately claimed responsibility.")
    return rng.choice(("Reuters", "AFP")), f"Suicide bomber kills {i.killed} in {i.town.name}", text


def _local_bombing(i: Incident, rng: random.Random, published: dt.date) -> tuple[str, str, str]:
    name, age = i.victims[0]
    killed = i.killed + rng.randint(-2, 3)
    text = (f"At least {killed} people died when explosives went off at {i.site} in {i.town.name}, "
            f"{i.town.region}, on {_written(i.day)}, a hospital official said. Among the dead was {name}, a "
            f"{age}-year-old trader.")
    return "local news", f"Blast at {i.site} in {i.town.name}", text


def _coder_bombing(i: Incident, rng: random.Random, published: dt.date) -> tuple[str, str, str]:
    blame = f" Attributed to {i.perpetrator}." if i.perpetrator else ""
    if rng.random() < 0.6:
        text = (f"{i.day.day} {i.day:%b %Y} - {i.town.name}, {i.town.country}: suicide bomber struck {i.site}, "
                f"{i.killed} killed and {i.injured} injured.{blame}")
    else:
        text = (f"{i.day.day} {i.day:%b %Y}. {i.town.name}, {i.town.region}, {i.town.country}. Suicide bombing at "
                f"{i.site}; {i.killed} killed, {i.injured} injured.{blame}")
    return "coder notes", f"Bombing, {i.town.name}", text


def _toll_update(i: Incident, rng: random.Random, published: dt.date) -> tuple[str, str, str]:
    text = (f"The death toll from {_weekday(i.day)}'s bombing at {i.site} in {i.town.name} has risen to "
            f"{i.final_killed}, officials said on {_weekday(published)}.")
    return rng.choice(("AP", "AFP")), f"{i.town.name} bombing toll rises to {i.final_killed}", text


def _claim_and_toll(i: Incident, rng: random.Random, published: dt.date) -> tuple[str, str, str]:
    text = (f"{i.perpetrator} on {_weekday(published)} claimed responsibility for the bombing at {i.site} in "
            f"{i.town.name} on {_written(i.day)}, which officials now say killed {i.final_killed} people.")
    return rng.choice(("Reuters", "AP")), f"{i.perpetrator} claims {i.town.name} bombing", text


Style = Callable[[Incident, random.Random, dt.date], tuple[str, str, str]]
# (style, first and last day after the incident it is published on)
FIRST_REPORTS: dict[str, tuple[tuple[Style, int, int], ...]] = {
    "shooting": ((_wire_shooting, 0, 1), (_local_shooting, 1, 1), (_coder_shooting, 1, 5)),
    "bombing": ((_wire_bombing, 0, 1), (_local_bombing, 1, 2), (_coder_bombing, 1, 6)),
}
LATER_REPORTS: dict[str, tuple[tuple[Style, int, int], ...]] = {
    "shooting": ((_followup_shooting, 1, 4),),
    "bombing": ((_toll_update, 2, 3), (_claim_and_toll, 2, 5)),
}


def _styles(rng: random.Random, incident: Incident) -> list[tuple[Style, int, int]]:
    n = rng.choice((1, 2, 2, 3, 3, 4))
    chosen = rng.sample(FIRST_REPORTS[incident.kind], min(n, 3))
    for style in LATER_REPORTS[incident.kind]:
        usable = style[0] is not _claim_and_toll or incident.perpetrator
        if usable and rng.random() < 0.35:
            chosen.append(style)
    return chosen


def generate(seed: int = 13, n_incidents: int = 160) -> list[Article]:
    """The corpus: articles of `n_incidents` incidents, each with the number of the incident it tells of."""
    rng = random.Random(seed)
    made: list[Article] = []
    for incident in incidents(rng, n_incidents):
        for style, first, last in _styles(rng, incident):
            published = incident.day + dt.timedelta(days=rng.randint(first, last))
            source, title, text = style(incident, rng, published)
            number = len(made)
            record = {"id": f"merge-{number:04d}", "source": source, "published": published.isoformat(),
                      "title": title, "text": text, "url": f"https://news.example/{number:04d}"}
            made.append(Article(record, incident.number))
    return made
