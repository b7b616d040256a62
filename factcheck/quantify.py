"""Values of the spans spaCy types: numbers, money, percentages, unit quantities, ordinals and
durations, each as an interval (models.Mention.low/high). Dates and weekdays are `factcheck.dates`',
times of day `factcheck.clock`'s, and what spaCy leaves untyped `factcheck.untyped`'s.

Kept libraries do the language where they can: text2num reads word numbers ("two hundred and
forty"), pint converts units ("40 miles" → metres), `parse.dates` and dateparser read dates. What is
left here is what they do not cover: qualifiers ("nearly", "more than") as intervals, money
magnitudes and currencies ("$1.8bn"), times of day ("shortly after 9 in the morning"), durations
("six to ten hours"), ratios ("one in eight").
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from . import parse
from .clock import CLOCK_RE, clock, zone_after
from .models import Mention

SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6, "billion": 1e9,
    "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "crore": 1e7, "lakh": 1e5,
}  # fmt: skip
EXTRA_WORDS = {
    "a dozen": 12.0, "dozen": 12.0, "half": 0.5, "a half": 0.5, "half a": 0.5, "a hundred": 100.0,
    "a thousand": 1000.0, "a quarter": 0.25, "quarter": 0.25, "a quarter of a": 0.25, "a third of a": 1 / 3,
    "three quarters of a": 0.75, "half of a": 0.5,
}  # fmt: skip
# Qualifier → (low factor, high factor) around the stated value.
QUALIFIERS = {
    "more than": (1.0, 1.25), "over": (1.0, 1.25), "above": (1.0, 1.25), "at least": (1.0, 1.25),
    "upwards of": (1.0, 1.25), "in excess of": (1.0, 1.25), "just over": (1.0, 1.1), "just under": (0.9, 1.0),
    "little over": (1.0, 1.1), "a little over": (1.0, 1.1), "little more than": (1.0, 1.1),
    "less than": (0.5, 1.0), "fewer than": (0.5, 1.0), "under": (0.5, 1.0), "below": (0.5, 1.0),
    "up to": (0.75, 1.0), "nearly": (0.85, 1.0), "almost": (0.85, 1.0), "close to": (0.85, 1.02),
    "about": (0.93, 1.07), "around": (0.93, 1.07), "approximately": (0.93, 1.07), "roughly": (0.93, 1.07),
    "some": (0.93, 1.07), "an estimated": (0.93, 1.07), "estimated": (0.93, 1.07), "some estimated": (0.93, 1.07),
    "well over": (1.05, 1.5), "well above": (1.05, 1.5), "well under": (0.5, 0.95), "well below": (0.5, 0.95),
}  # fmt: skip
_QUALIFIER_WORDS = "|".join(sorted(map(re.escape, QUALIFIERS), key=len, reverse=True))  # longest first
QUALIFIER_RE = re.compile(rf"(?i)\b({_QUALIFIER_WORDS})\s*$")
LEADING_QUALIFIER_RE = re.compile(rf"(?i)^({_QUALIFIER_WORDS})\b")


def bound_side(text: str) -> str:
    """Which side of its figure a qualified figure lies: "above" ("more than 35.9 million"),
    "below" ("almost 36 million"), or "" (exact, approximate, or no qualifier)."""
    hit = LEADING_QUALIFIER_RE.match(text.strip())
    low, high = QUALIFIERS[hit[1].lower()] if hit else (0.0, 0.0)
    return "above" if low == 1.0 else "below" if high == 1.0 else ""


CURRENCY_SYMBOLS = {
    "us$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "can$": "CAD", "nz$": "NZD", "s$": "SGD",
    "hk$": "HKD", "r$": "BRL", "$": "USD", "£": "GBP", "€": "EUR",
    "¥": "JPY", "₹": "INR",
}  # fmt: skip
CURRENCY_WORDS = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY",
    "renminbi": "CNY", "franc": "CHF", "rupee": "INR", "real": "BRL", "reais": "BRL", "won": "KRW",
    "lira": "TRY", "rouble": "RUB", "ruble": "RUB", "usd": "USD", "eur": "EUR", "gbp": "GBP", "chf": "CHF",
}  # fmt: skip
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUMBER_RE = re.compile(rf"(?<![\w.])({_NUMBER})(?:\s*({'|'.join(SCALES)})\b)?", re.I)
WORD_RE = re.compile(r"[a-z]+(?:-[a-z]+)?", re.I)
RANGE_SPLIT_RE = re.compile(r"\s*(?:\bto\b|-|–|—|\band\b|\bor\b)\s*")
# Durations: units of time in seconds.
TIME_UNITS = {
    "second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800, "fortnight": 1209600,
    "month": 2629800, "year": 31557600, "decade": 315576000,
}  # fmt: skip
DURATION_RE = re.compile(
    r"(?i)(?P<num>(?:[\w.,]+\s+){0,3}?[\w.,]+(?:\s+(?:to|and|or|-|–)\s+[\w.,]+)?(?:\s+and\s+a\s+half)?)\s*-?\s*"
    r"(?P<unit>seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?)\b(?!\s+ago)"
    r"(?P<half>\s+and\s+a\s+half)?"
)
RATE_RE = re.compile(
    r"(?i)(?:\bper\s+|/\s*|\b(?:kilomet(?:re|er)s?|km|miles?|met(?:re|er)s?|feet|foot)\s+an?\s+)"
    r"(?:seconds?|minutes?|hours?|h|days?|weeks?|months?|years?)\b"
)
FIRST_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
ROUNDED_FROM = 100.0  # from here a round figure may stand for its rounding ("3,000", "150"), below it is a count
ROUNDING_CAP = 0.10  # an exact figure stands for its rounding, at most ±10 % ("3bn" ~ 3.2bn, not 3.4bn)


# --- numbers ---------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def word_number(words: str) -> float | None:
    """ "eight" → 8, "two hundred and forty" → 240, "a dozen" → 12 (text2num); None otherwise."""
    key = " ".join(words.lower().replace("-", " ").split())
    if key in EXTRA_WORDS:
        return EXTRA_WORDS[key]
    from text_to_num import text2num

    try:
        return float(text2num(key, "en"))
    except ValueError:
        return None


def read_number(text: str) -> tuple[float, float, int] | None:
    """The first number in `text` with its scale ("1.8bn", "2,977", "eight million") as
    (value, rounding step, end offset): the step is half a unit of the last digit written
    ("1.8bn": 0.05bn; "3,000": 500; "2,977" and "six": 0). None where there is no number."""
    m = NUMBER_RE.search(text)
    words = _word_run(text)
    if m and (words is None or m.start() <= words[1]):
        digits = m[1].replace(",", "")
        scale = SCALES.get((m[2] or "").lower(), 1.0)
        return float(digits) * scale, _step(digits, scale), m.end()
    if words is None:
        return None
    value, _, end = words
    return value, _step(str(int(value)) if value >= 1 else "0", 1.0), end


def _step(digits: str, scale: float) -> float:
    if "." in digits:
        return 0.5 * 10.0 ** -len(digits.split(".")[1]) * scale
    if scale > 1:
        return 0.5 * scale  # "60 million" is rounded to the million, not to ten million
    zeros = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
    return 0.5 * 10.0**zeros if zeros else 0.0


def _word_run(text: str) -> tuple[float, int, int] | None:
    """The longest run of number words in `text` that text2num reads, with a scale word after it."""
    tokens = list(WORD_RE.finditer(text))
    for i in range(len(tokens)):
        for j in range(len(tokens), i, -1):
            phrase = text[tokens[i].start() : tokens[j - 1].end()]
            value = word_number(phrase)
            if value is not None:
                scale_end = tokens[j - 1].end()
                nxt = tokens[j] if j < len(tokens) else None
                if nxt and nxt[0].lower() in SCALES and nxt[0].lower() not in ("m", "b", "k"):
                    return value * SCALES[nxt[0].lower()], tokens[i].start(), nxt.end()
                return value, tokens[i].start(), scale_end
    return None


def interval(value: float, step: float, qualifier: str | None) -> tuple[float, float]:
    """The values a stated figure stands for: its rounding (`step`, at most ROUNDING_CAP of it),
    widened by a qualifier ("nearly 3,000" → 2,550-3,000)."""
    if qualifier:
        lo, hi = QUALIFIERS[qualifier.lower()]
        return value * lo, value * hi
    # a round count under ROUNDED_FROM is exact ("all 30 first-place votes" is not 28 of them)
    slack = min(step, ROUNDING_CAP * abs(value)) if abs(value) >= ROUNDED_FROM or step < 1 else 0.0
    return value - slack, value + slack


def qualifier_before(before: str) -> str | None:
    m = QUALIFIER_RE.search(before)
    return m[1].lower() if m else None


def _split_qualifier(text: str, before: str) -> tuple[str | None, str]:
    """A qualifier inside the span ("about 100") or just before it; and the rest of the span."""
    for q in sorted(QUALIFIERS, key=len, reverse=True):
        if text.lower().startswith(q + " "):
            return q, text[len(q) + 1 :]
    return qualifier_before(before), text


def _range(body: str) -> tuple[float, float] | None:
    """ "six to ten", "6-10", "between 6 and 10", "1.5 to 2 million" → (low, high)."""
    body = re.sub(r"(?i)^between\s+", "", body)
    parts = RANGE_SPLIT_RE.split(body, maxsplit=1)
    if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
        return None
    a, b = read_number(parts[0]), read_number(parts[1])
    if not a or not b:
        return None
    scale = SCALES.get(parts[1].split()[-1].lower(), 1.0) if len(parts[1].split()) > 1 else 1.0
    lo = a[0] * scale if a[0] * scale <= b[0] and not any(w in SCALES for w in parts[0].lower().split()) else a[0]
    return (lo, b[0]) if lo < b[0] else None


def figure(text: str, before: str, *, rounding: str = "digits") -> tuple[float, float] | None:
    """The interval a number phrase stands for, qualifiers and ranges read. `rounding`: "digits"
    (a round figure stands for its rounding: "3,000" for 2,500-3,500), "decimals" (to the last
    decimal written: "12%" for 11.5-12.5) or "none" (a count of units: "two weeks" is two)."""
    qualifier, body = _split_qualifier(text, before)
    ranged = _range(body)
    if ranged:
        return ranged
    single = rounding == "none" and re.fullmatch(r"(?i)(?:a|an|one|a\s+single)", body.strip())
    read = (1.0, 0.0, len(body)) if single else read_number(body)
    if read is None:
        return None
    if rounding == "none" and not qualifier:
        return read[0], read[0]
    step = {"digits": read[1], "decimals": 0.5 * 10.0 ** -_decimals(body), "none": 0.0}[rounding]
    return interval(read[0], step, qualifier)


def _mention(kind: str, text: str, start: int, values: tuple[float, float], unit: str = "") -> Mention:
    return Mention(kind, text, start, start + len(text), values[0], values[1], unit)


def _hyphen_bound(before: str, text: str) -> bool:
    """ "COVID-19", "F-35", "G7": a number glued to a name is part of the name."""
    return bool(re.search(r"[A-Za-z]-?$", before)) or bool(re.match(r"^\d+[A-Za-z]", text))


VAGUE_RE = re.compile(
    r"(?i)(?:(?:many|several|some|tens\s+of|hundreds\s+of)\s+)?(?:dozens|scores|hundreds|thousands|millions|billions)"
)


def cardinal(text: str, start: int, *, before: str, after: str, unit: str) -> list[Mention]:
    """A count: "all eight workers", "1,200 jobs", "more than 2,000 people"; "one in eight" is a ratio."""
    glued = GLUED_UNIT_RE.fullmatch(text)
    if glued and (name := _unit_symbol(glued["unit"])):  # "2GW", "10km" tagged as a count
        read = quantity(f"{glued['figure']} {name}", start, before=before, after=after, unit=name)
        return [replace(m, text=text, end=start + len(text)) for m in read]
    if _hyphen_bound(before, text) or re.fullmatch(r"(?:19|20)\d\d", text.strip()):
        return []
    if VAGUE_RE.fullmatch(text.strip()) or re.search(r"(?i)\bparts?\s+per\s+$", before):
        return []  # "millions of jobs" gives no figure to compare; "parts per million" is read with its figure
    durations = duration(text, start, before=before, after=after)
    if durations:
        return durations  # "roughly four and a half hours" tagged as a count
    ratio = re.match(r"\s+in\s+(\w+)", after)
    if ratio and (den := read_number(ratio[1])) and (num := read_number(text)) and den[0] > num[0] > 0:
        end = len(text) + ratio.end()
        value = 100.0 * num[0] / den[0]
        return [Mention("percent", text + after[: ratio.end()], start, start + end, value * 0.97, value * 1.03)]
    if re.search(r"(?i)\ball\s+but\s*$", before) or (re.match(r"(?i)^one$", text) and after.startswith(" of ")):
        return []  # "all but one of the 29", "one of the proudest": no count of their own
    day = r"(?:[1-9]|[12]\d|3[01])"
    days = rf"(?i)(?:between\s+)?{day}(?:\s*(?:and|to|-|–)\s*{day})?"
    month_after = rf"(?i)(?:\s*(?:and|to|-|–)\s*{day})?\s+(?:of\s+)?{parse.MONTH_RE}"
    if re.fullmatch(days, text.strip()) and re.match(month_after, after):
        return []  # "31 October", "between 2 and 9 October": days of the month, read with the date
    if _currency(text, before[-1:], "") or _currency("", "", unit):
        return money(text, start, before=before, after=after)  # "between two and four US dollars", "1.2 million euros"
    per = PARTS_PER_RE.match(after)
    if per and (values := figure(text, before, rounding="decimals")):  # "419 parts per million": a share
        scale = PARTS_PER[(per["word"] or per["abbr"]).lower()]
        return [
            _mention("percent", text + after[: per.end()], start, (values[0] * 100 / scale, values[1] * 100 / scale))
        ]
    if re.match(r"(?i)\s*(?:%|per\s*cent\b|percent\b)", after):
        cent = re.match(r"(?i)\s*(?:%|per\s*cent|percent)", after)
        return percent(text + after[: cent.end()] if cent else text, start, before=before)
    of_whole = _share_of_whole(text, start, before=before, after=after)
    if of_whole:
        return of_whole
    if unit and _pint_unit(unit):
        return quantity(f"{text} {unit}", start, before=before, after=after, unit=unit, span=len(text))
    magnitude = text
    fraction = FRACTION_BEFORE_RE.search(before) if re.fullmatch(r"(?i)\s*(?:thousand|million|billion)", text) else None
    if fraction:  # "more than a quarter of a million" tagged as "million"
        text, start, before = fraction[0] + text, start - len(fraction[0]), before[: fraction.start()]
    values = figure(magnitude, before)
    if values is None or (not unit and values[1] < 13 and not re.search(r"\d", text)):
        return []  # "two of them": a small number word with no counted noun is not a figure
    if fraction:
        share = FRACTIONS[re.sub(r"[\s-]+", " ", fraction["frac"].lower())]
        values = (values[0] * share, values[1] * share)
    return [replace(_mention("number", text, start, values, unit), share=share_of(before, after))]


# Shares told in parts per thousand, million or billion ("419 parts per million", "12 ppb"), read
# as percentages ("ppt" is left out: per thousand to some, per trillion to others).
PARTS_PER_RE = re.compile(r"(?i)^\s*(?:parts?\s+per\s+(?P<word>thousand|million|billion|trillion)|(?P<abbr>ppm|ppb)\b)")
PARTS_PER = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "ppm": 1e6, "ppb": 1e9}
FRACTIONS = {"a quarter": 0.25, "one quarter": 0.25, "three quarters": 0.75, "a third": 1 / 3, "one third": 1 / 3,
             "two thirds": 2 / 3, "half": 0.5, "a half": 0.5}  # fmt: skip
FRACTION_BEFORE_RE = re.compile(
    r"(?i)\b(?P<frac>(?:a|one|three|two)[\s-]+(?:quarters?|thirds?|half)|half)\s+(?:of\s+)?an?\s+$"
)


FRACTION_WORDS = {**FRACTIONS, "three quarter": 0.75, "two third": 2 / 3, "a fifth": 0.2, "one fifth": 0.2}
SHARE_OF_RE = re.compile(r"(?i)^\s+of\b")
HALF_A_PERCENT_RE = re.compile(r"(?i)^\s+(?:of\s+)?an?\s+(?:per\s*cent(?:age\s+point)?|percent(?:age\s+point)?)\b")


def _share_of_whole(text: str, start: int, *, before: str, after: str) -> list[Mention]:
    """ "nearly half of the state's generation" → a percentage (42.5-50), so that a source's
    "48.6%" can bear it out; "less than half a per cent", "two-thirds of a per cent" → a
    percentage under 1."""
    qualifier, body = _split_qualifier(text, before)
    share = FRACTION_WORDS.get(re.sub(r"[\s-]+", " ", body.strip().lower()).rstrip("s"))
    if share is None:
        return []
    of_a_point = HALF_A_PERCENT_RE.match(after)  # "half a per cent", "two-thirds of a per cent"
    if of_a_point and (share == 0.5 or "of" in of_a_point[0].split()):
        span = text + after[: of_a_point.end()]
        unit = "point" if "point" in span else ""
        return [_mention("percent", span, start, interval(share, share * 0.05, qualifier), unit)]
    if not SHARE_OF_RE.match(after):
        return []
    return [_mention("percent", text, start, interval(100.0 * share, 100.0 * share * 0.05, qualifier))]


_OF_THE = r"\s+of\s+(?:the|its|their|his|her|our|these|those)\s+"
ALL_BEFORE_RE = re.compile(r"(?i)\b(?:all|every\s+one\s+of)(?:\s+of)?(?:\s+(?:the|its|their|his|her|our))?\s+$")
NUMBER_WORD = r"(?:\d[\d,.]*|[A-Za-z]+(?:[\s-][a-z]+)?)"


def share_of(before: str, after: str) -> str:
    """Which share of a group a count counts (models.Mention.share): "all" after "all", "whole"
    after "fifteen of the", "part" before "of the 16"."""
    if ALL_BEFORE_RE.search(before):
        return "all"
    whole = re.search(rf"(?P<n>{NUMBER_WORD}){_OF_THE}$", before)
    if whole and read_number(whole["n"].split()[-1]) is not None:
        return "whole"
    part = re.match(rf"{_OF_THE}(?P<n>{NUMBER_WORD})\b", after)
    if part and read_number(part["n"]) is not None:
        return "part"
    return ""


# Unit symbols written against their figure ("2GW", "10km"); not single letters, which name things
# as often ("5G", "3D", "G7").
GLUED_UNIT_RE = re.compile(r"(?P<figure>\d[\d,]*(?:\.\d+)?)(?P<unit>km|kg|cm|mm|ft|mi|lbs?|mph|[kMGT]Wh?)")


def _unit_symbol(symbol: str) -> str:
    """The unit a symbol written against its figure names ("GW" → "gigawatt"), "" for none."""
    try:
        unit = _units().Unit("lb" if symbol == "lbs" else symbol)
    except Exception:  # pint raises many kinds for symbols that are no unit
        return ""
    return "" if unit.dimensionless else str(unit)


def _pint_unit(word: str) -> bool:
    """Whether pint reads `word` as a unit of measure (not a dimensionless count)."""
    if word in ("people", "person", "time", "case", "death", "vote", "year", "day", "month", "week", "point"):
        return False  # "631 points" on an index or a scoreboard, not 631 typographic points
    try:
        return not _units().Quantity(1.0, word).dimensionless
    except Exception:  # pint raises many kinds for words that are no unit
        return False


def percent(text: str, start: int, *, before: str) -> list[Mention]:
    """ "12%", "12.5 per cent", "about a fifth" is left out; percentage points kept apart."""
    body = re.sub(r"(?i)\s*(?:%|per\s*cent(?:age points?)?|percent(?:age points?)?)", " ", text).strip()
    values = figure(body, before, rounding="decimals")
    unit = "point" if "point" in text.lower() else ""
    return [_mention("percent", text, start, values, unit)] if values else []


def _decimals(body: str) -> int:
    m = re.search(r"\d+\.(\d+)", body)
    return len(m[1]) if m else 0


def money(text: str, start: int, *, before: str, after: str) -> list[Mention]:
    """ "$1.8bn", "1,800 million dollars", "£3 billion", "minus 37.63 dollars" → amount and currency."""
    if re.search(r"(?i)\bper\s*cent\b|\bpercent\b|%", text):
        return percent(text, start, before=before)  # "23.4 per cent to settle at $11.57" typed as one sum
    inside = re.search(r"(?i)\bpounds?\b", text)
    outside = None if inside else re.match(r"(?i)\s*pounds?\b", after)  # "weigh at least 35 pounds": left out
    if (inside or outside) and "£" not in text and WEIGHT_RE.search(f"{before} {after[:40]}"):
        if outside:
            return quantity(
                f"{text} pounds", start, before=before, after=after[outside.end() :], unit="", span=len(text)
            )
        return quantity(text, start, before=before, after=after, unit="")  # "weighed roughly 100 pounds"
    currency = _currency(text, before, after)
    body = re.sub(r"(?i)(us|au|a|can|ca|c|nz|hk|s|r)?[$£€¥₹]", " ", text)
    body = re.sub(rf"(?i)\b(?:{'|'.join(CURRENCY_WORDS)})s?\b|\b(?:US|Swiss|Hong Kong)\b", " ", body).strip()
    negative = re.match(r"(?i)(?:minus|negative)\s+|-(?=\s*\d)", body)
    values = figure(body[negative.end() :] if negative else body, before)
    if values and negative:
        values = (-values[1], -values[0])  # below zero: "minus 40 dollars" is -40, not "up to 40"
    period = PERIOD_RE.match(after)
    if values and period:  # "$2,200 a month": a sum per year, so that "$26,500 a year" is its equal
        unit = period["unit"] or PERIOD_ADVERBS[period["adverb"].lower()]
        per_year = PERIODS_A_YEAR[unit.lower()]
        values, currency = (values[0] * per_year, values[1] * per_year), f"{currency}/year"
    return [_mention("money", text, start, values, currency)] if values else []


WEIGHT_RE = re.compile(r"(?i)\b(?:weigh\w*|heav\w*|mass|load|payload|lift\w*|carr\w+|kilograms?|kg)\b")
# A sum paid per period ("$2,200 a month", "£9 per hour"), told per year.
PERIOD_RE = re.compile(
    r"(?i)^\s*(?:(?:a|an|per|each|every|/)\s*(?P<unit>year|month|week|day)\b"
    r"|(?:(?:in|of)\s+)?(?P<adverb>annual|annually|yearly|monthly|weekly|daily)\b)"
)
PERIODS_A_YEAR = {"year": 1.0, "month": 12.0, "week": 52.18, "day": 365.25}
PERIOD_ADVERBS = {
    "annual": "year", "annually": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day",
}  # fmt: skip


def _currency(text: str, before: str, after: str) -> str:
    near = (before[-4:] + text).lower()
    for symbol in sorted(CURRENCY_SYMBOLS, key=len, reverse=True):
        if symbol in near:
            return CURRENCY_SYMBOLS[symbol]
    words = re.findall(r"[a-z]+", (text + " " + after[:20]).lower())
    for word in words[:6]:
        stem = word[:-1] if word.endswith("s") and word[:-1] in CURRENCY_WORDS else word
        if stem in CURRENCY_WORDS:
            return CURRENCY_WORDS[stem]
    return ""


@lru_cache(maxsize=1)
def _units() -> Any:
    import pint

    return pint.UnitRegistry()


def quantity(text: str, start: int, *, before: str, after: str, unit: str, span: int = 0) -> list[Mention]:
    """ "40 kilometres" → 40,000 (metres, "[length]"); a unit pint does not know is a counted noun.
    `span`: the length of the mention in the text where `text` had its unit appended."""
    rate = re.match(r"(?i)\s*/\s*h(?:ou)?r?\b|\s+(?:per|an?)\s+(?:hour|second|minute)\b", after)
    if rate and not span:  # "80 km" tagged without its "/h"
        text, span = text + after[: rate.end()], len(text)
    durations = duration(text, start, before=before, after=after)
    if durations:
        return durations
    read = read_number(text)
    if read is None:
        return []
    words = text[read[2] :].strip().lower().replace("square ", "square_").replace("cubic ", "cubic_")
    words = re.sub(r"\s*/\s*|\s+an?\s+(?=(?:hour|second|minute)\b)", " per ", words)  # "km/h", "6 km a second"
    words = re.sub(r"[^a-z_ ]", " ", words).strip()
    words = UNIT_ALIASES.get(words, words)
    if not words and unit and not span and _pint_unit(unit):  # "about 1.5 billion" tagged without its "litres"
        return quantity(f"{text} {unit}", start, before=before, after=after, unit=unit, span=len(text))
    if re.fullmatch(r"[ap]\s*m", words):
        return time_phrase(text, start, before=before, after=after)  # "8 am" is no attometre
    qualifier, _ = _split_qualifier(text, before)
    values = interval(read[0], read[1], qualifier)
    shown = text[:span] if span else text
    scale = TEMPERATURE_SCALES.get(words)
    if scale:
        small = abs(values[1]) <= SMALL_CHANGE[scale[0]]
        change = small or bool(CHANGE_AFTER_RE.match(after) or CHANGE_BEFORE_RE.search(before))
        return [_temperature(shown, start, values, scale, delta=change)]
    if words:
        try:
            factor = _units().Quantity(1.0, words.replace("square_", "square ").replace("cubic_", "cubic "))
            base = factor.to_base_units()
            dim = str(base.dimensionality)
            low, high = AMBIGUOUS_UNITS.get(words, (base.magnitude, base.magnitude))
            return [_mention("quantity", shown, start, (values[0] * low, values[1] * high), dim)]
        except Exception:  # pint raises many kinds for words that are no unit
            pass
    return [_mention("number", text, start, values, unit or (words.split()[-1] if words else ""))]


# Unit words pint reads otherwise: "923 mb" of air pressure is millibars, not millibarns.
UNIT_ALIASES = {"mb": "millibar", "mbar": "millibar", "hpa": "hectopascal"}
# "ton" is a metric tonne to many writers, a short ton (907 kg) or a long ton (1,016 kg) to others:
# it stands for the span of the three, in kilograms.
AMBIGUOUS_UNITS = {"ton": (907.18474, 1016.0469088), "tons": (907.18474, 1016.0469088)}
# Temperature words after a figure ("14.98C", "55 degrees Fahrenheit"): pint's name and the size of
# one degree in kelvin. A bare "C" is Celsius in news, not the speed of light.
TEMPERATURE_SCALES = {
    **dict.fromkeys(["c", "degrees c", "celsius", "degrees celsius", "degree celsius", "centigrade"], ("degC", 1.0)),
    **dict.fromkeys(["f", "degrees f", "fahrenheit", "degrees fahrenheit", "degree fahrenheit"], ("degF", 5 / 9)),
}
# Words just after or before a temperature that make it a change ("1.5C above pre-industrial
# levels", "warmed by 2.7F"), which converts without the scales' offsets; and the size up to which a
# temperature is read as a change anyway ("1.48C, or roughly 2.7F, above ..."): news gives few
# absolute temperatures that small, and both sides of a comparison are read by the same rule.
CHANGE_AFTER_RE = re.compile(
    r"(?i)^[\s,]*(?:of\s+)?(?:warming|cooling|above|below|warmer|cooler|hotter|colder|higher|lower|more|less)\b"
)
# the qualifiers read before a temperature, where spaCy types the figure without them
TEMPERATURE_QUALIFIERS = r"about|around|roughly|nearly|almost|some|approximately|over|more\s+than"
CHANGE_BEFORE_RE = re.compile(
    r"(?i)\b(?:by|(?:rise|increase|drop|fall|warming|anomaly)(?:\s+of)?|rises|rose|risen|increased|fell|dropped"
    rf"|warmed|cooled)\s+(?:(?:{TEMPERATURE_QUALIFIERS})\s+)?$"
)
SMALL_CHANGE = {"degC": 5.0, "degF": 9.0}


def _temperature(
    text: str, start: int, values: tuple[float, float], scale: tuple[str, float], *, delta: bool
) -> Mention:
    """A temperature in kelvin ("[temperature]"), or a change of one in kelvins ("[temperature
    change]"), so that 1.5C and 2.7F of warming agree and 13C and 55F of water do too."""
    name, size = scale
    if delta:
        return _mention("quantity", text, start, (values[0] * size, values[1] * size), "[temperature change]")
    kelvin = [_units().Quantity(v, name).to("kelvin").magnitude for v in values]
    return _mention("quantity", text, start, (min(kelvin), max(kelvin)), "[temperature]")


