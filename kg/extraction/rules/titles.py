"""Titles and roles: who leads what, who belongs where.

- "Turkish President Recep Tayyip Erdogan", "Syrian Defense Minister Ali Abbas"
  (``title``, read from the words before a name);
- "the head of the HTS, Ahmed al-Shareh", "X is the leader of Y", "Its Secretary
  General, Antonio Guterres" (``title``, from a role noun);
- "Khalifa Haftar's Libyan National Army" (``title-possessive``); "Iran's Revolutionary
  Guards", "Al-Qaeda's Sahel affiliate JNIM" (``organ-possessive``: a named organ or part is a
  member of its possessor);
- "Hafez al-Assad ... in power" (``title-power``).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..actors import Mention
from .arguments import arg, args, prep_objects
from .clauses import blocked
from .context import Arg, Context, Found
from .names import last_group
from .officials import (
    appointing_side,
    home_office,
    is_portfolio_title,
    is_rank_and_file,
    of_title,
    office_relation,
    role_relation,
    role_title,
    without_rank_tail,
)


def names_actor(ctx: Context, tok: Token) -> bool:
    """A token of a person's name or of any actor mention."""
    return tok.ent_type_ == "PERSON" or ctx.mention(tok) is not None


def role_noun(ctx: Context, noun: Token, relation: str) -> Iterator[Found]:
    """"the head of the HTS, Ahmed al-Shareh", "X is the leader of Y", "Its Secretary
    General, Antonio Guterres"."""
    inside = ctx.mention(noun)
    # "MONUSCO, the UN peacekeeping force" belongs to the UN; "a Russian mercenary force" only
    # says where it comes from
    if noun.dep_ == "compound" or (inside is not None and not (
            inside.start < noun.i and noun.dep_ == "appos" and relation == "MEMBER_OF"
            and inside.kind != "demonym")):
        return
    relation = role_relation(ctx, noun, relation)
    if relation == "LEADS" and is_rank_and_file(ctx, [c.lower_ for c in noun.lefts] + [noun.lower_], noun.left_edge):
        relation = "MEMBER_OF"  # "Abu Baqir al-Saadi, a senior commander of Kataib Hezbollah"
    former = relation != "LEADS" and any(c.lower_ in ctx.lex.words["former_words"] for c in noun.children)
    orgs, through_organ = _role_organisations(ctx, noun, inside)
    if former and (not orgs or noun.lower_ in ctx.lex.words["group_part_nouns"]):
        # a former member is coded where the text names what they belonged to ("a former commander of
        # al-Shabaab"; past ties are coded like present ones), but no home state is guessed for them,
        # and a group's former arm has broken away from it
        return
    if through_organ and relation == "LEADS":
        relation = "MEMBER_OF"
    people = _role_holders(ctx, noun)
    people = [p for p in people if ctx.type_of(p.mention.actor or "") == "PERSON" or relation == "MEMBER_OF"]
    if noun.lower_ in ctx.lex.words["group_part_nouns"]:
        people = [p for p in people if ctx.type_of(p.mention.actor or "") != "PERSON"]
        if not people and orgs and relation == "MEMBER_OF" and any(c.lower_ == "the" for c in noun.children):
            # "the al-Qaeda affiliate said": the group last named is that affiliate
            ante = last_group(ctx, noun, {o.mention.actor or "" for o in orgs})
            people = [Arg(ante, 0.8)] if ante is not None else []
    if not orgs and people and ctx.type_of(people[0].mention.actor or "") == "PERSON":
        # "the junta-appointed prime minister, X"; "the prime minister, X" of the home state
        orgs = appointing_side(ctx, noun) or _default_org(ctx, people[0].mention, relation) \
            or home_office(ctx, role_title(noun), people[0].mention, noun)
    if people and ctx.type_of(people[0].mention.actor or "") == "PERSON":
        relation = office_relation(ctx, role_title(noun), relation, people[0].mention, orgs)
    if relation == "MEMBER_OF" and not former:
        orgs = _leaders_sides(ctx, orgs)  # (a leader's former deputy may have broken with him)
    yield from ctx.emit(people, relation, _no_people(ctx, _no_postings(ctx, orgs, noun.lower_)), noun, "title", 0.85)


