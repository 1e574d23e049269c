"""Closed days: the dates a calendar's weekly hours would open but the calendar keeps
closed, each with the reason a reader of the locale understands (a holiday's name in
their language, or the library's own wording)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from supportpolicy import _coerce, _limits
from supportpolicy.errors import InvalidValueError
from supportpolicy.sla import _holidays
from supportpolicy.sla.calendars import Calendar, index_of

__all__ = ["ClosedDay", "closed_days"]


@attrs.frozen
class ClosedDay:
    """A date the weekly hours would open but the calendar keeps closed, and why.

    ``name`` is the holiday's name in the requested language, or ``None`` for a date
    closed explicitly by the calendar's owner.
    """

    day: dt.date
    name: str | None



def closed_days(
    cal: Calendar, start: dt.date, end: dt.date, locale: str = "en"
) -> tuple[ClosedDay, ...]:
    """Dates in ``[start, end]`` that the weekly hours would open but *cal* keeps closed.

    Holiday names come in *locale*'s language where the ``holidays`` data has it
    (English as ``en_US``), else as the library's own localized wording ("Public
    holiday", "Day off transferred from <date>"). *start* and *end* must be
    ``datetime.date`` values (a datetime is refused, not truncated: its date depends on
    the zone) in the years 1900-2399, at most ``_limits.MAX_CLOSED_DAYS_SPAN`` days
    apart.

    >>> from supportpolicy.sla import calendar
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
    return closed_between(cal, first, last, locale)


def closed_between(
    cal: Calendar, start: dt.date, end: dt.date, locale: str = "en"
) -> tuple[ClosedDay, ...]:
    """:func:`closed_days` without its guards, for dates the library derived itself: an
    explanation lists the closed days from a deadline's start to its due time, which may
    lie in local year 2400 or more than 100 years later (results of the clock from
    inputs in range may)."""
    found: list[ClosedDay] = []
    names: dict[int, Any] = {}
    day = start
    while day <= end:
        if cal.hours.days[day.weekday()] and not cal.day_hours(day):
            name = None
            if cal.country is not None and day not in cal.closed_dates:
                if day.year not in names:
                    names[day.year] = _holidays.localized_names(
                        cal.country, cal.subdiv, day.year, locale
                    )
                name = names[day.year].get(day)
            found.append(ClosedDay(day=day, name=name))
        day += dt.timedelta(days=1)
    return tuple(found)
