"""The extraction pipeline: article -> sentences -> mentions -> actors -> relations -> graph.

The spaCy model loads once per process and articles are parsed in batches with
``nlp.pipe``; everything after parsing is plain Python over the parse.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any, TextIO

from spacy.tokens import Doc

from .dedup import mark_duplicates
from .errors import InputError
from .extraction.actors import MentionFinder
from .extraction.lexicon import load_lexicon
from .extraction.relations import Found, RelationExtractor
from .extraction.resolution import Resolver
from .extraction.text import prepare
from .graph import JsonlWriter, KnowledgeGraph, read_extractions
from .inputs import InputReport, is_extraction_jsonl, read_documents
from .model import Document, Evidence, Extraction, Relation, slugify
from .nlp import get_nlp

log = logging.getLogger(__name__)

BATCH_SIZE = 32
# Long articles are parsed in pieces of about this many characters, cut at line breaks: the
# parser's memory grows with the length of what it parses at once (a 990,000-character article
# took 3.2 GB in one piece).  Every article of the team's corpora fits in one piece.
CHUNK_CHARS = 20_000
# At most this many characters go through the parser together.
BATCH_CHARS = 100_000


def chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Cut ``text`` into pieces of at most ``size`` characters: ``[(offset, piece), ...]``.

    Cuts fall after a line break, else after a full stop, else at a space (a line without any is
    cut where it must).  The pieces put back together are the text.

    Examples
    --------
    >>> chunks("Russia backs Assad.\\nIran backs the Houthis.", size=30)
    [(0, 'Russia backs Assad.\\n'), (20, 'Iran backs the Houthis.')]
    """
    pieces = []
    start = 0
    while len(text) - start > size:
        end = start + size
        floor = start + size // 4  # never cut a sliver
        cut = text.rfind("\n", floor, end) + 1
        if not cut:
            cut = text.rfind(". ", floor, end) + 2
        if cut < floor:
            cut = text.rfind(" ", floor, end) + 1
        if cut < floor:
            cut = end
        pieces.append((start, text[start:cut]))
        start = cut
    pieces.append((start, text[start:]))
    return pieces


