"""Slot-by-slot comparison of a claim with its evidence: each typed mention of the claim
(models.Mention) is matched, mismatched or unverified against the mentions found in the passages
when they were indexed. Pure functions.

A slot is *matched* where any evidence passage holds an agreeing mention (a figure within its
rounding, the same date as far as both give it, a name the passage holds). It is *mismatched* where a
counterpart passage (one that makes the same statement, see `counterparts`) holds mentions of the
same kind and role and none agrees: "all six workers" against "all eight workers". Otherwise it is
*unverified*. Each outcome is a `Check` citing the claim's span and, where there is one, the
passage's span. Whether two mentions agree is `factcheck.agreement`'s; whether a text names a name,
`factcheck.names`'.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from . import elapsed, parse, places, untyped
from .agreement import agree, comparable, conflicts, same_count, values_of, with_weekdays
from .dates import DERIVED
from .models import Check, Evidence, Mention
from .names import alias_in, name_in, name_words, same_name
from .retrieve import content_words

SUPPORTS, CONTRADICTS, NOTE = "supports", "contradicts", "note"
VALUE_KINDS = ("number", "percent", "money", "quantity", "duration", "time", "ordinal", "weekday", "date")
NAME_KINDS = ("person", "organisation", "place")
SLOT_NAMES = {"number": "number", "quantity": "unit"}  # check names: number_mismatch, unit_mismatch, ...
COUNTERPART_DENSE = 0.65  # a passage this close in meaning makes the claim's statement (tune half: 0.6-0.7)
NAME_COUNTERPARTS = 3  # best counterparts where another name in the same role contradicts a name
# Kinds whose only value in a counterpart is in the claim's role even without shared context words
# (a statement has one time, one weekday). Not dates: the same people on another day are another
# event ("the board met on 24 February" is no date for "the board fired him on 3 March").
ALONE_ALIGNS = frozenset({"weekday", "time", "duration", "ordinal", "percent", "quantity", "number"})
# A passage close in meaning (dense ≥ LONE_DENSE) whose only date or duration differs from the
# claim's contradicts it, though it words the statement otherwise ("walked off the job on 2 June"
# against "the walkout began on 2 May 2023").
LONE_DENSE = 0.6
LONE_KINDS = frozenset({"date", "duration"})
LONE_SCALE = 8.0
# How far apart two values of a kind may be and still be one value told wrong: a planted or
# mistaken figure is a digit or two off (1,200 for 2,100, 54th for 64th), not 75,000 times.
SCALES = {"duration": LONE_SCALE, "number": 20.0, "money": 100.0}
CLOSE_STATEMENT = 0.7  # share of the claim's statement words from which a passage says nearly all of it
RELATED_SHARE = 0.6  # a related passage holds this share of the counterpart floor of statement words
RELATED_CONTEXT = 2  # context words a related passage's differing value shares with the claim's
SAME_FIGURE_FLOOR = 13.0  # from here a figure is specific enough to bear out one of the same value (not "two")


@dataclass(frozen=True)
class Slot:
    """The outcome for one claim mention: "match", "mismatch" or "unverified"."""

    mention: Mention
    outcome: str
    evidence: int | None = None
    found: Mention | None = None


# --- counterparts and slots ------------------------------------------------------------------


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("english")


# Irregular past forms news writing uses, to their base verb: a stemmer leaves "held" and "hold"
# apart, so "Caputo held a press conference" would share no verb with "he did not hold one".
# Verbs of saying are left as they are: they frame a statement rather than make it.
IRREGULAR = dict(
    pair.split(":")
    for pair in (
        "held:hold made:make took:take taken:take gave:give given:give won:win lost:lose fell:fall fallen:fall"
        " rose:rise risen:rise found:find left:leave began:begin begun:begin brought:bring"
        " bought:buy sold:sell sent:send spent:spend met:meet led:lead paid:pay ran:run saw:see seen:see"
        " went:go gone:go came:come became:become struck:strike shot:shoot thought:think kept:keep built:build"
        " wrote:write written:write spoke:speak spoken:speak chose:choose chosen:choose drew:draw drawn:draw"
        " drove:drive driven:drive grew:grow grown:grow knew:know known:know threw:throw thrown:throw"
        " flew:fly flown:fly froze:freeze frozen:freeze broke:break broken:break stood:stand sank:sink"
        " sunk:sink shrank:shrink shrunk:shrink fought:fight caught:catch taught:teach sought:seek felt:feel"
        " meant:mean heard:hear sat:sit hung:hang laid:lay dug:dig stuck:stick woke:wake withdrew:withdraw"
        " withdrawn:withdraw overtook:overtake overtaken:overtake forgave:forgive forgiven:forgive stole:steal"
        " stolen:steal shook:shake shaken:shake swore:swear sworn:swear"
    ).split()
)


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    """One word's stem, remembered: the pure-Python stemmer costs about 50 µs a word, and news
    words repeat (a bounded cache of short strings, not a model). Irregular past forms are first
    taken to their base verb (IRREGULAR)."""
    return str(_stemmer().stemWord(IRREGULAR.get(word, word)))


@lru_cache(maxsize=1 << 12)
def stems(text: str) -> frozenset[str]:
    """The stems of a text's content words: "convicted" and "conviction", "authorised" and
    "authorisation" share one (Snowball's English stemmer). Remembered per text, since every
    claim that meets a passage reads it again."""
    return frozenset(_stem(w) for w in content_words(text).split())


def statement_words(text: str, mentions: Sequence[Mention]) -> frozenset[str]:
    """Content words of a text outside its value mentions: what the statement is about."""
    for m in mentions:
        if m.kind in VALUE_KINDS:  # blanked, not cut, so that the other spans stay where they were
            text = text[: m.start] + " " * (m.end - m.start) + text[m.end :]
    return stems(text)


def statement_overlap(claim_words: frozenset[str], passage: str) -> float:
    """Share of the claim's statement words the passage also has, in [0, 1]."""
    if not claim_words:
        return 0.0
    return len(claim_words & stems(passage)) / len(claim_words)


def counterparts(claim_words: frozenset[str], evidence: Sequence[Evidence], *, floor: float) -> list[int]:
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
    close: Sequence[int] = (),
    taken: frozenset[tuple[int, int, str]] = frozenset(),
    values: Sequence[Sequence[Mention]] | None = None,
) -> Slot:
    """One claim mention against the evidence, by the first of these that decides:

    1. down the counterparts (`near`, best first), the first that holds an agreeing value, or is
       `close` (says nearly all the claim says) and holds a value in the claim's role that
       differs: match or mismatch (a value elsewhere that shares a word of context is less
       likely the claim's);
    2. an agreeing value in the same role (sharing context) stands anywhere: match;
    3. a counterpart holds a value in the claim's role that differs: mismatch;
    4. an agreeing value stands anywhere (a figure may name its noun otherwise): match;
    4b. a counterpart holds the very same figure, counting another noun (`_same_figure`): match;
    5. a `related` passage's differing value shares RELATED_CONTEXT context words: mismatch
       ("2:20 am Japan time" and "12:20 am Japan time");
    5b. a sum or measure whose very figure stands in a counterpart, a related passage or beside a
       word of its context, in another magnitude, currency or unit: mismatch (`_rescaled`);
    6. a close passage (dense ≥ LONE_DENSE) holds one date or duration only, of the same scale,
       and it differs: mismatch.

    Otherwise unverified. A value in `taken` bears out another of the claim's values and is no rival.
    `values`: each passage's `facts`, where the caller has them already.
    """
    if m.kind in NAME_KINDS:
        return _compare_name(m, evidence, near, claim_text, close)
    values = values if values is not None else [facts(e) for e in evidence]

    def rivals(i: int) -> list[Mention]:
        return [f for f in values[i] if comparable(m, f) and (i, f.start, f.kind) not in taken]

    found = (
        _not_all(m, values, near)
        or _best_counterpart(m, values, near, close, rivals)
        or _agreeing(m, values, range(len(evidence)), lambda f, i: comparable(m, f) and _shares_context(m, f))
        or _differing(m, near, rivals, lambda f: _may_be_told_wrong(m, f))
        or _agreeing(m, values, range(len(evidence)), lambda f, i: _loosely_comparable(m, f, evidence[i].passage.text))
        or _agreeing(m, values, near, lambda f, i: _same_figure(m, f))
        or _differing(m, related, lambda i: [r for r in rivals(i) if _related_rival(m, r)], lambda f: True)
        or _rescaled(m, values, [*near, *related], taken)
        or _lone_differing(m, evidence, values, taken)
    )
    return found or Slot(m, "unverified")


