"""Times of day: clock times in digits or words ("1:27 am", "a quarter past three"), parts of the
day ("in the evening"), qualifiers ("shortly after 9") and time zones named after them ("Japan
time" → tz:9), as minutes after midnight. Pure functions.
"""

from __future__ import annotations

import re

from . import parse
from .models import Mention

CLOCK_RE = re.compile(
    r"(?i)(?<![\d:.])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)?(?![\d:])"
)
DAY_PARTS = {  # minutes after midnight; night runs past midnight (high over 1440)
    "early morning": (240, 480), "morning": (300, 720), "noon": (720, 720), "midday": (720, 720),
    "afternoon": (720, 1080), "evening": (1020, 1380), "night": (1200, 1740), "midnight": (1440, 1440),
    "early hours": (1440, 1740), "dawn": (300, 420), "dusk": (1020, 1200), "overnight": (1320, 1800),
}  # fmt: skip
TIME_QUALIFIERS = {"shortly after": (0, 40), "just after": (0, 20), "shortly before": (-40, 0),
                   "just before": (-20, 0), "about": (-10, 10), "around": (-10, 10), "roughly": (-10, 10),
                   "approximately": (-10, 10), "after": (0, 60), "before": (-60, 0)}  # fmt: skip


ZONES = {  # hours from UTC; where a name covers summer and winter time, both
    "utc": (0,), "gmt": (0,), "bst": (1,), "cet": (1,), "cest": (2,), "est": (-5,), "edt": (-4,), "et": (-4, -5),
    "eastern": (-4, -5), "new york": (-4, -5), "washington": (-4, -5), "pt": (-7, -8), "pdt": (-7,), "pst": (-8,),
    "pacific": (-7, -8), "jst": (9,), "japan": (9,), "tokyo": (9,), "ist": (5.5,), "india": (5.5,),
    "paris": (1, 2), "london": (0, 1), "cst": (-6,), "central": (-5, -6), "moscow": (3,), "msk": (3,),
    "cdt": (-5,), "mt": (-6, -7), "mdt": (-6,), "mst": (-7,), "mountain": (-6, -7), "kst": (9,), "korea": (9,),
    "seoul": (9,), "aest": (10,), "aedt": (11,), "sydney": (10, 11), "hkt": (8,), "beijing": (8,), "china": (8,),
    "singapore": (8,), "wib": (7,), "eat": (3,), "wat": (1,), "sast": (2,), "brt": (-3,), "brasilia": (-3,),
}  # fmt: skip
ZONE_ABBREVIATIONS = frozenset(z for z in ZONES if z.isalpha() and len(z) <= 4 and z not in ("et", "pt", "mt", "eat"))
DIGITAL_RE = re.compile(r"(?:[01]?\d|2[0-3]):[0-5]\d")  # "04:09", "13:24": a clock time, whatever tags it
ZONE_RE = re.compile(rf"(?i)^\s*(?:\(\s*)?({'|'.join(sorted(ZONES, key=len, reverse=True))})\b(?:\s+time)?")


def zone_after(after: str) -> str:
    """ "UTC", "Japan time", "New York time" just after a clock time → "tz:9" ("tz:-4,-5")."""
    m = ZONE_RE.match(after)
    return "tz:" + ",".join(f"{h:g}" for h in ZONES[m[1].lower()]) if m else ""


HOUR_WORDS = "one two three four five six seven eight nine ten eleven twelve".split()
HOURS_NAMED = {"midnight": 24, "noon": 12, **{w: i for i, w in enumerate(HOUR_WORDS, 1)}}
MINUTE_WORDS = {"quarter": 15, "half": 30, "five": 5, "ten": 10, "twenty": 20, "twenty-five": 25, "twenty five": 25}
WORD_CLOCK_RE = re.compile(
    rf"(?i)\b(?:(?P<q>(?:a\s+)?quarter|half|twenty[- ]five|five|ten|twenty|[1-5]?\d(?:\s+minutes)?)\s+"
    rf"(?P<rel>past|to)\s+(?P<h>{'|'.join(HOUR_WORDS)}|1[0-2]|[1-9]|midnight|noon)"
    rf"|(?P<h2>{'|'.join(HOUR_WORDS)}|1[0-2]|[1-9])\s+o['’]clock)\b"
)


