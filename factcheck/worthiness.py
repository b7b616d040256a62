"""A learned check-worthiness scorer: logistic regression over the sentence embedding and a few
hand features, trained on public check-worthiness data (benchmarks/train_checkworthiness.py).

The artifact is JSON (`factcheck/data/checkworthiness.json`, a few kilobytes): feature names, the
model id the embeddings came from, weights, bias, the decision threshold and how it was trained.
The score is a probability-like number in [0, 1]: higher means more likely check-worthy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from . import parse
from ._artifact import read_artifact
from .errors import ModelError
from .extract import ATTRIBUTION_RE, EVENT_RE, OPINION_RE
from .logistic import sigmoid

ARTIFACT = Path(__file__).parent / "data" / "checkworthiness.json"
FEATURES = (
    "quantities", "dates", "attributed_quotes", "attribution", "event",
    "entities", "hype", "opinion", "question", "words",
)  # fmt: skip


# The hype cues as the shipped scorer was trained on them (2026-11-28). extract.HYPE_RE has grown
# since for setting sentences aside; the scorer's input must not drift with it.
TRAINED_HYPE_RE = re.compile(
    r"(?i)\b(?:shockwaves?|bold|dramatic(?:ally)?|aggressive(?:ly)?|sweeping|stakes|unmistakable"
    r"|iron grip|lifeline|hangs? in the balance|one thing is certain|hard to ignore|clear message"
    r"|particularly significant|profound|intensifying|cold war|fortress|unprecedented|calculated"
    r"|as the world watches|not without risks|the challenge is clear|far beyond|escalation"
    r"|repression|authoritarianism|hardline|stifle dissent|slammed|explosive|jaw-dropping"
    r"|you won'?t believe|game[- ]changer|shocking|outrageous)\b"
)


def hand_features(sentence: str) -> np.ndarray:
    """The counts the heuristic scorer uses, capped and scaled to [0, 1]."""
    quotes = parse.quotes(sentence)
    values = (
        min(len(parse.quantities(sentence)), 2) / 2,
        min(len(parse.dates(sentence)), 2) / 2,
        float(any(q.speaker for q in quotes)),
        float(bool(ATTRIBUTION_RE.search(sentence))),
        float(bool(EVENT_RE.search(sentence))),
        min(len(parse.entities(sentence)), 4) / 4,
        min(len(TRAINED_HYPE_RE.findall(sentence)), 3) / 3,
        min(len(OPINION_RE.findall(sentence)), 2) / 2,
        float(sentence.rstrip().endswith("?")),
        min(len(sentence.split()), 60) / 60,
    )
    return np.asarray(values, dtype=np.float32)


@dataclass(frozen=True)
class WorthinessModel:
    """Logistic regression over [embedding, hand features]."""

    model_id: str
    weights: np.ndarray
    bias: float
    threshold: float
    trained_on: str = ""

    def score(self, vectors: np.ndarray, sentences: Sequence[str]) -> np.ndarray:
        """Scores in [0, 1], one per sentence; `vectors` are the sentences' embeddings."""
        if len(sentences) == 0:
            return np.zeros(0, dtype=np.float32)
        rows = np.hstack([vectors, np.stack([hand_features(s) for s in sentences])])
        return sigmoid(rows @ self.weights + self.bias)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": "factcheck-checkworthiness-logreg/1",
            "model_id": self.model_id,
            "features": ["embedding"] * (len(self.weights) - len(FEATURES)) + list(FEATURES),
            "weights": [round(float(w), 6) for w in self.weights],
            "bias": round(float(self.bias), 6),
            "threshold": self.threshold,
            "trained_on": self.trained_on,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> WorthinessModel:
        if data.get("format") != "factcheck-checkworthiness-logreg/1":
            raise ModelError(f"unknown check-worthiness model format {data.get('format')!r}")
        return cls(
            model_id=str(data["model_id"]),
            weights=np.asarray(data["weights"], dtype=np.float32),
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            trained_on=str(data.get("trained_on", "")),
        )


def mix(scorer: str, model: WorthinessModel | None, threshold: float) -> tuple[float, float]:
    """(weight of the learned score, threshold) for a scorer setting: "learned" alone uses the
    model's own threshold; "mixed" averages learned and hand-set scores under `threshold`."""
    if scorer == "learned" and model is not None:
        return 1.0, model.threshold
    return 0.5, threshold


@lru_cache(maxsize=2)
def load_model(path: Path = ARTIFACT) -> WorthinessModel | None:
    """The shipped scorer, or None where no artifact is installed."""
    return read_artifact(path, WorthinessModel.from_json, what="check-worthiness model")