def _role_organisations(ctx: Context, noun: Token, inside: Mention | None) -> tuple[list[Arg], bool]:
    """What a role noun is a role in, and whether it reaches it through an organ of it."""
    orgs: list[Arg] = []
    through_organ = False
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "to":
            # "a senior adviser to the Supreme Leader" (not "the envoy to Syria", a posting)
            orgs += [a for p in c.children if p.dep_ == "pobj" for a in args(ctx, p)
                     if ctx.type_of(a.mention.actor or "") == "PERSON"] or [
                a for p in c.children if p.dep_ == "pobj" and ctx.lex.nouns.get(p.lower_) == "LEADS"
                for a in _part_owners(ctx, p)]
        if c.dep_ == "prep" and c.lower_ in ("of", "at", "in", "for"):
            for p in c.children:
                if p.dep_ == "pobj" and (p.pos_ == "NUM" or p.lower_ in ctx.lex.number_words) \
                        and ctx.mention(p) is None:
                    continue  # "the head of one of its armed groups" leads an unnamed group, not its owner
                if p.dep_ == "pobj":
                    found = args(ctx, p)
                    orgs += found
                    # "the chief of Russia's general staff" heads an organ, not the state
                    through_organ = through_organ or (bool(found) and ctx.mention(p) is None
                                                      and (p.lower_ in ctx.lex.words["organ_nouns"]
                                                           or p.lemma_ in ctx.lex.words["organ_nouns"]))
                    if not found:
                        # "the commander of Hezbollah's southern front", "a spokesman for Ukraine's HUR
                        # intelligence agency": a role in an unnamed part of a named whole
                        owners = _part_owners(ctx, p)
                        orgs += owners
                        through_organ = through_organ or bool(owners)
    # "Syrian arm" is no membership of Syria; "the Israeli Prime Minister, X" leads Israel
    parts = ctx.lex.words["group_part_nouns"]
    modifiers = ("poss", "compound") if noun.lower_ in parts else ("poss", "compound", "amod")
    orgs += [a for c in noun.children if c.dep_ in modifiers and not _own_name(ctx, noun, c) for a in arg(ctx, c)]
    if inside is not None:
        orgs.append(Arg(inside))
    return orgs, through_organ


def _only_rank(ctx: Context, prep: Token) -> bool:
    """True for an "of" phrase whose object is a bare rank or title ("of Captain")."""
    objects = [p for p in prep.children if p.dep_ == "pobj"]
    return len(objects) == 1 and ctx.mention(objects[0]) is None and (
        ctx.lex.has("ranks", objects[0]) or ctx.lex.has("title_words", objects[0]))


def _part_owners(ctx: Context, part: Token) -> list[Arg]:
    """The named whole of an unnamed part ("Hezbollah's southern front"): the possessor, never
    a person or a place."""
    if part.pos_ != "NOUN":
        return []
    owners = [a for c in part.children if c.dep_ == "poss" for a in arg(ctx, c)]
    return [o for o in owners if ctx.type_of(o.mention.actor or "") not in ("PERSON", "LOCATION")]


def _leaders_sides(ctx: Context, orgs: list[Arg]) -> list[Arg]:
    """The organisations of a member's role with each leader among them replaced by the side
    the gazetteer says the leader leads ("President Trump's senior adviser" is on the side of
    the United States)."""
    out: list[Arg] = []
    for o in orgs:
        entry = ctx.gaz.entries.get(o.mention.actor or "") if ctx.type_of(o.mention.actor or "") == "PERSON" else None
        if entry is not None and entry.leads and entry.leads in ctx.gaz:
            out.append(Arg(ctx.synthetic(entry.leads, o.mention), 0.8))
        else:
            out.append(o)
    return out


def _own_name(ctx: Context, noun: Token, c: Token) -> bool:
    """"..., the Radaa force": an armed group's name just before a force noun is the force's own
    name, no whole it is part of (but "the UN peacekeeping force" belongs to the UN)."""
    m = ctx.mention(c)
    return c.dep_ == "compound" and c.i == noun.i - 1 and m is not None and ctx.lex.has("force_nouns", noun) \
        and (ctx.type_of(m.actor or "") == "ARMED_GROUP" or m.entry is None)


