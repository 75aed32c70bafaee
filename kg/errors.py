"""Named exceptions.  The CLI turns each into one clean line and a non-zero exit."""

from __future__ import annotations


class KgError(Exception):
    """Base class of every error a user can cause or fix."""


class InputError(KgError):
    """An input file or line cannot be read (missing, empty, binary, not UTF-8, not JSON)."""


class ActorsFileError(KgError):
    """A user's ``--actors`` file is malformed."""


class Neo4jUnavailable(KgError):
    """The Neo4j server cannot be reached or refuses the credentials."""


class QueryError(KgError):
    """A named query is unknown, a parameter is missing, or a query failed."""


class PageError(InputError):
    """A web page or feed cannot be read as an article (no main text, not HTML, bad charset)."""


class FetchError(KgError):
    """A URL cannot be fetched (HTTP error, timeout, too large) or read as a page or feed."""
