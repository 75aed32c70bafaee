"""What a speaker says another must do, or will suffer (rules ``demand`` and ``threat``).

- "Netanyahu said Hamas must give up its weapons", "Egypt insisted that Israel should withdraw":
  the speaker CALLS_ON the one who must act (``demand``; modals ``obligation_modals``).
- "Khamenei said Israel should expect severe punishment", "the group said Israel will pay a heavy
  price": a threat, the speaker OPPOSES the one threatened (``threat``; verbs ``threat_verbs``
  with an object of ``threat_nouns``, ``vow_answer_nouns`` or ``vow_fight_nouns``, after one of
  ``threat_modals``).

The speech verbs are ``demand_speech_verbs`` (all word classes in ``kg/data/lexicon.json``).  A
passive ("must be punished") names no one who is to act, and one's own side is no addressee
("Putin said Russia must win").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .arguments import args, subject
from .clauses import blocked
from .context import Arg, Context, Found


def is_demand(ctx: Context, tok: Token) -> bool:
    """A speech verb ("said", "insisted") with an active clause that takes a modal."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in ctx.lex.words["demand_speech_verbs"] \
        and _said_clause(ctx, tok) is not None


def _said_clause(ctx: Context, verb: Token) -> Token | None:
    """The verb of the clause said, when it is active and takes a modal of obligation or threat."""
    modals = ctx.lex.words["obligation_modals"] | ctx.lex.words["threat_modals"]
    for c in verb.children:
        if c.dep_ == "ccomp" and c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ in modals for a in c.children) \
                and not any(a.dep_ in ("nsubjpass", "auxpass") for a in c.children):
            return c
    return None


def is_threat(ctx: Context, clause: Token) -> bool:
    """True for a clause that says what its subject will suffer ("should expect punishment").

    Examples
    --------
    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> from kg.extraction.lexicon import load_lexicon
    >>> class _Ctx:
    ...     lex = load_lexicon()
    >>> words = ["Israel", "will", "pay", "a", "price"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, lemmas=words, heads=[2, 2, 2, 4, 2],
    ...           deps=["nsubj", "aux", "ROOT", "det", "dobj"])
    >>> is_threat(_Ctx(), doc[2]), is_threat(_Ctx(), doc[0])
    (True, False)
    """
    words = ctx.lex.words
    objects = words["threat_nouns"] | words["vow_answer_nouns"] | words["vow_fight_nouns"]
    return clause.lemma_.lower() in words["threat_verbs"] and any(
        c.dep_ == "dobj" and c.lemma_.lower() in objects for c in clause.children) and any(
        a.dep_ == "aux" and a.lower_ in words["threat_modals"] for a in clause.children)


def demand(ctx: Context, tok: Token) -> Iterator[Found]:
    """The speaker CALLS_ON the subject of the clause that says what it must do, or OPPOSES the
    subject of a clause that says what it will suffer."""
    clause = _said_clause(ctx, tok)
    if clause is None:
        return
    threat = is_threat(ctx, clause)
    relation = "OPPOSES" if threat else "CALLS_ON"
    # "Ukraine should expect more aid" is a forecast, neither a threat nor a demand
    demanded = clause.lemma_.lower() not in ctx.lex.words["threat_verbs"] and any(
        a.dep_ == "aux" and a.lower_ in ctx.lex.words["obligation_modals"] for a in clause.children)
    if blocked(ctx.lex, tok, relation) or not (threat or demanded):
        return
    speakers, passive = subject(ctx, tok)
    if passive or not speakers:
        return
    # the speaker speaking of their own side ("we must") addresses no one
    addressees = [a for c in clause.children if c.dep_ == "nsubj"
                  and c.lower_ not in ctx.lex.words["first_person_pronouns"] for a in args(ctx, c)]
    own = {k for s in speakers for k in _own_sides(ctx, s)}
    addressees = [a for a in addressees if a.mention.actor not in own
                  and ctx.type_of(a.mention.actor or "") != "LOCATION"]
    yield from ctx.emit(speakers, relation, addressees, tok, "threat" if threat else "demand", 0.75)


def _own_sides(ctx: Context, speaker: Arg) -> set[str]:
    """The speaker and the sides the gazetteer puts them on (what they lead, belong to, come from)."""
    key = speaker.mention.actor or ""
    entry = ctx.gaz.entries.get(key)
    sides = {key, speaker.mention.agent or key}
    if entry is not None:
        sides |= {k for k in (entry.leads, entry.member_of, entry.country) if k}
    return sides
