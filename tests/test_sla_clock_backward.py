"""The backward clock: subtract, previous_closing and negative business days.

The fast clock is compared with the slow reference clock on thousands of generated
cases (the same DST-heavy zones, holiday calendars and schedules as the forward
comparison), and the laws of semantics.md, "Going backward", are property-tested.
Instants are compared in UTC and by their UTC offset: ``==`` between two zones is
False for an instant in a repeated hour, and ``a + d`` drops ``fold``.
"""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

import reference_clock as ref
from supportpolicy import errors, sla
from test_sla_clock_reference import build, random_duration, random_instant, random_spec

UTC = dt.UTC
ZERO = dt.timedelta(0)
MSK = ZoneInfo("Europe/Moscow")


def same(fast: object, slow: object) -> bool:
    """Equal instants with the same UTC offset (or equal values of any other kind)."""
    if isinstance(fast, dt.datetime) and isinstance(slow, dt.datetime):
        return (
            fast.astimezone(UTC) == slow.astimezone(UTC)
            and fast.utcoffset() == slow.utcoffset()
            and str(fast.tzinfo) == str(slow.tzinfo)
        )
    return fast == slow


def closing(cal: sla.Calendar, spec: ref.Spec, t: dt.datetime) -> tuple[object, object]:
    slow = ref.previous_closing(spec, t)
    try:
        fast: object = sla.previous_closing(cal, t)
    except errors.NeverOpenError:
        fast = None
    if slow is None and isinstance(fast, dt.datetime):
        # Nothing closes within the reference's window: the fast answer lies before it.
        limit = t.astimezone(UTC) - dt.timedelta(days=120)
        return (fast.astimezone(UTC) < limit, True)
    return fast, slow


CASES = 1000


def test_backward_clock_agrees_with_reference_on_generated_cases() -> None:
    rng = random.Random(20261202)
    disagreements: list[str] = []
    checked = 0
    for _ in range(CASES):
        spec = random_spec(rng)
        cal = build(spec)
        t = random_instant(rng, spec.timezone)
        d = random_duration(rng)
        m = rng.randrange(0, 6)
        pairs = {
            "subtract": (sla.subtract_business_time(cal, t, d), ref.subtract(spec, t, d)),
            "previous_closing": closing(cal, spec, t),
            "add_days<0": (sla.add_business_days(cal, t, -m), ref.subtract_days(spec, t, m)),
        }
        for name, (fast, slow) in pairs.items():
            checked += 1
            if not same(fast, slow):
                disagreements.append(
                    f"{name} {spec} t={t.isoformat()} d={d} m={m}: {fast} != {slow}"
                )
    assert checked == 3 * CASES
    assert disagreements == [], f"{len(disagreements)} disagreements, first: {disagreements[:5]}"


@settings(max_examples=200, deadline=None)
@given(st.randoms(use_true_random=False))
def test_backward_clock_agrees_with_reference_hypothesis(rng: random.Random) -> None:
    spec = random_spec(rng)
    cal = build(spec)
    t = random_instant(rng, spec.timezone)
    d = random_duration(rng)
    m = rng.randrange(0, 4)
    assert same(sla.subtract_business_time(cal, t, d), ref.subtract(spec, t, d))
    assert same(sla.add_business_days(cal, t, -m), ref.subtract_days(spec, t, m))
