"""`kg analyze`: alliance blocs, frustrated ties, top actors and changed ties of a corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from .. import analysis
from ..graph import KnowledgeGraph
from .common import Actors, FromJsonl, exit_if_errors, fail, read_graph


def report(graph: KnowledgeGraph, *, k: int | None = None, since: str | None = None, top: int = 10) -> dict[str, Any]:
    """The JSON object `kg analyze` prints: blocs, frustration, centrality and changes."""
    result = analysis.blocs(graph, k=k)
    return {
        "blocs": [
            {
                "id": b["id"],
                "members": b["members"],
                "ids": b["ids"],
                "size": b["size"],
                "positive_ties": b["positive_ties"],
                "negative_ties": b["negative_ties"],
            }
            for b in result["blocs"]
        ],
        "frustration": result["frustration"],
        "frustrated": result["frustrated"],
        "unaligned": result["unaligned"],
        "centrality": analysis.centrality(graph, top=top),
        "changes": analysis.changes(graph, since=since),
    }


def _print_tables(data: dict[str, Any]) -> None:
    # Names come from articles: never let "[...]" in them read as rich markup.
    console = Console(markup=False, highlight=False)
    if not console.is_terminal:
        # piped or redirected: wide rows read better than columns wrapped at 80 characters
        console = Console(markup=False, highlight=False, width=200)
    blocs = Table(title="Alliance blocs (structural balance)")
    for col in ("#", "size", "members"):
        blocs.add_column(col)
    for i, b in enumerate(data["blocs"], 1):
        if b["size"] > 1:
            blocs.add_row(str(i), str(b["size"]), ", ".join(b["members"]))
    console.print(blocs)
    alone = [b["members"][0] for b in data["blocs"] if b["size"] == 1]
    if alone:
        console.print(f"Alone in their bloc: {', '.join(alone)}")
    if data["unaligned"]:
        console.print(f"No signed tie: {', '.join(data['unaligned'])}")

    if data["frustrated"]:
        frustrated = Table(title=f"Frustrated ties: {data['frustration']}")
        for col in ("actors", "why", "relations"):
            frustrated.add_column(col)
        for f in data["frustrated"]:
            rels = "; ".join(f"{h['source']} {h['relation']} {h['target']} (x{h['weight']})" for h in f["relations"])
            frustrated.add_row(f"{f['a']} - {f['b']}", f["why"], rels)
        console.print(frustrated)
    else:
        console.print("Frustrated ties: 0 (every positive tie inside a bloc, every negative one between blocs)")

    central = Table(title="Top actors")
    for col in ("rank", "actor", "type", "degree", "betweenness", "evidence"):
        central.add_column(col)
    for r in data["centrality"]:
        central.add_row(
            str(r["rank"]),
            r["actor"],
            str(r["type"]),
            str(r["degree"]),
            f"{r['betweenness']:.3f}",
            str(r["evidence"]),
        )
    console.print(central)

    if data["changes"]:
        changed = Table(title=f"Changed ties: {len(data['changes'])}")
        for col in ("date", "change", "since"):
            changed.add_column(col)
        for c in data["changes"]:
            changed.add_row(c["date"], c["description"], c["from_date"])
        console.print(changed)
    else:
        console.print("Changed ties: 0 (no tie changed sign between dated articles)")


def analyze(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Articles (.txt, folders, article JSONL) or a saved extraction JSONL.",
                       show_default=False),
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    k: Annotated[int | None, typer.Option("--k", help="At most this many blocs (default: as the data says).")] = None,
    since: Annotated[str | None, typer.Option(help="Only changes on or after this date (YYYY-MM-DD).")] = None,
    top: Annotated[int, typer.Option(help="Rows of the top-actors table.")] = 10,
    actors: Actors = None,
    from_jsonl: FromJsonl = None,
) -> None:
    """Print alliance blocs, frustrated ties, top actors and changed ties.

    Example: kg analyze examples/timeline/articles.jsonl --since 2024-01-01
    """
    if format not in ("table", "json"):
        fail(f"--format must be table or json, not {format!r}")
    if not paths and not from_jsonl:
        fail("nothing to analyze: give article paths (or --from-jsonl FILE)")
    graph, problems = read_graph(paths, actors, from_jsonl)
    data = report(graph, k=k, since=since, top=top)
    if format == "json":
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        _print_tables(data)
    exit_if_errors(problems)
