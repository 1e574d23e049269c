"""Benchmark: the business clock against its peers and the floor, in one run.

Workloads (issue 2): add 1 h, 4 h, 40 h, 400 h and between 1 day, 1 month, 1 year on
Mon-Fri 10:00-18:00 Europe/Moscow with Russian holidays; add 1 h and 24 h on 24x7
Europe/Berlin around the 2024 DST changes. Issue 10: backward, subtract 1 h, 40 h,
400 h, -1 and -20 business days and the previous closing on the Moscow calendar, and
subtract 24 h on the Berlin 24x7 one; add 8 h and between 1 month on a follow-the-sun
union (Berlin, New York, Tokyo offices in UTC) and on the Moscow calendar with 40
dated-hours overrides and shortened pre-holiday days, and add 8 h on a night shift
calendar (Mon-Fri 22:00-06:00 Europe/Berlin). Peers: businesstimedelta and pandas
CustomBusinessHour (install with ``pip install ".[bench]"``; a missing peer is
reported as n/a). Start instants arrive in UTC, as they come from a database or an
API; results are returned in the calendar's zone. The floor is one ``astimezone`` (UTC
to the calendar's zone) plus one addition: the least any business-time library must do.

Each figure is the median over repeats of the mean time per call over the same
generated cases; ratios compare figures from this same run. Run:

    python benchmarks/bench_clock.py [--cases 2000] [--repeats 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any
from zoneinfo import ZoneInfo

import holidays

from supportpolicy import sla

MSK = ZoneInfo("Europe/Moscow")
BERLIN = ZoneInfo("Europe/Berlin")


def per_call(fn: Callable[[Any], object], cases: Sequence[Any], repeats: int) -> float:
    """Median over *repeats* of the mean seconds per call of ``fn(case)``."""
    fn(cases[0])
    means = []
    for _ in range(repeats):
        started = time.perf_counter()
        for case in cases:
            fn(case)
        means.append((time.perf_counter() - started) / len(cases))
    return statistics.median(means)


def moscow_starts(rng: random.Random, n: int) -> list[dt.datetime]:
    base = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    return [base + dt.timedelta(minutes=rng.randrange(0, 2 * 365 * 1440)) for _ in range(n)]


def berlin_starts(rng: random.Random, n: int) -> list[dt.datetime]:
    anchors = (
        dt.datetime(2024, 3, 31, 2, tzinfo=BERLIN),
        dt.datetime(2024, 10, 27, 2, tzinfo=BERLIN),
    )
    return [
        rng.choice(anchors).astimezone(dt.UTC) + dt.timedelta(minutes=rng.randrange(-4320, 4320))
        for _ in range(n)
    ]


def peers(years: range) -> dict[str, Any]:
    """Peer implementations, each as {workload: callable}; missing packages are skipped."""
    found: dict[str, Any] = {}
    ru_days = sorted(d for y in years for d in holidays.country_holidays("RU", years=y))
    try:
        import businesstimedelta
        import pytz

        msk = pytz.timezone("Europe/Moscow")
        rules = businesstimedelta.Rules(
            [
                businesstimedelta.WorkDayRule(
                    start_time=dt.time(10),
                    end_time=dt.time(18),
                    working_days=[0, 1, 2, 3, 4],
                    tz=msk,
                ),
                businesstimedelta.HolidayRule(ru_days, tz=msk),
            ]
        )
        always = businesstimedelta.Rules(
            [
                businesstimedelta.WorkDayRule(
                    start_time=dt.time(0),
                    end_time=dt.time(23, 59, 59, 999999),
                    working_days=list(range(7)),
                    tz=pytz.timezone("Europe/Berlin"),
                ),
            ]
        )

        def btd_add(r: Any, hours: int) -> Callable[[Any], object]:
            delta = businesstimedelta.BusinessTimeDelta(r, hours=hours)
            return lambda case: case[0] + delta

        found["businesstimedelta"] = {
            "add 1h": btd_add(rules, 1),
            "add 4h": btd_add(rules, 4),
            "add 40h": btd_add(rules, 40),
            "add 400h": btd_add(rules, 400),
            "between 1 day": lambda c: rules.difference(c[0], c[1]),
            "between 1 month": lambda c: rules.difference(c[0], c[2]),
            "between 1 year": lambda c: rules.difference(c[0], c[3]),
            "24x7 add 1h": btd_add(always, 1),
            "24x7 add 24h": btd_add(always, 24),
        }
    except ImportError:
        pass
    try:
        import pandas as pd

        def pd_add(hours: int) -> Callable[[Any], object]:
            offset = pd.offsets.CustomBusinessHour(
                n=hours, start="10:00", end="18:00", holidays=ru_days
            )
            return lambda case: pd.Timestamp(case[0]) + offset

        found["pandas CBH"] = {
            "add 1h": pd_add(1),
            "add 4h": pd_add(4),
            "add 40h": pd_add(40),
            "add 400h": pd_add(400),
        }
    except ImportError:
        pass
    return found


def backward_workloads(
    ours: dict[str, Any], office: tuple[Any, list[Any]], around: tuple[Any, list[Any]],
    day: dt.timedelta,
) -> None:
    """Subtract, negative-days and previous-closing rows (issue 10), with the same floor."""
    moscow, m_cases = office
    always, b_cases = around
    for hours in (1, 40, 400):
        d = dt.timedelta(hours=hours)
        ours[f"subtract {hours}h"] = (
            lambda c, d=d: sla.subtract_business_time(moscow, c[0], d),
            m_cases,
            lambda c, d=d: c[0].astimezone(MSK) - d,
        )
    for days in (1, 20):
        ours[f"days -{days}"] = (
            lambda c, n=days: sla.add_business_days(moscow, c[0], -n),
            m_cases,
            lambda c, n=days: c[0].astimezone(MSK) - dt.timedelta(days=n),
        )
    ours["prev closing"] = (
        lambda c: sla.previous_closing(moscow, c[0]),
        m_cases,
        lambda c: c[0].astimezone(MSK) - day,
    )
    ours["24x7 sub 24h"] = (
        lambda c: sla.subtract_business_time(always, c[0], day),
        b_cases,
        lambda c: c[0].astimezone(BERLIN) - day,
    )


def extra_workloads(ours: dict[str, Any], m_cases: list[Any], day: dt.timedelta) -> None:
    """Union, override and night-shift rows (issue 10), with the same floor."""
    utc = ZoneInfo("UTC")
    office = "Mon-Fri 09:00-17:00"
    desk = sla.union(
        sla.calendar("Europe/Berlin", office, country="DE"),
        sla.calendar("America/New_York", office, country="US"),
        sla.calendar("Asia/Tokyo", office, country="JP"),
        timezone="UTC",
    )
    dated = {
        dt.date(2025, 1, 1) + dt.timedelta(days=9 * k): ("10:00-15:00", "closed", "22:00-06:00")[
            k % 3
        ]
        for k in range(40)
    }
    overrides = sla.calendar(
        "Europe/Moscow", "Mon-Fri 10:00-18:00", country="RU", hours_on=dated,
        shorten_before_holidays=dt.timedelta(hours=1),
    )  # fmt: skip
    nights = sla.calendar("Europe/Berlin", "Mon-Fri 22:00-06:00", country="DE")
    eight, month = dt.timedelta(hours=8), dt.timedelta(days=30)
    for label, cal, tz in (
        ("union", desk, utc),
        ("override", overrides, MSK),
        ("night", nights, BERLIN),
    ):
        ours[f"{label} add 8h"] = (
            lambda c, cal=cal: sla.add_business_time(cal, c[0], eight),
            m_cases,
            lambda c, tz=tz: c[0].astimezone(tz) + eight,
        )
    for label, cal, tz in (("union", desk, utc), ("override", overrides, MSK)):
        ours[f"{label} btw 1 month"] = (
            lambda c, cal=cal: sla.business_time_between(cal, c[0], c[2]),
            m_cases,
            lambda c, tz=tz: c[0].astimezone(tz) + month,
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--peer-cases", type=int, default=200, help="cases for the (slow) peers")
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(2)
    moscow = sla.calendar("Europe/Moscow", "Mon-Fri 10:00-18:00", country="RU")
    always = sla.calendar("Europe/Berlin", "24x7")
    day, month, year = dt.timedelta(days=1), dt.timedelta(days=30), dt.timedelta(days=365)
    m_cases = [(a, a + day, a + month, a + year) for a in moscow_starts(rng, args.cases)]
    b_cases = [(a,) for a in berlin_starts(rng, args.cases)]
    ours: dict[str, tuple[Callable[[Any], object], list[Any], Callable[[Any], object]]] = {}
    for hours in (1, 4, 40, 400):
        d = dt.timedelta(hours=hours)
        ours[f"add {hours}h"] = (
            lambda c, d=d: sla.add_business_time(moscow, c[0], d),
            m_cases,
            lambda c, d=d: c[0].astimezone(MSK) + d,
        )
    for name, i, span in (("1 day", 1, day), ("1 month", 2, month), ("1 year", 3, year)):
        ours[f"between {name}"] = (
            lambda c, i=i: sla.business_time_between(moscow, c[0], c[i]),
            m_cases,
            lambda c, span=span: c[0].astimezone(MSK) + span,
        )
    for hours in (1, 24):
        d = dt.timedelta(hours=hours)
        ours[f"24x7 add {hours}h"] = (
            lambda c, d=d: sla.add_business_time(always, c[0], d),
            b_cases,
            lambda c, d=d: c[0].astimezone(BERLIN) + d,
        )
    backward_workloads(ours, (moscow, m_cases), (always, b_cases), day)
    extra_workloads(ours, m_cases, day)
    for fn, cases, _ in ours.values():  # warm the per-year caches, as a long-running app has them
        for case in cases:
            fn(case)
    others = peers(range(2024, 2031))  # businesstimedelta raises past its last holiday
    header = f"{'workload':<20} {'supportpolicy':>14} {'floor':>8} {'x floor':>8}"
    for peer in others:
        header += f" {peer:>18} {'x slower':>9}"
    print(header)
    results: dict[str, tuple[float, float]] = {}
    for name, (fn, cases, floor_fn) in ours.items():
        mine = per_call(fn, cases, args.repeats)
        floor = per_call(floor_fn, cases, args.repeats)
        results[name] = (mine, floor)
        line = f"{name:<20} {mine * 1e6:>12.2f}µs {floor * 1e6:>6.2f}µs {mine / floor:>7.1f}x"
        for table in others.values():
            if name in table:
                try:
                    theirs = per_call(
                        table[name], cases[: args.peer_cases], max(3, args.repeats // 2)
                    )
                except Exception as exc:  # a peer failing is a finding, not a crash
                    line += f" {type(exc).__name__:>18} {'':>9}"
                    continue
                line += f" {theirs * 1e6:>16.1f}µs {theirs / mine:>8.0f}x"
            else:
                line += f" {'n/a':>18} {'':>9}"
        print(line)
    print()
    worst = max(mine / floor for mine, floor in results.values())
    span = results["add 400h"][0] / results["add 1h"][0]
    print(f"worst ratio to the floor: {worst:.1f}x (target <= 10x)")
    print(f"add 400h / add 1h: {span:.2f}x (target <= 2x)")
    if "businesstimedelta" in others:
        btd = per_call(
            others["businesstimedelta"]["add 1h"], m_cases[: args.peer_cases], args.repeats
        )
        print(
            f"add 1h vs businesstimedelta: {btd / results['add 1h'][0]:.0f}x faster (target >= 25x)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
