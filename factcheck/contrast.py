"""Contrastive stance pairs generated here, for training and testing the stance model (issue 11).

Each generator takes a *supported* claim/evidence pair from a set whose licence lets a model ship
and rewrites it in one controlled way, so that the label of the new pair is known:

    specific kinds    change one specific of the claim that the evidence states (a figure, a
                      year, a month, a place, a person, an organisation, an ordinal, a count word,
                      a unit, a magnitude) or its sense (direction verb, superlative, negation,
                      quantifier)                                   → refutes
    paraphrase kinds  say the same claim in other words (word numbers, "about N", a date with
                      less detail, "more than M" for a larger N)   → supports
    speech kinds      rewrite the *evidence* as someone making the claim ("a viral post claimed
                      that C": not enough info), as a fact-check rating it false ("the claim that
                      C is false": refutes), as a record confirming it (supports), or as a report
                      of a changed claim followed by the fact (refutes the changed claim,
                      supports the original)

The idea is VitaminC's and FEVER-symmetric's (contrastive evidence, one specific changed); the
generator is ours. Whole kinds are held out (`HELD_OUT_KINDS`) and never trained on, so scores on
them measure generalisation rather than memory. Each generated pair keeps its base pair's
`group` (the claim), so the held-out split by claim stays clean. Deterministic: each pair's
choices come from a random generator seeded by its claim.

spaCy's English pipeline (already a dependency) finds the typed mentions to change.
"""

from __future__ import annotations

import calendar
import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .nlidata import Pair, evaluation_claims, fever_rte, fm2, wice

SPECIFIC_KINDS = (
    "figure", "year", "month", "place", "person", "organisation", "ordinal", "count_word", "unit",
    "magnitude", "direction", "superlative", "negation", "quantifier",
)  # fmt: skip
PARAPHRASE_KINDS = ("word_number", "approximate", "date_less_detail", "lower_bound")
SPEECH_KINDS = ("reported", "debunked", "confirmed", "report_then_fact", "reported_alt", "debunked_alt")
# Kinds never trained on: a specific changed in a way the model has not been shown, a paraphrase
# it has not seen, and report/debunk phrasings it has not seen.
HELD_OUT_KINDS = frozenset(
    {"organisation", "ordinal", "magnitude", "superlative", "lower_bound", "reported_alt", "debunked_alt"}
)

MONTHS = tuple(calendar.month_name)[1:]
NUMBER_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
)  # fmt: skip
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
MAGNITUDES = ("thousand", "million", "billion", "trillion")
UNIT_SWAPS = {
    "km": "miles", "kilometres": "miles", "kilometers": "miles", "miles": "kilometres", "metres": "feet",
    "meters": "feet", "feet": "metres", "kilograms": "pounds", "kg": "pounds", "pounds": "kilograms",
    "hours": "days", "days": "weeks", "weeks": "months", "months": "years", "years": "months",
    "minutes": "hours", "seconds": "minutes", "percent": "points", "acres": "hectares", "hectares": "acres",
}  # fmt: skip


def _both_ways(*opposites: str, **one_way: str) -> dict[str, str]:
    """'a b' pairs as a → b and b → a, plus one-way replacements (where the opposite's own
    opposite is another word: 'gained' → 'lost', but 'lost' → 'won')."""
    table: dict[str, str] = {}
    for pair in opposites:
        first, second = pair.split()
        table |= {first: second, second: first}
    return table | one_way


# Words with a clear opposite in the same slot: the claim says one, the evidence the other.
DIRECTION_SWAPS = _both_ways(
    "increased decreased", "rose fell", "won lost", "higher lower", "before after", "above below",
    "opened closed", "larger smaller", "older younger", "began ended", "earlier later", "increase decrease",
    "accepted rejected", "supported opposed",
    more="fewer", gained="lost", entered="left", joined="left", started="ended", approved="rejected",
)  # fmt: skip
SUPERLATIVE_SWAPS = _both_ways(
    "largest smallest", "highest lowest", "oldest youngest", "best worst", "longest shortest", "most least",
    "first last", "earliest latest",
    biggest="smallest", tallest="shortest", fastest="slowest",
)  # fmt: skip
QUANTIFIER_SWAPS = {
    "always": "never", "never": "always", "every": "no", "everyone": "no one", "nobody": "everybody",
    "only": "not only", "none": "all", "no one": "everyone",
}  # fmt: skip
AUXILIARIES = frozenset(
    {"is", "was", "are", "were", "has", "have", "had", "can", "will", "would", "could", "should", "may", "must"}
)
NEGATED_RE = re.compile(r"\b(?:is|was|are|were|has|have|had|can|will|would|could|does|did|do)\s+not\b|n't\b")

