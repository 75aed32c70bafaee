"""Armed groups no file knows, named by a head noun and its modifiers.

Wire copy names many groups only once and only by description: "the Red Lion gang",
"the Sahel Shield coalition", "Druze militias", "Bedouin clan fighters", "local
self-defence fighters".  Such a phrase is an ARMED_GROUP actor when its head is a group noun
(``armed_group_heads``: militia, gang, brigade, clans, fighters, coalition, ...) and a
modifier identifies it: a proper noun, a name the tagger found that no file knows ("Druze"),
or a descriptive word of ``group_descriptors`` ("self-defence", "tribal").  A name the
gazetteer knows ("Russian forces", "Hamas fighters") is that actor's, not a new group, and
a NORP tag alone ("Druze civilians") is no group.

Mentions of one article that share an identifying word are one group ("Bedouin clan
fighters" ... "clan fighters"); :class:`GroupKeys` gives them their key.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import Lexicon

_MODIFIERS = ("compound", "amod", "nmod")
_NAMED_TYPES = ("NORP", "ORG", "PERSON", "GPE", "LOC", "FAC")


def group_phrase(doc: Doc, head: Token, lex: Lexicon) -> tuple[int, int] | None:
    """The span ``(start, end)`` of a group named by ``head`` and its identifying modifiers,
    or ``None`` when ``head`` names no new group (no group noun, nothing identifies it, or a
    modifier is a known actor's name: ``ent_id_`` set by the gazetteer ruler)."""
    if head.pos_ not in ("NOUN", "PROPN") or head.dep_ in ("compound", "amod"):
        return None
    if lex.has("follower_nouns", head):
        return _followers(doc, head)
    if not lex.has("armed_group_heads", head):
        return None
    start = head.i
    while start > 0 and doc[start - 1].dep_ in _MODIFIERS and doc[start - 1].head.i >= start - 1 \
            and doc[start - 1].head.i <= head.i and not doc[start - 1].is_punct:
        start -= 1
    mods = list(doc[start:head.i])
    if doc[start:head.i + 1].text.lower() in lex.force_nouns:
        return None  # "Special Forces", "Security Forces": a unit of some side, no group of its own
    # a known actor's name ("Hamas fighters") is that actor's; a place may be part of a name
    # ("the Sahel Shield coalition", "Tripoli militias")
    if not mods or any(t.ent_id_ and t.ent_type_ != "LOCATION" for t in mods):
        return None
    if not any(_identifies(t, lex) for t in mods) or any(t.lower_ in lex.words["civil_group_words"] for t in mods):
        return None  # ("Rights groups", "aid groups" are no armed groups)
    return start, head.i + 1


def body_phrase(doc: Doc, head: Token, lex: Lexicon) -> tuple[int, int] | None:
    """The span of a religious or civic body a people or faith names ("the Catholic bishops'
    conference", "Cameroon's Catholic bishops", "Sunni clerics"): an ORGANIZATION, or ``None``.

    Examples
    --------
    >>> from kg.extraction.lexicon import load_lexicon
    >>> from kg.nlp import get_nlp
    >>> doc = get_nlp()[0]("The Catholic bishops' conference called for talks.")
    >>> body_phrase(doc, doc[4], load_lexicon())
    (1, 5)
    """
    if head.pos_ not in ("NOUN", "PROPN") or not lex.has("body_heads", head) or head.dep_ in ("compound", "amod") \
            or (head.dep_ == "poss" and lex.has("body_heads", head.head)):
        return None  # ("the bishops' conference": the conference)
    mods = [c for c in head.children if c.dep_ in _MODIFIERS + ("poss",) and c.i < head.i and not c.ent_id_]
    words = [t for c in mods for t in c.subtree if not t.ent_id_ and t.dep_ not in ("det", "case")]
    if not any(t.ent_type_ == "NORP" for t in words):
        return None
    return min(t.i for t in words), head.i + 1


def _followers(doc: Doc, head: Token) -> tuple[int, int] | None:
    """"Assad loyalists", "Haftar supporters": the followers a person's name modifies are a
    group of their own (the man himself does not fight with them)."""
    start = head.i
    while start > 0 and doc[start - 1].ent_type_ == "PERSON" and doc[start - 1].head.i in range(start - 1, head.i + 1):
        start -= 1
    return (start, head.i + 1) if start < head.i else None


def _identifies(tok: Token, lex: Lexicon) -> bool:
    """A modifier that tells one group from another: a name, or a word such as "self-defence"."""
    if tok.lower_ in lex.words["group_descriptors"]:
        return True
    if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"):
        return False
    return tok.pos_ == "PROPN" or (tok.ent_type_ in _NAMED_TYPES and tok.text[:1].isupper())


class GroupKeys:
    """The actor keys of one article's group phrases: phrases sharing an identifying word
    are one group, under the first phrase's name.

    Examples
    --------
    >>> from kg.extraction.lexicon import load_lexicon
    >>> keys = GroupKeys(load_lexicon())
    >>> keys.key("Bedouin clan fighters"), keys.key("clan fighters"), keys.key("local Druze militias")
    ('Bedouin clan fighters', 'Bedouin clan fighters', 'Druze militias')
    >>> keys.key("tribal fighters")
    'Bedouin clan fighters'
    """

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.known: list[tuple[set[str], str]] = []

    def identity(self, surface: str) -> set[str]:
        """The identifying words of a group phrase (its modifiers but the generic ones); words
        for kin groups are one word ("clan fighters", "tribal fighters": the same fighters)."""
        words = {w.lower() for w in surface.split()[:-1]} - self.lex.words["group_generic_modifiers"]
        kin = self.lex.words["kin_group_words"]
        return {"<kin>" if w in kin else w for w in words}

    def key(self, surface: str) -> str:
        """The key of the group ``surface`` names (a new key for a new group)."""
        ident = self.identity(surface)
        for words, key in self.known:
            if words & ident:
                words |= ident
                return key
        name = " ".join(w for w in surface.split() if w.lower() not in self.lex.words["group_generic_modifiers"])
        self.known.append((set(ident), name or surface))
        return name or surface

    @staticmethod
    def name_alias(surface: str, lex: Lexicon) -> str | None:
        """"Red Lion" for "the Red Lion gang": a name of two or more capitalised words before the head."""
        words = surface.split()
        name = [w for w in words[:-1] if w[:1].isupper() and w.lower() not in lex.words["group_generic_modifiers"]]
        return " ".join(name) if len(name) >= 2 and len(name) == len(words) - 1 else None
