"""Train the check-worthiness scorer that ships in factcheck/data/checkworthiness.json.

    .venv/bin/python benchmarks/train_checkworthiness.py [--embeddings-cache DIR]

Data (read from ../shared/benchmarks/checkworthiness, never copied): ClaimBuster train.json and
the CheckThat! 2020 task 5 debates. Every fifth debate (sorted by name) is held out for
evaluation; the model trains on ClaimBuster train (80%, after a seed-0 shuffle: the file is sorted
by label) and the other 40 debates, and the decision threshold maximises F1 on the remaining 20%
of ClaimBuster train. Deterministic.
Prints held-out numbers next to the hand-set heuristic's.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from factcheck.benchdata import load_checkworthiness
from factcheck.embed import SentenceTransformerEncoder
from factcheck.evaluate import binary_prf, ranking_average_precision
from factcheck.harness import checkworthiness_scores
from factcheck.logistic import fit_logistic
from factcheck.worthiness import ARTIFACT, WorthinessModel, hand_features

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "benchmarks" / "checkworthiness"


def embed(name: str, texts: list[str], encoder: SentenceTransformerEncoder, cache: Path | None) -> np.ndarray:
    path = cache / f"cw_{name}.npy" if cache else None
    if path and path.exists():
        vectors = np.load(path)
        if len(vectors) == len(texts):
            return vectors
    vectors = encoder.encode(texts)
    if path:
        np.save(path, vectors)
    return vectors


def features(rows: list[tuple[str, bool, str]], vectors: np.ndarray) -> np.ndarray:
    return np.hstack([vectors, np.stack([hand_features(text) for text, _, _ in rows])])


def labels(rows: list[tuple[str, bool, str]]) -> np.ndarray:
    return np.asarray([gold for _, gold, _ in rows], dtype=np.float64)


def best_threshold(gold: np.ndarray, scores: np.ndarray) -> float:
    candidates = np.linspace(0.05, 0.95, 91)
    f1s = [binary_prf(list(gold > 0), list(scores >= t))["f1"] for t in candidates]
    return round(float(candidates[int(np.argmax(f1s))]), 2)


def debate_map(rows: list[tuple[str, bool, str]], scores: np.ndarray) -> float:
    groups: dict[str, list[int]] = {}
    for i, (_, _, group) in enumerate(rows):
        groups.setdefault(group, []).append(i)
    aps = [
        ranking_average_precision([rows[i][1] for i in idx], [float(scores[i]) for i in idx]) for idx in groups.values()
    ]
    return sum(aps) / len(aps)


def main() -> None:
    cache = Path(sys.argv[sys.argv.index("--embeddings-cache") + 1]) if "--embeddings-cache" in sys.argv else None
    encoder = SentenceTransformerEncoder()
    cb_train = load_checkworthiness(DATA / "claimbuster" / "train.json")
    cb_test = load_checkworthiness(DATA / "claimbuster" / "test.json")
    debates = load_checkworthiness(DATA / "checkthat2020-5-debates" / "training")
    names = sorted({g for _, _, g in debates})
    held_out = set(names[4::5])
    vec = {
        "cbtrain": embed("cbtrain", [t for t, _, _ in cb_train], encoder, cache),
        "cbtest": embed("cbtest", [t for t, _, _ in cb_test], encoder, cache),
        "debates": embed("debates", [t for t, _, _ in debates], encoder, cache),
    }
    order = np.random.default_rng(0).permutation(len(cb_train))  # the file is sorted by label
    cb_train, vec["cbtrain"] = [cb_train[i] for i in order], vec["cbtrain"][order]
    split = int(len(cb_train) * 0.8)
    train_idx = [i for i, (_, _, g) in enumerate(debates) if g not in held_out]
    test_idx = [i for i, (_, _, g) in enumerate(debates) if g in held_out]
    x_train = np.vstack(
        [
            features(cb_train[:split], vec["cbtrain"][:split]),
            features([debates[i] for i in train_idx], vec["debates"][train_idx]),
        ]
    )
    y_train = np.concatenate([labels(cb_train[:split]), labels([debates[i] for i in train_idx])])
    y_val, val_texts = labels(cb_train[split:]), [t for t, _, _ in cb_train[split:]]
    best = None
    for l2 in (1.0, 10.0, 30.0, 100.0):  # chosen on the validation split only
        weights, bias = fit_logistic(x_train, y_train, l2=l2)
        scores = WorthinessModel(encoder.model_id, weights, bias, 0.5).score(vec["cbtrain"][split:], val_texts)
        threshold = best_threshold(y_val, scores)
        f1 = binary_prf(list(y_val > 0), list(scores >= threshold))["f1"]
        print(f"l2 {l2:6.1f}: validation F1 {f1:.4f} at threshold {threshold}")
        if best is None or f1 > best[0]:
            best = (f1, l2, weights, bias, threshold)
    assert best is not None
    _, l2, weights, bias, threshold = best
    trained_on = (
        f"l2 {l2} (by validation F1); ClaimBuster train.json, 80% (seed-0 shuffle) + "
        f"CheckThat! 2020-5 debates except {sorted(held_out)}; "
        "threshold maximises F1 on the other 20% of ClaimBuster train; benchmarks/train_checkworthiness.py"
    )
    model = WorthinessModel(encoder.model_id, weights, bias, threshold, trained_on)
    ARTIFACT.parent.mkdir(exist_ok=True)
    ARTIFACT.write_text(json.dumps(model.to_json()) + "\n", encoding="utf-8")
    report(model, cb_test, vec["cbtest"], [debates[i] for i in test_idx], vec["debates"][test_idx])


def report(model: WorthinessModel, cb_test: list, cb_vec: np.ndarray, held: list, held_vec: np.ndarray) -> None:  # type: ignore[type-arg]
    learned_cb = model.score(cb_vec, [t for t, _, _ in cb_test])
    learned_db = model.score(held_vec, [t for t, _, _ in held])
    heur_cb = np.asarray([s for s, _ in checkworthiness_scores([t for t, _, _ in cb_test], threshold=0.5)])
    heur_db = np.asarray([s for s, _ in checkworthiness_scores([t for t, _, _ in held], threshold=0.5)])
    print(f"threshold {model.threshold}; artifact {ARTIFACT} ({ARTIFACT.stat().st_size} bytes)")
    for name, cb, db, t in (("heuristic", heur_cb, heur_db, 0.5), ("learned", learned_cb, learned_db, model.threshold)):
        prf = binary_prf(list(labels(cb_test) > 0), list(cb >= t))
        print(
            f"{name:10s} CheckThat!2020-5 held-out debates MAP {debate_map(held, db):.4f} | "
            f"ClaimBuster test F1 {prf['f1']:.4f} (P {prf['precision']:.3f} R {prf['recall']:.3f}) "
            f"MAP {ranking_average_precision(list(labels(cb_test) > 0), list(cb)):.4f}"
        )


if __name__ == "__main__":
    main()
