"""The navigator: the map, its iteration, and every element kind as a lazily filled tree."""

from __future__ import annotations

from attrs import frozen
from rich.text import Text
from textual.binding import Binding
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from journeymap.elements import Kind, elements, name_of
from journeymap.model import Iteration, JourneyMap

SECTIONS = (Kind.STAGE, Kind.ACTOR, Kind.RELATION, Kind.PROFILE, Kind.TOUCHPOINT, Kind.PROCESS, Kind.FLOW)
TITLES = {
    Kind.STAGE: "Stages and steps",
    Kind.ACTOR: "Actors",
    Kind.RELATION: "Relations",
    Kind.PROFILE: "User profiles",
    Kind.TOUCHPOINT: "Touchpoints",
    Kind.PROCESS: "Processes and tasks",
    Kind.FLOW: "Flows",
}


@frozen
class Ref:
    """What a tree node stands for: the map, the iteration, a section of a kind, or an element."""

    what: str  # "map", "iteration", "section" or "element"
    kind: Kind | None = None
    id: str = ""


MAP = Ref("map")
ITERATION = Ref("iteration")


class Navigator(Tree[Ref]):
    """Shows one iteration; children are added when a node is first expanded."""

    BINDINGS = [
        Binding("a", "app.add", "Add"),
        Binding("d,delete", "app.delete", "Delete"),
        Binding("ctrl+up", "app.move(-1)", "Up", show=False),
        Binding("ctrl+down", "app.move(1)", "Down", show=False),
        Binding("b", "app.branch", "Branch"),
        Binding("l", "app.lock", "Lock"),
        Binding("c", "app.compare", "Compare"),
        Binding("e", "app.export", "Export"),
        Binding("i", "app.focus_iteration", "Iteration", show=False),
        Binding("p", "app.focus_problems", "Problems", show=False),
        Binding("question_mark", "app.help", "Help", show=False),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__("map", data=MAP, **kwargs)  # type: ignore[arg-type]
        self.show_root = False
        self.guide_depth = 2
        self._map: JourneyMap | None = None
        self._it: Iteration | None = None

    def show(self, journey_map: JourneyMap, it: Iteration, select: Ref | None = None) -> None:
        """(Re)build the tree for an iteration, keeping open sections open and the cursor on ``select``."""
        opened = {n.data for n in self._all() if n.is_expanded and n.data is not None}
        target = select or (self.cursor_node.data if self.cursor_node else None)
        self._map, self._it = journey_map, it
        self.clear()
        self.root.add_leaf(f"Map: {journey_map.title}", data=MAP)
        lock = " [locked]" if it.locked else ""
        self.root.add_leaf(f"Iteration: {it.label} ({it.state.value}){lock}", data=ITERATION)
        for kind in SECTIONS:
            count = len(elements(it, kind))
            node = self.root.add(f"{TITLES[kind]} ({count})", data=Ref("section", kind), expand=False)
            node.allow_expand = count > 0
        if target and target.what == "element" and target.kind is not None:
            opened |= self._ancestors(target)
        self._open(self.root, opened)
        self.select_ref(target or ITERATION)

    def process_label(self, label: str | Text) -> Text:
        """Names are shown as typed: no markup, first line only."""
        text = Text(label) if isinstance(label, str) else label
        return text.split()[0] if text.plain else text

    def _ancestors(self, ref: Ref) -> set[Ref]:
        """The nodes to open so that an element's node exists."""
        assert self._it is not None and ref.kind is not None
        if ref.kind is Kind.STEP:
            step = next((s for s in self._it.steps if s.id == ref.id), None)
            return {Ref("section", Kind.STAGE), *([Ref("element", Kind.STAGE, step.stage)] if step else [])}
        if ref.kind is Kind.TASK:
            proc = next((p for p in self._it.processes if any(t.id == ref.id for t in p.tasks)), None)
            return {Ref("section", Kind.PROCESS), *([Ref("element", Kind.PROCESS, proc.id)] if proc else [])}
        return {Ref("section", ref.kind)}

    def _open(self, node: TreeNode[Ref], opened: set[Ref]) -> None:
        for child in node.children:
            if child.data in opened and child.allow_expand:
                self._fill(child)
                child.expand()
                self._open(child, opened)

    def _all(self) -> list[TreeNode[Ref]]:
        found: list[TreeNode[Ref]] = []
        stack = list(self.root.children)
        while stack:
            node = stack.pop()
            found.append(node)
            stack.extend(node.children)
        return found

    def select_ref(self, ref: Ref) -> None:
        """Move the cursor to the node of ``ref`` if it is shown."""
        if self.last_line < 0:  # reading it lays out the lines, so that nodes know theirs
            return
        for node in self._all():
            if node.data == ref:
                self.move_cursor(node)
                return

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Ref]) -> None:
        self._fill(event.node)

    def _fill(self, node: TreeNode[Ref]) -> None:
        """Add a node's children the first time it is opened."""
        if node.children or self._it is None or node.data is None:
            return
        ref, it = node.data, self._it
        if ref.what == "section" and ref.kind is not None:
            for element in elements(it, ref.kind):
                label = name_of(element)
                data = Ref("element", ref.kind, element.id)
                if ref.kind is Kind.STAGE:
                    count = sum(1 for s in it.steps if s.stage == element.id)
                    child = node.add(f"{label} ({count})", data=data)
                    child.allow_expand = count > 0
                elif ref.kind is Kind.PROCESS:
                    tasks = next(p.tasks for p in it.processes if p.id == element.id)
                    child = node.add(f"{label} ({len(tasks)})", data=data)
                    child.allow_expand = bool(tasks)
                else:
                    node.add_leaf(label, data=data)
        elif ref.what == "element" and ref.kind is Kind.STAGE:
            for step in (s for s in it.steps if s.stage == ref.id):
                mark = "◇ " if step.kind.value == "decision" else ""
                node.add_leaf(f"{mark}{step.name}", data=Ref("element", Kind.STEP, step.id))
        elif ref.what == "element" and ref.kind is Kind.PROCESS:
            for task in next(p.tasks for p in it.processes if p.id == ref.id):
                node.add_leaf(task.name, data=Ref("element", Kind.TASK, task.id))
