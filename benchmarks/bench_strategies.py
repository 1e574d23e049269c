"""Benchmark: seconds to draw values of the strategies with ``st.from_type`` (issue 9).

While the strategies built new strategy objects inside every draw, 300 ``sla.Plan``
values took 6.4-11.8 s, 300 ``sla.Deadline`` values 6.1-16.9 s and 300 ``sla.Status``
values 7.3 s; with the strategies built once and calendars cached, 1.2-2.3 s, 1.9-3.3 s
and 3.2 s (2 shared cores, Python 3.11; the ranges are two runs under different load).
Before the fix, ``AgreedDeadline`` failed outright on a DST-fold instant. Run:

    python benchmarks/bench_strategies.py [--examples 300]
"""

from __future__ import annotations

import argparse
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supportpolicy import coverage, engagement, sla

KINDS = (sla.Calendar, sla.Plan, sla.Deadline, sla.Status, sla.AgreedDeadline,
         coverage.Decision, engagement.TamStatement)  # fmt: skip


def seconds_to_draw(kind: type, examples: int) -> float:
    """Wall seconds for hypothesis to run a test that only draws *examples* of *kind*."""

    @settings(
        max_examples=examples, database=None, deadline=None,
        suppress_health_check=list(HealthCheck),
    )  # fmt: skip
    @given(st.from_type(kind))
    def draw(value: object) -> None:
        del value

    start = time.perf_counter()
    draw()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=300)
    args = parser.parse_args()
    for kind in KINDS:
        print(f"{kind.__name__:16} {seconds_to_draw(kind, args.examples):6.1f} s")


if __name__ == "__main__":
    main()