def ordinal(text: str, start: int, *, unit: str) -> list[Mention]:
    """ "third" → 3, "24th" → 24, with what it ranks (`unit`)."""
    m = re.match(r"(\d+)(?:st|nd|rd|th)", text)
    word = text.lower().split("-")[0].strip()
    if m:
        value = float(m[1])
    elif word in FIRST_ORDINALS:
        value = float(FIRST_ORDINALS.index(word) + 1)
    else:
        from text_to_num import alpha2digit

        digits = re.match(r"(\d+)", alpha2digit(text.lower().replace("-", " "), "en"))
        if digits is None:
            return []
        value = float(digits[1])
    return [_mention("ordinal", text, start, (value, value), unit)]


# --- durations -------------------------------------------------------------------------------


def duration(text: str, start: int, *, before: str, after: str = "") -> list[Mention]:
    """ "about two weeks", "six to ten hours", "106 days" → seconds."""
    if RATE_RE.search(text):
        return []  # "47 miles per hour", "80 km/h": a speed
    # "9 1/2 minutes", "9½ minutes": the fraction said in words, which the reader below knows
    parts = list(DURATION_RE.finditer(re.sub(r"(\d)(?:\s+1/2|\s*½)", r"\1 and a half", text)))
    if len(parts) > 1:  # "2 hours and 37 minutes": the parts add up
        read = [duration(p[0], start, before="") for p in parts]
        if all(read) and re.fullmatch(
            r"[\s,and]*", "".join(text[a.end() : b.start()] for a, b in itertools.pairwise(parts))
        ):
            lo = sum(r[0].low or 0.0 for r in read)
            hi = sum(r[0].high or 0.0 for r in read)
            return [Mention("duration", text, start, start + len(text), lo, hi, "second")]
    m = parts[0] if parts else None
    if m is None or re.search(r"(?i)\bago\b", text[m.end() :][:12]):
        return []
    # "a 61-year-old scientist": an age, compared only with ages (AGE), not with how long things took
    unit_of = AGE if re.match(r"(?i)[\s-]*old\b", (text[m.end() :] + after)[:12]) else "second"
    if (
        m["unit"].lower() == "second"
        and re.search(r"(?i)\b(?:a|the)$", m["num"])
        and _ordinal_use(text[m.end() :] + after)
    ):
        return []  # "a second quake": the ordinal, not a length of time
    unit = m["unit"].lower().rstrip("s")
    body = re.sub(r"(?i)^(?:the|for|lasting|some\s+of)\s+", "", m["num"].strip())
    if re.search(r"(?i)\d(?:st|nd|rd|th)$", body):
        return []  # "the 23rd minute" is a point in a match, not a length of time
    half = 0.5 if m["half"] or re.search(r"(?i)\band\s+a\s+half$", body) else 0.0
    body = re.sub(r"(?i)\s+and\s+a\s+half$", "", body)
    values = figure(body, before + " " + text[: m.start()], rounding="none")
    if values is None:
        return []
    seconds = TIME_UNITS[unit]
    lo, hi = (values[0] + half) * seconds, (values[1] + half) * seconds
    return [Mention("duration", text, start, start + len(text), lo, hi, unit_of)]


