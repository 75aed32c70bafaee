"""What a token stands for as the argument of a predicate.

:func:`args` gives the actors of a token with its conjuncts ("Russia and Iran");
:func:`arg` the actors of one token, reading in turn: the mention it is, a pronoun's
antecedent, a relative pronoun's head, and the readings of a common noun (the group
last named, "the capital", "thousands of their soldiers", "an Israeli strike", "forces
loyal to X", "the towns of Minova and Sake", "Russian soil", "his country").
:func:`subject` gives the agents of a verb.  These call one another, so they live
together here.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..actors import Mention
from ..gazetteer import normalize
from .clauses import SUBJECTS, object_of, reporting_verb
from .context import Arg, Context
from .names import (
    affix_actor,
    capital,
    definite_reference,
    last_place,
    last_state,
    last_states,
    mentions_before,
    new_place,
    referred_group,
    state_of_person,
)

NOUNISH = ("NOUN", "PROPN", "ADJ", "NUM", "PRON")


def args(ctx: Context, tok: Token | None, depth: int = 0) -> list[Arg]:
    """The actors a token stands for, with its conjuncts ("Russia and Iran")."""
    if tok is None:
        return []
    out = arg(ctx, tok, depth)
    m = ctx.mention(tok)
    if m is not None and m.extended:
        # "Rwandan and Mozambican forces": both modifiers name a side
        for c in ctx.doc[m.start].conjuncts:
            other = ctx.mention(c)
            if other is not None and other is not m:
                out.append(Arg(other))
    if tok.dep_ != "conj":
        for c in tok.conjuncts:
            if c.i > tok.i:
                out += arg(ctx, c, depth)
    for c in _listed_after(ctx, tok, m):
        out += args(ctx, c, depth)
    return out


def _listed_after(ctx: Context, tok: Token, m: Mention | None) -> list[Token]:
    """Names the parser hung on a name as appositions, in a series: "Tel Aviv, Haifa, and
    Beersheba" (a list when the apposition goes on with "and ..." or there are several)."""
    if m is None or tok.pos_ != "PROPN":
        return []
    apposed = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > tok.i]
    if not apposed or not (len(apposed) > 1 or any(c.conjuncts for c in apposed)):
        return []
    kind = ctx.type_of(m.actor or "")
    return [c for c in apposed if (other := ctx.mention(c)) is not None and ctx.type_of(other.actor or "") == kind]


def prep_objects(ctx: Context, prep: Token) -> list[Arg]:
    """The actors of a preposition's objects."""
    out: list[Arg] = []
    for p in prep.children:
        if p.dep_ in ("pobj", "pcomp"):
            out += args(ctx, p)
    return out


def of_objects(ctx: Context, tok: Token, depth: int, preps: tuple[str, ...] = ("of",)) -> list[Arg]:
    """The actors of the objects of a token's of-phrases (or of ``preps``)."""
    out: list[Arg] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    out += args(ctx, p, depth + 1)
    return out


def arg(ctx: Context, tok: Token, depth: int = 0) -> list[Arg]:
    """The actors one token stands for (see the module's description for the readings)."""
    m = ctx.mention(tok)
    if m is not None:
        return _named(ctx, tok, m, depth)
    low = tok.lower_
    if low in pronouns(ctx):
        ante = antecedent(ctx, tok)
        return [Arg(ante, 0.85)] if ante is not None else []
    if low in ctx.lex.words["relative_pronouns"] and tok.dep_ in SUBJECTS + ("dobj", "pobj", "poss"):
        return _relative_head(ctx, tok, depth)
    if depth > 3 or tok.pos_ not in NOUNISH:
        return []
    for reading in _NOUN_READINGS:
        found = reading(ctx, tok, depth)
        if found is not None:
            return found
    return []


def pronouns(ctx: Context) -> frozenset[str]:
    """The personal pronouns (and possessives) that refer to an actor."""
    w = ctx.lex.words
    return w["person_pronouns"] | w["thing_pronouns"] | w["plural_pronouns"]


def _named(ctx: Context, tok: Token, m: Mention, depth: int) -> list[Arg]:
    if m.kind in ("opposition", "description", "government") and depth < 3:
        # "rebels of the CSP-PSD coalition": the of-phrase names them more precisely
        named = of_objects(ctx, tok, depth)
        if named:
            return named
    return [Arg(m)]


