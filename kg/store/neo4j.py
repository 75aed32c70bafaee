"""Write a :class:`~kg.graph.KnowledgeGraph` into Neo4j, run the Cypher library, read graphs back.

The model in Neo4j
------------------
- ``(:Actor {id, name, type, aliases})`` with one more label for its type:
  ``:State``, ``:Government``, ``:ArmedGroup``, ``:Organization``, ``:Person``, ``:Location``.
- One relationship type per ontology relation (``:BACKS``, ``:ATTACKS``, ...; see
  :data:`kg.model.ONTOLOGY`) from source to target actor, carrying ``polarity``, ``symmetric``,
  ``weight`` (number of evidence sentences), ``confidence`` (the highest), ``first_seen`` and
  ``last_seen`` (article dates, ISO strings) and the evidence itself: ``evidence`` (sentence ids),
  with ``evidence_rules`` and ``evidence_confidences`` in step.
- Provenance: ``(:Document {id, title, date, url, source})-[:HAS_SENTENCE]->(:Sentence {id, text,
  doc, start, end})-[:MENTIONS]->(:Actor)`` for the actors of the relations a sentence states, and
  ``(:Document)-[:MENTIONS {name, type, aliases, mentions}]->(:Actor)`` for how each document
  names each actor (and how often; an actor's mention count is their sum).  A sentence id is
  ``"<document id>:<start>-<end>"``.

Why sentence ids on the relationship rather than a reified ``:Claim`` node: the questions asked
most (who backs whom, how strongly) read one relationship and its ``weight`` with no extra hop,
``evidence_for`` reaches the sentences through the ``Sentence.id`` uniqueness index, and the
weight stays idempotent because it is the size of a set of ids, never a counter.

Every write is ``UNWIND $rows`` + ``MERGE`` on constrained ids, in managed transactions
(``execute_write``, retried on transient errors); documents are grouped into transactions whole,
so a document is written entirely or not at all.  Relationship types and type labels are
spliced into the statements only from :data:`kg.model.ONTOLOGY` and :data:`TYPE_LABELS`; user text
always travels as parameters.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import neo4j
import neo4j.exceptions as nx4j
import neo4j.graph

from ..errors import InputError, Neo4jUnavailable, QueryError
from ..graph import KnowledgeGraph
from ..model import ONTOLOGY, Actor, Document, Evidence, Extraction, Relation
from . import server

log = logging.getLogger(__name__)

#: Extra label of each actor type.
TYPE_LABELS: dict[str, str] = {
    "STATE": "State",
    "GOVERNMENT": "Government",
    "ARMED_GROUP": "ArmedGroup",
    "ORGANIZATION": "Organization",
    "PERSON": "Person",
    "LOCATION": "Location",
}

HINT = (
    "set NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD (or --uri/--user/--password), "
    "or run `kg neo4j start` for the local server"
)

_IDENTIFIER = re.compile(r"^[A-Z][A-Za-z_]*$")
_BOLT_SCHEMES = {"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"}


def cypher_dir() -> Path:
    """Return the folder of the Cypher library (``cypher/`` at the repository root).

    Examples
    --------
    >>> (cypher_dir() / "backers_of.cypher").is_file()
    True
    """
    env = os.environ.get("KG_CYPHER_DIR")
    return Path(env) if env else server.project_root() / "cypher"


def read_cypher(name: str) -> str:
    """Return the text of ``cypher/<name>.cypher``.

    Parameters
    ----------
    name : str
        File name without ``.cypher``.

    Returns
    -------
    str

    Raises
    ------
    QueryError
        When there is no such file.

    Examples
    --------
    >>> "CREATE CONSTRAINT" in read_cypher("schema")
    True
    """
    if not re.fullmatch(r"[A-Za-z0-9_]+", name):
        raise QueryError(f"not a query name: {name!r}")
    path = cypher_dir() / f"{name}.cypher"
    try:
        return path.read_text(encoding="utf-8")
    except OSError as e:
        raise QueryError(f"no Cypher file {path.name} in {path.parent}") from e


def split_statements(text: str) -> list[str]:
    """Split a Cypher file into statements: whole-line ``//`` comments dropped, ``;`` at a line's
    end ends a statement.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of str

    Examples
    --------
    >>> split_statements("// hi\\nRETURN 1;\\nRETURN 2")
    ['RETURN 1', 'RETURN 2']
    """
    statements, current = [], []
    for line in text.splitlines():
        if line.strip().startswith("//"):
            continue
        stripped = line.rstrip()
        if stripped.endswith(";"):
            current.append(stripped[:-1])
            statements.append("\n".join(current).strip())
            current = []
        else:
            current.append(line)
    statements.append("\n".join(current).strip())
    return [s for s in statements if s]


# -- the query library ----------------------------------------------------------------------


@dataclass(frozen=True)
class QueryParam:
    """One parameter of a library query, as declared in its file's header.

    ``kind`` is ``actor`` (a name, alias or id, resolved by the query itself), ``string``, ``int``
    or ``float``; a parameter with a default (``actor=null``, ``int=1``) is optional.
    """

    name: str
    kind: str
    required: bool
    default: Any
    help: str


@dataclass(frozen=True)
class NamedQuery:
    """A query of the Cypher library: ``cypher/<name>.cypher`` and what its header declares."""

    name: str
    description: str
    params: tuple[QueryParam, ...]
    text: str
    path: Path

    @property
    def header(self) -> str:
        """The header comment, without the ``//`` marks."""
        out = []
        for line in self.text.splitlines():
            if not line.startswith("//"):
                break
            out.append(line[2:].removeprefix(" "))
        return "\n".join(out).strip()

    def bind(self, given: Mapping[str, Any]) -> dict[str, Any]:
        """Check and convert parameters (strings from the command line are converted).

        Parameters
        ----------
        given : mapping
            Parameter values by name.

        Returns
        -------
        dict
            Every declared parameter, defaults filled in.

        Raises
        ------
        QueryError
            On an unknown or missing parameter, or a value of the wrong kind.

        Examples
        --------
        >>> queries()["blocs_input"].bind({"min_weight": "2"})
        {'min_weight': 2}
        """
        names = {p.name for p in self.params}
        unknown = sorted(set(given) - names)
        if unknown:
            takes = ", ".join(sorted(names)) or "no parameters"
            raise QueryError(f"query {self.name} has no parameter {unknown[0]!r} (it takes: {takes})")
        out: dict[str, Any] = {}
        for p in self.params:
            value = given.get(p.name)
            if value is None or value == "":
                if p.required:
                    raise QueryError(f"query {self.name} needs --param {p.name}=... ({p.help})")
                out[p.name] = p.default
                continue
            out[p.name] = _convert(self.name, p, value)
        return out


