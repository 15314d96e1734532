"""What a process becomes in BPMN: its flow nodes, lanes and sequence flows, before any layout.

The rules, each in one function:

- :func:`task_types`: the BPMN task type from the channels of the touchpoints behind a task.
- :func:`decisions`: where a decision step of the journey becomes an exclusive gateway.
- :func:`_escalate`: 2nd and 3rd line support as non-interrupting escalation boundary events
  leading to a support task in the supporter's lane.
- :func:`_merged`: a task reached from more than one place is entered through a merging gateway.
"""

from __future__ import annotations

import gettext
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping

from attrs import evolve, frozen

from journeymap.bpmn.ids import xml_id
from journeymap.i18n import N_
from journeymap.model import ActorKind, Channel, Iteration, Lane, Process, Step, StepKind, Task
from journeymap.model import Flow as StepFlow
from journeymap.views.process import lanes

WORDS = {
    "start": N_("Start"),
    "end": N_("End"),
    "second_line": N_("2nd line support"),
    "third_line": N_("3rd line support"),
    "support": N_("Support: {task}"),
    "supported": N_("Supported"),
    "response_time": N_("Response time: {time}"),
    "unassigned": N_("Not assigned"),
}
"""The words journeymap adds to a map's own names, in one place (English; see :func:`words`)."""


def words(tr: gettext.NullTranslations) -> dict[str, str]:
    """:data:`WORDS` in the language of ``tr``."""
    return {key: tr.gettext(message) for key, message in WORDS.items()}


ESCALATIONS = {
    "second_line": xml_id("Escalation", "second-line"),
    "third_line": xml_id("Escalation", "third-line"),
}


@frozen
class Node:
    """A BPMN flow node and where it goes.

    ``column`` is its place left to right; ``stacked`` nodes (support, exits) sit below the
    column's main node in their lane; ``beside`` is the node this one sits right of;
    ``attached_to`` is the host of a boundary event.
    """

    id: str
    type: str
    name: str
    lane: str
    column: int = 0
    stacked: bool = False
    documentation: str = ""
    beside: str = ""
    attached_to: str = ""
    escalation: str = ""


@frozen
class Flow:
    """A sequence flow (numbered once complete); ``name`` labels a gateway's branch."""

    id: str
    source: str
    target: str
    name: str = ""


@frozen
class Graph:
    """One process as a BPMN pool: lanes (actor id, name), nodes and flows."""

    id: str
    name: str
    documentation: str
    lanes: tuple[tuple[str, str], ...]
    nodes: tuple[Node, ...]
    flows: tuple[Flow, ...]

    @property
    def escalations(self) -> list[str]:
        """The ids of the escalations its boundary events use, in a fixed order."""
        used = {n.escalation for n in self.nodes}
        return [e for e in ESCALATIONS.values() if e in used]


@frozen
class Decision:
    """A decision step behind a task: its gateway's branches, as (label, task id or exit step)."""

    step: Step
    branches: tuple[tuple[str, Task | Step], ...]


def task_types(it: Iteration) -> dict[str, str]:
    """The BPMN task type of every task, from the touchpoints of the steps it is behind.

    No touchpoint: ``task`` (the map does not say). Only digital ones, in the blueprint's
    support lane, done by a supplier: ``serviceTask`` (the supplier's system does it). Any
    digital one otherwise: ``userTask`` (a person works with a system). Only physical or
    interpersonal ones: ``manualTask``.
    """
    channel = {t.id: t.channel for t in it.touchpoints}
    kinds = {a.id: a.kind for a in it.actors}
    behind: dict[str, set[Channel]] = defaultdict(set)
    for step in it.steps:
        for task_id in step.tasks:
            behind[task_id] |= {channel[t] for t in step.touchpoints if t in channel}
    types = {}
    for task in (t for proc in it.processes for t in proc.tasks):
        channels = behind[task.id]
        by_supplier = kinds.get(task.responsible) is ActorKind.SUPPLIER
        if not channels:
            types[task.id] = "task"
        elif channels == {Channel.DIGITAL} and task.lane is Lane.SUPPORT and by_supplier:
            types[task.id] = "serviceTask"
        else:
            types[task.id] = "userTask" if Channel.DIGITAL in channels else "manualTask"
    return types


