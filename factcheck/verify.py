"""Claim + evidence → verdict. Pure functions: no model, no I/O.

Checks that fire become the verdict's rationale (`Check.name`); each cites the passage it read and,
for a slot, the spans on both sides:

    {slot}_match / {slot}_mismatch / {slot}_unverified
                         a specific of the claim compared with the mentions found in the passages
                         (factcheck.slots): slot is number, percent, money, unit (a quantity with a
                         unit), date, weekday, time, duration, ordinal, person, organisation, place
    negation_mismatch    the clause making the claim's statement has the opposite polarity
    direction_mismatch   rose vs fell, lifted vs dragged down
    superlative_mismatch the same superlative with another rank or scope ("largest ever" vs
                         "largest since 2008", "world's" vs "Russia's")
    causal_mismatch      cause and effect swapped, or another cause for the same effect
    debunked             a passage states the claim in order to call it false
    quote_found          the quotation stands in a source, verbatim or nearly (partial ratio ≥ 0.85)
    quote_misattributed  ... but the source gives it to another speaker
    quote_altered        a source quotes the same speaker in words that differ from the claim's
    quote_channel_mismatch  ... the claim says it was told to someone, the source that it was posted
    quote_partly_found   a source holds less than 80 % of the quotation (the rest is unverified)
    quote_not_found      no source holds the quotation
    similar_passage      a passage reads much like the claim (fused score ≥ support_threshold): a
                         note only: similar is not supported
    counterpart / same_statement / related_statement
                         notes naming the passages that make the claim's statement (most of its
                         words, or a close embedding), nearly all of it, or part of it
    reported_claim       a passage reports someone making the claim (quotes its words from
                         someone; in a fact-check, restates and attributes it), or rates it: a
                         note; it cannot support the claim
    evidence_after_article   the source was published after the article (a note)
    stance_supports / stance_refutes   the stance model (factcheck.stance) reads a passage as
                         supporting / refuting the claim (its most likely stance, at least
                         stance_threshold); stance_nei: it reads the top passage as saying nothing
                         either way (a note)
    previously_checked   a rated fact-check (an imported ClaimReview) reviewed this claim (a note)

A rated fact-check's text is the claim it rated, true or false, so no other check reads it as
evidence of fact; it only ever gives a previously_checked note.

Decision (`decide`): any contradicting check → contradicted (misleading where every one of them is
a right-fact-wrong-context check: superlative scope, quote channel). Otherwise `supported` needs
positive evidence and nothing left open: every specific of the claim (its slots and statement
quotations) found in the evidence, and either the stance model reading support in a passage that does
not merely report the claim, or a specific value matched in a passage that makes (all or part of)
the claim's statement, or names matched in a passage that says nearly all of it, or three or more
values matched (VALUES_BEAR_OUT). The stance model's "refutes" contradicts where no specific was
matched and none is missing from the evidence (a passage holding none of the claim's specifics is
likely about something else); where one was matched, names matched in a passage it reads as
refuting or as saying nothing are no support (values matched there still are). Anything else is
not_enough_evidence: similar words, an unverified figure, a passage that only reports the claim.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from rapidfuzz import fuzz

from . import parse, slots, statement
from .calibration import Calibration
from .config import Settings
from .extract import shifted
from .models import STANCE_LABELS, Band, Check, Claim, Evidence, Label, Mention, Quote, Verdict
from .retrieve import QUOTE_MATCH
from .slots import CLOSE_STATEMENT

SUPPORTS, CONTRADICTS, NOTE = "supports", "contradicts", "note"
ROLE_WORDS = frozenset("the a spokesperson spokesman spokeswoman official company post statement press office".split())
# "the country's" refers back to a place named elsewhere, so only named or global scopes compare.
SCOPE_RE = re.compile(
    r"\b(?:the\s+)?(?P<scope>(?i:world|globe|planet)|[A-Z]\w+)[’']s\s+"
    r"(?P<sup>most\s+\w+|largest|biggest|first|only|oldest|fastest)"
)
TOLD_RE = re.compile(r"\b(?:told|said to|in an interview with)\s+(?:a|an|the)?\s*\w+")
POSTED_RE = re.compile(r"\b(?:post(?:ed)?\s+on\s+(?:X|Twitter|Telegram|Facebook)|on\s+(?:X|Twitter)\b|statement)")
ALTERED_MATCH = 0.6  # partial-ratio from which a same-speaker quotation reads as the claim's, altered
MATCH_MARGIN = 12  # characters either side of a quotation's match read as part of it
QUOTE_COVERAGE = 0.8  # share of a quotation a source must hold for the quote to count as found
MISLEADING_CHECKS = frozenset({"superlative_mismatch", "quote_channel_mismatch"})
OPEN_ENDED = ("_unverified", "_not_found", "_partly_found")
NAME_SLOTS = ("person_", "organisation_", "place_")
VALUES_BEAR_OUT = 3  # matched values that bear a claim out without a passage stating it whole
STANCE_CHECKS = frozenset({"stance_supports", "stance_refutes", "stance_nei"})


@dataclass(frozen=True)
class Context:
    """What the checks need beside the claim: the evidence and the article's date."""

    evidence: tuple[Evidence, ...]
    as_of: dt.date | None
    settings: Settings
    near: tuple[int, ...] = ()  # counterpart passages: the ones making the claim's statement (slots.counterparts)
    related: tuple[int, ...] = ()  # passages sharing part of the statement (slots.statement_passages)


