"""Readers for what spaCy's small English model leaves untyped: ordinals in digits ("his 23rd
title"), all-capital names ("FINMA ordered ..."), lengths of time in digits ("only 90 seconds
later"), sums glued to their currency sign ("£45bn"), bare units of time ("for months"), measures
joined to their number by a hyphen ("a six-kilometre route"). Each reads the raw text outside the
spans already read. Pure functions.
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import parse
from .models import Mention
from .quantify import TEMPERATURE_QUALIFIERS, TIME_UNITS, duration, money, name_key, ordinal, quantity

ACRONYM_STOP = frozenset(
    "CEO CFO COO CTO GDP DNA RNA USD EUR GBP GMT UTC BST EST EDT PST PDT CET JST AM PM TV PM OK AI "
    "ID IQ PhD AT1 COVID SARS HIV AIDS BBC".split()
)


def ordinal_phrases(text: str, *, taken: list[tuple[int, int]]) -> list[Mention]:
    """Ordinals with digits spaCy did not type ("his 23rd Grand Slam title"); the counted noun is
    the next word."""
    found = []
    for m in re.finditer(r"\b(\d{1,4})(?:st|nd|rd|th)\b(?!-minute)", text):
        if not parse.taken_by(taken, m):
            noun = re.match(r"[\s-]+(?:[A-Z]\w+\s+)*([a-z]+)", text[m.end() :])
            found += ordinal(m[0], m.start(), unit=noun[1].rstrip("s") if noun else "")
    return found


def acronyms(text: str, *, taken: list[tuple[int, int]]) -> list[Mention]:
    """All-capital names spaCy did not type ("FINMA ordered ..."): organisations, mostly."""
    if text.isupper():
        return []  # a headline in capitals
    found = []
    for m in re.finditer(r"\b[A-Z]{3,6}\b", text):
        if m[0] not in ACRONYM_STOP and not parse.taken_by(taken, m):
            found.append(Mention("organisation", m[0], m.start(), m.end(), unit=name_key(m[0])))
    return found


def _around(text: str, m: re.Match[str], after: int) -> dict[str, str]:
    """The readers' `before` (25 characters) and `after` (`after` characters) of a match."""
    return {"before": text[max(0, m.start() - 25) : m.start()], "after": text[m.end() : m.end() + after]}


_SPELLED = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen"
    " eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
).split()
_TIME_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)"
DURATION_PHRASE_RE = re.compile(
    rf"(?i)\b(?:\d[\d.,]*(?:\s+1/2|½)?|(?:{'|'.join(_SPELLED)})(?:[\s-](?:{'|'.join(_SPELLED)}))?"
    rf"(?:\s+and\s+a\s+half)?)\s*-?\s*{_TIME_UNIT}\b"
    rf"|\b(?:an?\s+(?:minute|hour|day|week|month|year)\s+and\s+a\s+half|half\s+an?\s+(?:minute|hour|day))\b"
)


def duration_phrases(text: str, *, taken: list[tuple[int, int]]) -> list[Mention]:
    """Durations spaCy did not type ("only 90 seconds later", "nine and a half minutes", "an hour
    and a half"), outside spans read."""
    found = []
    for m in DURATION_PHRASE_RE.finditer(text):
        if not parse.taken_by(taken, m):
            found += duration(m[0], m.start(), **_around(text, m, 20))
    return found


# A length of time given only by its unit ("could take months", "for years", "a few days' notice"): the span a reader
# gives the bare plural, in the unit's own count (two or more of it, short of where one would name
# the next unit up), so that "weeks" and "months" do not meet.
VAGUE_SPANS = {
    "minutes": (2, 59), "hours": (2, 23), "days": (2, 13), "weeks": (2, 7), "months": (2, 23), "years": (2, 99),
    "decades": (2, 9),
}  # fmt: skip
VAGUE_DURATION_RE = re.compile(
    r"(?i)(?:\b(?:take|takes|took|taken|taking|last|lasts|lasted|lasting|for|within|spent|spend|spends|spending)"
    r"\s+(?:(?:several|many|a\s+few)\s+)?|\b(?:several|a\s+few)\s+)"
    r"(?P<unit>minutes|hours|days|weeks|months|years|decades)\b"
    r"(?!\s+(?:ago|old|later|earlier|after|before|of\b))"
)


def is_vague(m: Mention) -> bool:
    """Whether a mention is a length of time given only by its unit (`vague_durations`), or a part
    of the day without a clock time ("that evening"): one that can contradict a value in its role
    but is too loose to need bearing out ("within minutes")."""
    if m.kind == "time" and not re.search(r"\d", m.text):
        return True  # "that evening", "in the early hours": a part of the day, contradicting a clock time
    return m.kind == "duration" and m.text.lower() in VAGUE_SPANS


