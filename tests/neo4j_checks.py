"""What the Neo4j tests share: the small corpus's counts, the library's names, a canonical dump of
the relationships, and running `kg` as a user does."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable

from kg.graph import KnowledgeGraph
from kg.store import Store

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


#: The ``run_kg`` fixture of tests/cli/conftest.py: run `kg` with arguments, return the finished process.
RunKg = Callable[..., subprocess.CompletedProcess[str]]


N_DOCS, N_ACTORS = 60, 12


def corpus(docs: range) -> KnowledgeGraph:
    """Articles whose relations fall on few actor pairs, so that loads contend for the same
    relationships; every document names its actors with an alias of its own."""
    lines = []
    for d in docs:
        doc = f"doc{d:03d}"
        lines.append({"kind": "document", "id": doc, "date": f"2024-{1 + d % 12:02d}-{1 + d % 27:02d}"})
        ids = sorted({(d + i) % N_ACTORS for i in range(4)})
        for a in ids:
            lines.append({"kind": "actor", "doc": doc, "id": f"a{a}", "name": f"Actor {a}", "type": "STATE",
                          "aliases": [f"A{a}", f"A{a}-{d}"], "mentions": 1 + d % 3})
        for i in range(3):
            s, t = (d + i) % N_ACTORS, (d + i + 1) % N_ACTORS
            sentence = f"Actor {s} backs Actor {t} in {doc}."
            lines.append({"kind": "relation", "doc": doc, "source": f"Actor {s}", "relation": "BACKS",
                          "target": f"Actor {t}", "sentence": sentence, "start": i * 50, "end": i * 50 + len(sentence),
                          "confidence": round(0.5 + (d % 5) / 10, 1), "rule": f"r{i}", "source_id": f"a{s}",
                          "target_id": f"a{t}"})
    return KnowledgeGraph.from_jsonl(json.dumps(line) for line in lines)