# Evidence rewritten as speech about the claim. `{c}` is the claim with a lower-case first letter.
REPORTERS = (
    "A viral Facebook post", "A post shared on social media", "One blogger", "A widely shared video",
    "A campaign advertisement", "Several websites", "A chain email", "An online petition", "A senator",
    "A pundit on cable television", "Critics", "A tweet that spread widely",
)  # fmt: skip
# Trained phrasings; the *_ALT ones are held out (an unseen verb, "according to", a quotation), so
# their scores say whether the model reads speech about a claim or only memorised these words.
REPORT_TEMPLATES = (
    "{r} claimed that {c}.", "{r} says that {c}.", "{r} has alleged that {c}.", "{r} said that {c}.",
    "{r} argued that {c}.", "{r} posted that {c}.", "{r} suggested that {c}.", "{r} told reporters that {c}.",
    "In a speech, {r_lower} asserted that {c}.", "{r} repeated the claim that {c}.",
    "A rumour that {c} spread online.", "{r} asked whether {c}.",
)  # fmt: skip
REPORT_ALT_TEMPLATES = ("According to {r_lower}, {c}.", "{r} insisted that {c}.", '"{C}," {r_lower} wrote.')
DEBUNK_TEMPLATES = (
    "The claim that {c} is false.", "There is no evidence that {c}.", "Fact-checkers rated the claim that {c} false.",
    "{r} falsely claimed that {c}.", "It is not true that {c}.", "It is wrong to say that {c}.",
    "{r} said that {c}, but that is not correct.", "We found no record that {c}.",
    "The statement that {c} does not hold up.", "Nothing supports the claim that {c}.",
    "Experts say it is incorrect that {c}.", "The rumour that {c} is untrue.",
    "{r} claimed that {c}. That claim is false.",
)  # fmt: skip
DEBUNK_ALT_TEMPLATES = (
    "Contrary to what {r_lower} suggested, it is a myth that {c}.", "The idea that {c} has been debunked.",
    "{r} wrongly said that {c}; that is inaccurate.",
)  # fmt: skip
CONFIRM_TEMPLATES = (
    "Records confirm that {c}.", "It is true that {c}.", "{r} correctly said that {c}.",
    "Fact-checkers verified that {c}.", "{r} accurately reported that {c}.", "Official data show that {c}.",
    "Our review found that {c}.", "It has been confirmed that {c}.", "The claim that {c} is true.",
    "The claim that {c} checks out.",
)  # fmt: skip
FACT_LEADS = ("In fact:", "The facts:", "The record shows otherwise.", "Fact check:")


@dataclass(frozen=True)
class Parsed:
    """A base pair with its claim's spaCy Doc (tokens, entities, tags)."""

    pair: Pair
    doc: Any


Generator = Callable[[Parsed, random.Random, "Pools"], list[Pair]]


@dataclass(frozen=True)
class Pools:
    """Replacement values seen across all claims, by entity type (a place for a place)."""

    by_label: dict[str, tuple[str, ...]]

    def other(self, label: str, avoid: str, evidence: str, rng: random.Random) -> str | None:
        values = self.by_label.get(label, ())
        for _ in range(8):
            if not values:
                return None
            value = rng.choice(values)
            if value.lower() != avoid.lower() and value.lower() not in evidence.lower():
                return value
        return None


def _lower_first(text: str) -> str:
    text = text.strip().rstrip(".")
    if len(text) > 1 and text[0].isupper() and not text[1].isupper() and not _starts_with_name(text):
        return text[0].lower() + text[1:]
    return text


def _starts_with_name(text: str) -> bool:
    """A claim that opens with a name keeps its capital ("Paris is ..." stays "Paris is ...")."""
    first = text.split(" ", 1)[0]
    return first not in ("The", "A", "An", "In", "On", "At", "It", "There", "This", "He", "She", "They", "Its")


