"""The data and HTML that `kg view` builds (no browser: see test_view_browser.py)."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re

import networkx as nx
import pytest
from view_samples import HOSTILE, HOSTILE_NAME, ev, sample_graph, synthetic

from kg import view
from kg.errors import InputError
from kg.graph import KnowledgeGraph
from kg.model import ONTOLOGY, Actor, Document, Extraction, Relation
from kg.view.safety import json_for_html


def by_id(items: list[dict]) -> dict[str, dict]:
    return {i["id"]: i for i in items}


# -- nodes ------------------------------------------------------------------------------


def test_every_actor_is_a_node_labelled_with_its_canonical_name():
    data = view.view_data(sample_graph())
    assert {n["id"]: n["label"] for n in data["nodes"]} == {
        a["id"]: a["name"] for a in sample_graph().actors()
    }


def test_node_colour_and_shape_follow_the_actor_type():
    nodes = by_id(view.view_data(sample_graph())["nodes"])
    assert (nodes["russia"]["color"]["background"], nodes["russia"]["shape"]) == ("#4e79a7", "dot")
    assert (nodes["syrian-government"]["color"]["background"], nodes["syrian-government"]["shape"]) == (
        "#8c6bb1",
        "square",
    )
    assert (nodes["hts"]["color"]["background"], nodes["hts"]["shape"]) == ("#f28e2b", "triangle")
    assert (nodes["hostile"]["color"]["background"], nodes["hostile"]["shape"]) == ("#17a2b8", "diamond")
    assert (nodes["assad"]["color"]["background"], nodes["assad"]["shape"]) == ("#e377c2", "star")
    assert (nodes["hama"]["color"]["background"], nodes["hama"]["shape"]) == ("#a39e93", "hexagon")


def test_actors_of_unknown_or_missing_type_get_the_other_style():
    g = KnowledgeGraph()
    g.to_networkx().add_node("x", name="X", type=None, aliases=[], mentions=0, docs=[], per_doc={})
    g.to_networkx().add_node("y", name="Y", type="MILITIA", aliases=[], mentions=2, docs=[], per_doc={})
    data = view.view_data(g)
    assert [(n["shape"], n["color"]["background"], n["kg"]["type"]) for n in data["nodes"]] == [
        ("dot", "#bbbbbb", ""),
        ("dot", "#bbbbbb", "MILITIA"),
    ]
    assert [(t["type"], t["label"], t["count"]) for t in data["legend"]["types"][-2:]] == [
        ("", "Other", 1),
        ("MILITIA", "Militia", 1),
    ]


def test_node_size_grows_with_mentions_from_10_to_40():
    nodes = by_id(view.view_data(sample_graph())["nodes"])
    # Syrian government has the most mentions (8 + 8 in two documents), the hostile actor 1.
    assert nodes["syrian-government"]["size"] == 40.0
    assert nodes["hostile"]["size"] == round(10 + 30 * math.sqrt(1 / 16), 2)


def test_node_size_can_follow_degree():
    nodes = by_id(view.view_data(sample_graph(), size_by="degree")["nodes"])
    # rebels: 4 edges in, 1 out (ATTACKS regime) -> the top degree, 5
    assert nodes["rebels"]["size"] == 40.0
    assert nodes["hama"]["size"] == round(10 + 30 * math.sqrt(1 / 5), 2)


def test_node_tooltip_lists_type_aliases_and_counts():
    nodes = by_id(view.view_data(sample_graph())["nodes"])
    assert nodes["russia"]["kg"]["tip"] == {
        "title": "Russia",
        "subtitle": "State",
        "lines": ["Also called: Moscow", "Mentions: 10 in 2 documents", "Relations: 2 out, 1 in"],
        "evidence": [],
        "more": "",
    }


def test_nodes_carry_no_title_string_for_pyvis_or_vis_to_parse():
    data = view.view_data(sample_graph())
    assert all("title" not in item for item in data["nodes"] + data["edges"])


# -- edges ------------------------------------------------------------------------------


def one_edge_per_relation() -> KnowledgeGraph:
    g = KnowledgeGraph()
    actors = [Actor(f"a{i}", f"A{i}", "STATE") for i in range(2 * len(ONTOLOGY))]
    rels = [
        Relation(f"a{2 * i}", name, f"a{2 * i + 1}", ev("d", f"sentence {i}", 10 * i))
        for i, name in enumerate(ONTOLOGY)
    ]
    g.add(Extraction(Document("d", ""), actors, rels))
    return g


def test_edge_colour_follows_the_polarity_in_the_ontology():
    edges = view.view_data(one_edge_per_relation())["edges"]
    colour = {e["label"]: e["color"]["color"] for e in edges}
    expected = {+1: "#2ca02c", -1: "#d62728", 0: "#8c8c8c"}
    assert colour == {name: expected[spec.polarity] for name, spec in ONTOLOGY.items()}
    assert colour["BACKS"] == "#2ca02c" and colour["ATTACKS"] == "#d62728" and colour["LEADS"] == "#8c8c8c"


def test_edges_are_directed_and_symmetric_relations_point_both_ways():
    edges = view.view_data(one_edge_per_relation())["edges"]
    arrows = {e["label"]: e["arrows"] for e in edges}
    assert arrows == {name: "to, from" if spec.symmetric else "to" for name, spec in ONTOLOGY.items()}
    assert [(e["from"], e["to"]) for e in edges if e["label"] == "BACKS"] == [("a0", "a1")]


def test_edge_width_grows_with_the_number_of_evidences():
    edges = by_id(view.view_data(sample_graph())["edges"])
    assert edges["russia|ATTACKS|rebels"]["width"] == 1.5
    assert edges["russia|BACKS|syrian-government"]["kg"]["weight"] == 4
    assert edges["russia|BACKS|syrian-government"]["width"] == 5.5


def test_parallel_edges_between_two_actors_are_curved_apart():
    edges = by_id(view.view_data(sample_graph())["edges"])
    there = edges["rebels|ATTACKS|syrian-government"]["smooth"]
    back = edges["syrian-government|ATTACKS|rebels"]["smooth"]
    assert {there["roundness"], back["roundness"]} == {0.15, 0.3}
    assert "smooth" not in edges["russia|ATTACKS|rebels"]


def test_edge_tooltip_quotes_the_most_confident_evidence_with_title_and_date():
    edges = by_id(view.view_data(sample_graph(), max_evidence=2)["edges"])
    assert edges["russia|BACKS|syrian-government"]["kg"]["tip"] == {
        "title": "Russia \u2192 Syrian government",
        "subtitle": "BACKS \u00b7 cooperation (+1)",
        "lines": ["4 evidence sentences \u00b7 confidence 0.90", "2 reports from 2 sources",
                  "Seen: 2024-12-06 \u2013 2024-12-07"],
        "evidence": [
            {"sentence": HOSTILE, "source": "Homs <b>panics</b>, 2024-12-06 \u00b7 confidence 0.90"},
            {
                "sentence": "Moscow stands by Damascus.",
                "source": "Second report, 2024-12-07 \u00b7 confidence 0.80",
            },
        ],
        "more": "+ 2 more",
    }


def test_long_evidence_sentences_are_shortened_to_400_characters():
    g = KnowledgeGraph()
    g.add(
        Extraction(
            Document("d", ""),
            [Actor("a", "A", "STATE"), Actor("b", "B", "STATE")],
            [Relation("a", "BACKS", "b", ev("d", "word " * 200, 0))],
        )
    )
    sentence = view.view_data(g)["edges"][0]["kg"]["tip"]["evidence"][0]["sentence"]
    assert len(sentence) == 400 and sentence.endswith("\u2026")


# -- title, legend, options -------------------------------------------------------------


def test_subtitle_counts_documents_actors_relations_and_dates():
    meta = view.view_data(sample_graph(), title="Syria", caption="only BACKS")["meta"]
    assert meta["title"] == "Syria"
    assert meta["subtitle"] == (
        "2 documents \u00b7 8 actors \u00b7 9 relations (12 evidence sentences) \u00b7 "
        "2024-12-06 \u2013 2024-12-07 \u00b7 only BACKS"
    )


def test_legend_counts_types_polarities_and_relations():
    legend = view.view_data(sample_graph())["legend"]
    assert [(t["type"], t["count"]) for t in legend["types"]] == [
        ("STATE", 2),
        ("GOVERNMENT", 1),
        ("ARMED_GROUP", 2),
        ("ORGANIZATION", 1),
        ("PERSON", 1),
        ("LOCATION", 1),
    ]
    assert [(p["polarity"], p["count"]) for p in legend["polarity"]] == [(1, 3), (-1, 5), (0, 1)]
    counts = {r["relation"]: r["count"] for r in legend["relations"] if r["count"]}
    assert counts == {"BACKS": 2, "ALLIED_WITH": 1, "CRITICIZES": 1, "ATTACKS": 3, "CAPTURED": 1, "LEADS": 1}


def test_small_graphs_settle_with_seeded_physics_from_a_spring_layout():
    data = view.view_data(sample_graph())
    assert data["meta"]["physics"] is True
    assert data["options"]["physics"]["stabilization"]["iterations"] == 300
    pos = nx.spring_layout(
        nx.Graph(sample_graph().to_networkx().to_undirected()), seed=7, scale=max(150.0, 90.0 * math.sqrt(8))
    )
    assert by_id(data["nodes"])["russia"]["x"] == round(float(pos["russia"][0]), 1)


def test_large_graphs_get_a_precomputed_layout_and_no_physics():
    data = view.view_data(synthetic(view.PHYSICS_MAX_NODES + 1))
    assert data["meta"]["physics"] is False
    assert data["options"]["physics"]["enabled"] is False
    positions = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(positions) == view.PHYSICS_MAX_NODES + 1
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in positions)


def test_the_same_seed_gives_the_same_picture_and_another_seed_another():
    g = synthetic(400)
    first = [(n["x"], n["y"]) for n in view.view_data(g, seed=1)["nodes"]]
    assert first == [(n["x"], n["y"]) for n in view.view_data(g, seed=1)["nodes"]]
    assert first != [(n["x"], n["y"]) for n in view.view_data(g, seed=2)["nodes"]]


def test_force_layout_keeps_neighbours_closer_than_strangers():
    G = nx.barabasi_albert_graph(600, 1, seed=5)
    pos = view.force_layout(G, seed=7)
    dist = {e: math.dist(pos[e[0]], pos[e[1]]) for e in G.edges()}
    nodes = list(G)
    strangers = [math.dist(pos[nodes[i]], pos[nodes[-1 - i]]) for i in range(100)]
    assert sum(dist.values()) / len(dist) < 0.5 * sum(strangers) / len(strangers)
    assert min(math.dist(pos[a], pos[b]) for a, b in zip(nodes, nodes[1:], strict=False)) > 0


def test_force_layout_of_tiny_graphs():
    assert view.force_layout(nx.Graph()) == {}
    assert view.force_layout(nx.empty_graph(1)) == {0: (0.5, 0.5)}


def test_size_by_must_be_mentions_or_degree():
    with pytest.raises(InputError, match="size_by must be one of mentions, degree, not 'weight'"):
        view.view_data(sample_graph(), size_by="weight")


# -- the HTML page ----------------------------------------------------------------------


def test_page_references_nothing_on_the_network():
    page = view.render(sample_graph())
    assert re.findall(r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=""", page, re.I) == []
    assert "<link" not in page
    for host in ("cdnjs", "jsdelivr", "bootstrap", "unpkg", "googleapis", "@import"):
        assert host not in page.lower(), host
    assert {u[:5] for u in re.findall(r"url\(\s*['\"]?([^'\")]*)", page)} == {"data:"}


