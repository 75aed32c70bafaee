"""Resolution: every mention of one article gets the key of one actor of the article.

All the ways an article names an actor become one node: "HTS" and "Hayat Tahrir al-Sham";
"Erdogan" after "Recep Tayyip Erdogan"; "Moscow" (when it acts), "Russian forces" and
"Russia".  A state and its government are one actor; the government's name is used when
the article speaks of the government or its forces.  Mentions come from
:class:`kg.extraction.actors.MentionFinder`.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Token

from .actors import (
    NER_TYPES,
    ActorRecord,
    DocumentActors,
    Mention,
    alias_owner,
    clean_surface,
    is_acronym,
    nickname,
)
from .gazetteer import Gazetteer, normalize
from .groups import GroupKeys
from .lexicon import Lexicon, load_lexicon


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
        if prep.head.lower_ in lex.definite_government_nouns | lex.government_nouns:
            return False  # "the government in Kinshasa", "the junta in Niamey": the seat names the state
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


def _merge_defined_acronyms(mentions: list[Mention], actors: dict[str, ActorRecord], docs: list[Doc]) -> None:
    """"Return, Reclamation and Rehabilitation (3R)", "the Ambazonia Defence Forces (ADF)": the
    article defines the short name, and its definition beats the gazetteer's other owner of it."""
    by_start = {(m.part, m.start): m for m in mentions}
    for m in mentions:
        doc = docs[m.part]
        rec = actors.get(m.actor or "")
        if rec is None or rec.type in ("PERSON", "LOCATION") or m.end + 2 >= len(doc) or doc[m.end].text != "(":
            continue
        short = by_start.get((m.part, m.end + 1))
        if short is None or short.actor == m.actor or short.end >= len(doc) or doc[short.end].text != ")" \
                or not is_acronym(short.text):
            continue
        gone, surface = short.actor, clean_surface(short.text)
        moved = [o for o in mentions if o.actor == gone and clean_surface(o.text) == surface]
        for o in moved:
            o.actor = m.actor
            o.agent = None
        rec.mentions += len(moved)
        rec.aliases.add(surface)
        old = actors.get(gone or "")
        if old is not None:
            old.mentions -= len(moved)
            if not any(o.actor == gone for o in mentions):
                del actors[gone]


# mentions that describe a side rather than name it
_DESCRIBING_KINDS = ("opposition", "group", "description")


