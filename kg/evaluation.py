"""Score an extraction against a hand-annotated gold set: precision, recall and F1 of relations,
overall, per relation type, per document and per rule, with the misses and false hits listed.

A gold folder holds the articles as ``<doc id>.txt`` and three annotation files:

- ``actors.jsonl``: ``{"doc", "name", "type", "aliases": [...]}``, one actor of one document a line;
- ``relations.jsonl``: ``{"doc", "source", "relation", "target", "symmetric", "evidence"}``, where
  ``source`` and ``target`` are actor names of that document and ``evidence`` the sentence;
- ``equivalents.json`` (optional): ``{"Bashar al-Assad": ["Syrian government"]}``, names that stand
  for each other in any relation but LEADS and MEMBER_OF.

Matching is by name: a gold relation is found when a predicted relation of the same document has
its type, and a source and target that share a normalised name or alias with the gold ones (in
either direction for symmetric relations). Every predicted relation that says a found gold fact is
a true hit; the others are false hits. Predictions are counted once per distinct
``(doc, source, relation, target)``. This is the team's scoring convention
(``eval/score.py`` in the shared evaluation data), re-implemented here so that analysts can score
their own annotated articles with ``kg eval``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .graph import KnowledgeGraph
from .inputs import InputReport
from .model import ONTOLOGY

#: Relations whose names never stand for another actor (structure is about the person itself).
STRUCTURAL_RELATIONS = frozenset({"LEADS", "MEMBER_OF"})

_PUNCTUATION = re.compile(r"[-_./,()\"']")
_ARTICLE = re.compile(r"^(the|a|an)\s+")
_POSSESSIVE = re.compile(r"'s\b")
_SPACES = re.compile(r"\s+")


def normalise_name(name: str) -> str:
    """Return the form under which two names of an actor are compared.

    Accents are dropped, case is folded, possessives, punctuation and a leading article go.

    Examples
    --------
    >>> normalise_name("the Kremlin's")
    'kremlin'
    >>> normalise_name("Hayat Tahrir al-Sham")
    'hayat tahrir al sham'
    >>> normalise_name("The Rapid Support Forces'")
    'rapid support forces'
    """
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = text.casefold().replace("\u2019", "'")
    text = _POSSESSIVE.sub("", text)
    text = _PUNCTUATION.sub(" ", text)
    text = _ARTICLE.sub("", text.strip())
    return _SPACES.sub(" ", text).strip()


Triple = tuple[str, str, str, str]  # (doc, source name, relation, target name)


@dataclass
class GoldSet:
    """A gold folder read into memory (see the module docstring for its files)."""

    folder: Path
    names: dict[tuple[str, str], set[str]]
    equivalents: dict[str, list[str]]
    relations: list[dict[str, Any]]

    @classmethod
    def read(cls, folder: str | Path) -> GoldSet:
        """Read a gold folder.

        Raises
        ------
        InputError
            When a file is missing, a line is not JSON or lacks a field, or a relation type is unknown.
        """
        folder = Path(folder)
        actors = _read_jsonl(folder / "actors.jsonl", ("doc", "name"))
        relations = _read_jsonl(folder / "relations.jsonl", ("doc", "source", "relation", "target"))
        names: dict[tuple[str, str], set[str]] = {}
        for a in actors:
            names[(a["doc"], a["name"])] = {normalise_name(a["name"])} | {
                normalise_name(x) for x in a.get("aliases", [])
            }
        for n, r in enumerate(relations, 1):
            if r["relation"] not in ONTOLOGY:
                raise InputError(f"{folder / 'relations.jsonl'}:{n}: unknown relation type {r['relation']!r}")
            # aliases given on a relation line count as names of that actor in that document
            for end in ("source", "target"):
                key = (r["doc"], r[end])
                names.setdefault(key, {normalise_name(r[end])})
                names[key] |= {normalise_name(x) for x in r.get(f"{end}_aliases", [])}
        equivalents: dict[str, list[str]] = {}
        eq_path = folder / "equivalents.json"
        if eq_path.is_file():
            try:
                equivalents = json.loads(eq_path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
                raise InputError(f"{eq_path}: cannot read: {e}") from e
        return cls(folder, names, equivalents, relations)

    @property
    def documents(self) -> list[str]:
        """Every document id the gold annotates, sorted."""
        return sorted({r["doc"] for r in self.relations} | {d for d, _ in self.names})

    def articles(self) -> list[Path]:
        """The article files of the gold's documents that exist in its folder."""
        return [p for d in self.documents if (p := self.folder / f"{d}.txt").is_file()]

    def names_of(self, doc: str, name: str, relation: str) -> set[str]:
        """Normalised names that match the gold actor ``name`` of ``doc`` in a ``relation``."""
        out = set(self.names.get((doc, name), {normalise_name(name)}))
        if relation not in STRUCTURAL_RELATIONS:
            for other in self.equivalents.get(name, []):
                out |= self.names.get((doc, other), {normalise_name(other)})
        return out


