"""ClaimReview (schema.org), the format of Google Fact Check Tools: export our verdicts, import
other fact-checkers' reviews as "previously checked" sources.

Export: each checked claim of an article becomes a ClaimReview JSON-LD object. Our labels map to
`reviewRating` on schema.org's 1 (worst) to 5 (best) truthfulness scale:

    contradicted          ratingValue 1  alternateName "False"
    misleading            ratingValue 3  alternateName "Misleading"   (true facts, wrong context)
    supported             ratingValue 5  alternateName "True"
    not_enough_evidence   no ratingValue  alternateName "Unproven"    (we found nothing to rate by)

Set-aside sentences (opinion, hype) are not reviewed, so not exported. `reviewBody` gives the
checks behind the label, `citation` the URLs of the evidence they cite (else of the top passage);
the article is `itemReviewed.appearance`.

Import: a JSON file holding one ClaimReview, a list of them, or a DataFeed
(`{"@type": "DataFeed", "dataFeedElement": [{"item": [...]}]}`). Each valid review becomes a
`fact_check` Source (text: the claim reviewed; publisher, URL, date and rating kept). An entry
that is not a ClaimReview, lacks the claim or a rating, has no http(s) URL, or is hosted off its
author's domain (a review by example.org served from elsewhere) is rejected with its reason; the
valid ones load.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from .errors import CorpusError
from .models import ArticleReport, Label, Source, Verdict
from .report import cited, why

log = logging.getLogger("factcheck")

RATINGS: dict[Label, tuple[int | None, str]] = {
    Label.CONTRADICTED: (1, "False"),
    Label.MISLEADING: (3, "Misleading"),
    Label.SUPPORTED: (5, "True"),
    Label.NOT_ENOUGH_EVIDENCE: (None, "Unproven"),
}
CONTEXT = "https://schema.org"


def _rating(label: Label) -> dict[str, Any]:
    value, name = RATINGS[label]
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": name}
    if value is not None:
        rating |= {"ratingValue": value, "bestRating": 5, "worstRating": 1}
    return rating


def _appearance(report: ArticleReport) -> dict[str, Any]:
    art = report.article
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if art.url:
        work["url"] = art.url
    if art.title:
        work["headline"] = art.title
    if art.published:
        work["datePublished"] = art.published.isoformat()
    return work


def review(verdict: Verdict, report: ArticleReport, *, author: str, reviewed_on: dt.date) -> dict[str, Any]:
    """One verdict as a ClaimReview object."""
    item: dict[str, Any] = {"@type": "Claim", "appearance": [_appearance(report)]}
    if report.article.published:
        item["datePublished"] = report.article.published.isoformat()
    urls = (verdict.evidence[i].source.url for i in cited(verdict))
    citations = list(dict.fromkeys(url for url in urls if url))
    obj: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "datePublished": reviewed_on.isoformat(),
        "claimReviewed": verdict.claim.text,
        "itemReviewed": item,
        "author": {"@type": "Organization", "name": author},
        "reviewRating": _rating(verdict.label),
        "reviewBody": f"{verdict.label.value} (confidence {verdict.confidence:.2f}): {why(verdict)}",
        "citation": [{"@type": "CreativeWork", "url": url} for url in citations],
    }
    if report.article.url:
        obj["url"] = f"{report.article.url}#{verdict.claim.id}"
    return obj


def export(
    reports: Sequence[ArticleReport], *, author: str = "factcheck", reviewed_on: dt.date | None = None
) -> list[dict[str, Any]]:
    """ClaimReview objects for every checked claim of the reports (set-aside ones left out)."""
    day = reviewed_on or dt.date.today()
    return [
        review(v, report, author=author, reviewed_on=day)
        for report in reports
        for v in report.verdicts
        if v.label is not Label.NOT_CHECKABLE
    ]


# --- import ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rejected:
    """An entry of a feed that did not load, and why."""

    where: str
    reason: str


def _entries(data: Any) -> Iterator[Any]:
    """The review entries of a feed: one object, a list, or a DataFeed's items."""
    if isinstance(data, list):
        for entry in data:
            yield from _entries(entry) if _is_type(entry, "DataFeed") else [entry]
    elif _is_type(data, "DataFeed"):
        for element in data.get("dataFeedElement") or []:
            items = element.get("item", element) if isinstance(element, dict) else element
            yield from items if isinstance(items, list) else [items]
    else:
        yield data


def _is_type(entry: Any, name: str) -> bool:
    kind = entry.get("@type") if isinstance(entry, dict) else None
    return kind == name or (isinstance(kind, list) and name in kind)


def _host(url: Any) -> str | None:
    parsed = urlparse(str(url or "").strip())
    host = (parsed.hostname or "").lower()
    return host.removeprefix("www.") if parsed.scheme in ("http", "https") and host else None


def _name(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else {}
    return str(value.get("name") or "") if isinstance(value, dict) else str(value or "")


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def source_of(entry: Any) -> Source:
    """A `fact_check` Source from one ClaimReview; ValueError says why an entry is refused."""
    if not _is_type(entry, "ClaimReview"):
        kind = entry.get("@type") if isinstance(entry, dict) else type(entry).__name__
        raise ValueError(f"not a ClaimReview (@type {kind!r})")
    claim = str(entry.get("claimReviewed") or "").strip()
    if not claim:
        raise ValueError("no claimReviewed")
    rating = entry.get("reviewRating")
    if not isinstance(rating, dict) or not (rating.get("alternateName") or rating.get("ratingValue") is not None):
        raise ValueError("no reviewRating with an alternateName or ratingValue")
    host = _host(entry.get("url"))
    if host is None:
        raise ValueError(f"url {entry.get('url')!r} is not an http(s) address")
    author = entry.get("author")
    author_host = _host(author.get("url")) if isinstance(author, dict) else None
    if author_host and host != author_host and not host.endswith("." + author_host):
        raise ValueError(f"off-domain: review hosted on {host}, its author {_name(author)!r} is {author_host}")
    alternate = str(rating.get("alternateName") or "")
    value = rating.get("ratingValue")
    label = alternate or f"{value}/{rating.get('bestRating', 5)}"
    return Source(
        id=f"claimreview:{entry['url']}",
        title=claim,
        text=claim,
        url=str(entry["url"]),
        publisher=_name(author) or host,
        published=_date(entry.get("datePublished")),
        kind="fact_check",
        rating=label,
    )


def read_feed(path: Path) -> tuple[list[Source], list[Rejected]]:
    """The reviews of a ClaimReview JSON file that load, and those rejected with their reason."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusError(f"{path}: not a readable JSON ClaimReview feed ({exc})") from None
    sources, rejected = [], []
    for number, entry in enumerate(_entries(data), start=1):
        try:
            sources.append(source_of(entry))
        except ValueError as exc:
            rejected.append(Rejected(f"{path}: review {number}", str(exc)))
    return sources, rejected


def load_feed(path: Path) -> list[Source]:
    """`read_feed`, each rejection logged as a warning on the "factcheck" logger."""
    sources, rejected = read_feed(path)
    for r in rejected:
        log.warning("%s rejected: %s", r.where, r.reason)
    return sources
