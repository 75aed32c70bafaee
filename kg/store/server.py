"""Start, stop and describe the local Neo4j Community server that ``kg neo4j`` manages.

The server's jars come from Maven Central (:mod:`kg.store.install`).  The server runs as one
``java`` process, ``org.neo4j.server.Neo4jCommunity --home-dir=H --config-dir=H/conf``, which is
what the distribution's ``bin/neo4j console`` launches after building its class path.

Everything the server writes lives under one folder, its *home* (see
:func:`~kg.store.locations.default_home`: ``$KG_NEO4J_HOME``, ``.neo4j/`` in a checkout, else the
per-user data folder), 0700 with files 0600::

    conf/neo4j.conf    written on every start (ports, memory, loopback only; kg.store.config)
    data/              databases and transaction logs
    import/            the only folder LOAD CSV could read, kept empty (file URLs are off anyway)
    logs/              neo4j.log, debug.log and console.log (the JVM's own output)
    password           the generated password of user ``neo4j``
    server.json        uri, ports, pid, version and java of the last start

The password is generated on the first start (``secrets.token_urlsafe``) and set with
neo4j-admin's ``dbms set-initial-password`` before the server first runs, so the server never
accepts a default password.  It reaches neo4j-admin through a Java argument file (0600, deleted
at once), never through a command line that ``ps`` or ``/proc/PID/cmdline`` would show.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import signal
import socket
import subprocess
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..errors import Neo4jUnavailable
from .config import LOOPBACK, config_text, secure_tree
from .install import install, is_installed, locked
from .java import MIN_JAVA, NEO4J_VERSION, find_java, quiet_options
from .locations import default_home, lib_dir, pom_path, project_root

__all__ = [
    "MIN_JAVA", "NEO4J_VERSION", "USER", "ServerInfo", "default_home", "find_java", "free_port", "install",
    "is_installed", "lib_dir", "local_credentials", "pom_path", "project_root", "start", "status", "stop",
]

log = logging.getLogger(__name__)

DEFAULT_BOLT_PORT = 7687
DEFAULT_HTTP_PORT = 7474
DEFAULT_HEAP = "512m"
DEFAULT_PAGECACHE = "256m"
USER = "neo4j"
ENTRY_POINT = "org.neo4j.server.Neo4jCommunity"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
#: What the server's JVM and neo4j-admin create is private to the user.
UMASK = 0o077

# Taken from the distribution's default neo4j.conf (server.jvm.additional): the server needs the
# opens and native access; the rest are its recommended defaults.
_JVM_OPTIONS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
)

# Popen objects of servers started by this process, so that their exit is reaped (a zombie would
# otherwise still look alive to kill(pid, 0)).
_CHILDREN: dict[int, subprocess.Popen[bytes]] = {}


@dataclass
class ServerInfo:
    """Where a local server is and whether it runs.

    Attributes
    ----------
    home : Path
        The server's folder (data, logs, configuration, password).
    running : bool
        Whether its process is alive.
    pid : int or None
        Process id of the server's JVM (``None`` when it never started).
    uri : str
        Bolt URI, e.g. ``bolt://127.0.0.1:7687``.
    http_url : str
        HTTP address; Neo4j Browser is at ``http_url + "/browser/"``.
    user : str
        The database user (``neo4j``).
    password_file : Path
        File that holds the generated password.
    version : str
        Neo4j version.
    java : str or None
        The ``java`` binary that runs it.
    """

    home: Path
    running: bool
    pid: int | None
    uri: str
    http_url: str
    user: str
    password_file: Path
    version: str
    java: str | None
    bolt_port: int
    http_port: int

    @property
    def browser_url(self) -> str:
        """Neo4j Browser's address."""
        return self.http_url + "/browser/"

    def password(self) -> str:
        """Return the stored password.

        Returns
        -------
        str

        Raises
        ------
        Neo4jUnavailable
            When the password file is missing or unreadable.

        Examples
        --------
        >>> len(status().password())  # doctest: +SKIP
        24
        """
        try:
            return self.password_file.read_text(encoding="utf-8").strip()
        except OSError as e:
            raise Neo4jUnavailable(
                f"cannot read the local Neo4j password at {self.password_file}: {e.strerror}"
            ) from e

    def to_dict(self) -> dict[str, Any]:
        """Return the fields as JSON-ready values (paths as strings)."""
        d = asdict(self)
        d["home"] = str(self.home)
        d["password_file"] = str(self.password_file)
        d["browser_url"] = self.browser_url
        return d


