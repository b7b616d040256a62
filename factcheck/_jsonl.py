"""JSON Lines for the strict readers (corpora, evaluation data): every object with its line
number, and a clear error naming the file and line for anything else."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import FactcheckError


def json_objects(path: Path, lines: list[str], *, error: type[FactcheckError]) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line; `error` is raised for a line that is not a
    JSON object."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise error(f"{path}:{number}: not valid JSON ({exc.msg}); fix or remove the line") from None
        if not isinstance(record, dict):
            raise error(f"{path}:{number}: expected a JSON object")
        yield number, record
