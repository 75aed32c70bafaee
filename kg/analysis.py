"""Alliance analytics over the actor graph: stances, signed blocs, enemy-of-enemy triads,
support chains, ties over time and centrality.

Every function takes the graph first -- a :class:`~kg.graph.KnowledgeGraph` or the networkx
``MultiDiGraph`` it wraps (layout in :mod:`kg.graph`) -- returns plain data (lists, dicts, or a
new networkx graph) and never mutates its input.  Actor arguments accept an id, a canonical
name or an alias, case-insensitively ("Assad", "HTS").

How relations become signs
--------------------------
Each relation type gets an *alignment sign* (:data:`SIGNS`): the ontology polarity (+1 for
BACKS, ALLIED_WITH, NEGOTIATES_WITH; -1 for CRITICIZES, OPPOSES, ATTACKS, CAPTURED), except the
structural ties LEADS and MEMBER_OF, which count as **+1**: a leader and the government they
head, or a minister and their government, stand on the same side, and without that the person
who is named in a sentence ("Russia backs Assad") would float free of the side they lead.
CALLS_ON and CONTROLS stay **0**: urging someone says nothing about which side one is on, and
control is a tie to a place.  Actors of type LOCATION are left out of every signed analysis
(they are targets, not sides).  Every function that uses signs takes ``signs=`` to override.

The weight of a relation is the sum of the confidences of its evidences (so polarity x number
of evidences x confidence); the *stance* between two actors is the signed weight of all their
relations divided by the unsigned weight, a number in [-1, 1].
"""

from __future__ import annotations

import difflib
import itertools
import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any

import networkx as nx

from .errors import InputError
from .graph import KnowledgeGraph
from .model import ONTOLOGY, Actor, Document, Evidence, Extraction, Relation, slugify

log = logging.getLogger(__name__)

__all__ = [
    "SIGNS",
    "SUPPORT",
    "actor_id",
    "adversaries",
    "backers",
    "blocs",
    "centrality",
    "changes",
    "enemy_of_enemy",
    "from_triples",
    "proxies",
    "signed_graph",
    "stance",
    "stance_over_time",
    "timeline",
]

SIGNS: dict[str, int] = {
    **{name: spec.polarity for name, spec in ONTOLOGY.items()},
    "LEADS": +1,
    "MEMBER_OF": +1,
}
"""Alignment sign of each relation type (see the module docstring for the choices)."""

SUPPORT: tuple[str, ...] = ("BACKS", "ALLIED_WITH")
"""Relation types a support chain may follow (ALLIED_WITH in both directions)."""

_EPS = 1e-9
_BUDGET = 2_000_000  # branch-and-bound visits before "auto" settles for the local search result
_FREQS = ("D", "W", "M", "Q", "Y")

GraphLike = KnowledgeGraph | nx.MultiDiGraph


# -- plumbing ------------------------------------------------------------------------------


def _nx(G: GraphLike) -> nx.MultiDiGraph:
    if isinstance(G, KnowledgeGraph):
        return G.to_networkx()
    if isinstance(G, nx.MultiDiGraph):
        return G
    raise TypeError(f"expected a KnowledgeGraph or a networkx MultiDiGraph, got {type(G).__name__}")


def _signs(signs: Mapping[str, int] | None) -> Mapping[str, int]:
    return SIGNS if signs is None else {**SIGNS, **{k.upper(): v for k, v in signs.items()}}


def _name(g: nx.MultiDiGraph, n: str) -> str:
    return str(g.nodes[n].get("name", n))


def _is_place(g: nx.MultiDiGraph, n: str) -> bool:
    return g.nodes[n].get("type") == "LOCATION"


