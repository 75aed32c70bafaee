"""Joining an alliance (rule ``joined-in``) and the founders of one.

- "Burkina Faso has joined Mali and Niger in the Alliance of Sahel States": the one who joins
  and those it joins are each a MEMBER_OF the alliance, and ALLIED_WITH each other.  (The verb
  rule would read "joined Mali" as membership of Mali; it leaves these to this rule.)
- "Los Choneros are allied with the Sinaloa cartel", "militias aligned with the army" (rule
  ``allied-with``): ALLIED_WITH, read where the verb rule does not, from a passive verb or an
  adjective; "fighters loyal to warlord X" (rule ``loyal-to``): the person LEADS them;
  "insurgents loyal to Islamic State": they are its members.
- "Goita turned to Moscow for military help" (rule ``turned-to``): Moscow BACKS Goita.
- "the ADF, which pledged allegiance to Islamic State" (rule ``allegiance``): a member of it (a
  person sworn to leads the one who swears, as with "loyal to"); "a faction affiliated with
  ISWAP" (rule ``allied-with``): a member of it.
- "the task force, which brings together troops from Nigeria, Chad and Cameroon", "Niger, Mali
  and Burkina Faso have grouped together in the Alliance of Sahel States" (rule ``together``): the
  ones brought together are members of the whole and allies of each other (``grouping_verbs``).
- "the army and its Russian allies" (rule ``its-allies``): the army and Russia are allies.
- "Kataib Hezbollah, one of the factions in the PMF", "X is one of three groups in the
  alliance", "one of the coalition's members" (rule ``one-of``): a member of the whole.
- :func:`founders`: the subjects of a verb of founding, also when the parser hung it on a
  passive verb ("Mali, Burkina Faso and Niger, all ruled by officers, have formed ...").

An alliance is a named actor with one of ``collective_nouns`` ("alliance", "coalition",
"bloc") in its name (``kg/data/lexicon.json``).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .arguments import arg, args, prep_objects, subject
from .clauses import SUBJECTS, blocked
from .context import Arg, Context, Found
from .formal_acts import _actors as distinct_actors


def is_joining(ctx: Context, tok: Token) -> bool:
    """"joined X in <alliance>"."""
    return tok.pos_ == "VERB" and joined_in(ctx, tok) is not None


def joined_in(ctx: Context, verb: Token) -> Token | None:
    """The alliance of "joined X in <alliance>", or None."""
    if verb.lemma_.lower() != "join" or not any(c.dep_ == "dobj" for c in verb.children):
        return None
    return next((p for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
                 for p in c.children if p.dep_ == "pobj" and _is_alliance(ctx, p)), None)


def joining(ctx: Context, tok: Token) -> Iterator[Found]:
    """The joiner and the joined are members of the alliance and allies of each other."""
    alliance = joined_in(ctx, tok)
    if alliance is None or blocked(ctx.lex, tok, "MEMBER_OF"):
        return
    members = founders(ctx, tok) + [a for c in tok.children if c.dep_ == "dobj" for a in args(ctx, c)]
    members = distinct_actors(ctx, members)
    yield from ctx.emit(members, "MEMBER_OF", args(ctx, alliance), tok, "joined-in", 0.8)
    for k, first in enumerate(members):
        yield from ctx.emit([first], "ALLIED_WITH", members[k + 1:], tok, "joined-in", 0.8)


def founders(ctx: Context, verb: Token) -> list[Arg]:
    """The verb's own subjects, else those of the verb it is joined to ("..., ruled by
    officers, have formed ..."), whatever voice the parser gave that verb."""
    for holder in (verb, verb.head if verb.dep_ == "conj" else None):
        subjects = [c for c in holder.children if c.dep_ in SUBJECTS] if holder is not None else []
        if subjects:
            return [a for c in subjects for a in args(ctx, c)]
    return []


def _is_alliance(ctx: Context, tok: Token) -> bool:
    m = ctx.mention(tok)
    if m is None or not m.actor:
        return False
    return any(t.lemma_.lower() in ctx.lex.words["collective_nouns"] for t in ctx.docs[m.part][m.start:m.end])


def is_alignment(ctx: Context, tok: Token) -> bool:
    """"allied", "aligned" as a passive verb or an adjective, or "loyal"."""
    return tok.lower_ in ctx.lex.words["alignment_words"] and (tok.tag_ == "VBN" or tok.pos_ == "ADJ")


