"""The local server manager: starting twice, loopback, password, Browser, the Maven recipe."""

from __future__ import annotations

import os
import stat
import urllib.request
from pathlib import Path
from xml.etree import ElementTree

import pytest

from kg.store import server

pytestmark = pytest.mark.neo4j


# -- the local server ------------------------------------------------------------------------------


def test_starting_a_running_server_is_harmless(neo4j_env: dict[str, str]) -> None:
    home = Path(os.environ["KG_NEO4J_HOME"])
    before = server.status(home)
    again = server.start(home)
    assert before.running and again.running
    assert (again.pid, again.uri) == (before.pid, before.uri) == (before.pid, neo4j_env["uri"])


def test_server_listens_on_loopback_only_with_a_private_generated_password(neo4j_env: dict[str, str]) -> None:
    info = server.status(Path(os.environ["KG_NEO4J_HOME"]))
    conf = (info.home / "conf" / "neo4j.conf").read_text(encoding="utf-8")
    listen = dict(line.split("=", 1) for line in conf.splitlines() if "listen_address" in line)
    assert set(listen) == {
        "server.default_listen_address",
        "server.bolt.listen_address",
        "server.http.listen_address",
    }
    assert all(v.startswith("127.0.0.1") for v in listen.values())
    assert "dbms.security.auth_enabled=true" in conf
    assert stat.S_IMODE(info.password_file.stat().st_mode) == 0o600
    assert len(info.password()) >= 20 and info.password() != "neo4j"


def test_neo4j_browser_is_served(neo4j_env: dict[str, str]) -> None:
    info = server.status(Path(os.environ["KG_NEO4J_HOME"]))
    with urllib.request.urlopen(info.browser_url, timeout=10) as response:  # noqa: S310 - loopback
        assert response.status == 200
        assert "<title>Neo4j Browser</title>" in response.read().decode("utf-8", "replace")


def test_maven_project_pins_the_version_the_server_code_expects() -> None:
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    pom = ElementTree.parse(server.pom_path()).getroot()
    assert pom.findtext("m:properties/m:neo4j.version", namespaces=ns) == server.NEO4J_VERSION
    artifacts = [(d.findtext("m:groupId", namespaces=ns), d.findtext("m:artifactId", namespaces=ns))
                 for d in pom.iterfind("m:dependencies/m:dependency", ns)]
    assert artifacts == [("org.neo4j", "neo4j"), ("org.neo4j.client", "neo4j-browser")]


def test_status_of_a_server_that_never_started(tmp_path: Path) -> None:
    info = server.status(tmp_path)
    assert (info.running, info.pid, info.uri) == (False, None, "bolt://127.0.0.1:7687")
    assert server.stop(tmp_path).running is False
