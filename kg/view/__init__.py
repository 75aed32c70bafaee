"""Interactive HTML views of the actor graph: one self-contained, offline, injection-safe page.

>>> import kg.view
>>> from kg.analysis import from_triples
>>> page = kg.view.render(from_triples([("Russia", "BACKS", "Assad")]), title="Syria")
>>> page.startswith("<!DOCTYPE html>"), "Russia" in page
(True, True)

One job per module, everything public re-exported here:

- :mod:`kg.view.selection`: :func:`select`, what to draw (relation types, evidence, a neighbourhood)
- :mod:`kg.view.layout`: :func:`force_layout` and :func:`positions`, where the actors go
- :mod:`kg.view.styles`: colours, shapes and vis-network options
- :mod:`kg.view.data`: :func:`view_data` (and :func:`build_network` for pyvis), what the page shows
- :mod:`kg.view.safety`: escaping and the Content-Security-Policy
- :mod:`kg.view.page`: :func:`render` and :func:`write`, the HTML file
- :mod:`kg.view.jupyter`: :func:`show`, the page inline in a notebook

The view reads a graph through :class:`~kg.graph.KnowledgeGraph`'s methods and never imports
:mod:`kg.graph` (:mod:`kg.view.reading`), so ``KnowledgeGraph.show()`` calls into it without a
circle.
"""

from __future__ import annotations

from .data import GROUP_BY, actor_groups, build_network, network_items, view_data
from .jupyter import show
from .layout import PHYSICS_MAX_NODES, force_layout, positions
from .page import ASSETS, render, vis_assets, write
from .selection import select
from .styles import ACTOR_STYLE, GROUP_COLOURS, POLARITY_STYLE, SIZE_BY, UNKNOWN_STYLE

__all__ = [
    "ACTOR_STYLE",
    "ASSETS",
    "GROUP_BY",
    "GROUP_COLOURS",
    "PHYSICS_MAX_NODES",
    "POLARITY_STYLE",
    "SIZE_BY",
    "UNKNOWN_STYLE",
    "actor_groups",
    "build_network",
    "force_layout",
    "network_items",
    "positions",
    "render",
    "select",
    "show",
    "view_data",
    "vis_assets",
    "write",
]
