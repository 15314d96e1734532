"""Evidence on elements: the file format, validation's warnings and the shares of an iteration."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from attrs import evolve
from conftest import FIXTURES

import journeymap as jm
from journeymap import report
from journeymap.cli import main
from journeymap.elements import Kind, elements
from journeymap.evidence import EVIDENCE_KINDS, shares, uses_evidence
from journeymap.model import Language
from journeymap.tomlparser import parse

MAP = FIXTURES / "evidence.toml"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_steps_touchpoints_actors_relations_and_tasks_carry_evidence() -> None:
    assert set(EVIDENCE_KINDS) == {Kind.STEP, Kind.TOUCHPOINT, Kind.ACTOR, Kind.RELATION, Kind.TASK}
    today = jm.load(MAP).iteration("today")
    visit = next(s for s in today.steps if s.id == "visit")
    assert visit.evidence is jm.Evidence.OBSERVED
    assert visit.sources == ("Interview with home nurse 2023-02-01", "Visit log, week 6")
    assert today.relations[0].sources == ("https://example.org/visit-log",)
    assert today.processes[0].tasks[0].evidence is jm.Evidence.PROPOSED
    assert today.stages[0] == jm.Stage(id="start", name="Start"), "stages carry no evidence"


def test_evidence_round_trips_byte_for_byte_with_comments(tmp_path: Path) -> None:
    text = MAP.read_text(encoding="utf-8")
    assert "# Who said it\nsources = [" in text
    path = tmp_path / "map.toml"
    path.write_text(text, encoding="utf-8")
    jm.save(jm.load(path), path)
    assert path.read_text(encoding="utf-8") == text
    edited = jm.Update("today", Kind.RELATION, "visits", {"sources": ("Visit log, week 7",)}).apply(
        jm.load(path)
    )
    jm.save(edited, path)
    saved = path.read_text(encoding="utf-8")
    assert '# Who said it\nsources = [\n    "Visit log, week 7",\n]' in saved
    assert jm.load(path).iteration("today").relations[0].evidence is jm.Evidence.OBSERVED


def test_schema_knows_evidence_and_sources() -> None:
    validator = jsonschema.Draft202012Validator(jm.json_schema())
    data = parse(MAP.read_text(encoding="utf-8"))
    assert list(validator.iter_errors(data)) == []
    data["iterations"][0]["steps"][0]["evidence"] = "seen"
    data["iterations"][0]["actors"][0]["sources"] = "an interview"
    assert len(list(validator.iter_errors(data))) == 2


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'evidence = "assumed"',
            'evidence = "seen"',
            "'seen' is not allowed here; use one of: observed, assumed, proposed",
        ),
        (
            'sources = [\n    "Interview with home nurse 2023-02-01",',
            'sources = "Interview with home nurse 2023-02-01"\nxs = [',
            "expected a list like",
        ),
    ],
)
def test_a_wrong_evidence_or_sources_names_file_and_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, message: str
) -> None:
    path = tmp_path / "map.toml"
    path.write_text(MAP.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    before = path.read_bytes()
    code, out, err = run(capsys, "validate", str(path))
    assert code == 2
    assert f"{path}:" in err and "iterations[0]." in err and message in err
    assert "Traceback" not in err + out
    assert path.read_bytes() == before


def test_sources_obey_the_limit_on_texts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "map.toml"
    long = "x" * (jm.MAX_TEXT_CHARS + 1)
    path.write_text(MAP.read_text(encoding="utf-8").replace("Visit log, week 6", long), encoding="utf-8")
    code, _, err = run(capsys, "validate", str(path))
    assert code == 2
    assert "iterations[0].steps[1].sources[1]" in err and "a text may hold up to 100,000" in err


def test_validation_warns_about_observed_without_source_and_assumed_steps_of_today(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "validate", str(MAP))
    assert code == 0 and "0 errors, 2 warnings" in err
    assert (
        f"{MAP}:iterations[0].touchpoints[0].sources: warning: touchpoint 'Phone call' is observed but "
        "names no source: add where it was seen or heard to its sources" in out
    )
    assert (
        f"{MAP}:iterations[0].steps[0].evidence: warning: step 'Gets a call' of today's journey is only "
        "assumed: check it with the people who live it" in out
    )
    assert "Nurse visits at the booked time" not in out, "an assumed step of a future journey is fine"
    assert run(capsys, "validate", "--strict", str(MAP))[0] == 1


def test_a_blank_source_is_no_source() -> None:
    m = jm.load(MAP)
    blank = jm.Update("today", Kind.RELATION, "visits", {"sources": ("  ",)}).apply(m)
    found = [p for p in jm.validate(blank) if p.element == "visits"]
    assert [(p.severity, p.field) for p in found] == [(jm.Severity.WARNING, "sources")]


def test_shares_count_the_elements_of_an_iteration() -> None:
    m = jm.load(MAP)
    today = shares(m.iteration("today"))
    # actors: observed, assumed; relation: observed; touchpoint: observed; task: proposed;
    # steps: assumed, observed
    assert (today.observed, today.assumed, today.proposed, today.not_stated) == (4, 2, 1, 0)
    assert today.total == 7
    assert today.share(jm.Evidence.OBSERVED) == pytest.approx(4 / 7)
    future = shares(m.iteration("future"))
    assert (future.observed, future.assumed, future.proposed, future.not_stated) == (1, 1, 1, 0)
    assert uses_evidence(m)


def test_a_map_without_evidence_has_only_not_stated() -> None:
    m = jm.starter_map("x")
    counted = shares(m.iterations[0])
    assert counted.not_stated == counted.total > 0
    assert counted.share(None) == 1.0
    assert not uses_evidence(m)
    assert shares(jm.Iteration(id="empty", label="Empty")).share(jm.Evidence.OBSERVED) == 0.0


def test_diff_reports_evidence_and_source_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    m = jm.Update("today", Kind.ACTOR, "citizen", {"evidence": None, "sources": ()}).apply(jm.load(MAP))
    path = tmp_path / "map.toml"
    jm.save(m, path)
    code, out, _ = run(capsys, "diff", str(path))
    assert code == 0
    assert (
        "actor 'Citizen': evidence (none) → observed; sources +'Interview with a citizen, 2023-02-01'" in out
    )
    assert (
        "evidence observed → assumed; sources -'Interview with home nurse 2023-02-01' -'Visit log, week 6'"
        in out
    )
    code, out, _ = run(capsys, "diff", str(path), "--format", "json")
    changed = {c["element"]["id"]: c["fields"] for c in json.loads(out)["changed"]}
    assert {"field": "evidence", "old": None, "new": "observed"} in changed["citizen"]


@pytest.mark.parametrize(
    ("view", "marked"),
    [
        ("journey", ["○ Gets a call", "● Nurse visits", "● Phone call", "◇ Book a visit"]),
        ("compare", ["○ Gets a call", "◇ Books a time slot", "● Phone call"]),
        ("actors", ["● Citizen", "○ Home nurse"]),
        ("process", ["◇ Book a visit"]),
    ],
)
def test_diagrams_mark_evidence_and_explain_it_in_the_legend(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], view: str, marked: list[str]
) -> None:
    for scheme in ("color", "mono"):
        out = tmp_path / f"{view}-{scheme}.dot"
        assert run(capsys, "export", str(MAP), "--view", view, "--scheme", scheme, "-o", str(out))[0] == 0
        dot = out.read_text(encoding="utf-8")
        for text in marked:
            assert text in dot, (view, scheme, text)
        assert "How we know it:" in dot and "● observed" in dot and "○ assumed" in dot and "◇ proposed" in dot


@pytest.mark.parametrize("view", ["journey", "compare", "actors", "process"])
def test_a_map_without_evidence_has_no_marks_and_no_evidence_legend(view: str) -> None:
    m = jm.loads(
        MAP.read_text(encoding="utf-8")
        .replace('evidence = "observed"\n', "")
        .replace('evidence = "assumed"\n', "")
        .replace('evidence = "proposed"\n', "")
    )
    assert not uses_evidence(m)
    dot = jm.dot_source(m, view)
    assert "How we know it" not in dot
    assert not any(mark in dot for mark in "●○◇")


def test_the_evidence_legend_speaks_the_maps_language() -> None:
    m = jm.loads(
        MAP.read_text(encoding="utf-8").replace(
            'title = "Home training"', 'title = "Home training"\nlanguage = "da"'
        )
    )
    dot = jm.dot_source(m, "journey")
    assert "● observeret" in dot and "○ antaget" in dot and "◇ foreslået" in dot
    dot = jm.dot_source(evolve(m, language=Language.NB), "journey")
    assert "● observert" in dot and "○ antatt" in dot and "◇ foreslått" in dot


def test_report_states_the_shares_of_the_current_and_future_journeys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "report", str(MAP), "-o", str(tmp_path), "--renderer", "wasm")[0] == 0
    md = (tmp_path / "evidence-report.md").read_text(encoding="utf-8")
    journey = md[md.index("## 4. The updated service journey") : md.index("## 5.")]
    assert "| Journey | Observed | Assumed | Proposed | Not stated |" in journey
    assert "| Today | 57 % (4) | 29 % (2) | 14 % (1) | 0 % (0) |" in journey
    assert "| Booked visits | 33 % (1) | 33 % (1) | 33 % (1) | 0 % (0) |" in journey
    html = (tmp_path / "evidence-report.html").read_text(encoding="utf-8")
    assert "<td>57 % (4)</td>" in html


def test_report_of_a_map_without_evidence_has_no_shares() -> None:
    md = report.markdown(report.build(jm.starter_map("x"), renderer="wasm"))
    assert "How the team knows it" not in md and "| Journey | Observed" not in md


def test_report_shares_speak_the_maps_language() -> None:
    m = evolve(jm.load(MAP), language=Language.NB)
    md = report.markdown(report.build(m, renderer="wasm"))
    assert "| Tjenestereise | Observert | Antatt | Foreslått | Ikke oppgitt |" in md


ASSUMED_TODAY = {
    "care-record-rollout": [
        "Bliver indkaldt til kursus",
        "Sidder fast i dokumentationen",
        "Ringer til den systemansvarlige",
    ],
    "home-training": ["Is assessed for home care after a fall", "Does a screening test with an assistant"],
    "telehealth-service-centre": [
        "Measures at home every morning",
        "The tablet stops sending measurements",
        "Calls the home nurse for help",
        "Can the nurse fix it on the phone?",
        "Waits for IT and the supplier",
    ],
}
"""The steps of the examples' current journeys that their seeds do not report: real gaps, left as warnings."""


