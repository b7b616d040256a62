import pytest

from factcheck import Checker, Settings
from factcheck.retrieve import content_words, fuse


def test_fuse_is_a_weighted_mean_in_unit_range() -> None:
    settings = Settings(dense_weight=0.6, fuzzy_weight=0.3, lexical_weight=0.1)
    assert fuse(1.0, 0.0, 0.0, settings=settings) == pytest.approx(0.6)
    assert fuse(0.0, 0.0, 1.0, settings=settings) == pytest.approx(0.1)
    assert fuse(0.5, 0.5, 0.5, settings=settings) == pytest.approx(0.5)
    assert 0.0 <= fuse(0.0, 0.0, 0.0, settings=settings) <= fuse(1.0, 1.0, 1.0, settings=settings) <= 1.0


def test_lexical_scores_are_relative_to_the_best_match(demo_checker: Checker) -> None:
    from factcheck.lexical import lexical_scores

    scores = lexical_scores("Snapchat FaceTime December", demo_checker.index)
    assert scores.max() == pytest.approx(1.0) and scores.min() >= 0.0
    best = demo_checker.index.passages[int(scores.argmax())]
    assert best.source_id == "newsrally-snapchat-facetime"
    assert lexical_scores("zzzz qqqq", demo_checker.index).max() == 0.0


def test_content_words_drop_stopwords() -> None:
    assert content_words("The app was blocked in Russia!") == "app blocked russia"


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        ("Snapchat was blocked in Russia in December 2025", "newsrally-snapchat-facetime"),
        ("Durov lives in Dubai", "ref-pavel-durov"),
        ("MAX copies the Chinese super app WeChat", "technobezz-telegram-max"),
        ("Peskov blamed Meta's refusal to follow Russian law", "reuters-whatsapp-block"),
    ],
)
def test_paraphrases_find_their_source(demo_checker: Checker, claim: str, source: str) -> None:
    verdict = demo_checker.lookup(claim)
    assert source in {e.source.id for e in verdict.evidence[:3]}
    matches = [e.match for e in verdict.evidence]
    assert matches == sorted(matches, reverse=True)  # listed by the re-ranker's match probability
    for e in verdict.evidence:
        assert 0.0 <= e.dense <= 1.0 and 0.0 <= e.fuzzy <= 1.0 and 0.0 <= e.score <= 1.0 and 0.0 <= e.match <= 1.0


def test_unrelated_claim_finds_no_evidence(demo_checker: Checker) -> None:
    verdict = demo_checker.lookup("The central bank raised interest rates to fight inflation in Brazil.")
    assert verdict.label.value == "not_enough_evidence"
    assert all(e.score < demo_checker.settings.support_threshold for e in verdict.evidence)


def test_a_quote_is_found_wherever_it_stands(demo_checker: Checker) -> None:
    verdict = demo_checker.lookup('Someone once said "Telegram stands for freedom of speech and privacy".')
    assert any(c.name == "quote_found" for c in verdict.rationale)
