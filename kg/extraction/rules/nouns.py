"""The noun rule: nominalised relations.

"the military support of Moscow", "a key backer of some rebel groups", "airstrikes
against ...", "the occupation ... of Hama", "open war with Israel", "a ceasefire
between X and Y"; light verbs lend their subject ("Russia launched airstrikes").
Role nouns ("the head of X") are :mod:`.titles`', control nouns ("in government
hands") :mod:`.places`'.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .arguments import arg, args, prep_objects, subject
from .clauses import SUBJECTS, blocked, hedge, object_of
from .context import Arg, Context, Found
from .names import affix_actor
from .places import control_noun
from .targets import described_place, target_fallback, victims_side
from .titles import role_noun

# the prepositions that introduce a nominalised relation's target, by relation
TARGET_PREPOSITIONS = {
    "BACKS": {"for", "to"},
    "ATTACKS": {"on", "against", "in", "targeting", "of", "across", "around", "at", "over"},
    "CAPTURED": {"of"},
    "CRITICIZES": {"against", "on"},
    "CALLS_ON": {"on", "to", "for"},
    "NEGOTIATES_WITH": {"with", "between"},
    "ALLIED_WITH": {"with", "between"},
    "OPPOSES": {"to", "against", "with", "on"},
}


def is_content_noun(tok: Token) -> bool:
    """Nouns, names and adjectives: what may name a relation."""
    return tok.pos_ in ("NOUN", "PROPN", "ADJ")


def noun_relation(ctx: Context, noun: Token) -> str | None:
    """The relation a noun names: its form, lemma, or with the word before ("peace talks")."""
    low = noun.lower_
    relation = ctx.lex.nouns.get(low) or ctx.lex.nouns.get(noun.lemma_.lower())
    compound_key = None
    for c in noun.children:
        if c.dep_ in ("compound", "amod") and c.i == noun.i - 1:
            compound_key = f"{c.lower_} {low}"
    if compound_key and compound_key in ctx.lex.nouns:
        relation = ctx.lex.nouns[compound_key]
    return relation


def noun(ctx: Context, tok: Token) -> Iterator[Found]:
    """The relations a noun of the lexicon states (see the module's description)."""
    low = tok.lower_
    relation = noun_relation(ctx, tok)
    if relation is None:
        return
    if relation in ("LEADS", "MEMBER_OF"):
        yield from role_noun(ctx, tok, relation)
        return
    if _in_verb_idiom(ctx, tok):
        return  # "declared war on X", "exchanged fire with X": the verb rule's
    if low in ("control", "hands") or relation == "CONTROLS":
        yield from control_noun(ctx, tok)
        if relation != "CAPTURED" or low == "control":
            return
    ties_verb = tok.head.lemma_.lower() in ctx.lex.ties_breaking_verbs
    if low in ctx.lex.words["ties_nouns"] and not ties_verb:
        return  # only "severed ties with X" opposes; "close ties" do not
    if relation in ("NEGOTIATES_WITH", "ALLIED_WITH") and ties_verb:
        # "revoked its defence agreements with Paris", "suspended its cooperation with France"
        relation = "OPPOSES"
    if blocked(ctx.lex, tok):
        return
    parties = between(ctx, tok)
    if parties:
        # "a ceasefire between Israel and Hezbollah", "the war between the army and the RSF"
        first, *others = parties
        for rel in _symmetric_variants(ctx, tok, relation):
            yield from ctx.emit([first], rel, others, tok, "noun-between", 0.75)
        return
    agents, targets = noun_roles(ctx, tok, relation)
    symmetric = relation == "ATTACKS" and _symmetric_attack(ctx, tok)
    with_objs = [a for p in tok.children if p.dep_ == "prep" and p.lower_ in ("with", "against", "on")
                 for a in prep_objects(ctx, p)] if symmetric else []
    victims = victims_side(ctx, tok) if with_objs else []
    if victims:
        # "13 soldiers from South Africa were killed in clashes with the M23": the M23 attacked them
        yield from ctx.emit(with_objs, relation, victims, tok, "noun", 0.75)
        return
    if not agents:
        return
    if symmetric:
        # "war with Israel": the other side is what the phrase hangs on
        for rel in _symmetric_variants(ctx, tok, relation):
            yield from ctx.emit(agents, rel, with_objs, tok, "noun", 0.75)
        return
    if relation in ("NEGOTIATES_WITH", "ALLIED_WITH") and not targets and len(agents) > 1:
        # "the junta and the alliance agreed to a ceasefire": between the parties named
        targets = agents[1:]
        agents = agents[:1]
    yield from ctx.emit(agents, relation, targets, tok, "noun", 0.75 * hedge(ctx.lex, tok.head))


def _in_verb_idiom(ctx: Context, noun: Token) -> bool:
    """True for the object noun of a verb idiom of the lexicon ("declare war on")."""
    if noun.dep_ != "dobj":
        return False
    head = f"{ctx.lex.verb_lemma(noun.head)} {noun.lower_}"
    return head in ctx.lex.verbs or any(
        f"{head} {c.lower_}" in ctx.lex.verbs for c in (*noun.children, *noun.head.children) if c.dep_ == "prep")


def _symmetric_attack(ctx: Context, noun: Token) -> bool:
    """"war", "clashes": attack nouns whose other side hangs on the phrase."""
    words = ctx.lex.symmetric_attack_nouns
    return noun.lower_ in words or noun.lemma_.lower() in words


def _symmetric_variants(ctx: Context, noun: Token, relation: str) -> list[str]:
    # "open war with X" is fighting; "at war with X", "the war between X and Y" a state of conflict
    if relation == "ATTACKS" and noun.lemma_.lower() in ctx.lex.words["war_nouns"]:
        if between(ctx, noun) or (noun.dep_ == "pobj" and noun.head.lower_ == "at"):
            return ["OPPOSES"]
    return [relation]


def between(ctx: Context, noun: Token) -> list[Arg]:
    """The parties of "between X and Y" (two or more), else none; also where the phrase hangs on
    the verb the noun is the subject of ("clashes erupted on Tuesday between X and Y")."""
    holders = [noun]
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB":
        holders.append(noun.head)
    for holder in holders:
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ == "between":
                parties = prep_objects(ctx, c)
                if len(parties) >= 2:
                    return parties
    return []


def noun_roles(ctx: Context, noun: Token, relation: str) -> tuple[list[Arg], list[Arg]]:
    """Agents and targets of a nominalised relation."""
    if ctx.lex.has("counterpart_nouns", noun):
        return counterpart_roles(ctx, noun)
    agent_preps, target_preps = _prepositions(ctx, noun, relation)
    agents, targets = _direct_roles(ctx, noun, relation, agent_preps, target_preps)
    if relation == "CAPTURED" and not targets:
        # "the occupation ... of the strategic city of Hama": the first place in an of-phrase
        for t in noun.subtree:
            if t.dep_ == "pobj" and t.head.lower_ == "of":
                m = ctx.mention(t)
                if m is not None and ctx.is_place(m):
                    targets.append(Arg(m, 0.8))
                    break
    if relation == "CAPTURED" and not agents:
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "from":
                agents += prep_objects(ctx, c)
    agents, targets = _light_verb_roles(ctx, noun, relation, target_preps, agents, targets)
    if not agents:
        agents = _borrowed_agents(ctx, noun, relation)
    if relation == "ATTACKS" and not targets:
        targets = _besieged(ctx, noun) or _purpose_targets(ctx, noun) or victims_side(ctx, noun)
    if relation == "ATTACKS" and not targets and agents and _claimed(ctx, noun):
        targets = _last_attack_targets(ctx, noun)
    if relation == "BACKS" and not targets:
        targets = _beneficiary(ctx, noun)
    if _symmetric_attack(ctx, noun):
        return agents or _governing_actor(ctx, noun), targets
    return agents, targets


def _prepositions(ctx: Context, noun: Token, relation: str) -> tuple[set[str], set[str]]:
    """The prepositions that introduce the agent and the target of a nominalised relation."""
    low = noun.lower_
    agent_preps = {"of", "from", "by"} if relation in ("BACKS", "CRITICIZES", "CALLS_ON") else {"by", "from"}
    target_preps = TARGET_PREPOSITIONS.get(relation, set())
    if low in ctx.lex.words["victory_nouns"]:
        target_preps = {"over", "against", "of"}  # a victory "in Mosul" is over someone, not the city
    if low == "support" and noun.dep_ == "pobj" and noun.head.lower_ == "in":
        # "in support of its ally Hamas": the of-phrase is the one supported
        agent_preps, target_preps = {"from", "by"}, {"of", "for", "to"}
    if relation == "CAPTURED":
        # "the fall of Kabul to the Taliban"
        agent_preps = {"to"} if noun.lemma_.lower() == "fall" else {"by", "from"}
    return agent_preps, target_preps


def _direct_roles(ctx: Context, noun: Token, relation: str, agent_preps: set[str],
                  target_preps: set[str]) -> tuple[list[Arg], list[Arg]]:
    """Roles in the noun's own phrase: its prepositions, modifiers and participles."""
    agents: list[Arg] = []
    targets: list[Arg] = []
    for c in noun.children:
        if c.dep_ == "prep":
            prep = c.lower_
            if prep in agent_preps and not (prep == "of" and relation in ("ATTACKS", "CAPTURED")):
                agents += prep_objects(ctx, c)
            elif prep in target_preps:
                # ("strikes on the Red Sea port of Hodeidah": the port is Hodeidah)
                targets += [a for p in c.children if p.dep_ in ("pobj", "pcomp")
                            for a in described_place(ctx, p, args(ctx, p))]
                if not targets and relation == "ATTACKS":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            targets += target_fallback(ctx, p)
        elif c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < noun.i:
            # "Russian airstrikes", "a Muslim Brotherhood insurgency", "the Hamas-led attack"
            found = arg(ctx, c)
            if not found and c.lower_.endswith("-led"):
                affix = affix_actor(ctx, c)
                found = [Arg(affix, 0.8)] if affix is not None else []
            if relation == "ATTACKS" and found and c.dep_ == "compound" and not _symmetric_attack(ctx, noun) and all(
                    ctx.type_of(a.mention.actor or "") in ("LOCATION", "PERSON") and not a.mention.agent
                    for a in found):
                # "claimed the Noshki attack": a place (or person) named on an attack is who or where it struck
                targets += found
                continue
            agents += found
        elif c.dep_ == "acl" and c.tag_ == "VBG" and relation == "ATTACKS" \
                and ctx.lex.verbs.get(ctx.lex.verb_lemma(c)) == "ATTACKS":
            # purpose participles: "a strike targeting militia positions", "raids hitting the port"
            obj = object_of(c)
            targets += args(ctx, obj) or target_fallback(ctx, obj)
        elif c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ctx.lex.words["perpetration_verbs"]:
            # "a massacre carried out by the military", "the offensive, which X launched against Y"
            agents += subject(ctx, c)[0]
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ in target_preps:
                    targets += prep_objects(ctx, p)
    return agents, targets


def _light_verb_roles(ctx: Context, noun: Token, relation: str, target_preps: set[str], agents: list[Arg],
                      targets: list[Arg]) -> tuple[list[Arg], list[Arg]]:
    """Light verbs lend their subject: "Russia launched airstrikes", "Iran provided support",
    also through "a wave of attacks"."""
    phrase = noun
    counter = noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and (
            counter.lower_ in ctx.lex.words["series_nouns"] or counter.lower_ in ctx.lex.words["quantity_words"]
            or counter.pos_ == "NUM"):
        phrase = counter  # "a wave of strikes", "dozens of drone attacks"
    symmetric = relation in ("ALLIED_WITH", "NEGOTIATES_WITH")
    if not ((not agents or not targets or symmetric) and phrase.dep_ in ("dobj", "attr", "nsubjpass")
            and phrase.head.pos_ in ("VERB", "AUX")):
        return agents, targets
    verb = phrase.head
    lemma = verb.lemma_.lower()
    prts = " ".join(c.lower_ for c in verb.children if c.dep_ == "prt")
    if not (lemma in ctx.lex.light_verbs or f"{lemma} {prts}" in ctx.lex.light_verbs or (
            lemma == "be" and phrase.dep_ == "attr")):
        return agents, targets
    verb_agents = subject(ctx, verb)[0] if lemma != "be" else args(
        ctx, next((c for c in verb.children if c.dep_ == "nsubj"), None))
    if not agents or (symmetric and not targets and len(verb_agents) > len(agents)):
        # "Iran and Russia deepened their cooperation": between the subjects
        agents = verb_agents
    if not targets:
        # "launched a wave of attacks ... on police stations and the airport"
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in target_preps and c.lower_ not in ("in", "of"):
                targets += prep_objects(ctx, c)
    if relation == "ATTACKS":
        # "a bombing campaign across the south, the Bekaa Valley and ...": the parser
        # often breaks such lists off the verb; their places are targets still
        targets += [a for c in verb.children if c.dep_ in ("npadvmod", "dep") and c.i > noun.i
                    for a in args(ctx, c) if ctx.is_place(a.mention)]
    return agents, targets


def _claimed(ctx: Context, noun: Token) -> bool:
    """"the group claimed the attack", "the attack was claimed by IS": a claim of an attack."""
    return noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB" and \
        ctx.lex.has("responsibility_verbs", noun.head.lemma_.lower()) and not blocked(ctx.lex, noun.head)


# how many sentences back the attack a claim is about may be reported
_CLAIM_LOOKBACK = 2


def _last_attack_targets(ctx: Context, noun: Token) -> list[Arg]:
    """"A bomber rammed a vehicle into a camp in Mir Ali, and the group claimed the attack": the
    targets of the attack reported last before the claim (in its sentence or just before)."""
    from .verbs import attack_targets  # (the verb rule reads nouns: imported here, when a claim is read)

    sentences = [s for s in ctx.doc.sents if s.start < noun.sent.start][-_CLAIM_LOOKBACK:]
    before = [t for s in sentences for t in s] + [t for t in noun.sent if t.i < noun.i]
    for tok in reversed(before):
        found = attack_targets(ctx, tok) if tok.pos_ == "VERB" else []
        if found:
            return [Arg(a.mention, 0.8 * a.confidence) for a in found]
    return []


def _borrowed_agents(ctx: Context, noun: Token, relation: str) -> list[Arg]:
    """The agent from the clause around the noun: "claimed responsibility for a drone attack",
    a light verb with a preposition, an apposition, "in support of"."""
    if noun.dep_ == "pobj" and noun.head.head.lower_ == "responsibility":
        # "Hezbollah claimed responsibility for a drone attack"
        verb = noun.head.head.head
        if verb.lemma_.lower() in ctx.lex.words["responsibility_verbs"]:
            agents = subject(ctx, verb)[0]
            if agents:
                return agents
    if noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "AUX"):
        verb = noun.head.head
        lemma = ctx.lex.verb_lemma(verb)
        # "killed 63 people in a raid on X", "burned homes during an assault on X": the killers
        # made the raid
        in_attack = relation == "ATTACKS" and noun.head.lower_ in ctx.lex.words["event_setting_prepositions"] and \
            ctx.lex.verbs.get(lemma) == "ATTACKS"
        obj = object_of(verb)
        # "took part in air strikes": the verb's object belongs to the idiom
        idioms = {f"{lemma} {noun.head.lower_}"} | ({f"{lemma} {obj.lower_} {noun.head.lower_}"} if obj else set())
        if in_attack or idioms & ctx.lex.light_verbs:
            agents = subject(ctx, verb)[0]
            if agents:
                return agents
    if noun.dep_ == "appos":
        agents = arg(ctx, noun.head)
        if agents:
            return agents
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and relation in ("BACKS",):
        verb = noun.head.head
        if verb.pos_ in ("VERB", "AUX"):
            return subject(ctx, verb)[0]
    return []


