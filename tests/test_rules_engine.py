"""The shared rule engine (``supportpolicy._rules``): its laws, checked against a naive
reading of the rule, and the coverage rules it serves, checked against the matching
that coverage had before it moved there."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from supportpolicy import _rules, coverage
from supportpolicy.coverage import Channel, NextStep, Request, RequestKind, Rule, Verdict

WORDS = st.sampled_from(["a", "b", "c", "d"])
MODES = st.sampled_from(list(_rules.Match))


def naive(condition: _rules.Condition, value: object) -> bool:
    """The rule as docs/plans.md states it, one case per sentence."""
    wanted = set(condition.values)
    if value is None:
        return condition.match is _rules.Match.NONE
    given_values = set(value) if isinstance(value, frozenset) else {value}
    if condition.match is _rules.Match.ANY:
        return bool(wanted & given_values)
    if condition.match is _rules.Match.ALL:
        return wanted <= given_values
    return not wanted & given_values


conditions = st.builds(
    _rules.Condition,
    st.sampled_from(["channel", "tags"]),
    st.frozensets(WORDS, min_size=1),
    MODES,
)
subjects = st.fixed_dictionaries(
    {},
    optional={"channel": WORDS, "tags": st.frozensets(WORDS)},
)


@settings(max_examples=300, deadline=None)
@given(conditions, subjects)
def test_a_condition_holds_as_the_rule_says(
    condition: _rules.Condition, subject: dict[str, Any]
) -> None:
    assert condition.holds(subject.get) is naive(condition, subject.get(condition.key))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(conditions, max_size=3), max_size=6), subjects)
def test_the_first_matching_rule_wins(
    table: list[list[_rules.Condition]], subject: dict[str, Any]
) -> None:
    rules = [_rules.When(tuple(row)) for row in table]
    expected = next(
        (i for i, row in enumerate(table) if all(naive(c, subject.get(c.key)) for c in row)),
        None,
    )
    assert _rules.first_match(rules, lambda w: w, subject.get) == expected


def test_a_rule_without_conditions_matches_anything() -> None:
    assert _rules.When().unconditional
    assert _rules.When().holds({}.get)
    assert _rules.first_match([], lambda w: w, {}.get) is None


# --- coverage rules, served by the shared engine ----------------------------------------


def _old_matches(rule: Rule, request: Request) -> bool:
    """Coverage's matching before the engine was shared (kept as the reference)."""

    def within(value: object, allowed: frozenset[Any] | None) -> bool:
        return allowed is None or (value is not None and value in allowed)

    def same(value: bool, wanted: bool | None) -> bool:
        return wanted is None or value is wanted

    return (
        within(request.kind, rule.kinds)
        and within(request.plan, rule.plans)
        and within(request.channel, rule.channels)
        and within(request.tier, rule.tiers)
        and same(request.complete, rule.complete)
        and same(request.from_end_user, rule.from_end_user)
        and same(request.lead_ticket, rule.lead_ticket)
    )


def _maybe_set(values: st.SearchStrategy[Any]) -> st.SearchStrategy[frozenset[Any] | None]:
    return st.none() | st.frozensets(values, min_size=1, max_size=3)


rules = st.builds(
    Rule,
    id=st.just("r"),
    verdict=st.just(Verdict.BILLABLE),
    next_step=st.just(NextStep.BILLED_SEPARATELY),
    reason=st.just("r"),
    kinds=_maybe_set(st.sampled_from(list(RequestKind))),
    plans=_maybe_set(st.sampled_from(["x", "y"])),
    channels=_maybe_set(st.sampled_from(list(Channel))),
    tiers=_maybe_set(st.sampled_from(["a", "b"])),
    complete=st.none() | st.booleans(),
    from_end_user=st.none() | st.booleans(),
    lead_ticket=st.none() | st.booleans(),
)
requests = st.builds(
    Request,
    kind=st.sampled_from(list(RequestKind)),
    plan=st.none() | st.sampled_from(["x", "y"]),
    channel=st.none() | st.sampled_from(list(Channel)),
    tier=st.none() | st.sampled_from(["a", "b"]),
    complete=st.booleans(),
    from_end_user=st.booleans(),
    lead_ticket=st.booleans(),
)


@settings(max_examples=500, deadline=None)
@given(rules, requests)
def test_coverage_rules_match_as_before(rule: Rule, request: Request) -> None:
    assert rule.matches(request) is _old_matches(rule, request)
    assert rule.unconditional is (rule.when == _rules.When())


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(coverage.policy_names()), requests)
def test_a_policy_decides_by_its_first_matching_rule(name: str, request: Request) -> None:
    policy = coverage.policy(name)
    expected = next(i for i, r in enumerate(policy.rules, 1) if _old_matches(r, request))
    assert policy.first_match(request) == (expected, policy.rules[expected - 1])
