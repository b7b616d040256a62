"""Structured parts of a text: quantities, dates, quotations with speakers, proper nouns.

Pure functions over strings; every result carries offsets into the string it was given. Used by
`extract` on articles and by `verify` on evidence passages, so both sides are read the same way.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from .models import DateMention, Entity, Quantity, Quote

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS.pop("may", None)  # the month May is handled by name below; "may" the verb is not a date
MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?"
)
# Where one statement ends and the next begins: sentence ends, semicolons, colons, dashes, and the
# conjunctions that join two statements. CLAUSE_RE finds the clause of a passage that matches a
# claim (a negation counts only there); PART_RE cuts a claim into parts looked up one by one, so it
# also splits at relative and participle clauses that carry a statement of their own.
# a full stop after an abbreviation or an initial ("Fukushima No. 1", "Mr. Smith", "John F. Kennedy")
# ends no statement
_NOT_AN_END = "".join(
    f"(?<!\\b{a})" for a in "No Nos Mr Mrs Ms Dr St Jr Sr vs Inc Co Ltd Gen Gov Sen Rep Lt Col Prof Mt Ft".split()
)
_BREAK = rf"[;—–]|(?<!\d):(?!\d)|{_NOT_AN_END}(?<!\b[A-Z])[.!?][\"”’]?\s+|,\s+(?:but|while|although|though|whereas|and"
CLAUSE_RE = re.compile(_BREAK + r")\b|\b(?:but|whereas|although)\b")
PART_RE = re.compile(
    _BREAK + r"|making|which|who|so|after|before|when|letting|allowing|leaving|taking|bringing|as)\b"
    r"|\s(?:while|whereas)\s|,\s+(?=[a-z]+(?:ed|ing)\s)"  # ", centred 56 km west of ...", ", killing 12"
)
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "dozen": 12, "hundred": 100,
}  # fmt: skip
SCALES = {"thousand": 1e3, "million": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
QUALIFIERS = {
    "over": "over", "more than": "over", "above": "over", "at least": "over", "upwards of": "over",
    "under": "under", "less than": "under", "fewer than": "under", "below": "under", "up to": "under",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "nearly": "about", "almost": "about", "close to": "about", "an estimated": "about",
}  # fmt: skip
# Words between a number and its unit that do not change what is counted ("60 million daily users").
UNIT_MODIFIERS = {"daily", "monthly", "weekly", "active", "new", "registered", "regular", "more"}

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + "|".join(NUMBER_WORDS)
QUANTITY_RE = re.compile(
    rf"(?i)(?:\b(?P<qual>{'|'.join(sorted(QUALIFIERS, key=len, reverse=True))})\s+)?"
    rf"(?<![\w.])(?P<num>{_NUM})\b(?![.,]\d)"
    rf"(?:\s*(?P<scale>{'|'.join(SCALES)})\b)?"
    r"(?:\s*(?P<pct>%|percent\b|per cent\b))?"
    rf"(?:[ \t]+(?P<unit>(?:(?:{'|'.join(UNIT_MODIFIERS)})[ \t]+)?[a-z]+))?"
)

_DAY_MONTH_YEAR = rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{MONTH_RE}),?\s+(?P<y1>\d{{4}})"
_MONTH_DAY_YEAR = rf"(?P<m2>{MONTH_RE})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
_MONTH_YEAR = rf"(?P<m3>{MONTH_RE})\s+(?:of\s+)?(?P<y3>\d{{4}})"
_ISO = r"(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
_REL_MONTH = (
    rf"(?:(?P<rel1>last|this|next)\s+(?P<rm1>{MONTH_RE})|(?P<rm2>{MONTH_RE})\s+(?P<rel2>last|this|next)\s+year)"
)
_REL_YEAR = r"(?P<rel3>last|this|next)\s+year"
_WEEKDAY = r"\b(?i:on)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_BARE_MONTH = rf"\b(?i:in|since|from|by|until)\s+(?P<bm>{MONTH_RE})(?!\s+(?:\d|last|this|next))"
_YEAR = r"(?<![\w,.])(?P<year>(?:19|20)\d{2})(?![\w-])"
DATE_RE = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            _ISO,
            _DAY_MONTH_YEAR,
            _MONTH_DAY_YEAR,
            _REL_MONTH,
            _MONTH_YEAR,
            _REL_YEAR,
            _WEEKDAY,
            _BARE_MONTH,
            _YEAR,
        )
    )
)

QUOTE_RE = re.compile(r"“(?P<a>[^“”]{2,}?)”|\"(?P<b>[^\"\n]{2,}?)\"|‘(?P<c>[^‘’]{2,}?)’(?![a-z])")
_NAME = r"(?:[A-Z][\w’'\-]*(?:[ \t]+(?:al-|de[ \t]+|van[ \t]+|von[ \t]+)?[A-Z][\w’'\-]*)*)"
_ROLE = (
    r"(?:(?:the|a)\s+)?(?:[A-Z][\w’'\-]*\s+)*(?:spokes(?:person|man|woman)|official|founder"
    r"|minister|president|regulator|company|government|ministry|statement|post)"
)
_SPEAKER = rf"(?P<who>{_ROLE}|{_NAME})"
# verbs that introduce someone's words, in the forms news writing uses them
_SPEECH_VERBS = (
    "said says saying told tells telling stated states stating wrote writes writing added adds adding posted posts"
    " posting declared declares declaring warned warns warning insisted insists insisting tweeted tweets tweeting"
    " announced announces announcing argued argues arguing noted notes noting explained explains explaining replied"
    " replies replying responded responds responding claimed claims claiming acknowledged acknowledges admitted"
    " admits remarked remarks commented comments asked asks urged urges urging vowed vows pledged pledges promised"
    " promises stressed stresses stressing cautioned cautions conceded concedes recalled recalls predicted predicts"
    " called calls calling described describes hailed hails praised praises"
)
_VERB = rf"(?:{'|'.join(_SPEECH_VERBS.split())})"
SPEAKER_AFTER_RES = (
    re.compile(rf"^[\s,.!?:;—–-]*{_VERB}\s+{_SPEAKER}"),
    re.compile(rf"^[\s,.!?:;—–-]*{_SPEAKER}\s+{_VERB}"),
    # "…," Guerrero governor Evelyn Salgado said / Sweden's prime minister, Magdalena Andersson, told
    re.compile(
        rf"^[\s,.!?:;—–-]*(?:the\s+)?(?:[A-Z][\w’'\-]*\s+){{0,3}}(?:[a-z][\w’'\-]*\s+){{0,3}}[a-z][\w-]*,?\s+"
        rf"(?P<who>{_NAME}),?\s+{_VERB}"
    ),
)
SPEAKER_BEFORE_RES = (
    re.compile(rf"(?i:according)\s+to\s+{_SPEAKER}"),
    re.compile(rf"{_SPEAKER},?\s+(?:who\s+)?(?:has\s+|had\s+)?{_VERB}\b"),
)
ENTITY_RE = re.compile(r"(?<![\w’'])[A-Z][\w’'\-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w’'\-]*)*")
NOT_ENTITIES = {
    "The", "A", "An", "In", "On", "At", "This", "That", "These", "Those", "It", "Its", "As", "By",
    "For", "With", "But", "And", "Or", "If", "While", "When", "Today", "We", "I", "He", "She",
    "They", "Our", "His", "Her", "Their", "Trying", "After", "Before", "Since", "From", "To",
}  # fmt: skip
# a capitalised word before "said" that names no one: "On Monday, writing ..."
NOT_SPEAKERS = NOT_ENTITIES | {d.capitalize() for d in WEEKDAYS} | {m for m in calendar.month_name if m}
NEGATION_RE = re.compile(
    r"(?i)\b(?:not|never|no|neither|nor|nobody|none|nothing|cannot|denied|denies|deny|refused|refuses|declined|declines|unable|un\w{3,}able"
    r"|(?:is|was|are|were|has|have|had|do|does|did|could|would|should|must|need)nt|cant|wont)\b|n[’']t\b"
)


def _number_value(token: str) -> float:
    word = token.lower()
    return float(NUMBER_WORDS[word]) if word in NUMBER_WORDS else float(token.replace(",", ""))


NOT_UNITS = {"in", "of", "and", "or", "to", "the", "a", "an", "on", "at", "by", "for", "is", "was", "are"}


def _unit_head(words: str | None) -> str:
    """The counted noun: "daily users" → "user", "percent" → "percent"; "" for none."""
    if not words:
        return ""
    head = words.lower().split()[-1]
    if head in NOT_UNITS:
        return ""
    if head.endswith("ies"):
        return head[:-3] + "y"
    return head[:-1] if head.endswith("s") and len(head) > 3 else head


@lru_cache(maxsize=65536)
def quantities(text: str) -> tuple[Quantity, ...]:
    """Numbers with scale, unit and qualifier; years and day-of-month numbers are left to `dates`."""
    date_spans = [(d.start, d.end) for d in dates(text)]
    found = []
    for m in QUANTITY_RE.finditer(text):
        start, end = m.span("num")
        if any(s <= start < e for s, e in date_spans):
            continue
        value = _number_value(m["num"]) * SCALES.get((m["scale"] or "").lower(), 1.0)
        unit = "percent" if m["pct"] else _unit_head(m["unit"])
        if not unit and m["num"].lower() in NUMBER_WORDS:
            continue  # "two of them": a number word without a counted noun is not a figure
        qual = QUALIFIERS[" ".join(m["qual"].lower().split())] if m["qual"] else "exact"
        end = max(span_end for span_end in (end, m.end("scale"), m.end("pct")) if span_end > 0)
        end = m.end("unit") if unit and not m["pct"] else end
        found.append(Quantity(text[m.start() : end], value, unit, qual, m.start(), end))
    return tuple(found)


def _month(token: str) -> int:
    key = token.rstrip(".").lower()
    return 5 if key == "may" else MONTHS[key if key in MONTHS else key[:3]]


def _shift_year(rel: str, year: int) -> int:
    return year + {"last": -1, "this": 0, "next": 1}[rel.lower()]


def _relative_month(rel: str, month: int, ref: dt.date) -> int:
    """ "last August" said in Feb 2026 → 2025; said in Oct 2026 → 2026 (the latest past August)."""
    if rel == "last":
        return ref.year if month < ref.month else ref.year - 1
    return ref.year if rel == "this" else ref.year + (1 if month <= ref.month else 0)


def _date_from_match(m: re.Match[str], ref: dt.date | None) -> tuple[int, int | None, int | None, bool] | None:
    g = m.groupdict()
    if g["iy"]:
        return int(g["iy"]), int(g["im"]), int(g["id"]), False
    for d, mo, y in (("d1", "m1", "y1"), ("d2", "m2", "y2")):
        if g[y]:
            return int(g[y]), _month(g[mo]), int(g[d]), False
    if g["y3"]:
        return int(g["y3"]), _month(g["m3"]), None, False
    if g["year"]:
        return int(g["year"]), None, None, False
    if ref is None:
        return None
    return _relative_date(g, ref)


def _relative_date(g: dict[str, str | None], ref: dt.date) -> tuple[int, int | None, int | None, bool] | None:
    if g["rm1"] and g["rel1"]:
        month = _month(g["rm1"])
        return _relative_month(g["rel1"].lower(), month, ref), month, None, True
    if g["rm2"] and g["rel2"]:
        return _shift_year(g["rel2"], ref.year), _month(g["rm2"]), None, True
    if g["rel3"]:
        return _shift_year(g["rel3"], ref.year), None, None, True
    if g["wd"]:
        back = (ref.weekday() - WEEKDAYS[g["wd"].lower()]) % 7
        day = ref - dt.timedelta(days=back)
        return day.year, day.month, day.day, True
    if g["bm"]:
        month = _month(g["bm"])
        return _relative_month("last", month, ref) if month > ref.month else ref.year, month, None, True
    return None


@lru_cache(maxsize=65536)
def dates(text: str, reference: dt.date | None = None) -> tuple[DateMention, ...]:
    """Absolute dates, and relative ones ("last August", "on Thursday") where `reference` is given."""
    found = []
    for m in DATE_RE.finditer(text):
        parts = _date_from_match(m, reference)
        if parts is None:
            continue
        year, month, day, relative = parts
        start = m.start("wd") if m["wd"] else m.start("bm") if m["bm"] else m.start()
        found.append(DateMention(text[start : m.end()], year, month, day, relative, start, m.end()))
    return tuple(found)


def quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each quoted passage, quotation marks excluded."""
    return tuple(_inner_span(m) for m in QUOTE_RE.finditer(text) if len(_inner(m).split()) >= 2)