def _home_or_default(home: str | Path | None) -> Path:
    """The server folder a public function was given, resolved; :func:`default_home` without one."""
    return Path(home).resolve() if home else default_home()


# -- process helpers ------------------------------------------------------------------------


def _read_state(home: Path) -> dict[str, Any]:
    try:
        return json.loads((home / "server.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_state(home: Path, state: dict[str, Any]) -> None:
    tmp = home / "server.json.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(state, indent=2) + "\n")
    tmp.replace(home / "server.json")


def _is_our_server(pid: int | None, home: Path) -> bool:
    """Return whether ``pid`` is a live Neo4j JVM serving ``home`` (zombies and reused pids are not)."""
    if not pid:
        return False
    child = _CHILDREN.get(pid)
    if child is not None and child.poll() is not None:
        _CHILDREN.pop(pid, None)
        return False
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    args = [a.decode(errors="replace") for a in cmdline]
    return ENTRY_POINT in args and f"--home-dir={home}" in args


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        # as the server binds: connections of a killed server in TIME_WAIT must not count
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((LOOPBACK, port))
        except OSError:
            return False
    return True


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free now (the system's choice).

    Examples
    --------
    >>> 1024 <= free_port() <= 65535
    True
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((LOOPBACK, 0))
        return int(s.getsockname()[1])


def _choose_port(
    requested: int | None, previous: int | None, default: int, taken: set[int], what: str
) -> int:
    if requested:
        if not _port_free(requested):
            raise Neo4jUnavailable(f"{what} port {requested} on {LOOPBACK} is already in use; choose another")
        return requested
    for port in (previous, default):
        if port and port not in taken and _port_free(port):
            return port
    port = free_port()
    while port in taken:
        port = free_port()
    return port


def _tail(path: Path, lines: int = 8) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    except OSError:
        return ""
    return " | ".join(line.strip() for line in text[-lines:] if line.strip())


def _info(home: Path, state: dict[str, Any], running: bool) -> ServerInfo:
    bolt = int(state.get("bolt_port") or DEFAULT_BOLT_PORT)
    http = int(state.get("http_port") or DEFAULT_HTTP_PORT)
    return ServerInfo(
        home=home,
        running=running,
        pid=state.get("pid"),
        uri=f"bolt://{LOOPBACK}:{bolt}",
        http_url=f"http://{LOOPBACK}:{http}",
        user=USER,
        password_file=home / "password",
        version=state.get("version", NEO4J_VERSION),
        java=state.get("java"),
        bolt_port=bolt,
        http_port=http,
    )


def _set_initial_password(java: Path, lib: Path, home: Path) -> None:
    """Generate the password of user neo4j, store it (0600) and give it to neo4j-admin."""
    password = secrets.token_urlsafe(18)
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    # The java launcher reads the main class and its arguments from an @-file, so the password
    # never appears in argv; "--" keeps a password that starts with "-" from reading as an option.
    args_file = home / "run" / "set-initial-password.args"
    fd = os.open(args_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(f'{ADMIN_TOOL} dbms set-initial-password -- "{password}"\n')
    cmd = [str(java), "-cp", f"{lib}/*", *quiet_options(java), f"@{args_file}"]
    try:
        proc = subprocess.run(
            cmd, capture_output=True, text=True, env=env, cwd=home, timeout=300, check=False, umask=UMASK
        )
    finally:
        args_file.unlink(missing_ok=True)
    if proc.returncode != 0:
        tail = " | ".join((proc.stdout + proc.stderr).strip().splitlines()[-4:])
        raise Neo4jUnavailable(f"neo4j-admin could not set the initial password: {tail}")
    fd = os.open(home / "password", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(password + "\n")


def _bolt_ready(uri: str, password: str) -> bool:
    import neo4j

    try:
        with neo4j.GraphDatabase.driver(uri, auth=(USER, password), connection_timeout=2.0) as driver:
            driver.verify_connectivity()
        return True
    except Exception:  # noqa: BLE001 - any failure means "not yet"
        return False


# -- public API -----------------------------------------------------------------------------


def status(home: str | Path | None = None) -> ServerInfo:
    """Describe the local server at ``home``: where it is and whether it runs.

    Parameters
    ----------
    home : path, optional
        The server's folder; :func:`default_home` when omitted.

    Returns
    -------
    ServerInfo

    Examples
    --------
    >>> status().uri  # doctest: +SKIP
    'bolt://127.0.0.1:7687'
    """
    home = _home_or_default(home)
    state = _read_state(home)
    return _info(home, state, _is_our_server(state.get("pid"), home))


def start(
    home: str | Path | None = None,
    bolt_port: int | None = None,
    http_port: int | None = None,
    heap: str | None = None,
    pagecache: str | None = None,
    timeout: float = 240.0,
    extra_config: dict[str, str] | None = None,
) -> ServerInfo:
    """Start the local Neo4j server (installing its jars first if needed); a running one is kept.

    Ports default to those of the previous start, else 7687/7474, else free ones; the server
    listens on 127.0.0.1 only.  The first start generates the password and stores it in
    ``home/password``.

    Parameters
    ----------
    home : path, optional
        The server's folder; :func:`default_home` when omitted.
    bolt_port, http_port : int, optional
        Ports to listen on; an explicit port that is taken is an error.
    heap, pagecache : str, optional
        JVM heap and page cache sizes (``"512m"``, ``"1g"``); those of the previous start, else
        512m and 256m.
    timeout : float
        Seconds to wait for Bolt to accept the password.
    extra_config : dict, optional
        More ``neo4j.conf`` settings; they are kept for later starts of the same server.

    Returns
    -------
    ServerInfo

    Raises
    ------
    Neo4jUnavailable
        When Java, Maven or the server fail; the message carries the end of the server's log.

    Examples
    --------
    >>> info = start()  # doctest: +SKIP
    >>> info.uri, info.password_file.name  # doctest: +SKIP
    ('bolt://127.0.0.1:7687', 'password')
    """
    home = _home_or_default(home)
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    with locked(home / ".lock"):
        state = _read_state(home)
        if _is_our_server(state.get("pid"), home):
            info = _info(home, state, True)
            wanted = ((bolt_port, info.bolt_port, "Bolt"), (http_port, info.http_port, "HTTP"))
            for asked, have, what in wanted:
                if asked and asked != have:
                    log.warning("Neo4j already runs with %s port %s (not %s); stop it to change ports",
                                what, have, asked)
            return info
        java = find_java()
        lib = install()
        heap = heap or state.get("heap") or DEFAULT_HEAP
        pagecache = pagecache or state.get("pagecache") or DEFAULT_PAGECACHE
        extra = {**state.get("extra_config", {}), **(extra_config or {})}
        bolt = _choose_port(bolt_port, state.get("bolt_port"), DEFAULT_BOLT_PORT, set(), "Bolt")
        http = _choose_port(http_port, state.get("http_port"), DEFAULT_HTTP_PORT, {bolt}, "HTTP")
        if http == bolt:
            raise Neo4jUnavailable(f"the Bolt and HTTP ports must differ (both {bolt})")
        for sub in ("conf", "data", "logs", "run", "import", "plugins"):
            (home / sub).mkdir(mode=0o700, exist_ok=True)
        (home / "conf" / "neo4j.conf").write_text(
            config_text(home, lib, bolt, http, heap, pagecache, extra), encoding="utf-8"
        )
        secure_tree(home)  # also a home made by an older kg, or touched by hand
        pw_file = home / "password"
        if not (home / "data" / "databases" / "system").exists():
            log.info("first start: generating the password of user %s into %s", USER, pw_file)
            _set_initial_password(java, lib, home)
        elif not pw_file.is_file():
            raise Neo4jUnavailable(
                f"the database in {home / 'data'} exists but its password file {pw_file} is gone; "
                f"restore it, or delete {home} to start afresh"
            )
        password = pw_file.read_text(encoding="utf-8").strip()
        cmd = [
            str(java), "-cp", f"{lib}/*", f"-Xms{heap}", f"-Xmx{heap}", *_JVM_OPTIONS, *quiet_options(java),
            ENTRY_POINT, f"--home-dir={home}", f"--config-dir={home / 'conf'}",
        ]
        console = home / "logs" / "console.log"
        started = time.monotonic()
        fd = os.open(console, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "ab") as out:
            proc = subprocess.Popen(
                cmd, cwd=home, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True, close_fds=True, umask=UMASK,
            )
        _CHILDREN[proc.pid] = proc
        state = {
            "pid": proc.pid,
            "bolt_port": bolt,
            "http_port": http,
            "uri": f"bolt://{LOOPBACK}:{bolt}",
            "http_url": f"http://{LOOPBACK}:{http}",
            "user": USER,
            "password_file": str(pw_file),
            "version": NEO4J_VERSION,
            "java": str(java),
            "heap": heap,
            "pagecache": pagecache,
            "extra_config": extra,
            "started_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
        _write_state(home, state)
        uri = state["uri"]
        while True:
            if proc.poll() is not None:
                _CHILDREN.pop(proc.pid, None)
                raise Neo4jUnavailable(
                    f"Neo4j exited with code {proc.returncode} while starting; "
                    f"see {home / 'logs'}: {_tail(home / 'logs' / 'neo4j.log') or _tail(console)}"
                )
            if _bolt_ready(uri, password):
                break
            if time.monotonic() - started > timeout:
                _terminate(proc.pid, home, grace=20.0)
                raise Neo4jUnavailable(
                    f"Neo4j did not accept connections at {uri} within {timeout:.0f}s; see {home / 'logs'}"
                )
            time.sleep(0.5)
        log.info("Neo4j %s up at %s in %.1fs", NEO4J_VERSION, uri, time.monotonic() - started)
        return _info(home, state, True)


def _terminate(pid: int, home: Path, grace: float, force: bool = False) -> None:
    if not _is_our_server(pid, home):
        return
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL if force else signal.SIGTERM)
    deadline = time.monotonic() + grace
    while _is_our_server(pid, home):
        if time.monotonic() > deadline:
            log.warning("Neo4j (pid %s) did not stop within %.0fs; killing it", pid, grace)
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            deadline = time.monotonic() + 30
        time.sleep(0.1)
    child = _CHILDREN.pop(pid, None)
    if child is not None:
        child.wait()


def stop(home: str | Path | None = None, force: bool = False, grace: float = 60.0) -> ServerInfo:
    """Stop the local server (a clean shutdown; ``force`` kills it at once). Stopping a stopped
    server does nothing.

    Parameters
    ----------
    home : path, optional
        The server's folder; :func:`default_home` when omitted.
    force : bool
        Send SIGKILL instead of a clean shutdown (the next start recovers from the logs).
    grace : float
        Seconds to wait for a clean shutdown before killing it.

    Returns
    -------
    ServerInfo
        The stopped server's description (``running`` is False).

    Examples
    --------
    >>> stop().running  # doctest: +SKIP
    False
    """
    home = _home_or_default(home)
    with locked(home / ".lock"):
        state = _read_state(home)
        pid = state.get("pid")
        if pid:
            _terminate(int(pid), home, grace=grace, force=force)
        return _info(home, state, False)


def local_credentials(home: str | Path | None = None) -> tuple[str, str, str] | None:
    """Return ``(uri, user, password)`` of the local server, or ``None`` if it never started.

    Parameters
    ----------
    home : path, optional
        The server's folder; :func:`default_home` when omitted.

    Returns
    -------
    tuple of str, or None

    Examples
    --------
    >>> local_credentials("/nonexistent") is None
    True
    """
    home = _home_or_default(home)
    state = _read_state(home)
    pw_file = home / "password"
    if not state or not pw_file.is_file():
        return None
    info = _info(home, state, False)
    return info.uri, info.user, info.password()