def alignment(ctx: Context, tok: Token) -> Iterator[Found]:
    """"X is allied with Y", "militias aligned with the army" -> ALLIED_WITH; "gunmen loyal to
    X" -> the person X LEADS them, "a brigade loyal to the FSA" -> MEMBER_OF it."""
    loyal = tok.lower_ == "loyal"
    affiliated = tok.lower_ == "affiliated"
    if blocked(ctx.lex, tok, "LEADS" if loyal else "MEMBER_OF" if affiliated else "ALLIED_WITH"):
        return
    partners = [a for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
                for a in prep_objects(ctx, c)]
    if not partners:
        return
    # "forces loyal to Haftar and the SSA": the forces stand for those they are loyal to, no
    # side of their own (nor is the SSA led by Haftar)
    loyal_to = {a.mention.actor for a in partners}
    sides = [a for a in _aligned_sides(ctx, tok) if ctx.type_of(a.mention.actor or "") != "PERSON"
             and a.mention.actor not in loyal_to]
    if loyal:
        # "gunmen loyal to Sheikh X": X leads them; "insurgents loyal to Islamic State": members
        people = [p for p in partners if ctx.type_of(p.mention.actor or "") == "PERSON"]
        yield from ctx.emit(people, "LEADS", sides, tok, "loyal-to", 0.75)
        groups = [p for p in partners if ctx.type_of(p.mention.actor or "") in ("ARMED_GROUP", "ORGANIZATION")]
        yield from ctx.emit(sides, "MEMBER_OF", groups, tok, "loyal-to", 0.7)
    elif affiliated:
        # "a jihadist faction affiliated with ISWAP": a branch of it
        groups = [p for p in partners if ctx.type_of(p.mention.actor or "") in ("ARMED_GROUP", "ORGANIZATION")]
        yield from ctx.emit(sides, "MEMBER_OF", groups, tok, "allied-with", 0.75)
    else:
        yield from ctx.emit(sides, "ALLIED_WITH", partners, tok, "allied-with", 0.8)


def is_allegiance(ctx: Context, tok: Token) -> bool:
    """"allegiance" as the object of a verb ("pledged allegiance to", "swore allegiance to")."""
    return tok.lemma_.lower() == "allegiance" and tok.dep_ == "dobj" and tok.head.pos_ == "VERB"


def allegiance(ctx: Context, tok: Token) -> Iterator[Found]:
    """"pledged allegiance to Islamic State": the one who pledges is a member of the group; "swore
    allegiance to X" (a person): X leads the one who swears."""
    verb = tok.head
    if blocked(ctx.lex, verb, "MEMBER_OF"):
        return
    sworn_to = [a for c in (*tok.children, *verb.children) if c.dep_ == "prep" and c.lower_ == "to"
                for a in prep_objects(ctx, c)]
    agents, passive = subject(ctx, verb)
    if passive or not sworn_to:
        return
    people = [p for p in sworn_to if ctx.type_of(p.mention.actor or "") == "PERSON"]
    groups = [p for p in sworn_to if ctx.type_of(p.mention.actor or "") in ("ARMED_GROUP", "ORGANIZATION")]
    yield from ctx.emit(agents, "MEMBER_OF", groups, tok, "allegiance", 0.8)
    sides = [a for a in agents if ctx.type_of(a.mention.actor or "") != "PERSON"]
    yield from ctx.emit(people, "LEADS", sides, tok, "allegiance", 0.7)


def is_one_of(ctx: Context, tok: Token) -> bool:
    """"one" with an "of" phrase ("one of the factions in the PMF")."""
    return tok.lower_ == "one" and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def one_of(ctx: Context, tok: Token) -> Iterator[Found]:
    """"X, one of the factions in the PMF", "X is one of three groups in the alliance", "X, one of
    the coalition's members": X is a member of the whole."""
    if blocked(ctx.lex, tok, "MEMBER_OF"):
        return
    kinds = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
             for p in c.children if p.dep_ == "pobj"]
    kinds = [k for k in kinds if k.lower_ in ctx.lex.words["group_plural_nouns"] or k.lower_ == "members"]
    wholes = [a for k in kinds for a in _whole_of(ctx, k)]
    wholes = [w for w in wholes if ctx.type_of(w.mention.actor or "") in ("ARMED_GROUP", "ORGANIZATION")]
    if not wholes:
        return
    if tok.dep_ == "appos":
        members = args(ctx, tok.head)
    elif tok.dep_ == "attr":
        members = [a for c in tok.head.children if c.dep_ == "nsubj" for a in args(ctx, c)]
    else:
        return
    members = [m for m in members if ctx.type_of(m.mention.actor or "") not in ("PERSON", "LOCATION")]
    yield from ctx.emit(members, "MEMBER_OF", wholes, tok, "one-of", 0.8)


def _whole_of(ctx: Context, kind: Token) -> list[Arg]:
    """The whole a class of groups is named in: "factions in the PMF", "the coalition's
    members", "members of the coalition"."""
    preps = ("in", "of") if kind.lower_ == "members" else ("in",)
    found = [a for c in kind.children if c.dep_ == "prep" and c.lower_ in preps for a in prep_objects(ctx, c)]
    return found + [a for c in kind.children if c.dep_ == "poss" for a in arg(ctx, c)]


