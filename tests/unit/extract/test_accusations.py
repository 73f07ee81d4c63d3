"""Who accuses whom: the accused of a passive accusation is actor2 and never the accuser; an active one keeps
its subject as the accuser. Whole texts through the real pipeline (spaCy, the actor registry)."""

from pathlib import Path

import pytest

from eventdesk.articles import Article, load_paths
from eventdesk.extract import extract_articles

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def accusation(text: str) -> dict:
    events = [e for e in extract_articles([Article(id="t", text=text)])[0] if e["event_type"] == "accusation"]
    assert len(events) == 1, f"expected one accusation in {text!r}, got {events}"
    return events[0]


def roles(text: str) -> tuple[str | None, str | None]:
    found = accusation(text)
    return found.get("actor1"), found.get("actor2")


PASSIVE = [
    # The seed's sentence: the accuser is not named, and the attacks' target is not the accused.
    ("wire-perfect-unnamed-accuser", "Additionally, Iran has been accused of orchestrating a series of attacks by "
     "its proxy militias against US personnel in the Middle East.", (None, "Iran")),
    ("headline-bare-participle", "Iran accused of arming Houthi rebels in Yemen", (None, "Iran")),
    ("wire-by-agent", "Iran was accused by the United States on Thursday of supplying drones to Russia.",
     ("United States", "Iran")),
    ("coder-note-by-agent", "On 12 March 2023, the Houthis were accused by the Yemeni government of shelling a "
     "residential area in Taiz city.", ("Yemen", "Houthis")),
    ("blamed-for", "Hezbollah is blamed for the rocket fire on northern Israel.", (None, "Hezbollah")),
    ("relative-clause", "Al-Shabaab, which has long been accused of kidnapping aid workers, denied the report on "
     "Monday.", (None, "Al-Shabaab")),
    ("blamed-by", "Russia has been blamed by Ukraine for the missile strike on Kharkiv.", ("Ukraine", "Russia")),
    ("reduced-relative-with-agent", "Hamas, accused by Israel of hiding fighters in tunnels, rejected the claim.",
     ("Israel", "Hamas")),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in PASSIVE], ids=[c[0] for c in PASSIVE])
def test_passive_accusation_has_the_accused_as_actor2(text, expected):
    assert roles(text) == expected


ACTIVE = [
    ("accused-of", "The United States accused Iran of attacking ships in the Gulf.", ("United States", "Iran")),
    ("perfect-active", "Israel has accused Hamas of using hospitals as shields.", ("Israel", "Hamas")),
    ("city-for-government", "Baku accused Armenia of shelling Ganja, and Yerevan denied it.",
     ("Azerbaijan", "Armenia")),
    ("blamed-the-attack-on", "Pakistan blamed the attack on the Pakistani Taliban.",
     ("Pakistan", "Tehrik-i-Taliban Pakistan")),
    ("alleged-that", "Turkey alleged that the PKK planned the bombing.", ("Turkey", "Kurdistan Workers' Party")),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in ACTIVE], ids=[c[0] for c in ACTIVE])
def test_active_accusation_keeps_the_accuser_first(text, expected):
    assert roles(text) == expected


def test_the_accused_is_never_also_the_accuser():
    for text, _ in [c[1:] for c in PASSIVE + ACTIVE]:
        first, second = roles(text)
        assert first != second, text


def test_the_accused_of_a_passive_is_not_what_the_attacks_targeted():
    """ "X accused of attacking Y": Y is what X is accused of attacking, neither accuser nor accused."""
    assert roles("Iran accused of attacking Israel through its proxies") == (None, "Iran")


def test_a_backer_is_not_the_accused():
    """ "accused Iran-backed militias": the militias are accused; Iran, their backer, is not read as the accused."""
    assert accusation("The United States accused Iran-backed militias of the drone strike.").get("actor2") != "Iran"


def test_the_seed_accusation_has_iran_as_the_accused():
    (article,) = load_paths([SEEDS]).articles
    events = [e for e in extract_articles([article])[0] if e["event_type"] == "accusation"]
    assert [(e.get("actor1"), e.get("actor2")) for e in events] == [(None, "Iran")]
