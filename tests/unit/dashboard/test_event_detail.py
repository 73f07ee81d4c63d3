"""event_detail.py: one incident's sources, merge reasons, figures and figure history, as the pages show them."""

from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from eventdesk import schema
from eventdesk.dashboard import counts, event_detail
from eventdesk.store import incidents as store_incidents
from eventdesk.store import tables


def reports(*rows: dict) -> pd.DataFrame:
    base = {schema.EVENT_ID: "i1", schema.ARTICLE_ID: "a", schema.EVENT_TYPE: "bombing", schema.DATE: "2024-03-12",
            schema.DATE_PRECISION: "day", schema.GEO_PRECISION: "city", schema.LOCATION: "Maiduguri",
            schema.EVIDENCE_START: 0, schema.EVIDENCE_END: 1, schema.CONFIDENCE: 0.9}
    return schema.conform(pd.DataFrame([{**base, schema.REPORT_ID: f"r{i}", **row} for i, row in enumerate(rows)]),
                          schema.REPORT_COLUMNS)


MAIDUGURI = reports(
    {schema.SOURCE: "Reuters", schema.PUBLISHED: "2024-03-12", schema.KILLED: 12, schema.KILLED_QUALIFIER: "at_least",
     schema.INJURED: 30, schema.INJURED_QUALIFIER: "exact", schema.MERGE_REASON: "founded the incident",
     schema.EVIDENCE: "At least 12 people were killed."},
    {schema.SOURCE: "AFP", schema.PUBLISHED: "2024-03-13", schema.KILLED: 19, schema.KILLED_QUALIFIER: "exact",
     schema.MERGE_REASON: "same kind (bombing)", schema.EVIDENCE: "The blast killed 19 <people>."},
    {schema.SOURCE: "Premium Times", schema.PUBLISHED: "2024-03-15", schema.KILLED: 17,
     schema.KILLED_QUALIFIER: "exact", schema.INJURED: 45, schema.INJURED_QUALIFIER: "exact",
     schema.MERGE_REASON: "same kind (bombing)", schema.EVIDENCE: "Seventeen died."},
    {schema.SOURCE: "Blog", schema.PUBLISHED: None, schema.KILLED: 20, schema.KILLED_QUALIFIER: "about",
     schema.MERGE_REASON: "same kind (bombing)", schema.EVIDENCE: "About 20 died."},
)


def event(**values) -> pd.Series:
    return pd.Series({schema.KILLED_QUALIFIER: "exact", schema.INJURED_QUALIFIER: "exact", **values})


def events(*rows: dict) -> pd.DataFrame:
    base = {schema.ARTICLE_ID: "a", schema.EVENT_TYPE: "bombing", schema.DATE_PRECISION: "day",
            schema.GEO_PRECISION: "city", schema.EVIDENCE: "s", schema.EVIDENCE_START: 0, schema.EVIDENCE_END: 1,
            schema.CONFIDENCE: 0.9, schema.N_SOURCES: 1}
    return schema.conform(pd.DataFrame([{**base, **row} for row in rows]), schema.INCIDENT_COLUMNS)


def test_table_counts_count_events_reports_and_merged_events():
    table = events({schema.EVENT_ID: "a", schema.N_REPORTS: 4}, {schema.EVENT_ID: "b", schema.N_REPORTS: 1})
    assert counts.table_counts(table) == counts.TableCounts(events=2, reports=5, merged=1)


def test_choices_put_the_most_reported_first_and_label_them():
    table = events(
        {schema.EVENT_ID: "one", schema.DATE: "2024-03-20", schema.LOCATION: "Kano", schema.COUNTRY: "Nigeria",
         schema.N_REPORTS: 1},
        {schema.EVENT_ID: "four", schema.DATE: "2024-03-12", schema.LOCATION: "Maiduguri", schema.COUNTRY: "Nigeria",
         schema.N_REPORTS: 4, schema.N_SOURCES: 3, schema.KILLED: 17, schema.INJURED: 45,
         schema.ACTOR1: "Boko Haram"},
        {schema.EVENT_ID: "undated", schema.N_REPORTS: 1},
    )
    choices = event_detail.event_choices(table)
    assert list(choices.index) == ["four", "one", "undated"]
    assert choices["four"] == ("2024-03-12 · bombing · Maiduguri, Nigeria · Boko Haram · 17 killed, 45 injured · "
                               "4 reports")
    assert choices["undated"] == "undated · bombing · (unknown place) · (unknown) · no figures · 1 report"
    assert list(event_detail.event_choices(table, max_choices=1).index) == ["four"]
    assert list(event_detail.event_choices(table, with_figures=True).index) == ["four"]
    assert event_detail.event_row(table, "one")[schema.LOCATION] == "Kano"
    assert event_detail.event_row(table, "gone") is None


