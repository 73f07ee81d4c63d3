"""Whole articles through the extractor: the seed's table, and reports written in wire and coder style."""

import math
from pathlib import Path

import pytest

from eventdesk.articles import Article, load_paths
from eventdesk.extract import extract_articles, extract_events
from eventdesk.schema import VIOLENT_TYPES

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def article_events(article: Article) -> list[dict]:
    """The events of one article, through the batched entry point."""
    return extract_articles([article])[0]


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def seed_events():
    loaded = load_paths([SEEDS])
    assert loaded.errors == []
    return extract_events(loaded.articles)


def one(events, event_type):
    rows = events[events["event_type"] == event_type]
    assert len(rows) == 1, f"expected one {event_type}, got {len(rows)}"
    return rows.iloc[0]


def test_seed_bombing(seed_events):
    bombing = one(seed_events, "bombing")
    assert (bombing["date"], bombing["date_precision"]) == ("2024-01-03", "day")
    assert (bombing["location"], bombing["country"], bombing["geo_precision"]) == ("Kerman", "Iran", "city")
    assert km(bombing["lat"], bombing["lon"], 30.28, 57.08) < 10
    assert (bombing["killed"], bombing["killed_qualifier"]) == (84, "at_least")
    assert bombing["injured"] == 284
    assert (bombing["actor1"], bombing["claimed_by"]) == ("Islamic State", "Islamic State")
    assert "84 lives" in bombing["evidence"]


def test_seed_claim_links_to_the_bombing(seed_events):
    claim, bombing = one(seed_events, "claim"), one(seed_events, "bombing")
    assert (claim["date"], claim["actor1"]) == ("2024-01-04", "Islamic State")
    assert claim["linked_event_id"] == bombing["event_id"]


def test_seed_warning_and_accusation(seed_events):
    warning = one(seed_events, "warning")
    assert (warning["actor1"], warning["actor2"]) == ("United States", "Iran")
    accusation = one(seed_events, "accusation")  # "Iran has been accused of ...": by whom, the text does not say
    assert accusation.isna()["actor1"] and accusation["actor2"] == "Iran"


def test_seed_evidence_offsets_point_into_the_article(seed_events):
    (article,) = load_paths([SEEDS]).articles
    for _, row in seed_events.iterrows():
        assert article.text[row["evidence_start"]:row["evidence_end"]] == row["evidence"]


def test_seed_aliases_collapse(seed_events):
    actors = set(seed_events["actor1"].dropna()) | set(seed_events["actor2"].dropna())
    assert "ISIS" not in actors and "US" not in actors
    assert {"Islamic State", "United States", "Iran"} <= actors


def test_event_ids_are_stable(seed_events):
    again = extract_events(load_paths([SEEDS]).articles)
    assert list(again["event_id"]) == list(seed_events["event_id"])


def main_event(text: str, published: str | None = None) -> dict:
    events = article_events(Article(id="t", text=text, published=published))
    return next(e for e in events if e["event_type"] in ("bombing", "armed_assault", "airstrike", "shelling",
                                                          "attack", "kidnapping", "assassination", "battle",
                                                          "arson", "riot"))


