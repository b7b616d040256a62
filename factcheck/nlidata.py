"""Claim/evidence pairs with a stance label, read in place from the public NLI and fact-verification
sets in `../shared/benchmarks/nli/` (see its PROVENANCE.md). Labels are mapped to three:

    supports   entailment, SUPPORTS, supported
    refutes    contradiction, REFUTES (and FEVER-RTE's not_entailment, which is REFUTES there)
    nei        neutral, not-enough-info, WiCE's not_supported

In NLI sets the premise is the evidence and the hypothesis the claim. Which sets may train a model
that ships is `TRAINABLE` (their licences allow it); the others are for evaluation only.
"""

from __future__ import annotations

import ast
import csv
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .models import STANCE_LABELS

LABELS = STANCE_LABELS
TRAINABLE = ("snli", "cad-snli", "taxinli-mnli", "fever-rte", "fever-symmetric", "fm2", "wice")
EVALUATION_ONLY = ("healthver", "sick", "covidfact", "rte")
_MAP = {
    "entailment": "supports", "supports": "supports", "supported": "supports",
    "contradiction": "refutes", "refutes": "refutes", "not_entailment": "refutes", "refuted": "refutes",
    "neutral": "nei", "not enough info": "nei", "not_enough_info": "nei", "nei": "nei", "not_supported": "nei",
}  # fmt: skip
csv.field_size_limit(2**24)  # WiCE and FM2 carry whole documents in one field


@dataclass(frozen=True)
class Pair:
    """One claim/evidence pair and its stance; `group` ties pairs that share a claim (for splits)."""

    claim: str
    evidence: str
    label: str
    source: str
    group: str = ""


def label_of(raw: str, *, where: str) -> str:
    try:
        return _MAP[raw.strip().lower()]
    except KeyError:
        raise InputError(f"{where}: unknown stance label {raw!r}") from None


