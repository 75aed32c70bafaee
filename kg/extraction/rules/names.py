"""Actors a token names without being their mention: the actor inside a modifier
("Iran-backed"), the capital of the home state, the place or group last named, a
place no tagger found, a named site ("the presidential palace").

These read the article's mentions and the gazetteer, never the arguments of a
predicate, so every rule module may use them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Token

from ..actors import Mention
from ..gazetteer import normalize
from .clauses import SUBJECTS
from .context import Arg, Context


def mentions_before(ctx: Context, tok: Token) -> Iterator[Mention]:
    """The article's mentions that start before ``tok``, in order."""
    here = ctx.char(tok)
    for m in ctx.actors.mentions:
        if m.char_start >= here:
            return
        yield m


def lookup_affix(ctx: Context, text: str, tok: Token) -> Mention | None:
    """The actor a modifier's stem names ("Iran" in "Iran-backed"; "government" is the home state's)."""
    low = text.lower()
    if low in ctx.lex.government_modifiers or low in ctx.lex.government_nouns:
        if ctx.actors.home:
            return ctx.synthetic_government(ctx.actors.home, tok)
        return None
    hit = ctx.gaz.lookup(text)
    if hit is None:
        return None
    entry = ctx.gaz[hit.entry]
    key = entry.name
    if entry.type == "PERSON":
        key = entry.leads if entry.leads in ctx.gaz else entry.name
    elif hit.kind == "metonym":
        key = ctx.gaz.metonym_of.get(text.lower(), key)
    if entry.type == "LOCATION":
        # "Kigali-backed": a capital stands for its state; another place names no actor
        state = ctx.gaz.metonym_of.get(normalize(text))
        if state is None or state not in ctx.gaz:
            return None
        key = state
    ctx.ensure(key)
    return ctx.token_mention(tok, text, "affix", key, "")


def affix_actor(ctx: Context, tok: Token) -> Mention | None:
    """The actor of a "Hamas-led" / "Iran-backed" modifier."""
    name, _, suffix = tok.text.rpartition("-")
    if name and suffix.lower() in ctx.lex.words["agent_affixes"]:
        return lookup_affix(ctx, name, tok)
    return None


def capital(ctx: Context, state: str, tok: Token) -> Mention | None:
    """"the capital": the capital of the article's home state."""
    entry = ctx.gaz.entries.get(state)
    for name in entry.metonyms if entry else []:
        if name in ctx.gaz and ctx.gaz[name].type == "LOCATION":
            ctx.ensure(name)
            return ctx.token_mention(tok, name, "synthetic", name, "LOCATION")
    return None


def state_of_person(ctx: Context, m: Mention) -> Mention | None:
    """"his country": the state a known person leads or belongs to."""
    entry = ctx.gaz.entries.get(m.actor or "")
    target = None
    if entry is not None and entry.type == "PERSON":
        target = entry.leads if entry.leads in ctx.gaz and ctx.gaz[entry.leads].type == "STATE" else entry.country
    if target is None or target not in ctx.gaz:
        return None
    return ctx.synthetic(target, m)


def last_place(ctx: Context, tok: Token) -> Mention | None:
    """The place an "it" that is taken or held, or "the town", refers to: the last one named
    that is no region ("Sagaing Region", "Chin and Rakhine states" are no town)."""
    best = None
    for m in mentions_before(ctx, tok):
        if ctx.is_place(m) and not _is_region(ctx, m):
            best = m
    return best


def _is_region(ctx: Context, m: Mention) -> bool:
    """True for a place named as a region: "Gezira State", "the Kherson region", "Chin and Rakhine states"."""
    doc = ctx.docs[m.part]
    if ctx.lex.has("region_nouns", doc[m.end - 1]):
        return True
    head = doc[m.root]
    while head.dep_ in ("compound", "nmod", "conj") and head.head.i != head.i:
        head = head.head
    return head.i >= m.end and ctx.lex.has("region_nouns", head)


def last_state(ctx: Context, tok: Token) -> Mention | None:
    """The state a definite "the kingdom" refers to: the last one named as a subject, else the
    last one named (never as an adjective)."""
    best = best_subject = None
    for m in mentions_before(ctx, tok):
        if m.actor and not m.adjectival and ctx.type_of(m.actor) in ("STATE", "GOVERNMENT"):
            best = m
            if ctx.docs[m.part][m.root].dep_ in SUBJECTS:
                best_subject = m
    return best_subject or best


