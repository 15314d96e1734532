"""The problems panel: the map's errors and warnings, live; choosing one jumps to it."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from journeymap.problems import Problem, Severity


class Problems(OptionList):
    """One line per problem; an option's id is the problem's document path."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._shown: list[tuple[Severity, str, str, str]] = []

    def show(self, problems: list[Problem], places: list[str]) -> None:
        """One line per problem, with ``places[k]`` saying in words where problem ``k`` is.

        The list is rebuilt only when the problems changed; the highlight comes back once the new
        lines are laid out (paging through half-built lines fails inside the option list).
        """
        shown = [(p.severity, p.message, p.path, place) for p, place in zip(problems, places, strict=True)]
        if shown == self._shown and self.option_count:
            return
        self._shown = shown
        highlighted = self.highlighted
        self.clear_options()
        if not problems:
            self.add_option(Option(Text("No problems: the map is valid.", style="green"), disabled=True))
            return
        for k, (problem, place) in enumerate(zip(problems, places, strict=True)):
            style = "bold red" if problem.severity is Severity.ERROR else "yellow"
            line = Text.assemble(
                (f"{problem.severity.value}: ", style), problem.message, (f"  {place}", "dim")
            )
            self.add_option(Option(line, id=f"{k}:{problem.path}"))
        if highlighted is not None and highlighted < len(problems):
            self.call_after_refresh(setattr, self, "highlighted", highlighted)
