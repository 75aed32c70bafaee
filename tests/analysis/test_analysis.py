"""kg.analysis on tiny hand-built signed graphs with exact answers, plus the reference article."""

from __future__ import annotations

import copy
import doctest
import importlib
import itertools
import pkgutil
import random
from pathlib import Path

import networkx as nx
import pytest

from kg import analysis
from kg.analysis import (
    actor_id,
    adversaries,
    backers,
    blocs,
    centrality,
    changes,
    enemy_of_enemy,
    from_triples,
    proxies,
    signed_graph,
    stance,
    stance_over_time,
    timeline,
)
from kg.errors import InputError
from kg.graph import KnowledgeGraph
from kg.model import Actor, Document, Evidence, Extraction, Relation


def members(result: dict) -> list[list[str]]:
    return [b["members"] for b in result["blocs"]]


def frustrated(result: dict) -> list[tuple[str, str]]:
    return [(f["a"], f["b"]) for f in result["frustrated"]]


@pytest.fixture
def two_blocs_one_traitor() -> KnowledgeGraph:
    west, east = ["A", "B", "C"], ["D", "E", "F"]
    triples = [(x, "ALLIED_WITH", y) for bloc in (west, east) for x, y in itertools.combinations(bloc, 2)]
    triples += [(x, "ATTACKS", y) for x in west for y in east if (x, y) != ("C", "D")]
    triples.append(("C", "BACKS", "D"))  # the traitor
    return from_triples(triples)


# -- stance -----------------------------------------------------------------------------------


def weighted_graph() -> KnowledgeGraph:
    doc = Document("d1", "text", date="2024-12-01")
    actors = [
        Actor("a", "Alpha", "STATE", ["Alpha", "AL"], 2),
        Actor("b", "Beta", "ARMED_GROUP", ["Beta"], 2),
    ]
    rels = [
        Relation("a", "BACKS", "b", [Evidence("d1", "Alpha arms Beta.", 0, 16, "t", 0.9)]),
        Relation("b", "ATTACKS", "a", [Evidence("d1", "Beta shells Alpha.", 17, 35, "t", 0.3)]),
        Relation("a", "CALLS_ON", "b", [Evidence("d1", "Alpha urges Beta.", 36, 53, "t", 1.0)]),
    ]
    kg = KnowledgeGraph()
    kg.add(Extraction(doc, actors, rels))
    return kg


def test_stance_weighs_polarity_by_confidence() -> None:
    s = stance(weighted_graph(), "Alpha", "Beta")
    assert s == {
        "a": "Alpha",
        "b": "Beta",
        "stance": 0.5,
        "evidence": 2,
        "positive": 0.9,
        "negative": 0.3,
        "relations": {"ATTACKS": 1, "BACKS": 1},
    }


def test_stance_can_count_sentences_instead_of_weighing_confidence() -> None:
    s = stance(weighted_graph(), "Alpha", "Beta", confidence=False)
    assert (s["stance"], s["positive"], s["negative"]) == (0.0, 1.0, 1.0)
    assert signed_graph(weighted_graph(), confidence=False).number_of_edges() == 0


def test_stance_directed_counts_one_direction_only() -> None:
    assert stance(weighted_graph(), "Beta", "Alpha", directed=True)["stance"] == -1.0


def test_stance_without_signed_ties_is_zero() -> None:
    G = from_triples([("A", "CALLS_ON", "B")])
    assert stance(G, "A", "B")["stance"] == 0.0
    assert stance(G, "A", "B")["evidence"] == 0


def test_stance_counts_leads_as_same_side_unless_overridden() -> None:
    G = from_triples([("Assad", "LEADS", "Syrian government")])
    assert stance(G, "Assad", "Syrian government")["stance"] == 1.0
    assert stance(G, "Assad", "Syrian government", signs={"LEADS": 0})["evidence"] == 0


def test_stance_resolves_aliases_case_insensitively() -> None:
    assert stance(weighted_graph(), "al", "BETA")["evidence"] == 2


def test_unknown_actor_is_an_input_error_with_suggestion() -> None:
    with pytest.raises(InputError, match=r"unknown actor 'Alfa'; did you mean Alpha\?"):
        stance(weighted_graph(), "Alfa", "Beta")


def test_actor_id_accepts_id_name_alias_and_slug() -> None:
    G = weighted_graph()
    assert [actor_id(G, x) for x in ("a", "Alpha", "al", " alpha ")] == ["a", "a", "a", "a"]


