"""Ticket status from events: golden cases, refusals, properties, pickling, processes."""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import pickle
import random
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportpolicy import errors, sla
from supportpolicy.sla import (
    AgreedDeadline,
    Opened,
    PriorityChanged,
    Reopened,
    Resolved,
    Responded,
    Resumed,
    State,
    WaitingOnCustomer,
)

MSK = ZoneInfo("Europe/Moscow")
ZRH = ZoneInfo("Europe/Zurich")


def msk(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=MSK)


# A plan with business-hour resolution targets, to check the clock laws on a calendar
# with closed time (the presets' resolution targets are 24x7 hours or business days).
OFFICE = sla.Plan(
    key="office",
    name="Office",
    calendar=sla.calendar("Europe/Moscow", "Mon-Fri 10:00-18:00", country="RU"),
    reaction=(sla.Target(2, sla.Unit.HOURS),) * 4,  # type: ignore[arg-type]
    resolution=(sla.Target(16, sla.Unit.HOURS),) * 4,  # type: ignore[arg-type]
    workaround_priorities=(sla.Priority(3), sla.Priority(4)),
)


def test_004_premium_p1_met_by_response_and_running_resolution() -> None:
    events = [Opened(msk("2026-11-23 09:00"), 1), Responded(msk("2026-11-23 09:45"))]
    status = sla.evaluate("premium", events, msk("2026-11-23 12:00"))
    assert status.reaction.state is State.MET
    assert status.reaction.remaining == dt.timedelta(minutes=15)
    assert status.resolution is not None
    assert status.resolution.state is State.RUNNING
    assert status.resolution.due == msk("2026-11-23 21:00")
    assert status.resolution.remaining == dt.timedelta(hours=9)


def test_004_premium_workaround_meets_p1_and_starts_the_new_clock() -> None:
    events = [
        Opened(msk("2026-11-23 09:00"), 1),
        Responded(msk("2026-11-23 09:30")),
        PriorityChanged(msk("2026-11-23 15:00"), 3),
    ]
    status = sla.evaluate("premium", events, msk("2026-11-24 12:00"))
    (earlier,) = status.earlier
    assert earlier.state is State.MET and earlier.due == msk("2026-11-23 21:00")
    assert earlier.stopped == msk("2026-11-23 15:00")
    assert status.priority == 3
    assert status.resolution is not None
    # 10 Russian business days from Monday 15:00: Monday 7 December 15:00.
    assert status.resolution.due == msk("2026-12-07 15:00")
    assert status.resolution.deadline.start_reason is sla.StartReason.WORKAROUND
    assert status.resolution.state is State.RUNNING


def test_004_premium_late_workaround_is_a_breach() -> None:
    events = [Opened(msk("2026-11-23 09:00"), 1), PriorityChanged(msk("2026-11-23 22:00"), 4)]
    status = sla.evaluate("premium", events, msk("2026-11-23 23:00"))
    assert status.earlier[0].state is State.BREACHED
    assert status.earlier[0].remaining == -dt.timedelta(hours=1)
    assert status.reaction.state is State.BREACHED  # no response within 60 minutes


def test_004_premium_p1_to_p2_keeps_the_clock_with_the_new_target() -> None:
    events = [Opened(msk("2026-11-23 09:00"), 1), PriorityChanged(msk("2026-11-23 10:00"), 2)]
    status = sla.evaluate("premium", events, msk("2026-11-23 11:00"))
    assert status.earlier == ()
    assert status.resolution is not None
    assert status.resolution.due == msk("2026-11-26 09:00")  # 3 business days from opening
    assert status.reaction.due == msk("2026-11-23 13:00")  # P2 reaction 4 h from opening