def _relative_head(ctx: Context, tok: Token, depth: int) -> list[Arg]:
    """"Assad, who ...": the noun the relative clause hangs on."""
    head = tok.head
    for _ in range(4):
        if head.dep_ == "relcl":
            found = args(ctx, head.head, depth + 1)
            if not found and tok.lower_ in ctx.lex.words["person_relative_pronouns"]:
                # "a complaint by Emmanuel Nsahlai, a lawyer for victims of the conflict, who
                # accused ...": the parser hung "who" on the last noun; the person is further up
                found = _person_up(ctx, head.head)
            return found
        if head.head.i == head.i:
            break
        head = head.head
    return []


def _person_up(ctx: Context, tok: Token) -> list[Arg]:
    """The person named above a noun through of/for-phrases and appositions."""
    for _ in range(6):
        if tok.dep_ not in ("pobj", "prep", "appos") or tok.head.i == tok.i:
            return []
        tok = tok.head
        m = ctx.mention(tok)
        if m is not None:
            return [Arg(m, 0.85)] if ctx.type_of(m.actor or "") == "PERSON" else []
    return []


# -- the readings of a common noun, tried in order: a list ends the search (even empty), None goes on

Reading = Callable[[Context, Token, int], "list[Arg] | None"]


def _has_the(tok: Token) -> bool:
    return any(c.lower_ == "the" for c in tok.children)


def _named_coalition(ctx: Context, tok: Token, depth: int) -> list[Arg] | None:
    """"the Congo River Alliance, a coalition of rebel groups": the named coalition."""
    if tok.dep_ == "appos" and tok.lemma_.lower() in ctx.lex.words["collective_nouns"] and depth < 2:
        return arg(ctx, tok.head, depth + 1) or None
    return None


def _definite_group(ctx: Context, tok: Token, depth: int) -> list[Arg] | None:
    """"the group's leader", "the alliance", "the paramilitary force", "the Iran-backed group":
    the group last named ("the air force" is no reference, nor "the group of Ali Kikli": his own;
    "the jihadist group" is, whatever tag the parser gave "jihadist")."""
    if tok.lower_ in ctx.lex.words["definite_group_nouns"] and _has_the(tok) \
            and not any(c.dep_ == "compound" and "-" not in c.text
                        and c.lower_ not in ctx.lex.words["group_character_words"] for c in tok.children) \
            and not (tok.is_lower and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)):
        ante = definite_reference(ctx, tok)
        return [Arg(ante, 0.8)] if ante is not None else []
    return None


def _state_leader(ctx: Context, tok: Token, depth: int) -> list[Arg] | None:
    """"the U.S. leader scolded them", "the Russian president said": the person the article names
    who leads that state (nobody when it names none), as the one who acts ("a portrait of the
    Syrian president" is no attack on him)."""
    titles = ctx.lex.words["head_of_state_titles"]
    before = ctx.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    if tok.dep_ not in SUBJECTS or not _has_the(tok) or (
            tok.lower_ not in titles and f"{before} {tok.lower_}" not in titles):
        return None
    states = {m.actor for c in tok.children if c.dep_ in ("amod", "compound", "poss") and c.i < tok.i
              and (m := ctx.mention(c)) is not None and m.actor and ctx.type_of(m.actor) in ("STATE", "GOVERNMENT")}
    if not states:
        return None
    leader = None
    for m in mentions_before(ctx, tok):
        entry = ctx.gaz.entries.get(m.actor or "")
        if entry is not None and entry.type == "PERSON" and entry.leads in states:
            leader = m
    # (none named before: "The Israeli Prime Minister, Benjamin Netanyahu, said" names him after)
    return [Arg(leader, 0.8)] if leader is not None else None


def _definite_state(ctx: Context, tok: Token, depth: int) -> list[Arg] | None:
    """"the kingdom", "the emirate": the state last named."""
    if tok.lower_ in ctx.lex.words["state_reference_nouns"] and _has_the(tok):
        ante = last_state(ctx, tok)
        return [Arg(ante, 0.8)] if ante is not None else []
    return None


def _counted_states(ctx: Context, tok: Token, depth: int) -> list[Arg] | None:
    """"both countries", "the two countries": the last two states named; "both sides": the
    last two sides (states, governments or armed groups); "the two factions": the last two
    armed groups."""
    states = tok.lower_ in ctx.lex.words["state_plural_nouns"]
    groups = tok.lower_ in ctx.lex.words["group_plural_nouns"]  # "the two factions", "both gangs"
    if not states and not groups and tok.lower_ not in ctx.lex.words["party_plural_nouns"]:
        return None
    count = next((ctx.lex.number_words.get(c.lower_) for c in tok.children
                  if c.dep_ in ("det", "nummod", "predet") and c.lower_ in ctx.lex.number_words), None)
    if not count:
        return None
    kinds = ("STATE", "GOVERNMENT") if states else ("ARMED_GROUP",) if groups else (
        "STATE", "GOVERNMENT", "ARMED_GROUP")
    return [Arg(m, 0.8) for m in last_states(ctx, tok, count, kinds, _speakers(ctx, tok, depth))]


