#!/usr/bin/env python3
"""Train the pair classifier (``kg/extraction/learned.py``) on the gold sets, and measure it honestly.

    python scripts/train_pair_model.py                 # the leave-one-set-out table (10 to 60 minutes)
    python scripts/train_pair_model.py --threshold 0.8 # the same at a fixed threshold (a few minutes)
    python scripts/train_pair_model.py --write         # also write kg/data/pair_model.json

Every ordered pair of actors named in one sentence that no rule related there is a candidate
(:func:`kg.extraction.learned.pair_candidates`); its label is the gold relation whose evidence
sentence holds both mentions and whose ends match the pair's names the way ``kg eval`` matches them
(either way round for a symmetric relation), else ``NONE``.  The model is a multinomial logistic
regression with an L2 penalty, fitted with numpy by full-batch Adam from zero weights: nothing is
drawn at random, so the same data give the same weights.

Leave-one-set-out: for each gold set, a model is trained on the other sets, its threshold chosen
by an inner leave-one-set-out over those sets (the lowest probability at which the relations it
adds are right at least ``--target`` of the time), and the set is scored with and without the
relations it adds.  A model to ship (``--write``) is trained on every set, with the threshold the
outer folds' pooled predictions give; none is written when no threshold reaches ``--target``.
Weights under ``--prune`` are dropped, so that the file stays small.  The driver uses a model only
when one is given to it (see ``docs/learned-pairs.md`` for why none is).  The held-out set 6 is
never read.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.evaluation import Counts, GoldSet, Predictions, normalise_name, score  # noqa: E402
from kg.extraction.learned import NONE, PairCandidate, PairModel, choose, pair_candidates  # noqa: E402
from kg.extraction.relations import RelationExtractor  # noqa: E402
from kg.graph import KnowledgeGraph  # noqa: E402
from kg.inputs import InputReport, read_documents  # noqa: E402
from kg.model import ONTOLOGY, Extraction, slugify  # noqa: E402
from kg.pipeline import Extractor  # noqa: E402

#: Never read: the held-out set being written for the next score.
NEVER = ("heldout6",)
#: Sets written in the style of wire copy: their precision must stay high.
WIRE_STYLE = ("wire-dev", "wire-a", "wire-b")
LABELS = (NONE, *ONTOLOGY)


def _gold_sets() -> dict[str, tuple[Path, list[Path]]]:
    """The gold sets as ``scripts/rule_precision.py`` lists them (name -> folder, articles)."""
    spec = importlib.util.spec_from_file_location("rule_precision", ROOT / "scripts" / "rule_precision.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {name: value for name, value in module.gold_sets().items() if name not in NEVER}


@dataclass
class Article:
    """One extracted article: what the rules found and the pair candidates, with their labels."""

    extraction_parts: tuple
    rules: list
    candidates: list[PairCandidate]
    labels: list[list[str]]  # per candidate: the gold relations of its sentence (empty: NONE)
    doc_labels: list[set[str]]  # per candidate: the gold relations of the pair anywhere in the article


@dataclass
class GoldData:
    name: str
    gold: GoldSet
    articles: list[Article] = field(default_factory=list)


def _names(doc_id: str, actors) -> dict[str, set[str]]:
    return {a.id: {normalise_name(a.name)} | {normalise_name(x) for x in a.aliases} for a in actors}


def _matches(gold: GoldSet, doc_id: str, g: dict, names: dict[str, set[str]], source: str, target: str) -> bool:
    relation = g["relation"]
    gs = gold.names_of(doc_id, g["source"], relation)
    gt = gold.names_of(doc_id, g["target"], relation)
    ps, pt = names.get(slugify(source), set()), names.get(slugify(target), set())
    symmetric = bool(g.get("symmetric")) or ONTOLOGY[relation].symmetric
    return bool((ps & gs and pt & gt) or (symmetric and ps & gt and pt & gs))


def read_set(ex: Extractor, rules: RelationExtractor, name: str, folder: Path, paths: list[Path]) -> GoldData:
    """Extract a gold set's articles with the rules alone and label their pair candidates."""
    gold = GoldSet.read(folder)
    data = GoldData(name, gold)
    wanted = set(gold.documents)
    for document in read_documents(paths, InputReport()):
        if document.id not in wanted:
            continue
        job = ex._prepare(document, document.id)
        docs = ex._parse([text for _, text in job.pieces])
        pieces = [(d, offset) for d, (offset, _) in zip(docs, job.pieces, strict=True)]
        mentions = []
        for part, (d, offset) in enumerate(pieces):
            mentions += ex.finder.find(part, d, offset)
        actors = ex.resolver.resolve(mentions, docs)
        ctx = rules.context(docs, actors, [o for _, o in pieces])
        found = rules.rule_relations(ctx)
        candidates = pair_candidates(ctx, found)
        government = {k: r.government for k, r in actors.actors.items()}
        names = _names(document.id, actors.to_actors(ex.gazetteer))
        for k, flag in government.items():  # to_actors settles these; the scoring below starts afresh
            actors.actors[k].government = flag
        golds = [g for g in gold.relations if g["doc"] == document.id]
        spans = [(document.text.find(g["evidence"]), len(g.get("evidence", ""))) for g in golds]
        labels, doc_labels = [], []
        for c in candidates:
            pair = [g for g in golds if _matches(gold, document.id, g, names, c.source, c.target)]
            doc_labels.append({g["relation"] for g in pair})
            labels.append(sorted({g["relation"] for g, (at, size) in zip(golds, spans, strict=True)
                                  if g in pair and at >= 0 and at <= c.source_char <= at + size
                                  and at <= c.target_char <= at + size}))
        data.articles.append(Article((document, pieces, job, ctx, government), found, candidates, labels,
                                     doc_labels))
    return data