def test_the_first_choice_is_the_most_reported_attack_not_a_later_claim_about_it():
    table = events(
        {schema.EVENT_ID: "a7547e28cb633483", schema.EVENT_TYPE: "bombing", schema.DATE: "2024-01-03",
         schema.LOCATION: "Kerman", schema.COUNTRY: "Iran", schema.ACTOR1: "Islamic State", schema.KILLED: 84,
         schema.KILLED_QUALIFIER: "at_least", schema.INJURED: 284, schema.N_REPORTS: 1},
        {schema.EVENT_ID: "76917808c0e63349", schema.EVENT_TYPE: "claim", schema.DATE: "2024-01-04",
         schema.ACTOR1: "Islamic State", schema.N_REPORTS: 2, schema.N_SOURCES: 2},
        {schema.EVENT_ID: "7d7157e0474b5f24", schema.EVENT_TYPE: "warning", schema.ACTOR1: "United States",
         schema.N_REPORTS: 3},
        {schema.EVENT_ID: "older", schema.EVENT_TYPE: "armed_assault", schema.DATE: "2023-12-01",
         schema.N_REPORTS: 1},
    )
    choices = event_detail.event_choices(table)
    assert list(choices.index) == ["a7547e28cb633483", "older", "7d7157e0474b5f24", "76917808c0e63349"]
    assert choices.iloc[0] == ("2024-01-03 · bombing · Kerman, Iran · Islamic State · at least 84 killed, "
                               "284 injured · 1 report")
    claim = "2024-01-04 · claim · (unknown place) · Islamic State · no figures · 2 reports"
    assert choices["76917808c0e63349"] == claim


def test_a_claimant_names_the_event_when_the_attacker_is_unknown():
    table = events({schema.EVENT_ID: "e", schema.DATE: "2024-05-02", schema.CLAIMED_BY: "al-Shabaab",
                    schema.COUNTRY: "Somalia", schema.INJURED: 9, schema.INJURED_QUALIFIER: "about",
                    schema.N_REPORTS: 1})
    label = "2024-05-02 · bombing · Somalia · al-Shabaab · about 9 injured · 1 report"
    assert event_detail.event_choices(table)["e"] == label


def test_labels_that_would_be_equal_get_the_start_of_their_event_id():
    # a split of two reports that tell the same toll: both halves read the same but for their id
    same = {schema.DATE: "2024-03-12", schema.LOCATION: "Maiduguri", schema.COUNTRY: "Nigeria", schema.KILLED: 17,
            schema.N_REPORTS: 1}
    table = events({schema.EVENT_ID: "3f9a0c1d22e4b7a1", **same}, {schema.EVENT_ID: "b81e6d5f0a9c3e27", **same},
                   {schema.EVENT_ID: "3f9a0c1d99999999", **same}, {schema.EVENT_ID: "other", **same, schema.KILLED: 3})
    choices = event_detail.event_choices(table)
    assert choices.is_unique
    base = "2024-03-12 · bombing · Maiduguri, Nigeria · (unknown) · 17 killed · 1 report"
    assert choices["b81e6d5f0a9c3e27"] == base + " · #b81e6d5f"
    assert choices["3f9a0c1d22e4b7a1"] == base + " · #3f9a0c1d22e4b7a1"  # eight digits are not enough here
    assert choices["other"] == "2024-03-12 · bombing · Maiduguri, Nigeria · (unknown) · 3 killed · 1 report"


