"""Load source corpora and cut them into passages that keep their offsets.

Formats (chosen by path):
    folder/        one Markdown file per source (`*.md`), YAML front matter + body (see README)
    corpus.jsonl   BEIR shape: one JSON object a line with `_id`, `title`, `text` (CheckThat!'s
                   `vclaim_id`/`vclaim` also read); metadata keys `url`, `publisher`, `published`,
                   `kind` at top level or under `metadata`
    corpus.tsv     a header row naming the columns; id, text and title as for JSONL
    corpus.json    a ClaimReview feed (factcheck.claimreview); in a folder, `*.claimreview.json`
    corpus.csv     the same as TSV, comma-separated
    corpus.parquet a table, one source a row (a Parquet of fact-checks, say)
    folder/        written by `datasets.Dataset.save_to_disk`: one source a row
For tables whose columns are named otherwise, `columns` maps our field names to theirs
({"text": "claim", "url": "link"}); fields: id, title, text, url, publisher, published, kind.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import itertools
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from . import parse
from ._jsonl import json_objects
from .claimreview import load_feed
from .errors import CorpusError
from .models import Passage, Source
from .segment import sentence_spans

ID_KEYS = ("_id", "id", "vclaim_id", "doc_id", "docid")
TEXT_KEYS = ("text", "vclaim", "body", "claim", "content")
KINDS = {"official_statement", "news_report", "fact_check", "reference"}


def _first(record: Mapping[str, Any], keys: Iterable[str]) -> Any:
    return next((record[k] for k in keys if record.get(k) not in (None, "")), None)


def parse_date(value: Any, *, where: str) -> dt.date | None:
    """A date from front matter or JSON: ISO ("2026-02-12"), or written out ("26 May 2015",
    "May 26, 2015"; a month or year alone gives its first day). None when absent."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        pass
    found = parse.dates(str(value))
    if len(found) == 1 and len(found[0].text) >= len(str(value).strip()) - 2:
        d = found[0]
        return dt.date(d.year, d.month or 1, d.day or 1)
    raise CorpusError(f"{where}: field 'published': {value!r} is not a date; write YYYY-MM-DD")


def source_from_record(record: Mapping[str, Any], *, where: str) -> Source:
    """A Source from a dict with id/text keys (BEIR, CheckThat!, or front matter + body)."""
    meta = {**record.get("metadata", {}), **record} if isinstance(record.get("metadata"), dict) else record
    doc_id, text = _first(meta, ID_KEYS), _first(meta, TEXT_KEYS)
    if doc_id is None:
        raise CorpusError(f"{where}: missing field 'id' (or '_id'); give every source a unique id")
    if not isinstance(text, str) or not text.strip():
        raise CorpusError(f"{where}: source {doc_id!r} has no text; add a 'text' field or a body")
    kind = str(meta.get("kind") or "news_report")
    if kind not in KINDS:
        raise CorpusError(f"{where}: field 'kind': {kind!r} is not one of {', '.join(sorted(KINDS))}")
    return Source(
        id=str(doc_id),
        title=str(meta.get("title") or ""),
        text=text,
        url=str(meta.get("url") or meta.get("page_url") or ""),
        publisher=str(meta.get("publisher") or ""),
        published=_published(meta, where=where),
        kind=kind,
        rating=str(meta.get("rating") or ""),
    )


def _published(meta: Mapping[str, Any], *, where: str) -> dt.date | None:
    """`published` is ours and must be a date; `date` is what other corpora call it, and their
    scraped values are sometimes free text (CheckThat! 2022), so an unreadable one is left out."""
    if meta.get("published") not in (None, ""):
        return parse_date(meta["published"], where=where)
    try:
        return parse_date(meta.get("date"), where=where)
    except CorpusError:
        return None


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read: {exc.strerror}") from None


def load_markdown(path: Path) -> Source:
    """One `.md` source: YAML front matter (id, title, url, publisher, published, kind) + body."""
    import frontmatter  # light, but only needed for folders of Markdown
    import yaml

    try:
        post = frontmatter.loads(_read_text(path))
    except yaml.YAMLError as exc:
        raise CorpusError(f"{path}: front matter is not valid YAML: {exc}") from None
    record = {"id": path.stem, **post.metadata, "text": post.content}
    return source_from_record(record, where=str(path))


def load_jsonl(path: Path, columns: Mapping[str, str] | None = None) -> Iterator[Source]:
    for number, record in json_objects(path, _read_text(path).splitlines(), error=CorpusError):
        where = f"{path}:{number}"
        yield source_from_record(_mapped(record, columns, where=where), where=where)


