"""Resolving the local server's jars from Maven Central with the pinned ``neo4j-server/pom.xml``.

In a checkout Maven runs in ``neo4j-server/`` (jars in ``neo4j-server/target/lib``, git-ignored);
installed from a wheel, the shipped ``pom.xml`` is copied to ``<user data>/neo4j-server`` first, so
nothing is written into site-packages.  Maven's own cache (``~/.m2``) makes a second install
a local copy.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from ..errors import Neo4jUnavailable
from .java import NEO4J_VERSION
from .locations import lib_dir, maven_dir, pom_path

log = logging.getLogger(__name__)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created) for the duration of the block."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def is_installed() -> bool:
    """Return whether the server's jars are resolved (the lib folder is complete).

    Examples
    --------
    >>> isinstance(is_installed(), bool)
    True
    """
    marker = lib_dir() / ".kg-complete"
    return marker.is_file() and marker.read_text(encoding="utf-8").strip() == NEO4J_VERSION


def install(timeout: float = 1200.0) -> Path:
    """Resolve the server's jars from Maven Central into :func:`~kg.store.locations.lib_dir` (once).

    Runs ``mvn -B -q -f pom.xml dependency:copy-dependencies`` unless the jars of
    :data:`~kg.store.java.NEO4J_VERSION` are already there.  Safe to call from several processes
    at once.

    Parameters
    ----------
    timeout : float
        Seconds to allow Maven.

    Returns
    -------
    Path
        The folder holding the jars.

    Raises
    ------
    Neo4jUnavailable
        When Maven is missing or fails.

    Examples
    --------
    >>> install().name  # doctest: +SKIP
    'lib'
    """
    lib = lib_dir()
    if is_installed():
        return lib
    shipped = pom_path()
    if not shipped.is_file():
        raise Neo4jUnavailable(
            f"{shipped} is missing from the kg installation; "
            "or point NEO4J_URI/NEO4J_USERNAME/NEO4J_PASSWORD at another Neo4j"
        )
    project = maven_dir()
    with locked(project / "target" / ".install.lock"):
        if is_installed():
            return lib
        pom = project / "pom.xml"
        if pom.resolve() != shipped.resolve():
            shutil.copyfile(shipped, pom)  # installed from a wheel: Maven runs in the user's data folder
        mvn = shutil.which("mvn")
        if mvn is None:
            raise Neo4jUnavailable("Maven (`mvn`) installs the local Neo4j server and is not on PATH")
        if lib.exists():
            shutil.rmtree(lib)  # jars of another version or a broken copy
        log.info("resolving Neo4j %s jars from Maven Central into %s", NEO4J_VERSION, lib)
        cmd = [mvn, "-B", "-q", "-f", str(pom), "dependency:copy-dependencies"]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as e:
            raise Neo4jUnavailable(f"resolving the Neo4j jars with Maven took over {timeout:.0f}s") from e
        if proc.returncode != 0:
            tail = " | ".join((proc.stdout + proc.stderr).strip().splitlines()[-5:])
            raise Neo4jUnavailable(f"Maven could not resolve the Neo4j jars ({' '.join(cmd[1:])}): {tail}")
        if not any(lib.glob("neo4j-*.jar")):
            raise Neo4jUnavailable(f"Maven ran but left no Neo4j jars in {lib}")
        (lib / ".kg-complete").write_text(NEO4J_VERSION + "\n", encoding="utf-8")
    return lib