def test_a_row_of_the_stored_table_reads_missing_text_as_na(tmp_path):
    path = tmp_path / "events.parquet"
    events({schema.EVENT_ID: "one", schema.LOCATION: "Kano", schema.N_REPORTS: 1}).to_parquet(path, index=False)
    row = event_detail.event_row(tables.Table.from_parquet(path), "one")
    assert row[schema.LOCATION] == "Kano"
    assert row[schema.CLAIMED_BY] is pd.NA


@pytest.mark.parametrize(
    ("values", "figure", "shown"),
    [
        pytest.param({schema.KILLED_LOW: 12, schema.KILLED_BEST: 17, schema.KILLED_HIGH: 19}, "killed",
                     "17 (reports: 12 to 19)", id="reports-differ"),
        pytest.param({schema.KILLED_LOW: 84, schema.KILLED_BEST: 84, schema.KILLED_HIGH: 84,
                      schema.KILLED_QUALIFIER: "at_least"}, "killed", "at least 84", id="reports-agree"),
        pytest.param({schema.INJURED_LOW: None, schema.INJURED_BEST: None}, "injured", "not reported", id="none"),
    ],
)
def test_figure_text_gives_the_best_figure_and_the_range(values, figure, shown):
    assert event_detail.figure_text(event(**values), figure) == shown


def test_figure_ranges_and_headline_figures_of_an_event():
    row = event(**{schema.KILLED_LOW: 12, schema.KILLED_BEST: 17, schema.KILLED_HIGH: 19, schema.N_SOURCES: 3})
    assert event_detail.figure_ranges(row) == {"killed": (12, 17, 19), "injured": (None, None, None)}
    assert event_detail.event_figures(row, MAIDUGURI) == {
        "Killed": ("17", "reports: 12 to 19"), "Injured": ("not reported", ""), "Reports": ("4", ""),
        "Sources": ("3", "")}


def test_a_metric_value_stays_short_and_the_range_goes_in_its_note():
    row = event(**{schema.KILLED_LOW: 90, schema.KILLED_BEST: 95, schema.KILLED_HIGH: 1_203,
                   schema.KILLED_QUALIFIER: "at_least"})
    assert event_detail.figure_parts(row, "killed") == ("at least 95", "reports: 90 to 1,203")
    assert event_detail.figure_text(row, "killed") == "at least 95 (reports: 90 to 1,203)"


def test_sources_table_lists_each_report_with_its_figures_and_reason():
    table = event_detail.sources_table(MAIDUGURI)
    assert list(table.columns) == list(event_detail.SOURCE_COLUMNS)
    assert list(table[schema.SOURCE]) == ["Reuters", "AFP", "Premium Times", "Blog"]
    assert list(table[counts.KILLED_SHOWN]) == ["at least 12", "19", "17", "about 20"]
    assert list(table[counts.INJURED_SHOWN]) == ["30", "", "45", ""]
    assert list(table[schema.MERGE_REASON])[:2] == ["founded the incident", "same kind (bombing)"]


def test_report_labels_name_the_outlet_date_and_figures():
    labels = event_detail.report_labels(MAIDUGURI)
    assert labels["r0"] == "Reuters, 2024-03-12; at least 12 killed, 30 injured · r0"
    assert labels["r1"] == "AFP, 2024-03-13; 19 killed · r1"
    assert labels["r3"] == "Blog, undated; about 20 killed · r3"


def test_merge_reasons_group_the_outlets_by_reason():
    expected = pd.DataFrame({schema.MERGE_REASON: ["founded the incident", "same kind (bombing)"],
                             schema.SOURCE: ["Reuters", "AFP, Premium Times, Blog"]}).astype("string")
    assert_frame_equal(event_detail.merge_reasons(MAIDUGURI).astype("string"), expected)


def test_an_event_without_dated_reports_has_no_history_to_draw():
    undated = MAIDUGURI.assign(**{schema.PUBLISHED: None})
    gap = event_detail.history_gap(store_incidents.history(undated))
    assert gap.startswith("No dated reports for this event: none of its 4 report(s) with a figure has a publication")
    assert len(event_detail.history_points(store_incidents.history(undated))) == 0


