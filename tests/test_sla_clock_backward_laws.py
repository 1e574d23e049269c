"""Property tests and examples for the laws of semantics.md, "Going backward"."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from supportpolicy import _limits, errors, sla
from test_sla_clock_laws import calendars, instants

UTC = dt.UTC
ZERO = dt.timedelta(0)
US = dt.timedelta(microseconds=1)
MSK = ZoneInfo("Europe/Moscow")
SETTINGS = settings(max_examples=100, deadline=None)
positive = st.timedeltas(min_value=US, max_value=dt.timedelta(days=40))
counts = st.integers(1, 30)


def u(instant: dt.datetime) -> dt.datetime:
    return instant.astimezone(UTC)


@SETTINGS
@given(calendars, instants, positive)
def test_between_of_subtract_is_the_duration(
    cal: sla.Calendar, t: dt.datetime, d: dt.timedelta
) -> None:
    s = sla.subtract_business_time(cal, t, d)
    assert u(s) <= u(t)
    assert sla.business_time_between(cal, s, t) == d
    assert str(s.tzinfo) == cal.timezone


@SETTINGS
@given(calendars, instants, positive)
def test_subtract_is_the_latest_such_instant(
    cal: sla.Calendar, t: dt.datetime, d: dt.timedelta
) -> None:
    later = u(sla.subtract_business_time(cal, t, d)) + US
    assume(later <= u(t))
    assert sla.business_time_between(cal, later, t) < d


@SETTINGS
@given(calendars, instants, positive)
def test_subtract_undoes_add_up_to_the_next_opening(
    cal: sla.Calendar, a: dt.datetime, d: dt.timedelta
) -> None:
    back = sla.subtract_business_time(cal, sla.add_business_time(cal, a, d), d)
    assert u(back) == u(sla.next_opening(cal, a))
    if sla.is_open(cal, a):
        assert u(back) == u(a)


@SETTINGS
@given(calendars, instants, positive)
def test_add_undoes_subtract_up_to_the_previous_closing(
    cal: sla.Calendar, t: dt.datetime, d: dt.timedelta
) -> None:
    again = sla.add_business_time(cal, sla.subtract_business_time(cal, t, d), d)
    assert u(again) <= u(t) and sla.business_time_between(cal, again, t) == ZERO
    assert u(again) == u(t) or u(sla.previous_closing(cal, again)) == u(again)


@SETTINGS
@given(calendars, instants, positive, positive)
def test_subtract_is_monotonic_and_composes(
    cal: sla.Calendar, t: dt.datetime, d: dt.timedelta, e: dt.timedelta
) -> None:
    assert u(sla.subtract_business_time(cal, t, d + e)) <= u(sla.subtract_business_time(cal, t, d))
    twice = sla.subtract_business_time(cal, sla.subtract_business_time(cal, t, d), e)
    assert u(twice) == u(sla.subtract_business_time(cal, t, d + e))


@SETTINGS
@given(calendars, instants)
def test_previous_closing_is_the_last_closing_not_after_t(
    cal: sla.Calendar, t: dt.datetime
) -> None:
    assume(not (cal.hours.is_24x7 and cal.country is None))  # it never closes
    try:
        p = sla.previous_closing(cal, t)
    except errors.NeverOpenError:
        assume(False)
        raise
    assert u(p) <= u(t) and str(p.tzinfo) == cal.timezone
    # It is a closing: open just before, closed at it.
    assert sla.is_open(cal, u(p) - US) and not sla.is_open(cal, p)
    # Nothing closes in (p, t]: at most one interval there, running on past t.
    spans = list(sla.open_intervals(cal, p, t))
    assert len(spans) <= 1
    if spans:
        assert u(spans[0][1]) == u(t) and sla.is_open(cal, t)
    assert sla.previous_closing(cal, p) == p


@SETTINGS
@given(calendars, instants, counts)
def test_negative_days_go_backward(cal: sla.Calendar, t: dt.datetime, n: int) -> None:
    back = sla.add_business_days(cal, t, -n)
    assert u(back) < u(t) and str(back.tzinfo) == cal.timezone
    assert u(sla.add_business_days(cal, t, -(n + 1))) <= u(back)
    # The result is the latest instant with its business offset.
    later = u(back) + US
    assert later > u(t) or sla.business_time_between(cal, back, later) > ZERO


# Calendars whose working days all have the same length (no DST, whole-hour days).
even_calendars = st.builds(
    lambda tz, hours, country: sla.calendar(tz, hours, country=country),
    st.sampled_from(("Asia/Kolkata", "UTC", "Europe/Moscow")),
    st.sampled_from(("Mon-Fri 10:00-18:00", "Mon-Fri 09:00-12:00,13:00-18:00", "24x7")),
    st.sampled_from((None, "RU", "US")),
)


@SETTINGS
@given(even_calendars, instants, counts)
def test_days_round_trip_on_days_of_equal_length(
    cal: sla.Calendar, t: dt.datetime, n: int
) -> None:
    there_and_back = sla.add_business_days(cal, sla.add_business_days(cal, t, n), -n)
    assert u(there_and_back) == u(sla.next_opening(cal, t))
    back_and_there = sla.add_business_days(cal, sla.add_business_days(cal, t, -n), n)
    assert u(back_and_there) <= u(t)
    assert sla.business_time_between(cal, back_and_there, t) == ZERO


@SETTINGS
@given(even_calendars, instants, counts)
def test_negative_days_are_subtracted_whole_days(
    cal: sla.Calendar, t: dt.datetime, n: int
) -> None:
    length = dt.timedelta(hours=24 if cal.hours.is_24x7 else 8)
    back = sla.add_business_days(cal, t, -n)
    assert u(back) == u(sla.subtract_business_time(cal, t, n * length))


@SETTINGS
@given(calendars, instants, counts)
def test_days_round_trip_stays_within_the_working_day(
    cal: sla.Calendar, t: dt.datetime, n: int
) -> None:
    there_and_back = sla.add_business_days(cal, sla.add_business_days(cal, t, n), -n)
    gap = abs(sla.business_time_between(cal, sla.next_opening(cal, t), there_and_back))
    assert gap < dt.timedelta(hours=25)


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=MSK)


OFFICE = sla.calendar("Europe/Moscow", "Mon-Fri 10:00-18:00", country="RU")
H = dt.timedelta(hours=1)
# (what, computed, expected); counted by hand on the November 2026 calendar
# (Mon 23, Tue 24; Unity Day Wed 4 November is a public holiday in Russia).
EXAMPLES = [
    ("1 h before Monday 11:00 is Monday's opening",
     sla.subtract_business_time(OFFICE, at(23, 11), H), at(23, 10)),
    ("2 h before Monday 11:00 is Friday 17:00",
     sla.subtract_business_time(OFFICE, at(23, 11), 2 * H), at(20, 17)),
    ("8 h before Monday 18:00 is Monday 10:00, not Friday 18:00",
     sla.subtract_business_time(OFFICE, at(23, 18), 8 * H), at(23, 10)),
    ("Sunday counts from Friday's close",
     sla.subtract_business_time(OFFICE, at(22, 12), H), at(20, 17)),
    ("across Unity Day",
     sla.subtract_business_time(OFFICE, at(5, 11), 2 * H), at(3, 17)),
    ("subtracting zero returns t",
     sla.subtract_business_time(OFFICE, at(22, 12), ZERO), at(22, 12)),
    ("closing inside hours: the one before",
     sla.previous_closing(OFFICE, at(23, 11)), at(20, 18)),
    ("closing at t is t",
     sla.previous_closing(OFFICE, at(23, 18)), at(23, 18)),
    ("closing in the evening",
     sla.previous_closing(OFFICE, at(23, 21)), at(23, 18)),
    ("closing at an opening: the evening before",
     sla.previous_closing(OFFICE, at(5, 10)), at(3, 18)),
    ("-1 day from Tuesday 14:00",
     sla.add_business_days(OFFICE, at(24, 14), -1), at(23, 14)),
    ("-1 day from Tuesday 18:00 is Tuesday's opening",
     sla.add_business_days(OFFICE, at(24, 18), -1), at(24, 10)),
    ("-1 day from Tuesday 10:00 is Monday 10:00",
     sla.add_business_days(OFFICE, at(24, 10), -1), at(23, 10)),
    ("-1 day from Saturday is Friday's opening",
     sla.add_business_days(OFFICE, at(21, 11), -1), at(20, 10)),
    ("-1 day across Unity Day",
     sla.add_business_days(OFFICE, at(5, 15), -1), at(3, 15)),
]  # fmt: skip


@pytest.mark.parametrize("row", EXAMPLES, ids=[row[0] for row in EXAMPLES])
def test_examples(row: tuple[str, dt.datetime, dt.datetime]) -> None:
    _, computed, expected = row
    assert computed.isoformat() == expected.isoformat()


def test_bad_input_is_refused() -> None:
    t = at(23, 11)
    with pytest.raises(errors.InvalidValueError, match="is negative; only durations >= 0"):
        sla.subtract_business_time(OFFICE, t, -H)
    with pytest.raises(errors.InvalidTypeError, match="timedelta"):
        sla.subtract_business_time(OFFICE, t, 3600)  # type: ignore[arg-type]
    with pytest.raises(errors.NaiveDatetimeError):
        sla.subtract_business_time(OFFICE, t.replace(tzinfo=None), H)
    with pytest.raises(errors.NaiveDatetimeError):
        sla.previous_closing(OFFICE, t.replace(tzinfo=None))
    with pytest.raises(errors.InvalidTypeError):
        sla.add_business_days(OFFICE, t, -1.0)  # type: ignore[arg-type]


def test_subtracting_past_1900_is_refused() -> None:
    utc = sla.calendar("UTC", "Mon-Fri 10:00-18:00")
    t = dt.datetime(1900, 1, 3, 12, tzinfo=UTC)  # Wednesday; 1 and 2 January gave 8 hours each
    assert sla.subtract_business_time(utc, t, 10 * H) == dt.datetime(1900, 1, 2, 10, tzinfo=UTC)
    assert sla.add_business_days(utc, t, -1) == dt.datetime(1900, 1, 2, 12, tzinfo=UTC)
    # Monday 1 January 1900 lies before the accepted range (from 2 January, UTC).
    with pytest.raises(errors.InvalidValueError, match="before the accepted range"):
        sla.subtract_business_time(utc, t, 11 * H)
    with pytest.raises(errors.InvalidValueError, match="before the accepted range"):
        sla.add_business_days(utc, t, -2)
    with pytest.raises(errors.InvalidValueError, match="before the year 1900"):
        sla.subtract_business_time(utc, t, 19 * H)
    with pytest.raises(errors.InvalidValueError, match="before the year 1900"):
        sla.add_business_days(utc, t, -3)
    with pytest.raises(errors.InvalidValueError, match="before the year 1900"):
        sla.subtract_business_time(OFFICE, at(23, 11), dt.timedelta(days=400 * 365))
    with pytest.raises(errors.InvalidValueError, match="before the year 1900"):
        sla.add_business_days(OFFICE, at(23, 11), -_limits.MAX_BUSINESS_DAYS)
    with pytest.raises(errors.InvalidValueError, match="accepted: integers from -73200"):
        sla.add_business_days(OFFICE, at(23, 11), -10**6)


def test_no_open_time_or_no_closing_before_t() -> None:
    late = sla.calendar("UTC", "Tue-Fri 10:00-18:00")
    t = dt.datetime(1900, 1, 2, 5, tzinfo=UTC)  # nothing opened since 1 January 1900
    with pytest.raises(errors.NeverOpenError, match="no open time before"):
        sla.subtract_business_time(late, t, H)
    with pytest.raises(errors.NeverOpenError, match="no working day before"):
        sla.add_business_days(late, t, -1)
    with pytest.raises(errors.NeverOpenError, match="does not close before"):
        sla.previous_closing(sla.calendar("UTC", "24x7"), dt.datetime(1950, 6, 1, tzinfo=UTC))
    with pytest.raises(errors.NeverOpenError, match="does not close before"):
        sla.previous_closing(late, t)


@SETTINGS
@given(st.sampled_from(("Europe/Berlin", "America/Santiago", "Australia/Lord_Howe")), instants,
       positive)
def test_subtract_on_24x7_is_real_time(zone: str, t: dt.datetime, d: dt.timedelta) -> None:
    cal = sla.calendar(zone, "24x7")
    assert u(sla.subtract_business_time(cal, t, d)) == u(t) - d


@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/Santiago", "Asia/Kolkata"])
def test_new_year_inside_an_open_stretch_is_no_closing(zone: str) -> None:
    """Each year's index ends at New Year; where the calendar stays open it closes not."""
    tz = ZoneInfo(zone)
    cal = sla.calendar(zone, "24x7", closed=[dt.date(2026, 6, 1)])
    found = sla.previous_closing(cal, dt.datetime(2027, 3, 1, 12, tzinfo=tz))
    assert found == dt.datetime(2026, 6, 1, tzinfo=tz)
    assert sla.previous_closing(cal, dt.datetime(2026, 6, 1, 12, tzinfo=tz)) == found
    # Counting back over New Year: 24 h from 1 January 00:00 is 31 December 00:00.
    new_year = dt.datetime(2027, 1, 1, tzinfo=tz)
    back = sla.subtract_business_time(cal, new_year, dt.timedelta(hours=24))
    assert u(back) == u(dt.datetime(2026, 12, 31, tzinfo=tz))
