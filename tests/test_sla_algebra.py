"""Unions and intersections of calendars: the reference, properties, goldens, errors."""

from __future__ import annotations

import datetime as dt
import functools
import pickle
import random
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reference_clock as ref
from supportpolicy import errors, sla
from test_sla_calendar_days import build as build_part
from test_sla_calendar_days import random_spec as random_part
from test_sla_clock_reference import ZONES, random_duration, random_instant

UTC = ZoneInfo("UTC")
RESULT_ZONES = (*ZONES, "UTC", "Asia/Tokyo")


POOL = tuple(random_part(random.Random(seed)) for seed in range(60))
"""Parts are drawn from a fixed pool, so that their year indexes are built once."""


def random_combo(rng: random.Random) -> ref.Combo:
    parts = tuple(rng.choice(POOL) for _ in range(rng.choice([1, 2, 2, 3])))
    return ref.Combo(rng.choice(RESULT_ZONES), parts, every=rng.random() < 0.35)


@functools.cache
def build(combo: ref.Combo) -> sla.Calendar:
    parts = [build_part(part) for part in combo.parts]
    make = sla.intersection if combo.every else sla.union
    return make(*parts, timezone=combo.timezone)


def check_case(rng: random.Random) -> tuple[int, list[str]]:
    """(operations checked, disagreements) for one generated combination."""
    combo = random_combo(rng)
    cal = build(combo)
    a = random_instant(rng, rng.choice(combo.parts).timezone)
    b = a + dt.timedelta(microseconds=rng.randrange(-3 * 86400 * 10**6, 4 * 86400 * 10**6))
    d = random_duration(rng) % dt.timedelta(hours=30)
    n = rng.randrange(0, 4)
    bad: list[str] = []
    checks = {
        "is_open": lambda: (sla.is_open(cal, a), ref.combo_open(combo, a)),
        "open_parts": lambda: (
            len(cal.open_parts(a)),
            sum(ref.is_open(part, a) for part in combo.parts),
        ),
        "between": lambda: (sla.business_time_between(cal, a, b), ref.combo_between(combo, a, b)),
        "add": lambda: (ref.combo_add(combo, a, d), sla.add_business_time(cal, a, d))[::-1],
        "add_days": lambda: (ref.combo_add_days(combo, a, n), sla.add_business_days(cal, a, n))[
            ::-1
        ],
    }
    checked = 0
    for name, run in checks.items():
        try:
            fast, slow = run()
        except ref.TooFar:
            continue  # the combination opens too rarely for the reference to scan
        checked += 1
        same = fast == slow
        if isinstance(fast, dt.datetime):
            same = same and fast.utcoffset() == slow.utcoffset()
        if not same:
            bad.append(f"{name} {combo} a={a.isoformat()} b={b} d={d} n={n}: {fast} != {slow}")
    return checked, bad


CASES = 1400


def test_unions_and_intersections_agree_with_reference() -> None:
    rng = random.Random(20261203)
    total, disagreements = 0, []
    for _ in range(CASES):
        checked, bad = check_case(rng)
        total += checked
        disagreements += bad
    assert total >= 4 * CASES
    assert disagreements == [], f"{len(disagreements)} disagreements: {disagreements[:3]}"


@settings(max_examples=100, deadline=None)
@given(st.randoms(use_true_random=False))
def test_unions_and_intersections_agree_hypothesis(rng: random.Random) -> None:
    assert check_case(rng)[1] == []


@settings(max_examples=150, deadline=None)
@given(st.randoms(use_true_random=False))
def test_union_open_exactly_when_a_part_is_and_intersection_when_all_are(
    rng: random.Random,
) -> None:
    parts = [build_part(random_part(rng)) for _ in range(rng.choice([1, 2, 3]))]
    zone = rng.choice(RESULT_ZONES)
    either, every = sla.union(*parts, timezone=zone), sla.intersection(*parts, timezone=zone)
    for _ in range(20):
        at = random_instant(rng, rng.choice(ZONES))
        answers = [sla.is_open(part, at) for part in parts]
        assert sla.is_open(either, at) == any(answers)
        assert sla.is_open(every, at) == all(answers)
        assert [sla.is_open(p, at) for p in either.open_parts(at)] == [True] * sum(answers)


