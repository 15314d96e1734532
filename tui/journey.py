"""The journey view: a whole iteration as a service-blueprint grid that fills the screen.

Stages head groups of columns, each step is a column, and the lanes run down: touchpoints by
channel, the user's actions, the line of interaction, frontstage, the line of visibility,
backstage, the line of internal interaction, support, the emotion curve on a scale from very bad
to very good, pain points, opportunities, priority and benefits. The stage and step headers stay
at the top and the lane titles at the left while the grid scrolls. Only the lines and columns in
view are drawn, so a journey of thousands of steps scrolls as fast as a short one.

The cursor is on one element of one step: the step itself (its name in the actions lane), one of
its touchpoints or one of the tasks behind it. Left and right go from step to step, up and down
from element to element of the step.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping
from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from journeymap.benefits import benefit_status
from journeymap.elements import Kind
from journeymap.i18n import N_
from journeymap.model import Channel, Iteration, Lane, Step, StepKind
from journeymap.priorities import quadrant
from journeymap.vocabulary import term
from tui.actions import bindings
from tui.words import _, bind

COLUMN = 24
"""Characters per step column, the gap between columns included."""
TITLES = 17
"""Characters of the lane titles at the left."""
HEADER = 3
"""Lines of the stage and step headers at the top."""
MAX_LINES = 3
"""The most lines one cell of a lane shows."""

CHANNELS = {
    Channel.DIGITAL: ("▣", N_("Digital"), "cyan"),
    Channel.PHYSICAL: ("▤", N_("Physical"), "yellow"),
    Channel.INTERPERSONAL: ("●", N_("In person"), "green"),
}
EMOTIONS = {2: N_("very good"), 1: N_("good"), 0: N_("neutral"), -1: N_("bad"), -2: N_("very bad")}
EMOTION_STYLES = {2: "bold green", 1: "green", 0: "", -1: "red", -2: "bold red"}
LINES_BETWEEN = {
    Lane.FRONTSTAGE: N_("line of interaction"),
    Lane.BACKSTAGE: N_("line of visibility"),
    Lane.SUPPORT: N_("line of internal interaction"),
}
"""The words of the tables above are English: translated where drawn."""

Line = tuple[str, str, str]
"""One line of a cell: its text, its style, and the id of the element it shows ("" for none)."""
Cell = Callable[[int], list[Line]]
"""The lines of one lane for the step at an index."""
Row = tuple[str, Cell | None, int, bool, Kind | None]
"""A line of the grid: lane title, the lane's cells (None: a line across), line in the cell, drawn
to the full column, and the kind of element the lane shows (None: nothing to select)."""
Selection = tuple[Kind, str]
"""An element by kind and id."""


class JourneyGrid(ScrollView, can_focus=True):
    """The journey of one iteration; the cursor is on an element of a step (posts :class:`JourneyGrid.Selected`)."""

    BINDINGS = bindings("journey")

    class Selected(Message):
        """The cursor moved to another element: a step, a touchpoint or a task (of the step ``step``)."""

        def __init__(self, grid: JourneyGrid, step: str, kind: Kind, element: str) -> None:
            super().__init__()
            self.grid, self.step, self.kind, self.element = grid, step, kind, element

        @property
        def control(self) -> JourneyGrid:
            return self.grid

    class Renamed(Message):
        """The user typed a new name for an element and pressed enter."""

        def __init__(self, kind: Kind, element: str, name: str) -> None:
            super().__init__()
            self.kind, self.element, self.name = kind, element, name

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        bind(self)
        self._it: Iteration | None = None
        self._marks: Mapping[str, tuple[str, str]] = {}
        self._heights: Mapping[str, int] = {}
        self._cursor = 0
        self._chosen: Selection | None = None  # None: the step itself
        self._rows: list[Row] = []
        self.corner = _("Stage")
        """The words in the top left corner (a comparison names each journey there)."""
        self.editing: str | None = None
        """The new name being typed over the selected element (None: not renaming)."""
        self._fresh = False  # the name as it was: the first letter typed replaces it

    # --- what is shown ----------------------------------------------------------------------

    @property
    def step(self) -> str | None:
        """The id of the step under the cursor."""
        if self._it is None or not self._it.steps:
            return None
        return self._it.steps[self._cursor].id

    @property
    def element(self) -> Selection | None:
        """The element under the cursor: the step, or one of its touchpoints or tasks."""
        if self.step is None:
            return None
        return self._chosen or (Kind.STEP, self.step)

    def show(
        self,
        it: Iteration,
        select: Selection | None = None,
        marks: Mapping[str, tuple[str, str]] | None = None,
        heights: Mapping[str, int] | None = None,
    ) -> None:
        """Show ``it`` with the cursor on ``select`` (or where it was).

        A step is selected as it is; a touchpoint or task in the step under the cursor if it is
        there, else in the first step that names it; a stage at its first step. ``marks`` puts a
        word and a style over steps by id (what a comparison found: new, changed...); ``heights``
        gives lanes at least that many lines, to line up with another journey.
        """
        changed = it is not self._it or heights is not None
        self._it = it
        if marks is not None:
            self._marks = marks
        if heights is not None:
            self._heights = heights
        if changed:
            self._rows = _rows(it, self._heights)
            self.virtual_size = Size(TITLES + COLUMN * len(it.steps), HEADER + len(self._rows))
        self._cursor = min(self._cursor, max(0, len(it.steps) - 1))
        if select is not None:
            self._cursor, self._chosen = _place(it, select, self._cursor, self._chosen)
        if self._chosen is not None and self._chosen not in [e for _, e in self._items(self._cursor)]:
            self._chosen = None
        self._keep_in_view()
        self.refresh()

    def _keep_in_view(self) -> None:
        """Scroll by whole columns, and by lines, so that the element under the cursor is in view."""
        fits = max(1, (self.size.width - TITLES) // COLUMN)
        first = int(self.scroll_x) // COLUMN
        if self._cursor < first:
            first = self._cursor
        elif self._cursor >= first + fits:
            first = self._cursor - fits + 1
        row, top, lines = self._row(), int(self.scroll_y), max(1, self.size.height - HEADER)
        if row < top:
            top = row
        elif row >= top + lines:
            top = row - lines + 1
        self.scroll_to(x=first * COLUMN, y=top, animate=False)

    def _items(self, k: int) -> list[tuple[int, Selection]]:
        """The elements shown for step ``k``, top to bottom, with the row each starts on."""
        found: list[tuple[int, Selection]] = []
        for row, (_title, cell, line, _full, kind) in enumerate(self._rows):
            if cell is None or kind is None:
                continue
            lines = cell(k)
            if line < len(lines) and lines[line][2] and (kind, lines[line][2]) not in [e for _, e in found]:
                found.append((row, (kind, lines[line][2])))
        return found

    def _row(self) -> int:
        """The row of the element under the cursor."""
        items = self._items(self._cursor)
        return next((row for row, e in items if e == self.element), items[0][0] if items else 0)

    # --- keys -------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While a name is typed, the keys are letters."""
        return self.editing is None

    def rename(self, name: str) -> None:
        """Start typing a new name over the selected element, from ``name``."""
        self.editing, self._fresh = name, True
        self.refresh()

    def type_key(self, key: str, character: str | None) -> None:
        """A key while renaming: letters, backspace, ctrl+u (clear), enter (apply), escape (cancel)."""
        assert self.editing is not None
        if key == "enter" and self.element is not None:
            self.post_message(self.Renamed(*self.element, self.editing))
            self.editing = None
        elif key == "escape":
            self.editing = None
        elif key == "backspace":
            self.editing = "" if self._fresh else self.editing[:-1]
        elif key == "ctrl+u":
            self.editing = ""
        elif character is not None and character.isprintable():
            self.editing = character if self._fresh else self.editing + character
        else:
            return
        self._fresh = False
        self.refresh()

    def action_step(self, delta: int) -> None:
        if self._it is not None and self._it.steps:
            self._move(max(0, min(len(self._it.steps) - 1, self._cursor + delta)))

    def action_step_to(self, index: int) -> None:
        if self._it is not None and self._it.steps:
            self._move(index % len(self._it.steps))

    def action_element(self, delta: int) -> None:
        """The element above or below in the step under the cursor."""
        items = [e for _, e in self._items(self._cursor)]
        if self.element not in items:
            return
        here = items.index(self.element) + delta
        if 0 <= here < len(items):
            self._chosen = None if items[here][0] is Kind.STEP else items[here]
            self._moved()

    def _move(self, index: int) -> None:
        """To step ``index``, on its element in the same row if it has one there, else on the step."""
        if index != self._cursor:
            row = self._row()
            self._cursor = index
            self._chosen = next(
                (e for r, e in self._items(index) if r == row and e[0] is not Kind.STEP), None
            )
            self._moved()

    def _moved(self) -> None:
        self._keep_in_view()
        self.refresh()
        if self.step is not None and self.element is not None:
            self.post_message(self.Selected(self, self.step, *self.element))

    # --- drawing ----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        it = self._it
        if it is None or not it.steps:
            text = (
                _("This iteration has no steps yet: select a stage in the navigator and press a.")
                if y == 0
                else ""
            )
            return Strip([Segment(text.ljust(width)[:width], Style(dim=True))])
        first = int(self.scroll_x) // COLUMN
        offset = int(self.scroll_x) % COLUMN
        count = (width - TITLES) // COLUMN + 2
        steps = range(first, min(len(it.steps), first + count))
        if y < HEADER:
            title, cells = _header(it, y, steps, self._cursor, self._marks)
            title = (
                self.corner
                if y == 0
                else _("Renaming: ⏎ ✓ esc ✗")
                if y == 1 and self.editing is not None
                else title
            )
        else:
            row = y - HEADER + int(self.scroll_y)
            if row >= len(self._rows):
                return Strip([Segment(" " * width)])
            title, cell, *_rest = self._rows[row]
            if cell is None:  # a line across the lanes, named at the left whatever the scrolling
                text = f"┄┄ {title} ".ljust(width, "┄")
                return Strip([Segment(text[:width], Style(dim=True))])
            title, cells = self._body(row, steps)
        segments = [Segment(title.ljust(TITLES)[:TITLES], Style(bold=True, dim=y >= HEADER))]
        body: list[Segment] = []
        for text, style in cells:
            body.append(Segment(text, _style(style)))
        strip = Strip(body).crop(offset, offset + width - TITLES)
        return Strip([*segments, *strip]).extend_cell_length(width).crop(0, width)

    def _body(self, row: int, steps: range) -> tuple[str, list[tuple[str, str]]]:
        title, cell, line, full, kind = self._rows[row]
        assert cell is not None
        cells = []
        chosen = self.element
        for k in steps:
            lines = cell(k)
            text, style, ident = lines[line] if line < len(lines) else ("", "", "")
            if k == self._cursor and kind is not None and (kind, ident) == chosen:
                style = f"{style} reverse".strip()
                if self.editing is not None:  # the name being typed, its end in view, with a cursor
                    text = (self.editing + "▏")[-(COLUMN - 1) :] if row == self._row() else ""
            elif k == self._cursor and not style:
                style = "bold"
            cells.append((text if full else _fit(text), style))
        return title, cells


