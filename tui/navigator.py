"""The navigator: the map, its iteration, and every element kind as a lazily filled tree."""

from __future__ import annotations

from collections import Counter

from attrs import frozen
from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from journeymap.elements import Element, Kind, elements, name_of, parent_of
from journeymap.i18n import N_
from journeymap.model import Benefit, Iteration, JourneyMap, Process, Step, StepKind
from journeymap.vocabulary import term
from tui.actions import bindings
from tui.words import _, bind

SECTIONS = tuple(
    sorted((k for k in Kind if k.parent is None and k.spec.under is None), key=lambda k: k is not Kind.STAGE)
)
"""A section per kind that is not shown inside another's elements; the journey's stages first."""
NESTED = {k: n for n in Kind if (k := n.parent or n.spec.under) is not None}
"""The kind shown inside each kind's elements: a stage's steps, a process's tasks, a benefit's indicators."""
TITLES = {
    kind: " and ".join(k.spec.plural for k in (kind, NESTED.get(kind)) if k is not None).capitalize()
    for kind in SECTIONS
}
SECTION_WORDS = (
    N_("Stages and steps"),
    N_("Actors"),
    N_("Relations"),
    N_("User profiles"),
    N_("Touchpoints"),
    N_("Processes and tasks"),
    N_("Flows"),
    N_("Benefits and indicators"),
)
"""The sections' titles as message ids (the titles above are made from the kinds' plurals)."""
PARENTS = tuple(NESTED)
"""Kinds whose nodes hold other elements: a stage its steps, a process its tasks, a benefit its indicators."""


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

    BINDINGS = bindings("navigator")

    def __init__(self, **kwargs: object) -> None:
        super().__init__("map", data=MAP, **kwargs)  # type: ignore[arg-type]
        bind(self)
        self.show_root = False
        self.guide_depth = 2
        self._map: JourneyMap | None = None
        self._it: Iteration | None = None
        self._shape: tuple[object, ...] = ()

    def show(self, journey_map: JourneyMap, it: Iteration, select: Ref | None = None) -> None:
        """Show an iteration, keeping open sections open and the cursor on ``select``.

        When only names changed (the same elements in the same places), labels are updated in
        place; otherwise the tree is rebuilt, filling only the open nodes.
        """
        target = select or (self.cursor_node.data if self.cursor_node else None)
        shape = _shape(it)
        self._map, self._it = journey_map, it
        if shape == self._shape and self.root.children:
            nodes = [n for n in self._all() if n.data is not None]
            by_kind: dict[Kind, list[Ref]] = {}
            for node in nodes:
                assert node.data is not None
                if node.data.what == "element" and node.data.kind is not None:
                    by_kind.setdefault(node.data.kind, []).append(node.data)
            labels = {ref: text for refs in by_kind.values() for ref, text in self._labels(refs).items()}
            for node in nodes:
                assert node.data is not None
                node.set_label(labels.get(node.data) or self._label(node.data))
            self.select_ref(target or ITERATION)
            return
        self._shape = shape
        opened = {n.data for n in self._all() if n.is_expanded and n.data is not None}
        self.clear()
        self.root.add_leaf(self._label(MAP), data=MAP)
        self.root.add_leaf(self._label(ITERATION), data=ITERATION)
        for kind in SECTIONS:
            ref = Ref("section", kind)
            node = self.root.add(self._label(ref), data=ref, expand=False)
            node.allow_expand = bool(elements(it, kind))
        if target and target.what == "element" and target.kind is not None:
            opened |= self._ancestors(target)
        self._open(self.root, opened)
        self.select_ref(target or ITERATION)

    def show_empty(self, journey_map: JourneyMap) -> None:
        """A map without iterations: the map, and a hint where the iterations will be."""
        self._map, self._it, self._shape = journey_map, None, ()
        self.clear()
        self.root.add_leaf(_("Map: {title}").format(title=journey_map.title), data=MAP)
        self.root.add_leaf(Text(_("No iterations yet: press b to add the first"), style="dim"))
        self.select_ref(MAP)

    def _label(self, ref: Ref) -> str:
        """The text of a node."""
        assert self._map is not None and self._it is not None
        it = self._it
        if ref == MAP:
            return _("Map: {title}").format(title=self._map.title)
        if ref == ITERATION:
            label = _("Iteration: {label} ({state})").format(label=it.label, state=_(term(it.state)))
            return label + (" [" + _("locked") + "]" if it.locked else "")
        assert ref.kind is not None
        if ref.what == "section":
            return f"{_(TITLES[ref.kind])} ({len(elements(it, ref.kind))})"
        element = next(e for e in elements(it, ref.kind) if e.id == ref.id)
        if ref.kind is Kind.STAGE:
            return f"{name_of(element)} ({sum(1 for s in it.steps if s.stage == ref.id)})"
        if isinstance(element, Step) and element.kind is StepKind.DECISION:
            return f"◇ {element.name}"
        return _name(element)

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
        if ref.kind.parent is not None:
            try:
                parent = parent_of(self._it, ref.kind, ref.id)
            except StopIteration:
                return {Ref("section", ref.kind.parent)}
            return {Ref("section", ref.kind.parent), Ref("element", ref.kind.parent, parent.id)}
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
        """Move the cursor to the node of ``ref``, opening the nodes it is in if they are closed."""
        if self.last_line < 0:  # reading it lays out the lines, so that nodes know theirs
            return
        node = self._node(ref)
        if node is None and ref.what == "element" and self._it is not None:
            self._open(self.root, self._ancestors(ref))
            _lines = self.last_line  # lays out the lines just opened
            node = self._node(ref)
        if node is not None:
            self.move_cursor(node)

    def _node(self, ref: Ref) -> TreeNode[Ref] | None:
        return next((node for node in self._all() if node.data == ref), None)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Ref]) -> None:
        self._fill(event.node)

    def _fill(self, node: TreeNode[Ref]) -> None:
        """Add a node's children the first time it is opened."""
        if node.children or self._it is None or node.data is None:
            return
        ref, it = node.data, self._it
        if ref.what == "section" and ref.kind is not None:
            children = [Ref("element", ref.kind, e.id) for e in elements(it, ref.kind)]
        elif ref.what == "element" and ref.kind is Kind.STAGE:
            children = [Ref("element", Kind.STEP, s.id) for s in it.steps if s.stage == ref.id]
        elif ref.what == "element" and ref.kind is not None and ref.kind.child is not None:
            child_kind = ref.kind.child
            parent = next(e for e in elements(it, ref.kind) if e.id == ref.id)
            children = [Ref("element", child_kind, c.id) for c in getattr(parent, child_kind.collection)]
        else:
            return
        labels = self._labels(children)
        for child_ref in children:
            if child_ref.kind in PARENTS:
                child = node.add(labels[child_ref], data=child_ref)
                child.allow_expand = not labels[child_ref].endswith("(0)")
            else:
                node.add_leaf(labels[child_ref], data=child_ref)

    def _labels(self, refs: list[Ref]) -> dict[Ref, str]:
        """Labels of many element nodes of one kind at once (one pass, not one search each)."""
        assert self._it is not None
        it = self._it
        if not refs:
            return {}
        kind = refs[0].kind
        assert kind is not None
        if kind is Kind.STAGE:
            counts = Counter(s.stage for s in it.steps)
            return {Ref("element", kind, e.id): f"{name_of(e)} ({counts[e.id]})" for e in it.stages}
        if kind is Kind.STEP:
            wanted = {r.id for r in refs}
            return {
                Ref("element", kind, s.id): ("◇ " if s.kind is StepKind.DECISION else "") + s.name
                for s in it.steps
                if s.id in wanted
            }
        return (
            {r: self._label(r) for r in refs}
            if len(refs) < 50
            else {Ref("element", kind, e.id): _name(e) for e in elements(it, kind)}
        )


def _shape(it: Iteration) -> tuple[object, ...]:
    """What the tree's structure depends on: which elements there are, where."""
    return (
        it.id,
        tuple(tuple(e.id for e in elements(it, kind)) for kind in Kind),
        tuple(s.stage for s in it.steps),
        tuple(len(p.tasks) for p in it.processes),
        tuple(len(b.indicators) for b in it.benefits),
    )


def _name(element: Element) -> str:
    """A node's text: the name, with the number of children for processes and benefits."""
    if isinstance(element, Process):
        return f"{element.name} ({len(element.tasks)})"
    if isinstance(element, Benefit):
        return f"{element.name} ({len(element.indicators)})"
    return name_of(element)
