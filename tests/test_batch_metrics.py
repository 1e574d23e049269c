"""Due and warning instants of every metric over columns agree with the scalar engine.

Generated starts (1990-2060) on every preset and on a plan file with ``next_reply``,
``periodic_update`` and ``warn`` tables in DST-heavy zones (business-time and
business-day targets); each row is compared with the clocks of ``sla.evaluate`` on a
timeline that starts every clock of the metric at the row's start.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")

from supportpolicy import batch, sla  # noqa: E402
from supportpolicy.batch._tables import EPOCH  # noqa: E402
from supportpolicy.sla.events import AgentReplied, CustomerReplied, Opened  # noqa: E402
from supportpolicy.sla.targets import Metric  # noqa: E402

ROWS = 60
LO = int((dt.datetime(1990, 1, 1, tzinfo=dt.UTC) - EPOCH).total_seconds() * 1e6)
HI = int((dt.datetime(2061, 1, 1, tzinfo=dt.UTC) - EPOCH).total_seconds() * 1e6)

PLANS = """
[plans.south]
title = "South"
timezone = "America/Santiago"
hours = "Mon-Fri 09:00-17:30; Sun 01:30-03:45"
[plans.south.working_days]
title = "Chilean working days"
timezone = "America/Santiago"
hours = "Mon-Fri 00:00-24:00"
country = "CL"
[plans.south.reaction]
p1 = { minutes = 45 }
p2 = { hours = 4 }
p3 = { business_days = 2 }
p4 = { business_days = 5 }
[plans.south.resolution]
p1 = { hours = 8 }
p2 = { business_days = 3 }
[plans.south.next_reply]
p1 = { hours = 2 }
p3 = { business_days = 1 }
[plans.south.periodic_update]
p1 = { minutes = 90 }
p2 = { hours = 6 }
[plans.south.warn]
reaction = ["75%", { minutes = 10 }, "33%"]
resolution = [{ hours = 1 }, "50%"]
next_reply = ["90%", { hours = 3 }]
periodic_update = ["1%", { minutes = 30 }]

[plans.island]
title = "Island"
timezone = "Australia/Lord_Howe"
hours = "Mon-Sun 22:00-06:00"
[plans.island.reaction]
p1 = { minutes = 30 }
p2 = { hours = 3 }
p3 = { hours = 5 }
p4 = { hours = 9 }
[plans.island.next_reply]
p2 = { hours = 1 }
[plans.island.periodic_update]
p1 = { hours = 2 }
[plans.island.warn]
reaction = [{ hours = 1 }, "80%"]
next_reply = ["50%"]
periodic_update = [{ minutes = 15 }, "75%"]
"""


def _plans(tmp: Path) -> list[sla.Plan]:
    path = tmp / "plans.toml"
    path.write_text(PLANS, encoding="utf-8")
    return [*map(sla.plan, sla.plan_names()), *sla.load_plans(path).values()]


def _events(metric: Metric, start: dt.datetime, p: int) -> list[object]:
    """A timeline whose clock of *metric* starts at *start*."""
    if metric is Metric.NEXT_REPLY:
        us = dt.timedelta(microseconds=1)
        return [Opened(start - 2 * us, p), AgentReplied(start - us), CustomerReplied(start)]
    return [Opened(start, p)]


def _utc(values: object) -> list[object]:
    return [None if pd.isna(v) else v.to_pydatetime().astimezone(dt.UTC) for v in values]


def test_every_metric_agrees_with_the_engine(tmp_path: Path) -> None:
    rng = np.random.default_rng(12)
    seen_before = seen_fraction = 0
    for plan in _plans(tmp_path):
        us = rng.integers(LO, HI, ROWS)
        starts = pd.Series(pd.to_datetime(us, unit="us", utc=True))
        prios = pd.Series(rng.integers(1, 5, ROWS))
        for metric in Metric:
            due = batch.deadlines(plan, metric, prios, starts)
            warns = batch.warnings(plan, metric, prios, starts)
            thresholds = plan.warn.get(metric, ())
            assert list(warns.columns) == [t.short() for t in thresholds]
            for i in range(ROWS):
                start = starts.iloc[i].to_pydatetime()
                p = int(prios.iloc[i])
                status = sla.evaluate(plan, _events(metric, start, p), now=start)
                clocks = status.clocks.get(metric, ())
                got = _utc([due.iloc[i]])[0]
                if plan.targets[metric][sla.Priority(p)] is None:
                    assert got is None and not clocks
                    assert all(pd.isna(v) for v in warns.iloc[i])
                    continue
                clock = clocks[-1]
                assert clock.start == start
                assert got == clock.due
                expected = {t.short(): at for t, at in clock.warnings}
                for t in thresholds:
                    assert _utc([warns[t.short()].iloc[i]])[0] == expected[t.short()]
                    seen_before += t.before is not None
                    seen_fraction += t.fraction is not None
    assert seen_before > 50 and seen_fraction > 50


def test_kinds_and_missing(tmp_path: Path) -> None:
    plan = _plans(tmp_path)[-2]  # south
    starts = np.array(["2026-04-04T23:30", "NaT", "2026-09-05T22:10", "2031-01-01"],
                      dtype="datetime64[us]")  # fmt: skip
    prios = np.array([1, 1, 4, 3])
    due = batch.deadlines(plan, "periodic_update", prios, starts)
    assert due.dtype == np.dtype("datetime64[us]")
    assert np.isnat(due).tolist() == [False, True, True, True]
    warns = batch.warnings(plan, "periodic_update", prios, starts)
    assert list(warns) == ["1%", "30min-before"]
    listed = batch.warnings(
        plan,
        "periodic_update",
        prios.tolist(),
        [None if np.isnat(t) else t.item().replace(tzinfo=dt.UTC) for t in starts],
    )
    for key, column in warns.items():
        assert column.dtype == np.dtype("datetime64[us]")
        assert np.isnat(column).tolist() == [False, True, True, True]
        assert [None if np.isnat(t) else t.item().replace(tzinfo=dt.UTC) for t in column] == [
            None if v is None else v.astimezone(dt.UTC) for v in listed[key]
        ]
    assert batch.warnings(sla.plan("premium"), "reaction", 1, starts) == {}
