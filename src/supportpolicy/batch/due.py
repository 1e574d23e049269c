"""Deadlines over columns: the due instant of one metric for every ticket.

:func:`deadlines` takes a plan, a metric, a column of priorities and a column of opening
instants, and gives the column of due instants that ``sla.reaction_deadline`` /
``sla.resolution_deadline`` give row by row (their ``.due``), in the plan's timezone;
NaT where the priority or the opening is missing, or the plan sets no target. The work
is one kernel call per distinct priority: business time (minutes, hours) on the plan's
calendar, or whole business days on its working-day calendar
(:meth:`~supportpolicy.sla.Plan.calendar_for`). Pauses and workaround restarts are for
the per-ticket functions and :func:`~supportpolicy.sla.evaluate`.

Every metric of the SLA engine (reaction, resolution, next reply, periodic update) is a
row of :data:`TARGETS` (the plan's targets per priority); nothing here branches on a
metric. :func:`warnings` gives the warning instants of ``plan.warn[metric]`` by the
rules of :attr:`supportpolicy.sla.Clock.warnings` for an unpaused clock.

>>> import pandas as pd
>>> from supportpolicy import batch
>>> opened = pd.Series(pd.to_datetime(["2026-11-20 14:00", None], utc=True))
>>> batch.reaction_deadlines("basic", pd.Series([1, 2]), opened).tolist()
[Timestamp('2026-11-25 17:00:00+0300', tz='Europe/Moscow'), NaT]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from supportpolicy import _coerce
from supportpolicy.batch import _chunks, _columns, _kernels
from supportpolicy.batch._chunks import Tracker
from supportpolicy.batch._days import add_days
from supportpolicy.batch._np import np, pandas
from supportpolicy.batch._tables import NAT, Array
from supportpolicy.errors import InvalidValueError
from supportpolicy.reports.measures import Progress, checked_progress
from supportpolicy.sla import clock
from supportpolicy.sla.calendars import Calendar
from supportpolicy.sla.metrics import Threshold
from supportpolicy.sla.plans import Plan, as_plan
from supportpolicy.sla.priorities import Priority
from supportpolicy.sla.targets import Metric, Target

__all__ = [
    "TARGETS", "deadlines", "reaction_deadlines", "resolution_deadlines", "warnings",
]  # fmt: skip


def _targets(metric: Metric) -> Callable[[Plan], tuple[Target | None, ...]]:
    def read(plan: Plan) -> tuple[Target | None, ...]:
        row: Mapping[Priority, Target | None] = plan.targets.get(metric, {})
        return tuple(row.get(p) for p in Priority)

    return read


TARGETS: Mapping[Metric, Callable[[Plan], tuple[Target | None, ...]]] = {
    metric: _targets(metric) for metric in Metric
}
"""Each metric's targets of a plan, by priority (index 0: priority 1; None: no target)."""

Kernel = Callable[[Target, Calendar, Array], Array]
"""Fills the rows of one priority: ``kernel(target, calendar, starts) -> instants``."""


def _due(target: Target, cal: Calendar, starts: Array) -> Array:
    """The due instants of an unpaused clock of *target* started at *starts*."""
    if target.duration is not None:
        d = np.full(len(starts), target.duration // _kernels._US, dtype=np.int64)
        return _kernels.add(cal, starts, d)
    return add_days(cal, starts, np.full(len(starts), target.amount))


def _columns_of(
    plan: Plan | str, metric: Metric | str, priorities: object, starts: object
) -> tuple[Plan, Metric, _columns.Column, Array, Array]:
    the_plan = as_plan(plan)
    which = _coerce.member(Metric, metric, "metric")
    if which not in TARGETS:
        raise InvalidValueError(f"metric {which.value} has no deadline column")
    column = _columns.instants(starts, "starts")
    prio = _columns.counts(priorities, "priorities", column, 1, 4)
    rows = ~column.missing & ~prio.missing
    return the_plan, which, column, prio.values, rows


def _fill(
    plan: Plan,
    metric: Metric,
    column: _columns.Column,
    prio: tuple[Array, Array],
    kernel: Kernel,
    *,
    track: Tracker | None,
) -> Array:
    """The kernel on the rows of each distinct priority with a target, in chunks
    (reported to *track*); NaT elsewhere."""
    out = np.full(len(column.values), NAT, dtype=np.int64)
    targets = TARGETS[metric](plan)
    prio, rows = prio
    for p in np.unique(prio[rows]).tolist():
        target = targets[p - 1]
        if target is None:
            continue
        compute = _on(kernel, target, plan.calendar_for(target), column.values)
        _chunks.fill(out, rows & (prio == p), compute, track)
    return out


def _on(kernel: Kernel, target: Target, cal: Calendar, values: Array) -> Callable[[Array], Array]:
    """*kernel* on the rows of *values* it is given (a mask or positions)."""
    return lambda rows: kernel(target, cal, values[rows])


def deadlines(
    plan: Plan | str, metric: Metric | str, priorities: object, starts: object, *,
    progress: Progress | None = None,
) -> Any:  # fmt: skip
    """The due instant of *metric* for each row: a clock started at *starts*, unpaused
    (see the module docstring).

    *priorities* is one priority (1-4) for every row or a column of them, of the same
    kind and length as *starts*. *progress* as in :mod:`supportpolicy.batch.clock`,
    over the rows.
    """
    progress = checked_progress(progress)
    the_plan, which, column, prio, rows = _columns_of(plan, metric, priorities, starts)
    track = _chunks.tracker(progress, len(column.values))
    out = _fill(the_plan, which, column, (prio, rows), _due, track=track)
    return _chunks.finished(track, _columns.instants_out(column, out, the_plan.calendar.tz))


def _warning(threshold: Threshold) -> Kernel:
    """The kernel of one threshold (the rules of ``Clock._warning_utc``, without pauses)."""

    def kernel(target: Target, cal: Calendar, starts: Array) -> Array:
        due = _due(target, cal, starts)
        if threshold.before is not None:
            before = np.full(len(starts), threshold.before // _kernels._US, dtype=np.int64)
            back = np.empty(len(starts), dtype=np.int64)
            # No vectorized backward kernel: the scalar function, row by row.
            every = np.ones(len(starts), dtype=bool)
            _kernels.scalar(back, every, clock.subtract_business_time, _kernels.cal_arg(cal),
                            ("t", due), ("d", before))  # fmt: skip
            return np.maximum(back, starts)
        assert threshold.fraction is not None
        num, den = threshold.fraction.numerator, threshold.fraction.denominator
        if target.duration is not None:
            budget = np.full(len(starts), target.duration // _kernels._US, dtype=np.int64)
        else:
            budget = _kernels.between(cal, starts, due)
        part = budget * num // den
        return np.minimum(_kernels.add(cal, starts, part), due)

    return kernel


def warnings(
    plan: Plan | str, metric: Metric | str, priorities: object, starts: object, *,
    progress: Progress | None = None,
) -> Any:  # fmt: skip
    """The warning instants of *metric* for each row, one column per threshold of
    ``plan.warn[metric]`` in the plan's order, keyed ``threshold.short()``: a dict of
    columns of the input's kind (a DataFrame for pandas input). NaT where the priority
    or the start is missing or the plan sets no target. *progress* as in
    :mod:`supportpolicy.batch.clock`, ``total`` the rows times the thresholds.
    """
    progress = checked_progress(progress)
    the_plan, which, column, prio, rows = _columns_of(plan, metric, priorities, starts)
    zone = the_plan.calendar.tz
    thresholds = the_plan.warn.get(which, ())
    track = _chunks.tracker(progress, len(column.values) * len(thresholds))
    found: dict[str, Any] = {}
    for threshold in thresholds:
        out = _fill(the_plan, which, column, (prio, rows), _warning(threshold), track=track)
        found[threshold.short() or str(threshold)] = _columns.instants_out(column, out, zone)
    if column.kind == "pandas":
        return _chunks.finished(track, pandas().DataFrame(found, index=column.index))
    return _chunks.finished(track, found)


def reaction_deadlines(
    plan: Plan | str, priorities: object, opened: object, *, progress: Progress | None = None
) -> Any:
    """``sla.reaction_deadline(plan, p, t).due`` for every row."""
    return deadlines(plan, Metric.REACTION, priorities, opened, progress=progress)


def resolution_deadlines(
    plan: Plan | str, priorities: object, opened: object, *, progress: Progress | None = None
) -> Any:
    """``sla.resolution_deadline(plan, p, t).due`` for every row; NaT where the plan
    sets no resolution target for the priority."""
    return deadlines(plan, Metric.RESOLUTION, priorities, opened, progress=progress)
