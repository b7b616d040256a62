"""A self-contained HTML report: the article with each claim highlighted by its verdict; clicking a
claim (or focusing it and pressing Enter) shows its verdict, confidence, rationale and evidence
with links to the sources. For a batch, one page per article and an index page.

Safe by construction: every piece of article and source text goes through `html.escape`, links
are kept only for http(s) URLs, and a Content-Security-Policy admits only this module's own
style and script (by hash), so even text that slipped through could not run. No network at view
time: no external fonts, styles or scripts.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlparse

from .models import ArticleReport, Evidence, Label, Verdict

LABEL_TEXT = {
    Label.SUPPORTED: "supported",
    Label.CONTRADICTED: "contradicted",
    Label.MISLEADING: "misleading",
    Label.NOT_ENOUGH_EVIDENCE: "not enough evidence",
    Label.NOT_CHECKABLE: "set aside",
}

STYLE = """
body{font:16px/1.55 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{padding:1rem 2rem;background:#fff;border-bottom:1px solid #ddd}
h1{font-size:1.4rem;margin:.2rem 0}
.meta{color:#666;font-size:.9rem}
.summary{display:flex;gap:.5rem;flex-wrap:wrap;margin-top:.6rem}
.chip{padding:.1rem .6rem;border-radius:1rem;font-size:.85rem;border:1px solid #ccc}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.5rem;padding:1.5rem 2rem}
.article{white-space:pre-wrap;background:#fff;padding:1rem 1.25rem;border:1px solid #ddd;border-radius:6px}
.claim{cursor:pointer;border-radius:3px;padding:0 1px}
.claim:focus,.claim.selected{outline:2px solid #333}
.v-supported{background:#d7f5dd}
.v-contradicted{background:#ffd6d6;text-decoration:underline wavy #c00}
.v-misleading{background:#fff1c2}
.v-not_enough_evidence{background:#dde9ff}
.v-not_checkable{color:#8a8a8a;background:none}
aside{position:sticky;top:1rem;align-self:start}
.detail{background:#fff;border:1px solid #ddd;border-radius:6px;padding:1rem 1.25rem}
.badge{display:inline-block;padding:.1rem .5rem;border-radius:4px;font-weight:600}
.evidence{border-left:3px solid #bbb;margin:.6rem 0;padding:.2rem .8rem}
.evidence .src{font-size:.85rem;color:#555}
.hint{color:#777}
table{border-collapse:collapse;background:#fff}
td,th{border:1px solid #ddd;padding:.3rem .7rem;text-align:left}
"""

SCRIPT = """
function show(id){
  document.querySelectorAll('.detail').forEach(function(d){d.hidden = d.id !== 'd' + id;});
  document.querySelectorAll('.claim').forEach(function(c){c.classList.toggle('selected', c.dataset.claim === id);});
  var hint = document.getElementById('hint'); if (hint) { hint.hidden = true; }
}
document.querySelectorAll('.claim').forEach(function(c){
  c.addEventListener('click', function(){ show(c.dataset.claim); });
  c.addEventListener('keydown', function(e){ if (e.key === 'Enter') { show(c.dataset.claim); } });
});
"""


def _hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


CSP = f"default-src 'none'; style-src '{_hash(STYLE)}'; script-src '{_hash(SCRIPT)}'; img-src data:"


def esc(text: object) -> str:
    """Text as HTML, quotes included (safe inside attributes too)."""
    return html.escape(str(text), quote=True)


def safe_url(url: str) -> str | None:
    """The URL if it is http(s), else None: a javascript: or data: link is never rendered."""
    return url if urlparse(url.strip()).scheme in ("http", "https") else None


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<meta http-equiv='Content-Security-Policy' content=\"{CSP}\">"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{esc(title)}</title><style>{STYLE}</style></head>\n<body>{body}"
        f"<script>{SCRIPT}</script></body></html>\n"
    )


def _summary(report: ArticleReport) -> str:
    chips = [
        f"<span class='chip v-{label}' data-label='{label}'>{esc(LABEL_TEXT[Label(label)])}: {n}</span>"
        for label, n in report.counts().items()
        if n
    ]
    return f"<div class='summary'>{''.join(chips)}</div>"


def _highlighted(report: ArticleReport) -> str:
    """The article text, each verdict's span wrapped in a clickable, labelled element."""
    text, out, cursor = report.article.text, [], 0
    for i, v in sorted(enumerate(report.verdicts), key=lambda item: item[1].claim.start):
        start, end = v.claim.start, v.claim.end
        if start < cursor:  # overlapping spans do not occur; skip rather than garble the text
            continue
        tip = f"{LABEL_TEXT[v.label]} ({v.confidence:.2f})" if v.label is not Label.NOT_CHECKABLE else ""
        tip = tip or f"set aside: {v.claim.set_aside}"
        out.append(esc(text[cursor:start]))
        out.append(
            f"<span class='claim v-{v.label.value}' id='c{i}' data-claim='{i}' data-label='{v.label.value}' "
            f"tabindex='0' title='{esc(tip)}'>{esc(text[start:end])}</span>"
        )
        cursor = end
    out.append(esc(text[cursor:]))
    return "".join(out)


def _evidence(n: int, ev: Evidence) -> str:
    src = ev.source
    name = esc(src.publisher or src.title or src.id)
    url = safe_url(src.url)
    link = f"<a href='{esc(url)}' rel='noopener noreferrer' target='_blank'>{name}</a>" if url else name
    dated = esc(src.published.isoformat()) if src.published else "undated"
    return (
        f"<div class='evidence' id='e{n}'><div><b>#{n}</b> “{esc(ev.passage.text)}”</div>"
        f"<div class='src'>{link} · {esc(src.title)} · {dated} · chars {ev.passage.start}–{ev.passage.end} · "
        f"match {ev.match:.2f}, similarity {ev.score:.2f}{_stance(ev)}</div></div>"
    )


def _stance(ev: Evidence) -> str:
    if ev.stance is None:
        return ""
    names = ("supports", "refutes", "says nothing")
    return " · stance: " + ", ".join(f"{name} {p:.2f}" for name, p in zip(names, ev.stance, strict=True))


def _detail(i: int, v: Verdict) -> str:
    if v.label is Label.NOT_CHECKABLE:
        head = f"<span class='badge v-not_checkable'>set aside</span> reason: {esc(v.claim.set_aside)}"
    else:
        head = (
            f"<span class='badge v-{v.label.value}'>{esc(LABEL_TEXT[v.label])}</span> "
            f"confidence {v.confidence:.2f} ({esc(v.band.value)})"
        )
    cites = ["" if c.evidence is None else f" (evidence #{c.evidence + 1})" for c in v.rationale]
    checks = "".join(
        f"<li><b>{esc(c.name)}</b>: {esc(c.detail)}{cite}</li>" for c, cite in zip(v.rationale, cites, strict=True)
    )
    evidence = "".join(_evidence(n, e) for n, e in enumerate(v.evidence, 1)) or "<p class='hint'>No evidence.</p>"
    return (
        f"<section class='detail' id='d{i}' data-label='{v.label.value}' hidden><div>{head}</div>"
        f"<blockquote>{esc(v.claim.text)}</blockquote><div class='meta'>claim chars {v.claim.start}–{v.claim.end}, "
        f"check-worthiness {v.claim.checkworthiness:.2f}</div><h3>Why</h3><ul>{checks}</ul>"
        f"<h3>Evidence</h3>{evidence}</section>"
    )


def report_html(report: ArticleReport, *, index_href: str | None = None) -> str:
    """One article's page."""
    art = report.article
    title = art.title or art.id
    back = f"<a href='{esc(index_href)}'>← all articles</a>" if index_href else ""
    url = safe_url(art.url)
    origin = f" · <a href='{esc(url)}' rel='noopener noreferrer'>{esc(url)}</a>" if url else ""
    header = (
        f"<header>{back}<h1>{esc(title)}</h1><div class='meta'>"
        f"{esc(art.published.isoformat()) if art.published else 'undated'}{origin}</div>{_summary(report)}</header>"
    )
    details = "".join(_detail(i, v) for i, v in enumerate(report.verdicts))
    hint = "<p class='hint' id='hint'>Click a highlighted claim to see its verdict and evidence.</p>"
    aside = f"<aside>{hint}{details}</aside>"
    return _page(title, f"{header}<main><div class='article'>{_highlighted(report)}</div>{aside}</main>")


def page_name(number: int, report: ArticleReport) -> str:
    """A safe, unique file name for an article's page in a batch."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", report.article.id).strip("-")[:60] or "article"
    return f"{number:04d}-{slug}.html"


def index_html(pages: Sequence[tuple[str, ArticleReport]]) -> str:
    """The batch's index page: one row per article (its page's file name, title, counts)."""
    labels = list(Label)
    head = "".join(f"<th>{esc(LABEL_TEXT[label])}</th>" for label in labels)
    rows = []
    for name, report in pages:
        counts = report.counts()
        cells = "".join(f"<td>{counts[label.value]}</td>" for label in labels)
        rows.append(
            f"<tr><td><a href='{esc(name)}'>{esc(report.article.title or report.article.id)}</a></td>{cells}</tr>"
        )
    table = f"<table><tr><th>article</th>{head}</tr>{''.join(rows)}</table>"
    return _page(
        "factcheck report",
        f"<header><h1>factcheck report</h1><div class='meta'>{len(pages)} article(s)</div></header>"
        f"<main>{table}</main>",
    )


def write_html(reports: Sequence[ArticleReport], directory: Path) -> Path:
    """One page per article and `index.html` in `directory` (created); returns the index's path."""
    directory.mkdir(parents=True, exist_ok=True)
    pages = [(page_name(n, r), r) for n, r in enumerate(reports, start=1)]
    for name, report in pages:
        (directory / name).write_text(report_html(report, index_href="index.html"), encoding="utf-8")
    index = directory / "index.html"
    index.write_text(index_html(pages), encoding="utf-8")
    return index
