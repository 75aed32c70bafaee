"""What a view shows, as plain JSON-ready data: styled nodes and edges, tooltips, legend, counts.

Node and edge dicts carry, besides vis-network's own keys, a ``kg`` entry with the data the
page filters on and the plain-text parts of the tooltip (no ``title``: the page builds
tooltips as DOM nodes so that no text is ever parsed as HTML).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

import networkx as nx

from ..errors import InputError
from ..model import ACTOR_TYPES, ONTOLOGY
from .layout import positions
from .reading import ActorGraph
from .styles import ACTOR_STYLE, GROUP_COLOURS, POLARITY_STYLE, SIZE_BY, UNKNOWN_STYLE, darker, vis_options

#: What ``group_by`` accepts besides a mapping of group names by actor id.
GROUP_BY = ("type",)

_MAX_SENTENCE = 400
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _doc_label(meta: dict[str, Any], doc_id: str) -> str:
    title = meta.get("title") or doc_id
    return f"{title}, {meta['date']}" if meta.get("date") else str(title)


def _short(sentence: str) -> str:
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= _MAX_SENTENCE else sentence[: _MAX_SENTENCE - 1] + "\u2026"


def _node_tip(G: nx.MultiDiGraph, n: str, label: str) -> dict[str, Any]:
    d = G.nodes[n]
    lines = []
    aliases = [a for a in d.get("aliases", []) if a != d["name"]]
    if aliases:
        lines.append("Also called: " + ", ".join(aliases))
    lines.append(f"Mentions: {d.get('mentions', 0)} in {_plural(len(d.get('docs', [])), 'document')}")
    lines.append(f"Relations: {G.out_degree(n)} out, {G.in_degree(n)} in")
    return {"title": d["name"], "subtitle": label, "lines": lines, "evidence": [], "more": ""}


def _edge_tip(graph: ActorGraph, u: str, v: str, key: str, max_evidence: int) -> dict[str, Any]:
    G = graph.to_networkx()
    d = G.edges[u, v, key]
    docs = graph.documents
    pol = ONTOLOGY[key].polarity
    evidence = graph.evidence(u, key, v)
    confidence = d.get("confidence", 0.0)
    lines = [f"{_plural(len(evidence), 'evidence sentence')} \u00b7 confidence {confidence:.2f}"]
    # a wire story reprinted by many outlets is one report (kg.dedup)
    reports = d.get("reports", len({e["doc"] for e in evidence}))
    sources = d.get("sources", reports)
    lines.append(f"{_plural(reports, 'report')} from {_plural(sources, 'source')}")
    first, last = d.get("first_seen"), d.get("last_seen")
    if first:
        lines.append(f"Seen: {first}" if first == last else f"Seen: {first} \u2013 {last}")
    ranked = evidence if len(evidence) < 2 else sorted(
        evidence,
        key=lambda e: (
            -e.get("confidence", 0.0), docs.get(e["doc"], {}).get("date") or "", e["doc"], e["start"]
        ),
    )
    quotes = [
        {
            "sentence": _short(e["sentence"]),
            "source": f"{_doc_label(docs.get(e['doc'], {}), e['doc'])} \u00b7 "
            f"confidence {e['confidence']:.2f}",
        }
        for e in ranked[:max_evidence]
    ]
    more = f"+ {len(evidence) - len(quotes)} more" if len(evidence) > len(quotes) else ""
    return {
        "title": f"{G.nodes[u]['name']} \u2192 {G.nodes[v]['name']}",
        "subtitle": f"{key} \u00b7 {POLARITY_STYLE[pol][1]}",
        "lines": lines,
        "evidence": quotes,
        "more": more,
        "weight": len(evidence),
    }


def actor_groups(graph: ActorGraph, group_by: str | Mapping[str, str] | None) -> dict[str, str]:
    """The group of each actor: by type (``"type"``), as given (a mapping), or none.

    Raises
    ------
    InputError
        On an unknown ``group_by`` word.

    Examples
    --------
    >>> from kg.analysis import from_triples
    >>> actor_groups(from_triples([("A", "BACKS", "B")], types={"A": "STATE"}), "type")
    {'a': 'State', 'b': 'Organization'}
    """
    if group_by is None:
        return {}
    G = graph.to_networkx()
    if isinstance(group_by, str):
        if group_by not in GROUP_BY:
            raise InputError(f"group_by must be {' or '.join(GROUP_BY)} or a mapping, not {group_by!r}")
        return {n: ACTOR_STYLE.get(d.get("type") or "", UNKNOWN_STYLE)[2] for n, d in G.nodes(data=True)}
    return {n: str(group_by[n]) for n in G if n in group_by}


def _label_ranks(G: nx.MultiDiGraph, amount: Mapping[str, int]) -> dict[str, int]:
    """Label priority: 1 for the most important actor (most mentions or degree, then degree, then name)."""
    order = sorted(G, key=lambda n: (-amount[n], -G.degree(n), str(G.nodes[n].get("name", n))))
    return {n: i for i, n in enumerate(order, 1)}


def network_items(
    graph: ActorGraph,
    *,
    size_by: str = "mentions",
    max_evidence: int = 3,
    seed: int = 7,
    node_colors: Mapping[str, str] | None = None,
    groups: Mapping[str, str] | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
    """Return the vis-network nodes, edges and options of ``graph``.

    Parameters
    ----------
    graph : KnowledgeGraph
        The graph to draw (use :func:`~kg.view.select` first to filter); not modified.
    size_by, max_evidence, seed, node_colors
        See :func:`build_network`.
    groups : mapping, optional
        Group name by actor id (:func:`actor_groups`): members are laid out together.

    Returns
    -------
    tuple
        ``(nodes, edges, options)``.

    Examples
    --------
    >>> from kg.analysis import from_triples
    >>> nodes, edges, options = network_items(from_triples([("A", "BACKS", "B")]))
    >>> [(n["id"], n["kg"]["rank"]) for n in nodes], edges[0]["id"], options["physics"]["enabled"]
    ([('a', 1), ('b', 2)], 'a|BACKS|b', True)
    """
    if size_by not in SIZE_BY:
        raise InputError(f"size_by must be one of {', '.join(SIZE_BY)}, not {size_by!r}")
    node_colors = dict(node_colors or {})
    bad = sorted(str(c) for c in node_colors.values() if not _HEX_COLOUR.fullmatch(str(c)))
    if bad:
        raise InputError(f"node_colors must be #rrggbb colours, not {bad[0]!r}")
    groups = dict(groups or {})
    G = graph.to_networkx()
    where, physics = positions(G, seed=seed, groups=groups)
    amount = {
        n: (d.get("mentions", 0) if size_by == "mentions" else G.degree(n)) for n, d in G.nodes(data=True)
    }
    ranks = _label_ranks(G, amount)
    top = max(amount.values(), default=0)
    nodes = []
    for n, d in G.nodes(data=True):
        actor_type = d.get("type") or ""
        colour, shape, label = ACTOR_STYLE.get(actor_type, UNKNOWN_STYLE)
        colour = node_colors.get(n, colour)
        x, y = where[n]
        nodes.append({
            "id": n,
            "label": d["name"],
            "shape": shape,
            "color": {
                "background": colour,
                "border": darker(colour),
                "highlight": {"background": colour, "border": "#000000"},
                "hover": {"background": colour, "border": "#000000"},
            },
            "size": round(10 + 30 * math.sqrt(amount[n] / top), 2) if top > 0 else 16,
            "x": round(x, 1),
            "y": round(y, 1),
            "kg": {
                "type": actor_type,
                "mentions": d.get("mentions", 0),
                "degree": G.degree(n),
                "rank": ranks[n],
                "group": groups.get(n),
                "tip": _node_tip(G, n, label),
            },
        })
    # Parallel edges (either direction) get curves of growing roundness so none hides another.
    parallel: Counter[tuple[str, str]] = Counter()
    edges = []
    for u, v, key, d in G.edges(keys=True, data=True):
        spec = ONTOLOGY[key]
        colour = POLARITY_STYLE[spec.polarity][0]
        tip = _edge_tip(graph, u, v, key, max_evidence)
        evidence_count = tip.pop("weight")
        weight = int(d.get("weight", evidence_count))
        pair = (u, v) if u <= v else (v, u)
        nth = parallel[pair]
        parallel[pair] += 1
        edge: dict[str, Any] = {
            "from": u,
            "to": v,
            "id": f"{u}|{key}|{v}",
            "label": key,
            "color": {"color": colour, "highlight": colour, "hover": colour, "inherit": False},
            "width": round(min(8.0, 1.5 + 2.0 * math.log2(max(weight, 1))), 2),
            "arrows": "to, from" if spec.symmetric else "to",
            "kg": {
                "relation": key,
                "polarity": spec.polarity,
                "weight": weight,
                "confidence": d.get("confidence", 0.0),
                "tip": tip,
            },
        }
        if nth or G.number_of_edges(u, v) + G.number_of_edges(v, u) > 1:
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": round(0.15 + 0.15 * nth, 2)}
        edges.append(edge)
    return nodes, edges, vis_options(physics, seed)


def build_network(
    graph: ActorGraph,
    *,
    size_by: str = "mentions",
    max_evidence: int = 3,
    seed: int = 7,
    node_colors: Mapping[str, str] | None = None,
) -> Any:
    """Return a :class:`pyvis.network.Network` holding the styled nodes and edges of ``graph``.

    The page itself is built from :func:`network_items` (pyvis checks every new edge against
    all nodes, which is slow for thousands); this is for users who want to go on in pyvis.

    Parameters
    ----------
    graph : KnowledgeGraph
        The graph to draw (use :func:`~kg.view.select` first to filter); not modified.
    size_by : {"mentions", "degree"}, default "mentions"
        What node size shows.
    max_evidence : int, default 3
        Evidence sentences quoted in an edge's tooltip.
    seed : int, default 7
        Layout seed: the same graph and seed give the same picture.
    node_colors : mapping, optional
        Fill colour (``"#rrggbb"``) by actor id, instead of the colour of the actor's type
        (e.g. one colour per alliance bloc); the shape still shows the type.

    Returns
    -------
    pyvis.network.Network
        With ``options`` set to the vis-network options as a dict.

    Examples
    --------
    >>> from kg.graph import KnowledgeGraph
    >>> net = build_network(KnowledgeGraph())
    >>> (net.nodes, net.edges, net.options["physics"]["enabled"])
    ([], [], True)
    """
    from pyvis.network import Network

    nodes, edges, options = network_items(
        graph, size_by=size_by, max_evidence=max_evidence, seed=seed, node_colors=node_colors
    )
    net = Network(directed=True)
    for node in nodes:
        net.add_node(node["id"], **{k: v for k, v in node.items() if k != "id"})
    for edge in edges:
        net.add_edge(edge["from"], edge["to"], **{k: v for k, v in edge.items() if k not in ("from", "to")})
    net.options = options
    return net


def _group_legend(
    nodes: list[dict[str, Any]], node_colors: Mapping[str, str], grouped_by_type: bool
) -> list[dict[str, Any]]:
    """One legend row per group, biggest first; paints the nodes of groups that are not types."""
    sizes = Counter(n["kg"]["group"] for n in nodes if n["kg"]["group"] is not None)
    order = sorted(sizes, key=lambda g: (-sizes[g], g))
    colours = {g: GROUP_COLOURS[i % len(GROUP_COLOURS)] for i, g in enumerate(order)}
    if not grouped_by_type:
        for n in nodes:
            group = n["kg"]["group"]
            if group is not None and n["id"] not in node_colors:
                colour = colours[group]
                n["color"] = {
                    "background": colour,
                    "border": darker(colour),
                    "highlight": {"background": colour, "border": "#000000"},
                    "hover": {"background": colour, "border": "#000000"},
                }
    if grouped_by_type:
        colours = {label: colour for colour, _, label in (*ACTOR_STYLE.values(), UNKNOWN_STYLE)}
    return [{"group": g, "color": colours.get(g, UNKNOWN_STYLE[0]), "count": sizes[g]} for g in order]


def view_data(
    graph: ActorGraph,
    *,
    title: str | None = None,
    caption: str | None = None,
    size_by: str = "mentions",
    max_evidence: int = 3,
    seed: int = 7,
    hide_isolated: bool = True,
    node_colors: Mapping[str, str] | None = None,
    group_by: str | Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Return everything the page shows, as plain JSON-ready data.

    Parameters
    ----------
    graph : KnowledgeGraph
        The graph to draw; not modified.
    title : str, optional
        Heading of the page (e.g. the corpus name); "Actor graph" by default.
    caption : str, optional
        A note appended to the subtitle (e.g. the filters applied).
    size_by, max_evidence, seed
        See :func:`build_network`.  ``size_by`` also ranks the labels: when the whole graph is
        fitted on screen, the page labels the highest-ranked actors that fit without overlap.
    hide_isolated : bool, default True
        Start with the "hide actors without shown relations" filter on (the page can
        turn it off: those actors are still in the data).
    node_colors : mapping, optional
        See :func:`build_network`.
    group_by : "type" or mapping, optional
        Lay out the actors of one group together and name the groups on the picture: by actor
        type, or by the group names given per actor id (e.g. alliance blocs, which are also
        coloured, one colour per group unless ``node_colors`` says otherwise).

    Returns
    -------
    dict
        ``{"meta", "nodes", "edges", "options", "legend"}``; ``meta`` holds ``title``,
        ``subtitle``, the counts, ``physics``, ``focus`` and ``hide_isolated``.

    Examples
    --------
    >>> from kg.graph import KnowledgeGraph
    >>> view_data(KnowledgeGraph())["meta"]["subtitle"]
    '0 documents \u00b7 0 actors \u00b7 0 relations (0 evidence sentences)'
    """
    groups = actor_groups(graph, group_by)
    nodes, edges, options = network_items(
        graph, size_by=size_by, max_evidence=max_evidence, seed=seed, node_colors=node_colors, groups=groups
    )
    G = graph.to_networkx()
    docs = graph.documents
    evidence = sum(e["kg"]["weight"] for e in edges)
    parts = [
        _plural(len(docs), "document"),
        _plural(len(nodes), "actor"),
        f"{_plural(len(edges), 'relation')} ({_plural(evidence, 'evidence sentence')})",
    ]
    dates = sorted(str(m["date"]) for m in docs.values() if m.get("date"))
    if dates:
        parts.append(dates[0] if dates[0] == dates[-1] else f"{dates[0]} \u2013 {dates[-1]}")
    if caption:
        parts.append(caption)
    types = Counter(n["kg"]["type"] for n in nodes)
    relations = Counter(e["kg"]["relation"] for e in edges)
    polarities = Counter(e["kg"]["polarity"] for e in edges)
    legend_types = [
        {"type": t, "label": ACTOR_STYLE[t][2], "color": ACTOR_STYLE[t][0], "shape": ACTOR_STYLE[t][1],
         "count": types.get(t, 0)}
        for t in ACTOR_TYPES
    ] + [
        {"type": t, "label": t.replace("_", " ").capitalize() or UNKNOWN_STYLE[2], "color": UNKNOWN_STYLE[0],
         "shape": UNKNOWN_STYLE[1], "count": c}
        for t, c in sorted(types.items()) if t not in ACTOR_STYLE
    ]
    return {
        "meta": {
            "title": title or "Actor graph",
            "subtitle": " \u00b7 ".join(parts),
            "documents": len(docs),
            "actors": len(nodes),
            "relations": len(edges),
            "evidence": evidence,
            "physics": bool(options["physics"]["enabled"]),
            "focus": G.graph.get("focus"),
            "hide_isolated": hide_isolated,
        },
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "legend": {
            "types": legend_types,
            "groups": _group_legend(nodes, node_colors or {}, group_by == "type"),
            "polarity": [
                {"polarity": p, "label": POLARITY_STYLE[p][1], "color": POLARITY_STYLE[p][0],
                 "count": polarities.get(p, 0)}
                for p in (1, -1, 0)
            ],
            "relations": [
                {"relation": r, "polarity": s.polarity, "color": POLARITY_STYLE[s.polarity][0],
                 "meaning": s.meaning, "symmetric": s.symmetric, "count": relations.get(r, 0)}
                for r, s in ONTOLOGY.items()
            ],
        },
    }