def score_set(ex: Extractor, data: GoldData, added: list[list]) -> Counts:
    """Score a set with the rules' relations plus ``added`` (one list of Found per article)."""
    graph = KnowledgeGraph()
    for article, extra in zip(data.articles, added, strict=True):
        document, pieces, job, ctx, government = article.extraction_parts
        for k, flag in government.items():
            ctx.actors.actors[k].government = flag
        found = RelationExtractor.guarded(ctx, article.rules + extra)
        relations = ex._relations(document, pieces[:job.chunk_count], [o for _, o in pieces], found)
        related = {f.source for f in found} | {f.target for f in found}
        graph.add(Extraction(document, ctx.actors.to_actors(ex.gazetteer, related), relations))
    return score(data.gold, Predictions.from_graph(graph)).relations


# -- the model --------------------------------------------------------------------------------


def _rows(sets: list[GoldData]) -> tuple[list[tuple[str, ...]], np.ndarray]:
    """Training rows: one per candidate and gold label (a candidate without one is NONE)."""
    feats, ys = [], []
    for data in sets:
        for article in data.articles:
            for c, labels in zip(article.candidates, article.labels, strict=True):
                for label in labels or [NONE]:
                    feats.append(c.features)
                    ys.append(LABELS.index(label))
    return feats, np.array(ys, dtype=np.int64)