def _convert(query: str, p: QueryParam, value: Any) -> Any:
    try:
        if p.kind == "int":
            return int(value)
        if p.kind == "float":
            return float(value)
    except (TypeError, ValueError) as e:
        raise QueryError(f"query {query}: parameter {p.name} must be {p.kind}, not {value!r}") from e
    if p.kind in ("actor", "string") and not isinstance(value, str):
        raise QueryError(f"query {query}: parameter {p.name} must be text, not {value!r}")
    return value


_PARAM_LINE = re.compile(r"^//\s+\$(\w+)\s+(\w+)(?:=(\S+))?\s+(.*)$")


def parse_query_file(path: Path) -> NamedQuery:
    """Read a library file and the header that declares it.

    The header's first line is ``// name: what it answers``; the ``Parameters:`` section lists
    ``//   $name  kind[=default]  help`` lines.

    Parameters
    ----------
    path : Path

    Returns
    -------
    NamedQuery

    Raises
    ------
    QueryError
        When the header is malformed.

    Examples
    --------
    >>> q = parse_query_file(cypher_dir() / "backers_of.cypher")
    >>> q.name, [p.name for p in q.params]
    ('backers_of', ['actor'])
    """
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    first = lines[0] if lines else ""
    m = re.match(r"^//\s*(\w+):\s*(.+)$", first)
    if not m or m.group(1) != path.stem:
        raise QueryError(f"{path}: the first line must be '// {path.stem}: <what it answers>'")
    params: list[QueryParam] = []
    in_params = False
    for line in lines[1:]:
        if not line.startswith("//"):
            break
        if re.match(r"^//\s*Parameters:", line):
            in_params = True
            continue
        if in_params:
            pm = _PARAM_LINE.match(line)
            if pm:
                name, kind, default, help_ = pm.groups()
                if kind not in ("actor", "string", "int", "float", "list"):
                    raise QueryError(f"{path}: parameter {name} has unknown kind {kind!r}")
                value: Any = None
                if default is not None and default != "null":
                    value = _convert(path.stem, QueryParam(name, kind, False, None, help_), default)
                params.append(QueryParam(name, kind, default is None, value, help_.strip()))
            elif re.match(r"^//\s*\w+:", line):
                in_params = False
    return NamedQuery(path.stem, m.group(2).strip(), tuple(params), text, path)