@dataclass
class _Job:
    """One document on its way through the parser: its pieces (chunks, then asides) by offset."""

    where: str
    document: Document
    pieces: list[tuple[int, str]]
    chunk_count: int

    @property
    def chars(self) -> int:
        return sum(len(text) for _, text in self.pieces)


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

    def extract_many(
        self, documents: Iterable[Document], batch_size: int = BATCH_SIZE, report: InputReport | None = None
    ) -> Iterator[Extraction]:
        """Yield one :class:`Extraction` per document, in order, parsing in batches.

        A document that cannot be extracted is one message in ``report`` (it is left out, the
        others go on); without a report the error is raised.
        """
        for batch in self._batches(documents, batch_size, report):
            try:
                parsed: list[Doc] | None = self._parse([text for job in batch for _, text in job.pieces])
            except Exception:  # noqa: BLE001 - one bad document must not sink its batch: parse each alone
                parsed = None
            position = 0
            for job in batch:
                try:
                    if parsed is None:
                        docs = self._parse([text for _, text in job.pieces])
                    else:
                        docs = parsed[position:position + len(job.pieces)]
                        position += len(job.pieces)
                    extraction = self._extract_parsed(job.document, docs, job)
                except Exception as e:
                    if report is None:
                        raise
                    report.add(InputError(f"{job.where}: could not be extracted ({type(e).__name__}: {e}); "
                                          "left out"))
                    continue
                yield extraction

    def _batches(self, documents: Iterable[Document], batch_size: int, report: InputReport | None
                 ) -> Iterator[list[_Job]]:
        batch: list[_Job] = []
        chars = 0
        for document in documents:
            where = document.source or document.id
            try:
                job = self._prepare(document, where)
            except Exception as e:
                if report is None:
                    raise
                report.add(InputError(f"{where}: could not be prepared ({type(e).__name__}: {e}); left out"))
                continue
            if batch and (len(batch) >= batch_size or chars + job.chars > BATCH_CHARS):
                yield batch
                batch, chars = [], 0
            batch.append(job)
            chars += job.chars
        if batch:
            yield batch

    @staticmethod
    def _prepare(document: Document, where: str) -> _Job:
        prepared = prepare(document.text)
        for start, end, why in prepared.blanked:
            snippet = " ".join(document.text[start:end].split())
            log.info("%s: blanked %s (characters %d-%d): %.80r", where, why, start, end, snippet)
        pieces = chunks(prepared.parse_text)
        return _Job(where, document, pieces + prepared.asides, len(pieces))

    def _parse(self, texts: list[str]) -> list[Doc]:
        """Parse texts in groups of at most :data:`BATCH_CHARS` characters (flat memory)."""
        docs: list[Doc] = []
        group: list[str] = []
        size = 0
        for text in texts:
            if group and size + len(text) > BATCH_CHARS:
                docs += self.nlp.pipe(group, batch_size=len(group))
                group, size = [], 0
            group.append(text)
            size += len(text)
        if group:
            docs += self.nlp.pipe(group, batch_size=len(group))
        return docs

    def _extract_parsed(self, document: Document, parsed: list[Doc], job: _Job) -> Extraction:
        pieces = [(doc, offset) for doc, (offset, _) in zip(parsed, job.pieces, strict=True)]
        mentions = []
        for part, (doc, offset) in enumerate(pieces):
            mentions += self.finder.find(part, doc, offset)
        docs = [d for d, _ in pieces]
        actors = self.resolver.resolve(mentions, docs)
        found = self.relations.extract(docs, actors, [o for _, o in pieces])
        relations = self._relations(document, pieces[:job.chunk_count], [o for _, o in pieces], found)
        related = {f.source for f in found} | {f.target for f in found}
        return Extraction(document, actors.to_actors(self.gazetteer, related), relations)

    @staticmethod
    def _relations(document: Document, chunks: list[tuple[Doc, int]], offsets: list[int], found: list[Found]
                   ) -> list[Relation]:
        starts = [offset for _, offset in chunks]
        by_key: dict[tuple[str, str, str], Relation] = {}
        for f in found:
            char = offsets[f.part] + f.char  # in the article; the sentence is in the chunk holding it
            main, offset = chunks[bisect_right(starts, char) - 1]
            sent = main.char_span(char - offset, char - offset + 1, alignment_mode="expand")
            if sent is None:
                continue
            # trimmed where the parsed text is blank (white space, or control characters blanked)
            parsed = sent.sent.text
            start = sent.sent.start_char + offset + len(parsed) - len(parsed.lstrip())
            end = sent.sent.end_char + offset - (len(parsed) - len(parsed.rstrip()))
            text = document.text[start:end]
            key = (slugify(f.source), f.relation, slugify(f.target))
            rel = by_key.setdefault(key, Relation(key[0], f.relation, key[2], []))
            if any(e.start == start for e in rel.evidence):
                continue
            rel.evidence.append(Evidence(document.id, text, start, end, f.rule, f.confidence))
        return list(by_key.values())


def default_jobs() -> int:
    """The number of cores this process may use (the default of ``--jobs``).

    Examples
    --------
    >>> default_jobs() >= 1
    True
    """
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_iter(
    texts_or_paths: Iterable[str | Path | Document] | str | Path,
    actors_file: str | Path | None = None,
    report: InputReport | None = None,
    taken: Iterable[str] = (),
    jobs: int = 1,
) -> Iterator[Extraction]:
    """Yield one :class:`~kg.model.Extraction` per article, in input order, as they are done.

    Parameters are those of :func:`extract`; ``taken`` names document ids already in use, and
    ``jobs`` is the number of processes that parse (each a fork of this one, sharing the loaded
    model; with 1, or when there is only one batch of articles, this process parses).  A reprint
    of an earlier article's story gets its id as ``duplicate_of`` (:func:`kg.dedup.mark_duplicates`).

    Examples
    --------
    >>> [e.document.id for e in extract_iter(["Russia backs Assad.", "Iran backs the Houthis."])]
    ['text-1', 'text-2']
    """
    if isinstance(texts_or_paths, (str, Path, Document)):
        texts_or_paths = [texts_or_paths]
    report = report if report is not None else InputReport()
    extractor = Extractor(actors_file)
    documents = mark_duplicates(read_documents(texts_or_paths, report, taken=taken))
    if jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
        yield from _extract_in_processes(extractor, documents, jobs, report)
    else:
        yield from extractor.extract_many(documents, report=report)