def train(sets: list[GoldData], l2: float, min_count: int, steps: int, prune: float) -> PairModel:
    """Fit the regression on the candidates of ``sets`` (threshold and precision left at 1)."""
    feats, y = _rows(sets)
    counts: dict[str, int] = defaultdict(int)
    for row in feats:
        for f in row:
            counts[f] += 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    cols = [sorted({vocab[f] for f in row if f in vocab}) for row in feats]
    n, k = len(cols), len(LABELS)
    # sparse rows as flat arrays: row r's features are index[indptr[r]:indptr[r + 1]] (every row has
    # at least its type features, so none is empty); the same entries sorted by feature, for the gradient
    indptr = np.cumsum([0] + [len(c) for c in cols])
    index = np.array([i for c in cols for i in c], dtype=np.int64)
    row_of = np.repeat(np.arange(n), np.diff(indptr))
    by_feature = np.argsort(index, kind="stable")
    used, feature_start = np.unique(index[by_feature], return_index=True)
    w = np.zeros((len(vocab), k), dtype=np.float32)
    b = np.log(np.bincount(y, minlength=k) + 1.0)
    onehot = np.eye(k, dtype=np.float32)[y]
    m_w, v_w, m_b, v_b = np.zeros_like(w), np.zeros_like(w), np.zeros(k), np.zeros(k)
    rate, beta1, beta2 = 0.07, 0.9, 0.999
    for step in range(1, steps + 1):
        scores = np.add.reduceat(w[index], indptr[:-1], axis=0) + b
        scores -= scores.max(axis=1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(axis=1, keepdims=True)
        grad_rows = (probs - onehot) / n
        grad_w = l2 * w / n
        grad_w[used] += np.add.reduceat(grad_rows[row_of[by_feature]], feature_start, axis=0)
        grad_b = grad_rows.sum(axis=0)
        for param, grad, m, v in ((w, grad_w, m_w, v_w), (b, grad_b, m_b, v_b)):
            m *= beta1
            m += (1 - beta1) * grad
            v *= beta2
            v += (1 - beta2) * grad * grad
            param -= rate * (m / (1 - beta1 ** step)) / (np.sqrt(v / (1 - beta2 ** step)) + 1e-8)
    names = sorted(vocab, key=vocab.__getitem__)
    weights = {}
    for f, row in zip(names, w, strict=True):
        kept = {j: round(float(x), 3) for j, x in enumerate(row) if abs(x) >= prune}
        if kept:
            weights[f] = kept
    return PairModel(LABELS, tuple(round(float(x), 3) for x in b), weights, 1.0, 1.0)


def _added(data: GoldData, model: PairModel, threshold: float) -> list[list]:
    return [choose(a.candidates, model.best, threshold, 1.0) for a in data.articles]


def _predictions(sets: list[GoldData], model: PairModel) -> list[tuple[float, bool, tuple]]:
    """Per distinct added triple: its best probability, whether a gold relation of the article says
    it, and its key (the scorer's view of what the model adds)."""
    best: dict[tuple, tuple[float, bool]] = {}
    for data in sets:
        for n, article in enumerate(data.articles):
            for c, doc_labels in zip(article.candidates, article.doc_labels, strict=True):
                label, prob = model.best(c.features)
                if label == NONE:
                    continue
                key = (data.name, n, c.source, label, c.target)
                if key not in best or prob > best[key][0]:
                    best[key] = (prob, label in doc_labels)
    return [(p, right, key) for key, (p, right) in best.items()]


def pick_threshold(predictions: list[tuple[float, bool, tuple]], target: float, least: int = 5) -> tuple[float, float]:
    """The lowest probability at which the added triples are right at least ``target`` of the time
    (over at least ``least`` of them), and that precision; (1.0, 0.0) when none is."""
    ranked = sorted(predictions, key=lambda p: -p[0])
    right = 0
    choice = (1.0, 0.0)
    for n, (prob, ok, _) in enumerate(ranked, 1):
        right += ok
        if n >= least and right / n >= target and (n == len(ranked) or ranked[n][0] < prob):
            choice = (prob, right / n)
    return choice


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0], epilog="\n".join(__doc__.splitlines()[1:]),
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--skip", action="append", default=[], help="leave a gold set out of everything")
    ap.add_argument("--target", type=float, default=0.75, help="precision the added relations must reach (0.75)")
    ap.add_argument("--l2", type=float, default=1.0, help="L2 penalty (1.0)")
    ap.add_argument("--min-count", type=int, default=2, help="a feature must occur this often in training (2)")
    ap.add_argument("--steps", type=int, default=200, help="Adam steps (200)")
    ap.add_argument("--prune", type=float, default=0.05, help="drop weights smaller than this (0.05)")
    ap.add_argument("--threshold", type=float, default=None,
                    help="add at this probability in every fold instead of choosing it (to show the trade-off)")
    ap.add_argument("--no-inner", action="store_true",
                    help="choose each fold's threshold on its training sets' own predictions (faster, optimistic)")
    ap.add_argument("--write", action="store_true", help="write kg/data/pair_model.json (when a threshold is found)")
    args = ap.parse_args()

    ex = Extractor()
    rules = RelationExtractor(ex.gazetteer, ex.lexicon)
    sets = [read_set(ex, rules, name, folder, paths) for name, (folder, paths) in _gold_sets().items()
            if name not in args.skip]
    print(f"candidates: {sum(len(a.candidates) for s in sets for a in s.articles)}, with a relation: "
          f"{sum(bool(lab) for s in sets for a in s.articles for lab in a.labels)}", file=sys.stderr)

    def fit(training: list[GoldData]) -> PairModel:
        return train(training, args.l2, args.min_count, args.steps, args.prune)

    print("| set | rules P / R / F1 | + learned P / R / F1 | added | threshold |")
    print("|---|---|---|---|---|")
    pooled_before, pooled_after = Counts(), Counts()
    outer: list[tuple[float, bool, tuple]] = []
    for held in sets:
        training = [s for s in sets if s is not held]
        model = fit(training)
        if args.threshold is not None:
            threshold = args.threshold
        else:
            if args.no_inner:
                inner = _predictions(training, model)
            else:
                inner = [p for s in training for p in _predictions([s], fit([t for t in training if t is not s]))]
            threshold, _ = pick_threshold(inner, args.target)
        outer += _predictions([held], model)
        before = score_set(ex, held, [[] for _ in held.articles])
        added = _added(held, model, threshold)
        after = score_set(ex, held, added)
        for total, c in ((pooled_before, before), (pooled_after, after)):
            for attr in ("hits", "predicted", "found", "gold"):
                setattr(total, attr, getattr(total, attr) + getattr(c, attr))
        print(f"| {held.name} | {before.precision:.3f} / {before.recall:.3f} / {before.f1:.3f} | "
              f"{after.precision:.3f} / {after.recall:.3f} / **{after.f1:.3f}** | "
              f"{sum(len(a) for a in added)} | {threshold:.2f} |", flush=True)
    b, a = pooled_before, pooled_after
    print(f"| pooled | {b.precision:.3f} / {b.recall:.3f} / {b.f1:.3f} | "
          f"{a.precision:.3f} / {a.recall:.3f} / **{a.f1:.3f}** | | |")
    threshold, precision = pick_threshold(outer, args.target)
    model = fit(sets)
    model = PairModel(model.labels, model.bias, model.weights, round(threshold, 3), round(precision, 2))
    print(f"\nshipped: threshold {model.threshold}, precision of the added relations out of fold {model.precision}, "
          f"{sum(len(r) for r in model.weights.values())} weights over {len(model.weights)} features", file=sys.stderr)
    if args.write and precision == 0.0:
        print("no threshold reaches the target precision: nothing written", file=sys.stderr)
    elif args.write:
        path = ROOT / "kg" / "data" / "pair_model.json"
        path.write_text(json.dumps(model.to_json(), separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {path} ({path.stat().st_size} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
