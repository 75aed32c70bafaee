"""Ties over time: stance per period, ties that changed sign, and an actor's timeline.

Evidence is dated by its article (:func:`kg.graph.documents_of`); undated evidence is left out.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from typing import Any

import networkx as nx

from ..errors import InputError
from ..graph import documents_of, evidence_of
from ..model import ONTOLOGY
from .reading import GraphLike, actor_id, as_networkx, edge_evidence, name_of, pair_edges, parse_date, user_date
from .signs import EPS, resolve_signs, stance_ratio

_FREQS = ("D", "W", "M", "Q", "Y")


def _dated_signed_evidence(
    g: nx.MultiDiGraph, a: str, b: str, signs: Mapping[str, int], directed: bool = False
) -> Iterator[tuple[tuple[str, str, str], int, float, date, dict[str, Any]]]:
    """Every dated evidence of a signed relation between a and b (see :func:`pair_edges`) as
    ``((source, relation, target), sign, confidence, day, sentence)``, where ``sentence`` is
    ``{"doc", "date", "source", "relation", "target", "sentence"}``; undated evidence is left out."""
    for u, v, k in pair_edges(g, a, b, directed):
        sign = signs.get(k, 0)
        if sign == 0:
            continue
        for e in edge_evidence(g, u, v, k):
            day = parse_date(e["date"])
            if day is None:
                continue
            sentence = {
                "doc": e["doc"],
                "date": day.isoformat(),
                "source": name_of(g, u),
                "relation": k,
                "target": name_of(g, v),
                "sentence": e["sentence"],
            }
            yield (u, k, v), sign, e["confidence"], day, sentence


def _period(d: date, freq: str) -> date:
    if freq == "D":
        return d
    if freq == "W":
        return d - timedelta(days=d.weekday())
    if freq == "M":
        return d.replace(day=1)
    if freq == "Q":
        return d.replace(month=3 * ((d.month - 1) // 3) + 1, day=1)
    return d.replace(month=1, day=1)


def stance_over_time(
    G: GraphLike,
    a: str,
    b: str,
    freq: str = "W",
    *,
    directed: bool = False,
    signs: Mapping[str, int] | None = None,
) -> list[dict[str, Any]]:
    """The stance between two actors per period of article dates.

    Evidence is dated by its document (:func:`kg.graph.documents_of`); undated evidence
    is left out.  Only periods with signed evidence appear.

    Parameters
    ----------
    G : KnowledgeGraph or networkx.MultiDiGraph
    a, b : str
        Actors (id, name or alias).
    freq : {"D", "W", "M", "Q", "Y"}
        Day, ISO week (starting Monday), month, quarter or year.
    directed : bool
        Only count relations from ``a`` to ``b``.
    signs : mapping, optional
        Overrides of :data:`SIGNS`.

    Returns
    -------
    list of dict
        ``{"period", "stance", "evidence", "relations", "sentences"}`` in time order;
        ``period`` is the ISO date the period starts on, ``sentences`` the dated evidence.

    Examples
    --------
    >>> from kg.analysis import from_triples
    >>> G = from_triples([("Turkey", "BACKS", "SDF", "2015-10-05"),
    ...                   ("Turkey", "ATTACKS", "SDF", "2018-01-20"),
    ...                   ("Turkey", "ATTACKS", "SDF", "2018-01-22")])
    >>> [(p["period"], p["stance"], p["evidence"]) for p in stance_over_time(G, "Turkey", "SDF", freq="M")]
    [('2015-10-01', 1.0, 1), ('2018-01-01', -1.0, 2)]
    """
    freq = freq.upper().replace("A", "Y")[:1]
    if freq not in _FREQS:
        raise InputError(f"freq must be one of {', '.join(_FREQS)}, not {freq!r}")
    g = as_networkx(G)
    sg = resolve_signs(signs)
    ia, ib = actor_id(g, a), actor_id(g, b)
    buckets: dict[date, dict[str, Any]] = {}
    for (_, k, _), sign, confidence, day, sentence in _dated_signed_evidence(g, ia, ib, sg, directed):
        p = buckets.setdefault(_period(day, freq), {"pos": 0.0, "neg": 0.0, "rel": defaultdict(int), "sent": []})
        p["pos" if sign > 0 else "neg"] += confidence
        p["rel"][k] += 1
        p["sent"].append(sentence)
    return [
        {
            "period": p.isoformat(),
            "stance": stance_ratio(x["pos"], x["neg"]),
            "evidence": sum(x["rel"].values()),
            "relations": dict(sorted(x["rel"].items())),
            "sentences": sorted(x["sent"], key=lambda s: (s["date"], s["relation"], s["doc"] or "")),
        }
        for p, x in sorted(buckets.items())
    ]


def _same_direction(
    before: list[tuple[str, str, str]], after: tuple[str, str, str]
) -> tuple[tuple[str, str, str], tuple[str, str, str]]:
    """Pick the relation before the change that reads in the direction of the one after (a
    symmetric relation reads either way), so the change can be told as "X -> Y moved from A
    to B"; the strongest relation when none does."""
    (u1, r1, v1) = after
    for u0, r0, v0 in before:
        if (u0, v0) == (u1, v1):
            return (u0, r0, v0), after
    u0, r0, v0 = before[0]
    if ONTOLOGY[r1].symmetric:
        return before[0], (u0, r1, v0)
    for _, r0, _ in before:
        if ONTOLOGY[r0].symmetric:
            return (u1, r0, v1), after
    return before[0], after


