"""The fast clock against the slow reference clock, on thousands of generated cases.

Cases concentrate where clocks go wrong: DST gaps and folds (including midnight
transitions in America/Santiago and 30-minute shifts in Australia/Lord_Howe), public
holidays and Russia's transferred working Saturdays, schedules with breaks, night
hours and 24x7. Generation is seeded, so a failure reproduces.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reference_clock as ref
from supportpolicy import sla

ZONES = (
    "Europe/Moscow",
    "Europe/Berlin",
    "America/New_York",
    "America/Santiago",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
)
COUNTRIES: tuple[tuple[str | None, str | None], ...] = (
    (None, None),
    ("RU", None),
    ("US", None),
    ("DE", "BY"),
    ("NL", None),
    ("ES", None),
)
WEEKDAYS = ((600, 1080),)
SCHEDULES: dict[str, ref.Hours] = {
    "office": (WEEKDAYS,) * 5 + ((), ()),
    "breaks": (((540, 720), (780, 1050)),) * 5 + (((600, 840),), ()),
    "24x7": (((0, 1440),),) * 7,
    "nights": (((0, 210), (1320, 1440)),) * 7,
    "dst-window": (((60, 150), (165, 240)),) * 7,
    "midnight": (((0, 60), (1380, 1440)),) * 6 + (((0, 1440),),),
    "short-weekend": (((90, 135),),) * 5 + (((0, 1440),), ((120, 150),)),
}


@functools.cache
def transitions(timezone: str) -> tuple[dt.date, ...]:
    """Local dates in 2024-2027 on which the zone's UTC offset changes."""
    tz = ZoneInfo(timezone)
    found = []
    day = dt.datetime(2024, 1, 1, 12, tzinfo=dt.UTC)
    previous = day.astimezone(tz).utcoffset()
    while day.year < 2028:
        day += dt.timedelta(hours=6)
        offset = day.astimezone(tz).utcoffset()
        if offset != previous:
            found.append(day.astimezone(tz).date())
            previous = offset
    return tuple(found)


HOLIDAY_ANCHORS = tuple(
    dt.date(*t)
    for t in (
        (2024, 12, 28),
        (2025, 1, 1),
        (2025, 5, 1),
        (2025, 5, 9),
        (2025, 11, 1),
        (2025, 11, 27),
        (2025, 12, 25),
        (2026, 1, 1),
        (2026, 5, 1),
        (2026, 11, 26),
        (2026, 12, 31),
        (2026, 6, 12),
    )
)


def anchors(timezone: str) -> tuple[dt.date, ...]:
    return transitions(timezone) + HOLIDAY_ANCHORS


@functools.cache
def build(spec: ref.Spec) -> sla.Calendar:
    return sla.calendar(
        spec.timezone,
        spec.hours_text(),
        country=spec.country,
        subdiv=spec.subdiv,
        closed=spec.closed,
        open=spec.open,
    )


def random_instant(rng: random.Random, timezone: str) -> dt.datetime:
    day = rng.choice(anchors(timezone)) + dt.timedelta(days=rng.randint(-3, 3))
    minute = rng.choice(
        [rng.randrange(1440), rng.choice([0, 60, 90, 120, 135, 150, 180, 600, 1080])]
    )
    local = dt.datetime(day.year, day.month, day.day) + dt.timedelta(minutes=minute)
    if rng.random() < 0.5:
        local += dt.timedelta(seconds=rng.randrange(60), microseconds=rng.randrange(10**6))
    instant = local.replace(tzinfo=ZoneInfo(timezone), fold=rng.randint(0, 1))
    # Express some instants in another zone: results must not depend on the input's zone.
    return instant.astimezone(ZoneInfo("UTC")) if rng.random() < 0.2 else instant


def random_duration(rng: random.Random) -> dt.timedelta:
    kind = rng.random()
    if kind < 0.05:
        return dt.timedelta(0)
    if kind < 0.5:
        return dt.timedelta(minutes=rng.randrange(1, 600))
    if kind < 0.8:
        return dt.timedelta(hours=rng.randrange(1, 80))
    return dt.timedelta(microseconds=rng.randrange(1, 60 * 60 * 10**6 * 50))


def random_spec(rng: random.Random) -> ref.Spec:
    country, subdiv = rng.choice(COUNTRIES)
    timezone = rng.choice(ZONES)
    closed: frozenset[dt.date] = frozenset()
    opened: frozenset[dt.date] = frozenset()
    if rng.random() < 0.1:
        base = rng.choice(anchors(timezone))
        closed = frozenset({base + dt.timedelta(days=1)})
        opened = frozenset({base + dt.timedelta(days=rng.choice([2, 3]))})
    return ref.Spec(timezone, rng.choice(list(SCHEDULES.values())), country, subdiv, closed, opened)


CASES = 5200


def test_fast_clock_agrees_with_reference_on_generated_cases() -> None:
    rng = random.Random(20261122)
    disagreements: list[str] = []
    checked = 0
    for _ in range(CASES):
        spec = random_spec(rng)
        cal = build(spec)
        a = random_instant(rng, spec.timezone)
        d = random_duration(rng)
        b = a + dt.timedelta(microseconds=rng.randrange(-5 * 86400 * 10**6, 9 * 86400 * 10**6))
        n = rng.randrange(0, 6)
        pairs = {
            "add": (sla.add_business_time(cal, a, d), ref.add(spec, a, d)),
            "between": (sla.business_time_between(cal, a, b), ref.between(spec, a, b)),
            "is_open": (sla.is_open(cal, a), ref.is_open(spec, a)),
            "add_days": (sla.add_business_days(cal, a, n), ref.add_days(spec, a, n)),
        }
        for name, (fast, slow) in pairs.items():
            checked += 1
            same = fast == slow
            if isinstance(fast, dt.datetime):
                same = same and fast.utcoffset() == slow.utcoffset()
            if not same:
                disagreements.append(
                    f"{name} {spec} a={a.isoformat()} d={d} b={b} n={n}: {fast} != {slow}"
                )
    assert checked == 4 * CASES
    assert disagreements == [], f"{len(disagreements)} disagreements, first: {disagreements[:5]}"


@settings(max_examples=300, deadline=None)
@given(st.randoms(use_true_random=False))
def test_fast_clock_agrees_with_reference_hypothesis(rng: random.Random) -> None:
    spec = random_spec(rng)
    cal = build(spec)
    a = random_instant(rng, spec.timezone)
    d = random_duration(rng)
    assert sla.add_business_time(cal, a, d) == ref.add(spec, a, d)
    assert sla.business_time_between(cal, a, a + d) == ref.between(spec, a, a + d)


@pytest.mark.parametrize("timezone", ZONES)
def test_generation_reaches_dst_transitions(timezone: str) -> None:
    """The generator is only useful if the zones really change offset in the window."""
    if timezone in ("Europe/Moscow", "Asia/Kolkata"):
        assert transitions(timezone) == ()
    else:
        assert len(transitions(timezone)) >= 6
