"""The per-year index behind the business clock.

For each local calendar year the index holds the open intervals as UTC instants
(adjacent ones merged), their cumulative open time, and the working dates with the
cumulative offset of their first opening. Every clock query is then a couple of
bisections in one or two years, so its cost does not grow with the span: adding one
hour or two years costs about the same.

Wall-clock boundaries become instants by the rule of semantics.md: a boundary ``T`` on
local date ``D`` is the earliest instant whose wall-clock reading on ``D`` is at or
after ``T``. A ``T`` inside a DST gap is the gap's end, an ambiguous ``T`` its first
occurrence, and ``24:00`` the first instant of ``D + 1``. A night shift's end (minute
``1440 + T``) is the boundary ``T`` on ``D + 1``.

A local year's segment runs from its first instant (local midnight of 1 January) to the
next year's, except that a night shift starting on 31 December belongs wholly to the
year it starts in: the next year's segment then begins where that shift ends. So every
segment holds whole shifts, and the first opening of a segment is its first working
date's first opening.

Calendars built from other calendars (unions, intersections) have their segments built
from the parts' UTC intervals (:meth:`YearIndex.combined`), grouped into local years and
dates of the result's timezone.

Years are built lazily under a lock, at most ``MAX_YEARS_KEPT`` per index
(:mod:`supportpolicy.sla._years`: the memory bound).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from supportpolicy import _limits
from supportpolicy.errors import InvalidValueError
from supportpolicy.sla._years import MAX_YEAR, MAX_YEARS_KEPT, MIN_YEAR, YearCache

__all__ = [
    "BEYOND_HORIZON",
    "HORIZON_YEARS",
    "MAX_YEAR",
    "MAX_YEARS_KEPT",
    "MIN_YEAR",
    "UTC",
    "Segment",
    "YearIndex",
    "check_work",
    "instant_at",
    "wall_to_utc",
    "work",
]

UTC = dt.UTC
HORIZON_YEARS = 200
"""How many years a search for open time may look ahead before it gives up."""
BEYOND_HORIZON = dt.timedelta(days=367 * (HORIZON_YEARS + 2))
"""More open time than the years a search looks at can hold on any calendar (a local
year lasts at most 366 days and an offset change): a target beyond it fails at once."""
_ZERO = dt.timedelta(0)
_DAY = dt.timedelta(days=1)

Interval = tuple[int, int]
"""Wall-clock ``[start, end)`` in minutes after midnight of the day it starts.