def _place(
    it: Iteration, select: Selection, cursor: int, chosen: Selection | None
) -> tuple[int, Selection | None]:
    """The step index and element of the step that show ``select`` (where they were if none does)."""
    kind, ident = select
    steps = it.steps
    if kind is Kind.STEP:
        index = next((k for k, s in enumerate(steps) if s.id == ident), None)
        return (cursor, chosen) if index is None else (index, None)
    if kind is Kind.STAGE:
        return next((k for k, s in enumerate(steps) if s.stage == ident), cursor), None
    if kind in (Kind.TOUCHPOINT, Kind.TASK):
        field = kind.collection

        def names(k: int) -> bool:
            return ident in getattr(steps[k], field)

        if steps and names(cursor):
            return cursor, select
        return next(((k, select) for k in range(len(steps)) if names(k)), (cursor, chosen))
    return cursor, chosen


@lru_cache(maxsize=64)
def _style(style: str) -> Style:
    return Style.parse(style) if style else Style()


def _fit(text: str) -> str:
    """A cell's text in its column, cut with "…" where it is longer, and a space before the next."""
    return (text if len(text) < COLUMN else text[: COLUMN - 2] + "…").ljust(COLUMN)


def _header(
    it: Iteration, y: int, steps: range, cursor: int, marks: Mapping[str, tuple[str, str]]
) -> tuple[str, list[tuple[str, str]]]:
    """Stage names over their steps (y 0), step numbers and kinds (y 1), a rule (y 2)."""
    stages = {s.id: s.name for s in it.stages}
    cells: list[tuple[str, str]] = []
    for k in steps:
        step = it.steps[k]
        if y == 0:  # a stage's name where it starts, and at the left when it started out of view
            starts = k == 0 or it.steps[k - 1].stage != step.stage
            name = stages.get(step.stage, step.stage)
            mark = "▌" if starts else "◂ " if k == steps.start else ""
            cells.append((_fit(mark + name) if mark else _fit(""), "bold" if mark else ""))
        elif y == 1:
            word, style = marks.get(step.id, ("", ""))
            kind = "◇ decision" if step.kind is StepKind.DECISION else ""
            text = _fit(f" {k + 1}. {word or kind}")
            cells.append((text, "reverse bold" if k == cursor else style or "dim"))
        else:
            cells.append(("─" * COLUMN, "dim"))
    title = (_("Stage"), _("Step ({n} of {count})").format(n=cursor + 1, count=len(it.steps)), "─" * TITLES)[
        y
    ]
    return title, cells


