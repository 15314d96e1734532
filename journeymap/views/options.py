"""What a presenter can choose about a diagram."""

from __future__ import annotations

from attrs import field, frozen
from attrs.validators import in_

from journeymap.model import Language
from journeymap.views.style import SCHEMES

DIRECTIONS = ("LR", "TB")
LAYOUTS = ("merged", "side-by-side")
LANGUAGES = ("", *(lang.value for lang in Language))


@frozen(kw_only=True)
class ViewOptions:
    """Options shared by the views; each view uses those that make sense for it.

    ``iteration`` picks the iteration (default: the current one; for ``compare``, the older
    one), ``against`` the newer iteration of a comparison (default: the newest future one).
    ``stages`` limits a journey to a range of stage ids (first, last), ``profile`` to one
    user profile's steps. ``details`` adds pain points and opportunities. ``language`` is the
    language of the words a view adds (``da``, ``nb``, ``en``; default: the map's).
    """

    iteration: str = ""
    against: str = ""
    title: str = ""
    direction: str = field(default="LR", validator=in_(DIRECTIONS))
    scheme: str = field(default="color", validator=in_(SCHEMES))
    layout: str = field(default="merged", validator=in_(LAYOUTS))
    details: bool = False
    profile: str = ""
    stages: tuple[str, str] | None = None
    process: str = ""
    legend: bool = True
    language: str = field(default="", validator=in_(LANGUAGES))
