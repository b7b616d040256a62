import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from factcheck import IndexStateError
from factcheck import index as index_module
from factcheck.index import NumpyIndex, open_index, read_manifest

from .conftest import SOURCES, CountingEncoder


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    shutil.copytree(SOURCES, folder)
    return folder


def add_source(folder: Path, name: str, body: str) -> None:
    (folder / f"{name}.md").write_text(f"---\nid: {name}\ntitle: {name}\n---\n{body}\n", encoding="utf-8")


def test_build_then_reuse_without_encoding(corpus: Path, tmp_path: Path, counting_encoder: CountingEncoder) -> None:
    built = open_index(corpus, counting_encoder, directory=tmp_path / "idx")
    assert len(counting_encoder.encoded) == len(built.passages) == built.manifest["passages"]
    assert built.embeddings.shape == (len(built.passages), 384)
    assert np.allclose(np.linalg.norm(built.embeddings, axis=1), 1.0, atol=1e-4)
    counting_encoder.encoded.clear()
    again = open_index(corpus, counting_encoder, directory=tmp_path / "idx")
    assert counting_encoder.encoded == [] and np.array_equal(again.embeddings, built.embeddings)
    assert again.passages == built.passages


def test_adding_a_document_encodes_only_that_document(
    corpus: Path, tmp_path: Path, counting_encoder: CountingEncoder
) -> None:
    open_index(corpus, counting_encoder, directory=tmp_path / "idx")
    counting_encoder.encoded.clear()
    add_source(corpus, "new-doc", "A brand new sentence about ferries. And a second one about trains.")
    rebuilt = open_index(corpus, counting_encoder, directory=tmp_path / "idx")
    assert sorted(counting_encoder.encoded) == ["A brand new sentence about ferries.", "And a second one about trains."]
    assert rebuilt.manifest["encoded_this_build"] == 2
    assert "new-doc" in rebuilt.sources


def test_stale_index_is_refused_when_rebuild_is_off(
    corpus: Path, tmp_path: Path, counting_encoder: CountingEncoder
) -> None:
    open_index(corpus, counting_encoder, directory=tmp_path / "idx")
    add_source(corpus, "late", "Something changed.")
    with pytest.raises(IndexStateError, match=r"sources changed since the index was built.*factcheck index"):
        open_index(corpus, counting_encoder, directory=tmp_path / "idx", rebuild=False)
    with pytest.raises(IndexStateError, match="no index built yet"):
        open_index(corpus, counting_encoder, directory=tmp_path / "empty", rebuild=False)


def test_other_model_makes_index_stale(corpus: Path, tmp_path: Path, counting_encoder: CountingEncoder) -> None:
    open_index(corpus, counting_encoder, directory=tmp_path / "idx")
    counting_encoder.model_id = "some/other-model"
    with pytest.raises(IndexStateError, match="built with model"):
        open_index(corpus, counting_encoder, directory=tmp_path / "idx", rebuild=False)


def test_crash_mid_build_leaves_previous_index_usable(
    corpus: Path, tmp_path: Path, counting_encoder: CountingEncoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = open_index(corpus, counting_encoder, directory=tmp_path / "idx")
    add_source(corpus, "crash", "This build will not finish.")

    def boom(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(index_module.np, "save", boom)
    with pytest.raises(KeyboardInterrupt):
        open_index(corpus, counting_encoder, directory=tmp_path / "idx")
    monkeypatch.undo()
    manifest = read_manifest(tmp_path / "idx")
    assert manifest is not None and manifest["corpus_hash"] == first.manifest["corpus_hash"]
    (corpus / "crash.md").unlink()
    counting_encoder.encoded.clear()
    reopened = open_index(corpus, counting_encoder, directory=tmp_path / "idx", rebuild=False)
    assert reopened.passages == first.passages and counting_encoder.encoded == []


def test_index_files_hold_no_pickle(corpus: Path, tmp_path: Path, counting_encoder: CountingEncoder) -> None:
    open_index(corpus, counting_encoder, directory=tmp_path / "idx")
    files = [p for p in (tmp_path / "idx").rglob("*") if p.is_file()]
    assert {p.suffix for p in files} <= {"", ".json", ".jsonl", ".npy", ".npz"}
    for p in files:
        if p.suffix in (".npy", ".npz"):
            np.load(p, allow_pickle=False)  # raises on any pickled object
        elif p.suffix in (".json",):
            json.loads(p.read_text(encoding="utf-8"))


def test_damaged_index_gives_a_clear_error(corpus: Path, tmp_path: Path, counting_encoder: CountingEncoder) -> None:
    built = open_index(corpus, counting_encoder, directory=tmp_path / "idx")
    build = tmp_path / "idx" / "builds" / built.manifest["build"]
    (build / "embeddings.npy").write_bytes(b"garbage")
    with pytest.raises(IndexStateError, match=r"damaged.*--rebuild"):
        open_index(corpus, counting_encoder, directory=tmp_path / "idx", rebuild=False)


def test_numpy_index_ranks_by_cosine() -> None:
    vectors = np.eye(4, dtype=np.float32)
    query = np.array([[0.1, 0.9, 0.3, 0.0]], dtype=np.float32)
    (hits,) = NumpyIndex(vectors).search(query, top_k=2)
    assert [i for i, _ in hits] == [1, 2] and hits[0][1] == pytest.approx(0.9)
    assert NumpyIndex(np.zeros((0, 4), np.float32)).search(query, top_k=3) == [[]]