# --- quotes ----------------------------------------------------------------------------------


def same_speaker(a: str, b: str) -> bool:
    """Whether two attributions name the same speaker: "Dmitry Peskov" ~ "Peskov",
    "WhatsApp spokesperson" ~ "WhatsApp"; role words alone never match."""

    def names(s: str) -> set[str]:
        return {w for w in re.findall(r"\w+", s.lower()) if w not in ROLE_WORDS}

    return bool(names(a) & names(b))


def _names_speaker(text: str, who: str) -> bool:
    """The claim's sentence names the source's speaker too ("WHO chief Tedros said ...")."""
    words = set(re.findall(r"\w+", text.lower()))
    names = [w for w in re.findall(r"\w+", who.lower()) if w not in ROLE_WORDS and len(w) > 2]
    return bool(names) and names[-1] in words


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
    aligned = [(i, ev, _align(q.text, ev)) for i, ev in enumerate(ctx.evidence)]
    hits = [(i, ev, a) for i, ev, a in aligned if a.score >= QUOTE_MATCH]
    if not hits:
        return _altered(q, aligned) or Check("quote_not_found", NOTE, f"no source holds {q.text[:60]!r}")
    covered = _covered([(a.quote_start, a.quote_end) for _, _, a in hits], len(q.text))
    if covered < QUOTE_COVERAGE:
        partly = Check("quote_partly_found", NOTE, f"{covered:.0%} of the quote is in the sources", hits[0][0])
        # a part quoted verbatim is a fragment found; another source's quotation of the speaker in
        # other words is the quote altered
        return _altered(q, [t for t in aligned if t[2].score < QUOTE_MATCH]) or partly
    speakers = [(i, _speaker_in(ev, a.start, a.end)) for i, ev, a in hits]
    for i, who in speakers:
        if q.speaker and who and not same_speaker(q.speaker, who) and not _names_speaker(claim.text, who):
            return Check("quote_misattributed", CONTRADICTS, f"claim gives it to {q.speaker!r}; source to {who!r}", i)
    i, ev, a = hits[0]
    matched = " ".join(_around_match(e.passage.text, a) for _, e, a in hits)
    altered = ((_changed_words(q.text, matched), "not in"), (_moved_words(q.text, matched), "out of order in"))
    for words, what in altered:  # the quotation is covered here (QUOTE_COVERAGE): a word changed or moved is an edit
        if words:
            return Check("quote_altered", CONTRADICTS, f"words {what} the source's quotation: {', '.join(words)}", i)
    if _channel_mismatch(claim, q, ev):
        detail = f"claim says the words were told to someone; {ev.source.id} says they were posted"
        return Check("quote_channel_mismatch", CONTRADICTS, detail, i)
    if q.speaker and not any(w for _, w in speakers) and not any(_speaker_near(q.speaker, e) for _, e, _ in hits):
        # '"...," he said.': the words are there, but whose they are the sources do not say here
        detail = f"match {a.score:.2f}, {covered:.0%} covered; no source here names {q.speaker!r} as its speaker"
        return Check("quote_speaker_unverified", NOTE, detail, i)
    who = next((f", said by {w!r}" for _, w in speakers if w), "")
    return Check("quote_found", SUPPORTS, f"match {a.score:.2f}, {covered:.0%} covered{who}", i)


