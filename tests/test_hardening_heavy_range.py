"""Absurd queries (a dense calendar and a huge duration, closed days over millennia, ...)
are refused quickly and in bounded memory: each runs in a child process with a 1 GB
address-space cap and a 10 s timeout, and must be refused within 2 s and 200 MB peak
(docs/architecture.md, "Guards")."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

_CHILD = """
import datetime as dt, json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from zoneinfo import ZoneInfo
from supportpolicy import errors, sla
MSK = ZoneInfo("Europe/Moscow")
spec = "Mon-Sun " + ",".join(
    f"{m // 60:02d}:{m % 60:02d}-{(m + 1) // 60:02d}:{(m + 1) % 60:02d}" for m in range(0, 1440, 2)
)
dense = sla.calendar("Europe/Moscow", spec)
office = sla.calendar("Europe/Moscow", "Mon-Fri 10:00-18:00", country="RU")
always = sla.calendar("UTC", "24x7")
at = dt.datetime(2026, 1, 5, 12, tzinfo=MSK)
started = time.perf_counter()
try:
    CALL
    outcome = {"error": None}
except errors.SupportPolicyError as exc:
    outcome = {"error": type(exc).__name__, "message": str(exc)}
outcome["seconds"] = time.perf_counter() - started
outcome["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
try:  # Linux keeps ru_maxrss across exec (the forked pytest's size): VmHWM is this image's
    with open("/proc/self/status") as status:
        hwm = [line for line in status if line.startswith("VmHWM:")]
    outcome["rss_mb"] = int(hwm[0].split()[1]) / 1024
except (OSError, IndexError, ValueError):
    pass
print(json.dumps(outcome))
"""

HEAVY = {
    "dense + 10**8 days": ("sla.add_business_time(dense, at, dt.timedelta(days=10**8))", "182619"),
    "dense + 100000 days": (
        "sla.add_business_time(dense, at, dt.timedelta(days=100_000))", "MAX_QUERY_WORK"
    ),
    "dense + timedelta.max": ("sla.add_business_time(dense, at, dt.timedelta.max)", "duration"),
    "dense between 1901-2398": (
        "sla.business_time_between(dense, dt.datetime(1901, 1, 5, tzinfo=MSK),"
        " dt.datetime(2398, 1, 1, tzinfo=MSK))",
        "MAX_QUERY_WORK",
    ),
    "dense + 73000 business days": ("sla.add_business_days(dense, at, 73_000)", "MAX_QUERY_WORK"),
    "business days 10**18": ("sla.add_business_days(office, at, 10**18)", "days"),
    "24x7 + 180000 days": ("sla.add_business_time(always, at, dt.timedelta(days=180_000))", "200"),
    "closed_days 0001-9999": (
        "sla.closed_days(office, dt.date(1, 1, 1), dt.date(9999, 12, 31))", "0001"
    ),
    "closed_days 1900-2399": (
        "sla.closed_days(office, dt.date(1900, 1, 1), dt.date(2399, 12, 31))", "36600"
    ),
    "closed_days near 9999-12-31": (
        "sla.closed_days(office, dt.date(9999, 12, 1), dt.date(9999, 12, 31))", "9999"
    ),
}


@pytest.mark.parametrize("name", sorted(HEAVY))
def test_absurd_queries_are_refused_quickly_in_bounded_memory(name: str) -> None:
    call, shown = HEAVY[name]
    code = textwrap.dedent(_CHILD).replace("CALL", call)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=10, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert outcome["error"] is not None, outcome
    assert shown in outcome["message"], outcome
    assert outcome["seconds"] < 2, outcome
    assert outcome["rss_mb"] < 200, outcome
