"""Metrics the field uses, as pure functions over plain data (no model, no I/O).

Retrieval (TREC/BEIR shape): `run` is {query_id: {doc_id: score}}, `qrels` is {query_id: {doc_id:
relevance}}; documents with relevance > 0 are relevant. Queries without relevant documents are
left out, as trec_eval does. MAP@k follows CheckThat!: average precision over the top k, divided
by min(k, number relevant).

Classification: gold and predicted labels as sequences of strings; scores in [0, 1].
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

Run = Mapping[str, Mapping[str, float]]
Qrels = Mapping[str, Mapping[str, int]]


# Halves of a benchmark by record position: the even records tune, the odd ones are held out.
PARTS = {"all": slice(None), "even": slice(0, None, 2), "odd": slice(1, None, 2)}


def rate(hits: int, total: int) -> float:
    """hits / total to four places, in [0, 1]; 0 where there is nothing to count."""
    return round(hits / total, 4) if total else 0.0


def ranked(scores: Mapping[str, float]) -> list[str]:
    """Document ids by score, highest first; ties by id for a stable order."""
    return [doc for doc, _ in sorted(scores.items(), key=lambda item: (-item[1], item[0]))]


def average_precision(ranking: Sequence[str], relevant: set[str], *, k: int | None = None) -> float:
    """AP over the top k of `ranking` (all when k is None), normalised by min(k, |relevant|)."""
    if not relevant:
        return 0.0
    top = ranking[:k] if k else ranking
    hits, total = 0, 0.0
    for position, doc in enumerate(top, start=1):
        if doc in relevant:
            hits += 1
            total += hits / position
    return total / min(len(relevant), k or len(relevant))


def reciprocal_rank(ranking: Sequence[str], relevant: set[str]) -> float:
    return next((1.0 / i for i, doc in enumerate(ranking, start=1) if doc in relevant), 0.0)


def recall_at(ranking: Sequence[str], relevant: set[str], k: int) -> float:
    return len(set(ranking[:k]) & relevant) / len(relevant) if relevant else 0.0


def retrieval_metrics(run: Run, qrels: Qrels, *, ks: Sequence[int] = (1, 3, 5, 10)) -> dict[str, float]:
    """MAP@k, MRR and recall@k averaged over the queries that have relevant documents.

    A query missing from `run` counts as a total miss (score 0), so a partial run cannot flatter.
    """
    per_query = []
    for qid, judged in qrels.items():
        relevant = {doc for doc, rel in judged.items() if rel > 0}
        if not relevant:
            continue
        ranking = ranked(run.get(qid, {}))
        row = {f"map@{k}": average_precision(ranking, relevant, k=k) for k in ks}
        row |= {f"recall@{k}": recall_at(ranking, relevant, k) for k in ks}
        row["mrr"] = reciprocal_rank(ranking, relevant)
        per_query.append(row)
    if not per_query:
        return {"queries": 0.0}
    keys = per_query[0].keys()
    return {"queries": float(len(per_query))} | {k: sum(r[k] for r in per_query) / len(per_query) for k in keys}


def binary_prf(gold: Sequence[bool], predicted: Sequence[bool]) -> dict[str, float]:
    """Precision, recall and F1 of the positive class (0 where undefined)."""
    tp = sum(g and p for g, p in zip(gold, predicted, strict=True))
    fp = sum(p and not g for g, p in zip(gold, predicted, strict=True))
    fn = sum(g and not p for g, p in zip(gold, predicted, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def ranking_average_precision(gold: Sequence[bool], scores: Sequence[float]) -> float:
    """AP of the positives when items are ranked by score (CheckThat! check-worthiness MAP)."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    relevant = {str(i) for i, g in enumerate(gold) if g}
    return average_precision([str(i) for i in order], relevant)


def confusion(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> dict[str, dict[str, int]]:
    """{gold label: {predicted label: count}} over `labels`, zeros included."""
    counts = Counter(zip(gold, predicted, strict=True))
    return {g: {p: counts[(g, p)] for p in labels} for g in labels}


def classification_metrics(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> dict[str, object]:
    """Accuracy, macro-F1 over `labels`, per-label F1 and the confusion matrix."""
    scores = {label: binary_prf([g == label for g in gold], [p == label for p in predicted]) for label in labels}
    per_label = {label: s["f1"] for label, s in scores.items()}
    correct = sum(g == p for g, p in zip(gold, predicted, strict=True))
    return {
        "n": len(gold),
        "accuracy": correct / len(gold) if gold else 0.0,
        "macro_f1": sum(per_label.values()) / len(labels) if labels else 0.0,
        "f1": per_label,
        "precision": {label: s["precision"] for label, s in scores.items()},
        "recall": {label: s["recall"] for label, s in scores.items()},
        "confusion": confusion(gold, predicted, labels),
    }


def brier(correct: Sequence[bool], confidence: Sequence[float]) -> float:
    """Mean squared gap between confidence and being right (0 is perfect)."""
    pairs = list(zip(correct, confidence, strict=True))
    return sum((c - float(ok)) ** 2 for ok, c in pairs) / len(pairs) if pairs else 0.0


def expected_calibration_error(correct: Sequence[bool], confidence: Sequence[float], *, bins: int = 10) -> float:
    """ECE: the bin-weighted gap between mean confidence and accuracy, over equal-width bins."""
    buckets: dict[int, list[tuple[bool, float]]] = {}
    for ok, c in zip(correct, confidence, strict=True):
        buckets.setdefault(min(int(c * bins), bins - 1), []).append((ok, c))
    total = len(correct)
    gap = 0.0
    for items in buckets.values():
        accuracy = sum(ok for ok, _ in items) / len(items)
        mean_conf = sum(c for _, c in items) / len(items)
        gap += len(items) / total * abs(accuracy - mean_conf)
    return gap
