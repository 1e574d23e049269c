"""Weekly service hours: the ``"Mon-Fri 10:00-18:00; Sat 10:00-14:00"`` grammar.

STUB: being written by the lead; signatures are final.
"""

from __future__ import annotations

import attrs

Interval = tuple[int, int]
"""Wall-clock ``[start, end)`` in minutes after midnight; ``end`` may be 1440 (24:00)."""


@attrs.frozen
class WeeklyHours:
    """Open wall-clock intervals for each weekday, Monday first (``days[0]``)."""

    days: tuple[tuple[Interval, ...], ...]


def parse_hours(spec: str) -> WeeklyHours:
    """Parse an hours spec (``"24x7"`` or ``"DAYS RANGES; ..."``)."""
    raise NotImplementedError