def test_004_waiting_on_customer_pauses_resolution_and_counts_as_response() -> None:
    events = [
        Opened(msk("2026-11-23 10:00"), 2),
        WaitingOnCustomer(msk("2026-11-23 11:00")),
        Resumed(msk("2026-11-25 11:00")),
    ]
    paused = sla.evaluate("premium", events[:2], msk("2026-11-24 09:00"))
    assert paused.reaction.state is State.MET
    assert paused.resolution is not None and paused.resolution.state is State.PAUSED
    running = sla.evaluate("premium", events, msk("2026-11-25 12:00"))
    assert running.resolution is not None
    # 3 business days from Monday 10:00 is Thursday 10:00, plus the 2 paused working days.
    assert running.resolution.due == msk("2026-11-30 10:00")
    assert running.resolution.state is State.RUNNING
    # While paused the remaining business time does not move.
    later = sla.evaluate("premium", events[:2], msk("2026-11-25 09:00"))
    assert later.resolution is not None
    assert later.resolution.remaining == paused.resolution.remaining


def test_business_reprioritization_applies_new_target_to_elapsed_time() -> None:
    events = [Opened(msk("2026-11-23 10:00"), 3), PriorityChanged(msk("2026-11-23 12:00"), 1)]
    status = sla.evaluate("business", events, msk("2026-11-23 15:00"))
    assert status.reaction.due == msk("2026-11-23 14:00")
    assert status.reaction.state is State.BREACHED
    assert status.reaction.remaining == -dt.timedelta(hours=1)
    assert status.resolution is None


def test_resolution_counts_as_first_response() -> None:
    events = [Opened(msk("2026-11-23 09:00"), 2), Resolved(msk("2026-11-23 10:00"))]
    status = sla.evaluate("premium", events, msk("2026-11-30 10:00"))
    assert status.reaction.state is State.MET and status.reaction.stopped == msk("2026-11-23 10:00")
    assert status.resolution is not None and status.resolution.state is State.MET


def test_004_agreed_deadline_for_p3_replaces_the_computed_one() -> None:
    events = [
        Opened(msk("2026-11-23 09:00"), 3),
        AgreedDeadline(msk("2026-11-23 10:00"), msk("2027-01-29 18:00")),
    ]
    status = sla.evaluate("premium", events, msk("2026-12-15 09:00"))
    assert status.resolution is not None
    assert status.resolution.due == msk("2027-01-29 18:00")
    assert status.resolution.deadline.agreed
    assert "agreed" in status.resolution.explain("en")
    # A later priority change cancels the agreement: the computed target applies again.
    changed = [*events, PriorityChanged(msk("2026-11-24 09:00"), 4)]
    status = sla.evaluate("premium", changed, msk("2026-11-24 10:00"))
    assert status.resolution is not None and not status.resolution.deadline.agreed


def test_001_saas_estimate_acts_as_agreed_deadline() -> None:
    opened = dt.datetime(2026, 11, 23, 9, tzinfo=ZRH)
    events = [Opened(opened, 2), Responded(opened + dt.timedelta(hours=20))]
    assert sla.evaluate("saas", events, opened + dt.timedelta(days=2)).resolution is None
    estimate = AgreedDeadline(opened + dt.timedelta(hours=20), opened + dt.timedelta(days=5))
    status = sla.evaluate("saas", [*events, estimate], opened + dt.timedelta(days=6))
    assert status.reaction.state is State.MET
    assert status.resolution is not None and status.resolution.state is State.BREACHED
    assert status.resolution.remaining == -dt.timedelta(days=1)


T0 = msk("2026-11-23 09:00")
H1 = dt.timedelta(hours=1)


@pytest.mark.parametrize(
    ("events", "match"),
    [
        ([], "exactly one Opened"),
        ([Responded(T0)], "exactly one Opened"),
        ([Opened(T0, 1), Opened(T0 + H1, 2)], "second opening"),
        ([Opened(T0, 1), Resumed(T0 + H1)], "Resumed without"),
        ([Opened(T0, 1), WaitingOnCustomer(T0 + H1), WaitingOnCustomer(T0 + 2 * H1)],
         "already paused"),
        ([Opened(T0, 1), Reopened(T0 + H1)], "not resolved"),
        ([Responded(T0 - H1), Opened(T0, 1)], "precede"),
        ([Opened(T0, 1), Resolved(T0 + H1), Responded(T0 + 2 * H1)], "follows Resolved"),
        ([Opened(T0, 2), AgreedDeadline(T0 + H1, T0 + 9 * H1)], "allows agreed deadlines"),
        ([Opened(T0 + 9 * H1, 2)], "after now"),
    ],
)
def test_invalid_timelines_are_refused(events: list[object], match: str) -> None:
    with pytest.raises(errors.EventError, match=match):
        sla.evaluate("premium", events, T0 + 3 * H1)


