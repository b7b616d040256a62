"""`factcheck eval ...`: one command per evaluation task, each a shell over one harness call.

Each prints a table of numbers and, with --json-out, writes them as JSON.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from .benchdata import load_checkworthiness, load_claim_evidence, load_qrels, load_queries
from .cli_options import ConfigOpt, IndexOpt, fail, load_settings
from .config import SCORERS, Settings
from .embed import SentenceTransformerEncoder
from .errors import FactcheckError, InputError
from .evaluate import PARTS
from .harness import evaluate_checkworthiness, evaluate_retrieval, evaluate_stance, evaluate_verdicts
from .liar import load_liar, run_liar
from .liar import score as score_liar
from .pipeline import Checker
from .stance import load_stance
from .stancesets import STANCE_SETS
from .stories import load_stories, run_stories, score

eval_app = typer.Typer(help="Measure quality on public benchmark data.", no_args_is_help=True)
JsonOpt = Annotated[Path | None, typer.Option("--json-out", help="Also write the numbers here as JSON.")]


def _emit(title: str, numbers: dict[str, Any], json_out: Path | None) -> None:
    typer.echo(title)
    for key, value in numbers.items():
        if isinstance(value, dict):
            _emit(f"  {key}:", value, None)
        else:
            typer.echo(f"  {key:>16}  {value:.4f}" if isinstance(value, float) else f"  {key:>16}  {value}")
    if json_out:
        json_out.write_text(json.dumps(numbers, indent=2) + "\n", encoding="utf-8")


@eval_app.command("retrieval")
def retrieval(
    corpus: Annotated[Path, typer.Option(help="Documents: BEIR/CheckThat! JSONL, TSV, or a folder of .md.")],
    queries: Annotated[Path, typer.Option(help="Queries: TSV id<TAB>text, or BEIR JSONL.")],
    qrels: Annotated[Path, typer.Option(help="Relevance judgements: TREC qrels or BEIR TSV.")],
    run_out: Annotated[Path | None, typer.Option("--run-out", help="Write the TREC run file here.")] = None,
    top_k: Annotated[int, typer.Option("--top-k", help="Documents ranked per query.")] = 10,
    normalise: Annotated[bool, typer.Option("--normalise/--raw", help="Clean tweets (links, handles).")] = True,
    index: IndexOpt = None,
    config: ConfigOpt = None,
    json_out: JsonOpt = None,
) -> None:
    """Has this claim been checked before? MAP@k, MRR and recall@k of the fused ranking."""
    try:
        checker = Checker.from_sources(corpus, index_dir=index, settings=load_settings(config))
        numbers = evaluate_retrieval(
            checker, load_queries(queries), load_qrels(qrels), top_k=top_k, normalise=normalise,
            run_out=str(run_out) if run_out else None,
        )  # fmt: skip
    except FactcheckError as exc:
        raise fail(exc) from None
    _emit(f"retrieval: {queries.name} against {corpus.name}", numbers, json_out)


@eval_app.command("checkworthiness")
def checkworthiness(
    data: Annotated[
        Path, typer.Argument(help="CheckThat! 2020-5 debates folder, ClaimBuster .json/.csv, or CT22 1A .tsv.")
    ],
    threshold: Annotated[
        float, typer.Option(help="Score from which a sentence is a claim.")
    ] = Settings().checkworthiness_threshold,
    scorer: Annotated[str, typer.Option(help="mixed | learned | heuristic (see factcheck.Settings).")] = "mixed",
    json_out: JsonOpt = None,
) -> None:
    """Which sentences are worth checking? MAP of the ranking, P/R/F1 of the kept claims."""
    try:
        if scorer not in SCORERS:
            raise InputError(f"unknown --scorer {scorer!r}; use one of {', '.join(SCORERS)}")
        encoder = SentenceTransformerEncoder() if scorer != "heuristic" else None
        rows = load_checkworthiness(data)
        numbers = evaluate_checkworthiness(rows, threshold=threshold, scorer=scorer, encoder=encoder)
    except FactcheckError as exc:
        raise fail(exc) from None
    _emit(f"check-worthiness: {data.name}", numbers, json_out)


@eval_app.command("verdicts")
def verdicts(
    data: Annotated[Path, typer.Argument(help="Claims with evidence sentences: Climate-FEVER JSONL.")],
    limit: Annotated[int, typer.Option(help="Only the first N claims (0: all).")] = 0,
    part: Annotated[
        str, typer.Option(help="all | even | odd claims (the shipped calibration is fit on even, measured on odd).")
    ] = "all",
    config: ConfigOpt = None,
    json_out: JsonOpt = None,
) -> None:
    """Claim + evidence → verdict: accuracy, macro-F1, per-label F1, confusion, ECE and Brier."""
    try:
        if part not in PARTS:
            raise InputError(f"--part {part!r}: use all, even or odd")
        records = load_claim_evidence(data)[PARTS[part]]
        encoder, settings = SentenceTransformerEncoder(), load_settings(config)
        numbers = evaluate_verdicts(records[:limit] if limit else records, encoder=encoder, settings=settings)
    except FactcheckError as exc:
        raise fail(exc) from None
    _emit(f"verdicts: {data.name}", numbers, json_out)


@eval_app.command("stance")
def stance(
    name: Annotated[str, typer.Argument(help=f"Pair set: {' | '.join(STANCE_SETS)}.")],
    nli_dir: Annotated[Path, typer.Option(help="The NLI data folder.")] = Path("../shared/benchmarks/nli"),
    model_dir: Annotated[
        Path | None, typer.Option("--model", help="A stance model folder (default: the shipped one).")
    ] = None,
    json_out: JsonOpt = None,
) -> None:
    """Claim/evidence pairs → the stance model's label: accuracy, macro-F1, per-label F1, pairs/s."""
    try:
        if name not in STANCE_SETS:
            raise InputError(f"unknown pair set {name!r}; use one of {', '.join(STANCE_SETS)}")
        model = load_stance(model_dir) if model_dir else load_stance()
        if model is None:
            where = model_dir or "factcheck/data/stance/"
            raise InputError(f"no stance model in {where} (no manifest.json); train one first")
        numbers = evaluate_stance(STANCE_SETS[name](nli_dir), model)
    except FactcheckError as exc:
        raise fail(exc) from None
    _emit(f"stance: {name}", numbers, json_out)


