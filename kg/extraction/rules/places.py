"""Who holds a place: "in government hands", "in the hands of X", "under SDF control",
"regained control of X", "X's stronghold" (rules ``noun-hands``, ``noun-control``,
``noun-stronghold``)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..actors import Mention
from .arguments import arg, args, prep_objects, subject
from .clauses import blocked, object_of, place_subject
from .context import Arg, Context, Found


def control_noun(ctx: Context, noun: Token) -> Iterator[Found]:
    """The holder and the places of a control noun (see the module's description)."""
    low = noun.lower_
    if blocked(ctx.lex, noun):
        return
    if low == "hands" and noun.dep_ == "pobj" and noun.head.lower_ == "in":
        yield from _in_hands(ctx, noun)
    elif ctx.lex.has("governing_nouns", low) and noun.dep_ == "pobj" and noun.head.lower_ == "under":
        # "Kobani is now under SDF control"
        holders = [a for c in noun.children if c.dep_ in ("poss", "compound", "amod") for a in args(ctx, c)]
        verb = noun.head.head
        placed = object_of(verb) if verb.pos_ == "VERB" and ctx.lex.has("placing_verbs", verb.lemma_.lower()) else None
        if placed is not None:
            # "India placed Manipur under federal rule", "the M23 brought Goma under its control": the
            # subject holds the place unless the phrase names another holder
            places = args(ctx, placed)
            holders = holders or subject(ctx, verb)[0]
        else:
            places = args(ctx, place_subject(ctx.lex, verb))
        yield from ctx.emit(holders, "CONTROLS", places, noun, "noun-control", 0.75)
    elif low == "control":
        yield from _control_of(ctx, noun)
    elif low in ctx.lex.words["stronghold_nouns"]:
        yield from _stronghold(ctx, noun)


def _in_hands(ctx: Context, noun: Token) -> Iterator[Found]:
    """"in government hands", "in the hands of X"."""
    holders = [a for c in noun.children if c.dep_ in ("poss", "compound", "amod") for a in arg(ctx, c)]
    holders += [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for a in prep_objects(ctx, c)]
    if not holders:
        for c in noun.children:
            if c.dep_ in ("amod", "compound") and c.lower_ in ctx.lex.government_modifiers:
                home = ctx.actors.home
                if home:
                    holders = [Arg(ctx.synthetic_government(home, noun), 0.9)]
    verb = noun.head.head
    places = args(ctx, place_subject(ctx.lex, verb))
    if verb.dep_ == "relcl":
        places = _counted_places(ctx, verb.head) or places
    yield from ctx.emit(holders, "CONTROLS", places, noun, "noun-hands", 0.8)


def _control_of(ctx: Context, noun: Token) -> Iterator[Found]:
    """"took control of X" (a capture), "maintains control of X" (control)."""
    places = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for a in prep_objects(ctx, c)]
    if not places:
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    for cc in p.conjuncts:
                        places += args(ctx, cc)
    verb = noun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and \
            verb.dep_ in ("conj", "dobj", "pobj", "prep"):
        verb = verb.head
    lemma = verb.lemma_.lower()
    if lemma in ctx.lex.words["gaining_verbs"]:
        relation = "CAPTURED"
    elif lemma in ctx.lex.words["holding_verbs"] or noun.head.lower_ == "in":
        relation = "CONTROLS"
    else:
        return
    agents = [a for c in noun.children if c.dep_ == "poss" for a in arg(ctx, c)]
    if not agents and verb.pos_ in ("VERB", "AUX"):
        agents = subject(ctx, verb)[0]
    yield from ctx.emit(agents, relation, places, noun, "noun-control", 0.75)


def _stronghold(ctx: Context, noun: Token) -> Iterator[Found]:
    """"its stronghold of Jilib" names the place; "a stronghold of the rebels" the holder."""
    # a named possessor only: "their last stronghold" leaves too much to the pronoun's antecedent
    holders = [a for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON" for a in arg(ctx, c)]
    of_phrase = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for a in prep_objects(ctx, c)]
    places = [a for a in of_phrase if ctx.type_of(a.mention.actor or "") == "LOCATION"]
    holders += [a for a in of_phrase if a not in places]
    places += [a for c in noun.children if c.dep_ == "appos" for a in args(ctx, c)]
    if noun.dep_ == "appos":
        if _being_taken(ctx, noun.head):
            # "seized Kidal, the rebels' stronghold": the stronghold was theirs until this sentence
            return
        places += arg(ctx, noun.head)
    if noun.dep_ == "attr":
        subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        places += args(ctx, subj)
    yield from ctx.emit(holders, "CONTROLS", places, noun, "noun-stronghold", 0.75)


def _being_taken(ctx: Context, place: Token) -> bool:
    """True for a place the sentence has captured: the object of "seized" or of "took control of"."""
    if place.dep_ == "dobj":
        return ctx.lex.verbs.get(ctx.lex.verb_lemma(place.head)) == "CAPTURED"
    of = place.head
    if place.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_ == "control":
        # the of-phrase hangs on the noun, so the lexicon's "take control of" is put together here
        return ctx.lex.verbs.get(f"{ctx.lex.verb_lemma(of.head.head)} control of") == "CAPTURED"
    return False


def _counted_places(ctx: Context, noun: Token) -> list[Arg]:
    """"Homs ... and Damascus, two major cities that ...": the last N places named."""
    count = next((ctx.lex.number_words.get(c.lower_) for c in noun.children if c.dep_ == "nummod"), None)
    if not count or noun.dep_ != "appos":
        return []
    end = ctx.char(noun)
    places = [m for m in ctx.actors.mentions if m.char_start < end and ctx.is_place(m)]
    chosen: list[Mention] = []
    for m in reversed(places):
        if m.actor not in {c.actor for c in chosen}:
            chosen.append(m)
        if len(chosen) == count:
            break
    return [Arg(m, 0.8) for m in reversed(chosen)]
