"""The KnowledgeGraph (kg/graph.py): merging, the JSONL contract, GraphML."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import InputError
from kg.graph import KnowledgeGraph
from kg.model import Actor, Document, Evidence, Extraction, Relation


def _extraction(doc_id: str, date: str | None, start: int) -> Extraction:
    doc = Document(doc_id, "Russia backs Assad.", title=f"title {doc_id}", date=date)
    ev = Evidence(doc_id, "Russia backs Assad.", start, start + 19, "verb", 0.9)
    return Extraction(
        doc,
        [
            Actor("russia", "Russia", "STATE", ["Moscow"], 1),
            Actor("bashar-al-assad", "Bashar al-Assad", "PERSON", ["Assad"], 1),
        ],
        [Relation("russia", "BACKS", "bashar-al-assad", [ev])],
    )


def test_same_fact_in_two_documents_is_one_edge_with_two_evidences() -> None:
    graph = KnowledgeGraph()
    graph.add(_extraction("a", "2024-12-01", 0))
    graph.add(_extraction("b", "2024-12-03", 0))
    graph.add(_extraction("b", "2024-12-03", 0))  # the same evidence again is kept once
    (rel,) = graph.relations()
    assert (rel["weight"], rel["polarity"], rel["first_seen"], rel["last_seen"]) == (
        2,
        1,
        "2024-12-01",
        "2024-12-03",
    )
    assert graph.actors()[1] == {
        "id": "russia",
        "name": "Russia",
        "type": "STATE",
        "aliases": ["Moscow"],
        "mentions": 2,
        "docs": ["a", "b"],
    }


def test_jsonl_round_trip_keeps_actors_relations_and_metadata(tmp_path: Path) -> None:
    graph = KnowledgeGraph()
    graph.add(_extraction("a", "2024-12-01", 0))
    path = tmp_path / "g.jsonl"
    graph.to_jsonl(path)
    lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    assert [x["kind"] for x in lines] == ["document", "actor", "actor", "relation"]
    assert lines[3] == {
        "kind": "relation",
        "doc": "a",
        "source": "Russia",
        "relation": "BACKS",
        "target": "Bashar al-Assad",
        "polarity": 1,
        "sentence": "Russia backs Assad.",
        "start": 0,
        "end": 19,
        "confidence": 0.9,
        "rule": "verb",
        "source_id": "russia",
        "target_id": "bashar-al-assad",
    }
    again = KnowledgeGraph.from_jsonl(path)
    assert again.relations() == graph.relations()
    assert again.documents == graph.documents


def test_from_jsonl_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"kind": "actor", "doc": "d", "id": "x", "name": "X", "type": "STATE"}\n{oops\n')
    with pytest.raises(InputError, match=r"bad.jsonl:2: not a kg JSONL record"):
        KnowledgeGraph.from_jsonl(path)


def test_graphml_is_readable_by_networkx(tmp_path: Path) -> None:
    graph = KnowledgeGraph()
    graph.add(_extraction("a", None, 0))
    path = tmp_path / "g.graphml"
    graph.write_graphml(path)
    back = nx.read_graphml(path)
    assert list(back.edges(data="relation")) == [("russia", "bashar-al-assad", "BACKS")]
    assert json.loads(back.nodes["russia"]["aliases"]) == ["Moscow"]


def test_find_actor_matches_name_alias_or_id_case_insensitively() -> None:
    graph = KnowledgeGraph()
    graph.add(_extraction("a", None, 0))
    assert [graph.find_actor(n) for n in ("assad", "MOSCOW", "russia", "Iran")] == [
        "bashar-al-assad",
        "russia",
        "russia",
        None,
    ]


def test_an_actor_named_differently_across_documents_takes_the_commonest_name_first_seen_on_ties() -> None:
    from kg.model import Actor, Document, Extraction

    graph = KnowledgeGraph()
    for doc_id, name, kind in [("d1", "RSF", "ARMED_GROUP"), ("d2", "Rapid Support Forces", "ORGANIZATION"),
                               ("d3", "Rapid Support Forces", "ORGANIZATION"), ("d4", "RSF", "ARMED_GROUP")]:
        graph.add(Extraction(Document(doc_id, ""), [Actor("rsf", name, kind, [name], 1)], []))
    assert graph.actor("rsf") == {"id": "rsf", "name": "RSF", "type": "ARMED_GROUP",
                                  "aliases": ["RSF", "Rapid Support Forces"], "mentions": 4,
                                  "docs": ["d1", "d2", "d3", "d4"]}
    graph.add(Extraction(Document("d1", ""), [Actor("rsf", "Rapid Support Forces", "ORGANIZATION", [], 5)], []))
    assert graph.actor("rsf") == {"id": "rsf", "name": "Rapid Support Forces", "type": "ORGANIZATION",
                                  "aliases": ["RSF", "Rapid Support Forces"], "mentions": 8,
                                  "docs": ["d1", "d2", "d3", "d4"]}
