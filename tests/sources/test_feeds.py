"""kg.sources.feeds: RSS and Atom entries."""

from __future__ import annotations

import pytest
from web_server import WEB_DATA

from kg.errors import PageError
from kg.sources.feeds import FeedEntry, is_feed, read_feed

BASE = "http://127.0.0.1:8000"


def feed_bytes(path: str) -> bytes:
    return (WEB_DATA / path).read_bytes().replace(b"{{BASE}}", BASE.encode())


def test_rss_entries_in_feed_order() -> None:
    assert read_feed(feed_bytes("meridian/rss.xml"), f"{BASE}/meridian/rss.xml") == [
        FeedEntry(f"{BASE}/meridian/africa-rsf-bara.html?utm_source=rss&utm_medium=feed",
                  "RSF fighters seize Bara in North Kordofan", "2026-11-28"),
        FeedEntry(f"{BASE}/meridian/africa-egypt-drones.html?utm_source=rss&utm_medium=feed",
                  "Egypt sends drones to Sudan's army, diplomats say", "2026-11-20"),
    ]


def test_atom_entry_dated_by_its_published_time_in_utc() -> None:
    assert read_feed(feed_bytes("harbour/atom.xml")) == [
        FeedEntry(f"{BASE}/harbour/houthis-strike-tanker.html", "Houthis strike tanker in the Red Sea", "2026-11-26"),
    ]


def test_relative_links_resolve_against_the_feed_url() -> None:
    rss = b"<rss version='2.0'><channel><item><link>../news/a.html</link></item></channel></rss>"
    assert read_feed(rss, "https://x.example/feeds/rss.xml") == [FeedEntry("https://x.example/news/a.html")]


def test_a_web_page_is_no_feed() -> None:
    page = (WEB_DATA / "meridian" / "africa-rsf-bara.html").read_bytes()
    assert not is_feed(page, "text/html")
    assert not is_feed(page, "text/xml")
    with pytest.raises(PageError, match="^not an RSS or Atom feed"):
        read_feed(b"just some text")


def test_feeds_are_recognised_by_type_or_by_their_root() -> None:
    assert is_feed(feed_bytes("harbour/atom.xml"), "application/atom+xml")
    assert is_feed(feed_bytes("harbour/atom.xml"), "application/xml")
    assert is_feed(b"<?xml version='1.0'?>\n<!-- generated -->\n<rss version='2.0'/>", "text/plain")
    assert is_feed(feed_bytes("meridian/rss.xml"), None)
    assert is_feed(feed_bytes("meridian/rss.xml"), "text/html; charset=utf-8")  # a misconfigured server
    assert not is_feed(feed_bytes("meridian/rss.xml"), "image/png")