# The extractor the forked workers inherit (set just before the pool forks them).
_WORKER_EXTRACTOR: Extractor | None = None
# Articles sent to a worker at once: enough to batch the parser, few enough to keep order cheap.
_TASK_DOCS = 8
_TASK_CHARS = 40_000


def _extract_task(documents: list[Document]) -> tuple[list[Extraction], list[str]]:
    assert _WORKER_EXTRACTOR is not None
    report = InputReport(on_error=lambda _message: None)
    extractions = list(_WORKER_EXTRACTOR.extract_many(documents, report=report))
    for extraction in extractions:
        extraction.document.text = ""  # the text is not needed back: spare the pipe
    return extractions, report.errors


def _tasks(documents: Iterable[Document]) -> Iterator[list[Document]]:
    task: list[Document] = []
    chars = 0
    for document in documents:
        task.append(document)
        chars += len(document.text)
        if len(task) >= _TASK_DOCS or chars >= _TASK_CHARS:
            yield task
            task, chars = [], 0
    if task:
        yield task


def _extract_in_processes(extractor: Extractor, documents: Iterable[Document], jobs: int, report: InputReport
                          ) -> Iterator[Extraction]:
    global _WORKER_EXTRACTOR
    tasks = _tasks(documents)
    first = next(tasks, None)
    second = next(tasks, None)
    if first is None:
        return
    if second is None:  # one batch of articles: forking would only cost time
        yield from extractor.extract_many(first, report=report)
        return
    _WORKER_EXTRACTOR = extractor
    # The workers share the loaded model page for page until something writes to it; keep the
    # garbage collector of each from walking (and so copying) all of it.
    gc.freeze()
    pending: deque[Future[tuple[list[Extraction], list[str]]]] = deque()
    try:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            for task in chain([first, second], tasks):
                pending.append(pool.submit(_extract_task, task))
                while len(pending) > 2 * jobs:  # bounded: memory stays flat however long the input
                    yield from _results(pending.popleft(), report)
            while pending:
                yield from _results(pending.popleft(), report)
    finally:
        gc.unfreeze()
        _WORKER_EXTRACTOR = None


def _results(future: Future[tuple[list[Extraction], list[str]]], report: InputReport) -> Iterator[Extraction]:
    extractions, errors = future.result()
    for message in errors:
        report.add(InputError(message))
    yield from extractions


