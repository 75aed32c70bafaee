"""Nothing on the host is reachable through Cypher, the password never shows on a command line, and
the server's files are private (issue 9, items 1-3)."""

from __future__ import annotations

import http.server
import os
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest

from kg.errors import Neo4jUnavailable, QueryError
from kg.store import Store, server
from kg.store.config import PROTECTED, config_text

pytestmark = pytest.mark.neo4j

SECRET = "kg-secret-loopback-content"


class _Handler(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        _Handler.hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(f"{SECRET},x\n".encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def loopback_service() -> Iterator[tuple[str, list[str]]]:
    """A real HTTP service on 127.0.0.1 serving a secret; yields its URL and the paths it served."""
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/", _Handler.hits
    finally:
        httpd.shutdown()


def home() -> Path:
    return Path(os.environ["KG_NEO4J_HOME"])


def reaching_out(url: str) -> list[str]:
    """Ad-hoc queries that try to read ``url`` (a loopback service) or host files, in several disguises."""
    password_file = home() / "password"
    return [
        "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
        "LOAD CSV FROM 'file:///../../etc/passwd' AS line RETURN line",
        f"LOAD CSV FROM 'file://{password_file}' AS line RETURN line",
        f"LOAD CSV FROM '{url}' AS line RETURN line",
        f"LOAD CSV FROM '{url.replace('127.0.0.1', 'localhost')}' AS line RETURN line",
        "load /* hidden */ csv\nfrom 'file:///etc/passwd' as line return line",
        "MATCH (a:Actor) CALL (a) { LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line } RETURN line",
        "WITH 'file:///etc/passwd' AS u LOAD CSV FROM u AS line RETURN line",
        f"LOAD CSV WITH HEADERS FROM '{url}' AS row RETURN row",
        "CALL dbms.components() YIELD name RETURN name",
    ]


def test_ad_hoc_cypher_cannot_read_files_or_loopback_services(
    loaded: Store, loopback_service: tuple[str, list[str]]
) -> None:
    url, hits = loopback_service
    refused = []
    for cypher in reaching_out(url):
        with pytest.raises(QueryError) as e:
            loaded.run_cypher(cypher)
        message = str(e.value)
        assert "root:" not in message and SECRET not in message
        refused.append(message.split(":")[0])
    assert refused == ["ad-hoc queries may not use LOAD CSV"] * 9 + [
        "ad-hoc queries may not call the procedure dbms.components (allowed"
    ]
    assert hits == []


def test_read_graph_is_checked_like_ad_hoc_cypher(loaded: Store) -> None:
    with pytest.raises(QueryError, match="may not use LOAD CSV"):
        loaded.read_graph("LOAD CSV FROM 'file:///etc/passwd' AS line MATCH (a:Actor) RETURN a")


def test_schema_procedures_and_plain_reads_still_run(loaded: Store) -> None:
    assert [r["label"] for r in loaded.run_cypher("CALL db.labels() YIELD label RETURN label ORDER BY label")][:2] == [
        "Actor",
        "ArmedGroup",
    ]
    assert loaded.run_cypher("MATCH (s:Sentence) WHERE s.text CONTAINS 'LOAD CSV' RETURN count(s) AS n") == [{"n": 0}]


def test_the_server_itself_refuses_file_urls_and_loopback_addresses(
    loaded: Store, loopback_service: tuple[str, list[str]]
) -> None:
    # past kg's own check, straight through the driver: the server's configuration is the second wall
    url, hits = loopback_service
    with loaded.driver.session() as session:
        for cypher in reaching_out(url)[:5]:
            with pytest.raises(neo4j.exceptions.ClientError) as e:
                session.run(cypher).consume()
            assert e.value.code == "Neo.ClientError.Statement.ExternalResourceFailed"
            message = str(e.value)
            assert "root:" not in message and SECRET not in message
    assert hits == []


def test_generated_config_confines_load_csv_and_listens_on_loopback(neo4j_env: dict[str, str]) -> None:
    conf = dict(
        line.split("=", 1)
        for line in (home() / "conf" / "neo4j.conf").read_text(encoding="utf-8").splitlines()
        if "=" in line and not line.startswith("#")
    )
    assert conf["dbms.security.allow_csv_import_from_file_urls"] == "false"
    assert conf["server.directories.import"] == str(home() / "import")
    assert conf["dbms.security.auth_enabled"] == "true"
    blocked = conf["internal.dbms.cypher_ip_blocklist"].split(",")
    assert {"127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16"} <= set(
        blocked
    )
    assert list((home() / "import").iterdir()) == []


@pytest.mark.parametrize("setting", sorted(PROTECTED))
def test_extra_config_cannot_weaken_a_protected_setting(setting: str) -> None:
    with pytest.raises(Neo4jUnavailable, match=f"does not let extra configuration change {setting}"):
        config_text(Path("/h"), Path("/lib"), 7687, 7474, "512m", "256m", {setting: "x"})


def test_server_folder_is_private(loaded: Store) -> None:
    modes: dict[str, set[str]] = {"dirs": set(), "files": set()}
    for root, _dirs, files in os.walk(home()):
        modes["dirs"].add(oct(stat.S_IMODE(os.stat(root).st_mode)))
        for name in files:
            path = Path(root, name)
            if not path.is_symlink():
                modes["files"].add(oct(stat.S_IMODE(path.stat().st_mode)))
    assert modes == {"dirs": {"0o700"}, "files": {"0o600"}}
    assert stat.S_IMODE((home() / "data").stat().st_mode) == 0o700


def _cmdlines(needle: str) -> dict[int, str]:
    out = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                text = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if needle in text:
                out[int(entry.name)] = text
    return out


def test_initial_password_never_appears_on_a_command_line(tmp_path: Path) -> None:
    # watch every process while neo4j-admin sets the password of a fresh server folder
    fresh = tmp_path / "fresh"
    for sub in ("conf", "run", "data"):
        (fresh / sub).mkdir(parents=True)
    (fresh / "conf" / "neo4j.conf").write_text("", encoding="utf-8")
    seen: dict[int, str] = {}
    failure: list[BaseException] = []

    def run() -> None:
        try:
            server._set_initial_password(server.find_java(), server.install(), fresh)
        except BaseException as e:  # noqa: BLE001 - reported below
            failure.append(e)

    worker = threading.Thread(target=run)
    worker.start()
    while worker.is_alive():
        seen.update(_cmdlines(str(fresh)))
        time.sleep(0.005)
    assert not failure, failure
    password = (fresh / "password").read_text(encoding="utf-8").strip()
    assert len(password) >= 20
    assert any("AdminTool" in c or "@" in c for c in seen.values()), seen  # neo4j-admin was watched
    assert all(password not in c for c in seen.values())
    assert not (fresh / "run" / "set-initial-password.args").exists()
    assert stat.S_IMODE((fresh / "password").stat().st_mode) == 0o600


def test_running_server_command_line_holds_no_password(neo4j_env: dict[str, str]) -> None:
    info = server.status(home())
    cmdline = Path(f"/proc/{info.pid}/cmdline").read_bytes().decode(errors="replace")
    assert "Neo4jCommunity" in cmdline and neo4j_env["password"] not in cmdline
