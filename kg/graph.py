"""The actor graph: a networkx MultiDiGraph with one node per actor and one edge per
(source, relation type, target), each edge carrying every piece of evidence.

Layout of the wrapped graph (what ``to_networkx()`` returns):

- ``G.graph["documents"]``: ``{doc_id: {"id", "title", "date", "url", "source"}}``.
- node ``actor_id`` with ``name``, ``type``, ``aliases`` (sorted), ``mentions`` (int),
  ``docs`` (sorted doc ids) and ``per_doc`` (``{doc_id: {"name", "type", "aliases", "mentions"}}``:
  how each document named it).
- edge ``(source_id, target_id, key=RELATION)`` with ``relation``, ``polarity``,
  ``symmetric``, ``cameo``, ``plover``, ``weight`` (number of evidences; the copies of a story
  add none, see :func:`kg.dedup.counted_evidence`), ``reports`` (distinct stories),
  ``sources`` (distinct outlets), ``confidence`` (the highest), ``first_seen``/``last_seen``
  (article dates, ``None`` when undated) and ``evidence``: a list of ``{"doc", "sentence",
  "start", "end", "rule", "confidence"}`` (every copy's).
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO

from .dedup import count_reports, count_sources, counted_evidence
from .errors import InputError
from .model import ACTOR_TYPES, ONTOLOGY, Actor, Document, Evidence, Extraction, Relation

if TYPE_CHECKING:  # networkx loads on first use: `kg extract` streams JSONL and never needs it
    import networkx as nx


def _graphml_value(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if value is None:
        return ""
    return value


def documents_of(G: nx.MultiDiGraph) -> dict[str, dict[str, Any]]:
    """Return the metadata of every document of a graph in kg's layout, by id.

    Examples
    --------
    >>> documents_of(KnowledgeGraph().to_networkx())
    {}
    """
    return G.graph.get("documents", {})


def evidence_of(G: nx.MultiDiGraph, source: str, target: str, relation: str) -> list[dict[str, Any]]:
    """Return the evidence list of the edge ``source -relation-> target`` (empty when absent).

    Each item is ``{"doc", "sentence", "start", "end", "rule", "confidence"}``.

    Examples
    --------
    >>> evidence_of(KnowledgeGraph().to_networkx(), "russia", "syria", "BACKS")
    []
    """
    if not G.has_edge(source, target, key=relation):
        return []
    return G.edges[source, target, relation]["evidence"]


def mentions_by_document(G: nx.MultiDiGraph, actor_id: str) -> dict[str, dict[str, Any]]:
    """Return how each document named an actor: ``{doc_id: {"name", "type", "aliases", "mentions"}}``.

    Examples
    --------
    >>> mentions_by_document(KnowledgeGraph().to_networkx(), "russia")
    {}
    """
    if actor_id not in G:
        return {}
    return G.nodes[actor_id].get("per_doc", {})


def extraction_records(
    extraction: Extraction, order: dict[str, int] | None = None, name_of: Callable[[str], str] | None = None
) -> Iterator[dict[str, Any]]:
    """Yield the JSONL records of one document's extraction: the contract of ``kg extract``.

    A ``document`` line (absent metadata left out), an ``actor`` line for each of its actors and a
    ``relation`` line for each evidence, in the order of the evidence in the text.

    Parameters
    ----------
    extraction : Extraction
    order : dict, optional
        Actor id -> rank: actors are written in this order, and ids not in it are added at its end.
        Share one dict across documents so a corpus streamed document by document is written as
        :meth:`KnowledgeGraph.to_jsonl` writes it (actors first seen first).
    name_of : callable, optional
        The name of an actor a relation names but the document does not list (default: its id).

    Examples
    --------
    >>> doc = Document("d1", "Russia backs Assad.")
    >>> ev = Evidence("d1", "Russia backs Assad.", 0, 19, "verb", 0.9)
    >>> extraction = Extraction(doc, [Actor("russia", "Russia", "STATE", [], 1)],
    ...                         [Relation("russia", "BACKS", "syria", [ev])])
    >>> [r["kind"] for r in extraction_records(extraction)]
    ['document', 'actor', 'relation']
    """
    order = order if order is not None else {}
    doc = extraction.document
    yield {"kind": "document", **{k: v for k, v in doc.meta().items() if v is not None}}
    actors: dict[str, Actor] = {}
    for actor in extraction.actors:
        actors[actor.id] = actor  # the last word on an actor listed twice, in its first place
        order.setdefault(actor.id, len(order))
    for actor in sorted(actors.values(), key=lambda a: order[a.id]):
        yield {"kind": "actor", "doc": doc.id, "id": actor.id, "name": actor.name, "type": actor.type,
               "aliases": sorted(set(actor.aliases)), "mentions": actor.mentions}
    seen: set[tuple[str, str, str, int, int]] = set()
    rows = []
    for rel in extraction.relations:
        for ev in rel.evidence:
            if (key := (rel.source, rel.type, rel.target, ev.start, ev.end)) not in seen:
                seen.add(key)
                rows.append((ev.start, rel.source, rel.type, rel.target, ev))
    name = name_of or (lambda actor_id: actor_id)
    for _, s, k, t, ev in sorted(rows, key=lambda r: r[:4]):
        yield {
            "kind": "relation",
            "doc": doc.id,
            "source": actors[s].name if s in actors else name(s),
            "relation": k,
            "target": actors[t].name if t in actors else name(t),
            "polarity": ONTOLOGY[k].polarity,
            "sentence": ev.sentence,
            "start": ev.start,
            "end": ev.end,
            "confidence": ev.confidence,
            "rule": ev.rule,
            "source_id": s,
            "target_id": t,
        }


class JsonlWriter:
    """Writes extractions as JSONL lines as they come, exactly as :meth:`KnowledgeGraph.to_jsonl`
    would write them all at the end, holding nothing but the actors' order.

    Examples
    --------
    >>> import io
    >>> out = io.StringIO()
    >>> JsonlWriter(out).write(Extraction(Document("d1", "..."), [], []))
    >>> out.getvalue()
    '{"kind": "document", "id": "d1"}\\n'
    """

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.order: dict[str, int] = {}  # actor id -> rank, first seen first; its size counts the actors
        self.documents = 0
        self.relations: set[tuple[str, str, str]] = set()

    def write(self, extraction: Extraction) -> None:
        """Write one document's lines."""
        lines = (json.dumps(r, ensure_ascii=False) + "\n" for r in extraction_records(extraction, self.order))
        self.out.write("".join(lines))
        self.documents += 1
        self.relations.update((r.source, r.type, r.target) for r in extraction.relations)

    def summary(self) -> str:
        """``"N documents, N actors, N relations"`` written so far (relations as graph edges)."""
        return f"{self.documents} documents, {len(self.order)} actors, {len(self.relations)} relations"