def _role_holders(ctx: Context, noun: Token) -> list[Arg]:
    """Who holds a role: the name in apposition, or the other side of "is"."""
    people: list[Arg] = []
    for c in noun.children:
        if c.dep_ == "appos":
            people += args(ctx, c)
    if noun.dep_ == "appos" and ctx.mention(noun.head) is not None:
        # "La Mayiza and Los Chapitos, both factions of the Sinaloa cartel": each of the list
        people += args(ctx, noun.head) if noun.tag_ == "NNS" else arg(ctx, noun.head)
    elif noun.dep_ == "appos":
        # "... alongside Haftar and Aguila Saleh, the speaker of X": the parser hung the
        # apposition on another noun; the name just before the comma holds the role
        k = noun.left_edge.i - 1
        before = ctx.mention(ctx.doc[k - 1]) if k > 0 and ctx.doc[k].is_punct else None
        if before is not None and ctx.type_of(before.actor or "") == "PERSON":
            people.append(Arg(before, 0.85))
    if not people:
        # "a spokesman for the M23, Lawrence Kanyuka,": the parser hangs the name on the organisation
        people += [a for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
                   for p in c.children if p.dep_ == "pobj" for n in p.children if n.dep_ == "appos"
                   for a in arg(ctx, n) if ctx.type_of(a.mention.actor or "") == "PERSON"]
    if noun.dep_ == "attr" and not blocked(ctx.lex, noun.head):
        # ("X was not part of the delegation")
        subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        people += args(ctx, subj)
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        # "the M23, whose president is Bertrand Bisimwa"
        people += args(ctx, next((c for c in noun.head.children if c.dep_ == "attr"), None))
    return people


def possessed_group(ctx: Context, tok: Token) -> Iterator[Found]:
    """"Khalifa Haftar's Libyan National Army", "the government of Prime Minister X" (LEADS);
    "South Korea's National Intelligence Service" (MEMBER_OF)."""
    m = ctx.mention(tok)
    if m is None or tok.i != m.root or m.actor is None:
        return
    kind = ctx.type_of(m.actor)
    if kind in ("ARMED_GROUP", "ORGANIZATION"):
        yield from _organ_of(ctx, tok, m)
    if kind in ("ARMED_GROUP", "ORGANIZATION", "GOVERNMENT", "STATE"):
        if kind in ("GOVERNMENT", "STATE") and m.kind != "government":
            return
        # "his government" says who leads it only of a known leader ("Afghan Foreign Minister X
        # ... said his government": a member)
        pronoun = kind in ("GOVERNMENT", "STATE") and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)
        people = [a for c in tok.children if c.dep_ == "poss" for a in arg(ctx, c)]
        people += [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for a in prep_objects(ctx, c)]
        if any(c.dep_ == "prep" and c.lower_ == "of" and _only_rank(ctx, c) for c in tok.children):
            # "the junta of Captain Ibrahim Traore": the parser took the rank for the object and
            # hung the name on the noun
            people += [a for c in tok.children if c.dep_ == "appos" for a in arg(ctx, c)]
        people = [p for p in people if ctx.type_of(p.mention.actor or "") == "PERSON"]
        for person in people:
            entry = ctx.gaz.entries.get(person.mention.actor or "")
            led = [] if pronoun else [Arg(m)]
            if kind in ("GOVERNMENT", "STATE") and entry is not None and entry.leads and entry.leads in ctx.gaz:
                # "the government of Touadera" is the government he is known to lead, whatever
                # nearby demonym the bare noun took
                led = [Arg(ctx.synthetic(entry.leads, m), 0.9)]
            yield from ctx.emit([person], "LEADS", led, tok, "title-possessive", 0.75)


def _counterpart_office(ctx: Context, m: Mention) -> tuple[list[str], str | None]:
    """The title, and its relation, of the last official named before ``m`` in its sentence."""
    doc = ctx.doc
    for k in range(m.start - 1, doc[m.start].sent.start - 1, -1):
        other = ctx.mention(doc[k])
        if other is None or other is m or k != other.root or ctx.type_of(other.actor or "") != "PERSON":
            continue
        words = without_rank_tail(ctx, _words_before_name(ctx, other)[0])
        relation = _title_relation(ctx, words)
        return (words, relation) if relation is not None else ([], None)
    return [], None


def _whose_antecedent(ctx: Context, m: Mention, title_length: int) -> list[Arg]:
    """The actor named just before "whose" when "whose" opens the title before the name."""
    doc = ctx.doc
    k = m.start - title_length - 1
    if k < 1 or doc[k].lower_ != "whose":
        return []
    before = doc[k - 1] if not doc[k - 1].is_punct else doc[k - 2] if k > 1 else None
    found = ctx.mention(before) if before is not None else None
    if found is None or ctx.type_of(found.actor or "") in ("PERSON", "LOCATION"):
        return []
    # a one-word name no file knows may be a town the tagger took for an organisation
    if found.entry is None and found.end - found.start < 2 and not found.text.isupper():
        return []
    return [Arg(found, 0.85)]