def test_functions_accept_the_networkx_graph_too() -> None:
    kg = weighted_graph()
    assert stance(kg.to_networkx(), "Alpha", "Beta") == stance(kg, "Alpha", "Beta")


def test_analysis_never_mutates_the_graph(two_blocs_one_traitor: KnowledgeGraph) -> None:
    g = two_blocs_one_traitor.to_networkx()
    before = (
        copy.deepcopy(dict(g.nodes(data=True))),
        copy.deepcopy(list(g.edges(keys=True, data=True))),
        copy.deepcopy(g.graph),
    )
    blocs(g)
    enemy_of_enemy(g)
    backers(g, "A")
    adversaries(g, "A")
    proxies(g, "A")
    centrality(g)
    changes(g)
    signed_graph(g)
    stance_over_time(g, "A", "D")
    timeline(g, "A")
    after = (dict(g.nodes(data=True)), list(g.edges(keys=True, data=True)), g.graph)
    assert after == before


def test_from_triples_rejects_unknown_relation() -> None:
    with pytest.raises(InputError, match="unknown relation type 'LIKES'"):
        from_triples([("A", "LIKES", "B")])


# -- signed graph -----------------------------------------------------------------------------


def test_signed_graph_nets_both_directions_and_drops_neutral_ties() -> None:
    G = from_triples([("A", "BACKS", "B"), ("B", "BACKS", "A"), ("B", "ATTACKS", "A"), ("A", "CALLS_ON", "C")])
    S = signed_graph(G)
    assert sorted(S.nodes) == ["a", "b", "c"]
    assert [(u, v, d["sign"], d["stance"], d["weight"], d["evidence"]) for u, v, d in S.edges(data=True)] == [
        ("a", "b", 1, 0.3333, 1.0, 3)
    ]


def test_signed_graph_leaves_out_places_and_evenly_mixed_pairs() -> None:
    G = from_triples(
        [("A", "CAPTURED", "Hama"), ("A", "BACKS", "B"), ("A", "CRITICIZES", "B")], types={"Hama": "LOCATION"}
    )
    S = signed_graph(G)
    assert sorted(S.nodes) == ["a", "b"]
    assert S.number_of_edges() == 0
    assert sorted(signed_graph(G, include_places=True).nodes) == ["a", "b", "hama"]


# -- blocs ------------------------------------------------------------------------------------


def test_blocs_balanced_triangle_of_friends_is_one_bloc() -> None:
    G = from_triples([("A", "BACKS", "B"), ("B", "ALLIED_WITH", "C"), ("C", "NEGOTIATES_WITH", "A")])
    result = blocs(G)
    assert members(result) == [["A", "B", "C"]]
    assert (result["frustration"], result["balanced"], result["frustrated"]) == (0, True, [])


def test_blocs_balanced_triangle_two_friends_against_one() -> None:
    G = from_triples([("A", "BACKS", "B"), ("A", "ATTACKS", "C"), ("C", "OPPOSES", "B")])
    result = blocs(G)
    assert members(result) == [["A", "B"], ["C"]]
    assert result["frustration"] == 0
    assert result["membership"] == {"a": 1, "b": 1, "c": 2}


def test_blocs_unbalanced_triangle_has_one_frustrated_tie() -> None:
    # A and C share a friend but fight each other: no partition satisfies all three ties.
    G = from_triples([("A", "BACKS", "B"), ("B", "BACKS", "C"), ("A", "ATTACKS", "C")])
    result = blocs(G)
    assert result["frustration"] == 1
    assert result["balanced"] is False
    assert members(result) == [["B", "C"], ["A"]]
    assert frustrated(result) == [("A", "B")]
    assert result["frustrated"][0]["why"] == "positive tie between blocs 1 and 2"


def test_blocs_three_mutual_enemies_are_three_blocs_or_one_frustrated_pair_of_two() -> None:
    G = from_triples([("A", "ATTACKS", "B"), ("B", "ATTACKS", "C"), ("A", "ATTACKS", "C")])
    assert members(blocs(G)) == [["A"], ["B"], ["C"]]
    two = blocs(G, k=2)
    assert (two["frustration"], members(two), frustrated(two)) == (1, [["B", "C"], ["A"]], [("B", "C")])
    assert two["frustrated"][0]["why"] == "negative tie inside bloc 1"


