"""A slow, obviously correct business clock, to check the fast one against.

Everything here follows semantics.md word for word, with no cleverness:

* which wall-clock intervals a local date opens is read from the calendar's plain data
  (weekly hours, holidays straight from the ``holidays`` package, explicit dates);
* a boundary ``T`` on date ``D`` is found by scanning UTC minute by minute for the
  earliest instant whose local reading is at or after ``D T`` (the scan starts early
  enough that every earlier instant reads before it);
* ``between`` sums the overlaps of ``[a, b)`` with every interval, day by day;
* ``add`` walks the intervals forward from ``a``, spending the duration;
* ``add_days`` enumerates working days one date at a time;
* backward, ``subtract`` walks the intervals back from ``t``, ``previous_closing``
  takes the latest interval end that no interval starts at, and ``subtract_days``
  enumerates working days back one date at a time.

It is slow (milliseconds a day), which is why the library does not work this way.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import attrs
import holidays

UTC = dt.UTC
MINUTE = dt.timedelta(minutes=1)
Hours = tuple[tuple[tuple[int, int], ...], ...]  # per weekday, (start, end) minutes


@attrs.frozen
class Spec:
    """A calendar as plain data: what the library's ``sla.calendar`` is built from."""

    timezone: str
    week: Hours
    country: str | None = None
    subdiv: str | None = None
    closed: frozenset[dt.date] = frozenset()
    open: frozenset[dt.date] = frozenset()

    def hours_text(self) -> str:
        names = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
        groups = []
        for day, ranges in enumerate(self.week):
            if ranges:
                text = ",".join(
                    f"{s // 60:02d}:{s % 60:02d}-{e // 60:02d}:{e % 60:02d}" for s, e in ranges
                )
                groups.append(f"{names[day]} {text}")
        return "; ".join(groups)


@functools.cache
def _holiday_dates(country: str, subdiv: str | None, year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays(country, subdiv=subdiv, years=year))


@functools.cache
def _workdays(country: str, subdiv: str | None, year: int) -> frozenset[dt.date]:
    table = holidays.country_holidays(country, subdiv=subdiv, years=year)
    return frozenset(getattr(table, "weekend_workdays", set()))


def day_ranges(spec: Spec, day: dt.date) -> tuple[tuple[int, int], ...]:
    """The wall-clock ranges *day* opens, by the precedence written in docs/semantics.md."""
    own = spec.week[day.weekday()]
    monday = spec.week[0]
    if day in spec.open:
        return own or monday
    if day in spec.closed:
        return ()
    if spec.country:
        if day in _holiday_dates(spec.country, spec.subdiv, day.year):
            return ()
        if day in _workdays(spec.country, spec.subdiv, day.year):
            return own or monday
    return own


@functools.cache
def boundary(timezone: str, day: dt.date, minute: int) -> dt.datetime:
    """Earliest UTC instant whose reading is at or after ``day`` + ``minute`` (scan by minute)."""
    tz = ZoneInfo(timezone)
    target = dt.datetime(day.year, day.month, day.day) + dt.timedelta(minutes=minute)
    guess = target.replace(tzinfo=UTC)
    samples = [(guess + dt.timedelta(hours=h)).astimezone(tz).utcoffset() for h in range(-48, 49)]
    offsets = [o for o in samples if o is not None]
    u = guess - max(offsets) - dt.timedelta(hours=1)
    while u.astimezone(tz).replace(tzinfo=None) < target:
        u += MINUTE
    return u