def changes(
    G: GraphLike,
    since: str | date | None = None,
    *,
    until: str | date | None = None,
    signs: Mapping[str, int] | None = None,
) -> list[dict[str, Any]]:
    """Ties that changed sign across article dates: "X -> Y moved from BACKS to ATTACKS".

    For every pair of actors, the evidence of each article date is summed into a stance; the
    tie's state on that date is the sign of that stance, shown as its strongest relation (on
    the earlier date, the strongest one that reads in the same direction as the later, if any).
    A change is reported whenever the state flips between consecutive dated states.

    Parameters
    ----------
    G : KnowledgeGraph or networkx.MultiDiGraph
    since, until : str or date, optional
        Only changes whose new state is dated within these bounds (inclusive); the state before
        may be older.
    signs : mapping, optional
        Overrides of :data:`SIGNS`.

    Returns
    -------
    list of dict
        ``{"description", "date", "a", "b", "from", "to", "from_date", "to_date",
        "from_sentences", "to_sentences"}``, where ``from``/``to`` are ``{"source", "relation",
        "target"}`` and the sentences are ``{"doc", "date", "source", "relation", "target",
        "sentence"}``; sorted by date, then pair.

    Examples
    --------
    >>> from kg.analysis import from_triples
    >>> G = from_triples([("Turkey", "BACKS", "SDF", "2015-10-05"),
    ...                   ("Turkey", "ATTACKS", "SDF", "2018-01-20")])
    >>> [(c["description"], c["from_date"], c["date"]) for c in changes(G)]
    [('Turkey -> SDF moved from BACKS to ATTACKS', '2015-10-05', '2018-01-20')]
    >>> changes(G, since="2019-01-01")
    []
    """
    g = as_networkx(G)
    sg = resolve_signs(signs)
    lo, hi = user_date(since, "since"), user_date(until, "until")
    pairs = sorted({tuple(sorted((u, v))) for u, v in g.edges() if u != v})
    out = []
    for a, b in pairs:
        # date -> relation triple -> (mass, sentences)
        days: dict[date, dict[tuple[str, str, str], list]] = defaultdict(dict)
        for triple, sign, confidence, day, sentence in _dated_signed_evidence(g, a, b, sg):
            slot = days[day].setdefault(triple, [0.0, []])
            slot[0] += sign * confidence
            slot[1].append(sentence)
        states = []
        for d in sorted(days):
            net = sum(m for m, _ in days[d].values())
            if abs(net) <= EPS:
                continue
            sign = 1 if net > 0 else -1
            candidates = sorted(
                ((abs(m), t) for t, (m, _) in days[d].items() if (m > 0) == (sign > 0)),
                key=lambda c: (-c[0], c[1]),
            )
            sentences = [s for t, (m, ss) in sorted(days[d].items()) if (m > 0) == (sign > 0) for s in ss]
            states.append((d, sign, [t for _, t in candidates], sentences))
        for (d0, s0, c0, sent0), (d1, s1, c1, sent1) in itertools.pairwise(states):
            if s0 == s1 or (lo and d1 < lo) or (hi and d1 > hi):
                continue
            (u0, r0, v0), (u1, r1, v1) = _same_direction(c0, c1[0])
            if (u0, v0) == (u1, v1):
                text = f"{name_of(g, u1)} -> {name_of(g, v1)} moved from {r0} to {r1}"
            else:
                text = f"{name_of(g, u0)} {r0} {name_of(g, v0)} -> {name_of(g, u1)} {r1} {name_of(g, v1)}"
            out.append(
                {
                    "description": text,
                    "date": d1.isoformat(),
                    "a": name_of(g, a),
                    "b": name_of(g, b),
                    "from": {"source": name_of(g, u0), "relation": r0, "target": name_of(g, v0)},
                    "to": {"source": name_of(g, u1), "relation": r1, "target": name_of(g, v1)},
                    "from_date": d0.isoformat(),
                    "to_date": d1.isoformat(),
                    "from_sentences": sent0,
                    "to_sentences": sent1,
                }
            )
    out.sort(key=lambda c: (c["date"], c["a"], c["b"]))
    return out