def test_reports_without_figures_have_no_history_to_draw():
    no_figures = MAIDUGURI.assign(**{schema.KILLED: None, schema.INJURED: None})
    gap = event_detail.history_gap(store_incidents.history(no_figures))
    assert gap.startswith("No report of this event gives a killed or injured figure")


def test_one_dated_report_with_a_figure_is_a_history():
    assert event_detail.history_gap(store_incidents.history(MAIDUGURI)) is None
    assert event_detail.history_gap(store_incidents.history(MAIDUGURI.iloc[[3, 0]])) is None


def test_history_points_place_each_dated_figure_at_its_report_date():
    history = store_incidents.history(MAIDUGURI)
    points = event_detail.history_points(history)
    killed = points[points[event_detail.FIGURE] == "killed"]
    assert list(killed[event_detail.VALUE]) == [12, 19, 17]  # the undated Blog report has no place on the axis
    assert list(killed[event_detail.REPORT_DATE].dt.strftime("%Y-%m-%d")) == ["2024-03-12", "2024-03-13", "2024-03-15"]
    assert list(killed[event_detail.SHOWN]) == ["at least 12", "19", "17"]
    injured = points[points[event_detail.FIGURE] == "injured"]
    assert list(injured[event_detail.VALUE]) == [30, 45]
    assert "The blast killed 19 &lt;people&gt;." in killed.iloc[1][event_detail.HOVER]  # article text is escaped
    assert event_detail.count_undated(history) == 1
    assert list(event_detail.history_table(history)[schema.SOURCE]) == ["Reuters", "AFP", "Premium Times", "Blog"]


def test_a_merge_is_refused_with_what_to_do_when_it_cannot_be_made():
    table = events({schema.EVENT_ID: "quetta-1", schema.N_REPORTS: 2},
                   {schema.EVENT_ID: "quetta-2", schema.N_REPORTS: 1})
    assert event_detail.merge_problem("quetta-1", "quetta-2", table) is None
    assert event_detail.merge_problem("quetta-1", None, table) == "Choose the event to merge this one with first."
    assert "cannot be merged with itself" in event_detail.merge_problem("quetta-1", "quetta-1", table)
    gone = event_detail.merge_problem("quetta-1", "merged-away", table)
    assert gone.startswith("One of the two events is no longer in the table")
    assert event_detail.merge_problem("merged-away", "quetta-2", table) == gone


def test_a_decision_says_what_it_did_and_that_it_is_kept():
    assert event_detail.split_message(2, "a1", "b2") == (
        "Split 2 report(s) off into a new event (b2); the others stay in a1. "
        "The decision is kept in the store and survives re-ingest.")
    assert event_detail.merge_message("a1").startswith("Merged the two events into a1.")


# A wire story of another shape than the seeds: markup and a dollar sign in the text, the toll in the middle.
KABUL = ("KABUL, Afghanistan (AP) — A blast tore through a <b>crowded</b> mosque in western Kabul on Friday.\n\n"
         "At least 21 worshippers were killed and 33 wounded, a police spokesman said.\n"
         "No group claimed the attack; the bounty offered was $5,000 `reward`.")
TOLL = "At least 21 worshippers were killed and 33 wounded, a police spokesman said."


def article(**values) -> pd.Series:
    return pd.Series({schema.ARTICLE_ID: "kabul", schema.TITLE: "Blast at Kabul mosque <kills 21>",
                      schema.SOURCE: "AP", schema.PUBLISHED: "2024-04-19", schema.URL: None, schema.TEXT: KABUL,
                      **values})


def report(start: int | None = KABUL.index(TOLL), evidence: str = TOLL) -> pd.Series:
    end = None if start is None else start + len(evidence)
    return pd.Series({schema.REPORT_ID: "r1", schema.ARTICLE_ID: "kabul", schema.EVIDENCE: evidence,
                      schema.EVIDENCE_START: start, schema.EVIDENCE_END: end})


