"""Corrections (store/corrections.py): applied and marked, surviving a re-ingest and a re-merge, undone,
moved between stores as CSV, and a bad CSV refused with its file and line."""

import json
from pathlib import Path

import pandas as pd
import pytest

from eventdesk import cli, schema
from eventdesk.dashboard import filters
from eventdesk.store import access, correction_csv, corrections, formats, ingest, store, tables
from eventdesk.store.corrections import Correction, CorrectionError
from tests.unit.store.conftest import CORPUS


def _maiduguri(folder: Path) -> pd.Series:
    events = store.load_events(folder)
    return events[events[schema.LOCATION].eq("Maiduguri").fillna(False)].iloc[0]


def _event(folder: Path, event_id: str) -> pd.Series:
    events = store.load_events(folder)
    return events[events[schema.EVENT_ID] == event_id].iloc[0]


def test_a_corrected_figure_and_town_show_in_the_table_and_every_file(corpus_copy: Path) -> None:
    event = _maiduguri(corpus_copy)
    assert event[schema.KILLED] == 17 and event[schema.VERIFIED] == "false" and pd.isna(event[schema.CORRECTED])
    numbers = corrections.correct_event(corpus_copy, event[schema.EVENT_ID], {schema.KILLED: "21",
                                        schema.LOCATION: "Konduga"}, note="hospital count", by="Ana")
    fixed = _event(corpus_copy, event[schema.EVENT_ID])
    assert fixed[schema.KILLED] == fixed[schema.KILLED_BEST] == fixed[schema.KILLED_LOW] == 21
    assert fixed[schema.LOCATION] == "Konduga" and fixed[schema.ADMIN1] == "Borno"
    # The gazetteer knows one Konduga in Nigeria: its point replaces Maiduguri's, and its GeoNames id follows.
    assert abs(fixed[schema.LAT] - 11.65) < 0.05 and fixed[schema.GEONAMEID] != event[schema.GEONAMEID]
    assert fixed[schema.CORRECTED] == "location,lat,lon,killed"
    csv = pd.read_csv(corpus_copy / store.EVENTS_CSV, dtype=str).set_index(schema.EVENT_ID)
    assert csv.loc[event[schema.EVENT_ID], schema.KILLED] == "21"
    assert csv.loc[event[schema.EVENT_ID], schema.CORRECTED] == "location,lat,lon,killed"
    log = store.load_decisions(corpus_copy).set_index(schema.DECISION_ID).loc[numbers]
    assert list(log[schema.FIELD]) == [schema.LOCATION, schema.LAT, schema.LON, schema.KILLED]
    assert list(log[schema.OLD_VALUE].iloc[[0, 3]]) == ["Maiduguri", "17"]
    assert set(log[schema.MADE_BY]) == {"Ana"} and log[schema.NOTE].iloc[0] == "hospital count"
    # The reports keep their own figures.
    reports = store.event_members(corpus_copy, event[schema.EVENT_ID])
    assert 21 not in set(reports[schema.KILLED].dropna())


def test_undoing_a_town_takes_back_the_point_found_for_it(corpus_copy: Path) -> None:
    event = _maiduguri(corpus_copy)
    numbers = corrections.correct_event(corpus_copy, event[schema.EVENT_ID], {schema.LOCATION: "Konduga",
                                        schema.KILLED: 21})
    corrections.undo_decision(corpus_copy, numbers[0], note="the dateline was right")
    back = _event(corpus_copy, event[schema.EVENT_ID])
    assert (back[schema.LOCATION], back[schema.LAT], back[schema.LON]) == ("Maiduguri", event[schema.LAT],
                                                                           event[schema.LON])
    assert back[schema.GEONAMEID] == event[schema.GEONAMEID] and back[schema.CORRECTED] == "killed"
    undos = store.load_decisions(corpus_copy).query("action == 'undo'")
    assert undos[schema.FIELD].tolist() == [schema.LOCATION, schema.LAT, schema.LON]


