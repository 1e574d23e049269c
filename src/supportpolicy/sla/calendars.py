"""Business calendars: a timezone, weekly hours, closed dates and extra working dates.

A :class:`Calendar` is an immutable value. Which wall-clock hours a local date opens
is decided in this order (first that applies):

1. an explicit ``open`` date opens with its weekday's hours, or with the extra-day
   hours (Monday's, unless overridden) where its weekday has none;
2. an explicit ``closed`` date is closed;
3. a public holiday of the country (and subdivision) is closed;
4. a transferred working day of the country (``holidays``' ``weekend_workdays``, such
   as Russia's working Saturdays) opens like rule 1;
5. otherwise the weekday's hours apply.

Construction validates through :data:`_RULES`, a table of checks each naming the
problem and what is accepted.
"""

from __future__ import annotations

import datetime as dt
import weakref
import zoneinfo
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from supportpolicy import _coerce, _limits
from supportpolicy.errors import (
    CalendarError,
    InvalidTypeError,
    InvalidValueError,
    SupportPolicyError,
)
from supportpolicy.sla import _holidays
from supportpolicy.sla._index import YearIndex
from supportpolicy.sla.calendar_views import calendar_html, calendar_repr
from supportpolicy.sla.hours import Interval, WeeklyHours, parse_hours

__all__ = ["Calendar", "ClosedDay", "calendar", "closed_days"]

_NO_HOURS: tuple[Interval, ...] = ()


def _zone_name(value: object) -> str:
    """The calendar's zone as its IANA name (``"localtime"`` and unknown names refused)."""
    return _coerce.zone(value, "timezone").key


def _weak_day_hours(cal: Calendar) -> Callable[[dt.date], tuple[Interval, ...]]:
    """``cal.day_hours`` through a weak reference, so that the index inside *cal* does
    not keep *cal* alive: no reference cycle, a dropped calendar is freed at once."""
    ref = weakref.ref(cal)

    def day_hours(day: dt.date) -> tuple[Interval, ...]:
        alive = ref()
        if alive is None:  # pragma: no cover - the index is reachable only through cal
            raise CalendarError("the calendar of this index no longer exists")
        return alive.day_hours(day)

    return day_hours


@attrs.frozen
class ClosedDay:
    """A date the weekly hours would open but the calendar keeps closed, and why.

    ``name`` is the holiday's name in the requested language, or ``None`` for a date
    closed explicitly by the calendar's owner.
    """

    day: dt.date
    name: str | None


@attrs.frozen(getstate_setstate=False)
class Calendar:
    """An immutable business calendar; build one with :func:`calendar`.

    Derived data (the per-year index of open intervals) is cached inside the value,
    built lazily year by year under a lock, and never part of equality, hashing or
    pickling.
    """

    timezone: str = attrs.field(converter=_zone_name)
    hours: WeeklyHours
    country: str | None = None
    subdiv: str | None = None
    closed_dates: frozenset[dt.date] = frozenset()
    open_dates: frozenset[dt.date] = frozenset()
    extra_day_hours: tuple[Interval, ...] = _NO_HOURS
    _index: YearIndex = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", YearIndex(self.tz, _weak_day_hours(self)))

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        """The calendar's timezone as a ``ZoneInfo``."""
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def is_24x7(self) -> bool:
        """Whether the calendar is open at every instant."""
        return self.hours.is_24x7 and not self.closed_dates and self.country is None

    def day_hours(self, day: dt.date) -> tuple[Interval, ...]:
        """The wall-clock intervals *day* opens (the rules in the module docstring)."""
        weekday = self.hours.days[day.weekday()]
        if day in self.open_dates:
            return weekday or self.extra_day_hours
        if day in self.closed_dates:
            return _NO_HOURS
        if self.country is not None:
            if day in _holidays.holiday_names(self.country, self.subdiv, day.year):
                return _NO_HOURS
            if day in _holidays.weekend_workdays(self.country, self.subdiv, day.year):
                return weekday or self.extra_day_hours
        return weekday

    def __str__(self) -> str:
        where = (
            f", {self.country}" + (f"-{self.subdiv}" if self.subdiv else "") if self.country else ""
        )
        return f"{self.hours} ({self.timezone}{where})"

    def __repr__(self) -> str:
        return calendar_repr(self)

    def to_html(self, locale: str = "en") -> str:
        """An HTML table: timezone, holidays, extra dates, and the week as a grid."""
        return calendar_html(self, locale)

    def _repr_html_(self) -> str:
        """The notebook view: :meth:`to_html` in English."""
        return self.to_html("en")

    def __getstate__(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in attrs.fields(Calendar) if f.init}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        self.__attrs_post_init__()

    @property
    def index(self) -> YearIndex:
        """The lazily built per-year index (internal to the clock)."""
        return self._index


def _check_timezone(args: dict[str, Any]) -> str | None:
    try:
        _coerce.zone(args["timezone"], "timezone")
    except SupportPolicyError as exc:
        return str(exc)
    return None


