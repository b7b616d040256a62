"""The stories benchmark (benchmarks/stories/README.md): news stories about real events, each a small
corpus and an article whose every sentence carries the label a careful fact-checker expects. Loads
the stories, runs a Checker over each against its own corpus, and scores the verdicts:

    caught        a planted error labelled contradicted or misleading
    false support a planted error labelled supported (the failure that matters most)
    faithful      a faithful claim labelled supported
    absent        a claim the corpus does not settle, labelled not_enough_evidence
    opinion       an opinion sentence set aside (not_checkable)
    precision     of decisive verdicts (supported, contradicted, misleading) on checkable
                  sentences, the share that is right; coverage: the share of checkable sentences
                  that got one
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError
from .evaluate import rate
from .index import open_index
from .models import Article, Label, Verdict
from .pipeline import Checker

# tune and fresh: built with (fresh was run twice to report before it was); locked, reserve, spare:
# run only to report (benchmarks/stories/README.md says which has been run when).
HALVES = ("tune", "fresh", "locked", "reserve", "spare", "blind", "unseen", "holdout", "sealed", "vault")
CAUGHT = frozenset({Label.CONTRADICTED, Label.MISLEADING})
EXPECTED_LABELS = {
    "supported": {Label.SUPPORTED},
    "contradicted": CAUGHT,
    "not_enough_evidence": {Label.NOT_ENOUGH_EVIDENCE},
    "set_aside": {Label.NOT_CHECKABLE},
}


@dataclass(frozen=True)
class Judged:
    """One sentence of a story's article with the label expected for it."""

    text: str
    expect: str
    kind: str
    note: str
    start: int
    end: int


@dataclass(frozen=True)
class Story:
    folder: Path
    title: str
    published: dt.date | None
    domain: str
    half: str
    sentences: tuple[Judged, ...]

    @property
    def article(self) -> Article:
        return Article(id=self.folder.name, text=article_text(self.sentences), title="", published=self.published)


def article_text(sentences: Sequence[Judged]) -> str:
    return "\n\n".join(s.text for s in sentences)


def load_story(folder: Path) -> Story:
    """One story folder; a malformed story.yaml is an InputError naming the file and the entry."""
    path = folder / "story.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: cannot read the story: {exc}") from exc
    judged, cursor = [], 0
    for n, entry in enumerate(data.get("sentences") or [], 1):
        try:
            text = " ".join(str(entry["text"]).split())
            judged.append(
                Judged(text, entry["expect"], entry["kind"], entry.get("note", ""), cursor, cursor + len(text))
            )
        except (KeyError, TypeError) as exc:
            raise InputError(f"{path}: sentence {n} lacks {exc}; each needs text, expect and kind") from exc
        if entry["expect"] not in EXPECTED_LABELS:
            raise InputError(
                f"{path}: sentence {n}: expect {entry['expect']!r} is not one of {sorted(EXPECTED_LABELS)}"
            )
        cursor += len(text) + 2
    published = data.get("published")
    return Story(
        folder,
        str(data.get("title", "")),
        published,
        str(data.get("domain", "")),
        str(data.get("half", "")),
        tuple(judged),
    )


def load_stories(root: Path, *, half: str) -> list[Story]:
    """The stories under `root` of the given halves (HALVES, comma-separated, or "all"), in folder order."""
    wanted = {h.strip() for h in half.split(",")}
    unknown = sorted(wanted - {*HALVES, "all"})
    if unknown:
        raise InputError(f"--half {','.join(unknown)!r}: use one or more of {', '.join(HALVES)}, or all")
    folders = sorted(p for p in root.iterdir() if (p / "story.yaml").is_file()) if root.is_dir() else []
    if not folders:
        raise InputError(
            f"{root}: no story folders (each a folder with a story.yaml); see benchmarks/stories/README.md"
        )
    stories = [load_story(f) for f in folders]
    return [s for s in stories if "all" in wanted or s.half in wanted]


def verdict_for(sentence: Judged, verdicts: Sequence[Verdict]) -> Verdict | None:
    """The verdict of the claim that covers most of the judged sentence."""
    best, best_overlap = None, 0
    for v in verdicts:
        overlap = min(v.claim.end, sentence.end) - max(v.claim.start, sentence.start)
        if overlap > best_overlap:
            best, best_overlap = v, overlap
    return best


