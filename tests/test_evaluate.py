"""Metrics against values worked out by hand."""

import pytest

from factcheck.evaluate import (
    average_precision,
    binary_prf,
    brier,
    classification_metrics,
    expected_calibration_error,
    ranking_average_precision,
    retrieval_metrics,
)


def test_average_precision_by_hand() -> None:
    # relevant at ranks 1 and 3: (1/1 + 2/3) / 2
    assert average_precision(["a", "x", "b", "y"], {"a", "b"}) == pytest.approx((1 + 2 / 3) / 2)
    # only the top 2 count, normalised by min(k, |relevant|) = 2: (1/1) / 2
    assert average_precision(["a", "x", "b"], {"a", "b"}, k=2) == pytest.approx(0.5)
    assert average_precision(["x", "y"], {"a"}) == 0.0


def test_retrieval_metrics_by_hand() -> None:
    run = {"q1": {"d1": 0.9, "d2": 0.8, "d3": 0.1}, "q2": {"d3": 0.5, "d1": 0.4}}
    qrels = {"q1": {"d2": 1}, "q2": {"d1": 1}, "q3": {"d9": 1}, "q4": {"d1": 0}}
    m = retrieval_metrics(run, qrels, ks=(1, 5))
    assert m["queries"] == 3  # q4 has no relevant document; q3 is missing from the run: a miss
    assert m["map@1"] == pytest.approx(0.0)
    assert m["map@5"] == pytest.approx((1 / 2 + 1 / 2 + 0) / 3)
    assert m["mrr"] == pytest.approx((1 / 2 + 1 / 2 + 0) / 3)
    assert m["recall@1"] == 0.0 and m["recall@5"] == pytest.approx(2 / 3)


def test_prf_and_ranking_map() -> None:
    assert binary_prf([True, True, False, False], [True, False, True, False]) == {
        "precision": 0.5,
        "recall": 0.5,
        "f1": 0.5,
    }
    assert binary_prf([False], [False]) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    # positives scored 0.9 and 0.2; ranking 0.9(+) 0.5(-) 0.2(+): (1 + 2/3) / 2
    assert ranking_average_precision([True, False, True], [0.9, 0.5, 0.2]) == pytest.approx((1 + 2 / 3) / 2)


def test_classification_metrics() -> None:
    gold = ["s", "s", "r", "n"]
    pred = ["s", "r", "r", "s"]
    m = classification_metrics(gold, pred, ["s", "r", "n"])
    assert m["accuracy"] == 0.5
    # s: p=1/2 r=1/2 f=1/2; r: p=1/2 r=1 f=2/3; n: 0
    assert m["f1"] == pytest.approx({"s": 0.5, "r": 2 / 3, "n": 0.0})
    assert m["macro_f1"] == pytest.approx((0.5 + 2 / 3) / 3)
    assert m["confusion"]["s"] == {"s": 1, "r": 1, "n": 0}


def test_calibration() -> None:
    assert brier([True, False], [1.0, 0.0]) == 0.0
    assert brier([True, False], [0.5, 0.5]) == pytest.approx(0.25)
    # bin 0.9x: conf 0.9, 0.9 with 1 of 2 right -> gap 0.4 on half the data; bin 0.1x: conf 0.1, wrong -> gap 0.1
    ece = expected_calibration_error([True, False, False, False], [0.9, 0.9, 0.1, 0.1])
    assert ece == pytest.approx(0.5 * 0.4 + 0.5 * 0.1)


def test_platt_scaling_on_held_out_half_fixes_overconfidence() -> None:
    from factcheck.harness import platt_held_out

    confidence = [0.9] * 200
    correct = [(i * 7) % 10 < 6 for i in range(200)]  # right 60% of the time, in both halves
    numbers = platt_held_out(correct, confidence)
    assert numbers["ece_before"] == pytest.approx(0.3, abs=0.01)
    assert numbers["ece_after"] == pytest.approx(0.0, abs=0.02)
    assert platt_held_out([True, True], [0.5, 0.6]) == {}


def test_platt_fit_per_label_is_monotone_and_needs_enough_verdicts() -> None:
    import math

    from factcheck.calibration import MIN_CLAIMS, fit_platt

    assert fit_platt([0.9] * (MIN_CLAIMS - 1), [True] * (MIN_CLAIMS - 1)) is None  # too few to say
    # higher confidence, more often right: a rising curve
    confidence = [i / 40 for i in range(40)]
    right = [i % 4 != 0 if i >= 20 else i % 4 == 0 for i in range(40)]
    fit = fit_platt(confidence, right)
    assert fit is not None and fit.a > 0 and fit.apply(0.9) > fit.apply(0.1)
    # confidence that ranks verdicts backwards is not trusted: every verdict gets the hit rate
    backwards = fit_platt(confidence, [not r for r in right])
    assert backwards is not None and backwards.a == 0.0
    assert math.isclose(backwards.apply(0.2), (sum(not r for r in right) + 1) / 42, abs_tol=1e-4)
    # all right: the smoothed rate, not a certainty
    always = fit_platt([0.5] * 40, [True] * 40)
    assert always is not None and always.a == 0.0 and always.apply(0.5) == round(41 / 42, 4)
