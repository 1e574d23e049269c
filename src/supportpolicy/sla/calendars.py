"""Business calendars: a timezone, weekly hours, closed dates and extra working dates.

A :class:`Calendar` is an immutable value. Which wall-clock hours a local date opens
is decided in this order (first that applies):

0. a date of ``hours_on`` opens exactly the hours given for it (``"closed"``: none);
   nothing below changes them;
1. an explicit ``open`` date opens with its weekday's hours, or with the extra-day
   hours (Monday's, unless overridden) where its weekday has none;
2. an explicit ``closed`` date is closed;
3. a public holiday of the country (and subdivision) is closed;
4. a transferred working day of the country (``holidays``' ``weekend_workdays``, such
   as Russia's working Saturdays) opens like rule 1;
5. otherwise the weekday's hours apply.

Hours from rules 1, 4 and 5 are then shortened: on a ``half_day`` of the country (when
``half_days`` gives an end time) they end at that time, and on the working date before
a public holiday (``shorten_before_holidays``) the last part of them is cut. Hours are
those of the shifts that start on the date: a night shift ``22:00-06:00`` belongs to
the date it starts. Unions and intersections of calendars are built in
:mod:`supportpolicy.sla.algebra`.

Construction validates through :data:`_RULES`, a table of checks each naming the
problem and what is accepted.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from supportpolicy import _coerce
from supportpolicy._render import Facts, Shown
from supportpolicy.errors import (
    CalendarError,
    InvalidTypeError,
    SupportPolicyError,
    shown,
)
from supportpolicy.i18n import translator
from supportpolicy.sla import _holidays
from supportpolicy.sla._day_rules import dated_hours, day_options, local_hours
from supportpolicy.sla._index import YearIndex
from supportpolicy.sla._instants import utc_instant
from supportpolicy.sla._shared import DayRules, combined_index, plain_index
from supportpolicy.sla.calendar_views import calendar_facts, describe_calendar, explain_open
from supportpolicy.sla.hours import Interval, WeeklyHours, parse_hours

__all__ = ["Calendar", "calendar", "index_of"]

_NO_HOURS: tuple[Interval, ...] = ()


def _zone_name(value: object) -> str:
    """The calendar's zone as its IANA name (``"localtime"`` and unknown names refused)."""
    return _coerce.zone(value, "timezone").key


@attrs.frozen(getstate_setstate=False, repr=False)
class Calendar(Shown):
    """An immutable business calendar; build one with :func:`calendar`.

    Derived data (the per-year index of open intervals) is built lazily year by year
    under a lock, shared by equal calendars (``sla._shared``), and never part of
    equality, hashing or pickling.
    """

    timezone: str = attrs.field(converter=_zone_name)
    hours: WeeklyHours
    country: str | None = None
    subdiv: str | None = None
    closed_dates: frozenset[dt.date] = frozenset()
    open_dates: frozenset[dt.date] = frozenset()
    extra_day_hours: tuple[Interval, ...] = _NO_HOURS
    hours_on: tuple[tuple[dt.date, tuple[Interval, ...]], ...] = ()
    half_day_end: int | None = None
    shorten_before_holidays: dt.timedelta = dt.timedelta(0)
    parts: tuple[Calendar, ...] = ()
    combine: str | None = None
    _index: YearIndex = attrs.field(init=False, eq=False, repr=False)
    _rules: DayRules | None = attrs.field(init=False, eq=False, repr=False)

    _domain = "sla"

    def __attrs_post_init__(self) -> None:
        rules = None
        if self.combine is None:
            rules = DayRules(
                hours=self.hours, country=self.country, subdiv=self.subdiv,
                closed_dates=self.closed_dates, open_dates=self.open_dates,
                extra_day_hours=self.extra_day_hours, hours_on=self.hours_on,
                half_day_end=self.half_day_end,
                shorten_before_holidays=self.shorten_before_holidays,
            )  # fmt: skip
            index = plain_index(self.timezone, rules)
        else:
            parts = tuple(part.index for part in self.parts)
            index = combined_index(self.timezone, self.combine, self.parts, parts)
        object.__setattr__(self, "_rules", rules)
        object.__setattr__(self, "_index", index)

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        """The calendar's timezone as a ``ZoneInfo``."""
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def is_24x7(self) -> bool:
        """Whether the calendar is open at every instant."""
        if self.combine == "intersection":
            return all(part.is_24x7 for part in self.parts)
        if self.combine == "union":
            return any(part.is_24x7 for part in self.parts)
        return (
            self.hours.is_24x7
            and not self.closed_dates
            and self.country is None
            and not self.hours_on
        )

    def day_hours(self, day: dt.date) -> tuple[Interval, ...]:
        """The wall-clock intervals of the shifts starting on *day* (module docstring).

        For a union or intersection: the local open intervals of *day* (display only).
        """
        if self._rules is None:
            return local_hours(self.tz, self.index, day)
        return self._rules.day_hours(day)

    def open_parts(self, instant: dt.datetime) -> tuple[Calendar, ...]:
        """The parts of a union or intersection open at *instant* (``()`` for others)."""
        u = utc_instant(instant, "instant")
        return tuple(part for part in self.parts if open_at(part.index, u))

    def describe(self, locale: str = "en") -> str:
        """The hours in words (``"Mo–Fr 10:00-18:00"``); a union lists its parts."""
        return describe_calendar(self, locale)

    def explain_open(self, instant: dt.datetime, locale: str = "en") -> str:
        """Whether a union or intersection is open at *instant*, and which parts are.

        >>> import datetime as dt
        >>> berlin = calendar("Europe/Berlin", "Mon-Fri 09:00-17:00")
        >>> tokyo = calendar("Asia/Tokyo", "Mon-Fri 09:00-17:00")
        >>> at = dt.datetime(2026, 3, 10, 8, 30, tzinfo=dt.UTC)
        >>> print((berlin | tokyo).explain_open(at, "de"))  # doctest: +NORMALIZE_WHITESPACE
        Am 10.03.2026, 09:30:00 ist der Kalender geöffnet;
        geöffnete Teile: Mon-Fri 09:00-17:00 (Europe/Berlin).
        """
        if self.combine is None:
            raise CalendarError(
                "explain_open explains a union or intersection; this calendar has no parts"
            )
        return explain_open(self, instant, locale)

    def __str__(self) -> str:
        if self.combine is not None:
            inner = " | " if self.combine == "union" else " & "
            return f"({inner.join(map(str, self.parts))}) in {self.timezone}"
        where = (
            f", {self.country}" + (f"-{self.subdiv}" if self.subdiv else "") if self.country else ""
        )
        return f"{self.hours} ({self.timezone}{where})"

    def _facts(self) -> Facts:
        return calendar_facts(
            str(self.hours) if self.combine is None else str(self), self.timezone,
            country=self.country, subdiv=self.subdiv, closed=self.closed_dates,
            extra=self.open_dates, dated=[day for day, _ in self.hours_on],
            combine=self.combine, parts=self.parts,
        )  # fmt: skip

    def _caption(self, locale: str) -> str:
        return translator(locale, "sla").gettext("Business calendar")

    def _more(self) -> tuple[Shown, ...]:
        return tuple(self.parts) if self.combine is not None else (self.hours,)

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

    def __or__(self, other: object) -> Calendar:
        """``a | b``: the union, in the left operand's timezone."""
        if not isinstance(other, Calendar):
            return NotImplemented
        return combined("union", (self, other), self.timezone)

    def __and__(self, other: object) -> Calendar:
        """``a & b``: the intersection, in the left operand's timezone."""
        if not isinstance(other, Calendar):
            return NotImplemented
        return combined("intersection", (self, other), self.timezone)


