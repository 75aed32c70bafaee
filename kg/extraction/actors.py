"""Actor mentions and the records of an article's actors.

A mention is a span that names an actor: a gazetteer form (tagged by the entity
ruler), a spaCy entity, or a common phrase that stands for a known side ("the
regime", "government forces", "anti-regime fighters", "the jihadists").
:class:`MentionFinder` finds them; :class:`kg.extraction.resolution.Resolver` gives each
the key of one actor of the article (:class:`DocumentActors`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..model import Actor, slugify
from .gazetteer import Gazetteer, normalize
from .groups import body_phrase, group_phrase
from .lexicon import Lexicon, load_lexicon

# spaCy's entity labels as actor types
NER_TYPES = {"PERSON": "PERSON", "ORG": "ORGANIZATION", "GPE": "LOCATION", "LOC": "LOCATION",
             "FAC": "LOCATION", "NORP": "ORGANIZATION", "ARMED_GROUP": "ARMED_GROUP"}


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
            if rec.government and (rec.key != self.home or (
                    self._foreign_groups_only(gazetteer) and not self._called_government(rec.key))):
                # a foreign army is its state; only the home country's government is named as such, and
                # not where its army fights other countries' groups only ("the Israeli military struck
                # Hezbollah") unless the article calls it a government
                rec.government = False
            name, kind = canonical_name(rec, gazetteer)
            aliases = set(rec.aliases)
            if rec.entry and rec.entry != name:
                aliases.add(rec.entry)
            aliases.discard(name)
            out.append(Actor(slugify(rec.key), name, kind, sorted(aliases), rec.mentions))
        return sorted(out, key=lambda a: a.id)

    def _called_government(self, state: str) -> bool:
        """True when the article names ``state``'s government, junta or authorities, not only its army."""
        words = load_lexicon().government_nouns
        return any(m.actor == state and m.kind == "government" and words.intersection(m.text.lower().split())
                   for m in self.mentions)

    def _foreign_groups_only(self, gazetteer: Gazetteer) -> bool:
        """True when the article names armed groups and every one is another country's
        (Hezbollah, Hamas in an article about Israel); a group of the home country's own, or
        one no file places ("rebels", "Islamic State"), makes a war at home."""
        groups = [rec for rec in self.actors.values() if rec.type == "ARMED_GROUP"]
        for rec in groups:
            entry = gazetteer.entries.get(rec.entry or "")
            if entry is None or entry.country in (None, self.home):
                return False
        return bool(groups)


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


# a nickname quoted inside a name: Joaquin "El Chapo" Guzman
_NAME_WORDS = r"([A-Z][\w'.-]*(?: [A-Z][\w'.-]*)*)"
_NICKNAME = re.compile(rf"^{_NAME_WORDS} [\"\u201c]([^\"\u201d]+)[\"\u201d] {_NAME_WORDS}$")


def nickname(text: str) -> tuple[str, str] | None:
    """The name and the nickname of a name with a quoted nickname inside, or ``None``.

    Examples
    --------
    >>> nickname('Ismael "El Mayo" Zambada')
    ('Ismael Zambada', 'El Mayo')
    >>> nickname("Ismael Zambada") is None
    True
    """
    found = _NICKNAME.match(re.sub(r"\s+", " ", text.strip()))
    return (f"{found.group(1)} {found.group(3)}", found.group(2)) if found else None


def clean_surface(text: str) -> str:
    """Strip a leading article and a trailing possessive from a surface form, and a nickname
    quoted inside a name."""
    text = re.sub(r"\s+", " ", text.strip())
    named = nickname(text)
    if named is not None:
        text = named[0]
    text = re.sub(r"^(the|The|THE)\s+", "", text)
    text = re.sub(r"['\u2019]s?$", "", text).strip()
    return text


