"""The store's database: its tables made from the declared columns, and brought up to date in an older store."""

from __future__ import annotations

import duckdb

from eventdesk import schema
from eventdesk.store import database, ingest, store


def test_a_table_is_declared_with_each_columns_type_and_its_key():
    columns, key = database.TABLES[database.SETTINGS]
    assert database.ddl(database.SETTINGS, columns, key) == (
        "CREATE TABLE IF NOT EXISTS settings (setting VARCHAR PRIMARY KEY, value VARCHAR)")


def test_a_new_database_gets_every_table_with_its_declared_columns():
    with duckdb.connect(":memory:") as connection:
        database.create_tables(connection)
        made = sorted(row[0] for row in connection.execute("SHOW TABLES").fetchall())
        members = [row[0] for row in connection.execute(f"DESCRIBE {database.MEMBERS}").fetchall()]
    assert made == ["articles", "decisions", "events", "members", "reports", "settings"]
    assert members == [c.name for c in database.MEMBER_COLUMNS]


def test_making_the_tables_again_keeps_what_they_hold():
    with duckdb.connect(":memory:") as connection:
        database.create_tables(connection)
        connection.execute(f"INSERT INTO {database.SETTINGS} VALUES (?, ?)", [database.FIGURE_RULE, "conservative"])
        database.create_tables(connection)
        rows = connection.execute(f"SELECT * FROM {database.SETTINGS}").fetchall()
    assert rows == [("figure_rule", "conservative")]


def test_a_store_made_before_a_column_was_declared_gains_it_empty(tmp_path):
    ingest.ingest_text("On 4 June 2021, gunmen attacked a bank in Kirkuk, Iraq.", tmp_path, workers=1)
    with duckdb.connect(str(tmp_path / store.DATABASE)) as db:
        db.execute(f"ALTER TABLE reports DROP COLUMN {schema.TARGETS}")
    ingest.ingest_text("On 5 June 2021, gunmen attacked a school in Mosul, Iraq.", tmp_path, workers=1)
    reports = store.load_reports(tmp_path)
    assert len(reports) == 2
    assert reports[schema.TARGETS].isna().sum() == 1

