"""The `factcheck` command: a thin shell, one library call per command.

Exit codes: 0 done; 1 a factcheck error (message on stderr says what to do); 2 bad usage;
3 `annotate` finished but some records could not be checked (each has an error record).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from .cli_eval import eval_app
from .cli_options import ConfigOpt, IndexOpt, fail, load_settings
from .config import Settings
from .errors import FactcheckError, InputError
from .inputs import iter_records, read_articles
from .models import ArticleReport
from .pipeline import Checker, annotate_records
from .report import FORMATS, render_reports, render_verdict, to_jsonl
from .report_html import report_html, write_html

app = typer.Typer(
    help="Check the claims of news articles against a curated source corpus, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(eval_app, name="eval")
EXIT_RECORDS_FAILED = 3


def demo_sources() -> Path:
    """`./sources` where it exists, else the demo corpus beside the package."""
    local = Path("sources")
    return local if local.exists() else Path(__file__).resolve().parent.parent / "sources"


SourcesOpt = Annotated[
    Path | None,
    typer.Option("--sources", "-s", help="Corpus: a folder of .md sources, or .jsonl/.tsv.", show_default="sources/"),
]
CHECK_FORMATS = (*FORMATS, "html")
FormatOpt = Annotated[str, typer.Option("--format", "-f", help=f"Output format: {' | '.join(FORMATS)}.")]
ModelOpt = Annotated[str | None, typer.Option("--model", help="sentence-transformers model name or path.")]
ThreadsOpt = Annotated[
    int, typer.Option("--threads", help="CPU threads for the encoder (0: every core, idle threads sleeping).")
]


def _settings(config: Path | None, model: str | None, threads: int) -> Settings:
    settings = load_settings(config)
    changes: dict[str, Any] = {"threads": threads} if threads else {}
    if model:
        changes["model"] = model
    return settings.replace(**changes)


def _checker(sources: Path | None, index: Path | None, settings: Settings, *, rebuild: bool = True) -> Checker:
    return Checker.from_sources(sources or demo_sources(), settings=settings, index_dir=index, rebuild=rebuild)


def _check_format(fmt: str, formats: tuple[str, ...] = FORMATS) -> None:
    if fmt not in formats:
        raise InputError(f"unknown --format {fmt!r}; use one of {', '.join(formats)}")


@app.command()
def lookup(
    claim: Annotated[str, typer.Argument(help='The claim to check, or "-" to read it from stdin.')],
    sources: SourcesOpt = None,
    fmt: FormatOpt = "markdown",
    as_of: Annotated[str | None, typer.Option("--date", help="Date the claim was made (YYYY-MM-DD).")] = None,
    index: IndexOpt = None,
    model: ModelOpt = None,
    threads: ThreadsOpt = 0,
    config: ConfigOpt = None,
) -> None:
    """Check one claim against the sources and print its verdict and evidence."""
    try:
        _check_format(fmt)
        text = sys.stdin.read() if claim == "-" else claim
        date = _date(as_of)
        verdict = _checker(sources, index, _settings(config, model, threads)).lookup(text, as_of=date)
    except FactcheckError as exc:
        raise fail(exc) from None
    typer.echo(render_verdict(verdict, fmt), nl=False)


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        raise InputError(f"--date {value!r} is not a date; write YYYY-MM-DD") from None


@app.command()
def check(
    articles: Annotated[
        list[str],
        typer.Argument(help='Article files (.txt/.md, front matter allowed), folders of them, or "-" (stdin).'),
    ],
    sources: SourcesOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"Output format: {' | '.join(CHECK_FORMATS)}.")] = "table",
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Write here; for html with several articles, a folder.", show_default="stdout"
        ),
    ] = None,
    as_of: Annotated[str | None, typer.Option("--date", help="Date of articles that give none (YYYY-MM-DD).")] = None,
    index: IndexOpt = None,
    model: ModelOpt = None,
    threads: ThreadsOpt = 0,
    config: ConfigOpt = None,
) -> None:
    """Extract the claims of articles, check each claim, and print (or write) the reports."""
    try:
        _check_format(fmt, CHECK_FORMATS)
        date = _date(as_of)
        parsed = [a if a.published or not date else replace(a, published=date) for a in read_articles(articles)]
        if fmt == "html" and len(parsed) > 1 and out is None:
            raise InputError("--format html for several articles writes one page each: give --out FOLDER")
        reports = list(_checker(sources, index, _settings(config, model, threads)).check_many(parsed))
    except FactcheckError as exc:
        raise fail(exc) from None
    try:
        _write_reports(reports, fmt, out)
    except OSError as exc:
        raise fail(InputError(f"cannot write {out}: {exc.strerror}")) from None


def _write_reports(reports: list[ArticleReport], fmt: str, out: Path | None) -> None:
    if fmt == "html" and out is not None and (len(reports) > 1 or out.suffix.lower() not in (".html", ".htm")):
        typer.echo(f"wrote {write_html(reports, out)} and {len(reports)} article page(s)", err=True)
        return
    text = report_html(reports[0]) if fmt == "html" else render_reports(reports, fmt)
    if out is None:
        typer.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")


def _progress(rows: Iterator[dict[str, Any]], *, quiet: bool) -> Iterator[dict[str, Any]]:
    """A progress bar on stderr when it is a terminal and not --quiet."""
    if quiet or not sys.stderr.isatty():
        yield from rows
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("annotating", total=None)
        for row in rows:
            bar.advance(task)
            yield row


def _open_out(out: Path | None) -> TextIO:
    return out.open("w", encoding="utf-8") if out else sys.stdout


@app.command()
def annotate(
    paths: Annotated[list[str], typer.Argument(help='Folders, .txt/.md/.jsonl files, or "-" (JSONL on stdin).')],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write JSONL here.", show_default="stdout")] = None,
    sources: SourcesOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    index: IndexOpt = None,
    model: ModelOpt = None,
    threads: ThreadsOpt = 0,
    config: ConfigOpt = None,
) -> None:
    """Annotate a set of articles in one batch: one JSONL record per input, errors included."""
    try:
        checker = _checker(sources, index, _settings(config, model, threads))
    except FactcheckError as exc:
        raise fail(exc) from None
    counts = {"records": 0, "errors": 0}
    sink = _open_out(out)
    try:
        for row in _progress(annotate_records(iter_records(paths), checker=checker), quiet=quiet):
            sink.write(to_jsonl([row]))
            sink.flush()  # records land as their batch is done: an interruption loses nothing written
            counts["records"] += 1
            counts["errors"] += "error" in row
    finally:
        if out:
            sink.close()
    if not quiet:
        typer.echo(f"annotated {counts['records']} record(s), {counts['errors']} error(s)", err=True)
    if counts["errors"]:
        raise typer.Exit(EXIT_RECORDS_FAILED)


@app.command("index")
def index_command(
    sources: SourcesOpt = None,
    rebuild: Annotated[bool, typer.Option("--rebuild/--no-rebuild", help="Build or refresh when stale.")] = True,
    index: IndexOpt = None,
    model: ModelOpt = None,
    threads: ThreadsOpt = 0,
    config: ConfigOpt = None,
) -> None:
    """Build (or refresh) the index of a corpus and print its manifest."""
    try:
        checker = _checker(sources, index, _settings(config, model, threads), rebuild=rebuild)
    except FactcheckError as exc:
        raise fail(exc) from None
    for key, value in checker.index.manifest.items():
        typer.echo(f"{key}: {value}")


def main() -> None:
    app()
