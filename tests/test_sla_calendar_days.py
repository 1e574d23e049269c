"""Hours on particular dates, night shifts and shortened days, against the reference.

The slow reference clock (``reference_clock``) reads the same plain data the library is
built from and follows docs/semantics.md minute by minute; the fast clock must agree
on every generated case (seeded, so a failure reproduces, and hypothesis-driven).
"""

from __future__ import annotations

import datetime as dt
import functools
import pathlib
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reference_clock as ref
from supportpolicy import errors, sla
from test_sla_clock_reference import (
    COUNTRIES,
    SCHEDULES,
    ZONES,
    anchors,
    random_duration,
    random_instant,
)

NIGHT_SCHEDULES: dict[str, ref.Hours] = {
    "night-shift": (((1320, 1800),),) * 5 + ((), ()),
    "evening-night": (((540, 720), (1200, 1800)),) * 5 + (((600, 840),), ()),
    "long-night": (((1080, 1740),),) * 7,
    "late-start": (((1439, 1500),),) * 6 + (((120, 1380),),),
}
ALL_SCHEDULES = {**SCHEDULES, **NIGHT_SCHEDULES}
YEAR_ENDS = tuple(dt.date(y, 12, d) for y in (2024, 2025, 2026) for d in (30, 31)) + tuple(
    dt.date(y, 1, 1) for y in (2025, 2026, 2027)
)


def random_ranges(rng: random.Random) -> tuple[tuple[int, int], ...]:
    kind = rng.random()
    if kind < 0.2:
        return ()
    if kind < 0.45:  # a night shift, possibly overlapping the next date's hours
        start = rng.choice([1200, 1320, 1380, 1439, rng.randrange(600, 1440)])
        return ((start, start + rng.randrange(1, 1440)),)
    if kind < 0.6:  # early hours, possibly inside the previous evening's shift
        start = rng.choice([0, 60, 120, 180, rng.randrange(0, 600)])
        return ((start, start + rng.randrange(1, 600)),)
    first = rng.randrange(0, 1200)
    mid = first + rng.randrange(1, 120)
    second = mid + rng.randrange(0, 60)
    return (
        ((first, mid), (second, min(1440, second + rng.randrange(1, 240))))
        if second < 1440
        else ((first, mid),)
    )


def random_spec(rng: random.Random) -> ref.Spec:
    country, subdiv = rng.choice(COUNTRIES)
    timezone = rng.choice(ZONES)
    week = rng.choice(list(ALL_SCHEDULES.values()))
    dated: dict[dt.date, tuple[tuple[int, int], ...]] = {}
    for _ in range(rng.choice([0, 1, 2, 3])):
        base = rng.choice(anchors(timezone) + YEAR_ENDS)
        dated[base + dt.timedelta(days=rng.randint(-1, 1))] = random_ranges(rng)
    shorten = rng.choice([0, 60, 90]) if country is not None and rng.random() < 0.4 else 0
    return ref.Spec(
        timezone, week, country, subdiv, hours_on=tuple(sorted(dated.items())), shorten=shorten
    )


@functools.cache
def build(spec: ref.Spec) -> sla.Calendar:
    return sla.calendar(
        spec.timezone,
        spec.hours_text(),
        country=spec.country,
        subdiv=spec.subdiv,
        hours_on={d: ref.ranges_text(r) if r else "closed" for d, r in spec.hours_on},
        shorten_before_holidays=dt.timedelta(minutes=spec.shorten) if spec.country else None,
    )


def instant_near(rng: random.Random, spec: ref.Spec) -> dt.datetime:
    if spec.hours_on and rng.random() < 0.5:
        day = rng.choice(spec.hours_on)[0] + dt.timedelta(days=rng.randint(-1, 1))
        minute = rng.choice([rng.randrange(1440), 0, 60, 360, 1320, 1439])
        local = dt.datetime(day.year, day.month, day.day) + dt.timedelta(minutes=minute)
        return local.replace(tzinfo=ref.ZoneInfo(spec.timezone))
    return random_instant(rng, spec.timezone)


CASES = 3600