def queries() -> dict[str, NamedQuery]:
    """Return the Cypher library: every ``cypher/*.cypher`` but the schema and loader files.

    Returns
    -------
    dict
        :class:`NamedQuery` by name, sorted.

    Examples
    --------
    >>> "backers_of" in queries()
    True
    """
    out = {}
    for path in sorted(cypher_dir().glob("*.cypher")):
        if path.stem == "schema" or path.stem.startswith("load_"):
            continue
        q = parse_query_file(path)
        out[q.name] = q
    return out


# -- connections ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Connection:
    """Where to connect and as whom; ``origin`` says where the settings came from."""

    uri: str
    user: str
    password: str | None
    database: str | None
    origin: str


def resolve_connection(
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
) -> Connection:
    """Work out the connection settings: arguments, else ``NEO4J_*`` variables, else the local
    server that ``kg neo4j start`` started.

    Parameters
    ----------
    uri, user, password, database : str, optional
        Explicit settings; each falls back to ``NEO4J_URI``, ``NEO4J_USERNAME``,
        ``NEO4J_PASSWORD`` and ``NEO4J_DATABASE``.

    Returns
    -------
    Connection

    Raises
    ------
    Neo4jUnavailable
        When nothing is set and the local server never started.

    Examples
    --------
    >>> resolve_connection("bolt://db:7687", "neo4j", "pw").origin
    'arguments'
    """
    origin = "arguments" if uri else "environment"
    uri = uri or os.environ.get("NEO4J_URI") or None
    user = user or os.environ.get("NEO4J_USERNAME") or None
    password = password if password is not None else os.environ.get("NEO4J_PASSWORD")
    database = database or os.environ.get("NEO4J_DATABASE") or None
    local = server.local_credentials()
    if uri is None:
        if local is None:
            raise Neo4jUnavailable(f"no Neo4j server is configured: {HINT}")
        return Connection(local[0], user or local[1], password or local[2], database, "local server")
    if password is None and local is not None and local[0] == uri:
        password = local[2]  # the local server, named explicitly
    return Connection(uri, user or server.USER, password, database, origin)


def _one_line(e: BaseException) -> str:
    text = (e.message if isinstance(e, nx4j.Neo4jError) else None) or str(e) or type(e).__name__
    return " ".join(str(text).split())[:300]


