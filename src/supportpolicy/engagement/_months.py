"""Calendar months and quarters in a customer's timezone.

The TAM ledger counts sessions per calendar month and reviews per calendar quarter,
both read on the customer's wall clock (document 003; default America/New_York). A
month is given as ``"YYYY-MM"``, a ``(year, month)`` pair of ints, or a
:class:`datetime.date` (its month); a quarter as ``"YYYY-Qn"`` or ``(year, n)``.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import attrs

from supportpolicy import _coerce

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


def utc(instant: dt.datetime) -> dt.datetime:
    """*instant* in UTC: the form in which instants are compared and ordered."""
    return instant.astimezone(dt.UTC)


def zone(timezone: object) -> ZoneInfo:
    """The IANA zone named *timezone*; unknown names (and ``"localtime"``) are refused."""
    return _coerce.zone(timezone, "timezone")


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


def parse_month(value: object) -> Month:
    """The :class:`Month` that *value* names ("YYYY-MM", (year, month), date, Month)."""
    if isinstance(value, Month):
        return value
    return Month(*_coerce.month(value, "month"))


def parse_quarter(value: object) -> Quarter:
    """The :class:`Quarter` that *value* names ("YYYY-Qn", (year, n), Quarter)."""
    if isinstance(value, Quarter):
        return value
    return Quarter(*_coerce.quarter(value, "quarter"))


def month_of(instant: dt.datetime, timezone: str) -> Month:
    """The month *instant* falls in on the wall clock of *timezone*."""
    local = _coerce.aware(instant, "instant").astimezone(zone(timezone))
    return Month(local.year, local.month)
