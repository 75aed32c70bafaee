"""Alignment signs of the relation types, and the signed evidence mass between actors.

See :mod:`kg.analysis` for why LEADS and MEMBER_OF count as +1 and CALLS_ON and CONTROLS as 0.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

import networkx as nx

from ..model import ONTOLOGY
from .reading import Edge, edge_evidence

SIGNS: dict[str, int] = {
    **{name: spec.polarity for name, spec in ONTOLOGY.items()},
    "LEADS": +1,
    "MEMBER_OF": +1,
}
"""Alignment sign of each relation type (see the :mod:`kg.analysis` docstring for the choices)."""

SUPPORT: tuple[str, ...] = ("BACKS", "ALLIED_WITH")
"""Relation types a support chain may follow (ALLIED_WITH in both directions)."""

EPS = 1e-9
"""Masses closer than this count as equal."""


def resolve_signs(signs: Mapping[str, int] | None) -> Mapping[str, int]:
    """:data:`SIGNS` with the user's overrides (relation names in any case).

    Examples
    --------
    >>> resolve_signs({"leads": 0})["LEADS"], resolve_signs(None)["LEADS"]
    (0, 1)
    """
    return SIGNS if signs is None else {**SIGNS, **{k.upper(): v for k, v in signs.items()}}


def net_mass(
    g: nx.MultiDiGraph,
    edges: Iterable[Edge],
    signs: Mapping[str, int],
    confidence: bool = True,
) -> tuple[float, float, int, dict[str, int]]:
    """Positive mass, negative mass, signed evidence count and count per relation type of
    ``edges``; the mass of an evidence is its confidence, or 1 without ``confidence``.

    Examples
    --------
    >>> from kg.analysis import from_triples
    >>> g = from_triples([("A", "BACKS", "B"), ("A", "ATTACKS", "B")], confidence=0.5).to_networkx()
    >>> net_mass(g, [("a", "b", "BACKS"), ("a", "b", "ATTACKS")], SIGNS)
    (0.5, 0.5, 2, {'BACKS': 1, 'ATTACKS': 1})
    """
    pos = neg = 0.0
    n = 0
    per_type: dict[str, int] = defaultdict(int)
    for u, v, k in edges:
        sign = signs.get(k, 0)
        if sign == 0:
            continue
        for e in edge_evidence(g, u, v, k):
            n += 1
            per_type[k] += 1
            mass = e["confidence"] if confidence else 1.0
            if sign > 0:
                pos += mass
            else:
                neg += mass
    return pos, neg, n, dict(per_type)


def stance_ratio(pos: float, neg: float) -> float:
    """``(pos - neg) / (pos + neg)`` rounded to 4 places; 0 without any mass.

    Examples
    --------
    >>> stance_ratio(3.0, 1.0), stance_ratio(0.0, 0.0)
    (0.5, 0.0)
    """
    return round((pos - neg) / (pos + neg), 4) if pos + neg > EPS else 0.0
