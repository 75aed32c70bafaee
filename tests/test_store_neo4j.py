"""kg.store against the real Neo4j server: the model, idempotent loading, the Cypher library
(exact rows on the small hand-built corpus of conftest.py), reading graphs back, injection-proof
writes, connection errors and the local server manager."""

from __future__ import annotations

import json
import os
import re
import stat
import urllib.request
from pathlib import Path
from xml.etree import ElementTree

import networkx as nx
import pytest

import kg.store
from kg.errors import InputError, Neo4jUnavailable, QueryError
from kg.graph import KnowledgeGraph
from kg.model import ONTOLOGY, Actor, Document, Evidence, Extraction, Relation
from kg.store import Store, connect, queries, server

pytestmark = pytest.mark.neo4j

CORPUS_COUNTS = {
    "nodes": 24,  # 9 actors + 3 documents + 12 sentences
    "relationships": 67,  # 13 relations + 12 HAS_SENTENCE + 23 sentence MENTIONS + 19 document MENTIONS
    "actors": 9,
    "documents": 3,
    "sentences": 12,
    "relations": 13,
    "evidence": 14,
}
LIBRARY = [
    "actor_profile",
    "adversaries_of",
    "alliances",
    "backers_of",
    "blocs_input",
    "enemy_of_enemy",
    "evidence_for",
    "path_between",
    "timeline",
]


def edges(db: Store) -> list[tuple]:
    """Every ontology relationship with all its properties, sorted; the evidence lists (which keep
    the order of loading) as a sorted list of (id, rule, confidence)."""
    rows = db.run_cypher(
        "MATCH (a:Actor)-[r]->(b:Actor) WHERE r.polarity IS NOT NULL "
        "RETURN a.id AS s, type(r) AS t, b.id AS o, properties(r) AS p ORDER BY s, t, o"
    )
    out = []
    for r in rows:
        p = dict(r["p"])
        evidence = sorted(zip(p.pop("evidence"), p.pop("evidence_rules"), p.pop("evidence_confidences"), strict=True))
        out.append((r["s"], r["t"], r["o"], sorted(p.items()), evidence))
    return out


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


# -- the Cypher library: exact rows on the small corpus ------------------------------------------


def test_library_holds_the_issue_queries() -> None:
    assert list(queries()) == LIBRARY


@pytest.mark.parametrize("name", LIBRARY)
def test_every_query_file_has_a_header_with_parameters_and_an_example(name: str) -> None:
    q = queries()[name]
    assert q.header.startswith(f"{name}: ")
    assert "\nParameters:" in q.header
    assert f"kg query {name}" in q.header.split("Example", 1)[1]


def test_path_between_walks_every_ontology_relation() -> None:
    types = re.search(r"\[:([A-Z_|]+)\*", queries()["path_between"].text).group(1).split("|")
    assert sorted(types) == sorted(ONTOLOGY)


def test_backers_of(loaded: Store) -> None:
    assert loaded.run_query("backers_of", actor="Assad") == [
        {
            "actor": "Bashar al-Assad",
            "backer": "Russia",
            "backer_id": "russia",
            "evidence": 2,
            "confidence": 0.9,
            "first_seen": "2024-11-28",
            "last_seen": "2024-12-01",
        },
        {
            "actor": "Bashar al-Assad",
            "backer": "Hezbollah",
            "backer_id": "hezbollah",
            "evidence": 1,
            "confidence": 0.9,
            "first_seen": "2024-12-01",
            "last_seen": "2024-12-01",
        },
        {
            "actor": "Bashar al-Assad",
            "backer": "Iran",
            "backer_id": "iran",
            "evidence": 1,
            "confidence": 0.7,
            "first_seen": "2024-11-28",
            "last_seen": "2024-11-28",
        },
    ]


@pytest.mark.parametrize(
    "name", ["Assad", "assad", "BASHAR AL-ASSAD", "bashar-al-assad", " Bashar al-Assad "]
)
def test_actor_names_resolve_through_name_alias_or_id_in_any_case(loaded: Store, name: str) -> None:
    assert [r["backer"] for r in loaded.run_query("backers_of", actor=name)] == [
        "Russia",
        "Hezbollah",
        "Iran",
    ]


