"""Bad input to coverage: every error names what was wrong and lists what is accepted."""

from __future__ import annotations

import datetime as dt
import enum
import pathlib
from importlib import resources

import pytest

from supportpolicy import coverage, errors


def test_unknown_kind_names_it_and_lists_the_kinds() -> None:
    with pytest.raises(errors.InvalidValueError) as info:
        coverage.classify("saas", kind="free-lunch")
    message = str(info.value)
    assert "free-lunch" in message
    assert all(kind.value in message for kind in coverage.RequestKind)


def test_unknown_channel_names_it_and_lists_the_channels() -> None:
    with pytest.raises(errors.InvalidValueError) as info:
        coverage.classify("crm-packages", kind="functional-question", plan="basic",
                          channel="fax")
    message = str(info.value)
    assert "fax" in message
    assert all(channel.value in message for channel in coverage.Channel)


def test_unknown_plan_names_it_and_lists_the_plans() -> None:
    with pytest.raises(errors.InvalidValueError) as info:
        coverage.classify("crm-packages", kind="migration", plan="gold")
    assert "gold" in str(info.value)
    assert "basic, business, premium" in str(info.value)


def test_missing_plan_lists_the_plans() -> None:
    with pytest.raises(errors.InvalidValueError, match="basic, business, premium"):
        coverage.classify("crm-packages", kind="migration")


def test_plan_on_a_policy_without_plans_is_refused() -> None:
    with pytest.raises(errors.InvalidValueError, match="no plans"):
        coverage.classify("saas", kind="migration", plan="basic")


def test_unknown_tier_names_it_and_lists_the_tiers() -> None:
    with pytest.raises(errors.InvalidValueError) as info:
        coverage.classify("tam-services", kind="training", tier="d")
    assert "'d'" in str(info.value)
    assert "csm, a, b, c" in str(info.value)


def test_unknown_policy_names_it_and_lists_the_presets() -> None:
    with pytest.raises(errors.UnknownNameError) as info:
        coverage.classify("gold-support", kind="migration")
    assert isinstance(info.value, KeyError)
    message = str(info.value)
    assert "gold-support" in message
    assert all(name in message for name in coverage.policy_names())


@pytest.mark.parametrize("policy", [None, 3, b"saas"])
def test_policy_of_wrong_type(policy: object) -> None:
    with pytest.raises(errors.InvalidTypeError, match="preset name"):
        coverage.classify(policy, kind="migration")  # type: ignore[arg-type]


@pytest.mark.parametrize("flag", ["complete", "from_end_user", "lead_ticket"])
def test_flags_must_be_booleans(flag: str) -> None:
    with pytest.raises(errors.InvalidTypeError, match=flag):
        coverage.classify("saas", kind="migration", **{flag: "yes"})  # type: ignore[arg-type]


def test_enums_and_strings_are_accepted_alike() -> None:
    # A caller's own enum of plan names is read by its value.
    Package = enum.StrEnum("Package", {"BASIC": "basic"})
    by_enum = coverage.classify(
        "crm-packages", kind=coverage.RequestKind.FUNCTIONAL_QUESTION,
        plan=Package.BASIC, channel=coverage.Channel.PHONE,
    )
    by_text = coverage.classify(
        "CRM-Packages", kind="FUNCTIONAL_QUESTION", plan=" Basic ", channel="Phone"
    )
    assert by_enum == by_text


@pytest.mark.parametrize(("category", "status"), [("", "New"), ("Call", "  "), (None, "New"),
                                                  ("Call", 3)])
def test_intake_refuses_empty_or_non_text(category: object, status: object) -> None:
    with pytest.raises(errors.SupportPolicyError):
        coverage.intake_state(category=category, status=status)  # type: ignore[arg-type]