def test_blocs_two_blocs_with_one_traitor_edge(two_blocs_one_traitor: KnowledgeGraph) -> None:
    result = blocs(two_blocs_one_traitor)
    assert members(result) == [["A", "B", "C"], ["D", "E", "F"]]
    assert result["frustration"] == 1
    assert result["frustration_weight"] == 1.0
    assert frustrated(result) == [("C", "D")]
    only = result["frustrated"][0]
    assert only["why"] == "positive tie between blocs 1 and 2"
    assert [(h["source"], h["relation"], h["target"]) for h in only["relations"]] == [("C", "BACKS", "D")]
    assert only["relations"][0]["evidence"][0]["sentence"] == "C backs D."
    assert [(b["size"], b["positive_ties"], b["negative_ties"]) for b in result["blocs"]] == [
        (3, 3, 0),
        (3, 3, 0),
    ]
    assert result["method"] == "exact"


def test_blocs_local_search_finds_the_traitor_too(two_blocs_one_traitor: KnowledgeGraph) -> None:
    result = blocs(two_blocs_one_traitor, method="local")
    assert (members(result), frustrated(result), result["method"]) == (
        [["A", "B", "C"], ["D", "E", "F"]],
        [("C", "D")],
        "local",
    )


def test_blocs_k_caps_the_number_of_blocs(two_blocs_one_traitor: KnowledgeGraph) -> None:
    result = blocs(two_blocs_one_traitor, k=1)
    assert members(result) == [["A", "B", "C", "D", "E", "F"]]
    assert result["frustration"] == 8


def test_blocs_joins_disconnected_parts_only_when_k_asks() -> None:
    G = from_triples([("A", "BACKS", "B"), ("B", "ATTACKS", "C"), ("X", "BACKS", "Y"), ("Z", "CALLS_ON", "Y")])
    assert members(blocs(G)) == [["A", "B"], ["X", "Y"], ["C"]]
    assert members(blocs(G, k=2)) == [["A", "B", "X", "Y"], ["C"]]
    assert blocs(G)["unaligned"] == ["Z"]


def test_blocs_weighs_ties_by_evidence() -> None:
    # B is tied to A by three evidences and against A's enemy by one friendly word: weight decides.
    G = from_triples([("A", "BACKS", "B")] * 3 + [("A", "ATTACKS", "C"), ("B", "NEGOTIATES_WITH", "C")])
    assert members(blocs(G)) == [["A", "B"], ["C"]]
    assert frustrated(blocs(G)) == [("B", "C")]


def test_blocs_rejects_bad_arguments() -> None:
    G = from_triples([("A", "BACKS", "B")])
    with pytest.raises(InputError, match="k must be at least 1"):
        blocs(G, k=0)
    with pytest.raises(InputError, match="method must be"):
        blocs(G, method="magic")


def brute_force_frustration(S: nx.Graph) -> int:
    nodes = sorted(S)
    best = len(S.edges)
    for labels in itertools.product(range(len(nodes)), repeat=len(nodes)):
        lab = dict(zip(nodes, labels, strict=True))
        cost = sum(1 for u, v, d in S.edges(data=True) if (d["sign"] > 0) != (lab[u] == lab[v]))
        best = min(best, cost)
    return best


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_exact_blocs_match_brute_force_on_random_graphs(seed: int) -> None:
    rnd = random.Random(seed)
    names = list("ABCDEF")
    triples = [
        (a, rnd.choice(["BACKS", "ATTACKS"]), b) for a, b in itertools.combinations(names, 2) if rnd.random() < 0.7
    ]
    G = from_triples(triples)
    assert blocs(G, weight=None, method="exact")["frustration"] == brute_force_frustration(signed_graph(G))


def test_blocs_local_search_recovers_planted_blocs_in_a_big_graph() -> None:
    rnd = random.Random(7)
    camps = [[f"{c}{i:02d}" for i in range(12)] for c in "PQR"]
    triples = []
    for ci, cj in itertools.combinations_with_replacement(range(3), 2):
        for x in camps[ci]:
            for y in camps[cj]:
                if x < y and rnd.random() < 0.3:
                    triples.append((x, "ALLIED_WITH" if ci == cj else "ATTACKS", y))
    G = from_triples(triples)
    result = blocs(G)
    assert result["method"] == "local"
    assert members(result) == [sorted(c) for c in camps]
    assert result["frustration"] == 0


# -- triads -----------------------------------------------------------------------------------


