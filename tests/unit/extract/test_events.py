"""Event triggers and the type of an incident."""

import pytest

from eventdesk.articles import make_article
from eventdesk.extract import extract_articles, load_resources
from eventdesk.extract.events import explain_type, find_triggers, incident_type
from eventdesk.extract.triggers import load_lexicon
from eventdesk.schema import VIOLENT_TYPES

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


# --- The trigger lexicon (eventdesk/data/triggers.csv): every entry's example yields that entry and its type.

ENTRIES = load_lexicon().entries


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
def test_every_lexicon_entry_example_yields_its_type(entry):
    triggers = find_triggers(entry.example)
    fired = [t for t in triggers if t.rule.split("+")[0] == f"triggers:{entry.name}"]
    assert [(t.kind, t.hypothetical) for t in fired] == [(entry.kind, False)]
    if entry.kind in VIOLENT_TYPES:
        assert incident_type(triggers, entry.example) == entry.kind


# --- Headline and report shapes: a word is one trigger in every form, present tense and headline syntax included.

HEADLINES = [
    ("present-no-article", "Gunmen kill 3 in Kaduna", "armed_assault", "triggers:gunman"),
    ("present-3sg", "Bandit gang kills 12 farmers in Zamfara", "attack", "triggers:kill"),
    ("open-fire-present", "Paramilitaries open fire on a market, injure 3", "armed_assault", "triggers:open_fire"),
    ("pronoun-murder", "They murder a man in Celaya", "attack", "triggers:murder_verb"),
    ("bare-participle", "Farmer killed in Tarlac.", "attack", "triggers:kill"),
    ("shoot-dead-present", "Soldiers shoot dead a driver at a roadblock", "armed_assault", "triggers:shoot_dead"),
    ("shot-object-dead", "Police shot two suspects dead near the bus park", "armed_assault", "triggers:shoot_dead"),
    ("colon-dateline", "Hermosillo, Sonora: 2 killed in armed attack", "armed_assault", "triggers:weapon_attack"),
    ("device-defused", "A bomb was discovered and defused outside a school in Quetta", "bombing",
     "triggers:device_defused"),
    ("drones-intercepted", "Air defences intercepted two drones over Kursk", "airstrike", "triggers:intercept_drone"),
    ("rocket-intercepted", "A rocket was intercepted over Sderot", "shelling", "triggers:missile_intercepted"),
    ("incendiary-thrown", "Unknown men threw an incendiary device at the party office", "arson",
     "triggers:incendiary_device"),
    ("set-alight", "Attackers set the district office alight", "arson", "triggers:set_ablaze"),
    ("hijacked", "Armed men hijacked a truck on the Gao road", "kidnapping", "triggers:hijack"),
    ("beaten-to-death", "A man was beaten to death in Gulu", "attack", "triggers:beat_to_death"),
    ("lynched", "Two thieves lynched in Puebla", "riot", "triggers:lynch"),
    ("body-with-marks", "A bound body was found in a ravine near Uruapan", "attack",
     "events.body+events.marks_of_violence"),
    ("shelling-kills", "Shelling kills three civilians in Horlivka", "shelling", "triggers:shelling"),
    ("fighting-breaks-out", "Fighting breaks out near the border post", "battle", "triggers:battle_breaks_out"),
    ("killed-in-action", "One KIA, two WIA near Avdiivka", "attack", "triggers:killed_in_action"),
    ("servicemen-lost", "The brigade lost 40 servicemen near Marinka", "battle", "triggers:lose_troops"),
    ("death-in-fighting", "A rebel commander dies in fighting near Beni", "battle", "triggers:fighting+triggers:die"),
    ("claim-keeps-attack", "Rebels claim attack on army base in Tawila", "attack",
     "triggers:attack_noun+events.claim_new_attack"),
]


@pytest.mark.parametrize("sentence,expected,reason", [c[1:] for c in HEADLINES], ids=[c[0] for c in HEADLINES])
def test_headline_shapes_give_their_type_and_reason(sentence, expected, reason):
    assert explain_type(find_triggers(sentence), sentence) == (expected, reason)


