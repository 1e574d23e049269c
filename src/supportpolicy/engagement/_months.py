"""Calendar months and quarters in a customer's timezone.

The TAM ledger counts sessions per calendar month and reviews per calendar quarter,
both read on the customer's wall clock (document 003; default America/New_York). A
month is given as ``"YYYY-MM"``, a ``(year, month)`` pair of ints, or a
:class:`datetime.date` (its month); a quarter as ``"YYYY-Qn"`` or ``(year, n)``.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from supportpolicy.errors import InvalidTypeError, InvalidValueError

__all__ = [
    "DEFAULT_TIMEZONE",
    "Month",
    "Quarter",
    "month_of",
    "parse_month",
    "parse_quarter",
    "utc",
    "zone",
]

DEFAULT_TIMEZONE = "America/New_York"
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")


def utc(instant: dt.datetime) -> dt.datetime:
    """*instant* in UTC: the form in which instants are compared and ordered."""
    return instant.astimezone(dt.UTC)


def zone(timezone: object) -> ZoneInfo:
    """The IANA zone named *timezone*; unknown names are refused with an example."""
    if not isinstance(timezone, str):
        raise InvalidTypeError(
            f"timezone must be an IANA name such as 'America/New_York', "
            f"got {type(timezone).__name__}"
        )
    try:
        return ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise InvalidValueError(
            f"unknown timezone {timezone!r}; give an IANA name such as 'America/New_York'"
        ) from None


@attrs.frozen(order=True)
class Month:
    """A calendar month, such as November 2026."""

    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def first_day(self) -> dt.date:
        """The month's first date."""
        return dt.date(self.year, self.month, 1)

    def next(self) -> Month:
        """The following month."""
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def bounds(self, timezone: str) -> tuple[dt.datetime, dt.datetime]:
        """``[start, end)`` of the month in *timezone*, as UTC instants.

        UTC, because Python compares two datetimes of the same zone by wall clock and
        ignores ``fold``: a session in the hour repeated when New York falls back
        must be compared by real time.
        """
        tz = zone(timezone)
        following = self.next()
        return (
            utc(dt.datetime(self.year, self.month, 1, tzinfo=tz)),
            utc(dt.datetime(following.year, following.month, 1, tzinfo=tz)),
        )


@attrs.frozen(order=True)
class Quarter:
    """A calendar quarter, such as 2026-Q4."""

    year: int
    quarter: int

    def __str__(self) -> str:
        return f"{self.year:04d}-Q{self.quarter}"

    def months(self) -> tuple[Month, Month, Month]:
        """The quarter's three months."""
        first = 3 * (self.quarter - 1) + 1
        return (Month(self.year, first), Month(self.year, first + 1), Month(self.year, first + 2))


def _checked_month(year: int, month: int, value: object) -> Month:
    if not 1 <= year <= 9998 or not 1 <= month <= 12:
        raise InvalidValueError(
            f"month {value!r} is out of range; give a year 1-9998 and a month 1-12"
        )
    return Month(year, month)


def parse_month(value: object) -> Month:
    """The :class:`Month` that *value* names ("YYYY-MM", (year, month), date, Month)."""
    if isinstance(value, Month):
        return value
    if isinstance(value, dt.datetime):
        raise InvalidTypeError(
            "month must be 'YYYY-MM', a (year, month) pair or a date, not a datetime "
            "(an instant's month depends on the timezone; pass its date in that zone)"
        )
    if isinstance(value, dt.date):
        return Month(value.year, value.month)
    if isinstance(value, str):
        match = _MONTH.match(value.strip())
        if not match:
            raise InvalidValueError(f"month {value!r} is not 'YYYY-MM', such as '2026-11'")
        return _checked_month(int(match[1]), int(match[2]), value)
    if (
        isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        return _checked_month(value[0], value[1], value)
    raise InvalidTypeError(
        f"month must be 'YYYY-MM', a (year, month) pair of ints or a date, "
        f"got {type(value).__name__}"
    )


def parse_quarter(value: object) -> Quarter:
    """The :class:`Quarter` that *value* names ("YYYY-Qn", (year, n), Quarter)."""
    if isinstance(value, Quarter):
        return value
    if isinstance(value, str):
        match = _QUARTER.match(value.strip())
        if not match:
            raise InvalidValueError(f"quarter {value!r} is not 'YYYY-Qn', such as '2026-Q4'")
        year, number = int(match[1]), int(match[2])
    elif (
        isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        year, number = value
    else:
        raise InvalidTypeError(
            f"quarter must be 'YYYY-Qn' or a (year, quarter) pair of ints, "
            f"got {type(value).__name__}"
        )
    if not 1 <= year <= 9998 or not 1 <= number <= 4:
        raise InvalidValueError(f"quarter {value!r} is out of range; give a year and 1-4")
    return Quarter(year, number)


def month_of(instant: dt.datetime, timezone: str) -> Month:
    """The month *instant* falls in on the wall clock of *timezone*."""
    local = instant.astimezone(zone(timezone))
    return Month(local.year, local.month)
