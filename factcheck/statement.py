"""Whole-statement checks of a claim against its counterpart passages: polarity (negation scoped to
the clause that makes the claim's statement), direction (rose vs fell), superlative scope ("the
largest ever" vs "the largest since 2008"), causal roles, and passages that only report or debunk a
claim. Pure functions over strings; each returns a `Check` or None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import parse
from .agreement import agree, comparable
from .models import Check, Evidence
from .parse import CLAUSE_RE, FALSITY_RE, REPORT_RE
from .slots import Slot, stems

CONTRADICTS, NOTE = "contradicts", "note"
MOVED_SPAN = 2  # words either side of a direction word that say what moved ("a downward trend")
CLAUSE_SHARE = 0.7  # share of one clause's words a passage clause must hold to answer for it alone
NEGATION_SHARED = 3  # words a clause must share with the claim before its polarity is compared
UP = frozenset(
    "rise rises rose risen rising increase increased increases increasing grew grow grows growing gain gained "
    "gains climb climbed climbs jump jumped jumps surge surged surges soar soared soars up higher boost boosted "
    "lift lifted lifts rally rallied expand expanded expands raise raised raises strengthen strengthened "
    "widened widen accelerate accelerated upward upwards advance advanced advances extra additional bigger "
    "larger".split()
)
# "below" is down ("a little below the 78.7 percent of 2021" against "a little higher than in 2021");
# "above" is left out: news uses it for a level against a benchmark ("1.48C above the pre-industrial
# average"), which a claim may give beside another benchmark it is "below".
DOWN = frozenset(
    "fall falls fell fallen falling drop dropped drops decline declined declines decrease decreased "
    "decreases shrink shrank shrunk lose lost loses slump slumped plunge plunged plunges tumble tumbled down "
    "lower drag dragged drags cut cuts reduce reduced reduces sink sank slid slide slides weaken weakened "
    "contract contracted narrowed narrow slowed slow sank dip dipped downward downwards retreat retreated eased "
    "slip slipped slips shed sheds below smaller cheaper".split()
)
# conditions that got better or worse ("the pitch got better to bat on" / "harder to bat on")
BETTER = frozenset("better easier improved improve improves improving".split())
WORSE = frozenset("worse harder tougher worsened worsen worsens worsening deteriorated deteriorating".split())
SUPERLATIVE_RE = re.compile(
    r"(?i)\b(?:(?P<rank>second|third|fourth|fifth|\d+(?:st|nd|rd|th))[- ])?"
    r"(?P<adj>most\s+\w+|least\s+\w+|largest|biggest|worst|deadliest|highest|lowest|longest|shortest"
    r"|fastest|oldest|youngest|greatest|smallest|strongest|costliest|hottest|coldest|best)\b"
)
SCOPE_RE = re.compile(
    r"(?i)\b(?P<scope>ever|in\s+(?:(?:its|their|[A-Z][a-z]+|the\s+\w+[’']s)\s+)?history|on\s+record|of\s+all\s+time"
    r"|since\s+(?:records\s+began|\d{4}|the\s+\w+)"
    r"|in\s+(?:more\s+than\s+|over\s+|nearly\s+|almost\s+)?(?:a\s+)?(?:quarter|half)[-\s]+(?:a\s+)?century"
    r"|in\s+(?:the\s+)?(?:world|country|nation|europe|asia|africa|america|us|uk|state|region|decades?|a\s+century|\d+\s+years)"
    r"|in\s+(?:more\s+than\s+|over\s+|nearly\s+|almost\s+)?(?:a|one|two|three|four|five|\d+)\s+(?:decades?|years|centuries|century)"
    r"|(?:world|global|nation|country|europe|[A-Z]\w+)[’']s)"
)
# Scopes that all say "of all time": one scope, "ever" ("the largest in its history" is "the largest ever").
ALL_TIME_RE = re.compile(r"ever|in\s+(?:\S+\s+)*history|on\s+record|of\s+all\s+time")
# "X caused Y" markers (cause before the marker) and "Y because of X" markers (cause after it).
CAUSE_FIRST = (
    r"led\s+to|(?:caused|triggered|sparked)(?!\s+(?:\w+ly\s+)?by\b)|causing|resulted\s+in|prompted|forced"
    r"|(?:delayed|held\s+up|halted|disrupted)(?!\s+by)(?=\s+(?:the|a|an|its|their)\b)"
)
# "is due to begin a third term": a time set for something, not a cause
DUE_TO_DO = (
    "be|begin|start|take|open|close|arrive|leave|meet|end|return|visit|make|hold|launch|face|appear|resume"
    "|finish|expire|retire|step|go|come|get|have|give|run|speak|vote|announce|sign|travel|land|testify|stand"
    "|receive|become|enter|publish|release|rule|decide|report|deliver|present|host|play|fly|sail|reopen"
)
CAUSE_AFTER = (
    rf"because\s+of|due\s+to(?!\s+(?:\w+ly\s+)?(?:{DUE_TO_DO})\b)|(?:caused|triggered|sparked)\s+(?:\w+ly\s+)?by|blamed\s+(?:it\s+)?on"
    r"|attributed\s+(?:it\s+)?to|as\s+a\s+result\s+of|because"
    # "delayed by bad weather" gives a cause; "delayed by two hours" a length of time
    r"|(?:delayed|held\s+up|postponed|halted|disrupted|interrupted|grounded|cancell?ed|hampered|hit)\s+by"
    r"(?!\s+(?:\d|a\s+(?:day|week|month|year|few)\b|an\s+hour|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|several|about|nearly|more|less|up|at|some|around|roughly)\b)"
)
CAUSAL_RE = re.compile(rf"(?i)\b(?:(?P<first>{CAUSE_FIRST})|(?P<after>{CAUSE_AFTER}))\b")


def words(text: str) -> frozenset[str]:
    return stems(parse.NEGATION_RE.sub(" ", text))


def best_clause(claim: str, passage: str) -> tuple[str, float]:
    """The clause of `passage` that shares most of the claim's words, and that share in [0, 1]."""
    mine = words(claim)
    clauses = [c for c in CLAUSE_RE.split(passage) if c and c.strip()] or [passage]
    scored = [(len(mine & words(c)) / max(1, len(mine)), c) for c in clauses]
    share, clause = max(scored, key=lambda t: t[0])
    return clause, share