def _speakers(ctx: Context, tok: Token, depth: int) -> set[str]:
    """The agents of the verb ``tok`` is the object of: "China and Malaysia urged both countries
    to hold their fire" asks two others."""
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    if tok.dep_ not in ("dobj", "pobj") or verb.pos_ != "VERB" or depth > 2:
        return set()
    agents, passive = subject(ctx, verb, depth + 1)
    return set() if passive else {a.mention.actor for a in agents if a.mention.actor}


def _named_vessel(ctx: Context, tok: Token, depth: int) -> list[Arg] | None:
    """"the Magic Seas, another Greek-operated vessel": a named ship is a place of its own."""
    if tok.pos_ == "PROPN" and any(c.dep_ == "appos" and ctx.lex.has("vessel_nouns", c) for c in tok.children):
        return new_place(ctx, tok) or None
    if ctx.lex.has("vessel_nouns", tok) and tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
        return new_place(ctx, tok.head) or None
    return None


def _the_capital(ctx: Context, tok: Token, depth: int) -> list[Arg] | None:
    """"the capital": the home state's capital; "the Ukrainian capital", "Haiti's capital", "the
    capital of Congo": that state's; a region's ("the capital of West Kordofan", "the provincial
    capital") is none of them, and a capital a name describes is that name."""
    if tok.lower_ != "capital" or any(c.dep_ == "appos" for c in tok.children):
        return None  # ("the regional capital, Mekelle": the name)
    if tok.dep_ == "attr":
        return _predicate_noun(ctx, tok, depth) or []  # "Kaga-Bandoro is the fourth regional capital"
    if tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
        # "Al-Fula, the capital of West Kordofan": the name, even one no tagger found
        named = ctx.mention(tok.head)
        return [Arg(named)] if named is not None else new_place(ctx, tok.head)
    owners = [c for c in tok.children if c.i < tok.i and (c.dep_ == "poss" or (
        c.dep_ in ("amod", "compound") and ctx.mention(c) is not None))] + [
        p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    if owners:
        states = [a.mention.actor for c in owners for a in arg(ctx, c, depth + 1)
                  if a.mention.actor in ctx.gaz.entries and ctx.gaz.entries[a.mention.actor].type == "STATE"]
        found = capital(ctx, states[0], tok) if states else None
        return [Arg(found, 0.8)] if found is not None else []
    if any(ctx.lex.has("region_modifiers", c) for c in tok.children if c.i < tok.i):
        return []
    if _has_the(tok) and ctx.actors.home:
        found = capital(ctx, ctx.actors.home, tok)
        if found is not None:
            return [Arg(found, 0.8)]
    return None


def _the_city(ctx: Context, tok: Token, depth: int) -> list[Arg] | None:
    """"the city": the place last named."""
    if tok.lower_ in ctx.lex.words["settlement_nouns"] and _has_the(tok) \
            and not any(c.dep_ in ("prep", "appos", "amod", "compound") for c in tok.children):
        place = last_place(ctx, tok)
        return [Arg(place, 0.7)] if place is not None else []
    return None


def _quantity(ctx: Context, tok: Token, depth: int) -> list[Arg] | None:
    """"thousands of their soldiers", "some of the rebels"."""
    if tok.lower_ in ctx.lex.words["quantity_words"] or tok.pos_ == "NUM":
        return of_objects(ctx, tok, depth)
    return None


def _attacker(ctx: Context, tok: Token, depth: int) -> list[Arg] | None:
    """"an Israeli strike ... killed X": the striker."""
    if ctx.lex.nouns.get(tok.lower_) != "ATTACKS" and ctx.lex.nouns.get(tok.lemma_.lower()) != "ATTACKS":
        return None
    for c in tok.children:
        if c.dep_ in ("amod", "poss", "compound") and c.i < tok.i:
            found = arg(ctx, c, depth + 1)
            if found:
                return found
            affix = affix_actor(ctx, c)
            if affix is not None:
                return [Arg(affix, 0.8)]
    return []


def _force(ctx: Context, tok: Token, depth: int) -> list[Arg] | None:
    """Forces and weapons are their side's: "its armed wing, the People's Defence Force",
    "forces of/loyal to X", "Rwandan and Mozambican forces", "Hamas-led gunmen",
    "Ma'awisley clan fighters", "a drone launched by the Houthis"."""
    is_force = ctx.lex.has("force_nouns", tok)
    if is_force:
        for c in tok.children:
            if c.dep_ == "appos" and ctx.mention(c) is not None:
                return args(ctx, c, depth + 1)
    if not (is_force or ctx.lex.has("weapon_nouns", tok)):
        return None
    for c in tok.children:
        found = _force_owner(ctx, tok, c, depth)
        if found:
            return found
    return _stationed_by(ctx, tok)


def _stationed_by(ctx: Context, tok: Token) -> list[Arg] | None:
    """"Burundi has thousands of soldiers in South Kivu": forces a side has or deploys are its."""
    anchor = tok
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and (
            tok.head.head.lower_ in ctx.lex.words["quantity_words"] or tok.head.head.pos_ == "NUM"
            or tok.head.head.ent_type_ == "CARDINAL"):
        anchor = tok.head.head
    if anchor.dep_ == "dobj" and ctx.lex.has("stationing_verbs", anchor.head):
        agents, passive = subject(ctx, anchor.head)
        if agents and not passive:
            return [Arg(a.mention, a.confidence * 0.9) for a in agents]
    return None


def _force_owner(ctx: Context, tok: Token, c: Token, depth: int) -> list[Arg]:
    """The side one dependent ``c`` of a force or weapon noun ``tok`` names."""
    if c.dep_ == "prep" and c.lower_ in ("of", "from", "loyal", "for"):
        found = of_objects(ctx, tok, depth, (c.lower_,))
        if found:
            return found
    owner = ctx.mention(c)
    if owner is not None and owner.kind == "demonym" and ctx.lex.has("nonstate_group_nouns", tok):
        return []  # "Sudanese armed factions" are no forces of Sudan
    if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < tok.i:
        found = args(ctx, c, depth + 1)
        if found and ctx.lex.has("follower_nouns", tok) and all(
                ctx.type_of(a.mention.actor or "") == "PERSON" for a in found):
            return []  # "Assad loyalists" act for the man's side, not as the man himself
        if found:
            return found
        if c.lower_.endswith("-led"):
            affix = affix_actor(ctx, c)
            if affix is not None:
                return [Arg(affix, 0.8)]
    if c.dep_ == "compound" and c.i < tok.i:
        for k in range(c.left_edge.i, c.i):
            m = ctx.mention(ctx.doc[k])
            if m is not None:
                return [Arg(m, 0.9)]
    if c.dep_ == "amod" and c.lower_ == "loyal" and not any(x.dep_ == "neg" for x in c.subtree):
        # "militias no longer loyal to X" are not X's
        found = of_objects(ctx, c, depth, ("to",))
        if found:
            return found
    if c.dep_ == "acl" and c.tag_ == "VBN":
        agents, passive = subject(ctx, c)
        if passive and agents:
            return agents
    return []


def _unowned_side(ctx: Context, tok: Token, depth: int) -> list[Arg] | None:
    """Fighters and troops no phrase owns: "the attackers", "the gunmen" are the armed group last
    named ("killed 33 attackers", "Fighters torched cars": the article's only armed group);
    "troops", "police", "soldiers" are the home state's when the article names no other state's
    forces (in a war between two states they may be either's)."""
    if any(c.dep_ in ("poss", "amod", "compound", "nmod", "appos", "relcl", "acl") or (
            c.dep_ == "prep" and c.lower_ in ("of", "from", "loyal", "for")) for c in tok.children):
        return None  # (owned, or introduced right here: "the gunmen who attacked tourists")
    if ctx.lex.has("assailant_nouns", tok):
        groups = {m.actor for m in mentions_before(ctx, tok)
                  if m.actor and not m.adjectival and ctx.type_of(m.actor) == "ARMED_GROUP"}
        if _has_the(tok) or (len(groups) == 1 and not any(
                c.dep_ == "det" and c.lower_ in ctx.lex.words["indefinite_determiners"] for c in tok.children)):
            group = referred_group(ctx, tok)
            return [Arg(group, 0.7)] if group is not None else None
        return None
    home = ctx.actors.home
    if ctx.lex.has("home_force_nouns", tok) and home and not _other_states_forces(ctx, home) \
            and not (tok.dep_ == "compound" and any(c.dep_ in ("amod", "poss", "compound") and c.i != tok.i
                                                    for c in tok.head.children)) \
            and not _region_speaks(ctx, tok) and not _against_own_leader(ctx, tok, home):
        # ("the Kenyan police commander" is Kenya's)
        return [Arg(ctx.synthetic_government(home, tok), 0.7)]
    return None


def _against_own_leader(ctx: Context, tok: Token, home: str) -> bool:
    """True when soldiers act on the home state's own leader ("Soldiers ousted President Mohamed
    Bazoum"): mutineers, not the government's forces."""
    if tok.dep_ not in SUBJECTS:
        return False
    for c in tok.head.children:
        m = ctx.mention(c) if c.dep_ == "dobj" else None
        entry = ctx.gaz.entries.get(m.actor or "") if m is not None else None
        if entry is not None and entry.type == "PERSON" and entry.leads == home:
            return True
    return False


def _region_speaks(ctx: Context, tok: Token) -> bool:
    """True when a region acts in ``tok``'s sentence ("Puntland says troops overran ...",
    "Puntland's security ministry said"): its troops are the region's, not the state's."""
    for t in tok.sent:
        m = ctx.mention(t)
        if m is not None and t.i == m.root and t.dep_ in (*SUBJECTS, "poss") and ctx.is_place(m) \
                and ctx.gaz.metonym_of.get(normalize(m.text)) is None:
            return True
    return False


def _other_states_forces(ctx: Context, home: str) -> bool:
    """True when the article names the forces or government of a state other than ``home``."""
    for m in ctx.actors.mentions:
        if m.actor in (None, home) or ctx.type_of(m.actor or "") not in ("STATE", "GOVERNMENT"):
            continue
        if m.kind == "government" or m.extended or ctx.lex.has("force_nouns", ctx.docs[m.part][m.end - 1]):
            return True
    return False


def _apposed_or_known_as(ctx: Context, tok: Token, depth: int) -> list[Arg] | None:
    """A name in apposition, or "militias known as Wazalendo"."""
    for c in tok.children:
        if c.dep_ == "appos":
            found = args(ctx, c, depth + 1)  # "commanders Ali Rezaei, Hamid Nouri and Reza Karimi"
            if found:
                return found
        if c.dep_ == "acl" and c.lemma_.lower() in ctx.lex.words["naming_verbs"]:
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ == "as":
                    found = prep_objects(ctx, p)
                    if found:
                        return found
    return None


def _place_head(ctx: Context, tok: Token, depth: int) -> list[Arg] | None:
    """"the port of Hodeidah", "the towns of Minova and Sake": places, whatever NER thought."""
    if not ctx.lex.has("place_heads", tok):
        return None
    if any(c.dep_ == "det" and c.lower_ in ctx.lex.words["indefinite_determiners"] for c in tok.children):
        # "Abu Salim, a district of Tripoli": the of-phrase names where it lies, the apposition what it is
        if tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
            named = ctx.mention(tok.head)
            return [Arg(named, 0.9)] if named is not None else new_place(ctx, tok.head)
        return None
    # "the Poonch district of Kashmir": the district is Poonch, in Kashmir
    named_by = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i
                and c.lower_.rpartition("-")[2] not in ctx.lex.affix_relations  # ("the Houthi-held port")
                and c.lower_ not in ctx.lex.words["water_words"]]  # ("the Red Sea port of Hodeidah")
    for c in named_by:
        m = ctx.mention(c)
        if m is not None and m.entry is None and m.kind == "ner" and m.actor in ctx.actors.actors:
            ctx.actors.actors[m.actor].type = "LOCATION"  # the tagger's "Poonch" people are a district
        if m is not None and ctx.is_place(m):
            return [Arg(m, 0.9)]
        if m is None:
            return new_place(ctx, c)
    places = of_objects(ctx, tok, depth)
    named = {a.mention.root for a in places}
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    for q in (p, *p.conjuncts):
                        if q.i not in named:
                            places += new_place(ctx, q)
    for a in places:
        rec = ctx.actors.actors.get(a.mention.actor or "")
        # "the towns of Bouca and Batangafo": the tagger's unknown organisations and people there are towns
        if rec is not None and rec.entry is None and rec.type in ("ORGANIZATION", "PERSON"):
            rec.type = "LOCATION"
    return places or None


