"""kg.sources.fetch against a real HTTP server on 127.0.0.1 (tests/web_server.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from web_server import HUGE_BYTES, WEB_DATA, RunningServer, WebServer

from kg import __version__
from kg.sources.fetch import FetchReport, HttpClient, ResponseCache, fetch_articles

BARA_ID = "meridianpost-example-africa-2026-11-28-rsf-fighters-seize-bara-c4c71f"
DRONES_ID = "meridianpost-example-africa-2026-11-20-egypt-drones-sudan-army-a9d888"
TANKER_ID = "harbourgazette-example-news-houthis-strike-tanker-red-sea-36b665"


@pytest.fixture
def web() -> Iterator[WebServer]:
    with RunningServer() as server:
        yield server


class Sleeps(list):
    """Records the waits of a client instead of sleeping (backoff without slowing the tests)."""

    def __call__(self, seconds: float) -> None:
        self.append(round(seconds, 3))


def client(cache: Path | None = None, **options: float) -> HttpClient:
    settings = {"timeout": 1.0, "retries": 0, "backoff": 0.01, "delay": 0.0, "max_bytes": 100_000} | options
    return HttpClient(cache=ResponseCache(cache) if cache else None, **settings)  # type: ignore[arg-type]


def fetch(urls: list[str], http: HttpClient, since: str | None = None) -> tuple[list, FetchReport]:
    report = FetchReport()
    return list(fetch_articles(urls, http, since=since, report=report)), report


def test_rss_feed_brings_its_articles_with_their_metadata(web: WebServer) -> None:
    docs, report = fetch([f"{web.base}/meridian/rss.xml"], client())
    assert [(d.id, d.title, d.date, d.url, d.source) for d in docs] == [
        (BARA_ID, "RSF fighters seize Bara in North Kordofan", "2026-11-28",
         "https://www.meridianpost.example/africa/2026/11/28/rsf-fighters-seize-bara", "The Meridian Post"),
        (DRONES_ID, "Egypt sends drones to Sudan's army, diplomats say", "2026-11-20",
         "https://www.meridianpost.example/africa/2026/11/20/egypt-drones-sudan-army", "The Meridian Post"),
    ]
    assert docs[0].text.startswith("The paramilitary Rapid Support Forces captured the town of Bara")
    assert "Related articles" not in docs[0].text and "cookies" not in docs[0].text
    assert report.errors == [] and report.fetched == 3


def test_atom_feed_and_a_windows_1252_page(web: WebServer) -> None:
    docs, report = fetch([f"{web.base}/harbour/atom.xml"], client())
    assert [(d.id, d.date, d.source) for d in docs] == [(TANKER_ID, "2026-11-26", "Harbour Gazette")]
    assert "Yemen\u2019s Houthis attacked" in docs[0].text and "Su\u00e9z" in docs[0].text
    assert report.errors == []


def test_a_page_given_directly_is_one_article(web: WebServer) -> None:
    docs, _ = fetch([f"{web.base}/meridian/africa-rsf-bara.html#comments"], client())
    assert [d.id for d in docs] == [BARA_ID]


def test_an_article_linked_twice_is_written_once(web: WebServer) -> None:
    docs, _ = fetch([f"{web.base}/meridian/africa-rsf-bara.html", f"{web.base}/meridian/rss.xml"], client())
    assert [d.id for d in docs] == [BARA_ID, DRONES_ID]


def test_every_request_names_kg_in_its_user_agent(web: WebServer) -> None:
    fetch([f"{web.base}/meridian/rss.xml"], client())
    assert {h.user_agent for h in web.hits} == {f"kg/{__version__} (news knowledge graph; Python urllib)"}


def test_each_failed_url_gets_one_error_and_the_others_go_on(web: WebServer) -> None:
    web.slow_seconds = 2.0
    base = web.base
    urls = [f"{base}/fail/404", f"{base}/fail/500", f"{base}/meridian/africa-rsf-bara.html", f"{base}/fail/slow",
            f"{base}/fail/pdf", f"{base}/fail/huge", f"{base}/fail/huge-stream", f"{base}/fail/bad-charset",
            f"{base}/fail/unknown-charset", f"{base}/fail/no-article.html", "ftp://127.0.0.1/feed.xml",
            "http://127.0.0.1:9/closed"]
    docs, report = fetch(urls, client(timeout=0.5))
    assert [d.id for d in docs] == [BARA_ID]
    assert report.errors == [
        f"{base}/fail/404: HTTP 404 Not Found",
        f"{base}/fail/500: HTTP 500 Internal Server Error",
        f"{base}/fail/slow: timed out after 0.5 s",
        f"{base}/fail/pdf: not a web page or a feed (application/pdf)",
        f"{base}/fail/huge: page too large ({len_of_huge(web):,} bytes, limit 100,000)",
        f"{base}/fail/huge-stream: page too large (over the limit of 100,000 bytes)",
        f"{base}/fail/bad-charset: not valid utf-8 text (byte 56)",
        f"{base}/fail/unknown-charset: unknown charset 'x-martian'",
        f"{base}/fail/no-article.html: no article text found in the page",
        "ftp://127.0.0.1/feed.xml: not an http(s) URL",
        "http://127.0.0.1:9/closed: cannot connect: Connection refused",
    ]


def len_of_huge(web: WebServer) -> int:
    from web_server import article_html

    filler = "<p>" + "The talks went on late into the night. " * 40 + "</p>"
    return len(article_html("A very long page", [filler] * (HUGE_BYTES // len(filler) + 1)).encode())


def test_server_errors_are_retried_with_exponential_backoff(web: WebServer) -> None:
    sleeps = Sleeps()
    docs, report = fetch([f"{web.base}/fail/flaky"], client(retries=2, backoff=0.25, sleep=sleeps))
    assert [d.title for d in docs] == ["Ceasefire talks resume"] and report.errors == []
    assert web.statuses("/fail/flaky") == [500, 500, 200]
    assert sleeps == [0.25, 0.5]


def test_retries_give_up_with_the_number_of_attempts(web: WebServer) -> None:
    sleeps = Sleeps()
    _, report = fetch([f"{web.base}/fail/500", f"{web.base}/fail/404"], client(retries=2, backoff=0.1, sleep=sleeps))
    assert report.errors == [f"{web.base}/fail/500: HTTP 500 Internal Server Error (3 attempts)",
                             f"{web.base}/fail/404: HTTP 404 Not Found"]
    assert web.statuses("/fail/500") == [500, 500, 500] and web.statuses("/fail/404") == [404]
    assert sleeps == [0.1, 0.2]


def test_retry_after_is_respected(web: WebServer) -> None:
    sleeps = Sleeps()
    docs, _ = fetch([f"{web.base}/fail/retry-after"], client(retries=1, backoff=0.1, sleep=sleeps))
    assert len(docs) == 1 and sleeps == [1.0]


def test_requests_to_one_host_keep_the_minimum_interval(web: WebServer) -> None:
    fetch([f"{web.base}/meridian/rss.xml", f"{web.base}/harbour/atom.xml"], client(delay=0.3))
    times = [h.at for h in web.hits]
    assert len(times) == 5
    assert min(b - a for a, b in zip(times, times[1:], strict=False)) >= 0.28


def test_a_second_run_fetches_only_what_is_new(web: WebServer, tmp_path: Path) -> None:
    feed = f"{web.base}/meridian/rss.xml"
    first, report1 = fetch([feed], client(tmp_path))
    assert (report1.fetched, report1.from_cache) == (3, 0)
    hits = len(web.hits)
    second, report2 = fetch([feed], client(tmp_path))
    assert [d.id for d in second] == [d.id for d in first]
    assert [(h.path.split("?")[0], h.status) for h in web.hits[hits:]] == [("/meridian/rss.xml", 304)]
    assert (report2.fetched, report2.from_cache) == (0, 3)
    # the feed grows by one article: only the feed and that article are fetched
    rss = (WEB_DATA / "meridian" / "rss.xml").read_text(encoding="utf-8")
    item = ("<item><title>Houthis strike tanker</title><link>{{BASE}}/harbour/houthis-strike-tanker.html</link>"
            "<pubDate>Thu, 26 Nov 2026 18:05:00 GMT</pubDate></item>")
    web.overrides["/meridian/rss.xml"] = rss.replace("<item>", item + "<item>", 1)
    hits = len(web.hits)
    third, report3 = fetch([feed], client(tmp_path))
    assert [d.id for d in third] == [TANKER_ID, BARA_ID, DRONES_ID]
    assert [(h.path.split("?")[0], h.status) for h in web.hits[hits:]] == [
        ("/meridian/rss.xml", 200), ("/harbour/houthis-strike-tanker.html", 200)]
    assert (report3.fetched, report3.from_cache) == (2, 2)


def test_since_leaves_out_older_entries_without_fetching_them(web: WebServer) -> None:
    docs, report = fetch([f"{web.base}/meridian/rss.xml"], client(), since="2026-11-25")
    assert [d.id for d in docs] == [BARA_ID]
    assert web.count("/meridian/africa-egypt-drones.html") == 0
    assert report.before_since == 1


def test_since_leaves_out_an_older_page_given_directly(web: WebServer) -> None:
    docs, report = fetch([f"{web.base}/meridian/africa-egypt-drones.html"], client(), since="2026-11-25")
    assert docs == [] and report.before_since == 1 and report.errors == []


def test_a_dead_link_in_a_feed_is_one_error_and_the_feed_goes_on(web: WebServer) -> None:
    docs, report = fetch([f"{web.base}/fail/broken-link.xml"], client())
    assert [d.id for d in docs] == [BARA_ID]
    assert report.errors == [f"{web.base}/meridian/retracted-jeddah-talks.html: HTTP 404 Not Found"]


def test_a_page_without_a_content_type_is_read_when_it_is_html(web: WebServer) -> None:
    docs, report = fetch([f"{web.base}/fail/untyped", f"{web.base}/fail/untyped-binary"], client())
    assert [d.title for d in docs] == ["Ceasefire talks resume"]
    assert report.errors == [f"{web.base}/fail/untyped-binary: not a web page or a feed (no content type)"]