SPEAKER_LOOKBACK = 300  # characters of a source before a passage where a pronoun's speaker is named


def _speaker_near(speaker: str, ev: Evidence) -> bool:
    """The claim's speaker named in the passage or just before it in its source (a quotation
    closed by "he said" names its speaker a sentence earlier)."""
    before = ev.source.text[max(0, ev.passage.start - SPEAKER_LOOKBACK) : ev.passage.start]
    return _names_speaker(f"{before} {ev.passage.text}", speaker)


def _around_match(text: str, a: Alignment) -> str:
    """The passage's words where the quotation matched, a word either side to spare (the match may
    end inside a word): a word of the quotation found elsewhere in the passage ("This moment ...")
    does not bear out the word changed in it ("the happiest moment" for "the happiest moments")."""
    return text[max(0, a.start - MATCH_MARGIN) : a.end + MATCH_MARGIN]


def _moved_words(quoted: str, source: str) -> list[str]:
    """Pairs of neighbouring words of the claim's quotation that the source never has side by
    side, though it has both words ("the end of the beginning" for "the beginning of the end");
    a quotation cut with an ellipsis joins words the speaker did not, and is left alone."""
    if re.search(r"\.\.\.|…|\[", quoted):
        return []
    mine, theirs = _quote_words(quoted), _quote_words(source)
    pairs, held = set(itertools.pairwise(theirs)), set(theirs)
    inner = list(itertools.pairwise(mine))[1:-1]  # a quotation's first and last words may start or end the match
    return [f"{a} {b}" for a, b in inner if a in held and b in held and (a, b) not in pairs]


def _changed_words(quoted: str, source: str) -> list[str]:
    """Words of the claim's quotation that the source's matching span lacks (case and punctuation
    aside): a near-verbatim quote with a word changed says something else."""
    theirs = set(_quote_words(source))
    return [w for w in _quote_words(quoted) if w not in theirs]


def _quote_words(text: str) -> list[str]:
    """The words of a text as quotations are compared: case and typographic quotes aside."""
    return re.findall(r"\w+", parse.quote_key(text))


def _altered(q: Quote, aligned: Sequence[tuple[int, Evidence, Alignment]]) -> Check | None:
    """A source quotes the claim's speaker in words that only partly match the claim's quotation."""
    for i, ev, a in sorted(aligned, key=lambda t: -t[2].score):
        if a.score < ALTERED_MATCH:
            break
        who = _speaker_in(ev, a.start, a.end)
        if q.speaker and who and same_speaker(q.speaker, who):
            detail = f"{who} is quoted otherwise ({a.score:.2f} alike): {ev.passage.text[a.start : a.end][:80]!r}"
            return Check("quote_altered", CONTRADICTS, detail, i)
    return None


# --- whole-statement checks ------------------------------------------------------------------


def check_similarity(ctx: Context) -> Check | None:
    if ctx.evidence and ctx.evidence[0].score >= ctx.settings.support_threshold:
        return Check("similar_passage", NOTE, f"fused score {ctx.evidence[0].score:.2f}: similar is not support", 0)
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


