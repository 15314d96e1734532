"""Evidence: which elements say how the team knows them, and how much of an iteration is observed.

An element of a kind in :data:`EVIDENCE_KINDS` has ``evidence`` (observed, assumed, proposed, or
None: not stated) and ``sources``. The kinds are read from the model, so a kind that gains the
fields is counted without a change here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from attrs import fields, frozen

from journeymap.elements import Element, Kind, elements, with_paths
from journeymap.model import Evidence, Iteration, JourneyMap

EVIDENCE_KINDS: tuple[Kind, ...] = tuple(
    kind for kind in Kind if any(f.name == "evidence" for f in fields(kind.type))
)
"""The kinds whose elements can carry evidence and sources, in :class:`Kind` order."""


@frozen(kw_only=True)
class EvidenceShares:
    """How many of an iteration's elements are observed, assumed, proposed or not stated."""

    observed: int = 0
    assumed: int = 0
    proposed: int = 0
    not_stated: int = 0

    @property
    def total(self) -> int:
        """All elements that can carry evidence."""
        return self.observed + self.assumed + self.proposed + self.not_stated

    def count(self, evidence: Evidence | None) -> int:
        """The number of elements with this evidence (None: not stated)."""
        return self.not_stated if evidence is None else int(getattr(self, evidence.value))

    def share(self, evidence: Evidence | None) -> float:
        """The fraction (0 to 1) of the elements with this evidence; 0 when there are none."""
        return self.count(evidence) / self.total if self.total else 0.0


def evidenced(it: Iteration) -> Iterator[Element]:
    """The iteration's elements that can carry evidence, kind by kind."""
    for kind in EVIDENCE_KINDS:
        yield from elements(it, kind)


def evidenced_with_paths(it: Iteration, prefix: str) -> Iterator[tuple[str, Element]]:
    """The elements that can carry evidence, each with its document path below ``prefix``."""
    for kind in EVIDENCE_KINDS:
        yield from with_paths(it, kind, prefix)


def evidence_of(element: Element) -> Evidence | None:
    """An element's evidence; None when it is not stated or its kind cannot carry any."""
    found: Evidence | None = getattr(element, "evidence", None)
    return found


def shares(iteration: Iteration) -> EvidenceShares:
    """The counts of observed, assumed, proposed and not stated elements of an iteration."""
    return tally(evidence_of(e) for e in evidenced(iteration))


def tally(values: Iterable[Evidence | None]) -> EvidenceShares:
    """The counts of each kind of evidence among ``values``."""
    counts = {"observed": 0, "assumed": 0, "proposed": 0, "not_stated": 0}
    for value in values:
        counts["not_stated" if value is None else value.value] += 1
    return EvidenceShares(**counts)


def uses_evidence(journey_map: JourneyMap | Iteration) -> bool:
    """Whether any element (of any iteration of a map) states its evidence: legends explain it then."""
    its = journey_map.iterations if isinstance(journey_map, JourneyMap) else (journey_map,)
    return any(evidence_of(e) is not None for it in its for e in evidenced(it))
