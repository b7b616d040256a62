"""Claim → evidence: dense (sentence embeddings) and fuzzy (rapidfuzz) candidates, fused.

Scores, each in [0, 1], higher = closer:
    dense   cosine similarity of unit-length embeddings, clipped at 0
    fuzzy   rapidfuzz token-set ratio over content words / 100 (shared words, order-free)
    fused   (dense_weight·dense + fuzzy_weight·fuzzy) / (dense_weight + fuzzy_weight)
Quotations get one more candidate source: passages that contain the quote nearly verbatim
(rapidfuzz partial ratio ≥ 0.85), so a quote is found wherever it stands in the corpus.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from .config import Settings
from .index import CorpusIndex
from .models import Evidence
from .parse import quote_key

STOPWORDS = frozenset(
    "a an the and or but of to in on at by for with from as is are was were be been being has have "
    "had it its this that these those which who whom what when where how than then so such not no "
    "into over about after before also just more most can could will would may might do does did ".split()
)  # "not" and "no" are here too: the fuzzy scorer matches words; polarity is verify's check
_WORD = re.compile(r"\w+")
QUOTE_MATCH = 0.85  # partial-ratio score (in [0, 1]) from which a quotation counts as found near-verbatim


def content_words(text: str) -> str:
    """Lower-cased words minus stopwords: what the fuzzy scorer compares."""
    return " ".join(w for w in _WORD.findall(text.lower()) if w not in STOPWORDS)


@lru_cache(maxsize=8)
def _processed(index: CorpusIndex) -> tuple[str, ...]:
    return tuple(content_words(p.text) for p in index.passages)


@lru_cache(maxsize=8)
def _quote_keys(index: CorpusIndex) -> tuple[str, ...]:
    return tuple(quote_key(p.text) for p in index.passages)


def _fuzzy_candidates(query: str, index: CorpusIndex, limit: int) -> dict[int, float]:
    hits = process.extract(
        content_words(query), _processed(index), scorer=fuzz.token_set_ratio, processor=None, limit=limit
    )
    return {int(i): score / 100.0 for _, score, i in hits}


def _quote_candidates(quote: str, index: CorpusIndex, limit: int = 5) -> list[int]:
    hits = process.extract(
        quote_key(quote),
        _quote_keys(index),
        scorer=fuzz.partial_ratio,
        processor=None,
        limit=limit,
        score_cutoff=QUOTE_MATCH * 100,
    )
    return [int(i) for _, _, i in hits]


def fuse(dense: float, fuzzy: float, *, settings: Settings) -> float:
    """The weighted mean of the two scores, in [0, 1]."""
    total = settings.dense_weight + settings.fuzzy_weight
    return (settings.dense_weight * dense + settings.fuzzy_weight * fuzzy) / total


def _evidence(index: CorpusIndex, row: int, dense: float, fuzzy: float, settings: Settings) -> Evidence:
    passage = index.passages[row]
    return Evidence(
        passage=passage,
        source=index.sources[passage.source_id],
        dense=round(dense, 4),
        fuzzy=round(fuzzy, 4),
        score=round(fuse(dense, fuzzy, settings=settings), 4),
    )


def evidence_for(
    text: str,
    vector: np.ndarray,
    dense_hits: Sequence[tuple[int, float]],
    index: CorpusIndex,
    *,
    quotes: Sequence[str] = (),
    settings: Settings,
) -> tuple[Evidence, ...]:
    """The top passages for one claim by fused score, those under `min_evidence` left out.

    Passages that hold one of `quotes` nearly verbatim are kept whatever their fused score.
    """
    fuzzy = _fuzzy_candidates(text, index, settings.candidates)
    quoted = {row for quote in quotes for row in _quote_candidates(quote, index)}
    dense = {row: max(0.0, score) for row, score in dense_hits}
    rows = set(dense) | set(fuzzy) | quoted
    query = content_words(text)
    items = []
    for row in rows:
        d = dense.get(row)
        d = max(0.0, float(index.embeddings[row] @ vector)) if d is None else d
        f = fuzzy.get(row)
        f = fuzz.token_set_ratio(query, _processed(index)[row]) / 100.0 if f is None else f
        items.append(_evidence(index, row, d, f, settings))
    items.sort(key=lambda e: (-e.score, e.passage.id))
    kept = [e for e in items if e.score >= settings.min_evidence][: settings.top_k]
    kept += [e for e in items if _row(index, e) in quoted and e not in kept]
    return tuple(kept)


def _row(index: CorpusIndex, evidence: Evidence) -> int:
    return _row_of(index)[evidence.passage.id]


@lru_cache(maxsize=8)
def _row_of(index: CorpusIndex) -> dict[str, int]:
    return {p.id: i for i, p in enumerate(index.passages)}


def search(
    texts: Sequence[str],
    vectors: np.ndarray,
    index: CorpusIndex,
    *,
    quotes: Sequence[Sequence[str]] | None = None,
    settings: Settings,
) -> list[tuple[Evidence, ...]]:
    """Evidence for many claims at once; `vectors` are the claims' embeddings, in the same order."""
    dense_hits = index.vectors.search(vectors, top_k=settings.candidates)
    quotes = quotes or [()] * len(texts)
    return [
        evidence_for(t, v, hits, index, quotes=q, settings=settings)
        for t, v, hits, q in zip(texts, vectors, dense_hits, quotes, strict=True)
    ]
