"""`kg view` pages in Debian's headless Chromium, loaded from file:// with the network cut off."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from view_samples import HOSTILE, HOSTILE_NAME, sample_graph, synthetic

from kg import view
from kg.graph import KnowledgeGraph
from kg.model import ONTOLOGY, Actor, Document, Extraction

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
SEED = ROOT.parent / "shared" / "eval" / "seed" / "homs-hama.txt"

# DOM position of a node / of the middle of a straight edge, for the mouse.
NODE_XY = """id => { const p = kgNetwork.getPositions([id])[id]; const d = kgNetwork.canvasToDOM(p);
  const r = document.getElementById('kg-graph').getBoundingClientRect();
  return [d.x + r.left, d.y + r.top]; }"""
EDGE_XY = """id => { const e = kgEdges.get(id); const ps = kgNetwork.getPositions([e.from, e.to]);
  const d = kgNetwork.canvasToDOM({x: (ps[e.from].x + ps[e.to].x) / 2, y: (ps[e.from].y + ps[e.to].y) / 2});
  const r = document.getElementById('kg-graph').getBoundingClientRect();
  return [d.x + r.left, d.y + r.top]; }"""


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/install-browser.sh")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class Opened:
    """A loaded view and everything it tried that it should not have."""

    page: Any
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def assert_clean(self) -> None:
        assert self.requests == []
        assert self.console_errors == []
        assert self.dialogs == []

    def hover(self, xy_script: str, item_id: str) -> str:
        """Move the mouse onto a node or edge and return the text of the tooltip it shows."""
        x, y = self.js(xy_script, item_id)
        self.page.mouse.move(x - 3, y - 3)
        self.page.mouse.move(x, y)
        tooltip = self.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
        return tooltip.inner_text()


def _watch(context: Any, page: Any, opened: Opened) -> None:
    def route(r: Any) -> None:
        if r.request.url.startswith(("file:", "data:", "about:")):
            r.continue_()
        else:
            opened.requests.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page.on(
        "request",
        lambda r: None if r.url.startswith(("file:", "data:", "about:")) else opened.requests.append(r.url),
    )
    page.on("console", lambda m: opened.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: opened.console_errors.append(str(e)))

    def dialog(d: Any) -> None:
        opened.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)


@pytest.fixture
def open_view(browser: Any, tmp_path: Path) -> Iterator[Callable[..., Opened]]:
    contexts: list[Any] = []

    def _open(graph: KnowledgeGraph, name: str = "view.html", **options: Any) -> Opened:
        path = view.write(graph, tmp_path / name, **options)
        context = browser.new_context(viewport={"width": 1280, "height": 820}, offline=True)
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)
        _watch(context, page, opened)
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-kg-ready]", timeout=60_000)
        # Freeze the layout so the mouse finds nodes where the test computed them.
        opened.js("kgNetwork.stopSimulation()")
        return opened

    yield _open
    for c in contexts:
        c.close()


def shot(opened: Opened, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    opened.page.screenshot(path=str(path))
    return path


# -- counts, tooltips, offline ------------------------------------------------------------


def test_datasets_hold_every_actor_and_relation_of_the_graph(open_view):
    g = sample_graph()
    opened = open_view(g, title="Sample corpus")
    G = g.to_networkx()
    assert opened.js("[kgNodes.length, kgEdges.length]") == [G.number_of_nodes(), G.number_of_edges()]
    assert opened.js("[kgNodesView.length, kgEdgesView.length]") == [8, 9]
    assert sorted(opened.js("kgNodes.getIds()")) == sorted(G.nodes)
    assert opened.js("kgEdges.get('russia|BACKS|syrian-government').color.color") == "#2ca02c"
    assert opened.js("kgEdges.get('russia|ATTACKS|rebels').color.color") == "#d62728"
    assert opened.page.inner_text("#kg-title") == "Sample corpus"
    assert opened.page.inner_text("#kg-shown") == "Showing 8 of 8 actors, 9 of 9 relations"
    shot(opened, "view-sample.png")
    opened.assert_clean()


def test_hovering_a_node_shows_its_type_aliases_and_counts(open_view):
    opened = open_view(sample_graph())
    assert opened.hover(NODE_XY, "russia").splitlines() == [
        "Russia",
        "State",
        "Also called: Moscow",
        "Mentions: 10 in 2 documents",
        "Relations: 2 out, 1 in",
    ]
    opened.assert_clean()


def test_hovering_an_edge_shows_relation_evidence_and_confidence(open_view):
    opened = open_view(sample_graph())
    text = opened.hover(EDGE_XY, "russia|ATTACKS|rebels")
    assert text.splitlines() == [
        "Russia \u2192 rebels",
        "ATTACKS \u00b7 conflict (\u22121)",
        "1 evidence sentence \u00b7 confidence 0.90",
        "1 report from 1 source",
        "Seen: 2024-12-06",
        "Russian jets bombed rebels.",
        "Homs <b>panics</b>, 2024-12-06 \u00b7 confidence 0.90",
    ]
    shot(opened, "view-edge-tooltip.png")
    opened.assert_clean()


def test_the_page_draws_with_every_network_request_refused(open_view):
    opened = open_view(sample_graph())
    assert opened.js("typeof vis.Network") == "function"
    assert opened.js("document.querySelectorAll('[src], link[href]').length") == 0
    assert opened.js("kgNetwork.getPositions()['russia'] !== undefined") is True
    # the canvas really has pixels drawn on it
    assert (
        opened.js("""(() => { const c = document.querySelector('#kg-graph canvas');
        const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < px.length; i += 4) if (px[i]) n++; return n > 1000; })()""")
        is True
    )
    opened.assert_clean()


# -- hostile text -------------------------------------------------------------------------


def test_hostile_sentences_show_as_literal_text_and_never_run(open_view):
    opened = open_view(sample_graph(), title="<script>alert(4)</script>")
    text = opened.hover(EDGE_XY, "russia|BACKS|syrian-government")
    assert HOSTILE in text.splitlines()
    assert opened.hover(NODE_XY, "hostile").splitlines()[:2] == [HOSTILE_NAME, "Organization"]
    opened.page.mouse.click(*opened.js(EDGE_XY, "russia|BACKS|syrian-government"))
    assert HOSTILE in opened.page.inner_text("#kg-details").splitlines()
    assert opened.page.inner_text("#kg-title") == "<script>alert(4)</script>"
    assert opened.js("document.title") == "<script>alert(4)</script> \u00b7 kg view"
    # nothing was injected: no image, no extra script, no element from the hostile strings
    assert opened.js("document.querySelectorAll('img, iframe, object, embed, b').length") == 0
    assert opened.js("document.querySelectorAll('script').length") == 3
    assert opened.js("[...document.querySelectorAll('*')].some(e => e.hasAttribute('onerror'))") is False
    assert opened.js("typeof window.kgData.nodes") == "object"
    shot(opened, "view-hostile.png")
    opened.assert_clean()


# -- filters --------------------------------------------------------------------------------


def click_filter(opened: Opened, kind: str, value: str) -> None:
    opened.page.click(f"input[data-filter='{kind}'][data-value='{value}']")


def shown(opened: Opened) -> list[int]:
    return opened.js("[kgNodesView.length, kgEdgesView.length]")


def test_relation_checkboxes_hide_and_show_their_edges(open_view):
    opened = open_view(sample_graph())
    click_filter(opened, "relation", "ATTACKS")
    assert shown(opened) == [8, 6]
    assert "russia|ATTACKS|rebels" not in opened.js("kgEdgesView.getIds()")
    click_filter(opened, "relation", "ATTACKS")
    assert shown(opened) == [8, 9]
    opened.assert_clean()


def test_polarity_and_actor_type_checkboxes_filter(open_view):
    opened = open_view(sample_graph(), hide_isolated=False)
    click_filter(opened, "polarity", "-1")
    assert shown(opened) == [8, 4]
    click_filter(opened, "type", "ARMED_GROUP")
    # hts and rebels hidden with their edges: russia BACKS government, assad LEADS government remain
    assert shown(opened) == [6, 2]
    assert opened.page.inner_text("#kg-shown") == "Showing 6 of 8 actors, 2 of 9 relations"
    opened.page.click("#kg-hide-lonely")
    assert sorted(opened.js("kgNodesView.getIds()")) == ["assad", "russia", "syrian-government"]
    opened.assert_clean()


def test_min_evidence_slider_keeps_well_attested_edges(open_view):
    opened = open_view(sample_graph())
    opened.page.fill("#kg-min-weight", "2")
    assert opened.js("kgEdgesView.getIds()") == ["russia|BACKS|syrian-government"]
    opened.assert_clean()


def test_searching_an_actor_selects_it_and_shows_its_details(open_view):
    opened = open_view(sample_graph())
    opened.page.fill("#kg-search", "hayat tahrir")
    opened.page.dispatch_event("#kg-search", "change")
    assert opened.js("kgNetwork.getSelectedNodes()") == ["hts"]
    assert opened.page.inner_text("#kg-details .kg-tip-title") == "Hayat Tahrir al-Sham"
    opened.assert_clean()


def test_focus_actor_starts_selected(open_view):
    opened = open_view(view.select(sample_graph(), focus="Turkey", depth=1))
    assert opened.js("kgNetwork.getSelectedNodes()") == ["turkey"]
    assert shown(opened) == [2, 1]
    opened.assert_clean()


# -- big graphs and notebooks -----------------------------------------------------------------


def test_a_2000_actor_graph_draws_at_once_without_physics(open_view):
    g = synthetic(2000)
    opened = open_view(g, title="2,000 synthetic actors")
    G = g.to_networkx()
    assert opened.js("[kgNodes.length, kgEdges.length]") == [2000, G.number_of_edges()]
    assert opened.js("kgData.meta.physics") is False
    assert opened.page.is_checked("#kg-physics") is False
    # zoom onto the node first: at the overview scale 2,000 nodes overlap and the mouse may
    # land on a neighbour drawn on top of it
    opened.js("id => kgNetwork.focus(id, {scale: 4, animation: false})", "a0")
    assert opened.hover(NODE_XY, "a0").splitlines()[0] == "Actor 0"
    shot(opened, "view-2000.png")
    opened.assert_clean()


# Near-black pixels (every channel below 80) that the graph canvas holds in a box given in CSS
# pixels of the canvas: only label text is drawn that dark (edges and node fills are coloured).
DARK_PIXELS = """box => { const c = document.querySelector('#kg-graph canvas'); const r = window.devicePixelRatio || 1;
  const img = c.getContext('2d').getImageData(Math.round(box.x * r), Math.round(box.y * r),
                                              Math.max(1, Math.round(box.w * r)), Math.max(1, Math.round(box.h * r)));
  let n = 0; for (let i = 0; i < img.data.length; i += 4) {
    if (img.data[i + 3] > 200 && img.data[i] < 80 && img.data[i + 1] < 80 && img.data[i + 2] < 80) n++; }
  return n; }"""


def test_at_fit_zoom_the_top_actors_of_a_2000_actor_graph_are_labelled_and_others_on_zoom(open_view):
    g = synthetic(2000)
    opened = open_view(g, title="2,000 synthetic actors")
    opened.js("kgNetwork.fit({animation: false}); kgNetwork.redraw()")
    # vis-network's own labels are too small to draw at this zoom: without the page's labels, none
    font, threshold = opened.js("[kgData.options.nodes.font.size, kgData.options.nodes.scaling.label.drawThreshold]")
    assert font * opened.js("kgNetwork.getScale()") < threshold
    top = opened.js("kgData.nodes.slice().sort((a, b) => a.kg.rank - b.kg.rank).slice(0, 3).map(n => n.id)")
    drawn = opened.js("kgLabelsDrawn")
    assert [label["id"] for label in drawn[:3]] == top
    assert [label["rank"] for label in drawn] == sorted(label["rank"] for label in drawn)
    assert len(drawn) >= 15
    names = {n["id"]: n["label"] for n in opened.js("kgData.nodes")}
    assert [label["label"] for label in drawn] == [names[label["id"]] for label in drawn]
    # the text is really on the canvas, and goes when the labels are turned off
    dark_on = [opened.js(DARK_PIXELS, label) for label in drawn[:3]]
    shot(opened, "view-2000-labels.png")
    opened.page.click("#kg-top-labels")
    dark_off = [opened.js(DARK_PIXELS, label) for label in drawn[:3]]
    assert min(dark_on) > 20 and dark_off == [0, 0, 0], (dark_on, dark_off)
    opened.page.click("#kg-top-labels")
    # zoomed in, vis-network labels every actor in view itself, however unimportant
    low = opened.js("kgData.nodes.filter(n => n.kg.rank > 1000 && kgNodesView.get(n.id))[0]")
    opened.js("n => kgNetwork.moveTo({position: kgNetwork.getPosition(n.id), scale: 1.5, animation: false})", low)
    opened.js("kgNetwork.redraw()")
    assert opened.js("kgLabelsDrawn") == []
    below = opened.js("""n => { const p = kgNetwork.canvasToDOM(kgNetwork.getPosition(n.id));
      return {x: p.x - 40, y: p.y + n.size * 1.5, w: 80, h: 30}; }""", low)
    assert opened.js(DARK_PIXELS, below) > 20
    opened.assert_clean()


def test_actors_without_relations_start_hidden_and_the_toggle_shows_them(open_view):
    g = sample_graph()
    g.add(Extraction(Document("d3", ""), [Actor("iran", "Iran", "STATE")], []))
    opened = open_view(g)
    assert opened.js("kgNodesView.get('iran')") is None
    assert shown(opened) == [8, 9]
    opened.page.click("#kg-hide-lonely")
    assert shown(opened) == [9, 9]
    opened.assert_clean()


def test_groups_are_named_on_the_picture_and_filter_like_types(open_view):
    opened = open_view(sample_graph(), group_by={"russia": "Bloc 1", "syrian-government": "Bloc 1",
                                                 "rebels": "Bloc 2", "turkey": "Bloc 2"})
    opened.js("kgNetwork.fit({animation: false}); kgNetwork.redraw()")
    assert [c["group"] for c in opened.js("kgGroupsDrawn")] == ["Bloc 1", "Bloc 2"]
    click_filter(opened, "group", "Bloc 2")
    assert sorted(opened.js("kgNodesView.getIds()")) == ["assad", "hama", "hostile", "hts", "russia",
                                                         "syrian-government"]
    opened.page.click("#kg-group-names")
    assert opened.js("kgGroupsDrawn") == []
    opened.assert_clean()


def test_notebook_frame_renders_the_view_offline(browser):
    context = browser.new_context(viewport={"width": 1100, "height": 760}, offline=True)
    try:
        page = context.new_page()
        opened = Opened(page)
        _watch(context, page, opened)
        page.set_content(view.show(sample_graph(), height=700).data)
        frame = page.frames[1]
        frame.wait_for_selector("body[data-kg-ready]", timeout=60_000)
        assert frame.evaluate("[kgNodes.length, kgEdges.length]") == [8, 9]
        assert page.evaluate("typeof window.kgNodes") == "undefined"  # sandboxed away from the notebook
        opened.assert_clean()
    finally:
        context.close()


# -- the reference article ---------------------------------------------------------------------

GREEN, RED, GREY = "#2ca02c", "#d62728", "#8c8c8c"
SEED_EDGES = [
    ("Russia", "BACKS", "Syrian government", GREEN),
    ("Russia", "BACKS", "Bashar al-Assad", GREEN),
    ("Iran", "BACKS", "Syrian government", GREEN),
    ("Iran", "BACKS", "Bashar al-Assad", GREEN),
    ("Hezbollah", "BACKS", "Bashar al-Assad", GREEN),
    ("Turkey", "BACKS", "Syrian opposition", GREEN),
    ("Russia", "ATTACKS", "Syrian opposition", RED),
    ("Syrian opposition", "OPPOSES", "Syrian government", RED),
    ("HTS", "ALLIED_WITH", "Syrian opposition", GREEN),
    ("HTS", "LEADS", "Syrian opposition", GREY),
    ("HTS", "CAPTURED", "Hama", RED),
]


@pytest.fixture(scope="module")
def seed_graph() -> KnowledgeGraph:
    import kg

    return kg.extract([str(SEED)])


def test_reference_article_view_shows_the_war_s_sides_with_coloured_directed_edges(open_view, seed_graph):
    opened = open_view(seed_graph, title="homs-hama.txt", hide_isolated=True)
    ids = {
        name: seed_graph.find_actor(name)
        for name in (
            "HTS",
            "Syrian government",
            "Russia",
            "Iran",
            "Hezbollah",
            "Turkey",
            "Syrian opposition",
            "Bashar al-Assad",
            "Hama",
        )
    }
    assert None not in ids.values(), ids
    sides = {ids[n] for n in ("HTS", "Syrian government", "Russia", "Iran", "Hezbollah", "Turkey")}
    assert sides <= set(opened.js("kgNodesView.getIds()"))
    assert opened.js("id => kgNodes.get(id).label", ids["Syrian government"]) == "Syrian government"
    drawn = opened.js("kgEdgesView.get().map(e => [e.from, e.kg.relation, e.to, e.color.color, e.arrows])")
    expected = [
        [ids[s], r, ids[t], colour, "to, from" if ONTOLOGY[r].symmetric else "to"]
        for s, r, t, colour in SEED_EDGES
    ]
    missing = [e for e in expected if e not in drawn]
    assert missing == []
    assert opened.hover(EDGE_XY, f"{ids['Turkey']}|BACKS|{ids['Syrian opposition']}").splitlines()[:2] == [
        "Turkey \u2192 Syrian opposition",
        "BACKS \u00b7 cooperation (+1)",
    ]
    corner = opened.js(
        "(() => { const r = document.getElementById('kg-graph').getBoundingClientRect();"
        " return [r.right - 4, r.bottom - 4]; })()"
    )
    opened.page.mouse.move(*corner)
    opened.page.wait_for_selector("div.vis-tooltip", state="hidden")
    shot(opened, "seed-view.png")
    opened.assert_clean()
