"""``sla.evaluate`` against the slow reference engine on 2,000+ generated timelines.

Every event kind (opening, replies both ways, pauses for the customer, a vendor, an
approval or a free reason, resumes, priority changes, agreed deadlines, resolutions and
reopenings), plans with all four metrics, per-metric pause reasons and warnings, on
calendars in DST-heavy zones around their transitions and around public holidays.
Generation is seeded, so a failure reproduces; the events are handed over shuffled.
"""

from __future__ import annotations

import datetime as dt
import random
from fractions import Fraction
from zoneinfo import ZoneInfo

import reference_clock as ref
import reference_engine as refe
from supportpolicy import sla
from supportpolicy.sla.metrics import Threshold
from test_sla_clock_reference import SCHEDULES, anchors, build

CASES = 2000
POOL_ZONES = ("America/Santiago", "Australia/Lord_Howe", "America/New_York", "Europe/Berlin",
              "Europe/Moscow")  # fmt: skip
REASONS = ("customer", "vendor", "approval", "legal review")
M = sla.Metric
WINDOW = 45


def _pool(rng: random.Random) -> list[tuple[ref.Spec, dt.date]]:
    pool = []
    schedules = [SCHEDULES[k] for k in ("office", "breaks", "24x7", "dst-window", "midnight")]
    for n in range(20):
        zone = POOL_ZONES[n % len(POOL_ZONES)]
        country = "RU" if zone == "Europe/Moscow" else ("US" if n % 3 == 0 else None)
        spec = ref.Spec(zone, schedules[n % len(schedules)], country)
        pool.append((spec, rng.choice(anchors(zone)) - dt.timedelta(days=2)))
    return pool


def _targets(rng: random.Random, optional: bool) -> tuple[int | None, ...]:
    return tuple(
        None if optional and rng.random() < 0.2 else 4 * rng.randint(1, 60) for _ in range(4)
    )


def _plan(rng: random.Random) -> refe.RefPlan:
    targets = {
        "reaction": _targets(rng, False),
        "resolution": _targets(rng, True),
        "next_reply": _targets(rng, True),
        "periodic_update": _targets(rng, True),
    }
    defaults = {"reaction": frozenset(), "resolution": frozenset({"customer"}),
                "next_reply": frozenset(), "periodic_update": frozenset({"*"})}  # fmt: skip
    pause_on = {
        m: (frozenset(rng.sample(REASONS, rng.randint(0, 3))) if rng.random() < 0.5 else d)
        for m, d in defaults.items()
    }
    warn = {}
    for metric in refe.METRICS:
        choices = [("fraction", Fraction(1, 2)), ("fraction", Fraction(3, 4)),
                   ("before", 60), ("before", 30)]  # fmt: skip
        warn[metric] = tuple(rng.sample(choices, rng.randint(0, 3)))
    agreed = frozenset({2, 3}) if rng.random() < 0.2 else frozenset()
    if agreed:
        warn["resolution"] = tuple(w for w in warn["resolution"] if w[0] == "before")
    return refe.RefPlan(targets, pause_on, warn, agreed)


def _sla_plan(p: refe.RefPlan, cal: sla.Calendar) -> sla.Plan:
    def targets(metric: str) -> tuple[sla.Target | None, ...]:
        return tuple(None if n is None else sla.Target(n, sla.Unit.MINUTES)
                     for n in p.targets[metric])  # fmt: skip

    def threshold(kind: str, value: object) -> Threshold:
        if kind == "fraction":
            return Threshold(value)  # type: ignore[arg-type]
        return Threshold(before=dt.timedelta(minutes=value))  # type: ignore[arg-type]

    return sla.Plan(
        "generated", "Generated", cal, targets("reaction"), targets("resolution"),  # type: ignore[arg-type]
        agreed_deadline_priorities=tuple(sla.Priority(n) for n in sorted(p.agreed_priorities)),
        more_targets={M.NEXT_REPLY: targets("next_reply"),
                      M.PERIODIC_UPDATE: targets("periodic_update")},
        warn={M(m): tuple(threshold(k, v) for k, v in ws) for m, ws in p.warn.items()},
        pause_on={M(m): r for m, r in p.pause_on.items()},
    )  # fmt: skip


