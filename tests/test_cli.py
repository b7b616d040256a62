"""Every command through typer's CliRunner, the way a journalist or a desk would call it."""

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

from .conftest import CLAIMS, ROOT, SOURCES

runner = CliRunner()


def run(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [*args, "--sources", str(SOURCES)] if args[0] != "--help" else list(args), input=stdin)


def test_help_lists_every_command_and_readme_documents_them() -> None:
    result = runner.invoke(app, ["--help"])
    commands = {"lookup", "check", "annotate", "index"}
    assert result.exit_code == 0 and all(c in result.stdout for c in commands)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f"factcheck {c}" in readme for c in commands)


def test_lookup_prints_verdict_and_evidence() -> None:
    result = run("lookup", "MAX has about 85 million users.")
    assert result.exit_code == 0, result.output
    assert "CONTRADICTED" in result.stdout and "number_mismatch" in result.stdout and "technobezz" in result.stdout


def test_lookup_json_and_stdin() -> None:
    result = run("lookup", "-", "--format", "json", stdin="Telegram has about 60 million daily users in Russia.\n")
    data = json.loads(result.stdout)
    assert data["label"] == "supported" and data["evidence"][0]["scores"]["fused"] > 0.6


def test_check_formats() -> None:
    article = str(CLAIMS / "distorted.md")
    table = run("check", article)
    assert table.exit_code == 0 and "contradicted" in table.stdout
    markdown = run("check", article, "--format", "markdown")
    assert markdown.stdout.startswith("## Russia cuts off WhatsApp") and "quote_misattributed" in markdown.stdout
    data = json.loads(run("check", article, "--format", "json").stdout)
    assert data["counts"]["contradicted"] == 4 and data["published"] == "2026-02-12"
    lines = run("check", article, "--format", "jsonl").stdout.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["id"] == "distorted"


def test_check_reads_stdin() -> None:
    result = run(
        "check",
        "-",
        "--format",
        "json",
        stdin="In October 2025 the government ordered MAX to be pre-installed on new phones.\n",
    )
    assert json.loads(result.stdout)["counts"]["contradicted"] == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b"caf\xe9 au lait", "not valid UTF-8"),
        (b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", "looks like HTML"),
    ],
)
def test_check_refuses_bad_files_with_a_clear_message(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    result = run("check", str(path))
    assert result.exit_code == 1
    assert str(path) in result.output and message in result.output


def test_unknown_format_and_missing_file() -> None:
    assert run("check", str(CLAIMS / "faithful.md"), "--format", "pdf").exit_code == 1
    result = run("check", "no/such/file.txt")
    assert result.exit_code == 1 and "no/such/file.txt: cannot read" in result.output


def test_annotate_a_folder(tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    result = run("annotate", str(CLAIMS), "--out", str(out))
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["distorted", "embellished", "faithful"]
    assert "annotated 3 record(s), 0 error(s)" in result.output


def test_annotate_goes_on_past_bad_records(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    good = {"id": "g1", "text": "MAX has about 85 million users, officials said.", "desk": "tech"}
    batch.write_text(
        json.dumps(good) + "\n{not json\n" + json.dumps({"id": "e", "text": ""}) + "\n[1, 2]\n", encoding="utf-8"
    )
    (tmp_path / "bin.txt").write_bytes(b"\x00\x00")
    out = tmp_path / "out.jsonl"
    result = run("annotate", str(batch), str(tmp_path / "bin.txt"), str(tmp_path / "missing.md"), "-o", str(out))
    assert result.exit_code == 3
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 6
    assert rows[0]["desk"] == "tech" and rows[0]["result"]["counts"]["contradicted"] == 1
    errors = [r["error"] for r in rows[1:]]
    assert re.search(r"batch\.jsonl:2: not a valid JSON line", errors[0])
    assert "field 'text'" in errors[1] and "batch.jsonl:4: expected a JSON object" in errors[2]
    assert "binary" in errors[3] and "no such file" in errors[4]


def test_annotate_jsonl_from_stdin() -> None:
    result = run(
        "annotate",
        "-",
        "--quiet",
        stdin=json.dumps({"id": "s", "text": "Telegram has about 60 million daily users in Russia."}) + "\n",
    )
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["id"] == "s" and row["result"]["counts"]["supported"] == 1


def test_index_builds_and_refuses_stale(tmp_path: Path) -> None:
    result = runner.invoke(app, ["index", "--sources", str(SOURCES), "--index", str(tmp_path / "i")])
    assert result.exit_code == 0 and "model_id: sentence-transformers/all-MiniLM-L6-v2" in result.stdout
    assert re.search(r"passages: \d+", result.stdout)
    stale = runner.invoke(app, ["index", "--sources", str(SOURCES), "--index", str(tmp_path / "other"), "--no-rebuild"])
    assert stale.exit_code == 1 and "no index built yet" in stale.output


def test_bad_sources_path_is_an_error() -> None:
    result = runner.invoke(app, ["lookup", "x y z w", "--sources", "nowhere"])
    assert result.exit_code == 1 and "nowhere: no such file or folder" in result.output


def test_check_date_resolves_relative_dates(tmp_path: Path) -> None:
    path = tmp_path / "undated.txt"
    path.write_text(
        "In October last year the government ordered MAX to be pre-installed on new phones.\n", encoding="utf-8"
    )
    undated = json.loads(run("check", str(path), "--format", "json").stdout)
    assert undated["counts"]["contradicted"] == 0
    dated = json.loads(run("check", str(path), "--format", "json", "--date", "2026-02-12").stdout)
    assert dated["counts"]["contradicted"] == 1 and dated["published"] == "2026-02-12"
    assert run("check", str(path), "--date", "Feb 12").exit_code == 1
