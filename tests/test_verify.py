"""Verify is pure: these tests build claims and evidence by hand, their mentions read by the real
spaCy pipeline (factcheck.mentions), with no embedding or stance model."""

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import Article, Evidence, Label, Passage, Settings, Source, extract
from factcheck.agreement import agree, comparable
from factcheck.extract import claim_of_text
from factcheck.mentions import Analyser
from factcheck.verify import same_speaker, verify

DAY = dt.date(2026, 2, 12)
SETTINGS = Settings()
ANALYSER = Analyser()  # the real spaCy pipeline, loaded once for the module


def claim_of(text: str):  # type: ignore[no-untyped-def]
    return claim_of_text(text, as_of=DAY, analyser=ANALYSER)


def evidence(text: str, *, dense: float = 0.8, fuzzy: float = 0.8, published: dt.date | None = DAY) -> Evidence:
    source = Source(id="s", title="t", text=text, url="https://example.org/s", published=published)
    passage = Passage("s#0", "s", text, 0, len(text), ANALYSER.analyse(text, reference=published))
    return Evidence(passage, source, dense, fuzzy, fuzzy, 0.6 * dense + 0.4 * fuzzy)


def figure(text: str):  # type: ignore[no-untyped-def]
    (m,) = [m for m in ANALYSER.analyse(text, reference=DAY) if m.kind in ("number", "date", "duration")]
    return m


@pytest.mark.parametrize(
    ("claim", "found", "agrees"),
    [
        ("over 100 million users", "about 100 million users", True),
        ("over 100 million users", "60 million users", False),
        ("about 55 million users", "about 55 million users", True),
        ("about 85 million users", "about 100 million users", False),
        ("60 million users", "60 million users", True),
        ("60 million users", "61 million users", False),
        ("nearly 3,000 users", "2,977 users", True),
        ("under 10 users", "9 users", True),
        ("under 10 users", "12 users", False),
        ("about two weeks", "14 days", True),
        ("six to ten hours", "eight hours", True),
        ("six to ten hours", "two days", False),
    ],
)
def test_figures_agree_reading_qualifiers_ranges_and_units(claim: str, found: str, agrees: bool) -> None:
    a, b = figure(f"They counted {claim} in all."), figure(f"They counted {found} in all.")
    assert comparable(a, b) and agree(a, b) is agrees


def test_dates_agree_as_far_as_the_claim_says() -> None:
    aug = figure("It happened in August 2025.")
    assert agree(aug, figure("It happened on 1 August 2025."))
    assert not agree(aug, figure("It happened in 2025."))  # the month is not borne out
    assert not agree(aug, figure("It happened in October 2025."))


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Dmitry Peskov", "Peskov", True),
        ("WhatsApp spokesperson", "WhatsApp", True),
        ("Dmitry Peskov", "Durov", False),
        ("the spokesperson", "a spokesperson", False),
    ],
)
def test_same_speaker(a: str, b: str, same: bool) -> None:
    assert same_speaker(a, b) is same


def test_number_mismatch_contradicts_with_the_evidence_that_shows_it() -> None:
    verdict = verify(
        claim_of("MAX has about 85 million users."),
        [evidence("MAX is modelled on WeChat, and it has about 55 million users.")],
        as_of=DAY,
        settings=SETTINGS,
    )
    assert verdict.label is Label.CONTRADICTED
    (check,) = [c for c in verdict.rationale if c.name == "number_mismatch"]
    assert verdict.evidence[check.evidence].passage.text.endswith("about 55 million users.")  # type: ignore[index]


def test_a_figure_about_another_subject_never_supports() -> None:
    verdict = verify(
        claim_of("MAX has about 85 million users."),
        [evidence("WhatsApp has about 85 million users.", dense=0.5, fuzzy=0.5)],
        as_of=DAY,
        settings=SETTINGS,
    )
    assert verdict.label is not Label.SUPPORTED
    assert any(c.name == "organisation_mismatch" and "WhatsApp" in c.detail for c in verdict.rationale)


def test_misattributed_quote() -> None:
    verdict = verify(
        claim_of('Dmitry Peskov said: "Restricting citizens\' freedom is never the right answer."'),
        [evidence('Durov said: "Restricting citizens\' freedom is never the right answer."')],
        as_of=DAY,
        settings=SETTINGS,
    )
    assert verdict.label is Label.CONTRADICTED
    assert any(c.name == "quote_misattributed" and "Durov" in c.detail for c in verdict.rationale)


def test_negated_statement_contradicts() -> None:
    verdict = verify(
        claim_of("Russia has never designated Meta an extremist organisation."),
        [evidence("Russia designated Meta an extremist organisation in 2022.", dense=0.5, fuzzy=0.9)],
        as_of=DAY,
        settings=SETTINGS,
    )
    assert verdict.label is Label.CONTRADICTED and verdict.rationale[-1].name == "negation_mismatch"


def test_wrong_scope_is_misleading() -> None:
    verdict = verify(
        claim_of("WhatsApp is the world's most popular messaging app."),
        [evidence("WhatsApp was Russia's most popular messenger before the block.")],
        as_of=DAY,
        settings=SETTINGS,
    )
    assert verdict.label is Label.MISLEADING


