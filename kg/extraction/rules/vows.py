"""Vows to fight on (rule ``vow``): a stance against the enemy named, OPPOSES.

"vowed to keep fighting American forces", "vowed to lead the fight against al-Shabaab",
"vowed revenge against Israel", "vowed a crushing response to Israel",
"vowed that Cambodia would strike back at Thai forces", "vowed to fight on until the RSF is defeated",
"vowed that the rebels would be crushed": no attack has happened yet, but the
one who vows stands against the enemy.  (A vow whose attack verb is the vow's own complement,
"vowed to destroy Hamas", is read by the verb rule.)

Words: ``pledge_verbs`` (the vows), ``vow_carrier_verbs`` ("keep fighting", "lead the fight"),
``vow_answer_nouns`` ("response ... to") and ``vow_fight_nouns`` in ``kg/data/lexicon.json``, with
its verbs and nouns of ATTACKS.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .arguments import args, prep_objects, subject
from .clauses import blocked
from .context import Arg, Context, Found

# the preposition phrases that name whom an attack or a fight is against
_ENEMY_PREPS = ("against", "on", "at")


def is_vow(ctx: Context, tok: Token) -> bool:
    """"vowed", "pledged", "promised"."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in ctx.lex.words["pledge_verbs"]


def vow(ctx: Context, tok: Token) -> Iterator[Found]:
    """The one who vows to fight an enemy OPPOSES it."""
    if blocked(ctx.lex, tok, "OPPOSES"):
        return
    agents, passive = subject(ctx, tok)
    if passive or not agents:
        return
    for comp in tok.children:
        if comp.dep_ in ("xcomp", "ccomp") and comp.pos_ in ("VERB", "AUX"):
            yield from ctx.emit(agents, "OPPOSES", _enemies(ctx, comp), tok, "vow", 0.75)
        elif comp.dep_ == "dobj" and (comp.lemma_.lower() in ctx.lex.words["vow_fight_nouns"]
                                      or comp.lemma_.lower() in ctx.lex.words["vow_answer_nouns"]):
            # "vowed revenge against Israel", "vowed a crushing response to Israel"
            preps = _ENEMY_PREPS + (("to",) if comp.lemma_.lower() in ctx.lex.words["vow_answer_nouns"] else ())
            enemies = [a for c in comp.children if c.dep_ == "prep" and c.lower_ in preps for a in prep_objects(ctx, c)]
            yield from ctx.emit(agents, "OPPOSES", enemies, tok, "vow", 0.75)


def _enemies(ctx: Context, verb: Token) -> list[Arg]:
    """Whom the vowed fighting is against, through "keep", "lead the fight", "take revenge"."""
    for _ in range(3):
        if any(c.dep_ == "neg" for c in verb.children):
            return []
        lemma = verb.lemma_.lower()
        if ctx.lex.verbs.get(lemma) == "ATTACKS" and lemma not in ctx.lex.words["vow_carrier_verbs"]:
            # ("keep fighting until Hamas is destroyed": the clause may hang on the carrier verb)
            carrier = verb.head if verb.dep_ == "xcomp" else verb
            return _attacked(ctx, verb) + _prep_enemies(ctx, verb) + _until_enemies(ctx, verb) + (
                _until_enemies(ctx, carrier) if carrier is not verb else [])
        if lemma not in ctx.lex.words["vow_carrier_verbs"]:
            return []
        fight = next((c for c in verb.children if c.dep_ == "dobj"
                      and c.lemma_.lower() in ctx.lex.words["vow_fight_nouns"]), None)
        if fight is not None:
            return _prep_enemies(ctx, fight)
        following = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if following is None:
            return []
        verb = following
    return []


def _attacked(ctx: Context, verb: Token) -> list[Arg]:
    """The object of an attack verb, or its subject when it is passive ("vowed that the ADF would be
    crushed")."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return [a for c in verb.children if c.dep_ == "nsubjpass" for a in args(ctx, c)]
    return [a for c in verb.children if c.dep_ == "dobj" for a in args(ctx, c)]


def _until_enemies(ctx: Context, verb: Token) -> list[Arg]:
    """"vowed to fight on until the RSF is defeated": the one the fighting is to defeat."""
    return [a for c in verb.children if c.dep_ == "advcl" and ctx.lex.verbs.get(c.lemma_.lower()) == "ATTACKS"
            and any(m.dep_ == "mark" and m.lower_ == "until" for m in c.children) for a in _attacked(ctx, c)]


def _prep_enemies(ctx: Context, tok: Token) -> list[Arg]:
    return [a for c in tok.children if c.dep_ == "prep" and c.lower_ in _ENEMY_PREPS for a in prep_objects(ctx, c)]