def _inner(m: re.Match[str]) -> str:
    return m["a"] or m["b"] or m["c"] or ""


def _inner_span(m: re.Match[str]) -> tuple[int, int]:
    group = "a" if m["a"] else "b" if m["b"] else "c"
    return m.span(group)


def _clean_speaker(who: str) -> str:
    who = re.sub(r"^(?:the|a)\s+", "", who.strip(), flags=re.I)
    return re.sub(r"[’']s$", "", who)


def speaker_of(text: str, start: int, end: int) -> str | None:
    """Who the quotation at text[start:end] is attributed to, looking around it in its sentence."""
    after = text[end + 1 : end + 80].split("\n")[0]
    for pattern in SPEAKER_AFTER_RES:
        m = pattern.match(after)
        if m:
            return _clean_speaker(m["who"])
    line_start = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start - 1)) + 1
    before = text[line_start : start - 1]
    for pattern in SPEAKER_BEFORE_RES:
        matches = [m for m in pattern.finditer(before) if m["who"].split()[0] not in NOT_SPEAKERS]
        if matches:
            return _clean_speaker(matches[-1]["who"])
    return _subject_fallback(before)


def _subject_fallback(before: str) -> str | None:
    """ "Pavel Durov, based in Dubai, has been vocal, declaring, “…”": the first full name."""
    if not re.search(rf"\b{_VERB}\b|according to", before):
        return None
    names = [e for e in ENTITY_RE.findall(before) if len(e.split()) >= 2 and "’" not in e and "'" not in e]
    return names[0] if names else None


