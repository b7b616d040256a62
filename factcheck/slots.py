"""Slot-by-slot comparison of a claim with its evidence: each typed mention of the claim
(models.Mention) is matched, mismatched or unverified against the mentions found in the passages
when they were indexed. Pure functions.

A slot is *matched* where any evidence passage holds an agreeing mention (a figure within its
rounding, the same date as far as both give it, a name the passage holds). It is *mismatched* where a
counterpart passage (one that makes the same statement, see `counterparts`) holds mentions of the
same kind and role and none agrees: "all six workers" against "all eight workers". Otherwise it is
*unverified*. Each outcome is a `Check` citing the claim's span and, where there is one, the
passage's span.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .models import Check, Evidence, Mention
from .quantify import DERIVED, overlaps
from .retrieve import content_words

SUPPORTS, CONTRADICTS, NOTE = "supports", "contradicts", "note"
VALUE_KINDS = ("number", "percent", "money", "quantity", "duration", "time", "ordinal", "weekday", "date")
NAME_KINDS = ("person", "organisation", "place")
SLOT_NAMES = {"number": "number", "quantity": "unit"}  # check names: number_mismatch, unit_mismatch, ...
TIME_SLACK = 10.0  # minutes either side of an exact clock time (a qualified one has its own spread)
DURATION_SLACK = 0.1  # share of a duration either side
COUNTERPART_DENSE = 0.65  # a passage this close in meaning makes the claim's statement (tune half: 0.6-0.7)
NAME_COUNTERPARTS = 3  # best counterparts where another name in the same role contradicts a name
# Kinds whose only value in a counterpart is in the claim's role even without shared context words
# (a statement has one date, one time); a lone figure or sum may count something else.
ALONE_ALIGNS = frozenset({"date", "weekday", "time", "duration", "ordinal", "percent", "quantity", "number"})
# A passage close in meaning (dense ≥ LONE_DENSE) whose only date or duration differs from the
# claim's contradicts it, though it words the statement otherwise ("walked off the job on 2 June"
# against "the walkout began on 2 May 2023").
LONE_DENSE = 0.6
LONE_KINDS = frozenset({"date", "duration"})
LONE_SCALE = 8.0
RELATED_SHARE = 0.6  # a related passage holds this share of the counterpart floor of statement words
RELATED_CONTEXT = 2  # context words a related passage's differing value shares with the claim's
NAME_STOP = frozenset("the of and for a an de la le".split())


@dataclass(frozen=True)
class Slot:
    """The outcome for one claim mention: "match", "mismatch" or "unverified"."""

    mention: Mention
    outcome: str
    evidence: int | None = None
    found: Mention | None = None


# --- agreement of two mentions ---------------------------------------------------------------


def comparable(claim: Mention, found: Mention) -> bool:
    """Whether two mentions give the same kind of value for the same thing (so they must agree)."""
    if claim.kind != found.kind:
        return False
    if claim.kind in ("number", "ordinal"):
        return _same_count(claim, found)
    if claim.kind == "percent":
        return claim.unit == found.unit
    if claim.kind == "money":
        return not (claim.unit and found.unit and claim.unit != found.unit)
    if claim.kind == "quantity":
        return claim.unit == found.unit
    if claim.kind == "date":
        return any(
            a != "??" and a.strip("?") and b.strip("?") for a, b in zip(_parts(claim), _parts(found), strict=False)
        )
    return True


def _same_count(a: Mention, b: Mention) -> bool:
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
    if claim.kind == "money" and claim.unit and found.unit and claim.unit != found.unit:
        return False
    (a_lo, a_hi), (b_lo, b_hi) = _values(claim), _values(found)
    if claim.kind in ("number", "percent", "money", "quantity", "ordinal"):
        return _within(a_lo, a_hi, b_lo, b_hi)
    if claim.kind == "time":
        if (b_hi - b_lo) > max(a_hi - a_lo, 60.0):
            return False  # "in the morning" does not bear out "at 5:17 am"
        shifts = [z + h for z in _zone_shifts(claim, found) for h in _half_days(claim, found)]
        a_lo, a_hi = (a_lo - TIME_SLACK, a_hi + TIME_SLACK) if a_hi == a_lo else (a_lo, a_hi)
        b_lo, b_hi = (b_lo - TIME_SLACK, b_hi + TIME_SLACK) if b_hi == b_lo else (b_lo, b_hi)
        return any(_within(a_lo, a_hi, b_lo + s, b_hi + s) for s in shifts)
    if claim.kind == "duration":
        return _within(a_lo * (1 - DURATION_SLACK), a_hi * (1 + DURATION_SLACK), b_lo, b_hi)
    return overlaps(a_lo, a_hi, b_lo, b_hi)


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


def _within(a_lo: float, a_hi: float, b_lo: float, b_hi: float) -> bool:
    """Either figure's middle lies in the other's interval: "nearly 3,000" ~ "2,977", while
    "about 85 million" and "about 100 million" do not agree though their intervals touch."""
    return a_lo <= (b_lo + b_hi) / 2 <= a_hi or b_lo <= (a_lo + a_hi) / 2 <= b_hi


def _values(m: Mention) -> tuple[float, float]:
    return (m.low or 0.0, m.high if m.high is not None else m.low or 0.0)


def _parts(m: Mention) -> list[str]:
    return m.unit.split("-") if m.unit.count("-") == 2 else ["????", "??", "??"]


def _dates_agree(claim: Mention, found: Mention) -> bool:
    """Every part the claim gives, the evidence gives too, and the same."""
    return all(not (a.strip("?") and a != b) for a, b in zip(_parts(claim), _parts(found), strict=True))


def conflicts(claim: Mention, found: Mention) -> bool:
    """Whether two comparable mentions say different things: for dates, a part both give differs
    (and both give the month, or neither does: "2 October 2023" and "2021" are other events)."""
    if claim.kind == "time" and bool(_zones(claim)) != bool(_zones(found)):
        return False  # "8 am" (local) and "06:00 GMT" may be one time: a zone is missing to tell
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


# --- names -----------------------------------------------------------------------------------


def _name_words(name: str) -> list[str]:
    return [w for w in re.findall(r"\w+", name.lower()) if w not in NAME_STOP]


def _acronym(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Z]\w*", name) if w.lower() not in NAME_STOP).lower()


# Names that stand for one country (a place named one way in a claim, another in a source).
ALIASES = (
    frozenset({"us", "usa", "united states", "united states of america", "america", "american"}),
    frozenset({"uk", "britain", "great britain", "united kingdom", "british"}),
    frozenset({"eu", "european union"}),
    frozenset({"un", "united nations"}),
)


def _plain(text: str) -> str:
    """Lower case words with dotted initials joined: "the U. S." → "the us"."""
    text = re.sub(r"\b([A-Za-z])\.\s?(?=[A-Za-z]\b\.?)", r"\1", text)
    return " ".join(re.findall(r"\w+", re.sub(r"[’']s\b", "", text.lower())))


def _alias_in(mention: Mention, text: str) -> bool | None:
    """Whether `text` names the mention's country by any of its names; None for other names."""
    key = " ".join(w for w in _plain(mention.text).split() if w != "the")
    group = next((g for g in ALIASES if key in g), None)
    if group is None:
        return None
    plain = f" {_plain(text)} "
    return any(f" {alias} " in plain for alias in group)


