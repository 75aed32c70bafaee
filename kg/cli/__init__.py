"""The `kg` command line: a thin layer over the library.  Only this package prints.

Every command is a plain function in its module (``fetch``, ``extract``, ``neo4j``, ``view``,
``analyze``, ``evaluate``); :data:`COMMANDS` and :data:`GROUPS` are the one table that puts them on :data:`app`.
A run imports only the module of the command it runs (``kg extract`` never loads the view or
Neo4j code); ``kg --help`` imports them all.  What the commands share (``--param``, output
formats, reading inputs, the error line) is in :mod:`kg.cli.common`.
"""

from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Callable
from typing import Any

from ..errors import KgError
from .common import app, error, fail

__all__ = ["COMMANDS", "GROUPS", "app", "fail", "main"]

# name -> "module:function" of kg.cli; the order is the order of `kg --help`
COMMANDS: dict[str, str] = {
    "fetch": "fetch:fetch_command",
    "extract": "extract:extract_command",
    "load": "neo4j:load",
    "query": "neo4j:query",
    "view": "view:view",
    "analyze": "analyze:analyze",
    "eval": "evaluate:eval_command",
}
# name -> "module:typer app" of a group of sub-commands
GROUPS: dict[str, str] = {
    "neo4j": "neo4j:neo4j_app",
}


def _target(spec: str) -> Any:
    module, attribute = spec.split(":")
    return getattr(importlib.import_module(f"{__name__}.{module}"), attribute)


def _register(only: str | None = None) -> None:
    """Put the commands of the table on :data:`app`: all of them, or only the one named ``only``.

    Examples
    --------
    >>> _register("extract"); [c.name for c in app.registered_commands]
    ['extract']
    >>> _register(); len(app.registered_commands) + len(app.registered_groups) == len(COMMANDS) + len(GROUPS)
    True
    """
    app.registered_commands.clear()
    app.registered_groups.clear()
    for name, spec in COMMANDS.items():
        if only in (None, name):
            command: Callable[..., Any] = _target(spec)
            app.command(name)(command)
    for name, spec in GROUPS.items():
        if only in (None, name):
            app.add_typer(_target(spec), name=name)


def main() -> None:
    """Entry point of the `kg` console script: a :class:`~kg.errors.KgError` is one line and exit 1."""
    logging.basicConfig(level=logging.WARNING, format="kg: %(levelname)s: %(message)s")
    named = next((a for a in sys.argv[1:] if not a.startswith("-")), None)
    _register(named if named in COMMANDS or named in GROUPS else None)
    try:
        app()
    except KgError as e:
        error(str(e))
        sys.exit(1)
