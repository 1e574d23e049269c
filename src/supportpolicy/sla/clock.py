"""The business clock. STUB: being written by the lead; signatures are final."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from supportpolicy.sla.calendar import Calendar


def add_business_time(cal: Calendar, start: dt.datetime, duration: dt.timedelta) -> dt.datetime:
    """Earliest instant t >= start with business_time_between(start, t) == duration."""
    raise NotImplementedError


def business_time_between(cal: Calendar, a: dt.datetime, b: dt.datetime) -> dt.timedelta:
    """Open time in [a, b); negative if b < a."""
    raise NotImplementedError


def is_open(cal: Calendar, instant: dt.datetime) -> bool:
    """Whether the calendar is open at instant."""
    raise NotImplementedError


def next_opening(cal: Calendar, instant: dt.datetime) -> dt.datetime:
    """instant if open, else the next opening."""
    raise NotImplementedError


def open_intervals(
    cal: Calendar, start: dt.datetime, end: dt.datetime
) -> Iterator[tuple[dt.datetime, dt.datetime]]:
    """The open intervals clipped to [start, end), in the calendar's timezone."""
    raise NotImplementedError