def _no_postings(ctx: Context, orgs: list[Arg], role: str) -> list[Arg]:
    """The organisations of an envoy or a mission without the states it is posted to when an
    organisation sends it ("the UN's Libya envoy", "UNSMIL, the UN's Libya mission")."""
    if not ctx.lex.has("posting_nouns", role) or not any(
            ctx.type_of(o.mention.actor or "") == "ORGANIZATION" for o in orgs):
        return orgs
    return [o for o in orgs if ctx.type_of(o.mention.actor or "") not in ("STATE", "GOVERNMENT")]


def _no_people(ctx: Context, orgs: list[Arg]) -> list[Arg]:
    """The organisations of a title without the people a list of officials put among them."""
    return [o for o in orgs if ctx.type_of(o.mention.actor or "") != "PERSON"]


def _organ_of(ctx: Context, tok: Token, m: Mention) -> Iterator[Found]:
    """"Iran's Revolutionary Guards" (a named organ, in ``organ_heads``), "Al-Qaeda's Sahel
    affiliate JNIM" (a part noun before the name): a member of the possessor."""
    if tok.lemma_.lower() in ctx.lex.words["organ_heads"]:
        holders = [tok]
    else:
        parts = [c for c in tok.children if c.dep_ == "compound" and c.i < m.start
                 and c.lower_ in ctx.lex.words["group_part_nouns"]]
        holders = [tok, *parts] if parts else []  # the possessor may hang on the name or the part
    owners = [a for h in holders for c in h.children if c.dep_ == "poss" for a in arg(ctx, c)]
    owners = [o for o in owners if ctx.type_of(o.mention.actor or "") not in ("PERSON", "LOCATION")]
    yield from ctx.emit([Arg(m)], "MEMBER_OF", owners, tok, "organ-possessive", 0.8)


def title(ctx: Context, tok: Token) -> Iterator[Found]:
    """"Turkish President Recep Tayyip Erdogan", "Syrian Defense Minister Ali Abbas",
    "current president Bashar al-Assad", "Hafez al-Assad ... in power"."""
    m = ctx.mention(tok)
    if m is None or tok.i != m.root or ctx.type_of(m.actor or "") != "PERSON":
        return
    yield from _party_of(ctx, tok, m)
    title_words, orgs, unknown = _words_before_name(ctx, m)
    title_words = without_rank_tail(ctx, title_words)
    relation = _title_relation(ctx, title_words)
    if relation is None:
        # "military chief of staff Eyal Zamir": the title read with its "of"
        title_words, relation = of_title(ctx, m, title_words)
    counterparts = ctx.lex.words["counterpart_titles"]
    if relation is None and orgs and ((title_words and title_words[-1] in counterparts) or any(
            ctx.docs[o.mention.part][o.mention.root].lower_ in counterparts for o in orgs)):
        # "Foreign Minister X and his Armenian counterpart Y": Y holds X's office in Armenia
        title_words, relation = _counterpart_office(ctx, m)
    if relation is None:
        yield from _in_power(ctx, tok, m)
        return
    if not orgs:
        # "the Ambazonia Governing Council, whose leader Lucas Cho Ayaba": the name before "whose"
        orgs = _whose_antecedent(ctx, m, len(title_words))
    if not orgs and unknown is not None and not is_portfolio_title(ctx, title_words):
        # "SBU chief Vasyl Maliuk", "MINUSCA spokeswoman X": a name no file knows is the organisation
        orgs = [Arg(unknown, 0.8)]
    if not orgs:
        if all(w in ctx.lex.words["ranks"] for w in title_words):
            return  # "General X" says no more than a rank
        if relation == "MEMBER_OF" and any(w in ctx.lex.words["former_words"] for w in title_words):
            return  # "former police officer X" may serve anyone now (a former head is still coded)
        orgs = _default_org(ctx, m, relation) or home_office(ctx, " ".join(title_words), m, ctx.doc[m.start])
    relation = office_relation(ctx, " ".join(title_words), relation, m, orgs)
    if relation == "LEADS" and is_rank_and_file(ctx, title_words, ctx.doc[m.start].left_edge):
        relation = "MEMBER_OF"  # "a senior Hamas commander, X"
    orgs = _no_postings(ctx, orgs, title_words[-1] if title_words else "")
    yield from ctx.emit([Arg(m)], relation, _no_people(ctx, orgs), tok, "title", 0.9)


