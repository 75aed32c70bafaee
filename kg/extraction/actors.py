"""Actor mentions and their resolution to actors.

A mention is a span that names an actor: a gazetteer form (tagged by the entity
ruler), a spaCy entity, or a common phrase that stands for a known side ("the
regime", "government forces", "anti-regime fighters", "the jihadists").  Resolution
gives every mention the key of one actor of the document, so all the ways an article
names an actor become one node: "HTS" and "Hayat Tahrir al-Sham"; "Erdogan" after
"Recep Tayyip Erdogan"; "Moscow" (when it acts), "Russian forces" and "Russia".
A state and its government are one actor; the government's name is used when the
article speaks of the government or its forces.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..model import Actor, slugify
from .gazetteer import Gazetteer, normalize
from .groups import GroupKeys, group_phrase
from .lexicon import Lexicon, load_lexicon

# spaCy's entity labels as actor types
NER_TYPES = {"PERSON": "PERSON", "ORG": "ORGANIZATION", "GPE": "LOCATION", "LOC": "LOCATION",
             "FAC": "LOCATION", "NORP": "ORGANIZATION"}


@dataclass
class Mention:
    """A span of one parsed piece (``part``) of the article that names an actor."""

    part: int
    start: int
    end: int
    root: int
    char_start: int
    char_end: int
    text: str
    kind: str
    entry: str | None
    label: str
    actor: str | None = None
    # the actor this mention stands for when it acts (a capital acting for its state)
    agent: str | None = None
    adjectival: bool = False
    # the phrase reaches past the name to the head noun it modifies ("Russian armed forces")
    extended: bool = False


@dataclass
class ActorRecord:
    """An actor of one document while it is being built."""

    key: str
    type: str
    entry: str | None = None
    names: Counter = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0
    government: bool = False
    # named as a place somewhere ("talks in Pretoria", "fled to Damascus")
    place_use: bool = False


@dataclass
class DocumentActors:
    """The mentions of one article and the actors they resolve to."""

    mentions: list[Mention]
    actors: dict[str, ActorRecord]
    home: str | None
    by_token: dict[tuple[int, int], Mention]

    def at(self, part: int, token: Token) -> Mention | None:
        return self.by_token.get((part, token.i))

    def to_actors(self, gazetteer: Gazetteer, related: set[str] | None = None) -> list[Actor]:
        """Return the document's actors with their canonical names and aliases.

        A capital that is no place of any relation (``related``: the keys that are) is
        left out: articles mostly name capitals for their governments ("Kyiv said")."""
        out = []
        for rec in self.actors.values():
            if related is not None and rec.key not in related and rec.type == "LOCATION" and rec.entry \
                    and normalize(rec.entry) in gazetteer.metonym_of and not rec.place_use:
                continue
            if rec.government and rec.key != self.home:
                # a foreign army is its state; only the home country's government is named as such
                rec.government = False
            name, kind = canonical_name(rec, gazetteer)
            aliases = set(rec.aliases)
            if rec.entry and rec.entry != name:
                aliases.add(rec.entry)
            aliases.discard(name)
            out.append(Actor(slugify(rec.key), name, kind, sorted(aliases), rec.mentions))
        return sorted(out, key=lambda a: a.id)


def canonical_name(rec: ActorRecord, gazetteer: Gazetteer) -> tuple[str, str]:
    """Return the name and type an actor record is published under."""
    if rec.entry and rec.entry in gazetteer:
        entry = gazetteer[rec.entry]
        if entry.type == "STATE" and rec.government:
            return entry.government or f"{entry.name} government", "GOVERNMENT"
        return entry.name, entry.type
    if rec.names:
        # the longest of the most frequent forms: "Recep Tayyip Erdogan" over "Erdogan"
        return max(rec.names, key=lambda n: (len(n.split()), rec.names[n], len(n))), rec.type
    return rec.key, rec.type


def clean_surface(text: str) -> str:
    """Strip a leading article and a trailing possessive from a surface form."""
    text = re.sub(r"\s+", " ", text.strip())
    text = re.sub(r"^(the|The|THE)\s+", "", text)
    text = re.sub(r"['\u2019]s?$", "", text).strip()
    return text


def _span_bounds(doc: Doc, start: int, end: int, lex: Lexicon) -> tuple[int, int]:
    while start < end - 1 and doc[start].lower_ in lex.words["determiners"]:
        start += 1
    while end - 1 > start and doc[end - 1].tag_ == "POS":
        end -= 1
    return start, end


def _head_of(doc: Doc, start: int, end: int) -> int:
    span = doc[start:end]
    return span.root.i


class MentionFinder:
    """Finds the actor mentions of parsed texts.

    Parameters
    ----------
    gazetteer : Gazetteer
    lexicon : Lexicon
    """

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.gaz = gazetteer
        self.lex = lexicon

    def _is_agent_noun(self, tok: Token) -> bool:
        return tok.pos_ in ("NOUN", "PROPN") and (
            tok.lower_ in self.lex.force_nouns or tok.lemma_.lower() in self.lex.force_nouns
        )

    def find(self, part: int, doc: Doc, offset: int) -> list[Mention]:
        """Return the mentions of one parsed piece; ``offset`` is its start in the article."""
        out: list[Mention] = []
        covered: set[int] = set()

        def add(start: int, end: int, root: int, kind: str, entry: str | None, label: str) -> Mention:
            span = doc[start:end]
            m = Mention(part, start, end, root, offset + span.start_char, offset + span.end_char,
                        span.text, kind, entry, label)
            out.append(m)
            covered.update(range(start, end))
            return m

        for ent in doc.ents:
            if not ent.ent_id_ and ent.label_ not in NER_TYPES:
                continue
            start, end = _span_bounds(doc, ent.start, ent.end, self.lex)
            text = doc[start:end].text
            if ent.ent_id_:
                entry, _, kind = ent.ent_id_.rpartition("|")
                label = ent.label_
            else:
                hit = self.gaz.lookup(text)
                if hit is not None:
                    entry, kind, label = hit.entry, hit.kind, self.gaz[hit.entry].type
                elif normalize(text) in self.gaz.descriptions or normalize(ent.root.lemma_) in self.gaz.descriptions:
                    # "Jihadists warn Iraq": a capitalised description, not a name
                    m = add(start, end, _head_of(doc, start, end), "description", None, "ARMED_GROUP")
                    continue
                elif normalize(text) in self.lex.definite_government_nouns | self.lex.government_nouns:
                    # "Army troops", "the Junta": the home government, not an organisation called so
                    add(start, end, _head_of(doc, start, end), "government", None, "STATE")
                    continue
                elif text.islower() or len(text) < 2:
                    continue
                else:
                    entry, kind, label = None, "ner", ent.label_
                    if ent.label_ == "PERSON":
                        start, end = self._strip_titles(doc, start, end)
                    head = doc[_head_of(doc, start, end)].head
                    if ent.label_ in ("NORP", "ORG", "GPE") and self._is_agent_noun(head):
                        # "Tigrayan fighters": the group the gazetteer knows as "Tigrayan forces"
                        group = self._group_of(text, head)
                        if group is not None:
                            add(start, head.i + 1, head.i, "alias", group, self.gaz[group].type).extended = True
                            continue
            root = _head_of(doc, start, end)
            head = doc[root].head
            if entry is not None and label == "STATE" and start > 0 and doc[start - 1].pos_ == "PROPN" \
                    and doc[start - 1].head.i == root and not doc[start - 1].ent_type_ \
                    and not doc[start - 1].is_sent_start:
                # "Puerto Jordan" is a town, not the kingdom
                add(start - 1, end, root, "ner", None, "GPE")
                continue
            if (entry is not None and label == "LOCATION" and doc[root].dep_ == "compound" and head.i == end
                    and head.pos_ == "PROPN" and head.lower_ in self.lex.words["facility_nouns"]):
                # "the Rastan Bridge" is a site of its own, not the town it is named after
                add(start, end + 1, head.i, "ner", None, "FAC")
                continue
            # "Russian armed forces", "HTS fighters": the whole phrase names the actor
            # (but "ethnic Armenian fighters" are no army of Armenia)
            ethnic = start > 0 and doc[start - 1].lower_ in self.lex.words["ethnic_prefixes"]
            if ethnic and kind == "demonym":
                continue
            if (
                entry is not None
                and doc[root].dep_ in ("amod", "compound", "nmod")
                and head.i >= end
                and self._is_agent_noun(head)
                and all(doc[k].dep_ in ("amod", "compound") for k in range(end, head.i))
            ):
                einfo = self.gaz[entry]
                if einfo.type == "PERSON" and head.lower_ in self.lex.government_nouns:
                    target = einfo.leads or einfo.country
                    if target in self.gaz:
                        add(start, head.i + 1, head.i, "government", target, "STATE").extended = True
                        continue
                elif einfo.type not in ("PERSON", "ORGANIZATION") and not (
                        kind == "demonym" and self.lex.has("nonstate_group_nouns", head)):
                    # ("the UN peacekeeping force" is a body of its own, not the UN; "Sudanese armed
                    # factions" are no forces of Sudan)
                    add(start, head.i + 1, head.i, kind, entry, label).extended = True
                    continue
            m = add(start, end, root, kind, entry, label)
            if kind == "demonym" and doc[root].dep_ in ("amod", "compound", "nmod") and head.pos_ == "NOUN":
                # "Syrian territory" names no actor that a pronoun could refer to
                m.adjectival = True

        for tok in doc:
            if tok.i in covered or tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
                continue
            group = group_phrase(doc, tok, self.lex)
            if group is not None:
                # "local Druze militias": a group of its own, not the tagger's "Druze"
                out[:] = [m for m in out if not (group[0] <= m.start and m.end <= group[1]
                                                 and (m.entry is None or m.label == "LOCATION"))]
                add(group[0], group[1], tok.i, "group", None, "ARMED_GROUP")
                continue
            found = self._generic(doc, tok, covered)
            if found is not None:
                start, end, kind, entry = found
                add(start, end, tok.i, kind, entry, "ARMED_GROUP" if kind == "opposition" else "STATE")
        return out

    def _group_of(self, demonym: str, head: Token) -> str | None:
        for noun in (head.text, *self.lex.group_head_nouns):
            hit = self.gaz.lookup(f"{demonym} {noun}")
            if hit is not None and self.gaz[hit.entry].type in ("ARMED_GROUP", "ORGANIZATION"):
                return hit.entry
        return None

    def _strip_titles(self, doc: Doc, start: int, end: int) -> tuple[int, int]:
        while start < end - 1 and doc[start].lower_.rstrip(".") in self.lex.words["title_words"]:
            start += 1
        return start, end

    def _generic(self, doc: Doc, tok: Token, covered: set[int]) -> tuple[int, int, str, str | None] | None:
        lex = self.lex
        low, lemma = tok.lower_, tok.lemma_.lower()
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i]
        mod_words = {c.lower_ for c in mods}
        left = min([c.i for c in mods if c.i not in covered], default=tok.i)
        is_head = tok.dep_ not in ("amod", "compound")
        # opposition: "rebels", "rebel groups", "anti-regime fighters", "the rebel offensive"
        if is_head and (low in lex.opposition_nouns or lemma in lex.opposition_nouns) and tok.pos_ != "ADJ":
            weak = lex.words["weak_determiners"]
            if low in lex.words["abstract_opposition_nouns"] and not any(
                    c.dep_ in ("det", "poss") and c.lower_ not in weak for c in tok.children):
                return None  # "met little resistance" names no side
            return left, tok.i + 1, "opposition", None
        if is_head and self._is_agent_noun(tok):
            if any(w in lex.opposition_modifiers or w.startswith("anti-") for w in mod_words):
                return left, tok.i + 1, "opposition", None
            owner = next((c for c in tok.children if c.dep_ == "poss" and c.ent_id_), None)
            if mod_words & lex.government_modifiers and (
                    owner is None or self.gaz[owner.ent_id_.rpartition("|")[0]].type == "STATE"):
                # ("Hamas's military wing" belongs to Hamas, not to a government)
                return left, tok.i + 1, "government", owner.ent_id_.rpartition("|")[0] if owner else None
        if not is_head and low in lex.words["opposition_adjuncts"] and tok.head.pos_ == "NOUN" \
                and not self._is_agent_noun(tok.head):  # "rebel groups" is the head noun's mention
            return tok.i, tok.i + 1, "opposition", None
        # "the regime", "the army", "the Syrian government" (the demonym is its own mention)
        if is_head and tok.pos_ == "NOUN" and (low in lex.definite_government_nouns or lemma in lex.government_nouns):
            dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
            owner = next((c for c in dets if c.dep_ == "poss" and c.ent_id_), None)
            if owner is not None:
                # "Sudan's army": that state's government; "Assad's regime": the government he leads
                entry = owner.ent_id_.rpartition("|")[0]
                if entry in self.gaz and self.gaz[entry].type == "PERSON":
                    person = self.gaz[entry]
                    led = person.leads if person.leads in self.gaz and self.gaz[person.leads].type == "STATE" \
                        else person.country
                    entry = led if led in self.gaz else entry
                if entry in self.gaz and self.gaz[entry].type == "STATE":
                    return tok.i, tok.i + 1, "government", entry
            if any(c.lower_ in lex.words["indefinite_determiners"] for c in dets):
                return None
            if low in lex.government_nouns or lemma in lex.government_nouns:
                return left, tok.i + 1, "government", None
            if dets and dets[0].lower_ == "the" and not (mod_words - {"whole"}):
                return tok.i - 1 if doc[tok.i - 1].lower_ == "the" else tok.i, tok.i + 1, "government", None
            return None
        if is_head and tok.pos_ == "NOUN":
            key = normalize(tok.text)
            if key in self.gaz.descriptions or normalize(tok.lemma_) in self.gaz.descriptions:
                return left, tok.i + 1, "description", None
        return None


def _state_of_mentioned(m: Mention, doc_mentions: dict[tuple[int, int], Mention]) -> str | None:
    """The state a government mention names through a modifier ("the Syrian regime")."""
    for k in range(m.start, m.end):
        other = doc_mentions.get((m.part, k))
        if other is not None and other is not m and other.entry:
            return other.entry
    return None


def _acts(tok: Token, lex: Lexicon) -> bool:
    """True when a place name is used as an agent: a subject, a passive agent, a
    possessor, or the of/from-phrase of a non-place noun ("the support of Moscow")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in ("nsubj", "poss") or (tok.dep_ == "ROOT" and tok.pos_ == "PROPN"):
        # a verbless headline's topic ("Moscow and Hezbollah on Assad's side") acts too
        return True
    if tok.dep_ == "pobj":
        prep = tok.head
        if prep.dep_ == "agent":
            return True
        if prep.lower_ in ("of", "from") and prep.head.pos_ == "NOUN" \
                and prep.head.lemma_.lower() not in lex.words["place_event_nouns"]:
            return prep.lower_ == "of" or prep.head.lemma_.lower() in lex.words["assistance_nouns"]
    return False


