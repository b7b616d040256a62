"""Speed of factcheck against the raw model, as ratios measured in one run on one machine.

    .venv/bin/python benchmarks/speed.py [--quick]

1. annotate throughput vs raw `model.encode` of every sentence of the same articles;
2. index build vs raw encode of the same passages, and a rebuild after adding 1% new documents;
3. warm single-claim lookup latency (p50/p95) over corpora of 10k and 100k passages (texts from
   CheckThat! when ../shared is here, else generated; embeddings random unit vectors: search time
   does not depend on their values, and encoding 100k passages would take this machine 10 minutes);
4. cold start of `factcheck lookup` from the shell, and its peak memory.
"""

from __future__ import annotations

import dataclasses
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from factcheck import Checker, parse
from factcheck.corpus import load_sources, passages
from factcheck.embed import SentenceTransformerEncoder
from factcheck.index import CorpusIndex, build_index
from factcheck.inputs import read_article
from factcheck.models import Passage, Source
from factcheck.pipeline import annotate_records
from factcheck.segment import sentence_spans

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "benchmarks"


def timed(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - start


def demo_records(copies: int) -> list[dict[str, str]]:
    articles = [read_article(ROOT / "claims" / f"{name}.md") for name in ("faithful", "embellished", "distorted")]
    # Each copy differs (a numbered last line), so no cache of texts flatters the pipeline.
    return [
        {"id": f"{a.id}-{i}", "text": f"{a.text}\nThis is copy number {i} of the report.\n", "date": str(a.published)}
        for i in range(copies)
        for a in articles
    ]


def annotate_vs_encode(checker: Checker, copies: int, repeats: int = 5) -> None:
    records = demo_records(copies)
    sentences = [r["text"][s:e] for r in records for s, e in sentence_spans(r["text"])]
    checker.encoder.encode(sentences[:64])  # warm-up of the model
    list(annotate_records([{"id": "warm", "text": "Warm-up: MAX has about 55 million users."}], checker=checker))
    raws, pipes = [], []
    for _ in range(repeats):  # interleaved, so a noisy neighbour slows both sides alike
        raws.append(timed(checker.encoder.encode, sentences)[1])
        for cached in (sentence_spans, parse.quantities, parse.dates, parse.quotes):
            cached.cache_clear()  # the pipeline pays for its own segmentation and parsing
        pipes.append(timed(lambda: list(annotate_records(records, checker=checker)))[1])
    raw, pipe = statistics.median(raws), statistics.median(pipes)
    ratios = sorted(r / p for r, p in zip(raws, pipes, strict=True))
    n = len(records)
    print(f"annotate: {n} articles, {len(sentences)} sentences, median of {repeats} interleaved rounds")
    print(f"  raw encode of every sentence  {n / raw:8.1f} articles/s")
    print(
        f"  full annotate pipeline        {n / pipe:8.1f} articles/s   ratio {raw / pipe:.2f} "
        f"(rounds {ratios[0]:.2f}-{ratios[-1]:.2f}; target >= 0.8)"
    )


def stance_cost(checker: Checker, copies: int, repeats: int = 3) -> None:
    """The stance model's price: annotate with and without it, and its raw pairs/s next to encode."""
    if checker.stance is None:
        print("stance: no model installed")
        return
    records = demo_records(copies)
    plain = dataclasses.replace(checker, stance=None)
    with_model, without = [], []
    for _ in range(repeats):
        with_model.append(timed(lambda: list(annotate_records(records, checker=checker)))[1])
        without.append(timed(lambda: list(annotate_records(records, checker=plain)))[1])
    claims = sum(
        1 for row in annotate_records(records, checker=plain) for v in row["result"]["verdicts"] if v["evidence"]
    )
    slow, fast = statistics.median(with_model), statistics.median(without)
    pairs = [("MAX has about 85 million users.", "MAX is a state-backed app with about 55 million users.")] * 256
    _, stance_time = timed(checker.stance.probabilities, pairs)
    _, encode_time = timed(checker.encoder.encode, [p[1] for p in pairs])
    print(f"stance model (top {checker.settings.stance_top_k} passages per claim), median of {repeats} rounds:")
    print(f"  annotate without / with it    {len(records) / fast:8.1f} / {len(records) / slow:.1f} articles/s")
    print(f"  verdict step cost             {(slow - fast) / claims * 1000:8.1f} ms per checked claim")
    raw = f"{len(pairs) / stance_time:8.1f} (raw encode {len(pairs) / encode_time:.1f} sentences/s)"
    print(f"  raw stance pairs/s            {raw}")


def build_vs_encode(encoder: SentenceTransformerEncoder, n_docs: int) -> None:
    sources = corpus_sources(n_docs)
    texts = [p.text for s in sources for p in passages(s)]
    _, raw = timed(encoder.encode, texts)
    with tempfile.TemporaryDirectory() as tmp:
        _, full = timed(build_index, sources, encoder, Path(tmp))
        extra = corpus_sources(n_docs + max(1, n_docs // 100))[n_docs:]
        _, again = timed(build_index, [*sources, *extra], encoder, Path(tmp))
    print(f"index: {len(sources)} documents, {len(texts)} passages")
    print(f"  raw encode                    {len(texts) / raw:8.1f} passages/s")
    print(f"  full build                    {len(texts) / full:8.1f} passages/s   ratio {raw / full:.2f}")
    print(f"  rebuild after +1% documents   {again:8.2f} s = {again / full:.1%} of the full build (target <= 5%)")


def corpus_sources(n: int) -> list[Source]:
    ct = SHARED / "checkthat2022-2a" / "vclaims.jsonl"
    if ct.exists():
        return list(load_sources(ct)[:n])
    rng = random.Random(0)
    words = "russia whatsapp telegram users million blocked app state law court said government report".split()
    return [Source(id=f"g{i}", title="", text=" ".join(rng.choices(words, k=14)) + ".") for i in range(n)]


def synthetic_index(n_passages: int, dim: int) -> CorpusIndex:
    sources = corpus_sources(min(n_passages, 14000))
    texts = [s.text for s in sources]
    rows = tuple(
        Passage(f"p{i}#0", f"p{i}", texts[i % len(texts)], 0, len(texts[i % len(texts)])) for i in range(n_passages)
    )
    docs = {p.source_id: Source(id=p.source_id, title="", text=p.text) for p in rows}
    rng = np.random.default_rng(0)
    vectors = rng.standard_normal((n_passages, dim)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return CorpusIndex(docs, rows, vectors, {"passages": n_passages})


def lookup_latency(encoder: SentenceTransformerEncoder, n_passages: int, claims: list[str]) -> None:
    checker = Checker(synthetic_index(n_passages, 384), encoder)
    checker.lookup(claims[0])  # warm: BM25 and fuzzy caches built here
    times = [timed(checker.lookup, c)[1] * 1000 for c in claims]
    p50, p95 = statistics.median(times), statistics.quantiles(times, n=20)[18]
    print(f"lookup over {n_passages:>7} passages: p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  (target p50 <= 20 ms at 100k)")


def cold_start() -> None:
    exe = shutil.which("factcheck") or str(Path(sys.executable).parent / "factcheck")
    cmd = [exe, "lookup", "MAX has about 85 million users.", "--sources", str(ROOT / "sources"), "--format", "json"]
    subprocess.run(cmd, capture_output=True, check=True)  # the index exists after this
    start = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, check=True, text=True)
    wall = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    label = json.loads(out.stdout)["label"]
    print(f"cold start: `factcheck lookup` {wall:.2f} s wall ({label}); peak memory {peak_mb:.0f} MB")


def main() -> None:
    quick = "--quick" in sys.argv
    encoder = SentenceTransformerEncoder()
    print(f"machine: {os.cpu_count()} cores; torch threads {encoder.threads}; OMP_WAIT_POLICY passive")
    with tempfile.TemporaryDirectory() as tmp:
        checker = Checker.from_sources(ROOT / "sources", encoder=encoder, index_dir=tmp)
        annotate_vs_encode(checker, copies=4 if quick else 20, repeats=2 if quick else 5)
        stance_cost(checker, copies=4 if quick else 20, repeats=1 if quick else 3)
    build_vs_encode(encoder, 300 if quick else 2000)
    claims = [line["claim"] for line in map(json.loads, (ROOT / "claims" / "claim-set.jsonl").read_text().splitlines())]
    for n in (10_000, 100_000):
        lookup_latency(encoder, n, claims * (3 if quick else 10))
    cold_start()


if __name__ == "__main__":
    main()
