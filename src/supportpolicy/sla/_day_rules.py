"""Day-level calendar rules: hours on particular dates, half days, shortened days.

Used by :mod:`supportpolicy.sla.calendars`; see its docstring for the precedence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from supportpolicy.errors import CalendarError
from supportpolicy.sla import _holidays
from supportpolicy.sla._index import YearIndex, clipped, wall_to_utc
from supportpolicy.sla.hours import Interval, parse_ranges

__all__ = ["cut_last", "dated_hours", "day_options", "local_hours"]

_NO_HOURS: tuple[Interval, ...] = ()
_MINUTE = dt.timedelta(minutes=1)


def cut_last(ranges: tuple[Interval, ...], minutes: int) -> tuple[Interval, ...]:
    """*ranges* without their last *minutes* of wall-clock time.

    >>> cut_last(((540, 780), (840, 1080)), 60)
    ((540, 780), (840, 1020))
    """
    kept = list(ranges)
    while kept and minutes > 0:
        start, end = kept.pop()
        if end - start > minutes:
            kept.append((start, end - minutes))
        minutes -= end - start
    return tuple(kept)


def local_hours(tz: dt.tzinfo, index: YearIndex, day: dt.date) -> tuple[Interval, ...]:
    """The wall-clock intervals *index* is open on local *day* (for display)."""
    midnight = dt.datetime(day.year, day.month, day.day)
    lo, hi = wall_to_utc(tz, day, 0), wall_to_utc(tz, day, 1440)
    result = []
    for start, end in clipped(index, lo, hi):
        first = (start.astimezone(tz).replace(tzinfo=None) - midnight) // dt.timedelta(minutes=1)
        last = (
            1440
            if end >= hi
            else ((end.astimezone(tz).replace(tzinfo=None) - midnight) // dt.timedelta(minutes=1))
        )
        if first < last:
            result.append((first, last))
    return tuple(result)


def dated_hours(
    given: Mapping[dt.date, str] | Iterable[tuple[dt.date, str]] | None,
) -> tuple[tuple[dt.date, tuple[Interval, ...]], ...]:
    if given is None:
        return ()
    try:
        pairs = list(given.items()) if isinstance(given, Mapping) else [tuple(p) for p in given]
    except TypeError:
        raise CalendarError(
            "hours_on must map dates to hours, such as {date(2026, 12, 30): '10:00-15:00'}"
        ) from None
    seen: dict[dt.date, tuple[Interval, ...]] = {}
    for pair in pairs:
        if len(pair) != 2:
            raise CalendarError(f"hours_on must hold (date, hours) pairs, got {pair!r}")
        day, text = pair
        if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
            raise CalendarError(f"hours_on keys must be datetime.date values, got {day!r}")
        if day in seen:
            raise CalendarError(f"hours_on gives {day.isoformat()} twice; give each date once")
        what = f"hours_on {day.isoformat()}"
        closed = isinstance(text, str) and text.strip().lower() == "closed"
        seen[day] = _NO_HOURS if closed else parse_ranges(text, what)
    return tuple(sorted(seen.items()))


def day_options(
    country: str | None,
    subdiv: str | None,
    half_days: str | None,
    shorten: dt.timedelta | None,
) -> dict[str, Any]:
    options: dict[str, Any] = {}
    if half_days is not None:
        if country is None:
            raise CalendarError("half_days needs a country= whose holidays data has half days")
        _holidays.check_half_days(country, subdiv)
        if not isinstance(half_days, str) or half_days.strip() in ("", "00:00", "0:00"):
            raise CalendarError(
                f"half_days must be the time a half day ends, such as '13:00', got {half_days!r}"
            )
        options["half_day_end"] = parse_ranges(f"00:00-{half_days.strip()}", "half_days")[0][1]
    if shorten is not None:
        if type(shorten) is not dt.timedelta:
            raise CalendarError(
                f"shorten_before_holidays must be a datetime.timedelta, got {shorten!r}"
            )
        if country is None:
            raise CalendarError("shorten_before_holidays needs a country= for its holidays")
        if not dt.timedelta(0) <= shorten < dt.timedelta(days=1) or shorten % _MINUTE:
            raise CalendarError(
                f"shorten_before_holidays {shorten} is out of range; accepted: whole minutes "
                "from 0 to under 24 hours, such as timedelta(hours=1)"
            )
        options["shorten_before_holidays"] = shorten
    return options