def check_negation(claim: str, evidence: Sequence[Evidence], near: Sequence[int], *, floor: float) -> Check | None:
    """The clause that makes the claim's statement says the opposite ("found no fault"); in a claim
    of several clauses, each clause against the passage clause that makes it ("ships would leave
    within 24 hours and operations would not continue" against "..., but operations would go on")."""
    found = _polarity_against(claim, evidence, near, floor=floor)
    # "not in a stadium but along the river" is no negation, though a split would leave its "not"
    clauses = re.split(rf"{CLAUSE_RE.pattern}|\s+and\s+that\s+", parse.NOT_NEGATION_RE.sub(" ", claim))
    parts = [c for c in clauses if c and len(words(c)) >= NEGATION_SHARED]
    for part in parts if len(parts) > 1 and found is None else []:
        # a clause is short: it must find nearly all its words in the passage's clause
        found = _polarity_against(part, evidence, near, floor=max(floor, CLAUSE_SHARE))
        if found is not None:
            return found
    return found


def _polarity_against(claim: str, evidence: Sequence[Evidence], near: Sequence[int], *, floor: float) -> Check | None:
    for i in near:
        clause, share = best_clause(claim, evidence[i].passage.text)
        if share < floor or len(words(claim) & words(clause)) < NEGATION_SHARED:
            continue
        mine, theirs = _negated(claim, clause), _negated(clause, claim)
        if mine != theirs and _negation_about(claim if mine else clause, clause if mine else claim):
            return Check("negation_mismatch", CONTRADICTS, f"polarity differs: {clause.strip()[:80]!r}", i)
        return None
    return None


NEGATED_SPAN = 5  # words after a negation cue that say what it denies


