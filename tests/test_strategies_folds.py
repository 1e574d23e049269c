"""DST folds pinned: the strategies' real-time helper keeps ``fold`` (issue 9).

``st.from_type(sla.AgreedDeadline)`` built ``AgreedDeadline(a, a + d)``; for an instant
``a`` in the second pass of a fall-back hour, ``a + d`` is wall-clock arithmetic that
drops ``fold`` and lands an hour earlier, before the agreement itself. These cases are
every fold of the strategies' zones in 2000-2040, so they do not depend on luck.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from supportpolicy import sla
from supportpolicy.strategies._calendars import TIMEZONES, _transitions
from supportpolicy.strategies._time import agreed_deadline, later

DELTAS = (
    dt.timedelta(0),
    dt.timedelta(microseconds=1),
    dt.timedelta(minutes=30),
    dt.timedelta(hours=1),
)


def fold_instants() -> list[dt.datetime]:
    """The second occurrence (fold=1) of the first wall time of every fold."""
    found = []
    for zone in TIMEZONES:
        for at, before, after in _transitions(zone, 2000, 2040):
            if after < before:
                wall = at.replace(tzinfo=None) + dt.timedelta(seconds=after)
                found.append(wall.replace(tzinfo=ZoneInfo(zone), fold=1))
    return found


FOLDS = fold_instants()


def test_there_are_folds_to_pin() -> None:
    assert len(FOLDS) > 100
    assert {t.tzinfo.key for t in FOLDS} >= {
        "Europe/Berlin",
        "America/New_York",
        "Australia/Lord_Howe",
    }  # type: ignore[union-attr]


@pytest.mark.parametrize("delta", DELTAS, ids=str)
def test_later_adds_real_time_at_every_fold(delta: dt.timedelta) -> None:
    for instant in FOLDS:
        result = later(instant, delta)
        assert result.astimezone(dt.UTC) == instant.astimezone(dt.UTC) + delta, instant
        assert result.tzinfo is instant.tzinfo


@pytest.mark.parametrize("delta", DELTAS, ids=str)
def test_an_agreed_deadline_at_every_fold_is_valid(delta: dt.timedelta) -> None:
    for instant in FOLDS:
        event = agreed_deadline(instant, delta)
        assert isinstance(event, sla.AgreedDeadline)
        assert event.due.astimezone(dt.UTC) - event.at.astimezone(dt.UTC) == delta


def test_wall_clock_addition_is_the_trap() -> None:
    """What the helper avoids: ``+`` at a fold goes back an hour."""
    instant = FOLDS[0]
    assert (instant + dt.timedelta(0)).astimezone(dt.UTC) < instant.astimezone(dt.UTC)
