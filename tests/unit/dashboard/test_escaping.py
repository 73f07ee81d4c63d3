"""escaping.py: article text made safe for popups, hovers and labels."""

from __future__ import annotations

import pandas as pd
import pytest

from eventdesk.dashboard.escaping import escape_series, escape_text, wrap_series

CASES = [
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("Tom & Jerry's \"show\"", "Tom &amp; Jerry&#39;s &#34;show&#34;"),
    ("cost ${window.x} and `tick`", "cost &#36;{window.x} and &#96;tick&#96;"),
    ("plain", "plain"),
]


@pytest.mark.parametrize(("raw", "safe"), CASES, ids=["script", "quotes", "template-literal", "plain"])
def test_escape_text_and_series_agree(raw, safe):
    assert escape_text(raw) == safe
    assert escape_series(pd.Series([raw], dtype="string")).iloc[0] == safe


def test_missing_values_become_empty():
    assert escape_text(None) == "" and escape_text(pd.NA) == "" and escape_text(float("nan")) == ""
    assert list(escape_series(pd.Series([None, "x"], dtype="string"))) == ["", "x"]


def test_wrap_series_escapes_before_adding_line_breaks():
    wrapped = wrap_series(pd.Series(["<i>" + "word " * 30], dtype="string"), width=40).iloc[0]
    assert wrapped.startswith("&lt;i&gt;word")
    assert wrapped.count("<br>") >= 3 and "<i>" not in wrapped


def test_wrap_series_cuts_long_sentences():
    assert wrap_series(pd.Series(["x" * 1000]), width=2000, limit=10).iloc[0] == "x" * 10 + "…"
