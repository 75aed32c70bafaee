"""Alliance blocs by structural balance: the partition of actors with the least frustration.

Correlation clustering on the signed graph (:func:`kg.analysis.signed_graph`): exact branch and
bound for small connected parts, a deterministic local search for the rest.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Any

import networkx as nx

from ..errors import InputError
from .reading import GraphLike, as_networkx, hop_record, name_of
from .signed import signed_graph
from .signs import EPS

_BUDGET = 2_000_000  # branch-and-bound visits before "auto" settles for the local search result


def _cost(S: nx.Graph, label: Mapping[str, int], weight: str | None) -> float:
    total = 0.0
    for u, v, d in S.edges(data=True):
        same = label[u] == label[v]
        if (d["sign"] > 0) != same:
            total += d.get(weight, 1.0) if weight else 1.0
    return total


def _canon(label: Mapping[str, int]) -> tuple[tuple[str, ...], ...]:
    groups: dict[int, list[str]] = defaultdict(list)
    for n, b in label.items():
        groups[b].append(n)
    return tuple(sorted(tuple(sorted(m)) for m in groups.values()))


def _key(S: nx.Graph, label: Mapping[str, int], weight: str | None) -> tuple[float, int, tuple]:
    # Least frustration first; then the most blocs, so actors are only put together on the
    # strength of a positive tie, never merely for lack of a negative one; then a fixed order.
    return (round(_cost(S, label, weight), 9), -len(set(label.values())), _canon(label))


def _local(S: nx.Graph, nodes: list[str], k: int | None, weight: str | None) -> dict[str, int]:
    """Deterministic local search from several starts (the components of the positive ties,
    a two-colouring along a spanning tree, one bloc per actor): single-actor moves and bloc
    merges until nothing improves, then greedy merges down to ``k`` blocs; the best result wins."""
    w = {(u, v): (d.get(weight, 1.0) if weight else 1.0) * d["sign"] for u, v, d in S.edges(data=True)}
    w.update({(v, u): x for (u, v), x in list(w.items())})
    nodes = sorted(nodes)

    def improve(label: dict[str, int]) -> None:
        size = Counter(label.values())  # actors per bloc, kept in step with every move and merge
        for _ in range(200):
            moved = False
            for n in nodes:
                here = label[n]
                # the pull of bloc b is the signed weight of n's ties into b; the cost of n's
                # placement falls by exactly the pull it gains
                pull: dict[int, float] = defaultdict(float)
                for m in S[n]:
                    pull[label[m]] += w[(n, m)]
                # Every bloc without a tie to n gains the same, so only the first of them (by id)
                # can win; the new bloc comes last: the same choice as trying every bloc in order.
                others = size.keys() - {here}
                untied = others - pull.keys()
                options = sorted((others & pull.keys()) | ({min(untied)} if untied else set()))
                if (k is None or len(size) < k) and size[here] > 1:
                    options.append(max(size) + 1)
                best, best_gain = here, EPS
                for b in options:
                    gain = pull.get(b, 0.0) - pull.get(here, 0.0)
                    if gain > best_gain:
                        best, best_gain = b, gain
                if best != here:
                    label[n] = best
                    size[best] += 1
                    size[here] -= 1
                    if not size[here]:
                        del size[here]
                    moved = True
            between = _between(label)
            if between:
                (a, b), x = max(between.items(), key=lambda item: (item[1], -item[0][0], -item[0][1]))
                if x > EPS:
                    _merge(label, a, b)
                    size[a] += size.pop(b)
                    moved = True
            if not moved:
                return

    def _between(label: Mapping[str, int]) -> dict[tuple[int, int], float]:
        out: dict[tuple[int, int], float] = defaultdict(float)
        for (u, v), x in w.items():
            if u < v and label[u] != label[v]:
                out[(min(label[u], label[v]), max(label[u], label[v]))] += x
        return out

    def _merge(label: dict[str, int], a: int, b: int) -> None:
        for n in nodes:
            if label[n] == b:
                label[n] = a

    def search(label: dict[str, int]) -> dict[str, int]:
        improve(label)
        while k is not None and len(set(label.values())) > k:
            between = _between(label)
            groups = sorted(set(label.values()))
            pairs = list(itertools.combinations(groups, 2))
            a, b = max(pairs, key=lambda p: (between.get(p, 0.0), -p[0], -p[1]))
            _merge(label, a, b)
            improve(label)
        return label

    pos = nx.Graph()
    pos.add_nodes_from(nodes)
    pos.add_edges_from((u, v) for (u, v), x in w.items() if x > 0 and u in pos and v in pos)
    comps = sorted((sorted(c) for c in nx.connected_components(pos)), key=lambda c: (-len(c), c))
    starts = [{n: i for i, c in enumerate(comps) for n in c}, {n: i for i, n in enumerate(nodes)}]
    root = min(nodes, key=lambda n: (-S.degree(n), n))
    colour = {root: 0}
    for u, v in nx.bfs_edges(S, root, sort_neighbors=sorted):
        colour[v] = colour[u] if w[(u, v)] > 0 else 1 - colour[u]
    starts.append({n: colour.get(n, 0) for n in nodes})
    results = [search(dict(s)) for s in starts]
    return min(results, key=lambda label: _key(S, label, weight))


class _OutOfBudget(Exception):
    pass


def _exact(
    S: nx.Graph, nodes: list[str], k: int | None, weight: str | None, start: dict[str, int], budget: int
) -> tuple[dict[str, int], bool]:
    """Branch and bound over all partitions (as restricted growth strings) of ``nodes``.

    Returns the best partition and whether the search finished within ``budget`` visits (when
    it did not, the result is the best found so far, never worse than ``start``)."""
    w = {(u, v): (d.get(weight, 1.0) if weight else 1.0) * d["sign"] for u, v, d in S.edges(data=True)}
    w.update({(v, u): x for (u, v), x in list(w.items())})
    # Order nodes so each one has as many already-placed neighbours as possible: costs show up early.
    order = [min(nodes, key=lambda n: (-S.degree(n), n))]
    rest = set(nodes) - set(order)
    while rest:
        placed = set(order)
        nxt = min(rest, key=lambda n: (-sum(1 for m in S[n] if m in placed), -S.degree(n), n))
        order.append(nxt)
        rest.remove(nxt)
    back = {n: [(m, w[(n, m)]) for m in S[n] if order.index(m) < order.index(n)] for n in order}
    kmax = len(nodes) if k is None else k
    best_label = dict(start)
    best = _key(S, best_label, weight)
    label: dict[str, int] = {}
    visits = 0

    def visit(i: int, cost: float, used: int) -> None:
        nonlocal best, best_label, visits
        visits += 1
        if visits > budget:
            raise _OutOfBudget
        if cost > best[0] + EPS:
            return
        if cost >= best[0] - EPS and used + (len(order) - i) < -best[1]:
            return
        if i == len(order):
            key = _key(S, label, weight)
            if key < best:
                best, best_label = key, dict(label)
            return
        n = order[i]
        choices = ([used] if used < kmax else []) + list(range(used))
        for b in choices:
            extra = 0.0
            for m, x in back[n]:
                same = label[m] == b
                if x > 0 and not same:
                    extra += x
                elif x < 0 and same:
                    extra -= x
            label[n] = b
            visit(i + 1, cost + extra, max(used, b + 1))
            del label[n]

    try:
        visit(0, 0.0, 0)
    except _OutOfBudget:
        return best_label, False
    return best_label, True


def blocs(
    G: GraphLike,
    k: int | None = None,
    *,
    weight: str | None = "weight",
    method: str = "auto",
    exact_limit: int = 16,
    signs: Mapping[str, int] | None = None,
    confidence: bool = True,
) -> dict[str, Any]:
    """Partition the actors into alliance blocs by structural balance.

    The blocs minimise the *frustration*: the weight of positive ties between blocs plus
    negative ties inside blocs (the correlation-clustering form of Heider/Cartwright-Harary
    balance, which lets the number of blocs follow from the data unless ``k`` caps it).  Among
    equally frustrated partitions the one with more blocs wins, so actors share a bloc only when
    a positive tie joins them.  Each connected part of the signed graph with at most
    ``exact_limit`` actors is solved exactly by branch and bound; larger parts by a
    deterministic local search started from the components of the positive ties (and so
    does an exact search that would take more than a few seconds).

    Parameters
    ----------
    G : KnowledgeGraph or networkx.MultiDiGraph
    k : int, optional
        At most this many blocs (``k=2`` is the classic two-camp balance); unlimited when omitted.
    weight : str or None
        Edge attribute of :func:`signed_graph` to weigh ties by (``"weight"``: net evidence
        mass); ``None`` counts every tie as 1.
    method : {"auto", "exact", "local"}
    exact_limit : int
        Largest connected part solved exactly when ``method="auto"``.
    signs : mapping, optional
        Overrides of :data:`SIGNS`.
    confidence : bool
        Weigh each evidence by its confidence (default); ``False`` counts evidence sentences, as
        the ``weight`` of the Cypher library does.

    Returns
    -------
    dict
        ``blocs``: list of ``{"id", "members", "ids", "size", "positive_ties", "negative_ties"}``
        (members sorted by name, blocs by size then name); ``membership``: bloc id by actor id;
        ``frustration``: number of frustrated ties; ``frustration_weight``; ``frustrated``: those
        ties with their evidence; ``balanced``; ``unaligned``: actors without any signed tie;
        ``method``: how it was solved.

    Examples
    --------
    >>> from kg.analysis import from_triples
    >>> G = from_triples([("A", "BACKS", "B"), ("C", "BACKS", "D"), ("A", "ATTACKS", "C"),
    ...                   ("B", "ATTACKS", "D"), ("B", "BACKS", "C")])
    >>> result = blocs(G)
    >>> [b["members"] for b in result["blocs"]], result["frustration"]
    ([['A', 'B'], ['C', 'D']], 1)
    >>> [(f["a"], f["b"], f["why"]) for f in result["frustrated"]]
    [('B', 'C', 'positive tie between blocs 1 and 2')]
    """
    if method not in ("auto", "exact", "local"):
        raise InputError(f"method must be auto, exact or local, not {method!r}")
    if k is not None and k < 1:
        raise InputError(f"k must be at least 1, not {k}")
    g = as_networkx(G)
    S = signed_graph(g, signs=signs, confidence=confidence)
    active = [n for n in S if S.degree(n) > 0]
    comps = sorted((sorted(c) for c in nx.connected_components(S.subgraph(active))), key=lambda c: (-len(c), c))
    used_methods = set()
    parts: list[list[list[str]]] = []
    for comp in comps:
        part = S.subgraph(comp)
        label = _local(part, comp, k, weight)
        if method == "exact" or (method == "auto" and len(comp) <= exact_limit):
            label, finished = _exact(part, comp, k, weight, label, budget=_BUDGET if method == "auto" else 10**12)
            used_methods.add("exact" if finished else "local")
        else:
            used_methods.add("local")
        groups: dict[int, list[str]] = defaultdict(list)
        for n in comp:
            groups[label[n]].append(n)
        parts.append(sorted((sorted(m) for m in groups.values()), key=lambda m: (-len(m), m)))
    if k is None:
        members = [m for p in parts for m in p]
    else:
        # No tie runs between connected parts, so joining the i-th bloc of each part costs nothing.
        members = [sorted(n for p in parts if i < len(p) for n in p[i]) for i in range(k)]
        members = [m for m in members if m]
    members.sort(key=lambda m: (-len(m), sorted(name_of(g, n) for n in m)))
    membership = {n: i + 1 for i, m in enumerate(members) for n in m}

    out_blocs = []
    for i, m in enumerate(members, 1):
        inner = S.subgraph(m).edges(data=True)
        out_blocs.append(
            {
                "id": i,
                "members": sorted(name_of(g, n) for n in m),
                "ids": sorted(m, key=lambda n: name_of(g, n)),
                "size": len(m),
                "positive_ties": sum(1 for _, _, d in inner if d["sign"] > 0),
                "negative_ties": sum(1 for _, _, d in inner if d["sign"] < 0),
            }
        )
    frustrated = []
    for u, v, d in S.edges(data=True):
        if u not in membership:
            continue
        bu, bv = membership[u], membership[v]
        if (d["sign"] > 0) == (bu == bv):
            continue
        a, b = sorted((u, v), key=lambda n: name_of(g, n))
        why = (
            f"negative tie inside bloc {bu}"
            if bu == bv
            else f"positive tie between blocs {min(bu, bv)} and {max(bu, bv)}"
        )
        frustrated.append(
            {
                "a": name_of(g, a),
                "b": name_of(g, b),
                "a_id": a,
                "b_id": b,
                "sign": d["sign"],
                "stance": d["stance"],
                "weight": d["weight"],
                "why": why,
                "relations": [hop_record(g, *e) for e in d["relations"]],
            }
        )
    frustrated.sort(key=lambda f: (f["a"], f["b"]))
    return {
        "blocs": out_blocs,
        "membership": membership,
        "frustration": len(frustrated),
        "frustration_weight": round(sum(f["weight"] for f in frustrated), 4),
        "frustrated": frustrated,
        "balanced": not frustrated,
        "unaligned": sorted(name_of(g, n) for n in S if S.degree(n) == 0),
        "method": "+".join(sorted(used_methods)) or "none",
        "k": k,
    }
