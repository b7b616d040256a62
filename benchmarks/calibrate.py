"""Fit the confidence calibration shipped as factcheck/data/calibration.json.

    .venv/bin/python benchmarks/calibrate.py

Platt scaling (factcheck.calibration) of the claim-level verdict confidence on the even-numbered
claims of Climate-FEVER dev (read in place from ../shared/benchmarks/climate-fever/), with the
shipped stance model on and no calibration; "right" means the verdict's label matched the claim's.
Measure it on the odd-numbered claims:
`factcheck eval verdicts $B/climate-fever/climate-fever.dev.jsonl --part odd`.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from factcheck import Settings
from factcheck.benchdata import load_claim_evidence
from factcheck.calibration import ARTIFACT, Calibration
from factcheck.embed import SentenceTransformerEncoder
from factcheck.evaluate import expected_calibration_error
from factcheck.harness import verdict_rows
from factcheck.logistic import fit_logistic

DATA = (
    Path(__file__).resolve().parent.parent.parent
    / "shared"
    / "benchmarks"
    / "climate-fever"
    / "climate-fever.dev.jsonl"
)


def main() -> None:
    records = load_claim_evidence(DATA)[0::2]
    _, (gold, predicted, confidence) = verdict_rows(
        records, encoder=SentenceTransformerEncoder(), settings=Settings(calibrate=False)
    )
    right = np.asarray([g == p for g, p in zip(gold, predicted, strict=True)], dtype=np.float64)
    x = np.asarray(confidence, dtype=np.float64)[:, None]
    weights, bias = fit_logistic(x, right, l2=0.0, balanced=False)
    calibration = Calibration(
        float(weights[0]), bias, fit_on=f"Climate-FEVER dev even claims, claim level, n={len(right)}"
    )
    calibrated = [calibration.apply(c) for c in confidence]
    before = expected_calibration_error(list(right.astype(bool)), confidence)
    after = expected_calibration_error(list(right.astype(bool)), calibrated)
    print(f"fit on {len(right)} claims: a {calibration.a:.3f}, b {calibration.b:.3f}")
    print(f"ECE on those claims {before:.3f} -> {after:.3f} (measure on the odd claims with factcheck eval verdicts)")
    ARTIFACT.write_text(json.dumps(calibration.to_json(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {ARTIFACT}")


if __name__ == "__main__":
    main()
