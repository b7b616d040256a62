"""The pipeline wired together: extract → retrieve → verify, over one article or a batch.

`annotate_records` is the core as a pure batch function (records in, annotated records out), so a
distributed engine can map it over partitions; `Checker` holds the loaded index and model.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from .calibration import Calibration, load_calibration
from .config import Settings
from .embed import Encoder, SentenceTransformerEncoder
from .errors import FactcheckError
from .extract import claim_of_text, extract, sentences
from .index import CorpusIndex, open_index
from .inputs import article_from_record
from .mentions import Analyser
from .models import Article, ArticleReport, Claim, Verdict
from .parse import is_statement
from .retrieve import search, with_part_evidence
from .stance import StanceModel, attach, load_stance
from .verify import verify
from .worthiness import WorthinessModel, mix
from .worthiness import load_model as load_worthiness

T = TypeVar("T")


def _batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of `size` items (the last may be shorter); itertools.batched is 3.12+."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


@dataclass(frozen=True)
class Checker:
    """Checks articles and claims against one indexed corpus with one encoder."""

    index: CorpusIndex
    encoder: Encoder
    settings: Settings = field(default_factory=Settings)
    worthiness: WorthinessModel | None = None
    stance: StanceModel | None = None
    calibration: Calibration | None = None
    analyser: Analyser | None = None

    @classmethod
    def from_sources(
        cls,
        sources: str | Path = "sources",
        *,
        settings: Settings | None = None,
        encoder: Encoder | None = None,
        index_dir: str | Path | None = None,
        rebuild: bool = True,
        columns: Mapping[str, str] | None = None,
    ) -> Checker:
        """Load (building or refreshing as needed) the index of `sources` and the encoder;
        `columns` maps a table corpus's column names to our fields ({"text": "claim"})."""
        settings = settings or Settings()
        encoder = encoder or SentenceTransformerEncoder(
            settings.model, threads=settings.threads, batch_size=settings.batch_size
        )
        directory = Path(index_dir) if index_dir else None
        analyser = Analyser()
        index = open_index(sources, encoder, directory=directory, rebuild=rebuild, columns=columns, analyser=analyser)
        stance = load_stance() if settings.stance else None
        calibration = load_calibration() if settings.calibrate else None
        worthiness = learned_scorer(settings, encoder)
        return cls(index, encoder, settings, worthiness, stance, calibration, analyser)

    @classmethod
    def for_corpora(cls, *, settings: Settings | None = None, encoder: Encoder | None = None) -> Checker:
        """A Checker with its models loaded and an empty index: give it a corpus with
        `dataclasses.replace(checker, index=open_index(...))` (the stories benchmark checks each
        story against its own corpus with one set of models)."""
        settings = settings or Settings()
        encoder = encoder or SentenceTransformerEncoder(
            settings.model, threads=settings.threads, batch_size=settings.batch_size
        )
        stance = load_stance() if settings.stance else None
        calibration = load_calibration() if settings.calibrate else None
        empty = CorpusIndex({}, (), np.zeros((0, 0), dtype=np.float32), {})
        return cls(empty, encoder, settings, learned_scorer(settings, encoder), stance, calibration, Analyser())

    def verdicts(
        self, claims: Sequence[Claim], *, as_of: Sequence[dt.date | None], vectors: np.ndarray | None = None
    ) -> list[Verdict]:
        """Verdicts for claims in order, `as_of[i]` the date claim i was made; one encode call for
        all of them (none when `vectors`, one row per claim, are given); set-aside claims are not
        retrieved for."""
        live = [i for i, c in enumerate(claims) if not c.set_aside]
        texts = [claims[i].text for i in live]
        live_vectors = vectors[live] if vectors is not None else self.encoder.encode(texts)
        quotes = [[q.text for q in claims[i].quotes if is_statement(q)] for i in live]
        dates = [as_of[i] for i in live]
        found = search(texts, live_vectors, self.index, quotes=quotes, as_of=dates, settings=self.settings)
        found = with_part_evidence(texts, found, self.encoder.encode, self.index, as_of=dates, settings=self.settings)
        if self.stance is not None:
            found = attach(self.stance, texts, found, top_k=self.settings.stance_top_k)
        evidence = dict(zip(live, found, strict=True))
        return [
            verify(c, evidence.get(i, ()), as_of=as_of[i], settings=self.settings, calibration=self.calibration)
            for i, c in enumerate(claims)
        ]

    def check(self, article: Article | str) -> ArticleReport:
        """Every sentence of one article, with a verdict each (set-aside ones `not_checkable`)."""
        if isinstance(article, str):
            article = Article(id="article", text=article)
        (report,) = self.check_many([article])
        return report

    def check_many(self, articles: Iterable[Article], *, batch_size: int = 64) -> Iterator[ArticleReport]:
        """`check` over many articles, lazily and in input order, encoding `batch_size` articles'
        claims at a time (the model is fastest on full batches)."""
        for chunk in _batched(articles, batch_size):
            per_article, vectors = self._claims(chunk)
            flat = [c for claims in per_article for c in claims]
            dates = [a.published for a, claims in zip(chunk, per_article, strict=True) for _ in claims]
            verdicts = iter(self.verdicts(flat, as_of=dates, vectors=vectors))
            for article, claims in zip(chunk, per_article, strict=True):
                yield ArticleReport(article, tuple(itertools.islice(verdicts, len(claims))))

    def _claims(self, articles: Sequence[Article]) -> tuple[list[tuple[Claim, ...]], np.ndarray | None]:
        """The claims of each article and, with a learned scorer, every sentence's embedding (the
        scorer needs them, and retrieval reuses them)."""
        if self.worthiness is None:
            threshold = self.settings.checkworthiness_threshold
            return [extract(a, threshold=threshold, analyser=self.analyser) for a in articles], None
        texts = [sentences(a) for a in articles]
        flat = [t for ts in texts for t in ts]
        vectors = self.encoder.encode(flat)
        scores = [float(x) for x in self.worthiness.score(vectors, flat)]
        bounds = list(itertools.accumulate(len(ts) for ts in texts))
        weight, threshold = mix(self.settings.checkworthiness, self.worthiness, self.settings.checkworthiness_threshold)
        claims = [
            extract(a, threshold=threshold, learned=scores[s:e], learned_weight=weight, analyser=self.analyser)
            for a, s, e in zip(articles, [0, *bounds[:-1]], bounds, strict=True)
        ]
        return claims, vectors

    def lookup(self, claim: str, *, as_of: dt.date | None = None) -> Verdict:
        """One claim typed by a person: never set aside, always checked."""
        merged = claim_of_text(claim, as_of=as_of, analyser=self.analyser)
        return self.verdicts([merged], as_of=[as_of])[0]


