"""`kg fetch`: web pages and RSS/Atom feeds in, article JSONL out."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from ..sources.fetch import (
    DEFAULT_MAX_BYTES,
    FetchReport,
    HttpClient,
    ResponseCache,
    article_record,
    default_cache_dir,
    fetch_articles,
)
from .common import error, fail


def _since(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint="--since") from None


def fetch_command(
    urls: Annotated[list[str], typer.Argument(help="Web pages and RSS/Atom feeds (a feed brings the articles it "
                                                   "links to).", show_default=False)],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write the article JSONL here instead of "
                                                                       "standard output.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Leave out articles dated before this day "
                                                              "(YYYY-MM-DD); undated ones are kept.")] = None,
    cache: Annotated[Path | None, typer.Option("--cache", help="Cache folder (default: $KG_CACHE_DIR/fetch or "
                                                               "~/.cache/kg/fetch).", show_default=False)] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Fetch everything again and keep nothing.")] = False,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds allowed for one request.")] = 15.0,
    retries: Annotated[int, typer.Option("--retries", help="Further attempts after a timeout or a server "
                                                           "error (with exponential backoff).")] = 2,
    delay: Annotated[float, typer.Option("--delay", help="Minimum seconds between two requests to one host.")] = 1.0,
    max_size: Annotated[int, typer.Option("--max-size", help="Refuse a page larger than this many bytes.")]
    = DEFAULT_MAX_BYTES,
) -> None:
    """Fetch news pages and feeds into article JSONL (id, text, title, date, url, source) for `kg extract`.

    A feed is asked again on every run; an article already in the cache is not fetched again, so a
    second run fetches only what is new.  A URL that fails gets one error line, the others go on,
    and the exit status is 1.

    Example: kg fetch https://www.example.org/world/rss.xml --since 2026-11-23 -o week.jsonl
    """
    client = HttpClient(
        timeout=timeout, retries=retries, delay=delay, max_bytes=max_size,
        cache=None if no_cache else ResponseCache(cache or default_cache_dir()),
    )
    report = FetchReport()
    articles = fetch_articles(urls, client, since=_since(since), report=report)
    lines = [json.dumps(article_record(a), ensure_ascii=False) + "\n" for a in articles]
    for message in report.errors:
        error(message)
    if output is None:
        sys.stdout.write("".join(lines))
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text("".join(lines), encoding="utf-8")
    skipped = f", {report.before_since} left out as older than --since" if report.before_since else ""
    fetched = f"{report.fetched} {'page or feed' if report.fetched == 1 else 'pages or feeds'} fetched"
    typer.echo(f"kg: {len(lines)} article{'' if len(lines) == 1 else 's'}; {fetched}, {report.from_cache} from the "
               f"cache{skipped}" + (f" -> {output}" if output is not None else ""), err=True)
    if report.errors:
        fail(f"{len(report.errors)} URL(s) failed (see above); the others were fetched")
