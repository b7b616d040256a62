"""The HTML report without a browser: structure and escaping, read back with the stdlib parser."""

from __future__ import annotations

import dataclasses
import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck import Checker
from factcheck.models import Article, ArticleReport, Label
from factcheck.report_html import CSP, report_html, safe_url, write_html

from .conftest import CLAIMS, SOURCES

HOSTILE = (
    "Officials said <script>window.__xss = 1</script> the block was total. "
    'A photo <img src=x onerror="window.__xss = 2"> circulated on 12 February 2026. '
    "Russia blocked WhatsApp on Thursday, the regulator said."
)


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside <script> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def parsed(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    return tags


def test_article_text_with_markup_renders_as_text(demo_checker: Checker) -> None:
    report = demo_checker.check(Article(id="hostile", text=HOSTILE, title="<b>bold</b> title"))
    page = report_html(report)
    tags = parsed(page)
    assert [t for t, _ in tags.tags].count("script") == 1  # ours, and only ours
    assert not [t for t, _ in tags.tags if t == "img"]
    assert not any(name.startswith("on") for _, attrs in tags.tags for name in attrs)
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt; title" in page
    assert "window.__xss" not in "".join(tags.scripts)


def test_source_links_are_http_only(demo_checker: Checker) -> None:
    report = demo_checker.check(Article(id="a", text="WhatsApp has about 100 million users in Russia."))
    verdict = report.verdicts[0]
    assert verdict.evidence
    evil = dataclasses.replace(verdict.evidence[0].source, url="javascript:alert(1)", publisher="<i>Evil</i>")
    poisoned = dataclasses.replace(verdict, evidence=(dataclasses.replace(verdict.evidence[0], source=evil),))
    page = report_html(ArticleReport(report.article, (poisoned,)))
    hrefs = [attrs.get("href") for tag, attrs in parsed(page).tags if tag == "a"]
    assert "javascript:alert(1)" not in hrefs and "&lt;i&gt;Evil&lt;/i&gt;" in page
    assert safe_url("https://example.org/x") == "https://example.org/x"
    assert safe_url(" JavaScript:alert(1)") is None and safe_url("data:text/html,x") is None


def test_each_claim_is_a_labelled_span_with_its_details(demo_checker: Checker) -> None:
    report = demo_checker.check(
        Article(id="a", text="MAX has about 85 million users. What a time to be alive!", published=dt.date(2026, 2, 12))
    )
    tags = parsed(report_html(report))
    spans = [attrs for tag, attrs in tags.tags if tag == "span" and "claim" in (attrs.get("class") or "")]
    assert [s["data-label"] for s in spans] == [v.label.value for v in report.verdicts]
    assert spans[0]["data-label"] == Label.CONTRADICTED.value
    details = {attrs["id"]: attrs for tag, attrs in tags.tags if tag == "section"}
    assert set(details) == {f"d{i}" for i in range(len(report.verdicts))}
    assert all("hidden" in d for d in details.values())  # shown on click
    meta = [attrs for tag, attrs in tags.tags if tag == "meta" and attrs.get("http-equiv")]
    assert meta[0]["content"] == CSP and "script-src 'sha256-" in CSP  # only our own script may run


def test_a_batch_writes_one_page_per_article_and_an_index(demo_checker: Checker, tmp_path: Path) -> None:
    reports = list(
        demo_checker.check_many(
            [
                Article(id="one/a", text="Telegram has about 60 million daily users."),
                Article(id="two", text="Snapchat was blocked in December 2025."),
            ]
        )
    )
    index = write_html(reports, tmp_path / "out")
    assert sorted(p.name for p in index.parent.iterdir()) == ["0001-one-a.html", "0002-two.html", "index.html"]
    links = [attrs["href"] for tag, attrs in parsed(index.read_text()).tags if tag == "a"]
    assert links == ["0001-one-a.html", "0002-two.html"]


def test_html_needs_a_folder_for_several_articles() -> None:
    from typer.testing import CliRunner

    from factcheck.cli import app

    result = CliRunner().invoke(app, ["check", str(CLAIMS), "--format", "html", "--sources", str(SOURCES)])
    assert result.exit_code != 0 and "--out FOLDER" in result.output


@pytest.mark.parametrize("name", ["page.html", "folder"])
def test_cli_writes_html_to_a_file_or_folder(name: str, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from factcheck.cli import app

    result = CliRunner().invoke(
        app,
        ["check", str(CLAIMS / "distorted.md"), "-f", "html", "-o", str(tmp_path / name), "--sources", str(SOURCES)],
    )
    assert result.exit_code == 0, result.output
    page = tmp_path / name if name.endswith(".html") else tmp_path / name / "0001-distorted.html"
    assert "v-contradicted" in page.read_text(encoding="utf-8")