def learned_scorer(settings: Settings, encoder: Encoder) -> WorthinessModel | None:
    """The shipped check-worthiness scorer when the settings ask for it and it was trained on this
    encoder's embeddings; else None (the hand-set score)."""
    if settings.checkworthiness == "heuristic":
        return None
    model = load_worthiness()
    return model if model is not None and model.model_id == encoder.model_id else None


def record_id(number: int, record: Mapping[str, Any]) -> Any:
    """The id an output record carries: the input's `id`, else where it came from, else its number."""
    return record.get("id") or record.get("_where") or f"record {number}"


def _parse_record(number: int, record: Mapping[str, Any]) -> tuple[dict[str, Any], Article | str]:
    """The fields to keep in the output, and the Article or the error message."""
    where = str(record.get("_where") or record.get("id") or f"record {number}")
    kept = {k: v for k, v in record.items() if k not in ("text", "_where", "_error")}
    kept["id"] = record_id(number, record)
    if "_error" in record:  # the reader could not make a record of it
        return kept, str(record["_error"])
    try:
        return kept, article_from_record(record, where=where)
    except FactcheckError as exc:
        return kept, str(exc)


def annotate_records(
    records: Iterable[Mapping[str, Any]], *, checker: Checker, batch_size: int = 64, start: int = 1
) -> Iterator[dict[str, Any]]:
    """Records in, annotated records out, one for one and in order: a bad record yields an error
    record and the rest go on.

    Each output keeps the input's fields other than `text` and adds `result` (the ArticleReport
    as a dict) or `error` (a message naming the record). `start` is the first record's number
    (the fallback id of records that carry no id and no origin), for a batch resumed mid-way.
    """
    for chunk in _batched(enumerate(records, start=start), batch_size):
        parsed = [_parse_record(number, record) for number, record in chunk]
        good = [article for _, article in parsed if isinstance(article, Article)]
        reports = iter(checker.check_many(good, batch_size=batch_size))
        for kept, article in parsed:
            if isinstance(article, Article):
                yield {**kept, "result": next(reports).to_dict()}
            else:
                yield {**kept, "error": article}