def _merge_apposed_descriptions(mentions: list[Mention], actors: dict[str, ActorRecord], docs: list[Doc]) -> None:
    """"Hamas, the Palestinian resistance group," and "Hezbollah, the Iran-backed militia,":
    a description in apposition to a named group is that group, not a side of its own."""
    by_token = {(m.part, k): m for m in mentions for k in range(m.start, m.end)}
    for m in mentions:
        if m.kind not in _DESCRIBING_KINDS or m.actor not in actors:
            continue
        head = docs[m.part][m.root]
        while head.dep_ in ("compound", "amod") and head.head.i != head.i:
            head = head.head  # "resistance" of "resistance group"
        if any(c.dep_ in ("cc", "conj") for c in head.children):
            continue  # "Hezbollah, rebels and militias": a list the parser hung as an apposition
        anchors = [head.head] if head.dep_ == "appos" else []
        anchors += [c for c in head.children if c.dep_ == "appos"]
        named = [o for o in (by_token.get((m.part, a.i)) for a in anchors) if o is not None and o is not m
                 and o.kind not in _DESCRIBING_KINDS and o.actor in actors
                 and actors[o.actor].type in ("ARMED_GROUP", "ORGANIZATION")]
        if not named or named[0].actor == m.actor:
            continue
        old, new, surface = actors[m.actor], actors[named[0].actor], clean_surface(m.text)
        old.mentions -= 1
        new.mentions += 1
        new.aliases.add(surface)
        if not any(o.actor == m.actor for o in mentions if o is not m):
            del actors[m.actor]
        elif not any(o.actor == m.actor and clean_surface(o.text) == surface for o in mentions if o is not m):
            old.aliases.discard(surface)
            del old.names[surface]
        m.actor = named[0].actor
        m.agent = None


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

    def ground_country(self, mentions: list[Mention]) -> str | None:
        """The state whose places the article names most: where its rebels fight, even when a
        foreign army ("French troops", "Wagner") is named more often than the country itself."""
        counts: Counter[str] = Counter()
        for m in mentions:
            if m.entry in self.gaz and self.gaz[m.entry].type == "LOCATION":
                state = self.gaz.state_of(m.entry)
                if state:
                    counts[state] += 1
        return counts.most_common(1)[0][0] if counts else None

    def resolve(self, mentions: list[Mention], docs: list[Doc]) -> DocumentActors:
        """Give every mention an actor key and return the document's actors."""
        gaz = self.gaz
        mentions = sorted(mentions, key=lambda m: m.char_start)
        by_token = {(m.part, k): m for m in mentions for k in range(m.start, m.end)}
        home = self.home_country(mentions)
        ground = self.ground_country(mentions) or home
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
            if m.entry in gaz and gaz[m.entry].type == "PERSON" and " " not in surface \
                    and self._person_key(surface, persons) not in (None, gaz[m.entry].name):
                # "Amadou Traore, a herder ... Traore said": the surname is the man the article
                # named last, not the famous namesake the gazetteer knows
                m.entry, m.kind, m.label = None, "ner", "PERSON"
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
                if (kind == "PERSON" and self._listed_with_places(m, tok, by_token)) or (
                        kind in ("PERSON", "ORGANIZATION") and self._named_place(tok)):
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
                named = nickname(m.text)
                if named is not None:
                    rec.aliases.add(named[1])
                if kind == "LOCATION" and rec.type in ("PERSON", "ORGANIZATION"):
                    rec.type = kind  # "Nasir said ..." then "around Nasir": the tagger's person is a town
                rec.names[surface] += 1
            elif m.kind == "government":
                state = m.entry or _state_of_mentioned(m, by_token) or home
                if state is None or gaz[state].type != "STATE":
                    continue
                m.actor, m.entry = state, state
                rec = record(state, "STATE", state)
                rec.government = True
            elif m.kind == "collective":
                # "Western governments": one actor for the group the article names
                key = " ".join(w for w in surface.split() if w.lower() not in self.lex.words["quantity_words"]
                               and w.lower() not in self.lex.words["collective_quantifiers"])
                m.actor = key
                rec = record(key, "GOVERNMENT", None)
                rec.names[key] += 1
            elif m.kind == "opposition":
                key = self._opposition(m, named_entries, ground)
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
            elif m.kind == "body":
                # "the Catholic bishops' conference": a body no file knows, named by its phrase
                key = surface
                m.actor = key
                rec = record(key, "ORGANIZATION", None)
                rec.names[surface] += 1
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
        _merge_apposed_descriptions(kept, actors, docs)
        self._merge_known_as(kept, actors, docs)
        _merge_defined_acronyms(kept, actors, docs)
        self._merge_area_names(kept, actors)
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

    def _merge_area_names(self, mentions: list[Mention], actors: dict[str, ActorRecord]) -> None:
        """"Surin" and "Surin province": one place, when no file tells them apart."""
        for key, rec in list(actors.items()):
            name, _, area = key.rpartition(" ")
            if rec.type != "LOCATION" or rec.entry is not None or area.lower() not in self.lex.words["area_nouns"]:
                continue
            place = actors.get(name)
            if place is None or place.type != "LOCATION":
                continue
            place.mentions += rec.mentions
            place.aliases |= rec.aliases | {key}
            for m in mentions:
                if m.actor == key:
                    m.actor = name
            del actors[key]

    def _merge_known_as(self, mentions: list[Mention], actors: dict[str, ActorRecord], docs: list[Doc]) -> None:
        """"Ahmed Diriye, also known as Abu Ubaidah", "Alexander Diaz, known as Calarca",
        "José Adolfo Macías, alias Fito": one person under two names (whatever the tagger
        made of the second)."""
        by_root = {(m.part, m.root): m for m in mentions}
        for m in mentions:
            rec = actors.get(m.actor or "")
            if rec is None or not (rec.type == "PERSON" or (m.kind == "ner" and m.entry is None)):
                continue
            owner_tok = alias_owner(docs[m.part][m.root], self.lex)
            owner = by_root.get((m.part, owner_tok.i)) if owner_tok is not None else None
            if owner is None or owner is m or owner.actor == m.actor or owner.actor not in actors \
                    or actors[owner.actor].type != "PERSON":
                continue
            new = actors[owner.actor]
            new.aliases |= rec.aliases | set(rec.names)
            new.mentions += rec.mentions
            gone = m.actor
            for other in mentions:
                if other.actor == gone:
                    other.actor = owner.actor
            del actors[gone]

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
        head = phrase.rsplit(" ", 1)[-1]
        collective = self.lex.words["collective_nouns"]
        if head.rstrip("s") in collective:
            # "the rebel coalition" is the alliance of the article, not its biggest member
            alliances = [e for e in named_groups if {w.rstrip("s") for d in (e, *gaz[e].descriptions)
                                                     for w in normalize(d).split()} & collective]
            named_groups = alliances or named_groups
        if named_groups:
            return max(named_groups, key=lambda e: named[e])
        if home:
            demonym = gaz[home].demonyms[0] if gaz[home].demonyms else home
            return f"{demonym} opposition"
        return "rebels"

    def _description(self, m: Mention, named: Counter) -> str | None:
        words = m.text.split()
        offshoot = any(normalize(w) in self.lex.words["offshoot_words"] for w in words)
        for word in words[:-1] if not offshoot else ():
            hit = self.gaz.lookup(word) if word[:1].isupper() and "-" not in word else None
            if hit is not None and self.gaz[hit.entry].type in ("ARMED_GROUP", "ORGANIZATION"):
                # "Houthi terrorists", "Hamas gunmen": the group its name says (a "FARC dissident
                # faction" is another group)
                return hit.entry
        key = normalize(m.text.split()[-1])
        candidates = self.gaz.descriptions.get(key, []) or self.gaz.descriptions.get(key.rstrip("s"), [])
        # a plain modifier must be the entry's too: "the presidential council" is not the UN's
        mods = {normalize(w) for w in m.text.split()[:-1] if w.islower() and "-" not in w
                and w not in self.lex.words["articles"] and w not in self.lex.words["group_generic_modifiers"]
                and w not in self.lex.words["group_character_words"]}
        in_doc = [c for c in candidates if named.get(c) and mods <= self.gaz.words_of(c)]
        if not in_doc:
            return None
        return max(in_doc, key=lambda c: named[c])

