"""Following benefits up: where each indicator stands against its baseline and target.

An indicator is judged on its latest measurement: ``progress`` is the share of the way from
the baseline to the target covered so far (1.0 is the target reached; negative is worse than
before). The direction comes from the baseline and target, so an indicator that should fall
(hours of care) works as well as one that should rise (citizens trained).
"""

from __future__ import annotations

import datetime as dt
import math
from enum import Enum
from fractions import Fraction

from attrs import frozen

from journeymap.i18n import day, quantity
from journeymap.i18n import number as number  # where callers have always found it
from journeymap.model import Benefit, Indicator, Iteration, Language, Measurement


class Status(Enum):
    """Where an indicator stands; the value is what reports print."""

    REACHED = "reached"
    IMPROVING = "improving"
    NOT_IMPROVING = "not improving"
    OVERDUE = "overdue"
    NOT_MEASURED = "not measured"
    UNCLEAR = "no baseline or target"


@frozen
class IndicatorStatus:
    """An indicator with its benefit, latest measurement, progress and status."""

    benefit: Benefit
    indicator: Indicator
    latest: Measurement | None
    progress: float | None
    status: Status

    def latest_text(self, unit: bool = False, language: Language | str = Language.EN) -> str:
        """The latest value and its date, e.g. '40.5 hours (2022-12-31)'; empty if not measured.

        In Danish or Norwegian as people there write them: '40,5 timer (31. december 2022)'.
        """
        if self.latest is None:
            return ""
        value = self.latest.value
        shown = quantity(value, self.indicator.unit, language) if unit else number(value, language)
        return f"{shown} ({day(self.latest.date, language)})"

    def progress_text(self, language: Language | str = Language.EN) -> str:
        """The share of the way as a percentage, e.g. '104 %'; empty if undefined.

        Beyond a million percent (a unit or a decimal point gone astray) it says so: '> 1 000 000 %'.
        """
        if self.progress is None:
            return ""
        percent = self.progress * 100
        if abs(percent) >= _PERCENT_LIMIT:
            return (
                f"{'>' if percent > 0 else '<'} {number(math.copysign(_PERCENT_LIMIT, percent), language)} %"
            )
        return f"{number(round(percent), language)} %"


_PERCENT_LIMIT = 1_000_000


def latest(indicator: Indicator) -> Measurement | None:
    """The measurement with the latest date, if any."""
    return max(indicator.measurements, key=lambda m: m.date, default=None)


def progress(indicator: Indicator, value: float) -> float | None:
    """The share of the way from baseline to target that ``value`` covers; None if undefined.

    Computed exactly, so that no finite values overflow; a share beyond the largest float is
    infinite.
    """
    if indicator.baseline is None or indicator.target is None or indicator.target == indicator.baseline:
        return None
    base = Fraction(indicator.baseline)
    share = (Fraction(value) - base) / (Fraction(indicator.target) - base)
    try:
        return float(share)
    except OverflowError:
        return math.inf if share > 0 else -math.inf


def indicator_status(benefit: Benefit, indicator: Indicator, today: dt.date | None = None) -> IndicatorStatus:
    """Where one indicator stands on ``today`` (default: the real today)."""
    last = latest(indicator)
    share = progress(indicator, last.value) if last else None
    if last is None:
        status = Status.NOT_MEASURED
    elif indicator.baseline is None or indicator.target is None:
        status = Status.UNCLEAR
    elif (share is not None and share >= 1) or (share is None and last.value == indicator.target):
        status = Status.REACHED
    elif indicator.deadline is not None and (today or dt.date.today()) > indicator.deadline:
        status = Status.OVERDUE
    elif share is not None and share > 0:
        status = Status.IMPROVING
    else:
        status = Status.NOT_IMPROVING
    return IndicatorStatus(benefit, indicator, last, share, status)


def benefit_status(it: Iteration, today: dt.date | None = None) -> list[IndicatorStatus]:
    """Every indicator of the iteration's benefits, in plan order."""
    return [indicator_status(b, i, today) for b in it.benefits for i in b.indicators]


# --- values as people read and type them ---------------------------------------------------


def parse_number(text: str) -> float:
    """A number as people type it ('40.5', '40,5', '1 500 000'); ``ValueError`` says what is wrong."""
    try:
        value = float(text.strip().replace(",", ".").replace("\u202f", "").replace(" ", ""))
    except ValueError:
        raise ValueError(f"{text!r} is not a number (use digits, e.g. 27 or 40.5)") from None
    if not math.isfinite(value):
        raise ValueError(f"{text!r} is not a finite number")
    return value


def parse_date(text: str) -> dt.date:
    """A date typed as YYYY-MM-DD; ``ValueError`` says what is wrong."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a date like 2026-11-22") from None