def name_in(mention: Mention, text: str) -> bool:
    """Whether `text` names what `mention` names: a person by surname, an organisation or place by
    all its significant words, or by its acronym either way ("FDIC"); a country by any of its
    names ("the U.S." and "America")."""
    alias = _alias_in(mention, text)
    if alias is not None:
        return alias
    words = set(re.findall(r"\w+", text.lower()))
    mine = _name_words(mention.text)
    if not mine:
        return True
    if mention.kind == "person":
        return mine[-1] in words
    held = sum(w in words for w in mine)
    if held == len(mine) or (len(mine) > 3 and held >= len(mine) - 1):
        return True  # a long name may drop a word ("Texas Department of State Health Services")
    acronym = _acronym(mention.text)
    if len(acronym) >= 2 and acronym in words:
        return True
    return len(mine) == 1 and mention.text.isupper() and mine[0] in _acronyms(text)


def _acronyms(text: str) -> set[str]:
    """Acronyms of the capitalised runs of a text: "Medicines and Healthcare products Regulatory
    Agency" → "mhra" (short words inside the run are skipped)."""
    runs = re.findall(r"[A-Z]\w+(?:\s+(?:and|of|for|the|[a-z]+\s+)?[A-Z]\w+)+", text)
    return {"".join(w[0] for w in run.split() if w[0].isupper() or len(w) > 3).lower() for run in runs} | {
        "".join(w[0] for w in run.split() if w[0].isupper()).lower() for run in runs
    }


