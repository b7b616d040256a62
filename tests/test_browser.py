"""The HTML report in a real browser: headless Chromium driven by Selenium.

Needs Debian's `chromium` and `chromium-driver` (.ci/run installs them) and the `selenium` package
(dev extra); skips, saying which is missing, where they are not there.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from factcheck import Checker
from factcheck.inputs import read_article
from factcheck.models import Article
from factcheck.report_html import report_html, write_html

from .conftest import CLAIMS
from .test_report_html import HOSTILE

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync", "--window-size=1400,1000",
)  # fmt: skip
PLANTED = (  # the demo's planted errors: each must show as contradicted
    "MAX has about 85 million users",
    "In October 2025 the government ordered MAX",
    'Dmitry Peskov said: "Restricting',
    "Russia has never designated Meta",
)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[dev]')")
    for path in (CHROMIUM, CHROMEDRIVER):
        if not Path(path).exists():
            pytest.skip(f"{path} not found: install Debian's chromium and chromium-driver (see .ci/run)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def demo_pages(demo_checker: Checker, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    articles = [read_article(CLAIMS / f"{name}.md") for name in ("distorted", "embellished", "faithful")]
    index = write_html(list(demo_checker.check_many(articles)), tmp_path_factory.mktemp("report"))
    return {p.stem.split("-", 1)[1]: p for p in index.parent.glob("0*.html")} | {"index": index}


def claim_span(driver: Any, phrase: str) -> Any:
    from selenium.webdriver.common.by import By

    spans = [s for s in driver.find_elements(By.CSS_SELECTOR, ".claim") if phrase in s.text]
    assert len(spans) == 1, f"{phrase!r} is in {len(spans)} highlighted claims"
    return spans[0]


def test_planted_errors_are_highlighted_and_a_click_shows_the_evidence(
    browser: Any, demo_pages: dict[str, Path], tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    browser.get(demo_pages["distorted"].as_uri())
    for phrase in PLANTED:
        span = claim_span(browser, phrase)
        assert span.get_attribute("data-label") == "contradicted"
        assert span.value_of_css_property("background-color") == "rgba(255, 214, 214, 1)"  # drawn as contradicted
    assert not any(d.is_displayed() for d in browser.find_elements(By.CSS_SELECTOR, ".detail"))

    claim_span(browser, PLANTED[0]).click()
    shown = [d for d in browser.find_elements(By.CSS_SELECTOR, ".detail") if d.is_displayed()]
    assert len(shown) == 1
    assert "contradicted" in shown[0].text and "number_mismatch" in shown[0].text
    assert "about 55 million users" in shown[0].text  # the evidence passage
    links = [a.get_attribute("href") for a in shown[0].find_elements(By.TAG_NAME, "a")]
    assert any(href.startswith("https://") for href in links)  # to the source

    shot = tmp_path / "distorted-report.png"
    assert browser.save_screenshot(str(shot)) and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_hype_is_muted_with_its_reason(browser: Any, demo_pages: dict[str, Path]) -> None:
    browser.get(demo_pages["embellished"].as_uri())
    span = claim_span(browser, "Viral Phrases")
    assert span.get_attribute("data-label") == "not_checkable"
    assert span.value_of_css_property("color") == "rgba(138, 138, 138, 1)"
    span.click()
    from selenium.webdriver.common.by import By

    (shown,) = [d for d in browser.find_elements(By.CSS_SELECTOR, ".detail") if d.is_displayed()]
    assert "set aside" in shown.text and "reason" in shown.text


def test_index_links_every_article(browser: Any, demo_pages: dict[str, Path]) -> None:
    from selenium.webdriver.common.by import By

    browser.get(demo_pages["index"].as_uri())
    links = browser.find_elements(By.CSS_SELECTOR, "a")
    assert len(links) == 3
    links[0].click()
    assert browser.current_url == demo_pages["distorted"].as_uri()


def test_markup_in_an_article_does_not_run(browser: Any, demo_checker: Checker, tmp_path: Path) -> None:
    page = tmp_path / "hostile.html"
    page.write_text(report_html(demo_checker.check(Article(id="hostile", text=HOSTILE))), encoding="utf-8")
    browser.get(page.as_uri())
    assert browser.execute_script("return window.__xss === undefined")
    from selenium.webdriver.common.by import By

    assert "<script>window.__xss = 1</script>" in browser.find_element(By.CSS_SELECTOR, ".article").text
