"""Notebook display of weekly hours and business calendars (the week as a grid).

Called from the ``__repr__`` and ``to_html``/``_repr_html_`` methods of
:class:`~supportpolicy.sla.WeeklyHours` and :class:`~supportpolicy.sla.Calendar`. Like
the calendar modules it knows nothing of plans; it imports only types from them (they
import this one). Labels come from the ``sla`` catalog, weekday names from Babel.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from supportpolicy import _display
from supportpolicy.i18n import format_datetime, translator, weekday_name

if TYPE_CHECKING:
    from supportpolicy.sla.calendars import Calendar
    from supportpolicy.sla.hours import WeeklyHours

__all__ = [
    "calendar_html",
    "calendar_repr",
    "describe_calendar",
    "explain_open",
    "hours_html",
    "hours_repr",
]

_LIMIT = _display.REPR_LIMIT
_SHOWN_DATES = 6


def hours_repr(hours: WeeklyHours) -> str:
    """``WeeklyHours('Mon-Fri 10:00-18:00')``."""
    return _display.clip(f"WeeklyHours({str(hours)!r})", _LIMIT)


def hours_html(hours: WeeklyHours, locale: str, caption: str | None = None) -> str:
    """The week as a grid: localized weekday names over each day's open intervals."""
    tr = translator(locale, "sla")
    names = [weekday_name(day, locale, "abbreviated") for day in range(7)]
    title = tr.gettext("Weekly hours") if caption is None else caption
    days = [tuple((s, e - 1440 if e > 1440 else e) for s, e in day) for day in hours.days]
    return _display.week_grid(days, names, tr.gettext("closed"), title)


def _dates(dates: frozenset[dt.date]) -> str | None:
    if not dates:
        return None
    ordered = sorted(dates)
    shown = ", ".join(day.isoformat() for day in ordered[:_SHOWN_DATES])
    return shown + (", …" if len(ordered) > _SHOWN_DATES else "")


def _holidays(cal: Calendar) -> str | None:
    if cal.country is None:
        return None
    return cal.country + (f"-{cal.subdiv}" if cal.subdiv else "")


def calendar_repr(cal: Calendar) -> str:
    """``Calendar('Mon-Fri 10:00-18:00', Europe/Moscow, holidays RU, 2 closed dates)``."""
    if cal.combine is not None:
        inner = ", ".join(repr(part) for part in cal.parts)
        return _display.clip(f"Calendar({cal.combine} of [{inner}], {cal.timezone})", _LIMIT)
    parts = [_display.clip(repr(str(cal.hours)), 60), cal.timezone]
    where = _holidays(cal)
    if where:
        parts.append(f"holidays {where}")
    if cal.closed_dates:
        parts.append(f"{len(cal.closed_dates)} closed dates")
    if cal.open_dates:
        parts.append(f"{len(cal.open_dates)} open dates")
    if cal.hours_on:
        parts.append(f"{len(cal.hours_on)} dated hours")
    return _display.clip(f"Calendar({', '.join(parts)})", _LIMIT)


def _kind(cal: Calendar, locale: str) -> str:
    tr = translator(locale, "sla")
    if cal.combine == "union":
        return tr.gettext("union (open when any part is open)")
    return tr.gettext("intersection (open when every part is open)")


def describe_calendar(cal: Calendar, locale: str) -> str:
    """A union or intersection in words: its kind, then each part's hours and zone."""
    if cal.combine is None:
        return cal.hours.describe(locale)
    inner = "; ".join(f"{describe_calendar(p, locale)} ({p.timezone})" for p in cal.parts)
    return f"{_kind(cal, locale)}: {inner}"


def explain_open(cal: Calendar, instant: dt.datetime, locale: str) -> str:
    """Whether *cal* is open at *instant* and which of its parts are, in *locale*."""
    tr = translator(locale, "sla")
    parts = cal.open_parts(instant)
    names = "; ".join(str(part) for part in parts) or tr.gettext("none")
    at = format_datetime(instant, locale, tz=cal.tz)
    every = cal.combine == "intersection"
    if (len(parts) == len(cal.parts)) if every else bool(parts):
        return tr.gettext("At {at} the calendar is open; open parts: {parts}.").format(
            at=at, parts=names
        )
    return tr.gettext("At {at} the calendar is closed; open parts: {parts}.").format(
        at=at, parts=names
    )


def calendar_html(cal: Calendar, locale: str) -> str:
    """The calendar's timezone, holiday country and extra dates, then its week grid."""
    tr = translator(locale, "sla")
    none = tr.gettext("none")
    if cal.combine is not None:
        rows = [
            (tr.gettext("Time zone"), cal.timezone),
            (tr.gettext("Combined as"), _kind(cal, locale)),
        ]
        head = _display.pairs(rows, tr.gettext("Business calendar"))
        return head + "".join(calendar_html(part, locale) for part in cal.parts)
    dated = ", ".join(day.isoformat() for day, _ in cal.hours_on[:_SHOWN_DATES])
    rows = [
        (tr.gettext("Time zone"), cal.timezone),
        (tr.gettext("Public holidays"), _holidays(cal) or none),
        (tr.gettext("Closed dates"), _dates(cal.closed_dates) or none),
        (tr.gettext("Extra working dates"), _dates(cal.open_dates) or none),
    ]
    if cal.hours_on:
        more = ", …" if len(cal.hours_on) > _SHOWN_DATES else ""
        rows.append((tr.gettext("Hours on particular dates"), dated + more))
    return _display.pairs(rows, tr.gettext("Business calendar")) + hours_html(cal.hours, locale)
