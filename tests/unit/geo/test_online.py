"""Tests for eventdesk.geo.online: the opt-in geocoder, answered from its cache without the network."""

from __future__ import annotations

import dataclasses
import json

import pytest

from eventdesk.geo import online
from eventdesk.geo.gazetteer import Place

KABUL_ONLINE = Place("Kabul", "Kabul", None, "Afghanistan", "AF", 34.5260109, 69.1776838, "city")


def _no_network(*args, **kwargs):
    raise AssertionError("the online geocoder was called")


def test_geocode_online_answers_from_its_cache_without_the_network(tmp_path, monkeypatch):
    monkeypatch.setattr(online, "_nominatim", _no_network)
    cache = tmp_path / "geocode.json"
    cache.write_text(json.dumps({"kabul": dataclasses.asdict(KABUL_ONLINE), "atlantis": None}), encoding="utf-8")
    assert online.geocode_online("KABUL", cache) == KABUL_ONLINE
    assert online.geocode_online("Atlantis", cache) is None


def test_a_broken_geocode_cache_says_which_file_and_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setattr(online, "_nominatim", _no_network)
    cache = tmp_path / "geocode.json"
    cache.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match=r"geocode\.json:1: not valid JSON .*delete the file"):
        online.geocode_online("Kabul", cache)


def test_nominatim_answers_become_places():
    raw = {
        "name": "Kabul", "lat": "34.5260109", "lon": "69.1776838", "addresstype": "city",
        "address": {"state": "Kabul", "country": "Afghanistan", "country_code": "af"},
    }
    assert online._place_from_nominatim(raw) == KABUL_ONLINE
