import datetime as dt

import pytest

from factcheck import Article, extract
from factcheck.extract import checkworthiness

TEXT = """Russia's Digital Iron Curtain

Russia blocked WhatsApp on Thursday, the company said. The stakes could not be higher.
Is this the end of free messaging?
MAX has about 55 million users, and in August last year the government ordered it pre-installed.
As the world watches, the battle for digital sovereignty is intensifying.

Viral Phrases:
  • "100 million users at risk"
Leave a Reply
Your email address will not be published.
"""


@pytest.fixture(scope="module")
def claims() -> dict[str, object]:
    article = Article(id="t", text=TEXT, title="", published=dt.date(2026, 2, 12))
    return {c.text: c for c in extract(article)}


def test_every_sentence_is_kept_with_its_offsets(claims: dict[str, object]) -> None:
    for text, claim in claims.items():
        assert TEXT[claim.start : claim.end] == text  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Russia's Digital Iron Curtain", "headline"),
        ("The stakes could not be higher.", "opinion"),
        ("Is this the end of free messaging?", "question"),
        ("As the world watches, the battle for digital sovereignty is intensifying.", "opinion"),
        ("Viral Phrases:", "fragment"),
        ('• "100 million users at risk"', "list_item"),
        ("Leave a Reply", "boilerplate"),
        ("Your email address will not be published.", "boilerplate"),
        ("Russia blocked WhatsApp on Thursday, the company said.", None),
    ],
)
def test_set_aside_reasons(claims: dict[str, object], sentence: str, reason: str | None) -> None:
    assert claims[sentence].set_aside == reason  # type: ignore[attr-defined]


def test_structured_parts_point_into_the_article(claims: dict[str, object]) -> None:
    claim = claims["MAX has about 55 million users, and in August last year the government ordered it pre-installed."]
    (q,) = claim.quantities  # type: ignore[attr-defined]
    (d,) = claim.dates  # type: ignore[attr-defined]
    assert (q.value, q.unit, q.qualifier, TEXT[q.start : q.end]) == (55e6, "user", "about", "about 55 million users")
    assert (d.year, d.month, d.relative, TEXT[d.start : d.end]) == (2025, 8, True, "August last year")


def test_checkworthiness_is_a_score_in_unit_range() -> None:
    parts = {"quantities": 3, "dates": 3, "attributed_quotes": 3, "entities": 9}
    assert checkworthiness("Peskov said Russia blocked it.", has_parts=parts) == 1.0
    none = {"quantities": 0, "dates": 0, "attributed_quotes": 0, "entities": 0}
    assert checkworthiness("bold dramatic shocking clearly obviously", has_parts=none) == 0.0
    facts = checkworthiness("Russia blocked WhatsApp, officials said.", has_parts={**none, "entities": 2})
    hype = checkworthiness("A bold, dramatic, shocking move.", has_parts=none)
    assert facts > 0.5 > hype


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Whatever the regulators decide, the people of Harwich deserve better answers from Anglia Water.", "opinion"),
        (
            "Few mayors of Leeds have squandered so much goodwill so quickly, and the city will pay for years.",
            "opinion",
        ),
        (
            "Reopening the Tyne bridge was the easy part; winning back Newcastle's commuters will be the real test.",
            "opinion",
        ),
        ("Few passengers were hurt when the train derailed near Harwich on 3 May.", None),
        ("Anglia Water said the plant at Harwich would reopen within weeks.", None),
    ],
)
def test_a_columnists_turn_of_phrase_with_names_but_no_value_is_opinion(sentence: str, reason: str | None) -> None:
    from factcheck.mentions import Analyser

    article = Article(id="t", text=sentence, title="", published=dt.date(2024, 5, 4))
    (claim,) = extract(article, analyser=Analyser())
    assert claim.set_aside == reason


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("The city council on Tuesday gave its final, sweeping approval to the bridge plan.", None),
        ("The inquiry found the mayor should never have allowed four contractors to bid.", None),
        ("One thing is certain: the future of the harbour hangs in the balance.", "opinion"),
        ("It was a night of horror that the town will carry with it for generations.", "opinion"),
    ],
)
def test_a_specific_value_is_checked_whatever_the_tone(sentence: str, reason: str | None) -> None:
    from factcheck.mentions import Analyser

    article = Article(id="t", text=sentence, title="", published=dt.date(2024, 5, 4))
    (claim,) = extract(article, analyser=Analyser())
    assert claim.set_aside == reason