``end`` may be 1440 (24:00), or more for a night shift: ``22:00-06:00`` is
``(1320, 1800)``, ending at 06:00 of the next day. ``end - start`` is below 1440 for a
night shift, and never above it.
"""


def wall_to_utc(tz: dt.tzinfo, day: dt.date, minute: int) -> dt.datetime:
    """The earliest UTC instant whose wall-clock reading on *day* is at or after *minute*."""
    local = dt.datetime(day.year, day.month, day.day) + dt.timedelta(minutes=minute)
    first = local.replace(tzinfo=tz).astimezone(UTC)
    if first.astimezone(tz).replace(tzinfo=None) == local:
        return first  # exists; fold=0 is the first occurrence of an ambiguous time
    # Inside a gap: fold=0 reads with the offset before the transition (later instant),
    # fold=1 with the offset after it (earlier instant). The transition lies between;
    # find it to the second by bisection (transitions fall on whole seconds).
    late = first
    early = local.replace(tzinfo=tz, fold=1).astimezone(UTC)
    if early > late:
        early, late = late, early
    after = late.astimezone(tz).utcoffset()
    lo, hi = 0, int((late - early).total_seconds())
    while lo < hi:
        mid = (lo + hi) // 2
        if (early + dt.timedelta(seconds=mid)).astimezone(tz).utcoffset() == after:
            hi = mid
        else:
            lo = mid + 1
    return early + dt.timedelta(seconds=lo)


class Segment:
    """One local year's open time, as sorted UTC intervals with cumulative sums.

    ``cum[i]`` is the open time from ``lo`` to ``starts[i]``; ``cum[-1]`` the year's
    total. ``day_cum[k]`` is the open time before working date ``k``'s first opening,
    ``day_len[k]`` that date's open time, and ``day_first[k]`` its first opening.
    """

    __slots__ = ("cum", "day_cum", "day_first", "day_len", "ends", "hi", "lo", "starts", "total")

    def __init__(
        self, tz: dt.tzinfo, year: int, day_hours: Callable[[dt.date], tuple[Interval, ...]]
    ):
        self.lo = year_start(tz, year, day_hours)
        self.hi = year_start(tz, year + 1, day_hours)
        starts: list[dt.datetime] = []
        ends: list[dt.datetime] = []
        cum: list[dt.timedelta] = [_ZERO]
        day_cum: list[dt.timedelta] = []
        day_len: list[dt.timedelta] = []
        day_first: list[dt.datetime] = []
        day = dt.date(year, 1, 1)
        while day.year == year:
            before = cum[-1] + (ends[-1] - starts[-1] if starts else _ZERO)
            opened: dt.datetime | None = None
            for start_minute, end_minute in day_hours(day):
                # Time already open (the previous date's night shift, or before the
                # year's start) stays with the shift it belongs to.
                start = max(wall_to_utc(tz, day, start_minute), ends[-1] if ends else self.lo)
                end = wall_to_utc(tz, day, end_minute)
                if end <= start:
                    continue  # the whole interval fell into a DST gap, or was open already
                if opened is None:
                    opened = start
                if starts and ends[-1] >= start:
                    ends[-1] = max(ends[-1], end)
                else:
                    if starts:
                        cum.append(cum[-1] + (ends[-1] - starts[-1]))
                    starts.append(start)
                    ends.append(end)
            if opened is not None:
                after = cum[-1] + (ends[-1] - starts[-1])
                day_cum.append(before)
                day_len.append(after - before)
                day_first.append(opened)
            day += _DAY
        if starts:
            cum.append(cum[-1] + (ends[-1] - starts[-1]))
        self.starts, self.ends, self.cum = starts, ends, cum
        self.day_cum, self.day_len, self.day_first = day_cum, day_len, day_first
        self.total = cum[-1]

    @classmethod
    def from_intervals(
        cls,
        lo: dt.datetime,
        hi: dt.datetime,
        intervals: list[tuple[dt.datetime, dt.datetime]],
        midnights: list[dt.datetime],
    ) -> Segment:
        """A segment of sorted, disjoint, non-touching UTC *intervals* within ``[lo, hi)``.

        *midnights* are the first instants of the local dates, in order, from the one
        holding *lo* to the one after *hi*; a working date is a date with open time.
        """
        self = cls.__new__(cls)
        self.lo, self.hi = lo, hi
        self.starts = [start for start, _ in intervals]
        self.ends = [end for _, end in intervals]
        cum = [_ZERO]
        for start, end in intervals:
            cum.append(cum[-1] + (end - start))
        self.cum, self.total = cum, cum[-1]
        day_cum: list[dt.timedelta] = []
        day_len: list[dt.timedelta] = []
        day_first: list[dt.datetime] = []
        k, last = 0, -1
        for i, (start, end) in enumerate(intervals):
            piece = start
            while piece < end:
                while midnights[k + 1] <= piece:
                    k += 1
                stop = min(end, midnights[k + 1])
                if k != last:
                    day_cum.append(cum[i] + (piece - start))
                    day_len.append(_ZERO)
                    day_first.append(piece)
                    last = k
                day_len[-1] += stop - piece
                piece = stop
        self.day_cum, self.day_len, self.day_first = day_cum, day_len, day_first
        return self

    def offset(self, instant: dt.datetime) -> dt.timedelta:
        """Open time from the year's start to *instant* (UTC, inside the year)."""
        i = bisect_right(self.starts, instant) - 1
        if i < 0:
            return _ZERO
        end = self.ends[i]
        if instant < end:
            return self.cum[i] + (instant - self.starts[i])
        return self.cum[i] + (end - self.starts[i])


def year_start(
    tz: dt.tzinfo, year: int, day_hours: Callable[[dt.date], tuple[Interval, ...]]
) -> dt.datetime:
    """Where local *year*'s segment begins: 1 January 00:00, or the end of a night shift
    that starts on the 31 December before and runs past it."""
    start = wall_to_utc(tz, dt.date(year, 1, 1), 0)
    eve = dt.date(year - 1, 12, 31)
    for _, end_minute in day_hours(eve):
        if end_minute > 1440:
            start = max(start, wall_to_utc(tz, eve, end_minute))
    return start


class YearIndex(YearCache[Segment]):
    """Lazily built :class:`Segment` per local year (``year(y)``), at most
    :data:`~supportpolicy.sla._years.MAX_YEARS_KEPT` of them; thread-safe."""

    __slots__ = ("_day_hours", "tz")

    def __init__(self, tz: dt.tzinfo, day_hours: Callable[[dt.date], tuple[Interval, ...]]):
        super().__init__(lambda year: Segment(tz, year, day_hours))
        self.tz = tz
        self._day_hours = day_hours

    @classmethod
    def combined(cls, tz: dt.tzinfo, parts: tuple[YearIndex, ...], every: bool) -> YearIndex:
        """The index of the union (*every* false) or intersection (*every* true) of
        *parts*, in timezone *tz*: its years and working dates are those of *tz*."""
        index = cls(tz, _closed)
        index._build = lambda year: combined_segment(tz, parts, every, year)
        return index

    def sketch(self, year: int) -> tuple[dt.timedelta, int, int]:
        """Open time, work (see :func:`work`) and working days of local *year*, estimated
        from its wall-clock hours alone (DST ignored) without building the year: the
        up-front estimate of a large query's work. Never on the hot path."""
        minutes = count = days = 0
        day = dt.date(year, 1, 1)
        while day.year == year:
            hours = self._day_hours(day)
            if hours:
                days += 1
                count += len(hours)
                minutes += sum(end - start for start, end in hours)
            day += _DAY
        return dt.timedelta(minutes=minutes), count + days + 1, days

    def locate(self, instant: dt.datetime) -> tuple[int, Segment]:
        """The local year holding UTC *instant*, and its segment.

        Near the ends the UTC year may lie outside the clock's years while the local one
        does not (2401-01-01 05:00 UTC is still 2400 in New York), so the search starts
        inside; an instant whose local year is outside is refused, naming it.
        """
        year = min(max(instant.year, MIN_YEAR), MAX_YEAR)
        segment = self.year(year)
        if instant < segment.lo:
            year -= 1
        elif instant >= segment.hi and not (year == MAX_YEAR and instant == segment.hi):
            year += 1
        else:
            return year, segment
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise InvalidValueError(
                f"instant {instant.isoformat()} lies in the local year {year} of {self.tz}; "
                f"accepted: instants from {_limits.CLOCK_RANGE_TEXT}"
            )
        return year, self.year(year)


