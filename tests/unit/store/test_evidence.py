"""What a report's targets and evidence sentence tell the merge: victims, ages, sites, a later report."""

from __future__ import annotations

import pytest

from eventdesk.store.evidence import read_evidence


def test_a_wire_report_names_its_victim_and_the_site():
    facts = read_evidence("armed_assault", "civilians; Brandon Porter",
                          "PHILADELPHIA (AP) - Two people were shot dead and two wounded Saturday night at a gas "
                          "station in Philadelphia, police said.")
    assert (facts.victims, facts.ages, facts.sites, facts.later) == (
        frozenset({"Brandon Porter"}), frozenset(), frozenset({"station"}), None)


def test_an_arrest_report_gives_the_victim_with_her_age_and_is_a_later_report():
    text = ("Police arrested Carlos Brooks in the fatal shooting of Tamika Simmons, 28, outside an apartment building "
            "in Houston, officials said.")
    facts = read_evidence("armed_assault", None, text)
    assert facts.victims == {"Tamika Simmons"} and facts.ages == {28} and facts.sites == {"building"}
    assert facts.later == 'merge_later_follow_up "arrested Carlos Brooks in the fatal shooting"'


@pytest.mark.parametrize(("text", "rule"), [
    ("The death toll from Sunday's bombing at a police checkpoint in Kabul has risen to 14, officials said.",
     "merge_later_weekday_possessive"),
    ("The toll in the market blast in Maiduguri climbed to 31 on Thursday, hospital officials said.",
     "merge_later_toll"),
    ("Boko Haram on Wednesday claimed responsibility for the bombing at the bus station in Maiduguri.",
     "merge_later_claim"),
    ("Police are still searching for the gunman in the shooting that killed a 15-year-old boy in Houston.",
     "merge_later_follow_up"),
], ids=["weekday-possessive", "toll-climbed", "claim", "the-shooting-that-killed"])
def test_reports_that_tell_of_an_earlier_incident(text, rule):
    assert read_evidence("bombing", None, text).later.startswith(rule + ' "')


def test_a_first_report_is_no_later_report_and_a_claim_always_is():
    text = "A suicide bomber killed 12 people at a crowded bus station in Maiduguri on Saturday, police said."
    facts = read_evidence("bombing", "people (civilians); crowded bus; civilians", text)
    assert facts.later is None and facts.sites == {"bus", "station"} and not facts.victims
    assert read_evidence("claim", None, "The group said its fighters carried out the attack.").later == "a claim"


def test_named_actors_and_descriptions_are_no_victims():
    facts = read_evidence("battle", "Islamic State; Taliban; CHICAGO (AP) - Two men; 17-year-old boy",
                          "Taliban fighters clashed with Islamic State in Nangarhar.",
                          actors=frozenset({"Islamic State", "Taliban"}))
    assert facts.victims == frozenset() and facts.ages == {17}