def load_tsv(path: Path, columns: Mapping[str, str] | None = None) -> Iterator[Source]:
    """A TSV with a header row; an unnamed first column (a pandas index) is taken as the id."""
    lines = _read_text(path).splitlines()
    header = lines[0].split("\t") if lines else []
    fields = ["id" if i == 0 and not name.strip() else name for i, name in enumerate(header)]
    rows = csv.DictReader(lines[1:], fieldnames=fields, delimiter="\t", quoting=csv.QUOTE_NONE)
    for number, row in enumerate(rows, start=2):
        where = f"{path}:{number}"
        yield source_from_record(_mapped(row, columns, where=where), where=where)


FIELDS = ("id", "title", "text", "url", "publisher", "published", "kind")


def _rows(path: Path) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """(where, row) of a table corpus: CSV, Parquet or a saved dataset."""
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            for line in reader:
                yield f"{path}:{reader.line_num}", line
        return
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        try:
            batches = pq.ParquetFile(path).iter_batches(batch_size=1024)
        except (OSError, ValueError) as exc:
            raise CorpusError(f"{path}: not a readable Parquet file ({exc})") from None
        rows: Iterable[Mapping[str, Any]] = (row for batch in batches for row in batch.to_pylist())
    else:
        import datasets

        rows = datasets.load_from_disk(str(path))
    for number, row in enumerate(rows, start=1):
        yield f"{path}:row {number}", row


def _mapped(row: Mapping[str, Any], columns: Mapping[str, str] | None, *, where: str) -> Mapping[str, Any]:
    """The row with our field names added from its own columns, as `columns` maps them."""
    if not columns:
        return row
    missing = [theirs for theirs in columns.values() if theirs not in row]
    if missing:
        raise CorpusError(f"{where}: no column {missing[0]!r} (columns: {', '.join(map(str, row))}); fix the mapping")
    return {**row, **{ours: row[theirs] for ours, theirs in columns.items()}}


def load_sources(path: str | Path, *, columns: Mapping[str, str] | None = None) -> tuple[Source, ...]:
    """All sources under `path`, ids unique: a folder of Markdown, a JSONL, TSV, CSV or Parquet
    file, or a saved dataset; `columns` maps our field names to a table's own (module docstring)."""
    path = Path(path)
    unknown = sorted(set(columns or {}) - set(FIELDS))
    if unknown:
        raise CorpusError(f"column mapping names unknown field(s) {', '.join(unknown)}; fields: {', '.join(FIELDS)}")
    if path.is_dir() and any((path / n).exists() for n in ("state.json", "dataset_dict.json")):
        sources: Iterable[Source] = (source_from_record(_mapped(r, columns, where=w), where=w) for w, r in _rows(path))
    elif path.is_dir():
        files = sorted(p for p in path.rglob("*.md") if not p.name.startswith(("README", "_", ".")))
        feeds = sorted(path.rglob("*.claimreview.json"))
        sources = itertools.chain((load_markdown(p) for p in files), (s for f in feeds for s in load_feed(f)))
    elif path.suffix == ".json":
        sources = load_feed(path)
    elif path.suffix in (".csv", ".parquet"):
        sources = (source_from_record(_mapped(r, columns, where=w), where=w) for w, r in _rows(path))
    elif path.suffix == ".jsonl":
        sources = load_jsonl(path, columns)
    elif path.suffix in (".tsv", ".tab"):
        sources = load_tsv(path, columns)
    elif path.exists():
        raise CorpusError(
            f"{path}: unknown corpus format; use a folder of .md files, .jsonl, .tsv, .csv, .parquet or .json"
        )
    else:
        raise CorpusError(f"{path}: no such file or folder; pass --sources PATH")
    return _unique(sources, where=str(path))


def _unique(sources: Iterable[Source], *, where: str) -> tuple[Source, ...]:
    seen: dict[str, Source] = {}
    for source in sources:
        if source.id in seen:
            raise CorpusError(f"{where}: source id {source.id!r} appears twice; ids must be unique")
        seen[source.id] = source
    if not seen:
        raise CorpusError(f"{where}: no sources found; add .md files or records")
    return tuple(seen.values())


def passages(source: Source) -> tuple[Passage, ...]:
    """The sentences of a source as passages (a quotation across sentences stays whole)."""
    spans = sentence_spans(source.text)
    return tuple(Passage(f"{source.id}#{i}", source.id, source.text[s:e], s, e) for i, (s, e) in enumerate(spans))


def text_hash(text: str) -> str:
    """Content key for the embedding cache: the same text is never encoded twice."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def corpus_hash(sources: Iterable[Source]) -> str:
    """A digest of every source's content and metadata: it changes when any of them does."""
    digest = hashlib.blake2b(digest_size=16)
    for source in sources:
        digest.update(json.dumps(source.to_dict(), sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()
