"""The verb rule: a verb from the lexicon with its subject and object.

"Russia backs Assad", passive agents ("is backed by Russia"), relative clauses
("Assad, who is backed by ..."), inherited subjects of purpose clauses and conjoined
verbs, verbs with a particle or preposition ("call on", "fall to"), and what else the
clause says (other prepositions, places the agents are driven from or take from someone,
joint action and partners "alongside").  Agents wire copy leaves implicit: a gerund after
"after"/"by" acts for the clause's subject ("retaliated by firing missiles at X"), an attack
that acts is its makers' act ("led the offensive that toppled Assad").
Verbs with a frame of their own ("includes", "sworn in", "came under") are in
:mod:`.verb_frames`.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..actors import Mention
from .alliances import joined_in
from .arguments import arg, args, of_objects, prep_objects, subject
from .attribution import last_attackers
from .clauses import blocked, hedge, intended, modal, object_of, patient, verb_keys
from .context import Arg, Context, Found
from .joint import joint_action, sent_to_act
from .names import facility, last_place, mentions_before, new_place
from .nouns import noun_relation, noun_roles
from .targets import (
    area_places,
    called_thing,
    described_place,
    holders,
    home_soldiers,
    listed_names,
    named_places,
    place_around,
    target_fallback,
)
from .verb_frames import came_under, composed_of, formed_by, founded_together, includes, sworn_in
from .victims import unnamed_killers


def is_predicate(ctx: Context, tok: Token) -> bool:
    """Verbs, participles used as modifiers ("a drone launched by ..."), and verb forms the
    tagger took for nouns but the parse treats as verbs ("the army retook Khartoum")."""
    if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.dep_ in ("amod", "acl") and tok.tag_ == "VBN"):
        return True
    return tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in ctx.lex.verb_forms and any(
        c.dep_ in ("nsubj", "dobj") for c in tok.children)


def verb(ctx: Context, tok: Token) -> Iterator[Found]:
    """The relations a verb of the lexicon states (see the module's description)."""
    lemma = ctx.lex.verb_lemma(tok)
    if lemma in ("be", "have") and tok.pos_ == "AUX":
        return
    if lemma in ctx.lex.reversed_member_verbs:
        yield from includes(ctx, tok)
        return
    if lemma == "swear":
        yield from sworn_in(ctx, tok)
        return
    if joined_in(ctx, tok) is not None:
        return  # "joined Mali in the alliance": rule ``joined-in``
    if lemma == "come" and any(c.dep_ == "prep" and c.lower_ == "under" for c in tok.children):
        yield from came_under(ctx, tok)
        return
    if lemma in ctx.lex.words["founding_verbs"] and tok.tag_ == "VBN":
        yield from formed_by(ctx, tok)
    if lemma in ctx.lex.words["founding_verbs"]:
        founded = list(founded_together(ctx, tok))
        if founded:
            yield from founded
            return
    for key, prep in verb_keys(tok, ctx.lex):
        if prep is not None and key in ctx.lex.words["composition_keys"]:
            yield from composed_of(ctx, tok, prep)
            return
        relation = ctx.lex.verbs.get(key)
        if relation is None and lemma in ctx.lex.transfer_verbs and key == lemma:
            relation = "BACKS"
        if relation is None:
            continue
        relation = _realis(ctx, tok, lemma, relation)
        if relation is None:
            return
        if relation == "LEADS" and any(t is not None and ctx.lex.has("delegation_nouns", t) and any(
                c.dep_ == "poss" for c in t.children) for t in (object_of(tok), patient(ctx.lex, tok))):
            # "Pakistan's delegation was led by X": the head of a state's delegation leads no state
            # (his title says whose member he is; "the government delegation" is the driver's)
            return
        conf = hedge(ctx.lex, tok)
        agents, passive = subject(ctx, tok)
        if not agents and not passive:
            agents = _gerund_agents(ctx, tok)
        if not agents and not passive and relation in ("ATTACKS", "CAPTURED"):
            agents = _event_agents(ctx, tok)
        if passive:
            patient_tok = patient(ctx.lex, tok)
            targets = args(ctx, patient_tok)
            if prep is not None:
                targets = prep_objects(ctx, prep) or targets
            if not targets and relation in ("ATTACKS", "CAPTURED") and patient_tok is not None and not any(
                    c.dep_ == "det" and c.lower_ in ctx.lex.words["negators"] for c in patient_tok.children):
                # "three villages in the Belgorod region were shelled by Ukrainian forces"
                targets = target_fallback(ctx, patient_tok, relation)
            if not targets and relation == "BACKS":
                targets = _attack_makers(ctx, patient_tok)
            if not agents and relation == "ATTACKS" and prep is None:
                agents, targets = unnamed_killers(ctx, tok, targets)
            yield from ctx.emit(agents, relation, targets, tok, "verb-passive", 0.85 * conf)
            return
        targets = _targets(ctx, tok, lemma, relation, prep)
        if relation == "LEADS" and lemma == "spearhead" and not targets:
            continue
        if prep is not None and not targets and key != lemma:
            continue  # the preposition led nowhere: try the plain verb with its object
        yield from _active(ctx, tok, key, prep, relation, agents, targets, conf)
        plain = ctx.lex.verbs.get(lemma)
        if prep is not None and key != lemma and plain not in (None, relation) and object_of(tok) is not None:
            # "fought the Islamic State alongside U.S. troops": the object is the plain verb's
            plain = _realis(ctx, tok, lemma, plain)
            if plain is not None:
                yield from _active(ctx, tok, lemma, None, plain, agents, _object_targets(ctx, tok, plain), conf)
        return


def attack_targets(ctx: Context, tok: Token) -> list[Arg]:
    """What a verb of attack (not negated, not planned) hits, whoever the attackers are ("gunmen
    attacked a police station in Bamako": Bamako)."""
    lemma = ctx.lex.verb_lemma(tok)
    for key, prep in verb_keys(tok, ctx.lex):
        if ctx.lex.verbs.get(key) != "ATTACKS":
            continue
        if _realis(ctx, tok, lemma, "ATTACKS") != "ATTACKS" or subject(ctx, tok)[1]:
            return []
        targets = _targets(ctx, tok, lemma, "ATTACKS", prep if key != lemma else None)
        if targets or key == lemma:
            return targets  # (a preposition that led nowhere: the plain verb's object, as the verb rule reads it)
    return []


def _gerund_agents(ctx: Context, tok: Token) -> list[Arg]:
    """"bombed the airport a day after striking the port", "retaliated by firing missiles at the
    base": a gerund after a preposition acts for the subject of the verb the phrase hangs on."""
    prep = tok.head
    if tok.dep_ != "pcomp" or tok.tag_ != "VBG" or prep.dep_ != "prep" or \
            prep.lower_ not in ctx.lex.words["gerund_linking_prepositions"] or prep.head.pos_ not in ("VERB", "AUX"):
        return []
    return subject(ctx, prep.head)[0]


def _event_agents(ctx: Context, tok: Token) -> list[Arg]:
    """"HTS led the offensive that toppled Assad", "the offensive the rebels launched took Aleppo":
    an attack that acts is its makers' act."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in ctx.lex.words["relative_pronouns"] and tok.dep_ == "relcl":
        subj = tok.head
    if subj is None or subj.pos_ != "NOUN" or noun_relation(ctx, subj) != "ATTACKS":
        return []
    found = noun_roles(ctx, subj, "ATTACKS")[0]
    if not found and any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children):
        # "India fired missiles at nine sites. ... The strikes targeted facilities of JeM": the attack
        # the article reported before (the last said with the same word)
        found = [Arg(a.mention, 0.8 * a.confidence) for a in last_attackers(ctx, tok, subj)]
    return found


def _attack_makers(ctx: Context, attack: Token | None) -> list[Arg]:
    """"captured the base in a two-month offensive backed by U.S. air strikes": the backed attack
    is its makers' (named with it, or the subject of the clause it is the setting of)."""
    if attack is None or attack.pos_ != "NOUN" or noun_relation(ctx, attack) != "ATTACKS":
        return []
    makers = noun_roles(ctx, attack, "ATTACKS")[0]
    verb = attack.head.head
    if not makers and attack.dep_ == "pobj" and attack.head.lower_ in ctx.lex.words["event_setting_prepositions"] \
            and verb.pos_ in ("VERB", "AUX"):
        makers, passive = subject(ctx, verb)
        makers = [] if passive else makers
    return makers


def _realis(ctx: Context, tok: Token, lemma: str, relation: str) -> str | None:
    """The relation a matched verb states as a fact, or ``None`` when it states none
    (a report, a court case, a plan, a negation)."""
    aim = relation == "CAPTURED" and tok.dep_ in ("advcl", "xcomp", "relcl", "acl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and not any(
        c.dep_ == "aux" and c.lower_ == "have" for c in tok.children)  # ("claimed to have seized": done)
    if aim:
        # "launched a campaign to seize Tripoli": an attack on it, not (yet) a capture
        relation = "ATTACKS"
    if relation == "CAPTURED" and lemma == "take" and any(
            c.dep_ == "prep" and c.lower_ == "to" for c in tok.children):
        return None  # "took the Gulf state to the court"
    if lemma == "tell" and not any(c.dep_ == "xcomp" for c in tok.children):
        return None  # "told AFP that ..." reports; "told X to ..." orders
    if relation in ("ATTACKS", "CAPTURED", "NEGOTIATES_WITH", "ALLIED_WITH") and modal(ctx.lex, tok):
        # "fighters say they will push on towards Kinshasa", "the two sides will meet again",
        # "would cooperate with Washington": not (yet) an event
        return None
    if blocked(ctx.lex, tok, relation):
        if relation == "ATTACKS" and intended(ctx.lex, tok):
            return "OPPOSES"  # "vowed to destroy Hamas": no attack yet, but a stance against it
        return None
    return relation


def _targets(ctx: Context, tok: Token, lemma: str, relation: str, prep: Token | None) -> list[Arg]:
    if lemma in ctx.lex.transfer_verbs and prep is None:
        return _recipients(ctx, tok, lemma)
    if prep is not None:
        return _prep_targets(ctx, tok, relation, prep)
    return _object_targets(ctx, tok, relation)


def _recipients(ctx: Context, tok: Token, lemma: str) -> list[Arg]:
    """"gave Kyiv billions in aid", "sent weapons to the army": the one who receives ("gave a
    guarded welcome to the accord" gives no help: ``courtesy_nouns``)."""
    obj = object_of(tok)
    if obj is not None and ctx.lex.has("courtesy_nouns", obj):
        return []
    targets = [a for c in tok.children if c.dep_ == "dative"
               for a in (prep_objects(ctx, c) if c.pos_ == "ADP" else args(ctx, c))]
    targets += [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for a in prep_objects(ctx, c)]
    if not targets and lemma == "supply":
        targets = args(ctx, object_of(tok))
    return targets


def _prep_targets(ctx: Context, tok: Token, relation: str, prep: Token) -> list[Arg]:
    if relation == "CRITICIZES" and prep.lower_ == "for" and args(ctx, object_of(tok)):
        # "blamed Israel for the Beirut bombing": the one blamed, not the act it is blamed for
        return args(ctx, object_of(tok))
    targets = prep_objects(ctx, prep)
    for other in prep.conjuncts if prep.dep_ == "prep" else ():
        # "fired missiles at Erbil and at Islamic State targets in Idlib": each phrase names targets
        if other.pos_ == "ADP" and other.lower_ == prep.lower_:
            targets += prep_objects(ctx, other) or [
                a for p in other.children if p.dep_ == "pobj" and relation in ("CAPTURED", "ATTACKS")
                for a in target_fallback(ctx, p, relation)]
    if not targets and not any(c.dep_ == "pobj" for c in prep.children):
        targets = args(ctx, object_of(tok))  # "drove al-Shabaab out of Adan Yabaal"
    if not targets and relation in ("CAPTURED", "ATTACKS"):
        targets = [a for p in prep.children if p.dep_ == "pobj" for a in target_fallback(ctx, p)]
    if not targets and relation in ("OPPOSES", "CRITICIZES"):
        # "rose up against al-Shabaab's heavy taxes"
        targets = [a for p in prep.children if p.dep_ == "pobj" for c in p.children if c.dep_ == "poss"
                   for a in arg(ctx, c)]
    return targets


def _object_token(ctx: Context, tok: Token, relation: str) -> Token | None:
    """The object of a verb, where the parse may have put it elsewhere."""
    obj = object_of(tok)
    if obj is None and relation in ("CAPTURED", "CONTROLS", "ATTACKS"):
        # "still control around half of Gaza": the parser took the approximator for a preposition
        obj = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ in ctx.lex.words["approximators"]
                    for p in c.children if p.dep_ == "pobj" and (
                        ctx.lex.has("quantity_words", p) or any(n.dep_ == "nummod" for n in p.children))), None)
    if obj is None and relation in ("CAPTURED", "ATTACKS"):
        # "bombed what the military called hideouts of the group": the thing so called
        obj = next((w for c in tok.children if c.dep_ == "ccomp" for w in c.children if w.lower_ == "what"
                    and called_thing(ctx, w) is not None), None)
    if obj is None and tok.dep_ == "relcl" and relation in ("CAPTURED", "CONTROLS", "ATTACKS"):
        obj = tok.head  # "Sirte, the city it seized in January"
    if obj is None:
        # "attacked and captured Avdiivka": the object the conjoined verbs share
        obj = next((cc for c in tok.conjuncts if c.i > tok.i and c.pos_ == "VERB"
                    for cc in c.children if cc.dep_ == "dobj"), None)
    if obj is None and relation in ("CAPTURED", "ATTACKS"):
        # the small parser sometimes hangs the object as a modifier: "recaptured Mosul"
        obj = next((c for c in tok.children if c.dep_ in ("advmod", "npadvmod", "dep", "oprd")
                    and c.i > tok.i and ctx.mention(c) is not None), None)
    return obj