def same_name(a: Mention, b: Mention) -> bool:
    return name_in(a, b.text) or name_in(b, a.text)


# --- counterparts and slots ------------------------------------------------------------------


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def stems(text: str) -> set[str]:
    """The stems of a text's content words: "convicted" and "conviction", "authorised" and
    "authorisation" share one (Snowball's English stemmer)."""
    return set(_stemmer().stemWords(content_words(text).split()))


def statement_words(text: str, mentions: Sequence[Mention]) -> set[str]:
    """Content words of a text outside its value mentions: what the statement is about."""
    for m in mentions:
        if m.kind in VALUE_KINDS:  # blanked, not cut, so that the other spans stay where they were
            text = text[: m.start] + " " * (m.end - m.start) + text[m.end :]
    return stems(text)


def statement_overlap(claim_words: set[str], passage: str) -> float:
    """Share of the claim's statement words the passage also has, in [0, 1]."""
    if not claim_words:
        return 0.0
    return len(claim_words & stems(passage)) / len(claim_words)


def counterparts(claim_words: set[str], evidence: Sequence[Evidence], *, floor: float) -> list[int]:
    """Passages that make the claim's statement, perhaps with other specifics: the claim's words
    outside its figures mostly there (share ≥ `floor`), or a close embedding (COUNTERPART_DENSE);
    best first."""
    scored = [(statement_overlap(claim_words, e.passage.text), e.dense, i) for i, e in enumerate(evidence)]
    keep = [(o + d, i) for o, d, i in scored if o >= floor or d >= COUNTERPART_DENSE]
    return [i for _, i in sorted(keep, reverse=True)]


def compare_slot(
    m: Mention,
    evidence: Sequence[Evidence],
    near: Sequence[int],
    *,
    claim_text: str = "",
    related: Sequence[int] = (),
    taken: frozenset[tuple[int, int]] = frozenset(),
) -> Slot:
    """One claim mention against the evidence (`near`: its counterpart passages, best first). A
    counterpart with an agreeing value of the same kind and role matches; else the best counterpart
    with such a value that differs mismatches; else an agreeing mention anywhere matches; else a
    `related` passage (sharing less of the statement) mismatches where its differing value shares
    RELATED_CONTEXT words of context with the claim's ("2:20 am Japan time" and "12:20 am Japan
    time")."""
    if m.kind in NAME_KINDS:
        return _compare_name(m, evidence, near, claim_text)

    def rivals(i: int) -> list[Mention]:
        """Values in passage i comparable with m, less those that bear out another of the claim's."""
        found = with_weekdays(evidence[i].passage.mentions)
        return [f for f in found if comparable(m, f) and (i, f.start) not in taken]

    for i in near:
        agreeing = next(
            (f for f in with_weekdays(evidence[i].passage.mentions) if comparable(m, f) and agree(m, f)), None
        )
        if agreeing is not None:
            return Slot(m, "match", i, agreeing)
    for i, e in enumerate(evidence):  # the same value in the same role elsewhere outweighs a counterpart's
        for found in with_weekdays(e.passage.mentions):
            if comparable(m, found) and agree(m, found) and set(m.context) & set(found.context):
                return Slot(m, "match", i, found)
    for i in near:
        aligned = _aligned(m, rivals(i))
        if aligned is not None and conflicts(m, aligned) and (m.kind != "duration" or _same_scale(m, aligned)):
            return Slot(m, "mismatch", i, aligned)
    for i, e in enumerate(evidence):
        for found in with_weekdays(e.passage.mentions):
            if found.kind == m.kind and _loosely_comparable(m, found, e.passage.text) and agree(m, found):
                return Slot(m, "match", i, found)
    for i in related:
        shared = [
            r for r in rivals(i) if _counts_named(m, r) and len(set(m.context) & set(r.context)) >= RELATED_CONTEXT
        ]
        aligned = _aligned(m, shared)
        if aligned is not None and conflicts(m, aligned):
            return Slot(m, "mismatch", i, aligned)
    for i, e in enumerate(evidence):
        lone = [f for f in e.passage.mentions if comparable(m, f)] if e.dense >= LONE_DENSE else []
        alone = len(lone) == 1 and (i, lone[0].start) not in taken
        if m.kind in LONE_KINDS and alone and conflicts(m, lone[0]) and _same_scale(m, lone[0]):
            return Slot(m, "mismatch", i, lone[0])
    return Slot(m, "unverified")


