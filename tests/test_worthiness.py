"""The learned check-worthiness scorer: artifact, fitting, and its place in the pipeline."""

import dataclasses
import json

import numpy as np
import pytest

from factcheck import Checker, Settings
from factcheck.harness import checkworthiness_scores
from factcheck.logistic import fit_logistic
from factcheck.worthiness import ARTIFACT, FEATURES, WorthinessModel, hand_features, load_model


def test_shipped_artifact_is_small_json_for_the_default_model() -> None:
    assert ARTIFACT.stat().st_size < 100_000
    data = json.loads(ARTIFACT.read_text(encoding="utf-8"))
    model = load_model()
    assert model is not None and model.model_id == "sentence-transformers/all-MiniLM-L6-v2"
    assert len(model.weights) == 384 + len(FEATURES) and 0.0 < model.threshold < 1.0
    assert WorthinessModel.from_json(model.to_json()).to_json() == data | {"weights": model.to_json()["weights"]}
    assert "benchmarks/train_checkworthiness.py" in model.trained_on


def test_fit_logistic_separates_a_toy_problem() -> None:
    rng = np.random.default_rng(1)
    x = rng.normal(size=(200, 3))
    y = (x[:, 0] + 0.5 * x[:, 1] > 0).astype(float)
    w, b = fit_logistic(x, y, l2=0.1)
    accuracy = (((x @ w + b) > 0) == (y > 0)).mean()
    assert accuracy > 0.95 and w[0] > w[2]


def test_hand_features_are_in_unit_range() -> None:
    f = hand_features('Peskov said: "We blocked 3 apps in 2025, not 4." Is that so?')
    assert f.shape == (len(FEATURES),) and f.min() >= 0.0 and f.max() <= 1.0


def test_learned_scores_rank_claims_above_chatter(encoder) -> None:  # type: ignore[no-untyped-def]
    sentences = [
        "Unemployment fell to 4.1 percent in March, the lowest in a decade.",
        "Thank you all for coming tonight.",
    ]
    (claim, _), (chatter, _) = checkworthiness_scores(sentences, threshold=0.5, scorer="learned", encoder=encoder)
    assert claim > chatter
    mixed = checkworthiness_scores(sentences, threshold=0.5, scorer="mixed", encoder=encoder)
    heuristic = checkworthiness_scores(sentences, threshold=0.5)
    assert mixed[0][1] and not mixed[1][1] and heuristic[0][0] != mixed[0][0]


def test_scorer_settings_choose_the_checker_scorer(demo_checker: Checker) -> None:
    assert demo_checker.worthiness is not None  # the default is mixed
    plain = dataclasses.replace(demo_checker, settings=Settings(checkworthiness="heuristic"), worthiness=None)
    assert plain.worthiness is None
    text = "Telegram has about 60 million daily users in Russia. The stakes could not be higher."
    for checker in (demo_checker, plain):
        labels = [v.label.value for v in checker.check(text).verdicts]
        assert labels == ["supported", "not_checkable"]


def test_other_encoders_fall_back_to_the_hand_set_score(demo_checker: Checker) -> None:
    from factcheck.pipeline import learned_scorer

    class Other:
        model_id = "some/other-model"

    assert learned_scorer(Settings(), Other()) is None  # type: ignore[arg-type]
    assert learned_scorer(Settings(checkworthiness="heuristic"), demo_checker.encoder) is None
    with pytest.raises(Exception, match="needs the shipped model and an encoder"):
        checkworthiness_scores(["x y z w"], threshold=0.5, scorer="learned")


def test_an_unknown_scorer_name_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from factcheck import InputError

    with pytest.raises(InputError, match="'learnt' is not one of mixed, learned, heuristic"):
        Settings(checkworthiness="learnt")
    config = tmp_path / "s.toml"
    config.write_text('[factcheck]\ncheckworthiness = "learnt"\n', encoding="utf-8")
    with pytest.raises(InputError, match="learnt"):
        Settings.from_toml(config)
