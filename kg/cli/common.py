"""What every `kg` command shares: the app, the one error line, ``--param``, output formats and
the one way to read inputs into a graph.

Only the CLI prints.  A bad input is one line ``kg: error: ...`` on standard error, the good
inputs are still processed, and the command ends with exit status 1 (:func:`exit_if_errors`).
"""

from __future__ import annotations

import csv
import io
import json
import logging
import sys
from collections.abc import Iterable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from ..graph import KnowledgeGraph
from ..inputs import InputReport

app = typer.Typer(
    name="kg",
    help="Turn news articles into a knowledge graph of political and armed actors and their relations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)



@app.callback()
def _kg() -> None:
    """Turn news articles into a knowledge graph of political and armed actors and their relations."""
    # a callback keeps `kg COMMAND` a command of a group even when only that command is registered


Actors = Annotated[
    Path | None,
    typer.Option("--actors", help="Your own actors (JSONL, the format of kg/data/actors.jsonl), added to the "
                                  "built-in ones."),
]
FromJsonl = Annotated[
    list[Path] | None,
    typer.Option("--from-jsonl", help="A saved extraction (`kg extract --format jsonl`); repeatable."),
]
Verbose = Annotated[
    bool, typer.Option("--verbose", "-v", help="Also say what was done to the texts (page furniture blanked, ...)."),
]
Jobs = Annotated[
    int | None, typer.Option("--jobs", "-j", min=1, help="Processes that parse articles [default: the number of cores]",
                             show_default=False),
]
Params = Annotated[
    list[str] | None, typer.Option("--param", "-p", help="Query parameter NAME=VALUE; repeatable.",
                                   show_default=False),
]


class GraphFormat(StrEnum):
    """How a whole graph is written."""

    jsonl = "jsonl"
    graphml = "graphml"


class RowsFormat(StrEnum):
    """How rows (query results, tables) are printed."""

    table = "table"
    json = "json"
    csv = "csv"


def set_verbose(verbose: bool) -> None:
    """With ``-v``, the library's notes on what it did to each text (logged at INFO) are shown.

    Examples
    --------
    >>> set_verbose(False); logging.getLogger("kg").level == logging.INFO
    False
    """
    if verbose:
        logging.getLogger("kg").setLevel(logging.INFO)


def error(message: str) -> None:
    """Print one error line ``kg: error: MESSAGE`` on standard error.

    Examples
    --------
    >>> error("news.txt: empty file")  # standard error: kg: error: news.txt: empty file
    """
    typer.echo(f"kg: error: {message}", err=True)


def warning(message: str) -> None:
    """Print one warning line ``kg: warning: MESSAGE`` on standard error (the exit status stays 0).

    Examples
    --------
    >>> warning("b/news.txt: document id 'news' is already used by another article; this one is 'news-2'")
    """
    typer.echo(f"kg: warning: {message}", err=True)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one clean error line and exit non-zero.

    Examples
    --------
    >>> fail("give a query name")
    Traceback (most recent call last):
    ...
    typer.exceptions.Exit: 1
    """
    error(message)
    raise typer.Exit(code)


def parse_params(pairs: Iterable[str], typed: bool = False) -> dict[str, Any]:
    """Turn ``["name=value", ...]`` into ``{"name": "value"}``.

    Parameters
    ----------
    pairs : iterable of str
        The ``--param`` values as given.
    typed : bool
        Read numbers, booleans and null as JSON (ad-hoc Cypher declares no kinds).

    Examples
    --------
    >>> parse_params(["actor=Assad", "min_weight=2"], typed=True)
    {'actor': 'Assad', 'min_weight': 2}
    """
    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            fail(f"--param takes key=value, not {pair!r}")
        parsed: Any = value
        if typed:
            try:
                candidate = json.loads(value)
            except ValueError:
                candidate = value
            if not isinstance(candidate, str | dict):
                parsed = candidate
        out[key.strip()] = parsed
    return out


def cell(value: Any) -> str:
    """Render one value of a row as text: lists joined by ``; ``, nested data as JSON.

    Examples
    --------
    >>> cell(["HTS", "Turkey"]), cell(None), cell(True), cell({"a": 1})
    ('HTS; Turkey', '', 'true', '{"a": 1}')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list) and all(not isinstance(v, dict | list) for v in value):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def console(width: int = 240) -> Console:
    """A console that never reads article text as rich markup; wide rows when piped.

    Examples
    --------
    >>> console().print("[red]HTS[/red]")
    [red]HTS[/red]
    """
    out = Console(markup=False, highlight=False, emoji=False)
    return out if out.is_terminal else Console(markup=False, highlight=False, emoji=False, width=width)


