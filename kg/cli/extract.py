"""`kg extract`: articles in, actors and relations out (JSONL or GraphML)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..graph import KnowledgeGraph
from ..inputs import InputReport, read_documents
from . import app, fail


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    graphml = "graphml"


def extract_with_progress(paths: list[Path], actors: Path | None, report: InputReport) -> KnowledgeGraph:
    """Run the pipeline over ``paths`` with a progress bar on a terminal."""
    from ..pipeline import extract

    documents = list(read_documents(paths, report))
    show = sys.stderr.isatty() and len(documents) > 1
    with Progress(
        TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        transient=True, disable=not show, console=None,
    ) as progress:
        task = progress.add_task("extract", total=len(documents))
        graph = extract(documents, actors_file=actors, progress=lambda _d: progress.advance(task))
    return graph


@app.command("extract")
def extract_command(
    paths: Annotated[list[Path], typer.Argument(help="Articles: .txt files, folders of them, or JSONL "
                                                     "(one article a line: id, text, title, date, url).")],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.jsonl,
    actors: Annotated[Path | None, typer.Option(
        "--actors", help="Your own actors (JSONL, the format of kg/data/actors.jsonl), added to the built-in ones.",
    )] = None,
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="Write here instead of standard output.")] = None,
) -> None:
    """Extract actors and typed, directed relations (with their evidence sentences) from news articles.

    Example: kg extract examples/ -o graph.jsonl
    """
    report = InputReport()
    graph = extract_with_progress(paths, actors, report)
    for message in report.errors:
        typer.echo(f"kg: error: {message}", err=True)
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
    if output_format is OutputFormat.graphml:
        if output is None:
            graph.write_graphml(sys.stdout.buffer)
        else:
            graph.write_graphml(output)
    else:
        text = graph.to_jsonl()
        if output is None:
            sys.stdout.write(text)
        else:
            output.write_text(text, encoding="utf-8")
    if output is not None:
        n_rel = graph.to_networkx().number_of_edges()
        typer.echo(f"kg: {len(graph.documents)} documents, {len(graph)} actors, {n_rel} relations -> {output}",
                   err=True)
    if report.errors:
        fail(f"{len(report.errors)} input(s) could not be read (see above); the others were processed")