def test_adversaries_of_reaches_the_actors_side(loaded: Store) -> None:
    assert loaded.run_query("adversaries_of", actor="HTS") == [
        {
            "actor": "Hayat Tahrir al-Sham",
            "adversary": "Russia",
            "adversary_id": "russia",
            "direct": False,
            "via": ["Syrian opposition"],
            "relations": ["ATTACKS"],
            "evidence": 1,
        },
        {
            "actor": "Hayat Tahrir al-Sham",
            "adversary": "Syrian government",
            "adversary_id": "syrian-government",
            "direct": False,
            "via": ["Syrian opposition"],
            "relations": ["OPPOSES"],
            "evidence": 1,
        },
    ]


def test_adversaries_of_direct_conflicts_either_direction(loaded: Store) -> None:
    assert loaded.run_query("adversaries_of", actor="Moscow") == [
        {
            "actor": "Russia",
            "adversary": "Syrian opposition",
            "adversary_id": "syrian-opposition",
            "direct": True,
            "via": [],
            "relations": ["ATTACKS"],
            "evidence": 1,
        },
        {
            "actor": "Russia",
            "adversary": "Turkey",
            "adversary_id": "turkey",
            "direct": True,
            "via": [],
            "relations": ["CRITICIZES"],
            "evidence": 1,
        },
    ]


def _pair(a: str, b: str, relations: list[str], mutual: bool, backers: list[str], evidence: int) -> dict:
    return {
        "actor_a": a,
        "actor_b": b,
        "relations": relations,
        "mutual": mutual,
        "shared_backers": backers,
        "evidence": evidence,
    }


def test_alliances_direct_mutual_and_through_shared_backers(loaded: Store) -> None:
    assert loaded.run_query("alliances") == [
        _pair("Bashar al-Assad", "Russia", ["BACKS"], False, [], 2),
        _pair("Bashar al-Assad", "Hezbollah", ["BACKS"], False, [], 1),
        _pair("Bashar al-Assad", "Iran", ["BACKS"], False, [], 1),
        _pair("Hayat Tahrir al-Sham", "Syrian opposition", ["ALLIED_WITH"], True, [], 1),
        _pair("Russia", "Syrian government", ["BACKS"], False, [], 1),
        _pair("Russia", "Turkey", ["NEGOTIATES_WITH"], True, [], 1),
        _pair("Syrian opposition", "Turkey", ["BACKS"], False, [], 1),
        _pair("Bashar al-Assad", "Syrian government", [], False, ["Russia"], 0),
    ]


def test_alliances_of_one_actor(loaded: Store) -> None:
    assert loaded.run_query("alliances", actor="russia") == [
        _pair("Bashar al-Assad", "Russia", ["BACKS"], False, [], 2),
        _pair("Russia", "Syrian government", ["BACKS"], False, [], 1),
        _pair("Russia", "Turkey", ["NEGOTIATES_WITH"], True, [], 1),
    ]


def test_enemy_of_enemy(loaded: Store) -> None:
    assert loaded.run_query("enemy_of_enemy") == [
        {
            "actor_a": "Russia",
            "actor_c": "Syrian government",
            "common_enemies": ["Syrian opposition"],
            "tie": ["BACKS"],
            "tie_score": 1,
        },
        {
            "actor_a": "Syrian opposition",
            "actor_c": "Turkey",
            "common_enemies": ["Russia"],
            "tie": ["BACKS"],
            "tie_score": 1,
        },
    ]


def test_enemy_of_enemy_from_one_actor(loaded: Store) -> None:
    assert loaded.run_query("enemy_of_enemy", actor="Ankara") == [
        {
            "actor_a": "Turkey",
            "actor_c": "Syrian opposition",
            "common_enemies": ["Russia"],
            "tie": ["BACKS"],
            "tie_score": 1,
        },
    ]


def test_enemy_of_enemy_without_a_tie_scores_null(loaded: Store) -> None:
    extra = KnowledgeGraph()
    doc = Document("d4", "Iran attacked the rebels.")
    ev = Evidence("d4", "Iran attacked the rebels.", 0, 25, "hand", 0.9)
    extra.add(
        Extraction(
            doc,
            [
                Actor("iran", "Iran", "STATE", [], 1),
                Actor("syrian-opposition", "Syrian opposition", "ARMED_GROUP", [], 1),
            ],
            [Relation("iran", "ATTACKS", "syrian-opposition", [ev])],
        )
    )
    loaded.write(extra)
    rows = loaded.run_query("enemy_of_enemy", actor="Iran")
    assert rows == [
        {
            "actor_a": "Iran",
            "actor_c": "Russia",
            "common_enemies": ["Syrian opposition"],
            "tie": [],
            "tie_score": None,
        },
        {
            "actor_a": "Iran",
            "actor_c": "Syrian government",
            "common_enemies": ["Syrian opposition"],
            "tie": [],
            "tie_score": None,
        },
    ]


