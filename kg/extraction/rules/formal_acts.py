"""Formal acts that state a relation without its usual verb (rule ``mediation``).

A mediator, broker or host negotiates with each party, and the parties with each other:
"Qatar, which has mediated between Israel and Hamas", "Oman brokered a truce between
Washington and the Houthis", "talks hosted by Turkey", "a deal brokered by China", "the
Qatar-brokered ceasefire".  The parties are those of a "between" phrase; failing that, the
actors of the clause the deal or the talks belong to ("the MNDAA handed Lashio back to the
military under a deal brokered by China": the MNDAA and the military).

The verbs are ``mediation_verbs`` and the modifiers ``mediation_affixes`` in
``kg/data/lexicon.json``.

Rule ``formal-act``: a formal step against an actor is OPPOSES: "put Cherizier under sanctions"
(``sanction_nouns``), "recalled its ambassador from Bangkok" or "to Israel"
(``diplomat_nouns``), "froze its participation in the CSTO" (``membership_nouns`` after a verb
of ``ties_breaking_verbs``), "suspended the BBC", "the group is banned in Pakistan", "suspended
Mali from the bloc" (``banning_verbs``); the verbs are ``formal_act_verbs``.

Rule ``expulsion``: "expelled French troops", "expelled Pakistani military advisers" (a verb of
``expulsion_verbs`` with an object of ``expelled_nouns`` and no place it is driven from): a break
with the state whose people are sent home, OPPOSES.

Rule ``sanctions``: "announced sanctions targeting X", "unveiled new sanctions against X"
(``sanctioning_verbs``).  Rule ``in-talks``: "X has been in talks with Y through Chadian
mediators" (``talks_nouns``).  (Designations, sanctions,
sending troops to help and vows of revenge are verbs and nouns of the lexicon, read by the verb
and noun rules; "listed X as a terrorist organisation" is rule ``designation``, its verbs ``designation_verbs``.)
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .arguments import args, prep_objects, subject
from .clauses import SUBJECTS, blocked, verb_keys
from .context import Arg, Context, Found
from .designations import active_designation
from .names import lookup_affix
from .nouns import between

# the preposition phrases of a clause whose objects may be a party to a deal
_PARTY_PREPS = ("to", "with")


def is_mediation(ctx: Context, tok: Token) -> bool:
    """A mediation verb ("mediated", "brokered", "hosted") or an "X-brokered" modifier."""
    if tok.pos_ in ("VERB", "ADJ") and tok.lemma_.lower() in ctx.lex.words["mediation_verbs"]:
        return True
    name, _, suffix = tok.text.rpartition("-")
    return bool(name) and suffix.lower() in ctx.lex.words["mediation_affixes"]


def mediation(ctx: Context, tok: Token) -> Iterator[Found]:
    """The mediator negotiates with each party, and the parties with each other."""
    name, _, suffix = tok.text.rpartition("-")
    if name and suffix.lower() in ctx.lex.words["mediation_affixes"]:
        # "the Qatar-brokered ceasefire between Israel and Iran"
        found = lookup_affix(ctx, name, tok)
        if found is None or tok.dep_ not in ("amod", "compound"):
            return
        mediators = [Arg(found, 0.9)]
        parties = _deal_parties(ctx, tok.head)
    else:
        if blocked(ctx.lex, tok):
            return
        mediators, passive = subject(ctx, tok)
        # "Qatar, which has mediated between Israel and Hamas alongside Egypt": a co-mediator
        holders = (tok, _object(tok)) if not passive else (tok,)
        mediators += [a for h in holders if h is not None for c in h.children
                      if c.dep_ == "prep" and c.lower_ == "alongside" for a in prep_objects(ctx, c)]
        deal = tok.head if passive and tok.dep_ in ("acl", "relcl", "amod") else _talks_counted(ctx, _object(tok))
        parties = between(ctx, tok)
        if not parties and deal is not None:
            parties = _deal_parties(ctx, deal)
        if not parties and passive and tok.dep_ == "advcl":
            # "At the meeting, hosted by Fidan, the two delegations agreed ...": the clause's actors
            parties = _actors(ctx, subject(ctx, tok.head)[0])
    if not mediators or len(parties) < 2:
        return
    yield from ctx.emit(mediators, "NEGOTIATES_WITH", parties, tok, "mediation", 0.85)
    for k, first in enumerate(parties):
        yield from ctx.emit([first], "NEGOTIATES_WITH", parties[k + 1:], tok, "mediation", 0.8)


def _talks_counted(ctx: Context, obj: Token | None) -> Token | None:
    """The talks of "hosted months of talks", "several rounds of talks between X and Y"; else
    the object itself."""
    def is_talks(t: Token) -> bool:
        return ctx.lex.nouns.get(t.lemma_.lower(), ctx.lex.nouns.get(t.lower_)) == "NEGOTIATES_WITH"

    if obj is None or is_talks(obj):
        return obj
    counted = [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
               if p.dep_ == "pobj" and is_talks(p)]
    return counted[0] if counted else obj


def is_designation(ctx: Context, tok: Token) -> bool:
    """"listed", "declared", "named": a verb that may list an actor as a terrorist group."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in ctx.lex.words["designation_verbs"]


