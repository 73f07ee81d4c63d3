"""Sentence splitting keeps offsets exact and does not split at abbreviations."""


import pytest

from eventdesk.extract.text import MAX_SENTENCE_CHARS, is_noise, is_upper_case, split_sentences


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


def test_upper_case_copy_is_not_split_at_line_wraps():
    text = "LIMA, 2 MAR 90 -- [TEXT] TERRORISTS TODAY ATTACKED A\nPOLICE POST IN THE CITY.\nTWO GUARDS WERE HURT."
    assert [s.text for s in split_sentences(text)] == [
        "LIMA, 2 MAR 90 -- [TEXT] TERRORISTS TODAY ATTACKED A\nPOLICE POST IN THE CITY.", "TWO GUARDS WERE HURT."]


def test_a_title_line_is_its_own_sentence():
    text = "Blast in Tarnak market\nA bomb exploded in Tarnak on Monday."
    assert [s.text for s in split_sentences(text)] == ["Blast in Tarnak market", "A bomb exploded in Tarnak on Monday."]


def test_upper_case_detection():
    assert is_upper_case("GUERRILLAS ATTACKED A BRIDGE IN THE NORTH")
    assert not is_upper_case("Guerrillas attacked a bridge in the north of the country.")
    assert not is_upper_case("BBC")


def test_a_sentence_without_full_stops_is_read_in_pieces_cut_at_spaces():
    text = ("Gunmen attacked the village. Herders fled the burning village at dawn "
            + "herders fled the burning village at dawn " * 1_000)
    first, *pieces = split_sentences(text)
    assert first.text == "Gunmen attacked the village."
    assert len(pieces) > 1 and all(len(p.text) <= MAX_SENTENCE_CHARS for p in pieces)
    assert all(text[p.start:p.end] == p.text and not p.text.startswith(" ") for p in pieces)
    assert " ".join(p.text for p in pieces) == text[first.end:].strip()


@pytest.mark.parametrize("text,noise", [
    (" ".join(["bomb"] * 200), True),
    ("x" * 5_000, True),
    ("killed and wounded " * 100, True),
    (" ".join(f"word{i}" for i in range(200)), False),
    ("A bomb killed three people in Kano on Monday.", False),
    ("9" * 500, False),  # short: read as usual
])
def test_is_noise(text, noise):
    assert is_noise(text) is noise
