"""Reports grouped into incidents by the merge's rules (`merge.py`), in memory or streamed from the store.

Reports are taken in a fixed order, most specific first (dated to the day and placed at a city
or finer, then coarser ones; within each, by date, then report id: `merge.processing_key`), so
the result depends on the set of reports, not on the order they were ingested in. A specific
report joins the incident it fits and shares most with (victims, site: `merge.agreement`), the
nearest among equals; a coarse one the only incident it fits, or the one it shares most with.
When several fit and none is nearer or shares more (several shootings on one night in one city),
a report stays apart rather than guess. While reports are being grouped, an incident
is a `Cluster`: its members in merge order and why each joined.

The store merges a corpus streamed (`cluster_streamed`): the reports come from the database in
that order, and a cluster no later report can reach (its dates end more than `DAY_WINDOW` days
before the next report's) leaves memory for a shelf, from which the vaguer reports take back the
precise clusters their dates reach; the result is exactly that of `cluster`.

The grouping ends as a membership table (`membership`): each report's incident, its reason, its
rank in the incident and the incident's place in the event table. Each incident's id is a hash
of its first report (`incident_id`), stable while no more specific report of it arrives.
`assign_incidents` is the whole merge in memory: clustering, then the analyst's decisions
(`decisions.py`), then the membership.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import pandas as pd

from eventdesk import schema
from eventdesk.schema import EVENT_ID, MERGE_REASON, REPORT_ID
from eventdesk.store.decisions import Decision, apply_decisions
from eventdesk.store.merge import (
    DAY_WINDOW,
    VIOLENT_FAMILIES,
    Report,
    match,
    nearness,
    processing_key,
    to_reports,
)

FOUNDED, SINGLE = "founded the incident", "a single report"
RESTORE_AHEAD_DAYS = 31  # a vaguer report restores the precise clusters of about a month at once

# Columns of the membership frames made here (the tables' own names live in schema.py).
MEMBER_RANK = "member_rank"  # a report's place in its incident, the founder first
EVENT_SEQ = "event_seq"  # an incident's place in the event table (by its first report's date)


@dataclass(slots=True)
class Cluster:
    """An incident being formed: its members in merge order and why each joined."""

    members: list[Report] = field(default_factory=list)
    reasons: list[str | None] = field(default_factory=list)  # None for members already shelved
    shelved: int = 0  # members already handed to the shelf (a streamed merge)
    reach: int | None = None  # the last day any member's date can mean: no later report reaches it


# ---------------------------------------------------------------------------------------------
# Clustering
# ---------------------------------------------------------------------------------------------


class _Index:
    """Clusters by (family, anchor, day), so a report meets only its plausible peers.

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
        slots = [report.first] if report.first == report.last else self._months(report.first, report.last)
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
        first, last = report.first - DAY_WINDOW, report.last + DAY_WINDOW
        slots = [*range(first, last + 1), *self._months(first, last)]
        cells = self._cells
        found = {i for family in families for anchor in self._sought(report) for slot in slots
                 for i in cells.get((family, *anchor, slot), ())}
        return sorted(found)


def _same_town(report: Report, cluster: Cluster) -> float:
    town = report.place[0]
    return 1.0 if town and any(member.place[0] == town for member in cluster.members) else 0.0


def _fits(report: Report, cluster: Cluster) -> tuple[str, float] | None:
    """Why `report` fits every member of `cluster` (told against its founder, with what it agrees on with
    any member) and how much they agree, or None."""
    found = [match(report, member) for member in cluster.members]
    if any(m is None for m in found):
        return None
    agreed = list(dict.fromkeys(text for m in found for text in m.agreed))
    score = max(m.score for m in found)
    if score < max(m.needed for m in found):
        return None
    founder = found[0]
    return "; ".join([*founder.reasons, *agreed]), score


class _Clustering:
    """Clusters being formed from reports taken in processing order (`processing_key`).

    Clusters are numbered in the order they are founded. Those that no later report can reach
    may be retired (taken out of memory with their index entries) and, in a streamed merge,
    restored when a vaguer report's dates reach back to them: the result is the same as when
    every cluster stays in memory.
    """

    def __init__(self) -> None:
        self.live: dict[int, Cluster] = {}
        self.founded = 0
        self._index = _Index()
        self._reaches: list[tuple[int, int]] = []  # (reach, number), a heap; stale entries are skipped

    def add(self, report: Report) -> None:
        chosen, reason = _choose(report, self.live, self._index)
        if chosen is None:
            chosen = self.founded
            self.founded += 1
            self.live[chosen] = Cluster()
        cluster = self.live[chosen]
        cluster.members.append(report)
        cluster.reasons.append(reason)
        if report.first is not None:
            self._index.add(report, chosen)
            self._extend(chosen, cluster, report.last)

    def _extend(self, number: int, cluster: Cluster, end: int) -> None:
        if cluster.reach is None or end > cluster.reach:
            cluster.reach = end
            heapq.heappush(self._reaches, (end, number))

    def restore(self, number: int, members: Sequence[Report]) -> None:
        """Bring back a retired cluster whose members (in merge order) are already shelved."""
        cluster = self.live[number] = Cluster(list(members), [None] * len(members), len(members))
        for member in members:
            if member.first is not None:
                self._index.add(member, number)
                self._extend(number, cluster, member.last)

    def retire(self, before: int | None = None) -> list[tuple[str, int, int, str]]:
        """Retire the clusters whose every date ends before day `before` (all of them when None); returns
        their members not shelved yet as (report_id, cluster number, rank, reason)."""
        if before is None:
            numbers = list(self.live)
            self._reaches.clear()
        else:  # (an undated cluster is never reached; it leaves with the next retire-all)
            numbers = []
            while self._reaches and self._reaches[0][0] < before:
                reach, number = heapq.heappop(self._reaches)
                if number in self.live and self.live[number].reach == reach:
                    numbers.append(number)
        rows = []
        for number in numbers:
            cluster = self.live.pop(number)
            for rank in range(cluster.shelved, len(cluster.members)):
                rows.append((cluster.members[rank].report_id, number, rank, cluster.reasons[rank]))
            for member in cluster.members:
                if member.first is not None:
                    self._index.remove(member, number)
        return rows


