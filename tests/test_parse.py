import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import parse

FEB_12 = dt.date(2026, 2, 12)


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("with over 100 million users in Russia", 1e8, "user", "over"),
        ("about 55 million users", 55e6, "user", "about"),
        ("60 million daily users", 60e6, "user", "exact"),
        ("more than 3,000 people", 3000, "people", "over"),
        ("a rise of 12.5% this year", 12.5, "percent", "exact"),
        ("after six months of pressure", 6, "month", "exact"),
        ("fewer than 2 billion accounts", 2e9, "account", "under"),
    ],
)
def test_quantities_read_value_unit_and_qualifier(text: str, value: float, unit: str, qualifier: str) -> None:
    (q,) = parse.quantities(text)
    assert (q.value, q.unit, q.qualifier) == (value, unit, qualifier)
    assert text[q.start : q.end] == q.text


def test_years_and_days_are_dates_not_quantities() -> None:
    assert parse.quantities("On 12 February 2026 it happened in 2022.") == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In August last year, Russia mandated it", (2025, 8, None, True)),
        ("in December last year", (2025, 12, None, True)),
        ("On Thursday WhatsApp said", (2026, 2, 12, True)),
        ("on Monday the regulator acted", (2026, 2, 9, True)),
        ("last August", (2025, 8, None, True)),
        ("since March the app", (2025, 3, None, True)),
        ("since January the app", (2026, 1, None, True)),
        ("On 12 February 2026", (2026, 2, 12, False)),
        ("on February 12, 2026", (2026, 2, 12, False)),
        ("in August 2025", (2025, 8, None, False)),
        ("designated in 2022", (2022, None, None, False)),
        ("dated 2025-08-01", (2025, 8, 1, False)),
    ],
)
def test_dates_absolute_and_relative(text: str, expected: tuple[object, ...]) -> None:
    (d,) = parse.dates(text, FEB_12)
    assert (d.year, d.month, d.day, d.relative) == expected
    assert text[d.start : d.end] == d.text


def test_relative_dates_need_a_reference() -> None:
    assert parse.dates("In August last year it began", None) == ()
    assert parse.dates("It may rain", FEB_12) == ()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Peskov said: "If Meta complies we can reach an agreement."', "Peskov"),
        ('"Restricting freedom is never right," Durov said.', "Durov"),
        ('"Restricting freedom is never right," said Pavel Durov.', "Pavel Durov"),
        ('According to Roskomnadzor, "the restrictions are phased and lawful".', "Roskomnadzor"),
        (
            "As the WhatsApp spokesperson told The Guardian, “Trying to isolate users is a step back.”",
            "WhatsApp spokesperson",
        ),
        (
            "The stance was echoed by Kremlin spokesperson Dmitry Peskov, who stated, “If the corporation fulfils this, fine.”",
            "Dmitry Peskov",
        ),
        (
            "Pavel Durov, based in Dubai, has been vocal, declaring, “Restricting citizens’ freedom is never the right answer.”",
            "Pavel Durov",
        ),
        ('Ruiz tweeted "The bridge is open again" on Monday.', "Ruiz"),
        ('City manager Ana Ruiz posted a photo on Monday, writing "The bridge is open again."', "Ana Ruiz"),
        ('"The harbour will reopen on Friday," Lagos port director Bola Adeyemi said.', "Bola Adeyemi"),
        ('"No ship was in danger at any time," Norway\'s fisheries minister, Ida Berg, told reporters.', "Ida Berg"),
        ('"The market will decide what happens next," the bank\'s chief economist Jane Roe said.', "Jane Roe"),
        ('The phrase "a sovereign internet with rules" is everywhere.', None),
    ],
)
def test_quote_speakers(text: str, speaker: str | None) -> None:
    (q,) = parse.quotes(text)
    assert q.speaker == speaker
    assert text[q.start : q.end] == q.text


def test_scare_quotes_have_no_speaker() -> None:
    (q,) = parse.quotes("Russia tried to ‘fully block’ WhatsApp, the company says")
    assert q.text == "fully block" and q.speaker is None


def test_negations_and_entities() -> None:
    assert parse.negations("Russia has never designated Meta") == 1
    assert parse.negations("Russia designated Meta") == 0
    assert parse.negations("It didn't happen") == 1
    names = [e.text for e in parse.entities("The Kremlin said Dmitry Peskov spoke to Roskomnadzor.")]
    assert names == ["Kremlin", "Dmitry Peskov", "Roskomnadzor"]


@given(st.text(alphabet=st.sampled_from(list("abc 0123456789.,%“”\"'MayAugust million over about")), max_size=80))
def test_offsets_always_slice_to_the_reported_text(text: str) -> None:
    for item in (*parse.quantities(text), *parse.dates(text, FEB_12), *parse.quotes(text), *parse.entities(text)):
        assert text[item.start : item.end] == item.text