def _timeline(rng: random.Random, plan: refe.RefPlan, start: int) -> list[tuple[int, str, object]]:
    at = start
    priority = rng.randint(1, 4)
    events: list[tuple[int, str, object]] = [(at, "opened", priority)]
    paused = resolved = False
    for _ in range(rng.randint(0, 18)):
        at += rng.choice([1, 5, 17, 45, 90, 240, 600, 1400])
        if resolved:
            kinds = ["reopened"]
        else:
            kinds = ["customer_replied", "agent_replied", "responded", "priority_changed",
                     "resumed" if paused else "paused", "resolved"]  # fmt: skip
            if priority in plan.agreed_priorities:
                kinds.append("agreed_deadline")
        kind = rng.choice(kinds)
        value: object = None
        if kind == "priority_changed":
            priority = value = rng.randint(1, 4)
        elif kind == "paused":
            value = rng.choice(REASONS)
            paused = True
        elif kind == "resumed":
            paused = False
        elif kind == "resolved":
            resolved, paused = True, False
        elif kind == "reopened":
            resolved = False
        elif kind == "agreed_deadline":
            value = at + rng.randint(0, 3000)
        events.append((at, kind, value))
    return events


def _event(kind: str, at: dt.datetime, value: object, zone: ZoneInfo) -> object:
    make = {
        "opened": lambda: sla.Opened(at, value),
        "customer_replied": lambda: sla.CustomerReplied(at),
        "agent_replied": lambda: sla.AgentReplied(at), "responded": lambda: sla.Responded(at),
        "priority_changed": lambda: sla.PriorityChanged(at, value),
        "paused": lambda: (sla.WaitingOnCustomer(at) if value == "customer" and at.minute % 2
                           else sla.Paused(at, value)),
        "resumed": lambda: sla.Resumed(at), "resolved": lambda: sla.Resolved(at),
        "reopened": lambda: sla.Reopened(at),
        "agreed_deadline": lambda: sla.AgreedDeadline(at, refe.instant_of(value).astimezone(zone)),  # type: ignore[arg-type]
    }  # fmt: skip
    return make[kind]()


def _library(status: sla.Status) -> dict[str, list[tuple[object, ...]]]:
    return {
        metric.value: [
            (c.state.value, refe.minute_of(c.due) if c.due.second == 0 else c.due,
             None if c.stopped is None else refe.minute_of(c.stopped),
             tuple((t.short(), refe.minute_of(at)) for t, at in c.warnings),
             c.elapsed_fraction)
            for c in clocks
        ]
        for metric, clocks in status.clocks.items()
    }  # fmt: skip


def _reference(
    plan: refe.RefPlan, events: list[tuple[int, str, object]], now: int, minutes: tuple[int, ...]
) -> dict[str, list[tuple[object, ...]]]:
    found: dict[str, list[tuple[object, ...]]] = {m: [] for m in refe.METRICS}
    for clock in refe.run(plan, events, now):
        read = refe.read(plan, clock, minutes, now)
        if read is not None:
            state, due, stopped, warnings, fraction = read
            found[clock.metric].append((state, due, stopped, warnings, float(fraction)))
    return found


def test_evaluate_agrees_with_the_reference_engine() -> None:
    rng = random.Random(20261202)
    pool = _pool(rng)
    disagreements = []
    kinds_seen: set[str] = set()
    for case in range(CASES):
        spec, first = pool[case % len(pool)]
        minutes = refe.open_minutes(spec, first - dt.timedelta(days=3), WINDOW)
        zone = ZoneInfo(spec.timezone)
        plan = _plan(rng)
        start = rng.choice(minutes[len(minutes) // 10 : len(minutes) // 4])
        start += rng.choice([0, 0, 7, -30, 600])
        events = _timeline(rng, plan, start)
        kinds_seen.update(kind for _, kind, _ in events)
        now = events[-1][0] + rng.choice([0, 30, 300, 3000])
        if rng.random() < 0.3:
            now = rng.randint(start, now)
        library_events = [_event(k, refe.instant_of(m).astimezone(zone), v, zone)
                          for m, k, v in events]  # fmt: skip
        rng.shuffle(library_events)
        status = sla.evaluate(_sla_plan(plan, build(spec)), library_events,
                              refe.instant_of(now).astimezone(zone))  # fmt: skip
        expected = _reference(plan, events, now, minutes)
        got = _library(status)
        if got != expected:
            disagreements.append((case, spec, events, now, expected, got))
    assert not disagreements, disagreements[:2]
    assert kinds_seen >= {"opened", "customer_replied", "agent_replied", "paused", "resumed",
                          "priority_changed", "resolved", "reopened",
                          "agreed_deadline"}  # fmt: skip
