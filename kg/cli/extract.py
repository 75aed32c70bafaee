"""`kg extract`: articles in, actors and relations out (JSONL or GraphML)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .common import Actors, FromJsonl, GraphFormat, Verbose, exit_if_errors, fail, read_graph, set_verbose


def extract_command(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Articles: .txt files, folders of them (read recursively), or JSONL (one article a line: id, text, "
             "title, date, url); saved extractions are read as they are.", show_default=False)] = None,
    output_format: Annotated[GraphFormat, typer.Option("--format", "-f", help="Output format.")] = GraphFormat.jsonl,
    actors: Actors = None,
    from_jsonl: FromJsonl = None,
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="Write here instead of standard output.")] = None,
    verbose: Verbose = False,
) -> None:
    """Extract actors and typed, directed relations (with their evidence sentences) from news articles.

    Example: kg extract examples/ -o graph.jsonl
    """
    set_verbose(verbose)
    if not paths and not from_jsonl:
        fail("nothing to extract: give article paths (or --from-jsonl FILE)")
    graph, report = read_graph(paths, actors, from_jsonl)
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
    if output_format is GraphFormat.graphml:
        graph.write_graphml(sys.stdout.buffer if output is None else output)
    elif output is None:
        sys.stdout.write(graph.to_jsonl())
    else:
        graph.to_jsonl(output)
    if output is not None:
        G = graph.to_networkx()
        typer.echo(f"kg: {len(graph.documents)} documents, {len(graph)} actors, {G.number_of_edges()} relations "
                   f"-> {output}", err=True)
    exit_if_errors(report)
