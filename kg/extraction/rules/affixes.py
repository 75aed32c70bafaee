"""Modifiers that carry a relation: "Iran-backed Houthis", "Wagner-led", "rebel-held",
"pro-government militias", "anti-regime forces" (rule ``affix``).

The suffixes and prefixes and their relations are data (``affix_relations`` and
``affix_prefixes`` in ``kg/data/lexicon.json``).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .arguments import args
from .context import Arg, Context, Found
from .names import lookup_affix


def is_hyphenated(tok: Token) -> bool:
    """A hyphenated word long enough to carry an affix."""
    return "-" in tok.text and len(tok.text) >= 5


def affix(ctx: Context, tok: Token) -> Iterator[Found]:
    """The relation an affixed modifier states between its stem's actor and what it modifies."""
    if not is_hyphenated(tok):
        return
    head_tok = tok.head if tok.dep_ in ("amod", "compound", "nmod") else None
    if head_tok is not None and head_tok.dep_ == "compound" and head_tok.pos_ == "NOUN" \
            and ctx.mention(head_tok) is None and ctx.mention(head_tok.head) is not None:
        head_tok = head_tok.head  # "the Houthi-held capital Sanaa": the name the noun describes
    if tok.dep_ == "acomp" and tok.head.lemma_ == "be":
        # "the town, which is rebel-held": the subject
        head_tok = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    elif head_tok is None:
        # "Kherson is Russian-controlled", parsed with the modifier as the verb
        head_tok = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    prefix, _, rest = tok.lower_.partition("-")
    if prefix in ctx.lex.affix_prefixes:
        # "anti-regime forces": the forces oppose the regime
        other = lookup_affix(ctx, rest, tok)
        holder_tok = tok if ctx.mention(tok) is not None else head_tok
        if other is None or holder_tok is None:
            return
        holders = args(ctx, holder_tok)
        yield from ctx.emit(holders, ctx.lex.affix_prefixes[prefix], [Arg(other, 0.9)], tok, "affix", 0.8)
        return
    name, _, suffix = tok.text.rpartition("-")
    relation = ctx.lex.affix_relations.get(suffix.lower())
    if relation is None or head_tok is None:
        return
    other = lookup_affix(ctx, name, tok)
    if other is None:
        return
    if relation == "CONTROLS" and ctx.lex.has("organ_nouns", head_tok):
        relation = "LEADS"  # "the Houthi-run health ministry" is a body the Houthis lead, no place they hold
    yield from ctx.emit([Arg(other, 0.9)], relation, args(ctx, head_tok), tok, "affix", 0.8)
