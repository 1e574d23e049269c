"""The facts of weekly hours and business calendars (the week as a grid).

:class:`~supportpolicy.sla.WeeklyHours` and :class:`~supportpolicy.sla.Calendar`
declare their facts from these functions, and :mod:`supportpolicy._render` renders
them. Like the calendar modules this one knows nothing of plans, and it imports no
value module (they import it). Labels come from the ``sla`` catalog, weekday names
from Babel.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Collection, Sequence
from typing import Protocol

from supportpolicy import _display
from supportpolicy._render import Fact, Facts
from supportpolicy.i18n import N_, format_datetime, translator, weekday_name

__all__ = ["calendar_facts", "describe_calendar", "explain_open", "week_facts"]

_SHOWN_DATES = 6
_NONE = N_("none")


def week_facts(days: Sequence[Sequence[tuple[int, int]]]) -> Facts:
    """One fact per weekday, labelled with its localized name: the day's open
    intervals one per line, or closed."""
    return tuple(
        Fact(
            None,
            functools.partial(weekday_name, day, width="abbreviated"),
            tuple(
                f"{_display.minute_text(a)}–{_display.minute_text(b - 1440 if b > 1440 else b)}"
                for a, b in ranges
            )
            or None,
            none=N_("closed"),
        )
        for day, ranges in enumerate(days)
    )


def _dates(dates: Collection[dt.date]) -> str | None:
    if not dates:
        return None
    ordered = sorted(dates)
    shown = ", ".join(day.isoformat() for day in ordered[:_SHOWN_DATES])
    return shown + (", …" if len(ordered) > _SHOWN_DATES else "")


def _counted(dates: Collection[dt.date], what: str) -> str | None:
    return f"{len(dates)} {what}" if dates else None


def calendar_facts(
    hours: str,
    timezone: str,
    *,
    country: str | None,
    subdiv: str | None,
    closed: Collection[dt.date],
    extra: Collection[dt.date],
    dated: Collection[dt.date] = (),
    combine: str | None = None,
    parts: Sequence[object] = (),
) -> Facts:
    """Hours, timezone, holiday country, the extra closed and working dates and the
    dates with hours of their own; for a union or intersection, how it combines."""
    where = None if country is None else country + (f"-{subdiv}" if subdiv else "")
    if combine is None:
        head: tuple[Fact, ...] = (Fact(None, None, _display.clip(repr(hours), 60), brief="{}"),)
    else:
        inner = ", ".join(map(repr, parts))
        head = (
            Fact(None, None, f"{combine} of [{inner}]", brief="{}"),
            Fact(None, N_("Combined as"), _COMBINED[combine]),
        )
    return (
        Fact("hours", None, hours),
        head[0],
        Fact("timezone", N_("Time zone"), timezone, brief="{}"),
        Fact("combine", None, combine),
        *head[1:],
        Fact("country", None, country),
        Fact("subdiv", None, subdiv),
        Fact(None, N_("Public holidays"), where, none=_NONE, brief="holidays {}"),
        Fact(None, N_("Closed dates"), _dates(closed), none=_NONE),
        Fact(None, None, _counted(closed, "closed dates"), brief="{}"),
        Fact("closed_dates", None, len(closed)),
        Fact(None, N_("Extra working dates"), _dates(extra), none=_NONE),
        Fact(None, None, _counted(extra, "open dates"), brief="{}"),
        Fact("open_dates", None, len(extra)),
        Fact(None, N_("Hours on particular dates"), _dates(dated), none=_NONE),
        Fact(None, None, _counted(dated, "dated hours"), brief="{}"),
        Fact("dated_hours", None, len(dated)),
    )


_UNION = N_("union (open when any part is open)")
_INTERSECTION = N_("intersection (open when every part is open)")
_COMBINED = {"union": _UNION, "intersection": _INTERSECTION}


class _Combined(Protocol):
    """What the texts of a union or intersection read of it."""

    @property
    def combine(self) -> str | None: ...

    @property
    def timezone(self) -> str: ...

    @property
    def tz(self) -> dt.tzinfo: ...

    @property
    def parts(self) -> Sequence[_Combined]: ...

    @property
    def hours(self) -> _Described: ...

    def open_parts(self, instant: dt.datetime) -> Sequence[object]: ...


class _Described(Protocol):
    def describe(self, locale: str) -> str: ...


def describe_calendar(cal: _Combined, locale: str) -> str:
    """A union or intersection in words: its kind, then each part's hours and zone."""
    if cal.combine is None:
        return cal.hours.describe(locale)
    kind = translator(locale, "sla").gettext(_COMBINED[cal.combine])
    inner = "; ".join(f"{describe_calendar(p, locale)} ({p.timezone})" for p in cal.parts)
    return f"{kind}: {inner}"


def explain_open(cal: _Combined, instant: dt.datetime, locale: str) -> str:
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
