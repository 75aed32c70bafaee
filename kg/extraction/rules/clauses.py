"""Clause structure the rules share: objects, patients, the keys a verb can match, and
the checks that block a predicate (negation, conditions, denials, plans).

Nothing here resolves an argument to an actor; :mod:`.arguments` does that.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import Lexicon, load_lexicon
from .claims import disputed

SUBJECTS = ("nsubj", "nsubjpass", "csubj")


def object_of(verb: Token) -> Token | None:
    """The direct object of a verb."""
    for c in verb.children:
        if c.dep_ in ("dobj", "obj"):
            return c
    return None


def collective(lex: Lexicon, tok: Token | None) -> Token | None:
    """"a coalition of rebel groups that ...": the coalition, not its parts."""
    if tok is not None and tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
            tok.head.head.lemma_.lower() in lex.words["collective_nouns"]:
        return tok.head.head
    return tok


def patient(lex: Lexicon, verb: Token) -> Token | None:
    """The one a passive or participial verb acts on ("Assad, who is backed by ...")."""
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN" and collective(lex, verb.head) is not verb.head:
        return collective(lex, verb.head)
    for c in verb.children:
        if c.dep_ in ("nsubjpass", "nsubj"):
            return c
    if verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        return patient(lex, verb.head)
    if verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN":
        return verb.head
    if verb.dep_ == "relcl":
        rel = next((c for c in verb.children if c.lower_ in lex.words["relative_pronouns"]), None)
        if rel is not None and rel.dep_ in ("nsubjpass", "dobj"):
            return verb.head
    return None


def place_subject(lex: Lexicon, verb: Token) -> Token | None:
    """The subject of a verb that says where a place stands, through a relative pronoun."""
    subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subj is not None and subj.lower_ in lex.words["relative_pronouns"] and verb.dep_ == "relcl":
        head = verb.head
        # "Homs ... and Damascus, two major cities that remain ...": the places named
        if head.dep_ == "appos":
            return head.head
        return head
    return subj


def particles(lex: Lexicon, verb: Token) -> list[Token]:
    """A verb's particles, also where the parser took one for an adverb ("pushed back")."""
    return [c for c in verb.children if c.dep_ == "prt" or (
        c.dep_ == "advmod" and c.i > verb.i and c.lower_ in lex.words["verb_particles"])]


def verb_keys(verb: Token, lex: Lexicon | None = None) -> list[tuple[str, Token | None]]:
    """Lexicon keys this verb can match, with the preposition that carries the object.

    The most specific first: verb, particle and preposition ("break away from"), verb,
    object noun and preposition ("declared war on"), then the verb alone.  ``lex`` gives
    the verb forms and particles the parser gets wrong (the shipped lexicon when not given).
    """
    lex = lex or load_lexicon()
    lemma = lex.verb_lemma(verb)
    keys: list[tuple[str, Token | None]] = []
    prts = particles(lex, verb)
    preps = [c for c in verb.children if c.dep_ in ("prep", "dative")]
    for prt in prts:
        for prep in preps:
            keys.append((f"{lemma} {prt.lower_} {prep.lower_}", prep))
        keys.append((f"{lemma} {prt.lower_}", None))
    for prep in preps:
        keys.append((f"{lemma} {prep.lower_}", prep))
    obj = object_of(verb)
    if obj is not None:
        # "declared war on Georgia", "exchanged fire": verb, object noun and preposition together
        keys = [(f"{lemma} {obj.lower_} {prep.lower_}", prep) for prep in preps] + [
            (f"{lemma} {obj.lower_}", None)] + keys
        # "blamed the deaths on the M23": the preposition hangs on the object; "declared war on
        # Georgia": so does the idiom's
        obj_preps = [c for c in obj.children if c.dep_ == "prep"]
        keys = [(f"{lemma} {obj.lower_} {c.lower_}", c) for c in obj_preps] + keys
        keys += [(f"{lemma} {c.lower_}", c) for c in obj_preps]
    keys.append((lemma, None))
    return keys


SPEECH_ACTS = ("CALLS_ON", "CRITICIZES")


def reporting_verb(lex: Lexicon, verb: Token) -> Token | None:
    """The verb a speech act without a subject really goes with, where the parser put it as
    the last conjunct inside a reported clause or a complement: "Mujahid said the emirate
    would not allow attacks and urged Islamabad to stop" ("urged" goes with "said": its
    subject, its negations), "accused the authorities of leaving villagers unprotected and
    called on the government to ..." (with "accused").

    Examples
    --------
    >>> from kg.nlp import get_nlp
    >>> doc = get_nlp()[0]("Ruto said the talks had stalled and urged Uganda to reopen the border.")
    >>> reporting_verb(load_lexicon(), doc[7]).text
    'said'
    """
    if verb.dep_ != "conj" or any(c.dep_ in SUBJECTS for c in verb.children) or not _is_speech_act(lex, verb):
        return None
    tok = verb.head
    reported = False  # the path climbs out of a reported clause or a complement, not just conjuncts
    for step in range(7):
        if step and reported and tok.pos_ == "VERB" and (tok.lemma_.lower() in lex.words["reporting_verbs"]
                                                         or _is_speech_act(lex, tok)):
            return tok
        if tok.head.i == tok.i or tok.dep_ not in ("conj", "ccomp", "xcomp", "advcl", "advmod", "pcomp", "prep"):
            return None
        reported = reported or tok.dep_ in ("ccomp", "pcomp")
        tok = tok.head
    return None


