"""Eight threads share calendars and plans from cold caches and agree with one thread.

The clock builds each calendar's per-year index lazily under a lock, and the holiday
tables sit in ``functools`` caches; both must be safe when many threads ask for the
same years at once. Each run builds its calendars and plans afresh (so every year
index starts empty), clears the holiday caches, then starts eight threads together at
a barrier. Every thread computes the whole workload in its own order; every answer
must equal the one a single thread gets on other fresh objects.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import threading
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

from supportpolicy import sla
from supportpolicy.sla import _holidays, _shared

THREADS = 8
CALENDARS = (
    ("Europe/Moscow", "Mon-Fri 10:00-18:00", "RU", None),
    ("America/New_York", "Mon-Fri 09:00-18:00", "US", "NY"),
    ("Europe/Berlin", "Mon-Fri 09:00-12:00,13:00-17:30; Sat 10:00-14:00", "DE", "BY"),
    ("America/Santiago", "Mon-Sun 00:00-03:30,22:00-24:00", None, None),
    ("Australia/Lord_Howe", "24x7", None, None),
)
Task = tuple[Any, ...]


def fresh_world() -> dict[str, Any]:
    """New calendar and plan objects (empty year indexes), then cold holiday caches."""
    with _shared._LOCK:  # equal calendars share a live index: forget them, to start cold
        _shared._INDEXES.clear()
    calendars = [
        sla.calendar(zone, hours, country=country, subdiv=subdiv)
        for zone, hours, country, subdiv in CALENDARS
    ]
    presets = resources.files("supportpolicy.sla").joinpath("presets")
    plans = {}
    for name in sla.plan_names():
        with resources.as_file(presets.joinpath(f"{name}.toml")) as path:
            plans.update(sla.load_plans(path))
    for cached in (_holidays._frozen_names, _holidays.weekend_workdays, _holidays._entity):
        cached.cache_clear()
    return {"calendars": calendars, "plans": plans}


def _instant(rng: random.Random, zone: str) -> dt.datetime:
    local = dt.datetime(rng.randint(2000, 2040), rng.randint(1, 12), rng.randint(1, 28),
                        rng.randint(0, 23), rng.choice((0, 15, 30, 59)))  # fmt: skip
    return local.replace(tzinfo=ZoneInfo(zone), fold=rng.randint(0, 1))


def _events(rng: random.Random, opened: dt.datetime) -> list[object]:
    events: list[object] = [sla.Opened(opened, rng.randint(1, 4))]
    at = opened
    waiting = False
    for _ in range(rng.randint(0, 5)):
        at = at + dt.timedelta(minutes=rng.randint(1, 3000))
        choice = rng.randrange(4)
        if choice == 0:
            events.append(sla.Responded(at))
        elif choice == 1:
            events.append(sla.Resumed(at) if waiting else sla.WaitingOnCustomer(at))
            waiting = not waiting
        elif choice == 2:
            events.append(sla.PriorityChanged(at, rng.randint(1, 4)))
        else:
            events.append(sla.Resolved(at))
            break
    return events


def workload(seed: int = 6, size: int = 400) -> list[Task]:
    """A fixed list of clock, deadline and status computations over 2000-2040."""
    rng = random.Random(seed)
    tasks: list[Task] = []
    for _ in range(size):
        k = rng.randrange(len(CALENDARS))
        a, b = _instant(rng, CALENDARS[k][0]), _instant(rng, CALENDARS[k][0])
        minutes = dt.timedelta(minutes=rng.randint(0, 60 * 24 * 90))
        name, priority = rng.choice(sla.plan_names()), rng.randint(1, 4)
        events = _events(rng, a.astimezone(ZoneInfo("Europe/Moscow")))
        now = a + dt.timedelta(hours=rng.randint(0, 24 * 30))
        tasks.append(
            (rng.choice(("add", "between", "days", "reaction", "resolution", "evaluate")),
             k, a, b, minutes, rng.randint(0, 60), name, priority, tuple(events), now)
        )  # fmt: skip
    return tasks


def compute(world: dict[str, Any], task: Task) -> object:
    kind, k, a, b, minutes, days, name, priority, events, now = task
    cal, plan = world["calendars"][k], world["plans"][name]
    if kind == "add":
        return sla.add_business_time(cal, a, minutes)
    if kind == "between":
        return sla.business_time_between(cal, a, b)
    if kind == "days":
        return sla.add_business_days(cal, a, days)
    if kind == "reaction":
        return sla.reaction_deadline(plan, priority, a)
    if kind == "resolution":
        return sla.resolution_deadline(plan, priority, a)
    return sla.evaluate(plan, events, now)


def normal(value: object) -> object:
    """A comparable form: instants as (UTC, zone), deadlines and statuses field by field."""
    if isinstance(value, dt.datetime):
        return (value.astimezone(dt.UTC), str(value.tzinfo))
    if isinstance(value, sla.Deadline):
        return ("deadline", value.plan.key, value.priority, normal(value.due), normal(value.start))
    if isinstance(value, sla.Clock):
        return (value.metric, value.state, normal(value.due), value.remaining,
                None if value.stopped is None else normal(value.stopped))  # fmt: skip
    if isinstance(value, sla.Status):
        return ("status", value.priority, normal(value.reaction),
                None if value.resolution is None else normal(value.resolution),
                tuple(normal(c) for c in value.earlier))  # fmt: skip
    return value


def run(tasks: list[Task], world: dict[str, Any], order: list[int]) -> dict[int, object]:
    return {i: normal(compute(world, tasks[i])) for i in order}


def test_eight_threads_from_cold_caches_agree_with_one_thread() -> None:
    tasks = workload()
    expected = run(tasks, fresh_world(), list(range(len(tasks))))

    world = fresh_world()
    assert all(not cal.index._segments for cal in world["calendars"]), "cold indexes"
    barrier = threading.Barrier(THREADS)
    results: list[dict[int, object] | BaseException | None] = [None] * THREADS

    def worker(slot: int) -> None:
        order = list(range(len(tasks)))
        random.Random(slot).shuffle(order)
        try:
            barrier.wait(timeout=30)
            results[slot] = run(tasks, world, order)
        except BaseException as exc:  # reported below, in the main thread
            results[slot] = exc

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch threads often, so that they really interleave
    try:
        threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        sys.setswitchinterval(interval)

    assert not any(thread.is_alive() for thread in threads)
    for slot, result in enumerate(results):
        assert not isinstance(result, BaseException), f"thread {slot} raised {result!r}"
        assert result == expected, f"thread {slot} disagrees with the single-threaded run"
    years = {y for cal in world["calendars"] for y in cal.index._segments}
    assert len(years) > 30, "the workload spans the clock's years 2000-2040"


def test_the_normal_form_tells_apart_the_two_passes_of_a_fold() -> None:
    first = dt.datetime(2026, 10, 25, 2, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    second = first.replace(fold=1)
    assert first == second  # Python's own comparison: same tzinfo, wall clock only
    assert normal(first) != normal(second)