def test_an_unknown_place_keeps_its_old_point(corpus_copy: Path) -> None:
    event = _maiduguri(corpus_copy)
    corrections.correct_event(corpus_copy, event[schema.EVENT_ID], {schema.LOCATION: "Gwange ward"})
    fixed = _event(corpus_copy, event[schema.EVENT_ID])
    assert fixed[schema.LOCATION] == "Gwange ward" and fixed[schema.LAT] == event[schema.LAT]
    assert fixed[schema.CORRECTED] == "location"
    assert store.load_decisions(corpus_copy)[schema.MADE_BY].tolist() == ["unknown"]


def test_a_corrected_actor_takes_its_type_from_the_registry(corpus_copy: Path) -> None:
    event = _maiduguri(corpus_copy)
    corrections.correct_event(corpus_copy, event[schema.EVENT_ID], {schema.ACTOR1: "ISWAP"})
    fixed = _event(corpus_copy, event[schema.EVENT_ID])
    assert fixed[schema.ACTOR1] == "Islamic State West Africa Province"
    assert fixed[schema.ACTOR1_TYPE] == "armed_group"


def test_corrections_survive_a_reingest_and_a_remerge(corpus_copy: Path) -> None:
    event = _maiduguri(corpus_copy)
    corrections.correct_event(corpus_copy, event[schema.EVENT_ID], {schema.INJURED: 40,
                               schema.INJURED_QUALIFIER: "at_least"}, verify=True, by="Ana")
    ingest.ingest_paths([CORPUS], corpus_copy, workers=1)  # the same articles again
    assert store.refresh(corpus_copy) == len(store.load_events(corpus_copy))  # and a full re-merge
    fixed = _maiduguri(corpus_copy)
    assert fixed[schema.INJURED] == 40 and fixed[schema.INJURED_QUALIFIER] == "at_least"
    assert fixed[schema.VERIFIED] == "true" and fixed[schema.CORRECTED] == "injured,injured_qualifier"
    others = store.load_events(corpus_copy).drop(fixed.name)
    assert set(others[schema.VERIFIED]) == {"false"} and others[schema.CORRECTED].isna().all()


def test_a_correction_follows_most_of_its_reports_through_a_split(corpus_copy: Path) -> None:
    event = _maiduguri(corpus_copy)
    members = sorted(store.event_members(corpus_copy, event[schema.EVENT_ID])[schema.REPORT_ID])
    assert len(members) >= 3
    corrections.correct_event(corpus_copy, event[schema.EVENT_ID], {schema.KILLED: 30})
    kept, leaving = store.split_event(corpus_copy, event[schema.EVENT_ID], members[:1])
    assert _event(corpus_copy, kept)[schema.KILLED] == 30
    assert _event(corpus_copy, leaving)[schema.KILLED] != 30 and pd.isna(_event(corpus_copy, leaving)[schema.CORRECTED])


def test_an_undo_restores_the_automatic_value_and_is_logged(corpus_copy: Path) -> None:
    event = _maiduguri(corpus_copy)
    first, = corrections.correct_event(corpus_copy, event[schema.EVENT_ID], {schema.DATE: "2024-03-11"})
    fixed = _event(corpus_copy, event[schema.EVENT_ID])
    assert fixed[schema.DATE] == "2024-03-11" and "decision 1" in fixed[schema.DATE_REASON]
    undo = corrections.undo_decision(corpus_copy, first, note="the first report was right", by="Ben")
    back = _event(corpus_copy, event[schema.EVENT_ID])
    assert back[schema.DATE] == event[schema.DATE] and back[schema.DATE_REASON] == event[schema.DATE_REASON]
    assert pd.isna(back[schema.CORRECTED])
    log = store.load_decisions(corpus_copy).set_index(schema.DECISION_ID)
    assert log.loc[undo, schema.ACTION] == "undo" and log.loc[undo, schema.UNDOES] == first
    with pytest.raises(CorrectionError, match="undone already"):
        corrections.undo_decision(corpus_copy, first)