def _aligned_sides(ctx: Context, tok: Token) -> list[Arg]:
    """Who is allied or loyal: the noun the phrase describes ("militias aligned with"), else the
    subject of the clause, or the antecedent of a relative subject ("the Houthis, who are allied")."""
    if tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN"):
        return args(ctx, tok.head)
    holder = tok.head if tok.dep_ in ("acomp", "oprd") else tok
    subjects = [c for c in holder.children if c.dep_ in SUBJECTS]
    if any(c.lower_ in ctx.lex.words["relative_pronouns"] for c in subjects) and holder.dep_ == "relcl":
        return args(ctx, holder.head)
    return [a for c in subjects for a in args(ctx, c)]


def is_turning_to(ctx: Context, tok: Token) -> bool:
    """"turned to X for help"."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() == "turn" and _help_sought(ctx, tok) is not None


def _help_sought(ctx: Context, verb: Token) -> Token | None:
    """The "to" phrase of "turned to X for <support>", when the "for" phrase asks for support."""
    preps = {c.lower_: c for c in verb.children if c.dep_ == "prep"}
    if "to" not in preps or "for" not in preps:
        return None
    asked = any(ctx.lex.nouns.get(p.lemma_.lower()) == "BACKS" or ctx.lex.nouns.get(p.lower_) == "BACKS"
                for p in preps["for"].children if p.dep_ == "pobj")
    return preps["to"] if asked else None


def turned_to(ctx: Context, tok: Token) -> Iterator[Found]:
    """The one turned to for support BACKS the one who turns."""
    to = _help_sought(ctx, tok)
    if to is None or blocked(ctx.lex, tok, "BACKS"):
        return
    agents, passive = subject(ctx, tok)
    if not passive:
        yield from ctx.emit(prep_objects(ctx, to), "BACKS", agents, tok, "turned-to", 0.8)


def is_together(ctx: Context, tok: Token) -> bool:
    """A verb of grouping with "together" ("brings together", "grouped together in")."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in ctx.lex.words["grouping_verbs"] \
        and any(c.lower_ == "together" for c in tok.children)


def together(ctx: Context, tok: Token) -> Iterator[Found]:
    """"X, which brings together A, B and C": A, B and C are members of X; "A, B and C grouped
    together in X": the same; either way they are allies of each other.  Only a named alliance,
    coalition or joint force is such a whole."""
    if blocked(ctx.lex, tok, "MEMBER_OF"):
        return
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    if objects:
        wholes, passive = subject(ctx, tok)
        if passive:
            return
        members = [a for o in objects for a in args(ctx, o)]
        # "brings together troops from Nigeria and Chad": the states the troops come from
        members += [a for o in (tok, *objects) for c in o.children if c.dep_ == "prep" and c.lower_ == "from"
                    for a in prep_objects(ctx, c)]
    else:
        members = founders(ctx, tok)
        wholes = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for a in prep_objects(ctx, c)]
    wholes = [w for w in wholes if _is_grouping(ctx, w)]
    members = [m for m in distinct_actors(ctx, members)
               if ctx.type_of(m.mention.actor or "") not in ("PERSON", "LOCATION")]
    if len(members) < 2 or not wholes:
        return  # "Russia and Ukraine came together for talks" forms nothing
    yield from ctx.emit(members, "MEMBER_OF", wholes, tok, "together", 0.8)
    for k, first in enumerate(members):
        yield from ctx.emit([first], "ALLIED_WITH", members[k + 1:], tok, "together", 0.75)


def _is_grouping(ctx: Context, whole: Arg) -> bool:
    """A named alliance, coalition or joint force."""
    m = whole.mention
    if m.kind == "synthetic" or ctx.type_of(m.actor or "") not in ("ARMED_GROUP", "ORGANIZATION"):
        return False
    return any(ctx.lex.has("collective_nouns", t) or t.lower_ == "force" for t in ctx.docs[m.part][m.start:m.end])


def is_its_allies(ctx: Context, tok: Token) -> bool:
    """"allies" joined to a name and owned by a pronoun ("the army and its Russian allies")."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() == "ally" and tok.dep_ == "conj" \
        and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)


def its_allies(ctx: Context, tok: Token) -> Iterator[Found]:
    """"the army and its Russian allies", "the Houthis and their Iranian allies": the one the
    pronoun stands for (the name the allies are joined to) ALLIED_WITH the allies named."""
    if blocked(ctx.lex, tok, "ALLIED_WITH"):
        return
    owners = [a for a in arg(ctx, tok.head) if ctx.type_of(a.mention.actor or "") != "LOCATION"]
    allies = [a for c in tok.children if c.dep_ in ("amod", "compound") for a in arg(ctx, c)]
    allies = [a for a in allies if ctx.type_of(a.mention.actor or "") != "LOCATION"]
    yield from ctx.emit(owners, "ALLIED_WITH", allies, tok, "its-allies", 0.75)