def _counts_named(m: Mention, found: Mention) -> bool:
    """Figures outside a counterpart are compared only where both name what they count."""
    return m.kind not in ("number", "ordinal") or bool(m.unit and found.unit)


def _loosely_comparable(m: Mention, found: Mention, text: str) -> bool:
    """For a match, a figure may count another word for the same thing ("ballots" and "votes")
    where its value agrees and its context or the passage shares the claim's counted noun."""
    if comparable(m, found):
        return True
    if m.kind not in ("number", "ordinal"):
        return False
    return not m.unit or not found.unit or m.unit in text.lower() or bool(set(m.context) & set(found.context))


def _same_scale(a: Mention, b: Mention) -> bool:
    """Two values within a factor of LONE_SCALE (durations): "seven months" and "five months" may
    be one length told two ways; "five hours" and "15 days" are lengths of other things."""
    if a.low is None or b.low is None:
        return True
    x, y = (sum(_values(a)) / 2, sum(_values(b)) / 2)
    return min(x, y) > 0 and max(x, y) / min(x, y) <= LONE_SCALE


def _aligned(m: Mention, rivals: Sequence[Mention]) -> Mention | None:
    """The rival mention in the same role as `m`: the only value there is, or the one sharing most
    context."""
    if rivals and m.kind in ALONE_ALIGNS and all(agree(rivals[0], r) for r in rivals[1:]):
        return rivals[0]  # one value, perhaps in two units ("7 kilometres, or 4.3 miles")
    shared = [(len(set(m.context) & set(r.context)), r.start, r) for r in rivals]
    best = max(shared, default=None, key=lambda t: (t[0], -t[1]))
    return best[2] if best and best[0] >= 1 else None


def _rival_kind(m: Mention, f: Mention) -> bool:
    """Names of one kind are rivals; a one-word place and a one-word organisation too, since the
    tagger often confuses them ("Bodrum" typed as an organisation), unless one is a known country."""
    if m.kind == f.kind:
        return True
    pair = {m.kind, f.kind} == {"organisation", "place"}
    return pair and all(len(_name_words(x.text)) == 1 and _alias_in(x, "") is None for x in (m, f))


def _compare_name(m: Mention, evidence: Sequence[Evidence], near: Sequence[int], claim_text: str) -> Slot:
    """Down the best NAME_COUNTERPARTS counterparts: one that holds the name matches; one that puts
    another name in its role (sharing context) mismatches. Else a name held anywhere in the
    evidence (counterparts first) matches."""

    def holds(e: Evidence) -> bool:
        return name_in(m, f"{e.passage.text} {e.source.publisher} {e.source.title}")

    for i in near[:NAME_COUNTERPARTS]:
        if holds(evidence[i]):
            return Slot(m, "match", i)
        mentions = evidence[i].passage.mentions
        rivals = [f for f in mentions if _rival_kind(m, f) and not same_name(m, f) and not name_in(f, claim_text)]
        aligned = _aligned(m, [r for r in rivals if set(m.context) & set(r.context)])
        if aligned is not None:
            return Slot(m, "mismatch", i, aligned)
    for i, e in sorted(enumerate(evidence), key=lambda ie: ie[0] not in near):
        if holds(e):
            return Slot(m, "match", i)
    return Slot(m, "unverified")


