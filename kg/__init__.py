"""kg: news articles in, a knowledge graph of political and armed actors out.

>>> import kg
>>> graph = kg.extract(["Russia backs Assad."])          # doctest: +SKIP
>>> graph.relations()[0]["relation"]                      # doctest: +SKIP
'BACKS'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from .graph import KnowledgeGraph
from .model import ONTOLOGY, Actor, Document, Evidence, Relation

__all__ = ["ONTOLOGY", "Actor", "Document", "Evidence", "KnowledgeGraph", "Relation", "extract"]
__version__ = "0.1.0"


def extract(
    texts_or_paths: Iterable[str | Path | Document] | str | Path,
    actors_file: str | Path | None = None,
    progress: Callable[[Document], None] | None = None,
) -> KnowledgeGraph:
    """Extract actors and relations from texts, files or folders into a KnowledgeGraph.

    See :func:`kg.pipeline.extract` for the parameters.
    """
    from .pipeline import extract as _extract

    return _extract(texts_or_paths, actors_file=actors_file, progress=progress)
