"""When two reports can be one incident: the merge's rules, and the reports they are told about.

A report is one event as one article tells it (a row of the extractor). Reports of the same
incident, across articles and within one, merge when every pair of them is compatible:

- **kind**: their event types are of one family (`schema.TYPE_FAMILIES`: a "bombing" and an
  "armed_assault" are both attacks; an airstrike is not); the generic "attack" joins any violent family;
- **date**: dated to the day, at most `DAY_WINDOW` day apart (outlets resolve "on Tuesday" from
  different datelines); a month or a year must contain the other date. A later report (a toll
  update, a claim, a follow-up: `evidence.LATER`) dated the day it was written may tell of an
  incident up to `LOOKBACK_DAYS` before (on the weekday it names: "Saturday's bombing"), and a
  report with no date of one in the week before its publication; those join only on what they
  share (below). A report with neither a date nor a publication date is never merged automatically;
- **place**: within `RADIUS_KM` of each other at the coarser of their two precisions (a point, a
  city), in the same province or the same country at those precisions, never in two countries.
  Two towns of different names (a city and its suburb, perhaps across a state line) join only on
  the same victims; a report with no place only on what it shares (the same perpetrator at least);
- **actors**: no conflict: two named perpetrators (after the actor registry's parent chain, so
  ISKP is Islamic State) must be the same, unless the two sides of a battle are swapped;
- **what they share** (`agreement`, from `evidence.py`): the same victims (names, then ages), the
  same site, the same perpetrator, the same toll. Victims named differently keep two reports
  apart, and so do victims of different ages or different sites unless the victims agree: on a
  night of several shootings in one city, each report finds its own.

`match` says how two reports fit (why, what they share, how much they must share), `compatible`
why they fit (or None), `nearness` which of several fits is nearest, and `processing_key` the
fixed order reports are merged in, most specific first (the later and undated reports with the
vaguer ones, after every incident they may join). How reports are grouped into incidents by these
rules is `clusters.py`; the analyst's splits and merges are `decisions.py`; an incident's row made
from its reports is `incidents.py`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from eventdesk import schema
from eventdesk.geo import distance_km
from eventdesk.schema import (
    ACTOR1,
    ACTOR1_TYPE,
    ACTOR2,
    ACTOR2_TYPE,
    ADMIN1,
    CLAIMED_BY,
    COUNTRY,
    DATE,
    DATE_PRECISION,
    EVENT_TYPE,
    EVIDENCE,
    GEO_PRECISION,
    KILLED,
    LAT,
    LOCATION,
    LON,
    PUBLISHED,
    REPORT_ID,
    TARGETS,
)
from eventdesk.store.evidence import NONE, Evidence, read_evidence

DAY_WINDOW = 1
LOOKBACK_DAYS = 7  # a later report (a toll update, a claim, a follow-up) tells of an incident up to a week old
RADIUS_KM: dict[str, float] = {"point": 10.0, "city": 30.0, "admin1": 200.0}
PRECISE_DATES = frozenset({"day"})
PRECISE_PLACES = frozenset({"point", "city"})
GEO_ORDER: tuple[str, ...] = ("point", "city", "admin1", "country", "unknown")
NAMED_ACTOR_TYPES = frozenset({"state", "armed_group", "government_body", "international_org", "media", "person"})
VIOLENT_FAMILIES = frozenset(schema.TYPE_FAMILIES[t] for t in schema.VIOLENT_TYPES)

# The columns clustering reads: no evidence, no text, so a large corpus fits in memory.
MATCH_COLUMNS: tuple[str, ...] = (
    REPORT_ID, schema.ARTICLE_ID, EVENT_TYPE, DATE, DATE_PRECISION, ACTOR1, ACTOR1_TYPE, ACTOR2, ACTOR2_TYPE,
    LOCATION, ADMIN1, COUNTRY, LAT, LON, GEO_PRECISION, CLAIMED_BY, PUBLISHED, KILLED, TARGETS, EVIDENCE,
)


@dataclass(frozen=True, slots=True)
class Report:
    """What merging needs to know about one report."""

    report_id: str
    event_type: str
    family: str
    date: str | None
    start: int | None  # first and last day the date can mean (proleptic ordinals)
    end: int | None
    date_precision: str
    place: tuple[str | None, str | None, str | None]  # location, admin1, country
    coords: tuple[float, float] | None
    geo_precision: str
    perpetrator: str | None  # a named initiator or claimant, as its registry family
    target: str | None  # a named target, as its registry family
    published: int | None = None  # the article's publication day (ordinal)
    killed: int | None = None
    facts: Evidence = NONE  # victims, ages, sites; whether it tells of an earlier incident

    @property
    def first(self) -> int | None:
        """The first day the incident it tells of can be on: its date's, or earlier for a later report
        dated when it was written, or its publication date's week for an undated one."""
        if self.start is None:
            return None if self.published is None else self.published - LOOKBACK_DAYS
        if self.facts.later and self.published is not None and self.start >= self.published - DAY_WINDOW:
            return self.start - LOOKBACK_DAYS
        return self.start

    @property
    def last(self) -> int | None:
        """The last day the incident it tells of can be on."""
        return self.published if self.start is None else self.end

    @property
    def widened(self) -> bool:
        """Its days reach beyond its own date (a later report, an undated one with a publication date)."""
        return self.first is not None and self.first != self.start

    @property
    def coarse(self) -> bool:
        return self.date_precision not in PRECISE_DATES or self.geo_precision not in PRECISE_PLACES or self.widened

    @property
    def country(self) -> str | None:
        return self.place[2]


