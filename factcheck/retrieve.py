"""Claim → evidence: dense (sentence embeddings), fuzzy (rapidfuzz) and lexical (BM25) candidates,
fused into one ranking.

Scores, each in [0, 1], higher = closer:
    dense    cosine similarity of unit-length embeddings, clipped at 0
    fuzzy    rapidfuzz token-set ratio over content words / 100 (shared words, order-free)
    lexical  BM25 relative to the query's best BM25 match in the corpus (rare shared words count more)
    fused    the weighted mean of the three (weights in Settings, fit on CheckThat! 2022 train)
    match    the re-ranker's probability that the passage states the claim (factcheck.rerank)
Candidates come from the dense and the BM25 retrievers; the fuzzy scorer re-scores them, and the
re-ranker orders them (by fused score where `Settings.rerank` is off or no re-ranker is installed).
Quotations get one more candidate source: passages among the quote's BM25 matches that contain it
nearly verbatim (rapidfuzz partial ratio ≥ 0.85), so a quote is found wherever it stands.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from .config import Settings
from .index import CorpusIndex
from .lexical import lexical_scores
from .models import Evidence
from .parse import PART_RE, quote_key
from .rerank import features, load_reranker

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
def _titles(index: CorpusIndex) -> tuple[str, ...]:
    return tuple(content_words(index.sources[p.source_id].title) for p in index.passages)


@lru_cache(maxsize=8)
def _published(index: CorpusIndex) -> tuple[dt.date | None, ...]:
    return tuple(index.sources[p.source_id].published for p in index.passages)


@lru_cache(maxsize=8)
def _quote_keys(index: CorpusIndex) -> tuple[str, ...]:
    return tuple(quote_key(p.text) for p in index.passages)


def _quote_candidates(quote: str, index: CorpusIndex, *, limit: int) -> list[int]:
    """Passages holding `quote` near-verbatim, among the quote's best BM25 matches: a quote's
    words are rare enough for BM25 to find it, and a full partial-ratio scan is O(corpus)."""
    rows = _top_rows(lexical_scores(quote, index), limit)
    if not rows:
        return []
    keys = _quote_keys(index)
    ratios = process.cdist([quote_key(quote)], [keys[row] for row in rows], scorer=fuzz.partial_ratio)[0]
    return [row for row, ratio in zip(rows, ratios, strict=True) if ratio >= QUOTE_MATCH * 100]


def fuse(dense: float, fuzzy: float, lexical: float = 0.0, *, settings: Settings) -> float:
    """The weighted mean of the three scores, in [0, 1]."""
    weights = (settings.dense_weight, settings.fuzzy_weight, settings.lexical_weight)
    return (weights[0] * dense + weights[1] * fuzzy + weights[2] * lexical) / sum(weights)


def ranked(
    text: str,
    scores: Mapping[int, tuple[float, float, float]],
    index: CorpusIndex,
    *,
    as_of: dt.date | None = None,
    eligible: Callable[[int, float], bool] | None = None,
    settings: Settings,
) -> tuple[dict[int, float], dict[int, float]]:
    """({row: fused score}, {row: match}) for one query's candidates, the query made on `as_of`;
    `match` is the re-ranker's probability, or the fused score where re-ranking is off. With
    `eligible(row, fused score)`, only the rows it accepts get a match (features cost time)."""
    fused = {row: round(fuse(*row_scores, settings=settings), 4) for row, row_scores in scores.items()}
    reranker = load_reranker() if settings.rerank else None
    if reranker is None:
        return fused, dict(fused)
    wanted = [row for row, score in fused.items() if eligible is None or eligible(row, score)]
    rows, table = candidate_features(text, scores, fused, index, rows=wanted, as_of=as_of)
    return fused, {row: round(float(p), 4) for row, p in zip(rows, reranker.score(table), strict=True)}


def candidate_features(
    text: str,
    scores: Mapping[int, tuple[float, float, float]],
    fused: Mapping[int, float],
    index: CorpusIndex,
    *,
    rows: Iterable[int] | None = None,
    as_of: dt.date | None = None,
) -> tuple[list[int], np.ndarray]:
    """The re-ranker's feature table for one query's candidates (rows, table; see rerank.FEATURES)."""
    words, published = content_words(text), _published(index)
    return features(
        words, scores, fused, _processed(index), _titles(index), rows=rows, as_of=as_of, published=published
    )


def _evidence(index: CorpusIndex, row: int, scores: tuple[float, float, float], fused: float, match: float) -> Evidence:
    passage = index.passages[row]
    dense, fuzzy, lexical = scores
    return Evidence(
        passage=passage,
        source=index.sources[passage.source_id],
        dense=round(dense, 4),
        fuzzy=round(fuzzy, 4),
        lexical=round(lexical, 4),
        score=fused,
        match=match,
    )


def _top_rows(scores: np.ndarray, limit: int) -> list[int]:
    if len(scores) == 0:
        return []
    k = min(limit, len(scores))
    return [int(i) for i in np.argpartition(-scores, k - 1)[:k] if scores[i] > 0]


def _candidate_scores(
    text: str,
    vector: np.ndarray,
    dense_hits: Sequence[tuple[int, float]],
    lexical: np.ndarray,
    index: CorpusIndex,
    *,
    limit: int,
) -> dict[int, tuple[float, float, float]]:
    """{passage row: (dense, fuzzy, lexical)} for the union of the dense and lexical candidates;
    `lexical` is the query's `lexical_scores`.

    The fuzzy scorer re-scores candidates rather than proposing its own: its recall is BM25's
    (both match words), and a full rapidfuzz scan costs ~2 ms per 1,000 passages per query."""
    dense = {row: max(0.0, score) for row, score in dense_hits}
    rows = set(dense) | set(_top_rows(lexical, limit))
    return _scores(rows, text, vector, index, lexical, dense)


def _scores(
    rows: Iterable[int],
    text: str,
    vector: np.ndarray,
    index: CorpusIndex,
    lexical: np.ndarray,
    dense: Mapping[int, float] | None = None,
) -> dict[int, tuple[float, float, float]]:
    """(dense, fuzzy, lexical) of some passages for one query; dense scores not given are computed."""
    rows, processed, dense = list(rows), _processed(index), dense or {}
    if not rows:
        return {}
    fuzzy = process.cdist([content_words(text)], [processed[r] for r in rows], scorer=fuzz.token_set_ratio)[0]
    missing = [row for row in rows if row not in dense]
    computed = dict(zip(missing, np.maximum(index.embeddings[missing] @ vector, 0.0).tolist(), strict=True))
    return {
        row: (dense[row] if row in dense else computed[row], float(ratio) / 100.0, float(lexical[row]))
        for row, ratio in zip(rows, fuzzy, strict=True)
    }


def evidence_for(
    text: str,
    vector: np.ndarray,
    dense_hits: Sequence[tuple[int, float]],
    index: CorpusIndex,
    *,
    quotes: Sequence[str] = (),
    as_of: dt.date | None = None,
    settings: Settings,
) -> tuple[Evidence, ...]:
    """The top passages for one claim by match, those whose fused score is under `min_evidence`
    left out.

    Passages that hold one of `quotes` nearly verbatim are kept whatever their fused score.
    """
    lexical = lexical_scores(text, index)
    scores = _candidate_scores(text, vector, dense_hits, lexical, index, limit=settings.candidates)
    quoted = {row for quote in quotes for row in _quote_candidates(quote, index, limit=settings.candidates)}
    scores |= _scores(quoted - set(scores), text, vector, index, lexical)
    fused, match = ranked(
        text,
        scores,
        index,
        as_of=as_of,
        eligible=lambda row, score: score >= settings.min_evidence or row in quoted,
        settings=settings,
    )
    order = sorted(match, key=lambda row: (-match[row], -fused[row], index.passages[row].id))
    kept = [row for row in order if fused[row] >= settings.min_evidence][: settings.top_k]
    kept += [row for row in order if row in quoted and row not in kept]
    return tuple(_evidence(index, row, scores[row], fused[row], match[row]) for row in kept)


def candidate_scores(
    texts: Sequence[str], vectors: np.ndarray, index: CorpusIndex, *, settings: Settings
) -> list[dict[int, tuple[float, float, float]]]:
    """For each query, {passage row: (dense, fuzzy, lexical)} of its dense and BM25 candidates."""
    dense_hits = index.vectors.search(vectors, top_k=settings.candidates)
    return [
        _candidate_scores(text, vector, hits, lexical_scores(text, index), index, limit=settings.candidates)
        for text, vector, hits in zip(texts, vectors, dense_hits, strict=True)
    ]


def best_sources(index: CorpusIndex, scores: Mapping[int, float], *, top_k: int) -> dict[str, float]:
    """{source id: its best passage's score}, the `top_k` best sources."""
    best: dict[str, float] = {}
    for row, score in scores.items():
        source = index.passages[row].source_id
        best[source] = max(best.get(source, 0.0), score)
    return dict(sorted(best.items(), key=lambda item: -item[1])[:top_k])


def rank_sources(
    texts: Sequence[str],
    vectors: np.ndarray,
    index: CorpusIndex,
    *,
    top_k: int,
    as_of: Sequence[dt.date | None] | None = None,
    settings: Settings,
) -> list[dict[str, float]]:
    """For each query (made on `as_of[i]` where known), {source id: match of its best passage},
    the `top_k` best sources: the "has this been checked before?" ranking that retrieval
    benchmarks score."""
    candidates = candidate_scores(texts, vectors, index, settings=settings)
    dates = as_of or [None] * len(texts)
    return [
        best_sources(index, ranked(text, scores, index, as_of=date, settings=settings)[1], top_k=top_k)
        for text, scores, date in zip(texts, candidates, dates, strict=True)
    ]


def search(
    texts: Sequence[str],
    vectors: np.ndarray,
    index: CorpusIndex,
    *,
    quotes: Sequence[Sequence[str]] | None = None,
    as_of: Sequence[dt.date | None] | None = None,
    settings: Settings,
) -> list[tuple[Evidence, ...]]:
    """Evidence for many claims at once; `vectors` are the claims' embeddings and `as_of` the dates
    they were made (where known), in the same order."""
    dense_hits = index.vectors.search(vectors, top_k=settings.candidates)
    quotes = quotes or [()] * len(texts)
    dates = as_of or [None] * len(texts)
    return [
        evidence_for(t, v, hits, index, quotes=q, as_of=d, settings=settings)
        for t, v, hits, q, d in zip(texts, vectors, dense_hits, quotes, dates, strict=True)
    ]


# Where a claim joins statements ("X was approved on Thursday, making it the first ..."), each part
# is looked up too: one passage seldom bears out both, and the claim's whole embedding finds the
# passages for the part it says most about.
PART_WORDS = 4  # content words a part needs to be looked up on its own
PART_TOP_K = 3  # passages each part adds


def claim_parts(text: str) -> list[str]:
    """The parts of a claim worth a lookup of their own: none where it makes one statement."""
    parts = [p.strip() for p in PART_RE.split(text) if p and len(content_words(p).split()) >= PART_WORDS]
    return parts if len(parts) > 1 else []


def with_part_evidence(
    texts: Sequence[str],
    found: Sequence[tuple[Evidence, ...]],
    encode: Callable[[Sequence[str]], np.ndarray],
    index: CorpusIndex,
    *,
    as_of: Sequence[dt.date | None],
    settings: Settings,
) -> list[tuple[Evidence, ...]]:
    """Each claim's evidence followed by the best PART_TOP_K passages for each of its parts
    (`claim_parts`) that it does not hold yet."""
    parts = [(i, part) for i, text in enumerate(texts) for part in claim_parts(text)]
    if not parts:
        return list(found)
    vectors = encode([p for _, p in parts])
    extra = search(
        [p for _, p in parts],
        vectors,
        index,
        as_of=[as_of[i] for i, _ in parts],
        settings=settings.replace(top_k=PART_TOP_K),
    )
    merged = [list(ev) for ev in found]
    for (i, _), more in zip(parts, extra, strict=True):
        held = {e.passage.id for e in merged[i]}
        merged[i] += [e for e in more if e.passage.id not in held]
    return [tuple(ev) for ev in merged]
