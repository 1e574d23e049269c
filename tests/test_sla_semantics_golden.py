"""Golden cases: the worked examples and DST rules of semantics.md, checked by hand.

Each row names the rule of semantics.md it illustrates.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from supportpolicy import sla

H = dt.timedelta(hours=1)
UTC = dt.UTC


def at(zone: str, *parts: int, fold: int = 0) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=ZoneInfo(zone), fold=fold)  # type: ignore[misc]


OFFICE = sla.calendar("Europe/Moscow", "Mon-Fri 10:00-18:00")

BUSINESS_DAYS = [
    # semantics.md "Business days", its three examples on Mon-Fri 10:00-18:00
    (
        "Tuesday 14:00 + 1 = Wednesday 14:00",
        at("Europe/Moscow", 2026, 11, 24, 14),
        1,
        at("Europe/Moscow", 2026, 11, 25, 14),
    ),
    (
        "Saturday 11:00 + 1 = Monday 18:00",
        at("Europe/Moscow", 2026, 11, 21, 11),
        1,
        at("Europe/Moscow", 2026, 11, 23, 18),
    ),
    (
        "Friday 18:00 + 1 = Monday 18:00",
        at("Europe/Moscow", 2026, 11, 20, 18),
        1,
        at("Europe/Moscow", 2026, 11, 23, 18),
    ),
]


@pytest.mark.parametrize(
    ("rule", "start", "days", "expected"), BUSINESS_DAYS, ids=[r[0] for r in BUSINESS_DAYS]
)
def test_business_day_examples(
    rule: str, start: dt.datetime, days: int, expected: dt.datetime
) -> None:
    assert sla.add_business_days(OFFICE, start, days) == expected


def test_a_start_outside_hours_starts_at_the_next_opening() -> None:
    # semantics.md "The two core operations": Saturday counts from Monday 10:00.
    assert sla.add_business_time(OFFICE, at("Europe/Moscow", 2026, 11, 21, 11), H) == at(
        "Europe/Moscow", 2026, 11, 23, 11
    )


def test_a_result_on_a_closing_is_that_closing() -> None:
    # semantics.md: lands exactly on a closing -> 18:00, not the next opening.
    result = sla.add_business_time(OFFICE, at("Europe/Moscow", 2026, 11, 20, 10), 8 * H)
    assert result == at("Europe/Moscow", 2026, 11, 20, 18)
    assert result.isoformat() == "2026-11-20T18:00:00+03:00"


def test_breaks_are_skipped() -> None:
    cal = sla.calendar("Europe/Moscow", "Mon-Fri 09:00-12:00,13:00-17:30")
    assert sla.add_business_time(cal, at("Europe/Moscow", 2026, 11, 23, 11), 2 * H) == at(
        "Europe/Moscow", 2026, 11, 23, 14
    )
    # Exactly 3 h from 09:00 ends at the lunch closing, 12:00, not at 13:00.
    assert sla.add_business_time(cal, at("Europe/Moscow", 2026, 11, 23, 9), 3 * H) == at(
        "Europe/Moscow", 2026, 11, 23, 12
    )


BERLIN = sla.calendar("Europe/Berlin", "24x7")


def test_spring_forward_day_holds_23_hours_and_fall_back_day_25() -> None:
    # semantics.md "Wall clock to instant": business time is real elapsed time.
    assert (
        sla.business_time_between(
            BERLIN, at("Europe/Berlin", 2024, 3, 31), at("Europe/Berlin", 2024, 4, 1)
        )
        == 23 * H
    )
    assert (
        sla.business_time_between(
            BERLIN, at("Europe/Berlin", 2024, 10, 27), at("Europe/Berlin", 2024, 10, 28)
        )
        == 25 * H
    )


def test_a_boundary_in_a_gap_opens_at_the_gaps_end() -> None:
    # semantics.md: 02:30 on a spring-forward night in Europe/Berlin is 03:00 CEST.
    cal = sla.calendar("Europe/Berlin", "Sun 02:30-05:00")
    opening = sla.next_opening(cal, at("Europe/Berlin", 2024, 3, 31, 0))
    assert opening.isoformat() == "2024-03-31T03:00:00+02:00"
    assert (
        sla.business_time_between(
            cal, at("Europe/Berlin", 2024, 3, 31), at("Europe/Berlin", 2024, 4, 1)
        )
        == 2 * H
    )


def test_an_ambiguous_boundary_is_its_first_occurrence() -> None:
    # semantics.md: an ambiguous T is its first occurrence (02:30 CEST, not 02:30 CET).
    cal = sla.calendar("Europe/Berlin", "Sun 01:00-02:30")
    day = (at("Europe/Berlin", 2024, 10, 27), at("Europe/Berlin", 2024, 10, 28))
    assert sla.business_time_between(cal, *day) == 1.5 * H
    intervals = list(sla.open_intervals(cal, *day))
    assert [(a.isoformat(), b.isoformat()) for a, b in intervals] == [
        ("2024-10-27T01:00:00+02:00", "2024-10-27T02:30:00+02:00")
    ]


def test_24_00_is_the_first_instant_of_the_next_day_even_in_a_midnight_gap() -> None:
    # America/Santiago springs forward at 24:00: 2024-09-08 00:00 does not exist, the
    # day starts at 01:00 -03. "Sat 22:00-24:00" therefore closes at 01:00 -03, 2 h later.
    cal = sla.calendar("America/Santiago", "Sat 22:00-24:00")
    intervals = list(
        sla.open_intervals(
            cal, at("America/Santiago", 2024, 9, 7), at("America/Santiago", 2024, 9, 9)
        )
    )
    assert [(a.isoformat(), b.isoformat()) for a, b in intervals] == [
        ("2024-09-07T22:00:00-04:00", "2024-09-08T01:00:00-03:00")
    ]
    assert sla.business_time_between(cal, *intervals[0]) == 2 * H


def test_lord_howe_shifts_by_thirty_minutes() -> None:
    # Australia/Lord_Howe moves 02:00 -> 02:30 in October: a 24x7 day holds 23.5 h.
    cal = sla.calendar("Australia/Lord_Howe", "24x7")
    assert (
        sla.business_time_between(
            cal, at("Australia/Lord_Howe", 2025, 10, 5), at("Australia/Lord_Howe", 2025, 10, 6)
        )
        == 23.5 * H
    )
    # 02:15 that night is in the gap: an interval starting then opens at 02:30 +11:00.
    gap = sla.calendar("Australia/Lord_Howe", "Sun 02:15-03:00")
    assert (
        sla.next_opening(gap, at("Australia/Lord_Howe", 2025, 10, 5)).isoformat()
        == "2025-10-05T02:30:00+11:00"
    )


def test_kolkata_has_half_hour_offset_and_no_dst() -> None:
    cal = sla.calendar("Asia/Kolkata", "Mon-Fri 09:30-18:00")
    start = dt.datetime(2026, 11, 20, 12, 0, tzinfo=UTC)  # Friday 17:30 IST
    assert sla.add_business_time(cal, start, H).isoformat() == "2026-11-23T10:00:00+05:30"


def test_results_are_in_the_calendars_zone_whatever_the_input_zone() -> None:
    start = at("America/New_York", 2026, 11, 20, 9)  # 17:00 in Moscow
    result = sla.add_business_time(OFFICE, start, 2 * H)
    assert result.isoformat() == "2026-11-23T11:00:00+03:00"
    assert result.tzinfo == ZoneInfo("Europe/Moscow")
