"""The `kg` command line: a thin layer over the library.  Only this package prints.

Every command is a plain function in its module (``fetch``, ``extract``, ``neo4j``, ``view``, ``analyze``,
``evaluate``);
:data:`COMMANDS` and :data:`GROUPS` are the one table that puts them on :data:`app`.  What the
commands share (``--param``, output formats, reading inputs, the error line) is in
:mod:`kg.cli.common`.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

import typer

from ..errors import KgError
from . import analyze, evaluate, extract, fetch, neo4j, view
from .common import app, error, fail

__all__ = ["COMMANDS", "GROUPS", "app", "fail", "main"]

# name -> command function; the order is the order of `kg --help`
COMMANDS: dict[str, Callable[..., Any]] = {
    "fetch": fetch.fetch_command,
    "extract": extract.extract_command,
    "load": neo4j.load,
    "query": neo4j.query,
    "view": view.view,
    "analyze": analyze.analyze,
    "eval": evaluate.eval_command,
}
# name -> a group of sub-commands
GROUPS: dict[str, typer.Typer] = {
    "neo4j": neo4j.neo4j_app,
}


def _register() -> None:
    """Put every command of the table on :data:`app` (once)."""
    if app.registered_commands or app.registered_groups:
        return
    for name, command in COMMANDS.items():
        app.command(name)(command)
    for name, group in GROUPS.items():
        app.add_typer(group, name=name)


_register()


def main() -> None:
    """Entry point of the `kg` console script: a :class:`~kg.errors.KgError` is one line and exit 1."""
    logging.basicConfig(level=logging.WARNING, format="kg: %(levelname)s: %(message)s")
    try:
        app()
    except KgError as e:
        error(str(e))
        sys.exit(1)
