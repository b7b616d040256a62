"""BM25 over the passages of an index (bm25s: sparse, fast, and no hand-written scoring code);
each passage is indexed with its source's title.

The score of a passage for a query is its BM25 divided by the query's best BM25 over the corpus,
so it lies in [0, 1]: 1 for the best lexical match, 0 where no query word occurs.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from .index import CorpusIndex


def tokens(texts: Sequence[str]) -> list[list[str]]:
    import bm25s

    result: list[list[str]] = bm25s.tokenize(list(texts), stopwords="en", show_progress=False, return_ids=False)
    return result


@lru_cache(maxsize=8)
def bm25_index(index: CorpusIndex) -> Any:
    """The BM25 model of an index's passages, built on first use (seconds for 10^5 passages).
    Each passage is indexed with its source's title: titles name what a short claim is about."""
    import bm25s

    model = bm25s.BM25()
    fields = [f"{p.text} {index.sources[p.source_id].title}" for p in index.passages]
    model.index(tokens(fields), show_progress=False)
    return model


def lexical_scores(query: str, index: CorpusIndex) -> np.ndarray:
    """One score in [0, 1] per passage, relative to the query's best BM25 match."""
    (words,) = tokens([query]) or [[]]
    if not words or not index.passages:
        return np.zeros(len(index.passages), dtype=np.float32)
    return _relative(bm25_index(index).get_scores(words))


def _relative(raw: np.ndarray) -> np.ndarray:
    """Scores divided by the best one (all zeros stay zeros)."""
    scores = np.asarray(raw, dtype=np.float32)
    best = float(scores.max(initial=0.0))
    return scores / best if best > 0 else scores


def relative_bm25(query: str, texts: Sequence[str]) -> np.ndarray:
    """BM25 of `query` against a handful of `texts` (their own tiny corpus), relative to the best."""
    import bm25s

    (words,) = tokens([query]) or [[]]
    if not words or not texts:
        return np.zeros(len(texts), dtype=np.float32)
    model = bm25s.BM25()
    model.index(tokens(texts), show_progress=False)
    return _relative(model.get_scores(words))
