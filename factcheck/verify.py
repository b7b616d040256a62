"""Claim + evidence → verdict. Pure functions: no model, no I/O.

Checks that fire become the verdict's rationale (`Check.name`):

    similar_passage      a passage says much the same thing (fused score ≥ support_threshold)
    number_match         a figure in the evidence agrees with the claim's (unit, scale, qualifier)
    number_mismatch      the passage about the same subject gives another figure for that unit
    date_match / date_mismatch      the same for dates (year, month, day as far as both give them)
    quote_found          the quotation stands in a source, verbatim or nearly (partial ratio ≥ 0.85)
    quote_misattributed  ... but the source gives it to another speaker
    quote_channel_mismatch  ... the claim says it was told to someone, the source that it was posted
    quote_partly_found   a source holds less than 80 % of the quotation (the rest is unverified)
    quote_not_found      no source holds the quotation
    negation_mismatch    a passage with the same words says the opposite ("not", "never", ...)
    scope_mismatch       the same superlative with another scope ("world's most" vs "Russia's most")
    evidence_after_article   the source was published after the article (a note)
    stance_supports / stance_refutes   the stance model (factcheck.stance) reads a passage as
                         supporting / refuting the claim (its most likely stance, at least
                         stance_threshold); stance_nei: it reads the top passage as saying nothing
                         either way (a note)
    previously_checked   a rated fact-check (an imported ClaimReview) reviewed this claim: its
                         publisher's rating, date and URL (a note: their claim may differ in detail)

A rated fact-check's text is the claim it rated, true or false, so no other check reads it as
evidence of fact; it only ever gives a previously_checked note.

Decision: any deterministic contradicting check → contradicted, unless every one of them is a
right-fact-wrong-context check (scope or quote channel), which gives misleading. Deterministic
checks keep their say: the stance model decides only where none of them fired. Then
stance_refutes → contradicted; otherwise supporting checks and no unverified part → supported,
except that a passage that is merely similar (similar_passage alone) does not support a claim the
stance model reads as not addressed (stance_nei); else not_enough_evidence. A verdict that
contradicts or supports always cites evidence; with no evidence the label is not_enough_evidence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import fuzz

from . import parse
from .calibration import Calibration
from .config import Settings
from .models import STANCE_LABELS, Band, Check, Claim, DateMention, Evidence, Label, Quantity, Quote, Verdict
from .retrieve import QUOTE_MATCH, content_words

SUPPORTS, CONTRADICTS, NOTE = "supports", "contradicts", "note"
ROLE_WORDS = frozenset("the a spokesperson spokesman spokeswoman official company post statement press office".split())
# "the country's" refers back to a place named elsewhere, so only named or global scopes compare.
SCOPE_RE = re.compile(
    r"\b(?:the\s+)?(?P<scope>(?i:world|globe|planet)|[A-Z]\w+)[’']s\s+"
    r"(?P<sup>most\s+\w+|largest|biggest|first|only|oldest|fastest)"
)
TOLD_RE = re.compile(r"\b(?:told|said to|in an interview with)\s+(?:a|an|the)?\s*\w+")
POSTED_RE = re.compile(r"\b(?:post(?:ed)?\s+on\s+(?:X|Twitter|Telegram|Facebook)|on\s+(?:X|Twitter)\b|statement)")
QUOTE_COVERAGE = 0.8  # share of a quotation a source must hold for the quote to count as found
MISLEADING_CHECKS = frozenset({"scope_mismatch", "quote_channel_mismatch"})
STANCE_CHECKS = frozenset({"stance_supports", "stance_refutes", "stance_nei"})


@dataclass(frozen=True)
class Context:
    """What the checks need beside the claim: the evidence and the article's date."""

    evidence: tuple[Evidence, ...]
    as_of: dt.date | None
    settings: Settings


# --- numbers ---------------------------------------------------------------------------------