def test_path_between_gives_every_shortest_typed_path(loaded: Store) -> None:
    rows = loaded.run_query("path_between", source="Iran", target="HTS")
    assert rows == [
        {
            "hops": 4,
            "path": "Iran -BACKS-> Bashar al-Assad <-BACKS- Russia -ATTACKS-> Syrian opposition "
            "-ALLIED_WITH-> Hayat Tahrir al-Sham",
            "actors": ["Iran", "Bashar al-Assad", "Russia", "Syrian opposition", "Hayat Tahrir al-Sham"],
            "relations": ["BACKS", "BACKS", "ATTACKS", "ALLIED_WITH"],
            "evidence": 5,
        },
        {
            "hops": 4,
            "path": "Iran -BACKS-> Bashar al-Assad <-BACKS- Russia <-CRITICIZES- Turkey "
            "-CALLS_ON-> Hayat Tahrir al-Sham",
            "actors": ["Iran", "Bashar al-Assad", "Russia", "Turkey", "Hayat Tahrir al-Sham"],
            "relations": ["BACKS", "BACKS", "CRITICIZES", "CALLS_ON"],
            "evidence": 5,
        },
        {
            "hops": 4,
            "path": "Iran -BACKS-> Bashar al-Assad <-BACKS- Russia <-NEGOTIATES_WITH- Turkey "
            "-CALLS_ON-> Hayat Tahrir al-Sham",
            "actors": ["Iran", "Bashar al-Assad", "Russia", "Turkey", "Hayat Tahrir al-Sham"],
            "relations": ["BACKS", "BACKS", "NEGOTIATES_WITH", "CALLS_ON"],
            "evidence": 5,
        },
    ]


def _evidence(
    source: str, relation: str, target: str, doc: str, sentence: str, start: int, end: int, confidence: float
) -> dict:
    meta = {
        "d1": ("Rebels take Hama", "2024-11-28", "https://example.org/d1"),
        "d2": ("Ankara speaks", "2024-12-01", "https://example.org/d2"),
    }[doc]
    return {
        "source": source,
        "relation": relation,
        "target": target,
        "document": doc,
        "title": meta[0],
        "date": meta[1],
        "url": meta[2],
        "sentence": sentence,
        "start": start,
        "end": end,
        "rule": "hand",
        "confidence": confidence,
    }


def test_evidence_for_one_relation(loaded: Store) -> None:
    assert loaded.run_query("evidence_for", source="Moscow", target="Assad", relation="backs") == [
        _evidence("Russia", "BACKS", "Bashar al-Assad", "d1", "Russia and Iran back Assad.", 0, 27, 0.9),
        _evidence("Russia", "BACKS", "Bashar al-Assad", "d2", "Moscow again stood by Assad.", 0, 28, 0.8),
    ]


def test_evidence_for_reads_symmetric_relations_both_ways(loaded: Store) -> None:
    assert loaded.run_query("evidence_for", source="HTS", target="rebels") == [
        _evidence(
            "Syrian opposition",
            "ALLIED_WITH",
            "Hayat Tahrir al-Sham",
            "d1",
            "The rebels allied with HTS.",
            94,
            121,
            0.8,
        ),
    ]
    assert loaded.run_query("evidence_for", source="Assad", target="Russia") == []


def test_actor_profile(loaded: Store) -> None:
    assert loaded.run_query("actor_profile", actor="ankara") == [
        {
            "id": "turkey",
            "name": "Turkey",
            "type": "STATE",
            "aliases": ["Ankara", "Turkish"],
            "mentions": 5,
            "documents": ["d2", "d3"],
            "outgoing": [
                {"relation": "BACKS", "actor": "Syrian opposition", "weight": 1},
                {"relation": "CALLS_ON", "actor": "Hayat Tahrir al-Sham", "weight": 1},
                {"relation": "CRITICIZES", "actor": "Russia", "weight": 1},
                {"relation": "NEGOTIATES_WITH", "actor": "Russia", "weight": 1},
            ],
            "incoming": [],
        }
    ]


