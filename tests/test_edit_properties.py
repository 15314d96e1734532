"""Laws of editing: random edits keep a map valid, round-trippable and fully undoable."""

from __future__ import annotations

from attrs import evolve
from edits import operation
from hypothesis import given, note, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from strategies import maps

import journeymap as jm
from journeymap.edit import Branch, Lock, Move, Remove, Update
from journeymap.elements import KIND_OF, Kind, ids
from journeymap.errors import EditError, InUseError, LockedError
from journeymap.history import History
from journeymap.semantic_diff import diff


class EditingSession(RuleBasedStateMachine):
    """A person editing a map: any edits, branches, locks, undos and redos."""

    def __init__(self) -> None:
        super().__init__()
        self.history: History
        self.original: jm.JourneyMap

    @initialize(m=maps(max_iterations=2).filter(lambda m: len(m.iterations) > 0))
    def start(self, m: jm.JourneyMap) -> None:
        unlocked = evolve(m, iterations=tuple(evolve(it, locked=False) for it in m.iterations))
        self.original = unlocked
        self.history = History(unlocked, depth=1000)

    def _unlocked(self) -> list[str]:
        return [it.id for it in self.history.current.iterations if not it.locked]

    @precondition(lambda self: self._unlocked())
    @rule(data=st.data())
    def edit(self, data: st.DataObject) -> None:
        iteration = data.draw(st.sampled_from(self._unlocked()))
        op = operation(data.draw, self.history.current, iteration)
        if op is not None:
            note(op.describe(self.history.current))
            self.history.apply(op)

    @precondition(lambda self: self._unlocked())
    @rule(data=st.data(), kind=st.sampled_from(list(Kind)))
    def remove_with_cascade(self, data: st.DataObject, kind: Kind) -> None:
        it = self.history.current.iteration(data.draw(st.sampled_from(self._unlocked())))
        if ids(it, kind):
            before = self.history.current
            op = Remove(it.id, kind, data.draw(st.sampled_from(sorted(ids(it, kind)))), cascade=True)
            try:
                self.history.apply(op)
            except LockedError:  # a step replaced in a locked later iteration stays
                assert self.history.current is before

    @precondition(lambda self: self._unlocked())
    @rule(data=st.data())
    def remove_without_cascade(self, data: st.DataObject) -> None:
        it = self.history.current.iteration(data.draw(st.sampled_from(self._unlocked())))
        kind = data.draw(st.sampled_from(list(Kind)))
        if not ids(it, kind):
            return
        target = data.draw(st.sampled_from(sorted(ids(it, kind))))
        before = self.history.current
        try:
            self.history.apply(Remove(it.id, kind, target))
        except InUseError as exc:
            assert exc.referrers
            assert self.history.current is before

    @rule(data=st.data())
    def branch(self, data: st.DataObject) -> None:
        m = self.history.current
        source = data.draw(st.sampled_from([it.id for it in m.iterations]))
        new_id = f"branch-{len(m.iterations)}-{data.draw(st.integers(0, 999))}"
        if new_id not in {it.id for it in m.iterations}:
            self.history.apply(Branch(source, new_id, "A branch"))

    @rule(data=st.data(), locked=st.booleans())
    def lock(self, data: st.DataObject, locked: bool) -> None:
        its = self.history.current.iterations
        self.history.apply(Lock(data.draw(st.sampled_from([it.id for it in its])), locked))

    @rule()
    def locked_iterations_refuse_edits(self) -> None:
        for it in self.history.current.iterations:
            if it.locked and it.steps:
                before = self.history.current
                try:
                    self.history.apply(Update(it.id, Kind.STEP, it.steps[0].id, {"name": "Changed"}))
                except LockedError:
                    assert self.history.current is before
                else:
                    raise AssertionError("a locked iteration accepted an edit")

    @rule()
    def undo(self) -> None:
        self.history.undo()

    @rule()
    def redo(self) -> None:
        self.history.redo()

    @invariant()
    def stays_valid(self) -> None:
        if hasattr(self, "history"):
            problems = [p for p in jm.validate(self.history.current) if p.severity is jm.Severity.ERROR]
            assert problems == []

    @invariant()
    def survives_a_round_trip(self) -> None:
        if hasattr(self, "history"):
            assert jm.loads(jm.dumps(self.history.current)) == self.history.current

    def teardown(self) -> None:
        if not hasattr(self, "history"):
            return
        while self.history.redo():
            pass
        final = self.history.current
        while self.history.undo():
            pass
        assert self.history.current == self.original
        while self.history.redo():
            pass
        assert self.history.current == final


EditingSession.TestCase.settings = settings(max_examples=40, stateful_step_count=25, deadline=None)
TestEditingSession = EditingSession.TestCase


@given(maps(max_iterations=1).filter(lambda m: len(m.iterations) == 1), st.data())
def test_diff_reports_exactly_what_the_edits_touched(m: jm.JourneyMap, data: st.DataObject) -> None:
    base = m.iterations[0]
    m = Branch(base.id, "branch", "Branch").apply(evolve(m, iterations=(evolve(base, locked=False),)))
    touched: set[tuple[Kind, str]] = set()
    for _ in range(data.draw(st.integers(1, 8))):
        op = operation(data.draw, m, "branch", moves=False)
        if op is None or isinstance(op, Remove):
            continue
        try:
            m = op.apply(m)
        except EditError:
            continue
        element = getattr(op, "element", None)
        touched.add((KIND_OF[type(element)], element.id) if element is not None else (op.kind, op.id))  # type: ignore[union-attr]
    d = diff(m.iteration(base.id), m.iteration("branch"))
    assert d.touched() <= touched
    for kind in Kind:
        before, after = ids(m.iteration(base.id), kind), ids(m.iteration("branch"), kind)
        assert {r.id for r in d.added if r.kind is kind} == after - before
        assert {r.id for r in d.removed if r.kind is kind} == before - after


@given(st.integers(3, 12), st.data())
def test_moving_one_step_far_reports_only_that_step(n: int, data: st.DataObject) -> None:
    m = jm.starter_map("x")
    it = m.iterations[0]
    steps = tuple(evolve(it.steps[0], id=f"s{k}", name=f"Step {k}") for k in range(n))
    m = evolve(m, iterations=(evolve(it, steps=steps),))
    m = Branch("current", "b", "B").apply(m)
    src = data.draw(st.integers(0, n - 1))
    dst = data.draw(st.integers(0, n - 1).filter(lambda k: abs(k - src) >= 2))

    moved = Move("b", Kind.STEP, f"s{src}", dst).apply(m)
    d = diff(moved.iteration("current"), moved.iteration("b"))
    assert [(x.element.id, x.old_position, x.new_position) for x in d.moved] == [
        (f"s{src}", src + 1, dst + 1)
    ]
    assert d.touched() == {(Kind.STEP, f"s{src}")}
