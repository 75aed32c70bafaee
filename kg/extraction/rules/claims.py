"""Claims the text disputes: "Russia said it had retaken the region, a claim Kyiv denied".

A reported event is coded unless the article disputes it.  A claim noun ("a claim",
"an assertion") that someone denies or disputes, hung on the reporting verb or on the place
the claim is about, marks the reported clause: no event of it is coded.  The speech acts
themselves (accusations, demands) are still coded, and a disputed toll ("a toll the army
disputed") leaves the event standing.

This reads only the parse and the lexicon (``claim_nouns``, ``claim_denial_verbs``), so
:mod:`.clauses` may call it without a cycle.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import Lexicon


def disputed_tokens(lex: Lexicon, tok: Token) -> set[int]:
    """The tokens of the sentence of ``tok`` that belong to a reported clause the text disputes."""
    out: set[int] = set()
    for claim in tok.sent:
        if claim.pos_ not in ("NOUN", "PROPN") or claim.lemma_.lower() not in lex.words["claim_nouns"]:
            continue
        if not any(c.dep_ in ("relcl", "appos", "acl") and c.lemma_.lower() in lex.words["claim_denial_verbs"]
                   for c in claim.children):
            continue
        host = claim.head
        # "said it had retaken X, a claim Kyiv denied": the reported clause of the verb;
        # "the region, which it says it has retaken, a claim Kyiv disputes": the clause on the noun
        wanted = ("ccomp",) if host.pos_ in ("VERB", "AUX") else ("relcl",)
        for c in host.children:
            if c.dep_ in wanted:
                out.update(t.i for t in c.subtree)
    return out


def disputed(lex: Lexicon, tok: Token) -> bool:
    """True when ``tok`` is a predicate of a reported clause that the text disputes.

    Examples
    --------
    >>> from kg.extraction.lexicon import load_lexicon
    >>> from kg.nlp import get_nlp
    >>> doc = get_nlp()[0]("Russia said it had retaken the town, a claim Kyiv denied.")
    >>> disputed(load_lexicon(), [t for t in doc if t.lower_ == "retaken"][0])
    True
    >>> disputed(load_lexicon(), get_nlp()[0]("Russia said it had retaken the town.")[4])
    False
    """
    if not any(t.lemma_.lower() in lex.words["claim_nouns"] for t in tok.sent):
        return False  # the cheap test first: most sentences have no claim noun
    return tok.i in disputed_tokens(lex, tok)
