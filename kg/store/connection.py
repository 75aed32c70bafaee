"""Connecting to Neo4j: which server and credentials, opening the driver, and driver errors as
one-line :class:`~kg.errors.Neo4jUnavailable` / :class:`~kg.errors.QueryError`.

Settings come from the arguments, else ``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD`` and
``NEO4J_DATABASE``, else the local server that ``kg neo4j start`` started.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass

import neo4j
import neo4j.exceptions as nx4j

from ..errors import Neo4jUnavailable, QueryError
from . import server

log = logging.getLogger(__name__)

HINT = (
    "set NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD (or --uri/--user/--password), "
    "or run `kg neo4j start` for the local server"
)

_BOLT_SCHEMES = {"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"}


@dataclass(frozen=True)
class Connection:
    """Where to connect and as whom; ``origin`` says where the settings came from."""

    uri: str
    user: str
    password: str | None
    database: str | None
    origin: str


def resolve_connection(
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
) -> Connection:
    """Work out the connection settings: arguments, else ``NEO4J_*`` variables, else the local
    server that ``kg neo4j start`` started.

    Parameters
    ----------
    uri, user, password, database : str, optional
        Explicit settings; each falls back to ``NEO4J_URI``, ``NEO4J_USERNAME``,
        ``NEO4J_PASSWORD`` and ``NEO4J_DATABASE``.

    Returns
    -------
    Connection

    Raises
    ------
    Neo4jUnavailable
        When nothing is set and the local server never started.

    Examples
    --------
    >>> resolve_connection("bolt://db:7687", "neo4j", "pw").origin
    'arguments'
    """
    origin = "arguments" if uri else "environment"
    uri = uri or os.environ.get("NEO4J_URI") or None
    user = user or os.environ.get("NEO4J_USERNAME") or None
    password = password if password is not None else os.environ.get("NEO4J_PASSWORD")
    database = database or os.environ.get("NEO4J_DATABASE") or None
    local = server.local_credentials()
    if uri is None:
        if local is None:
            raise Neo4jUnavailable(f"no Neo4j server is configured: {HINT}")
        return Connection(local[0], user or local[1], password or local[2], database, "local server")
    if password is None and local is not None and local[0] == uri:
        password = local[2]  # the local server, named explicitly
    return Connection(uri, user or server.USER, password, database, origin)


def one_line(e: BaseException) -> str:
    """Return a driver error's message on one line (at most 300 characters).

    Examples
    --------
    >>> one_line(ValueError("two\\nlines"))
    'two lines'
    """
    text = (e.message if isinstance(e, nx4j.Neo4jError) else None) or str(e) or type(e).__name__
    return " ".join(str(text).split())[:300]


@contextlib.contextmanager
def translate_errors(uri: str, user: str) -> Iterator[None]:
    """Turn driver errors raised in the block into one-line :class:`Neo4jUnavailable` or
    :class:`QueryError` that name the URI and what to set.

    Examples
    --------
    >>> with translate_errors("bolt://db:7687", "neo4j"):  # doctest: +ELLIPSIS
    ...     raise nx4j.ServiceUnavailable("down")
    Traceback (most recent call last):
    kg.errors.Neo4jUnavailable: cannot reach Neo4j at bolt://db:7687 (down); set NEO4J_URI, ...
    """
    try:
        yield
    except nx4j.AuthError as e:
        raise Neo4jUnavailable(
            f"Neo4j at {uri} refused the credentials of user {user!r} ({one_line(e)}); {HINT}"
        ) from e
    except (nx4j.ServiceUnavailable, nx4j.SessionExpired, ConnectionError, OSError) as e:
        raise Neo4jUnavailable(f"cannot reach Neo4j at {uri} ({one_line(e)}); {HINT}") from e
    except nx4j.ConfigurationError as e:
        raise Neo4jUnavailable(f"cannot use the Neo4j URI {uri!r} ({one_line(e)}); {HINT}") from e
    except nx4j.Neo4jError as e:
        code = getattr(e, "code", "") or ""
        if "AccessMode" in code:
            raise QueryError(f"this query writes, and ad-hoc queries run read-only: {one_line(e)}") from e
        if code.startswith("Neo.ClientError.Security"):
            raise Neo4jUnavailable(f"Neo4j at {uri} refused user {user!r} ({one_line(e)}); {HINT}") from e
        raise QueryError(f"Neo4j at {uri} rejected the query: {one_line(e)}") from e
    except nx4j.DriverError as e:
        raise Neo4jUnavailable(f"Neo4j at {uri} failed ({one_line(e)}); {HINT}") from e


def open_driver(conn: Connection, max_retry_time: float | None = None) -> neo4j.Driver:
    """Open a driver for ``conn`` and check that the server answers and accepts the credentials.

    Parameters
    ----------
    conn : Connection
    max_retry_time : float, optional
        Seconds a managed transaction keeps retrying transient failures (deadlocks, a leader
        switch, a lost connection): default 30, or ``KG_NEO4J_RETRY_SECONDS``.

    Returns
    -------
    neo4j.Driver

    Raises
    ------
    Neo4jUnavailable
        When the server is down, the URI is wrong or the credentials are refused.

    Examples
    --------
    >>> open_driver(Connection("http://db:7474", "neo4j", "pw", None, "arguments"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.errors.Neo4jUnavailable: cannot use the Neo4j URI 'http://db:7474': kg speaks Bolt ...
    """
    if max_retry_time is None:
        max_retry_time = float(os.environ.get("KG_NEO4J_RETRY_SECONDS", "30"))
    scheme = conn.uri.split("://", 1)[0].lower() if "://" in conn.uri else ""
    if scheme not in _BOLT_SCHEMES:
        raise Neo4jUnavailable(
            f"cannot use the Neo4j URI {conn.uri!r}: kg speaks Bolt (bolt://host:7687 or neo4j://host); "
            f"{HINT}"
        )
    with translate_errors(conn.uri, conn.user):
        try:
            driver = neo4j.GraphDatabase.driver(
                conn.uri,
                auth=(conn.user, conn.password or ""),
                max_transaction_retry_time=max_retry_time,
                connection_timeout=10.0,
                connection_acquisition_timeout=30.0,
                notifications_min_severity="OFF",
            )
        except ValueError as e:
            raise nx4j.ConfigurationError(str(e)) from e
        try:
            driver.verify_connectivity()
        except ValueError as e:
            driver.close()
            raise nx4j.ConfigurationError(str(e)) from e
        except BaseException:
            driver.close()
            raise
    log.info("connected to Neo4j at %s (%s)", conn.uri, conn.origin)
    return driver