def _best_counterpart(
    m: Mention,
    values: Sequence[Sequence[Mention]],
    near: Sequence[int],
    close: Sequence[int],
    rivals: Callable[[int], list[Mention]],
) -> Slot | None:
    """Rule 1 of `compare_slot`."""
    for i in near:
        found = _agreeing(m, values, [i], lambda f, i: comparable(m, f))
        if found is None and i in close:
            found = _differing(m, [i], rivals, lambda f: _may_be_told_wrong(m, f))
        if found is not None:
            return found
    return None


def _not_all(m: Mention, values: Sequence[Sequence[Mention]], near: Sequence[int]) -> Slot | None:
    """ "All 16 members" against a counterpart's "fifteen of the 16 members": the part that did it
    is smaller than the whole, whatever other passage gives the group's size."""
    if m.share != "all":
        return None
    for i in near:
        counts = [f for f in values[i] if f.kind == "number" and same_count(m, f)]
        wholes = [f for f in counts if f.share == "whole" and agree(m, f)]
        parts = [f for f in counts if f.share == "part"]
        if wholes and parts and not agree(m, parts[0]):
            return Slot(m, "mismatch", i, parts[0])
    return None


def facts(e: Evidence) -> list[Mention]:
    """The values a passage states as facts (with the weekdays its dates imply): not those inside a
    claim it reports someone making (parse.claimed_spans)."""
    claimed = parse.claimed_spans(e.passage.text)
    return [m for m in with_weekdays(e.passage.mentions) if not any(a <= m.start < b for a, b in claimed)]


