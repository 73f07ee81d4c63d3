"""The schema drives validation, column order, the Parquet schema and the README."""

import ast
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


def test_every_declared_column_has_its_constant():
    for column in (*schema.EVENT_COLUMNS, *schema.REPORT_COLUMNS, *schema.INCIDENT_COLUMNS, *schema.RELATION_COLUMNS,
                   *schema.ARTICLE_COLUMNS, *schema.DECISION_COLUMNS):
        assert getattr(schema, column.name.upper()) == column.name
    assert (schema.KILLED, schema.LINKED_REPORT_ID, schema.MADE_AT) == ("killed", "linked_report_id", "made_at")


def _schema_names_used(tree: ast.AST, aliases: set[str]) -> set[str]:
    """The upper-case names the code reads from the schema (`schema.KILLED`, `from eventdesk.schema import KILLED`)."""
    used = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases:
            used.add(node.attr)
        elif isinstance(node, ast.ImportFrom) and node.module == "eventdesk.schema":
            used.update(alias.name for alias in node.names)
    return {name for name in used if name.isupper()}


def test_every_column_constant_the_code_reads_is_declared():
    """The constants are made from the declarations: a name the code reads that no column declares fails here."""
    root = Path(__file__).resolve().parents[2]
    files = [*root.glob("eventdesk/**/*.py"), *root.glob("pages/*.py"), *root.glob("bench/*.py"), root / "dashboard.py"]
    unknown = {}
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module == "eventdesk"]
        aliases = {"schema"} | {a.asname for n in imports for a in n.names if a.name == "schema" and a.asname}
        missing = {name for name in _schema_names_used(tree, aliases) if not hasattr(schema, name)}
        if missing:
            unknown[str(path.relative_to(root))] = sorted(missing)
    assert unknown == {}
    assert _schema_names_used(ast.parse("from eventdesk import schema\nschema.KILLED, schema.KILED"), {"schema"}) == {
        "KILLED", "KILED"}