def cluster(reports: Sequence[Report]) -> tuple[list[list[Report]], dict[str, str]]:
    """Group reports into incidents; returns the incidents (members in merge order) and each report's reason."""
    clustering = _Clustering()
    for report in sorted(reports, key=processing_key):
        clustering.add(report)
    founded = list(clustering.live.values())  # in the order they were founded
    reasons = {r.report_id: reason for c in founded for r, reason in zip(c.members, c.reasons, strict=True)}
    return [c.members for c in founded], reasons


class Shelf(Protocol):
    """Where a streamed merge keeps the clusters it has retired from memory."""

    def put(self, rows: Sequence[tuple[str, int, int, str]]) -> None:
        """Keep members as (report_id, cluster number, rank in the cluster, reason)."""

    def take(self, after: int | None, until: int, reach: int) -> Iterable[tuple[int, list[Report]]]:
        """The clusters shelved before the vaguer reports began whose first day is after day `after` (any
        when None) and at most `until`, and whose last day is `reach` or later: (number, members in merge order)."""


def cluster_streamed(reports: Iterable[Report], shelf: Shelf) -> int:
    """Cluster reports given in processing order, as `cluster` does, holding only the incidents a later
    report can still reach; returns the number of incidents.

    Precise reports (a day and a town) come first, by date: one can only join an incident with a
    member within `DAY_WINDOW` days, so incidents whose dates all end earlier go to `shelf`. When the
    vaguer reports begin (again by the first day they can mean: a later report's and an undated one's
    reach a week back, `merge.LOOKBACK_DAYS`), every incident is shelved and those their days can
    reach are taken back a month at a time; reports with neither a date nor a publication date come
    last and never join anything.
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
        shelf.put(clustering.retire(None if report.first is None else report.first - DAY_WINDOW))
        if report.coarse and report.first is not None:
            restored_to = _restore(clustering, shelf, report, restored_to)
        clustering.add(report)
    shelf.put(clustering.retire())
    return clustering.founded


def _restore(clustering: _Clustering, shelf: Shelf, report: Report, restored_to: int | None) -> int | None:
    """Take back from the shelf the precise incidents `report` may join; returns the last day taken back."""
    until = report.last + DAY_WINDOW
    if restored_to is not None and until <= restored_to:
        return restored_to
    until = max(until, report.first + RESTORE_AHEAD_DAYS)
    for number, members in shelf.take(restored_to, until, report.first - DAY_WINDOW):
        clustering.restore(number, members)
    return until


def _choose(report: Report, clusters: dict[int, Cluster], index: _Index) -> tuple[int | None, str]:
    """The incident `report` joins (None to found one) and why.

    A specific report joins the incident it agrees with most, the nearest among equals; a vaguer one
    joins the only incident it fits or the one it agrees with most. When several incidents fit and
    none agrees with the report more than another (several shootings on one night in one city), it
    stays apart rather than guess.
    """
    if report.first is None:
        return None, f"{FOUNDED}: its date is unknown, so it is never merged automatically"
    fits = []
    for number in index.candidates(report):
        fit = _fits(report, clusters[number])
        if fit is not None:  # among incidents it agrees with as much, one in its own town comes first
            fits.append((number, fit[0], fit[1] + _same_town(report, clusters[number])))
    if not fits:
        return None, FOUNDED
    near = {number: nearness(report, clusters[number].members[0]) for number, _, _ in fits}
    fits.sort(key=lambda fit: (-fit[2], near[fit[0]], fit[0]))
    if len(fits) > 1 and fits[0][2] <= fits[1][2] and (report.coarse or near[fits[0][0]] == near[fits[1][0]]):
        if report.coarse:
            return None, f"{FOUNDED}: it is too vague to choose among the {len(fits)} incidents it fits"
        return None, (f"{FOUNDED}: it fits {len(fits)} incidents as near as each other and agrees with none of them "
                      "more than another")
    prefix = ""
    if report.coarse:
        prefix = ("the only incident this vaguer report fits: " if len(fits) == 1
                  else f"the one of {len(fits)} incidents this vaguer report agrees with most: ")
    return fits[0][0], prefix + fits[0][1]


# ---------------------------------------------------------------------------------------------
# The membership table
# ---------------------------------------------------------------------------------------------


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