REPORTS = [
    ("wire-gunmen",
     "QUETTA, Pakistan — Gunmen killed two police officers and wounded three others in Quetta on Tuesday, "
     "officials said. No group claimed responsibility.", "2022-03-10",
     {"event_type": "armed_assault", "killed": 2, "injured": 3, "country": "Pakistan", "location": "Quetta",
      "date": "2022-03-08"}),
    ("airstrike-around",
     "An airstrike killed around 12 militants in Marib city on 4 June 2021, the coalition said.", None,
     {"event_type": "airstrike", "killed": 12, "killed_qualifier": "about", "country": "Yemen", "date": "2021-06-04"}),
    ("coder-claim",
     "On 9 September 2020, al-Shabaab fighters attacked an army base near Kismayo, killing five soldiers. "
     "The group claimed the attack.", None,
     {"event_type": "attack", "actor1": "Al-Shabaab", "killed": 5, "country": "Somalia"}),
    ("country-from-town-only",
     "On 3 February 2021, a roadside bomb struck a police vehicle in Maiduguri, wounding four officers.", None,
     {"event_type": "bombing", "country": "Nigeria", "injured": 4, "killed": None}),
    ("background-then-main",
     "In 2015 the same market was hit by a bombing that killed 40 people. On 2 March 2021, a grenade exploded "
     "at the market in Goma, killing two traders and wounding seven.", None,
     {"killed": 2, "injured": 7, "date": "2021-03-02", "country": "Democratic Republic of the Congo"}),
    ("hedged-perpetrator",
     "Suspected Boko Haram militants stormed a village near Maiduguri on 5 May 2021, killing six villagers.", None,
     {"actor1": None, "killed": 6}),
    ("claim-by-spokesman",
     "On 11 March 2021, a Taliban sniper shot dead a district police chief in Ghazni. A Taliban spokesman "
     "claimed the killing.", None,
     {"event_type": "assassination", "actor1": "Taliban", "killed": 1}),
    ("claim-after-long-apposition",
     "Gunmen killed four guards at a bank in Bannu on 2 April 2021. Tehrik-i-Taliban Pakistan, which the "
     "government describes as the largest militant alliance in the north-west of the country, claimed "
     "responsibility.", None,
     {"actor1": "Tehrik-i-Taliban Pakistan", "killed": 4}),
    ("banned-group-claim",
     "Gunmen shot dead three shopkeepers in Mastung on 8 May 2021. Lashkar-e-Jhangvi, a banned sectarian "
     "group, claimed responsibility.", None,
     {"actor1": "Lashkar-e-Jhangvi", "killed": 3}),
    ("backed-by-is-not-the-attacker",
     "Gunmen killed two soldiers at a checkpoint near Tal Afar on 9 June 2021. Officials blamed militias "
     "backed by Iran but named no group.", None,
     {"actor1": "gunmen", "killed": 2}),
    ("dated-report-after-background",
     "The valley has not recovered from the 2014 onslaught in which thousands were killed and abducted. "
     "On 12 May 2021, a drone struck a car near Kalar, killing three fighters.", None,
     {"event_type": "airstrike", "killed": 3, "date": "2021-05-12"}),
]

UPPER_CASE_WIRE = (
    "PUERTO LEMPIRA, 14 FEB 91 -- [TEXT] URBAN GUERRILLAS TODAY DYNAMITED TWO POWER\n"
    "TOWERS NEAR PUERTO LEMPIRA, AND IT IS NOT YET KNOWN HOW MANY HOMES\n"
    "WERE LEFT WITHOUT ELECTRICITY.  NO ONE WAS HURT, THE POLICE SAID.\n"
)


def test_upper_case_wire_copy():
    """Hard-wrapped capitals: one sentence across lines, the description is the attacker, and the word "IS"
    is not the Islamic State."""
    event = main_event(UPPER_CASE_WIRE)
    assert (event["event_type"], event["actor1"], event["actor2"]) == ("bombing", "urban guerrillas", "power towers")
    actors = {e.get("actor1") for e in article_events(Article(id="u", text=UPPER_CASE_WIRE))}
    assert "Islamic State" not in actors


@pytest.mark.parametrize("text,published,expected", [r[1:] for r in REPORTS], ids=[r[0] for r in REPORTS])
def test_reports(text, published, expected):
    event = main_event(text, published)
    assert {k: event[k] for k in expected} == expected


NOT_INCIDENTS = [
    ("policy", "The ministry said it would deploy 3,000 troops to the border region next year."),
    ("hypothetical", "Officials warned that militants could attack polling stations during the vote."),
    ("trial", "A court sentenced the two men to 20 years in prison for financing the group."),
    ("trial-over-old-attack", "A court in Lagos on Monday jailed four men over the 2012 bombing of a church "
     "in which 30 worshippers were killed."),
    ("earthquake", "A strong earthquake struck the province on Sunday, killing at least 12 people and injuring 80."),
    ("road-accident", "On 4 May 2021, a truck plunged off a mountain road near Cusco, killing nine passengers."),
    ("anniversary", "Survivors gathered on Friday to remember the victims, 25 years after a bomb killed 19 people "
     "at the station in 1998."),
]


