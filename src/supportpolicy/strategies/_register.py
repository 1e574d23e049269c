"""Registration of the strategies with ``st.from_type`` (run by hypothesis' plugin hook).

The hook may run while hypothesis itself is still being imported (when a program's
first import is ``supportpolicy.strategies``, whose modules import hypothesis), so
:func:`register` imports nothing of the strategies: it registers deferred strategies
whose definitions are looked up on first use, when every module is complete.
"""

from __future__ import annotations

import functools
from typing import Any

__all__ = ["register"]


def register() -> None:
    """Register a (deferred) strategy for each public value type."""
    from hypothesis import strategies as st  # noqa: PLC0415

    for kind in _kinds():
        st.register_type_strategy(kind, st.deferred(_definition(kind)))


def _kinds() -> tuple[type, ...]:
    from supportpolicy import coverage, engagement, sla  # noqa: PLC0415
    from supportpolicy.sla.metrics import Threshold  # noqa: PLC0415

    return (
        sla.Calendar, sla.WeeklyHours, sla.Plan, sla.Priority, sla.Target, sla.Deadline,
        sla.Status, sla.Opened, sla.Responded, sla.WaitingOnCustomer, sla.Resumed,
        sla.Resolved, sla.PriorityChanged, sla.AgreedDeadline, sla.CustomerReplied,
        sla.AgentReplied, sla.Reopened, sla.Paused, sla.Metric, sla.Clock, Threshold,
        coverage.RequestKind,
        coverage.Policy, coverage.Decision, coverage.Request, engagement.Session,
        engagement.Month, engagement.TamTier, engagement.TamStatement,
    )  # fmt: skip


def _definition(kind: type) -> Any:
    """A plain function (``st.deferred`` refuses partials) giving *kind*'s strategy."""

    def definition() -> Any:
        return _table()[kind]

    return definition


@functools.cache
def _table() -> dict[type, Any]:
    """The strategy of each type; built on first draw, once (strategies are immutable)."""
    from hypothesis import strategies as st  # noqa: PLC0415

    from supportpolicy import coverage, engagement, sla  # noqa: PLC0415
    from supportpolicy.sla.metrics import Threshold  # noqa: PLC0415
    from supportpolicy.strategies._calendars import (  # noqa: PLC0415
        business_durations,
        calendars,
        hours_specs,
        instants,
    )
    from supportpolicy.strategies._plans import (  # noqa: PLC0415
        PAUSE_REASONS,
        plans,
        priorities,
        targets,
        thresholds,
    )
    from supportpolicy.strategies._results import (  # noqa: PLC0415
        clocks,
        deadlines,
        decisions,
        statuses,
        tam_statements,
    )
    from supportpolicy.strategies._services import sessions  # noqa: PLC0415
    from supportpolicy.strategies._time import agreed_deadline  # noqa: PLC0415

    at = instants()
    return {
        sla.Calendar: calendars(),
        sla.WeeklyHours: hours_specs().map(sla.parse_hours),
        sla.Plan: plans(),
        sla.Priority: priorities(),
        sla.Target: targets(),
        sla.Deadline: deadlines(),
        sla.Status: statuses(),
        sla.Opened: st.builds(sla.Opened, at, priorities()),
        sla.Responded: st.builds(sla.Responded, at),
        sla.WaitingOnCustomer: st.builds(sla.WaitingOnCustomer, at),
        sla.Resumed: st.builds(sla.Resumed, at),
        sla.Resolved: st.builds(sla.Resolved, at),
        sla.PriorityChanged: st.builds(sla.PriorityChanged, at, priorities()),
        sla.AgreedDeadline: st.builds(agreed_deadline, at, business_durations()),
        sla.CustomerReplied: st.builds(sla.CustomerReplied, at),
        sla.AgentReplied: st.builds(sla.AgentReplied, at),
        sla.Reopened: st.builds(sla.Reopened, at),
        sla.Paused: st.builds(sla.Paused, at, PAUSE_REASONS),
        sla.Metric: st.sampled_from(list(sla.Metric)),
        sla.Clock: clocks(),
        Threshold: thresholds(),
        coverage.RequestKind: st.sampled_from(list(coverage.RequestKind)),
        coverage.Policy: st.sampled_from(coverage.policy_names()).map(coverage.policy),
        coverage.Decision: decisions(),
        coverage.Request: decisions().map(lambda d: d.request),
        engagement.Session: sessions(),
        engagement.Month: st.builds(engagement.Month, st.integers(2000, 2040), st.integers(1, 12)),
        engagement.TamTier: st.sampled_from(["csm", "a", "b", "c"]).map(engagement.tam_tier),
        engagement.TamStatement: tam_statements(),
    }