def test_timeline_orders_by_article_date_undated_last(loaded: Store) -> None:
    assert loaded.run_query("timeline", actor="HTS") == [
        {
            "date": "2024-11-28",
            "document": "d1",
            "source": "Hayat Tahrir al-Sham",
            "relation": "CAPTURED",
            "target": "Hama",
            "sentence": "HTS and the rebels captured Hama.",
        },
        {
            "date": "2024-11-28",
            "document": "d1",
            "source": "Syrian opposition",
            "relation": "ALLIED_WITH",
            "target": "Hayat Tahrir al-Sham",
            "sentence": "The rebels allied with HTS.",
        },
        {
            "date": None,
            "document": "d3",
            "source": "Turkey",
            "relation": "CALLS_ON",
            "target": "Hayat Tahrir al-Sham",
            "sentence": "Turkey urged HTS to stop.",
        },
    ]


def _signed(s: str, sn: str, t: str, tn: str, rel: str, sign: int, weight: int) -> dict:
    return {
        "source_id": s,
        "source": sn,
        "target_id": t,
        "target": tn,
        "relation": rel,
        "sign": sign,
        "weight": weight,
    }


def test_blocs_input_lists_signed_edges_between_actors(loaded: Store) -> None:
    assert loaded.run_query("blocs_input") == [
        _signed("hezbollah", "Hezbollah", "bashar-al-assad", "Bashar al-Assad", "BACKS", 1, 1),
        _signed("iran", "Iran", "bashar-al-assad", "Bashar al-Assad", "BACKS", 1, 1),
        _signed("russia", "Russia", "syrian-opposition", "Syrian opposition", "ATTACKS", -1, 1),
        _signed("russia", "Russia", "bashar-al-assad", "Bashar al-Assad", "BACKS", 1, 2),
        _signed("russia", "Russia", "syrian-government", "Syrian government", "BACKS", 1, 1),
        _signed(
            "syrian-opposition",
            "Syrian opposition",
            "hayat-tahrir-al-sham",
            "Hayat Tahrir al-Sham",
            "ALLIED_WITH",
            1,
            1,
        ),
        _signed(
            "syrian-opposition",
            "Syrian opposition",
            "syrian-government",
            "Syrian government",
            "OPPOSES",
            -1,
            1,
        ),
        _signed("turkey", "Turkey", "syrian-opposition", "Syrian opposition", "BACKS", 1, 1),
        _signed("turkey", "Turkey", "russia", "Russia", "CRITICIZES", -1, 1),
        _signed("turkey", "Turkey", "russia", "Russia", "NEGOTIATES_WITH", 1, 1),
    ]


def test_blocs_input_min_weight(loaded: Store) -> None:
    assert loaded.run_query("blocs_input", min_weight=2) == [
        _signed("russia", "Russia", "bashar-al-assad", "Bashar al-Assad", "BACKS", 1, 2),
    ]


def test_rows_know_their_columns_even_when_empty(loaded: Store) -> None:
    rows = loaded.run_query("evidence_for", source="Assad", target="Russia")
    assert rows == []
    assert rows.columns == [
        "source",
        "relation",
        "target",
        "document",
        "title",
        "date",
        "url",
        "sentence",
        "start",
        "end",
        "rule",
        "confidence",
    ]


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("backers_of", {"actor": "Atlantis"}, "no actor named 'Atlantis'"),
        ("backers_of", {}, "query backers_of needs --param actor="),
        ("backers_of", {"actor": "Assad", "depth": "2"}, "query backers_of has no parameter 'depth'"),
        ("blocs_input", {"min_weight": "two"}, "parameter min_weight must be int, not 'two'"),
        ("who_knows", {}, "no query named 'who_knows'"),
    ],
)
def test_query_errors_are_one_clear_line(loaded: Store, name: str, params: dict, message: str) -> None:
    with pytest.raises(QueryError) as e:
        loaded.run_query(name, params)
    assert message in str(e.value)
    assert "\n" not in str(e.value)


def test_ad_hoc_cypher_runs_read_only(loaded: Store) -> None:
    with pytest.raises(QueryError, match="read-only"):
        loaded.run_cypher("MATCH (n) DETACH DELETE n")
    assert loaded.counts() == CORPUS_COUNTS
    assert loaded.run_cypher("MATCH (a:Actor {id: 'iran'}) RETURN a") == [
        {
            "a": {
                "_labels": ["Actor", "State"],
                "id": "iran",
                "name": "Iran",
                "type": "STATE",
                "aliases": ["Tehran"],
            }
        }
    ]


