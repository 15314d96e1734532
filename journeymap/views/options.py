"""What a presenter can choose about a diagram."""

from __future__ import annotations

from attrs import field, frozen

from journeymap.views.style import SCHEMES

DIRECTIONS = ("LR", "TB")
LAYOUTS = ("merged", "side-by-side")


def _one_of(choices: tuple[str, ...]) -> object:
    def check(_: object, attribute: object, value: str) -> None:
        if value not in choices:
            name = getattr(attribute, "name", "value")
            raise ValueError(f"{name} must be one of {', '.join(choices)}, not {value!r}")

    return check


@frozen(kw_only=True)
class ViewOptions:
    """Options shared by the views; each view uses those that make sense for it.

    ``iteration`` picks the iteration (default: the current one; for ``compare``, the older
    one), ``against`` the newer iteration of a comparison (default: the newest future one).
    ``stages`` limits a journey to a range of stage ids (first, last), ``profile`` to one
    user profile's steps. ``details`` adds pain points and opportunities.
    """

    iteration: str = ""
    against: str = ""
    title: str = ""
    direction: str = field(default="LR", validator=_one_of(DIRECTIONS))  # type: ignore[arg-type]
    scheme: str = field(default="color", validator=_one_of(SCHEMES))  # type: ignore[arg-type]
    layout: str = field(default="merged", validator=_one_of(LAYOUTS))  # type: ignore[arg-type]
    details: bool = False
    profile: str = ""
    stages: tuple[str, str] | None = None
    process: str = ""
    legend: bool = True
