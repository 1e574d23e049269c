"""Whole business days (semantics.md, "Business days").

The clock starts at the given instant, snapped forward to the next opening when the
calendar is closed. It stands at business offset ``o`` into working day ``k`` (the open
time between that day's first opening and the clock). Adding ``n`` days gives the
instant at offset ``min(o, length of day k+n)`` into working day ``k+n``; where that
is a day's first opening, the earliest equivalent instant is reported: the previous
working day's closing. On a calendar whose days all have the same length ``L`` this
equals ``add_business_time(cal, a, n * L)``. Adding 0 days returns the start itself,
as adding zero business time does.

A negative count ``-m`` mirrors this: the clock stands at business time ``r`` before
the last closing of working day ``k`` (a start outside hours counts from the previous
closing; a first opening belongs to the working day before it, at ``r = 0``), and the
result is the instant ``min(r, length of day k-m)`` before working day ``k-m``'s last
closing; where that is a day's last closing, the latest equivalent instant is
reported: the next working day's first opening. On a calendar whose days all have the
same length ``L`` this equals ``subtract_business_time(cal, a, m * L)``.

A working day is a local date with open time. Working days are found through the
per-year index, never by stepping day by day.

>>> import datetime as dt
>>> from zoneinfo import ZoneInfo
>>> from supportpolicy import sla
>>> cal = sla.calendar("Europe/Moscow", "Mon-Fri 10:00-18:00")
>>> msk = ZoneInfo("Europe/Moscow")
>>> sla.add_business_days(cal, dt.datetime(2026, 11, 24, 14, 0, tzinfo=msk), 1).isoformat()
'2026-11-25T14:00:00+03:00'
>>> sla.add_business_days(cal, dt.datetime(2026, 11, 21, 11, 0, tzinfo=msk), 1).isoformat()
'2026-11-23T18:00:00+03:00'
>>> sla.add_business_days(cal, dt.datetime(2026, 11, 20, 18, 0, tzinfo=msk), 1).isoformat()
'2026-11-23T18:00:00+03:00'
>>> sla.add_business_days(cal, dt.datetime(2026, 11, 24, 14, 0, tzinfo=msk), -1).isoformat()
'2026-11-23T14:00:00+03:00'
>>> sla.add_business_days(cal, dt.datetime(2026, 11, 21, 11, 0, tzinfo=msk), -1).isoformat()
'2026-11-20T10:00:00+03:00'
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right

from supportpolicy import _coerce
from supportpolicy._limits import MAX_BUSINESS_DAYS
from supportpolicy.errors import NeverOpenError
from supportpolicy.sla._backward import check_result, latest_at, year_before
from supportpolicy.sla._index import (
    HORIZON_YEARS,
    SKETCH_DAYS,
    YearIndex,
    check_work,
    instant_at,
    work,
)
from supportpolicy.sla._instants import utc_instant
from supportpolicy.sla.calendars import Calendar, index_of

__all__ = ["add_business_days"]


def add_business_days(cal: Calendar, start: dt.datetime, days: int) -> dt.datetime:
    """The instant *days* working days after *start* (see the module docstring)."""
    index = index_of(cal)
    a = utc_instant(start, "start")
    days = _coerce.integer(days, "days", minimum=-MAX_BUSINESS_DAYS, maximum=MAX_BUSINESS_DAYS)
    if days == 0:
        index.locate(a)  # in the clock's years, as every instant it returns
        return a.astimezone(index.tz)
    if abs(days) > SKETCH_DAYS:
        _, per_year, working = index.sketch(a.year)
        if working:
            check_work(0, abs(days) // working, per_year, f"days {days}")
    if days < 0:
        return _backward(index, a, -days).astimezone(index.tz)
    year, segment = index.locate(a)
    limit = year + HORIZON_YEARS
    clock = segment.offset(a)
    k = bisect_right(segment.day_cum, clock) - 1
    while k < 0 or (k == len(segment.day_cum) - 1 and clock >= segment.total):
        # Closed for the rest of this year: the clock starts at next year's first opening.
        year, clock, k = year + 1, dt.timedelta(0), 0
        _check_horizon(year, limit, a)
        segment = index.year(year)
        if not segment.day_cum:
            k = -1
    offset = clock - segment.day_cum[k]
    m = k + days
    spent = 0
    while m >= len(segment.day_cum):
        spent += work(segment)
        check_work(spent, m // len(segment.day_cum) if segment.day_cum else 1, segment)
        m -= len(segment.day_cum)
        year += 1
        _check_horizon(year, limit, a)
        segment = index.year(year)
    target = segment.day_cum[m] + min(offset, segment.day_len[m])
    while target <= dt.timedelta(0):
        # The first opening of a year: report the previous working day's closing.
        year -= 1
        segment = index.year(year)
        target = segment.total
    return instant_at(segment, target).astimezone(index.tz)


def _backward(index: YearIndex, a: dt.datetime, count: int) -> dt.datetime:
    """The instant *count* (> 0) working days before UTC *a* (the module docstring)."""
    year, segment = index.locate(a)
    first = year
    clock = segment.offset(a)
    k = bisect_left(segment.day_cum, clock) - 1  # day_cum[k] < clock <= its last closing
    if k >= 0:
        rest = segment.day_cum[k] + segment.day_len[k] - clock
    else:  # at or before the year's first opening: the previous year's last closing
        rest = dt.timedelta(0)
        while k < 0:
            year, segment = year_before(
                index, year, first, a,
                what="counting working days back", missing="the calendar has no working day",
            )
            k = len(segment.day_cum) - 1
    m = k - count
    while m < 0:
        what = f"going back {count} working days"
        year, segment = year_before(index, year, first, a, what=what, missing=None)
        m += len(segment.day_cum)
    target = segment.day_cum[m] + segment.day_len[m] - min(rest, segment.day_len[m])
    while target >= segment.total:
        # A year's last closing: report the latest equivalent instant, the next opening.
        year += 1
        segment = index.year(year)
        target = dt.timedelta(0)
    return check_result(latest_at(segment, target), a, "counting working days back")


def _check_horizon(year: int, limit: int, start: dt.datetime) -> None:
    if year > limit:
        raise NeverOpenError(
            f"the calendar has no working day within {HORIZON_YEARS} years of "
            f"{start.isoformat()}; check its hours and closed dates"
        )
