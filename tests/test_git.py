"""Git as the engine for sharing, in real repositories: git-setup, git merge, resolve, git diff."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from attrs import evolve

import journeymap as jm
from journeymap.cli import main

MAP = """\
schema_version = 1
title = "Home care"

[[iterations]]
id = "current"
label = "Today"
state = "current"

[[iterations.actors]]
id = "citizen"
name = "Citizen"
ring = "core"

[[iterations.actors]]
id = "nurse"
name = "Nurse"
ring = "direct"

[[iterations.stages]]
id = "contact"
name = "Contact"

[[iterations.steps]]
id = "call"
name = "Gets a call"
stage = "contact"
actors = ["citizen"]
emotion = -1

[[iterations.steps]]
id = "visit"
name = "Gets a visit"
stage = "contact"
actors = ["citizen", "nurse"]

[[iterations.steps]]
id = "plan"
name = "Agrees on a plan"
stage = "contact"
actors = ["citizen", "nurse"]

[[iterations.benefits]]
id = "fewer-visits"
name = "Fewer visits"
owner = "nurse"

[[iterations.benefits.indicators]]
id = "visits"
name = "Visits per week"
unit = "visits"
baseline = 10
target = 6
deadline = 2027-01-01
method = "From the visit log"
"""
PYPROJECT = '[project]\nname = "tool"\ndescription = "A tool"\nreadme = "README.md"\nversion = "1"\n'
USER = "Ann Designer <ann@example.org>"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with one committed map, set up by git-setup (and its .gitattributes committed)."""
    for who in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{who}_NAME", "Ann Designer")
        monkeypatch.setenv(f"GIT_{who}_EMAIL", "ann@example.org")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.chdir(tmp_path)
    git("init", "-q", "-b", "main", ".")
    jm.save(jm.loads(MAP), "map.toml")
    Path("pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    git("add", ".")
    git("commit", "-qm", "base")
    assert main(["git-setup", "*.toml"]) == 0
    git("add", ".gitattributes")
    git("commit", "-qm", "set up journeymap's drivers")
    return tmp_path


def git(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(["git", *args], capture_output=True, text=True, check=False)
    if check:
        assert done.returncode == 0, done.stderr
    return done


def branch(name: str, change: Callable[[], object], start: str = "main") -> None:
    """Make ``change`` to the files on a new branch from ``start`` and commit it."""
    git("checkout", "-q", start)
    git("checkout", "-q", "-b", name)
    change()
    git("commit", "-qam", name)


def edit(operation: jm.Operation) -> Callable[[], None]:
    """A change made with the library."""
    return lambda: jm.save(operation.apply(jm.load("map.toml")), "map.toml")


def by_hand(old: str, new: str, path: str = "map.toml") -> Callable[[], None]:
    """A change made by editing the TOML text."""

    def change() -> None:
        text = Path(path).read_text(encoding="utf-8")
        assert old in text
        Path(path).write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def merge(ours: str, theirs: str) -> subprocess.CompletedProcess[str]:
    git("checkout", "-q", ours)
    return git("merge", "--no-edit", theirs, check=False)


def step(m: jm.JourneyMap, step_id: str, iteration: str = "current") -> jm.Step:
    return next(s for s in m.iteration(iteration).steps if s.id == step_id)


def rename(step_id: str, name: str) -> jm.Operation:
    return jm.Update("current", jm.Kind.STEP, step_id, {"name": name})


# --- git-setup ------------------------------------------------------------------------------


def test_git_setup_writes_gitattributes_and_config_once(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (repo / ".gitattributes").read_text() == "*.toml merge=journeymap diff=journeymap\n"
    assert "journeymap merge-driver %O %A %B %L %P" in git("config", "merge.journeymap.driver").stdout
    assert "journeymap diff-driver" in git("config", "diff.journeymap.textconv").stdout
    capsys.readouterr()
    assert main(["git-setup", "*.toml"]) == 0
    out = capsys.readouterr().out
    assert "already set up" in out and "every clone runs journeymap git-setup once" in out
    assert (repo / ".gitattributes").read_text() == "*.toml merge=journeymap diff=journeymap\n"


def test_git_setup_without_patterns_names_the_maps_it_finds(repo: Path) -> None:
    (repo / ".gitattributes").unlink()
    Path("maps").mkdir()
    jm.save(jm.loads(MAP), "maps/other care.toml")
    assert main(["git-setup"]) == 0
    lines = (repo / ".gitattributes").read_text().splitlines()
    assert lines == [
        "/map.toml merge=journeymap diff=journeymap",
        '"/maps/other care.toml" merge=journeymap diff=journeymap',
    ]
    assert git("check-attr", "merge", "--", "maps/other care.toml").stdout.endswith(": merge: journeymap\n")
    assert git("check-attr", "merge", "--", "pyproject.toml").stdout.endswith(": merge: unspecified\n")


def test_git_setup_outside_a_repository_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert main(["git-setup", "*.toml"]) == 2
    assert "is not in a git repository" in capsys.readouterr().err
    assert not (tmp_path / ".gitattributes").exists()


# --- clean merges ---------------------------------------------------------------------------


def test_different_fields_of_one_step_merge(repo: Path) -> None:
    branch("ours", edit(rename("call", "Gets a phone call")))
    branch("theirs", by_hand("emotion = -1", "emotion = 1"))
    assert merge("ours", "theirs").returncode == 0
    call = step(jm.load("map.toml"), "call")
    assert (call.name, call.emotion) == ("Gets a phone call", 1)
    assert git("status", "--porcelain").stdout == ""


def test_different_steps_changed_by_hand_merge(repo: Path) -> None:
    branch("ours", by_hand('name = "Gets a call"', 'name = "Gets a phone call"'))
    branch("theirs", by_hand('name = "Agrees on a plan"', 'name = "Signs the plan"'))
    assert merge("ours", "theirs").returncode == 0
    m = jm.load("map.toml")
    assert (step(m, "call").name, step(m, "plan").name) == ("Gets a phone call", "Signs the plan")
    assert jm.validate(m) == []  # the fixture has no warnings either


def test_steps_added_on_both_sides_are_both_kept_in_order(repo: Path) -> None:
    ours_step = jm.Step(id="ours-new", name="Reads a letter", stage="contact", actors=("citizen",))
    theirs_step = jm.Step(id="theirs-new", name="Calls back", stage="contact", actors=("citizen",))
    branch("ours", edit(jm.Add("current", ours_step)))
    branch("theirs", edit(jm.Add("current", theirs_step, index=1)))
    assert merge("ours", "theirs").returncode == 0
    order = [s.id for s in jm.load("map.toml").iteration("current").steps]
    assert order == ["call", "theirs-new", "visit", "plan", "ours-new"]


def test_a_reorder_on_one_side_merges_with_an_edit_on_the_other(repo: Path) -> None:
    branch("ours", edit(jm.Move("current", jm.Kind.STEP, "plan", 0)))
    branch("theirs", edit(rename("visit", "Gets a home visit")))
    assert merge("ours", "theirs").returncode == 0
    m = jm.load("map.toml")
    assert [s.id for s in m.iteration("current").steps] == ["plan", "call", "visit"]
    assert step(m, "visit").name == "Gets a home visit"
    assert merge("theirs", "ours").returncode == 0  # and the other way round


def test_a_branch_iteration_on_one_side_merges_with_measurements_on_the_other(repo: Path) -> None:
    branch("ours", lambda: main(["branch", "map.toml", "current", "--id", "future", "--label", "Tomorrow"]))
    branch("theirs", lambda: main(["measure", "map.toml", "visits", "12", "--date", "2026-01-05"]))
    assert merge("ours", "theirs").returncode == 0
    m = jm.load("map.toml")
    assert [it.id for it in m.iterations] == ["current", "future"]
    (indicator,) = m.iteration("current").benefits[0].indicators
    assert [(r.date.isoformat(), r.value) for r in indicator.measurements] == [("2026-01-05", 12.0)]
    assert not jm.has_errors(jm.validate(m))


# --- conflicts and resolve ------------------------------------------------------------------


def conflicted(result: subprocess.CompletedProcess[str]) -> None:
    """Git stopped with the map conflicted; the map loads."""
    assert result.returncode == 1
    assert git("ls-files", "-u", "--", "map.toml").stdout != ""
    jm.load("map.toml")
    assert "<<<<<<<" not in Path("map.toml").read_text()


def test_one_field_changed_differently_is_a_conflict_in_words_that_resolve_settles(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    branch("ours", edit(rename("call", "Gets a phone call")))
    branch("theirs", by_hand('name = "Gets a call"', 'name = "Is called"'))
    result = merge("ours", "theirs")
    conflicted(result)
    said = "step 'Gets a phone call' in 'current': name: ours 'Gets a phone call', theirs 'Is called'"
    assert said in result.stderr
    assert step(jm.load("map.toml"), "call").name == "Gets a phone call"
    capsys.readouterr()
    assert main(["validate", "map.toml"]) == 1
    assert f"map.toml:conflicts[0]: error: unresolved merge conflict: {said}" in capsys.readouterr().out
    assert main(["resolve", "map.toml"]) == 1  # not a terminal: lists them
    assert f"map.toml: conflict 1: {said}" in capsys.readouterr().out
    assert main(["resolve", "map.toml", "--theirs", "1"]) == 0
    assert "git add map.toml" in capsys.readouterr().out
    m = jm.load("map.toml")
    assert (step(m, "call").name, m.conflicts) == ("Is called", ())
    assert main(["validate", "map.toml"]) == 0
    git("add", "map.toml")
    git("commit", "-qm", "merged")


def test_an_element_edited_on_one_side_and_removed_on_the_other_is_a_conflict(repo: Path) -> None:
    branch("ours", edit(jm.Update("current", jm.Kind.STEP, "visit", {"emotion": 2})))
    branch("theirs", edit(jm.Remove("current", jm.Kind.STEP, "visit")))
    result = merge("ours", "theirs")
    conflicted(result)
    assert "step 'Gets a visit' in 'current': we changed it, they removed it" in result.stderr
    assert step(jm.load("map.toml"), "visit").emotion == 2
    assert main(["resolve", "map.toml", "--theirs", "all"]) == 0
    assert [s.id for s in jm.load("map.toml").iteration("current").steps] == ["call", "plan"]


def test_a_removal_of_ours_against_their_edit_keeps_it_removed_until_theirs_is_picked(repo: Path) -> None:
    branch("ours", edit(jm.Remove("current", jm.Kind.STEP, "visit")))
    branch("theirs", edit(jm.Update("current", jm.Kind.STEP, "visit", {"emotion": 2})))
    conflicted(merge("ours", "theirs"))
    assert [s.id for s in jm.load("map.toml").iteration("current").steps] == ["call", "plan"]
    assert main(["resolve", "map.toml", "--theirs", "1"]) == 0
    assert step(jm.load("map.toml"), "visit").emotion == 2


def test_the_same_new_id_with_different_content_is_a_conflict(repo: Path) -> None:
    new = jm.Step(id="letter", name="Reads a letter", stage="contact", actors=("citizen",))
    branch("ours", edit(jm.Add("current", new)))
    branch("theirs", edit(jm.Add("current", evolve(new, name="Gets a letter"))))
    result = merge("ours", "theirs")
    conflicted(result)
    assert (
        "step 'Reads a letter' in 'current': name: ours 'Reads a letter', theirs 'Gets a letter'"
        in result.stderr
    )
    assert main(["resolve", "map.toml", "--set", '1="Receives a letter"']) == 0
    assert step(jm.load("map.toml"), "letter").name == "Receives a letter"


def test_a_locked_iteration_both_sides_changed_is_a_conflict(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    branch("locked", lambda: main(["lock", "map.toml", "current"]))
    branch("ours", by_hand('name = "Gets a call"', 'name = "Gets a phone call"'), start="locked")
    branch("theirs", by_hand('name = "Agrees on a plan"', 'name = "Signs the plan"'), start="locked")
    result = merge("ours", "theirs")
    conflicted(result)
    assert (
        "step 'Agrees on a plan' in 'current': name: theirs 'Signs the plan', ours 'Agrees on a plan' "
        "in a locked iteration that both sides changed"
    ) in result.stderr
    assert "step 'Gets a phone call'" not in result.stderr
    capsys.readouterr()
    assert main(["validate", "map.toml"]) == 1
    out = capsys.readouterr().out
    assert f"iteration 'current' was changed after it was locked by {USER}" in out


def test_a_locked_iteration_changed_on_one_side_only_merges(repo: Path) -> None:
    branch("locked", lambda: main(["lock", "map.toml", "current"]))
    branch(
        "ours", lambda: main(["measure", "map.toml", "visits", "9", "--date", "2026-02-01"]), start="locked"
    )
    branch("theirs", by_hand('name = "Agrees on a plan"', 'name = "Signs the plan"'), start="locked")
    assert merge("ours", "theirs").returncode == 0


def test_resolve_refuses_bad_choices_and_leaves_the_file_as_it_was(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    branch("ours", edit(rename("call", "Gets a phone call")))
    branch("theirs", edit(rename("call", "Is called")))
    conflicted(merge("ours", "theirs"))
    before = Path("map.toml").read_bytes()
    for args, said in (
        (["--theirs", "2"], "map.toml: no conflict '2'; the map has 1"),
        (["--set", "1=not toml"], "map.toml: conflict 1 (step 'Gets a phone call' in 'current'"),
        (["--set", "1=[1, 2]"], "the value does not fit the map"),
    ):
        capsys.readouterr()
        assert main(["resolve", "map.toml", *args]) == 2
        err = capsys.readouterr().err
        assert said in err and "Traceback" not in err
        assert Path("map.toml").read_bytes() == before


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_resolve_asks_on_a_terminal(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    branch(
        "ours", edit(jm.Update("current", jm.Kind.STEP, "call", {"name": "Gets a phone call", "emotion": 0}))
    )
    branch("theirs", edit(jm.Update("current", jm.Kind.STEP, "call", {"name": "Is called", "emotion": 2})))
    conflicted(merge("ours", "theirs"))
    monkeypatch.setattr("sys.stdin", _Terminal("o\ne\n1\n"))
    assert main(["resolve", "map.toml"]) == 0
    call = step(jm.load("map.toml"), "call")
    assert (call.name, call.emotion) == ("Gets a phone call", 1)


# --- files that are not maps -----------------------------------------------------------------


def test_a_toml_file_that_is_no_map_merges_line_by_line(repo: Path) -> None:
    branch("ours", by_hand('name = "tool"', 'name = "our-tool"', "pyproject.toml"))
    branch("theirs", by_hand('version = "1"', 'version = "2"', "pyproject.toml"))
    assert merge("ours", "theirs").returncode == 0
    assert Path("pyproject.toml").read_text() == PYPROJECT.replace('"tool"', '"our-tool"').replace(
        '"1"', '"2"'
    )
    branch("other", by_hand('name = "tool"', 'name = "their-tool"', "pyproject.toml"))
    assert merge("ours", "other").returncode == 1
    assert "<<<<<<< ours" in Path("pyproject.toml").read_text()


def test_a_map_broken_on_one_side_merges_line_by_line_and_says_why(repo: Path) -> None:
    branch("ours", edit(rename("call", "Gets a phone call")))
    branch("theirs", by_hand('title = "Home care"', 'title = "Home care" oops'))
    result = merge("ours", "theirs")
    assert result.returncode == 0  # different lines: git's line merge is clean
    assert (
        "map.toml: merged line by line, as it does not load as a map (theirs: line 3: not valid TOML"
        in result.stderr
    )
    assert 'title = "Home care" oops' in Path("map.toml").read_text()


# --- semantic diff ---------------------------------------------------------------------------


def test_git_diff_log_and_show_print_the_semantic_lines(repo: Path) -> None:
    branch("renamed", edit(rename("call", "Gets a phone call")))
    removed = "-iteration 'current' / step 'call' / name: \"Gets a call\"\n"
    added = "+iteration 'current' / step 'call' / name: \"Gets a phone call\"\n"
    for command in (["diff", "main", "renamed"], ["log", "-p", "-1"], ["show", "HEAD"]):
        out = git(*command).stdout
        assert removed in out and added in out, command
        assert "@@ iteration 'current'" in out


def test_git_diff_of_a_toml_file_that_is_no_map_is_the_ordinary_one(repo: Path) -> None:
    branch("renamed", by_hand('name = "tool"', 'name = "our-tool"', "pyproject.toml"))
    out = git("diff", "main", "renamed").stdout
    assert '-name = "tool"\n+name = "our-tool"\n' in out


# --- sign-off ---------------------------------------------------------------------------------


def test_lock_signs_off_with_gits_user_and_validate_warns_on_a_change_behind_it(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lock", "map.toml", "current"]) == 0
    it = jm.load("map.toml").iteration("current")
    assert (it.locked, it.locked_by) == (True, USER)
    assert it.locked_at is not None and it.lock_hash.startswith("sha256:")
    assert main(["measure", "map.toml", "visits", "9", "--date", "2026-02-01"]) == 0
    capsys.readouterr()
    assert main(["validate", "--strict", "map.toml"]) == 0  # measurements are follow-up, not design
    by_hand('name = "Gets a call"', 'name = "Gets a phone call"')()
    assert main(["validate", "--strict", "map.toml"]) == 1
    assert (
        f"map.toml:iterations[0].lock_hash: warning: iteration 'current' was changed after it was locked by {USER}"
        in capsys.readouterr().out
    )
    assert main(["unlock", "map.toml", "current"]) == 0
    it = jm.load("map.toml").iteration("current")
    assert (it.locked, it.locked_by, it.locked_at, it.lock_hash) == (False, "", None, "")


# --- review: the changes since a revision, for a pull request ------------------------------


def test_diff_since_a_revision_in_markdown_for_a_pull_request(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    branch("review", edit(rename("call", "Gets a phone call")))
    main(["lock", "map.toml", "current"])
    capsys.readouterr()
    assert main(["diff", "map.toml", "--since", "main", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("## map.toml: changes since main\n\n### Iteration `current` (Today)\n")
    assert "- locked False → True\n" in out
    assert f"- locked by (none) → '{USER}'\n" in out
    assert "#### Changed (1)\n\n- step 'Gets a phone call': name 'Gets a call' → 'Gets a phone call'\n" in out


def test_diff_since_a_revision_without_the_map_shows_its_iterations_added(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jm.save(jm.loads(MAP), "new.toml")
    assert main(["diff", "new.toml", "--since", "HEAD"]) == 0
    assert "Iteration added: 'current' (Today)" in capsys.readouterr().out


def test_diff_since_refuses_an_unknown_revision_and_iterations(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", "map.toml", "--since", "no-such-branch"]) == 2
    assert "git knows no commit 'no-such-branch'" in capsys.readouterr().err
    assert main(["diff", "map.toml", "current", "--since", "main"]) == 2
    assert "--since compares whole versions of the map" in capsys.readouterr().err


REVIEW = Path(__file__).resolve().parent.parent / "docs" / "review-maps.sh"


def review(monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """Run the CI recipe's script against main, as a CI job would (journeymap on PATH)."""
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    done = subprocess.run(
        ["bash", str(REVIEW), "main", "review.md"], capture_output=True, text=True, check=False
    )
    return done.returncode, Path("review.md").read_text(encoding="utf-8")


def test_the_ci_recipe_reviews_the_changed_maps_in_markdown(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    branch("review", edit(rename("call", "Gets a phone call")))
    by_hand('version = "1"', 'version = "2"', "pyproject.toml")()
    git("commit", "-qam", "not a map")
    code, text = review(monkeypatch)
    assert code == 0, text
    assert text.startswith("# Service maps in this change\n\n## map.toml: changes since ")
    assert "- step 'Gets a phone call': name 'Gets a call' → 'Gets a phone call'" in text
    assert "pyproject" not in text and "Problems" not in text


def test_the_ci_recipe_fails_on_a_map_with_problems_and_shows_them(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    branch("review", edit(jm.Add("current", jm.Touchpoint(id="app", name="App", channel=jm.Channel.DIGITAL))))
    code, text = review(monkeypatch)
    assert code == 1
    assert "**Problems** (`journeymap validate --strict`):" in text
    assert "warning: touchpoint 'App' is not used by any step" in text
