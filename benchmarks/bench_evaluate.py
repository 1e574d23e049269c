"""Benchmark: ``sla.evaluate`` on 20-event tickets with four metrics and warnings (issue 11).

Each ticket opens at a random instant of 2026-2027 (in UTC, as from a database) on a
plan with reaction, resolution, next-reply and periodic-update targets, two warnings
per metric (``75%`` and one hour before due) and vendor pauses for resolution. Its 20
events: opening, replies both ways, vendor pauses and resumes, a resolution and a
reopening. A call is ``evaluate(...)`` plus ``status.next_check`` (the one instant an
app schedules). Calls are timed in batches of ``--batch`` tickets; the report gives the
median per-call figure and the total for all tickets. Target: a median of at most
100 microseconds, and 100,000 tickets in one run. Run:

    python benchmarks/bench_evaluate.py [--tickets 100000] [--batch 500] [--seed 11]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
from fractions import Fraction

import attrs

from supportpolicy import sla
from supportpolicy.sla.metrics import Threshold

H = dt.timedelta(hours=1)


def the_plan() -> sla.Plan:
    hours = sla.Unit.HOURS
    base = sla.plan("business")
    warn = (Threshold(Fraction(3, 4)), Threshold(before=H))
    return attrs.evolve(
        base,
        more_targets={
            sla.Metric.NEXT_REPLY: (sla.Target(2, hours),) * 4,
            sla.Metric.PERIODIC_UPDATE: (sla.Target(8, hours),) * 4,
        },
        warn=dict.fromkeys(sla.Metric, warn),
        pause_on={sla.Metric.RESOLUTION: frozenset({"customer", "vendor"})},
    )


def ticket(rng: random.Random) -> tuple[list[object], dt.datetime]:
    """20 events and the instant to evaluate at."""
    opened = dt.datetime(2026, 1, 1, tzinfo=dt.UTC) + dt.timedelta(
        minutes=rng.randrange(2 * 365 * 24 * 60)
    )
    offsets = iter(sorted(rng.sample(range(1, 4000), 20)))

    def step() -> dt.datetime:
        return opened + dt.timedelta(minutes=next(offsets))

    events: list[object] = [sla.Opened(opened, rng.randint(1, 4)), sla.AgentReplied(step())]
    for _ in range(4):
        events += [sla.CustomerReplied(step()), sla.AgentReplied(step()),
                   sla.Paused(step(), "vendor"), sla.Resumed(step())]  # fmt: skip
    events += [sla.Resolved(step()), sla.Reopened(step())]
    return events, step()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    plan = the_plan()
    work = [ticket(rng) for _ in range(args.tickets)]
    assert all(len(events) == 20 for events, _ in work)
    figures = []
    started = time.perf_counter()
    for first in range(0, len(work), args.batch):
        batch = work[first : first + args.batch]
        t0 = time.perf_counter()
        for events, now in batch:
            _ = sla.evaluate(plan, events, now).next_check
        figures.append((time.perf_counter() - t0) / len(batch))
    total = time.perf_counter() - started
    median = statistics.median(figures) * 1e6
    print(f"evaluate + next_check, 20 events, 4 metrics, 2 warnings each: "
          f"median {median:.1f} us per ticket; {len(work)} tickets in {total:.1f} s")  # fmt: skip


if __name__ == "__main__":
    main()