def test_page_inlines_vis_network_from_the_pyvis_package():
    vis_js, vis_css = view.vis_assets()
    page = view.render(sample_graph())
    assert vis_js in page and vis_css in page
    assert "@version 9.1.2" in vis_js


def test_hostile_text_never_appears_as_markup_in_the_page():
    page = view.render(sample_graph(), title="<script>alert(4)</script>")
    page = page.replace(view.vis_assets()[0], "")  # vis-network's own code holds "<b>" strings
    for needle in ("<img", "<script>alert", "<b>", "<!--"):
        assert needle not in page, needle
    assert re.findall(r"<[^>]*onerror", page) == []
    assert page.lower().count("</script") == 3  # data, vis-network, kg view: nothing closes early
    assert "<title>&lt;script&gt;alert(4)&lt;/script&gt; \u00b7 kg view</title>" in page
    assert '<h1 id="kg-title">&lt;script&gt;alert(4)&lt;/script&gt;</h1>' in page


def test_embedded_json_round_trips_every_hostile_string():
    page = view.render(sample_graph())
    blob = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S).group(1)
    data = json.loads(blob)
    assert data == json.loads(json.dumps(view.view_data(sample_graph())))
    edge = by_id(data["edges"])["russia|BACKS|syrian-government"]
    assert edge["kg"]["tip"]["evidence"][0]["sentence"] == HOSTILE
    assert by_id(data["nodes"])["hostile"]["label"] == HOSTILE_NAME