def test_examples_mark_their_elements_and_warn_only_about_unreported_steps_of_today(example: Path) -> None:
    m = jm.load(example)
    for it in m.iterations:
        counted = shares(it)
        assert counted.not_stated == 0, it.id
        if it.state is jm.IterationState.FUTURE:
            assert counted.proposed > counted.observed, it.id
        if it.based_on:  # what the design leaves as it is, the team knows as before
            base = m.iteration(it.based_on)
            for kind in EVIDENCE_KINDS:
                before = {e.id: e for e in elements(base, kind)}
                for e in elements(it, kind):
                    old = before.get(e.id)
                    if old is not None and evolve(old, evidence=None, sources=()) == evolve(
                        e, evidence=None, sources=()
                    ):
                        assert (e.evidence, e.sources) == (old.evidence, old.sources), (it.id, e.id)
    today = shares(m.iterations[0])
    # the telehealth seed is a playbook for a case, and reports no municipality's service of today
    assert (today.observed > 0) is (example.stem != "telehealth-service-centre")
    warnings = [p for p in jm.validate(m) if p.severity is jm.Severity.WARNING]
    assumed = [p.message.split("'")[1] for p in warnings]
    assert assumed == ASSUMED_TODAY[example.stem]
    assert all("of today's journey is only assumed" in p.message for p in warnings)