def _closed(day: dt.date) -> tuple[Interval, ...]:
    return ()


def clipped(
    index: YearIndex, lo: dt.datetime, hi: dt.datetime
) -> list[tuple[dt.datetime, dt.datetime]]:
    """The open UTC intervals of *index* clipped to ``[lo, hi)``, touching ones merged."""
    if lo.year <= MIN_YEAR:  # nothing is open before the first year the clock covers
        year, segment = MIN_YEAR, index.year(MIN_YEAR)
    else:
        year, segment = index.locate(lo)
    result: list[tuple[dt.datetime, dt.datetime]] = []
    i = max(bisect_right(segment.starts, lo) - 1, 0)
    while segment.lo < hi:
        while i < len(segment.starts) and segment.starts[i] < hi:
            start, end = max(segment.starts[i], lo), min(segment.ends[i], hi)
            if start < end:
                if result and result[-1][1] >= start:
                    result[-1] = (result[-1][0], max(result[-1][1], end))
                else:
                    result.append((start, end))
            i += 1
        year += 1
        if year > MAX_YEAR:
            break
        segment, i = index.year(year), 0
    return result


def _merge(
    parts: list[list[tuple[dt.datetime, dt.datetime]]], every: bool
) -> list[tuple[dt.datetime, dt.datetime]]:
    """Union (or, *every*, intersection) of sorted disjoint interval lists, by a sweep."""
    events: list[tuple[dt.datetime, int]] = []
    for intervals in parts:
        for start, end in intervals:
            events.append((start, 1))
            events.append((end, -1))
    events.sort(key=lambda item: (item[0], item[1]))  # closings before openings
    need = len(parts) if every else 1
    result: list[tuple[dt.datetime, dt.datetime]] = []
    depth, opened = 0, None
    for at, step in events:
        before = depth
        depth += step
        if before < need <= depth:
            opened = at
        elif depth < need <= before and opened is not None:
            if opened < at:
                if result and result[-1][1] == opened:
                    result[-1] = (result[-1][0], at)
                else:
                    result.append((opened, at))
            opened = None
    return result


def combined_segment(
    tz: dt.tzinfo, parts: tuple[YearIndex, ...], every: bool, year: int
) -> Segment:
    """The segment of local *year* (in *tz*) of the union or intersection of *parts*."""
    first = dt.date(year, 1, 1)
    lo, hi = wall_to_utc(tz, first, 0), wall_to_utc(tz, dt.date(year + 1, 1, 1), 0)
    intervals = _merge([clipped(part, lo, hi) for part in parts], every)
    midnights = [lo]
    day = first
    while midnights[-1] < hi:
        day += _DAY
        midnights.append(wall_to_utc(tz, day, 0))
    midnights.append(midnights[-1] + _DAY)
    return Segment.from_intervals(lo, hi, intervals, midnights)


def work(segment: Segment) -> int:
    """The work a query spends stepping through *segment*'s year (the unit of
    ``_limits.MAX_QUERY_WORK``): its open intervals and working days, plus one."""
    return len(segment.starts) + len(segment.day_cum) + 1


SKETCH_DURATION = dt.timedelta(days=600)
"""Durations above this may exceed ``MAX_QUERY_WORK`` (at one interval a minute); only
they pay for the up-front estimate."""
SKETCH_DAYS = 366
"""Counts of business days above this are estimated up front."""


def check_work(
    spent: int, more_years: int, per_year: Segment | int, subject: str = "this query"
) -> None:
    """Refuse a query whose work so far plus *more_years* further years of *per_year*
    work (a segment's, or a sketch's) would exceed ``_limits.MAX_QUERY_WORK``, before
    those years are built."""
    estimate = spent + more_years * (per_year if isinstance(per_year, int) else work(per_year))
    if estimate > _limits.MAX_QUERY_WORK:
        raise InvalidValueError(
            f"{subject} would make the clock step through about {more_years} more years "
            f"({estimate} open intervals and working days), more than the limit of "
            f"{_limits.MAX_QUERY_WORK} per query (MAX_QUERY_WORK) on this calendar; "
            "accepted: a shorter duration, count or span"
        )


def instant_at(segment: Segment, target: dt.timedelta) -> dt.datetime:
    """Earliest instant of *segment* with open time *target* (0 < target <= total) before it."""
    j = bisect_left(segment.cum, target) - 1
    return segment.starts[j] + (target - segment.cum[j])
