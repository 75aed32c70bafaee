"""Read the entries of an RSS or Atom feed (feedparser): each entry's link, title and date."""

from __future__ import annotations

import time
from dataclasses import dataclass

import feedparser

from ..errors import PageError

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")
XML_TYPES = ("application/xml", "text/xml")
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: the article it links to."""

    url: str
    title: str | None = None
    date: str | None = None


def is_feed(data: bytes, content_type: str | None = None) -> bool:
    """Tell whether a response is a feed: by its media type, or by its root element when the
    server calls it XML, plain text or HTML.

    Examples
    --------
    >>> is_feed(b"<?xml version='1.0'?><rss version='2.0'><channel/></rss>", "text/xml")
    True
    >>> is_feed(b"<!doctype html><html></html>", "text/html")
    False
    """
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind in FEED_TYPES:
        return True
    # servers often call a feed plain text or even HTML: then its root element decides
    if kind and kind not in XML_TYPES and kind not in ("text/plain", "text/html"):
        return False
    head = data[:512].lstrip().lower()
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2:].lstrip()
        while head.startswith(b"<!--") or head.startswith(b"<?"):
            end = head.find(b"-->") + 3 if head.startswith(b"<!--") else head.find(b"?>") + 2
            head = head[end:].lstrip()
    return head.startswith(_FEED_ROOTS)


def _entry_date(entry: feedparser.FeedParserDict) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def read_feed(data: bytes, url: str | None = None) -> list[FeedEntry]:
    """Return the entries of an RSS or Atom feed that link to an article, in the feed's order.

    Parameters
    ----------
    data : bytes
        The feed as served (feedparser reads its encoding from the XML declaration).
    url : str, optional
        Where the feed came from: relative links are resolved against it.

    Returns
    -------
    list of FeedEntry

    Raises
    ------
    PageError
        When the data is not a feed.

    Examples
    --------
    >>> read_feed(b'''<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
    ...   <item><title>Talks resume</title><link>/2026/11/27/talks</link>
    ...   <pubDate>Fri, 27 Nov 2026 08:00:00 GMT</pubDate></item></channel></rss>''',
    ...   "https://daily.example/rss.xml")
    [FeedEntry(url='https://daily.example/2026/11/27/talks', title='Talks resume', date='2026-11-27')]
    """
    headers = {"content-location": url} if url else None
    parsed = feedparser.parse(data, response_headers=headers, sanitize_html=False, resolve_relative_uris=True)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise PageError(f"not an RSS or Atom feed{f' ({problem})' if problem else ''}")
    entries = []
    for entry in parsed.entries:
        link = entry.get("link") or next(
            (link.get("href") for link in entry.get("links", []) if link.get("href")), None
        )
        if link:
            entries.append(FeedEntry(url=link, title=(entry.get("title") or "").strip() or None,
                                     date=_entry_date(entry)))
    return entries