def alias_owner(tok: Token, lex: Lexicon) -> Token | None:
    """The name a second name stands beside: "Diaz, known as Calarca", "Macías, alias Fito",
    "Ahmed Diriye, also known as Abu Ubaidah" (the root token of the first name).

    Examples
    --------
    >>> from kg.extraction.lexicon import load_lexicon
    >>> from kg.nlp import get_nlp
    >>> doc = get_nlp()[0]("The group is led by Alexander Diaz, known as Calarca, who fled.")
    >>> alias_owner(doc[10], load_lexicon()).text
    'Diaz'
    """
    if tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.lemma_.lower() in lex.words["alias_verbs"] \
            and tok.head.head.dep_ == "acl":
        return tok.head.head.head
    if tok.dep_ == "appos" and tok.i > 0:
        # "Macías, alias "Fito"": the parser hangs "alias" on either name
        before = range(max(tok.left_edge.i - 1, 0), tok.i)
        if any(tok.doc[k].lower_ in lex.words["alias_words"] for k in before):
            return tok.head
    return None


def is_acronym(text: str) -> bool:
    """"3R", "SSA", "SPLM-IO": one word with more capitals than small letters.

    Examples
    --------
    >>> is_acronym("3R"), is_acronym("SPLM-IO"), is_acronym("Hamas"), is_acronym("I")
    (True, True, False, False)
    """
    word = text.strip()
    return len(word) > 1 and " " not in word and sum(c.isupper() for c in word) > sum(c.islower() for c in word)


def _nickname_start(doc: Doc, start: int) -> int:
    """Where a name starts whose quoted nickname the tagger left out: Rafael "El Toro" [Quintana]."""
    if start < 4 or doc[start - 1].tag_ != "''":
        return start
    for k in range(start - 2, max(start - 6, 0), -1):
        if doc[k].tag_ == "``" or doc[k].text in ('"', "\u201c"):
            first = k
            while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].text[:1].isupper() \
                    and doc[first - 1].ent_type_ not in ("GPE", "ORG", "NORP"):
                first -= 1
            return first if first < k and nickname(doc[first:start + 1].text) is not None else start
    return start


