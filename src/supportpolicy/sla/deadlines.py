"""Reaction and resolution deadlines of one ticket, as plain immutable values.

Construction is kept light (an analyst computes millions): a :class:`Deadline` stores
what was given and the due instant; the clock start, its reason and the localized
account are derived only when asked for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from supportpolicy._coerce import aware
from supportpolicy._render import Fact, Facts, Kind, Shown
from supportpolicy.errors import InvalidTypeError, InvalidValueError, shown
from supportpolicy.i18n import N_, translator
from supportpolicy.sla.calendars import Calendar
from supportpolicy.sla.clock import add_business_time, business_time_between, next_opening
from supportpolicy.sla.days import add_business_days
from supportpolicy.sla.events import RESOLVED_GAP, pause_reason
from supportpolicy.sla.explain import explain_deadline
from supportpolicy.sla.plans import Plan, as_plan
from supportpolicy.sla.priorities import Priority, as_priority
from supportpolicy.sla.targets import Metric, StartReason, Target

__all__ = ["Deadline", "StartReason", "reaction_deadline", "resolution_deadline"]

Pause = tuple[dt.datetime, dt.datetime]


def _one_per_pause(deadline: Deadline, _: object, reasons: tuple[str, ...]) -> None:
    if not reasons:
        return
    if type(reasons) is not tuple or len(reasons) != len(deadline.pauses):
        raise InvalidValueError(
            f"reasons {shown(reasons)} must be a tuple with one reason per pause "
            f"({len(deadline.pauses)}), or empty"
        )
    for i, reason in enumerate(reasons):
        if reason != RESOLVED_GAP and pause_reason(reason, f"reasons[{i}]") != reason:
            raise InvalidValueError(
                f"reasons[{i}] {shown(reason)} has spaces around it; accepted: a pause "
                "reason as an event gives it (stripped)"
            )


@attrs.frozen(repr=False)
class Deadline(Shown):
    """When a ticket is due for reaction or resolution, and how that was counted.

    ``due`` is in the plan's timezone. ``target`` is None when the deadline was agreed
    for the ticket (``agreed``). ``pauses`` are the intervals the clock did not count
    (the ticket waited on the customer, unless ``reasons`` names another reason).
    ``restarted`` is the instant a new resolution clock started after a workaround
    (None: it started at opening).
    """

    plan: Plan
    priority: Priority
    metric: Metric
    opened: dt.datetime
    due: dt.datetime
    target: Target | None
    calendar: Calendar
    pauses: tuple[Pause, ...] = ()
    restarted: dt.datetime | None = None
    agreed: bool = False
    started: StartReason | None = None
    """Why a clock that did not start at the opening started (next reply, update, cycle)."""
    reasons: tuple[str, ...] = attrs.field(default=(), validator=_one_per_pause)
    """The reason of each pause, as a clock of :func:`~supportpolicy.sla.evaluate` gives
    them (``vendor``, ``resolved``...); empty: every pause waited on the customer, as the
    pauses given to :func:`resolution_deadline` do."""

    _domain = "sla"

    @property
    def start(self) -> dt.datetime:
        """When the clock started counting: the opening, or the next opening after it."""
        base = self.restarted if self.restarted is not None else self.opened
        return next_opening(self.calendar, base)

    @property
    def start_reason(self) -> StartReason:
        """Why the clock started at :attr:`start`."""
        if self.started is not None:
            return self.started
        if self.restarted is not None:
            return StartReason.WORKAROUND
        same = self.start.astimezone(dt.UTC) == self.opened.astimezone(dt.UTC)
        return StartReason.OPENED if same else StartReason.OUTSIDE_HOURS

    def explain(self, locale: str = "en") -> str:
        """A short localized account: plan, priority, target, clock start, closed days
        skipped (holiday names in that language), pauses and the due time."""
        return explain_deadline(self, locale)

    def _facts(self) -> Facts:
        zone = self.calendar.tz
        agreed = None if self.agreed else self.target
        return (
            Fact("plan", None, self.plan.key),
            Fact(None, N_("Plan"), self.plan.title, Kind.LOCALIZED),
            Fact("priority", N_("Priority"), self.priority, Kind.ENUM),
            Fact("metric", N_("Clock"), self.metric, Kind.ENUM, brief="{}"),
            Fact(None, None, f"{self.plan.key} P{int(self.priority)}", brief="{}"),
            Fact("target", None, self.target, Kind.TARGET),
            Fact(None, N_("Target"), agreed, Kind.TARGET, none=N_("agreed for this ticket")),
            Fact("opened", N_("Opened"), self.opened, Kind.INSTANT, zone=zone),
            Fact("start", N_("Clock started"), self.start, Kind.INSTANT, zone=zone),
            Fact("start_reason", None, self.start_reason, Kind.ENUM),
            Fact("agreed", None, self.agreed, Kind.BOOL),
            Fact("due", N_("Due"), self.due, Kind.INSTANT, brief="due {}", zone=zone),
            Fact(None, None, "agreed" if self.agreed else None, brief="{}"),
            Fact("timezone", N_("Time zone"), self.calendar.timezone),
            Fact("pauses", None, len(self.pauses), Kind.INT),
            Fact("restarted", None, self.restarted, Kind.INSTANT),
        )

    def _caption(self, locale: str) -> str:
        return translator(locale, "sla").gettext("Deadline")


def _plan_priority(plan: object, priority: object) -> tuple[Plan, Priority]:
    return (
        plan if type(plan) is Plan else as_plan(plan),
        priority if type(priority) is Priority else as_priority(priority),
    )


def due_at(
    plan: Plan, target: Target, start: dt.datetime, pauses: Iterable[Pause] = ()
) -> dt.datetime:
    """The due instant of *target* counted from *start*, extended by *pauses*.

    A pause that begins before the (so far) due instant moves it later by the business
    time the pause covers on the target's calendar; a pause at or after it changes
    nothing. So pausing never makes a due time earlier.
    """
    cal = plan.calendar_for(target)
    if target.duration is not None:
        due = add_business_time(cal, start, target.duration)
    else:
        due = add_business_days(cal, start, target.amount)
    return extend(cal, due, pauses)


def extend(cal: Calendar, due: dt.datetime, pauses: Iterable[Pause]) -> dt.datetime:
    """*due* moved later by the business time of each pause that begins before it (as
    moved so far), pauses in time order: the rule of :func:`due_at`, also used for the
    warning instants, so that a pause moves a warning as it moves the due instant."""
    for begin, end in pauses:
        # Compared in UTC: two datetimes sharing a tzinfo compare by wall clock.
        if begin.astimezone(dt.UTC) >= due.astimezone(dt.UTC):
            break
        if end.astimezone(dt.UTC) > begin.astimezone(dt.UTC):
            due = add_business_time(cal, due, business_time_between(cal, begin, end))
    return due


def reaction_deadline(plan: Plan | str, priority: Priority | int, opened: dt.datetime) -> Deadline:
    """When the first response to a ticket opened at *opened* is due.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> opened = dt.datetime(2026, 11, 20, 17, 0, tzinfo=ZoneInfo("Europe/Moscow"))
    >>> reaction_deadline("basic", 1, opened).due.isoformat()
    '2026-11-25T17:00:00+03:00'
    """
    the_plan, prio = _plan_priority(plan, priority)
    at = aware(opened, "opened")
    the_plan = the_plan.at(at)  # the version in force at the opening
    target = the_plan.reaction[prio - 1]
    cal = the_plan.calendar_for(target)
    if target.duration is not None:
        due = add_business_time(cal, at, target.duration)
    else:
        due = add_business_days(cal, at, target.amount)
    return Deadline(the_plan, prio, Metric.REACTION, at, due, target, cal)


def _pauses(pauses: Iterable[object], start: dt.datetime) -> tuple[Pause, ...]:
    result: list[Pause] = []
    for item in pauses:
        if not isinstance(item, tuple) or len(item) != 2:
            raise InvalidTypeError(
                f"a pause must be a (start, end) pair of aware datetimes, got {item!r}"
            )
        begin = aware(item[0], "pause start").astimezone(dt.UTC)
        end = aware(item[1], "pause end").astimezone(dt.UTC)
        if end < begin:
            raise InvalidValueError(
                f"pause ends {end.isoformat()} before it starts {begin.isoformat()}"
            )
        if result and begin < result[-1][1]:
            raise InvalidValueError(
                f"pause starting {begin.isoformat()} overlaps or precedes the one before; "
                "give pauses in time order, not overlapping"
            )
        if end > start:
            result.append((max(begin, start), end))
    return tuple(result)


def resolution_deadline(
    plan: Plan | str,
    priority: Priority | int,
    opened: dt.datetime,
    *,
    pauses: Iterable[Pause] = (),
    restarted: dt.datetime | None = None,
) -> Deadline | None:
    """When resolving a ticket opened at *opened* is due; None if the plan sets no target.

    *pauses* are (start, end) intervals the ticket waited on the customer, in order;
    *restarted* starts the clock later (a workaround lowered a priority-1 incident).

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> opened = dt.datetime(2026, 11, 20, 17, 0, tzinfo=ZoneInfo("Europe/Moscow"))
    >>> resolution_deadline("premium", 2, opened).due.isoformat()
    '2026-11-25T17:00:00+03:00'
    >>> resolution_deadline("basic", 2, opened) is None
    True
    """
    the_plan, prio = _plan_priority(plan, priority)
    at = aware(opened, "opened")
    the_plan = the_plan.at(at)  # the version in force at the opening
    target = the_plan.resolution[prio - 1]
    if target is None:
        return None
    start = at if restarted is None else aware(restarted, "restarted")
    if start.astimezone(dt.UTC) < at.astimezone(dt.UTC):
        raise InvalidValueError("restarted must not be before opened")
    clean = _pauses(pauses, start)
    due = due_at(the_plan, target, start, clean)
    cal = the_plan.calendar_for(target)
    return Deadline(the_plan, prio, Metric.RESOLUTION, at, due, target, cal, clean, restarted)
