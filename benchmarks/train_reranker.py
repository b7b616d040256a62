"""Train the re-ranker shipped as factcheck/data/reranker.json.

    .venv/bin/python benchmarks/train_reranker.py [--index DIR] [--out FILE]

Data: CheckThat! 2022 task 2A, read in place from ../shared/benchmarks/checkthat2022-2a/. The
logistic regression is fit on the 999 **train** queries' candidates (label: the candidate passage
belongs to a verified claim the query's qrels name); the L2 strength is chosen by MAP@5 on the 199
**dev** queries. Dev-test is not looked at: `factcheck eval retrieval` measures it afterwards.
Deterministic (L-BFGS from zeros); about two minutes with a built index, plus the index build
(about two minutes for the 14,231 verified claims) the first time.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from factcheck import Settings
from factcheck.benchdata import load_qrels, load_queries
from factcheck.evaluate import retrieval_metrics
from factcheck.logistic import fit_logistic
from factcheck.normalise import clean_social, social_date
from factcheck.pipeline import Checker
from factcheck.rerank import ARTIFACT, Reranker
from factcheck.retrieve import best_sources, candidate_features, candidate_scores, fuse

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "benchmarks" / "checkthat2022-2a"
SPLITS = {
    "train": ("CT2022-Task2A-EN-Train-Dev_Queries.tsv", "CT2022-Task2A-EN-Train_QRELs.tsv"),
    "dev": ("CT2022-Task2A-EN-Train-Dev_Queries.tsv", "CT2022-Task2A-EN-Dev_QRELs.tsv"),
}
L2 = (0.1, 1.0, 10.0, 100.0)

Split = tuple[list[str], list[list[int]], list[np.ndarray], list[np.ndarray], dict[str, dict[str, int]]]


def split_features(checker: Checker, name: str) -> Split:
    """(query ids, candidate rows, feature tables, labels, qrels) of one split."""
    queries_file, qrels_file = SPLITS[name]
    queries, qrels = load_queries(DATA / queries_file), load_qrels(DATA / qrels_file)
    ids = [q for q in queries if q in qrels]
    texts = [clean_social(queries[q]) for q in ids]
    settings, index = checker.settings, checker.index
    candidates = candidate_scores(texts, checker.encoder.encode(texts), index, settings=settings)
    rows, tables, labels = [], [], []
    for qid, text, scores in zip(ids, texts, candidates, strict=True):
        fused = {row: fuse(*s, settings=settings) for row, s in scores.items()}
        order, table = candidate_features(text, scores, fused, index, as_of=social_date(queries[qid]))
        rows.append(order)
        tables.append(table)
        labels.append(np.asarray([index.passages[r].source_id in qrels[qid] for r in order], dtype=np.float32))
    return ids, rows, tables, labels, qrels


def map5(checker: Checker, split: Split, model: Reranker | None) -> float:
    """MAP@5 of the split ranked by the model (by the fused score, feature column 0..2, if None)."""
    ids, rows, tables, _, qrels = split
    settings = checker.settings
    run = {}
    for qid, order, table in zip(ids, rows, tables, strict=True):
        scores = model.score(table) if model else [fuse(*t[:3], settings=settings) for t in table]
        run[qid] = best_sources(checker.index, dict(zip(order, map(float, scores), strict=True)), top_k=10)
    return retrieval_metrics(run, qrels)["map@5"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--index", type=Path, default=None, help="index folder for the verified claims")
    parser.add_argument("--out", type=Path, default=ARTIFACT)
    args = parser.parse_args()
    checker = Checker.from_sources(DATA / "vclaims.jsonl", index_dir=args.index, settings=Settings(rerank=False))
    train, dev = split_features(checker, "train"), split_features(checker, "dev")
    print(f"fused ranking: train MAP@5 {map5(checker, train, None):.4f}, dev {map5(checker, dev, None):.4f}")
    x, y = np.concatenate(train[2]), np.concatenate(train[3])
    best: tuple[float, Reranker] | None = None
    for l2 in L2:
        weights, bias = fit_logistic(x, y, l2=l2, balanced=False)
        model = Reranker(weights, bias, trained_on=f"CheckThat! 2022 2A train queries, L2 {l2} chosen on dev")
        dev_map = map5(checker, dev, model)
        print(f"L2 {l2:>6}: train MAP@5 {map5(checker, train, model):.4f}, dev {dev_map:.4f}")
        if best is None or dev_map > best[0]:
            best = (dev_map, model)
    assert best is not None
    args.out.write_text(json.dumps(best[1].to_json(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({best[1].trained_on})")


if __name__ == "__main__":
    main()