def _digit_clock(text: str) -> str:
    """ "a quarter past three" → "3:15", "half past ten" → "10:30", "quarter to four" → "3:45",
    "six o'clock" → "6:00", "twenty to midnight" → "11:40 pm"."""

    def hour(word: str) -> int:
        return HOURS_NAMED.get(word.lower()) or int(word)

    def digits(m: re.Match[str]) -> str:
        if m["h2"]:
            return f"{hour(m['h2'])}:00"
        q = re.sub(r"^a\s+|\s+minutes$", "", m["q"].lower())
        minutes = MINUTE_WORDS.get(q) or int(q)
        t = hour(m["h"]) * 60 + (-minutes if m["rel"].lower() == "to" else minutes)
        if m["h"].lower() not in ("midnight", "noon"):
            return f"{(t // 60 - 1) % 12 + 1}:{t % 60:02d}"
        h24 = (t // 60) % 24
        return f"{(h24 - 1) % 12 + 1}:{t % 60:02d} {'pm' if h24 >= 12 else 'am'}"

    return WORD_CLOCK_RE.sub(digits, text)


def clock(text: str, before: str = "") -> tuple[float, float, str] | None:
    """Minutes after midnight as an interval, and "12h" where am/pm is not known."""
    text = _digit_clock(text)
    lowered = text.lower()
    part = next((p for p in sorted(DAY_PARTS, key=len, reverse=True) if p in lowered), None)
    m = CLOCK_RE.search(text)
    if m is None or not (m["m"] or m["ap"] or part):
        if part is None:
            return None
        lo, hi = DAY_PARTS[part]
        return float(lo), float(hi), ""
    hour, minute = int(m["h"]), int(m["m"] or 0)
    pm = (m["ap"] or "").lower().startswith("p") or (part in ("afternoon", "evening", "night") and hour < 12)
    hour = hour % 12 + 12 if pm else (0 if hour == 12 and m["ap"] else hour)
    ambiguous = "12h" if not m["ap"] and not part and hour <= 12 and not m["h"].startswith("0") else ""
    t = hour * 60 + minute
    spread = (0, 0)
    phrase = (before[-20:] + " " + text[: m.start()]).lower()
    for q, delta in sorted(TIME_QUALIFIERS.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{q}\s*$", phrase.strip()) or re.search(rf"\b{q}\b", text[: m.start()].lower()):
            spread = delta
            break
    return float(t + spread[0]), float(t + spread[1]), ambiguous


def time_phrases(text: str, *, taken: list[tuple[int, int]]) -> list[Mention]:
    """Clock times spaCy did not type ("at 6:04", "1:27 am"), outside spans already read."""
    found = []
    for m in re.finditer(r"(?i)\b\d{1,2}[:.]\d{2}\s*(?:a\.?m\.?|p\.?m\.?)?|\b\d{1,2}\s*(?:a\.?m\.?|p\.?m\.?)", text):
        if parse.taken_by(taken, m):
            continue
        if re.search(r"\d[:.]\d{2}$", m[0]) and not re.search(r"(?i)\bat\s*$", text[: m.start()]):
            continue  # "3.5" or a score "2:1" is no time unless "at" comes before it
        found += _clock_mention(text, m)
    for m in WORD_CLOCK_RE.finditer(text):
        if not parse.taken_by(taken, m):
            found += _clock_mention(text, m)
    return found


def _clock_mention(text: str, m: re.Match[str]) -> list[Mention]:
    values = clock(m[0], text[max(0, m.start() - 25) : m.start()])
    if values is None:
        return []
    unit = " ".join(u for u in (values[2], zone_after(text[m.end() : m.end() + 20])) if u)
    return [Mention("time", m[0], m.start(), m.end(), values[0], values[1], unit)]