def statement_checks(claim: Claim, ctx: Context) -> list[Check | None]:
    """Polarity, direction, superlative scope, causal roles, debunking; and a note where the
    passage making the claim's statement only reports it."""
    text, ev, near, floor = claim.text, ctx.evidence, ctx.near, ctx.settings.same_statement
    reported = [
        i
        for i, e in enumerate(ev)
        if statement.reports_claim(text, e.passage.text, fact_check=e.source.kind == "fact_check")
    ]
    return [
        statement.check_negation(text, ev, near, floor=floor),
        statement.check_direction(text, ev, near, floor=floor, related=ctx.related),
        statement.check_heading(text, ev),
        statement.check_superlative(text, ev, near),
        statement.check_causal(text, ev, near, ctx.related),
        statement.check_cause_found(text, ev),
        statement.check_debunked(text, ev, near, floor=floor),
        *(Check("reported_claim", NOTE, f"{ev[i].source.id} reports or rates the claim", i) for i in reported),
    ]


def _local(claim: Claim) -> tuple[Mention, ...]:
    """The claim's mentions with offsets into the claim's own text."""
    return shifted(claim.mentions, -claim.start)


def slot_checks(claim: Claim, ctx: Context) -> list[Check]:
    """Each specific of the claim against the evidence (factcheck.slots), and the direction words
    beside each matched figure ("a gain of 15%" against "a drop of 15%")."""
    found = slots.compare(claim.text, _local(claim), ctx.evidence, near=ctx.near, related=ctx.related)
    checks = [slots.as_check(slot, claim.start) for slot in found]
    turned = (statement.direction_beside(claim.text, s, ctx.evidence) for s in found if s.outcome == "match")
    return checks + [c for c in turned if c is not None]


def _statement_note(words: frozenset[str], ctx: Context, i: int, *, related: bool = False) -> Check:
    """A note naming a passage that makes the claim's statement: "same_statement" where it holds
    nearly all the claim's words (CLOSE_STATEMENT), so the names it shares can bear the claim out;
    "related_statement" for one that shares part of it (slots.RELATED_SHARE of the counterpart
    floor), where a matched value bears the claim out."""
    share = slots.statement_overlap(words, ctx.evidence[i].passage.text)
    passage = ctx.evidence[i].passage.id
    if related:
        return Check("related_statement", NOTE, f"{passage} shares {share:.0%} of its words", i)
    name = "same_statement" if share >= CLOSE_STATEMENT else "counterpart"
    return Check(name, NOTE, f"{passage} makes the claim's statement ({share:.0%} of its words)", i)


def run_checks(claim: Claim, ctx: Context) -> tuple[Check, ...]:
    """Every check that applies to the claim, in a stable order."""
    words = slots.statement_words(claim.text, _local(claim))
    near, related = slots.statement_passages(words, ctx.evidence, floor=ctx.settings.same_statement)
    ctx = replace(ctx, near=near, related=related)
    checks: list[Check | None] = [check_similarity(ctx)]
    checks += [_statement_note(words, ctx, i) for i in near]
    checks += [_statement_note(words, ctx, i, related=True) for i in related]
    checks += slot_checks(claim, ctx)
    checks += [check_quote(claim, q, ctx) for q in claim.quotes if parse.is_statement(q)]
    checks += [*statement_checks(claim, ctx), check_stance(ctx)]
    return tuple(c for c in checks if c is not None) + tuple(postdated(ctx))


# --- decision --------------------------------------------------------------------------------


def _clip(x: float) -> float:
    return round(max(0.05, min(0.99, x)), 4)


