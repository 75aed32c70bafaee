"""The Cypher library against the real Neo4j server: exact rows on the small hand-built corpus of
conftest.py, parameter errors, and the reference article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from neo4j_checks import CORPUS_COUNTS, LIBRARY

import kg.store
from kg.errors import QueryError
from kg.graph import KnowledgeGraph
from kg.model import ONTOLOGY, Actor, Document, Evidence, Extraction, Relation
from kg.store import Store, queries

pytestmark = pytest.mark.neo4j


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
