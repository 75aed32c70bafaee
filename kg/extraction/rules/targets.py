"""What an attack or a capture of a thing hits, when the thing is no actor: the named
place it is ("a bridge"), the actor that holds or owns it ("sectors controlled by them",
"Houthi radar sites", "a convoy of Malian soldiers"), or the place it is in ("a base in
Bamako")."""

from __future__ import annotations

from spacy.tokens import Token

from .arguments import arg, args, of_objects, prep_objects, pronouns, subject
from .context import Arg, Context
from .names import lookup_affix, new_place, site


def target_fallback(ctx: Context, noun: Token | None, relation: str = "ATTACKS") -> list[Arg]:
    """The target behind a common noun (see the module's description); a thing taken
    (``relation`` CAPTURED) is in its place, not near it."""
    if noun is not None and noun.lower_ == "what":
        # "strikes on what it called militant hideouts in Paktika": the thing so called (its owner by
        # name only: "what they called an Israeli spy headquarters" is the attacker's word)
        called = called_thing(ctx, noun)
        found = args(ctx, called) or target_fallback(ctx, called, relation)
        return [a for a in found if a.mention.kind != "demonym"]
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return []
    for conj in noun.conjuncts if noun.dep_ != "conj" else ():
        # "a training school and a military air base in Bamako"
        found = _target_of_one(ctx, conj, relation)
        if found:
            return found
    return _target_of_one(ctx, noun, relation)


def _target_of_one(ctx: Context, noun: Token, relation: str) -> list[Arg]:
    by = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"]
    if by and ctx.lex.nouns.get(noun.lemma_.lower()) == "ATTACKS":
        # "repulsed an attack by the army in Metubi village": who attacked, not where
        return [a for c in by for a in prep_objects(ctx, c)]
    found = site(ctx, noun) or controller(ctx, noun)
    if found:
        return found
    owner = _owner(ctx, noun)
    if owner is not None:
        return owner
    return place_around(ctx, noun, relation)


def _owner(ctx: Context, noun: Token) -> list[Arg] | None:
    """"Houthi radar sites", "their vehicle", "a convoy of Malian soldiers"."""
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "poss") and c.i < noun.i:
            m = ctx.mention(c)
            if m is not None and m.actor:
                return [Arg(m, 0.8)]
            if c.dep_ == "poss" and c.lower_ in pronouns(ctx):
                # "their vehicle": whose it is
                return [Arg(a.mention, 0.7) for a in arg(ctx, c)]
        if c.dep_ == "prep" and c.lower_ == "of":
            found = [a for p in c.children if p.dep_ == "pobj" for a in args(ctx, p)]
            if found:
                return found
    return None


def holders(ctx: Context, noun: Token | None) -> list[Arg]:
    """The actors (no places) that hold or own a seized thing: "overran an army base", "seized
    SSA bases", "took a position held by the rebels"; none for a thing no actor owns."""
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or ctx.mention(noun) is not None:
        return []
    found = controller(ctx, noun) or _owner(ctx, noun) or []
    # a state or a person named on a base is more often its place ("a Syrian town", "Nasir base")
    return [a for a in found if ctx.type_of(a.mention.actor or "") in ("GOVERNMENT", "ARMED_GROUP", "ORGANIZATION")]


def described_place(ctx: Context, noun: Token | None, found: list[Arg]) -> list[Arg]:
    """``found`` for ``noun``, where "the Black Sea port of Poti", "the northern town of Djibo" is the
    place the of-phrase names, not a place in the description."""
    if noun is None or not (ctx.lex.has("place_heads", noun) or ctx.lex.has("site_nouns", noun)):
        return found
    if any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.lower_ not in ctx.lex.words["water_words"]
           and c.lower_.rpartition("-")[2] not in ctx.lex.affix_relations for c in noun.children):
        return found  # "the Poonch district of Kashmir": the district is Poonch, the of-phrase where it lies
    described = [a for a in of_objects(ctx, noun, 1) if ctx.is_place(a.mention)]
    if not described:
        return found
    return described + [t for t in found if t.mention.actor not in {d.mention.actor for d in described}
                        and not (t.mention.root < noun.i and ctx.doc[t.mention.root].head.i == noun.i)]


def called_thing(ctx: Context, what: Token) -> Token | None:
    """"bombed what the military called hideouts of X", "struck what they described as two
    strongholds of X": the noun the clause of "what" names (none for another "what")."""
    verb = what.head
    if what.lower_ != "what" or what.dep_ not in ("dobj", "nsubj", "nsubjpass") or \
            verb.lemma_.lower() not in ctx.lex.words["branding_verbs"]:
        return None
    named = [c for c in verb.children if c.dep_ in ("dobj", "oprd", "xcomp") and c.i > what.i and c.pos_ == "NOUN"]
    named += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children
              if p.dep_ == "pobj" and p.pos_ == "NOUN"]
    return named[0] if named else None


