"""Chains through the actor graph: backers, adversaries, proxies, and enemy-of-enemy triads."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Any

import networkx as nx

from ..model import ONTOLOGY
from .reading import Edge, GraphLike, actor_id, as_networkx, hop_record, is_place, name_of
from .signed import signed_graph
from .signs import SUPPORT, resolve_signs


def enemy_of_enemy(
    G: GraphLike, *, signs: Mapping[str, int] | None = None, confidence: bool = True
) -> list[dict[str, Any]]:
    """Triads where A and C both stand against B, with the tie between A and C.

    Balance theory expects the enemy of an enemy to be a friend: the triad is ``balanced``
    when A and C are positive, unbalanced (``False``) when they are also at odds, and open
    (``None``) when the graph has no signed tie between them -- a possible alliance.

    Parameters
    ----------
    G : KnowledgeGraph or networkx.MultiDiGraph
    signs : mapping, optional
        Overrides of :data:`SIGNS`.
    confidence : bool
        Weigh each evidence by its confidence (default); ``False`` counts evidence sentences, as
        the ``weight`` of the Cypher library does.

    Returns
    -------
    list of dict
        ``{"a", "b", "c", "a_id", "b_id", "c_id", "ac", "balanced", "ab_stance", "cb_stance",
        "ac_stance"}`` with ``b`` the common enemy, ``a`` before ``c`` by name, and ``ac`` one of
        ``"positive"``, ``"negative"``, ``"absent"``; sorted by B, then A, then C.

    Examples
    --------
    >>> from kg.analysis import from_triples
    >>> G = from_triples([("A", "ATTACKS", "B"), ("C", "OPPOSES", "B"), ("A", "BACKS", "C"),
    ...                   ("D", "CRITICIZES", "B")])
    >>> [(t["a"], t["b"], t["c"], t["ac"], t["balanced"]) for t in enemy_of_enemy(G)]
    [('A', 'B', 'C', 'positive', True), ('A', 'B', 'D', 'absent', None), ('C', 'B', 'D', 'absent', None)]
    """
    g = as_networkx(G)
    S = signed_graph(g, signs=signs, confidence=confidence)
    out = []
    for b in S:
        enemies = sorted((n for n in S[b] if S[b][n]["sign"] < 0), key=lambda n: name_of(g, n))
        for a, c in itertools.combinations(enemies, 2):
            tie = S.get_edge_data(a, c)
            ac = "absent" if tie is None else ("positive" if tie["sign"] > 0 else "negative")
            out.append(
                {
                    "a": name_of(g, a),
                    "b": name_of(g, b),
                    "c": name_of(g, c),
                    "a_id": a,
                    "b_id": b,
                    "c_id": c,
                    "ac": ac,
                    "balanced": None if tie is None else tie["sign"] > 0,
                    "ab_stance": S[a][b]["stance"],
                    "cb_stance": S[c][b]["stance"],
                    "ac_stance": None if tie is None else tie["stance"],
                }
            )
    out.sort(key=lambda t: (t["b"], t["a"], t["c"]))
    return out


# -- support chains ------------------------------------------------------------------------


def _supporters(g: nx.MultiDiGraph, n: str, support: Sequence[str], inward: bool) -> list[tuple[str, Edge]]:
    """The actors that support ``n`` directly (``inward``) or that ``n`` supports, each with the
    edge: ``u -BACKS-> n`` (or ``n -BACKS-> v``), or either side of a symmetric support relation."""
    toward = g.in_edges(n, keys=True) if inward else g.out_edges(n, keys=True)
    away = g.out_edges(n, keys=True) if inward else g.in_edges(n, keys=True)
    out = []
    for u, v, k in toward:
        if k in support and u != v:
            out.append((u if inward else v, (u, v, k)))
    for u, v, k in away:
        if k in support and ONTOLOGY[k].symmetric and u != v:
            out.append((v if inward else u, (u, v, k)))
    return sorted(out)


def _chains_into(
    g: nx.MultiDiGraph, end: str, max_hops: int, support: Sequence[str], avoid: set[str]
) -> list[list[tuple[str, Edge]]]:
    """Every simple support chain ``x -> ... -> end`` of 1..max_hops hops, as lists of
    ``(node, edge)`` from the far end inwards."""
    chains: list[list[tuple[str, Edge]]] = []

    def walk(n: str, path: list[tuple[str, Edge]], seen: set[str]) -> None:
        if len(path) == max_hops:
            return
        for u, e in _supporters(g, n, support, inward=True):
            if u in seen or is_place(g, u):
                continue
            chains.append([(u, e), *path])
            walk(u, [(u, e), *path], seen | {u})

    walk(end, [], {end} | avoid)
    return chains


def _chain_record(g: nx.MultiDiGraph, edges: Sequence[Edge], path: Sequence[str]) -> dict[str, Any]:
    return {"hops": len(edges), "path": [name_of(g, n) for n in path], "chain": [hop_record(g, *e) for e in edges]}


def backers(G: GraphLike, actor: str, *, max_hops: int = 3, support: Sequence[str] = SUPPORT) -> list[dict[str, Any]]:
    """Who backs ``actor``, directly or through intermediaries, with evidence for every hop.

    A chain follows support relations towards the actor: ``Iran -BACKS-> Hezbollah -BACKS->
    Assad``; ALLIED_WITH counts in both directions.

    Parameters
    ----------
    G : KnowledgeGraph or networkx.MultiDiGraph
    actor : str
        Id, name or alias.
    max_hops : int
        Longest chain.
    support : sequence of str
        Relation types that carry support.

    Returns
    -------
    list of dict
        ``{"backer", "backer_id", "hops", "path", "chain"}`` where ``path`` runs from the backer
        to the actor and ``chain`` holds one ``{"source", "relation", "target", "weight",
        "confidence", "evidence"}`` per hop; sorted by hops, then backer.

    Examples
    --------
    >>> from kg.analysis import from_triples
    >>> G = from_triples([("Iran", "BACKS", "Hezbollah"), ("Hezbollah", "BACKS", "Assad"),
    ...                   ("Russia", "BACKS", "Assad")])
    >>> [(b["backer"], b["hops"]) for b in backers(G, "Assad")]
    [('Hezbollah', 1), ('Russia', 1), ('Iran', 2)]
    >>> [h["relation"] + " " + h["target"] for h in backers(G, "Assad")[2]["chain"]]
    ['BACKS Hezbollah', 'BACKS Assad']
    """
    g = as_networkx(G)
    target = actor_id(g, actor)
    out = []
    for chain in _chains_into(g, target, max_hops, support, set()):
        first = chain[0][0]
        rec = _chain_record(g, [e for _, e in chain], [n for n, _ in chain] + [target])
        out.append({"backer": name_of(g, first), "backer_id": first, **rec})
    out.sort(key=lambda r: (r["hops"], r["backer"], r["path"]))
    return out


def _negative_edges(g: nx.MultiDiGraph, a: str, b: str, signs: Mapping[str, int], acting: bool) -> list:
    """Negative relations between a and b; with ``acting``, only those a carries out (a -> b,
    or either way for symmetric types)."""
    edges = [(a, b, k) for k in g.get_edge_data(a, b, default={}) if signs.get(k, 0) < 0]
    edges += [
        (b, a, k)
        for k in g.get_edge_data(b, a, default={})
        if signs.get(k, 0) < 0 and (not acting or ONTOLOGY[k].symmetric)
    ]
    return sorted(edges)


def adversaries(
    G: GraphLike,
    actor: str,
    *,
    max_hops: int = 3,
    support: Sequence[str] = SUPPORT,
    signs: Mapping[str, int] | None = None,
) -> list[dict[str, Any]]:
    """Who stands against ``actor``: a direct negative tie, or support for someone who has one.

    ``Turkey -BACKS-> rebels -OPPOSES-> government`` makes Turkey an adversary of the
    government at two hops.  The negative hop counts in either direction.

    Parameters
    ----------
    G : KnowledgeGraph or networkx.MultiDiGraph
    actor : str
        Id, name or alias.
    max_hops : int
        Longest chain, the negative hop included.
    support : sequence of str
        Relation types that carry support.
    signs : mapping, optional
        Overrides of :data:`SIGNS` (which relations are negative).

    Returns
    -------
    list of dict
        ``{"adversary", "adversary_id", "hops", "path", "chain"}``, ``path`` from the adversary
        to the actor, one record per typed path; sorted by hops, then adversary.

    Examples
    --------
    >>> from kg.analysis import from_triples
    >>> G = from_triples([("Turkey", "BACKS", "Rebels"), ("Rebels", "OPPOSES", "Government"),
    ...                   ("Government", "ATTACKS", "Rebels")])
    >>> for a in adversaries(G, "Government"):
    ...     print(a["adversary"], a["hops"], [h["relation"] for h in a["chain"]])
    Rebels 1 ['ATTACKS']
    Rebels 1 ['OPPOSES']
    Turkey 2 ['BACKS', 'ATTACKS']
    Turkey 2 ['BACKS', 'OPPOSES']
    """
    g = as_networkx(G)
    sg = resolve_signs(signs)
    target = actor_id(g, actor)
    out = []
    foes = sorted({n for n in nx.all_neighbors(g, target) if n != target and not is_place(g, n)})
    for foe in foes:
        for neg in _negative_edges(g, foe, target, sg, acting=False):
            rec = _chain_record(g, [neg], [foe, target])
            out.append({"adversary": name_of(g, foe), "adversary_id": foe, **rec})
            for chain in _chains_into(g, foe, max_hops - 1, support, {target}):
                first = chain[0][0]
                rec = _chain_record(g, [e for _, e in chain] + [neg], [n for n, _ in chain] + [foe, target])
                out.append({"adversary": name_of(g, first), "adversary_id": first, **rec})
    out.sort(key=lambda r: (r["hops"], r["adversary"], r["path"], [h["relation"] for h in r["chain"]]))
    return out


def proxies(
    G: GraphLike,
    actor: str,
    *,
    max_hops: int = 3,
    support: Sequence[str] = SUPPORT,
    signs: Mapping[str, int] | None = None,
) -> list[dict[str, Any]]:
    """Whom ``actor`` supports that acts against a third party: sponsor -> proxy -> target.

    Parameters
    ----------
    G : KnowledgeGraph or networkx.MultiDiGraph
    actor : str
        The sponsor (id, name or alias).
    max_hops : int
        Longest chain, the final negative hop included (so at least 2).
    support : sequence of str
        Relation types that carry support.
    signs : mapping, optional
        Overrides of :data:`SIGNS` (which relations are negative).

    Returns
    -------
    list of dict
        ``{"sponsor", "proxy", "proxy_id", "target", "target_id", "hops", "path", "chain"}``,
        ``path`` from the sponsor through the proxy to the target; the proxy carries out the
        negative relation (or shares a symmetric one).  Sorted by hops, proxy, target.

    Examples
    --------
    >>> from kg.analysis import from_triples
    >>> G = from_triples([("Iran", "BACKS", "Houthis"), ("Houthis", "ATTACKS", "Israel"),
    ...                   ("Israel", "ATTACKS", "Houthis")])
    >>> [(p["proxy"], p["target"], p["path"]) for p in proxies(G, "Iran")]
    [('Houthis', 'Israel', ['Iran', 'Houthis', 'Israel'])]
    """
    g = as_networkx(G)
    sg = resolve_signs(signs)
    sponsor = actor_id(g, actor)
    out = []

    def walk(n: str, edges: list[Edge], path: list[str]) -> None:
        if len(edges) >= max_hops:
            return
        if edges:
            targets = sorted({t for t in nx.all_neighbors(g, n) if t not in path and not is_place(g, t)})
            for t in targets:
                for neg in _negative_edges(g, n, t, sg, acting=True):
                    rec = _chain_record(g, [*edges, neg], [*path, t])
                    out.append(
                        {
                            "sponsor": name_of(g, sponsor),
                            "proxy": name_of(g, n),
                            "proxy_id": n,
                            "target": name_of(g, t),
                            "target_id": t,
                            **rec,
                        }
                    )
        for v, e in _supporters(g, n, support, inward=False):
            if v not in path and not is_place(g, v):
                walk(v, [*edges, e], [*path, v])

    walk(sponsor, [], [sponsor])
    out.sort(key=lambda r: (r["hops"], r["proxy"], r["target"], r["path"], [h["relation"] for h in r["chain"]]))
    return out
