"""Typed, directed relations from the dependency parse: the driver over the rule table.

Rules walk the parse tree (never mere co-occurrence) from a predicate to its
arguments.  Each rule lives in the module of its family under :mod:`kg.extraction.rules`
and is registered in one table, :data:`kg.extraction.rules.RULES`; each keeps its name
on the evidence:

- ``verb``: a verb from the lexicon with its subject and object ("Russia backs
  Assad"), passive agents ("is backed by Russia"), relative clauses ("Assad, who is
  backed by ..."), inherited subjects of purpose clauses and conjoined verbs.
- ``noun``: nominalisations ("the military support of Moscow", "a key backer of some
  rebel groups", "airstrikes against ...", "the occupation ... of Hama", "open war
  with Israel", "in government hands", "their last stronghold, Idlib").
- ``title``: titles and roles ("Turkish President Recep Tayyip Erdogan", "the head of
  the HTS, Ahmed al-Shareh", "X in power").
- ``affix``: "Iran-backed", "X-led", "pro-government", "anti-regime".
- ``side``: "on Assad's side".
- ``learned`` (off unless a :class:`~kg.extraction.learned.PairModel` is given): a classifier over
  the pairs of actors of a sentence that no rule related.

Coordination spreads over both sides; negation, denial, conditionals and plans
("would not", "urged X not to", "denied plans to", "if") block a relation.

A relation's confidence is at most its rule's precision measured over the team's gold sets
(``kg/data/rule_confidence.json``, written by ``scripts/rule_precision.py --calibrate``);
lower confidences a rule gives (attributed claims, hedges) stay as they are.
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from .actors import DocumentActors
from .gazetteer import Gazetteer
from .lexicon import Lexicon
from .rules import RULES, Context, Found

if TYPE_CHECKING:  # the classifier is off by default: a run without a model never imports it
    from .learned import PairModel

__all__ = ["Found", "RelationExtractor", "rule_confidence"]


@cache
def rule_confidence() -> dict[str, float]:
    """Each measured rule's calibrated confidence (its precision over the gold sets).

    Examples
    --------
    >>> 0.5 < rule_confidence()["verb"] <= 1.0
    True
    """
    text = resources.files("kg").joinpath("data/rule_confidence.json").read_text(encoding="utf-8")
    return {rule: float(value) for rule, value in json.loads(text).items()}


class RelationExtractor:
    """Finds relations in the parsed pieces of one article.

    Parameters
    ----------
    gazetteer : Gazetteer
    lexicon : Lexicon
    pair_model : PairModel, optional
        A pair classifier (:mod:`kg.extraction.learned`) whose relations are added where no rule
        related the pair in that sentence; without one, the rules alone.

    Examples
    --------
    >>> from kg.extraction.lexicon import load_lexicon
    >>> from kg.nlp import get_nlp
    >>> from kg.extraction.actors import MentionFinder
    >>> from kg.extraction.resolution import Resolver
    >>> nlp, gaz = get_nlp()
    >>> doc = nlp("Russia backs Assad.")
    >>> actors = Resolver(gaz).resolve(MentionFinder(gaz, load_lexicon()).find(0, doc, 0), [doc])
    >>> [(f.source, f.relation, f.target, f.rule) for f in RelationExtractor(gaz, load_lexicon()).extract(
    ...     [doc], actors, [0])]
    [('Russia', 'BACKS', 'Bashar al-Assad', 'verb')]
    """

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon, pair_model: PairModel | None = None) -> None:
        self.gaz = gazetteer
        self.lex = lexicon
        # off by default: out of fold, the classifier's additions lowered F1 (docs/learned-pairs.md)
        self.pair_model = pair_model

    def extract(self, docs: list[Doc], actors: DocumentActors, offsets: list[int]) -> list[Found]:
        """Return every relation found in the parsed pieces ``docs`` of one article
        (``offsets``: where each piece starts in the article)."""
        ctx = self.context(docs, actors, offsets)
        found = self.rule_relations(ctx)
        if self.pair_model is not None:
            from .learned import learned_relations

            # the classifier only adds pairs no rule related in that sentence; the guards apply to it too
            found += learned_relations(ctx, found, self.pair_model)
        return self.guarded(ctx, found)

    def context(self, docs: list[Doc], actors: DocumentActors, offsets: list[int]) -> Context:
        """The state the rules read for one article."""
        return Context(self.gaz, self.lex, actors, docs, offsets)

    @staticmethod
    def rule_relations(ctx: Context) -> list[Found]:
        """What the rules of :data:`~kg.extraction.rules.RULES` find, before the guards."""
        found: list[Found] = []
        for part, doc in enumerate(ctx.docs):
            ctx.part = part
            for tok in doc:
                if tok.is_space or tok.is_punct:
                    continue
                for rule in RULES:
                    if rule.applies(ctx, tok):
                        found += [f for f in rule.find(ctx, tok) if f.source != f.target]
        return found

    @staticmethod
    def guarded(ctx: Context, found: list[Found]) -> list[Found]:
        """``found`` without what the guards leave out, each at most as confident as its rule measured."""
        found = _without_own_side_talks(ctx, found)
        found = [f for f in found if not _state_as_setting(ctx, f)]
        calibrated = rule_confidence()
        # a rule is never surer than it measured; lower confidences (claims, hedges) stay as given
        return [replace(f, confidence=calibrated[f.rule]) if calibrated.get(f.rule, 1.0) < f.confidence else f
                for f in found]


def _state_as_setting(ctx: Context, f: Found) -> bool:
    """True for an attack or capture whose target state the sentence names only as the setting
    ("a Turkish drone strike in northern Syria", "seized a base in Mali"): the site struck lies
    somewhere in that state, and no state is struck or taken by that."""
    if f.relation not in ("ATTACKS", "CAPTURED") or ctx.type_of(f.target) != "STATE":
        return False
    doc = ctx.docs[f.part]
    at = doc.char_span(f.char, f.char + 1, alignment_mode="expand")
    if at is None:
        return False
    sent = at[0].sent
    named = [doc[m.root] for m in ctx.actors.mentions if m.part == f.part and f.target in (m.actor, m.agent)
             and sent.start <= m.root < sent.end]
    return bool(named) and all(t.dep_ == "pobj" and t.head.lower_ in ctx.lex.words["setting_prepositions"]
                               for t in named)


def _without_own_side_talks(ctx: Context, found: list[Found]) -> list[Found]:
    """Leave out talks and alliances between a person and the side they lead or belong to ("President
    Bozize met with military officials"): those are the side's own business."""
    structure = {(f.source, f.target) for f in found
                 if f.relation in ("LEADS", "MEMBER_OF") and ctx.type_of(f.source) == "PERSON"}
    if not structure:
        return found
    return [f for f in found if f.relation not in ("NEGOTIATES_WITH", "ALLIED_WITH")
            or ((f.source, f.target) not in structure and (f.target, f.source) not in structure)]
