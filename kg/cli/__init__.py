"""The `kg` command line: a thin layer over the library.  Only this package prints.

Each sub-module registers its commands on :data:`app`.
"""

from __future__ import annotations

import logging
import sys

import typer

from ..errors import KgError

app = typer.Typer(
    name="kg",
    help="Turn news articles into a knowledge graph of political and armed actors and their relations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def fail(message: str, code: int = 1) -> None:
    """Print one clean error line and exit non-zero."""
    typer.echo(f"kg: error: {message}", err=True)
    raise typer.Exit(code)


def _register() -> None:
    # Imported for their side effect of adding commands to `app`.
    from . import extract  # noqa: F401

    for optional in ("neo4j", "view", "analyze"):
        try:
            __import__(f"{__name__}.{optional}")
        except ModuleNotFoundError as e:
            if e.name != f"{__name__}.{optional}":
                raise


def main() -> None:
    """Entry point of the `kg` console script."""
    logging.basicConfig(level=logging.WARNING, format="kg: %(levelname)s: %(message)s")
    _register()
    try:
        app()
    except KgError as e:
        typer.echo(f"kg: error: {e}", err=True)
        sys.exit(1)
