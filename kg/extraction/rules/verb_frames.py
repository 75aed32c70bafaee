"""Verbs with a frame of their own, reached from the verb rule by their lemma.

- "The alliance, which also includes the TNLA": its members (``verb-includes``);
- "a coalition formed by the G9 and G-Pep": its founders are members (``verb-formed``);
- "The alliance is made up of the TNLA and the AA": its members (``verb-includes``);
- "X was sworn in as prime minister": X leads (``title-sworn``);
- "their vehicle came under fire from Azerbaijani forces", "came under attack by JNIM": an
  attack (``verb-under``).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .alliances import founders as own_founders
from .arguments import args, prep_objects, subject
from .clauses import blocked, collective, object_of, patient
from .context import Arg, Context, Found
from .targets import target_fallback


def came_under(ctx: Context, verb: Token) -> Iterator[Found]:
    """"their vehicle came under fire from Azerbaijani forces": the shooters attack the subject."""
    under = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "under"), None)
    if under is None or blocked(ctx.lex, verb):
        return
    what = next((p for p in under.children if p.dep_ == "pobj"), None)
    if what is None or ctx.lex.nouns.get(what.lemma_.lower()) != "ATTACKS":
        return
    # "came under fire from Azerbaijani forces", "came under attack by JNIM fighters"
    attackers = [a for p in (*verb.children, *what.children) if p.dep_ in ("prep", "agent")
                 and p.lower_ in ("from", "by") for a in prep_objects(ctx, p)]
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    victims = args(ctx, subj)
    if not victims:
        victims = target_fallback(ctx, subj) if subj is not None else []
    yield from ctx.emit(attackers, "ATTACKS", victims, verb, "verb-under", 0.8)


def sworn_in(ctx: Context, verb: Token) -> Iterator[Found]:
    """"X was sworn in as prime minister": X leads (the government of the article)."""
    if not any(c.dep_ == "prt" and c.lower_ == "in" for c in verb.children) or blocked(ctx.lex, verb):
        return
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                title = " ".join([x.lower_ for x in p.children if x.dep_ in ("compound", "amod")
                                  and x.i == p.i - 1] + [p.lower_])
                rel = ctx.lex.nouns.get(title) or ctx.lex.nouns.get(p.lower_)
                if rel not in ("LEADS", "MEMBER_OF"):
                    continue
                orgs = [a for cc in p.children if cc.dep_ == "prep" and cc.lower_ == "of"
                        for a in prep_objects(ctx, cc)]
                if not orgs and ctx.actors.home:
                    orgs = [Arg(ctx.synthetic_government(ctx.actors.home, p), 0.7)]
                people = [a for a in args(ctx, patient(ctx.lex, verb))
                          if ctx.type_of(a.mention.actor or "") == "PERSON"]
                yield from ctx.emit(people, rel, orgs, verb, "title-sworn", 0.8)


def formed_by(ctx: Context, verb: Token) -> Iterator[Found]:
    """"a coalition formed by the G9 and G-Pep": the founders are its members."""
    whole = verb.head if verb.dep_ == "acl" else None
    if whole is None or whole.lemma_.lower() not in ctx.lex.words["collective_nouns"]:
        return
    members, passive = subject(ctx, verb)
    if passive:
        yield from ctx.emit(members, "MEMBER_OF", args(ctx, whole), verb, "verb-formed", 0.75)


def founded_together(ctx: Context, verb: Token) -> Iterator[Found]:
    """"Mali, Burkina Faso and Niger have formed the Alliance of Sahel States": several founders
    are members of what they form, and allies (``verb-founded``)."""
    if blocked(ctx.lex, verb):
        return
    founders, passive = subject(ctx, verb)
    if passive or len({f.mention.actor for f in founders}) < 2:
        founders, passive = own_founders(ctx, verb), False  # the parse hung the verb on a passive one
    if len({f.mention.actor for f in founders}) < 2:
        return
    whole = object_of(verb)
    if whole is None:
        return
    groups = [w for w in args(ctx, whole) if ctx.type_of(w.mention.actor or "") in ("ARMED_GROUP", "ORGANIZATION")]
    if not groups and not ctx.lex.has("collective_nouns", whole):
        return
    yield from ctx.emit(founders, "MEMBER_OF", groups, verb, "verb-founded", 0.8)
    for i, first in enumerate(founders):
        yield from ctx.emit([first], "ALLIED_WITH", founders[i + 1:], verb, "verb-founded", 0.75)


def includes(ctx: Context, verb: Token) -> Iterator[Found]:
    """"The alliance, which also includes the TNLA and the AA": members of a group."""
    if blocked(ctx.lex, verb):
        return
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in ctx.lex.words["relative_pronouns"] and verb.dep_ == "relcl":
        wholes = args(ctx, collective(ctx.lex, verb.head))
    else:
        wholes, _ = subject(ctx, verb)
    yield from _members(ctx, verb, args(ctx, object_of(verb)), wholes)


def composed_of(ctx: Context, verb: Token, prep: Token) -> Iterator[Found]:
    """"The alliance is made up of / composed of / consists of the TNLA and the AA"."""
    if blocked(ctx.lex, verb):
        return
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in ctx.lex.words["relative_pronouns"] and verb.dep_ == "relcl":
        subj = collective(ctx.lex, verb.head)
    elif subj is None and verb.dep_ in ("acl", "relcl"):
        subj = collective(ctx.lex, verb.head)  # "an alliance made up of ..."
    yield from _members(ctx, verb, prep_objects(ctx, prep), args(ctx, subj))


def _members(ctx: Context, verb: Token, parts: list[Arg], wholes: list[Arg]) -> Iterator[Found]:
    """Groups that are parts of a group or organisation (never places or people)."""
    wholes = [w for w in wholes if ctx.type_of(w.mention.actor or "") in ("ARMED_GROUP", "ORGANIZATION")]
    parts = [p for p in parts if ctx.type_of(p.mention.actor or "") not in ("LOCATION", "PERSON")]
    yield from ctx.emit(parts, "MEMBER_OF", wholes, verb, "verb-includes", 0.8)