def decisions(it: Iteration, proc: Process) -> dict[str, Decision]:
    """The decision steps that branch the process, by the id of the task they follow.

    A decision step naming tasks of the process follows the last of them. Each of its flows
    is a branch to the first task of the process behind the flow's target step, or else out of
    the process (an end event named after that step); branches to one place are one, their
    labels joined. It becomes a gateway when it branches to two places or more and one branch
    carries on: to the next task, or out of the process after the last task (so that every
    task is reached and the process ends); the first such step of a task wins.
    """
    order = {t.id: k for k, t in enumerate(proc.tasks)}
    steps = {s.id: s for s in it.steps}
    leaving: dict[str, list[StepFlow]] = defaultdict(list)
    for flow in it.flows:
        if flow.target in steps:
            leaving[flow.source].append(flow)
    found: dict[str, Decision] = {}
    for step in it.steps:
        mine = sorted((order[t] for t in step.tasks if t in order), reverse=True)
        if step.kind is not StepKind.DECISION or not mine or proc.tasks[mine[0]].id in found:
            continue
        last = mine[0]
        branches: dict[str, tuple[list[str], Task | Step]] = {}
        for flow in leaving[step.id]:
            target_step = steps[flow.target]
            behind = sorted(order[t] for t in target_step.tasks if t in order)
            target: Task | Step = proc.tasks[behind[0]] if behind else target_step
            labels, _ = branches.setdefault(target.id if behind else f"exit:{target.id}", ([], target))
            labels.append(flow.label or target.name)
        if last + 1 < len(proc.tasks):
            carries_on = proc.tasks[last + 1].id in branches
        else:
            carries_on = any(key.startswith("exit:") for key in branches)
        if len(branches) >= 2 and carries_on:
            found[proc.tasks[last].id] = Decision(
                step,
                tuple((" / ".join(dict.fromkeys(labels)), target) for labels, target in branches.values()),
            )
    return found


def process_graph(it: Iteration, proc: Process, said: Mapping[str, str] = WORDS) -> Graph:
    """The BPMN pool of a process: a start event, the tasks in order, gateways, support, ends.

    ``said`` is :data:`WORDS` in the language to write (see :func:`words`).
    """
    actors = {a.id: a.name + (f" ({a.organisation})" if a.organisation else "") for a in it.actors}
    lane_ids = lanes(proc) or [""]
    pool = _Pool(proc.id, said)
    previous = pool.main("Start", "startEvent", said["start"], lane_ids[0]).id
    branching = decisions(it, proc)
    types = task_types(it)
    last_lane = lane_ids[0]
    for task in proc.tasks:
        node = pool.main(
            "Task",
            types[task.id],
            task.name,
            task.responsible,
            task.id,
            documentation=_documentation(task, said),
        )
        if previous:
            pool.flow(previous, node.id)
        previous, last_lane = node.id, task.responsible
        _escalate(pool, task, node)
        decision = branching.get(task.id)
        if decision is not None:
            gateway = pool.main(
                "Decision", "exclusiveGateway", decision.step.name, task.responsible, decision.step.id
            )
            pool.flow(node.id, gateway.id)
            for label, target in decision.branches:
                if isinstance(target, Task):
                    pool.flow(gateway.id, xml_id("Task", proc.id, target.id), label)
                else:
                    pool.flow(
                        gateway.id,
                        pool.stacked(
                            gateway, "Exit", "endEvent", target.name, decision.step.id, target.id
                        ).id,
                        label,
                    )
            previous = ""
    if previous:
        pool.flow(previous, pool.main("End", "endEvent", said["end"], last_lane).id)
    nodes, flows = _merged(proc.id, pool.nodes, pool.flows)
    return Graph(
        id=proc.id,
        name=proc.name,
        documentation=proc.description,
        lanes=tuple((a, actors.get(a, said["unassigned"])) for a in lane_ids),
        nodes=tuple(nodes),
        flows=tuple(flows),
    )


def _documentation(task: Task, said: Mapping[str, str]) -> str:
    lines = [task.how] if task.how else []
    if task.response_time:
        lines.append(said["response_time"].format(time=task.response_time))
    return "\n".join(lines)


