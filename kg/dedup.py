"""A wire story counts once: find exact and near-duplicate articles in a corpus.

Each article becomes the set of its word 5-grams (shingles); MinHash signatures in an LSH
index (banded, :class:`MinHashIndex`) find earlier articles that share many of them, and an article is a copy of
an earlier one when most of the shorter one's shingles are in the other (the *containment*,
estimated from the MinHash Jaccard and the two set sizes).  Containment rather than Jaccard
keeps a reprint that trims the ending or adds a paragraph in the same story; a new headline
changes a handful of shingles only.  Exact copies (the same words) are found by hash first.

The first article of a story (in corpus order) is its original; every later copy gets its id
as ``duplicate_of``.  :func:`counted_evidence`, :func:`count_reports` and
:func:`count_sources` turn an edge's evidence into what it is worth: distinct stories and
distinct outlets, whatever the number of copies.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from itertools import chain
from typing import Any

import numpy as np

from .model import Document

SHINGLE_WORDS = 5
NUM_PERM = 128
# Share of the shorter article's shingles that must be in the other one for the two to be
# one story.  Reprints keep far more; two outlets' own reports of one event share far less.
SAME_STORY = 0.6
# The LSH index looks for candidates at a lower Jaccard: a reprint cut to a third of the
# original has Jaccard 1/3 with it yet containment 1.
CANDIDATE_JACCARD = 0.2
# LSH bands of two rows: a pair at Jaccard 0.2 shares a band with probability 1 - (1 - 0.2**2)**64
# = 0.93, at 1/3 with 0.9995; candidates are then checked on their containment.
BAND_ROWS = 2
_PRIME = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Return the word ``size``-grams of a text, case and punctuation ignored.

    A text shorter than ``size`` words is one shingle.

    Examples
    --------
    >>> sorted(shingles("Rebels took the town, residents said.", 5))
    [b'rebels took the town residents', b'took the town residents said']
    """
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


