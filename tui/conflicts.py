"""The merge conflicts screen: what two designers changed differently, settled one by one.

A git merge of two branches that changed the same thing leaves the map loadable, holding our
side, with a record of each conflict (see ``journeymap git-setup``). Here each is listed in words;
``o`` keeps ours, ``t`` takes theirs. Settling is an edit like any other: undo brings it back.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from journeymap.conflicts import describe
from journeymap.i18n import N_
from journeymap.model import JourneyMap
from journeymap.resolve import OURS, THEIRS
from tui.words import _, bind, ngettext


class Conflicts(Screen[None]):
    """The map's merge conflicts; posts :class:`Conflicts.Settle` for the highlighted one."""

    BINDINGS = [
        Binding("o", "settle('ours')", N_("Keep ours")),
        Binding("t", "settle('theirs')", N_("Take theirs")),
        Binding("escape,q", "app.pop_screen", N_("Back")),
    ]

    class Settle(Message):
        """Settle conflict ``index`` (0-based) with ``choice``: ours or theirs."""

        def __init__(self, index: int, choice: str) -> None:
            super().__init__()
            self.index, self.choice = index, choice

    def __init__(self, journey_map: JourneyMap) -> None:
        super().__init__()
        bind(self)
        self.journey_map = journey_map

    def compose(self) -> ComposeResult:
        yield Static(id="conflicts-title")
        yield OptionList(id="conflicts")
        yield Footer()

    def on_mount(self) -> None:
        self.show(self.journey_map)
        self.query_one(OptionList).focus()

    def show(self, journey_map: JourneyMap) -> None:
        """List the conflicts of ``journey_map`` (after one was settled, the rest)."""
        self.journey_map = journey_map
        count = len(journey_map.conflicts)
        title = (
            ngettext(
                "{n} merge conflict: o keeps ours (what the map holds now), t takes theirs; "
                "undo brings a settled one back.",
                "{n} merge conflicts: o keeps ours (what the map holds now), t takes theirs; "
                "undo brings a settled one back.",
                count,
            ).format(n=count)
            if count
            else _("No merge conflicts left: save the map, then git add it and commit the merge.")
        )
        self.query_one("#conflicts-title", Static).update(Text(title, style="bold"))
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options(
            Option(Text(f"{k + 1}. {describe(c, journey_map)}"), id=str(k))
            for k, c in enumerate(journey_map.conflicts)
        )
        if count:
            options.highlighted = min(highlighted or 0, count - 1)

    def action_settle(self, choice: str) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None and choice in (OURS, THEIRS):
            self.post_message(self.Settle(options.highlighted, choice))
