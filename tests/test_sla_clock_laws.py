"""Property tests: every law of the business clock in semantics.md."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from supportpolicy import errors, sla

ZONES = (
    "Europe/Moscow",
    "Europe/Berlin",
    "America/New_York",
    "America/Santiago",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
)
HOURS = (
    "Mon-Fri 10:00-18:00",
    "Mon-Fri 09:00-12:00,13:00-17:30; Sat 10:00-14:00",
    "Mon-Sun 00:00-03:30,22:00-24:00",
    "Mon-Sun 01:30-02:45",
    "24x7",
)
COUNTRIES = (None, "RU", "US", "NL", "ES")

calendars = st.builds(
    lambda tz, hours, country: sla.calendar(tz, hours, country=country),
    st.sampled_from(ZONES),
    st.sampled_from(HOURS),
    st.sampled_from(COUNTRIES),
)
instants = st.builds(
    lambda local, zone, fold: local.replace(tzinfo=ZoneInfo(zone), fold=fold),
    st.datetimes(min_value=dt.datetime(2024, 1, 1), max_value=dt.datetime(2027, 12, 31)),
    st.sampled_from(ZONES),
    st.integers(0, 1),
)
durations = st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=40))

SETTINGS = settings(max_examples=150, deadline=None)


def utc(instant: dt.datetime) -> dt.datetime:
    """*instant* in UTC: Python orders two datetimes of one zone by wall clock and
    ignores ``fold``, so laws about real time compare in UTC."""
    return instant.astimezone(dt.UTC)


@SETTINGS
@given(calendars, instants, durations)
def test_between_of_add_is_the_duration(cal: sla.Calendar, a: dt.datetime, d: dt.timedelta) -> None:
    assert sla.business_time_between(cal, a, sla.add_business_time(cal, a, d)) == d


@SETTINGS
@given(calendars, instants, durations)
def test_add_is_the_earliest_such_instant(
    cal: sla.Calendar, a: dt.datetime, d: dt.timedelta
) -> None:
    t = sla.add_business_time(cal, a, d)
    assert utc(t) >= utc(a)
    before = utc(t) - dt.timedelta(microseconds=1)
    assume(before >= utc(a))
    assert sla.business_time_between(cal, a, before) < d


@SETTINGS
@given(calendars, instants, instants, durations)
def test_add_is_monotonic_in_the_start(
    cal: sla.Calendar, a: dt.datetime, b: dt.datetime, d: dt.timedelta
) -> None:
    early, late = sorted((a, b), key=utc)
    assert utc(sla.add_business_time(cal, early, d)) <= utc(sla.add_business_time(cal, late, d))


@SETTINGS
@given(calendars, instants, durations, durations)
def test_add_is_monotonic_in_the_duration(
    cal: sla.Calendar, a: dt.datetime, d: dt.timedelta, e: dt.timedelta
) -> None:
    small, large = sorted((d, e))
    assert utc(sla.add_business_time(cal, a, small)) <= utc(sla.add_business_time(cal, a, large))


@SETTINGS
@given(calendars, instants, instants, instants)
def test_between_is_additive(
    cal: sla.Calendar, a: dt.datetime, b: dt.datetime, c: dt.datetime
) -> None:
    between = sla.business_time_between
    assert between(cal, a, b) + between(cal, b, c) == between(cal, a, c)


@SETTINGS
@given(calendars, instants, instants)
def test_between_is_bounded_by_real_time_and_antisymmetric(
    cal: sla.Calendar, a: dt.datetime, b: dt.datetime
) -> None:
    early, late = sorted((a, b))
    forward = sla.business_time_between(cal, early, late)
    real = late.astimezone(dt.UTC) - early.astimezone(dt.UTC)
    assert dt.timedelta(0) <= forward <= real
    assert sla.business_time_between(cal, late, early) == -forward


@SETTINGS
@given(st.sampled_from(ZONES), instants, durations)
def test_24x7_adds_real_time(zone: str, a: dt.datetime, d: dt.timedelta) -> None:
    cal = sla.calendar(zone, "24x7")
    result = sla.add_business_time(cal, a, d)
    # Real time, not wall-clock arithmetic. Compared in UTC: == across zones is always
    # False for an instant in a DST fold (PEP 495), such as Lord Howe's 01:30-02:00.
    assert result.astimezone(dt.UTC) == a.astimezone(dt.UTC) + d
    assert result.tzinfo == ZoneInfo(zone)
    assert sla.business_time_between(cal, a, result) == d


@SETTINGS
@given(calendars, instants)
def test_adding_zero_is_identity(cal: sla.Calendar, a: dt.datetime) -> None:
    result = sla.add_business_time(cal, a, dt.timedelta(0))
    assert result.astimezone(dt.UTC) == a.astimezone(dt.UTC)
    assert sla.add_business_days(cal, a, 0) == result


@SETTINGS
@given(calendars, instants)
def test_is_open_and_next_opening_agree_with_between(cal: sla.Calendar, a: dt.datetime) -> None:
    tick = dt.timedelta(microseconds=1)
    after = a.astimezone(dt.UTC) + tick
    assert sla.is_open(cal, a) == (sla.business_time_between(cal, a, after) == tick)
    opening = sla.next_opening(cal, a)
    assert utc(opening) >= utc(a) and sla.is_open(cal, opening)
    assert sla.business_time_between(cal, a, opening) == dt.timedelta(0)


@SETTINGS
@given(calendars, instants, st.integers(0, 30))
def test_business_days_are_monotonic_and_land_on_open_time(
    cal: sla.Calendar, a: dt.datetime, n: int
) -> None:
    result = sla.add_business_days(cal, a, n)
    assert utc(result) >= utc(a)
    assert utc(sla.add_business_days(cal, a, n + 1)) > utc(result)


@SETTINGS
@given(instants, st.integers(0, 60), st.sampled_from(("RU", None)))
def test_uniform_days_equal_adding_n_day_lengths(
    a: dt.datetime, n: int, country: str | None
) -> None:
    """semantics.md: on a calendar whose days all last L, n business days == n * L."""
    cal = sla.calendar("Europe/Moscow", "Mon-Fri 10:00-18:00", country=country)
    assert sla.add_business_days(cal, a, n) == sla.add_business_time(
        cal, a, n * dt.timedelta(hours=8)
    )


@SETTINGS
@given(calendars, instants, durations)
def test_results_come_in_the_calendars_zone_and_inputs_are_untouched(
    cal: sla.Calendar, a: dt.datetime, d: dt.timedelta
) -> None:
    before = (a, a.tzinfo, a.fold)
    result = sla.add_business_time(cal, a, d)
    assert result.tzinfo == cal.tz
    assert (a, a.tzinfo, a.fold) == before


def test_naive_instants_and_negative_durations_are_refused() -> None:
    cal = sla.calendar("Europe/Moscow", "Mon-Fri 10:00-18:00")
    naive = dt.datetime(2026, 11, 23, 10, 0)
    with pytest.raises(errors.NaiveDatetimeError, match="naive"):
        sla.add_business_time(cal, naive, dt.timedelta(hours=1))
    with pytest.raises(errors.NaiveDatetimeError):
        sla.business_time_between(cal, naive, naive)
    with pytest.raises(errors.NaiveDatetimeError):
        sla.is_open(cal, naive)
    aware = naive.replace(tzinfo=ZoneInfo("Europe/Moscow"))
    with pytest.raises(errors.InvalidValueError, match="negative"):
        sla.add_business_time(cal, aware, dt.timedelta(seconds=-1))
    # Negative business days go backward (semantics.md, "Going backward").
    assert sla.add_business_days(cal, aware, -1) == aware - dt.timedelta(days=3)
    with pytest.raises(TypeError):
        sla.add_business_time(cal, aware, 3600)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        sla.add_business_days(cal, aware, True)
    with pytest.raises(errors.InvalidTypeError):
        sla.is_open("Mon-Fri", aware)  # type: ignore[arg-type]