def _besieged(ctx: Context, noun: Token) -> list[Arg]:
    """"has been under siege by the RSF": the siege hits the subject."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "under":
        verb = noun.head.head
        if verb.pos_ in ("VERB", "AUX"):
            return args(ctx, next((c for c in verb.children if c.dep_ in SUBJECTS), None))
    return []


def _purpose_targets(ctx: Context, noun: Token) -> list[Arg]:
    """Purpose: "a massacre ... to quell a Muslim Brotherhood insurgency"."""
    targets: list[Arg] = []
    for c in noun.children:
        if c.dep_ in ("acl", "relcl"):
            for cc in c.children:
                if cc.dep_ in ("advcl", "xcomp") and ctx.lex.verbs.get(cc.lemma_.lower()) == "ATTACKS":
                    obj = object_of(cc)
                    targets += args(ctx, obj) or _insurgents(ctx, obj)
    anc = noun
    for _ in range(4):
        if targets or anc.head.i == anc.i:
            break
        anc = anc.head
        if anc.pos_ not in ("VERB", "AUX"):
            continue
        for c in anc.children:
            if c.dep_ in ("advcl", "xcomp") and c.i > noun.i \
                    and ctx.lex.verbs.get(c.lemma_.lower()) == "ATTACKS" \
                    and any(a.lower_ == "to" for a in c.children):
                obj = object_of(c)
                targets += args(ctx, obj) or _insurgents(ctx, obj)
    return targets


def counterpart_roles(ctx: Context, noun: Token) -> tuple[list[Arg], list[Arg]]:
    """"X is a key backer of Y", "Iran, Hezbollah's main backer", "its ally Hamas",
    "Moscow, now the junta's main military backer"."""
    targets = [a for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "to", "for")
               for a in prep_objects(ctx, c)]
    # "Hezbollah's main backer", "an Iranian proxy"
    targets += [a for c in noun.children if c.dep_ in ("poss", "amod") for a in arg(ctx, c)]
    agents: list[Arg] = []
    if noun.dep_ == "appos":
        # "the United States and Iran, the Houthis' main backer": the last of a list before it
        agents += arg(ctx, max((c for c in noun.head.conjuncts if c.i < noun.i), default=noun.head,
                               key=lambda c: c.i))
    elif noun.dep_ in ("compound", "amod"):
        agents += arg(ctx, noun.head)
    if noun.dep_ in ("compound", "amod"):
        # "Iran's proxy Hezbollah": the possessor hangs on the name
        targets += [a for c in noun.head.children if c.dep_ == "poss" for a in arg(ctx, c)]
    for c in noun.children:
        if c.dep_ in ("appos", "compound") and ctx.mention(c) is not None:
            agents += args(ctx, c)
    # "Turkey is one of the main supporters of the rebels": the quantity stands in the clause
    anchor = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in ctx.lex.words["quantity_words"]:
        anchor = noun.head.head
        if anchor.dep_ == "appos":
            agents += arg(ctx, anchor.head)
    if anchor.dep_ == "attr" and anchor.head.lemma_ == "be":
        agents += args(ctx, next((c for c in anchor.head.children if c.dep_ == "nsubj"), None))
    if anchor.dep_ in ("nsubj",) and anchor.head.lemma_ == "be":
        agents += args(ctx, next((c for c in anchor.head.children if c.dep_ == "attr"), None))
    if noun.lower_ in ctx.lex.words["backed_nouns"]:
        return targets, agents  # "Iran's proxy Hezbollah": the possessor backs
    return agents, targets


def _insurgents(ctx: Context, obj: Token | None) -> list[Arg]:
    if obj is None:
        return []
    return [a for c in obj.children if c.dep_ in ("compound", "amod", "poss") for a in arg(ctx, c)]


def _governing_actor(ctx: Context, noun: Token) -> list[Arg]:
    """The actor a phrase hangs on: "Hezbollah, weakened after ... war with Israel"."""
    tok = noun
    for _ in range(8):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        m = ctx.mention(tok)
        if m is not None:
            return [Arg(m, 0.8)]
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("acl", "relcl"):
            subj, _ = subject(ctx, tok)
            return [Arg(a.mention, 0.8) for a in subj]
    return []


def _beneficiary(ctx: Context, noun: Token) -> list[Arg]:
    """Who is helped when a text names only the helper: "thanks to the support of
    Moscow, Damascus launched ..." (the subject of the clause the phrase serves).  Support of a
    deal ("agreed to a ceasefire with the support of Turkey") backs no party to it."""
    tok = noun
    for _ in range(6):
        if tok.head.i == tok.i:
            return []
        tok = tok.head
        if _names_deal(ctx, tok):
            return []
        if tok.pos_ in ("VERB", "AUX"):
            subj = next((c for c in tok.children if c.dep_ in SUBJECTS), None)
            if subj is not None and subj.lower_ not in ctx.lex.words["expletive_subjects"]:
                return args(ctx, subj)
            for c in tok.children:
                if c.dep_ in ("ccomp", "advcl") and c.i > noun.i:
                    s = next((x for x in c.children if x.dep_ in SUBJECTS), None)
                    if s is not None:
                        return args(ctx, s)
            return []
    return []


def _names_deal(ctx: Context, tok: Token) -> bool:
    """A deal or talks ("ceasefire", "agreed", "reached a truce"): what the support is for."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return noun_relation(ctx, tok) == "NEGOTIATES_WITH"
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    obj = object_of(tok)
    return ctx.lex.verbs.get(ctx.lex.verb_lemma(tok)) == "NEGOTIATES_WITH" or (
        obj is not None and obj.pos_ == "NOUN" and noun_relation(ctx, obj) == "NEGOTIATES_WITH")
