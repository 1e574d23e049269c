"""Properties of the SLA engine on generated plans and timelines (sla strategies)."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from supportpolicy import errors, sla
from supportpolicy import strategies as sps

SETTINGS = settings(max_examples=60, deadline=None)
DAY = dt.timedelta(days=1)


def _utc(instant: dt.datetime) -> dt.datetime:
    return instant.astimezone(dt.UTC)


def _no_customer_pauses(events: tuple[object, ...]) -> list[object]:
    """The timeline with each customer pause made a vendor pause, so that removing the
    pauses changes no reply (a customer pause counts as a reply to the customer)."""
    return [sla.Paused(e.at, "vendor") if isinstance(e, sla.Paused) and e.reason == "customer"
            else e for e in events]  # fmt: skip


@SETTINGS
@given(st.data())
def test_a_pause_never_makes_a_due_or_warning_instant_earlier(data: st.DataObject) -> None:
    plan = data.draw(sps.plans())
    events = _no_customer_pauses(data.draw(sps.ticket_events(plan, max_events=10)))
    assume(any(isinstance(e, sla.Paused) for e in events))
    now = _utc(events[-1].at) + data.draw(st.sampled_from([dt.timedelta(0), DAY, 9 * DAY]))  # type: ignore[attr-defined]
    paused = sla.evaluate(plan, events, now)
    plain = sla.evaluate(plan, [e for e in events if not isinstance(e, sla.Paused | sla.Resumed)],
                         now)  # fmt: skip
    for metric, clocks in paused.clocks.items():
        assert len(clocks) == len(plain.clocks[metric])
        for with_pause, without in zip(clocks, plain.clocks[metric], strict=True):
            assert _utc(with_pause.due) >= _utc(without.due)
            later = dict(with_pause.warnings)
            for threshold, instant in without.warnings:
                assert _utc(later[threshold]) >= _utc(instant)


@SETTINGS
@given(st.data())
def test_warnings_are_ordered_by_threshold_and_never_after_due(data: st.DataObject) -> None:
    plan = data.draw(sps.plans())
    events = data.draw(sps.ticket_events(plan, max_events=10))
    status = sla.evaluate(plan, events, _utc(events[-1].at) + DAY)
    for clocks in status.clocks.values():
        for clock in clocks:
            instants = [_utc(at) for _, at in clock.warnings]
            assert instants == sorted(instants)
            assert all(at <= _utc(clock.due) for at in instants)
            assert all(at >= clock.start for at in instants)
            by = dict(clock.warnings)
            fractions = sorted((t for t in by if t.fraction is not None), key=lambda t: t.fraction)
            assert [by[t] for t in fractions] == sorted(by[t] for t in fractions)
            befores = sorted((t for t in by if t.before is not None), key=lambda t: t.before)
            assert [by[t] for t in befores] == sorted((by[t] for t in befores), reverse=True)
            assert clock.elapsed_fraction >= 0


def _outcome(plan: sla.Plan, events: list[object], now: dt.datetime) -> object:
    try:
        return sla.evaluate(plan, events, now)
    except errors.EventError as exc:
        return str(exc)


@SETTINGS
@given(st.data())
def test_the_listing_order_of_events_does_not_matter(data: st.DataObject) -> None:
    # Semantics: events are sorted by instant, then by kind; within a kind at one instant
    # the listed order is kept, which matters for two pauses, two priority changes or two
    # agreed deadlines at one instant (so those are not generated here).
    plan = data.draw(sps.plans())
    events = list(data.draw(sps.ticket_events(plan, max_events=10)))
    merged: list[object] = [events[0]]
    for event in events[1:]:
        previous = merged[-1]
        same = data.draw(st.booleans()) and not isinstance(event, sla.Opened)
        values = [getattr(event, f) for f in _fields(event)[1:]]
        merged.append(type(event)(previous.at, *values) if same else event)  # type: ignore[attr-defined]
    for kind in (sla.Paused, sla.PriorityChanged, sla.AgreedDeadline):
        instants = [_utc(e.at) for e in merged if isinstance(e, kind)]  # type: ignore[attr-defined]
        assume(len(instants) == len(set(instants)))
    now = _utc(events[-1].at) + DAY
    shuffled = data.draw(st.permutations(merged))
    assert _outcome(plan, shuffled, now) == _outcome(plan, merged, now)


def _fields(event: object) -> list[str]:
    import attrs

    return [f.name for f in attrs.fields(type(event)) if f.init]


@settings(SETTINGS, suppress_health_check=[HealthCheck.filter_too_much])
@given(st.data())
def test_a_reopened_tickets_used_resolution_time_never_decreases(data: st.DataObject) -> None:
    drawn = data.draw(sps.plans())
    # A resolution clock for every priority, all on the service calendar (a priority
    # change to a business-day target would count on another calendar).
    plan = attrs.evolve(drawn, resolution=(sla.Target(8, sla.Unit.HOURS),) * 4)
    events = data.draw(sps.ticket_events(plan, max_events=12))
    assume(any(isinstance(e, sla.Reopened) for e in events))
    nows = sorted({_utc(e.at) for e in events} | {_utc(events[-1].at) + DAY})
    used = []
    for now in nows:
        status = sla.evaluate(plan, events, now)
        if status.cycles and not status.earlier:
            used.append(status.cycles[-1].used)
            assert [c.cycle for c in status.cycles] == list(range(1, len(status.cycles) + 1))
    assert used == sorted(used)
