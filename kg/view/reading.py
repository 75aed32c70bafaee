"""What the view reads from a graph, and how.

The view takes any object with :class:`~kg.graph.KnowledgeGraph`'s reading methods
(:class:`ActorGraph`) and never imports :mod:`kg.graph`, so ``KnowledgeGraph.show`` can call
into the view without an import circle.  Documents and evidence come through those methods;
actors through the node attributes of ``to_networkx()`` that :mod:`kg.graph` documents
(``name``, ``type``, ``aliases``, ``mentions``, ``docs``) and edges through ``weight``,
``confidence``, ``first_seen`` and ``last_seen``.
"""

from __future__ import annotations

from typing import Any, Protocol

import networkx as nx


class ActorGraph(Protocol):
    """The reading side of :class:`~kg.graph.KnowledgeGraph` that the view uses."""

    def __init__(self, graph: nx.MultiDiGraph | None = None) -> None: ...

    def to_networkx(self) -> nx.MultiDiGraph: ...

    @property
    def documents(self) -> dict[str, dict[str, Any]]: ...

    def evidence(self, source_id: str, relation: str, target_id: str) -> list[dict[str, Any]]: ...

    def find_actor(self, name: str) -> str | None: ...
