"""Reading from Neo4j: query rows as plain Python values, and graphs back into a
:class:`~kg.graph.KnowledgeGraph` with their evidence."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import neo4j
import neo4j.graph

from ..graph import KnowledgeGraph
from ..model import ONTOLOGY, Actor, Document, Evidence, Extraction, Relation


class Rows(list):  # type: ignore[type-arg]
    """A query's rows (a list of dicts) that also knows its column names, even when empty.

    Examples
    --------
    >>> rows = Rows([], ["backer", "evidence"]); rows, rows.columns
    ([], ['backer', 'evidence'])
    """

    def __init__(self, rows: list[dict[str, Any]], columns: list[str]) -> None:
        super().__init__(rows)
        self.columns = columns


def plain(value: Any) -> Any:
    """Turn driver values into JSON-ready Python values.

    Nodes become their properties plus ``_labels``; relationships their properties plus
    ``_type``, ``_start`` and ``_end`` (actor ids); paths alternate the two; dates become ISO text.

    Examples
    --------
    >>> plain({"weights": (1, 2), "name": "Iran"})
    {'weights': [1, 2], 'name': 'Iran'}
    """
    if isinstance(value, neo4j.graph.Node):
        return {"_labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Relationship):
        return {
            "_type": value.type,
            "_start": value.start_node.get("id") if value.start_node is not None else None,
            "_end": value.end_node.get("id") if value.end_node is not None else None,
            **{k: plain(v) for k, v in value.items()},
        }
    if isinstance(value, neo4j.graph.Path):
        out: list[Any] = [value.start_node]
        for rel, node in zip(value.relationships, value.nodes[1:], strict=True):
            out += [rel, node]
        return [plain(x) for x in out]
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def read_rows(tx: neo4j.ManagedTransaction, cypher: str, params: Mapping[str, Any]) -> Rows:
    """Run ``cypher`` in ``tx`` and return its rows as plain values."""
    result = tx.run(cypher, dict(params))
    keys = list(result.keys())
    return Rows([{k: plain(record[k]) for k in keys} for record in result], keys)


def fetch_graph(tx: neo4j.ManagedTransaction, cypher: str, params: Mapping[str, Any]) -> dict[str, Any]:
    """Run ``cypher`` in ``tx`` and fetch the actors and ontology relations it returns, with
    their mentions and evidence sentences (the input of :func:`build_graph`)."""
    graph = tx.run(cypher, dict(params)).graph()
    nodes = {n.element_id: n for n in graph.nodes if n.labels}
    rels = [
        r for r in graph.relationships
        if r.type in ONTOLOGY and r.start_node is not None and r.end_node is not None
    ]
    ends = {n.element_id for r in rels for n in (r.start_node, r.end_node) if n is not None}
    missing = sorted(ends - set(nodes))
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
    return {"actors": list(actors.values()), "edges": edges, "mentions": mentions, "sentences": sentences}


def _document(meta: Mapping[str, Any] | None, doc_id: str) -> Document:
    meta = meta or {}
    return Document(doc_id, "", meta.get("title"), meta.get("date"), meta.get("url"), meta.get("source"),
                    meta.get("duplicate_of"))


def build_graph(data: Mapping[str, Any]) -> KnowledgeGraph:
    """Rebuild a :class:`KnowledgeGraph` from what :func:`fetch_graph` read: per document, how it
    names each actor and the evidence it gives, added in the order of document ids.

    An actor that no document mentions (a hand-written graph's) gets its stored name and type in
    the documents of its relations, with no mentions.

    Examples
    --------
    >>> data = {"actors": [{"id": "iran", "name": "Iran", "type": "STATE"}], "edges": [], "sentences": {},
    ...         "mentions": [{"actor": "iran", "doc": {"id": "d1", "date": "2024-01-02"},
    ...                       "m": {"name": "Iran", "type": "STATE", "aliases": ["Tehran"], "mentions": 2}}]}
    >>> g = build_graph(data); g.actors()[0]["aliases"], g.documents["d1"]["date"]
    (['Tehran'], '2024-01-02')
    """
    docs: dict[str, Document] = {}
    doc_actors: dict[str, dict[str, Actor]] = {}
    for m in data["mentions"]:
        doc, p = m["doc"], m["m"]
        docs.setdefault(doc["id"], _document(doc, doc["id"]))
        doc_actors.setdefault(doc["id"], {})[m["actor"]] = Actor(
            m["actor"], p.get("name", ""), p.get("type", ""), list(p.get("aliases") or []), int(p.get("mentions") or 0)
        )
    stored = {a["id"]: a for a in data["actors"]}
    doc_relations: dict[str, list[Relation]] = {}
    for source, relation, target, props in data["edges"]:
        rules = props.get("evidence_rules") or []
        confidences = props.get("evidence_confidences") or []
        grouped: dict[str, list[Evidence]] = {}
        for i, sid in enumerate(props.get("evidence") or []):
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
            named = doc_actors.setdefault(doc_id, {})
            for actor_id in (source, target):
                if actor_id not in named and not any(actor_id in a for a in doc_actors.values()):
                    a = stored.get(actor_id, {"name": actor_id})
                    named[actor_id] = Actor(actor_id, a.get("name", actor_id), a.get("type") or "", [], 0)
    kg = KnowledgeGraph()
    # every actor first: a relation's ends must exist before it does
    for doc_id in sorted(docs):
        kg.add(Extraction(docs[doc_id], list(doc_actors.get(doc_id, {}).values()), []))
    for doc_id in sorted(docs):
        kg.add(Extraction(docs[doc_id], [], doc_relations.get(doc_id, [])))
    return kg
