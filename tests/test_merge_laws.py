"""Laws of the three-way merge, on random maps and random edit sequences of two branches."""

from __future__ import annotations

from attrs import evolve
from edits import operation
from hypothesis import assume, given
from hypothesis import strategies as st
from strategies import iterations, maps

import journeymap as jm
from journeymap.edit import Add, Remove
from journeymap.merge import merge
from journeymap.resolve import settle


def _touched(op: jm.Operation) -> tuple[str, str]:
    """The (kind, id) an update or add is about."""
    if isinstance(op, Add):
        return type(op.element).__name__, op.element.id
    assert isinstance(op, jm.Update)
    return op.kind.value, op.id


def _branch(
    data: st.DataObject, m: jm.JourneyMap, iteration: str, avoid: set[tuple[str, str]]
) -> tuple[jm.JourneyMap, list[jm.Operation]]:
    """Up to four updates or additions at the end, on elements not in ``avoid``."""
    applied: list[jm.Operation] = []
    for _ in range(data.draw(st.integers(1, 4))):
        op = operation(data.draw, m, iteration, moves=False)
        if op is None or isinstance(op, Remove) or (isinstance(op, Add) and op.index is not None):
            continue
        if _touched(op) in avoid:
            continue
        try:
            m = op.apply(m)
        except jm.EditError:
            continue
        applied.append(op)
    return m, applied


@given(st.data())
def test_disjoint_edits_merge_to_both_applied(data: st.DataObject) -> None:
    base = data.draw(maps())
    editable = [it.id for it in base.iterations if not it.locked]
    assume(editable)
    iteration = data.draw(st.sampled_from(editable))
    ours, ours_ops = _branch(data, base, iteration, set())
    theirs, theirs_ops = _branch(data, base, iteration, {_touched(op) for op in ours_ops})
    both = ours
    for op in theirs_ops:
        try:
            both = op.apply(both)
        except jm.EditError:
            assume(False)  # their edit needs something ours changed: not disjoint after all
    merged, conflicts = merge(base, ours, theirs)
    assert conflicts == ()
    assert merged == both


@given(st.data())
def test_edits_of_two_iterations_merge_to_both_applied(data: st.DataObject) -> None:
    drawn = data.draw(maps())
    extra = [data.draw(iterations(f"X-{n}")) for n in range(2 - len(drawn.iterations))]
    base = evolve(drawn, iterations=tuple(evolve(it, locked=False) for it in (*drawn.iterations, *extra)))
    editable = [it.id for it in base.iterations]
    first, second = data.draw(st.lists(st.sampled_from(editable), min_size=2, max_size=2, unique=True))
    ours, _ = _branch(data, base, first, set())
    theirs, theirs_ops = _branch(data, base, second, set())
    both = ours
    for op in theirs_ops:
        try:
            both = op.apply(both)
        except jm.EditError:
            assume(False)
    assert merge(base, ours, theirs) == (both, ())


@given(maps(), maps())
def test_merging_the_same_change_gives_it(base: jm.JourneyMap, x: jm.JourneyMap) -> None:
    assert merge(base, x, x) == (x, ())
    assert merge(base, base, x) == (x, ())
    assert merge(base, x, base) == (x, ())


@given(st.data())
def test_a_conflicted_merge_loads_and_each_side_settles_it(data: st.DataObject) -> None:
    base = data.draw(maps())
    editable = [it.id for it in base.iterations if not it.locked]
    assume(editable)
    iteration = data.draw(st.sampled_from(editable))
    ours, _ = _branch(data, base, iteration, set())
    theirs, _ = _branch(data, base, iteration, set())
    merged, _ = merge(base, ours, theirs)
    assert jm.loads(jm.dumps(merged)) == merged
    everything = range(len(merged.conflicts))
    assert settle(merged, dict.fromkeys(everything, "ours")).conflicts == ()
    assert settle(merged, dict.fromkeys(everything, "theirs")).conflicts == ()