def _swap(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _relabelled(parsed: Parsed, claim: str, kind: str, label: str) -> list[Pair]:
    """The base pair with the claim rewritten and the label it now has (nothing if unchanged)."""
    if claim == parsed.pair.claim:
        return []
    return [replace(parsed.pair, claim=claim, label=label, source=f"contrast:{kind}")]


def _refuted(parsed: Parsed, claim: str, kind: str) -> list[Pair]:
    return _relabelled(parsed, claim, kind, "refutes")


def _supported(parsed: Parsed, claim: str, kind: str) -> list[Pair]:
    return _relabelled(parsed, claim, kind, "supports")


def _entity_swap(labels: frozenset[str], kind: str) -> Generator:
    """Replace an entity of these types that the evidence states with another of its type."""

    def generate(parsed: Parsed, rng: random.Random, pools: Pools) -> list[Pair]:
        evidence = parsed.pair.evidence
        found = [e for e in parsed.doc.ents if e.label_ in labels and e.text in evidence]
        if not found:
            return []
        ent = rng.choice(found)
        other = pools.other(ent.label_, ent.text, evidence, rng)
        if other is None:
            return []
        return _refuted(parsed, _swap(parsed.pair.claim, ent.start_char, ent.end_char, other), kind)

    return generate


DIGITS_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")
YEAR_RE = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")


def _changed_number(text: str, rng: random.Random) -> str:
    value = float(text.replace(",", ""))
    factor = rng.choice((0.5, 2.0, 3.0, 0.25, 1.5, 10.0))
    new = value * factor if value else rng.randint(2, 9)
    if "." in text:
        return f"{new:.{len(text.split('.')[1])}f}"
    rounded = max(1, round(new))
    if rounded == round(value):
        rounded += rng.randint(1, 5)
    return f"{rounded:,}" if "," in text else str(rounded)


def figure(parsed: Parsed, rng: random.Random, pools: Pools) -> list[Pair]:
    """A figure the evidence states, changed (halved, doubled, ...); years are `year`'s."""
    evidence, claim = parsed.pair.evidence, parsed.pair.claim
    found = [m for m in DIGITS_RE.finditer(claim) if m.group() in evidence and not YEAR_RE.fullmatch(m.group())]
    if not found:
        return []
    m = rng.choice(found)
    return _refuted(parsed, _swap(claim, m.start(), m.end(), _changed_number(m.group(), rng)), "figure")


def year(parsed: Parsed, rng: random.Random, pools: Pools) -> list[Pair]:
    evidence, claim = parsed.pair.evidence, parsed.pair.claim
    found = [m for m in YEAR_RE.finditer(claim) if m.group() in evidence]
    if not found:
        return []
    m = rng.choice(found)
    shifted = int(m.group()) + rng.choice((-12, -5, -3, -2, -1, 1, 2, 3, 4, 7, 10))
    return _refuted(parsed, _swap(claim, m.start(), m.end(), str(shifted)), "year")


def _word_swap(table: dict[str, str], kind: str, *, in_evidence: bool = False) -> Generator:
    """Replace one word of `table` in the claim by its counterpart (case kept)."""
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, table), key=len, reverse=True)) + r")\b", re.I)

    def generate(parsed: Parsed, rng: random.Random, pools: Pools) -> list[Pair]:
        claim, evidence = parsed.pair.claim, parsed.pair.evidence.lower()
        found = [m for m in pattern.finditer(claim) if not in_evidence or m.group().lower() in evidence]
        if not found:
            return []
        m = rng.choice(found)
        new = table[m.group().lower()]
        new = new[0].upper() + new[1:] if m.group()[0].isupper() else new
        return _refuted(parsed, _swap(claim, m.start(), m.end(), new), kind)

    return generate


def _cycle_table(words: Sequence[str], step: int = 1) -> dict[str, str]:
    return {w.lower(): words[(i + step) % len(words)].lower() for i, w in enumerate(words)}


def month(parsed: Parsed, rng: random.Random, pools: Pools) -> list[Pair]:
    table = {m.lower(): MONTHS[(i + rng.randint(1, 11)) % 12] for i, m in enumerate(MONTHS) if m != "May"}
    return _word_swap(table, "month", in_evidence=True)(parsed, rng, pools)


def ordinal(parsed: Parsed, rng: random.Random, pools: Pools) -> list[Pair]:
    table = {o: ORDINALS[(i + rng.randint(1, 3)) % len(ORDINALS)] for i, o in enumerate(ORDINALS)}
    digits = {f"{n}{s}": f"{n + rng.randint(1, 3)}{'th'}" for n, s in ((1, "st"), (2, "nd"), (3, "rd"))}
    digits |= {f"{n}th": f"{n + rng.randint(1, 3)}th" for n in range(4, 30)}
    return _word_swap(table | digits, "ordinal", in_evidence=True)(parsed, rng, pools)