_NO_WEEK = WeeklyHours(days=((),) * 7)


def combined(kind: str, parts: tuple[object, ...], timezone: str | None) -> Calendar:
    """The union or intersection (*kind*) of *parts* in *timezone* (default: the first's)."""
    if not parts:
        raise CalendarError(f"sla.{kind}() needs at least one calendar; got none")
    checked = tuple(_part(part, kind) for part in parts)
    zone = checked[0].timezone if timezone is None else timezone
    problem = _check_timezone({"timezone": zone})
    if problem:
        raise CalendarError(problem)
    return Calendar(timezone=zone.strip(), hours=_NO_WEEK, parts=checked, combine=kind)


def _part(part: object, kind: str) -> Calendar:
    if not isinstance(part, Calendar):
        raise InvalidTypeError(
            f"sla.{kind}() combines supportpolicy.sla.Calendar values, got {type(part).__name__}"
        )
    return part


def open_at(index: YearIndex, u: dt.datetime) -> bool:
    """Whether *index* is open at UTC instant *u*."""
    _, segment = index.locate(u)
    i = bisect_right(segment.starts, u) - 1
    return i >= 0 and u < segment.ends[i]


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
    hours_on: Mapping[dt.date, str] | Iterable[tuple[dt.date, str]] | None = None,
    half_days: str | None = None,
    shorten_before_holidays: dt.timedelta | None = None,
) -> Calendar:
    """Build a business calendar, validating every part.

    *hours* follows the grammar of :mod:`supportpolicy.sla.hours`. *country* and
    *subdiv* select public holidays and transferred working days from ``holidays``.
    *closed* and *open* are extra dates. *extra_day_hours* (``"10:00-18:00"``) sets the
    hours of extra working dates whose weekday has none (default: Monday's).
    *hours_on* maps dates to their own hours (``"10:00-15:00"``, ``"22:00-06:00"`` or
    ``"closed"``), which beat every other rule. *half_days* (``"13:00"``) ends the
    country's ``holidays`` half days at that time; *shorten_before_holidays* cuts that
    much from the end of the working date before a public holiday (Russia: one hour).

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
        if not isinstance(extra_day_hours, str):
            raise CalendarError(
                "extra_day_hours must be a text of ranges such as '10:00-18:00', "
                f"got {type(extra_day_hours).__name__}"
            )
        try:
            if len(extra_day_hours) > 1000:
                raise CalendarError("': the text is too long (at most 1000 characters)")
            extra = parse_hours(f"Mon {extra_day_hours}").days[0]
        except CalendarError as exc:
            detail = str(exc).split(": ", 1)[-1].split("; accepted:")[0]
            detail = detail if len(detail) <= 120 else detail[:117] + "..."
            raise CalendarError(
                f"extra_day_hours {shown(extra_day_hours)} is not accepted ({detail}); "
                "give ranges such as '10:00-18:00' or '09:00-13:00,14:00-18:00'"
            ) from None
    return Calendar(
        **day_options(code, sub, half_days, shorten_before_holidays),
        hours_on=dated_hours(hours_on),
        timezone=timezone.strip(),
        hours=weekly,
        country=code,
        subdiv=sub,
        closed_dates=frozenset(closed_list),
        open_dates=frozenset(open_list),
        extra_day_hours=extra,
    )


def index_of(cal: object) -> YearIndex:
    """The per-year index of *cal*, refusing anything that is not a :class:`Calendar`."""
    if not isinstance(cal, Calendar):
        raise InvalidTypeError(
            f"cal must be a supportpolicy.sla.Calendar (see sla.calendar()), got "
            f"{type(cal).__name__}"
        )
    return cal.index
