"""Merging reports into incidents: one event per real-world incident, with its reasons.

A report is one event as one article tells it (a row of the extractor). Reports of the same
incident, across articles and within one, merge when every pair of them is compatible:

- **kind**: their event types are of one family (`schema.TYPE_FAMILIES`: a "bombing" and an
  "armed_assault" are both attacks; an airstrike is not); the generic "attack" joins any violent family;
- **date**: dated to the day, at most `DAY_WINDOW` day apart (outlets resolve "on Tuesday" from
  different datelines); a month or a year must contain the other date. A report with no date is
  never merged automatically;
- **place**: within `RADIUS_KM` of each other at the coarser of their two precisions (a point, a
  city), in the same province or the same country at those precisions, never in two countries.
  A report with no place merges only with reports that name the same perpetrator;
- **actors**: no conflict: two named perpetrators (after the actor registry's parent chain, so
  ISKP is Islamic State) must be the same, unless the two sides of a battle are swapped.

Reports are taken in a fixed order, most specific first (dated to the day and placed at a city
or finer, then coarser ones; within each, by date, then report id), so the result depends on the
set of reports, not on the order they were ingested in. A specific report joins the nearest
incident it fits; a coarse one joins an incident only when exactly one fits, and otherwise stays
apart rather than guess. Each incident's id is a hash of its first report, stable while no more
specific report of it arrives; the analyst's decisions are kept by report id, so they survive
re-ingest and a change of incident id.

The store merges a corpus streamed (`cluster_streamed`): the reports come from the database in
that order, and an incident no later report can reach (its dates end more than `DAY_WINDOW` days
before the next report's) leaves memory for a shelf, from which the vaguer reports take back the
precise incidents their dates reach; the result is exactly that of `cluster`.

Analyst decisions are applied after the automatic merge, in the order they were made: a split
takes its reports out of their incident(s) into one of their own; a merge joins the incidents
that hold its reports.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

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
    EVENT_ID,
    EVENT_TYPE,
    GEO_PRECISION,
    LAT,
    LOCATION,
    LON,
    MERGE_REASON,
    REPORT_ID,
)
from eventdesk.store import figures

DAY_WINDOW = 1
RADIUS_KM: dict[str, float] = {"point": 10.0, "city": 30.0, "admin1": 200.0}
PRECISE_DATES = frozenset({"day"})
PRECISE_PLACES = frozenset({"point", "city"})
GEO_ORDER: tuple[str, ...] = ("point", "city", "admin1", "country", "unknown")
NAMED_ACTOR_TYPES = frozenset({"state", "armed_group", "government_body", "international_org", "media", "person"})
VIOLENT_FAMILIES = frozenset(schema.TYPE_FAMILIES[t] for t in schema.VIOLENT_TYPES)
SPLIT, MERGE = "split", "merge"
FOUNDED, SINGLE = "founded the incident", "a single report"

# Columns of the frames derived here (the tables' own names live in schema.py).
MEMBER_RANK = "member_rank"  # a report's place in its incident, the founder first
EVENT_SEQ = "event_seq"  # an incident's place in the event table (by its first report's date)
COUNT = "count"

# The columns clustering reads: no evidence, no text, so a large corpus fits in memory.
MATCH_COLUMNS: tuple[str, ...] = (
    REPORT_ID, schema.ARTICLE_ID, EVENT_TYPE, DATE, DATE_PRECISION, ACTOR1, ACTOR1_TYPE, ACTOR2, ACTOR2_TYPE,
    LOCATION, ADMIN1, COUNTRY, LAT, LON, GEO_PRECISION, CLAIMED_BY,
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

    @property
    def coarse(self) -> bool:
        return self.date_precision not in PRECISE_DATES or self.geo_precision not in PRECISE_PLACES

    @property
    def country(self) -> str | None:
        return self.place[2]


@dataclass(frozen=True)
class Decision:
    """An analyst's split or merge, kept by report id."""

    decision_id: int
    action: str  # SPLIT or MERGE
    report_ids: tuple[str, ...]


