"""The schema drives validation, column order, the Parquet schema and the README."""

from pathlib import Path

import pandas as pd
import pytest

from eventdesk import schema

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_column_tables_match_the_schema():
    assert schema.readme_columns() in README.read_text(encoding="utf-8"), (
        "README.md's column tables are out of date: run `python -m eventdesk.schema README.md`")


def test_conform_orders_and_types_columns():
    frame = pd.DataFrame({"killed": ["3"], "event_type": ["bombing"], "extra": [1]})
    out = schema.conform(frame)
    assert list(out.columns) == list(schema.EVENT_FIELDS)
    assert out.loc[0, "killed"] == 3 and str(out["killed"].dtype) == "Int64"


def test_validate_rejects_unknown_vocabulary():
    row = {c.name: "x" for c in schema.EVENT_COLUMNS if c.required}
    row.update(event_type="picnic", date_precision="day", geo_precision="city", evidence_start=0,
               evidence_end=1, confidence=0.5)
    with pytest.raises(schema.SchemaError, match="event_type"):
        schema.validate(pd.DataFrame([row]))


def test_arrow_schema_has_every_column():
    assert schema.arrow_schema().names == list(schema.EVENT_FIELDS)
