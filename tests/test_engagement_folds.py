"""TAM ledger instants in New York's repeated fall-back hour are judged by real time.

Python compares two datetimes of one zone by wall clock, ignoring ``fold``; these
cases fail when the ledger compares that way.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from supportpolicy import engagement, errors

NY = ZoneInfo("America/New_York")
# 2026-11-01 01:30 happens twice in New York: fold=0 is EDT (05:30 UTC), fold=1 EST (06:30 UTC).
FIRST = dt.datetime(2026, 11, 1, 1, 30, tzinfo=NY, fold=0)
SECOND = dt.datetime(2026, 11, 1, 1, 30, tzinfo=NY, fold=1)
BETWEEN = dt.datetime(2026, 11, 1, 1, 45, tzinfo=NY, fold=0)  # EDT, after FIRST, before SECOND


def test_a_session_held_after_as_of_in_real_time_is_refused() -> None:
    # 003: only sessions that started before as_of can be held in a statement so far.
    with pytest.raises(errors.InvalidValueError, match="after as_of"):
        engagement.tam_statement("a", "2026-11", [engagement.Session(SECOND)], as_of=BETWEEN)


def test_a_session_held_before_as_of_in_real_time_counts() -> None:
    stmt = engagement.tam_statement("a", "2026-11", [engagement.Session(FIRST)], as_of=BETWEEN)
    assert (stmt.held, stmt.available) == (1, 3)


def test_sessions_are_listed_in_real_time_order() -> None:
    sessions = [engagement.Session(SECOND), engagement.Session(BETWEEN)]
    stmt = engagement.tam_statement("a", "2026-11", sessions)
    assert [s.at for s in stmt.sessions] == [BETWEEN, SECOND]
    assert stmt.sessions[0].at.fold == 0 and stmt.sessions[1].at.fold == 1