def _territory(ctx: Context, tok: Token, depth: int) -> list[Arg] | None:
    """"Russian soil", "Lebanese territory"."""
    if tok.lower_ in ctx.lex.words["territory_nouns"]:
        for c in tok.children:
            if c.dep_ in ("amod", "poss", "compound"):
                m = ctx.mention(c)
                if m is not None:
                    return [Arg(m, 0.9)]
    return None


def _apposition_head(ctx: Context, tok: Token, depth: int) -> list[Arg] | None:
    """A common noun in apposition stands for the name it follows."""
    if tok.dep_ == "appos" and depth < 2:
        return arg(ctx, tok.head, depth + 1)
    return None


def _predicate_noun(ctx: Context, tok: Token, depth: int) -> list[Arg] | None:
    """"El Fasher ... is the last major city ... held by the army": the subject."""
    if tok.dep_ == "attr" and tok.head.lemma_ == "be" and depth < 2:
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return args(ctx, subj, depth + 1)
    return None


def _their_country(ctx: Context, tok: Token, depth: int) -> list[Arg] | None:
    """"his country": the state of the person named."""
    if tok.lower_ == "country" and any(c.dep_ == "poss" for c in tok.children):
        poss = next(c for c in tok.children if c.dep_ == "poss")
        person = arg(ctx, poss, depth + 1)
        if person:
            state = state_of_person(ctx, person[0].mention)
            if state is not None:
                return [Arg(state, person[0].confidence)]
    return None


