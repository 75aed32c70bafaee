"""Where the store's files live, in a source checkout and in an installed wheel.

Two files ship with kg besides its Python code: the Cypher library (``cypher/*.cypher``) and the
Maven recipe of the local server (``neo4j-server/pom.xml``).  In a checkout they are read where
they are, so an analyst's edits to ``cypher/`` count at once.  In a wheel, ``setup.py`` copies
them into ``kg/store/resources/``.

What the local server writes (its data, and the jars Maven resolves) goes under the checkout
(``.neo4j/``, ``neo4j-server/target/lib``, both git-ignored), or, with no checkout around, under
the per-user data folder (``$XDG_DATA_HOME/kg`` on Linux, see :func:`user_data_dir`); never into
site-packages.  ``KG_NEO4J_HOME`` moves the server's folder and ``KG_CYPHER_DIR`` the library.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

#: The packaged copies of ``cypher/`` and ``neo4j-server/pom.xml`` (present in a wheel only).
RESOURCES = Path(__file__).resolve().parent / "resources"


def project_root() -> Path:
    """Return the folder that holds the ``kg`` package (the repository root in a checkout).

    Returns
    -------
    Path

    Examples
    --------
    >>> (project_root() / "kg" / "store").is_dir()
    True
    """
    return Path(__file__).resolve().parents[2]


def checkout_root() -> Path | None:
    """Return the repository root when kg runs from a source checkout, else ``None``.

    A checkout is recognised by its ``pyproject.toml`` and ``cypher/`` next to ``kg/``.

    Returns
    -------
    Path or None

    Examples
    --------
    >>> root = checkout_root()
    >>> root is None or (root / "cypher").is_dir()
    True
    """
    root = project_root()
    if (root / "pyproject.toml").is_file() and (root / "cypher").is_dir():
        return root
    return None


def user_data_dir() -> Path:
    """Return kg's per-user data folder (``$XDG_DATA_HOME/kg``, by default ``~/.local/share/kg``).

    Returns
    -------
    Path

    Examples
    --------
    >>> user_data_dir().name
    'kg'
    """
    return Path(platformdirs.user_data_dir("kg", appauthor=False))


def cypher_dir() -> Path:
    """Return the folder of the Cypher library: ``$KG_CYPHER_DIR``, the checkout's ``cypher/``, or
    the copy inside the installed package.

    Returns
    -------
    Path

    Examples
    --------
    >>> (cypher_dir() / "backers_of.cypher").is_file()
    True
    """
    env = os.environ.get("KG_CYPHER_DIR")
    if env:
        return Path(env)
    root = checkout_root()
    return root / "cypher" if root else RESOURCES / "cypher"


def pom_path() -> Path:
    """Return the pinned Maven project that resolves the server's jars (as shipped).

    Returns
    -------
    Path

    Examples
    --------
    >>> pom_path().name, pom_path().is_file()
    ('pom.xml', True)
    """
    root = checkout_root()
    return (root or RESOURCES) / "neo4j-server" / "pom.xml"


def maven_dir() -> Path:
    """Return the folder Maven runs in: the checkout's ``neo4j-server/``, else
    ``<user data>/neo4j-server`` (the shipped ``pom.xml`` is copied there first).

    Examples
    --------
    >>> maven_dir().name
    'neo4j-server'
    """
    root = checkout_root()
    return root / "neo4j-server" if root else user_data_dir() / "neo4j-server"


def lib_dir() -> Path:
    """Return the folder the server's jars are copied into (``target/lib`` under :func:`maven_dir`).

    Returns
    -------
    Path

    Examples
    --------
    >>> lib_dir().parts[-3:]
    ('neo4j-server', 'target', 'lib')
    """
    return maven_dir() / "target" / "lib"


def default_home() -> Path:
    """Return the local server's folder: ``$KG_NEO4J_HOME``, else ``.neo4j`` in the checkout, else
    ``<user data>/neo4j``.

    Returns
    -------
    Path

    Examples
    --------
    >>> import os
    >>> saved = os.environ.pop("KG_NEO4J_HOME", None)
    >>> default_home().name in {".neo4j", "neo4j"}
    True
    >>> os.environ["KG_NEO4J_HOME"] = "/tmp/kg-home"; default_home()
    PosixPath('/tmp/kg-home')
    >>> _ = os.environ.pop("KG_NEO4J_HOME") if saved is None else os.environ.update(KG_NEO4J_HOME=saved)
    """
    env = os.environ.get("KG_NEO4J_HOME")
    if env:
        return Path(env).resolve()
    root = checkout_root()
    return root / ".neo4j" if root else user_data_dir() / "neo4j"
