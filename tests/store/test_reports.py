"""A wire story counts once in Neo4j too: relationships carry ``reports`` (distinct stories) and
``sources`` (distinct outlets), and ``weight`` counts reports, not copies."""

from __future__ import annotations

import json

import pytest
from web_server import WEB_DATA

from kg.graph import KnowledgeGraph
from kg.model import Document
from kg.pipeline import extract
from kg.store import Store

pytestmark = pytest.mark.neo4j

CAPTURED = ("MATCH (:Actor {id: 'rapid-support-forces'})-[r:CAPTURED]->(:Actor {id: 'bara'}) "
            "RETURN r.reports AS reports, r.sources AS sources, r.weight AS weight, size(r.evidence) AS evidence")


@pytest.fixture(scope="module")
def wire_graph() -> KnowledgeGraph:
    lines = (WEB_DATA / "wire" / "bara.jsonl").read_text(encoding="utf-8").splitlines()
    return extract([Document(**json.loads(line)) for line in lines])


def captured(graph: KnowledgeGraph) -> dict:
    [rel] = [r for r in graph.relations() if (r["source_id"], r["relation"], r["target_id"]) == (
        "rapid-support-forces", "CAPTURED", "bara")]
    return {"reports": rel["reports"], "sources": rel["sources"], "weight": rel["weight"],
            "evidence": len(rel["evidence"])}


def test_relationships_carry_reports_and_sources(db: Store, wire_graph: KnowledgeGraph) -> None:
    db.write(wire_graph)
    [row] = db.run_cypher(CAPTURED)
    assert row == captured(wire_graph)
    assert (row["reports"], row["sources"], row["weight"]) == (2, 6, 2)


def test_documents_keep_the_story_they_repeat(db: Store, wire_graph: KnowledgeGraph) -> None:
    db.write(wire_graph)
    rows = db.run_cypher("MATCH (d:Document) RETURN d.id AS id, d.duplicate_of AS of, d.source AS source ORDER BY id")
    assert [(r["id"], r["of"]) for r in rows] == [
        ("continental-press-bara", None), ("daily-courier-bara", "continental-press-bara"),
        ("kordofan-voice-bara", None), ("nile-observer-bara", "continental-press-bara"),
        ("red-sea-times-bara", "continental-press-bara"), ("savanna-herald-bara", "continental-press-bara")]


def test_loading_copy_by_copy_counts_the_same(db: Store, wire_graph: KnowledgeGraph) -> None:
    records = [json.loads(line) for line in wire_graph.to_jsonl().splitlines()]
    for doc in reversed(list(wire_graph.documents)):
        db.write(KnowledgeGraph.from_jsonl(
            json.dumps(r) for r in records if (r["id"] if r["kind"] == "document" else r["doc"]) == doc))
    [row] = db.run_cypher(CAPTURED)
    assert row == captured(wire_graph)


def test_a_graph_read_back_counts_the_same(db: Store, wire_graph: KnowledgeGraph) -> None:
    db.write(wire_graph)
    back = db.read_graph("MATCH p = (:Actor {id: 'rapid-support-forces'})-[:CAPTURED]->(:Actor {id: 'bara'}) RETURN p")
    assert captured(back) == captured(wire_graph)
