"""Typed, directed relations from the dependency parse.

Rules walk the parse tree (never mere co-occurrence) from a predicate to its
arguments.  Each rule family has a name that is kept on the evidence:

- ``verb``: a verb from the lexicon with its subject and object ("Russia backs
  Assad"), passive agents ("is backed by Russia"), relative clauses ("Assad, who is
  backed by ..."), inherited subjects of purpose clauses and conjoined verbs.
- ``noun``: nominalisations ("the military support of Moscow", "a key backer of some
  rebel groups", "airstrikes against ...", "the occupation ... of Hama", "open war
  with Israel", "in government hands", "their last stronghold, Idlib").
- ``title``: titles and roles ("Turkish President Recep Tayyip Erdogan", "the head of
  the HTS, Ahmed al-Shareh", "X in power").
- ``affix``: "Iran-backed", "X-led", "pro-government", "anti-regime".
- ``side``: "on Assad's side".

Coordination spreads over both sides; negation, denial, conditionals and plans
("would not", "urged X not to", "denied plans to", "if") block a relation.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .gazetteer import Gazetteer
from .actors import ActorRecord, DocumentActors, Mention, canonical_name, clean_surface
from .lexicon import Lexicon, load_lexicon

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
PRONOUNS_PERSON = {"he", "she", "him", "her", "his", "hers"}
PRONOUNS_THING = {"it", "its"}
PRONOUNS_PLURAL = {"they", "them", "their", "theirs"}
PRONOUNS = PRONOUNS_PERSON | PRONOUNS_THING | PRONOUNS_PLURAL
RELATIVE = {"who", "which", "that", "whom", "whose"}
# word classes the rules test tokens against; the words are data (kg/data/lexicon.json)
WORDS = load_lexicon().word_classes
SITE_NOUNS = WORDS["site_nouns"]
CONTROL_VERBS_HAVE = WORDS["holding_verbs"]
CONTROL_VERBS_GAIN = WORDS["gaining_verbs"]
NEGATORS = {"not", "never", "n't", "no"}
CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}
# nouns for the one who acts: their of-phrase is the target ("backer of", "ally of")
AGENT_NOUNS = WORDS["role_agent_nouns"]
QUANTITY_WORDS = WORDS["quantity_words"]
DEFINITE_GROUP_NOUNS = WORDS["definite_group_nouns"]
WEAPON_NOUNS = WORDS["weapon_nouns"]
PLACE_HEADS = WORDS["place_heads"]
TERRITORY_NOUNS = WORDS["territory_nouns"]
WATERS = WORDS["water_words"]
COLLECTIVE_NOUNS = WORDS["collective_nouns"]
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "both": 2}
RANKS = WORDS["ranks"]
SERIES_NOUNS = WORDS["series_nouns"]
# parts of a state or group: whoever heads one is a member of the whole
ORGAN_NOUNS = WORDS["organ_nouns"]
FACILITY_NOUNS = WORDS["facility_nouns"]
DIPLOMATS = WORDS["diplomat_nouns"]
REVERSED_KEYS = WORDS["reversed_verbs"]
# fighting words that need no object: "Israel and Hezbollah exchanged fire"
RECIPROCAL = WORDS["reciprocal_verbs"]
PLEDGES = WORDS["pledge_verbs"]
DENIALS = WORDS["denial_verbs"]
FORMER = WORDS["former_words"]
GROUP_PARTS = WORDS["group_part_nouns"]
HOSTILE_INTENT = WORDS["hostile_intent_verbs"]
BACKED_NOUNS = WORDS["backed_nouns"]


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


class RelationExtractor:
    """Finds relations in the parsed pieces of one article.

    Parameters
    ----------
    gazetteer : Gazetteer
    lexicon : Lexicon
    """

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.gaz = gazetteer
        self.lex = lexicon

    # -- entry point ---------------------------------------------------------------

    def extract(self, docs: list[Doc], actors: DocumentActors, offsets: list[int]) -> list[Found]:
        """Return every relation found in the parsed pieces ``docs`` of one article
        (``offsets``: where each piece starts in the article)."""
        self.actors = actors
        self.docs = docs
        self.offsets = offsets
        found: list[Found] = []
        for part, doc in enumerate(docs):
            self.part = part
            self.doc = doc
            for tok in doc:
                if tok.is_space or tok.is_punct:
                    continue
                for f in self._rules(tok):
                    if f.source != f.target:
                        found.append(f)
        return found

    def _rules(self, tok: Token) -> Iterator[Found]:
        yield from self._affix(tok)
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.dep_ in ("amod", "acl") and tok.tag_ == "VBN"):
            yield from self._verb(tok)
        if tok.pos_ in ("NOUN", "PROPN", "ADJ"):
            yield from self._noun(tok)
        if tok.ent_type_ == "PERSON" or self._mention(tok) is not None:
            yield from self._title(tok)
            yield from self._possessed_group(tok)
        if tok.lower_ == "side" and tok.pos_ == "NOUN":
            yield from self._side(tok)
        if tok.lower_ == "alongside" and tok.dep_ == "prep":
            yield from self._alongside(tok)

    # -- mentions and arguments -----------------------------------------------------

    def _mention(self, tok: Token) -> Mention | None:
        return self.actors.at(self.part, tok)

    def _args(self, tok: Token | None, depth: int = 0) -> list[Arg]:
        """The actors a token stands for, with its conjuncts ("Russia and Iran")."""
        if tok is None:
            return []
        out = self._arg(tok, depth)
        m = self._mention(tok)
        if m is not None and m.extended:
            # "Rwandan and Mozambican forces": both modifiers name a side
            for c in self.doc[m.start].conjuncts:
                other = self._mention(c)
                if other is not None and other is not m:
                    out.append(Arg(other))
        if tok.dep_ != "conj":
            for c in tok.conjuncts:
                if c.i > tok.i:
                    out += self._arg(c, depth)
        return out

    def _arg(self, tok: Token, depth: int = 0) -> list[Arg]:
        m = self._mention(tok)
        if m is not None:
            if m.kind in ("opposition", "description", "government") and depth < 3:
                # "rebels of the CSP-PSD coalition": the of-phrase names them more precisely
                named = self._of_objects(tok, depth)
                if named:
                    return named
            return [Arg(m)]
        low = tok.lower_
        if low in PRONOUNS:
            ante = self._antecedent(tok)
            return [Arg(ante, 0.85)] if ante is not None else []
        if low in RELATIVE and tok.dep_ in SUBJECTS + ("dobj", "pobj", "poss"):
            head = tok.head
            for _ in range(4):
                if head.dep_ == "relcl":
                    return self._args(head.head, depth + 1)
                if head.head.i == head.i:
                    break
                head = head.head
            return []
        if depth > 3 or tok.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM", "PRON"):
            return []
        if tok.dep_ == "appos" and tok.lemma_.lower() in COLLECTIVE_NOUNS and depth < 2:
            # "the Congo River Alliance, a coalition of rebel groups": the named coalition
            named = self._arg(tok.head, depth + 1)
            if named:
                return named
        lemma = tok.lemma_.lower()
        if low in DEFINITE_GROUP_NOUNS and any(c.lower_ == "the" for c in tok.children):
            # "the group's leader", "the alliance": the group last named
            ante = self._definite_reference(tok)
            return [Arg(ante, 0.8)] if ante is not None else []
        if low == "capital" and any(c.lower_ == "the" for c in tok.children) and self.actors.home \
                and not any(c.dep_ == "appos" for c in tok.children):
            capital = self._capital(self.actors.home, tok)
            if capital is not None:
                return [Arg(capital, 0.8)]
        if low in ("city", "town", "village") and any(c.lower_ == "the" for c in tok.children) \
                and not any(c.dep_ in ("prep", "appos", "amod", "compound") for c in tok.children):
            # "the city": the place last named
            place = self._last_place(tok)
            return [Arg(place, 0.7)] if place is not None else []
        if low in QUANTITY_WORDS or tok.pos_ == "NUM":
            # "thousands of their soldiers", "some of the rebels"
            return self._of_objects(tok, depth)
        if self.lex.nouns.get(low) == "ATTACKS" or self.lex.nouns.get(lemma) == "ATTACKS":
            # "an Israeli strike ... killed X": the striker
            for c in tok.children:
                if c.dep_ in ("amod", "poss", "compound") and c.i < tok.i:
                    args = self._arg(c, depth + 1)
                    if args:
                        return args
                    affix = self._affix_actor(c)
                    if affix is not None:
                        return [Arg(affix, 0.8)]
            return []
        is_agentish = low in self.lex.agent_nouns or lemma in self.lex.agent_nouns
        if is_agentish:
            # "its armed wing, the People's Defence Force": the apposition names it
            for c in tok.children:
                if c.dep_ == "appos" and self._mention(c) is not None:
                    return self._args(c, depth + 1)
        if is_agentish or low in WEAPON_NOUNS or lemma in WEAPON_NOUNS:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "from", "loyal", "for"):
                    args = self._of_objects(tok, depth, (c.lower_,))
                    if args:
                        return args
                if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < tok.i:
                    args = self._args(c, depth + 1)  # "Rwandan and Mozambican forces"
                    if args:
                        return args
                    if c.lower_.endswith("-led"):
                        # "Hamas-led gunmen"
                        affix = self._affix_actor(c)
                        if affix is not None:
                            return [Arg(affix, 0.8)]
                if c.dep_ == "compound" and c.i < tok.i:
                    # "Ma'awisley clan fighters"
                    for k in range(c.left_edge.i, c.i):
                        m2 = self._mention(self.doc[k])
                        if m2 is not None:
                            return [Arg(m2, 0.9)]
                if c.dep_ == "amod" and c.lower_ == "loyal":
                    # "forces loyal to the GNA"
                    args = self._of_objects(c, depth, ("to",))
                    if args:
                        return args
                if c.dep_ == "acl" and c.tag_ == "VBN":
                    # "a drone launched by the Houthis"
                    agents, passive = self._subject(c)
                    if passive and agents:
                        return agents
        for c in tok.children:
            if c.dep_ == "appos":
                args = self._arg(c, depth + 1)
                if args:
                    return args
            if c.dep_ == "acl" and c.lemma_.lower() in ("know", "call", "name", "dub"):
                # "militias known as Wazalendo"
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ == "as":
                        args = self._prep_objects(p)
                        if args:
                            return args
        if low in PLACE_HEADS or lemma in PLACE_HEADS:
            # "the port of Hodeidah", "the towns of Minova and Sake": places, whatever NER thought
            places = self._of_objects(tok, depth)
            named = {a.mention.root for a in places}
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            for q in (p, *p.conjuncts):
                                if q.i not in named:
                                    places += self._new_place(q)
            for a in places:
                rec = self.actors.actors.get(a.mention.actor or "")
                if rec is not None and rec.entry is None and rec.type == "ORGANIZATION":
                    rec.type = "LOCATION"
            if places:
                return places
        if low in TERRITORY_NOUNS:
            # "Russian soil", "Lebanese territory"
            for c in tok.children:
                if c.dep_ in ("amod", "poss", "compound"):
                    m2 = self._mention(c)
                    if m2 is not None:
                        return [Arg(m2, 0.9)]
        if tok.dep_ == "appos" and depth < 2:
            return self._arg(tok.head, depth + 1)
        if tok.dep_ == "attr" and tok.head.lemma_ == "be" and depth < 2:
            # "El Fasher ... is the last major city ... held by the army"
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return self._args(subj, depth + 1)
        if low == "country" and any(c.dep_ == "poss" for c in tok.children):
            poss = next(c for c in tok.children if c.dep_ == "poss")
            person = self._arg(poss, depth + 1)
            if person:
                state = self._state_of_person(person[0].mention)
                if state is not None:
                    return [Arg(state, person[0].confidence)]
        return []

    def _last_place(self, tok: Token) -> Mention | None:
        """The place an "it" that is taken or held refers to: the last one named."""
        here = tok.idx + self.offsets[self.part]
        best = None
        for m in self.actors.mentions:
            if m.char_start >= here:
                break
            if m.actor and self._type_of(m.actor) == "LOCATION":
                best = m
        return best

    def _definite_reference(self, tok: Token) -> Mention | None:
        """The group a definite "the alliance" / "the group" refers to: the last one
        named with that word, else the last armed group or organisation."""
        here = tok.idx + self.offsets[self.part]
        word = tok.lower_
        named = fallback = None
        for m in self.actors.mentions:
            if m.char_start >= here:
                break
            if m.actor is None or m.adjectival:
                continue
            kind = self._type_of(m.actor)
            if kind in ("ARMED_GROUP", "ORGANIZATION"):
                if word in m.actor.lower():
                    named = m
                # an unknown organisation NER found ("Jilib", "National Penitentiary") is a poor guess
                if m.entry is not None or kind == "ARMED_GROUP" or fallback is None:
                    fallback = m
        return named or fallback

    def _capital(self, state: str, tok: Token) -> Mention | None:
        entry = self.gaz.entries.get(state)
        for name in entry.metonyms if entry else []:
            if name in self.gaz and self.gaz[name].type == "LOCATION":
                self._ensure(name)
                return Mention(self.part, tok.i, tok.i + 1, tok.i, tok.idx, tok.idx + len(tok), name,
                               "synthetic", name, "LOCATION", actor=name)
        return None

    def _of_objects(self, tok: Token, depth: int, preps: tuple[str, ...] = ("of",)) -> list[Arg]:
        out: list[Arg] = []
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                for p in c.children:
                    if p.dep_ == "pobj":
                        out += self._args(p, depth + 1)
        return out

    def _target_fallback(self, noun: Token | None) -> list[Arg]:
        """What an attack or capture of a thing hits: a named place it is ("a bridge"),
        the actor that holds or owns it ("sectors controlled by them", "Houthi radar
        sites", "a convoy of Malian soldiers"), or the place it is in ("a base in Bamako")."""
        if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
            return []
        for conj in noun.conjuncts if noun.dep_ != "conj" else ():
            # "a training school and a military air base in Bamako"
            found = self._target_fallback_one(conj)
            if found:
                return found
        return self._target_fallback_one(noun)

    def _target_fallback_one(self, noun: Token) -> list[Arg]:
        found = self._site(noun) or self._controller(noun)
        if found:
            return found
        for c in noun.children:
            if c.dep_ in ("compound", "amod", "poss") and c.i < noun.i:
                m = self._mention(c)
                if m is not None and m.actor:
                    return [Arg(m, 0.8)]
                if c.dep_ == "poss" and c.lower_ in PRONOUNS:
                    # "their vehicle": whose it is
                    return [Arg(a.mention, 0.7) for a in self._arg(c)]
            if c.dep_ == "prep" and c.lower_ == "of":
                args = [a for p in c.children if p.dep_ == "pobj" for a in self._args(p)]
                if args:
                    return args
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "outside", "across"):
                # ships "in the Red Sea" are not attacks on the sea
                places = [a for a in self._prep_objects(c)
                          if a.mention.actor and self._type_of(a.mention.actor) == "LOCATION"
                          and not WATERS.intersection(a.mention.actor.lower().split())]
                if places:
                    return [Arg(a.mention, 0.75) for a in places]
                # "an oil depot in Proletarsk": a town nobody tagged
                unnamed = [a for p in c.children if p.dep_ == "pobj" for a in self._new_place(p)]
                if unnamed:
                    return unnamed
        return []

    def _state_of_person(self, m: Mention) -> Mention | None:
        entry = self.gaz.entries.get(m.actor or "")
        target = None
        if entry is not None and entry.type == "PERSON":
            target = entry.leads if entry.leads in self.gaz and self.gaz[entry.leads].type == "STATE" else entry.country
        if target is None or target not in self.gaz:
            return None
        return self._synthetic(target, m)

    def _synthetic(self, key: str, near: Mention) -> Mention:
        """A mention standing for an actor named elsewhere (a resolved 'his country')."""
        self._ensure(key)
        return Mention(near.part, near.start, near.end, near.root, near.char_start, near.char_end, key,
                       "synthetic", key, "", actor=key)

    def _antecedent(self, pron: Token) -> Mention | None:
        """The actor a pronoun refers to: for a possessive or a subject pronoun, the
        subject of its own or governing clause when that fits; otherwise the nearest
        earlier mention of a fitting kind that is not an adjective of another noun."""
        low = pron.lower_
        want_person = low in PRONOUNS_PERSON

        def fits(m: Mention) -> bool:
            if m.actor is None or m.adjectival:
                return False
            kind = self.actors.actors[m.actor].type if m.actor in self.actors.actors else m.label
            if kind == "LOCATION" and not m.agent:
                return False
            return (kind == "PERSON") == want_person

        if pron.dep_ == "poss" and pron.head.dep_ == "conj":
            # "the Sudanese army and its allies": the conjunct before
            for a in self._arg(pron.head.head, 3):
                if fits(a.mention):
                    return a.mention
        verb = pron.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        is_subject = pron.dep_ in SUBJECTS
        if is_subject or pron.dep_ == "poss":
            clause = verb
            for _ in range(4):
                subj = next((c for c in clause.children if c.dep_ in SUBJECTS and c.i != pron.i
                             and not any(a.i == pron.i for a in c.subtree)), None)
                if subj is not None:
                    for a in self._args(subj, 3):
                        if fits(a.mention):
                            return a.mention
                    break
                if clause.dep_ in ("ccomp", "xcomp", "advcl", "conj") and clause.head.i != clause.i:
                    clause = clause.head
                elif clause.dep_ == "relcl" and is_subject:
                    # "the FDLR, which it accuses Kinshasa of arming": the main clause's subject
                    clause = clause.head
                    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
                        clause = clause.head
                else:
                    break
        # the subjects of the clauses above an object pronoun are not what it refers to
        excluded = set()
        head = pron
        while head.head.i != head.i:
            if head.dep_ == "relcl":
                # "rebels who have allied with them": not the rebels themselves
                excluded.update(range(head.head.left_edge.i, head.head.i + 1))
            head = head.head
            if not is_subject:
                for c in head.children:
                    if c.dep_ in SUBJECTS:
                        excluded.update(t.i for t in c.subtree)
        here = self.doc[pron.i].idx + self.offsets[self.part]
        best = best_subject = None
        for m in self.actors.mentions:
            if m.char_start >= here:
                break
            if m.part == self.part and m.start in excluded:
                continue
            if fits(m):
                best = m
                if self.docs[m.part][m.root].dep_ in SUBJECTS:
                    best_subject = m
        if (is_subject or pron.dep_ == "poss") and best_subject is not None:
            # "It belongs to ...": a subject pronoun continues the last subject
            return best_subject
        return best

    # -- checks ----------------------------------------------------------------------

    def _blocked(self, tok: Token, relation: str | None = None) -> bool:
        """True when the predicate is negated, conditional, denied or only planned
        (a vow or pledge of support is support)."""
        seen = 0
        while seen < 6:
            seen += 1
            for c in tok.children:
                if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in NEGATORS):
                    return True
                if c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS:
                    return True
            head = tok.head
            if head.i == tok.i:
                return False
            if tok.dep_ in ("xcomp", "ccomp", "advcl", "acl", "pcomp", "conj", "pobj", "prep", "dobj", "relcl"):
                lemma = head.lemma_.lower()
                if tok.dep_ == "prep" and tok.lower_ == "for" and lemma in self.lex.irrealis:
                    return True  # "called for a ceasefire between X and Y", "hopes for a deal"
                if tok.dep_ == "dobj" and lemma in DENIALS:
                    return True  # "denied any connection to Wagner's operations"
                if tok.dep_ in ("xcomp", "ccomp", "acl", "pcomp", "advcl") and lemma in self.lex.irrealis:
                    if not (relation in ("BACKS", "OPPOSES") and lemma in PLEDGES):
                        return True
                if tok.dep_ in ("conj", "xcomp", "pobj", "prep", "dobj", "advcl"):
                    tok = head
                    continue
            return False
        return False

    def _intended(self, verb: Token) -> bool:
        """True for "vowed/threatened/is determined to <attack>" (and nothing negates it)."""
        if verb.dep_ != "xcomp" or any(c.dep_ == "neg" for c in verb.children):
            return False
        head = verb.head
        if head.lemma_.lower() not in HOSTILE_INTENT or any(c.dep_ == "neg" for c in head.children):
            return False
        return not self._blocked(head)

    def _hedge(self, tok: Token) -> float:
        for c in tok.children:
            if c.dep_ == "aux" and c.lower_ in self.lex.hedges and c.lower_ != "will":
                return 0.8
        return 1.0

    # -- emitting ---------------------------------------------------------------------

    def _emit(self, sources: list[Arg], relation: str, targets: list[Arg], at: Token, rule: str,
              confidence: float) -> Iterator[Found]:
        original = relation
        for s in sources:
            src = self._agent_key(s.mention)
            if src is None:
                continue
            for t in targets:
                relation = original
                if relation == "LEADS" and (t.mention.extended or t.mention.kind == "government") \
                        and t.mention.start < t.mention.root:
                    # "headed the government delegation": one leads a part, and is a member of the whole
                    root = self.docs[t.mention.part][t.mention.root]
                    if root.lower_ in ORGAN_NOUNS or root.lemma_.lower() in ORGAN_NOUNS:
                        relation = "MEMBER_OF"
                tgt = self._target_key(t.mention, relation)
                if tgt is None or tgt == src:
                    continue
                yield Found(src, relation, tgt, self.part, at.idx, rule,
                            round(confidence * s.confidence * t.confidence, 3))

    def _type_of(self, key: str) -> str:
        rec = self.actors.actors.get(key)
        if rec is None:
            return "ORGANIZATION"
        return canonical_name(rec, self.gaz)[1]

    def _ensure(self, key: str) -> None:
        """Make sure the article has a record for an actor a rule names indirectly."""
        if key not in self.actors.actors:
            entry = self.gaz.entries.get(key)
            self.actors.actors[key] = ActorRecord(key, entry.type if entry else "ORGANIZATION",
                                                  key if entry else None)

    def _agent_key(self, m: Mention) -> str | None:
        if m.agent:
            self._ensure(m.agent)
            return m.agent
        if m.actor is None or self._type_of(m.actor) == "LOCATION":
            return None
        return m.actor

    def _target_key(self, m: Mention, relation: str) -> str | None:
        if m.actor is None:
            return None
        kind = self._type_of(m.actor)
        if relation in ("CAPTURED", "CONTROLS"):
            rec = self.actors.actors.get(m.actor)
            root = self.docs[m.part][m.root]
            if kind == "PERSON" and rec is not None and rec.entry is None and any(
                    c.dep_ == "appos" and c.lower_ in PLACE_HEADS for c in root.children):
                kind = "ORGANIZATION"  # "Adan Yabaal, a town in Middle Shabelle": NER took the town for a person
            if kind == "ORGANIZATION" and rec is not None and rec.entry is None and m.kind == "ner":
                # "captured Harardhere": a name NER took for an organisation is a place here
                rec.type = "LOCATION"
                return m.actor
            return m.actor if kind == "LOCATION" else None
        if relation == "ATTACKS":
            return m.actor
        if kind == "LOCATION":
            if m.agent:
                self._ensure(m.agent)
                return m.agent
            return None
        return m.actor

    # -- clause structure ---------------------------------------------------------------

    def _subject(self, verb: Token, depth: int = 0) -> tuple[list[Arg], bool]:
        """The agents of a verb (and whether the verb is passive)."""
        passive = any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children) or (
            verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod")
        )
        if passive:
            found: list[Arg] = []
            for c in verb.children:
                if c.dep_ == "agent":
                    for by in (c, *c.conjuncts):
                        found += [a for p in by.children if p.dep_ == "pobj" for a in self._args(p)]
            return found, True
        # the subject nearest the verb: "Syria: Russian fighters bombed ..." has two
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            before = [c for c in subjects if c.i < verb.i]
            return self._args(max(before, key=lambda c: c.i) if before else subjects[0]), False
        if depth > 3:
            return [], False
        # inherited: "launched airstrikes ... to support", "regaining control", "and captured"
        if verb.dep_ in ("xcomp", "advcl", "conj") and verb.head.i != verb.i:
            head = verb.head
            # a purpose clause hung on a participle ("sectors controlled by them to
            # support ...") belongs to the finite verb above it
            while head.dep_ in ("acl", "relcl", "pobj", "prep", "dobj", "acomp") and head.head.i != head.i and (
                head.pos_ not in ("VERB", "AUX") or head.tag_ == "VBN"
            ):
                head = head.head  # ("remained determined to destroy": the one who remained)
            if head.pos_ in ("VERB", "AUX"):
                if head.lemma_.lower() in self.lex.verbs and self.lex.verbs[head.lemma_.lower()] == "CALLS_ON" \
                        and verb.dep_ == "xcomp":
                    # "urged Iraq to stay out": the one urged is the subject
                    return self._args(self._object(head)), False
                subj, was_passive = self._subject(head, depth + 1)
                if not was_passive:
                    return subj, False
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            return self._args(verb.head), False
        if verb.dep_ == "relcl":
            rel = next((c for c in verb.children if c.lower_ in RELATIVE and c.dep_ in SUBJECTS), None)
            if rel is not None:
                return self._args(verb.head), False
        return [], False

    def _object(self, verb: Token) -> Token | None:
        for c in verb.children:
            if c.dep_ in ("dobj", "obj"):
                return c
        return None

    def _collective(self, tok: Token | None) -> Token | None:
        """"a coalition of rebel groups that ...": the coalition, not its parts."""
        if tok is not None and tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
                tok.head.head.lemma_.lower() in COLLECTIVE_NOUNS:
            return tok.head.head
        return tok

    def _patient(self, verb: Token) -> Token | None:
        if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN" and self._collective(verb.head) is not verb.head:
            return self._collective(verb.head)
        for c in verb.children:
            if c.dep_ in ("nsubjpass", "nsubj"):
                return c
        if verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
            return self._patient(verb.head)
        if verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN":
            return verb.head
        if verb.dep_ == "relcl":
            rel = next((c for c in verb.children if c.lower_ in RELATIVE), None)
            if rel is not None and rel.dep_ in ("nsubjpass", "dobj"):
                return verb.head
        return None

    def _verb_keys(self, verb: Token) -> list[tuple[str, Token | None]]:
        """Lexicon keys this verb can match, with the preposition that carries the object."""
        lemma = verb.lemma_.lower()
        keys: list[tuple[str, Token | None]] = []
        prts = [c for c in verb.children if c.dep_ == "prt"]
        preps = [c for c in verb.children if c.dep_ in ("prep", "dative")]
        for prt in prts:
            for prep in preps:
                keys.append((f"{lemma} {prt.lower_} {prep.lower_}", prep))
            keys.append((f"{lemma} {prt.lower_}", None))
        for prep in preps:
            keys.append((f"{lemma} {prep.lower_}", prep))
        obj = self._object(verb)
        if obj is not None:
            # "declared war on Georgia", "exchanged fire": verb, object noun and preposition together
            keys = [(f"{lemma} {obj.lower_} {prep.lower_}", prep) for prep in preps] + [
                (f"{lemma} {obj.lower_}", None)] + keys
            # "blamed the deaths on the M23": the preposition hangs on the object
            keys += [(f"{lemma} {c.lower_}", c) for c in obj.children if c.dep_ == "prep"]
        keys.append((lemma, None))
        return keys

    # -- rule families ---------------------------------------------------------------------

    def _verb(self, verb: Token) -> Iterator[Found]:
        lemma = verb.lemma_.lower()
        if lemma in ("be", "have") and verb.pos_ == "AUX":
            return
        if lemma in self.lex.reversed_member_verbs:
            yield from self._includes(verb)
            return
        if lemma == "swear":
            yield from self._sworn_in(verb)
            return
        if lemma == "come":
            yield from self._came_under(verb)
            return
        if lemma in ("form", "found", "create", "establish") and verb.tag_ == "VBN":
            yield from self._formed_by(verb)
        for key, prep in self._verb_keys(verb):
            relation = self.lex.verbs.get(key)
            if relation is None and lemma in self.lex.transfer_verbs and key == lemma:
                relation = "BACKS"
            if relation is None:
                continue
            aim = relation == "CAPTURED" and verb.dep_ in ("advcl", "xcomp", "relcl", "acl") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            if aim:
                # "launched a campaign to seize Tripoli": an attack on it, not (yet) a capture
                relation = "ATTACKS"
            if relation == "CAPTURED" and lemma == "take" and any(
                    c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
                return  # "took the Gulf state to the court"
            if lemma == "tell" and not any(c.dep_ == "xcomp" for c in verb.children):
                return  # "told AFP that ..." reports; "told X to ..." orders
            if relation in ("ATTACKS", "CAPTURED") and any(
                    c.dep_ == "aux" and c.lower_ in self.lex.hedges for c in verb.children):
                return  # "fighters say they will push on towards Kinshasa": not (yet) an event
            if self._blocked(verb, relation):
                if relation == "ATTACKS" and self._intended(verb):
                    # "vowed to destroy Hamas": no attack yet, but a stance against it
                    relation = "OPPOSES"
                else:
                    return
            conf = self._hedge(verb)
            agents, passive = self._subject(verb)
            if passive:
                patient = self._patient(verb)
                targets = self._args(patient)
                if prep is not None:
                    targets = self._prep_objects(prep) or targets
                yield from self._emit(agents, relation, targets, verb, "verb-passive", 0.85 * conf)
                return
            if lemma in self.lex.transfer_verbs and prep is None:
                # "gave Kyiv billions in aid", "sent weapons to the army": the one who receives
                targets = [a for c in verb.children if c.dep_ == "dative"
                           for a in (self._prep_objects(c) if c.pos_ == "ADP" else self._args(c))]
                targets += [a for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
                            for a in self._prep_objects(c)]
                if not targets and lemma == "supply":
                    targets = self._args(self._object(verb))
            elif prep is not None:
                targets = self._prep_objects(prep)
                if not targets and not any(c.dep_ == "pobj" for c in prep.children):
                    targets = self._args(self._object(verb))  # "drove al-Shabaab out of Adan Yabaal"
                if not targets and relation in ("CAPTURED", "ATTACKS"):
                    targets = [a for p in prep.children if p.dep_ == "pobj" for a in self._target_fallback(p)]
                if not targets and relation in ("OPPOSES", "CRITICIZES"):
                    # "rose up against al-Shabaab's heavy taxes"
                    targets = [a for p in prep.children if p.dep_ == "pobj" for c in p.children if c.dep_ == "poss"
                               for a in self._arg(c)]
            else:
                obj = self._object(verb)
                if obj is None and verb.dep_ == "relcl" and relation in ("CAPTURED", "CONTROLS", "ATTACKS"):
                    obj = verb.head  # "Sirte, the city it seized in January"
                if obj is None:
                    # "attacked and captured Avdiivka": the object the conjoined verbs share
                    obj = next((cc for c in verb.conjuncts if c.i > verb.i and c.pos_ == "VERB"
                                for cc in c.children if cc.dep_ == "dobj"), None)
                if obj is None and relation in ("CAPTURED", "ATTACKS"):
                    # the small parser sometimes hangs the object as a modifier: "recaptured Mosul"
                    obj = next((c for c in verb.children if c.dep_ in ("advmod", "npadvmod", "dep", "oprd")
                                and c.i > verb.i and self._mention(c) is not None), None)
                if obj is not None and obj.lower_ == "it" and relation in ("CAPTURED", "CONTROLS"):
                    place = self._last_place(obj)
                    targets = [Arg(place, 0.8)] if place is not None else []
                else:
                    targets = self._args(obj)
                if not targets and relation in ("CAPTURED", "CONTROLS") and obj is not None:
                    targets = self._new_place(obj) or self._facility(obj)
                if not targets and relation in ("CAPTURED", "ATTACKS"):
                    targets = self._target_fallback(obj)
                if not targets and relation == "ATTACKS" and obj is not None and self._mention(obj) is None:
                    # "killed 115 people in the town of Pont-Sonde", "ambushed a convoy near Gao": the place
                    targets = [Arg(a.mention, 0.7) for c in verb.children
                               if c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "outside")
                               for a in self._prep_objects(c)
                               if a.mention.actor and self._type_of(a.mention.actor) == "LOCATION"]
                if not targets and relation == "BACKS":
                    # "helped federal forces capture the towns"
                    for c in verb.children:
                        if c.dep_ in ("ccomp", "xcomp"):
                            targets = self._args(next((x for x in c.children if x.dep_ == "nsubj"), None))
                if not targets and relation in ("OPPOSES", "CRITICIZES", "BACKS", "CALLS_ON") and obj is not None:
                    # "recognised the independence of Abkhazia", "condemned Russia's recognition"
                    targets = [a for c in obj.children if c.dep_ == "poss" for a in self._arg(c)]
                    targets = targets or self._of_objects(obj, 1)
                if not targets and relation == "CALLS_ON":
                    # "demanded that the RSF end its siege"
                    for c in verb.children:
                        if c.dep_ == "ccomp":
                            targets = self._args(next((x for x in c.children if x.dep_ == "nsubj"), None))
            if relation == "LEADS" and lemma == "spearhead" and not targets:
                continue
            if prep is not None and not targets and key != lemma:
                continue  # the preposition led nowhere: try the plain verb with its object
            if key in REVERSED_KEYS:
                # "Kherson fell to Russian forces": the object of "to" took the subject
                places = self._args(next((c for c in verb.children if c.dep_ == "nsubj"), None))
                yield from self._emit(self._prep_objects(prep) if prep is not None else [], relation, places,
                                      verb, "verb", 0.85 * conf)
                return
            if not targets and len(agents) > 1 and (relation in ("NEGOTIATES_WITH", "ALLIED_WITH") or (
                    relation == "ATTACKS" and (lemma in RECIPROCAL or key in RECIPROCAL))):
                # "Putin and Xi met in Beijing": between the parties named
                agents, targets = agents[:1], agents[1:]
            obj = self._object(verb)
            if relation == "ATTACKS" and obj is not None and obj.lemma_.lower() in DIPLOMATS:
                relation = "OPPOSES"  # "expelled the French ambassador" is a diplomatic break
            yield from self._emit(agents, relation, targets, verb, "verb", 0.9 * conf)
            if relation == "ATTACKS":
                yield from self._expelled_from(verb, agents, conf)
            if relation in ("ATTACKS", "CAPTURED") and targets:
                yield from self._joint_action(agents, verb)
            if prep is not None and targets:
                # "fought alongside US troops against the Islamic State": each phrase says something
                yield from self._other_prepositions(verb, prep, agents, conf)
            return

    def _other_prepositions(self, verb: Token, done: Token, agents: list[Arg], conf: float) -> Iterator[Found]:
        lemma = verb.lemma_.lower()
        for c in verb.children:
            if c.dep_ != "prep" or c.i == done.i:
                continue
            relation = self.lex.verbs.get(f"{lemma} {c.lower_}")
            if relation is not None:
                yield from self._emit(agents, relation, self._prep_objects(c), verb, "verb", 0.85 * conf)

    def _joint_action(self, agents: list[Arg], verb: Token) -> Iterator[Found]:
        """"Rwandan and Mozambican forces recaptured the town": fighting together is an alliance."""
        sides = []
        for a in agents:
            key = self._agent_key(a.mention)
            if key and key not in {self._agent_key(b.mention) for b in sides} \
                    and self._type_of(key) not in ("PERSON", "LOCATION"):
                sides.append(a)
        if len(sides) > 1:
            yield from self._emit(sides[:1], "ALLIED_WITH", sides[1:], verb, "verb-joint", 0.7)

    def _expelled_from(self, verb: Token, agents: list[Arg], conf: float) -> Iterator[Found]:
        """"drove the paramilitaries out of the capital": the place is taken."""
        places: list[Arg] = []
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "out"):
                places += self._prep_objects(c)
                for cc in c.children:
                    if cc.dep_ == "prep" and cc.lower_ == "of":
                        places += self._prep_objects(cc)
            if c.dep_ == "prt" and c.lower_ == "out":
                for cc in verb.children:
                    if cc.dep_ == "prep" and cc.lower_ == "of":
                        places += self._prep_objects(cc)
        places = [p for p in places if self._target_key(p.mention, "CAPTURED")]
        yield from self._emit(agents, "CAPTURED", places, verb, "verb", 0.8 * conf)

    def _came_under(self, verb: Token) -> Iterator[Found]:
        """"their vehicle came under fire from Azerbaijani forces": the shooters attack the subject."""
        under = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "under"), None)
        if under is None or self._blocked(verb):
            return
        what = next((p for p in under.children if p.dep_ == "pobj"), None)
        if what is None or self.lex.nouns.get(what.lemma_.lower()) != "ATTACKS":
            return
        attackers = [a for p in (*verb.children, *what.children) if p.dep_ == "prep" and p.lower_ == "from"
                     for a in self._prep_objects(p)]
        victims = self._args(next((c for c in verb.children if c.dep_ == "nsubj"), None))
        if not victims:
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            victims = self._target_fallback(subj) if subj is not None else []
        yield from self._emit(attackers, "ATTACKS", victims, verb, "verb-under", 0.8)

    def _sworn_in(self, verb: Token) -> Iterator[Found]:
        """"X was sworn in as prime minister": X leads (the government of the article)."""
        if not any(c.dep_ == "prt" and c.lower_ == "in" for c in verb.children) or self._blocked(verb):
            return
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                for p in c.children:
                    if p.dep_ != "pobj":
                        continue
                    title = " ".join([x.lower_ for x in p.children if x.dep_ in ("compound", "amod")
                                      and x.i == p.i - 1] + [p.lower_])
                    rel = self.lex.nouns.get(title) or self.lex.nouns.get(p.lower_)
                    if rel not in ("LEADS", "MEMBER_OF"):
                        continue
                    orgs = [a for cc in p.children if cc.dep_ == "prep" and cc.lower_ == "of"
                            for a in self._prep_objects(cc)]
                    if not orgs and self.actors.home:
                        orgs = [Arg(self._synthetic_government(self.actors.home, p), 0.7)]
                    people = [a for a in self._args(self._patient(verb))
                              if self._type_of(a.mention.actor or "") == "PERSON"]
                    yield from self._emit(people, rel, orgs, verb, "title-sworn", 0.8)

    def _formed_by(self, verb: Token) -> Iterator[Found]:
        """"a coalition formed by the G9 and G-Pep": the founders are its members."""
        whole = verb.head if verb.dep_ == "acl" else None
        if whole is None or whole.lemma_.lower() not in COLLECTIVE_NOUNS:
            return
        members, passive = self._subject(verb)
        if passive:
            yield from self._emit(members, "MEMBER_OF", self._args(whole), verb, "verb-formed", 0.75)

    def _includes(self, verb: Token) -> Iterator[Found]:
        """"The alliance, which also includes the TNLA and the AA": members of a group."""
        if self._blocked(verb):
            return
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ in RELATIVE and verb.dep_ == "relcl":
            wholes = self._args(self._collective(verb.head))
        else:
            wholes, _ = self._subject(verb)
        wholes = [w for w in wholes if self._type_of(w.mention.actor or "") in ("ARMED_GROUP", "ORGANIZATION")]
        parts = self._args(self._object(verb))
        parts = [p for p in parts if self._type_of(p.mention.actor or "") not in ("LOCATION", "PERSON")]
        yield from self._emit(parts, "MEMBER_OF", wholes, verb, "verb-includes", 0.8)

    def _prep_objects(self, prep: Token) -> list[Arg]:
        out: list[Arg] = []
        for p in prep.children:
            if p.dep_ in ("pobj", "pcomp"):
                out += self._args(p)
        return out

    def _new_place(self, tok: Token) -> list[Arg]:
        """A place the parse names but no gazetteer or NER did: the proper noun (with its
        compounds) that is taken or held ("entered al-Shifa", "the town of Shusha")."""
        if tok.pos_ != "PROPN" or self._mention(tok) is not None or tok.ent_type_ in ("DATE", "TIME", "CARDINAL"):
            return []
        left = min([c.i for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok.i])
        return [self._place_actor(left, tok)]

    def _place_actor(self, start: int, head: Token) -> Arg:
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

    def _facility(self, noun: Token) -> list[Arg]:
        """A named-by-description site that is taken: "the presidential palace",
        "Tripoli's international airport" (a place of its own, named by its phrase)."""
        if noun.lower_ not in FACILITY_NOUNS:
            return []
        mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "poss") and c.i < noun.i]
        # "the presidential palace", "Tripoli's airport", "Tripoli airport": a named site
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) or any(
            c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN") for c in noun.children)
        if not mods or not definite:
            return []
        start = min(c.left_edge.i for c in mods)
        while start < noun.i and self.doc[start].dep_ == "det":
            start += 1
        return [self._place_actor(start, noun)]

    def _site(self, obj: Token | None) -> list[Arg]:
        """A common-noun target ("a bridge") that a named place of the article is
        ("the Rastan Bridge", or a place in apposition with that noun)."""
        if obj is None or obj.lower_ not in SITE_NOUNS:
            return []
        best = None
        for m in self.actors.mentions:
            if m.actor is None or self._type_of(m.actor) != "LOCATION":
                continue
            if m.text.lower().split()[-1] == obj.lower_:
                best = best or m
        if best is None:
            return []
        return [Arg(best, 0.8)]

    def _controller(self, obj: Token) -> list[Arg]:
        """The actor behind a targeted area: "sectors controlled by them", "rebel-held areas"."""
        for c in obj.children:
            if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ("control", "hold", "occupy"):
                agents, _ = self._subject(c)
                if agents:
                    return [Arg(a.mention, a.confidence * 0.9) for a in agents]
            if c.dep_ in ("amod", "compound") and "-" in c.text:
                head, _, suffix = c.lower_.rpartition("-")
                if suffix in ("held", "controlled", "occupied"):
                    hit = self._lookup_affix(head, c)
                    if hit is not None:
                        return [Arg(hit, 0.8)]
        return []

    def _noun(self, noun: Token) -> Iterator[Found]:
        low = noun.lower_
        lemma = noun.lemma_.lower()
        relation = self.lex.nouns.get(low) or self.lex.nouns.get(lemma)
        compound_key = None
        for c in noun.children:
            if c.dep_ in ("compound", "amod") and c.i == noun.i - 1:
                compound_key = f"{c.lower_} {low}"
        if compound_key and compound_key in self.lex.nouns:
            relation = self.lex.nouns[compound_key]
        if relation is None:
            return
        if relation in ("LEADS", "MEMBER_OF"):
            yield from self._role_noun(noun, relation)
            return
        if low in ("control", "hands") or relation == "CONTROLS":
            yield from self._control_noun(noun)
            if relation != "CAPTURED" or low == "control":
                return
        if low in ("ties", "relations") and noun.head.lemma_.lower() not in self.lex.ties_breaking_verbs:
            return  # only "severed ties with X" opposes; "close ties" do not
        if relation == "NEGOTIATES_WITH" and noun.head.lemma_.lower() in self.lex.ties_breaking_verbs:
            relation = "OPPOSES"  # "revoked its defence agreements with Paris"
        if self._blocked(noun):
            return
        between = self._between(noun)
        if between:
            # "a ceasefire between Israel and Hezbollah", "the war between the army and the RSF"
            first, *others = between
            for rel in self._symmetric_variants(noun, relation):
                yield from self._emit([first], rel, others, noun, "noun-between", 0.75)
            return
        agents, targets = self._noun_roles(noun, relation)
        if not agents:
            return
        rule = "noun"
        symmetric = low in self.lex.symmetric_attack_nouns or lemma in self.lex.symmetric_attack_nouns
        if relation == "ATTACKS" and symmetric:
            # "war with Israel": the other side is what the phrase hangs on
            with_objs = [a for p in noun.children if p.dep_ == "prep" and p.lower_ in ("with", "against", "on")
                         for a in self._prep_objects(p)]
            for rel in self._symmetric_variants(noun, relation):
                yield from self._emit(agents, rel, with_objs, noun, rule, 0.75)
            return
        if relation in ("NEGOTIATES_WITH", "ALLIED_WITH") and not targets and len(agents) > 1:
            # "the junta and the alliance agreed to a ceasefire": between the parties named
            targets = agents[1:]
            agents = agents[:1]
        yield from self._emit(agents, relation, targets, noun, rule, 0.75 * self._hedge(noun.head))

    def _symmetric_variants(self, noun: Token, relation: str) -> list[str]:
        # "open war with X" is fighting; "at war with X", "the war between X and Y" a state of conflict
        if relation == "ATTACKS" and noun.lemma_.lower() in ("war", "conflict"):
            if self._between(noun) or (noun.dep_ == "pobj" and noun.head.lower_ == "at"):
                return ["OPPOSES"]
        return [relation]

    def _between(self, noun: Token) -> list[Arg]:
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "between":
                parties = self._prep_objects(c)
                if len(parties) >= 2:
                    return parties
        return []

    def _noun_roles(self, noun: Token, relation: str) -> tuple[list[Arg], list[Arg]]:
        """Agents and targets of a nominalised relation."""
        agents: list[Arg] = []
        targets: list[Arg] = []
        low = noun.lower_
        symmetric_attack = low in self.lex.symmetric_attack_nouns or (
            noun.lemma_.lower() in self.lex.symmetric_attack_nouns)
        agent_preps = {"of", "from", "by"} if relation in ("BACKS", "CRITICIZES", "CALLS_ON") else {"by", "from"}
        target_preps = {
            "BACKS": {"for", "to"},
            "ATTACKS": {"on", "against", "in", "targeting", "of", "across", "at", "over"},
            "CAPTURED": {"of"},
            "CRITICIZES": {"against", "on"},
            "CALLS_ON": {"on", "to", "for"},
            "NEGOTIATES_WITH": {"with", "between"},
            "ALLIED_WITH": {"with", "between"},
            "OPPOSES": {"to", "against", "with", "on"},
        }.get(relation, set())
        if low in ("victory", "win", "defeat"):
            target_preps = {"over", "against", "of"}  # a victory "in Mosul" is over someone, not the city
        if low in AGENT_NOUNS or noun.lemma_.lower() in AGENT_NOUNS:
            return self._agent_noun_roles(noun)
        if low == "support" and noun.dep_ == "pobj" and noun.head.lower_ == "in":
            # "in support of its ally Hamas": the of-phrase is the one supported
            agent_preps, target_preps = {"from", "by"}, {"of", "for", "to"}
        if relation == "ATTACKS" and low in ("massacre", "killing", "killings", "invasion", "occupation"):
            agent_preps = {"by", "from"}
        if relation == "CAPTURED":
            # "the fall of Kabul to the Taliban"
            agent_preps = {"to"} if noun.lemma_.lower() == "fall" else {"by", "from"}
        for c in noun.children:
            if c.dep_ == "prep":
                prep = c.lower_
                if prep in agent_preps and not (prep == "of" and relation in ("ATTACKS", "CAPTURED")):
                    agents += self._prep_objects(c)
                elif prep in target_preps:
                    targets += self._prep_objects(c)
                    if not targets and relation == "ATTACKS":
                        for p in c.children:
                            if p.dep_ == "pobj":
                                targets += self._target_fallback(p)
            elif c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < noun.i:
                # "Russian airstrikes", "a Muslim Brotherhood insurgency", "the Hamas-led attack"
                found = self._arg(c)
                if not found and c.lower_.endswith("-led"):
                    affix = self._affix_actor(c)
                    found = [Arg(affix, 0.8)] if affix is not None else []
                agents += found
            elif c.dep_ in ("acl", "relcl") and c.lemma_.lower() in (
                    "carry", "conduct", "commit", "perpetrate", "launch", "stage", "wage", "lead", "begin"):
                # "a massacre carried out by the military", "the offensive, which X launched against Y"
                agents += self._subject(c)[0]
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in target_preps:
                        targets += self._prep_objects(p)
        if relation == "CAPTURED" and not targets:
            # "the occupation ... of the strategic city of Hama": the first place in an of-phrase
            for t in noun.subtree:
                if t.dep_ == "pobj" and t.head.lower_ == "of":
                    m = self._mention(t)
                    if m is not None and m.actor and self._type_of(m.actor) == "LOCATION":
                        targets.append(Arg(m, 0.8))
                        break
        if relation == "CAPTURED" and not agents:
            for c in noun.children:
                if c.dep_ == "prep" and c.lower_ == "from":
                    agents += self._prep_objects(c)
        # light verbs lend their subject: "Russia launched airstrikes", "Iran provided support",
        # also through "a wave of attacks"
        phrase = noun
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in SERIES_NOUNS:
            phrase = noun.head.head
        symmetric = relation in ("ALLIED_WITH", "NEGOTIATES_WITH")
        if (not agents or not targets or symmetric) and phrase.dep_ in ("dobj", "attr", "nsubjpass") \
                and phrase.head.pos_ in ("VERB", "AUX"):
            noun_dep = phrase.dep_
            verb = phrase.head
            lemma = verb.lemma_.lower()
            prts = " ".join(c.lower_ for c in verb.children if c.dep_ == "prt")
            if lemma in self.lex.light_verbs or f"{lemma} {prts}" in self.lex.light_verbs or (
                lemma == "be" and noun_dep == "attr"
            ):
                verb_agents = self._subject(verb)[0] if lemma != "be" else self._args(
                    next((c for c in verb.children if c.dep_ == "nsubj"), None))
                if not agents or (symmetric and not targets and len(verb_agents) > len(agents)):
                    # "Iran and Russia deepened their cooperation": between the subjects
                    agents = verb_agents
                if not targets:
                    # "launched a wave of attacks ... on police stations and the airport"
                    for c in verb.children:
                        if c.dep_ == "prep" and c.lower_ in target_preps and c.lower_ not in ("in", "of"):
                            targets += self._prep_objects(c)
                if relation == "ATTACKS":
                    # "a bombing campaign across the south, the Bekaa Valley and ...": the parser
                    # often breaks such lists off the verb; their places are targets still
                    targets += [a for c in verb.children if c.dep_ in ("npadvmod", "dep") and c.i > noun.i
                                for a in self._args(c)
                                if a.mention.actor and self._type_of(a.mention.actor) == "LOCATION"]
        if not agents and noun.dep_ == "pobj" and noun.head.head.lower_ == "responsibility":
            # "Hezbollah claimed responsibility for a drone attack"
            verb = noun.head.head.head
            if verb.lemma_.lower() in ("claim", "admit", "accept", "acknowledge"):
                agents = self._subject(verb)[0]
        if not agents and noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "AUX"):
            verb = noun.head.head
            if f"{verb.lemma_.lower()} {noun.head.lower_}" in self.lex.light_verbs:
                agents = self._subject(verb)[0]
        if noun.dep_ == "appos" and not agents:
            agents = self._arg(noun.head)
        if not agents and noun.dep_ == "pobj" and noun.head.lower_ == "in" and relation in ("BACKS",):
            verb = noun.head.head
            if verb.pos_ in ("VERB", "AUX"):
                agents = self._subject(verb)[0]
        # "has been under siege by the RSF": the siege hits the subject
        if relation == "ATTACKS" and not targets and noun.dep_ == "pobj" and noun.head.lower_ == "under":
            verb = noun.head.head
            if verb.pos_ in ("VERB", "AUX"):
                targets = self._args(next((c for c in verb.children if c.dep_ in SUBJECTS), None))
        # purpose: "a massacre ... to quell a Muslim Brotherhood insurgency"
        if relation == "ATTACKS" and not targets:
            for c in noun.children:
                if c.dep_ in ("acl", "relcl"):
                    for cc in c.children:
                        if cc.dep_ in ("advcl", "xcomp") and cc.lemma_.lower() in self.lex.verbs \
                                and self.lex.verbs[cc.lemma_.lower()] == "ATTACKS":
                            obj = self._object(cc)
                            targets += self._args(obj) or self._insurgents(obj)
            anc = noun
            for _ in range(4):
                if targets or anc.head.i == anc.i:
                    break
                anc = anc.head
                if anc.pos_ not in ("VERB", "AUX"):
                    continue
                for c in anc.children:
                    if c.dep_ in ("advcl", "xcomp") and c.i > noun.i \
                            and self.lex.verbs.get(c.lemma_.lower()) == "ATTACKS" \
                            and any(a.lower_ == "to" for a in c.children):
                        obj = self._object(c)
                        targets += self._args(obj) or self._insurgents(obj)
        if relation == "BACKS" and not targets and low not in AGENT_NOUNS:
            targets = self._beneficiary(noun)
        if symmetric_attack:
            return agents or self._governing_actor(noun), targets
        return agents, targets

    def _agent_noun_roles(self, noun: Token) -> tuple[list[Arg], list[Arg]]:
        """"X is a key backer of Y", "Iran, Hezbollah's main backer", "its ally Hamas",
        "Moscow, now the junta's main military backer"."""
        targets = [a for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "to", "for")
                   for a in self._prep_objects(c)]
        # "Hezbollah's main backer", "an Iranian proxy"
        targets += [a for c in noun.children if c.dep_ in ("poss", "amod") for a in self._arg(c)]
        agents: list[Arg] = []
        if noun.dep_ in ("appos", "compound", "amod"):
            agents += self._arg(noun.head)
        if noun.dep_ in ("compound", "amod"):
            # "Iran's proxy Hezbollah": the possessor hangs on the name
            targets += [a for c in noun.head.children if c.dep_ == "poss" for a in self._arg(c)]
        for c in noun.children:
            if c.dep_ in ("appos", "compound") and self._mention(c) is not None:
                agents += self._args(c)
        # "Turkey is one of the main supporters of the rebels": the quantity stands in the clause
        anchor = noun
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in QUANTITY_WORDS:
            anchor = noun.head.head
            if anchor.dep_ == "appos":
                agents += self._arg(anchor.head)
        if anchor.dep_ == "attr" and anchor.head.lemma_ == "be":
            agents += self._args(next((c for c in anchor.head.children if c.dep_ == "nsubj"), None))
        if anchor.dep_ in ("nsubj",) and anchor.head.lemma_ == "be":
            agents += self._args(next((c for c in anchor.head.children if c.dep_ == "attr"), None))
        if noun.lower_ in BACKED_NOUNS:
            return targets, agents  # "Iran's proxy Hezbollah": the possessor backs
        return agents, targets

    def _insurgents(self, obj: Token | None) -> list[Arg]:
        if obj is None:
            return []
        return [a for c in obj.children if c.dep_ in ("compound", "amod", "poss") for a in self._arg(c)]

    def _governing_actor(self, noun: Token) -> list[Arg]:
        """The actor a phrase hangs on: "Hezbollah, weakened after ... war with Israel"."""
        tok = noun
        for _ in range(8):
            if tok.head.i == tok.i:
                break
            tok = tok.head
            m = self._mention(tok)
            if m is not None:
                return [Arg(m, 0.8)]
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("acl", "relcl"):
                subj, _ = self._subject(tok)
                return [Arg(a.mention, 0.8) for a in subj]
        return []

    def _beneficiary(self, noun: Token) -> list[Arg]:
        """Who is helped when a text names only the helper: "thanks to the support of
        Moscow, Damascus launched ..." (the subject of the clause the phrase serves)."""
        tok = noun
        for _ in range(6):
            if tok.head.i == tok.i:
                return []
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX"):
                subj = next((c for c in tok.children if c.dep_ in SUBJECTS), None)
                if subj is not None and subj.lower_ not in ("it", "this", "that", "there"):
                    return self._args(subj)
                for c in tok.children:
                    if c.dep_ in ("ccomp", "advcl") and c.i > noun.i:
                        s = next((x for x in c.children if x.dep_ in SUBJECTS), None)
                        if s is not None:
                            return self._args(s)
                return []
        return []

    def _control_noun(self, noun: Token) -> Iterator[Found]:
        """"in government hands", "in the hands of X", "control of X", "X's stronghold"."""
        low = noun.lower_
        if self._blocked(noun):
            return
        if low == "hands" and noun.dep_ == "pobj" and noun.head.lower_ == "in":
            holders = [a for c in noun.children if c.dep_ in ("poss", "compound", "amod") for a in self._arg(c)]
            holders += [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                        for a in self._prep_objects(c)]
            if not holders:
                for c in noun.children:
                    if c.dep_ in ("amod", "compound") and c.lower_ in self.lex.government_modifiers:
                        home = self.actors.home
                        if home:
                            holders = [Arg(self._synthetic_government(home, noun), 0.9)]
            verb = noun.head.head
            places = self._args(self._place_subject(verb))
            if verb.dep_ == "relcl":
                places = self._counted_places(verb.head) or places
            yield from self._emit(holders, "CONTROLS", places, noun, "noun-hands", 0.8)
            return
        if low == "control" and noun.dep_ == "pobj" and noun.head.lower_ == "under":
            # "Kobani is now under SDF control"
            holders = [a for c in noun.children if c.dep_ in ("poss", "compound", "amod") for a in self._args(c)]
            places = self._args(self._place_subject(noun.head.head))
            yield from self._emit(holders, "CONTROLS", places, noun, "noun-control", 0.75)
            return
        if low == "control":
            places = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for a in self._prep_objects(c)]
            if not places:
                for c in noun.children:
                    if c.dep_ == "prep" and c.lower_ == "of":
                        for p in c.children:
                            for cc in p.conjuncts:
                                places += self._args(cc)
            verb = noun.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and \
                    verb.dep_ in ("conj", "dobj", "pobj", "prep"):
                verb = verb.head
            lemma = verb.lemma_.lower()
            if lemma in CONTROL_VERBS_GAIN:
                relation = "CAPTURED"
            elif lemma in CONTROL_VERBS_HAVE or noun.head.lower_ == "in":
                relation = "CONTROLS"
            else:
                return
            agents = [a for c in noun.children if c.dep_ == "poss" for a in self._arg(c)]
            if not agents and verb.pos_ in ("VERB", "AUX"):
                agents = self._subject(verb)[0]
            yield from self._emit(agents, relation, places, noun, "noun-control", 0.75)
            return
        if low in ("stronghold", "bastion", "heartland"):
            holders = [a for c in noun.children if c.dep_ == "poss" for a in self._arg(c)]
            of_phrase = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                         for a in self._prep_objects(c)]
            # "its stronghold of Jilib" names the place; "a stronghold of the rebels" the holder
            places = [a for a in of_phrase if self._type_of(a.mention.actor or "") == "LOCATION"]
            holders += [a for a in of_phrase if a not in places]
            places += [a for c in noun.children if c.dep_ == "appos" for a in self._args(c)]
            if noun.dep_ == "appos":
                places += self._arg(noun.head)
            if noun.dep_ == "attr":
                subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
                places += self._args(subj)
            yield from self._emit(holders, "CONTROLS", places, noun, "noun-stronghold", 0.75)

    def _synthetic_government(self, state: str, near: Token) -> Mention:
        m = self._mention(near)
        anchor = m or Mention(self.part, near.i, near.i + 1, near.i, near.idx, near.idx + len(near), near.text,
                              "synthetic", state, "STATE")
        self._ensure(state)
        self.actors.actors[state].government = True
        return self._synthetic(state, anchor)

    def _place_subject(self, verb: Token) -> Token | None:
        subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subj is not None and subj.lower_ in RELATIVE and verb.dep_ == "relcl":
            head = verb.head
            # "Homs ... and Damascus, two major cities that remain ...": the places named
            if head.dep_ == "appos":
                return head.head
            return head
        return subj

    def _counted_places(self, noun: Token) -> list[Arg]:
        """"Homs ... and Damascus, two major cities that ...": the last N places named."""
        count = next((NUMBER_WORDS.get(c.lower_) for c in noun.children if c.dep_ == "nummod"), None)
        if not count or noun.dep_ != "appos":
            return []
        end = noun.idx + self.offsets[self.part]
        places = [m for m in self.actors.mentions if m.char_start < end and m.actor
                  and self._type_of(m.actor) == "LOCATION"]
        chosen: list[Mention] = []
        for m in reversed(places):
            if m.actor not in {c.actor for c in chosen}:
                chosen.append(m)
            if len(chosen) == count:
                break
        return [Arg(m, 0.8) for m in reversed(chosen)]

    def _role_noun(self, noun: Token, relation: str) -> Iterator[Found]:
        """"the head of the HTS, Ahmed al-Shareh", "X is the leader of Y", "Its Secretary
        General, Antonio Guterres"."""
        inside = self._mention(noun)
        # "MONUSCO, the UN peacekeeping force" belongs to the UN; "a Russian mercenary force" only
        # says where it comes from
        if noun.dep_ == "compound" or (inside is not None and not (
                inside.start < noun.i and noun.dep_ == "appos" and relation == "MEMBER_OF"
                and inside.kind != "demonym")):
            return
        if any(c.lower_ in FORMER for c in noun.children):
            return
        orgs: list[Arg] = []
        through_organ = False
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "at", "in", "for"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        found = self._args(p)
                        orgs += found
                        # "the chief of Russia's general staff" heads an organ, not the state
                        through_organ = through_organ or (bool(found) and self._mention(p) is None
                                                          and (p.lower_ in ORGAN_NOUNS or p.lemma_ in ORGAN_NOUNS))
        # "Syrian arm" is no membership of Syria; "the Israeli Prime Minister, X" leads Israel
        modifiers = ("poss", "compound") if noun.lower_ in GROUP_PARTS else ("poss", "compound", "amod")
        orgs += [a for c in noun.children if c.dep_ in modifiers for a in self._arg(c)]
        if inside is not None:
            orgs.append(Arg(inside))
        if through_organ and relation == "LEADS":
            relation = "MEMBER_OF"
        people: list[Arg] = []
        for c in noun.children:
            if c.dep_ == "appos":
                people += self._args(c)
        if noun.dep_ == "appos":
            people += self._arg(noun.head)
        if noun.dep_ == "attr":
            subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
            people += self._args(subj)
        if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
            # "the M23, whose president is Bertrand Bisimwa"
            people += self._args(next((c for c in noun.head.children if c.dep_ == "attr"), None))
        people = [p for p in people if self._type_of(p.mention.actor or "") == "PERSON"
                  or relation == "MEMBER_OF"]
        if noun.lower_ in ("faction", "wing", "arm", "branch", "affiliate", "offshoot", "unit", "militia"):
            people = [p for p in people if self._type_of(p.mention.actor or "") != "PERSON"]
        yield from self._emit(people, relation, orgs, noun, "title", 0.85)

    def _possessed_group(self, tok: Token) -> Iterator[Found]:
        """"Khalifa Haftar's Libyan National Army", "the government of Prime Minister X"."""
        m = self._mention(tok)
        if m is None or tok.i != m.root or m.actor is None:
            return
        kind = self._type_of(m.actor)
        if kind in ("ARMED_GROUP", "ORGANIZATION", "GOVERNMENT", "STATE"):
            if kind in ("GOVERNMENT", "STATE") and m.kind != "government":
                return
            people = [a for c in tok.children if c.dep_ == "poss" for a in self._arg(c)]
            people += [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                       for a in self._prep_objects(c)]
            people = [p for p in people if self._type_of(p.mention.actor or "") == "PERSON"]
            yield from self._emit(people, "LEADS", [Arg(m)], tok, "title-possessive", 0.75)

    def _title(self, tok: Token) -> Iterator[Found]:
        """"Turkish President Recep Tayyip Erdogan", "Syrian Defense Minister Ali Abbas",
        "current president Bashar al-Assad", "Hafez al-Assad ... in power"."""
        m = self._mention(tok)
        if m is None or tok.i != m.root or self._type_of(m.actor or "") != "PERSON":
            return
        doc = self.doc
        title_words = []
        orgs: list[Arg] = []
        # the words before the name inside its noun phrase: "US Secretary of State Antony Blinken"
        k = m.start - 1
        while k >= doc[m.root].left_edge.i:
            t = doc[k]
            if t.is_punct or t.lower_ in ("the", "a", "an") or t.pos_ in ("VERB", "AUX"):
                break
            if t.lower_ == "of":
                k -= 1
                continue
            other = self._mention(t)
            if other is not None and other is not m:
                # "National Security Minister X": an unknown ORG inside a title is the portfolio
                if other.entry is not None or other.kind != "ner":
                    orgs.append(Arg(other))
                k = other.start - 1
                continue
            title_words.insert(0, t.lower_)
            k -= 1
        relation = None
        for n in range(len(title_words)):
            key = " ".join(title_words[n:])
            if key in self.lex.nouns and self.lex.nouns[key] in ("LEADS", "MEMBER_OF"):
                relation = self.lex.nouns[key]
                break
        if relation is None and title_words:
            last = title_words[-1]
            if self.lex.nouns.get(last) in ("LEADS", "MEMBER_OF"):
                relation = self.lex.nouns[last]
            elif last == "minister" or last.endswith("minister"):
                relation = "MEMBER_OF"
        if relation is None and any(w.endswith("minister") for w in title_words):
            relation = "MEMBER_OF"
        if relation is None:
            yield from self._in_power(tok, m)
            return
        if not orgs:
            if all(w in RANKS for w in title_words):
                return  # "General X" says no more than a rank
            orgs = self._default_org(m, relation)
        yield from self._emit([Arg(m)], relation, orgs, tok, "title", 0.9)

    def _default_org(self, m: Mention, relation: str) -> list[Arg]:
        entry = self.gaz.entries.get(m.actor or "")
        if entry is None:
            return []
        target = entry.leads if relation == "LEADS" else (entry.member_of or entry.country)
        if target and target in self.gaz:
            return [Arg(self._synthetic(target, m), 0.8)]
        return []

    def _in_power(self, tok: Token, m: Mention) -> Iterator[Found]:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "in" and any(p.lower_ == "power" for p in c.children):
                yield from self._emit([Arg(m)], "LEADS", self._default_org(m, "LEADS"), tok, "title-power", 0.7)

    def _alongside(self, prep: Token) -> Iterator[Found]:
        """"mediated ... alongside Egypt", "announced an initiative alongside Haftar": joint action."""
        verb = prep.head
        while verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("dobj", "pobj", "npadvmod") and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return
        key = f"{verb.lemma_.lower()} alongside"
        if key in self.lex.verbs or self._blocked(verb):
            return  # "fight alongside" is the verb rule's
        agents, passive = self._subject(verb)
        if passive:
            return
        yield from self._emit(agents, "ALLIED_WITH", self._prep_objects(prep), prep, "alongside", 0.7)

    def _side(self, tok: Token) -> Iterator[Found]:
        """"Moscow and Hezbollah on Assad's side", "fighting on the side of X"."""
        if tok.dep_ != "pobj" or tok.head.lower_ not in ("on", "at", "by"):
            return
        sided = [a for c in tok.children if c.dep_ == "poss" for a in self._args(c)]
        sided += [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for a in self._prep_objects(c)]
        holder = tok.head.head
        if holder.pos_ in ("VERB", "AUX"):
            agents = self._subject(holder)[0]
        else:
            agents = self._args(holder)
        if self._blocked(holder):
            return
        yield from self._emit(agents, "BACKS", sided, tok, "side", 0.8)

    def _affix_actor(self, tok: Token) -> Mention | None:
        """The actor of a "Hamas-led" / "Iran-backed" modifier."""
        name, _, suffix = tok.text.rpartition("-")
        if name and suffix.lower() in ("led", "backed", "sponsored", "organised", "organized"):
            return self._lookup_affix(name, tok)
        return None

    def _lookup_affix(self, text: str, tok: Token) -> Mention | None:
        low = text.lower()
        if low in self.lex.government_modifiers or low in self.lex.government_nouns:
            if self.actors.home:
                return self._synthetic_government(self.actors.home, tok)
            return None
        hit = self.gaz.lookup(text)
        if hit is None:
            return None
        entry = self.gaz[hit.entry]
        key = entry.name
        if entry.type == "PERSON":
            key = entry.leads if entry.leads in self.gaz else entry.name
        elif hit.kind == "metonym":
            key = self.gaz.metonym_of.get(text.lower(), key)
        if entry.type == "LOCATION":
            return None
        self._ensure(key)
        return Mention(self.part, tok.i, tok.i + 1, tok.i, tok.idx, tok.idx + len(tok), text, "affix", key, "",
                       actor=key)

    def _affix(self, tok: Token) -> Iterator[Found]:
        """"Iran-backed Houthis", "Turkish-backed", "Wagner-led", "pro-government
        militias", "anti-regime forces"."""
        text = tok.text
        if "-" not in text or len(text) < 5:
            return
        head_tok = tok.head if tok.dep_ in ("amod", "compound", "nmod") else None
        low = text.lower()
        if low.startswith(("anti-", "pro-")):
            prefix, _, rest = low.partition("-")
            other = self._lookup_affix(rest, tok)
            holder_tok = tok if self._mention(tok) is not None else head_tok
            if other is None or holder_tok is None:
                return
            holders = self._args(holder_tok)
            relation = "OPPOSES" if prefix == "anti" else "BACKS"
            yield from self._emit(holders, relation, [Arg(other, 0.9)], tok, "affix", 0.8)
            return
        name, _, suffix = text.rpartition("-")
        relation = {"backed": "BACKS", "supported": "BACKS", "sponsored": "BACKS", "funded": "BACKS",
                    "armed": "BACKS", "allied": "ALLIED_WITH", "aligned": "BACKS", "led": "LEADS",
                    "held": "CONTROLS", "controlled": "CONTROLS", "occupied": "CONTROLS", "run": "CONTROLS",
                    "ruled": "CONTROLS"}.get(suffix.lower())
        if relation is None or head_tok is None:
            return
        other = self._lookup_affix(name, tok)
        if other is None:
            return
        targets = self._args(head_tok)
        yield from self._emit([Arg(other, 0.9)], relation, targets, tok, "affix", 0.8)