def _described_place(ctx: Context, it: Token) -> Mention | None:
    """"took control of Goma, the largest city in eastern Congo, after entering it": in the same
    sentence, "it" is the place described, not the place that describes it."""
    places = [m for m in mentions_before(ctx, it) if ctx.is_place(m) and m.part == ctx.part
              and ctx.doc[m.root].sent.start == it.sent.start]
    for m in reversed(places):
        if not any(a.dep_ == "appos" and (h := ctx.mention(a.head)) is not None and h.actor != m.actor
                   and ctx.is_place(h) for a in ctx.doc[m.root].ancestors):
            return m
    return None


def _object_targets(ctx: Context, tok: Token, relation: str) -> list[Arg]:
    obj = _object_token(ctx, tok, relation)
    if obj is not None and obj.lower_ == "what" and called_thing(ctx, obj) is not None:
        targets = target_fallback(ctx, obj, relation) if relation in ("CAPTURED", "ATTACKS") else []
    elif obj is not None and obj.lower_ == "it" and relation in ("CAPTURED", "CONTROLS"):
        place = _described_place(ctx, obj) or last_place(ctx, obj)
        targets = [Arg(place, 0.8)] if place is not None else []
    else:
        targets = described_place(ctx, obj, args(ctx, obj))
    if targets and obj is not None:
        # "accused Moscow and the Russian-led CSTO of failing": the parser hung the second object on the verb
        targets += [a for c in tok.children if c.dep_ == "conj" and c.i > obj.i and ctx.mention(c) is not None
                    and any(x.dep_ == "cc" and x.i < c.i for x in tok.children) for a in args(ctx, c)]
    if not targets and obj is not None and obj.lower_ in ctx.lex.words["relative_pronouns"]:
        targets = _name_before(ctx, obj)
    if not targets and relation in ("CAPTURED", "CONTROLS") and obj is not None:
        targets = new_place(ctx, obj) or facility(ctx, obj)
    if not targets and relation in ("CAPTURED", "ATTACKS", "CONTROLS"):
        targets = listed_names(ctx, obj)
    if not targets and relation in ("CAPTURED", "ATTACKS"):
        targets = target_fallback(ctx, obj, relation)
    if targets and relation in ("CAPTURED", "ATTACKS") and obj is not None:
        targets += _places_broken_off(ctx, tok, obj)
    if targets and relation == "ATTACKS" and obj is not None and not any(ctx.is_place(a.mention) for a in targets):
        targets += _site_place(ctx, tok, obj)
    if relation == "CAPTURED" and obj is not None and ctx.mention(obj) is None and \
            not any(ctx.is_place(a.mention) for a in targets):
        # "seized a Sudanese army base in Babanusa": the holder is attacked (see ``_active``), the place taken
        targets = place_around(ctx, obj, relation)
    if not targets and relation in ("ATTACKS", "CRITICIZES", "CALLS_ON", "OPPOSES"):
        targets = home_soldiers(ctx, obj)  # ("accused soldiers of killing civilians")
    if not targets and relation == "ATTACKS" and obj is not None and ctx.mention(obj) is None:
        # "killed 115 people in the town of Pont-Sonde", "ambushed a convoy near Gao": the place
        # (after the verb first: "In Gaza, strikes brought down a tower in Gaza City")
        places = [(c.i > tok.i, Arg(a.mention, 0.7)) for c in tok.children
                  if c.dep_ == "prep" and c.lower_ in ctx.lex.words["strike_site_prepositions"]
                  for a in named_places(ctx, c) or area_places(ctx, c)]
        targets = [a for after, a in places if after] or [a for _, a in places]
    if not targets and relation == "BACKS":
        # "helped federal forces capture the towns"
        for c in tok.children:
            if c.dep_ in ("ccomp", "xcomp"):
                targets = args(ctx, next((x for x in c.children if x.dep_ == "nsubj"), None))
    if not targets and relation in ("OPPOSES", "CRITICIZES", "BACKS", "CALLS_ON") and obj is not None:
        # "recognised the independence of Abkhazia", "condemned Russia's recognition"
        targets = [a for c in obj.children if c.dep_ == "poss" for a in arg(ctx, c)]
        targets = targets or of_objects(ctx, obj, 1)
    if not targets and relation == "CALLS_ON" and not ctx.lex.has("warning_verbs", ctx.lex.verb_lemma(tok)):
        # "demanded that the RSF end its siege" (but "warned that IS could regroup" warns nobody named)
        for c in tok.children:
            if c.dep_ == "ccomp":
                targets = args(ctx, next((x for x in c.children if x.dep_ == "nsubj"), None))
    return targets