def last_states(ctx: Context, tok: Token, count: int, kinds: tuple[str, ...] = ("STATE", "GOVERNMENT"),
                exclude: frozenset[str] | set[str] = frozenset()) -> list[Mention]:
    """The last ``count`` different states (or actors of ``kinds``) named before ``tok``, in order,
    other than the actors ``exclude`` (keys); a list of just that many named together comes first
    ("Qatar, Egypt and the United States called on Israel ... the three countries")."""
    listed = _last_list(ctx, tok, count, kinds, exclude)
    if listed:
        return listed
    chosen: list[Mention] = []
    # a state named as a modifier of a title is no party ("U.S. Secretary of State X urged both countries")
    for m in reversed([m for m in mentions_before(ctx, tok) if m.actor and m.actor not in exclude
                       and ctx.type_of(m.actor) in kinds
                       and ctx.docs[m.part][m.root].dep_ not in ("compound", "nmod")
                       and not _describes_another(ctx.docs[m.part][m.root])]):
        if m.actor not in {c.actor for c in chosen}:
            chosen.append(m)
        if len(chosen) == count:
            return list(reversed(chosen))
    return []


def _last_list(ctx: Context, tok: Token, count: int, kinds: tuple[str, ...],
               exclude: frozenset[str] | set[str]) -> list[Mention]:
    """The last list of ``count`` actors of ``kinds`` other than ``exclude`` named together ("A, B
    and C": commas between them, "and" before the last) in ``tok``'s sentence or the one before."""
    doc = ctx.doc
    since = doc[tok.sent.start - 1].sent.start if tok.sent.start else tok.sent.start
    before = [m for m in mentions_before(ctx, tok) if m.part == ctx.part and m.start >= since]
    chain: list[Mention] = []
    for m in reversed(before):
        gap = [doc[k].lower_ for k in range(m.end, chain[0].start)] if chain else []
        if chain and all(w in ctx.lex.words["list_gap_words"] for w in gap) and (len(chain) > 1 or "and" in gap):
            chain.insert(0, m)
            continue
        if _fits_list(ctx, chain, count, kinds, exclude):
            return chain
        chain = [m]
    return chain if _fits_list(ctx, chain, count, kinds, exclude) else []


def _fits_list(ctx: Context, chain: list[Mention], count: int, kinds: tuple[str, ...],
               exclude: frozenset[str] | set[str]) -> bool:
    actors = {m.actor for m in chain if m.actor and m.actor not in exclude and ctx.type_of(m.actor) in kinds}
    return len(chain) == count and len(actors) == count


def _describes_another(root: Token) -> bool:
    """A possessor in the apposition that describes another name is no party of its own
    ("ISWAP, Islamic State's West African affiliate"), nor a demonym in a title ("hosted by
    Turkish Foreign Minister Hakan Fidan")."""
    return (root.dep_ == "poss" and root.head.dep_ == "appos") or (root.dep_ == "amod" and root.head.pos_ == "PROPN")


def last_group(ctx: Context, tok: Token, exclude: set[str]) -> Mention | None:
    """The last armed group named as a subject before ``tok`` (else the last named) that is
    none of ``exclude`` (actor keys)."""
    best = best_subject = None
    for m in mentions_before(ctx, tok):
        if m.actor and m.actor not in exclude and not m.adjectival and ctx.type_of(m.actor) == "ARMED_GROUP":
            best = m
            root = ctx.docs[m.part][m.root]
            # ("Al Shabaab fighters captured ...": the group of the subject phrase)
            if root.dep_ in SUBJECTS or root.head.dep_ in SUBJECTS:
                best_subject = m
    return best_subject or best


def definite_reference(ctx: Context, tok: Token) -> Mention | None:
    """The group a definite "the alliance" / "the group" refers to: the last one named with
    that word (by the article or the gazetteer: "the coalition" is the "Viv Ansanm gang
    coalition"), else the armed group :func:`referred_group` gives, else the last armed group
    or organisation.  A word that only names ("the mission", "the agency") refers to a name
    with that word or to nothing."""
    word = tok.lower_
    # the words that must name it: the noun and its plain modifiers ("the presidential council")
    words = {word} | {normalize(c.text) for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i
                      and c.is_lower and "-" not in c.text and c.lower_ not in ctx.lex.words["group_character_words"]}
    generic = word in ctx.lex.words["armed_reference_nouns"]
    named = fallback = None
    for m in mentions_before(ctx, tok):
        if m.actor is None or m.adjectival or _generic_plural(ctx, m, tok):
            continue
        kind = ctx.type_of(m.actor)
        if kind not in ("ARMED_GROUP", "ORGANIZATION"):
            continue
        if _goes_by(ctx, m, words, generic):
            named = m
        # an unknown organisation NER found ("Jilib", "National Penitentiary") is a poor guess
        if m.entry is not None or kind == "ARMED_GROUP" or fallback is None:
            fallback = m
    if word in ctx.lex.words["naming_reference_nouns"]:
        return named
    # "the group", "the militia": an armed group before an organisation ("U.N. experts say ...
    # troops fought alongside the group")
    if generic:
        return named or referred_group(ctx, tok) or fallback
    return named or fallback