def _preset_text(name: str) -> str:
    return resources.files("supportpolicy.coverage").joinpath(
        "presets", f"{name}.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda t: t.replace('next = "handled-under-contract"', 'next = "rejected-and-billed"', 1),
         "cannot follow verdict"),
        (lambda t: t.replace('kinds = ["product-defect"]', 'kinds = ["free-lunch"]', 1),
         "free-lunch"),
        (lambda t: t.replace('verdict = "in-scope"', 'verdict = "maybe"', 1), "maybe"),
        (lambda t: t.replace('id = "operations-incident"', 'id = "standard-product-defect"'),
         "unique"),
        (lambda t: t + '\n[[rules]]\nid = "late"\nkinds = ["training"]\nverdict = "billable"\n'
                      'next = "billed-separately"\nreason = "x"\n', "last rule"),
        (lambda t: t.replace('billed_to = "customer"', 'billed_to = "nobody"'), "nobody"),
        (lambda t: t.replace('kinds = ["product-defect"]', 'kind = ["product-defect"]', 1),
         "unknown key"),
        (lambda t: t.replace('lead_ticket = true', 'lead_ticket = "yes"'), "true or false"),
        (lambda t: t + "\n[[", "not valid TOML"),
        (lambda t: t.replace('name = "saas"', ''), "name"),
    ],
)
def test_malformed_policy_files_name_file_and_key(
    tmp_path: pathlib.Path, change: object, expected: str
) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(change(_preset_text("saas")), encoding="utf-8")  # type: ignore[operator]
    with pytest.raises(errors.PolicyFileError) as info:
        coverage.load_policy(path)
    assert str(path) in str(info.value)
    assert expected in str(info.value)


def test_rule_plans_must_be_declared(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(_preset_text("crm-packages").replace('plans = ["basic"]', 'plans = ["gold"]'),
                    encoding="utf-8")
    with pytest.raises(errors.PolicyFileError, match="gold"):
        coverage.load_policy(path)


def test_float_discount_is_refused(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(_preset_text("tam-services").replace(
        "[parameters]", "[parameters]\nsubscriber_discount = 12.5"), encoding="utf-8")
    with pytest.raises(errors.PolicyFileError, match="float"):
        coverage.load_policy(path)


def test_missing_file() -> None:
    with pytest.raises(errors.PolicyFileError, match="no such file"):
        coverage.load_policy("/nonexistent/policy.toml")


def test_time_entry_refuses_float_money() -> None:
    with pytest.raises(errors.InvalidTypeError, match="float"):
        coverage.TimeEntry("ACME", "T-1", dt.date(2026, 11, 2), "1", 120.5, "EUR")
    with pytest.raises(errors.InvalidTypeError, match="float"):
        coverage.TimeEntry("ACME", "T-1", dt.date(2026, 11, 2), 1.5, "120", "EUR")


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("hours", "-1", ">= 0"),
        ("hours", "abc", "not a number"),
        ("rate", "1e20", "out of range"),
        ("rate", "NaN", "finite"),
        ("currency", "EURO", "ISO 4217"),
        ("customer", " ", "non-empty"),
        ("date", dt.datetime(2026, 11, 2, 9, 0), "naive"),
        ("date", "2026-11-02", "datetime.date"),
    ],
)
def test_time_entry_refuses_bad_fields(field: str, value: object, expected: str) -> None:
    fields: dict[str, object] = {
        "customer": "ACME", "ticket": "T-1", "date": dt.date(2026, 11, 2),
        "hours": "1", "rate": "100", "currency": "EUR",
    }
    fields[field] = value
    with pytest.raises(errors.SupportPolicyError, match=expected):
        coverage.TimeEntry(**fields)  # type: ignore[arg-type]


def test_statement_refuses_bad_month_timezone_and_mixed_currency() -> None:
    entries = [
        coverage.TimeEntry("ACME", "T-1", dt.date(2026, 11, 2), "1", "100", "EUR"),
        coverage.TimeEntry("ACME", "T-2", dt.date(2026, 11, 3), "1", "100", "CHF"),
    ]
    with pytest.raises(errors.InvalidValueError, match="YYYY-MM"):
        coverage.monthly_statement(entries, customer="ACME", month="2026-13")
    with pytest.raises(errors.InvalidValueError, match="IANA"):
        coverage.monthly_statement(entries, customer="ACME", month="2026-11",
                                   timezone="Mars/Base")
    with pytest.raises(errors.InvalidValueError, match="mix currencies"):
        coverage.monthly_statement(entries, customer="ACME", month="2026-11")


def test_timed_entry_needs_a_timezone() -> None:
    entry = coverage.TimeEntry("ACME", "T-1", dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC),
                               "1", "100", "EUR")
    with pytest.raises(errors.InvalidValueError, match="timezone"):
        coverage.monthly_statement([entry], customer="ACME", month="2026-11")
