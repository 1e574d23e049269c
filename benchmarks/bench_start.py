"""Benchmark: cold start of the library and of the command line, in one run.

Issue 12 (fast start): ``import supportpolicy`` at most 60 ms above ``python -c pass``,
``supportpolicy --help`` at most 150 ms and ``supportpolicy deadline --plan premium
--priority 1 --opened 2026-11-21T23:30+03:00`` at most 400 ms, each measured as a fresh
process. Also: the plan given by name against the plan object (``reaction_deadline``,
at most 1.2x), in process.

Each figure is the median wall time over repeated subprocess runs (started alternately,
so a busy machine slows all alike); ``python -c pass`` is measured in the same run. Run:

    python benchmarks/bench_start.py [--repeats 15]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import time
import timeit

COMMANDS: dict[str, list[str]] = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "import supportpolicy": [sys.executable, "-c", "import supportpolicy"],
    "import supportpolicy.sla": [sys.executable, "-c", "import supportpolicy.sla"],
    "supportpolicy --help": [sys.executable, "-m", "supportpolicy", "--help"],
    "supportpolicy deadline": [
        sys.executable, "-m", "supportpolicy", "deadline", "--plan", "premium",
        "--priority", "1", "--opened", "2026-11-21T23:30+03:00",
    ],
}  # fmt: skip
LIMITS = {  # (what, limit in ms, measured above "python -c pass"?)
    "import supportpolicy": (60.0, True),
    "supportpolicy --help": (150.0, False),
    "supportpolicy deadline": (400.0, False),
}


def _script() -> list[str] | None:
    """The installed ``supportpolicy`` script, as a user runs it (None if absent)."""
    found = shutil.which("supportpolicy", path=os.path.dirname(sys.executable))
    return [found] if found else None


def run_once(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


def by_name_ratio(number: int = 20_000) -> tuple[float, float]:
    """Microseconds per ``reaction_deadline`` call with the plan object and by name."""
    from supportpolicy import sla

    opened = dt.datetime(2026, 11, 20, 17, 0, tzinfo=dt.UTC)
    obj = sla.plan("basic")
    sla.reaction_deadline("basic", 1, opened)
    times = []
    for plan in (obj, "basic"):
        runs = timeit.repeat(lambda p=plan: sla.reaction_deadline(p, 1, opened),
                             number=number, repeat=5)  # fmt: skip
        times.append(min(runs) / number * 1e6)
    return times[0], times[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    commands = dict(COMMANDS)
    script = _script()
    if script:  # the console script, as users start it
        commands["supportpolicy --help"] = [*script, "--help"]
        commands["supportpolicy deadline"] = [*script, *COMMANDS["supportpolicy deadline"][3:]]
    for argv in commands.values():  # warm the file cache and the bytecode
        run_once(argv)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.repeats):
        for name, argv in commands.items():
            samples[name].append(run_once(argv))
    medians = {name: statistics.median(values) for name, values in samples.items()}
    base = medians["python -c pass"]
    failed = False
    print(f"{'what':28} {'median ms':>10} {'above pass':>11}  limit")
    for name, median in medians.items():
        limit = LIMITS.get(name)
        note = ""
        if limit is not None:
            value = median - base if limit[1] else median
            ok = value <= limit[0]
            failed |= not ok
            above = " above pass" if limit[1] else ""
            note = f"{'ok' if ok else 'OVER'} (<= {limit[0]:.0f} ms{above})"
        print(f"{name:28} {median:10.1f} {median - base:11.1f}  {note}")
    obj, named = by_name_ratio()
    ratio = named / obj
    failed |= ratio > 1.2
    print(f"reaction_deadline: plan object {obj:.2f} us, by name {named:.2f} us, "
          f"ratio {ratio:.2f} ({'ok' if ratio <= 1.2 else 'OVER'} <= 1.2)")  # fmt: skip
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