def referred_group(ctx: Context, tok: Token) -> Mention | None:
    """The armed group a generic "the group", "the attackers" before ``tok`` points to: the last
    one named, unless the article has named another twice as often, its main group ("... a deputy
    commander of Iran's Revolutionary Guards, was among the dead. In a statement, the group
    vowed ..." is Hezbollah's). "The jihadist group" is one called jihadist when the article has one;
    a group named to describe another ("JNIM, al Qaeda's affiliate") is none."""
    character = {w for c in tok.children if (w := c.lower_) in ctx.lex.words["group_character_words"]}
    candidates = [m for m in mentions_before(ctx, tok)
                  if m.actor and not m.adjectival and ctx.type_of(m.actor) == "ARMED_GROUP"
                  and not _generic_plural(ctx, m, tok) and not _describes_another(ctx.docs[m.part][m.root])]
    if character:
        called = [m for m in candidates if any(_goes_by(ctx, m, {w}, False) or _goes_by(ctx, m, {w + "s"}, False)
                                               for w in character)]
        candidates = called or candidates
    times: Counter[str] = Counter()
    last: dict[str, Mention] = {}
    latest = None
    for m in candidates:
        times[m.actor or ""] += 1
        last[m.actor or ""] = latest = m
    if latest is None:
        return None
    main = max(times, key=lambda k: times[k])
    return last[main] if times[latest.actor or ""] * 2 <= times[main] else latest


def _generic_plural(ctx: Context, m: Mention, tok: Token) -> bool:
    """"Meitei groups", "Tuareg groups" describe several groups; no singular "the group" is one of
    them ("the militants" the article has called a named group are that group)."""
    rec = ctx.actors.actors.get(m.actor or "")
    # (a group phrase or a collective names several; "rebels" stand for the rebel side as one)
    several = m.kind == "group" or m.kind == "collective"
    return tok.tag_ == "NN" and several and (rec is None or rec.entry is None) \
        and ctx.docs[m.part][m.root].tag_ == "NNS"


def _goes_by(ctx: Context, m: Mention, words: set[str], generic: bool) -> bool:
    """True when the actor of ``m`` is called by all of ``words`` in one form ("the presidential
    council" is no "UN Security Council"): its name, or also the article's and the gazetteer's
    other forms unless the word is as ``generic`` as "group" ("the Islamic State group" does not
    make Islamic State the group its local branch is)."""
    key = m.actor or ""
    forms = [key]
    rec = ctx.actors.actors.get(key)
    entry = ctx.gaz.entries.get(key)
    if not generic:
        forms += [m.text, *(rec.aliases if rec else ()), *(rec.names if rec else ())]
        forms += [*entry.aliases, *entry.descriptions] if entry is not None else []
    return any(words <= set(normalize(form).split()) for form in forms)


def new_place(ctx: Context, tok: Token) -> list[Arg]:
    """A place the parse names but no gazetteer or NER did: the proper noun (with its
    compounds) that is taken or held ("entered al-Shifa", "the town of Shusha")."""
    if tok.pos_ != "PROPN" or ctx.mention(tok) is not None or tok.ent_type_ in ("DATE", "TIME", "CARDINAL"):
        return []
    left = min([c.i for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok.i])
    return [ctx.place_actor(left, tok)]


def facility(ctx: Context, noun: Token) -> list[Arg]:
    """A named-by-description site that is taken: "the presidential palace",
    "Tripoli's international airport" (a place of its own, named by its phrase)."""
    if noun.lower_ not in ctx.lex.words["facility_nouns"]:
        return []
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "poss") and c.i < noun.i]
    # "the presidential palace", "Tripoli's airport", "Tripoli airport": a named site
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) or any(
        c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN") for c in noun.children)
    if not mods or not definite:
        return []
    start = min(c.left_edge.i for c in mods)
    while start < noun.i and ctx.doc[start].dep_ == "det":
        start += 1
    return [ctx.place_actor(start, noun)]


def site(ctx: Context, obj: Token | None) -> list[Arg]:
    """A common-noun target ("a bridge") that a named place of the article is
    ("the Rastan Bridge", or a place in apposition with that noun)."""
    if obj is None or obj.lower_ not in ctx.lex.words["site_nouns"]:
        return []
    best = None
    for m in ctx.actors.mentions:
        if not ctx.is_place(m):
            continue
        if m.text.lower().split()[-1] == obj.lower_:
            best = best or m
    if best is None:
        return []
    return [Arg(best, 0.8)]
