"""Run the pipeline over evaluation data and score it with `evaluate`'s metrics.

Each function takes a loaded Checker (or its parts) and plain data, and returns a dict of numbers
ready for a table or JSON; the CLI's `factcheck eval ...` commands are thin shells over these.
"""

from __future__ import annotations

from collections.abc import Mapping

from .benchdata import write_run
from .evaluate import retrieval_metrics
from .normalise import clean_social
from .pipeline import Checker
from .retrieve import rank_sources


def retrieval_run(
    checker: Checker, queries: Mapping[str, str], *, top_k: int = 10, normalise: bool = True
) -> dict[str, dict[str, float]]:
    """{query id: {source id: score}}: the top `top_k` sources for every query."""
    ids = list(queries)
    texts = [clean_social(queries[q]) if normalise else queries[q] for q in ids]
    vectors = checker.encoder.encode(texts)
    ranking = rank_sources(texts, vectors, checker.index, top_k=top_k, settings=checker.settings)
    return dict(zip(ids, ranking, strict=True))


def evaluate_retrieval(
    checker: Checker,
    queries: Mapping[str, str],
    qrels: Mapping[str, Mapping[str, int]],
    *,
    top_k: int = 10,
    normalise: bool = True,
    run_out: str | None = None,
) -> dict[str, float]:
    """MAP@k, MRR and recall@k of the fused ranking; writes a TREC run file when asked."""
    run = retrieval_run(checker, {q: t for q, t in queries.items() if q in qrels}, top_k=top_k, normalise=normalise)
    if run_out:
        write_run(run, run_out)
    return retrieval_metrics(run, qrels)
