"""Fit the confidence calibration shipped as factcheck/data/calibration.json.

    .venv/bin/python benchmarks/calibrate.py

Platt scaling (factcheck.calibration), one fit per verdict label, of the claim-level verdict
confidence on the even-numbered claims of Climate-FEVER dev (a label with under MIN_CLAIMS verdicts
there is not fit; a fit that would rank its verdicts backwards becomes the label's hit rate) (read in place from
../shared/benchmarks/climate-fever/), with the shipped stance model on and no calibration; "right"
means the verdict's label matched the claim's. (The harness gives labels in Climate-FEVER's terms;
REFUTES is fit as contradicted: the other label it stands for, misleading, is always decided by a
deterministic check and never calibrated.)
Measure it on the odd-numbered claims:
`factcheck eval verdicts $B/climate-fever/climate-fever.dev.jsonl --part odd`.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from factcheck import Settings
from factcheck.benchdata import load_claim_evidence
from factcheck.calibration import ARTIFACT, MIN_CLAIMS, Calibration, Platt, fit_platt
from factcheck.embed import SentenceTransformerEncoder
from factcheck.evaluate import expected_calibration_error
from factcheck.harness import verdict_rows
from factcheck.models import Label

AS_VERDICT = {"SUPPORTS": Label.SUPPORTED, "REFUTES": Label.CONTRADICTED, "NOT_ENOUGH_INFO": Label.NOT_ENOUGH_EVIDENCE}

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
    labels = [AS_VERDICT[p] for p in predicted]
    fits: dict[str, Platt] = {}
    for label in sorted(set(labels)):
        rows = [i for i, name in enumerate(labels) if name == label]
        fit = fit_platt([confidence[i] for i in rows], [bool(r) for r in right[rows]])
        if fit is None:
            print(f"{label}: {len(rows)} claims, under {MIN_CLAIMS}: not fit, its confidence stays as verify gives it")
            continue
        fits[label] = fit
        print(f"{label}: {len(rows)} claims, {right[rows].mean():.2f} right; a {fit.a:.3f}, b {fit.b:.3f}")
    calibration = Calibration(fits, fit_on=f"Climate-FEVER dev even claims, claim level, n={len(right)}")
    calibrated = [calibration.apply(c, label) for c, label in zip(confidence, labels, strict=True)]
    before = expected_calibration_error(list(right.astype(bool)), confidence)
    after = expected_calibration_error(list(right.astype(bool)), calibrated)
    print(f"ECE on those claims {before:.3f} -> {after:.3f} (measure on the odd claims with factcheck eval verdicts)")
    ARTIFACT.write_text(json.dumps(calibration.to_json(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {ARTIFACT}")


if __name__ == "__main__":
    main()