def _site_place(ctx: Context, verb: Token, obj: Token) -> list[Arg]:
    """"stormed a military camp in Boulkessi": an unnamed site struck is its holder's, and the named
    place it is in is struck too (a named one, "the Orsk refinery in the Orenburg region", is the target)."""
    if obj.pos_ != "NOUN" or not (ctx.lex.has("facility_nouns", obj) or ctx.lex.has("site_nouns", obj)) or any(
            c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" for c in obj.children):
        return []
    return place_around(ctx, obj) or [
        Arg(a.mention, 0.7) for c in verb.children if c.dep_ == "prep" and c.i > obj.i
        and c.lower_ in ctx.lex.words["capture_site_prepositions"] for a in named_places(ctx, c)]


def _name_before(ctx: Context, rel: Token) -> list[Arg]:
    """"the Kurdistan Workers' Party (PKK), which it has fought since 1984": the name right before
    ", which", where the parser hung the clause on a noun further back."""
    i = rel.i - 1
    while i >= rel.sent.start and ctx.doc[i].is_punct:
        i -= 1
    m = ctx.mention(ctx.doc[i]) if i >= rel.sent.start and ctx.doc[i].nbor().is_punct else None
    return [Arg(m, 0.8)] if m is not None and m.actor else []


def _places_broken_off(ctx: Context, verb: Token, obj: Token) -> list[Arg]:
    """"hit the Belaya air base in Irkutsk, Olenya in Murmansk, and Dyagilevo and Ivanovo": the
    parser often hangs the rest of a list of places on the verb; its named places are targets too."""
    return [a for c in verb.children if c.dep_ in ("npadvmod", "dep", "appos") and c.i > obj.i and c.pos_ == "PROPN"
            and (m := ctx.mention(c)) is not None and ctx.is_place(m) for a in args(ctx, c)]


def _active(ctx: Context, tok: Token, key: str, prep: Token | None, relation: str, agents: list[Arg],
            targets: list[Arg], conf: float) -> Iterator[Found]:
    """Emit what an active verb states, and what its other phrases add."""
    lemma = ctx.lex.verb_lemma(tok)
    if key in ctx.lex.words["reversed_verbs"]:
        # "Kherson fell to Russian forces": the object of "to" took the subject
        places = args(ctx, next((c for c in tok.children if c.dep_ == "nsubj"), None))
        takers = prep_objects(ctx, prep) if prep is not None else []
        yield from ctx.emit(takers, relation, places, tok, "verb", 0.85 * conf)
        return
    reciprocal = ctx.lex.words["reciprocal_verbs"]
    # "Hamas and Fatah fought each other in Gaza", "have fought street battles across Culiacan":
    # fighting with no one else named is between the subjects, wherever it was
    mutual = relation == "ATTACKS" and (lemma in reciprocal or key in reciprocal) and prep is None and \
        len({a.mention.actor for a in agents}) > 1 and all(ctx.is_place(t.mention) for t in targets)
    if mutual or (not targets and len(agents) > 1 and relation in ("NEGOTIATES_WITH", "ALLIED_WITH")):
        # "Putin and Xi met in Beijing": between the parties named
        agents, targets = agents[:1], agents[1:]
    obj = object_of(tok)
    if relation == "ATTACKS" and obj is not None and obj.lemma_.lower() in ctx.lex.words["diplomat_nouns"]:
        relation = "OPPOSES"  # "expelled the French ambassador" is a diplomatic break
    if relation == "CALLS_ON" and lemma == "summon" and obj is not None and \
            obj.lemma_.lower() in ctx.lex.words["diplomat_nouns"] and not any(
            c.dep_ in ("advcl", "xcomp") and ctx.lex.verbs.get(ctx.lex.verb_lemma(c)) == "CALLS_ON"
            for c in tok.children):
        # "summoned Sudan's ambassador over the killings", "... to protest": a protest, unless it is
        # to demand something ("summoned the envoy to demand an explanation")
        relation = "CRITICIZES"
    yield from ctx.emit(agents, relation, targets, tok, "verb", 0.9 * conf)
    if relation == "ALLIED_WITH" and prep is not None and prep.lower_ == "alongside":
        yield from _fought_alongside(ctx, tok, prep, agents, targets, conf)
    if relation == "ATTACKS":
        yield from _expelled_from(ctx, tok, agents, conf)
    if relation == "CAPTURED" and key == lemma:
        # "overran an army base in Nasir", "seized SSA bases": an attack on those who held them;
        # "retook Mocimboa da Praia from the insurgents": on those it was taken from
        losers = holders(ctx, obj) + [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                                      for a in prep_objects(ctx, c) if not ctx.is_place(a.mention)]
        yield from ctx.emit(agents, "ATTACKS", losers, tok, "verb", 0.8 * conf)
    if relation in ("ATTACKS", "CAPTURED") and targets and not mutual:
        yield from joint_action(ctx, agents, tok)
        # "fought the Islamic State alongside U.S. troops": the partners fight it too
        partners = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "alongside"
                    for a in prep_objects(ctx, c)]
        yield from ctx.emit(partners, relation, targets, tok, "verb-joint", 0.75 * conf)
    if prep is not None and targets:
        # "fought alongside US troops against the Islamic State": each phrase says something
        yield from _other_prepositions(ctx, tok, prep, agents, conf)