def _words_before_name(ctx: Context, m: Mention) -> tuple[list[str], list[Arg], Mention | None]:
    """The words before the name inside its noun phrase ("US Secretary of State Antony
    Blinken"), the actors named among them, and a name among them no file knows."""
    doc = ctx.doc
    title_words: list[str] = []
    orgs: list[Arg] = []
    unknown: Mention | None = None
    k = m.start - 1
    edge = doc[m.root].left_edge.i
    while k >= doc[m.start].sent.start:
        t = doc[k]
        counterpart = t.lower_ in ctx.lex.words["counterpart_titles"]
        if k < edge and not t.is_title and not counterpart and (
                ctx.lex.nouns.get(t.lower_) not in ("LEADS", "MEMBER_OF")
                or (doc[m.root].head.i == k and t.dep_ != "compound")):
            # past the name's phrase only over a title the parser hung elsewhere: a capitalised
            # one, or a role noun ("UPC leader X and 3R chief Y": "chief" hangs on the list); a
            # role noun the name is in apposition to is the role rule's ("Oman's foreign minister X")
            break
        if t.is_punct or t.lower_ in ctx.lex.words["articles"] or t.pos_ in ("VERB", "AUX", "CCONJ") \
                or t.lower_ in ctx.lex.words["relative_pronouns"]:
            break  # ("Foreign Minister X and Defence Minister Y": Y's title starts after "and")
        if t.lower_ == "of":
            k -= 1
            continue
        other = ctx.mention(t)
        if other is not None and other is not m and ctx.type_of(other.actor or "") == "PERSON":
            break  # a person is no organisation of another's title
        if other is not None and other is not m:
            # "National Security Minister X": an unknown ORG inside a title may be the portfolio
            if other.entry is not None or other.kind != "ner":
                orgs.append(Arg(other))
            elif ctx.lex.has("organ_nouns", doc[other.root]):
                # "Foreign Office spokesman X": an organ of the state is part of the title
                title_words[:0] = [w.lower_ for w in doc[other.start:other.end]]
            elif _names_organisation(ctx, other):
                unknown = other
            k = other.start - 1
            continue
        title_words.insert(0, t.lower_)
        k -= 1
    return title_words, orgs, unknown


def _names_organisation(ctx: Context, m: Mention) -> bool:
    """True for an unknown name before a title that stands for an organisation: an acronym
    ("SBU", "3R") or a name the article uses again, and no word of a title ("Supreme")."""
    words = [t for t in ctx.docs[m.part][m.start:m.end] if not t.is_punct]
    if any(t.lower_ in ctx.lex.words["title_words"] or t.lower_ in ctx.lex.nouns for t in words):
        return False
    rec = ctx.actors.actors.get(m.actor or "")
    acronym = all(t.text.isupper() for t in words)
    return bool(words) and (acronym or (rec is not None and rec.mentions > 1))


def _title_relation(ctx: Context, title_words: list[str]) -> str | None:
    """LEADS or MEMBER_OF for the longest title the words end with ("minister" is a member)."""
    nouns = ctx.lex.nouns
    for n in range(len(title_words)):
        key = " ".join(title_words[n:])
        if key in nouns and nouns[key] in ("LEADS", "MEMBER_OF"):
            return nouns[key]
    if title_words:
        last = title_words[-1]
        if nouns.get(last) in ("LEADS", "MEMBER_OF"):
            return nouns[last]
        if last == "minister" or last.endswith("minister"):
            return "MEMBER_OF"
    if any(w.endswith("minister") for w in title_words):
        return "MEMBER_OF"
    return None


def _default_org(ctx: Context, m: Mention, relation: str) -> list[Arg]:
    """What a known person's title is in when the text names nothing: the gazetteer's."""
    entry = ctx.gaz.entries.get(m.actor or "")
    if entry is None:
        return []
    target = entry.leads if relation == "LEADS" else (entry.member_of or entry.country)
    if target and target in ctx.gaz:
        return [Arg(ctx.synthetic(target, m), 0.8)]
    return []


def _party_of(ctx: Context, tok: Token, m: Mention) -> Iterator[Found]:
    """"the SPLM-IO, the party of First Vice President Riek Machar": the person leads the group
    the noun in apposition stands for (nouns ``led_group_nouns``)."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "of":
        return
    noun = prep.head
    if noun.dep_ != "appos" or ctx.mention(noun) is not None or not ctx.lex.has("led_group_nouns", noun):
        return
    groups = [a for a in arg(ctx, noun.head) if ctx.type_of(a.mention.actor or "") in ("ARMED_GROUP", "ORGANIZATION")]
    yield from ctx.emit([Arg(m)], "LEADS", groups, tok, "title", 0.75)


def _in_power(ctx: Context, tok: Token, m: Mention) -> Iterator[Found]:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "in" and any(p.lower_ == "power" for p in c.children):
            yield from ctx.emit([Arg(m)], "LEADS", _default_org(ctx, m, "LEADS"), tok, "title-power", 0.7)
