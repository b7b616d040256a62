"""Article → claims: sentences with offsets, a check-worthiness score, and structured parts.

Every sentence becomes a `Claim`; the ones not worth checking carry a `set_aside` reason instead of
being dropped, so a report can show what was skipped and why. Reasons:

    boilerplate   comment-form and sharing furniture ("Leave a Reply", "Tags: ...")
    list_item     a bulleted or numbered line ("• “Russia’s Digital Iron Curtain”")
    headline      a line without closing punctuation, or the title repeated
    question      a (rhetorical) question
    fragment      fewer than four words
    opinion       hype or opinion cues outweigh the checkable content
    not_factual   nothing checkable: no figure, date, quotation, named actor, nor a verb of
                  saying, doing, finding or causing
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar

from . import parse
from .errors import InputError
from .models import Article, Claim, DateMention, Entity, Mention, Quantity, Quote
from .segment import sentence_spans

if TYPE_CHECKING:
    from .mentions import Analyser

BOILERPLATE_RE = re.compile(
    r"(?i)^(?:tags?:|share (?:this|on)|leave a reply|want to join the discussion|feel free to"
    r"|your email address|required fields|\d+\s+(?:replies|comments)|subscribe|sign up|click here"
    r"|all rights reserved|related:|read more|advertisement|photo:|image:)"
)
LIST_RE = re.compile(r"^\s*(?:[•·▪◦*\-–—]|\d{1,2}[.)])\s+")
HYPE_RE = re.compile(
    r"(?i)\b(?:shockwaves?|bold|dramatic(?:ally)?|aggressive(?:ly)?|sweeping|stakes|unmistakable"
    r"|iron grip|lifeline|hangs? in the balance|one thing is certain|hard to ignore|clear message"
    r"|particularly significant|profound|intensifying|cold war|fortress|unprecedented|calculated"
    r"|as the world watches|not without risks|the challenge is clear|far beyond|escalation"
    r"|repression|authoritarianism|hardline|stifle dissent|slammed|explosive|jaw-dropping"
    r"|you won'?t believe|game[- ]changer|shocking|outrageous|humiliat\w*|ignominious|shameful|disgrace\w*"
    r"|horror|horrific|tragic(?:ally)?|heartbreak\w*|stunning|remarkable|astonishing|triumph\w*|fiasco"
    r"|spectacular|extraordinary|breathtaking|scandalous|appalling|glorious|proudest|nightmare"
    r"|hard to overstate|cannot be overstated|will be remembered|matter(?:s)? more|for generations)\b"
)
OPINION_RE = re.compile(
    r"(?i)\b(?:should|must|ought to|i think|we believe|in my view|arguably|clearly|obviously"
    r"|could have|may well|undoubtedly|certainly)\b"
)
# Evaluative words judge what happened rather than say it. A set-aside cue only: OPINION_RE and
# HYPE_RE are also features of the learned check-worthiness scorer and must stay as it was trained.
EVALUATIVE_RE = re.compile(
    r"(?i)\b(?:welcome|overdue|misguided|reckless|foolish|absurd|deserved|deserves|admirable"
    r"|commendable|laudable|regrettable|deplorable|inexcusable|unforgivable|sensible|unwise"
    r"|disappointing|encouraging|troubling|worrying|alarming|embarrassing|pathetic|clumsy"
    r"|far too|all too|if anything|no doubt)\b"
)
# A columnist's turns of phrase: a sentence built on one, with names but no figure, date or
# quotation, is commentary however many names it holds ("Few prime ministers have squandered so
# much so quickly", "Whatever the investigators conclude, ...", "... will be the real test").
RHETORIC_RE = re.compile(
    r"(?i)^(?:whatever\b|few\s+(?:[\w’']+\s+){0,4}?(?:have|has|will|can|could|would)\b|rarely\s+(?:has|have|does|is|was)\b"
    r"|never\s+(?:has|have|before\s+has)\b|it\s+is\s+hard\s+(?:not\s+)?to\b|there\s+is\s+something\b"
    r"|no\s+\w+\s+in\s+living\s+memory\b|only\s+\w+\s+could\s+have\b|for\s+an?\s+\w+\s+(?:that|built|so)\b)"
    r"|\b(?:the\s+real\s+test|the\s+easy\s+part|the\s+hard(?:est)?\s+part|hardest\s+[\w-]+\s+of\s+all"
    r"|(?:a|an)\s+(?:\w+\s+)?reminder\s+that|looks?\s+(?:wiser|smarter|better|worse|foolish)\s+by\s+the\s+day"
    r"|said\s+more\s+than\s+any|will\s+be\s+remembered\s+as|(?:a|the)\s+victory\s+of\s+\w+\s+over)\b"
)
ATTRIBUTION_RE = re.compile(
    r"(?i)\b(?:said|says|told|stated|announced|confirmed|reported|according to|declared|posted"
    r"|wrote|denied|claimed)\b"
)
EVENT_RE = re.compile(
    r"(?i)\b(?:block(?:ed|s)?|ban(?:ned|s)?|designated|ordered|removed|restrict(?:ed|ions?)"
    r"|mandated|launched|owned|owns|acquired|arrested|passed|signed|fined|disappeared|pre-installed"
    r"|modell?ed|founded|based in|elected|killed|died)\b"
)

# Words that make a statement of fact checkable without a figure or a name: a finding, a cause, a
# rule, a rank ("regulators concluded the outages were caused by ...", "the longest strike").
FACT_RE = re.compile(
    r"(?i)\b(?:conclu\w+|found|find(?:s|ings?)|ruled|showed|shows|revealed|confirm\w*|blam\w+|caus\w+"
    r"|because|due to|led to|resulted|triggered|attribut\w+|approv\w+|authori[sz]\w+|convicted|voted"
    r"|won|lost|agreed|allow\w*|forbid\w*|prohibit\w*|may not|compromised|evidence|records?"
    r"|largest|biggest|longest|highest|lowest|smallest|shortest|deadliest|first|only)\b"
)

T = TypeVar("T", Quantity, DateMention, Quote, Entity, Mention)
# Kinds of mention that make a sentence concrete enough to check whatever its score.
CONCRETE_KINDS = frozenset({"number", "percent", "money", "quantity", "date", "weekday", "time", "duration", "ordinal"})
NAMED_ACTORS = frozenset({"person", "organisation", "place"})


def shifted(items: Sequence[T], offset: int) -> tuple[T, ...]:
    """Parts with their offsets moved by `offset` (into the article, or back into the sentence)."""
    return tuple(dataclasses.replace(i, start=i.start + offset, end=i.end + offset) for i in items)


def checkworthiness(sentence: str, *, has_parts: dict[str, int]) -> float:
    """A score in [0, 1]: how much the sentence reads as a checkable statement of fact.

    Adds weight for figures, dates, attributed quotations, attribution verbs, named actors and
    event verbs; takes weight away for hype and opinion cues. Hand-set weights (see the issue on
    evaluation for a learned scorer), clipped to [0, 1].
    """
    score = 0.2
    score += 0.3 * min(has_parts["quantities"], 1) + 0.15 * min(has_parts["dates"], 1)
    score += 0.3 * min(has_parts["attributed_quotes"], 1)
    score += 0.15 * bool(ATTRIBUTION_RE.search(sentence)) + 0.15 * bool(EVENT_RE.search(sentence))
    score += 0.08 * min(has_parts["entities"], 3)
    score -= 0.1 * min(len(HYPE_RE.findall(sentence)), 3)
    score -= 0.15 * min(len(OPINION_RE.findall(sentence)), 2)
    return max(0.0, min(1.0, score))


def _form_reason(sentence: str, title: str) -> str | None:
    """Reasons that follow from the form of a line alone, before any scoring."""
    if BOILERPLATE_RE.search(sentence):
        return "boilerplate"
    if LIST_RE.match(sentence):
        return "list_item"
    if len(sentence.split()) < 4:
        return "fragment"
    if sentence.rstrip().endswith("?"):
        return "question"
    if title and sentence.strip() == title.strip():
        return "headline"
    if not re.search(r"[.!;:][\"”’')\]]*\s*$|[”\"]\s*$", sentence):
        return "headline"
    return None


def concrete(sentence: str, mentions: Sequence[Mention], counts: dict[str, int]) -> bool:
    """A checkable element: a figure, date or time, an attributed quotation, a named actor, or a
    verb of saying, doing, finding or causing, or a rank ("the longest")."""
    if counts["quantities"] or counts["dates"] or counts["attributed_quotes"]:
        return True
    if any(m.kind in CONCRETE_KINDS or m.kind in NAMED_ACTORS for m in mentions):
        return True
    unquoted = _unquoted(sentence)
    if any(r.search(unquoted) for r in (ATTRIBUTION_RE, EVENT_RE, FACT_RE)):
        return True
    # Without typed mentions, capitalised words stand in for names ("Few", "No" start sentences).
    return not mentions and counts["entities"] > 0 and bool(EVENT_RE.search(unquoted))


def has_values(mentions: Sequence[Mention], counts: dict[str, int]) -> bool:
    """A figure, date, time or attributed quotation: what a columnist's turn of phrase does not
    hold ("for years", a bare unit of time, is no value here)."""
    values = [m for m in mentions if m.kind in CONCRETE_KINDS and not (m.kind == "duration" and m.text.isalpha())]
    return bool(values or counts["quantities"] or counts["dates"] or counts["attributed_quotes"])


SPECIFIC_KINDS = frozenset({"number", "ordinal", "percent", "money", "quantity", "weekday"})


def has_specifics(mentions: Sequence[Mention], counts: dict[str, int]) -> bool:
    """A value a fact-checker can look up: a figure or rank beyond one, a sum, share or measure, a
    weekday, anything written with digits ("4 May", "1:27 am", "2019"), or an attributed quotation;
    not "that evening", "this year", "a decade" or "one thing", which a columnist's sentence holds
    as often as a report's."""
    found = any(_specific(m) for m in mentions if m.kind in CONCRETE_KINDS)
    return found or bool(counts["attributed_quotes"])