def _negation_about(negated: str, other: str) -> bool:
    """Whether what the negation denies is something the other text speaks of: "would not bear
    losses" against a statement that says nothing of losses is another statement, not the opposite."""
    theirs = words(other)
    for cue in parse.NEGATION_RE.finditer(parse.NOT_NEGATION_RE.sub(lambda m: " " * len(m[0]), negated)):
        if UNABLE_RE.fullmatch(cue[0]):  # "an unacceptable risk" denies only that it is acceptable
            denied, before = cue[0][2:], ""
        else:  # what follows the cue and what leads up to it, within its own clause
            after = ASIDE_ADVERB_RE.sub(" ", negated[cue.end() :], count=1)  # "did not, however, abandon"
            denied = " ".join(NEGATED_CLAUSE_END_RE.split(after, maxsplit=1)[0].split()[:NEGATED_SPAN])
            before = NEGATED_CLAUSE_START_RE.split(negated[max(0, cue.start() - 30) : cue.start()])[-1]
        if words(denied) & theirs or words(before) & theirs:
            return True
    return False


UNABLE_RE = re.compile(r"(?i)un\w{3,}able")
ASIDE_ADVERB_RE = re.compile(r"^\s*,\s*\w+(?:\s+\w+)?\s*,")
# Where the statement a negation sits in ends, after it, and begins, before it: "The euphoria did
# not last: on 21 September ..." denies nothing of 21 September; "... the small island states that
# they had not been in the room" denies nothing of the island states.
NEGATED_CLAUSE_END_RE = re.compile(rf"{parse.CLAUSE_RE.pattern}|,")
NEGATED_CLAUSE_START_RE = re.compile(
    rf"{parse.CLAUSE_RE.pattern}|,|\b(?:that|who|which|because|when|while|if|since)\b", re.I
)


ASIDE_RE = re.compile(r",\s+(?:who|which|whose|whom)\b[^,;]*(?:,|$)")


def _negated(text: str, other: str) -> bool:
    """Whether `text` holds a negation outside its asides: a relative clause between commas that
    shares no word with `other` ("Trump, who denies the encounter, will be sentenced on July 11")
    is another statement, with its own polarity."""
    theirs = words(other)
    kept = ASIDE_RE.sub(lambda m: m[0] if words(m[0]) & theirs else ", ", text)
    return parse.negations(kept) > 0


Axis = tuple[tuple[str, frozenset[str]], tuple[str, frozenset[str]]]
AXES: tuple[Axis, ...] = (
    (("up", UP), ("down", DOWN)),
    (("east", frozenset({"east", "eastward", "eastbound"})), ("west", frozenset({"west", "westward", "westbound"}))),
    (
        ("north", frozenset({"north", "northward", "northbound"})),
        ("south", frozenset({"south", "southward", "southbound"})),
    ),
    (("better", BETTER), ("worse", WORSE)),
)


def direction(text: str, axis: int = 0) -> set[str]:
    return {name for _, name in _direction_spots(re.findall(r"[a-z]+", text.lower()), axis)}


def _direction_spots(tokens: Sequence[str], axis: int) -> list[tuple[int, str]]:
    """(position, direction) of each token on `axis`'s lexicons."""
    return [(i, name) for i, token in enumerate(tokens) for name, lexicon in AXES[axis] if token in lexicon]


def check_direction(
    claim: str, evidence: Sequence[Evidence], near: Sequence[int], *, floor: float, related: Sequence[int] = ()
) -> Check | None:
    """The claim says rose where the passage making its statement says fell (or the reverse);
    east for west, north for south, better for worse; `related` passages (sharing part of the
    statement) too. The direction words must move the same thing ("drove up demand" is not
    contradicted by "lost control")."""
    for axis in range(len(AXES)):
        found = _direction_on(axis, claim, evidence, near, floor=floor, related=related)
        if found:
            return found
    return None


def _direction_on(
    axis: int, claim: str, evidence: Sequence[Evidence], near: Sequence[int], *, floor: float, related: Sequence[int]
) -> Check | None:
    mine = direction(claim, axis)
    if len(mine) != 1:
        return None
    claim = _part_saying(claim, axis)
    things = _moved(claim, axis)
    for i in (*near, *related):
        clause, share = best_clause(claim, evidence[i].passage.text)
        theirs = _directions_moving(clause, axis, things)
        if share >= floor and len(theirs) == 1 and theirs != mine and not _swapped_comparison(claim, clause):
            return Check(
                "direction_mismatch", CONTRADICTS, f"claim {next(iter(mine))}; source {clause.strip()[:80]!r}", i
            )
    return None


