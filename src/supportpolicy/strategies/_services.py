"""Strategies for coverage requests, TAM sessions and TAM months.

:func:`coverage_requests` reads the policy's own plans and tiers, so its keyword dicts
fit whichever policy you pass (a preset or your own file). :func:`tam_months` keeps the
one rule :func:`~supportpolicy.engagement.tam_statement` enforces on the input: with an
``as_of`` inside the month, no session after it can have been held.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from supportpolicy import coverage, engagement, sla
from supportpolicy.strategies._calendars import instants
from supportpolicy.strategies._time import later

__all__ = ["coverage_requests", "sessions", "tam_months"]

_STATUSES = list(engagement.SessionStatus)


@st.composite
def _request(draw: st.DrawFn, chosen: coverage.Policy) -> dict[str, Any]:
    kind = draw(st.sampled_from(list(coverage.RequestKind)))
    request: dict[str, Any] = {
        "kind": kind if draw(st.booleans()) else kind.value,
        "channel": draw(st.none() | st.sampled_from(list(coverage.Channel))),
        "complete": draw(st.booleans()),
        "from_end_user": draw(st.booleans()),
        "lead_ticket": draw(st.booleans()),
    }
    if chosen.plans:
        request["plan"] = draw(st.sampled_from(chosen.plans))
    if chosen.tiers:
        request["tier"] = draw(st.sampled_from(chosen.tiers))
    return request


def coverage_requests(policy: coverage.Policy | str) -> st.SearchStrategy[dict[str, Any]]:
    """Keyword dicts that ``coverage.classify(policy, **kwargs)`` accepts.

    Every request kind (as the enum member or its string), any channel or none, every
    combination of the flags, and a plan and tier exactly when *policy* names some.
    """
    return _request(coverage.policy(policy))


@st.composite
def _session(
    draw: st.DrawFn, start: dt.datetime, end: dt.datetime, max_minutes: int
) -> engagement.Session:
    span = int((end.astimezone(dt.UTC) - start.astimezone(dt.UTC)).total_seconds())
    offset = dt.timedelta(seconds=draw(st.integers(0, span - 1)))
    at = later(start, offset)
    return engagement.Session(
        at,
        minutes=draw(st.integers(1, max_minutes)),
        status=draw(st.sampled_from(_STATUSES)),
        review=draw(st.booleans()),
    )


def sessions(
    calendar_or_zone: sla.Calendar | str = "America/New_York",
) -> st.SearchStrategy[engagement.Session]:
    """TAM sessions at :func:`instants` of the zone: 1-90 minutes (longer than 003's
    hour now and then), any status, sometimes marked as the quarterly review."""
    return st.builds(
        engagement.Session,
        instants(calendar_or_zone),
        minutes=st.integers(1, 90),
        status=st.sampled_from(_STATUSES),
        review=st.booleans(),
    )


@st.composite
def _tam_month(draw: st.DrawFn, tiers: st.SearchStrategy[str]) -> dict[str, Any]:
    tier = engagement.tam_tier(draw(tiers))
    month = engagement.Month(draw(st.integers(2000, 2040)), draw(st.integers(1, 12)))
    start, end = month.bounds(tier.timezone)
    before = engagement.Month(month.year - (month.month == 1), (month.month - 2) % 12 + 1)
    inside = draw(st.lists(_session(start, end, 90), max_size=8))
    outside = draw(
        st.lists(_session(*before.bounds(tier.timezone), 90) | _session(end, end.replace(
            year=end.year + (end.month == 12), month=end.month % 12 + 1), 90), max_size=1)
    )  # fmt: skip
    as_of = None
    closing = draw(st.integers(0, 2))
    if closing == 1:
        as_of = draw(_session(start, end, 1)).at
    elif closing == 2:
        as_of = end + dt.timedelta(days=draw(st.integers(0, 40)))
    if as_of is not None and as_of < end:
        cancelled = engagement.SessionStatus.CANCELLED_BY_TAM
        inside = [
            s if not (s.held and s.at >= as_of) else engagement.Session(
                s.at, s.minutes, draw(st.sampled_from([cancelled, "cancelled-by-customer"])))
            for s in inside
        ]  # fmt: skip
    spelled = draw(st.sampled_from([str(month), (month.year, month.month), month.first_day()]))
    return {
        "tier": tier if draw(st.booleans()) else tier.key,
        "month": spelled,
        "sessions": tuple(draw(st.permutations([*inside, *outside]))),
        "carried_in": draw(st.integers(0, 4)),
        "as_of": as_of,
    }


def tam_months(tiers: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[dict[str, Any]]:
    """Keyword dicts that ``engagement.tam_statement(**kwargs)`` accepts: a preset tier
    (by key or value), a month of 2000-2040 spelled any accepted way, up to eight of
    the month's appointments in the tier's zone plus at times one from a neighbouring
    month, 0-4 sessions carried in, and ``as_of`` None (closed), inside the month (the
    statement so far; nothing after it is held) or after it."""
    return _tam_month(tiers if tiers is not None else st.sampled_from(["csm", "a", "b", "c"]))