def vague_durations(text: str, *, taken: list[tuple[int, int]]) -> list[Mention]:
    """Lengths of time named by a bare plural unit after a verb or preposition of duration ("could
    take months" is not "could take years")."""
    found = []
    for m in VAGUE_DURATION_RE.finditer(text):
        unit = m["unit"].lower()
        start = m.start("unit")
        if parse.taken_by(taken, m, start=start):
            continue
        seconds = TIME_UNITS[unit.rstrip("s")]
        low, high = VAGUE_SPANS[unit]
        found.append(Mention("duration", m["unit"], start, m.end(), low * seconds, high * seconds, "second"))
    return found


MONEY_RE = re.compile(
    r"(?<![\w$£€¥₹])(?:US|A|C|HK)?[$£€¥₹]\s?\d[\d,]*(?:\.\d+)?"
    r"(?:\s?(?:bn|billion|mn|million|m|trillion|tn|k|thousand)\b)?"
)


def money_phrases(text: str, *, taken: list[tuple[int, int]]) -> list[Mention]:
    """Sums with a currency sign spaCy did not type ("promised £45bn of tax cuts")."""
    found = []
    for m in MONEY_RE.finditer(text):
        if not parse.taken_by(taken, m):
            found += money(m[0], m.start(), **_around(text, m, 30))
    return found


MEASURE_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty seventy"
    " eighty ninety hundred"
).split()
HYPHEN_MEASURE_RE = re.compile(
    rf"(?i)\b(?P<num>\d[\d,.]*|{'|'.join(MEASURE_WORDS)})-(?P<unit>kilomet(?:re|er)|km|met(?:re|er)|mile|foot|yard"
    r"|inch|tonne|ton|kilogram|kg|lit(?:re|er)|gallon|hectare|acre|megawatt|gigawatt)\b"
)


def hyphen_measures(text: str) -> list[Mention]:
    """Measures written as one word with their number ("a six-kilometre route", "the 400-metre
    ship"), which spaCy cuts or does not type: read as the number and unit apart, before spaCy's
    entities (factcheck.mentions)."""
    found = []
    for m in HYPHEN_MEASURE_RE.finditer(text):
        read = quantity(f"{m['num']} {m['unit']}", m.start(), **_around(text, m, 20), unit="", span=len(m[0]))
        found += [replace(x, text=m[0]) for x in read if x.kind == "quantity"]
    return found


# Sums after a lettered dollar sign ("Can$282 million", "NZ$40m"), which spaCy's tokenizer splits
# into a name and a bare figure.
PREFIXED_SUM_RE = re.compile(
    r"(?<![\w$])(?:Can|CA|NZ|AU|S)\$\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:bn|mn|m|k|tn|million|billion|trillion)\b)?"
)


def prefixed_sums(text: str) -> list[Mention]:
    """Sums after a lettered dollar sign, read before spaCy's entities (factcheck.mentions)."""
    found = []
    for m in PREFIXED_SUM_RE.finditer(text):
        found += money(m[0], m.start(), **_around(text, m, 20))
    return found


TEMPERATURE_RE = re.compile(
    r"(?<![\w.])(?P<num>-?\d+(?:\.\d+)?)\s?(?P<unit>°\s?[CF]\b|degrees?\s+(?:Celsius|Fahrenheit|centigrade|C|F)\b"
    r"|(?:C|F)(?![\w'’-]))"
)

TEMPERATURE_QUALIFIER_RE = re.compile(rf"(?i)(?:{TEMPERATURE_QUALIFIERS})\s+$")


def temperatures(text: str) -> list[Mention]:
    """Temperatures ("14.98C", "55 degrees Fahrenheit", "1.5°C"), which spaCy types as counts,
    percentages or places ("Fahrenheit"); read before anything else."""
    found = []
    for m in TEMPERATURE_RE.finditer(text):
        unit = re.sub(r"[°\s]+", " ", m["unit"]).strip().lower().replace("degree ", "degrees ")
        qualifier = TEMPERATURE_QUALIFIER_RE.search(text[: m.start()])
        begin = qualifier.start() if qualifier else m.start()
        found += quantity(
            f"{text[begin : m.start()]}{m['num']} {unit}", begin, unit="", span=m.end() - begin, **_around(text, m, 30)
        )
    return [replace(x, text=text[x.start : x.end]) for x in found]