NOT_INCIDENTS += [
    ("upper-case-intention", "THE ARMY WILL CONTINUE ITS ATTACKS ON THE REBEL CAMPS UNTIL THEY SURRENDER."),
    ("forces-named-not-acting", "AIR FORCE PLANES ARE FLYING OVER THE CAPITAL TO PROTECT TRAFFIC ON THE MAIN ROADS."),
    ("an-air-force-officer", "On 3 May 2021 the ministry announced that Air Force General Juan Soto had retired."),
    ("weapons-given", "THE REBELS HAVE RECEIVED ALL TYPES OF ARMS, INCLUDING MORE THAN 200 ROCKETS, IN THE NORTH."),
    ("the-violence", "The violence in the province worries the bishops, the archbishop said in Cali on Sunday."),
    ("toll-since-the-war-began", "More than 12,000 people have been killed in the province since the war began."),
    ("toll-over-many-clashes", "The army said 390 rebels were killed in more than 600 clashes in the region."),
    ("toll-of-the-conflict", "The conflict that began ten years ago in the north has left more than 20,000 dead."),
    ("bomb-threat", "On 15 May 2021 police evacuated three government offices in Panama City after bomb threats."),
    ("toll-of-a-war", "Ganja lies 60 kilometres from the front line of the 2020 war, which killed more than 6,500 "
     "soldiers on both sides in six weeks of fighting."),
    ("toll-of-weeks", "The army said that in the last 24 days, 1,853 rebels and 457 soldiers have been killed."),
]


@pytest.mark.parametrize("text", [r[1] for r in NOT_INCIDENTS], ids=[r[0] for r in NOT_INCIDENTS])
def test_no_violent_event(text):
    events = article_events(Article(id="n", text=text))
    assert not [e for e in events if e["event_type"] in VIOLENT_TYPES]


def violent_rows(text: str) -> list[tuple]:
    events = article_events(Article(id="v", text=text))
    return [(e["event_type"], e.get("actor1"), e.get("actor2")) for e in events
            if e["event_type"] in ("bombing", "armed_assault", "attack", "assassination", "kidnapping")]


def test_separate_incident_is_its_own_event():
    text = ("Gunmen killed two farmers near Tumaco on 3 May 2021. Meanwhile, a bomb destroyed a bridge "
            "near Cucuta.")
    assert violent_rows(text) == [("armed_assault", "gunmen", "farmers"), ("bombing", None, "bridge")]


def test_rebels_are_the_one_group_the_article_names():
    text = ("The FARC has been fighting the government since 1964. On 3 May 2021 rebels dynamited an oil "
            "pipeline near Tibu, cutting supply.")
    assert violent_rows(text)[0][1:] == ("FARC", "oil pipeline")


def test_rebels_stay_described_when_two_groups_are_named():
    text = ("The FARC and the ELN have been fighting the government for decades. On 3 May 2021 rebels dynamited "
            "an oil pipeline near Tibu, cutting supply.")
    assert violent_rows(text)[0][1] == "rebels"


def test_upper_case_victim_is_the_target():
    text = ("LIMA, 4 MAY 21 -- UNIDENTIFIED GUNMEN TODAY MURDERED THE MAYOR OF A SMALL ANDEAN TOWN\n"
            "AS HE LEFT A MEETING, THE POLICE SAID.")
    assert violent_rows(text)[0][1:] == ("unidentified gunmen", "mayor")


@pytest.mark.parametrize("text,expected", [
    ("BOGOTA, 4 MAY 21 -- GUNMEN TODAY ASSASSINATED LIBERAL SENATOR JORGE PINEDA AS HE LEFT HIS HOUSE\n"
     "IN THE NORTH OF THE CITY, THE POLICE SAID.", ("assassination", "gunmen", "liberal senator jorge pineda")),
    ("On 4 May 2021, unidentified gunmen shot and killed local journalist Maria Lopez in Tumaco (Narino). "
     "Police said she had received threats.", ("armed_assault", "unidentified gunmen", "local journalist Maria Lopez")),
    ("SAN SALVADOR, 9 JUN 21 -- TEODORO RIVAS, A FORMER DEPUTY OF THE NATIONAL ASSEMBLY, WAS SHOT DEAD TODAY\n"
     "BY UNIDENTIFIED MEN, POLICE SOURCES REPORTED.", ("armed_assault", "unidentified men", "former deputy")),
], ids=["upper-case-title-and-name", "coder-note-name", "upper-case-apposition"])
def test_murdered_person_is_the_target(text, expected):
    assert violent_rows(text)[0] == expected