def test_json_for_html_escapes_what_could_end_a_script_or_a_js_string():
    text = json_for_html({"s": "</script><!-- & \u2028\u2029 >"})
    assert text == '{"s":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029 \\u003e"}'
    assert json.loads(text) == {"s": "</script><!-- & \u2028\u2029 >"}


def test_content_security_policy_allows_exactly_the_inlined_scripts_and_no_network():
    page = view.render(sample_graph())
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1))
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    hashes = [f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in scripts]
    assert len(scripts) == 2
    assert f"script-src {hashes[0]} {hashes[1]}" in csp
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp


def test_write_reports_an_unwritable_path(tmp_path):
    with pytest.raises(InputError, match="cannot write"):
        view.write(sample_graph(), tmp_path / "missing" / "g.html")


def test_show_returns_a_sandboxed_srcdoc_iframe():
    shown = view.show(sample_graph(), height=500)
    assert shown.data.startswith('<div class="kg-view"><iframe srcdoc="&lt;!DOCTYPE html&gt;')
    assert 'sandbox="allow-scripts"' in shown.data and "height: 500px" in shown.data
    assert "<img" not in shown.data and "<script" not in shown.data


def test_rendering_leaves_the_graph_unchanged():
    g = sample_graph()
    before = g.to_jsonl()
    view.render(view.select(g, focus="HTS"))
    assert g.to_jsonl() == before


