"""Shared helpers for the extraction tests: one loaded pipeline for the whole session."""

from __future__ import annotations

from functools import lru_cache

from kg.model import Document, Extraction
from kg.pipeline import Extractor


@lru_cache(maxsize=1)
def extractor() -> Extractor:
    return Extractor()


def extract_text(text: str, doc_id: str = "t") -> Extraction:
    return extractor().extract_one(Document(doc_id, text))


def triples(text: str) -> set[tuple[str, str, str]]:
    """The (source name, relation, target name) triples found in ``text``."""
    result = extract_text(text)
    names = {a.id: a.name for a in result.actors}
    return {(names[r.source], r.type, names[r.target]) for r in result.relations}


def triples_by_rule(text: str) -> set[tuple[str, str, str, str]]:
    """The (source name, relation, target name, rule) of every evidence found in ``text``."""
    result = extract_text(text)
    names = {a.id: a.name for a in result.actors}
    return {(names[r.source], r.type, names[r.target], e.rule) for r in result.relations for e in r.evidence}