def _locative(tok: Token, lex: Lexicon) -> bool:
    """True when a place name is used as a place: "in Cairo", "fled to Damascus",
    "the capital, Mogadishu", "the Kyiv region"."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj":
        prep = tok.head
        if prep.lower_ in lex.words["locative_prepositions"]:
            return True
        return prep.lower_ == "to" and prep.head.lemma_.lower() in lex.words["motion_words"]
    if tok.dep_ == "appos" and tok.head.lower_ in lex.words["city_nouns"]:
        return True
    return tok.dep_ == "compound" and tok.head.lower_ in lex.words["area_nouns"]


def _name_token(token: str, lex: Lexicon) -> str:
    """"al-Serraj" and "Serraj" are the same name."""
    particles = "|".join(sorted(lex.words["name_particles"]))
    return re.sub(rf"^({particles})[-\s]", "", token)


def _is_umbrella(name: str, lex: Lexicon) -> bool:
    """An entry that stands for a whole side of a civil war ("Syrian opposition")."""
    return name.lower().rsplit(" ", 1)[-1] in lex.words["umbrella_heads"]


class Resolver:
    """Resolves the mentions of one article to its actors.

    Parameters
    ----------
    gazetteer : Gazetteer
    lexicon : Lexicon, optional
        The word classes (the shipped lexicon when not given).
    """

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon | None = None) -> None:
        self.gaz = gazetteer
        self.lex = lexicon or load_lexicon()

    def home_country(self, mentions: list[Mention]) -> str | None:
        """The state the article is mostly about: most mentioned, directly or through its
        places, groups and people."""
        counts: Counter[str] = Counter()
        for m in mentions:
            if m.entry and m.entry in self.gaz:
                state = self.gaz.state_of(m.entry)
                if state:
                    counts[state] += 2 if m.kind == "government" else 1
        return counts.most_common(1)[0][0] if counts else None

    def resolve(self, mentions: list[Mention], docs: list[Doc]) -> DocumentActors:
        """Give every mention an actor key and return the document's actors."""
        gaz = self.gaz
        mentions = sorted(mentions, key=lambda m: m.char_start)
        by_token = {(m.part, k): m for m in mentions for k in range(m.start, m.end)}
        home = self.home_country(mentions)
        actors: dict[str, ActorRecord] = {}
        named_entries = Counter(m.entry for m in mentions if m.entry)
        kept: list[Mention] = []

        def record(key: str, kind: str, entry: str | None) -> ActorRecord:
            if key not in actors:
                actors[key] = ActorRecord(key, kind, entry)
            return actors[key]

        persons: list[tuple[str, list[str]]] = []  # (key, lower-case name tokens) of full names
        groups = GroupKeys(self.lex)
        for m in mentions:
            surface = clean_surface(m.text)
            if m.entry and m.entry in gaz:
                entry = gaz[m.entry]
                m.actor = entry.name
                if entry.type == "LOCATION":
                    state = gaz.metonym_of.get(normalize(m.text))
                    if state and state != entry.name:
                        m.agent = state
                        if _acts(docs[m.part][m.root], self.lex):
                            # "Moscow launched", "the support of Tehran": the state, not the city
                            m.kind = "metonym"
                if m.kind != "metonym":
                    rec = record(entry.name, entry.type, entry.name)
                    rec.place_use = rec.place_use or _locative(docs[m.part][m.root], self.lex)
                    if entry.type == "STATE" and m.kind == "government":
                        rec.government = True
                else:
                    target = gaz.metonym_of.get(normalize(m.text), entry.name)
                    m.actor = m.agent = target
                    rec = record(target, gaz[target].type, target)
                    rec.mentions += 1
                    kept.append(m)
                    continue
                if entry.type == "PERSON":
                    persons.append((entry.name, entry.name.lower().split()))
            elif m.kind == "ner":
                kind = NER_TYPES.get(m.label, "ORGANIZATION")
                tok = docs[m.part][m.root]
                if kind in ("ORGANIZATION", "PERSON") and m.label in ("ORG", "PERSON") and _locative(tok, self.lex) \
                        and tok.head.lower_ in ("in", "near", "at", "outside", "around"):
                    kind = "LOCATION"  # "killed in Arauca": a place NER took for an organisation or a person
                if kind == "PERSON" and (self._listed_with_places(m, tok, by_token) or self._named_place(tok)):
                    kind = "LOCATION"  # "Tel Aviv, Haifa, and Beersheba", "the town of Adan Yabaal"
                if kind == "PERSON":
                    key = self._person_key(surface, persons)
                    if key is None:
                        key = surface
                        persons.append((key, key.lower().split()))
                else:
                    key = surface
                m.actor = key
                rec = record(key, kind, None)
                rec.names[surface] += 1
            elif m.kind == "government":
                state = m.entry or _state_of_mentioned(m, by_token) or home
                if state is None or gaz[state].type != "STATE":
                    continue
                m.actor, m.entry = state, state
                rec = record(state, "STATE", state)
                rec.government = True
            elif m.kind == "opposition":
                key = self._opposition(m, named_entries, home)
                m.actor = key
                rec = record(key, "ARMED_GROUP", key if key in gaz else None)
                if key not in gaz:
                    rec.names[key] += 1
            elif m.kind == "group":
                # "the Red Lion gang", "Druze militias": a group no file knows
                key = groups.key(surface)
                m.actor = key
                rec = record(key, "ARMED_GROUP", None)
                rec.names[surface] += 1
                alias = GroupKeys.name_alias(surface, self.lex)
                if alias:
                    rec.aliases.add(alias)
            elif m.kind == "description":
                key = self._description(m, named_entries)
                if key is None:
                    continue
                m.actor = key
                rec = record(key, gaz[key].type, key)
            else:
                continue
            rec.mentions += 1
            if surface:
                rec.aliases.add(surface)
            kept.append(m)
        self._merge_apposed_sites(kept, actors, docs)
        self._merge_known_as(kept, actors, docs)
        by_token = {(m.part, k): m for m in kept for k in range(m.start, m.end)}
        return DocumentActors(kept, actors, home, by_token)

    def _named_place(self, tok: Token) -> bool:
        """True for the name in "the town of X", "the port of X"."""
        return tok.dep_ == "pobj" and tok.head.lower_ == "of" and self.lex.has("place_heads", tok.head.head)

    def _listed_with_places(self, m: Mention, tok: Token, by_token: dict[tuple[int, int], Mention]) -> bool:
        """True for a name in a series with a known place: conjoined or apposed to it."""
        series = [*tok.conjuncts, *(c for c in tok.children if c.dep_ == "appos")]
        if tok.dep_ in ("conj", "appos"):
            series += [tok.head, *tok.head.conjuncts]
        for other in series:
            o = by_token.get((m.part, other.i))
            if o is not None and o is not m and o.entry and o.entry in self.gaz \
                    and self.gaz[o.entry].type == "LOCATION":
                return True
        return False

    def _merge_known_as(self, mentions: list[Mention], actors: dict[str, ActorRecord], docs: list[Doc]) -> None:
        """"Ahmed Diriye, also known as Abu Ubaidah": one person under two names."""
        by_root = {(m.part, m.root): m for m in mentions}
        for m in mentions:
            if m.actor not in actors or actors[m.actor].type != "PERSON":
                continue
            tok = docs[m.part][m.root]
            for anc in list(tok.ancestors)[:4]:
                if anc.lemma_.lower() != "know":
                    continue
                owner = by_root.get((m.part, anc.head.i))
                if owner is None or owner is m or owner.actor == m.actor or owner.actor not in actors \
                        or actors[owner.actor].type != "PERSON":
                    break
                old = actors[m.actor]
                new = actors[owner.actor]
                new.aliases |= old.aliases | set(old.names)
                new.mentions += old.mentions
                gone = m.actor
                for other in mentions:
                    if other.actor == gone:
                        other.actor = owner.actor
                del actors[gone]
                break

    def _merge_apposed_sites(self, mentions: list[Mention], actors: dict[str, ActorRecord], docs: list[Doc]) -> None:
        """"Ar Rastan, a strategically important bridge" with a "Rastan Bridge" in the
        article: the place in apposition is that site."""
        sites = {}
        for key, rec in actors.items():
            if rec.type == "LOCATION" and rec.entry is None:
                sites.setdefault(key.split()[-1].lower(), key)
        if not sites:
            return
        for m in mentions:
            if m.actor not in actors or actors[m.actor].type != "LOCATION":
                continue
            root = docs[m.part][m.root]
            for c in root.children:
                target = sites.get(c.lower_) if c.dep_ == "appos" and c.pos_ == "NOUN" else None
                if target and target != m.actor:
                    old = actors[m.actor]
                    old.mentions -= 1
                    new = actors[target]
                    new.mentions += 1
                    new.aliases.add(clean_surface(m.text))
                    if old.mentions <= 0:
                        del actors[m.actor]
                    m.actor = target

    def _person_key(self, surface: str, persons: list[tuple[str, list[str]]]) -> str | None:
        tokens = [_name_token(t, self.lex) for t in surface.lower().split()]
        for key, names in reversed(persons):
            if tokens and all(t in {_name_token(n, self.lex) for n in names} for t in tokens):
                return key
        hit = self.gaz.lookup(surface)
        if hit is not None and self.gaz[hit.entry].type == "PERSON":
            return hit.entry
        return None

    def _opposition(self, m: Mention, named: Counter, home: str | None) -> str:
        """The side a generic "rebels"/"anti-regime forces" phrase stands for: the home
        country's umbrella opposition entry, else a group of the article that goes by
        that description, else a new "<demonym> opposition" actor."""
        gaz = self.gaz
        phrase = normalize(m.text)
        words = {phrase, *phrase.split()}
        words |= {w[:-1] for w in words if w.endswith("s")} | {w + "s" for w in words}

        def described(e: str) -> bool:
            return bool(words & {normalize(d) for d in gaz[e].descriptions})

        if home:
            for e in gaz.entries.values():
                if e.country == home and e.type == "ARMED_GROUP" and _is_umbrella(e.name, self.lex) \
                        and described(e.name):
                    return e.name
        named_groups = [e for e in named if e in gaz and gaz[e].type == "ARMED_GROUP" and described(e)]
        if named_groups:
            return max(named_groups, key=lambda e: named[e])
        if home:
            demonym = gaz[home].demonyms[0] if gaz[home].demonyms else home
            return f"{demonym} opposition"
        return "rebels"

    def _description(self, m: Mention, named: Counter) -> str | None:
        key = normalize(m.text.split()[-1])
        candidates = self.gaz.descriptions.get(key, []) or self.gaz.descriptions.get(key.rstrip("s"), [])
        in_doc = [c for c in candidates if named.get(c)]
        if not in_doc:
            return None
        return max(in_doc, key=lambda c: named[c])
