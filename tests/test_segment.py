from hypothesis import given
from hypothesis import strategies as st

from factcheck.segment import sentence_spans


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_abbreviations_decimals_and_initials_do_not_split() -> None:
    text = "He lives in Washington, D.C. and earns 3.5 million. Mr. Smith left! Did he? Yes."
    assert sentences(text) == [
        "He lives in Washington, D.C. and earns 3.5 million.",
        "Mr. Smith left!",
        "Did he?",
        "Yes.",
    ]


def test_a_time_zone_after_a_clock_time_carries_the_sentence_on() -> None:
    text = (
        "The ferry sank at about 2:10 a.m. EDT, some 3 miles off the coast. The alarm came at 6 a.m. "
        "Mountain time, the report said. He left at 6 a.m. The next day he was back."
    )
    got = [text[a:b] for a, b in sentence_spans(text)]
    assert got == [
        "The ferry sank at about 2:10 a.m. EDT, some 3 miles off the coast.",
        "The alarm came at 6 a.m. Mountain time, the report said.",
        "He left at 6 a.m.",
        "The next day he was back.",
    ]


def test_a_quotation_across_sentences_stays_one_span() -> None:
    text = 'WhatsApp said: "We tried. We failed. We go on." Then it ended.'
    assert sentences(text) == ['WhatsApp said: "We tried. We failed. We go on."', "Then it ended."]


def test_lines_never_glue_together() -> None:
    text = "A Headline Without A Stop\n\nThe body starts here. It goes on.\n  • a list item\n"
    assert sentences(text) == ["A Headline Without A Stop", "The body starts here.", "It goes on.", "• a list item"]


def test_repeated_sentences_keep_their_own_offsets() -> None:
    text = "Leave a Reply\n\nSomething else.\n\nLeave a Reply"
    spans = sentence_spans(text)
    assert spans[0] == (0, 13) and spans[-1] == (len(text) - 13, len(text))


def test_empty_text_has_no_sentences() -> None:
    assert sentence_spans("  \n ") == ()


@given(st.text(alphabet=st.sampled_from(list('ab .!?\n"“”D.C')), max_size=60))
def test_spans_are_ordered_trimmed_and_in_range(text: str) -> None:
    last = 0
    for start, end in sentence_spans(text):
        assert last <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        last = end
