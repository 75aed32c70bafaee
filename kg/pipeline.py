"""The extraction pipeline: article -> sentences -> mentions -> actors -> relations -> graph.

The spaCy model loads once per process and articles are parsed in batches with
``nlp.pipe``; everything after parsing is plain Python over the parse.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path

from spacy.tokens import Doc

from .extraction.actors import MentionFinder, Resolver
from .extraction.lexicon import load_lexicon
from .extraction.relations import Found, RelationExtractor
from .extraction.text import prepare
from .graph import KnowledgeGraph
from .inputs import InputReport, read_documents
from .model import Document, Evidence, Extraction, Relation, slugify
from .nlp import get_nlp

log = logging.getLogger(__name__)

BATCH_SIZE = 32


class Extractor:
    """Extracts actors and relations from documents with one loaded pipeline.

    Parameters
    ----------
    actors_file : str or Path, optional
        The user's extra actors (JSONL), added to the built-in gazetteer.

    Examples
    --------
    >>> from kg.model import Document
    >>> ex = Extractor()
    >>> result = ex.extract_one(Document("d", "Russia backs Assad."))
    >>> [(r.source, r.type, r.target) for r in result.relations]
    [('russia', 'BACKS', 'bashar-al-assad')]
    """

    def __init__(self, actors_file: str | Path | None = None) -> None:
        self.nlp, self.gazetteer = get_nlp(str(actors_file) if actors_file else None)
        self.lexicon = load_lexicon()
        self.finder = MentionFinder(self.gazetteer, self.lexicon)
        self.resolver = Resolver(self.gazetteer)
        self.relations = RelationExtractor(self.gazetteer, self.lexicon)

    def extract_one(self, document: Document) -> Extraction:
        """Extract one document (convenience; batches are faster)."""
        return next(self.extract_many([document]))

    def extract_many(self, documents: Iterable[Document], batch_size: int = BATCH_SIZE) -> Iterator[Extraction]:
        """Yield one :class:`Extraction` per document, parsing in batches."""
        it = iter(documents)
        while batch := list(islice(it, batch_size)):
            prepared = [prepare(d.text) for d in batch]
            texts: list[str] = []
            for p in prepared:
                texts.append(p.parse_text)
                texts.extend(aside for _, aside in p.asides)
            parsed = iter(self.nlp.pipe(texts, batch_size=batch_size))
            for doc, prep in zip(batch, prepared, strict=True):
                main = next(parsed)
                pieces = [(main, 0)] + [(next(parsed), start) for start, _ in prep.asides]
                yield self._extract_parsed(doc, pieces)

    def _extract_parsed(self, document: Document, pieces: list[tuple[Doc, int]]) -> Extraction:
        mentions = []
        for part, (doc, offset) in enumerate(pieces):
            mentions += self.finder.find(part, doc, offset)
        docs = [d for d, _ in pieces]
        actors = self.resolver.resolve(mentions, docs)
        found = self.relations.extract(docs, actors, [o for _, o in pieces])
        relations = self._relations(document, pieces, found)
        related = {f.source for f in found} | {f.target for f in found}
        return Extraction(document, actors.to_actors(self.gazetteer, related), relations)

    def _relations(self, document: Document, pieces: list[tuple[Doc, int]], found: list[Found]) -> list[Relation]:
        main = pieces[0][0]
        by_key: dict[tuple[str, str, str], Relation] = {}
        for f in found:
            char = pieces[f.part][1] + f.char if f.part else f.char
            sent = main.char_span(char, char + 1, alignment_mode="expand")
            if sent is None:
                continue
            sentence = sent.sent
            start, end = sentence.start_char, sentence.end_char
            text = document.text[start:end].strip()
            lead = len(document.text[start:end]) - len(document.text[start:end].lstrip())
            start += lead
            end = start + len(text)
            key = (slugify(f.source), f.relation, slugify(f.target))
            rel = by_key.setdefault(key, Relation(key[0], f.relation, key[2], []))
            if any(e.start == start for e in rel.evidence):
                continue
            rel.evidence.append(Evidence(document.id, text, start, end, f.rule, f.confidence))
        return list(by_key.values())


def extract(
    texts_or_paths: Iterable[str | Path | Document] | str | Path,
    actors_file: str | Path | None = None,
    progress: Callable[[Document], None] | None = None,
    report: InputReport | None = None,
) -> KnowledgeGraph:
    """Extract actors and relations from articles into a :class:`KnowledgeGraph`.

    Parameters
    ----------
    texts_or_paths : str, Path, Document or an iterable of them
        Article texts, ``.txt`` files, folders of them, or JSONL files (one article a
        line with ``id``, ``text`` and optional ``title``, ``date``, ``url``, ``source``).
    actors_file : str or Path, optional
        Extra actors (JSONL, the format of ``kg/data/actors.jsonl``).
    progress : callable, optional
        Called with each document once it is extracted.
    report : InputReport, optional
        Collects one message per unreadable input (those are skipped).

    Returns
    -------
    KnowledgeGraph

    Examples
    --------
    >>> graph = extract(["Turkish President Recep Tayyip Erdogan called on Assad to find a solution."])
    >>> sorted((r["source"], r["relation"], r["target"]) for r in graph.relations())
    [('Recep Tayyip Erdogan', 'CALLS_ON', 'Bashar al-Assad'), ('Recep Tayyip Erdogan', 'LEADS', 'Turkey')]
    """
    if isinstance(texts_or_paths, (str, Path, Document)):
        texts_or_paths = [texts_or_paths]
    extractor = Extractor(actors_file)
    graph = KnowledgeGraph()
    for extraction in extractor.extract_many(read_documents(texts_or_paths, report)):
        graph.add(extraction)
        if progress is not None:
            progress(extraction.document)
    return graph

