"""Weekly service hours and their text form, ``"Mon-Fri 09:00-12:00,13:00-18:00; Sat 10:00-14:00"``.

Grammar (api.md): ``"24x7"``, or ``;``-separated groups ``DAYS RANGES``. ``DAYS`` is a
day (``Sat``), a range (``Mon-Fri``) or a comma list of either (``Mon,Wed,Fri``,
``Mon-Wed,Fri``); English names, three letters or full, any case. ``RANGES`` is a comma
list of ``HH:MM-HH:MM`` wall-clock intervals ``[start, end)``; ``24:00`` is a valid end.
An interval whose end is earlier than its start (``22:00-06:00``) is a night shift: it
belongs to the day it starts and ends on the next day, so it lasts less than 24 hours
(a shift may reach at most into the next day). The intervals of one day must not
overlap, even across groups, nor may a night shift overlap the next day's hours.

Day ranges run forward from Monday to Sunday; a wrapping range such as ``Sat-Mon`` is
refused (write ``Sat,Sun,Mon``) so that a typo is never read as "six days a week".
"""

from __future__ import annotations

import itertools
import re

import attrs

from supportpolicy import _limits
from supportpolicy._render import Fact, Facts, Shown
from supportpolicy.errors import CalendarError, shown
from supportpolicy.i18n import translator, weekday_name
from supportpolicy.sla._index import Interval
from supportpolicy.sla.calendar_views import week_facts

__all__ = ["DAY_NAMES", "Interval", "WeeklyHours", "parse_hours"]


DAY_NAMES: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_FULL_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_INDEX = {name.lower(): i for i, name in enumerate(DAY_NAMES)} | {
    name: i for i, name in enumerate(_FULL_NAMES)
}
_FULL_DAY: Interval = (0, 1440)
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_ACCEPTED = (
    "accepted: '24x7', or '; '-separated groups 'DAYS RANGES' such as "
    "'Mon-Fri 09:00-12:00,13:00-17:30; Sat 10:00-14:00'"
)


@attrs.frozen(repr=False)
class WeeklyHours(Shown):
    """Open wall-clock intervals for each weekday, Monday first (``days[0]``).

    Each day holds sorted, non-overlapping ``(start_minute, end_minute)`` pairs.
    ``str()`` gives the canonical spec, which :func:`parse_hours` reads back.

    >>> hours = parse_hours("mon-fri 10:00-18:00")
    >>> hours.days[0], hours.days[5]
    (((600, 1080),), ())
    >>> str(hours)
    'Mon-Fri 10:00-18:00'
    """

    days: tuple[tuple[Interval, ...], ...]

    _domain = "sla"
    _layout = "row"

    @property
    def is_24x7(self) -> bool:
        """Whether every day is open from 00:00 to 24:00."""
        return all(day == (_FULL_DAY,) for day in self.days)

    def minutes(self, weekday: int) -> int:
        """Open wall-clock minutes on *weekday* (0 = Monday), ignoring DST."""
        return sum(end - start for start, end in self.days[weekday])

    def __str__(self) -> str:
        return self._render(DAY_NAMES, "24x7", "-")

    def describe(self, locale: str) -> str:
        """The hours for people: weekday names in *locale* (``"Mo.-Fr. 10:00-18:00"``).

        >>> parse_hours("Mon-Fri 10:00-18:00").describe("ru")
        'пн–пт 10:00-18:00'
        """
        names = tuple(weekday_name(day, locale, "abbreviated") for day in range(7))
        return self._render(names, "24/7", "–")

    def _facts(self) -> Facts:
        return (Fact("hours", None, str(self), brief="{!r}"), *week_facts(self.days))

    def _caption(self, locale: str) -> str:
        return translator(locale, "sla").gettext("Weekly hours")

    def _render(self, names: tuple[str, ...], always: str, dash: str = "-") -> str:
        if self.is_24x7:
            return always
        groups: list[str] = []
        day = 0
        while day < 7:
            ranges = self.days[day]
            last = day
            while last + 1 < 7 and self.days[last + 1] == ranges:
                last += 1
            if ranges:
                days = names[day] if last == day else f"{names[day]}{dash}{names[last]}"
                groups.append(f"{days} {format_ranges(ranges)}")
            day = last + 1
        return "; ".join(groups)


