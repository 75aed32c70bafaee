"""Speech acts about an event or an actor (rules ``criticism-event`` and ``branding``).

Wire copy reports reactions to the story's event without naming who carried it out:
"Qatar condemned the strike", "Egypt also condemned the attacks", "Zelenskiy called the
strike a deliberate killing of civilians", "the prime minister called it state terrorism".
The critic criticises whoever carried out the attack: the attacker named with the noun
("Israeli strikes") or, when none is, the attacker of the last attack the article reported.

Naming an actor with an epithet is a criticism too: "the M23, which his government calls a
terrorist group", "Turkey considers the YPG a terrorist offshoot of the PKK".

Words: ``branding_verbs``, ``event_epithets`` and ``actor_epithets`` in
``kg/data/lexicon.json``; criticism verbs are the lexicon's CRITICIZES verbs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Token

from .arguments import arg, args, prep_objects, subject
from .clauses import blocked, modal, object_of
from .context import Arg, Context, Found

# how many sentences back the attack a reaction is about may be reported
_LOOKBACK = 8


def is_criticism_verb(ctx: Context, tok: Token) -> bool:
    """"condemned", "denounced": a verb of the lexicon that criticises."""
    return tok.pos_ == "VERB" and ctx.lex.verbs.get(tok.lemma_.lower()) == "CRITICIZES"


def is_branding_verb(ctx: Context, tok: Token) -> bool:
    """"called", "considers", "branded": a verb that names something as something."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in ctx.lex.words["branding_verbs"]


def criticized_attack(ctx: Context, tok: Token) -> Iterator[Found]:
    """"X condemned the attack": X criticises the attacker of the attack the article reported."""
    if blocked(ctx.lex, tok, "CRITICIZES"):
        return
    obj = object_of(tok)
    called = None
    if obj is None or obj.lower_ == "what":
        # "condemned what it called RSF attacks", "what it called aggression by Thailand": the
        # noun the clause names
        called = next((c for c in tok.children if c.dep_ == "ccomp" and is_branding_verb(ctx, c)), None)
        obj = epithet_of(called) if called is not None else None
    if obj is None or not (_is_attack(ctx, obj) or (called is not None and _is_event_epithet(ctx, obj))) \
            or (called is None and args(ctx, obj)):
        return  # a named attacker ("condemned Israeli strikes") is the verb rule's
    critics, passive = subject(ctx, tok)
    if passive:
        return
    yield from _criticize(ctx, critics, obj, tok, "criticism-event", called)


def branding(ctx: Context, tok: Token) -> Iterator[Found]:
    """"called the strike an act of war", "calls the M23 a terrorist group": a criticism."""
    epithet = epithet_of(tok)
    if epithet is None or blocked(ctx.lex, tok, "CRITICIZES"):
        return
    named = _named_thing(tok, epithet)
    if named is None:
        return
    critics, passive = subject(ctx, tok)
    if passive or not critics:
        return
    if named.lower_ in ctx.lex.words["thing_pronouns"] or _is_attack(ctx, named):
        if _is_event_epithet(ctx, epithet):
            yield from _criticize(ctx, critics, named, tok, "branding")
        return
    if is_actor_epithet(ctx, epithet):
        yield from ctx.emit(critics, "CRITICIZES", args(ctx, named), tok, "branding", 0.8)
    elif named.pos_ == "NOUN" and _is_event_epithet(ctx, epithet) and ctx.mention(named) is None:
        # "called the U.S. military buildup a threat", "called Kyiv's decision a provocation":
        # the critic criticises the one whose act it names
        owners = [a for c in named.children if c.dep_ in ("poss", "compound", "amod") and c.i < named.i
                  for a in arg(ctx, c)]
        yield from ctx.emit(critics, "CRITICIZES", owners, tok, "branding", 0.8)


def _criticize(ctx: Context, critics: list[Arg], event: Token, at: Token, rule: str,
               called: Token | None = None) -> Iterator[Found]:
    """The critics criticise the attacker of ``event`` (named with it, or the last one reported;
    "what it called aggression by Thailand": the by-phrase may hang on ``called``)."""
    attackers = [] if event.lower_ in ctx.lex.words["thing_pronouns"] else args(ctx, event)
    if not attackers:
        attackers = [a for noun in (event, called) if noun is not None for c in noun.children
                     if c.dep_ == "prep" and c.lower_ == "by" for a in prep_objects(ctx, c)]
    confidence = 0.9
    if not attackers:
        attackers = _attackers_of_target(ctx, event, at)
    if not attackers:
        attackers = last_attackers(ctx, at, None if event.lower_ in ctx.lex.words["thing_pronouns"] else event)
        confidence = 0.8
    critic_keys = {ctx.agent_key(c.mention) for c in critics}
    attackers = [a for a in attackers if ctx.agent_key(a.mention) not in critic_keys]
    yield from ctx.emit(critics, "CRITICIZES", attackers, at, rule, confidence)