def check_case(rng: random.Random) -> list[str]:
    spec = random_spec(rng)
    cal = build(spec)
    a = instant_near(rng, spec)
    d = random_duration(rng)
    b = a + dt.timedelta(microseconds=rng.randrange(-4 * 86400 * 10**6, 6 * 86400 * 10**6))
    n = rng.randrange(0, 5)
    pairs = {
        "add": (sla.add_business_time(cal, a, d), ref.add(spec, a, d)),
        "between": (sla.business_time_between(cal, a, b), ref.between(spec, a, b)),
        "is_open": (sla.is_open(cal, a), ref.is_open(spec, a)),
        "add_days": (sla.add_business_days(cal, a, n), ref.add_days(spec, a, n)),
    }
    bad = []
    for name, (fast, slow) in pairs.items():
        same = fast == slow
        if isinstance(fast, dt.datetime):
            same = same and fast.utcoffset() == slow.utcoffset()
        if not same:
            bad.append(f"{name} {spec} a={a.isoformat()} d={d} b={b} n={n}: {fast} != {slow}")
    return bad


def test_dated_hours_and_night_shifts_agree_with_reference() -> None:
    rng = random.Random(20261202)
    disagreements = [line for _ in range(CASES) for line in check_case(rng)]
    assert disagreements == [], f"{len(disagreements)} disagreements: {disagreements[:3]}"


@settings(max_examples=200, deadline=None)
@given(st.randoms(use_true_random=False))
def test_dated_hours_and_night_shifts_agree_hypothesis(rng: random.Random) -> None:
    assert check_case(rng) == []


# --- goldens and errors ----------------------------------------------------------------

MSK = ref.ZoneInfo("Europe/Moscow")
# Russia's shortened pre-holiday working days (Labour Code art. 95: the working day
# immediately preceding a non-working holiday is one hour shorter).
# 2026: "Производственный календарь 2026 (Минтруд)", government decree of 24 Sep 2025;
#   the dates as reported by m24.ru (16 Feb 2026) and TASS (24 Sep 2025): 30 April,
#   8 May, 11 June, 3 November. Not shortened: Fri 20 Feb and Fri 6 Mar (a weekend
#   precedes 23 Feb and 8 Mar), Wed 30 Dec (31 Dec is a transferred day off, not a
#   holiday).
# 2027: the holidays package's RU data (0.109: holidays and transfers of 2027), the
#   same rule: 30 April (before Sat 1 May), 11 June (before Sat 12 June), 3 November.
SHORTENED = {
    2026: (dt.date(2026, 4, 30), dt.date(2026, 5, 8), dt.date(2026, 6, 11), dt.date(2026, 11, 3)),
    2027: (dt.date(2027, 4, 30), dt.date(2027, 6, 11), dt.date(2027, 11, 3)),
}


@pytest.mark.parametrize("year", sorted(SHORTENED))
def test_russian_pre_holiday_days_are_one_hour_shorter(year: int) -> None:
    cal = sla.calendar(
        "Europe/Moscow", "Mon-Fri 09:00-18:00", country="RU",
        shorten_before_holidays=dt.timedelta(hours=1),
    )  # fmt: skip
    plain = sla.calendar("Europe/Moscow", "Mon-Fri 09:00-18:00", country="RU")
    day, found = dt.date(year, 1, 1), []
    while day.year == year:
        if cal.day_hours(day) != plain.day_hours(day):
            assert cal.day_hours(day) == ((540, 1020),)
            found.append(day)
        day += dt.timedelta(days=1)
    assert tuple(found) == SHORTENED[year]
    eve = SHORTENED[year][0]
    five = dt.datetime(eve.year, eve.month, eve.day, 17, tzinfo=MSK)
    assert not sla.is_open(cal, five) and sla.is_open(plain, five)


def test_presets_keep_their_service_hours() -> None:
    """004 promises service hours, not staff hours: presets are never shortened."""
    for name in ("basic", "business"):
        cal = sla.plan(name).calendar
        assert cal.shorten_before_holidays == dt.timedelta(0) and cal.half_day_end is None
        assert cal.hours_on == ()


def test_half_days_end_at_the_given_time() -> None:
    # holidays' US data puts Christmas Eve "from 12pm" in the half_day category for PR.
    cal = sla.calendar("America/Puerto_Rico", "Mon-Fri 09:00-17:00", country="US", subdiv="PR",
                       half_days="12:00")  # fmt: skip
    assert cal.day_hours(dt.date(2026, 12, 24)) == ((540, 720),)
    assert cal.day_hours(dt.date(2026, 12, 23)) == ((540, 1020),)
    with pytest.raises(errors.CalendarError, match="has no half days"):
        sla.calendar("Europe/Moscow", "Mon-Fri 09:00-18:00", country="RU", half_days="13:00")
    with pytest.raises(errors.CalendarError, match="needs a country"):
        sla.calendar("Europe/Moscow", "Mon-Fri 09:00-18:00", half_days="13:00")


