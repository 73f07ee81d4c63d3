"""Merge quality: B-cubed precision, recall and F1 of the merge on a generated corpus with known incidents.

The corpus (`bench.merge_corpus`, fixed seed) is extracted by the real pipeline; the reports are
merged as the store merges them (`clusters.merge_reports`, with the actor registry). Each article
is placed in the incident of its main report (its first violent one, else its first); an article
with no report stands alone. Beside the merge, two baselines: articles with the same day and the
same town together, and every article alone.

B-cubed (Bagga and Baldwin 1998) scores each article: precision is the share of its predicted
cluster that shares its true incident, recall the share of its true incident found in its
predicted cluster; both are averaged over articles and F1 is their harmonic mean.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping

import pandas as pd

from bench.merge_corpus import generate
from bench.report import Result, print_table

SEED, N_INCIDENTS = 13, 160


def b_cubed(truth: Mapping[Hashable, Hashable], predicted: Mapping[Hashable, Hashable]) -> tuple[float, float, float]:
    """(precision, recall, F1) of `predicted` clusters against `truth`, both item -> cluster label."""
    if set(truth) != set(predicted):
        raise ValueError("truth and predicted must label the same items")
    if not truth:
        return 0.0, 0.0, 0.0
    pairs = Counter((truth[item], predicted[item]) for item in truth)
    true_sizes = Counter(truth.values())
    predicted_sizes = Counter(predicted.values())
    precision = sum(n * n / predicted_sizes[p] for (_, p), n in pairs.items()) / len(truth)
    recall = sum(n * n / true_sizes[t] for (t, _), n in pairs.items()) / len(truth)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def extract_reports(records: list[dict]) -> pd.DataFrame:
    """The report rows of the articles, as the store keeps them (main report of each article first)."""
    from eventdesk import articles, schema
    from eventdesk.extract import extract_articles
    from eventdesk.store.ingest import report_rows

    batch = [articles.make_article(record) for record in records]
    rows = [row for events in extract_articles(batch) for row in report_rows(events)]
    kept = tuple(c for c in schema.REPORT_COLUMNS if c.name not in (schema.EVENT_ID, schema.MERGE_REASON))
    return schema.conform(pd.DataFrame(rows), kept)


def main_reports(reports: pd.DataFrame) -> pd.DataFrame:
    """Each article's main report: its first violent one, else its first."""
    from eventdesk import schema

    violent = reports[schema.EVENT_TYPE].isin(schema.VIOLENT_TYPES)
    ordered = pd.concat([reports[violent], reports[~violent]])
    return ordered.drop_duplicates(schema.ARTICLE_ID).set_index(schema.ARTICLE_ID)


def merged_labels(reports: pd.DataFrame, article_ids: list[str]) -> dict[str, str]:
    """Article -> incident by the store's merge (an article without a report alone)."""
    from eventdesk import schema
    from eventdesk.store import clusters, merge

    membership = clusters.merge_reports(reports, family_of=merge.registry_families())
    incident_of = dict(zip(membership[schema.REPORT_ID], membership[schema.EVENT_ID], strict=True))
    main = main_reports(reports)[schema.REPORT_ID]
    return {a: incident_of[main[a]] if a in main.index else f"alone:{a}" for a in article_ids}


def same_day_same_town(reports: pd.DataFrame, article_ids: list[str]) -> dict[str, str]:
    """Article -> (day, town) of its main report; an article without both alone."""
    from eventdesk import schema

    main = main_reports(reports)
    labels = {}
    for article in article_ids:
        row = main.loc[article] if article in main.index else None
        dated = row is not None and row[schema.DATE_PRECISION] == "day" and pd.notna(row[schema.LOCATION])
        labels[article] = f"{row[schema.DATE]}|{row[schema.LOCATION]}" if dated else f"alone:{article}"
    return labels


def score_merge(seed: int = SEED, n_incidents: int = N_INCIDENTS) -> dict[str, tuple[float, float, float]]:
    """B-cubed (precision, recall, F1) of the merge and of the baselines on the generated corpus."""
    corpus = generate(seed, n_incidents)
    truth = {article.record["id"]: article.incident for article in corpus}
    ids = list(truth)
    reports = extract_reports([article.record for article in corpus])
    return {
        "merge": b_cubed(truth, merged_labels(reports, ids)),
        "same day and town": b_cubed(truth, same_day_same_town(reports, ids)),
        "every article alone": b_cubed(truth, {a: a for a in ids}),
    }


def run() -> list[Result]:
    corpus = generate(SEED, N_INCIDENTS)
    size = f"{len(corpus)} articles, {N_INCIDENTS} incidents"
    results = []
    for method, figures in score_merge(SEED, N_INCIDENTS).items():
        for name, value in zip(("precision", "recall", "F1"), figures, strict=True):
            results.append(Result(f"{method}: B-cubed {name}", size, value, unit=""))
    return results


if __name__ == "__main__":
    print_table("merge", run())
