"""Neo4j storage for the actor graph: the local server, the loader and the Cypher library.

>>> import kg, kg.store
>>> graph = kg.extract(["Russia backs Assad."])                         # doctest: +SKIP
>>> with kg.store.connect() as db:                                     # doctest: +SKIP
...     db.write(graph)
...     db.run_query("backers_of", actor="Assad")
...     sub = db.read_graph("MATCH p = (:Actor)-[:BACKS]->(:Actor) RETURN p")

Connection settings come from the arguments of :func:`connect`, else ``NEO4J_URI``,
``NEO4J_USERNAME``, ``NEO4J_PASSWORD`` and ``NEO4J_DATABASE``, else the local server that
``kg neo4j start`` (:func:`kg.store.server.start`) started.
"""

from __future__ import annotations

from . import server
from .neo4j import (
    TYPE_LABELS,
    Connection,
    LoadReport,
    NamedQuery,
    QueryParam,
    Rows,
    Store,
    connect,
    cypher_dir,
    queries,
    read_cypher,
    read_graph,
    resolve_connection,
    run_query,
    sentence_id,
    split_statements,
    write,
)

__all__ = [
    "TYPE_LABELS",
    "Connection",
    "LoadReport",
    "NamedQuery",
    "QueryParam",
    "Rows",
    "Store",
    "connect",
    "cypher_dir",
    "queries",
    "read_cypher",
    "read_graph",
    "resolve_connection",
    "run_query",
    "sentence_id",
    "server",
    "split_statements",
    "write",
]