def test_enemy_of_enemy_classifies_the_third_tie() -> None:
    G = from_triples(
        [
            ("A", "ATTACKS", "B"),
            ("C", "OPPOSES", "B"),
            ("D", "CRITICIZES", "B"),
            ("A", "ALLIED_WITH", "C"),  # balanced: the enemy of my enemy is my friend
            ("A", "ATTACKS", "D"),  # unbalanced: two enemies of B also fight each other
        ]
    )
    # The all-enemies triangle A, B, D is listed once around each of its corners.
    assert [(t["a"], t["b"], t["c"], t["ac"], t["balanced"]) for t in enemy_of_enemy(G)] == [
        ("B", "A", "D", "negative", False),
        ("A", "B", "C", "positive", True),
        ("A", "B", "D", "negative", False),
        ("C", "B", "D", "absent", None),
        ("A", "D", "B", "negative", False),
    ]


# -- chains -----------------------------------------------------------------------------------


@pytest.fixture
def proxy_war() -> KnowledgeGraph:
    return from_triples(
        [
            ("Iran", "BACKS", "Hezbollah"),
            ("Hezbollah", "BACKS", "Assad"),
            ("Russia", "BACKS", "Assad"),
            ("Rebels", "ALLIED_WITH", "HTS"),
            ("Turkey", "BACKS", "Rebels"),
            ("Rebels", "OPPOSES", "Assad"),
            ("Russia", "ATTACKS", "Rebels"),
            ("Israel", "ATTACKS", "Hezbollah"),
            ("Rebels", "CAPTURED", "Aleppo"),
        ],
        types={"Aleppo": "LOCATION"},
    )


def test_backers_follow_support_chains_with_evidence_per_hop(proxy_war: KnowledgeGraph) -> None:
    result = backers(proxy_war, "Assad")
    assert [(b["backer"], b["path"]) for b in result] == [
        ("Hezbollah", ["Hezbollah", "Assad"]),
        ("Russia", ["Russia", "Assad"]),
        ("Iran", ["Iran", "Hezbollah", "Assad"]),
    ]
    assert [[e["sentence"] for e in h["evidence"]] for h in result[2]["chain"]] == [
        ["Iran backs Hezbollah."],
        ["Hezbollah backs Assad."],
    ]
    assert [b["backer"] for b in backers(proxy_war, "Assad", max_hops=1)] == ["Hezbollah", "Russia"]


def test_backers_count_alliances_both_ways(proxy_war: KnowledgeGraph) -> None:
    assert [(b["backer"], b["hops"]) for b in backers(proxy_war, "HTS")] == [("Rebels", 1), ("Turkey", 2)]


def test_adversaries_include_backers_of_enemies(proxy_war: KnowledgeGraph) -> None:
    assert [(a["adversary"], a["path"]) for a in adversaries(proxy_war, "Assad")] == [
        ("Rebels", ["Rebels", "Assad"]),
        ("HTS", ["HTS", "Rebels", "Assad"]),
        ("Turkey", ["Turkey", "Rebels", "Assad"]),
    ]
    assert [(a["adversary"], a["hops"]) for a in adversaries(proxy_war, "Assad", max_hops=1)] == [("Rebels", 1)]


def test_proxies_are_supported_actors_acting_against_a_third(proxy_war: KnowledgeGraph) -> None:
    assert [(p["proxy"], p["target"], p["path"]) for p in proxies(proxy_war, "Turkey")] == [
        ("Rebels", "Assad", ["Turkey", "Rebels", "Assad"]),
    ]
    # OPPOSES is symmetric: Assad is at war with the rebels too, as Iran's and Russia's proxy.
    assert [(p["proxy"], p["target"], p["hops"]) for p in proxies(proxy_war, "Iran")] == [("Assad", "Rebels", 3)]
    assert [(p["proxy"], p["target"], p["hops"]) for p in proxies(proxy_war, "Russia")] == [("Assad", "Rebels", 2)]
    assert proxies(proxy_war, "Iran", max_hops=2) == []
    hop = proxies(proxy_war, "Turkey")[0]["chain"][1]
    assert (hop["source"], hop["relation"], hop["target"], hop["weight"]) == ("Rebels", "OPPOSES", "Assad", 1)


# -- over time --------------------------------------------------------------------------------


