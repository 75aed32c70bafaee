"""The Cypher library: the files in ``cypher/``, their headers and their parameters.

Each library file starts with a comment header: ``// name: what it answers``, then a
``Parameters:`` section with one ``//   $name  kind[=default]  help`` line per parameter, and an
example.  The header is what ``kg query --list`` prints and what :meth:`NamedQuery.bind` checks
parameters against; the rest of the file is the query, pasted as it is into Neo4j Browser.
The files ``schema.cypher`` and ``load_*.cypher`` are the loader's statements, not queries.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import QueryError
from .locations import cypher_dir

__all__ = [
    "NamedQuery", "QueryParam", "cypher_dir", "parse_query_file", "queries", "read_cypher", "split_statements",
    "statement",
]


def read_cypher(name: str) -> str:
    """Return the text of ``cypher/<name>.cypher``.

    Parameters
    ----------
    name : str
        File name without ``.cypher``.

    Returns
    -------
    str

    Raises
    ------
    QueryError
        When there is no such file.

    Examples
    --------
    >>> "CREATE CONSTRAINT" in read_cypher("schema")
    True
    """
    if not re.fullmatch(r"[A-Za-z0-9_]+", name):
        raise QueryError(f"not a query name: {name!r}")
    path = cypher_dir() / f"{name}.cypher"
    try:
        return path.read_text(encoding="utf-8")
    except OSError as e:
        raise QueryError(f"no Cypher file {path.name} in {path.parent}") from e


def split_statements(text: str) -> list[str]:
    """Split a Cypher file into statements: whole-line ``//`` comments dropped, ``;`` at a line's
    end ends a statement.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of str

    Examples
    --------
    >>> split_statements("// hi\\nRETURN 1;\\nRETURN 2")
    ['RETURN 1', 'RETURN 2']
    """
    statements, current = [], []
    for line in text.splitlines():
        if line.strip().startswith("//"):
            continue
        stripped = line.rstrip()
        if stripped.endswith(";"):
            current.append(stripped[:-1])
            statements.append("\n".join(current).strip())
            current = []
        else:
            current.append(line)
    statements.append("\n".join(current).strip())
    return [s for s in statements if s]


@dataclass(frozen=True)
class QueryParam:
    """One parameter of a library query, as declared in its file's header.

    ``kind`` is ``actor`` (a name, alias or id, resolved by the query itself), ``string``, ``int``
    or ``float``; a parameter with a default (``actor=null``, ``int=1``) is optional.
    """

    name: str
    kind: str
    required: bool
    default: Any
    help: str


@dataclass(frozen=True)
class NamedQuery:
    """A query of the Cypher library: ``cypher/<name>.cypher`` and what its header declares."""

    name: str
    description: str
    params: tuple[QueryParam, ...]
    text: str
    path: Path

    @property
    def header(self) -> str:
        """The header comment, without the ``//`` marks."""
        out = []
        for line in self.text.splitlines():
            if not line.startswith("//"):
                break
            out.append(line[2:].removeprefix(" "))
        return "\n".join(out).strip()

    def bind(self, given: Mapping[str, Any]) -> dict[str, Any]:
        """Check and convert parameters (strings from the command line are converted).

        Parameters
        ----------
        given : mapping
            Parameter values by name.

        Returns
        -------
        dict
            Every declared parameter, defaults filled in.

        Raises
        ------
        QueryError
            On an unknown or missing parameter, or a value of the wrong kind.

        Examples
        --------
        >>> queries()["blocs_input"].bind({"min_weight": "2"})
        {'min_weight': 2}
        """
        names = {p.name for p in self.params}
        unknown = sorted(set(given) - names)
        if unknown:
            takes = ", ".join(sorted(names)) or "no parameters"
            raise QueryError(f"query {self.name} has no parameter {unknown[0]!r} (it takes: {takes})")
        out: dict[str, Any] = {}
        for p in self.params:
            value = given.get(p.name)
            if value is None or value == "":
                if p.required:
                    raise QueryError(f"query {self.name} needs --param {p.name}=... ({p.help})")
                out[p.name] = p.default
                continue
            out[p.name] = _convert(self.name, p, value)
        return out


def _convert(query: str, p: QueryParam, value: Any) -> Any:
    try:
        if p.kind == "int":
            return int(value)
        if p.kind == "float":
            return float(value)
    except (TypeError, ValueError) as e:
        raise QueryError(f"query {query}: parameter {p.name} must be {p.kind}, not {value!r}") from e
    if p.kind in ("actor", "string") and not isinstance(value, str):
        raise QueryError(f"query {query}: parameter {p.name} must be text, not {value!r}")
    return value


_PARAM_LINE = re.compile(r"^//\s+\$(\w+)\s+(\w+)(?:=(\S+))?\s+(.*)$")


def parse_query_file(path: Path) -> NamedQuery:
    """Read a library file and the header that declares it.

    The header's first line is ``// name: what it answers``; the ``Parameters:`` section lists
    ``//   $name  kind[=default]  help`` lines.

    Parameters
    ----------
    path : Path

    Returns
    -------
    NamedQuery

    Raises
    ------
    QueryError
        When the header is malformed.

    Examples
    --------
    >>> q = parse_query_file(cypher_dir() / "backers_of.cypher")
    >>> q.name, [p.name for p in q.params]
    ('backers_of', ['actor'])
    """
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    first = lines[0] if lines else ""
    m = re.match(r"^//\s*(\w+):\s*(.+)$", first)
    if not m or m.group(1) != path.stem:
        raise QueryError(f"{path}: the first line must be '// {path.stem}: <what it answers>'")
    params: list[QueryParam] = []
    in_params = False
    for line in lines[1:]:
        if not line.startswith("//"):
            break
        if re.match(r"^//\s*Parameters:", line):
            in_params = True
            continue
        if in_params:
            pm = _PARAM_LINE.match(line)
            if pm:
                name, kind, default, help_ = pm.groups()
                if kind not in ("actor", "string", "int", "float", "list"):
                    raise QueryError(f"{path}: parameter {name} has unknown kind {kind!r}")
                value: Any = None
                if default is not None and default != "null":
                    value = _convert(path.stem, QueryParam(name, kind, False, None, help_), default)
                params.append(QueryParam(name, kind, default is None, value, help_.strip()))
            elif re.match(r"^//\s*\w+:", line):
                in_params = False
    return NamedQuery(path.stem, m.group(2).strip(), tuple(params), text, path)


def queries() -> dict[str, NamedQuery]:
    """Return the Cypher library: every ``cypher/*.cypher`` but the schema and loader files.

    Returns
    -------
    dict
        :class:`NamedQuery` by name, sorted.

    Examples
    --------
    >>> "backers_of" in queries()
    True
    """
    out = {}
    for path in sorted(cypher_dir().glob("*.cypher")):
        if path.stem == "schema" or path.stem.startswith("load_"):
            continue
        q = parse_query_file(path)
        out[q.name] = q
    return out


def statement(name: str) -> str:
    """Return the (first) statement of ``cypher/<name>.cypher``, without its header.

    Examples
    --------
    >>> statement("load_documents").splitlines()[0]
    'UNWIND $rows AS row'
    """
    return split_statements(read_cypher(name))[0]