def test_invalid_event_values_are_refused() -> None:
    with pytest.raises(errors.InvalidValueError, match="1-4"):
        Opened(T0, 7)
    with pytest.raises(errors.NaiveDatetimeError):
        Responded(dt.datetime(2026, 11, 23, 9))
    with pytest.raises(errors.InvalidTypeError):
        PriorityChanged("yesterday", 1)  # type: ignore[arg-type]
    with pytest.raises(errors.EventError, match="before the agreement"):
        AgreedDeadline(T0, T0 - H1)
    with pytest.raises(errors.InvalidTypeError, match="accepted: Opened"):
        sla.evaluate("premium", [Opened(T0, 1), "responded"], T0 + H1)
    with pytest.raises(errors.InvalidTypeError, match="iterable"):
        sla.evaluate("premium", 5, T0 + H1)  # type: ignore[arg-type]
    with pytest.raises(errors.NaiveDatetimeError):
        sla.evaluate("premium", [Opened(T0, 1)], dt.datetime(2026, 11, 24))


def test_callers_list_is_not_modified_and_any_iterable_works() -> None:
    events = [Opened(T0, 1), WaitingOnCustomer(T0 + H1), Responded(T0 + H1)]
    copy = list(events)
    first = sla.evaluate("premium", events, T0 + 2 * H1)
    assert events == copy
    assert sla.evaluate("premium", iter(events), T0 + 2 * H1) == first
    assert sla.evaluate("premium", tuple(events), T0 + 2 * H1) == first


def test_events_after_now_are_not_applied() -> None:
    events = [Opened(T0, 2), Responded(T0 + 2 * H1), Resolved(T0 + 5 * H1)]
    status = sla.evaluate("premium", events, T0 + H1)
    assert status.reaction.state is State.RUNNING
    assert status.resolution is not None and status.resolution.state is State.RUNNING


def test_states_have_labels_in_five_languages() -> None:
    for state in State:
        labels = {state.label(locale) for locale in ("en", "de", "nl", "es", "ru")}
        assert len(labels) == 5


def test_status_pickles() -> None:
    events = [Opened(T0, 1), Responded(T0 + H1), PriorityChanged(T0 + 2 * H1, 3)]
    status = sla.evaluate("premium", events, T0 + 3 * H1)
    assert pickle.loads(pickle.dumps(status)) == status
    assert pickle.loads(pickle.dumps(events)) == events


def _evaluate_case(seed: int) -> sla.Status:
    rng = random.Random(seed)
    opened = T0 + dt.timedelta(minutes=rng.randrange(0, 60 * 24 * 60))
    events: list[object] = [Opened(opened, rng.randint(1, 4))]
    t = opened + dt.timedelta(minutes=rng.randrange(1, 600))
    events.append(WaitingOnCustomer(t))
    t += dt.timedelta(minutes=rng.randrange(1, 3000))
    events.append(Resumed(t))
    return sla.evaluate(rng.choice(["premium", "basic", "tam"]), events, t + H1)


def test_evaluate_in_a_process_pool_gives_the_same_answers() -> None:
    seeds = list(range(16))
    here = [_evaluate_case(seed) for seed in seeds]
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        there = list(pool.map(_evaluate_case, seeds))
    assert there == here


# --- properties -------------------------------------------------------------------------

