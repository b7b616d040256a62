"""Rewrite demo.json from the current pipeline: run after an intended change, review the diff.

python -m tests.golden.regenerate
"""

import json
from pathlib import Path

from factcheck import Checker
from factcheck.inputs import read_article

ROOT = Path(__file__).resolve().parents[2]


def snapshot(checker: Checker) -> dict[str, list[dict[str, object]]]:
    out = {}
    for path in sorted((ROOT / "claims").glob("*.md")):
        if path.name.startswith("README"):
            continue
        report = checker.check(read_article(path))
        out[path.stem] = [
            {
                "start": v.claim.start,
                "end": v.claim.end,
                "label": v.label.value,
                "confidence": v.confidence,
                "set_aside": v.claim.set_aside,
                "top_source": v.evidence[0].source.id if v.evidence else None,
            }
            for v in report.verdicts
        ]
    return out


if __name__ == "__main__":
    data = snapshot(Checker.from_sources(ROOT / "sources"))
    (Path(__file__).parent / "demo.json").write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
