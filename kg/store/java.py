"""Finding a Java runtime new enough for the local Neo4j server (Java 21 or newer)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..errors import Neo4jUnavailable

#: The Neo4j release resolved by ``neo4j-server/pom.xml`` (keep the two in step).
NEO4J_VERSION = "2026.08.1"
#: Neo4j 2025.01 and later need Java 21 or newer.
MIN_JAVA = 21


def java_major(java_home: Path) -> int | None:
    """Return the feature version of the JDK at ``java_home`` from its ``release`` file.

    Examples
    --------
    >>> java_major(Path("/nonexistent")) is None
    True
    """
    try:
        text = (java_home / "release").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    m = re.search(r'^JAVA_VERSION="(\d+)(?:\.(\d+))?', text, re.M)
    if not m:
        return None
    major = int(m.group(1))
    # Java 8 and older spell themselves "1.8"
    return int(m.group(2)) if major == 1 and m.group(2) else major


def find_java() -> Path:
    """Return a ``java`` binary new enough for Neo4j (Java 21 or newer).

    ``KG_NEO4J_JAVA_HOME`` wins when set; otherwise ``JAVA_HOME`` when it is new enough; otherwise
    the newest JDK under ``/usr/lib/jvm``.

    Returns
    -------
    Path

    Raises
    ------
    Neo4jUnavailable
        When no JDK 21+ is found.

    Examples
    --------
    >>> find_java().name
    'java'
    """
    forced = os.environ.get("KG_NEO4J_JAVA_HOME")
    if forced:
        home = Path(forced)
        major = java_major(home)
        if major is None or major < MIN_JAVA or not (home / "bin" / "java").exists():
            raise Neo4jUnavailable(
                f"KG_NEO4J_JAVA_HOME={forced} is not a JDK {MIN_JAVA} or newer "
                f"(Neo4j {NEO4J_VERSION} needs one)"
            )
        return home / "bin" / "java"
    java_home = os.environ.get("JAVA_HOME")
    if java_home:
        major = java_major(Path(java_home))
        if major is not None and major >= MIN_JAVA and (Path(java_home) / "bin" / "java").exists():
            return Path(java_home) / "bin" / "java"
    candidates: list[tuple[int, Path]] = []
    jvm = Path("/usr/lib/jvm")
    if jvm.is_dir():
        for home in sorted(jvm.iterdir()):
            major = java_major(home.resolve())
            if major is not None and major >= MIN_JAVA and (home / "bin" / "java").exists():
                candidates.append((major, home.resolve()))
    if not candidates:
        raise Neo4jUnavailable(
            f"Neo4j {NEO4J_VERSION} needs Java {MIN_JAVA} or newer and none was found "
            "(set KG_NEO4J_JAVA_HOME to a JDK 21+ home)"
        )
    return max(candidates)[1] / "bin" / "java"


def quiet_options(java: Path) -> list[str]:
    """Return the JVM options that silence warnings Neo4j's dependencies cause on new JDKs.

    Examples
    --------
    >>> quiet_options(Path("/nonexistent/bin/java"))
    []
    """
    # Java 24+ warns about sun.misc.Unsafe on every start; Neo4j's dependencies still use it.
    major = java_major(java.parent.parent)
    return ["--sun-misc-unsafe-memory-access=allow"] if major and major >= 24 else []
