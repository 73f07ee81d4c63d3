"""The analyst's decisions: a split or a merge of incidents, kept by report id and applied after the merge.

The automatic merge (`clusters.py`) groups reports by the rules of `merge.py`; the analyst may then
take reports out of their incident into one of their own (a split) or join the incidents that
hold some reports (a merge). Decisions name reports, not incidents: an incident's id is a hash of
its first report and may change when a more specific report arrives, a report's id does not, so a
decision survives re-ingest. They are applied in the order they were made, after every merge.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from eventdesk.store.merge import Report, processing_key

SPLIT, MERGE = "split", "merge"

Groups = list[list[Report]]


@dataclass(frozen=True)
class Decision:
    """An analyst's split or merge, kept by report id."""

    decision_id: int
    action: str  # SPLIT or MERGE
    report_ids: tuple[str, ...]


def apply_decisions(incidents: Groups, reasons: dict[str, str], decisions: Sequence[Decision]) -> Groups:
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


def _split(groups: Groups, touched: Groups, wanted: set[str], decision: Decision, reasons: dict[str, str]) -> Groups:
    leaving = sorted((r for g in touched for r in g if r.report_id in wanted), key=processing_key)
    for report in leaving:
        reasons[report.report_id] = f"split off from its incident by the analyst (decision {decision.decision_id})"
    kept = [[r for r in g if r.report_id not in wanted] for g in groups]
    return [g for g in kept if g] + [leaving]


def _merge(groups: Groups, touched: Groups, decision: Decision, reasons: dict[str, str]) -> Groups:
    touched = sorted(touched, key=lambda g: processing_key(min(g, key=processing_key)))
    for group in touched[1:]:
        for report in group:
            reasons[report.report_id] = f"merged by the analyst (decision {decision.decision_id})"
    merged = [r for g in touched for r in g]
    return [g for g in groups if not any(g is t for t in touched)] + [merged]
