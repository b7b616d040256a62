"""The pipeline wired together: extract → retrieve → verify, over one article or a batch.

`annotate_records` is the core as a pure batch function (records in, annotated records out), so a
distributed engine can map it over partitions; `Checker` holds the loaded index and model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import Settings
from .embed import Encoder, SentenceTransformerEncoder
from .errors import FactcheckError, InputError
from .extract import extract
from .index import CorpusIndex, open_index
from .inputs import article_from_record
from .models import Article, ArticleReport, Claim, Verdict
from .retrieve import search
from .verify import verify

ARTICLE_KEYS = ("id", "text", "title", "url", "published", "date")


@dataclass(frozen=True)
class Checker:
    """Checks articles and claims against one indexed corpus with one encoder."""

    index: CorpusIndex
    encoder: Encoder
    settings: Settings = field(default_factory=Settings)

    @classmethod
    def from_sources(
        cls,
        sources: str | Path = "sources",
        *,
        settings: Settings | None = None,
        encoder: Encoder | None = None,
        index_dir: str | Path | None = None,
        rebuild: bool = True,
    ) -> Checker:
        """Load (building or refreshing as needed) the index of `sources` and the encoder."""
        settings = settings or Settings()
        encoder = encoder or SentenceTransformerEncoder(
            settings.model, threads=settings.threads, batch_size=settings.batch_size
        )
        directory = Path(index_dir) if index_dir else None
        return cls(open_index(sources, encoder, directory=directory, rebuild=rebuild), encoder, settings)

    def verdicts(self, claims: Sequence[Claim], *, as_of: dt.date | None = None) -> list[Verdict]:
        """Verdicts for claims in order; set-aside claims are not retrieved for."""
        live = [c for c in claims if not c.set_aside]
        vectors = self.encoder.encode([c.text for c in live])
        quotes = [[q.text for q in c.quotes if len(q.text.split()) >= 4] for c in live]
        found = search([c.text for c in live], vectors, self.index, quotes=quotes, settings=self.settings)
        evidence = {c.id: ev for c, ev in zip(live, found, strict=True)}
        return [verify(c, evidence.get(c.id, ()), as_of=as_of, settings=self.settings) for c in claims]

    def check(self, article: Article | str) -> ArticleReport:
        """Every sentence of one article, with a verdict each (set-aside ones `not_checkable`)."""
        if isinstance(article, str):
            article = Article(id="article", text=article)
        claims = extract(article, threshold=self.settings.checkworthiness_threshold)
        return ArticleReport(article, tuple(self.verdicts(claims, as_of=article.published)))

    def check_many(self, articles: Iterable[Article]) -> Iterator[ArticleReport]:
        """`check` over many articles, lazily, in input order."""
        for article in articles:
            yield self.check(article)

    def lookup(self, claim: str, *, as_of: dt.date | None = None) -> Verdict:
        """One claim typed by a person: never set aside, always checked."""
        text = " ".join(claim.split())
        if not text:
            raise InputError("the claim is empty; give the sentence to check")
        article = Article(id="lookup", text=text, published=as_of)
        parts = extract(article, threshold=0.0)
        merged = Claim(
            id="lookup",
            text=text,
            start=0,
            end=len(text),
            checkworthiness=max((c.checkworthiness for c in parts), default=0.0),
            quantities=tuple(q for c in parts for q in c.quantities),
            dates=tuple(d for c in parts for d in c.dates),
            quotes=tuple(q for c in parts for q in c.quotes),
            entities=tuple(e for c in parts for e in c.entities),
        )
        return self.verdicts([merged], as_of=as_of)[0]


def annotate_records(records: Iterable[Mapping[str, Any]], *, checker: Checker) -> Iterator[dict[str, Any]]:
    """Records in, annotated records out, one for one: a bad record yields an error record.

    Each output keeps the input's fields other than `text` and adds `result` (the ArticleReport
    as a dict) or `error` (a message naming the record).
    """
    for number, record in enumerate(records, start=1):
        where = str(record.get("_where") or record.get("id") or f"record {number}")
        kept = {k: v for k, v in record.items() if k not in ("text", "_where", "_error")}
        if "_error" in record:  # the reader could not make a record of it
            yield {**kept, "id": record.get("id") or where, "error": record["_error"]}
            continue
        try:
            report = checker.check(article_from_record(record, where=where))
        except FactcheckError as exc:
            yield {**kept, "id": record.get("id") or where, "error": str(exc)}
            continue
        yield {**kept, "id": report.article.id, "result": report.to_dict()}