_NOUN_READINGS: tuple[Reading, ...] = (
    _named_coalition, _definite_group, _state_leader, _definite_state, _counted_states, _named_vessel, _the_capital,
    _the_city, _quantity, _attacker, _force, _unowned_side, _apposed_or_known_as, _place_head, _territory,
    _apposition_head, _predicate_noun, _their_country,
)


# -- subjects ------------------------------------------------------------------------------------


def subject(ctx: Context, verb: Token, depth: int = 0) -> tuple[list[Arg], bool]:
    """The agents of a verb (and whether the verb is passive)."""
    if verb.dep_ == "acl" and verb.head.pos_ == "PROPN" and verb.head.dep_ == "ROOT" \
            and any(c.dep_ == "dobj" for c in verb.children):
        # "Nikol Pashinyan, who insists ..., accused Azerbaijan of ...": the parser made the
        # main verb a modifier of the name (a participle takes no object), whose name is its subject
        return args(ctx, verb.head), False
    passive = any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod")
    )
    if passive:
        found: list[Arg] = []
        for c in verb.children:
            if c.dep_ == "agent":
                for by in (c, *c.conjuncts):
                    found += [a for p in by.children if p.dep_ == "pobj" for a in args(ctx, p)]
        return found, True
    # the subject nearest the verb: "Syria: Russian fighters bombed ..." has two; a name the
    # parser hung on a finite verb as a compound is its subject ("Russia shells Kharkiv")
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] or [
        c for c in verb.children if c.dep_ == "compound" and c.i < verb.i and verb.tag_ in ("VBZ", "VBD", "VBP")
        and ctx.mention(c) is not None]
    if subjects:
        before = [c for c in subjects if c.i < verb.i]
        nearest = max(before, key=lambda c: c.i) if before else subjects[0]
        named = [c for c in subjects if ctx.mention(c) is not None]
        if named and ctx.mention(nearest) is None and any(
                c.dep_ == "det" and c.lower_ in ctx.lex.words["indefinite_determiners"] for c in nearest.children):
            # "The MNDAA, a Kokang ethnic army thought to ..., took Lashio": the parser made the
            # description a second subject; the name is the one that acts
            nearest = named[-1]
        return args(ctx, nearest), False
    if depth > 3:
        return [], False
    reporter = reporting_verb(ctx.lex, verb)
    if reporter is not None:
        # "Mujahid said the emirate would not allow attacks and urged Islamabad to stop": Mujahid
        return subject(ctx, reporter, depth + 1)
    if verb.dep_ in ("xcomp", "advcl", "conj") and verb.head.i != verb.i:
        inherited = _inherited_subject(ctx, verb, depth)
        if inherited is not None:
            return inherited, False
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return args(ctx, verb.head), False
    if verb.dep_ == "relcl":
        rel = next((c for c in verb.children if c.lower_ in ctx.lex.words["relative_pronouns"]
                    and c.dep_ in SUBJECTS), None)
        if rel is not None:
            return args(ctx, verb.head), False
    return [], False


