"""Strategies for priorities, SLA targets, plans and ticket event timelines.

Timelines are built as a small state machine (waiting or not, resolved or not) so that
every one is a timeline :func:`~supportpolicy.sla.evaluate` accepts: opened first, then
responses, pauses and resumes that alternate, priority changes, agreed deadlines only
where the plan allows them, and at most one resolution, last, at strictly increasing
instants.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from supportpolicy import sla
from supportpolicy.errors import InvalidValueError
from supportpolicy.sla.events import RESOLVED_GAP, Event
from supportpolicy.sla.metrics import Threshold
from supportpolicy.strategies._calendars import MAYBE_COUNTRY, calendars, draw_calendar, instants

__all__ = ["plans", "priorities", "targets", "ticket_events"]

_PLAN_NAME = (
    ("en", "Test plan"),
    ("de", "Testplan"),
    ("nl", "Testplan"),
    ("es", "Plan de prueba"),
    ("ru", "Тестовый план"),
)


def priorities(*, spelled: bool = False) -> st.SearchStrategy[sla.Priority | int | str]:
    """Priorities 1-4 as :class:`~supportpolicy.sla.Priority`; with *spelled*, also the
    other spellings the library accepts (``2``, ``"P2"``, ``"high"``)."""
    members: st.SearchStrategy[sla.Priority | int | str] = st.sampled_from(list(sla.Priority))
    if not spelled:
        return members
    return members | st.sampled_from([1, 2, 3, 4, "1", "p2", "P3", "low", "Critical"])


def targets(*, in_days: bool | None = None) -> st.SearchStrategy[sla.Target]:
    """SLA targets: 1-600 minutes, 1-72 hours, or (unless *in_days* is False) 1-30
    business days; only business days when *in_days* is True."""
    clock = st.builds(sla.Target, st.integers(1, 600), st.just(sla.Unit.MINUTES)) | st.builds(
        sla.Target, st.integers(1, 72), st.just(sla.Unit.HOURS)
    )
    days = st.builds(sla.Target, st.integers(1, 30), st.just(sla.Unit.BUSINESS_DAYS))
    if in_days is None:
        return clock | days
    return days if in_days else clock


_TARGET = targets()
_MAYBE_TARGET = st.none() | _TARGET
_PRIORITY_SET = st.sets(st.sampled_from(list(sla.Priority)))
_WHOLE_DAYS = st.sampled_from(["Mon-Fri 00:00-24:00", "Mon-Sat 00:00-24:00"])


@st.composite
def _generated_plan(draw: st.DrawFn) -> sla.Plan:
    cal = draw(calendars())
    reaction = tuple(draw(_TARGET) for _ in range(4))
    resolution = tuple(draw(_MAYBE_TARGET) for _ in range(4))
    working = None
    if any(t is not None and t.in_days for t in (*reaction, *resolution)):
        working = draw_calendar(draw, cal.timezone, _WHOLE_DAYS, MAYBE_COUNTRY)
    return sla.Plan(
        key="generated",
        name=_PLAN_NAME,
        calendar=cal,
        reaction=reaction,  # type: ignore[arg-type]  # four targets by construction
        resolution=resolution,  # type: ignore[arg-type]
        working_days=working,
        working_days_name=_PLAN_NAME if working is not None else None,
        workaround_priorities=tuple(sorted(draw(_PRIORITY_SET) - {sla.Priority.CRITICAL})),
        agreed_deadline_priorities=tuple(sorted(draw(_PRIORITY_SET))),
        more_targets={
            metric: tuple(draw(_MAYBE_TARGET) for _ in range(4))
            for metric in draw(st.sets(st.sampled_from(_MORE_METRICS)))
        },
        warn={
            metric: tuple(draw(st.lists(thresholds(), max_size=3, unique=True)))
            for metric in draw(st.sets(st.sampled_from(list(sla.Metric))))
        },
        pause_on={
            metric: frozenset(draw(st.sets(_REASON, max_size=3)))
            for metric in draw(st.sets(st.sampled_from(list(sla.Metric))))
        },
    )


_MORE_METRICS = [sla.Metric.NEXT_REPLY, sla.Metric.PERIODIC_UPDATE]
_REASON = st.sampled_from(["customer", "vendor", "approval", "*"])
PAUSE_REASONS = st.sampled_from(["customer", "vendor", "approval"]) | st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(lambda text: text.strip() not in ("", RESOLVED_GAP))
"""Pause reasons: the three known ones and free texts (not the reserved ``resolved``)."""


def thresholds() -> st.SearchStrategy[Threshold]:
    """Warning thresholds: fractions of the target (1-100 %) or 1-600 minutes before due."""
    return st.integers(1, 100).map(lambda p: Threshold(Fraction(p, 100))) | st.integers(
        1, 600
    ).map(lambda m: Threshold(before=dt.timedelta(minutes=m)))


_PRESET_PLANS = st.sampled_from(sla.plan_names()).map(sla.plan)
_PLANS = _PRESET_PLANS | _generated_plan()


def plans(*, generated: bool = True) -> st.SearchStrategy[sla.Plan]:
    """The preset plans and (unless *generated* is False) generated valid plans: any
    calendar of :func:`calendars`, any :func:`targets`, a working-day calendar where a
    target counts business days, random workaround and agreed-deadline priorities."""
    return _PLANS if generated else _PRESET_PLANS


_PRIORITY = st.sampled_from(list(sla.Priority))
_STEP = st.one_of(
    st.integers(1, 59).map(lambda s: dt.timedelta(seconds=s)),
    st.integers(1, 600).map(lambda m: dt.timedelta(minutes=m)),
    st.integers(1, 96).map(lambda h: dt.timedelta(hours=h)),
    st.timedeltas(dt.timedelta(microseconds=1), dt.timedelta(days=20)),
)

_STEP_OR_NOW = _STEP | st.just(dt.timedelta(0))

def _moment(draw: st.DrawFn, utc: dt.datetime, zones: tuple[str, ...]) -> dt.datetime:
    """*utc* as read in one of *zones* (a ticketing system may store UTC or local time)."""
    return utc.astimezone(ZoneInfo(draw(st.sampled_from(zones))))


@st.composite
def _timeline(
    draw: st.DrawFn, plan: sla.Plan | None, zones: tuple[str, ...] | None, max_events: int
) -> tuple[Event, ...]:
    opened = draw(instants(plan.calendar) if plan is not None else instants())
    shown = zones or (getattr(opened.tzinfo, "key", "UTC"), "UTC")
    priority = draw(_PRIORITY)
    events: list[Event] = [sla.Opened(opened, priority)]
    clock = opened.astimezone(dt.UTC)
    waiting = resolved = False
    allowed = plan.agreed_deadline_priorities if plan is not None else ()
    for _ in range(draw(st.integers(0, max_events - 1))):
        clock += draw(_STEP)
        at = _moment(draw, clock, shown)
        kinds = ["responded", "agent", "customer", "wait-or-resume", "priority", "resolved"]
        if priority in allowed:
            kinds.append("agreed")
        kind = "reopened" if resolved else draw(st.sampled_from(kinds))
        if kind == "reopened":
            events.append(sla.Reopened(at))
            resolved = False
        elif kind == "responded":
            events.append(sla.Responded(at))
        elif kind == "agent":
            events.append(sla.AgentReplied(at))
        elif kind == "customer":
            events.append(sla.CustomerReplied(at))
        elif kind == "wait-or-resume":
            if waiting:
                events.append(sla.Resumed(at))
            elif draw(st.booleans()):
                events.append(sla.WaitingOnCustomer(at))
            else:
                events.append(sla.Paused(at, draw(PAUSE_REASONS)))
            waiting = not waiting
        elif kind == "priority":
            priority = draw(_PRIORITY)
            events.append(sla.PriorityChanged(at, priority))
        elif kind == "agreed":
            due = _moment(draw, clock + draw(_STEP_OR_NOW), shown)
            events.append(sla.AgreedDeadline(at, due))
        else:
            events.append(sla.Resolved(at))
            resolved, waiting = True, False
            if not draw(st.booleans()):
                break
    return tuple(events)


def ticket_events(
    plan: sla.Plan | str | None = None,
    *,
    zones: tuple[str, ...] | None = None,
    max_events: int = 8,
) -> st.SearchStrategy[tuple[Event, ...]]:
    """Valid ticket timelines: ``Opened`` first, then up to ``max_events - 1`` events
    at strictly increasing instants (replies both ways, pauses for the customer or any
    reason, resumes, priority changes, resolutions and reopenings), which
    :func:`~supportpolicy.sla.evaluate` accepts for *plan* with any ``now`` at or after
    the opening.

    The opening is an :func:`instants` value of the plan's calendar (DST gaps and folds
    included); later instants are shown in the opening's zone or UTC (or in *zones*).
    ``AgreedDeadline`` events appear only for a *plan* that allows them at the
    ticket's priority then; without a plan, none are drawn (valid for every plan).
    """
    chosen = None if plan is None else sla.plan(plan)
    if max_events < 1:
        raise InvalidValueError(f"max_events must be >= 1, got {max_events}")
    return _timeline(chosen, zones, max_events)
