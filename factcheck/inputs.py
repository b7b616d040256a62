"""Reading articles: text and Markdown files (optional YAML front matter), JSONL, CSV and Parquet
record files, Hugging Face datasets saved with `save_to_disk`, folders of articles, and standard
input. Bad input raises `InputError` naming the
file and line; in a batch a bad record becomes an error record and the rest go on."""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from .corpus import parse_date
from .errors import CorpusError, InputError
from .models import Article

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
HTML_RE = re.compile(r"(?is)^\s*(?:<!doctype\s+html|<html\b)|<(?:body|div|p|script|head)\b[^>]*>")


def decode(data: bytes, *, where: str) -> str:
    """Bytes as article text, refusing what is not text: binary, non-UTF-8, HTML, empty."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: looks like a binary file, not article text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not valid UTF-8 (byte {exc.start}); re-save the file as UTF-8") from None
    if not text.strip():
        raise InputError(f"{where}: is empty; there is nothing to check")
    if HTML_RE.search(text[:20000]):
        raise InputError(f"{where}: looks like HTML; give the article's text (e.g. copy it from a reader view)")
    return text


def _front_matter(text: str, *, where: str) -> tuple[dict[str, Any], str]:
    if not text.startswith("---"):
        return {}, text
    import frontmatter
    import yaml

    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as exc:
        raise InputError(f"{where}: front matter is not valid YAML: {exc}") from None
    return dict(post.metadata), post.content


def article_from_record(record: Mapping[str, Any], *, where: str) -> Article:
    """An Article from a dict with at least `text`; `id` defaults to `where`."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: field 'text' is missing or empty; give the article text")
    try:
        published = parse_date(record.get("published") or record.get("date"), where=where)
    except CorpusError as exc:
        raise InputError(str(exc)) from None
    return Article(
        id=str(record.get("id") or where),
        text=text,
        title=str(record.get("title") or ""),
        url=str(record.get("url") or ""),
        published=published,
    )


def article_from_text(text: str, *, where: str, default_id: str) -> Article:
    """An Article from text that may open with YAML front matter (id, title, url, date)."""
    meta, body = _front_matter(text, where=where)
    if not body.strip():
        raise InputError(f"{where}: has front matter but no article text after it")
    return article_from_record({**meta, "id": meta.get("id") or default_id, "text": body}, where=where)


def read_article(path: str | Path) -> Article:
    """One article from a file, or from standard input when `path` is "-"."""
    if str(path) == "-":
        return article_from_text(decode(sys.stdin.buffer.read(), where="<stdin>"), where="<stdin>", default_id="stdin")
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    return article_from_text(decode(data, where=str(path)), where=str(path), default_id=path.stem)


def read_articles(paths: Iterable[str | Path]) -> list[Article]:
    """Articles from files, folders of .txt/.md files (sorted) and "-"; the first bad one raises."""
    articles = []
    for raw in paths:
        path = Path(raw)
        files = _article_files(path) if path.is_dir() else [raw]
        if not files:
            raise InputError(f"{path}: no .txt or .md article files in this folder")
        articles += [read_article(f) for f in files]
    return articles


def _jsonl_records(path: Path, data: bytes) -> Iterator[dict[str, Any]]:
    for number, raw in enumerate(data.splitlines(), start=1):
        where = f"{path}:{number}"
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            yield {"_where": where, "_error": f"{where}: not a valid JSON line ({exc}); fix or remove it"}
            continue
        if not isinstance(record, dict):
            yield {"_where": where, "_error": f"{where}: expected a JSON object with a 'text' field"}
            continue
        yield {"_where": where, **record}


