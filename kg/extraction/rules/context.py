"""The per-document state every rule works over, and what a rule hands back.

A :class:`Context` holds one article's parsed pieces, its resolved actors and the
lookup tables; rules read it and add the actors they name indirectly (a capital for
"the capital", a town no tagger found).  :class:`Found` is a relation before it
becomes a :class:`kg.model.Relation`; :class:`Arg` an argument with its confidence.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..actors import ActorRecord, DocumentActors, Mention, canonical_name, clean_surface
from ..gazetteer import Gazetteer
from ..lexicon import Lexicon


@dataclass(frozen=True)
class Found:
    """A relation found in one sentence, before it becomes a Relation."""

    source: str
    relation: str
    target: str
    part: int
    char: int
    rule: str
    confidence: float


@dataclass(frozen=True)
class Arg:
    """An argument of a predicate: the mention it resolved to and how sure we are."""

    mention: Mention
    confidence: float = 1.0


@dataclass
class Context:
    """One article while its relations are found: pieces, actors, lookup tables and the
    piece (``part``) the rules are reading.

    Examples
    --------
    >>> from kg.extraction.actors import DocumentActors
    >>> from kg.extraction.gazetteer import Gazetteer
    >>> from kg.extraction.lexicon import load_lexicon
    >>> ctx = Context(Gazetteer([]), load_lexicon(), DocumentActors([], {}, None, {}), [], [])
    >>> ctx.type_of("nobody")
    'ORGANIZATION'
    """

    gaz: Gazetteer
    lex: Lexicon
    actors: DocumentActors
    docs: list[Doc]
    offsets: list[int]
    part: int = 0

    @property
    def doc(self) -> Doc:
        """The piece being read."""
        return self.docs[self.part]

    def char(self, tok: Token) -> int:
        """Where a token of the current piece starts in the article."""
        return tok.idx + self.offsets[self.part]

    def mention(self, tok: Token) -> Mention | None:
        """The actor mention a token of the current piece belongs to."""
        return self.actors.at(self.part, tok)

    def type_of(self, key: str) -> str:
        """The published type of an actor of the article (ORGANIZATION when unknown)."""
        rec = self.actors.actors.get(key)
        if rec is None:
            return "ORGANIZATION"
        return canonical_name(rec, self.gaz)[1]

    def is_place(self, m: Mention) -> bool:
        """True for a mention of a LOCATION actor."""
        return bool(m.actor) and self.type_of(m.actor or "") == "LOCATION"

    def ensure(self, key: str) -> None:
        """Make sure the article has a record for an actor a rule names indirectly."""
        if key not in self.actors.actors:
            entry = self.gaz.entries.get(key)
            self.actors.actors[key] = ActorRecord(key, entry.type if entry else "ORGANIZATION",
                                                  key if entry else None)

    def synthetic(self, key: str, near: Mention) -> Mention:
        """A mention standing for an actor named elsewhere (a resolved 'his country')."""
        self.ensure(key)
        return Mention(near.part, near.start, near.end, near.root, near.char_start, near.char_end, key,
                       "synthetic", key, "", actor=key)

    def token_mention(self, tok: Token, text: str, kind: str, key: str, label: str) -> Mention:
        """A one-token mention of actor ``key`` at ``tok`` of the current piece."""
        return Mention(self.part, tok.i, tok.i + 1, tok.i, tok.idx, tok.idx + len(tok), text, kind, key, label,
                       actor=key)

    def synthetic_government(self, state: str, near: Token) -> Mention:
        """A mention of ``state``'s government at ``near`` ("in government hands")."""
        m = self.mention(near)
        anchor = m or Mention(self.part, near.i, near.i + 1, near.i, near.idx, near.idx + len(near), near.text,
                              "synthetic", state, "STATE")
        self.ensure(state)
        self.actors.actors[state].government = True
        return self.synthetic(state, anchor)

    def place_actor(self, start: int, head: Token) -> Arg:
        """A LOCATION actor named by the tokens ``start``..``head`` of the current piece."""
        name = clean_surface(self.doc[start:head.i + 1].text)
        rec = self.actors.actors.setdefault(name, ActorRecord(name, "LOCATION", None))
        rec.names[name] += 1
        rec.aliases.add(name)
        rec.mentions += 1
        offset = self.offsets[self.part]
        m = Mention(self.part, start, head.i + 1, head.i, self.doc[start].idx + offset,
                    head.idx + len(head) + offset, name, "ner", None, "LOCATION", actor=name)
        return Arg(m, 0.7)

    # -- keys of the two ends of a relation ------------------------------------------------

    def agent_key(self, m: Mention) -> str | None:
        """The actor a mention stands for as the one who acts (a capital acts for its state)."""
        if m.agent:
            self.ensure(m.agent)
            return m.agent
        if m.actor is None or self.type_of(m.actor) == "LOCATION":
            return None
        return m.actor

    def target_key(self, m: Mention, relation: str) -> str | None:
        """The actor a mention stands for as the target of ``relation`` (places only where
        the relation takes a place)."""
        if m.actor is None:
            return None
        kind = self.type_of(m.actor)
        if relation in ("CAPTURED", "CONTROLS"):
            rec = self.actors.actors.get(m.actor)
            root = self.docs[m.part][m.root]
            if kind == "PERSON" and rec is not None and rec.entry is None and (any(
                    c.dep_ == "appos" and c.lower_ in self.lex.words["place_heads"] for c in root.children)
                    or self._retaken(root)):
                # "Adan Yabaal, a town in Middle Shabelle", "retook Adan Yabaal", "seized X from the
                # army": NER took the town for a person
                kind = "ORGANIZATION"
            if kind == "ORGANIZATION" and rec is not None and rec.entry is None and m.kind == "ner":
                # "captured Harardhere": a name NER took for an organisation is a place here
                rec.type = "LOCATION"
                return m.actor
            return m.actor if kind == "LOCATION" else None
        if relation == "ATTACKS":
            return m.actor
        if kind == "LOCATION":
            if m.agent:
                self.ensure(m.agent)
                return m.agent
            return None
        return m.actor

    def _retaken(self, tok: Token) -> bool:
        """True for the object of a verb of retaking, or of taking from someone: people are not."""
        if tok.dep_ != "dobj":
            return False
        verb = tok.head
        return self.lex.has("retaking_verbs", self.lex.verb_lemma(verb)) or any(
            c.dep_ == "prep" and c.lower_ == "from" for c in verb.children)

    def emit(self, sources: list[Arg], relation: str, targets: list[Arg], at: Token, rule: str,
             confidence: float) -> Iterator[Found]:
        """Yield ``relation`` from every source to every target (``at``: the predicate's token)."""
        original = relation
        for s in sources:
            src = self.agent_key(s.mention)
            if src is None:
                continue
            for t in targets:
                relation = original
                if relation == "LEADS" and (t.mention.extended or t.mention.kind == "government") \
                        and t.mention.start < t.mention.root:
                    # "headed the government delegation": one leads a part, and is a member of the whole
                    root = self.docs[t.mention.part][t.mention.root]
                    if self.lex.has("organ_nouns", root):
                        relation = "MEMBER_OF"
                tgt = self.target_key(t.mention, relation)
                if tgt is None or tgt == src:
                    continue
                yield Found(src, relation, tgt, self.part, at.idx, rule,
                            round(confidence * s.confidence * t.confidence, 3))