BOUND = {"eastbound": "westbound", "westbound": "eastbound", "northbound": "southbound", "southbound": "northbound"}
BOUND_RE = re.compile(r"(?i)\b(?P<way>(?:east|west|north|south)bound)\s+(?P<noun>[a-z]+)")


def check_heading(claim: str, evidence: Sequence[Evidence]) -> Check | None:
    """ "The westbound train" where a passage has "an eastbound ... freight train" (and none the
    claim's heading for that noun): which way something was going, told the other way."""
    for m in BOUND_RE.finditer(claim):
        way, noun = m["way"].lower(), m["noun"].lower()
        if any(_heading(way, noun, e.passage.text) for e in evidence):
            continue
        for i, e in enumerate(evidence):
            if _heading(BOUND[way], noun, e.passage.text):
                return Check("direction_mismatch", CONTRADICTS, f"claim {way} {noun}; source {BOUND[way]}", i)
    return None


def _heading(way: str, noun: str, text: str) -> bool:
    """Whether `text` says `way` of `noun` ("an eastbound Norfolk Southern freight train")."""
    return bool(re.search(rf"(?i)\b{way}\s+(?:[\w-]+\s+){{0,5}}?{noun}\b", text))


SAYING_RE = re.compile(rf"{parse.PART_RE.pattern}|\s+and\s+(?=said|added|says|told|warned)\b")


def _moved(text: str, axis: int) -> frozenset[str]:
    """The stems of the words either side of a text's direction words on `axis`: what moved."""
    return frozenset().union(*(around for _, around in _direction_words(text, axis)))


def _directions_moving(text: str, axis: int, things: frozenset[str]) -> set[str]:
    """The directions `text` gives to any of `things` ("a downward trend, with immunity rising":
    the trend went down), from the direction words with one of them beside it."""
    return {name for name, around in _direction_words(text, axis) if around & things}


def _direction_words(text: str, axis: int) -> list[tuple[str, frozenset[str]]]:
    """Each direction word of `text` on `axis`, as its direction and the stems of the MOVED_SPAN
    words either side of it."""
    tokens = re.findall(r"[a-z]+", text.lower())
    return [
        (name, words(" ".join(tokens[max(0, i - MOVED_SPAN) : i] + tokens[i + 1 : i + 1 + MOVED_SPAN])))
        for i, name in _direction_spots(tokens, axis)
    ]


def _part_saying(claim: str, axis: int) -> str:
    """The part of a claim that holds its direction word, where the claim joins statements
    ("... were not good enough, and said the pitch had become harder to bat on"): that part is
    what a passage's clause must match."""
    parts = [p for p in SAYING_RE.split(claim) if p and direction(p, axis)]
    return parts[0] if len(parts) == 1 and len(words(parts[0])) >= NEGATION_SHARED else claim


def _compared(text: str) -> tuple[str, str] | None:
    """The figures or years either side of "than" ("2009 was lower than 2014" → ("2009", "2014"))."""
    at = text.lower().find(" than ")
    if at < 0:
        return None
    before, after = FIGURE_RE.findall(text[:at]), FIGURE_RE.findall(text[at:])
    return (before[-1], after[0]) if before and after else None


def _swapped_comparison(claim: str, clause: str) -> bool:
    """ "2009 lower than 2014" and "2014 higher than 2009" say the same thing."""
    mine, theirs = _compared(claim), _compared(clause)
    return mine is not None and theirs is not None and mine == theirs[::-1]


FIGURE_RE = re.compile(r"\b\d[\d,.]*\b")
SYNONYMS = {"biggest": "largest", "most powerful": "strongest", "most deadly": "deadliest", "most costly": "costliest"}


def direction_beside(claim: str, slot: Slot, evidence: Sequence[Evidence]) -> Check | None:
    """The direction words just before a matched figure disagree, in any passage that bears the
    figure out: "a gain of about 15%" where the source has "a drop of about 15 percent", "55 metres
    west" where it has "55 metres east"."""
    if slot.mention.kind not in NUMERIC_KINDS:
        return None
    mine_text = _window(claim, slot.mention.start, slot.mention.end)
    for i, e in enumerate(evidence):
        for found in e.passage.mentions:
            if found.kind == slot.mention.kind and comparable(slot.mention, found) and agree(slot.mention, found):
                theirs_text = _window(e.passage.text, found.start, found.end)
                for axis in range(len(AXES)):
                    mine, theirs = direction(mine_text, axis), direction(theirs_text, axis)
                    if len(mine) == 1 and len(theirs) == 1 and mine != theirs:
                        detail = f"claim {mine_text.strip()!r}; source {theirs_text.strip()!r}"
                        return Check("direction_mismatch", CONTRADICTS, detail, i)
    return None