@contextlib.contextmanager
def _translate(uri: str, user: str) -> Iterator[None]:
    """Turn driver errors into one-line :class:`Neo4jUnavailable` / :class:`QueryError`."""
    try:
        yield
    except nx4j.AuthError as e:
        raise Neo4jUnavailable(
            f"Neo4j at {uri} refused the credentials of user {user!r} ({_one_line(e)}); {HINT}"
        ) from e
    except (nx4j.ServiceUnavailable, nx4j.SessionExpired, ConnectionError, OSError) as e:
        raise Neo4jUnavailable(f"cannot reach Neo4j at {uri} ({_one_line(e)}); {HINT}") from e
    except nx4j.ConfigurationError as e:
        raise Neo4jUnavailable(f"cannot use the Neo4j URI {uri!r} ({_one_line(e)}); {HINT}") from e
    except nx4j.Neo4jError as e:
        code = getattr(e, "code", "") or ""
        if code.endswith("AccessMode") or "AccessMode" in code:
            raise QueryError(f"this query writes, and ad-hoc queries run read-only: {_one_line(e)}") from e
        if code.startswith("Neo.ClientError.Security"):
            raise Neo4jUnavailable(f"Neo4j at {uri} refused user {user!r} ({_one_line(e)}); {HINT}") from e
        raise QueryError(f"Neo4j at {uri} rejected the query: {_one_line(e)}") from e
    except nx4j.DriverError as e:
        raise Neo4jUnavailable(f"Neo4j at {uri} failed ({_one_line(e)}); {HINT}") from e


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
        See :func:`resolve_connection`: arguments, else ``NEO4J_*`` variables, else the local
        server.
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
    if max_retry_time is None:
        max_retry_time = float(os.environ.get("KG_NEO4J_RETRY_SECONDS", "30"))
    scheme = conn.uri.split("://", 1)[0].lower() if "://" in conn.uri else ""
    if scheme not in _BOLT_SCHEMES:
        raise Neo4jUnavailable(
            f"cannot use the Neo4j URI {conn.uri!r}: kg speaks Bolt (bolt://host:7687 or neo4j://host); "
            f"{HINT}"
        )
    with _translate(conn.uri, conn.user):
        try:
            driver = neo4j.GraphDatabase.driver(
                conn.uri,
                auth=(conn.user, conn.password or ""),
                max_transaction_retry_time=max_retry_time,
                connection_timeout=10.0,
                connection_acquisition_timeout=30.0,
                notifications_min_severity="OFF",
            )
        except ValueError as e:
            raise nx4j.ConfigurationError(str(e)) from e
        try:
            driver.verify_connectivity()
        except ValueError as e:
            driver.close()
            raise nx4j.ConfigurationError(str(e)) from e
        except BaseException:
            driver.close()
            raise
    log.info("connected to Neo4j at %s (%s)", conn.uri, conn.origin)
    return Store(driver, conn)


# -- writing --------------------------------------------------------------------------------


@dataclass
class LoadReport:
    """What one :meth:`Store.write` wrote (counted from the input graph)."""

    documents: int = 0
    actors: int = 0
    relations: int = 0
    evidence: int = 0
    transactions: int = 0
    seconds: float = 0.0

    def __str__(self) -> str:
        def n(count: int, noun: str) -> str:
            return f"{count} {noun}{'' if count == 1 else 's'}"

        return (
            f"{n(self.documents, 'document')}, {n(self.actors, 'actor')}, {n(self.relations, 'relation')} "
            f"({n(self.evidence, 'evidence sentence')}) in {n(self.transactions, 'transaction')}, "
            f"{self.seconds:.1f}s"
        )


@dataclass
class _Batch:
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    sentences: dict[str, dict[str, Any]] = field(default_factory=dict)
    relations: dict[tuple[str, str, str], dict[str, Any]] = field(default_factory=dict)

    def size(self) -> int:
        return (
            len(self.documents) + len(self.actors) + len(self.mentions) + len(self.sentences)
            + sum(len(r["evidence"]) for r in self.relations.values())
        )

    def merge(self, other: _Batch) -> None:
        self.documents.update(other.documents)
        self.actors.update(other.actors)
        self.mentions.extend(other.mentions)
        self.sentences.update(other.sentences)
        for key, row in other.relations.items():
            if key in self.relations:
                self.relations[key]["evidence"].extend(row["evidence"])
            else:
                self.relations[key] = {**row, "evidence": list(row["evidence"])}


