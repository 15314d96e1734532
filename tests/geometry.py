"""Measuring a laid-out diagram: Graphviz's JSON output turned into boxes, lines and labels.

``layout(source)`` runs Graphviz (``dot -Tjson``; the graph names its own layout engine) and
returns a :class:`Layout`, whose methods count what a presenter would be embarrassed by: edges
through cards that are not their ends, labels overlapping labels or sitting on cards, lines of
interaction not straight across, and edge labels far from their own edge.
"""

from __future__ import annotations

import itertools
import json
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field

Box = tuple[float, float, float, float]  # left, bottom, right, top in points
Point = tuple[float, float]

BACKGROUNDS = ("ring_", "quadrant_")  # nodes drawn behind the others (actor rings, matrix quadrants)
TEXT_SHAPES = ("plaintext", "plain", "none")
TOLERANCE = 1.5  # points a line may graze a card's border


@dataclass
class Label:
    owner: str  # node name, or "tail -> head" for an edge label
    box: Box
    text: str
    size: float


@dataclass
class Edge:
    tail: str
    head: str
    points: list[Point]
    labels: list[Label] = field(default_factory=list)


@dataclass
class Layout:
    cards: dict[str, Box]
    labels: list[Label]
    edges: list[Edge]
    bounds: Box

    def edges_through_cards(self) -> list[str]:
        """Each edge that passes through a card other than its tail and head."""
        found = []
        for edge in self.edges:
            for name, box in self.cards.items():
                if name in (edge.tail, edge.head):
                    continue
                if any(_inside(p, box, TOLERANCE) for p in edge.points):
                    found.append(f"{edge.tail} -> {edge.head} through {name}")
        return found

    def overlapping_labels(self) -> list[str]:
        """Each pair of labels (of different owners) whose text overlaps."""
        found = []
        for k, a in enumerate(self.labels):
            for b in self.labels[k + 1 :]:
                if a.owner != b.owner and _overlap(a.box, b.box):
                    found.append(f"{a.text!r} ({a.owner}) overlaps {b.text!r} ({b.owner})")
        return found

    def labels_on_cards(self) -> list[str]:
        """Each label that lies on a card (a card's own text is inside it, not a label)."""
        return [
            f"{lab.text!r} ({lab.owner}) on {name}"
            for lab in self.labels
            for name, box in self.cards.items()
            if _overlap(lab.box, box)
        ]

    def crooked_lines(self, direction: str) -> list[str]:
        """Each line of interaction/visibility that is not straight across the lanes."""
        axis = 1 if direction == "LR" else 0
        found = []
        for edge in self.edges:
            if edge.tail.startswith("line-start/"):
                values = [p[axis] for p in edge.points]
                if max(values) - min(values) > 0.5:
                    found.append(f"{edge.tail} bends by {max(values) - min(values):.0f} pt")
        return found

    def labels_far_from_edges(self, distance: float = 12.0) -> list[str]:
        """Each edge label (its nearest line) more than ``distance`` points from its own edge."""
        return [
            f"{' '.join(lab.text for lab in edge.labels)!r} ({edge.tail} -> {edge.head}) {gap:.0f} pt away"
            for edge in self.edges
            if edge.labels
            and (gap := min(_distance(p, lab.box) for p in edge.points for lab in edge.labels)) > distance
        ]

    def smallest_text(self, width: float, height: float) -> float:
        """The smallest font size in points when the whole drawing (with its pad) fills a page of
        this size (in points), as Graphviz scales it with ``size="W,H!"``."""
        left, bottom, right, top = self.bounds
        scale = min(width / (right - left + 2 * self.pad), height / (top - bottom + 2 * self.pad))
        sizes = [lab.size for lab in self.labels] + self._card_text
        return min(sizes) * scale

    _card_text: list[float] = field(default_factory=list)
    pad: float = 4.0  # points around the drawing (Graphviz's default)


def layout(source: str) -> Layout:
    """Lay ``source`` out with Graphviz and collect its geometry."""
    done = subprocess.run(["dot", "-Tjson"], input=source.encode(), capture_output=True, check=True)
    data = json.loads(done.stdout)
    objects = data.get("objects", [])
    names = {o["_gvid"]: o["name"] for o in objects}
    cards: dict[str, Box] = {}
    labels: list[Label] = []
    card_text: list[float] = []
    for o in objects:
        if "pos" not in o or "invis" in o.get("style", ""):
            continue
        x, y = (float(v) for v in o["pos"].split(","))
        w, h = float(o["width"]) * 72, float(o["height"]) * 72
        texts = list(_texts(o.get("_ldraw_", []), o["name"]))
        if o.get("shape") in TEXT_SHAPES:
            labels += [t for t in texts if t.text.strip()]
        elif not o["name"].startswith(BACKGROUNDS) and o.get("shape") != "point":
            cards[o["name"]] = (x - w / 2, y - h / 2, x + w / 2, y + h / 2)
            card_text += [t.size for t in texts if t.text.strip()]
        if o["name"].startswith(BACKGROUNDS):
            card_text += [t.size for t in texts if t.text.strip()]
    edges = []
    for e in data.get("edges", []):
        tail, head = names[e["tail"]], names[e["head"]]
        points = [p for op in e.get("_draw_", []) if op["op"] in "bB" for p in _bezier(op["points"])]
        own = [
            t
            for key in ("_ldraw_", "_hldraw_", "_tldraw_", "_xldraw_")
            for t in _texts(e.get(key, []), f"{tail} -> {head}")
        ]
        labels += own
        edges.append(Edge(tail, head, points, own))
    left, bottom, right, top = (float(v) for v in data["bb"].split(","))
    graph_title = list(_texts(data.get("_ldraw_", []), "graph"))
    result = Layout(cards, labels + graph_title, edges, (left, bottom, right, top))
    result._card_text = card_text
    result.pad = float(data.get("pad", 4 / 72)) * 72
    return result


def _texts(ops: list[dict[str, object]], owner: str) -> Iterator[Label]:
    size = 14.0
    for op in ops:
        if op["op"] == "F":
            size = float(op["size"])  # type: ignore[arg-type]
        elif op["op"] == "T":
            x, y = op["pt"]  # type: ignore[misc]
            width = float(op["width"])  # type: ignore[arg-type]
            left = {"l": x, "r": x - width}.get(str(op["align"]), x - width / 2)
            yield Label(owner, (left, y - 0.22 * size, left + width, y + 0.75 * size), str(op["text"]), size)


def _bezier(points: list[list[float]]) -> Iterator[Point]:
    """Points along a piecewise cubic Bézier curve, at most about 3 points apart."""
    for k in range(0, len(points) - 3, 3):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points[k : k + 4]
        hull = sum(abs(a[0] - b[0]) + abs(a[1] - b[1]) for a, b in itertools.pairwise(points[k : k + 4]))
        steps = max(4, int(hull / 3))
        for n in range(steps + 1):
            t = n / steps
            a, b, c, d = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t**3
            yield (a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3)


def _inside(p: Point, box: Box, margin: float) -> bool:
    return box[0] + margin < p[0] < box[2] - margin and box[1] + margin < p[1] < box[3] - margin


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


def _distance(p: Point, box: Box) -> float:
    dx = max(box[0] - p[0], 0.0, p[0] - box[2])
    dy = max(box[1] - p[1], 0.0, p[1] - box[3])
    return float((dx * dx + dy * dy) ** 0.5)