minutes = st.integers(min_value=0, max_value=5 * 24 * 60).map(lambda m: dt.timedelta(minutes=m))
openings = st.datetimes(min_value=dt.datetime(2026, 1, 1), max_value=dt.datetime(2027, 6, 1)).map(
    lambda d: d.replace(tzinfo=MSK, second=0, microsecond=0)
)


@settings(max_examples=60, deadline=None)
@given(opened=openings, gaps=st.lists(minutes, min_size=0, max_size=4), tail=minutes)
def test_remaining_plus_elapsed_equals_target_while_running(
    opened: dt.datetime, gaps: list[dt.timedelta], tail: dt.timedelta
) -> None:
    events: list[object] = [Opened(opened, 2)]
    t = opened
    for index, gap in enumerate(gaps):
        t += gap
        events.append(WaitingOnCustomer(t) if index % 2 == 0 else Resumed(t))
    if len(gaps) % 2 == 1:
        t += tail
        events.append(Resumed(t))
    now = t + tail
    status = sla.evaluate(OFFICE, events, now)
    clock = status.resolution
    assert clock is not None
    if clock.state is not State.RUNNING:
        return
    cal = OFFICE.calendar
    paused = sum(
        (sla.business_time_between(cal, a, b) for a, b in clock.deadline.pauses),
        dt.timedelta(0),
    )
    elapsed = sla.business_time_between(cal, opened, now) - paused
    assert clock.remaining + elapsed == dt.timedelta(hours=16)


KINDS = ["responded", "wait", "resume", "priority", "agreed"]


@settings(max_examples=80, deadline=None)
@given(
    steps=st.lists(
        st.tuples(st.integers(0, 3), st.sampled_from(KINDS), st.integers(1, 4)), max_size=8
    ),
    seed=st.integers(0, 2**16),
    resolve=st.booleans(),
)
def test_status_does_not_depend_on_the_listed_order_of_equal_instant_events(
    steps: list[tuple[int, str, int]], seed: int, resolve: bool
) -> None:
    opened = msk("2026-11-23 09:00")
    events: list[object] = [Opened(opened, 3)]
    paused = False
    clock = opened
    used: set[tuple[dt.datetime, str]] = set()
    for hours, kind, priority in steps:
        clock += dt.timedelta(hours=hours)
        if kind in ("priority", "agreed") and (clock, kind) in used:
            continue  # two changes of one kind at one instant: the listed order decides
        used.add((clock, kind))
        if kind == "responded":
            events.append(Responded(clock))
        elif kind in ("wait", "resume"):
            events.append(Resumed(clock) if paused else WaitingOnCustomer(clock))
            paused = not paused
        elif kind == "priority":
            events.append(PriorityChanged(clock, priority))
        elif priority >= 3:
            events.append(AgreedDeadline(clock, clock + dt.timedelta(days=priority)))
    if resolve:
        events.append(Resolved(clock))
    now = clock + dt.timedelta(hours=2)
    try:
        expected: object = sla.evaluate(OFFICE_AGREED, events, now)
    except errors.EventError as exc:
        expected = type(exc)
    shuffled = _shuffle_equal_instants(events, random.Random(seed))
    try:
        got: object = sla.evaluate(OFFICE_AGREED, shuffled, now)
    except errors.EventError as exc:
        got = type(exc)
    assert got == expected


OFFICE_AGREED = sla.Plan(
    key="office",
    name="Office",
    calendar=OFFICE.calendar,
    reaction=OFFICE.reaction,
    resolution=OFFICE.resolution,
    agreed_deadline_priorities=(sla.Priority(3), sla.Priority(4)),
    workaround_priorities=(sla.Priority(3), sla.Priority(4)),
)


def _shuffle_equal_instants(events: list[object], rng: random.Random) -> list[object]:
    groups: list[list[object]] = []
    for event in events:
        if groups and groups[-1][0].at == event.at:  # type: ignore[attr-defined]
            groups[-1].append(event)
        else:
            groups.append([event])
    result: list[object] = []
    for group in groups:
        rng.shuffle(group)
        result.extend(group)
    return result