def test_api_example_and_precedence() -> None:
    cal = sla.calendar(
        "Europe/Moscow", "Mon-Fri 10:00-18:00", country="RU",
        hours_on={dt.date(2026, 12, 30): "10:00-15:00", dt.date(2026, 12, 26): "11:00-14:00",
                  dt.date(2026, 12, 29): "closed", dt.date(2026, 11, 4): "12:00-16:00"},
        closed=[dt.date(2026, 12, 28)], open=[dt.date(2026, 12, 27)],
    )  # fmt: skip
    assert cal.day_hours(dt.date(2026, 12, 30)) == ((600, 900),)
    assert cal.day_hours(dt.date(2026, 12, 26)) == ((660, 840),)  # a Saturday
    assert cal.day_hours(dt.date(2026, 12, 29)) == ()
    assert cal.day_hours(dt.date(2026, 11, 4)) == ((720, 960),)  # beats the holiday
    assert cal.day_hours(dt.date(2026, 12, 28)) == ()
    assert cal.day_hours(dt.date(2026, 12, 27)) == ((600, 1080),)
    over = sla.calendar("Europe/Moscow", "Mon-Fri 10:00-18:00", closed=[dt.date(2026, 12, 28)],
                        hours_on={dt.date(2026, 12, 28): "10:00-12:00"})  # fmt: skip
    assert over.day_hours(dt.date(2026, 12, 28)) == ((600, 720),)  # beats closed


def test_night_shift_belongs_to_the_day_it_starts() -> None:
    berlin = ref.ZoneInfo("Europe/Berlin")
    cal = sla.calendar("Europe/Berlin", "Mon-Fri 22:00-06:00", country="DE",
                       hours_on={dt.date(2026, 12, 23): "20:00-02:00"})  # fmt: skip
    # Christmas Day (Fri 25 Dec) is a holiday: its shift is closed, Thursday's is not.
    got = list(sla.open_intervals(
        cal, dt.datetime(2026, 12, 23, tzinfo=berlin), dt.datetime(2026, 12, 28, tzinfo=berlin)
    ))  # fmt: skip
    hour = functools.partial(dt.datetime, tzinfo=berlin)
    assert got == [
        (hour(2026, 12, 23, 0), hour(2026, 12, 23, 6)),  # Tuesday's shift
        (hour(2026, 12, 23, 20), hour(2026, 12, 24, 2)),  # Wednesday, overridden
        (hour(2026, 12, 24, 22), hour(2026, 12, 25, 6)),  # Thursday's, into the holiday
    ]
    # DST: the shift of Sat 28 Mar 2026 does not exist; Fri 27 Mar's ends 06:00 CET.
    spring = list(sla.open_intervals(cal, hour(2026, 3, 27, 12), hour(2026, 3, 31, 12)))
    assert spring[0] == (hour(2026, 3, 27, 22), hour(2026, 3, 28, 6))
    assert spring[1][1] - spring[1][0] == dt.timedelta(hours=8)


@pytest.mark.parametrize(
    ("hours_on", "problem"),
    [
        ({dt.date(2026, 12, 30): "10:00-15:00,14:00-16:00"}, "overlaps"),
        ([(dt.date(2026, 12, 30), "10:00-15:00"), (dt.date(2026, 12, 30), "closed")], "twice"),
        ({dt.date(2026, 12, 30): "22:00-22:00"}, "24-hour shift"),
        ({dt.date(2026, 12, 30): "10:00-31:00"}, "lasts under 24 hours"),
        ({dt.datetime(2026, 12, 30, 1): "10:00-15:00"}, "datetime.date"),
        ({dt.date(2026, 12, 30): 5}, "must be a string"),
        (42, "must map dates"),
    ],
)
def test_bad_dated_hours_are_refused(hours_on: object, problem: str) -> None:
    with pytest.raises(errors.CalendarError, match=problem):
        sla.calendar("Europe/Moscow", "Mon-Fri 10:00-18:00", hours_on=hours_on)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "shorten", [dt.timedelta(days=1), dt.timedelta(seconds=30), dt.timedelta(hours=-1), 60]
)
def test_bad_shortening_is_refused(shorten: object) -> None:
    with pytest.raises(errors.CalendarError, match="shorten_before_holidays"):
        sla.calendar("Europe/Moscow", "Mon-Fri 10:00-18:00", country="RU",
                     shorten_before_holidays=shorten)  # type: ignore[arg-type]  # fmt: skip


