"""Sample graphs for the view tests (tests/view/): every actor type, hostile text, big graphs."""

from __future__ import annotations

import networkx as nx

from kg.graph import KnowledgeGraph
from kg.model import Actor, Document, Evidence, Extraction, Relation

HOSTILE = "Russia backs Assad <img src=x onerror=alert(1)> <script>alert(1)</script> href </script> end."
HOSTILE_NAME = '<img src=x onerror=alert(2)> href="javascript:alert(3)"'


def ev(doc: str, sentence: str, start: int, confidence: float = 0.9) -> list[Evidence]:
    return [Evidence(doc, sentence, start, start + len(sentence), "test", confidence)]


def sample_graph() -> KnowledgeGraph:
    """Eight actors of every type, nine relations, two documents, one hostile sentence and name."""
    g = KnowledgeGraph()
    actors = [
        Actor("russia", "Russia", "STATE", ["Russia", "Moscow"], 5),
        Actor("syrian-government", "Syrian government", "GOVERNMENT", ["Assad regime"], 8),
        Actor("hts", "Hayat Tahrir al-Sham", "ARMED_GROUP", ["HTS"], 6),
        Actor("turkey", "Turkey", "STATE", [], 2),
        Actor("rebels", "rebels", "ARMED_GROUP", [], 3),
        Actor("hama", "Hama", "LOCATION", [], 4),
        Actor("assad", "Bashar al-Assad", "PERSON", ["Assad"], 3),
        Actor("hostile", HOSTILE_NAME, "ORGANIZATION", ["</script><!--"], 1),
    ]
    g.add(
        Extraction(
            Document("d1", "", title="Homs <b>panics</b>", date="2024-12-06"),
            actors,
            [
                Relation("russia", "BACKS", "syrian-government", ev("d1", HOSTILE, 0)),
                Relation("russia", "ATTACKS", "rebels", ev("d1", "Russian jets bombed rebels.", 100)),
                Relation("turkey", "BACKS", "rebels", ev("d1", "Turkey backs the rebels.", 200)),
                Relation("hts", "CAPTURED", "hama", ev("d1", "HTS captured Hama.", 300)),
                Relation("hts", "ALLIED_WITH", "rebels", ev("d1", "HTS and rebels allied.", 400)),
                Relation(
                    "rebels", "ATTACKS", "syrian-government", ev("d1", "Rebels attack regime forces.", 500)
                ),
                Relation(
                    "syrian-government", "ATTACKS", "rebels", ev("d1", "Regime shells rebels.", 600, 0.7)
                ),
                Relation("assad", "LEADS", "syrian-government", ev("d1", "Assad leads the government.", 700)),
                Relation("hostile", "CRITICIZES", "russia", ev("d1", "They condemn Russia <b>now</b>.", 800)),
            ],
        )
    )
    g.add(
        Extraction(
            Document("d2", "", title="Second report", date="2024-12-07"),
            actors[:2],
            [
                Relation(
                    "russia",
                    "BACKS",
                    "syrian-government",
                    ev("d2", "Moscow stands by Damascus.", 10, 0.8)
                    + ev("d2", "Russia arms the regime.", 50, 0.6)
                    + ev("d2", "Russia will not abandon Assad.", 90, 0.5),
                )
            ],
        )
    )
    return g



def synthetic(n: int) -> KnowledgeGraph:
    skeleton = nx.barabasi_albert_graph(n, 1, seed=3)
    g = KnowledgeGraph()
    g.add(
        Extraction(
            Document("d", ""),
            [Actor(f"a{i}", f"Actor {i}", "STATE", [], 1 + i % 5) for i in range(n)],
            [
                Relation(
                    f"a{u}", "BACKS" if (u + v) % 2 else "ATTACKS", f"a{v}", ev("d", f"s{u}-{v}", 10 * j)
                )
                for j, (u, v) in enumerate(skeleton.edges())
            ],
        )
    )
    return g
