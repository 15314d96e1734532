"""How an indicator's status looks to a reader: a word, a symbol and a colour, never colour alone.

The report, the deck and the charts show a status the same way. The words are English message
ids; translate them where they are shown. The colours have a contrast of at least 4.5:1 on white.
"""

from __future__ import annotations

from attrs import frozen

from journeymap.benefits import Status
from journeymap.i18n import N_


@frozen
class Look:
    """A status as shown: its word (a message id), a symbol and a colour (``#rrggbb``)."""

    word: str
    symbol: str
    colour: str


LOOKS = {
    Status.REACHED: Look(N_("reached"), "✔", "#1b6e20"),
    Status.IMPROVING: Look(N_("improving"), "↗", "#205f99"),
    Status.NOT_IMPROVING: Look(N_("not improving"), "→", "#8a5a00"),
    Status.OVERDUE: Look(N_("overdue"), "✖", "#b3261e"),
    Status.NOT_MEASURED: Look(N_("not measured"), "○", "#595959"),
    Status.UNCLEAR: Look(N_("no baseline or target"), "?", "#595959"),
}
"""The look of each status."""
