"""Officials by role: what a title says when the sentence names no organisation.

The title rules of :mod:`.titles` read the organisation from the words around a title
("Turkish President X", "the head of the HTS, X").  Wire copy often leaves it out: the
reader knows whose minister "Defence Minister Ahmed Fiqi" is from the dateline.  These
helpers fill the gap:

- a state office ("Defence Minister", "army chief", "the prime minister, X") with no
  organisation named is an office of the article's home state (words in
  ``state_office_titles``);
- "the junta-appointed prime minister": the appointing side is the organisation;
- "Junta leader General X": a rank after the title is no title of its own;
- "Hezbollah's chief of staff": a title with its of-phrase ("chief of staff") is looked
  up whole.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..actors import Mention
from .context import Arg, Context
from .names import lookup_affix


def without_rank_tail(ctx: Context, title_words: list[str]) -> list[str]:
    """The title without the ranks that follow it ("junta leader general" -> "junta leader").

    Examples
    --------
    >>> from kg.extraction.lexicon import load_lexicon
    >>> class _Ctx:
    ...     lex = load_lexicon()
    >>> without_rank_tail(_Ctx(), ["junta", "leader", "general"])
    ['junta', 'leader']
    >>> without_rank_tail(_Ctx(), ["army", "spokesman", "brig.", "gen."])
    ['army', 'spokesman']
    >>> without_rank_tail(_Ctx(), ["major", "general"])
    ['major', 'general']
    """
    words = list(title_words)
    ranks = ctx.lex.words["ranks"]
    # "spokesman brig. gen." loses both ranks; "major general" alone stays the title
    while len(words) > 1 and words[-1] in ranks and any(w not in ranks for w in words[:-1]):
        words.pop()
    return words


def is_state_office(ctx: Context, title: str) -> bool:
    """True for a title that is an office of a state ("defence minister", "army chief"), also
    through an organ of the state it names ("government spokesman", "foreign office spokesman").

    Examples
    --------
    >>> from kg.extraction.lexicon import load_lexicon
    >>> class _Ctx:
    ...     lex = load_lexicon()
    >>> [is_state_office(_Ctx(), t) for t in ("defence minister", "military spokesman", "rebel army spokesman")]
    [True, True, False]
    """
    words = title.split()
    offices = ctx.lex.words["state_office_titles"]
    if any(ctx.lex.has("opposition_modifiers", w) for w in words):
        return False
    return bool(words) and (words[-1].endswith("minister") or any(
        " ".join(words[k:]) in offices for k in range(len(words)))
        or any(w in ctx.lex.words["state_organ_words"] for w in words[:-1]))


def is_portfolio_title(ctx: Context, title_words: list[str]) -> bool:
    """True for a title a name inside it may be the portfolio of ("National Security Minister
    X", "Homeland Security Secretary Y"), not the organisation.

    Examples
    --------
    >>> from kg.extraction.lexicon import load_lexicon
    >>> class _Ctx:
    ...     lex = load_lexicon()
    >>> is_portfolio_title(_Ctx(), ["minister"]), is_portfolio_title(_Ctx(), ["spokesman"])
    (True, False)
    """
    return not title_words or any(title_words[-1].endswith(w) for w in ctx.lex.words["portfolio_titles"])


def is_rank_and_file(ctx: Context, title_words: list[str], first: Token) -> bool:
    """True for a leader's title said of one among several ("a commander", "a senior
    leader"): a member, not the head.

    Examples
    --------
    >>> from kg.extraction.lexicon import load_lexicon
    >>> class _Ctx:
    ...     lex = load_lexicon()
    >>> import spacy
    >>> doc = spacy.blank("en")("a commander")
    >>> is_rank_and_file(_Ctx(), ["senior", "commander"], doc[1]), is_rank_and_file(_Ctx(), ["commander"], doc[0])
    (True, True)
    """
    return first.lower_ in ctx.lex.words["indefinite_determiners"] or any(
        w in ctx.lex.words["member_rank_words"] for w in title_words)


def home_office(ctx: Context, title: str, holder: Mention, at: Token) -> list[Arg]:
    """The state whose office a title no sentence ties to anyone is: the state named with the
    same title earlier ("Oman's foreign minister said ... Foreign Minister X said"), else the
    article's home state."""
    words = title.split()
    if not is_state_office(ctx, title):
        return []
    heads = ctx.lex.words["head_of_state_titles"]
    if any(w in ctx.lex.words["former_words"] for w in words) and not any(
            " ".join(words[k:]) in heads for k in range(len(words))):
        # a former head is coded like a present one ("former prime minister Hun Sen"); a former
        # police officer may be anything now
        return []
    earlier = _earlier_office(ctx, words, at)
    if earlier is not None:
        return [Arg(ctx.synthetic(earlier, holder), 0.8)]
    if ctx.actors.home is None:
        return []
    return [Arg(ctx.synthetic(ctx.actors.home, holder), 0.75)]


def _earlier_office(ctx: Context, words: list[str], at: Token) -> str | None:
    """The state of the same office named before ``at`` with its state ("Oman's foreign minister")."""
    last = words[-1]
    before = words[-2] if len(words) > 1 else None
    for tok in reversed(ctx.doc[:max(at.i - len(words), 0)]):
        if tok.lower_ != last or (before is not None and tok.i > 0 and ctx.doc[tok.i - 1].lower_ != before):
            continue
        for c in tok.children:
            m = ctx.mention(c) if c.dep_ in ("poss", "amod", "compound") else None
            if m is not None and m.actor and ctx.type_of(m.actor) in ("STATE", "GOVERNMENT"):
                return m.actor
    return None


def office_relation(ctx: Context, title: str, relation: str, holder: Mention, orgs: list[Arg] | None = None) -> str:
    """A deputy, the chief of one service ("army chief", "police chief") or any official of a
    state but its head ("Ukraine's top commander", "Russia's chief of general staff") is a
    member of it, unless the gazetteer knows the person to lead it."""
    words = title.split()
    if relation != "LEADS" or not words:
        return relation
    entry = ctx.gaz.entries.get(holder.actor or "")
    if entry is not None and entry.leads:
        return relation
    deputy = any(w in ctx.lex.words["deputy_words"] for w in words[:-1])
    service = any(" ".join(words[k:]) in ctx.lex.words["service_chief_titles"] for k in range(len(words)))
    heads = ctx.lex.words["head_of_state_titles"]
    of_state = bool(orgs) and all(ctx.type_of(ctx.agent_key(a.mention) or "") in ("STATE", "GOVERNMENT")
                                  for a in orgs or [])
    not_head = not any(" ".join(words[k:]) in heads for k in range(len(words)))
    if deputy or service or (of_state and not_head):
        return "MEMBER_OF"
    return relation


def appointing_side(ctx: Context, noun: Token) -> list[Arg]:
    """"the junta-appointed prime minister": the side that appointed the office holder."""
    out: list[Arg] = []
    suffixes = ctx.lex.words["appointing_affixes"]
    for c in noun.children:
        name, _, suffix = c.text.rpartition("-")
        if c.dep_ in ("amod", "compound") and name and suffix.lower() in suffixes:
            found = lookup_affix(ctx, name, c)
            if found is not None:
                out.append(Arg(found, 0.85))
    return out


def of_title(ctx: Context, m: Mention, title_words: list[str]) -> tuple[list[str], str | None]:
    """A title before a name that has an of-phrase ("military chief of staff Eyal Zamir"): its
    words with the "of" and the relation the lexicon gives the whole, else ``(title_words, None)``."""
    doc = ctx.doc
    words: list[str] = []
    k = m.start - 1
    while k >= 0 and not doc[k].is_punct and doc[k].lower_ not in ctx.lex.words["articles"] \
            and ctx.mention(doc[k]) is None and doc[k].pos_ not in ("VERB", "AUX"):
        words.insert(0, doc[k].lower_)
        k -= 1
    if "of" not in words:
        return title_words, None
    for n in range(len(words)):
        relation = ctx.lex.nouns.get(" ".join(words[n:]))
        if relation in ("LEADS", "MEMBER_OF"):
            return words, relation
    return title_words, None


def role_title(noun: Token) -> str:
    """A role noun with the words that make its title ("prime minister", "chief of staff")."""
    words = [c.lower_ for c in noun.children if c.dep_ in ("compound", "amod") and c.i == noun.i - 1] + [noun.lower_]
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of" and c.i == noun.i + 1:
            obj = next((p for p in c.children if p.dep_ == "pobj" and p.i == c.i + 1 and p.pos_ == "NOUN"), None)
            if obj is not None:
                words += ["of", obj.lower_]
    return " ".join(words)


def role_relation(ctx: Context, noun: Token, relation: str) -> str:
    """The relation of a role noun read with its of-phrase: "chief of staff" is a member."""
    title = role_title(noun)
    if " of " in title:
        return ctx.lex.nouns.get(title, relation) if ctx.lex.nouns.get(title) in ("LEADS", "MEMBER_OF") \
            else relation
    return relation
