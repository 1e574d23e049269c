"""The library's invariants, checked on the strategies' inputs (DST gaps and folds,
generated hours and plans, whole ticket timelines, TAM months, coverage requests)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import attrs
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from supportpolicy import coverage, engagement, errors, sla
from supportpolicy import strategies as sps

SETTINGS = settings(max_examples=40, deadline=None)
UTC = dt.UTC
PAUSES = (sla.Paused, sla.Resumed)


def _utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(UTC)


@SETTINGS
@given(st.data())
def test_between_of_add_is_the_duration_and_add_is_earliest(data: st.DataObject) -> None:
    cal = data.draw(sps.calendars())
    start = data.draw(sps.instants(cal))
    duration = data.draw(sps.business_durations(dt.timedelta(days=30)))
    try:
        end = sla.add_business_time(cal, start, duration)
    except errors.NeverOpenError:  # 30 business days of a 1-minute week: beyond 200 years
        assume(False)
        raise
    assert sla.business_time_between(cal, start, end) == duration
    before = _utc(end) - dt.timedelta(microseconds=1)
    if before >= _utc(start):
        assert sla.business_time_between(cal, start, before) < duration


@SETTINGS
@given(st.data())
def test_between_is_additive_and_antisymmetric(data: st.DataObject) -> None:
    cal = data.draw(sps.calendars())
    a, b, c = (data.draw(sps.instants(cal, min_year=2024, max_year=2027)) for _ in range(3))
    between = sla.business_time_between
    assert between(cal, a, b) + between(cal, b, c) == between(cal, a, c)
    assert between(cal, b, a) == -between(cal, a, b)


@SETTINGS
@given(st.data())
def test_business_days_are_monotonic_and_land_on_open_time(data: st.DataObject) -> None:
    cal = data.draw(sps.calendars())
    start = data.draw(sps.instants(cal))
    n, m = sorted(data.draw(st.tuples(st.integers(0, 25), st.integers(0, 25))))
    first, second = sla.add_business_days(cal, start, n), sla.add_business_days(cal, start, m)
    assert _utc(start) <= _utc(first) <= _utc(second)
    opening = sla.next_opening(cal, start)
    assert sla.is_open(cal, opening)
    assert sla.business_time_between(cal, start, opening) == dt.timedelta(0)


@SETTINGS
@given(st.data())
def test_clock_targets_are_met_exactly(data: st.DataObject) -> None:
    plan = data.draw(sps.plans())
    priority = data.draw(sps.priorities())
    opened = data.draw(sps.instants(plan.calendar))
    deadline = sla.reaction_deadline(plan, priority, opened)
    target = plan.reaction[priority - 1]
    if target.duration is not None:
        assert sla.business_time_between(deadline.calendar, opened, deadline.due) == target.duration
    assert _utc(deadline.due) >= _utc(opened)


@SETTINGS
@given(st.data())
def test_a_clock_state_agrees_with_its_remaining_time(data: st.DataObject) -> None:
    status = data.draw(sps.statuses())
    clocks = [status.reaction, *([status.resolution] if status.resolution else [])]
    for clock in [*clocks, *status.earlier]:
        if clock.state is sla.State.BREACHED:
            assert clock.remaining <= dt.timedelta(0)
        else:
            assert clock.remaining >= dt.timedelta(0)
        if clock.stopped is not None:
            assert clock.state in (sla.State.MET, sla.State.BREACHED)
        else:
            assert clock.state is not sla.State.MET


@SETTINGS
@given(st.data())
def test_events_after_now_are_not_applied(data: st.DataObject) -> None:
    plan = data.draw(sps.plans())
    events = data.draw(sps.ticket_events(plan))
    k = data.draw(st.integers(0, len(events) - 1))
    now = _utc(events[k].at)
    shown = [e for e in events if _utc(e.at) <= now]
    assert sla.evaluate(plan, events, now) == sla.evaluate(plan, shown, now)


@SETTINGS
@given(st.data())
def test_pausing_never_makes_the_resolution_due_earlier(data: st.DataObject) -> None:
    plan = data.draw(sps.plans())
    events = data.draw(sps.ticket_events(plan))
    assume(any(isinstance(e, PAUSES) for e in events))
    now = _utc(events[-1].at) + dt.timedelta(days=1)
    paused = sla.evaluate(plan, events, now).resolution
    unpaused = sla.evaluate(plan, [e for e in events if not isinstance(e, PAUSES)], now)
    if paused is not None and unpaused.resolution is not None:
        assert _utc(paused.due) >= _utc(unpaused.resolution.due)


@SETTINGS
@given(sps.tam_months(), st.randoms(use_true_random=False))
def test_a_month_statement_does_not_depend_on_the_order_of_sessions(
    month: dict[str, object], rng: object
) -> None:
    shuffled = list(month["sessions"])  # type: ignore[call-overload]
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    first = engagement.tam_statement(**month)  # type: ignore[arg-type]
    second = engagement.tam_statement(**{**month, "sessions": shuffled})  # type: ignore[arg-type]
    # Sessions at one instant keep their listed order; everything else is identical.
    assert Counter(first.sessions) == Counter(second.sessions)
    assert Counter(first.violations) == Counter(second.violations)
    assert attrs.evolve(first, sessions=(), violations=()) == attrs.evolve(
        second, sessions=(), violations=()
    )


@SETTINGS
@given(sps.tam_months())
def test_one_more_session_carried_in_is_one_more_accounted_for(month: dict[str, object]) -> None:
    base = engagement.tam_statement(**month)  # type: ignore[arg-type]
    more = engagement.tam_statement(**{**month, "carried_in": base.carried_in + 1})  # type: ignore[arg-type]
    total = lambda s: s.held + s.forfeited + s.carried_out + s.available  # noqa: E731
    assert total(more) == total(base) + 1
    assert more.billable_extra <= base.billable_extra


@SETTINGS
@given(st.sampled_from(coverage.policy_names()).flatmap(
    lambda name: st.tuples(st.just(name), sps.coverage_requests(name))))  # fmt: skip
def test_a_kind_given_by_name_or_member_decides_alike(case: tuple[str, dict[str, object]]) -> None:
    name, request = case
    kind = coverage.RequestKind(request["kind"])
    by_member = coverage.classify(name, **{**request, "kind": kind})  # type: ignore[arg-type]
    by_name = coverage.classify(name, **{**request, "kind": kind.name})  # type: ignore[arg-type]
    assert by_member == by_name
