"""The on-disk index of a corpus: passages, their embeddings and a manifest; no pickle anywhere.

Layout of an index directory:

    CURRENT                    the name of the live build (replaced atomically: a crash mid-build
                               leaves the previous build live)
    builds/<name>/manifest.json   format version, model id, corpus hash, counts, build time
    builds/<name>/passages.jsonl  one passage a line, offsets into its source's text, with the typed
                               mentions found in it when it was indexed
    builds/<name>/embeddings.npy  float32, one unit-length row per passage
    cache/<model>.npz          embedding cache: text hash → vector, so a rebuild encodes only new text

The vector search sits behind `VectorIndex` so another store (pgvector, say) can stand in.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from .corpus import corpus_hash, load_sources, passages, text_hash
from .embed import Encoder
from .errors import IndexStateError
from .models import Mention, Passage, Source

if TYPE_CHECKING:
    from .mentions import Analyser

FORMAT_VERSION = 13  # 2: passages carry typed mentions; 3: re-analysed (derived weekdays, durations, zones);
# 4: counts carry their share of a group, bare units of time are durations; 5: temperatures, durations in
# words ("nine and a half minutes"), tons as a span of tonnes; 6: sums written with the
# currency after them ("1.2 million euros") are money; 7: ages ("a 61-year-old") apart from lengths of
# time, a day and month without a year read as the past one unless the next is much nearer; 8: a day and
# month without a year carry the year the text's date implies (dates.YEAR_IMPLIED_WITHIN); 9: units against
# their figure ("2GW"), millibars, volumes tagged without their unit; 10: sums after a lettered dollar sign;
# 11: parts per million and billion as percentages; 12: a weight in pounds left outside its entity;
# 13: a round count under 100 is exact (quantify.ROUNDED_FROM)


class VectorIndex(Protocol):
    """Nearest rows by cosine similarity; rows are unit length, so a dot product."""

    def search(self, queries: np.ndarray, *, top_k: int) -> list[list[tuple[int, float]]]: ...


@dataclass(frozen=True)
class NumpyIndex:
    """Exact search over an in-memory matrix: fast enough to ~10^6 rows on one CPU."""

    vectors: np.ndarray

    def search(self, queries: np.ndarray, *, top_k: int) -> list[list[tuple[int, float]]]:
        if len(self.vectors) == 0:
            return [[] for _ in range(len(queries))]
        scores = queries @ self.vectors.T
        k = min(top_k, scores.shape[1])
        top = np.argpartition(-scores, k - 1, axis=1)[:, :k]
        return [_ranked(row_scores, row_top) for row_scores, row_top in zip(scores, top, strict=True)]


def _ranked(scores: np.ndarray, candidates: np.ndarray) -> list[tuple[int, float]]:
    order = candidates[np.argsort(-scores[candidates], kind="stable")]
    return [(int(i), float(scores[i])) for i in order]


@dataclass(frozen=True, eq=False)  # identity equality: caches key on the loaded index object
class CorpusIndex:
    """A loaded index: sources by id, passages in row order, their embeddings, and the manifest."""

    sources: dict[str, Source]
    passages: tuple[Passage, ...]
    embeddings: np.ndarray
    manifest: dict[str, Any]

    @property
    def vectors(self) -> VectorIndex:
        return NumpyIndex(self.embeddings)


def default_index_dir(corpus: Path) -> Path:
    """Per-user cache folder, one per corpus path, so a read-only corpus can still be indexed."""
    root = Path(os.environ.get("FACTCHECK_CACHE") or Path.home() / ".cache" / "factcheck")
    resolved = corpus.resolve()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", resolved.name).strip("-") or "corpus"
    return root / "indexes" / f"{slug}-{text_hash(str(resolved))[:12]}"


def _model_slug(model_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9.]+", "-", model_id).strip("-")


def _atomic_write(path: Path, write: Any) -> None:
    """Write through a temporary file in the same folder, then rename over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _load_cache(path: Path) -> dict[str, np.ndarray]:
    if not path.exists():
        return {}
    try:
        with np.load(path, allow_pickle=False) as data:
            return dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
    except (OSError, ValueError, KeyError):
        return {}  # a damaged cache only costs re-encoding


def _save_cache(path: Path, cache: dict[str, np.ndarray]) -> None:
    keys = np.array(list(cache), dtype="<U32")
    vectors = np.stack(list(cache.values())).astype(np.float32) if cache else np.zeros((0, 0), np.float32)

    def write(tmp: Path) -> None:
        with tmp.open("wb") as handle:
            np.savez(handle, keys=keys, vectors=vectors)

    _atomic_write(path, write)


def embed_passages(texts: Sequence[str], encoder: Encoder, cache_path: Path) -> tuple[np.ndarray, int]:
    """Embeddings for `texts`, encoding only those not in the cache; returns (matrix, newly encoded)."""
    cache = _load_cache(cache_path)
    keys = [text_hash(t) for t in texts]
    missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in cache}.items())
    if missing:
        fresh = encoder.encode([t for _, t in missing])
        cache.update({k: v for (k, _), v in zip(missing, fresh, strict=True)})
        _save_cache(cache_path, cache)
    if not keys:
        return np.zeros((0, 0), dtype=np.float32), 0
    return np.stack([cache[k] for k in keys]).astype(np.float32), len(missing)


