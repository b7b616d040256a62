"""Frozen records that flow through the pipeline: extract → retrieve → verify → report.

Offsets are Python string indices (code points) into the text they name: `Claim.start/end` into the
article text, `Passage.start/end` into the source document's text, so `text[start:end]` gives the span.
Every score is a float in [0, 1] where higher means stronger; each field says what it measures.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from typing import Any

STANCE_LABELS = ("supports", "refutes", "nei")  # the stance model's outputs, in this order


class Label(StrEnum):
    """A verdict label. Stable string values: they are the JSON output."""

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    MISLEADING = "misleading"
    NOT_ENOUGH_EVIDENCE = "not_enough_evidence"
    NOT_CHECKABLE = "not_checkable"


class Band(StrEnum):
    """A coarse reading of `confidence`: high ≥ 0.75 > medium ≥ 0.5 > low."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @classmethod
    def of(cls, confidence: float) -> Band:
        if confidence >= 0.75:
            return cls.HIGH
        return cls.MEDIUM if confidence >= 0.5 else cls.LOW


def to_plain(value: Any) -> Any:
    """Turn records, enums and dates into JSON-ready values with stable keys."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    return value


class _Record:
    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; keys are the field names and never change meaning."""
        result: dict[str, Any] = to_plain(self)
        return result


@dataclass(frozen=True)
class Quantity(_Record):
    """A number in text: "over 100 million users" → value 1e8, unit "users", qualifier "over"."""

    text: str
    value: float
    unit: str
    qualifier: str  # "exact", "over", "under", "about"
    start: int
    end: int


@dataclass(frozen=True)
class DateMention(_Record):
    """A date in text. `month`/`day` are None where the text does not give them.

    `relative` is True for phrases like "last August" that were resolved against a reference date.
    """

    text: str
    year: int
    month: int | None
    day: int | None
    relative: bool
    start: int
    end: int


