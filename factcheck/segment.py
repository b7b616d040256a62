"""Sentence spans with offsets: pysbd's rule-based splitter (abbreviations, "D.C.", decimals,
quotations), anchored back onto the original text, with a quotation never cut in two."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from . import clock
from .parse import quote_spans


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import pysbd  # imported on first use: it compiles many regexes

    return pysbd.Segmenter(language="en", clean=False)


def _anchor(text: str, pieces: list[str]) -> list[tuple[int, int]]:
    """Find each piece in order in `text`; pysbd's own char spans drift on repeated sentences."""
    spans, cursor = [], 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        start = text.find(piece, cursor)
        if start < 0:  # pysbd changed the text (rare): fall back to the rest of the line
            continue
        spans.append((start, start + len(piece)))
        cursor = start + len(piece)
    return spans


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a span at line breaks: a headline or list item is never glued to the next line."""
    spans, cursor = [], start
    for line in text[start:end].split("\n"):
        stripped = line.strip()
        if stripped:
            offset = cursor + line.index(stripped)
            spans.append((offset, offset + len(stripped)))
        cursor += len(line) + 1
    return spans


def _merge_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join sentences that one quotation runs across, so a quote and its speaker stay together."""
    quotes = quote_spans(text)
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        opened = merged and any(qs < merged[-1][1] <= qe and qs < end for qs, qe in quotes)
        if opened and "\n" not in text[merged[-1][1] : start]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


@lru_cache(maxsize=4096)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of `text`, whitespace trimmed; `text[start:end]` is the sentence."""
    if not text.strip():
        return ()
    rough = _anchor(text, _segmenter().segment(text))
    spans = [line for start, end in rough for line in _lines(text, start, end)]
    return tuple(_merge_zones(text, _merge_quotes(text, spans)))


# "4:25 a.m. CDT, roughly ..." or "6:42 a.m. Mountain time": the segmenter ends a sentence at "a.m."
# before a capital; a time zone after it carries the sentence on.
_CLOCK_END_RE = re.compile(r"(?i)\b[ap]\.m\.$")
_ZONE_ABBREVIATION_RE = re.compile(r"[A-Z]{2,4}\b(?![’'])")
_ZONE_NAME_RE = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+time\b")


def _merge_zones(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and _CLOCK_END_RE.search(text[merged[-1][0] : merged[-1][1]]) and _zone_first(text[start:end]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _zone_first(sentence: str) -> bool:
    abbreviation = _ZONE_ABBREVIATION_RE.match(sentence)
    if abbreviation:
        return abbreviation[0].lower() in clock.ZONES
    return bool(_ZONE_NAME_RE.match(sentence))
