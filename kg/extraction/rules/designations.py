"""Designations the ``designation`` rule leaves alone (rules ``designation-passive``, ``designation-relative``,
``designation-members``).

- Passive voice: "the BLA has been designated a terrorist organisation by the United States
  and Britain" -> each agent OPPOSES the subject.
- A participle set off by commas: "The PKK, designated a terrorist organisation by Turkey and the
  EU, ..." -> each agent OPPOSES the name (also ``designation-passive``).
- A relative clause: "the gang that the administration designated a terrorist organisation", "a
  network it has labeled a terrorist group" -> the subject OPPOSES the group the clause describes
  (``designation-relative``).
- Members named after a class: "designated eight crime groups as terrorist organisations,
  among them the Sinaloa cartel, the Gulf Cartel and MS-13" (or "..., including X and Y",
  "groups such as X") -> the agent OPPOSES each group named.

The verbs are ``designation_verbs`` and the epithets ``actor_epithets`` in
``kg/data/lexicon.json``, as for rule ``designation``.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .arguments import args, prep_objects, subject
from .attribution import epithet_of, is_actor_epithet
from .clauses import SUBJECTS, blocked
from .context import Arg, Context, Found


def is_designating(ctx: Context, tok: Token) -> bool:
    """A verb that may name an actor a terrorist group: a designation verb ("listed") or a verb
    of opposition ("designated", "sanctioned")."""
    lemma = tok.lemma_.lower()
    return tok.pos_ == "VERB" and (lemma in ctx.lex.words["designation_verbs"] or ctx.lex.verbs.get(lemma) == "OPPOSES")


def designated_passively(ctx: Context, tok: Token) -> Iterator[Found]:
    """"X has been designated a terrorist organisation by Y": Y OPPOSES X."""
    reduced = _reduced_passive_subject(ctx, tok)
    if (reduced is None and not any(c.dep_ == "auxpass" for c in tok.children)) or blocked(ctx.lex, tok, "OPPOSES"):
        return
    epithet = _passive_epithet(tok)
    if epithet is None or not is_actor_epithet(ctx, epithet):
        return
    if reduced is not None:
        # "The PKK, designated a terrorist organisation by Turkey and the EU, ...": a participle
        # set off by commas, with its agents after "by"
        agents = [a for c in (*tok.children, *epithet.children) if c.dep_ == "agent"
                  or (c.dep_ == "prep" and c.lower_ == "by") for a in prep_objects(ctx, c)]
        yield from ctx.emit(agents, "OPPOSES", args(ctx, reduced), tok, "designation-passive", 0.8)
        return
    # "The group is banned in Pakistan and has been designated ...": the subject of the first verb
    holder = tok.head if tok.dep_ == "conj" and not any(c.dep_ in SUBJECTS for c in tok.children) else tok
    designated = [a for c in holder.children if c.dep_ in ("nsubjpass", "nsubj") for a in args(ctx, c)]
    agents = [a for c in (*tok.children, *epithet.children) if c.dep_ == "agent" or
              (c.dep_ == "prep" and c.lower_ == "by") for a in prep_objects(ctx, c)]
    yield from ctx.emit(agents, "OPPOSES", designated, tok, "designation-passive", 0.85)


def _reduced_passive_subject(ctx: Context, verb: Token) -> Token | None:
    """The name a participle set off by commas describes ("The PKK, designated ... by Turkey,"),
    or None.  The parser makes the participle either a modifier of the name or, taking it for a
    past tense, the verb of the name."""
    if verb.tag_ not in ("VBN", "VBD") or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    epithet = _passive_epithet(verb)
    holders = (*verb.children, *(epithet.children if epithet is not None else ()))
    if not any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in holders):
        return None
    if verb.dep_ == "acl" and ctx.mention(verb.head) is not None:
        return verb.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    goes_on = any(c.dep_ == "conj" and c.i > verb.i for c in verb.children)
    if verb.tag_ == "VBD" and len(subjects) == 1 and ctx.mention(subjects[0]) is not None \
            and verb.doc[subjects[0].i + 1].text == "," and goes_on:
        return subjects[0]  # "The PKK, designated ... by X, took up arms": the clause goes on after it
    return None


def designated_in_relative(ctx: Context, tok: Token) -> Iterator[Found]:
    """"the gang that the administration designated a terrorist organisation", "a network it
    has labeled a terrorist group": the subject of the relative clause OPPOSES the noun the
    clause describes (rule ``designation-relative``)."""
    if tok.dep_ != "relcl" or blocked(ctx.lex, tok, "OPPOSES"):
        return
    relatives = ctx.lex.words["relative_pronouns"]
    objects = [c for c in tok.children if c.dep_ in ("dobj", "oprd") and c.lower_ not in relatives]
    if len(objects) != 1 or not is_actor_epithet(ctx, objects[0]):
        return  # two objects name the designated group inside the clause (rule ``designation``)
    agents, passive = subject(ctx, tok)
    if passive:
        return
    named = [a for a in args(ctx, tok.head) if ctx.type_of(a.mention.actor or "") not in ("PERSON", "LOCATION")]
    yield from ctx.emit(agents, "OPPOSES", named, tok, "designation-relative", 0.8)


def active_designation(ctx: Context, tok: Token) -> tuple[Token, list[Arg], Token | None] | None:
    """The epithet, the agents and the object of an active designation ("listed the cartels as
    terrorist organisations"), or None when ``tok`` designates nothing."""
    epithet = epithet_of(tok)
    if epithet is None or not is_actor_epithet(ctx, epithet) or blocked(ctx.lex, tok, "OPPOSES"):
        return None
    agents, passive = subject(ctx, tok)
    if passive:
        return None
    return epithet, agents, next((c for c in tok.children if c.dep_ == "dobj" and c.i != epithet.i), None)


def designated_members(ctx: Context, tok: Token) -> Iterator[Found]:
    """"designated eight groups as terrorist organisations, among them A, B and C": the agent
    OPPOSES A, B and C."""
    found = active_designation(ctx, tok)
    if found is None:
        return
    epithet, agents, obj = found
    if obj is None or obj.tag_ != "NNS" or ctx.mention(obj) is not None:
        return  # a named object is rule ``designation``'s
    yield from ctx.emit(agents, "OPPOSES", _members(ctx, tok, obj, epithet), tok, "designation-members", 0.8)


def _passive_epithet(verb: Token) -> Token | None:
    """The epithet of a passive designation: its one object or predicate noun."""
    for c in verb.children:
        if c.dep_ in ("dobj", "oprd", "attr", "xcomp") and c.pos_ in ("NOUN", "PROPN"):
            return c
        if c.dep_ == "prep" and c.lower_ == "as":
            found = next((p for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"), None)
            if found is not None:
                return found
    return None


def _members(ctx: Context, verb: Token, obj: Token, epithet: Token) -> list[Arg]:
    """The groups named as members of the designated class ``obj``."""
    found: list[Arg] = []
    for c in (*obj.children, *epithet.children):
        if c.dep_ == "prep" and c.lower_ in ctx.lex.words["member_list_preps"] and (c.lower_ != "as" or _such(c)):
            found += prep_objects(ctx, c)
    among = next((c.i for c in verb.children if is_among_them(c)), None)
    for c in verb.children:
        # "..., among them the Sinaloa cartel, the Gulf Cartel and MS-13": the phrase hangs on
        # the list's first name or on the verb before it
        if c.dep_ in ("dep", "appos", "npadvmod", "dobj") and c.i > obj.i and c.i != epithet.i and (
                any(is_among_them(p) for p in c.children) or (among is not None and c.i > among)):
            found += [a for named in series(c) for a in args(ctx, named)]
        elif c.dep_ == "prep" and c.lower_ in ctx.lex.words["member_list_preps"] and c.lower_ != "as":
            found += prep_objects(ctx, c)
    return found


def _such(prep: Token) -> bool:
    return any(c.lower_ == "such" for c in (*prep.children, *prep.head.children)) or \
        (prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such")


def series(tok: Token) -> list[Token]:
    """The names of a list the parser chained as appositions and conjuncts ("A, B and C")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ in ("appos", "conj") and c.i > tok.i:
            out += series(c)
    return out


def is_among_them(tok: Token) -> bool:
    return tok.dep_ == "prep" and tok.lower_ == "among" and any(p.lower_ == "them" for p in tok.children)
