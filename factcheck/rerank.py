"""A learned re-ranker: the probability that a candidate passage states the same claim as the query.

The fused score (retrieve.fuse) sees each passage alone. The re-ranker also sees how a passage
compares with the query's other candidates (its gap to the best dense and fused scores), three
more rapidfuzz views of the text (partial ratio, token-sort ratio, overlap with the source's
title) and, where the claim and the source are both dated, how far apart the dates are (a
fact-check is written days after the claim it checks, not years). A logistic regression trained
on CheckThat! 2022 2A train queries (`benchmarks/train_reranker.py`) combines them; its score,
`match`, is a probability in [0, 1].

The artifact is JSON (`factcheck/data/reranker.json`, under a kilobyte): feature names, weights,
bias and how it was trained.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from ._artifact import read_artifact
from .errors import ModelError
from .logistic import sigmoid

ARTIFACT = Path(__file__).parent / "data" / "reranker.json"
FORMAT = "factcheck-reranker-logreg/1"
FEATURES = (
    "dense", "fuzzy", "lexical", "dense_gap", "fused_gap", "partial", "title", "order",
    "dated", "date_near", "date_far",
)  # fmt: skip
NEAR_DAYS = 90  # date_near = exp(-|days apart| / NEAR_DAYS)
FAR_DAYS = 365  # date_far = 1 when the dates are further apart than this

Scores = Mapping[int, tuple[float, float, float]]  # passage row → (dense, fuzzy, lexical)


def date_features(as_of: dt.date | None, published: dt.date | None) -> tuple[float, float, float]:
    """(dated, date_near, date_far): all 0 unless both dates are known."""
    if as_of is None or published is None:
        return 0.0, 0.0, 0.0
    days = abs((published - as_of).days)
    return 1.0, float(np.exp(-days / NEAR_DAYS)), float(days > FAR_DAYS)


def features(
    query: str,
    scores: Scores,
    fused: Mapping[int, float],
    passages: Sequence[str],
    titles: Sequence[str],
    *,
    rows: Iterable[int] | None = None,
    as_of: dt.date | None = None,
    published: Sequence[dt.date | None] = (),
) -> tuple[list[int], np.ndarray]:
    """(rows, one feature row per candidate, columns as FEATURES) for `rows` (default: every
    candidate in `scores`). `query`, `passages` and `titles` are content words
    (retrieve.content_words), `published` the passages' source dates and `as_of` the query's date;
    gaps are to the best of all candidates, so they are ≤ 0."""
    order = sorted(scores if rows is None else rows)
    if not order:
        return [], np.zeros((0, len(FEATURES)), dtype=np.float32)
    base = np.asarray([scores[r] for r in order], dtype=np.float32)
    fused_rows = np.asarray([fused[r] for r in order], dtype=np.float32)
    texts = [passages[r] for r in order]
    table = np.column_stack(
        [
            base,
            base[:, 0] - max(s[0] for s in scores.values()),
            fused_rows - max(fused.values()),
            _ratios(query, texts, fuzz.partial_ratio),
            _ratios(query, [titles[r] for r in order], fuzz.token_set_ratio),  # no title: 0
            _ratios(query, texts, fuzz.token_sort_ratio),
            np.asarray([date_features(as_of, published[r] if published else None) for r in order], dtype=np.float32),
        ]
    )
    return order, table.astype(np.float32)


def _ratios(query: str, texts: Sequence[str], scorer: Any) -> np.ndarray:
    """One rapidfuzz score per text / 100, in one vectorised call."""
    result: np.ndarray = process.cdist([query], texts, scorer=scorer, dtype=np.float32)[0] / 100.0
    return result


@dataclass(frozen=True)
class Reranker:
    """Logistic regression over FEATURES."""

    weights: np.ndarray
    bias: float
    trained_on: str = ""

    def score(self, table: np.ndarray) -> np.ndarray:
        """Match probabilities in [0, 1], one per row of `features`' table."""
        if len(table) == 0:
            return np.zeros(0, dtype=np.float32)
        return sigmoid(table @ self.weights + self.bias)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "features": list(FEATURES),
            "weights": [round(float(w), 6) for w in self.weights],
            "bias": round(float(self.bias), 6),
            "trained_on": self.trained_on,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Reranker:
        if data.get("format") != FORMAT or tuple(data.get("features", ())) != FEATURES:
            raise ModelError(f"unknown re-ranker format {data.get('format')!r} or features {data.get('features')!r}")
        return cls(np.asarray(data["weights"], dtype=np.float32), float(data["bias"]), str(data.get("trained_on", "")))


@lru_cache(maxsize=2)
def load_reranker(path: Path = ARTIFACT) -> Reranker | None:
    """The shipped re-ranker, or None where no artifact is installed."""
    return read_artifact(path, Reranker.from_json, what="re-ranker")