NUMERIC_KINDS = frozenset({"number", "percent", "money", "quantity"})


def _window(text: str, start: int, end: int) -> str:
    """Four words before a figure and three after it (with a parenthesis after it skipped)."""
    before = " ".join(re.findall(r"\S+", text[:start])[-4:])
    rest = re.sub(r"^\s*\([^)]*\)", "", text[end:])
    after = " ".join(re.findall(r"\S+", rest)[:3])
    return f"{before} {text[start:end]} {after}"


def superlatives(text: str) -> list[tuple[str, str, str]]:
    """(adjective, rank, scope) of each superlative: "the second-largest since 2008" →
    ("largest", "second", "since 2008")."""
    out = []
    for m in SUPERLATIVE_RE.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        after = text[m.end() : m.end() + 70]
        scope = SCOPE_RE.search(after) or _possessive(before)
        label = " ".join(scope["scope"].lower().split()) if scope else ""
        label = "ever" if ALL_TIME_RE.fullmatch(label) else label
        adj = " ".join(m["adj"].lower().split())
        out.append((SYNONYMS.get(adj, adj), (m["rank"] or "").lower(), label))
    return out


def _possessive(before: str) -> re.Match[str] | None:
    found = list(re.finditer(r"(?P<scope>(?:world|[A-Z]\w+)[’']s)\s+(?:\w+\s+)?$", before))
    return found[-1] if found else None


def check_superlative(claim: str, evidence: Sequence[Evidence], near: Sequence[int]) -> Check | None:
    """The same superlative with another rank or scope ("largest ever" vs "largest since 2008")."""
    mine = superlatives(claim)
    for adj, rank, scope in mine:
        for i in near:
            for t_adj, t_rank, t_scope in superlatives(evidence[i].passage.text):
                if t_adj != adj or (adj in ("first", "only") and not (scope or t_scope)):
                    continue
                # a claim that gives no scope says less than "ever", not something else
                if (
                    t_rank != rank
                    or (scope and t_scope and not _same_scope(scope, t_scope))
                    or (scope == "ever" and t_scope != "ever")
                ):
                    detail = f"claim {rank} {adj} {scope}".strip() + f"; source {t_rank} {t_adj} {t_scope}".rstrip()
                    return Check("superlative_mismatch", CONTRADICTS, " ".join(detail.split()), i)
    return None


def _same_scope(a: str, b: str) -> bool:
    """Scopes that say the same: equal, or a year and the decade it falls in ("since 1999" and
    "since the 1990s")."""
    if a == b:
        return True
    years = [re.search(r"(\d{3})\ds?\b", x) for x in (a, b)]
    decade = [bool(re.search(r"\d{4}s\b", x)) for x in (a, b)]
    same_decade = all(years) and years[0][1] == years[1][1]  # type: ignore[index]
    return same_decade and any(decade) and a.split()[0] == b.split()[0]


# "blamed the deaths of 3,500 fish on firefighting foam": the effect between, the cause after "on"
BLAMED_RE = re.compile(
    r"(?i)\b(?:blam|attribut|trac)(?:ed|es|e|ing)\s+(?P<effect>[^.;]+?)\s+(?:on|to)\s+(?P<cause>[^.;]+)"
)
CAUSE_FOUND = 0.5  # share of a claim's cause words one passage must hold for the cause to be there,
CAUSE_WORDS = 3  # or this many of them