def _span_bounds(doc: Doc, start: int, end: int, lex: Lexicon) -> tuple[int, int]:
    while start < end - 1 and doc[start].lower_ in lex.words["determiners"]:
        start += 1
    # ("Volunteers for the Defence of the Homeland (VDP)": NER may take the bracket in)
    while end - 1 > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct and doc[end - 1].text in "([{,;:"):
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
                owner = alias_owner(ent.root, self.lex)
                if owner is None or owner.pos_ != "PROPN":
                    # ("X, known as "Gheniwa"": a name, whatever the tagger thought it was; not "an
                    # offensive known as Operation 1027", which names no one)
                    continue
            start, end = _span_bounds(doc, ent.start, ent.end, self.lex)
            if not ent.ent_id_ and ent.label_ in ("PERSON", "ORG"):
                start = _nickname_start(doc, start)
            text = doc[start:end].text
            if normalize(text) in self.lex.words["news_agencies"]:
                continue  # the agency that carries the story is no actor ("told AFP")
            if ent.ent_id_:
                entry, _, kind = ent.ent_id_.rpartition("|")
                label = ent.label_
                if label == "ORGANIZATION" and self._inside_longer_name(doc, start, entry):
                    continue  # "the National Security Council" is no "Security Council" of the UN
                named = self._body_of_place(doc, start, end) if label in ("STATE", "LOCATION") else None
                if named is not None:
                    # "the Communist Party of India (Maoist)", "the Islamic Army of Iraq": a body of its own
                    add(named[0], named[1], ent.root.head.head.i, "ner", None,
                        "ARMED_GROUP" if self.lex.has("armed_group_heads", ent.root.head.head) else "ORG")
                    continue
            else:
                hit = self.gaz.lookup(text)
                if hit is not None:
                    entry, kind, label = hit.entry, hit.kind, self.gaz[hit.entry].type
                elif normalize(text) in self.gaz.descriptions or (
                        normalize(ent.root.lemma_) in self.gaz.descriptions
                        and (ent.root.lower_ in self.lex.words["state_body_nouns"]
                             or not any(t.pos_ == "PROPN" for t in doc[start:end] if t.i != ent.root.i))):
                    # "Jihadists warn Iraq", "the Defence Ministry": a capitalised description, not a name
                    # (but "the Ambazonia Governing Council" is a name)
                    m = add(start, end, _head_of(doc, start, end), "description", None, "ARMED_GROUP")
                    continue
                elif normalize(text) in self.lex.definite_government_nouns | self.lex.government_nouns:
                    # "Army troops", "the Junta": the home government, not an organisation called so
                    add(start, end, _head_of(doc, start, end), "government", None, "STATE")
                    continue
                elif text.islower() or len(text) < 2 or normalize(text) in self.lex.words["peoples"] \
                        or text.rstrip(".").lower() in self.lex.words["title_words"]:
                    continue  # ("the Druze", "Fulani": a people is no actor, whatever the tagger said; nor "Brig.")
                elif normalize(text) in self.lex.force_nouns:
                    continue  # "Special Forces", "the Air Force": a unit is its owner's, read as a force noun
                else:
                    entry, kind, label = None, "ner", ent.label_
                    if self.lex.has("armed_name_heads", doc[end - 1]) and len(text.split()) > 1:
                        # "the Gulf Cartel", "the Talibans gang": a group, whatever the tagger said
                        label = "ARMED_GROUP"
                    named = nickname(text)
                    if named is not None:
                        # Joaquin "El Chapo" Guzman: a person, whatever the tagger thought
                        label = "PERSON"
                        hit = self.gaz.lookup(named[0]) or self.gaz.lookup(named[1])
                        if hit is not None and self.gaz[hit.entry].type == "PERSON":
                            entry, kind = hit.entry, hit.kind
                    if ent.label_ == "PERSON":
                        start, end = self._strip_titles(doc, start, end)
                        # "General Francisco Jesus Leana Ojeda": the tagger may stop before the last name
                        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                                and not doc[end].ent_type_ and doc[end - 1].dep_ == "compound" \
                                and doc[end - 1].head.i == end:
                            end += 1
                        text = doc[start:end].text
                    head = doc[_head_of(doc, start, end)].head
                    if ent.label_ in ("NORP", "ORG", "GPE") and self._is_agent_noun(head):
                        # "Tigrayan fighters": the group the gazetteer knows as "Tigrayan forces"
                        group = self._group_of(text, head)
                        if group is not None:
                            add(start, head.i + 1, head.i, "alias", group, self.gaz[group].type).extended = True
                            continue
                    if ent.label_ == "NORP" and doc[end - 1].tag_ != "NNPS" and not (
                            self.lex.has("person_role_nouns", head) or head.lower_ in self.lex.words["title_words"]):
                        # "the Druze", "Catholic": a people or a faith is no actor (groups come below), but
                        # "the Talibans gang" and "South Ossetian leader X" name one
                        continue
            root = _head_of(doc, start, end)
            head = doc[root].head
            if entry is not None and label == "STATE" and start > 0 and doc[start - 1].pos_ == "PROPN" \
                    and doc[start - 1].head.i == root and not doc[start - 1].ent_type_ \
                    and not doc[start - 1].is_sent_start:
                # "Puerto Jordan" is a town, not the kingdom
                add(start - 1, end, root, "ner", None, "GPE")
                continue
            if entry is not None and label == "PERSON" and kind == "alias" and " " not in text \
                    and self._other_first_name(doc, start, root, entry):
                # "Humam al-Hayya, the son of Khalil al-Hayya": another person of that name
                add(start - 1, end, root, "ner", None, "PERSON")
                continue
            if entry is not None and label == "PERSON" and kind == "alias" and " " not in text \
                    and self._other_surname(doc, start, end):
                # "Abbas Nilforoushan" is not Mahmoud Abbas: the known name is another man's first name
                add(start, end + 1, end, "ner", None, "PERSON")
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
                if einfo.type in ("STATE", "LOCATION") and self._named_after(doc, end, head):
                    # "the Sudan Shield Forces", "the OSCE's Minsk Group": a body named after the place
                    label = "ARMED_GROUP" if self.lex.has("armed_group_heads", head) else "ORG"
                    add(start, head.i + 1, head.i, "ner", None, label)
                    continue
                if einfo.type == "PERSON" and head.lower_ in self.lex.government_nouns:
                    target = einfo.leads or einfo.country
                    if target in self.gaz:
                        add(start, head.i + 1, head.i, "government", target, "STATE").extended = True
                        continue
                elif einfo.type not in ("PERSON", "ORGANIZATION") and not (
                        kind == "demonym" and self.lex.has("nonstate_group_nouns", head)) and not (
                        einfo.type != "STATE" and head.lower_ in self.lex.words["collective_government_nouns"]):
                    # ("the UN peacekeeping force" is a body of its own, not the UN; "Sudanese armed
                    # factions" are no forces of Sudan; "Sahel governments" are several)
                    add(start, head.i + 1, head.i, kind, entry, label).extended = True
                    continue
            m = add(start, end, root, kind, entry, label)
            if kind == "demonym" and doc[root].dep_ in ("amod", "compound", "nmod") and head.pos_ == "NOUN":
                # "Syrian territory" names no actor that a pronoun could refer to
                m.adjectival = True

        acronyms = self._defined_acronyms(doc, out, covered, add)
        self._named_by_role(doc, out, covered, add)
        self._surnames(doc, out, covered, add)
        for tok in doc:
            if tok.i in covered or tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
                continue
            group = group_phrase(doc, tok, self.lex)
            if group is not None and not acronyms.intersection(range(*group)):
                # "local Druze militias": a group of its own, not the tagger's "Druze"
                out[:] = [m for m in out if not (group[0] <= m.start and m.end <= group[1]
                                                 and (m.entry is None or m.label in ("LOCATION", "PERSON")))]
                add(group[0], group[1], tok.i, "group", None, "ARMED_GROUP")
                continue
            body = body_phrase(doc, tok, self.lex)
            if body is not None:
                out[:] = [m for m in out if not (body[0] <= m.start and m.end <= body[1] and m.entry is None)]
                add(body[0], body[1], tok.i, "body", None, "ORGANIZATION")
                continue
            found = self._generic(doc, tok, covered)
            if found is not None:
                start, end, kind, entry = found
                add(start, end, tok.i, kind, entry, "ARMED_GROUP" if kind == "opposition" else "STATE")
        return out

    def _named_after(self, doc: Doc, end: int, head: Token) -> bool:
        """True when a place's name and the capitalised words up to ``head`` are one proper name
        ("Sudan Shield Forces", "Minsk Group"), not the place's own forces ("Sudanese Armed Forces")."""
        words = [doc[k] for k in range(end, head.i + 1)]
        return head.text[:1].isupper() and not head.is_sent_start and all(t.text[:1].isupper() for t in words) \
            and any(t.i < head.i and t.lower_ not in self.lex.words["force_name_words"] for t in words) \
            or (head.i == end and head.text[:1].isupper() and head.lower_ in self.lex.words["body_name_heads"])

    def _body_of_place(self, doc: Doc, start: int, end: int) -> tuple[int, int] | None:
        """The span of a capitalised name of a body "of" the place at ``start``..``end`` ("Communist
        Party of India (Maoist)"), or ``None`` ("the President of Sudan" is the place's)."""
        if doc[start].dep_ != "pobj" or doc[start - 1].lower_ != "of" or doc[start - 1].i != doc[start].head.i:
            return None
        head = doc[start - 1].head
        if head.pos_ != "PROPN" or head.i != start - 2 or not self.lex.has("of_place_name_heads", head):
            return None
        left = head.i
        while left > 0 and doc[left - 1].dep_ == "compound" and doc[left - 1].head.i in range(left, head.i + 1) \
                and doc[left - 1].text[:1].isupper():
            left -= 1
        if left == head.i:
            return None  # ("the Army of Iraq" is Iraq's army)
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
                and doc[end + 1].text[:1].isupper() and not is_acronym(doc[end + 1].text):
            end += 3  # ("(Maoist)" is part of the name, "(CPI)" its short form)
        return left, end

    def _defined_acronyms(self, doc: Doc, found: list[Mention], covered: set[int],
                          add: Callable[[int, int, int, str, str | None, str], Mention]) -> set[int]:
        """"Return, Reclamation and Rehabilitation (3R)": the short name an article defines for
        a group or body is a mention of it, there and wherever the article uses it ("3R
        fighters"); the resolver merges it into the full name.  Returns the tokens taken."""
        defined: dict[str, str] = {}
        for m in found:
            k = m.end
            if m.label in ("PERSON", "LOCATION", "GPE", "LOC", "FAC") or k + 2 >= len(doc) \
                    or doc[k].text != "(" or doc[k + 2].text != ")" or not is_acronym(doc[k + 1].text):
                continue
            owner = next((o for o in found if o.start == k + 1 and o.end == k + 2), None)
            if (owner is None and k + 1 in covered) or (owner is not None and owner.entry == m.entry):
                continue
            defined[doc[k + 1].text] = m.label
        for m in found:
            if m.end - m.start == 1 and m.text in defined:
                # a known short name the article gives another group ("PUK") is not the gazetteer's here
                m.kind, m.entry, m.label = "ner", None, defined[m.text]
        taken: set[int] = set()
        if defined:
            for tok in doc:
                if tok.text in defined and tok.i not in covered:
                    add(tok.i, tok.i + 1, tok.i, "ner", None, defined[tok.text])
                    taken.add(tok.i)
        return taken

    def _other_first_name(self, doc: Doc, start: int, root: int, entry: str) -> bool:
        """True when a known person's surname follows a first name that is not theirs."""
        if start == 0:
            return False
        first = doc[start - 1]
        if first.pos_ != "PROPN" or not first.text[:1].isupper() or first.ent_type_ or first.head.i != root \
                or first.lower_.rstrip(".") in self.lex.words["title_words"] | self.lex.words["ranks"]:
            return False
        person = self.gaz[entry]
        firsts = {normalize(n.split()[0]) for n in (person.name, *person.aliases) if " " in n}
        return normalize(first.text) not in firsts

    def _other_surname(self, doc: Doc, start: int, end: int) -> bool:
        """True when a one-word known name is the first name of a longer name: a capitalised
        surname no tagger knows follows it and ends the name."""
        if end + 1 > len(doc) or doc[start].head.i != end:
            return False
        last = doc[end]
        after = doc[end + 1] if end + 1 < len(doc) else None
        things = self.lex.words["facility_nouns"] | self.lex.words["place_heads"] | self.lex.words["site_nouns"]
        # ("the 'Trump Route'" is a road named after him)
        quoted = start > 0 and doc[start - 1].is_quote
        return last.pos_ == "PROPN" and last.text[:1].isupper() and not last.is_sent_start and not quoted \
            and last.ent_type_ in ("", "PERSON") and not last.ent_id_ \
            and last.lower_ not in self.lex.force_nouns | self.lex.government_nouns | self.lex.words["title_words"] \
            and last.lower_ not in things and (after is None or after.pos_ != "PROPN")

    def is_joined_title(self, word: str) -> bool:
        """"then-President", "ex-Defence", "former-President": a title joined to a time word.

        Examples
        --------
        >>> from kg.extraction.gazetteer import load_gazetteer
        >>> finder = MentionFinder(load_gazetteer(), load_lexicon())
        >>> finder.is_joined_title("then-President"), finder.is_joined_title("Al-Bashir")
        (True, False)
        """
        prefix, dash, title = word.lower().partition("-")
        return bool(dash) and prefix in self.lex.words["title_prefixes"] and title in self.lex.words["title_words"]

    def _after_joined_title(self, doc: Doc, tok: Token, covered: set[int]) -> int | None:
        """Where the name starts in "then-President Mamadou Kabore" (the tagger misses a name
        after a joined title): the first word after the title, for two words or more."""
        left = tok.i
        while left > 0 and doc[left - 1].dep_ == "compound" and doc[left - 1].pos_ == "PROPN" \
                and left - 1 not in covered and doc[left - 1].text[:1].isupper() and "-" not in doc[left - 1].text:
            left -= 1
        if left == tok.i or left == 0 or not self.is_joined_title(doc[left - 1].text):
            return None
        return left

    def _named_by_role(self, doc: Doc, found: list[Mention], covered: set[int],
                       add: Callable[[int, int, int, str, str | None, str], Mention]) -> None:
        """"Oyet Nathaniel Pierino, the deputy chairman of ...": a name the tagger missed or took
        for an organisation, told by the role in apposition to it."""
        for m in found:
            root = doc[m.root]
            if m.kind == "ner" and m.entry is None and m.label == "ORG" and m.end - m.start > 1 and (any(
                    c.dep_ == "appos" and self.lex.has("person_role_nouns", c) for c in root.children) or (
                    root.dep_ == "appos" and self.lex.has("person_role_nouns", root.head))):
                m.label = "PERSON"  # ("India's spokesman, Randhir Jaiswal,": the tagger's organisation)
        for tok in doc:
            if tok.pos_ != "PROPN" or tok.i in covered or tok.dep_ == "compound" or not tok.text[:1].isupper():
                continue
            if not any(c.dep_ == "appos" and self.lex.has("person_role_nouns", c) for c in tok.children):
                titled = self._after_joined_title(doc, tok, covered)
                if titled is not None:
                    add(titled, tok.i + 1, tok.i, "ner", None, "PERSON")
                continue
            left = tok.i
            while left > 0 and doc[left - 1].dep_ == "compound" and doc[left - 1].pos_ == "PROPN" \
                    and left - 1 not in covered and doc[left - 1].text[:1].isupper():
                left -= 1
            first = doc[left - 1] if left > 0 else None
            if first is not None and first.is_sent_start and first.is_title and not first.is_stop \
                    and not first.ent_type_ and first.pos_ not in ("DET", "ADP", "CCONJ", "PRON", "AUX") \
                    and not first.lower_.endswith("ly"):
                left -= 1  # ("Oyet Nathaniel Pierino": the tagger took the first name for a verb)
            if left < tok.i:  # a full name, two words or more
                add(left, tok.i + 1, tok.i, "ner", None, "PERSON")

    def _surnames(self, doc: Doc, found: list[Mention], covered: set[int],
                  add: Callable[[int, int, int, str, str | None, str], Mention]) -> None:
        """"Haytham Ali Tabatabai ... Tabatabai had led ...": the surname of a person named in
        full is that person, where the tagger missed it or took it for something else; so is a
        second name after "known as" or "alias" that the tagger missed."""
        for m in list(found):
            if m.label != "PERSON":
                continue
            # "Ramon Ortiz, known as Tigre": the second name, where the tagger found none
            for c in doc[m.root].subtree:
                if c.pos_ == "PROPN" and c.i not in covered and c.dep_ in ("pobj", "appos") \
                        and alias_owner(c, self.lex) is not None and alias_owner(c, self.lex).i == m.root:
                    left = min([k.i for k in c.children if k.dep_ == "compound" and k.pos_ == "PROPN"] + [c.i])
                    add(left, c.i + 1, c.i, "ner", None, "PERSON")
        surnames = {m.text.split()[-1] for m in found if m.label == "PERSON" and len(m.text.split()) > 1}
        surnames = {n for n in surnames if n[:1].isupper() and len(n) > 2}
        if not surnames:
            return
        for m in found:
            if m.kind == "ner" and m.entry is None and m.end - m.start == 1 and m.text in surnames:
                m.label = "PERSON"
        for tok in doc:
            if tok.text in surnames and tok.i not in covered and tok.pos_ == "PROPN" and not any(
                    doc[k].pos_ == "PROPN" for k in (tok.i - 1, tok.i + 1) if 0 <= k < len(doc)):
                add(tok.i, tok.i + 1, tok.i, "ner", None, "PERSON")

    def _group_of(self, demonym: str, head: Token) -> str | None:
        for noun in (head.text, *self.lex.group_head_nouns):
            hit = self.gaz.lookup(f"{demonym} {noun}")
            if hit is not None and self.gaz[hit.entry].type in ("ARMED_GROUP", "ORGANIZATION"):
                return hit.entry
        return None

    def _inside_longer_name(self, doc: Doc, start: int, entry: str) -> bool:
        """True when a capitalised word no tagger knows runs on into a known name from the left,
        a word the entry's own names lack ("National" before "Security Council")."""
        if start == 0 or doc[start].is_sent_start:
            return False
        before = doc[start - 1]
        if not before.is_title or before.is_sent_start or before.ent_type_ or before.pos_ not in ("ADJ", "PROPN"):
            return False
        return before.lower_ not in self.gaz.words_of(entry)

    def _strip_titles(self, doc: Doc, start: int, end: int) -> tuple[int, int]:
        while start < end - 1 and (doc[start].lower_.rstrip(".") in self.lex.words["title_words"]
                                   or self.is_joined_title(doc[start].text)):
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
        # "the regime", "the army", "the Syrian government" (the demonym is its own mention), "the
        # security forces" (a two-word name)
        before = doc[tok.i - 1] if tok.i > 0 else tok
        # ("the armed forces of the Kurdistan Regional Government" are that one's)
        two_words = is_head and tok.pos_ == "NOUN" and before.i < tok.i and before.dep_ in ("amod", "compound") \
            and f"{before.lower_} {low}" in lex.definite_government_nouns and not any(
                p.dep_ == "pobj" and p.ent_type_ for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children)
        if is_head and tok.pos_ == "NOUN" and (low in lex.definite_government_nouns or lemma in lex.government_nouns
                                               or two_words):
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
            if low in lex.words["collective_government_nouns"] and mods and not any(
                    c.ent_id_ and self.gaz.entries.get(c.ent_id_.rpartition("|")[0]) is not None
                    and self.gaz[c.ent_id_.rpartition("|")[0]].type == "STATE" for c in mods):
                # "several Western governments", "Sahel governments": several governments of no one state
                return left, tok.i + 1, "collective", None
            if any(c.lower_ in lex.words["indefinite_determiners"] for c in dets):
                return None
            if low in lex.government_nouns or lemma in lex.government_nouns:
                return left, tok.i + 1, "government", None
            if two_words and dets and dets[0].lower_ == "the" and not (mod_words - {"whole", before.lower_}):
                return before.i, tok.i + 1, "government", None
            if dets and dets[0].lower_ == "the" and not (mod_words - {"whole"}):
                return tok.i - 1 if doc[tok.i - 1].lower_ == "the" else tok.i, tok.i + 1, "government", None
            return None
        if is_head and tok.pos_ == "NOUN":
            key = normalize(tok.text)
            if key in self.gaz.descriptions or normalize(tok.lemma_) in self.gaz.descriptions:
                return left, tok.i + 1, "description", None
        return None