def test_claimed_credit_names_the_perpetrator():
    text = ("A bomb exploded in a restaurant in Cali on 3 May 2021, wounding two waiters. Fighters of the FARC "
            "claimed credit for the blast in leaflets left at the scene.")
    assert violent_rows(text)[0][1] == "FARC"


def test_dateline_date_is_the_report_date_not_the_event_date():
    text = ("GAO, Mali, March 13, 2024 (AFP) - A suicide bomber killed 12 people at a cattle market in Gao "
            "on Tuesday, officials said.")
    event = main_event(text)
    assert (event["date"], event["event_type"], event["location"]) == ("2024-03-12", "bombing", "Gao")


def test_a_bomber_striking_is_not_an_air_raid():
    event = main_event("A bomb tore through a bus station in Kano on 4 May 2023. The bomber struck as "
                       "passengers were boarding, killing seven people.")
    assert event["event_type"] == "bombing"


def test_country_after_a_locative_is_not_the_attacker():
    event = main_event("A car bomb at a checkpoint in eastern Somalia on 2 June 2022 killed five soldiers.")
    assert event["actor1"] is None and event["country"] == "Somalia"


NOT_INCIDENTS += [
    ("arms-haul", "Police found 40 rifles, 300 grenades and two rocket launchers in a farmhouse near Cali."),
    ("upper-case-arms-haul", "THE SOLDIERS SEIZED SEVERAL RIFLES AND FRAGMENTATION GRENADES IN THE TRUCK."),
]


def test_sentence_that_names_the_attacker_reports_an_incident():
    """A lead whose only trigger is a generic word still reports an incident when it says who attacked."""
    text = ("MEMBERS OF THE SELF-STYLED REVOLUTIONARY ARMED FORCES OF COLOMBIA [FARC] HAVE CARRIED OUT ATTACKS IN "
            "THE SOUTH OF THE PROVINCE. TRAFFIC ON THE MAIN ROAD WAS SUSPENDED.")
    assert violent_rows(text)[0][1] == "FARC"


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        pytest.param("Sudanese soldiers shot dead four protesters in Omdurman on 3 June 2022.", "Sudanese Armed Forces",
                     id="troops-are-the-registry-army"),
        pytest.param("The Sudanese army shot dead four protesters in Omdurman on 3 June 2022.", "Sudanese Armed Forces",
                     id="the-army-by-its-alias"),
        pytest.param("Sudanese police shot dead four protesters in Omdurman on 3 June 2022.", "Police Forces of Sudan",
                     id="police-keep-the-datasets-name"),
    ],
)
def test_a_countrys_soldiers_and_its_army_are_one_actor(text, actor):
    assert main_event(text)["actor1"] == actor


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        pytest.param("On 3 May 2021, the military conducted airstrikes on Boko Haram positions near Maiduguri (Borno).",
                     "Nigerian Armed Forces", id="the-military-of-the-incidents-country"),
        pytest.param("On 2 February 2021, police shot dead a student during a protest in Nairobi.",
                     "Police Forces of Kenya", id="police"),
        pytest.param("Soldiers opened fire on a crowd in Bamako on 10 July 2020, killing four.",
                     "Malian Armed Forces", id="soldiers"),
        pytest.param("Gunmen killed two soldiers in Bunia on 5 May 2021.", "gunmen",
                     id="soldiers-as-victims-stay-targets"),
        pytest.param("Police said gunmen killed a trader in Kano on 3 May 2021.", "gunmen", id="police-as-source"),
        pytest.param("On 12 October 2020, a student was shot dead by police in Kumasi.", "Police Forces of Ghana",
                     id="by-police"),
    ],
)
def test_unnamed_state_forces_are_the_forces_of_the_incidents_country(text, actor):
    assert main_event(text)["actor1"] == actor


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Al-Shabaab claimed it killed five soldiers in Baidoa on 3 May 2021.", id="claimed-it-killed"),
        pytest.param("On 3 May 2021, Al-Shabaab claimed to have killed five soldiers in an ambush near Baidoa.",
                     id="claimed-to-have-killed"),
    ],
)
def test_a_claim_that_gives_the_toll_reports_the_attack(text):
    event = main_event(text)
    assert (event["actor1"], event["claimed_by"], event["killed"], event["location"]) == (
        "Al-Shabaab", "Al-Shabaab", 5, "Baidoa")


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        pytest.param("On 12 March 2020, a roadside bomb exploded targeting a Syrian army vehicle near Deraa, killing "
                     "two soldiers.", None, id="the-army-vehicle-is-the-target"),
        pytest.param("Russian warplanes struck a market in Idlib on 3 May 2021, killing 9 civilians.",
                     "Russian Armed Forces", id="the-warplanes-are-the-attacker"),
    ],
)
def test_forces_named_by_a_demonym_are_the_attacker_only_when_they_attack(text, actor):
    assert main_event(text)["actor1"] == actor