def print_json(data: Any) -> None:
    """Print ``data`` as indented JSON.

    Examples
    --------
    >>> print_json({"actor": "Assad"})
    {
      "actor": "Assad"
    }
    """
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def print_rows(rows: Sequence[dict[str, Any]], columns: list[str], fmt: RowsFormat) -> None:
    """Print rows as a table (with a count), a JSON array of objects or CSV with a header.

    Examples
    --------
    >>> print_rows([{"backer": "Iran", "evidence": 2}], ["backer", "evidence"], RowsFormat.csv)
    backer,evidence
    Iran,2
    """
    if fmt is RowsFormat.json:
        print_json(list(rows))
        return
    if fmt is RowsFormat.csv:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([cell(row.get(c)) for c in columns])
        sys.stdout.write(buf.getvalue())
        return
    table = Table(*columns)
    for row in rows:
        table.add_row(*(cell(row.get(c)) for c in columns))
    out = console()
    out.print(table)
    out.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}")


def read_graph(
    paths: Sequence[Path] | None,
    actors: Path | None = None,
    from_jsonl: Sequence[Path] | None = None,
    jobs: int | None = None,
) -> tuple[KnowledgeGraph, InputReport]:
    """Read articles and saved extractions into one graph, printing one line per bad input.

    Articles are ``.txt`` files, folders of them and article JSONL; a saved extraction is found
    by its content or given with ``--from-jsonl``.  When no input could be read the command ends
    here (exit 1); otherwise the caller does its work and ends with :func:`exit_if_errors`.

    Examples
    --------
    >>> read_graph([Path("no/such/article.txt")])  # standard error: kg: error: no/such/...
    Traceback (most recent call last):
    ...
    typer.exceptions.Exit: 1
    """
    from ..pipeline import default_jobs, load_graph

    report = new_report()
    with progress_bar() as advance:
        graph = load_graph(paths or [], actors_file=actors, report=report, from_jsonl=from_jsonl or [],
                           progress=advance, jobs=jobs or default_jobs())
    exit_if_nothing_read(report, len(graph.documents))
    return graph, report


def new_report() -> InputReport:
    """An input report that prints each error and warning line as it is met.

    Examples
    --------
    >>> new_report().errors
    []
    """
    return InputReport(on_error=error, on_warning=warning)


def exit_if_nothing_read(report: InputReport, documents: int) -> None:
    """Exit 1 when no input could be read (each has had its line already): there is nothing to do.

    Examples
    --------
    >>> exit_if_nothing_read(InputReport(errors=["a.txt: empty file"]), documents=3)
    """
    if report.errors and not documents:
        raise typer.Exit(1)


class progress_bar:  # noqa: N801 - used as a context manager, like open()
    """A progress bar on a terminal (nothing when piped); yields a function to call per document.

    Examples
    --------
    >>> with progress_bar() as advance:
    ...     advance(None)
    """

    def __enter__(self) -> Any:
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            TextColumn("[bold]extracting"), BarColumn(), TextColumn("{task.completed} documents"),
            TimeElapsedColumn(), transient=True, disable=not sys.stderr.isatty(),
            console=Console(stderr=True),
        )
        self._progress.__enter__()
        task = self._progress.add_task("extract", total=None)
        return lambda _document: self._progress.advance(task)

    def __exit__(self, *exc: object) -> None:
        self._progress.__exit__(*exc)  # type: ignore[arg-type]


def exit_if_errors(report: InputReport) -> None:
    """End with exit status 1 when some input could not be read (each was named already).

    Examples
    --------
    >>> exit_if_errors(InputReport())
    """
    if report.errors:
        fail(f"{len(report.errors)} input(s) could not be read (see above); the others were processed")
