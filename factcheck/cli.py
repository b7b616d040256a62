"""The `factcheck` command: a thin shell, one library call per command.

Exit codes: 0 done; 1 a factcheck error (message on stderr says what to do); 2 bad usage;
3 `annotate` finished but some records could not be checked (each has an error record).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer

from . import claimreview
from .batch import annotate_into, run_batch
from .cli_eval import eval_app
from .cli_options import ConfigOpt, IndexOpt, SourceColumnsOpt, fail, load_settings, parse_columns
from .config import Settings
from .errors import FactcheckError, InputError
from .inputs import iter_records, read_articles
from .models import ArticleReport
from .pipeline import Checker
from .report import FORMATS, render_reports, render_verdict, to_json
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
CHECK_FORMATS = (*FORMATS, "html", "claimreview")
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


def _checker(
    sources: Path | None,
    index: Path | None,
    settings: Settings,
    *,
    rebuild: bool = True,
    columns: dict[str, str] | None = None,
) -> Checker:
    return Checker.from_sources(
        sources or demo_sources(), settings=settings, index_dir=index, rebuild=rebuild, columns=columns
    )


def _check_format(fmt: str, formats: tuple[str, ...] = FORMATS) -> None:
    if fmt not in formats:
        raise InputError(f"unknown --format {fmt!r}; use one of {', '.join(formats)}")


@app.command()
def lookup(
    claim: Annotated[str, typer.Argument(help='The claim to check, or "-" to read it from stdin.')],
    sources: SourcesOpt = None,
    source_columns: SourceColumnsOpt = None,
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
        verdict = _checker(
            sources, index, _settings(config, model, threads), columns=parse_columns(source_columns)
        ).lookup(text, as_of=date)
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
    source_columns: SourceColumnsOpt = None,
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
        reports = list(
            _checker(
                sources, index, _settings(config, model, threads), columns=parse_columns(source_columns)
            ).check_many(parsed)
        )
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
    if fmt == "claimreview":
        text = to_json(claimreview.export(reports)) + "\n"
    else:
        text = report_html(reports[0]) if fmt == "html" else render_reports(reports, fmt)
    if out is None:
        typer.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")


@contextlib.contextmanager
def _progress(total: int | None, *, quiet: bool) -> Iterator[Callable[[dict[str, Any]], None] | None]:
    """A progress bar on stderr (items/s, ETA when the total is known) when stderr is a terminal
    and not --quiet; yields the per-record callback, or None."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TimeRemainingColumn
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task: Task) -> Text:
            return Text(f"{task.speed:.1f} records/s" if task.speed else "… records/s")

    columns = (BarColumn(), MofNCompleteColumn(), Rate(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("annotating", total=total)  # total None: no ETA, a pulsing bar
        yield lambda _row: bar.advance(task)


@app.command()
def annotate(
    paths: Annotated[
        list[str],
        typer.Argument(help='Folders of articles, .txt/.md/.jsonl/.csv/.parquet files, saved datasets, or "-".'),
    ],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write .jsonl or .parquet here.", show_default="stdout")
    ] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Finish an interrupted run into the same --out.")] = False,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace an existing --out.")] = False,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per model batch.")] = 64,
    sources: SourcesOpt = None,
    source_columns: SourceColumnsOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    index: IndexOpt = None,
    model: ModelOpt = None,
    threads: ThreadsOpt = 0,
    config: ConfigOpt = None,
) -> None:
    """Annotate a set of articles in one batch: one record per input, errors included; resumable."""
    try:
        if (resume or overwrite) and out is None:
            raise InputError("--resume and --overwrite need --out FILE")
        checker = _checker(sources, index, _settings(config, model, threads), columns=parse_columns(source_columns))
        total = None if quiet or "-" in paths else sum(1 for _ in iter_records(paths))
        with _progress(total, quiet=quiet) as advance:
            if out is None:
                summary = annotate_into(
                    sys.stdout, iter_records(paths), checker=checker, batch_size=batch_size, on_row=advance
                )
            else:
                summary = run_batch(
                    iter_records(paths), checker=checker, out=out, resume=resume, overwrite=overwrite,
                    batch_size=batch_size, on_row=advance,
                )  # fmt: skip
    except FactcheckError as exc:
        raise fail(exc) from None
    if not quiet:
        typer.echo(summary.text(), err=True)
    if summary.errors:
        raise typer.Exit(EXIT_RECORDS_FAILED)


@app.command("index")
def index_command(
    sources: SourcesOpt = None,
    source_columns: SourceColumnsOpt = None,
    rebuild: Annotated[bool, typer.Option("--rebuild/--no-rebuild", help="Build or refresh when stale.")] = True,
    index: IndexOpt = None,
    model: ModelOpt = None,
    threads: ThreadsOpt = 0,
    config: ConfigOpt = None,
) -> None:
    """Build (or refresh) the index of a corpus and print its manifest."""
    try:
        checker = _checker(
            sources, index, _settings(config, model, threads), columns=parse_columns(source_columns), rebuild=rebuild
        )
    except FactcheckError as exc:
        raise fail(exc) from None
    for key, value in checker.index.manifest.items():
        typer.echo(f"{key}: {value}")


def main() -> None:
    app()