# ---------------------------------------------------------------------------------------------
# Compatibility of two reports
# ---------------------------------------------------------------------------------------------


def date_interval(date: str | None, precision: str | None) -> tuple[int, int] | None:
    """The first and last day (ordinals) a date at its precision can mean; None when unknown."""
    if not isinstance(date, str) or precision not in ("day", "month", "year"):
        return None
    try:
        if precision == "day":
            day = dt.date.fromisoformat(date[:10]).toordinal()
            return day, day
        year = int(date[:4])
        if precision == "year":
            return dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()
        month = int(date[5:7])
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return dt.date(year, month, 1).toordinal(), following.toordinal() - 1
    except ValueError:
        return None


def _kinds(a: Report, b: Report) -> str | None:
    if a.family == b.family:
        return f"same kind ({_pair(a.event_type, b.event_type)})"
    generic = schema.GENERIC_ATTACK in (a.event_type, b.event_type)
    if generic and a.family in VIOLENT_FAMILIES and b.family in VIOLENT_FAMILIES:
        return f"a generic attack and an event of kind {_other(a.event_type, b.event_type)}"
    return None


def _pair(x: str | None, y: str | None) -> str:
    return str(x) if x == y else f"{x} / {y}"


def _other(x: str, y: str) -> str:
    return y if x == schema.GENERIC_ATTACK else x


class _Weak(str):
    """A rule's reason that holds only when the two reports also agree on something (`agreement`)."""

    needed = 1.0


class _TwoTowns(_Weak):
    """Two towns near each other hold one incident only when the reports agree on its victims."""

    needed = 2.0


def _dates(a: Report, b: Report) -> str | None:
    if a.first is None or b.first is None:
        return None
    if not (a.widened or b.widened):  # (a later report's own date may be the day it was written)
        return _stated_dates(a, b) if a.start is not None and b.start is not None else None
    if max(a.first, b.first) - min(a.last, b.last) > 0:
        return None
    later, other = (a, b) if a.widened else (b, a)
    if not _named_weekday(later, other):
        return None
    if later.start is None:
        told = f"undated, published {dt.date.fromordinal(later.published)}"
    else:
        told = f"dated {later.date}, a later report ({later.facts.later})"
    since = other.date or f"published {dt.date.fromordinal(other.published)}"
    return _Weak(f"{told}: within {LOOKBACK_DAYS} days after {since}")


def _named_weekday(later: Report, other: Report) -> bool:
    """Whether `other` can be on the weekday `later` names its incident by ("Saturday's bombing"), a day either way."""
    if later.facts.weekday is None or other.widened or other.start is None or other.start != other.end:
        return True
    apart = (dt.date.fromordinal(other.start).weekday() - later.facts.weekday) % 7
    return min(apart, 7 - apart) <= DAY_WINDOW


def _stated_dates(a: Report, b: Report) -> str | None:
    gap = max(a.start, b.start) - min(a.end, b.end)
    both_days = a.date_precision == "day" and b.date_precision == "day"
    if gap > (DAY_WINDOW if both_days else 0):
        return None
    if not both_days:
        return f"{_pair(a.date, b.date)}: the {_coarser_date(a, b)} contains the other date"
    apart = "the same day" if gap <= 0 else f"{gap} day apart (window {DAY_WINDOW} day)"
    return f"dated {_pair(a.date, b.date)}, {apart}"