@dataclass(slots=True)
class _Incident:
    members: list[Report] = field(default_factory=list)
    reasons: list[str | None] = field(default_factory=list)  # None for members already shelved
    shelved: int = 0  # members already handed to the shelf (a streamed merge)
    reach: int | None = None  # the last day any member's date can mean: no later report reaches it


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


def _dates(a: Report, b: Report) -> str | None:
    if a.start is None or b.start is None:
        return None
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
        return f"{_pair(_name(a), _name(b))}, {km:.0f} km apart (within {RADIUS_KM[level]:.0f} km at {level} precision)"
    index = 0 if level in PRECISE_PLACES else 1
    if a.place[index] and a.place[index] == b.place[index]:
        return f"the same {'place' if index == 0 else 'province'} ({a.place[index]})"
    return None


def _name(report: Report) -> str:
    return next((part for part in report.place if part), "?")


def _unplaced(a: Report, b: Report) -> str | None:
    if a.perpetrator and a.perpetrator == b.perpetrator:
        return f"place unknown in one report, both name {a.perpetrator}"
    return None


def _actors(a: Report, b: Report) -> str | None:
    if not (a.perpetrator and b.perpetrator):
        return "no conflicting actors"
    if a.perpetrator == b.perpetrator:
        return f"both name {a.perpetrator}"
    if a.perpetrator == b.target and b.perpetrator == a.target:
        return f"the same two sides ({a.perpetrator}, {b.perpetrator})"
    return None


CHECKS: tuple[Callable[[Report, Report], str | None], ...] = (_kinds, _dates, _places, _actors)


def compatible(a: Report, b: Report) -> str | None:
    """Why two reports can be one incident ("; "-joined), or None when they cannot."""
    reasons = []
    for check in CHECKS:
        reason = check(a, b)
        if reason is None:
            return None
        reasons.append(reason)
    return "; ".join(reasons)


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


def to_reports(frame: pd.DataFrame, family_of: Callable[[str], str] | None = None) -> list[Report]:
    """Reports from a frame with the MATCH_COLUMNS; `family_of` maps an actor to its registry family."""
    family_of = family_of or (lambda name: name)
    reports = []
    for row in frame[list(MATCH_COLUMNS)].itertuples(index=False, name=None):
        values = dict(zip(MATCH_COLUMNS, row, strict=True))
        event_type = str(values[EVENT_TYPE])
        date, precision = _text(values[DATE]), _text(values[DATE_PRECISION]) or "unknown"
        interval = date_interval(date, precision) or (None, None)
        reports.append(Report(
            report_id=str(values[REPORT_ID]), event_type=event_type,
            family=schema.TYPE_FAMILIES.get(event_type, event_type), date=date, start=interval[0], end=interval[1],
            date_precision=precision,
            place=(_text(values[LOCATION]), _text(values[ADMIN1]), _text(values[COUNTRY])),
            coords=_coords(values[LAT], values[LON]), geo_precision=_text(values[GEO_PRECISION]) or "unknown",
            perpetrator=_named(values[ACTOR1], values[ACTOR1_TYPE], family_of)
            or _named(values[CLAIMED_BY], "armed_group", family_of),
            target=_named(values[ACTOR2], values[ACTOR2_TYPE], family_of),
        ))
    return reports


def registry_families() -> Callable[[str], str]:
    """An actor -> registry family function (the actor itself when the registry does not know it)."""
    from eventdesk.actors import load_registry

    registry = load_registry()

    def family_of(name: str) -> str:
        return registry.family(name) if name in registry.actors else name

    return family_of


# ---------------------------------------------------------------------------------------------
# Clustering
# ---------------------------------------------------------------------------------------------


def processing_key(report: Report) -> tuple:
    """Most specific first, then by date, then by id: the order reports are merged in."""
    return (
        report.coarse,
        report.start is None,
        report.start or 0,
        ("day", "month", "year", "unknown").index(report.date_precision)
        if report.date_precision in ("day", "month", "year") else 3,
        GEO_ORDER.index(report.geo_precision) if report.geo_precision in GEO_ORDER else 4,
        report.report_id,
    )


