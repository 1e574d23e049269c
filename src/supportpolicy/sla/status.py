"""Ticket status: where the reaction and resolution clocks stand at an instant.

:func:`evaluate` reads a ticket's events (semantics.md, "SLA clocks"): the reaction
clock runs from opening to the first response (a hand-over to the customer counts);
the resolution clock runs from opening to resolution minus the time the ticket waited
on the customer; a priority change keeps the clocks' start and applies the new targets;
on plans with ``workaround_priorities`` a priority-1 incident lowered to one of them has
met its resolution target then, and the new priority's clock starts; an agreed
deadline replaces the computed one until the next priority change.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable

import attrs

from supportpolicy._coerce import aware
from supportpolicy._display import short_instant
from supportpolicy._render import Fact, Facts, Kind, Labelled, Shown
from supportpolicy.errors import EventError
from supportpolicy.i18n import N_, format_datetime, translator
from supportpolicy.sla.clock import business_time_between
from supportpolicy.sla.deadlines import Deadline, Pause, _plan_priority, due_at, reaction_deadline
from supportpolicy.sla.events import (
    AgentReplied,
    AgreedDeadline,
    Opened,
    Paused,
    PriorityChanged,
    Resolved,
    Responded,
    Resumed,
    WaitingOnCustomer,
    timeline,
)
from supportpolicy.sla.plans import Plan
from supportpolicy.sla.priorities import Priority
from supportpolicy.sla.targets import Metric

__all__ = ["Clock", "State", "Status", "evaluate"]


class State(Labelled, enum.Enum):
    """Where an SLA clock stands."""

    RUNNING = "running"
    PAUSED = "paused"
    MET = "met"
    BREACHED = "breached"


_STATE_LABELS = {
    "running": N_("running"),
    "paused": N_("paused"),
    "met": N_("met"),
    "breached": N_("breached"),
}
State.__domain__, State.__labels__ = "sla", _STATE_LABELS


@attrs.frozen(repr=False)
class Clock(Shown):
    """One SLA clock at an instant.

    ``remaining`` is business time on the deadline's calendar from ``now`` (or, once
    stopped, from ``stopped``) to ``due``: negative once overdue. ``stopped`` is the
    instant that met or breached it (None while running or paused).
    """

    metric: Metric
    state: State
    due: dt.datetime
    remaining: dt.timedelta
    priority: Priority
    stopped: dt.datetime | None
    deadline: Deadline

    _domain = "sla"
    _layout = "row"

    def explain(self, locale: str = "en") -> str:
        """The localized account of the deadline behind this clock."""
        return self.deadline.explain(locale)

    def _facts(self) -> Facts:
        zone = self.deadline.calendar.tz
        return (
            Fact("plan", None, self.deadline.plan.key),
            Fact("metric", N_("Clock"), self.metric, Kind.ENUM),
            Fact("priority", N_("Priority"), self.priority, Kind.ENUM),
            Fact(None, None, f"{self.metric.value} P{int(self.priority)}", brief="{}"),
            Fact("state", N_("State"), self.state, Kind.ENUM, brief="{}"),
            Fact("due", N_("Due"), self.due, Kind.INSTANT, brief="due {}", zone=zone),
            Fact("remaining_minutes", N_("Remaining"), self.remaining, Kind.DURATION,
                 brief="remaining {}"),
            Fact("stopped", N_("Stopped"), self.stopped, Kind.INSTANT, zone=zone),
        )  # fmt: skip


@attrs.frozen(repr=False)
class Status(Shown):
    """A ticket's SLA status at ``now``.

    ``resolution`` is None when the plan sets no resolution target for the ticket's
    priority and none was agreed. ``earlier`` holds resolution clocks closed by a
    workaround (Premium: priority 1 lowered to 3 or 4).
    """

    now: dt.datetime
    priority: Priority
    reaction: Clock
    resolution: Clock | None
    earlier: tuple[Clock, ...] = ()

    _domain = "sla"

    def _clocks(self) -> dict[Metric, Clock | None]:
        """The current clock of each metric (None where the plan sets no target)."""
        return {Metric.REACTION: self.reaction, Metric.RESOLUTION: self.resolution}

    def _facts(self) -> Facts:
        clocks = self._clocks()
        states = ", ".join(f"{m.value} {c.state.value}" for m, c in clocks.items() if c)
        brief = f"P{int(self.priority)} at {short_instant(self.now)}: {states}"
        return (
            Fact(None, None, brief, brief="{}"),
            Fact("plan", None, self.reaction.deadline.plan.key),
            Fact("now", None, self.now, Kind.INSTANT),
            Fact("priority", None, self.priority, Kind.ENUM),
            *(fact for metric, clock in clocks.items() for fact in _metric_facts(metric, clock)),
            Fact("earlier", None, len(self.earlier), Kind.INT),
        )

    def _rows(self) -> tuple[Facts, ...]:
        clocks = [self.reaction, *self.earlier]
        if self.resolution is not None:
            clocks.append(self.resolution)
        return tuple(clock._facts() for clock in clocks)

    def _caption(self, locale: str) -> str:
        tz = self.reaction.deadline.plan.calendar.tz
        return (
            translator(locale, "sla")
            .gettext("Status at {now}")
            .format(now=format_datetime(self.now, locale, tz=tz))
        )


_METRIC_COLUMNS = ("state", "due", "remaining_minutes", "stopped")


def _metric_facts(metric: Metric, clock: Clock | None) -> list[Fact]:
    """The ``<metric>_state/_due/_remaining_minutes/_stopped`` columns of a status."""
    if clock is None:
        return [Fact(f"{metric.value}_{key}", None, None) for key in _METRIC_COLUMNS]
    return [
        attrs.evolve(f, key=f"{metric.value}_{f.key}", label=None, brief=None)
        for f in clock._facts()
        if f.key in _METRIC_COLUMNS
    ]


def _utc(instant: dt.datetime) -> dt.datetime:
    """*instant* in UTC, for comparing: Python compares two datetimes that share a
    tzinfo by wall clock, ignoring ``fold``, which misorders instants in a DST fold."""
    return instant.astimezone(dt.UTC)


def _state(due: dt.datetime, stopped: dt.datetime | None, now: dt.datetime, paused: bool) -> State:
    if stopped is not None:
        return State.MET if _utc(stopped) <= _utc(due) else State.BREACHED
    if _utc(now) > _utc(due):
        return State.BREACHED
    return State.PAUSED if paused else State.RUNNING


def _clock(
    deadline: Deadline, stopped: dt.datetime | None, now: dt.datetime, paused: bool
) -> Clock:
    until = stopped if stopped is not None else now
    return Clock(
        metric=deadline.metric,
        state=_state(deadline.due, stopped, now, paused),
        due=deadline.due,
        remaining=business_time_between(deadline.calendar, until, deadline.due),
        priority=deadline.priority,
        stopped=None if stopped is None else stopped.astimezone(deadline.calendar.tz),
        deadline=deadline,
    )


@attrs.define
class _Ticket:
    """Mutable scratch state of one evaluation (local to :func:`evaluate`, never shared)."""

    opened: dt.datetime
    priority: Priority
    responded: dt.datetime | None = None
    response_priority: Priority | None = None
    pause_start: dt.datetime | None = None
    pauses: list[Pause] = attrs.Factory(list)
    clock_start: dt.datetime | None = None
    agreed: dt.datetime | None = None
    resolved: dt.datetime | None = None
    earlier: list[Clock] = attrs.Factory(list)


def _resolution(
    plan: Plan, t: _Ticket, end: dt.datetime, now: dt.datetime, stopped: bool
) -> Clock | None:
    start = t.clock_start or t.opened
    pauses = [(max(a, start), b) for a, b in t.pauses if b > start]
    paused = t.pause_start is not None and not stopped
    if t.pause_start is not None:
        pauses.append((max(t.pause_start, start), end))
    if t.agreed is not None:
        deadline = Deadline(
            plan, t.priority, Metric.RESOLUTION, t.opened, t.agreed, None, plan.calendar,
            tuple(pauses), t.clock_start, agreed=True,
        )  # fmt: skip
    else:
        target = plan.resolution[t.priority - 1]
        if target is None:
            return None
        due = due_at(plan, target, start, pauses)
        deadline = Deadline(
            plan, t.priority, Metric.RESOLUTION, t.opened, due, target,
            plan.calendar_for(target), tuple(pauses), t.clock_start,
        )  # fmt: skip
    return _clock(deadline, end if stopped else None, now, paused)


def _apply(plan: Plan, t: _Ticket, event: object, now: dt.datetime) -> None:
    # Every instant kept in the scratch state is UTC, so comparing them is exact.
    at = _utc(event.at)  # type: ignore[attr-defined]
    if isinstance(event, Responded | AgentReplied | WaitingOnCustomer) and t.responded is None:
        t.responded, t.response_priority = at, t.priority
    if isinstance(event, Paused | Resumed):
        # Alternation is checked by timeline(); at one instant the listed order of a
        # pause and a resume may be either way round, so each one toggles.
        if t.pause_start is None:
            t.pause_start = at
        else:
            t.pauses.append((t.pause_start, at))
            t.pause_start = None
    elif isinstance(event, PriorityChanged):
        lowered = t.priority == Priority.CRITICAL and event.priority in plan.workaround_priorities
        if lowered and plan.resolution[0] is not None:
            closed = _resolution(plan, t, at, now, stopped=True)
            if closed is not None:
                t.earlier.append(closed)
            t.clock_start = at
        t.priority = event.priority
        t.agreed = None
    elif isinstance(event, AgreedDeadline):
        if t.priority not in plan.agreed_deadline_priorities:
            allowed = ", ".join(str(int(p)) for p in plan.agreed_deadline_priorities) or "none"
            raise EventError(
                f"AgreedDeadline at {event.at.isoformat()}: plan {plan.key!r} allows agreed "
                f"deadlines for priorities {allowed}, the ticket has priority {int(t.priority)}"
            )
        t.agreed = event.due
    elif isinstance(event, Resolved):
        t.resolved = at
        if t.responded is None:
            t.responded, t.response_priority = at, t.priority


def evaluate(plan: Plan | str, events: Iterable[object], now: dt.datetime) -> Status:
    """The ticket's reaction and resolution status at *now*, from its *events*.

    Events after *now* are checked but not applied (the status as it stood at *now*).
    Resolving a ticket that had no response yet also counts as its first response.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> at = lambda d, h: dt.datetime(2026, 11, d, h, tzinfo=ZoneInfo("Europe/Moscow"))
    >>> status = evaluate("premium", [Opened(at(23, 9), 2), Responded(at(23, 10))], at(23, 12))
    >>> status.reaction.state, status.resolution.state
    (<State.MET: 'met'>, <State.RUNNING: 'running'>)
    """
    the_plan, _ = _plan_priority(plan, 1)
    instant = aware(now, "now")
    ordered = timeline(events)
    opening = ordered[0]
    assert isinstance(opening, Opened)
    moment = _utc(instant)
    if _utc(opening.at) > moment:
        raise EventError(
            f"the ticket was opened {opening.at.isoformat()}, after now ({instant.isoformat()}); "
            "give a now at or after the opening"
        )
    ticket = _Ticket(opened=opening.at, priority=opening.priority)
    for event in ordered[1:]:
        if _utc(event.at) > moment:
            break
        _apply(the_plan, ticket, event, moment)
    reaction_priority = ticket.response_priority or ticket.priority
    reaction = _clock(
        reaction_deadline(the_plan, reaction_priority, ticket.opened),
        ticket.responded,
        moment,
        False,
    )
    end = ticket.resolved if ticket.resolved is not None else moment
    resolution = _resolution(the_plan, ticket, end, moment, stopped=ticket.resolved is not None)
    return Status(instant, ticket.priority, reaction, resolution, tuple(ticket.earlier))
