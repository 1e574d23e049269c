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
import itertools
from collections.abc import Callable, Iterator
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
    hours_on: tuple[tuple[dt.date, tuple[tuple[int, int], ...]], ...] = ()
    shorten: int = 0  # minutes cut from the working date before a public holiday

    def hours_text(self) -> str:
        names = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
        groups = []
        for day, ranges in enumerate(self.week):
            if ranges:
                groups.append(f"{names[day]} {ranges_text(ranges)}")
        return "; ".join(groups)


def ranges_text(ranges: tuple[tuple[int, int], ...]) -> str:
    """``22:00-06:00`` for a night shift (end read on the next day)."""
    return ",".join(
        f"{s // 60:02d}:{s % 60:02d}-{(e % 1440 if e > 1440 else e) // 60:02d}:{e % 60:02d}"
        for s, e in ranges
    )


@functools.cache
def _holiday_dates(country: str, subdiv: str | None, year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays(country, subdiv=subdiv, years=year))


@functools.cache
def _workdays(country: str, subdiv: str | None, year: int) -> frozenset[dt.date]:
    table = holidays.country_holidays(country, subdiv=subdiv, years=year)
    return frozenset(getattr(table, "weekend_workdays", set()))


@functools.cache
def _proper_holidays(country: str, subdiv: str | None, year: int) -> frozenset[dt.date]:
    """Holidays without the substituted days off (named "Day off (substituted ...)")."""
    table = holidays.country_holidays(country, subdiv=subdiv, years=year, language="en_US")
    return frozenset(
        day
        for day in table
        if not all(name.startswith("Day off (substituted") for name in table.get_list(day))
    )


def day_ranges(spec: Spec, day: dt.date) -> tuple[tuple[int, int], ...]:
    """The wall-clock ranges *day* opens, by the precedence written in docs/semantics.md."""
    for dated, ranges in spec.hours_on:
        if dated == day:
            return ranges
    result = _week_rule(spec, day)
    nxt = day + dt.timedelta(days=1)
    if (
        result
        and spec.shorten
        and nxt in _proper_holidays(spec.country or "", spec.subdiv, nxt.year)
    ):
        # Cut the last minutes, one minute at a time.
        minutes = sorted(m for s, e in result for m in range(s, e))[: -spec.shorten]
        result = _runs(minutes)
    return result


def _runs(minutes: list[int]) -> tuple[tuple[int, int], ...]:
    runs: list[tuple[int, int]] = []
    for m in minutes:
        if runs and runs[-1][1] == m:
            runs[-1] = (runs[-1][0], m + 1)
        else:
            runs.append((m, m + 1))
    return tuple(runs)


def _week_rule(spec: Spec, day: dt.date) -> tuple[tuple[int, int], ...]:
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


