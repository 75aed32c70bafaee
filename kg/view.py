"""Interactive HTML views of the actor graph: one self-contained, offline, injection-safe page.

The nodes and edges are assembled with :class:`pyvis.network.Network` and drawn by the
vis-network library that ships inside the pyvis package, but the page comes from our own
template (``kg/assets/view.html.j2``) because pyvis's template pulls bootstrap and
vis-network from CDNs, does not autoescape, and switches every tooltip to ``innerHTML``
as soon as one title contains "href".  Here:

- all article-derived text travels as JSON inside ``<script type="application/json">``
  with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, and the page's own script builds
  every tooltip, legend entry and label as DOM nodes with ``textContent``;
- the template autoescapes; the only unescaped inserts are the vis-network JS/CSS from
  pyvis and our own assets, checked to contain no closing tag;
- a Content-Security-Policy allows only the page's own inline scripts (by hash) and no
  network at all, so even a missed escape could neither run nor phone home;
- every script and style is inlined: the file works from disk, by mail or in a notebook.

Small graphs (up to :data:`PHYSICS_MAX_NODES` actors) start from a seeded networkx spring
layout and settle with tuned vis physics; larger ones get a seeded force layout computed
here (:func:`force_layout`) and physics off, so a graph of thousands of actors draws at
once instead of freezing the page while it stabilises.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import html
import json
import logging
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from .errors import InputError
from .graph import KnowledgeGraph
from .model import ACTOR_TYPES, ONTOLOGY

log = logging.getLogger(__name__)

ASSETS = Path(__file__).parent / "assets"

#: Above this many actors the layout is precomputed in Python and physics is off.
PHYSICS_MAX_NODES = 300

#: Colour, vis-network shape and legend label of each actor type.
ACTOR_STYLE: dict[str, tuple[str, str, str]] = {
    "STATE": ("#4e79a7", "dot", "State"),
    "GOVERNMENT": ("#8c6bb1", "square", "Government"),
    "ARMED_GROUP": ("#f28e2b", "triangle", "Armed group"),
    "ORGANIZATION": ("#17a2b8", "diamond", "Organization"),
    "PERSON": ("#e377c2", "star", "Person"),
    "LOCATION": ("#a39e93", "hexagon", "Location"),
}
UNKNOWN_STYLE: tuple[str, str, str] = ("#bbbbbb", "dot", "Other")

#: Edge colour and legend label of each polarity (read from the ontology per relation).
POLARITY_STYLE: dict[int, tuple[str, str]] = {
    1: ("#2ca02c", "cooperation (+1)"),
    -1: ("#d62728", "conflict (\u22121)"),
    0: ("#8c8c8c", "neutral / structural (0)"),
}

SIZE_BY = ("mentions", "degree")
_MAX_SENTENCE = 400
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_CLOSING_TAG = re.compile(r"</(script|style)|<!--", re.IGNORECASE)


# -- selecting what to draw ----------------------------------------------------------


def select(
    graph: KnowledgeGraph,
    *,
    relations: Iterable[str] | None = None,
    min_weight: int = 1,
    focus: str | None = None,
    depth: int = 1,
) -> KnowledgeGraph:
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
    return KnowledgeGraph(H)


# -- layout ---------------------------------------------------------------------------


def force_layout(graph: nx.Graph, *, seed: int = 7, iterations: int = 60) -> dict[Any, tuple[float, float]]:
    """Return a seeded force-directed layout that stays fast for thousands of nodes.

    Fruchterman-Reingold with the repulsion of far nodes approximated by the centroids
    of a grid of about n/4 cells (each node still feels the other nodes of its own
    cell), so one iteration costs O(n * n/4) vector operations instead of O(n^2) and
    needs neither scipy nor a C extension.  A weak pull to the centre keeps
    disconnected parts on screen.

    Parameters
    ----------
    graph : networkx graph
        Directions, keys and weights are ignored.
    seed : int, default 7
        Seed of the initial positions: the same graph and seed give the same layout.
    iterations : int, default 60

    Returns
    -------
    dict
        Node -> ``(x, y)`` with coordinates in about [0, 1], optimal distance ``1/sqrt(n)``.

    Examples
    --------
    >>> pos = force_layout(nx.path_graph(3), seed=1)
    >>> sorted(pos) == [0, 1, 2] and pos == force_layout(nx.path_graph(3), seed=1)
    True
    """
    nodes = list(graph)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.5, 0.5)}
    index = {v: i for i, v in enumerate(nodes)}
    pairs = np.array(
        [(index[u], index[v]) for u, v in graph.edges() if u != v], dtype=np.int64
    ).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    k = 1.0 / math.sqrt(n)
    cells = max(1, int(math.sqrt(n) / 2))
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        disp = _repulsion(pos, k, cells)
        if len(pairs):
            delta = pos[pairs[:, 0]] - pos[pairs[:, 1]]
            dist = np.sqrt((delta**2).sum(axis=1))
            pull = delta * (dist / k)[:, None]
            for axis in (0, 1):
                disp[:, axis] -= np.bincount(pairs[:, 0], weights=pull[:, axis], minlength=n)
                disp[:, axis] += np.bincount(pairs[:, 1], weights=pull[:, axis], minlength=n)
        disp -= (pos - pos.mean(axis=0)) * 2.0
        length = np.maximum(np.sqrt((disp**2).sum(axis=1)), 1e-12)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        # Seeded jitter: nodes that met (same forces from then on) drift apart again.
        pos += rng.normal(scale=0.01 * k, size=pos.shape)
        temperature -= cooling
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for v, i in index.items()}


def _repulsion(pos: np.ndarray, k: float, cells: int) -> np.ndarray:
    n = len(pos)
    kk = k * k
    lo = pos.min(axis=0)
    span = np.maximum(pos.max(axis=0) - lo, 1e-12)
    grid = np.minimum(((pos - lo) / span * cells).astype(np.int64), cells - 1)
    cid = grid[:, 0] * cells + grid[:, 1]
    mass = np.bincount(cid, minlength=cells * cells).astype(float)
    occupied = np.flatnonzero(mass)
    m = mass[occupied]
    sums = np.stack(
        [np.bincount(cid, weights=pos[:, a], minlength=cells * cells)[occupied] for a in (0, 1)], axis=1
    )
    centroids = (sums / m[:, None]).astype(np.float32)
    own = np.searchsorted(occupied, cid)
    # Other cells as point masses: float32 and one n x cells matrix per axis, the cost of the layout.
    p32 = pos.astype(np.float32)
    dx = p32[:, 0, None] - centroids[None, :, 0]
    dy = p32[:, 1, None] - centroids[None, :, 1]
    weight = dx * dx
    weight += dy * dy
    np.maximum(weight, np.float32(1e-4 * kk), out=weight)
    np.divide(m.astype(np.float32)[None, :], weight, out=weight)
    weight[np.arange(n), own] = 0.0
    disp = np.stack([(dx * weight).sum(axis=1), (dy * weight).sum(axis=1)], axis=1).astype(float) * kk
    # The node's own cell, exactly: a padded table of each cell's members.
    order = np.argsort(own, kind="stable")
    starts = np.concatenate([[0], np.cumsum(m.astype(np.int64))[:-1]])
    rank = np.arange(n) - starts[own[order]]
    members = np.full((len(occupied), int(m.max())), -1, dtype=np.int64)
    members[own[order], rank] = order
    mates = members[own]
    valid = (mates >= 0) & (mates != np.arange(n)[:, None])
    d = pos[:, None, :] - pos[np.where(mates >= 0, mates, 0)]
    d2 = np.maximum((d**2).sum(axis=2), 1e-4 * kk)
    disp += (d * np.where(valid, kk / d2, 0.0)[:, :, None]).sum(axis=1)
    return disp


def _positions(G: nx.MultiDiGraph, seed: int) -> tuple[dict[Any, tuple[float, float]], bool]:
    """Pixel positions of the nodes, and whether vis physics should run."""
    n = G.number_of_nodes()
    simple = nx.Graph(G.to_undirected(as_view=True))
    if n <= PHYSICS_MAX_NODES:
        if n == 0:
            return {}, True
        spread = max(150.0, 90.0 * math.sqrt(n))
        pos = nx.spring_layout(simple, seed=seed, scale=spread)
        return {v: (float(x), float(y)) for v, (x, y) in pos.items()}, True
    pos = force_layout(simple, seed=seed)
    # Optimal FR distance is 1/sqrt(n) in layout units: make it about 110 px.
    scale = 110.0 * math.sqrt(n)
    return {v: ((x - 0.5) * scale, (y - 0.5) * scale) for v, (x, y) in pos.items()}, False


# -- nodes, edges and options -----------------------------------------------------------


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _darker(colour: str, factor: float = 0.7) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * factor) for c in (r, g, b)))


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


def _edge_tip(G: nx.MultiDiGraph, u: str, v: str, key: str, max_evidence: int) -> dict[str, Any]:
    d = G.edges[u, v, key]
    docs = G.graph.get("documents", {})
    pol = ONTOLOGY[key].polarity
    evidence = d.get("evidence", [])
    confidence = d.get("confidence", 0.0)
    lines = [f"{_plural(len(evidence), 'evidence sentence')} \u00b7 confidence {confidence:.2f}"]
    first, last = d.get("first_seen"), d.get("last_seen")
    if first:
        lines.append(f"Seen: {first}" if first == last else f"Seen: {first} \u2013 {last}")
    ranked = sorted(
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
    }


def _options(physics: bool, seed: int) -> dict[str, Any]:
    return {
        "autoResize": True,
        "layout": {"randomSeed": seed, "improvedLayout": False},
        "nodes": {
            "borderWidth": 1,
            "font": {"size": 16, "face": "DejaVu Sans, Helvetica, Arial, sans-serif",
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"label": {"drawThreshold": 6}},
        },
        "edges": {
            "smooth": False,
            "selectionWidth": 2,
            "arrowStrikethrough": False,
            "font": {"size": 11, "align": "middle", "color": "#444444",
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "navigationButtons": False,
            "keyboard": False,
            "hideEdgesOnDrag": not physics,
            "hideEdgesOnZoom": not physics,
        },
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -9000,
                "centralGravity": 0.4,
                "springLength": 170,
                "springConstant": 0.03,
                "damping": 0.4,
                "avoidOverlap": 0.6,
            },
            "minVelocity": 1.0,
            "maxVelocity": 40,
            "stabilization": {"enabled": physics, "iterations": 300, "updateInterval": 50, "fit": True},
        },
    }


def build_network(
    graph: KnowledgeGraph,
    *,
    size_by: str = "mentions",
    max_evidence: int = 3,
    seed: int = 7,
    node_colors: Mapping[str, str] | None = None,
) -> Any:
    """Return a :class:`pyvis.network.Network` holding the styled nodes and edges of ``graph``.

    Node and edge dicts carry, besides vis-network's own keys, a ``kg`` entry with the
    data the page filters on and the plain-text parts of the tooltip (no ``title``:
    the page builds tooltips as DOM nodes so that no text is ever parsed as HTML).

    Parameters
    ----------
    graph : KnowledgeGraph
        The graph to draw (use :func:`select` first to filter); not modified.
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
    >>> net = build_network(KnowledgeGraph())
    >>> (net.nodes, net.edges, net.options["physics"]["enabled"])
    ([], [], True)
    """
    from pyvis.network import Network

    if size_by not in SIZE_BY:
        raise InputError(f"size_by must be one of {', '.join(SIZE_BY)}, not {size_by!r}")
    node_colors = dict(node_colors or {})
    bad = sorted(str(c) for c in node_colors.values() if not _HEX_COLOUR.fullmatch(str(c)))
    if bad:
        raise InputError(f"node_colors must be #rrggbb colours, not {bad[0]!r}")
    G = graph.to_networkx()
    positions, physics = _positions(G, seed)
    amount = {
        n: (d.get("mentions", 0) if size_by == "mentions" else G.degree(n)) for n, d in G.nodes(data=True)
    }
    top = max(amount.values(), default=0)
    net = Network(directed=True)
    for n, d in G.nodes(data=True):
        actor_type = d.get("type") or ""
        colour, shape, label = ACTOR_STYLE.get(actor_type, UNKNOWN_STYLE)
        colour = node_colors.get(n, colour)
        x, y = positions[n]
        net.add_node(
            n,
            label=d["name"],
            shape=shape,
            color={
                "background": colour,
                "border": _darker(colour),
                "highlight": {"background": colour, "border": "#000000"},
                "hover": {"background": colour, "border": "#000000"},
            },
            size=round(10 + 30 * math.sqrt(amount[n] / top), 2) if top > 0 else 16,
            x=round(x, 1),
            y=round(y, 1),
            kg={
                "type": actor_type,
                "mentions": d.get("mentions", 0),
                "degree": G.degree(n),
                "tip": _node_tip(G, n, label),
            },
        )
    # Parallel edges (either direction) get curves of growing roundness so none hides another.
    parallel: Counter[tuple[str, str]] = Counter()
    for u, v, key, d in G.edges(keys=True, data=True):
        spec = ONTOLOGY[key]
        colour = POLARITY_STYLE[spec.polarity][0]
        weight = int(d.get("weight", len(d.get("evidence", []))))
        pair = (u, v) if u <= v else (v, u)
        nth = parallel[pair]
        parallel[pair] += 1
        extra: dict[str, Any] = {}
        if nth or G.number_of_edges(u, v) + G.number_of_edges(v, u) > 1:
            extra["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": round(0.15 + 0.15 * nth, 2)}
        net.add_edge(
            u,
            v,
            id=f"{u}|{key}|{v}",
            label=key,
            color={"color": colour, "highlight": colour, "hover": colour, "inherit": False},
            width=round(min(8.0, 1.5 + 2.0 * math.log2(max(weight, 1))), 2),
            arrows="to, from" if spec.symmetric else "to",
            kg={
                "relation": key,
                "polarity": spec.polarity,
                "weight": weight,
                "confidence": d.get("confidence", 0.0),
                "tip": _edge_tip(G, u, v, key, max_evidence),
            },
            **extra,
        )
    net.options = _options(physics, seed)
    return net


# -- the page -------------------------------------------------------------------------


def _json_for_html(data: Any) -> str:
    """JSON that cannot end its ``<script>`` element or open a comment, whatever the strings hold."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def _vis_assets() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (
        lib / "vis-network.css"
    ).read_text(encoding="utf-8")


