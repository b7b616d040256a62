"""Agreement of two typed mentions (models.Mention): whether they speak of the same kind of thing
(`comparable`), whether one bears the other out (`agree`), and whether they say different things
(`conflicts`). Figures agree by the middle-in-interval rule; dates as far as both give them; times of
day across time zones and twelve-hour readings; durations within DURATION_SLACK. Pure functions.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence

from .models import Mention
from .quantify import bound_side, overlaps

DAY_PART_SPAN = 60.0  # minutes from which a time is a part of the day ("in the evening"), not a clock time
TIME_SLACK = 10.0  # minutes either side of an exact clock time (a qualified one has its own spread)
DURATION_SLACK = 0.1  # share of a duration either side


def comparable(claim: Mention, found: Mention) -> bool:
    """Whether two mentions give the same kind of value for the same thing (so they must agree)."""
    if claim.kind != found.kind:
        return False
    if claim.kind in ("number", "ordinal"):
        return same_count(claim, found) and _same_share(claim, found)
    if claim.kind == "percent":
        return claim.unit == found.unit
    if claim.kind == "money":
        mine, theirs = _currency_of(claim), _currency_of(found)
        return not (mine and theirs and mine != theirs)
    if claim.kind in ("quantity", "duration"):
        return claim.unit == found.unit  # a duration's unit tells a length of time from an age
    if claim.kind == "date":
        return any(
            a != "??" and a.strip("?") and b.strip("?") for a, b in zip(_parts(claim), _parts(found), strict=False)
        )
    return True


def _same_share(claim: Mention, found: Mention) -> bool:
    """A count of part of a group and the group's size count different things ("fifteen of the
    16 members"); "all 16 members" is the part that did something, so the size of a group only
    part of which did it does not bear it out."""
    if {claim.share, found.share} == {"part", "whole"}:
        return False
    return not (claim.share == "all" and found.share == "whole")


def same_count(a: Mention, b: Mention) -> bool:
    """Whether two figures count the same thing: the same counted noun, or one's noun in the other's
    context ("21 members of the crew" and "25 crew members"); a figure without a noun ("stands at
    246") counts what one with a noun counts where their contexts share two words."""
    if a.unit == b.unit and a.unit:
        return True
    if (a.unit and a.unit in b.context) or (b.unit and b.unit in a.context):
        return True
    if a.unit and b.unit:
        return False
    return len(set(a.context) & set(b.context)) >= 2


def agree(claim: Mention, found: Mention) -> bool:
    """Whether `found` bears out `claim` (the two being `comparable`)."""
    if claim.kind == "date":
        return _dates_agree(claim, found)
    if claim.kind == "money" and not comparable(claim, found):
        return False  # sums in other currencies
    (a_lo, a_hi), (b_lo, b_hi) = values_of(claim), values_of(found)
    if claim.kind in ("number", "percent", "money", "quantity", "ordinal"):
        if RANGE_RE.search(claim.text) and RANGE_RE.search(found.text):
            return _ends_agree(a_lo, b_lo) and _ends_agree(a_hi, b_hi)  # "$60 to $385" is not "$60 to $185"
        return _within(a_lo, a_hi, b_lo, b_hi) or _truncated(claim, found) or _bounds_meet(claim, found)
    if claim.kind == "time":
        if min(a_hi - a_lo, b_hi - b_lo) > DAY_PART_SPAN:
            return overlaps(a_lo, a_hi, b_lo, b_hi)  # "that night" and "that evening" may be one hour
        if (b_hi - b_lo) > max(a_hi - a_lo, 60.0):
            return False  # "in the morning" does not bear out "at 5:17 am"
        shifts = [z + h for z in _zone_shifts(claim, found) for h in _half_days(claim, found)]
        a_lo, a_hi = (a_lo - TIME_SLACK, a_hi + TIME_SLACK) if a_hi == a_lo else (a_lo, a_hi)
        b_lo, b_hi = (b_lo - TIME_SLACK, b_hi + TIME_SLACK) if b_hi == b_lo else (b_lo, b_hi)
        return any(_within(a_lo, a_hi, b_lo + s, b_hi + s) for s in shifts)
    if claim.kind == "duration":
        if _vaguer(found, claim):
            return False  # "for months" does not bear out "for nearly seven months"
        return _within(a_lo * (1 - DURATION_SLACK), a_hi * (1 + DURATION_SLACK), b_lo, b_hi)
    return overlaps(a_lo, a_hi, b_lo, b_hi)


# Two figures joined as a range ("between $60 and $185", "six to ten", "12-15%").
RANGE_RE = re.compile(r"(?i)\d[^\d]{0,12}\b(?:to|and)\b[^\d]{0,6}\d|\d\s*[-–]\s*\$?\d")
RANGE_END_SLACK = 0.1  # share by which the ends of two ranges that agree may differ


def _ends_agree(a: float, b: float) -> bool:
    return abs(a - b) <= RANGE_END_SLACK * max(abs(a), abs(b))


def _currency_of(m: Mention) -> str:
    """A sum's currency, without the period it is paid per ("USD/year" is in dollars)."""
    return m.unit.split("/")[0]


def _period(m: Mention) -> str:
    return m.unit.partition("/")[2]


def _meets(claim: Mention, part: Mention) -> bool:
    """Whether a clock time falls in a part of the day, in the part's zone, past midnight too
    ("1:27 am" is in "the night", which runs from 20:00 to 05:00)."""
    lo, hi = values_of(part)
    at = values_of(claim)
    return any(
        overlaps(at[0] + day, at[1] + day, lo + zone, hi + zone)
        for zone in _zone_shifts(claim, part)
        for day in (0.0, 1440.0)
    )


def _part_of_day(m: Mention) -> bool:
    low, high = values_of(m)
    return high - low > DAY_PART_SPAN


def _vaguer(found: Mention, claim: Mention) -> bool:
    """Whether `found` spans a range much wider than the claim's value does ("months" against
    "seven months"): it neither bears the claim out nor, where they overlap, contradicts it."""
    (a_lo, a_hi), (b_lo, b_hi) = values_of(claim), values_of(found)
    return b_hi - b_lo > 2 * max(a_hi - a_lo, 0.25 * a_hi)


def _zones(m: Mention) -> list[float]:
    tz = next((u for u in m.unit.split() if u.startswith("tz:")), "")
    return [float(h) * 60 for h in tz[3:].split(",")] if tz else []


def _zone_shifts(claim: Mention, found: Mention) -> list[float]:
    """Minutes to add to the source's time to read it in the claim's zone (0 where either names none)."""
    mine, theirs = _zones(claim), _zones(found)
    if not mine or not theirs:
        return [0.0]
    return [a - b + day for a in mine for b in theirs for day in (0.0, 1440.0, -1440.0)]


def _half_days(claim: Mention, found: Mention) -> tuple[float, ...]:
    return (0.0, 720.0, -720.0) if "12h" in claim.unit.split() + found.unit.split() else (0.0,)


def _truncated(claim: Mention, found: Mention) -> bool:
    """A whole number in the claim that is the source's figure with its decimals cut off ("631
    points" for "631.6 points"), as news writing often gives one."""
    if claim.low is None or claim.low != claim.high or found.low is None or found.high is None:
        return False
    middle = (found.low + found.high) / 2
    return claim.low == int(claim.low) and middle != int(middle) and math.floor(middle) == claim.low


def _bounds_meet(claim: Mention, found: Mention) -> bool:
    """A lower bound and an upper bound that leave a value both allow ("almost 36 million" and
    "more than 35.9 million"): two ways of telling one figure, not two figures."""
    sides = {bound_side(claim.text), bound_side(found.text)}
    return sides == {"above", "below"} and overlaps(*values_of(claim), *values_of(found))


def _within(a_lo: float, a_hi: float, b_lo: float, b_hi: float) -> bool:
    """Either figure's middle lies in the other's interval: "nearly 3,000" ~ "2,977", while
    "about 85 million" and "about 100 million" do not agree though their intervals touch."""
    return a_lo <= (b_lo + b_hi) / 2 <= a_hi or b_lo <= (a_lo + a_hi) / 2 <= b_hi


def values_of(m: Mention) -> tuple[float, float]:
    return (m.low or 0.0, m.high if m.high is not None else m.low or 0.0)


def _parts(m: Mention) -> list[str]:
    key = m.unit.partition(SOFT_YEAR)[0]
    return key.split("-") if key.count("-") == 2 else ["????", "??", "??"]


SOFT_YEAR = "~"  # "????-03-16~2024": a day and month told without a year, and the year the text's date implies


def date_parts(m: Mention) -> list[str]:
    """A date's year, month and day ("??" for a part not given), the year filled in where the
    text's own date implies it (`dates.date_phrase`): for bearing a date out, never against one."""
    parts, implied = _parts(m), m.unit.partition(SOFT_YEAR)[2]
    return [implied, *parts[1:]] if implied and "?" in parts[0] else parts


def _dates_agree(claim: Mention, found: Mention) -> bool:
    """Every part the claim gives, the evidence gives too, and the same (the year a source's
    "16 March" implies counts: `date_parts`)."""
    return all(not (a.strip("?") and a != b) for a, b in zip(_parts(claim), date_parts(found), strict=True))


def conflicts(claim: Mention, found: Mention) -> bool:
    """Whether two comparable mentions say different things: for dates, a part both give differs
    (and both give the month, or neither does: "2 October 2023" and "2021" are other events)."""
    if claim.kind == "time" and bool(_zones(claim)) != bool(_zones(found)):
        return False  # "8 am" (local) and "06:00 GMT" may be one time: a zone is missing to tell
    if claim.kind == "duration" and _vaguer(found, claim) and overlaps(*values_of(claim), *values_of(found)):
        return False
    if claim.kind == "money" and _period(claim) != _period(found):
        return False  # "$2,350 a month" and a sum told without its period ("the annual price is $28,218")
    if claim.kind == "time" and _part_of_day(found) and not _part_of_day(claim):
        return not _meets(claim, found)  # "in the evening" contradicts "at 10:27 pm" only where they do not meet
    if claim.kind != "date":
        return not agree(claim, found)
    mine, theirs = _parts(claim), _parts(found)
    if ("?" in mine[1]) != ("?" in theirs[1]):
        return False
    return any("?" not in a + b and a != b for a, b in zip(mine, theirs, strict=True))


def date_weekday(m: Mention) -> int | None:
    """The weekday (0 = Monday) of a date mention that gives year, month and day."""
    year, month, day = _parts(m)
    if "?" in year + month + day:
        return None
    try:
        return dt.date(int(year), int(month), int(day)).weekday()
    except ValueError:
        return None


def with_weekdays(mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions plus the weekday each full date falls on (so "on Monday" meets "10 March 2023")."""
    extra = []
    for m in mentions:
        day = date_weekday(m) if m.kind == "date" else None
        if day is not None and not any(x.kind == "weekday" for x in mentions):
            extra.append(Mention("weekday", m.text, m.start, m.end, float(day), float(day), context=m.context))
    return [*mentions, *extra]