@pytest.fixture
def shifting() -> KnowledgeGraph:
    return from_triples(
        [
            ("Turkey", "BACKS", "SDF", "2024-01-02"),
            ("Turkey", "BACKS", "SDF", "2024-01-04"),
            ("Turkey", "ATTACKS", "SDF", "2024-01-10"),
            ("Turkey", "ATTACKS", "SDF", "2024-01-11"),
            ("Turkey", "CRITICIZES", "SDF", "2024-01-12"),  # still negative: no change
            ("Egypt", "ALLIED_WITH", "Libya", "2024-01-03"),
            ("Taliban", "OPPOSES", "Kabul government", "2024-01-02"),
            ("Kabul government", "NEGOTIATES_WITH", "Taliban", "2024-02-20"),
            ("Turkey", "BACKS", "SDF"),  # undated: ignored over time
        ]
    )


def test_stance_over_time_buckets_by_iso_week(shifting: KnowledgeGraph) -> None:
    assert [
        (p["period"], p["stance"], p["evidence"], p["relations"]) for p in stance_over_time(shifting, "Turkey", "SDF")
    ] == [
        ("2024-01-01", 1.0, 2, {"BACKS": 2}),
        ("2024-01-08", -1.0, 3, {"ATTACKS": 2, "CRITICIZES": 1}),
    ]


def test_stance_over_time_by_month_merges_the_weeks(shifting: KnowledgeGraph) -> None:
    [month] = stance_over_time(shifting, "Turkey", "SDF", freq="M")
    assert (month["period"], month["stance"], month["evidence"]) == ("2024-01-01", -0.2, 5)
    assert [s["date"] for s in month["sentences"]] == [
        "2024-01-02",
        "2024-01-04",
        "2024-01-10",
        "2024-01-11",
        "2024-01-12",
    ]


def test_stance_over_time_rejects_unknown_freq(shifting: KnowledgeGraph) -> None:
    with pytest.raises(InputError, match="freq must be one of"):
        stance_over_time(shifting, "Turkey", "SDF", freq="fortnight")


def test_changes_report_sign_flips_with_sentences(shifting: KnowledgeGraph) -> None:
    result = changes(shifting)
    assert [(c["description"], c["from_date"], c["date"]) for c in result] == [
        ("Turkey -> SDF moved from BACKS to ATTACKS", "2024-01-04", "2024-01-10"),
        # NEGOTIATES_WITH is symmetric, so it reads in the direction of the earlier OPPOSES
        ("Taliban -> Kabul government moved from OPPOSES to NEGOTIATES_WITH", "2024-01-02", "2024-02-20"),
    ]
    first = result[0]
    assert first["from"] == {"source": "Turkey", "relation": "BACKS", "target": "SDF"}
    assert [s["sentence"] for s in first["from_sentences"]] == ["Turkey backs SDF."]
    assert [s["sentence"] for s in first["to_sentences"]] == ["Turkey attacks SDF."]


def test_changes_prefer_the_earlier_relation_in_the_same_direction() -> None:
    G = from_triples(
        [
            ("Kurds", "CRITICIZES", "Damascus", "2019-03-01"),  # the strongest, but the other way round
            ("Kurds", "CRITICIZES", "Damascus", "2019-03-01"),
            ("Damascus", "ATTACKS", "Kurds", "2019-03-01"),
            ("Damascus", "BACKS", "Kurds", "2019-10-14"),
        ]
    )
    assert [c["description"] for c in changes(G)] == ["Damascus -> Kurds moved from ATTACKS to BACKS"]


def test_changes_across_directions_name_both_relations() -> None:
    G = from_triples([("A", "BACKS", "B", "2020-01-01"), ("B", "ATTACKS", "A", "2021-01-01")])
    assert [c["description"] for c in changes(G)] == ["A BACKS B -> B ATTACKS A"]


def test_changes_turn_an_earlier_symmetric_relation_to_read_the_same_way() -> None:
    G = from_triples([("B", "OPPOSES", "A", "2020-01-01"), ("A", "BACKS", "B", "2021-01-01")])
    assert [c["description"] for c in changes(G)] == ["A -> B moved from OPPOSES to BACKS"]


def test_changes_since_keeps_only_later_changes(shifting: KnowledgeGraph) -> None:
    assert [c["a"] for c in changes(shifting, since="2024-02-01")] == ["Kabul government"]
    assert changes(shifting, until="2024-01-09") == []