def _agreeing(
    m: Mention, values: Sequence[Sequence[Mention]], passages: Iterable[int], fits: Callable[[Mention, int], bool]
) -> Slot | None:
    """A match in the first of `passages` holding a value of m's kind that `fits` and agrees."""
    for i in passages:
        agreeing = next((f for f in values[i] if f.kind == m.kind and fits(f, i) and agree(m, f)), None)
        if agreeing is not None:
            return Slot(m, "match", i, agreeing)
    return None


def _differing(
    m: Mention, passages: Iterable[int], rivals: Callable[[int], list[Mention]], fits: Callable[[Mention], bool]
) -> Slot | None:
    """A mismatch in the first of `passages` whose value in m's role (`_aligned`) differs."""
    for i in passages:
        aligned = _aligned(m, rivals(i))
        if aligned is not None and conflicts(m, aligned) and fits(aligned):
            return Slot(m, "mismatch", i, aligned)
    return None


FIGURE_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")
RESCALABLE = frozenset({"money", "quantity"})


def _figure(m: Mention) -> str | None:
    """The figure a sum or measure is written with ("862.5" in "HK$862.5 million"); None for one
    digit alone ("$9 billion" and an hourly wage of $9 share a figure by chance)."""
    hit = FIGURE_RE.search(m.text)
    figure = hit[0].replace(",", "") if hit else None
    return figure if figure and len(figure.replace(".", "")) >= 2 else None


def _rescaled(
    m: Mention, values: Sequence[Sequence[Mention]], stating: Sequence[int], taken: frozenset[tuple[int, int, str]]
) -> Slot | None:
    """Rule 5b of `compare_slot`: the claim's very figure in another magnitude, currency or unit
    ("some $10 million" against "the $10 billion telescope", "£32bn" against "$32 billion",
    "6.5 feet" against "6.5 metres"): the change a writer makes to a sum or a measure, and a
    coincidence only where the figure stands for something else, so it is taken only in a passage
    making (part of) the claim's statement or beside a word of the claim's context."""
    figure = _figure(m) if m.kind in RESCALABLE else None
    if figure is None:
        return None
    for i, found in enumerate(values):
        for f in found:
            if (
                f.kind == m.kind
                and _figure(f) == figure
                and (i, f.start, f.kind) not in taken
                and (i in stating or _shares_context(m, f))
                and _rescaled_pair(m, f)
            ):
                return Slot(m, "mismatch", i, f)
    return None


def _rescaled_pair(m: Mention, f: Mention) -> bool:
    if m.kind == "money" and not comparable(m, f):
        return True  # another currency
    return comparable(m, f) and conflicts(m, f) and not agree(f, m)


