"""`kg fetch`, run as a user runs it, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_server import RunningServer, WebServer

BARA_ID = "meridianpost-example-africa-2026-11-28-rsf-fighters-seize-bara-c4c71f"
DRONES_ID = "meridianpost-example-africa-2026-11-20-egypt-drones-sudan-army-a9d888"


@pytest.fixture
def web() -> Iterator[WebServer]:
    with RunningServer() as server:
        yield server


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_fetch_writes_article_jsonl_from_a_feed(run_kg, web: WebServer, tmp_path: Path) -> None:
    out = tmp_path / "articles.jsonl"
    done = run_kg("fetch", f"{web.base}/meridian/rss.xml", "-o", out, "--cache", tmp_path / "cache", "--delay", "0")
    assert done.returncode == 0, done.stderr
    assert done.stderr == f"kg: 2 articles; 3 pages or feeds fetched, 0 from the cache -> {out}\n"
    articles = records(out)
    assert [list(a) for a in articles] == [["id", "text", "title", "date", "url", "source"]] * 2
    assert [(a["id"], a["date"], a["source"]) for a in articles] == [
        (BARA_ID, "2026-11-28", "The Meridian Post"), (DRONES_ID, "2026-11-20", "The Meridian Post")]


def test_a_second_run_takes_known_articles_from_the_cache(run_kg, web: WebServer, tmp_path: Path) -> None:
    args = ("fetch", f"{web.base}/meridian/rss.xml", "--cache", tmp_path / "cache", "--delay", "0")
    first = run_kg(*args)
    second = run_kg(*args)
    assert second.returncode == 0 and second.stdout == first.stdout
    assert second.stderr == "kg: 2 articles; 0 pages or feeds fetched, 3 from the cache\n"
    assert web.statuses("/meridian/rss.xml") == [200, 304]
    assert web.count("/meridian/africa-rsf-bara.html") == 1


def test_since_leaves_out_older_articles(run_kg, web: WebServer, tmp_path: Path) -> None:
    done = run_kg("fetch", f"{web.base}/meridian/rss.xml", "--since", "2026-11-25", "--no-cache", "--delay", "0")
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == [BARA_ID]
    assert done.stderr == "kg: 1 article; 2 pages or feeds fetched, 0 from the cache, 1 left out as older than " \
                          "--since\n"


def test_each_failed_url_is_one_error_line_and_the_exit_status_is_1(run_kg, web: WebServer, tmp_path: Path) -> None:
    out = tmp_path / "articles.jsonl"
    urls = [f"{web.base}/fail/404", f"{web.base}/meridian/africa-rsf-bara.html", f"{web.base}/fail/500",
            f"{web.base}/fail/pdf", f"{web.base}/fail/bad-charset"]
    done = run_kg("fetch", *urls, "-o", out, "--no-cache", "--delay", "0", "--retries", "1")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"kg: error: {web.base}/fail/404: HTTP 404 Not Found",
        f"kg: error: {web.base}/fail/500: HTTP 500 Internal Server Error (2 attempts)",
        f"kg: error: {web.base}/fail/pdf: not a web page or a feed (application/pdf)",
        f"kg: error: {web.base}/fail/bad-charset: not valid utf-8 text (byte 56)",
        f"kg: 1 article; 3 pages or feeds fetched, 0 from the cache -> {out}",
        "kg: error: 4 URL(s) failed (see above); the others were fetched",
    ]
    assert [a["id"] for a in records(out)] == [BARA_ID]


def test_a_timeout_is_one_error_line(run_kg, web: WebServer) -> None:
    web.slow_seconds = 3.0
    done = run_kg("fetch", f"{web.base}/fail/slow", "--no-cache", "--timeout", "0.5", "--retries", "0")
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == f"kg: error: {web.base}/fail/slow: timed out after 0.5 s"


def test_since_must_be_a_date(run_kg) -> None:
    done = run_kg("fetch", "http://127.0.0.1:9/feed.xml", "--since", "last week")
    assert done.returncode == 2 and "'last week' is not a date (YYYY-MM-DD)" in done.stderr
