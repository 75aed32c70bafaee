"""The :class:`Store` facade: one checked connection to a Neo4j database holding the kg model,
and :func:`connect` that opens it.  It joins the parts of :mod:`kg.store`: the connection, the
schema, the writer, the Cypher library, the ad-hoc query guard and the reader."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Mapping
from typing import Any

import neo4j
import neo4j.exceptions as nx4j

from ..errors import QueryError
from ..graph import KnowledgeGraph
from .connection import Connection, open_driver, resolve_connection, translate_errors
from .guard import check_plan, explain
from .queries import queries, read_cypher, split_statements
from .reader import Rows, build_graph, fetch_graph, read_rows
from .writer import Batch, LoadReport, write_graph

log = logging.getLogger(__name__)

# Neo4j's codes for "this constraint is already there" (two loads created it at the same time).
_ALREADY_EXISTS = ("EquivalentSchemaRuleAlreadyExists", "ConstraintAlreadyExists", "IndexAlreadyExists")


class Store:
    """A checked connection to Neo4j holding the kg model; see :func:`connect`.

    Examples
    --------
    >>> with connect() as db:  # doctest: +SKIP
    ...     db.write(graph)
    ...     rows = db.run_query("backers_of", actor="Assad")
    ...     sub = db.read_graph("MATCH p = (:Actor)-[:BACKS]->(:Actor) RETURN p")
    """

    def __init__(self, driver: neo4j.Driver, connection: Connection) -> None:
        self.driver = driver
        self.connection = connection
        self._schema_applied = False

    @property
    def uri(self) -> str:
        """The server's URI."""
        return self.connection.uri

    def close(self) -> None:
        """Close the driver."""
        self.driver.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Store {self.uri} as {self.connection.user}>"

    def _session(self, **kwargs: Any) -> neo4j.Session:
        return self.driver.session(database=self.connection.database, **kwargs)

    def _errors(self) -> contextlib.AbstractContextManager[None]:
        return translate_errors(self.uri, self.connection.user)

    # -- schema and writes ---------------------------------------------------------------

    def apply_schema(self) -> None:
        """Create the uniqueness constraints of ``cypher/schema.cypher`` (idempotent; safe when
        several loads start at once: each statement is retried on transient errors such as
        deadlocks, and "already exists" counts as done).

        Examples
        --------
        >>> connect().apply_schema()  # doctest: +SKIP
        """
        with self._errors(), self._session() as session:
            have = set(session.execute_read(
                lambda tx: [r["name"] for r in tx.run("SHOW CONSTRAINTS YIELD name RETURN name")]
            ))
            for cypher in split_statements(read_cypher("schema")):
                words = cypher.split()
                if len(words) > 2 and words[2] in have:
                    continue  # CREATE CONSTRAINT <name> ...: there already
                try:
                    session.execute_write(lambda tx, q=cypher: tx.run(q).consume())
                except nx4j.ClientError as e:
                    if not any(code in (e.code or "") for code in _ALREADY_EXISTS):
                        raise
        self._schema_applied = True

    def write(
        self, graph: KnowledgeGraph, batch_size: int = 5000, reload: bool = False,
        on_commit: Callable[[Batch], None] | None = None,
    ) -> LoadReport:
        """Write a graph: documents, actors, evidence sentences and relations (idempotent).

        Documents already in the database are skipped (``reload=True`` writes them again).
        Documents are grouped whole into transactions of about ``batch_size`` rows; a failure
        leaves every document either fully written or absent, and writing again completes it.
        Concurrent writes of overlapping graphs end as one sequential write would.

        Parameters
        ----------
        graph : KnowledgeGraph
            The graph to write; it is not modified.
        batch_size : int
            Rows (documents, actors, mentions, sentences, evidences) per transaction.
        reload : bool
            Write documents that are already in the database again.
        on_commit : callable, optional
            Called with each written batch after its transaction commits.

        Returns
        -------
        LoadReport

        Raises
        ------
        Neo4jUnavailable
            When the server cannot be reached (after retrying transient failures).
        InputError
            When a relation type is not in the ontology (checked before anything is written).

        Examples
        --------
        >>> report = connect().write(kg.extract(["article.txt"]))  # doctest: +SKIP
        >>> report.documents  # doctest: +SKIP
        1
        """
        if not self._schema_applied:
            self.apply_schema()
        with self._errors(), self._session() as session:
            report = write_graph(session, graph, batch_size=batch_size, reload=reload, on_commit=on_commit)
        log.info("wrote %s to %s", report, self.uri)
        return report

    def clear(self) -> None:
        """Delete every node and relationship of the database (in chunks).

        Examples
        --------
        >>> connect().clear()  # doctest: +SKIP
        """
        # relationships first: one actor may hold more of them than a transaction's memory allows
        chunks = (
            "MATCH ()-[r]->() WITH r LIMIT 20000 DELETE r RETURN count(*) AS c",
            "MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS c",
        )
        with self._errors(), self._session() as session:
            for cypher in chunks:
                while session.execute_write(lambda tx, q=cypher: tx.run(q).single()["c"]):
                    pass

    def counts(self) -> dict[str, int]:
        """Count what the database holds.

        Returns
        -------
        dict
            ``nodes``, ``relationships``, ``actors``, ``documents``, ``sentences``,
            ``relations`` (ontology relationships) and ``evidence`` (their evidence sentences, every
            copy of a reprinted story included; the weights count one copy per story).

        Examples
        --------
        >>> connect().counts()["actors"]  # doctest: +SKIP
        26
        """
        cypher = """
        RETURN COUNT { MATCH (n) } AS nodes,
               COUNT { MATCH ()-[r]->() } AS relationships,
               COUNT { MATCH (a:Actor) } AS actors,
               COUNT { MATCH (d:Document) } AS documents,
               COUNT { MATCH (s:Sentence) } AS sentences,
               COUNT { MATCH (:Actor)-[r]->(:Actor) WHERE r.polarity IS NOT NULL } AS relations,
               reduce(total = 0, w IN COLLECT {
                 MATCH (:Actor)-[r]->(:Actor) WHERE r.polarity IS NOT NULL RETURN size(r.evidence)
               } | total + w) AS evidence
        """
        rows = self._read(cypher, {})
        return {k: int(v) for k, v in rows[0].items()}

    # -- reads -------------------------------------------------------------------------------

    def _read(self, cypher: str, params: Mapping[str, Any], guarded: bool = False) -> Rows:
        def unit(tx: neo4j.ManagedTransaction) -> Rows:
            if guarded:
                check_plan(tx.run(explain(cypher), dict(params)).consume().plan)
            return read_rows(tx, cypher, params)

        with self._errors(), self._session(default_access_mode=neo4j.READ_ACCESS) as session:
            return session.execute_read(unit)

    def resolve_actor(self, name: str) -> list[str]:
        """Return the ids of the actors called ``name`` (name, alias or id; any case).

        Parameters
        ----------
        name : str

        Returns
        -------
        list of str
            Sorted ids; empty when none matches.

        Examples
        --------
        >>> connect().resolve_actor("HTS")  # doctest: +SKIP
        ['hayat-tahrir-al-sham']
        """
        rows = self._read(
            "MATCH (a:Actor) WHERE a.id = toLower(trim($name)) OR toLower(a.name) = toLower(trim($name))"
            " OR any(alias IN a.aliases WHERE toLower(alias) = toLower(trim($name)))"
            " RETURN a.id AS id ORDER BY id",
            {"name": name},
        )
        return [r["id"] for r in rows]

    def run_query(self, name: str, params: Mapping[str, Any] | None = None, **kwargs: Any) -> Rows:
        """Run a query of the Cypher library (read-only) and return its rows.

        Parameters
        ----------
        name : str
            The query's name (``cypher/<name>.cypher``); see :func:`~kg.store.queries.queries`.
        params : mapping, optional
            Its parameters; keyword arguments are added to them.

        Returns
        -------
        Rows
            A list with one dict per row, keys in the query's column order (``.columns``).

        Raises
        ------
        QueryError
            On an unknown query, a wrong or missing parameter, or an actor that no actor's
            name, alias or id matches.

        Examples
        --------
        >>> connect().run_query("backers_of", actor="Assad")  # doctest: +SKIP
        [{'actor': 'Bashar al-Assad', 'backer': 'Russia', ...}, ...]
        """
        library = queries()
        if name not in library:
            raise QueryError(f"no query named {name!r}; `kg query --list` shows them: {', '.join(library)}")
        q = library[name]
        bound = q.bind({**(params or {}), **kwargs})
        for p in q.params:
            if p.kind == "actor" and bound.get(p.name) is not None and not self.resolve_actor(bound[p.name]):
                raise QueryError(
                    f"no actor named {bound[p.name]!r} (name, alias or id) in the graph at {self.uri}"
                )
        return self._read(split_statements(q.text)[0], bound)

    def run_cypher(self, cypher: str, params: Mapping[str, Any] | None = None) -> Rows:
        """Run ad-hoc Cypher in a read transaction and return its rows.

        The query may read the graph only: a query that writes fails, and one that loads CSV or
        calls a procedure reaching files or the network is refused before it runs
        (:mod:`kg.store.guard`).

        Parameters
        ----------
        cypher : str
        params : mapping, optional

        Returns
        -------
        Rows
            A list of dicts (``.columns`` names the columns).  Nodes become their properties
            plus ``_labels``; relationships their properties plus
            ``_type``, ``_start`` and ``_end`` (actor ids); paths alternate the two.

        Raises
        ------
        QueryError
            When the query is invalid, writes, or is refused.

        Examples
        --------
        >>> connect().run_cypher("MATCH (a:Actor) RETURN count(a) AS n")  # doctest: +SKIP
        [{'n': 26}]
        """
        return self._read(cypher, params or {}, guarded=True)

    def read_graph(self, cypher: str, params: Mapping[str, Any] | None = None) -> KnowledgeGraph:
        """Run a read-only query (checked as :meth:`run_cypher` checks it) and rebuild the actors
        and ontology relations it returns (as nodes, relationships or paths) into a
        :class:`KnowledgeGraph`, evidence included.

        Parameters
        ----------
        cypher : str
            Any query returning nodes, relationships or paths (other values are ignored).
        params : mapping, optional

        Returns
        -------
        KnowledgeGraph
            ``.to_networkx()`` gives the networkx MultiDiGraph.

        Examples
        --------
        >>> g = connect().read_graph("MATCH p = (:Actor)-[:BACKS]->(:Actor) RETURN p")  # doctest: +SKIP
        >>> g.relations()[0]["relation"]  # doctest: +SKIP
        'BACKS'
        """
        given = dict(params or {})

        def unit(tx: neo4j.ManagedTransaction) -> dict[str, Any]:
            check_plan(tx.run(explain(cypher), given).consume().plan)
            return fetch_graph(tx, cypher, given)

        with self._errors(), self._session(default_access_mode=neo4j.READ_ACCESS) as session:
            data = session.execute_read(unit)
        return build_graph(data)


