"""Readers and writers for evaluation data: queries, qrels and run files (BEIR/TREC/CheckThat!).

Queries: TSV `id<TAB>text` with or without a header row (CheckThat! quoting handled), or BEIR
JSONL (`_id`, `text`). Qrels: TREC `qid 0 doc rel` (tabs or spaces), or BEIR TSV with a
`query-id corpus-id score` header. Runs are written in TREC format.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping
from pathlib import Path

from ._jsonl import json_objects
from .errors import InputError

HEADER_IDS = {"", "id", "_id", "iclaim_id", "query-id", "query_id", "qid", "tweet_id"}


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read as UTF-8 text: {exc}") from None


def load_queries(path: str | Path) -> dict[str, str]:
    """{query id: text} from a TSV or BEIR JSONL file."""
    path = Path(path)
    lines = _lines(path)
    if path.suffix == ".jsonl":
        return _jsonl_queries(path, lines)
    rows = list(csv.reader(lines, delimiter="\t"))
    if rows and rows[0] and rows[0][0].strip().lower() in HEADER_IDS:
        rows = rows[1:]
    queries = {}
    for number, row in enumerate(rows, start=1):
        if len(row) < 2:
            raise InputError(f"{path}:{number}: expected 'id<TAB>text'")
        queries[row[0].strip()] = row[1]
    return queries


def _jsonl_queries(path: Path, lines: list[str]) -> dict[str, str]:
    queries = {}
    for number, record in json_objects(path, lines, error=InputError):
        if "_id" not in record or "text" not in record:
            raise InputError(f"{path}:{number}: expected a JSON object with '_id' and 'text'")
        queries[str(record["_id"])] = str(record["text"])
    return queries


def load_qrels(path: str | Path) -> dict[str, dict[str, int]]:
    """{query id: {doc id: relevance}} from TREC qrels or a BEIR qrels TSV."""
    path = Path(path)
    qrels: dict[str, dict[str, int]] = {}
    for number, line in enumerate(_lines(path), start=1):
        parts = line.split()
        if not parts or (number == 1 and parts[0].lower() in HEADER_IDS):
            continue
        try:
            qid, doc, rel = (parts[0], parts[2], parts[3]) if len(parts) == 4 else (parts[0], parts[1], parts[2])
            qrels.setdefault(qid, {})[doc] = int(float(rel))
        except (IndexError, ValueError):
            raise InputError(f"{path}:{number}: expected 'query 0 document relevance'") from None
    return qrels


def write_run(run: Mapping[str, Mapping[str, float]], path: str | Path, *, tag: str = "factcheck") -> None:
    """A TREC run file: `qid Q0 doc rank score tag`, best first."""
    with Path(path).open("w", encoding="utf-8") as out:
        for qid, scores in run.items():
            ordered = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
            for rank, (doc, score) in enumerate(ordered, start=1):
                out.write(f"{qid}\tQ0\t{doc}\t{rank}\t{score:.6f}\t{tag}\n")


def load_checkworthiness(path: str | Path) -> list[tuple[str, bool, str]]:
    """(sentence, check-worthy?, group) rows from the public check-worthiness sets:

    - a folder of CheckThat! 2020 task 5 debates (`line<TAB>speaker<TAB>sentence<TAB>label`),
      grouped by debate;
    - ClaimBuster `*.json` (a list of objects with `text` and `label`) or `*.csv` (`text`, `label`);
    - CheckThat! 2022 task 1 TSV (`tweet_text`, `class_label`).
    """
    path = Path(path)
    if path.is_dir():
        return [row for file in sorted(path.glob("*.tsv")) for row in _debate_rows(file)]
    if path.suffix == ".json":
        try:
            records = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise InputError(f"{path}: cannot read as JSON: {exc}") from None
        return [(str(r["text"]), int(r["label"]) == 1, path.stem) for r in records]
    delimiter = "," if path.suffix == ".csv" else "\t"
    rows = csv.DictReader(_lines(path), delimiter=delimiter)
    text_key, label_key = ("text", "label") if delimiter == "," else ("tweet_text", "class_label")
    try:
        return [(row[text_key], str(row[label_key]).strip() in ("1", "Yes", "yes"), path.stem) for row in rows]
    except KeyError as exc:
        raise InputError(f"{path}: expected columns {text_key!r} and {label_key!r} (missing {exc})") from None


def _debate_rows(file: Path) -> list[tuple[str, bool, str]]:
    rows = []
    for number, line in enumerate(_lines(file), start=1):
        parts = line.split("\t")
        if len(parts) < 4:
            raise InputError(f"{file}:{number}: expected 'line<TAB>speaker<TAB>sentence<TAB>label'")
        rows.append((parts[2], parts[3].strip() == "1", file.stem))
    return rows


def load_claim_evidence(path: str | Path) -> list[dict[str, object]]:
    """Climate-FEVER JSONL: claim, claim_label and evidences (each `evidence`, `evidence_label`)."""
    path = Path(path)
    return [record for _, record in json_objects(path, _lines(path), error=InputError)]