def _lone_differing(
    m: Mention,
    evidence: Sequence[Evidence],
    values: Sequence[Sequence[Mention]],
    taken: frozenset[tuple[int, int, str]],
) -> Slot | None:
    """Rule 6 of `compare_slot`: a close passage's only date or duration differs."""
    if m.kind not in LONE_KINDS:
        return None
    for i, e in enumerate(evidence):
        lone = [f for f in values[i] if comparable(m, f)] if e.dense >= LONE_DENSE else []
        if (
            len(lone) == 1
            and (i, lone[0].start, lone[0].kind) not in taken
            and conflicts(m, lone[0])
            and _same_scale(m, lone[0])
        ):
            return Slot(m, "mismatch", i, lone[0])
    return None


def _shares_context(m: Mention, f: Mention) -> bool:
    return bool(set(m.context) & set(f.context))


def _may_be_told_wrong(m: Mention, f: Mention) -> bool:
    """Whether a counterpart's differing value may be the claim's told wrong: of the same scale, or
    in the same role."""
    return _same_scale(m, f) or _same_role(m, f)


def _same_role(m: Mention, f: Mention) -> bool:
    """Values whose contexts share RELATED_CONTEXT words play one role, however far apart they are
    ("a few days' notice before the news went public" and "a few minutes' notice ... before the
    news became public")."""
    return len(set(m.context) & set(f.context)) >= RELATED_CONTEXT


def _related_rival(m: Mention, r: Mention) -> bool:
    return _counts_named(m, r) and _same_role(m, r)


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


def _same_figure(m: Mention, found: Mention) -> bool:
    """A counterpart's figure of the very same value and qualifier, whatever noun it counts ("drew
    more than 200,000 signatures" and "more than 200,000 fans have signed"): no small count, which
    a passage may hold for anything."""
    return (
        m.kind == found.kind == "number"
        and (m.low, m.high) == (found.low, found.high)
        and (m.high or 0.0) >= SAME_FIGURE_FLOOR
    )


def _same_scale(a: Mention, b: Mention) -> bool:
    """Whether two durations, or two counts, may be one value told wrong (SCALES): "some 300,000
    people" and "four people" count other people."""
    factor = SCALES.get(a.kind)
    return factor is None or _within_factor(a, b, factor)


def _within_factor(a: Mention, b: Mention, factor: float) -> bool:
    """Two values within `factor` at their closest ends: "seven months" and "five months" may be
    one length told two ways, and so may "months" and "years" (a bare unit spans a range); "five
    hours" and "15 days" are lengths of other things."""
    if a.low is None or b.low is None:
        return True
    (a_lo, a_hi), (b_lo, b_hi) = values_of(a), values_of(b)
    near, far = min(a_hi, b_hi), max(a_lo, b_lo)  # the closest ends ("months" and "years" meet)
    return near > 0 and far / near <= factor


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
    if places.celestial(m.text) != places.celestial(f.text):
        return False  # "left Earth" names no rival of "from Europe's spaceport"
    if m.kind == f.kind:
        return True
    pair = {m.kind, f.kind} == {"organisation", "place"}
    return pair and all(len(name_words(x.text)) == 1 and alias_in(x, "") is None for x in (m, f))


def _nested_places(m: Mention, f: Mention) -> bool:
    """A place inside the other ("a Manhattan jury", "a New York jury") is no rival of it."""
    return m.kind == f.kind == "place" and places.nested(m.text, f.text)


REPORTER_BEFORE_RE = re.compile(r"(?i)\b(?:according\s+to|citing|told|reported\s+by|said\s+to)\s+(?:the\s+)?$")
REPORTER_AFTER_RE = re.compile(r"(?i)^\s+(?:reported|reports|said\s+in\s+a\s+report|has\s+reported|was\s+told)\b")


def _reporter(f: Mention, e: Evidence) -> bool:
    """Whether a name in a passage is who reports the news (its publisher, or "X reported that",
    "according to X"): no rival of a name in the news itself."""
    text = e.passage.text
    if e.source.publisher and name_in(f, e.source.publisher):
        return True
    return bool(REPORTER_BEFORE_RE.search(text[: f.start]) or REPORTER_AFTER_RE.match(text[f.end :]))


