"""Check that story folders follow benchmarks/stories/README.md; print problems, exit 1 on any.

Usage: python3 benchmarks/stories/validate.py [STORY_DIR ...]   (default: every story folder)
Needs only PyYAML; it does not run factcheck.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import yaml

ERROR_KINDS = {
    "figure", "percentage", "money", "unit", "date", "weekday", "time", "ordinal", "count", "duration",
    "direction", "superlative", "place", "person", "organisation", "speaker", "quote_wording", "negation",
    "causal",
}  # fmt: skip
FAITHFUL_KINDS = {"faithful", "faithful_numbers", "faithful_conversion", "faithful_two_passages"}
EXPECT_OF_KIND = {**dict.fromkeys(ERROR_KINDS, "contradicted"), **dict.fromkeys(FAITHFUL_KINDS, "supported")}
EXPECT_OF_KIND.update({"absent": "not_enough_evidence", "opinion": "set_aside"})
DOMAINS = {
    "economy and markets", "science and space", "health", "disasters and accidents", "courts and crime",
    "elections and politics", "sports", "technology", "climate and energy", "culture",
}  # fmt: skip
HALVES = ("tune", "locked", "fresh", "reserve", "spare", "blind", "unseen", "holdout", "sealed", "vault")
SOURCE_KINDS = {"official_statement", "news_report", "fact_check", "reference"}


def _front_matter(path: Path) -> dict[str, object] | str:
    text = path.read_text(encoding="utf-8")
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    if not m:
        return "no YAML front matter between --- lines"
    meta = yaml.safe_load(m[1])
    if not isinstance(meta, dict):
        return "front matter is not a mapping"
    if len(m[2].split()) < 30:
        return "body shorter than 30 words"
    return meta


def check_source(path: Path) -> list[str]:
    meta = _front_matter(path)
    if isinstance(meta, str):
        return [f"{path}: {meta}"]
    problems = [f"{path}: missing {k}" for k in ("id", "title", "url", "publisher", "published") if not meta.get(k)]
    if meta.get("kind", "news_report") not in SOURCE_KINDS:
        problems.append(f"{path}: kind {meta.get('kind')!r} not one of {sorted(SOURCE_KINDS)}")
    if not str(meta.get("url", "")).startswith(("http://", "https://")):
        problems.append(f"{path}: url must be an http(s) address")
    if not isinstance(meta.get("published"), dt.date):
        problems.append(f"{path}: published must be a YYYY-MM-DD date")
    return problems


def check_story(folder: Path) -> list[str]:
    story_file = folder / "story.yaml"
    if not story_file.is_file():
        return [f"{folder}: no story.yaml"]
    story = yaml.safe_load(story_file.read_text(encoding="utf-8"))
    problems = [
        f"{story_file}: missing {k}" for k in ("title", "published", "domain", "half", "event") if k not in story
    ]
    if story.get("domain") not in DOMAINS:
        problems.append(f"{story_file}: domain {story.get('domain')!r} not one of {sorted(DOMAINS)}")
    if story.get("half") not in HALVES:
        problems.append(f"{story_file}: half must be one of {', '.join(HALVES)}")
    if not isinstance(story.get("published"), dt.date):
        problems.append(f"{story_file}: published must be a YYYY-MM-DD date")
    sentences = story.get("sentences") or []
    if not 10 <= len(sentences) <= 15:
        problems.append(f"{story_file}: {len(sentences)} sentences (want 10-15)")
    for n, s in enumerate(sentences, 1):
        kind, expect = s.get("kind"), s.get("expect")
        if kind not in EXPECT_OF_KIND:
            problems.append(f"{story_file}: sentence {n}: unknown kind {kind!r}")
        elif expect != EXPECT_OF_KIND[kind]:
            problems.append(f"{story_file}: sentence {n}: kind {kind} expects {EXPECT_OF_KIND[kind]}, not {expect!r}")
        text = str(s.get("text", ""))
        if not text.rstrip().endswith((".", '."', ".”", "!")):
            problems.append(f"{story_file}: sentence {n}: must end with a full stop")
        if not s.get("note"):
            problems.append(f"{story_file}: sentence {n}: no note")
    sources = sorted((folder / "sources").glob("*.md"))
    if not 8 <= len(sources) <= 14:
        problems.append(f"{folder}/sources: {len(sources)} documents (want 8-14)")
    for path in sources:
        problems += check_source(path)
    return problems


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    folders = [Path(a) for a in argv] or sorted(p for p in here.iterdir() if (p / "story.yaml").exists())
    problems = [p for folder in folders for p in check_story(folder)]
    print("\n".join(problems) if problems else f"{len(folders)} stories OK")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
