"""Sides acting together or taking sides.

- "Rwandan and Mozambican forces recaptured the town": an alliance (``verb-joint``);
- "mediated ... alongside Egypt": joint action (``alongside``);
- "Moscow and Hezbollah on Assad's side", "fighting on the side of X": backing (``side``).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .arguments import args, prep_objects, subject
from .clauses import blocked
from .context import Arg, Context, Found


def joint_action(ctx: Context, agents: list[Arg], verb: Token) -> Iterator[Found]:
    """"Rwandan and Mozambican forces recaptured the town": fighting together is an alliance."""
    sides: list[Arg] = []
    for a in agents:
        key = ctx.agent_key(a.mention)
        if key and key not in {ctx.agent_key(b.mention) for b in sides} \
                and ctx.type_of(key) not in ("PERSON", "LOCATION"):
            sides.append(a)
    if len(sides) > 1:
        yield from ctx.emit(sides[:1], "ALLIED_WITH", sides[1:], verb, "verb-joint", 0.7)


def is_alongside(tok: Token) -> bool:
    """The preposition "alongside"."""
    return tok.lower_ == "alongside" and tok.dep_ == "prep"


def alongside(ctx: Context, prep: Token) -> Iterator[Found]:
    """"announced an initiative alongside Haftar": joint action (not mediating alongside someone)."""
    verb = prep.head
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("dobj", "pobj", "npadvmod") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return
    key = f"{verb.lemma_.lower()} alongside"
    if key in ctx.lex.verbs or blocked(ctx.lex, verb):
        return  # "fight alongside" is the verb rule's
    if verb.lemma_.lower() in ctx.lex.words["mediation_verbs"]:
        return  # co-mediators are no allies: the mediation rule gives each its parties
    agents, passive = subject(ctx, verb)
    if passive:
        return
    yield from ctx.emit(agents, "ALLIED_WITH", prep_objects(ctx, prep), prep, "alongside", 0.7)
    if sent_to_act(ctx, verb):
        # "sent troops into Congo to pursue the ADF alongside Congolese soldiers": sending troops helps
        yield from ctx.emit(agents, "BACKS", prep_objects(ctx, prep), prep, "alongside", 0.7)


def sent_to_act(ctx: Context, verb: Token) -> bool:
    """True for the purpose clause of sending troops: "sent soldiers to fight alongside X",
    "deployed troops to pursue the ADF alongside X"."""
    return verb.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
        and ctx.lex.has("deploying_verbs", verb.head.lemma_.lower()) and not blocked(ctx.lex, verb.head)


def is_side(tok: Token) -> bool:
    """The noun "side"."""
    return tok.lower_ == "side" and tok.pos_ == "NOUN"


def side(ctx: Context, tok: Token) -> Iterator[Found]:
    """"Moscow and Hezbollah on Assad's side", "fighting on the side of X"."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("on", "at", "by"):
        return
    sided = [a for c in tok.children if c.dep_ == "poss" for a in args(ctx, c)]
    sided += [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for a in prep_objects(ctx, c)]
    holder = tok.head.head
    if holder.pos_ in ("VERB", "AUX"):
        agents = subject(ctx, holder)[0]
    else:
        agents = args(ctx, holder)
    if blocked(ctx.lex, holder):
        return
    yield from ctx.emit(agents, "BACKS", sided, tok, "side", 0.8)
