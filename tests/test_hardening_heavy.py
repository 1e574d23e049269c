"""The heavy bad inputs of issue 9, each in a child process with a memory cap.

The child caps its address space at 1 GiB (``RLIMIT_AS``), times the one call, and
reports the error's class, its message length, the seconds taken and its own peak RSS
(``VmHWM``: ``ru_maxrss`` would include the test runner it was forked from).
Every case must be refused with a SupportPolicyError in under 2 s and 200 MB.
"""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
import textwrap

import pytest

CHILD = textwrap.dedent(
    """
    import json, os, resource, sys, time
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
    from supportpolicy import coverage, engagement, errors, i18n, sla
    DAY = __import__("datetime").date(2026, 1, 5)
    case, folder = sys.argv[1], sys.argv[2]

    def write(name, text):
        path = os.path.join(folder, name)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        return path

    PLAN = ('[plans.p{i}]\\ntitle = "x"\\ntimezone = "UTC"\\nhours = "Mon-Fri 09:00-18:00"\\n'
            'reaction = {{p1 = {{hours = 1}}, p2 = {{hours = 1}}, p3 = {{hours = 1}}, '
            'p4 = {{hours = 1}}}}\\n')
    MANY = "".join(PLAN.format(i=i) for i in range(20000))
    if case == "fifo":
        os.mkfifo(os.path.join(folder, "fifo"))
    prepared = {
        "huge-file": lambda: write("huge.toml", "# " + "x" * (5 << 20)),
        "long-string": lambda: write("long.toml", 'source = "' + "x" * ((1 << 20) - 20) + '"'),
        "many-plans": lambda: write("many.toml", MANY[: (1 << 20) - 200].rsplit("[plans", 1)[0]),
        "deep": lambda: write("deep.toml", "a = " + "[" * 500_000 + "]" * 500_000),
    }
    path = prepared[case]() if case in prepared else None
    calls = {
        "dev-zero": lambda: sla.load_plans("/dev/zero"),
        "fifo": lambda: coverage.load_policy(os.path.join(folder, "fifo")),
        "huge-file": lambda: sla.load_plans(path),
        "long-string": lambda: engagement.load_tiers(path),
        "many-plans": lambda: sla.load_plans(path),
        "deep": lambda: coverage.load_policy(path),
        "exponent": lambda: engagement.routing("1e999999999").to_dict(),
        "digits": lambda: engagement.routing("9" * 10_000_000),
        "big-int": lambda: i18n.format_business_days(10**5000, "en"),
        "hours-spec": lambda: sla.calendar("UTC", "Mon " + "9" * 10_000_000),
        "customer": lambda: coverage.TimeEntry("x" * 50_000_000, "T", DAY, 1, 1, "EUR"),
    }
    start = time.perf_counter()
    try:
        calls[case]()
        error, message = None, ""
    except errors.SupportPolicyError as exc:
        error, message = type(exc).__name__, str(exc)
    seconds = time.perf_counter() - start
    # VmHWM is this process's own peak; ru_maxrss also counts the parent's at the fork,
    # which a long test run makes large (Linux keeps it across execve).
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            hwm = [line.split()[1] for line in status if line.startswith("VmHWM:")]
        peak = int(hwm[0]) / 1024
    except (OSError, IndexError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"error": error, "length": len(message), "message": message[:300],
                      "seconds": seconds, "peak_mb": peak}))
    """
)

CASES = (
    "dev-zero", "fifo", "huge-file", "long-string", "many-plans", "deep", "exponent",
    "digits", "big-int", "hours-spec", "customer",
)  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_a_heavy_input_is_refused_quickly_and_in_little_memory(
    case: str, tmp_path: pathlib.Path
) -> None:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, case, str(tmp_path)],
        capture_output=True, text=True, timeout=120, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout)
    assert report["error"] is not None, report
    assert report["length"] < 300, report["message"]
    assert report["seconds"] < 2, report
    assert report["peak_mb"] < 200, report