def _fought_alongside(ctx: Context, tok: Token, prep: Token, agents: list[Arg], partners: list[Arg],
                      conf: float) -> Iterator[Found]:
    """"sent soldiers to fight alongside Russian forces against Ukraine": troops sent to fight beside a
    side back it, and the enemy the parser hung on the partner is fought by both."""
    if sent_to_act(ctx, tok):
        yield from ctx.emit(agents, "BACKS", partners, tok, "verb", 0.8 * conf)
    if any(c.dep_ == "prep" and c.lower_ == "against" for c in tok.children):
        return  # on the verb: ``_other_prepositions``
    enemies = [a for p in prep.children if p.dep_ == "pobj" for c in p.children
               if c.dep_ == "prep" and c.lower_ == "against" for a in prep_objects(ctx, c)]
    yield from ctx.emit(agents, "ATTACKS", enemies, tok, "verb", 0.8 * conf)
    yield from ctx.emit(partners, "ATTACKS", enemies, tok, "verb-joint", 0.75 * conf)


def _other_prepositions(ctx: Context, tok: Token, done: Token, agents: list[Arg], conf: float) -> Iterator[Found]:
    lemma = ctx.lex.verb_lemma(tok)
    for c in tok.children:
        if c.dep_ != "prep" or c.i == done.i:
            continue
        relation = ctx.lex.verbs.get(f"{lemma} {c.lower_}")
        if relation is not None:
            yield from ctx.emit(agents, relation, prep_objects(ctx, c), tok, "verb", 0.85 * conf)
            if relation == "ATTACKS" and done.lower_ == "alongside":
                # "fought alongside U.S. troops against the Islamic State": the partners fight it too
                yield from ctx.emit(prep_objects(ctx, done), relation, prep_objects(ctx, c), tok, "verb-joint",
                                    0.75 * conf)