def count_word(parsed: Parsed, rng: random.Random, pools: Pools) -> list[Pair]:
    words = NUMBER_WORDS[2:13]
    table = {w: words[(i + rng.randint(1, len(words) - 1)) % len(words)] for i, w in enumerate(words)}
    return _word_swap(table, "count_word", in_evidence=True)(parsed, rng, pools)


def magnitude(parsed: Parsed, rng: random.Random, pools: Pools) -> list[Pair]:
    return _word_swap(_cycle_table(MAGNITUDES, rng.choice((1, 3))), "magnitude", in_evidence=True)(parsed, rng, pools)


def negation(parsed: Parsed, rng: random.Random, pools: Pools) -> list[Pair]:
    """'X was Y' → 'X was not Y'; 'X won' → 'X did not win'; an already negated claim loses its 'not'."""
    claim = parsed.pair.claim
    negated = NEGATED_RE.search(claim)
    if negated:
        text = negated.group()
        plain = text[:-3] if text == "n't" else text.rsplit(" ", 1)[0]
        return _refuted(parsed, _swap(claim, negated.start(), negated.end(), plain), "negation")
    for token in parsed.doc:
        if token.lower_ in AUXILIARIES and token.i + 1 < len(parsed.doc):
            return _refuted(
                parsed, _swap(claim, token.idx + len(token.text), token.idx + len(token.text), " not"), "negation"
            )
        if token.tag_ in ("VBD", "VBZ", "VBP") and token.lemma_:
            aux = {"VBD": "did", "VBZ": "does", "VBP": "do"}[token.tag_]
            return _refuted(
                parsed, _swap(claim, token.idx, token.idx + len(token.text), f"{aux} not {token.lemma_}"), "negation"
            )
    return []


GENERATORS: dict[str, Generator] = {
    "figure": figure,
    "year": year,
    "month": month,
    "place": _entity_swap(frozenset({"GPE", "LOC", "FAC"}), "place"),
    "person": _entity_swap(frozenset({"PERSON"}), "person"),
    "organisation": _entity_swap(frozenset({"ORG"}), "organisation"),
    "ordinal": ordinal,
    "count_word": count_word,
    "unit": _word_swap(UNIT_SWAPS, "unit", in_evidence=True),
    "magnitude": magnitude,
    "direction": _word_swap(DIRECTION_SWAPS, "direction"),
    "superlative": _word_swap(SUPERLATIVE_SWAPS, "superlative"),
    "negation": negation,
    "quantifier": _word_swap(QUANTIFIER_SWAPS, "quantifier"),
}


def _words_for(value: int) -> str | None:
    return NUMBER_WORDS[value] if 2 <= value < len(NUMBER_WORDS) else None


def word_number(parsed: Parsed, rng: random.Random, pools: Pools) -> list[Pair]:
    """'7 people' → 'seven people' where the evidence says 7 (and the other way round)."""
    claim, evidence = parsed.pair.claim, parsed.pair.evidence
    for m in re.finditer(r"(?<![\d.,])\b\d{1,2}\b(?![.,%]?\d|%)", claim):
        words = _words_for(int(m.group()))
        if words and re.search(rf"\b{m.group()}\b", evidence) and _counts(claim, m):
            return _supported(parsed, _swap(claim, m.start(), m.end(), words), "word_number")
    for m in re.finditer(r"\b(" + "|".join(NUMBER_WORDS[2:]) + r")\b", claim):
        digits = str(NUMBER_WORDS.index(m.group()))
        if re.search(rf"\b{digits}\b", evidence):
            return _supported(parsed, _swap(claim, m.start(), m.end(), digits), "word_number")
    return []


