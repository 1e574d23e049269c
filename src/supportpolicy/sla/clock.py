"""The business clock: open time between instants, and instants after open time.

Definitions (semantics.md):

* ``business_time_between(cal, a, b)`` is the measure of open time in ``[a, b)``, exact
  to the microsecond, and ``-business_time_between(cal, b, a)`` when ``b < a``.
* ``add_business_time(cal, a, d)`` for ``d >= 0`` is the earliest instant ``t >= a``
  with ``business_time_between(cal, a, t) == d``. So a start outside hours starts the
  clock at the next opening, a result landing exactly on a closing is that closing
  (18:00, not the next morning), and ``add_business_time(cal, a, 0) == a``.
* ``subtract_business_time(cal, t, d)`` for ``d >= 0`` is the latest instant ``s <= t``
  with ``business_time_between(cal, s, t) == d``: the mirror image, so a result landing
  on an opening's eve is that opening (10:00, not the previous evening), and
  ``subtract_business_time(cal, t, 0) == t``.
* ``previous_closing(cal, t)`` is ``t`` if an open interval ends exactly at ``t``, else
  the end of the last open interval that ends before ``t``.

Business time is real elapsed time: a 24x7 day with a spring-forward transition holds
23 hours. Every function takes aware datetimes (naive ones are refused) and returns
instants in the calendar's timezone. Each query is a few bisections in the per-year
index (:mod:`supportpolicy.sla._index`), so its cost does not depend on the span.

>>> import datetime as dt
>>> from zoneinfo import ZoneInfo
>>> from supportpolicy import sla
>>> cal = sla.calendar("Europe/Moscow", "Mon-Fri 10:00-18:00", country="RU")
>>> friday = dt.datetime(2026, 11, 20, 17, 0, tzinfo=ZoneInfo("Europe/Moscow"))
>>> sla.add_business_time(cal, friday, dt.timedelta(hours=1)).isoformat()
'2026-11-20T18:00:00+03:00'
>>> sla.add_business_time(cal, friday, dt.timedelta(hours=2)).isoformat()
'2026-11-23T11:00:00+03:00'
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterator

from supportpolicy import _coerce
from supportpolicy.errors import NeverOpenError
from supportpolicy.sla._backward import check_result, latest_at, year_before
from supportpolicy.sla._index import (
    BEYOND_HORIZON,
    HORIZON_YEARS,
    SKETCH_DURATION,
    YearIndex,
    check_work,
    instant_at,
    work,
)
from supportpolicy.sla._instants import utc_instant
from supportpolicy.sla.calendars import Calendar, index_of

__all__ = [
    "add_business_time",
    "business_time_between",
    "is_open",
    "next_opening",
    "open_intervals",
    "previous_closing",
    "subtract_business_time",
]

_ZERO = dt.timedelta(0)


def _at_offset(
    index: YearIndex, year: int, target: dt.timedelta, start: dt.datetime
) -> dt.datetime:
    """Earliest instant at open-time *target* counted from the start of *year* (> 0)."""
    segment = index.year(year)
    limit = year + HORIZON_YEARS
    spent = 0
    while target > segment.total:
        if target > BEYOND_HORIZON:  # more open time than any calendar's look-ahead holds
            raise _beyond(start)
        spent += work(segment)
        check_work(spent, target // segment.total if segment.total else 1, segment)
        target -= segment.total
        year += 1
        if year > limit:
            raise _beyond(start)
        segment = index.year(year)
    return instant_at(segment, target)


def _beyond(start: dt.datetime) -> NeverOpenError:
    return NeverOpenError(
        f"the result lies more than {HORIZON_YEARS} years after {start.isoformat()}, "
        f"further than the clock looks ahead; give a shorter duration, or check the "
        "calendar's hours and closed dates"
    )


def _checked_is_zero(index: YearIndex, at: dt.datetime, duration: dt.timedelta) -> bool:
    """Check *duration* for an add or subtract from *at*; true when it is zero (then
    *at*, the result, is located too: it must lie in the clock's years, as every
    instant the clock returns).

    A plain timedelta within the sketch bound is cheap and passes at once; any other
    value goes through :func:`supportpolicy._coerce.duration` and the work limit (the
    open years it would need, from the index's sketch of *at*'s year).
    """
    if type(duration) is dt.timedelta and _ZERO < duration <= SKETCH_DURATION:
        return False
    if _coerce.duration(duration, "duration") == _ZERO:
        index.locate(at)
        return True
    open_time, per_year, _ = index.sketch(at.year)
    if open_time:
        check_work(0, duration // open_time, per_year, f"duration {duration}")
    return False


def add_business_time(cal: Calendar, start: dt.datetime, duration: dt.timedelta) -> dt.datetime:
    """The earliest ``t >= start`` with ``business_time_between(cal, start, t) == duration``.

    A negative *duration* is refused. The result is in the calendar's timezone.
    """
    index = index_of(cal)
    a = utc_instant(start, "start")
    if _checked_is_zero(index, a, duration):
        return a.astimezone(index.tz)
    year, segment = index.locate(a)
    return _at_offset(index, year, segment.offset(a) + duration, a).astimezone(index.tz)


def business_time_between(cal: Calendar, a: dt.datetime, b: dt.datetime) -> dt.timedelta:
    """The open time in ``[a, b)``; negative (``-between(b, a)``) when ``b < a``."""
    index = index_of(cal)
    ua, ub = utc_instant(a, "a"), utc_instant(b, "b")
    if abs(ub.year - ua.year) > 2:
        years = abs(ub.year - ua.year)
        span = f"the span from {min(ua, ub).isoformat()} to {max(ua, ub).isoformat()}"
        check_work(0, years, index.sketch(min(ua, ub).year)[1], span)
    if ub < ua:
        return -_between(index, ub, ua)
    return _between(index, ua, ub)


def _between(index: YearIndex, a: dt.datetime, b: dt.datetime) -> dt.timedelta:
    year_a, seg_a = index.locate(a)
    year_b, seg_b = index.locate(b)
    if year_a == year_b:
        return seg_b.offset(b) - seg_a.offset(a)
    total = seg_a.total - seg_a.offset(a) + seg_b.offset(b)
    spent = work(seg_a) + work(seg_b)
    check_work(spent, year_b - year_a - 1, seg_a)
    for year in range(year_a + 1, year_b):
        segment = index.year(year)
        spent += work(segment)
        check_work(spent, 0, segment)
        total += segment.total
    return total


def is_open(cal: Calendar, instant: dt.datetime) -> bool:
    """Whether *cal* is open at *instant* (intervals are half-open: closed at 18:00)."""
    index = index_of(cal)
    u = utc_instant(instant, "instant")
    _, segment = index.locate(u)
    i = bisect_right(segment.starts, u) - 1
    return i >= 0 and u < segment.ends[i]


def next_opening(cal: Calendar, instant: dt.datetime) -> dt.datetime:
    """*instant* itself if *cal* is open then, else the next instant it opens."""
    index = index_of(cal)
    u = utc_instant(instant, "instant")
    year, segment = index.locate(u)
    i = bisect_right(segment.starts, u) - 1
    if i >= 0 and u < segment.ends[i]:
        return u.astimezone(index.tz)
    i += 1
    limit = year + HORIZON_YEARS
    while i >= len(segment.starts):
        year += 1
        if year > limit:
            raise NeverOpenError(
                f"the calendar does not open within {HORIZON_YEARS} years of "
                f"{u.isoformat()}; check its hours and closed dates"
            )
        segment, i = index.year(year), 0
    return segment.starts[i].astimezone(index.tz)


def open_intervals(
    cal: Calendar, start: dt.datetime, end: dt.datetime
) -> Iterator[tuple[dt.datetime, dt.datetime]]:
    """The open intervals of *cal* clipped to ``[start, end)``, in the calendar's timezone.

    Intervals that touch (such as midnight in a 24x7 week) come merged.
    """
    index = index_of(cal)
    a, b = utc_instant(start, "start"), utc_instant(end, "end")
    if b <= a:
        return iter(())
    return _intervals(index, a, b)


def _intervals(
    index: YearIndex, a: dt.datetime, b: dt.datetime
) -> Iterator[tuple[dt.datetime, dt.datetime]]:
    year, segment = index.locate(a)
    last_year, _ = index.locate(b)
    pending: tuple[dt.datetime, dt.datetime] | None = None
    i = max(bisect_right(segment.starts, a) - 1, 0)
    while year <= last_year:
        while i < len(segment.starts) and segment.starts[i] < b:
            lo, hi = max(segment.starts[i], a), min(segment.ends[i], b)
            if lo < hi:
                if pending and pending[1] == lo:
                    pending = (pending[0], hi)
                else:
                    if pending:
                        yield pending[0].astimezone(index.tz), pending[1].astimezone(index.tz)
                    pending = (lo, hi)
            i += 1
        year += 1
        if year <= last_year:
            segment, i = index.year(year), 0
    if pending:
        yield pending[0].astimezone(index.tz), pending[1].astimezone(index.tz)


def subtract_business_time(cal: Calendar, end: dt.datetime, duration: dt.timedelta) -> dt.datetime:
    """The latest ``s <= end`` with ``business_time_between(cal, s, end) == duration``.

    A negative *duration* is refused; subtracting zero returns *end*. The result is in
    the calendar's timezone.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> from supportpolicy import sla
    >>> cal = sla.calendar("Europe/Moscow", "Mon-Fri 10:00-18:00")
    >>> monday = dt.datetime(2026, 11, 23, 11, 0, tzinfo=ZoneInfo("Europe/Moscow"))
    >>> sla.subtract_business_time(cal, monday, dt.timedelta(hours=2)).isoformat()
    '2026-11-20T17:00:00+03:00'
    >>> sla.subtract_business_time(cal, monday, dt.timedelta(hours=1)).isoformat()
    '2026-11-23T10:00:00+03:00'
    """
    index = index_of(cal)
    t = utc_instant(end, "end")
    if _checked_is_zero(index, t, duration):
        return t.astimezone(index.tz)
    year, segment = index.locate(t)
    first, seen = year, segment.offset(t)
    target = seen - duration
    while target < _ZERO:
        # Earlier years: each gives its whole open time, until one holds the target.
        missing = None if seen > _ZERO else "the calendar has no open time"
        what = f"subtracting {duration} of business time"
        year, segment = year_before(index, year, first, t, what=what, missing=missing)
        seen += segment.total
        target += segment.total
    result = check_result(latest_at(segment, target), t, "subtracting business time")
    return result.astimezone(index.tz)


def previous_closing(cal: Calendar, instant: dt.datetime) -> dt.datetime:
    """*instant* itself if an open interval of *cal* ends exactly then, else the last
    instant before it at which *cal* closes (inside an open interval: the end of the
    interval before it).

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> from supportpolicy import sla
    >>> cal = sla.calendar("Europe/Moscow", "Mon-Fri 10:00-18:00")
    >>> msk = ZoneInfo("Europe/Moscow")
    >>> sla.previous_closing(cal, dt.datetime(2026, 11, 23, 11, 0, tzinfo=msk)).isoformat()
    '2026-11-20T18:00:00+03:00'
    >>> sla.previous_closing(cal, dt.datetime(2026, 11, 23, 18, 0, tzinfo=msk)).isoformat()
    '2026-11-23T18:00:00+03:00'
    """
    index = index_of(cal)
    u = utc_instant(instant, "instant")
    year, segment = index.locate(u)
    first = year
    j = bisect_right(segment.ends, u) - 1
    while True:
        while j < 0:
            year, segment = year_before(
                index, year, first, u,
                what="looking for a closing", missing="the calendar does not close",
            )
            j = len(segment.ends) - 1
        closing = segment.ends[j]
        # Inside a year adjacent intervals are merged; a year's last end may continue
        # into the next year's first interval (24x7 over New Year), so it is no closing.
        if j < len(segment.ends) - 1 or not _open_at(index, closing):
            return check_result(closing, u, "looking for a closing").astimezone(index.tz)
        j -= 1


def _open_at(index: YearIndex, u: dt.datetime) -> bool:
    _, segment = index.locate(u)
    i = bisect_right(segment.starts, u) - 1
    return i >= 0 and u < segment.ends[i]
