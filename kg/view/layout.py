"""Where the actors go: a seeded spring layout for small graphs, a fast force layout for big ones.

Small graphs (up to :data:`PHYSICS_MAX_NODES` actors) start from a seeded networkx spring
layout and settle with tuned vis physics; larger ones get a seeded force layout computed
here (:func:`force_layout`) and physics off, so a graph of thousands of actors draws at
once instead of freezing the page while it stabilises.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import networkx as nx
import numpy as np

#: Above this many actors the layout is precomputed in Python and physics is off.
PHYSICS_MAX_NODES = 300

#: How much harder than a relation the tie of an actor to its group's hub pulls.
GROUP_PULL = 8.0


def force_layout(graph: nx.Graph, *, seed: int = 7, iterations: int = 60) -> dict[Any, tuple[float, float]]:
    """Return a seeded force-directed layout that stays fast for thousands of nodes.

    Fruchterman-Reingold with the repulsion of far nodes approximated by the centroids
    of a grid of about 4 sqrt(n) cells of equal node counts (each node still feels the other
    nodes of its own cell exactly), so one iteration costs O(n^1.5) vector operations
    instead of O(n^2) and needs neither scipy nor a C extension.  A weak pull to the centre keeps
    disconnected parts on screen.

    Parameters
    ----------
    graph : networkx graph
        Directions and keys are ignored; an edge attribute ``pull`` multiplies the attraction
        along that edge (default 1).
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
    ends = np.fromiter((index[x] for e in graph.edges() for x in e[:2]), dtype=np.int64).reshape(-1, 2)
    strength = np.fromiter((w for *_, w in graph.edges(data="pull", default=1.0)), dtype=float)
    loops = ends[:, 0] == ends[:, 1]
    pairs, strength = ends[~loops], strength[~loops]
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    k = 1.0 / math.sqrt(n)
    # about 4 sqrt(n) cells of sqrt(n) / 4 nodes (far field n x cells, near field n x n / cells):
    # the fastest split measured on 2,000-actor graphs
    per_side = max(1, round(2 * n**0.25))
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        disp = _repulsion(pos, k, per_side)
        if len(pairs):
            delta = pos[pairs[:, 0]] - pos[pairs[:, 1]]
            dist = np.sqrt((delta**2).sum(axis=1))
            pull = delta * (dist * strength / k)[:, None]
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


def _cells(pos: np.ndarray, per_side: int) -> np.ndarray:
    """Cell of each node in a grid of ``per_side`` columns of equal node counts, each cut into
    ``per_side`` rows of equal counts: every cell holds about n / per_side**2 nodes however
    crowded the picture, which keeps the exact near-field table small."""
    n = len(pos)
    column = np.empty(n, dtype=np.int64)
    column[np.argsort(pos[:, 0], kind="stable")] = np.arange(n) * per_side // n
    order = np.lexsort((pos[:, 1], column))
    sizes = np.bincount(column, minlength=per_side)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    rank = np.arange(n) - starts[column[order]]
    row = np.empty(n, dtype=np.int64)
    row[order] = rank * per_side // sizes[column[order]]
    return column * per_side + row


def _repulsion(pos: np.ndarray, k: float, per_side: int) -> np.ndarray:
    n = len(pos)
    kk = k * k
    cid = _cells(pos, per_side)
    mass = np.bincount(cid, minlength=per_side * per_side).astype(float)
    occupied = np.flatnonzero(mass)
    m = mass[occupied]
    sums = np.stack(
        [np.bincount(cid, weights=pos[:, a], minlength=per_side * per_side)[occupied] for a in (0, 1)], axis=1
    )
    centroids = (sums / m[:, None]).astype(np.float32)
    own = np.searchsorted(occupied, cid)
    # Other cells as point masses: float32 and one n x cells matrix per axis.
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
    d = (p32[:, None, :] - p32[np.where(mates >= 0, mates, 0)])
    d2 = np.maximum((d * d).sum(axis=2), np.float32(1e-4 * kk))
    disp += (d * np.where(valid, np.float32(kk) / d2, np.float32(0.0))[:, :, None]).sum(axis=1)
    return disp


def positions(
    G: nx.MultiDiGraph, *, seed: int = 7, groups: Mapping[Any, str] | None = None
) -> tuple[dict[Any, tuple[float, float]], bool]:
    """Return the pixel positions of the actors, and whether vis physics should run.

    Up to :data:`PHYSICS_MAX_NODES` actors: a seeded networkx spring layout that vis physics
    then settles.  Above, or whenever ``groups`` is given: :func:`force_layout`, physics off.
    With ``groups`` each actor is also tied to an invisible hub of its group, so the members of a
    group gather in one region of the picture.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The actor graph; directions and keys are ignored.
    seed : int, default 7
    groups : mapping, optional
        Group name by actor; actors left out belong to no group.

    Returns
    -------
    tuple
        ``({actor: (x, y)}, physics)``.

    Examples
    --------
    >>> G = nx.MultiDiGraph([("a", "b"), ("c", "d")])
    >>> pos, physics = positions(G, groups={"a": "x", "b": "x", "c": "y", "d": "y"})
    >>> sorted(pos), physics
    (['a', 'b', 'c', 'd'], False)
    """
    n = G.number_of_nodes()
    if n <= PHYSICS_MAX_NODES and not groups:
        if n == 0:
            return {}, True
        spread = max(150.0, 90.0 * math.sqrt(n))
        pos = nx.spring_layout(nx.Graph(G.to_undirected(as_view=True)), seed=seed, scale=spread)
        return {v: (float(x), float(y)) for v, (x, y) in pos.items()}, True
    # built edge by edge: converting the whole MultiDiGraph view costs more than the layout's setup
    simple = nx.Graph()
    simple.add_nodes_from(G)
    simple.add_edges_from(G.edges())
    if groups:
        # Hubs are tuples, which no actor id (a string) can equal.
        simple.add_edges_from(((v, ("group", groups[v])) for v in G if v in groups), pull=GROUP_PULL)
    pos = force_layout(simple, seed=seed)
    # Optimal FR distance is 1/sqrt(n) in layout units: make it about 110 px.
    scale = 110.0 * math.sqrt(max(n, 1))
    return {v: ((pos[v][0] - 0.5) * scale, (pos[v][1] - 0.5) * scale) for v in G}, False
