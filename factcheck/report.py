"""Renderings of results: JSON and JSONL for machines, Markdown and a terminal table for people.

No computation happens here: every number shown comes from the records' own fields.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from .models import ArticleReport, Check, Label, Verdict

FORMATS = ("table", "markdown", "json", "jsonl")
LABEL_STYLE = {
    Label.SUPPORTED: "green",
    Label.CONTRADICTED: "bold red",
    Label.MISLEADING: "yellow",
    Label.NOT_ENOUGH_EVIDENCE: "cyan",
    Label.NOT_CHECKABLE: "dim",
}


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def to_jsonl(rows: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def _short(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def deciding(verdict: Verdict) -> list[Check]:
    """The checks behind the label: the contradicting ones for contradicted or misleading,
    the supporting ones for supported, every non-note check otherwise."""
    effect = {Label.CONTRADICTED: "contradicts", Label.MISLEADING: "contradicts", Label.SUPPORTED: "supports"}
    wanted = effect.get(verdict.label)
    fired = [c for c in verdict.rationale if c.effect != "note" or c.name == "set_aside"]
    return [c for c in fired if wanted is None or c.effect == wanted]


def why(verdict: Verdict) -> str:
    return "; ".join(f"{c.name}: {c.detail}" for c in deciding(verdict)) or "no check fired"


def cited(verdict: Verdict) -> Sequence[int]:
    """Indices of the evidence the deciding checks cite, in order, else the top passage."""
    unique = list(dict.fromkeys(c.evidence for c in deciding(verdict) if c.evidence is not None))
    return unique or ([0] if verdict.evidence else [])


def verdict_markdown(verdict: Verdict, *, heading: str = "###") -> str:
    claim = verdict.claim
    lines = [
        f"{heading} {verdict.label.value.upper()} — confidence {verdict.confidence:.2f} ({verdict.band.value})",
        f"> {_short(claim.text, 400)}",
        f"*claim chars {claim.start}–{claim.end}; check-worthiness {claim.checkworthiness:.2f}*",
        "",
        f"- why: {why(verdict)}",
    ]
    lines += [f"- previously checked: {c.detail}" for c in verdict.rationale if c.name == "previously_checked"]
    for i in cited(verdict)[:3]:
        ev = verdict.evidence[i]
        src = ev.source
        link = f"[{src.publisher or src.id}]({src.url})" if src.url else src.publisher or src.id
        lines.append(
            f"- evidence ({ev.score:.2f}): “{_short(ev.passage.text, 300)}” — {link}, "
            f"{src.published or 'undated'}, chars {ev.passage.start}–{ev.passage.end} of `{src.id}`"
        )
    return "\n".join(lines) + "\n"


def report_markdown(report: ArticleReport) -> str:
    art = report.article
    counts = ", ".join(f"{n} {label}" for label, n in report.counts().items() if n)
    out = [f"## {art.title or art.id}", "", f"*{art.published or 'undated'}* · {counts}", ""]
    checked = [v for v in report.verdicts if v.label is not Label.NOT_CHECKABLE]
    out += [verdict_markdown(v) for v in checked]
    aside = [v for v in report.verdicts if v.label is Label.NOT_CHECKABLE]
    if aside:
        out += ["#### Set aside", ""]
        out += [f"- *{v.claim.set_aside}*: {_short(v.claim.text, 120)}" for v in aside]
    return "\n".join(out) + "\n"


def table(reports: Sequence[ArticleReport], *, width: int = 140, show_set_aside: bool = False) -> str:
    """A terminal table per article (via rich): label, confidence, claim, top evidence source."""
    from rich.console import Console
    from rich.table import Table

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=False, color_system=None)
    for report in reports:
        grid = Table(title=f"{report.article.title or report.article.id}", show_lines=True)
        for column in ("#", "verdict", "conf", "claim", "why / evidence"):
            grid.add_column(column, overflow="fold")
        for n, v in enumerate(report.verdicts):
            if v.label is Label.NOT_CHECKABLE and not show_set_aside:
                continue
            grid.add_row(str(n), v.label.value, f"{v.confidence:.2f}", _short(v.claim.text, 200), _evidence_cell(v))
        console.print(grid)
        counts = ", ".join(f"{k}: {n}" for k, n in report.counts().items() if n)
        console.print(f"  {counts}\n")
    return buffer.getvalue()


def _evidence_cell(v: Verdict) -> str:
    if v.label is Label.NOT_CHECKABLE:
        return f"set aside: {v.claim.set_aside}"
    indices = cited(v)
    if not indices:
        return why(v)
    ev = v.evidence[indices[0]]
    return f"{why(v)}\n← {ev.source.publisher or ev.source.id}: {_short(ev.passage.text, 120)}"


def render_reports(reports: Sequence[ArticleReport], fmt: str) -> str:
    """All reports in one of FORMATS."""
    if fmt == "json":
        return to_json([r.to_dict() for r in reports] if len(reports) != 1 else reports[0].to_dict()) + "\n"
    if fmt == "jsonl":
        return to_jsonl(r.to_dict() for r in reports)
    if fmt == "markdown":
        return "\n".join(report_markdown(r) for r in reports)
    return table(reports)


def render_verdict(verdict: Verdict, fmt: str) -> str:
    """One looked-up claim in one of FORMATS."""
    if fmt in ("json", "jsonl"):
        return to_json(verdict.to_dict()) + "\n" if fmt == "json" else to_jsonl([verdict.to_dict()])
    return verdict_markdown(verdict, heading="##")