def _inherited_subject(ctx: Context, verb: Token, depth: int) -> list[Arg] | None:
    """"launched airstrikes ... to support", "regaining control", "and captured": the
    subject of the verb above."""
    head = verb.head
    # a purpose clause hung on a participle ("sectors controlled by them to
    # support ...") belongs to the finite verb above it
    # (but "North Korea had sent troops to help": a perfect tense with its own subject is finite)
    while head.dep_ in ("acl", "relcl", "pobj", "prep", "dobj", "acomp") and head.head.i != head.i and (
        head.pos_ not in ("VERB", "AUX") or (head.tag_ == "VBN" and not any(c.dep_ == "nsubj" for c in head.children))
    ):
        head = head.head  # ("remained determined to destroy": the one who remained)
    if head.pos_ not in ("VERB", "AUX"):
        return None
    if ctx.lex.verbs.get(head.lemma_.lower()) == "CALLS_ON" and verb.dep_ == "xcomp":
        # "urged Iraq to stay out": the one urged is the subject
        return args(ctx, object_of(head))
    subj, was_passive = subject(ctx, head, depth + 1)
    return None if was_passive else subj


# -- pronouns ------------------------------------------------------------------------------------


def antecedent(ctx: Context, pron: Token) -> Mention | None:
    """The actor a pronoun refers to: for a possessive or a subject pronoun, the
    subject of its own or governing clause when that fits; otherwise the nearest
    earlier mention of a fitting kind that is not an adjective of another noun."""
    want_person = pron.lower_ in ctx.lex.words["person_pronouns"]
    # "its fighters", "their militants": a group's, not a state's
    want_group = pron.dep_ == "poss" and ctx.lex.has("group_member_nouns", pron.head)

    def fits(m: Mention) -> bool:
        if m.actor is None or m.adjectival:
            return False
        kind = ctx.actors.actors[m.actor].type if m.actor in ctx.actors.actors else m.label
        if kind == "LOCATION" and not m.agent:
            return False
        if want_group and ctx.type_of(m.actor) not in ("ARMED_GROUP", "ORGANIZATION"):
            return False
        return (kind == "PERSON") == want_person

    if pron.dep_ == "poss" and pron.head.dep_ == "conj":
        # "the Sudanese army and its allies": the conjunct before
        for a in arg(ctx, pron.head.head, 3):
            if fits(a.mention):
                return a.mention
    if pron.dep_ == "poss":
        owner = _enclosing_owner(ctx, pron, fits) or _addressee(ctx, pron, fits)
        if owner is not None:
            return owner
    is_subject = pron.dep_ in SUBJECTS
    if (is_subject or pron.dep_ == "poss") and not _causers(ctx, pron):
        found = _clause_subject(ctx, pron, fits)
        if found is not None:
            return found
        if _said_by_another(ctx, pron):
            return None
    if is_subject:
        described = _described_subject_before(ctx, pron, fits)
        if described is not None:
            return described
    excluded = _excluded_from_reference(ctx, pron) | _causers(ctx, pron)
    here = ctx.char(pron)
    best = best_subject = best_plural = None
    for m in ctx.actors.mentions:
        if m.char_start >= here:
            break
        if m.part == ctx.part and m.start in excluded:
            continue
        if fits(m):
            best = m
            root = ctx.docs[m.part][m.root]
            if root.dep_ in SUBJECTS or (root.dep_ == "appos" and root.head.dep_ in SUBJECTS) or (
                    root.dep_ == "ROOT" and root.pos_ == "PROPN"):
                # ("India's spokesman, Randhir Jaiswal, rejected the charges. He said ..."; a name the
                # parser made the root of its sentence is its topic)
                best_subject = m
            if root.tag_ in ("NNS", "NNPS") and m.part == ctx.part and m.start >= pron.sent.start:
                best_plural = m
    if (is_subject or pron.dep_ == "poss") and best_subject is not None:
        # "It belongs to ...": a subject pronoun continues the last subject
        return best_subject
    if pron.lower_ in ctx.lex.words["plural_pronouns"] and best_plural is not None and pron.dep_ not in SUBJECTS:
        # "Eritrean troops fought alongside the army, and Amnesty accused them": the plural of the sentence
        return best_plural
    return best