def _specific(m: Mention) -> bool:
    if re.search(r"\d", m.text):
        return True
    if m.kind in ("number", "ordinal"):
        return (m.low or 0.0) >= 2  # "one thing is certain", "for the first time": no count, no rank
    return m.kind in SPECIFIC_KINDS


def _score_reason(
    sentence: str, score: float, threshold: float, *, is_concrete: bool, valued: bool = True, specific: bool = False
) -> str | None:
    """A sentence with no concrete element is set aside (opinion where it has opinion or hype cues);
    a concrete one where it scores low and has such cues outside its quotations, unless it holds a
    specific value (`specific`), or where it is built on a columnist's turn of phrase (RHETORIC_RE)
    and holds no value (`valued`)."""
    unquoted = _unquoted(sentence)
    if not valued and RHETORIC_RE.search(unquoted.strip()):
        return "opinion"
    cues = HYPE_RE.search(unquoted) or OPINION_RE.search(unquoted) or EVALUATIVE_RE.search(unquoted)
    if not is_concrete:
        return "opinion" if cues else "not_factual"
    if specific:
        return None  # a figure, a day, a clock time or an attributed quotation is checked, whatever the tone
    return "opinion" if cues and score < threshold else None


def _unquoted(sentence: str) -> str:
    """The sentence without its quotations: a speaker's "should" is what they said, not our opinion."""
    for start, end in reversed(parse.quote_spans(sentence)):
        sentence = sentence[:start] + sentence[end:]
    return sentence


