"""Hypothesis strategies for supportpolicy's values, for your own property tests.

This package needs the ``test`` extra (``pip install "supportpolicy[test]"``): it
imports ``hypothesis``, which the library itself does not depend on, and nothing in the
library imports it. Once the package is installed, hypothesis' plugin entry point calls
:func:`_hypothesis_setup_hook`, so ``st.from_type(sla.Calendar)`` and friends work
without importing this package.

Every strategy yields only values the library accepts: calendars that build, instants
in the clock's years (2000-2040 by default) that deliberately include DST gaps and folds
of the zone, timelines that :func:`~supportpolicy.sla.evaluate` takes, TAM months that
:func:`~supportpolicy.engagement.tam_statement` takes and requests that
:func:`~supportpolicy.coverage.classify` takes. See ``docs/testing-with-strategies.md``.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from supportpolicy import coverage, engagement, sla
from supportpolicy.errors import InvalidValueError
from supportpolicy.strategies._calendars import (
    COUNTRIES,
    TIMEZONES,
    business_durations,
    calendars,
    countries,
    hours_specs,
    instants,
    timezones,
)
from supportpolicy.strategies._plans import plans, priorities, targets, ticket_events
from supportpolicy.strategies._services import coverage_requests, sessions, tam_months

__all__ = [
    "COUNTRIES",
    "TIMEZONES",
    "business_durations",
    "calendars",
    "countries",
    "coverage_requests",
    "deadlines",
    "decisions",
    "hours_specs",
    "instants",
    "plans",
    "priorities",
    "sessions",
    "statuses",
    "tam_months",
    "tam_statements",
    "targets",
    "ticket_events",
    "timezones",
]


def _resolution(plan: sla.Plan, priority: sla.Priority, opened: dt.datetime) -> sla.Deadline:
    deadline = sla.resolution_deadline(plan, priority, opened)
    if deadline is None:  # pragma: no cover - only priorities with a target are drawn
        raise InvalidValueError(f"plan {plan.key!r} has no resolution target for {priority}")
    return deadline


def _deadline(plan: sla.Plan) -> st.SearchStrategy[sla.Deadline]:
    opened = instants(plan.calendar)
    reaction = st.builds(sla.reaction_deadline, st.just(plan), priorities(), opened)
    kept = [p for p in sla.Priority if plan.resolution[p - 1] is not None]
    if not kept:
        return reaction
    return reaction | st.builds(_resolution, st.just(plan), st.sampled_from(kept), opened)


def deadlines() -> st.SearchStrategy[sla.Deadline]:
    """Reaction and resolution deadlines of :func:`plans` for tickets opened at
    :func:`instants` of the plan's calendar."""
    return plans().flatmap(_deadline)


def _status(plan: sla.Plan) -> st.SearchStrategy[sla.Status]:
    def at_some_now(events: tuple[object, ...]) -> st.SearchStrategy[sla.Status]:
        last = max(e.at.astimezone(dt.UTC) for e in events)  # type: ignore[attr-defined]
        first = events[0].at.astimezone(dt.UTC)  # type: ignore[attr-defined]
        span = int((last - first).total_seconds()) + 30 * 86400
        return st.integers(0, span).map(
            lambda s: sla.evaluate(plan, events, first + dt.timedelta(seconds=s))
        )

    return ticket_events(plan).flatmap(at_some_now)


def statuses() -> st.SearchStrategy[sla.Status]:
    """Statuses of :func:`ticket_events` timelines of :func:`plans`, evaluated at an
    instant from the opening to 30 days after the last event."""
    return plans().flatmap(_status)


def decisions() -> st.SearchStrategy[coverage.Decision]:
    """Decisions of the preset coverage policies on :func:`coverage_requests`."""
    return st.sampled_from(coverage.policy_names()).flatmap(
        lambda name: coverage_requests(name).map(lambda kw: coverage.classify(name, **kw))
    )


def tam_statements() -> st.SearchStrategy[engagement.TamStatement]:
    """Month statements of :func:`tam_months`."""
    return tam_months().map(lambda kw: engagement.tam_statement(**kw))



def _hypothesis_setup_hook() -> None:
    """Called by hypothesis' plugin loader: registers strategies for ``st.from_type``."""
    at = instants()
    table: dict[type, st.SearchStrategy[object]] = {
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
        sla.AgreedDeadline: st.builds(
            lambda a, d: sla.AgreedDeadline(a, a + d), at, business_durations()
        ),
        coverage.RequestKind: st.sampled_from(list(coverage.RequestKind)),
        coverage.Policy: st.sampled_from(coverage.policy_names()).map(coverage.policy),
        coverage.Decision: decisions(),
        coverage.Request: decisions().map(lambda d: d.request),
        engagement.Session: sessions(),
        engagement.Month: st.builds(engagement.Month, st.integers(2000, 2040), st.integers(1, 12)),
        engagement.TamTier: st.sampled_from(["csm", "a", "b", "c"]).map(engagement.tam_tier),
        engagement.TamStatement: tam_statements(),
    }
    for kind, strategy in table.items():
        st.register_type_strategy(kind, strategy)