def _is_speech_act(lex: Lexicon, verb: Token) -> bool:
    return any(lex.verbs.get(key) in SPEECH_ACTS for key, _ in verb_keys(verb, lex))


def _blocked_here(lex: Lexicon, tok: Token) -> bool:
    """A negation or a condition on the token itself, or a doubt on an event noun ("alleged support")."""
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in lex.words["negators"]):
            return True
        if c.dep_ == "amod" and tok.pos_ == "NOUN" and c.lower_ in lex.words["doubt_modifiers"]:
            return True
        if c.dep_ == "mark" and c.lower_ in lex.words["conditional_marks"]:
            return True
    return False


def _denial_appended(lex: Lexicon, tok: Token) -> bool:
    """"accused the two groups of killing villagers, a charge ARSA denies": the parser made the
    accusation a clause of the denial that follows it; the denial disputes the charge, not the
    speech act."""
    head = tok.head
    return tok.dep_ == "ccomp" and head.i > tok.i and head.lemma_.lower() in lex.words["claim_denial_verbs"] and any(
        c.dep_ in (*SUBJECTS, "dobj") and c.lemma_.lower() in lex.words["accusation_nouns"] | lex.words["claim_nouns"]
        for c in head.children)


def _blocked_by_head(lex: Lexicon, tok: Token, relation: str | None) -> bool:
    """A governing word that makes the predicate unreal: "called for", "denied", "plans to"."""
    lemma = tok.head.lemma_.lower()
    if tok.dep_ == "prep" and tok.lower_ == "for" and lemma in lex.irrealis:
        return True  # "called for a ceasefire between X and Y", "hopes for a deal"
    if tok.dep_ == "dobj" and lemma in lex.words["denial_verbs"]:
        return True  # "denied any connection to Wagner's operations"
    if tok.dep_ in ("xcomp", "ccomp", "acl", "pcomp", "advcl") and lemma in lex.irrealis \
            and not (tok.dep_ == "ccomp" and tok.head.pos_ not in ("VERB", "AUX", "ADJ")) \
            and not (tok.dep_ == "ccomp" and lemma in lex.words["reporting_verbs"]):
        # ("Washington accuses Tehran of ..., a charge Iran rejects": no clause hangs on a noun)
        # ("told X to attack" orders; "the rebels took the town, a commander told AFP" reports)
        # a vow or pledge of support is support
        return not (relation in ("BACKS", "OPPOSES") and lemma in lex.words["pledge_verbs"])
    return False


def blocked(lex: Lexicon, tok: Token, relation: str | None = None) -> bool:
    """True when the predicate is negated, conditional, denied or only planned
    (a vow or pledge of support is support).  A claim the text disputes is no event, though the
    accusations and demands of the sentence still are ("said it had retaken X, a claim Kyiv denied")."""
    if relation not in SPEECH_ACTS and disputed(lex, tok):
        return True
    reporter = reporting_verb(lex, tok) if relation in SPEECH_ACTS else None
    if reporter is not None:
        if _blocked_here(lex, tok):
            return True
        tok = reporter
    for _ in range(6):
        if _blocked_here(lex, tok):
            return True
        head = tok.head
        if head.i == tok.i:
            return False
        if tok.dep_ not in ("xcomp", "ccomp", "advcl", "acl", "pcomp", "conj", "pobj", "prep", "dobj", "relcl"):
            return False
        if relation in SPEECH_ACTS and _denial_appended(lex, tok):
            return False
        if _blocked_by_head(lex, tok, relation):
            return True
        if tok.dep_ not in ("conj", "xcomp", "pobj", "prep", "dobj", "advcl"):
            return False
        tok = head
    return False


def intended(lex: Lexicon, verb: Token) -> bool:
    """True for "vowed/threatened/is determined to <attack>" (and nothing negates it)."""
    if verb.dep_ != "xcomp" or any(c.dep_ == "neg" for c in verb.children):
        return False
    head = verb.head
    if head.lemma_.lower() not in lex.words["hostile_intent_verbs"] or any(c.dep_ == "neg" for c in head.children):
        return False
    return not blocked(lex, head)


def modal(lex: Lexicon, tok: Token) -> str | None:
    """The modal a predicate is under ("would", "may", "will"), if any."""
    return next((c.lower_ for c in tok.children if c.dep_ == "aux" and c.lower_ in lex.hedges), None)


def hedge(lex: Lexicon, tok: Token) -> float:
    """0.8 for a predicate under a modal ("may back"), else 1 ("will" reports what is planned)."""
    return 0.8 if modal(lex, tok) not in (None, "will") else 1.0
