"""Real-time arithmetic on zoned datetimes, the one place the strategies do it.

``a + d`` on a zoned datetime is wall-clock arithmetic: it keeps the wall time's zone
and drops ``fold``, so inside a DST fold ``a + timedelta(0)`` can be an hour *before*
``a``, and across a DST change the result is an hour off. :func:`later` adds real
(elapsed) time instead: in UTC, then back to *a*'s zone (docs/testing-with-strategies.md,
"DST folds and gaps").
"""

from __future__ import annotations

import datetime as dt

from supportpolicy import sla

__all__ = ["agreed_deadline", "later"]


def later(instant: dt.datetime, delta: dt.timedelta) -> dt.datetime:
    """The instant *delta* of real time after the aware *instant*, in *instant*'s zone.

    >>> from zoneinfo import ZoneInfo
    >>> first = dt.datetime(2026, 11, 1, 1, 30, tzinfo=ZoneInfo("America/New_York"))
    >>> second = first.replace(fold=1)  # the repeated 01:30, an hour later
    >>> (second + dt.timedelta(0)).fold, later(second, dt.timedelta(0)).fold
    (0, 1)
    >>> first == second  # one zone: == compares wall times, although an hour apart
    True
    >>> later(first, dt.timedelta(hours=1)).fold  # the hour after first is second
    1
    """
    return (instant.astimezone(dt.UTC) + delta).astimezone(instant.tzinfo)


def agreed_deadline(at: dt.datetime, delta: dt.timedelta) -> sla.AgreedDeadline:
    """The deadline agreed at *at* for *delta* of real time later (never before *at*)."""
    return sla.AgreedDeadline(at, later(at, delta))
