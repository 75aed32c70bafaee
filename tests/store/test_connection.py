"""Connection settings and one-line connection errors."""

from __future__ import annotations

from pathlib import Path

import pytest

import kg.store
from kg.errors import Neo4jUnavailable
from kg.store import connect, server

pytestmark = pytest.mark.neo4j


# -- connections and errors ----------------------------------------------------------------------


def test_wrong_password_names_the_uri_and_the_variables(neo4j_env: dict[str, str]) -> None:
    with pytest.raises(Neo4jUnavailable) as e:
        connect(neo4j_env["uri"], neo4j_env["user"], "not-the-password")
    message = str(e.value)
    assert neo4j_env["uri"] in message and "NEO4J_PASSWORD" in message and "refused" in message
    assert "\n" not in message


def test_down_server_names_the_uri_and_the_variables(neo4j_env: dict[str, str]) -> None:
    uri = f"bolt://127.0.0.1:{server.free_port()}"
    with pytest.raises(Neo4jUnavailable) as e:
        connect(uri, "neo4j", "whatever")
    message = str(e.value)
    assert message.startswith(f"cannot reach Neo4j at {uri}") and "NEO4J_URI" in message
    assert "\n" not in message


@pytest.mark.parametrize("uri", ["http://127.0.0.1:7474", "localhost:7687", "bolt://127.0.0.1:port"])
def test_wrong_uri_names_it_and_the_variables(neo4j_env: dict[str, str], uri: str) -> None:
    with pytest.raises(Neo4jUnavailable) as e:
        connect(uri, "neo4j", "whatever")
    assert repr(uri) in str(e.value) and "NEO4J_URI" in str(e.value)


def test_default_password_is_refused(neo4j_env: dict[str, str]) -> None:
    with pytest.raises(Neo4jUnavailable, match="refused"):
        connect(neo4j_env["uri"], "neo4j", "neo4j")


def test_connection_falls_back_to_the_local_server(neo4j_env: dict[str, str], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for var in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD"):
        monkeypatch.delenv(var)
    conn = kg.store.resolve_connection()
    assert (conn.uri, conn.user, conn.password, conn.origin) == (
        neo4j_env["uri"],
        "neo4j",
        neo4j_env["password"],
        "local server",
    )
    with connect() as store:
        assert store.uri == neo4j_env["uri"]


def test_arguments_win_over_the_environment(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEO4J_URI", "bolt://env-host:7687")
    monkeypatch.setenv("NEO4J_USERNAME", "env-user")
    monkeypatch.setenv("NEO4J_PASSWORD", "env-pw")
    monkeypatch.setenv("NEO4J_DATABASE", "env-db")
    assert kg.store.resolve_connection() == kg.store.Connection(
        "bolt://env-host:7687", "env-user", "env-pw", "env-db", "environment"
    )
    assert kg.store.resolve_connection("neo4j://arg-host", "arg-user", "arg-pw", "arg-db") == kg.store.Connection(
        "neo4j://arg-host", "arg-user", "arg-pw", "arg-db", "arguments"
    )


def test_nothing_configured_says_what_to_set(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for var in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("KG_NEO4J_HOME", str(tmp_path))
    with pytest.raises(Neo4jUnavailable, match="no Neo4j server is configured: set NEO4J_URI"):
        connect()