def _addressee(ctx: Context, pron: Token, fits: Callable[[Mention], bool]) -> Mention | None:
    """"warned Iran that its support for the group must end": a possessive in what is told to
    someone is the addressee's."""
    clause = pron.head
    for _ in range(4):
        if clause.dep_ == "ccomp" or clause.head.i == clause.i:
            break
        clause = clause.head
    if clause.dep_ != "ccomp":
        return None
    told = next((c for c in clause.head.children if c.dep_ == "dobj"), None)
    return next((a.mention for a in arg(ctx, told) if fits(a.mention)), None) if told is not None else None


def _said_by_another(ctx: Context, pron: Token) -> bool:
    """"hours after another group said it had taken Abeche": the speaker "it" continues is
    a group no name stands for."""
    verb = pron.head
    if pron.dep_ not in SUBJECTS or verb.dep_ != "ccomp":
        return False
    subj = next((c for c in verb.head.children if c.dep_ in SUBJECTS), None)
    return subj is not None and ctx.mention(subj) is None and any(
        c.dep_ in ("det", "amod") and c.lower_ in ctx.lex.words["other_group_determiners"] for c in subj.children)


def _described_subject_before(ctx: Context, pron: Token, fits: Callable[[Mention], bool]) -> Mention | None:
    """"The group said it took over the base. It said ...": a sentence's first pronoun continues
    the previous sentence's subject, also when a description ("the group") named it."""
    sent = pron.sent
    if any(ctx.mention(t) is not None for t in ctx.doc[sent.start:pron.i]):
        return None
    for _ in range(3):  # ("It said ... . It said ...": back over the sentences a pronoun began)
        if sent.start == 0:
            return None
        sent = ctx.doc[sent.start - 1].sent
        subj = next((c for c in sent.root.children if c.dep_ in SUBJECTS), None)
        if subj is None or ctx.mention(subj) is not None:
            return None
        if subj.lower_ not in pronouns(ctx):
            return next((a.mention for a in arg(ctx, subj, 2) if fits(a.mention)), None)
    return None