def test_a_district_with_its_province_in_brackets_is_placed_in_that_province():
    """A district name that is also a town elsewhere: the bracketed province decides."""
    event = main_event("On 18 July 2020, a landmine exploded, killing a child in Hays district (Al Hudaydah).")
    assert (event["location"], event["admin1"], event["country"]) == ("Hays", "Al Hudaydah", "Yemen")


def test_a_claim_that_first_reports_the_attack_is_the_attack_too():
    event = main_event("On 9 January 2021, ISKP claimed responsibility for a sticky bomb attack on a car carrying a "
                       "prosecutor in Jalalabad city, wounding him.")
    assert (event["event_type"], event["actor1"], event["injured"], event["location"]) == (
        "bombing", "Islamic State Khorasan Province", 1, "Jalalabad")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        pytest.param("On 4 May 2021, Houthi forces shelled homes in Hays, killing a woman.", "Yemen",
                     id="the-group-says-where"),
        pytest.param("On 4 May 2021, a gunman shot dead a clerk in Hays, Kansas.", "United States",
                     id="the-text-says-where"),
    ],
)
def test_an_armed_groups_home_country_helps_read_a_town_name(text, country):
    assert main_event(text)["country"] == country


def test_a_summary_dated_with_slashes_and_placed_by_its_province_and_country():
    event = main_event("07/04/2019: Assailants attacked Dar village, Yagha province, Burkina Faso. At least 12 "
                       "people were killed in the attack.")
    assert (event["date"], event["country"], event["killed"]) == ("2019-07-04", "Burkina Faso", 12)


def test_an_incident_with_several_targets_has_one_row_per_target():
    """One row per initiator-target pair: the further rows point at the incident's row and carry no figures,
    so that casualty sums over rows count the incident once."""
    events = article_events(Article(id="t", text=(
        "On 4 June 2021, gunmen attacked a bank, a police post and two shops in Kirkuk, killing two policemen and "
        "a guard.")))
    main, *further = [e for e in events if e["event_type"] == "armed_assault"]
    assert main["part_of"] is None and main["killed"] == 3
    assert main["targets"] == "bank (policemen); police post; shops; policemen; guard"
    assert [e["actor2"] for e in further] == ["police post", "shops", "policemen", "guard"]
    assert {e["part_of"] for e in further} == {main["event_id"]}
    assert all(e["killed"] is None and e["injured"] is None for e in further)
    assert len({e["event_id"] for e in events}) == len(events)


@pytest.mark.parametrize("text", [
    pytest.param("On 4 June 2021, rebels fired mortars at the barracks in Kirkuk.", id="the-weapon"),
    pytest.param("On 4 June 2021, gunmen attacked the police station in the Tal Afar neighborhood of Kirkuk.",
                 id="the-place"),
])
def test_the_weapon_or_the_place_is_not_a_further_target(text):
    events = article_events(Article(id="t", text=text))
    assert [e for e in events if e["part_of"]] == []


def test_blame_for_a_murder_reports_the_murder_and_who_did_it():
    event = main_event("The governor blamed al-Shabaab for the killing of a village elder in Baidoa on 3 May 2021.")
    assert (event["event_type"], event["actor1"], event["actor2"]) == ("assassination", "Al-Shabaab", "village elder")


@pytest.mark.parametrize("text", [
    pytest.param("THE PERUVIAN POLICE HAVE REPORTED THAT A BOMB EXPLODED OUTSIDE A BANK IN LIMA ON 2 MAY 2021.",
                 id="police-have-reported"),
    pytest.param("According to the reports received by the police, a bomb exploded outside a bank in Lima on 2 May "
                 "2021.", id="received-by-the-police"),
])
def test_the_police_who_report_an_attack_did_not_make_it(text):
    assert main_event(text)["actor1"] is None


