"""Bugs the strategies found, pinned as plain examples.

Python compares two datetimes that share a ``tzinfo`` by their wall clock and ignores
``fold``. In a DST fold (Europe/Berlin, 2026-10-25, 02:00-03:00 happens twice) the
ticket code compared event instants that way: listing events in true time order was
refused, and a late response could count as met. The timelines of
``strategies.ticket_events`` hit this within a few dozen examples.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from supportpolicy import sla

BERLIN = ZoneInfo("Europe/Berlin")
UTC = dt.UTC


def _fold_time(hour: int, minute: int, fold: int) -> dt.datetime:
    return dt.datetime(2026, 10, 25, hour, minute, tzinfo=BERLIN, fold=fold)


def _plan() -> sla.Plan:
    minutes, hours = sla.Target(60, sla.Unit.MINUTES), sla.Target(2, sla.Unit.HOURS)
    return sla.Plan(
        key="berlin",
        name="Berlin",
        calendar=sla.calendar("Europe/Berlin", "24x7"),
        reaction=(minutes,) * 4,  # type: ignore[arg-type]
        resolution=(hours,) * 4,  # type: ignore[arg-type]
    )


def test_events_in_true_order_across_a_fold_are_accepted() -> None:
    opened = _fold_time(2, 45, 0)  # 00:45 UTC, first pass through the hour
    responded = _fold_time(2, 10, 1)  # 01:10 UTC, second pass: later, smaller wall time
    assert responded.astimezone(UTC) > opened.astimezone(UTC)
    events = [sla.Opened(opened, 2), sla.Responded(responded)]
    assert sla.evaluate(_plan(), events, responded).reaction.state is sla.State.MET


def test_a_late_response_in_a_fold_is_a_breach() -> None:
    opened = dt.datetime(2026, 10, 25, 1, 50, tzinfo=BERLIN)  # 23:50 UTC the day before
    responded = _fold_time(2, 20, 1)  # 01:20 UTC: 90 minutes later, target 60
    status = sla.evaluate(_plan(), [sla.Opened(opened, 1), sla.Responded(responded)], responded)
    assert status.reaction.due.astimezone(UTC) == dt.datetime(2026, 10, 25, 0, 50, tzinfo=UTC)
    assert status.reaction.state is sla.State.BREACHED
    assert status.reaction.remaining == dt.timedelta(minutes=-30)
    assert status.reaction.stopped == responded


def test_a_pause_across_the_fold_is_read_in_real_time() -> None:
    opened = dt.datetime(2026, 10, 25, 1, 0, tzinfo=BERLIN)
    pause = (_fold_time(2, 40, 0), _fold_time(2, 5, 1))  # 00:40 to 01:05 UTC: 25 minutes
    deadline = sla.resolution_deadline(_plan(), 3, opened, pauses=[pause])
    assert deadline is not None
    base = opened.astimezone(UTC) + dt.timedelta(hours=2)
    assert deadline.due.astimezone(UTC) == base + dt.timedelta(minutes=25)


def test_an_agreed_deadline_in_the_fold_is_after_its_agreement() -> None:
    agreed = sla.AgreedDeadline(_fold_time(2, 50, 0), _fold_time(2, 10, 1))
    assert agreed.due.astimezone(UTC) > agreed.at.astimezone(UTC)


def test_a_24x7_result_in_a_fold_is_the_real_time_sum() -> None:
    # The clock was right; the law's test compared across zones with ==, which PEP 495
    # makes False for any instant in a fold. Lord Howe falls back 02:00 -> 01:30.
    cal = sla.calendar("Australia/Lord_Howe", "24x7")
    start = dt.datetime(2024, 3, 14, 0, 32, 26, tzinfo=UTC)
    duration = dt.timedelta(days=23, seconds=50254)
    result = sla.add_business_time(cal, start, duration)
    assert result.astimezone(UTC) == start + duration
    assert result.fold == 0 and result != start + duration  # the trap itself
