"""The TAM session ledger of document 003: golden months, refusals, conservation property."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportpolicy import engagement, errors
from supportpolicy.engagement import Session, ViolationKind

NY = ZoneInfo("America/New_York")
UTC = dt.UTC


def at(month: int, day: int, hour: int = 10, year: int = 2026) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=NY)


def s(month: int, day: int, status: str = "held", **kw: object) -> Session:
    return Session(at(month, day), status=status, **kw)  # type: ignore[arg-type]


CC, TC = "cancelled-by-customer", "cancelled-by-tam"

# (source, tier, month, sessions, carried_in,
#  expected (held, forfeited, carried_out, available, billable_extra))
GOLDEN = [
    ("003: tier A, four weekly sessions all held", "a", "2026-11",
     [s(11, 3), s(11, 10), s(11, 17), s(11, 24)], 0, (4, 0, 0, 0, 0)),
    ("003: tier A, unused sessions are forfeited, never carried", "a", "2026-11",
     [s(11, 3)], 0, (1, 3, 0, 0, 0)),
    ("003: tier B, two sessions a month", "b", "2026-11", [s(11, 3), s(11, 17)], 0,
     (2, 0, 0, 0, 0)),
    ("003: tier C, one session a month", "c", "2026-11", [s(11, 3)], 0, (1, 0, 0, 0, 0)),
    ("003: CSM grants no working sessions", "csm", "2026-11", [], 0, (0, 0, 0, 0, 0)),
    ("003: CSM, a working session is billable extra", "csm", "2026-11", [s(11, 3)], 0,
     (0, 0, 0, 0, 1)),
    ("003: CSM, the quarterly review meeting is not billable", "csm", "2026-11",
     [s(11, 3, review=True)], 0, (0, 0, 0, 0, 0)),
    ("003: customer cancellation rescheduled within the month", "b", "2026-11",
     [s(11, 3, CC), s(11, 5), s(11, 17)], 0, (2, 0, 0, 0, 0)),
    ("003: customer cancellation not rescheduled is forfeited", "b", "2026-11",
     [s(11, 3, CC), s(11, 17)], 0, (1, 1, 0, 0, 0)),
    ("003: customer cancellation rescheduled into the next month is forfeited", "c",
     "2026-11", [s(11, 20, CC), s(12, 2)], 0, (0, 1, 0, 0, 0)),
    ("003: TAM cancellation moves to the next month", "c", "2026-11", [s(11, 10, TC)], 0,
     (0, 0, 1, 0, 0)),
    ("003: the carried session is used in the next month", "c", "2026-12",
     [s(12, 1), s(12, 8)], 1, (2, 0, 0, 0, 0)),
    ("003: a carried session the TAM cancels again moves again", "c", "2026-12",
     [s(12, 1), s(12, 8, TC)], 1, (1, 0, 1, 0, 0)),
    ("003: a carried session left unused expires with the month", "c", "2026-12",
     [s(12, 1)], 1, (1, 1, 0, 0, 0)),
    ("003: TAM cancellation made up within the month carries nothing", "c", "2026-11",
     [s(11, 10, TC), s(11, 12)], 0, (1, 0, 0, 0, 0)),
    ("003: make-up serves the customer's cancellation first; TAM's carries", "b", "2026-11",
     [s(11, 3, CC), s(11, 5), s(11, 17, TC)], 0, (1, 0, 1, 0, 0)),
    ("003: more sessions than the allowance are billable extra", "c", "2026-11",
     [s(11, 3), s(11, 10), s(11, 17)], 0, (1, 0, 0, 0, 2)),
    ("003: carried-in sessions count before extra is billed", "b", "2026-12",
     [s(12, 1), s(12, 8), s(12, 15), s(12, 22)], 1, (3, 0, 0, 0, 1)),
]


@pytest.mark.parametrize("row", GOLDEN, ids=[g[0] for g in GOLDEN])
def test_golden_months(row: tuple[str, str, str, list[Session], int, tuple[int, ...]]) -> None:
    _source, tier, month, sessions, carried_in, expected = row
    stmt = engagement.tam_statement(tier, month, sessions, carried_in=carried_in)
    got = (stmt.held, stmt.forfeited, stmt.carried_out, stmt.available, stmt.billable_extra)
    assert got == expected


@pytest.mark.parametrize(
    ("tier", "allowance", "seats", "cadence"),
    [("csm", 0, 0, "none"), ("a", 4, 2, "weekly"), ("b", 2, 1, "alternate-weeks"),
     ("c", 1, 0, "monthly")],
)
def test_every_tier_from_003(tier: str, allowance: int, seats: int, cadence: str) -> None:
    t = engagement.tam_tier(tier)
    assert (t.sessions_per_month, t.masterclass_seats, t.cadence.value, t.max_minutes) == (
        allowance, seats, cadence, 60)
    assert engagement.tam_statement(tier, "2026-11", []).allowance == allowance
    assert engagement.tam_tiers().source.endswith("tam.toml")


def test_violations_are_reported() -> None:
    sessions = [s(11, 3, minutes=90), Session(at(10, 30)), s(11, 20, CC), s(12, 2),
                s(11, 24, TC, review=True)]
    stmt = engagement.tam_statement("a", "2026-11", sessions)
    kinds = [v.kind for v in stmt.violations]
    assert kinds == [ViolationKind.OUTSIDE_MONTH, ViolationKind.TOO_LONG,
                     ViolationKind.REVIEW_NOT_HELD, ViolationKind.RESCHEDULED_OUTSIDE_MONTH]
    assert stmt.held == 1  # the long session counts; outside ones do not
    for locale in ("en", "de", "nl", "es", "ru"):
        text = stmt.explain(locale)
        assert "{" not in text and "90" in text


def test_month_is_read_in_the_customer_timezone() -> None:
    late = Session(dt.datetime(2026, 12, 1, 3, tzinfo=UTC))  # 30 Nov 22:00 in New York
    assert engagement.tam_statement("c", "2026-11", [late]).held == 1
    assert engagement.tam_statement("c", "2026-11", [late], timezone="UTC").held == 0
    assert engagement.tam_statement("c", (2026, 12), [late], timezone="UTC").held == 1


def test_open_month_decides_nothing_yet() -> None:
    sessions = [s(11, 3), s(11, 10, TC), s(11, 24)]
    with pytest.raises(errors.InvalidValueError, match="after as_of"):
        engagement.tam_statement("a", "2026-11", sessions, as_of=at(11, 12))
    stmt = engagement.tam_statement("a", "2026-11", sessions[:2], as_of=at(11, 12))
    assert (stmt.closed, stmt.held, stmt.forfeited, stmt.carried_out, stmt.available) == (
        False, 1, 0, 0, 3)
    after = engagement.tam_statement("a", "2026-11", sessions, as_of=at(12, 1))
    assert after.closed and after.carried_out == 1 and after.available == 0


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"tier": "d"}, errors.UnknownNameError),
        ({"tier": 1}, errors.InvalidTypeError),
        ({"month": "2026-13"}, errors.InvalidValueError),
        ({"month": "Nov 2026"}, errors.InvalidValueError),
        ({"month": dt.datetime(2026, 11, 1, tzinfo=NY)}, errors.InvalidTypeError),
        ({"carried_in": -1}, errors.InvalidValueError),
        ({"carried_in": True}, errors.InvalidTypeError),
        ({"sessions": "held"}, errors.InvalidTypeError),
        ({"sessions": [at(11, 3)]}, errors.InvalidTypeError),
        ({"as_of": dt.datetime(2026, 11, 5)}, errors.NaiveDatetimeError),
        ({"timezone": "Mars/Base"}, errors.InvalidValueError),
    ],
)
def test_bad_statement_input_is_refused(kwargs: dict[str, object], error: type) -> None:
    args: dict[str, object] = {"tier": "a", "month": "2026-11", "sessions": []} | kwargs
    with pytest.raises(error):
        engagement.tam_statement(**args)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"at": dt.datetime(2026, 11, 3, 10)}, errors.NaiveDatetimeError),
        ({"minutes": 0}, errors.InvalidValueError),
        ({"minutes": 2000}, errors.InvalidValueError),
        ({"minutes": 60.0}, errors.InvalidTypeError),
        ({"status": "postponed"}, errors.InvalidValueError),
        ({"review": "yes"}, errors.InvalidTypeError),
    ],
)
def test_impossible_sessions_are_refused(kwargs: dict[str, object], error: type) -> None:
    args: dict[str, object] = {"at": at(11, 3)} | kwargs
    with pytest.raises(error):
        Session(**args)  # type: ignore[arg-type]


def test_caller_sessions_are_not_mutated() -> None:
    sessions = [s(11, 17), s(11, 3)]
    engagement.tam_statement("b", "2026-11", sessions)
    assert sessions == [s(11, 17), s(11, 3)]


def test_quarter_review() -> None:
    year = [s(10, 6), s(11, 3, review=True), s(12, 1, CC, review=True),
            Session(at(1, 5, year=2027), review=True)]
    q4 = engagement.quarter_review("2026-Q4", year)
    assert q4.done and [r.at for r in q4.reviews] == [at(11, 3)]
    assert not engagement.quarter_review((2026, 3), year).done
    assert "2026-Q3" in engagement.quarter_review((2026, 3), year).explain("es")
    with pytest.raises(errors.InvalidValueError):
        engagement.quarter_review("2026-Q5", year)


# --- the conservation property ---------------------------------------------------------

statuses = st.sampled_from(["held", CC, TC])


@st.composite
def months(draw: st.DrawFn) -> tuple[str, int, list[Session], int, dt.datetime | None]:
    tier = draw(st.sampled_from(["csm", "a", "b", "c"]))
    month = draw(st.integers(1, 12))
    start = dt.datetime(2026, month, 1, tzinfo=NY)
    offsets = st.integers(-3 * 24 * 60, 34 * 24 * 60)  # minutes; spills into neighbours
    raw = draw(st.lists(st.tuples(offsets, statuses, st.integers(1, 120), st.booleans()),
                        max_size=10))
    sessions = [Session(start + dt.timedelta(minutes=o), minutes=m, status=x, review=r)
                for o, x, m, r in raw]
    carried = draw(st.integers(0, 4))
    cut = draw(st.none() | st.integers(0, 32 * 24 * 60))
    as_of = None if cut is None else start + dt.timedelta(minutes=cut)
    if as_of is not None:  # a held session can only lie before as_of (compared in UTC:
        # one zone's datetimes compare by wall clock, and 02:30 in the March gap of New
        # York is 03:30 EDT, after an as_of of 03:15)
        cut_at = as_of.astimezone(dt.UTC)
        sessions = [x for x in sessions if not (x.held and x.at.astimezone(dt.UTC) >= cut_at)]
    return tier, month, sessions, carried, as_of


@settings(max_examples=60, deadline=None)
@given(session_minute=st.integers(0, 59), as_of_minute=st.integers(0, 59))
def test_held_sessions_and_as_of_in_the_spring_gap_compare_in_real_time(
    session_minute: int, as_of_minute: int
) -> None:
    # 02:MM on 2026-03-08 does not exist in New York: it reads as 03:MM EDT.
    at = dt.datetime(2026, 3, 8, 2, session_minute, tzinfo=NY)
    as_of = dt.datetime(2026, 3, 8, 3, as_of_minute, tzinfo=NY)
    held = [Session(at)]
    if at.astimezone(dt.UTC) >= as_of.astimezone(dt.UTC):  # a session at as_of is refused
        with pytest.raises(errors.InvalidValueError, match="at or after as_of"):
            engagement.tam_statement("b", (2026, 3), held, 0, as_of)
    else:
        assert engagement.tam_statement("b", (2026, 3), held, 0, as_of).held == 1


@settings(max_examples=150, deadline=None)
@given(case=months())
def test_every_month_conserves_its_sessions(
    case: tuple[str, int, list[Session], int, dt.datetime | None],
) -> None:
    tier, month, sessions, carried, as_of = case
    stmt = engagement.tam_statement(tier, (2026, month), sessions, carried, as_of)
    counts = (stmt.held, stmt.forfeited, stmt.carried_out, stmt.available, stmt.billable_extra)
    assert min(counts) >= 0
    assert stmt.held + stmt.forfeited + stmt.carried_out + stmt.available == (
        stmt.allowance + carried)
    assert stmt.carried_out <= stmt.cancelled_by_tam
    if stmt.closed:
        assert stmt.available == 0
    else:
        assert stmt.forfeited == stmt.carried_out == 0
    if stmt.billable_extra:
        assert stmt.available == stmt.forfeited == stmt.carried_out == 0
