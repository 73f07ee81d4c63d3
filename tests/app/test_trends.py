"""Trends page: attacks and the killed by province or country and period, with the change against before."""

from __future__ import annotations

import json
import re

from eventdesk.dashboard import keys, trends

CIRCLE = re.compile(r"L\.circleMarker\(\s*\[(-?[\d.]+), (-?[\d.]+)\]")


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
    app.button_group(key=keys.TRENDS_LEVEL_KEY).set_value("country").run()
    app.button_group(key=keys.TRENDS_MEASURE_KEY).set_value("killed").run()
    assert _lines(app) == {"Iran": [84]}
    app.button_group(key=keys.TRENDS_PERIOD_KEY).set_value("year").run()
    (table,) = app.dataframe
    assert "latest (2024)" in table.value.columns


def test_the_corpus_shows_every_area_with_attacks(corpus_store, open_store_page):
    app = open_store_page(corpus_store, "trends")
    lines = _lines(app)
    (table,) = app.dataframe
    assert set(lines) <= set(table.value[trends.AREA]) and len(lines) >= 2
    assert not app.exception


def test_the_period_is_chosen_in_the_sidebar(open_page):
    app = open_page("trends")
    assert [group.key for group in app.sidebar.button_group] == [keys.TRENDS_PERIOD_KEY]


def test_the_area_map_draws_kermans_circle_with_its_toll(open_page):
    app = open_page("trends")
    app.button_group(key=keys.TRENDS_MEASURE_KEY).set_value("killed").run()
    (component,) = app.get("component_instance")
    script = json.loads(component.proto.json_args)["script"]
    ((lat, lon),) = CIRCLE.findall(script)
    assert abs(float(lat) - 30.28) < 0.05 and abs(float(lon) - 57.08) < 0.05
    assert "killed 84" in script and "Kerman, Iran" in script
    assert any("proportional to the killed" in c.value for c in app.caption)


def test_initiators_have_no_map(open_page):
    app = open_page("trends")
    app.button_group(key=keys.TRENDS_LEVEL_KEY).set_value(trends.INITIATOR).run()
    assert not app.get("component_instance") and not app.exception
