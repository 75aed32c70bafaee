"""The view and the analysis import only what lies below them: no circle through ``KnowledgeGraph.show``."""

from __future__ import annotations

import ast
from pathlib import Path

import kg

PACKAGE = Path(kg.__file__).parent


def kg_imports(folder: str) -> dict[str, set[str]]:
    """The kg modules each module of a sub-package imports, by its file name (``kg.x`` form)."""
    out: dict[str, set[str]] = {}
    for path in sorted((PACKAGE / folder).glob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level == 0 and (node.module or "").startswith("kg"):
                    names.add(node.module or "")
                elif node.level == 1:
                    names.add(f"kg.{folder}.{node.module}" if node.module else f"kg.{folder}")
                elif node.level == 2:
                    names.add(f"kg.{node.module}" if node.module else "kg")
            elif isinstance(node, ast.Import):
                names.update(a.name for a in node.names if a.name.startswith("kg"))
        out[path.name] = names
    return out


def test_the_view_never_imports_the_graph_module_so_show_makes_no_circle():
    below = {"kg.errors", "kg.model"}
    for name, imports in kg_imports("view").items():
        outside = {m for m in imports if not m.startswith("kg.view")}
        assert outside <= below, (name, outside)


def test_the_analysis_imports_nothing_above_the_graph():
    below = {"kg.errors", "kg.model", "kg.graph", "kg.dedup"}
    for name, imports in kg_imports("analysis").items():
        outside = {m for m in imports if not m.startswith("kg.analysis")}
        assert outside <= below, (name, outside)