def sentence_id(doc: str, start: int, end: int) -> str:
    """Return the id of an evidence sentence: ``"<doc>:<start>-<end>"``.

    Examples
    --------
    >>> sentence_id("homs-hama", 0, 110)
    'homs-hama:0-110'
    """
    return f"{doc}:{start}-{end}"


def _relation_label(relation: str) -> str:
    if relation not in ONTOLOGY or not _IDENTIFIER.match(relation):
        raise InputError(
            f"relation type {relation!r} is not in the ontology ({', '.join(ONTOLOGY)}); nothing was written"
        )
    return relation


def _type_label(actor_type: str) -> str:
    # unknown types get no extra label; "Actor" is already there, so SET a:Actor is a no-op
    label = TYPE_LABELS.get(actor_type, "Actor")
    assert _IDENTIFIER.match(label)
    return label


def _document_batches(graph: KnowledgeGraph) -> Iterator[_Batch]:
    """Yield one batch per document (plus one for actors no document names)."""
    g = graph.to_networkx()
    docs: dict[str, dict[str, Any]] = {d: dict(meta) for d, meta in graph.documents.items()}
    by_doc: dict[str, list[tuple[str, str, str, dict[str, Any]]]] = {d: [] for d in docs}
    for s, t, k, d in g.edges(keys=True, data=True):
        _relation_label(k)
        for ev in d.get("evidence", []):
            by_doc.setdefault(ev["doc"], []).append((s, k, t, ev))
            docs.setdefault(ev["doc"], {"id": ev["doc"]})
    doc_actors: dict[str, list[str]] = {d: [] for d in docs}
    orphans = _Batch()
    for n, data in g.nodes(data=True):
        _actor_row(n, data)  # every actor is checked before anything is written
        per_doc = data.get("per_doc") or {}
        for doc_id in per_doc:
            doc_actors.setdefault(doc_id, []).append(n)
            docs.setdefault(doc_id, {"id": doc_id})
        if not per_doc:
            orphans.actors[n] = _actor_row(n, data)
    if orphans.actors:
        yield orphans
    for doc_id, meta in docs.items():
        b = _Batch()
        b.documents[doc_id] = {k: meta.get(k) for k in ("id", "title", "date", "url", "source")}
        b.documents[doc_id]["id"] = doc_id
        for n in doc_actors.get(doc_id, []):
            data = g.nodes[n]
            b.actors[n] = _actor_row(n, data)
            p = data["per_doc"][doc_id]
            b.mentions.append({
                "doc": doc_id, "actor": n, "name": p.get("name", data.get("name")),
                "type": p.get("type", data.get("type")), "aliases": list(p.get("aliases", [])),
                "mentions": int(p.get("mentions", 0)),
            })
        date = meta.get("date")
        for s, k, t, ev in by_doc.get(doc_id, []):
            for n in (s, t):
                if n not in b.actors:
                    b.actors[n] = _actor_row(n, g.nodes[n])
            sid = sentence_id(doc_id, int(ev["start"]), int(ev["end"]))
            sent = b.sentences.setdefault(sid, {
                "id": sid, "doc": doc_id, "text": ev["sentence"], "start": int(ev["start"]),
                "end": int(ev["end"]), "actors": [],
            })
            for n in (s, t):
                if n not in sent["actors"]:
                    sent["actors"].append(n)
            key = (k, s, t)
            row = b.relations.setdefault(key, {"source": s, "target": t, "evidence": []})
            if all(e["id"] != sid for e in row["evidence"]):
                row["evidence"].append({
                    "id": sid, "rule": ev.get("rule"), "confidence": float(ev.get("confidence", 0.0)),
                    "date": date,
                })
        yield b


def _actor_row(n: str, data: Mapping[str, Any]) -> dict[str, Any]:
    if "name" not in data:
        raise InputError(f"actor {n!r} has no name: the graph is not in KnowledgeGraph layout")
    return {"id": n, "name": data["name"], "type": data.get("type")}


