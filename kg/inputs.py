"""Read articles: plain text files, folders of them, JSONL (one article a line) or
strings.  Bad inputs are reported one line each and skipped; the rest go on."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .graph import KnowledgeGraph
from .model import Document

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass
class InputReport:
    """The problems met while reading inputs (one message each)."""

    errors: list[str] = field(default_factory=list)

    def add(self, error: InputError) -> None:
        log.debug("%s", error)
        self.errors.append(str(error))


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError as e:
        raise InputError(f"{path}: no such file or folder") from e
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror}") from e
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file, expected UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not UTF-8 text (byte {e.start})") from e
    if not text.strip():
        raise InputError(f"{path}: empty file")
    return text


def is_extraction_jsonl(path: Path) -> bool:
    """True when ``path`` is a saved extraction (its lines carry ``"kind"``), not articles."""
    if path.suffix.lower() not in JSONL_SUFFIXES or not path.is_file():
        return False
    try:
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    return '"kind"' in line
    except (OSError, UnicodeDecodeError):
        return False
    return False


def _documents_from_jsonl(path: Path, text: str, report: InputReport) -> Iterator[Document]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            report.add(InputError(f"{path}:{n}: not JSON ({e.msg}); line skipped"))
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            report.add(InputError(f"{path}:{n}: needs a \"text\" string; line skipped"))
            continue
        if not obj["text"].strip():
            report.add(InputError(f"{path}:{n}: empty text; line skipped"))
            continue
        doc_id = str(obj.get("id") or f"{path.stem}-{n}")
        yield Document(
            id=doc_id,
            text=obj["text"],
            title=obj.get("title"),
            date=str(obj["date"]) if obj.get("date") is not None else None,
            url=obj.get("url"),
            source=obj.get("source"),
        )


def _documents_from_path(path: Path, report: InputReport) -> Iterator[Document]:
    if path.is_dir():
        files = sorted(
            p for p in path.rglob("*")
            if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        if not files:
            report.add(InputError(f"{path}: folder holds no .txt or .jsonl files"))
        for f in files:
            yield from _documents_from_path(f, report)
        return
    try:
        text = _read_text(path)
    except InputError as e:
        report.add(e)
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _documents_from_jsonl(path, text, report)
    else:
        yield Document(id=path.stem, text=text, title=None, source=str(path))


def _looks_like_text(item: str) -> bool:
    if "\n" in item or len(item) > 1024:
        return True
    try:
        return " " in item and not Path(item).exists()
    except OSError:  # a name too long for the file system is text
        return True


def read_documents(
    items: Iterable[str | Path | Document], report: InputReport | None = None
) -> Iterator[Document]:
    """Yield a :class:`Document` for every article in ``items``.

    Parameters
    ----------
    items : iterable of str, Path or Document
        Paths of ``.txt`` files, folders or ``.jsonl`` files, ready Documents, or raw
        article strings (a string that is not an existing path and has a space or a
        line break in it is taken as text; its id is ``text-N``).
    report : InputReport, optional
        Collects one message per bad input; bad inputs are skipped.

    Returns
    -------
    iterator of Document

    Examples
    --------
    >>> [d.id for d in read_documents(["Russia backs Assad."])]
    ['text-1']
    """
    report = report if report is not None else InputReport()
    for n, item in enumerate(items, 1):
        if isinstance(item, Document):
            yield item
            continue
        if isinstance(item, str) and _looks_like_text(item):
            if item.strip():
                yield Document(id=f"text-{n}", text=item)
            else:
                report.add(InputError(f"text {n}: empty text"))
            continue
        yield from _documents_from_path(Path(item), report)


def load_graph(
    paths: Iterable[str | Path], actors_file: str | Path | None = None, report: InputReport | None = None
) -> KnowledgeGraph:
    """Read saved extractions as they are and extract every other path; return one merged graph.

    Parameters
    ----------
    paths : iterable of str or Path
        Saved extraction JSONL files (their lines carry ``"kind"``, see :func:`is_extraction_jsonl`)
        and articles: ``.txt`` files, folders of them or article JSONL files.
    actors_file : str or Path, optional
        Extra actors for the extraction (see :func:`kg.pipeline.extract`).
    report : InputReport, optional
        Collects one message per unreadable article (those are skipped).

    Returns
    -------
    KnowledgeGraph

    Raises
    ------
    InputError
        When a path does not exist.

    Examples
    --------
    >>> load_graph(["no/such/article.txt"])
    Traceback (most recent call last):
    ...
    kg.errors.InputError: no/such/article.txt: no such file or folder
    """
    given = [Path(p) for p in paths]
    for path in given:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
    saved = [p for p in given if is_extraction_jsonl(p)]
    articles = [p for p in given if p not in saved]
    lines: list[str] = []
    for path in saved:
        lines += KnowledgeGraph.from_jsonl(path).to_jsonl().splitlines()
    if articles:
        from .pipeline import extract  # the pipeline imports this module

        extracted = extract([str(p) for p in articles], actors_file=actors_file, report=report)
        if not saved:
            return extracted
        lines += extracted.to_jsonl().splitlines()
    return KnowledgeGraph.from_jsonl(lines)
