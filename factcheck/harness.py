"""Run the pipeline over evaluation data and score it with `evaluate`'s metrics.

Each function takes a loaded Checker (or its parts) and plain data, and returns a dict of numbers
ready for a table or JSON; the CLI's `factcheck eval ...` commands are thin shells over these.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from rapidfuzz import fuzz

from .benchdata import write_run
from .calibration import load_calibration
from .config import Settings
from .embed import Encoder
from .errors import InputError, ModelError
from .evaluate import (
    binary_prf,
    brier,
    classification_metrics,
    expected_calibration_error,
    ranking_average_precision,
    retrieval_metrics,
)
from .extract import claim_from_sentence, claim_of_text
from .lexical import relative_bm25
from .logistic import fit_logistic
from .models import STANCE_LABELS, Article, Evidence, Label, Passage, Source
from .nlidata import Pair
from .normalise import clean_social, social_date
from .pipeline import Checker
from .retrieve import content_words, fuse, rank_sources
from .stance import StanceModel, attach, load_stance
from .verify import verify
from .worthiness import load_model as load_worthiness
from .worthiness import mix


def retrieval_run(
    checker: Checker, queries: Mapping[str, str], *, top_k: int = 10, normalise: bool = True
) -> dict[str, dict[str, float]]:
    """{query id: {source id: score}}: the top `top_k` sources for every query. A post's
    signature date, where it has one, is the date the claim was made (the re-ranker uses it)."""
    ids = list(queries)
    texts = [clean_social(queries[q]) if normalise else queries[q] for q in ids]
    dates = [social_date(queries[q]) for q in ids]
    vectors = checker.encoder.encode(texts)
    ranking = rank_sources(texts, vectors, checker.index, top_k=top_k, as_of=dates, settings=checker.settings)
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


def checkworthiness_scores(
    sentences: Sequence[str], *, threshold: float, scorer: str = "heuristic", encoder: Encoder | None = None
) -> list[tuple[float, bool]]:
    """(score, kept as a claim?) for each sentence, read as a one-sentence article, scored as
    `scorer` says: "heuristic", "learned" or "mixed" (the last two need the encoder)."""
    model = load_worthiness() if scorer != "heuristic" else None
    if scorer != "heuristic" and (model is None or encoder is None):
        raise ModelError(f"the {scorer!r} check-worthiness scorer needs the shipped model and an encoder")
    learned = model.score(encoder.encode(sentences), sentences) if model and encoder else None
    weight, threshold = mix(scorer, model, threshold)
    out = []
    for i, text in enumerate(sentences):
        score = None if learned is None else float(learned[i])
        claim = claim_from_sentence(
            Article(id="s", text=text), 0, 0, len(text), threshold=threshold, learned=score, learned_weight=weight
        )
        out.append((claim.checkworthiness, claim.set_aside is None))
    return out


def evaluate_checkworthiness(
    rows: Sequence[tuple[str, bool, str]],
    *,
    threshold: float = 0.5,
    scorer: str = "heuristic",
    encoder: Encoder | None = None,
) -> dict[str, float]:
    """MAP (mean over groups, e.g. debates, of the AP of ranking by score), and precision, recall
    and F1 of the positive class for the sentences the extractor keeps as claims."""
    scored = checkworthiness_scores([text for text, _, _ in rows], threshold=threshold, scorer=scorer, encoder=encoder)
    groups: dict[str, list[int]] = {}
    for i, (_, _, group) in enumerate(rows):
        groups.setdefault(group, []).append(i)
    aps = [
        ranking_average_precision([rows[i][1] for i in idx], [scored[i][0] for i in idx])
        for idx in groups.values()
        if any(rows[i][1] for i in idx)
    ]
    prf = binary_prf([gold for _, gold, _ in rows], [kept for _, kept in scored])
    counts = {"sentences": float(len(rows)), "positives": float(sum(g for _, g, _ in rows)), "groups": float(len(aps))}
    return counts | {"map": sum(aps) / len(aps) if aps else 0.0, **prf}


FEVER_LABELS = ("SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO")
TO_FEVER = {
    Label.SUPPORTED: "SUPPORTS",
    Label.CONTRADICTED: "REFUTES",
    Label.MISLEADING: "REFUTES",
    Label.NOT_ENOUGH_EVIDENCE: "NOT_ENOUGH_INFO",
    Label.NOT_CHECKABLE: "NOT_ENOUGH_INFO",
}


def pair_evidence(claim: str, sentences: Sequence[str], *, encoder: Encoder, settings: Settings) -> list[Evidence]:
    """Given evidence sentences for a claim, scored as retrieval would score them, best first.
    Lexical scores are BM25 relative to the best of these sentences."""
    vectors = encoder.encode([claim, *sentences])
    query = content_words(claim)
    lexical = relative_bm25(claim, sentences)
    items = []
    for i, text in enumerate(sentences):
        source = Source(id=f"e{i}", title="", text=text)
        dense = max(0.0, float(vectors[0] @ vectors[i + 1]))
        fuzzy = fuzz.token_set_ratio(query, content_words(text)) / 100.0
        score = fuse(dense, fuzzy, float(lexical[i]), settings=settings)
        passage = Passage(f"e{i}#0", source.id, text, 0, len(text))
        items.append(
            Evidence(
                passage,
                source,
                round(dense, 4),
                round(fuzzy, 4),
                round(float(lexical[i]), 4),
                round(score, 4),
                round(score, 4),
            )
        )
    return sorted(items, key=lambda e: -e.score)


Scored = tuple[list[str], list[str], list[float]]  # gold labels, predicted labels, confidences


def verdict_rows(
    records: Sequence[Mapping[str, Any]], *, encoder: Encoder, settings: Settings
) -> tuple[Scored, Scored]:
    """(evidence level, claim level) gold labels, predictions and confidences (see evaluate_verdicts)."""
    evidence_level: Scored = ([], [], [])
    claim_level: Scored = ([], [], [])
    model = load_stance() if settings.stance else None
    calibration = load_calibration() if settings.calibrate else None
    for record in records:
        claim = claim_of_text(str(record["claim"]))
        sentences = [e["evidence"] for e in record["evidences"]]
        evidence = pair_evidence(claim.text, sentences, encoder=encoder, settings=settings)
        if model is not None:  # every sentence scored: the evidence-level verdicts need each one
            evidence = list(attach(model, [claim.text], [evidence], top_k=len(evidence))[0])
        by_text = {e.passage.text: e for e in evidence}
        for e in record["evidences"]:
            verdict = verify(claim, [by_text[e["evidence"]]], as_of=None, settings=settings, calibration=calibration)
            _add(evidence_level, e["evidence_label"], TO_FEVER[verdict.label], verdict.confidence)
        if record["claim_label"] in FEVER_LABELS:
            verdict = verify(claim, evidence, as_of=None, settings=settings, calibration=calibration)
            _add(claim_level, record["claim_label"], TO_FEVER[verdict.label], verdict.confidence)
    return evidence_level, claim_level


def _add(rows: Scored, gold: str, predicted: str, confidence: float) -> None:
    rows[0].append(gold)
    rows[1].append(predicted)
    rows[2].append(confidence)


def evaluate_verdicts(
    records: Sequence[Mapping[str, Any]], *, encoder: Encoder, settings: Settings
) -> dict[str, object]:
    """Climate-FEVER style: each claim with its evidence sentences.

    evidence level: the verdict on (claim, one sentence) against that sentence's label;
    claim level: the verdict on the claim with all its sentences, against the claim label
    (DISPUTED claims are left out: no single label is right for them).
    Calibration (ECE, Brier) of the confidence, where "right" means the label matched. With
    `settings.stance` and a shipped stance model, every sentence gets the model's stance; with
    `settings.calibrate` and a shipped calibration, confidences are calibrated.
    """
    evidence_level, claim_level = verdict_rows(records, encoder=encoder, settings=settings)
    return {"evidence_level": _with_calibration(*evidence_level), "claim_level": _with_calibration(*claim_level)}


def _with_calibration(gold: list[str], predicted: list[str], confidence: list[float]) -> dict[str, object]:
    correct = [g == p for g, p in zip(gold, predicted, strict=True)]
    return classification_metrics(gold, predicted, FEVER_LABELS) | {
        "ece": expected_calibration_error(correct, confidence),
        "brier": brier(correct, confidence),
        "platt_held_out": platt_held_out(correct, confidence),
    }


def platt_held_out(correct: Sequence[bool], confidence: Sequence[float]) -> dict[str, float]:
    """Platt scaling of the confidence, fit on the even-numbered items, measured on the odd ones:
    what calibration on this kind of data would buy (ECE and Brier before and after, held out)."""
    x = np.asarray(confidence, dtype=np.float64)[:, None]
    y = np.asarray(correct, dtype=np.float64)
    if len(x) < 4 or y[::2].min() == y[::2].max():
        return {}
    w, b = fit_logistic(x[::2], y[::2], l2=0.0, balanced=False)
    held = x[1::2, 0]
    calibrated = list(1.0 / (1.0 + np.exp(-(held * w[0] + b))))
    right = [bool(v) for v in y[1::2]]
    return {
        "a": float(w[0]),
        "b": float(b),
        "ece_before": expected_calibration_error(right, list(held)),
        "ece_after": expected_calibration_error(right, calibrated),
        "brier_before": brier(right, list(held)),
        "brier_after": brier(right, calibrated),
    }


def evaluate_stance(pairs: Sequence[Pair], model: StanceModel) -> dict[str, object]:
    """The stance model's label (its most likely stance) against each pair's gold label; macro-F1
    over the labels the set uses (fever-symmetric has no not-enough-info), and pairs per second."""
    if not pairs:
        raise InputError("no pairs to evaluate")
    start = time.perf_counter()
    probabilities = model.probabilities([(p.claim, p.evidence) for p in pairs])
    seconds = time.perf_counter() - start
    predicted = [STANCE_LABELS[i] for i in np.argmax(probabilities, axis=1)]
    labels = [label for label in STANCE_LABELS if any(p.label == label for p in pairs)]
    return classification_metrics([p.label for p in pairs], predicted, labels) | {
        "accuracy_by_source": _accuracy_by_source(pairs, predicted),
        "pairs_per_second": len(pairs) / seconds,
    }


def _accuracy_by_source(pairs: Sequence[Pair], predicted: Sequence[str]) -> dict[str, float]:
    """Accuracy per pair source (a data set, or a generator kind: 'contrast:figure'), where a set
    mixes several."""
    by_source: dict[str, list[bool]] = {}
    for pair, label in zip(pairs, predicted, strict=True):
        by_source.setdefault(pair.source, []).append(pair.label == label)
    if len(by_source) < 2:
        return {}
    return {source: sum(hits) / len(hits) for source, hits in sorted(by_source.items())}