def listed_names(ctx: Context, noun: Token | None) -> list[Arg]:
    """"the Kharkiv and Poltava regions", "the Natanz and Isfahan nuclear facilities": the places
    a plural place or site noun lists before it."""
    if noun is None or noun.tag_ != "NNS" or not any(
            ctx.lex.has(kind, noun) for kind in ("place_heads", "site_nouns", "facility_nouns")):
        return []
    names = [name for c in noun.children if c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN" and c.i < noun.i
             and c.conjuncts for name in (c, *c.conjuncts)]
    found = [Arg(m, 0.8) for name in names if (m := ctx.mention(name)) is not None]
    if not any(ctx.is_place(a.mention) for a in found):
        return []
    for a in found:
        if _unknown_name(ctx, a):
            # "the Kharkiv and Poltava regions": the tagger's organisation beside a region is one too
            ctx.actors.actors[a.mention.actor or ""].type = "LOCATION"
    return [a for a in found if ctx.is_place(a.mention)] + [
        a for name in names if ctx.mention(name) is None for a in new_place(ctx, name)]


def _unknown_name(ctx: Context, a: Arg) -> bool:
    rec = ctx.actors.actors.get(a.mention.actor or "")
    return rec is not None and rec.entry is None and rec.type in ("ORGANIZATION", "PERSON")


def named_places(ctx: Context, prep: Token) -> list[Arg]:
    """The places a locative phrase names; with them, names in the same list that NER took for
    people and no gazetteer knows ("targets in Tabriz, Kermanshah and the capital")."""
    named = prep_objects(ctx, prep) or [a for p in prep.children if p.dep_ == "pobj" for a in listed_names(ctx, p)]
    places = [a for a in named if ctx.is_place(a.mention)]
    if places:
        for a in named:
            if _person_like(ctx, a):
                ctx.actors.actors[a.mention.actor or ""].type = "LOCATION"
                places.append(a)
    return places


def _person_like(ctx: Context, a: Arg) -> bool:
    rec = ctx.actors.actors.get(a.mention.actor or "")
    return rec is not None and rec.entry is None and ctx.type_of(a.mention.actor or "") == "PERSON"


def place_around(ctx: Context, noun: Token, relation: str = "ATTACKS") -> list[Arg]:
    """"a base in Bamako", "an oil depot in Proletarsk" (a town nobody tagged); a base "near Gao"
    that is taken does not take Gao."""
    preps = ctx.lex.words["capture_site_prepositions" if relation == "CAPTURED" else "strike_site_prepositions"]
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            # ships "in the Red Sea" are not attacks on the sea
            places = [a for a in named_places(ctx, c)
                      if not ctx.lex.words["water_words"].intersection((a.mention.actor or "").lower().split())]
            if places:
                return [Arg(a.mention, 0.75) for a in places]
            unnamed = [a for p in c.children if p.dep_ == "pobj" for a in new_place(ctx, p)]
            if unnamed:
                return unnamed
            areas = area_places(ctx, c)
            if areas:
                return areas
    return []


def area_places(ctx: Context, prep: Token) -> list[Arg]:
    """"in the hills of Kenscoff", "on the outskirts of Goma": the named places an unnamed area
    of a locative phrase belongs to."""
    return [Arg(a.mention, 0.7) for p in prep.children if p.dep_ == "pobj" and ctx.mention(p) is None
            for a in of_objects(ctx, p, 1) if ctx.is_place(a.mention)]


def controller(ctx: Context, obj: Token) -> list[Arg]:
    """The actor behind a targeted area: "sectors controlled by them", "rebel-held areas"."""
    for c in obj.children:
        if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ctx.lex.words["controlling_verbs"]:
            agents, _ = subject(ctx, c)
            if agents:
                return [Arg(a.mention, a.confidence * 0.9) for a in agents]
        if c.dep_ in ("amod", "compound") and "-" in c.text:
            head, _, suffix = c.lower_.rpartition("-")
            if suffix in ctx.lex.words["holding_suffixes"]:
                hit = lookup_affix(ctx, head, c)
                if hit is not None:
                    return [Arg(hit, 0.8)]
    return []


def home_soldiers(ctx: Context, obj: Token | None) -> list[Arg]:
    """"killed dozens of soldiers", "accused soldiers of ...": soldiers nobody owns are the home
    state's government forces ("killed several soldiers" too; "killed Kenyan soldiers" are Kenya's)."""
    if obj is not None and obj.dep_ in ("dobj",) and obj.lower_ in ctx.lex.words["quantity_words"]:
        obj = next((p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children if p.dep_ == "pobj"), None)
    if obj is None or not ctx.actors.home or not ctx.lex.has("soldier_nouns", obj) or any(
            (c.dep_ in ("amod", "compound", "poss", "nmod") and not ctx.lex.has("quantity_words", c))
            or (c.dep_ == "prep" and c.lower_ in ("of", "from")) for c in obj.children):
        return []
    return [Arg(ctx.synthetic_government(ctx.actors.home, obj), 0.7)]


def victims_side(ctx: Context, noun: Token) -> list[Arg]:
    """"13 soldiers from South Africa were killed in clashes with the M23", "two Kenyan soldiers
    were killed in an attack by al-Shabaab": the side whose soldiers an attack killed (civilians
    killed name no side)."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ctx.lex.words["event_setting_prepositions"]:
        return []
    verb = noun.head.head
    if verb.pos_ != "VERB" or ctx.lex.verbs.get(ctx.lex.verb_lemma(verb)) != "ATTACKS":
        return []
    victims = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if victims is None or not ctx.lex.has("soldier_nouns", victims) or any(
            c.dep_ == "det" and c.lower_ in ctx.lex.words["negators"] for c in victims.children):
        return []
    return (args(ctx, victims) or [a for c in victims.children if c.dep_ == "prep" and c.lower_ == "from"
                                   for a in prep_objects(ctx, c)] or home_soldiers(ctx, victims))
