"""Views of big graphs that stay readable: label ranks, hidden lonely actors, groups, speed."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest
from view_samples import sample_graph, synthetic

from kg import view
from kg.analysis import from_triples
from kg.errors import InputError
from kg.graph import KnowledgeGraph
from kg.model import Actor, Document, Extraction


def by_id(items: list[dict]) -> dict[str, dict]:
    return {i["id"]: i for i in items}


def ranks(data: dict) -> list[str]:
    return [n["id"] for n in sorted(data["nodes"], key=lambda n: n["kg"]["rank"])]


def test_labels_are_ranked_by_mentions_then_degree_then_name():
    data = view.view_data(sample_graph())
    # mentions 16, 10, 6, 4, then rebels and assad with 3 each: rebels has 5 relations, assad 1
    assert ranks(data) == [
        "syrian-government", "russia", "hts", "hama", "rebels", "assad", "turkey", "hostile",
    ]


def test_labels_can_be_ranked_by_degree():
    data = view.view_data(sample_graph(), size_by="degree")
    assert ranks(data)[:4] == ["rebels", "syrian-government", "russia", "hts"]
    assert [by_id(data["nodes"])[n]["kg"]["degree"] for n in ranks(data)[:4]] == [5, 4, 3, 2]


def test_actors_without_relations_start_hidden_and_can_start_shown():
    assert view.view_data(sample_graph())["meta"]["hide_isolated"] is True
    assert view.view_data(sample_graph(), hide_isolated=False)["meta"]["hide_isolated"] is False


def test_no_grouping_gives_no_groups():
    data = view.view_data(sample_graph())
    assert data["legend"]["groups"] == []
    assert {n["kg"]["group"] for n in data["nodes"]} == {None}


def test_grouping_by_type_names_each_type_and_keeps_type_colours():
    data = view.view_data(sample_graph(), group_by="type")
    assert data["legend"]["groups"] == [
        {"group": "Armed group", "color": "#f28e2b", "count": 2},
        {"group": "State", "color": "#4e79a7", "count": 2},
        {"group": "Government", "color": "#8c6bb1", "count": 1},
        {"group": "Location", "color": "#a39e93", "count": 1},
        {"group": "Organization", "color": "#17a2b8", "count": 1},
        {"group": "Person", "color": "#e377c2", "count": 1},
    ]
    assert by_id(data["nodes"])["hts"]["color"]["background"] == "#f28e2b"
    assert data["meta"]["physics"] is False


def test_grouping_by_a_mapping_colours_groups_biggest_first():
    groups = {"russia": "Bloc 1", "syrian-government": "Bloc 1", "assad": "Bloc 1", "rebels": "Bloc 2",
              "turkey": "Bloc 2"}
    data = view.view_data(sample_graph(), group_by=groups, node_colors={"assad": "#000000"})
    assert data["legend"]["groups"] == [
        {"group": "Bloc 1", "color": view.GROUP_COLOURS[0], "count": 3},
        {"group": "Bloc 2", "color": view.GROUP_COLOURS[1], "count": 2},
    ]
    nodes = by_id(data["nodes"])
    assert [nodes[n]["color"]["background"] for n in ("russia", "turkey", "assad", "hts")] == [
        view.GROUP_COLOURS[0], view.GROUP_COLOURS[1], "#000000", "#f28e2b",
    ]
    assert [nodes[n]["kg"]["group"] for n in ("russia", "turkey", "hts")] == ["Bloc 1", "Bloc 2", None]


def test_unknown_grouping_is_an_input_error():
    with pytest.raises(InputError, match="group_by must be type or a mapping, not 'colour'"):
        view.view_data(sample_graph(), group_by="colour")


def mean_distance(pos: dict, pairs: list[tuple[str, str]]) -> float:
    return sum(math.dist(pos[a], pos[b]) for a, b in pairs) / len(pairs)


def test_members_of_a_group_are_laid_out_closer_together_than_to_others():
    # two chains of 20 actors, every actor tied to one of the other chain: without groups the
    # two chains interleave; grouped by chain, each gathers in its own region
    triples = [(f"A{i}", "ATTACKS", f"A{i + 1}") for i in range(19)]
    triples += [(f"B{i}", "ATTACKS", f"B{i + 1}") for i in range(19)]
    triples += [(f"A{i}", "BACKS", f"B{(i * 7) % 20}") for i in range(20)]
    G = from_triples(triples).to_networkx()
    groups = {n: n[0] for n in G}
    pos, physics = view.positions(G, groups=groups)
    same = [(a, b) for a in G for b in G if a < b and a[0] == b[0]]
    other = [(a, b) for a in G for b in G if a < b and a[0] != b[0]]
    assert physics is False
    assert mean_distance(pos, same) < 0.6 * mean_distance(pos, other)


def test_big_graphs_lay_out_fast_and_keep_neighbours_close():
    G = synthetic(2000).to_networkx()
    pos = view.force_layout(G, seed=7)
    edges = [(u, v) for u, v in G.edges()]
    strangers = [(f"a{i}", f"a{(i * 613) % 2000}") for i in range(2000) if i != (i * 613) % 2000]
    assert mean_distance(pos, edges) < 0.5 * mean_distance(pos, strangers)


def test_the_page_is_built_without_importing_pyvis():
    # importing pyvis pulls in IPython, seconds of a big `kg view`
    code = ("import sys, kg.view; from kg.graph import KnowledgeGraph; kg.view.render(KnowledgeGraph()); "
            "print('pyvis' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_graph_without_relations_still_draws():
    g = KnowledgeGraph()
    g.add(Extraction(Document("d", ""), [Actor("iran", "Iran", "STATE")], []))
    data = view.view_data(g)
    assert [(n["id"], n["kg"]["rank"]) for n in data["nodes"]] == [("iran", 1)]