@dataclass
class Predictions:
    """What an extraction says, reduced to what scoring needs."""

    names: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    triples: set[Triple] = field(default_factory=set)
    rules: dict[Triple, set[str]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def from_records(cls, records: Iterable[dict[str, Any]]) -> Predictions:
        """Build from ``kg extract --format jsonl`` records (``actor`` and ``relation`` lines)."""
        out = cls()
        for obj in records:
            kind = obj.get("kind")
            if kind == "actor":
                key = (obj["doc"], obj["name"])
                out.names[key] |= {normalise_name(obj["name"])} | {normalise_name(x) for x in obj.get("aliases", [])}
            elif kind == "relation":
                triple = (obj["doc"], obj["source"], obj["relation"].upper(), obj["target"])
                out.triples.add(triple)
                out.rules[triple].add(obj.get("rule") or "?")
        return out

    @classmethod
    def from_graph(cls, graph: KnowledgeGraph) -> Predictions:
        """Build from a :class:`~kg.graph.KnowledgeGraph`."""
        return cls.from_records(graph.iter_jsonl_records())

    @classmethod
    def read(cls, path: str | Path) -> Predictions:
        """Read a saved extraction (``kg extract --format jsonl`` output)."""
        return cls.from_records(_read_jsonl(Path(path), ()))

    def names_of(self, doc: str, name: str) -> set[str]:
        return self.names.get((doc, name), {normalise_name(name)})


@dataclass
class Counts:
    """True hits among predictions, predictions, gold relations found and gold relations."""

    hits: int = 0
    predicted: int = 0
    found: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.hits / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "gold": self.gold,
            "found": self.found,
            "predicted": self.predicted,
            "hits": self.hits,
        }