PLAN_FILE = """
[plans.desk]
title = "Desk"
timezone = "UTC"
union = [
  { timezone = "Europe/Berlin", hours = "Mon-Fri 09:00-17:00", country = "DE" },
  { timezone = "America/New_York", hours = "Mon-Fri 09:00-17:00", country = "US" },
]
[plans.desk.reaction]
p1 = { hours = 1 }
p2 = { hours = 2 }
p3 = { hours = 4 }
p4 = { hours = 8 }

[plans.moscow]
title = "Moscow"
timezone = "Europe/Moscow"
hours = "Mon-Fri 09:00-18:00"
country = "RU"
shorten_before_holidays = { hours = 1 }
hours_on = { "2026-12-30" = "09:00-15:00", "2026-12-26" = "closed" }
[plans.moscow.reaction]
p1 = { hours = 1 }
p2 = { hours = 2 }
p3 = { hours = 4 }
p4 = { hours = 8 }
"""


def test_plan_files_write_dated_hours_shortening_and_unions(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "plans.toml"
    path.write_text(PLAN_FILE, encoding="utf-8")
    plans = sla.load_plans(path)
    desk = plans["desk"].calendar
    assert desk.combine == "union" and [p.timezone for p in desk.parts] == [
        "Europe/Berlin", "America/New_York",
    ]  # fmt: skip
    for locale in ("en", "ru"):
        due = sla.reaction_deadline(
            plans["desk"], 1, dt.datetime(2026, 3, 9, 21, 30, tzinfo=dt.UTC)
        )
        assert "America/New_York" in due.explain(locale) and "Europe/Berlin" in due.explain(locale)
    assert "America/New_York" in plans["desk"].to_dict()["hours"]
    assert "America/New_York" in plans["desk"].to_html("de")
    moscow = plans["moscow"].calendar
    assert moscow.day_hours(dt.date(2026, 12, 30)) == ((540, 900),)
    assert moscow.day_hours(dt.date(2026, 4, 30)) == ((540, 1020),)
    bad = PLAN_FILE.replace('"2026-12-26" = "closed"', '"26 Dec" = "closed"')
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(errors.PolicyFileError, match="is not a date"):
        sla.load_plans(path)
    path.write_text(PLAN_FILE.replace('timezone = "UTC"\n', 'timezone = "UTC"\nhours = "24x7"\n'))
    with pytest.raises(errors.PolicyFileError, match="either hours or one union"):
        sla.load_plans(path)
    path.write_text(PLAN_FILE.replace("union = [", "union = [\n  { timezone = 'UTC' },"))
    with pytest.raises(errors.PolicyFileError, match="hours"):
        sla.load_plans(path)


@pytest.mark.parametrize(
    ("timezone", "day", "hours"),
    [
        ("Europe/Berlin", dt.date(2026, 3, 28), 7),  # CET -> CEST at 02:00 on Sun 29 Mar
        ("Europe/Berlin", dt.date(2026, 10, 24), 9),  # CEST -> CET at 03:00 on Sun 25 Oct
        ("America/Santiago", dt.date(2026, 9, 5), 7),  # -04 -> -03 at midnight, Sun 6 Sep
        ("Australia/Lord_Howe", dt.date(2026, 10, 3), 7.5),  # +10:30 -> +11 at 02:00, 4 Oct
    ],
)
def test_night_shift_across_a_dst_change_lasts_its_real_time(
    timezone: str, day: dt.date, hours: float
) -> None:
    """Offsets from the IANA tz database; 22:00-06:00 is 8 wall-clock hours."""
    cal = sla.calendar(timezone, "Mon-Sun 22:00-06:00")
    noon = dt.datetime(day.year, day.month, day.day, 12, tzinfo=ref.ZoneInfo(timezone))
    got = sla.business_time_between(cal, noon, noon + dt.timedelta(days=1))
    assert got == dt.timedelta(hours=hours)
