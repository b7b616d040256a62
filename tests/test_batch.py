"""Batch you can trust: table inputs and outputs, resume after an interruption, datasets."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck import Checker, InputError
from factcheck.batch import journal_path, run_batch
from factcheck.inputs import iter_records

from .conftest import SOURCES

TEXTS = (
    "Telegram has about 60 million daily users in Russia.",
    "MAX has about 85 million users.",
    "Russia blocked WhatsApp on Thursday, the regulator said.",
    "In December 2025 Russia blocked Snapchat.",
)


def write_jsonl(path: Path, n: int) -> list[str]:
    ids = [f"a{i}" for i in range(n)]
    path.write_text("".join(json.dumps({"id": i, "text": TEXTS[k % 4], "desk": "d"}) + "\n" for k, i in enumerate(ids)))
    return ids


def read_ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_csv_parquet_and_saved_dataset_inputs(tmp_path: Path) -> None:
    import datasets
    import pyarrow as pa
    import pyarrow.parquet as pq

    with (tmp_path / "in.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "text", "desk"])
        writer.writeheader()
        writer.writerows([{"id": "c1", "text": TEXTS[0], "desk": "x"}, {"id": "c2", "text": "", "desk": "y"}])
    pq.write_table(pa.Table.from_pylist([{"id": "p1", "text": TEXTS[1], "n": 7}]), tmp_path / "in.parquet")
    datasets.Dataset.from_list([{"id": "h1", "text": TEXTS[2]}]).save_to_disk(str(tmp_path / "saved"))
    (tmp_path / "nocol.csv").write_text("body\nhello\n", encoding="utf-8")
    paths = [tmp_path / n for n in ("in.csv", "in.parquet", "saved", "nocol.csv")]
    records = list(iter_records(paths))
    assert [r.get("id") for r in records] == ["c1", "c2", "p1", "h1", None]
    assert records[0]["_where"].endswith("in.csv:2") and records[2]["n"] == 7
    assert records[3]["_where"].endswith("saved:row 1")
    assert "names no 'text' column" in records[4]["_error"]


def test_parquet_output_keeps_input_columns(demo_checker: Checker, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    records = [{"id": "x1", "text": TEXTS[1], "desk": "tech"}, {"id": 7, "text": "", "extra": True}]
    summary = run_batch(records, checker=demo_checker, out=tmp_path / "out.parquet")
    table = pq.read_table(tmp_path / "out.parquet").to_pylist()
    assert [row["id"] for row in table] == ["x1", "7"]  # mixed id types are kept as text
    assert table[0]["desk"] == "tech" and table[0]["contradicted"] == 1 and table[0]["error"] is None
    assert json.loads(table[0]["result"])["counts"]["contradicted"] == 1
    assert "field 'text'" in table[1]["error"] and table[1]["result"] is None
    assert (summary.records, summary.errors, summary.verdicts["contradicted"]) == (2, 1, 1)
    assert not journal_path(tmp_path / "out.parquet").exists()


def test_an_existing_output_is_never_overwritten_by_accident(demo_checker: Checker, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "old"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"--resume .* --overwrite"):
        run_batch([{"id": "a", "text": TEXTS[0]}], checker=demo_checker, out=out)
    run_batch([{"id": "a", "text": TEXTS[0]}], checker=demo_checker, out=out, overwrite=True)
    assert read_ids(out) == ["a"]


def test_resume_cuts_a_torn_line_and_finishes_exactly_once(demo_checker: Checker, tmp_path: Path) -> None:
    ids = write_jsonl(tmp_path / "in.jsonl", 6)
    out = tmp_path / "out.jsonl"
    run_batch(list(iter_records([tmp_path / "in.jsonl"]))[:2], checker=demo_checker, out=out)
    with out.open("a", encoding="utf-8") as handle:
        handle.write('{"id": "a2", "resu')  # killed mid-write
    summary = run_batch(iter_records([tmp_path / "in.jsonl"]), checker=demo_checker, out=out, resume=True)
    assert read_ids(out) == ids and (summary.resumed, summary.records) == (2, 4)


def test_resume_refuses_different_inputs(demo_checker: Checker, tmp_path: Path) -> None:
    write_jsonl(tmp_path / "in.jsonl", 3)
    out = tmp_path / "out.jsonl"
    run_batch([{"id": "other", "text": TEXTS[0]}], checker=demo_checker, out=out)
    with pytest.raises(InputError, match="inputs changed"):
        run_batch(iter_records([tmp_path / "in.jsonl"]), checker=demo_checker, out=out, resume=True)
    assert read_ids(out) == ["other"]  # nothing lost


def _annotate(*args: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "factcheck", "annotate", *args, "--sources", str(SOURCES), "-q"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=os.environ.copy())


@pytest.mark.slow
@pytest.mark.parametrize("out_name", ["out.jsonl", "out.parquet"])
def test_killed_run_resumes_to_every_input_exactly_once(tmp_path: Path, out_name: str) -> None:
    ids = write_jsonl(tmp_path / "in.jsonl", 80)
    out = tmp_path / out_name
    journal = journal_path(out)
    first = _annotate(str(tmp_path / "in.jsonl"), "--out", str(out), "--batch-size", "1")
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and first.poll() is None:
        if journal.exists() and journal.read_bytes().count(b"\n") >= 3:
            break
        time.sleep(0.02)
    assert first.poll() is None, (
        f"the run ended before it could be killed: {first.stderr.read() if first.stderr else ''!r}"
    )
    first.send_signal(signal.SIGKILL)
    first.wait()
    written = journal.read_bytes().count(b"\n")
    assert 3 <= written < len(ids) and not (out != journal and out.exists())

    second = _annotate(str(tmp_path / "in.jsonl"), "--out", str(out), "--resume")
    assert second.wait(timeout=300) == 0, second.stderr.read() if second.stderr else ""
    if out.suffix == ".parquet":
        import pyarrow.parquet as pq

        got = [str(i) for i in pq.read_table(out).column("id").to_pylist()]
    else:
        got = read_ids(out)
    assert got == ids  # every input once, in order: nothing lost, nothing twice


def test_annotate_dataset_keeps_columns_and_order(demo_checker: Checker) -> None:
    import datasets

    from factcheck.hf import annotate_dataset

    rows = [{"id": f"r{i}", "text": t, "desk": "d"} for i, t in enumerate([TEXTS[0], TEXTS[1], ""])]
    out = annotate_dataset(datasets.Dataset.from_list(rows), checker=demo_checker, batch_size=2)
    assert out.column_names[:3] == ["id", "text", "desk"] and out["id"] == ["r0", "r1", "r2"]
    assert out["supported"][0] == 1 and out["contradicted"][1] == 1
    assert out["error"][:2] == [None, None] and "row 3" in out["error"][2] and out["result"][2] is None
    assert json.loads(out["result"][1])["verdicts"][0]["label"] == "contradicted"
    with pytest.raises(InputError, match="no 'body' column"):
        annotate_dataset(datasets.Dataset.from_list(rows), checker=demo_checker, text_column="body")


def test_sources_from_a_parquet_with_a_column_mapping(encoder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import pyarrow as pa
    import pyarrow.parquet as pq

    facts = [
        {"claim_id": "fc1", "claim": "MAX, the state messenger, has about 55 million users.",
         "link": "https://example.org/fc1", "site": "Example Checks", "day": "2026-02-13"},
    ]  # fmt: skip
    pq.write_table(pa.Table.from_pylist(facts), tmp_path / "facts.parquet")
    mapping = {"id": "claim_id", "text": "claim", "url": "link", "publisher": "site", "published": "day"}
    checker = Checker.from_sources(
        tmp_path / "facts.parquet", encoder=encoder, index_dir=tmp_path / "i", columns=mapping
    )
    verdict = checker.lookup("MAX has about 85 million users")
    assert verdict.label.value == "contradicted"
    source = verdict.evidence[0].source
    assert (source.id, source.url, source.publisher, str(source.published)) == (
        "fc1", "https://example.org/fc1", "Example Checks", "2026-02-13",
    )  # fmt: skip


@pytest.mark.slow
def test_progress_bar_on_a_terminal_and_none_in_a_pipe(tmp_path: Path) -> None:
    import pty

    write_jsonl(tmp_path / "in.jsonl", 4)
    command = [sys.executable, "-m", "factcheck", "annotate", str(tmp_path / "in.jsonl"), "--sources", str(SOURCES)]
    leader, follower = pty.openpty()
    on_terminal = subprocess.run([*command, "-o", str(tmp_path / "a.jsonl")], stderr=follower, timeout=300)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal's other end is closed: everything is read
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert on_terminal.returncode == 0
    assert b"4/4" in shown and b"records/s" in shown and b"annotated 4 record(s)" in shown

    piped = subprocess.run([*command, "-o", str(tmp_path / "b.jsonl")], capture_output=True, timeout=300)
    assert b"4/4" not in piped.stderr and piped.stderr.decode().startswith("annotated 4 record(s)")
    quiet = subprocess.run([*command, "-o", str(tmp_path / "c.jsonl"), "-q"], capture_output=True, timeout=300)
    assert quiet.stderr == b"" and read_ids(tmp_path / "c.jsonl") == ["a0", "a1", "a2", "a3"]


@pytest.mark.slow
def test_a_hub_dataset_that_cannot_be_reached_is_an_error_record(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")  # no network here: the Hub path must fail cleanly, naming it
    (record,) = iter_records(["hf:someone/articles:test"])
    assert record["_error"].startswith("hf:someone/articles:test: cannot load this Hub dataset")
