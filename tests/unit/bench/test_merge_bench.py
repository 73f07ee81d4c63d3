"""The merge benchmark: B-cubed against hand-computed values, and the generated corpus it scores."""

from __future__ import annotations

from collections import Counter

import pytest

from bench.merge import b_cubed
from bench.merge_corpus import generate


def test_b_cubed_of_a_split_and_a_wrong_join():
    # Truth {a b c} {d e}; predicted {a b} {c d e}.
    # Precision: a 2/2, b 2/2, c 1/3, d 2/3, e 2/3 -> 11/3 / 5; recall: a 2/3, b 2/3, c 1/3, d 2/2, e 2/2 -> 11/3 / 5.
    truth = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
    predicted = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}
    precision, recall, f1 = b_cubed(truth, predicted)
    assert precision == pytest.approx(11 / 15)
    assert recall == pytest.approx(11 / 15)
    assert f1 == pytest.approx(11 / 15)


def test_b_cubed_of_everything_in_one_cluster():
    # Truth {a b} {c}, all predicted together: precision (2/3 + 2/3 + 1/3) / 3 = 5/9, recall 1, F1 = 10/14.
    precision, recall, f1 = b_cubed({"a": 1, "b": 1, "c": 2}, {"a": 0, "b": 0, "c": 0})
    assert (precision, recall) == (pytest.approx(5 / 9), pytest.approx(1.0))
    assert f1 == pytest.approx(10 / 14)


def test_b_cubed_of_every_item_alone_and_of_a_perfect_clustering():
    truth = {"a": 1, "b": 1, "c": 1, "d": 2}
    # Alone: precision 1; recall (1/3 * 3 + 1) / 4 = 1/2; F1 = 2/3.
    assert b_cubed(truth, {k: k for k in truth}) == (pytest.approx(1.0), pytest.approx(0.5), pytest.approx(2 / 3))
    assert b_cubed(truth, {k: f"p{v}" for k, v in truth.items()}) == (1.0, 1.0, 1.0)


def test_b_cubed_refuses_labels_of_different_items():
    with pytest.raises(ValueError, match="same items"):
        b_cubed({"a": 1, "b": 1}, {"a": 1})


def test_the_generated_corpus_is_the_same_for_a_seed_and_has_the_hard_cases():
    corpus = generate(13, 160)
    assert [a.record for a in corpus] == [a.record for a in generate(13, 160)]
    assert [a.record for a in corpus] != [a.record for a in generate(14, 160)]
    assert 300 <= len(corpus) <= 700 and len({a.incident for a in corpus}) == 160
    assert {a.record["source"] for a in corpus} >= {"coder notes", "local news", "AP", "Reuters"}
    texts = [a.record["text"] for a in corpus]
    assert any("claimed responsibility for the bombing" in t and "now say killed" in t for t in texts)
    assert any("'s bombing at" in t for t in texts)  # a reference back by weekday
    assert any("the shooting that killed a" in t for t in texts)  # no date at all


def test_the_generated_corpus_has_nights_with_several_shootings_in_one_city():
    import random

    from bench.merge_corpus import incidents

    nights = Counter((i.town.metro, i.day) for i in incidents(random.Random(13), 160) if i.kind == "shooting")
    assert max(nights.values()) >= 3


def test_the_merge_beats_both_baselines_on_a_smaller_generated_corpus():
    from bench.merge import score_merge

    scores = score_merge(seed=5, n_incidents=40)
    assert scores["merge"][2] > scores["same day and town"][2] > scores["every article alone"][2]
    assert scores["merge"][0] > 0.9  # few wrong links among the nights of several shootings