MIN_STATEMENT_WORDS = 4  # shorter quotations are scare quotes ("fully block"), not statements


def is_statement(quote: Quote) -> bool:
    """Whether a quotation is long enough to be someone's statement, with a speaker to check."""
    return len(quote.text.split()) >= MIN_STATEMENT_WORDS


@lru_cache(maxsize=65536)
def quotes(text: str) -> tuple[Quote, ...]:
    """Quotations with their speakers; scare quotes (see `is_statement`) keep speaker None."""
    found = []
    for start, end in quote_spans(text):
        quote = Quote(text[start:end], None, start, end)
        found.append(replace(quote, speaker=speaker_of(text, start, end)) if is_statement(quote) else quote)
    return tuple(found)


def entities(text: str) -> tuple[Entity, ...]:
    """Capitalised spans that are not sentence-initial function words: a light stand-in for NER."""
    found = []
    for m in ENTITY_RE.finditer(text):
        words = m.group().split()
        while words and words[0] in NOT_ENTITIES:
            words = words[1:]
        if not words:
            continue
        start = m.start() + m.group().index(words[0])
        found.append(Entity(text[start : m.end()], start, m.end()))
    return tuple(found)


_QUOTE_MARKS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


def quote_key(text: str) -> str:
    """Text for quote matching: lower case, typographic quotes made plain. Same length as `text`,
    so offsets found in the key are offsets in the text."""
    return text.translate(_QUOTE_MARKS).lower()


