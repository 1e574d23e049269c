"""Business calendars. STUB: being written by the lead; signatures are final."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from supportpolicy.sla.hours import WeeklyHours


@attrs.frozen
class ClosedDay:
    """A date the weekly hours would open but the calendar keeps closed, and why."""

    day: dt.date
    name: str


@attrs.frozen
class Calendar:
    """An immutable business calendar."""

    timezone: str
    hours: WeeklyHours
    country: str | None = None
    subdiv: str | None = None


def calendar(
    timezone: str,
    hours: str,
    *,
    country: str | None = None,
    subdiv: str | None = None,
    closed: Iterable[dt.date] = (),
    open: Iterable[dt.date] = (),  # noqa: A002 - the name api.md promises
    extra_day_hours: str | None = None,
) -> Calendar:
    """Build a calendar."""
    raise NotImplementedError


def closed_days(
    cal: Calendar, start: dt.date, end: dt.date, locale: str = "en"
) -> tuple[ClosedDay, ...]:
    """Closed days in ``[start, end]`` with localized names."""
    raise NotImplementedError
