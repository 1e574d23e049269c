"""Routing an implementation estimate (document 000): golden rows, refusals, properties."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportpolicy import engagement, errors
from supportpolicy.engagement import Route

SOW, BUY = Route.STATEMENT_OF_WORK, Route.PURCHASE_HOURS

GOLDEN = [
    # (source, hours, expected route)
    ("000: quoted in more than 8 hours -> Statement of Work", "8.01", SOW),
    ("000: more than 8 hours, well above", 40, SOW),
    ("000: less than 8 hours -> buy the approved hours", "7.75", BUY),
    ("000: exactly 8 is not 'more than 8' (policies.md) -> buy hours", 8, BUY),
    ("000: exactly 8 as Decimal with trailing zeros", Decimal("8.000"), BUY),
    ("000: zero hours -> buy hours", 0, BUY),
    ("000: float converted through its string form", 8.01, SOW),
]


@pytest.mark.parametrize(("source", "hours", "expected"), GOLDEN, ids=[g[0] for g in GOLDEN])
def test_golden_routes(source: str, hours: object, expected: Route) -> None:
    assert engagement.route(hours) is expected


@pytest.mark.parametrize(
    "bad",
    ["-1", -0.5, "nan", float("nan"), float("inf"), "Infinity", True, False, "", "  ",
     "eight", None, [8], b"8"],
)
def test_bad_hours_are_refused(bad: object) -> None:
    with pytest.raises(errors.SupportPolicyError) as info:
        engagement.route(bad)
    assert isinstance(info.value, (ValueError, TypeError))
    assert "hours" in str(info.value)


def test_threshold_is_a_parameter() -> None:
    assert engagement.route(10, threshold=12) is BUY
    assert engagement.route(10, threshold="9.5") is SOW
    with pytest.raises(errors.InvalidValueError, match="threshold"):
        engagement.route(10, threshold=-1)


def test_routing_keeps_exact_decimal() -> None:
    decision = engagement.routing(0.1)
    assert decision.hours == Decimal("0.1")
    assert decision.threshold == engagement.DEFAULT_SOW_THRESHOLD == 8


@pytest.mark.parametrize("locale", ["en", "de", "nl", "es", "ru"])
def test_explanations_are_localized(locale: str) -> None:
    sow, buy = engagement.routing("12.5"), engagement.routing(8)
    assert sow.explain(locale) != buy.explain(locale)
    assert "{" not in sow.explain(locale)
    assert sow.route.label(locale) != buy.route.label(locale)
    if locale != "en":
        assert sow.explain(locale) != sow.explain("en")
        assert "12,5" in sow.explain(locale)


hours = st.decimals(min_value=0, max_value=10_000, allow_nan=False, places=2)


@settings(max_examples=200)
@given(a=hours, b=hours)
def test_routing_is_monotone(a: Decimal, b: Decimal) -> None:
    low, high = sorted((a, b))
    if engagement.route(low) is SOW:
        assert engagement.route(high) is SOW


@settings(max_examples=100)
@given(h=hours, t=hours)
def test_route_is_sow_exactly_above_threshold(h: Decimal, t: Decimal) -> None:
    assert (engagement.route(h, threshold=t) is SOW) == (h > t)
    assert engagement.route(str(h), threshold=t) is engagement.route(h, threshold=t)
