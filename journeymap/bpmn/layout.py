"""Where every pool, lane, node and flow of the BPMN diagram goes (BPMNDI coordinates).

Pools are stacked top to bottom, each with a lane per actor. Main nodes take a column each,
left to right, in the lane of their actor; support tasks and exits sit in rows below the main
row of their column, in their own lane; an end event of a support task sits right of it; a
boundary event sits on its host's lower edge. Nothing overlaps, because every cell (lane,
column, row) holds one node.

Flows are orthogonal lines. Between neighbouring columns they turn in the gap between them;
from a boundary event or a gateway down to a node in its own column they go down, then left
into that column's gap, each on a line of its own, then along to the node; a branch that goes back, or skips columns,
runs in a channel at the top of the pool.
"""

from __future__ import annotations

import itertools
from collections import defaultdict

from attrs import frozen

from journeymap.bpmn.graph import Flow, Graph, Node
from journeymap.bpmn.ids import xml_id

Bounds = tuple[int, int, int, int]
"""x, y, width, height."""
Point = tuple[int, int]

POOL_BAND = 30  # the pool's name, written upwards on its left
LANE_BAND = 46  # each lane's name, likewise: up to three lines
ROW = 150  # one row of a lane: a task and its boundary event with its line and label
TOP = 20  # from a row's top to its task's top
GAP = 60  # between two columns
BESIDE = 24  # from a support task to its end event
CHANNEL = 12  # between two lines in the channel at the top of a pool
POOL_GAP = 40
SIZES = {
    "exclusiveGateway": (50, 50),
    "startEvent": (36, 36),
    "endEvent": (36, 36),
    "boundaryEvent": (36, 36),
}
TASK = (100, 80)
BOUNDARY_STEP = 42  # from one boundary event to the next on the same task
LABEL = (90, 14)  # a line of label text, as bpmn.io draws it (11 px)
CHAR = 6  # the width of a character of label text, about
LEG = 5  # between the lines that leave the boundary events of one task
DOWN = 10  # between the lines that go down the gap left of a column


@frozen
class Layout:
    """Bounds of every pool (participant), lane and node, of the labels placed apart from the
    default (gateways, boundary events), and the waypoints of every flow, by id."""

    shapes: dict[str, Bounds]
    labels: dict[str, Bounds]
    edges: dict[str, tuple[Point, ...]]


def layout(graphs: list[Graph], x: int = 0, y: int = 0) -> Layout:
    """The positions of all pools, one below the other, starting at (``x``, ``y``)."""
    shapes: dict[str, Bounds] = {}
    labels: dict[str, Bounds] = {}
    edges: dict[str, tuple[Point, ...]] = {}
    for graph in graphs:
        pool = _PoolLayout(graph, x, y)
        shapes.update(pool.shapes)
        labels.update(pool.labels)
        edges.update(pool.edges)
        y += shapes[xml_id("Participant", graph.id)][3] + POOL_GAP
    return Layout(shapes, labels, edges)


def _size(node: Node, boundaries: int) -> tuple[int, int]:
    if node.type in SIZES:
        return SIZES[node.type]
    return max(TASK[0], BOUNDARY_STEP * boundaries + 16), TASK[1]