def extract(
    texts_or_paths: Iterable[str | Path | Document] | str | Path,
    actors_file: str | Path | None = None,
    progress: Callable[[Document], None] | None = None,
    report: InputReport | None = None,
    graph: KnowledgeGraph | None = None,
    jobs: int = 1,
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
    graph : KnowledgeGraph, optional
        Add to this graph instead of a new one.
    jobs : int
        Processes that parse (see :func:`extract_iter`).

    Returns
    -------
    KnowledgeGraph

    Examples
    --------
    >>> graph = extract(["Turkish President Recep Tayyip Erdogan called on Assad to find a solution."])
    >>> sorted((r["source"], r["relation"], r["target"]) for r in graph.relations())
    [('Recep Tayyip Erdogan', 'CALLS_ON', 'Bashar al-Assad'), ('Recep Tayyip Erdogan', 'LEADS', 'Turkey')]
    """
    graph = graph if graph is not None else KnowledgeGraph()
    for extraction in extract_iter(texts_or_paths, actors_file, report, graph.documents, jobs):
        graph.add(extraction)
        if progress is not None:
            progress(extraction.document)
    return graph


def iter_extractions(
    paths: Iterable[str | Path],
    actors_file: str | Path | None = None,
    report: InputReport | None = None,
    from_jsonl: Iterable[str | Path] = (),
    progress: Callable[[Document], None] | None = None,
    jobs: int = 1,
) -> Iterator[Extraction]:
    """Yield the documents of saved extractions as they are, then those of the other paths as
    they are extracted.  This is the one way every command reads its inputs.

    Nothing raises for a bad input: each is one message in ``report`` and the others are still
    read.  The parameters are those of :func:`load_graph`.

    Examples
    --------
    >>> [e.document.id for e in iter_extractions(["no/such/article.txt"])]
    []
    """
    report = report if report is not None else InputReport()
    given = [Path(p) for p in paths]
    saved = [Path(p) for p in from_jsonl] + [p for p in given if is_extraction_jsonl(p)]
    articles = [p for p in given if p not in saved]
    taken: dict[str, dict[str, Any]] = {}
    if len(saved) == 1:  # one saved extraction is read as it is, without joining it to anything
        try:
            extractions = read_extractions(saved[0])
        except InputError as e:
            report.add(e)
            extractions = []
        for extraction in extractions:
            taken[extraction.document.id] = extraction.document.meta()
            yield extraction
    elif saved:  # several are joined first, so that a document saved twice is one document
        graph = KnowledgeGraph()
        for path in saved:
            try:
                graph.merge(KnowledgeGraph.from_jsonl(path))
            except InputError as e:
                report.add(e)
        taken = graph.documents
        yield from graph.extractions()
    if articles:
        for extraction in extract_iter(articles, actors_file, report, taken, jobs):
            if progress is not None:
                progress(extraction.document)
            yield extraction


def load_graph(
    paths: Iterable[str | Path],
    actors_file: str | Path | None = None,
    report: InputReport | None = None,
    from_jsonl: Iterable[str | Path] = (),
    progress: Callable[[Document], None] | None = None,
    jobs: int = 1,
) -> KnowledgeGraph:
    """Read saved extractions as they are and extract every other path, into one graph.

    Nothing raises for a bad input: each is one message in ``report`` and the others are still
    read.

    Parameters
    ----------
    paths : iterable of str or Path
        Articles (``.txt`` files, folders of them, article JSONL) and saved extractions (JSONL whose
        records carry ``"kind"``, told apart by :func:`kg.inputs.is_extraction_jsonl`).
    actors_file : str or Path, optional
        Extra actors for the extraction (see :func:`extract`).
    report : InputReport, optional
        Collects one message per unreadable input or line.
    from_jsonl : iterable of str or Path
        Saved extractions (``kg extract --format jsonl``), read whatever their content.
    progress : callable, optional
        Called with each document once it is extracted.
    jobs : int
        Processes that parse (see :func:`extract_iter`).

    Returns
    -------
    KnowledgeGraph
        Saved extractions joined with :meth:`KnowledgeGraph.merge`, then the extracted articles.

    Examples
    --------
    >>> report = InputReport()
    >>> load_graph(["no/such/article.txt"], report=report)
    <KnowledgeGraph: 0 documents, 0 actors, 0 relations>
    >>> report.errors
    ['no/such/article.txt: no such file or folder']
    """
    graph = KnowledgeGraph()
    for extraction in iter_extractions(paths, actors_file, report, from_jsonl, progress, jobs):
        graph.add(extraction)
    return graph


def write_jsonl(extractions: Iterable[Extraction], out: TextIO) -> JsonlWriter:
    """Write extractions to ``out`` as JSONL, each document as soon as it comes (the same lines as
    ``to_jsonl()`` of the graph they make, without holding the graph).

    Returns the writer, which counts what it wrote.

    Examples
    --------
    >>> import io
    >>> out = io.StringIO()
    >>> write_jsonl(iter_extractions(["no/such/article.txt"]), out).documents
    0
    """
    writer = JsonlWriter(out)
    for extraction in extractions:
        writer.write(extraction)
        out.flush()
    return writer