@settings(max_examples=150, deadline=None)
@given(st.randoms(use_true_random=False))
def test_a_date_override_changes_no_other_date(rng: random.Random) -> None:
    spec = random_part(rng)
    day = random_instant(rng, spec.timezone).date()
    text = rng.choice(["closed", "10:00-15:00", "22:00-06:00", "00:00-24:00", "03:00-04:00"])
    plain = build_part(spec)
    dated = {d: ref.ranges_text(r) if r else "closed" for d, r in spec.hours_on}
    if day in dated:
        return
    changed = sla.calendar(
        spec.timezone,
        spec.hours_text(),
        country=spec.country,
        subdiv=spec.subdiv,
        hours_on={**dated, day: text},
        shorten_before_holidays=dt.timedelta(minutes=spec.shorten) if spec.country else None,
    )
    for offset in range(-4, 5):
        other = day + dt.timedelta(days=offset)
        if offset:
            assert changed.day_hours(other) == plain.day_hours(other)
    # Open intervals outside the overridden date's own shifts are identical.
    tz = ZoneInfo(spec.timezone)
    lo = dt.datetime(day.year, day.month, day.day, tzinfo=tz) - dt.timedelta(days=3)
    hi = lo + dt.timedelta(days=3)  # up to the date's start: earlier shifts only
    assert list(sla.open_intervals(changed, lo, hi)) == list(sla.open_intervals(plain, lo, hi))
    later = lo + dt.timedelta(days=5)  # the day after the next: no shift of the date reaches it
    end = later + dt.timedelta(days=3)
    assert list(sla.open_intervals(changed, later, end)) == list(
        sla.open_intervals(plain, later, end)
    )


# --- goldens -------------------------------------------------------------------------
# Follow the sun: three offices, each Mon-Fri 09:00-17:00 local. Offsets from the IANA
# tz database: the US moves to EDT on 8 March 2026 (second Sunday of March), the EU to
# CEST on 29 March 2026 (last Sunday of March); Japan keeps JST (UTC+9).
# In UTC: Tokyo 00:00-08:00 all along; Berlin 08:00-16:00 (CET), 07:00-15:00 (CEST);
# New York 14:00-22:00 (EST), 13:00-21:00 (EDT).
BERLIN = sla.calendar("Europe/Berlin", "Mon-Fri 09:00-17:00")
NEW_YORK = sla.calendar("America/New_York", "Mon-Fri 09:00-17:00")
TOKYO = sla.calendar("Asia/Tokyo", "Mon-Fri 09:00-17:00")


@pytest.mark.parametrize(
    ("monday", "desk_day", "overlap", "close_utc"),
    [
        (dt.date(2026, 3, 2), 22, 2, 22),  # both on winter time: Berlin-NY 14-16 UTC
        (dt.date(2026, 3, 9), 21, 3, 21),  # US on EDT, EU not yet: Berlin-NY 13-16 UTC
        (dt.date(2026, 3, 30), 21, 2, 21),  # both on summer time: Berlin-NY 13-15 UTC
    ],
)
def test_follow_the_sun_week_across_both_dst_changes(
    monday: dt.date, desk_day: int, overlap: int, close_utc: int
) -> None:
    desk = sla.union(BERLIN, NEW_YORK, TOKYO, timezone="UTC")
    both = BERLIN & NEW_YORK
    start = dt.datetime(monday.year, monday.month, monday.day, tzinfo=UTC)
    week = start + dt.timedelta(days=7)
    assert sla.business_time_between(desk, start, week) == dt.timedelta(hours=5 * desk_day)
    assert sla.business_time_between(both, start, week) == dt.timedelta(hours=5 * overlap)
    day = list(sla.open_intervals(desk, start, start + dt.timedelta(days=1)))
    assert day == [(start, start.replace(hour=close_utc))]
    assert both.timezone == "Europe/Berlin"
    # A Monday 20:00 UTC ticket with 2 desk hours left is due Tuesday 01:00 UTC.
    evening = start.replace(hour=close_utc - 1)
    assert sla.add_business_time(desk, evening, dt.timedelta(hours=2)) == start.replace(
        hour=1
    ) + dt.timedelta(days=1)
    assert [p.timezone for p in desk.open_parts(start.replace(hour=13, minute=30))] == (
        ["Europe/Berlin"] if monday.day == 2 else ["Europe/Berlin", "America/New_York"]
    )


def test_union_round_trips_through_pickle_and_plan_files(tmp_path: object) -> None:
    desk = sla.union(BERLIN, NEW_YORK, TOKYO, timezone="UTC")
    data = pickle.dumps(desk)
    assert len(data) < 2000
    back = pickle.loads(data)
    assert back == desk and hash(back) == hash(desk)
    at = dt.datetime(2026, 3, 10, 13, 30, tzinfo=UTC)
    assert back.open_parts(at) == desk.open_parts(at)
    assert "Europe/Berlin" in desk.to_html("ru") and repr(desk).startswith("Calendar(union of")


