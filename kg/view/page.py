"""The page: one self-contained, offline HTML file from the view data and the package's assets.

The nodes and edges are drawn by the vis-network library that ships inside the pyvis package,
but the page comes from our own template (``kg/assets/view.html.j2``) because pyvis's template
pulls bootstrap and vis-network from CDNs, does not autoescape, and switches every tooltip to
``innerHTML`` as soon as one title contains "href".  Every script and style is inlined, so the
file works from disk, by mail or in a notebook; :mod:`kg.view.safety` says why it is safe.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..errors import InputError
from .data import view_data
from .reading import ActorGraph
from .safety import content_security_policy, json_for_html, trusted

log = logging.getLogger(__name__)

#: The page's template, script and style, and the Cypher of ``kg view --query``.
ASSETS = Path(__file__).resolve().parents[1] / "assets"


def vis_assets() -> tuple[str, str]:
    """The vis-network script and style that ship inside the pyvis package.

    Examples
    --------
    >>> "@version 9.1.2" in vis_assets()[0]
    True
    """
    # Found, not imported: importing pyvis pulls in IPython, which costs seconds.
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the pyvis package is missing: it ships the vis-network library the view draws with")
    lib = Path(list(spec.submodule_search_locations)[0]) / "templates" / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (
        lib / "vis-network.css"
    ).read_text(encoding="utf-8")


def render(
    graph: ActorGraph,
    *,
    title: str | None = None,
    caption: str | None = None,
    size_by: str = "mentions",
    max_evidence: int = 3,
    seed: int = 7,
    hide_isolated: bool = True,
    node_colors: Mapping[str, str] | None = None,
    group_by: str | Mapping[str, str] | None = None,
) -> str:
    """Return the view of ``graph`` as one self-contained HTML page.

    Parameters
    ----------
    graph : KnowledgeGraph
        The graph to draw (use :func:`~kg.view.select` first to filter); not modified.
    title, caption, size_by, max_evidence, seed, hide_isolated, node_colors, group_by
        See :func:`~kg.view.view_data`.

    Returns
    -------
    str
        HTML with every script and style inline and no network reference.

    Examples
    --------
    >>> from kg.graph import KnowledgeGraph
    >>> page = render(KnowledgeGraph(), title="<empty>")
    >>> "<title>&lt;empty&gt; \u00b7 kg view</title>" in page
    True
    """
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    data = view_data(
        graph, title=title, caption=caption, size_by=size_by, max_evidence=max_evidence, seed=seed,
        hide_isolated=hide_isolated, node_colors=node_colors, group_by=group_by,
    )
    vis_js, vis_css = vis_assets()
    kg_js = (ASSETS / "view.js").read_text(encoding="utf-8")
    kg_css = (ASSETS / "view.css").read_text(encoding="utf-8")
    env = Environment(
        loader=FileSystemLoader(str(ASSETS)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )
    return env.get_template("view.html.j2").render(
        title=data["meta"]["title"],
        subtitle=data["meta"]["subtitle"],
        csp=content_security_policy([vis_js, kg_js]),
        data_json=Markup(json_for_html(data)),
        vis_js=trusted(vis_js, "vis-network.min.js"),
        vis_css=trusted(vis_css, "vis-network.css"),
        kg_js=trusted(kg_js, "view.js"),
        kg_css=trusted(kg_css, "view.css"),
    )


def write(graph: ActorGraph, path: str | Path, **options: Any) -> Path:
    """Write the view of ``graph`` to ``path`` and return the path.

    Parameters
    ----------
    graph : KnowledgeGraph
    path : str or Path
        Where to write the HTML page (its folder must exist).
    **options
        Passed to :func:`render`.

    Returns
    -------
    Path

    Raises
    ------
    InputError
        When the file cannot be written.

    Examples
    --------
    >>> import tempfile, os
    >>> from kg.graph import KnowledgeGraph
    >>> out = write(KnowledgeGraph(), os.path.join(tempfile.mkdtemp(), "g.html"))
    >>> out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    True
    """
    path = Path(path)
    page = render(graph, **options)
    try:
        path.write_text(page, encoding="utf-8")
    except OSError as e:
        raise InputError(f"{path}: cannot write: {e.strerror or e}") from e
    log.info("wrote %s (%d bytes)", path, len(page))
    return path
