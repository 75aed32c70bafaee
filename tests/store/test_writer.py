"""Writing graphs into the real Neo4j server: the model, idempotent loading, injection-proof writes."""

from __future__ import annotations

import json

import pytest
from neo4j_checks import CORPUS_COUNTS, edges

from kg.errors import InputError
from kg.graph import KnowledgeGraph
from kg.model import ONTOLOGY, Actor, Document, Evidence, Extraction, Relation
from kg.store import Store

pytestmark = pytest.mark.neo4j


# -- the model ------------------------------------------------------------------------------


def test_schema_makes_every_id_unique(db: Store) -> None:
    db.apply_schema()
    rows = db.run_cypher(
        "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties RETURN type, labelsOrTypes, properties "
        "ORDER BY labelsOrTypes"
    )
    assert [(r["type"], r["labelsOrTypes"], r["properties"]) for r in rows] == [
        ("UNIQUENESS", ["Actor"], ["id"]),
        ("UNIQUENESS", ["Document"], ["id"]),
        ("UNIQUENESS", ["Sentence"], ["id"]),
    ]


def test_write_reports_and_stores_the_corpus(db: Store, neo4j_corpus: KnowledgeGraph) -> None:
    report = db.write(neo4j_corpus)
    assert (report.documents, report.actors, report.relations, report.evidence, report.transactions) == (
        3,
        9,
        13,
        14,
        1,
    )
    assert db.counts() == CORPUS_COUNTS


def test_actors_carry_a_label_per_type(loaded: Store) -> None:
    rows = loaded.run_cypher(
        "MATCH (a:Actor) RETURN a.id AS id, labels(a) AS labels, a.type AS type ORDER BY id"
    )
    assert [(r["id"], sorted(r["labels"]), r["type"]) for r in rows] == [
        ("bashar-al-assad", ["Actor", "Person"], "PERSON"),
        ("hama", ["Actor", "Location"], "LOCATION"),
        ("hayat-tahrir-al-sham", ["Actor", "ArmedGroup"], "ARMED_GROUP"),
        ("hezbollah", ["Actor", "ArmedGroup"], "ARMED_GROUP"),
        ("iran", ["Actor", "State"], "STATE"),
        ("russia", ["Actor", "State"], "STATE"),
        ("syrian-government", ["Actor", "Government"], "GOVERNMENT"),
        ("syrian-opposition", ["Actor", "ArmedGroup"], "ARMED_GROUP"),
        ("turkey", ["Actor", "State"], "STATE"),
    ]


def test_actor_aliases_gather_every_documents_names(loaded: Store) -> None:
    rows = loaded.run_cypher(
        "MATCH (d:Document)-[m:MENTIONS]->(a:Actor {id: 'turkey'}) "
        "RETURN a.name AS name, a.aliases AS aliases, d.id AS doc, m.name AS as, m.aliases AS said, m.mentions AS n "
        "ORDER BY doc"
    )
    assert rows == [
        {"name": "Turkey", "aliases": ["Ankara", "Turkish"], "doc": "d2", "as": "Turkey", "said": ["Ankara"], "n": 3},
        {"name": "Turkey", "aliases": ["Ankara", "Turkish"], "doc": "d3", "as": "Turkey", "said": ["Ankara", "Turkish"],
         "n": 2},
    ]


def test_relationship_carries_polarity_weight_confidence_dates_and_evidence_ids(loaded: Store) -> None:
    rows = loaded.run_cypher(
        "MATCH (:Actor {id: 'russia'})-[r:BACKS]->(:Actor {id: 'bashar-al-assad'}) RETURN properties(r) AS p"
    )
    assert rows == [
        {
            "p": {
                "polarity": 1,
                "symmetric": False,
                "weight": 2,
                "reports": 2,
                "sources": 2,
                "confidence": 0.9,
                "first_seen": "2024-11-28",
                "last_seen": "2024-12-01",
                "evidence": ["d1:0-27", "d2:0-28"],
                "evidence_rules": ["hand", "hand"],
                "evidence_confidences": [0.9, 0.8],
            }
        }
    ]


