import dataclasses
import datetime as dt
import math

import numpy as np
import pytest

from factcheck import Checker
from factcheck.errors import ModelError
from factcheck.normalise import social_date
from factcheck.rerank import FEATURES, Reranker, date_features, features, load_reranker


def test_date_features_measure_how_far_apart_two_known_dates_are() -> None:
    day = dt.date(2026, 2, 12)
    assert date_features(None, day) == (0.0, 0.0, 0.0)
    assert date_features(day, None) == (0.0, 0.0, 0.0)
    assert date_features(day, day) == (1.0, 1.0, 0.0)
    dated, near, far = date_features(day, day + dt.timedelta(days=90))
    assert (dated, far) == (1.0, 0.0) and near == pytest.approx(math.exp(-1))
    assert date_features(day, day - dt.timedelta(days=400))[2] == 1.0  # either direction


def test_features_are_one_row_per_candidate_with_gaps_to_the_best() -> None:
    scores = {3: (0.9, 0.5, 1.0), 1: (0.6, 0.8, 0.2)}
    fused = {3: 0.8, 1: 0.5}
    passages = ["", "russia blocked whatsapp", "", "whatsapp blocked russia thursday"]
    titles = ["", "", "", "whatsapp blocked"]
    rows, table = features(
        "russia blocked whatsapp", scores, fused, passages, titles, as_of=dt.date(2026, 2, 12), published=[None] * 4
    )
    assert rows == [1, 3] and table.shape == (2, len(FEATURES))
    by_name = {name: table[:, i] for i, name in enumerate(FEATURES)}
    assert list(by_name["dense_gap"]) == pytest.approx([-0.3, 0.0])
    assert list(by_name["fused_gap"]) == pytest.approx([-0.3, 0.0])
    assert by_name["partial"][0] == pytest.approx(1.0)  # the passage is the query
    assert by_name["title"][0] == 0.0  # no title
    assert list(by_name["dated"]) == [0.0, 0.0]  # passages undated


def test_the_shipped_reranker_scores_probabilities() -> None:
    model = load_reranker()
    assert model is not None and len(model.weights) == len(FEATURES)
    probabilities = model.score(np.random.default_rng(0).random((5, len(FEATURES)), dtype=np.float32))
    assert probabilities.shape == (5,) and ((probabilities >= 0) & (probabilities <= 1)).all()
    assert Reranker.from_json(model.to_json()).to_json() == model.to_json()


def test_an_unknown_reranker_format_is_refused() -> None:
    data = {**load_reranker().to_json(), "format": "something-else/9"}  # type: ignore[union-attr]
    with pytest.raises(ModelError, match="re-ranker format"):
        Reranker.from_json(data)


def test_without_reranking_match_is_the_fused_score(demo_checker: Checker) -> None:
    plain = dataclasses.replace(demo_checker, settings=demo_checker.settings.replace(rerank=False))
    verdict = plain.lookup("Russia blocked WhatsApp and urged people to use MAX")
    assert verdict.evidence and all(e.match == e.score for e in verdict.evidence)
    reranked = demo_checker.lookup("Russia blocked WhatsApp and urged people to use MAX")
    assert reranked.evidence and any(e.match != e.score for e in reranked.evidence)


@pytest.mark.parametrize(
    ("post", "date"),
    [
        ("Blocked! — Jane Doe (@jane) January 14, 2020", dt.date(2020, 1, 14)),
        ("Blocked! — Jane (@jane) Sept. 3, 2021", dt.date(2021, 9, 3)),
        ("Blocked! — Jane (@jane) Foo 3, 2021", None),
        ("Blocked, says Jane on January 14, 2020", None),  # a date in the text is not a signature
    ],
)
def test_social_date_reads_the_signature(post: str, date: dt.date | None) -> None:
    assert social_date(post) == date
