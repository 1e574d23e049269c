"""Ticket status: where every clock of a ticket stands at an instant.

:func:`evaluate` reads a ticket's events (semantics.md, "SLA clocks") through the
engine (:mod:`supportpolicy.sla.engine`): reaction, resolution (one clock per cycle of a
reopened ticket), next reply and periodic update, each pausing for the reasons its plan
names; a priority change keeps the clocks' start and applies the new targets; on plans
with ``workaround_priorities`` a priority-1 incident lowered to one of them has met its
resolution target then, and the new priority's clock starts; an agreed deadline
replaces the computed one until the next priority change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping

import attrs

from supportpolicy._display import short_instant
from supportpolicy._frozen import FrozenMap, frozen_map
from supportpolicy._render import Fact, Facts, Kind, Shown
from supportpolicy.i18n import format_datetime, translator
from supportpolicy.sla.clock import business_time_between
from supportpolicy.sla.clocks import Clock, State
from supportpolicy.sla.engine import Span, frozen_clocks, walk
from supportpolicy.sla.plans import Plan
from supportpolicy.sla.priorities import Priority
from supportpolicy.sla.status_explain import explain_status
from supportpolicy.sla.targets import Metric

__all__ = ["Clock", "State", "Status", "evaluate"]


def _clock_map(value: Mapping[Metric, tuple[Clock, ...]]) -> FrozenMap[Metric, tuple[Clock, ...]]:
    return frozen_map(value)


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
    clocks: FrozenMap[Metric, tuple[Clock, ...]] = attrs.field(
        factory=FrozenMap, converter=_clock_map
    )
    """Every clock of the ticket by metric, each tuple in the order they started
    (resolution: the clocks a workaround closed, then one per cycle)."""
    pauses: tuple[Span, ...] = ()
    """Every pause so far: (start, end, reason) in UTC; an open one ends at now."""
    gaps: tuple[tuple[dt.datetime, dt.datetime], ...] = ()
    """The times the ticket was resolved (until reopened, or now), in UTC."""

    _domain = "sla"

    @property
    def cycles(self) -> tuple[Clock, ...]:
        """The resolution clocks of the ticket's cycles (a reopening starts the next):
        the first is the first resolution, the last the final or current one."""
        return tuple(c for c in self.clocks.get(Metric.RESOLUTION, ()) if c not in self.earlier)

    @property
    def next_check(self) -> dt.datetime | None:
        """The earliest warning or due instant after now of a clock that runs (a paused
        clock's instants move until it resumes, so they are not scheduled), or None."""
        now = self.now.astimezone(dt.UTC)
        found = [
            instant
            for clocks in self.clocks.values()
            for clock in clocks
            if clock.stopped is None and not clock.live and clock.state is State.RUNNING
            for instant in clock._checks
            if instant > now
        ]
        if not found:
            return None
        return min(found).astimezone(self.reaction.plan.calendar.tz)

    @property
    def requester_wait(self) -> dt.timedelta:
        """Business time (service calendar) the requester waited: open and not resolved,
        less the pauses for the customer (Zendesk: New, Open and On-hold; plans.md)."""
        return self._open_time(lambda reason: reason == "customer")

    @property
    def agent_work(self) -> dt.timedelta:
        """Business time (service calendar) the ticket was open, not resolved and not
        paused for any reason (Zendesk: New and Open)."""
        return self._open_time(lambda _reason: True)

    def _open_time(self, excluded: Callable[[str], bool]) -> dt.timedelta:
        cal = self.reaction.plan.calendar
        now = self.now.astimezone(dt.UTC)
        total = business_time_between(cal, self.reaction.opened, now)
        for begin, end in self.gaps:
            total -= business_time_between(cal, begin, end)
        for begin, end, reason in self.pauses:
            if excluded(reason):
                total -= business_time_between(cal, begin, end)
        return total

    def explain(self, locale: str = "en") -> str:
        """Every clock of the ticket in *locale*: when and why it started, each pause
        with its reason and what it moved, each cycle and warning, met or breached and
        by how much."""
        return explain_status(self, locale)

    def _clocks(self) -> dict[Metric, Clock | None]:
        """The current clock of each metric (None where there is none)."""
        current = {m: (clocks[-1] if clocks else None) for m, clocks in self.clocks.items()}
        current[Metric.REACTION] = self.reaction
        current[Metric.RESOLUTION] = self.resolution
        return current

    def _facts(self) -> Facts:
        clocks = self._clocks()
        states = ", ".join(f"{m.value} {c.state.value}" for m, c in clocks.items() if c)
        brief = f"P{int(self.priority)} at {short_instant(self.now)}: {states}"
        return (
            Fact(None, None, brief, brief="{}"),
            Fact("plan", None, self.reaction.plan.key),
            Fact("now", None, self.now, Kind.INSTANT),
            Fact("priority", None, self.priority, Kind.ENUM),
            *(fact for metric, clock in clocks.items() for fact in _metric_facts(metric, clock)),
            Fact("earlier", None, len(self.earlier), Kind.INT),
        )

    def _rows(self) -> tuple[Facts, ...]:
        return tuple(clock._facts() for clocks in self.clocks.values() for clock in clocks)

    def _caption(self, locale: str) -> str:
        tz = self.reaction.plan.calendar.tz
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


def evaluate(plan: Plan | str, events: Iterable[object], now: dt.datetime) -> Status:
    """The ticket's status at *now*, every clock of every metric, from its *events*.

    Events may come in any order and any iterable (they are sorted, see
    :func:`~supportpolicy.sla.events.timeline`); events after *now* are checked but not
    applied (the status as it stood at *now*). Resolving a ticket that had no response
    yet also counts as its first response.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> from supportpolicy.sla.events import Opened, Responded
    >>> at = lambda d, h: dt.datetime(2026, 11, d, h, tzinfo=ZoneInfo("Europe/Moscow"))
    >>> status = evaluate("premium", [Opened(at(23, 9), 2), Responded(at(23, 10))], at(23, 12))
    >>> status.reaction.state, status.resolution.state
    (<State.MET: 'met'>, <State.RUNNING: 'running'>)
    """
    w, instant = walk(plan, events, now)
    clocks = frozen_clocks(w)
    resolution = clocks[Metric.RESOLUTION]
    current = resolution[-1] if resolution and resolution[-1] not in w.earlier else None
    return Status(
        instant, w.priority, clocks[Metric.REACTION][0], current, tuple(w.earlier),
        clocks, tuple(w.spans), tuple(w.gaps),
    )  # fmt: skip
