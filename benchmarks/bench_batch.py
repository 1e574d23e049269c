"""Benchmark: the batch API against a bare numpy kernel and the scalar loop, in one run.

Issue 12 workloads, on Mon-Fri 10:00-18:00 Europe/Moscow with Russian holidays:

* 1,000,000 ``batch.add_business_time`` (random instants in 2025-2027 as a numpy
  ``datetime64`` column, random durations up to 80 business hours) against a bare
  kernel over the same index (the open intervals of those years as int64
  microseconds with their cumulative sums, then two ``np.searchsorted``: the least a
  vectorized clock must do; target: at most 1.5x it), and against the scalar loop
  (``sla.add_business_time`` per row, measured on 100,000 rows and scaled; target: at
  least 20x faster);
* the same adds from a tz-aware pandas Series to a Moscow Series;
* the same numpy adds with a progress callback that does nothing (``progress=``: a
  call after each chunk of 65,536 rows), against the adds without one: the cost of
  the calls (the chunks themselves are there either way);
* 1,000,000 ``batch.reaction_deadlines`` over every preset plan and priority (one call
  per plan, 1,000,000 rows in all; target: at most 0.5 s).

Every figure is the median of the repeats (the adds with and without a callback timed
in turn); ratios compare figures of this same run. Run:

    python benchmarks/bench_batch.py [--rows 1000000] [--repeats 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

from supportpolicy import batch, sla
from supportpolicy.batch._tables import EPOCH, Table, table

CAL = sla.calendar("Europe/Moscow", "Mon-Fri 10:00-18:00", country="RU")
LO = np.datetime64("2025-01-01T00:00", "us").astype(np.int64)
SPAN = 3 * 365 * 86_400_000_000


def median(call: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def paired(
    first: Callable[[], object], second: Callable[[], object], repeats: int
) -> tuple[float, float]:
    """The medians of two calls timed in turn (first, second, first, ...), so that a
    change of the machine's load during the run falls on both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeats):
        for call, found in zip((first, second), times, strict=True):
            start = time.perf_counter()
            call()
            found.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def bare_kernel(tab: Table, a: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Offset of each start, plus the duration, back to an instant: two searchsorted."""
    starts, ends, cum_start, cum_end = tab.starts, tab.ends, tab.cum_start, tab.cum_end
    i = np.maximum(np.searchsorted(starts, a, side="right") - 1, 0)
    offset = cum_start[i] + np.minimum(a, ends[i]) - starts[i]
    target = offset + d
    j = np.searchsorted(cum_end, target, side="left")
    return (starts[j] + (target - cum_start[j])).view("datetime64[us]")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    rng = np.random.default_rng(1)
    n = args.rows
    a_us = LO + rng.integers(0, SPAN, n)
    d_us = rng.integers(1, 80 * 3600, n) * 1_000_000
    starts, durations = a_us.view("datetime64[us]"), d_us.view("timedelta64[us]")
    tab = table(CAL.index, 2024, 2028)
    batch.add_business_time(CAL, starts[:10], durations[:10])  # warm the index
    bare = median(lambda: bare_kernel(tab, a_us, d_us), args.repeats)
    calls: list[int] = []
    ours, tracked = paired(
        lambda: batch.add_business_time(CAL, starts, durations),
        lambda: batch.add_business_time(
            CAL, starts, durations, progress=lambda done, total: calls.append(done)
        ),
        args.repeats,
    )
    series = pd.Series(starts).dt.tz_localize("UTC")
    deltas = pd.Series(durations)
    pandas_in = median(lambda: batch.add_business_time(CAL, series, deltas), args.repeats)
    k = min(n, 100_000)
    rows = [EPOCH + dt.timedelta(microseconds=int(v)) for v in a_us[:k].tolist()]
    spans = [dt.timedelta(microseconds=int(v)) for v in d_us[:k].tolist()]
    add = sla.add_business_time
    loop = median(lambda: [add(CAL, s, d) for s, d in zip(rows, spans, strict=True)], 1) * n / k
    same = batch.add_business_time(CAL, starts, durations)[:k] == bare_kernel(tab, a_us, d_us)[:k]
    assert same.all()

    names = sla.plan_names()
    per_plan = n // len(names)
    plans = [sla.plan(name) for name in names]
    opened = [(LO + rng.integers(0, SPAN, per_plan)).view("datetime64[us]") for _ in names]
    priorities = [rng.integers(1, 5, per_plan) for _ in names]
    for plan, o, p in zip(plans, opened, priorities, strict=True):
        batch.reaction_deadlines(plan, p[:10], o[:10])
    deadlines = median(lambda: [batch.reaction_deadlines(plan, p, o) for plan, o, p
                                in zip(plans, opened, priorities, strict=True)],
                       args.repeats)  # fmt: skip

    print(f"rows: {n:,}; medians of {args.repeats} runs (the scalar loop: one run of {k:,})")
    print(f"bare searchsorted kernel          {bare * 1000:9.1f} ms")
    print(
        f"batch.add_business_time (numpy)   {ours * 1000:9.1f} ms   "
        f"{ours / bare:5.2f}x the bare kernel (target <= 1.5x)"
    )
    print(
        f"  with a progress callback        {tracked * 1000:9.1f} ms   "
        f"{(tracked / ours - 1) * 100:+5.1f}% ({len(calls) // args.repeats} calls a run)"
    )
    print(
        f"batch.add_business_time (pandas)  {pandas_in * 1000:9.1f} ms   "
        f"{pandas_in / bare:5.2f}x the bare kernel"
    )
    print(
        f"scalar loop (scaled)              {loop * 1000:9.1f} ms   "
        f"batch is {loop / ours:5.1f}x faster (target >= 20x)"
    )
    print(
        f"reaction deadlines, all presets   {deadlines * 1000:9.1f} ms   "
        f"({len(names)} plans x 4 priorities; target <= 500 ms)"
    )


if __name__ == "__main__":
    main()
