"""How an indicator's status looks to a reader: a symbol and a colour beside its word, never colour alone.

The report, the deck and the charts show a status the same way: :func:`label` is the symbol and
the status's name (:func:`journeymap.vocabulary.term`) in the reader's language. The colours have
a contrast of at least 4.5:1 on white; the symbols are in the font the charts are drawn with
(Arimo) and in every common one.
"""

from __future__ import annotations

from attrs import frozen

from journeymap.benefits import Status
from journeymap.model import Language
from journeymap.vocabulary import term


@frozen
class Look:
    """A status as shown: a symbol and a colour (``#rrggbb``)."""

    symbol: str
    colour: str


LOOKS = {
    Status.REACHED: Look("●", "#1b6e20"),
    Status.IMPROVING: Look("▲", "#205f99"),
    Status.NOT_IMPROVING: Look("▼", "#8a5a00"),
    Status.OVERDUE: Look("!", "#b3261e"),
    Status.NOT_MEASURED: Look("○", "#595959"),
    Status.UNCLEAR: Look("?", "#595959"),
}
"""The look of each status."""


def label(status: Status, language: Language = Language.EN) -> str:
    """The status as a reader sees it beside its colour: its symbol and its name, e.g. '▲ improving'."""
    return f"{LOOKS[status].symbol} {term(status, language)}"