# -- selecting what to draw -------------------------------------------------------------


def test_select_keeps_only_the_named_relations_and_their_actors():
    g = view.select(sample_graph(), relations=["backs"])
    assert sorted((r["source_id"], r["relation"], r["target_id"]) for r in g.relations()) == [
        ("russia", "BACKS", "syrian-government"),
        ("turkey", "BACKS", "rebels"),
    ]
    assert sorted(a["id"] for a in g.actors()) == ["rebels", "russia", "syrian-government", "turkey"]


def test_select_min_weight_keeps_edges_with_enough_evidence():
    g = view.select(sample_graph(), min_weight=2)
    assert [(r["source_id"], r["relation"], r["target_id"]) for r in g.relations()] == [
        ("russia", "BACKS", "syrian-government")
    ]


def test_select_focus_keeps_the_neighbourhood_in_either_direction():
    one = view.select(sample_graph(), focus="HTS", depth=1)
    assert sorted(a["id"] for a in one.actors()) == ["hama", "hts", "rebels"]
    two = view.select(sample_graph(), focus="HTS", depth=2)
    assert sorted(a["id"] for a in two.actors()) == [
        "hama",
        "hts",
        "rebels",
        "russia",
        "syrian-government",
        "turkey",
    ]
    assert two.to_networkx().graph["focus"] == "hts"


def test_select_focus_follows_only_the_kept_relations():
    g = view.select(sample_graph(), focus="Turkey", depth=3, relations=["BACKS", "ALLIED_WITH"])
    assert sorted(a["id"] for a in g.actors()) == ["hts", "rebels", "turkey"]


def test_select_rejects_unknown_relations_actors_and_depths():
    with pytest.raises(InputError, match="unknown relation type FRIENDS"):
        view.select(sample_graph(), relations=["FRIENDS"])
    with pytest.raises(InputError, match="no actor called 'Nobody' in the graph"):
        view.select(sample_graph(), focus="Nobody")
    with pytest.raises(InputError, match="--depth must be 0 or more, not -1"):
        view.select(sample_graph(), focus="HTS", depth=-1)


def test_select_without_filters_keeps_actors_without_relations():
    g = sample_graph()
    g.add(Extraction(Document("d3", ""), [Actor("iran", "Iran", "STATE")], []))
    assert len(view.select(g)) == 9
    assert len(view.select(g, min_weight=1, relations=None)) == 9