def designation(ctx: Context, tok: Token) -> Iterator[Found]:
    """"listed the cartels as terrorist organisations", "declared the gangs terrorist groups":
    a formal act against them (rule ``designation``)."""
    found = active_designation(ctx, tok)
    if found is None:
        return
    _, agents, named = found
    yield from ctx.emit(agents, "OPPOSES", args(ctx, named), tok, "designation", 0.85)


def is_diplomatic_act(ctx: Context, tok: Token) -> bool:
    """A verb of sanctioning or breaking off by a formal step: "put" (under sanctions),
    "recalled" (an envoy), "froze" (its participation in)."""
    lemma = tok.lemma_.lower()
    return tok.pos_ == "VERB" and (lemma in ctx.lex.words["formal_act_verbs"] or lemma in ctx.lex.ties_breaking_verbs
                                   or lemma in ctx.lex.words["banning_verbs"])


def diplomatic_act(ctx: Context, tok: Token) -> Iterator[Found]:
    """"put X under sanctions", "recalled its envoy from X" (or "to X"), "froze
    its participation in X": the actor OPPOSES X (rule ``formal-act``)."""
    if blocked(ctx.lex, tok, "OPPOSES"):
        return
    agents, passive = subject(ctx, tok)
    if tok.lemma_.lower() in ctx.lex.words["banning_verbs"]:
        banned = list(_banned(ctx, tok, agents, passive))
        if banned:
            yield from banned
            return
    obj = _object(tok)
    if obj is None:
        return
    words = ctx.lex.words
    preps = {c.lower_: c for c in (*tok.children, *obj.children) if c.dep_ == "prep"}
    if "under" in preps and any(p.lemma_.lower() in words["sanction_nouns"] for p in preps["under"].children):
        targets = args(ctx, obj) if not passive else [a for c in tok.children if c.dep_ == "nsubjpass"
                                                      for a in args(ctx, c)]
    elif ctx.lex.has("diplomat_nouns", obj) and not passive:
        # "recalled its ambassador from Phnom Penh", "recalled its envoy to Israel" (the verb
        # rule reads "expelled Cambodia's envoy")
        targets = [a for k in ("from", "to") if k in preps for a in prep_objects(ctx, preps[k])]
    elif obj.lemma_.lower() in words["membership_nouns"] and not passive \
            and tok.lemma_.lower() in ctx.lex.ties_breaking_verbs:
        targets = [a for k in ("in", "with") if k in preps for a in prep_objects(ctx, preps[k])]
    else:
        return
    yield from ctx.emit(agents, "OPPOSES", targets, tok, "formal-act", 0.8)


def is_expulsion(ctx: Context, tok: Token) -> bool:
    """"expelled", "kicked out"."""
    words = ctx.lex.words["expulsion_verbs"]
    return tok.pos_ == "VERB" and (tok.lemma_.lower() in words or any(
        key in words for key, _ in verb_keys(tok, ctx.lex)))  # ("kicked out": the verb with its particle)