def _lone_name(
    m: Mention, i: int, near: Sequence[int], rivals: Sequence[Mention], close: Sequence[int]
) -> Mention | None:
    """The one other person the best counterpart names, where it does not name the claim's: the
    person in the claim's role ("Kwarteng's mini-budget of 23 September" against "the then
    chancellor, Jeremy Hunt, promised ..."), however the two sentences word it around them. A place
    likewise, where that counterpart says nearly all the claim says (`close`) and the place is no
    country (a country is often the background, not the point): "lit the cauldron near the Eiffel
    Tower" against "near the Louvre Museum, ... lit the cauldron"."""
    if i != near[0] or m.kind not in ("person", "place"):
        return None
    if m.kind == "place" and (i not in close or alias_in(m, "") is not None or places.country(m.text)):
        return None
    names = {name_words(r.text)[-1]: r for r in rivals if r.kind == m.kind and name_words(r.text)}
    return next(iter(names.values())) if len(names) == 1 else None


def _compare_name(
    m: Mention, evidence: Sequence[Evidence], near: Sequence[int], claim_text: str, close: Sequence[int] = ()
) -> Slot:
    """Down the best NAME_COUNTERPARTS counterparts: one that holds the name matches; one that puts
    another name in its role (sharing context) mismatches. Else a name held anywhere in the
    evidence (counterparts first) matches."""

    def holds(e: Evidence) -> bool:
        return name_in(m, f"{e.passage.text} {e.source.publisher} {e.source.title}")

    for i in near[:NAME_COUNTERPARTS]:
        if holds(evidence[i]):
            return Slot(m, "match", i)
        mentions = evidence[i].passage.mentions
        rivals = [
            f
            for f in mentions
            if _rival_kind(m, f)
            and not same_name(m, f)
            and not name_in(f, claim_text)
            and not _nested_places(m, f)
            and not _reporter(f, evidence[i])
        ]
        aligned = _aligned(m, [r for r in rivals if set(m.context) & set(r.context)]) or _lone_name(
            m, i, near, rivals, close
        )
        if aligned is not None:
            return Slot(m, "mismatch", i, aligned)
    for i, e in sorted(enumerate(evidence), key=lambda ie: ie[0] not in near):
        if holds(e):
            return Slot(m, "match", i)
    return Slot(m, "unverified")


