"""The problems panel: the map's errors and warnings, live; choosing one jumps to it."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from journeymap.i18n import N_
from journeymap.problems import Problem, Severity
from tui.words import _, language

SEVERITIES = {Severity.ERROR: N_("error"), Severity.WARNING: N_("warning")}


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
        shown = [
            (p.severity, p.text(language()), p.path, place) for p, place in zip(problems, places, strict=True)
        ]
        if shown == self._shown and self.option_count:
            return
        self._shown = shown
        highlighted = self.highlighted
        self.clear_options()
        if not problems:
            self.add_option(Option(Text(_("No problems: the map is valid."), style="green"), disabled=True))
            return
        for k, (severity, message, path, place) in enumerate(shown):
            style = "bold red" if severity is Severity.ERROR else "yellow"
            line = Text.assemble((f"{_(SEVERITIES[severity])}: ", style), message, (f"  {place}", "dim"))
            self.add_option(Option(line, id=f"{k}:{path}"))
        if highlighted is not None and highlighted < len(problems):
            self.call_after_refresh(setattr, self, "highlighted", highlighted)
