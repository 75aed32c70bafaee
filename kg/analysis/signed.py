"""The stance between two actors and the signed graph of all stances."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx

from .reading import GraphLike, actor_id, as_networkx, is_place, name_of, pair_edges
from .signs import EPS, net_mass, resolve_signs, stance_ratio


def stance(
    G: GraphLike,
    a: str,
    b: str,
    *,
    directed: bool = False,
    signs: Mapping[str, int] | None = None,
    confidence: bool = True,
) -> dict[str, Any]:
    """Net stance between two actors, in [-1, 1], with the evidence behind it.

    Each relation between the two contributes its alignment sign (:data:`SIGNS`) times the
    confidence of each of its evidences; the stance is the signed sum over the unsigned sum, so
    +1 is pure cooperation, -1 pure conflict, and 0 either mixed evenly or no signed tie.

    Parameters
    ----------
    G : KnowledgeGraph or networkx.MultiDiGraph
    a, b : str
        Actors (id, name or alias).
    directed : bool
        Only count relations from ``a`` to ``b`` (default: both directions).
    signs : mapping, optional
        Overrides of :data:`SIGNS`.
    confidence : bool
        Weigh each evidence by its confidence (default); ``False`` counts evidence sentences, as
        the ``weight`` of the Cypher library does.

    Returns
    -------
    dict
        ``{"a", "b", "stance", "evidence", "positive", "negative", "relations"}``: ``evidence``
        is the number of signed evidences, ``positive``/``negative`` the summed confidences,
        ``relations`` the count of evidences per relation type.

    Examples
    --------
    >>> from kg.analysis import from_triples
    >>> G = from_triples([("Turkey", "BACKS", "SNA"), ("Turkey", "BACKS", "SNA"),
    ...                   ("SNA", "CRITICIZES", "Turkey")])
    >>> s = stance(G, "Turkey", "SNA")
    >>> s["stance"], s["evidence"], s["relations"]
    (0.3333, 3, {'BACKS': 2, 'CRITICIZES': 1})
    >>> stance(G, "Turkey", "SNA", directed=True)["stance"]
    1.0
    """
    g = as_networkx(G)
    ia, ib = actor_id(g, a), actor_id(g, b)
    pos, neg, n, per_type = net_mass(g, pair_edges(g, ia, ib, directed), resolve_signs(signs), confidence)
    return {
        "a": name_of(g, ia),
        "b": name_of(g, ib),
        "stance": stance_ratio(pos, neg),
        "evidence": n,
        "positive": round(pos, 4),
        "negative": round(neg, 4),
        "relations": dict(sorted(per_type.items())),
    }


def signed_graph(
    G: GraphLike,
    *,
    signs: Mapping[str, int] | None = None,
    include_places: bool = False,
    confidence: bool = True,
) -> nx.Graph:
    """Collapse the actor graph into an undirected signed graph.

    One node per actor (LOCATION actors left out unless ``include_places``), and one edge per
    pair of actors whose net stance is not zero.

    Parameters
    ----------
    G : KnowledgeGraph or networkx.MultiDiGraph
    signs : mapping, optional
        Overrides of :data:`SIGNS`.
    include_places : bool
        Keep LOCATION actors.
    confidence : bool
        Weigh each evidence by its confidence (default); ``False`` counts evidence sentences, as
        the ``weight`` of the Cypher library does.

    Returns
    -------
    networkx.Graph
        Nodes carry ``name`` and ``type``; edges carry ``sign`` (+1 or -1), ``stance`` (in
        [-1, 1]), ``weight`` (the absolute net evidence mass), ``evidence`` (number of signed
        evidences) and ``relations`` (``[(source_id, RELATION, target_id), ...]``).

    Examples
    --------
    >>> from kg.analysis import from_triples
    >>> G = from_triples([("A", "BACKS", "B"), ("B", "ATTACKS", "C"), ("A", "CALLS_ON", "C")])
    >>> S = signed_graph(G)
    >>> sorted((u, v, d["sign"]) for u, v, d in S.edges(data=True))
    [('a', 'b', 1), ('b', 'c', -1)]
    """
    g = as_networkx(G)
    sg = resolve_signs(signs)
    S = nx.Graph()
    for n, d in sorted(g.nodes(data=True)):
        if include_places or not is_place(g, n):
            S.add_node(n, name=d.get("name", n), type=d.get("type"))
    pairs = sorted({tuple(sorted((u, v))) for u, v in g.edges() if u != v and u in S and v in S})
    for u, v in pairs:
        edges = pair_edges(g, u, v)
        pos, neg, n, _ = net_mass(g, edges, sg, confidence)
        if abs(pos - neg) <= EPS:
            continue
        S.add_edge(
            u,
            v,
            sign=1 if pos > neg else -1,
            stance=stance_ratio(pos, neg),
            weight=round(abs(pos - neg), 4),
            evidence=n,
            relations=[e for e in edges if sg.get(e[2], 0) != 0],
        )
    return S