class KnowledgeGraph:
    """Actors and typed relations extracted from a corpus, with provenance.

    Parameters
    ----------
    graph : networkx.MultiDiGraph, optional
        A graph in the layout described in the module docstring; a new empty
        one when omitted.

    Examples
    --------
    >>> from kg.model import Actor, Document, Evidence, Extraction, Relation
    >>> doc = Document("d1", "Russia backs Assad.")
    >>> ev = Evidence("d1", "Russia backs Assad.", 0, 19, "verb", 0.9)
    >>> kg = KnowledgeGraph()
    >>> kg.add(Extraction(doc, [Actor("russia", "Russia", "STATE", ["Russia"], 1),
    ...                         Actor("bashar-al-assad", "Bashar al-Assad", "PERSON", ["Assad"], 1)],
    ...                   [Relation("russia", "BACKS", "bashar-al-assad", [ev])]))
    >>> [(r["source"], r["relation"], r["target"], r["weight"]) for r in kg.relations()]
    [('Russia', 'BACKS', 'Bashar al-Assad', 1)]
    """

    def __init__(self, graph: nx.MultiDiGraph | None = None) -> None:
        if graph is None:
            import networkx as nx

            graph = nx.MultiDiGraph()
        self._g = graph
        self._g.graph.setdefault("documents", {})
        # actor id -> {name: [documents using it, its type in the first of them]}
        self._names: dict[str, dict[str, list[Any]]] = {}

    # -- building -------------------------------------------------------------------

    def add(self, extraction: Extraction) -> None:
        """Merge one document's extraction into the graph (the same fact twice is one
        edge with two evidences; the same evidence twice is kept once)."""
        doc = extraction.document
        self._g.graph["documents"][doc.id] = doc.meta()
        for actor in extraction.actors:
            self._add_actor(doc.id, actor)
        for rel in extraction.relations:
            self._add_relation(doc, rel)

    def _add_actor(self, doc_id: str, actor: Actor) -> None:
        g = self._g
        if actor.id not in g:
            g.add_node(actor.id, name=actor.name, type=actor.type, aliases=[], mentions=0, docs=[], per_doc={})
        node = g.nodes[actor.id]
        again = doc_id in node["per_doc"]
        aliases = sorted(set(actor.aliases))
        node["per_doc"][doc_id] = {
            "name": actor.name,
            "type": actor.type,
            "aliases": aliases,
            "mentions": actor.mentions,
        }
        per_doc = node["per_doc"].values()
        if again:  # a document given twice replaces what it said: count everything afresh
            node["aliases"] = sorted({a for d in per_doc for a in d["aliases"]})
            node["mentions"] = sum(d["mentions"] for d in per_doc)
            node["docs"] = sorted(node["per_doc"])
        else:  # a new document only adds (linear in the corpus, not quadratic)
            if not set(aliases) <= set(node["aliases"]):
                node["aliases"] = sorted(set(node["aliases"]).union(aliases))
            node["mentions"] += actor.mentions
            bisect.insort(node["docs"], doc_id)
        # the name most documents use wins; ties go to the first seen.  The tally is kept beside
        # the graph (not in it), built from the documents once and then only added to.
        tally = self._names.get(actor.id)
        if tally is None or again:
            tally = {}
            for d in per_doc:
                tally.setdefault(d["name"], [0, d["type"]])[0] += 1
            self._names[actor.id] = tally
        else:
            tally.setdefault(actor.name, [0, actor.type])[0] += 1
        best = max(tally.values(), key=lambda count_type: count_type[0])[0]
        node["name"] = next(name for name, (count, _) in tally.items() if count == best)
        node["type"] = tally[node["name"]][1]

    def _add_relation(self, doc: Document, rel: Relation) -> None:
        g = self._g
        spec = ONTOLOGY[rel.type]
        if not g.has_edge(rel.source, rel.target, key=rel.type):
            g.add_edge(
                rel.source,
                rel.target,
                key=rel.type,
                relation=rel.type,
                polarity=spec.polarity,
                symmetric=spec.symmetric,
                cameo=spec.cameo,
                plover=spec.plover,
                weight=0,
                reports=0,
                sources=0,
                confidence=0.0,
                first_seen=None,
                last_seen=None,
                evidence=[],
            )
        edge = g.edges[rel.source, rel.target, rel.type]
        seen = {(e["doc"], e["start"], e["end"]) for e in edge["evidence"]}
        for ev in rel.evidence:
            if (ev.doc, ev.start, ev.end) not in seen:
                edge["evidence"].append(ev.to_dict())
                seen.add((ev.doc, ev.start, ev.end))
        documents = g.graph["documents"]
        edge["weight"] = len(counted_evidence(edge["evidence"], documents))
        edge["reports"] = count_reports(edge["evidence"], documents)
        edge["sources"] = count_sources(edge["evidence"], documents)
        edge["confidence"] = max(e["confidence"] for e in edge["evidence"])
        dates = sorted(
            d for e in edge["evidence"] if (d := g.graph["documents"].get(e["doc"], {}).get("date"))
        )
        edge["first_seen"] = dates[0] if dates else None
        edge["last_seen"] = dates[-1] if dates else None

    # -- reading --------------------------------------------------------------------

    def to_networkx(self) -> nx.MultiDiGraph:
        """Return the wrapped networkx MultiDiGraph (not a copy)."""
        return self._g

    @property
    def documents(self) -> dict[str, dict[str, Any]]:
        """Metadata of every document, by id."""
        return self._g.graph["documents"]

    def actors(self) -> list[dict[str, Any]]:
        """Return every actor as ``{"id", "name", "type", "aliases", "mentions", "docs"}``,
        sorted by id."""
        return [
            {"id": n, **{k: d[k] for k in ("name", "type", "aliases", "mentions", "docs")}}
            for n, d in sorted(self._g.nodes(data=True))
        ]

    def relations(self) -> list[dict[str, Any]]:
        """Return every edge as ``{"source", "source_id", "relation", "target", "target_id",
        "polarity", "weight", "reports", "sources", "confidence", "first_seen", "last_seen", "evidence"}``,
        sorted.  ``reports`` counts distinct stories and ``sources`` distinct outlets; a reprint of a
        story adds its copy to ``evidence`` and its outlet to ``sources``, never to ``weight``."""
        out = []
        for s, t, k, d in self._g.edges(keys=True, data=True):
            out.append(
                {
                    "source": self._g.nodes[s]["name"],
                    "source_id": s,
                    "relation": k,
                    "target": self._g.nodes[t]["name"],
                    "target_id": t,
                    **{f: d[f] for f in ("polarity", "weight", "reports", "sources", "confidence", "first_seen",
                                         "last_seen")},
                    "evidence": list(d["evidence"]),
                }
            )
        return sorted(out, key=lambda r: (r["source_id"], r["relation"], r["target_id"]))

    def show(self, **options: Any) -> Any:
        """Display the graph inline in Jupyter; options as :func:`kg.view.show`."""
        from .view import show

        return show(self, **options)

    def merge(self, other: KnowledgeGraph) -> None:
        """Add every document, actor and relation of ``other`` into this graph (in place).

        The result is the graph that extracting both corpora together would give.

        Examples
        --------
        >>> a = KnowledgeGraph.from_jsonl(['{"kind": "actor", "doc": "d1", "id": "iran", "name": "Iran", '
        ...     '"type": "STATE", "aliases": []}'])
        >>> b = KnowledgeGraph.from_jsonl(['{"kind": "actor", "doc": "d2", "id": "iran", "name": "Iran", '
        ...     '"type": "STATE", "aliases": ["Tehran"]}'])
        >>> a.merge(b); a.actors()[0]["docs"], a.actors()[0]["aliases"]
        (['d1', 'd2'], ['Tehran'])
        """
        for extraction in other.extractions():
            self.add(extraction)

    def extractions(self) -> Iterator[Extraction]:
        """Yield one :class:`~kg.model.Extraction` per document (texts are not kept: empty).

        Actors come in the graph's order (first seen first), relations one per evidence."""
        g = self._g
        by_doc: dict[str, list[Relation]] = {d: [] for d in self.documents}
        for s, t, k, d in g.edges(keys=True, data=True):
            for ev in d["evidence"]:
                by_doc.setdefault(ev["doc"], []).append(Relation(s, k, t, [Evidence(**ev)]))
        actors_by_doc: dict[str, list[Actor]] = {}
        for n, d in g.nodes(data=True):
            for doc_id, p in d["per_doc"].items():
                actors_by_doc.setdefault(doc_id, []).append(
                    Actor(n, p["name"], p["type"], list(p["aliases"]), p["mentions"]))
        for doc_id in by_doc:
            meta = self.documents.get(doc_id, {"id": doc_id})
            doc = Document(doc_id, "", meta.get("title"), meta.get("date"), meta.get("url"), meta.get("source"),
                           meta.get("duplicate_of"))
            yield Extraction(doc, actors_by_doc.get(doc_id, []), by_doc[doc_id])

    def actor(self, actor_id: str) -> dict[str, Any]:
        """Return one actor as ``{"id", "name", "type", "aliases", "mentions", "docs"}``.

        Raises ``KeyError`` when there is no such actor.

        Examples
        --------
        >>> g = KnowledgeGraph.from_jsonl(['{"kind": "actor", "doc": "d", "id": "iran", "name": "Iran", '
        ...     '"type": "STATE", "aliases": ["Tehran"]}'])
        >>> g.actor("iran")["aliases"], g.actor_documents("iran")["d"]["mentions"], g.find_actor("tehran")
        (['Tehran'], 1, 'iran')
        """
        d = self._g.nodes[actor_id]
        return {"id": actor_id, **{k: d[k] for k in ("name", "type", "aliases", "mentions", "docs")}}

    def actor_documents(self, actor_id: str) -> dict[str, dict[str, Any]]:
        """Return how each document named the actor: ``{doc_id: {"name", "type", "aliases", "mentions"}}``."""
        return mentions_by_document(self._g, actor_id)

    def evidence(self, source_id: str, relation: str, target_id: str) -> list[dict[str, Any]]:
        """Return the evidence of one relation (a copy; empty when there is no such relation).

        Examples
        --------
        >>> KnowledgeGraph().evidence("russia", "BACKS", "syria")
        []
        """
        return list(evidence_of(self._g, source_id, target_id, relation))

    def find_actor(self, name: str) -> str | None:
        """Return the id of the actor called ``name`` (canonical name, alias or id,
        case-insensitive), or ``None``."""
        key = name.casefold().strip()
        for n, d in self._g.nodes(data=True):
            if key == n or key == d["name"].casefold() or key in (a.casefold() for a in d["aliases"]):
                return n
        return None

    def __len__(self) -> int:
        return self._g.number_of_nodes()

    def __repr__(self) -> str:
        return (
            f"<KnowledgeGraph: {len(self.documents)} documents, {self._g.number_of_nodes()} actors, "
            f"{self._g.number_of_edges()} relations>"
        )

    def write_graphml(self, path: str | Path | BinaryIO) -> None:
        """Write the graph as GraphML; list and dict attributes become JSON strings
        (GraphML has no such types).

        Examples
        --------
        >>> import io
        >>> buf = io.BytesIO(); KnowledgeGraph().write_graphml(buf); b"graphml" in buf.getvalue()
        True
        """
        import networkx as nx

        g = nx.MultiDiGraph()
        g.graph["documents"] = json.dumps(self.documents, ensure_ascii=False)
        for n, d in self._g.nodes(data=True):
            g.add_node(n, **{k: _graphml_value(v) for k, v in d.items()})
        for s, t, k, d in self._g.edges(keys=True, data=True):
            g.add_edge(s, t, key=k, **{a: _graphml_value(v) for a, v in d.items() if v is not None})
        nx.write_graphml(g, path)

    # -- JSONL contract -------------------------------------------------------------

    def iter_jsonl_records(self) -> Iterator[dict[str, Any]]:
        """Yield the JSONL records: per document a ``document`` line, an ``actor`` line
        for every actor of that document, and a ``relation`` line for every evidence
        (see :func:`extraction_records`)."""
        g = self._g
        order = {n: i for i, n in enumerate(g.nodes)}
        for extraction in self.extractions():
            if extraction.document.id in self.documents:
                yield from extraction_records(extraction, order, lambda n: g.nodes[n]["name"])

    def to_jsonl(self, path: str | Path | None = None) -> str:
        """Return the graph as JSONL text (and write it to ``path`` when given).

        Examples
        --------
        >>> KnowledgeGraph().to_jsonl()
        ''
        """
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in self.iter_jsonl_records())
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    @classmethod
    def from_jsonl(cls, source: str | Path | Iterable[str]) -> KnowledgeGraph:
        """Rebuild a graph from JSONL written by :meth:`to_jsonl` or ``kg extract``.

        Parameters
        ----------
        source : path or iterable of lines

        Returns
        -------
        KnowledgeGraph

        Raises
        ------
        InputError
            When a line is not JSON or lacks a field of the contract.

        Examples
        --------
        >>> kg = KnowledgeGraph.from_jsonl(['{"kind": "actor", "doc": "d", "id": "iran", '
        ...     '"name": "Iran", "type": "STATE", "aliases": ["Tehran"]}'])
        >>> kg.actors()[0]["aliases"]
        ['Tehran']
        """
        kg = cls()
        for extraction in read_extractions(source):
            kg.add(extraction)
        return kg