def numbers_agree(claim: Quantity, found: Quantity) -> bool:
    """Whether `found` bears out `claim`, reading qualifiers: "over 100 million" accepts
    "about 100 million" but not "60 million"; "about X" allows 10 %, an exact figure only rounding (0.5 %)."""
    a, b = claim.value, found.value
    if claim.qualifier == "over":
        return 0.95 * a <= b <= 1.5 * a
    if claim.qualifier == "under":
        return 0.5 * a <= b <= 1.05 * a
    tolerance = 0.10 if claim.qualifier == "about" or found.qualifier != "exact" else 0.005
    return abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-9)


def _subject_words(claim: Claim, start: int) -> set[str]:
    """Names standing near a claim's figure or date: what the figure is about."""
    near = [e for e in claim.entities if abs(e.start - start) <= 80 or abs(e.end - start) <= 80]
    return {re.sub(r"[’']s$", "", w.lower()) for e in near for w in e.text.split()}


def _about_subject(evidence: Evidence, subject: set[str]) -> bool:
    words = {w.lower() for w in re.findall(r"\w+", evidence.passage.text)}
    return not subject or bool(subject & words)


def _topical(ctx: Context, subject: set[str]) -> list[tuple[int, Evidence]]:
    """Evidence about the same subject and close enough to the claim to disagree with it."""
    floor = ctx.settings.support_threshold - 0.07
    return [(i, e) for i, e in enumerate(ctx.evidence) if e.score >= floor and _about_subject(e, subject)]


def check_quantity(claim: Claim, q: Quantity, ctx: Context) -> Check:
    subject = _subject_words(claim, q.start)
    for i, ev in enumerate(ctx.evidence):
        if not _about_subject(ev, subject):
            continue
        for found in parse.quantities(ev.passage.text):
            if found.unit == q.unit and numbers_agree(q, found):
                return Check("number_match", SUPPORTS, f"{q.text!r} ~ {found.text!r}", i)
    for i, ev in _topical(ctx, subject):
        others = [f for f in parse.quantities(ev.passage.text) if f.unit == q.unit]
        if others:
            return Check("number_mismatch", CONTRADICTS, f"claim {q.text!r}; source {others[0].text!r}", i)
    return Check("number_unverified", NOTE, f"no source gives {q.text!r}")


# --- dates -----------------------------------------------------------------------------------


def dates_agree(a: DateMention, b: DateMention) -> bool:
    """Same year, and the same month and day as far as both give them."""
    return (
        a.year == b.year
        and (a.month is None or b.month is None or a.month == b.month)
        and (a.day is None or b.day is None or a.day == b.day)
    )


def _evidence_dates(ev: Evidence) -> tuple[DateMention, ...]:
    return parse.dates(ev.passage.text, ev.source.published)


def check_date(claim: Claim, d: DateMention, ctx: Context) -> Check:
    for i, ev in enumerate(ctx.evidence):
        if any(dates_agree(d, found) for found in _evidence_dates(ev)):
            return Check("date_match", SUPPORTS, f"{d.text!r} ({_iso(d)})", i)
    for i, ev in _topical(ctx, _subject_words(claim, d.start)):
        comparable = [f for f in _evidence_dates(ev) if (f.month is None) == (d.month is None)]
        if comparable:
            found = comparable[0]
            return Check("date_mismatch", CONTRADICTS, f"claim {_iso(d)}; source {_iso(found)} ({found.text!r})", i)
    return Check("date_unverified", NOTE, f"no source dates {d.text!r}")


def _iso(d: DateMention) -> str:
    return "-".join(f"{part:02d}" for part in (d.year, d.month, d.day) if part is not None)


# --- quotes ----------------------------------------------------------------------------------


def same_speaker(a: str, b: str) -> bool:
    """Whether two attributions name the same speaker: "Dmitry Peskov" ~ "Peskov",
    "WhatsApp spokesperson" ~ "WhatsApp"; role words alone never match."""

    def names(s: str) -> set[str]:
        return {w for w in re.findall(r"\w+", s.lower()) if w not in ROLE_WORDS}

    return bool(names(a) & names(b))


def _speaker_in(ev: Evidence, start: int, end: int) -> str | None:
    for q in parse.quotes(ev.passage.text):
        if q.start < end and start < q.end:
            return q.speaker
    return None