def day_intervals(spec: Spec, day: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
    """The open intervals of *day* as UTC instants, empty ones dropped."""
    result = []
    for start, end in day_ranges(spec, day):
        lo, hi = boundary(spec.timezone, day, start), boundary(spec.timezone, day, end)
        if lo < hi:
            result.append((lo, hi))
    return result


def _local_date(spec: Spec, instant: dt.datetime) -> dt.date:
    return instant.astimezone(ZoneInfo(spec.timezone)).date()


def intervals_from(spec: Spec, start: dt.datetime) -> Iterator[tuple[dt.datetime, dt.datetime]]:
    """Every interval of every day from the day before *start*'s local date onwards."""
    day = _local_date(spec, start) - dt.timedelta(days=1)
    while True:
        yield from day_intervals(spec, day)
        day += dt.timedelta(days=1)


def between(spec: Spec, a: dt.datetime, b: dt.datetime) -> dt.timedelta:
    # All arithmetic in UTC: aware arithmetic within one zone is wall-clock arithmetic.
    a, b = a.astimezone(UTC), b.astimezone(UTC)
    if b < a:
        return -between(spec, b, a)
    total = dt.timedelta(0)
    for lo, hi in intervals_from(spec, a):
        if lo >= b:
            break
        overlap = min(hi, b) - max(lo, a)
        if overlap > dt.timedelta(0):
            total += overlap
    return total


def add(spec: Spec, a: dt.datetime, duration: dt.timedelta) -> dt.datetime:
    tz = ZoneInfo(spec.timezone)
    a = a.astimezone(UTC)
    if duration == dt.timedelta(0):
        return a.astimezone(tz)
    left = duration
    for lo, hi in intervals_from(spec, a):
        if hi <= a:
            continue
        begin = max(lo, a)
        if left <= hi - begin:
            return (begin + left).astimezone(tz)
        left -= hi - begin
    raise AssertionError("unreachable")


def is_open(spec: Spec, instant: dt.datetime) -> bool:
    instant = instant.astimezone(UTC)
    for lo, hi in intervals_from(spec, instant):
        if lo > instant:
            return False
        if lo <= instant < hi:
            return True
    raise AssertionError("unreachable")


def add_days(spec: Spec, a: dt.datetime, n: int) -> dt.datetime:
    """semantics.md's business days, one date at a time."""
    tz = ZoneInfo(spec.timezone)
    a = a.astimezone(UTC)
    if n == 0:
        return a.astimezone(tz)
    day = _local_date(spec, a) - dt.timedelta(days=1)
    # Find working day k holding the clock (a snapped to the next opening) and offset o.
    while True:
        spans = day_intervals(spec, day)
        if spans and spans[-1][1] > a:
            clock = max(a, spans[0][0])
            for lo, hi in spans:
                if hi > clock:
                    clock = max(clock, lo)
                    break
            offset = sum((min(hi, clock) - lo for lo, hi in spans if lo < clock), dt.timedelta(0))
            break
        day += dt.timedelta(days=1)
    count = 0
    while count < n:
        day += dt.timedelta(days=1)
        if day_intervals(spec, day):
            count += 1
    spans = day_intervals(spec, day)
    length = sum((hi - lo for lo, hi in spans), dt.timedelta(0))
    left = min(offset, length)
    if left == dt.timedelta(0):
        previous = day - dt.timedelta(days=1)
        while not day_intervals(spec, previous):
            previous -= dt.timedelta(days=1)
        return day_intervals(spec, previous)[-1][1].astimezone(tz)
    for lo, hi in spans:
        if left <= hi - lo:
            return (lo + left).astimezone(tz)
        left -= hi - lo
    raise AssertionError("unreachable")


# --- Backward operations (semantics.md, "Going backward"), just as plainly -------------


def intervals_before(spec: Spec, end: dt.datetime) -> Iterator[tuple[dt.datetime, dt.datetime]]:
    """Every interval of every day from the day after *end*'s local date backwards,
    latest first."""
    day = _local_date(spec, end) + dt.timedelta(days=1)
    while True:
        yield from reversed(day_intervals(spec, day))
        day -= dt.timedelta(days=1)


def subtract(spec: Spec, t: dt.datetime, duration: dt.timedelta) -> dt.datetime:
    """The latest ``s <= t`` with ``between(s, t) == duration``: walk the intervals back."""
    tz = ZoneInfo(spec.timezone)
    t = t.astimezone(UTC)
    if duration == dt.timedelta(0):
        return t.astimezone(tz)
    left = duration
    for lo, hi in intervals_before(spec, t):
        if lo >= t:
            continue
        end = min(hi, t)
        if left <= end - lo:
            return (end - left).astimezone(tz)
        left -= end - lo
    raise AssertionError("unreachable")


def previous_closing(spec: Spec, t: dt.datetime, days: int = 120) -> dt.datetime | None:
    """The latest interval end ``<= t`` at which the calendar is closed; None if there is
    none within *days* days before *t*."""
    tz = ZoneInfo(spec.timezone)
    t = t.astimezone(UTC)
    later: dt.datetime | None = None  # the start of the interval after this one
    for lo, hi in intervals_before(spec, t):
        if hi < t - dt.timedelta(days=days):
            return None
        if hi <= t and (later is None or later > hi):  # closed at hi: nothing starts there
            return hi.astimezone(tz)
        later = lo
    raise AssertionError("unreachable")


def _working_day_before(spec: Spec, day: dt.date) -> dt.date:
    day -= dt.timedelta(days=1)
    while not day_intervals(spec, day):
        day -= dt.timedelta(days=1)
    return day


def _working_day_after(spec: Spec, day: dt.date) -> dt.date:
    day += dt.timedelta(days=1)
    while not day_intervals(spec, day):
        day += dt.timedelta(days=1)
    return day


def subtract_days(spec: Spec, a: dt.datetime, m: int) -> dt.datetime:
    """``add_business_days(cal, a, -m)`` as semantics.md words it, one date at a time."""
    tz = ZoneInfo(spec.timezone)
    a = a.astimezone(UTC)
    if m == 0:
        return a.astimezone(tz)
    # The clock: a itself when strictly inside an interval, else the previous closing
    # (the earliest instant with the same business offset).
    inside = any(lo < a < hi for lo, hi in intervals_around(spec, a))
    clock = a
    if not inside:
        clock = next(hi for lo, hi in intervals_before(spec, a) if hi <= a)
    # Working day k: the date with an interval lo < clock <= hi; rest = open time after.
    day = _local_date(spec, clock) + dt.timedelta(days=1)
    while not any(lo < clock <= hi for lo, hi in day_intervals(spec, day)):
        day -= dt.timedelta(days=1)
    rest = sum(
        (hi - max(lo, clock) for lo, hi in day_intervals(spec, day) if hi > clock),
        dt.timedelta(0),
    )
    for _ in range(m):
        day = _working_day_before(spec, day)
    spans = day_intervals(spec, day)
    length = sum((hi - lo for lo, hi in spans), dt.timedelta(0))
    left = min(rest, length)
    if left == dt.timedelta(0):
        return day_intervals(spec, _working_day_after(spec, day))[0][0].astimezone(tz)
    for lo, hi in reversed(spans):
        if left <= hi - lo:
            return (hi - left).astimezone(tz)
        left -= hi - lo
    raise AssertionError("unreachable")


def intervals_around(spec: Spec, instant: dt.datetime) -> list[tuple[dt.datetime, dt.datetime]]:
    """The intervals of the local dates around *instant* (the day before to the day after)."""
    day = _local_date(spec, instant)
    return [iv for d in (-1, 0, 1) for iv in day_intervals(spec, day + dt.timedelta(days=d))]
