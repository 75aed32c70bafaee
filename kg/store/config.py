"""The local server's ``neo4j.conf`` and the file modes of its folder.

The generated configuration is never weaker than Neo4j's own defaults, and stricter where a local
analysis server can afford it:

- Bolt and HTTP listen on 127.0.0.1 only; authentication is on; HTTPS is off (loopback).
- ``LOAD CSV`` cannot read files (``dbms.security.allow_csv_import_from_file_urls=false``), and its
  root is confined anyway to an empty ``import/`` folder of the server's own.
- ``LOAD CSV`` cannot reach loopback, private, link-local or unspecified addresses
  (``internal.dbms.cypher_ip_blocklist``), so no local service can be read through the server.

These settings are :data:`PROTECTED`: extra settings passed to ``start`` may not change them.
The server's folder is 0700 and its files 0600 (:func:`secure_tree`); the JVM runs with umask 077.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path

from ..errors import Neo4jUnavailable

LOOPBACK = "127.0.0.1"

#: Addresses LOAD CSV may never fetch from: loopback, private, link-local, shared, unspecified.
BLOCKED_NETWORKS = (
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
    "192.168.0.0/16", "::/128", "::1/128", "fc00::/7", "fe80::/10",
)

#: Settings that extra configuration may not override.
PROTECTED = frozenset({
    "server.default_listen_address", "server.bolt.listen_address", "server.http.listen_address",
    "server.https.enabled", "dbms.security.auth_enabled", "dbms.security.allow_csv_import_from_file_urls",
    "server.directories.import", "internal.dbms.cypher_ip_blocklist", "server.directories.lib",
})


def security_settings(home: Path) -> dict[str, str]:
    """Return the settings that keep the server's files, and the host's, out of reach of Cypher.

    Examples
    --------
    >>> security_settings(Path("/srv/kg"))["dbms.security.allow_csv_import_from_file_urls"]
    'false'
    """
    return {
        "dbms.security.auth_enabled": "true",
        "dbms.security.allow_csv_import_from_file_urls": "false",
        "server.directories.import": str(home / "import"),
        "internal.dbms.cypher_ip_blocklist": ",".join(BLOCKED_NETWORKS),
    }


def config_text(
    home: Path, lib: Path, bolt: int, http: int, heap: str, pagecache: str, extra: Mapping[str, str]
) -> str:
    """Return the text of ``neo4j.conf``.

    Raises
    ------
    Neo4jUnavailable
        When ``extra`` tries to change a :data:`PROTECTED` setting.

    Examples
    --------
    >>> text = config_text(Path("/h"), Path("/lib"), 7687, 7474, "512m", "256m", {})
    >>> "server.bolt.listen_address=127.0.0.1:7687" in text.splitlines()
    True
    >>> config_text(Path("/h"), Path("/lib"), 7687, 7474, "512m", "256m",
    ...             {"dbms.security.auth_enabled": "false"})
    Traceback (most recent call last):
    kg.errors.Neo4jUnavailable: kg does not let extra configuration change dbms.security.auth_enabled
    """
    refused = sorted(PROTECTED & set(extra))
    if refused:
        raise Neo4jUnavailable(f"kg does not let extra configuration change {', '.join(refused)}")
    lines = [
        "# Written by `kg neo4j start` on every start: edit kg/store/config.py or pass options instead.",
        f"server.directories.lib={lib}",
        # loopback only: nothing listens on another interface
        f"server.default_listen_address={LOOPBACK}",
        f"server.default_advertised_address={LOOPBACK}",
        f"server.bolt.listen_address={LOOPBACK}:{bolt}",
        f"server.bolt.advertised_address={LOOPBACK}:{bolt}",
        f"server.http.listen_address={LOOPBACK}:{http}",
        f"server.http.advertised_address={LOOPBACK}:{http}",
        "server.https.enabled=false",
        "dbms.usage_report.enabled=false",
        # small footprint: the machine is shared with the NLP pipeline and the browser tests
        f"server.memory.heap.initial_size={heap}",
        f"server.memory.heap.max_size={heap}",
        f"server.memory.pagecache.size={pagecache}",
        "db.tx_log.rotation.retention_policy=2 files",
    ]
    lines += [f"{k}={v}" for k, v in sorted(security_settings(home).items())]
    lines += [f"{k}={v}" for k, v in sorted(extra.items())]
    return "\n".join(lines) + "\n"


def secure_tree(home: Path) -> None:
    """Make ``home`` and every folder under it 0700 and every file 0600 (symlinks left alone).

    Examples
    --------
    >>> import shutil, tempfile
    >>> home = Path(tempfile.mkdtemp()); (home / "data").mkdir(mode=0o755); _ = (home / "f").write_text("x")
    >>> secure_tree(home); oct((home / "data").stat().st_mode & 0o777), oct((home / "f").stat().st_mode & 0o777)
    ('0o700', '0o600')
    >>> shutil.rmtree(home)
    """
    for root, dirs, files in os.walk(home):
        os.chmod(root, 0o700)
        for name in files:
            path = Path(root, name)
            if not path.is_symlink() and stat.S_IMODE(path.stat().st_mode) != 0o600:
                os.chmod(path, 0o600)
        for name in list(dirs):
            if Path(root, name).is_symlink():
                dirs.remove(name)