def expulsion(ctx: Context, tok: Token) -> Iterator[Found]:
    """The state whose troops or advisers are expelled is opposed ("expelled French troops"); a
    force driven from a place is fought, the verb rule's ("expelled the RSF from Omdurman")."""
    if blocked(ctx.lex, tok, "OPPOSES") or any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children):
        return
    agents, passive = subject(ctx, tok)
    if passive:
        return
    expelled = [c for c in tok.children if c.dep_ == "dobj" and ctx.lex.has("expelled_nouns", c)]
    # "Pakistani military advisers": the state is the modifier when the noun names no one
    states = [a for c in expelled for a in args(ctx, c) or [
        a for m in c.children if m.dep_ in ("amod", "compound", "poss") for a in args(ctx, m)]
        if ctx.type_of(a.mention.actor or "") in ("STATE", "GOVERNMENT")]
    yield from ctx.emit(agents, "OPPOSES", states, tok, "expulsion", 0.8)


def is_sanctions(ctx: Context, tok: Token) -> bool:
    """"sanctions" as the object of a verb that imposes them ("announced sanctions")."""
    return tok.dep_ == "dobj" and tok.lemma_.lower() in ctx.lex.words["sanction_nouns"] \
        and tok.head.lemma_.lower() in ctx.lex.words["sanctioning_verbs"]


def sanctions(ctx: Context, tok: Token) -> Iterator[Found]:
    """"announced sanctions targeting Iran's Quds Force", "unveiled new sanctions against the
    Wagner Group": the one who imposes them OPPOSES their target (rule ``sanctions``)."""
    verb = tok.head
    if blocked(ctx.lex, verb, "OPPOSES"):
        return
    agents, passive = subject(ctx, verb)
    if passive:
        return
    targets = [a for c in tok.children if c.dep_ == "prep" and c.lower_ in ("against", "on")
               for a in prep_objects(ctx, c)]
    targets += [a for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() == "target"
                for o in c.children if o.dep_ == "dobj" for a in args(ctx, o)]
    yield from ctx.emit(agents, "OPPOSES", targets, tok, "sanctions", 0.8)


