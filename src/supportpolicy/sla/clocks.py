"""One SLA clock of a ticket: its state, due instant, pauses, warnings and used time.

A :class:`Clock` is built by :func:`~supportpolicy.sla.evaluate` with what decides its
state (due, stopped); what only a report or an app asks for (remaining time, warning
instants, elapsed fraction) is computed when asked, so evaluating stays fast.
"""

from __future__ import annotations

import datetime as dt

import attrs

from supportpolicy._render import Fact, Facts, Kind, Labelled, Shown
from supportpolicy.i18n import N_
from supportpolicy.sla.calendars import Calendar
from supportpolicy.sla.clock import add_business_time, business_time_between, subtract_business_time
from supportpolicy.sla.deadlines import Deadline, due_at, extend
from supportpolicy.sla.metrics import Threshold
from supportpolicy.sla.plans import Plan
from supportpolicy.sla.priorities import Priority
from supportpolicy.sla.targets import Metric, StartReason

__all__ = ["Clock", "State", "Warning"]


class State(Labelled):
    """Where an SLA clock stands."""

    RUNNING = "running", N_("running")
    PAUSED = "paused", N_("paused")
    MET = "met", N_("met")
    BREACHED = "breached", N_("breached")


Warning = tuple[Threshold, dt.datetime]
"""A warning: its threshold and the instant it is crossed."""


def _utc(instant: dt.datetime) -> dt.datetime:
    return instant.astimezone(dt.UTC)


