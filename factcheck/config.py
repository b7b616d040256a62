"""Settings: every tunable number in one frozen record, loadable from TOML. No globals."""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError

DEFAULT_MODEL = "all-MiniLM-L6-v2"
SCORERS = ("mixed", "learned", "heuristic")


@dataclass(frozen=True)
class Settings:
    """Knobs of the pipeline. All scores and thresholds are in [0, 1].

    model: a sentence-transformers model name or path; the default is the packaged all-MiniLM-L6-v2.
    threads: torch CPU threads for encoding; 0 picks a default that does not oversubscribe the CPU.
    checkworthiness: how sentences are scored. "mixed" (default): the mean of the shipped learned
        scorer (trained on ClaimBuster and CheckThat! debates) and the hand-set score; "learned":
        the learned score alone, with its own threshold; "heuristic": the hand-set score alone.
        The learned scorer alone ranks benchmark sentences best but, trained on political speech,
        sets aside news claims the mix keeps (docs/benchmarks.md).
    checkworthiness_threshold: with "mixed" or "heuristic", sentences below it are set aside.
    top_k: evidence passages kept per claim.
    candidates: how many passages each retriever (dense, fuzzy) proposes before fusion.
    dense_weight / fuzzy_weight / lexical_weight: the fused score is the weighted mean of the dense,
        fuzzy and lexical scores. Fit on CheckThat! 2022 2A train queries (MAP@5); see
        docs/benchmarks.md for the command.
    rerank: order candidates by the shipped re-ranker's match probability (trained on CheckThat!
        2022 2A train queries) rather than by the fused score alone.
    stance: use the shipped stance model (factcheck.stance) where one is installed: it scores the
        claim against its top `stance_top_k` passages, and its "supports"/"refutes" decide the
        label where no deterministic check (numbers, dates, quotes, negation, scope) has.
    stance_threshold: probability from which the stance model's most likely stance counts (0.8:
        chosen on the even-numbered claims of Climate-FEVER dev among 0.5-0.9; docs/benchmarks.md).
    calibrate: map verdict confidence through the shipped calibration (factcheck.calibration).
    min_evidence: a passage whose fused score is below this is not evidence.
    support_threshold: fused score from which a passage alone can support a claim.
    same_statement: share of a claim's statement words (its content words outside figures and
        dates) a passage must hold to make the same statement: such a counterpart passage is where a
        differing specific contradicts, and whose clause's polarity, direction, superlative scope
        and causal roles are compared (chosen on the tune half of benchmarks/stories).
    """

    model: str = DEFAULT_MODEL
    threads: int = 0
    batch_size: int = 64
    checkworthiness: str = "mixed"
    checkworthiness_threshold: float = 0.5
    top_k: int = 5
    candidates: int = 50
    dense_weight: float = 1.0
    fuzzy_weight: float = 0.2
    lexical_weight: float = 0.3
    rerank: bool = True
    stance: bool = True
    stance_top_k: int = 3
    stance_threshold: float = 0.8
    calibrate: bool = True
    min_evidence: float = 0.45
    support_threshold: float = 0.62
    same_statement: float = 0.5

    def __post_init__(self) -> None:
        if self.checkworthiness not in SCORERS:
            raise InputError(f"checkworthiness {self.checkworthiness!r} is not one of {', '.join(SCORERS)}")

    def replace(self, **changes: Any) -> Settings:
        """A copy with some fields changed; unknown names raise InputError."""
        unknown = set(changes) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            raise InputError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **changes)

    @classmethod
    def from_toml(cls, path: str | Path) -> Settings:
        """Read a TOML file whose keys are field names (a [factcheck] table or top level)."""
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise InputError(f"{path}: cannot read settings: {exc}") from exc
        table = data.get("factcheck", data)
        return cls().replace(**table)