def statement_passages(
    words: set[str], evidence: Sequence[Evidence], *, floor: float
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(counterparts, related passages) for a claim's statement words: the passages that make its
    statement, and those that share part of it (RELATED_SHARE of the floor), best first."""
    near = tuple(counterparts(words, evidence, floor=floor))
    related = tuple(i for i in counterparts(words, evidence, floor=floor * RELATED_SHARE) if i not in near)
    return near, related


def compare(
    claim_text: str,
    claim_mentions: Sequence[Mention],
    evidence: Sequence[Evidence],
    *,
    near: Sequence[int],
    related: Sequence[int] = (),
) -> list[Slot]:
    """Every comparable mention of the claim (offsets into `claim_text`) against the evidence;
    `near` and `related` as `statement_passages` gives them."""
    kinds = (*VALUE_KINDS, *NAME_KINDS)
    mine = _deduplicated([m for m in with_weekdays(claim_mentions) if m.kind in kinds and m.unit != DERIVED])
    found = [compare_slot(m, evidence, near, claim_text=claim_text, related=related) for m in mine]
    taken = frozenset(
        (s.evidence, s.found.start) for s in found if s.outcome == "match" and s.found and s.evidence is not None
    )
    # a value that bears out one of the claim's values is no rival of another: look again past it
    found = [
        compare_slot(s.mention, evidence, near, claim_text=claim_text, related=related, taken=taken)
        if s.outcome == "mismatch" and s.found and (s.evidence, s.found.start) in taken
        else s
        for s in found
    ]
    return _without_taken_rivals(_against_witnesses(found, evidence))


def _against_witnesses(found: Sequence[Slot], evidence: Sequence[Evidence]) -> list[Slot]:
    """A passage that bears out one of the claim's values speaks of the same thing, however it
    words it ("that detour adds about 3,500 miles and up to 12 days"): an unverified value of the
    claim is compared there too, against a value in the same role."""
    witnesses = sorted({s.evidence for s in found if s.outcome == "match" and s.found and s.evidence is not None})
    out = []
    for s in found:
        if s.outcome == "unverified" and s.mention.kind in VALUE_KINDS:
            s = next((w for w in (_witnessed(s.mention, evidence, i) for i in witnesses) if w), s)
        out.append(s)
    return out


def _witnessed(m: Mention, evidence: Sequence[Evidence], i: int) -> Slot | None:
    rivals = [f for f in with_weekdays(evidence[i].passage.mentions) if comparable(m, f) and _counts_named(m, f)]
    aligned = _aligned(m, rivals)
    if aligned is None or not conflicts(m, aligned):
        return None
    return Slot(m, "mismatch", i, aligned) if m.kind != "duration" or _same_scale(m, aligned) else None


def _without_taken_rivals(found: Sequence[Slot]) -> list[Slot]:
    """A mention that bears out one of the claim's figures is not another figure's rival: "nearly
    10 billion dollars" matched "9.6 billion dollars", so "400 million dollars an hour" is not
    contradicted by it."""
    taken = {(s.evidence, s.found.start) for s in found if s.outcome == "match" and s.found is not None}
    return [
        Slot(s.mention, "unverified")
        if s.outcome == "mismatch" and s.found and (s.evidence, s.found.start) in taken
        else s
        for s in found
    ]


def _deduplicated(mentions: Sequence[Mention]) -> list[Mention]:
    """One mention per span (a date and the weekday it implies share one)."""
    seen: set[tuple[str, int]] = set()
    out = []
    for m in mentions:
        if (m.kind, m.start) not in seen:
            seen.add((m.kind, m.start))
            out.append(m)
    return out


def as_check(slot: Slot, claim_start: int) -> Check:
    """A slot's outcome as a Check: `{kind}_match`, `{kind}_mismatch` or `{kind}_unverified`."""
    name = SLOT_NAMES.get(slot.mention.kind, slot.mention.kind)
    m, found = slot.mention, slot.found
    effect = {"match": SUPPORTS, "mismatch": CONTRADICTS}.get(slot.outcome, NOTE)
    if slot.outcome == "unverified":
        detail = f"no source gives {m.text!r}"
    elif found is None:
        detail = f"{m.text!r} named in the source"
    elif slot.outcome == "match":
        detail = f"{m.text!r} ~ {found.text!r}"
    else:
        detail = f"claim {m.text!r}; source {found.text!r}"
    span = (found.start, found.end) if found else (None, None)
    return Check(
        f"{name}_{slot.outcome}",
        effect,
        detail,
        slot.evidence,
        claim_start=claim_start + m.start,
        claim_end=claim_start + m.end,
        evidence_start=span[0],
        evidence_end=span[1],
    )