def test_later_evidence_is_noted() -> None:
    verdict = verify(
        claim_of("Russia blocked WhatsApp in Moscow."),
        [evidence("Russia blocked WhatsApp in Moscow.", dense=0.95, fuzzy=1.0, published=dt.date(2026, 3, 1))],
        as_of=DAY,
        settings=SETTINGS,
    )
    assert verdict.label is Label.SUPPORTED
    assert any(c.name == "evidence_after_article" for c in verdict.rationale)


def test_no_evidence_is_not_enough_evidence() -> None:
    verdict = verify(
        claim_of("Russia has never designated Meta an extremist organisation."), [], as_of=DAY, settings=SETTINGS
    )
    assert verdict.label is Label.NOT_ENOUGH_EVIDENCE and verdict.evidence == ()


def test_set_aside_claims_are_not_checkable() -> None:
    (claim,) = extract(Article(id="a", text="Is this the end?", published=DAY), analyser=ANALYSER)
    verdict = verify(claim, [evidence("Unrelated.")], as_of=DAY, settings=SETTINGS)
    assert verdict.label is Label.NOT_CHECKABLE and verdict.evidence == ()


SENTENCES = st.sampled_from(
    [
        "MAX has about 85 million users.",
        "MAX has about 55 million users.",
        "Russia has never designated Meta an extremist organisation.",
        "Russia designated Meta an extremist organisation in 2022.",
        'Durov said: "Restricting citizens\' freedom is never the right answer."',
        "In August 2025 the government ordered MAX pre-installed.",
        "In October 2025 the government ordered MAX pre-installed.",
        "The Eiffel Tower is about 330 metres tall.",
    ]
)
SCORES = st.floats(min_value=0.0, max_value=1.0)


@settings(max_examples=150, deadline=None)
@given(SENTENCES, st.lists(st.tuples(SENTENCES, SCORES, SCORES), max_size=4))
def test_verdict_invariants(claim_text: str, found: list[tuple[str, float, float]]) -> None:
    verdict = verify(
        claim_of(claim_text), [evidence(t, dense=d, fuzzy=f) for t, d, f in found], as_of=DAY, settings=SETTINGS
    )
    assert 0.0 <= verdict.confidence <= 1.0
    if verdict.label in (Label.SUPPORTED, Label.CONTRADICTED, Label.MISLEADING):
        assert verdict.evidence, "a verdict that takes a side cites evidence"
        cited = [c.evidence for c in verdict.rationale if c.effect != "note"]
        assert all(i is None or 0 <= i < len(verdict.evidence) for i in cited)
    if not found:
        assert verdict.label is Label.NOT_ENOUGH_EVIDENCE


def test_a_quote_only_partly_in_the_sources_is_not_found() -> None:
    claim = claim_of(
        'Peskov said: "If Meta complies we can agree. If it refuses, there is no chance of any deal at all."'
    )
    verdict = verify(claim, [evidence('Peskov said: "If Meta complies we can agree."')], as_of=DAY, settings=SETTINGS)
    assert any(c.name == "quote_partly_found" for c in verdict.rationale)
    assert verdict.label is not Label.SUPPORTED


def test_a_subject_name_ending_in_s_keeps_its_s() -> None:
    # "Reuters" must still match "Reuters" in the evidence (a possessive "'s" is what gets dropped)
    verdict = verify(
        claim_of("Reuters has about 2,500 journalists."),
        [evidence("Reuters employs about 1,000 journalists worldwide.", dense=0.8, fuzzy=0.8)],
        as_of=DAY,
        settings=SETTINGS,
    )
    assert any(c.name == "number_mismatch" for c in verdict.rationale)
    possessive = verify(
        claim_of("Reuters's newsroom has about 2,500 journalists."),
        [evidence("Reuters employs about 1,000 journalists worldwide.", dense=0.8, fuzzy=0.8)],
        as_of=DAY,
        settings=SETTINGS,
    )
    assert any(c.name == "number_mismatch" for c in possessive.rationale)


def test_the_models_refutation_alone_does_not_contradict_a_claim_whose_specifics_no_passage_holds() -> None:
    read_as_refuting = dataclasses.replace(
        evidence("Delegates agreed a text on phasing down coal after two weeks of talks."), stance=(0.05, 0.9, 0.05)
    )
    verdict = verify(
        claim_of("The next summit is to be held in Lisbon in May 2027."),
        [read_as_refuting],
        as_of=DAY,
        settings=SETTINGS,
    )
    assert verdict.label is Label.NOT_ENOUGH_EVIDENCE, [c.name for c in verdict.rationale]
    assert any(c.name == "stance_refutes" for c in verdict.rationale)


def test_a_passage_reporting_what_an_ad_says_does_not_support_it() -> None:
    verdict = verify(
        claim_of("The senator voted against the highway bill in 2019."),
        [evidence("The challenger's ad indicates the senator voted against the highway bill in 2019.", dense=0.9)],
        as_of=DAY,
        settings=SETTINGS,
    )
    assert verdict.label is not Label.SUPPORTED
    assert any(c.name == "reported_claim" for c in verdict.rationale)
