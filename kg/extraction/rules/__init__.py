"""The rule table: every relation rule, in the order it runs on each token.

A rule is a :class:`Rule`: a name, a cheap test of the token it starts from
(``applies``) and a function ``find(ctx, tok)`` that yields :class:`~.context.Found`
relations over the article's :class:`~.context.Context`.  To add a rule, write it in
the module of its family (or a new module) and add one row to :data:`RULES`; the
order of the rows is the order of the relations found.

Rule families (the name each keeps on its evidence):

- :mod:`.verbs` (``verb``, ``verb-passive``, ``verb-joint``) and :mod:`.verb_frames`;
- :mod:`.nouns` (``noun``, ``noun-between``) and :mod:`.places` (``noun-hands``, ...);
  :mod:`.gerunds` (a sentence-opening "Fighting between X and Y" read as the noun);
- :mod:`.titles` (``title``, ``title-possessive``, ``title-power``, ``title-sworn``);
- :mod:`.affixes` (``affix``); :mod:`.joint` (``alongside``, ``side``);
- :mod:`.formal_acts` (``mediation``, ``designation``, ``formal-act``, ``expulsion``, ``sanctions``,
  ``in-talks``) and
  :mod:`.designations` (``designation-passive``, ``designation-relative``, ``designation-members``);
  :mod:`.vows` (``vow``); :mod:`.demands` (``demand``, ``threat``);
  :mod:`.alliances` (``joined-in``, ``allied-with``, ``loyal-to``, ``allegiance``, ``one-of``,
  ``together``, ``its-allies``, ``turned-to``);
  :mod:`.victims` (``victims``).

Shared parts: :mod:`.context` (the per-document state), :mod:`.clauses` (clause
structure and blocking), :mod:`.names` (actors a modifier or a definite noun names),
:mod:`.arguments` (what a token stands for) and :mod:`.targets` (what an attack on a
thing hits).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from .affixes import affix
from .alliances import (
    alignment,
    allegiance,
    is_alignment,
    is_allegiance,
    is_its_allies,
    is_joining,
    is_one_of,
    is_together,
    is_turning_to,
    its_allies,
    joining,
    one_of,
    together,
    turned_to,
)
from .attribution import branding, criticized_attack, is_branding_verb, is_criticism_verb
from .context import Arg, Context, Found
from .demands import demand, is_demand
from .designations import designated_in_relative, designated_members, designated_passively, is_designating
from .formal_acts import (
    designation,
    diplomatic_act,
    expulsion,
    in_talks,
    is_designation,
    is_diplomatic_act,
    is_expulsion,
    is_in_talks,
    is_mediation,
    is_sanctions,
    mediation,
    sanctions,
)
from .gerunds import event_gerund, is_event_gerund
from .joint import alongside, is_alongside, is_side, side
from .nouns import is_content_noun, noun
from .titles import names_actor, possessed_group, title
from .verbs import headline_verb, is_headline_verb, is_predicate, verb
from .victims import is_killing, victims
from .vows import is_vow, vow

__all__ = ["RULES", "Arg", "Context", "Found", "Rule"]


@dataclass(frozen=True)
class Rule:
    """One rule: its name, when it applies to a token, and what it finds there.

    Examples
    --------
    >>> [r.name for r in RULES]  # doctest: +NORMALIZE_WHITESPACE
    ['affix', 'verb', 'verb-headline', 'noun', 'event-gerund', 'title', 'possessive', 'side', 'alongside', 'mediation',
     'criticism-event', 'branding', 'designation', 'designation-passive', 'designation-relative', 'designation-members',
     'vow', 'demand', 'joined-in', 'allied-with', 'allegiance', 'one-of', 'together', 'its-allies', 'turned-to',
     'formal-act', 'expulsion', 'sanctions', 'in-talks', 'victims']
    """

    name: str
    applies: Callable[[Context, Token], bool]
    find: Callable[[Context, Token], Iterator[Found]]


def _always(ctx: Context, tok: Token) -> bool:
    return True


RULES: tuple[Rule, ...] = (
    Rule("affix", _always, affix),
    Rule("verb", is_predicate, verb),
    Rule("verb-headline", is_headline_verb, headline_verb),
    Rule("noun", lambda ctx, tok: is_content_noun(tok), noun),
    Rule("event-gerund", is_event_gerund, event_gerund),
    Rule("title", names_actor, title),
    Rule("possessive", names_actor, possessed_group),
    Rule("side", lambda ctx, tok: is_side(tok), side),
    Rule("alongside", lambda ctx, tok: is_alongside(tok), alongside),
    Rule("mediation", is_mediation, mediation),
    Rule("criticism-event", is_criticism_verb, criticized_attack),
    Rule("branding", is_branding_verb, branding),
    Rule("designation", is_designation, designation),
    Rule("designation-passive", is_designating, designated_passively),
    Rule("designation-relative", is_designating, designated_in_relative),
    Rule("designation-members", is_designating, designated_members),
    Rule("vow", is_vow, vow),
    Rule("demand", is_demand, demand),
    Rule("joined-in", is_joining, joining),
    Rule("allied-with", is_alignment, alignment),
    Rule("allegiance", is_allegiance, allegiance),
    Rule("one-of", is_one_of, one_of),
    Rule("together", is_together, together),
    Rule("its-allies", is_its_allies, its_allies),
    Rule("turned-to", is_turning_to, turned_to),
    Rule("formal-act", is_diplomatic_act, diplomatic_act),
    Rule("expulsion", is_expulsion, expulsion),
    Rule("sanctions", is_sanctions, sanctions),
    Rule("in-talks", is_in_talks, in_talks),
    Rule("victims", is_killing, victims),
)
