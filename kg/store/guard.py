"""What ad-hoc Cypher may do: read the graph, never files or the network.

``kg query --cypher``, :meth:`~kg.store.Store.run_cypher` and :meth:`~kg.store.Store.read_graph`
run text a user typed in a read transaction (so it cannot write).  Before it runs, the server
plans it (``EXPLAIN``, which executes nothing) and the plan is checked here: a ``LoadCSV``
operator anywhere is refused, and so is every procedure call but the schema introspection in
:data:`ALLOWED_PROCEDURES`.  Checking the plan, not the text, means comments, odd spacing or
quoting cannot hide a ``LOAD CSV``.  The local server refuses file URLs and loopback or
private addresses on its own as well (:mod:`kg.store.config`); this check also covers servers
kg does not configure.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..errors import QueryError

#: Procedures ad-hoc Cypher may call: they read the schema and nothing else.
ALLOWED_PROCEDURES = frozenset({
    "db.labels",
    "db.relationshipTypes",
    "db.propertyKeys",
    "db.schema.visualization",
    "db.schema.nodeTypeProperties",
    "db.schema.relTypeProperties",
})


def _operators(plan: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    yield plan
    for child in plan.get("children") or []:
        yield from _operators(child)


def check_plan(plan: Mapping[str, Any] | None) -> None:
    """Refuse a query plan that loads CSV or calls a procedure outside :data:`ALLOWED_PROCEDURES`.

    Parameters
    ----------
    plan : mapping
        The plan the driver returns for ``EXPLAIN`` (``operatorType``, ``args``, ``children``).

    Raises
    ------
    QueryError
        Naming what was refused.

    Examples
    --------
    >>> check_plan({"operatorType": "ProduceResults@neo4j", "children": [
    ...     {"operatorType": "ProcedureCall@neo4j", "args": {"Details": "db.labels() :: (label :: STRING)"}}]})
    >>> check_plan({"operatorType": "ProduceResults@neo4j", "children": [{"operatorType": "LoadCSV@neo4j"}]})
    Traceback (most recent call last):
    kg.errors.QueryError: ad-hoc queries may not use LOAD CSV: it reads files and URLs
    >>> check_plan({"operatorType": "ProcedureCall@neo4j", "args": {"Details": "dbms.listConfig()"}})
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.errors.QueryError: ad-hoc queries may not call the procedure dbms.listConfig (allowed: db.labels, ...)
    """
    if not plan:
        raise QueryError("the server gave no plan for the query, so kg cannot check it; nothing was run")
    for op in _operators(plan):
        kind = str(op.get("operatorType", "")).split("@", 1)[0]
        if kind == "LoadCSV":
            raise QueryError("ad-hoc queries may not use LOAD CSV: it reads files and URLs")
        if kind == "ProcedureCall":
            details = str((op.get("args") or {}).get("Details", ""))
            name = details.split("(", 1)[0].strip()
            if name not in ALLOWED_PROCEDURES:
                allowed = ", ".join(sorted(ALLOWED_PROCEDURES))
                raise QueryError(f"ad-hoc queries may not call the procedure {name or details} (allowed: {allowed})")


def explain(cypher: str) -> str:
    """Return the statement that plans ``cypher`` without running it.

    A leading ``CYPHER`` version or option prefix stays first, where Neo4j expects it.

    Examples
    --------
    >>> explain("MATCH (n) RETURN n")
    'EXPLAIN MATCH (n) RETURN n'
    >>> explain("CYPHER 25 MATCH (n) RETURN n")
    'CYPHER 25 EXPLAIN MATCH (n) RETURN n'
    """
    words = cypher.lstrip().split(None, 2)
    if len(words) == 3 and words[0].upper() == "CYPHER" and words[1][:1].isdigit():
        return f"CYPHER {words[1]} EXPLAIN {words[2]}"
    return f"EXPLAIN {cypher}"
