"""Load a synthetic graph of >= 100,000 relations into a real Neo4j: batched loader vs one query per row.

Both loaders run in the same process against the same server, warmed up by both first, and do the
same work per row: the batched one is :meth:`kg.store.Store.write` (``UNWIND $rows`` + ``MERGE``
on constrained ids, 5,000 rows per managed transaction); the baseline runs the same
``cypher/load_*.cypher`` statements with one row each, every row in its own managed transaction
(``execute_write``, as the batched loader's), the way a naive loader writes.  The baseline is
slow, so it runs on a sample (the first whole documents holding ``--sample`` relations, with
their actors, mentions and sentences) and its rate is extrapolated to the whole graph.

By default the benchmark starts a throw-away server (its own folder and free ports, deleted at
the end); ``--uri`` uses another server instead and then needs ``--clear`` because it empties
the database.

Usage::

    python benchmarks/neo4j_load.py                      # 100,000 relations, sample 2,000
    python benchmarks/neo4j_load.py --relations 20000 --sample 500
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.graph import KnowledgeGraph  # noqa: E402
from kg.model import ACTOR_TYPES, ONTOLOGY, Actor, Document, Evidence, Extraction, Relation  # noqa: E402
from kg.store import Store, connect, server  # noqa: E402
from kg.store.writer import Batch, document_batches, load_statements, type_label  # noqa: E402

RELATIONS = tuple(ONTOLOGY)


def synthetic_graph(
    n_relations: int, n_docs: int, n_actors: int, seed: int = 7, first_doc: int = 0
) -> KnowledgeGraph:
    """A reproducible random graph: every relation distinct, each with one evidence sentence."""
    rng = random.Random(seed)
    names = [f"Actor {i:05d}" for i in range(n_actors)]
    seen: set[tuple[int, str, int]] = set()
    per_doc: list[list[tuple[int, str, int]]] = [[] for _ in range(n_docs)]
    i = 0
    while len(seen) < n_relations:
        s, t = rng.randrange(n_actors), rng.randrange(n_actors)
        rel = RELATIONS[rng.randrange(len(RELATIONS))]
        if s == t or (s, rel, t) in seen:
            continue
        seen.add((s, rel, t))
        per_doc[i % n_docs].append((s, rel, t))
        i += 1
    kg = KnowledgeGraph()
    for d, triples in enumerate(per_doc):
        doc_id = f"doc-{first_doc + d:05d}"
        date = f"2024-{1 + d % 12:02d}-{1 + d % 28:02d}"
        sentences, relations, counts = [], [], {}
        offset = 0
        for s, rel, t in triples:
            sentence = f"{names[s]} {rel.lower().replace('_', ' ')} {names[t]} in {doc_id}."
            confidence = 0.5 + rng.random() / 2
            ev = Evidence(doc_id, sentence, offset, offset + len(sentence), "synthetic", confidence)
            offset += len(sentence) + 1
            sentences.append(sentence)
            relations.append(Relation(f"a{s:05d}", rel, f"a{t:05d}", [ev]))
            for a in (s, t):
                counts[a] = counts.get(a, 0) + 1
        actors = [
            Actor(f"a{a:05d}", names[a], ACTOR_TYPES[a % len(ACTOR_TYPES)], [f"A{a}"], c)
            for a, c in counts.items()
        ]
        kg.add(Extraction(Document(doc_id, " ".join(sentences), f"Synthetic {d}", date), actors, relations))
    return kg


def sample_graph(graph: KnowledgeGraph, n_relations: int) -> KnowledgeGraph:
    """The first whole documents of ``graph`` holding at least ``n_relations`` evidence rows."""
    lines: list[str] = []
    kept = 0
    for line in graph.to_jsonl().splitlines():
        if line.startswith('{"kind": "document"') and kept >= n_relations:
            break
        kept += line.startswith('{"kind": "relation"')
        lines.append(line)
    return KnowledgeGraph.from_jsonl(lines)


def per_row_load(db: Store, graph: KnowledgeGraph) -> int:
    """Write ``graph`` with one query per row, each in its own managed transaction (the baseline);
    return the number of queries run."""
    statements = load_statements()
    queries = 0
    with db.driver.session(database=db.connection.database) as session:
        for batch in document_batches(graph):
            assert isinstance(batch, Batch)
            work: list[tuple[str, dict]] = []
            work += [(statements["load_documents"], {"rows": [row]}) for row in batch.documents.values()]
            work += [
                (statements["load_actors"].replace("__LABEL__", type_label(row["type"])), {"rows": [row]})
                for row in batch.actors.values()
            ]
            work += [(statements["load_mentions"], {"rows": [row]}) for row in batch.mentions]
            work += [(statements["load_sentences"], {"rows": [row]}) for row in batch.sentences.values()]
            for (relation, _s, _t), row in batch.relations.items():
                spec = ONTOLOGY[relation]
                work.append((statements["load_relations"].replace("__RELATION__", relation),
                             {"rows": [row], "polarity": spec.polarity, "symmetric": spec.symmetric}))
            for statement, params in work:
                # like the batched loader: a managed transaction (retried on transient errors)
                session.execute_write(lambda tx, q=statement, p=params: tx.run(q, p).consume())
                queries += 1
    return queries


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--relations", type=int, default=100_000)
    ap.add_argument("--documents", type=int, default=2_000)
    ap.add_argument("--actors", type=int, default=3_000)
    ap.add_argument("--sample", type=int, default=2_000, help="relations loaded one query per row")
    ap.add_argument("--batch-size", type=int, default=5_000)
    ap.add_argument("--new-documents", type=int, default=20, help="articles of the incremental load")
    ap.add_argument("--new-relations", type=int, default=1_000)
    ap.add_argument("--uri", help="use this server instead of a throw-away one (needs --clear)")
    ap.add_argument("--user")
    ap.add_argument("--password")
    ap.add_argument("--clear", action="store_true", help="allow emptying the database at --uri")
    ap.add_argument("--heap", default="1g")
    ap.add_argument("--pagecache", default="512m")
    args = ap.parse_args()
    if args.uri and not args.clear:
        ap.error("--uri empties that database: add --clear to confirm")

    home = None
    t0 = time.perf_counter()
    if args.uri:
        db = connect(args.uri, args.user, args.password)
        where = f"{args.uri} (given)"
    else:
        home = Path(tempfile.mkdtemp(prefix="kg-neo4j-bench-"))
        info = server.start(home, bolt_port=server.free_port(), http_port=server.free_port(),
                            heap=args.heap, pagecache=args.pagecache)
        db = connect(info.uri, info.user, info.password())
        where = (f"{info.uri} (throw-away server started in {time.perf_counter() - t0:.1f}s, "
                 f"heap {args.heap}, page cache {args.pagecache})")
    try:
        print(f"Neo4j {server.NEO4J_VERSION} at {where}")
        t = time.perf_counter()
        graph = synthetic_graph(args.relations, args.documents, args.actors)
        n_rel = graph.to_networkx().number_of_edges()
        n_ev = sum(r["weight"] for r in graph.relations())
        print(f"synthetic graph: {len(graph.documents):,} documents, {len(graph):,} actors, "
              f"{n_rel:,} relations, {n_ev:,} evidence sentences (built in {time.perf_counter() - t:.1f}s)")

        sample = sample_graph(graph, min(args.sample, n_rel))
        n_sample = sample.to_networkx().number_of_edges()
        # warm up the JVM and the query caches with both loaders, so neither pays for them
        db.clear()
        db.apply_schema()
        db.write(sample, batch_size=args.batch_size)
        db.clear()
        per_row_load(db, sample_graph(sample, 50))
        db.clear()

        first_day = synthetic_graph(args.new_relations, args.new_documents, args.actors, seed=8,
                                    first_doc=args.documents)
        into_empty = db.write(first_day, batch_size=args.batch_size)
        db.clear()
        report = db.write(graph, batch_size=args.batch_size)
        batched_rate = report.relations / report.seconds
        counts = db.counts()
        assert counts["relations"] == n_rel and counts["evidence"] == n_ev, counts
        print(f"batched (UNWIND $rows + MERGE, {args.batch_size:,} rows per managed transaction): "
              f"{report.relations:,} relations in {report.seconds:.1f}s = {batched_rate:,.0f} relations/s "
              f"({report.transactions} transactions)")

        again = db.write(graph, batch_size=args.batch_size)
        unchanged = db.counts() == counts
        print(f"reload of the same graph: {again.seconds:.1f}s, "
              f"counts unchanged: {'yes' if unchanged else 'NO'} ({again.skipped:,} documents already loaded)")

        # incremental: a day's new articles into the full database (given alone, and given with every
        # loaded one), against a day's articles into the empty one (timed before the big load)
        new = synthetic_graph(args.new_relations, args.new_documents, args.actors, seed=9,
                              first_doc=args.documents + args.new_documents)
        into_full = db.write(new, batch_size=args.batch_size)
        everything = KnowledgeGraph()
        for part in (graph, new, synthetic_graph(args.new_relations, args.new_documents, args.actors, seed=10,
                                                 first_doc=args.documents + 2 * args.new_documents)):
            everything.merge(part)
        with_all = db.write(everything, batch_size=args.batch_size)
        print(f"incremental, {args.new_documents} new documents ({args.new_relations:,} relations): into the "
              f"empty database {into_empty.seconds:.2f}s, into the one holding {args.documents:,} documents "
              f"{into_full.seconds:.2f}s; given together with every loaded document ({with_all.skipped:,} "
              f"skipped): {with_all.seconds:.2f}s")

        db.clear()
        t = time.perf_counter()
        queries = per_row_load(db, sample)
        seconds = time.perf_counter() - t
        row_rate = n_sample / seconds
        print(f"one query per row (each its own managed transaction; sample: the first "
              f"{len(sample.documents):,} documents, {n_sample:,} of the {n_rel:,} relations, "
              f"with their actors, mentions and sentences: "
              f"{queries:,} queries): {seconds:.1f}s = {row_rate:,.1f} relations/s; "
              f"extrapolated to all {n_rel:,} relations: {n_rel / row_rate / 60:,.1f} min")
        print(f"ratio batched / one query per row: {batched_rate / row_rate:,.0f}x (aim: >= 30x)")
    finally:
        db.close()
        if home is not None:
            server.stop(home, force=True)
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
