"""Small actor graphs from ``(source, RELATION, target)`` tuples, for examples, tests and what-ifs."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..errors import InputError
from ..graph import KnowledgeGraph
from ..model import ONTOLOGY, Actor, Document, Evidence, Extraction, Relation, slugify


def from_triples(
    triples: Iterable[Sequence[Any]],
    *,
    types: Mapping[str, str] | None = None,
    aliases: Mapping[str, Sequence[str]] | None = None,
    confidence: float = 1.0,
) -> KnowledgeGraph:
    """Build a small KnowledgeGraph from ``(source, RELATION, target[, date[, sentence]])`` tuples.

    Handy for examples, tests and what-if analysis.  Each tuple is one piece of evidence in the
    document of its date (``"doc"`` when undated); actor ids are the slugs of the names.

    Parameters
    ----------
    triples : iterable of tuples
        ``(source, relation, target)``, optionally followed by an ISO date and a sentence.
    types : mapping, optional
        Actor type by name (default ``"ORGANIZATION"``).
    aliases : mapping, optional
        Aliases by name.
    confidence : float
        The confidence of every evidence.

    Returns
    -------
    KnowledgeGraph

    Examples
    --------
    >>> from kg.analysis import from_triples
    >>> G = from_triples([("Russia", "BACKS", "Assad", "2024-12-01"), ("Russia", "BACKS", "Assad")])
    >>> [(r["source"], r["relation"], r["target"], r["weight"]) for r in G.relations()]
    [('Russia', 'BACKS', 'Assad', 2)]
    """
    types = types or {}
    aliases = aliases or {}
    by_doc: dict[str, list[tuple[str, str, str, str | None, str | None]]] = {}
    dates: dict[str, str | None] = {}
    for t in triples:
        if len(t) not in (3, 4, 5):
            raise InputError(f"expected (source, relation, target[, date[, sentence]]), got {t!r}")
        src, rel, tgt = str(t[0]), str(t[1]).upper(), str(t[2])
        if rel not in ONTOLOGY:
            raise InputError(f"unknown relation type {rel!r}")
        when = str(t[3]) if len(t) > 3 and t[3] is not None else None
        sentence = str(t[4]) if len(t) > 4 and t[4] is not None else None
        doc = f"doc-{when}" if when else "doc"
        dates[doc] = when
        by_doc.setdefault(doc, []).append((src, rel, tgt, when, sentence))
    kg = KnowledgeGraph()
    for doc_id in sorted(by_doc, key=lambda d: (dates[d] or "", d)):
        text, rels, names = "", [], {}
        for src, rel, tgt, _, sentence in by_doc[doc_id]:
            sentence = sentence or f"{src} {rel.lower().replace('_', ' ')} {tgt}."
            start = len(text)
            text += sentence + " "
            for nm in (src, tgt):
                names[nm] = names.get(nm, 0) + 1
            ev = Evidence(doc_id, sentence, start, start + len(sentence), "triple", confidence)
            rels.append(Relation(slugify(src), rel, slugify(tgt), [ev]))
        actors = [
            Actor(slugify(nm), nm, types.get(nm, "ORGANIZATION"), [nm, *aliases.get(nm, ())], count)
            for nm, count in names.items()
        ]
        kg.add(Extraction(Document(doc_id, text.strip(), date=dates[doc_id]), actors, rels))
    return kg
