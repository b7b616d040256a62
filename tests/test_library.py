"""The library face: what an editorial tool imports."""

import json
import subprocess
import sys

import factcheck
from factcheck import Article, Checker, Label, annotate_records

from .conftest import CLAIMS


def test_public_names_are_exported() -> None:
    assert sorted(factcheck.__all__) == sorted(n for n in factcheck.__all__ if hasattr(factcheck, n))
    for name in ("Checker", "Claim", "Evidence", "Verdict", "Label", "FactcheckError", "Settings", "annotate_records"):
        assert name in factcheck.__all__


def test_import_is_cheap() -> None:
    code = "import sys, factcheck; print(sorted(m for m in ('torch', 'sentence_transformers', 'datasets', 'transformers') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_check_accepts_text_and_returns_serialisable_records(demo_checker: Checker) -> None:
    report = demo_checker.check("MAX has about 85 million users, officials said. What a time to be alive!")
    assert [v.label for v in report.verdicts] == [Label.CONTRADICTED, Label.NOT_CHECKABLE]
    data = json.loads(json.dumps(report.to_dict()))
    assert data["counts"]["contradicted"] == 1
    assert data["verdicts"][0]["evidence"][0]["source"]["url"].startswith("https://")


def test_check_many_keeps_order(demo_checker: Checker) -> None:
    articles = [
        Article(id=str(i), text=t)
        for i, t in enumerate(["Telegram has about 60 million daily users in Russia.", "Nothing to see."])
    ]
    assert [r.article.id for r in demo_checker.check_many(articles)] == ["0", "1"]


def test_lookup_never_sets_a_claim_aside(demo_checker: Checker) -> None:
    verdict = demo_checker.lookup("MAX has 55 million users")  # no full stop: a "headline" in an article
    assert verdict.label is Label.SUPPORTED


def test_annotate_records_is_one_for_one_with_error_records(demo_checker: Checker) -> None:
    records = [
        {"id": "ok", "text": (CLAIMS / "distorted.md").read_text(encoding="utf-8").split("---", 2)[2], "desk": "world"},
        {"id": "empty", "text": "   "},
        {"id": "bad-date", "text": "Some text here.", "date": "last week"},
    ]
    out = list(annotate_records(records, checker=demo_checker))
    assert [r["id"] for r in out] == ["ok", "empty", "bad-date"]
    assert out[0]["desk"] == "world" and out[0]["result"]["counts"]["contradicted"] == 4
    assert "field 'text'" in out[1]["error"] and "'published'" in out[2]["error"]


def test_default_threads(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from factcheck.embed import default_threads

    monkeypatch.setenv("FACTCHECK_THREADS", "3")
    assert default_threads() == 3
    monkeypatch.delenv("FACTCHECK_THREADS")
    monkeypatch.setattr("os.cpu_count", lambda: 4)
    monkeypatch.setenv("OMP_WAIT_POLICY", "PASSIVE")
    assert default_threads() == 4
    monkeypatch.setenv("OMP_WAIT_POLICY", "ACTIVE")
    monkeypatch.setitem(sys.modules, "torch", sys.modules.get("torch") or object())  # loaded, spinning
    assert default_threads() == 3
