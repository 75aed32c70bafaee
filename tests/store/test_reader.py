"""Reading graphs back from the real Neo4j server into KnowledgeGraph and networkx."""

from __future__ import annotations

import networkx as nx
import pytest

import kg.store
from kg.graph import KnowledgeGraph
from kg.store import Store

pytestmark = pytest.mark.neo4j


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