def _round_down(value: float) -> int:
    """47 → 40, 1,234 → 1,000: the round number below a figure (one significant digit)."""
    scale = 10 ** (len(str(int(value))) - 1)
    return int(value // scale * scale)


def _figures(parsed: Parsed, *, least: float) -> list[re.Match[str]]:
    """Figures the evidence states that count something ('47 deaths', not 'top 10' or 'Dirty 30')."""
    claim, evidence = parsed.pair.claim, parsed.pair.evidence
    return [
        m
        for m in DIGITS_RE.finditer(claim)
        if m.group() in evidence
        and not YEAR_RE.fullmatch(m.group())
        and float(m.group().replace(",", "")) >= least
        and _counts(claim, m)
        and not QUALIFIED_RE.search(claim[: m.start()])
    ]


QUALIFIED_RE = re.compile(
    r"(?:about|around|roughly|some|approximately|nearly|almost|over|than|under|upwards of|up to|least)\s*\W?\s*$", re.I
)
COUNTED_AFTER_RE = re.compile(r"(?:%| percent\b| [a-z]{3,})")
NOT_COUNT_BEFORE_RE = re.compile(r"(?:\b(?:top|number|no\.|the|of|at|age|aged)|[A-Z]\w*)\s*$")


def _counts(claim: str, m: re.Match[str]) -> bool:
    return bool(COUNTED_AFTER_RE.match(claim, m.end())) and not NOT_COUNT_BEFORE_RE.search(claim[: m.start()])


def approximate(parsed: Parsed, rng: random.Random, pools: Pools) -> list[Pair]:
    """'1,234 votes' → 'about 1,234 votes' or 'roughly 1,200 votes'."""
    found = _figures(parsed, least=10)
    if not found:
        return []
    m = rng.choice(found)
    value = float(m.group().replace(",", ""))
    shown = m.group() if "." in m.group() or rng.random() < 0.5 else f"{round(value, -len(str(int(value))) + 2):,.0f}"
    qualifier = rng.choice(("about", "around", "roughly", "some", "approximately"))
    return _supported(parsed, _qualified(parsed.pair.claim, m, qualifier, shown), "approximate")


def _qualified(claim: str, m: re.Match[str], qualifier: str, shown: str) -> str:
    """The figure at `m` replaced by 'qualifier shown', a currency sign kept next to the figure."""
    start = m.start()
    if start and claim[start - 1] in "$£€":
        start, shown = start - 1, claim[start - 1] + shown
    return _swap(claim, start, m.end(), f"{qualifier} {shown}")


def lower_bound(parsed: Parsed, rng: random.Random, pools: Pools) -> list[Pair]:
    """'47 deaths' → 'more than 40 deaths'."""
    found = [m for m in _figures(parsed, least=11) if "." not in m.group()]
    if not found:
        return []
    m = rng.choice(found)
    value = float(m.group().replace(",", ""))
    bound = _round_down(value)
    if bound >= value:
        return []
    qualifier = rng.choice(("more than", "over", "upwards of"))
    return _supported(parsed, _qualified(parsed.pair.claim, m, qualifier, f"{bound:,}"), "lower_bound")


MONTH_ALT = "|".join(MONTHS)
FULL_DATE_RE = re.compile(
    rf"\b(?:on\s+)?(?:(?:{MONTH_ALT})\s+\d{{1,2}},?\s+|\d{{1,2}}\s+(?:{MONTH_ALT})\s+|(?:in\s+)?(?:{MONTH_ALT})\s+)(\d{{4}})\b"
)


def date_less_detail(parsed: Parsed, rng: random.Random, pools: Pools) -> list[Pair]:
    """'on March 5, 2019' → 'in 2019' where the evidence gives the full date."""
    claim = parsed.pair.claim
    m = FULL_DATE_RE.search(claim)
    if m is None or m.group(1) not in parsed.pair.evidence:
        return []
    return _supported(parsed, _swap(claim, m.start(), m.end(), f"in {m.group(1)}"), "date_less_detail")


def _speech(templates: Sequence[str], label: str, kind: str) -> Generator:
    """The evidence rewritten as speech about the claim (the claim stays as it is)."""

    def generate(parsed: Parsed, rng: random.Random, pools: Pools) -> list[Pair]:
        reporter = rng.choice(REPORTERS)
        claim = _lower_first(parsed.pair.claim)
        text = rng.choice(templates).format(
            c=claim, C=claim[0].upper() + claim[1:], r=reporter, r_lower=reporter[0].lower() + reporter[1:]
        )
        return [replace(parsed.pair, evidence=text, label=label, source=f"contrast:{kind}")]

    return generate


def report_then_fact(parsed: Parsed, rng: random.Random, pools: Pools) -> list[Pair]:
    """'A post claimed that <changed claim>. In fact, <evidence>.': refutes the changed claim,
    supports the original (the figure after the report is the fact, not the one inside it)."""
    changed = _first_specific_change(parsed, rng, pools)
    if changed is None:
        return []
    reporter = rng.choice(REPORTERS)
    evidence = f"{reporter} claimed that {_lower_first(changed)}. {rng.choice(FACT_LEADS)} {parsed.pair.evidence}"
    base = replace(parsed.pair, evidence=evidence, source="contrast:report_then_fact")
    return [replace(base, claim=changed, label="refutes"), replace(base, label="supports")]


def _first_specific_change(parsed: Parsed, rng: random.Random, pools: Pools) -> str | None:
    for kind in ("figure", "year", "month", "place", "person", "count_word", "direction", "negation"):
        made = GENERATORS[kind](parsed, rng, pools)
        if made:
            return made[0].claim
    return None


GENERATORS |= {
    "word_number": word_number,
    "approximate": approximate,
    "lower_bound": lower_bound,
    "date_less_detail": date_less_detail,
    "reported": _speech(REPORT_TEMPLATES, "nei", "reported"),
    "reported_alt": _speech(REPORT_ALT_TEMPLATES, "nei", "reported_alt"),
    "debunked": _speech(DEBUNK_TEMPLATES, "refutes", "debunked"),
    "debunked_alt": _speech(DEBUNK_ALT_TEMPLATES, "refutes", "debunked_alt"),
    "confirmed": _speech(CONFIRM_TEMPLATES, "supports", "confirmed"),
    "report_then_fact": report_then_fact,
}


def base_pairs(root: Path) -> list[Pair]:
    """The supported claim/evidence pairs the generators start from: FEVER, FM2 and WiCE (their
    licences let a model ship), fever-symmetric v0.2 claims left out (evaluation data)."""
    held = evaluation_claims(root)
    pairs = [*fever_rte(root), *fm2(root), *wice(root)]
    return [p for p in pairs if p.label == "supports" and p.claim not in held and p.evidence.strip()]


def kind_of(pair: Pair) -> str:
    """The generator kind of a generated pair ('' for a pair from a data set)."""
    return pair.source.removeprefix("contrast:") if pair.source.startswith("contrast:") else ""


def pools_of(parsed: Sequence[Parsed]) -> Pools:
    by_label: dict[str, set[str]] = {}
    for item in parsed:
        for ent in item.doc.ents:
            by_label.setdefault(ent.label_, set()).add(ent.text)
    return Pools({label: tuple(sorted(values)) for label, values in by_label.items()})


def generate(base: Sequence[Pair], *, nlp: Any, specific_per_pair: int = 2, per_kind: int = 1600) -> list[Pair]:
    """Contrastive pairs from supported base pairs: up to `specific_per_pair` changed specifics,
    one paraphrase and two speech rewrites each, every kind (held out or not) included, at most
    `per_kind` pairs of a kind (negation applies to nearly every claim and would drown the rest);
    split them with `split_kinds`."""
    supported = [p for p in base if p.label == "supports"]
    parsed = [
        Parsed(p, doc) for p, doc in zip(supported, nlp.pipe([p.claim for p in supported], batch_size=256), strict=True)
    ]
    pools = pools_of(parsed)
    out: list[Pair] = []
    for item in parsed:
        rng = random.Random(item.pair.claim)
        out += _some(SPECIFIC_KINDS, item, rng, pools, limit=specific_per_pair)
        out += _some(PARAPHRASE_KINDS, item, rng, pools, limit=1)
        out += _some(SPEECH_KINDS, item, rng, pools, limit=2)
    return _capped(out, per_kind)


def _capped(pairs: list[Pair], per_kind: int) -> list[Pair]:
    by_kind: dict[str, list[Pair]] = {}
    for pair in pairs:
        by_kind.setdefault(kind_of(pair), []).append(pair)
    rng = random.Random(0)
    kept = {
        id(p) for group in by_kind.values() for p in (group if len(group) <= per_kind else rng.sample(group, per_kind))
    }
    return [p for p in pairs if id(p) in kept]


def _some(kinds: Iterable[str], item: Parsed, rng: random.Random, pools: Pools, *, limit: int) -> list[Pair]:
    order = list(kinds)
    rng.shuffle(order)
    out: list[Pair] = []
    for kind in order:
        made = GENERATORS[kind](item, rng, pools)
        if made:
            out += made
            limit -= 1
            if limit == 0:
                break
    return out


def split_kinds(pairs: Sequence[Pair]) -> tuple[list[Pair], list[Pair]]:
    """(trainable, held out): pairs of a held-out kind are only ever for testing."""
    held = [p for p in pairs if kind_of(p) in HELD_OUT_KINDS]
    return [p for p in pairs if kind_of(p) not in HELD_OUT_KINDS], held
