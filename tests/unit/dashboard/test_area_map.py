"""area_map.py: totals per province or country drawn as proportional circles on the offline map."""

from __future__ import annotations

import folium
import pandas as pd
import pytest

from eventdesk import schema
from eventdesk.dashboard import area_map, mapview, trends


def _attack(date: str, admin1: str | None, country: str, lat: float | None, lon: float | None,
            killed: int | None = None, injured: int | None = None, event_type: str = "armed_assault") -> dict:
    return {schema.EVENT_TYPE: event_type, schema.DATE: date, schema.ADMIN1: admin1, schema.COUNTRY: country,
            schema.LAT: lat, schema.LON: lon, schema.KILLED: killed, schema.INJURED: injured,
            schema.GEO_PRECISION: "city" if lat is not None else "unknown"}


@pytest.fixture
def events(make_events) -> pd.DataFrame:
    return make_events(
        # Borno: three attacks in two towns; Maiduguri twice.
        _attack("2024-03-02", "Borno", "Nigeria", 11.85, 13.16, killed=9, injured=4),
        _attack("2024-04-05", "Borno", "Nigeria", 11.85, 13.16, killed=1),
        _attack("2024-04-19", "Borno", "Nigeria", 11.52, 13.69, killed=6, injured=2),
        # Kaduna: one attack, nobody reported killed.
        _attack("2024-04-11", "Kaduna", "Nigeria", 10.52, 7.44),
        # Known to Niger only, with no coordinates: counted, not drawn.
        _attack("2024-04-12", None, "Niger", None, None, killed=3),
        # A claim repeats its attack's toll: no attack.
        _attack("2024-04-20", "Borno", "Nigeria", 11.85, 13.16, killed=6, event_type="claim"),
    )


def test_totals_per_province_sit_at_the_median_of_their_attacks(events):
    totals = area_map.area_totals(events, schema.ADMIN1)
    areas = totals.areas.set_index(trends.AREA)
    assert list(areas.index) == ["Borno, Nigeria", "Kaduna, Nigeria"]  # the most attacks first
    assert areas.loc["Borno, Nigeria", [trends.ATTACKS, schema.KILLED, schema.INJURED]].tolist() == [3, 16, 6]
    assert areas.loc["Borno, Nigeria", schema.LAT] == pytest.approx(11.85)  # two of its three attacks are there
    assert areas.loc["Kaduna, Nigeria", schema.KILLED] == 0
    assert totals.unlocated == 1  # Niger's attack has no coordinates
    assert "1 area with no located attack not drawn" in area_map.map_note(totals, "killed")


def test_totals_per_country(events):
    totals = area_map.area_totals(events, schema.COUNTRY)
    (nigeria,) = totals.areas.to_dict("records")
    assert nigeria[trends.AREA] == "Nigeria" and nigeria[trends.ATTACKS] == 4 and nigeria[schema.KILLED] == 16


def test_initiators_are_no_places(events):
    with pytest.raises(ValueError, match="initiators are not places"):
        area_map.area_totals(events, trends.INITIATOR)


def test_circle_areas_are_proportional_to_the_measure():
    radii = area_map.radii(pd.Series([100, 25, 0]), max_radius=40, min_radius=4)
    assert radii.tolist() == [40.0, 20.0, 4.0]  # a quarter of the killed, half the radius: a quarter of the ink
    assert area_map.radii(pd.Series([0, 0])).tolist() == [area_map.MIN_RADIUS_PX] * 2


def test_the_map_draws_one_circle_per_located_area_with_its_figures(events):
    totals = area_map.area_totals(events, schema.ADMIN1)
    changes = trends.trend_table(events, schema.ADMIN1, "month", "killed").changes
    fmap = area_map.draw_area_map(totals, "killed", changes)
    circles = [e for e in mapview._walk(fmap) if isinstance(e, folium.CircleMarker)]
    assert len(circles) == 2
    borno, kaduna = circles
    assert borno.options["radius"] == area_map.MAX_RADIUS_PX and kaduna.options["radius"] == area_map.MIN_RADIUS_PX
    html = fmap.get_root().render()
    assert "attacks 3<br>killed 16<br>injured 6" in html
    assert "killed: 7 in the latest period, 9 in the one before" in html  # April against March, in Borno
    assert "cdn" not in html.lower()  # the page loads Leaflet from the app


def test_area_names_are_escaped(make_events):
    events = make_events(_attack("2024-04-11", "<b>Kaduna</b>", "Nigeria", 10.52, 7.44))
    html = area_map.draw_area_map(area_map.area_totals(events, schema.ADMIN1), "attacks").get_root().render()
    assert "<b>Kaduna" not in html and "&lt;b&gt;Kaduna" in html


def test_no_located_attack_gives_the_empty_world_map(make_events):
    events = make_events(_attack("2024-04-12", None, "Niger", None, None, killed=3))
    totals = area_map.area_totals(events, schema.COUNTRY)
    fmap = area_map.draw_area_map(totals, "attacks")
    assert not [e for e in mapview._walk(fmap) if isinstance(e, folium.CircleMarker)]
    assert totals.unlocated == 1


def test_an_area_with_one_period_has_no_one_before(make_events):
    events = make_events(_attack("2024-04-11", "Kaduna", "Nigeria", 10.52, 7.44, killed=2))
    totals = area_map.area_totals(events, schema.ADMIN1)
    changes = trends.trend_table(events, schema.ADMIN1, "month", "killed").changes
    html = area_map.draw_area_map(totals, "killed", changes).get_root().render()
    assert "killed: 2 in the latest period<" in html and "the one before" not in html


def test_only_the_busiest_areas_are_drawn_and_the_note_says_so(events):
    totals = area_map.area_totals(events, schema.ADMIN1, max_areas=1)
    assert list(totals.areas[trends.AREA]) == ["Borno, Nigeria"] and totals.left_out == 1
    assert "Only the 1 areas with the most attacks are drawn; 1 more" in area_map.map_note(totals, "attacks")