def format_minute(minute: int) -> str:
    """``HH:MM`` for a minute of the day; 1440 is ``24:00``."""
    return f"{minute // 60:02d}:{minute % 60:02d}"


def format_end(minute: int) -> str:
    """``HH:MM`` for an interval's end; a night shift's end is read on the next day."""
    return format_minute(minute - 1440 if minute > 1440 else minute)


def format_ranges(ranges: tuple[Interval, ...]) -> str:
    """``"09:00-12:00,13:00-18:00"`` for a day's intervals (``"22:00-06:00"`` for a night shift)."""
    return ",".join(f"{format_minute(s)}-{format_end(e)}" for s, e in ranges)


def parse_hours(spec: object) -> WeeklyHours:
    """Parse an hours spec into :class:`WeeklyHours`, refusing anything ambiguous.

    >>> parse_hours("24x7").is_24x7
    True
    >>> parse_hours("Mon-Fri 22:00-06:00").days[0]
    ((1320, 1800),)
    >>> parse_hours("Mon 18:00-10:00; Tue 09:00-12:00")
    Traceback (most recent call last):
    ...
    supportpolicy.errors.CalendarError: hours 'Mon 18:00-10:00; Tue 09:00-12:00': the night ...
    """
    if not isinstance(spec, str):
        raise CalendarError(f"hours must be a string, got {type(spec).__name__}; {_ACCEPTED}")
    text = spec.strip()
    if not text:
        raise CalendarError(f"hours spec is empty; {_ACCEPTED}")
    if len(text) > _limits.MAX_TEXT_CHARS:
        raise CalendarError(
            f"hours {shown(spec)} is too long; accepted: at most {_limits.MAX_TEXT_CHARS} "
            f"characters; {_ACCEPTED}"
        )
    if text.lower() in ("24x7", "24/7"):
        return WeeklyHours(days=((_FULL_DAY,),) * 7)
    per_day: list[list[Interval]] = [[] for _ in range(7)]
    for raw in text.split(";"):
        group = raw.strip()
        if not group:
            raise CalendarError(f"hours {shown(spec)}: an empty group between ';'; {_ACCEPTED}")
        parts = group.split(None, 1)
        if len(parts) != 2:
            raise CalendarError(
                f"hours {shown(spec)}: group {shown(group)} lacks DAYS or RANGES; {_ACCEPTED}"
            )
        days = _parse_days(parts[0], spec)
        ranges = [_parse_range(item, spec) for item in parts[1].replace(" ", "").split(",")]
        for day in days:
            per_day[day].extend(ranges)
    result: list[tuple[Interval, ...]] = []
    for day, ranges in enumerate(per_day):
        ordered = sorted(ranges)
        for (s1, e1), (s2, e2) in itertools.pairwise(ordered):
            if s2 < e1:
                raise CalendarError(
                    f"hours {shown(spec)}: on {DAY_NAMES[day]} "
                    f"{format_minute(s1)}-{format_minute(e1)} "
                    f"overlaps {format_minute(s2)}-{format_minute(e2)}; a day's intervals must "
                    "not overlap"
                )
        result.append(_merge_touching(ordered))
    _check_spills(result, spec)
    if not any(result):
        raise CalendarError(f"hours {shown(spec)} open no time at all; {_ACCEPTED}")
    return WeeklyHours(days=tuple(result))


def _check_spills(days: list[tuple[Interval, ...]], spec: str) -> None:
    """Refuse a night shift that runs into the next weekday's own hours."""
    for day, ranges in enumerate(days):
        nxt = days[(day + 1) % 7]
        if ranges and nxt and ranges[-1][1] - 1440 > nxt[0][0]:
            start, end = ranges[-1]
            raise CalendarError(
                f"hours {shown(spec)}: the night shift {format_minute(start)}-{format_end(end)} "
                f"of {DAY_NAMES[day]} overlaps {DAY_NAMES[(day + 1) % 7]} "
                f"{format_ranges(nxt[:1])}; a shift must end before the next day's hours begin"
            )