class _PoolLayout:
    """The layout of one pool."""

    def __init__(self, graph: Graph, x: int, y: int) -> None:
        nodes = {n.id: n for n in graph.nodes}
        hosted: dict[str, list[Node]] = defaultdict(list)
        for n in graph.nodes:
            if n.attached_to:
                hosted[n.attached_to].append(n)
        size = {n.id: _size(n, len(hosted[n.id])) for n in graph.nodes}
        most = max((len(events) for events in hosted.values()), default=1)
        row = ROW + (LEG + LABEL[1]) * (most - 1)  # every boundary event's label on a line of its own
        cells: dict[tuple[str, int], list[Node]] = defaultdict(list)
        for n in sorted((n for n in graph.nodes if not (n.beside or n.attached_to)), key=lambda n: n.stacked):
            cells[n.lane, n.column].append(n)
        beside = {n.beside: n for n in graph.nodes if n.beside}
        columns = max(n.column for n in graph.nodes) + 1
        left = [0] * columns
        right = [0] * columns
        for (_, column), cell in cells.items():
            for n in cell:
                half = size[n.id][0] // 2
                extra = BESIDE + size[beside[n.id].id][0] if n.id in beside else 0
                if n.type == "exclusiveGateway" and n.name:
                    extra = 4 + LABEL[0]  # its label, right of it and below its outgoing line
                left[column] = max(left[column], half)
                right[column] = max(right[column], size[n.id][0] - half + extra)
        self.downs = [0] * columns  # lines down the gap left of each column, each on a line of its own
        for f in graph.flows:
            if self._route(f, nodes) == "down":
                self.downs[nodes[f.source].column] += 1
        self.column_left: list[int] = []
        axis: list[int] = []
        edge = x + POOL_BAND + LANE_BAND
        for column in range(columns):
            edge += GAP + DOWN * self.downs[column]
            self.column_left.append(edge)
            axis.append(edge + left[column])
            edge += left[column] + right[column]
        edge += GAP
        width = edge - x
        channels = [f for f in graph.flows if self._route(f, nodes) == "channel"]
        strip = 2 * CHANNEL + CHANNEL * len(channels) if channels else 0
        self.shapes: dict[str, Bounds] = {}
        lane_top = y
        for k, (actor, _) in enumerate(graph.lanes):
            rows = max([len(cell) for (lane, _), cell in cells.items() if lane == actor] or [1])
            top = lane_top + (strip if k == 0 else 0)
            for (lane, column), cell in cells.items():
                if lane == actor:
                    for k_row, n in enumerate(cell):
                        w, h = size[n.id]
                        centre = top + k_row * row + TOP + TASK[1] // 2
                        self.shapes[n.id] = (axis[column] - w // 2, centre - h // 2, w, h)
            height = top - lane_top + rows * row
            self.shapes[xml_id("Lane", graph.id, actor)] = (
                x + POOL_BAND,
                lane_top,
                width - POOL_BAND,
                height,
            )
            lane_top += height
        self.shapes[xml_id("Participant", graph.id)] = (x, y, width, lane_top - y)
        for anchor, n in beside.items():
            ax, ay, aw, ah = self.shapes[anchor]
            w, h = size[n.id]
            self.shapes[n.id] = (ax + aw + BESIDE, ay + ah // 2 - h // 2, w, h)
        self.labels: dict[str, Bounds] = {}
        for host, events in hosted.items():
            hx, hy, _, hh = self.shapes[host]
            below = hy + hh + SIZES["boundaryEvent"][1] // 2 + 8 + LEG * len(events)
            for k, n in enumerate(events):
                w, h = size[n.id]
                self.shapes[n.id] = (hx + 8 + BOUNDARY_STEP * k, hy + hh - h // 2, w, h)
                self.labels[n.id] = (hx + 8 + BOUNDARY_STEP * k, below + LABEL[1] * k, *LABEL)
        for n in graph.nodes:
            if n.type == "exclusiveGateway" and n.name:
                gx, gy, gw, gh = self.shapes[n.id]
                self.labels[n.id] = (gx + gw + 4, gy + gh // 2 + 6, LABEL[0], 3 * LABEL[1])
        self.edges = self._edges(graph, nodes, y + CHANNEL, [f.id for f in channels])

    def _route(self, flow: Flow, nodes: dict[str, Node]) -> str:
        source, target = nodes[flow.source], nodes[flow.target]
        if source.attached_to or (target.stacked and target.column == source.column):
            return "down"
        if target.beside == source.id:
            return "beside"
        return "next" if target.column == source.column + 1 else "channel"

    def _edges(
        self, graph: Graph, nodes: dict[str, Node], channel_top: int, channels: list[str]
    ) -> dict[str, tuple[Point, ...]]:
        edges: dict[str, tuple[Point, ...]] = {}
        downs: dict[int, int] = defaultdict(int)  # lines already down the gap left of a column
        for flow in graph.flows:
            sx, sy, sw, sh = self.shapes[flow.source]
            tx, ty, tw, th = self.shapes[flow.target]
            source, target = nodes[flow.source], nodes[flow.target]
            s_mid, t_mid = sy + sh // 2, ty + th // 2
            route = self._route(flow, nodes)
            if route == "down":
                host = self.shapes[source.attached_to] if source.attached_to else self.shapes[source.id]
                k = downs[source.column]
                downs[source.column] += 1
                leg = host[1] + host[3] + (sh // 2 if source.attached_to else 0) + 8 + LEG * k
                gap = self.column_left[source.column] - DOWN * (k + 1)
                points = [(sx + sw // 2, sy + sh), (sx + sw // 2, leg), (gap, leg), (gap, t_mid), (tx, t_mid)]
            elif route == "beside" or (s_mid == t_mid and route == "next"):
                points = [(sx + sw, s_mid), (tx, t_mid)]
            elif route == "next":
                gap = self.column_left[target.column] - DOWN * self.downs[target.column] - GAP // 2
                points = [(sx + sw, s_mid), (gap, s_mid), (gap, t_mid), (tx, t_mid)]
            else:
                level = channel_top + CHANNEL * channels.index(flow.id)
                points = [
                    (sx + sw // 2, sy),
                    (sx + sw // 2, level),
                    (tx + tw // 2, level),
                    (tx + tw // 2, ty),
                ]
            edges[flow.id] = tuple(points)
            if flow.name:
                taken = [self.shapes[n] for n in nodes] + list(self.labels.values())
                self.labels[flow.id] = _flow_label(points, flow.name, route != "down", taken)
        return edges


def _flow_label(points: list[Point], name: str, left: bool, taken: list[Bounds]) -> Bounds:
    """Where a branch's name goes: beside the flow's longest upright stretch (``left`` of it, or
    right), else beside its other stretches, the first place that covers nothing ``taken`` (nodes
    and labels); as wide as its text (bpmn.io centres a label in its box)."""
    per_line = LABEL[0] // CHAR
    lines = min(3, -(-len(name) // per_line))
    w, h = min(LABEL[0], CHAR * len(name)) + 6, LABEL[1] * lines
    places: list[Bounds] = []
    for (ax, ay), (bx, by) in sorted(
        itertools.pairwise(points), key=lambda s: -abs(s[1][0] - s[0][0]) - abs(s[1][1] - s[0][1])
    ):
        if ax == bx:
            sides = [(ax - 4 - w, (ay + by) // 2 - h // 2, w, h), (ax + 4, (ay + by) // 2 - h // 2, w, h)]
            places += sides if left else sides[::-1]
        else:
            places += [((ax + bx) // 2 - w // 2, ay - h - 2, w, h), ((ax + bx) // 2 - w // 2, ay + 3, w, h)]
    return next((p for p in places if not any(_overlap(p, t) for t in taken)), places[0])


def _overlap(a: Bounds, b: Bounds) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah
