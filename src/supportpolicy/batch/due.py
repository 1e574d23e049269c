"""Deadlines over columns: the due instant of one metric for every ticket.

:func:`deadlines` takes a plan, a metric, a column of priorities and a column of opening
instants, and gives the column of due instants that ``sla.reaction_deadline`` /
``sla.resolution_deadline`` give row by row (their ``.due``), in the plan's timezone;
NaT where the priority or the opening is missing, or the plan sets no target. The work
is one kernel call per distinct priority: business time (minutes, hours) on the plan's
calendar, or whole business days on its working-day calendar
(:meth:`~supportpolicy.sla.Plan.calendar_for`). Pauses and workaround restarts are for
the per-ticket functions and :func:`~supportpolicy.sla.evaluate`.

A metric is a row of :data:`TARGETS` (the plan's targets per priority), so a new metric
of the SLA engine is one more row.

>>> import pandas as pd
>>> from supportpolicy import batch
>>> opened = pd.Series(pd.to_datetime(["2026-11-20 14:00", None], utc=True))
>>> batch.reaction_deadlines("basic", pd.Series([1, 2]), opened).tolist()
[Timestamp('2026-11-25 17:00:00+0300', tz='Europe/Moscow'), NaT]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from operator import attrgetter
from typing import Any

from supportpolicy import _coerce
from supportpolicy.batch import _columns, _kernels
from supportpolicy.batch._days import add_days
from supportpolicy.batch._np import np
from supportpolicy.batch._tables import NAT
from supportpolicy.errors import InvalidValueError
from supportpolicy.sla.plans import Plan, as_plan
from supportpolicy.sla.targets import Metric, Target

__all__ = ["TARGETS", "deadlines", "reaction_deadlines", "resolution_deadlines"]

TARGETS: Mapping[Metric, Callable[[Plan], tuple[Target | None, ...]]] = {
    Metric.REACTION: attrgetter("reaction"),
    Metric.RESOLUTION: attrgetter("resolution"),
}
"""Each metric's targets of a plan, by priority (index 0: priority 1; None: no target)."""


def deadlines(plan: Plan | str, metric: Metric | str, priorities: object, opened: object) -> Any:
    """The due instant of *metric* for each ticket (see the module docstring).

    *priorities* is one priority (1-4) for every row or a column of them, of the same
    kind and length as *opened*.
    """
    the_plan = as_plan(plan)
    which = _coerce.member(Metric, metric, "metric")
    if which not in TARGETS:
        raise InvalidValueError(f"metric {which.value} has no deadline column")
    column = _columns.instants(opened, "opened")
    prio = _columns.counts(priorities, "priorities", column, 1, 4)
    out = np.full(len(column.values), NAT, dtype=np.int64)
    rows = ~column.missing & ~prio.missing
    targets = TARGETS[which](the_plan)
    for p in np.unique(prio.values[rows]).tolist():
        target = targets[p - 1]
        if target is None:
            continue
        mine = rows & (prio.values == p)
        cal = the_plan.calendar_for(target)
        starts = column.values[mine]
        if target.duration is not None:
            d = np.full(len(starts), target.duration // _kernels._US, dtype=np.int64)
            out[mine] = _kernels.add(cal, starts, d)
        else:
            out[mine] = add_days(cal, starts, np.full(len(starts), target.amount))
    return _columns.instants_out(column, out, the_plan.calendar.tz)


def reaction_deadlines(plan: Plan | str, priorities: object, opened: object) -> Any:
    """``sla.reaction_deadline(plan, p, t).due`` for every row."""
    return deadlines(plan, Metric.REACTION, priorities, opened)


def resolution_deadlines(plan: Plan | str, priorities: object, opened: object) -> Any:
    """``sla.resolution_deadline(plan, p, t).due`` for every row; NaT where the plan
    sets no resolution target for the priority."""
    return deadlines(plan, Metric.RESOLUTION, priorities, opened)