def causal_roles(text: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """(cause words, effect words) of the first causal statement in the text."""
    blamed = BLAMED_RE.search(text)
    m = CAUSAL_RE.search(text)
    if blamed and (m is None or blamed.start() <= m.start()):
        return words(blamed["cause"]), words(text[: blamed.start()] + " " + blamed["effect"])
    if m is None:
        return None
    left, right = words(text[: m.start()]), words(text[m.end() :])
    return (left, right) if m["first"] else (right, left)


def check_causal(
    claim: str, evidence: Sequence[Evidence], near: Sequence[int], related: Sequence[int] = ()
) -> Check | None:
    """Cause and effect swapped, or another cause given for the same effect (in a passage making
    the claim's statement, or part of it)."""
    mine = causal_roles(claim)
    if mine is None:
        return None
    cause, effect = mine
    for i in (*near, *related):
        theirs = causal_roles(evidence[i].passage.text)
        if theirs is None:
            continue
        t_cause, t_effect = theirs
        swapped = len(cause & t_effect) > len(cause & t_cause) and len(effect & t_cause) > len(effect & t_effect)
        # another cause: the passage gives a cause for the same effect and holds under half the
        # claim's cause words anywhere ("a sudden strong wind" for "a sudden engine failure"; a
        # fact-check restating the claim's own cause gives it no other)
        other = (
            bool(effect & t_effect)
            and bool(t_cause)
            and len(cause & words(evidence[i].passage.text)) < CAUSE_FOUND * len(cause)
        )
        if swapped or other:
            why = "cause and effect swapped" if swapped else "another cause"
            return Check("causal_mismatch", CONTRADICTS, f"{why}: {evidence[i].passage.text[:80]!r}", i)
    return None


def check_cause_found(claim: str, evidence: Sequence[Evidence]) -> Check | None:
    """A cause the claim gives ("because of the output cuts", "blamed ... on firefighting foam")
    that no passage gives: a specific of the claim left unverified, so the rest matching does not
    bear the claim out."""
    roles = causal_roles(claim)
    if roles is None or not roles[0]:
        return None
    cause = roles[0]
    enough = min(CAUSE_WORDS, CAUSE_FOUND * len(cause))  # a long cause is told in fewer words
    if any(len(cause & words(e.passage.text)) >= enough for e in evidence):
        return None
    return Check("cause_unverified", NOTE, f"no source gives the cause ({', '.join(sorted(cause))})")


ATTRIBUTED_RE = re.compile(
    r"(?i)\b(?:said|says|saying|told|stated|claimed|claims|wrote|writes|posted|tweeted|argued|asserted"
    r"|insisted|suggested|according\s+to|headlines?)\b"
)
SAYS_RE = re.compile(r"(?i)^\s*says\s+(?:that\s+)?")
QUOTED_SHARE = 0.6  # share of a claim's words inside a passage's quotation for it to be a quotation


def reports_claim(claim: str, passage: str, *, fact_check: bool = False) -> bool:
    """The passage reports a claim being made, or calls one false: it is no evidence of the claim.

    Also where the passage quotes the claim's words from someone ("Gowdy said the US had 'the last
    flag flying in Benghazi'") and the claim itself attributes nothing: a quotation is what someone
    said, not what is so. In a fact-check article (`fact_check`), a passage that restates the claim
    (QUOTED_SHARE of its words) and attributes it to someone is the claim under review."""
    meta = REPORT_RE.search(claim) or FALSITY_RE.search(claim)  # the claim is itself about a claim
    if not meta and (REPORT_RE.search(passage) or FALSITY_RE.search(passage)):
        return True
    claim = SAYS_RE.sub("", claim)  # "Says X" (a fact-checker's shorthand for "the speaker says X") claims X
    mine = words(claim)
    restated = bool(mine) and len(mine & words(passage)) / len(mine) >= QUOTED_SHARE
    if fact_check and restated and ATTRIBUTED_RE.search(passage):
        return True
    if ATTRIBUTED_RE.search(claim) or parse.quote_spans(claim):
        return False
    quoted = set().union(*(words(passage[a:b]) for a, b in parse.quote_spans(passage)))
    return bool(mine) and len(mine & quoted) / len(mine) >= QUOTED_SHARE


def check_debunked(claim: str, evidence: Sequence[Evidence], near: Sequence[int], *, floor: float) -> Check | None:
    """A passage that states the claim in order to call it false refutes it."""
    for i in near:
        text = evidence[i].passage.text
        _, share = best_clause(claim, text)
        if share >= floor and FALSITY_RE.search(text) and not FALSITY_RE.search(claim):
            return Check("debunked", CONTRADICTS, f"{evidence[i].source.id} calls it false", i)
    return None