def statement_passages(
    words: frozenset[str], evidence: Sequence[Evidence], *, floor: float
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
    mine = _deduplicated([m for m in with_weekdays(claim_mentions) if m.kind in kinds and not _described(m)])
    values = [facts(e) for e in evidence]  # read once per claim, not once per mention
    words = statement_words(claim_text, claim_mentions)
    close = [i for i in near if statement_overlap(words, evidence[i].passage.text) >= CLOSE_STATEMENT]
    found = [
        compare_slot(m, evidence, near, claim_text=claim_text, related=related, close=close, values=values)
        for m in mine
    ]
    taken = _taken(found)
    # a value that bears out one of the claim's values is no rival of another: look again past it
    found = [
        compare_slot(
            s.mention, evidence, near, claim_text=claim_text, related=related, close=close, taken=taken, values=values
        )
        if _against_taken(s, taken)
        else s
        for s in found
    ]
    found = [s for s in found if not (s.outcome == "unverified" and untyped.is_vague(s.mention))]
    # the weekday a claim's date falls on only contradicts ("took the oath on 24 September" against
    # "sworn in on Monday"); borne out, it adds nothing the date has not said
    found = [s for s in found if s.mention.unit != DERIVED or s.outcome == "mismatch"]
    dated = [*near, *related]
    found = [_elapsed(s, claim_text, mine, values, dated) if s.outcome == "unverified" else s for s in found]
    names = [m for m in mine if m.kind in NAME_KINDS]
    found = [_rank_beside_name(s, names, evidence, values) if _loose_rank(s, near) else s for s in found]
    return _without_taken_rivals(_against_witnesses(found, values))


def _loose_rank(slot: Slot, near: Sequence[int]) -> bool:
    """A rank of the claim not settled by a passage making its statement."""
    return slot.mention.kind == "ordinal" and slot.outcome != "mismatch" and slot.evidence not in near


def _rank_beside_name(
    slot: Slot, names: Sequence[Mention], evidence: Sequence[Evidence], values: Sequence[Sequence[Mention]]
) -> Slot:
    """A rank is someone's: the one a passage gives in the clause that names the claim's subject
    ("Third place went to the VVD, and fourth to a new party formed by Pieter Omtzigt" gives
    Omtzigt's party fourth, whatever else came third). Borne out there, it matches; only
    contradicted there, it mismatches; named nowhere beside a rank, it stays as it was."""
    m = slot.mention
    subjects = [n for n in names if n.end <= m.start]  # whose rank it is: named before it ("X finished third")
    beside: list[tuple[int, Mention]] = []
    for i, e in enumerate(evidence):
        text = e.passage.text
        for a, b in _clause_spans(text):
            if any(name_in(n, text[a:b]) for n in subjects):
                beside += [(i, f) for f in values[i] if f.kind == "ordinal" and a <= f.start < b and comparable(m, f)]
    agreeing = next(((i, f) for i, f in beside if agree(m, f)), None)
    if agreeing is not None:
        return Slot(m, "match", *agreeing)
    # a passage that gives the claim's rank elsewhere ("the third country ..., and the first since
    # 2010") may give it to the claim's subject in words this reading does not follow
    differing = next(
        ((i, f) for i, f in beside if conflicts(m, f) and not any(agree(m, g) for g in values[i] if g.kind == m.kind)),
        None,
    )
    return Slot(m, "mismatch", *differing) if differing is not None else slot


def _clause_spans(text: str) -> list[tuple[int, int]]:
    cuts = [0, *(c.end() for c in parse.CLAUSE_RE.finditer(text)), len(text)]
    return list(itertools.pairwise(cuts))


def _elapsed(
    slot: Slot, claim_text: str, mine: Sequence[Mention], values: Sequence[Sequence[Mention]], dated: Sequence[int]
) -> Slot:
    """An unverified time between two events ("two days after Milei was sworn in") that two
    dates give: the claim's own and a counterpart's, or two counterparts'."""
    if not elapsed.is_elapsed(slot.mention, claim_text):
        return slot
    own = [m for m in mine if m.kind == "date"]
    theirs = [(i, f) for i in dated for f in values[i] if f.kind == "date"]
    pair = elapsed.between_dates(slot.mention, own + [f for _, f in theirs])
    if pair is None or all(d in own for d in pair):
        return slot
    i, date = next((i, f) for i, f in theirs if f in pair)
    return Slot(slot.mention, "match", i, date)


def _against_witnesses(found: Sequence[Slot], values: Sequence[Sequence[Mention]]) -> list[Slot]:
    """A passage that bears out one of the claim's values speaks of the same thing, however it
    words it ("that detour adds about 3,500 miles and up to 12 days"): an unverified value of the
    claim is compared there too, against a value in the same role."""
    witnesses = sorted({s.evidence for s in found if s.outcome == "match" and s.found and s.evidence is not None})

    def witnessed(m: Mention) -> Slot | None:
        def rivals(i: int) -> list[Mention]:
            return [f for f in values[i] if comparable(m, f) and _counts_named(m, f)]

        return _differing(m, witnesses, rivals, lambda f: _same_scale(m, f))

    return [
        (witnessed(s.mention) or s) if s.outcome == "unverified" and s.mention.kind in VALUE_KINDS else s for s in found
    ]


def _without_taken_rivals(found: Sequence[Slot]) -> list[Slot]:
    """A mention that bears out one of the claim's figures is not another figure's rival: "nearly
    10 billion dollars" matched "9.6 billion dollars", so "400 million dollars an hour" is not
    contradicted by it."""
    taken = _taken(found)
    return [Slot(s.mention, "unverified") if _against_taken(s, taken) else s for s in found]


def _taken(found: Sequence[Slot]) -> frozenset[tuple[int, int, str]]:
    """The passage values (passage, start, kind) that bear out one of the claim's values."""
    return frozenset(
        (s.evidence, s.found.start, s.found.kind)
        for s in found
        if s.outcome == "match" and s.found and s.evidence is not None
    )


def _against_taken(s: Slot, taken: frozenset[tuple[int, int, str]]) -> bool:
    """Whether a mismatch rests on a value that bears out another of the claim's values."""
    return s.outcome == "mismatch" and s.found is not None and (s.evidence, s.found.start, s.found.kind) in taken


def _described(m: Mention) -> bool:
    """A body told by what it is ("the electoral institute", "congress"), not by its name: no
    name to compare ("the electoral institute" is no rival of "INE")."""
    return m.kind in NAME_KINDS and not any(c.isupper() for c in re.sub(r"^[Tt]he\s+", "", m.text))


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