def test_the_article_is_escaped_whole_with_its_evidence_sentence_marked():
    view = event_detail.article_view(article(), report())
    assert view.highlighted and view.note == ""
    assert view.html.count("<mark") == 1 and view.html.count("</mark>") == 1
    assert f"{event_detail.MARK}{TOLL}</mark>" in view.html
    assert "&lt;b&gt;crowded&lt;/b&gt;" in view.html and "<b>" not in view.html
    assert "&#36;5,000 &#96;reward&#96;" in view.html  # no formula or template syntax survives
    assert "<h4>Blast at Kabul mosque &lt;kills 21&gt;</h4>" in view.html
    assert "<p>AP · 2024-04-19</p>" in view.html


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        pytest.param("https://apnews.example/kabul-mosque?id=1&x=2",
                     '<a href="https://apnews.example/kabul-mosque?id=1&amp;x=2" rel="noopener noreferrer">', id="web"),
        pytest.param("javascript:alert(1)", "· javascript:alert(1)</p>", id="script-is-no-link"),
    ],
)
def test_an_articles_web_address_is_a_link_and_nothing_else_is(url, shown):
    html = event_detail.article_view(article(**{schema.URL: url}), report()).html
    assert shown in html
    assert html.count("<a ") == (1 if url.startswith("https") else 0)


def test_offsets_that_do_not_hold_the_sentence_fall_back_to_the_one_place_it_occurs():
    assert event_detail.evidence_span(KABUL, 3, 40, TOLL) == (KABUL.index(TOLL), KABUL.index(TOLL) + len(TOLL))
    assert event_detail.evidence_span(KABUL, None, None, TOLL) == (KABUL.index(TOLL), KABUL.index(TOLL) + len(TOLL))


def test_a_sentence_not_in_the_text_or_in_it_twice_is_not_marked():
    assert event_detail.evidence_span(KABUL, 0, 10, "Nine soldiers died.") is None
    twice = TOLL + " " + TOLL
    assert event_detail.evidence_span(twice, 5, 20, TOLL) is None
    view = event_detail.article_view(article(), report(start=0, evidence="Nine soldiers died."))
    assert not view.highlighted and "<mark" not in view.html
    assert view.note == "The evidence sentence could not be found in this text, so it is not marked."


def test_a_missing_article_says_so():
    view = event_detail.article_view(None, report())
    assert (view.html, view.highlighted) == ("", False)
    assert view.note == "The store does not hold this report's article text."


def test_the_report_of_the_events_own_evidence_comes_first():
    members = MAIDUGURI.assign(**{schema.ARTICLE_ID: ["a", "b", "c", "d"], schema.EVIDENCE_START: [0, 0, 52, 0]})
    incident = pd.Series({schema.ARTICLE_ID: "c", schema.EVIDENCE_START: 52})
    choices = event_detail.article_choices(members, incident)
    assert list(choices.index) == ["r2", "r0", "r1", "r3"]
    assert event_detail.member(members, "r2")[schema.SOURCE] == "Premium Times"
    assert event_detail.member(members, "gone") is None
    assert event_detail.article_of(event_detail.member(members, "r1")) == "b"
    assert event_detail.article_of(None) is None


def test_each_value_of_an_event_says_why_or_that_it_was_not_read(make_events):
    (event,) = [row for _, row in make_events(
        {schema.EVENT_TYPE: "bombing", schema.EVENT_TYPE_REASON: 'triggers:explosion "explosion"',
         schema.DATE: "2024-01-03", schema.DATE_REASON: 'dates.month_day "January 3, 2024" at 10-25',
         schema.KILLED: 84, schema.KILLED_QUALIFIER: "at_least", schema.KILLED_RULE: "casualties.lives",
         schema.KILLED_SPAN: "at least 84 lives", schema.GEO_PRECISION: "unknown"}).iterrows()]
    why = event_detail.value_reasons(event).set_index("")
    assert why.loc["type", event_detail.WHY] == 'triggers:explosion "explosion"'
    assert why.loc["date", event_detail.VALUE] == "2024-01-03 · day"
    assert why.loc["killed", event_detail.WHY] == "casualties.lives: at least 84 lives"
    assert (why.loc["place", event_detail.VALUE], why.loc["place", event_detail.WHY]) == (
        "unknown", "not read from the text")
    assert list(why.index) == [label for label, _, _ in event_detail.VALUE_REASONS]