class _Index:
    """Incidents by (family, anchor, day), so a report meets only its plausible peers.

    A member is filed under the days its date can mean, by its country ("c"), by its named
    perpetrator ("p") and, when it has no place, by its perpetrator among the unplaced ("u"). A
    placed report looks among its country and the unplaced ones that name its perpetrator; an
    unplaced one among all that name its perpetrator (the only place check it can pass).
    """

    def __init__(self) -> None:
        self._cells: dict[tuple, list[int]] = {}

    @staticmethod
    def _filed(report: Report) -> list[tuple]:
        anchors = [("c", report.country)] if report.country else []
        if report.perpetrator:
            anchors.append(("p", report.perpetrator))
            if not report.country:
                anchors.append(("u", report.perpetrator))
        return anchors

    @staticmethod
    def _sought(report: Report) -> list[tuple]:
        if not report.country:
            return [("p", report.perpetrator)] if report.perpetrator else []
        return [("c", report.country)] + ([("u", report.perpetrator)] if report.perpetrator else [])

    @staticmethod
    def _months(first: int, last: int) -> list[tuple[int, int]]:
        a, b = dt.date.fromordinal(first), dt.date.fromordinal(last)
        span = range(a.year * 12 + a.month - 1, b.year * 12 + b.month)
        return [(n // 12, n % 12 + 1) for n in span]

    def _keys(self, report: Report) -> list[tuple]:
        # A report dated to a day is filed under that day, a vaguer one under each month it spans.
        slots = [report.start] if report.start == report.end else self._months(report.start, report.end)
        return [(report.family, *anchor, slot) for anchor in self._filed(report) for slot in slots]

    def add(self, report: Report, incident: int) -> None:
        for key in self._keys(report):
            self._cells.setdefault(key, []).append(incident)

    def remove(self, report: Report, incident: int) -> None:
        for key in self._keys(report):
            kept = [number for number in self._cells.get(key, ()) if number != incident]
            if kept:
                self._cells[key] = kept
            else:
                self._cells.pop(key, None)

    def candidates(self, report: Report) -> list[int]:
        families = {report.family}
        if report.event_type == schema.GENERIC_ATTACK:
            families |= VIOLENT_FAMILIES
        elif report.family in VIOLENT_FAMILIES:
            families.add(schema.TYPE_FAMILIES[schema.GENERIC_ATTACK])
        first, last = report.start - DAY_WINDOW, report.end + DAY_WINDOW
        slots = [*range(first, last + 1), *self._months(first, last)]
        cells = self._cells
        found = {i for family in families for anchor in self._sought(report) for slot in slots
                 for i in cells.get((family, *anchor, slot), ())}
        return sorted(found)


def _fits(report: Report, incident: _Incident) -> str | None:
    """Why `report` fits every member of `incident` (told against its founder), or None."""
    reason = compatible(report, incident.members[0])
    if reason is None or any(compatible(report, member) is None for member in incident.members[1:]):
        return None
    return reason


def _nearness(report: Report, incident: _Incident) -> tuple:
    founder = incident.members[0]
    days = abs((report.start or 0) - (founder.start or 0))
    km = distance_km(report.coords, founder.coords) if report.coords and founder.coords else 0.0
    return days, km


class _Clustering:
    """Incidents being formed from reports taken in processing order (`processing_key`).

    Incidents are numbered in the order they are founded. Those that no later report can reach
    may be retired (taken out of memory with their index entries) and, in a streamed merge,
    restored when a vaguer report's dates reach back to them: the result is the same as when
    every incident stays in memory.
    """

    def __init__(self) -> None:
        self.live: dict[int, _Incident] = {}
        self.founded = 0
        self._index = _Index()
        self._reaches: list[tuple[int, int]] = []  # (reach, number), a heap; stale entries are skipped

    def add(self, report: Report) -> None:
        chosen, reason = _choose(report, self.live, self._index)
        if chosen is None:
            chosen = self.founded
            self.founded += 1
            self.live[chosen] = _Incident()
        incident = self.live[chosen]
        incident.members.append(report)
        incident.reasons.append(reason)
        if report.start is not None:
            self._index.add(report, chosen)
            self._extend(chosen, incident, report.end)

    def _extend(self, number: int, incident: _Incident, end: int) -> None:
        if incident.reach is None or end > incident.reach:
            incident.reach = end
            heapq.heappush(self._reaches, (end, number))

    def restore(self, number: int, members: Sequence[Report]) -> None:
        """Bring back a retired incident whose members (in merge order) are already shelved."""
        incident = self.live[number] = _Incident(list(members), [None] * len(members), len(members))
        for member in members:
            if member.start is not None:
                self._index.add(member, number)
                self._extend(number, incident, member.end)

    def retire(self, before: int | None = None) -> list[tuple[str, int, int, str]]:
        """Retire the incidents whose every date ends before day `before` (all of them when None); returns
        their members not shelved yet as (report_id, incident number, rank, reason)."""
        if before is None:
            numbers = list(self.live)
            self._reaches.clear()
        else:  # (an undated incident is never reached; it leaves with the next retire-all)
            numbers = []
            while self._reaches and self._reaches[0][0] < before:
                reach, number = heapq.heappop(self._reaches)
                if number in self.live and self.live[number].reach == reach:
                    numbers.append(number)
        rows = []
        for number in numbers:
            incident = self.live.pop(number)
            for rank in range(incident.shelved, len(incident.members)):
                rows.append((incident.members[rank].report_id, number, rank, incident.reasons[rank]))
            for member in incident.members:
                if member.start is not None:
                    self._index.remove(member, number)
        return rows


def cluster(reports: Sequence[Report]) -> tuple[list[list[Report]], dict[str, str]]:
    """Group reports into incidents; returns the incidents (members in merge order) and each report's reason."""
    clustering = _Clustering()
    for report in sorted(reports, key=processing_key):
        clustering.add(report)
    incidents = list(clustering.live.values())  # in the order they were founded
    reasons = {r.report_id: reason for i in incidents for r, reason in zip(i.members, i.reasons, strict=True)}
    return [incident.members for incident in incidents], reasons


class Shelf(Protocol):
    """Where a streamed merge keeps the incidents it has retired from memory."""

    def put(self, rows: Sequence[tuple[str, int, int, str]]) -> None:
        """Keep members as (report_id, incident number, rank in the incident, reason)."""

    def take(self, after: int | None, until: int, reach: int) -> Iterable[tuple[int, list[Report]]]:
        """The incidents shelved before the vaguer reports began whose first day is after day `after` (any
        when None) and at most `until`, and whose last day is `reach` or later: (number, members in merge order)."""


RESTORE_AHEAD_DAYS = 31  # a vaguer report restores the precise incidents of about a month at once


def cluster_streamed(reports: Iterable[Report], shelf: Shelf) -> int:
    """Cluster reports given in processing order, as `cluster` does, holding only the incidents a later
    report can still reach; returns the number of incidents.

    Precise reports (a day and a town) come first, by date: one can only join an incident with a
    member within `DAY_WINDOW` days, so incidents whose dates all end earlier go to `shelf`. When the
    vaguer reports begin (again by date), every incident is shelved and those their dates can reach
    are taken back a month at a time; reports without a date come last and never join anything.
    """
    clustering = _Clustering()
    last_key, restored_to = None, None
    for report in reports:
        key = processing_key(report)
        if last_key is not None and key < last_key:
            raise ValueError(f"report {report.report_id} is out of processing order")
        if last_key is None or key[0] != last_key[0]:  # the vaguer reports may reach any precise incident
            shelf.put(clustering.retire())
        last_key = key
        shelf.put(clustering.retire(None if report.start is None else report.start - DAY_WINDOW))
        if report.coarse and report.start is not None:
            restored_to = _restore(clustering, shelf, report, restored_to)
        clustering.add(report)
    shelf.put(clustering.retire())
    return clustering.founded


def _restore(clustering: _Clustering, shelf: Shelf, report: Report, restored_to: int | None) -> int | None:
    """Take back from the shelf the precise incidents `report` may join; returns the last day taken back."""
    until = report.end + DAY_WINDOW
    if restored_to is not None and until <= restored_to:
        return restored_to
    until = max(until, report.start + RESTORE_AHEAD_DAYS)
    for number, members in shelf.take(restored_to, until, report.start - DAY_WINDOW):
        clustering.restore(number, members)
    return until


def _choose(report: Report, incidents: dict[int, _Incident], index: _Index) -> tuple[int | None, str]:
    if report.start is None:
        return None, f"{FOUNDED}: its date is unknown, so it is never merged automatically"
    fits = []
    for number in index.candidates(report):
        reason = _fits(report, incidents[number])
        if reason is not None:
            fits.append((number, reason))
    if not fits:
        return None, FOUNDED
    if report.coarse and len(fits) > 1:
        return None, f"{FOUNDED}: it is too vague to choose among the {len(fits)} incidents it fits"
    number, reason = min(fits, key=lambda fit: (_nearness(report, incidents[fit[0]]), fit[0]))
    prefix = "the only incident this vaguer report fits: " if report.coarse else ""
    return number, prefix + reason


def apply_decisions(
    incidents: list[list[Report]], reasons: dict[str, str], decisions: Sequence[Decision]
) -> list[list[Report]]:
    """The incidents after the analyst's splits and merges, in the order they were made (reasons updated)."""
    groups = [list(members) for members in incidents]
    for decision in sorted(decisions, key=lambda d: d.decision_id):
        wanted = set(decision.report_ids)
        touched = [g for g in groups if any(r.report_id in wanted for r in g)]
        if not touched:
            continue
        if decision.action == SPLIT:
            groups = _split(groups, touched, wanted, decision, reasons)
        else:
            groups = _merge(groups, touched, decision, reasons)
    return [sorted(g, key=processing_key) for g in groups if g]


def _split(groups, touched, wanted, decision, reasons) -> list[list[Report]]:
    leaving = sorted((r for g in touched for r in g if r.report_id in wanted), key=processing_key)
    for report in leaving:
        reasons[report.report_id] = f"split off from its incident by the analyst (decision {decision.decision_id})"
    kept = [[r for r in g if r.report_id not in wanted] for g in groups]
    return [g for g in kept if g] + [leaving]


def _merge(groups, touched, decision, reasons) -> list[list[Report]]:
    touched = sorted(touched, key=lambda g: processing_key(min(g, key=processing_key)))
    for group in touched[1:]:
        for report in group:
            reasons[report.report_id] = f"merged by the analyst (decision {decision.decision_id})"
    merged = [r for g in touched for r in g]
    return [g for g in groups if not any(g is t for t in touched)] + [merged]


def incident_id(founder_report_id: str) -> str:
    """The stable id of the incident a report founded."""
    return hashlib.sha256(f"incident|{founder_report_id}".encode()).hexdigest()[:16]


def merge_reports(
    frame: pd.DataFrame,
    decisions: Sequence[Decision] = (),
    family_of: Callable[[str], str] | None = None,
) -> pd.DataFrame:
    """Assign every report of `frame` (with MATCH_COLUMNS) to an incident: see `assign_incidents`."""
    return assign_incidents(to_reports(frame, family_of), decisions)


def assign_incidents(reports: Sequence[Report], decisions: Sequence[Decision] = ()) -> pd.DataFrame:
    """Merge reports into incidents and apply the analyst's decisions.

    Returns one row per report: `report_id`, `event_id`, `merge_reason`, `member_rank` (0 for the
    report that founded the incident) and `event_seq` (the incident's place in the event table:
    by its first report's date, undated last, then id).
    """
    incidents, reasons = cluster(reports)
    incidents = apply_decisions(incidents, reasons, decisions)
    incidents.sort(key=lambda members: (members[0].start is None, members[0].start or 0, members[0].report_id))
    return membership(incidents, reasons)


def membership(incidents: Sequence[Sequence[Report]], reasons: dict[str, str], first_seq: int = 0) -> pd.DataFrame:
    """One row per report of `incidents` (members in merge order): its incident, reason, rank and the
    incident's sequence number, counted from `first_seq`."""
    rows = []
    for seq, members in enumerate(incidents, start=first_seq):
        event_id = incident_id(members[0].report_id)
        for rank, report in enumerate(members):
            reason = member_reason(reasons[report.report_id], len(members))
            rows.append((report.report_id, event_id, reason, rank, seq))
    return pd.DataFrame(rows, columns=[REPORT_ID, EVENT_ID, MERGE_REASON, MEMBER_RANK, EVENT_SEQ]).astype(
        {REPORT_ID: "string", EVENT_ID: "string", MERGE_REASON: "string", MEMBER_RANK: "int64", EVENT_SEQ: "int64"}
    )


def stored_reason(reason: str) -> str:
    """The reason as clustering gave it, from the one kept with a member (`member_reason` undone)."""
    if reason == f"{SINGLE}: no other report fits it":
        return FOUNDED
    return FOUNDED + reason[len(SINGLE):] if reason.startswith(SINGLE) else reason


def member_reason(reason: str, size: int) -> str:
    """The reason kept with a member of an incident of `size` reports (a founder alone is "a single report")."""
    if size == 1 and reason.startswith(FOUNDED):
        return SINGLE + reason[len(FOUNDED):] if reason != FOUNDED else f"{SINGLE}: no other report fits it"
    return reason


# ---------------------------------------------------------------------------------------------
# Incidents from their reports
# ---------------------------------------------------------------------------------------------

PLACE_COLUMNS = (schema.DATE, schema.DATE_PRECISION, LOCATION, ADMIN1, COUNTRY, LAT, LON, GEO_PRECISION)
SOURCE_COLUMNS = (schema.ARTICLE_ID, schema.SOURCE, schema.PUBLISHED, schema.EVIDENCE, schema.EVIDENCE_START,
                  schema.EVIDENCE_END, schema.CONFIDENCE)


def build_incidents(reports: pd.DataFrame, rule: str = figures.DEFAULT_RULE) -> pd.DataFrame:
    """One row per incident (INCIDENT_COLUMNS) from its member reports.

    `reports` holds REPORT_COLUMNS plus `member_rank` and `event_seq`, and `linked_event_id`: the
    incident of each report's linked report. Date and place come from the founding report (the
    most specific); the event type is the most common specific type; actors are the founder's, a
    named perpetrator from another report filling an unnamed one; killed and injured are the best
    figures under `rule`, and the evidence (article, sentence, offsets) is that of the report that
    gives the best killed figure, else the best injured figure, else the founder's.
    """
    if reports.empty:
        return schema.empty_frame(schema.INCIDENT_COLUMNS)
    ordered = reports.sort_values([EVENT_SEQ, MEMBER_RANK], kind="stable")
    founders = ordered.drop_duplicates(EVENT_ID).set_index(EVENT_ID)
    out = founders[[*PLACE_COLUMNS, EVENT_SEQ]].copy()
    out[EVENT_TYPE] = _main_type(ordered, founders)
    out = out.join(_actors_of(ordered, founders))
    out[CLAIMED_BY] = ordered.dropna(subset=[CLAIMED_BY]).drop_duplicates(EVENT_ID).set_index(EVENT_ID)[CLAIMED_BY]
    linked = ordered[schema.LINKED_EVENT_ID]
    links = ordered[(linked.notna() & linked.ne(ordered[EVENT_ID]).fillna(False)).to_numpy(dtype=bool)]
    out[schema.LINKED_EVENT_ID] = links.drop_duplicates(EVENT_ID).set_index(EVENT_ID)[schema.LINKED_EVENT_ID]
    summary = figures.summarise(ordered, rule)
    out = out.join(summary.drop(columns=[c for c in summary.columns if c.endswith("_report")]))
    out = out.join(_evidence_of(ordered, founders, summary))
    out = out.join(_counts(ordered))
    out = out.sort_values(EVENT_SEQ, kind="stable").reset_index()
    return schema.conform(out, schema.INCIDENT_COLUMNS)


def _main_type(ordered: pd.DataFrame, founders: pd.DataFrame) -> pd.Series:
    """The most common specific type (a "bombing" over a generic "attack"); ties go to the earlier report."""
    specific = ordered[(ordered[EVENT_TYPE] != schema.GENERIC_ATTACK).to_numpy(dtype=bool)]
    counts = specific.groupby([EVENT_ID, EVENT_TYPE], sort=False).size().rename(COUNT).reset_index()
    ranked = counts.sort_values([EVENT_ID, COUNT], ascending=[True, False], kind="stable")
    main = ranked.drop_duplicates(EVENT_ID).set_index(EVENT_ID)[EVENT_TYPE]
    return main.reindex(founders.index).fillna(founders[EVENT_TYPE])


def _actors_of(ordered: pd.DataFrame, founders: pd.DataFrame) -> pd.DataFrame:
    out = founders[[ACTOR1, ACTOR1_TYPE, ACTOR2, ACTOR2_TYPE]].copy()
    named = ordered[ordered[ACTOR1_TYPE].isin(NAMED_ACTOR_TYPES).fillna(False).to_numpy(dtype=bool)]
    first_named = named.drop_duplicates(EVENT_ID).set_index(EVENT_ID)
    unnamed = ~out[ACTOR1_TYPE].isin(NAMED_ACTOR_TYPES).fillna(False).astype(bool)
    fill = unnamed & out.index.isin(first_named.index)
    for column in (ACTOR1, ACTOR1_TYPE):
        out.loc[fill, column] = first_named.loc[out.index[fill], column].to_numpy()
    for column in (ACTOR2, ACTOR2_TYPE):
        firsts = ordered.dropna(subset=[ACTOR2]).drop_duplicates(EVENT_ID).set_index(EVENT_ID)[column]
        out[column] = out[column].fillna(firsts)
    out[schema.TARGETS] = _targets_of(ordered, out[ACTOR2])
    return out


def _targets_of(ordered: pd.DataFrame, main: pd.Series) -> pd.Series:
    """Every target the incident's reports name, its actor2 first, each once ("; "-joined)."""
    named = pd.concat([main.dropna().rename(schema.TARGETS).reset_index(),
                       ordered[[EVENT_ID, schema.TARGETS]].dropna()], ignore_index=True)
    if named.empty:
        return pd.Series(pd.NA, index=main.index, dtype="string")
    each = named.assign(**{schema.TARGETS: named[schema.TARGETS].str.split("; ")}).explode(schema.TARGETS)
    each = each.drop_duplicates([EVENT_ID, schema.TARGETS])
    return each.groupby(EVENT_ID, sort=False)[schema.TARGETS].agg("; ".join).reindex(main.index).astype("string")


def _evidence_of(ordered: pd.DataFrame, founders: pd.DataFrame, summary: pd.DataFrame) -> pd.DataFrame:
    chosen = summary[figures.best_report_column(schema.KILLED_BEST)].fillna(
        summary[figures.best_report_column(schema.INJURED_BEST)]).reindex(founders.index)
    chosen = chosen.fillna(founders[REPORT_ID].astype("string"))
    by_report = ordered.drop_duplicates(REPORT_ID).set_index(REPORT_ID)
    picked = by_report.loc[chosen.to_numpy(), list(SOURCE_COLUMNS)]
    picked.index = founders.index
    return picked


def _counts(ordered: pd.DataFrame) -> pd.DataFrame:
    outlets = ordered[schema.SOURCE].fillna(ordered[schema.ARTICLE_ID])
    grouped = ordered.assign(**{schema.SOURCE: outlets}).groupby(EVENT_ID)
    return pd.DataFrame({
        schema.N_REPORTS: grouped.size(),
        schema.N_SOURCES: grouped[schema.SOURCE].nunique(),
        schema.FIRST_REPORTED: grouped[schema.PUBLISHED].min(),
        schema.LAST_REPORTED: grouped[schema.PUBLISHED].max(),
    })


def single_incidents(events: pd.DataFrame) -> pd.DataFrame:
    """An event table read as incidents of one report each (for tables made without the store)."""
    out = events.copy()
    for reported, _qualifier, low, best, high in figures.FIGURES:
        for column in (low, best, high):
            if column not in out.columns:
                out[column] = out[reported] if reported in out.columns else pd.NA
    defaults = {schema.N_REPORTS: 1, schema.N_SOURCES: 1}
    for column, value in defaults.items():
        if column not in out.columns:
            out[column] = value
    for column in (schema.FIRST_REPORTED, schema.LAST_REPORTED):
        if column not in out.columns:
            out[column] = out[schema.PUBLISHED] if schema.PUBLISHED in out.columns else pd.NA
    return out
