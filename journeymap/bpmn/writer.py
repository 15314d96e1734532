"""BPMN 2.0 XML of an iteration's processes: one collaboration, a pool per process, and its diagram.

The semantic part follows the OMG schema's element order; the BPMNDI part has a shape for every
pool, lane and flow node and an edge for every sequence flow, at the places
:mod:`journeymap.bpmn.layout` gives. Text is the map's own: names on one line, characters that
XML 1.0 cannot hold replaced; the same map always gives the same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from journeymap.bpmn.graph import ESCALATIONS, Graph, process_graph, words
from journeymap.bpmn.ids import xml_id
from journeymap.bpmn.layout import Bounds, Layout, layout
from journeymap.model import JourneyMap
from journeymap.views.common import ViewError, catalog, checked, iteration
from journeymap.views.options import ViewOptions
from journeymap.views.process import chosen

NAMESPACES = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "dc": "http://www.omg.org/spec/DD/20100524/DC",
    "di": "http://www.omg.org/spec/DD/20100524/DI",
}
TARGET_NAMESPACE = "https://journeymap.github.io/bpmn"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SPACE = re.compile(r"\s+")
for _prefix, _uri in NAMESPACES.items():
    ET.register_namespace(_prefix, _uri)


def process_bpmn(journey_map: JourneyMap, options: ViewOptions | None = None) -> str:
    """The BPMN XML of ``options.process`` (default: every process) of ``options.iteration``."""
    options = options or ViewOptions()
    it = iteration(journey_map, options.iteration)
    checked(journey_map, it)
    if not it.processes:
        raise ViewError(f"iteration {it.id!r} has no processes to export")
    processes = [chosen(it, options.process)] if options.process else list(it.processes)
    said = words(catalog(journey_map, options))
    graphs = [process_graph(it, proc, said) for proc in processes]
    root = _definitions(it.id, graphs, layout(graphs, 100, 80), said)
    ET.indent(root, "  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def text(value: str) -> str:
    """``value`` with every character XML 1.0 cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", value)


def name(value: str, fallback: str = "") -> str:
    """A name on one line (spaces and control characters collapsed), or ``fallback`` if blank."""
    cleaned = "".join(c if c.isprintable() else " " for c in value)
    return text(_SPACE.sub(" ", cleaned).strip()) or fallback


def _tag(prefix: str, local: str) -> str:
    return f"{{{NAMESPACES[prefix]}}}{local}"


def _element(parent: ET.Element, local: str, prefix: str = "bpmn", **attributes: str) -> ET.Element:
    return ET.SubElement(parent, _tag(prefix, local), {k.rstrip("_"): v for k, v in attributes.items() if v})


def _documentation(parent: ET.Element, value: str) -> None:
    if value.strip():
        _element(parent, "documentation").text = text(value)


def _definitions(iteration_id: str, graphs: list[Graph], where: Layout, said: dict[str, str]) -> ET.Element:
    root = ET.Element(
        _tag("bpmn", "definitions"),
        {
            "id": xml_id("Definitions", iteration_id),
            "targetNamespace": TARGET_NAMESPACE,
            "exporter": "journeymap",
        },
    )
    used = {e for g in graphs for e in g.escalations}
    for line, escalation in ESCALATIONS.items():
        if escalation in used:
            _element(
                root, "escalation", id=escalation, name=said[line], escalationCode=line.replace("_", "-")
            )
    collaboration = _element(root, "collaboration", id=xml_id("Collaboration", iteration_id))
    for graph in graphs:
        _element(
            collaboration,
            "participant",
            id=xml_id("Participant", graph.id),
            name=name(graph.name, graph.id),
            processRef=xml_id("Process", graph.id),
        )
    for graph in graphs:
        _process(root, graph)
    diagram = _element(root, "BPMNDiagram", "bpmndi", id=xml_id("Diagram", iteration_id))
    plane = _element(
        diagram,
        "BPMNPlane",
        "bpmndi",
        id=xml_id("Plane", iteration_id),
        bpmnElement=collaboration.get("id", ""),
    )
    for graph in graphs:
        pool = [
            xml_id("Participant", graph.id),
            *(xml_id("Lane", graph.id, actor) for actor, _ in graph.lanes),
        ]
        for element_id in pool:
            _shape(plane, element_id, where.shapes[element_id], horizontal=True)
        for node in graph.nodes:
            _shape(plane, node.id, where.shapes[node.id], label=where.labels.get(node.id))
        for flow in graph.flows:
            edge = _element(plane, "BPMNEdge", "bpmndi", id=f"{flow.id}_di", bpmnElement=flow.id)
            for px, py in where.edges[flow.id]:
                _element(edge, "waypoint", "di", x=str(px), y=str(py))
            if flow.id in where.labels:
                _bounds(_element(edge, "BPMNLabel", "bpmndi"), where.labels[flow.id])
    return root


def _shape(
    plane: ET.Element, element_id: str, bounds: Bounds, horizontal: bool = False, label: Bounds | None = None
) -> None:
    """The shape of an element, and where its label goes if not where a modeler puts it by default.

    ``<id>_di`` is never an element's id (see :mod:`journeymap.bpmn.ids`).
    """
    shape = _element(
        plane,
        "BPMNShape",
        "bpmndi",
        id=f"{element_id}_di",
        bpmnElement=element_id,
        isHorizontal="true" if horizontal else "",
    )
    _bounds(shape, bounds)
    if label is not None:
        _bounds(_element(shape, "BPMNLabel", "bpmndi"), label)


def _bounds(parent: ET.Element, bounds: Bounds) -> None:
    x, y, w, h = bounds
    _element(parent, "Bounds", "dc", x=str(x), y=str(y), width=str(w), height=str(h))


def _process(root: ET.Element, graph: Graph) -> None:
    process = _element(
        root, "process", id=xml_id("Process", graph.id), name=name(graph.name, graph.id), isExecutable="false"
    )
    _documentation(process, graph.documentation)
    lane_set = _element(process, "laneSet", id=xml_id("LaneSet", graph.id))
    members: dict[str, list[str]] = defaultdict(list)
    for node in graph.nodes:
        members[node.lane].append(node.id)
    for actor, lane_name in graph.lanes:
        lane = _element(lane_set, "lane", id=xml_id("Lane", graph.id, actor), name=name(lane_name, actor))
        for node_id in members[actor]:
            _element(lane, "flowNodeRef").text = node_id
    incoming: dict[str, list[str]] = defaultdict(list)
    outgoing: dict[str, list[str]] = defaultdict(list)
    for flow in graph.flows:
        incoming[flow.target].append(flow.id)
        outgoing[flow.source].append(flow.id)
    for node in graph.nodes:
        attributes = {"id": node.id, "name": name(node.name, node.id) if node.name else ""}
        if node.attached_to:
            attributes |= {"cancelActivity": "false", "attachedToRef": node.attached_to}
        element = _element(process, node.type, **attributes)
        _documentation(element, node.documentation)
        for direction, flows in (("incoming", incoming), ("outgoing", outgoing)):
            for flow_id in flows[node.id]:
                _element(element, direction).text = flow_id
        if node.escalation:
            _element(
                element,
                "escalationEventDefinition",
                id=xml_id("Definition", node.id),
                escalationRef=node.escalation,
            )
    for flow in graph.flows:
        _element(
            process,
            "sequenceFlow",
            id=flow.id,
            name=name(flow.name),
            sourceRef=flow.source,
            targetRef=flow.target,
        )