def _rows(it: Iteration, heights: Mapping[str, int] | None = None) -> list[Row]:
    """Every line of the grid below the headers (see :data:`Row`)."""
    touchpoints = {t.id: t for t in it.touchpoints}
    tasks = {t.id: t for p in it.processes for t in p.tasks}
    rows: list[Row] = []

    def lane(title: str, cell: Cell, at_least: int = 0, kind: Kind | None = None) -> None:
        least = max(at_least, (heights or {}).get(title, 0))
        height = max([least, *(min(MAX_LINES, len(cell(k))) for k in range(len(it.steps)))])
        rows.extend((title if line == 0 else "", cell, line, False, kind) for line in range(height))

    for channel, (mark, name, colour) in CHANNELS.items():

        def channel_cell(
            k: int, channel: Channel = channel, mark: str = mark, colour: str = colour
        ) -> list[Line]:
            return [
                (f"{mark} {touchpoints[t].name}", colour, t)
                for t in it.steps[k].touchpoints
                if t in touchpoints and touchpoints[t].channel is channel
            ]

        lane(f"{mark} {_(name)}", channel_cell, kind=Kind.TOUCHPOINT)
    lane(_("Actions"), lambda k: _cell_lines(it.steps[k].name, it.steps[k].id), at_least=2, kind=Kind.STEP)
    for blueprint_lane in Lane:
        rows.append((_(LINES_BETWEEN[blueprint_lane]), None, 0, False, None))

        def task_cell(k: int, where: Lane = blueprint_lane) -> list[Line]:
            return [
                (f"· {tasks[t].name}", "", t)
                for t in it.steps[k].tasks
                if t in tasks and tasks[t].lane is where
            ]

        lane(_(term(blueprint_lane)).capitalize(), task_cell, at_least=1, kind=Kind.TASK)
    rows.append((_("How it feels"), None, 0, False, None))
    for level, word in EMOTIONS.items():
        rows.append((f"{_(word)} {level:+d}" if level else f"{_(word)} 0", _curve(it, level), 0, True, None))
    lane("✗ " + _("Pain points"), lambda k: [(f"✗ {p}", "red", "") for p in it.steps[k].pain_points])
    lane("✦ " + _("Opportunities"), lambda k: [(f"✦ {o}", "green", "") for o in it.steps[k].opportunities])
    lane(_("Priority"), lambda k: _priority(it.steps[k]))
    statuses = {s.benefit.id: s.status for s in benefit_status(it)}
    lane(
        _("Benefits"),
        lambda k: [
            (f"◆ {b.name} ({_(term(statuses[b.id])) if b.id in statuses else _('no indicator')})", "", "")
            for b in it.benefits
            if it.steps[k].id in b.steps
        ],
    )
    return rows