def test_changes_rejects_a_bad_date(shifting: KnowledgeGraph) -> None:
    with pytest.raises(InputError, match="since must be a date"):
        changes(shifting, since="last tuesday")


def test_timeline_lists_evidence_by_date_with_undated_last(shifting: KnowledgeGraph) -> None:
    rows = timeline(shifting, "SDF")
    assert [(r["date"], r["relation"]) for r in rows] == [
        ("2024-01-02", "BACKS"),
        ("2024-01-04", "BACKS"),
        ("2024-01-10", "ATTACKS"),
        ("2024-01-11", "ATTACKS"),
        ("2024-01-12", "CRITICIZES"),
        (None, "BACKS"),
    ]
    assert rows[0] == {
        "date": "2024-01-02",
        "document": "doc-2024-01-02",
        "source": "Turkey",
        "relation": "BACKS",
        "target": "SDF",
        "sentence": "Turkey backs SDF.",
    }


# -- centrality -------------------------------------------------------------------------------


def test_centrality_table(proxy_war: KnowledgeGraph) -> None:
    rows = centrality(proxy_war, top=3)
    assert [(r["rank"], r["actor"], r["degree"], r["betweenness"]) for r in rows] == [
        (1, "Assad", 3, 0.5714),  # 12 of the 21 pairs of the other actors meet only through Assad
        (2, "Rebels", 4, 0.5238),
        (3, "Hezbollah", 3, 0.5238),
    ]
    assert set(rows[0]) == {
        "rank",
        "actor",
        "id",
        "type",
        "degree",
        "betweenness",
        "relations",
        "evidence",
        "mentions",
    }


def test_docstring_examples_run_in_every_module_of_the_package() -> None:
    modules = [analysis] + [
        importlib.import_module(f"kg.analysis.{m.name}") for m in pkgutil.iter_modules(analysis.__path__)
    ]
    results = [doctest.testmod(m) for m in modules]
    assert (sum(r.failed for r in results), sum(r.attempted for r in results) > 20) == (0, True)


def test_the_package_keeps_its_public_names() -> None:
    assert analysis.__all__ == [
        "SIGNS", "SUPPORT", "actor_id", "adversaries", "backers", "blocs", "centrality", "changes",
        "enemy_of_enemy", "from_triples", "proxies", "signed_graph", "stance", "stance_over_time", "timeline",
    ]


def test_module_exports_are_documented_with_examples() -> None:
    for name in analysis.__all__:
        obj = getattr(analysis, name)
        if callable(obj):
            assert "Examples" in (obj.__doc__ or ""), name


# -- the reference article --------------------------------------------------------------------


@pytest.fixture(scope="module")
def reference(seed_path: Path) -> KnowledgeGraph:
    import kg

    return kg.extract([str(seed_path)])


def test_reference_article_blocs(reference: KnowledgeGraph) -> None:
    result = blocs(reference)
    bloc_of = {n: b["id"] for b in result["blocs"] for n in b["ids"]}
    listing = {b["id"]: b["members"] for b in result["blocs"]}

    def bloc(name: str) -> int | None:
        return bloc_of.get(actor_id(reference, name))

    regime, rebels = bloc("Syrian government"), bloc("Hayat Tahrir al-Sham")
    assert None not in (regime, rebels) and regime != rebels, listing
    for name in ("Russia", "Iran", "Hezbollah"):
        assert bloc(name) == regime, f"{name} is not in the Syrian government's bloc: {listing}"
    for name in ("Syrian opposition", "Turkey"):
        assert bloc(name) == rebels, f"{name} is not in HTS's bloc: {listing}"


# -- agreement with the Cypher library ---------------------------------------------------------

SMALL_CORPUS = [
    ("Russia", "BACKS", "Syrian government", "2024-11-28"),
    ("Russia", "BACKS", "Syrian government", "2024-11-30"),
    ("Iran", "BACKS", "Syrian government", "2024-11-28"),
    ("Hezbollah", "BACKS", "Syrian government", "2024-11-28"),
    ("Iran", "BACKS", "Hezbollah", "2024-11-30"),
    ("Turkey", "BACKS", "Syrian opposition", "2024-11-28"),
    ("Syrian opposition", "ALLIED_WITH", "HTS", "2024-11-28"),
    ("Syrian opposition", "OPPOSES", "Syrian government", "2024-11-30"),
    ("HTS", "ATTACKS", "Syrian government", "2024-11-30"),
    ("Russia", "ATTACKS", "HTS", "2024-11-30"),
    ("Israel", "ATTACKS", "Hezbollah", "2024-11-28"),
    ("Israel", "CRITICIZES", "Iran", "2024-11-30"),
    ("Turkey", "CALLS_ON", "Syrian government", "2024-11-30"),
    ("HTS", "CAPTURED", "Aleppo"),
]
SMALL_TYPES = {
    "Russia": "STATE",
    "Iran": "STATE",
    "Turkey": "STATE",
    "Israel": "STATE",
    "Syrian government": "GOVERNMENT",
    "Hezbollah": "ARMED_GROUP",
    "HTS": "ARMED_GROUP",
    "Syrian opposition": "ARMED_GROUP",
    "Aleppo": "LOCATION",
}


