"""The ten foils of the KS 10-20-30 method, in order: the outline of the report and the deck.

Ten slides, twenty minutes, no text under thirty points: how a round of service innovation is
presented to the commissioning owner, the solution owner and the steering bodies. The titles
are English message ids; translate them where they are shown.
"""

from __future__ import annotations

from journeymap.i18n import N_

FOILS = (
    N_("Name of the solution"),
    N_("The goals"),
    N_("The final solution"),
    N_("The updated service journey"),
    N_("Implementation status and remaining work"),
    N_("The benefits plan"),
    N_("Follow-up in operation and results so far"),
    N_("Plan for further benefits realisation"),
    N_("How the solution is maintained"),
    N_("Lessons learned"),
)
"""The foils' titles, foil 1 first."""
