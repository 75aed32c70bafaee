"""Concurrent loads of overlapping corpora end as one sequential load (issue 9, item 10): the
same counts, weights, evidence ids and aliases, with the schema created by whichever load gets
there first."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from neo4j_checks import N_DOCS, corpus, edges

from kg.graph import KnowledgeGraph
from kg.store import Store

pytestmark = pytest.mark.neo4j

PARTS = (range(0, 40), range(20, 60), range(10, 50))


def snapshot(db: Store) -> tuple:
    aliases = db.run_cypher("MATCH (a:Actor) RETURN a.id AS id, a.aliases AS aliases, a.name AS name ORDER BY id")
    return db.counts(), edges(db), aliases


def drop_schema(db: Store) -> None:
    with db.driver.session() as session:
        for name in ("actor_id", "document_id", "sentence_id"):
            session.run(f"DROP CONSTRAINT {name} IF EXISTS").consume()
    db._schema_applied = False


def test_three_concurrent_loads_equal_one_sequential_load(db: Store, tmp_path: Path) -> None:
    files = []
    for n, docs in enumerate(PARTS):
        path = tmp_path / f"part{n}.jsonl"
        corpus(docs).to_jsonl(path)
        files.append(path)
    drop_schema(db)
    for path in files:
        db.write(KnowledgeGraph.from_jsonl(path), batch_size=20)
    sequential = snapshot(db)
    assert sequential[0]["documents"] == N_DOCS and sequential[0]["evidence"] == 3 * N_DOCS

    db.clear()
    drop_schema(db)
    loads = [
        subprocess.Popen(
            [sys.executable, "-m", "kg", "load", "--from-jsonl", str(path), "--batch-size", "20"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy(),
        )
        for path in files
    ]
    results = [(p.wait(timeout=600), p.stdout.read(), p.stderr.read()) for p in loads]  # type: ignore[union-attr]
    assert [code for code, _, _ in results] == [0, 0, 0], results
    assert snapshot(db) == sequential
    constraints = db.run_cypher("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name")
    assert [r["name"] for r in constraints] == ["actor_id", "document_id", "sentence_id"]


def test_concurrent_writers_of_the_same_documents_lose_no_evidence(db: Store) -> None:
    # the hardest case: every writer sends every document at once, forced past the skip
    from concurrent.futures import ThreadPoolExecutor

    graphs = [corpus(docs) for docs in PARTS]
    for g in graphs:
        db.write(g, batch_size=20, reload=True)
    sequential = snapshot(db)
    db.clear()
    with ThreadPoolExecutor(max_workers=3) as pool:
        reports = list(pool.map(lambda g: db.write(g, batch_size=20, reload=True), graphs))
    assert [r.documents for r in reports] == [40, 40, 40]
    assert snapshot(db) == sequential