@eval_app.command("stories")
def stories(
    root: Annotated[Path, typer.Argument(help="The stories folder (benchmarks/stories).")],
    half: Annotated[
        str,
        typer.Option(
            help="tune | fresh | locked | reserve | spare | all, or several joined by commas: which stories"
            " (tune and fresh: to build with; the others only to report)."
        ),
    ],
    config: ConfigOpt = None,
    json_out: JsonOpt = None,
) -> None:
    """News stories with planted errors: catch rate per error kind, false support, faithful claims
    supported, absent evidence, opinion set aside, precision and coverage of decisive verdicts, and
    every miss with its reason."""
    try:
        selected = load_stories(root, half=half)
        checker = Checker.for_corpora(settings=load_settings(config))
        numbers = score(run_stories(selected, checker))
    except FactcheckError as exc:
        raise fail(exc) from None
    misses = numbers.pop("misses")
    _emit(f"stories: {len(selected)} stories ({half}) under {root}", numbers, None)
    typer.echo(f"  misses ({len(misses)}):")
    for line in misses:
        typer.echo(f"    {line}")
    if json_out:
        json_out.write_text(json.dumps({**numbers, "misses": misses}, indent=2) + "\n", encoding="utf-8")


@eval_app.command("liar")
def liar(
    data: Annotated[Path, typer.Argument(help="LIAR-PLUS JSON Lines (../shared/benchmarks/liar-plus/val2.jsonl).")],
    part: Annotated[str, typer.Option(help="all | even | odd: which records to look up (all are pooled).")] = "all",
    config: ConfigOpt = None,
    json_out: JsonOpt = None,
) -> None:
    """PolitiFact claims looked up against the pooled fact-check justifications: precision and
    coverage of decisive verdicts on true/mostly-true vs false/pants-fire claims, next to the
    majority guess."""
    try:
        if part not in PARTS:
            raise InputError(f"--part {part!r}: use all, even or odd")
        rows = load_liar(data)
        checker = Checker.for_corpora(settings=load_settings(config))
        looked = run_liar(rows, checker)
        numbers = score_liar(looked[PARTS[part]])
    except FactcheckError as exc:
        raise fail(exc) from None
    _emit(f"liar-plus: {data.name} ({part})", numbers, json_out)