def timeline(G: GraphLike, actor: str) -> list[dict[str, Any]]:
    """Every evidence sentence of every relation touching ``actor``, in article-date order.

    The Python twin of ``cypher/timeline.cypher``: the same rows in the same order.

    Parameters
    ----------
    G : KnowledgeGraph or networkx.MultiDiGraph
    actor : str
        Id, name or alias.

    Returns
    -------
    list of dict
        ``{"date", "document", "source", "relation", "target", "sentence"}``, by date (undated
        last), document, position in the document, relation, source and target.

    Examples
    --------
    >>> from kg.analysis import from_triples
    >>> G = from_triples([("Russia", "ATTACKS", "HTS", "2024-11-30"),
    ...                   ("Russia", "NEGOTIATES_WITH", "HTS", "2025-01-28")])
    >>> [(r["date"], r["relation"]) for r in timeline(G, "HTS")]
    [('2024-11-30', 'ATTACKS'), ('2025-01-28', 'NEGOTIATES_WITH')]
    """
    g = as_networkx(G)
    a = actor_id(g, actor)
    docs = documents_of(g)
    rows = []
    seen = set()
    for u, v, k in itertools.chain(g.out_edges(a, keys=True), g.in_edges(a, keys=True)):
        if (u, v, k) in seen:
            continue
        seen.add((u, v, k))
        for e in evidence_of(g, u, v, k):
            rows.append(
                (
                    docs.get(e["doc"], {}).get("date"),
                    e["doc"],
                    e.get("start", 0),
                    {
                        "date": docs.get(e["doc"], {}).get("date"),
                        "document": e["doc"],
                        "source": name_of(g, u),
                        "relation": k,
                        "target": name_of(g, v),
                        "sentence": e["sentence"],
                    },
                )
            )
    rows.sort(key=lambda r: (r[0] is None, r[0] or "", r[1], r[2], r[3]["relation"], r[3]["source"], r[3]["target"]))
    return [r[3] for r in rows]
