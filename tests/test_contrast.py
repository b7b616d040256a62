"""The contrastive pair generators (factcheck.contrast) on real sentences with spaCy's real
English pipeline: each kind makes the pair it promises, with the label it promises, or nothing."""

from __future__ import annotations

import random

import pytest

from factcheck import contrast
from factcheck.mentions import _load_spacy
from factcheck.nlidata import Pair

NLP = _load_spacy()


def made(kind: str, claim: str, evidence: str, *, seed: str = "s") -> list[Pair]:
    parsed = contrast.Parsed(Pair(claim, evidence, "supports", "test", claim), NLP(claim))
    pools = contrast.Pools({"GPE": ("Lisbon", "Oslo"), "PERSON": ("Ada Lovelace",), "ORG": ("Reuters",)})
    return contrast.GENERATORS[kind](parsed, random.Random(seed), pools)


POPULATION = ("The town had a population of 283 in 2005.", "As of 2005, the town's population was 283.")


def test_a_changed_figure_refutes_and_the_year_is_left_to_its_own_kind() -> None:
    (pair,) = made("figure", *POPULATION)
    assert pair.label == "refutes" and "283" not in pair.claim and "2005" in pair.claim
    (pair,) = made("year", *POPULATION)
    assert pair.label == "refutes" and "2005" not in pair.claim and "283" in pair.claim


def test_only_a_specific_the_evidence_states_is_changed() -> None:
    # the evidence does not give the year: changing it would not make a refuted pair
    assert made("year", "The bridge opened in 1932.", "The bridge opened to traffic.") == []


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("Tyler Perry is a comedian.", "Tyler Perry is not a comedian."),
        ("The team won the final.", "The team did not win the final."),
        ("The council did not approve the plan.", "The council did approve the plan."),
    ],
)
def test_negation_flips_the_claim(claim: str, expected: str) -> None:
    (pair,) = made("negation", claim, "evidence text")
    assert (pair.claim, pair.label) == (expected, "refutes")


def test_a_place_is_swapped_for_another_place_not_in_the_evidence() -> None:
    (pair,) = made("place", "The summit was held in Paris.", "Leaders met in Paris for the summit.")
    assert pair.claim in ("The summit was held in Lisbon.", "The summit was held in Oslo.")
    assert pair.label == "refutes"


def test_direction_and_superlative_words_are_reversed() -> None:
    (pair,) = made("direction", "Shares rose after the report.", "Shares rose 4% after the report.")
    assert pair.claim in ("Shares fell after the report.", "Shares rose before the report.")
    (pair,) = made("superlative", "It is the largest lake in Africa.", "Lake Victoria is Africa's largest lake.")
    assert pair.claim == "It is the smallest lake in Africa." and pair.label == "refutes"


def test_paraphrases_stay_supported() -> None:
    (pair,) = made("word_number", "The band had 5 members at the start.", "It began with 5 members.")
    assert (pair.claim, pair.label) == ("The band had five members at the start.", "supports")
    (pair,) = made("lower_bound", "The films grossed $873 million worldwide.", "They grossed $873 million in all.")
    assert pair.label == "supports" and "$800 million" in pair.claim
    assert any(q in pair.claim for q in ("more than $800", "over $800", "upwards of $800"))
    (pair,) = made("date_less_detail", "She was born on March 5, 2001 in Ohio.", "Born March 5, 2001, in Ohio.")
    assert (pair.claim, pair.label) == ("She was born in 2001 in Ohio.", "supports")


def test_a_number_that_names_something_is_not_rounded() -> None:
    # 'top 10' and 'Dirty 30' are names and ranks, not counts: no approximate paraphrase of them
    assert made("approximate", "It reached the top 10 list in May.", "It reached the top 10 list.") == []
    assert made("approximate", "Dirty 30 is a season of The Challenge.", "Dirty 30 is its 30th season.") == []


def test_speech_about_a_claim_is_not_support_and_a_debunk_refutes() -> None:
    claim, evidence = "Paris is the capital of France.", "Paris is France's capital city."
    (reported,) = made("reported", claim, evidence)
    assert reported.label == "nei" and reported.claim == claim and "Paris is the capital of France" in reported.evidence
    (debunked,) = made("debunked", claim, evidence)
    assert debunked.label == "refutes" and "Paris is the capital of France" in debunked.evidence
    (confirmed,) = made("confirmed", claim, evidence)
    assert confirmed.label == "supports"


def test_a_report_then_the_fact_refutes_the_changed_claim_and_supports_the_original() -> None:
    refuted, supported = made("report_then_fact", *POPULATION)
    assert refuted.label == "refutes" and refuted.claim != POPULATION[0]
    assert supported.label == "supports" and supported.claim == POPULATION[0]
    assert refuted.evidence == supported.evidence and refuted.evidence.endswith(POPULATION[1])
    assert refuted.claim.rstrip(".").lower() in refuted.evidence.lower()


def test_generation_is_deterministic_and_held_out_kinds_never_reach_training() -> None:
    base = [
        (*POPULATION, "supports"),
        ("The summit was held in Paris in March 2019.", "Leaders met in Paris in March 2019.", "supports"),
        ("Reuters reported 40 arrests.", "Reuters said police made 40 arrests.", "supports"),
        ("It is not a claim.", "x", "refutes"),  # only supported pairs are a base
    ]
    base = [Pair(claim, evidence, label, "test", claim) for claim, evidence, label in base]
    first, second = contrast.generate(base, nlp=NLP), contrast.generate(base, nlp=NLP)
    assert first == second and first
    assert {p.group for p in first} <= {p.claim for p in base[:3]}
    trainable, held = contrast.split_kinds(first)
    assert not {contrast.kind_of(p) for p in trainable} & contrast.HELD_OUT_KINDS
    assert all(contrast.kind_of(p) in contrast.HELD_OUT_KINDS for p in held)