def test_one_relationship_type_per_ontology_relation(loaded: Store) -> None:
    rows = loaded.run_cypher("MATCH (:Actor)-[r]->(:Actor) RETURN DISTINCT type(r) AS t ORDER BY t")
    assert [r["t"] for r in rows] == sorted(
        [
            "ALLIED_WITH",
            "ATTACKS",
            "BACKS",
            "CALLS_ON",
            "CAPTURED",
            "CRITICIZES",
            "NEGOTIATES_WITH",
            "OPPOSES",
        ]
    )
    assert {r["t"] for r in rows} <= set(ONTOLOGY)


def test_provenance_document_sentence_actor(loaded: Store) -> None:
    rows = loaded.run_cypher(
        "MATCH (d:Document)-[:HAS_SENTENCE]->(s:Sentence {id: 'd1:0-27'})-[:MENTIONS]->(a:Actor) "
        "RETURN d.id AS doc, d.title AS title, d.date AS date, d.url AS url, s.text AS text, "
        "s.start AS start, s.end AS end, collect(a.id) AS actors"
    )
    assert [{**r, "actors": sorted(r["actors"])} for r in rows] == [
        {
            "doc": "d1",
            "title": "Rebels take Hama",
            "date": "2024-11-28",
            "url": "https://example.org/d1",
            "text": "Russia and Iran back Assad.",
            "start": 0,
            "end": 27,
            "actors": ["bashar-al-assad", "iran", "russia"],
        }
    ]


def test_evidence_ids_on_a_relationship_reach_their_sentences(loaded: Store) -> None:
    rows = loaded.run_cypher(
        "MATCH (:Actor)-[r]->(:Actor) UNWIND r.evidence AS sid "
        "OPTIONAL MATCH (s:Sentence {id: sid}) RETURN count(sid) AS ids, count(s) AS found"
    )
    assert rows == [{"ids": 14, "found": 14}]


# -- idempotency ------------------------------------------------------------------------------


def test_loading_twice_changes_no_count_and_no_weight(loaded: Store, neo4j_corpus: KnowledgeGraph) -> None:
    before = (loaded.counts(), edges(loaded))
    loaded.write(neo4j_corpus)
    assert (loaded.counts(), edges(loaded)) == before
    assert before[0] == CORPUS_COUNTS


def _only(graph: KnowledgeGraph, doc: str) -> KnowledgeGraph:
    """The part of ``graph`` that one document says."""
    records = [json.loads(line) for line in graph.to_jsonl().splitlines()]
    return KnowledgeGraph.from_jsonl(
        json.dumps(r) for r in records if (r["id"] if r["kind"] == "document" else r["doc"]) == doc
    )


def test_loading_article_by_article_equals_loading_all_at_once(
    loaded: Store, db: Store, neo4j_corpus: KnowledgeGraph
) -> None:
    at_once = (loaded.counts(), edges(loaded))
    db.clear()
    for doc in ("d2", "d3", "d1", "d2"):
        db.write(_only(neo4j_corpus, doc))
    assert (db.counts(), edges(db)) == at_once


def test_small_batches_write_the_same_as_one_transaction(
    loaded: Store, db: Store, neo4j_corpus: KnowledgeGraph
) -> None:
    one = (loaded.counts(), edges(loaded))
    db.clear()
    report = db.write(neo4j_corpus, batch_size=1)
    assert report.transactions == 3  # one per document: a document is never split
    assert (db.counts(), edges(db)) == one


# -- injection ----------------------------------------------------------------------------------

NASTY = "Robert'); MATCH (n) DETACH DELETE n; // `x` {y: 1} }) DETACH DELETE n //"
NASTY_ID = "x'}) DETACH DELETE n //"


