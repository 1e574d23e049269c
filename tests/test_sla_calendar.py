"""Calendar construction: the hours grammar, its refusals, holidays, extra days, pickling."""

from __future__ import annotations

import datetime as dt
import itertools
import pickle
import time
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportpolicy import errors, sla

MSK = ZoneInfo("Europe/Moscow")


@pytest.mark.parametrize(
    ("hours", "problem"),
    [
        ("Mon 18:00-10:00; Tue 09:00-12:00", "night shift 18:00-10:00 of Mon overlaps"),
        ("Sun 20:00-08:00; Mon 07:00-09:00", "of Sun overlaps Mon"),
        ("Mon 22:00-22:00", "24-hour shift"),
        ("Mon 22:00-30:00", "lasts under 24 hours"),
        ("Mon-Fri 10:00-10:00", "is empty"),
        ("Mon 09:00-12:00,11:00-13:00", "overlaps"),
        ("Mon-Fri 09:00-12:00; Wed 11:00-14:00", "overlaps"),
        ("Mon 09:00-24:30", "not a time of day"),
        ("Mon 09:00-25:00", "not a time of day"),
        ("Mon 24:00-24:00", "cannot start at 24:00"),
        ("Mon 09:60-10:00", "not a time of day"),
        ("Mun 09:00-10:00", "unknown day 'Mun'"),
        ("Fri-Mon 09:00-10:00", "runs backwards"),
        ("", "empty"),
        ("   ", "empty"),
        ("Mon-Fri", "lacks DAYS or RANGES"),
        ("Mon 9-17", "not a time"),
        ("Mon 09:00", "not a range"),
        ("Mon 09:00-10:00;", "empty group"),
    ],
)
def test_bad_hours_are_refused_with_what_is_wrong(hours: str, problem: str) -> None:
    with pytest.raises(errors.CalendarError, match=problem) as info:
        sla.calendar("Europe/Moscow", hours)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"timezone": "Mars/Olympus"}, "unknown timezone 'Mars/Olympus'"),
        ({"timezone": ""}, "IANA name"),
        ({"country": "XX"}, "unknown country 'XX'"),
        ({"country": "DE", "subdiv": "ZZ"}, "no subdivision 'ZZ'; accepted: BB, BE"),
        ({"subdiv": "BY"}, "without a country"),
        ({"closed": [dt.datetime(2026, 1, 1, tzinfo=MSK)]}, "datetime.date values"),
        ({"closed": [dt.date(2026, 1, 5)], "open": [dt.date(2026, 1, 5)]}, "both closed and open"),
    ],
)
def test_bad_calendar_parts_are_refused(kwargs: dict[str, object], problem: str) -> None:
    args: dict[str, object] = {"timezone": "Europe/Moscow", "hours": "Mon-Fri 10:00-18:00"} | kwargs
    with pytest.raises(errors.CalendarError, match=problem):
        sla.calendar(**args)  # type: ignore[arg-type]


def test_hours_text_round_trips_and_merges_touching_ranges() -> None:
    cal = sla.calendar("UTC", "mon,wed-fri 09:00-12:00,12:00-17:30; Saturday 10:00-14:00")
    assert str(cal.hours) == "Mon 09:00-17:30; Wed-Fri 09:00-17:30; Sat 10:00-14:00"
    assert sla.parse_hours(str(cal.hours)) == cal.hours
    assert str(sla.parse_hours("Mon-Sun 00:00-24:00")) == "24x7"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.tuples(st.integers(0, 1439), st.integers(1, 1440)), max_size=3),
        min_size=7,
        max_size=7,
    )
)
def test_any_valid_week_round_trips(week: list[list[tuple[int, int]]]) -> None:
    names = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    groups = []
    for name, generated in zip(names, week, strict=True):
        ranges = sorted((s, e) for s, e in generated if s < e)
        if any(b[0] < a[1] for a, b in itertools.pairwise(ranges)):
            continue
        if ranges:
            text = ",".join(
                f"{s // 60:02d}:{s % 60:02d}-{e // 60:02d}:{e % 60:02d}" for s, e in ranges
            )
            groups.append(f"{name} {text}")
    if not groups:
        return
    hours = sla.parse_hours("; ".join(groups))
    assert sla.parse_hours(str(hours)) == hours


