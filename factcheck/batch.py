"""A batch you can trust: annotate records into a file that an interruption never corrupts and
`resume` finishes, every input annotated exactly once.

Results go to a JSON Lines journal one record at a time, flushed as written, in input order. After
Ctrl-C or kill -9 the journal holds the first N inputs' results, perhaps with a torn last line;
`resume` cuts that line off, checks that the journal's ids are the first N inputs' ids (so a
changed input set is refused, not silently mixed), skips those N inputs and appends the rest. For
JSONL output the journal is the output; for Parquet the journal sits beside it
(`OUT.journal.jsonl`) and becomes the Parquet file when the batch is done.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .errors import InputError
from .models import Label
from .pipeline import Checker, annotate_records, record_id

OUTPUT_SUFFIXES = (".jsonl", ".parquet")


@dataclass(frozen=True)
class BatchSummary:
    """What a batch run did: records written this run, of which errors; records found already
    done (resumed); verdict counts over this run's articles; wall time in seconds."""

    records: int
    errors: int
    resumed: int
    seconds: float
    verdicts: Mapping[str, int] = field(default_factory=dict)

    @property
    def per_second(self) -> float:
        return self.records / self.seconds if self.seconds > 0 else 0.0

    def text(self) -> str:
        counts = ", ".join(f"{label} {n}" for label, n in self.verdicts.items() if n) or "none"
        resumed = f" ({self.resumed} already done before this run)" if self.resumed else ""
        return (
            f"annotated {self.records} record(s){resumed}, {self.errors} error(s) in {self.seconds:.1f} s "
            f"({self.per_second:.2f} records/s); verdicts: {counts}"
        )


def journal_path(out: Path) -> Path:
    """Where results are written while the batch runs."""
    return out if out.suffix == ".jsonl" else out.with_name(out.name + ".journal.jsonl")


def _complete_lines(journal: Path) -> list[dict[str, Any]]:
    """The journal's complete records; a torn last line (the process killed mid-write) is cut off
    the file, so appending continues from a clean line end."""
    if not journal.exists():
        return []
    data = journal.read_bytes()
    end = data.rfind(b"\n") + 1
    if end < len(data):
        with journal.open("r+b") as handle:
            handle.truncate(end)
    rows = []
    for number, line in enumerate(data[:end].splitlines(), start=1):
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError:
            raise InputError(f"{journal}:{number}: not a JSON line; this is not a factcheck output to resume") from None
    return rows


def _skip_done(records: Iterator[dict[str, Any]], done: list[dict[str, Any]], journal: Path) -> None:
    """Consume the inputs whose results are in the journal, checking they are the same inputs."""
    for number, row in enumerate(done, start=1):
        record = next(records, None)
        if record is None:
            raise InputError(f"{journal} holds {len(done)} results but the inputs have only {number - 1}")
        if str(row.get("id")) != str(record_id(number, record)):
            raise InputError(
                f"{journal}:{number}: result for {row.get('id')!r}, but input {number} is "
                f"{record_id(number, record)!r}: the inputs changed since the interrupted run; "
                "start again with --overwrite"
            )


def _prepare(out: Path, *, resume: bool, overwrite: bool) -> Path:
    if out.suffix not in OUTPUT_SUFFIXES:
        raise InputError(f"{out}: write .jsonl or .parquet")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{out}: cannot create its folder ({exc.strerror})") from None
    journal = journal_path(out)
    if overwrite:
        journal.unlink(missing_ok=True)
        if out != journal:
            out.unlink(missing_ok=True)
    elif resume and out != journal and out.exists() and not journal.exists():
        raise InputError(f"{out} is already complete; there is nothing to resume")
    elif not resume and any(p.exists() and p.stat().st_size for p in {out, journal}):
        raise InputError(f"{out} exists: pass --resume to finish an interrupted run, or --overwrite to start again")
    return journal


def run_batch(
    records: Iterable[dict[str, Any]],
    *,
    checker: Checker,
    out: Path,
    resume: bool = False,
    overwrite: bool = False,
    batch_size: int = 64,
    on_row: Callable[[dict[str, Any]], None] | None = None,
) -> BatchSummary:
    """Annotate `records` into `out` (.jsonl or .parquet); `on_row` sees each result as written
    (a progress bar). See the module docstring for what `resume` guarantees."""
    start = time.perf_counter()
    journal = _prepare(out, resume=resume, overwrite=overwrite)
    done = _complete_lines(journal) if resume else []
    remaining = iter(records)
    _skip_done(remaining, done, journal)
    with journal.open("a", encoding="utf-8") as sink:
        summary = annotate_into(
            sink, remaining, checker=checker, batch_size=batch_size, start=len(done) + 1, on_row=on_row
        )
    if out != journal:
        write_parquet(journal, out)
        journal.unlink()
    return dataclasses.replace(summary, resumed=len(done), seconds=time.perf_counter() - start)


def annotate_into(
    sink: TextIO,
    records: Iterable[dict[str, Any]],
    *,
    checker: Checker,
    batch_size: int = 64,
    start: int = 1,
    on_row: Callable[[dict[str, Any]], None] | None = None,
) -> BatchSummary:
    """Annotate `records` as JSON Lines into `sink`, one flushed line per record."""
    began = time.perf_counter()
    written, errors, verdicts = 0, 0, Counter({label.value: 0 for label in Label})
    for row in annotate_records(records, checker=checker, batch_size=batch_size, start=start):
        sink.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        sink.flush()  # one whole line at a time: an interruption loses at most the line being written
        written += 1
        errors += "error" in row
        verdicts.update(row.get("result", {}).get("counts", {}))
        if on_row:
            on_row(row)
    return BatchSummary(written, errors, 0, time.perf_counter() - began, dict(verdicts))


def write_parquet(journal: Path, out: Path) -> None:
    """The journal's records as a Parquet table: input columns kept, `result` as a JSON string,
    `error`, and one count column per verdict label."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [flat_row(json.loads(line)) for line in journal.read_text(encoding="utf-8").splitlines() if line]
    columns = list(dict.fromkeys(name for row in rows for name in row))  # every input's columns, in order
    pq.write_table(pa.table({name: _column([row.get(name) for row in rows]) for name in columns}), out)


def _column(values: list[Any]) -> Any:
    """An Arrow array of the values; a column mixing types (ids 7 and "a7") is kept as text."""
    import pyarrow as pa

    try:
        return pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array([_text(v) for v in values], type=pa.string())


def _text(value: Any) -> str | None:
    return value if value is None or isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)


def flat_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """A result record with one value per column: what tables (Parquet, datasets) can hold."""
    result = row.get("result")
    counts = result.get("counts", {}) if isinstance(result, dict) else {}
    flat = {k: v for k, v in row.items() if k not in ("result", "error")}
    flat["result"] = json.dumps(result, ensure_ascii=False) if result is not None else None
    flat["error"] = row.get("error")
    flat |= {label.value: counts.get(label.value) for label in Label}
    return flat
