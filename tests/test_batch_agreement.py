"""Acceptance: the batch kernels agree exactly with the scalar functions.

Over 100,000 generated rows (numpy-generated columns in a few big batches): every
calendar of every preset plan, DST-heavy zones, night shifts over New Year, a union,
``hours_on`` overrides, instants from 1990 to 2060 (random microseconds, and openings
and closings themselves, one microsecond either side), NaT. The scalar loop is the cost.
"""

from __future__ import annotations

import datetime as dt

import pytest

np = pytest.importorskip("numpy")

from supportpolicy import batch, sla  # noqa: E402
from supportpolicy.batch._tables import EPOCH, table  # noqa: E402

ROWS = 2_500
LO = int((dt.datetime(1990, 1, 1, tzinfo=dt.UTC) - EPOCH).total_seconds() * 1e6)
HI = int((dt.datetime(2061, 1, 1, tzinfo=dt.UTC) - EPOCH).total_seconds() * 1e6)
NAT = np.iinfo(np.int64).min


def _calendars() -> dict[str, sla.Calendar]:
    cals = {}
    for name in sla.plan_names():
        plan = sla.plan(name)
        cals[f"{name}"] = plan.calendar
        if plan.working_days is not None:
            cals[f"{name}-days"] = plan.working_days
    zones = ("Europe/Moscow", "Europe/Berlin", "America/New_York", "America/Santiago",
             "Australia/Lord_Howe", "Asia/Kolkata")  # fmt: skip
    for zone in zones:
        cals[zone] = sla.calendar(zone, "Mon-Fri 09:00-17:30; Sun 01:30-03:45")
    cals["night"] = sla.calendar("Europe/Berlin", "Mon-Sun 22:00-06:00", country="DE")
    cals["night-ny"] = sla.calendar("America/New_York", "Mon-Fri 20:00-03:30")
    cals["overrides"] = sla.calendar(
        "Europe/Moscow", "Mon-Fri 10:00-18:00", country="RU",
        hours_on={dt.date(2026, 12, 30): "10:00-15:00", dt.date(2026, 12, 26): "11:00-14:00",
                  dt.date(2026, 12, 29): "closed", dt.date(2000, 1, 1): "00:00-24:00"},
    )  # fmt: skip
    cals["union"] = sla.union(cals["Europe/Berlin"], cals["America/New_York"],
                              cals["night"], timezone="UTC")  # fmt: skip
    cals["24x7"] = sla.calendar("Australia/Lord_Howe", "Mon-Sun 00:00-24:00")
    return cals


CALENDARS = _calendars()


def _instants(rng: np.random.Generator, cal: sla.Calendar, n: int) -> np.ndarray:
    """Random instants, a third of them on an opening or closing (or 1 us off), some NaT."""
    us = rng.integers(LO, HI, n)
    us[: n // 3] -= us[: n // 3] % 60_000_000  # whole minutes
    tab = table(cal.index, 1989, 2061)
    edges = np.concatenate([tab.starts, tab.ends])
    k = n // 3
    us[k : 2 * k] = rng.choice(edges, k) + rng.integers(-1, 2, k)
    us[rng.random(n) < 0.02] = NAT
    return us.view("datetime64[us]")


def _aware(value: np.datetime64) -> dt.datetime | None:
    if np.isnat(value):
        return None
    return EPOCH + dt.timedelta(microseconds=int(value.astype(np.int64)))


def _same(got: np.ndarray, want: list[object]) -> None:
    for i, (g, w) in enumerate(zip(got.tolist(), want, strict=True)):
        expected = None if w is None else (w.astimezone(dt.UTC).replace(tzinfo=None)
                                           if isinstance(w, dt.datetime) else w)
        assert g == expected, (i, g, w)


@pytest.mark.parametrize("name", sorted(CALENDARS))
def test_clock_agrees_with_the_scalar_functions(name: str) -> None:
    cal = CALENDARS[name]
    rng = np.random.default_rng(abs(hash(name)) % 2**32)
    starts = _instants(rng, cal, ROWS)
    minutes = rng.integers(0, 60 * 24 * 40, ROWS)
    minutes[:50] = 0
    minutes[50:70] = rng.integers(60 * 24 * 600, 60 * 24 * 1200, 20)  # the scalar's estimate
    micro = rng.integers(0, 1_000_000, ROWS) * (rng.random(ROWS) < 0.3)
    durations = (minutes * 60_000_000 + micro).astype("timedelta64[us]")
    ends = _instants(rng, cal, ROWS)
    counts = rng.integers(-30, 31, ROWS)
    counts[:20] = rng.integers(-800, 800, 20)  # beyond 366: the scalar's estimate
    rows = [_aware(s) for s in starts]
    ends_rows = [_aware(s) for s in ends]

    added = batch.add_business_time(cal, starts, durations)
    _same(added, [None if s is None else sla.add_business_time(cal, s, d)
                  for s, d in zip(rows, durations.tolist(), strict=True)])  # fmt: skip
    between = batch.business_time_between(cal, starts, ends)
    _same(between, [None if a is None or b is None else sla.business_time_between(cal, a, b)
                    for a, b in zip(rows, ends_rows, strict=True)])  # fmt: skip
    days = batch.add_business_days(cal, starts, counts)
    _same(days, [None if s is None else sla.add_business_days(cal, s, int(n))
                 for s, n in zip(rows, counts.tolist(), strict=True)])  # fmt: skip
    opened = batch.is_open(cal, starts)
    assert opened.tolist() == [s is not None and sla.is_open(cal, s) for s in rows]
    nxt = batch.next_opening(cal, starts)
    _same(nxt, [None if s is None else sla.next_opening(cal, s) for s in rows])


@pytest.mark.parametrize("name", sla.plan_names())
def test_deadlines_agree_with_the_scalar_functions(name: str) -> None:
    plan = sla.plan(name)
    rng = np.random.default_rng(len(name))
    opened = _instants(rng, plan.calendar, 4 * ROWS)
    priorities = rng.integers(1, 5, len(opened))
    rows = [_aware(s) for s in opened]
    reaction = batch.reaction_deadlines(plan, priorities, opened)
    _same(reaction, [None if s is None else sla.reaction_deadline(plan, int(p), s).due
                     for s, p in zip(rows, priorities.tolist(), strict=True)])  # fmt: skip
    resolution = batch.resolution_deadlines(name, priorities, opened)
    want = []
    for s, p in zip(rows, priorities.tolist(), strict=True):
        deadline = None if s is None else sla.resolution_deadline(plan, p, s)
        want.append(None if deadline is None else deadline.due)
    _same(resolution, want)
