"""People and places named in a list after the object (rules ``victims``, ``listed-places``).

"The gangs killed at least 10 people, among them two nuns, Evanette Onezaire and Jeanne
Voltaire", "Israel killed much of Hezbollah's leadership, including its chief Hassan
Nasrallah": each person named is an ATTACKS target of the killers.  Unnamed victims give
nothing (see CONVENTIONS), and the object itself stays the verb rule's.  "seized several towns,
among them Chinshwehaw and Laukkai", "held 100 settlements, including the town of Sudzha",
"attacked villages, including Tibu": each place named is a target of the verb's relation.

The verbs are the ATTACKS, CAPTURED and CONTROLS verbs of ``kg/data/lexicon.json``; the list
prepositions ``member_list_preps``.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .arguments import args, subject
from .attribution import last_attackers
from .clauses import blocked, object_of
from .context import Arg, Context, Found
from .designations import is_among_them, series
from .names import new_place
from .nouns import noun_relation, noun_roles


def is_killing(ctx: Context, tok: Token) -> bool:
    """An ATTACKS, CAPTURED or CONTROLS verb of the lexicon ("killed", "seized", "held")."""
    return tok.pos_ == "VERB" and ctx.lex.verbs.get(ctx.lex.verb_lemma(tok)) in ("ATTACKS", "CAPTURED", "CONTROLS")


def victims(ctx: Context, tok: Token) -> Iterator[Found]:
    """The killers attack each person named in the list of their victims; each place named in a
    list of places struck, taken or held is struck, taken or held."""
    relation = ctx.lex.verbs[ctx.lex.verb_lemma(tok)]
    heads = _list_heads(ctx, tok)
    if not heads or blocked(ctx.lex, tok, relation):
        return
    agents, passive = subject(ctx, tok)
    listed = [t for head in heads for t in series(head)]
    named = [a for t in listed for a in args(ctx, t)]
    if passive:
        # "five of its members were killed, among them A and B": by the attack the sentence or the article names
        if relation == "ATTACKS" and not agents:
            agents, people = unnamed_killers(ctx, tok, named)
            yield from ctx.emit(agents, "ATTACKS", people, tok, "victims", 0.7)
        return
    obj = object_of(tok)
    place_list = obj is not None and any(ctx.lex.has("place_heads", o) for o in (obj, *obj.conjuncts))
    if place_list:
        # "seized several towns, including Sake and Minova": the names the tagger took for
        # people or organisations, or missed, are towns too
        for a in named:
            rec = ctx.actors.actors.get(a.mention.actor or "")
            if rec is not None and rec.entry is None and rec.type in ("ORGANIZATION", "PERSON"):
                rec.type = "LOCATION"
        named += [a for t in listed for a in new_place(ctx, t)]
    if relation == "ATTACKS":
        people = [a for a in named if ctx.type_of(a.mention.actor or "") == "PERSON"]
        yield from ctx.emit(agents, "ATTACKS", people, tok, "victims", 0.8)
    if place_list:
        # "seized several towns, among them X": only a list of places is one of places
        places = [a for a in named if ctx.is_place(a.mention)]
        yield from ctx.emit(agents, relation, places, tok, "listed-places", 0.8)


def _list_heads(ctx: Context, verb: Token) -> list[Token]:
    """The first names of the lists after "including" or "among them" on the verb or its object."""
    heads: list[Token] = []
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for holder in (verb, *objects):
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ in ctx.lex.words["member_list_preps"] and c.lower_ != "as":
                heads += [p for p in c.children if p.dep_ == "pobj"]
            elif is_among_them(c):
                # "seized several towns, among them X and Y": the parser hung the names on "among"
                heads += [p for p in c.children if p.dep_ == "pobj" and p.lower_ != "them"]
            elif c.dep_ in ("dobj", "dep", "appos", "npadvmod") and any(is_among_them(p) for p in c.children):
                heads.append(c)  # "..., among them two nuns, A and B"
    return heads


def unnamed_killers(ctx: Context, verb: Token, victims: list[Arg]) -> tuple[list[Arg], list[Arg]]:
    """Who killed the victims of a passive killing with no agent, and which victims that names:
    the makers of the attack it happened in ("X and several ministers were killed in an Israeli air
    strike"), or, with no attack named there, the attackers the article reported last, for named
    people only ("Police sergeant Afrim Bunjaku was killed")."""
    people = [a for a in victims if ctx.type_of(a.mention.actor or "") == "PERSON"]
    if not people:
        return [], []  # (soldiers killed in an attack: the noun rule's ``victims_side``)
    settings = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ctx.lex.words["event_setting_prepositions"]
                for p in c.children if p.dep_ == "pobj"]
    for p in settings:
        if p.pos_ == "NOUN" and noun_relation(ctx, p) == "ATTACKS":
            return noun_roles(ctx, p, "ATTACKS")[0], people
    if settings:
        return [], []
    return [Arg(a.mention, 0.8 * a.confidence) for a in last_attackers(ctx, verb)], people
