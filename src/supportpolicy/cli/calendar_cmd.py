"""`supportpolicy calendar`: the open intervals and closed days of a business calendar.

For analysts checking a calendar before trusting deadlines computed on it: each day
of the span with its open hours (local wall-clock times, real DST-aware instants in
``--json``), and every closed working day with its holiday name in the chosen
language.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from supportpolicy import i18n, sla
from supportpolicy._limits import EARLIEST, LATEST
from supportpolicy.cli._common import print_json
from supportpolicy.errors import InvalidValueError, shown

_MAX_DAYS = 3660


def options(parser: argparse.ArgumentParser) -> None:
    """The options of `calendar`."""
    parser.add_argument("--timezone", required=True, help="IANA zone, e.g. Europe/Moscow")
    parser.add_argument("--hours", required=True, help='weekly hours, e.g. "Mon-Fri 10:00-18:00"')
    parser.add_argument("--country", help="holidays of this country (ISO code, e.g. RU)")
    parser.add_argument("--subdiv", help="and of this subdivision (e.g. BY for Bavaria)")
    parser.add_argument("--from", dest="start", required=True, help="first day, YYYY-MM-DD")
    parser.add_argument("--days", type=int, default=7, help="number of days (default 7)")


def _parse_day(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidValueError(f"--from {shown(text)} is not a date; write YYYY-MM-DD") from None
    if not EARLIEST.year < day.year < LATEST.year:
        raise InvalidValueError(
            f"--from {shown(text)} is out of range; accepted days from "
            f"{EARLIEST.year + 1}-01-01 to {LATEST.year - 1}-12-31"
        )
    return day


def _wall(instant: dt.datetime, day: dt.date) -> str:
    """Local ``HH:MM`` of *instant*; the next day's midnight reads ``24:00``."""
    if instant.date() > day and instant.time() == dt.time(0):
        return "24:00"
    return instant.strftime("%H:%M")


def run(args: argparse.Namespace) -> int:
    """Print the calendar's days; exit 0."""
    locale = i18n.normalize_locale(args.locale)
    if not 1 <= args.days <= _MAX_DAYS:
        raise InvalidValueError(f"--days {args.days} is out of range; accepted 1 to {_MAX_DAYS}")
    cal = sla.calendar(args.timezone, args.hours, country=args.country, subdiv=args.subdiv)
    first = _parse_day(args.start)
    last = first + dt.timedelta(days=args.days - 1)
    closed = {c.day: c for c in sla.closed_days(cal, first, last, locale)}
    tr = i18n.translator(locale, "cli")
    rows: list[dict[str, Any]] = []
    lines = [
        tr.gettext("Business hours: {hours}, time zone {timezone}").format(
            hours=cal.hours.describe(locale), timezone=cal.timezone
        )
    ]
    total = dt.timedelta(0)
    day = first
    while day <= last:
        start = dt.datetime(day.year, day.month, day.day, tzinfo=cal.tz)
        end = start + dt.timedelta(days=1)
        spans = list(sla.open_intervals(cal, start, end))
        open_time = sla.business_time_between(cal, start, end)
        total += open_time
        label = i18n.format_date(day, locale, "full")
        if spans:
            text = ", ".join(f"{_wall(a, day)}-{_wall(b, day)}" for a, b in spans)
        elif day in closed and closed[day].name:
            text = tr.gettext("closed: {holiday}").format(holiday=closed[day].name)
        elif day in closed:
            text = tr.gettext("closed by the calendar")
        else:
            text = tr.gettext("closed")
        lines.append(f"{label}: {text}")
        rows.append(
            {
                "date": day.isoformat(),
                "open": [[a.isoformat(), b.isoformat()] for a, b in spans],
                "open_minutes": open_time // dt.timedelta(minutes=1),
                "holiday": closed[day].name if day in closed else None,
                "closed_working_day": day in closed,
            }
        )
        day += dt.timedelta(days=1)
    if args.json:
        print_json(
            {
                "timezone": cal.timezone,
                "hours": str(cal.hours),
                "country": cal.country,
                "subdiv": cal.subdiv,
                "locale": locale,
                "days": rows,
            }
        )
        return 0
    lines.append(
        tr.gettext("Open time in total: {duration}").format(
            duration=i18n.format_duration(total, locale)
        )
    )
    print("\n".join(lines))
    return 0
