"""`kg eval`: score an extraction against your own hand-annotated articles."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..evaluation import GoldSet, Predictions, format_report, score
from .common import Actors, exit_if_errors, fail, print_json, read_graph


class ReportFormat(StrEnum):
    """How the score is printed."""

    text = "text"
    json = "json"


def eval_command(
    gold_dir: Annotated[Path, typer.Argument(
        help="A gold folder: actors.jsonl, relations.jsonl, optional equivalents.json, and the articles "
             "as <doc id>.txt.")],
    paths: Annotated[list[Path] | None, typer.Argument(
        help="What to score: saved extractions (kg extract JSONL) or articles to extract. "
             "Default: the gold folder's own articles.", show_default=False)] = None,
    actors: Actors = None,
    output_format: Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")] = ReportFormat.text,
    listing: Annotated[bool, typer.Option("--list/--no-list", help="List the misses and false hits.")] = True,
) -> None:
    """Score extracted relations against a gold set: precision, recall and F1 overall, per relation
    type and per rule, with the misses and false hits listed.

    Example: kg eval my-gold/            (extracts my-gold/*.txt and scores them)

    Example: kg eval my-gold/ out.jsonl --format json
    """
    gold = GoldSet.read(gold_dir)
    inputs = list(paths or gold.articles())
    if not inputs:
        fail(f"{gold_dir}: the gold folder holds no <doc id>.txt article; give the articles or an extraction")
    graph, report = read_graph(inputs, actors=actors)
    result = score(gold, Predictions.from_graph(graph))
    if output_format is ReportFormat.json:
        print_json(result.to_dict())
    else:
        typer.echo(format_report(result, listing=listing))
    exit_if_errors(report)
