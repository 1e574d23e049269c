"""Property tests of coverage: one verdict per request; statements add up; no floats."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from supportpolicy import coverage
from supportpolicy.coverage import Channel, RequestKind, TimeEntry, Verdict

PRESETS = coverage.policy_names()


@st.composite
def requests(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    name = draw(st.sampled_from(PRESETS))
    policy = coverage.policy(name)
    keywords: dict[str, Any] = {
        "kind": draw(st.sampled_from(list(RequestKind))),
        "channel": draw(st.none() | st.sampled_from(list(Channel))),
        "complete": draw(st.booleans()),
        "from_end_user": draw(st.booleans()),
        "lead_ticket": draw(st.booleans()),
    }
    if policy.plans:
        keywords["plan"] = draw(st.sampled_from(policy.plans))
    if policy.tiers:
        keywords["tier"] = draw(st.sampled_from(policy.tiers))
    return name, keywords


@settings(max_examples=200, deadline=None)
@given(requests())
def test_every_request_gets_exactly_one_verdict(case: tuple[str, dict[str, Any]]) -> None:
    name, keywords = case
    decision = coverage.classify(name, **keywords)
    assert decision.verdict in Verdict
    # The deciding rule is the first of the table that matches; none before it does.
    rules = decision.policy.rules
    matching = [i for i, rule in enumerate(rules, 1) if rule.matches(decision.request)]
    assert matching[0] == decision.rule_number
    assert decision.next_step.verdict is decision.verdict
    # Deterministic, and the same for strings and enum members.
    assert coverage.classify(name, **keywords) == decision


@settings(max_examples=60, deadline=None)
@given(requests(), st.sampled_from(["en", "de", "nl", "es", "ru"]))
def test_every_decision_explains_itself_in_each_locale(
    case: tuple[str, dict[str, Any]], locale: str
) -> None:
    name, keywords = case
    decision = coverage.classify(name, **keywords)
    text = decision.explain(locale)
    assert decision.reason(locale) in text
    assert decision.rule.id in text
    assert "{" not in text


def test_completeness_first_in_002() -> None:
    """002: any incomplete request is returned, whatever it asks."""
    for kind in RequestKind:
        decision = coverage.classify("support-contract", kind=kind, complete=False)
        assert decision.verdict is Verdict.INCOMPLETE


def test_end_users_are_never_in_scope_in_003() -> None:
    """003: level-1 requests from end users are out of scope on every tier."""
    for tier in ("csm", "a", "b", "c"):
        for kind in RequestKind:
            decision = coverage.classify("tam-services", kind=kind, tier=tier,
                                         from_end_user=True)
            assert decision.verdict is Verdict.BILLABLE


money = st.decimals(min_value=0, max_value=10**6, places=4, allow_nan=False,
                    allow_infinity=False)


@st.composite
def entries(draw: st.DrawFn) -> list[TimeEntry]:
    count = draw(st.integers(min_value=0, max_value=12))
    result = []
    for _ in range(count):
        when: dt.date
        if draw(st.booleans()):
            when = draw(st.dates(min_value=dt.date(2026, 10, 1), max_value=dt.date(2026, 12, 31)))
        else:
            when = draw(st.datetimes(
                min_value=dt.datetime(2026, 10, 1), max_value=dt.datetime(2026, 12, 31),
                timezones=st.just(dt.UTC)))
        result.append(TimeEntry(
            customer=draw(st.sampled_from(["ACME", "Beta"])),
            ticket=draw(st.sampled_from(["LEAD-1", "T-1", "T-2"])),
            date=when, hours=draw(money), rate=draw(money),
            currency=draw(st.sampled_from(["EUR"])),
        ))
    return result


@settings(max_examples=150, deadline=None)
@given(entries(), st.sampled_from(["Europe/Zurich", "America/New_York", "Asia/Tokyo"]),
       st.none() | money)
def test_statement_total_is_exactly_the_sum_of_its_lines(
    items: list[TimeEntry], zone: str, approved: Decimal | None
) -> None:
    allowance = None if approved is None else {"LEAD-1": approved}
    for month in ("2026-10", "2026-11", "2026-12"):
        statement = coverage.monthly_statement(
            items, customer="ACME", month=month, timezone=zone, approved_hours=allowance
        )
        assert statement.total == sum((line.amount for line in statement.lines), Decimal(0))
        for line in statement.lines:
            assert line.free_hours + line.billable_hours == line.hours
            assert line.free_hours >= 0
            # Rounded once, half-up, to the cent.
            exact = line.billable_hours * line.rate
            assert abs(line.amount - exact) <= Decimal("0.005")
            assert line.amount.as_tuple().exponent == -2
    # Free hours over all months never exceed the approval.
    free = sum(
        (coverage.monthly_statement(items, customer="ACME", month=m, timezone=zone,
                                    approved_hours=allowance).free_hours
         for m in ("2026-10", "2026-11", "2026-12")),
        Decimal(0),
    )
    assert free <= (approved or Decimal(0))


def _floats(value: object) -> list[object]:
    if isinstance(value, float):
        return [value]
    if isinstance(value, (tuple, list)):
        return [f for item in value for f in _floats(item)]
    if hasattr(value, "__attrs_attrs__"):
        return [f for a in value.__attrs_attrs__ for f in _floats(getattr(value, a.name))]
    return []


@settings(max_examples=100, deadline=None)
@given(entries())
def test_no_float_anywhere_in_money(items: list[TimeEntry]) -> None:
    for statement in coverage.monthly_statements(items, month="2026-11", timezones="UTC"):
        assert _floats(statement) == []
        assert isinstance(statement.total, Decimal)
        assert all(isinstance(line.amount, Decimal) for line in statement.lines)
    assert _floats(items) == []