class MinHashIndex:
    """MinHash signatures of shingle sets and a banded LSH index over them (numpy only).

    Each of ``num_perm`` hash functions ``(a * crc32(shingle) + b) mod (2**61 - 1)`` keeps its
    minimum over a set; two sets agree on a function with probability their Jaccard similarity.
    Signatures cut into bands of :data:`BAND_ROWS` values find the sets that agree on a whole band.

    Examples
    --------
    >>> index = MinHashIndex(64)
    >>> a, b = index.signature({b"x", b"y", b"z"}), index.signature({b"x", b"y", b"w"})
    >>> index.insert("a", a); index.query(b)
    ['a']
    >>> 0.2 < MinHashIndex.jaccard(a, b) < 0.8
    True
    """

    def __init__(self, num_perm: int, seed: int = 1) -> None:
        generator = np.random.RandomState(seed)
        self._a = generator.randint(1, _PRIME, size=num_perm, dtype=np.uint64)
        self._b = generator.randint(0, _PRIME, size=num_perm, dtype=np.uint64)
        self._bands: list[dict[bytes, list[str]]] = [{} for _ in range(num_perm // BAND_ROWS)]

    def signature(self, grams: Iterable[bytes]) -> np.ndarray:
        """The MinHash signature of a set of shingles (CRC-32: a stable, fast shingle hash)."""
        hashes = np.fromiter((zlib.crc32(g) for g in grams), dtype=np.uint64)
        if not len(hashes):
            return np.full(len(self._a), _MAX_HASH, dtype=np.uint64)
        with np.errstate(over="ignore"):  # the products wrap around 2**64, as intended
            permuted = ((np.outer(hashes, self._a) + self._b) % _PRIME) & _MAX_HASH
        return permuted.min(axis=0)

    def _keys(self, signature: np.ndarray) -> Iterator[tuple[dict[bytes, list[str]], bytes]]:
        for n, band in enumerate(self._bands):
            yield band, signature[n * BAND_ROWS:(n + 1) * BAND_ROWS].tobytes()

    def insert(self, key: str, signature: np.ndarray) -> None:
        """Index a signature under ``key``."""
        for band, value in self._keys(signature):
            band.setdefault(value, []).append(key)

    def query(self, signature: np.ndarray) -> list[str]:
        """Keys of the indexed signatures that agree with this one on some band, first indexed first."""
        found: dict[str, None] = {}
        for band, value in self._keys(signature):
            for key in band.get(value, ()):
                found[key] = None
        return list(found)

    @staticmethod
    def jaccard(a: np.ndarray, b: np.ndarray) -> float:
        """The Jaccard similarity of two sets estimated from their signatures."""
        return float(np.count_nonzero(a == b)) / len(a)


class DuplicateFinder:
    """Tells, article after article, which earlier story each one repeats.

    Parameters
    ----------
    same_story : float
        The containment from which two articles are one story.
    num_perm : int
        MinHash permutations (more: a finer estimate, slower).

    Examples
    --------
    >>> finder = DuplicateFinder()
    >>> story = ("Rebels captured the town of Bara on Saturday after two days of fighting with the army, "
    ...          "residents said. Thousands of civilians fled towards the state capital.")
    >>> finder.add("wire-1", story) is None
    True
    >>> finder.add("reprint", "Bara falls to rebels\\n" + story)
    'wire-1'
    >>> finder.add("other", "The army said it had withdrawn from Bara to spare civilians.") is None
    True
    """

    def __init__(self, same_story: float = SAME_STORY, num_perm: int = NUM_PERM) -> None:
        self.same_story = same_story
        self.num_perm = num_perm
        self._index = MinHashIndex(num_perm)
        self._signatures: dict[str, tuple[np.ndarray, int]] = {}
        self._exact: dict[str, str] = {}
        self._story: dict[str, str] = {}
        self._order: dict[str, int] = {}

    def add(self, doc_id: str, text: str) -> str | None:
        """Register an article; return the id of the first article of its story, or ``None``
        when it is the first (an id seen before keeps its earlier answer)."""
        if doc_id in self._story:
            return self._duplicate_of(doc_id)
        grams = shingles(text)
        digest = hashlib.sha1(b"\n".join(sorted(grams))).hexdigest()
        if digest in self._exact:
            self._story[doc_id] = self._story[self._exact[digest]]
            self._order[doc_id] = len(self._order)
            return self._duplicate_of(doc_id)
        self._exact[digest] = doc_id
        signature = self._index.signature(grams)
        best, best_containment = None, self.same_story
        for other in self._index.query(signature) if grams else ():
            containment = self._containment(signature, len(grams), *self._signatures[other])
            # ties go to the earlier article, so the answer does not depend on the index's order
            if containment > best_containment or (containment == best_containment and best is not None
                                                  and self._order[other] < self._order[best]):
                best, best_containment = other, containment
        self._story[doc_id] = self._story[best] if best is not None else doc_id
        self._order[doc_id] = len(self._order)
        if grams:
            self._signatures[doc_id] = (signature, len(grams))
            self._index.insert(doc_id, signature)
        return self._duplicate_of(doc_id)

    def _duplicate_of(self, doc_id: str) -> str | None:
        story = self._story[doc_id]
        return None if story == doc_id else story

    @staticmethod
    def _containment(a: np.ndarray, size_a: int, b: np.ndarray, size_b: int) -> float:
        jaccard = MinHashIndex.jaccard(a, b)
        shared = jaccard * (size_a + size_b) / (1 + jaccard)
        return min(1.0, shared / min(size_a, size_b))


def mark_duplicates(documents: Iterable[Document], finder: DuplicateFinder | None = None) -> Iterator[Document]:
    """Yield the documents with ``duplicate_of`` set to the id of their story's first document
    (``None`` for a first document).

    Parameters
    ----------
    documents : iterable of Document
        In corpus order: the first of a story is its original.
    finder : DuplicateFinder, optional
        To carry the stories over from earlier documents.

    Examples
    --------
    >>> text = "Rebels captured the town of Bara on Saturday after two days of fighting, residents said."
    >>> [d.duplicate_of for d in mark_duplicates([Document("a", text), Document("b", text)])]
    [None, 'a']
    """
    it = iter(documents)
    first = next(it, None)
    if first is None:
        return
    if finder is None:
        second = next(it, None)
        if second is None:  # one document is no corpus: no index to build
            yield first if first.duplicate_of is None else replace(first, duplicate_of=None)
            return
        it = chain([second], it)
        finder = DuplicateFinder()
    for doc in chain([first], it):
        duplicate_of = finder.add(doc.id, doc.text)
        yield doc if duplicate_of == doc.duplicate_of else replace(doc, duplicate_of=duplicate_of)


def story_of(doc_id: str, documents: Mapping[str, Mapping[str, Any]]) -> str:
    """Return the id of the story a document belongs to (its ``duplicate_of``, else itself).

    Examples
    --------
    >>> story_of("b", {"b": {"id": "b", "duplicate_of": "a"}})
    'a'
    """
    return (documents.get(doc_id) or {}).get("duplicate_of") or doc_id


def outlet_of(doc_id: str, documents: Mapping[str, Mapping[str, Any]]) -> str:
    """Return the outlet that published a document (its ``source``; the document itself when
    unknown, so unknown outlets are never merged).

    Examples
    --------
    >>> outlet_of("b", {"b": {"id": "b", "source": "Daily Example"}})
    'Daily Example'
    """
    return (documents.get(doc_id) or {}).get("source") or f"doc:{doc_id}"


def counted_evidence(
    evidence: Iterable[Mapping[str, Any]], documents: Mapping[str, Mapping[str, Any]]
) -> list[Mapping[str, Any]]:
    """Return the evidences that count: for each story, those of the copy that states the fact
    the fewest times (the first in corpus order on ties); the other copies add nothing.

    What every copy says is the story's own text; a copy's new headline or added paragraph may
    say it once more, and is not more evidence for it.  The rule needs no order among loads, so
    the Neo4j loader counts the same (``cypher/load_relations.cypher``).  With no duplicates in
    the corpus this is the whole evidence list, in its order.

    Parameters
    ----------
    evidence : iterable of mapping
        Evidence records (``{"doc", ...}``).
    documents : mapping
        Document metadata by id (``duplicate_of``); its order is the corpus order.

    Returns
    -------
    list of mapping

    Examples
    --------
    >>> docs = {"a": {"id": "a"}, "b": {"id": "b", "duplicate_of": "a"}, "c": {"id": "c"}}
    >>> ev = [{"doc": "b", "start": 0}, {"doc": "b", "start": 9}, {"doc": "a", "start": 0}, {"doc": "c", "start": 5}]
    >>> [(e["doc"], e["start"]) for e in counted_evidence(ev, docs)]
    [('a', 0), ('c', 5)]
    """
    evidence = list(evidence)
    said = Counter(e["doc"] for e in evidence)
    if len({story_of(d, documents) for d in said}) == len(said):
        return evidence  # every document is its own story here: all of it counts (the common case)
    order = {doc_id: n for n, doc_id in enumerate(documents)}
    chosen: dict[str, str] = {}
    for doc_id in sorted(said, key=lambda d: (said[d], order.get(d, len(order)), d)):
        chosen.setdefault(story_of(doc_id, documents), doc_id)
    keep = set(chosen.values())
    return [e for e in evidence if e["doc"] in keep]


def count_reports(evidence: Iterable[Mapping[str, Any]], documents: Mapping[str, Mapping[str, Any]]) -> int:
    """Return the number of distinct stories that state a fact.

    Examples
    --------
    >>> docs = {"a": {"id": "a"}, "b": {"id": "b", "duplicate_of": "a"}}
    >>> count_reports([{"doc": "a"}, {"doc": "b"}], docs)
    1
    """
    return len({story_of(e["doc"], documents) for e in evidence})


def count_sources(evidence: Iterable[Mapping[str, Any]], documents: Mapping[str, Mapping[str, Any]]) -> int:
    """Return the number of distinct outlets that state a fact (copies included).

    Examples
    --------
    >>> docs = {"a": {"id": "a", "source": "Wire"}, "b": {"id": "b", "source": "Daily", "duplicate_of": "a"}}
    >>> count_sources([{"doc": "a"}, {"doc": "b"}], docs)
    2
    """
    return len({outlet_of(e["doc"], documents) for e in evidence})
