"""A slow, obviously correct SLA engine, to check ``sla.evaluate`` against.

It follows docs/semantics.md ("SLA clocks") word for word and shares no code with the
library's engine: the clock rules are plain ``if`` statements per metric, and every due
and warning instant is found by stepping the reference clock's open minutes one by one
(``reference_clock.day_intervals``), skipping the minutes a pause or a resolved spell
covers. Instants are whole UTC minutes, targets whole minutes.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from fractions import Fraction

import attrs

import reference_clock as ref

UTC = dt.UTC
EPOCH = dt.datetime(1970, 1, 1, tzinfo=UTC)
METRICS = ("reaction", "resolution", "next_reply", "periodic_update")


def minute_of(instant: dt.datetime) -> int:
    return (instant.astimezone(UTC) - EPOCH) // dt.timedelta(minutes=1)


def instant_of(minute: int) -> dt.datetime:
    return EPOCH + dt.timedelta(minutes=minute)


@functools.cache
def open_minutes(spec: ref.Spec, first: dt.date, days: int) -> tuple[int, ...]:
    """Every open minute of *spec* on the local dates first .. first + days, sorted."""
    found: set[int] = set()
    for n in range(days):
        for lo, hi in ref.day_intervals(spec, first + dt.timedelta(days=n)):
            found.update(range(minute_of(lo), minute_of(hi)))
    return tuple(sorted(found))


@attrs.frozen
class RefPlan:
    targets: dict[str, tuple[int | None, ...]]  # minutes per priority 1-4
    pause_on: dict[str, frozenset[str]]
    warn: dict[str, tuple[tuple[str, object], ...]]  # ("fraction", Fraction) / ("before", min)
    agreed_priorities: frozenset[int] = frozenset()


@attrs.define
class RefClock:
    metric: str
    start: int
    cycle: int = 1
    stop: int | None = None
    priority: int = 1
    agreed: int | None = None
    excluded: list[tuple[int, int]] = attrs.Factory(list)  # [a, b) minutes not counted
    live: bool = False  # a pause that stops it lasts at now


def _pauses_metric(plan: RefPlan, metric: str, reason: str) -> bool:
    reasons = plan.pause_on[metric]
    return reason in reasons or "*" in reasons


def run(plan: RefPlan, events: list[tuple[int, str, object]], now: int) -> list[RefClock]:
    """The clocks of the timeline (events: (minute, kind, value), in canonical order)."""
    clocks: list[RefClock] = []
    running: dict[str, RefClock | None] = dict.fromkeys(METRICS)
    last_resolution: RefClock | None = None
    priority = 1
    replied = False
    pause: tuple[int, str] | None = None
    pauses: list[tuple[int, int, str]] = []
    resolved_at: int | None = None
    gaps: list[tuple[int, int]] = []
    agreed: int | None = None

    def snapshot(clock: RefClock, end: int) -> None:
        clock.priority = priority
        clock.agreed = agreed if clock.metric == "resolution" else None
        spells = [*pauses] + ([(pause[0], end, pause[1])] if pause else [])
        clock.excluded = [(a, b) for a, b, r in spells if _pauses_metric(plan, clock.metric, r)]
        clock.live = pause is not None and _pauses_metric(plan, clock.metric, pause[1])
        if clock.metric == "resolution":
            clock.excluded += [(a, b) for a, b in gaps if a >= clock.start]

    def stop(metric: str, at: int) -> None:
        clock = running[metric]
        if clock is not None:
            clock.stop = at
            snapshot(clock, at)
            running[metric] = None

    def start(metric: str, at: int) -> None:
        clock = RefClock(metric, at)
        clocks.append(clock)
        running[metric] = clock

    for at, kind, value in events:
        if at > now:
            break
        customer_pause = kind == "paused" and value == "customer"
        agent_reply = kind in ("responded", "agent_replied") or customer_pause
        if kind == "opened":
            priority = int(value)  # type: ignore[call-overload]
            start("reaction", at)
            start("resolution", at)
            last_resolution = running["resolution"]
            start("periodic_update", at)
        if kind == "priority_changed":
            priority = int(value)  # type: ignore[call-overload]
            agreed = None
        if kind == "agreed_deadline":
            agreed = int(value)  # type: ignore[call-overload]
        if agent_reply:
            stop("reaction", at)
            stop("next_reply", at)
            if running["periodic_update"] is not None:
                stop("periodic_update", at)
                start("periodic_update", at)
            replied = True
        if kind == "customer_replied" and replied and running["next_reply"] is None:
            start("next_reply", at)
        if kind == "resolved":
            for metric in METRICS:
                stop(metric, at)
            if pause is not None:
                pauses.append((pause[0], at, pause[1]))
                pause = None
            resolved_at = at
        if kind == "reopened":
            assert resolved_at is not None and last_resolution is not None
            gaps.append((resolved_at, at))
            resolved_at = None
            again = RefClock("resolution", last_resolution.start, last_resolution.cycle + 1)
            clocks.append(again)
            running["resolution"] = last_resolution = again
            start("periodic_update", at)
        if kind == "paused":
            pause = (at, str(value))
        if kind == "resumed":
            assert pause is not None
            pauses.append((pause[0], at, pause[1]))
            pause = None
    for metric in METRICS:
        clock = running[metric]
        if clock is not None:
            snapshot(clock, now)
    return clocks


def _reach(minutes: tuple[int, ...], clock: RefClock, count: int) -> int:
    """The end of the open, counted minute at which *count* minutes are used."""
    used = 0
    for m in minutes[bisect.bisect_left(minutes, clock.start):]:
        if any(a <= m < b for a, b in clock.excluded):
            continue
        used += 1
        if used == count:
            return m + 1
    raise AssertionError("the reference window is too short")


def _before(minutes: tuple[int, ...], due: int, count: int, floor: int) -> int:
    """Latest s <= due with *count* open minutes in [s, due) (not before *floor*)."""
    index = bisect.bisect_left(minutes, due) - 1
    used = 0
    while index >= 0 and minutes[index] >= floor:
        used += 1
        if used == count:
            return minutes[index]
        index -= 1
    return floor


def read(
    plan: RefPlan, clock: RefClock, minutes: tuple[int, ...], now: int
) -> tuple[str, int, int | None, tuple[tuple[str, int], ...], Fraction] | None:
    """(state, due, stopped, warnings, elapsed fraction) of *clock*, None without target."""
    target = plan.targets[clock.metric][clock.priority - 1]
    if clock.agreed is None and target is None:
        return None
    until = now if clock.stop is None else clock.stop
    if clock.agreed is not None:
        due = clock.agreed
        budget = sum(1 for m in minutes if clock.start <= m < due)
    else:
        assert target is not None
        due = _reach(minutes, clock, target)
        budget = target
    used = sum(
        1 for m in minutes
        if clock.start <= m < until and not any(a <= m < b for a, b in clock.excluded)
    )  # fmt: skip
    if clock.stop is not None:
        state = "met" if clock.stop <= due else "breached"
    elif now > due:
        state = "breached"
    else:
        state = "paused" if clock.live else "running"
    warnings = []
    for kind, value in plan.warn.get(clock.metric, ()):
        if kind == "before":
            at = _before(minutes, due, int(value), clock.start)  # type: ignore[call-overload]
            label = f"{value // 60}h-before" if value % 60 == 0 else f"{value}min-before"  # type: ignore[operator]
        else:
            fraction = Fraction(value)  # type: ignore[arg-type]
            part = budget * fraction
            assert part.denominator == 1
            if clock.agreed is not None:
                plain = RefClock(clock.metric, clock.start)
                at = clock.start if part == 0 else _reach(minutes, plain, int(part))
            else:
                at = clock.start if part == 0 else _reach(minutes, clock, int(part))
            at = min(at, due)
            label = f"{fraction * 100}%"
        warnings.append((label, at))
    warnings.sort(key=lambda w: w[1])
    fraction = Fraction(used, budget) if budget else Fraction(1)
    return state, due, clock.stop, tuple(warnings), fraction

