"""Lengths of time a claim gives between two dated events ("two days after Milei was sworn in",
"some seven years later") that no passage states as such, but that two dates in the evidence
give: the days between them. Pure functions.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence

from .agreement import DURATION_SLACK, date_parts
from .models import Mention

DAY = 86400.0
ELAPSED_AFTER_RE = re.compile(r"(?i)^\s*(?:later|after|earlier|before|on|into|since)\b")
ELAPSED_BEFORE_RE = re.compile(r"(?i)\b(?:within|after|for)\s+$")
# The finest part of a date each length of time needs: days for days and weeks, months for
# months, years for years and decades (a month-only date stands for its middle day).
NEEDS_DAY = 60 * DAY


def is_elapsed(m: Mention, claim: str) -> bool:
    """Whether a duration measures the time between two events ("two days after", "ten months
    later"), not how long something lasted."""
    return m.kind == "duration" and bool(
        ELAPSED_AFTER_RE.match(claim[m.end :]) or ELAPSED_BEFORE_RE.search(claim[: m.start])
    )


def _day(m: Mention, *, need_day: bool) -> dt.date | None:
    """The date a mention gives, to the day (or to the month, the 15th, where days are not needed)."""
    parts = date_parts(m) if m.kind == "date" else None
    if not parts or "?" in parts[0] or "?" in parts[1] or (need_day and "?" in parts[2]):
        return None
    day = 15 if "?" in parts[2] else int(parts[2])
    try:
        return dt.date(int(parts[0]), int(parts[1]), day)
    except ValueError:
        return None


def between_dates(m: Mention, dates: Sequence[Mention]) -> tuple[Mention, Mention] | None:
    """Two of `dates` whose distance is the duration `m` (within DURATION_SLACK, and a month's
    slack where the dates are told to the month)."""
    if m.low is None or m.high is None:
        return None
    need_day = m.high < NEEDS_DAY
    days = [(d, _day(d, need_day=need_day)) for d in dates]
    known = [(d, day) for d, day in days if day is not None]
    slack = 0.0 if need_day else 15 * DAY
    low, high = m.low * (1 - DURATION_SLACK) - slack, m.high * (1 + DURATION_SLACK) + slack
    for (a, day_a), (b, day_b) in itertools.combinations(known, 2):
        gap = abs((day_b - day_a).days) * DAY
        if gap > 0 and low <= gap <= high:
            return a, b
    return None
