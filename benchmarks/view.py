"""How big a graph `kg view` keeps usable, against pyvis's defaults, in headless Chromium.

For synthetic actor graphs of 200, 2,000 and 5,000 actors (about two relations per actor,
1-3 evidence sentences each) this writes two pages of the same graph:

- ours: ``kg.view.write`` (seeded spring layout + tuned physics up to 300 actors, a
  precomputed layout and physics off above);
- pyvis: ``pyvis.network.Network(directed=True, cdn_resources="in_line")`` with default
  options, node/edge titles as plain text, saved with ``write_html``.  Its bootstrap links
  still point to a CDN; the network is blocked here, so they fail and the page draws with
  the inlined vis-network alone.

and prints, per page: the Python time to build and write it, the HTML size, the time from
navigation start until the page is interactive in headless Chromium (vis-network has
stabilised and drawn, or drawn when physics is off), and the median time of one full
redraw afterwards (what panning and zooming cost).  Ratios are pyvis / ours.

Then, for a news-like corpus of 2,000 articles (``--articles``; 20 conflicts with their own
actors and a few global ones, written as ``kg extract`` JSONL), it prints what a user waits
for: the whole ``kg view corpus.jsonl -o page.html`` process (and its peak memory), how that
splits into reading the JSONL into a graph and writing the view, and in headless Chromium the
time until the page is interactive and which actors are labelled at fit zoom.

Run:  python benchmarks/view.py [--sizes 200,2000,5000] [--articles 2000] [--timeout 120]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from kg import view
from kg.graph import KnowledgeGraph
from kg.model import ACTOR_TYPES, ONTOLOGY, Actor, Document, Evidence, Extraction, Relation

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

# Appended to the pyvis page (it has no hook of its own): record when it is interactive.
PYVIS_PROBE = """<script>
(function () {
  function ready() {
    window.kgReadyAt = performance.now();
    document.body.setAttribute("data-kg-ready", "true");
  }
  if (network.physics.options.enabled) {
    network.once("stabilizationIterationsDone", function () {
      network.once("afterDrawing", ready);
      network.redraw();
    });
  } else {
    network.once("afterDrawing", ready);
  }
})();
</script>
</body>"""

REDRAW_MS = """() => { const t = []; for (let i = 0; i < 5; i++) { const s = performance.now();
  (window.kgNetwork || window.network).redraw(); t.push(performance.now() - s); }
  t.sort((a, b) => a - b); return t[2]; }"""


def synthetic(n: int, seed: int = 1) -> KnowledgeGraph:
    """A news-like actor graph: preferential attachment (a few hubs), random types and relations."""
    rnd = random.Random(seed)
    skeleton = nx.barabasi_albert_graph(n, 2, seed=seed)
    actors = [
        Actor(f"actor-{i}", f"Actor {i}", rnd.choice(ACTOR_TYPES), [f"A{i}"], rnd.randint(1, 30))
        for i in range(n)
    ]
    relations = []
    for j, (u, v) in enumerate(skeleton.edges()):
        if rnd.random() < 0.5:
            u, v = v, u
        evidence = [
            Evidence("d", f"Actor {u} and actor {v}, sentence {j}.{k}.", 100 * j + 10 * k,
                     100 * j + 10 * k + 5, "synthetic", round(rnd.uniform(0.5, 1.0), 2))
            for k in range(rnd.choice((1, 1, 1, 2, 3)))
        ]
        relations.append(Relation(f"actor-{u}", rnd.choice(list(ONTOLOGY)), f"actor-{v}", evidence))
    g = KnowledgeGraph()
    g.add(Extraction(Document("d", "", title="Synthetic", date="2024-12-01"), actors, relations))
    return g


def corpus_records(n_docs: int, seed: int = 1) -> Iterator[dict[str, Any]]:
    """`kg extract` JSONL records of a news-like corpus: 20 conflicts of 120 actors each (a few
    much named, most rarely: Zipf), 40 global actors that turn up across conflicts, 6-16 actors
    and 3-10 relations an article."""
    rnd = random.Random(seed)
    conflicts, per_conflict, global_actors = 20, 120, 40
    types = [rnd.choice(ACTOR_TYPES) for _ in range(global_actors + conflicts * per_conflict)]
    zipf_local = [1 / (i + 1) ** 1.2 for i in range(per_conflict)]
    zipf_global = [1 / (i + 1) ** 1.2 for i in range(global_actors)]
    coverage = [1 / (c + 1) ** 0.7 for c in range(conflicts)]
    relations = list(ONTOLOGY)
    for d in range(n_docs):
        doc = f"article-{d:05d}"
        yield {"kind": "document", "id": doc, "title": f"Report {d}", "date": f"2024-{1 + d % 12:02d}-{1 + d % 28:02d}"}
        conflict = rnd.choices(range(conflicts), coverage)[0]
        local = rnd.choices(range(per_conflict), zipf_local, k=rnd.randint(6, 16))
        ids = {global_actors + conflict * per_conflict + i for i in local}
        ids |= set(rnd.choices(range(global_actors), zipf_global, k=rnd.randint(0, 3)))
        for i in sorted(ids):
            yield {"kind": "actor", "doc": doc, "id": f"actor-{i}", "name": f"Actor {i}", "type": types[i],
                   "aliases": [f"A{i}"], "mentions": rnd.randint(1, 6)}
        acting = [i for i in sorted(ids) if types[i] != "LOCATION"] or sorted(ids)
        start = 0
        for _ in range(rnd.randint(3, 10)):
            u, v = rnd.choice(acting), rnd.choice(sorted(ids))
            if u == v:
                continue
            sentence = f"Actor {u} and Actor {v} in sentence {start} of report {d}, " + "with more words " * 6
            relation = rnd.choice(relations)
            yield {"kind": "relation", "doc": doc, "source": f"Actor {u}", "relation": relation,
                   "target": f"Actor {v}", "polarity": ONTOLOGY[relation].polarity, "sentence": sentence,
                   "start": start, "end": start + len(sentence), "confidence": round(rnd.uniform(0.5, 1), 2),
                   "rule": "synthetic", "source_id": f"actor-{u}", "target_id": f"actor-{v}"}
            start += len(sentence) + 1


def measure_corpus(browser: Any, n_docs: int, tmp: Path, timeout_s: float) -> list[str]:
    """The figures of `kg view` on a saved extraction of ``n_docs`` articles, as printable lines."""
    corpus = tmp / f"corpus-{n_docs}.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for record in corpus_records(n_docs):
            out.write(json.dumps(record) + "\n")
    page = tmp / f"corpus-{n_docs}.html"
    t0 = time.perf_counter()
    # the whole process a user runs, from another folder
    done = subprocess.run([sys.executable, "-m", "kg", "view", str(corpus), "-o", str(page)], cwd=tmp,
                          capture_output=True, text=True)
    whole = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"kg view failed: {done.stderr.strip()}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_mb, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
    t0 = time.perf_counter()
    graph = KnowledgeGraph.from_jsonl(corpus)
    read = time.perf_counter() - t0
    t0 = time.perf_counter()
    view.write(graph, tmp / "again.html")
    drawn = time.perf_counter() - t0
    G = graph.to_networkx()
    lonely = sum(1 for n in G if G.degree(n) == 0)
    lines = [
        f"{n_docs} articles ({corpus.stat().st_size / 1e6:.1f} MB JSONL): {G.number_of_nodes()} actors "
        f"({lonely} without relations, hidden at first), {G.number_of_edges()} relations",
        f"  kg view, whole process: {whole:.2f} s (target <= 5 s; {cpu:.2f} s of CPU), peak RSS {peak_mb:.0f} MB; "
        f"page {page.stat().st_size / 1e6:.1f} MB",
        f"  in one process: reading the JSONL into a graph {read:.2f} s, building and writing the view {drawn:.2f} s",
    ]
    context = browser.new_context(viewport={"width": 1280, "height": 820}, offline=True)
    try:
        tab = context.new_page()
        tab.goto(page.as_uri(), timeout=timeout_s * 1000)
        tab.wait_for_selector("body[data-kg-ready]", state="attached", timeout=timeout_s * 1000)
        tab.evaluate("kgNetwork.fit({animation: false}); kgNetwork.redraw()")
        labels = tab.evaluate("kgLabelsDrawn.map(l => l.rank)")
        shown = tab.evaluate("kgNodesView.length")
        lines.append(
            f"  Chromium: interactive after {tab.evaluate('kgReadyAt') / 1000:.2f} s; {shown} actors shown; "
            f"{len(labels)} labelled at fit zoom, ranks {', '.join(map(str, labels[:12]))}"
            + (" ..." if len(labels) > 12 else "")
        )
    finally:
        context.close()
    return lines


def write_pyvis(graph: KnowledgeGraph, path: Path) -> None:
    """The same graph through pyvis with its default options."""
    from pyvis.network import Network

    G = graph.to_networkx()
    net = Network(directed=True, cdn_resources="in_line")
    for n, d in G.nodes(data=True):
        net.add_node(n, label=d["name"], title=f"{d['name']}\n{d['type']}\nmentions: {d['mentions']}")
    for u, v, k, d in G.edges(keys=True, data=True):
        quotes = "\n".join(e["sentence"] for e in d["evidence"][:3])
        net.add_edge(u, v, label=k, title=f"{k} ({d['weight']})\n{quotes}")
    net.write_html(str(path))
    path.write_text(path.read_text(encoding="utf-8").replace("</body>", PYVIS_PROBE, 1), encoding="utf-8")


def measure(browser: Any, path: Path, timeout_s: float) -> tuple[float | None, float | None]:
    """Seconds until interactive (None past the timeout) and the median redraw in ms."""
    context = browser.new_context(viewport={"width": 1280, "height": 820}, offline=True)
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page = context.new_page()
        try:
            # The clock is the page's own (performance.now() from navigation start): waiting for
            # "load" here does not add to it.
            page.goto(path.as_uri(), timeout=timeout_s * 1000)
            page.wait_for_selector("body[data-kg-ready]", state="attached", timeout=timeout_s * 1000)
        except PlaywrightTimeout:
            return None, None
        return page.evaluate("window.kgReadyAt") / 1000, page.evaluate(REDRAW_MS)
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,2000,5000", help="comma-separated actor counts")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for one page")
    parser.add_argument("--articles", type=int, default=2000, help="articles of the corpus view (0: skip)")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: run scripts/install-browser.sh", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    header = (f"{'actors':>7} {'relations':>9} | {'page':<5} {'build s':>8} {'HTML MB':>8} "
              f"{'interactive s':>14} {'redraw ms':>10}")
    print(header)
    print("-" * len(header))
    ratios = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for n in sizes:
            graph = synthetic(n)
            m = graph.to_networkx().number_of_edges()
            row: dict[str, tuple[float, float, float | None, float | None]] = {}
            for name in ("ours", "pyvis"):
                path = Path(tmp) / f"{name}-{n}.html"
                t0 = time.perf_counter()
                if name == "ours":
                    view.write(graph, path, title=f"Synthetic {n}")
                else:
                    write_pyvis(graph, path)
                build = time.perf_counter() - t0
                tti, redraw = measure(browser, path, args.timeout)
                row[name] = (build, path.stat().st_size / 1e6, tti, redraw)
                shown = f"{tti:14.2f}" if tti is not None else f"{'> ' + format(args.timeout, 'g'):>14}"
                drawn = f"{redraw:10.1f}" if redraw is not None else f"{'-':>10}"
                size = row[name][1]
                print(f"{n:>7} {m:>9} | {name:<5} {build:8.2f} {size:8.2f} {shown} {drawn}", flush=True)
            ours, base = row["ours"], row["pyvis"]
            if ours[2] is None:
                tti_ratio = "n/a (ours timed out)"
            elif base[2] is None:
                tti_ratio = f"> {args.timeout / ours[2]:.0f}x"
            else:
                tti_ratio = f"{base[2] / ours[2]:.1f}x"
            ratios.append(f"{n:>7} actors: pyvis/ours time to interactive {tti_ratio}, "
                          f"HTML size {base[1] / ours[1]:.2f}x, build {base[0] / ours[0]:.2f}x")
        print()
        for line in ratios:
            print(line)
        if args.articles:
            print()
            for line in measure_corpus(browser, args.articles, Path(tmp), args.timeout):
                print(line, flush=True)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
