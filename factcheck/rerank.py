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
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import fuzz

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
    as_of: dt.date | None = None,
    published: Sequence[dt.date | None] = (),
) -> tuple[list[int], np.ndarray]:
    """(rows, one feature row per candidate, columns as FEATURES). `query`, `passages` and `titles`
    are content words (retrieve.content_words), `published` the passages' source dates and `as_of`
    the query's date; gaps are to the best candidate, so they are ≤ 0."""
    rows = sorted(scores)
    if not rows:
        return [], np.zeros((0, len(FEATURES)), dtype=np.float32)
    best_dense = max(scores[r][0] for r in rows)
    best_fused = max(fused[r] for r in rows)
    table = [
        (
            *scores[r],
            scores[r][0] - best_dense,
            fused[r] - best_fused,
            fuzz.partial_ratio(query, passages[r]) / 100.0,
            fuzz.token_set_ratio(query, titles[r]) / 100.0 if titles[r] else 0.0,
            fuzz.token_sort_ratio(query, passages[r]) / 100.0,
            *date_features(as_of, published[r] if published else None),
        )
        for r in rows
    ]
    return rows, np.asarray(table, dtype=np.float32)


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
    if not path.exists():
        return None
    try:
        return Reranker.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"{path}: cannot read the re-ranker ({exc}); reinstall factcheck") from exc