@attrs.frozen(repr=False)
class Clock(Shown):
    """One SLA clock at an instant.

    ``remaining`` is business time on the deadline's calendar from ``now`` (or, once
    stopped, from ``stopped``) to ``due``: negative once overdue. ``stopped`` is the
    instant that met or breached it (None while running or paused). ``cycle`` counts the
    resolution cycles of a reopened ticket (1 for every other clock); ``reasons`` are
    the pause reasons, one per entry of ``deadline.pauses`` (``resolved`` for the time
    between a resolution and the reopening). The deadline (and so ``due`` and
    ``state``) is counted when first asked for, once.
    """

    metric: Metric
    priority: Priority
    stopped: dt.datetime | None
    until: dt.datetime = attrs.field(repr=False)
    """The instant the clock is read at: ``stopped``, else the status' now (UTC)."""
    plan: Plan = attrs.field(repr=False)
    opened: dt.datetime = attrs.field(repr=False)
    start: dt.datetime = attrs.field(repr=False)
    """When the clock started counting (UTC; the calendar may still be closed then)."""
    pauses: tuple[tuple[dt.datetime, dt.datetime], ...] = attrs.field(repr=False)
    live: bool = attrs.field(repr=False)
    """Whether a pause that stops this clock lasts at ``until``."""
    cycle: int = 1
    reasons: tuple[str, ...] = ()
    thresholds: tuple[Threshold, ...] = ()
    started: StartReason | None = attrs.field(default=None, repr=False)
    agreed: dt.datetime | None = attrs.field(default=None, repr=False)
    # Derived once, when first asked for (a benign race: two threads compute the same).
    _deadline_memo: Deadline | None = attrs.field(default=None, eq=False, repr=False, init=False)
    _due_memo: dt.datetime | None = attrs.field(default=None, eq=False, repr=False, init=False)

    _domain = "sla"
    _layout = "row"

    @property
    def deadline(self) -> Deadline:
        """The deadline behind the clock: target, calendar, pauses and due instant."""
        found = self._deadline_memo
        if found is None:
            found = self._deadline()
            object.__setattr__(self, "_deadline_memo", found)
        return found

    @property
    def _due_utc(self) -> dt.datetime:
        found = self._due_memo
        if found is None:
            found = _utc(self.deadline.due)
            object.__setattr__(self, "_due_memo", found)
        return found

    def _deadline(self) -> Deadline:
        plan = self.plan
        restarted = None if self.start == self.opened.astimezone(dt.UTC) else self.start
        if self.agreed is not None:
            return Deadline(
                plan, self.priority, self.metric, self.opened, self.agreed, None,
                plan.calendar, self.pauses, restarted, agreed=True, started=self.started,
                reasons=self.reasons,
            )  # fmt: skip
        target = plan.targets[self.metric][self.priority]
        assert target is not None  # the engine builds no clock without a target
        due = due_at(plan, target, self.start, self.pauses)
        return Deadline(
            plan, self.priority, self.metric, self.opened, due.astimezone(plan.calendar_for(
                target).tz), target, plan.calendar_for(target), self.pauses, restarted,
            started=self.started, reasons=self.reasons,
        )  # fmt: skip

    @property
    def due(self) -> dt.datetime:
        """The due instant, in the calendar's timezone."""
        return self.deadline.due

    @property
    def state(self) -> State:
        """Met or breached once stopped; breached once now is past due; else paused or
        running (a pause that began before the due moves it past now)."""
        due = self._due_utc
        if self.stopped is not None:
            return State.MET if self.until <= due else State.BREACHED
        if self.until > due:
            return State.BREACHED
        return State.PAUSED if self.live else State.RUNNING

    @property
    def calendar(self) -> Calendar:
        """The calendar the clock counts on."""
        return self.deadline.calendar

    @property
    def remaining(self) -> dt.timedelta:
        """Business time from ``until`` to ``due`` (negative once overdue)."""
        return business_time_between(self.calendar, self.until, self.due)

    @property
    def budget(self) -> dt.timedelta:
        """The business time the clock allows: the target (business days: the business
        time they span from the start), or up to an agreed due instant."""
        d = self.deadline
        target = d.target
        if target is not None and target.duration is not None and not d.agreed:
            return target.duration
        return business_time_between(self.calendar, self.start, self._nominal_due())

    @property
    def used(self) -> dt.timedelta:
        """Business time counted so far: from the start to ``until``, less the pauses."""
        cal = self.calendar
        paused = sum(
            (business_time_between(cal, a, min(b, self.until)) for a, b in self.deadline.pauses
             if a < self.until),
            dt.timedelta(),
        )  # fmt: skip
        return business_time_between(cal, self.start, self.until) - paused

    @property
    def elapsed_fraction(self) -> float:
        """``used / budget``: 0 at the start, 1 at the due instant, above 1 once overdue
        (business time: at a closed instant just after the due it is still 1)."""
        budget = self.budget
        if not budget:
            return 1.0
        return self.used / budget

    @property
    def warnings(self) -> tuple[Warning, ...]:
        """Each threshold with the instant it is crossed, in time order: a fraction of
        the budget counted from the start and moved by the pauses like the due instant;
        a time before due counted back from the due instant (never before the start)."""
        zone = self.calendar.tz
        found = sorted((self._warning_utc(t), i) for i, t in enumerate(self.thresholds))
        return tuple((self.thresholds[i], at.astimezone(zone)) for at, i in found)

    @property
    def _checks(self) -> tuple[dt.datetime, ...]:
        """The due instant and every warning instant, in UTC (for ``Status.next_check``)."""
        return (self._due_utc, *(self._warning_utc(t) for t in self.thresholds))

    def _nominal_due(self) -> dt.datetime:
        """The due instant without pauses (agreed: the agreed instant)."""
        d = self.deadline
        if d.agreed or d.target is None:
            return d.due
        return due_at(d.plan, d.target, self.start)

    def _warning_utc(self, threshold: Threshold) -> dt.datetime:
        """The instant *threshold* is crossed, in UTC."""
        cal = self.calendar
        if threshold.before is not None:
            return max(_utc(subtract_business_time(cal, self.due, threshold.before)), self.start)
        assert threshold.fraction is not None
        budget = self.budget
        part = budget * threshold.fraction.numerator // threshold.fraction.denominator
        nominal = add_business_time(cal, self.start, part)
        if self.deadline.agreed:
            return _utc(nominal)
        return min(_utc(extend(cal, nominal, self.deadline.pauses)), self._due_utc)

    def explain(self, locale: str = "en") -> str:
        """The localized account of the deadline behind this clock."""
        return self.deadline.explain(locale)

    def _facts(self) -> Facts:
        zone = self.deadline.calendar.tz
        return (
            Fact("plan", None, self.deadline.plan.key),
            Fact("metric", N_("Clock"), self.metric, Kind.ENUM),
            Fact("cycle", None, self.cycle, Kind.INT),
            Fact("priority", N_("Priority"), self.priority, Kind.ENUM),
            Fact(None, None, f"{self.metric.value} P{int(self.priority)}", brief="{}"),
            Fact("state", N_("State"), self.state, Kind.ENUM, brief="{}"),
            Fact("due", N_("Due"), self.due, Kind.INSTANT, brief="due {}", zone=zone),
            Fact("remaining_minutes", N_("Remaining"), self.remaining, Kind.DURATION,
                 brief="remaining {}"),
            Fact("stopped", N_("Stopped"), self.stopped, Kind.INSTANT, zone=zone),
            Fact("started", None, self.deadline.start, Kind.INSTANT, zone=zone),
            Fact("pauses", None, len(self.deadline.pauses), Kind.INT),
            Fact("warnings", None, " ".join(f"{t.short()}@{a.isoformat()}"
                                            for t, a in self.warnings) or None),
        )  # fmt: skip
