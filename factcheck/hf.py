"""Hugging Face `datasets` in and out: annotate a Dataset in batches, keeping every input column.

`datasets` is imported when a function here is called, never by `import factcheck`.
"""

from __future__ import annotations

from typing import Any

from .batch import flat_row
from .errors import InputError
from .models import Label
from .pipeline import Checker, annotate_records

RESULT_COLUMNS = ("result", "error", *(label.value for label in Label))


def annotate_dataset(dataset: Any, *, checker: Checker, text_column: str = "text", batch_size: int = 64) -> Any:
    """`dataset` (a `datasets.Dataset`) with result columns added, in the same row order: `result`
    (the article's report as a JSON string, or None), `error` (why a row could not be checked, or
    None) and one count column per verdict label. `id`, `title`, `url` and `date` columns are read
    where present."""
    if text_column not in dataset.column_names:
        raise InputError(f"dataset has no {text_column!r} column (columns: {', '.join(dataset.column_names)})")
    clash = sorted(set(RESULT_COLUMNS) & set(dataset.column_names))
    if clash:
        raise InputError(f"dataset already has column(s) {', '.join(clash)}; rename them before annotating")

    def annotate_batch(batch: dict[str, list[Any]], indices: list[int]) -> dict[str, list[Any]]:
        records = [
            {
                **{name: values[i] for name, values in batch.items()},
                "text": batch[text_column][i],
                "_where": f"row {n + 1}",
            }
            for i, n in enumerate(indices)
        ]
        rows = [flat_row(row) for row in annotate_records(records, checker=checker, batch_size=batch_size)]
        return {name: [row[name] for row in rows] for name in RESULT_COLUMNS}

    import datasets

    features = dataset.features.copy()
    features.update({"result": datasets.Value("string"), "error": datasets.Value("string")})
    features.update({label.value: datasets.Value("int64") for label in Label})
    return dataset.map(
        annotate_batch,
        features=features,
        batched=True,
        batch_size=batch_size,
        with_indices=True,
        load_from_cache_file=False,
        new_fingerprint=f"{dataset._fingerprint}-factcheck",  # hashing the checker (a model) would be slow
        desc="factcheck",
    )