def decide(checks: Sequence[Check], evidence: Sequence[Evidence]) -> tuple[Label, float]:
    """Label and confidence from the checks; see the module docstring for the rule."""
    if not evidence:
        return Label.NOT_ENOUGH_EVIDENCE, 0.8
    against = [c for c in checks if c.effect == CONTRADICTS and c.name not in STANCE_CHECKS]
    matched = [c for c in checks if c.effect == SUPPORTS and c.name not in STANCE_CHECKS]
    stance = {c.name: c for c in checks if c.name in STANCE_CHECKS}
    open_ended = [c for c in checks if c.name.endswith(OPEN_ENDED)]
    reported = {c.evidence for c in checks if c.name == "reported_claim"}
    late = 0.05 * any(c.name == "evidence_after_article" for c in checks)
    if against:
        strength = max(evidence[c.evidence].score for c in against if c.evidence is not None)
        label = Label.MISLEADING if all(c.name in MISLEADING_CHECKS for c in against) else Label.CONTRADICTED
        return label, _clip(0.45 + 0.5 * strength + 0.05 * len(against) - late)
    # the model's refutation alone decides only where the claim's specifics are not missing from the
    # evidence: a passage that names none of them is likely about something else
    if "stance_refutes" in stance and not matched and not open_ended:
        return Label.CONTRADICTED, _clip(_stance_probability(stance["stance_refutes"], evidence, "refutes") - late)
    near = _counterparts(checks)
    # Names matched in a passage the model reads as refuting the claim, or as saying nothing about
    # it, are no support (a value matched there still is: the deterministic check outranks the
    # model on what it compares; a shared name does not).
    refuting = {stance["stance_refutes"].evidence} if "stance_refutes" in stance else set()
    backing = stance.get("stance_supports")
    stance_backs = backing is not None and backing.evidence not in reported
    close = {c.evidence for c in checks if c.name == "same_statement"} - reported
    silent = {i for i, e in enumerate(evidence) if e.stance is not None and _p(e.stance, "nei") == max(e.stance)}
    statement_backs = _states_claim(matched, (near | close) - reported) or _names_in(matched, close - refuting - silent)
    statement_backs |= _values_borne_out(matched, reported)
    if not open_ended and (stance_backs or statement_backs):
        top = max(evidence[0].score, _stance_probability(backing, evidence, "supports"))
        return Label.SUPPORTED, _clip(top + 0.05 * len(matched) - late)
    return Label.NOT_ENOUGH_EVIDENCE, _clip(1.0 - 0.5 * evidence[0].score + 0.05 * len(open_ended))


def _states_claim(matched: Sequence[Check], stating: set[int | None]) -> bool:
    """Whether a specific value of the claim (not only a name) or its quotation stands matched in a
    passage that states (not reports) the claim."""
    return any(c.evidence in stating and not c.name.startswith(NAME_SLOTS) for c in matched)


def _values_borne_out(matched: Sequence[Check], reported: set[int | None]) -> bool:
    """VALUES_BEAR_OUT or more of the claim's values (times, dates, figures; not names, nor ranks:
    "first" and "third" stand in many passages for other things) each matched in a passage that
    does not only report them: a claim that specific, borne out at every point, is borne out
    whatever words the passages use."""
    values = {
        c.claim_start
        for c in matched
        if not c.name.startswith(NAME_SLOTS) and c.name != "ordinal_match" and c.evidence not in reported
    }
    return len(values) >= VALUES_BEAR_OUT


def _names_in(matched: Sequence[Check], close: set[int | None]) -> bool:
    """A name of the claim matched in a passage that says nearly all the claim says."""
    return any(c.name.startswith(NAME_SLOTS) and c.evidence in close for c in matched)


def _counterparts(checks: Sequence[Check]) -> set[int | None]:
    """The passages making the claim's statement, as `run_checks` noted them."""
    return {c.evidence for c in checks if c.name in ("counterpart", "same_statement", "related_statement")}


def by_rules(checks: Sequence[Check], label: Label) -> bool:
    """Whether a deterministic check (a slot, quote, negation, direction, ...) decided the label.
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