def test_library_queries_paste_into_browser_as_plain_cypher(loaded: Store) -> None:
    # what a user pastes into Neo4j Browser is the file itself: header comments and all
    text = (kg.store.cypher_dir() / "backers_of.cypher").read_text(encoding="utf-8")
    rows = loaded.run_cypher(text, {"actor": "Assad"})
    assert [r["backer"] for r in rows] == ["Russia", "Hezbollah", "Iran"]


# -- reading graphs back --------------------------------------------------------------------------


def test_read_graph_round_trips_the_corpus(loaded: Store, neo4j_corpus: KnowledgeGraph) -> None:
    back = loaded.read_graph("MATCH (a:Actor) OPTIONAL MATCH (a)-[r]->(:Actor) RETURN a, r")
    assert back.relations() == neo4j_corpus.relations()
    assert back.actors() == neo4j_corpus.actors()
    assert back.documents == neo4j_corpus.documents
    assert (
        back.to_networkx().nodes["turkey"]["per_doc"] == neo4j_corpus.to_networkx().nodes["turkey"]["per_doc"]
    )


def test_read_graph_of_paths_gives_a_networkx_graph(loaded: Store) -> None:
    g = loaded.read_graph(
        "MATCH p = (:Actor)-[:BACKS]->(:Actor {id: $id}) RETURN p", {"id": "bashar-al-assad"}
    )
    G = g.to_networkx()
    assert isinstance(G, nx.MultiDiGraph)
    assert sorted(G.edges(keys=True)) == [
        ("hezbollah", "bashar-al-assad", "BACKS"),
        ("iran", "bashar-al-assad", "BACKS"),
        ("russia", "bashar-al-assad", "BACKS"),
    ]
    assert G.edges["russia", "bashar-al-assad", "BACKS"]["weight"] == 2
    assert [e["sentence"] for e in G.edges["russia", "bashar-al-assad", "BACKS"]["evidence"]] == [
        "Russia and Iran back Assad.",
        "Moscow again stood by Assad.",
    ]


def test_read_graph_fetches_endpoints_of_bare_relationships(loaded: Store) -> None:
    g = loaded.read_graph("MATCH (:Actor)-[r:CRITICIZES]->(:Actor) RETURN r")
    assert [(r["source"], r["relation"], r["target"], r["weight"]) for r in g.relations()] == [
        ("Turkey", "CRITICIZES", "Russia", 1)
    ]


def test_module_helpers_use_the_environment(db: Store, neo4j_corpus: KnowledgeGraph) -> None:
    assert kg.store.write(neo4j_corpus).relations == 13
    assert [r["backer"] for r in kg.store.run_query("backers_of", actor="Assad")] == [
        "Russia",
        "Hezbollah",
        "Iran",
    ]
    assert len(kg.store.read_graph("MATCH (a:Actor) RETURN a")) == 9


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


# -- connections and errors ----------------------------------------------------------------------


def test_wrong_password_names_the_uri_and_the_variables(neo4j_env: dict[str, str]) -> None:
    with pytest.raises(Neo4jUnavailable) as e:
        connect(neo4j_env["uri"], neo4j_env["user"], "not-the-password")
    message = str(e.value)
    assert neo4j_env["uri"] in message and "NEO4J_PASSWORD" in message and "refused" in message
    assert "\n" not in message


def test_down_server_names_the_uri_and_the_variables(neo4j_env: dict[str, str]) -> None:
    uri = f"bolt://127.0.0.1:{server._free_port()}"
    with pytest.raises(Neo4jUnavailable) as e:
        connect(uri, "neo4j", "whatever")
    message = str(e.value)
    assert message.startswith(f"cannot reach Neo4j at {uri}") and "NEO4J_URI" in message
    assert "\n" not in message


@pytest.mark.parametrize("uri", ["http://127.0.0.1:7474", "localhost:7687", "bolt://127.0.0.1:port"])
def test_wrong_uri_names_it_and_the_variables(neo4j_env: dict[str, str], uri: str) -> None:
    with pytest.raises(Neo4jUnavailable) as e:
        connect(uri, "neo4j", "whatever")
    assert repr(uri) in str(e.value) and "NEO4J_URI" in str(e.value)


def test_default_password_is_refused(neo4j_env: dict[str, str]) -> None:
    with pytest.raises(Neo4jUnavailable, match="refused"):
        connect(neo4j_env["uri"], "neo4j", "neo4j")


