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

from supportpolicy import _display
from supportpolicy._render import Fact, Facts
from supportpolicy.i18n import N_, weekday_name

__all__ = ["calendar_facts", "week_facts"]

_SHOWN_DATES = 6
_NONE = N_("none")


def week_facts(days: Sequence[Sequence[tuple[int, int]]]) -> Facts:
    """One fact per weekday, labelled with its localized name: the day's open
    intervals one per line, or closed."""
    return tuple(
        Fact(
            None,
            functools.partial(weekday_name, day, width="abbreviated"),
            tuple(f"{_display.minute_text(a)}–{_display.minute_text(b)}" for a, b in ranges)
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
) -> Facts:
    """Hours, timezone, holiday country and the extra closed and working dates."""
    where = None if country is None else country + (f"-{subdiv}" if subdiv else "")
    return (
        Fact("hours", None, hours),
        Fact(None, None, _display.clip(repr(hours), 60), brief="{}"),
        Fact("timezone", N_("Time zone"), timezone, brief="{}"),
        Fact("country", None, country),
        Fact("subdiv", None, subdiv),
        Fact(None, N_("Public holidays"), where, none=_NONE, brief="holidays {}"),
        Fact(None, N_("Closed dates"), _dates(closed), none=_NONE),
        Fact(None, None, _counted(closed, "closed dates"), brief="{}"),
        Fact("closed_dates", None, len(closed)),
        Fact(None, N_("Extra working dates"), _dates(extra), none=_NONE),
        Fact(None, None, _counted(extra, "open dates"), brief="{}"),
        Fact("open_dates", None, len(extra)),
    )