def _tsv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def _jsonl(path: Path) -> Iterator[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _clean(text: str) -> str:
    """FEVER's PTB tokens back to text: -LRB- → (, `` → ", " ," → ","."""
    for token, char in (("-LRB-", "("), ("-RRB-", ")"), ("-LSB-", "["), ("-RSB-", "]"), ("``", '"'), ("''", '"')):
        text = text.replace(token, char)
    for punct in (" ,", " .", " ;", " :", " 's", " n't", " %"):
        text = text.replace(punct, punct.strip())
    return " ".join(text.replace("( ", "(").replace(" )", ")").split())


def nli_tsv(path: Path, premise: str, hypothesis: str, label: str, *, source: str) -> Iterator[Pair]:
    for number, row in enumerate(_tsv(path), start=2):
        if row.get(label) in (None, "", "-"):
            continue
        yield Pair(
            row[hypothesis], row[premise], label_of(row[label], where=f"{path}:{number}"), source, row[hypothesis]
        )


def snli(root: Path) -> Iterator[Pair]:
    for split in ("dev", "test"):
        yield from nli_tsv(root / "snli" / f"snli_{split}.tsv", "premise", "hypothesis", "label", source="snli")


def cad_snli(root: Path) -> Iterator[Pair]:
    for variant in ("original", "revised_combined"):
        for split in ("train", "dev", "test"):
            path = root / "cad-snli" / variant / f"{split}.tsv"
            yield from nli_tsv(path, "sentence1", "sentence2", "gold_label", source="cad-snli")


def taxinli(root: Path) -> Iterator[Pair]:
    yield from nli_tsv(root / "taxinli-mnli" / "taxinli10k.tsv", "prem", "hyp", "label", source="taxinli-mnli")


def fever_rte(root: Path) -> Iterator[Pair]:
    for pair in nli_tsv(root / "fever-rte" / "fever_rte_dev.tsv", "evidence", "claim", "label", source="fever-rte"):
        yield Pair(_clean(pair.claim), _clean(pair.evidence), pair.label, pair.source, _clean(pair.claim))


def fever_symmetric(root: Path, *, split: str) -> Iterator[Pair]:
    """v0.1 `full`/`generated` (training) or v0.2 `dev`/`test` (evaluation)."""
    version = "symmetric_v0.2" if split in ("dev", "test") else "symmetric_v0.1"
    for row in _jsonl(root / "fever-symmetric" / version / f"fever_symmetric_{split}.jsonl"):
        claim, evidence = _clean(str(row["claim"])), _clean(str(row.get("evidence") or row.get("evidence_sentence")))
        yield Pair(claim, evidence, label_of(str(row["label"]), where=str(row["id"])), "fever-symmetric", claim)


def fever_nei(root: Path, *, claims: int = 6000, seed: int = 0) -> Iterator[Pair]:
    """Claim-style not-enough-info pairs for FEVER claims: the evidence sentence of another claim
    that BM25 ranks closest to this claim (the same page or topic, so on topic), kept only where it
    is not a near copy of the claim's own evidence and holds under half of the claim's content
    words (FEVER mutates claims from one sentence, so a sentence that restates the claim often
    decides it)."""
    import bm25s
    from rapidfuzz import fuzz

    pairs = list(fever_rte(root))
    texts = sorted({p.evidence for p in pairs})
    model = bm25s.BM25()
    model.index(bm25s.tokenize(texts, stopwords="en", show_progress=False), show_progress=False)
    chosen = random.Random(seed).sample(pairs, min(claims, len(pairs)))
    query = bm25s.tokenize([p.claim for p in chosen], stopwords="en", show_progress=False)
    hits, _ = model.retrieve(query, k=5, show_progress=False)
    for pair, row in zip(chosen, hits, strict=True):
        for index in row:
            text = texts[int(index)]
            if text != pair.evidence and fuzz.ratio(text, pair.evidence) < 70 and _shared(pair.claim, text) < 0.5:
                yield Pair(pair.claim, text, "nei", "fever-nei", pair.claim)
                break


def _shared(claim: str, text: str) -> float:
    """Share of the claim's content words (retrieve.content_words) that the text holds too."""
    from .retrieve import content_words

    words, theirs = set(content_words(claim).split()), set(content_words(text).split())
    return len(words & theirs) / len(words) if words else 0.0


def fm2(root: Path, *, nei_per_claim: int = 1) -> Iterator[Pair]:
    """Gold evidence with the claim's label, and claim-style not-enough-info pairs: a sentence the
    retriever found on the claim's own Wikipedia page that is not gold evidence (on topic, but not
    what decides the claim)."""
    for split in ("dev", "test"):
        for row in _jsonl(root / "fm2" / f"{split}.jsonl"):
            claim, label = str(row["text"]), label_of(str(row["label"]), where=str(row["id"]))
            gold = [str(e["text"]) for e in ast.literal_eval(str(row["gold_evidence"]))]
            for text in gold:
                yield Pair(claim, text, label, "fm2", claim)
            retrieved = [str(e["text"]) for e in ast.literal_eval(str(row["retrieved_evidence"]))]
            others = [t for t in retrieved if t not in gold and len(t.split()) >= 6]
            for text in random.Random(str(row["id"])).sample(others, min(nei_per_claim, len(others))):
                yield Pair(claim, text, "nei", "fm2", claim)


def wice(root: Path) -> Iterator[Pair]:
    """Supported claims with their supporting sentences joined; not_supported claims with the first
    sentences of their document (NEI: the document does not support them). partially_supported
    claims are left out: part supported, part not, they fit none of the three labels."""
    for split in ("dev", "test"):
        for row in _jsonl(root / "wice" / "claim" / f"{split}.jsonl"):
            label = str(row["label"])
            if label == "partially_supported":
                continue
            claim = str(row["claim"])
            sentences = [str(s) for s in ast.literal_eval(str(row["evidence"]))]
            chosen = ast.literal_eval(str(row["supporting_sentences"]))
            picked = sorted({i for group in chosen for i in group})[:4] if label == "supported" else []
            text = " ".join(sentences[i] for i in picked if i < len(sentences)) or " ".join(sentences[1:4])
            if text.strip():
                yield Pair(claim, text[:1500], label_of(label, where=str(row["meta"])[:40]), "wice", claim)


def healthver(root: Path, *, split: str) -> Iterator[Pair]:
    with (root / "healthver" / f"healthver_{split}.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            yield Pair(
                row["claim"], row["evidence"], label_of(row["label"], where=f"healthver {row['id']}"), "healthver"
            )


def evaluation_claims(root: Path) -> set[str]:
    """The fever-symmetric v0.2 claims: evaluation data, never trained on (nor generated from)."""
    return {p.claim for split in ("dev", "test") for p in fever_symmetric(root, split=split)}


def training_pairs(root: Path) -> list[Pair]:
    """Every pair of the sets that may train a shipped model, fever-symmetric v0.2 claims removed
    (they are evaluation data)."""
    held = evaluation_claims(root)
    pairs = [
        *snli(root), *cad_snli(root), *taxinli(root), *fever_rte(root),
        *(p for split in ("full", "generated") for p in fever_symmetric(root, split=split)),
        *fever_nei(root), *fm2(root), *wice(root),
    ]  # fmt: skip
    return [p for p in pairs if p.claim not in held and p.claim.strip() and p.evidence.strip()]


def split_held_out(pairs: list[Pair], *, share: float = 0.05, seed: int = 0) -> tuple[list[Pair], list[Pair]]:
    """(train, held out): whole claim groups go to one side, so no claim is in both."""
    groups = sorted({p.group or p.claim for p in pairs})
    held = set(random.Random(seed).sample(groups, int(len(groups) * share)))
    return [p for p in pairs if (p.group or p.claim) not in held], [p for p in pairs if (p.group or p.claim) in held]
