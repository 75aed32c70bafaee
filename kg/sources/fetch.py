"""Fetch news pages and feeds over HTTP and turn them into articles.

:class:`HttpClient` is polite and bounded: a timeout on every request, retries with
exponential backoff on timeouts and server errors (never on 4xx), a minimum interval between
two requests to one host, a size limit and a user agent that names kg.  Its on-disk cache
keeps every page it fetched: a feed is asked again with ``If-None-Match`` /
``If-Modified-Since`` (a ``304`` costs no body), an article already in the cache is not asked
again at all, so a second run fetches only what is new.

:func:`fetch_articles` reads pages and RSS/Atom feeds (with the articles they link to) into
:class:`~kg.model.Document` records whose id comes from the canonical URL.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http.client import HTTPException
from pathlib import Path
from urllib.parse import urlsplit

from .. import __version__
from ..errors import FetchError, PageError
from ..model import Document
from .feeds import FeedEntry, is_feed, read_feed
from .html import article_id, declared_charset, decode_html, read_page

USER_AGENT = f"kg/{__version__} (news knowledge graph; Python urllib)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
DEFAULT_MAX_BYTES = 5_000_000
_CHUNK = 64 * 1024
# status codes worth another try: the server or a proxy is busy or broken for now
_RETRY_STATUS = {408, 425, 429, 500, 502, 503, 504}
_MAX_RETRY_AFTER = 30.0


def default_cache_dir() -> Path:
    """Return where fetched pages are kept: ``$KG_CACHE_DIR/fetch``, else the user's cache folder.

    Examples
    --------
    >>> default_cache_dir().name
    'fetch'
    """
    if root := os.environ.get("KG_CACHE_DIR"):
        return Path(root) / "fetch"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kg" / "fetch"


@dataclass
class Response:
    """A successful HTTP answer (status 200, or a cached one)."""

    url: str
    content_type: str
    body: bytes
    from_cache: bool = False
    etag: str | None = None
    last_modified: str | None = None

    @property
    def media_type(self) -> str:
        """The content type without its parameters, in lower case."""
        return self.content_type.split(";")[0].strip().lower()


class ResponseCache:
    """Responses on disk, one JSON file (headers) and one body file per URL.

    Examples
    --------
    >>> import tempfile
    >>> cache = ResponseCache(tempfile.mkdtemp())
    >>> cache.put("https://a.example/x", Response("https://a.example/x", "text/html", b"<p>hi</p>"))
    >>> cache.get("https://a.example/x").body
    b'<p>hi</p>'
    """

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        base = self.folder / key[:2] / key
        return base.with_suffix(".json"), base.with_suffix(".body")

    def get(self, url: str) -> Response | None:
        """Return the cached response for ``url``, or ``None``."""
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            body = body_path.read_bytes()
        except (OSError, ValueError):
            return None
        return Response(meta["url"], meta["content_type"], body, True, meta.get("etag"), meta.get("last_modified"))

    def put(self, url: str, response: Response) -> None:
        """Keep ``response`` as the answer for ``url`` (written atomically)."""
        meta_path, body_path = self._paths(url)
        meta_path.parent.mkdir(parents=True, exist_ok=True)
        meta = {k: v for k, v in asdict(response).items() if k not in ("body", "from_cache")}
        meta["fetched"] = datetime.now(UTC).isoformat(timespec="seconds")
        for path, data in ((body_path, response.body), (meta_path, json.dumps(meta).encode("utf-8"))):
            tmp = path.with_suffix(path.suffix + ".tmp")
            tmp.write_bytes(data)
            tmp.replace(path)


@dataclass
class HttpClient:
    """A polite HTTP client for news pages and feeds.

    Parameters
    ----------
    timeout : float
        Seconds allowed for one attempt (connecting and reading the whole body).
    retries : int
        Further attempts after a timeout, a failed connection or a 408/429/5xx answer.
    backoff : float
        Seconds before the first retry; each further retry waits twice as long.
    delay : float
        Minimum seconds between two requests to the same host.
    max_bytes : int
        A larger page is refused.
    cache : ResponseCache, optional
        Where responses are kept between runs; no cache when ``None``.
    user_agent : str
        Sent with every request.

    Examples
    --------
    >>> client = HttpClient(timeout=5, retries=0, delay=0.5)
    >>> client.user_agent.split()[0] == f"kg/{__version__}"
    True
    """

    timeout: float = 15.0
    retries: int = 2
    backoff: float = 1.0
    delay: float = 1.0
    max_bytes: int = DEFAULT_MAX_BYTES
    cache: ResponseCache | None = None
    user_agent: str = USER_AGENT
    sleep: Callable[[float], None] = time.sleep
    requests: int = 0
    _last_request: dict[str, float] = field(default_factory=dict, repr=False)

    def get(self, url: str, revalidate: bool = True) -> Response:
        """Return the response for ``url``.

        Parameters
        ----------
        url : str
        revalidate : bool
            Ask the server again for a cached URL (conditionally); ``False`` trusts the cache.

        Raises
        ------
        FetchError
            On a 4xx answer, on a 5xx answer, a timeout or a failed connection after the
            last retry, and on a page larger than ``max_bytes``.
        """
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(f"{url}: not an http(s) URL")
        cached = self.cache.get(url) if self.cache is not None else None
        if cached is not None and not revalidate:
            return cached
        attempt = 0
        while True:
            try:
                response = self._request(url, cached)
                break
            except _Retryable as e:
                if attempt >= self.retries:
                    tries = f" ({attempt + 1} attempts)" if attempt else ""
                    raise FetchError(f"{url}: {e.reason}{tries}") from None
                self.sleep(max(self.backoff * 2**attempt, e.retry_after))
                attempt += 1
        if self.cache is not None and not response.from_cache:
            self.cache.put(url, response)
        return response

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        last = self._last_request.get(host)
        if last is not None:
            wait = self.delay - (time.monotonic() - last)
            if wait > 0:
                self.sleep(wait)
        self._last_request[host] = time.monotonic()

    def _request(self, url: str, cached: Response | None) -> Response:
        headers = {
            "User-Agent": self.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                      "application/xml;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "identity",
        }
        if cached is not None and cached.etag:
            headers["If-None-Match"] = cached.etag
        if cached is not None and cached.last_modified:
            headers["If-Modified-Since"] = cached.last_modified
        self._wait_for_host(url)
        self.requests += 1
        deadline = time.monotonic() + self.timeout
        try:
            with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=self.timeout) as answer:
                length = answer.headers.get("Content-Length")
                if length and length.isdigit() and int(length) > self.max_bytes:
                    raise FetchError(f"{url}: page too large ({int(length):,} bytes, limit {self.max_bytes:,})")
                body = self._read_body(url, answer, deadline)
                return Response(
                    answer.geturl(),
                    answer.headers.get("Content-Type", ""),
                    body,
                    etag=answer.headers.get("ETag"),
                    last_modified=answer.headers.get("Last-Modified"),
                )
        except urllib.error.HTTPError as e:
            if e.code == 304 and cached is not None:
                return cached
            reason = f"HTTP {e.code} {e.reason}"
            if e.code in _RETRY_STATUS:
                raise _Retryable(reason, _retry_after(e.headers.get("Retry-After"))) from None
            raise FetchError(f"{url}: {reason}") from None
        except TimeoutError:
            raise _Retryable(f"timed out after {self.timeout:g} s") from None
        except urllib.error.URLError as e:
            if isinstance(e.reason, TimeoutError):
                raise _Retryable(f"timed out after {self.timeout:g} s") from None
            raise _Retryable(f"cannot connect: {getattr(e.reason, 'strerror', None) or e.reason}") from None
        except (HTTPException, ConnectionError) as e:
            raise _Retryable(f"connection failed: {e.__class__.__name__}") from None

    def _read_body(self, url: str, answer: object, deadline: float) -> bytes:
        chunks: list[bytes] = []
        size = 0
        while chunk := answer.read(_CHUNK):  # type: ignore[attr-defined]
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(f"{url}: page too large (over the limit of {self.max_bytes:,} bytes)")
            if time.monotonic() > deadline:
                raise _Retryable(f"timed out after {self.timeout:g} s")
            chunks.append(chunk)
        return b"".join(chunks)


class _Retryable(Exception):
    """A failure that another attempt may not meet (timeouts, resets, 429 and 5xx)."""

    def __init__(self, reason: str, retry_after: float = 0.0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


def _retry_after(value: str | None) -> float:
    if not value:
        return 0.0
    if value.strip().isdigit():
        return min(float(value), _MAX_RETRY_AFTER)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return 0.0
    return max(0.0, min((when - datetime.now(UTC)).total_seconds(), _MAX_RETRY_AFTER))


@dataclass
class FetchReport:
    """What a fetch run did: one message per failed URL and the counts."""

    errors: list[str] = field(default_factory=list)
    fetched: int = 0
    from_cache: int = 0
    before_since: int = 0


def article_from_response(response: Response, entry: FeedEntry | None = None) -> Document:
    """Read a fetched page as an article :class:`~kg.model.Document`.

    The id comes from the page's canonical URL (else the URL it was served from); a title or
    date the page lacks is taken from its feed entry.

    Raises
    ------
    PageError
        When the response is not HTML, is not valid in its declared charset, or holds no
        article text.

    Examples
    --------
    >>> page = Response("https://daily.example/a", "text/html; charset=utf-8",
    ...     b"<html><head><title>Talks</title></head><body><article><p>Negotiators from both sides met "
    ...     b"in Geneva on Thursday for a second round of talks on a ceasefire, the mediators said.</p>"
    ...     b"</article></body></html>")
    >>> doc = article_from_response(page, FeedEntry("https://daily.example/a", "Talks", "2026-11-27"))
    >>> doc.id, doc.date, doc.source
    ('daily-example-a-f40fb0', '2026-11-27', 'daily.example')
    """
    untyped_html = not response.media_type and response.body[:256].lstrip().lower().startswith((b"<!doctype html",
                                                                                                b"<html"))
    if response.media_type not in HTML_TYPES and not untyped_html:
        raise PageError(f"not a web page or a feed ({response.media_type or 'no content type'})")
    html = decode_html(response.body, declared_charset(response.body, response.content_type))
    page = read_page(html, response.url)
    url = page.url or response.url
    return Document(
        id=article_id(url),
        text=page.text,
        title=page.title or (entry.title if entry else None),
        date=page.date or (entry.date if entry else None),
        url=url,
        source=page.source,
    )


def _is_before(date: str | None, since: str | None) -> bool:
    return bool(since and date and date[:10] < since)


def fetch_articles(
    urls: Iterable[str], client: HttpClient, since: str | None = None, report: FetchReport | None = None
) -> Iterator[Document]:
    """Yield the articles of web pages and of RSS/Atom feeds (each article a feed links to).

    Parameters
    ----------
    urls : iterable of str
        Pages and feeds; what each is comes from its content type (and root element).
    client : HttpClient
    since : str, optional
        ``YYYY-MM-DD``: feed entries and articles dated before it are left out (undated ones
        are kept).
    report : FetchReport, optional
        Collects one message per failed URL (the others go on) and the counts.

    Returns
    -------
    iterator of Document
        Each article once, even when several feeds link to it.

    Examples
    --------
    >>> docs = list(fetch_articles(["http://127.0.0.1:8000/feed.xml"], HttpClient()))  # doctest: +SKIP
    """
    report = report if report is not None else FetchReport()
    seen: set[str] = set()
    for url in urls:
        for doc in _articles_of(url, client, since, report):
            if doc.id not in seen:
                seen.add(doc.id)
                yield doc


def _articles_of(
    url: str, client: HttpClient, since: str | None, report: FetchReport, entry: FeedEntry | None = None
) -> list[Document]:
    """The article of a page, or the articles of a feed (a feed's own entries are never feeds)."""
    try:
        # a feed is asked again each run; an article a feed links to is trusted from the cache
        response = client.get(url, revalidate=entry is None)
        if response.from_cache:
            report.from_cache += 1
        else:
            report.fetched += 1
        if entry is None and is_feed(response.body, response.content_type):
            docs: list[Document] = []
            for item in read_feed(response.body, response.url):
                if _is_before(item.date, since):
                    report.before_since += 1
                else:
                    docs += _articles_of(item.url, client, since, report, item)
            return docs
        doc = article_from_response(response, entry)
    except (FetchError, PageError) as e:
        message = str(e)
        report.errors.append(message if message.startswith(url) else f"{url}: {message}")
        return []
    if _is_before(doc.date, since):
        report.before_since += 1
        return []
    return [doc]


def article_record(document: Document) -> dict[str, str | None]:
    """Return an article as a line of article JSONL: ``{"id", "text", "title", "date", "url", "source"}``.

    Examples
    --------
    >>> article_record(Document("a", "Talks resumed.", url="https://daily.example/a"))["url"]
    'https://daily.example/a'
    """
    return {"id": document.id, "text": document.text, "title": document.title, "date": document.date,
            "url": document.url, "source": document.source}
