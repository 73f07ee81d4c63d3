"""Sentence splitting keeps offsets exact and does not split at abbreviations."""

from eventdesk.text import split_sentences


def test_offsets_point_into_the_text():
    text = "First one here. Second, with U.S. forces.\n\nThird paragraph!"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["First one here.", "Second, with U.S. forces.", "Third paragraph!"]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_abbreviations_do_not_split():
    text = "Gen. Ahmed said the U.S. Army left on Jan. 5. Then fighting resumed."
    assert [s.text for s in split_sentences(text)] == [
        "Gen. Ahmed said the U.S. Army left on Jan. 5.", "Then fighting resumed."]


def test_dateline_stays_with_its_sentence():
    text = "KABUL, Afghanistan (AP) — Gunmen killed two. Police said so."
    assert split_sentences(text)[0].text == "KABUL, Afghanistan (AP) — Gunmen killed two."
