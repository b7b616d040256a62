"""Dates and weekdays in a DATE span: calendar dates to the precision given ("10 March",
"March 2023", "2019") keyed as YYYY-MM-DD with ?? for the parts not given, weekdays, and the weekday
a day and month fell on in the year nearest the text's date. A DATE span that is a length of time
("about two weeks") is read as a duration. Pure functions.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from . import parse
from .agreement import SOFT_YEAR
from .models import Mention
from .quantify import duration

WEEKDAY_RE = re.compile(r"(?i)\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b")
DAY_MONTH_RE = re.compile(
    rf"(?i)\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{parse.MONTH_RE})"
    rf"|(?P<m2>{parse.MONTH_RE})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)(?!\s*,?\s*\d{{4}})(?!\d)"
)


def date_phrase(text: str, start: int, *, before: str, reference: dt.date | None) -> list[Mention]:
    """A DATE span: durations, weekdays and calendar dates it holds."""
    found = duration(text, start, before=before)
    if found:
        return found
    for m in WEEKDAY_RE.finditer(text):
        day = float(list(calendar.day_name).index(m[1].capitalize()))
        found.append(Mention("weekday", m[0], start + m.start(), start + m.end(), day, day))
    for d in parse.dates(text, reference):
        if d.month is None and d.relative:
            continue  # "this year" says little worth comparing
        key = f"{d.year:04d}-{_two(d.month)}-{_two(d.day)}"
        found.append(Mention("date", d.text, start + d.start, start + d.end, unit=key))
    if not any(m.kind == "date" for m in found):
        for m in DAY_MONTH_RE.finditer(text):
            month, day = parse._month(m["m1"] or m["m2"]), int(m["d1"] or m["d2"])
            near = _date_near(month, day, reference)
            implied = (
                f"{SOFT_YEAR}{near.year}"
                if near and reference and _distance(near, reference) <= YEAR_IMPLIED_WITHIN
                else ""
            )
            key = f"????-{month:02d}-{day:02d}{implied}"
            found.append(Mention("date", m[0], start + m.start(), start + m.end(), unit=key))
            weekday = near.weekday() if near else None
            if weekday is not None and not any(w.kind == "weekday" for w in found):
                span = (start + m.start(), start + m.end())
                found.append(Mention("weekday", m[0], *span, float(weekday), float(weekday), unit=DERIVED))
    return found


DERIVED = "derived"  # a weekday worked out from a day and month, the year taken from the text's date


# How far from the text's date (`_distance`, in days) a day and month told without a year implies
# the year: "16 March" in a report of 21 March 2024 is 16 March 2024; in a retrospective years
# later it may be any year.
YEAR_IMPLIED_WITHIN = 200


def _date_near(month: int, day: int, reference: dt.date | None) -> dt.date | None:
    """Day/month in the year that puts it nearest `reference` (the date of the text it appears
    in; `_distance`): "16 November" in a report of 17 November 2023 was a Thursday."""
    if reference is None:
        return None
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: _distance(d, reference), default=None)


FUTURE_WEIGHT = 2.0  # news reports what happened more often than what is to come


def _distance(day: dt.date, reference: dt.date) -> float:
    """How far a candidate year's date lies from the text's date, a day ahead counting as
    FUTURE_WEIGHT days behind: "3 April" in a report of 15 November was the April past, not the
    one five months ahead."""
    days = (day - reference).days
    return days * FUTURE_WEIGHT if days > 0 else -days


def _two(part: int | None) -> str:
    return f"{part:02d}" if part is not None else "??"
