"""Incremental loads (issue 11): documents already in the database are skipped before anything is
sent, so a load writes only its new documents and its work grows with them, not with the database."""

from __future__ import annotations

import json

import pytest
from neo4j_checks import corpus, edges

from kg.graph import KnowledgeGraph
from kg.store import Store
from kg.store.writer import Batch

pytestmark = pytest.mark.neo4j


def only(graph: KnowledgeGraph, docs: set[str]) -> KnowledgeGraph:
    """The part of ``graph`` that the documents ``docs`` say."""
    records = [json.loads(line) for line in graph.to_jsonl().splitlines()]
    return KnowledgeGraph.from_jsonl(
        json.dumps(r) for r in records if (r["id"] if r["kind"] == "document" else r["doc"]) in docs
    )


def test_loading_new_articles_writes_only_them(db: Store, neo4j_corpus: KnowledgeGraph) -> None:
    db.write(only(neo4j_corpus, {"d1", "d2"}))
    written: list[Batch] = []
    report = db.write(neo4j_corpus, on_commit=written.append)
    assert (report.documents, report.skipped, report.transactions) == (1, 2, 1)
    assert [sorted(b.documents) for b in written] == [["d3"]]
    assert sorted(written[0].actors) == ["hayat-tahrir-al-sham", "russia", "turkey"]
    assert (report.relations, report.evidence) == (2, 2)


def test_an_incremental_load_ends_as_a_load_of_everything_at_once(
    db: Store, neo4j_corpus: KnowledgeGraph
) -> None:
    db.write(neo4j_corpus)
    at_once = (db.counts(), edges(db))
    db.clear()
    for docs in ({"d2"}, {"d2", "d3"}, {"d1", "d2", "d3"}):
        db.write(only(neo4j_corpus, docs))
    assert (db.counts(), edges(db)) == at_once


def test_loading_the_same_articles_again_sends_nothing(loaded: Store, neo4j_corpus: KnowledgeGraph) -> None:
    written: list[Batch] = []
    report = loaded.write(neo4j_corpus, on_commit=written.append)
    assert (report.documents, report.skipped, report.transactions, written) == (0, 3, 0, [])


def test_reload_writes_known_documents_again_without_changing_them(
    loaded: Store, neo4j_corpus: KnowledgeGraph
) -> None:
    before = (loaded.counts(), edges(loaded))
    report = loaded.write(neo4j_corpus, reload=True)
    assert (report.documents, report.skipped) == (3, 0)
    assert (loaded.counts(), edges(loaded)) == before


def test_work_of_a_load_does_not_grow_with_the_database(db: Store) -> None:
    # the same 5 new articles, into an empty database and into one holding 200 others
    new = corpus(range(200, 205))
    rows_into_empty: list[int] = []
    db.write(new, on_commit=lambda b: rows_into_empty.append(b.size()))
    db.clear()
    db.write(corpus(range(0, 200)))
    rows_into_full: list[int] = []
    everything = corpus(range(0, 205))
    report = db.write(everything, on_commit=lambda b: rows_into_full.append(b.size()))
    assert (report.documents, report.skipped) == (5, 200)
    assert rows_into_full == rows_into_empty
