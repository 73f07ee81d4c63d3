"""Escaping article text for HTML: map popups, plotly hovers and labels.

Article text is untrusted: a sentence may hold `<script>` or markup that would break a popup.
Everything read from an article passes through here before it is put into HTML.

Besides the five HTML characters, `$` and the backtick are written as entities: folium puts
popup and tooltip HTML inside JavaScript template literals, where `${...}` would run as code.
Quotes are written as numeric entities: plotly decodes those in its hovers and labels but shows
named ones such as `&quot;` as they are.
"""

from __future__ import annotations

import pandas as pd

_ENTITIES = (
    ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&#34;"), ("'", "&#39;"), ("$", "&#36;"), ("`", "&#96;"),
)


def escape_text(value: object) -> str:
    """HTML-escape one value; missing values become an empty string."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    text = str(value)
    for raw, entity in _ENTITIES:
        text = text.replace(raw, entity)
    return text


def escape_series(values: pd.Series) -> pd.Series:
    """HTML-escape a column of text (vectorised; missing values become empty strings)."""
    out = values.astype("string").fillna("")
    for raw, entity in _ENTITIES:
        out = out.str.replace(raw, entity, regex=False)
    return out


def shorten_series(values: pd.Series, limit: int = 400) -> pd.Series:
    """Cut a column of sentences at `limit` characters (with an ellipsis); missing values become empty."""
    text = values.astype("string").fillna("")
    return text.mask(text.str.len() > limit, text.str.slice(0, limit) + "…")


def wrap_series(values: pd.Series, width: int = 80, limit: int = 400) -> pd.Series:
    """Escape a column of sentences, cut them at `limit` characters and wrap them with `<br>`
    (for plotly hovers, which do not wrap by themselves)."""
    wrapped = shorten_series(values, limit).str.wrap(width, break_long_words=True)
    return escape_series(wrapped).str.replace("\n", "<br>", regex=False)