AGE = "age"  # the unit of a duration that is someone's or something's age
DURATION_FOLLOWERS = frozenset("later earlier after before ago or and of to in".split())


def _ordinal_use(rest: str) -> bool:
    """Whether the words after "a second" make it an ordinal ("a second quake", "a second time")."""
    word = re.match(r"\s*([a-z]+)", rest.lower())
    return word is not None and word[1] not in DURATION_FOLLOWERS


def time_phrase(text: str, start: int, *, before: str, after: str = "") -> list[Mention]:
    """A TIME span: a time of day ("1:27 am", "shortly after 9 in the morning") or a duration;
    a time zone named in it or just after it is kept in `unit` ("tz:9")."""
    durations = duration(text, start, before=before, after=after)
    if durations:
        return durations
    values = clock(text, before)
    if values is None:
        return []
    hit = CLOCK_RE.search(text)
    zone = zone_after(text[hit.end() :] if hit else "") or zone_after(after)
    unit = " ".join(u for u in (values[2], zone) if u)
    return [Mention("time", text, start, start + len(text), values[0], values[1], unit)]


def name_key(text: str) -> str:
    """A name for matching: lower case, no leading article, no possessive, no punctuation."""
    text = re.sub(r"[’']s\b", "", text)
    words = [w for w in re.findall(r"\w+", text.lower()) if w not in ("the", "a", "an")]
    return " ".join(words)


def overlaps(a_lo: float, a_hi: float, b_lo: float, b_hi: float) -> bool:
    return a_lo <= b_hi and b_lo <= a_hi


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