@pytest.mark.parametrize(("changes", "message"), [
    ({schema.KILLED: "a dozen"}, "whole number"),
    ({schema.EVENT_TYPE: "massacre"}, "must be one of"),
    ({schema.DATE: "2024-03"}, "at day precision is written YYYY-MM-DD"),
    ({schema.DATE: "2024-02-30"}, "no day of the calendar"),
    ({schema.LAT: "95"}, "from -90 to 90"),
    ({schema.KILLED: 17}, "nothing to keep"),
], ids=["words-for-a-figure", "unknown-type", "month-at-day-precision", "no-such-day", "latitude", "unchanged"])
def test_bad_corrections_are_refused_and_nothing_is_kept(corpus_copy: Path, changes: dict, message: str) -> None:
    event = _maiduguri(corpus_copy)
    with pytest.raises(CorrectionError, match=message):
        corrections.correct_event(corpus_copy, event[schema.EVENT_ID], changes)
    assert store.load_decisions(corpus_copy).empty


def test_target_is_the_incident_holding_most_reports_first_report_on_a_tie() -> None:
    made = Correction(1, corrections.CORRECT, ("a", "b", "c"), schema.KILLED, "3")
    assert corrections.target_of(made, {"a": "E1", "b": "E2", "c": "E2"}) == "E2"
    assert corrections.target_of(made, {"a": "E1", "b": "E2"}) == "E1"
    assert corrections.target_of(made, {"x": "E1"}) is None


def test_corrections_move_between_stores_as_csv_and_twice_adds_nothing(corpus_copy: Path, tmp_path: Path) -> None:
    event = _maiduguri(corpus_copy)
    first, = corrections.correct_event(corpus_copy, event[schema.EVENT_ID], {schema.KILLED: 19})
    corrections.correct_event(corpus_copy, event[schema.EVENT_ID], {schema.ACTOR2: "=HYPERLINK(x)"},
                              note="-per the hospital", verify=True)
    corrections.undo_decision(corpus_copy, first)
    out = tmp_path / "corrections.csv"
    assert correction_csv.export_corrections(corpus_copy, out) == 5  # killed, actor2 and its type, verified, undo
    assert "'=HYPERLINK(x)" in out.read_text(encoding="utf-8")  # neutralised for spreadsheets
    other = tmp_path / "other"
    ingest.ingest_paths([CORPUS], other, workers=1)
    done = correction_csv.import_corrections(other, out)
    assert (done.added, done.known, done.waiting) == (5, 0, 0)
    moved = _maiduguri(other)
    assert moved[schema.KILLED] == 17 and moved[schema.ACTOR2] == "=HYPERLINK(x)" and moved[schema.VERIFIED] == "true"
    assert moved[schema.CORRECTED] == "actor2,actor2_type"
    log = store.load_decisions(other)
    assert "-per the hospital" in set(log[schema.NOTE]) and log[schema.UNDOES].dropna().tolist() == [1]
    again = correction_csv.import_corrections(other, out)
    assert (again.added, again.known) == (0, 5) and len(store.load_decisions(other)) == 5