@dataclass(frozen=True)
class Quote(_Record):
    """A quotation and who it is attributed to (None where no speaker is named)."""

    text: str
    speaker: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Entity(_Record):
    """A proper-noun span found by capitalisation (no NER model ships offline)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Mention(_Record):
    """A typed, normalised mention of a specific (factcheck.mentions): the slot a claim and its
    evidence are compared on.

    kind: number, percent, money, quantity, date, weekday, time, duration, ordinal, person,
        organisation, place, group.
    low / high: the value as an interval (equal for an exact figure): a count or amount; percent in
        percentage points; money in units of `unit` (its currency, "" where none is named); quantity
        in SI base units; time in minutes after midnight; duration in seconds; weekday 0 (Monday) to
        6; ordinal its rank. None for names and dates.
    unit: what the value counts ("worker", "USD", "[length]"); for dates "YYYY-MM-DD" with "??" for
        a part the text does not give; for names the normalised name.
    context: lower-cased content words around the mention: the role it plays in its sentence.
    share: for a count, which share of a group it counts: "part" ("fifteen" in "fifteen of the 16
        members"), "whole" (the 16 there), "all" ("all 16 members": the part is the whole), "" for
        a plain count.
    """

    kind: str
    text: str
    start: int
    end: int
    low: float | None = None
    high: float | None = None
    unit: str = ""
    context: tuple[str, ...] = ()
    share: str = ""


@dataclass(frozen=True)
class Article(_Record):
    """An article to check. `published` resolves relative dates ("last August")."""

    id: str
    text: str
    title: str = ""
    url: str = ""
    published: dt.date | None = None


@dataclass(frozen=True)
class Claim(_Record):
    """A sentence of an article with its structured parts.

    `checkworthiness` in [0, 1]: how likely the sentence states a checkable fact (higher = more).
    `set_aside` is None for a claim to check, else the reason it is not checked ("opinion", ...).
    """

    id: str
    text: str
    start: int
    end: int
    checkworthiness: float
    set_aside: str | None = None
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Source(_Record):
    """A curated source document. `kind`: official_statement, news_report, fact_check, reference.

    `rating`: for a fact-check, the verdict it gave ("False", "Mostly true"), as its publisher
    wrote it (a ClaimReview's alternateName); empty otherwise.
    """

    id: str
    title: str
    text: str
    url: str = ""
    publisher: str = ""
    published: dt.date | None = None
    kind: str = "news_report"
    rating: str = ""

    @property
    def is_rated_review(self) -> bool:
        """A rated fact-check (an imported ClaimReview): its text is the claim it rated, not a fact."""
        return self.kind == "fact_check" and bool(self.rating)


@dataclass(frozen=True)
class Passage(_Record):
    """A retrievable piece of a source: `source.text[start:end] == text`. `mentions` (offsets into
    `text`) are found once, when the passage is indexed."""

    id: str
    source_id: str
    text: str
    start: int
    end: int
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Evidence(_Record):
    """A passage retrieved for a claim, with its scores (each in [0, 1], higher = closer).

    dense: cosine similarity of the sentence embeddings, clipped at 0.
    fuzzy: rapidfuzz token-set ratio / 100 (shared words, order-free).
    lexical: BM25 relative to the query's best BM25 match in the corpus.
    score: the fused score, a weighted mean of the three (weights in Settings); verify's thresholds
        apply to it.
    match: the re-ranker's probability that the passage states the same claim (factcheck.rerank);
        evidence is listed in this order. Equal to `score` where re-ranking is off.
    stance: the stance model's (P(supports), P(refutes), P(not enough info)) for the claim and
        this passage, summing to 1 (factcheck.stance); None where it was not scored.
    """

    passage: Passage
    source: Source
    dense: float
    fuzzy: float
    lexical: float
    score: float
    match: float = 0.0
    stance: tuple[float, float, float] | None = None

    def to_dict(self) -> dict[str, Any]:
        src = self.source
        return {
            "passage_id": self.passage.id,
            "text": self.passage.text,
            "start": self.passage.start,
            "end": self.passage.end,
            "source": {
                "id": src.id,
                "title": src.title,
                "url": src.url,
                "publisher": src.publisher,
                "published": src.published.isoformat() if src.published else None,
                "kind": src.kind,
                "rating": src.rating,
            },
            "scores": {
                "dense": self.dense,
                "fuzzy": self.fuzzy,
                "lexical": self.lexical,
                "fused": self.score,
                "match": self.match,
            },
            "stance": dict(zip(STANCE_LABELS, self.stance, strict=True)) if self.stance else None,
        }


@dataclass(frozen=True)
class Check(_Record):
    """One check that fired. `effect` is "supports", "contradicts" or "note".

    `evidence` is the index into `Verdict.evidence` of the passage the check used, or None.
    `claim_start/claim_end`: the span of the claim the check read, as offsets into the article (or
    the typed claim); `evidence_start/evidence_end`: the span it read in that passage's text. None
    where the check reads the whole sentence.
    """

    name: str
    effect: str
    detail: str
    evidence: int | None = None
    claim_start: int | None = None
    claim_end: int | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None


@dataclass(frozen=True)
class Verdict(_Record):
    """What factcheck concludes about one claim.

    confidence in [0, 1]: how sure the verdict is, from evidence strength and agreeing checks
    (a heuristic score, not a calibrated probability); `band` reads it coarsely.
    """

    claim: Claim
    label: Label
    confidence: float
    band: Band
    rationale: tuple[Check, ...] = ()
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim": self.claim.to_dict(),
            "label": self.label.value,
            "confidence": round(self.confidence, 4),
            "band": self.band.value,
            "rationale": [c.to_dict() for c in self.rationale],
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class ArticleReport(_Record):
    """All verdicts for one article, in text order, set-aside sentences included."""

    article: Article
    verdicts: tuple[Verdict, ...] = field(default_factory=tuple)

    def counts(self) -> dict[str, int]:
        """Number of verdicts per label, every label present."""
        out = {label.value: 0 for label in Label}
        for v in self.verdicts:
            out[v.label.value] += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        art = self.article
        return {
            "id": art.id,
            "title": art.title,
            "url": art.url,
            "published": art.published.isoformat() if art.published else None,
            "counts": self.counts(),
            "verdicts": [v.to_dict() for v in self.verdicts],
        }
