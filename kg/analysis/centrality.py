"""Who matters: degree and betweenness of the actors, as table rows."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

from .reading import GraphLike, as_networkx, edge_evidence, is_place, name_of


def centrality(G: GraphLike, *, include_places: bool = False, top: int | None = None) -> list[dict[str, Any]]:
    """Who matters: degree and betweenness on the undirected actor graph, as table rows.

    Every relation (neutral ones too) links two actors; LOCATION actors are left out unless
    ``include_places``.

    Parameters
    ----------
    G : KnowledgeGraph or networkx.MultiDiGraph
    include_places : bool
        Keep LOCATION actors.
    top : int, optional
        Only the first rows.

    Returns
    -------
    list of dict
        ``{"rank", "actor", "id", "type", "degree", "betweenness", "relations", "evidence",
        "mentions"}``: ``degree`` counts distinct neighbours, ``betweenness`` is normalised,
        ``relations`` counts typed edges and ``evidence`` their evidences; sorted by
        betweenness, degree, evidence, then name.

    Examples
    --------
    >>> from kg.analysis import from_triples
    >>> G = from_triples([("A", "BACKS", "B"), ("B", "ATTACKS", "C"), ("B", "CALLS_ON", "D")])
    >>> [(r["actor"], r["degree"], r["betweenness"]) for r in centrality(G)]
    [('B', 3, 1.0), ('A', 1, 0.0), ('C', 1, 0.0), ('D', 1, 0.0)]
    """
    g = as_networkx(G)
    keep = [n for n in g if include_places or not is_place(g, n)]
    U = nx.Graph()
    U.add_nodes_from(keep)
    rels: dict[str, int] = defaultdict(int)
    evid: dict[str, int] = defaultdict(int)
    for u, v, k in g.edges(keys=True):
        if u in U and v in U:
            for n in {u, v}:
                rels[n] += 1
                evid[n] += len(edge_evidence(g, u, v, k))
            if u != v:
                U.add_edge(u, v)
    between = nx.betweenness_centrality(U) if len(U) > 2 else dict.fromkeys(U, 0.0)
    rows = [
        {
            "actor": name_of(g, n),
            "id": n,
            "type": g.nodes[n].get("type"),
            "degree": U.degree(n),
            "betweenness": round(between[n], 4),
            "relations": rels[n],
            "evidence": evid[n],
            "mentions": g.nodes[n].get("mentions", 0),
        }
        for n in U
    ]
    rows.sort(key=lambda r: (-r["betweenness"], -r["degree"], -r["evidence"], r["actor"]))
    rows = rows[:top] if top is not None else rows
    return [{"rank": i, **r} for i, r in enumerate(rows, 1)]