def _enclosing_owner(ctx: Context, pron: Token, fits: Callable[[Mention], bool]) -> Mention | None:
    """"Hezbollah's leadership, including its chief": the owner of the noun phrase a
    possessive's phrase hangs on, before any clause subject."""
    tok = pron.head
    for _ in range(4):
        if tok.dep_ not in ("pobj", "prep", "appos") or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.lower_ in ctx.lex.words["inclusion_prepositions"] and tok.i > 1:
            # ", including its chief": the parse may hang it anywhere; it is the noun before's
            k = tok.i - 1
            while k > tok.sent.start and ctx.doc[k].is_punct:
                k -= 1
            tok = ctx.doc[k]
        if tok.pos_ in ("NOUN", "PROPN"):
            for c in tok.children:
                m = ctx.mention(c) if c.dep_ == "poss" and c.i != pron.i else None
                if m is not None and fits(m):
                    return m
    return None


def _clause_subject(ctx: Context, pron: Token, fits: Callable[[Mention], bool]) -> Mention | None:
    """The fitting subject of the pronoun's own clause or of the clauses it hangs under."""
    is_subject = pron.dep_ in SUBJECTS
    clause = pron.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    for _ in range(4):
        subj = next((c for c in clause.children if c.dep_ in SUBJECTS and c.i != pron.i
                     and not any(a.i == pron.i for a in c.subtree)), None)
        if subj is not None:
            for a in args(ctx, subj, 3):
                if fits(a.mention):
                    return a.mention
            return None
        if clause.dep_ in ("ccomp", "xcomp", "advcl", "conj") and clause.head.i != clause.i:
            clause = clause.head
        elif clause.dep_ == "relcl" and (is_subject or pron.dep_ == "poss"):
            # "the FDLR, which it accuses Kinshasa of arming", "the M23, which his government
            # calls a terrorist group": the main clause's subject
            clause = clause.head
            while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
                clause = clause.head
        else:
            return None
    return None


def _causers(ctx: Context, pron: Token) -> set[int]:
    """"North Korea sent troops to help it push ...": the subject of a clause under a verb of
    helping or making is someone else than those who help (the tokens of their subjects)."""
    if pron.dep_ not in SUBJECTS or pron.head.dep_ not in ("ccomp", "xcomp"):
        return set()
    verb = pron.head.head
    if not ctx.lex.has("causative_verbs", verb):
        return set()
    out: set[int] = set()
    for _ in range(4):
        subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subj is not None:
            return out | {t.i for t in subj.subtree}
        if verb.dep_ not in ("advcl", "xcomp", "conj", "ccomp") or verb.head.i == verb.i:
            return out
        verb = verb.head
    return out


def _excluded_from_reference(ctx: Context, pron: Token) -> set[int]:
    """Tokens a pronoun cannot refer to: the noun its relative clause describes ("rebels who
    have allied with them") and, for an object pronoun, the subjects of the clauses above it
    (of the clauses it really hangs under: "said Machar would face trial and accused him of
    ...": "accused" goes with "said", so "him" may be Machar)."""
    excluded: set[int] = set()
    is_subject = pron.dep_ in SUBJECTS
    head = pron
    while head.head.i != head.i:
        if head.dep_ == "relcl":
            excluded.update(range(head.head.left_edge.i, head.head.i + 1))
        if head.dep_ == "conj" and pron.dep_ != "poss" and any(c.dep_ in SUBJECTS for c in head.children):
            # ("Eritrean troops fought ..., and Amnesty has accused them": a clause of its own; a
            # possessive still skips the subjects above: "Belarus negotiated with Wagner, and ... its leader")
            break
        head = reporting_verb(ctx.lex, head) or head.head
        if not is_subject:
            for c in head.children:
                if c.dep_ in SUBJECTS:
                    excluded.update(t.i for t in c.subtree)
    return excluded
