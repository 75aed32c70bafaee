"""Neo4j storage for the actor graph: the local server, the loader and the Cypher library.

>>> import kg, kg.store
>>> sorted(kg.store.queries())[:3]
['actor_profile', 'adversaries_of', 'alliances']
>>> graph = kg.extract(["Russia backs Assad."])                         # doctest: +SKIP
>>> with kg.store.connect() as db:                                     # doctest: +SKIP
...     db.write(graph)
...     db.run_query("backers_of", actor="Assad")
...     sub = db.read_graph("MATCH p = (:Actor)-[:BACKS]->(:Actor) RETURN p")

Connection settings come from the arguments of :func:`connect`, else ``NEO4J_URI``,
``NEO4J_USERNAME``, ``NEO4J_PASSWORD`` and ``NEO4J_DATABASE``, else the local server that
``kg neo4j start`` (:func:`kg.store.server.start`) started.

One module per job:

- :mod:`~kg.store.queries`: the Cypher library (``cypher/*.cypher``), its headers and parameters;
- :mod:`~kg.store.connection`: settings, the driver, driver errors as one line;
- :mod:`~kg.store.writer`: batched, idempotent, concurrent-safe, incremental writes;
- :mod:`~kg.store.reader`: rows and graphs back from the database;
- :mod:`~kg.store.guard`: what ad-hoc Cypher may do (no files, no network);
- :mod:`~kg.store.database`: the :class:`Store` facade and :func:`connect`;
- :mod:`~kg.store.server` (with :mod:`~kg.store.config`, :mod:`~kg.store.install`,
  :mod:`~kg.store.java`, :mod:`~kg.store.locations`): the local server.
"""

from __future__ import annotations

from . import server
from .connection import Connection, resolve_connection
from .database import Store, connect, read_graph, run_query, write
from .locations import cypher_dir
from .queries import NamedQuery, QueryParam, parse_query_file, queries, read_cypher, split_statements
from .reader import Rows
from .writer import TYPE_LABELS, LoadReport, sentence_id

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
    "parse_query_file",
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