def taken_by(spans: Sequence[tuple[int, int]], match: re.Match[str], *, start: int | None = None) -> bool:
    """Whether a regex match (from `start` where given) overlaps any of `spans` (text already read
    by another reader)."""
    first = match.start() if start is None else start
    return any(a < match.end() and first < b for a, b in spans)


# Cues of a passage that reports a claim being made, or calls one false (verify: such a passage
# is no evidence of the claim; slots: the values it reports are not facts).
REPORT_RE = re.compile(
    r"(?i)\b(?:claimed|claims?\s+that|alleged(?:ly)?|rumou?rs?|viral|posts?\s+(?:online|on\s+social\s+media)"
    r"|social\s+media\s+users|circulat(?:ed|ing)|conspiracy|supposedly|purported(?:ly)?"
    # a campaign's or a poster's medium as the one saying it: "Gillespie's ad indicates ..."
    r"|(?:ad|advert|advertisement|mailer|flyer|commercial|tweet|meme|chain\s+email)s?"
    r"\s+(?:says|said|claims?|indicates|indicated|suggests|suggested|states|stated|asserts|asserted|implies|implied))\b"
)
FALSITY_RE = re.compile(
    r"(?i)\b(?:false(?:ly)?|untrue|no\s+evidence|not\s+true|debunk(?:ed|s)?|hoax|fake|baseless|fabricated"
    r"|misleading|incorrect|no\s+basis"
    # "wrongly" says a claim is false only where it tells how something was said ("wrongly claimed",
    # "incorrectly attributed"); "the judge had wrongly admitted testimony" rates a ruling, no claim
    r"|(?:wrongly|incorrectly)\s+(?:\w+\s+)?(?:claim|say|said|state|suggest|report|attribut|identif|label|describ"
    r"|assert|link|credit|blam|portray|present|cit)\w*)\b"
)
CLAIMED_RE = re.compile(r"(?i)\b(?:claim(?:ed|s|ing)?|alleg(?:ed|es|ing)|rumou?r(?:ed|s)?)\b(?:\s+that)?")
CLAUSE_END_RE = re.compile(r",\s*(?:but|while|whereas|yet)\b|;|:|\.\s|\bbut\b")