def _raw_intervals(spec: Spec, day: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
    result = []
    for start, end in day_ranges(spec, day):
        # A night shift's end (minute > 1440) is read on the next date by boundary().
        lo, hi = boundary(spec.timezone, day, start), boundary(spec.timezone, day, end)
        if lo < hi:
            result.append((lo, hi))
    return result


def day_intervals(spec: Spec, day: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
    """The open intervals of the shifts of *day* as UTC instants, empty ones dropped.

    Time the previous date's night shift already holds stays with that shift.
    """
    before = _raw_intervals(spec, day - dt.timedelta(days=1))
    floor = max((hi for _, hi in before), default=None)
    result = []
    for raw_lo, hi in _raw_intervals(spec, day):
        lo = raw_lo if floor is None else max(raw_lo, floor)
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
    return add_days_on(spec.timezone, lambda day: day_intervals(spec, day), a, n)


def add_days_on(
    timezone: str,
    day_intervals: Callable[[dt.date], list[tuple[dt.datetime, dt.datetime]]],
    a: dt.datetime,
    n: int,
) -> dt.datetime:
    """Business days on any calendar given by its dates' open intervals."""
    tz = ZoneInfo(timezone)
    a = a.astimezone(UTC)
    if n == 0:
        return a.astimezone(tz)
    day = a.astimezone(tz).date() - dt.timedelta(days=1)
    # Find working day k holding the clock (a snapped to the next opening) and offset o.
    while True:
        spans = day_intervals(day)
        if spans and spans[-1][1] > a:
            clock = max(a, spans[0][0])
            for lo, hi in spans:
                if hi > clock:
                    clock = max(clock, lo)
                    break
            offset = sum((min(hi, clock) - lo for lo, hi in spans if lo < clock), dt.timedelta(0))
            break
        day += dt.timedelta(days=1)
        _not_too_far(day, a)
    count = 0
    while count < n:
        day += dt.timedelta(days=1)
        _not_too_far(day, a)
        if day_intervals(day):
            count += 1
    spans = day_intervals(day)
    length = sum((hi - lo for lo, hi in spans), dt.timedelta(0))
    left = min(offset, length)
    if left == dt.timedelta(0):
        previous = day - dt.timedelta(days=1)
        while not day_intervals(previous):
            previous -= dt.timedelta(days=1)
        return day_intervals(previous)[-1][1].astimezone(tz)
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

# --- unions and intersections ---------------------------------------------------------


@attrs.frozen
class Combo:
    """A union (``every`` false) or intersection of part specs, in *timezone*."""

    timezone: str
    parts: tuple[Spec, ...]
    every: bool


def _part_open(spec: Spec, instant: dt.datetime) -> bool:
    return is_open(spec, instant)


def combo_open(combo: Combo, instant: dt.datetime) -> bool:
    """Open exactly when any (every) part is, each asked by its own rule in its own zone."""
    answers = [_part_open(part, instant) for part in combo.parts]
    return all(answers) if combo.every else any(answers)


def combo_pieces(
    combo: Combo, lo: dt.datetime, hi: dt.datetime
) -> list[tuple[dt.datetime, dt.datetime]]:
    """The combination's open time in ``[lo, hi)``: every elementary piece between two
    consecutive boundaries of any part is open or closed as a whole; ask at its start."""
    lo, hi = lo.astimezone(UTC), hi.astimezone(UTC)
    points = {lo, hi}
    for part in combo.parts:
        for start, end in intervals_from(part, lo):
            if start >= hi:
                break
            points.update(p for p in (start, end) if lo < p < hi)
    ordered = sorted(points)
    result: list[tuple[dt.datetime, dt.datetime]] = []
    for start, end in itertools.pairwise(ordered):
        if combo_open(combo, start):
            if result and result[-1][1] == start:
                result[-1] = (result[-1][0], end)
            else:
                result.append((start, end))
    return result


def combo_between(combo: Combo, a: dt.datetime, b: dt.datetime) -> dt.timedelta:
    # In UTC: two datetimes of one zone compare by wall clock, ignoring fold.
    a, b = a.astimezone(UTC), b.astimezone(UTC)
    if b < a:
        return -combo_between(combo, b, a)
    return sum((end - start for start, end in combo_pieces(combo, a, b)), dt.timedelta(0))


def combo_add(combo: Combo, a: dt.datetime, duration: dt.timedelta) -> dt.datetime:
    tz = ZoneInfo(combo.timezone)
    a = a.astimezone(UTC)
    left, lo = duration, a
    if duration == dt.timedelta(0):
        return a.astimezone(tz)
    for _ in range(MAX_WEEKS):
        hi = lo + dt.timedelta(days=7)
        for start, end in combo_pieces(combo, lo, hi):
            if left <= end - start:
                return (start + left).astimezone(tz)
            left -= end - start
        lo = hi
    raise TooFar(f"no result within {MAX_WEEKS} weeks")


MAX_WEEKS = 8


class TooFar(Exception):
    """The reference gives up: the combination opens too rarely to scan for it."""


def combo_day(combo: Combo, day: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
    """The open time of local *day* of the combination's zone."""
    start = boundary(combo.timezone, day, 0)
    end = boundary(combo.timezone, day + dt.timedelta(days=1), 0)
    return combo_pieces(combo, start, end)


def combo_add_days(combo: Combo, a: dt.datetime, n: int) -> dt.datetime:
    return add_days_on(combo.timezone, lambda day: combo_day(combo, day), a, n)


def _not_too_far(day: dt.date, start: dt.datetime) -> None:
    if (day - start.date()).days > 7 * MAX_WEEKS:
        raise TooFar(f"no working day within {MAX_WEEKS} weeks")
