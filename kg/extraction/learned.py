"""A learned pair classifier: relations between two actors of a sentence that no rule related.

Every ordered pair of distinct actors with mentions in one sentence is a candidate.  Its features
are general (no actor's name): the dependency path between the two mentions' roots, the lemma and
part of speech of the words on it and of their lowest common ancestor, the lexicon classes of
those words, both actors' types, their order and distance, whether a negation or condition
governs the path, and which relations the rules found for either actor in that sentence.  A
multinomial logistic regression (``scripts/train_pair_model.py``, trained on the team's gold sets)
gives each candidate a probability per relation type; given a model, the driver
(:class:`kg.extraction.relations.RelationExtractor`) adds the most probable type where it clears the
model's threshold and no rule related the pair in that sentence.

Measured leave-one-set-out, its additions were right too rarely to raise F1
(``docs/learned-pairs.md``), so no model ships and the driver runs without one.  A model, when
shipped as ``kg/data/pair_model.json`` (only the nonzero weights), is read once by
:func:`load_pair_model`; scoring a candidate is a sum of a few dozen weights.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Token

from ..model import ONTOLOGY
from .actors import Mention
from .lexicon import Lexicon
from .rules.clauses import blocked, verb_keys
from .rules.context import Context, Found

__all__ = ["PairCandidate", "PairModel", "learned_relations", "load_pair_model", "pair_candidates",
           "pair_features"]

#: The rule name learned relations carry on their evidence.
RULE = "learned"
#: The label of a pair the sentence relates in no way.
NONE = "NONE"
# paths longer than this (in arcs) are described by their length only: they are rarely a relation
_MAX_PATH = 6
_DISTANCE_BUCKETS = (1, 2, 3, 5, 8, 12, 20)


@dataclass(frozen=True)
class PairCandidate:
    """An ordered pair of actors named in one sentence of piece ``part``, with its features.

    ``char`` is where its anchor token (the pair's lowest common ancestor) starts in the piece,
    ``source_char`` and ``target_char`` where the two mentions start in the article.
    """

    source: str
    target: str
    part: int
    sentence: int
    char: int
    source_char: int
    target_char: int
    features: tuple[str, ...]


@dataclass(frozen=True)
class PairModel:
    """A multinomial logistic regression over pair features.

    ``weights[feature]`` maps a label's index to its weight (only nonzero weights are kept);
    ``threshold`` is the probability a relation must reach to be added, and ``precision`` the
    share of added relations that were right when it was measured (their confidence).

    Examples
    --------
    >>> model = PairModel(("NONE", "ATTACKS"), (0.0, -1.0), {"lca:strike": {1: 3.0}}, 0.5, 0.8)
    >>> model.best(["lca:strike"])
    ('ATTACKS', 0.881)
    >>> model.best(["lca:say"])
    ('NONE', 0.731)
    """

    labels: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, dict[int, float]]
    threshold: float
    precision: float

    def probabilities(self, features: Iterable[str]) -> list[float]:
        """The probability of each label (in the order of ``labels``) for a candidate's features."""
        scores = list(self.bias)
        for feature in features:
            for label, weight in self.weights.get(feature, {}).items():
                scores[label] += weight
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def best(self, features: Iterable[str]) -> tuple[str, float]:
        """The most probable label and its probability (rounded to 3 places)."""
        probs = self.probabilities(features)
        index = max(range(len(probs)), key=probs.__getitem__)
        return self.labels[index], round(probs[index], 3)

    @classmethod
    def from_json(cls, data: dict) -> PairModel:
        """Build from the shipped JSON layout (see ``scripts/train_pair_model.py``)."""
        weights = {f: {int(k): float(w) for k, w in row.items()} for f, row in data["weights"].items()}
        return cls(tuple(data["labels"]), tuple(float(b) for b in data["bias"]), weights,
                   float(data["threshold"]), float(data["precision"]))

    def to_json(self) -> dict:
        """The JSON layout :meth:`from_json` reads."""
        return {"labels": list(self.labels), "bias": list(self.bias), "threshold": self.threshold,
                "precision": self.precision,
                "weights": {f: {str(k): w for k, w in sorted(row.items())} for f, row in sorted(self.weights.items())}}


@cache
def load_pair_model() -> PairModel | None:
    """The shipped pair model, or None when the package has none.

    Examples
    --------
    >>> model = load_pair_model()
    >>> model is None or model.labels[0] == "NONE"
    True
    """
    path = resources.files("kg").joinpath("data/pair_model.json")
    if not path.is_file():
        return None
    return PairModel.from_json(json.loads(path.read_text(encoding="utf-8")))


# id of a lexicon's word classes -> (those classes, each word -> the classes it belongs to)
_CLASSES_OF: dict[int, tuple[object, dict[str, tuple[str, ...]]]] = {}


def _word_classes(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    """Each word of the lexicon's word classes -> the classes it belongs to (built once per lexicon)."""
    kept = _CLASSES_OF.get(id(lex.words))
    if kept is not None and kept[0] is lex.words:
        return kept[1]
    out: dict[str, list[str]] = defaultdict(list)
    for name, words in sorted(lex.words.items()):
        for word in words:
            out[word].append(name)
    table = {word: tuple(names) for word, names in out.items()}
    _CLASSES_OF[id(lex.words)] = (lex.words, table)
    return table


def _lexicon_features(lex: Lexicon, tok: Token, prefix: str) -> list[str]:
    """The lexicon's relations and word classes of one word."""
    lemma = tok.lemma_.lower()
    out = [f"{prefix}wc:{name}" for name in _word_classes(lex).get(lemma, ())]
    if tok.pos_ in ("VERB", "AUX"):
        relations = {lex.verbs[key] for key, _ in verb_keys(tok, lex) if key in lex.verbs}
        out += [f"{prefix}verb:{r}" for r in sorted(relations)]
    elif lemma in lex.nouns or tok.lower_ in lex.nouns:
        out.append(f"{prefix}noun:{lex.nouns.get(lemma) or lex.nouns[tok.lower_]}")
    if lex.has("light_verbs", lemma):
        out.append(f"{prefix}light")
    return out


def _ancestors(tok: Token) -> list[Token]:
    """The token and its heads up to the sentence root."""
    chain = [tok]
    while chain[-1].head.i != chain[-1].i and len(chain) < 40:
        chain.append(chain[-1].head)
    return chain


def _arc(tok: Token) -> str:
    """A path arc's label; a preposition keeps its word ("against" is not "alongside")."""
    return f"{tok.dep_}:{tok.lower_}" if tok.pos_ == "ADP" else tok.dep_


def _bucket(value: int) -> str:
    for edge in _DISTANCE_BUCKETS:
        if value <= edge:
            return f"<={edge}"
    return f">{_DISTANCE_BUCKETS[-1]}"


def pair_features(lex: Lexicon, source: Token, target: Token, source_type: str, target_type: str,
                  rule_roles: Iterable[str] = ()) -> list[str]:
    """The features of the pair of mentions rooted at ``source`` and ``target`` (one sentence).

    ``rule_roles`` are features naming what the rules found for either side in that sentence
    (``"s_src:ATTACKS"``: the source attacks someone there, by a rule).

    Examples
    --------
    >>> from kg.extraction.lexicon import load_lexicon
    >>> from kg.nlp import get_nlp
    >>> doc = get_nlp()[0]("Russia bombed Ukraine.")
    >>> feats = pair_features(load_lexicon(), doc[0], doc[2], "STATE", "STATE")
    >>> [f for f in feats if f.startswith(("path:", "lca:", "lca_verb:")) and "|" not in f]
    ['lca:bomb', 'lca_verb:ATTACKS', 'path:nsubj^VERB_dobj']
    """
    up = _ancestors(source)
    down = _ancestors(target)
    down_ids = {t.i: n for n, t in enumerate(down)}
    lca_at = next(n for n, t in enumerate(up) if t.i in down_ids)
    lca = up[lca_at]
    up_arcs = up[:lca_at]
    down_arcs = down[:down_ids[lca.i]]
    length = len(up_arcs) + len(down_arcs)
    feats = [f"stype:{source_type}", f"ttype:{target_type}", f"types:{source_type}>{target_type}",
             f"order:{'st' if source.i < target.i else 'ts'}", f"dist:{_bucket(abs(source.i - target.i))}",
             f"len:{_bucket(length)}", f"sdep:{source.dep_}", f"tdep:{target.dep_}"]
    if length > _MAX_PATH:
        path = "path:long"
    else:
        arcs = [f"{_arc(t)}^" for t in up_arcs] + [lca.pos_] + [f"_{_arc(t)}" for t in reversed(down_arcs)]
        path = "path:" + "".join(arcs)
    feats += [path, f"lca:{lca.lemma_.lower()}", f"lcapos:{lca.pos_}"]
    if lca.i == source.i:
        feats.append("lca=source")
    elif lca.i == target.i:
        feats.append("lca=target")
    lca_lexicon = _lexicon_features(lex, lca, "lca_")
    # the path with the kinds of its ends, and with the relation its top word says
    feats += lca_lexicon + [f"{path}|stype:{source_type}", f"{path}|ttype:{target_type}"]
    feats += [f"{word}|{path}" for word in lca_lexicon]
    inner = [t for t in up_arcs[1:] + down_arcs[1:] if t.i != lca.i]
    for tok in inner:
        if tok.pos_ in ("VERB", "NOUN", "ADP", "ADJ", "PROPN"):
            feats.append(f"pw:{tok.lemma_.lower()}")
        feats += _lexicon_features(lex, tok, "pw_")
    if blocked(lex, lca) or any(c.dep_ == "neg" for t in inner + [lca] for c in t.children):
        feats.append("blocked")
    if any(c.dep_ == "aux" and c.lower_ in lex.hedges for c in lca.children):
        feats.append("modal")
    feats += rule_roles
    return sorted(set(feats))


def _keys(m: Mention) -> set[str]:
    """The actors a mention stands for: its own, and the one it acts for (a capital's state)."""
    return {k for k in (m.actor, m.agent) if k}


def pair_candidates(ctx: Context, found: list[Found], related_too: bool = False) -> list[PairCandidate]:
    """Every ordered pair of distinct actors named in one sentence, with its features.

    Each pair is taken once per sentence, at its two closest mentions; pairs a rule related
    (either way) in that sentence are left out (``related_too``: kept, with the feature ``ruled``).
    Two mentions of one side ("Moscow" and "Russia") make no pair.

    Examples
    --------
    >>> from kg.extraction.actors import MentionFinder
    >>> from kg.extraction.lexicon import load_lexicon
    >>> from kg.extraction.resolution import Resolver
    >>> from kg.nlp import get_nlp
    >>> nlp, gaz = get_nlp()
    >>> doc = nlp("Putin spoke about Iran.")
    >>> actors = Resolver(gaz).resolve(MentionFinder(gaz, load_lexicon()).find(0, doc, 0), [doc])
    >>> [(c.source, c.target) for c in pair_candidates(Context(gaz, load_lexicon(), actors, [doc], [0]), [])]
    [('Iran', 'Vladimir Putin'), ('Vladimir Putin', 'Iran')]
    """
    by_sentence: dict[tuple[int, int], list[Mention]] = defaultdict(list)
    for m in ctx.actors.mentions:
        if m.part < len(ctx.docs):
            by_sentence[(m.part, ctx.docs[m.part][m.root].sent.start)].append(m)
    related: set[tuple[int, int, str, str]] = set()
    roles: dict[tuple[int, int, str], set[str]] = defaultdict(set)
    for f in found:
        doc = ctx.docs[f.part]
        at = doc.char_span(f.char, f.char + 1, alignment_mode="expand")
        if at is None:
            continue
        start = at[0].sent.start
        related |= {(f.part, start, f.source, f.target), (f.part, start, f.target, f.source)}
        roles[(f.part, start, f.source)].add(f"src:{f.relation}")
        roles[(f.part, start, f.target)].add(f"tgt:{f.relation}")
    out = []
    for (part, start), mentions in sorted(by_sentence.items(), key=lambda kv: kv[0]):
        doc = ctx.docs[part]
        closest: dict[tuple[str, str], tuple[int, Mention, Mention]] = {}
        for a in mentions:
            for b in mentions:
                if a.start < b.end and b.start < a.end:
                    continue  # one name inside the other ("Sudan" in "Sudan Liberation Army")
                keys_a, keys_b = _keys(a), _keys(b)
                if keys_a & keys_b:
                    continue  # "Moscow" and "Russia" are one side
                for ka in keys_a:
                    for kb in keys_b:
                        if (part, start, ka, kb) in related and not related_too:
                            continue
                        distance = abs(a.root - b.root)
                        if (ka, kb) not in closest or distance < closest[(ka, kb)][0]:
                            closest[(ka, kb)] = (distance, a, b)
        for (ka, kb), (_, a, b) in sorted(closest.items(), key=lambda kv: kv[0]):
            rule_roles = [f"s_{r}" for r in roles.get((part, start, ka), ())] + [
                f"t_{r}" for r in roles.get((part, start, kb), ())]
            source, target = doc[a.root], doc[b.root]
            if (part, start, ka, kb) in related:
                rule_roles.append("ruled")
            feats = pair_features(ctx.lex, source, target, ctx.type_of(ka), ctx.type_of(kb), rule_roles)
            anchor = _ancestors(source)
            down = {t.i for t in _ancestors(target)}
            lca = next(t for t in anchor if t.i in down)
            out.append(PairCandidate(ka, kb, part, start, lca.idx, a.char_start, b.char_start, tuple(feats)))
    return out


def learned_relations(ctx: Context, found: list[Found], model: PairModel,
                      candidates: list[PairCandidate] | None = None) -> list[Found]:
    """The relations the model adds to the rules' ``found`` (rule ``learned``).

    A candidate gets its most probable type where that is a relation at or above the model's
    threshold; a symmetric relation said both ways is kept once, the more probable way.

    Examples
    --------
    >>> from kg.pipeline import Extractor
    >>> ex = Extractor()
    >>> doc = ex.nlp("Putin spoke about Iran.")
    >>> ctx = ex.relations.context([doc], ex.resolver.resolve(ex.finder.find(0, doc, 0), [doc]), [0])
    >>> talks = PairModel(("NONE", "NEGOTIATES_WITH"), (0.0, 2.0), {}, 0.5, 0.6)
    >>> [(f.source, f.relation, f.target, f.rule) for f in learned_relations(ctx, [], talks)]
    [('Iran', 'NEGOTIATES_WITH', 'Vladimir Putin', 'learned')]
    """
    return choose(candidates if candidates is not None else pair_candidates(ctx, found), model.best,
                  model.threshold, model.precision)


def choose(candidates: list[PairCandidate], best: Callable[[Iterable[str]], tuple[str, float]],
           threshold: float, confidence: float) -> list[Found]:
    """The relations (rule ``learned``, of ``confidence``) of the candidates whose best label under
    ``best`` is a relation at or above ``threshold``.

    Examples
    --------
    >>> pair = PairCandidate("Hamas", "Israel", 0, 0, 6, 0, 20, ("lca:fire",))
    >>> choose([pair], lambda feats: ("ATTACKS", 0.9), 0.5, 0.6)
    [Found(source='Hamas', relation='ATTACKS', target='Israel', part=0, char=6, rule='learned', confidence=0.6)]
    >>> choose([pair], lambda feats: ("ATTACKS", 0.4), 0.5, 0.6)
    []
    """
    picked: dict[tuple[int, int, str, str, str], tuple[float, Found]] = {}
    for c in candidates:
        label, prob = best(c.features)
        if label == NONE or prob < threshold:
            continue
        ends = (c.source, c.target)
        if ONTOLOGY[label].symmetric:
            ends = tuple(sorted(ends))  # type: ignore[assignment]
        key = (c.part, c.sentence, label, *ends)
        f = Found(c.source, label, c.target, c.part, c.char, RULE, confidence)
        if key not in picked or prob > picked[key][0]:
            picked[key] = (prob, f)
    return [f for _, f in picked.values()]
