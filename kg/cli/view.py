"""`kg view`: write the actor graph as one interactive, offline HTML page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from .. import analysis
from .. import view as kgview
from ..graph import KnowledgeGraph
from ..inputs import InputReport
from ..view import ASSETS
from .common import Actors, FromJsonl, Params, exit_if_errors, fail, parse_params, read_graph


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)


def query_graph(name: str, params: dict[str, str]) -> KnowledgeGraph:
    """Run the Cypher library query ``name`` on Neo4j and return what it is about as a graph.

    A query that returns nodes, relationships or paths is drawn as it is.  The library's
    queries return names and ids; those that name an actor (name, alias or id) are drawn
    with every typed relation between two of them (``kg/assets/subgraph.cypher``).
    """
    from ..store import connect, queries, split_statements

    with connect() as db:
        rows = db.run_query(name, params)
        query = queries()[name]
        graph = db.read_graph(split_statements(query.text)[0], query.bind(params))
        if len(graph):
            return graph
        texts = {t.strip() for t in _strings(rows) if 0 < len(t.strip()) <= 200}
        ids = sorted({i for t in texts for i in db.resolve_actor(t)})
        cypher = (ASSETS / "subgraph.cypher").read_text(encoding="utf-8")
        return db.read_graph(split_statements(cypher)[0], {"ids": ids})


def _title(paths: list[Path], query: str | None) -> str:
    if query:
        return f"Query: {query}"
    names = [p.name or str(p) for p in paths]
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


def _caption(focus: str | None, depth: int, relations: list[str] | None, min_weight: int,
             params: dict[str, str]) -> str:
    parts = [f"{k}={v}" for k, v in params.items()]
    if focus:
        parts.append(f"around {focus} ({depth} {'hop' if depth == 1 else 'hops'})")
    if relations:
        parts.append("only " + ", ".join(relations))
    if min_weight > 1:
        parts.append(f"at least {min_weight} evidence sentences")
    return "; ".join(parts)


#: What --group-by accepts.
GROUP_BY = ("type", "bloc")


def bloc_groups(graph: KnowledgeGraph) -> dict[str, str]:
    """``{actor id: "Bloc N"}`` for the actors of every alliance bloc of two or more (:func:`kg.analysis.blocs`)."""
    result = analysis.blocs(graph)
    return {n: f"Bloc {b['id']}" for b in result["blocs"] if b["size"] > 1 for n in b["ids"]}


def view(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Articles (.txt, folders, article JSONL) or saved extraction JSONL files."),
    ] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path("graph.html"),
    query: Annotated[
        str | None, typer.Option("--query", "-q", help="Draw the result of this Cypher library query.")
    ] = None,
    param: Params = None,
    focus: Annotated[str | None, typer.Option(help="Draw only the neighbourhood of this actor.")] = None,
    depth: Annotated[int, typer.Option(help="Hops around --focus.")] = 1,
    relations: Annotated[
        str | None, typer.Option(help="Comma-separated relation types to draw, e.g. BACKS,ATTACKS.")
    ] = None,
    min_weight: Annotated[int, typer.Option(help="Draw edges with at least this many evidences.")] = 1,
    title: Annotated[str | None, typer.Option(help="Page title (default: the inputs or the query).")] = None,
    size_by: Annotated[str, typer.Option(help="Node size by mentions or degree.")] = "mentions",
    evidence: Annotated[int, typer.Option(help="Evidence sentences quoted per edge tooltip.")] = 3,
    hide_isolated: Annotated[
        bool,
        typer.Option("--hide-isolated/--show-isolated",
                     help="Start with actors that have no drawn relation hidden or shown (a page toggle)."),
    ] = True,
    group_by: Annotated[
        str | None,
        typer.Option(help="Lay out and name groups of actors: by type, or by alliance bloc (kg analyze's blocs)."),
    ] = None,
    seed: Annotated[int, typer.Option(help="Layout seed.")] = 7,
    actors: Actors = None,
    from_jsonl: FromJsonl = None,
) -> None:
    """Write an interactive HTML view of the actor graph (works offline, from disk or mail)."""
    paths = paths or []
    if bool(paths or from_jsonl) == bool(query):
        fail("give either articles / extraction files (PATH...) or --query NAME")
    if param and not query:
        fail("--param goes with --query")
    if size_by not in kgview.SIZE_BY:
        fail(f"--size-by must be one of {', '.join(kgview.SIZE_BY)}, not {size_by!r}")
    if evidence < 0:
        fail("--evidence must be 0 or more")
    if group_by not in (None, *GROUP_BY):
        fail(f"--group-by must be one of {', '.join(GROUP_BY)}, not {group_by!r}")
    wanted = [r.strip().upper() for r in relations.split(",") if r.strip()] if relations else None
    params = parse_params(param or [])
    graph, problems = (query_graph(query, params), InputReport()) if query else read_graph(paths, actors, from_jsonl)
    filtered = wanted is not None or min_weight > 1 or focus is not None
    # select copies the graph; without a filter the whole graph is drawn as it is (the view never changes it)
    drawn = graph
    if filtered:
        drawn = kgview.select(graph, relations=wanted, min_weight=min_weight, focus=focus, depth=depth)
    kgview.write(
        drawn,
        output,
        title=title or _title(paths or from_jsonl or [], query),
        caption=_caption(focus, depth, wanted, min_weight, params) or None,
        size_by=size_by,
        max_evidence=evidence,
        seed=seed,
        hide_isolated=hide_isolated,
        group_by=bloc_groups(drawn) if group_by == "bloc" else group_by,
    )
    G = drawn.to_networkx()
    typer.echo(f"wrote {output}: {G.number_of_nodes()} actors, {G.number_of_edges()} relations")
    exit_if_errors(problems)
