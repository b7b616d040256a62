"""What the `factcheck` commands and the `factcheck eval` commands share: options, the settings
they read, and how a factcheck error ends a command."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .config import Settings
from .errors import FactcheckError

EXIT_ERROR = 1

IndexOpt = Annotated[Path | None, typer.Option("--index", help="Index folder.", show_default="per-user cache")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="Settings TOML (keys as in factcheck.Settings).")]


def load_settings(config: Path | None) -> Settings:
    """The settings of a --config file, or the defaults."""
    return Settings.from_toml(config) if config else Settings()


def fail(exc: FactcheckError) -> typer.Exit:
    """Print the error's message (it says what to do) and end the command with EXIT_ERROR."""
    typer.echo(f"error: {exc}", err=True)
    return typer.Exit(EXIT_ERROR)