def nasty_graph() -> KnowledgeGraph:
    text = f'"{NASTY}" backs `Assad`. {{Brace}} Front attacked "{NASTY}".'
    s1 = f'"{NASTY}" backs `Assad`.'
    s2 = f'{{Brace}} Front attacked "{NASTY}".'
    doc = Document(
        "doc'}) DETACH DELETE n //",
        text,
        title=f"{NASTY} title",
        date="2024-12-02",
        url="https://example.org/?q='})//",
    )
    actors = [
        Actor(NASTY_ID, NASTY, "ARMED_GROUP", ["`backtick`", "'quote'", '"dq"', "{brace}"], 2),
        Actor("bashar-al-assad", "Bashar al-Assad", "PERSON", ["Assad"], 1),
        Actor("brace-front", "{Brace} Front", "STATE) DETACH DELETE n //", [], 1),
    ]
    ev1 = Evidence(doc.id, s1, 0, len(s1), "rule'}) //", 0.9)
    ev2 = Evidence(doc.id, s2, len(s1) + 1, len(text), "hand", 0.8)
    return_graph = KnowledgeGraph()
    return_graph.add(
        Extraction(
            doc,
            actors,
            [
                Relation(NASTY_ID, "BACKS", "bashar-al-assad", [ev1]),
                Relation("brace-front", "ATTACKS", NASTY_ID, [ev2]),
            ],
        )
    )
    return return_graph


def test_names_with_quotes_backticks_braces_and_cypher_are_stored_verbatim(loaded: Store) -> None:
    loaded.write(nasty_graph())
    assert loaded.counts() == {
        "nodes": 24 + 2 + 1 + 2,  # two new actors, one document, two sentences
        "relationships": 67 + 2 + 2 + 4 + 3,
        "actors": 11,
        "documents": 4,
        "sentences": 14,
        "relations": 15,
        "evidence": 16,
    }
    assert [r["backer"] for r in loaded.run_query("backers_of", actor="Assad")] == [
        "Russia",
        "Hezbollah",
        "Iran",
        NASTY,
    ]
    assert [
        (r["adversary"], r["adversary_id"], r["direct"])
        for r in loaded.run_query("adversaries_of", actor=NASTY)
    ] == [("{Brace} Front", "brace-front", True)]
    profile = loaded.run_query("actor_profile", actor="`backtick`")
    assert [(p["id"], p["name"], p["aliases"]) for p in profile] == [
        (NASTY_ID, NASTY, ['"dq"', "'quote'", "`backtick`", "{brace}"])
    ]
    brace = loaded.run_cypher("MATCH (a:Actor {id: 'brace-front'}) RETURN labels(a) AS l, a.type AS t")
    assert brace == [{"l": ["Actor"], "t": "STATE) DETACH DELETE n //"}]
    evidence = loaded.run_query("evidence_for", source=NASTY, target="Assad", relation="BACKS")
    assert [(e["document"], e["title"], e["sentence"], e["rule"]) for e in evidence] == [
        ("doc'}) DETACH DELETE n //", f"{NASTY} title", f'"{NASTY}" backs `Assad`.', "rule'}) //")
    ]


def test_relation_types_outside_the_ontology_are_refused_before_writing(loaded: Store) -> None:
    bad = KnowledgeGraph()
    G = bad.to_networkx()
    for n in ("a", "b"):
        G.add_node(
            n,
            name=n.upper(),
            type="STATE",
            aliases=[],
            mentions=1,
            docs=["d9"],
            per_doc={"d9": {"name": n.upper(), "type": "STATE", "aliases": [], "mentions": 1}},
        )
    G.graph["documents"]["d9"] = {"id": "d9", "title": None, "date": None, "url": None, "source": None}
    G.add_edge(
        "a",
        "b",
        key="BACKS]->(x) DETACH DELETE x //",
        relation="BACKS",
        polarity=1,
        weight=1,
        evidence=[{"doc": "d9", "sentence": "A B.", "start": 0, "end": 4, "rule": "r", "confidence": 1.0}],
    )
    with pytest.raises(InputError, match="not in the ontology"):
        loaded.write(bad)
    assert loaded.counts() == CORPUS_COUNTS