def is_in_talks(ctx: Context, tok: Token) -> bool:
    """"talks" or "negotiations" after "in" ("has been in talks with", "remain in talks")."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.lemma_.lower() in ctx.lex.words["talks_nouns"]


def in_talks(ctx: Context, tok: Token) -> Iterator[Found]:
    """"X has been in talks with Y through Chadian mediators": X NEGOTIATES_WITH Y, and the
    mediators with each (rule ``in-talks``)."""
    verb = tok.head.head
    if verb.pos_ not in ("VERB", "AUX") or blocked(ctx.lex, verb, "NEGOTIATES_WITH") or any(
            c.dep_ == "aux" and ctx.lex.has("hedges", c) for c in verb.children):
        return  # "would be in talks if ..."
    sides = [a for c in verb.children if c.dep_ == "nsubj" for a in args(ctx, c)]
    partners = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for a in prep_objects(ctx, c)]
    # a person in talks ("UPC leader X has been in talks with ...") speaks for a side the gold sets
    # code by name, not for himself: the rule measured 1 right of 3 with people as parties
    parties = [a for a in _actors(ctx, sides + partners) if ctx.type_of(a.mention.actor or "") != "PERSON"]
    if len(parties) < 2:
        return
    yield from ctx.emit(parties[:1], "NEGOTIATES_WITH", parties[1:], tok, "in-talks", 0.8)
    # "through Qatar", "through Chadian mediators"
    mediators = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "through"
                 for p in c.children if p.dep_ == "pobj"
                 for a in args(ctx, p) or [a for m in p.children if m.dep_ == "amod" for a in args(ctx, m)]]
    yield from ctx.emit(mediators, "NEGOTIATES_WITH", parties, tok, "in-talks", 0.75)


def _banned(ctx: Context, tok: Token, agents: list[Arg], passive: bool) -> Iterator[Found]:
    """"The junta suspended the BBC", "The group is banned in Pakistan": OPPOSES the group or
    outlet banned (no person, no place)."""
    # "suspended Madagascar from the bloc", "Mali was suspended from ECOWAS": a member put out
    # of a body, states too
    froms = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"]
    bodies = [a for c in froms for a in prep_objects(ctx, c) if ctx.type_of(a.mention.actor or "") == "ORGANIZATION"]
    # "from the bloc": the body the agent heads
    body_named = bool(bodies) or any(ctx.lex.has("collective_nouns", p) for c in froms for p in c.children)
    if passive:
        banned = [a for c in tok.children if c.dep_ == "nsubjpass" for a in args(ctx, c)]
        agents = agents + [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
                           for a in prep_objects(ctx, c)
                           if ctx.type_of(a.mention.actor or "") in ("STATE", "GOVERNMENT")]
        agents = agents if agents else bodies
    else:
        banned = [a for c in tok.children if c.dep_ == "dobj" for a in args(ctx, c)]
    kinds = ("ARMED_GROUP", "ORGANIZATION", "STATE", "GOVERNMENT") if body_named else ("ARMED_GROUP", "ORGANIZATION")
    banned = [a for a in banned if ctx.type_of(a.mention.actor or "") in kinds]
    yield from ctx.emit(agents, "OPPOSES", banned, tok, "formal-act", 0.8)


def _object(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)


def _deal_parties(ctx: Context, deal: Token) -> list[Arg]:
    """The parties to a deal or talks: its "between" phrase, its "with" phrase and the
    subject of its clause, or the actors of the clause it belongs to."""
    parties = between(ctx, deal) or [a for c in deal.children if c.dep_ == "relcl"
                                     for o in c.children if o.dep_ == "dobj" for a in between(ctx, o)]
    if parties:
        return parties  # "the ceasefire that ended the war between Armenia and Azerbaijan"
    # "a truce under which the Houthis and the United States stopped attacking each other"
    parties = [a for c in deal.children if c.dep_ == "relcl" and any(
        p.dep_ == "prep" and any(w.lower_ in ctx.lex.words["relative_pronouns"] for w in p.children)
        for p in c.children) for s in c.children if s.dep_ == "nsubj" for a in args(ctx, s)]
    if len(_actors(ctx, parties)) > 1:
        return _actors(ctx, parties)
    partners = [a for c in deal.children if c.dep_ == "prep" and c.lower_ == "with" for a in prep_objects(ctx, c)]
    clause = deal.head
    while clause.dep_ in ("prep", "pobj", "dobj", "conj") and clause.head.i != clause.i:
        clause = clause.head  # "under a deal" -> the verb the phrase hangs on
    if deal.dep_ in SUBJECTS and clause.dep_ == "advcl" and clause.head.pos_ in ("VERB", "AUX"):
        # "X and Y agreed to stop ..., after talks mediated by Oman brought a halt": the main clause's
        return _actors(ctx, partners + subject(ctx, clause.head)[0])
    if clause.pos_ not in ("VERB", "AUX") or deal.dep_ in SUBJECTS:
        return _actors(ctx, partners)
    agents, _ = subject(ctx, clause)
    # "handed it back to the military": the preposition may hang on the particle
    phrases = [*clause.children, *(c for a in clause.children if a.dep_ in ("advmod", "prt") for c in a.children)]
    others = [a for c in phrases if c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ in _PARTY_PREPS)
              for a in (prep_objects(ctx, c) if c.pos_ == "ADP" else args(ctx, c))]
    return _actors(ctx, agents + partners + others)


def _actors(ctx: Context, found: list[Arg]) -> list[Arg]:
    """The distinct actors (no places) among ``found``."""
    out: list[Arg] = []
    seen: set[str] = set()
    for a in found:
        key = ctx.agent_key(a.mention)
        if key is not None and key not in seen:
            seen.add(key)
            out.append(a)
    return out
