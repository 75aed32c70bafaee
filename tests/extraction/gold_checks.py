"""Helpers for ``test_gold_sets.py``: the layout of a gold set and the shared scorer.

A gold set is a folder with ``actors.jsonl``, ``relations.jsonl`` and ``equivalents.json``
(the layout of ``tests/data/gold/dev/``) plus a folder holding its articles as ``<doc>.txt``; for the
dev set that is ``examples/``, for the held-out sets the gold folder itself.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from kg.evaluation import normalise_name

REPO = Path(__file__).resolve().parents[2]

ACTOR_FIELDS = {"doc", "name", "type", "aliases"}
RELATION_FIELDS = {"doc", "source", "relation", "target", "symmetric", "evidence"}
SYMMETRIC_IN_SCORING = {"ALLIED_WITH", "NEGOTIATES_WITH", "OPPOSES"}


@dataclass(frozen=True)
class GoldSet:
    """One hand-annotated gold set and the rules that hold for it alone.

    Parameters
    ----------
    name : str
        Short name, used as the pytest id.
    gold_dir : Path
        Folder with ``actors.jsonl``, ``relations.jsonl`` and ``equivalents.json``.
    articles_dir : Path
        Folder with the annotated articles, one ``<doc>.txt`` each.
    min_f1 : float
        Relations F1 the pipeline must reach on the set.
    article_count : int or None
        Exact number of articles the set holds, where the set is fixed in size.
    relations_per_article : tuple of int or None
        Inclusive ``(low, high)`` bounds on the gold relations of every article, where the set has them.

    Examples
    --------
    >>> s = GoldSet("demo", Path("tests/data/gold/heldout1"), Path("tests/data/gold/heldout1"), 0.5)
    >>> s.article_count is None
    True
    """

    name: str
    gold_dir: Path
    articles_dir: Path
    min_f1: float
    article_count: int | None = None
    relations_per_article: tuple[int, int] | None = None

    def articles(self) -> list[Path]:
        """The set's article files, sorted by path.

        Returns
        -------
        list of Path
            Every ``*.txt`` directly inside :attr:`articles_dir`.

        Examples
        --------
        >>> held = REPO / "tests" / "data" / "gold" / "heldout1"
        >>> GoldSet("demo", held, held, 0.5).articles()[0].suffix
        '.txt'
        """
        return sorted(self.articles_dir.glob("*.txt"))


# the scorer's normalisation is the package's (kg eval), so an alias clash here is one it would see
norm = normalise_name


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Read a gold JSONL file, failing the calling test at the first line that is not JSON.

    Parameters
    ----------
    path : Path
        ``actors.jsonl`` or ``relations.jsonl`` of a gold set.

    Returns
    -------
    list of dict
        One object per non-blank line, in file order.

    Examples
    --------
    >>> read_jsonl(REPO / "tests" / "data" / "gold" / "heldout1" / "actors.jsonl")[0]["doc"] != ""
    True
    """
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as e:
            pytest.fail(f"{path.name}:{n}: not JSON: {e}")
    return rows


def load_scorer() -> ModuleType:
    """Import the shared scorer, ``../shared/eval/score.py`` from the repository root.

    Returns
    -------
    ModuleType
        The scorer module; its ``score(gold_dir, predicted_jsonl)`` returns the result dict.

    Examples
    --------
    >>> callable(load_scorer().score)  # doctest: +SKIP
    True
    """
    from conftest import shared_eval

    spec = importlib.util.spec_from_file_location("kg_shared_score", shared_eval("score.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
