"""trends.py: attacks and the killed by area and period, the latest period against the ones before."""

from __future__ import annotations

import pandas as pd
import pytest

from eventdesk import schema
from eventdesk.dashboard import trends


def _attack(date: str, admin1: str | None, country: str | None, killed: int | None = None, **row) -> dict:
    precision = {10: "day", 7: "month", 4: "year"}[len(date)] if date else "unknown"
    return {schema.EVENT_TYPE: "armed_assault", schema.DATE: date or None, schema.DATE_PRECISION: precision,
            schema.ADMIN1: admin1, schema.COUNTRY: country, schema.KILLED: killed, **row}


@pytest.fixture
def events(make_events) -> pd.DataFrame:
    return make_events(
        # Borno: one attack a month from January to March, then three in April.
        _attack("2024-01-10", "Borno", "Nigeria", 4), _attack("2024-02-02", "Borno", "Nigeria", 2),
        _attack("2024-03-15", "Borno", "Nigeria"), _attack("2024-04-01", "Borno", "Nigeria", 10),
        _attack("2024-04-09", "Borno", "Nigeria", 1), _attack("2024-04-30", "Borno", "Nigeria"),
        # Kaduna: two in February, none since.
        _attack("2024-02-11", "Kaduna", "Nigeria", 3), _attack("2024-02-12", "Kaduna", "Nigeria"),
        # Known to the country only, in April; a month-precision attack; a year-precision one; an undated one.
        _attack("2024-04-20", None, "Nigeria", 5), _attack("2024-03", "Borno", "Nigeria", 7),
        _attack("2024", "Borno", "Nigeria"), _attack("", "Borno", "Nigeria"),
        # A claim repeating an attack's toll is no attack.
        {schema.EVENT_TYPE: "claim", schema.DATE: "2024-04-02", schema.ADMIN1: "Borno", schema.COUNTRY: "Nigeria",
         schema.KILLED: 10},
    )


def test_attacks_and_killed_per_province_and_month(events):
    counts = trends.counts_by_area(events, schema.ADMIN1, "month")
    borno = counts[counts[trends.AREA] == "Borno, Nigeria"].set_index(trends.PERIOD)
    assert borno[trends.ATTACKS].to_dict() == {pd.Timestamp("2024-01-01"): 1, pd.Timestamp("2024-02-01"): 1,
                                               pd.Timestamp("2024-03-01"): 2, pd.Timestamp("2024-04-01"): 3}
    assert borno.loc[pd.Timestamp("2024-03-01"), schema.KILLED] == 7  # the month-precision attack is in March
    assert borno.loc[pd.Timestamp("2024-04-01"), schema.KILLED] == 11  # the claim's 10 is not added
    assert set(counts[trends.AREA]) == {"Borno, Nigeria", "Kaduna, Nigeria", "Nigeria (province unknown)"}


def test_latest_month_against_the_one_before_and_the_average_before_that(events):
    table = trends.trend_table(events, schema.ADMIN1, "month")
    rows = table.changes.set_index(trends.AREA)
    assert table.latest_period == pd.Timestamp("2024-04-01")
    assert rows.loc["Borno, Nigeria", trends.LATEST] == 3
    assert rows.loc["Borno, Nigeria", trends.PREVIOUS] == 2
    assert rows.loc["Borno, Nigeria", trends.AVERAGE] == pytest.approx(4 / 3, abs=0.05)
    assert rows.loc["Borno, Nigeria", trends.CHANGE] == pytest.approx(1.25)  # 3 against 4/3
    assert rows.loc["Kaduna, Nigeria", trends.LATEST] == 0 and rows.loc["Kaduna, Nigeria", trends.CHANGE] == -1
    assert list(table.changes[trends.AREA])[0] == "Borno, Nigeria"  # the largest total first
    assert (table.coarser, table.undated) == (1, 1)  # the year-precision attack; the undated one


def test_a_week_needs_a_day_and_a_year_takes_every_dated_attack(events):
    weekly = trends.trend_table(events, schema.ADMIN1, "week")
    yearly = trends.trend_table(events, schema.ADMIN1, "year")
    assert weekly.coarser == 2 and int(weekly.counts[trends.ATTACKS].sum()) == 9
    assert yearly.coarser == 0 and int(yearly.counts[trends.ATTACKS].sum()) == 11
    assert "2 attack(s) dated less precisely than a week" in trends.reading_note(weekly, "week", "attacks")


def test_by_country_and_by_killed(events):
    table = trends.trend_table(events, schema.COUNTRY, "month", measure="killed")
    (row,) = table.changes.to_dict("records")
    assert row[trends.AREA] == "Nigeria" and row[trends.LATEST] == 16 and row[trends.TOTAL] == 32


