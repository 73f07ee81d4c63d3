"""Fixtures of the store's tests: the test corpus ingested once, and report rows for the merge to group.

The corpus (tests/fixtures/corpus) holds four reports of one suicide bombing in Maiduguri from
four outlets over four days with differing figures, three reports of two attacks on police in
Quetta a week apart, and an airstrike in Idlib on the day of the bombing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from eventdesk import schema
from eventdesk.store import clusters, ingest, merge

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"

# Konduga is 35 km from Maiduguri, Kano about 500 km; Diffa is across the border in Niger.
TOWNS: dict[str, dict[str, object]] = {
    "Maiduguri": {"location": "Maiduguri", "admin1": "Borno", "country": "Nigeria", "lat": 11.8311, "lon": 13.1510},
    "Konduga": {"location": "Konduga", "admin1": "Borno", "country": "Nigeria", "lat": 11.6533, "lon": 13.4179},
    "Kano": {"location": "Kano", "admin1": "Kano", "country": "Nigeria", "lat": 12.0022, "lon": 8.5920},
    "Diffa": {"location": "Diffa", "admin1": "Diffa", "country": "Niger", "lat": 13.3154, "lon": 12.6113},
    "Quetta": {"location": "Quetta", "admin1": "Balochistan", "country": "Pakistan", "lat": 30.1798, "lon": 66.9750},
}
UNPLACED = {"location": None, "admin1": None, "country": None, "lat": None, "lon": None, "geo_precision": "unknown"}


class ReportRows:
    """Rows with the merge's MATCH_COLUMNS: a bombing in Maiduguri on 12 March 2024 unless told otherwise."""

    towns = TOWNS
    unplaced = UNPLACED

    @staticmethod
    def row(report_id: str, date: str | None = "2024-03-12", town: str | None = "Maiduguri", **values) -> dict:
        """One report; `town=None` leaves it without a place, `date=None` without a date."""
        row = {name: None for name in merge.MATCH_COLUMNS}
        row.update(report_id=report_id, article_id=f"a-{report_id}", event_type="bombing", date=date,
                   date_precision="day" if date else "unknown", geo_precision="city")
        row.update(TOWNS[town] if town else UNPLACED)
        row.update(values)
        return row

    @staticmethod
    def frame(rows: list[dict]) -> pd.DataFrame:
        return pd.DataFrame(rows, columns=list(merge.MATCH_COLUMNS))

    def reports(self, *rows: dict, family_of=None) -> list[merge.Report]:
        return merge.to_reports(self.frame(list(rows)), family_of)

    def merged(self, *rows: dict, decisions=(), family_of=None) -> pd.DataFrame:
        """The membership table the merge in memory gives the rows."""
        return clusters.merge_reports(self.frame(list(rows)), decisions, family_of)

    @staticmethod
    def groups(table: pd.DataFrame) -> list[list[str]]:
        """Report ids grouped by incident, the founder first; incidents sorted by their first report id."""
        ordered = table.sort_values([clusters.EVENT_SEQ, clusters.MEMBER_RANK])
        return sorted(list(g[schema.REPORT_ID]) for _, g in ordered.groupby(clusters.EVENT_SEQ, sort=True))

    @staticmethod
    def reason_of(table: pd.DataFrame, report_id: str) -> str:
        return table.set_index(schema.REPORT_ID).loc[report_id, schema.MERGE_REASON]


@pytest.fixture
def rows() -> ReportRows:
    return ReportRows()


@pytest.fixture(scope="session")
def corpus_ingest(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ingest.IngestResult]:
    """The test corpus ingested into a store by the library, once, and what the ingest did; read only."""
    folder = tmp_path_factory.mktemp("corpus-store")
    return folder, ingest.ingest_paths([CORPUS], folder, workers=1)


@pytest.fixture
def corpus_copy(corpus_ingest: tuple[Path, ingest.IngestResult], tmp_path: Path) -> Path:
    """A copy of the corpus store that a test may write to."""
    shutil.copytree(corpus_ingest[0], tmp_path / "store")
    return tmp_path / "store"
