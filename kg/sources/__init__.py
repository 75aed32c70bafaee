"""Articles from the web: saved pages, URLs and RSS/Atom feeds.

- :mod:`kg.sources.html`: one page's main text and metadata (trafilatura, htmldate);
- :mod:`kg.sources.feeds`: the entries of an RSS or Atom feed (feedparser);
- :mod:`kg.sources.fetch`: HTTP with timeouts, retries, a per-host rate limit and an on-disk cache.
"""