def _check_dates(key: str) -> Callable[[dict[str, Any]], str | None]:
    def check(args: dict[str, Any]) -> str | None:
        for item in args[key]:
            if isinstance(item, dt.datetime) or not isinstance(item, dt.date):
                return f"{key} must hold datetime.date values (not datetimes), got {item!r}"
        return None

    return check


def _check_disjoint(args: dict[str, Any]) -> str | None:
    both = set(args["closed"]) & set(args["open"])
    if both:
        return f"dates both closed and open: {', '.join(map(str, sorted(both)))}; give each once"
    return None


_RULES: tuple[Callable[[dict[str, Any]], str | None], ...] = (
    _check_timezone,
    _check_dates("closed"),
    _check_dates("open"),
    _check_disjoint,
)
"""Construction checks, in order; each returns a message (what is wrong, what is accepted)."""


def calendar(
    timezone: str,
    hours: str,
    *,
    country: str | None = None,
    subdiv: str | None = None,
    closed: Iterable[dt.date] = (),
    open: Iterable[dt.date] = (),
    extra_day_hours: str | None = None,
) -> Calendar:
    """Build a business calendar, validating every part.

    *hours* follows the grammar of :mod:`supportpolicy.sla.hours`. *country* and
    *subdiv* select public holidays and transferred working days from ``holidays``.
    *closed* and *open* are extra dates. *extra_day_hours* (``"10:00-18:00"``) sets the
    hours of extra working dates whose weekday has none (default: Monday's).

    >>> cal = calendar("Europe/Moscow", "Mon-Fri 10:00-18:00", country="RU")
    >>> str(cal)
    'Mon-Fri 10:00-18:00 (Europe/Moscow, RU)'
    >>> calendar("Mars/Olympus", "24x7")
    Traceback (most recent call last):
    ...
    supportpolicy.errors.CalendarError: unknown timezone 'Mars/Olympus'; give an IANA name ...
    """
    try:
        closed_list, open_list = list(closed), list(open)
    except TypeError:
        raise CalendarError("closed and open must be iterables of datetime.date") from None
    args = {"timezone": timezone, "closed": closed_list, "open": open_list}
    for rule in _RULES:
        problem = rule(args)
        if problem:
            raise CalendarError(problem)
    weekly = parse_hours(hours)
    code, sub = (None, None)
    if country is not None:
        code, sub = _holidays.check_country(country, subdiv)
    elif subdiv is not None:
        raise CalendarError(f"subdiv {subdiv!r} given without a country; give country= too")
    extra = weekly.days[0]
    if extra_day_hours is not None:
        extra = parse_hours(f"Mon {extra_day_hours}").days[0]
    return Calendar(
        timezone=timezone.strip(),
        hours=weekly,
        country=code,
        subdiv=sub,
        closed_dates=frozenset(closed_list),
        open_dates=frozenset(open_list),
        extra_day_hours=extra,
    )


def closed_days(
    cal: Calendar, start: dt.date, end: dt.date, locale: str = "en"
) -> tuple[ClosedDay, ...]:
    """Dates in ``[start, end]`` that the weekly hours would open but *cal* keeps closed.

    Holiday names come in *locale*'s language where the ``holidays`` data has it
    (English as ``en_US``), else in English. *start* and *end* must be
    ``datetime.date`` values (a datetime is refused, not truncated: its date depends on
    the zone) in the years 1900-2399, at most ``_limits.MAX_CLOSED_DAYS_SPAN`` days
    apart.

    >>> cal = calendar("Europe/Moscow", "Mon-Fri 10:00-18:00", country="RU")
    >>> [d.day.isoformat() for d in closed_days(cal, dt.date(2026, 5, 1), dt.date(2026, 5, 12))]
    ['2026-05-01', '2026-05-11']
    """
    index_of(cal)  # refuses anything but a Calendar, naming the argument
    first, last = _coerce.day(start, "start"), _coerce.day(end, "end")
    if last < first:
        return ()
    if (last - first).days >= _limits.MAX_CLOSED_DAYS_SPAN:
        raise InvalidValueError(
            f"the range {first.isoformat()} to {last.isoformat()} is too long; accepted: "
            f"at most {_limits.MAX_CLOSED_DAYS_SPAN} days (100 years) per call"
        )
    start, end = first, last
    found: list[ClosedDay] = []
    names: dict[int, Any] = {}
    day = start
    while day <= end:
        if cal.hours.days[day.weekday()] and not cal.day_hours(day):
            name = None
            if cal.country is not None and day not in cal.closed_dates:
                if day.year not in names:
                    language = _holidays.holiday_language(cal.country, cal.subdiv, locale)
                    names[day.year] = _holidays.holiday_names(
                        cal.country, cal.subdiv, day.year, language
                    )
                name = names[day.year].get(day)
            found.append(ClosedDay(day=day, name=name))
        day += dt.timedelta(days=1)
    return tuple(found)


def index_of(cal: object) -> YearIndex:
    """The per-year index of *cal*, refusing anything that is not a :class:`Calendar`."""
    if not isinstance(cal, Calendar):
        raise InvalidTypeError(
            f"cal must be a supportpolicy.sla.Calendar (see sla.calendar()), got "
            f"{type(cal).__name__}"
        )
    return cal.index
