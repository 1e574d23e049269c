"""Equal calendars share one year index: the day rules as a value, and the shared cache.

A plain calendar's hours per date are a pure function of its fields (weekly hours,
dated hours, closed and open dates, country, half days, shortened eves): :class:`DayRules`
holds exactly those, as an immutable value with :meth:`DayRules.day_hours`. The year index
of a calendar is then keyed by ``(timezone, rules)`` in :func:`shared_index`, so two equal
calendars, built apart, get the same :class:`~supportpolicy.sla._index.YearIndex` and pay
for each year once.

The cache holds derived, immutable data, under a lock, and is bounded by what is alive:
it maps keys to indexes through weak references (``weakref.WeakValueDictionary``), so an
index lives exactly as long as some calendar holds it. No reference cycle: the index
reaches the rules (not the calendar), so a dropped calendar is freed at once, without the
cyclic collector, and its index with the last equal calendar.
"""

from __future__ import annotations

import datetime as dt
import threading
import weakref
import zoneinfo
from collections.abc import Callable, Hashable

import attrs

from supportpolicy.sla import _holidays
from supportpolicy.sla._day_rules import cut_last
from supportpolicy.sla._index import YearIndex
from supportpolicy.sla.hours import Interval, WeeklyHours

__all__ = ["DayRules", "shared_index"]

_NO_HOURS: tuple[Interval, ...] = ()


@attrs.frozen(cache_hash=True)
class DayRules:
    """What decides a plain calendar's hours on a date (calendars.py, rules 0-5)."""

    hours: WeeklyHours
    country: str | None
    subdiv: str | None
    closed_dates: frozenset[dt.date]
    open_dates: frozenset[dt.date]
    extra_day_hours: tuple[Interval, ...]
    hours_on: tuple[tuple[dt.date, tuple[Interval, ...]], ...]
    half_day_end: int | None
    shorten_before_holidays: dt.timedelta
    _dated: dict[dt.date, tuple[Interval, ...]] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_dated", dict(self.hours_on))

    def day_hours(self, day: dt.date) -> tuple[Interval, ...]:
        """The wall-clock intervals of the shifts starting on *day*."""
        dated = self._dated.get(day)
        if dated is not None:
            return dated
        weekday = self.hours.days[day.weekday()]
        if day in self.open_dates:
            return self._shortened(day, weekday or self.extra_day_hours)
        if day in self.closed_dates:
            return _NO_HOURS
        if self.country is not None:
            if day in _holidays.holiday_names(self.country, self.subdiv, day.year):
                return _NO_HOURS
            if day in _holidays.weekend_workdays(self.country, self.subdiv, day.year):
                return self._shortened(day, weekday or self.extra_day_hours)
        return self._shortened(day, weekday)

    def _shortened(self, day: dt.date, ranges: tuple[Interval, ...]) -> tuple[Interval, ...]:
        if not ranges or self.country is None:
            return ranges
        if self.half_day_end is not None and day in _holidays.half_days(
            self.country, self.subdiv, day.year
        ):
            end = self.half_day_end
            ranges = tuple((s, min(e, end)) for s, e in ranges if s < end)
        if self.shorten_before_holidays:
            after = day + dt.timedelta(days=1)
            if after in _holidays.proper_holidays(self.country, self.subdiv, after.year):
                ranges = cut_last(ranges, self.shorten_before_holidays // dt.timedelta(minutes=1))
        return ranges


_LOCK = threading.Lock()
_INDEXES: weakref.WeakValueDictionary[Hashable, YearIndex] = weakref.WeakValueDictionary()


def shared_index(key: Hashable, build: Callable[[], YearIndex]) -> YearIndex:
    """The live index of *key* (a calendar's value), else a new one from *build*."""
    with _LOCK:
        index = _INDEXES.get(key)
        if index is None:
            index = build()
            _INDEXES[key] = index
        return index


def plain_index(timezone: str, rules: DayRules) -> YearIndex:
    """The shared index of a plain calendar in *timezone* with *rules*."""
    return shared_index(
        ("plain", timezone, rules),
        lambda: YearIndex(zoneinfo.ZoneInfo(timezone), rules.day_hours),
    )


def combined_index(timezone: str, kind: str, parts: tuple[Hashable, ...],
                   indexes: tuple[YearIndex, ...]) -> YearIndex:  # fmt: skip
    """The shared index of the union or intersection (*kind*) of *parts*."""
    return shared_index(
        (kind, timezone, parts),
        lambda: YearIndex.combined(zoneinfo.ZoneInfo(timezone), indexes, kind == "intersection"),
    )
