"""BPMN export: what IT departments open in bpmn.io or Camunda Modeler, checked by real readers."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest
import SpiffWorkflow
from attrs import evolve
from conftest import EXAMPLES, ROOT
from hypothesis import given, settings
from lxml import etree
from strategies import maps

import journeymap as jm
from journeymap.cli import main
from journeymap.views import ViewOptions

NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "dc": "http://www.omg.org/spec/DD/20100524/DC",
    "di": "http://www.omg.org/spec/DD/20100524/DI",
}
FLOW_NODES = (
    "startEvent", "endEvent", "boundaryEvent", "task", "userTask", "manualTask", "serviceTask", "exclusiveGateway",
)  # fmt: skip
TELEHEALTH = str(ROOT / "examples" / "telehealth-service-centre.toml")


def exports() -> list[tuple[str, bytes]]:
    """Every example's every iteration: all its processes, and each process alone."""
    found = []
    for path in EXAMPLES:
        m = jm.load(path)
        for it in m.iterations:
            for process in ["", *(p.id for p in it.processes)]:
                data = jm.export(m, "process", "bpmn", ViewOptions(iteration=it.id, process=process))
                found.append((f"{path.stem}/{it.id}/{process or '*'}", data))
    return found


EXPORTS = exports()


def parse(data: bytes) -> etree._Element:
    return etree.fromstring(data)


def q(root: etree._Element, path: str) -> list[etree._Element]:
    found: list[etree._Element] = root.xpath(path, namespaces=NS)
    return found


@cache
def schema() -> etree.XMLSchema:
    """The official BPMN 2.0 XML Schema (OMG), as SpiffWorkflow ships it."""
    folder = Path(SpiffWorkflow.__file__).parent / "bpmn" / "parser" / "schema"
    return etree.XMLSchema(etree.parse(str(folder / "BPMN20.xsd")))


def test_every_export_is_valid_against_the_bpmn_schema() -> None:
    assert len(EXPORTS) >= 10
    for name, data in EXPORTS:
        assert schema().validate(parse(data)), (name, schema().error_log)


def overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def inside(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return bx <= ax and by <= ay and ax + aw <= bx + bw and ay + ah <= by + bh


def along(a: tuple[tuple[float, float], ...], b: tuple[tuple[float, float], ...]) -> bool:
    """Whether two axis-parallel segments run along each other for more than a point."""
    (ax1, ay1), (ax2, ay2) = a
    (bx1, by1), (bx2, by2) = b
    if ax1 == ax2 == bx1 == bx2:
        return min(max(ay1, ay2), max(by1, by2)) > max(min(ay1, ay2), min(by1, by2))
    if ay1 == ay2 == by1 == by2:
        return min(max(ax1, ax2), max(bx1, bx2)) > max(min(ax1, ax2), min(bx1, bx2))
    return False


def check_diagram(root: etree._Element) -> None:
    """A shape for every pool, lane and flow node, an edge for every flow, nothing on anything else.

    The labels journeymap places (of gateways and boundary events) lie on no flow node either, and
    no two flows run along the same line (a reader could not tell where each goes), but for the
    first stretch of two branches out of one gateway.
    """
    bounds = {
        shape.get("bpmnElement"): tuple(float(b.get(k)) for k in ("x", "y", "width", "height"))
        for shape in q(root, "//bpmndi:BPMNShape")
        for b in q(shape, "dc:Bounds")
    }
    edges = {e.get("bpmnElement"): q(e, "di:waypoint") for e in q(root, "//bpmndi:BPMNEdge")}
    pools = [p.get("id") for p in q(root, "//bpmn:participant")]
    lanes = {lane.get("id"): [r.text for r in q(lane, "bpmn:flowNodeRef")] for lane in q(root, "//bpmn:lane")}
    nodes = [n.get("id") for kind in FLOW_NODES for n in q(root, f"//bpmn:process/bpmn:{kind}")]
    flows = [f.get("id") for f in q(root, "//bpmn:sequenceFlow")]
    assert set(bounds) == {*pools, *lanes, *nodes}
    assert set(edges) == set(flows)
    assert all(len(points) >= 2 for points in edges.values())
    lane_of = {node: lane for lane, refs in lanes.items() for node in refs}
    assert set(lane_of) == set(nodes), "every flow node is in a lane"
    for pool in q(root, "//bpmn:participant"):
        process = q(root, f"//bpmn:process[@id='{pool.get('processRef')}']")[0]
        for lane in q(process, ".//bpmn:lane"):
            assert inside(bounds[lane.get("id")], bounds[pool.get("id")])
    for node, lane in lane_of.items():
        assert inside(bounds[node], bounds[lane]), node
    hosts = {b.get("id"): b.get("attachedToRef") for b in q(root, "//bpmn:boundaryEvent")}
    for placed in (pools, nodes):  # a node lies on its pool and lane, a boundary event on its host
        for k, a in enumerate(placed):
            for b in placed[k + 1 :]:
                if hosts.get(a) != b and hosts.get(b) != a:
                    assert not overlap(bounds[a], bounds[b]), (a, b)
    labels = {
        shape.get("bpmnElement"): tuple(float(b.get(k)) for k in ("x", "y", "width", "height"))
        for shape in q(root, "//bpmndi:BPMNShape | //bpmndi:BPMNEdge")
        for b in q(shape, "bpmndi:BPMNLabel/dc:Bounds")
    }
    named = {f.get("id") for f in q(root, "//bpmn:sequenceFlow[@name]")}
    assert named <= set(labels), "every branch's name has its place"
    for owner, label in labels.items():
        for node in nodes:
            assert node == owner or not overlap(label, bounds[node]), (owner, node)
    points = {
        f: [(float(p.get("x")), float(p.get("y"))) for p in waypoints] for f, waypoints in edges.items()
    }
    lines = {f: list(itertools.pairwise(ps)) for f, ps in points.items()}
    source = {f.get("id"): f.get("sourceRef") for f in q(root, "//bpmn:sequenceFlow")}
    for k, a in enumerate(flows):
        for b in flows[k + 1 :]:
            fork = source[a] == source[b]  # branches may leave their gateway on one stub
            shared = [(i, j) for i, s in enumerate(lines[a]) for j, t in enumerate(lines[b]) if along(s, t)]
            assert all(fork and i == j == 0 for i, j in shared), (a, b)
    for a, b in zip(list(lanes), list(lanes)[1:], strict=False):
        if lanes[a] and lanes[b]:
            assert not overlap(bounds[a], bounds[b]) or bounds[a][1] + bounds[a][3] == bounds[b][1], (a, b)


def test_every_export_has_a_complete_diagram_without_overlaps() -> None:
    for name, data in EXPORTS:
        try:
            check_diagram(parse(data))
        except AssertionError as exc:
            raise AssertionError(name) from exc


def test_same_map_same_bytes() -> None:
    assert exports() == EXPORTS


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_bpmn_matches_the_reviewed_golden_file(path: Path) -> None:
    """A change in the BPMN must be deliberate: regenerate with JOURNEYMAP_UPDATE_GOLDEN=1 and review."""
    data = jm.export(jm.load(path), "process", "bpmn")
    golden = ROOT / "tests" / "golden" / f"{path.stem}-process.bpmn"
    if os.environ.get("JOURNEYMAP_UPDATE_GOLDEN"):
        golden.write_bytes(data)
    assert data == golden.read_bytes()


BPMN_CHECK = ROOT / "tools" / "bpmn-check"
needs_bpmn_io = pytest.mark.skipif(
    shutil.which("node") is None or not (BPMN_CHECK / "node_modules" / "bpmnlint").is_dir(),
    reason="needs node, bpmn-moddle and bpmnlint: npm ci in tools/bpmn-check (.ci/run does)",
)


def bpmn_io(sources: list[str]) -> list[dict[str, object]]:
    """What bpmn.io's reader (bpmn-moddle) and bpmnlint's recommended rules say of each file."""
    done = subprocess.run(
        ["node", str(BPMN_CHECK / "check.mjs")], input=json.dumps(sources), capture_output=True, text=True,
        check=True, timeout=300,
    )  # fmt: skip
    results: list[dict[str, object]] = json.loads(done.stdout)
    return results


def random_exports() -> list[tuple[str, bytes]]:
    """Exports of the iterations of random valid maps, the same ones every run."""
    found = []

    @settings(max_examples=60, derandomize=True, database=None)
    @given(maps(max_iterations=2))
    def collect(m: jm.JourneyMap) -> None:
        for it in m.iterations:
            if it.processes:
                found.append(
                    (f"random/{it.id}", jm.export(m, "process", "bpmn", ViewOptions(iteration=it.id)))
                )

    collect()
    return found


@needs_bpmn_io
def test_bpmn_io_reads_every_export_without_warnings_and_bpmnlint_finds_no_error() -> None:
    exported = EXPORTS + random_exports()
    assert len(exported) > len(EXPORTS) + 20
    results = bpmn_io([data.decode("utf-8") for _, data in exported])
    broken = (
        "<bpmn:definitions xmlns:bpmn='http://www.omg.org/spec/BPMN/20100524/MODEL'><bpmn:process id='p'/>"
    )
    (check,) = bpmn_io([broken + "</bpmn:definitions>"])  # the checker does see problems
    assert any(r["rule"] == "start-event-required" for r in check["lint"])  # type: ignore[attr-defined]
    for (name, _), result in zip(exported, results, strict=True):
        assert result.get("warnings") == [], (name, result)
        lint = result["lint"]
        assert isinstance(lint, list)
        assert [
            r for r in lint if r["category"] == "error" or r["rule"] == "no-overlapping-elements"
        ] == [], name


def telehealth(iteration: str, process: str = "") -> etree._Element:
    m = jm.load(TELEHEALTH)
    return parse(jm.export(m, "process", "bpmn", ViewOptions(iteration=iteration, process=process)))


def named(root: etree._Element, name: str) -> etree._Element:
    (element,) = q(root, f"//*[@name={json.dumps(name)}]")
    return element


def test_pools_lanes_tasks_and_their_documentation() -> None:
    root = telehealth("future")
    assert [p.get("name") for p in q(root, "//bpmn:participant")] == [
        "Taking on a case",
        "Support in operation",
    ]
    assert [p.get("isExecutable") for p in q(root, "//bpmn:process")] == ["false", "false"]
    (support,) = q(root, "//bpmn:process[@name='Support in operation']")
    lanes = [lane.get("name") for lane in q(support, ".//bpmn:lane")]
    assert lanes[0] == "Home nurse (Municipality)"
    call = named(support, "Answer the support call")
    assert etree.QName(call).localname == "manualTask"  # behind interpersonal and physical touchpoints
    assert etree.QName(named(support, "Read measurements")).localname == "userTask"  # a digital one too
    (documentation,) = q(call, "bpmn:documentation")
    assert documentation.text == "FAQ script; every call registered\nResponse time: around the clock, at once"
    home = parse(
        jm.export(
            jm.load(ROOT / "examples/home-training.toml"), "process", "bpmn", ViewOptions(iteration="future")
        )
    )
    assert etree.QName(named(home, "Send the weekly training report")).localname == "serviceTask"
    (one,) = q(telehealth("future", "support-in-operation"), "//bpmn:participant")
    assert one.get("name") == "Support in operation"


def test_decision_step_becomes_a_gateway_and_support_lines_escalate() -> None:
    root = telehealth("current")
    gateway = named(root, "Can the nurse fix it on the phone?")
    assert etree.QName(gateway).localname == "exclusiveGateway"
    branches = {
        f.get("name"): f.get("targetRef")
        for f in q(root, f"//bpmn:sequenceFlow[@sourceRef='{gateway.get('id')}']")
    }
    assert set(branches) == {"yes", "no"}
    assert named(root, "Fix a technical fault").get("id") == branches["no"]
    merge = q(root, f"//bpmn:exclusiveGateway[@id='{branches['yes']}']")[
        0
    ]  # back to reading, through a merge
    (after,) = q(root, f"//bpmn:sequenceFlow[@sourceRef='{merge.get('id')}']")
    assert after.get("targetRef") == named(root, "Read measurements").get("id")
    call = named(root, "Answer the citizen's call")
    (second,) = q(root, f"//bpmn:boundaryEvent[@attachedToRef='{call.get('id')}']")
    assert second.get("cancelActivity") == "false" and second.get("name") == "2nd line support"
    assert q(second, "bpmn:escalationEventDefinition")
    (flow,) = q(root, f"//bpmn:sequenceFlow[@sourceRef='{second.get('id')}']")
    helper = q(root, f"//*[@id='{flow.get('targetRef')}']")[0]
    lane = q(root, f"//bpmn:lane[bpmn:flowNodeRef='{helper.get('id')}']")[0]
    assert lane.get("name") == "Municipal IT department (Municipality)"
    (third,) = q(root, f"//bpmn:boundaryEvent[@attachedToRef='{helper.get('id')}']")
    assert third.get("name") == "3rd line support"


def test_any_text_stays_text_and_any_ids_stay_apart(tmp_path: Path) -> None:
    m = jm.load(TELEHEALTH)
    it = m.iteration("future")
    nasty = 'a <b>&amp; "q" \x1b[2J ]]> \n line'
    processes = (
        evolve(
            it.processes[0],
            id="a__b",
            name=nasty,
            tasks=tuple(evolve(t, name=nasty + t.id, how=nasty) for t in it.processes[0].tasks),
        ),
        evolve(
            it.processes[1], id="a", tasks=tuple(evolve(t, id=f"b__{t.id}") for t in it.processes[1].tasks)
        ),
    )
    renamed = {t.id: f"b__{t.id}" for t in it.processes[1].tasks}
    steps = tuple(evolve(s, tasks=tuple(renamed.get(t, t) for t in s.tasks)) for s in it.steps)
    m = evolve(m, iterations=(m.iterations[0], evolve(it, processes=processes, steps=steps)))
    assert not [p for p in jm.validate(m) if p.severity is jm.Severity.ERROR]
    root = parse(jm.export(m, "process", "bpmn", ViewOptions(iteration="future")))
    assert schema().validate(root), schema().error_log  # ids are NCNames and unique
    check_diagram(root)
    assert q(root, "//bpmn:participant")[0].get("name") == 'a <b>&amp; "q" [2J ]]> line'
    docs = [d.text for d in q(root, "//bpmn:documentation")]
    assert 'a <b>&amp; "q" \ufffd[2J ]]> \n line' in "".join(docs)


def test_cli_writes_the_file_and_refuses_other_views(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "support.bpmn"
    args = ["export", TELEHEALTH, "--view", "process", "--format", "bpmn", "--iteration", "future"]
    assert main([*args, "--process", "support-in-operation", "-o", str(out)]) == 0
    assert len(q(parse(out.read_bytes()), "//bpmn:participant")) == 1
    assert main([*args, "--process", "nothing", "-o", str(out)]) == 2
    assert "no process 'nothing'" in capsys.readouterr().err
    before = out.read_bytes()
    assert main(["export", TELEHEALTH, "--format", "bpmn", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "telehealth-service-centre.toml" in err and "process view only" in err and "Traceback" not in err
    assert out.read_bytes() == before


@given(maps(max_iterations=2))
def test_any_valid_map_exports_valid_bpmn_with_a_complete_diagram(m: jm.JourneyMap) -> None:
    for it in m.iterations:
        if not it.processes:
            with pytest.raises(jm.ViewError, match="no processes"):
                jm.export(m, "process", "bpmn", ViewOptions(iteration=it.id))
            continue
        data = jm.export(m, "process", "bpmn", ViewOptions(iteration=it.id))
        assert data == jm.export(m, "process", "bpmn", ViewOptions(iteration=it.id))
        root = parse(data)
        assert schema().validate(root), schema().error_log
        check_diagram(root)
        assert len(q(root, "//bpmn:participant")) == len(it.processes)
        tasks = q(root, "//bpmn:process/*[contains(local-name(), 'ask') and starts-with(@id, 'Task__')]")
        assert len(tasks) == sum(len(p.tasks) for p in it.processes)


def test_a_decision_that_only_loops_back_leaves_the_process_an_end() -> None:
    m = jm.load(TELEHEALTH)
    it = m.iteration("current")
    read, call, fix = it.processes[0].tasks
    it = evolve(it, processes=(evolve(it.processes[0], tasks=(read, fix, call)),))  # both branches go back
    m = evolve(m, iterations=(it, *m.iterations[1:]))
    root = parse(jm.export(m, "process", "bpmn", ViewOptions(iteration="current")))
    assert q(root, "//bpmn:endEvent[@name='End']")
    assert not q(root, "//bpmn:exclusiveGateway[@name]")
