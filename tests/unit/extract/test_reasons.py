"""Every figure and date of the event table says why: the rule that read it and the words it was read from."""

from eventdesk.articles import Article
from eventdesk.extract import extract_articles


def main_event(text: str, published: str | None = None) -> dict:
    events = [e for e in extract_articles([Article("reasons", text, published=published)])[0] if not e["part_of"]]
    assert events, f"no event read from {text!r}"
    return events[0]


def reason(text: str, rule: str, words: str, note: str = "") -> str:
    """A date reason as the extractor writes it: the rule, the words in quotes and their offsets in `text`."""
    start = text.index(words)
    return f'{rule} "{words}" at {start}-{start + len(words)}' + (f" ({note})" if note else "")


def test_a_local_shooting_names_the_rule_and_words_of_each_figure_and_of_its_date():
    text = ("Four teenagers were shot, one fatally, outside a house party in Dayton on Saturday night, police said "
            "Sunday.")
    event = main_event(text, published="2024-06-09")
    assert (event["killed"], event["injured"]) == (1, 3)
    assert event["killed_rule"] == event["injured_rule"] == "casualties.shot_some_fatally"
    assert event["killed_span"] == "Four teenagers were shot, one fatally"
    assert (event["date"], event["date_reason"]) == ("2024-06-08", reason(text, "dates.weekday", "on Saturday"))


def test_groups_that_add_up_name_every_rule_and_span():
    event = main_event("Gunmen killed two police officers and a civilian in an ambush near Quetta, and the blast "
                       "wounded 14 people.")
    assert event["killed"] == 3
    assert event["killed_rule"] == "casualties.active_list"
    assert event["killed_span"] == "two police officers | a civilian"
    assert (event["injured"], event["injured_span"]) == (14, "14 people")


def test_a_range_gives_its_first_day_and_its_last():
    text = "Fighters attacked three villages in Djibo over 24-26 June 2020, killing 31 civilians."
    event = main_event(text)
    assert (event["date"], event["date_precision"], event["date_until"]) == ("2020-06-24", "day", "2020-06-26")
    assert event["date_reason"] == reason(text, "dates.day_month", "24-26 June 2020")


def test_a_statement_day_is_named_as_such_when_it_is_all_there_is():
    text = "Two soldiers were killed in a roadside bombing in Kunar, officials said on Wednesday."
    event = main_event(text, published="2024-05-09")
    assert event["date"] == "2024-05-08"
    assert event["date_reason"] == reason(text, "dates.weekday", "on Wednesday", "the day of a statement about it")
    assert event["date_until"] is None


def test_no_figure_leaves_its_reason_empty():
    event = main_event("Gunmen attacked a police checkpoint in Zamfara on Monday.", published="2024-05-09")
    assert event["killed"] is None and event["killed_rule"] is None and event["killed_span"] is None



def events_of(text: str) -> list[dict]:
    return [e for e in extract_articles([Article("reasons", text)])[0] if not e["part_of"]]


def test_the_type_names_its_trigger_and_the_roles_their_finder_and_words():
    text = ("Suspected al-Shabaab militants attacked an army convoy with a roadside bomb near Kismayo, killing four "
            "soldiers.")
    event = main_event(text)
    assert event["event_type"] == "bombing"
    assert event["event_type_reason"] == 'triggers:car_bomb "roadside bomb"'  # the lexicon entry, the words
    assert event["actor2_reason"] == 'targets.object_verb "army convoy"'


def test_a_headline_warning_and_a_passive_accusation_say_which_words_made_them():
    text = ("Ukraine warned Russia of retaliation after a drone strike on Kharkiv. "
            "Russia has been accused of targeting the power grid.")
    by_type = {e["event_type"]: e for e in events_of(text)}
    warning, accusation = by_type["warning"], by_type["accusation"]
    assert warning["event_type_reason"] == 'grouping.frame_verbs.warning "warned"'
    assert (warning["actor1_reason"], warning["actor2_reason"]) == ('frame "Ukraine"', 'frame "Russia"')
    assert accusation["actor2"] == "Russia" and accusation["actor2_reason"].endswith('"Russia"')
    assert accusation["actor1_reason"] is None  # no accuser named, so no reason for one


def test_every_reason_quotes_words_that_are_in_the_text():
    texts = [
        "Gunmen kill 3 in Kaduna",
        "Boko Haram claimed responsibility for Tuesday's bombing at a market in Maiduguri, which killed 12 people.",
        "A police officer was shot dead at a checkpoint in Quetta on Monday, officials said.",
    ]
    for text in texts:
        for event in events_of(text):
            for column in ("event_type_reason", "actor1_reason", "actor2_reason"):
                value = event.get(column)
                if value and '"' in value:
                    assert value.split('"')[1] in text, (text, column, value)
