"""Pathological text: how long the extractor takes on one article that is no real prose.

Each kind has a few variants (50,000 digits, a word repeated 20,000 times, a sentence of 1 MB without
a full stop, ...); the table gives the worst variant of each kind against the budget of 2 s an article.
`pathological_texts()` is shared with the tests, which check only that each one extracts.
"""

from __future__ import annotations

import time

from bench.report import Result

BUDGET_S = 2.0
MB = 2**20


def _sentence(clause: str, size: int) -> str:
    return (clause * (size // len(clause) + 1))[:size]


def pathological_texts() -> dict[str, dict[str, str]]:
    """kind -> variant -> text of one article."""
    return {
        "50,000 digits": {
            "one run": "7" * 50_000,
            "runs of five": " ".join(["12345"] * 10_000),
            "a figure of 50,000 digits": "Officials said " + "9" * 50_000 + " people were killed in Kano.",
        },
        "a word 20,000 times": {
            word: " ".join([word] * 20_000) for word in ("bomb", "killed", "Kabul", "the")
        } | {"after a report": "Gunmen killed two people in Jos on Monday.\n\n" + " ".join(["attack"] * 20_000)},
        "a 1 MB sentence": {
            "one clause over": _sentence("gunmen attacked the village and burned the houses ", MB),
            "figures over": _sentence("12 killed and 40 wounded in Maiduguri on Monday ", MB),
            "one line of letters": "x" * MB,
        },
    }


def time_extraction(text: str) -> float:
    from eventdesk.articles import make_article
    from eventdesk.extract import extract_articles, load_resources

    resources = load_resources()
    article = make_article({"text": text})
    started = time.perf_counter()
    extract_articles([article], resources)
    return time.perf_counter() - started


def run() -> list[Result]:
    time_extraction("A bomb killed three people in Kano on Monday, police said.")  # load and warm the model
    results = []
    for kind, variants in pathological_texts().items():
        times = {variant: time_extraction(text) for variant, text in variants.items()}
        worst = max(times, key=times.get)
        size = f"{len(variants[worst]):,} chars"
        results.append(Result(kind, size, times[worst], budget=f"< {BUDGET_S:.0f} s", note=f"worst: {worst}"))
    return results
