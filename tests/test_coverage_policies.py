"""Policies are data: presets cite their documents and load through the users' loader."""

from __future__ import annotations

import pathlib
from decimal import Decimal
from importlib import resources

import pytest

from supportpolicy import coverage
from supportpolicy.coverage import NextStep, Verdict

SOURCES = {
    "saas": "001_18e5686844ebd9ae.txt",
    "support-contract": "002_2a151803f220b5d9.txt",
    "crm-packages": "004_a16f44cd7428cb9c.txt",
    "tam-services": "003_33b0bc4fae6cfdce.txt",
}


def _text(name: str) -> str:
    return resources.files("supportpolicy.coverage").joinpath(
        "presets", f"{name}.toml").read_text(encoding="utf-8")


def test_the_four_presets_cite_their_documents() -> None:
    assert set(coverage.policy_names()) == set(SOURCES)
    for name, source in SOURCES.items():
        assert coverage.policy(name).source == source
        assert f'source = "{source}"' in _text(name)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_a_preset_copied_to_a_file_loads_identically(name: str, tmp_path: pathlib.Path) -> None:
    path = tmp_path / f"{name}.toml"
    path.write_text(_text(name), encoding="utf-8")
    mine = coverage.load_policy(path)
    assert mine == coverage.policy(name)
    assert coverage.classify(mine, kind="training", plan=mine.plans[0] if mine.plans else None,
                             tier=mine.tiers[0] if mine.tiers else None) == coverage.classify(
        name, kind="training", plan=mine.plans[0] if mine.plans else None,
        tier=mine.tiers[0] if mine.tiers else None)


def test_user_file_with_own_translations_and_discount(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "ours.toml"
    path.write_text(
        'name = "ours"\n'
        'title = {en = "Our desk", de = "Unser Desk"}\n'
        'tiers = ["gold"]\n'
        "[parameters]\n"
        'subscriber_discount = "12.5"\n'
        "[[rules]]\n"
        'id = "defects"\nkinds = ["product-defect"]\nverdict = "in-scope"\n'
        'next = "handled-under-contract"\nreason = {en = "Defects are on us.", '
        'de = "Fehler gehen auf uns."}\n'
        "[[rules]]\n"
        'id = "rest"\nverdict = "billable"\nnext = "billed-at-subscriber-discount"\n'
        'reason = "Everything else is billed."\n',
        encoding="utf-8",
    )
    ours = coverage.load_policy(path)
    assert ours.title_text("de") == "Unser Desk"
    assert ours.title_text("ru") == "Our desk"
    free = coverage.classify(ours, kind="product-defect", tier="gold")
    assert free.reason("de") == "Fehler gehen auf uns."
    billed = coverage.classify(ours, kind="migration", tier="GOLD")
    assert billed.verdict is Verdict.BILLABLE
    assert billed.subscriber_discount == Decimal("12.5")
    assert "12,5 %" in billed.next_text("de")
    assert "12.5" in billed.next_text("en")


def test_every_preset_ends_in_a_catch_all_and_steps_fit_verdicts() -> None:
    for name in SOURCES:
        policy = coverage.policy(name)
        assert policy.rules[-1].unconditional
        assert all(rule.next_step.verdict is rule.verdict for rule in policy.rules)


def test_policy_objects_pass_through() -> None:
    policy = coverage.policy("saas")
    assert coverage.policy(policy) is policy
    assert coverage.policy(" SaaS ") is policy


def test_upgrade_step_names_the_plan_in_each_language() -> None:
    decision = coverage.classify("crm-packages", kind="dedicated-specialist", plan="basic")
    assert decision.next_step is NextStep.AVAILABLE_FROM_PLAN
    assert "Premium" in decision.next_text("en")
    assert "Премиум" in decision.next_text("ru")
