"""Writing a :class:`~kg.graph.KnowledgeGraph` into Neo4j: batched, idempotent, safe to run
concurrently, and incremental.

- **Batched:** every write is ``UNWIND $rows`` + ``MERGE`` on constrained ids (``cypher/load_*``).
- **Whole documents:** documents are grouped into transactions whole, so a document is written
  entirely or not at all.
- **Incremental:** documents already in the database are skipped before anything is sent, so a
  load's work grows with its new documents, not with the database (``reload=True`` rewrites them).
- **Concurrent:** every transaction is a managed one (``execute_write``), retried on transient
  errors (deadlocks included).  The statements that extend a list (an actor's aliases, a
  relationship's evidence) write-lock the entity before they read the list, so no two loads can
  lose each other's additions, and the lists are sets: any interleaving of loads ends as one
  sequential load does.
- **Injection-safe:** relationship types and type labels are spliced in only from
  :data:`kg.model.ONTOLOGY` and :data:`TYPE_LABELS`; user text always travels as parameters.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import neo4j

from ..errors import InputError
from ..graph import KnowledgeGraph
from ..model import ONTOLOGY, Extraction
from .queries import statement

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

_IDENTIFIER = re.compile(r"^[A-Z][A-Za-z_]*$")
_LOADERS = ("load_documents", "load_actors", "load_mentions", "load_sentences", "load_relations")
# Document ids asked about per query when looking for those already loaded.
_LOOKUP_CHUNK = 10_000


@dataclass
class LoadReport:
    """What one :meth:`~kg.store.Store.write` wrote (counted from the input graph).

    Examples
    --------
    >>> str(LoadReport(documents=1, actors=2, relations=1, evidence=1, transactions=1, seconds=0.3))
    '1 document, 2 actors, 1 relation (1 evidence sentence) in 1 transaction, 0.3s'
    """

    documents: int = 0
    actors: int = 0
    relations: int = 0
    evidence: int = 0
    transactions: int = 0
    seconds: float = 0.0
    skipped: int = 0  # documents already in the database, not written again

    def __str__(self) -> str:
        def n(count: int, noun: str) -> str:
            return f"{count} {noun}{'' if count == 1 else 's'}"

        return (
            f"{n(self.documents, 'document')}, {n(self.actors, 'actor')}, {n(self.relations, 'relation')} "
            f"({n(self.evidence, 'evidence sentence')}) in {n(self.transactions, 'transaction')}, "
            f"{self.seconds:.1f}s"
        )


@dataclass
class Batch:
    """The rows of one or more whole documents, as the ``load_*`` statements take them."""

    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    sentences: dict[str, dict[str, Any]] = field(default_factory=dict)
    relations: dict[tuple[str, str, str], dict[str, Any]] = field(default_factory=dict)

    def size(self) -> int:
        """Rows in the batch (documents, actors, mentions, sentences and evidences)."""
        return (
            len(self.documents) + len(self.actors) + len(self.mentions) + len(self.sentences)
            + sum(len(r["evidence"]) for r in self.relations.values())
        )

    def merge(self, other: Batch) -> None:
        """Add the rows of ``other`` (evidence lists of the same relation are joined)."""
        self.documents.update(other.documents)
        self.actors.update(other.actors)
        self.mentions.extend(other.mentions)
        self.sentences.update(other.sentences)
        for key, row in other.relations.items():
            if key in self.relations:
                self.relations[key]["evidence"].extend(row["evidence"])
            else:
                self.relations[key] = {**row, "evidence": list(row["evidence"])}

    def work(self, statements: dict[str, str]) -> list[tuple[str, dict[str, Any]]]:
        """Return the statements and parameters that write the batch, in order.

        Rows are sorted by id so that concurrent loads lock entities in the same order.
        """
        by_label: dict[str, list[dict[str, Any]]] = {}
        for _id, row in sorted(self.actors.items()):
            by_label.setdefault(type_label(row["type"]), []).append(row)
        by_relation: dict[str, list[dict[str, Any]]] = {}
        for (relation, _s, _t), row in sorted(self.relations.items()):
            by_relation.setdefault(relation_label(relation), []).append(row)
        out: list[tuple[str, dict[str, Any]]] = []
        if self.documents:
            out.append((statements["load_documents"], {"rows": [r for _, r in sorted(self.documents.items())]}))
        for label, rows in sorted(by_label.items()):
            out.append((statements["load_actors"].replace("__LABEL__", label), {"rows": rows}))
        if self.mentions:
            rows = sorted(self.mentions, key=lambda r: (r["actor"], r["doc"]))
            out.append((statements["load_mentions"], {"rows": rows}))
        if self.sentences:
            out.append((statements["load_sentences"], {"rows": [r for _, r in sorted(self.sentences.items())]}))
        for relation, rows in sorted(by_relation.items()):
            spec = ONTOLOGY[relation]
            out.append((
                statements["load_relations"].replace("__RELATION__", relation),
                {"rows": rows, "polarity": spec.polarity, "symmetric": spec.symmetric},
            ))
        return out


def sentence_id(doc: str, start: int, end: int) -> str:
    """Return the id of an evidence sentence: ``"<doc>:<start>-<end>"``.

    Examples
    --------
    >>> sentence_id("homs-hama", 0, 110)
    'homs-hama:0-110'
    """
    return f"{doc}:{start}-{end}"


def relation_label(relation: str) -> str:
    """Return ``relation`` as a relationship type, checked against the ontology.

    Raises
    ------
    InputError
        When the type is not in :data:`kg.model.ONTOLOGY`.

    Examples
    --------
    >>> relation_label("BACKS")
    'BACKS'
    >>> relation_label("BACKS]->(x) DETACH DELETE x //")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.errors.InputError: relation type 'BACKS]->(x) DETACH DELETE x //' is not in the ontology (...)...
    """
    if relation not in ONTOLOGY or not _IDENTIFIER.match(relation):
        raise InputError(
            f"relation type {relation!r} is not in the ontology ({', '.join(ONTOLOGY)}); nothing was written"
        )
    return relation


def type_label(actor_type: str | None) -> str:
    """Return the extra label of an actor type (unknown types get none: ``Actor`` again).

    Examples
    --------
    >>> type_label("ARMED_GROUP"), type_label("STATE) DETACH DELETE n //")
    ('ArmedGroup', 'Actor')
    """
    label = TYPE_LABELS.get(actor_type or "", "Actor")
    assert _IDENTIFIER.match(label)
    return label


def _actor_row(graph: KnowledgeGraph, actor_id: str) -> dict[str, Any]:
    try:
        actor = graph.actor(actor_id)
    except KeyError as e:
        raise InputError(f"actor {actor_id!r} has no name: the graph is not in KnowledgeGraph layout") from e
    return {"id": actor_id, "name": actor["name"], "type": actor["type"]}


def _document_batch(graph: KnowledgeGraph, extraction: Extraction, actors: dict[str, dict[str, Any]]) -> Batch:
    doc = extraction.document
    meta = {**doc.meta(), **graph.documents.get(doc.id, {})}
    b = Batch()
    b.documents[doc.id] = {k: meta.get(k) for k in ("id", "title", "date", "url", "source", "duplicate_of")}
    for actor in extraction.actors:
        b.actors[actor.id] = actors[actor.id]
        b.mentions.append({
            "doc": doc.id, "actor": actor.id, "name": actor.name, "type": actor.type,
            "aliases": sorted(set(actor.aliases)), "mentions": int(actor.mentions),
        })
    for rel in extraction.relations:
        for n in (rel.source, rel.target):
            b.actors.setdefault(n, actors[n])
        row = b.relations.setdefault((rel.type, rel.source, rel.target),
                                     {"source": rel.source, "target": rel.target, "evidence": []})
        for ev in rel.evidence:
            sid = sentence_id(doc.id, int(ev.start), int(ev.end))
            sentence = b.sentences.setdefault(sid, {
                "id": sid, "doc": doc.id, "text": ev.sentence, "start": int(ev.start), "end": int(ev.end),
                "actors": [],
            })
            for n in (rel.source, rel.target):
                if n not in sentence["actors"]:
                    sentence["actors"].append(n)
            if all(e["id"] != sid for e in row["evidence"]):
                row["evidence"].append({
                    "id": sid, "rule": ev.rule, "confidence": float(ev.confidence), "date": meta.get("date"),
                })
    return b


def document_batches(
    graph: KnowledgeGraph, skip: Iterable[str] = (), extractions: list[Extraction] | None = None
) -> Iterator[Batch]:
    """Yield one batch per document of ``graph`` (plus one for actors no document names), leaving
    out the documents in ``skip``.

    Every relation type and actor is checked before the first batch is yielded, so a bad graph
    writes nothing.  ``extractions`` are ``graph.extractions()`` when the caller has them already.

    Raises
    ------
    InputError
        When a relation type is not in the ontology or an actor has no name.

    Examples
    --------
    >>> from kg.model import Actor, Document, Extraction
    >>> g = KnowledgeGraph(); g.add(Extraction(Document("d1", ""), [Actor("iran", "Iran", "STATE")], []))
    >>> [(list(b.documents), list(b.actors)) for b in document_batches(g)]
    [(['d1'], ['iran'])]
    >>> list(document_batches(g, skip=["d1"]))
    []
    """
    if extractions is None:
        extractions = list(graph.extractions())
    for extraction in extractions:
        for rel in extraction.relations:
            relation_label(rel.type)
    actors = {a["id"]: _actor_row(graph, a["id"]) for a in graph.actors()}
    orphans = Batch()
    for a in graph.actors():
        if not a["docs"]:
            orphans.actors[a["id"]] = actors[a["id"]]
    if orphans.actors:
        yield orphans
    skipped = set(skip)
    for extraction in extractions:
        if extraction.document.id not in skipped:
            yield _document_batch(graph, extraction, actors)


def load_statements() -> dict[str, str]:
    """Return the loader's statements (``cypher/load_*.cypher``) by name.

    Examples
    --------
    >>> sorted(load_statements())
    ['load_actors', 'load_documents', 'load_mentions', 'load_relations', 'load_sentences']
    """
    return {name: statement(name) for name in _LOADERS}


def loaded_documents(session: neo4j.Session, ids: list[str]) -> set[str]:
    """Return which of the document ids are already in the database (one index lookup each)."""
    found: set[str] = set()
    for i in range(0, len(ids), _LOOKUP_CHUNK):
        chunk = ids[i:i + _LOOKUP_CHUNK]
        rows = session.execute_read(
            lambda tx, c=chunk: [r["id"] for r in tx.run(
                "UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN d.id AS id", ids=c
            )]
        )
        found.update(rows)
    return found


def write_batches(
    session: neo4j.Session, batches: Iterable[Batch], batch_size: int, report: LoadReport,
    on_commit: Callable[[Batch], None] | None = None,
) -> None:
    """Write the batches, whole documents grouped into managed transactions of about
    ``batch_size`` rows; count what is written in ``report``."""
    statements = load_statements()
    actors: set[str] = set()
    edges: set[tuple[str, str, str]] = set()

    def commit(batch: Batch) -> None:
        work = batch.work(statements)

        def unit(tx: neo4j.ManagedTransaction) -> None:
            for cypher, params in work:
                tx.run(cypher, params).consume()

        session.execute_write(unit)
        report.transactions += 1
        if on_commit is not None:
            on_commit(batch)

    pending = Batch()
    for batch in batches:
        report.documents += len(batch.documents)
        actors.update(batch.actors)
        edges.update(batch.relations)
        report.evidence += sum(len(r["evidence"]) for r in batch.relations.values())
        pending.merge(batch)
        if pending.size() >= batch_size:
            commit(pending)
            pending = Batch()
    if pending.size():
        commit(pending)
    report.actors = len(actors)
    report.relations = len(edges)


def write_graph(
    session: neo4j.Session, graph: KnowledgeGraph, batch_size: int = 5000, reload: bool = False,
    on_commit: Callable[[Batch], None] | None = None,
) -> LoadReport:
    """Write ``graph`` through ``session`` (the schema must exist); see the module docstring.

    Parameters
    ----------
    session : neo4j.Session
    graph : KnowledgeGraph
    batch_size : int
        Rows per transaction.
    reload : bool
        Write documents that are already in the database again (merged idempotently).
    on_commit : callable, optional
        Called with each batch after its transaction commits (tests count writes with it).

    Returns
    -------
    LoadReport
    """
    started = time.perf_counter()
    report = LoadReport()
    extractions = list(graph.extractions())
    skip: set[str] = set()
    if not reload:
        skip = loaded_documents(session, sorted({e.document.id for e in extractions}))
        report.skipped = len(skip)
    write_batches(session, document_batches(graph, skip, extractions), batch_size, report, on_commit)
    report.seconds = time.perf_counter() - started
    return report