def claimed_spans(text: str) -> list[tuple[int, int]]:
    """Where a passage sets out a claim someone made rather than a fact: its quotations and the
    words after "claimed that" up to the clause's end ('A post claimed 100,000 died, but officials
    counted 5,000'); empty where the passage reports no claim."""
    if not REPORT_RE.search(text):
        return []
    spans = list(quote_spans(text))
    for m in CLAIMED_RE.finditer(text):
        end = CLAUSE_END_RE.search(text, m.end())
        spans.append((m.end(), end.start() if end else len(text)))
    return spans


# Phrases with a negation word that negate nothing: "no more than 6 years old", "not only", "there is
# no question that", "No. 1".
# "no later than", "not only", and a contrast ("staged not in a stadium but along the river"):
# the statement is not denied, one of two things is put in the other's place.
NOT_NEGATION_RE = re.compile(
    r"(?i)\b(?:no|not)\s+(?:more|less|fewer|later|earlier|sooner)\s+than\b|\bnot\s+(?:only|just)\b|\bnos?\.\s*\d"
    r"|\bno\s+(?:question|doubt)\b"
    r"|\bnot\b(?=\s+(?:in|at|on|from|by|for|with|to|the|a|an)\s(?:\s*[\w’'-]+){1,4},?\s+but\s)"
)


def negations(text: str) -> int:
    """How many negation cues ("not", "never", "n't", "denied", ...) the text holds."""
    return len(NEGATION_RE.findall(NOT_NEGATION_RE.sub(" ", text)))