def _coarser_date(a: Report, b: Report) -> str:
    order = ("day", "month", "year")
    return max(a.date_precision, b.date_precision, key=order.index)


def _coarser_place(a: Report, b: Report) -> str:
    return max(a.geo_precision, b.geo_precision, key=GEO_ORDER.index)


def _places(a: Report, b: Report) -> str | None:
    if a.country and b.country and a.country != b.country:
        return None
    level = _coarser_place(a, b)
    if level == "unknown":
        return _unplaced(a, b)
    if level == "country":
        return f"in the same country ({a.country})" if a.country and a.country == b.country else None
    if a.coords is not None and b.coords is not None:
        km = distance_km(a.coords, b.coords)
        if km > RADIUS_KM[level]:
            return None
        said = f"{_pair(_name(a), _name(b))}, {km:.0f} km apart (within {RADIUS_KM[level]:.0f} km at {level} precision)"
        towns = level == "city" and a.place[0] and b.place[0] and a.place[0] != b.place[0]
        return _TwoTowns(f"{said}, two towns") if towns else said
    index = 0 if level in PRECISE_PLACES else 1
    if a.place[index] and a.place[index] == b.place[index]:
        return f"the same {'place' if index == 0 else 'province'} ({a.place[index]})"
    return None


def _name(report: Report) -> str:
    return next((part for part in report.place if part), "?")


def _unplaced(a: Report, b: Report) -> str | None:
    if a.perpetrator and a.perpetrator == b.perpetrator:
        return f"place unknown in one report, both name {a.perpetrator}"
    return _Weak("place unknown in one report")


def _actors(a: Report, b: Report) -> str | None:
    if not (a.perpetrator and b.perpetrator):
        return "no conflicting actors"
    if a.perpetrator == b.perpetrator:
        return f"both name {a.perpetrator}"
    if a.perpetrator == b.target and b.perpetrator == a.target:
        return f"the same two sides ({a.perpetrator}, {b.perpetrator})"
    return None


CHECKS: tuple[Callable[[Report, Report], str | None], ...] = (_kinds, _dates, _places, _actors)


def agreement(a: Report, b: Report) -> tuple[list[tuple[str, float]], str | None]:
    """What two reports agree on (reason, weight), and what they disagree on that keeps them apart (or None).

    The same victims weigh most, then their ages, the site and the perpetrator, then the same toll;
    different sites weigh against. Victims named differently keep two reports apart; victims of
    different ages, or different sites, unless the victims agree.
    """
    fa, fb = a.facts, b.facts
    names, ages, sites = fa.victims & fb.victims, fa.ages & fb.ages, fa.sites & fb.sites
    agreed = []
    if names:
        agreed.append((f"the same victims ({', '.join(sorted(names))})", 3.0))
    if ages:
        agreed.append((f"victims of the same age ({', '.join(map(str, sorted(ages)))})", 2.0))
    if sites:
        agreed.append((f"the same site ({', '.join(sorted(sites))})", 1.0))
    if a.perpetrator and a.perpetrator == b.perpetrator:
        agreed.append(("", 1.0))  # said by the actors' rule
    if a.killed and a.killed == b.killed:
        agreed.append((f"the same toll ({a.killed} killed)", 0.5))
    if fa.victims and fb.victims and not names:
        return agreed, "victims named differently"
    if fa.ages and fb.ages and not (names or ages):
        return agreed, "victims of different ages"
    if fa.sites and fb.sites and not sites:
        if not (names or ages):
            return agreed, "different sites"
        agreed.append(("", -1.0))
    return agreed, None


@dataclass(frozen=True, slots=True)
class Match:
    """How two reports fit: a reason per rule, what they agree on, and whether a rule holds only if they agree."""

    reasons: tuple[str, ...]
    agreed: tuple[str, ...]
    needed: float  # how much they must agree on (0 when the rules hold on their own)
    score: float

    @property
    def holds(self) -> bool:
        return self.score >= self.needed

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons + self.agreed)


def match(a: Report, b: Report) -> Match | None:
    """How two reports fit (see `Match`), or None when a rule or a disagreement keeps them apart."""
    agreed, disagreement = agreement(a, b)
    if disagreement is not None:
        return None
    reasons = []
    for check in CHECKS:
        reason = check(a, b)
        if reason is None:
            return None
        reasons.append(reason)
    needed = max((reason.needed for reason in reasons if isinstance(reason, _Weak)), default=0.0)
    return Match(tuple(map(str, reasons)), tuple(text for text, _ in agreed if text), needed,
                 sum(weight for _, weight in agreed))


