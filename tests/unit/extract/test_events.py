"""Event triggers and the type of an incident."""

import pytest

from eventdesk.extract.events import find_triggers, incident_type

TYPES = [
    ("gunmen", "Gunmen killed two police officers and wounded three others on Tuesday.", "armed_assault"),
    ("airstrike", "An airstrike killed around 12 militants in the city.", "airstrike"),
    ("car-bomb", "A car bomb exploded outside the ministry, killing nine.", "bombing"),
    ("mortar", "Mortar rounds hit a crowded market in the old city.", "shelling"),
    ("kidnap-beats-method", "Armed men stormed the school and abducted 30 pupils.", "kidnapping"),
    ("assassination", "The district governor was assassinated by a roadside bomb.", "assassination"),
    ("arson", "Unknown men set fire to a polling station overnight.", "arson"),
    ("crowd-burning-is-riot", "Rioters set fire to a police station and torched several cars.", "riot"),
    ("communal-clash-is-riot", "Two people died when supporters of rival parties clashed in the market.", "riot"),
    ("targeted-official", "Gunmen shot dead a district judge outside his home.", "assassination"),
    ("gunfight-after-assault-stays-assault",
     "Gunmen attacked a police post, killing four officers before police killed two of them in a gunfight.",
     "armed_assault"),
    ("aircraft-dropped-bombs", "Government aircraft dropped bombs on the market, killing nine.", "airstrike"),
    ("rockets", "Rockets slammed into the airport late on Sunday.", "shelling"),
    ("vehicle-ramming", "A man drove a van into pedestrians on the promenade, killing three.", "armed_assault"),
    ("clash", "Troops clashed with rebels for several hours near the border.", "battle"),
    ("mob", "A mob lynched two men accused of theft.", "riot"),
    ("method-unstated", "Militants attacked a checkpoint, killing three soldiers.", "attack"),
    ("gunmen-fire", "Gunmen opened fire on a checkpoint, killing three soldiers.", "armed_assault"),
    ("machetes", "Raiders armed with machetes killed nine farmers in Odaki village.", "armed_assault"),
    ("gunmen-set-fire", "Gunmen set fire to three lorries on the Kasumba road; nobody was hurt.", "arson"),
    ("petrol-bombs-crowd", "Protesters threw petrol bombs at the town hall and clashed with police.", "riot"),
    ("suicide-bomber-struck", "A suicide bomber struck a wedding hall in Dorvan, killing 14 guests.", "bombing"),
    ("attack-turns-to-clash", "Rebels attacked an army post near Fendi, triggering a gunfight that lasted hours.",
     "battle"),
    ("attacked-positions", "Militia fighters attacked army positions outside Tabora; six soldiers died.", "battle"),
    ("kidnapping-over-killing", "Bandits abducted 30 pupils from a school and shot dead the headmaster's son.",
     "kidnapping"),
    ("method-unknown", "Twenty villagers died in an attack on their village, officials said.", "attack"),
    ("drone", "A drone strike hit a vehicle carrying commanders.", "airstrike"),
]


@pytest.mark.parametrize("sentence,expected", [c[1:] for c in TYPES], ids=[c[0] for c in TYPES])
def test_incident_type(sentence, expected):
    assert incident_type(find_triggers(sentence), sentence) == expected


HYPOTHETICAL = [
    ("potential", "Officials warned of a potential terror attack during the holidays."),
    ("prevent", "The new units are meant to prevent attacks on pipelines."),
    ("foiled", "Police said they foiled a bombing plot."),
]


@pytest.mark.parametrize("sentence", [c[1] for c in HYPOTHETICAL], ids=[c[0] for c in HYPOTHETICAL])
def test_hypothetical_violence_is_not_an_incident(sentence):
    assert incident_type(find_triggers(sentence), sentence) is None


def test_claim_and_warning_triggers():
    kinds = [t.kind for t in find_triggers("The group claimed responsibility after officials had warned of it.")]
    assert "claim" in kinds and "warning" in kinds


def test_upper_case_hypothetical():
    """Capitals are read in lower case for the hypothetical cues, except "MAY" (modal or month)."""
    triggers = find_triggers("THE GROUP IS PLANNING AN ATTACK ON THE CAPITAL NEXT WEEK.")
    assert [(t.text, t.hypothetical) for t in triggers] == [("ATTACK", True)]
    triggers = find_triggers("ON 5 MAY A BOMB EXPLODED IN THE CENTRAL MARKET OF THE TOWN.")
    assert [(t.text, t.hypothetical) for t in triggers] == [("BOMB", False), ("EXPLODED", False)]


@pytest.mark.parametrize("sentence", [
    "The group claimed credit for the bombing in a leaflet.",
    "THE REBELS HAVE CLAIMED CREDIT FOR THE BLAST.",
], ids=["credit", "credit-upper-case"])
def test_claimed_credit_is_a_claim(sentence):
    assert "claim" in [t.kind for t in find_triggers(sentence)]


@pytest.mark.parametrize("sentence,kind", [
    ("Rebels blew up two power pylons outside the town.", "bombing"),
    ("The bridge was blown up before dawn.", "bombing"),
    ("Raiders burned three buses on the coastal road.", "arson"),
    ("A gang burnt down the village school.", "arson"),
], ids=["blew-up", "blown-up", "burned-buses", "burnt-down-school"])
def test_destruction_verbs_are_triggers(sentence, kind):
    assert [t.kind for t in find_triggers(sentence) if t.violent and not t.hypothetical] == [kind]


@pytest.mark.parametrize("sentence", [
    "The opposition leader harshly attacked the finance minister in parliament.",
    "Economists warn of a social explosion if bread prices keep rising.",
    "THE SENATOR SHARPLY ATTACKED THE GOVERNMENT'S BUDGET.",
], ids=["harshly-attacked", "social-explosion", "upper-sharply-attacked"])
def test_figurative_violence_is_not_real(sentence):
    assert not [t for t in find_triggers(sentence) if t.violent and not t.hypothetical]