def lane_heights(it: Iteration) -> dict[str, int]:
    """How many lines each lane of ``it`` takes: to line up the lanes of two journeys shown together."""
    heights: dict[str, int] = {}
    title = ""
    for row_title, cell, *_rest in _rows(it):
        if row_title:
            title = row_title
        if cell is not None:
            heights[title] = heights.get(title, 0) + 1
    return heights


@lru_cache(maxsize=4096)
def _cell_lines(text: str, ident: str) -> list[Line]:
    return [(line, "", ident) for line in textwrap.wrap(text, COLUMN - 1)[:MAX_LINES]] or [("", "", ident)]


def _priority(step: Step) -> list[Line]:
    if step.effort is None or step.gain is None:
        return []
    return [
        (
            f"{_(term(quadrant(step.effort, step.gain)))} "
            + _("(gain {gain}, effort {effort})").format(gain=step.gain, effort=step.effort),
            "italic",
            "",
        )
    ]


def _curve(it: Iteration, level: int) -> Cell:
    """The emotion curve's line at ``level``: a dot per step, joined by box-drawing lines."""

    def cell(k: int) -> list[Line]:
        here = it.steps[k].emotion
        after = it.steps[k + 1].emotion if k + 1 < len(it.steps) else None
        before = it.steps[k - 1].emotion if k > 0 else None
        middle = COLUMN // 2 - 1
        chars = [" "] * COLUMN
        if here is not None:
            here = max(-2, min(2, here))
            if level == here:
                if before is not None:
                    chars[:middle] = "─" * middle
                chars[middle] = "●"
            if after is not None:
                after = max(-2, min(2, after))
                _join(chars, middle, here, after, level)
        style = EMOTION_STYLES[here] if here is not None and level == here else "dim"
        return [("".join(chars), style, "")]

    return cell


def _join(chars: list[str], middle: int, here: int, after: int, level: int) -> None:
    """Draw the right half of a cell: from this step's dot towards the next step's level."""
    last = COLUMN - 1
    if level == here:
        chars[middle + 1 : last] = "─" * (last - middle - 1)
        chars[last] = "─" if after == here else ("╮" if after < here else "╯")
    elif min(here, after) < level < max(here, after):
        chars[last] = "│"
    elif level == after:
        chars[last] = "╰" if after < here else "╭"
