"""Strategies for calendars, weekly hours, zones, instants and business durations.

Instants deliberately hit the DST gaps (nonexistent wall times) and folds (ambiguous
ones) of their zone, found by scanning the zone's offsets once per zone and caching the
transitions (derived, immutable data).
"""

from __future__ import annotations

import datetime as dt
import functools
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from supportpolicy import _coerce, sla
from supportpolicy.errors import InvalidValueError, SupportPolicyError
from supportpolicy.sla.hours import DAY_NAMES

TIMEZONES: tuple[str, ...] = (
    "Europe/Moscow",
    "Europe/Berlin",
    "Europe/Zurich",
    "America/New_York",
    "America/Santiago",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "UTC",
)
"""Zones with many kinds of DST history: 1-hour and 30-minute shifts, shifts at
midnight (Santiago), a zone that stopped changing (Moscow, 2011) and none at all."""

COUNTRIES: tuple[str, ...] = ("RU", "US", "DE", "NL", "ES", "CH")
"""Holiday countries of the source documents' customers; RU has transferred workdays."""

_SUBDIVISIONS: dict[str, tuple[str, ...]] = {"US": ("NY", "CA"), "DE": ("BY", "BE")}
_FULL_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MIN_YEAR, _MAX_YEAR = 2000, 2040


def _day_text(days: list[int], style: int) -> str:
    """Days as the grammar writes them: runs as ranges, in one of three spellings."""
    names = [DAY_NAMES, _FULL_NAMES, tuple(n.lower() for n in DAY_NAMES)][style]
    parts: list[str] = []
    run = [days[0]]
    for day in days[1:]:
        if day == run[-1] + 1:
            run.append(day)
        else:
            parts.append(_run_text(run, names))
            run = [day]
    parts.append(_run_text(run, names))
    return ",".join(parts)


def _run_text(run: list[int], names: tuple[str, ...]) -> str:
    if len(run) == 1:
        return names[run[0]]
    return f"{names[run[0]]}-{names[run[-1]]}"


