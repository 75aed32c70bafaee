"""Alliance analytics over the actor graph: stances, signed blocs, enemy-of-enemy triads,
support chains, ties over time and centrality.

Every function takes the graph first -- a :class:`~kg.graph.KnowledgeGraph` or the networkx
``MultiDiGraph`` it wraps (layout in :mod:`kg.graph`) -- returns plain data (lists, dicts, or a
new networkx graph) and never mutates its input.  Actor arguments accept an id, a canonical
name or an alias, case-insensitively ("Assad", "HTS").

How relations become signs
--------------------------
Each relation type gets an *alignment sign* (:data:`SIGNS`): the ontology polarity (+1 for
BACKS, ALLIED_WITH, NEGOTIATES_WITH; -1 for CRITICIZES, OPPOSES, ATTACKS, CAPTURED), except the
structural ties LEADS and MEMBER_OF, which count as **+1**: a leader and the government they
head, or a minister and their government, stand on the same side, and without that the person
who is named in a sentence ("Russia backs Assad") would float free of the side they lead.
CALLS_ON and CONTROLS stay **0**: urging someone says nothing about which side one is on, and
control is a tie to a place.  Actors of type LOCATION are left out of every signed analysis
(they are targets, not sides).  Every function that uses signs takes ``signs=`` to override.

The weight of a relation is the sum of the confidences of its evidences (so polarity x number
of evidences x confidence); the *stance* between two actors is the signed weight of all their
relations divided by the unsigned weight, a number in [-1, 1].

Modules
-------
One algorithm family each; everything public is re-exported here, so ``from kg.analysis import
blocs`` and ``kg.analysis.blocs`` both work.

- :mod:`kg.analysis.reading`: actor lookup (:func:`actor_id`), evidence and dates as the analyses see them
- :mod:`kg.analysis.signs`: :data:`SIGNS`, :data:`SUPPORT` and the signed evidence mass
- :mod:`kg.analysis.triples`: :func:`from_triples`, small graphs for examples and what-ifs
- :mod:`kg.analysis.signed`: :func:`stance`, :func:`signed_graph`
- :mod:`kg.analysis.blocs`: :func:`blocs` by structural balance
- :mod:`kg.analysis.chains`: :func:`backers`, :func:`adversaries`, :func:`proxies`, :func:`enemy_of_enemy`
- :mod:`kg.analysis.temporal`: :func:`stance_over_time`, :func:`changes`, :func:`timeline`
- :mod:`kg.analysis.centrality`: :func:`centrality`

Examples
--------
>>> from kg.analysis import blocs, from_triples
>>> G = from_triples([("Russia", "BACKS", "Assad"), ("Turkey", "BACKS", "Rebels"),
...                   ("Rebels", "ATTACKS", "Assad")])
>>> [b["members"] for b in blocs(G)["blocs"]]
[['Assad', 'Russia'], ['Rebels', 'Turkey']]
"""

from __future__ import annotations

from .blocs import blocs
from .centrality import centrality
from .chains import adversaries, backers, enemy_of_enemy, proxies
from .reading import GraphLike as GraphLike
from .reading import actor_id
from .signed import signed_graph, stance
from .signs import SIGNS, SUPPORT
from .temporal import changes, stance_over_time, timeline
from .triples import from_triples

__all__ = [
    "SIGNS",
    "SUPPORT",
    "actor_id",
    "adversaries",
    "backers",
    "blocs",
    "centrality",
    "changes",
    "enemy_of_enemy",
    "from_triples",
    "proxies",
    "signed_graph",
    "stance",
    "stance_over_time",
    "timeline",
]