@pytest.mark.parametrize(("text", "message"), [
    ("decision_id,action\n1,correct\n", "line 1: no column report_ids, made_at"),
    ("decision_id,action,report_ids,made_at,field,new_value\n1,correct,r1,2024-01-01,killed,many\n",
     "line 2: killed must be a whole number"),
    ("decision_id,action,report_ids,made_at,field,new_value\n1,correct,r1,2024-01-01,killed,3\n"
     "x,correct,r1,2024-01-01,killed,4\n", "line 3: decision_id must be a whole number"),
    ("decision_id,action,report_ids,made_at,field,new_value\n1,split,r1,2024-01-01,,\n", "line 2: action must be"),
    ("decision_id,action,report_ids,made_at,field,new_value,undoes\n1,undo,r1,2024-01-01,killed,,7\n",
     "undoes 7, which is no earlier correction"),
], ids=["no-header", "bad-figure", "bad-number-line-3", "a-split", "undo-of-nothing"])
def test_a_bad_csv_names_its_file_and_line_and_imports_nothing(corpus_copy: Path, tmp_path: Path, text: str,
                                                               message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    corrections.correct_event(corpus_copy, _maiduguri(corpus_copy)[schema.EVENT_ID], {schema.KILLED: 18})
    before = store.load_decisions(corpus_copy)
    with pytest.raises(CorrectionError, match=message) as err:
        correction_csv.import_corrections(corpus_copy, path)
    assert str(path) in str(err.value)
    pd.testing.assert_frame_equal(store.load_decisions(corpus_copy), before)
    assert _maiduguri(corpus_copy)[schema.KILLED] == 18


def test_the_command_line_exports_and_imports_corrections(corpus_copy: Path, tmp_path: Path, capsys) -> None:
    corrections.correct_event(corpus_copy, _maiduguri(corpus_copy)[schema.EVENT_ID], {schema.KILLED: 20}, by="Ana")
    out = tmp_path / "fixes.csv"
    assert cli.main(["corrections", "export", str(out), "--store", str(corpus_copy)]) == 0
    assert capsys.readouterr().out.strip() == f"1 corrections -> {out}"
    other = tmp_path / "other"
    ingest.ingest_paths([CORPUS], other, workers=1)
    assert cli.main(["corrections", "import", str(out), "--store", str(other)]) == 0
    assert "1 corrections added" in capsys.readouterr().out and _maiduguri(other)[schema.KILLED] == 20
    assert cli.main(["corrections", "import", str(out), "--store", str(other)]) == 0
    assert "0 corrections added" in capsys.readouterr().out
    out.write_text(out.read_text(encoding="utf-8").replace(",20,", ",twenty,"), encoding="utf-8")
    assert cli.main(["corrections", "import", str(out), "--store", str(other)]) == 1
    assert f"error: {out}, line 2: killed must be a whole number" in capsys.readouterr().err


def test_a_read_only_desk_refuses_corrections_undos_and_imports(corpus_copy: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    event_id = _maiduguri(corpus_copy)[schema.EVENT_ID]
    number, = corrections.correct_event(corpus_copy, event_id, {schema.KILLED: 16})
    out = tmp_path / "fixes.csv"
    correction_csv.export_corrections(corpus_copy, out)
    monkeypatch.setenv(access.READONLY_ENV, "1")
    with pytest.raises(access.ReadOnlyError, match="correcting incident"):
        corrections.correct_event(corpus_copy, event_id, {schema.KILLED: 15})
    with pytest.raises(access.ReadOnlyError, match="undoing decision"):
        corrections.undo_decision(corpus_copy, number)
    with pytest.raises(access.ReadOnlyError, match="importing corrections"):
        correction_csv.import_corrections(corpus_copy, out)
    assert len(store.load_decisions(corpus_copy)) == 1 and _maiduguri(corpus_copy)[schema.KILLED] == 16


def test_every_export_carries_the_corrected_values_and_marks(corpus_copy: Path, tmp_path: Path) -> None:
    event_id = _maiduguri(corpus_copy)[schema.EVENT_ID]
    corrections.correct_event(corpus_copy, event_id, {schema.KILLED: 14, schema.ACTOR1: "Boko Haram"}, verify=True)
    table = tables.Table.from_parquet(corpus_copy / store.EVENTS_PARQUET)
    try:
        view = filters.apply(table, filters.Filter())
        acled = pd.read_csv(formats.write_export(view, "acled", tmp_path / "a.csv"), dtype=str).set_index(
            "event_id_cnty")
        ucdp = pd.read_csv(formats.write_export(view, "ucdp", tmp_path / "u.csv"), dtype=str).set_index("id")
        geojson = json.loads(formats.write_export(view, "geojson", tmp_path / "e.geojson").read_text())
    finally:
        table.close()
    assert acled.loc[event_id, ["fatalities", "actor1", "corrected", "verified"]].tolist() == [
        "14", "Boko Haram", "actor1,actor1_type,killed", "true"]
    assert ucdp.loc[event_id, ["best", "low", "high", "side_a"]].tolist() == ["14", "14", "14", "Boko Haram"]
    (feature,) = [f for f in geojson["features"] if f["properties"][schema.EVENT_ID] == event_id]
    assert feature["properties"][schema.KILLED] == 14 and feature["properties"][schema.VERIFIED] == "true"