def read_extractions(source: str | Path | Iterable[str]) -> list[Extraction]:
    """Read JSONL written by :meth:`KnowledgeGraph.to_jsonl` or ``kg extract`` as one
    :class:`~kg.model.Extraction` per document, in the order the documents first appear.

    Parameters
    ----------
    source : path or iterable of lines

    Returns
    -------
    list of Extraction

    Raises
    ------
    InputError
        When a line is not JSON or lacks a field of the contract.

    Examples
    --------
    >>> [e.document.id for e in read_extractions(['{"kind": "document", "id": "d1"}'])]
    ['d1']
    """
    name = "<lines>"
    if isinstance(source, (str, Path)):
        name = str(source)
        try:
            # "\n" only: a sentence may hold a raw U+2028, where splitlines() would cut the record
            lines: Iterable[str] = Path(source).read_text(encoding="utf-8-sig").split("\n")
        except (OSError, UnicodeDecodeError) as e:
            raise InputError(f"{name}: cannot read: {e}") from e
    else:
        lines = source
    docs: dict[str, Document] = {}
    actors: dict[str, list[Actor]] = {}
    rels: dict[str, list[Relation]] = {}
    ids: dict[tuple[str, str], str] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            kind = obj.get("kind")
            if kind == "document":
                docs[obj["id"]] = Document(
                    obj["id"], "", obj.get("title"), obj.get("date"), obj.get("url"), obj.get("source"),
                    obj.get("duplicate_of"),
                )
            elif kind == "actor":
                doc = obj["doc"]
                docs.setdefault(doc, Document(doc, ""))
                if obj["type"] not in ACTOR_TYPES:
                    raise ValueError(f"actor type {obj['type']!r} is not one of {', '.join(ACTOR_TYPES)}")
                actor = Actor(obj["id"], obj["name"], obj["type"], list(obj.get("aliases", [])),
                              int(obj.get("mentions", 1)))
                actors.setdefault(doc, []).append(actor)
                ids[(doc, actor.name)] = actor.id
            elif kind == "relation":
                doc = obj["doc"]
                docs.setdefault(doc, Document(doc, ""))
                src = obj.get("source_id") or ids[(doc, obj["source"])]
                tgt = obj.get("target_id") or ids[(doc, obj["target"])]
                ev = Evidence(doc, obj["sentence"], int(obj["start"]), int(obj["end"]),
                              obj.get("rule", "jsonl"), float(obj.get("confidence", 1.0)))
                rels.setdefault(doc, []).append(Relation(src, obj["relation"].upper(), tgt, [ev]))
            else:
                raise ValueError("no \"kind\" of document, actor or relation (an article? articles are "
                                 "given as paths, not with --from-jsonl)")
        except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as e:
            raise InputError(f"{name}:{n}: not a kg JSONL record: {e}") from e
    out = []
    for doc_id, doc in docs.items():
        for r in rels.get(doc_id, []):
            if r.type not in ONTOLOGY:
                raise InputError(f"{name}: unknown relation type {r.type!r}")
        out.append(Extraction(doc, actors.get(doc_id, []), rels.get(doc_id, [])))
    return out
