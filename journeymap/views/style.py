"""Colours, shapes and line styles of the views, in two schemes.

``color`` (the default) uses light fills whose meaning is also carried by a shape, a line
style or a text marker, so a grayscale print still reads; ``mono`` is black, white and grays.
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping

from journeymap.elements import Element
from journeymap.evidence import evidence_of, uses_evidence
from journeymap.i18n import N_
from journeymap.model import Channel, Evidence, Iteration, RelationKind, Ring

FONT = "Helvetica,Arial,sans-serif"
Attrs = Mapping[str, str]

SCHEMES = ("color", "mono")

_CHANNEL_SHAPES: dict[Channel, Attrs] = {
    Channel.DIGITAL: {"shape": "box", "style": "rounded,filled"},
    Channel.PHYSICAL: {"shape": "note", "style": "filled"},
    Channel.INTERPERSONAL: {"shape": "ellipse", "style": "filled"},
}
_CHANNEL_COLOURS: dict[str, dict[Channel, tuple[str, str]]] = {
    "color": {
        Channel.DIGITAL: ("#dbe9f6", "#2b6ca3"),
        Channel.PHYSICAL: ("#fbeccb", "#8a6d1c"),
        Channel.INTERPERSONAL: ("#dff0d8", "#3c763d"),
    },
    "mono": {
        Channel.DIGITAL: ("#ffffff", "#000000"),
        Channel.PHYSICAL: ("#eeeeee", "#000000"),
        Channel.INTERPERSONAL: ("#d6d6d6", "#000000"),
    },
}


def channel(scheme: str, ch: Channel) -> dict[str, str]:
    """Node attributes of a touchpoint of a channel."""
    fill, line = _CHANNEL_COLOURS[scheme][ch]
    return {**_CHANNEL_SHAPES[ch], "fillcolor": fill, "color": line}


_EMOTION: dict[str, dict[int, str]] = {
    "color": {-2: "#d7301f", -1: "#fc8d59", 0: "#f0f0f0", 1: "#a6d96a", 2: "#1a9850"},
    "mono": {-2: "#404040", -1: "#8c8c8c", 0: "#ffffff", 1: "#d9d9d9", 2: "#f5f5f5"},
}


def emotion(scheme: str, score: int) -> dict[str, str]:
    """Node attributes of an emotion marker (the score is also written in it)."""
    fill = _EMOTION[scheme][max(-2, min(2, score))]
    dark = score <= -2 or (scheme == "color" and score >= 2)
    return {"fillcolor": fill, "fontcolor": "#ffffff" if dark else "#000000"}


STEP: Attrs = {
    "shape": "box",
    "style": "filled",
    "fillcolor": "#ffffff",
    "color": "#333333",
    "penwidth": "1.4",
}
DECISION: Attrs = {**STEP, "shape": "hexagon"}
TASK: Attrs = {"shape": "box", "style": "filled", "fillcolor": "#f3f3f3", "color": "#666666"}
DETAILS: Attrs = {"shape": "box", "style": "dashed", "color": "#888888"}
SUPPORT: Attrs = {"shape": "box", "style": "rounded,dashed", "color": "#555555"}
HEADER: dict[str, Attrs] = {
    "color": {
        "shape": "box",
        "style": "filled",
        "fillcolor": "#34495e",
        "color": "#34495e",
        "fontcolor": "#ffffff",
    },
    "mono": {
        "shape": "box",
        "style": "filled",
        "fillcolor": "#333333",
        "color": "#333333",
        "fontcolor": "#ffffff",
    },
}
PROFILE: dict[str, Attrs] = {
    "color": {"shape": "box", "style": "rounded,filled,bold", "fillcolor": "#fff7bc", "color": "#8a6d1c"},
    "mono": {"shape": "box", "style": "rounded,filled,bold", "fillcolor": "#ffffff", "color": "#000000"},
}
LANE_LABEL: Attrs = {"shape": "plaintext", "fontsize": "11", "fontcolor": "#333333"}
LINE_LABEL: Attrs = {"shape": "plaintext", "fontsize": "9", "fontcolor": "#666666"}
NOTE: Attrs = {"shape": "plaintext", "fontcolor": "#34495e"}
SEPARATOR: Attrs = {"dir": "none", "style": "dashed", "color": "#999999"}
ANCHOR: Attrs = {"shape": "point", "style": "invis", "width": "0.01", "height": "0.01", "label": ""}

# compare: (node attributes, marker written on the card, in English: translated where drawn)
_DIFF: dict[str, dict[str, tuple[Attrs, str]]] = {
    "color": {
        "added": (
            {"style": "filled,bold", "fillcolor": "#d9f0d3", "color": "#1b7837", "penwidth": "2.5"},
            N_("+ new"),
        ),
        "removed": (
            {"style": "filled,dashed", "fillcolor": "#f7f7f7", "color": "#b2182b", "fontcolor": "#777777"},
            N_("- removed"),
        ),
        "changed": (
            {"style": "filled", "fillcolor": "#fee8c8", "color": "#b35806", "penwidth": "2"},
            N_("~ changed"),
        ),
        "unchanged": (
            {"style": "filled", "fillcolor": "#ffffff", "color": "#bbbbbb", "fontcolor": "#888888"},
            "",
        ),
    },
    "mono": {
        "added": (
            {"style": "filled,bold", "fillcolor": "#ffffff", "color": "#000000", "penwidth": "3"},
            N_("+ new"),
        ),
        "removed": (
            {"style": "filled,dashed", "fillcolor": "#eeeeee", "color": "#000000", "fontcolor": "#555555"},
            N_("- removed"),
        ),
        "changed": (
            {"style": "filled", "fillcolor": "#dddddd", "color": "#000000", "penwidth": "2"},
            N_("~ changed"),
        ),
        "unchanged": (
            {"style": "filled", "fillcolor": "#ffffff", "color": "#aaaaaa", "fontcolor": "#777777"},
            "",
        ),
    },
}
STATUSES = ("added", "removed", "changed", "unchanged")


def status(scheme: str, name: str) -> tuple[Attrs, str]:
    """Node attributes and marker text of a compare status."""
    return _DIFF[scheme][name]


REPLACES: Attrs = {"style": "dashed", "color": "#555555", "fontsize": "9", "fontcolor": "#555555"}

_RING_FILLS: dict[str, dict[Ring | None, str]] = {
    "color": {Ring.CORE: "#d6e4f0", Ring.DIRECT: "#e8f0f7", Ring.INDIRECT: "#f5f8fb", None: "#ffffff"},
    "mono": {Ring.CORE: "#dddddd", Ring.DIRECT: "#ebebeb", Ring.INDIRECT: "#f7f7f7", None: "#ffffff"},
}


def ring(scheme: str, r: Ring | None) -> str:
    """Fill of a ring on the actor map."""
    return _RING_FILLS[scheme][r]


_RELATIONS: dict[RelationKind, Attrs] = {
    RelationKind.INFORMATION: {"style": "solid", "arrowhead": "normal", "color": "#2b6ca3"},
    RelationKind.SERVICE: {"style": "bold", "arrowhead": "normal", "color": "#1b7837", "penwidth": "2.2"},
    RelationKind.MONEY: {"style": "dashed", "arrowhead": "normal", "color": "#b35806", "penwidth": "1.6"},
    RelationKind.SUPPORT: {"style": "dotted", "arrowhead": "normal", "color": "#762a83", "penwidth": "1.8"},
    RelationKind.AGREEMENT: {
        "style": "solid",
        "dir": "both",
        "arrowhead": "odiamond",
        "arrowtail": "odiamond",
        "color": "#555555",
    },
    RelationKind.AUTHORITY: {"style": "bold", "arrowhead": "tee", "color": "#b2182b", "penwidth": "2.2"},
    RelationKind.OTHER: {"style": "solid", "arrowhead": "open", "color": "#999999"},
}


def relation(scheme: str, kind: RelationKind) -> dict[str, str]:
    """Edge attributes of a relation kind (colour dropped in ``mono``)."""
    attrs = dict(_RELATIONS[kind])
    if scheme == "mono":
        attrs["color"] = "#000000"
    return attrs


_EVIDENCE: dict[Evidence, tuple[str, str]] = {
    Evidence.OBSERVED: ("●", N_("observed")),
    Evidence.ASSUMED: ("○", N_("assumed")),
    Evidence.PROPOSED: ("◇", N_("proposed")),
}
"""The symbol a card's text starts with for each kind of evidence (shapes, so they read in mono too)."""


def evidence_marked(text: str, element: Element) -> str:
    """``text`` with the element's evidence symbol in front (``● Gets a call``); as it is when not stated."""
    evidence = evidence_of(element)
    return f"{_EVIDENCE[evidence][0]} {text}" if evidence is not None else text


def evidence_legend(tr: gettext.NullTranslations, *shown: Iteration) -> tuple[str, ...]:
    """The legend's lines that explain the evidence symbols, in ``tr``'s language; none when no
    element of the ``shown`` iterations states its evidence."""
    if not any(uses_evidence(it) for it in shown):
        return ()
    return (
        tr.gettext("How we know it:"),
        *(f"{mark} {tr.gettext(word)}" for mark, word in _EVIDENCE.values()),
    )
