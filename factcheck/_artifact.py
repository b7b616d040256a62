"""Reading the small JSON artifacts the package ships (learned scorers, re-ranker, calibration)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from .errors import ModelError

T = TypeVar("T")


def read_artifact(path: Path, parse: Callable[[dict[str, Any]], T], *, what: str) -> T | None:
    """The artifact at `path` parsed by `parse`, or None where none is installed; an unreadable
    one is a ModelError that names it."""
    if not path.exists():
        return None
    try:
        return parse(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"{path}: cannot read the {what} ({exc}); reinstall factcheck") from exc