def test_a_country_after_a_locative_is_not_who_threatens():
    events = article_events(Article(id="t", text=(
        "The ELN, the most radical of the armed groups operating in Colombia, has threatened to sabotage the vote.")))
    threat = next(e for e in events if e["event_type"] == "threat")
    assert threat["actor1"] == "National Liberation Army (ELN)"


def test_the_victims_named_after_the_report_are_targets():
    events = article_events(Article(id="t", text=(
        "On 4 June 2021, gunmen killed two teachers in Tumaco. The victims were identified as Ana Ruiz and Luis Gil.")))
    attack = next(e for e in events if e["event_type"] in VIOLENT_TYPES)
    assert attack["targets"] == "teachers; Ana Ruiz; Luis Gil"


def test_an_attack_on_a_named_person_is_an_incident_without_date_or_place():
    text = ("REGARDING THE ATTACK AGAINST ATTORNEY GENERAL JUAN PEREZ, A GROUP OF MEN CLAIMED RESPONSIBILITY "
            "FOR THE ATTACK.")
    assert main_event(text)["actor2"] == "attorney general juan perez"


@pytest.mark.parametrize(("text", "actor"), [
    pytest.param("The Salvadoran armed forces, which confirmed the attack, said that 3 soldiers were killed in the "
                 "fighting near San Miguel on 4 May 2021.", None, id="forces-that-report"),
    pytest.param("On 4 May 2021 Somali troops backed by AU forces attacked an al-Shabaab base near Jilib.",
                 "Somali National Army", id="forces-that-attack"),
    pytest.param("On 29 May 2024 Russian aircraft dropped guided bombs on Kharkiv, killing two workers.",
                 "Russian Armed Forces", id="forces-weapons"),
])
def test_forces_named_by_a_demonym_are_the_attacker_only_when_they_act(text, actor):
    assert main_event(text)["actor1"] == actor


def test_sabotage_is_an_attack_on_what_was_sabotaged():
    event = main_event("On 4 May 2021 rebels sabotaged two power lines near Ilobasco, leaving the town without "
                       "electricity.")
    assert (event["event_type"], event["actor1"], event["actor2"]) == ("attack", "rebels", "power lines")


def test_bullet_wounds_are_a_shooting():
    event = main_event("The mayor received three bullet wounds outside his office in Huancayo on 4 May 2021.")
    assert event["event_type"] in ("armed_assault", "assassination")


def test_the_dead_of_an_armed_group_are_not_a_further_target():
    events = article_events(Article(id="t", text=(
        "On 4 May 2021 soldiers attacked a rebel camp near Tibu, killing nine guerrillas and a farmer.")))
    attack = next(e for e in events if e["event_type"] in VIOLENT_TYPES)
    assert "guerrillas" not in (attack["targets"] or "").split("; ")[1:]
    assert attack["killed"] == 10


def test_the_suspects_identified_after_an_attack_are_not_its_victims():
    events = article_events(Article(id="t", text=(
        "On 4 May 2021 gunmen killed a judge in Medellin. The arrested men have been identified as Diego Leon Orozco "
        "and Ernesto Gonzalez.")))
    attack = next(e for e in events if e["event_type"] in VIOLENT_TYPES)
    assert "Orozco" not in (attack["targets"] or "")


def test_a_murder_named_by_its_victims_is_an_incident():
    event = main_event("LA PAZ, 2 JUN 21 -- THE POLICE CONTINUE TO INVESTIGATE THE MURDER OF TWO AMERICAN CITIZENS "
                       "WITH THE AID OF U.S. EXPERTS.")
    assert event["actor2"] == "american citizens"


