"""Choosing what a view draws: relation types, evidence counts, the neighbourhood of one actor."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import TypeVar

import networkx as nx

from ..errors import InputError
from ..model import ONTOLOGY
from .reading import ActorGraph

GraphT = TypeVar("GraphT", bound=ActorGraph)


def select(
    graph: GraphT,
    *,
    relations: Iterable[str] | None = None,
    min_weight: int = 1,
    focus: str | None = None,
    depth: int = 1,
) -> GraphT:
    """Return the part of ``graph`` a view should draw, as a new graph.

    Edges are filtered first (by relation type and by number of evidences); when any
    edge filter is given, actors left without a relation are dropped.  ``focus`` then
    keeps the actors within ``depth`` hops of one actor, following the kept edges in
    either direction.

    Parameters
    ----------
    graph : KnowledgeGraph
        The graph to select from; it is not modified.
    relations : iterable of str, optional
        Relation types to keep (case-insensitive); all when omitted.
    min_weight : int, default 1
        Keep edges with at least this many evidence sentences.
    focus : str, optional
        Name, alias or id of the actor whose neighbourhood is drawn.
    depth : int, default 1
        Number of hops around ``focus``.

    Returns
    -------
    KnowledgeGraph
        A deep copy of the selected actors and relations, with every document's metadata.

    Raises
    ------
    InputError
        On an unknown relation type, an unknown focus actor, or a negative depth.

    Examples
    --------
    >>> from kg.graph import KnowledgeGraph
    >>> from kg.model import Actor, Document, Evidence, Extraction, Relation
    >>> g = KnowledgeGraph()
    >>> ev = Evidence("d", "Russia backs Assad.", 0, 19, "verb", 0.9)
    >>> g.add(Extraction(Document("d", ""), [Actor("russia", "Russia", "STATE"),
    ...       Actor("assad", "Assad", "PERSON"), Actor("iran", "Iran", "STATE")],
    ...       [Relation("russia", "BACKS", "assad", [ev])]))
    >>> len(select(g)), len(select(g, relations=["BACKS"])), len(select(g, relations=["ATTACKS"]))
    (3, 2, 0)
    """
    G = graph.to_networkx()
    wanted: set[str] | None = None
    if relations is not None:
        wanted = {r.strip().upper() for r in relations if r.strip()}
        unknown = sorted(wanted - set(ONTOLOGY))
        if unknown:
            raise InputError(
                f"unknown relation type {', '.join(unknown)}; known: {', '.join(ONTOLOGY)}"
            )
    if depth < 0:
        raise InputError(f"--depth must be 0 or more, not {depth}")
    edges = [
        (u, v, k)
        for u, v, k, d in G.edges(keys=True, data=True)
        if (wanted is None or k in wanted) and d.get("weight", 0) >= min_weight
    ]
    filtered = wanted is not None or min_weight > 1
    keep: set[str] = {n for u, v, _ in edges for n in (u, v)} if filtered else set(G)
    focus_id = None
    if focus is not None:
        focus_id = graph.find_actor(focus)
        if focus_id is None:
            raise InputError(f"no actor called {focus!r} in the graph")
        keep.add(focus_id)
        hops = nx.Graph()
        hops.add_nodes_from(keep)
        hops.add_edges_from((u, v) for u, v, _ in edges)
        keep = set(nx.single_source_shortest_path_length(hops, focus_id, cutoff=depth))
    H = nx.MultiDiGraph()
    H.graph.update(copy.deepcopy(G.graph))
    H.add_nodes_from((n, copy.deepcopy(d)) for n, d in G.nodes(data=True) if n in keep)
    H.add_edges_from(
        (u, v, k, copy.deepcopy(G.edges[u, v, k])) for u, v, k in edges if u in keep and v in keep
    )
    if focus_id is not None:
        H.graph["focus"] = focus_id
    # a graph of the same class as the one given (a KnowledgeGraph wraps a MultiDiGraph)
    return type(graph)(H)