def parse_ranges(text: object, what: str) -> tuple[Interval, ...]:
    """A comma list of ``HH:MM-HH:MM`` ranges for one date (*what* names it in errors).

    Night shifts are allowed; overlapping ranges are refused.

    >>> parse_ranges("09:00-12:00, 13:00-15:00", "hours_on 2026-12-30")
    ((540, 720), (780, 900))
    >>> parse_ranges("22:00-06:00", "hours_on 2026-12-30")
    ((1320, 1800),)
    """
    if not isinstance(text, str) or not text.strip():
        raise CalendarError(
            f"{what}: hours must be a string such as '10:00-15:00' or 'closed', got {text!r}"
        )
    spec = f"{what} {text.strip()}"
    ordered = sorted(_parse_range(item, spec) for item in text.replace(" ", "").split(","))
    for (s1, e1), (s2, e2) in itertools.pairwise(ordered):
        if s2 < e1:
            raise CalendarError(
                f"{what}: {format_minute(s1)}-{format_end(e1)} overlaps "
                f"{format_minute(s2)}-{format_end(e2)}; a date's intervals must not overlap"
            )
    return _merge_touching(ordered)


def _merge_touching(ranges: list[Interval]) -> tuple[Interval, ...]:
    merged: list[Interval] = []
    for start, end in ranges:
        if merged and merged[-1][1] == start:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return tuple(merged)


def _parse_day(name: str, spec: str) -> int:
    key = name.strip().lower()
    if key not in _DAY_INDEX:
        raise CalendarError(
            f"hours {shown(spec)}: unknown day {shown(name)}; days are {', '.join(DAY_NAMES)} "
            "(or full English names)"
        )
    return _DAY_INDEX[key]


def _parse_days(text: str, spec: str) -> list[int]:
    days: list[int] = []
    for item in text.split(","):
        if "-" in item:
            first, _, last = item.partition("-")
            start, end = _parse_day(first, spec), _parse_day(last, spec)
            if end < start:
                raise CalendarError(
                    f"hours {shown(spec)}: day range {shown(item)} runs backwards; "
                    "ranges run Monday to "
                    "Sunday, list wrapping days with commas (e.g. 'Sat,Sun,Mon')"
                )
            days.extend(range(start, end + 1))
        else:
            days.append(_parse_day(item, spec))
    return days


def _parse_time(text: str, spec: str) -> int:
    match = _TIME.match(text)
    if not match:
        raise CalendarError(
            f"hours {shown(spec)}: {shown(text)} is not a time; write HH:MM such as 09:30"
        )
    hour, minute = int(match.group(1)), int(match.group(2))
    if minute > 59 or hour > 24 or (hour == 24 and minute):
        raise CalendarError(
            f"hours {shown(spec)}: {text} is not a time of day; accepted 00:00 to 24:00 (a "
            "night shift ends at a time of the next day, such as 22:00-06:00, and lasts under "
            "24 hours)"
        )
    return hour * 60 + minute


def _parse_range(text: str, spec: str) -> Interval:
    first, sep, last = text.partition("-")
    if not sep:
        raise CalendarError(f"hours {shown(spec)}: {shown(text)} is not a range; write HH:MM-HH:MM")
    start, end = _parse_time(first, spec), _parse_time(last, spec)
    if start == 1440:
        raise CalendarError(f"hours {shown(spec)}: an interval cannot start at 24:00")
    if end == start:
        raise CalendarError(
            f"hours {shown(spec)}: interval {text} is empty or a 24-hour shift; an interval "
            "must end after it starts, and a night shift (22:00-06:00) lasts less than 24 hours"
        )
    if end < start:
        end += 1440  # a night shift: it ends on the next day, less than 24 hours later
    return start, end