def _trusted(text: str, name: str) -> Markup:
    # These are inlined unescaped: refuse anything that could close its element early.
    if _CLOSING_TAG.search(text):
        raise RuntimeError(f"{name} contains a closing script/style tag or a comment opener")
    return Markup(text)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def view_data(
    graph: KnowledgeGraph,
    *,
    title: str | None = None,
    caption: str | None = None,
    size_by: str = "mentions",
    max_evidence: int = 3,
    seed: int = 7,
    hide_isolated: bool = False,
    node_colors: Mapping[str, str] | None = None,
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
        See :func:`build_network`.
    hide_isolated : bool, default False
        Start with the "hide actors without shown relations" filter on (the page can
        turn it off: those actors are still in the data).
    node_colors : mapping, optional
        See :func:`build_network`.

    Returns
    -------
    dict
        ``{"meta", "nodes", "edges", "options", "legend"}``; ``meta`` holds ``title``,
        ``subtitle``, the counts, ``physics``, ``focus`` and ``hide_isolated``.

    Examples
    --------
    >>> view_data(KnowledgeGraph())["meta"]["subtitle"]
    '0 documents \u00b7 0 actors \u00b7 0 relations (0 evidence sentences)'
    """
    net = build_network(graph, size_by=size_by, max_evidence=max_evidence, seed=seed, node_colors=node_colors)
    nodes, edges, _, _, _, options = net.get_network_data()
    options = json.loads(options)
    G = graph.to_networkx()
    docs = G.graph.get("documents", {})
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


def render(
    graph: KnowledgeGraph,
    *,
    title: str | None = None,
    caption: str | None = None,
    size_by: str = "mentions",
    max_evidence: int = 3,
    seed: int = 7,
    hide_isolated: bool = False,
    node_colors: Mapping[str, str] | None = None,
) -> str:
    """Return the view of ``graph`` as one self-contained HTML page.

    Parameters
    ----------
    graph : KnowledgeGraph
        The graph to draw (use :func:`select` first to filter); not modified.
    title, caption, size_by, max_evidence, seed, hide_isolated, node_colors
        See :func:`view_data`.

    Returns
    -------
    str
        HTML with every script and style inline and no network reference.

    Examples
    --------
    >>> page = render(KnowledgeGraph(), title="<empty>")
    >>> "<title>&lt;empty&gt; \u00b7 kg view</title>" in page
    True
    """
    data = view_data(
        graph, title=title, caption=caption, size_by=size_by, max_evidence=max_evidence, seed=seed,
        hide_isolated=hide_isolated,
        node_colors=node_colors,
    )
    vis_js, vis_css = _vis_assets()
    kg_js = (ASSETS / "view.js").read_text(encoding="utf-8")
    kg_css = (ASSETS / "view.css").read_text(encoding="utf-8")
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_sha256(vis_js)} {_sha256(kg_js)}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "font-src data:",
            "connect-src 'none'",
            "form-action 'none'",
            "base-uri 'none'",
        ]
    )
    env = Environment(
        loader=FileSystemLoader(str(ASSETS)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )
    return env.get_template("view.html.j2").render(
        title=data["meta"]["title"],
        subtitle=data["meta"]["subtitle"],
        csp=csp,
        data_json=Markup(_json_for_html(data)),
        vis_js=_trusted(vis_js, "vis-network.min.js"),
        vis_css=_trusted(vis_css, "vis-network.css"),
        kg_js=_trusted(kg_js, "view.js"),
        kg_css=_trusted(kg_css, "view.css"),
    )


def write(graph: KnowledgeGraph, path: str | Path, **options: Any) -> Path:
    """Write the view of ``graph`` to ``path`` and return the path.

    Parameters
    ----------
    graph : KnowledgeGraph
    path : str or Path
        Where to write the HTML page (its folder must exist).
    **options
        Passed to :func:`render`.

    Returns
    -------
    Path

    Raises
    ------
    InputError
        When the file cannot be written.

    Examples
    --------
    >>> import tempfile, os
    >>> out = write(KnowledgeGraph(), os.path.join(tempfile.mkdtemp(), "g.html"))
    >>> out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    True
    """
    path = Path(path)
    page = render(graph, **options)
    try:
        path.write_text(page, encoding="utf-8")
    except OSError as e:
        raise InputError(f"{path}: cannot write: {e.strerror or e}") from e
    log.info("wrote %s (%d bytes)", path, len(page))
    return path


def show(graph: KnowledgeGraph, *, height: int = 650, **options: Any) -> Any:
    """Return the view of ``graph`` for display inline in Jupyter.

    The page goes into a sandboxed ``<iframe srcdoc>``: it needs no server, no network
    and no trust, and its scripts cannot reach the notebook.

    Parameters
    ----------
    graph : KnowledgeGraph
    height : int, default 650
        Height of the frame in pixels.
    **options
        Passed to :func:`render` (``title``, ``caption``, ``size_by``, ``max_evidence``, ``seed``,
        ``hide_isolated``, ``node_colors``).

    Returns
    -------
    IPython.display.HTML

    Examples
    --------
    >>> show(KnowledgeGraph()).data.startswith('<div class="kg-view"><iframe srcdoc="&lt;!DOCTYPE html&gt;')
    True
    """
    from IPython.display import HTML

    page = render(graph, **options)
    # IFrame would need a URL (a server or a file); srcdoc keeps the page inside the notebook.
    return HTML(
        f'<div class="kg-view"><iframe srcdoc="{html.escape(page, quote=True)}" sandbox="allow-scripts" '
        f'style="width: 100%; height: {int(height)}px; border: 1px solid #ddd;" '
        f'title="kg view"></iframe></div>'
    )