def test_russian_holidays_and_transferred_saturday() -> None:
    """004: Moscow hours with Russian public holidays; 2025-11-01 is a working Saturday."""
    cal = sla.calendar("Europe/Moscow", "Mon-Fri 10:00-18:00", country="RU")
    assert not sla.is_open(cal, dt.datetime(2026, 1, 5, 12, tzinfo=MSK))  # New Year holidays
    assert not sla.is_open(cal, dt.datetime(2026, 5, 11, 12, tzinfo=MSK))  # Victory Day observed
    assert sla.is_open(cal, dt.datetime(2025, 11, 1, 12, tzinfo=MSK))  # transferred Saturday
    assert not sla.is_open(cal, dt.datetime(2025, 11, 1, 9, 59, tzinfo=MSK))  # with Monday's hours
    late = sla.calendar(
        "Europe/Moscow",
        "Mon 12:00-13:00; Tue-Fri 10:00-18:00",
        country="RU",
        extra_day_hours="08:00-09:00",
    )
    assert sla.is_open(late, dt.datetime(2025, 11, 1, 8, 30, tzinfo=MSK))


def test_explicit_dates_override_the_week_and_holidays() -> None:
    cal = sla.calendar(
        "Europe/Moscow",
        "Mon-Fri 10:00-18:00",
        country="RU",
        closed=[dt.date(2026, 11, 23)],
        open=[dt.date(2026, 11, 4), dt.date(2026, 11, 21)],
    )
    assert not sla.is_open(cal, dt.datetime(2026, 11, 23, 12, tzinfo=MSK))
    assert sla.is_open(cal, dt.datetime(2026, 11, 4, 12, tzinfo=MSK))  # Unity Day, opened
    assert sla.is_open(cal, dt.datetime(2026, 11, 21, 12, tzinfo=MSK))  # a Saturday, opened


def test_closed_days_name_holidays_in_each_language() -> None:
    cal = sla.calendar(
        "America/New_York", "Mon-Fri 09:00-18:00", country="US", closed=[dt.date(2026, 11, 27)]
    )
    english = sla.closed_days(cal, dt.date(2026, 11, 20), dt.date(2026, 11, 30), "en")
    assert [(d.day.isoformat(), d.name) for d in english] == [
        ("2026-11-26", "Thanksgiving Day"),
        ("2026-11-27", None),
    ]
    ru = sla.calendar("Europe/Moscow", "Mon-Fri 10:00-18:00", country="RU")
    russian = sla.closed_days(ru, dt.date(2026, 6, 12), dt.date(2026, 6, 12), "ru")
    assert russian[0].name == "День России"
    # No German names for Russia in holidays: the library's German wording, never English.
    assert (
        sla.closed_days(ru, dt.date(2026, 6, 12), dt.date(2026, 6, 12), "de_CH")[0].name
        == "Gesetzlicher Feiertag"
    )


def test_calendars_are_values_that_pickle_with_an_empty_cache() -> None:
    cal = sla.calendar("Europe/Moscow", "Mon-Fri 10:00-18:00", country="RU")
    start = dt.datetime(2026, 11, 20, 17, tzinfo=MSK)
    due = sla.add_business_time(cal, start, dt.timedelta(hours=3))
    copy = pickle.loads(pickle.dumps(cal))
    assert copy == cal and hash(copy) == hash(cal)
    assert sla.add_business_time(copy, start, dt.timedelta(hours=3)) == due
    assert sla.calendar("Europe/Moscow", "Mon-Fri 10:00-18:00", country="ru") == cal


def test_a_calendar_closed_for_years_answers_without_hanging() -> None:
    closed = [dt.date(2026, 1, 1) + dt.timedelta(days=i) for i in range(3 * 366)]
    assert closed[-1] == dt.date(2029, 1, 2)  # so the first open day is Wednesday 3 January
    cal = sla.calendar("UTC", "Mon-Fri 10:00-18:00", closed=closed)
    started = time.monotonic()
    start = dt.datetime(2026, 1, 1, tzinfo=ZoneInfo("UTC"))
    assert sla.next_opening(cal, start) == dt.datetime(2029, 1, 3, 10, tzinfo=ZoneInfo("UTC"))
    # The clock starts at that opening (offset 0), so one day later is the next day's
    # opening, reported as the earliest equivalent instant: Wednesday's closing.
    assert sla.add_business_days(cal, start, 1) == dt.datetime(
        2029, 1, 3, 18, tzinfo=ZoneInfo("UTC")
    )
    assert time.monotonic() - started < 30  # a guard against hanging, not a speed test


def test_instants_outside_the_supported_years_are_refused() -> None:
    cal = sla.calendar("UTC", "24x7")
    with pytest.raises(errors.InvalidValueError, match="supported range"):
        sla.is_open(cal, dt.datetime(1800, 1, 1, tzinfo=ZoneInfo("UTC")))
    with pytest.raises(errors.NeverOpenError, match="more than 200 years after"):
        sla.add_business_time(
            cal, dt.datetime(2026, 1, 1, tzinfo=ZoneInfo("UTC")), dt.timedelta(days=100_000)
        )