def claim_from_sentence(
    article: Article,
    index: int,
    start: int,
    end: int,
    *,
    threshold: float,
    learned: float | None = None,
    learned_weight: float = 0.5,
    mentions: Sequence[Mention] = (),
) -> Claim:
    """One sentence of `article` as a Claim with parts whose offsets are into the article text.

    Check-worthiness is the hand-set score, or, given a learned scorer's score, the mix
    `learned_weight · learned + (1 - learned_weight) · hand-set`. `mentions` are the sentence's
    typed mentions (factcheck.mentions), offsets into the sentence."""
    sentence = article.text[start:end]
    quants = shifted(parse.quantities(sentence), start)
    date_parts = shifted(parse.dates(sentence, article.published), start)
    quote_parts = shifted(parse.quotes(sentence), start)
    ents = shifted(parse.entities(sentence), start)
    counts = {
        "quantities": len(quants),
        "dates": len(date_parts),
        "attributed_quotes": sum(q.speaker is not None for q in quote_parts),
        "entities": len(ents),
    }
    score = checkworthiness(sentence, has_parts=counts)
    if learned is not None:
        score = learned_weight * learned + (1.0 - learned_weight) * score
    is_concrete = concrete(sentence, mentions, counts)
    valued = has_values(mentions, counts)
    reason = _form_reason(sentence, article.title) or _score_reason(
        sentence, score, threshold, is_concrete=is_concrete, valued=valued, specific=has_specifics(mentions, counts)
    )
    return Claim(
        id=f"{article.id}:{index}",
        text=sentence,
        start=start,
        end=end,
        checkworthiness=round(score, 4),
        set_aside=reason,
        quantities=quants,
        dates=date_parts,
        quotes=quote_parts,
        entities=ents,
        mentions=shifted(tuple(mentions), start),
    )