def _manifest(encoder: Encoder, digest: str, n_sources: int, rows: np.ndarray, encoded: int) -> dict[str, Any]:
    return {
        "format_version": FORMAT_VERSION,
        "model_id": encoder.model_id,
        "corpus_hash": digest,
        "sources": n_sources,
        "passages": int(rows.shape[0]),
        "dimension": int(rows.shape[1]) if rows.ndim == 2 else 0,
        "encoded_this_build": encoded,
        "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }


def _write_build(
    directory: Path, name: str, manifest: dict[str, Any], rows: Sequence[Passage], vectors: np.ndarray
) -> None:
    builds = directory / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=builds, prefix=f".{name}."))
    lines = (json.dumps(p.to_dict(), ensure_ascii=False) for p in rows)
    (staging / "passages.jsonl").write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    np.save(staging / "embeddings.npy", vectors, allow_pickle=False)
    (staging / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    target = builds / name
    if target.exists():
        shutil.rmtree(target)
    os.replace(staging, target)
    _atomic_write(directory / "CURRENT", lambda tmp: tmp.write_text(name, encoding="utf-8"))
    for old in builds.iterdir():
        if old.name != name:
            shutil.rmtree(old, ignore_errors=True)


def analysed(rows: Sequence[Passage], sources: Mapping[str, Source], analyser: Analyser | None) -> list[Passage]:
    """The passages with their typed mentions: found once, here, and stored with the index."""
    if analyser is None:
        return list(rows)
    dates = [sources[p.source_id].published for p in rows]
    found = analyser.analyse_many([p.text for p in rows], references=dates)
    return [replace(p, mentions=m) for p, m in zip(rows, found, strict=True)]


def passage_from_dict(data: Mapping[str, Any]) -> Passage:
    mentions = tuple(Mention(**{**m, "context": tuple(m.get("context", ()))}) for m in data.get("mentions", ()))
    return Passage(**{**data, "mentions": mentions})


def build_index(
    sources: Sequence[Source], encoder: Encoder, directory: Path, *, analyser: Analyser | None = None
) -> CorpusIndex:
    """Passages (analysed by `analyser` where one is given) and embeddings for `sources`, written
    under `directory`, and returned loaded."""
    by_id = {s.id: s for s in sources}
    rows = analysed([p for source in sources for p in passages(source)], by_id, analyser)
    cache_path = directory / "cache" / f"{_model_slug(encoder.model_id)}.npz"
    vectors, encoded = embed_passages([p.text for p in rows], encoder, cache_path)
    digest = corpus_hash(sources)
    manifest = {**_manifest(encoder, digest, len(sources), vectors, encoded), "analysed": analyser is not None}
    name = f"{digest[:16]}-{_model_slug(encoder.model_id)}"
    _write_build(directory, name, manifest, rows, vectors)
    return CorpusIndex({s.id: s for s in sources}, tuple(rows), vectors, {**manifest, "build": name})


def read_manifest(directory: Path) -> dict[str, Any] | None:
    """The live build's manifest, or None where there is no readable index."""
    try:
        name = (directory / "CURRENT").read_text(encoding="utf-8").strip()
        manifest: dict[str, Any] = json.loads((directory / "builds" / name / "manifest.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    manifest["build"] = name
    return manifest


def _load_build(directory: Path, manifest: dict[str, Any], sources: Sequence[Source]) -> CorpusIndex:
    build = directory / "builds" / manifest["build"]
    try:
        lines = (build / "passages.jsonl").read_text(encoding="utf-8").splitlines()
        rows = tuple(passage_from_dict(json.loads(line)) for line in lines)
        vectors = np.load(build / "embeddings.npy", allow_pickle=False)
    except (OSError, ValueError, TypeError) as exc:
        raise IndexStateError(
            f"{build}: index is damaged ({exc}); rebuild it with `factcheck index --rebuild`"
        ) from exc
    if len(rows) != len(vectors):
        raise IndexStateError(f"{build}: {len(rows)} passages but {len(vectors)} embeddings; rebuild the index")
    return CorpusIndex({s.id: s for s in sources}, rows, vectors, manifest)


def staleness(manifest: dict[str, Any] | None, encoder: Encoder, digest: str, *, analysed: bool = False) -> str | None:
    """Why an index cannot be used as it is, or None when it matches corpus and model (and holds
    the passages' mentions where `analysed` asks for them)."""
    if manifest is None:
        return "no index built yet"
    if manifest.get("format_version") != FORMAT_VERSION:
        return f"index format {manifest.get('format_version')} is not {FORMAT_VERSION}"
    if manifest.get("model_id") != encoder.model_id:
        return f"index was built with model {manifest.get('model_id')!r}, not {encoder.model_id!r}"
    if manifest.get("corpus_hash") != digest:
        return "the sources changed since the index was built"
    if analysed and not manifest.get("analysed"):
        return "the index was built without passage analysis"
    return None


def open_index(
    corpus: str | Path,
    encoder: Encoder,
    *,
    directory: Path | None = None,
    rebuild: bool = True,
    columns: Mapping[str, str] | None = None,
    analyser: Analyser | None = None,
) -> CorpusIndex:
    """Load the index of `corpus`, building or refreshing it first when `rebuild` allows;
    `columns` maps a table corpus's columns to our fields (corpus.load_sources); with an
    `analyser`, passages carry their typed mentions."""
    corpus = Path(corpus)
    sources = load_sources(corpus, columns=columns)
    directory = directory or default_index_dir(corpus)
    manifest = read_manifest(directory)
    reason = staleness(manifest, encoder, corpus_hash(sources), analysed=analyser is not None)
    if reason is None and manifest is not None:
        return _load_build(directory, manifest, sources)
    if not rebuild:
        raise IndexStateError(f"{directory}: {reason}; run `factcheck index --sources {corpus}` to rebuild it")
    return build_index(sources, encoder, directory, analyser=analyser)
