"""Whole local-news articles: a headline repeated as the first line, video captions and bylines, several headlines
of one event, and the day of the event against the day it was told."""

import pytest

from eventdesk.articles import Article
from eventdesk.extract import extract_articles
from eventdesk.extract.dates import DateReader, best_date


def main_event(text: str, published: str | None = None) -> dict:
    events = [e for e in extract_articles([Article("local", text, published=published)])[0] if not e["part_of"]]
    assert events, f"no event read from {text!r}"
    return events[0]


@pytest.mark.parametrize("text,published,expected", [
    ("Two men killed in shooting on the North Side\nTwo men killed in shooting on the North Side\n"
     "Two men were killed in a shooting on the North Side late Saturday, police said.", "2024-03-10", (2, None)),
    ("Teen shot dead near school\n\nTeen shot dead near school\n\nA 16-year-old boy was shot and killed Tuesday "
     "afternoon near Roosevelt High School, police said Wednesday.", "2024-03-13", (1, None)),
    ("Two teens wounded in drive-by shooting\n0:52\nTwo teenagers were wounded in a drive-by shooting Friday night "
     "on Maple Avenue, police said.", "2024-05-04", (None, 2)),
    ("Shooting leaves one dead, two hurt\n1:23\nWatch: 0:52\nOne man was killed and two others were wounded in a "
     "shooting early Sunday outside a nightclub, police said.", "2024-05-05", (1, 2)),
    ("FRESNO, Calif. — A man was found shot inside a car on Belmont Avenue on Tuesday night. He was pronounced dead "
     "at the scene. A second man suffered non-life-threatening injuries, police said Wednesday.", "2024-03-13",
     (1, 1)),
], ids=["repeated-headline", "repeated-headline-blank-lines", "video-length", "two-captions", "pronounced-and-second"])
def test_local_news_figures(text, published, expected):
    event = main_event(text, published)
    assert (event["killed"], event["injured"]) == expected


def test_headlines_of_one_event_give_their_middle_figure_not_their_sum():
    event = main_event("43 killed in raid on village; Gunmen kill 47 villagers in Zamfara; Raid on village kills 45")
    assert event["killed"] == 45


@pytest.mark.parametrize("text,published,expected", [
    ("Authorities said Wednesday that she died Tuesday at a hospital in Toledo.", "2024-01-10", "2024-01-09"),
    ("The shooting happened Tuesday night on Oak Street, authorities said Wednesday.", "2024-01-10", "2024-01-09"),
    ("Police on Thursday said the stabbing happened late Monday.", "2024-01-11", "2024-01-08"),
    ("Posted: Monday, February 2, 2015 10:02 pm A man was shot to death Sunday night in Englewood.", None,
     "2015-02-01"),
    ("Updated 5:42 PM. The man was shot on Sunday outside a store.", "2024-01-10", "2024-01-07"),
    ("On Oct. 23, 40-year-old Dana Cole was shot and killed outside her home.", "2024-11-02", "2024-10-23"),
    ("Around 9 May 2020 (as reported), militia members attacked a village in Ituri.", None, "2020-05-09"),
    ("On 20/06, gunmen attacked a market in Gao.", "2021-07-01", "2021-06-20"),
], ids=["said-wednesday-died-tuesday", "happened-tuesday-said-wednesday", "speaker-day-first", "byline-in-line",
        "updated-clock", "day-before-an-age", "as-reported", "day-slash-month"])
def test_the_day_of_the_event(text, published, expected):
    found = best_date(DateReader(published).read(text))
    assert found is not None and found.value == expected


def test_a_byline_is_never_the_event_date():
    text = ("Man shot dead in Englewood\nPosted: Monday, February 2, 2015 10:02 pm\nUpdated 5:42 PM\n"
            "CHICAGO (AP) — A 23-year-old man was shot to death Sunday night in Englewood, police said.")
    event = main_event(text)
    assert (event["date"], event["killed"]) == ("2015-02-01", 1)
    start = text.index("Sunday")
    assert event["date_reason"] == f'dates.weekday "Sunday" at {start}-{start + len("Sunday")}'
