"""What the `factcheck` commands and the `factcheck eval` commands share: options, the settings
they read, and how a factcheck error ends a command."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .config import Settings
from .errors import FactcheckError, InputError

EXIT_ERROR = 1

IndexOpt = Annotated[Path | None, typer.Option("--index", help="Index folder.", show_default="per-user cache")]
SourceColumnsOpt = Annotated[
    str | None,
    typer.Option("--source-columns", help='A table corpus\'s columns for our fields: "text=claim,url=link".'),
]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="Settings TOML (keys as in factcheck.Settings).")]


def load_settings(config: Path | None) -> Settings:
    """The settings of a --config file, or the defaults."""
    return Settings.from_toml(config) if config else Settings()


def fail(exc: FactcheckError) -> typer.Exit:
    """Print the error's message (it says what to do) and end the command with EXIT_ERROR."""
    typer.echo(f"error: {exc}", err=True)
    return typer.Exit(EXIT_ERROR)


def parse_columns(value: str | None) -> dict[str, str] | None:
    """ "text=claim,url=link" → {"text": "claim", "url": "link"}."""
    if not value:
        return None
    pairs = [item.split("=", 1) for item in value.split(",") if item.strip()]
    if any(len(pair) != 2 or not pair[0].strip() or not pair[1].strip() for pair in pairs):
        raise InputError(f"--source-columns {value!r}: write FIELD=COLUMN pairs, e.g. text=claim,url=link")
    return {field.strip(): column.strip() for field, column in pairs}
