"""Records: ``to_dict()``/``records()`` give flat, JSON-ready rows that keep the facts.

Instants come back as ISO 8601 text for the same instant, Decimals as exact strings,
business time as minutes that rebuild the exact timedelta, and ``pandas.DataFrame``
takes the rows as they are (checked only where pandas is installed; the library never
imports it).
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from supportpolicy import _display, coverage, engagement, sla

MSK = ZoneInfo("Europe/Moscow")
NY = ZoneInfo("America/New_York")
ZONES = st.sampled_from([ZoneInfo("UTC"), MSK, NY, ZoneInfo("Europe/Berlin")])
OPENED = st.datetimes(
    min_value=dt.datetime(2026, 1, 1), max_value=dt.datetime(2028, 12, 31), timezones=ZONES
)
PLANS = st.sampled_from(sla.plan_names())
JSON_SCALARS = (str, int, float, bool, type(None))


def assert_flat_json(record: dict[str, Any]) -> None:
    """A flat row of JSON scalars that survives a JSON round trip unchanged."""
    assert record and all(isinstance(key, str) for key in record)
    bad = {k: type(v).__name__ for k, v in record.items() if not isinstance(v, JSON_SCALARS)}
    assert bad == {}
    assert json.loads(json.dumps(record, allow_nan=False)) == record


def instant(text: str | None) -> dt.datetime | None:
    """The instant an ISO text names, in UTC (see :func:`utc`)."""
    return None if text is None else utc(dt.datetime.fromisoformat(text))


def utc(value: dt.datetime | None) -> dt.datetime | None:
    """*value* in UTC: Python never calls a datetime in a DST gap or fold equal to one in
    another zone, so instants are compared in UTC."""
    return None if value is None else value.astimezone(dt.UTC)


def test_the_flatness_check_refuses_nested_or_foreign_values() -> None:
    for bad in ({"a": [1]}, {"a": Decimal(1)}, {"a": dt.date(2026, 1, 1)}, {}):
        with pytest.raises(AssertionError):
            assert_flat_json(bad)


# --- durations as minutes ------------------------------------------------------------


@settings(max_examples=200)
@given(st.timedeltas(min_value=dt.timedelta(days=-3650), max_value=dt.timedelta(days=3650)))
def test_minutes_rebuild_the_exact_duration(delta: dt.timedelta) -> None:
    value = _display.minutes(delta)
    assert isinstance(value, int) == (delta % dt.timedelta(minutes=1) == dt.timedelta(0))
    assert dt.timedelta(minutes=value) == delta


# --- sla -------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(name=PLANS, priority=st.integers(1, 4), opened=OPENED)
def test_deadline_records_keep_the_instants_and_targets(
    name: str, priority: int, opened: dt.datetime
) -> None:
    plan = sla.plan(name)
    for deadline in (
        sla.reaction_deadline(plan, priority, opened),
        sla.resolution_deadline(plan, priority, opened),
    ):
        if deadline is None:
            continue
        record = deadline.to_dict()
        assert_flat_json(record)
        assert instant(record["due"]) == utc(deadline.due)
        shown = dt.datetime.fromisoformat(record["due"])  # on the plan's wall clock
        assert shown.utcoffset() == shown.astimezone(deadline.calendar.tz).utcoffset()
        assert record["timezone"] == deadline.calendar.timezone
        assert instant(record["opened"]) == utc(opened)
        assert instant(record["start"]) == utc(deadline.start)
        assert record["start_reason"] == deadline.start_reason.value
        assert (record["plan"], record["priority"], record["metric"]) == (
            name,
            priority,
            deadline.metric.value,
        )
        targets = plan.reaction if deadline.metric is sla.Metric.REACTION else plan.resolution
        assert record["target"] == targets[priority - 1].short()  # type: ignore[union-attr]


@settings(max_examples=60, deadline=None)
@given(
    name=PLANS,
    priority=st.integers(1, 4),
    opened=OPENED,
    reply=st.none() | st.integers(0, 72 * 60),
    later=st.integers(0, 30 * 24 * 60),
)
@example(  # opened inside New York's spring-forward gap
    name="basic", priority=1, opened=dt.datetime(2026, 3, 8, 2, 59, tzinfo=NY), reply=1, later=0
)
def test_status_records_keep_states_instants_and_remaining_time(
    name: str, priority: int, opened: dt.datetime, reply: int | None, later: int
) -> None:
    # Later instants are counted in UTC: adding to a zoned datetime adds wall-clock time,
    # which in a DST gap can land before the opening.
    start = opened.astimezone(dt.UTC)
    events: list[object] = [sla.Opened(opened, priority)]
    if reply is not None:
        events.append(sla.Responded(start + dt.timedelta(minutes=reply)))
    now = start + dt.timedelta(minutes=max(later, reply or 0))
    status = sla.evaluate(name, events, now)
    record = status.to_dict()
    assert_flat_json(record)
    assert instant(record["now"]) == utc(now)
    for metric, clock in (("reaction", status.reaction), ("resolution", status.resolution)):
        if clock is None:
            assert record[f"{metric}_state"] is None
            continue
        assert record[f"{metric}_state"] == clock.state.value
        assert instant(record[f"{metric}_due"]) == utc(clock.due)
        assert instant(record[f"{metric}_stopped"]) == utc(clock.stopped)
        remaining = dt.timedelta(minutes=record[f"{metric}_remaining_minutes"])
        assert remaining == clock.remaining
        assert clock.to_dict()["remaining_minutes"] == record[f"{metric}_remaining_minutes"]
        assert_flat_json(clock.to_dict())


# 004 (CRM support packages): service hours and the maximum reaction and Premium
# resolution times; 001: the 24-hour first review; 003: reply within 1 business day.
PLAN_FACTS = [
    ("004: Basic reacts to priority 1 within 24 hours", "basic", "reaction_p1", "24h"),
    ("004: Basic reacts to priorities 2-4 within 48 hours", "basic", "reaction_p4", "48h"),
    ("004: Basic opens Mon-Fri 10:00-18:00", "basic", "hours", "Mon-Fri 10:00-18:00"),
    ("004: Business reacts to priority 1 within 4 hours", "business", "reaction_p1", "4h"),
    ("004: Business opens Mon-Sat 9:00-19:00", "business", "hours", "Mon-Sat 09:00-19:00"),
    ("004: Premium reacts to priority 1 within 60 minutes", "premium", "reaction_p1", "60min"),
    ("004: Premium resolves priority 1 within 12 hours", "premium", "resolution_p1", "12h"),
    ("004: Premium resolves priority 2 in 3 working days", "premium", "resolution_p2", "3bd"),
    ("004: Premium resolves priority 4 in 20 working days", "premium", "resolution_p4", "20bd"),
    ("004: Premium is served 24x7", "premium", "hours", "24x7"),
    ("004: prices are in roubles", "premium", "currency", "RUB"),
    ("004: the minimum term is one year", "premium", "minimum_term_months", 12),
    ("004: Basic sets no resolution time", "basic", "resolution_p1", None),
    ("001: tickets are reviewed within 24 hours", "saas", "reaction_p1", "24h"),
    ("003: a reply within 1 business day", "tam", "reaction_p1", "1bd"),
    ("003: support hours are US Eastern time", "tam", "timezone", "America/New_York"),
]


@pytest.mark.parametrize(("fact", "name", "column", "value"), PLAN_FACTS, ids=str)
def test_plan_records_state_the_documents_figures(
    fact: str, name: str, column: str, value: object
) -> None:
    record = sla.plan(name).to_dict()
    assert_flat_json(record)
    assert record[column] == value, fact
    assert record["source"].startswith(fact[:3])


# --- coverage --------------------------------------------------------------------------

AMOUNTS = st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.tuples(AMOUNTS, AMOUNTS), min_size=1, max_size=6))
def test_statement_records_add_up_to_the_total_exactly(rows: list[tuple[Decimal, Decimal]]) -> None:
    entries = [
        coverage.TimeEntry("ACME", f"T-{i}", dt.date(2026, 11, 1 + i), hours, rate, "CHF")
        for i, (hours, rate) in enumerate(rows)
    ]
    statement = coverage.monthly_statement(entries, customer="ACME", month="2026-11")
    summary = statement.to_dict()
    lines = statement.records()
    assert_flat_json(summary)
    for line in lines:
        assert_flat_json(line)
        assert (line["customer"], line["month"], line["currency"]) == ("ACME", "2026-11", "CHF")
    assert Decimal(summary["total"]) == statement.total
    assert sum(Decimal(line["amount"]) for line in lines) == statement.total
    assert sum(Decimal(line["hours"]) for line in lines) == Decimal(summary["hours"])
    assert [dt.date.fromisoformat(line["date"]) for line in lines] == [
        line.date for line in statement.lines
    ]
    assert [line.to_dict() for line in statement.lines] == [
        {k: v for k, v in row.items() if k not in ("customer", "month", "currency")}
        for row in lines
    ]


def test_decision_records_are_flat_json() -> None:
    # 001: a change request is rejected and billed.
    record = coverage.classify("saas", kind="change-request").to_dict()
    assert_flat_json(record)
    assert (record["verdict"], record["source"][:3]) == ("billable", "001")


# --- engagement --------------------------------------------------------------------------

STATUSES = st.sampled_from(["held", "cancelled-by-customer", "cancelled-by-tam"])


@settings(max_examples=60, deadline=None)
@given(
    tier=st.sampled_from(["csm", "a", "b", "c"]),
    carried_in=st.integers(0, 3),
    plan=st.lists(st.tuples(st.integers(1, 30), STATUSES), max_size=8),
)
def test_tam_statement_records_keep_the_ledger(
    tier: str, carried_in: int, plan: list[tuple[int, str]]
) -> None:
    sessions = [
        engagement.Session(dt.datetime(2026, 11, day, 10, tzinfo=NY), status=status)
        for day, status in plan
    ]
    statement = engagement.tam_statement(tier, "2026-11", sessions, carried_in=carried_in)
    record = statement.to_dict()
    assert_flat_json(record)
    # 003's conservation: every granted or carried-in session is accounted for once.
    assert (
        record["held"] + record["forfeited"] + record["carried_out"] + record["available"]
        == record["allowance"] + record["carried_in"]
    )
    assert record["allowance"] == engagement.tam_tier(tier).sessions_per_month
    rows = statement.records()
    assert len(rows) == record["sessions"] == len(sessions)
    for row in rows:
        assert_flat_json(row)
    assert sorted(instant(row["at"]) for row in rows) == sorted(utc(s.at) for s in sessions)
    assert (
        sum(row["status"] == "held" for row in rows)
        == record["held"] + record["billable_extra"] + record["review_meetings"]
    )


def test_routing_and_tier_records() -> None:
    # 000: more than 8 hours needs a Statement of Work; 003: tier A has 4 sessions a month.
    assert engagement.routing("8.5").to_dict() == {
        "hours": "8.5",
        "threshold": "8",
        "route": "statement-of-work",
    }
    rows = engagement.tam_tiers().records()
    for row in rows:
        assert_flat_json(row)
    assert {row["tier"]: row["sessions_per_month"] for row in rows} == {
        "csm": 0,
        "a": 4,
        "b": 2,
        "c": 1,
    }


# --- pandas takes the rows as they are ------------------------------------------------


def test_a_dataframe_of_deadline_and_status_records() -> None:
    pd = pytest.importorskip("pandas")
    opened = [dt.datetime(2026, 11, day, 9, tzinfo=MSK) for day in (20, 21, 23)]
    deadlines = [sla.reaction_deadline("basic", 1, at) for at in opened]
    frame = pd.DataFrame([d.to_dict() for d in deadlines])
    assert list(frame["due"]) == [d.due.isoformat() for d in deadlines]
    assert (
        pd.to_datetime(frame["due"], utc=True) >= pd.to_datetime(frame["opened"], utc=True)
    ).all()
    statuses = [
        sla.evaluate("premium", [sla.Opened(at, 2)], at + dt.timedelta(hours=5)) for at in opened
    ]
    table = pd.DataFrame([s.to_dict() for s in statuses])
    assert list(table["reaction_state"]) == ["breached"] * 3  # 004: 4 hours for priority 2
    assert list(table["reaction_remaining_minutes"]) == [-60] * 3