@dataclass(frozen=True)
class Outcome:
    story: str
    sentence: Judged
    label: Label
    reason: str

    @property
    def right(self) -> bool:
        return self.label in EXPECTED_LABELS[self.sentence.expect]


def _reason(v: Verdict) -> str:
    """Why the verdict came out as it did: the checks that decided it."""
    if v.label is Label.NOT_CHECKABLE:
        return f"set aside: {v.rationale[0].detail}" if v.rationale else "set aside"
    order = {"contradicts": 0, "note": 1, "supports": 2}
    shown = [c for c in v.rationale if c.effect != "note" or c.name.endswith("unverified")]
    shown.sort(key=lambda c: order.get(c.effect, 3))
    return "; ".join(f"{c.name} ({c.detail})" for c in shown[:5]) or "no check fired"


def run_story(story: Story, checker: Checker, *, index_root: Path) -> list[Outcome]:
    """The story's article checked against the story's own corpus."""
    index = open_index(
        story.folder / "sources", checker.encoder, directory=index_root / story.folder.name, analyser=checker.analyser
    )
    report = dataclasses.replace(checker, index=index).check(story.article)
    outcomes = []
    for sentence in story.sentences:
        v = verdict_for(sentence, report.verdicts)
        label, reason = (v.label, _reason(v)) if v else (Label.NOT_CHECKABLE, "no claim covers the sentence")
        outcomes.append(Outcome(story.folder.name, sentence, label, reason))
    return outcomes


def run_stories(stories: Iterable[Story], checker: Checker) -> list[Outcome]:
    with tempfile.TemporaryDirectory(prefix="factcheck-stories-") as tmp:
        return [o for story in stories for o in run_story(story, checker, index_root=Path(tmp))]


def score(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """The numbers the issue asks for, and every miss with its reason."""
    errors = [o for o in outcomes if o.sentence.expect == "contradicted"]
    faithful = [o for o in outcomes if o.sentence.expect == "supported"]
    absent = [o for o in outcomes if o.sentence.expect == "not_enough_evidence"]
    opinion = [o for o in outcomes if o.sentence.expect == "set_aside"]
    checkable = [o for o in outcomes if o.sentence.expect != "set_aside"]
    decisive = [o for o in checkable if o.label in CAUGHT | {Label.SUPPORTED}]
    per_kind: dict[str, Counter[str]] = defaultdict(Counter)
    for o in errors:
        per_kind[o.sentence.kind]["n"] += 1
        per_kind[o.sentence.kind]["caught"] += o.right
        per_kind[o.sentence.kind]["supported"] += o.label is Label.SUPPORTED
    return {
        "sentences": len(outcomes),
        "planted_errors": len(errors),
        "caught": rate(sum(o.right for o in errors), len(errors)),
        "false_support": rate(sum(o.label is Label.SUPPORTED for o in errors), len(errors)),
        "faithful_supported": rate(sum(o.right for o in faithful), len(faithful)),
        "absent_nee": rate(sum(o.right for o in absent), len(absent)),
        "opinion_set_aside": rate(sum(o.right for o in opinion), len(opinion)),
        "decisive_precision": rate(sum(o.right for o in decisive), len(decisive)),
        "decisive_coverage": rate(len(decisive), len(checkable)),
        "accuracy": rate(sum(o.right for o in outcomes), len(outcomes)),
        "per_error_kind": {
            k: f"{c['caught']}/{c['n']} caught, {c['supported']} supported" for k, c in sorted(per_kind.items())
        },
        "faithful_by_kind": _by_kind(faithful),
        "misses": [
            f"{o.story} [{o.sentence.kind}] expected {o.sentence.expect}, got {o.label.value}: "
            f"{o.sentence.text[:90]!r} — {o.reason}"
            for o in outcomes
            if not o.right
        ],
    }


def _by_kind(outcomes: Sequence[Outcome]) -> dict[str, str]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for o in outcomes:
        counts[o.sentence.kind]["n"] += 1
        counts[o.sentence.kind]["right"] += o.right
    return {k: f"{c['right']}/{c['n']}" for k, c in sorted(counts.items())}