def _escalate(pool: _Pool, task: Task, host: Node) -> None:
    """2nd line support of a task, and 3rd line support of each 2nd line (or of the task).

    Each supporter gets a non-interrupting escalation boundary event on the task it supports,
    leading to a support task in the supporter's lane, which ends in an end event: the task
    goes on while support helps.
    """
    seconds = [
        _support(pool, task, host, actor, "second_line", (actor,))
        for actor in dict.fromkeys(task.second_line)
    ]
    for helped in seconds or [host]:
        for actor in dict.fromkeys(task.third_line):
            _support(pool, task, helped, actor, "third_line", (helped.lane if seconds else "", actor))


def _support(pool: _Pool, task: Task, host: Node, actor: str, line: str, key: tuple[str, ...]) -> Node:
    """A boundary event on ``host`` leading to ``actor``'s support task, which ends."""
    kind = "Second" if line == "second_line" else "Third"
    event = pool.boundary(host, kind + "Line", pool.said[line], ESCALATIONS[line], task.id, *key)
    name = pool.said["support"].format(task=task.name)
    helper = pool.stacked(host, kind + "Support", "task", name, task.id, *key, lane=actor)
    pool.flow(event.id, helper.id)
    pool.flow(helper.id, pool.beside(helper, kind + "Supported", pool.said["supported"], task.id, *key).id)
    return helper


def _merged(process_id: str, nodes: list[Node], flows: list[Flow]) -> tuple[list[Node], list[Flow]]:
    """Put a merging exclusive gateway before every node entered by more than one flow.

    The gateway takes the node's column and everything from there on moves one column right.
    Flows are then numbered in order.
    """
    entries = Counter(f.target for f in flows)
    targets = [n for n in nodes if entries[n.id] > 1]
    merge = {n.id: "Merge" + n.id for n in targets}
    before = sorted(n.column for n in targets)
    nodes = [evolve(n, column=n.column + bisect_right(before, n.column)) for n in nodes]
    nodes += [
        Node(merge[n.id], "exclusiveGateway", "", n.lane, n.column + bisect_left(before, n.column))
        for n in targets
    ]
    flows = [evolve(f, target=merge.get(f.target, f.target)) for f in flows]
    flows += [Flow("", merge[n.id], n.id) for n in targets]
    return nodes, [evolve(f, id=xml_id("Flow", process_id, str(k))) for k, f in enumerate(flows, 1)]


class _Pool:
    """Collects a process's nodes and flows: main nodes one column each, left to right."""

    def __init__(self, process_id: str, said: Mapping[str, str]) -> None:
        self.process_id = process_id
        self.said = said
        self.nodes: list[Node] = []
        self.flows: list[Flow] = []
        self.columns = 0

    def main(self, kind: str, type_: str, name: str, lane: str, *key: str, documentation: str = "") -> Node:
        """A node on the main path, in the next column."""
        self.columns += 1
        return self._add(
            Node(
                xml_id(kind, self.process_id, *key),
                type_,
                name,
                lane,
                self.columns - 1,
                documentation=documentation,
            )
        )

    def stacked(self, host: Node, kind: str, type_: str, name: str, *key: str, lane: str = "") -> Node:
        """A node below ``host``'s column's main node (in ``lane``, default: the host's)."""
        node = Node(
            xml_id(kind, self.process_id, *key), type_, name, lane or host.lane, host.column, stacked=True
        )
        return self._add(node)

    def beside(self, anchor: Node, kind: str, name: str, *key: str) -> Node:
        """An end event right of ``anchor``."""
        node = Node(
            xml_id(kind, self.process_id, *key),
            "endEvent",
            name,
            anchor.lane,
            anchor.column,
            beside=anchor.id,
        )
        return self._add(node)

    def boundary(self, host: Node, kind: str, name: str, escalation: str, *key: str) -> Node:
        """A non-interrupting escalation event on ``host``."""
        node = Node(
            xml_id(kind, self.process_id, *key), "boundaryEvent", name, host.lane, host.column,
            attached_to=host.id, escalation=escalation,
        )  # fmt: skip
        return self._add(node)

    def _add(self, node: Node) -> Node:
        self.nodes.append(node)
        return node

    def flow(self, source: str, target: str, name: str = "") -> None:
        self.flows.append(Flow("", source, target, name))
