"""Trends page: attacks and the killed by province or country and period, with the change against before."""

from __future__ import annotations

import json

from eventdesk.dashboard import trends


def _lines(app) -> dict[str, list]:
    (chart,) = app.get("plotly_chart")
    return {t["name"]: t["y"] for t in json.loads(chart.proto.spec)["data"]}


def test_the_seed_bombing_is_kermans_one_attack_of_january(open_page):
    app = open_page("trends")
    assert _lines(app) == {"Kerman, Iran": [1]}
    (table,) = app.dataframe
    shown = table.value.set_index(trends.AREA)
    assert shown.loc["Kerman, Iran", "latest (2024-01)"] == 1
    assert any("the latest month with an attack" in c.value for c in app.caption)


def test_by_country_and_killed_the_line_is_the_toll(open_page):
    app = open_page("trends")
    area, period, measure = app.button_group
    area.set_value("country").run()
    measure.set_value("killed").run()
    assert _lines(app) == {"Iran": [84]}
    period.set_value("year").run()
    (table,) = app.dataframe
    assert "latest (2024)" in table.value.columns


def test_the_corpus_shows_every_area_with_attacks(corpus_store, open_store_page):
    app = open_store_page(corpus_store, "trends")
    lines = _lines(app)
    (table,) = app.dataframe
    assert set(lines) <= set(table.value[trends.AREA]) and len(lines) >= 2
    assert not app.exception
