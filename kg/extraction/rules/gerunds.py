"""Event gerunds the tagger reads as verbs: "Fighting between the army and the RSF resumed".

Wire copy often opens a sentence with "Fighting between X and Y ..."; the tagger then takes
"Fighting" for a verb (a gerund subject), so the noun rules, which read nouns only, miss the
phrase that "Heavy fighting between X and Y" gives them.  Such a gerund with a "between"
phrase and no subject of its own is read as the noun it stands for.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .clauses import SUBJECTS, blocked
from .context import Context, Found
from .nouns import between, noun, noun_relation


def is_event_gerund(ctx: Context, tok: Token) -> bool:
    """True for a gerund of an event noun of the lexicon with a "between" phrase and no subject.

    Examples
    --------
    >>> from kg.nlp import get_nlp
    >>> doc = get_nlp()[0]("Fighting between M23 and the army resumed.")
    >>> [t.text for t in doc if t.tag_ == "VBG" and any(c.lower_ == "between" for c in t.children)]
    ['Fighting']
    """
    return tok.tag_ == "VBG" and tok.pos_ == "VERB" and any(
        c.dep_ == "prep" and c.lower_ == "between" for c in tok.children
    ) and not any(c.dep_ in SUBJECTS for c in tok.children) and noun_relation(ctx, tok) is not None


def event_gerund(ctx: Context, tok: Token) -> Iterator[Found]:
    """The relations of "<gerund> between X and Y", as the noun rule finds them ("noun-between")."""
    if tok.dep_ in SUBJECTS and blocked(ctx.lex, tok.head):
        return  # "fighting between X and Y did not resume", "... could erupt if ..."
    if between(ctx, tok):
        yield from noun(ctx, tok)