def _channel_mismatch(claim: Claim, q: Quote, ev: Evidence) -> bool:
    """The claim has the words told to someone; the source says they were posted or issued."""
    before = claim.text[: max(0, q.start - claim.start)]
    return (
        bool(TOLD_RE.search(before)) and bool(POSTED_RE.search(ev.source.text)) and not TOLD_RE.search(ev.source.text)
    )


class Alignment(NamedTuple):
    """Where a quotation matched in a passage: score in [0, 1], the matched span of the quotation
    (quote_start, quote_end) and of the passage (start, end)."""

    score: float
    quote_start: int
    quote_end: int
    start: int
    end: int


def _align(quote: str, ev: Evidence) -> Alignment:
    """Best near-verbatim match of `quote` in the passage or in one of the passage's quotations."""
    best = Alignment(0.0, 0, 0, 0, 0)
    key = parse.quote_key(quote)
    spans = [(0, len(ev.passage.text))] + [(q.start, q.end) for q in parse.quotes(ev.passage.text)]
    for start, end in spans:
        hit = fuzz.partial_ratio_alignment(key, parse.quote_key(ev.passage.text[start:end]))
        if hit is not None and hit.score / 100 > best.score:
            best = Alignment(hit.score / 100, hit.src_start, hit.src_end, start + hit.dest_start, start + hit.dest_end)
    return best


def _covered(spans: Sequence[tuple[int, int]], length: int) -> float:
    """Share of a text of `length` characters that the union of `spans` covers."""
    marks = bytearray(length)
    for start, end in spans:
        marks[start:end] = b"\x01" * (end - start)
    return sum(marks) / max(1, length)


def check_quote(claim: Claim, q: Quote, ctx: Context) -> Check:
    """Is the quotation in the sources (possibly split over passages), and under whose name?"""
    hits = [(i, ev, _align(q.text, ev)) for i, ev in enumerate(ctx.evidence)]
    hits = [(i, ev, a) for i, ev, a in hits if a.score >= QUOTE_MATCH]
    if not hits:
        return Check("quote_not_found", NOTE, f"no source holds {q.text[:60]!r}")
    covered = _covered([(a.quote_start, a.quote_end) for _, _, a in hits], len(q.text))
    if covered < QUOTE_COVERAGE:
        return Check("quote_partly_found", NOTE, f"{covered:.0%} of the quote is in the sources", hits[0][0])
    speakers = [(i, _speaker_in(ev, a.start, a.end)) for i, ev, a in hits]
    for i, who in speakers:
        if q.speaker and who and not same_speaker(q.speaker, who):
            return Check("quote_misattributed", CONTRADICTS, f"claim gives it to {q.speaker!r}; source to {who!r}", i)
    i, ev, a = hits[0]
    if _channel_mismatch(claim, q, ev):
        detail = f"claim says the words were told to someone; {ev.source.id} says they were posted"
        return Check("quote_channel_mismatch", CONTRADICTS, detail, i)
    who = next((f", said by {w!r}" for _, w in speakers if w), "")
    return Check("quote_found", SUPPORTS, f"match {a.score:.2f}, {covered:.0%} covered{who}", i)


# --- whole-statement checks ------------------------------------------------------------------


def _words(text: str) -> set[str]:
    return set(content_words(parse.NEGATION_RE.sub(" ", text)).split())


def coverage(claim: str, passage: str) -> float:
    """Share of the claim's content words (negations aside) that the passage also has, in [0, 1]."""
    mine = _words(claim)
    return len(mine & _words(passage)) / len(mine) if mine else 0.0


def check_negation(claim: Claim, ctx: Context) -> Check | None:
    """A passage that makes the same statement with the opposite polarity contradicts the claim."""
    for i, ev in enumerate(ctx.evidence):
        if coverage(claim.text, ev.passage.text) < ctx.settings.same_statement or ev.dense < 0.4:
            continue
        if (parse.negations(claim.text) > 0) != (parse.negations(ev.passage.text) > 0):
            return Check("negation_mismatch", CONTRADICTS, f"polarity differs from {ev.passage.id}", i)
    return None


