"""Real fact-checkers' claims against real fact-check evidence: LIAR-PLUS (Alhindi et al., 2018).

Each record is a PolitiFact claim with its truth rating and the justification the fact-checker
wrote. The justifications of a split are pooled as one corpus (one source each, analysed and
indexed like any corpus); every claim is looked up against the whole pool, as a journalist would
look a claim up, and its verdict is scored against the rating:

    true, mostly-true         the claim holds: `supported` is right
    false, pants-fire         the claim is false: `contradicted` or `misleading` is right
    half-true, barely-true    mixed: left out of precision; reported as a label distribution

precision   of decisive verdicts (supported, contradicted, misleading) on the clear-cut claims, the
            share that is right; coverage: the share of clear-cut claims that got one
majority    always guessing the more common clear-cut side: precision = that side's share,
            coverage 1

The data is research-only: it is read from its path and never copied into the project or trained on.
"""

from __future__ import annotations

import dataclasses
import json
import re
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError
from .evaluate import rate
from .extract import claim_of_text
from .index import open_index
from .models import Label
from .pipeline import Checker

HOLDS = frozenset({"true", "mostly-true"})
FALSE = frozenset({"false", "pants-fire"})
MIXED = frozenset({"half-true", "barely-true"})
DECISIVE = frozenset({Label.SUPPORTED, Label.CONTRADICTED, Label.MISLEADING})


@dataclass(frozen=True)
class Rated:
    """One fact-checked claim: its id, text, rating and the fact-checker's justification."""

    id: str
    claim: str
    rating: str
    justification: str


def load_liar(path: Path) -> list[Rated]:
    """LIAR-PLUS as JSON Lines (id, label, claim, justification); a bad line is an InputError
    naming the file and line."""
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc}); give the LIAR-PLUS val2.jsonl file") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            rating = str(record["label"])
            rows.append(Rated(str(record["id"]), str(record["claim"]), rating, str(record["justification"])))
        except (ValueError, KeyError, TypeError) as exc:
            need = "id, label, claim, justification"
            raise InputError(f"{path}:{n}: not a LIAR-PLUS record ({exc}); need {need}") from exc
        if rating not in HOLDS | FALSE | MIXED:
            raise InputError(f"{path}:{n}: unknown rating {rating!r}")
    return rows


SAYS_RE = re.compile(r"^Says(?: that)?\s+(?=\S)")


def statement_of(claim: str) -> str:
    """The claim without PolitiFact's leading 'Says' (its way of writing 'the speaker said that'):
    what is checked is what was said, not that it was said."""
    rest = SAYS_RE.sub("", claim.strip(), count=1)
    return rest[:1].upper() + rest[1:] if rest else claim


def write_corpus(rows: Sequence[Rated], path: Path) -> None:
    """The justifications as a JSON Lines corpus, one source each (empty ones left out)."""
    with path.open("w", encoding="utf-8") as out:
        for r in rows:
            if r.justification.strip():
                record = {"id": f"liar-{r.id}", "text": r.justification.strip(), "publisher": "PolitiFact"}
                out.write(json.dumps({**record, "kind": "fact_check"}) + "\n")


@dataclass(frozen=True)
class Looked:
    rated: Rated
    label: Label
    confidence: float
    own_evidence: bool  # the claim's own justification was among its evidence


def run_liar(rows: Sequence[Rated], checker: Checker) -> list[Looked]:
    """Every claim looked up against the pooled justifications of all `rows`."""
    with tempfile.TemporaryDirectory(prefix="factcheck-liar-") as tmp:
        corpus = Path(tmp) / "justifications.jsonl"
        write_corpus(rows, corpus)
        index = open_index(corpus, checker.encoder, directory=Path(tmp) / "index", analyser=checker.analyser)
        checker = dataclasses.replace(checker, index=index)
        claims = [claim_of_text(statement_of(r.claim), analyser=checker.analyser) for r in rows]
        verdicts = checker.verdicts(claims, as_of=[None] * len(claims))
    return [
        Looked(r, v.label, v.confidence, any(e.source.id == f"liar-{r.id}" for e in v.evidence))
        for r, v in zip(rows, verdicts, strict=True)
    ]


def _right(x: Looked) -> bool:
    if x.rated.rating in HOLDS:
        return x.label is Label.SUPPORTED
    return x.label in (Label.CONTRADICTED, Label.MISLEADING)


def score(looked: Sequence[Looked]) -> dict[str, Any]:
    """Precision and coverage of decisive verdicts on clear-cut claims, next to the majority guess."""
    clear = [x for x in looked if x.rated.rating in HOLDS | FALSE]
    decisive = [x for x in clear if x.label in DECISIVE]
    said_supported = [x for x in clear if x.label is Label.SUPPORTED]
    said_false = [x for x in clear if x.label in (Label.CONTRADICTED, Label.MISLEADING)]
    holds = sum(x.rated.rating in HOLDS for x in clear)
    majority = max(holds, len(clear) - holds)
    mixed = Counter(x.label.value for x in looked if x.rated.rating in MIXED)
    return {
        "claims": len(looked),
        "clear_cut": len(clear),
        "decisive_precision": rate(sum(_right(x) for x in decisive), len(decisive)),
        "decisive_coverage": rate(len(decisive), len(clear)),
        "decisive": len(decisive),
        "supported_precision": rate(sum(x.rated.rating in HOLDS for x in said_supported), len(said_supported)),
        "supported": len(said_supported),
        "contradicted_precision": rate(sum(x.rated.rating in FALSE for x in said_false), len(said_false)),
        "contradicted": len(said_false),
        "majority_guess": f"{'supported' if holds >= len(clear) - holds else 'contradicted'}: "
        f"precision {rate(majority, len(clear))}, coverage 1.0",
        "own_justification_retrieved": rate(sum(x.own_evidence for x in looked), len(looked)),
        "labels_on_mixed": dict(sorted(mixed.items())),
        "labels_by_rating": _by_rating(looked),
    }


def _by_rating(looked: Sequence[Looked]) -> dict[str, str]:
    table: dict[str, Counter[str]] = {}
    for x in looked:
        table.setdefault(x.rated.rating, Counter())[x.label.value] += 1
    return {rating: ", ".join(f"{k} {v}" for k, v in sorted(c.items())) for rating, c in sorted(table.items())}