def actor_id(G: GraphLike, name: str) -> str:
    """Return the id of the actor called ``name`` (id, canonical name or alias).

    Parameters
    ----------
    G : KnowledgeGraph or networkx.MultiDiGraph
    name : str
        An actor id, canonical name or alias; case and surrounding spaces are ignored.

    Returns
    -------
    str

    Raises
    ------
    InputError
        When no actor has that name (the message suggests close names).

    Examples
    --------
    >>> G = from_triples([("Russia", "BACKS", "Assad")], aliases={"Assad": ["Bashar al-Assad"]})
    >>> actor_id(G, "bashar al-assad")
    'assad'
    """
    g = _nx(G)
    if name in g:
        return name
    key = name.casefold().strip()
    for n, d in g.nodes(data=True):
        if key == str(d.get("name", "")).casefold():
            return n
    for n, d in g.nodes(data=True):
        if key in (a.casefold() for a in d.get("aliases", ())):
            return n
    if slugify(name) in g:
        return slugify(name)
    names = sorted({str(d.get("name", n)) for n, d in g.nodes(data=True)})
    close = difflib.get_close_matches(name, names, n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise InputError(f"unknown actor {name!r}{hint}")


def _date(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        log.warning("ignoring unparsable date %r", value)
        return None


def _user_date(value: str | date | None, what: str) -> date | None:
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise InputError(f"{what} must be a date like 2024-12-01, not {value!r}") from None


def _evidence(g: nx.MultiDiGraph, d: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The evidences of an edge as ``{"doc", "date", "sentence", "confidence"}``.

    A graph read back from a store may carry counts but no evidence list; then the edge
    stands for ``weight`` evidences of its recorded confidence.
    """
    docs = g.graph.get("documents", {})
    out = [
        {
            "doc": e.get("doc"),
            "date": docs.get(e.get("doc"), {}).get("date"),
            "sentence": e.get("sentence"),
            "confidence": float(e.get("confidence", d.get("confidence", 1.0))),
        }
        for e in d.get("evidence") or ()
    ]
    if not out:
        out = [
            {
                "doc": None,
                "date": d.get("last_seen"),
                "sentence": None,
                "confidence": float(d.get("confidence", 1.0)),
            }
        ] * int(d.get("weight", 1) or 1)
    return out


def _hop(g: nx.MultiDiGraph, u: str, v: str, k: str) -> dict[str, Any]:
    d = g.edges[u, v, k]
    ev = _evidence(g, d)
    return {
        "source": _name(g, u),
        "relation": k,
        "target": _name(g, v),
        "weight": len(ev),
        "confidence": round(max(e["confidence"] for e in ev), 4),
        "evidence": [{x: e[x] for x in ("doc", "date", "sentence")} for e in ev if e["sentence"]],
    }


def _pair_edges(g: nx.MultiDiGraph, a: str, b: str, directed: bool = False) -> list[tuple[str, str, str]]:
    edges = [(a, b, k) for k in g.get_edge_data(a, b, default={})]
    if not directed and a != b:
        edges += [(b, a, k) for k in g.get_edge_data(b, a, default={})]
    return sorted(edges)


def _net(
    g: nx.MultiDiGraph,
    edges: Iterable[tuple[str, str, str]],
    signs: Mapping[str, int],
    confidence: bool = True,
) -> tuple[float, float, int, dict[str, int]]:
    """Positive mass, negative mass, signed evidence count and count per relation type; the
    mass of an evidence is its confidence, or 1 without ``confidence``."""
    pos = neg = 0.0
    n = 0
    per_type: dict[str, int] = defaultdict(int)
    for u, v, k in edges:
        sign = signs.get(k, 0)
        if sign == 0:
            continue
        for e in _evidence(g, g.edges[u, v, k]):
            n += 1
            per_type[k] += 1
            mass = e["confidence"] if confidence else 1.0
            if sign > 0:
                pos += mass
            else:
                neg += mass
    return pos, neg, n, dict(per_type)


def _ratio(pos: float, neg: float) -> float:
    return round((pos - neg) / (pos + neg), 4) if pos + neg > _EPS else 0.0


# -- building small graphs -----------------------------------------------------------------


def from_triples(
    triples: Iterable[Sequence[Any]],
    *,
    types: Mapping[str, str] | None = None,
    aliases: Mapping[str, Sequence[str]] | None = None,
    confidence: float = 1.0,
) -> KnowledgeGraph:
    """Build a small KnowledgeGraph from ``(source, RELATION, target[, date[, sentence]])`` tuples.

    Handy for examples, tests and what-if analysis.  Each tuple is one piece of evidence in the
    document of its date (``"doc"`` when undated); actor ids are the slugs of the names.

    Parameters
    ----------
    triples : iterable of tuples
        ``(source, relation, target)``, optionally followed by an ISO date and a sentence.
    types : mapping, optional
        Actor type by name (default ``"ORGANIZATION"``).
    aliases : mapping, optional
        Aliases by name.
    confidence : float
        The confidence of every evidence.

    Returns
    -------
    KnowledgeGraph

    Examples
    --------
    >>> G = from_triples([("Russia", "BACKS", "Assad", "2024-12-01"), ("Russia", "BACKS", "Assad")])
    >>> [(r["source"], r["relation"], r["target"], r["weight"]) for r in G.relations()]
    [('Russia', 'BACKS', 'Assad', 2)]
    """
    types = types or {}
    aliases = aliases or {}
    by_doc: dict[str, list[tuple[str, str, str, str | None, str | None]]] = {}
    dates: dict[str, str | None] = {}
    for t in triples:
        if len(t) not in (3, 4, 5):
            raise InputError(f"expected (source, relation, target[, date[, sentence]]), got {t!r}")
        src, rel, tgt = str(t[0]), str(t[1]).upper(), str(t[2])
        if rel not in ONTOLOGY:
            raise InputError(f"unknown relation type {rel!r}")
        when = str(t[3]) if len(t) > 3 and t[3] is not None else None
        sentence = str(t[4]) if len(t) > 4 and t[4] is not None else None
        doc = f"doc-{when}" if when else "doc"
        dates[doc] = when
        by_doc.setdefault(doc, []).append((src, rel, tgt, when, sentence))
    kg = KnowledgeGraph()
    for doc_id in sorted(by_doc, key=lambda d: (dates[d] or "", d)):
        text, rels, names = "", [], {}
        for src, rel, tgt, _, sentence in by_doc[doc_id]:
            sentence = sentence or f"{src} {rel.lower().replace('_', ' ')} {tgt}."
            start = len(text)
            text += sentence + " "
            for nm in (src, tgt):
                names[nm] = names.get(nm, 0) + 1
            ev = Evidence(doc_id, sentence, start, start + len(sentence), "triple", confidence)
            rels.append(Relation(slugify(src), rel, slugify(tgt), [ev]))
        actors = [
            Actor(slugify(nm), nm, types.get(nm, "ORGANIZATION"), [nm, *aliases.get(nm, ())], count)
            for nm, count in names.items()
        ]
        kg.add(Extraction(Document(doc_id, text.strip(), date=dates[doc_id]), actors, rels))
    return kg


# -- stance and the signed graph -----------------------------------------------------------


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
    >>> G = from_triples([("Turkey", "BACKS", "SNA"), ("Turkey", "BACKS", "SNA"),
    ...                   ("SNA", "CRITICIZES", "Turkey")])
    >>> s = stance(G, "Turkey", "SNA")
    >>> s["stance"], s["evidence"], s["relations"]
    (0.3333, 3, {'BACKS': 2, 'CRITICIZES': 1})
    >>> stance(G, "Turkey", "SNA", directed=True)["stance"]
    1.0
    """
    g = _nx(G)
    ia, ib = actor_id(g, a), actor_id(g, b)
    pos, neg, n, per_type = _net(g, _pair_edges(g, ia, ib, directed), _signs(signs), confidence)
    return {
        "a": _name(g, ia),
        "b": _name(g, ib),
        "stance": _ratio(pos, neg),
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
    >>> G = from_triples([("A", "BACKS", "B"), ("B", "ATTACKS", "C"), ("A", "CALLS_ON", "C")])
    >>> S = signed_graph(G)
    >>> sorted((u, v, d["sign"]) for u, v, d in S.edges(data=True))
    [('a', 'b', 1), ('b', 'c', -1)]
    """
    g = _nx(G)
    sg = _signs(signs)
    S = nx.Graph()
    for n, d in sorted(g.nodes(data=True)):
        if include_places or not _is_place(g, n):
            S.add_node(n, name=d.get("name", n), type=d.get("type"))
    pairs = sorted({tuple(sorted((u, v))) for u, v in g.edges() if u != v and u in S and v in S})
    for u, v in pairs:
        edges = _pair_edges(g, u, v)
        pos, neg, n, _ = _net(g, edges, sg, confidence)
        if abs(pos - neg) <= _EPS:
            continue
        S.add_edge(
            u,
            v,
            sign=1 if pos > neg else -1,
            stance=_ratio(pos, neg),
            weight=round(abs(pos - neg), 4),
            evidence=n,
            relations=[e for e in edges if sg.get(e[2], 0) != 0],
        )
    return S


# -- blocs by structural balance -----------------------------------------------------------


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
        for _ in range(200):
            moved = False
            for n in nodes:
                here = label[n]
                # the pull of bloc b is the signed weight of n's ties into b; the cost of n's
                # placement falls by exactly the pull it gains
                pull: dict[int, float] = defaultdict(float)
                for m in S[n]:
                    pull[label[m]] += w[(n, m)]
                used = set(label.values())
                options = sorted(used - {here})
                alone = sum(1 for m in nodes if label[m] == here) == 1
                if (k is None or len(used) < k) and not alone:
                    options.append(max(used) + 1)
                best, best_gain = here, _EPS
                for b in options:
                    gain = pull.get(b, 0.0) - pull.get(here, 0.0)
                    if gain > best_gain:
                        best, best_gain = b, gain
                if best != here:
                    label[n] = best
                    moved = True
            between = _between(label)
            if between:
                (a, b), x = max(between.items(), key=lambda item: (item[1], -item[0][0], -item[0][1]))
                if x > _EPS:
                    _merge(label, a, b)
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
        if cost > best[0] + _EPS:
            return
        if cost >= best[0] - _EPS and used + (len(order) - i) < -best[1]:
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
    g = _nx(G)
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
    members.sort(key=lambda m: (-len(m), sorted(_name(g, n) for n in m)))
    membership = {n: i + 1 for i, m in enumerate(members) for n in m}

    out_blocs = []
    for i, m in enumerate(members, 1):
        inner = S.subgraph(m).edges(data=True)
        out_blocs.append(
            {
                "id": i,
                "members": sorted(_name(g, n) for n in m),
                "ids": sorted(m, key=lambda n: _name(g, n)),
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
        a, b = sorted((u, v), key=lambda n: _name(g, n))
        why = (
            f"negative tie inside bloc {bu}"
            if bu == bv
            else f"positive tie between blocs {min(bu, bv)} and {max(bu, bv)}"
        )
        frustrated.append(
            {
                "a": _name(g, a),
                "b": _name(g, b),
                "a_id": a,
                "b_id": b,
                "sign": d["sign"],
                "stance": d["stance"],
                "weight": d["weight"],
                "why": why,
                "relations": [_hop(g, *e) for e in d["relations"]],
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
        "unaligned": sorted(_name(g, n) for n in S if S.degree(n) == 0),
        "method": "+".join(sorted(used_methods)) or "none",
        "k": k,
    }


# -- triads --------------------------------------------------------------------------------


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
    >>> G = from_triples([("A", "ATTACKS", "B"), ("C", "OPPOSES", "B"), ("A", "BACKS", "C"),
    ...                   ("D", "CRITICIZES", "B")])
    >>> [(t["a"], t["b"], t["c"], t["ac"], t["balanced"]) for t in enemy_of_enemy(G)]
    [('A', 'B', 'C', 'positive', True), ('A', 'B', 'D', 'absent', None), ('C', 'B', 'D', 'absent', None)]
    """
    g = _nx(G)
    S = signed_graph(g, signs=signs, confidence=confidence)
    out = []
    for b in S:
        enemies = sorted((n for n in S[b] if S[b][n]["sign"] < 0), key=lambda n: _name(g, n))
        for a, c in itertools.combinations(enemies, 2):
            tie = S.get_edge_data(a, c)
            ac = "absent" if tie is None else ("positive" if tie["sign"] > 0 else "negative")
            out.append(
                {
                    "a": _name(g, a),
                    "b": _name(g, b),
                    "c": _name(g, c),
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


def _support_in(g: nx.MultiDiGraph, n: str, support: Sequence[str]) -> list[tuple[str, tuple[str, str, str]]]:
    """Actors that support ``n`` directly, with the edge: u -BACKS-> n, or either side of a
    symmetric support relation."""
    out = []
    for u, _, k in g.in_edges(n, keys=True):
        if k in support and u != n:
            out.append((u, (u, n, k)))
    for _, v, k in g.out_edges(n, keys=True):
        if k in support and ONTOLOGY[k].symmetric and v != n:
            out.append((v, (n, v, k)))
    return sorted(out)


def _support_out(g: nx.MultiDiGraph, n: str, support: Sequence[str]) -> list[tuple[str, tuple[str, str, str]]]:
    out = []
    for _, v, k in g.out_edges(n, keys=True):
        if k in support and v != n:
            out.append((v, (n, v, k)))
    for u, _, k in g.in_edges(n, keys=True):
        if k in support and ONTOLOGY[k].symmetric and u != n:
            out.append((u, (u, n, k)))
    return sorted(out)


def _chains_into(
    g: nx.MultiDiGraph, end: str, max_hops: int, support: Sequence[str], avoid: set[str]
) -> list[list[tuple[str, tuple[str, str, str]]]]:
    """Every simple support chain ``x -> ... -> end`` of 1..max_hops hops, as lists of
    ``(node, edge)`` from the far end inwards."""
    chains: list[list[tuple[str, tuple[str, str, str]]]] = []

    def walk(n: str, path: list[tuple[str, tuple[str, str, str]]], seen: set[str]) -> None:
        if len(path) == max_hops:
            return
        for u, e in _support_in(g, n, support):
            if u in seen or _is_place(g, u):
                continue
            chains.append([(u, e), *path])
            walk(u, [(u, e), *path], seen | {u})

    walk(end, [], {end} | avoid)
    return chains


def _chain_record(g: nx.MultiDiGraph, edges: Sequence[tuple[str, str, str]], path: Sequence[str]) -> dict[str, Any]:
    return {"hops": len(edges), "path": [_name(g, n) for n in path], "chain": [_hop(g, *e) for e in edges]}


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
    >>> G = from_triples([("Iran", "BACKS", "Hezbollah"), ("Hezbollah", "BACKS", "Assad"),
    ...                   ("Russia", "BACKS", "Assad")])
    >>> [(b["backer"], b["hops"]) for b in backers(G, "Assad")]
    [('Hezbollah', 1), ('Russia', 1), ('Iran', 2)]
    >>> [h["relation"] + " " + h["target"] for h in backers(G, "Assad")[2]["chain"]]
    ['BACKS Hezbollah', 'BACKS Assad']
    """
    g = _nx(G)
    target = actor_id(g, actor)
    out = []
    for chain in _chains_into(g, target, max_hops, support, set()):
        first = chain[0][0]
        rec = _chain_record(g, [e for _, e in chain], [n for n, _ in chain] + [target])
        out.append({"backer": _name(g, first), "backer_id": first, **rec})
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
    >>> G = from_triples([("Turkey", "BACKS", "Rebels"), ("Rebels", "OPPOSES", "Government"),
    ...                   ("Government", "ATTACKS", "Rebels")])
    >>> for a in adversaries(G, "Government"):
    ...     print(a["adversary"], a["hops"], [h["relation"] for h in a["chain"]])
    Rebels 1 ['ATTACKS']
    Rebels 1 ['OPPOSES']
    Turkey 2 ['BACKS', 'ATTACKS']
    Turkey 2 ['BACKS', 'OPPOSES']
    """
    g = _nx(G)
    sg = _signs(signs)
    target = actor_id(g, actor)
    out = []
    foes = sorted({n for n in nx.all_neighbors(g, target) if n != target and not _is_place(g, n)})
    for foe in foes:
        for neg in _negative_edges(g, foe, target, sg, acting=False):
            rec = _chain_record(g, [neg], [foe, target])
            out.append({"adversary": _name(g, foe), "adversary_id": foe, **rec})
            for chain in _chains_into(g, foe, max_hops - 1, support, {target}):
                first = chain[0][0]
                rec = _chain_record(g, [e for _, e in chain] + [neg], [n for n, _ in chain] + [foe, target])
                out.append({"adversary": _name(g, first), "adversary_id": first, **rec})
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
    >>> G = from_triples([("Iran", "BACKS", "Houthis"), ("Houthis", "ATTACKS", "Israel"),
    ...                   ("Israel", "ATTACKS", "Houthis")])
    >>> [(p["proxy"], p["target"], p["path"]) for p in proxies(G, "Iran")]
    [('Houthis', 'Israel', ['Iran', 'Houthis', 'Israel'])]
    """
    g = _nx(G)
    sg = _signs(signs)
    sponsor = actor_id(g, actor)
    out = []

    def walk(n: str, edges: list[tuple[str, str, str]], path: list[str]) -> None:
        if len(edges) >= max_hops:
            return
        if edges:
            targets = sorted({t for t in nx.all_neighbors(g, n) if t not in path and not _is_place(g, t)})
            for t in targets:
                for neg in _negative_edges(g, n, t, sg, acting=True):
                    rec = _chain_record(g, [*edges, neg], [*path, t])
                    out.append(
                        {
                            "sponsor": _name(g, sponsor),
                            "proxy": _name(g, n),
                            "proxy_id": n,
                            "target": _name(g, t),
                            "target_id": t,
                            **rec,
                        }
                    )
        for v, e in _support_out(g, n, support):
            if v not in path and not _is_place(g, v):
                walk(v, [*edges, e], [*path, v])

    walk(sponsor, [], [sponsor])
    out.sort(key=lambda r: (r["hops"], r["proxy"], r["target"], r["path"], [h["relation"] for h in r["chain"]]))
    return out


# -- over time -----------------------------------------------------------------------------


def _dated_signed_evidence(
    g: nx.MultiDiGraph, a: str, b: str, signs: Mapping[str, int], directed: bool = False
) -> Iterator[tuple[tuple[str, str, str], int, float, date, dict[str, Any]]]:
    """Every dated evidence of a signed relation between a and b (see :func:`_pair_edges`) as
    ``((source, relation, target), sign, confidence, day, sentence)``, where ``sentence`` is
    ``{"doc", "date", "source", "relation", "target", "sentence"}``; undated evidence is left out."""
    for u, v, k in _pair_edges(g, a, b, directed):
        sign = signs.get(k, 0)
        if sign == 0:
            continue
        for e in _evidence(g, g.edges[u, v, k]):
            day = _date(e["date"])
            if day is None:
                continue
            sentence = {
                "doc": e["doc"],
                "date": day.isoformat(),
                "source": _name(g, u),
                "relation": k,
                "target": _name(g, v),
                "sentence": e["sentence"],
            }
            yield (u, k, v), sign, e["confidence"], day, sentence


def _period(d: date, freq: str) -> date:
    if freq == "D":
        return d
    if freq == "W":
        return d - timedelta(days=d.weekday())
    if freq == "M":
        return d.replace(day=1)
    if freq == "Q":
        return d.replace(month=3 * ((d.month - 1) // 3) + 1, day=1)
    return d.replace(month=1, day=1)


def stance_over_time(
    G: GraphLike,
    a: str,
    b: str,
    freq: str = "W",
    *,
    directed: bool = False,
    signs: Mapping[str, int] | None = None,
) -> list[dict[str, Any]]:
    """The stance between two actors per period of article dates.

    Evidence is dated by its document (``G.graph["documents"][doc]["date"]``); undated evidence
    is left out.  Only periods with signed evidence appear.

    Parameters
    ----------
    G : KnowledgeGraph or networkx.MultiDiGraph
    a, b : str
        Actors (id, name or alias).
    freq : {"D", "W", "M", "Q", "Y"}
        Day, ISO week (starting Monday), month, quarter or year.
    directed : bool
        Only count relations from ``a`` to ``b``.
    signs : mapping, optional
        Overrides of :data:`SIGNS`.

    Returns
    -------
    list of dict
        ``{"period", "stance", "evidence", "relations", "sentences"}`` in time order;
        ``period`` is the ISO date the period starts on, ``sentences`` the dated evidence.

    Examples
    --------
    >>> G = from_triples([("Turkey", "BACKS", "SDF", "2015-10-05"),
    ...                   ("Turkey", "ATTACKS", "SDF", "2018-01-20"),
    ...                   ("Turkey", "ATTACKS", "SDF", "2018-01-22")])
    >>> [(p["period"], p["stance"], p["evidence"]) for p in stance_over_time(G, "Turkey", "SDF", freq="M")]
    [('2015-10-01', 1.0, 1), ('2018-01-01', -1.0, 2)]
    """
    freq = freq.upper().replace("A", "Y")[:1]
    if freq not in _FREQS:
        raise InputError(f"freq must be one of {', '.join(_FREQS)}, not {freq!r}")
    g = _nx(G)
    sg = _signs(signs)
    ia, ib = actor_id(g, a), actor_id(g, b)
    buckets: dict[date, dict[str, Any]] = {}
    for (_, k, _), sign, confidence, day, sentence in _dated_signed_evidence(g, ia, ib, sg, directed):
        p = buckets.setdefault(_period(day, freq), {"pos": 0.0, "neg": 0.0, "rel": defaultdict(int), "sent": []})
        p["pos" if sign > 0 else "neg"] += confidence
        p["rel"][k] += 1
        p["sent"].append(sentence)
    return [
        {
            "period": p.isoformat(),
            "stance": _ratio(x["pos"], x["neg"]),
            "evidence": sum(x["rel"].values()),
            "relations": dict(sorted(x["rel"].items())),
            "sentences": sorted(x["sent"], key=lambda s: (s["date"], s["relation"], s["doc"] or "")),
        }
        for p, x in sorted(buckets.items())
    ]


def _same_direction(
    before: list[tuple[str, str, str]], after: tuple[str, str, str]
) -> tuple[tuple[str, str, str], tuple[str, str, str]]:
    """Pick the relation before the change that reads in the direction of the one after (a
    symmetric relation reads either way), so the change can be told as "X -> Y moved from A
    to B"; the strongest relation when none does."""
    (u1, r1, v1) = after
    for u0, r0, v0 in before:
        if (u0, v0) == (u1, v1):
            return (u0, r0, v0), after
    u0, r0, v0 = before[0]
    if ONTOLOGY[r1].symmetric:
        return before[0], (u0, r1, v0)
    for _, r0, _ in before:
        if ONTOLOGY[r0].symmetric:
            return (u1, r0, v1), after
    return before[0], after


def changes(
    G: GraphLike,
    since: str | date | None = None,
    *,
    until: str | date | None = None,
    signs: Mapping[str, int] | None = None,
) -> list[dict[str, Any]]:
    """Ties that changed sign across article dates: "X -> Y moved from BACKS to ATTACKS".

    For every pair of actors, the evidence of each article date is summed into a stance; the
    tie's state on that date is the sign of that stance, shown as its strongest relation (on
    the earlier date, the strongest one that reads in the same direction as the later, if any).
    A change is reported whenever the state flips between consecutive dated states.

    Parameters
    ----------
    G : KnowledgeGraph or networkx.MultiDiGraph
    since, until : str or date, optional
        Only changes whose new state is dated within these bounds (inclusive); the state before
        may be older.
    signs : mapping, optional
        Overrides of :data:`SIGNS`.

    Returns
    -------
    list of dict
        ``{"description", "date", "a", "b", "from", "to", "from_date", "to_date",
        "from_sentences", "to_sentences"}``, where ``from``/``to`` are ``{"source", "relation",
        "target"}`` and the sentences are ``{"doc", "date", "source", "relation", "target",
        "sentence"}``; sorted by date, then pair.

    Examples
    --------
    >>> G = from_triples([("Turkey", "BACKS", "SDF", "2015-10-05"),
    ...                   ("Turkey", "ATTACKS", "SDF", "2018-01-20")])
    >>> [(c["description"], c["from_date"], c["date"]) for c in changes(G)]
    [('Turkey -> SDF moved from BACKS to ATTACKS', '2015-10-05', '2018-01-20')]
    >>> changes(G, since="2019-01-01")
    []
    """
    g = _nx(G)
    sg = _signs(signs)
    lo, hi = _user_date(since, "since"), _user_date(until, "until")
    pairs = sorted({tuple(sorted((u, v))) for u, v in g.edges() if u != v})
    out = []
    for a, b in pairs:
        # date -> relation triple -> (mass, sentences)
        days: dict[date, dict[tuple[str, str, str], list]] = defaultdict(dict)
        for triple, sign, confidence, day, sentence in _dated_signed_evidence(g, a, b, sg):
            slot = days[day].setdefault(triple, [0.0, []])
            slot[0] += sign * confidence
            slot[1].append(sentence)
        states = []
        for d in sorted(days):
            net = sum(m for m, _ in days[d].values())
            if abs(net) <= _EPS:
                continue
            sign = 1 if net > 0 else -1
            candidates = sorted(
                ((abs(m), t) for t, (m, _) in days[d].items() if (m > 0) == (sign > 0)),
                key=lambda c: (-c[0], c[1]),
            )
            sentences = [s for t, (m, ss) in sorted(days[d].items()) if (m > 0) == (sign > 0) for s in ss]
            states.append((d, sign, [t for _, t in candidates], sentences))
        for (d0, s0, c0, sent0), (d1, s1, c1, sent1) in itertools.pairwise(states):
            if s0 == s1 or (lo and d1 < lo) or (hi and d1 > hi):
                continue
            (u0, r0, v0), (u1, r1, v1) = _same_direction(c0, c1[0])
            if (u0, v0) == (u1, v1):
                text = f"{_name(g, u1)} -> {_name(g, v1)} moved from {r0} to {r1}"
            else:
                text = f"{_name(g, u0)} {r0} {_name(g, v0)} -> {_name(g, u1)} {r1} {_name(g, v1)}"
            out.append(
                {
                    "description": text,
                    "date": d1.isoformat(),
                    "a": _name(g, a),
                    "b": _name(g, b),
                    "from": {"source": _name(g, u0), "relation": r0, "target": _name(g, v0)},
                    "to": {"source": _name(g, u1), "relation": r1, "target": _name(g, v1)},
                    "from_date": d0.isoformat(),
                    "to_date": d1.isoformat(),
                    "from_sentences": sent0,
                    "to_sentences": sent1,
                }
            )
    out.sort(key=lambda c: (c["date"], c["a"], c["b"]))
    return out


def timeline(G: GraphLike, actor: str) -> list[dict[str, Any]]:
    """Every evidence sentence of every relation touching ``actor``, in article-date order.

    The Python twin of ``cypher/timeline.cypher``: the same rows in the same order.

    Parameters
    ----------
    G : KnowledgeGraph or networkx.MultiDiGraph
    actor : str
        Id, name or alias.

    Returns
    -------
    list of dict
        ``{"date", "document", "source", "relation", "target", "sentence"}``, by date (undated
        last), document, position in the document, relation, source and target.

    Examples
    --------
    >>> G = from_triples([("Russia", "ATTACKS", "HTS", "2024-11-30"),
    ...                   ("Russia", "NEGOTIATES_WITH", "HTS", "2025-01-28")])
    >>> [(r["date"], r["relation"]) for r in timeline(G, "HTS")]
    [('2024-11-30', 'ATTACKS'), ('2025-01-28', 'NEGOTIATES_WITH')]
    """
    g = _nx(G)
    a = actor_id(g, actor)
    docs = g.graph.get("documents", {})
    rows = []
    seen = set()
    for u, v, k, d in itertools.chain(g.out_edges(a, keys=True, data=True), g.in_edges(a, keys=True, data=True)):
        if (u, v, k) in seen:
            continue
        seen.add((u, v, k))
        for e in d.get("evidence") or ():
            rows.append(
                (
                    docs.get(e["doc"], {}).get("date"),
                    e["doc"],
                    e.get("start", 0),
                    {
                        "date": docs.get(e["doc"], {}).get("date"),
                        "document": e["doc"],
                        "source": _name(g, u),
                        "relation": k,
                        "target": _name(g, v),
                        "sentence": e["sentence"],
                    },
                )
            )
    rows.sort(key=lambda r: (r[0] is None, r[0] or "", r[1], r[2], r[3]["relation"], r[3]["source"], r[3]["target"]))
    return [r[3] for r in rows]


# -- centrality ----------------------------------------------------------------------------


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
    >>> G = from_triples([("A", "BACKS", "B"), ("B", "ATTACKS", "C"), ("B", "CALLS_ON", "D")])
    >>> [(r["actor"], r["degree"], r["betweenness"]) for r in centrality(G)]
    [('B', 3, 1.0), ('A', 1, 0.0), ('C', 1, 0.0), ('D', 1, 0.0)]
    """
    g = _nx(G)
    keep = [n for n in g if include_places or not _is_place(g, n)]
    U = nx.Graph()
    U.add_nodes_from(keep)
    rels: dict[str, int] = defaultdict(int)
    evid: dict[str, int] = defaultdict(int)
    for u, v, d in g.edges(data=True):
        if u in U and v in U:
            for n in {u, v}:
                rels[n] += 1
                evid[n] += len(_evidence(g, d))
            if u != v:
                U.add_edge(u, v)
    between = nx.betweenness_centrality(U) if len(U) > 2 else dict.fromkeys(U, 0.0)
    rows = [
        {
            "actor": _name(g, n),
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