# -- reading helpers ------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """Turn driver values into JSON-ready Python values."""
    if isinstance(value, neo4j.graph.Node):
        return {"_labels": sorted(value.labels), **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Relationship):
        return {
            "_type": value.type,
            "_start": value.start_node.get("id") if value.start_node is not None else None,
            "_end": value.end_node.get("id") if value.end_node is not None else None,
            **{k: _plain(v) for k, v in value.items()},
        }
    if isinstance(value, neo4j.graph.Path):
        return [_plain(x) for x in _interleave(value)]
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def _interleave(path: neo4j.graph.Path) -> list[Any]:
    out: list[Any] = [path.start_node]
    for rel, node in zip(path.relationships, path.nodes[1:], strict=True):
        out += [rel, node]
    return out


class Rows(list):  # type: ignore[type-arg]
    """A query's rows (a list of dicts) that also knows its column names, even when empty."""

    def __init__(self, rows: list[dict[str, Any]], columns: list[str]) -> None:
        super().__init__(rows)
        self.columns = columns


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
        return _translate(self.uri, self.connection.user)

    # -- schema and writes ---------------------------------------------------------------

    def apply_schema(self) -> None:
        """Create the uniqueness constraints of ``cypher/schema.cypher`` (idempotent).

        Examples
        --------
        >>> connect().apply_schema()  # doctest: +SKIP
        """
        with self._errors(), self._session() as session:
            for statement in split_statements(read_cypher("schema")):
                session.run(statement).consume()
        self._schema_applied = True

    def write(self, graph: KnowledgeGraph, batch_size: int = 5000) -> LoadReport:
        """Write a graph: documents, actors, evidence sentences and relations (idempotent).

        Documents are grouped whole into transactions of about ``batch_size`` rows; a failure
        leaves every document either fully written or absent, and writing again completes it.

        Parameters
        ----------
        graph : KnowledgeGraph
            The graph to write; it is not modified.
        batch_size : int
            Rows (documents, actors, mentions, sentences, evidences) per transaction.

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
        started = time.perf_counter()
        if not self._schema_applied:
            self.apply_schema()
        statements = self._load_statements()
        report = LoadReport()
        actors: set[str] = set()
        edges: set[tuple[str, str, str]] = set()
        pending = _Batch()
        committed: set[str] = set()  # actors written by an earlier transaction of this call
        for batch in _document_batches(graph):
            report.documents += len(batch.documents)
            actors.update(batch.actors)
            edges.update(batch.relations)
            report.evidence += sum(len(r["evidence"]) for r in batch.relations.values())
            for actor_id in committed.intersection(batch.actors):
                del batch.actors[actor_id]
            pending.merge(batch)
            if pending.size() >= batch_size:
                self._write_batch(pending, statements)
                report.transactions += 1
                committed.update(pending.actors)
                pending = _Batch()
        if pending.size():
            self._write_batch(pending, statements)
            report.transactions += 1
        report.actors = len(actors)
        report.relations = len(edges)
        report.seconds = time.perf_counter() - started
        log.info("wrote %s to %s", report, self.uri)
        return report

    @staticmethod
    def _load_statements() -> dict[str, str]:
        return {
            name: split_statements(read_cypher(name))[0]
            for name in ("load_documents", "load_actors", "load_mentions", "load_sentences", "load_relations")
        }

    def _write_batch(self, batch: _Batch, statements: dict[str, str]) -> None:
        by_label: dict[str, list[dict[str, Any]]] = {}
        for row in batch.actors.values():
            by_label.setdefault(_type_label(row["type"]), []).append(row)
        by_relation: dict[str, list[dict[str, Any]]] = {}
        for (relation, _s, _t), row in batch.relations.items():
            by_relation.setdefault(_relation_label(relation), []).append(row)
        work: list[tuple[str, dict[str, Any]]] = []
        if batch.documents:
            work.append((statements["load_documents"], {"rows": list(batch.documents.values())}))
        for label, rows in sorted(by_label.items()):
            work.append((statements["load_actors"].replace("__LABEL__", label), {"rows": rows}))
        if batch.mentions:
            work.append((statements["load_mentions"], {"rows": batch.mentions}))
        if batch.sentences:
            work.append((statements["load_sentences"], {"rows": list(batch.sentences.values())}))
        for relation, rows in sorted(by_relation.items()):
            spec = ONTOLOGY[relation]
            work.append((
                statements["load_relations"].replace("__RELATION__", relation),
                {"rows": rows, "polarity": spec.polarity, "symmetric": spec.symmetric},
            ))

        def unit(tx: neo4j.ManagedTransaction) -> None:
            for statement, params in work:
                tx.run(statement, params).consume()

        with self._errors(), self._session() as session:
            session.execute_write(unit)

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
            ``relations`` (ontology relationships) and ``evidence`` (sum of their weights).

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
                 MATCH (:Actor)-[r]->(:Actor) WHERE r.polarity IS NOT NULL RETURN r.weight
               } | total + w) AS evidence
        """
        rows = self._read(cypher, {})
        return {k: int(v) for k, v in rows[0].items()}

    # -- reads -------------------------------------------------------------------------------

    def _read(self, cypher: str, params: Mapping[str, Any]) -> Rows:
        def unit(tx: neo4j.ManagedTransaction) -> Rows:
            result = tx.run(cypher, dict(params))
            keys = list(result.keys())
            return Rows([{k: _plain(record[k]) for k in keys} for record in result], keys)

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

    def run_query(
        self, name: str, params: Mapping[str, Any] | None = None, **kwargs: Any
    ) -> Rows:
        """Run a query of the Cypher library (read-only) and return its rows.

        Parameters
        ----------
        name : str
            The query's name (``cypher/<name>.cypher``); see :func:`queries`.
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
        """Run any Cypher in a read transaction (a query that writes fails) and return its rows.

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
            When the query is invalid or writes.

        Examples
        --------
        >>> connect().run_cypher("MATCH (a:Actor) RETURN count(a) AS n")  # doctest: +SKIP
        [{'n': 26}]
        """
        return self._read(cypher, params or {})

    def read_graph(self, cypher: str, params: Mapping[str, Any] | None = None) -> KnowledgeGraph:
        """Run a read-only query and rebuild the actors and ontology relations it returns (as
        nodes, relationships or paths) into a :class:`KnowledgeGraph`, evidence included.

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

        def unit(tx: neo4j.ManagedTransaction) -> dict[str, Any]:
            graph = tx.run(cypher, dict(params or {})).graph()
            nodes = {n.element_id: n for n in graph.nodes if n.labels}
            rels = [
                r for r in graph.relationships
                if r.type in ONTOLOGY and r.start_node is not None and r.end_node is not None
            ]
            missing = sorted(
                {n.element_id for r in rels for n in (r.start_node, r.end_node)} - set(nodes)  # type: ignore[union-attr]
            )
            if missing:
                for record in tx.run("MATCH (n) WHERE elementId(n) IN $ids RETURN n", ids=missing):
                    nodes[record["n"].element_id] = record["n"]
            actors = {eid: dict(n) for eid, n in nodes.items() if "Actor" in n.labels and "id" in n}
            edges = [
                (actors[r.start_node.element_id]["id"], r.type, actors[r.end_node.element_id]["id"], dict(r))  # type: ignore[union-attr]
                for r in rels
                if r.start_node.element_id in actors and r.end_node.element_id in actors  # type: ignore[union-attr]
            ]
            ids = sorted({a["id"] for a in actors.values()})
            mentions = [
                record.data() for record in tx.run(
                    "MATCH (d:Document)-[m:MENTIONS]->(a:Actor) WHERE a.id IN $ids "
                    "RETURN a.id AS actor, d {.*} AS doc, m {.*} AS m ORDER BY d.id, a.id",
                    ids=ids,
                )
            ]
            sids = sorted({sid for *_, props in edges for sid in props.get("evidence") or []})
            sentences = {
                record["s"]["id"]: record.data() for record in tx.run(
                    "MATCH (s:Sentence) WHERE s.id IN $ids OPTIONAL MATCH (d:Document)-[:HAS_SENTENCE]->(s) "
                    "RETURN s {.*} AS s, d {.*} AS d",
                    ids=sids,
                )
            }
            return {
                "actors": list(actors.values()), "edges": edges, "mentions": mentions, "sentences": sentences
            }

        with self._errors(), self._session(default_access_mode=neo4j.READ_ACCESS) as session:
            data = session.execute_read(unit)
        return _build_graph(data)


