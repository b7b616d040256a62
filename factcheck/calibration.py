"""Calibrated confidence: Platt scaling of the verdict's raw confidence, fit on held-apart data.

`verify` scores its confidence from evidence strength and agreeing checks (a heuristic in [0, 1]).
Calibration maps it through sigmoid(a · confidence + b), fit so that, on the fitting data, a
verdict given confidence 0.8 is right about 80 % of the time. There is one (a, b) per label:
the raw confidence means different things for them (a supported verdict's is the evidence's
strength, a not-enough-evidence verdict's is its weakness), and one fit for all fits the mix of
labels it was fit on: a claim-level fit, mostly supported verdicts, miscalibrated the
single-passage verdicts, mostly not-enough-evidence ones (docs/benchmarks.md). The shipped fit
(`factcheck/data/calibration.json`, `benchmarks/calibrate.py`) uses the even-numbered claims of
Climate-FEVER dev; the odd-numbered ones measure it. It is fit on climate claims against
Wikipedia sentences, not on news: treat it as the best available, not as exact for every corpus.
Verdicts that a deterministic check decided (a figure, date, quote, negation or scope that
disagrees or agrees) keep verify's own confidence: such checks rarely fire on Climate-FEVER, so
the fit says nothing about them (verify.by_rules).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ._artifact import read_artifact
from .errors import ModelError

ARTIFACT = Path(__file__).parent / "data" / "calibration.json"
FORMAT = "factcheck-calibration-platt/2"


@dataclass(frozen=True)
class Platt:
    """sigmoid(a · confidence + b)."""

    a: float
    b: float

    def apply(self, confidence: float) -> float:
        return round(1.0 / (1.0 + math.exp(-(self.a * confidence + self.b))), 4)


MIN_CLAIMS = 30  # fewer verdicts of a label than this say too little to fit on


def fit_platt(confidence: Sequence[float], right: Sequence[bool]) -> Platt | None:
    """Platt scaling of one label's confidence, kept monotone: where the fit would rank the
    verdicts backwards (slope ≤ 0: on this data the confidence says nothing about being right),
    or all were right or all wrong, every verdict of the label gets its smoothed hit rate,
    (right + 1) / (n + 2). None under MIN_CLAIMS verdicts."""
    import numpy as np

    from .logistic import fit_logistic

    if len(right) < MIN_CLAIMS:
        return None
    hits = sum(right)
    if 0 < hits < len(right):
        x = np.asarray(confidence, dtype=np.float64)[:, None]
        weights, bias = fit_logistic(x, np.asarray(right, dtype=np.float64), l2=0.0, balanced=False)
        if weights[0] > 0:
            return Platt(float(weights[0]), bias)
    rate = (hits + 1) / (len(right) + 2)
    return Platt(0.0, math.log(rate / (1 - rate)))


@dataclass(frozen=True)
class Calibration:
    """A Platt fit per verdict label (Label values); labels without one keep their confidence."""

    by_label: Mapping[str, Platt]
    fit_on: str = ""

    def apply(self, confidence: float, label: str) -> float:
        fit = self.by_label.get(label)
        return fit.apply(confidence) if fit else confidence

    def to_json(self) -> dict[str, Any]:
        fits = {k: {"a": round(f.a, 6), "b": round(f.b, 6)} for k, f in sorted(self.by_label.items())}
        return {"format": FORMAT, "by_label": fits, "fit_on": self.fit_on}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Calibration:
        if data.get("format") != FORMAT:
            raise ModelError(f"unknown calibration format {data.get('format')!r}; refit with benchmarks/calibrate.py")
        try:
            fits = {str(k): Platt(float(v["a"]), float(v["b"])) for k, v in dict(data["by_label"]).items()}
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"calibration: malformed by_label ({exc}); refit with benchmarks/calibrate.py") from exc
        return cls(fits, str(data.get("fit_on", "")))


@lru_cache(maxsize=2)
def load_calibration(path: Path = ARTIFACT) -> Calibration | None:
    """The shipped calibration, or None where none is installed."""
    return read_artifact(path, Calibration.from_json, what="calibration")
