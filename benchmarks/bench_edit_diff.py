"""Semantic diff of two 2,000-step iterations, and 1,000 random edits with undo on a large map.

Run: ``python benchmarks/bench_edit_diff.py`` (prints medians; aims: diff < 50 ms, an edit < 5 ms).
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

from attrs import evolve

sys.path.insert(0, str(Path(__file__).parent))
from generate import large_map
from timing import median_ms

import journeymap as jm
from journeymap import Add, Flow, History, Kind, Move, Operation, Remove, Step, Update


def random_edit(m: jm.JourneyMap, iteration: str, rng: random.Random, serial: int) -> Operation:
    """One edit a designer might make: rename, re-score, add, move or remove a step, or add a flow."""
    it = m.iteration(iteration)
    step = rng.choice(it.steps)
    choice = rng.randrange(6)
    if choice == 0:
        return Update(iteration, Kind.STEP, step.id, {"name": f"{step.name} (revised)"})
    if choice == 1:
        return Update(iteration, Kind.STEP, step.id, {"emotion": rng.randint(-2, 2)})
    if choice == 2:
        new = Step(id=f"new-{serial}", name="A new step", stage=step.stage, actors=step.actors[:1])
        return Add(iteration, new, index=rng.randrange(len(it.steps)))
    if choice == 3:
        return Move(iteration, Kind.STEP, step.id, rng.randrange(len(it.steps)))
    if choice == 4:
        target = rng.choice(it.steps)
        return Add(iteration, Flow(id=f"flow-{serial}", source=step.id, target=target.id))
    return Remove(iteration, Kind.STEP, step.id, cascade=True)


def bench_diff() -> None:
    m = large_map(iterations=2)
    a, b = m.iterations
    print(f"diff: two iterations of {len(a.steps)} steps each")
    unrelated = median_ms(lambda: jm.diff(a, b), runs=7)
    branch = jm.Branch(a.id, "branch", "Branch").apply(m)
    rng = random.Random(2)
    for serial in range(50):
        branch = random_edit(branch, "branch", rng, serial).apply(branch)
    edited = branch.iteration("branch")
    few = median_ms(lambda: jm.diff(a, edited), runs=7)
    same = median_ms(lambda: jm.diff(a, evolve(a, id="copy")), runs=7)
    print(f"  random content, every step differs  {unrelated:7.1f} ms  (aim < 50 ms)")
    print(f"  a branch after 50 edits             {few:7.1f} ms")
    print(f"  identical copy                      {same:7.1f} ms")


def bench_edits(count: int = 1000) -> None:
    m = large_map()
    target = m.iterations[-1].id
    steps = sum(len(it.steps) for it in m.iterations)
    print(f"edits: {count} random edits on iteration {target!r} of a map with {steps} steps")
    history = History(m, depth=count)
    rng = random.Random(3)
    edit_times, undo_times = [], []
    for serial in range(count):
        operation = random_edit(history.current, target, rng, serial)
        start = time.perf_counter()
        history.apply(operation)
        edit_times.append(time.perf_counter() - start)
    final = history.current
    while history.undo_description is not None:
        start = time.perf_counter()
        history.undo()
        undo_times.append(time.perf_counter() - start)
    assert history.current == m, "undo all the way must give the original map back"
    while history.redo_description is not None:
        history.redo()
    assert history.current == final, "redo all the way must give the edited map back"
    for name, times in (("edit", edit_times), ("undo", undo_times)):
        ms = sorted(t * 1000 for t in times)
        print(
            f"  {name}: median {statistics.median(ms):6.2f} ms, 95th percentile {ms[len(ms) * 95 // 100]:6.2f} ms,"
            f" max {ms[-1]:6.2f} ms" + ("  (aim < 5 ms)" if name == "edit" else "")
        )
    print("  undo to the original and redo to the final map: both exact")


if __name__ == "__main__":
    bench_diff()
    bench_edits()
