"""ClaimReview out (our verdicts as schema.org JSON-LD) and in (others' reviews as sources)."""

from __future__ import annotations

import datetime as dt
import json
import logging
import shutil
from pathlib import Path

import pytest

from factcheck import Checker, Label
from factcheck.claimreview import RATINGS, export, read_feed
from factcheck.corpus import load_sources
from factcheck.inputs import read_article

from .conftest import CLAIMS, SOURCES

FEED = Path(__file__).parent / "fixtures" / "claimreview" / "feed.json"


def test_feed_loads_valid_reviews_and_rejects_the_rest_with_reasons() -> None:
    sources, rejected = read_feed(FEED)
    assert [(s.publisher, s.rating, str(s.published), s.kind) for s in sources] == [
        ("Demo Fact Desk", "False", "2026-02-14", "fact_check"),
        ("Demo Fact Desk", "True", "2026-02-13", "fact_check"),
    ]
    assert sources[0].url == "https://factdesk.example.org/reviews/max-users"
    assert sources[0].text == "The state-backed messenger MAX has 85 million users."
    reasons = {r.where.rsplit(" ", 1)[1]: r.reason for r in rejected}
    assert reasons["3"] == "no claimReviewed"
    assert reasons["4"].startswith("off-domain: review hosted on elsewhere.example.net")
    assert "not a ClaimReview" in reasons["5"] and "not an http(s) address" in reasons["6"]
    assert "no reviewRating" in reasons["7"]


def test_a_feed_in_a_sources_folder_is_logged_and_loaded(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    shutil.copy(FEED, tmp_path / "desk.claimreview.json")
    (tmp_path / "note.md").write_text("---\nid: note\ntitle: t\n---\nMAX is a state app.\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="factcheck"):
        sources = load_sources(tmp_path)
    assert {s.kind for s in sources} == {"news_report", "fact_check"} and len(sources) == 3
    assert sum("rejected" in r.message for r in caplog.records) == 5


def test_a_matching_claim_reports_the_review_and_its_rating(encoder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    shutil.copytree(SOURCES, corpus)
    shutil.copy(FEED, corpus / "desk.claimreview.json")
    checker = Checker.from_sources(corpus, encoder=encoder, index_dir=tmp_path / "i")
    verdict = checker.lookup("MAX has about 85 million users")
    (note,) = [c for c in verdict.rationale if c.name == "previously_checked"]
    assert "Demo Fact Desk" in note.detail and ": False" in note.detail and "2026-02-14" in note.detail
    cited = verdict.evidence[note.evidence]  # type: ignore[index]
    assert cited.source.kind == "fact_check" and cited.source.rating == "False"
    # The review's text is the claim it rated False: it never supports the claim as a fact would.
    assert verdict.label is Label.CONTRADICTED
    assert all(
        verdict.evidence[c.evidence].source.kind != "fact_check" for c in verdict.rationale if c.effect != "note"
    )  # type: ignore[index]


def test_export_maps_each_label_to_a_documented_rating(demo_checker: Checker) -> None:
    reports = list(demo_checker.check_many([read_article(CLAIMS / f"{n}.md") for n in ("distorted", "embellished")]))
    reviews = export(reports, reviewed_on=dt.date(2026, 2, 20))
    json.loads(json.dumps(reviews))  # plain JSON
    checked = [v for r in reports for v in r.verdicts if v.label is not Label.NOT_CHECKABLE]
    assert len(reviews) == len(checked)  # set-aside sentences are not reviewed
    for review, verdict in zip(reviews, checked, strict=True):
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert review["claimReviewed"] == verdict.claim.text and review["datePublished"] == "2026-02-20"
        value, name = RATINGS[verdict.label]
        assert review["reviewRating"]["alternateName"] == name and review["reviewRating"].get("ratingValue") == value
        appearance = review["itemReviewed"]["appearance"][0]
        assert appearance["url"].startswith("https://example.org/demo/") and appearance["datePublished"] == "2026-02-12"
        assert all(c["url"].startswith("https://") for c in review["citation"])
    false = [r for r in reviews if r["reviewRating"]["alternateName"] == "False"]
    assert {r["reviewRating"]["ratingValue"] for r in false} == {1} and len(false) == 4  # the planted errors


def test_exported_reviews_import_back_as_rated_sources(demo_checker: Checker, tmp_path: Path) -> None:
    report = demo_checker.check(read_article(CLAIMS / "distorted.md"))
    (tmp_path / "ours.json").write_text(json.dumps(export([report])), encoding="utf-8")
    sources, rejected = read_feed(tmp_path / "ours.json")
    assert not rejected and len(sources) == 7
    assert sorted(s.rating for s in sources) == ["False"] * 4 + ["True"] * 3


def test_cli_claimreview_format() -> None:
    from typer.testing import CliRunner

    from factcheck.cli import app

    result = CliRunner().invoke(
        app, ["check", str(CLAIMS / "distorted.md"), "-f", "claimreview", "--sources", str(SOURCES)]
    )
    assert result.exit_code == 0, result.output
    reviews = json.loads(result.stdout)
    assert len(reviews) == 7 and all(r["@type"] == "ClaimReview" for r in reviews)