@pytest.fixture(scope="module")
def small() -> KnowledgeGraph:
    return from_triples(SMALL_CORPUS, types=SMALL_TYPES)


@pytest.fixture(scope="module")
def stored(small: KnowledgeGraph, neo4j_env: object):  # type: ignore[no-untyped-def]
    """The small corpus alone in the real Neo4j server."""
    from kg.store import connect

    with connect() as db:
        db.clear()
        db.write(small)
        yield db


@pytest.mark.neo4j
@pytest.mark.parametrize("actor", ["Syrian government", "Hezbollah", "Syrian opposition", "Russia"])
def test_backers_agree_with_cypher_backers_of(small: KnowledgeGraph, stored, actor: str) -> None:  # type: ignore[no-untyped-def]
    cypher = {r["backer"]: r["evidence"] for r in stored.run_query("backers_of", actor=actor)}
    python = {b["backer"]: b["chain"][0]["weight"] for b in backers(small, actor, max_hops=1, support=("BACKS",))}
    assert cypher == python


@pytest.mark.neo4j
@pytest.mark.parametrize("actor", ["Syrian government", "HTS", "Hezbollah", "Iran"])
def test_direct_adversaries_agree_with_cypher_adversaries_of(small: KnowledgeGraph, stored, actor: str) -> None:  # type: ignore[no-untyped-def]
    cypher = {r["adversary"] for r in stored.run_query("adversaries_of", actor=actor) if r["direct"]}
    python = {a["adversary"] for a in adversaries(small, actor, max_hops=1)}
    assert cypher == python


@pytest.mark.neo4j
def test_enemy_of_enemy_agrees_with_cypher(small: KnowledgeGraph, stored) -> None:  # type: ignore[no-untyped-def]
    def tie(score: int | None) -> str:
        return "absent" if score is None else "positive" if score > 0 else "negative"

    cypher = {
        (frozenset((r["actor_a"], r["actor_c"])), b, tie(r["tie_score"]))
        for r in stored.run_query("enemy_of_enemy")
        for b in r["common_enemies"]
    }
    python = {(frozenset((t["a"], t["c"])), t["b"], t["ac"]) for t in enemy_of_enemy(small)}
    assert cypher == python


@pytest.mark.neo4j
def test_blocs_from_cypher_blocs_input_agree(small: KnowledgeGraph, stored) -> None:  # type: ignore[no-untyped-def]
    rows = stored.run_query("blocs_input")
    net: dict[frozenset[str], int] = {}
    for r in rows:
        pair = frozenset((r["source_id"], r["target_id"]))
        net[pair] = net.get(pair, 0) + r["sign"] * r["weight"]
    cypher_signs = {pair: (1 if x > 0 else -1) for pair, x in net.items() if x}
    S = signed_graph(small)
    assert cypher_signs == {frozenset((u, v)): d["sign"] for u, v, d in S.edges(data=True)}
    rebuilt = from_triples(
        [(r["source"], r["relation"], r["target"]) for r in rows for _ in range(r["weight"])],
        types=SMALL_TYPES,
    )
    assert (
        members(blocs(rebuilt))
        == members(blocs(small))
        == [
            ["Hezbollah", "Iran", "Russia", "Syrian government"],
            ["HTS", "Syrian opposition", "Turkey"],
            ["Israel"],
        ]
    )


@pytest.mark.neo4j
@pytest.mark.parametrize("actor", ["HTS", "Syrian government"])
def test_timeline_agrees_with_cypher_timeline(small: KnowledgeGraph, stored, actor: str) -> None:  # type: ignore[no-untyped-def]
    assert stored.run_query("timeline", actor=actor) == timeline(small, actor)