def check_scope(claim: Claim, ctx: Context) -> Check | None:
    """ "the world's most popular app" against a source's "Russia's most popular messenger"."""
    mine = SCOPE_RE.search(claim.text)
    if not mine:
        return None
    for i, ev in enumerate(ctx.evidence):
        theirs = SCOPE_RE.search(ev.passage.text)
        same_superlative = theirs and theirs["sup"].split()[0].lower() == mine["sup"].split()[0].lower()
        if theirs and same_superlative and theirs["scope"].lower() != mine["scope"].lower():
            return Check("scope_mismatch", CONTRADICTS, f"{mine.group()!r} vs {theirs.group()!r}", i)
    return None


def check_similarity(ctx: Context) -> Check | None:
    if ctx.evidence and ctx.evidence[0].score >= ctx.settings.support_threshold:
        return Check("similar_passage", SUPPORTS, f"fused score {ctx.evidence[0].score:.2f}", 0)
    return None


def check_stance(ctx: Context) -> Check | None:
    """The stance model's reading: a refuting passage first (one is enough), else a supporting
    one, else whether the top passage says nothing either way."""
    scored = [(i, e.stance) for i, e in enumerate(ctx.evidence) if e.stance is not None]
    threshold = ctx.settings.stance_threshold
    for name, effect in (("refutes", CONTRADICTS), ("supports", SUPPORTS)):
        hits = [(_p(stance, name), i) for i, stance in scored if _reads(stance, name, threshold)]
        if hits:
            probability, i = max(hits)
            return Check(f"stance_{name}", effect, f"stance model: P({name}) {probability:.2f}", i)
    if scored and scored[0][0] == 0 and _reads(scored[0][1], "nei", threshold):
        return Check("stance_nei", NOTE, f"stance model: P(not enough info) {_p(scored[0][1], 'nei'):.2f}", 0)
    return None


def _p(stance: tuple[float, float, float], name: str) -> float:
    return stance[STANCE_LABELS.index(name)]


def _reads(stance: tuple[float, float, float], name: str, threshold: float) -> bool:
    """Whether `name` is the model's most likely stance, with at least `threshold`."""
    return _p(stance, name) >= threshold and _p(stance, name) == max(stance)


def postdated(ctx: Context) -> list[Check]:
    if ctx.as_of is None:
        return []
    late = [(i, e) for i, e in enumerate(ctx.evidence) if e.source.published and e.source.published > ctx.as_of]
    return [Check("evidence_after_article", NOTE, f"{e.source.id} published {e.source.published}", i) for i, e in late]


def previously_checked(reviews: Sequence[Evidence], *, first: int, settings: Settings) -> list[Check]:
    """Rated fact-checks that make the same claim, with their rating; `first` is the index of
    reviews[0] in the verdict's evidence. A note, not a say in the label: a reviewed claim that
    reads alike may differ in the very figure or name the rating was about."""
    return [
        Check(
            "previously_checked",
            NOTE,
            f"{e.source.publisher or e.source.id} rated {e.source.title!r}: {e.source.rating}"
            f" ({e.source.published or 'undated'}, {e.source.url})",
            first + i,
        )
        for i, e in enumerate(reviews)
        if e.score >= settings.support_threshold
    ]


def run_checks(claim: Claim, ctx: Context) -> tuple[Check, ...]:
    """Every check that applies to the claim, in a stable order."""
    checks: list[Check | None] = [check_similarity(ctx)]
    checks += [check_quantity(claim, q, ctx) for q in claim.quantities if q.unit]
    checks += [check_date(claim, d, ctx) for d in claim.dates]
    checks += [check_quote(claim, q, ctx) for q in claim.quotes if parse.is_statement(q)]
    checks += [check_negation(claim, ctx), check_scope(claim, ctx), check_stance(ctx)]
    return tuple(c for c in checks if c is not None) + tuple(postdated(ctx))


# --- decision --------------------------------------------------------------------------------


def _clip(x: float) -> float:
    return round(max(0.05, min(0.99, x)), 4)