NOT_VIOLENCE = [
    ("modal", "Militants could attack the convoy on the way to Gao."),
    ("intention", "The group vowed to kill the mayor of Dogo."),
    ("purpose", "Our mission was to attack the base."),
    ("figurative-kill", "The senate killed the bill on Tuesday."),
    ("labour-strike", "Teachers went on strike in Kano on Monday."),
    ("heart-attack", "The former minister died of a heart attack in Lagos."),
    ("shot-to-fame", "The singer shot to fame in Lagos last year."),
    ("trial", "A court sentenced five men for the 2015 bombing of the market."),
    ("charges", "Murder charges were filed against the officer."),
    ("anniversary", "Hundreds marked the anniversary of the massacre in Srebrenica."),
    ("statistic", "The report noted a sharp rise in kidnappings across the north."),
    ("natural-death", "Two people died of cholera in the camp."),
    ("catalogue", "Torture, murder and rape were the methods of the regime, the report said."),
    ("negated", "No one was killed, the police said."),
    ("body-without-marks", "They find the body of a man in the river."),
    ("found-dead-without-marks", "A man was found dead in his home."),
]


@pytest.mark.parametrize("sentence", [c[1] for c in NOT_VIOLENCE], ids=[c[0] for c in NOT_VIOLENCE])
def test_mentions_that_report_no_violence(sentence):
    assert incident_type(find_triggers(sentence), sentence) is None


@pytest.mark.parametrize("sentence", [
    "Floods kill 30 in Assam.",
    "A bus crash killed 12 passengers on the highway.",
    "Lightning struck a school, killing two pupils.",
], ids=["floods", "crash", "lightning"])
def test_words_accidents_share_are_marked(sentence):
    """The extractor drops an accident or disaster only when every violent word is one accidents use too."""
    violent = [t for t in find_triggers(sentence) if t.violent and not t.hypothetical]
    assert violent and all(t.accidents for t in violent)


@pytest.mark.parametrize("sentence,weak", [
    ("Many soldiers have been killed in the war.", True),
    ("A country that is killing its own people.", True),
    ("The militias who attack the villages are based in the hills.", True),
    ("Militias attacked the village at dawn.", False),
    ("Militants killed the driver.", False),
], ids=["perfect", "progressive", "habitual-relative", "past", "past-kill"])
def test_perfect_progressive_and_habit_are_weak(sentence, weak):
    violent = [t for t in find_triggers(sentence) if t.violent]
    assert [t.weak for t in violent] == [weak]


@pytest.mark.parametrize("sentence,kind,strength", [
    ("The attack on the convoy killed five.", "attack", "generic"),
    ("Militants attack army camp", "attack", "act"),
    ("The terrorists' attacks frightened the town.", "attack", "generic"),
    ("'Russian forces' attack troops in the east", "attack", "act"),
], ids=["noun-before-on", "headline-verb", "possessive-plural", "closing-quote"])
def test_noun_or_verb_reading_of_attack(sentence, kind, strength):
    first = next(t for t in find_triggers(sentence) if t.text.lower() == "attack" or t.text.lower() == "attacks")
    assert (first.kind, first.strength) == (kind, strength)


def test_death_word_needs_a_toll():
    """ "die" reports violence only beside a casualty figure (the extractor asks `needs_toll`)."""
    (died,) = find_triggers("The Liberator died in this room.")
    assert died.needs_toll and not died.instrument


# --- Headlines end to end: a headline or lede reports its event even without a date, a place or a toll.

@pytest.fixture(scope="module")
def resources():
    return load_resources()


@pytest.mark.parametrize("text,expected", [
    ("They murder a man inside his home", "attack"),
    ("Volunteer guard shot dead by soldiers", "armed_assault"),
    ("Suspected militants kill district official", "attack"),
    ("Explosion in the southern countryside of the province", "bombing"),
], ids=["murder-pronoun", "shot-dead-passive", "kill-present", "explosion-noun-phrase"])
def test_headline_without_date_or_place_is_an_event(resources, text, expected):
    events = extract_articles([make_article({"id": "h", "text": text})], resources)[0]
    assert [e["event_type"] for e in events if e["event_type"] in VIOLENT_TYPES][:1] == [expected]


def test_later_sentence_needs_grounding(resources):
    """Only the first sentence is a lede: an ungrounded act later in a report starts no incident of its own."""
    text = "Officials met in the capital to discuss the budget. They shot him outside the house."
    events = extract_articles([make_article({"id": "h", "text": text})], resources)[0]
    assert [e for e in events if e["event_type"] in VIOLENT_TYPES] == []
