"""Read one news web page: its main text, title, publication date, canonical URL and outlet.

trafilatura finds the article body, so the page's furniture (navigation, cookie banners,
"related articles", comments, share bars) never reaches the extractor; htmldate reads the
publication date from the page's metadata first, so that a date in a comment or a teaser
cannot stand in for it.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import htmldate
import trafilatura

from ..errors import PageError
from ..model import Document, slugify

# the HTML standard's sniffing window for a <meta charset>
_SNIFF_BYTES = 1024
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# query parameters that only say where a reader came from
_TRACKING = re.compile(r"^(utm_[a-z]+|fbclid|gclid|ref|cmpid)$", re.IGNORECASE)
_MAX_ID_SLUG = 72
# trafilatura and htmldate log what they discard as warnings; kg reports a page it cannot read
# itself, in one line
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.ERROR)


@dataclass(frozen=True)
class Page:
    """What a page says: its main text and the metadata found with it."""

    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None


def declared_charset(data: bytes, header: str | None = None) -> str | None:
    """Return the charset a page declares: the HTTP header's, else its ``<meta charset>``.

    Examples
    --------
    >>> declared_charset(b'<meta charset="ISO-8859-1"><p>x</p>')
    'iso-8859-1'
    >>> declared_charset(b"<p>x</p>", "text/html; charset=UTF-8")
    'utf-8'
    """
    if header:
        match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", header, re.IGNORECASE)
        if match:
            return match.group(1).lower()
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    return match.group(1).decode("ascii").lower() if match else None


def decode_html(data: bytes, charset: str | None = None) -> str:
    """Decode a page's bytes strictly with its declared charset (UTF-8 when none is declared).

    Parameters
    ----------
    data : bytes
        The page as it was served or saved.
    charset : str, optional
        The declared charset (see :func:`declared_charset`).

    Returns
    -------
    str

    Raises
    ------
    PageError
        When the charset is unknown or the bytes are not valid in it (a page that lies about
        its encoding would otherwise give garbled names).

    Examples
    --------
    >>> decode_html("Ölfeld".encode("latin-1"), "iso-8859-1")
    'Ölfeld'
    >>> decode_html(b"\\xd6lfeld", "utf-8")
    Traceback (most recent call last):
    ...
    kg.errors.PageError: not valid utf-8 text (byte 0)
    """
    name = charset or "utf-8"
    try:
        codec = codecs.lookup(name)
    except LookupError as e:
        raise PageError(f"unknown charset {name!r}") from e
    if codec.name == "utf-8":
        name = "utf-8-sig"  # a byte order mark is no text
    try:
        return data.decode(name)
    except UnicodeDecodeError as e:
        raise PageError(f"not valid {charset or 'utf-8'} text (byte {e.start})") from e


def canonical_url(url: str) -> str:
    """Return ``url`` without its fragment and tracking parameters, host in lower case.

    Examples
    --------
    >>> canonical_url("HTTPS://News.Example.org/a/b?utm_source=rss&page=2#comments")
    'https://news.example.org/a/b?page=2'
    """
    parts = urlsplit(url.strip())
    query = "&".join(p for p in parts.query.split("&") if p and not _TRACKING.match(p.split("=", 1)[0]))
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query, ""))


def article_id(url: str) -> str:
    """Return the stable document id of an article: its canonical URL as a slug plus a short hash.

    The same URL (with or without tracking parameters or a fragment) always gives the same id.

    Examples
    --------
    >>> article_id("https://www.meridian-post.example/world/2026/11/28/rsf-seizes-camp?utm_medium=feed")
    'meridian-post-example-world-2026-11-28-rsf-seizes-camp-4dc39f'
    """
    url = canonical_url(url)
    parts = urlsplit(url)
    host = parts.netloc.removeprefix("www.")
    path = re.sub(r"\.(s?html?|php|aspx?)$", "", parts.path)
    slug = slugify(f"{host} {path} {parts.query}")[:_MAX_ID_SLUG].rstrip("-")
    return f"{slug}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:6]}"


def _outlet(sitename: str | None, url: str | None) -> str | None:
    if sitename and sitename.strip():
        return sitename.strip()
    if url:
        return urlsplit(url).netloc.lower().removeprefix("www.") or None
    return None


def read_page(html: str, url: str | None = None) -> Page:
    """Read the article of one web page.

    Parameters
    ----------
    html : str
        The page's markup (decoded, see :func:`decode_html`).
    url : str, optional
        Where the page was fetched from; the page's own canonical link wins over it.

    Returns
    -------
    Page
        The main text (headline and paragraphs, one a line), the title, the publication date
        (``YYYY-MM-DD``), the canonical URL and the outlet's name (the page's site name, else
        its host).

    Raises
    ------
    PageError
        When the page holds no article text.

    Examples
    --------
    >>> page = read_page(
    ...     "<html><head><title>Talks resume | Daily Wire Example</title>"
    ...     '<meta property="og:site_name" content="Daily Wire Example">'
    ...     '<meta property="article:published_time" content="2026-11-27T08:00:00Z">'
    ...     '<link rel="canonical" href="https://daily.example/talks-resume"></head>'
    ...     "<body><nav><a href='/world'>World</a></nav><article><h1>Talks resume</h1>"
    ...     "<p>Negotiators from both sides met in Geneva on Thursday for a second round of talks on a "
    ...     "ceasefire, the mediators said in a statement after the meeting ended late at night.</p>"
    ...     "</article></body></html>")
    >>> page.title, page.date, page.url, page.source
    ('Talks resume', '2026-11-27', 'https://daily.example/talks-resume', 'Daily Wire Example')
    >>> page.text.splitlines()[:1]
    ['Talks resume']
    """
    extracted = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        deduplicate=False,
    )
    text = (extracted.text or "").strip() if extracted is not None else ""
    if not text:
        raise PageError("no article text found in the page")
    date = htmldate.find_date(html, extensive_search=False, original_date=True, url=url) or extracted.date
    page_url = extracted.url or url
    return Page(
        text=text,
        title=(extracted.title or "").strip() or None,
        date=date,
        url=page_url,
        source=_outlet(extracted.sitename, page_url),
    )


def page_document(data: bytes, path: str | Path) -> Document:
    """Read the bytes of a page saved as ``path`` as a :class:`~kg.model.Document`; its id is the
    file's stem.  (:func:`kg.inputs.read_html_file` reads the file.)

    Raises
    ------
    PageError
        When the page is not valid in its declared charset or holds no article text.
    """
    path = Path(path)
    try:
        page = read_page(decode_html(data, declared_charset(data)))
    except PageError as e:
        raise PageError(f"{path}: {e}") from e
    return Document(id=path.stem, text=page.text, title=page.title, date=page.date, url=page.url,
                    source=page.source)
