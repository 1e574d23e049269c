"""Unions and intersections of business calendars, in any timezones.

``union(a, b, ..., timezone=...)`` is open exactly when at least one part is open;
``intersection(...)`` exactly when every part is. Each part keeps its own rules in its
own zone (hours, holidays, dated hours, night shifts); only the resulting open instants
are combined. The result is a :class:`~supportpolicy.sla.Calendar` like any other: its
per-year index is built from the parts' UTC intervals, merged or intersected, and
grouped into the local years and dates of the result's *timezone*, so every clock
query costs what it costs on a plain calendar. Its working dates (for business days)
are the dates of that timezone on which it is open.

``a | b`` and ``a & b`` build the same in the left operand's timezone.

>>> import datetime as dt
>>> from zoneinfo import ZoneInfo
>>> from supportpolicy import sla
>>> berlin = sla.calendar("Europe/Berlin", "Mon-Fri 09:00-17:00")
>>> tokyo = sla.calendar("Asia/Tokyo", "Mon-Fri 09:00-17:00")
>>> desk = sla.union(berlin, tokyo, timezone="UTC")
>>> at = dt.datetime(2026, 3, 10, 1, 0, tzinfo=ZoneInfo("UTC"))
>>> sla.is_open(desk, at), [p.timezone for p in desk.open_parts(at)]
(True, ['Asia/Tokyo'])
>>> sla.union(timezone="UTC")
Traceback (most recent call last):
...
supportpolicy.errors.CalendarError: sla.union() needs at least one calendar; got none
"""

from __future__ import annotations

from supportpolicy.sla.calendars import Calendar, combined

__all__ = ["intersection", "union"]


def union(*parts: Calendar, timezone: str | None = None) -> Calendar:
    """The calendar open whenever one of *parts* is open, in *timezone* (default: the
    first part's)."""
    return combined("union", parts, timezone)


def intersection(*parts: Calendar, timezone: str | None = None) -> Calendar:
    """The calendar open whenever all of *parts* are open, in *timezone* (default: the
    first part's)."""
    return combined("intersection", parts, timezone)