def _minute_text(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


# Strategies are built once, at import: building them inside a draw (and hypothesis
# validating each new one) cost most of the time of drawing a plan or a deadline.
_POINTS = st.sets(st.integers(0, 1440), min_size=2, max_size=6)
_OWNERS = st.lists(st.integers(0, 2) | st.none(), min_size=7, max_size=7)
_DAY = st.dates(dt.date(_MIN_YEAR, 1, 1), dt.date(_MAX_YEAR, 12, 31))
_DATES = st.sets(_DAY, max_size=3)
_CUSTOM_EXTRA = st.booleans()


@st.composite
def _hours_group(draw: st.DrawFn, days: list[int], style: int) -> str:
    points = sorted(draw(_POINTS))
    if len(points) % 2:
        points = points[:-1]
    ranges = ",".join(
        f"{_minute_text(points[i])}-{_minute_text(points[i + 1])}" for i in range(0, len(points), 2)
    )
    return f"{_day_text(days, style)} {ranges}"


@st.composite
def _hours_spec(draw: st.DrawFn) -> str:
    if draw(st.integers(0, 9)) == 0:
        return "24x7"
    owner = draw(_OWNERS)
    if all(o is None for o in owner):
        owner[draw(st.integers(0, 6))] = 0
    style = draw(st.integers(0, 2))
    groups = []
    for group in range(3):
        days = [day for day in range(7) if owner[day] == group]
        if days:
            groups.append(draw(_hours_group(days, style)))
    return "; ".join(groups)


def hours_specs() -> st.SearchStrategy[str]:
    """Valid weekly-hours specs (``"Mon-Fri 09:00-12:00,13:00-17:30; sat 10:00-14:00"``).

    Up to three groups over disjoint days, up to three intervals a day from 00:00 to
    24:00 at any minute, day names short, full or lower case, and ``"24x7"``; every one
    is accepted by :func:`~supportpolicy.sla.parse_hours` and opens some time.
    """
    return _hours_spec()


def timezones() -> st.SearchStrategy[str]:
    """IANA zone names from :data:`TIMEZONES`, a curated DST-heavy list."""
    return st.sampled_from(TIMEZONES)


def countries() -> st.SearchStrategy[str]:
    """Country codes of :data:`COUNTRIES` that the ``holidays`` package knows."""
    return st.sampled_from(COUNTRIES)


_ZONES = st.sampled_from(TIMEZONES)
HOURS_SPECS = _hours_spec()
MAYBE_COUNTRY: st.SearchStrategy[str | None] = st.none() | st.sampled_from(COUNTRIES)


def draw_calendar(
    draw: st.DrawFn,
    zone: str,
    hours: st.SearchStrategy[str],
    holiday_countries: st.SearchStrategy[str | None],
) -> sla.Calendar:
    """A calendar in *zone*: hours and country drawn, a few closed and extra open dates."""
    country = draw(holiday_countries)
    subdiv = None
    if country in _SUBDIVISIONS and draw(st.booleans()):
        subdiv = draw(st.sampled_from(_SUBDIVISIONS[country]))
    closed = draw(_DATES)
    opened = draw(_DATES) - closed
    extra = None
    if opened and draw(_CUSTOM_EXTRA) is True:
        extra = draw(_hours_group([0], 0)).split(" ", 1)[1]
    return _built(
        zone,
        draw(hours),
        country=country,
        subdiv=subdiv,
        closed=frozenset(closed),
        open=frozenset(opened),
        extra_day_hours=extra,
    )


_built = functools.lru_cache(maxsize=512)(sla.calendar)
""":func:`sla.calendar`, each calendar built once: calendars are immutable values, and
hypothesis redraws the same parts often while it searches and shrinks."""


@st.composite
def _calendar(
    draw: st.DrawFn,
    zones: st.SearchStrategy[str],
    hours: st.SearchStrategy[str],
    holiday_countries: st.SearchStrategy[str | None],
) -> sla.Calendar:
    return draw_calendar(draw, draw(zones), hours, holiday_countries)


def calendars(
    *,
    zones: st.SearchStrategy[str] | None = None,
    hours: st.SearchStrategy[str] | None = None,
    holiday_countries: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[sla.Calendar]:
    """Valid business calendars built with :func:`~supportpolicy.sla.calendar`.

    Zones from :func:`timezones`, hours from :func:`hours_specs`, no country or one of
    :func:`countries` (sometimes with a subdivision), and a few explicit closed and
    extra working dates in 2000-2040. Each part can be replaced by your own strategy.
    """
    return _calendar(
        zones if zones is not None else _ZONES,
        hours if hours is not None else HOURS_SPECS,
        holiday_countries if holiday_countries is not None else MAYBE_COUNTRY,
    )


# --- instants and durations -------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def _transitions(zone: str, first: int, last: int) -> tuple[tuple[dt.datetime, int, int], ...]:
    """``(utc instant, offset before, offset after)`` in seconds for each offset change.

    Found by a daily scan and a bisection to the second; cached (immutable, derived).
    """
    tz = ZoneInfo(zone)
    found = []
    t = dt.datetime(first, 1, 1, tzinfo=dt.UTC)
    end = dt.datetime(last + 1, 1, 1, tzinfo=dt.UTC)
    offset = _offset(t, tz)
    while t < end:
        nxt = t + dt.timedelta(days=1)
        after = _offset(nxt, tz)
        if after != offset:
            lo, hi = 0, 86400
            while lo < hi:
                mid = (lo + hi) // 2
                if _offset(t + dt.timedelta(seconds=mid), tz) == after:
                    hi = mid
                else:
                    lo = mid + 1
            found.append((t + dt.timedelta(seconds=lo), offset, after))
        t, offset = nxt, after
    return tuple(found)


def _offset(instant: dt.datetime, tz: ZoneInfo) -> int:
    delta = instant.astimezone(tz).utcoffset()
    return int(delta.total_seconds()) if delta is not None else 0


@st.composite
def _odd_wall_time(
    draw: st.DrawFn, zone: str, changes: tuple[tuple[dt.datetime, int, int], ...], gap: bool
) -> dt.datetime:
    """A wall time inside a gap (nonexistent) or a fold (ambiguous), with either fold."""
    at, before, after = draw(st.sampled_from(changes))
    low, high = sorted((before, after))
    start = at.replace(tzinfo=None) + dt.timedelta(seconds=low)
    # Gap wall times lie in [at + before, at + after); fold ones in [at + after, at + before).
    into = draw(st.integers(0, (high - low) * 1_000_000 - 1))
    wall = start + dt.timedelta(microseconds=into)
    return wall.replace(tzinfo=ZoneInfo(zone), fold=draw(st.integers(0, 1)))


def _zone_name(calendar_or_zone: sla.Calendar | str) -> str:
    if isinstance(calendar_or_zone, sla.Calendar):
        return calendar_or_zone.timezone
    try:  # an unknown name fails here, not at draw time
        return _coerce.zone(calendar_or_zone, "zone").key
    except SupportPolicyError:
        raise InvalidValueError(
            f"instants() takes an sla.Calendar or an IANA zone name such as "
            f"'Europe/Berlin', got {calendar_or_zone!r}"
        ) from None


@functools.lru_cache(maxsize=256)
def _instants_in(zone: str, first: int, last: int) -> st.SearchStrategy[dt.datetime]:
    tz = ZoneInfo(zone)
    ordinary = st.datetimes(
        dt.datetime(first, 1, 1), dt.datetime(last, 12, 31, 23, 59, 59), timezones=st.just(tz)
    )
    changes = _transitions(zone, first, last)
    gaps = tuple(c for c in changes if c[2] > c[1])
    folds = tuple(c for c in changes if c[2] < c[1])
    options = [ordinary]
    if gaps:
        options.append(_odd_wall_time(zone, gaps, True))
    if folds:
        options.append(_odd_wall_time(zone, folds, False))
    return st.one_of(*options)


def instants(
    calendar_or_zone: sla.Calendar | str | None = None,
    *,
    min_year: int = _MIN_YEAR,
    max_year: int = _MAX_YEAR,
) -> st.SearchStrategy[dt.datetime]:
    """Aware datetimes in the calendar's zone (or the named zone, or one of
    :func:`timezones`), in local years *min_year* to *max_year*.

    About a third are ordinary times; the rest are wall times inside the zone's DST
    gaps (nonexistent; ``fold`` 0 or 1) and folds (ambiguous; ``fold`` 0 or 1), the
    inputs where business-time code usually goes wrong.
    """
    if calendar_or_zone is None:
        return _ZONES.flatmap(lambda zone: _instants_in(zone, min_year, max_year))
    return _instants_in(_zone_name(calendar_or_zone), min_year, max_year)


def business_durations(
    max_value: dt.timedelta = dt.timedelta(days=60),
) -> st.SearchStrategy[dt.timedelta]:
    """Durations ``0 <= d <= max_value``: zero, whole minutes, whole hours, and
    arbitrary ones to the microsecond (what ``add_business_time`` accepts)."""
    top = max(max_value, dt.timedelta(0))
    minutes = int(top.total_seconds() // 60)
    return st.one_of(
        st.just(dt.timedelta(0)),
        st.integers(0, minutes).map(lambda m: dt.timedelta(minutes=m)),
        st.integers(0, minutes // 60).map(lambda h: dt.timedelta(hours=h)),
        st.timedeltas(dt.timedelta(0), top),
    )