def _document(meta: Mapping[str, Any] | None, doc_id: str) -> Document:
    meta = meta or {}
    return Document(doc_id, "", meta.get("title"), meta.get("date"), meta.get("url"), meta.get("source"))


def _build_graph(data: dict[str, Any]) -> KnowledgeGraph:
    kg = KnowledgeGraph()
    g = kg.to_networkx()
    docs: dict[str, Document] = {}
    doc_actors: dict[str, list[Actor]] = {}
    for m in data["mentions"]:
        doc = m["doc"]
        docs.setdefault(doc["id"], _document(doc, doc["id"]))
        p = m["m"]
        doc_actors.setdefault(doc["id"], []).append(
            Actor(m["actor"], p.get("name", ""), p.get("type", ""), list(p.get("aliases") or []),
                  int(p.get("mentions") or 0))
        )
    for doc_id, actors in doc_actors.items():
        kg.add(Extraction(docs[doc_id], actors, []))
    for a in data["actors"]:
        if a["id"] not in g:
            g.add_node(
                a["id"], name=a.get("name", a["id"]), type=a.get("type"),
                aliases=list(a.get("aliases") or []), mentions=int(a.get("mentions") or 0),
                docs=[], per_doc={},
            )
    doc_relations: dict[str, list[Relation]] = {}
    for source, relation, target, props in data["edges"]:
        evidence = props.get("evidence") or []
        rules = props.get("evidence_rules") or []
        confidences = props.get("evidence_confidences") or []
        grouped: dict[str, list[Evidence]] = {}
        for i, sid in enumerate(evidence):
            record = data["sentences"].get(sid)
            if record is None:
                continue
            s, d = record["s"], record["d"]
            doc_id = (d or {}).get("id") or s.get("doc")
            docs.setdefault(doc_id, _document(d, doc_id))
            grouped.setdefault(doc_id, []).append(Evidence(
                doc_id, s.get("text", ""), int(s.get("start", 0)), int(s.get("end", 0)),
                rules[i] if i < len(rules) and rules[i] is not None else "neo4j",
                float(confidences[i]) if i < len(confidences) else float(props.get("confidence") or 0.0),
            ))
        for doc_id, evs in grouped.items():
            doc_relations.setdefault(doc_id, []).append(Relation(source, relation, target, evs))
    for doc_id, rels in doc_relations.items():
        kg.add(Extraction(docs[doc_id], [], rels))
    # evidence in the stored order (the order of loading), not in the order documents were added
    for source, relation, target, props in data["edges"]:
        if g.has_edge(source, target, key=relation):
            order = {sid: i for i, sid in enumerate(props.get("evidence") or [])}
            g.edges[source, target, relation]["evidence"].sort(
                key=lambda e: order.get(sentence_id(e["doc"], e["start"], e["end"]), len(order))
            )
    # the stored canonical name and type win over the per-document majority
    for a in data["actors"]:
        g.nodes[a["id"]]["name"] = a.get("name", g.nodes[a["id"]]["name"])
        g.nodes[a["id"]]["type"] = a.get("type", g.nodes[a["id"]]["type"])
    return kg


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
        Query name (see :func:`queries`).
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
