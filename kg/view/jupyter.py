"""The view inline in Jupyter: the page in a sandboxed frame, no server and no network."""

from __future__ import annotations

import html
from typing import Any

from .page import render
from .reading import ActorGraph


def show(graph: ActorGraph, *, height: int = 650, **options: Any) -> Any:
    """Return the view of ``graph`` for display inline in Jupyter.

    The page goes into a sandboxed ``<iframe srcdoc>``: it needs no server, no network
    and no trust, and its scripts cannot reach the notebook.

    Parameters
    ----------
    graph : KnowledgeGraph
    height : int, default 650
        Height of the frame in pixels.
    **options
        Passed to :func:`render` (``title``, ``caption``, ``size_by``, ``max_evidence``, ``seed``,
        ``hide_isolated``, ``node_colors``, ``group_by``).

    Returns
    -------
    IPython.display.HTML

    Examples
    --------
    >>> from kg.graph import KnowledgeGraph
    >>> show(KnowledgeGraph()).data.startswith('<div class="kg-view"><iframe srcdoc="&lt;!DOCTYPE html&gt;')
    True
    """
    from IPython.display import HTML

    page = render(graph, **options)
    # IFrame would need a URL (a server or a file); srcdoc keeps the page inside the notebook.
    return HTML(
        f'<div class="kg-view"><iframe srcdoc="{html.escape(page, quote=True)}" sandbox="allow-scripts" '
        f'style="width: 100%; height: {int(height)}px; border: 1px solid #ddd;" '
        f'title="kg view"></iframe></div>'
    )