@dataclass
class Score:
    """The result of :func:`score`."""

    relations: Counts
    by_type: dict[str, Counts]
    by_doc: dict[str, Counts]
    by_rule: dict[str, Counts]
    gold_actors: int
    actors_found: int
    actors_resolved: int
    missed: list[str]
    false_hits: list[str]

    @property
    def actors_recall(self) -> float:
        return self.actors_found / self.gold_actors if self.gold_actors else 0.0

    @property
    def actors_resolved_share(self) -> float:
        return self.actors_resolved / self.gold_actors if self.gold_actors else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The score as plain data (what ``kg eval --format json`` prints)."""
        return {
            "relations": self.relations.to_dict(),
            "actors": {
                "recall": round(self.actors_recall, 3),
                "resolved": round(self.actors_resolved_share, 3),
                "gold": self.gold_actors,
                "found": self.actors_found,
            },
            "by_type": {k: v.to_dict() for k, v in sorted(self.by_type.items())},
            "by_doc": {k: v.to_dict() for k, v in sorted(self.by_doc.items())},
            "by_rule": {k: v.to_dict() for k, v in sorted(self.by_rule.items())},
            "missed": self.missed,
            "false_hits": self.false_hits,
        }


def score(gold: GoldSet, predicted: Predictions) -> Score:
    """Score predictions against a gold set.

    Parameters
    ----------
    gold : GoldSet
    predicted : Predictions

    Returns
    -------
    Score

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "actors.jsonl").write_text(
    ...     '{"doc": "d", "name": "Russia", "type": "STATE", "aliases": ["Moscow"]}\\n'
    ...     '{"doc": "d", "name": "Bashar al-Assad", "type": "PERSON", "aliases": ["Assad"]}\\n')
    >>> _ = (folder / "relations.jsonl").write_text(
    ...     '{"doc": "d", "source": "Russia", "relation": "BACKS", "target": "Bashar al-Assad", '
    ...     '"symmetric": false, "evidence": "Moscow backs Assad."}\\n')
    >>> pred = Predictions.from_records([
    ...     {"kind": "actor", "doc": "d", "name": "Russia", "aliases": ["Moscow"]},
    ...     {"kind": "actor", "doc": "d", "name": "Assad", "aliases": []},
    ...     {"kind": "relation", "doc": "d", "source": "Russia", "relation": "BACKS", "target": "Assad",
    ...      "rule": "verb"},
    ...     {"kind": "relation", "doc": "d", "source": "Assad", "relation": "ATTACKS", "target": "Russia",
    ...      "rule": "verb"}])
    >>> s = score(GoldSet.read(folder), pred)
    >>> s.relations.precision, s.relations.recall, s.false_hits
    (0.5, 1.0, ['d: Assad -ATTACKS-> Russia'])
    >>> s.by_rule["verb"].hits, s.by_rule["verb"].predicted
    (1, 2)
    """
    total = Counts()
    by_type: dict[str, Counts] = defaultdict(Counts)
    by_doc: dict[str, Counts] = defaultdict(Counts)
    by_rule: dict[str, Counts] = defaultdict(Counts)
    missed: list[str] = []
    false_hits: list[str] = []
    gold_actors = actors_found = actors_resolved = 0

    for doc in gold.documents:
        golds = [r for r in gold.relations if r["doc"] == doc]
        preds = sorted(t for t in predicted.triples if t[0] == doc)
        true_hits: set[Triple] = set()
        for g in golds:
            relation = g["relation"]
            symmetric = bool(g.get("symmetric")) or ONTOLOGY[relation].symmetric
            gs = gold.names_of(doc, g["source"], relation)
            gt = gold.names_of(doc, g["target"], relation)
            saying = [
                t
                for t in preds
                if t[2] == relation
                and _ends_match(predicted.names_of(doc, t[1]), predicted.names_of(doc, t[3]), gs, gt, symmetric)
            ]
            for counts in (total, by_type[relation], by_doc[doc]):
                counts.gold += 1
                counts.found += bool(saying)
            if saying:
                true_hits.update(saying)
            else:
                missed.append(f"{doc}: {g['source']} -{relation}-> {g['target']}")
        for t in preds:
            hit = t in true_hits
            for counts in (total, by_type[t[2]], by_doc[doc]):
                counts.predicted += 1
                counts.hits += hit
            for rule in predicted.rules.get(t, {"?"}):
                by_rule[rule].predicted += 1
                by_rule[rule].hits += hit
            if not hit:
                false_hits.append(f"{doc}: {t[1]} -{t[2]}-> {t[3]}")
        for key, names in gold.names.items():
            if key[0] != doc:
                continue
            claimed = sum(1 for pk, pn in predicted.names.items() if pk[0] == doc and names & pn)
            gold_actors += 1
            actors_found += claimed >= 1
            actors_resolved += claimed == 1
    return Score(
        total, dict(by_type), dict(by_doc), dict(by_rule), gold_actors, actors_found, actors_resolved,
        missed, false_hits,
    )


def _ends_match(ps: set[str], po: set[str], gs: set[str], gt: set[str], symmetric: bool) -> bool:
    return bool((ps & gs and po & gt) or (symmetric and ps & gt and po & gs))


def _read_jsonl(path: Path, required: tuple[str, ...]) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as e:
        raise InputError(f"{path}: no such file") from e
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read: {e}") from e
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{path}:{n}: not JSON: {e.msg}") from e
        if not isinstance(obj, dict) or any(k not in obj for k in required):
            raise InputError(f"{path}:{n}: needs the fields {', '.join(required)}")
        out.append(obj)
    return out


def evaluate(
    gold_dir: str | Path,
    paths: Iterable[str | Path] = (),
    actors_file: str | Path | None = None,
    report: InputReport | None = None,
) -> Score:
    """Extract a gold set's articles (or read saved extractions) and score them.

    Parameters
    ----------
    gold_dir : path
        A gold folder (see the module docstring).
    paths : paths, optional
        Saved extractions (``kg extract`` JSONL) to score, or articles to extract. When empty, the
        gold folder's own ``<doc>.txt`` articles are extracted.
    actors_file : path, optional
        Your own actors, as for :func:`kg.extract`.
    report : InputReport, optional
        Collects one message per unreadable input (the others are still scored).

    Returns
    -------
    Score

    Raises
    ------
    InputError
        When the gold folder is incomplete or malformed, or when it has no articles and no paths
        were given.
    """
    from .pipeline import load_graph

    gold = GoldSet.read(gold_dir)
    inputs = list(paths) or list(gold.articles())
    if not inputs:
        raise InputError(f"{gold.folder}: the gold folder holds no <doc id>.txt article; give the paths")
    graph = load_graph(inputs, actors_file=actors_file, report=report)
    return score(gold, Predictions.from_graph(graph))


def format_report(result: Score, listing: bool = True) -> str:
    """Return the score as the text ``kg eval`` prints: overall, per type, per rule, then the
    misses and false hits.

    Examples
    --------
    >>> print(format_report(Score(Counts(1, 2, 1, 2), {"BACKS": Counts(1, 2, 1, 2)}, {}, {}, 2, 2, 1,
    ...                           ["d: A -BACKS-> B"], ["d: B -BACKS-> A"])))
    relations  P 0.500  R 0.500  F1 0.500  (1 of 2 gold found; 1 of 2 predicted right)
    actors     found 1.000  resolved 0.500  (2 gold)
    <BLANKLINE>
    type             P      R     F1  gold  pred
    BACKS        0.500  0.500  0.500     2     2
    <BLANKLINE>
    missed:     d: A -BACKS-> B
    false hit:  d: B -BACKS-> A
    """
    r = result.relations
    lines = [
        f"relations  P {r.precision:.3f}  R {r.recall:.3f}  F1 {r.f1:.3f}  "
        f"({r.found} of {r.gold} gold found; {r.hits} of {r.predicted} predicted right)",
        f"actors     found {result.actors_recall:.3f}  resolved {result.actors_resolved_share:.3f}  "
        f"({result.gold_actors} gold)",
        "",
        f"{'type':<12} {'P':>5}  {'R':>5}  {'F1':>5}  gold  pred",
    ]
    for name, c in sorted(result.by_type.items()):
        lines.append(f"{name:<12} {c.precision:.3f}  {c.recall:.3f}  {c.f1:.3f}  {c.gold:>4}  {c.predicted:>4}")
    if result.by_rule:
        lines += ["", f"{'rule':<28} {'P':>5}  right  pred"]
        for name, c in sorted(result.by_rule.items(), key=lambda kv: (-kv[1].predicted, kv[0])):
            lines.append(f"{name:<28} {c.precision:.3f}  {c.hits:>5}  {c.predicted:>4}")
    if listing and (result.missed or result.false_hits):
        lines.append("")
        lines += [f"missed:     {m}" for m in result.missed]
        lines += [f"false hit:  {m}" for m in result.false_hits]
    return "\n".join(lines)