def decide(checks: Sequence[Check], evidence: Sequence[Evidence]) -> tuple[Label, float]:
    """Label and confidence from the checks; see the module docstring for the rule."""
    if not evidence:
        return Label.NOT_ENOUGH_EVIDENCE, 0.8
    deterministic = [c for c in checks if c.name not in STANCE_CHECKS]
    against = [c for c in deterministic if c.effect == CONTRADICTS]
    support = [c for c in deterministic if c.effect == SUPPORTS]
    stance = {c.name: c for c in checks if c.name in STANCE_CHECKS}
    unverified = sum(c.name.endswith(("_unverified", "_not_found", "_partly_found")) for c in checks)
    late = 0.05 * any(c.name == "evidence_after_article" for c in checks)
    if against:
        strength = max(evidence[c.evidence].score for c in against if c.evidence is not None)
        label = Label.MISLEADING if all(c.name in MISLEADING_CHECKS for c in against) else Label.CONTRADICTED
        return label, _clip(0.45 + 0.5 * strength + 0.05 * len(against) - late)
    structured = sum(c.name != "similar_passage" for c in support)
    if "stance_refutes" in stance and not structured:
        return Label.CONTRADICTED, _clip(_stance_probability(stance["stance_refutes"], evidence, "refutes") - late)
    if "stance_supports" in stance:
        support.append(stance["stance_supports"])
    elif "stance_nei" in stance and not structured:
        support = []  # similar words, but the model reads the passage as not addressing the claim
    if support and (unverified == 0 or structured > unverified):
        top = max(evidence[0].score, _stance_probability(stance.get("stance_supports"), evidence, "supports"))
        return Label.SUPPORTED, _clip(top + 0.1 * structured - 0.1 * unverified - late)
    return Label.NOT_ENOUGH_EVIDENCE, _clip(1.0 - evidence[0].score + 0.1 * unverified)


def by_rules(checks: Sequence[Check], label: Label) -> bool:
    """Whether a deterministic check (number, date, quote, negation, scope) decided the label.
    Such verdicts keep their own confidence: the calibration was fit where these checks rarely
    fire (Climate-FEVER), on verdicts the stance model and similarity decide."""
    effect = {Label.CONTRADICTED: CONTRADICTS, Label.MISLEADING: CONTRADICTS, Label.SUPPORTED: SUPPORTS}.get(label)
    return any(c.effect == effect and c.name not in STANCE_CHECKS and c.name != "similar_passage" for c in checks)


def _stance_probability(check: Check | None, evidence: Sequence[Evidence], name: str) -> float:
    """The stance model's P(`name`) for the passage a stance check cites (0 without one)."""
    if check is None or check.evidence is None:
        return 0.0
    stance = evidence[check.evidence].stance
    return _p(stance, name) if stance else 0.0


def verify(
    claim: Claim,
    evidence: Sequence[Evidence],
    *,
    as_of: dt.date | None,
    settings: Settings,
    calibration: Calibration | None = None,
) -> Verdict:
    """The verdict on one claim; a set-aside claim is `not_checkable` with no evidence. With a
    `calibration`, a checked claim's confidence is calibrated (factcheck.calibration)."""
    if claim.set_aside:
        reason = Check("set_aside", NOTE, claim.set_aside)
        confidence = _clip(1.0 - claim.checkworthiness)
        return Verdict(claim, Label.NOT_CHECKABLE, confidence, Band.of(confidence), (reason,), ())
    facts = tuple(e for e in evidence if not e.source.is_rated_review)  # the checks read these as statements of fact
    reviews = tuple(e for e in evidence if e.source.is_rated_review)  # listed after the facts
    ctx = Context(facts, as_of, settings)
    checks = run_checks(claim, ctx) + tuple(previously_checked(reviews, first=len(facts), settings=settings))
    label, confidence = decide(checks, facts)
    if calibration and not by_rules(checks, label):
        confidence = calibration.apply(confidence, label.value)
    return Verdict(claim, label, confidence, Band.of(confidence), checks, facts + reviews)
