"""Shared fixtures: the real model loaded once per test run, and the demo corpus indexed once."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest

from factcheck import Checker
from factcheck.embed import SentenceTransformerEncoder

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
CLAIMS = ROOT / "claims"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Indexes built by tests go to a temporary cache, never the user's."""
    mp = pytest.MonkeyPatch()
    mp.setenv("FACTCHECK_CACHE", str(tmp_path_factory.mktemp("cache")))
    yield
    mp.undo()


@pytest.fixture(scope="session")
def encoder() -> SentenceTransformerEncoder:
    """The real all-MiniLM-L6-v2, loaded once for the whole run."""
    return SentenceTransformerEncoder()


@pytest.fixture(scope="session")
def demo_checker(encoder: SentenceTransformerEncoder, tmp_path_factory: pytest.TempPathFactory) -> Checker:
    return Checker.from_sources(SOURCES, encoder=encoder, index_dir=tmp_path_factory.mktemp("demo-index"))


class CountingEncoder:
    """Wraps the real encoder and counts the texts it was asked to encode."""

    def __init__(self, inner: SentenceTransformerEncoder) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.encoded: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.encoded.extend(texts)
        return self.inner.encode(texts)


@pytest.fixture
def counting_encoder(encoder: SentenceTransformerEncoder) -> CountingEncoder:
    return CountingEncoder(encoder)