def test_union_explains_which_parts_are_open_in_every_locale() -> None:
    desk = BERLIN | TOKYO
    at = dt.datetime(2026, 3, 10, 8, 30, tzinfo=UTC)
    texts = {loc: desk.explain_open(at, loc) for loc in ("en", "de", "nl", "es", "ru")}
    assert len(set(texts.values())) == 5
    assert all("Europe/Berlin" in text and "Asia/Tokyo" not in text for text in texts.values())
    closed = desk.explain_open(dt.datetime(2026, 3, 14, 12, tzinfo=UTC), "en")
    assert "closed" in closed and "none" in closed


@settings(max_examples=40, deadline=None)
@given(
    kind=st.sampled_from(["union", "intersection"]),
    others=st.lists(
        st.one_of(st.none(), st.integers(), st.text(max_size=20), st.dates()), max_size=3
    ),
    timezone=st.sampled_from([None, "UTC", "Asia/Tokyo"]),
)
def test_a_combination_of_nothing_or_of_non_calendars_names_the_function(
    kind: str, others: list[object], timezone: str | None
) -> None:
    combine = getattr(sla, kind)
    if others:
        with pytest.raises(errors.InvalidTypeError) as caught:
            combine(BERLIN, *others, timezone=timezone)
        assert f"sla.{kind}() combines supportpolicy.sla.Calendar values, got " in str(caught.value)
    else:
        with pytest.raises(errors.CalendarError) as caught:
            combine(timezone=timezone)
        assert str(caught.value) == f"sla.{kind}() needs at least one calendar; got none"


def test_bad_combinations_are_refused() -> None:
    with pytest.raises(errors.CalendarError, match="needs at least one calendar"):
        sla.union(timezone="UTC")
    with pytest.raises(errors.CalendarError, match="needs at least one calendar"):
        sla.intersection()
    with pytest.raises(errors.InvalidTypeError, match="got str"):
        sla.union(BERLIN, "Europe/Berlin")  # type: ignore[arg-type]
    with pytest.raises(errors.CalendarError, match="unknown timezone"):
        sla.union(BERLIN, timezone="Mars/Olympus")
    with pytest.raises(TypeError):
        _ = BERLIN | 3  # type: ignore[operator]
    with pytest.raises(errors.CalendarError, match="no parts"):
        BERLIN.explain_open(dt.datetime(2026, 3, 10, tzinfo=UTC))


@pytest.mark.parametrize("timezone", ["UTC", "Asia/Tokyo", "America/New_York"])
def test_unions_reach_both_ends_of_the_supported_range(timezone: str) -> None:
    desk = sla.union(NEW_YORK, TOKYO, BERLIN, timezone=timezone)
    first = dt.datetime(1900, 1, 2, tzinfo=UTC)
    assert sla.next_opening(desk, first) >= first
    last = dt.datetime(2399, 12, 29, tzinfo=UTC)
    assert sla.business_time_between(desk, first, first + dt.timedelta(days=7)) > dt.timedelta(0)
    assert sla.add_business_time(desk, last, dt.timedelta(hours=1)) > last


def test_between_orders_instants_by_real_time_in_a_dst_gap() -> None:
    """Found by hypothesis: 02:00 (fold=1) inside New York's spring gap is 06:00 UTC, an
    hour before 01:59:59.999999 (07:00 UTC less 1 µs) although its wall clock is later.
    The fast clock and the reference both order the two by real time."""
    ny = ZoneInfo("America/New_York")
    a = dt.datetime(2024, 3, 10, 2, 0, tzinfo=ny, fold=1)
    b = dt.datetime(2024, 3, 10, 1, 59, 59, 999999, tzinfo=ny)
    real = b.astimezone(UTC) - a.astimezone(UTC)
    assert real == dt.timedelta(minutes=59, seconds=59, microseconds=999999)
    spec = ref.Spec(timezone="America/New_York", week=(((0, 1440),),) * 7)
    combo = ref.Combo(timezone="Europe/Moscow", parts=(spec,), every=False)
    desk = sla.union(sla.calendar("America/New_York", "24x7"), timezone="Europe/Moscow")
    assert sla.business_time_between(desk, a, b) == real == ref.combo_between(combo, a, b)
