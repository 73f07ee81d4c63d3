"""Headlines as conflict datasets code them: detection, the killed and who did it, on headline shapes.

The sentences are written for these tests in the shapes real feeds use: present tense with no article, a source
code before the first headline, several headlines of one event joined by semicolons, the crime pages' "they
locate a lifeless man", a side named among the dead of a clash.
"""

import pytest

from eventdesk.articles import Article
from eventdesk.extract import extract_articles
from eventdesk.schema import VIOLENT_TYPES


def main_event(text: str) -> dict | None:
    """The first violent event of a headline, as the scorers read it."""
    events = extract_articles([Article(id="t", text=text)])[0]
    return next((e for e in events if e["event_type"] in VIOLENT_TYPES), None)


@pytest.mark.parametrize("text", [
    pytest.param("Court jails a party leader over the 1994 war; 9 die in clashes near the border",
                 id="a-violent-report-beside-a-retrospective-one"),
    pytest.param("Armed men kill 12 at a wedding in Zamfara;Annual Report: NIGERIA 2019/2020",
                 id="a-report-beside-an-annual-report"),
    pytest.param("They locate a lifeless woman in the Las Palmas neighborhood", id="lifeless-found"),
    pytest.param("Lifeless man found on a street in Culiacan", id="lifeless-found-passive"),
    pytest.param("He finds his brother dead inside the workshop.", id="found-dead-in-prose"),
    pytest.param("Eight more dead found in a ravine in Guerrero", id="more-dead-found"),
    pytest.param("Heavy casualties reported in fighting near Bakhmut", id="casualties-beside-fighting"),
    pytest.param("Shelling on the eastern districts of Idlib causes casualties", id="shelling-causes-casualties"),
    pytest.param("Militiamen torch houses in a village near Kalemie", id="torch-present"),
    pytest.param("Gunmen entered a bakery to kill its owner in Celaya", id="entered-to-kill"),
    pytest.param("Murder in a street market in Ensenada", id="one-murder-and-where"),
])
def test_headline_is_detected(text):
    assert main_event(text) is not None


@pytest.mark.parametrize("text", [
    pytest.param("Court jails a party leader over the 1994 war; Talks resume in the capital", id="no-violence"),
    pytest.param("They found the missing boy alive in the hills", id="found-alive"),
    pytest.param("Fishermen found dead after the flood in the delta", id="flood-dead"),
    pytest.param("Gunmen plan to kill the mayor, police warn", id="planned-killing"),
    pytest.param("Murders in Ensenada", id="murders-counted-nowhere"),
])
def test_headline_reports_no_incident(text):
    assert main_event(text) is None


@pytest.mark.parametrize(("text", "killed", "rule"), [
    pytest.param("A commander assassinated in Daraa city and clashes in its countryside", 1,
                 "casualties.one_victim", id="a-commander-assassinated"),
    pytest.param("Envoy summoned after man killed in border firing", 1, "casualties.one_victim",
                 id="after-man-killed"),
    pytest.param("Clerics condemn the mob killing of a Christian trader in Sokoto", 1, "casualties.killing_of_one",
                 id="killing-of-one"),
    pytest.param("They leave an executed man tied hand and foot in Chilapa", 1, "casualties.dead_adjective_one",
                 id="executed-man-left"),
    pytest.param("Gang throws a human head in the market area of Uruapan", 1, "casualties.a_body",
                 id="human-head-thrown"),
    pytest.param('"El Gordo" is murdered in the market of Tecate', 1, "casualties.nicknamed_victim",
                 id="nickname-murdered"),
    pytest.param("41y.o. Petro Kovalenko killed in shelling near Avdiivka", 1, "casualties.nicknamed_victim",
                 id="name-with-age"),
    pytest.param("They locate a lifeless man in the Las Palmas neighborhood", 1, "casualties.found_dead",
                 id="lifeless-man"),
])
def test_one_victim_is_one_killed_with_its_rule(text, killed, rule):
    event = main_event(text)
    assert (event["killed"], event["killed_rule"]) == (killed, rule)


@pytest.mark.parametrize(("text", "actor1"), [
    pytest.param("XQ004512;Boko Haram Kills Village Head, Burns Market in Gwoza", "Boko Haram",
                 id="source-code-before-the-headline"),
    pytest.param("Boko Haram Storm A College Dormitory, Kill 20 Students", "Boko Haram", id="present-storm"),
    pytest.param("Army Kills 33 Terrorists In Borno State, Nigeria", "Nigerian Armed Forces",
                 id="military-kills-terrorists"),
    pytest.param("Nigerian army clashes with Boko Haram near Bama, nine killed", "Nigerian Armed Forces",
                 id="army-clashes-with"),
    pytest.param("'Qaeda' kills two soldiers at a checkpoint in Abyan", "Al-Qaeda", id="quoted-group"),
    pytest.param("Twelve killed in Boko Haram attack on a village in Borno", "Boko Haram",
                 id="killed-in-group-attack"),
    pytest.param("Fighting intensifies between Islamic State and al-Shabaab in Puntland", "Islamic State",
                 id="fighting-between"),
    pytest.param("Two NPA rebels killed in clash with troops in Samar", "New People's Army",
                 id="side-among-the-dead-of-a-clash"),
    pytest.param("Boko Haramkills 9 herders in Borno village", "Boko Haram", id="name-glued-to-its-verb"),
])
def test_headline_initiator(text, actor1):
    assert main_event(text)["actor1"] == actor1


@pytest.mark.parametrize("text", [
    pytest.param("Three suspected militants killed in an air strike in Waziristan", id="victims-of-a-strike"),
    pytest.param("Two Pakistani soldiers killed by a roadside bomb in Bajaur", id="soldiers-killed-by-a-bomb"),
    pytest.param("Four Boko Haram fighters killed in an air strike near Gwoza", id="group-fighters-killed"),
])
def test_victims_of_a_headline_are_not_its_initiator(text):
    assert main_event(text)["actor1"] is None


def test_a_side_of_a_clash_says_it_is_a_side():
    event = main_event("Two NPA rebels killed in clash with troops in Samar")
    assert event["actor1_reason"].startswith("battle")


@pytest.mark.parametrize("text", [
    pytest.param("We must condemn the violent murder of a member of the police.", id="prose-recalls-a-murder"),
    pytest.param("THE ARMY LISTED CASUALTY FIGURES FOR THE OFFENSIVE.", id="casualty-figures"),
    pytest.param("THE COURT SENTENCED THE MEN IN 1991 FOR THE RAID; THREE VILLAGERS WERE KILLED IN IT.",
                 id="upper-case-prose-is-one-report"),
])
def test_prose_is_not_read_as_headlines(text):
    assert main_event(text) is None


def test_a_name_glued_to_its_verb_keeps_the_trigger_and_the_figure():
    event = main_event("Al-Shabaabkills 7 soldiers near Baidoa")
    assert (event["event_type_reason"], event["killed"]) == ('triggers:kill "kills"', 7)