def test_months_with_nothing_are_zero_not_missing(events):
    wide = trends.series(trends.counts_by_area(events, schema.ADMIN1, "month"), "month")
    assert list(wide.index) == list(pd.date_range("2024-01-01", "2024-04-01", freq="MS"))
    assert wide.loc[pd.Timestamp("2024-01-01"), "Kaduna, Nigeria"] == 0


@pytest.mark.parametrize(("latest", "average", "share", "text"),
                         [(3, 1.3, 1.25, "+125%"), (0, 2.0, -1.0, "-100%"), (2, 0.0, float("nan"), "new"),
                          (0, 0.0, float("nan"), "steady"), (2, 2.0, 0.0, "steady"),
                          (1, float("nan"), float("nan"), "")])
def test_the_change_is_written_out(latest, average, share, text):
    assert trends.change_text(latest, average, share) == text


def test_the_shown_table_names_the_latest_month(events):
    table = trends.trend_table(events, schema.ADMIN1, "month")
    shown = trends.shown_table(table, "month")
    assert "latest (2024-04)" in shown.columns
    borno = shown.set_index(trends.AREA).loc["Borno, Nigeria"]
    assert (borno[trends.CHANGE], borno[trends.PREVIOUS], borno[trends.AVERAGE]) == ("+125%", "2", "1.3")


def test_the_chart_draws_a_line_per_area_with_its_escaped_name(make_events):
    events = make_events(_attack("2024-01-10", "<b>Borno</b>", "Nigeria", 4), _attack("2024-02-10", "Yobe", "Nigeria"))
    table = trends.trend_table(events, schema.ADMIN1, "month")
    figure = trends.trend_figure(table, "month")
    assert sorted(t.name for t in figure.data) == ["&lt;b&gt;Borno&lt;/b&gt;, Nigeria", "Yobe, Nigeria"]
    assert [list(t.y) for t in figure.data if t.name == "Yobe, Nigeria"] == [[0, 1]]
    assert list(figure.data[0].x) == ["2024-01", "2024-02"]


def test_nothing_dated_precisely_enough_says_so(make_events):
    table = trends.trend_table(make_events(_attack("2024", "Borno", "Nigeria")), schema.ADMIN1, "month")
    assert table.changes.empty and table.latest_period is None
    assert trends.reading_note(table, "month", "attacks").startswith("No attack in this view is dated to the month.")


def test_an_unknown_choice_is_refused(events):
    with pytest.raises(ValueError, match="area level"):
        trends.trend_table(events, "district")
    with pytest.raises(ValueError, match="period"):
        trends.trend_table(events, schema.ADMIN1, "day")


def test_the_last_30_days_against_the_30_before(events):
    # The latest dated attack is on 30 April: the last window is 1-30 April, the one before 2-31 March.
    table = trends.trend_table(events, schema.ADMIN1, trends.DAYS, measure="killed")
    assert table.latest_period == pd.Timestamp("2024-04-01")
    borno = table.changes.set_index(trends.AREA).loc["Borno, Nigeria"]
    assert (borno[trends.LATEST], borno[trends.PREVIOUS]) == (11, 0)  # the 15 March attack names no toll
    assert trends.period_label(table.latest_period, trends.DAYS) == "2024-04-01 to 2024-04-30"
    windows = trends.series(table.counts, trends.DAYS, "killed").index
    assert len(windows) > 1 and {step.days for step in windows[1:] - windows[:-1]} == {trends.WINDOW_DAYS}
    note = trends.reading_note(table, trends.DAYS, "killed")
    assert "the 30 days up to the latest dated attack" in note and "dated less precisely than a day" in note


def test_by_initiator_and_by_injured(make_events):
    events = make_events(
        _attack("2024-01-10", "Borno", "Nigeria", 4, **{schema.ACTOR1: "Boko Haram", schema.INJURED: 7}),
        _attack("2024-02-10", "Borno", "Nigeria", 1, **{schema.CLAIMED_BY: "ISWAP", schema.INJURED: 2}),
        _attack("2024-02-11", "Yobe", "Nigeria", 1))
    table = trends.trend_table(events, trends.INITIATOR, "month", measure="injured")
    rows = table.changes.set_index(trends.AREA)
    assert set(rows.index) == {"Boko Haram", "ISWAP", "(unknown)"}
    assert rows.loc["Boko Haram", trends.TOTAL] == 7 and rows.loc["ISWAP", trends.LATEST] == 2