def compatible(a: Report, b: Report) -> str | None:
    """Why two reports can be one incident ("; "-joined), or None when they cannot."""
    found = match(a, b)
    return found.reason if found is not None and found.holds else None


def nearness(report: Report, founder: Report) -> tuple:
    """How far `report` is from an incident's founder, in days then km: the nearest fit is joined."""
    days = abs((report.start or report.first or 0) - (founder.start or founder.first or 0))
    km = distance_km(report.coords, founder.coords) if report.coords and founder.coords else 0.0
    return days, km


def processing_key(report: Report) -> tuple:
    """Most specific first, then by date, then by id: the order reports are merged in."""
    return (
        report.coarse,
        report.first is None,
        report.first or 0,
        ("day", "month", "year", "unknown").index(report.date_precision)
        if report.date_precision in ("day", "month", "year") else 3,
        GEO_ORDER.index(report.geo_precision) if report.geo_precision in GEO_ORDER else 4,
        report.report_id,
    )


# ---------------------------------------------------------------------------------------------
# From table rows to reports
# ---------------------------------------------------------------------------------------------


def _text(value: object) -> str | None:
    return None if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)) else str(value)


def _named(name: object, kind: object, family_of: Callable[[str], str]) -> str | None:
    name = _text(name)
    if name is None or _text(kind) not in NAMED_ACTOR_TYPES:
        return None
    return family_of(name)


def _coords(lat: object, lon: object) -> tuple[float, float] | None:
    lat, lon = _text(lat), _text(lon)
    return None if lat is None or lon is None else (float(lat), float(lon))


def _day(value: object) -> int | None:
    text = _text(value)
    try:
        return None if text is None else dt.date.fromisoformat(text[:10]).toordinal()
    except ValueError:
        return None


def _count(value: object) -> int | None:
    text = _text(value)
    return None if text is None else int(float(text))


def _facts(values: dict, actors: frozenset[str]) -> Evidence:
    own = {_text(values[ACTOR1]), _text(values[ACTOR2]) if _text(values[ACTOR2_TYPE]) in NAMED_ACTOR_TYPES else None}
    return read_evidence(str(values[EVENT_TYPE]), _text(values[TARGETS]), _text(values[EVIDENCE]),
                         actors | {name for name in own if name})


def _report(values: dict, family_of: Callable[[str], str], actors: frozenset[str]) -> Report:
    event_type = str(values[EVENT_TYPE])
    date, precision = _text(values[DATE]), _text(values[DATE_PRECISION]) or "unknown"
    interval = date_interval(date, precision) or (None, None)
    return Report(
        report_id=str(values[REPORT_ID]), event_type=event_type,
        family=schema.TYPE_FAMILIES.get(event_type, event_type), date=date, start=interval[0], end=interval[1],
        date_precision=precision,
        place=(_text(values[LOCATION]), _text(values[ADMIN1]), _text(values[COUNTRY])),
        coords=_coords(values[LAT], values[LON]), geo_precision=_text(values[GEO_PRECISION]) or "unknown",
        perpetrator=_named(values[ACTOR1], values[ACTOR1_TYPE], family_of)
        or _named(values[CLAIMED_BY], "armed_group", family_of),
        target=_named(values[ACTOR2], values[ACTOR2_TYPE], family_of),
        published=_day(values[PUBLISHED]), killed=_count(values[KILLED]), facts=_facts(values, actors),
    )


def to_reports(frame: pd.DataFrame, family_of: Callable[[str], str] | None = None) -> list[Report]:
    """Reports from a frame with the MATCH_COLUMNS; `family_of` maps an actor to its registry family (and
    its `actors`, when it has them, are names that are no victims)."""
    family_of = family_of or (lambda name: name)
    actors = getattr(family_of, "actors", frozenset())
    return [_report(dict(zip(MATCH_COLUMNS, row, strict=True)), family_of, actors)
            for row in frame[list(MATCH_COLUMNS)].itertuples(index=False, name=None)]


def registry_families() -> Callable[[str], str]:
    """An actor -> registry family function (the actor itself when the registry does not know it)."""
    from eventdesk.actors import load_registry

    registry = load_registry()

    def family_of(name: str) -> str:
        return registry.family(name) if name in registry.actors else name

    family_of.actors = frozenset(registry.actors)  # names that are no victims
    return family_of

