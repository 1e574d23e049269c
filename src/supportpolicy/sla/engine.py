"""Evaluating a ticket: every clock of every metric, walked once over its events.

The walk (semantics.md, "SLA clocks") classifies each event as a happening (opening,
agent reply, customer message, resolution, reopening), asks each metric's clock rule
(:data:`~supportpolicy.sla.metrics.METRICS`) what it does, and builds a
:class:`~supportpolicy.sla.clocks.Clock` when a clock stops, and for the clocks still
running at *now*. Nothing here branches on a metric.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from supportpolicy._coerce import aware
from supportpolicy._frozen import FrozenMap
from supportpolicy.errors import EventError
from supportpolicy.sla import events as ev
from supportpolicy.sla.clocks import Clock
from supportpolicy.sla.metrics import ANY_REASON, METRICS, Action, Happening, Threshold
from supportpolicy.sla.plans import Plan, as_plan
from supportpolicy.sla.priorities import Priority
from supportpolicy.sla.targets import Metric, StartReason

__all__ = ["Span", "Walk", "walk"]

Span = tuple[dt.datetime, dt.datetime, str]
"""An interval no clock of some metric counts: (start, end, reason); ``resolved`` for
the time between a resolution and its reopening."""

_HAPPENINGS: dict[type, Happening] = {
    ev.Opened: Happening.OPENED,
    ev.Responded: Happening.AGENT_REPLY,
    ev.AgentReplied: Happening.AGENT_REPLY,
    ev.CustomerReplied: Happening.CUSTOMER_MESSAGE,
    ev.Resolved: Happening.RESOLVED,
    ev.Reopened: Happening.REOPENED,
}
_STARTS = {
    Happening.OPENED: None,
    Happening.CUSTOMER_MESSAGE: StartReason.CUSTOMER_MESSAGE,
    Happening.AGENT_REPLY: StartReason.AGENT_UPDATE,
    Happening.REOPENED: StartReason.REOPENED,
}


_ORDER = tuple(METRICS)
_INDEX = {metric: i for i, metric in enumerate(_ORDER)}
_RESOLUTION = _INDEX[Metric.RESOLUTION]

# The hot loop works on ints: hashing or comparing enum members is a Python-level call.
_STOP, _START, _CONTINUE = 1, 2, 4
_CODES = {
    Action.NONE: 0,
    Action.STOP: _STOP,
    Action.START: _START,
    Action.RESTART: _STOP | _START,
    Action.CONTINUE: _CONTINUE,
}


@attrs.frozen
class _Reading:
    """What a happening does to every metric, read off the clock rules once.

    ``rules`` holds, for each metric the happening can touch, its position in METRICS
    and the rule's action codes by ``2 * running + replied`` (the rules are pure, so a
    table replaces the call); ``started`` is the start reason of a clock it starts.
    """

    rules: tuple[tuple[int, tuple[int, int, int, int]], ...]
    started: StartReason | None
    replies: bool  # whether it is an agent reply (next-reply clocks start after one)


def _read(what: Happening) -> _Reading | None:
    if what is Happening.OTHER:
        return None
    rules = []
    for i, metric in enumerate(_ORDER):
        rule = METRICS[metric].rule
        codes = tuple(_CODES[rule(what, r, p)] for r in (False, True) for p in (False, True))
        if any(codes):
            rules.append((i, codes))
    return _Reading(tuple(rules), _STARTS.get(what), what is Happening.AGENT_REPLY)  # type: ignore[arg-type]


_READINGS = {what: _read(what) for what in Happening}
_BY_KIND = {kind: _READINGS[what] for kind, what in _HAPPENINGS.items()}
_PAUSES = frozenset({ev.Paused, ev.WaitingOnCustomer})


def _utc(instant: dt.datetime) -> dt.datetime:
    return instant.astimezone(dt.UTC)


def happening(event: object) -> Happening:
    """What *event* means to the clock rules: a pause for the customer is a reply to
    them (the first release counted it as the response)."""
    if isinstance(event, ev.Paused):
        return Happening.AGENT_REPLY if event.reason == "customer" else Happening.OTHER
    return _HAPPENINGS.get(type(event), Happening.OTHER)


def _begin(span: Span) -> dt.datetime:
    return span[0]


@attrs.define
class _Run:
    """A clock that has started (scratch, local to one walk)."""

    start: dt.datetime  # UTC
    reason: StartReason | None
    cycle: int = 1
    gaps: list[tuple[dt.datetime, dt.datetime]] = attrs.Factory(list)


@attrs.define
class Walk:
    """The mutable state of one evaluation (local to :func:`walk`, never shared)."""

    plan: Plan
    opened: dt.datetime
    priority: Priority
    now: dt.datetime
    replied: bool = False
    pause: tuple[dt.datetime, str] | None = None
    spans: list[Span] = attrs.Factory(list)  # the pauses so far
    gaps: list[tuple[dt.datetime, dt.datetime]] = attrs.Factory(list)  # resolved ... reopened
    agreed: dt.datetime | None = None
    resolved: dt.datetime | None = None
    # Per metric, by its position in METRICS (lists, not dicts: this is the hot loop).
    runs: list[_Run | None] = attrs.Factory(lambda: [None] * len(_ORDER))
    last: list[_Run | None] = attrs.Factory(lambda: [None] * len(_ORDER))
    clocks: list[list[Clock]] = attrs.Factory(lambda: [[] for _ in _ORDER])
    earlier: list[Clock] = attrs.Factory(list)
    reasons: list[frozenset[str]] = attrs.Factory(list)  # pause reasons ("*" kept)
    targets: list[tuple[object, ...]] = attrs.Factory(list)
    warns: list[tuple[Threshold, ...]] = attrs.Factory(list)
    tz: dt.tzinfo = dt.UTC  # the plan's timezone
    rank: int = 0  # the priority's index into each metric's targets

    def setup(self) -> None:
        self.tz = self.plan.calendar.tz
        self.rank = self.priority - 1
        lookup = self.plan.lookup
        self.reasons = [r for r, _, _ in lookup]
        self.targets = [t for _, t, _ in lookup]
        self.warns = [w for _, _, w in lookup]

    def build(self, i: int, run: _Run, end: dt.datetime, stopped: bool) -> Clock | None:
        """The clock of *run* of metric number *i* read at *end* (its stop, or now);
        None without a target."""
        agreed = self.agreed if i == _RESOLUTION else None
        if agreed is None and self.targets[i][self.rank] is None:
            return None
        start = run.start
        reasons = self.reasons[i]
        every = ANY_REASON in reasons
        kept: list[Span] = [
            (max(a, start), b, r) for a, b, r in self.spans
            if b > start and (every or r in reasons)
        ] if self.spans else []  # fmt: skip
        pause = self.pause
        live = pause is not None and (every or pause[1] in reasons)
        if live:
            assert pause is not None
            kept.append((max(pause[0], start), end, pause[1]))
        if run.gaps:
            kept.extend([(max(a, start), b, ev.RESOLVED_GAP) for a, b in run.gaps])
            kept.sort(key=_begin)
        pauses: tuple[tuple[dt.datetime, dt.datetime], ...] = ()
        why: tuple[str, ...] = ()
        if kept:
            pauses = tuple([(a, b) for a, b, _ in kept])
            why = tuple([r for _, _, r in kept])
        return Clock(
            _ORDER[i], self.priority, end.astimezone(self.tz) if stopped else None, end,
            self.plan, self.opened, start, pauses, live and not stopped, run.cycle, why,
            self.warns[i], run.reason, agreed,
        )  # fmt: skip

    def stop(self, i: int, at: dt.datetime) -> None:
        run = self.runs[i]
        if run is None:
            return
        clock = self.build(i, run, at, stopped=True)
        if clock is not None:
            self.clocks[i].append(clock)
        self.runs[i] = None

    def resume_cycle(self, i: int, at: dt.datetime) -> None:
        before = self.last[i]
        if before is None or self.resolved is None:
            return
        gaps = [*before.gaps, (self.resolved, at)]
        run = _Run(before.start, before.reason, before.cycle + 1, gaps)
        self.runs[i] = self.last[i] = run


def _workaround(w: Walk, event: ev.PriorityChanged, at: dt.datetime) -> None:
    plan = w.plan
    lowered = w.priority == Priority.CRITICAL and event.priority in plan.workaround_priorities
    i = _RESOLUTION
    run = w.runs[i]
    if lowered and plan.resolution[0] is not None and run is not None:
        closed = w.build(i, run, at, stopped=True)
        if closed is not None:
            w.earlier.append(closed)
            w.clocks[i].append(closed)
        w.runs[i] = w.last[i] = _Run(at, StartReason.WORKAROUND)


def _state_change(w: Walk, event: object, at: dt.datetime) -> None:
    if isinstance(event, ev.PriorityChanged):
        _workaround(w, event, at)
        w.priority = event.priority
        w.rank = event.priority - 1
        w.agreed = None
    elif isinstance(event, ev.AgreedDeadline):
        plan = w.plan
        if w.priority not in plan.agreed_deadline_priorities:
            allowed = ", ".join(str(int(p)) for p in plan.agreed_deadline_priorities) or "none"
            raise EventError(
                f"AgreedDeadline at {event.at.isoformat()}: plan {plan.key!r} allows agreed "
                f"deadlines for priorities {allowed}, the ticket has priority {int(w.priority)}"
            )
        w.agreed = event.due


def _apply(w: Walk, event: object, at: dt.datetime) -> None:
    kind = type(event)
    if kind is ev.PriorityChanged or kind is ev.AgreedDeadline:
        _state_change(w, event, at)
        return
    reading = _READINGS[happening(event)] if kind in _PAUSES else _BY_KIND.get(kind)
    if reading is not None:
        runs, replied = w.runs, w.replied
        for i, codes in reading.rules:
            code = codes[2 * (runs[i] is not None) + replied]
            if code & _STOP:
                w.stop(i, at)
            if code & _START:
                runs[i] = w.last[i] = _Run(at, reading.started)
            elif code & _CONTINUE:
                w.resume_cycle(i, at)
        if reading.replies:
            w.replied = True
    if kind in _PAUSES:
        w.pause = (at, event.reason)  # type: ignore[attr-defined]
    elif (kind is ev.Resumed or kind is ev.Resolved) and w.pause is not None:
        w.spans.append((w.pause[0], at, w.pause[1]))
        w.pause = None
    if kind is ev.Resolved:
        w.resolved = at
    elif kind is ev.Reopened:
        w.gaps.append((w.resolved or at, at))
        w.resolved = None


def walk(plan: Plan | str, events: Iterable[object], now: dt.datetime) -> tuple[Walk, dt.datetime]:
    """The finished walk of *events* up to *now*, and *now* as given (checked)."""
    the_plan = plan if type(plan) is Plan else as_plan(plan)
    instant = aware(now, "now")
    ordered, instants = ev.timeline_utc(events)
    opening = ordered[0]
    assert isinstance(opening, ev.Opened)
    moment = _utc(instant)
    if instants[0] > moment:
        raise EventError(
            f"the ticket was opened {opening.at.isoformat()}, after now ({instant.isoformat()}); "
            "give a now at or after the opening"
        )
    the_plan = the_plan.at(opening.at)  # the version in force at the opening
    w = Walk(the_plan, opening.at, opening.priority, moment)
    w.setup()
    _apply(w, opening, instants[0])
    for index in range(1, len(ordered)):
        at = instants[index]
        if at > moment:
            break
        _apply(w, ordered[index], at)
    for i, run in enumerate(w.runs):
        if run is not None:
            clock = w.build(i, run, moment, stopped=False)
            if clock is not None:
                w.clocks[i].append(clock)
    if w.pause is not None:
        w.spans.append((w.pause[0], moment, w.pause[1]))
    if w.resolved is not None:
        w.gaps.append((w.resolved, moment))
    return w, instant


def frozen_clocks(w: Walk) -> FrozenMap[Metric, tuple[Clock, ...]]:
    """The clocks of the walk by metric, each tuple in the order they started."""
    return FrozenMap(
        (metric, tuple(clocks)) for metric, clocks in zip(_ORDER, w.clocks, strict=True)
    )
