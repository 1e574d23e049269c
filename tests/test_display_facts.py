"""The one renderer: every value's facts are one list, and each form is read from it.

Records come from the facts with a key, in their order and with no key twice; the
JSON form is the record; records are language-neutral (a decision's record is the same
whatever locale is asked, and holds none of its translated texts); the SLA facts are
table-driven by ``sla.Metric``; and the renderer refuses a localized fact in a record.
"""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportpolicy import _render, coverage, engagement, i18n, sla
from supportpolicy._render import Fact, Kind, Shown
from supportpolicy.sla import views as sla_views

ZONES = st.sampled_from([ZoneInfo("UTC"), ZoneInfo("Europe/Moscow"), ZoneInfo("Asia/Tokyo")])
OPENED = st.datetimes(
    min_value=dt.datetime(2026, 1, 1), max_value=dt.datetime(2027, 12, 31), timezones=ZONES
)
PLANS = st.sampled_from(sla.plan_names())
KINDS = st.sampled_from(list(coverage.RequestKind))


def check_one_list(value: Shown) -> None:
    """The record is exactly the keyed facts, in order, no key twice, and JSON of it."""
    keys = [f.key for f in value._facts() if f.key is not None]
    assert len(keys) == len(set(keys)), type(value).__name__
    record = value.to_dict()
    assert list(record) == keys
    assert json.loads(_render.to_json(value)) == record
    assert not any(f.kind is Kind.LOCALIZED and f.key for f in value._facts())


@settings(max_examples=40, deadline=None)
@given(name=PLANS, priority=st.integers(1, 4), opened=OPENED, hours=st.integers(0, 200))
def test_sla_values_render_from_one_list(
    name: str, priority: int, opened: dt.datetime, hours: int
) -> None:
    plan = sla.plan(name)
    status = sla.evaluate(
        plan, [sla.Opened(opened, priority)], opened + dt.timedelta(hours=hours)
    )
    values: list[Shown] = [plan, plan.calendar, plan.calendar.hours, status, status.reaction]
    values.append(sla.reaction_deadline(plan, priority, opened))
    for value in values:
        check_one_list(value)
        assert repr(value).startswith(type(value).__name__ + "(")


@settings(max_examples=40, deadline=None)
@given(kind=KINDS, policy=st.sampled_from(["saas", "support-contract"]))
def test_a_decision_record_is_language_neutral(kind: coverage.RequestKind, policy: str) -> None:
    decision = coverage.classify(policy, kind=kind)
    record = decision.to_dict()
    check_one_list(decision)
    for locale in i18n.LOCALES:
        assert decision.to_dict(locale) == record
        texts = {decision.reason(locale), decision.next_text(locale)}
        assert not texts & set(record.values()), locale
    assert record["verdict"] == decision.verdict.value
    assert record["next_step"] == decision.next_step.value


def test_coverage_and_engagement_values_render_from_one_list() -> None:
    tiers = engagement.tam_tiers()
    values: list[Shown] = [
        engagement.routing("12.5"),
        tiers,
        *tiers.tiers.values(),
        coverage.policy("saas"),
        engagement.tam_statement("a", "2026-11", []),
    ]
    for value in values:
        check_one_list(value)


def test_the_sla_facts_are_table_driven_by_metric() -> None:
    from supportpolicy.sla import explain

    for table in (
        sla_views.METRIC_LABELS, explain._PRIORITY_ROWS, explain._TARGET_LINES,
        explain._DUE_LINES,
    ):  # fmt: skip
        assert set(table) == set(sla.Metric)
    record = sla.plan("premium").to_dict()
    for metric in sla.Metric:
        assert all(f"{metric.value}_p{n}" in record for n in range(1, 5))
    opened = dt.datetime(2026, 11, 20, 9, tzinfo=ZoneInfo("Europe/Moscow"))
    status = sla.evaluate("premium", [sla.Opened(opened, 2)], opened)
    columns = ("state", "due", "remaining_minutes", "stopped")
    assert all(f"{m.value}_{c}" in status.to_dict() for m in sla.Metric for c in columns)
    header = sla.plan("premium")._rows()[0]
    # a plan's table shows reaction, resolution and each further metric it sets
    assert [f.label for f in header[1:]] == list(sla_views.METRIC_LABELS.values())[:2]
    with_more = attrs.evolve(sla.plan("premium"), more_targets={
        sla.Metric.NEXT_REPLY: (sla.Target(1, sla.Unit.HOURS), None, None, None)})
    header = with_more._rows()[0]
    assert [f.label for f in header[1:]] == list(sla_views.METRIC_LABELS.values())[:3]


def test_a_localized_fact_never_enters_a_record() -> None:
    with pytest.raises(TypeError, match="localized"):
        _render.record([Fact("title", None, lambda locale: "Titel", Kind.LOCALIZED)])
    assert _render.record([Fact(None, "Title", lambda locale: "Titel", Kind.LOCALIZED)]) == {}


def test_the_text_form_is_the_labelled_facts() -> None:
    routing = engagement.routing("12.5")
    lines = _render.text(routing, "de").splitlines()
    assert lines[0] == "Geschätzte Stunden: 12,5"
    assert len(lines) == sum(f.label is not None for f in routing._facts())


def test_labelled_enums_share_one_label() -> None:
    assert sla.State.BREACHED.label("nl") == "overschreden"
    assert coverage.Verdict.BILLABLE.label("en") == "billable"
    assert engagement.Cadence.WEEKLY.label("en") == "weekly"
    assert isinstance(coverage.Channel.PHONE, _render.Labelled)