def _csv_records(path: Path) -> Iterator[dict[str, Any]]:
    """Rows of a CSV file with a header line; `where` names the file and line."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "text" not in reader.fieldnames:
            yield {"_where": str(path), "_error": f"{path}: the header line names no 'text' column"}
            return
        for row in reader:
            yield {"_where": f"{path}:{reader.line_num}", **{k: v for k, v in row.items() if k}}


def _table_records(path: Path, rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for number, row in enumerate(rows, start=1):
        yield {"_where": f"{path}:row {number}", **row}


def _parquet_records(path: Path) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq  # comes with datasets

    try:
        table = pq.ParquetFile(path)
    except (OSError, ValueError) as exc:
        yield {"_where": str(path), "_error": f"{path}: not a readable Parquet file ({exc})"}
        return
    rows = (row for batch in table.iter_batches(batch_size=1024) for row in batch.to_pylist())
    yield from _table_records(path, rows)


def is_saved_dataset(path: Path) -> bool:
    """A folder written by `datasets.Dataset.save_to_disk` (or a DatasetDict's)."""
    return path.is_dir() and any((path / name).exists() for name in ("state.json", "dataset_dict.json"))


def _dataset_records(path: Path) -> Iterator[dict[str, Any]]:
    import datasets

    if (path / "dataset_dict.json").exists():
        splits = ", ".join(sorted(p.name for p in path.iterdir() if p.is_dir()))
        yield {"_where": str(path), "_error": f"{path}: holds several splits ({splits}); give one: {path}/SPLIT"}
        return
    yield from _table_records(path, datasets.load_from_disk(str(path)))


HUB_PREFIX = "hf:"


def _hub_records(spec: str) -> Iterator[dict[str, Any]]:
    """Rows of a Hugging Face Hub dataset named `hf:NAME[:SPLIT]` (split default "train");
    needs the network (or the datasets cache), which this library never assumes."""
    import datasets

    name, _, split = spec.removeprefix(HUB_PREFIX).partition(":")
    try:
        rows = datasets.load_dataset(name, split=split or "train")
    except Exception as exc:  # datasets raises many kinds (connection, not found, no split): all mean "cannot load"
        yield {"_where": spec, "_error": f"{spec}: cannot load this Hub dataset ({type(exc).__name__}: {exc})"}
        return
    yield from _table_records(Path(spec), rows)


def _file_records(path: Path) -> Iterator[dict[str, Any]]:
    if path.suffix == ".csv":
        yield from _csv_records(path)
        return
    if path.suffix == ".parquet":
        yield from _parquet_records(path)
        return
    try:
        data = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
    except OSError as exc:
        yield {"_where": str(path), "_error": f"{path}: cannot read: {exc.strerror}"}
        return
    if path.suffix == ".jsonl" or (str(path) == "-" and data.lstrip().startswith(b"{")):
        yield from _jsonl_records(path, data)
        return
    try:
        article = article_from_text(decode(data, where=str(path)), where=str(path), default_id=path.stem)
    except InputError as exc:
        yield {"id": path.stem, "_where": str(path), "_error": str(exc)}
        return
    yield {"_where": str(path), **article.to_dict()}


def _article_files(folder: Path) -> list[Path]:
    """The article files of a folder, sorted; READMEs and hidden or underscored files are not articles."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.suffix in ARTICLE_SUFFIXES and p.is_file() and not p.name.startswith(("README", "_", "."))
    )


def iter_records(paths: Iterable[str | Path]) -> Iterator[dict[str, Any]]:
    """Article records from files (.txt, .md, .jsonl, .csv, .parquet), folders of articles (their
    .txt/.md files, sorted), folders saved with `datasets.Dataset.save_to_disk`, Hub datasets
    (`hf:NAME[:SPLIT]`, where the network allows), and "-" (JSONL or one article on stdin).
    Table rows need a `text` column; `id`, `title`, `url`, `date` are read where present and
    every other column is kept.

    A record that could not be read carries `_error` with a message naming file and line.
    """
    for raw in paths:
        path = Path(raw)
        if str(raw).startswith(HUB_PREFIX):
            yield from _hub_records(str(raw))
        elif is_saved_dataset(path):
            yield from _dataset_records(path)
        elif path.is_dir():
            files = _article_files(path)
            if not files:
                yield {"_where": str(path), "_error": f"{path}: no .txt or .md article files in this folder"}
            for file in files:
                yield from _file_records(file)
        elif str(raw) == "-" or path.exists():
            yield from _file_records(path)
        else:
            yield {"_where": str(path), "_error": f"{path}: no such file or folder"}