def extract(
    article: Article,
    *,
    threshold: float = 0.5,
    learned: Sequence[float] | None = None,
    learned_weight: float = 0.5,
    analyser: Analyser | None = None,
) -> tuple[Claim, ...]:
    """Every sentence of the article as a Claim, in order; `set_aside` says which are not checked.

    `learned` (one score per sentence of `sentences(article)`) come from a learned scorer and are
    mixed into the hand-set check-worthiness with `learned_weight`. With an `analyser`, each claim
    carries its typed mentions, which verify compares slot by slot."""
    spans = sentence_spans(article.text)
    if learned is not None and len(learned) != len(spans):
        raise ValueError(f"{len(learned)} learned scores for {len(spans)} sentences")
    texts = [article.text[s:e] for s, e in spans]
    found = analyser.analyse_many(texts, references=[article.published] * len(texts)) if analyser else None
    return tuple(
        claim_from_sentence(
            article,
            i,
            start,
            end,
            threshold=threshold,
            learned=None if learned is None else float(learned[i]),
            learned_weight=learned_weight,
            mentions=found[i] if found else (),
        )
        for i, (start, end) in enumerate(spans)
    )


def sentences(article: Article) -> list[str]:
    """The article's sentences, in the order `extract` makes claims of them."""
    return [article.text[start:end] for start, end in sentence_spans(article.text)]


def claim_of_text(text: str, *, as_of: dt.date | None = None, analyser: Analyser | None = None) -> Claim:
    """A claim typed or given on its own: one Claim over the whole text, never set aside, with the
    parts of all its sentences."""
    text = " ".join(text.split())
    if not text:
        raise InputError("the claim is empty; give the sentence to check")
    parts = extract(Article(id="claim", text=text, published=as_of), threshold=0.0, analyser=analyser)
    return Claim(
        id="claim",
        text=text,
        start=0,
        end=len(text),
        checkworthiness=max((c.checkworthiness for c in parts), default=0.0),
        quantities=tuple(q for c in parts for q in c.quantities),
        dates=tuple(d for c in parts for d in c.dates),
        quotes=tuple(q for c in parts for q in c.quotes),
        entities=tuple(e for c in parts for e in c.entities),
        mentions=tuple(m for c in parts for m in c.mentions),
    )
