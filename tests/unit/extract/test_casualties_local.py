"""Casualty figures in the phrasings of local news: shootings told victim by victim, across sentences."""

import pytest

from eventdesk.extract.casualties import find_casualties, total_casualties
from eventdesk.extract.text import split_sentences


def figures(text: str) -> tuple[int | None, int | None]:
    mentions = [m for s in split_sentences(text) for m in find_casualties(s.text, s.start)]
    return total_casualties(mentions, "killed").count, total_casualties(mentions, "injured").count


@pytest.mark.parametrize("text,expected", [
    ("A 31-year-old man was shot to death early Sunday outside a bar on Pine Street.", (1, None)),
    ("Four teenagers were shot, one fatally, after a graduation party in Akron.", (1, 3)),
    ("Five people were shot, two of them fatally, near a gas station on the East Side.", (2, 3)),
    ("2 marines KIA, 4 WIA as patrol hits roadside bomb", (2, 4)),
    ("The woman was pronounced dead at the scene.", (1, None)),
    ("The victim died at the hospital, police said.", (1, None)),
    ("He was rushed to Mercy Hospital, where he died.", (1, None)),
    ("A second man suffered non-life-threatening injuries.", (None, 1)),
    ("A 19-year-old woman suffered life-threatening injuries in the crash.", (None, 1)),
    ("The driver sustained a gunshot wound to the arm.", (None, 1)),
    ("A 16-year-old boy was critically wounded in the shooting.", (None, 1)),
    ("Two men were seriously injured and a third was killed when gunfire erupted.", (1, 2)),
    ("One person was killed and another critically injured on Elm Avenue.", (1, 1)),
    ("A woman was killed and her boyfriend critically injured in the shooting.", (1, 1)),
    ("Deputies found two men suffering from gunshot wounds in a parked car.", (None, 2)),
    ("One person is dead and another is injured after gunfire on Route 30.", (1, 1)),
    ("The victim was taken to the hospital in critical condition.", (None, 1)),
    ("A second victim was listed in stable condition at Harborview.", (None, 1)),
    ("The boy was airlifted to a children's hospital with life-threatening injuries.", (None, 1)),
    ("Officers found a man with a gunshot wound to the chest behind a store.", (None, 1)),
    ("Shooting in Southwest Philadelphia leaves man dead", (1, None)),
    ("Two women were shot on Elm Street. Both victims were pronounced dead at the scene.", (2, None)),
], ids=["shot-to-death", "shot-one-fatally", "two-of-them-fatally", "kia-wia", "pronounced-dead",
        "died-at-the-hospital", "hospital-where-he-died", "second-man-injuries", "life-threatening",
        "gunshot-wound", "critically-wounded", "seriously-injured-and-a-third", "another-critically",
        "elliptical-second-victim", "suffering-from-wounds",
        "another-is-injured", "critical-condition", "stable-condition", "airlifted-with-injuries", "found-with-wound",
        "leaves-man-dead", "both-pronounced-dead"])
def test_local_news_phrasings(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("A man was fatally shot Tuesday night in Dayton. He was pronounced dead at the scene.", (1, None)),
    ("A 23-year-old man was shot to death Sunday. He died at Regions Hospital.", (1, None)),
    ("Police found a man shot inside a car on Oak Street. He was pronounced dead at the scene.", (1, None)),
    ("Militants killed two guards and wounded one. The wounded guard later died in hospital.", (3, None)),
], ids=["fatally-shot-then-pronounced", "shot-to-death-then-died", "shot-then-pronounced", "wounded-then-died"])
def test_a_death_told_twice_is_counted_once(text, expected):
    assert figures(text)[0] == expected[0]


@pytest.mark.parametrize("text,expected", [
    ("Three people were shot early Sunday. A 25-year-old man was critically wounded and two women suffered minor "
     "injuries.", (None, 3)),
    ("Two men were shot Saturday night. One died at the hospital and the other suffered non-life-threatening "
     "injuries.", (1, 1)),
    ("Two people were shot and three others were hurt by flying glass.", (None, 5)),
], ids=["fates-of-three-shot", "one-died-the-other-hurt", "others-are-more"])
def test_the_fates_of_people_shot_are_parts_of_them(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    "Watch the video (0:52): firefighters battle the blaze on Route 9.",
    "Updated 5:42 PM. Police closed the road for 2:30 hours.",
], ids=["video-length", "byline-clock"])
def test_clock_times_are_never_figures(text):
    assert figures(text) == (None, None)


@pytest.mark.parametrize("text,killed", [
    ("They find three men tortured and executed on a dirt road in Tecpan", 3),
    ("Police find 4 dismembered near the market in Uruapan", 4),
    ("Cartel leaves a message with two slaughtered men in Fresnillo", 2),
    ("A video shows the execution of 6 prisoners by the militia", 6),
    ("Gang dismembers three in Salamanca and leaves a banner", 3),
    ("Two people are deprived of their lives in a bar in Irapuato", 2),
    ("A soldier sustained injuries incompatible with life near Avdiivka - brigade", 1),
    ("Ambush kills about 12 \"fighters\" on the road to Tafas", 12),
    ("Airstrikes kill dozen rebels in Marib: source", 12),
    ("Al-Shabaabkills 9 soldiers in Lower Shabelle", 9),
    ("Rebels kill two in first attack since halting ceasefire", 2),
    ("Nine die in attack on a mine, the second in two days", 9),
    ("Troops repel an assault and kill 7 members of them", 7),
], ids=["tortured-and-executed", "found-dismembered", "slaughtered-adjective", "execution-of", "dismembers",
        "deprived-of-lives", "incompatible-with-life", "quoted-victims", "bare-dozen", "glued-name-and-verb",
        "first-attack-since", "second-in-two-days", "part-with-no-whole"])
def test_headline_phrasings_of_the_dead(text, killed):
    assert figures(text)[0] == killed


@pytest.mark.parametrize("text", [
    "Overkill: the skills of the unskilled",
    "Police find two men hiding in a barn",
    "72 soldiers killed in the war since the ceasefire collapsed",
], ids=["glued-words-that-are-not-verbs", "found-alive", "a-period-since"])
def test_no_figure_of_one_event(text):
    assert figures(text)[0] is None