def _expelled_from(ctx: Context, tok: Token, agents: list[Arg], conf: float) -> Iterator[Found]:
    """"drove the paramilitaries out of the capital": the place is taken."""
    places: list[Arg] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "out"):
            places += prep_objects(ctx, c)
            for cc in c.children:
                if cc.dep_ == "prep" and cc.lower_ == "of":
                    places += prep_objects(ctx, cc)
        if c.dep_ == "prt" and c.lower_ == "out":
            for cc in tok.children:
                if cc.dep_ == "prep" and cc.lower_ == "of":
                    places += prep_objects(ctx, cc)
    places = [p for p in places if ctx.target_key(p.mention, "CAPTURED")]
    yield from ctx.emit(agents, "CAPTURED", places, tok, "verb", 0.8 * conf)



def is_headline_verb(ctx: Context, tok: Token) -> bool:
    """A verb in -s form the tagger took for a plural noun after a name, in a sentence parsed
    without a verb: "Russia sanctions Ukraine", "Russia allies with Ukraine"."""
    if tok.tag_ != "NNS" or tok.i == 0 or tok.sent.root.pos_ in ("VERB", "AUX"):
        return False
    before = ctx.mention(tok.nbor(-1))
    lemma = tok.lemma_.lower()
    return before is not None and before.root == tok.i - 1 and tok.nbor(-1).head.i in (tok.i, tok.head.i) and (
        lemma in ctx.lex.verbs or any(c.dep_ == "prep" and f"{lemma} {c.lower_}" in ctx.lex.verbs
                                      for c in tok.children))


def headline_verb(ctx: Context, tok: Token) -> Iterator[Found]:
    """The headline's verb between its subject and object (rule ``verb-headline``)."""
    before = ctx.mention(tok.nbor(-1))
    if before is None:
        return
    lemma = tok.lemma_.lower()
    for prep in (c for c in tok.children if c.dep_ == "prep"):
        relation = ctx.lex.verbs.get(f"{lemma} {prep.lower_}")
        if relation is not None:
            yield from ctx.emit([Arg(before)], relation, prep_objects(ctx, prep), tok, "verb-headline", 0.7)
            return
    relation = ctx.lex.verbs.get(lemma)
    if relation is None:
        return
    objects = [tok.head] if tok.dep_ == "compound" and tok.head.i > tok.i else [
        c for c in tok.children if c.dep_ in ("appos", "dobj") and c.i > tok.i]
    targets = [Arg(m) for m in (ctx.mention(o) for o in objects) if m is not None]
    yield from ctx.emit([Arg(before)], relation, targets, tok, "verb-headline", 0.7)