def test_connection_falls_back_to_the_local_server(neo4j_env: dict[str, str], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for var in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD"):
        monkeypatch.delenv(var)
    conn = kg.store.resolve_connection()
    assert (conn.uri, conn.user, conn.password, conn.origin) == (
        neo4j_env["uri"],
        "neo4j",
        neo4j_env["password"],
        "local server",
    )
    with connect() as store:
        assert store.uri == neo4j_env["uri"]


def test_arguments_win_over_the_environment(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEO4J_URI", "bolt://env-host:7687")
    monkeypatch.setenv("NEO4J_USERNAME", "env-user")
    monkeypatch.setenv("NEO4J_PASSWORD", "env-pw")
    monkeypatch.setenv("NEO4J_DATABASE", "env-db")
    assert kg.store.resolve_connection() == kg.store.Connection(
        "bolt://env-host:7687", "env-user", "env-pw", "env-db", "environment"
    )
    assert kg.store.resolve_connection("neo4j://arg-host", "arg-user", "arg-pw", "arg-db") == kg.store.Connection(
        "neo4j://arg-host", "arg-user", "arg-pw", "arg-db", "arguments"
    )


def test_nothing_configured_says_what_to_set(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for var in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("KG_NEO4J_HOME", str(tmp_path))
    with pytest.raises(Neo4jUnavailable, match="no Neo4j server is configured: set NEO4J_URI"):
        connect()


# -- the local server ------------------------------------------------------------------------------


def test_starting_a_running_server_is_harmless(neo4j_env: dict[str, str]) -> None:
    home = Path(os.environ["KG_NEO4J_HOME"])
    before = server.status(home)
    again = server.start(home)
    assert before.running and again.running
    assert (again.pid, again.uri) == (before.pid, before.uri) == (before.pid, neo4j_env["uri"])


def test_server_listens_on_loopback_only_with_a_private_generated_password(neo4j_env: dict[str, str]) -> None:
    info = server.status(Path(os.environ["KG_NEO4J_HOME"]))
    conf = (info.home / "conf" / "neo4j.conf").read_text(encoding="utf-8")
    listen = dict(line.split("=", 1) for line in conf.splitlines() if "listen_address" in line)
    assert set(listen) == {
        "server.default_listen_address",
        "server.bolt.listen_address",
        "server.http.listen_address",
    }
    assert all(v.startswith("127.0.0.1") for v in listen.values())
    assert "dbms.security.auth_enabled=true" in conf
    assert stat.S_IMODE(info.password_file.stat().st_mode) == 0o600
    assert len(info.password()) >= 20 and info.password() != "neo4j"


def test_neo4j_browser_is_served(neo4j_env: dict[str, str]) -> None:
    info = server.status(Path(os.environ["KG_NEO4J_HOME"]))
    with urllib.request.urlopen(info.browser_url, timeout=10) as response:  # noqa: S310 - loopback
        assert response.status == 200
        assert "<title>Neo4j Browser</title>" in response.read().decode("utf-8", "replace")


def test_maven_project_pins_the_version_the_server_code_expects() -> None:
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    pom = ElementTree.parse(server.pom_path()).getroot()
    assert pom.findtext("m:properties/m:neo4j.version", namespaces=ns) == server.NEO4J_VERSION
    artifacts = [(d.findtext("m:groupId", namespaces=ns), d.findtext("m:artifactId", namespaces=ns))
                 for d in pom.iterfind("m:dependencies/m:dependency", ns)]
    assert artifacts == [("org.neo4j", "neo4j"), ("org.neo4j.client", "neo4j-browser")]


def test_status_of_a_server_that_never_started(tmp_path: Path) -> None:
    info = server.status(tmp_path)
    assert (info.running, info.pid, info.uri) == (False, None, "bolt://127.0.0.1:7687")
    assert server.stop(tmp_path).running is False


# -- the reference article (needs the extraction pipeline) ---------------------------------------


@pytest.fixture(scope="module")
def seed_graph(seed_path: Path) -> KnowledgeGraph:
    import kg

    return kg.extract([str(seed_path)])


def test_seed_backers_of_assad_are_russia_iran_and_hezbollah(db: Store, seed_graph: KnowledgeGraph) -> None:
    db.write(seed_graph)
    assert sorted(r["backer"] for r in db.run_query("backers_of", actor="Assad")) == [
        "Hezbollah",
        "Iran",
        "Russia",
    ]


def test_seed_adversaries_of_hts_include_russia(db: Store, seed_graph: KnowledgeGraph) -> None:
    db.write(seed_graph)
    assert "Russia" in {r["adversary"] for r in db.run_query("adversaries_of", actor="Hayat Tahrir al-Sham")}
