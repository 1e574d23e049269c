"""A proposed month of TAM working sessions from the tier's cadence (003).

Sessions fall on a preferred weekday and time (default Tuesday 10:00 on the customer's
wall clock): weekly tiers from the month's first such weekday on, alternate-week tiers
every 14 days, the monthly tier once. A session goes only where the ``tam`` plan's
calendar is open for its whole length (Mon-Fri 09:00-18:00 America/New_York, US federal
holidays closed); a closed day moves it to the next open day of its own week (or cadence
step), or else to the nearest earlier one, and never out of the month.
"""

from __future__ import annotations

import datetime as dt
import numbers
import re

import attrs

from supportpolicy import _coerce, sla
from supportpolicy.engagement._months import Month, parse_month
from supportpolicy.engagement._text import tr
from supportpolicy.engagement.tiers import TamTier, tam_tiers
from supportpolicy.errors import InvalidTypeError, InvalidValueError, shown
from supportpolicy.i18n import normalize_locale

__all__ = ["ProposedSchedule", "propose_schedule", "tam_calendar"]

_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")


def tam_calendar() -> sla.Calendar:
    """The ``tam`` plan's service calendar: Mon-Fri 09:00-18:00 New York, US holidays.

    Taken from the ``tam`` SLA preset itself, so the schedule follows that plan's data.
    """
    return sla.plan("tam").calendar


@attrs.frozen
class ProposedSchedule:
    """The proposed session starts of a month, and the days moved off a closed date."""

    tier: TamTier
    month: Month
    minutes: int
    starts: tuple[dt.datetime, ...]
    moved: tuple[tuple[dt.date, dt.date], ...]
    calendar: sla.Calendar = attrs.field(eq=False, repr=False)

    def explain(self, locale: object = "en") -> str:
        """One line per proposed session (and why one was moved), in *locale*."""
        t = tr(locale)
        if not self.starts:
            return t.gettext("{tier}: no working sessions to schedule in {month}.").format(
                tier=self.tier.label(locale), month=str(self.month)
            )
        start, end = self.month.first_day(), self.month.next().first_day()
        closed = {
            c.day: c.name
            for c in sla.closed_days(
                self.calendar, start, end - dt.timedelta(days=1), normalize_locale(locale)
            )
        }
        lines = [
            t.gettext("{tier}, {month}: sessions {cadence}, {minutes} minutes each").format(
                tier=self.tier.label(locale),
                month=str(self.month),
                cadence=self.tier.cadence.label(locale),
                minutes=self.minutes,
            )
        ]
        lines.extend(s.strftime("%Y-%m-%d %H:%M %Z") for s in self.starts)
        for original, new in self.moved:
            lines.append(
                t.gettext("Moved from {original} to {new}: closed ({reason}).").format(
                    original=original.isoformat(),
                    new=new.isoformat(),
                    reason=closed.get(original) or t.gettext("not a service day"),
                )
            )
        return "\n".join(lines)


def _weekday(value: object) -> int:
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        number = _coerce.integer(value, "weekday", maximum=None)
        if 0 <= number <= 6:
            return number
    if isinstance(value, str) and value.strip()[:3].lower() in _DAYS:
        return _DAYS.index(value.strip()[:3].lower())
    raise InvalidValueError(
        f"weekday {shown(value)} is not accepted; give 0-6 (Monday = 0) or a name such as 'Tue'"
    )


def _time(value: object) -> dt.time:
    if not isinstance(value, str):
        raise InvalidTypeError(f"time must be 'HH:MM' text, got {type(value).__name__}")
    match = _TIME.match(value.strip())
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise InvalidValueError(f"time {shown(value)} is not 'HH:MM' between 00:00 and 23:59")
    return dt.time(int(match[1]), int(match[2]))


def _fits(cal: sla.Calendar, start: dt.datetime, minutes: int) -> bool:
    length = dt.timedelta(minutes=minutes)
    return sla.business_time_between(cal, start, start + length) == length


def propose_schedule(
    tier: object,
    month: object,
    *,
    weekday: object = "Tue",
    time: object = "10:00",
    calendar: sla.Calendar | None = None,
) -> ProposedSchedule:
    """Propose the session starts of *tier* in *month* on the ``tam`` calendar.

    >>> s = propose_schedule("b", "2026-11")
    >>> [d.strftime("%m-%d %H:%M") for d in s.starts]
    ['11-03 10:00', '11-17 10:00']
    """
    chosen = tier if isinstance(tier, TamTier) else tam_tiers().get(tier)
    period = parse_month(month)
    cal = tam_calendar() if calendar is None else calendar
    if not isinstance(cal, sla.Calendar):
        raise InvalidTypeError(f"calendar must be an sla.Calendar, got {type(cal).__name__}")
    day_index, clock = _weekday(weekday), _time(time)
    first, end = period.first_day(), period.next().first_day()
    base = first + dt.timedelta(days=(day_index - first.weekday()) % 7)
    step = dt.timedelta(days=chosen.cadence.step_days or 7)
    starts: list[dt.datetime] = []
    moved: list[tuple[dt.date, dt.date]] = []
    lower = first
    for k in range(chosen.sessions_per_month):
        planned = base + k * step
        if planned >= end:
            break
        upper = min(planned + step, end)
        forward = [planned + dt.timedelta(days=i) for i in range((upper - planned).days)]
        backward = [planned - dt.timedelta(days=i) for i in range(1, (planned - lower).days + 1)]
        for day in (*forward, *backward):
            start = dt.datetime.combine(day, clock, tzinfo=cal.tz)
            if _fits(cal, start, chosen.max_minutes):
                starts.append(start)
                if day != planned:
                    moved.append((planned, day))
                lower = day + dt.timedelta(days=1)
                break
    return ProposedSchedule(chosen, period, chosen.max_minutes, tuple(starts), tuple(moved), cal)