def connect(
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    *,
    max_retry_time: float | None = None,
) -> Store:
    """Open and check a connection to Neo4j.

    Parameters
    ----------
    uri, user, password, database : str, optional
        See :func:`~kg.store.connection.resolve_connection`: arguments, else ``NEO4J_*``
        variables, else the local server.
    max_retry_time : float, optional
        Seconds a managed transaction keeps retrying transient failures (default 30, or
        ``KG_NEO4J_RETRY_SECONDS``).

    Returns
    -------
    Store

    Raises
    ------
    Neo4jUnavailable
        When the server is down, the URI is wrong or the credentials are refused; the message
        names the URI and the variables to set.

    Examples
    --------
    >>> with connect() as db:  # doctest: +SKIP
    ...     db.run_query("backers_of", actor="Assad")
    """
    conn = resolve_connection(uri, user, password, database)
    return Store(open_driver(conn, max_retry_time), conn)


# -- one-call helpers for notebooks ---------------------------------------------------------


def write(graph: KnowledgeGraph, batch_size: int = 5000, **connection: Any) -> LoadReport:
    """Connect (see :func:`connect`), write ``graph`` and close.

    Parameters
    ----------
    graph : KnowledgeGraph
    batch_size : int
        Rows per transaction.
    **connection
        ``uri``, ``user``, ``password``, ``database``.

    Returns
    -------
    LoadReport

    Examples
    --------
    >>> import kg, kg.store
    >>> kg.store.write(kg.extract(["Russia backs Assad."]))  # doctest: +SKIP
    """
    with connect(**connection) as db:
        return db.write(graph, batch_size=batch_size)


def run_query(name: str, params: Mapping[str, Any] | None = None, **kwargs: Any) -> list[dict[str, Any]]:
    """Connect with the default settings, run a library query and close.

    Parameters
    ----------
    name : str
        Query name (see :func:`~kg.store.queries.queries`).
    params : mapping, optional
        Its parameters; keyword arguments are added to them.

    Returns
    -------
    list of dict

    Examples
    --------
    >>> import kg.store
    >>> kg.store.run_query("backers_of", actor="Assad")  # doctest: +SKIP
    """
    with connect() as db:
        return db.run_query(name, params, **kwargs)


def read_graph(cypher: str, params: Mapping[str, Any] | None = None) -> KnowledgeGraph:
    """Connect with the default settings, read a query's actors and relations into a
    :class:`KnowledgeGraph` and close.

    Parameters
    ----------
    cypher : str
    params : mapping, optional

    Returns
    -------
    KnowledgeGraph

    Examples
    --------
    >>> import kg.store
    >>> kg.store.read_graph("MATCH p = ()-[:BACKS]->() RETURN p").to_networkx()  # doctest: +SKIP
    """
    with connect() as db:
        return db.read_graph(cypher, params)