def epithet_of(verb: Token) -> Token | None:
    """The noun a branding verb gives its object ("a terrorist group", "an act of war")."""
    for c in verb.children:
        if c.dep_ in ("oprd", "xcomp", "ccomp") and c.pos_ in ("NOUN", "PROPN"):
            return c
        if c.dep_ == "prep" and c.lower_ == "as":
            # "described the strike as an act of aggression"
            found = next((p for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"), None)
            if found is not None:
                return found
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return objects[1] if len(objects) > 1 else None


def _named_thing(verb: Token, epithet: Token) -> Token | None:
    """What the branding verb names: its object, or the subject of a small clause."""
    subj = next((c for c in epithet.children if c.dep_ == "nsubj"), None)
    if subj is not None:
        return subj  # "considers the YPG a terrorist offshoot"
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i != epithet.i), None)


def _words_of(tok: Token) -> set[str]:
    """An epithet's words: "a terrorist group", "an act of war", "state terrorism"."""
    words = {tok.lemma_.lower(), tok.lower_} | {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
    return words | {p.lower_ for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children if p.dep_ == "pobj"}


def _is_event_epithet(ctx: Context, epithet: Token) -> bool:
    return bool(_words_of(epithet) & ctx.lex.words["event_epithets"])


def is_actor_epithet(ctx: Context, epithet: Token) -> bool:
    return bool(_words_of(epithet) & ctx.lex.words["actor_epithets"])


def _is_attack(ctx: Context, tok: Token) -> bool:
    return tok.pos_ == "NOUN" and ctx.lex.nouns.get(tok.lemma_.lower(), ctx.lex.nouns.get(tok.lower_)) == "ATTACKS"


def last_attackers(ctx: Context, at: Token, event: Token | None = None) -> list[Arg]:
    """The attackers of the attack reported before the sentence of ``at``: the last one said
    with the word of ``event`` ("the strikes": who struck), else the side the article reports
    attacking most often (the last of them on a tie: "Boko Haram militants killed 63 ... The
    gunmen overwhelmed ... "They slaughtered people," said a farmer")."""
    sentences = [s for s in ctx.doc.sents if s.end <= at.sent.start][-_LOOKBACK:]
    reports: list[list[Arg]] = []
    for sent in reversed(sentences):
        for tok in sent:
            found = _event_attackers(ctx, tok)
            if found and event is not None and tok.lemma_.lower() == event.lemma_.lower():
                return found
            if found:
                reports.append(found)
    if not reports:
        return []
    counts = Counter(ctx.agent_key(a.mention) for found in reports for a in found)
    # (reports run from the latest back: max keeps the first, so the latest, of equal counts)
    return max(reports, key=lambda found: max(counts[ctx.agent_key(a.mention)] for a in found))


def _keys(verb: Token) -> list[str]:
    """The lexicon keys of a verb alone and with its particles and prepositions ("fire at"),
    and with its object ("opened fire on")."""
    lemma = verb.lemma_.lower()
    keys = [lemma] + [f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in ("prep", "prt")]
    obj = object_of(verb)
    if obj is not None:
        keys += [f"{lemma} {obj.lower_} {c.lower_}" for c in verb.children if c.dep_ == "prep"]
    return keys


def _attackers_of_target(ctx: Context, event: Token, at: Token) -> list[Arg]:
    """"condemned the attack on the Jaffar Express": whoever the article said attacked or
    seized the Jaffar Express before (however far back)."""
    # (a target named there: "the attack on its territory" is too vague to find the attacker by)
    targets = {ctx.target_key(m, "ATTACKS") for c in event.children if c.dep_ == "prep"
               and c.lower_ in ("on", "against") for p in c.children if p.dep_ == "pobj"
               and (m := ctx.mention(p)) is not None} - {None}
    if not targets:
        return []
    for sent in reversed([s for s in ctx.doc.sents if s.end <= at.sent.start]):
        for tok in sent:
            if tok.pos_ != "VERB" or not any(ctx.lex.verbs.get(k) in ("ATTACKS", "CAPTURED") for k in _keys(tok)) \
                    or blocked(ctx.lex, tok, "ATTACKS"):
                continue
            hit = {ctx.target_key(a.mention, "ATTACKS") for a in args(ctx, object_of(tok))}
            if hit & targets:
                agents, passive = subject(ctx, tok)
                if agents and not passive:
                    return agents
    return []


def _event_attackers(ctx: Context, tok: Token) -> list[Arg]:
    """The attackers a verb or noun of attack names ("Israel struck ...", "an Israeli strike");
    only sides that fight (a monitor that reports the toll is none)."""
    if tok.pos_ == "VERB" and any(ctx.lex.verbs.get(key) == "ATTACKS" for key in _keys(tok)):
        if blocked(ctx.lex, tok, "ATTACKS") or modal(ctx.lex, tok):
            return []  # ("its fighters would fight on": no attack reported)
        agents, _ = subject(ctx, tok)
    elif _is_attack(ctx, tok) and not blocked(ctx.lex, tok, "ATTACKS"):
        # named with the noun ("Israeli strikes", "strikes by Israel"), not through a pronoun
        # ("a Nigerian village attack": the demonym says where, not who)
        agents = [a for c in tok.children if c.dep_ in ("amod", "compound", "poss") and ctx.mention(c) is not None
                  and not any(t.dep_ == "compound" and t.pos_ == "NOUN" for t in ctx.doc[c.i + 1:tok.i])
                  for a in arg(ctx, c)]
        agents += [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for a in prep_objects(ctx, c)]
    else:
        return []
    return [a for a in agents if ctx.agent_key(a.mention) is not None
            and ctx.type_of(ctx.agent_key(a.mention) or "") != "ORGANIZATION"]