# Who the attacker is, in the phrasings of wire copy and coder notes: (id, text, actor1).
ATTACKERS = [
    ('a-hedged-qualifier-names-nobody',
     'Suspected separatist insurgents set fire to seven shops in Yala town on 3 May 2021.',
     'suspected insurgents'),
    ('members-who-had-kidnapped-are-the-kidnappers',
     'The operation led to the capture of 12 ELN members who had kidnapped several cattle breeders in '
     'Arauca.',
     'National Liberation Army (ELN)'),
    ('time-adverb',
     'A group of armed men yesterday kidnapped two engineers in Arauca.',
     'armed men'),
    ('described-in-a-later-sentence',
     'On 4 May 2021 a bomb exploded outside a bank in Tumaco, killing a guard. Witnesses said two hooded '
     'men arrived on a motorcycle shortly before noon.',
     'hooded men'),
    ('the-source-of-a-report-is-not-its-attacker',
     'According to the guerrillas, the government is responsible for the dynamite attack on the union '
     'offices in San Salvador on 31 October 2020.',
     None),
    ('the-subject-of-a-machinegunning-is-the-attacker',
     "UNIDENTIFIED INDIVIDUALS MACHINEGUNNED THE SENATOR'S CAR AS HE LEFT HIS HOME IN LA MASCOTA "
     'NEIGHBORHOOD ON 4 MAY 2021.',
     'unidentified individuals'),
    ('the-group-in-a-victims-description-is-not-the-attacker',
     'Carlos Pizarro, the presidential candidate of the disbanded M-19 guerrilla group, was shot on '
     'Thursday aboard a passenger plane.',
     None),
    ('soldiers-who-rounded-up-villagers-are-the-attackers',
     'On 4 May 2021 soldiers rounded up villagers in Cayara, Peru, and killed eleven men.',
     'Peruvian Armed Forces'),
    ('two-adverbials-before-by',
     'SENATOR JUAN GOMEZ WAS KIDNAPPED ON 27 MARCH NEAR HIS HOME BY THE EXTRADITABLES.',
     'Extraditables'),
    ('quoted-name',
     'On 5 July 2021 a bomb exploded at a bus stop in Callao, injuring 20 people. Police said the '
     'explosion was organized by the "Sendero Luminoso".',
     'Shining Path'),
    ('who-ordered-it',
     'The minister disclosed that Pablo Escobar ordered the assassination of a presidential candidate in '
     'Bogota on 22 March 2021.',
     'Medellin Cartel'),
    ('released-by-the-kidnappers',
     'A U.S. priest, kidnapped on 15 February in Cali, was released on 19 February by the ELN.',
     'National Liberation Army (ELN)'),
    ('freed-by-the-army',
     'A rancher kidnapped in Arauca on Sunday was freed by the Colombian Army on Tuesday.',
     None),
    ('the-state-that-caught-a-bomber-is-not-the-attacker',
     'On 22 November 2021 a Colombian citizen was captured by the U.S. Secret Service in Panama after he '
     'placed a bomb in a movie theater.',
     None),
    ('long-apposition',
     'A car bomb exploded outside a courthouse in Omagh on 3 May 2021. Police said the New IRA, a '
     'dissident republican group opposed to the peace agreement, had carried out the attack.',
     'New IRA'),
    ('an-alliance-strikes',
     'Air strikes by the Saudi-led coalition hit a wedding in Hajjah on 3 May 2021, killing 20 people.',
     'Saudi-led coalition'),
    ('gang-federation',
     'On 8 July 2021, members of the G9 gang federation attacked a neighbourhood of Port-au-Prince, '
     'killing 12 residents.',
     'G9 Family and Allies'),
    ('a-later-sentence-about-the-device-names-who-planted-it',
     'On 21 February 2018, a crude bomb exploded outside a police box in Chittagong, wounding three '
     'policemen. Police said members of Jamaat-ul-Mujahideen Bangladesh (JMB) had planted the device.',
     'Jamaat-ul-Mujahideen Bangladesh'),
    ('forces-blamed-in-a-later-sentence-are-the-attackers',
     'On 10 October 2020 a missile hit a residential block in Ganja, killing six civilians. Baku blamed '
     'Armenian forces; Yerevan denied targeting civilians.',
     'Armenian Armed Forces'),
    ('killings-attributed-to-a-feud-within-a-group-are-the-groups',
     'Gunmen killed six men at a car wash in Culiacan on 3 May 2021. Prosecutors attributed the killings '
     'to a dispute between factions of the Sinaloa Cartel over local drug sales.',
     'Sinaloa Cartel'),
    ('blame-called-preposterous-names-nobody',
     'On 4 May 2021 a grenade exploded at a bus stop in San Salvador, wounding six people. The hurling of '
     'grenades is a practice of army personnel and it is preposterous to blame the FMLN.',
     None),
]


