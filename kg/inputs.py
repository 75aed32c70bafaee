"""Read articles: plain text files, folders of them, JSONL (one article a line) or
strings.  Bad inputs are reported one line each and skipped; the rest go on.

This module only reads; :func:`kg.pipeline.load_graph` turns what it reads into a graph."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .model import Document

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text"}
# saved web pages: their main text and metadata are read by kg.sources.html (trafilatura)
HTML_SUFFIXES = {".html", ".htm"}
# Byte-order marks that name their encoding (UTF-32 first: its little-endian mark starts like UTF-16's).
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
         (b"\xfe\xff", "utf-16"))
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass
class InputReport:
    """The problems met while reading inputs (one message each).

    ``on_error`` and ``on_warning``, when given, are called with each message as it is met, so a
    command can say it at once while the other inputs go on.

    Examples
    --------
    >>> report = InputReport()
    >>> report.add(InputError("a.txt: empty file")); report.errors
    ['a.txt: empty file']
    """

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    on_error: Callable[[str], None] | None = None
    on_warning: Callable[[str], None] | None = None

    def add(self, error: InputError) -> None:
        """Record an input that could not be read (it is skipped)."""
        self.errors.append(str(error))
        if self.on_error is not None:
            self.on_error(str(error))
        else:
            log.warning("%s", error)

    def warn(self, message: str) -> None:
        """Record something done to an input that the user should know (it is still read)."""
        self.warnings.append(message)
        if self.on_warning is not None:
            self.on_warning(message)
        else:
            log.warning("%s", message)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as e:
        raise InputError(f"{path}: no such file or folder") from e
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror}") from e


def _read_text(path: Path) -> str:
    return decode_text(_read_bytes(path), str(path))


def read_html_file(path: str | Path) -> Document:
    """Read a saved web page as a :class:`~kg.model.Document` (main text, title, date, canonical
    URL and outlet, by :func:`kg.sources.html.page_document`); its id is the file's stem.

    Raises
    ------
    InputError
        When the file is missing or unreadable, or (a :class:`~kg.errors.PageError`) when it
        is not valid in its declared charset or holds no article text.

    Examples
    --------
    >>> read_html_file("no/such/page.html")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: no/such/page.html: no such file or folder
    """
    from .sources.html import page_document  # trafilatura loads only for pages

    return page_document(_read_bytes(Path(path)), path)


def decode_text(data: bytes, name: str) -> str:
    """Decode a file's bytes: UTF-8 (a BOM is dropped), or UTF-16/32 when a BOM says so.

    Raises
    ------
    InputError
        When the bytes are binary, not UTF-8, or hold only white space.

    Examples
    --------
    >>> decode_text("Iran".encode("utf-16"), "a.txt")
    'Iran'
    >>> decode_text(b"caf\\xe9", "b.txt")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: b.txt: not UTF-8 text (byte 3)
    """
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is None and b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file, expected UTF-8 text")
    try:
        text = data.decode(encoding or "utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: not {(encoding or 'utf-8').upper()} text (byte {e.start})") from e
    if encoding is not None and "\x00" in text:
        raise InputError(f"{name}: binary file, expected text")
    if not text.strip():
        raise InputError(f"{name}: empty file")
    return text


def is_extraction_jsonl(path: Path) -> bool:
    """True when ``path`` is a saved extraction (its first record has a ``"kind"``), not articles.

    Examples
    --------
    >>> is_extraction_jsonl(Path("no/such/graph.jsonl"))
    False
    """
    if path.suffix.lower() not in JSONL_SUFFIXES or not path.is_file():
        return False
    try:
        with path.open(encoding="utf-8-sig") as f:
            for line in f:
                if line.strip():
                    record = json.loads(line)
                    return isinstance(record, dict) and "kind" in record and "text" not in record
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return False


def _documents_from_jsonl(path: Path, text: str, report: InputReport) -> Iterator[tuple[str, Document]]:
    # "\n" only: JSON text may hold a raw U+2028 or form feed, which splitlines() would break at
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            report.add(InputError(f"{path}:{n}: not JSON ({e.msg}); line skipped"))
            continue
        if isinstance(obj, dict) and "kind" in obj and "text" not in obj:
            report.add(InputError(f"{path}: a saved extraction, not articles: pass it as a path to "
                                  "kg load/view/analyze or with --from-jsonl"))
            return
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            report.add(InputError(f"{path}:{n}: needs a \"text\" string; line skipped"))
            continue
        if not obj["text"].strip():
            report.add(InputError(f"{path}:{n}: empty text; line skipped"))
            continue
        doc_id = str(obj.get("id") or f"{path.stem}-{n}")
        yield f"{path}:{n}", Document(
            id=doc_id,
            text=obj["text"],
            title=obj.get("title"),
            date=str(obj["date"]) if obj.get("date") is not None else None,
            url=obj.get("url"),
            source=obj.get("source"),
        )


def _documents_from_path(path: Path, report: InputReport) -> Iterator[tuple[str, Document]]:
    if path.is_dir():
        files = sorted(
            p for p in path.rglob("*")
            if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        if not files:
            report.add(InputError(f"{path}: folder holds no .txt or .jsonl files"))
            return
        for f in files:
            yield from _documents_from_path(f, report)
        return
    if path.suffix.lower() in HTML_SUFFIXES:
        try:
            yield str(path), read_html_file(path)
        except InputError as e:
            report.add(e)
        return
    try:
        text = _read_text(path)
    except InputError as e:
        report.add(e)
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _documents_from_jsonl(path, text, report)
    else:
        yield str(path), Document(id=path.stem, text=text, title=None, source=str(path))


def _looks_like_text(item: str) -> bool:
    if "\n" in item or len(item) > 1024:
        return True
    try:
        return " " in item and not Path(item).exists()
    except OSError:  # a name too long for the file system is text
        return True


def read_documents(
    items: Iterable[str | Path | Document], report: InputReport | None = None, taken: Iterable[str] | None = None
) -> Iterator[Document]:
    """Yield a :class:`Document` for every article in ``items``.

    Parameters
    ----------
    items : iterable of str, Path or Document
        Paths of ``.txt`` files, saved web pages (``.html``, ``.htm``: their main text and
        metadata, see :func:`read_html_file`), folders or ``.jsonl`` files,
        ready Documents, or raw article strings (a string that is not an existing path and has
        a space or a line break in it is taken as text; its id is ``text-N``).
    report : InputReport, optional
        Collects one message per bad input; bad inputs are skipped.
    taken : iterable of str, optional
        Document ids already in use (say, in a saved extraction read with the articles).

    Two different articles with one id (``a/news.txt`` and ``b/news.txt``) are both read, the
    second as ``news-2``; the same article given twice is read once.  Both are reported as
    warnings.

    Returns
    -------
    iterator of Document

    Examples
    --------
    >>> [d.id for d in read_documents(["Russia backs Assad.", "Iran backs the Houthis."], taken=["text-1"])]
    ['text-1-2', 'text-2']
    """
    report = report if report is not None else InputReport()
    ids = _UniqueIds(report, taken)
    for n, item in enumerate(items, 1):
        if isinstance(item, Document):
            if not isinstance(item.text, str):
                report.add(InputError(f"document {n} ({item.id}): its text is {type(item.text).__name__}, not str"))
                continue
            documents: Iterable[tuple[str, Document]] = [(f"document {n}", item)]
        elif isinstance(item, str) and _looks_like_text(item):
            if not item.strip():
                report.add(InputError(f"text {n}: empty text"))
                continue
            documents = [(f"text {n}", Document(id=f"text-{n}", text=item))]
        else:
            documents = _documents_from_path(Path(item), report)
        for where, document in documents:
            if ids.admit(document, where):
                yield document


class _UniqueIds:
    """Gives every document its own id: a different article under a used id gets a suffix, the
    same article twice is read once; both are said (as warnings)."""

    def __init__(self, report: InputReport, taken: Iterable[str] | None) -> None:
        self.report = report
        self.digests: dict[str, str | None] = dict.fromkeys(taken or ())

    def admit(self, document: Document, where: str) -> bool:
        digest = hashlib.blake2b(document.text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
        old = document.id
        if old not in self.digests:
            self.digests[old] = digest
            return True
        if self.digests[old] == digest:
            self.report.warn(f"{where}: document {old!r} was read before with the same text; read once")
            return False
        n = 2
        while f"{old}-{n}" in self.digests:
            n += 1
        document.id = f"{old}-{n}"
        self.digests[document.id] = digest
        self.report.warn(f"{where}: document id {old!r} is already used by another article; "
                         f"this one is {document.id!r}")
        return True
