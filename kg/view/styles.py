"""How the view looks: colours and shapes of actor types, edge colours, vis-network options."""

from __future__ import annotations

from typing import Any

#: Colour, vis-network shape and legend label of each actor type.
ACTOR_STYLE: dict[str, tuple[str, str, str]] = {
    "STATE": ("#4e79a7", "dot", "State"),
    "GOVERNMENT": ("#8c6bb1", "square", "Government"),
    "ARMED_GROUP": ("#f28e2b", "triangle", "Armed group"),
    "ORGANIZATION": ("#17a2b8", "diamond", "Organization"),
    "PERSON": ("#e377c2", "star", "Person"),
    "LOCATION": ("#a39e93", "hexagon", "Location"),
}
UNKNOWN_STYLE: tuple[str, str, str] = ("#bbbbbb", "dot", "Other")

#: Edge colour and legend label of each polarity (read from the ontology per relation).
POLARITY_STYLE: dict[int, tuple[str, str]] = {
    1: ("#2ca02c", "cooperation (+1)"),
    -1: ("#d62728", "conflict (\u22121)"),
    0: ("#8c8c8c", "neutral / structural (0)"),
}

#: Fill colours of groups other than actor types (e.g. alliance blocs), in order; they repeat.
GROUP_COLOURS: tuple[str, ...] = (
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf", "#bcbd22",
    "#e377c2", "#7f7f7f",
)

#: What node size (and label priority) can show.
SIZE_BY = ("mentions", "degree")

#: Colour of node labels (near black: the browser test looks for these pixels).
LABEL_COLOUR = "#111111"


def darker(colour: str, factor: float = 0.7) -> str:
    """A darker shade of ``#rrggbb`` (for node borders).

    Examples
    --------
    >>> darker("#ffffff")
    '#b2b2b2'
    """
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * factor) for c in (r, g, b)))


def vis_options(physics: bool, seed: int) -> dict[str, Any]:
    """The vis-network options of a view: tuned physics when it runs, fast redraws when not.

    Examples
    --------
    >>> vis_options(False, 7)["physics"]["enabled"], vis_options(False, 7)["interaction"]["hideEdgesOnZoom"]
    (False, True)
    """
    return {
        "autoResize": True,
        "layout": {"randomSeed": seed, "improvedLayout": False},
        "nodes": {
            "borderWidth": 1,
            "font": {"size": 16, "face": "DejaVu Sans, Helvetica, Arial, sans-serif", "color": LABEL_COLOUR,
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"label": {"drawThreshold": 6}},
        },
        "edges": {
            "smooth": False,
            "selectionWidth": 2,
            "arrowStrikethrough": False,
            "font": {"size": 11, "align": "middle", "color": "#444444",
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "navigationButtons": False,
            "keyboard": False,
            "hideEdgesOnDrag": not physics,
            "hideEdgesOnZoom": not physics,
        },
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -9000,
                "centralGravity": 0.4,
                "springLength": 170,
                "springConstant": 0.03,
                "damping": 0.4,
                "avoidOverlap": 0.6,
            },
            "minVelocity": 1.0,
            "maxVelocity": 40,
            "stabilization": {"enabled": physics, "iterations": 300, "updateInterval": 50, "fit": True},
        },
    }
