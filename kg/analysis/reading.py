"""How the analyses read the actor graph: actor lookup, display names, evidence and dates.

Everything here reads the graph through networkx's public API and :mod:`kg.graph`'s accessors
(:func:`~kg.graph.documents_of`, :func:`~kg.graph.evidence_of`), never its internal dicts, and
never writes to it.
"""

from __future__ import annotations

import difflib
import logging
from datetime import date, datetime
from typing import Any

import networkx as nx

from ..dedup import counted_evidence
from ..errors import InputError
from ..graph import KnowledgeGraph, documents_of, evidence_of
from ..model import slugify

log = logging.getLogger(__name__)

GraphLike = KnowledgeGraph | nx.MultiDiGraph
"""What every analysis takes first: a :class:`~kg.graph.KnowledgeGraph` or the MultiDiGraph it wraps."""

Edge = tuple[str, str, str]
"""``(source_id, target_id, RELATION)``: one typed edge of the actor graph."""


def as_networkx(G: GraphLike) -> nx.MultiDiGraph:
    """Return the networkx MultiDiGraph behind ``G`` (``G`` itself when it is one).

    Raises
    ------
    TypeError
        When ``G`` is neither a KnowledgeGraph nor a MultiDiGraph.

    Examples
    --------
    >>> as_networkx(KnowledgeGraph()).number_of_nodes()
    0
    """
    if isinstance(G, KnowledgeGraph):
        return G.to_networkx()
    if isinstance(G, nx.MultiDiGraph):
        return G
    raise TypeError(f"expected a KnowledgeGraph or a networkx MultiDiGraph, got {type(G).__name__}")


def name_of(g: nx.MultiDiGraph, n: str) -> str:
    """The display name of actor ``n`` (its id when it has none)."""
    return str(g.nodes[n].get("name", n))


def is_place(g: nx.MultiDiGraph, n: str) -> bool:
    """Whether actor ``n`` is a LOCATION (a target, never a side)."""
    return g.nodes[n].get("type") == "LOCATION"


def actor_id(G: GraphLike, name: str) -> str:
    """Return the id of the actor called ``name`` (id, canonical name or alias).

    Parameters
    ----------
    G : KnowledgeGraph or networkx.MultiDiGraph
    name : str
        An actor id, canonical name or alias; case and surrounding spaces are ignored.

    Returns
    -------
    str

    Raises
    ------
    InputError
        When no actor has that name (the message suggests close names).

    Examples
    --------
    >>> from kg.analysis import from_triples
    >>> G = from_triples([("Russia", "BACKS", "Assad")], aliases={"Assad": ["Bashar al-Assad"]})
    >>> actor_id(G, "bashar al-assad")
    'assad'
    """
    g = as_networkx(G)
    if name in g:
        return name
    key = name.casefold().strip()
    for n, d in g.nodes(data=True):
        if key == str(d.get("name", "")).casefold():
            return n
    for n, d in g.nodes(data=True):
        if key in (a.casefold() for a in d.get("aliases", ())):
            return n
    if slugify(name) in g:
        return slugify(name)
    names = sorted({str(d.get("name", n)) for n, d in g.nodes(data=True)})
    close = difflib.get_close_matches(name, names, n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise InputError(f"unknown actor {name!r}{hint}")


def parse_date(value: Any) -> date | None:
    """The day of an article date (ISO string, date or datetime); ``None`` when absent or unreadable.

    Examples
    --------
    >>> parse_date("2024-12-01T08:00:00"), parse_date(None)
    (datetime.date(2024, 12, 1), None)
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        log.warning("ignoring unparsable date %r", value)
        return None


def user_date(value: str | date | None, what: str) -> date | None:
    """A date the user gave (``since=``, ``until=``).

    Raises
    ------
    InputError
        When it is not a date like 2024-12-01.

    Examples
    --------
    >>> user_date("2024-12-01", "since")
    datetime.date(2024, 12, 1)
    """
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise InputError(f"{what} must be a date like 2024-12-01, not {value!r}") from None


def edge_evidence(g: nx.MultiDiGraph, u: str, v: str, k: str) -> list[dict[str, Any]]:
    """The evidences of the edge ``u -k-> v`` as ``{"doc", "date", "sentence", "confidence"}``.

    The copies of a wire story count once: only the evidences of one copy per story are
    returned (:func:`kg.dedup.counted_evidence`), so reprints never weigh in the analytics.
    A graph read back from a store may carry counts but no evidence list; then the edge
    stands for ``weight`` evidences of its recorded confidence.

    Examples
    --------
    >>> from kg.analysis import from_triples
    >>> g = from_triples([("Iran", "BACKS", "Houthis", "2024-01-12")]).to_networkx()
    >>> edge_evidence(g, "iran", "houthis", "BACKS")[0]["date"]
    '2024-01-12'
    """
    d = g.edges[u, v, k]
    docs = documents_of(g)
    out = [
        {
            "doc": e.get("doc"),
            "date": docs.get(e.get("doc"), {}).get("date"),
            "sentence": e.get("sentence"),
            "confidence": float(e.get("confidence", d.get("confidence", 1.0))),
        }
        for e in counted_evidence(evidence_of(g, u, v, k) or (), docs)
    ]
    if not out:
        out = [
            {
                "doc": None,
                "date": d.get("last_seen"),
                "sentence": None,
                "confidence": float(d.get("confidence", 1.0)),
            }
        ] * int(d.get("weight", 1) or 1)
    return out


def hop_record(g: nx.MultiDiGraph, u: str, v: str, k: str) -> dict[str, Any]:
    """One typed edge as ``{"source", "relation", "target", "weight", "confidence", "evidence"}``."""
    ev = edge_evidence(g, u, v, k)
    return {
        "source": name_of(g, u),
        "relation": k,
        "target": name_of(g, v),
        "weight": len(ev),
        "confidence": round(max(e["confidence"] for e in ev), 4),
        "evidence": [{x: e[x] for x in ("doc", "date", "sentence")} for e in ev if e["sentence"]],
    }


def pair_edges(g: nx.MultiDiGraph, a: str, b: str, directed: bool = False) -> list[Edge]:
    """The typed edges from ``a`` to ``b`` (and back, unless ``directed``), sorted."""
    edges = [(a, b, k) for k in g.get_edge_data(a, b, default={})]
    if not directed and a != b:
        edges += [(b, a, k) for k in g.get_edge_data(b, a, default={})]
    return sorted(edges)
