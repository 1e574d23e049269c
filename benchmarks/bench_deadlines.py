"""Benchmark: reaction and resolution deadlines over generated tickets (issue 3).

Tickets cycle through every preset plan and every priority; openings are random
instants of 2026-2027 arriving in UTC, as they come from a database. Each call is
timed in batches of ``--batch`` tickets (timing single calls would measure the timer);
a batch's time divided by its size is one per-call figure, and the report gives the
median of those figures per function and per plan, plus the total time. The target is
a median of at most 15 microseconds per reaction deadline. Run:

    python benchmarks/bench_deadlines.py [--tickets 1000000] [--batch 1000] [--seed 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
from collections.abc import Callable, Sequence

from supportpolicy import sla

Ticket = tuple[sla.Plan, int, dt.datetime]


def tickets(n: int, seed: int) -> list[Ticket]:
    """*n* tickets: plans and priorities in rotation, random openings in 2026-2027."""
    rng = random.Random(seed)
    plans = [sla.plan(name) for name in sla.plan_names()]
    base = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    span = 2 * 365 * 24 * 3600
    return [
        (plans[i % len(plans)], 1 + (i // len(plans)) % 4,
         base + dt.timedelta(seconds=rng.randrange(span)))
        for i in range(n)
    ]  # fmt: skip


def batched(
    fn: Callable[[sla.Plan, int, dt.datetime], object], cases: Sequence[Ticket], batch: int
) -> tuple[list[float], float]:
    """Per-call seconds of each batch, and the total seconds for all *cases*."""
    figures = []
    total = 0.0
    for start in range(0, len(cases), batch):
        chunk = cases[start : start + batch]
        began = time.perf_counter()
        for plan, priority, opened in chunk:
            fn(plan, priority, opened)
        elapsed = time.perf_counter() - began
        total += elapsed
        figures.append(elapsed / len(chunk))
    return figures, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    cases = tickets(args.tickets, args.seed)
    for plan in {c[0] for c in cases}:  # warm the calendars
        sla.reaction_deadline(plan, 1, cases[0][2])
    print(f"{len(cases):,} tickets, {len(sla.plan_names())} presets x 4 priorities")
    print(f"{'function':<22}{'plan':<10}{'median us/call':>16}{'total s':>10}")
    for fn in (sla.reaction_deadline, sla.resolution_deadline):
        figures, total = batched(fn, cases, args.batch)
        median = statistics.median(figures) * 1e6
        print(f"{fn.__name__:<22}{'all':<10}{median:>16.2f}{total:>10.2f}")
        for name in sla.plan_names():
            plan = sla.plan(name)
            subset = [c for c in cases if c[0] is plan][: max(args.tickets // 10, args.batch)]
            figures, total = batched(fn, subset, args.batch)
            print(f"{'':<22}{name:<10}{statistics.median(figures) * 1e6:>16.2f}{total:>10.2f}")


if __name__ == "__main__":
    main()
