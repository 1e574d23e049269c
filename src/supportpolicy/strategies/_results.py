"""Strategies for the library's results: deadlines, statuses, decisions, TAM statements."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from supportpolicy import coverage, engagement, sla
from supportpolicy.errors import InvalidValueError
from supportpolicy.strategies._calendars import instants
from supportpolicy.strategies._plans import plans, ticket_events
from supportpolicy.strategies._services import coverage_requests, tam_months

__all__ = ["deadlines", "decisions", "statuses", "tam_statements"]


def _resolution(plan: sla.Plan, priority: sla.Priority, opened: dt.datetime) -> sla.Deadline:
    deadline = sla.resolution_deadline(plan, priority, opened)
    if deadline is None:  # pragma: no cover - only priorities with a target are drawn
        raise InvalidValueError(f"plan {plan.key!r} has no resolution target for {priority}")
    return deadline


_PRIORITY = st.sampled_from(list(sla.Priority))
_RESOLUTION = st.booleans()


@st.composite
def _deadline(draw: st.DrawFn) -> sla.Deadline:
    plan = draw(plans())
    opened = draw(instants(plan.calendar))  # cached per zone: built once
    kept = [p for p in sla.Priority if plan.resolution[p - 1] is not None]
    if kept and draw(_RESOLUTION) is True:
        return _resolution(plan, draw(st.sampled_from(kept)), opened)
    return sla.reaction_deadline(plan, draw(_PRIORITY), opened)


def deadlines() -> st.SearchStrategy[sla.Deadline]:
    """Reaction and resolution deadlines of :func:`plans` for tickets opened at
    :func:`instants` of the plan's calendar."""
    return _deadline()


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


def clocks() -> st.SearchStrategy[sla.Clock]:
    """Every clock of :func:`statuses` (statuses without further clocks give their
    reaction clock)."""
    return statuses().flatmap(
        lambda status: st.sampled_from(
            [c for cs in status.clocks.values() for c in cs] or [status.reaction]
        )
    )


def decisions() -> st.SearchStrategy[coverage.Decision]:
    """Decisions of the preset coverage policies on :func:`coverage_requests`."""
    return st.sampled_from(coverage.policy_names()).flatmap(
        lambda name: coverage_requests(name).map(lambda kw: coverage.classify(name, **kw))
    )


def tam_statements() -> st.SearchStrategy[engagement.TamStatement]:
    """Month statements of :func:`tam_months`."""
    return tam_months().map(lambda kw: engagement.tam_statement(**kw))