@pytest.mark.parametrize(("text", "actor"), [c[1:] for c in ATTACKERS], ids=[c[0] for c in ATTACKERS])
def test_the_attacker(text, actor):
    assert main_event(text)["actor1"] == actor


@pytest.mark.parametrize("text,killed", [
    pytest.param("Security forces kill 12 militants in the northwest - officials", 12, id="present-tense-headline"),
    pytest.param("Two die in crossfire between troops and rebels near the border", 2, id="die-headline"),
    pytest.param("Bomb at market kills 31;Market blast kills 35 traders;33 killed in market bombing", 33,
                 id="several-reports-of-one-event"),
])
def test_a_headline_that_states_deaths_is_an_incident(text, killed):
    assert main_event(text)["killed"] == killed


def test_a_headline_over_its_article_is_counted_once():
    event = main_event("Gunmen kill 3 in Kaduna\nGunmen killed three villagers in Kaduna on Monday, police said.",
                       "2021-05-05")
    assert (event["killed"], event["date"]) == (3, "2021-05-03")


def test_a_death_statistic_in_prose_without_trigger_is_no_incident():
    events = article_events(Article(id="t", text="The conflict left an estimated 69,000 people dead."))
    assert [e for e in events if e["event_type"] in VIOLENT_TYPES] == []


def test_a_local_news_shooting_with_title_byline_and_caption():
    text = ("2 shot, 1 killed in overnight shooting on Elm Street\n"
            "Posted: Monday, March 6, 2023 10:00 am\n"
            "Police said Monday that two men were shot late Sunday in the 4500 block of Elm Street. One of them, a "
            "40-year-old man, died at the hospital.\n"
            "0:52\n"
            "Video: neighbours describe the scene")
    event = main_event(text)
    assert (event["killed"], event["injured"], event["date"]) == (1, 1, "2023-03-05")


# A claim dated by the attack it claims: (id, text, published, the attack's date and the words that give it).
CLAIMS_OF_DATED_ATTACKS = [
    ("wire-claim-of-a-weekday-ambush",
     "Jama'at Nusrat al-Islam wal-Muslimin (JNIM) claimed responsibility for Sunday's ambush near Kidal, which "
     "killed nine Malian soldiers, in a message posted on Telegram.", "2024-06-11", "2024-06-09", '"Sunday"'),
    ("wire-claim-after-the-attack",
     "A suicide bomber killed 12 people at a market in Mosul on Tuesday, police said. Islamic State claimed "
     "responsibility for the attack in a statement on its Amaq news agency.", "2024-05-16", "2024-05-14",
     '"on Tuesday"'),
    ("coder-note-claim",
     "14/03/2024: IED attack on army patrol on the Gao-Ansongo road, 4 soldiers killed, 2 wounded. JNIM claimed "
     "responsibility via its Az-Zallaqa outlet.", None, "2024-03-14", '"14/03/2024"'),
]


@pytest.mark.parametrize(("text", "published", "date", "words"), [c[1:] for c in CLAIMS_OF_DATED_ATTACKS],
                         ids=[c[0] for c in CLAIMS_OF_DATED_ATTACKS])
def test_a_claim_with_no_date_of_its_own_has_its_attacks_date(text, published, date, words):
    events = article_events(Article(id="c", text=text, published=published))
    claim = next(e for e in events if e["event_type"] == "claim")
    attack = next(e for e in events if e["event_id"] == claim["linked_event_id"])
    assert (claim["date"], claim["date_precision"]) == (attack["date"], attack["date_precision"]) == (date, "day")
    assert words in attack["date_reason"]
    assert claim["date_reason"] == f"linked attack's date: {attack['date_reason']}"


def test_a_claim_that_says_when_it_was_made_keeps_its_own_date():
    events = article_events(Article(id="c", published="2024-03-06", text=(
        "Gunmen killed five police officers at a checkpoint in Quetta on Monday, officials said. "
        "The Balochistan Liberation Army claimed the attack on Tuesday.")))
    claim = next(e for e in events if e["event_type"] == "claim")
    attack = next(e for e in events if e["event_id"] == claim["linked_event_id"])
    assert (attack["date"], claim["date"]) == ("2024-03-04", "2024-03-05")
    assert claim["date_reason"].startswith('dates.weekday "on Tuesday"')
